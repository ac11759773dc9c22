//! Lines of a page and their shape: the features the layout rules read.
//!
//! A line ends at `\r\n`, `\n`, `\r` or a form feed (a PDF page break). Its span
//! excludes the line end and surrounding white space (and a byte order mark), and
//! the Markdown marks around a whole line (`## `, `*…*`), so every span starts and
//! ends on a character boundary of the text.

use crate::span::Span;

/// One line of the page with its shape.
#[derive(Debug, Clone)]
pub(crate) struct Line<'t> {
    /// The trimmed line's bytes.
    pub span: Span,
    /// The trimmed line.
    pub text: &'t str,
    /// Words separated by white space.
    pub words: usize,
    /// Characters (not bytes).
    pub chars: usize,
    /// The line ends like a sentence: `.`, `!`, `?`, `…` or a closing quote.
    pub sentence_end: bool,
    /// Running text: a long sentence line, or part of a wrapped paragraph.
    pub prose: bool,
}

impl Line<'_> {
    /// True when the line holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// A short line: few words, no sentence.
    pub fn is_short(&self, max_words: usize) -> bool {
        !self.is_blank() && self.words <= max_words && !self.prose
    }
}

fn is_trim(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// Splits `text` into lines (blank lines included, so indices count real lines).
pub(crate) fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    for i in memchr::memchr3_iter(b'\n', b'\r', 0x0C, bytes) {
        if i < start {
            // The `\n` of a `\r\n` already taken.
            continue;
        }
        lines.push(line(text, start, i));
        start = i + if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
    }
    lines.push(line(text, start, bytes.len()));
    mark_wrapped_paragraphs(&mut lines);
    lines
}

/// The line between `start` and the line end at `end`, trimmed, and without
/// Markdown's marks around a whole line ("## Kosten und Zeitplan", "*Foto: Stadt
/// Singen*"), which are furniture of the line, not words of it.
fn line(text: &str, start: usize, end: usize) -> Line<'_> {
    // Line ends are ASCII, so `start..end` lies on character boundaries.
    let raw = text.get(start..end).unwrap_or("");
    let lead = raw.len() - raw.trim_start_matches(is_trim).len();
    let trimmed = raw.trim_matches(is_trim);
    let (marks, words) = markdown_heading(trimmed)
        .or_else(|| markdown_emphasis(trimmed))
        .unwrap_or((0, trimmed));
    let s = start + lead + marks;
    shape(words, Span::new(s, s + words.len()))
}

/// A Markdown heading line (one to six `#`, a space, then text): the bytes of its
/// marks and its words.
fn markdown_heading(line: &str) -> Option<(usize, &str)> {
    let after_marks = line.trim_start_matches('#');
    let marks = line.len() - after_marks.len();
    let words = after_marks.strip_prefix(' ')?.trim_start_matches(is_trim);
    ((1..=6).contains(&marks) && !words.is_empty()).then_some((line.len() - words.len(), words))
}

/// A line set wholly in Markdown emphasis (`*…*`, `**…**`, `_…_`): the bytes of
/// the opening marks and the words between the marks.
fn markdown_emphasis(line: &str) -> Option<(usize, &str)> {
    let mark = line.chars().next().filter(|c| matches!(c, '*' | '_'))?;
    let marks = line.len() - line.trim_start_matches(mark).len();
    let words = line.get(marks..line.len().checked_sub(marks)?)?;
    let closed = marks <= 2
        && line.len() > 2 * marks
        && line[line.len() - marks..].chars().all(|c| c == mark);
    let inner = !words.starts_with(is_trim) && !words.ends_with(is_trim) && !words.ends_with(mark);
    (closed && inner && !words.is_empty()).then_some((marks, words))
}

fn shape(text: &str, span: Span) -> Line<'_> {
    let (words, chars) = words_and_chars(text);
    let last = text
        .trim_end_matches(|c: char| c == ')' || c == ']' || c.is_whitespace())
        .chars()
        .next_back();
    let sentence_end = matches!(
        last,
        Some('.' | '!' | '?' | '…' | '“' | '”' | '"' | '«' | '»' | '‘' | '\'')
    );
    Line {
        span,
        text,
        words,
        chars,
        sentence_end,
        prose: (words >= 12 && sentence_end) || words >= 25,
    }
}

