//! Errors that stop a run. Per-document trouble never lands here: it becomes a
//! record with `error` (see [`crate::record::Record::failed`]).

use std::path::PathBuf;

use thiserror::Error;

/// A fatal error: the run cannot start or cannot go on.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// A gazetteer file is malformed.
    #[error(transparent)]
    Gazetteer(#[from] GazetteerError),
    /// A stage's built-in pattern does not compile (a bug, caught by the tests).
    #[error("{stage}: built-in pattern does not compile: {reason}")]
    Pattern {
        /// The stage that owns the pattern.
        stage: &'static str,
        /// The compiler's message.
        reason: String,
    },
    /// Output could not be written.
    #[error("cannot write output: {0}")]
    Write(#[source] std::io::Error),
    /// A gold or records file for evaluation could not be read.
    #[error("{path}: {reason}")]
    Eval {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// A line of a gold or records file for evaluation is not JSON, or holds a
    /// value the scorer cannot read (where `score.py` would stop too).
    #[error("{}:{line}: {reason}", path.display())]
    EvalLine {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
}

/// A malformed gazetteer line, or a gazetteer file that cannot be read.
#[derive(Debug, Error)]
#[error("{file}:{line}: {reason}")]
pub struct GazetteerError {
    /// The file (or `bundled:NAME` for embedded data).
    pub file: String,
    /// 1-based line number; 0 when the file as a whole is at fault.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}
