//! Sentences of the article's content, as spans of the original text.
//!
//! Unicode sentence boundaries (UAX #29) split German press text too eagerly: after
//! "Dr.", "z. B.", initials, and ordinals such as "4. Dezember". Pieces that end in
//! such a word are joined with the next, so a sentence holds a whole clause with its
//! names and roles.

use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// Words that end in a full stop without ending a sentence (compared without the
/// stop, case-insensitively). Single letters (initials, "z. B.") are handled apart.
const ABBREVIATIONS: &[&str] = &[
    "abs", "abt", "apr", "aug", "bzw", "ca", "co", "dez", "dipl", "dr", "etc", "evtl", "feb",
    "febr", "fr", "ggf", "hr", "inkl", "ing", "jan", "jr", "jul", "jun", "kl", "mio", "mrd", "nov",
    "nr", "okt", "prof", "rd", "sep", "sept", "st", "str", "tel", "tsd", "usw", "vgl", "zzgl",
];

/// Sentences within `region` of `text`, in text order, trimmed of white space.
pub fn sentences(text: &str, region: Span) -> Vec<Span> {
    let Some(body) = region.slice(text) else {
        return Vec::new();
    };
    let mut out: Vec<Span> = Vec::new();
    let mut pending: Option<Span> = None;
    for (offset, piece) in body.split_sentence_bound_indices() {
        let start = region.start + offset;
        let span = Span::new(start, start + piece.len());
        let current = pending.map_or(span, |p| p.cover(span));
        if ends_inside_sentence(piece) {
            pending = Some(current);
        } else {
            out.extend(trim(text, current));
            pending = None;
        }
    }
    if let Some(p) = pending {
        out.extend(trim(text, p));
    }
    out
}

/// True when the piece ends in a full stop that belongs to an abbreviation, an
/// initial or an ordinal number, or at a hard line break inside a clause (PDF
/// extracts break lines anywhere; a line ending in a letter, digit, comma or hyphen
/// goes on).
fn ends_inside_sentence(piece: &str) -> bool {
    let trimmed = piece.trim_end();
    if piece.ends_with(['\n', '\r'])
        && trimmed.ends_with(|c: char| c.is_alphanumeric() || c == ',' || c == '-')
    {
        return true;
    }
    let Some(before_dot) = trimmed.strip_suffix('.') else {
        return false;
    };
    let last_word = before_dot
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    let letters = last_word.chars().count();
    (letters == 1 && last_word.chars().all(char::is_alphabetic))
        || (!last_word.is_empty() && last_word.chars().all(|c| c.is_ascii_digit()) && letters <= 2)
        || ABBREVIATIONS.contains(&last_word.to_lowercase().as_str())
}

fn trim(text: &str, span: Span) -> Option<Span> {
    let s = span.slice(text)?;
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    (start < end).then_some(Span::new(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| s.slice(text).unwrap())
            .collect()
    }

    #[test]
    fn keeps_titles_initials_and_ordinals_inside_sentences() {
        assert_eq!(
            split("Es sprach Dr. Anna B. Roth am 4. Mai. Danach ging es z. B. um Geld. Ende!"),
            [
                "Es sprach Dr. Anna B. Roth am 4. Mai.",
                "Danach ging es z. B. um Geld.",
                "Ende!"
            ]
        );
    }

    #[test]
    fn hard_line_breaks_inside_a_clause_do_not_end_it() {
        assert_eq!(
            split(
                "Der Kreis und die Stadt Jena wer-\nden kooperieren.\nTitel ohne Punkt\nDer Rest."
            ),
            [
                "Der Kreis und die Stadt Jena wer-\nden kooperieren.",
                "Titel ohne Punkt\nDer Rest."
            ]
        );
    }

    #[test]
    fn spans_point_into_the_original() {
        let text = "Kopf\nDer Kreis zahlt. Die Stadt auch.";
        let region = Span::new(5, text.len());
        let s = sentences(text, region);
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].slice(text), Some("Die Stadt auch."));
        assert!(sentences(text, Span::new(3, 99)).is_empty());
    }
}
