//! Known office holders named in the text, with or without their role.
//!
//! Runs after [`super::official::OfficialFinder`]. Input: the text, its
//! normalised view, the content sentences, the publication date, the canonical
//! names of the record's entities, and the officials found from role words.
//! It finds people of the officials gazetteer:
//!
//! - by **full name** (given and family name, on the normalised view, so
//!   "Hol-\nger" and case do not matter; the first letter must be a capital);
//!   a holder with several given names is also found by each one of them
//!   with the family name ("Alexander Lorz"), and a double family name with a
//!   space or a hyphen;
//! - by **family name alone**, only after a full mention of the same person
//!   earlier in the document, or, with no full mention, when the record names
//!   the body of one of their offices and no other holder of that body has the
//!   same family name. A family name right after a capitalised word that is
//!   neither a title nor a role ("Andrea Jung") names someone else.
//!
//! A found person gets the office whose term fits the publication date best:
//! known to include it, else not excluded by the bounds (an unknown date
//! excludes nothing); ties go to the later `last_seen`, then the id. A person
//! no office of whom fits is not added. An official already found from text
//! keeps the role written there (`role_source: text`); their missing role or
//! organisation is filled from a fitting office (`gazetteer`), the
//! organisation only when the written role is of the same kind (mayor or
//! cabinet). Every mention quotes the original text.

use std::collections::{BTreeMap, HashMap};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::calendar::CalendarDate;
use crate::error::GazetteerError;
use crate::gazetteer::matcher::WordAutomaton;
use crate::gazetteer::officials::{KnownOfficial, TermFit};
use crate::normalize::{normalize_term, NormalizedText};
use crate::record::{Attribution, Official};
use crate::span::{Quote, Span};

/// One person: every office row with the same name.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    /// Normalised family name.
    family: String,
    rows: Vec<usize>,
}

/// Finds known officials in text. Built once from the officials gazetteer.
#[derive(Debug, Clone)]
pub struct KnownOfficials {
    known: Vec<KnownOfficial>,
    persons: Vec<Person>,
    names: AhoCorasick,
    /// Pattern index → person index.
    pattern_person: Vec<usize>,
    /// Body name → the persons holding an office there, so that a document's
    /// bodies find their office holders without a scan of every person.
    by_body: HashMap<String, Vec<usize>>,
    /// Every distinct family name, looked up at each word start of a document.
    families: WordAutomaton,
    /// Family-name pattern index → the persons of that name.
    family_persons: Vec<Vec<usize>>,
}

/// Words before a family name that do not make it someone else's name.
const TITLE_WORDS: &[&str] = &[
    "Dr",
    "Frau",
    "Herr",
    "Herrn",
    "Prof",
    "Amtskollege",
    "Amtskollegin",
    "Kollege",
    "Kollegin",
];

/// Capitalised words that start sentences or clauses and are no given names.
const FUNCTION_WORDS: &[&str] = &[
    "Als", "Auch", "Auf", "Bei", "Da", "Dass", "Dem", "Den", "Der", "Des", "Die", "Das", "Ein",
    "Eine", "Für", "Laut", "Mit", "Nach", "Nun", "So", "Und", "Von", "Während", "Wie", "Zudem",
];

/// Endings of role words ("Oberbürgermeister", "Finanzministerin").
const ROLE_ENDINGS: &[&str] = &[
    "meister",
    "meisterin",
    "minister",
    "ministerin",
    "senator",
    "senatorin",
    "präsident",
    "präsidentin",
    "kanzler",
    "kanzlerin",
    "chef",
    "chefin",
    "rat",
    "rätin",
    "leiter",
    "leiterin",
    "sprecher",
    "sprecherin",
];

/// The kind of a role, for filling an organisation only where it belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RoleKind {
    Mayor,
    Cabinet,
    Other,
}

fn role_kind(role: &str) -> RoleKind {
    let r = role.to_lowercase();
    if r.contains("bürgermeister") || r == "ob" || r == "obin" {
        RoleKind::Mayor
    } else if [
        "minister",
        "senator",
        "kanzler",
        "staatskanzlei",
        "staatsrat",
        "staatsrät",
    ]
    .iter()
    .any(|w| r.contains(w))
    {
        RoleKind::Cabinet
    } else {
        RoleKind::Other
    }
}

