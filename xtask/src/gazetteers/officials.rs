//! `officials.tsv`: office holders of the Bund and Länder cabinets and German
//! mayors, with the bounds of their terms that the sources give.
//!
//! Sources (`gazetteers/sources/officials/`, see its `SOURCES.md`):
//!
//! - **Cabinets:** every dated snapshot in
//!   `wikipedia-cabinets-husterknupp-2026-08-01/history/`, read in the order of
//!   `history/MANIFEST.tsv` (commit order; the generator fails when its dates go
//!   backwards). Three file families: the Bund, each Land, and the
//!   Ministerpräsidenten (under its three successive paths). A snapshot was
//!   committed whenever the daily scrape changed, so its content holds until the
//!   family's next snapshot. For one holder of one office:
//!   - `first_seen`: the first snapshot showing them; empty when that is the
//!     family's earliest snapshot, as the term may have begun any time before;
//!   - `last_seen`: the last snapshot showing them;
//!   - `first_absent`: the family's next snapshot after `last_seen`; empty when
//!     they are in its latest snapshot.
//!
//!   A gap between two appearances (a revert) is not a term end. The head of a
//!   Land is in both the Land family and the Ministerpräsidenten family; the
//!   two are merged: the earlier first sighting decides `first_seen`, the later
//!   last sighting `last_seen`, and `first_absent` is empty when either family
//!   still shows them. Office titles come from [`super::offices`].
//! - **Mayors:** the German rows of `european_mayors.csv` (Wikidata, June 2018).
//!   `first_seen` is the Wikidata start date, `last_seen` the file's date
//!   2018-06-22, `first_absent` is empty: the extract knows no end. Cities are
//!   joined to Gemeinden by [`join_city`].
//!
//! Names spelled two ways (`Reem Alabali-Radovan` / `Reem Alabali Radovan`) are
//! one person, under the spelling of their latest snapshot.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::names::short_forms;
use super::offices::{gender_of, office_title, Cabinet, Gender};

pub const COLUMNS: &[&str] = &[
    "id",
    "name",
    "given",
    "family",
    "role",
    "org",
    "org_id",
    "first_seen",
    "last_seen",
    "first_absent",
    "source",
];

pub const DIR: &str = "officials";
pub const CABINETS: &str = "wikipedia-cabinets-husterknupp-2026-08-01";
pub const MAYORS: &str = "wikidata-mayors-njanakiev-2018";
/// The date of the mayors extract: the commit that last changed it.
pub const MAYORS_SEEN: &str = "2018-06-22";

/// The copied files whose SHA-256 `officials/SOURCES.md` lists; the history
/// files are checked against `history/MANIFEST.tsv` instead.
const PINNED: &[&str] = &[
    "wikipedia-cabinets-husterknupp-2026-08-01/bundesregierung.json",
    "wikipedia-cabinets-husterknupp-2026-08-01/ministerpräsidenten.json",
    "wikipedia-cabinets-husterknupp-2026-08-01/LICENSE",
    "wikidata-mayors-njanakiev-2018/european_mayors.csv",
    "wikidata-mayors-njanakiev-2018/LICENSE",
];

/// English Wikidata labels of German cities and their German names. The
/// extract has only the English label where Wikidata has one.
const EXONYMS: &[(&str, &str)] = &[
    ("Brunswick", "Braunschweig"),
    ("Cologne", "Köln"),
    ("Hanover", "Hannover"),
    ("Munich", "München"),
    ("Nuremberg", "Nürnberg"),
];

/// The body an office belongs to: its canonical name and id as `places.tsv`
/// and records name it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Body {
    id: String,
    name: String,
}

/// A Gemeinde of `places.tsv`, for joining mayors.
struct Gemeinde {
    id: String,
    name: String,
    type_code: String,
    land: String,
    population: f64,
    names: Vec<String>,
}

/// Bodies and Gemeinden read from the derived `places.tsv` rows.
pub struct PlaceIndex {
    states: Vec<Body>,
    gemeinden: Vec<Gemeinde>,
}

