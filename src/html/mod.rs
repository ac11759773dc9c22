//! HTML pages: their layout as labelled spans of the raw page, their title and
//! their publication date.
//!
//! The page is read with html5gum, a WHATWG-compliant tokenizer that gives every
//! token its byte span and never fails on malformed input (module `dom`). Each text node
//! becomes one [`Block`] whose span covers the node's raw bytes in the page,
//! without surrounding white space. No block holds markup: every span lies between
//! two tags, so a block never contains a tag (a stray `<` that is not a tag, as in
//! `Kosten < 5.000 Euro`, is text and stays). Text inside `script`, `style`,
//! `noscript`, `template`, `iframe`, `object` and `textarea`, and comments, is no
//! block at all. How the blocks are labelled is told in module `layout`; title and
//! publication date in module `meta`. Web feeds (module `feed`), JSON articles
//! (module `json`) and other XML documents (module `xml`) are read by their own
//! structure into blocks of the same kind; a mail's quoted-printable HTML part
//! (module `mail`) is decoded first, and a page that shows no text of its own is
//! read from the article of its JSON-LD.
//!
//! # Character references
//!
//! Spans point into the decoded page as it is, references and all: a place written
//! `M&uuml;nchen` is the raw bytes `M&uuml;nchen`, and a mention found there is
//! reported with exactly those bytes as its `text` (so `text == page[start..end]`
//! keeps holding). Matching needs the characters: [`char_reference_at`] reads one
//! reference at a byte offset (with its length), so a normalised view can resolve
//! references and still map every character back to raw bytes;
//! [`decode_references`] resolves a whole string. Title and publication date are
//! values, not quotes, and come with references resolved.

mod dom;
mod feed;
mod json;
mod layout;
mod mail;
mod meta;
mod refs;
mod xml;

#[cfg(test)]
mod tests;

use crate::boilerplate::{Block, BlockLabel, BoilerplateClassifier};
use crate::calendar::CalendarDate;

pub use json::escape_at as json_escape_at;
pub use refs::{char_reference_at, decode_references};

/// The layout of an HTML page: blocks over the raw page text (byte spans into the
/// decoded page, markup included), and what the page says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlPage {
    /// One block per text node, in page order, never overlapping.
    pub blocks: Vec<Block>,
    /// The headline, references resolved and white space collapsed.
    pub title: Option<String>,
    /// The publication date the page states for itself.
    pub published: Option<CalendarDate>,
    /// The article's text stands in JSON strings (a JSON article, a page's
    /// JSON-LD), whose escapes ("\\n", "\\u00fc") read as what they stand for.
    pub json_text: bool,
}

/// Reads the layout, title and publication date of an HTML page, or of a web
/// feed's item that `weight` (cooperation cues in an item's text) ranks first,
/// the first item on a tie (module `feed`). Never fails and never panics:
/// malformed markup is read the way browsers read it, or skipped.
pub fn analyse(text: &str, weight: &dyn Fn(&str) -> usize) -> HtmlPage {
    if feed::is_feed(text) {
        if let Some(page) = feed::analyse(text, weight) {
            return page;
        }
    }
    if json::is_json_object(text) {
        // An object without article fields is read as markup, its strings' escapes
        // still as characters.
        return json::analyse(text, weight).unwrap_or_else(|| HtmlPage {
            json_text: true,
            ..analyse_page(text)
        });
    }
    if xml::is_xml_document(text) {
        if let Some(page) = xml::analyse(text) {
            return page;
        }
    }
    if crate::normalize::is_quoted_printable(text) {
        if let Some(page) = mail::analyse(text) {
            return page;
        }
    }
    analyse_page(text)
}

/// The label of a block of an article's field (a feed item's or a JSON
/// article's): `label` when the field gives one, else the block's layout label,
/// a headline inside the text being a heading (the field's own title is the
/// article's headline).
fn field_label(label: Option<BlockLabel>, laid_out: BlockLabel) -> BlockLabel {
    match (label, laid_out) {
        (Some(label), _) => label,
        (None, BlockLabel::Title) => BlockLabel::Heading,
        (None, other) => other,
    }
}

