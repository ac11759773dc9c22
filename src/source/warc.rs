//! WARC and WET files (WARC/1.0 and 1.1, as Common Crawl writes them): `response`,
//! `resource` and `conversion` records are documents; `warcinfo`, `request`,
//! `metadata`, `revisit` and other records are skipped.
//!
//! A small reader over any `BufRead` rather than a WARC crate: it reads one header
//! line and one block at a time under fixed limits, so a `.warc.gz` streams through
//! [`flate2::read::MultiGzDecoder`] in bounded memory, and a record over
//! `max_doc_bytes` is skipped unread, with an error record.
//!
//! - Source names are `PATH#<WARC-Record-ID>` (`crawl.warc.gz#<urn:uuid:…>`), or
//!   `PATH@OFFSET` for a record without id and for bytes that are not a record,
//!   where OFFSET counts bytes of the decompressed stream.
//! - `response` blocks hold an HTTP response: its status line and headers are
//!   dropped; the body is the document.
//! - The charset comes from the HTTP `Content-Type`, else the WARC `Content-Type`,
//!   else a `charset=` in the first KiB of the body. Bytes that are valid UTF-8,
//!   and charsets that name UTF-8 or Windows-1252 (with Latin-1 and ASCII, which
//!   WHATWG maps to it), go on unchanged: [`crate::decode`] tells those apart. Any
//!   other charset is converted to UTF-8 here with encoding_rs, and the document
//!   says from which ([`Document::transcoded_from`]).
//! - Faults: a record whose block is not followed by the empty lines that end it
//!   (a wrong `Content-Length`) gets an error record, and reading resumes at the
//!   next line starting with `WARC/`; bytes that are not a record get one error
//!   record per stretch; a stream that breaks off gets an error record and ends
//!   the input.

use std::io::{BufRead, Read};
use std::sync::Arc;

use encoding_rs::Encoding;

use super::limit::{read_line, skip, Line};
use super::{Document, SourceError, SourceOptions};

/// Longest header line kept; longer ones are cut (their name still counts).
const LINE_LIMIT: usize = 16 * 1024;
/// Largest header block of a record.
const HEADER_LIMIT: u64 = 256 * 1024;
/// Where HTTP headers must end within a response block.
const HTTP_HEADER_LIMIT: usize = 256 * 1024;
/// How much of a body is searched for a `charset=`.
const CHARSET_SNIFF: usize = 1024;

/// The documents of one WARC stream.
pub(crate) struct WarcDocs<R> {
    reader: R,
    path: String,
    options: Arc<SourceOptions>,
    /// Bytes consumed so far.
    offset: u64,
    line: Vec<u8>,
    /// `line` holds a version line read while looking for the end of a record.
    pending: bool,
    done: bool,
}

/// What one step of reading found.
enum Step {
    Doc(Document),
    NotADocument,
}

/// The WARC header fields a document needs.
#[derive(Default)]
struct Header {
    kind: String,
    id: Option<String>,
    length: Option<u64>,
    content_type: Option<String>,
}

impl<R: BufRead> WarcDocs<R> {
    pub(crate) fn new(reader: R, path: String, options: Arc<SourceOptions>) -> WarcDocs<R> {
        WarcDocs {
            reader,
            path,
            options,
            offset: 0,
            line: Vec::new(),
            pending: false,
            done: false,
        }
    }

    fn at(&self, offset: u64) -> String {
        format!("{}@{offset}", self.path)
    }

    /// Reads one line; `None` at the end of the input.
    fn next_line(&mut self) -> Result<Option<()>, SourceError> {
        match read_line(&mut self.reader, &mut self.line, LINE_LIMIT) {
            Ok(Line::Eof) => Ok(None),
            Ok(Line::Read { consumed, .. }) => {
                self.offset += consumed;
                Ok(Some(()))
            }
            Err(e) => Err(self.read_error(e)),
        }
    }

    fn read_error(&self, e: std::io::Error) -> SourceError {
        SourceError::Read {
            path: self.path.clone(),
            source: e,
        }
    }