impl PlaceIndex {
    /// Reads the rows of `places.tsv` (columns as in `columns`).
    pub fn new(columns: &[&str], rows: &[Vec<String>]) -> Result<Self> {
        let col = |name: &str| {
            columns
                .iter()
                .position(|c| *c == name)
                .with_context(|| format!("places.tsv has no column {name}"))
        };
        let (id, kind, name, type_code, land, population, aliases) = (
            col("id")?,
            col("kind")?,
            col("name")?,
            col("type")?,
            col("land")?,
            col("population")?,
            col("aliases")?,
        );
        let mut index = PlaceIndex {
            states: Vec::new(),
            gemeinden: Vec::new(),
        };
        for row in rows {
            match row[kind].as_str() {
                "state" => index.states.push(Body {
                    id: row[id].clone(),
                    name: row[name].clone(),
                }),
                "municipality" => {
                    let mut names = vec![row[name].clone()];
                    names.extend(
                        row[aliases]
                            .split('|')
                            .filter(|a| !a.is_empty())
                            .map(str::to_owned),
                    );
                    index.gemeinden.push(Gemeinde {
                        id: row[id].clone(),
                        name: row[name].clone(),
                        type_code: row[type_code].clone(),
                        land: row[land].clone(),
                        population: row[population]
                            .parse()
                            .with_context(|| format!("places.tsv: population of {}", row[id]))?,
                        names,
                    });
                }
                _ => {}
            }
        }
        Ok(index)
    }

    /// The Land whose name, lower-cased with spaces as hyphens, is `key`
    /// (`baden-württemberg`, or `Baden-Württemberg` itself).
    fn state(&self, key: &str) -> Result<Body> {
        let key = key.to_lowercase().replace(' ', "-");
        self.states
            .iter()
            .find(|s| s.name.to_lowercase().replace(' ', "-") == key)
            .cloned()
            .with_context(|| format!("no Land called {key:?} in places.tsv"))
    }
}

/// The derived rows and what the README reports about them.
pub struct Officials {
    pub rows: Vec<Vec<String>>,
    /// Distinct names over all rows.
    pub persons: usize,
    /// Rows from the cabinets.
    pub cabinet_offices: usize,
    /// Distinct city–mayor pairs joined to a Gemeinde.
    pub mayors_joined: usize,
    /// City–mayor pairs not joined: `city label / mayor label: reason`.
    pub unjoined: Vec<String>,
    /// Snapshot entries whose `name` is no name ([`clean_name`]).
    pub skipped_entries: usize,
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Fails unless each pinned file's SHA-256 is listed in `SOURCES.md`.
fn verify_pinned(dir: &Path) -> Result<()> {
    let listing = read(&dir.join("SOURCES.md"))?;
    for file in PINNED {
        let path = dir.join(file);
        let bytes = fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let sum = sha256_hex(&bytes);
        if !listing.contains(&sum) {
            bail!(
                "{}: SHA-256 {sum} is not listed in officials/SOURCES.md",
                path.display()
            );
        }
    }
    Ok(())
}

/// A cabinet file family: the Bund, one Land (by file stem), or the heads.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Family {
    Bund,
    Land(String),
    Heads,
}

/// One entry of one snapshot: name and `amt` (for the heads, the Land).
struct Entry {
    name: String,
    amt: Option<String>,
    state: Option<String>,
}

struct Snapshot {
    date: String,
    entries: Vec<Entry>,
}

fn family_of(path: &str) -> Result<Family> {
    let path = path
        .strip_prefix("output/")
        .with_context(|| format!("MANIFEST path {path:?} is not under output/"))?;
    Ok(match path {
        "bundesregierung.json" => Family::Bund,
        "ministerpraesidenten.json"
        | "ministerpraesidenten/ministerpraesidenten.json"
        | "ministerpräsidenten.json" => Family::Heads,
        other => match other
            .strip_prefix("landesregierungen/")
            .and_then(|f| f.strip_suffix(".json"))
        {
            Some(land) => Family::Land(land.to_owned()),
            None => bail!("MANIFEST path {path:?} belongs to no known file family"),
        },
    })
}

fn json_str(entry: &Value, key: &str, at: &str) -> Result<String> {
    entry
        .get(key)
        .and_then(Value::as_str)
        .map(|s| s.trim().to_owned())
        .with_context(|| format!("{at}: an entry has no string {key:?}"))
}

