//! Organisations named by their shape: authorities, providers, companies and
//! associations that no list knows.
//!
//! Job: within one content region, find names of organisations by the way German
//! names them, each as a [`FoundOrganisation`]: the mention as written (`span`, a byte
//! range of the original text inside the region), its canonical name and its
//! [`EntityKind`] (as in `gold/FORMAT.md`).
//!
//! The canonical name is the nominative: the head noun loses its genitive ending
//! ("des Zweckverbands X" → "Zweckverband X", "Ministeriums" → "Ministerium",
//! "Landkreistages" → "Landkreistag"), a leading adjective takes its strong
//! nominative ending ("des Thüringischen Landkreistages" → "Thüringischer
//! Landkreistag", "Sächsischen Staatsministeriums" → "Sächsisches Staatsministerium"),
//! white space is folded, soft hyphens and line-end hyphens are removed and HTML
//! character references resolved ("Th&uuml;ringer" → "Thüringer"); the span still
//! covers the raw bytes.
//!
//! Shapes found (a head noun, or a legal form, plus what makes it a name):
//! - authority: `Ministerium`, `Staats-`, `Landes-`, `Bundesministerium` with a
//!   portfolio (`für Inneres, Digitalisierung und Sport`, `der Finanzen`, `des Innern
//!   und für Sport`), optionally a Land adjective before (`Sächsisches`, `Thüringer`)
//!   and `des Landes X` or a Land name after; compounds such as `Innenministerium`
//!   with a Land adjective or Land name (`Bundes…ministerium` alone);
//!   `Senatsverwaltung für …`, `Senator`/`Senatorin für …`, `Behörde für …`,
//!   `Senatskanzlei`, `Staatskanzlei`, `Finanzbehörde X` / `Hamburger Finanzbehörde`,
//!   `Bezirksregierung X`, `Regierungspräsidium X`, `…direktion X` or a paired
//!   `Aufsichts- und Dienstleistungsdirektion`, `Bezirksamt X` (of a district of
//!   Hamburg or Berlin), `Regierung von X` (a Bavarian region), `Vergabekammer X`,
//!   `Landes-`/`Bundesrechnungshof`, `Rechnungshof X`, `Landes…amt` with a Land
//!   adjective or Land name (`Thüringer Landesverwaltungsamt`, `Landeskriminalamt
//!   Sachsen`), `Bundes…amt` and `…-Bundesamt` alone (`Kraftfahrt-Bundesamt`),
//!   `Landesamt`/`Bundesamt`/`Landesanstalt`/`Bundesanstalt für …` (also `in der …`:
//!   "Bundesamt für Sicherheit in der Informationstechnik"). A Land after a head
//!   may stand in the genitive with its article: `des Landes X`, `des Freistaates X`,
//!   `des Saarlandes`, `der Freien Hansestadt Bremen`;
//! - provider: `Zweckverband X`, `Eigenbetrieb X`, `Kommunalunternehmen X`,
//!   `Landesbetrieb X`, `Anstalt für … (in Bayern)`, `X AöR`, `Kommunales
//!   Rechenzentrum X`, `Gebiets-`/`Landesrechenzentrum X`, `(IT-)Dienstleistungszentrum
//!   X`, `Datenzentrale X`, `IT-Verbund X`; a company name whose words say it is public (`Kommunal…`,
//!   `Landes…`, `Stadt…`, `…datenverarbeitung…`) is a provider too;
//! - company: names ending in `GmbH`, `gGmbH`, `mbH`, `AG`, `SE`, `KG`, `KGaA`, `UG`,
//!   `eG`, `GmbH & Co. KG`; `Stadtwerke X` / `Ulmer Stadtwerke`;
//! - association: `X e.V.`; `Verband …`, `Bundesverband …` and other `…verband`
//!   with a name (`Verband kommunaler Unternehmen`, `Verband der …`); `Landkreistag`,
//!   `Städtetag`, `Gemeindetag`, `Städte- und Gemeindebund`, `Gemeinde- und
//!   Städtebund` with a Land adjective (`Deutscher`, `Thüringischer`) or a place
//!   after (`Städtetag Baden-Württemberg`).
//!
//! Deliberately NOT matched: a head without a name ("das Ministerium", "der
//! Zweckverband", "dem Verband", "die Stadtwerke", "das Innenministerium"); plurals
//! ("Senatsverwaltungen", "Zweckverbände"); a legal form without a name before it
//! ("die AG Digitales"); a legal form used as a description ("eine Anstalt des
//! öffentlichen Rechts"); `Landratsamt` and `Kreisverwaltung` (they stand for their
//! district, which the gazetteer finds); descriptions before a company name ("die
//! Firma", "der IT-Dienstleister", "die städtische"); roles ("Finanzsenator",
//! "Geschäftsführer"). Names of any length are cut at eight words; a name part joined by
//! `der`/`des` inside a company name ("Arbeitsgemeinschaft der … e.V.") is not
//! followed, so such names come out short or not at all. A name never crosses a
//! paragraph break, a line break after a short line (headings, lists, addresses) or
//! a word before a colon ("Status:"). Which mentions are also
//! gazetteer names, or boilerplate, is the caller's business.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::normalize::{dash_join, is_dash, is_invisible, tag_length, tidy};
use crate::record::EntityKind;
use crate::span::Span;

/// An organisation named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundOrganisation {
    /// The mention as written: a byte range of the original text.
    pub span: Span,
    /// The canonical (nominative, tidied) name.
    pub name: String,
    /// What sort of organisation it is.
    pub kind: EntityKind,
}

/// Stems whose presence makes a region worth scanning (ASCII case-insensitive).
/// Every head noun below contains one of them.
const HEAD_TRIGGERS: &[&str] = &[
    "ministeri",
    "senat",
    "kanzlei",
    "beh",
    "regierung",
    "rechnungshof",
    "amt",
    "anstalt",
    "verband",
    "betrieb",
    "unternehmen",
    "stadtwerke",
    "kreistag",
    "dtetag",
    "meindetag",
    "ebund",
    "rechenzentrum",
    "leistungszentrum",
    "datenzentrale",
    "verbund",
    "direktion",
    "vergabekammer",
];

/// Legal forms (case-sensitive): a region without any holds no company name.
const LEGAL_TRIGGERS: &[&str] = &[
    "mbH", "AG", "SE", "KG", "UG", "eG", "AöR", "A&ouml;R", "e.V", "e. V",
];

/// Finds organisations by shape. Built once; holds its compiled automata.
#[derive(Debug, Clone)]
pub struct OrganisationFinder {
    heads: AhoCorasick,
    legal: AhoCorasick,
}

impl Default for OrganisationFinder {
    fn default() -> OrganisationFinder {
        OrganisationFinder::new()
    }
}

/// Builds one of the fixed trigger automata above.
#[allow(
    clippy::expect_used,
    reason = "fixed patterns, built by every unit test: a failure is a bug in this file, not input"
)]
fn automaton(patterns: &[&str], case_insensitive: bool) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(case_insensitive)
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .expect("organisation triggers are valid")
}

impl OrganisationFinder {
    /// A finder with the built-in shapes.
    pub fn new() -> OrganisationFinder {
        OrganisationFinder {
            heads: automaton(HEAD_TRIGGERS, true),
            legal: automaton(LEGAL_TRIGGERS, false),
        }
    }

