//! A page set in columns side by side, read column by column.
//!
//! `pdftotext -layout` and tools like it keep a printed page's columns side by
//! side: each line holds a line of the left column, a gutter of spaces and a line
//! of the right one. Read as it stands, every sentence is cut into pieces and
//! interleaved with another. A run of lines that share a gutter (a band of
//! character columns blank on every line, with prose on both sides of it on most
//! lines) is read column by column: the left pieces of all its lines, then the
//! right ones. A table's cells and a letterhead's address block are too short to
//! count as prose, so they stay as they are.

use super::{Repaired, Writer};

/// Fewest lines with words on both sides of a gutter for a run to be columns.
const MIN_SPLIT_LINES: usize = 8;

/// Fewest characters a column's pieces hold on average: lines of prose, not the
/// cells of a table.
const MIN_PIECE_CHARS: usize = 25;

/// Narrowest gutter, in characters.
const MIN_GUTTER: usize = 2;

/// Share of letters among a run's non-space characters, at least: prose.
const MIN_LETTER_SHARE: f64 = 0.7;

/// `text` with its runs of side-by-side columns read one column after the other,
/// or `None` when it has none.
pub fn read(text: &str) -> Option<Repaired> {
    if gapped_lines(text) < MIN_SPLIT_LINES {
        return None;
    }
    let lines = split_lines(text);
    let mut runs = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match run_at(&lines, i) {
            Some(run) => {
                i = run.end;
                runs.push(run);
            }
            None => i += 1,
        }
    }
    if runs.is_empty() {
        return None;
    }
    let mut out = Writer::default();
    let mut copied = 0;
    let mut read_lines = 0;
    for run in &runs {
        out.copy(text, copied..lines[run.start].start);
        for (from, to) in run.columns() {
            let mut blanks = 0;
            let mut written = false;
            for line in &lines[run.start..run.end] {
                let piece = line.piece(from, to);
                if piece.is_empty() {
                    blanks += 1;
                    continue;
                }
                if written {
                    for _ in 0..blanks {
                        out.replace("\n", piece.start..piece.start);
                    }
                }
                blanks = 0;
                written = true;
                out.copy(text, piece.clone());
                out.replace("\n", piece.end..piece.end);
            }
        }
        copied = lines.get(run.end).map_or(text.len(), |l| l.start);
        read_lines += run.end - run.start;
    }
    out.copy(text, copied..text.len());
    Some(out.finish(format!(
        "{read_lines} lines set in columns side by side read column by column"
    )))
}

/// How many lines (up to [`MIN_SPLIT_LINES`]) hold a gap of two spaces between
/// words: most texts have too few to hold columns at all, and one search for
/// double spaces tells.
fn gapped_lines(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut lines = 0;
    // The end of the last line counted.
    let mut counted_to = 0;
    for at in memchr::memmem::find_iter(bytes, b"  ") {
        if at < counted_to || at == 0 || matches!(bytes[at - 1], b' ' | b'\n' | b'\r') {
            continue;
        }
        let after = bytes[at..].iter().position(|&b| b != b' ').map(|n| at + n);
        if after.map_or(true, |i| matches!(bytes[i], b'\n' | b'\r')) {
            continue;
        }
        lines += 1;
        if lines == MIN_SPLIT_LINES {
            break;
        }
        counted_to = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
    }
    lines
}

/// One line of the text, measured in characters, as a layout tool aligns them.
struct Line<'a> {
    /// Byte offset of the line in the text.
    start: usize,
    /// The line without its line break.
    text: &'a str,
    /// Byte offset within `text` of each character, then `text.len()`.
    offsets: Vec<usize>,
    /// A tab breaks the alignment of characters: such a line has no gutter.
    tabbed: bool,
}