/// Every snapshot per family, in commit order, after checking each file's sum.
fn read_history(cabinets: &Path, skipped: &mut usize) -> Result<BTreeMap<Family, Vec<Snapshot>>> {
    let manifest_path = cabinets.join("history/MANIFEST.tsv");
    let manifest = read(&manifest_path)?;
    let mut families: BTreeMap<Family, Vec<Snapshot>> = BTreeMap::new();
    let mut previous_date = String::new();
    for (n, line) in manifest.lines().enumerate().skip(1) {
        let at = format!("{}:{}", manifest_path.display(), n + 1);
        let fields: Vec<&str> = line.split('\t').collect();
        let [date, commit, path, sum, _entries] = fields[..] else {
            bail!("{at}: expected 5 tab-separated fields");
        };
        if date < previous_date.as_str() {
            bail!("{at}: date {date} is earlier than the row before");
        }
        previous_date = date.to_owned();
        let family = family_of(path).with_context(|| at.clone())?;
        let file = cabinets
            .join("history")
            .join(format!("{date}_{commit}"))
            .join(path.trim_start_matches("output/"));
        let bytes = fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
        if sha256_hex(&bytes) != sum {
            bail!("{}: SHA-256 differs from {at}", file.display());
        }
        let name = file.display().to_string();
        let json: Value =
            serde_json::from_slice(&bytes).with_context(|| format!("{name}: not JSON"))?;
        let items = json
            .as_array()
            .with_context(|| format!("{name}: not a JSON array"))?;
        let mut entries = Vec::new();
        for item in items {
            let Some(person) = clean_name(&json_str(item, "name", &name)?) else {
                *skipped += 1;
                continue;
            };
            entries.push(Entry {
                name: person,
                amt: (family != Family::Heads)
                    .then(|| json_str(item, "amt", &name))
                    .transpose()?,
                state: (family == Family::Heads)
                    .then(|| json_str(item, "state", &name))
                    .transpose()?,
            });
        }
        families.entry(family).or_default().push(Snapshot {
            date: date.to_owned(),
            entries,
        });
    }
    Ok(families)
}

/// The person's name in a scraped `name` field: a trailing note in brackets
/// (`Silke Schneider (ab Juli 2024)`, `Björn Fecker ( kommissarisch )`) is cut
/// off. `None` when what is left is no name: fewer than two words, or a word
/// that is neither capitalised nor a particle (`derzeit vakant`, a leaked CSS
/// rule). Such entries are skipped and counted.
pub fn clean_name(raw: &str) -> Option<String> {
    let name = raw.split('(').next().unwrap_or_default().trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let word_ok = |w: &&str| {
        PARTICLES.contains(w)
            || (w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'')))
    };
    (words.len() >= 2 && words.iter().all(word_ok)).then(|| words.join(" "))
}

/// A name's key for spelling variants: hyphens read as spaces.
fn spelling_key(name: &str) -> String {
    name.replace('-', " ")
}

/// Particles that belong to the family name (`von der Decken`).
const PARTICLES: &[&str] = &["de", "den", "der", "van", "vom", "von", "zu", "zur"];

/// Splits `name` into given and family name: the last word plus any particles
/// before it. `variants` are other spellings of the same name; when one joins
/// the last words with a hyphen, those words are the family name
/// (`Reem Alabali Radovan` → `Alabali Radovan`).
pub fn split_name(name: &str, variants: &[&str]) -> (String, String) {
    let words: Vec<&str> = name.split(' ').collect();
    let mut family_words = 1;
    for variant in variants {
        if let Some(last) = variant.split(' ').next_back() {
            let count = last.split('-').count();
            if count > 1 && name.ends_with(&last.replace('-', " ")) {
                family_words = family_words.max(count);
            }
        }
    }
    let mut start = words.len().saturating_sub(family_words);
    while start > 1 && PARTICLES.contains(&words[start - 1]) {
        start -= 1;
    }
    (words[..start].join(" "), words[start..].join(" "))
}

/// Bounds of one office in one family, as snapshot indices.
#[derive(Debug, Clone)]
struct Seen {
    first: usize,
    last: usize,
}

/// Bounds as dates, mergeable across families.
#[derive(Debug, Clone)]
struct Term {
    /// Date of the first sighting, and whether it was the family's first snapshot.
    first: (String, bool),
    last: String,
    first_absent: Option<String>,
}

impl Term {
    fn of(seen: &Seen, snapshots: &[Snapshot]) -> Term {
        Term {
            first: (snapshots[seen.first].date.clone(), seen.first == 0),
            last: snapshots[seen.last].date.clone(),
            first_absent: snapshots.get(seen.last + 1).map(|s| s.date.clone()),
        }
    }

