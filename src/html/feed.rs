//! Web feeds (RSS 0.9x–2.0, RSS 1.0/RDF, Atom): the article is the feed's first
//! item, or a later one that reports a cooperation more strongly (a press
//! office's feed lists its latest releases, and the one about a cooperation need
//! not be the newest). The item's HTML travels inside an element as CDATA, as
//! escaped markup or as inline XHTML.
//!
//! An HTML tokenizer reads `<![CDATA[` as a comment that ends at the first `>`,
//! so a feed read as a page loses its article's start and shows `]]>` as text.
//! Here the feed is walked as XML (quick-xml, only for element boundaries), and each
//! element's raw content is read for what it is:
//! - the item's content (`content:encoded`, `content`, or else `description`,
//!   `summary`) is HTML, laid out like a page fragment; escaped markup is
//!   unescaped first and every block mapped back to the raw bytes it came from;
//! - the item's `title` is the headline and its date (`pubDate`, `dc:date`,
//!   `published`, `updated`) the publication date;
//! - the channel's own texts, links, authors and every later item are page
//!   furniture or teasers of other articles.
//!
//! Every block span lies in the raw feed text, so provenance holds as for pages.

use quick_xml::events::Event;

use super::xml::{element_name, local_name, root_name, walk};
use super::{
    analyse_page, decode_references, field_label, mapped_fragment_blocks, title_of,
    unescaped_with_origin, HtmlPage,
};
use crate::boilerplate::{Block, BlockLabel};
use crate::span::Span;

/// True when the root element of `text` is an RSS, RDF or Atom feed.
pub(super) fn is_feed(text: &str) -> bool {
    root_name(text).is_some_and(|name| {
        matches!(
            local_name(&name.to_ascii_lowercase()),
            "rss" | "feed" | "rdf"
        )
    })
}

/// The layout, title and date of a feed, or `None` when it holds no item or is
/// not well-formed enough to find one (the caller then reads it as a page).
/// `weight` counts the cooperation cues of an item's raw title and text.
pub(super) fn analyse(text: &str, weight: &dyn Fn(&str) -> usize) -> Option<HtmlPage> {
    let fields = fields(text)?;
    let article = chosen_item(text, &fields, weight)?;
    let has_content = fields
        .iter()
        .any(|f| f.item == Some(article) && f.role == FieldRole::Content);
    let mut blocks = Vec::new();
    let mut title = None;
    let mut published = None;
    let mut updated = None;
    for field in &fields {
        let raw = field.span.slice(text)?;
        if field.item != Some(article) {
            let label = if field.item.is_some() {
                BlockLabel::Teaser
            } else {
                field.role.channel_label()
            };
            push_html(&mut blocks, text, field.span, Some(label));
            continue;
        }
        match field.role {
            FieldRole::Title => {
                let first = blocks.len();
                push_html(&mut blocks, text, field.span, Some(BlockLabel::Title));
                title = Some(title_of(text, &blocks[first..], decode_references));
            }
            FieldRole::Date | FieldRole::Updated => {
                let date = super::meta::parse_date(&plain_text(raw));
                if field.role == FieldRole::Date {
                    published = published.or(date);
                } else {
                    updated = updated.or(date);
                }
                push_html(&mut blocks, text, field.span, Some(BlockLabel::Meta));
            }
            FieldRole::Content => push_html(&mut blocks, text, field.span, None),
            FieldRole::Summary if has_content => {
                push_html(&mut blocks, text, field.span, Some(BlockLabel::Other))
            }
            FieldRole::Summary => push_html(&mut blocks, text, field.span, None),
            role => push_html(&mut blocks, text, field.span, Some(role.item_label())),
        }
    }
    blocks.sort_by_key(|b: &Block| b.span.start);
    Some(HtmlPage {
        blocks,
        title: title.filter(|t| !t.is_empty()),
        published: published.or(updated),
        json_text: false,
    })
}

