//! Command-line arguments (clap derive) and their help texts.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
    /// Reads files and folders (walked recursively, in name order), then the
    /// paths of --files-from lists; `-` reads standard input. Each input is one
    /// document, a JSON Lines dump (one document a line) or a WARC/WET file,
    /// plain or compressed with gzip or zstd: told by the name (.txt, .html;
    /// .jsonl, .ndjson; .warc, .wet; plus .gz or .zst) or, failing that, by the
    /// content. Writes to standard output unless -o is given (compressed for .gz
    /// and .zst), a progress line while running when standard error is a
    /// terminal, and a one-line summary at the end. Exit code 0 when every
    /// document was read, 1 when some records carry `error`, 2 when the run could
    /// not start or could not write.
    #[command(after_help = "Examples:\n  \
        coopfacts extract corpus -o records.jsonl\n  \
        coopfacts extract dump.jsonl.zst CC-MAIN-x.warc.wet.gz -o records.jsonl.gz\n  \
        cat dump.jsonl | coopfacts extract --format jsonl - > records.jsonl\n  \
        coopfacts extract --files-from list.txt -o records.jsonl --resume --stats stats.json")]
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
    #[arg(required_unless_present = "files_from", value_name = "PATH")]
    pub paths: Vec<String>,
    /// Read the paths (files or folders) listed in LIST, one a line; `-` for
    /// standard input. May be given several times; read after the PATHs.
    #[arg(long, value_name = "LIST")]
    pub files_from: Vec<String>,
    /// Read every input as this format instead of choosing by name and content.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub format: InputFormat,
    /// The JSON Lines field holding a document's text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,
    /// The JSON Lines field holding a document's id (a string or number), written
    /// into `source` as `PATH:LINE#ID`.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,
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
    /// Continue an interrupted run: keep the records already in the -o file
    /// (dropping a last line cut short), skip their documents, append the rest.
    /// The file must be uncompressed and written from the same inputs.
    #[arg(long, requires = "output")]
    pub resume: bool,
    /// Write the run's figures to FILE as JSON.
    #[arg(long, value_name = "FILE")]
    pub stats: Option<PathBuf>,
    /// Print no progress and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

/// What the inputs hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// By name, then content.
    Auto,
    /// Each input is one document.
    Doc,
    /// JSON Lines, one document a line.
    Jsonl,
    /// WARC or WET records.
    Warc,
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
