//! Money amounts in German text.
//!
//! Job: find every money amount a content region states, as an [`AmountFact`] with
//! its value in units of the currency (`EUR`, or `DEM` for Mark), its recurrence
//! (`period`) and a quote of the whole expression as written: a leading
//! approximation word (`rund`, `etwa`, `ca.`, `knapp`, `über`, `bis zu`, …), the
//! number, its scale word, the currency and a period phrase that directly follows
//! (`pro Jahr`, `jährlich`, `im Monat`, `/Jahr`, `p. a.`, …). Other words before the
//! amount (`insgesamt`) are not quoted.
//!
//! Input: the whole document and one content region of it (a [`Span`]; an empty,
//! out-of-range or mis-cut region gives nothing). Output: facts in text order,
//! inside the region, never overlapping.
//!
//! The search anchors on currency and scale words and reads the number before them
//! (or after `€`, `EUR`, `DM`), so text without them costs one prefiltered scan.
//!
//! Forms found: `15.000 Euro`, `15.000 €`, `15.000€`, `€ 300.000`, `EUR 77.500`,
//! `4.371,70 €`, `12.500,00 EUR`, `660.000,- Euro`, `75 000 Euro` (plain, no-break
//! or thin space as thousands separator), `1,2 Millionen Euro`, `2,5 Mio. €`,
//! `1 Mrd. Euro`, `500 Tsd. Euro`, `660 T€`, `660 TEUR`, `50 Cent`, `298 ¤` (the
//! euro sign of an ISO-8859-15 page, decoded as Windows-1252), the compound
//! `15-Millionen-Euro(-Projekt)`, number words before a scale (`knapp vier Millionen
//! Euro`, `eine halbe Million Euro`, `zweieinhalb Milliarden Euro`) or before a
//! currency (`zehn Euro`; not the article `ein`/`eine`), Mark: `500.000 Mark`,
//! `2 Millionen DM`, `DM 300.000`, `D-Mark`.
//!
//! Period: `Year` from a following `pro|je|per|im Jahr`, `jährlich`, `jedes Jahr`,
//! `per annum`, `p. a.`, `/Jahr`, `/a`, or from `jährlich…` (`jährliche Kosten von`)
//! earlier in the same clause; `Month` likewise from `Monat`/`monatlich`. A
//! preceding period word is not quoted. `im Jahr 2010` is a year, not a period.
//!
//! Currency from context: a number with a scale word but no currency (`rund 20
//! Millionen`) counts only when the region names a currency elsewhere; it takes the
//! nearest currency before it, else the nearest after it. It is still rejected when
//! a capitalised word follows the scale word (`20 Millionen Einwohner`): that is a
//! count.
//!
//! Deliberately NOT matched: percentages (`15 Prozent`, `15 %`), counts (`700
//! Fachleute`, `10.000 Einwohner`), years, phone numbers, bare numbers without
//! currency or scale, scale words without a number (`mehrere Millionen Euro`),
//! number words above `hundert` other than those listed, currencies other than
//! euro and Mark. In a range (`2.000 bis 3.000 Euro`) only the end that stands
//! next to the currency is found.

use regex::Regex;

use crate::record::{AmountFact, Period};
use crate::span::{char_after, char_before, next_boundary, window_end, window_start, Quote, Span};

/// Currency and scale words: what every amount is anchored on. Longer spellings
/// come first because the regex crate picks the leftmost-first alternative.
const ANCHOR: &str = r"(?x)
    # thousand-euro units as used in budgets
    T€ | TEUR | TEuro | TDM
    # currencies
  | € | ¤ | EURO | EUR | Euro | Cent | D-Mark | DM | Deutsche\s+Mark | Mark
    # scale words
  | Milliarden | Milliarde | Mrd\. | Mrd | Millionen | Million | Mio\. | Mio | Mill\.
  | Tausend | Tsd\. | Tsd
";

/// A number right before an anchor, in a window that ends at the anchor. The
/// thousands groups may be separated by dots or by plain, no-break or thin spaces.
const NUMBER_BEFORE: &str = r"(?x)
    (?: ^ | [^0-9.,] )
    (?P<num>
        [0-9]{1,3} (?: [.\x20\x{A0}\x{2009}\x{202F}] [0-9]{3} )+ (?: ,[0-9]+ )?
      | [0-9]+ (?: [.,][0-9]+ )?
    )
    (?: ,-{1,2} | ,– | \.- )?      # `660.000,- Euro`
    (?: - | \s* | &nbsp; )         # `15.000 Euro`, `15.000€`, `15-Millionen`, HTML
    \z