    /// Organisations named by shape within `region` of `text` (a content paragraph),
    /// in text order, never overlapping (the longer reading wins). An empty,
    /// out-of-range or mis-cut region gives nothing.
    pub fn find(&self, text: &str, region: Span) -> Vec<FoundOrganisation> {
        let Some(content) = region.slice(text) else {
            return Vec::new();
        };
        if content.is_empty() || !(self.heads.is_match(content) || self.legal.is_match(content)) {
            return Vec::new();
        }
        let view = View::build(text, region);
        let scan = Scan::new(&view.text);
        // Every head contains a trigger: only words holding one are tried as heads.
        let mut may_head = vec![false; scan.toks.len()];
        for m in self.heads.find_iter(&view.text) {
            let i = scan.toks.partition_point(|t| t.end <= m.start());
            if let Some(flag) = may_head.get_mut(i) {
                *flag = true;
            }
        }
        let mut found = Vec::new();
        for (i, (tok, &head)) in scan.toks.iter().zip(&may_head).enumerate() {
            if !tok.word {
                continue;
            }
            if head {
                found.extend(scan.headed(i));
            }
            found.extend(scan.legal_form(i));
        }
        // Longest first, then keep what does not overlap what is kept.
        found.sort_by(|a, b| {
            (b.last - b.first)
                .cmp(&(a.last - a.first))
                .then(a.first.cmp(&b.first))
        });
        let mut kept: Vec<Candidate> = Vec::new();
        for c in found {
            if kept.iter().all(|k| c.last < k.first || k.last < c.first) {
                kept.push(c);
            }
        }
        kept.sort_by_key(|c| c.first);
        kept.into_iter()
            .filter_map(|c| {
                let start = scan.toks.get(c.first)?.start;
                let end = scan.toks.get(c.last)?.end;
                let span = view.original(start, end)?;
                (region.contains(span) && span.slice(text).is_some()).then_some(FoundOrganisation {
                    span,
                    name: c.name,
                    kind: c.kind,
                })
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------
// The view: the region with references resolved, invisible characters dropped and
// hyphenated words rejoined; every byte knows the original bytes it came from.

struct View {
    text: String,
    origin: Vec<(usize, usize)>,
}

impl View {
    fn build(original: &str, region: Span) -> View {
        let content = region.slice(original).unwrap_or("");
        let mut view = View {
            text: String::with_capacity(content.len()),
            origin: Vec::with_capacity(content.len()),
        };
        let mut pos = region.start;
        while pos < region.end {
            // The common case, decided on the byte alone: runs of ASCII that
            // needs no rule below (in German prose, the words between umlauts).
            let run = content.as_bytes()[pos - region.start..]
                .iter()
                .take_while(|&&b| b.is_ascii() && !matches!(b, b'&' | b'<' | b'-'))
                .count();
            if run > 0 {
                let from = pos - region.start;
                view.text.push_str(&content[from..from + run]);
                view.origin.extend((pos..pos + run).map(|p| (p, p + 1)));
                pos += run;
                continue;
            }
            let Some(c) = content[pos - region.start..].chars().next() else {
                break;
            };
            let end = pos + c.len_utf8();
            if c == '&' {
                if let Some((decoded, len)) = crate::html::char_reference_at(original, pos) {
                    if pos + len <= region.end {
                        view.push(decoded, pos, pos + len);
                        pos += len;
                        continue;
                    }
                }
            }
            if c == '<' {
                if let Some(len) = tag_length(content, pos - region.start) {
                    // A tag separates like a line break.
                    view.push('\n', pos, pos + len);
                    pos += len;
                    continue;
                }
            }
            if is_dash(c) {
                let after_dash = &content[end - region.start..];
                if let Some(join) = dash_join(&view.text, after_dash) {
                    if join.keeps_dash {
                        view.push('-', pos, end);
                    }
                    pos = end + join.skip;
                    continue;
                }
            }
            if !is_invisible(c) {
                view.push(c, pos, end);
            }
            pos = end;
        }
        view
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        for _ in 0..c.len_utf8() {
            self.origin.push((start, end));
        }
        self.text.push(c);
    }

    /// The original span of view bytes `start..end`.
    fn original(&self, start: usize, end: usize) -> Option<Span> {
        if start >= end {
            return None;
        }
        let first = self.origin.get(start)?;
        let last = self.origin.get(end - 1)?;
        Some(Span::new(first.0, last.1))
    }
}

// ---------------------------------------------------------------------------
// Tokens of the view.

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    /// A word (letters, digits, `@`, inner `-` and `.`); otherwise one punctuation
    /// character.
    word: bool,
    /// A paragraph break (two line breaks or more, or one after a short line), or
    /// a gap between a line's fields, lies before this token.
    broken: bool,
}

/// A line at least this many characters long, followed by a single line break, is
/// hard-wrapped running text: a name may go on on the next line. After a shorter
/// line (a heading, a list item, an address) the next line starts afresh.
const WRAPPED_LINE: usize = 40;

/// Spaces in a row that set a line's fields apart (a letterhead's sender and
/// "Pressemitteilung"), wider than a justified line stretches its gaps.
const FIELD_GAP: usize = 5;

fn tokenize(text: &str) -> Vec<Tok> {
    // The character at byte `p`; ASCII, the most of any text, without decoding.
    let at = |p: usize| match text.as_bytes().get(p) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(p..).and_then(|rest| rest.chars().next()),
        None => None,
    };
    let is_core = |c: char| c.is_alphanumeric() || c == '@';
    let mut toks = Vec::new();
    let mut newlines = 0;
    // Characters of the current line, and of the line before the last break.
    let mut line_chars = 0;
    let mut line_before = 0;
    // White space in a row since the last token of the line (indentation is no
    // gap), a tab counting as a field gap.
    let mut gap = 0;
    let mut line_started = false;
    let mut p = 0;
    while let Some(c) = at(p) {
        if c.is_whitespace() {
            if c == '\n' {
                newlines += 1;
                line_before = line_chars;
                line_chars = 0;
                gap = 0;
                line_started = false;
            } else {
                line_chars += 1;
                if line_started {
                    gap += if c == '\t' { FIELD_GAP } else { 1 };
                }
            }
            p += c.len_utf8();
            continue;
        }
        let start = p;
        let mut count = 1;
        p += c.len_utf8();
        if is_core(c) {
            while let Some(c) = at(p) {
                let after = p + c.len_utf8();
                if is_core(c) || (matches!(c, '-' | '.') && at(after).is_some_and(is_core)) {
                    p = after;
                    count += 1;
                } else if c == '-' && elliptic_dash(&text[after..]) {
                    // "Städte- und Gemeindebund": the dash belongs to the word.
                    p = after;
                    count += 1;
                    break;
                } else {
                    break;
                }
            }
        }
        toks.push(Tok {
            start,
            end: p,
            word: is_core(c),
            broken: newlines >= 2
                || newlines == 1 && line_before < WRAPPED_LINE
                || gap >= FIELD_GAP
                || toks.is_empty(),
        });
        line_chars += count;
        newlines = 0;
        gap = 0;
        line_started = true;
    }
    toks
}

/// Whether the text after a dash goes on with spaces and a conjunction, so that
/// the dash ends the first half of an elliptical compound.
fn elliptic_dash(after_dash: &str) -> bool {
    let rest = after_dash.trim_start_matches(' ');
    if rest.len() == after_dash.len() {
        return false;
    }
    let word_end = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(k, _)| k);
    matches!(&rest[..word_end], "und" | "oder" | "bzw")
}

// ---------------------------------------------------------------------------
// Word classes. German lives in these tables; they are shapes of the language, not
// of any article.

/// Capitalised words that begin sentences or phrases but never a name.
const STOP_CAPS: &[&str] = &[
    "Ab",
    "Aber",
    "Alle",
    "Allerdings",
    "Als",
    "Am",
    "An",
    "Anfang",
    "Auch",
    "Auf",
    "Aus",
    "Außer",
    "Außerdem",
    "Bei",
    "Beide",
    "Beim",
    "Bereits",
    "Bis",
    "Bisher",
    "Bislang",
    "Da",
    "Dabei",
    "Dafür",
    "Daher",
    "Damit",
    "Danach",
    "Dann",
    "Darüber",
    "Das",
    "Dass",
    "Dazu",
    "Dem",
    "Den",
    "Denn",
    "Der",
    "Des",
    "Deshalb",
    "Die",
    "Dies",
    "Diese",
    "Diesem",
    "Diesen",
    "Dieser",
    "Dieses",
    "Doch",
    "Dort",
    "Durch",
    "Ebenfalls",
    "Ein",
    "Eine",
    "Einem",
    "Einen",
    "Einer",
    "Eines",
    "Ende",
    "Er",
    "Erst",
    "Es",
    "Etwa",
    "Euro",
    "Fax",
    "Für",
    "Gegen",
    "Gemäß",
    "Gestern",
    "Heute",
    "Hier",
    "Ich",
    "Ihr",
    "Ihre",
    "Im",
    "Immer",
    "In",
    "Ins",
    "Insgesamt",
    "Jede",
    "Jeder",
    "Jedes",
    "Jedoch",
    "Jetzt",
    "Kein",
    "Keine",
    "Künftig",
    "Laut",
    "Man",
    "Mehr",
    "Milliarden",
    "Million",
    "Millionen",
    "Mit",
    "Mitte",
    "Morgen",
    "Nach",
    "Neben",
    "Noch",
    "Nun",
    "Nur",
    "Ob",
    "Obwohl",
    "Oder",
    "Ohne",
    "Prozent",
    "Rund",
    "Schon",
    "Sein",
    "Seine",
    "Seit",
    "Sie",
    "So",
    "Somit",
    "Sondern",
    "Sowie",
    "Tel",
    "Telefon",
    "Trotzdem",
    "Um",
    "Und",
    "Unser",
    "Unsere",
    "Unter",
    "Viele",
    "Vom",
    "Von",
    "Vor",
    "Während",
    "Weil",
    "Wenn",
    "Wie",
    "Wieder",
    "Wir",
    "Zu",
    "Zudem",
    "Zugleich",
    "Zuletzt",
    "Zum",
    "Zunächst",
    "Zur",
    "Zwischen",
    "Über",
    // months and weekdays
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
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
];

/// Nouns that describe or relate an organisation, and so end (or never start) its
/// name: "die Firma X GmbH", "wird Mitglied", "Kunden der".
const DESCRIPTORS: &[&str] = &[
    "Agentur",
    "Anbieter",
    "Aufgaben",
    "Beschäftigte",
    "Digitalagentur",
    "Firma",
    "Frau",
    "Gesellschafter",
    "Gesellschafterin",
    "Herr",
    "Internetagentur",
    "Konzern",
    "Kunde",
    "Kunden",
    "Logo",
    "Mitarbeiter",
    "Mitglied",
    "Mitglieder",
    "Partner",
    "Sitz",
    "Softwarefirma",
    "Softwarehaus",
    "Tochter",
    "Träger",
    "Unternehmen",
    "Werbeagentur",
];

/// Endings of descriptor compounds ("IT-Dienstleister", "Tochtergesellschaft").
const DESCRIPTOR_ENDINGS: &[&str] = &[
    "dienstleister",
    "anbieter",
    "gesellschaft",
    "unternehmen",
    "konzern",
    "hersteller",
];

/// Endings of role nouns: a person, not an organisation.
const ROLE_ENDINGS: &[&str] = &[
    "meister",
    "meisterin",
    "landrat",
    "landrätin",
    "minister",
    "ministerin",
    "sekretär",
    "sekretärin",
    "führer",
    "führerin",
    "präsident",
    "präsidentin",
    "leiter",
    "leiterin",
    "sprecher",
    "sprecherin",
    "vorsitzende",
    "vorsitzender",
    "direktor",
    "direktorin",
    "vorsteher",
    "vorsteherin",
    "dezernent",
    "dezernentin",
    "referent",
    "referentin",
    "beauftragte",
    "beauftragter",
    "chef",
    "chefin",
    "stadtrat",
    "staatsrat",
];

/// Nouns of places and bodies the gazetteer names: they end a portfolio or a name.
const PLACE_NOUNS: &[&str] = &[
    "Bezirk",
    "Gemeinde",
    "Hansestadt",
    "Hauptstadt",
    "Kreis",
    "Landeshauptstadt",
    "Landkreis",
    "Stadt",
];

/// The Länder, by name and common abbreviation.
const LANDS: &[&str] = &[
    "Baden-Württemberg",
    "Bayern",
    "Berlin",
    "Brandenburg",
    "Bremen",
    "Hamburg",
    "Hessen",
    "M-V",
    "Mecklenburg-Vorpommern",
    "NRW",
    "Niedersachsen",
    "Nordrhein-Westfalen",
    "Rheinland-Pfalz",
    "Saarland",
    "Sachsen",
    "Sachsen-Anhalt",
    "Schleswig-Holstein",
    "Thüringen",
];

/// Bavaria's administrative regions, each governed by a "Regierung von …".
const BAVARIAN_REGIONS: &[&str] = &[
    "Oberbayern",
    "Niederbayern",
    "Oberpfalz",
    "Oberfranken",
    "Mittelfranken",
    "Unterfranken",
    "Schwaben",
];

/// Lower-case words that are never a brand name ("der Zweckverband soll").
const FUNCTION_WORDS: &[&str] = &[
    "ab", "als", "also", "am", "an", "auch", "auf", "aus", "bald", "bei", "beim", "bis", "da",
    "dabei", "dafür", "damit", "dann", "dazu", "doch", "dort", "durch", "etwa", "für", "gut",
    "hier", "hierzu", "im", "in", "ins", "ja", "jedoch", "jetzt", "kaum", "mehr", "mit", "nach",
    "neu", "noch", "nur", "ob", "ohne", "rund", "schon", "sehr", "sich", "so", "über", "um",
    "unter", "vom", "von", "vor", "wie", "wo", "wohl", "zu", "zudem", "zum", "zur",
];

fn first_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn first_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

fn is_role(w: &str) -> bool {
    let l = w.to_lowercase();
    ROLE_ENDINGS.iter().any(|e| l.ends_with(e))
}

fn is_descriptor(w: &str) -> bool {
    let l = w.to_lowercase();
    DESCRIPTORS.contains(&w) || DESCRIPTOR_ENDINGS.iter().any(|e| l.ends_with(e))
}

/// A word that may stand in a name: capitalised and none of the words above, or a
/// brand (digits, `@`, inner capitals: "ekom21", "it@M", "eGo-Saar").
fn is_name_word(w: &str) -> bool {
    if LEGAL_FORMS.contains(&w) {
        return false;
    }
    if is_brand(w) {
        return true;
    }
    first_upper(w)
        && w.chars().any(char::is_alphabetic)
        && !STOP_CAPS.contains(&w)
        && !PLACE_NOUNS.contains(&w)
        && !is_role(w)
        && !is_descriptor(w)
}

/// Digits with letters, `@`, or a lower-case start with a capital inside.
fn is_brand(w: &str) -> bool {
    let letters = w.chars().any(char::is_alphabetic);
    let digits = w.chars().any(|c| c.is_ascii_digit());
    letters
        && (digits
            || w.contains('@')
            || (first_lower(w) && w.chars().skip(1).any(char::is_uppercase)))
}

/// Two capitals or more and no lower-case letter: "KISA", "IT-DLZ".
fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_uppercase()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// An all-lower-case word that can only be a brand ("civitec", "adesso"): no
/// function word, and none of the endings of German inflection.
fn is_plain_brand(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "e", "en", "em", "er", "es", "t", "st", "n", "s", "m", "l", "ig", "ich", "isch", "ung",
        "d", "r",
    ];
    w.chars().count() >= 4
        && w.chars().all(|c| c.is_lowercase() || c == '-')
        && !FUNCTION_WORDS.contains(&w)
        && !ENDINGS.iter().any(|e| w.ends_with(e))
}

