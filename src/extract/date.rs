//! Calendar dates in German text.
//!
//! Job: find every calendar date a content region states, as a [`DateFact`] whose
//! `value` is `YYYY-MM-DD` (a day) or `YYYY-MM` (only a month given) and whose quote
//! is exactly the words of the date: leading words such as `am`, `seit`, `Anfang`
//! and brackets around a dateline are not quoted.
//!
//! Input: the whole document, one content region of it (a [`Span`]; an empty,
//! out-of-range or mis-cut region gives nothing), and the publication date when
//! known. Output: facts in text order, inside the region, never overlapping (the
//! longest reading wins).
//!
//! Forms found:
//! - numeric `4.12.2009`, `04.12.2009`, `4. 12. 2009`, two-digit years `06.12.17`
//!   (00–69 → 20xx, 70–99 → 19xx; the month must then have two digits and no space
//!   may follow a dot), ISO `2009-12-04` (a following time is not quoted), and
//!   `14/08/2025` as EU procurement notices write it (two-digit day and month;
//!   month first when a weekday before it fits only that reading, "Mo, 03/02/2026");
//! - month names and abbreviations (`Jänner`, `Sept.`, `Mrz.`) with day and/or year:
//!   `22. Juni 2006`, `3. Sept. 2019`, `März 2013`, `Anfang Januar 2010`;
//! - years relative to the publication date: `Februar dieses Jahres`, `März
//!   vergangenen Jahres`, `Mai des Vorjahres`, `Juli nächsten Jahres`, `d. J.`, `v. J.`;
//! - no year at all: `am 5. März`, and a bare month name right after `im`, `seit`,
//!   `ab`, `bis`, `Ende`, `Anfang` or `Mitte`. The year is the one that puts the date
//!   nearest to the publication date (after `seit`: the latest one not after it), so
//!   "im Dezember" in a January article is the past December. A sentence plainly in
//!   the future or the past (`wird`, `soll`, `wollen` against `wurde`, `hatte`)
//!   moves the date to that side of the publication date, give or take a month.
//!   Without a publication date these are dropped;
//! - ranges: `vom 1. bis 3. März 2016` and `1.–3. März 2016` give two days (the first
//!   quotes `1.`); in `von März 2003 bis Dezember 2009` both ends carry their year,
//!   and in `November bis Februar 2010` the first end borrows the year of the second
//!   (one less when it would otherwise lie after it).
//!
//! Deliberately NOT matched: a year alone (`2009`, `im Jahr 2010`, `Anfang 2010`);
//! seasons and quarters; a numeric day and month without year (`am 1.3.`, too often
//! a section number); a bare month without one of the words above (`Mai` is also a
//! surname); an abbreviated month with neither day nor year; paragraph, section and
//! version numbers (`§ 3 Abs. 2`, `2.5.1`, `Version 3.12.10`); times (`14.30 Uhr`);
//! phone numbers, IDs, amounts (`4.371,70`), postcodes; impossible dates
//! (`31.2.2020`) and years outside 1900–2100; ordinals without a month name (`10.
//! Kommunaler Kongress`); numeric dates glued to further letters, digits or dots.
//!
//! Restricting the search to article content is the caller's job.

use regex::Regex;

use crate::calendar::CalendarDate;
use crate::record::DateFact;
use crate::segment::sentences;
use crate::span::{char_after, char_before, next_boundary, window_end, window_start, Quote, Span};

/// Numeric dates: German `d.m.yyyy` / `dd.mm.yy` and ISO `yyyy-mm-dd`. Context
/// (what stands before and after) is checked in code, as the regex crate has no
/// look-around.
const NUMERIC: &str = r"(?x)
    # German order; one plain or no-break space after a dot is tolerated
    (?P<d>[0-9]{1,2}) \. (?:[\x20\x{A0}]|&nbsp;)? (?P<m>[0-9]{1,2}) \. (?:[\x20\x{A0}]|&nbsp;)?
    (?P<y>[0-9]{4}|[0-9]{2})
  |
    # ISO 8601 calendar date
    (?P<iy>[0-9]{4}) - (?P<im>[0-9]{2}) - (?P<id>[0-9]{2})
  |
    # European slashes, as EU procurement notices write them
    (?P<sd>[0-9]{2}) / (?P<sm>[0-9]{2}) / (?P<sy>[0-9]{4})
