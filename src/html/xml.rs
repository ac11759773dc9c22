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
//!   its title, is a teaser;
//! - text deleted by tracked changes, field instructions, scripts and styles are
//!   no text at all;
//! - every other text is the article's.
//!
//! Every block is one run of text between two tags, a span of the raw document,
//! as on pages.

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
        && super::feed::root_name(body).is_some_and(|root| {
            !matches!(
                super::feed::local_name(&root.to_ascii_lowercase()),
                "html" | "rss" | "feed" | "rdf"
            )
        })
}

/// Elements whose text is no text of the document.
const SKIPPED: &[&str] = &["deltext", "instrtext", "script", "style"];

/// Elements that hold one paragraph of running text (by local name).
const PARAGRAPHS: &[&str] = &["p", "para", "headline", "title", "li", "td", "th"];

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
    let name = String::from_utf8_lossy(start.name().as_ref()).to_ascii_lowercase();
    super::feed::local_name(&name).to_owned()
}

/// The runs of text of the document, in order, white space around them left out.
fn runs(text: &str) -> Option<Vec<Run>> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut stack: Vec<Open> = Vec::new();
    let mut runs: Vec<Run> = Vec::new();
    let mut next_id = 0usize;
    loop {
        let before = usize::try_from(reader.buffer_position()).ok()?;
        let event = reader.read_event().ok()?;
        let after = usize::try_from(reader.buffer_position()).ok()?;
        match event {
            Event::Start(start) => {
                let local = local_of(&start);
                let paragraph = PARAGRAPHS.contains(&local.as_str());
                let role = Role::of(&local);
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
                if let (Some(role), Some(p)) =
                    (style.as_deref().and_then(Role::of_style), paragraph)
                {
                    p.role = role;
                }
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Text(_) | Event::CData(_) => {
                let raw = text.get(before..after).unwrap_or("");
                if raw.trim().is_empty() {
                    continue;
                }
                if stack.iter().any(|o| SKIPPED.contains(&o.local.as_str())) {
                    continue;
                }
                let Some(owner) = stack
                    .iter()
                    .rev()
                    .find(|o| o.paragraph)
                    .or_else(|| stack.last())
                else {
                    continue;
                };
                // All inside a link tells of another item; else a date or note
                // inside a paragraph speaks for itself.
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
                let in_meta = stack.iter().any(|o| o.role == Role::Meta);
                let lead = raw.len() - raw.trim_start().len();
                let span = Span::new(before + lead, before + raw.trim_end().len());
                runs.push(Run {
                    span,
                    written: Span::new(before, after),
                    paragraph: owner.id,
                    role,
                    in_meta,
                    local: stack.last().map(|o| o.local.clone()).unwrap_or_default(),
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Some(runs)
}