/// How a capitalised adjective before a head behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Adjective<'w> {
    /// Takes case endings ("Sächsisch-es"); holds the stem.
    Inflecting(&'w str),
    /// A place adjective in "-er" ("Thüringer", "Hamburger"): never changes.
    Invariant,
}

const ADJECTIVE_ENDINGS: &[&str] = &["es", "er", "en", "em", "e"];

/// `w` as a capitalised adjective, if it is one.
fn adjective(w: &str) -> Option<Adjective<'_>> {
    if !first_upper(w) || !w.chars().all(|c| c.is_alphabetic() || c == '-') {
        return None;
    }
    for ending in ADJECTIVE_ENDINGS {
        if let Some(stem) = w.strip_suffix(ending) {
            if ["sch", "al", "lich"].iter().any(|s| stem.ends_with(s)) {
                return Some(Adjective::Inflecting(stem));
            }
        }
    }
    (w.ends_with("er")
        && w.chars().count() >= 5
        && !STOP_CAPS.contains(&w)
        && !is_role(w)
        && !is_descriptor(w))
    .then_some(Adjective::Invariant)
}

/// A lower-case attributive adjective inside a portfolio or name ("ländliche",
/// "saarländische", "kommunaler"); no article or pronoun.
fn lower_adjective(w: &str) -> bool {
    const NOT: &[&str] = &[
        "alle", "andere", "anderen", "beide", "beiden", "diese", "dieser", "diesem", "diesen",
        "eine", "einer", "einem", "einen", "eines", "ihre", "ihrer", "ihren", "jede", "jeder",
        "keine", "keiner", "seine", "seiner", "seinen", "unsere", "unserer", "welche", "sowie",
        "aber", "oder", "immer", "wieder", "weiter", "unter", "hinter", "über", "oben", "eben",
        "neben", "haben", "werden", "wurden", "sollen", "können", "müssen",
    ];
    w.chars().count() >= 4
        && w.chars().all(|c| c.is_lowercase() || c == '-')
        && !NOT.contains(&w)
        && ADJECTIVE_ENDINGS.iter().any(|e| w.ends_with(e))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Masculine,
    Feminine,
    Neuter,
    Plural,
}