";

/// A number right after a prefix currency (`€ 300.000`, `EUR 1,2 Mio.`).
const NUMBER_AFTER: &str = r"(?x)
    \A \s*
    (?P<num>
        [0-9]{1,3} (?: [.\x20\x{A0}\x{2009}\x{202F}] [0-9]{3} )+ (?: ,[0-9]+ )?
      | [0-9]+ (?: [.,][0-9]+ )?
    )
    (?: ,-{1,2} | ,– )?
";

/// A number word right before an anchor (`vier Millionen`, `eine halbe Million`).
const WORD_BEFORE: &str = r"(?ix)
    (?: ^ | [^\p{L}] )
    (?P<word>
        (?: eine[rnm]? \s+ )? halben? | anderthalb | eineinhalb | zweieinhalb | dreieinhalb
      | einhundert | zweihundert | dreihundert | vierhundert | fünfhundert | hundert
      | eine[rnm]? | ein | zwei | drei | vier | fünf | sechs | sieben | acht | neun | zehn
      | elf | zwölf | zwanzig | dreißig | vierzig | fünfzig | sechzig | siebzig | achtzig
      | neunzig
    )
    (?: \s+ | - )
    \z
";

/// An approximation word right before the number; it is quoted with the amount.
const QUALIFIER: &str = r"(?ix)
    (?: ^ | [^\p{L}\p{N}] )
    (?P<q>
        rund | rd\. | etwa | ca\. | circa | zirka | knapp | gut | fast | nahezu | annähernd
      | ungefähr | mehr \s+ als | weniger \s+ als | über | unter | bis \s+ zu | maximal
      | höchstens | mindestens | wenigstens
    )
    \s+ \z
";

/// A period phrase right after the amount; it is quoted with the amount.
const PERIOD_AFTER: &str = r"(?x)
    \A
    (?:
        \s* / \s* (?: (?P<y1> Jahr | a ) | (?P<m1> Monat | Mon\. ) )
      | \s+ (?: (?P<im> im ) | pro | je | per ) \s+ (?: (?P<y2> Jahr ) | (?P<m2> Monat ) )
      | \s+ (?P<y3> jährlich | jedes \s+ Jahr | per \s+ annum | pro \s+ anno | p\.\s?a\. )
      | \s+ (?P<m3> monatlich | jeden \s+ Monat )
    )
";

/// A period word earlier in the same clause (`jährliche Kosten von …`).
const PERIOD_BEFORE: &str = r"(?ix)
    (?: ^ | [^\p{L}] )
    (?: (?P<y> jährlich | pro \s+ jahr | jedes \s+ jahr ) | (?P<m> monatlich | pro \s+ monat ) )
    [^.!?;:]* \z
";

/// A capitalised word right after a scale word without currency: a count.
const COUNTED_NOUN: &str = r"\A\s+\p{Lu}";

/// Which currency an anchor names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Currency {
    Eur,
    Dem,
}

impl Currency {
    fn code(self) -> &'static str {
        match self {
            Currency::Eur => "EUR",
            Currency::Dem => "DEM",
        }
    }
}

/// What an anchor word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    /// A currency, with the power of ten its unit stands for (`Cent`: -2, `T€`: 3).
    Currency {
        currency: Currency,
        exp: i32,
        prefix: bool,
    },
    /// A scale word: the power of ten it multiplies by.
    Scale(i32),
}

