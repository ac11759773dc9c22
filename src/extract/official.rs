//! Officials: people named with a public or corporate role.
//!
//! Roles are found with an automaton over every role form of the gazetteer (and a
//! few generic heads such as "Leiter"), on the normalised view, so "Geschäfts-\nführer"
//! is found too; a compound ending in a role ("NRW-Innenminister",
//! "Digitalstaatssekretärin") counts as that role. A person is tied to a role by
//! the shapes German press texts use, tried in this order within one sentence:
//!
//! 1. a plural role before a list: "die Geschäftsführer Max Muster (KDO) und …";
//! 2. name, role: "Anna Roth, Beigeordnete der Stadt Jena";
//! 3. role, name: "Oberbürgermeisterin Anna Roth";
//! 4. role, copula, name: "Leiterin des Digitalbüros wird Anja Paetow, die …", where
//!    a verb after the name ("wird Anja Paetow treffen") makes it the object, not
//!    the holder;
//! 5. role and organisation, name: "der Landrat des Kreises Unna, Max Muster,";
//! 6. across a full stop, a role closing its sentence and the name opening the
//!    next: "Den Anstoß gab die Landrätin des Kreises Unna. Birte Vossberg hatte …",
//!    and the other way round, a speaker closing one sentence and the role opening
//!    the next: "…, sagt Dr. Anna Roth. Die Beigeordnete für Ordnung rechnet …".
//!
//! A commercial register names people surname first, with residence and date of
//! birth: "Geschäftsführer: Muster, Max, Leipzig, *01.02.1970". A colleague in
//! office ("Ihr Geraer Amtskollege Jonas Roth") holds the role of the person with a
//! role named before, in their own gender.
//!
//! The organisation is the place or body named with the role: a genitive or
//! adjective before it ("Leipzigs Oberbürgermeister", "Kieler Bürgermeisterin"), the
//! phrase after it ("der Stadt Jena", "bei Dataport"), or the brackets after the name.
//! Names lose academic titles; a person named again by surname alone ("Roth sagte")
//! gets that mention too. Journalists and photographers carry no role from the
//! gazetteer and stand in bylines, which are not content, so they are not found.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::Regex;

use crate::error::GazetteerError;
use crate::gazetteer::forms::{ascii_umlauts, FormKind};
use crate::gazetteer::resolve::Resolved;
use crate::gazetteer::{Entry, Role};
use crate::normalize::{normalize_term, quoted_printable_decoded, tidy, NormalizedText};
use crate::record::EntityKind;
use crate::record::{Attribution, Official};
use crate::span::{Quote, Span};

/// Heads of role phrases that the role gazetteer leaves to free text
/// ("Leiter Vertrieb", "Sprecherin der Stadt"), and council and office titles it
/// lacks ("Ratsherr", "Erste Kreisrätin" in Lower Saxony's districts,
/// "Kreistagsmitglied", "Kreisbrandinspektor").
const GENERIC_HEADS: &[&str] = &[
    "Abgeordnete",
    "Abgeordneten",
    "Abgeordneter",
    "Beauftragte",
    "Beauftragtem",
    "Beauftragten",
    "Beauftragter",
    "Betreuer",
    "Betreuerin",
    "Chef",
    "Chefin",
    "Kreisbrandinspektor",
    "Kreisbrandinspektorin",
    "Kreisrat",
    "Kreisrätin",
    "Kreistagsmitglied",
    "Landtagsmitglied",
    "Leiter",
    "Leiterin",
    "Präsidialmitglied",
    "Ratsfrau",
    "Ratsherr",
    "Ratsherrn",
    "Ratsmitglied",
    "Sprecher",
    "Sprecherin",
    "Vorsitzende",
    "Vorsitzender",
];

/// Adjectives of rank or kind that belong to the role they stand before ("Erste
/// Kreisrätin", "Stellvertretender Landrat", "Berufsmäßige Stadträtin"), where the
/// role gazetteer has no form with them.
const RANK_ADJECTIVES: &[&str] = &[
    "Amtierende",
    "Amtierender",
    "Berufsmäßige",
    "Berufsmäßiger",
    "Dritte",
    "Dritter",
    "Ehrenamtliche",
    "Ehrenamtlicher",
    "Erste",
    "Erster",
    "Hauptamtliche",
    "Hauptamtlicher",
    "Kommissarische",
    "Kommissarischer",
    "Stellvertretende",
    "Stellvertretender",
    "Zweite",
    "Zweiter",
];

/// Capitalised words that start sentences or phrases and are never part of a name,
/// among them the units of an administration ("Abteilung Informationstechnik")
/// and the nouns that refer to someone by relation ("Ihr Amtskollege,
/// Landrat …"), which an apposition would otherwise take for a name.
const NOT_NAMES: &[&str] = &[
    "Abteilung",
    "Am",
    "Amt",
    "Amtskollege",
    "Amtskollegin",
    "Auch",
    "Bei",
    "Bund",
    "Das",
    "Dem",
    "Den",
    "Der",
    "Des",
    "Dezernat",
    "Die",
    "Dies",
    "Diese",
    "Dieser",
    "Ein",
    "Eine",
    "Einer",
    "Er",
    "Es",
    "Fachbereich",
    "Fachdienst",
    "Frau",
    "Für",
    "Gemeinde",
    "Herr",
    "Ihr",
    "Im",
    "In",
    "Kollege",
    "Kollegin",
    "Kreis",
    "Land",
    "Landes",
    "Landkreis",
    "Laut",
    "Mit",
    "Nach",
    "Nachfolger",
    "Nachfolgerin",
    "Referat",
    "Sachgebiet",
    "Sie",
    "So",
    "Stadt",
    "Stellvertreter",
    "Stellvertreterin",
    "Und",
    "Von",
    "Vorgänger",
    "Vorgängerin",
    "Wie",
    "Wir",
    "Zu",
    "Zum",
    "Zur",
];

/// Endings of nouns naming bodies, never a surname ("Staatskanzlei",
/// "Innenministerium", "Kreisverwaltung").
const BODY_ENDINGS: &[&str] = &[
    "kanzlei",
    "ministerium",
    "verwaltung",
    "behörde",
    "regierung",
    "zentrum",
    "verband",
];

/// A role found in the text.
#[derive(Debug, Clone)]
struct RoleHit {
    /// The role word or phrase as written, prefixes and portfolio included.
    span: Span,
    /// Just the role word (a compound included).
    word: Span,
}

/// A person tied to a role in one sentence.
#[derive(Debug, Clone)]
struct Found {
    name: String,
    mention: Span,
    role: String,
    org: Option<usize>,
}

/// Finds officials. Built once from the role gazetteer.
#[derive(Debug, Clone)]
pub struct OfficialFinder {
    roles: AhoCorasick,
    /// Normalised forms of the roles that a district ("landrat") or a Land
    /// ("innenminister") holds, sorted, with that kind: a city adjective before
    /// them names the district or Land, not the city.
    held_by: Vec<(String, EntityKind)>,
    /// Role abbreviations as written ("OB", "MdB"), each with its normalised
    /// form: an abbreviation counts only as written, not as the word "Ob".
    abbreviations: Vec<(String, String)>,
    name_at_start: Regex,
    name_before_comma: Regex,
    name_with_brackets: Regex,
    /// The name a role is given with a copula: "(Leiterin des Digitalbüros) wird
    /// Anja Paetow, …", "(Geschäftsführer) bleibt Dr. Tobias Wendling.", "(Der
    /// Landrat) heißt Tobias Gerdes."
    name_after_copula: Regex,
    portfolio_for: Regex,
    portfolio_plain: Regex,
    signature_name: Regex,
    /// The speaker a sentence closes with: "…, sagt Dr. Anna Roth."
    speaker_closing: Regex,
    /// Each role's masculine and feminine singular, to give a colleague in
    /// office the role of the one named before in their own form.
    genders: Vec<(String, String)>,
    /// A commercial register's entry after its role: "(Geschäftsführer:)
    /// Muster, Max, Leipzig, *01.02.1970", surname first, with residence and
    /// date of birth.
    register_entry: Regex,
}