/// The name forms of one row that count as a full mention.
fn name_forms(official: &KnownOfficial) -> Vec<String> {
    let family_forms = [
        official.family.clone(),
        official.family.replace('-', " "),
        official.family.replace(' ', "-"),
    ];
    let given: Vec<&str> = official
        .given
        .split(' ')
        .filter(|w| !w.ends_with('.'))
        .collect();
    let mut givens = vec![official.given.clone()];
    if given.len() > 1 {
        givens.extend(given.iter().map(|g| (*g).to_owned()));
    }
    let mut forms = Vec::new();
    for g in &givens {
        for f in &family_forms {
            forms.push(normalize_term(&format!("{g} {f}")));
        }
    }
    forms.sort();
    forms.dedup();
    forms
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when `start..end` of `s` is a whole word sequence.
fn bounded(s: &str, start: usize, end: usize) -> bool {
    !s[..start].chars().next_back().is_some_and(is_word_char)
        && !s[end..].chars().next().is_some_and(is_word_char)
}

/// True when the last word of `quote` starts with a capital.
fn capitalised(quote: &str) -> bool {
    quote
        .rsplit([' ', '\n', '\t'])
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

/// The capitalised word right before `at` in `text`, if it is a name of
/// someone else's: neither a title nor a role word.
fn other_given_name_before(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end_matches([' ', '\t']);
    if head.len() == at {
        return false;
    }
    let word: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let Some(first) = word.chars().next() else {
        return false;
    };
    let lower = word.to_lowercase();
    first.is_uppercase()
        && !TITLE_WORDS.contains(&word.as_str())
        && !FUNCTION_WORDS.contains(&word.as_str())
        && !ROLE_ENDINGS.iter().any(|e| lower.ends_with(e))
}

impl KnownOfficials {
    /// Groups the rows by person and compiles the automaton over their names.
    pub fn new(known: &[KnownOfficial]) -> Result<KnownOfficials, GazetteerError> {
        let mut by_name: BTreeMap<String, usize> = BTreeMap::new();
        let mut persons: Vec<Person> = Vec::new();
        for (i, k) in known.iter().enumerate() {
            let key = normalize_term(&k.name);
            let p = *by_name.entry(key).or_insert_with(|| {
                persons.push(Person {
                    name: k.name.clone(),
                    family: normalize_term(&k.family),
                    rows: Vec::new(),
                });
                persons.len() - 1
            });
            persons[p].rows.push(i);
        }
        // A form that two persons share names neither, unless it is one's own name.
        let mut forms: BTreeMap<String, Option<usize>> = BTreeMap::new();
        for (p, person) in persons.iter().enumerate() {
            for &row in &person.rows {
                for form in name_forms(&known[row]) {
                    let own = form == normalize_term(&person.name);
                    match forms.get(&form) {
                        None => {
                            forms.insert(form, Some(p));
                        }
                        Some(Some(q)) if *q == p => {}
                        Some(_) if own => {
                            forms.insert(form, Some(p));
                        }
                        Some(Some(q)) if normalize_term(&persons[*q].name) == form => {}
                        Some(_) => {
                            forms.insert(form, None);
                        }
                    }
                }
            }
        }
        let (patterns, pattern_person): (Vec<String>, Vec<usize>) = forms
            .into_iter()
            .filter_map(|(f, p)| p.map(|p| (f, p)))
            .filter(|(f, _)| !f.is_empty())
            .unzip();
        // A DFA: it runs over every byte of every document, and for these few
        // hundred names it costs a few MB, not the gazetteer's tens.
        let names = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| GazetteerError {
                file: "officials".to_owned(),
                line: 0,
                reason: format!("cannot build the name matcher: {e}"),
            })?;
        let mut by_body: HashMap<String, Vec<usize>> = HashMap::new();
        for (p, person) in persons.iter().enumerate() {
            for &r in &person.rows {
                if let Some(org) = &known[r].org {
                    let holders = by_body.entry(org.clone()).or_default();
                    if holders.last() != Some(&p) {
                        holders.push(p);
                    }
                }
            }
        }
        let mut family_index: BTreeMap<&str, usize> = BTreeMap::new();
        let mut family_persons: Vec<Vec<usize>> = Vec::new();
        for (p, person) in persons
            .iter()
            .enumerate()
            .filter(|(_, q)| !q.family.is_empty())
        {
            let slot = *family_index
                .entry(person.family.as_str())
                .or_insert_with(|| {
                    family_persons.push(Vec::new());
                    family_persons.len() - 1
                });
            family_persons[slot].push(p);
        }
        let mut family_names: Vec<&str> = vec![""; family_persons.len()];
        for (name, &slot) in &family_index {
            family_names[slot] = name;
        }
        let families =
            WordAutomaton::new(&family_names, is_word_char).map_err(|e| GazetteerError {
                file: "officials".to_owned(),
                line: 0,
                reason: format!("cannot build the family-name matcher: {e}"),
            })?;
        Ok(KnownOfficials {
            known: known.to_vec(),
            persons,
            names,
            pattern_person,
            by_body,
            families,
            family_persons,
        })
    }

    /// Adds officials the text names by full name (or by family name after a
    /// full mention, or when their body is named in the text), and fills role
    /// and organisation of officials already found from text when those are
    /// missing; respects terms against `published`. `body_names` are the
    /// canonical names of the record's entities.
    pub fn apply(
        &self,
        text: &str,
        view: &NormalizedText,
        sentences: &[Span],
        published: Option<CalendarDate>,
        body_names: &[String],
        officials: &mut Vec<Official>,
    ) {
        let in_sentence = |span: Span| sentences.iter().any(|s| s.contains(span));
        let norm = view.as_str();
        // Full mentions: (span, person).
        let mut full: Vec<(Span, usize)> = Vec::new();
        for m in self.names.find_iter(norm) {
            if !bounded(norm, m.start(), m.end()) {
                continue;
            }
            let Some(span) = view.original_span(m.start(), m.end()) else {
                continue;
            };
            let starts_capital = span
                .slice(text)
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_uppercase);
            if starts_capital && in_sentence(span) {
                full.push((span, self.pattern_person[m.pattern().as_usize()]));
            }
        }
        // Persons whose body the record names, with a fitting office there.
        let mut candidates: Vec<usize> = body_names
            .iter()
            .filter_map(|b| self.by_body.get(b))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let body_named: Vec<usize> = candidates
            .into_iter()
            .filter(|&p| !full.iter().any(|(_, q)| *q == p))
            .filter(|&p| {
                self.best_row(p, published, Some(body_names), None)
                    .is_some()
            })
            .collect();
        let surname_hits =
            self.surname_hits(text, view, &full, &body_named, &in_sentence, officials);

        let mut mentions: BTreeMap<usize, Vec<Span>> = BTreeMap::new();
        for (span, p) in full.iter().chain(&surname_hits) {
            mentions.entry(*p).or_default().push(*span);
        }
        for (p, spans) in mentions {
            let only_body = !full.iter().any(|(_, q)| *q == p);
            self.attach(text, p, spans, only_body, published, body_names, officials);
        }
    }

    /// Family-name mentions: after the person's first full mention, or for a
    /// person whose body is named, when no one else claims the word.
    fn surname_hits(
        &self,
        text: &str,
        view: &NormalizedText,
        full: &[(Span, usize)],
        body_named: &[usize],
        in_sentence: &dyn Fn(Span) -> bool,
        officials: &[Official],
    ) -> Vec<(Span, usize)> {
        let norm = view.as_str();
        let named = |p: &usize| full.iter().any(|(_, q)| q == p) || body_named.contains(p);
        let taken = |span: Span| full.iter().any(|(s, _)| s.overlaps(span));
        let mut out = Vec::new();
        if full.is_empty() && body_named.is_empty() {
            // No one is named, so no family name can be claimed.
            return out;
        }
        // A name next to a word character is no word of its own (`bounded`).
        let mut found = Vec::new();
        self.families.for_each_match(norm, |i, end, pattern| {
            found.push((i, end, pattern));
        });
        for (i, end, pattern) in found {
            let claimants: Vec<usize> = self.family_persons[pattern]
                .iter()
                .copied()
                .filter(named)
                .collect();
            if claimants.is_empty() {
                continue;
            }
            // A part of a double name ("Gerlach-Wolf") is not the family name.
            if !bounded(norm, i, end) || norm[..i].ends_with('-') || norm[end..].starts_with('-') {
                continue;
            }
            let Some(span) = view.original_span(i, end) else {
                continue;
            };
            let written = span.slice(text).unwrap_or_default();
            if !capitalised(written) || !in_sentence(span) || taken(span) {
                continue;
            }
            if other_given_name_before(text, span.start) {
                continue;
            }
            // Someone else the text names with a role holds this word.
            let elsewhere = officials.iter().any(|o| {
                o.mentions.iter().any(|m| m.span().overlaps(span))
                    && !claimants
                        .iter()
                        .any(|&p| normalize_term(&o.name) == normalize_term(&self.persons[p].name))
            });
            if elsewhere {
                continue;
            }
            let after_full: Vec<usize> = claimants
                .iter()
                .copied()
                .filter(|&p| full.iter().any(|(s, q)| *q == p && s.end <= span.start))
                .collect();
            let mut who = after_full.clone();
            who.dedup();
            if who.is_empty() {
                who = claimants
                    .iter()
                    .copied()
                    .filter(|p| body_named.contains(p))
                    .collect();
                who.dedup();
            }
            if let [p] = who.as_slice() {
                out.push((span, *p));
            }
        }
        // Mentions in text order, whatever the order of the family names.
        out.sort();
        out
    }

    /// The row of person `p` that fits `published` best; only rows whose body
    /// is in `bodies` when given, and only rows of `kind` when given.
    fn best_row(
        &self,
        p: usize,
        published: Option<CalendarDate>,
        bodies: Option<&[String]>,
        kind: Option<RoleKind>,
    ) -> Option<usize> {
        self.persons[p]
            .rows
            .iter()
            .copied()
            .filter(|&r| {
                let k = &self.known[r];
                bodies.map_or(true, |b| k.org.as_ref().is_some_and(|o| b.contains(o)))
                    && kind.map_or(true, |kind| role_kind(&k.role) == kind)
            })
            .map(|r| (self.known[r].term_fit(published), r))
            .filter(|(fit, _)| *fit != TermFit::Excluded)
            .max_by(|(fa, ra), (fb, rb)| {
                let (a, b) = (&self.known[*ra], &self.known[*rb]);
                fa.cmp(fb)
                    .then(a.last_seen.cmp(&b.last_seen))
                    .then(b.id.cmp(&a.id))
            })
            .map(|(_, r)| r)
    }

    /// Adds person `p` with `spans`, or completes the text official who is them.
    #[allow(clippy::too_many_arguments)]
    fn attach(
        &self,
        text: &str,
        p: usize,
        spans: Vec<Span>,
        only_body: bool,
        published: Option<CalendarDate>,
        body_names: &[String],
        officials: &mut Vec<Official>,
    ) {
        let person = &self.persons[p];
        let key = normalize_term(&person.name);
        let existing = officials.iter_mut().find(|o| {
            normalize_term(&o.name) == key
                || o.mentions
                    .iter()
                    .any(|m| spans.iter().any(|s| s.overlaps(m.span())))
        });
        let bodies = only_body.then_some(body_names);
        match existing {
            Some(official) => {
                let kind = official.role.as_deref().map(role_kind);
                if kind == Some(RoleKind::Other) {
                    add_mentions(text, official, &spans);
                    return;
                }
                if let Some(r) = self.best_row(p, published, bodies, kind) {
                    let row = &self.known[r];
                    if official.role.is_none() {
                        official.role = Some(row.role.clone());
                        official.role_source = Some(Attribution::Gazetteer);
                    }
                    if official.org.is_none() && row.org.is_some() {
                        official.org = row.org.clone();
                        official.org_source = Some(Attribution::Gazetteer);
                    }
                }
                add_mentions(text, official, &spans);
            }
            None => {
                let Some(r) = self.best_row(p, published, bodies, None) else {
                    return;
                };
                let row = &self.known[r];
                let mut official = Official {
                    name: person.name.clone(),
                    role: Some(row.role.clone()),
                    org: row.org.clone(),
                    role_source: Some(Attribution::Gazetteer),
                    org_source: row.org.as_ref().map(|_| Attribution::Gazetteer),
                    mentions: Vec::new(),
                };
                add_mentions(text, &mut official, &spans);
                if !official.mentions.is_empty() {
                    officials.push(official);
                }
            }
        }
    }
}