    fn merge(&mut self, other: Term) {
        let earlier = (&other.first.0, !other.first.1) < (&self.first.0, !self.first.1);
        if earlier {
            self.first = other.first;
        }
        if other.last > self.last {
            self.last = other.last;
        }
        self.first_absent = match (self.first_absent.take(), other.first_absent) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };
    }
}

fn cabinet_of(body: &Body, family: &Family) -> Cabinet {
    match (family, body.name.as_str()) {
        (Family::Bund, _) => Cabinet::Bund,
        (_, "Bayern") => Cabinet::Bayern,
        (_, "Hamburg") => Cabinet::Hamburg,
        (_, "Berlin" | "Bremen") => Cabinet::Senat,
        _ => Cabinet::Land,
    }
}

/// The title of a Land's head of government.
fn head_title(land: &str, gender: Gender) -> String {
    let (masculine, feminine) = match land {
        "Berlin" => ("Regierender Bürgermeister", "Regierende Bürgermeisterin"),
        "Hamburg" => (
            "Präsident des Senats und Erster Bürgermeister",
            "Präsidentin des Senats und Erste Bürgermeisterin",
        ),
        "Bremen" => (
            "Präsident des Senats und Bürgermeister",
            "Präsidentin des Senats und Bürgermeisterin",
        ),
        _ => ("Ministerpräsident", "Ministerpräsidentin"),
    };
    match gender {
        Gender::Feminine => feminine.to_owned(),
        Gender::Masculine => masculine.to_owned(),
        // Only the Ministerpräsident has a one-word title to mark as neutral.
        Gender::Unknown if masculine == "Ministerpräsident" => "Ministerpräsident(in)".to_owned(),
        Gender::Unknown => masculine.to_owned(),
    }
}

/// `Präsident des Senats` → slug-safe lower-case ASCII: `praesident-des-senats`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let piece = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        if piece == "-" && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push_str(piece);
    }
    out.trim_end_matches('-').to_owned()
}

/// One person's name as rows show it.
struct Person {
    name: String,
    given: String,
    family: String,
}

fn row(person: &Person, role: &str, body: &Body, term: [&str; 3], source: &str) -> Vec<String> {
    vec![
        format!("{}:{}:{}", body.id, slug(&person.name), slug(role)),
        person.name.clone(),
        person.given.clone(),
        person.family.clone(),
        role.to_owned(),
        body.name.clone(),
        body.id.clone(),
        term[0].to_owned(),
        term[1].to_owned(),
        term[2].to_owned(),
        source.to_owned(),
    ]
}

/// The cabinet rows.
fn cabinet_rows(
    cabinets: &Path,
    places: &PlaceIndex,
    skipped: &mut usize,
) -> Result<Vec<Vec<String>>> {
    let families = read_history(cabinets, skipped)?;
    let bund = Body {
        id: "bund".to_owned(),
        name: "Bund".to_owned(),
    };
    // Spellings per person, latest last, and every `amt` for gender cues.
    let mut spellings: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut amts: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut latest: BTreeMap<String, String> = BTreeMap::new();
    let mut all: Vec<(&str, &Entry)> = families
        .values()
        .flatten()
        .flat_map(|s| s.entries.iter().map(move |e| (s.date.as_str(), e)))
        .collect();
    all.sort_by_key(|(date, _)| *date);
    for (_, entry) in &all {
        let key = spelling_key(&entry.name);
        let list = spellings.entry(key.clone()).or_default();
        if !list.contains(&entry.name) {
            list.push(entry.name.clone());
        }
        latest.insert(key.clone(), entry.name.clone());
        amts.entry(key).or_default().extend(entry.amt.clone());
    }

    let mut terms: BTreeMap<(String, Body, String), Term> = BTreeMap::new();
    for (family, snapshots) in &families {
        let mut seen: BTreeMap<(String, Body, String), Seen> = BTreeMap::new();
        for (index, snapshot) in snapshots.iter().enumerate() {
            for entry in &snapshot.entries {
                let key = spelling_key(&entry.name);
                let amt_list: Vec<&str> = amts[&key].iter().map(String::as_str).collect();
                let gender = gender_of(&amt_list);
                let (body, role) = match family {
                    Family::Heads => {
                        let land = entry.state.as_deref().unwrap_or_default();
                        let body = places.state(land)?;
                        let role = head_title(&body.name, gender);
                        (body, role)
                    }
                    Family::Bund | Family::Land(_) => {
                        let body = match family {
                            Family::Land(stem) => places.state(stem)?,
                            _ => bund.clone(),
                        };
                        let amt = entry.amt.as_deref().unwrap_or_default();
                        match office_title(amt, cabinet_of(&body, family), gender) {
                            Some(role) => (body, role),
                            None => continue,
                        }
                    }
                };
                seen.entry((key, body, role))
                    .and_modify(|s| s.last = index)
                    .or_insert(Seen {
                        first: index,
                        last: index,
                    });
            }
        }
        for (key, s) in seen {
            let term = Term::of(&s, snapshots);
            match terms.get_mut(&key) {
                Some(t) => t.merge(term),
                None => {
                    terms.insert(key, term);
                }
            }
        }
    }

    let mut rows = Vec::new();
    for ((key, body, role), term) in terms {
        let name = latest[&key].clone();
        let variants: Vec<&str> = spellings[&key].iter().map(String::as_str).collect();
        let (given, family) = split_name(&name, &variants);
        let person = Person {
            name,
            given,
            family,
        };
        let first_seen = if term.first.1 { "" } else { &term.first.0 };
        rows.push(row(
            &person,
            &role,
            &body,
            [
                first_seen,
                &term.last,
                term.first_absent.as_deref().unwrap_or_default(),
            ],
            CABINETS,
        ));
    }
    Ok(rows)
}

