//! Finding gazetteer names in a text.
//!
//! One Aho-Corasick automaton holds every surface form of every entry, normalised as
//! [`crate::normalize`] normalises text. It runs over a document's normalised view,
//! anchored at each place where a word may start (see `WordAutomaton`), and
//! reports every form found there, overlapping ones included; each is checked on the
//! original text (word boundaries, capitals where the form has capitals), and of the
//! valid ones the
//! leftmost-longest win, so "Landkreis Leipzig" beats "Leipzig" and "Leipzigs" beats
//! "Leipzig". A prefix word right before a match ("Stadt", "Landkreises",
//! "Freistaat") is taken into the mention and says which kind of place is meant.
//!
//! A hit keeps every entry its form could stand for; choosing among homonyms needs
//! the whole document and is [`super::resolve`]'s job.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, BuildError, MatchKind};

use crate::error::GazetteerError;
use crate::normalize::{normalize_term, NormalizedText};
use crate::record::EntityKind;
use crate::span::Span;

use super::forms::{forms, is_plural_prefix, prefix_kind, FormKind};
use super::Entry;

/// One entry a matched form can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Index into [`super::Gazetteer::entries`].
    pub entry: usize,
    /// How the form relates to that entry.
    pub form: FormKind,
    /// The form is also a common German word.
    pub common: bool,
}

/// A name found in the text, with every entry it can stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The mention in the original text, prefix word included.
    pub span: Span,
    /// The kind the prefix word selects ("Stadt" → municipality), if there is one.
    pub prefix: Option<EntityKind>,
    /// The name follows "in", "aus" or "nach" directly, as places do.
    pub after_preposition: bool,
    /// The prefix word is a plural one ("Landkreisen", "Städte"), which may open
    /// a list of names.
    pub plural_prefix: bool,
    /// The list of names the hit stands in ("Singen, Radolfzell und Engen"): hits
    /// joined by commas, "und", "oder" or "sowie" share the number.
    pub list: usize,
    /// The entries the name can stand for; never empty.
    pub candidates: Vec<Candidate>,
}

#[derive(Debug, Clone)]
struct Target {
    candidate: Candidate,
    /// The form as written in the data, for the capitals check.
    written: Box<str>,
}

/// The automaton over all forms of a gazetteer. Built once per run.
#[derive(Debug, Clone)]
pub struct Matcher {
    automaton: WordAutomaton,
    targets: Vec<Vec<Target>>,
}

impl Matcher {
    /// Builds the automaton over every form of `entries`; fails only when the
    /// automaton would exceed its size limits.
    pub fn new(entries: &[Entry]) -> Result<Matcher, GazetteerError> {
        let mut keys: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut index = std::collections::HashMap::new();
        for (i, entry) in entries.iter().enumerate() {
            for form in forms(entry) {
                let key = normalize_term(&form.text);
                if key.chars().count() < 2 {
                    continue;
                }
                let slot = *index.entry(key.clone()).or_insert_with(|| {
                    keys.push(key);
                    targets.push(Vec::new());
                    targets.len() - 1
                });
                targets[slot].push(Target {
                    candidate: Candidate {
                        entry: i,
                        form: form.kind,
                        common: form.common,
                    },
                    written: form.text.into_boxed_str(),
                });
            }
        }
        let automaton = WordAutomaton::new(&keys, glue).map_err(|e| GazetteerError {
            file: "gazetteer".to_owned(),
            line: 0,
            reason: format!("cannot build the matcher over {} forms: {e}", keys.len()),
        })?;
        Ok(Matcher { automaton, targets })
    }

    /// Every name in `original` (whose normalised view is `view`), in text order,
    /// not overlapping.
    pub fn find(&self, original: &str, view: &NormalizedText) -> Vec<Hit> {
        self.find_in(original, view, &[Span::new(0, original.len())])
    }