";

/// Month names, then abbreviations (which must end in a dot). Case-sensitive:
/// German month names are capitalised, and that keeps `mai`-like fragments out.
const MONTH: &str = r"(?x)
    Januar | Jänner | Jaenner | Februar | Feber | März | Maerz | April | Mai | Juni
  | Juli | August | September | Oktober | November | Dezember
    # umlauts written as HTML character references, or decomposed (NFD)
  | M&auml;rz | M&\#228;rz | J&auml;nner | J&\#228;nner | Ma\x{308}rz | Ja\x{308}nner
  | (?: Jan | Jän | Febr | Feb | Mär | Mrz | Apr | Jun | Jul | Aug | Sept | Sep
      | Okt | Nov | Dez | M&auml;r | Ma\x{308}r ) \.
";

/// A day number right before a month name (`22. `), searched in a short window
/// that ends at the month name.
const DAY_BEFORE: &str = r"(?P<d>[0-9]{1,2})\.(?:\s|&nbsp;){0,2}\z";

/// What may follow a month name: a year or a year relative to publication.
const AFTER_MONTH: &str = r"(?x)
    \A (?:\s|&nbsp;){1,3}
    (?:
        (?P<y>[0-9]{4})
      | (?P<this> (?:dieses|diesen|des\s+laufenden|laufenden) \s+ Jahres | d\.\s?J\. )
      | (?P<last> (?:des\s+)? (?:vergangenen|letzten|vorigen|zurückliegenden) \s+ Jahres
                | (?:des\s+)? Vorjahres | v\.\s?J\. )
      | (?P<next> (?:des\s+)? (?:kommenden|nächsten|folgenden) \s+ Jahres
                | (?:des\s+)? Folgejahres )
    )
";

/// The words that license a bare month name (`im März`, `seit März`), right before
/// it. `^` only matters when the window starts at the region's start.
const LEAD: &str = r"(?x)
    (?: ^ | [^\p{L}\p{N}] )
    (?P<p> [Ii]m | [Ss]eit | [Aa]b | [Bb]is | Ende | Anfang | Mitte )
    \s{1,2} \z
";

/// Words before a day that put it ahead of the publication date (`ab dem 1.
/// Oktober`, `bis zum 30. Juni`, `zum 1. April`). A bare `bis` does not: it
/// also closes ranges of past days (`vom 1. bis 3. März`).
const AHEAD: &str = r"(?x)
    (?: ^ | [^\p{L}\p{N}] )
    (?: [Aa]b (?: \s+ dem )? | [Bb]is \s+ zum | zum )
    \s{1,2} \z
";

/// Verbs and adverbs that set a sentence in the future or in the past. They
/// decide the year of a yearless day that the nearest year would put on the
/// wrong side of the publication date (`Die Server ziehen am 5. Oktober um,
/// fertig sein wollen wir bis Ende 2026`, written in March). `hat` and `haben`
/// are left out: as often as they form a perfect, they stand in the present.
const TENSE: &str = r"(?x)
    \b (?:
        (?P<future> wird | werden | soll | sollen | will | wollen | plant | planen
                  | geplant | künftig | voraussichtlich | demnächst )
      | (?P<past> wurde | wurden | war | waren | hatte | hatten | fand
               | begann | beschloss | unterzeichnete | unterzeichneten
               | musste | mussten | konnte | konnten | gab )
    ) \b
";

/// How far (in sentences' reach, bytes) the tense words are looked for around a
/// yearless day.
const TENSE_REACH: usize = 240;