/// Splits one CSV line of RFC 4180 fields; `None` when a quote is left open
/// (the extract has no line breaks inside fields).
fn csv_fields(line: &str) -> Option<Vec<String>> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    (!quoted).then(|| {
        fields.push(field);
        fields
    })
}

/// Joins a Wikidata city label to a Gemeinde of `places.tsv`:
///
/// 1. an English label becomes its German name by [`EXONYMS`];
/// 2. candidates are the Gemeinden whose name or alias equals the label;
/// 3. if there are none, the label's short forms (by the `places.tsv` rule,
///    `Weiden in der Oberpfalz` → `Weiden`) are tried the same way;
/// 4. one candidate is the match. Among several, the one whose population is
///    nearest to the Wikidata population (ratio of the two) wins if that ratio
///    is within 1.5 and at most half as far (in log terms) as the runner-up's.
///
/// Returns the Gemeinde's index, or why there is none.
fn join_city(label: &str, population: f64, places: &PlaceIndex) -> Result<usize, String> {
    let german = EXONYMS
        .iter()
        .find(|(en, _)| *en == label)
        .map_or(label, |(_, de)| de);
    let matching = |name: &str| -> Vec<usize> {
        places
            .gemeinden
            .iter()
            .enumerate()
            .filter(|(_, g)| g.names.iter().any(|n| n == name))
            .map(|(i, _)| i)
            .collect()
    };
    let mut candidates = matching(german);
    if candidates.is_empty() {
        for short in short_forms(german) {
            candidates = matching(&short);
            if !candidates.is_empty() {
                break;
            }
        }
    }
    match candidates.as_slice() {
        [] => Err(format!("no Gemeinde is called {german:?}")),
        [one] => Ok(*one),
        several => {
            let distance = |i: &usize| (places.gemeinden[*i].population / population).ln().abs();
            let mut ranked = several.to_vec();
            ranked.sort_by(|a, b| distance(a).total_cmp(&distance(b)));
            let (best, next) = (distance(&ranked[0]), distance(&ranked[1]));
            if best <= 1.5f64.ln() && best * 2.0 <= next {
                Ok(ranked[0])
            } else {
                Err(format!(
                    "{} Gemeinden are called {german:?} and population does not tell them apart",
                    several.len()
                ))
            }
        }
    }
}

