//! Bytes to text. All offsets coopfacts emits point into the text decoded here.
//!
//! The scorer decodes each file in Python, so the text built here must be exactly the
//! text Python builds, character for character, or every byte offset drifts:
//!
//! - Valid UTF-8 is taken as it is. A leading byte order mark stays in the text as
//!   U+FEFF (Python's `raw.decode("utf-8")` keeps it too), so offsets agree.
//! - Anything else is Windows-1252, as Python's `raw.decode("cp1252", errors="replace")`
//!   reads it. encoding_rs follows WHATWG, which maps the five bytes Python leaves
//!   undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) to the C1 controls U+0081 … U+009D;
//!   Python gives U+FFFD for them, so those five characters are replaced by U+FFFD.
//!   No other Windows-1252 byte decodes to a C1 control, so the replacement is exact.
//! - UTF-16 (little or big endian) is recognised by its byte order mark, or without
//!   one by the zero bytes that ASCII letters leave in every other place. A leading
//!   mark stays in the text as U+FEFF, as for UTF-8, and a broken unit decodes to
//!   U+FFFD. `score.py` reads no UTF-16; its offsets count in the decoded text here.
//! - Bytes that are not text (a NUL byte, or more than one control character in
//!   twenty other than tab, line feed, carriage return and form feed) are refused with
//!   [`DecodeError::Binary`]; no bytes at all is [`DecodeError::Empty`]. Text made only
//!   of white space is fine: it simply holds no facts.

use thiserror::Error;

/// The character encoding a document was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without byte order mark.
    Utf8,
    /// UTF-8 with byte order mark (kept in the text, as `score.py` keeps it).
    Utf8Bom,
    /// Windows-1252 (a superset of Latin-1 for printable text).
    Windows1252,
    /// UTF-16, little endian.
    Utf16Le,
    /// UTF-16, big endian.
    Utf16Be,
}

impl Encoding {
    /// The name written into records.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
        }
    }
}

/// A document's text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text; every span points into it.
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: Encoding,
}

/// Why bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// The document has no bytes.
    #[error("empty document: no text to extract")]
    Empty,
    /// The bytes hold NUL bytes or many control characters: an image, archive or
    /// other binary file.
    #[error("binary data, not text ({controls} control bytes in {len}, first at byte {first})")]
    Binary {
        /// Control bytes (NUL included) found.
        controls: usize,
        /// Length of the document in bytes.
        len: usize,
        /// Offset of the first control byte.
        first: usize,
    },
}

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Bytes Python's cp1252 codec leaves undefined; WHATWG maps them to C1 controls.
const PYTHON_UNDEFINED: [char; 5] = ['\u{81}', '\u{8D}', '\u{8F}', '\u{90}', '\u{9D}'];

/// Decodes a document's bytes (see the module documentation for the rules).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(encoding) = utf16_order(bytes) {
        let codec = match encoding {
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
            _ => encoding_rs::UTF_16LE,
        };
        let (text, _) = codec.decode_without_bom_handling(bytes);
        check_not_binary(text.as_bytes())?;
        return Ok(Decoded {
            text: text.into_owned(),
            encoding,
        });
    }
    check_not_binary(bytes)?;
    if let Ok(text) = std::str::from_utf8(bytes) {
        let encoding = if bytes.starts_with(BOM) {
            Encoding::Utf8Bom
        } else {
            Encoding::Utf8
        };
        return Ok(Decoded {
            text: text.to_owned(),
            encoding,
        });
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    let text = if text.contains(PYTHON_UNDEFINED) {
        text.replace(PYTHON_UNDEFINED, "\u{FFFD}")
    } else {
        text.into_owned()
    };
    Ok(Decoded {
        text,
        encoding: Encoding::Windows1252,
    })
}

