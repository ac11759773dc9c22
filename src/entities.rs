//! The entities of one document: the gazetteer mentions chosen by
//! [`crate::gazetteer::resolve`] and the organisations found by their shape
//! ([`crate::extract::organisation`]), merged into one list for the record.
//!
//! Every entity keeps all its mentions; entities come in order of their first
//! mention. An organisation found by shape that overlaps a gazetteer mention is the
//! gazetteer's (it knows the canonical name and id); organisations found by shape
//! are told apart by their canonical name and have no id.

use crate::extract::organisation::FoundOrganisation;
use crate::gazetteer::resolve::Resolved;
use crate::gazetteer::Entry;
use crate::record::{Entity, EntityKind};
use crate::span::{Quote, Span};

/// The entities of a document and where each is mentioned.
#[derive(Debug, Clone, Default)]
pub struct DocumentEntities {
    /// Entities in order of first mention.
    pub entities: Vec<Entity>,
    /// Every mention as (span, index into `entities`), in text order.
    pub mentions: Vec<(Span, usize)>,
}

/// What makes two mentions the same entity.
#[derive(PartialEq)]
enum Key {
    Entry(usize),
    Named(String),
}

/// Merges gazetteer mentions and organisations found by shape.
pub fn collect(
    text: &str,
    places: &[Resolved],
    entries: &[Entry],
    organisations: &[FoundOrganisation],
) -> DocumentEntities {
    let mut keyed: Vec<(Key, Entity)> = Vec::new();
    let mut found: Vec<(Span, usize)> = Vec::new();
    let mut add = |key: Key, span: Span, make: &dyn Fn(Quote) -> Entity| {
        let Some(quote) = Quote::new(text, span) else {
            return;
        };
        let index = match keyed.iter().position(|(k, _)| *k == key) {
            Some(i) => {
                keyed[i].1.mentions.push(quote);
                i
            }
            None => {
                keyed.push((key, make(quote)));
                keyed.len() - 1
            }
        };
        found.push((span, index));
    };
    // An authority named by its head and seat alone ("Bezirksregierung Köln")
    // is one body; its seat is not named on its own. A longer name keeps its
    // places ("Ministerium ... des Landes Schleswig-Holstein" names the Land).
    let authorities: Vec<Span> = organisations
        .iter()
        .filter(|o| {
            o.kind == EntityKind::Authority
                && o.span
                    .slice(text)
                    .is_some_and(|t| t.split_whitespace().count() == 2)
        })
        .map(|o| o.span)
        .collect();
    let inside_authority = |span: Span| authorities.iter().any(|a| a.contains(span));
    for p in places.iter().filter(|p| !inside_authority(p.span)) {
        let entry = &entries[p.entry];
        add(Key::Entry(p.entry), p.span, &|quote| Entity {
            name: entry.name.clone(),
            kind: entry.kind,
            id: Some(entry.id.clone()),
            candidates: p
                .alternatives
                .iter()
                .map(|&a| entries[a].id.clone())
                .collect(),
            mentions: vec![quote],
        });
    }
    // A listed organisation the gazetteer found wins over the same name found by
    // shape; a place inside a longer name ("Ministerium der Finanzen des Landes
    // Sachsen-Anhalt", "Technische Werke Dresden GmbH") does not take its place.
    let stands_alone = |o: &FoundOrganisation| {
        authorities.contains(&o.span)
            || places.iter().filter(|p| p.span.overlaps(o.span)).all(|p| {
                entries[p.entry].kind.is_place() && o.span.contains(p.span) && o.span != p.span
            })
    };
    // An inflected or wrapped full name ("der Kommunalen IT-UNION eG") that the
    // gazetteer knew only by its short form elsewhere in the text is that entry.
    let entry_named = |name: &str| {
        places
            .iter()
            .map(|p| p.entry)
            .find(|&e| same_name_inflected(&entries[e].name, name))
    };
    for o in organisations.iter().filter(|o| stands_alone(o)) {
        let key = entry_named(&o.name).map_or_else(|| Key::Named(o.name.clone()), Key::Entry);
        add(key, o.span, &|quote| Entity {
            name: o.name.clone(),
            kind: o.kind,
            id: None,
            candidates: Vec::new(),
            mentions: vec![quote],
        });
    }
    order_by_first_mention(keyed.into_iter().map(|(_, e)| e).collect(), found)
}

/// True when `a` and `b` are one name, maybe declined: word by word equal up to
/// ASCII case or an inflection ending ("Kommunale IT-UNION eG" and "Kommunalen
/// IT-UNION eG", "Zweckverband" and "Zweckverbands").
fn same_name_inflected(a: &str, b: &str) -> bool {
    let alike = |x: &str, y: &str| {
        let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
        long.get(..short.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(short))
            && matches!(
                &long[short.len()..],
                "" | "n" | "r" | "s" | "m" | "en" | "es"
            )
    };
    a.split_whitespace().count() == b.split_whitespace().count()
        && a.split_whitespace()
            .zip(b.split_whitespace())
            .all(|(x, y)| alike(x, y))
}