impl OfficialFinder {
    /// Compiles the role automaton and the name patterns.
    pub fn new(roles: &[Role]) -> Result<OfficialFinder, GazetteerError> {
        let genders = roles
            .iter()
            .map(|r| (r.role.clone(), r.feminine.clone()))
            .collect();
        let abbreviations = roles
            .iter()
            .flat_map(|r| &r.abbreviations)
            .map(|a| (normalize_term(a), a.clone()))
            .collect();
        let mut keys: Vec<String> = roles
            .iter()
            .flat_map(|r| {
                std::iter::once(&r.role)
                    .chain(std::iter::once(&r.feminine))
                    .chain(&r.forms)
                    .chain(&r.abbreviations)
            })
            .flat_map(|f| {
                std::iter::once(f.clone())
                    .chain(ascii_umlauts(f))
                    .chain(ocr_misread(f))
            })
            .map(|f| normalize_term(&f))
            .chain(GENERIC_HEADS.iter().map(|h| normalize_term(h)))
            .filter(|k| k.chars().count() >= 2)
            .collect();
        keys.sort();
        keys.dedup();
        let mut held_by: Vec<(String, EntityKind)> = roles
            .iter()
            .filter_map(|r| match r.category.as_str() {
                "district" => Some((r, EntityKind::District)),
                "state" => Some((r, EntityKind::State)),
                _ => None,
            })
            .flat_map(|(r, kind)| {
                [&r.role, &r.feminine]
                    .into_iter()
                    .chain(&r.forms)
                    .map(move |f| (normalize_term(f), kind))
            })
            .collect();
        held_by.sort();
        held_by.dedup();
        // A DFA: the automaton runs over every document's whole text, and its
        // few hundred keys make a table of a few MB at most.
        let roles = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(&keys)
            .map_err(|e| GazetteerError {
                file: "roles".to_owned(),
                line: 0,
                reason: format!("cannot build the role matcher: {e}"),
            })?;
        Ok(OfficialFinder {
            roles,
            held_by,
            abbreviations,
            genders,
            name_at_start: compile(&format!(r"^{TITLES}(?P<name>{NAME})(?:\W|$)"))?,
            name_before_comma: compile(&format!(
                r"(?P<name>{NAME})(?:\s+(?:{VERB_PARTICLES}))?,\s+(?:(?:bisher|bislang|zuvor|früher|künftig|derzeit|seit\s+\d{{4}})\s+)?(?:(?:der|die|dem|den)\s+)?(?:\p{{Lu}}\p{{Ll}}+er\s+)?$"
            ))?,
            name_with_brackets: compile(&format!(
                r"{TITLES}(?P<name>{NAME})\s*\((?P<org>[^()]{{2,60}})\)"
            ))?,
            name_after_copula: compile(&format!(
                r"^(?:\s+(?:des|der|dem|den|im|am|für|von|vom)\s+[^,.;:]{{1,60}}?)?\s+(?:wird|bleibt|ist|war|wurde|heißt)\s+{TITLES}(?P<name>{NAME})\s*(?:[,;(]|\.(?:\s|$)|$)"
            ))?,
            signature_name: compile(&format!(r"^(?:gez\.?\s+)?{TITLES}(?P<name>{NAME})$"))?,
            speaker_closing: compile(&format!(
                r"\b(?:sagt|sagte|erklärt|erklärte|betont|betonte|meint|meinte|so)\s+{TITLES}(?P<name>{NAME})\.$"
            ))?,
            register_entry: compile(
                r"^(?:\s+\p{Ll}+)?:\s*(?:(?:Dr|Prof)\.\s*)*(?P<surname>\p{Lu}[\p{L}'-]+(?:\s\p{Lu}[\p{L}'-]+)?),\s*(?P<given>\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?),\s*[^,*;]{2,60},\s*\*\s?\d{1,2}\.\d{1,2}\.\d{4}",
            )?,
            portfolio_for: compile(
                r"^\s+für\s+\p{Lu}[\p{L}-]*(?:(?:,\s+|\s+und\s+|\s+)\p{Lu}[\p{L}-]*)*",
            )?,
            portfolio_plain: compile(
                r"^(?P<p>(?:\s+\p{Lu}\p{Ll}+(?:\s+und\s+\p{Lu}\p{Ll}+)?){1,3})\s+(?:bei|der|des|im|in|von|vom)\b",
            )?,
        })
    }

    /// Officials named in `sentences` of `text`. `places` are the document's
    /// resolved gazetteer mentions, `entries` the gazetteer they index into.
    pub fn find(
        &self,
        text: &str,
        view: &NormalizedText,
        sentences: &[Span],
        places: &[Resolved],
        entries: &[Entry],
    ) -> Vec<Official> {
        self.find_with_signatures(text, view, sentences, &[], places, entries)
    }

    /// Like [`OfficialFinder::find`], and also reads signature blocks in
    /// `signature_lines`: a row of names above a row of roles, in columns
    /// ("gez. Anna Roth      gez. Max Muster" over "Bürgermeisterin      Landrat").
    pub fn find_with_signatures(
        &self,
        text: &str,
        view: &NormalizedText,
        sentences: &[Span],
        signature_lines: &[Span],
        places: &[Resolved],
        entries: &[Entry],
    ) -> Vec<Official> {
        let roles = self.role_hits(text, view, sentences, places);
        let mut found: Vec<Found> = self.signatures(text, signature_lines);
        for (i, sentence) in sentences.iter().enumerate() {
            let in_sentence: Vec<&RoleHit> =
                roles.iter().filter(|r| sentence.contains(r.word)).collect();
            for role in in_sentence {
                // A portfolio may run past the sentence; the sentence bounds it.
                let role = RoleHit {
                    span: Span::new(role.span.start, role.span.end.min(sentence.end)),
                    word: role.word,
                };
                let mut people = self.people_of(text, *sentence, &role, places, entries);
                // A name never opens with a role ("…, Staatsminister Oliver Dammbeck"
                // after "der Chef der Staatskanzlei"): that role has its own name.
                people.retain(|p| !roles.iter().any(|r| r.word.start == p.mention.start));
                // Nor does a name after a nearer role ("der Landrätin und dem
                // Oberbürgermeister der Stadt, Herrn …"): it is that role's.
                people.retain(|p| {
                    !roles
                        .iter()
                        .any(|r| r.word.start >= role.span.end && r.word.end <= p.mention.start)
                });
                if people.is_empty() {
                    let next = sentences.get(i + 1).copied();
                    let previous = i.checked_sub(1).and_then(|p| sentences.get(p)).copied();
                    found.extend(
                        self.named_next(text, *sentence, next, &role, places, entries)
                            .or_else(|| self.named_before(text, *sentence, previous, &role)),
                    );
                } else {
                    found.extend(people);
                }
            }
        }
        let colleagues = self.colleagues(text, sentences, &found, places);
        found.extend(colleagues);
        merge(text, found, entries, sentences)
    }