/// The text of a title field's `blocks`, each read by `plain` (escapes and
/// references resolved), with white space collapsed.
fn title_of(text: &str, blocks: &[Block], plain: impl Fn(&str) -> String) -> String {
    let words: Vec<String> = blocks
        .iter()
        .filter_map(|b| b.span.slice(text))
        .map(plain)
        .collect();
    meta::collapse(&words.join(" "))
}

/// The blocks of an HTML fragment unescaped from raw bytes that start at
/// `offset` in the page: byte `i` of `html` came from the escape or character at
/// `offset + origin[i]`, and `origin` has one more entry, for the end. Every
/// block is mapped back to the raw bytes it was unescaped from.
fn mapped_fragment_blocks(html: &str, origin: &[usize], offset: usize) -> Vec<Block> {
    mapped_blocks(analyse_page(html).blocks, origin, offset)
}

/// `raw` with its escapes resolved, and for every byte of the result (and its
/// end) the offset in `raw` where the escape or character it came from starts,
/// so that a block found in the result maps back to raw bytes. `escape` reads
/// the escape starting at an offset, if one does: the character it stands for
/// (`None` for one that stands for nothing, as a soft line break) and its
/// length. Feeds, JSON strings and quoted-printable mails differ only there.
fn unescaped_with_origin(
    raw: &str,
    escape: impl Fn(&str, usize) -> Option<(Option<char>, usize)>,
) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(raw.len());
    let mut origin = Vec::with_capacity(raw.len() + 1);
    let mut i = 0;
    while let Some(c) = raw.get(i..).and_then(|rest| rest.chars().next()) {
        let (decoded, len) = escape(raw, i).unwrap_or((Some(c), c.len_utf8()));
        if let Some(c) = decoded {
            origin.resize(origin.len() + c.len_utf8(), i);
            out.push(c);
        }
        i += len;
    }
    origin.push(raw.len());
    (out, origin)
}

/// `blocks` of a text unescaped from raw bytes that start at `offset` in the
/// page, moved back to those bytes: byte `i` of the unescaped text came from
/// `offset + origin[i]`.
fn mapped_blocks(blocks: Vec<Block>, origin: &[usize], offset: usize) -> Vec<Block> {
    blocks
        .into_iter()
        .filter_map(|b| {
            let from = *origin.get(b.span.start)?;
            let to = *origin.get(b.span.end)?;
            Some(Block {
                span: crate::span::Span::new(offset + from, offset + to),
                label: b.label,
            })
        })
        .collect()
}

/// The blocks of plain text (no markup) unescaped from raw bytes that start at
/// `offset` in the page, laid out line by line as a text page; mapped back like
/// [`mapped_fragment_blocks`].
fn mapped_text_blocks(plain: &str, origin: &[usize], offset: usize) -> Vec<Block> {
    mapped_blocks(TEXT_LAYOUT.classify(plain), origin, offset)
}

/// [`analyse`] for a page (or a fragment of one) read as HTML.
fn analyse_page(text: &str) -> HtmlPage {
    let dom = dom::Dom::parse(text);
    let layout = layout::layout(&dom, TEXT_LAYOUT.cues());
    let blocks: Vec<Block> = dom
        .texts
        .iter()
        .zip(&layout.labels)
        .filter_map(|(t, label)| {
            let label = (*label)?;
            (!t.span.is_empty()).then_some(Block {
                span: t.span,
                label,
            })
        })
        .collect();
    // Without a machine-readable date, the page's header lines may state it as
    // text ("Pressemitteilung Nr. 12/2023 16.03.2023"), as on a text page.
    let published = meta::published(&dom, &layout)
        .or_else(|| crate::extract::published::find_published(text, &blocks))
        .or_else(|| meta::address_date(&dom));
    if shown_text(text, &blocks) < MIN_SHOWN_TEXT {
        if let Some(page) = json_ld_scripts(&dom).find_map(|s| json::json_ld_article(text, s)) {
            return page;
        }
    }
    HtmlPage {
        title: meta::title(&dom, &layout),
        blocks,
        published,
        json_text: false,
    }
}

