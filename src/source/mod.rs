//! Inputs to documents: files, folders (walked recursively, sorted by name), lists
//! of paths, and standard input, in the order the user gave them; each of them a
//! single document, a JSON Lines dump or a WARC/WET file, plain or compressed with
//! gzip or zstd.
//!
//! - **Format.** Compression is recognised by its magic bytes, whatever the name.
//!   The format inside comes from the name without a compression suffix
//!   (`.jsonl`, `.ndjson`: module `jsonl`; `.warc`, `.wet`: module `warc`; `.txt`, `.html`,
//!   `.htm`, `.xml`: one document) or, for other names and standard input, from
//!   the content: `WARC/` at the start is WARC; a first line that is a JSON object
//!   is JSON Lines; anything else is one document. [`SourceOptions::format`]
//!   overrides the choice for every input.
//! - **Names.** A file's document is named by its path as the user gave it, joined
//!   with the walked path; standard input by `-`. Records in a dump are named
//!   `PATH:LINE` or `PATH:LINE#ID` (JSON Lines) and `PATH#<WARC-Record-ID>`
//!   (WARC); see the submodules.
//! - **Bounded memory.** Everything streams: a folder is walked lazily, a list of
//!   paths read a line at a time, a dump a line or record at a time, and nothing is
//!   read past `max_doc_bytes` for one document; a larger document is skipped unread
//!   and carries an error.
//! - **Faults** never stop the walk. An unreadable or vanished file, a broken
//!   stream, a malformed line or record: each becomes a document carrying the error,
//!   and so a record with `error`.

mod compress;
mod files;
mod jsonl;
mod limit;
mod warc;

use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::PathBuf;
use std::sync::Arc;

use compress::Peeked;

/// One input document: where it came from and its bytes, or why they could not be read.
#[derive(Debug)]
pub struct Document {
    /// Where the document came from, in a stable form (see the module documentation).
    pub source: String,
    /// The raw bytes, or a message saying why they could not be read.
    pub content: Result<Vec<u8>, String>,
    /// The charset the bytes were converted from to UTF-8 before they were handed
    /// on, when the input named one that [`crate::decode`] does not read itself
    /// (a WARC record in ISO-8859-2, say); `None` for bytes as read.
    pub transcoded_from: Option<&'static str>,
}

impl Document {
    /// A document with its bytes as read.
    pub fn new(source: String, content: Vec<u8>) -> Document {
        Document {
            source,
            content: Ok(content),
            transcoded_from: None,
        }
    }

    /// A document that could not be read, and why.
    pub fn failed(source: String, reason: String) -> Document {
        Document {
            source,
            content: Err(reason),
            transcoded_from: None,
        }
    }
}

/// Why (part of) an input could not be read. Carried as the message of a
/// document's error, never returned: reading goes on.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SourceError {
    /// Reading failed: a missing file, a permission, a truncated compressed stream.
    #[error("cannot read {path}: {}", describe_io(source))]
    Read {
        /// The file (or `-`).
        path: String,
        /// What went wrong.
        source: io::Error,
    },
    /// A document is larger than `max_doc_bytes`.
    #[error("document larger than the limit of {limit} bytes (--max-doc-bytes)")]
    TooLarge {
        /// The limit.
        limit: u64,
    },
    /// A JSON Lines line is not a JSON object.
    #[error("line is not a JSON object: {reason}")]
    Json {
        /// The parser's message.
        reason: String,
    },
    /// A JSON Lines object has no string in its text field.
    #[error("no string field `{field}` holding the document's text")]
    NoText {
        /// The text field's name.
        field: String,
    },
    /// A WARC record is malformed.
    #[error("malformed WARC: {reason}")]
    Warc {
        /// What is wrong with it.
        reason: String,
    },
}

/// Says "truncated" where a decompressor ran out of input.
fn describe_io(e: &io::Error) -> String {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        format!("stream ends early, the file seems truncated ({e})")
    } else {
        e.to_string()
    }
}

/// What a run reads, in order.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file or a folder.
    Path(PathBuf),
    /// Standard input.
    Stdin,
    /// A file naming one path (file or folder) a line.
    FilesFrom(PathBuf),
    /// Standard input naming one path a line.
    FilesFromStdin,
}

impl Input {
    /// `-` means standard input; anything else is a path.
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }

    /// The list of paths `arg` names; `-` is standard input.
    pub fn files_from(arg: &str) -> Input {
        if arg == "-" {
            Input::FilesFromStdin
        } else {
            Input::FilesFrom(PathBuf::from(arg))
        }
    }
}