    /// Colleagues in office, named after someone with a role ("Ihr Weißenfelser
    /// Amtskollege Steffen Roth sieht das ähnlich"): each holds the role of the
    /// person with a role named last before them, in their own gender, in the
    /// place the adjective before the word names.
    fn colleagues(
        &self,
        text: &str,
        sentences: &[Span],
        found: &[Found],
        places: &[Resolved],
    ) -> Vec<Found> {
        let mut out = Vec::new();
        for sentence in sentences {
            let words = &text[sentence.start..sentence.end];
            for (at, _) in words.match_indices("Amtskolleg") {
                let word_start = sentence.start + at;
                let rest = &words[at + "Amtskolleg".len()..];
                let (feminine, ending) = if rest.starts_with("in ") {
                    (true, 2)
                } else if rest.starts_with("e ") {
                    (false, 1)
                } else {
                    continue;
                };
                let word_end = word_start + "Amtskolleg".len() + ending + 1;
                let after = &text[word_end..sentence.end];
                let Some(m) = self
                    .name_at_start
                    .captures(after)
                    .and_then(|c| c.name("name"))
                else {
                    continue;
                };
                let name = Span::new(word_end + m.start(), word_end + m.end());
                let Some(before) = found
                    .iter()
                    .filter(|f| f.mention.end <= word_start)
                    .max_by_key(|f| f.mention.start)
                else {
                    continue;
                };
                let Some((masculine, feminine_form)) = self
                    .genders
                    .iter()
                    .find(|(m, f)| *m == before.role || *f == before.role)
                else {
                    continue;
                };
                let role = if feminine { feminine_form } else { masculine };
                if let Some(person) = person_name(text, name) {
                    out.push(Found {
                        name: person,
                        mention: name,
                        role: role.clone(),
                        org: org_right_before(text, word_start, places),
                    });
                }
            }
        }
        out
    }

    /// The person of a commercial register's entry right after `role`, named
    /// "Surname, Given name" and given in the usual order.
    fn register_person(
        &self,
        text: &str,
        role: &RoleHit,
        sentence: Span,
        role_text: &str,
    ) -> Option<Found> {
        let after = text.get(role.word.end..sentence.end)?;
        let c = self.register_entry.captures(after)?;
        let (surname, given) = (c.name("surname")?, c.name("given")?);
        Some(Found {
            name: format!("{} {}", given.as_str(), surname.as_str()),
            mention: Span::new(role.word.end + surname.start(), role.word.end + given.end()),
            role: role_text.to_owned(),
            org: None,
        })
    }

    /// The seventh shape, the sixth turned round: a quote's speaker closing
    /// one sentence, the next opening with the role that refers back to them
    /// ("…, sagt Dr. Anna Roth. Die Beigeordnete für Ordnung rechnet …").
    fn named_before(
        &self,
        text: &str,
        sentence: Span,
        previous: Option<Span>,
        role: &RoleHit,
    ) -> Option<Found> {
        let previous = previous?;
        let lead = text[sentence.start..role.word.start].trim();
        if !matches!(lead, "Der" | "Die") || !text[previous.end..sentence.start].trim().is_empty() {
            return None;
        }
        let closing = &text[previous.start..previous.end];
        let m = self.speaker_closing.captures(closing)?.name("name")?;
        let name = Span::new(previous.start + m.start(), previous.start + m.end());
        Some(Found {
            name: person_name(text, name)?,
            mention: name,
            role: as_written(&text[role.span.start..role.span.end]),
            org: None,
        })
    }

    /// The sixth shape: a role closing its sentence, the name opening the next
    /// one ("Das ist der Kreisdirektor. Heinrich Overmeyer hält …", "Angestoßen
    /// hat es die Landrätin des Kreises Coesfeld. Ursula Bröcker-Hesse hatte …").
    /// Only when an article or possessive leads the role and the name is the
    /// next sentence's subject, followed by its verb.
    fn named_next(
        &self,
        text: &str,
        sentence: Span,
        next: Option<Span>,
        role: &RoleHit,
        places: &[Resolved],
        entries: &[Entry],
    ) -> Option<Found> {
        let next = next?;
        let tail = text[role.span.end..sentence.end].trim_end();
        // Nothing but the body after the role: no verb, no object.
        let org_phrase = tail.split_whitespace().all(|w| {
            let w = w.trim_end_matches('.');
            w.is_empty() || w.starts_with(char::is_uppercase) || ORG_GLUE.contains(&w)
        });
        let closes = tail.ends_with('.')
            && org_phrase
            && tail.split_whitespace().count() <= 5
            && clause_end(text, role.span.end, sentence.end) == sentence.end;
        let led = text[sentence.start..role.word.start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| ROLE_LEADS.contains(&w.to_lowercase().as_str()));
        if !closes || !led || !text[sentence.end..next.start].trim().is_empty() {
            return None;
        }
        let opening = &text[next.start..next.end];
        let m = self.name_at_start.captures(opening)?.name("name")?;
        // A party in brackets may stand between ("Anna Roth (SPD) wirbt …").
        let after = &opening[m.end()..];
        let after = if party_in_brackets(after) {
            after.split_once(')').map_or(after, |(_, rest)| rest)
        } else {
            after
        };
        let verb_follows = after
            .split_whitespace()
            .next()
            .is_some_and(|w| w.starts_with(char::is_lowercase));
        if !verb_follows {
            return None;
        }
        let name = Span::new(next.start + m.start(), next.start + m.end());
        Some(Found {
            name: person_name(text, name)?,
            mention: name,
            role: as_written(&text[role.span.start..role.span.end]),
            org: first_org_in(Span::new(role.span.end, sentence.end), places, entries),
        })
    }

    /// Officials signing in columns: each role row's columns under the name row
    /// above it (a name split over two lines, "Karsten" over "Wölfel", counts for
    /// one column).
    fn signatures(&self, text: &str, lines: &[Span]) -> Vec<Found> {
        let mut out = Vec::new();
        for (k, line) in lines.iter().enumerate().skip(1) {
            if is_prose(text, *line) {
                continue;
            }
            let roles = columns(text, *line);
            if roles.is_empty() || !roles.iter().all(|&c| self.is_role_column(text, c)) {
                continue;
            }
            // Rows of one block stand on consecutive lines.
            let adjacent = |a: Span, b: Span| {
                let gap = &text[a.end..b.start];
                gap.trim().is_empty() && gap.matches('\n').count() <= 1
            };
            if !adjacent(lines[k - 1], *line) {
                continue;
            }
            let names = columns(text, lines[k - 1]);
            let mut pairs: Vec<(Span, Span)> = Vec::new();
            if names.len() == roles.len() {
                pairs.extend(names.iter().copied().zip(roles.iter().copied()));
            }
            // A name broken over two lines above a single role.
            let one_word = |s: Span| text[s.start..s.end].split_whitespace().count() == 1;
            if roles.len() == 1
                && k >= 2
                && one_word(lines[k - 2])
                && one_word(lines[k - 1])
                && adjacent(lines[k - 2], lines[k - 1])
            {
                pairs = vec![(lines[k - 2].cover(lines[k - 1]), roles[0])];
            }
            for (name_col, role_col) in pairs {
                let written = &text[name_col.start..name_col.end];
                let Some(m) = self
                    .signature_name
                    .captures(written)
                    .and_then(|c| c.name("name"))
                else {
                    continue;
                };
                let name = Span::new(name_col.start + m.start(), name_col.start + m.end());
                if let Some(n) = person_name(text, name) {
                    out.push(Found {
                        name: n,
                        mention: name,
                        role: as_written(&text[role_col.start..role_col.end]),
                        org: None,
                    });
                }
            }
        }
        out
    }

    /// A column that is a role and nothing else (a leading adjective allowed:
    /// "Berufsmäßige Stadträtin", "Zweiter Bürgermeister").
    fn is_role_column(&self, text: &str, column: Span) -> bool {
        let written = &text[column.start..column.end];
        if written.split_whitespace().count() > 4 {
            return false;
        }
        let norm = crate::normalize::normalize_term(written);
        let ends_in_role = self.roles.find_iter(&norm).last().is_some_and(|m| {
            m.end() == norm.len() && (m.start() == 0 || norm[..m.start()].ends_with([' ', '-']))
        });
        // "Vorsitzender des Kreistages": a role opening the column, with its body.
        let role_of_body = self.roles.find_iter(&norm).next().is_some_and(|m| {
            m.start() == 0
                && [" des ", " der "]
                    .iter()
                    .any(|g| norm[m.end()..].starts_with(g))
        });
        ends_in_role || role_of_body
    }

