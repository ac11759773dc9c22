//! The publication date a page states for itself.
//!
//! Only the page's own header and dateline count, never teasers of other articles
//! (the layout labels those [`BlockLabel::Teaser`]) and never dates inside the body:
//!
//! 1. The lines above the first body line, except title, kicker and boxes of other
//!    kinds (teasers, ads, contact, legal, captions, links, menus): a dateline, byline or
//!    header field. A date with a day counts on a short line or after a cue
//!    ("Veröffentlicht am", "Stand:", "Datum:", "vom", a job ad's "Online seit:");
//!    a month alone ("Ausgabe Januar 2010") only when little else stands on the
//!    line.
//!    A subtitle is a second headline: a date in it ("Fusion zum 1. Januar 2020")
//!    is news, not the date of the page, unless the subtitle is a short line or the
//!    date follows a strong cue.
//! 2. The start of the first body line: `[22.3.2011] …`, `Kiel, 22. Januar 2021. …`,
//!    `(Agentur) (Hannover, 07.07.2011)`: a date preceded by nothing but brackets or
//!    a place and a comma. Short body blocks above the first one of running text
//!    (pieces of a paragraph split by inline markup, a subtitle set as body text)
//!    are tried too.
//! 3. A byline anywhere on the page ("Von Anna Beispiel, 03.05.2019, 10:15 Uhr"),
//!    which news portals set between lead and body or below the article, or a
//!    line the layout marks as the page's dateline (on HTML pages, an element of
//!    class "datum" after a short press-release number).
//! 4. In header lines, body, menus (a job ad's action bar) and a headline that
//!    only dates the page: a date after a strong cue ("Veröffentlicht am",
//!    "Pressemitteilung vom", "Artikel vom", "Pressespiegel vom", "Stand:",
//!    "Zuletzt aktualisiert:") at the start of a field.
//! 5. Failing all of these, the page's own edit stamp, wherever the layout put it
//!    (wikis set it in the footer): "Diese Seite wurde zuletzt am 14. Januar 2026
//!    um 09:12 Uhr bearbeitet." A wiki page has no other date of its own.
//!
//! Forms: `22.3.2011`, `06.12.17`, `22. März 2011`, `22. Mär. 2011`, ISO
//! `2019-05-03` (also with a time), and `März 2011` for a month. Two-digit years
//! below 70 are 20xx. The patterns are compiled once, on first use.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::boilerplate::cues::at_most_a_weekday;
use crate::boilerplate::{Block, BlockLabel};
use crate::calendar::CalendarDate;
use crate::pattern::compile;

const MONTHS: &str = r"Januar|Jänner|Jan\.?|Februar|Feb\.?|März|Maerz|Ma\x{308}rz|Mär\.?|Ma\x{308}r\.?|April|Apr\.?|Mai|Juni|Jun\.?|Juli|Jul\.?|August|Aug\.?|September|Sept\.?|Sep\.?|Oktober|Okt\.?|November|Nov\.?|Dezember|Dez\.?";

/// Compiled date and cue patterns.
#[derive(Debug)]
struct Patterns {
    date: Regex,
    cue: Regex,
    strong_cue: Regex,
    body_prefix: Regex,
    edit_stamp: Regex,
    dateline_rest: Regex,
}

