//! Exit codes, in one place.

use std::process::ExitCode;

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Every document processed (or the reader of the output went away).
    Success,
    /// Finished, but some records carry `error`, or an evaluation missed its bars.
    SomeFailed,
    /// Could not run: bad arguments, unreadable gazetteer, unwritable output.
    Fatal,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(match e {
            Exit::Success => 0,
            Exit::SomeFailed => 1,
            Exit::Fatal => 2,
        })
    }
}