/// Bytes of running text below which a page shows no article of its own (a
/// script renders it): a paragraph's worth.
const MIN_SHOWN_TEXT: usize = 200;

/// Bytes of the page's running text.
fn shown_text(text: &str, blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|b| b.label == BlockLabel::Body)
        .filter_map(|b| b.span.slice(text))
        .map(str::len)
        .sum()
}

/// The source spans of the page's JSON-LD scripts.
fn json_ld_scripts(dom: &dom::Dom) -> impl Iterator<Item = crate::span::Span> + '_ {
    dom.texts
        .iter()
        .filter(|t| {
            t.parent.is_some_and(|p| {
                let e = &dom.elements[p];
                e.name == "script"
                    && e.attr("type")
                        .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
            })
        })
        .map(|t| t.span)
}

/// The text of the block labelled title among `blocks` of page `text`, as
/// [`HtmlPage::title`] gives it: references resolved, white space collapsed. For
/// blocks relabelled after [`analyse`] (a digest's kept item).
pub fn title_block_text(text: &str, blocks: &[Block]) -> Option<String> {
    let block = blocks.iter().find(|b| b.label == BlockLabel::Title)?;
    let title = meta::collapse(&decode_references(block.span.slice(text)?));
    (!title.is_empty()).then_some(title)
}

/// The text-page layout, compiled once: its line cues serve pages too, and it
/// lays out the plain text of a JSON article's fields.
static TEXT_LAYOUT: std::sync::LazyLock<BoilerplateClassifier> =
    std::sync::LazyLock::new(BoilerplateClassifier::new);

/// Tag names whose opening tag marks a page as HTML.
const TAG_NAMES: &[&str] = &[
    "a", "article", "b", "body", "br", "div", "em", "footer", "h1", "h2", "h3", "head", "header",
    "html", "i", "img", "li", "link", "main", "meta", "nav", "ol", "p", "script", "section",
    "span", "strong", "style", "table", "td", "title", "tr", "ul",
];

/// True when `text` is an HTML page: a doctype, `<html`, `<head` or `<body` near the
/// start, or at least [`MIN_TAGS`] tags of common HTML elements in its first 64 KiB;
/// or a web feed or a JSON article, whose texts are HTML.
pub fn looks_like_html(text: &str) -> bool {
    if json::is_json_object(text) {
        return true;
    }
    // Most plain texts hold no '<' at all.
    if memchr::memchr(b'<', text.as_bytes()).is_none() {
        return false;
    }
    if feed::is_feed(text) || xml::is_xml_document(text) {
        return true;
    }
    let head: String = text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || ["<html", "<head", "<body"].iter().any(|t| {
            head.match_indices(t).any(|(i, _)| {
                head[i + t.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c == '>' || c.is_whitespace())
            })
        })
    {
        return true;
    }
    let mut end = text.len().min(64 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    count_tags(&text[..end]) >= MIN_TAGS
}

/// Tags of common elements a text must hold to be sniffed as HTML.
pub const MIN_TAGS: usize = 8;

/// Opening and closing tags of [`TAG_NAMES`] elements in `text`.
fn count_tags(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut n = 0;
    for (i, _) in text.match_indices('<') {
        let mut j = i + 1;
        if bytes.get(j) == Some(&b'/') {
            j += 1;
        }
        let len = bytes[j.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = text.get(j..j + len).unwrap_or("").to_ascii_lowercase();
        let after = bytes.get(j + len).copied();
        if TAG_NAMES.contains(&name.as_str())
            && matches!(after, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/'))
        {
            n += 1;
        }
    }
    n
}