static PATTERNS: LazyLock<Option<Patterns>> = LazyLock::new(|| {
    Some(Patterns {
        date: compile(&format!(
            r"(?x)
            \b(?P<iy>(?:19|20)\d{{2}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?:\b|T)
            | \b(?P<nd>\d{{1,2}})\.\s?(?P<nm>\d{{1,2}})\.\s?(?P<ny>(?:19|20)?\d{{2}})\b
            | \b(?P<sd>\d{{2}})/(?P<sm>\d{{2}})/(?P<sy>(?:19|20)\d{{2}})\b
            | \b(?P<ld>\d{{1,2}})\.\s*(?P<lm>{MONTHS})\s*(?P<ly>(?:19|20)\d{{2}})\b
            | (?P<mm>\b(?:{MONTHS}))\s+(?P<my>(?:19|20)\d{{2}})\b"
        ))
        .ok()?,
        cue: compile(
            r"(?i)(?:veröffentlicht|erschienen|publiziert|erstellt|aktualisiert|geändert|stand|datum|vom|am|ausgabe|heft|online\s+seit|eingestellt)\W*$",
        )
        .ok()?,
        strong_cue: compile(
            r"(?i)^\W*(?:veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|publiziert(?:\s+am)?|(?:zuletzt\s+)?aktualisiert(?:\s+am)?|stand|datum|online\s+seit|eingestellt(?:\s+am)?|presse(?:mitteilung|information|meldung|erklärung)\s+vom|medieninformation\s+vom|(?:artikel|beitrag|meldung|bericht|pressespiegel|medienspiegel|presseschau)\s+vom)\W*$",
        )
        .ok()?,
        body_prefix: compile(
            r"^\W*(?:\([^)]{1,40}\)\s*)*\(?\s*(?:\p{Lu}[\p{L}.\-/ ]{0,40}?\s*(?:\([^)]{1,20}\)\s*)?[,(–-]\s*(?:den\s+)?)?$",
        )
        .ok()?,
        dateline_rest: compile(&format!(
            r"^(?:\s*\([^)]{{1,40}}\))?(?:</?\w+>|&lt;/?\w+&gt;|\*\*|__)*(?:\s*,\s*(?:den\s+)?\d{{1,2}}\.\s?(?:\d{{1,2}}\.\s?(?:19|20)?\d{{2}}|(?:{MONTHS})\s+(?:19|20)\d{{2}}))?\s*[.:\-–—](?:</?\w+>|&lt;/?\w+&gt;|\*\*|__)*\s+(?:[-–—]\s+)?\p{{Lu}}"
        ))
        .ok()?,
        edit_stamp: compile(
            r"(?i)^\W*(?:diese\s+seite\s+wurde\s+)?zuletzt\s+(?:am\s+)?(?P<when>[\w.\s-]{6,30}?)(?:,?\s*(?:um\s+)?\d{1,2}[:.]\d{2}(?:\s*uhr)?)?\s+(?:bearbeitet|geändert)\b",
        )
        .ok()?,
    })
});

/// Words that make a body block running text rather than a split-off piece.
const PROSE_WORDS: usize = 12;

/// The date the article states for itself (dateline, "Veröffentlicht am", …).
pub fn find_published(text: &str, blocks: &[Block]) -> Option<CalendarDate> {
    let p = PATTERNS.as_ref()?;
    let first_body = blocks.iter().position(|b| b.label == BlockLabel::Body);
    let head = &blocks[..first_body.unwrap_or(blocks.len())];
    for b in head
        .iter()
        .filter(|b| header_source(b.label) || b.label == BlockLabel::Kicker)
    {
        let Some(line) = b.span.slice(text) else {
            continue;
        };
        // A kicker names places; a date in it counts only after a word that
        // says whose date it is ("Mosbach · Artikel vom 17.03.2022").
        let date = if b.label == BlockLabel::Kicker {
            cued_date(p, line, &p.cue)
        } else if b.label == BlockLabel::Subtitle && line.split_whitespace().count() > 8 {
            cued_date(p, line, &p.strong_cue)
        } else {
            header_date(p, line)
        };
        if date.is_some() {
            return date;
        }
    }
    // The dateline opens the first paragraph of running text. On an HTML page
    // inline markup splits paragraphs into several blocks, and a subtitle may be
    // set as body text, with the dateline below it: the blocks up to the second
    // long one are tried.
    let body: Vec<&str> = blocks
        .iter()
        .filter(|b| b.label == BlockLabel::Body)
        .filter_map(|b| b.span.slice(text))
        .collect();
    let second_prose = body
        .iter()
        .enumerate()
        .filter(|(_, l)| l.split_whitespace().count() >= PROSE_WORDS)
        .nth(1)
        .map_or(body.len(), |(i, _)| i);
    if let Some(d) = body
        .iter()
        .take(second_prose + 1)
        .find_map(|l| dateline_at_start(p, l))
    {
        return Some(d);
    }
    if let Some(d) = blocks
        .iter()
        .filter(|b| matches!(b.label, BlockLabel::Byline | BlockLabel::Dateline))
        .filter_map(|b| b.span.slice(text))
        .find_map(|l| header_date(p, l))
    {
        return Some(d);
    }
    // A strong cue counts in a page's action bar too ("Merken · Teilen · Online
    // seit: 04.05.2026"), which reads as a menu, and in a headline that only
    // dates the page ("Pressespiegel vom 14. November 2024").
    if let Some(d) = blocks
        .iter()
        .filter(|b| {
            header_source(b.label)
                || matches!(
                    b.label,
                    BlockLabel::Body | BlockLabel::Navigation | BlockLabel::Title
                )
        })
        .filter_map(|b| b.span.slice(text))
        .find_map(|l| cued_date(p, l, &p.strong_cue))
    {
        return Some(d);
    }
    let own: Vec<&str> = blocks
        .iter()
        .filter(|b| !matches!(b.label, BlockLabel::Teaser | BlockLabel::Comment))
        .filter_map(|b| b.span.slice(text))
        .collect();
    // A field whose name and value stand apart, as a definition list sets them
    // ("Veröffentlicht am:" over "14.10.2026").
    if let Some(d) = own.windows(2).find_map(|pair| {
        p.strong_cue
            .is_match(pair[0])
            .then(|| header_date(p, pair[1]))
            .flatten()
    }) {
        return Some(d);
    }
    own.iter().find_map(|l| edit_stamp(p, l))
}

/// Whether `rest`, the text after a place that opens the article's first
/// paragraph, makes that place the article's dateline: "Cochem. Der Landkreis
/// …", "Kiel (dpa) – Die Stadt …", "Cochem, 12.03.2026 – …", "**Cochem.** Der …".
/// A dateline says where the news is from, not who acts.
pub fn closes_dateline(rest: &str) -> bool {
    PATTERNS
        .as_ref()
        .is_some_and(|p| p.dateline_rest.is_match(rest))
}

/// The date of a page's own edit stamp at the start of `line`.
fn edit_stamp(p: &Patterns, line: &str) -> Option<CalendarDate> {
    let when = p.edit_stamp.captures(line)?.name("when")?.as_str();
    to_date(&p.date.captures(when)?, when)
}

/// Labels a header date may stand on.
fn header_source(label: BlockLabel) -> bool {
    !matches!(
        label,
        BlockLabel::Title
            | BlockLabel::Kicker
            | BlockLabel::Teaser
            | BlockLabel::Ad
            | BlockLabel::Contact
            | BlockLabel::Legal
            | BlockLabel::Caption
            | BlockLabel::Link
            | BlockLabel::Comment
            | BlockLabel::Navigation
    )
}

/// A date on a header line: after a cue, on a short line, or a month on a line
/// with little else.
fn header_date(p: &Patterns, line: &str) -> Option<CalendarDate> {
    if let Some(d) = cued_date(p, line, &p.cue) {
        return Some(d);
    }
    // Padding between a running header's fields (a printed page's "3    Aus
    // den Kreisen    Donnerstag, 6. November 2025") is no text.
    let folded_chars: usize = line
        .split_whitespace()
        .map(|word| word.chars().count() + 1)
        .sum();
    let short = folded_chars <= 101;
    for caps in p.date.captures_iter(line) {
        let whole = caps.get(0)?;
        let Some(date) = to_date(&caps, line) else {
            continue;
        };
        let rest = line.len() - whole.len();
        let rest_words = line
            .get(..whole.start())
            .into_iter()
            .chain(line.get(whole.end()..))
            .flat_map(str::split_whitespace)
            .count();
        // A line that opens with its date ("**Donnerstag, 19. März 2026** ·
        // zusammengestellt von …") is a dateline however long it runs on.
        let opens = line.get(..whole.start()).is_some_and(at_most_a_weekday);
        if date.day.is_some() && (short || opens)
            || date.day.is_none() && rest_words <= 2 && rest < 40
        {
            return Some(date);
        }
    }
    None
}

/// The first date on `line` right after a cue matched by `cue` (the text before
/// the date must end with the cue).
fn cued_date(p: &Patterns, line: &str, cue: &Regex) -> Option<CalendarDate> {
    // Most lines hold no digit: skip the date pattern for them.
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    p.date.captures_iter(line).find_map(|caps| {
        let start = caps.get(0)?.start();
        let before = last_field(line.get(..start)?);
        cue.is_match(before).then(|| to_date(&caps, line)).flatten()
    })
}

/// Marks that join the fields of a meta line, as characters or as the markup
/// references a page may leave undecoded.
const FIELD_MARKS: &[&str] = &[
    "·", "|", " – ", " — ", "&ndash;", "&mdash;", "&middot;", "&#183;", "&#8211;",
];

/// The last field of `before`: a meta line joins its fields with "·", "|" or a
/// dash ("Vorfallbericht · Veröffentlicht am 27. Jan. 2026", "Druckversion –
/// Artikel vom 03.11.2027"), and a cue opens its own field.
fn last_field(before: &str) -> &str {
    let field_start = FIELD_MARKS
        .iter()
        .filter_map(|mark| before.rfind(mark).map(|i| i + mark.len()))
        .max()
        .unwrap_or(0);
    &before[field_start..]
}

/// A date opening the first body line, after nothing but brackets or a place.
fn dateline_at_start(p: &Patterns, line: &str) -> Option<CalendarDate> {
    let caps = p.date.captures(line)?;
    let start = caps.get(0)?.start();
    let before = line.get(..start)?;
    (start <= 80 && p.body_prefix.is_match(before))
        .then(|| to_date(&caps, line))
        .flatten()
}

/// The date a match of the date pattern in `hay` names.
fn to_date(c: &Captures<'_>, hay: &str) -> Option<CalendarDate> {
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u16>().ok());
    let small = |v: u16| u8::try_from(v).ok();
    if c.name("iy").is_some() {
        return CalendarDate::day(num("iy")?, small(num("im")?)?, small(num("id")?)?);
    }
    if let (Some(d), Some(m), Some(y)) = (num("nd"), num("nm"), c.name("ny")) {
        return CalendarDate::day(year(y.as_str())?, small(m)?, small(d)?);
    }
    if let (Some(y), Some(first), Some(second)) = (num("sy"), num("sd"), num("sm")) {
        let before = hay.get(..c.get(0)?.start())?;
        return CalendarDate::slashed(y, small(first)?, small(second)?, before);
    }
    if let (Some(d), Some(m), Some(y)) = (num("ld"), c.name("lm"), num("ly")) {
        return CalendarDate::day(y, month(m.as_str())?, small(d)?);
    }
    if let (Some(m), Some(y)) = (c.name("mm"), num("my")) {
        return CalendarDate::month(y, month(m.as_str())?);
    }
    None
}

