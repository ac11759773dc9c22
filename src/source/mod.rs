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
//!   is JSON Lines (in a `.json` file only if another line opens an object too:
//!   else it is one JSON article, read by the HTML stage); anything else is one
//!   document. [`SourceOptions::format`]
//!   overrides the choice for every input.
//! - **Names.** A file's document is named by its path as the user gave it, joined
//!   with the walked path; standard input by `-`. Records in a dump are named
//!   `PATH:LINE` or `PATH:LINE#ID` (JSON Lines) and `PATH#<WARC-Record-ID>`
//!   (WARC); see the submodules.
//! - **Bounded memory.** Everything streams: a folder is walked lazily, a list of
//!   paths read a line at a time, a dump a line or record at a time, and nothing is
//!   read past `max_doc_bytes` for one document; a larger document is skipped unread
//!   and carries an error.
//! - **Progress.** When every input is a file, [`total_bytes`] tells their size
//!   ahead, and [`SourceOptions::bytes_read`] counts the bytes consumed so far.
//! - **Faults** never stop the walk. An unreadable or vanished file, a broken
//!   stream, a malformed line or record: each becomes a document carrying the error,
//!   and so a record with `error`.

mod compress;
mod count;
mod files;
mod jsonl;
mod limit;
mod warc;

use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use compress::Peeked;
use count::Counted;

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
    /// Where to add the bytes consumed from input files, as stored (compressed
    /// bytes for a compressed file), for a progress bar measured against
    /// [`total_bytes`]. A file counts whole once it is done with, even when it was
    /// not read to its end. `None` counts nothing.
    pub bytes_read: Option<Arc<AtomicU64>>,
}

impl Default for SourceOptions {
    fn default() -> Self {
        SourceOptions {
            max_doc_bytes: 64 * 1024 * 1024,
            format: None,
            text_field: "text".into(),
            id_field: "id".into(),
            bytes_read: None,
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
        Ok(f) => open_stream(counted(f, &options), name, options),
        Err(e) => {
            if let Some(counter) = &options.bytes_read {
                // A file that exists but cannot be opened is in the total too.
                counter.fetch_add(file_size(&path).unwrap_or(0), Ordering::Relaxed);
            }
            let err = SourceError::Read {
                path: name.clone(),
                source: e,
            };
            Box::new(std::iter::once(Document::failed(name, err.to_string())))
        }
    }
}

/// `file`, counting its bytes when [`SourceOptions::bytes_read`] asks for it.
fn counted(file: File, options: &SourceOptions) -> Box<dyn Read + Send> {
    match &options.bytes_read {
        Some(counter) => {
            let size = file.metadata().map_or(0, |m| m.len());
            Box::new(Counted::new(file, size, Arc::clone(counter)))
        }
        None => Box::new(file),
    }
}

/// The size of all `inputs` in bytes, as stored, when each of them is a file: for
/// a progress bar with an ETA. `None` as soon as one is a folder (not walked twice
/// just to count), standard input, or anything else that is not a regular file.
/// A `--files-from` list is read once more for this, a path at a time. A path
/// that does not exist counts as empty: it yields an error record, and no bytes.
pub fn total_bytes(inputs: &[Input]) -> Option<u64> {
    let mut total: u64 = 0;
    for input in inputs {
        let size = match input {
            Input::Stdin | Input::FilesFromStdin => None,
            Input::Path(path) => file_size(path),
            Input::FilesFrom(list) => list_size(list),
        };
        total = total.saturating_add(size?);
    }
    Some(total)
}

/// The size of the files a `--files-from` list names, as [`total_bytes`] counts
/// it; an unreadable list or line yields error records and no bytes.
fn list_size(list: &Path) -> Option<u64> {
    let Ok(f) = File::open(list) else {
        return Some(0);
    };
    let mut total: u64 = 0;
    // Unreadable lines (`Err`) are error records: no bytes.
    for path in files::list(io::BufReader::new(f), String::new()).flatten() {
        total = total.saturating_add(file_size(&path)?);
    }
    Some(total)
}

/// A regular file's size, `Some(0)` for a path that does not exist, `None` for
/// anything else (a folder, a pipe, a device).
fn file_size(path: &Path) -> Option<u64> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Some(meta.len()),
        Ok(_) => None,
        Err(_) => Some(0),
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
                match format_by_content(&peeked.head) {
                    Format::Jsonl
                        if is_json_name(&name) && !has_second_object_line(&peeked.head) =>
                    {
                        Format::Document
                    }
                    format => format,
                },
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

/// A `.json` file: one JSON document (a CMS API's article), unless it holds JSON
/// Lines.
fn is_json_name(name: &str) -> bool {
    compress::strip_suffix(name)
        .rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("json"))
}

