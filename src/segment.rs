//! Sentences of the article's content, as spans of the original text.
//!
//! Unicode sentence boundaries (UAX #29) split German press text too eagerly: after
//! "Dr.", "z. B.", initials, and ordinals such as "4. Dezember". Pieces that end in
//! such a word are joined with the next, so a sentence holds a whole clause with its
//! names and roles.
//!
//! The boundaries are UAX #29's. Text of Latin letters and common punctuation (all
//! that German press text holds) is split by `fast_bounds`, which implements the
//! rules for just those characters and is several times faster than the general
//! tables; any other character sends the region to `unicode-segmentation`. A test
//! holds the two to the same boundaries.

use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// Words that end in a full stop without ending a sentence (compared without the
/// stop, case-insensitively). Single letters (initials, "z. B.") are handled apart.
const ABBREVIATIONS: &[&str] = &[
    "abs", "abt", "apr", "art", "aug", "az", "bspw", "bzw", "ca", "co", "dez", "dipl", "dr", "etc",
    "evtl", "feb", "febr", "ff", "fr", "gem", "ggf", "hr", "inkl", "ing", "jan", "jr", "jul",
    "jun", "kl", "lt", "mio", "mrd", "nov", "nr", "okt", "prof", "rd", "sep", "sept", "st", "str",
    "tel", "tsd", "usw", "vgl", "zzgl",
];