    /// Like [`Matcher::find`], but only names within one of `regions` (spans of
    /// `original`, in text order): the article's content, so that the walk skips
    /// menus, teasers and footers.
    pub fn find_in(&self, original: &str, view: &NormalizedText, regions: &[Span]) -> Vec<Hit> {
        let norm = view.as_str();
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for &region in regions {
            let (from, to) = view.normalized_range(region);
            // A form next to a glue character is no word (see `is_word`).
            self.automaton
                .for_each_match(&norm[from..to], |start, end, pattern| {
                    if is_word(norm, from + start, from + end) {
                        found.push((from + start, from + end, pattern));
                    }
                });
        }
        // Leftmost first, then longest.
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut hits = Vec::new();
        let mut taken_until = 0;
        for (start, end, pattern) in found {
            if start < taken_until {
                continue;
            }
            let Some(span) = view.original_span(start, end) else {
                continue;
            };
            let Some(written) = span.slice(original) else {
                continue;
            };
            // On an HTML page the capitals are checked on the decoded characters.
            let decoded;
            let written = if written.contains('&') {
                decoded = crate::html::decode_references(written);
                decoded.as_str()
            } else {
                written
            };
            let candidates: Vec<Candidate> = self.targets[pattern]
                .iter()
                .filter(|t| capitals_agree(&t.written, written))
                .map(|t| t.candidate)
                .collect();
            if candidates.is_empty() || law_suffix(original, span.start, written) {
                continue;
            }
            taken_until = end;
            let gap = |prefix: Span| original.get(prefix.end..span.start);
            let (span, prefix, plural_prefix) = match prefix_before(original, view, start) {
                // The mention takes in the prefix word; Markdown emphasis between
                // them ("Städte **Stockach**") stays out of it; any other markup
                // (a tag, a line of the menu) parts them.
                Some((prefix, kind)) if gap(prefix).is_some_and(|g| g.chars().all(is_emphasis)) => {
                    let plural = prefix
                        .slice(original)
                        .is_some_and(|w| is_plural_prefix(&w.to_lowercase()));
                    let plain = gap(prefix).is_some_and(|g| g.trim().is_empty());
                    let span = if plain { prefix.cover(span) } else { span };
                    (span, Some(kind), plural)
                }
                _ => (span, None, false),
            };
            hits.push(Hit {
                span,
                prefix,
                after_preposition: matches!(
                    word_before(norm, start),
                    Some((_, "in" | "aus" | "nach"))
                ),
                plural_prefix,
                list: hits.len(),
                candidates,
            });
        }
        number_lists(original, &mut hits);
        spread_plural_prefixes(&mut hits);
        hits
    }
}

