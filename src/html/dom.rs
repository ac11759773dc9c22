//! The page as a flat list of elements and text nodes, read with html5gum's
//! WHATWG tokenizer. This is the only file that knows the parser crate.
//!
//! The tokenizer gives every token its byte span in the page and resolves character
//! references in text and attribute values. It switches to raw text for `script`,
//! `style`, `noscript`, `iframe`, `textarea` and `title` on its own, so markup
//! inside a script never becomes an element. Nesting is rebuilt here with a stack,
//! with the few implied end tags that matter for layout: a block start closes an
//! open `<p>`, an `<li>` closes the previous item, a heading, paragraph, list or
//! other block start closes an open heading (browsers would nest a paragraph in an
//! unclosed `<h1>`; a headline never holds one).
//! End tags without an open element are ignored; nesting deeper than [`MAX_DEPTH`]
//! is flattened, so no input makes the later ancestor walks slow.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::refs::char_reference_at;
use crate::span::Span;

/// Deepest nesting kept; deeper elements are not opened.
pub(super) const MAX_DEPTH: usize = 256;

/// Attributes layout and metadata read; others are dropped.
const KEPT_ATTRIBUTES: &[&str] = &[
    "aria-hidden",
    "class",
    "content",
    "datetime",
    "hidden",
    "id",
    "itemprop",
    "itemtype",
    "name",
    "property",
    "role",
    "style",
    "type",
];

/// Elements whose start ends an open heading, besides headings.
const HEADING_ENDS: &[&str] = &[
    "p",
    "div",
    "ul",
    "ol",
    "dl",
    "table",
    "section",
    "article",
    "aside",
    "figure",
    "blockquote",
];

/// Elements that never hold text or children.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements that start a new line of text but, unlike a block, leave an open
/// `<p>` open (a `<br>` inside a paragraph breaks its line, not the paragraph).
const KEPT_IN_PARAGRAPH: &[&str] = &[
    "br", "input", "button", "select", "textarea", "label", "object", "video", "audio", "canvas",
    "iframe", "embed", "map", "area", "picture", "source", "track",
];

/// Elements that flow inside a line of text; every other element starts a new run.
const INLINE: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em",
    "font", "i", "img", "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike",
    "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
];

/// True for elements that flow inside a line of text.
pub(super) fn is_inline(name: &str) -> bool {
    INLINE.contains(&name)
}

/// One element of the page.
#[derive(Debug, Clone)]
pub(super) struct Element {
    /// Lower-case tag name.
    pub name: String,
    /// Kept attributes: lower-case name, decoded value.
    pub attrs: Vec<(String, String)>,
    /// The enclosing element.
    pub parent: Option<usize>,
}

impl Element {
    /// The decoded value of attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One text node: raw bytes of the page and the text they stand for.
#[derive(Debug, Clone)]
pub(super) struct TextNode {
    /// The raw bytes, without surrounding white space (also none written as a
    /// reference, such as `&nbsp;`).
    pub span: Span,
    /// The text with references resolved, as the tokenizer read it.
    pub value: String,
    /// The enclosing element.
    pub parent: Option<usize>,
    /// Text nodes with the same run number form one line: no block-level tag or
    /// `<br>` stands between them.
    pub run: usize,
}

/// Elements and text nodes of a page, in page order. A parent always comes before
/// its children, so its index is smaller.
#[derive(Debug, Clone, Default)]
pub(super) struct Dom {
    pub elements: Vec<Element>,
    pub texts: Vec<TextNode>,
}

impl Dom {
    /// The element and its ancestors, innermost first.
    pub fn ancestors(&self, mut id: Option<usize>) -> impl Iterator<Item = (usize, &Element)> {
        std::iter::from_fn(move || {
            let i = id?;
            let e = self.elements.get(i)?;
            id = e.parent.filter(|&p| p < i);
            Some((i, e))
        })
    }