    /// Skips to the next line starting with `WARC/` (kept as pending); returns the
    /// bytes skipped.
    fn resync(&mut self) -> Result<u64, SourceError> {
        let from = self.offset;
        while self.next_line()?.is_some() {
            if self.line.starts_with(b"WARC/") {
                self.pending = true;
                return Ok(self.offset - from - self.line.len() as u64);
            }
        }
        Ok(self.offset - from)
    }

    fn step(&mut self) -> Result<Option<Step>, SourceError> {
        // The version line, after any blank lines.
        if !self.pending {
            loop {
                if self.next_line()?.is_none() {
                    return Ok(None);
                }
                if !is_blank(&self.line) {
                    break;
                }
            }
        }
        self.pending = false;
        let start = self.offset - self.line.len() as u64;
        if !self.line.starts_with(b"WARC/") {
            let skipped = self.resync()? + self.line.len() as u64;
            let err = SourceError::Warc {
                reason: format!("no WARC record at byte {start}: {skipped} bytes skipped"),
            };
            return Ok(Some(Step::Doc(Document::failed(
                self.at(start),
                err.to_string(),
            ))));
        }
        let header = self.header(start)?;
        let name = match &header.id {
            Some(id) => format!("{}#{id}", self.path),
            None => self.at(start),
        };
        let fail = |reason: String| {
            Some(Step::Doc(Document::failed(
                name.clone(),
                SourceError::Warc { reason }.to_string(),
            )))
        };
        let Some(length) = header.length else {
            self.resync()?;
            return Ok(fail("no valid Content-Length".into()));
        };
        let wanted = matches!(header.kind.as_str(), "response" | "resource" | "conversion");
        let too_large = length > self.options.max_doc_bytes;
        let mut block = Vec::new();
        if !wanted || too_large {
            let got = skip(&mut self.reader, length).map_err(|e| self.read_error(e))?;
            self.offset += got;
            if got < length {
                self.done = true;
                return Ok(wanted.then(|| truncated(&name, got, length)).flatten());
            }
        } else {
            let got = (&mut self.reader)
                .take(length)
                .read_to_end(&mut block)
                .map_err(|e| self.read_error(e))?;
            self.offset += got as u64;
            if (got as u64) < length {
                self.done = true;
                return Ok(truncated(&name, got as u64, length));
            }
        }
        if !self.record_ends()? {
            self.resync()?;
            return Ok(fail(format!(
                "Content-Length {length} does not end the record: no empty line after the block"
            )));
        }
        if !wanted {
            return Ok(Some(Step::NotADocument));
        }
        if too_large {
            let err = SourceError::TooLarge {
                limit: self.options.max_doc_bytes,
            };
            return Ok(Some(Step::Doc(Document::failed(name, err.to_string()))));
        }
        Ok(Some(Step::Doc(document(name, &header, block))))
    }

    /// The header fields up to the empty line.
    fn header(&mut self, start: u64) -> Result<Header, SourceError> {
        let mut header = Header::default();
        loop {
            if self.next_line()?.is_none() {
                self.done = true;
                return Err(SourceError::Warc {
                    reason: format!("record at byte {start} ends within its header"),
                });
            }
            if is_blank(&self.line) {
                return Ok(header);
            }
            if self.offset - start > HEADER_LIMIT {
                self.done = true;
                return Err(SourceError::Warc {
                    reason: format!(
                        "header of the record at byte {start} exceeds {HEADER_LIMIT} bytes"
                    ),
                });
            }
            let line = String::from_utf8_lossy(&self.line);
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => header.kind = value.to_ascii_lowercase(),
                "warc-record-id" => header.id = Some(value.to_owned()),
                "content-length" => header.length = value.parse().ok(),
                "content-type" => header.content_type = Some(value.to_owned()),
                _ => {}
            }
        }
    }

    /// Reads the empty lines after a block. False when something else follows.
    fn record_ends(&mut self) -> Result<bool, SourceError> {
        for _ in 0..2 {
            if self.next_line()?.is_none() {
                return Ok(true);
            }
            if !is_blank(&self.line) {
                // Tolerate a missing separator when the next record follows at once.
                self.pending = self.line.starts_with(b"WARC/");
                return Ok(self.pending);
            }
        }
        Ok(true)
    }
}