/// The first day of a day range (`1. bis `, `1.–`), right before the day that
/// carries month and year.
const RANGE_HEAD: &str = r"(?x)
    (?P<d>[0-9]{1,2}) \.
    \s*
    (?: bis (?:\s+(?:zum|einschließlich))? | [-–—/] | und | u\. )
    \s* \z
";

/// The words between the two ends of a range (`März bis Dezember 2009`).
const JOINER: &str = r"(?x)
    \A \s*
    (?: bis (?:\s+(?:zum|zur|einschließlich))? | [-–—/] | und | sowie | oder )
    \s*
    (?: (?:im|am|zum|Ende|Anfang|Mitte) \s+ )?
    \z
";

/// Words after which a numeric date is a version, section or phone number.
const NUMERIC_BLOCKER: &str = r"(?ix)
    (?: version | vers\. | release | rev\. | kapitel | abschnitt | nr\. | nummer | ziffer
      | punkt | § | art\. | artikel | abs\. | tel\. | telefon | fax | az\. | aktenzeichen
      | produkt\w* | \w*konto | kostenstelle | kostenträger | haushaltsstelle )
    \s* \z
";

/// How the text gives (or does not give) the year of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearSpec {
    Given(u16),
    /// Relative to the publication year: -1, 0 or +1.
    Relative(i8),
    Missing,
}

/// The word before a yearless date, which decides how its year is guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lead {
    /// No licensing word: a bare month is then not a date.
    None,
    /// `seit`: the date lies in the past.
    Since,
    /// `ab`, `bis zum`, `zum` (`ab dem 1. Oktober`, `zum 1. April`): the date
    /// lies ahead.
    Ahead,
    /// A sentence in the future: the date lies ahead, give or take a month.
    Future,
    /// A sentence in the past: the date lies behind, give or take a month.
    Past,
    /// `im`, `bis`, `Ende`, `Anfang`, `Mitte`.
    Other,
}

/// A date as written, before its year is settled.
#[derive(Debug, Clone, Copy)]
struct Atom {
    span: Span,
    day: Option<u8>,
    month: u8,
    year: YearSpec,
    lead: Lead,
    /// An abbreviated month name (`Sept.`); never a date on its own.
    abbreviated: bool,
    resolved: Option<CalendarDate>,
}

/// Finds dates. Built once; holds its compiled patterns.
#[derive(Debug, Clone)]
pub struct DateFinder {
    numeric: Regex,
    month: Regex,
    day_before: Regex,
    after_month: Regex,
    lead: Regex,
    ahead: Regex,
    range_head: Regex,
    joiner: Regex,
    numeric_blocker: Regex,
    tense: Regex,
}

impl Default for DateFinder {
    fn default() -> DateFinder {
        DateFinder::new()
    }
}

/// Compiles one of the fixed patterns above.
#[allow(clippy::expect_used)] // Fixed patterns, compiled by every unit test: a failure is a bug in this file, not input.
fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("date patterns are valid")
}

impl DateFinder {
    /// A finder with the default patterns.
    pub fn new() -> DateFinder {
        DateFinder {
            numeric: compile(NUMERIC),
            month: compile(MONTH),
            day_before: compile(DAY_BEFORE),
            after_month: compile(AFTER_MONTH),
            lead: compile(LEAD),
            ahead: compile(AHEAD),
            range_head: compile(RANGE_HEAD),
            joiner: compile(JOINER),
            numeric_blocker: compile(NUMERIC_BLOCKER),
            tense: compile(TENSE),
        }
    }