    /// Reads `text`. Never fails: malformed markup is read as browsers would, or
    /// skipped.
    pub fn parse(text: &str) -> Dom {
        let mut emitter = DefaultEmitter::<usize>::new_with_span();
        emitter.naively_switch_states(true);
        let mut b = Builder::default();
        for token in Tokenizer::new_with_emitter(text, emitter) {
            let Ok(token) = token;
            match token {
                Token::StartTag(tag) => {
                    let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                    let attrs = tag
                        .attributes
                        .iter()
                        .filter_map(|(k, v)| {
                            let k = String::from_utf8_lossy(k).to_ascii_lowercase();
                            // A `<link>` keeps its address (the canonical one dates
                            // some pages); other links' addresses are not needed.
                            let kept = KEPT_ATTRIBUTES.contains(&k.as_str())
                                || name == "link" && matches!(k.as_str(), "rel" | "href");
                            kept.then(|| (k, String::from_utf8_lossy(v).into_owned()))
                        })
                        .collect();
                    b.start(name, attrs, tag.self_closing);
                }
                Token::EndTag(tag) => {
                    b.end(&String::from_utf8_lossy(&tag.name).to_ascii_lowercase());
                }
                Token::String(s) => b.text(text, s.span.start, s.span.end, &s.value),
                Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
            }
        }
        b.finish(text)
    }
}

#[derive(Default)]
struct Builder {
    dom: Dom,
    stack: Vec<usize>,
    run: usize,
    /// Raw (untrimmed) end of the last text node, to join split tokens.
    last_text_end: Option<usize>,
}

impl Builder {
    fn name_at(&self, depth: usize) -> &str {
        self.stack
            .get(depth)
            .and_then(|&i| self.dom.elements.get(i))
            .map_or("", |e| e.name.as_str())
    }

    /// Pops up to and including the nearest open `target`, looking down past
    /// elements for which `pass` holds; does nothing when another element is met.
    fn close_implied(&mut self, targets: &[&str], pass: impl Fn(&str) -> bool) {
        for depth in (0..self.stack.len()).rev() {
            let name = self.name_at(depth);
            if targets.contains(&name) {
                self.stack.truncate(depth);
                return;
            }
            if !pass(name) {
                return;
            }
        }
    }

    fn start(&mut self, name: String, attrs: Vec<(String, String)>, self_closing: bool) {
        let inline = is_inline(&name);
        if !inline {
            self.run += 1;
            self.last_text_end = None;
            // A line break or a form control goes on inside the paragraph.
            if !KEPT_IN_PARAGRAPH.contains(&name.as_str()) {
                self.close_implied(&["p"], is_inline);
            }
        }
        if name == "li" {
            self.close_implied(&["li"], |n| is_inline(n) || n == "p");
        }
        // A heading ends where a paragraph, list, table or another heading starts
        // (browsers would nest them; no headline holds a paragraph).
        if is_heading(&name) || HEADING_ENDS.contains(&name.as_str()) {
            self.close_implied(&["h1", "h2", "h3", "h4", "h5", "h6"], is_inline);
        }
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        let void = VOID.contains(&name.as_str()) || self_closing;
        self.dom.elements.push(Element {
            name,
            attrs,
            parent: self.stack.last().copied(),
        });
        if !void {
            self.stack.push(self.dom.elements.len() - 1);
        }
    }

    fn end(&mut self, name: &str) {
        if !is_inline(name) {
            self.run += 1;
            self.last_text_end = None;
        }
        if let Some(depth) = (0..self.stack.len())
            .rev()
            .find(|&d| self.name_at(d) == name)
        {
            self.stack.truncate(depth);
        }
    }

    fn text(&mut self, page: &str, start: usize, end: usize, value: &[u8]) {
        let value = String::from_utf8_lossy(value);
        let parent = self.stack.last().copied();
        if let Some(last) = self.dom.texts.last_mut() {
            if self.last_text_end == Some(start) && last.parent == parent && last.run == self.run {
                last.span.end = end;
                last.value.push_str(&value);
                self.last_text_end = Some(end);
                return;
            }
        }
        if page.get(start..end).is_none() {
            return;
        }
        self.dom.texts.push(TextNode {
            span: Span::new(start, end),
            value: value.into_owned(),
            parent,
            run: self.run,
        });
        self.last_text_end = Some(end);
    }