/// The byte order of UTF-16 text: from its byte order mark, or, without one, from
/// zero bytes in most odd (little endian) or most even (big endian) places and in
/// few of the others, as the ASCII letters and spaces of German text give.
fn utf16_order(bytes: &[u8]) -> Option<Encoding> {
    if bytes.starts_with(b"\xFF\xFE") {
        return Some(Encoding::Utf16Le);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some(Encoding::Utf16Be);
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    // Text without a zero byte (nearly all of it) is not UTF-16: one SIMD scan.
    if pairs < 8 || !sample.contains(&0) {
        return None;
    }
    let zeros = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let mostly = |n: usize| n * 10 >= pairs * 7;
    let rarely = |n: usize| n * 10 <= pairs;
    if mostly(odd) && rarely(even) {
        Some(Encoding::Utf16Le)
    } else if mostly(even) && rarely(odd) {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// Refuses bytes with a NUL or with more than one control byte in twenty.
fn check_not_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    let is_control = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F;
    // A count without branches vectorises; the position is looked for only if needed.
    let controls = bytes.iter().filter(|&&b| is_control(b)).count();
    let Some(first) = (controls > 0)
        .then(|| bytes.iter().position(|&b| is_control(b)))
        .flatten()
    else {
        return Ok(());
    };
    if bytes.contains(&0) || controls * 20 > bytes.len() {
        return Err(DecodeError::Binary {
            controls,
            len: bytes.len(),
            first,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testcases::{run_cases, NamedCase};
    use serde::Deserialize;

    /// A case: input as `utf8` text or as `hex` bytes; expected `text` and
    /// `encoding`, or `error` ("empty" or "binary").
    #[derive(Deserialize)]
    struct Case {
        name: String,
        utf8: Option<String>,
        hex: Option<String>,
        text: Option<String>,
        encoding: Option<String>,
        error: Option<String>,
    }

    impl NamedCase for Case {
        fn name(&self) -> &str {
            &self.name
        }
    }

    fn bytes_of(case: &Case) -> Result<Vec<u8>, String> {
        match (&case.utf8, &case.hex) {
            (Some(s), None) => Ok(s.as_bytes().to_vec()),
            (None, Some(h)) => h
                .split_whitespace()
                .map(|b| u8::from_str_radix(b, 16).map_err(|e| format!("bad hex {b}: {e}")))
                .collect(),
            _ => Err("give exactly one of utf8, hex".into()),
        }
    }

    fn check(case: &Case) -> Result<(), String> {
        let got = decode(&bytes_of(case)?);
        match (&case.error, got) {
            (Some(e), Err(err)) => {
                let kind = match err {
                    DecodeError::Empty => "empty",
                    DecodeError::Binary { .. } => "binary",
                };
                (kind == e)
                    .then_some(())
                    .ok_or(format!("error {kind}, want {e}"))
            }
            (Some(e), Ok(d)) => Err(format!("decoded {:?}, want error {e}", d.text)),
            (None, Err(err)) => Err(format!("error: {err}")),
            (None, Ok(d)) => {
                if let Some(t) = &case.text {
                    if &d.text != t {
                        return Err(format!("text {:?}, want {t:?}", d.text));
                    }
                }
                match &case.encoding {
                    Some(enc) if enc != d.encoding.name() => {
                        Err(format!("encoding {}, want {enc}", d.encoding.name()))
                    }
                    _ => Ok(()),
                }
            }
        }
    }

    #[test]
    fn decode_cases() {
        run_cases(
            "decode.toml",
            include_str!("../testdata/cases/decode.toml"),
            check,
        );
    }

    #[test]
    fn every_windows_1252_byte_decodes_like_python() {
        // Python: bytes(range(256)).decode("cp1252", errors="replace"), one char each.
        let all: Vec<u8> = (0x80..=0xFF).collect();
        let d = decode(&all).unwrap();
        assert_eq!(d.encoding, Encoding::Windows1252);
        let chars: Vec<char> = d.text.chars().collect();
        assert_eq!(chars.len(), 128);
        assert_eq!(chars[0], '€');
        for b in [0x81u8, 0x8D, 0x8F, 0x90, 0x9D] {
            assert_eq!(chars[usize::from(b - 0x80)], '\u{FFFD}', "byte {b:#x}");
        }
        assert_eq!(chars[0x84 - 0x80], '„');
        assert_eq!(chars[0x93 - 0x80], '“');
        assert_eq!(chars[0xDF - 0x80], 'ß');
        assert!(chars.iter().all(|c| !('\u{80}'..='\u{9F}').contains(c)));
    }

    #[test]
    fn bom_stays_in_the_text() {
        let d = decode("\u{FEFF}Kiel".as_bytes()).unwrap();
        assert_eq!(d.encoding, Encoding::Utf8Bom);
        assert_eq!(d.text.find("Kiel"), Some(3));
    }

    #[test]
    fn binary_error_says_so() {
        let err = decode(b"PK\x03\x04\x00\x00").unwrap_err();
        assert!(
            err.to_string().starts_with("binary data, not text"),
            "{err}"
        );
    }
}