/// The mayor rows, the number of joined city–mayor pairs and the unjoined ones.
fn mayor_rows(
    mayors: &Path,
    places: &PlaceIndex,
) -> Result<(Vec<Vec<String>>, usize, Vec<String>)> {
    let path = mayors.join("european_mayors.csv");
    let name = path.display().to_string();
    let text = read(&path)?;
    let mut lines = text.lines();
    let header = lines
        .next()
        .and_then(csv_fields)
        .with_context(|| format!("{name}: no header"))?;
    let col = |c: &str| {
        header
            .iter()
            .position(|h| h == c)
            .with_context(|| format!("{name}: no column {c:?}"))
    };
    let [country, city, city_label, population, mayor, mayor_label, gender, start] = [
        "country",
        "city",
        "cityLabel",
        "population",
        "mayor",
        "mayorLabel",
        "genderLabel",
        "start_date",
    ]
    .map(col);
    let (country, city, city_label, population, mayor, mayor_label, gender, start) = (
        country?,
        city?,
        city_label?,
        population?,
        mayor?,
        mayor_label?,
        gender?,
        start?,
    );
    // (city QID, mayor QID) → fields; rows repeat for extra coordinates.
    let mut pairs: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for (n, line) in lines.enumerate() {
        let fields = csv_fields(line)
            .filter(|f| f.len() == header.len())
            .with_context(|| format!("{name}:{}: malformed CSV line", n + 2))?;
        if fields[country] == "Germany" {
            pairs
                .entry((fields[city].clone(), fields[mayor].clone()))
                .or_insert(fields);
        }
    }
    let mut unjoined = Vec::new();
    // (Gemeinde, mayor QID) → fields: Wikidata has Bremen both as city and Land.
    let mut joined: BTreeMap<(usize, String), &Vec<String>> = BTreeMap::new();
    for ((_, mayor_id), f) in &pairs {
        let label = &f[mayor_label];
        let what = format!("{} / {}", f[city_label], label);
        if label.starts_with('Q') && label[1..].bytes().all(|b| b.is_ascii_digit()) {
            unjoined.push(format!(
                "{what}: the mayor has no name label in the extract"
            ));
            continue;
        }
        let wd_population: f64 = f[population]
            .parse()
            .with_context(|| format!("{name}: population {:?}", f[population]))?;
        match join_city(&f[city_label], wd_population, places) {
            Ok(i) => {
                joined.entry((i, mayor_id.clone())).or_insert(f);
            }
            Err(why) => unjoined.push(format!("{what}: {why}")),
        }
    }
    // Per Gemeinde, the holder with the earliest start is the head; the others
    // are deputies Wikidata also tags as head of government (Munich).
    let mut earliest: BTreeMap<usize, &str> = BTreeMap::new();
    for ((i, _), f) in &joined {
        let e = earliest.entry(*i).or_insert(f[start].as_str());
        if f[start].as_str() < *e {
            *e = f[start].as_str();
        }
    }
    let mut rows = Vec::new();
    for ((i, _), f) in &joined {
        let gemeinde = &places.gemeinden[*i];
        let label = &f[mayor_label];
        let first_seen = f[start].get(..10).unwrap_or_default();
        if first_seen.len() != 10 {
            bail!("{name}: start date {:?} of {label} is not ISO", f[start]);
        }
        let head = earliest.get(i) == Some(&f[start].as_str());
        let role = match (head, gemeinde.id.as_str(), gemeinde.type_code.as_str()) {
            (false, _, _) => "Bürgermeister",
            (true, "ags:11000000", _) => "Regierender Bürgermeister",
            (true, "ags:02000000", _) => "Erster Bürgermeister",
            (true, "ags:04011000", _) => "Präsident des Senats und Bürgermeister",
            (true, _, "61" | "62" | "67") => "Oberbürgermeister",
            // Outside NRW, towns of 50,000 and more are led by an
            // Oberbürgermeister (Hessen by law, Niedersachsen's große
            // selbständige Städte in practice); NRW's kreisangehörige towns are not.
            (true, _, _) if gemeinde.population >= 50_000.0 && gemeinde.land != "05" => {
                "Oberbürgermeister"
            }
            (true, _, _) => "Bürgermeister",
        };
        let role = if f[gender] == "female" {
            format!("{role}in")
                .replace("Regierender", "Regierende")
                .replace("Erster", "Erste")
                .replace("Präsident des", "Präsidentin des")
        } else {
            role.to_owned()
        };
        let (given, family) = split_name(label, &[]);
        let person = Person {
            name: label.clone(),
            given,
            family,
        };
        let body = Body {
            id: gemeinde.id.clone(),
            name: gemeinde.name.clone(),
        };
        rows.push(row(
            &person,
            &role,
            &body,
            [first_seen, MAYORS_SEEN, ""],
            MAYORS,
        ));
    }
    let joined = rows.len();
    Ok((rows, joined, unjoined))
}