fn classify_anchor(word: &str) -> Option<Anchor> {
    let currency = |currency, exp, prefix| {
        Some(Anchor::Currency {
            currency,
            exp,
            prefix,
        })
    };
    match word {
        "T€" | "TEUR" | "TEuro" => currency(Currency::Eur, 3, false),
        "TDM" => currency(Currency::Dem, 3, false),
        // `¤` is the euro of an ISO-8859-15 page read as Windows-1252, as the
        // scorer reads every page that is not UTF-8 (byte 0xA4).
        "€" | "¤" | "EUR" => currency(Currency::Eur, 0, true),
        "EURO" | "Euro" => currency(Currency::Eur, 0, false),
        "Cent" => currency(Currency::Eur, -2, false),
        "DM" => currency(Currency::Dem, 0, true),
        "D-Mark" | "Mark" => currency(Currency::Dem, 0, false),
        w if w.starts_with("Deutsche") => currency(Currency::Dem, 0, false),
        "Milliarden" | "Milliarde" | "Mrd." | "Mrd" => Some(Anchor::Scale(9)),
        "Millionen" | "Million" | "Mio." | "Mio" | "Mill." => Some(Anchor::Scale(6)),
        "Tausend" | "Tsd." | "Tsd" => Some(Anchor::Scale(3)),
        _ => None,
    }
}

/// Finds amounts. Built once; holds its compiled patterns.
#[derive(Debug, Clone)]
pub struct AmountFinder {
    anchor: Regex,
    number_before: Regex,
    number_after: Regex,
    word_before: Regex,
    qualifier: Regex,
    range_low: Regex,
    period_after: Regex,
    period_before: Regex,
    counted_noun: Regex,
}

impl Default for AmountFinder {
    fn default() -> AmountFinder {
        AmountFinder::new()
    }
}

/// The lower end of a range right before an amount: "12 bis 15 Millionen Euro",
/// "zwischen 12 und 15 Millionen Euro", "1,2–1,5 Mio. €". The lower number takes
/// the upper one's scale, currency and period.
const RANGE_LOW: &str = r"(?x)
    (?: (?P<lead>zwischen|von) \s+ )?
    (?P<low> \d{1,3} (?: [.\u{A0}\u{202F}\x20] \d{3} )* (?: , \d+ )? | \d+ (?: , \d+ )? )
    \s* (?: bis | und | – | - ) \s* $";

/// Where an earlier amount of this region ended, so that a range's lower end
/// never reaches into it.
fn floor_before(facts: &[AmountFact], region: Span) -> usize {
    facts
        .last()
        .map_or(region.start, |f| f.quote.end.max(region.start))
}

/// Compiles one of the fixed patterns above.
#[allow(clippy::expect_used)] // Fixed patterns, compiled by every unit test: a failure is a bug in this file, not input.
fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("amount patterns are valid")
}

/// A number as written: digits without separators and how many of them are
/// decimals, so that scaling stays exact (`4.371,70` is 437170 × 10⁻²).
#[derive(Debug, Clone, Copy)]
struct Number {
    span: Span,
    mantissa: u64,
    decimals: i32,
}

impl AmountFinder {
    /// A finder with the default patterns.
    pub fn new() -> AmountFinder {
        AmountFinder {
            anchor: compile(ANCHOR),
            number_before: compile(NUMBER_BEFORE),
            number_after: compile(NUMBER_AFTER),
            word_before: compile(WORD_BEFORE),
            qualifier: compile(QUALIFIER),
            range_low: compile(RANGE_LOW),
            period_after: compile(PERIOD_AFTER),
            period_before: compile(PERIOD_BEFORE),
            counted_noun: compile(COUNTED_NOUN),
        }
    }

