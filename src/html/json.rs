//! A single article as a JSON object: a CMS API response (WordPress's
//! `/wp-json/wp/v2/posts/<id>`, with `title.rendered` and `content.rendered`), a
//! schema.org `NewsArticle` (`headline`, `articleBody`, `datePublished`) or a
//! scraper's one-object file (`title`, `text`, `date`). An object whose article
//! fields stand in a list of items (a news API's `articles`, a channel export's
//! `messages`) is read like a web feed: the item with the most cooperation cues
//! is the article, the first on a tie. A text given as a list of rich-text parts
//! (plain strings and `{"type": "bold", "text": …}`) is read part by part; an
//! item without a headline field is headed by its text's opening line.
//!
//! The article's fields are JSON strings holding HTML or text. Each is unescaped
//! (`\n`, `\"`, `\/`, `\u00fc`) with every byte mapped back to the raw file, and
//! laid out as an HTML fragment, so every block span lies in the raw JSON and
//! provenance holds as for pages. Fields that are not the article's (ids, links,
//! slugs, metadata) are no blocks. A JSON Lines dump, one object a line, is not
//! this: the source stage splits it into documents.

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use super::{
    field_label, mapped_fragment_blocks, mapped_text_blocks, title_of, unescaped_with_origin,
    HtmlPage,
};
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
    "body_html",
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

/// Field names of an object that wraps the article: JSON:API's
/// `data.attributes`, an app's envelope (`article`, `result`, `payload`).
const WRAPPER_FIELDS: &[&str] = &[
    "data",
    "attributes",
    "article",
    "post",
    "item",
    "result",
    "payload",
    "story",
];

/// How many wrapping objects are looked through for the article.
const MAX_WRAPPING: usize = 4;

/// Field names of a list of items, one of which is the article.
const ITEM_FIELDS: &[&str] = &[
    "articles", "items", "posts", "entries", "messages", "results", "data", "news",
];

/// The fields of one JSON object, each with its raw value (borrowed from the
/// document, so that its offset can be found).
type Fields<'t> = BTreeMap<String, &'t RawValue>;

/// The layout, title and date of a JSON article, or `None` when neither the
/// object nor an item of its lists has a headline or a text field. `weight`
/// ranks items as in a web feed.
pub(super) fn analyse(text: &str, weight: &dyn Fn(&str) -> usize) -> Option<HtmlPage> {
    let fields = object(text)?;
    if first_values(text, &fields, TEXT_FIELDS).is_empty() {
        if let Some(item) = chosen_item(text, &fields, weight) {
            return article(text, &item);
        }
    }
    article(text, &unwrapped(text, fields))
}

/// The article a page's JSON-LD holds (a schema.org `NewsArticle` with its
/// `articleBody`, maybe inside an `@graph`), for a page that shows no text of its
/// own: a script-rendered site ships its article only there. `script` is the
/// span of one `ld+json` script's source.
pub(super) fn json_ld_article(text: &str, script: crate::span::Span) -> Option<HtmlPage> {
    let source = script.slice(text)?;
    let value: &RawValue = serde_json::from_str(source).ok()?;
    let fields = article_object(value, MAX_WRAPPING)?;
    article(text, &fields)
}

/// The first object of an article type with an `articleBody`, looked for in
/// lists and `@graph` lists down to `depth` levels.
fn article_object(value: &RawValue, depth: usize) -> Option<Fields<'_>> {
    let raw = value.get();
    if raw.starts_with('[') {
        let items: Vec<&RawValue> = serde_json::from_str(raw).ok()?;
        return items
            .into_iter()
            .find_map(|item| article_object(item, depth.checked_sub(1)?));
    }
    let fields: Fields<'_> = serde_json::from_str(raw).ok()?;
    let types: Vec<String> = fields
        .get("@type")
        .map(|t| {
            serde_json::from_str::<Vec<String>>(t.get())
                .or_else(|_| serde_json::from_str::<String>(t.get()).map(|t| vec![t]))
                .unwrap_or_default()
        })
        .unwrap_or_default();
    let is_article = types
        .iter()
        .any(|t| super::meta::ARTICLE_TYPES.contains(&t.as_str()));
    if is_article && fields.contains_key("articleBody") {
        return Some(fields);
    }
    article_object(fields.get("@graph")?, depth.checked_sub(1)?)
}

