//! Word frequencies from wordfreq's `small_<lang>.msgpack.gz` lists.
//!
//! Format (wordfreq 3.1.1, `wordfreq/__init__.py`): gzip around one
//! MessagePack value, a list. Its first item is the header map
//! `{"format": "cB", "version": 1}`; item `i + 1` is the list of words whose
//! frequency is `10^(-i/100)`, i.e. `i` centibels below 1. The Zipf value
//! (log10 of the frequency per billion words) is therefore `9 - i/100`.
//! Words are case-folded (`ß` is stored as `ss`); the generator fails on any
//! other header or shape rather than guess.

use std::collections::HashMap;
use std::io::Read;

use anyhow::{bail, Context, Result};
use flate2::read::GzDecoder;
use rmpv::Value;

/// Word → centibels below frequency 1 (the bin index).
pub struct Frequencies {
    centibels: HashMap<String, u32>,
}

impl Frequencies {
    /// Decodes a gzipped list as wordfreq ships it.
    pub fn from_gzip(bytes: &[u8]) -> Result<Self> {
        let mut raw = Vec::new();
        GzDecoder::new(bytes)
            .read_to_end(&mut raw)
            .context("not a gzip stream")?;
        Self::from_msgpack(&raw)
    }

    /// Decodes the MessagePack value inside the gzip stream.
    pub fn from_msgpack(mut bytes: &[u8]) -> Result<Self> {
        let value = rmpv::decode::read_value(&mut bytes).context("not a MessagePack value")?;
        if !bytes.is_empty() {
            bail!("{} bytes after the MessagePack value", bytes.len());
        }
        let Value::Array(items) = value else {
            bail!("top-level value is not a list");
        };
        let mut items = items.into_iter();
        check_header(items.next())?;
        let mut centibels = HashMap::new();
        for (index, bin) in items.enumerate() {
            let index = u32::try_from(index).context("too many frequency bins")?;
            let Value::Array(words) = bin else {
                bail!("bin {index} is not a list");
            };
            for word in words {
                let Value::String(word) = word else {
                    bail!("bin {index} holds a non-string {word}");
                };
                let Some(word) = word.into_str() else {
                    bail!("bin {index} holds a word that is not UTF-8");
                };
                // A word listed twice keeps its first, higher frequency.
                centibels.entry(word).or_insert(index);
            }
        }
        Ok(Self { centibels })
    }

    /// Zipf value of `word` as stored (already case-folded), if listed.
    pub fn zipf(&self, word: &str) -> Option<f64> {
        self.centibels
            .get(word)
            .map(|&cb| 9.0 - f64::from(cb) / 100.0)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.centibels.len()
    }
}

fn check_header(header: Option<Value>) -> Result<()> {
    let Some(Value::Map(entries)) = header else {
        bail!("first item is not the header map");
    };
    let mut format = None;
    let mut version = None;
    for (key, value) in &entries {
        match key.as_str() {
            Some("format") => format = value.as_str(),
            Some("version") => version = value.as_u64(),
            _ => {}
        }
    }
    if format != Some("cB") || version != Some(1) {
        bail!("header is {entries:?}, expected format \"cB\" and version 1");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// `[{"format": "cB", "version": 1}, ["der", "die"], [], ["haus", "der"]]`, by hand.
    const BLOB: &[u8] = &[
        0x94, // array of 4
        0x82, // map of 2
        0xa6, b'f', b'o', b'r', b'm', b'a', b't', 0xa2, b'c', b'B', //
        0xa7, b'v', b'e', b'r', b's', b'i', b'o', b'n', 0x01, //
        0x92, 0xa3, b'd', b'e', b'r', 0xa3, b'd', b'i', b'e', // bin 0
        0x90, // bin 1, empty
        0x92, 0xa4, b'h', b'a', b'u', b's', 0xa3, b'd', b'e', b'r', // bin 2
    ];

    #[test]
    fn decodes_bins_as_centibels() {
        let f = Frequencies::from_msgpack(BLOB).unwrap();
        assert_eq!(f.len(), 3);
        assert_eq!(f.zipf("der"), Some(9.0));
        assert_eq!(f.zipf("die"), Some(9.0));
        assert!((f.zipf("haus").unwrap() - 8.98).abs() < 1e-9);
        assert_eq!(f.zipf("Haus"), None);
    }

    #[test]
    fn decodes_through_gzip() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(BLOB).unwrap();
        let f = Frequencies::from_gzip(&gz.finish().unwrap()).unwrap();
        assert!((f.zipf("haus").unwrap() - 8.98).abs() < 1e-9);
        assert!(Frequencies::from_gzip(BLOB).is_err());
    }

    #[test]
    fn rejects_other_headers_and_shapes() {
        let mut wrong_format = BLOB.to_vec();
        wrong_format[11] = b'X'; // "cX"
        assert!(Frequencies::from_msgpack(&wrong_format).is_err());
        let mut wrong_version = BLOB.to_vec();
        wrong_version[20] = 0x02;
        assert!(Frequencies::from_msgpack(&wrong_version).is_err());
        assert!(Frequencies::from_msgpack(&BLOB[..BLOB.len() - 1]).is_err());
        assert!(Frequencies::from_msgpack(&[0x91, 0x90]).is_err()); // no header map
        let mut trailing = BLOB.to_vec();
        trailing.push(0xc0);
        assert!(Frequencies::from_msgpack(&trailing).is_err());
    }
}
