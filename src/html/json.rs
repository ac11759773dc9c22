//! A single article as a JSON object: a CMS API response (WordPress's
//! `/wp-json/wp/v2/posts/<id>`, with `title.rendered` and `content.rendered`), a
//! schema.org `NewsArticle` (`headline`, `articleBody`, `datePublished`) or a
//! scraper's one-object file (`title`, `text`, `date`).
//!
//! The article's fields are JSON strings holding HTML or text. Each is unescaped
//! (`\n`, `\"`, `\/`, `\u00fc`) with every byte mapped back to the raw file, and
//! laid out as an HTML fragment, so every block span lies in the raw JSON and
//! provenance holds as for pages. Fields that are not the article's (ids, links,
//! slugs, metadata) are no blocks. A JSON Lines dump, one object a line, is not
//! this: the source stage splits it into documents.

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use super::{field_label, mapped_fragment_blocks, title_of, HtmlPage};
use crate::boilerplate::{Block, BlockLabel};

/// Field names of the headline.
const TITLE_FIELDS: &[&str] = &["title", "headline", "name"];
/// Field names of the article's text, most specific first.
const TEXT_FIELDS: &[&str] = &[
    "content",
    "articleBody",
    "body",
    "text",
    "content_html",
    "html",
];
/// Field names of a summary, the text when no other is given.
const SUMMARY_FIELDS: &[&str] = &["excerpt", "description", "summary", "lead", "teaser"];
/// Field names of the publication date, most specific first.
const DATE_FIELDS: &[&str] = &[
    "datePublished",
    "date",
    "published",
    "pubDate",
    "published_at",
    "publication_date",
    "dateModified",
    "modified",
];

/// True when `text` is one JSON object.
pub fn is_json_object(text: &str) -> bool {
    text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .starts_with('{')
        && object(text).is_some()
}

/// The layout, title and date of a JSON article, or `None` when the object has
/// neither a headline nor a text field.
pub(super) fn analyse(text: &str) -> Option<HtmlPage> {
    let fields = object(text)?;
    let string_of = |names: &[&str]| {
        names
            .iter()
            .find_map(|name| fields.get(*name).and_then(|v| string_value(text, v)))
    };
    let title_field = string_of(TITLE_FIELDS);
    let text_field = string_of(TEXT_FIELDS);
    if title_field.is_none() && text_field.is_none() {
        return None;
    }
    let mut blocks = Vec::new();
    let mut title = None;
    if let Some(raw) = title_field {
        let first = blocks.len();
        push_field(&mut blocks, text, raw, Some(BlockLabel::Title));
        let plain = |s: &str| super::decode_references(&unescape(s));
        title = Some(title_of(text, &blocks[first..], plain)).filter(|t| !t.is_empty());
    }
    let summary = string_of(SUMMARY_FIELDS);
    match text_field {
        Some(raw) => {
            push_field(&mut blocks, text, raw, None);
            if let Some(raw) = summary {
                push_field(&mut blocks, text, raw, Some(BlockLabel::Other));
            }
        }
        None => {
            if let Some(raw) = summary {
                push_field(&mut blocks, text, raw, None);
            }
        }
    }
    let published = DATE_FIELDS.iter().find_map(|name| {
        let raw = fields.get(*name).and_then(|v| string_value(text, v))?;
        super::meta::parse_date(&unescape(raw.slice(text)?))
    });
    blocks.sort_by_key(|b: &Block| b.span.start);
    Some(HtmlPage {
        blocks,
        title,
        published,
    })
}

/// The top-level fields of the object `text`, each with its raw value.
fn object(text: &str) -> Option<BTreeMap<String, &RawValue>> {
    serde_json::from_str(text.trim_start_matches('\u{FEFF}')).ok()
}

/// The span of the characters of a string value in `text` (quotes excluded):
/// the value itself, or its `rendered` field (WordPress).
fn string_value(text: &str, value: &RawValue) -> Option<crate::span::Span> {
    let raw = value.get();
    if raw.starts_with('{') {
        let inner: BTreeMap<String, &RawValue> = serde_json::from_str(raw).ok()?;
        return string_value(text, inner.get("rendered")?);
    }
    if !(raw.len() >= 2 && raw.starts_with('"') && raw.ends_with('"')) {
        return None;
    }
    // `RawValue::get` borrows from `text`: its offset is where the value stands.
    let start = (raw.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (text.get(start..start + raw.len()) == Some(raw))
        .then(|| crate::span::Span::new(start + 1, start + raw.len() - 1))
}

/// The blocks of one string field, each labelled `label` when given, else as
/// its layout says (a headline inside the text is a heading).
fn push_field(
    blocks: &mut Vec<Block>,
    text: &str,
    span: crate::span::Span,
    label: Option<BlockLabel>,
) {
    let Some(raw) = span.slice(text) else { return };
    let (html, origin) = unescape_with_origin(raw);
    for b in mapped_fragment_blocks(&html, &origin, span.start) {
        blocks.push(Block {
            span: b.span,
            label: field_label(label, b.label),
        });
    }
}

fn unescape(raw: &str) -> String {
    unescape_with_origin(raw).0
}

/// The characters of a JSON string body `raw` with its escapes resolved, and for
/// every byte of the result (and its end) the offset in `raw` of the escape or
/// character it came from. A malformed escape stands for itself.
fn unescape_with_origin(raw: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(raw.len());
    let mut origin = Vec::with_capacity(raw.len() + 1);
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        let (c, len) = if bytes[i] == b'\\' {
            escape_at(raw, i).unwrap_or(('\\', 1))
        } else {
            let c = raw[i..].chars().next().unwrap_or('\u{FFFD}');
            (c, c.len_utf8())
        };
        for _ in 0..c.len_utf8() {
            origin.push(i);
        }
        out.push(c);
        i += len;
    }
    origin.push(raw.len());
    (out, origin)
}

/// The character of the JSON string escape at byte `at` of `raw`, and its
/// length; a surrogate pair of `\u` escapes is one character.
pub fn escape_at(raw: &str, at: usize) -> Option<(char, usize)> {
    let simple = match raw.as_bytes().get(at + 1)? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => {
            let unit = |from: usize| {
                raw.get(from..from + 4)
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
            };
            let high = unit(at + 2)?;
            if (0xD800..0xDC00).contains(&high) && raw.get(at + 6..at + 8) == Some("\\u") {
                let low = unit(at + 8)?;
                let c = 0x10000 + ((high - 0xD800) << 10) + (low.checked_sub(0xDC00)?);
                return Some((char::from_u32(c)?, 12));
            }
            return Some((char::from_u32(high)?, 6));
        }
        _ => return None,
    };
    Some((simple, 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_resolve_and_map_back() {
        let raw = r#"<p>M\u00fcnster \"Nord\"<\/p>\n\ud83d\ude00"#;
        let (text, origin) = unescape_with_origin(raw);
        assert_eq!(text, "<p>Münster \"Nord\"</p>\n😀");
        let start = text.find("Münster").unwrap();
        let end = text.find("</p>").unwrap();
        assert_eq!(&raw[origin[start]..origin[end]], r#"M\u00fcnster \"Nord\""#);
        assert_eq!(unescape(r"a\qb"), r"a\qb");
    }

    #[test]
    fn only_one_object_is_an_article() {
        assert!(is_json_object("{\"title\": \"Kreis tritt bei\"}"));
        assert!(!is_json_object("{\"a\": 1}\n{\"a\": 2}"));
        assert!(!is_json_object("[{\"title\": \"x\"}]"));
        assert!(!is_json_object("{ Klammer im Text }"));
    }
}
