//! Where records go: standard output, or a file compressed as its name says
//! (`.gz`: gzip, `.zst`/`.zstd`: zstd, anything else plain).

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, StdoutLock, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};
use flate2::write::GzEncoder;

/// Buffer between the records and the file or pipe.
const BUFFER: usize = 256 * 1024;

/// An open output.
pub enum Output {
    /// Standard output.
    Stdout(BufWriter<StdoutLock<'static>>),
    /// A plain file.
    Plain(BufWriter<File>),
    /// A gzip file.
    Gzip(GzEncoder<BufWriter<File>>),
    /// A zstd file.
    Zstd(zstd::Encoder<'static, BufWriter<File>>),
}

/// How a file is compressed, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// Plain.
    None,
    /// `.gz`.
    Gzip,
    /// `.zst` or `.zstd`.
    Zstd,
}

impl Compression {
    /// The compression `path`'s name asks for.
    pub fn of(path: &Path) -> Compression {
        match path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
        {
            Some(e) if e == "gz" => Compression::Gzip,
            Some(e) if e == "zst" || e == "zstd" => Compression::Zstd,
            _ => Compression::None,
        }
    }
}

impl Output {
    /// Standard output.
    pub fn stdout() -> Output {
        Output::Stdout(BufWriter::with_capacity(BUFFER, io::stdout().lock()))
    }

    /// Creates (or truncates) `path`; with `keep = Some(n)`, keeps its first `n`
    /// bytes and appends after them instead (plain files only).
    pub fn file(path: &Path, keep: Option<u64>) -> Result<Output> {
        let compression = Compression::of(path);
        let file = match keep {
            Some(n) => {
                if compression != Compression::None {
                    bail!("cannot append to the compressed {}", path.display());
                }
                let f = OpenOptions::new()
                    .write(true)
                    .open(path)
                    .with_context(|| format!("cannot open {}", path.display()))?;
                f.set_len(n)
                    .with_context(|| format!("cannot truncate {}", path.display()))?;
                drop(f);
                OpenOptions::new()
                    .append(true)
                    .open(path)
                    .with_context(|| format!("cannot open {}", path.display()))?
            }
            None => {
                File::create(path).with_context(|| format!("cannot create {}", path.display()))?
            }
        };
        let file = BufWriter::with_capacity(BUFFER, file);
        Ok(match compression {
            Compression::None => Output::Plain(file),
            Compression::Gzip => Output::Gzip(GzEncoder::new(file, flate2::Compression::default())),
            Compression::Zstd => Output::Zstd(
                zstd::Encoder::new(file, 3)
                    .with_context(|| format!("cannot compress {}", path.display()))?,
            ),
        })
    }

    /// Writes what is buffered and ends a compressed stream.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush(),
            Output::Plain(mut w) => w.flush(),
            Output::Gzip(w) => w.finish()?.flush(),
            Output::Zstd(w) => w.finish()?.flush(),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf),
            Output::Plain(w) => w.write(buf),
            Output::Gzip(w) => w.write(buf),
            Output::Zstd(w) => w.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout(w) => w.write_all(buf),
            Output::Plain(w) => w.write_all(buf),
            Output::Gzip(w) => w.write_all(buf),
            Output::Zstd(w) => w.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::Plain(w) => w.flush(),
            Output::Gzip(w) => w.flush(),
            Output::Zstd(w) => w.flush(),
        }
    }
}