/// The strong nominative of an adjective before a head of `gender`.
fn nominative_adjective(word: &str, adjective: Adjective<'_>, gender: Gender) -> String {
    match adjective {
        Adjective::Invariant => word.to_owned(),
        Adjective::Inflecting(stem) => {
            let ending = match gender {
                Gender::Masculine => "er",
                Gender::Neuter => "es",
                Gender::Feminine | Gender::Plural => "e",
            };
            format!("{stem}{ending}")
        }
    }
}

// ---------------------------------------------------------------------------
// Head nouns.

/// What a head needs after (or before) it to be a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Needs {
    /// Complete alone ("Senatskanzlei", "Landesrechnungshof").
    Nothing,
    /// A portfolio: "für …", "der …", "des …".
    Portfolio,
    /// An adjective before or a place after ("Thüringer Landesverwaltungsamt",
    /// "Bezirksregierung Köln").
    Qualifier,
    /// Both an adjective before and a place after ("Kommunales Rechenzentrum X").
    AdjectiveAndPlace,
    /// A place after ("Regierung von Schwaben"), whatever stands before.
    Place,
    /// A qualifier, or the first half of a paired compound before it
    /// ("Aufsichts- und Dienstleistungsdirektion").
    QualifierOrPair,
    /// Name words after ("Zweckverband KISA").
    Name,
}

/// Which words may follow a head as its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// No place follows.
    None,
    /// Only a Land ("Innenministerium Sachsen-Anhalt").
    Land,
    /// Any capitalised name ("Bezirksregierung Arnsberg").
    Any,
    /// "von" and a Bavarian administrative region ("Regierung von Oberfranken").
    Region,
}

#[derive(Debug, Clone, Copy)]
struct Head {
    kind: EntityKind,
    gender: Gender,
    needs: Needs,
    place: Place,
}

const fn head(kind: EntityKind, gender: Gender, needs: Needs, place: Place) -> Head {
    Head {
        kind,
        gender,
        needs,
        place,
    }
}