    /// Role phrases in the sentences, with compounds and portfolios.
    fn role_hits(
        &self,
        text: &str,
        view: &NormalizedText,
        sentences: &[Span],
        places: &[Resolved],
    ) -> Vec<RoleHit> {
        let norm = view.as_str();
        let mut out = Vec::new();
        for m in self.roles.find_iter(norm) {
            if norm[m.end()..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
            {
                continue;
            }
            let start = norm[..m.start()]
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphanumeric() || *c == '-')
                .last()
                .map_or(m.start(), |(i, _)| i);
            let Some(word) = view.original_span(start, m.end()) else {
                continue;
            };
            // A short role ("OB") ends a compound only as written in capitals
            // ("SPD-OB"): the letters end many a name ("Jakob").
            let short_tail = start < m.start()
                && m.len() <= 3
                && !view
                    .original_span(m.start(), m.end())
                    .and_then(|s| s.slice(text))
                    .is_some_and(|s| s.chars().all(|c| !c.is_lowercase()));
            let matched = &norm[m.start()..m.end()];
            let misspelt_abbreviation = self.abbreviations.iter().any(|(key, _)| key == matched)
                && !view
                    .original_span(m.start(), m.end())
                    .and_then(|s| s.slice(text))
                    .is_some_and(|w| self.abbreviations.iter().any(|(_, a)| a == w));
            if short_tail
                || misspelt_abbreviation
                || !is_capitalised(text, word)
                || !sentences.iter().any(|s| s.contains(word))
            {
                continue;
            }
            let word = with_rank_adjective(text, word);
            let span = self.with_portfolio(text, word, places);
            out.push(RoleHit { span, word });
        }
        out
    }

    /// The role word extended over its portfolio ("für Finanzen und Digitales",
    /// "Vertrieb Länder und Kommunen"), which ends before any place name.
    fn with_portfolio(&self, text: &str, word: Span, places: &[Resolved]) -> Span {
        let tail = &text[word.end..];
        let end = match self.portfolio_for.find(tail) {
            Some(m) => word.end + m.end(),
            None => match self
                .portfolio_plain
                .captures(tail)
                .and_then(|c| c.name("p"))
            {
                Some(m) => word.end + m.end(),
                None => return word,
            },
        };
        let end = places
            .iter()
            .filter(|p| p.span.start > word.end && p.span.start < end)
            .map(|p| text[..p.span.start].trim_end().len())
            .min()
            .unwrap_or(end);
        // A list of portfolios ends before a name set off by a comma ("für
        // Finanzen, Digitalisierung und Ordnung, Dr. Antje Kowalewski").
        let end = text[word.end..end]
            .match_indices(',')
            .map(|(i, _)| word.end + i)
            .find(|&comma| self.name_at_start.is_match(text[comma + 1..].trim_start()))
            .unwrap_or(end);
        Span::new(word.start, self.name_inside_portfolio(text, word.end, end))
    }

    /// Where a name the portfolio swallowed begins, or `end`: "Bürgermeisterin
    /// für Finanzen Dr. Jana Roth" (a title starts the name) or "Dezernent für
    /// Bildung Max Muster sagte" (the last two capitalised words end the
    /// portfolio and read as a name). The portfolio keeps at least one word.
    fn name_inside_portfolio(&self, text: &str, from: usize, end: usize) -> usize {
        let portfolio = &text[from..end];
        // (where the name starts, whether a title leads it, whether it ends the portfolio)
        let names: Vec<(usize, bool, bool)> = portfolio
            .char_indices()
            .filter(|&(i, c)| c.is_uppercase() && (i == 0 || portfolio[..i].ends_with(' ')))
            .map(|(i, _)| from + i)
            .skip(1)
            .filter_map(|start| {
                let name = self.name_at_start.captures(&text[start..])?.name("name")?;
                let name_end = start + name.end();
                // "Soziales Dr. Ute Roth": a title is no surname.
                let before_title = text[name_end..].starts_with('.');
                let ends_portfolio = !before_title
                    && (name_end >= end
                        || text.get(name_end..end).is_some_and(|s| s.trim().is_empty()));
                Some((start, name.start() > 0, ends_portfolio))
            })
            .collect();
        names
            .iter()
            .find(|n| n.1)
            .or_else(|| names.iter().find(|n| n.2))
            .map_or(end, |n| text[..n.0].trim_end().len())
    }

    /// "die Geschäftsführer Max Muster (KDO), Eva Roth (KRZN) und …": names with
    /// brackets that follow the role closely and are joined only by commas, "und"
    /// or "sowie".
    fn bracketed_list(
        &self,
        text: &str,
        role: &RoleHit,
        sentence: Span,
        role_text: &str,
        places: &[Resolved],
        entries: &[Entry],
    ) -> Vec<Found> {
        const MAX_LEAD: usize = 40;
        let region = &text[role.span.end..sentence.end];
        let mut out = Vec::new();
        let mut previous_end = 0;
        for c in self.name_with_brackets.captures_iter(region) {
            let (Some(whole), Some(m), Some(org)) = (c.get(0), c.name("name"), c.name("org"))
            else {
                break;
            };
            let between = region[previous_end..whole.start()].trim();
            let joined = if out.is_empty() {
                whole.start() <= MAX_LEAD
            } else {
                matches!(between, "," | "und" | ", und" | "sowie" | ", sowie")
            };
            if !joined {
                break;
            }
            previous_end = whole.end();
            let name = Span::new(role.span.end + m.start(), role.span.end + m.end());
            let org_span = Span::new(role.span.end + org.start(), role.span.end + org.end());
            if let Some(n) = person_name(text, name) {
                out.push(Found {
                    name: n,
                    mention: name,
                    role: role_text.to_owned(),
                    org: first_org_in(org_span, places, entries),
                });
            }
        }
        out
    }

    /// The body that holds `role` when the place `org` is named before it. A
    /// district role ("der Reutlinger Landrat") belongs to the district that bears
    /// its seat's name; a Land role ("der Brandenburger Innenminister") to the
    /// Land of that name, and to no city: a city has no such office.
    fn holder_of(&self, role: &str, org: usize, entries: &[Entry]) -> Option<usize> {
        let role = normalize_term(role);
        let role = role.rsplit([' ', '-']).next().unwrap_or(&role);
        let place = &entries[org];
        let Ok(at) = self.held_by.binary_search_by(|(r, _)| r.as_str().cmp(role)) else {
            return Some(org);
        };
        let holder = self.held_by[at].1;
        if place.kind != EntityKind::Municipality {
            return Some(org);
        }
        let named_like_place =
            |name: &str| name == place.name || place.aliases.iter().any(|a| a == name);
        let found = entries.iter().position(|e| {
            e.kind == holder
                && !e.historical
                && match holder {
                    EntityKind::District => e.bare.as_deref().is_some_and(named_like_place),
                    _ => named_like_place(&e.name),
                }
        });
        match holder {
            EntityKind::District => found.or(Some(org)),
            _ => found,
        }
    }