impl<R: BufRead> Iterator for WarcDocs<R> {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        while !self.done {
            let at = self.offset;
            match self.step() {
                Ok(Some(Step::Doc(doc))) => return Some(doc),
                Ok(Some(Step::NotADocument)) => {}
                Ok(None) => self.done = true,
                Err(e) => {
                    self.done = true;
                    return Some(Document::failed(self.at(at), e.to_string()));
                }
            }
        }
        None
    }
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|&b| b == b'\r' || b == b'\n')
}

fn truncated(name: &str, got: u64, length: u64) -> Option<Step> {
    let err = SourceError::Warc {
        reason: format!(
            "record ends after {got} of the {length} bytes its Content-Length announces (truncated file?)"
        ),
    };
    Some(Step::Doc(Document::failed(
        name.to_owned(),
        err.to_string(),
    )))
}

/// The document of a record's block: the HTTP body for a response, the block
/// otherwise, converted to UTF-8 where its charset asks for it.
fn document(name: String, header: &Header, mut block: Vec<u8>) -> Document {
    let mut charset = header.content_type.as_deref().and_then(charset_of);
    let is_http = header.content_type.as_deref().is_some_and(|t| {
        t.trim_start()
            .to_ascii_lowercase()
            .starts_with("application/http")
    });
    if is_http {
        let Some((end, http_charset)) = http_head(&block) else {
            let err = SourceError::Warc {
                reason: "HTTP response without an end of its headers".into(),
            };
            return Document::failed(name, err.to_string());
        };
        charset = http_charset;
        block.drain(..end);
    }
    let charset = charset.or_else(|| {
        let head = block.get(..CHARSET_SNIFF).unwrap_or(&block);
        charset_of(&String::from_utf8_lossy(head))
    });
    let mut doc = Document::new(name, Vec::new());
    match charset
        .as_deref()
        .and_then(|c| Encoding::for_label(c.as_bytes()))
    {
        Some(enc)
            if enc != encoding_rs::UTF_8
                && enc != encoding_rs::WINDOWS_1252
                && std::str::from_utf8(&block).is_err() =>
        {
            let (text, actual, _) = enc.decode(&block);
            if actual != encoding_rs::UTF_8 {
                doc.transcoded_from = Some(actual.name());
            }
            block = text.into_owned().into_bytes();
        }
        _ => {}
    }
    doc.content = Ok(block);
    doc
}

/// Where the HTTP headers of `block` end (the body's start), and the charset their
/// `Content-Type` names.
fn http_head(block: &[u8]) -> Option<(usize, Option<String>)> {
    let head = block.get(..HTTP_HEADER_LIMIT).unwrap_or(block);
    let crlf = memchr::memmem::find(head, b"\r\n\r\n").map(|i| i + 4);
    let lf = memchr::memmem::find(head, b"\n\n").map(|i| i + 2);
    let end = match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    let text = String::from_utf8_lossy(head.get(..end)?);
    let charset = text
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(n, _)| n.trim().eq_ignore_ascii_case("content-type"))
        .and_then(|(_, v)| charset_of(v));
    Some((end, charset))
}