/// The item the record is about: the first, unless a later one weighs more.
fn chosen_item(text: &str, fields: &[Field], weight: &dyn Fn(&str) -> usize) -> Option<usize> {
    let weight_of = |item: usize| -> usize {
        fields
            .iter()
            .filter(|f| f.item == Some(item))
            .filter(|f| {
                matches!(
                    f.role,
                    FieldRole::Title | FieldRole::Content | FieldRole::Summary
                )
            })
            .filter_map(|f| f.span.slice(text))
            .map(weight)
            .sum()
    };
    let mut items: Vec<usize> = fields.iter().filter_map(|f| f.item).collect();
    items.dedup();
    let (&first, later) = items.split_first()?;
    let mut best = (weight_of(first), first);
    for &item in later {
        let w = weight_of(item);
        if w > best.0 {
            best = (w, item);
        }
    }
    Some(best.1)
}

/// What an element of a feed holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldRole {
    Title,
    /// When the item was published.
    Date,
    /// When it was last changed: the publication date only if no other is given.
    Updated,
    Content,
    Summary,
    Link,
    Author,
    Category,
    Other,
}

impl FieldRole {
    /// The role of an element by its lower-case name. Media RSS elements
    /// (`media:content`, `media:description`) describe an attached picture or video.
    fn of(name: &str) -> FieldRole {
        if name.starts_with("media:") {
            return FieldRole::Other;
        }
        match local_name(name) {
            "title" => FieldRole::Title,
            "pubdate" | "date" | "published" | "issued" => FieldRole::Date,
            "updated" | "modified" => FieldRole::Updated,
            "encoded" | "content" => FieldRole::Content,
            "description" | "summary" | "subtitle" => FieldRole::Summary,
            "link" | "guid" | "id" | "comments" | "url" => FieldRole::Link,
            "author" | "creator" | "contributor" | "name" | "email" => FieldRole::Author,
            "category" | "subject" | "keywords" => FieldRole::Category,
            _ => FieldRole::Other,
        }
    }

    /// The label of an element of the article's item, other than its title, date
    /// and text.
    fn item_label(self) -> BlockLabel {
        match self {
            FieldRole::Link => BlockLabel::Link,
            FieldRole::Author => BlockLabel::Byline,
            FieldRole::Category => BlockLabel::Keywords,
            _ => BlockLabel::Meta,
        }
    }

    /// The label of an element of the channel: the site's name and description,
    /// its links and metadata.
    fn channel_label(self) -> BlockLabel {
        match self {
            FieldRole::Link => BlockLabel::Link,
            FieldRole::Title | FieldRole::Summary => BlockLabel::Navigation,
            _ => BlockLabel::Meta,
        }
    }
}

/// One leaf element of the feed: the raw bytes between its tags, which item it
/// belongs to (`None` for the channel) and what it holds.
#[derive(Debug, Clone, Copy)]
struct Field {
    span: Span,
    item: Option<usize>,
    role: FieldRole,
}

/// The feed's elements that hold text, in document order. Elements nested in an
/// item's field (inline XHTML, an Atom author's `name`) stay part of that field.
fn fields(text: &str) -> Option<Vec<Field>> {
    let mut out = Vec::new();
    let mut items = 0;
    let mut item: Option<(usize, usize)> = None; // (item number, depth)
    let mut open: Option<(FieldRole, usize, usize)> = None; // (role, content start, depth)
    let mut depth = 0usize;
    walk(text, |event, span| match event {
        Event::Start(start) => {
            depth += 1;
            let name = element_name(&start);
            let local = local_name(&name);
            if open.is_some() {
                return;
            }
            if matches!(local, "item" | "entry") {
                item = Some((items, depth));
                items += 1;
            } else if !matches!(
                local,
                "rss" | "rdf" | "channel" | "feed" | "author" | "source" | "image"
            ) {
                open = Some((FieldRole::of(&name), span.end, depth));
            }
        }
        Event::End(_) => {
            if let Some((role, start, at)) = open {
                if at == depth {
                    out.push(Field {
                        span: Span::new(start, span.start),
                        item: item.map(|(n, _)| n),
                        role,
                    });
                    open = None;
                }
            }
            if item.is_some_and(|(_, at)| at == depth) {
                item = None;
            }
            depth = depth.saturating_sub(1);
        }
        _ => {}
    })?;
    Some(out)
}