/// A Land's abbreviation that completes a law's ("GkG NRW", "GO NRW", "KV M-V"):
/// it names which Land's law is cited, not a body of that Land. `written` is the
/// form found at `start`; the word before it is the law's abbreviation, a short
/// word of letters with two capitals or more.
fn law_suffix(original: &str, start: usize, written: &str) -> bool {
    if written.chars().any(char::is_lowercase) {
        return false;
    }
    let before = original.get(..start).unwrap_or("");
    if !before.ends_with(' ') {
        return false;
    }
    let law = before
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_start_matches(['(', '[']);
    (2..=10).contains(&law.len())
        && law.bytes().all(|b| b.is_ascii_alphabetic())
        && law.bytes().filter(u8::is_ascii_uppercase).count() >= 2
        && law.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Markdown's emphasis marks, which may stand around names ("**Stockach**").
const EMPHASIS: [char; 2] = ['*', '_'];

/// White space or a Markdown emphasis mark.
pub(crate) fn is_emphasis(c: char) -> bool {
    c.is_whitespace() || EMPHASIS.contains(&c)
}

/// Longest text between two names of a list, in bytes: ", und " with room
/// for emphasis marks and line breaks. Most gaps are longer and fail at once.
const MAX_LIST_GAP: usize = 24;

/// True when the text between two names, `original[end..start]`, joins them
/// in a list: a comma, "und", "oder" or "sowie".
fn list_gap(original: &str, end: usize, start: usize) -> bool {
    if start.saturating_sub(end) > MAX_LIST_GAP {
        return false;
    }
    original.get(end..start).is_some_and(|gap| {
        // Markdown emphasis around the names ("**Stockach** und **Engen**")
        // is no word of the gap.
        let words: Vec<&str> = gap
            .split_whitespace()
            .map(|w| w.trim_matches(EMPHASIS))
            .filter(|w| !w.is_empty())
            .collect();
        matches!(
            words.as_slice(),
            [","] | ["und"] | ["oder"] | ["sowie"] | [",", "und"]
        )
    })
}

/// Gives the hits of one list of names the number of its first.
fn number_lists(original: &str, hits: &mut [Hit]) {
    for i in 1..hits.len() {
        if list_gap(original, hits[i - 1].span.end, hits[i].span.start) {
            hits[i].list = hits[i - 1].list;
        }
    }
}

/// Names listed after a plural prefix word, joined by commas, "und", "oder" or
/// "sowie" ("den Landkreisen Hildesheim und Peine"), take the kind it selects.
/// Needs the hits' lists numbered ([`number_lists`]).
fn spread_plural_prefixes(hits: &mut [Hit]) {
    let mut kind_of_list: Option<EntityKind> = None;
    for i in 0..hits.len() {
        let joined = i > 0 && hits[i].list == hits[i - 1].list;
        match (hits[i].prefix, kind_of_list) {
            (None, Some(kind)) if joined => hits[i].prefix = Some(kind),
            (Some(kind), _) => kind_of_list = hits[i].plural_prefix.then_some(kind),
            _ => kind_of_list = None,
        }
    }
}

/// An Aho-Corasick trie run anchored at word starts only.
///
/// An unanchored overlapping search walks every byte of the text and reports every
/// form inside longer words too, only for most of them to fail the word check; and
/// the trie's states, far apart in memory, miss the cache at almost every byte. Here
/// "glue" characters (the caller's choice, such as letters) make up words, and only
/// forms that stand as whole words are wanted: starting where no glue precedes and
/// ending where no glue follows. Such a form begins with the whole word of the text
/// that it starts at (up to the first character that is no glue), so the trie is
/// walked only from words that begin some form, looked up in a bit set of hashed
/// first words. The result is exactly those overlapping matches.
#[derive(Debug, Clone)]
pub(crate) struct WordAutomaton {
    nfa: NFA,
    glue: fn(char) -> bool,
    /// `glue` of each ASCII byte, looked up instead of decoding and calling.
    ascii_glue: [bool; 128],
    /// Hashed first words of the patterns: a quick test that never says no wrongly.
    first_words: Vec<u64>,
}

/// Bits in `first_words`: 2^20, 128 KiB, so that some 25,000 words fill it thinly.
const WORD_BITS: u32 = 20;

/// FNV-1a, folded to `WORD_BITS` bits.
fn word_hash(word: &[u8]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    usize::try_from(h >> (64 - WORD_BITS)).unwrap_or(0)
}

impl WordAutomaton {
    /// The trie over `patterns`, whose words are made of `glue` characters; a
    /// pattern's index is its number in reports.
    pub(crate) fn new<P: AsRef<str>>(
        patterns: &[P],
        glue: fn(char) -> bool,
    ) -> Result<WordAutomaton, BuildError> {
        let nfa = NFA::builder()
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|p| p.as_ref().as_bytes()))?;
        let mut automaton = WordAutomaton {
            nfa,
            glue,
            ascii_glue: std::array::from_fn(|b| u8::try_from(b).is_ok_and(|b| glue(char::from(b)))),
            first_words: vec![0u64; 1 << (WORD_BITS - 6)],
        };
        for p in patterns {
            let p = p.as_ref();
            let i = word_hash(&p.as_bytes()[..automaton.word_len(p)]);
            if let Some(w) = automaton.first_words.get_mut(i >> 6) {
                *w |= 1 << (i & 63);
            }
        }
        Ok(automaton)
    }

    /// The byte length of the leading run of glue characters of `s`.
    fn word_len(&self, s: &str) -> usize {
        let bytes = s.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if let Some(&is_glue) = self.ascii_glue.get(usize::from(b)) {
                if !is_glue {
                    break;
                }
                i += 1;
            } else {
                match s[i..].chars().next() {
                    Some(c) if (self.glue)(c) => i += c.len_utf8(),
                    _ => break,
                }
            }
        }
        i
    }

    fn may_begin(&self, word: &str) -> bool {
        let i = word_hash(word.as_bytes());
        self.first_words
            .get(i >> 6)
            .is_some_and(|w| w & (1 << (i & 63)) != 0)
    }

    /// Calls `found(start, end, pattern)` for every occurrence of every pattern in
    /// `hay` that stands as a whole word sequence: no glue character right before
    /// `start` or right after `end`. In order of start.
    pub(crate) fn for_each_match(&self, hay: &str, mut found: impl FnMut(usize, usize, usize)) {
        let Ok(start_state) = self.nfa.start_state(Anchored::Yes) else {
            return;
        };
        let glue = self.glue;
        // `at` is always a character boundary with no glue right before it.
        let mut at = 0;
        while let Some(rest) = hay.get(at..).filter(|r| !r.is_empty()) {
            let word = &rest[..self.word_len(rest)];
            if self.may_begin(word) {
                let mut sid = start_state;
                for (i, &b) in rest.as_bytes().iter().enumerate() {
                    sid = self.nfa.next_state(Anchored::Yes, sid, b);
                    if self.nfa.is_dead(sid) {
                        break;
                    }
                    if !self.nfa.is_match(sid) {
                        continue;
                    }
                    let end = at + i + 1;
                    if hay
                        .get(end..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(glue)
                    {
                        continue;
                    }
                    for k in 0..self.nfa.match_len(sid) {
                        let pid = self.nfa.match_pattern(sid, k);
                        // A state also carries the forms that end here but begin
                        // later (reached by failure links): skip those.
                        if self.nfa.pattern_len(pid) == end - at {
                            found(at, end, pid.as_usize());
                        }
                    }
                }
            }
            // Inside the word glue precedes; the next start follows the character
            // that ends it.
            let word_end = at + word.len();
            let Some(c) = hay.get(word_end..).and_then(|r| r.chars().next()) else {
                break;
            };
            at = word_end + c.len_utf8();
        }
    }
}

