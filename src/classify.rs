//! Cooperation or not, its kind, and its parties.
//!
//! The decision rests on cue words in the article's own sentences: nouns and verbs
//! of working together ("Kooperation", "Zusammenarbeit", "arbeiten … zusammen"), of
//! merging ("Fusion", "verschmelzen"), of joining ("Beitritt", "Mitglied werden"), and
//! of handing work over ("auslagern", "Outsourcing"). The parties are the places and
//! organisations named in the first sentences that carry such a cue (the headline
//! and its kicker count as one sentence): press texts name who cooperates up front
//! and mention others (examples, competitors, earlier projects) further down.
//! The kind follows from the cues and the parties: a merger or membership cue
//! decides; a company among the parties or an outsourcing cue means outsourcing;
//! two or more Länder make it interstate, two or more municipalities or districts
//! intermunicipal. The cue spans are returned as evidence, for a reader to check.

use regex::Regex;

use crate::gazetteer::Entry;
use crate::record::{CooperationKind, EntityKind};
use crate::span::Span;

/// How many cue sentences with named parties are read for the parties.
const PARTY_SENTENCES: usize = 3;

/// Whether, how and between whom the article reports a cooperation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decision {
    /// The article reports a cooperation.
    pub cooperation: bool,
    /// Its kind, when it does.
    pub kind: Option<CooperationKind>,
    /// Entry indices of the parties, in order of first mention.
    pub parties: Vec<usize>,
    /// The cue words the decision rests on.
    pub evidence: Vec<Span>,
}

/// What a cue says about the cooperation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Cooperation,
    Merger,
    Membership,
    Outsourcing,
}

/// Decides cooperation, kind and parties. Built once; holds the cue patterns.
#[derive(Debug, Clone)]
pub struct CooperationClassifier {
    cues: Vec<(Cue, Regex)>,
}

impl Default for CooperationClassifier {
    fn default() -> Self {
        CooperationClassifier::new()
    }
}

impl CooperationClassifier {
    /// The classifier with the default cues.
    pub fn new() -> CooperationClassifier {
        let cue = |kind, pattern: &str| {
            // The patterns are literals of this module, checked by its tests.
            Regex::new(pattern).map(|r| (kind, r)).ok()
        };
        let cues = [
            cue(
                Cue::Cooperation,
                r"(?xi)
                \b\w*kooperation\w*
                | \bkooperier\w*
                | \b\w*zusammenarbeit\w*
                | \bzusammen(?:zu)?arbeiten\b
                | \barbeite[nt]?\b[^.;:]{0,80}?\bzusammen\b
                | \b(?:gemeinsame[nmrs]?|gemeinsam)\s+(?:\w+\s+)?(?:rechenzentrum|it-dienstleister|betrieb|plattform|lösung|beschaffung)\w*
                | \bpartnerschaft\w*
                | \bzweckverband\w*\s+(?:gegründet|gründen)
                | \b(?:gründen|gründeten|gegründet)\b[^.]{0,60}\bzweckverband",
            ),
            cue(
                Cue::Merger,
                r"(?xi)
                \bfusion\w*
                | \bfusionier\w*
                | \bverschmelz\w* | \bverschmolzen\b
                | \bzusammenschlu(?:ss|ß)\w* | \bzusammengeschlossen\b
                | \bzusammenleg\w* | \bzusammengelegt\b",
            ),
            cue(
                Cue::Membership,
                r"(?xi)
                \bbeitr(?:itt|eten|itts)\w*
                | \bbeigetreten\b | \btritt\b[^.]{0,80}\bbei\b
                | \bmitglied(?:schaft)?\b[^.]{0,40}\b(?:werden|geworden|wird|beantragt|aufgenommen)\b
                | \bneues\s+mitglied\b | \baufgenommen\b",
            ),
            cue(
                Cue::Outsourcing,
                r"(?xi)
                \bauslager\w* | \bausgelagert\b | \boutsourc\w*
                | \bbetriebsführung\b | \bit-betrieb\b[^.]{0,60}\b(?:übernimmt|übernehmen|übertragen)\b",
            ),
        ];
        CooperationClassifier {
            cues: cues.into_iter().flatten().collect(),
        }
    }

