//! Text whose form garbles its reading, read as it was meant.
//!
//! Some documents reach us in a form that hides their words from every later stage:
//! Rich Text Format ([`rtf`]: `Oberb\'fcrgermeister` between control words),
//! UTF-8 decoded twice ([`mojibake`]: "MÃ¼nster" for "Münster"), a PDF extract's
//! page furniture inside a paragraph ([`pages`]), or a page set in columns side
//! by side ([`columns`]: each line holds a piece of two paragraphs).
//! A repair writes the text as meant, piece by piece, and remembers where each
//! piece came from. The pipeline reads the repaired text, and every span it finds
//! is moved back into the text as decoded with [`Repaired::original_span`], so
//! offsets still count in the scorer's text. Where a repair leaves syntax or
//! furniture out between pieces kept in order (RTF, page breaks), a span maps from its first byte to its
//! last, the syntax between included. Where it reorders (columns), a span whose
//! pieces do not lie
//! side by side in the original has no original span and is not emitted, unless
//! it only runs over one line break of a column: a name broken over two lines is
//! quoted with what stands between its pieces on the page.

pub mod columns;
pub mod mojibake;
pub mod pages;
pub mod rtf;

use crate::span::Span;

/// A repaired text and the way from its offsets back to the original's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repaired {
    /// The text as it was meant.
    pub text: String,
    /// The pieces of `text` in order, each with the original range it came from.
    pieces: Vec<Piece>,
    /// What was repaired, for the record.
    pub what: String,
    /// The pieces keep the original's order (syntax or escapes left out between
    /// them), so any span maps back to the original from its start to its end.
    in_order: bool,
}

/// A piece of the repaired text: `start..end` of it came from
/// `original_start..original_end`. A copied piece has both of the same length and
/// maps byte for byte; a replaced or inserted one maps only at its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    start: usize,
    end: usize,
    original_start: usize,
    original_end: usize,
    copied: bool,
}

impl Repaired {
    /// Marks the pieces as kept in the original's order: a span over several of
    /// them quotes the original from its first to its last, what was left out
    /// between them included.
    fn in_order(mut self) -> Repaired {
        self.in_order = true;
        self
    }

    /// The original span of `start..end` of the repaired text, or `None` when the
    /// two ends fall inside a replaced character, or the pieces between them do
    /// not lie side by side in the original.
    pub fn original_span(&self, start: usize, end: usize) -> Option<Span> {
        if start >= end {
            return None;
        }
        let first = self.pieces.partition_point(|p| p.end <= start);
        let last = self.pieces.partition_point(|p| p.end < end);
        let (a, b) = (self.pieces.get(first)?, self.pieces.get(last)?);
        let original_start = if a.copied {
            a.original_start + (start - a.start)
        } else if start == a.start {
            a.original_start
        } else {
            return None;
        };
        let original_end = if b.copied {
            b.original_start + (end - b.start)
        } else if end == b.end {
            b.original_end
        } else {
            return None;
        };
        let adjoining = self.pieces[first..=last]
            .windows(2)
            .all(|w| w[0].original_end == w[1].original_start);
        // A span over one line break of a column (a name broken over two lines)
        // covers what stands between its pieces on the page, the rest of the
        // first line: its two ends still quote the name's own bytes.
        let next_line = last - first == 2 && !self.pieces[first + 1].copied;
        let ordered = self.in_order
            && self.pieces[first..=last]
                .windows(2)
                .all(|w| w[0].original_end <= w[1].original_start);
        ((adjoining || next_line || ordered) && original_start < original_end)
            .then(|| Span::new(original_start, original_end))
    }
}

/// Writes a repaired text piece by piece.
#[derive(Debug, Default)]
struct Writer {
    text: String,
    pieces: Vec<Piece>,
}

impl Writer {
    /// Copies `original[range]` unchanged.
    fn copy(&mut self, original: &str, range: std::ops::Range<usize>) {
        if range.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(&original[range.clone()]);
        self.pieces.push(Piece {
            start,
            end: self.text.len(),
            original_start: range.start,
            original_end: range.end,
            copied: true,
        });
    }

    /// Writes `meant` for `original_range`, which spelled it otherwise; an empty
    /// range inserts it there.
    fn replace(&mut self, meant: &str, original_range: std::ops::Range<usize>) {
        let start = self.text.len();
        self.text.push_str(meant);
        self.pieces.push(Piece {
            start,
            end: self.text.len(),
            original_start: original_range.start,
            original_end: original_range.end,
            copied: false,
        });
    }

    fn finish(self, what: String) -> Repaired {
        Repaired {
            text: self.text,
            pieces: self.pieces,
            what,
            in_order: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_map_back_over_adjoining_pieces() {
        let original = "ab XY cd";
        let mut w = Writer::default();
        w.copy(original, 0..3); // "ab "
        w.replace("z", 3..5); // "XY" read as "z"
        w.copy(original, 5..8); // " cd"
        let r = w.finish(String::new());
        assert_eq!(r.text, "ab z cd");
        assert_eq!(r.original_span(0, 7), Some(Span::new(0, 8)));
        assert_eq!(r.original_span(3, 4), Some(Span::new(3, 5)));
        assert_eq!(r.original_span(1, 2), Some(Span::new(1, 2)));
        assert_eq!(r.original_span(4, 4), None);
    }

    #[test]
    fn spans_over_columns_map_back_only_within_a_column() {
        let original = "ab   cd\nef   gh\n";
        let mut w = Writer::default();
        for range in [0..2, 8..10, 5..7, 13..15] {
            w.copy(original, range.clone());
            w.replace("\n", range.end..range.end);
        }
        let r = w.finish(String::new());
        assert_eq!(r.text, "ab\nef\ncd\ngh\n");
        assert_eq!(r.original_span(6, 8), Some(Span::new(5, 7)));
        // Over one line break of a column: the page between is quoted too.
        assert_eq!(r.original_span(0, 5), Some(Span::new(0, 10)));
        // From the foot of one column to the head of the next, or further: none.
        assert_eq!(r.original_span(3, 8), None);
        assert_eq!(r.original_span(0, 8), None);
    }
}
