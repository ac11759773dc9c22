//! XML documents that are neither a feed nor a web page: a word processor's
//! `word/document.xml` or `content.xml`, a news agency's NewsML item, a
//! procurement notice in eForms. Their vocabularies differ, but all of them keep
//! running text in paragraph elements and say what an element holds by its name.
//!
//! The document is walked as XML (quick-xml, only for element boundaries). Each
//! run of text between tags belongs to the nearest enclosing paragraph element
//! (`p` in any namespace, as in `w:p`, `text:p`, `xhtml:p`; a headline, title,
//! list item or table cell), or else to its own element. Each run is a block;
//! the runs of the heading paragraph are joined without a space into the title,
//! as a word may be split into styled runs.
//! Labels come from element names:
//! - `headline` or `title`, or a paragraph styled as the title (`w:pStyle` whose
//!   value names a title, not a subtitle), heads the page; a paragraph styled as
//!   a heading or subtitle is a heading, and the first one heads the page when
//!   nothing else does;
//! - an element whose name says it holds a date (`…Date`, `…Created`, `issued`,
//!   `published`) is a dateline, or metadata inside metadata, and the first that
//!   parses dates the page, publication dates first;
//! - copyright and rights notices are legal notes; postal and electronic
//!   addresses are contact boxes; editors' notes, slug lines, keywords, subjects,
//!   ids and a news item's metadata are metadata; a link to another item, with
//!   its title, is a teaser, and so is every news item of a message after its
//!   first (an export sends the day's releases together; the first is the one
//!   the document is about);
//! - text deleted by tracked changes, field instructions, scripts and styles are
//!   no text at all;
//! - every other text is the article's.
//!
//! Every block is one run of text between two tags, a span of the raw document,
//! as on pages. The lenient walk over XML events ([`walk`]) and element names
//! serve the feed reader too.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::HtmlPage;
use crate::boilerplate::{Block, BlockLabel};
use crate::calendar::CalendarDate;
use crate::span::Span;

/// True when `text` is an XML document (it opens with an XML declaration)
/// whose root element is not a web page's or a feed's.
pub(super) fn is_xml_document(text: &str) -> bool {
    let body = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    body.starts_with("<?xml")
        && root_name(body).is_some_and(|root| {
            !matches!(
                local_name(&root.to_ascii_lowercase()),
                "html" | "rss" | "feed" | "rdf"
            )
        })
}

/// Walks `text` as XML for as far as it is well-formed enough, handing `visit`
/// each event with the bytes it covers, up to the end; end tags need not match,
/// as feeds and exported documents do not always close what they open. `None`
/// when the XML breaks off in a way the reader cannot pass.
pub(super) fn walk(text: &str, mut visit: impl FnMut(Event<'_>, Span)) -> Option<()> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    loop {
        let before = usize::try_from(reader.buffer_position()).ok()?;
        let event = reader.read_event().ok()?;
        let after = usize::try_from(reader.buffer_position()).ok()?;
        if matches!(event, Event::Eof) {
            return Some(());
        }
        visit(event, Span::new(before, after));
    }
}

/// The lower-case name of an element, with its namespace prefix (`content:encoded`).
pub(super) fn element_name(start: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(start.name().as_ref()).to_ascii_lowercase()
}

/// The name of the root element of an XML or HTML text, as written.
pub(super) fn root_name(text: &str) -> Option<&str> {
    let mut rest = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    // Skip the XML declaration, processing instructions, comments and a doctype.
    loop {
        if let Some(after) = rest.strip_prefix("<?") {
            let end = after.find("?>")?;
            rest = after[end + 2..].trim_start();
        } else if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->")?;
            rest = after[end + 3..].trim_start();
        } else if rest.starts_with("<!") {
            let end = rest.find('>')?;
            rest = rest[end + 1..].trim_start();
        } else {
            break;
        }
    }
    let tag = rest.strip_prefix('<')?;
    let name_end = tag
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(tag.len());
    Some(&tag[..name_end])
}

/// The name of an element without its namespace prefix (`content:encoded` →
/// `encoded`).
pub(super) fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Elements whose text is no text of the document.
const SKIPPED: &[&str] = &["deltext", "instrtext", "script", "style"];

/// Elements that hold one paragraph of running text (by local name).
const PARAGRAPHS: &[&str] = &["p", "para", "headline", "title", "li", "td", "th"];

