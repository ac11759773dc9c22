//! Command-line arguments (clap derive) and their help texts.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Turn German press articles about IT cooperations of public bodies into JSON
/// records: who cooperates with whom, of what kind, which officials speak for them,
/// with the dates and amounts involved. Every fact carries the byte offsets of the
/// text it came from.
#[derive(Debug, Parser)]
#[command(name = "coopfacts", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract one JSON record per document (JSON Lines).
    ///
    /// Reads files and folders (walked recursively, in name order); `-` reads
    /// standard input as one document. Writes to standard output unless -o is
    /// given, and a one-line summary to standard error. Exit code 0 when every
    /// document was read, 1 when some records carry `error`, 2 when the run could
    /// not start.
    #[command(after_help = "Example:\n  coopfacts extract corpus -o records.jsonl")]
    Extract(ExtractArgs),
    /// Score records against gold annotations (the figures of score.py).
    ///
    /// Exit code 1 when a --min or --max-leaks bar is missed, a document is
    /// missing, or (with --root) a fact's offsets do not slice to its text.
    #[command(after_help = "Example:\n  coopfacts eval --gold gold.jsonl --root . records.jsonl")]
    Eval(EvalArgs),
}

/// Arguments of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or folders to read; `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Write records to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long = "threads", value_name = "N")]
    pub threads: Option<usize>,
    /// Add or replace gazetteer entries from a TSV file (places, organisations or
    /// roles; see gazetteers/README.md). May be given several times.
    #[arg(long = "gazetteer", value_name = "FILE")]
    pub gazetteers: Vec<PathBuf>,
    /// Documents larger than this many bytes get an error record instead of
    /// being read.
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_doc_bytes: u64,
    /// Print no summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Arguments of `eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold annotations (JSON Lines, gold/FORMAT.md).
    #[arg(long, value_name = "GOLD")]
    pub gold: PathBuf,
    /// Folder the records' `source` paths are relative to; enables the offset check.
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Fail when FIELD scores below VALUE (e.g. entities=0.95). May be repeated.
    #[arg(long = "min", value_name = "FIELD=VALUE")]
    pub min: Vec<String>,
    /// Fail when more than N boilerplate leaks are found.
    #[arg(long, value_name = "N")]
    pub max_leaks: Option<i64>,
    /// The records to score (JSON Lines, as `extract` writes them).
    #[arg(value_name = "RECORDS")]
    pub records: PathBuf,
}