impl Line<'_> {
    fn width(&self) -> usize {
        self.offsets.len() - 1
    }

    /// True when character column `column` is a space or past the line's end.
    fn blank_at(&self, column: usize) -> bool {
        column >= self.width() || self.text.as_bytes()[self.offsets[column]] == b' '
    }

    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Character columns inside the line (between its first and last word) that
    /// belong to a run of at least [`MIN_GUTTER`] spaces.
    fn inner_gaps(&self) -> Vec<bool> {
        let width = self.width();
        let mut gaps = vec![false; width];
        let Some(first) = (0..width).find(|&c| !self.blank_at(c)) else {
            return gaps;
        };
        let last = (0..width)
            .rev()
            .find(|&c| !self.blank_at(c))
            .unwrap_or(first);
        let mut c = first;
        while c < last {
            let run_end = (c..last).find(|&e| !self.blank_at(e)).unwrap_or(last);
            if run_end - c >= MIN_GUTTER {
                gaps[c..run_end].fill(true);
            }
            c = run_end + 1;
        }
        gaps
    }

    /// The byte range in the whole text of the line's characters in columns
    /// `from..to`, without trailing spaces (leading ones mark an indent).
    fn piece(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        let at = |column: usize| self.offsets[column.min(self.width())];
        let (from, to) = (at(from), at(to));
        let kept = self.text[from..to].trim_end().len();
        if self.text[from..from + kept].trim().is_empty() {
            return self.start + from..self.start + from;
        }
        self.start + from..self.start + from + kept
    }
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let mut offsets: Vec<usize> = line.char_indices().map(|(i, _)| i).collect();
        offsets.push(line.len());
        lines.push(Line {
            start,
            text: line,
            offsets,
            tabbed: line.contains('\t'),
        });
        start += raw.len();
    }
    lines
}

/// Lines `start..end` that share the gutters (character column ranges) in
/// `gutters`, left to right.
struct Run {
    start: usize,
    end: usize,
    gutters: Vec<(usize, usize)>,
}