/// Elements that hold one news item of a message that may send several
/// (NewsML-G2 `newsItem`, NewsML 1 `NewsItem`; by local name).
const ITEMS: &[&str] = &["newsitem"];

/// Elements whose text is a legal note (by local name).
const LEGAL: &[&str] = &[
    "copyrightnotice",
    "copyrightholder",
    "rightsinfo",
    "usageterms",
];

/// Elements whose text is metadata (by local name): a news item's item and
/// content metadata (its headline excepted), notes to editors, keywords, ids.
const META: &[&str] = &[
    "itemmeta",
    "contentmeta",
    "ednote",
    "slugline",
    "keyword",
    "keywords",
    "subject",
    "genre",
    "id",
];

/// Elements whose text is a postal or electronic address (by local name).
const CONTACT: &[&str] = &[
    "contact",
    "postaladdress",
    "streetname",
    "postalzone",
    "cityname",
    "telephone",
    "telefax",
    "electronicmail",
    "websiteuri",
];

/// What the element that a run of text belongs to says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Title,
    Heading,
    Date,
    Legal,
    Meta,
    Contact,
    /// A link to another item, with its title and teaser.
    Link,
    Text,
}

impl Role {
    /// The role an element's lower-case local name gives its text.
    fn of(local: &str) -> Role {
        if matches!(local, "headline" | "title") {
            Role::Title
        } else if local.ends_with("date")
            || local.ends_with("created")
            || matches!(local, "issued" | "published")
        {
            Role::Date
        } else if LEGAL.contains(&local) {
            Role::Legal
        } else if META.contains(&local) {
            Role::Meta
        } else if CONTACT.contains(&local) {
            Role::Contact
        } else if local == "link" {
            Role::Link
        } else {
            Role::Text
        }
    }

    /// The role a paragraph style's value gives (`w:pStyle w:val="Titel"`).
    fn of_style(style: &str) -> Option<Role> {
        let style = style.to_lowercase();
        if style.contains("subtitle") || style.contains("untertitel") {
            Some(Role::Heading)
        } else if style.contains("title") || style.contains("titel") {
            Some(Role::Title)
        } else if style.contains("heading") || style.contains("berschrift") {
            Some(Role::Heading)
        } else {
            None
        }
    }
}

/// An open element: its local name (lower case), whether it is a paragraph,
/// an id of its own, and the role it gives its text.
struct Open {
    local: String,
    paragraph: bool,
    id: usize,
    role: Role,
}

/// A run of text between two tags, and the paragraph it belongs to.
struct Run {
    /// The run without the white space around it: the block.
    span: Span,
    /// The run as written between its tags: its part of a title.
    written: Span,
    /// The id of the paragraph element it belongs to.
    paragraph: usize,
    role: Role,
    /// Whether the run stands in metadata (a date of the item, not of its text).
    in_meta: bool,
    /// The local name of the element right around it.
    local: String,
}

/// The layout, title and date of an XML document, or `None` when it is not
/// well-formed enough to walk or holds no text.
pub(super) fn analyse(text: &str) -> Option<HtmlPage> {
    let runs = runs(text)?;
    if runs.is_empty() {
        return None;
    }
    // The paragraph that heads the page: the first titled one, else the first
    // heading.
    let heading = |role: Role| runs.iter().find(|r| r.role == role).map(|r| r.paragraph);
    let title_paragraph = heading(Role::Title).or_else(|| heading(Role::Heading));
    let mut dates: Vec<(u8, CalendarDate)> = Vec::new();
    let mut title = String::new();
    let mut blocks: Vec<Block> = Vec::with_capacity(runs.len());
    for run in &runs {
        let raw = run.span.slice(text).unwrap_or("");
        let label = match run.role {
            _ if Some(run.paragraph) == title_paragraph => {
                // A word split into styled runs is one word: no space between.
                let written = run.written.slice(text).unwrap_or("");
                title.push_str(&super::decode_references(written));
                BlockLabel::Title
            }
            Role::Title | Role::Heading => BlockLabel::Heading,
            Role::Date => {
                if let Some(date) = xml_date(&super::decode_references(raw)) {
                    dates.push((date_preference(&run.local), date));
                }
                if run.in_meta {
                    BlockLabel::Meta
                } else {
                    BlockLabel::Dateline
                }
            }
            Role::Legal => BlockLabel::Legal,
            Role::Meta => BlockLabel::Meta,
            Role::Contact => BlockLabel::Contact,
            Role::Link => BlockLabel::Teaser,
            Role::Text => BlockLabel::Body,
        };
        blocks.push(Block {
            span: run.span,
            label,
        });
    }
    let published = dates
        .iter()
        .min_by_key(|(preference, _)| *preference)
        .map(|&(_, date)| date)
        .or_else(|| crate::extract::published::find_published(text, &blocks));
    let title = super::meta::collapse(&title);
    Some(HtmlPage {
        blocks,
        title: (!title.is_empty()).then_some(title),
        published,
        json_text: false,
    })
}