/// The innermost of the objects that wrap an article without a headline or
/// text of their own (`{"data": {"attributes": {"title": …}}}`); related items
/// beside the wrapper (JSON:API's `included`) stay unread.
fn unwrapped<'t>(text: &'t str, mut fields: Fields<'t>) -> Fields<'t> {
    for _ in 0..MAX_WRAPPING {
        let own = [TITLE_FIELDS, TEXT_FIELDS]
            .iter()
            .any(|names| !first_values(text, &fields, names).is_empty());
        if own {
            break;
        }
        let inner = WRAPPER_FIELDS.iter().find_map(|name| {
            let raw = fields.get(*name)?.get();
            raw.starts_with('{')
                .then(|| serde_json::from_str::<Fields<'t>>(raw).ok())
                .flatten()
        });
        match inner {
            Some(inner) => fields = inner,
            None => break,
        }
    }
    fields
}

/// The page of one article object.
fn article(text: &str, fields: &Fields<'_>) -> Option<HtmlPage> {
    let title_field = first_values(text, fields, TITLE_FIELDS);
    let mut text_field = first_values(text, fields, TEXT_FIELDS);
    if text_field.is_empty() {
        text_field = file_text(text, fields);
    }
    if title_field.is_empty() && text_field.is_empty() {
        return None;
    }
    let mut blocks = Vec::new();
    let mut title = None;
    if !title_field.is_empty() {
        for &raw in &title_field {
            push_field(&mut blocks, text, raw, Some(BlockLabel::Title));
        }
        let plain = |s: &str| super::decode_references(&unescape(s));
        title = Some(title_of(text, &blocks, plain)).filter(|t| !t.is_empty());
    }
    let summary = first_values(text, fields, SUMMARY_FIELDS);
    let body = if text_field.is_empty() {
        &summary
    } else {
        &text_field
    };
    let first_body_block = blocks.len();
    for &raw in body {
        push_field(&mut blocks, text, raw, None);
    }
    if title.is_none() {
        title = opening_line_as_title(text, &mut blocks[first_body_block..]);
    }
    if !text_field.is_empty() {
        for &raw in &summary {
            push_field(&mut blocks, text, raw, Some(BlockLabel::Other));
        }
    }
    let published = DATE_FIELDS.iter().find_map(|name| {
        let raw = *string_values(text, fields.get(*name)?).first()?;
        super::meta::parse_date(&unescape(raw.slice(text)?))
    });
    blocks.sort_by_key(|b: &Block| b.span.start);
    Some(HtmlPage {
        blocks,
        title,
        published,
        json_text: true,
    })
}

/// Field names of the document file an object describes, whose text is the
/// object's (a council paper in OParl keeps it in `mainFile.text`).
const FILE_FIELDS: &[&str] = &["mainFile", "file", "document"];

/// The text field of the file the object describes, when it has no text of its
/// own.
fn file_text(text: &str, fields: &Fields<'_>) -> Vec<crate::span::Span> {
    FILE_FIELDS
        .iter()
        .filter_map(|name| {
            let raw = fields.get(*name)?.get();
            raw.starts_with('{')
                .then(|| serde_json::from_str::<Fields<'_>>(raw).ok())
                .flatten()
        })
        .map(|file| first_values(text, &file, TEXT_FIELDS))
        .find(|spans| !spans.is_empty())
        .unwrap_or_default()
}

/// A post without a headline field opens with its headline on a line of its
/// own ("Nordwestmecklenburg wird Träger der KSM" over the text): a first block
/// of at most [`MAX_OPENING_TITLE_WORDS`] words that ends in no full stop
/// becomes the title.
fn opening_line_as_title(text: &str, blocks: &mut [Block]) -> Option<String> {
    let first = blocks.first_mut()?;
    let line = super::meta::collapse(&super::decode_references(&unescape(
        first.span.slice(text)?,
    )));
    let words = line.split_whitespace().count();
    let headline = (2..=MAX_OPENING_TITLE_WORDS).contains(&words)
        && !line.ends_with(['.', ',', ':', ';'])
        && first.label.is_content();
    headline.then(|| {
        first.label = BlockLabel::Title;
        line
    })
}

/// The most words an opening line may have to head its post.
const MAX_OPENING_TITLE_WORDS: usize = 15;

/// The item of the object's first list of items that `weight` ranks first, the
/// first on a tie; only items with a text field count.
fn chosen_item<'t>(
    text: &'t str,
    fields: &Fields<'t>,
    weight: &dyn Fn(&str) -> usize,
) -> Option<Fields<'t>> {
    let items: Vec<Fields<'t>> = ITEM_FIELDS.iter().find_map(|name| {
        let list: Vec<&RawValue> = serde_json::from_str(fields.get(*name)?.get()).ok()?;
        let items: Vec<Fields<'t>> = list
            .into_iter()
            .filter_map(|item| serde_json::from_str::<Fields<'t>>(item.get()).ok())
            .map(|item| unwrapped(text, item))
            .filter(|item| !first_values(text, item, TEXT_FIELDS).is_empty())
            .collect();
        (!items.is_empty()).then_some(items)
    })?;
    let weight_of = |item: &Fields<'t>| -> usize {
        [TITLE_FIELDS, TEXT_FIELDS, SUMMARY_FIELDS]
            .iter()
            .flat_map(|names| first_values(text, item, names))
            .filter_map(|span| span.slice(text))
            .map(|raw| weight(&unescape(raw)))
            .sum()
    };
    let mut best: Option<(usize, Fields<'t>)> = None;
    for item in items {
        let w = weight_of(&item);
        if best.as_ref().map_or(true, |(b, _)| w > *b) {
            best = Some((w, item));
        }
    }
    best.map(|(_, item)| item)
}