/// The head a nominative word stands for, if any.
fn classify(word: &str) -> Option<Head> {
    use EntityKind::{Association, Authority, Company, Provider};
    use Gender::{Feminine as F, Masculine as M, Neuter as N, Plural as P};
    let l = word.to_lowercase();
    let h = match l.as_str() {
        "ministerium" | "staatsministerium" | "landesministerium" | "bundesministerium" => {
            head(Authority, N, Needs::Portfolio, Place::Land)
        }
        "senatsverwaltung" => head(Authority, F, Needs::Portfolio, Place::None),
        "senator" => head(Authority, M, Needs::Portfolio, Place::None),
        "senatorin" => head(Authority, F, Needs::Portfolio, Place::None),
        "behörde" => head(Authority, F, Needs::Portfolio, Place::None),
        "senatskanzlei" | "staatskanzlei" => head(Authority, F, Needs::Nothing, Place::Land),
        "finanzbehörde" | "bezirksregierung" => head(Authority, F, Needs::Qualifier, Place::Any),
        "regierungspräsidium" | "bezirksamt" => head(Authority, N, Needs::Qualifier, Place::Any),
        "landesrechnungshof" | "bundesrechnungshof" => {
            head(Authority, M, Needs::Nothing, Place::Land)
        }
        "rechnungshof" => head(Authority, M, Needs::Qualifier, Place::Land),
        "landesverwaltungsamt" => head(Authority, N, Needs::Qualifier, Place::Land),
        "landesdirektion" => head(Authority, F, Needs::Qualifier, Place::Land),
        // "Polizeidirektion Görlitz", "Struktur- und Genehmigungsdirektion Süd".
        _ if l.len() > "direktion".len() && l.ends_with("direktion") => {
            head(Authority, F, Needs::QualifierOrPair, Place::Any)
        }
        "regierung" => head(Authority, F, Needs::Place, Place::Region),
        "vergabekammer" => head(Authority, F, Needs::Qualifier, Place::Any),
        "landesamt" | "bundesamt" => head(Authority, N, Needs::Portfolio, Place::Land),
        // "Landeskriminalamt Thüringen", "Bundeskartellamt", "Kraftfahrt-Bundesamt".
        _ if l.starts_with("landes") && l.ends_with("amt") => {
            head(Authority, N, Needs::Qualifier, Place::Land)
        }
        _ if (l.starts_with("bundes") || l.contains("-bundes")) && l.ends_with("amt") => {
            head(Authority, N, Needs::Nothing, Place::None)
        }
        "landesanstalt" | "bundesanstalt" => head(Authority, F, Needs::Portfolio, Place::Land),
        "anstalt" => head(Provider, F, Needs::Portfolio, Place::Land),
        "zweckverband" | "eigenbetrieb" | "landesbetrieb" => {
            head(Provider, M, Needs::Name, Place::None)
        }
        "kommunalunternehmen" => head(Provider, N, Needs::Name, Place::None),
        "rechenzentrum" => head(Provider, N, Needs::AdjectiveAndPlace, Place::Any),
        "gebietsrechenzentrum"
        | "landesrechenzentrum"
        | "dienstleistungszentrum"
        | "it-dienstleistungszentrum" => head(Provider, N, Needs::Qualifier, Place::Any),
        "datenzentrale" => head(Provider, F, Needs::Qualifier, Place::Any),
        "it-verbund" => head(Provider, M, Needs::Qualifier, Place::Any),
        "stadtwerke" => head(Company, P, Needs::Qualifier, Place::Any),
        "landkreistag" | "städtetag" | "gemeindetag" | "städtebund" | "gemeindebund" => {
            head(Association, M, Needs::Qualifier, Place::Any)
        }
        "verband" | "bundesverband" | "landesverband" | "branchenverband" | "fachverband"
        | "spitzenverband" | "dachverband" | "digitalverband" => {
            head(Association, M, Needs::Name, Place::None)
        }
        _ if l.len() > "ministerium".len() && l.ends_with("ministerium") => {
            if l.starts_with("bundes") {
                head(Authority, N, Needs::Nothing, Place::None)
            } else {
                head(Authority, N, Needs::Qualifier, Place::Land)
            }
        }
        _ => return None,
    };
    Some(h)
}

/// The head `word` is (nominative or genitive in `-s`/`-es`), with its nominative.
fn head_of(word: &str) -> Option<(Head, &str)> {
    if !first_upper(word) {
        return None;
    }
    let forms = [Some(word), word.strip_suffix("es"), word.strip_suffix('s')];
    forms
        .into_iter()
        .flatten()
        .find_map(|f| classify(f).map(|h| (h, f)))
}

// ---------------------------------------------------------------------------
// Scanning.

/// A found name as a range of tokens.
#[derive(Debug, Clone)]
struct Candidate {
    first: usize,
    last: usize,
    name: String,
    kind: EntityKind,
}

struct Scan<'v> {
    text: &'v str,
    toks: Vec<Tok>,
}

/// At most this many words follow a head as its name or portfolio.
const MAX_WORDS: usize = 8;

impl<'v> Scan<'v> {
    fn new(text: &'v str) -> Scan<'v> {
        Scan {
            text,
            toks: tokenize(text),
        }
    }

    fn tok_text(&self, i: usize) -> &'v str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// The word at `i`, when `i` is a word joined to `i - 1` (no paragraph break).
    fn word(&self, i: usize) -> Option<&'v str> {
        let t = self.toks.get(i)?;
        t.word.then(|| self.tok_text(i))
    }