/// Derives all rows from `sources` (the `gazetteers/sources` folder).
pub fn derive(sources: &Path, places: &PlaceIndex) -> Result<Officials> {
    let dir = sources.join(DIR);
    verify_pinned(&dir)?;
    let mut skipped_entries = 0;
    let mut rows = cabinet_rows(&dir.join(CABINETS), places, &mut skipped_entries)?;
    let cabinet_offices = rows.len();
    let (mayors, mayors_joined, unjoined) = mayor_rows(&dir.join(MAYORS), places)?;
    rows.extend(mayors);
    let persons: BTreeSet<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    let persons = persons.len();
    Ok(Officials {
        rows,
        persons,
        cabinet_offices,
        mayors_joined,
        unjoined,
        skipped_entries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_names_with_particles_and_variants() {
        let cases: &[(&str, &[&str], &str, &str)] = &[
            ("Michael Kretschmer", &[], "Michael", "Kretschmer"),
            ("Kerstin von der Decken", &[], "Kerstin", "von der Decken"),
            ("Erik O. Schulz", &[], "Erik O.", "Schulz"),
            (
                "Reem Alabali Radovan",
                &["Reem Alabali-Radovan", "Reem Alabali Radovan"],
                "Reem",
                "Alabali Radovan",
            ),
            (
                "Nicole Hoffmeister-Kraut",
                &[],
                "Nicole",
                "Hoffmeister-Kraut",
            ),
        ];
        for (name, variants, given, family) in cases {
            assert_eq!(
                split_name(name, variants),
                ((*given).to_owned(), (*family).to_owned()),
                "{name}"
            );
        }
    }

    #[test]
    fn cleans_scraped_names() {
        assert_eq!(
            clean_name("Silke Schneider (ab 1. August 2024)").as_deref(),
            Some("Silke Schneider")
        );
        assert_eq!(
            clean_name("Björn Fecker ( kommissarisch )").as_deref(),
            Some("Björn Fecker")
        );
        assert_eq!(
            clean_name("Kerstin von der Decken").as_deref(),
            Some("Kerstin von der Decken")
        );
        assert_eq!(clean_name("derzeit vakant"), None);
        assert_eq!(clean_name(".mw-parser-output .x{font-style:normal}"), None);
        assert_eq!(clean_name("Madonna"), None);
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Präsident des Senats"), "praesident-des-senats");
        assert_eq!(
            slug("Minister(in) für Bildung, Jugend"),
            "minister-in-fuer-bildung-jugend"
        );
    }

    #[test]
    fn reads_quoted_csv_fields() {
        assert_eq!(
            csv_fields(r#"a,"b, c","d ""e""",f"#).unwrap(),
            ["a", "b, c", r#"d "e""#, "f"]
        );
        assert!(csv_fields(r#"a,"b"#).is_none());
    }

    fn places() -> PlaceIndex {
        let gemeinde =
            |id: &str, name: &str, type_code: &str, population: f64, aliases: &[&str]| {
                let mut names = vec![name.to_owned()];
                names.extend(aliases.iter().map(|a| (*a).to_owned()));
                Gemeinde {
                    id: id.to_owned(),
                    name: name.to_owned(),
                    type_code: type_code.to_owned(),
                    land: String::new(),
                    population,
                    names,
                }
            };
        PlaceIndex {
            states: Vec::new(),
            gemeinden: vec![
                gemeinde("ags:1", "München", "61", 1_500_000.0, &[]),
                gemeinde(
                    "ags:2",
                    "Frankfurt am Main",
                    "61",
                    770_000.0,
                    &["Frankfurt"],
                ),
                gemeinde("ags:3", "Frankfurt (Oder)", "61", 57_000.0, &["Frankfurt"]),
                gemeinde(
                    "ags:4",
                    "Friedberg (Hessen)",
                    "63",
                    30_409.0,
                    &["Friedberg"],
                ),
                gemeinde("ags:5", "Friedberg", "63", 29_953.0, &[]),
                gemeinde("ags:6", "Weiden i.d.OPf.", "61", 42_444.0, &["Weiden"]),
                gemeinde("ags:7", "Weiden", "64", 81.0, &[]),
            ],
        }
    }

    #[test]
    fn joins_cities_by_exonym_short_form_and_population() {
        let p = places();
        assert_eq!(join_city("Munich", 1_464_301.0, &p), Ok(0));
        assert_eq!(join_city("Frankfurt", 736_414.0, &p), Ok(1));
        assert_eq!(join_city("Weiden in der Oberpfalz", 41_726.0, &p), Ok(5));
        assert!(join_city("Friedberg", 27_859.0, &p)
            .unwrap_err()
            .contains("population does not tell them apart"));
        assert!(join_city("Atlantis", 1.0, &p).is_err());
    }
}