/// Words (runs of characters other than white space) and characters of `text`.
/// Every line of every page passes here, so ASCII bytes are read as they are and
/// only the lead bytes that can begin a non-ASCII space (U+0085, U+00A0, U+1680,
/// U+2000 to U+3000) are decoded.
fn words_and_chars(text: &str) -> (usize, usize) {
    let (mut words, mut chars, mut in_word) = (0, 0, false);
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b & 0xC0 == 0x80 {
            continue; // inside a character begun before
        }
        chars += 1;
        let space = match b {
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => true,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => text
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_whitespace),
            _ => false,
        };
        if !space && !in_word {
            words += 1;
        }
        in_word = !space;
    }
    (words, chars)
}

/// Hard-wrapped paragraphs (PDF extracts, mail) have no long lines. Adjacent lines
/// that break off mid-sentence are running text when they run on long enough: three
/// or more lines of seven words or more; or two or more such lines, each but the
/// last ending without punctuation, where the last closes the sentence or one of
/// the two lines below it does (or opens a list with a colon). A line ending in a
/// word split by a hyphen ("Landrats-" above "amt") runs on whatever its length.
fn mark_wrapped_paragraphs(lines: &mut [Line<'_>]) {
    // In narrow columns a line runs on when it fills three quarters of the
    // column or, shorter, goes on in lower case below; in wider ones, when it
    // fills nine tenths (a line of a few long words: "Zerbst/Anhalt künftig
    // Fachverfahren, Rechenzentrumsleistungen").
    let narrow = wrap_width(lines).map(|width| {
        (0..lines.len())
            .map(|i| {
                let l = &lines[i];
                let fills = if width <= NARROW_COLUMN {
                    l.chars * 4 >= width * 3 || (!l.sentence_end && goes_on_in_lower_case(lines, i))
                } else {
                    // Not a row of columns set apart by gaps.
                    l.chars * 10 >= width * 9 && !l.text.contains("   ") && !l.text.contains('\t')
                };
                l.words >= 3 && fills
            })
            .collect::<Vec<bool>>()
    });
    let runs_on: Vec<bool> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let wide_enough = l.words >= 7 || narrow.as_ref().is_some_and(|n| n[i]);
            (wide_enough && !is_item_row(l.text)) || ends_in_split_word(l.text)
        })
        .collect();
    let open = |l: &Line<'_>| !l.sentence_end || ends_in_split_word(l.text);
    let mut run_start = 0;
    for i in 0..=lines.len() {
        if runs_on.get(i) == Some(&true) {
            continue;
        }
        let run = &lines[run_start..i];
        let end = match run.split_last() {
            Some((last, before)) if run.len() >= 2 && before.iter().all(open) => {
                if !open(last) {
                    i
                } else {
                    closing_line(lines, i).map_or(run_start, |c| c + 1)
                }
            }
            _ => run_start,
        };
        let end = if run.len() >= 3 { end.max(i) } else { end };
        for line in &mut lines[run_start..end] {
            line.prose = true;
        }
        run_start = i + 1;
    }
}

/// Lines after a run that may still finish its sentence: a short line can
/// break before a name set in one piece ("sagte Bürgermeister" over "Christoph
/// Wienand-Kolb nach der Sitzung.").
const CLOSING_LINES: usize = 2;

