//! Byte spans into the decoded original text, and quotes that carry them.
//!
//! Every fact coopfacts emits points back to the bytes it came from. A [`Span`] is a
//! half-open byte range `start..end` into the document's text decoded to UTF-8, before
//! any cleaning (the same text `score.py` reads). A [`Quote`] is a span together with
//! the exact text it covers; it can only be built by slicing the original, so a fact
//! that holds a `Quote` has provenance by construction.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the decoded original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `start` must not exceed `end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely within `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers, or `None` when it is out of bounds or cuts a
    /// character in two.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }
}

/// A non-empty piece of the original text with its byte span: the provenance of a
/// fact. `text == original[start..end]` holds for every `Quote` there is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Quote {
    /// The bytes of the original at `start..end`.
    pub text: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Quote {
    /// Quotes `span` of `original`. Returns `None` when the span is empty, out of
    /// bounds, or not on character boundaries: such a fact must not be emitted.
    pub fn new(original: &str, span: Span) -> Option<Quote> {
        if span.is_empty() {
            return None;
        }
        let text = span.slice(original)?;
        Some(Quote {
            text: text.to_owned(),
            start: span.start,
            end: span.end,
        })
    }

    /// The span this quote covers.
    pub const fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// The character right before byte `i` of `text`, if `i` is a boundary.
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The character starting at byte `i` of `text`, if `i` is a boundary.
pub(crate) fn char_after(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The char boundary after the character that starts at `i`.
pub(crate) fn next_boundary(text: &str, i: usize) -> usize {
    i + char_after(text, i).map_or(1, char::len_utf8)
}

/// Start of a window of at most `max` bytes ending at `pos`, not before `floor`,
/// on a char boundary of `text`.
pub(crate) fn window_start(text: &str, floor: usize, pos: usize, max: usize) -> usize {
    let mut s = pos.saturating_sub(max).max(floor).min(pos);
    while s < pos && !text.is_char_boundary(s) {
        s += 1;
    }
    s
}

/// End of a window of at most `max` bytes starting at `pos`, not after `ceil`, on
/// a char boundary of `text`.
pub(crate) fn window_end(text: &str, pos: usize, ceil: usize, max: usize) -> usize {
    let mut e = pos.saturating_add(max).min(ceil).max(pos);
    while e > pos && !text.is_char_boundary(e) {
        e -= 1;
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_takes_text_from_the_original() {
        let text = "Die Stadt Görlitz und der Kreis";
        let q = Quote::new(text, Span::new(10, 18)).unwrap();
        assert_eq!(q.text, "Görlitz");
        assert_eq!(&text[q.start..q.end], q.text);
    }

    #[test]
    fn quote_refuses_bad_spans() {
        let text = "Görlitz";
        assert!(Quote::new(text, Span::new(0, 2)).is_none(), "cuts ö in two");
        assert!(Quote::new(text, Span::new(3, 3)).is_none(), "empty");
        assert!(
            Quote::new(text, Span::new(0, 99)).is_none(),
            "out of bounds"
        );
    }

    #[test]
    fn windows_stay_on_char_boundaries() {
        let text = "über 5 Mio.";
        assert_eq!(window_start(text, 0, 6, 5), 2, "not inside ü");
        assert_eq!(window_end(text, 0, text.len(), 1), 0);
        assert_eq!(window_start(text, 4, 6, 40), 4, "not before the floor");
    }

    #[test]
    fn span_relations() {
        let a = Span::new(2, 8);
        assert!(a.contains(Span::new(3, 8)));
        assert!(!a.contains(Span::new(1, 3)));
        assert!(a.overlaps(Span::new(7, 9)));
        assert!(!a.overlaps(Span::new(8, 9)));
        assert_eq!(a.cover(Span::new(10, 12)), Span::new(2, 12));
    }
}