/// A year of two or four digits; two-digit years below 70 are 20xx.
fn year(s: &str) -> Option<u16> {
    let y: u16 = s.parse().ok()?;
    Some(match s.len() {
        2 if y < 70 => 2000 + y,
        2 => 1900 + y,
        _ => y,
    })
}

/// Month number of a German month name or abbreviation.
fn month(name: &str) -> Option<u8> {
    let lower = name.trim_end_matches('.').to_lowercase();
    let prefix: String = lower.chars().take(3).collect();
    let m = match prefix.as_str() {
        "jan" | "jän" => 1,
        "feb" => 2,
        "mär" | "mae" | "ma\u{308}" => 3,
        "apr" => 4,
        "mai" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "okt" => 10,
        "nov" => 11,
        "dez" => 12,
        _ => return None,
    };
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boilerplate::BoilerplateClassifier;
    use crate::testcases::{run_cases, NamedCase};
    use serde::Deserialize;

    /// A page and its expected publication date (absent: none).
    #[derive(Deserialize)]
    struct Case {
        name: String,
        text: String,
        published: Option<String>,
    }

    impl NamedCase for Case {
        fn name(&self) -> &str {
            &self.name
        }
    }

    #[test]
    fn patterns_compile() {
        assert!(PATTERNS.is_some());
    }

    #[test]
    fn published_cases() {
        let c = BoilerplateClassifier::new();
        run_cases(
            "published.toml",
            include_str!("../../testdata/cases/published.toml"),
            |case: &Case| {
                let got =
                    find_published(&case.text, &c.classify(&case.text)).map(|d| d.to_string());
                (got == case.published)
                    .then_some(())
                    .ok_or(format!("got {got:?}, want {:?}", case.published))
            },
        );
    }

    #[test]
    fn years_and_months() {
        assert_eq!(year("17"), Some(2017));
        assert_eq!(year("98"), Some(1998));
        assert_eq!(month("Mär."), Some(3));
        assert_eq!(month("Jänner"), Some(1));
        assert_eq!(month("Sept."), Some(9));
    }
}