    /// Amounts within `region` of `text`, in text order.
    pub fn find(&self, text: &str, region: Span) -> Vec<AmountFact> {
        match region.slice(text) {
            Some(content) if !content.is_empty() => {}
            _ => return Vec::new(),
        }
        let anchors = self.anchors(text, region);
        let currencies: Vec<(usize, Currency)> = anchors
            .iter()
            .filter_map(|&(span, anchor)| match anchor {
                Anchor::Currency { currency, .. } => Some((span.start, currency)),
                Anchor::Scale(_) => None,
            })
            .collect();
        let mut facts = Vec::new();
        // Nothing of an amount may reach back before the end of the previous one.
        let mut floor = region.start;
        let mut i = 0;
        while i < anchors.len() {
            let (span, anchor) = anchors[i];
            i += 1;
            let found = match anchor {
                Anchor::Scale(scale) => {
                    let Some(number) = self.number_before(text, floor, span.start, true) else {
                        continue;
                    };
                    match anchors.get(i) {
                        Some(&(next, Anchor::Currency { currency, exp, .. }))
                            if exp == 0 && joined(text, span.end, next.start) =>
                        {
                            i += 1;
                            Some((number, scale, currency, next.end))
                        }
                        _ => self
                            .context_currency(text, &currencies, span)
                            .map(|currency| (number, scale, currency, span.end)),
                    }
                }
                Anchor::Currency {
                    currency,
                    exp,
                    prefix,
                } => {
                    if let Some(number) = self.number_before(text, floor, span.start, false) {
                        Some((number, exp, currency, span.end))
                    } else if prefix {
                        self.number_after(text, region, span).map(|mut number| {
                            number.span.start = span.start;
                            match anchors.get(i) {
                                Some(&(next, Anchor::Scale(scale)))
                                    if whitespace_only(text, number.span.end, next.start) =>
                                {
                                    i += 1;
                                    (number, scale, currency, next.end)
                                }
                                _ => (number, exp, currency, number.span.end),
                            }
                        })
                    } else {
                        None
                    }
                }
            };
            let Some((number, exp, currency, end)) = found else {
                continue;
            };
            let Some(value) = scaled(number.mantissa, exp - number.decimals) else {
                continue;
            };
            let start = self.qualifier_start(text, floor, number.span.start);
            let (end, period) = match self.period_after(text, region, end) {
                Some((period_end, period)) => (period_end, Some(period)),
                None => (end, self.period_before(text, floor, start)),
            };
            floor = end;
            // Anchors swallowed by the period phrase (`/Monat` has none, but keep safe).
            while anchors.get(i).is_some_and(|(s, _)| s.start < end) {
                i += 1;
            }
            if let Some(low) =
                self.range_low(text, floor_before(&facts, region), number.span.start, exp)
            {
                if let Some(quote) = Quote::new(text, Span::new(low.0, end)) {
                    facts.push(AmountFact {
                        value: low.1,
                        currency: currency.code().to_owned(),
                        period,
                        quote,
                    });
                }
            }
            if let Some(quote) = Quote::new(text, Span::new(start, end)) {
                facts.push(AmountFact {
                    value,
                    currency: currency.code().to_owned(),
                    period,
                    quote,
                });
            }
        }
        facts
    }

    /// Every currency and scale word in the region that stands as a word of its own.
    fn anchors(&self, text: &str, region: Span) -> Vec<(Span, Anchor)> {
        let hay = &text[..region.end];
        let mut out = Vec::new();
        let mut pos = region.start;
        while let Some(m) = self.anchor.find_at(hay, pos) {
            let glued = char_before(text, m.start()).is_some_and(char::is_alphabetic)
                || char_after(text, m.end()).is_some_and(char::is_alphabetic);
            if glued {
                // `Europa`, `Markt`, `Dänemark`: look again right after the start.
                pos = next_boundary(text, m.start());
                continue;
            }
            pos = m.end();
            if let Some(anchor) = classify_anchor(m.as_str()) {
                out.push((Span::new(m.start(), m.end()), anchor));
            }
        }
        out
    }

    /// The number that ends right before `pos` (digits or a number word), not
    /// reaching before `floor`. `ein`/`eine` counts only with `article_ok`: before a
    /// scale word it is a number (`eine Million`), before a currency an article.
    fn number_before(
        &self,
        text: &str,
        floor: usize,
        pos: usize,
        article_ok: bool,
    ) -> Option<Number> {
        let from = window_start(text, floor, pos, 48);
        let window = &text[from..pos];
        if let Some(num) = self
            .number_before
            .captures(window)
            .and_then(|c| c.name("num"))
        {
            let start = from + num.start();
            if char_before(text, start)
                .is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
            {
                return None;
            }
            let (mantissa, decimals) = parse_number(num.as_str())?;
            return Some(Number {
                span: Span::new(start, from + num.end()),
                mantissa,
                decimals,
            });
        }
        let word = self.word_before.captures(window)?.name("word")?;
        let (mantissa, decimals) = number_word(word.as_str())?;
        if !article_ok && mantissa == 1 && decimals == 0 {
            return None;
        }
        Some(Number {
            span: Span::new(from + word.start(), from + word.end()),
            mantissa,
            decimals,
        })
    }

