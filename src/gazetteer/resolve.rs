//! Choosing one entry per hit, with the whole document as context.
//!
//! A name can stand for several entries: a city and the district named after it
//! ("Leipzig"), a Land and its capital ("Berlin"), many Gemeinden ("Neustadt"). The
//! rules, in order:
//! 1. A prefix word decides the kind ("Landkreis Leipzig", "Stadt Hamburg").
//! 2. A district's bare name counts only after a district prefix, or when no other
//!    entry has that name.
//! 3. A Land wins over the city of the same name ("Berlin", "Hamburg", also as
//!    "Hansestadt Bremen"): a city-state is one entity.
//! 4. Among homonyms, an entry the article names elsewhere without ambiguity wins
//!    ("IT-DLZ" after "IT-Dienstleistungszentrum Saarland"); then those in a Land
//!    the article names elsewhere win (a Land, or a
//!    place whose name is unambiguous); then the most populous. When context did not
//!    decide, the others are kept as alternatives, so the record can say the choice
//!    stayed open.
//! 5. A name that is also a common German word ("Lage", "Wissen", "Essen") counts
//!    only in context: a prefix word ("Stadt Lage"), the same place named elsewhere
//!    in an unambiguous form, a list that names a place beyond doubt ("Singen,
//!    Radolfzell und Engen"), or, for towns of some size, "in", "aus" or "nach"
//!    right before it ("in Essen").

use std::collections::BTreeSet;

use crate::record::EntityKind;
use crate::span::Span;

use super::forms::FormKind;
use super::matcher::{Candidate, Hit};
use super::Entry;

/// A hit with its entry chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The mention in the original text.
    pub span: Span,
    /// Index of the chosen entry.
    pub entry: usize,
    /// How the mention relates to the entry; adjectives name no entity.
    pub form: FormKind,
    /// Other entries the name could stand for, when context left it open.
    pub alternatives: Vec<usize>,
}

/// Smallest population at which "in"/"aus"/"nach" before a common-word name is
/// taken as enough context: small places named like nouns need a prefix word.
const PREPOSITION_MIN_POPULATION: u64 = 30_000;

/// Chooses an entry for every hit.
pub fn resolve(hits: &[Hit], entries: &[Entry]) -> Vec<Resolved> {
    let narrowed: Vec<Vec<Candidate>> = hits.iter().map(|h| narrow(h, entries)).collect();
    let context = context_lands(&narrowed, entries);
    let named: BTreeSet<usize> = narrowed
        .iter()
        .filter(|c| c.len() == 1 && !c[0].common)
        .map(|c| c[0].entry)
        .collect();
    let chosen: Vec<Option<(Resolved, bool)>> = hits
        .iter()
        .zip(narrowed)
        .map(|(hit, candidates)| {
            let needs_context = hit.prefix.is_none() && candidates.iter().all(|c| c.common);
            choose(hit.span, candidates, entries, &context, &named).map(|r| (r, needs_context))
        })
        .collect();
    let confirmed: BTreeSet<usize> = chosen
        .iter()
        .flatten()
        .filter(|(_, needs)| !needs)
        .map(|(r, _)| r.entry)
        .collect();
    // Lists that name a place beyond doubt: the other names in them are places
    // too ("Singen, Radolfzell, Stockach und Engen").
    let placed_lists: BTreeSet<usize> = hits
        .iter()
        .zip(&chosen)
        .filter(|(_, c)| {
            c.as_ref()
                .is_some_and(|(r, needs)| !needs && entries[r.entry].kind.is_place())
        })
        .map(|(hit, _)| hit.list)
        .collect();
    hits.iter()
        .zip(chosen)
        .filter_map(|(hit, chosen)| {
            let (r, needs_context) = chosen?;
            let in_context = confirmed.contains(&r.entry)
                || placed_lists.contains(&hit.list)
                || (hit.after_preposition
                    && entries[r.entry].population >= PREPOSITION_MIN_POPULATION);
            (!needs_context || in_context).then_some(r)
        })
        .collect()
}