    /// Decides on one article. `sentences` are its content sentences in order,
    /// `mentions` its resolved gazetteer mentions as (span, entry index), `entries`
    /// the gazetteer.
    pub fn decide(
        &self,
        text: &str,
        sentences: &[Span],
        mentions: &[(Span, usize)],
        entries: &[Entry],
    ) -> Decision {
        let mut cues_seen: Vec<Cue> = Vec::new();
        let mut evidence = Vec::new();
        let mut parties: Vec<usize> = Vec::new();
        let mut party_sentences = 0;
        for sentence in sentences {
            let Some(s) = sentence.slice(text) else {
                continue;
            };
            let found: Vec<(Cue, Span)> = self
                .cues
                .iter()
                .flat_map(|(cue, re)| {
                    re.find_iter(s).map(move |m| {
                        (
                            *cue,
                            Span::new(sentence.start + m.start(), sentence.start + m.end()),
                        )
                    })
                })
                .collect();
            if found.is_empty() {
                continue;
            }
            let named: Vec<usize> = mentions
                .iter()
                .filter(|(span, e)| sentence.contains(*span) && is_party_kind(entries[*e].kind))
                .map(|&(_, e)| e)
                .collect();
            if named.is_empty() || party_sentences >= PARTY_SENTENCES {
                continue;
            }
            party_sentences += 1;
            for (cue, span) in found {
                cues_seen.push(cue);
                evidence.push(span);
            }
            for e in named {
                if !parties.contains(&e) {
                    parties.push(e);
                }
            }
        }
        let kinds: Vec<EntityKind> = parties.iter().map(|&e| entries[e].kind).collect();
        let count = |pred: fn(EntityKind) -> bool| kinds.iter().filter(|k| pred(**k)).count();
        let places = count(|k| matches!(k, EntityKind::Municipality | EntityKind::District));
        let states = count(|k| k == EntityKind::State);
        let companies = count(|k| k == EntityKind::Company);
        let cooperation = parties.len() >= 2;
        if !cooperation {
            return Decision::default();
        }
        let kind = if cues_seen.contains(&Cue::Merger) {
            CooperationKind::Merger
        } else if cues_seen.contains(&Cue::Membership) {
            CooperationKind::Membership
        } else if companies > 0 || cues_seen.contains(&Cue::Outsourcing) {
            CooperationKind::Outsourcing
        } else if states >= 2 {
            CooperationKind::Interstate
        } else if places >= 2 {
            CooperationKind::Intermunicipal
        } else {
            CooperationKind::Other
        };
        evidence.sort();
        evidence.dedup();
        Decision {
            cooperation,
            kind: Some(kind),
            parties,
            evidence,
        }
    }
}

/// Kinds of entity that can take part in a cooperation.
fn is_party_kind(kind: EntityKind) -> bool {
    !matches!(kind, EntityKind::Association)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Vec<Entry> {
        let e = |id: &str, kind| Entry {
            id: id.into(),
            name: id.into(),
            kind,
            aliases: Vec::new(),
            bare: None,
            land: None,
            district: None,
            population: 0,
            historical: false,
            common_word: false,
            common_aliases: Vec::new(),
        };
        vec![
            e("Jena", EntityKind::Municipality),
            e("Gera", EntityKind::Municipality),
            e("Sachsen", EntityKind::State),
            e("Bayern", EntityKind::State),
            e("Materna", EntityKind::Company),
            e("KDO", EntityKind::Provider),
            e("Weimar", EntityKind::Municipality),
        ]
    }

    /// Decides on `text`, one sentence per line, with every entry name found.
    fn decide(text: &str) -> Decision {
        let entries = entries();
        let mut sentences = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            sentences.push(Span::new(start, start + line.len()));
            start += line.len() + 1;
        }
        let mut mentions = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for (at, _) in text.match_indices(e.name.as_str()) {
                mentions.push((Span::new(at, at + e.name.len()), i));
            }
        }
        mentions.sort();
        CooperationClassifier::new().decide(text, &sentences, &mentions, &entries)
    }

    fn names(d: &Decision) -> Vec<&'static str> {
        let all = [
            "Jena", "Gera", "Sachsen", "Bayern", "Materna", "KDO", "Weimar",
        ];
        d.parties.iter().map(|&i| all[i]).collect()
    }

    #[test]
    fn cities_working_together_are_intermunicipal() {
        let d = decide(
            "Jena und Gera arbeiten bei der IT künftig enger zusammen.\nWeimar war nicht dabei.",
        );
        assert!(d.cooperation);
        assert_eq!(d.kind, Some(CooperationKind::Intermunicipal));
        assert_eq!(names(&d), ["Jena", "Gera"]);
        assert!(!d.evidence.is_empty());
    }

    #[test]
    fn kinds_follow_cues_and_parties() {
        let k = |t| decide(t).kind;
        assert_eq!(
            k("Sachsen und Bayern vereinbaren eine Kooperation."),
            Some(CooperationKind::Interstate)
        );
        assert_eq!(
            k("Jena lagert den IT-Betrieb an Materna aus, die Kooperation läuft."),
            Some(CooperationKind::Outsourcing)
        );
        assert_eq!(
            k("Gera vollzieht den Beitritt zur KDO."),
            Some(CooperationKind::Membership)
        );
        assert_eq!(
            k("Die Fusion von KDO und Materna ist beschlossen."),
            Some(CooperationKind::Merger)
        );
    }

    #[test]
    fn no_cue_or_one_party_is_no_cooperation() {
        assert_eq!(
            decide("Jena zahlt 2 Millionen Euro an Materna."),
            Decision::default()
        );
        assert_eq!(
            decide("Die Kooperation in Jena wächst."),
            Decision::default()
        );
    }

    #[test]
    fn parties_come_from_the_first_cue_sentences() {
        let d = decide(
            "Jena und Gera starten eine Kooperation.\nDie Kooperation nützt Jena.\nAuch Gera lobt die Zusammenarbeit.\nWie in Bayern soll die Kooperation wachsen.",
        );
        assert_eq!(names(&d), ["Jena", "Gera"]);
    }

    #[test]
    fn every_cue_pattern_compiles() {
        assert_eq!(CooperationClassifier::new().cues.len(), 4);
    }
}