    /// The number after a prefix currency at `span`.
    fn number_after(&self, text: &str, region: Span, span: Span) -> Option<Number> {
        let to = window_end(text, span.end, region.end, 48);
        let m = self.number_after.captures(&text[span.end..to])?;
        let whole = m.get(0)?;
        let num = m.name("num")?;
        let end = span.end + whole.end();
        let mut after = text[end..].chars();
        match (after.next(), after.next()) {
            (Some(c), _) if c.is_alphanumeric() => return None,
            (Some('.' | ','), Some(c)) if c.is_ascii_digit() => return None,
            _ => {}
        }
        let (mantissa, decimals) = parse_number(num.as_str())?;
        Some(Number {
            span: Span::new(span.end + num.start(), end),
            mantissa,
            decimals,
        })
    }

    /// The lower end of a range that ends at `number_start` ("12 bis" before "15
    /// Millionen Euro"): where its quote starts and its value at scale `exp`.
    fn range_low(
        &self,
        text: &str,
        floor: usize,
        number_start: usize,
        exp: i32,
    ) -> Option<(usize, f64)> {
        let from = window_start(text, floor, number_start, 40);
        let c = self.range_low.captures(&text[from..number_start])?;
        let low = c.name("low")?;
        if char_before(text, from + low.start())
            .is_some_and(|ch| ch.is_ascii_digit() || matches!(ch, '.' | ','))
        {
            return None;
        }
        let (mantissa, decimals) = parse_number(low.as_str())?;
        let value = scaled(mantissa, exp - decimals)?;
        let start = c.name("lead").map_or(low.start(), |l| l.start());
        Some((from + start, value))
    }

    /// Where the quote starts: at an approximation word before the number, if any.
    fn qualifier_start(&self, text: &str, floor: usize, number_start: usize) -> usize {
        let from = window_start(text, floor, number_start, 24);
        self.qualifier
            .captures(&text[from..number_start])
            .and_then(|c| c.name("q"))
            .map_or(number_start, |q| from + q.start())
    }

    /// A period phrase right after `end`, and where it ends.
    fn period_after(&self, text: &str, region: Span, end: usize) -> Option<(usize, Period)> {
        let to = window_end(text, end, region.end, 32);
        let c = self.period_after.captures(&text[end..to])?;
        let phrase_end = end + c.get(0)?.end();
        let next = char_after(text, phrase_end);
        if next.is_some_and(char::is_alphanumeric) {
            return None;
        }
        // `im Jahr 2010` names a year; `pro Jahr` is a period.
        if c.name("im").is_some()
            && text[phrase_end..]
                .trim_start()
                .starts_with(|ch: char| ch.is_ascii_digit())
        {
            return None;
        }
        let year = ["y1", "y2", "y3"].iter().any(|g| c.name(g).is_some());
        Some((phrase_end, if year { Period::Year } else { Period::Month }))
    }

    /// A period word earlier in the same clause, not before `floor`.
    fn period_before(&self, text: &str, floor: usize, start: usize) -> Option<Period> {
        let from = window_start(text, floor, start, 80);
        let c = self.period_before.captures(&text[from..start])?;
        Some(if c.name("y").is_some() {
            Period::Year
        } else {
            Period::Month
        })
    }

    /// The currency of a scaled number written without one (`rund 20 Millionen`):
    /// the nearest currency the region names before it, else after it; `None` when
    /// the region names none or a noun follows (`20 Millionen Einwohner`).
    fn context_currency(
        &self,
        text: &str,
        currencies: &[(usize, Currency)],
        scale: Span,
    ) -> Option<Currency> {
        let dotted = text[..scale.end].ends_with('.');
        if !dotted && self.counted_noun.is_match(&text[scale.end..]) {
            return None;
        }
        // `currencies` is in text order: the first one at or after the scale word
        // splits it into before and after.
        let split = currencies.partition_point(|&(start, _)| start < scale.start);
        let before = split.checked_sub(1).and_then(|i| currencies.get(i));
        before.or_else(|| currencies.get(split)).map(|&(_, c)| c)
    }
}

/// Digits and decimals of a number as written in German (`4.371,70`, `75 000`,
/// `1,2`), or English-style `1.5` where the dot cannot be a thousands dot.
fn parse_number(s: &str) -> Option<(u64, i32)> {
    let (int, frac) = match s.split_once(',') {
        Some((int, frac)) => (int, frac),
        None => match s.split_once('.') {
            Some((int, frac))
                if !s.split('.').skip(1).all(|g| g.len() == 3) && !frac.contains('.') =>
            {
                (int, frac)
            }
            _ => (s, ""),
        },
    };
    let digits: String = int
        .chars()
        .chain(frac.chars())
        .filter(char::is_ascii_digit)
        .collect();
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    Some((digits.parse().ok()?, i32::try_from(frac.len()).ok()?))
}