    /// Dates within `region` of `text`, in text order. Dates without a year and
    /// relative dates are resolved against `published`, and dropped without it.
    pub fn find(&self, text: &str, region: Span, published: Option<CalendarDate>) -> Vec<DateFact> {
        let Some(content) = region.slice(text) else {
            return Vec::new();
        };
        if content.is_empty() {
            return Vec::new();
        }
        let mut atoms = Vec::new();
        // Cheap pre-check: numeric dates need an ASCII digit.
        if content.bytes().any(|b| b.is_ascii_digit()) {
            self.numeric_atoms(text, region, &mut atoms);
        }
        self.month_atoms(text, region, &mut atoms);
        let mut atoms = longest_first(atoms, |a| a.span);
        self.resolve(text, &mut atoms, published);

        let mut found: Vec<(Span, CalendarDate)> = Vec::new();
        for atom in &atoms {
            let Some(date) = atom.resolved else { continue };
            if date.day.is_some() {
                if let Some(head) = self.range_head(text, region, atom.span, date) {
                    found.push(head);
                }
            }
            found.push((atom.span, date));
        }
        longest_first(found, |f| f.0)
            .into_iter()
            .filter_map(|(span, date)| {
                Quote::new(text, span).map(|quote| DateFact {
                    value: date.to_string(),
                    quote,
                })
            })
            .collect()
    }

    /// `4.12.2009`, `06.12.17`, `2009-12-04` with their context checked.
    fn numeric_atoms(&self, text: &str, region: Span, atoms: &mut Vec<Atom>) {
        let hay = &text[..region.end];
        let mut pos = region.start;
        while let Some(caps) = self.numeric.captures_at(hay, pos) {
            let Some(whole) = caps.get(0) else { break };
            let span = Span::new(whole.start(), whole.end());
            let iso = caps.name("iy").is_some();
            let date = if iso {
                numeric_day(&caps, ["iy", "im", "id"])
            } else if caps.name("sy").is_some() {
                slashed_day(&caps, &text[..span.start])
            } else {
                numeric_german(&caps, whole.as_str())
            };
            let accepted = date.filter(|_| self.numeric_context_ok(text, span, iso));
            match accepted {
                Some(date) => {
                    atoms.push(Atom {
                        span,
                        day: date.day,
                        month: date.month,
                        year: YearSpec::Given(date.year),
                        lead: Lead::None,
                        abbreviated: false,
                        resolved: None,
                    });
                    pos = whole.end();
                }
                // Retry one character later: `112.3.2014` must not hide nothing,
                // but `1.2.3.2014` must not yield `2.3.2014` either (checked above).
                None => pos = next_boundary(text, whole.start()),
            }
        }
    }

