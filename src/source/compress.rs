//! Compressed inputs: gzip (also concatenated members, as `.warc.gz` holds one per
//! record) and zstd (also several frames), recognised by their magic bytes whatever
//! the file is called, and decompressed as a stream.

use std::io::{self, BufRead, BufReader, Read};

use flate2::read::MultiGzDecoder;

/// The compression of a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Compression {
    /// Not compressed.
    None,
    /// gzip, one or more members.
    Gzip,
    /// Zstandard, one or more frames.
    Zstd,
}

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];

/// Buffer size of the readers: large enough for a typical article in one read.
pub(crate) const BUFFER: usize = 64 * 1024;

/// The compression a stream starting with `head` has.
pub(crate) fn sniff(head: &[u8]) -> Compression {
    if head.starts_with(GZIP_MAGIC) {
        Compression::Gzip
    } else if head.starts_with(ZSTD_MAGIC) {
        Compression::Zstd
    } else {
        Compression::None
    }
}

/// Bytes enough to tell the compression.
pub(crate) const MAGIC_LEN: u64 = 4;

/// `reader`, decompressed as `compression` says, buffered.
pub(crate) fn decompress<R: Read + Send + 'static>(
    reader: R,
    compression: Compression,
) -> io::Result<Box<dyn BufRead + Send>> {
    Ok(match compression {
        Compression::None => Box::new(BufReader::with_capacity(BUFFER, reader)),
        Compression::Gzip => Box::new(BufReader::with_capacity(
            BUFFER,
            MultiGzDecoder::new(reader),
        )),
        Compression::Zstd => Box::new(BufReader::with_capacity(
            BUFFER,
            zstd::stream::read::Decoder::new(reader)?,
        )),
    })
}

/// The first bytes of a stream, read ahead, and the stream they came from.
pub(crate) struct Peeked<R> {
    /// Up to the number of bytes asked for; fewer only when the stream is shorter.
    pub(crate) head: Vec<u8>,
    rest: R,
}

impl<R: Read> Peeked<R> {
    /// Reads up to `n` bytes ahead (a pipe may hand them over a few at a time).
    pub(crate) fn new(mut reader: R, n: u64) -> io::Result<Peeked<R>> {
        let mut head = Vec::new();
        (&mut reader).take(n).read_to_end(&mut head)?;
        Ok(Peeked { head, rest: reader })
    }

    /// The whole stream again, the peeked bytes first.
    pub(crate) fn into_reader(self) -> io::Chain<io::Cursor<Vec<u8>>, R> {
        io::Cursor::new(self.head).chain(self.rest)
    }
}

/// The name without a compression suffix (`a.jsonl.gz` → `a.jsonl`).
pub(crate) fn strip_suffix(name: &str) -> &str {
    for suffix in [".gz", ".zst", ".zstd"] {
        if name.len() > suffix.len() && name.to_ascii_lowercase().ends_with(suffix) {
            return name.get(..name.len() - suffix.len()).unwrap_or(name);
        }
    }
    name
}

/// Reads all of `reader` (for tests and small inputs).
#[cfg(test)]
pub(crate) fn read_all(mut reader: impl Read) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    reader.read_to_end(&mut out)?;
    Ok(out)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use std::io::Write;

    /// `data` as a gzip member, for tests of the readers.
    pub(in crate::source) fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn recognises_and_decompresses_concatenated_members_and_frames() {
        let mut gz = gzip(b"one ");
        gz.extend(gzip(b"two"));
        let mut zst = zstd::encode_all(&b"three "[..], 3).unwrap();
        zst.extend(zstd::encode_all(&b"four"[..], 3).unwrap());
        for (bytes, kind, text) in [
            (gz, Compression::Gzip, &b"one two"[..]),
            (zst, Compression::Zstd, b"three four"),
            (b"plain".to_vec(), Compression::None, b"plain"),
        ] {
            let peeked = Peeked::new(io::Cursor::new(bytes), MAGIC_LEN).unwrap();
            assert_eq!(sniff(&peeked.head), kind);
            let out = read_all(decompress(peeked.into_reader(), kind).unwrap()).unwrap();
            assert_eq!(out, text);
        }
    }

    #[test]
    fn a_truncated_stream_is_an_error() {
        let text = "Kooperation ".repeat(1000);
        let gz = gzip(text.as_bytes());
        let cut = &gz[..gz.len() / 2];
        let r = io::Cursor::new(cut.to_vec());
        assert!(read_all(decompress(r, Compression::Gzip).unwrap()).is_err());
        let zst = zstd::encode_all(text.as_bytes(), 3).unwrap();
        let r = io::Cursor::new(zst[..zst.len() / 2].to_vec());
        assert!(read_all(decompress(r, Compression::Zstd).unwrap()).is_err());
    }

    #[test]
    fn strips_compression_suffixes() {
        assert_eq!(strip_suffix("a.jsonl.gz"), "a.jsonl");
        assert_eq!(strip_suffix("a.WARC.ZST"), "a.WARC");
        assert_eq!(strip_suffix(".gz"), ".gz");
        assert_eq!(strip_suffix("a.txt"), "a.txt");
    }
}