/// The text of a field that holds no markup, CDATA wrapper removed and references
/// resolved.
fn plain_text(raw: &str) -> String {
    let (start, end) = cdata_inner(raw).unwrap_or((0, raw.len()));
    decode_references(&raw[start..end])
}

/// Byte range of the text inside a `<![CDATA[ … ]]>` wrapper that makes up the
/// whole of `raw` (white space around it allowed).
fn cdata_inner(raw: &str) -> Option<(usize, usize)> {
    let lead = raw.len() - raw.trim_start().len();
    let body = raw.trim_end();
    let inner_start = lead + "<![CDATA[".len();
    let inner_end = body.len().checked_sub("]]>".len())?;
    (raw[lead..].starts_with("<![CDATA[") && body.ends_with("]]>") && inner_start <= inner_end)
        .then_some((inner_start, inner_end))
}

/// The blocks of a field, read as HTML (a plain text is HTML without tags), each
/// labelled `label` when given, else as its layout says (a headline inside the
/// text is a heading: the item's title is the article's).
fn push_html(blocks: &mut Vec<Block>, text: &str, span: Span, label: Option<BlockLabel>) {
    let Some(raw) = span.slice(text) else { return };
    let relabel = |b: Block| Block {
        span: b.span,
        label: field_label(label, b.label),
    };
    if let Some((start, end)) = cdata_inner(raw) {
        let offset = span.start + start;
        for b in analyse_page(&raw[start..end]).blocks {
            blocks.push(relabel(shift(b, offset)));
        }
    } else if raw.contains("&lt;") {
        let (html, origin) = unescape_with_origin(raw);
        for b in mapped_fragment_blocks(&html, &origin, span.start) {
            blocks.push(relabel(b));
        }
    } else {
        for b in analyse_page(raw).blocks {
            blocks.push(relabel(shift(b, span.start)));
        }
    }
}

fn shift(block: Block, offset: usize) -> Block {
    Block {
        span: Span::new(block.span.start + offset, block.span.end + offset),
        label: block.label,
    }
}

/// `raw` with its markup escapes (`&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;`)
/// resolved, each byte mapped back as [`unescaped_with_origin`] says. A block
/// ending inside the result thus ends in `raw` before the next escape or
/// character.
fn unescape_with_origin(raw: &str) -> (String, Vec<usize>) {
    const ESCAPES: &[(&str, char)] = &[
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&amp;", '&'),
        ("&quot;", '"'),
        ("&apos;", '\''),
    ];
    unescaped_with_origin(raw, |raw, i| {
        ESCAPES
            .iter()
            .find(|(escape, _)| raw[i..].starts_with(escape))
            .map(|&(escape, c)| (Some(c), escape.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_told_from_pages_by_their_root_element() {
        assert!(is_feed(
            "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>"
        ));
        assert!(is_feed(
            "\u{FEFF}<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        ));
        assert!(is_feed(
            "<?xml version=\"1.0\"?><!-- x --><rdf:RDF xmlns:rdf=\"…\">"
        ));
        assert!(!is_feed("<!DOCTYPE html><html><head><title>RSS</title>"));
        assert!(!is_feed("Der Kreis stellt seinen RSS-Feed ein."));
    }

    #[test]
    fn escaped_markup_maps_back_to_its_raw_bytes() {
        let raw = "&lt;p&gt;Kreis &amp; Stadt&lt;/p&gt;";
        let (html, origin) = unescape_with_origin(raw);
        assert_eq!(html, "<p>Kreis & Stadt</p>");
        let start = html.find("Kreis").unwrap();
        let end = start + "Kreis & Stadt".len();
        assert_eq!(&raw[origin[start]..origin[end]], "Kreis &amp; Stadt");
    }
}