/// Rules 1 to 3: the candidates a hit can still stand for.
fn narrow(hit: &Hit, entries: &[Entry]) -> Vec<Candidate> {
    let mut c = hit.candidates.clone();
    // Berlin, Hamburg, Bremen: the city-state is one entity, even when written
    // "Stadt Bremen" or "Hansestadt Hamburg".
    let state_names: Vec<&str> = c
        .iter()
        .filter(|x| entries[x.entry].kind == EntityKind::State)
        .map(|x| entries[x.entry].name.as_str())
        .collect();
    c.retain(|x| {
        let e = &entries[x.entry];
        e.kind != EntityKind::Municipality || !state_names.contains(&e.name.as_str())
    });
    if let Some(kind) = hit.prefix {
        if c.iter().any(|x| entries[x.entry].kind == kind) {
            c.retain(|x| entries[x.entry].kind == kind);
        }
    }
    let district_prefix = hit.prefix == Some(EntityKind::District);
    if !district_prefix && c.iter().any(|x| x.form != FormKind::Bare) {
        c.retain(|x| x.form != FormKind::Bare);
    }
    if c.iter().any(|x| x.form != FormKind::Adjective) {
        c.retain(|x| x.form != FormKind::Adjective);
    }
    // "Brandenburg" alone is the Land, not Brandenburg an der Havel.
    if hit.prefix.is_none() && c.iter().any(|x| entries[x.entry].kind == EntityKind::State) {
        c.retain(|x| {
            entries[x.entry].kind == EntityKind::State || !entries[x.entry].kind.is_place()
        });
    }
    c
}

/// The Länder the document names without ambiguity, directly or through a place.
fn context_lands(narrowed: &[Vec<Candidate>], entries: &[Entry]) -> BTreeSet<String> {
    narrowed
        .iter()
        .filter(|c| c.len() == 1 && c[0].form != FormKind::Adjective && !c[0].common)
        .filter_map(|c| {
            let e = &entries[c[0].entry];
            e.kind.is_place().then(|| e.land.clone()).flatten()
        })
        .collect()
}