    /// True when what follows a would-be name after a role goes on as the rest
    /// of the role's portfolio and names the person after a comma: in
    /// "Fachdienstleiterin Zentrale Dienste und IT, Ricarda Hahner, …" and
    /// "Fachdienstleiter Zentrale Dienste, Hendrik Roth, …" the capitalised
    /// "Zentrale Dienste" is the office, not a person.
    fn portfolio_goes_on(&self, after_name: &str) -> bool {
        let after_name = &after_name[emphasis_closing(after_name)..];
        // "Fachdienstleiter Zentrale Dienste, Hendrik Brüning-Wolters, leitet":
        // the holder's name follows, set off by commas.
        if let Some(rest) = after_name.strip_prefix(',').map(str::trim_start) {
            let apposition = self
                .name_at_start
                .captures(rest)
                .and_then(|c| c.name("name"))
                .is_some_and(|m| rest[m.end()..].starts_with(','));
            if apposition {
                return true;
            }
        }
        let Some(rest) = after_name
            .strip_prefix(" und ")
            .or_else(|| after_name.strip_prefix(" & "))
        else {
            return false;
        };
        let Some((more, after_comma)) = rest.split_once(',') else {
            return false;
        };
        let words: Vec<&str> = more.split_whitespace().collect();
        (1..=3).contains(&words.len())
            && words.iter().all(|w| w.starts_with(char::is_uppercase))
            && self.name_at_start.is_match(after_comma.trim_start())
    }

    /// The name after a department that stands between a role and the person's
    /// name, when the would-be `name` after the role is that department: two
    /// capitalised words followed at once by a name ("Amtsleiter Zentrale Dienste
    /// Matthias Rübsamen"), or a first word that is a noun no first name ends
    /// like ("Fachbereichsleiter Digitalisierung Sören Matthiesen").
    fn name_after_department(&self, text: &str, name: Span, limit: usize) -> Option<Span> {
        let name_at = |at: usize| {
            let m = self
                .name_at_start
                .captures(text.get(at..limit)?)?
                .name("name")?;
            Some(Span::new(at + m.start(), at + m.end()))
        };
        text[name.end..limit]
            .starts_with(' ')
            .then(|| name_at(name.end + 1))
            .flatten()
            .or_else(|| {
                department_noun_len(&text[name.start..limit])
                    .and_then(|skip| name_at(name.start + skip))
            })
    }

    /// The people one role hit names, by the first five shapes in the module doc, in
    /// their order.
    fn people_of(
        &self,
        text: &str,
        sentence: Span,
        role: &RoleHit,
        places: &[Resolved],
        entries: &[Entry],
    ) -> Vec<Found> {
        let role_text = as_written(&text[role.span.start..role.span.end]);
        let org_before = org_right_before(text, role.word.start, places)
            .and_then(|org| self.holder_of(&text[role.word.start..role.word.end], org, entries));
        let person = |name: Span, org_region: Span| {
            let org = org_before.or_else(|| first_org_in(org_region, places, entries));
            person_name(text, name).map(|n| Found {
                name: n,
                mention: name,
                role: role_text.clone(),
                org,
            })
        };
        // 1. a plural role before a list of names with brackets: checked first, as
        // its first name would otherwise pass for shape 3.
        let listed = self.bracketed_list(text, role, sentence, &role_text, places, entries);
        if listed.len() >= 2 {
            return listed;
        }
        // A register entry: "Geschäftsführer: Muster, Max, Leipzig, *01.02.1970".
        if let Some(f) = self.register_person(text, role, sentence, &role_text) {
            return vec![f];
        }
        // 2. name, role: tried before shape 3, as the comma of an apposition is the
        // stronger sign ("Anna Roth, Bürgermeisterin Allgemeine Verwaltung")
        let before = &text[sentence.start..role.span.start];
        if let Some(c) = self.name_before_comma.captures(before) {
            if let Some(m) = c.name("name") {
                let name = Span::new(sentence.start + m.start(), sentence.start + m.end());
                let clause_end = clause_end(text, role.span.end, sentence.end);
                if let Some(f) = person(name, Span::new(role.span.end, clause_end)) {
                    return vec![f];
                }
            }
        }
        // 3. role, name: right after the role word, or after its portfolio
        // ("Bürgermeisterin für Finanzen Dr. Jana Roth")
        let portfolio_end = (role.span.end > role.word.end).then_some(role.span.end);
        for from in std::iter::once(role.word.end).chain(portfolio_end) {
            let after = &text[from..sentence.end];
            let gap = emphasis_opening(after);
            let Some(m) = self
                .name_at_start
                .captures(&after[gap..])
                .and_then(|c| c.name("name"))
            else {
                continue;
            };
            let name = Span::new(from + gap + m.start(), from + gap + m.end());
            if self.portfolio_goes_on(&text[name.end..sentence.end]) {
                break;
            }
            let name = self
                .name_after_department(text, name, sentence.end)
                .unwrap_or(name);
            let brackets = bracketed_after(text, name.end, sentence.end);
            if let Some(mut f) = person(
                name,
                brackets.unwrap_or(Span::new(role.span.end, role.span.end)),
            ) {
                if name.start < role.span.end {
                    // What looked like a portfolio was the name.
                    f.role = as_written(&text[role.word.start..role.word.end]);
                }
                return vec![f];
            }
        }
        // 4. role, copula, name: "Vorstand der neuen Anstalt wird Dr. Kai Roth."
        if let Some(m) = self
            .name_after_copula
            .captures(&text[role.word.end..sentence.end])
            .and_then(|c| c.name("name"))
        {
            let name = Span::new(role.word.end + m.start(), role.word.end + m.end());
            if let Some(f) = person(name, Span::new(role.span.end, name.start)) {
                return vec![f];
            }
        }
        // 5. role and organisation, name
        let clause_end = clause_end(text, role.span.end, sentence.end);
        if text[clause_end..sentence.end].starts_with(',') {
            let rest = &text[clause_end + 1..sentence.end];
            let gap = emphasis_opening(rest);
            if let Some(c) = self.name_at_start.captures(&rest[gap..]) {
                if let Some(m) = c.name("name") {
                    let at = clause_end + 1 + gap;
                    let name = Span::new(at + m.start(), at + m.end());
                    if let Some(f) = person(name, Span::new(role.span.end, clause_end)) {
                        return vec![f];
                    }
                }
            }
        }
        Vec::new()
    }
}

/// Words that lead a role standing for its holder ("der Kreisdirektor", "ihre
/// Landrätin").
const ROLE_LEADS: &[&str] = &[
    "der", "die", "dem", "den", "vom", "sein", "seine", "ihr", "ihre",
];

/// Small words of the phrase naming a role's body ("des Kreises", "der Stadt",
/// "bei der", "von").
const ORG_GLUE: &[&str] = &["des", "der", "von", "vom", "im", "in", "bei", "für", "am"];

/// Parties and groups that follow a member's name in brackets, in the spellings
/// parliaments and councils use, compared without case.
const PARTIES: &[&str] = &[
    "afd",
    "b90/grüne",
    "bsw",
    "bündnis 90/die grünen",
    "cdu",
    "csu",
    "die linke",
    "fdp",
    "freie wähler",
    "fw",
    "fwg",
    "fraktionslos",
    "grüne",
    "linke",
    "npd",
    "ödp",
    "parteilos",
    "piraten",
    "spd",
    "ssw",
    "uwg",
    "volt",
];

/// Whether `rest`, the text right after a name, opens with a party in brackets
/// ("(CDU)", "(fraktionslos)"): the name is a member's, not a place's.
pub(crate) fn party_in_brackets(rest: &str) -> bool {
    let Some(inside) = rest.trim_start_matches([' ', '\u{a0}']).strip_prefix('(') else {
        return false;
    };
    let Some((party, _)) = inside.split_once(')') else {
        return false;
    };
    party.len() <= 24 && PARTIES.contains(&party.trim().to_lowercase().as_str())
}

/// A form of address and academic titles before a name ("Herrn Dr. Max Muster" in
/// minutes and letters); they are not part of it.
const TITLES: &str = r"(?:(?:Herrn?|Frau)(?:\s|&nbsp;)+)?(?:(?:Prof|Dr|Dipl\.-[\p{L}]+|Ing|rer\.\s?nat|h\.\s?c)\.?(?:\s|&nbsp;)+)*";