/// The run of columns that begins at line `first`, if one does.
fn run_at(lines: &[Line<'_>], first: usize) -> Option<Run> {
    let line = &lines[first];
    if line.tabbed || line.is_blank() {
        return None;
    }
    let mut free = line.inner_gaps();
    let mut end = first + 1;
    while let Some(next) = lines.get(end).filter(|l| !l.tabbed) {
        let shared: Vec<bool> = free
            .iter()
            .enumerate()
            .map(|(c, &f)| f && next.blank_at(c))
            .collect();
        if bands(&shared).is_empty() {
            break;
        }
        free = shared;
        end += 1;
    }
    let gutters = bands(&free);
    let &(gutter, _) = gutters.first()?;
    // The run ends with its last line that reaches past the first gutter and the
    // lines that end the longer left column under it, up to a blank line: what
    // follows a blank line (a caption, a footer) is the page's again.
    let last_split = (first..end)
        .rev()
        .find(|&i| lines[i].width() > gutter)
        .unwrap_or(first);
    end = (last_split + 1..end)
        .find(|&i| lines[i].is_blank())
        .unwrap_or(end);
    let run = Run {
        start: first,
        end,
        gutters,
    };
    run.reads_as_prose(lines).then_some(run)
}

/// The runs of at least [`MIN_GUTTER`] true columns, as ranges.
fn bands(free: &[bool]) -> Vec<(usize, usize)> {
    let mut bands = Vec::new();
    let mut c = 0;
    while c < free.len() {
        if !free[c] {
            c += 1;
            continue;
        }
        let end = (c..free.len()).find(|&e| !free[e]).unwrap_or(free.len());
        if end - c >= MIN_GUTTER {
            bands.push((c, end));
        }
        c = end;
    }
    bands
}

impl Run {
    /// The character columns of each column of text, left to right: from the
    /// end of the gutter before it to the start of the gutter after it.
    fn columns(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let starts = std::iter::once(0).chain(self.gutters.iter().map(|g| g.1));
        let ends = self
            .gutters
            .iter()
            .map(|g| g.0)
            .chain(std::iter::once(usize::MAX));
        starts.zip(ends)
    }

    /// True when most lines have words on both sides of a gutter and every
    /// column reads as lines of prose.
    fn reads_as_prose(&self, lines: &[Line<'_>]) -> bool {
        let lines = &lines[self.start..self.end];
        let filled = lines.iter().filter(|l| !l.is_blank()).count();
        let mut pieces = vec![(0usize, 0usize); self.gutters.len() + 1];
        let (mut letters, mut marks) = (0usize, 0usize);
        let mut split = 0;
        for line in lines {
            let mut filled_columns = 0;
            for (count, (from, to)) in pieces.iter_mut().zip(self.columns()) {
                let range = line.piece(from, to);
                let words = &line.text[range.start - line.start..range.end - line.start];
                if words.is_empty() {
                    continue;
                }
                filled_columns += 1;
                count.0 += 1;
                count.1 += words.trim_start().chars().count();
                for c in words.chars().filter(|c| !c.is_whitespace()) {
                    if c.is_alphabetic() {
                        letters += 1;
                    } else {
                        marks += 1;
                    }
                }
            }
            if filled_columns >= 2 {
                split += 1;
            }
        }
        #[allow(clippy::cast_precision_loss)]
        let letter_share = letters as f64 / (letters + marks).max(1) as f64;
        split >= MIN_SPLIT_LINES
            && split * 2 >= filled
            && letter_share >= MIN_LETTER_SHARE
            && pieces
                .iter()
                .all(|&(n, chars)| n > 0 && chars >= MIN_PIECE_CHARS * n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A report in two columns, as `pdftotext -layout` writes a newspaper page.
    const PAGE: &str = "\
Seite 5                    Aus der Region                    Freitag, 7. März 2025

           Zwei Städte, eine Leitstelle für die IT

Hameln. Die Stadt Hameln und die Stadt          Kosten von 480.000 Euro teilen sich
Bad Pyrmont betreiben ihre Server künf-         die beiden Städte. Bürgermeister
tig gemeinsam. Der Vertrag wurde am             Jonas Wiebking aus Bad Pyrmont
Mittwoch im Rathaus unterzeichnet, wie          nannte den Schritt überfällig: Die
eine Sprecherin der Stadt mitteilte.            alten Geräte seien zwölf Jahre alt.
Im Keller des Hamelner Rathauses ent-           Die Mitarbeiter bleiben bei ihrer
steht dafür ein neuer Serverraum mit            jeweiligen Stadt angestellt, die
eigener Kühlung und Notstrom, den               Bereitschaft wechselt künftig im
ein Team aus beiden Häusern betreut.            Wochenrhythmus zwischen den Teams.
Ein zweiter Raum in Bad Pyrmont dient
als Ausweichstandort.

[Foto: Unterschrift im Rathaus]
";

    #[test]
    fn columns_are_read_one_after_the_other() {
        let repaired = read(PAGE).expect("the page is set in columns");
        let text = &repaired.text;
        // The left column runs on into its last lines, then the right one begins.
        assert!(
            text.contains("ein Team aus beiden Häusern betreut.\nEin zweiter Raum in Bad Pyrmont dient\nals Ausweichstandort.\nKosten von 480.000 Euro teilen sich\n"),
            "{text}"
        );
        assert!(text.contains("Bürgermeister\nJonas Wiebking aus Bad Pyrmont\n"));
        // Head and foot stay as they were.
        assert!(text.starts_with("Seite 5                    Aus der Region"));
        assert!(text.ends_with("\n\n[Foto: Unterschrift im Rathaus]\n"));
        // Words keep their place in the page.
        let name = text.find("Jonas Wiebking").unwrap();
        let span = repaired
            .original_span(name, name + "Jonas Wiebking".len())
            .unwrap();
        assert_eq!(span.slice(PAGE), Some("Jonas Wiebking"));
        // A span over two lines of one column quotes the page between them.
        let both = text.find("Bürgermeister\nJonas").unwrap();
        let quoted = repaired
            .original_span(both, name + "Jonas".len())
            .and_then(|span| span.slice(PAGE))
            .unwrap();
        assert!(quoted.starts_with("Bürgermeister\n"), "{quoted}");
        assert!(quoted.ends_with("      Jonas"), "{quoted}");
    }

    #[test]
    fn tables_and_single_columns_stay_as_they_are() {
        let table = "Haushaltsstelle      Ansatz 2025      Ansatz 2026\n".repeat(12);
        let prose =
            "Die Stadt Hameln und die Stadt Bad Pyrmont betreiben ihre Server.\n".repeat(12);
        let letterhead = "Stadt Hameln · Rathausplatz 1        Telefon 05151 2020\n".repeat(9);
        for text in [table.as_str(), prose.as_str(), letterhead.as_str()] {
            assert!(read(text).is_none(), "{text}");
        }
    }
}