/// The line at or after `i` that closes the sentence a run of wrapped lines
/// leaves open (ending in punctuation, or opening a list with a colon), within
/// [`CLOSING_LINES`] lines and before a blank one.
fn closing_line(lines: &[Line<'_>], i: usize) -> Option<usize> {
    (i..lines.len())
        .take(CLOSING_LINES)
        .take_while(|&j| !lines[j].is_blank())
        .find(|&j| lines[j].sentence_end || lines[j].text.ends_with(':'))
}

/// The width in characters the page's paragraphs are hard-wrapped to, when it
/// shows: the median length of the lines that are plainly wrapped, ending in a
/// split word or going on in lower case below. At least five such lines are
/// needed, so that a page of one paragraph a line has no width. Newspaper columns
/// (e-paper, scans, at most [`NARROW_COLUMN`]) hold five or six words a line, too
/// few for the seven-word rule that serves wider text.
fn wrap_width(lines: &[Line<'_>]) -> Option<usize> {
    // The last line has no line below to be wrapped onto.
    let mut widths: Vec<usize> = (0..lines.len().saturating_sub(1))
        .filter(|&i| {
            let line = &lines[i];
            line.words >= 3
                && (ends_in_split_word(line.text)
                    || (!line.sentence_end && goes_on_in_lower_case(lines, i)))
        })
        .map(|i| lines[i].chars)
        .collect();
    if widths.len() < 5 {
        return None;
    }
    widths.sort_unstable();
    Some(widths[widths.len() / 2])
}

/// The line below line `i` begins with a lower-case letter.
fn goes_on_in_lower_case(lines: &[Line<'_>], i: usize) -> bool {
    lines
        .get(i + 1)
        .is_some_and(|next| next.text.starts_with(char::is_lowercase))
}

/// The widest column, in characters, that counts as a newspaper's narrow one.
const NARROW_COLUMN: usize = 50;

/// A row of items set apart by separators ("Startseite | Themen | Interviews",
/// "Sie sind hier: Startseite > Interviews"): a menu or breadcrumb, which never
/// runs on as a sentence does.
fn is_item_row(text: &str) -> bool {
    // Each separator is a space, a mark and a space; its matches are counted
    // without overlap, each separator on its own, from the spaces of the line.
    const MARKS: [&str; 6] = ["| ", "> ", "› ", "» ", "· ", "• "];
    let mut next_free = [0; MARKS.len()];
    let mut count = 0;
    for i in memchr::memchr_iter(b' ', text.as_bytes()) {
        let rest = &text.as_bytes()[i + 1..];
        for (mark, free) in MARKS.iter().zip(&mut next_free) {
            if i >= *free && rest.starts_with(mark.as_bytes()) {
                *free = i + 1 + mark.len();
                count += 1;
            }
        }
        if count >= 2 {
            return true;
        }
    }
    false
}

/// The line ends in the first part of a word split at the line end ("Zusammen-"):
/// a letter, then a hyphen.
fn ends_in_split_word(text: &str) -> bool {
    let mut rev = text.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_exclude_line_ends_and_white_space() {
        let text = "\u{FEFF}Titel\r\n  Zeile zwei \rdrei\n\nvier";
        let lines = split_lines(text);
        let got: Vec<&str> = lines.iter().map(|l| l.span.slice(text).unwrap()).collect();
        assert_eq!(got, ["Titel", "Zeile zwei", "drei", "", "vier"]);
        for l in &lines {
            assert_eq!(l.span.slice(text), Some(l.text));
        }
    }

    proptest::proptest! {
        #[test]
        fn words_and_chars_count_as_unicode_defines_them(
            text in "[a-zä€ \t\u{0b}\u{85}\u{a0}\u{1680}\u{2009}\u{2028}\u{202f}\u{3000}\u{e1}\u{2013}]{0,40}"
        ) {
            let words = text.split(char::is_whitespace).filter(|w| !w.is_empty()).count();
            proptest::prop_assert_eq!(words_and_chars(&text), (words, text.chars().count()));
        }

        #[test]
        fn item_rows_count_each_separator_without_overlap(text in "[a |>›»·•]{0,24}") {
            let count: usize = [" | ", " > ", " › ", " » ", " · ", " • "]
                .iter()
                .map(|sep| text.matches(sep).count())
                .sum();
            proptest::prop_assert_eq!(is_item_row(&text), count >= 2);
        }
    }

    #[test]
    fn separators_sharing_a_space_count_once_per_kind() {
        assert!(!is_item_row("Kreis | | Stadt"));
        assert!(is_item_row("Kreis | › Stadt"));
    }

    #[test]
    fn a_masthead_menu_and_breadcrumb_are_no_wrapped_paragraph() {
        let text = "Kommunal digital – Das Magazin für die öffentliche IT\nStartseite | Themen | Interviews | Praxis | Termine | Suche\nSie sind hier: Startseite > Interviews > Kommunen\n";
        assert!(split_lines(text).iter().all(|l| !l.prose));
    }

    #[test]
    fn wrapped_paragraph_is_prose() {
        let text = "Der Kreis und die Stadt haben sich nun\nauf einen gemeinsamen Betrieb ihrer beiden großen\nRechenzentren ab dem kommenden Jahr verbindlich an\ngeeinigt.";
        let lines = split_lines(text);
        assert!(lines[..3].iter().all(|l| l.prose));
    }

    #[test]
    fn two_wrapped_lines_and_their_close_are_prose() {
        let text = "Die Gemeinde und der Zweckverband haben am Montag\neinen Vertrag über den Betrieb der Ver-\nwaltungsrechner geschlossen.";
        let lines = split_lines(text);
        assert!(lines.iter().all(|l| l.prose));
    }

    #[test]
    fn two_wrapped_lines_closing_themselves_are_prose() {
        let text = "Der Vertrag verlängert sich danach jeweils um ein Jahr, wenn\nihn keiner der Beteiligten vor dem Ende des Jahres kündigt.\n§ 7 Schluss";
        let lines = split_lines(text);
        assert!(lines[0].prose && lines[1].prose && !lines[2].prose);
    }

    #[test]
    fn narrow_newspaper_columns_are_prose() {
        let text = "Die Stadt Nienburg und\ndie Samtgemeinde Hoya legen ihre\nRechentechnik zusammen. Ab Herbst\nstehen die Server beider Verwal-\ntungen im Keller des Nienburger\nRathauses, teilte die Stadt mit.\n\nKämmerin Ute Grasshoff rechnet\nmit Einsparungen im Jahr. Kritik\näußerte Hauke Meiners im Rat.\n";
        let lines = split_lines(text);
        let prose: Vec<&str> = lines.iter().filter(|l| l.prose).map(|l| l.text).collect();
        let written: Vec<&str> = lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.text)
            .collect();
        assert_eq!(prose, written);
        // The same text one sentence a line is not wrapped at all.
        let wide = text.replace("\n", " ").replace(". ", ".\n");
        assert_eq!(wrap_width(&split_lines(&wide)), None);
    }

    #[test]
    fn a_wrapped_line_of_few_long_words_is_prose_where_the_page_is_wrapped() {
        let text = "Die Stadt Zerbst tritt der Genossenschaft bei. Der Stadt-\n\
            rat hat am Donnerstag mit großer Mehrheit zugestimmt, und\n\
            die Mitgliedschaft wird schon zum ersten April wirksam.\n\n\
            Mit dem Beitritt erwirbt die Stadt zehn Anteile, darunter\n\
            Zerbst/Anhalt künftig Fachverfahren, Rechenzentrumsleistungen\n\
            und Beratung bezieht, ohne jeden Auftrag einzeln auszu-\n\
            schreiben. Für die ersten Leistungen rechnet die Verwal-\n\
            tung mit rund 84.000 Euro im Jahr, wie es heißt.\n";
        let lines = split_lines(text);
        let long_words = lines.iter().find(|l| l.text.starts_with("Zerbst")).unwrap();
        assert!(long_words.prose);
        // A row of columns as long is no running text.
        let table = text.replace(
            "Zerbst/Anhalt künftig Fachverfahren, Rechenzentrumsleistungen",
            "Ausschuss für Finanzen        29.10.2025      Vorberatung",
        );
        let lines = split_lines(&table);
        let row = lines
            .iter()
            .find(|l| l.text.starts_with("Ausschuss"))
            .unwrap();
        assert!(!row.prose);
    }

    #[test]
    fn two_headline_lines_are_not_prose() {
        // Two long lines that do not run into a closing sentence: a wrapped headline.
        let text = "Vereinbarung zwischen der Gemeinde Musterdorf und dem\nZweckverband Kommunale Datenverarbeitung über den Betrieb\nder Rechner";
        assert!(split_lines(text).iter().all(|l| !l.prose));
        // Lines that each end a sentence are separate lines, not one wrapped paragraph.
        let text = "Die Stadt erneuert in diesem Jahr alle Rechner.\nDer Kreis baut bis zum Herbst ein neues Netz.\nEnde.";
        assert!(split_lines(text).iter().all(|l| !l.prose));
    }
}