    /// A numeric date stands on its own: no letters, digits or number dots glued to
    /// it, and no version/section/phone/budget-code word before it.
    fn numeric_context_ok(&self, text: &str, span: Span, iso: bool) -> bool {
        let before = char_before(text, span.start);
        if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | '/'))
            || (iso && before == Some('-'))
        {
            return false;
        }
        let rest = &text[span.end..];
        let mut after = rest.chars();
        match (after.next(), after.next()) {
            (Some('T'), Some(c)) if iso && c.is_ascii_digit() => {}
            (Some(c), _) if c.is_alphanumeric() => return false,
            (Some('.' | ','), Some(c)) if c.is_ascii_digit() => return false,
            (Some('-'), Some(c)) if iso && c.is_ascii_digit() => return false,
            (Some('/'), _) => return false,
            _ => {}
        }
        let from = window_start(text, 0, span.start, 24);
        !self.numeric_blocker.is_match(&text[from..span.start])
    }

    /// Month names with whatever day, year or lead word stands around them.
    fn month_atoms(&self, text: &str, region: Span, atoms: &mut Vec<Atom>) {
        let hay = &text[..region.end];
        let mut pos = region.start;
        while let Some(m) = self.month.find_at(hay, pos) {
            pos = m.end();
            let abbreviated = m.as_str().ends_with('.');
            let glued_before = char_before(text, m.start()).is_some_and(char::is_alphanumeric);
            let glued_after =
                !abbreviated && char_after(text, m.end()).is_some_and(char::is_alphanumeric);
            if glued_before || glued_after {
                // `Mainz`, `Lenzmärz`: look again right after the start.
                pos = next_boundary(text, m.start());
                continue;
            }
            let Some(month) = month_number(m.as_str()) else {
                continue;
            };
            let mut span = Span::new(m.start(), m.end());

            // Room for "22.&nbsp;" in HTML.
            let from = window_start(text, region.start, m.start(), 14);
            let day = self
                .day_before
                .captures(&text[from..m.start()])
                .and_then(|c| c.name("d"))
                .map(|d| (from + d.start(), d.as_str()))
                .filter(|&(start, _)| {
                    !char_before(text, start)
                        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ','))
                })
                .and_then(|(start, digits)| Some((start, digits.parse::<u8>().ok()?)))
                .filter(|&(_, d)| (1..=31).contains(&d));
            if let Some((start, _)) = day {
                span.start = start;
            }

            let to = window_end(text, m.end(), region.end, 40);
            let mut year = YearSpec::Missing;
            if let Some(c) = self.after_month.captures(&text[m.end()..to]) {
                let spec = if let Some(y) = c.name("y") {
                    y.as_str().parse().ok().map(YearSpec::Given)
                } else if c.name("this").is_some() {
                    Some(YearSpec::Relative(0))
                } else if c.name("last").is_some() {
                    Some(YearSpec::Relative(-1))
                } else {
                    Some(YearSpec::Relative(1))
                };
                let end = m.end() + c.get(0).map_or(0, |g| g.end());
                let glued = match (spec, char_after(text, end)) {
                    (Some(YearSpec::Given(_)), Some(ch)) => ch.is_ascii_digit(),
                    (_, Some(ch)) => ch.is_alphabetic(),
                    _ => false,
                };
                if let (Some(spec), false) = (spec, glued) {
                    year = spec;
                    span.end = end;
                }
            }

            let lead = if year != YearSpec::Missing {
                Lead::None
            } else if day.is_none() {
                let from = window_start(text, region.start, m.start(), 16);
                let word = self
                    .lead
                    .captures(&text[from..m.start()])
                    .and_then(|c| c.name("p"));
                match word.map(|w| w.as_str().to_lowercase()).as_deref() {
                    Some("seit") => Lead::Since,
                    Some("ab") => Lead::Ahead,
                    Some(_) => Lead::Other,
                    None => Lead::None,
                }
            } else {
                let start = span.start;
                let from = window_start(text, region.start, start, 16);
                if self.ahead.is_match(&text[from..start]) {
                    Lead::Ahead
                } else {
                    Lead::None
                }
            };

            atoms.push(Atom {
                span,
                day: day.map(|(_, d)| d),
                month,
                year,
                lead,
                abbreviated,
                resolved: None,
            });
        }
    }

    /// Settles every atom's year, right to left so that a range's first end can
    /// borrow from its second.
    fn resolve(&self, text: &str, atoms: &mut [Atom], published: Option<CalendarDate>) {
        for i in (0..atoms.len()).rev() {
            let atom = atoms[i];
            let year = match atom.year {
                YearSpec::Given(y) => Some(y),
                YearSpec::Relative(k) => {
                    published.and_then(|p| p.year.checked_add_signed(k.into()))
                }
                YearSpec::Missing => {
                    let partner = atoms
                        .get(i + 1)
                        .filter(|n| self.joiner.is_match(&text[atom.span.end..n.span.start]))
                        .and_then(|n| n.resolved);
                    match (partner, published) {
                        (Some(n), _) if atom.month > n.month => n.year.checked_sub(1),
                        (Some(n), _) => Some(n.year),
                        (None, Some(p))
                            if atom.day.is_some()
                                || atom.lead != Lead::None && !atom.abbreviated =>
                        {
                            let lead = match atom.lead {
                                Lead::None | Lead::Other => {
                                    self.sentence_tense(text, atom.span).unwrap_or(atom.lead)
                                }
                                lead => lead,
                            };
                            Some(nearest_year(atom.month, p, lead))
                        }
                        _ => None,
                    }
                }
            };
            atoms[i].resolved = year.and_then(|y| match atom.day {
                Some(d) => CalendarDate::day(y, atom.month, d),
                None => CalendarDate::month(y, atom.month),
            });
        }
    }

    /// The tense of the sentence around `span`, when its words agree on one.
    fn sentence_tense(&self, text: &str, span: Span) -> Option<Lead> {
        let reach = Span::new(
            window_start(text, 0, span.start, TENSE_REACH),
            window_end(text, span.end, text.len(), TENSE_REACH),
        );
        let sentence = sentences(text, reach)
            .into_iter()
            .find(|s| s.contains(span))?;
        let (mut future, mut past) = (false, false);
        for caps in self.tense.captures_iter(sentence.slice(text)?) {
            future |= caps.name("future").is_some();
            past |= caps.name("past").is_some();
        }
        match (future, past) {
            (true, false) => Some(Lead::Future),
            (false, true) => Some(Lead::Past),
            _ => None,
        }
    }

    /// The first day of `1. bis 3. März 2016` / `1.–3.3.2016`, which takes month and
    /// year from the second; it quotes just `1.`.
    fn range_head(
        &self,
        text: &str,
        region: Span,
        span: Span,
        date: CalendarDate,
    ) -> Option<(Span, CalendarDate)> {
        let from = window_start(text, region.start, span.start, 24);
        let caps = self.range_head.captures(&text[from..span.start])?;
        let d = caps.name("d")?;
        let start = from + d.start();
        if char_before(text, start).is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',')) {
            return None;
        }
        let first: u8 = d.as_str().parse().ok()?;
        if first >= date.day? {
            return None;
        }
        let head = CalendarDate::day(date.year, date.month, first)?;
        Some((Span::new(start, from + d.end() + 1), head))
    }
}

