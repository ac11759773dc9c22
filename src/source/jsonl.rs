//! JSON Lines dumps: one document a line, as a JSON object whose text field (default
//! `text`) holds the document and whose id field (default `id`, a string or a
//! number) names it. Other fields are skipped unread.
//!
//! Source names are `PATH:LINE`, with `#ID` appended when the line has an id
//! (`dump.jsonl:12#a-17`): the line number makes the name unique and stable however
//! the ids look, the id lets a reader find the document in their own data. Blank
//! lines are not documents. Each line is read with the document limit
//! (`max_doc_bytes`): a longer line gets an error record without being held in
//! memory. A line that is not a JSON object, or lacks a string text field, gets an
//! error record; so does a stream that breaks off (truncated compression), after
//! which the input ends.

use std::fmt;
use std::io::BufRead;
use std::sync::Arc;

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};

use super::limit::{read_line, Line};
use super::{Document, SourceError, SourceOptions};

/// The documents of one JSON Lines stream.
pub(crate) struct JsonlDocs<R> {
    reader: R,
    path: String,
    options: Arc<SourceOptions>,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonlDocs<R> {
    pub(crate) fn new(reader: R, path: String, options: Arc<SourceOptions>) -> JsonlDocs<R> {
        JsonlDocs {
            reader,
            path,
            options,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    fn name(&self, id: Option<&str>) -> String {
        match id {
            Some(id) => format!("{}:{}#{id}", self.path, self.line),
            None => format!("{}:{}", self.path, self.line),
        }
    }
}

impl<R: BufRead> Iterator for JsonlDocs<R> {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        let limit = usize::try_from(self.options.max_doc_bytes).unwrap_or(usize::MAX);
        while !self.done {
            let read = read_line(&mut self.reader, &mut self.buf, limit);
            self.line += 1;
            match read {
                Err(e) => {
                    self.done = true;
                    let err = SourceError::Read {
                        path: self.path.clone(),
                        source: e,
                    };
                    return Some(Document::failed(self.name(None), err.to_string()));
                }
                Ok(Line::Eof) => self.done = true,
                Ok(Line::Read { too_long: true, .. }) => {
                    let err = SourceError::TooLarge {
                        limit: self.options.max_doc_bytes,
                    };
                    return Some(Document::failed(self.name(None), err.to_string()));
                }
                Ok(Line::Read { .. }) => {
                    let mut line = self.buf.as_slice();
                    if self.line == 1 {
                        line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
                    }
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(match parse(line, &self.options) {
                        Ok((text, id)) => {
                            Document::new(self.name(id.as_deref()), text.into_bytes())
                        }
                        Err((e, id)) => Document::failed(self.name(id.as_deref()), e.to_string()),
                    });
                }
            }
        }
        None
    }
}

/// The text and id of one line, or why there is no text (with the id, if found).
fn parse(
    line: &[u8],
    options: &SourceOptions,
) -> Result<(String, Option<String>), (SourceError, Option<String>)> {
    let fields = Fields {
        text: &options.text_field,
        id: &options.id_field,
    };
    let mut de = serde_json::Deserializer::from_slice(line);
    let picked = fields
        .deserialize(&mut de)
        .and_then(|p| de.end().map(|()| p))
        .map_err(|e| {
            (
                SourceError::Json {
                    reason: e.to_string(),
                },
                None,
            )
        })?;
    match picked.text {
        Some(text) => Ok((text, picked.id)),
        None => Err((
            SourceError::NoText {
                field: options.text_field.clone(),
            },
            picked.id,
        )),
    }
}

/// Which fields to keep.
struct Fields<'a> {
    text: &'a str,
    id: &'a str,
}

/// What was kept: the text, if a string; the id, if a string or number.
#[derive(Default)]
struct Picked {
    text: Option<String>,
    id: Option<String>,
}

impl<'de> DeserializeSeed<'de> for Fields<'_> {
    type Value = Picked;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Picked, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Fields<'_> {
    type Value = Picked;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Picked, A::Error> {
        let mut picked = Picked::default();
        while let Some(key) = map.next_key::<String>()? {
            if key == self.text {
                picked.text = match map.next_value::<serde_json::Value>()? {
                    serde_json::Value::String(s) => Some(s),
                    _ => None,
                };
            } else if key == self.id {
                picked.id = match map.next_value::<serde_json::Value>()? {
                    serde_json::Value::String(s) => Some(s),
                    serde_json::Value::Number(n) => Some(n.to_string()),
                    _ => None,
                };
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(picked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(input: &str, options: SourceOptions) -> Vec<(String, Result<String, String>)> {
        JsonlDocs::new(input.as_bytes(), "d.jsonl".into(), Arc::new(options))
            .map(|d| (d.source, d.content.map(|b| String::from_utf8(b).unwrap())))
            .collect()
    }

    #[test]
    fn reads_text_and_id_and_names_each_line() {
        let input = "\u{feff}{\"id\":\"a\",\"text\":\"Erster\",\"url\":\"http://x\"}\n\n{\"text\":\"Zweiter\",\"id\":7}\r\n{\"text\":\"Dritter\"}";
        let got = docs(input, SourceOptions::default());
        assert_eq!(
            got,
            [
                ("d.jsonl:1#a".to_owned(), Ok("Erster".to_owned())),
                ("d.jsonl:3#7".to_owned(), Ok("Zweiter".to_owned())),
                ("d.jsonl:4".to_owned(), Ok("Dritter".to_owned())),
            ]
        );
    }

    #[test]
    fn custom_fields() {
        let options = SourceOptions {
            text_field: "body".into(),
            id_field: "key".into(),
            ..SourceOptions::default()
        };
        let got = docs("{\"key\":\"k\",\"body\":\"B\",\"text\":1}\n", options);
        assert_eq!(got, [("d.jsonl:1#k".to_owned(), Ok("B".to_owned()))]);
    }

    #[test]
    fn every_bad_line_is_an_error_and_reading_goes_on() {
        let options = SourceOptions {
            max_doc_bytes: 40,
            ..SourceOptions::default()
        };
        let long = format!("{{\"text\":\"{}\"}}", "x".repeat(100));
        let input = format!(
            "{{\"text\":\"gut\"}}\nnot json\n{{\"id\":\"n\",\"text\":null}}\n[1]\n{long}\n{{\"text\":\"a\"}} x\n{{\"text\":\"ok\"}}\n"
        );
        let got = docs(&input, options);
        let sources: Vec<_> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            sources,
            [
                "d.jsonl:1",
                "d.jsonl:2",
                "d.jsonl:3#n",
                "d.jsonl:4",
                "d.jsonl:5",
                "d.jsonl:6",
                "d.jsonl:7"
            ]
        );
        let ok: Vec<_> = got.iter().map(|g| g.1.is_ok()).collect();
        assert_eq!(ok, [true, false, false, false, false, false, true]);
        assert!(got[2].1.as_ref().unwrap_err().contains("`text`"));
        assert!(got[4].1.as_ref().unwrap_err().contains("limit"));
    }
}