    /// Trims every text node, cuts it before anything that reads as a tag, and
    /// drops those left empty or not cut on character boundaries. The tokenizer
    /// leaves tag-like text only where a page ends inside a tag (`…Stellen</`).
    fn finish(mut self, page: &str) -> Dom {
        self.dom.texts.retain_mut(
            |t| match cut_at_tag(page, t.span).and_then(|s| trim(page, s)) {
                Some(span) => {
                    t.span = span;
                    true
                }
                None => false,
            },
        );
        self.dom
    }
}

/// `span` up to the first `<` followed by a letter, `/`, `!` or `?`.
fn cut_at_tag(page: &str, span: Span) -> Option<Span> {
    let raw = span.slice(page)?.as_bytes();
    let cut = raw.iter().enumerate().position(|(i, &b)| {
        b == b'<'
            && raw
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, b'/' | b'!' | b'?'))
    });
    Some(Span::new(
        span.start,
        cut.map_or(span.end, |c| span.start + c),
    ))
}

/// True for `h1` to `h6`.
pub(super) fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// `span` of `page` without leading and trailing white space, literal or written
/// as a reference; `None` when nothing is left or the span does not slice `page`.
fn trim(page: &str, span: Span) -> Option<Span> {
    let raw = span.slice(page)?;
    let (mut s, mut e) = (0, raw.len());
    while s < e {
        let rest = raw.get(s..e)?;
        let c = rest.chars().next()?;
        if is_space(c) {
            s += c.len_utf8();
        } else if let Some((_, len)) = char_reference_at(raw, s).filter(|(r, _)| is_space(*r)) {
            s += len;
        } else {
            break;
        }
    }
    while s < e {
        let rest = raw.get(s..e)?;
        let c = rest.chars().next_back()?;
        if is_space(c) {
            e -= c.len_utf8();
            continue;
        }
        // A reference ending here: its `&` lies at most a few bytes back.
        let amp = rest.rfind('&').filter(|&a| rest.len() - a <= 10);
        match amp.and_then(|a| char_reference_at(raw, s + a).map(|r| (a, r))) {
            Some((a, (r, len))) if s + a + len == e && is_space(r) => e = s + a,
            _ => break,
        }
    }
    (s < e).then(|| Span::new(span.start + s, span.start + e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_literal_and_written_space() {
        let page = "<p> &nbsp;Kiel&#160; \n</p>";
        let dom = Dom::parse(page);
        assert_eq!(dom.texts.len(), 1);
        assert_eq!(dom.texts[0].span.slice(page), Some("Kiel"));
    }

    #[test]
    fn implied_ends_and_runs() {
        let page = "<div><p>Eins <b>zwei</b><p>drei<ul><li>vier<li>fünf</ul>sechs<br>sieben</div>";
        let dom = Dom::parse(page);
        let texts: Vec<(&str, usize, &str)> = dom
            .texts
            .iter()
            .map(|t| {
                let parent = t.parent.map_or("", |p| dom.elements[p].name.as_str());
                (t.span.slice(page).unwrap_or(""), t.run, parent)
            })
            .collect();
        let runs: Vec<usize> = texts.iter().map(|t| t.1).collect();
        assert_eq!(runs[0], runs[1], "inline <b> keeps the run");
        assert!(runs.windows(2).skip(1).all(|w| w[0] < w[1]));
        let parents: Vec<&str> = texts.iter().map(|t| t.2).collect();
        assert_eq!(parents, ["p", "b", "p", "li", "li", "div", "div"]);
        // The second <p> is a sibling of the first, not its child.
        let p2 = dom.texts[2].parent.unwrap_or(0);
        assert_eq!(dom.elements[p2].parent, Some(0));
    }

    #[test]
    fn page_cut_inside_a_tag() {
        let page = "<p>Neue Stellen</";
        let dom = Dom::parse(page);
        assert_eq!(dom.texts.len(), 1);
        assert_eq!(dom.texts[0].span.slice(page), Some("Neue Stellen"));
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let page = "<div>".repeat(10_000) + "Text";
        let dom = Dom::parse(&page);
        assert_eq!(dom.texts.len(), 1);
        assert!(dom.ancestors(dom.texts[0].parent).count() <= MAX_DEPTH);
    }
}