/// `dd.mm.yyyy` / `dd.mm.yy` from a match of [`NUMERIC`].
fn numeric_german(caps: &regex::Captures<'_>, whole: &str) -> Option<CalendarDate> {
    let d = caps.name("d")?.as_str().parse().ok()?;
    let m = caps.name("m")?;
    let y = caps.name("y")?.as_str();
    let year = if y.len() == 2 {
        // Two-digit years are only trusted in the tight `06.12.17` shape.
        if m.as_str().len() != 2 || whole.contains(|c: char| c.is_whitespace()) {
            return None;
        }
        let yy: u16 = y.parse().ok()?;
        if yy < 70 {
            2000 + yy
        } else {
            1900 + yy
        }
    } else {
        y.parse().ok()?
    };
    CalendarDate::day(year, m.as_str().parse().ok()?, d)
}

/// The day of a match of [`NUMERIC`] whose year, month and day stand in the
/// named groups `[year, month, day]` (ISO `iy im id`, slashed `sy sm sd`).
fn numeric_day(caps: &regex::Captures<'_>, [year, month, day]: [&str; 3]) -> Option<CalendarDate> {
    CalendarDate::day(
        caps.name(year)?.as_str().parse().ok()?,
        caps.name(month)?.as_str().parse().ok()?,
        caps.name(day)?.as_str().parse().ok()?,
    )
}

/// The day of a match of [`NUMERIC`]'s slashed form, `before` it the text up to it.
fn slashed_day(caps: &regex::Captures<'_>, before: &str) -> Option<CalendarDate> {
    let number = |name: &str| caps.name(name)?.as_str().parse::<u8>().ok();
    let year = caps.name("sy")?.as_str().parse().ok()?;
    CalendarDate::slashed(year, number("sd")?, number("sm")?, before)
}