/// A line after the first opens a JSON object: the file is JSON Lines.
fn has_second_object_line(head: &[u8]) -> bool {
    memchr::memchr_iter(b'\n', head).any(|at| head.get(at + 1) == Some(&b'{'))
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
    use super::compress::tests::gzip;
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
        assert!(has_second_object_line(b"{\"a\":1}\n{\"a\":2}\n"));
        assert!(!has_second_object_line(
            b"{\"title\":\"x\",\n  \"text\":\"y\"}\n"
        ));
        assert!(
            is_json_name("post.JSON") && is_json_name("post.json.gz") && !is_json_name("a.jsonl")
        );
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
    fn the_total_is_known_only_when_every_input_is_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.jsonl.gz");
        std::fs::write(&a, "Jena").unwrap();
        let gz = gzip(b"{\"text\":\"Gera\"}\n");
        std::fs::write(&b, &gz).unwrap();
        let sum = 4 + gz.len() as u64;
        let list = dir.path().join("list.txt");
        std::fs::write(&list, format!("{}\n\n{}\n", a.display(), b.display())).unwrap();
        let folders = dir.path().join("folders.txt");
        std::fs::write(&folders, format!("{}\n", dir.path().display())).unwrap();
        let path = |p: &Path| Input::Path(p.to_owned());
        let missing = dir.path().join("missing.txt");

        assert_eq!(total_bytes(&[path(&a), path(&b)]), Some(sum));
        assert_eq!(
            total_bytes(&[path(&a), path(&missing), path(&b)]),
            Some(sum)
        );
        assert_eq!(total_bytes(&[Input::FilesFrom(list.clone())]), Some(sum));
        assert_eq!(
            total_bytes(&[path(&a), Input::FilesFrom(missing.clone())]),
            Some(4)
        );
        assert_eq!(total_bytes(&[]), Some(0));
        assert_eq!(total_bytes(&[path(&a), path(dir.path())]), None);
        assert_eq!(total_bytes(&[Input::FilesFrom(folders)]), None);
        assert_eq!(total_bytes(&[path(&a), Input::Stdin]), None);
        assert_eq!(
            total_bytes(&[Input::FilesFromStdin, Input::FilesFrom(list)]),
            None
        );
    }

    #[test]
    fn bytes_read_reach_the_total_and_leave_the_documents_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let put = |name: &str, bytes: &[u8]| {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            Input::Path(p)
        };
        let lines = "{\"text\":\"Jena\"}\n".repeat(50);
        let cut = gzip("Kooperation ".repeat(500).as_bytes());
        let inputs = vec![
            put("a.txt", b"Stadt Jena"),
            put("b.jsonl.gz", &gzip(lines.as_bytes())),
            put("c-huge.txt", "Gera ".repeat(100).as_bytes()),
            put("d-cut.txt.gz", &cut[..cut.len() / 2]),
            Input::Path(dir.path().join("e-missing.txt")),
        ];
        let total = total_bytes(&inputs).unwrap();
        let options = SourceOptions {
            max_doc_bytes: 100,
            ..SourceOptions::default()
        };
        let counter = Arc::new(AtomicU64::new(0));
        let counting = SourceOptions {
            bytes_read: Some(Arc::clone(&counter)),
            ..options.clone()
        };
        let docs = |options| -> Vec<_> {
            read(inputs.clone(), options)
                .map(|d| (d.source, d.content))
                .collect()
        };
        let plain = docs(options);
        assert_eq!(plain.len(), 54);
        assert_eq!(docs(counting), plain);
        assert_eq!(counter.load(Ordering::Relaxed), total);
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
