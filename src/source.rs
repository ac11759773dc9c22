//! Inputs to documents: files, folders (walked recursively, sorted by name) and
//! standard input, in the order the user gave them.
//!
//! Hidden files and a folder's README are skipped when walking. Enumeration streams: a folder is walked lazily, so memory does not grow with the
//! number of files. Reading errors do not stop the walk; they travel with the
//! document and become a record with `error`.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// One input document: where it came from and its bytes, or why they could not be read.
#[derive(Debug)]
pub struct Document {
    /// The path as the user gave it, joined with the walked path; `-` for standard input.
    pub source: String,
    /// The raw bytes, or a message saying why they could not be read.
    pub content: Result<Vec<u8>, String>,
}

/// What a run reads, in order.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file or a folder.
    Path(PathBuf),
    /// Standard input, read as one document.
    Stdin,
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
}

/// Documents of `inputs`, lazily, in a stable order. Documents larger than
/// `max_doc_bytes` are not read into memory; they carry an error instead.
pub fn documents(inputs: Vec<Input>, max_doc_bytes: u64) -> impl Iterator<Item = Document> + Send {
    inputs
        .into_iter()
        .flat_map(move |input| -> Box<dyn Iterator<Item = Document> + Send> {
            match input {
                Input::Stdin => Box::new(std::iter::once(Document {
                    source: "-".to_owned(),
                    content: read_limited(io::stdin().lock(), max_doc_bytes)
                        .map_err(|e| format!("cannot read standard input: {e}")),
                })),
                Input::Path(path) if path.is_dir() => Box::new(walk(path, max_doc_bytes)),
                Input::Path(path) => Box::new(std::iter::once(read_file(&path, max_doc_bytes))),
            }
        })
}

fn walk(root: PathBuf, max_doc_bytes: u64) -> impl Iterator<Item = Document> + Send {
    WalkDir::new(&root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(move |entry| match entry {
            Ok(e) if e.file_type().is_dir() => None,
            Ok(e) if is_hidden(e.path(), &root) || is_folder_readme(e.path()) => None,
            Ok(e) => Some(read_file(e.path(), max_doc_bytes)),
            Err(e) => {
                let path = e.path().unwrap_or(&root).display().to_string();
                Some(Document {
                    content: Err(format!("cannot read {path}: {e}")),
                    source: path,
                })
            }
        })
}

/// Hidden files and folders below the root (`.git`, editor backups) are not articles.
fn is_hidden(path: &Path, root: &Path) -> bool {
    path.strip_prefix(root)
        .map(|rel| {
            rel.components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        })
        .unwrap_or(false)
}

/// A folder's README describes the folder; it is no article. (A README named on
/// the command line is read like any file.)
fn is_folder_readme(path: &Path) -> bool {
    path.file_name().is_some_and(|n| {
        n.to_string_lossy()
            .to_ascii_lowercase()
            .starts_with("readme")
    })
}

fn read_file(path: &Path, max_doc_bytes: u64) -> Document {
    let source = path.display().to_string();
    let content = File::open(path)
        .and_then(|f| read_limited(f, max_doc_bytes))
        .map_err(|e| format!("cannot read {source}: {e}"));
    Document { source, content }
}

/// Reads at most `limit` bytes; a longer input is an error, so that one huge
/// document cannot exhaust memory.
fn read_limited(reader: impl Read, limit: u64) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    reader.take(limit.saturating_add(1)).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("document larger than the limit of {limit} bytes (--max-doc-bytes)"),
        ));
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn refuses_documents_over_the_limit() {
        assert!(read_limited(&b"12345"[..], 4).is_err());
        assert_eq!(read_limited(&b"1234"[..], 4).unwrap(), b"1234");
    }
}