/// Characters that join two words into one: a form next to one is no word.
fn glue(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | '@')
}

/// True when `norm[start..end]` stands as a word of its own: not inside a longer
/// word, not the tail or head of a hyphenated compound ("documenta-Halle"), not part
/// of a web or mail address ("dresden.de").
fn is_word(norm: &str, start: usize, end: usize) -> bool {
    let before = norm[..start].chars().next_back();
    let before2 = norm[..start].chars().rev().nth(1);
    let after = norm[end..].chars().next();
    let after2 = norm[end..].chars().nth(1);
    let dotted = |dot: Option<char>, other: Option<char>| {
        dot == Some('.') && other.is_some_and(char::is_alphanumeric)
    };
    !(before.is_some_and(glue)
        || after.is_some_and(glue)
        || dotted(before, before2)
        || dotted(after, after2))
}

/// True when every letter that is a capital in the form is a capital in the text.
/// "Essen" the city is not "essen" the verb; "BIT" is not "Bit". Letters the form
/// writes small may be capitals in the text (headlines in capitals).
fn capitals_agree(form: &str, written: &str) -> bool {
    let letters = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<Vec<_>>()
    };
    let (form, written) = (letters(form), letters(written));
    form.iter()
        .zip(&written)
        .all(|(f, w)| !f.is_uppercase() || !w.is_lowercase())
}

/// The normalised word right before the offset `start`, if a space separates them.
fn word_before(norm: &str, start: usize) -> Option<(usize, &str)> {
    // Markdown emphasis may open the name ("Städte **Stockach**").
    let head = norm[..start].trim_end_matches(EMPHASIS).strip_suffix(' ')?;
    let word_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some((word_start, &head[word_start..]))
}