/// Particles of separable verbs that may stand between a name and its role
/// ("Den Umzug bereitet Ulrike Vollrath vor, Leiterin des Fachdienstes IT").
const VERB_PARTICLES: &str = "vor|an|auf|aus|ein|mit|ab|bei|zu|fest|hin|weiter|zurück|entgegen|dar";

/// A person's name: first name, optional initials, optional particle, surname. A
/// word split by a line-end hyphen ("Hol-\nger") counts as one word, and so does a
/// double surname whose second part starts the next line ("Schulte-\nOehm"); on HTML pages
/// a small letter may be written as a character reference ("J&#252;rgen") or, in
/// decomposed text, as a letter and a combining mark. It ends without a word
/// boundary, which would hold the patterns to the slow regex engines (see
/// [`crate::pattern`]); each pattern bounds the name itself.
const NAME: &str = r"\p{Lu}(?:\p{Ll}|\p{M}|&[a-z]+;|&#\d+;)+(?:-\s*\p{Ll}+)?(?:-\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}\.)*\s+(?:(?:von|van|de|zu|von\s+der)\s+)?\p{Lu}(?:\p{Ll}|\p{M}|&[a-z]+;|&#\d+;)+(?:-\s*\p{Ll}+)?(?:-(?:\r?\n[ \t]*)?\p{Lu}\p{Ll}+)?";

fn compile(pattern: &str) -> Result<Regex, GazetteerError> {
    crate::pattern::compile(pattern).map_err(|e| GazetteerError {
        file: "officials".to_owned(),
        line: 0,
        reason: format!("bad name pattern: {e}"),
    })
}

/// The name at `span` without titles and line-end hyphens, unless a word of it is
/// one that never belongs to a name.
fn person_name(text: &str, span: Span) -> Option<String> {
    let name = as_written(span.slice(text)?);
    let first = name.split(' ').next()?;
    let last = name.split(' ').next_back()?;
    // "Landrätin Dr." before the name: a title ends no name.
    let title = matches!(last.trim_end_matches('.'), "Dr" | "Prof" | "Dipl" | "Ing");
    // "Sächsischen Staatskanzlei": an adjective of origin and a body, no person.
    let body = ["isch", "ische", "ischen", "ischer", "isches"]
        .iter()
        .any(|e| first.ends_with(e))
        || BODY_ENDINGS.iter().any(|e| last.ends_with(e));
    (!NOT_NAMES.contains(&first) && !NOT_NAMES.contains(&last) && !title && !body).then_some(name)
}

/// A role word starts with a capital, or its last part after a hyphen does, as in
/// a compound with a brand written in small letters ("adesso-Vorstandsmitglied").
fn is_capitalised(text: &str, word: Span) -> bool {
    word.slice(text).is_some_and(|w| {
        let starts_upper = |part: &str| part.chars().next().is_some_and(char::is_uppercase);
        starts_upper(w)
            || w.rsplit_once('-')
                .is_some_and(|(_, last)| starts_upper(last))
    })
}

/// `word` with a rank adjective right before it ("Erste Kreisrätin"), if there is one.
fn with_rank_adjective(text: &str, word: Span) -> Span {
    let head = &text[..word.start];
    let Some(before) = head.strip_suffix(' ') else {
        return word;
    };
    let adjective = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    if RANK_ADJECTIVES.contains(&adjective) {
        Span::new(before.len() - adjective.len(), word.end)
    } else {
        word
    }
}

/// A line of running text: one column (no gap of three spaces or a tab) of more
/// words than a role column holds, so no row of roles. Checked before the columns
/// are cut, which most lines of an article would not need.
fn is_prose(text: &str, line: Span) -> bool {
    line.slice(text).is_some_and(|row| {
        !row.contains("   ") && !row.contains('\t') && row.split_whitespace().nth(4).is_some()
    })
}

