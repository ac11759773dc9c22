//! The organisation of an official whose role the article gives without one
//! ("Oberbürgermeister Henrik Wollschläger", "KSM-Vorständin Kerstin Wollenberg").
//!
//! Press texts name the body once and its people by role alone. The role says
//! which kind of body it belongs to (a Landrat serves a district, a
//! Geschäftsführer a company or provider), so the body is the one of that kind
//! the article points to: the one an abbreviation in the role names, else, by the
//! kind of body, the only party of that kind or the only body of that kind
//! named beside the person, else the only one in the whole article. Where that
//! leaves a choice, the organisation stays open: a guess would be a fact without
//! evidence.

use crate::record::{Attribution, Entity, EntityKind, Official};
use crate::span::Span;

/// The kinds of body a role belongs to, and how the one meant is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bodies {
    /// A town's officer: its party town, else the one town named.
    Municipality,
    /// A district's officer: its party district, else the one district named.
    District,
    /// A minister or state secretary: a ministry named beside the person, else
    /// the party Land, else the one Land named.
    Government,
    /// A managing director or board member: the one provider or company named
    /// beside the person, else the only one in the article. Articles name the
    /// partner's provider next to their own, so being a party decides nothing.
    Enterprise,
}

/// Words after which a role names what it is of.
const OF_WORDS: &[&str] = &[
    "des", "der", "den", "dem", "für", "von", "vom", "im", "am", "beim",
];

/// The kinds of body a role belongs to, from its first word that tells
/// ("Erster Kreisbeigeordneter", "Finanzstaatssekretärin", "Verbandsvorsteher und
/// Landrat"); `None` for roles that serve any kind of body ("Leiter",
/// "Sprecherin", "Präsident", "Geschäftsleiter", who runs a Bavarian town hall
/// as well as a company).
fn bodies_of(role: &str) -> Option<Bodies> {
    // The words before what the role is "of" ("Geschäftsführer der Kreiswerke").
    role.split_whitespace()
        .take_while(|w| !OF_WORDS.contains(w))
        .find_map(|word| {
            let w = word.rsplit('-').next().unwrap_or(word).to_lowercase();
            if w.starts_with("verbandsvorsteher")
                || w.starts_with("verbandsvorsitzend")
                || w.contains("geschäftsführer")
                || w.starts_with("vorstand")
                || w.starts_with("vorständin")
                || w.starts_with("direktor")
            {
                Some(Bodies::Enterprise)
            } else if w.starts_with("kreis") || w.starts_with("landrat") || w.starts_with("landrät")
            {
                Some(Bodies::District)
            } else if w.contains("bürgermeister")
                || w.starts_with("stadtr")
                || w.starts_with("stadtdirektor")
                || w.starts_with("beigeordnete")
                || w.contains("kämmer")
                || w.starts_with("ratsherr")
            {
                Some(Bodies::Municipality)
            } else if w.contains("minister") || w.contains("staatssekretär") {
                Some(Bodies::Government)
            } else {
                None
            }
        })
}

/// The abbreviation a role opens with ("KSM" of "KSM-Vorständin"), if any.
fn role_prefix(role: &str) -> Option<&str> {
    let (prefix, rest) = role.split_once('-')?;
    let capitals = prefix.chars().filter(|c| c.is_uppercase()).count();
    (capitals >= 2 && !rest.is_empty() && !prefix.contains(' ')).then_some(prefix)
}

/// Fills in the organisation of every official in `officials` whose role is
/// known and whose organisation is not, from the `entities` of the record, its
/// `parties` (indices into `entities`) and the content `sentences`.
pub fn complete_orgs(
    officials: &mut [Official],
    entities: &[Entity],
    parties: &[usize],
    sentences: &[Span],
) {
    for official in officials.iter_mut().filter(|o| o.org.is_none()) {
        let (Some(role), Some(first)) = (official.role.as_deref(), official.mentions.first())
        else {
            continue;
        };
        let sentence = sentences
            .iter()
            .find(|s| s.start <= first.start && first.end <= s.end);
        let body = role_prefix(role)
            .and_then(|prefix| {
                only(entities.iter().filter(|e| {
                    e.name.split_whitespace().any(|w| w == prefix)
                        || e.mentions.iter().any(|m| m.text == prefix)
                }))
            })
            .or_else(|| body_for(bodies_of(role)?, entities, parties, sentence));
        if let Some(body) = body {
            official.org = Some(body.name.clone());
            official.org_source = Some(Attribution::Context);
        }
    }
}