/// A prefix word ("Stadt", "Landkreises") right before the normalised offset
/// `start`: its original span and the kind it selects. The word must be written
/// with a capital, as German nouns are.
fn prefix_before(
    original: &str,
    view: &NormalizedText,
    start: usize,
) -> Option<(Span, EntityKind)> {
    let norm = view.as_str();
    let (word_start, word) = word_before(norm, start)?;
    let kind = prefix_kind(word)?;
    let span = view.original_span(word_start, word_start + word.len())?;
    let first = span.slice(original)?.chars().next()?;
    first.is_uppercase().then_some((span, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, name: &str, kind: EntityKind) -> Entry {
        Entry {
            id: id.into(),
            name: name.into(),
            kind,
            aliases: Vec::new(),
            bare: None,
            land: None,
            district: None,
            population: 1000,
            historical: false,
            common_word: false,
            common_aliases: Vec::new(),
        }
    }

    fn sample() -> Vec<Entry> {
        let mut district = entry("ags:14729", "Landkreis Leipzig", EntityKind::District);
        district.bare = Some("Leipzig".into());
        let mut kid = entry("kid", "KID Magdeburg GmbH", EntityKind::Provider);
        kid.aliases = vec!["KID Magdeburg".into(), "KID".into()];
        let mut land = entry("ags:05", "Nordrhein-Westfalen", EntityKind::State);
        land.aliases = vec!["NRW".into()];
        vec![
            land,
            entry("ags:14713000", "Leipzig", EntityKind::Municipality),
            district,
            entry("ags:15003000", "Magdeburg", EntityKind::Municipality),
            entry("ags:05113000", "Essen", EntityKind::Municipality),
            entry("ags:15002000", "Halle", EntityKind::Municipality),
            kid,
        ]
    }

    fn found(text: &str) -> Vec<(String, Vec<String>, Option<EntityKind>)> {
        let entries = sample();
        let m = Matcher::new(&entries).unwrap();
        m.find(text, &NormalizedText::new(text))
            .into_iter()
            .map(|h| {
                let ids = h
                    .candidates
                    .iter()
                    .map(|c| entries[c.entry].id.clone())
                    .collect();
                (h.span.slice(text).unwrap().to_owned(), ids, h.prefix)
            })
            .collect()
    }

    #[test]
    fn word_starts_give_the_overlapping_matches_that_are_words() {
        let patterns = [
            "le",
            "leipzig",
            "leipzigs",
            "landkreis leipzig",
            "ip",
            "zig",
            "ü",
            "über",
            "bad",
            "bad ü",
            "a",
            "ab",
            "b",
        ];
        let automaton = WordAutomaton::new(&patterns, glue).unwrap();
        let reference = aho_corasick::AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(patterns)
            .unwrap();
        for hay in [
            "",
            "a",
            "landkreis leipzigs leipzig-zig bad über bad ü ab-b @leipzig",
            "überall le le-le über.ab zig zig",
            "äleipzig ü ü",
        ] {
            let mut got = Vec::new();
            automaton.for_each_match(hay, |s, e, p| got.push((s, e, p)));
            let mut want: Vec<_> = reference
                .find_overlapping_iter(hay)
                .filter(|m| !hay[..m.start()].chars().next_back().is_some_and(glue))
                .filter(|m| !hay[m.end()..].chars().next().is_some_and(glue))
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            got.sort_unstable();
            want.sort_unstable();
            assert_eq!(got, want, "{hay:?}");
        }
    }

    #[test]
    fn a_land_completing_a_law_abbreviation_is_no_mention() {
        let texts = |text: &str| -> Vec<String> { found(text).into_iter().map(|h| h.0).collect() };
        assert!(texts("nach § 23 GkG NRW und (GO NRW) geschlossen").is_empty());
        assert_eq!(
            texts("Das Land NRW und der Kreis Leipzig"),
            ["Land NRW", "Kreis Leipzig"]
        );
    }

    #[test]
    fn longest_form_wins_and_keeps_original_bytes() {
        let hits = found("Die KID Magdeburg GmbH und der Landkreis Leip-\nzig sowie Leipzigs OB.");
        let texts: Vec<_> = hits.iter().map(|h| h.0.as_str()).collect();
        assert_eq!(
            texts,
            ["KID Magdeburg GmbH", "Landkreis Leip-\nzig", "Leipzigs"]
        );
        assert_eq!(hits[1].1, ["ags:14729"]);
    }

    #[test]
    fn prefix_words_join_the_mention() {
        let hits = found("Die Stadt Magdeburg und der Kreis Leipzig.");
        assert_eq!(hits[0].0, "Stadt Magdeburg");
        assert_eq!(hits[0].2, Some(EntityKind::Municipality));
        assert_eq!(hits[1].0, "Kreis Leipzig");
        assert_eq!(hits[1].2, Some(EntityKind::District));
        assert_eq!(hits[1].1, ["ags:14713000", "ags:14729"]);
    }

    #[test]
    fn a_plural_prefix_word_gives_its_kind_to_the_whole_list() {
        let hits = found("mit den Landkreisen Halle, Essen und Leipzig sowie Magdeburg");
        let kinds: Vec<_> = hits.iter().map(|h| (h.0.as_str(), h.2)).collect();
        let district = Some(EntityKind::District);
        assert_eq!(
            kinds,
            [
                ("Landkreisen Halle", district),
                ("Essen", district),
                ("Leipzig", district),
                ("Magdeburg", district)
            ]
        );
        let hits = found("der Kreis Leipzig und Magdeburg, Essen mit Halle");
        let kinds: Vec<_> = hits.iter().map(|h| h.2).collect();
        assert_eq!(kinds, [Some(EntityKind::District), None, None, None]);
        let hits = found("die Kreise Leipzig und Halle mit Essen");
        assert_eq!(
            hits[2].2, None,
            "the list ends at a word other than a conjunction"
        );
    }

    #[test]
    fn markdown_emphasis_keeps_prefix_and_list_but_stays_out_of_the_mention() {
        let hits = found("Die Städte **Magdeburg**, **Essen** und **Halle** planen.");
        let kinds: Vec<_> = hits.iter().map(|h| (h.0.as_str(), h.2)).collect();
        let town = Some(EntityKind::Municipality);
        assert_eq!(
            kinds,
            [("Magdeburg", town), ("Essen", town), ("Halle", town)]
        );
    }

    #[test]
    fn words_inside_compounds_addresses_and_lower_case_are_no_names() {
        assert!(found("die documenta-Halle").is_empty());
        assert!(found("siehe www.magdeburg.de/it").is_empty());
        assert!(found("wir essen gemeinsam").is_empty());
        assert!(found("ein kid und Magdeburger Kinder").is_empty());
        assert_eq!(found("Essen und Halle")[1].0, "Halle");
    }
}
