//! A PDF extract's page breaks closed where a paragraph runs on over them.
//!
//! `pdftotext` ends each page with a form feed and keeps its furniture: the
//! footer above the break (address, "Seite 1 von 2"), the running header below
//! it. A paragraph that runs on to the next page is cut by them, and so is a name
//! split there ("Bürgermeisterin Susanne Karstädt-" … footer, header … "Mohr
//! ergänzte"). Where the last line before the furniture runs on (a line of text
//! ending in a letter, comma or hyphen), the furniture between is left out of the
//! reading and the two lines meet as if they stood one under the other. The
//! pieces keep the page's order, so a quote over the break covers the furniture
//! too. Furniture is a blank line, a page number, or a line the document repeats
//! (running headers and footers).

use std::collections::HashMap;

use super::{Repaired, Writer};

/// The form feed that ends a page.
const PAGE_END: char = '\u{c}';

/// `text` with the page breaks inside its paragraphs closed, or `None` when it
/// has none.
pub fn read(text: &str) -> Option<Repaired> {
    // Most texts have no page break at all.
    memchr::memchr(b'\x0c', text.as_bytes())?;
    // Each line: byte offset of its first byte and its text without line break.
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        lines.push((start, raw.trim_end_matches(['\n', '\r'])));
        start += raw.len();
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for &(_, line) in &lines {
        *seen.entry(key(line)).or_default() += 1;
    }
    let furniture = |line: &str| {
        let line = key(line);
        line.is_empty() || seen.get(line).is_some_and(|&n| n > 1) || is_page_number(line)
    };
    let mut out = Writer::default();
    let mut copied = 0;
    let mut closed = 0;
    for (k, &(_, line)) in lines.iter().enumerate() {
        if !line.contains(PAGE_END) {
            continue;
        }
        let Some(last) = (0..k).rev().find(|&i| !furniture(lines[i].1)) else {
            continue;
        };
        let Some(next) = (k..lines.len()).find(|&i| !furniture(lines[i].1)) else {
            continue;
        };
        let before = lines[last].1.trim_end();
        // A line of the paragraph, not a footer set in fields ("Kreistag OSL
        // – öffentlicher Teil      5/9"), ending where the sentence goes on.
        let runs_on = before.ends_with(|c: char| c.is_alphabetic() || matches!(c, ',' | '-'))
            && !before.trim_start().contains("   ");
        let gap_start = lines[last].0 + before.len();
        let gap_end = lines[next].0 + (lines[next].1.len() - lines[next].1.trim_start().len());
        if !runs_on || gap_start < copied {
            continue;
        }
        out.copy(text, copied..gap_start);
        out.replace("\n", gap_start..gap_end);
        copied = gap_end;
        closed += 1;
    }
    if closed == 0 {
        return None;
    }
    out.copy(text, copied..text.len());
    Some(
        out.finish(format!("{closed} page breaks inside paragraphs closed"))
            .in_order(),
    )
}

/// A line as it repeats on every page: without its form feed and white space.
fn key(line: &str) -> &str {
    line.trim_matches(|c: char| c == PAGE_END || c.is_whitespace())
}

/// True for a page number standing alone: "Seite 3", "Seite 1 von 2", "- 4 -",
/// "3/9", "12".
fn is_page_number(line: &str) -> bool {
    let rest = line
        .strip_prefix("Seite")
        .or_else(|| line.strip_prefix("S."))
        .unwrap_or(line);
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '-' | '–'))
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [n] => is_number(n),
        [n, m] => is_number(n) && is_number(m),
        [n, "von", m] => is_number(n) && is_number(m),
        _ => false,
    }
}

fn is_number(word: &str) -> bool {
    (1..=4).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RELEASE: &str = "Landkreis Birkenfelde\nPressestelle\n\nDer Kreis und die Gemeinde Rheinau arbeiten zusammen, sagte\nBürgermeisterin Anna Lenz-\n\nLandkreis Birkenfelde · Am Markt 1\nSeite 1 von 2\n\u{c}Landkreis Birkenfelde\nPressestelle\n\nHorn am Montag. Der Vertrag gilt ab Mai.\n\nLandkreis Birkenfelde · Am Markt 1\nSeite 2 von 2\n";

    #[test]
    fn a_paragraph_runs_on_over_the_page_break() {
        let read = read(RELEASE).expect("a break inside a paragraph");
        assert!(
            read.text
                .contains("Bürgermeisterin Anna Lenz-\nHorn am Montag."),
            "{}",
            read.text
        );
        // The name's quote covers the furniture between its pieces.
        let name = read.text.find("Anna Lenz-\nHorn").unwrap();
        let span = read
            .original_span(name, name + "Anna Lenz-\nHorn".len())
            .unwrap();
        let quoted = span.slice(RELEASE).unwrap();
        assert!(quoted.starts_with("Anna Lenz-\n") && quoted.ends_with("\nHorn"));
        // The footer of the last page stays.
        assert!(read.text.ends_with("Seite 2 von 2\n"));
    }

    #[test]
    fn a_page_ending_with_a_sentence_keeps_its_break() {
        let text = RELEASE.replace("Anna Lenz-\n", "Anna Lenz.\n");
        assert!(read(&text).is_none());
        assert!(read("Ein Text ohne Seitenumbruch.\n").is_none());
    }

    #[test]
    fn page_numbers_are_told() {
        for line in ["Seite 3", "Seite 1 von 2", "- 4 -", "3/9", "12"] {
            assert!(is_page_number(line), "{line}");
        }
        for line in ["Seite an Seite", "2026 wird gebaut", "1. Juli"] {
            assert!(!is_page_number(line), "{line}");
        }
    }
}