/// The string spans of the first of `names` that the object holds as text.
fn first_values(text: &str, fields: &Fields<'_>, names: &[&str]) -> Vec<crate::span::Span> {
    names
        .iter()
        .filter_map(|name| fields.get(*name))
        .map(|v| string_values(text, v))
        .find(|spans| !spans.is_empty())
        .unwrap_or_default()
}

/// The top-level fields of the object `text`, each with its raw value.
fn object(text: &str) -> Option<Fields<'_>> {
    serde_json::from_str(text.trim_start_matches('\u{FEFF}')).ok()
}

/// The spans of the characters of a text value: a string, its `rendered` field
/// (WordPress), or the parts of a rich text, strings and objects with a `text`.
fn string_values(text: &str, value: &RawValue) -> Vec<crate::span::Span> {
    // A bare address is a reference ("body" of an OParl paper names its council
    // by URL), not text.
    let filled = |span: &crate::span::Span| {
        span.slice(text).is_some_and(|s| {
            let address = s.starts_with("http") && !s.contains(char::is_whitespace);
            !s.is_empty() && !address
        })
    };
    if !value.get().starts_with('[') {
        return string_value(text, value)
            .into_iter()
            .filter(filled)
            .collect();
    }
    let parts: Vec<&RawValue> = serde_json::from_str(value.get()).unwrap_or_default();
    parts
        .into_iter()
        .filter_map(|part| {
            if part.get().starts_with('{') {
                let inner: Fields<'_> = serde_json::from_str(part.get()).ok()?;
                string_value(text, inner.get("text")?)
            } else {
                string_value(text, part)
            }
        })
        .filter(filled)
        .collect()
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
    // A text of lines without markup (a council paper's extracted text) keeps
    // its lines: letterhead, headings and signature stand apart.
    let laid_out = if label.is_none() && html.contains('\n') && !has_markup(&html) {
        mapped_text_blocks(&html, &origin, span.start)
    } else {
        mapped_fragment_blocks(&html, &origin, span.start)
    };
    for b in laid_out {
        blocks.push(Block {
            span: b.span,
            label: field_label(label, b.label),
        });
    }
}

/// Whether `text` holds an HTML tag.
fn has_markup(text: &str) -> bool {
    text.match_indices('<').any(|(i, _)| {
        text[i + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
    })
}

fn unescape(raw: &str) -> String {
    unescape_with_origin(raw).0
}

/// The characters of a JSON string body `raw` with its escapes resolved, each
/// byte mapped back as [`unescaped_with_origin`] says. A malformed escape
/// stands for itself.
fn unescape_with_origin(raw: &str) -> (String, Vec<usize>) {
    unescaped_with_origin(raw, |raw, i| {
        (raw.as_bytes()[i] == b'\\')
            .then(|| escape_at(raw, i).map_or((Some('\\'), 1), |(c, len)| (Some(c), len)))
    })
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