/// The value after `charset=` in `text` (a Content-Type or a `<meta>` tag).
fn charset_of(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let at = lower.find("charset=")? + "charset=".len();
    let rest = lower.get(at..)?.trim_start_matches(['"', '\'', ' ']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        .collect();
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, id: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn read(bytes: &[u8], max: u64) -> Vec<Document> {
        let options = SourceOptions {
            max_doc_bytes: max,
            ..SourceOptions::default()
        };
        WarcDocs::new(bytes, "c.warc".into(), Arc::new(options)).collect()
    }

    fn text(doc: &Document) -> &str {
        std::str::from_utf8(doc.content.as_ref().unwrap()).unwrap()
    }

    #[test]
    fn reads_responses_and_conversions_and_skips_the_rest() {
        let mut warc = record(
            "warcinfo",
            "0",
            "application/warc-fields",
            b"software: x\r\n",
        );
        warc.extend(record(
            "response",
            "1",
            "application/http; msgtype=response",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>Gr\xc3\xbc\xc3\x9fe</p>",
        ));
        warc.extend(record(
            "request",
            "2",
            "application/http; msgtype=request",
            b"GET / HTTP/1.1\r\n\r\n",
        ));
        warc.extend(record(
            "conversion",
            "3",
            "text/plain",
            "Stadt Jena\nKreis".as_bytes(),
        ));
        let docs = read(&warc, 1 << 20);
        let names: Vec<_> = docs.iter().map(|d| d.source.as_str()).collect();
        assert_eq!(names, ["c.warc#<urn:uuid:1>", "c.warc#<urn:uuid:3>"]);
        assert_eq!(text(&docs[0]), "<p>Grüße</p>");
        assert_eq!(text(&docs[1]), "Stadt Jena\nKreis");
        assert_eq!(docs[0].transcoded_from, None);
    }

    #[test]
    fn converts_charsets_decode_does_not_read() {
        // "Grüße" in ISO-8859-2 is the same bytes as in Latin-1, so use a letter
        // that differs: 0xB9 is "š" in ISO-8859-2 and "¹" in Windows-1252.
        let body =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-2\r\n\r\nPe\xb9ek";
        let warc = record("response", "1", "application/http; msgtype=response", body);
        let docs = read(&warc, 1 << 20);
        assert_eq!(text(&docs[0]), "Pešek");
        assert_eq!(docs[0].transcoded_from, Some("ISO-8859-2"));
        // Latin-1 goes on as it is, for decode to read as Windows-1252.
        let body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<meta charset=\"latin1\">Gr\xfc\xdfe";
        let warc = record("response", "2", "application/http; msgtype=response", body);
        let docs = read(&warc, 1 << 20);
        assert!(docs[0].content.as_ref().unwrap().ends_with(b"Gr\xfc\xdfe"));
        assert_eq!(docs[0].transcoded_from, None);
    }

    #[test]
    fn faults_become_error_records_and_reading_resumes() {
        let good = |id| record("conversion", id, "text/plain", b"Text");
        let mut warc = good("1");
        // Content-Length three bytes short.
        let mut bad = record("conversion", "2", "text/plain", b"Text und mehr");
        let at = bad.iter().position(|&b| b == b'L').unwrap();
        let line_end = at + bad[at..].iter().position(|&b| b == b'\r').unwrap();
        bad.splice(at..line_end, b"Length: 10".iter().copied());
        warc.extend(bad);
        warc.extend(good("3"));
        warc.extend(b"garbage line\r\nmore\r\n");
        warc.extend(good("4"));
        warc.extend(record("conversion", "5", "text/plain", &[b'x'; 100]));
        warc.extend(good("6"));
        let mut truncated = good("7");
        truncated.truncate(truncated.len() - 6);
        warc.extend(truncated);
        let docs = read(&warc, 50);
        let got: Vec<_> = docs
            .iter()
            .map(|d| {
                (
                    d.source.rsplit(['#', '@']).next().unwrap().to_owned(),
                    d.content.is_ok(),
                )
            })
            .collect();
        let garbage_at = warc
            .windows(7)
            .position(|w| w == b"garbage")
            .unwrap()
            .to_string();
        let want = [
            ("<urn:uuid:1>", true),
            ("<urn:uuid:2>", false),
            ("<urn:uuid:3>", true),
            (garbage_at.as_str(), false),
            ("<urn:uuid:4>", true),
            ("<urn:uuid:5>", false),
            ("<urn:uuid:6>", true),
            ("<urn:uuid:7>", false),
        ];
        let want: Vec<_> = want.iter().map(|(s, ok)| (s.to_string(), *ok)).collect();
        assert_eq!(got, want);
        assert!(docs[5].content.as_ref().unwrap_err().contains("limit"));
        assert!(docs[7].content.as_ref().unwrap_err().contains("truncated"));
    }

    #[test]
    fn finds_charsets() {
        assert_eq!(
            charset_of("text/html; Charset=\"ISO-8859-15\"").as_deref(),
            Some("iso-8859-15")
        );
        assert_eq!(charset_of("text/html"), None);
    }
}