/// Sorts entities by their first mention and their mentions by position, and
/// renumbers the mention list to match.
fn order_by_first_mention(
    mut entities: Vec<Entity>,
    mut mentions: Vec<(Span, usize)>,
) -> DocumentEntities {
    for e in &mut entities {
        // By position: sorting the quotes themselves would order them by text.
        e.mentions.sort_by_key(|q| (q.start, q.end));
    }
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by_key(|&i| entities[i].mentions.first().map(|m| m.start));
    let mut new_index = vec![0; entities.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    let entities = order.iter().filter_map(|&i| slots[i].take()).collect();
    for m in &mut mentions {
        m.1 = new_index[m.1];
    }
    mentions.sort();
    DocumentEntities { entities, mentions }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::forms::FormKind;
    use crate::record::EntityKind;

    /// The gazetteer entry of Jena, the one place of these tests.
    fn jena() -> Entry {
        Entry {
            id: "ags:16053000".into(),
            name: "Jena".into(),
            kind: EntityKind::Municipality,
            aliases: Vec::new(),
            bare: None,
            land: None,
            district: None,
            population: 0,
            historical: false,
            common_word: false,
            common_aliases: Vec::new(),
        }
    }

    #[test]
    fn merges_gazetteer_mentions_and_organisations_in_text_order() {
        let text = "Die Senatskanzlei und Jena; Jena und die Senatskanzlei.";
        let entry = jena();
        let place = |start: usize| Resolved {
            span: Span::new(start, start + 4),
            entry: 0,
            form: FormKind::Name,
            alternatives: Vec::new(),
        };
        let org = |start: usize| FoundOrganisation {
            span: Span::new(start, start + 12),
            name: "Senatskanzlei".into(),
            kind: EntityKind::Authority,
        };
        let doc = collect(
            text,
            &[place(22), place(28)],
            &[entry],
            &[org(4), org(42), org(24)],
        );
        let names: Vec<_> = doc.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Senatskanzlei", "Jena"]);
        assert_eq!(
            doc.entities[0].mentions.len(),
            2,
            "the find that cuts into a gazetteer mention is dropped"
        );
        assert_eq!(doc.entities[1].id.as_deref(), Some("ags:16053000"));
        let order: Vec<_> = doc.mentions.iter().map(|(s, i)| (s.start, *i)).collect();
        assert_eq!(order, [(4, 0), (22, 1), (28, 1), (42, 0)]);
    }

    #[test]
    fn an_authority_named_with_its_seat_is_one_entity() {
        let text = "Die Bezirksregierung Jena hat zugestimmt.";
        let entry = jena();
        let place = Resolved {
            span: Span::new(21, 25),
            entry: 0,
            form: FormKind::Name,
            alternatives: Vec::new(),
        };
        let authority = FoundOrganisation {
            span: Span::new(4, 25),
            name: "Bezirksregierung Jena".into(),
            kind: EntityKind::Authority,
        };
        let doc = collect(text, &[place], &[entry], &[authority]);
        let names: Vec<_> = doc.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Bezirksregierung Jena"]);
    }

    #[test]
    fn declined_names_are_one_name() {
        assert!(same_name_inflected(
            "Kommunale IT-UNION eG",
            "Kommunalen IT-UNION eG"
        ));
        assert!(same_name_inflected(
            "Zweckverband KISA",
            "Zweckverbands KISA"
        ));
        assert!(!same_name_inflected(
            "Kommunale IT",
            "Kommunale IT-UNION eG"
        ));
        assert!(!same_name_inflected("Stadtwerke Jena", "Stadtwerke Gera"));
        assert!(!same_name_inflected("Amt Ü", "Amt Üb"));
    }

    #[test]
    fn a_longer_name_holding_a_place_stands_beside_the_place() {
        let text = "Der Eigenbetrieb IT Jena und die Jena GmbH.";
        let jena_at = |start: usize| Resolved {
            span: Span::new(start, start + 4),
            entry: 0,
            form: FormKind::Name,
            alternatives: Vec::new(),
        };
        let found = |start: usize, end: usize, name: &str| FoundOrganisation {
            span: Span::new(start, end),
            name: name.into(),
            kind: EntityKind::Provider,
        };
        let doc = collect(
            text,
            &[jena_at(20), jena_at(33)],
            &[jena()],
            &[found(4, 24, "Eigenbetrieb IT Jena"), found(33, 37, "Jena")],
        );
        let names: Vec<_> = doc.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Eigenbetrieb IT Jena", "Jena"]);
        assert_eq!(doc.entities[1].mentions.len(), 2);
    }

    #[test]
    fn an_organisation_named_like_a_known_entry_is_that_entry() {
        let text = "Jena und die Stadt Jena";
        let place = Resolved {
            span: Span::new(0, 4),
            entry: 0,
            form: FormKind::Name,
            alternatives: Vec::new(),
        };
        let shaped = FoundOrganisation {
            span: Span::new(13, 23),
            name: "Jena".into(),
            kind: EntityKind::Authority,
        };
        let doc = collect(text, &[place], &[jena()], &[shaped]);
        assert_eq!(doc.entities.len(), 1);
        assert_eq!(doc.entities[0].id.as_deref(), Some("ags:16053000"));
        assert_eq!(doc.entities[0].mentions.len(), 2);
    }

    #[test]
    fn mentions_keep_text_order_whatever_their_wording() {
        // "Zweckverband" sorts after "Verband" as text but comes first here.
        let text = "Zweckverband KISA; der Verband KISA";
        let org = |start: usize, end: usize| FoundOrganisation {
            span: Span::new(start, end),
            name: "Zweckverband KISA".into(),
            kind: EntityKind::Association,
        };
        let doc = collect(text, &[], &[], &[org(0, 17), org(23, 35)]);
        let starts: Vec<_> = doc.entities[0].mentions.iter().map(|m| m.start).collect();
        assert_eq!(starts, [0, 23]);
    }
}
