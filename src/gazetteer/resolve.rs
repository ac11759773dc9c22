//! Choosing one entry per hit, with the whole document as context.
//!
//! A name can stand for several entries: a city and the district named after it
//! ("Leipzig"), a Land and its capital ("Berlin"), many Gemeinden ("Neustadt"). The
//! rules, in order:
//! 1. A prefix word decides the kind ("Landkreis Leipzig", "Stadt Hamburg").
//! 2. A district's bare name counts only after a district prefix, or when no other
//!    entry has that name.
//! 3. A Land wins over the city of the same name ("Berlin", "Hamburg").
//! 4. Among homonyms, those in a Land the article names elsewhere win (a Land, or a
//!    place whose name is unambiguous); then the most populous. When context did not
//!    decide, the others are kept as alternatives, so the record can say the choice
//!    stayed open.

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

/// Chooses an entry for every hit.
pub fn resolve(hits: &[Hit], entries: &[Entry]) -> Vec<Resolved> {
    let narrowed: Vec<Vec<Candidate>> = hits.iter().map(|h| narrow(h, entries)).collect();
    let context = context_lands(&narrowed, entries);
    hits.iter()
        .zip(narrowed)
        .filter_map(|(hit, candidates)| choose(hit.span, candidates, entries, &context))
        .collect()
}

fn is_place(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Municipality | EntityKind::District | EntityKind::State
    )
}

/// Rules 1 to 3: the candidates a hit can still stand for.
fn narrow(hit: &Hit, entries: &[Entry]) -> Vec<Candidate> {
    let mut c = hit.candidates.clone();
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
    if hit.prefix.is_none() && c.iter().any(|x| entries[x.entry].kind == EntityKind::State) {
        c.retain(|x| {
            entries[x.entry].kind == EntityKind::State || !is_place(entries[x.entry].kind)
        });
    }
    c
}

/// The Länder the document names without ambiguity, directly or through a place.
fn context_lands(narrowed: &[Vec<Candidate>], entries: &[Entry]) -> BTreeSet<String> {
    narrowed
        .iter()
        .filter(|c| c.len() == 1 && c[0].form != FormKind::Adjective)
        .filter_map(|c| {
            let e = &entries[c[0].entry];
            is_place(e.kind).then(|| e.land.clone()).flatten()
        })
        .collect()
}

/// Rule 4: one entry out of the remaining candidates.
fn choose(
    span: Span,
    candidates: Vec<Candidate>,
    entries: &[Entry],
    context: &BTreeSet<String>,
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
    let in_context: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| {
            entries[c.entry]
                .land
                .as_ref()
                .is_some_and(|l| context.contains(l))
        })
        .collect();
    let pool: Vec<&Candidate> = if in_context.is_empty() {
        candidates.iter().collect()
    } else {
        in_context
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
        }
    }

    fn hit(prefix: Option<EntityKind>, candidates: &[(usize, FormKind)]) -> Hit {
        Hit {
            span: Span::new(0, 1),
            prefix,
            candidates: candidates
                .iter()
                .map(|&(entry, form)| Candidate { entry, form })
                .collect(),
        }
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
        let entries = vec![
            entry("berlin-city", EntityKind::Municipality, "11", 3_700_000),
            entry("berlin-land", EntityKind::State, "11", 3_700_000),
        ];
        let both = [(0, FormKind::Name), (1, FormKind::Name)];
        assert_eq!(resolve(&[hit(None, &both)], &entries)[0].entry, 1);
        assert_eq!(
            resolve(&[hit(Some(EntityKind::Municipality), &both)], &entries)[0].entry,
            0
        );
    }
}