/// The formats an input can hold (after decompression).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The whole input is one document.
    Document,
    /// JSON Lines, one document a line.
    Jsonl,
    /// WARC or WET records.
    Warc,
}

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct SourceOptions {
    /// Documents (and JSON Lines lines) larger than this get an error instead of
    /// being read.
    pub max_doc_bytes: u64,
    /// Read every input as this format instead of choosing by name and content.
    pub format: Option<Format>,
    /// The JSON Lines field holding the text.
    pub text_field: String,
    /// The JSON Lines field holding the id.
    pub id_field: String,
}

impl Default for SourceOptions {
    fn default() -> Self {
        SourceOptions {
            max_doc_bytes: 64 * 1024 * 1024,
            format: None,
            text_field: "text".into(),
            id_field: "id".into(),
        }
    }
}

type Docs = Box<dyn Iterator<Item = Document> + Send>;

/// Documents of `inputs`, lazily, in a stable order, with default options but
/// `max_doc_bytes`.
pub fn documents(inputs: Vec<Input>, max_doc_bytes: u64) -> impl Iterator<Item = Document> + Send {
    read(
        inputs,
        SourceOptions {
            max_doc_bytes,
            ..SourceOptions::default()
        },
    )
}

/// Documents of `inputs`, lazily, in a stable order.
pub fn read(inputs: Vec<Input>, options: SourceOptions) -> impl Iterator<Item = Document> + Send {
    let options = Arc::new(options);
    inputs.into_iter().flat_map(move |input| -> Docs {
        let options = Arc::clone(&options);
        match input {
            Input::Stdin => open_stream(Box::new(io::stdin()), "-".into(), options),
            Input::Path(path) => expand(path, options),
            Input::FilesFrom(list) => match File::open(&list) {
                Ok(f) => from_list(io::BufReader::new(f), list.display().to_string(), options),
                Err(e) => {
                    let name = list.display().to_string();
                    let err = SourceError::Read {
                        path: name.clone(),
                        source: e,
                    };
                    Box::new(std::iter::once(Document::failed(name, err.to_string())))
                }
            },
            Input::FilesFromStdin => {
                from_list(io::BufReader::new(io::stdin()), "-".into(), options)
            }
        }
    })
}

fn from_list(
    reader: impl BufRead + Send + 'static,
    name: String,
    options: Arc<SourceOptions>,
) -> Docs {
    Box::new(files::list(reader, name).flat_map(move |entry| -> Docs {
        match entry {
            Ok(path) => expand(path, Arc::clone(&options)),
            Err(doc) => Box::new(std::iter::once(doc)),
        }
    }))
}

/// A folder's files, or a file.
fn expand(path: PathBuf, options: Arc<SourceOptions>) -> Docs {
    if path.is_dir() {
        Box::new(files::walk(path).flat_map(move |entry| match entry {
            Ok(path) => open_file(path, Arc::clone(&options)),
            Err(doc) => Box::new(std::iter::once(doc)),
        }))
    } else {
        open_file(path, options)
    }
}

fn open_file(path: PathBuf, options: Arc<SourceOptions>) -> Docs {
    let name = path.display().to_string();
    match File::open(&path) {
        Ok(f) => open_stream(Box::new(f), name, options),
        Err(e) => {
            let err = SourceError::Read {
                path: name.clone(),
                source: e,
            };
            Box::new(std::iter::once(Document::failed(name, err.to_string())))
        }
    }
}

/// The documents of one stream named `name`: decompressed, its format chosen.
fn open_stream(reader: Box<dyn Read + Send>, name: String, options: Arc<SourceOptions>) -> Docs {
    let failed = |name: String, e: io::Error| -> Docs {
        let err = SourceError::Read {
            path: name.clone(),
            source: e,
        };
        Box::new(std::iter::once(Document::failed(name, err.to_string())))
    };
    let peeked = match Peeked::new(reader, compress::MAGIC_LEN) {
        Ok(p) => p,
        Err(e) => return failed(name, e),
    };
    let compression = compress::sniff(&peeked.head);
    let reader = match compress::decompress(peeked.into_reader(), compression) {
        Ok(r) => r,
        Err(e) => return failed(name, e),
    };
    let by_name = options
        .format
        .or_else(|| format_by_name(compress::strip_suffix(&name)));
    let (format, reader): (Format, Box<dyn BufRead + Send>) = match by_name {
        Some(format) => (format, reader),
        None => match Peeked::new(reader, SNIFF_LEN) {
            Ok(peeked) => (
                format_by_content(&peeked.head),
                Box::new(peeked.into_reader()),
            ),
            Err(e) => return failed(name, e),
        },
    };
    match format {
        Format::Document => {
            let limit = options.max_doc_bytes;
            let mut buf = Vec::new();
            let content = match reader.take(limit.saturating_add(1)).read_to_end(&mut buf) {
                Err(e) => Err(SourceError::Read {
                    path: name.clone(),
                    source: e,
                }
                .to_string()),
                Ok(_) if buf.len() as u64 > limit => {
                    Err(SourceError::TooLarge { limit }.to_string())
                }
                Ok(_) => Ok(buf),
            };
            Box::new(std::iter::once(Document {
                source: name,
                content,
                transcoded_from: None,
            }))
        }
        Format::Jsonl => Box::new(jsonl::JsonlDocs::new(reader, name, options)),
        Format::Warc => Box::new(warc::WarcDocs::new(reader, name, options)),
    }
}