/// The one body of the kind `bodies` stands for that the article points to, with
/// the official's `sentence`.
fn body_for<'e>(
    bodies: Bodies,
    entities: &'e [Entity],
    parties: &[usize],
    sentence: Option<&Span>,
) -> Option<&'e Entity> {
    let of_kinds = |kinds: &'static [EntityKind]| {
        entities
            .iter()
            .enumerate()
            .filter(move |(_, e)| kinds.contains(&e.kind))
    };
    let in_sentence = |e: &Entity| {
        sentence.is_some_and(|s| {
            e.mentions
                .iter()
                .any(|m| s.start <= m.start && m.end <= s.end)
        })
    };
    // The only party of `kinds`; with no such party, the only body of them.
    let party_or_only = |kinds: &'static [EntityKind]| {
        let fitting_parties = of_kinds(kinds).filter(|(i, _)| parties.contains(i));
        if fitting_parties.clone().next().is_some() {
            only(fitting_parties.map(|(_, e)| e))
        } else {
            only(of_kinds(kinds).map(|(_, e)| e))
        }
    };
    match bodies {
        Bodies::Municipality => party_or_only(&[EntityKind::Municipality]),
        Bodies::District => party_or_only(&[EntityKind::District]),
        Bodies::Government => only(
            of_kinds(&[EntityKind::Authority])
                .map(|(_, e)| e)
                .filter(|e| in_sentence(e) && e.name.to_lowercase().contains("minister")),
        )
        .or_else(|| party_or_only(&[EntityKind::State])),
        Bodies::Enterprise => {
            const ENTERPRISES: &[EntityKind] = &[EntityKind::Provider, EntityKind::Company];
            only(
                of_kinds(ENTERPRISES)
                    .map(|(_, e)| e)
                    .filter(|e| in_sentence(e)),
            )
            .or_else(|| only(of_kinds(ENTERPRISES).map(|(_, e)| e)))
        }
    }
}