/// The value of a number word as mantissa and decimals.
fn number_word(word: &str) -> Option<(u64, i32)> {
    let lower = word.to_lowercase();
    let last = lower.split_whitespace().last()?;
    let value = match last {
        "halbe" | "halben" => return Some((5, 1)),
        "anderthalb" | "eineinhalb" => return Some((15, 1)),
        "zweieinhalb" => return Some((25, 1)),
        "dreieinhalb" => return Some((35, 1)),
        "ein" | "eine" | "einer" | "einen" | "einem" => 1,
        "zwei" => 2,
        "drei" => 3,
        "vier" => 4,
        "fünf" => 5,
        "sechs" => 6,
        "sieben" => 7,
        "acht" => 8,
        "neun" => 9,
        "zehn" => 10,
        "elf" => 11,
        "zwölf" => 12,
        "zwanzig" => 20,
        "dreißig" => 30,
        "vierzig" => 40,
        "fünfzig" => 50,
        "sechzig" => 60,
        "siebzig" => 70,
        "achtzig" => 80,
        "neunzig" => 90,
        "hundert" | "einhundert" => 100,
        "zweihundert" => 200,
        "dreihundert" => 300,
        "vierhundert" => 400,
        "fünfhundert" => 500,
        _ => return None,
    };
    Some((value, 0))
}

/// `mantissa × 10^exp`, computed with one correctly rounded operation.
fn scaled(mantissa: u64, exp: i32) -> Option<f64> {
    // Mantissas have at most 15 digits, so they are exact as f64.
    #[allow(clippy::cast_precision_loss)]
    let m = mantissa as f64;
    let factor = 10f64.powi(exp.abs());
    let value = if exp >= 0 { m * factor } else { m / factor };
    (value.is_finite() && value > 0.0).then_some(value)
}

/// Scale and currency belong together: nothing or white space or a hyphen between.
fn joined(text: &str, end: usize, next: usize) -> bool {
    text.get(end..next)
        .is_some_and(|gap| gap.len() <= 3 && (gap == "-" || gap.chars().all(char::is_whitespace)))
}