/// How strongly a date element's name says it is the publication date: lower
/// is stronger.
fn date_preference(local: &str) -> u8 {
    if local.contains("publ") || local.contains("issue") {
        0
    } else if matches!(local, "firstcreated" | "created") {
        // The first version's date, not the latest revision's.
        1
    } else if local.contains("created") {
        2
    } else {
        3
    }
}

/// A date as written in a document's text or as XML Schema writes it, with a
/// zone after the day ("2026-03-06+01:00").
fn xml_date(value: &str) -> Option<CalendarDate> {
    let value = value.trim();
    super::meta::parse_date(value).or_else(|| {
        let day = value.get(..10)?;
        let zone = &value[10..];
        (zone == "Z" || zone.starts_with(['+', '-'])).then(|| super::meta::parse_date(day))?
    })
}

/// The lower-case local name of an element (`w:pStyle` → `pstyle`).
fn local_of(start: &BytesStart<'_>) -> String {
    local_name(&element_name(start)).to_owned()
}

/// The runs of text of the document, in order, white space around them left out.
fn runs(text: &str) -> Option<Vec<Run>> {
    let mut stack: Vec<Open> = Vec::new();
    let mut runs: Vec<Run> = Vec::new();
    let mut next_id = 0usize;
    let mut items = 0usize;
    walk(text, |event, span| match event {
        Event::Start(start) => {
            let local = local_of(&start);
            let paragraph = PARAGRAPHS.contains(&local.as_str());
            let mut role = Role::of(&local);
            if ITEMS.contains(&local.as_str()) {
                items += 1;
                if items > 1 {
                    role = Role::Link;
                }
            }
            stack.push(Open {
                local,
                paragraph,
                id: next_id,
                role,
            });
            next_id += 1;
        }
        Event::Empty(empty) if local_of(&empty) == "pstyle" => {
            let style = empty
                .attributes()
                .flatten()
                .find(|a| a.key.local_name().as_ref() == b"val")
                .map(|a| String::from_utf8_lossy(&a.value).into_owned());
            let paragraph = stack.iter_mut().rev().find(|o| o.paragraph);
            if let (Some(role), Some(p)) = (style.as_deref().and_then(Role::of_style), paragraph) {
                p.role = role;
            }
        }
        Event::End(_) => {
            stack.pop();
        }
        Event::Text(_) | Event::CData(_) => runs.extend(run_of(text, &stack, span)),
        _ => {}
    })?;
    Some(runs)
}

/// The run of text at `written` inside the open elements `stack`, unless it is
/// blank or no text of the document.
fn run_of(text: &str, stack: &[Open], written: Span) -> Option<Run> {
    let raw = written.slice(text)?;
    if raw.trim().is_empty() || stack.iter().any(|o| SKIPPED.contains(&o.local.as_str())) {
        return None;
    }
    let owner = stack.iter().rev().find(|o| o.paragraph).or(stack.last())?;
    // All inside a link tells of another item; else a date or note inside a
    // paragraph speaks for itself.
    let role = if stack.iter().any(|o| o.role == Role::Link) {
        Role::Link
    } else {
        stack
            .iter()
            .rev()
            .map(|o| o.role)
            .find(|&r| r != Role::Text)
            .unwrap_or(Role::Text)
    };
    let lead = raw.len() - raw.trim_start().len();
    Some(Run {
        span: Span::new(written.start + lead, written.start + raw.trim_end().len()),
        written,
        paragraph: owner.id,
        role,
        in_meta: stack.iter().any(|o| o.role == Role::Meta),
        local: stack.last().map(|o| o.local.clone()).unwrap_or_default(),
    })
}