/// The columns of a line: its parts separated by a tab or three or more spaces.
fn columns(text: &str, line: Span) -> Vec<Span> {
    let Some(row) = line.slice(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // (start, end of its last non-space character) of the column being read.
    let mut current: Option<(usize, usize)> = None;
    let mut gap = 0;
    for (i, c) in row.char_indices() {
        if c == ' ' || c == '\t' {
            gap += if c == '\t' { 3 } else { 1 };
            continue;
        }
        match current {
            Some((s, e)) if gap >= 3 => {
                out.push(Span::new(line.start + s, line.start + e));
                current = Some((i, i + c.len_utf8()));
            }
            Some((s, _)) => current = Some((s, i + c.len_utf8())),
            None => current = Some((i, i + c.len_utf8())),
        }
        gap = 0;
    }
    if let Some((s, e)) = current {
        out.push(Span::new(line.start + s, line.start + e));
    }
    out
}

/// A phrase of the text as a record shows it: character references of an HTML
/// page resolved, split words rejoined, white space folded.
fn as_written(phrase: &str) -> String {
    if phrase.contains('&') {
        tidy(&crate::html::decode_references(phrase))
    } else if phrase.contains('=') {
        tidy(&quoted_printable_decoded(phrase))
    } else {
        tidy(phrase)
    }
}

/// `role` as text recognition of a scan misreads it: "ü" as "ii"
/// ("Biirgermeister"); `None` when it has no "ü".
fn ocr_misread(role: &str) -> Option<String> {
    role.contains('ü').then(|| role.replace('ü', "ii"))
}

/// A role as written, with the umlaut a scan's text recognition misread put
/// back ("Biirgermeister" → "Bürgermeister"): only the forms of
/// [`ocr_misread`] hold "ii", as no German role word does.
fn ocr_repaired(role: String) -> String {
    if role.contains("ii") {
        role.replace("ii", "ü")
    } else {
        role
    }
}

/// The bytes of a first word that is a noun no first name ends like
/// ("Digitalisierung", "Kommunikation", "Sicherheit") and of the space after it,
/// if `phrase` opens with one.
fn department_noun_len(phrase: &str) -> Option<usize> {
    let word = phrase.split(' ').next()?;
    let noun = ["ung", "heit", "keit", "schaft", "tion", "ität"]
        .iter()
        .any(|ending| word.ends_with(ending));
    (noun && phrase.len() > word.len()).then_some(word.len() + 1)
}

/// Where the clause after a role ends: at a comma, colon, quote or bracket (not at
/// a semicolon, which ends every character reference of an HTML page).
fn clause_end(text: &str, from: usize, limit: usize) -> usize {
    text[from..limit]
        .find([',', ':', '"', '„', '“', '(', ')'])
        .map_or(limit, |i| from + i)
}

/// The span inside brackets right after `at` ("Max Muster (KDO)").
fn bracketed_after(text: &str, at: usize, limit: usize) -> Option<Span> {
    let rest = &text[at..limit];
    let open = rest.len() - rest.trim_start().len();
    let rest = rest.trim_start().strip_prefix('(')?;
    let close = rest.find(')')?;
    Some(Span::new(at + open + 1, at + open + 1 + close))
}

/// A place named right before a role by a genitive or adjective ("Leipzigs
/// Oberbürgermeister", "Kieler Bürgermeisterin").
fn org_right_before(text: &str, role_start: usize, places: &[Resolved]) -> Option<usize> {
    let head = text[..role_start].trim_end();
    let gap = role_start - head.len();
    if gap == 0 || gap > 2 {
        return None;
    }
    places
        .iter()
        .find(|p| {
            p.span.end == head.len()
                && text[p.span.start..p.span.end].ends_with(|c: char| c.is_alphabetic())
        })
        .filter(|p| {
            let written = &text[p.span.start..p.span.end];
            p.form == FormKind::Adjective || written.ends_with('s') || written.ends_with('\'')
        })
        .map(|p| p.entry)
}

/// The first gazetteer entity named inside `region`.
fn first_org_in(region: Span, places: &[Resolved], entries: &[Entry]) -> Option<usize> {
    places
        .iter()
        .filter(|p| region.contains(p.span) && p.form != FormKind::Adjective)
        .find(|p| entries.get(p.entry).is_some())
        .map(|p| p.entry)
}

/// One official per name, in order of first mention, with every mention of the full
/// name and of the surname alone in the content sentences.
fn merge(text: &str, found: Vec<Found>, entries: &[Entry], sentences: &[Span]) -> Vec<Official> {
    let mut people: Vec<Found> = Vec::new();
    for f in found {
        match people.iter_mut().find(|p| p.name == f.name) {
            Some(p) => {
                if p.org.is_none() {
                    p.org = f.org;
                }
            }
            None => people.push(f),
        }
    }
    people.sort_by_key(|p| p.mention.start);
    people
        .into_iter()
        .filter_map(|p| {
            let mut mentions: Vec<Quote> = mentions_of(text, &p, sentences);
            if mentions.is_empty() {
                mentions.extend(Quote::new(text, p.mention));
            }
            let org = p.org.and_then(|i| entries.get(i)).map(|e| e.name.clone());
            Some(Official {
                name: p.name,
                role: Some(ocr_repaired(p.role)),
                role_source: Some(Attribution::Text),
                org_source: org.as_ref().map(|_| Attribution::Text),
                org,
                mentions,
            })
            .filter(|o| !o.mentions.is_empty())
        })
        .collect()
}

/// Every place in the sentences where the person's full name or surname stands as
/// a word, the first mention always included.
fn mentions_of(text: &str, person: &Found, sentences: &[Span]) -> Vec<Quote> {
    let surname = person.name.rsplit(' ').next().unwrap_or_default();
    let mut spans = vec![person.mention];
    for s in sentences {
        let Some(sentence) = s.slice(text) else {
            continue;
        };
        for (i, _) in sentence.match_indices(surname) {
            let span = Span::new(s.start + i, s.start + i + surname.len());
            let bounded = !sentence[..i].ends_with(char::is_alphanumeric)
                && !sentence[i + surname.len()..].starts_with(char::is_alphanumeric);
            if bounded && !spans.iter().any(|m| m.overlaps(span)) {
                spans.push(span);
            }
        }
    }
    spans.sort();
    spans
        .into_iter()
        .filter_map(|s| Quote::new(text, s))
        .collect()
}

/// Inline tags that set a name in bold or italics, or wrap it in a link.
const EMPHASIS_TAGS: [&str; 6] = ["b", "strong", "em", "i", "span", "a"];

/// The length of the white space and emphasis that open `after` before a name:
/// Markdown's `**` and `*`, and inline tags such as `<strong>` ("Landrat
/// **Broder Ketelsen**", "Landrat <b>Broder Ketelsen</b>"). Underscores are left
/// alone: a name glued to a word character does not end.
fn emphasis_opening(after: &str) -> usize {
    emphasis_run(after, false)
}

/// The length of the emphasis that closes a name at the start of `after`
/// (`**`, `</b>`), so that what follows the name is read as written after it.
fn emphasis_closing(after: &str) -> usize {
    emphasis_run(after, true)
}

/// The length of a run of asterisks and emphasis tags at the start of `s`;
/// before a name, white space between them counts too. Tags of either kind may
/// stand on either side of a name, as where one styled run of a word processor's
/// export ends and the next begins ("Bürgermeisterin </span><span
/// class=\"c9\">Simone Roth</span><span class=\"c2\">, …").
fn emphasis_run(s: &str, closing: bool) -> usize {
    let mut pos = 0;
    loop {
        if !closing {
            pos += s[pos..].len() - s[pos..].trim_start().len();
        }
        let rest = &s[pos..];
        let skip = if rest.starts_with('*') {
            rest.len() - rest.trim_start_matches('*').len()
        } else {
            inline_tag_len(rest, closing).max(inline_tag_len(rest, !closing))
        };
        if skip == 0 {
            return pos;
        }
        pos += skip;
    }
}

/// The length of an opening (or, with `closing`, a closing) inline emphasis tag
/// at the start of `rest`; 0 for anything else.
fn inline_tag_len(rest: &str, closing: bool) -> usize {
    let Some(inner) = rest.strip_prefix('<') else {
        return 0;
    };
    let inner = if closing {
        match inner.strip_prefix('/') {
            Some(i) => i,
            None => return 0,
        }
    } else {
        inner
    };
    let Some(end) = inner.find('>') else {
        return 0;
    };
    let name = inner[..end]
        .split(|c: char| c.is_whitespace() || c == '/')
        .next()
        .unwrap_or("");
    if EMPHASIS_TAGS.iter().any(|t| t.eq_ignore_ascii_case(name)) {
        rest.len() - inner.len() + end + 1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::matcher::Matcher;
    use crate::gazetteer::resolve::resolve;
    use crate::gazetteer::Gazetteer;
    use crate::segment::sentences;

    fn officials(text: &str) -> Vec<(String, String, Option<String>)> {
        let g = Gazetteer::bundled().unwrap();
        let view = NormalizedText::new(text);
        let matcher = Matcher::new(g.entries()).unwrap();
        let places = resolve(&matcher.find(text, &view), g.entries());
        let finder = OfficialFinder::new(g.roles()).unwrap();
        let s = sentences(text, Span::new(0, text.len()));
        finder
            .find(text, &view, &s, &places, g.entries())
            .into_iter()
            .map(|o| {
                for m in &o.mentions {
                    assert_eq!(&text[m.start..m.end], m.text);
                }
                (o.name, o.role.unwrap_or_default(), o.org)
            })
            .collect()
    }

    #[test]
    fn role_before_name_with_genitive_place() {
        let got =
            officials("Gestern sprach Jenas Oberbürgermeisterin Dr. Petra Kalb über das Projekt.");
        assert_eq!(
            got,
            [(
                "Petra Kalb".into(),
                "Oberbürgermeisterin".into(),
                Some("Jena".into())
            )]
        );
    }

    #[test]
    fn name_before_role_with_organisation_after() {
        let got = officials("Das bestätigte Jonas Weber, Beigeordneter für Finanzen und Digitales der Stadt Gera, am Montag.");
        assert_eq!(
            got,
            [(
                "Jonas Weber".into(),
                "Beigeordneter für Finanzen und Digitales".into(),
                Some("Gera".into())
            )]
        );
    }

    #[test]
    fn a_form_of_address_is_no_part_of_the_name() {
        let got = officials("Der Kreisdirektor, Herr Dr. Ulf Steinbach, erläuterte die Vorlage.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Ulf Steinbach");
        assert_eq!(got[0].1, "Kreisdirektor");
        // "Frau" alone before a surname names no one by full name.
        assert!(officials("Die Landrätin, Frau Steinbach, stimmte zu.").is_empty());
    }

    #[test]
    fn a_name_after_two_roles_belongs_to_the_nearer() {
        let got = officials(
            "Nach Gesprächen zwischen der Landrätin und dem Oberbürgermeister der Stadt Jena, Herrn Timo Lenz, liegt ein Entwurf vor.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_str()),
            ("Timo Lenz", "Oberbürgermeister")
        );
    }

    #[test]
    fn council_and_office_titles_the_gazetteer_lacks_are_roles() {
        for (text, role) in [
            (
                "Kreistagsmitglied Heike Brandl warnte vor den Kosten.",
                "Kreistagsmitglied",
            ),
            (
                "Kreisbrandinspektor Uwe Gerlach erklärte den Plan.",
                "Kreisbrandinspektor",
            ),
            (
                "Präsidialmitglied Hendrik Lotz sprach für den Städtetag.",
                "Präsidialmitglied",
            ),
        ] {
            let got = officials(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert!(got[0].1.ends_with(role), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_colleague_in_office_holds_the_role_named_before_in_their_own_form() {
        let got = officials("Oberbürgermeisterin Dr. Petra Kalb lobte den Vertrag. Ihr Geraer Amtskollege Jonas Brettschneider sieht das ähnlich.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            (got[1].0.as_str(), got[1].1.as_str(), got[1].2.is_some()),
            ("Jonas Brettschneider", "Oberbürgermeister", true)
        );
        let got = officials(
            "Landrat Max Tiefensee unterschrieb zuerst. Seine Amtskollegin Ute Brandl folgte.",
        );
        assert_eq!(
            (got[1].0.as_str(), got[1].1.as_str()),
            ("Ute Brandl", "Landrätin")
        );
        // With no one named with a role before, the word says no office.
        assert!(officials("Der Amtskollege Jonas Brettschneider kam später.").is_empty());
    }

    #[test]
    fn a_role_given_with_a_copula_names_its_holder() {
        let got = officials(
            "Leiter der neuen Servicestelle wird Dr. Arne Klett, der bisher das Bürgeramt führte.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_str()),
            ("Arne Klett", "Leiter")
        );
        let got = officials("Geschäftsführerin bleibt Maren Otte.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Maren Otte");
        // With a verb after it, the name is the object: the role is someone else's.
        assert!(officials("Der Kreisdirektor wird Maren Otte am Montag treffen.").is_empty());
    }

    #[test]
    fn a_department_between_role_and_name_is_no_person() {
        let got = officials(
            "Amtsleiterin Zentrale Dienste Ines Brandt nennt den Stichtag für den Umzug.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_str()),
            ("Ines Brandt", "Amtsleiterin")
        );
    }

    #[test]
    fn a_one_word_department_between_role_and_name_is_no_person() {
        let got = officials(
            "Fachbereichsleiterin Digitalisierung Greta Voss rechnet mit wenigen Ausfällen.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Greta Voss");
    }

    #[test]
    fn a_department_after_the_role_is_no_person() {
        let got = officials(
            "Die Fachdienstleiterin Zentrale Dienste und IT, Ricarda Hahner, hält den Wechsel für sinnvoll.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Ricarda Hahner");
        // Two people joined by "und" stay two people.
        let got = officials(
            "Oberbürgermeisterin Anna Roth und Landrat Max Ortmann, beide seit 2020 im Amt, unterschrieben.",
        );
        let names: Vec<&str> = got.iter().map(|o| o.0.as_str()).collect();
        assert_eq!(names, ["Anna Roth", "Max Ortmann"]);
    }

    #[test]
    fn role_and_organisation_then_name() {
        let got =
            officials("Den Vertrag hat der Landrat des Kreises Unna, Max Ortmann, unterschrieben.");
        assert_eq!(
            got,
            [(
                "Max Ortmann".into(),
                "Landrat".into(),
                Some("Kreis Unna".into())
            )]
        );
    }

    #[test]
    fn plural_role_before_a_list_with_brackets() {
        let got = officials(
            "Eingeladen hatten die Geschäftsführer Lena Brandt (Dataport) und Kai Sommer (AKDB).",
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, "Lena Brandt");
        assert_eq!(
            got[1].2.as_deref(),
            Some("Anstalt für Kommunale Datenverarbeitung in Bayern")
        );
    }

    #[test]
    fn names_split_by_hyphens_and_compound_roles() {
        let got = officials("Laut NRW-Innenminister Tobias Keller und Sven Hol-\nberg, Geschäfts-\nführer bei Materna, passt es.");
        assert_eq!(got[0].0, "Tobias Keller");
        assert_eq!(got[0].1, "NRW-Innenminister");
        assert_eq!(got[1].0, "Sven Holberg");
        assert_eq!(got[1].1, "Geschäftsführer");
        assert_eq!(
            got[1].2.as_deref(),
            Some("Materna Information & Communications SE")
        );
    }

    #[test]
    fn a_short_role_ends_a_compound_only_in_capitals() {
        // "Jakob" ends in the letters of "OB".
        let got = officials("Landrat Jakob Roth und SPD-OB Lena Fries unterschrieben.");
        assert_eq!(got[0].0, "Jakob Roth");
        assert_eq!(got[0].1, "Landrat");
        assert_eq!(got[1].0, "Lena Fries");
        assert_eq!(got[1].1, "SPD-OB");
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn an_abbreviated_role_counts_only_as_written() {
        // "Ob" opening a question is no "OB".
        let got = officials(
            "Ob Daten von Bürgerinnen abgeflossen sind, ist offen. OB Lena Fries und MdB Karl Ott schwiegen.",
        );
        let names: Vec<&str> = got.iter().map(|o| o.0.as_str()).collect();
        assert_eq!(names, ["Lena Fries", "Karl Ott"]);
    }

    #[test]
    fn signatures_in_columns() {
        let g = Gazetteer::bundled().unwrap();
        let finder = OfficialFinder::new(g.roles()).unwrap();
        let text = "Gera, 3.4.2020\n\ngez. Jana Roth            gez. Dr. Paul Kern\nOberbürgermeisterin       Erster Beigeordneter\n\nKarl\nMeiners\nLandrat\n\ngez. Dr. Olaf Brenner\nVorsitzender des Kreistages\n";
        let lines: Vec<Span> = {
            let mut v = Vec::new();
            let mut at = 0;
            for l in text.split('\n') {
                v.push(Span::new(at, at + l.len()));
                at += l.len() + 1;
            }
            v
        };
        let view = NormalizedText::new(text);
        let got: Vec<(String, Option<String>)> = finder
            .find_with_signatures(text, &view, &[], &lines, &[], g.entries())
            .into_iter()
            .map(|o| (o.name, o.role))
            .collect();
        assert_eq!(
            got,
            [
                ("Jana Roth".into(), Some("Oberbürgermeisterin".into())),
                ("Paul Kern".into(), Some("Erster Beigeordneter".into())),
                ("Karl Meiners".into(), Some("Landrat".into())),
                (
                    "Olaf Brenner".into(),
                    Some("Vorsitzender des Kreistages".into())
                ),
            ]
        );
        let row = "a   b\tc  d";
        assert_eq!(columns(row, Span::new(0, row.len())).len(), 3);
    }

    #[derive(serde::Deserialize)]
    struct Case {
        name: String,
        text: String,
        expect: Vec<Expected>,
    }

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Expected {
        name: String,
        role: String,
        org: Option<String>,
    }

    impl crate::testcases::NamedCase for Case {
        fn name(&self) -> &str {
            &self.name
        }
    }

    #[test]
    fn official_cases() {
        crate::testcases::run_cases(
            "officials.toml",
            include_str!("../../testdata/cases/officials.toml"),
            |case: &Case| {
                let got: Vec<Expected> = officials(&case.text)
                    .into_iter()
                    .map(|(name, role, org)| Expected { name, role, org })
                    .collect();
                let matches = got.len() == case.expect.len()
                    && got.iter().zip(&case.expect).all(|(g, e)| {
                        g.name == e.name && g.role == e.role && (e.org.is_none() || g.org == e.org)
                    });
                if matches {
                    Ok(())
                } else {
                    Err(format!("got {got:?}"))
                }
            },
        );
    }

    #[test]
    fn people_without_role_are_no_officials() {
        assert!(officials("Anna Schmidt und Peter Braun besuchten die Stadt Jena.").is_empty());
        assert!(officials("Die Stadt Jena hat einen neuen Bürgermeister.").is_empty());
    }
}