/// The month a name or abbreviation from [`MONTH`] stands for.
pub(crate) fn month_number(name: &str) -> Option<u8> {
    let stem = name.trim_end_matches('.');
    let month = match stem {
        "Januar" | "Jänner" | "Jaenner" | "J&auml;nner" | "J&#228;nner" | "Ja\u{308}nner"
        | "Jan" | "Jän" => 1,
        "Februar" | "Feber" | "Febr" | "Feb" => 2,
        "März" | "Maerz" | "M&auml;rz" | "M&#228;rz" | "Ma\u{308}rz" | "Mär" | "M&auml;r"
        | "Ma\u{308}r" | "Mrz" => 3,
        "April" | "Apr" => 4,
        "Mai" => 5,
        "Juni" | "Jun" => 6,
        "Juli" | "Jul" => 7,
        "August" | "Aug" => 8,
        "September" | "Sept" | "Sep" => 9,
        "Oktober" | "Okt" => 10,
        "November" | "Nov" => 11,
        "Dezember" | "Dez" => 12,
        _ => return None,
    };
    Some(month)
}

/// The year that puts `month` nearest to the publication date; after `seit`, the
/// latest one not after it; after `ab`, `bis zum` or `zum`, the earliest one not
/// before it; in a sentence in the future or the past, the one on that side, with
/// a month's leeway for a day just reported.
fn nearest_year(month: u8, published: CalendarDate, lead: Lead) -> u16 {
    let diff = i32::from(month) - i32::from(published.month);
    let y = published.year;
    match (lead, diff) {
        (Lead::Since, d) if d > 0 => y.saturating_sub(1),
        (Lead::Ahead, d) if d < 0 => y.saturating_add(1),
        (Lead::Past, d) if d > 1 => y.saturating_sub(1),
        (Lead::Future, d) if d < -1 => y.saturating_add(1),
        (Lead::Past | Lead::Future, _) => y,
        (Lead::Since | Lead::Ahead, _) => y,
        (_, d) if d > 6 => y.saturating_sub(1),
        (_, d) if d < -6 => y.saturating_add(1),
        _ => y,
    }
}

