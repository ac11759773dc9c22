//! The output contract: one [`Record`] per input document, written as one JSON line.
//!
//! Field names follow `gold/FORMAT.md` exactly. Every mention, date and amount carries
//! `text`, `start` and `end`, where `start..end` are byte offsets into the document's
//! text decoded to UTF-8 (before any cleaning) and `text` equals those bytes. The
//! types make that a property rather than a habit: each fact holds a [`Quote`], which
//! can only be cut from the original text.
//!
//! ```json
//! {"source":"corpus/a.txt","title":"Kooperation für IT","published":"2014-05-22",
//!  "cooperation":true,"kind":"intermunicipal",
//!  "entities":[{"name":"Saarpfalz-Kreis","kind":"district","id":"ags:10045",
//!               "mentions":[{"text":"Saarpfalz-Kreises","start":812,"end":830}]}],
//!  "parties":["Saarbrücken","Saarpfalz-Kreis"],
//!  "officials":[{"name":"Charlotte Britz","role":"Oberbürgermeisterin","org":"Saarbrücken",
//!                "mentions":[{"text":"Charlotte Britz","start":1040,"end":1055}]}],
//!  "dates":[{"value":"2013-03","text":"März 2013","start":1890,"end":1899}],
//!  "amounts":[{"value":15000.0,"currency":"EUR","period":"year",
//!              "text":"15.000 Euro pro Jahr","start":2301,"end":2321}],
//!  "evidence":[{"text":"Kooperationsvereinbarung","start":400,"end":424}]}
//! ```

use serde::{Deserialize, Serialize};

use crate::repair::Repaired;
use crate::span::Quote;

/// Everything coopfacts says about one input document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Where the document came from: the path as the user gave it, joined with the
    /// walked path.
    pub source: String,
    /// The article's headline, without kicker, portal name or site suffix.
    pub title: Option<String>,
    /// The publication date the article states for itself (`YYYY-MM-DD` or `YYYY-MM`).
    pub published: Option<String>,
    /// Whether the article reports a cooperation between public bodies or with an IT
    /// provider.
    pub cooperation: bool,
    /// The kind of that cooperation.
    pub kind: Option<CooperationKind>,
    /// Places and organisations named in the article's own text.
    pub entities: Vec<Entity>,
    /// Names of the entities (of this record) that take part in the cooperation.
    pub parties: Vec<String>,
    /// People named with a public or corporate role.
    pub officials: Vec<Official>,
    /// Calendar dates the article's own text gives.
    pub dates: Vec<DateFact>,
    /// Money amounts.
    pub amounts: Vec<AmountFact>,
    /// The cue spans that the cooperation decision rests on, for a reader to check.
    pub evidence: Vec<Quote>,
    /// The character encoding the document was decoded from.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub encoding: Option<String>,
    /// How the text was repaired before it was read, if it was (offsets still
    /// count in the text as decoded).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub repair: Option<String>,
    /// Why the document could not be read; all other fields are then empty.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error: Option<String>,
}

impl Record {
    /// The record of a document that could not be read: `source`, `error`, and
    /// nothing else.
    pub fn failed(source: String, error: String) -> Record {
        Record {
            source,
            title: None,
            published: None,
            cooperation: false,
            kind: None,
            entities: Vec::new(),
            parties: Vec::new(),
            officials: Vec::new(),
            dates: Vec::new(),
            amounts: Vec::new(),
            evidence: Vec::new(),
            encoding: None,
            repair: None,
            error: Some(error),
        }
    }

    /// Every quote the record holds: mentions, official mentions, dates, amounts
    /// and evidence, for checking each against the bytes it points at.
    pub fn quotes(&self) -> impl Iterator<Item = &Quote> {
        self.entities
            .iter()
            .flat_map(|e| &e.mentions)
            .chain(self.officials.iter().flat_map(|o| &o.mentions))
            .chain(self.dates.iter().map(|d| &d.quote))
            .chain(self.amounts.iter().map(|a| &a.quote))
            .chain(&self.evidence)
    }