    /// The word at `i` when it continues the phrase ending at `i - 1`.
    fn next_word(&self, i: usize) -> Option<&'v str> {
        let t = self.toks.get(i)?;
        (t.word && !t.broken).then(|| self.tok_text(i))
    }

    /// The punctuation character at `i` when it continues the phrase.
    fn next_punct(&self, i: usize) -> Option<char> {
        let t = self.toks.get(i)?;
        if t.word || t.broken {
            return None;
        }
        self.tok_text(i).chars().next()
    }

    /// Whether token `i` is joined to the token before it.
    fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.broken)
    }

    /// View text from token `a` to token `b` (inclusive).
    fn between(&self, a: usize, b: usize) -> &'v str {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => self.text.get(x.start..y.end).unwrap_or(""),
            _ => "",
        }
    }

    /// View text after token `a` up to and including token `b` ("" when `b <= a`).
    fn after(&self, a: usize, b: usize) -> &'v str {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) if b > a => self.text.get(x.end..y.end).unwrap_or(""),
            _ => "",
        }
    }

    /// An organisation whose head noun is the word at `i`.
    fn headed(&self, i: usize) -> Option<Candidate> {
        let word = self.word(i)?;
        let (head, nominative) = head_of(word)?;
        // "Städte- und Gemeindebund": the first half joins the head.
        let mut first = i;
        if i >= 2
            && self.joined(i)
            && self.joined(i - 1)
            && matches!(self.word(i - 1), Some("und" | "oder"))
            && self
                .word(i - 2)
                .is_some_and(|w| w.ends_with('-') && first_upper(w))
        {
            first = i - 2;
        }
        let adjective = if head.needs == Needs::Name || first == 0 || !self.joined(first) {
            None
        } else {
            self.word(first - 1)
                .and_then(|w| adjective(w).map(|a| (first - 1, w, a)))
        };
        let (last, satisfied) = match head.needs {
            Needs::Name => match self.name_after(i, head.kind) {
                Some(end) => (end, true),
                None => (i, false),
            },
            Needs::Portfolio => match self.portfolio(i, head.kind) {
                Some(end) => (self.place_after(end, head.place).unwrap_or(end), true),
                None => (i, false),
            },
            Needs::Nothing => (self.place_after(i, head.place).unwrap_or(i), true),
            Needs::Qualifier => match self.place_after(i, head.place) {
                Some(end) => (end, true),
                None => (i, adjective.is_some()),
            },
            Needs::AdjectiveAndPlace => match self.place_after(i, head.place) {
                Some(end) => (end, adjective.is_some()),
                None => (i, false),
            },
            Needs::QualifierOrPair => match self.place_after(i, head.place) {
                Some(end) => (end, true),
                None => (i, adjective.is_some() || first < i),
            },
            Needs::Place => match self.place_after(i, head.place) {
                Some(end) => (end, true),
                None => (i, false),
            },
        };
        if !satisfied {
            return None;
        }
        let mut name = String::new();
        let start = match adjective {
            Some((k, w, a)) => {
                name.push_str(&nominative_adjective(w, a, head.gender));
                name.push(' ');
                k
            }
            None => first,
        };
        if first < i {
            name.push_str(self.between(first, i - 1));
            name.push(' ');
        }
        name.push_str(nominative);
        name.push_str(self.after(i, last));
        Some(Candidate {
            first: start,
            last,
            name: tidy(&name),
            kind: head.kind,
        })
    }

    /// The last token of a name after the head at `h`, if one follows.
    fn name_after(&self, h: usize, kind: EntityKind) -> Option<usize> {
        let w = self.next_word(h + 1)?;
        let mut last;
        let mut words = 1;
        if is_acronym(w) || is_brand(w) || is_plain_brand(w) && self.name_ends(h + 2) {
            // "Zweckverband KISA", "Eigenbetrieb it@M": further nouns are the
            // sentence's ("übernimmt der Zweckverband KISA Aufgaben"), only a dash
            // continues ("ekom21 – KGRZ Hessen").
            return Some(self.dashed(h + 1));
        }
        if adjective(w).is_some_and(|a| a != Adjective::Invariant)
            && self.next_word(h + 2).is_some_and(is_name_word)
        {
            // "Kommunale Datenverarbeitung"
            last = h + 2;
            words = 2;
        } else if is_name_word(w) && LANDS.contains(&w) {
            last = h + 1;
        } else if is_name_word(w)
            && self.next_word(h + 2) == Some("und")
            && self
                .next_word(h + 3)
                .is_some_and(|x| is_name_word(x) && !is_acronym(x))
        {
            // "Landesbetrieb Daten und Information"
            last = h + 3;
            words = 3;
        } else if kind == EntityKind::Association
            && (w == "der" || w.ends_with("er") && lower_adjective(w) || adjective(w).is_some())
            && self.next_word(h + 2).is_some_and(|x| {
                first_upper(x)
                    && !STOP_CAPS.contains(&x)
                    && !PLACE_NOUNS.contains(&x)
                    && !is_role(x)
            })
        {
            // "Verband der Elektrotechnik", "Verband kommunaler Unternehmen"
            last = h + 2;
            words = 2;
        } else {
            return None;
        }
        // Further words: names, "für" + words, "und" + name, a dash + acronym.
        while words < MAX_WORDS {
            let k = last + 1;
            if let Some(w) = self.next_word(k) {
                // A word before a colon is a label or kicker ("Status:").
                if is_name_word(w) && self.next_punct(k + 1) != Some(':') {
                    last = k;
                    words += 1;
                    continue;
                }
                if w == "für" {
                    if let Some(end) = self.item(k + 1, false) {
                        last = end;
                        words += end - k;
                        continue;
                    }
                }
                if w == "in"
                    && kind == EntityKind::Provider
                    && self.next_word(k + 1).is_some_and(|l| LANDS.contains(&l))
                {
                    last = k + 1;
                    words += 2;
                    continue;
                }
                break;
            }
            if matches!(self.next_punct(k), Some('–' | '—' | '-'))
                && self
                    .next_word(k + 1)
                    .is_some_and(|x| is_acronym(x) || is_brand(x))
            {
                last = k + 1;
                words += 1;
                continue;
            }
            break;
        }
        Some(last)
    }

    /// The last token of a name ending at `last` or continued by a dash and an
    /// acronym or brand, and the capitalised words after it.
    fn dashed(&self, last: usize) -> usize {
        if !matches!(self.next_punct(last + 1), Some('–' | '—' | '-'))
            || !self
                .next_word(last + 2)
                .is_some_and(|x| is_acronym(x) || is_brand(x))
        {
            return last;
        }
        let mut end = last + 2;
        while end < last + MAX_WORDS
            && self
                .next_word(end + 1)
                .is_some_and(|w| is_name_word(w) && self.next_punct(end + 2) != Some(':'))
        {
            end += 1;
        }
        end
    }

    /// True when the phrase ends at token `k`: punctuation, end of text, a paragraph
    /// break, or a word that cannot continue a name.
    fn name_ends(&self, k: usize) -> bool {
        match self.toks.get(k) {
            None => true,
            Some(t) if t.broken || !t.word => true,
            Some(_) => self
                .word(k)
                .is_some_and(|w| first_lower(w) && !is_plain_brand(w) && !is_brand(w)),
        }
    }

    /// One portfolio item starting at token `k`: lower-case and capitalised
    /// adjectives, then a capitalised noun ("ländliche Räume", "Kommunale
    /// Datenverarbeitung", "Inneres"). Returns its last token.
    fn item(&self, k: usize, noun_only: bool) -> Option<usize> {
        let mut j = k;
        // Adjectives before the noun, unless only a noun may stand here.
        while !noun_only && j < k + 3 {
            let w = self.next_word(j)?;
            let adjective_here = lower_adjective(w)
                || adjective(w).is_some_and(|a| a != Adjective::Invariant)
                    && self.next_word(j + 1).is_some_and(first_upper);
            if !adjective_here {
                break;
            }
            j += 1;
        }
        let w = self.next_word(j)?;
        (first_upper(w) && is_name_word(w) && !is_acronym(w) && !is_brand(w)).then_some(j)
    }

    /// The last token of a portfolio after the head at `h`: "für A, B und C",
    /// "der Finanzen", "des Innern und für Sport", then "in der …".
    fn portfolio(&self, h: usize, kind: EntityKind) -> Option<usize> {
        let lead = self.next_word(h + 1)?;
        let noun_only = match lead {
            "für" => false,
            "der" | "des" => true,
            _ => return None,
        };
        let mut last = self.item(h + 2, noun_only)?;
        // Items after a comma stand only when an "und" closes the list.
        let mut confirmed = last;
        let mut count = 1;
        while count < MAX_WORDS {
            let (joiner_is_und, mut k) = match (self.next_punct(last + 1), self.next_word(last + 1))
            {
                (Some(','), _) => (false, last + 2),
                (_, Some("und" | "sowie")) => (true, last + 2),
                _ => break,
            };
            let mut noun_only = false;
            if let Some(p @ ("für" | "der" | "des")) = self.next_word(k) {
                noun_only = p != "für";
                k += 1;
            }
            let Some(end) = self.item(k, noun_only) else {
                break;
            };
            last = end;
            count += 1;
            if joiner_is_und {
                confirmed = last;
            }
        }
        let mut last = confirmed;
        // "in der Informationstechnik"; a provider's "in Bayern".
        if self.next_word(last + 1) == Some("in") {
            if self.next_word(last + 2) == Some("der") {
                if let Some(end) = self.item(last + 3, false) {
                    last = end;
                }
            } else if kind == EntityKind::Provider
                && self.next_word(last + 2).is_some_and(|w| LANDS.contains(&w))
            {
                last += 2;
            }
        }
        Some(last)
    }

    /// The last token of a place after token `h`: "des Landes X", a Land, or (for
    /// [`Place::Any`]) a capitalised name.
    fn place_after(&self, h: usize, place: Place) -> Option<usize> {
        match place {
            Place::None => return None,
            Place::Region => {
                return (self.next_word(h + 1) == Some("von")
                    && self
                        .next_word(h + 2)
                        .is_some_and(|w| BAVARIAN_REGIONS.contains(&w)))
                .then_some(h + 2)
            }
            Place::Land | Place::Any => {}
        }
        // "des Saarlandes", "der Freien Hansestadt Bremen".
        if let Some(end) = self.land_in_genitive(h + 1) {
            return Some(end);
        }
        if self.next_word(h + 1) == Some("des")
            && matches!(
                self.next_word(h + 2),
                Some("Landes" | "Freistaates" | "Freistaats")
            )
            && self.next_word(h + 3).is_some_and(is_name_word)
        {
            return Some(h + 3);
        }
        let w = self.next_word(h + 1)?;
        let fits = match place {
            Place::Land => LANDS.contains(&w),
            Place::Any => {
                LANDS.contains(&w)
                    || is_name_word(w)
                        && first_upper(w)
                        && !PLACE_NOUNS.contains(&w)
                        && head_of(w).is_none()
                        && !is_abstract_noun(w)
                        && adjective(w).map_or(true, |a| a == Adjective::Invariant)
            }
            Place::None | Place::Region => false,
        };
        fits.then_some(h + 1)
    }

    /// The last token of a Land named in the genitive from token `k` on, with
    /// its article: "des Saarlandes", "der Freien Hansestadt Bremen", "der
    /// Freien und Hansestadt Hamburg".
    fn land_in_genitive(&self, k: usize) -> Option<usize> {
        match self.next_word(k)? {
            "des" => matches!(self.next_word(k + 1)?, "Saarlandes" | "Saarlands").then_some(k + 1),
            "der" if self.next_word(k + 1)? == "Freien" => {
                let city = if self.next_word(k + 2)? == "und" {
                    k + 3
                } else {
                    k + 2
                };
                (self.next_word(city)? == "Hansestadt"
                    && matches!(self.next_word(city + 1)?, "Bremen" | "Hamburg"))
                .then_some(city + 1)
            }
            _ => None,
        }
    }

    /// A company, cooperative, AöR or registered association whose legal form is
    /// the word at `i`.
    fn legal_form(&self, i: usize) -> Option<Candidate> {
        let w = self.word(i)?;
        let (last, kind_of_form) = match w {
            "GmbH" => {
                // "GmbH & Co. KG"
                let co = self.next_punct(i + 1) == Some('&')
                    && self.next_word(i + 2) == Some("Co")
                    && self.next_punct(i + 3) == Some('.')
                    && self.next_word(i + 4) == Some("KG");
                (if co { i + 4 } else { i }, EntityKind::Company)
            }
            "KG" if i >= 2 && self.word(i - 2) == Some("Co") => return None,
            "gGmbH" | "mbH" | "AG" | "SE" | "KG" | "KGaA" | "UG" | "eG" => (i, EntityKind::Company),
            "AöR" => (i, EntityKind::Provider),
            "e.V" => (
                if self.next_punct(i + 1) == Some('.') {
                    i + 1
                } else {
                    i
                },
                EntityKind::Association,
            ),
            "e" if self.next_punct(i + 1) == Some('.')
                && self.next_word(i + 2) == Some("V")
                && self.next_punct(i + 3) == Some('.') =>
            {
                (i + 3, EntityKind::Association)
            }
            _ => return None,
        };
        if !self.joined(i) || i == 0 {
            return None;
        }
        let first = self.name_before(i)?;
        let mut name = String::new();
        let mut start_text = self.between(first, i - 1);
        // "der Kommunalen Datenverarbeitung GmbH" → "Kommunale Datenverarbeitung GmbH"
        if let Some(w) = self.word(first) {
            if let Some(Adjective::Inflecting(stem)) = adjective(w) {
                let oblique = first > 0
                    && self.joined(first)
                    && matches!(self.word(first - 1), Some("der" | "dem" | "des" | "einer"));
                if oblique && w.ends_with("en") {
                    name.push_str(stem);
                    name.push('e');
                    start_text = start_text.get(w.len()..).unwrap_or("");
                }
            }
        }
        name.push_str(start_text);
        name.push(' ');
        name.push_str(self.between(i, last));
        let name = tidy(&name);
        let kind = if kind_of_form == EntityKind::Company && is_public(&name) {
            EntityKind::Provider
        } else {
            kind_of_form
        };
        Some(Candidate {
            first,
            last,
            name,
            kind,
        })
    }

    /// The first token of a company name ending before the legal form at `l`.
    fn name_before(&self, l: usize) -> Option<usize> {
        let j = l - 1;
        let w = self.word(j)?;
        let fits = !LEGAL_FORMS.contains(&w) && is_name_word(w)
            || is_acronym(w) && !LEGAL_FORMS.contains(&w)
            || is_brand(w)
            || is_plain_brand(w)
            || (first_upper(w) && is_descriptor(w) && !DESCRIPTORS.contains(&w));
        if !fits {
            return None;
        }
        let mut first = j;
        let mut words = 1;
        while words < 6 && first > 0 && self.joined(first) {
            let k = first - 1;
            match self.word(k) {
                Some(w) if is_name_word(w) || is_acronym(w) && !LEGAL_FORMS.contains(&w) => {
                    first = k;
                    words += 1;
                }
                // "Gesellschaft für Informationstechnik mbH"
                Some("für")
                    if k > 0
                        && self.joined(k)
                        && self.word(k - 1).is_some_and(|o| {
                            let o = o.to_lowercase();
                            ORG_NOUN_ENDINGS.iter().any(|e| o.ends_with(e))
                        }) =>
                {
                    first = k - 1;
                    words += 2;
                }
                // "Bund der Steuerzahler e.V.", "Arbeitsgemeinschaft der … e.V."
                Some("der" | "des")
                    if k > 0
                        && self.joined(k)
                        && self.word(k - 1).is_some_and(|o| {
                            let o = o.to_lowercase();
                            ASSOCIATION_NOUN_ENDINGS.iter().any(|e| o.ends_with(e))
                        }) =>
                {
                    first = k - 1;
                    words += 2;
                }
                _ => break,
            }
        }
        // "Konsolidierung Dresden IT GmbH": a headline's event noun starts no name.
        let organisation_noun = |w: &str| {
            let l = w.to_lowercase();
            ORG_NOUN_ENDINGS
                .iter()
                .chain(ASSOCIATION_NOUN_ENDINGS)
                .any(|e| l.ends_with(e))
        };
        if first < j
            && self
                .word(first)
                .is_some_and(|w| is_event_noun(w) && !organisation_noun(w))
            && self
                .word(first + 1)
                .is_some_and(|w| is_name_word(w) || is_acronym(w))
        {
            first += 1;
        }
        Some(first)
    }
}