/// Adds quotes of `spans` that overlap no mention yet, keeping text order.
fn add_mentions(text: &str, official: &mut Official, spans: &[Span]) {
    for &span in spans {
        if official.mentions.iter().any(|m| m.span().overlaps(span)) {
            continue;
        }
        if let Some(q) = Quote::new(text, span) {
            official.mentions.push(q);
        }
    }
    official.mentions.sort_by_key(|m| m.start);
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;
    use crate::extract::official::OfficialFinder;
    use crate::gazetteer::matcher::Matcher;
    use crate::gazetteer::resolve::resolve;
    use crate::gazetteer::Gazetteer;
    use crate::segment::sentences;
    use crate::testcases::{run_cases, NamedCase};

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Expected {
        name: String,
        role: Option<String>,
        org: Option<String>,
        role_source: Option<String>,
        org_source: Option<String>,
        mentions: Vec<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Case {
        name: String,
        text: String,
        published: Option<String>,
        #[serde(default)]
        bodies: Vec<String>,
        user: Option<String>,
        #[serde(default)]
        expect: Vec<Expected>,
    }

    impl NamedCase for Case {
        fn name(&self) -> &str {
            &self.name
        }
    }

    fn source_name(a: Option<Attribution>) -> Option<String> {
        a.map(|a| match a {
            Attribution::Text => "text".to_owned(),
            Attribution::Gazetteer => "gazetteer".to_owned(),
            Attribution::Context => "context".to_owned(),
        })
    }

    fn check(case: &Case) -> Result<(), String> {
        let mut g = Gazetteer::bundled().map_err(|e| e.to_string())?;
        if let Some(user) = &case.user {
            g.add_file("user.tsv", user).map_err(|e| e.to_string())?;
        }
        let text = case.text.as_str();
        let view = NormalizedText::new(text);
        let matcher = Matcher::new(g.entries()).map_err(|e| e.to_string())?;
        let places = resolve(&matcher.find(text, &view), g.entries());
        let finder = OfficialFinder::new(g.roles()).map_err(|e| e.to_string())?;
        let s = sentences(text, Span::new(0, text.len()));
        let mut officials = finder.find(text, &view, &s, &places, g.entries());
        let published = case
            .published
            .as_deref()
            .map(|p| CalendarDate::parse_iso(p).ok_or(format!("bad date {p}")))
            .transpose()?;
        let known = KnownOfficials::new(g.officials()).map_err(|e| e.to_string())?;
        known.apply(text, &view, &s, published, &case.bodies, &mut officials);
        let got: Vec<String> = officials
            .iter()
            .map(|o| {
                for m in &o.mentions {
                    assert_eq!(&text[m.start..m.end], m.text, "mention quotes the text");
                }
                format!(
                    "{} | {:?} | {:?} | {:?} | {:?} | {:?}",
                    o.name,
                    o.role,
                    o.org,
                    source_name(o.role_source),
                    source_name(o.org_source),
                    o.mentions
                        .iter()
                        .map(|m| m.text.as_str())
                        .collect::<Vec<_>>()
                )
            })
            .collect();
        let want: Vec<String> = case
            .expect
            .iter()
            .map(|e| {
                format!(
                    "{} | {:?} | {:?} | {:?} | {:?} | {:?}",
                    e.name, e.role, e.org, e.role_source, e.org_source, e.mentions
                )
            })
            .collect();
        if got == want {
            Ok(())
        } else {
            Err(format!("\n    got  {got:#?}\n    want {want:#?}"))
        }
    }

    #[test]
    fn cases() {
        run_cases(
            "testdata/cases/known_officials.toml",
            include_str!("../../testdata/cases/known_officials.toml"),
            check,
        );
    }

    #[test]
    fn is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<KnownOfficials>();
    }

    #[test]
    fn no_panic_on_odd_text() {
        let g = Gazetteer::bundled().unwrap();
        let known = KnownOfficials::new(g.officials()).unwrap();
        for text in [
            "",
            "Jung",
            "Burkhard Jung",
            "\u{00AD}Jung-\nsagte Katja Wolf",
            "ä Wolf ö",
        ] {
            let view = NormalizedText::new(text);
            let s = sentences(text, Span::new(0, text.len()));
            let mut officials = Vec::new();
            known.apply(
                text,
                &view,
                &s,
                None,
                &["Leipzig".to_owned()],
                &mut officials,
            );
            for o in &officials {
                for m in &o.mentions {
                    assert_eq!(&text[m.start..m.end], m.text);
                }
            }
        }
    }
}