/// Rule 4: one entry out of the remaining candidates.
fn choose(
    span: Span,
    candidates: Vec<Candidate>,
    entries: &[Entry],
    context: &BTreeSet<String>,
    named: &BTreeSet<usize>,
) -> Option<Resolved> {
    let first = *candidates.first()?;
    if candidates.len() == 1 {
        return Some(Resolved {
            span,
            entry: first.entry,
            form: first.form,
            alternatives: Vec::new(),
        });
    }
    let named_elsewhere: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| named.contains(&c.entry))
        .collect();
    let in_context: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| {
            entries[c.entry]
                .land
                .as_ref()
                .is_some_and(|l| context.contains(l))
        })
        .collect();
    let pool: Vec<&Candidate> = if !named_elsewhere.is_empty() {
        named_elsewhere
    } else if !in_context.is_empty() {
        in_context
    } else {
        candidates.iter().collect()
    };

    let best = **pool.iter().max_by(|a, b| {
        let (ea, eb) = (&entries[a.entry], &entries[b.entry]);
        // Current organisations before historical ones, then population, then the
        // earlier entry (a stable choice).
        (!ea.historical, ea.population, std::cmp::Reverse(a.entry)).cmp(&(
            !eb.historical,
            eb.population,
            std::cmp::Reverse(b.entry),
        ))
    })?;
    let alternatives = if pool.len() == 1 {
        Vec::new()
    } else {
        let mut alts: Vec<usize> = pool
            .iter()
            .map(|c| c.entry)
            .filter(|&e| e != best.entry)
            .collect();
        alts.sort_by(|a, b| entries[*a].id.cmp(&entries[*b].id));
        alts
    };
    Some(Resolved {
        span,
        entry: best.entry,
        form: best.form,
        alternatives,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, kind: EntityKind, land: &str, population: u64) -> Entry {
        Entry {
            id: id.into(),
            name: id.into(),
            kind,
            aliases: Vec::new(),
            bare: None,
            land: Some(land.into()),
            district: None,
            population,
            historical: false,
            common_word: false,
            common_aliases: Vec::new(),
        }
    }

    fn hit(prefix: Option<EntityKind>, candidates: &[(usize, FormKind)]) -> Hit {
        Hit {
            span: Span::new(0, 1),
            prefix,
            after_preposition: false,
            plural_prefix: false,
            // A list of its own for each entry; a test joins hits by hand.
            list: candidates.first().map_or(0, |c| c.0),
            candidates: candidates
                .iter()
                .map(|&(entry, form)| Candidate {
                    entry,
                    form,
                    common: false,
                })
                .collect(),
        }
    }

    fn common(mut h: Hit, after_preposition: bool) -> Hit {
        h.after_preposition = after_preposition;
        for c in &mut h.candidates {
            c.common = true;
        }
        h
    }

    #[test]
    fn a_common_word_listed_with_a_place_is_a_place() {
        let entries = vec![
            entry("lage", EntityKind::Municipality, "05", 35_000),
            entry("detmold", EntityKind::Municipality, "05", 75_000),
        ];
        let lage = common(hit(None, &[(0, FormKind::Name)]), false);
        let mut detmold = hit(None, &[(1, FormKind::Name)]);
        assert_eq!(resolve(&[lage.clone(), detmold.clone()], &entries).len(), 1);
        detmold.list = lage.list;
        assert_eq!(resolve(&[lage, detmold], &entries).len(), 2);
    }

    #[test]
    fn common_words_need_context() {
        let entries = vec![
            entry("lage", EntityKind::Municipality, "05", 35_000),
            entry("wald", EntityKind::Municipality, "09", 1_000),
        ];
        let lage = hit(None, &[(0, FormKind::Name)]);
        let wald = hit(None, &[(1, FormKind::Name)]);
        assert!(resolve(&[common(lage.clone(), false)], &entries).is_empty());
        assert_eq!(resolve(&[common(lage.clone(), true)], &entries).len(), 1);
        assert!(resolve(&[common(wald.clone(), true)], &entries).is_empty());
        let prefixed = common(
            hit(Some(EntityKind::Municipality), &[(1, FormKind::Name)]),
            false,
        );
        assert_eq!(resolve(&[prefixed, common(wald, false)], &entries).len(), 2);
        assert_eq!(
            resolve(&[common(lage.clone(), false), lage], &entries).len(),
            2
        );
    }

    #[test]
    fn prefix_and_bare_rules_pick_city_or_district() {
        let entries = vec![
            entry("city", EntityKind::Municipality, "14", 600_000),
            entry("district", EntityKind::District, "14", 250_000),
        ];
        let both = [(0, FormKind::Name), (1, FormKind::Bare)];
        let r = resolve(
            &[hit(None, &both), hit(Some(EntityKind::District), &both)],
            &entries,
        );
        assert_eq!((r[0].entry, r[1].entry), (0, 1));
        assert!(r[0].alternatives.is_empty());
    }

    #[test]
    fn land_named_elsewhere_decides_homonyms_else_population_with_alternatives() {
        let entries = vec![
            entry("neustadt-sh", EntityKind::Municipality, "01", 16_000),
            entry("neustadt-rp", EntityKind::Municipality, "07", 53_000),
            entry("kiel", EntityKind::Municipality, "01", 250_000),
        ];
        let neustadt = hit(None, &[(0, FormKind::Alias), (1, FormKind::Alias)]);
        let alone = resolve(std::slice::from_ref(&neustadt), &entries);
        assert_eq!(alone[0].entry, 1);
        assert_eq!(alone[0].alternatives, [0]);
        let with_kiel = resolve(&[neustadt, hit(None, &[(2, FormKind::Name)])], &entries);
        assert_eq!(with_kiel[0].entry, 0);
        assert!(with_kiel[0].alternatives.is_empty());
    }

    #[test]
    fn a_land_wins_over_its_city() {
        let mut entries = vec![
            entry("ags:11000000", EntityKind::Municipality, "11", 3_700_000),
            entry("ags:11", EntityKind::State, "11", 3_700_000),
            entry("ags:16077000", EntityKind::Municipality, "16", 900),
        ];
        entries[0].name = "Berlin".into();
        entries[1].name = "Berlin".into();
        let both = [(0, FormKind::Name), (1, FormKind::Name)];
        assert_eq!(resolve(&[hit(None, &both)], &entries)[0].entry, 1);
        let prefixed = hit(Some(EntityKind::Municipality), &both);
        assert_eq!(
            resolve(&[prefixed], &entries)[0].entry,
            1,
            "Stadt Berlin is the Land"
        );
        // A Land does not swallow a Gemeinde of another name after a prefix.
        let other = hit(
            Some(EntityKind::Municipality),
            &[(1, FormKind::Name), (2, FormKind::Alias)],
        );
        assert_eq!(resolve(&[other], &entries)[0].entry, 2);
    }
}