/// Endings of nouns that name an organisation and so may take "für …" inside a
/// company name.
const ORG_NOUN_ENDINGS: &[&str] = &[
    "gesellschaft",
    "anstalt",
    "zentrum",
    "zentrale",
    "institut",
    "agentur",
    "stiftung",
    "verein",
    "verband",
    "akademie",
    "arbeitsgemeinschaft",
];

/// Endings of nouns that take a genitive inside an association's name ("Bund der
/// Steuerzahler"); no descriptors such as "Tochtergesellschaft der".
const ASSOCIATION_NOUN_ENDINGS: &[&str] = &[
    "bund",
    "verband",
    "verein",
    "vereinigung",
    "arbeitsgemeinschaft",
    "stiftung",
    "akademie",
    "institut",
];

/// Legal forms: they end a name and never stand inside one.
const LEGAL_FORMS: &[&str] = &[
    "GmbH", "gGmbH", "mbH", "AG", "SE", "KG", "KGaA", "UG", "eG", "AöR", "e.V",
];

/// A capitalised noun of an event or process, as headlines start with
/// ("Konsolidierung", "Fusion", "Übernahme").
fn is_event_noun(w: &str) -> bool {
    first_upper(w) && ["ung", "ion", "nahme"].iter().any(|e| w.ends_with(e))
}