/// Keeps the longest of overlapping items (the earlier on a tie), in text order.
/// One sweep in start order, so many facts in one region stay cheap.
fn longest_first<T>(mut items: Vec<T>, span: impl Fn(&T) -> Span) -> Vec<T> {
    items.sort_by_key(|t| (span(t).start, std::cmp::Reverse(span(t).len())));
    let mut kept: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        let s = span(&item);
        match kept.last() {
            Some(last) if span(last).overlaps(s) => {
                let before_last = kept.len().checked_sub(2).and_then(|i| kept.get(i));
                let fits = before_last.map_or(true, |b| !span(b).overlaps(s));
                if s.len() > span(last).len() && fits {
                    kept.pop();
                    kept.push(item);
                }
            }
            _ => kept.push(item),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testcases::{run_cases, NamedCase};
    use proptest::prelude::*;
    use serde::Deserialize;
    use std::sync::OnceLock;

    /// One finder for all property cases: compiling per case would dominate the run.
    fn finder() -> &'static DateFinder {
        static FINDER: OnceLock<DateFinder> = OnceLock::new();
        FINDER.get_or_init(DateFinder::new)
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Case {
        name: String,
        text: String,
        published: Option<String>,
        expect: Vec<Expected>,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Expected {
        value: String,
        text: String,
    }

    impl NamedCase for Case {
        fn name(&self) -> &str {
            &self.name
        }
    }

    fn check_facts(text: &str, region: Span, facts: &[DateFact]) -> Result<(), String> {
        let mut last_end = region.start;
        for f in facts {
            if text.get(f.quote.start..f.quote.end) != Some(f.quote.text.as_str()) {
                return Err(format!("quote {:?} does not slice to its text", f.quote));
            }
            if f.quote.start < last_end || f.quote.end > region.end {
                return Err(format!(
                    "fact {:?} overlaps, is out of order or leaves the region",
                    f.quote
                ));
            }
            if CalendarDate::parse_iso(&f.value)
                .map(|d| d.to_string())
                .as_deref()
                != Some(f.value.as_str())
            {
                return Err(format!("value {:?} is not a valid date", f.value));
            }
            last_end = f.quote.end;
        }
        Ok(())
    }

    #[test]
    fn case_file() {
        let finder = DateFinder::new();
        run_cases(
            "dates.toml",
            include_str!("../../testdata/cases/dates.toml"),
            |c: &Case| {
                let published = match &c.published {
                    Some(p) => Some(
                        CalendarDate::parse_iso(p).ok_or_else(|| format!("bad published {p:?}"))?,
                    ),
                    None => None,
                };
                let region = Span::new(0, c.text.len());
                let facts = finder.find(&c.text, region, published);
                check_facts(&c.text, region, &facts)?;
                let got: Vec<Expected> = facts
                    .iter()
                    .map(|f| Expected {
                        value: f.value.clone(),
                        text: f.quote.text.clone(),
                    })
                    .collect();
                if got == c.expect {
                    Ok(())
                } else {
                    Err(format!("expected {:?}, got {:?}", c.expect, got))
                }
            },
        );
    }

    #[test]
    fn stays_inside_the_region() {
        let finder = DateFinder::new();
        let text = "Am 4.12.2009 begann es, am 22. Juni 2006 nicht.";
        let second = text.find("am 22").unwrap();
        let facts = finder.find(text, Span::new(second, text.len()), None);
        let values: Vec<_> = facts.iter().map(|f| f.value.as_str()).collect();
        assert_eq!(values, ["2006-06-22"]);
        assert_eq!(facts[0].quote.start, second + 3);
        // A region that cuts the year off loses the year, not the bounds.
        let cut = finder.find(text, Span::new(0, 10), None);
        assert!(cut.is_empty(), "{cut:?}");
        for bad in [Span::new(5, 2), Span::new(0, 999), Span::new(3, 3)] {
            assert!(finder.find(text, bad, None).is_empty());
        }
        let umlaut = "Im März";
        assert!(
            finder.find(umlaut, Span::new(0, 5), None).is_empty(),
            "cuts ä"
        );
    }

    #[test]
    fn is_send_sync_clone_debug() {
        fn assert_traits<T: Send + Sync + Clone + std::fmt::Debug>() {}
        assert_traits::<DateFinder>();
    }

    const MONTHS: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];

    proptest! {
        #[test]
        fn never_panics_and_quotes_exactly(
            text in "\\PC{0,80}|[0-9. Märzi-]{0,40}",
            a in 0usize..100,
            b in 0usize..100,
            pub_day in proptest::option::of((1990u16..2030, 1u8..=12)),
        ) {
            let finder = finder();
            let region = Span::new(a.min(b), a.max(b));
            let published = pub_day.and_then(|(y, m)| CalendarDate::day(y, m, 1));
            let facts = finder.find(&text, region, published);
            if region.slice(&text).is_some() {
                prop_assert!(check_facts(&text, region, &facts).is_ok(), "{:?}", check_facts(&text, region, &facts));
            } else {
                prop_assert!(facts.is_empty());
            }
        }

        #[test]
        fn written_dates_parse_back(
            year in 1900u16..=2100,
            month in 1u8..=12,
            day_seed in 0u8..31,
            style in 0usize..4,
        ) {
            let day = day_seed % crate::calendar::days_in_month(year, month) + 1;
            let written = match style {
                0 => format!("{day}. {} {year}", MONTHS[usize::from(month - 1)]),
                1 => format!("{day}.{month}.{year}"),
                2 => format!("{day:02}.{month:02}.{year}"),
                _ => format!("{year}-{month:02}-{day:02}"),
            };
            let text = format!("Der Vertrag wurde am {written} in Leipzig unterschrieben.");
            let facts = finder().find(&text, Span::new(0, text.len()), None);
            let expected = CalendarDate::day(year, month, day).map(|d| d.to_string());
            prop_assert_eq!(facts.len(), 1, "{:?}", facts);
            prop_assert_eq!(Some(facts[0].value.clone()), expected);
            prop_assert_eq!(&facts[0].quote.text, &written);
        }
    }
}