fn whitespace_only(text: &str, end: usize, next: usize) -> bool {
    text.get(end..next)
        .is_some_and(|gap| gap.len() <= 3 && gap.chars().all(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testcases::{run_cases, NamedCase};
    use proptest::prelude::*;
    use serde::Deserialize;
    use std::sync::OnceLock;

    /// One finder for all property cases: compiling per case would dominate the run.
    fn finder() -> &'static AmountFinder {
        static FINDER: OnceLock<AmountFinder> = OnceLock::new();
        FINDER.get_or_init(AmountFinder::new)
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Case {
        name: String,
        text: String,
        expect: Vec<Expected>,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Expected {
        value: f64,
        currency: String,
        period: Option<String>,
        text: String,
    }

    impl NamedCase for Case {
        fn name(&self) -> &str {
            &self.name
        }
    }

    fn period_name(p: Option<Period>) -> Option<String> {
        p.map(|p| match p {
            Period::Year => "year".to_owned(),
            Period::Month => "month".to_owned(),
        })
    }

    /// Facts lie in the region, in order, apart from one another, except that a
    /// range's lower end quotes the whole range and so holds its upper end.
    fn check_facts(text: &str, region: Span, facts: &[AmountFact]) -> Result<(), String> {
        let mut last_end = region.start;
        let mut last: Option<Span> = None;
        for f in facts {
            if text.get(f.quote.start..f.quote.end) != Some(f.quote.text.as_str()) {
                return Err(format!("quote {:?} does not slice to its text", f.quote));
            }
            let inside_range =
                last.is_some_and(|l| l.contains(f.quote.span()) && l.start < f.quote.start);
            if (f.quote.start < last_end && !inside_range) || f.quote.end > region.end {
                return Err(format!(
                    "fact {:?} overlaps, is out of order or leaves the region",
                    f.quote
                ));
            }
            if !(f.value.is_finite() && f.value > 0.0) {
                return Err(format!("value {} is not a positive amount", f.value));
            }
            last_end = f.quote.end;
            last = Some(f.quote.span());
        }
        Ok(())
    }

    #[test]
    fn case_file() {
        let finder = AmountFinder::new();
        run_cases(
            "amounts.toml",
            include_str!("../../testdata/cases/amounts.toml"),
            |c: &Case| {
                let region = Span::new(0, c.text.len());
                let facts = finder.find(&c.text, region);
                check_facts(&c.text, region, &facts)?;
                let got: Vec<Expected> = facts
                    .iter()
                    .map(|f| Expected {
                        value: f.value,
                        currency: f.currency.clone(),
                        period: period_name(f.period),
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
        let finder = AmountFinder::new();
        let text = "Es kostet 15.000 Euro. Dazu kommen 2 Millionen.";
        let second = text.find("Dazu").unwrap();
        // The second sentence alone names no currency.
        assert!(finder.find(text, Span::new(second, text.len())).is_empty());
        let both = finder.find(text, Span::new(0, text.len()));
        let values: Vec<f64> = both.iter().map(|f| f.value).collect();
        assert_eq!(values, [15000.0, 2_000_000.0]);
        // A region that cuts a number in two does not make a smaller amount of it.
        let cut = finder.find(text, Span::new(text.find("000").unwrap(), text.len()));
        let quoted: Vec<&str> = cut.iter().map(|f| f.quote.text.as_str()).collect();
        assert_eq!(quoted, ["2 Millionen"]);
        for bad in [Span::new(5, 2), Span::new(0, 999), Span::new(3, 3)] {
            assert!(finder.find(text, bad).is_empty());
        }
        assert!(
            finder.find("5 €", Span::new(0, 3)).is_empty(),
            "cuts € in two"
        );
    }

    #[test]
    fn is_send_sync_clone_debug() {
        fn assert_traits<T: Send + Sync + Clone + std::fmt::Debug>() {}
        assert_traits::<AmountFinder>();
    }

    #[test]
    fn values_are_exact() {
        assert_eq!(parse_number("4.371,70"), Some((437_170, 2)));
        assert_eq!(parse_number("75 000"), Some((75_000, 0)));
        assert_eq!(parse_number("1.5"), Some((15, 1)));
        assert_eq!(parse_number("1.500.000"), Some((1_500_000, 0)));
        assert_eq!(scaled(12, 5), Some(1_200_000.0));
        assert_eq!(scaled(437_170, -2), Some(4371.7));
    }

    /// `n` with dots between thousands groups, as German text writes it.
    fn with_dots(n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push('.');
            }
            out.push(ch);
        }
        out
    }

    proptest! {
        #[test]
        fn never_panics_and_quotes_exactly(
            text in "\\PC{0,80}|[0-9., €EuroMilnT-]{0,40}",
            a in 0usize..100,
            b in 0usize..100,
        ) {
            let finder = finder();
            let region = Span::new(a.min(b), a.max(b));
            let facts = finder.find(&text, region);
            if region.slice(&text).is_some() {
                prop_assert!(check_facts(&text, region, &facts).is_ok(), "{:?}", check_facts(&text, region, &facts));
            } else {
                prop_assert!(facts.is_empty());
            }
        }

        #[test]
        fn written_amounts_parse_back(
            whole in 1u64..1_000_000_000,
            cents in 0u64..100,
            style in 0usize..4,
        ) {
            let (written, value) = match style {
                0 => (format!("{} Euro", with_dots(whole)), whole as f64),
                1 => (format!("{},{cents:02} €", with_dots(whole)), (whole * 100 + cents) as f64 / 100.0),
                2 => (format!("EUR {}", with_dots(whole)), whole as f64),
                _ => {
                    let m = whole % 1000;
                    (format!("{m},{cents:02} Millionen Euro"), (m * 100 + cents) as f64 * 1e4)
                }
            };
            prop_assume!(value > 0.0);
            let text = format!("Der Landkreis zahlt {written} an den Zweckverband.");
            let facts = finder().find(&text, Span::new(0, text.len()));
            prop_assert_eq!(facts.len(), 1, "{:?}", facts);
            prop_assert_eq!(facts[0].value, value);
            prop_assert_eq!(&facts[0].quote.text, &written);
            prop_assert_eq!(facts[0].currency.as_str(), "EUR");
        }
    }
}
