//! Bytes to text. All offsets coopfacts emits point into the text decoded here.
//!
//! STUB (filled in by the decode work): UTF-8 only for now.

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
}

impl Encoding {
    /// The name written into records.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Windows1252 => "windows-1252",
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
    /// The bytes are not text in any supported encoding.
    #[error("not valid UTF-8")]
    NotText,
}

/// Decodes a document's bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| DecodeError::NotText)?;
    Ok(Decoded {
        text: text.to_owned(),
        encoding: Encoding::Utf8,
    })
}