/// Sentences within `region` of `text`, in text order, trimmed of white space.
pub fn sentences(text: &str, region: Span) -> Vec<Span> {
    let Some(body) = region.slice(text) else {
        return Vec::new();
    };
    let bounds = fast_bounds(body).unwrap_or_else(|| {
        body.split_sentence_bound_indices()
            .map(|(offset, piece)| offset + piece.len())
            .collect()
    });
    let mut out: Vec<Span> = Vec::new();
    let mut pending: Option<Span> = None;
    let mut offset = 0;
    for end in bounds {
        let piece = &body[offset..end];
        let start = region.start + offset;
        offset = end;
        let span = Span::new(start, start + piece.len());
        let current = pending.map_or(span, |p| p.cover(span));
        if ends_inside_sentence(piece, &body[end..]) {
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
/// extracts break lines anywhere; a line ending in a letter, digit, comma or
/// hyphen goes on, and so does one ending in a quoted-printable soft break "="
/// or whose `rest` goes on in lower case, "(Az. 12-3)" over "genehmigt.").
fn ends_inside_sentence(piece: &str, rest: &str) -> bool {
    let trimmed = piece.trim_end();
    if piece.ends_with(['\n', '\r'])
        && (trimmed.ends_with(|c: char| c.is_alphanumeric() || matches!(c, ',' | '-' | '='))
            || rest.trim_start().starts_with(char::is_lowercase))
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

/// The UAX #29 sentence category of a character, for the characters the fast
/// path knows; `None` for any other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Category {
    ParaSep,
    Cr,
    Sp,
    Lower,
    Upper,
    OLetter,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Format,
    Extend,
    Other,
}

fn category(c: char) -> Option<Category> {
    use Category::*;
    // Letters first: they are most characters of any text.
    if c.is_ascii_lowercase() {
        return Some(Lower);
    }
    if c.is_ascii_uppercase() {
        return Some(Upper);
    }
    Some(match c {
        '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => ParaSep,
        '\r' => Cr,
        '\t'
        | '\u{b}'
        | '\u{c}'
        | ' '
        | '\u{a0}'
        | '\u{2000}'..='\u{200a}'
        | '\u{202f}'
        | '\u{205f}' => Sp,
        '.' | '\u{2024}' => ATerm,
        '!' | '?' | '\u{203c}' | '\u{203d}' | '\u{2047}'..='\u{2049}' => STerm,
        '"'
        | '\''
        | '('
        | ')'
        | '['
        | ']'
        | '{'
        | '}'
        | '\u{ab}'
        | '\u{bb}'
        | '\u{2018}'..='\u{201f}'
        | '\u{2039}'
        | '\u{203a}'
        | '\u{2045}'
        | '\u{2046}' => Close,
        ',' | '-' | ':' | ';' | '\u{2013}' | '\u{2014}' => SContinue,
        '\u{ad}'
        | '\u{200b}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}'
        | '\u{feff}' => Format,
        '\u{200c}' | '\u{200d}' => Extend,
        '0'..='9' => Numeric,
        '\0'..='\u{ff}' | '\u{100}'..='\u{17f}' | '\u{2010}'..='\u{205e}' | '\u{20ac}' => {
            if c.is_lowercase() {
                Lower
            } else if c.is_uppercase() {
                Upper
            } else if c.is_alphabetic() {
                OLetter
            } else {
                Other
            }
        }
        _ => return None,
    })
}

/// The end offsets of the UAX #29 sentences of `text`, or `None` when it holds a
/// character [`category`] does not know.
fn fast_bounds(text: &str) -> Option<Vec<usize>> {
    use Category::*;
    // Categories with Extend and Format folded into the character before (SB5),
    // each with the offset of its first byte.
    let mut chars: Vec<(usize, Category)> = Vec::with_capacity(text.len() / 8);
    for (i, c) in text.char_indices() {
        let cat = category(c)?;
        if matches!(cat, Extend | Format)
            && chars
                .last()
                .is_some_and(|&(_, prev)| !matches!(prev, ParaSep | Cr))
        {
            continue;
        }
        chars.push((i, cat));
    }
    let cat_at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let offset = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
    // The index after a paragraph separator at `k` (CR LF is one, SB3), or `k`.
    let past_separator = |k: usize| match cat_at(k) {
        Some(Cr) if cat_at(k + 1) == Some(ParaSep) && text[offset(k + 1)..].starts_with('\n') => {
            k + 2
        }
        Some(Cr | ParaSep) => k + 1,
        _ => k,
    };
    let mut bounds = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let cat = chars[k].1;
        if matches!(cat, Cr | ParaSep) {
            // SB4: a break after a paragraph separator.
            k = past_separator(k);
            bounds.push(offset(k));
            continue;
        }
        if !matches!(cat, ATerm | STerm) {
            k += 1;
            continue;
        }
        // SATerm Close* Sp* ParaSep? and what may follow it without a break.
        let term = k;
        let mut j = k + 1;
        if cat == ATerm {
            let before = term.checked_sub(1).and_then(cat_at);
            match cat_at(j) {
                // SB6: ATerm × Numeric.
                Some(Numeric) => {
                    k = j;
                    continue;
                }
                // SB7: (Upper | Lower) ATerm × Upper.
                Some(Upper) if matches!(before, Some(Upper | Lower)) => {
                    k = j;
                    continue;
                }
                _ => {}
            }
        }
        while cat_at(j) == Some(Close) {
            j += 1;
        }
        while cat_at(j) == Some(Sp) {
            j += 1;
        }
        if cat == ATerm {
            // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower.
            let mut l = j;
            while let Some(c) = cat_at(l) {
                if matches!(c, OLetter | Upper | Lower | ParaSep | Cr | ATerm | STerm) {
                    break;
                }
                l += 1;
            }
            if cat_at(l) == Some(Lower) {
                k = l;
                continue;
            }
        }
        // SB8a: SATerm Close* Sp* × (SContinue | SATerm).
        if matches!(cat_at(j), Some(SContinue | ATerm | STerm)) {
            k = j;
            continue;
        }
        // SB9–SB11: the sentence takes a paragraph separator, then breaks.
        let j = past_separator(j);
        bounds.push(offset(j));
        k = j;
    }
    if bounds.last() != Some(&text.len()) && !text.is_empty() {
        bounds.push(text.len());
    }
    Some(bounds)
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
    fn file_numbers_and_legal_abbreviations_stay_inside_sentences() {
        assert_eq!(
            split("Das Amt hat den Vertrag (Az. 12-3)\ngenehmigt.\nDer Rest."),
            [
                "Das Amt hat den Vertrag (Az. 12-3)\ngenehmigt.",
                "Der Rest."
            ]
        );
        assert_eq!(
            split("Das Amt hat den Vertrag (Az. 12-3) gem. § 4 genehmigt. Danach ging es weiter."),
            [
                "Das Amt hat den Vertrag (Az. 12-3) gem. § 4 genehmigt.",
                "Danach ging es weiter."
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

    /// Characters of every category the fast path knows, and some it does not.
    const ALPHABET: &[char] = &[
        'a', 'B', 'ä', 'Ü', 'ß', 'ª', 'ſ', 'Ł', '1', '0', '.', '!', '?', '\u{2024}', '‼', ',', '-',
        ':', ';', '–', '—', '"', '\'', '(', ')', '«', '»', '„', '“', '‹', ' ', '\t', '\u{a0}',
        '\u{2009}', '\n', '\r', '\u{85}', '\u{2028}', '\u{ad}', '\u{200b}', '\u{200d}', '\u{feff}',
        '€', '%', '…', '×', '²', '‐', '\u{1}', '\u{7f}', '·', '¿', 'é', '日', '。', '\u{301}',
    ];

    fn crate_bounds(text: &str) -> Vec<usize> {
        text.split_sentence_bound_indices()
            .map(|(offset, piece)| offset + piece.len())
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 3000, ..proptest::prelude::ProptestConfig::default()
        })]
        #[test]
        fn fast_path_agrees_with_unicode_segmentation(
            picks in proptest::collection::vec(0..ALPHABET.len(), 0..24)
        ) {
            let text: String = picks.iter().map(|&i| ALPHABET[i]).collect();
            if let Some(fast) = fast_bounds(&text) {
                proptest::prop_assert_eq!(fast, crate_bounds(&text), "{:?}", text);
            }
        }
    }

    #[test]
    fn fast_path_agrees_on_german_prose() {
        let text = "Der Kreis (Lkr.) zahlt 1.200 Euro. Die Stadt – so Dr. Roth – \
            nicht! „Wir machen mit.“ Sagte er? ja. Ende...\r\nNeu: U.S.A. und 3. Mai.\n\n";
        assert_eq!(fast_bounds(text), Some(crate_bounds(text)));
        assert_eq!(fast_bounds("Tokio 東京."), None);
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