/// The single item of `items`, or `None` when there are none or several.
fn only<'e>(mut items: impl Iterator<Item = &'e Entity>) -> Option<&'e Entity> {
    let first = items.next()?;
    items.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Quote;

    fn quotes(text: &str, name: &str) -> Vec<Quote> {
        text.match_indices(name)
            .filter_map(|(i, _)| Quote::new(text, Span::new(i, i + name.len())))
            .collect()
    }

    fn entity(text: &str, name: &str, kind: EntityKind) -> Entity {
        Entity {
            name: name.to_owned(),
            kind,
            id: None,
            candidates: Vec::new(),
            mentions: quotes(text, name),
        }
    }

    fn official(text: &str, name: &str, role: &str) -> Official {
        Official {
            name: name.to_owned(),
            role: Some(role.to_owned()),
            org: None,
            role_source: Some(Attribution::Text),
            org_source: None,
            mentions: quotes(text, name),
        }
    }

    /// The organisations given to `officials` (name, role) in `text`.
    fn orgs(
        text: &str,
        entities: &[Entity],
        parties: &[usize],
        officials: &[(&str, &str)],
    ) -> Vec<Option<String>> {
        let mut found: Vec<Official> = officials
            .iter()
            .map(|(name, role)| official(text, name, role))
            .collect();
        let sentences = crate::segment::sentences(text, Span::new(0, text.len()));
        complete_orgs(&mut found, entities, parties, &sentences);
        found.into_iter().map(|o| o.org).collect()
    }

    #[test]
    fn mayor_and_district_head_serve_the_party_of_their_kind() {
        let text = "Die Stadt Adorf und der Landkreis Bebra betreiben ein Rechenzentrum. \
                    Oberbürgermeisterin Eva Klein und Landrat Udo Groß unterschrieben am Montag.";
        let entities = [
            entity(text, "Adorf", EntityKind::Municipality),
            entity(text, "Landkreis Bebra", EntityKind::District),
        ];
        let got = orgs(
            text,
            &entities,
            &[0, 1],
            &[
                ("Eva Klein", "Oberbürgermeisterin"),
                ("Udo Groß", "Landrat"),
            ],
        );
        assert_eq!(
            got,
            [Some("Adorf".to_owned()), Some("Landkreis Bebra".to_owned())]
        );
    }

    #[test]
    fn two_party_towns_leave_a_mayor_open() {
        let text = "Adorf und Celle teilen ein Rechenzentrum. Bürgermeister Jan Roth lobt das.";
        let entities = [
            entity(text, "Adorf", EntityKind::Municipality),
            entity(text, "Celle", EntityKind::Municipality),
        ];
        let got = orgs(text, &entities, &[0, 1], &[("Jan Roth", "Bürgermeister")]);
        assert_eq!(got, [None]);
    }

    #[test]
    fn an_abbreviation_in_the_role_names_its_body() {
        let text = "Parchim tritt der KSM Kommunalservice Mecklenburg AöR bei. Auch die \
                    Datenzentrale Nord ist beteiligt. KSM-Vorständin Ina Wolf begrüßt das.";
        let entities = [
            entity(text, "Parchim", EntityKind::Municipality),
            entity(
                text,
                "KSM Kommunalservice Mecklenburg AöR",
                EntityKind::Provider,
            ),
            entity(text, "Datenzentrale Nord", EntityKind::Provider),
        ];
        let got = orgs(text, &entities, &[0, 1], &[("Ina Wolf", "KSM-Vorständin")]);
        assert_eq!(
            got,
            [Some("KSM Kommunalservice Mecklenburg AöR".to_owned())]
        );
    }

    #[test]
    fn a_managing_director_serves_the_provider_named_beside_them() {
        let text = "Adorf wechselt von der Datenzentrale Nord zur Rechenstelle Süd. \
                    Bei der Rechenstelle Süd freut sich Geschäftsführer Tim Berg.";
        let entities = [
            entity(text, "Adorf", EntityKind::Municipality),
            entity(text, "Datenzentrale Nord", EntityKind::Provider),
            entity(text, "Rechenstelle Süd", EntityKind::Provider),
        ];
        let got = orgs(text, &entities, &[0, 2], &[("Tim Berg", "Geschäftsführer")]);
        assert_eq!(got, [Some("Rechenstelle Süd".to_owned())]);
        // Named nowhere near the person, with two providers in the article: open.
        let text = "Adorf wechselt von der Datenzentrale Nord zur Rechenstelle Süd. \
                    Geschäftsführer Tim Berg freut sich.";
        let entities = [
            entity(text, "Datenzentrale Nord", EntityKind::Provider),
            entity(text, "Rechenstelle Süd", EntityKind::Provider),
        ];
        let got = orgs(text, &entities, &[1], &[("Tim Berg", "Geschäftsführer")]);
        assert_eq!(got, [None]);
    }

    #[test]
    fn roles_of_any_body_and_written_orgs_are_left_as_they_are() {
        let text =
            "Adorf baut ein Netz. Leiterin Mia Sand und Bürgermeister Jan Roth von Celle sprechen.";
        let entities = [
            entity(text, "Adorf", EntityKind::Municipality),
            entity(text, "Celle", EntityKind::Municipality),
        ];
        let mut found = vec![
            official(text, "Mia Sand", "Leiterin"),
            official(text, "Jan Roth", "Bürgermeister"),
        ];
        found[1].org = Some("Celle".to_owned());
        found[1].org_source = Some(Attribution::Text);
        let sentences = crate::segment::sentences(text, Span::new(0, text.len()));
        complete_orgs(&mut found, &entities, &[0], &sentences);
        assert_eq!(found[0].org, None);
        assert_eq!(found[1].org.as_deref(), Some("Celle"));
        assert_eq!(found[1].org_source, Some(Attribution::Text));
    }

    #[test]
    fn the_first_word_that_tells_decides_the_kind_of_body() {
        assert_eq!(
            bodies_of("Verbandsvorsteher und Landrat"),
            Some(Bodies::Enterprise)
        );
        assert_eq!(
            bodies_of("Erster Kreisbeigeordneter"),
            Some(Bodies::District)
        );
        assert_eq!(bodies_of("IT-Staatssekretärin"), Some(Bodies::Government));
        assert_eq!(
            bodies_of("Geschäftsführer der Kreiswerke"),
            Some(Bodies::Enterprise)
        );
        assert_eq!(bodies_of("Leiter des Hauptamts"), None);
        assert_eq!(bodies_of("Geschäftsleiterin"), None);
    }
}