/// How much of an unnamed input is read ahead to tell its format.
const SNIFF_LEN: u64 = 64 * 1024;

fn format_by_name(name: &str) -> Option<Format> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "warc" | "wet" => Some(Format::Warc),
        "txt" | "text" | "html" | "htm" | "xhtml" | "xml" => Some(Format::Document),
        _ => None,
    }
}

/// WARC starts with its version line; JSON Lines with a line that is a JSON
/// object (or, when the first line is longer than `head`, with `{"`).
fn format_by_content(head: &[u8]) -> Format {
    let trimmed = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if trimmed.starts_with(b"WARC/") {
        return Format::Warc;
    }
    let first = match memchr::memchr(b'\n', trimmed) {
        Some(end) => &trimmed[..end],
        None if head.len() as u64 >= SNIFF_LEN => {
            let start: Vec<u8> = trimmed
                .iter()
                .copied()
                .filter(|b| !b.is_ascii_whitespace())
                .take(2)
                .collect();
            return if start == b"{\"" {
                Format::Jsonl
            } else {
                Format::Document
            };
        }
        None => trimmed,
    };
    match serde_json::from_slice::<serde::de::IgnoredAny>(first) {
        Ok(_) if first.trim_ascii_start().starts_with(b"{") => Format::Jsonl,
        _ => Format::Document,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn walks_folders_sorted_and_reports_missing_paths() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.txt"), "B").unwrap();
        std::fs::create_dir(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/z.txt"), "Z").unwrap();
        std::fs::write(dir.path().join(".hidden"), "H").unwrap();
        std::fs::write(dir.path().join("README.md"), "about").unwrap();
        let missing = dir.path().join("missing.txt");
        let docs: Vec<_> = documents(
            vec![Input::Path(dir.path().to_owned()), Input::Path(missing)],
            1 << 20,
        )
        .collect();
        let names: Vec<_> = docs
            .iter()
            .map(|d| d.source.rsplit('/').next().unwrap())
            .collect();
        assert_eq!(names, ["z.txt", "b.txt", "missing.txt"]);
        assert_eq!(docs[0].content.as_deref().unwrap(), b"Z");
        assert!(docs[2]
            .content
            .as_ref()
            .unwrap_err()
            .contains("missing.txt"));
    }

    #[test]
    fn chooses_the_format_by_name_then_content() {
        assert_eq!(format_by_name("a.jsonl"), Some(Format::Jsonl));
        assert_eq!(format_by_name("CC-MAIN-1.warc.wet"), Some(Format::Warc));
        assert_eq!(format_by_name("a.TXT"), Some(Format::Document));
        assert_eq!(format_by_name("article"), None);
        assert_eq!(format_by_content(b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(format_by_content(b"{\"text\": \"a\"}\n{"), Format::Jsonl);
        assert_eq!(
            format_by_content(b"{Klammer} am Anfang\n"),
            Format::Document
        );
        assert_eq!(format_by_content(b"{\n  \"text\": 1\n}"), Format::Document);
        assert_eq!(format_by_content(b"Stadt Jena"), Format::Document);
        assert_eq!(format_by_content(b""), Format::Document);
    }

    #[test]
    fn compressed_files_are_read_whatever_their_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dump");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"{\"id\":\"x\",\"text\":\"Jena\"}\n")
            .unwrap();
        std::fs::write(&path, enc.finish().unwrap()).unwrap();
        let docs: Vec<_> = documents(vec![Input::Path(path.clone())], 1 << 20).collect();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].source, format!("{}:1#x", path.display()));
        assert_eq!(docs[0].content.as_deref().unwrap(), b"Jena");
    }
}
