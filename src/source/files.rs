//! Which files a run reads: folders walked recursively in name order, and lists of
//! paths (`--files-from`), both lazily, so memory does not grow with their length.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::limit::{read_line, Line};
use super::{Document, SourceError};

/// Longest path in a file list.
const PATH_LIMIT: usize = 64 * 1024;

/// The files below `root`, sorted by name, hidden ones and a folder's README left
/// out; an entry that cannot be read is an error document.
pub(crate) fn walk(root: PathBuf) -> impl Iterator<Item = Result<PathBuf, Document>> + Send {
    WalkDir::new(&root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(move |entry| match entry {
            Ok(e) if e.file_type().is_dir() => None,
            Ok(e) if is_hidden(e.path(), &root) || is_folder_readme(e.path()) => None,
            Ok(e) => Some(Ok(e.into_path())),
            Err(e) => {
                let path = e.path().unwrap_or(&root).display().to_string();
                let err = SourceError::Read {
                    path: path.clone(),
                    source: e.into(),
                };
                Some(Err(Document::failed(path, err.to_string())))
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

/// The paths of a list, one a line (blank lines skipped, `\r\n` allowed); a line
/// that cannot be read is an error document named `LIST:LINE`, and a read error
/// ends the list.
pub(crate) fn list<R: BufRead + Send>(
    mut reader: R,
    name: String,
) -> impl Iterator<Item = Result<PathBuf, Document>> + Send {
    let mut buf = Vec::new();
    let mut line_no = 0u64;
    let mut done = false;
    std::iter::from_fn(move || {
        while !done {
            line_no += 1;
            let failed =
                |reason: String| Some(Err(Document::failed(format!("{name}:{line_no}"), reason)));
            match read_line(&mut reader, &mut buf, PATH_LIMIT) {
                Ok(Line::Eof) => done = true,
                Err(e) => {
                    done = true;
                    let err = SourceError::Read {
                        path: name.clone(),
                        source: e,
                    };
                    return failed(err.to_string());
                }
                Ok(Line::Read { too_long: true, .. }) => {
                    return failed(format!("path longer than {PATH_LIMIT} bytes"));
                }
                Ok(Line::Read { .. }) => {
                    let path = String::from_utf8_lossy(&buf);
                    let path = path.trim_end_matches(['\n', '\r']);
                    if !path.is_empty() {
                        return Some(Ok(PathBuf::from(path)));
                    }
                }
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_paths_line_by_line() {
        let got: Vec<_> = list(&b"a.txt\r\n\nb/c.txt"[..], "l".into())
            .map(|p| p.unwrap())
            .collect();
        assert_eq!(got, [PathBuf::from("a.txt"), PathBuf::from("b/c.txt")]);
    }
}