/// A capitalised abstract noun ("Konsolidierung", "Fusion", "Übernahme").
fn is_abstract_noun(w: &str) -> bool {
    first_upper(w)
        && [
            "ung", "ion", "heit", "keit", "nahme", "schaft", "tät", "nis", "ismus", "ment",
        ]
        .iter()
        .any(|e| w.ends_with(e))
}

/// Words that make a company name a public body's ("Kommunale
/// Informationsverarbeitung Thüringen GmbH").
fn is_public(name: &str) -> bool {
    let l = name.to_lowercase();
    [
        "kommunal",
        "landes",
        "gebiet",
        "zweckverband",
        "datenverarbeitung",
        "informationsverarbeitung",
        "rechenzentrum",
    ]
    .iter()
    .any(|c| l.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testcases::{run_cases, NamedCase};
    use proptest::prelude::*;
    use serde::Deserialize;
    use std::sync::OnceLock;

    fn finder() -> &'static OrganisationFinder {
        static FINDER: OnceLock<OrganisationFinder> = OnceLock::new();
        FINDER.get_or_init(OrganisationFinder::new)
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
        name: String,
        kind: EntityKind,
        text: String,
    }

    impl NamedCase for Case {
        fn name(&self) -> &str {
            &self.name
        }
    }

    fn check_found(text: &str, region: Span, found: &[FoundOrganisation]) -> Result<(), String> {
        let mut last_end = region.start;
        for f in found {
            if f.span.slice(text).is_none() || f.span.is_empty() {
                return Err(format!("{:?} is not a span of the text", f.span));
            }
            if !region.contains(f.span) || f.span.start < last_end {
                return Err(format!(
                    "{f:?} leaves the region, overlaps or is out of order"
                ));
            }
            if f.name.is_empty() || f.name.trim() != f.name {
                return Err(format!("{f:?} has a bad name"));
            }
            last_end = f.span.end;
        }
        Ok(())
    }

    #[test]
    fn case_file() {
        let finder = finder();
        run_cases(
            "organisations.toml",
            include_str!("../../testdata/cases/organisations.toml"),
            |c: &Case| {
                let region = Span::new(0, c.text.len());
                let found = finder.find(&c.text, region);
                check_found(&c.text, region, &found)?;
                let got: Vec<Expected> = found
                    .iter()
                    .map(|f| Expected {
                        name: f.name.clone(),
                        kind: f.kind,
                        text: f.span.slice(&c.text).unwrap_or("").to_owned(),
                    })
                    .collect();
                if got == c.expect {
                    Ok(())
                } else {
                    Err(format!("expected {:?}\n    got {got:?}", c.expect))
                }
            },
        );
    }

    #[test]
    fn finder_is_shareable() {
        fn assert_traits<T: Send + Sync + Clone + std::fmt::Debug>() {}
        assert_traits::<OrganisationFinder>();
    }

    #[test]
    fn region_limits_the_search() {
        let text = "Die Bechtle AG und der Zweckverband KISA unterschreiben.";
        let region = Span::new(0, 16);
        let found = finder().find(text, region);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "Bechtle AG");
        assert!(finder().find(text, Span::new(20, 10)).is_empty());
        assert!(finder().find(text, Span::new(0, 999)).is_empty());
    }

    #[test]
    fn html_references_count_as_letters_and_stay_in_the_span() {
        let text = "<p>Der Th&uuml;ringische Landkreistag stimmt zu.</p>";
        let found = finder().find(text, Span::new(3, text.len() - 4));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].name, "Thüringischer Landkreistag");
        assert_eq!(
            found[0].span.slice(text),
            Some("Th&uuml;ringische Landkreistag")
        );
    }

    /// Runs the finder over every fixture article and counts the gold
    /// organisations (authority, association, company, provider) it names.
    #[test]
    fn fixture_articles() {
        let gold = include_str!("../../testdata/gold.jsonl");
        let fold = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let mut total = 0;
        let mut hits = 0;
        let mut missed = Vec::new();
        for line in gold.lines().filter(|l| !l.trim().is_empty()) {
            let record: serde_json::Value = serde_json::from_str(line).expect("gold line");
            let file = record["file"].as_str().expect("file");
            let bytes = std::fs::read(format!(
                "{}/testdata/articles/{file}",
                env!("CARGO_MANIFEST_DIR")
            ))
            .expect("article");
            let text = crate::decode::decode(&bytes).expect("decodable").text;
            let found = finder().find(&text, Span::new(0, text.len()));
            check_found(&text, Span::new(0, text.len()), &found).expect("valid spans");
            if std::env::var("COOPFACTS_SHOW").is_ok() {
                for f in &found {
                    eprintln!(
                        "{file}: {:?} {:?} <{}>",
                        f.kind,
                        f.name,
                        f.span.slice(&text).unwrap_or("")
                    );
                }
            }
            let said: Vec<String> = found
                .iter()
                .flat_map(|f| [fold(&f.name), fold(f.span.slice(&text).unwrap_or(""))])
                .collect();
            for entity in record["entities"].as_array().expect("entities") {
                let kind = entity["kind"].as_str().unwrap_or("");
                if !matches!(kind, "authority" | "association" | "company" | "provider") {
                    continue;
                }
                total += 1;
                let name = entity["name"].as_str().unwrap_or("");
                let mut names = vec![fold(name)];
                for a in entity["aliases"].as_array().into_iter().flatten() {
                    names.push(fold(a.as_str().unwrap_or("")));
                }
                if names.iter().any(|n| said.contains(n)) {
                    hits += 1;
                } else {
                    missed.push(format!("{file}: {name}"));
                }
            }
        }
        eprintln!("organisations found by shape: {hits}/{total}; missed: {missed:#?}");
        assert!(total > 0);
        assert!(
            hits * 100 >= total * 80,
            "only {hits} of {total} found: {missed:#?}"
        );
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_stay_in_the_region(
            text in "\\PC{0,80}|[A-Za-zäöü&;. -]{0,20}(GmbH|AG|e\\.V\\.|Zweckverband|Ministerium für|Landkreistages)[A-Za-zäöü&;,. \n-]{0,30}",
            a in 0usize..120,
            b in 0usize..120,
        ) {
            let region = Span::new(a.min(b), a.max(b));
            let found = finder().find(&text, region);
            if region.slice(&text).is_some() {
                prop_assert!(check_found(&text, region, &found).is_ok(), "{:?}", check_found(&text, region, &found));
            } else {
                prop_assert!(found.is_empty());
            }
        }
    }
}