    /// Moves every quote from the repaired text the record was read from back into
    /// `original`, the text as decoded: its offsets through `repaired` and its text
    /// cut from `original`. A quote that no longer cuts cleanly is dropped, and so
    /// is an entity left without a mention (and its party).
    pub fn move_back(&mut self, original: &str, repaired: &Repaired) {
        let moved = |q: &Quote| Quote::new(original, repaired.original_span(q.start, q.end)?);
        let requote = |quotes: &mut Vec<Quote>| {
            *quotes = quotes.iter().filter_map(moved).collect();
        };
        for e in &mut self.entities {
            requote(&mut e.mentions);
        }
        let unquoted: Vec<String> = self
            .entities
            .iter()
            .filter(|e| e.mentions.is_empty())
            .map(|e| e.name.clone())
            .collect();
        self.entities.retain(|e| !e.mentions.is_empty());
        self.parties.retain(|p| !unquoted.contains(p));
        for o in &mut self.officials {
            requote(&mut o.mentions);
        }
        self.officials.retain(|o| !o.mentions.is_empty());
        self.dates
            .retain_mut(|d| moved(&d.quote).map(|q| d.quote = q).is_some());
        self.amounts
            .retain_mut(|a| moved(&a.quote).map(|q| a.quote = q).is_some());
        requote(&mut self.evidence);
    }

    /// Number of facts with provenance: mentions, official mentions, dates, amounts.
    pub fn fact_count(&self) -> usize {
        self.entities
            .iter()
            .map(|e| e.mentions.len())
            .sum::<usize>()
            + self
                .officials
                .iter()
                .map(|o| o.mentions.len())
                .sum::<usize>()
            + self.dates.len()
            + self.amounts.len()
    }
}

/// The kind of a reported cooperation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CooperationKind {
    /// Municipalities or districts working together.
    Intermunicipal,
    /// Länder (or Bund and Länder) working together.
    Interstate,
    /// A public body handing its IT to a company or provider.
    Outsourcing,
    /// A body joining a Zweckverband, cooperative or provider as a member.
    Membership,
    /// Providers or bodies merging into one.
    Merger,
    /// A cooperation of another shape.
    Other,
}

/// The kind of a named entity, as in `gold/FORMAT.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// Stadt, Gemeinde, kreisfreie Stadt.
    Municipality,
    /// Landkreis, Kreis.
    District,
    /// Bundesland.
    State,
    /// Public or private IT service provider, Zweckverband, Eigenbetrieb.
    Provider,
    /// A company.
    Company,
    /// A ministry, Senatsverwaltung or other authority.
    Authority,
    /// An association.
    Association,
}

impl EntityKind {
    /// A municipality, district or Land: what the official lists hold.
    pub fn is_place(self) -> bool {
        matches!(
            self,
            EntityKind::Municipality | EntityKind::District | EntityKind::State
        )
    }
}

/// A place or organisation and every place the article names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// Canonical name (the gazetteer's, or the text's for organisations found by shape).
    pub name: String,
    /// What sort of entity it is.
    pub kind: EntityKind,
    /// Official key (`ags:` plus the Destatis key) or gazetteer id, when known.
    pub id: Option<String>,
    /// Other ids the name could stand for, when the context left it open.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub candidates: Vec<String>,
    /// Every mention, in text order; never empty.
    pub mentions: Vec<Quote>,
}

/// Where an official's role or organisation came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Attribution {
    /// Written in the article.
    Text,
    /// Taken from the officials gazetteer, within the holder's known term.
    Gazetteer,
    /// Not written beside the name: the one body of the role's kind the article
    /// points to (see [`crate::extract::affiliation`]).
    Context,
}

/// A person named with a public or corporate role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Official {
    /// Full name without academic titles.
    pub name: String,
    /// The role as written ("Bürgermeister für Allgemeine Verwaltung").
    pub role: Option<String>,
    /// Canonical name of the organisation the role belongs to.
    pub org: Option<String>,
    /// Where `role` came from.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub role_source: Option<Attribution>,
    /// Where `org` came from.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub org_source: Option<Attribution>,
    /// Every mention of the person's name, in text order; never empty.
    pub mentions: Vec<Quote>,
}

/// A calendar date given in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateFact {
    /// `YYYY-MM-DD`, or `YYYY-MM` where only a month is given.
    pub value: String,
    /// Where it stands.
    #[serde(flatten)]
    pub quote: Quote,
}

/// How often an amount is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// Per year ("pro Jahr", "jährlich").
    Year,
    /// Per month ("monatlich").
    Month,
}

/// A money amount given in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AmountFact {
    /// The amount in units of the currency.
    pub value: f64,
    /// ISO 4217 code: `EUR`, or `DEM` for Mark.
    pub currency: String,
    /// Recurrence, when the text gives one.
    pub period: Option<Period>,
    /// Where it stands.
    #[serde(flatten)]
    pub quote: Quote,
}
