//! `places.tsv`: Länder, Kreise and Gemeinden from GV100AD.
//!
//! Rows: every Land (Satzart 10), every Kreis of type 43/44/45 (Satzart 40),
//! every Gemeinde (Satzart 60, type 60–64 or 67) and every Gemeindeverband of
//! type 51–54 (Satzart 50: Amt, Samtgemeinde, Verbandsgemeinde,
//! Verwaltungsgemeinschaft). Kreisfreie Städte
//! (Satzart 40, type 41/42) are no rows of their own: they appear as their
//! Gemeinde, whose `district` column holds the Kreis key. Gemeindefreie
//! Gebiete (65/66) get no row, but their inhabitants count towards the
//! population of their Land and Kreis, which is the sum over all their
//! Satzart-60 records and so equals the official figure (Germany 83,577,140;
//! the Gemeinden alone hold 917 fewer). Every Gemeinde must belong to a
//! known Land and Kreis.
//!
//! `common_word` and `common_aliases` flag the names that are also common
//! German words, by the rule in `common_words`. Every row's population counts
//! towards each string it carries, so all rows carrying a string get the same
//! verdict for it.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{bail, Context, Result};

use super::common_words::Bearers;
use super::gv100ad::Record;
use super::names::{district_name, short_forms, split_bilingual, strip_suffix};
use super::tsv::check_field;
use super::wordfreq::Frequencies;

pub const COLUMNS: &[&str] = &[
    "id",
    "kind",
    "name",
    "official_name",
    "type",
    "land",
    "district",
    "population",
    "aliases",
    "bare",
    "common_word",
    "common_aliases",
];

/// Number of Gemeinden in the Gebietsstand 30.11.2025 edition (SOURCES.md).
pub const EXPECTED_MUNICIPALITIES: usize = 10_751;

/// Rows of `places.tsv` with the number of rows per kind.
pub struct Places {
    pub rows: Vec<Vec<String>>,
    pub states: usize,
    pub districts: usize,
    pub municipalities: usize,
    /// Ämter, Samtgemeinden, Verbandsgemeinden and Verwaltungsgemeinschaften.
    pub associations: usize,
    /// Rows whose judged name (`bare` if set, else `name`) is a common word.
    pub common_words: usize,
    /// Aliases flagged in `common_aliases`, over all rows.
    pub common_aliases: usize,
}

/// One row before it is flattened into columns.
struct Place {
    id: String,
    kind: &'static str,
    name: String,
    official_name: String,
    type_code: String,
    land: String,
    district: String,
    population: u64,
    aliases: Vec<String>,
    bare: String,
}

impl Place {
    /// Drops aliases equal to the name or to an earlier alias.
    fn dedup_aliases(&mut self) {
        let mut aliases: Vec<String> = Vec::new();
        for alias in std::mem::take(&mut self.aliases) {
            if alias != self.name && !aliases.contains(&alias) {
                aliases.push(alias);
            }
        }
        self.aliases = aliases;
    }

    /// The strings this row carries: name, bare name and aliases.
    fn strings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(std::iter::once(self.bare.as_str()))
            .chain(self.aliases.iter().map(String::as_str))
    }

    /// The name the common-word rule judges: `bare` for a prefixed Kreis.
    fn judged_name(&self) -> &str {
        if self.bare.is_empty() {
            &self.name
        } else {
            &self.bare
        }
    }

    fn into_row(self, words: &Frequencies, bearers: &Bearers) -> Result<Vec<String>> {
        for field in self.strings() {
            if field.contains('|') {
                bail!("{}: name {field:?} holds '|', the list separator", self.id);
            }
            check_field(field).with_context(|| self.id.clone())?;
        }
        let common_word = if bearers.is_common(words, self.judged_name()) {
            "yes"
        } else {
            ""
        };
        let common_aliases: Vec<&str> = self
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|alias| bearers.is_common(words, alias))
            .collect();
        let common_aliases = common_aliases.join("|");
        Ok(vec![
            self.id,
            self.kind.to_owned(),
            self.name,
            self.official_name,
            self.type_code,
            self.land,
            self.district,
            self.population.to_string(),
            self.aliases.join("|"),
            self.bare,
            common_word.to_owned(),
            common_aliases,
        ])
    }
}

/// The word the press puts before a Gemeindeverband of each type (Satzart 50),
/// with the other forms it is written in. Verbandsfreie and erfüllende Gemeinden
/// (50, 58) are their Gemeinde; the few Verwaltungsverbände and
/// Kirchspielslandgemeinden (55, 56) are left out.
/// The plural opens a list ("die Ämter Crivitz und …"), of which the first
/// name is found.
const ASSOCIATION_WORDS: &[(&str, &str, &[&str])] = &[
    ("51", "Amt", &["Amtes", "Amts", "Ämter", "Ämtern"]),
    ("52", "Samtgemeinde", &["Samtgemeinden"]),
    ("53", "Verbandsgemeinde", &["VG", "Verbandsgemeinden"]),
    (
        "54",
        "Verwaltungsgemeinschaft",
        &["VGem", "Verwaltungsgemeinschaften"],
    ),
];

/// The place name of a Gemeindeverband without the marks GV100AD adds:
/// `VVG der Stadt Herrenberg`, `Emmerting (VGem)`, `Amt Lütjenburg`,
/// `Rethem (Aller), Stadt`.
fn association_base(official: &str) -> &str {
    let name = strip_suffix(official);
    let name = name.strip_suffix(" (VGem)").unwrap_or(name);
    ["VVG der Stadt ", "VVG der Gemeinde ", "VVG ", "Amt "]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name)
        .trim()
}

/// Gemeindeverbände as places of their own (`ars:` and the nine digits of
/// Kreis and Verband), named with their type word ("Amt Crivitz"), so that they
/// are found only with it: their bare name is mostly that of their seat.
/// `population` holds the sum over each Verband's Gemeinden, keyed by Kreis and
/// Verband.
fn associations(
    records: &[Record],
    population: &BTreeMap<(&str, &str), u64>,
) -> Result<Vec<Place>> {
    let mut out = Vec::new();
    for record in records.iter().filter(|r| r.satzart == "50") {
        let Some((_, word, other_words)) = ASSOCIATION_WORDS
            .iter()
            .find(|(code, _, _)| *code == record.type_code)
        else {
            continue;
        };
        let key = format!("{}{}", record.kreis_key, record.verband);
        require_digits(&key, 9, "Gemeindeverband", &record.name)?;
        let base = association_base(&record.name);
        let bases: Vec<String> = std::iter::once(base.to_owned())
            .chain(short_forms(base))
            .collect();
        let mut aliases: Vec<String> = Vec::new();
        for b in &bases {
            aliases.push(format!("{word} {b}"));
            aliases.extend(other_words.iter().map(|w| format!("{w} {b}")));
        }
        out.push(Place {
            id: format!("ars:{key}"),
            kind: "municipality",
            name: format!("{word} {base}"),
            official_name: record.name.clone(),
            type_code: record.type_code.clone(),
            land: record.land.clone(),
            district: record.kreis_key.clone(),
            population: population
                .get(&(record.kreis_key.as_str(), record.verband.as_str()))
                .copied()
                .unwrap_or_default(),
            aliases,
            bare: String::new(),
        });
    }
    Ok(out)
}

fn require_digits(key: &str, len: usize, what: &str, name: &str) -> Result<()> {
    if key.len() != len || !key.bytes().all(|b| b.is_ascii_digit()) {
        bail!("{what} {name:?} has key {key:?}, expected {len} digits");
    }
    Ok(())
}

/// Derives the place rows from all GV100AD records; `words` decides which
/// names are common words.
pub fn derive(records: &[Record], words: &Frequencies) -> Result<Places> {
    let mut municipalities = Vec::new();
    let mut land_population: BTreeMap<&str, u64> = BTreeMap::new();
    let mut kreis_population: BTreeMap<&str, u64> = BTreeMap::new();
    let mut verband_population: BTreeMap<(&str, &str), u64> = BTreeMap::new();
    for record in records.iter().filter(|r| r.satzart == "60") {
        let population = record.population.unwrap_or_default();
        *land_population.entry(&record.land).or_default() += population;
        *kreis_population.entry(&record.kreis_key).or_default() += population;
        *verband_population
            .entry((&record.kreis_key, &record.verband))
            .or_default() += population;
        match record.type_code.as_str() {
            "60" | "61" | "62" | "63" | "64" | "67" => {}
            "65" | "66" => continue,
            other => bail!("Gemeinde {:?} has unknown type {other:?}", record.name),
        }
        require_digits(&record.ags, 8, "Gemeinde", &record.name)?;
        if record.population.is_none() {
            bail!("Gemeinde {:?} has no population", record.name);
        }
        let (name, other) = split_bilingual(&record.name, &record.kreis_key);
        let mut aliases: Vec<String> = other.into_iter().map(str::to_owned).collect();
        aliases.extend(short_forms(name));
        municipalities.push(Place {
            id: format!("ags:{}", record.ags),
            kind: "municipality",
            name: name.to_owned(),
            official_name: record.name.clone(),
            type_code: record.type_code.clone(),
            land: record.land.clone(),
            district: record.kreis_key.clone(),
            population,
            aliases,
            bare: String::new(),
        });
    }
    if municipalities.len() != EXPECTED_MUNICIPALITIES {
        bail!(
            "found {} Gemeinden (type 60–64, 67), expected {EXPECTED_MUNICIPALITIES}",
            municipalities.len()
        );
    }

    let mut states = Vec::new();
    for record in records.iter().filter(|r| r.satzart == "10") {
        require_digits(&record.land, 2, "Land", &record.name)?;
        let population = land_population
            .get(record.land.as_str())
            .copied()
            .with_context(|| format!("Land {:?} has no Gemeinden", record.name))?;
        states.push(Place {
            id: format!("ags:{}", record.land),
            kind: "state",
            name: strip_suffix(&record.name).to_owned(),
            official_name: record.name.clone(),
            type_code: String::new(),
            land: record.land.clone(),
            district: String::new(),
            population,
            aliases: Vec::new(),
            bare: String::new(),
        });
    }

    let mut districts = Vec::new();
    let mut kreis_keys = BTreeSet::new();
    for record in records.iter().filter(|r| r.satzart == "40") {
        require_digits(&record.kreis_key, 5, "Kreis", &record.name)?;
        kreis_keys.insert(record.kreis_key.as_str());
        match record.type_code.as_str() {
            "41" | "42" => continue,
            "43" | "44" | "45" => {}
            other => bail!("Kreis {:?} has unknown type {other:?}", record.name),
        }
        let population = kreis_population
            .get(record.kreis_key.as_str())
            .copied()
            .with_context(|| format!("Kreis {:?} has no Gemeinden", record.name))?;
        let (name, bare) = district_name(&record.name, &record.type_code)?;
        districts.push(Place {
            id: format!("ags:{}", record.kreis_key),
            kind: "district",
            aliases: short_forms(&name),
            name,
            official_name: record.name.clone(),
            type_code: record.type_code.clone(),
            land: record.land.clone(),
            district: String::new(),
            population,
            bare: bare.unwrap_or_default(),
        });
    }

    let associations = associations(records, &verband_population)?;

    let lands: BTreeSet<&str> = states.iter().map(|s| s.land.as_str()).collect();
    for place in &municipalities {
        if !lands.contains(place.land.as_str()) || !kreis_keys.contains(place.district.as_str()) {
            bail!("Gemeinde {} has no Land or Kreis record", place.id);
        }
    }

    let counts = (
        states.len(),
        districts.len(),
        municipalities.len(),
        associations.len(),
    );
    let mut places: Vec<Place> = states
        .into_iter()
        .chain(districts)
        .chain(municipalities)
        .chain(associations)
        .collect();
    places.iter_mut().for_each(Place::dedup_aliases);
    let mut bearers = Bearers::default();
    for place in &places {
        bearers.add(place.strings(), place.population);
    }
    let rows: Vec<Vec<String>> = places
        .into_iter()
        .map(|place| place.into_row(words, &bearers))
        .collect::<Result<_>>()?;
    let common_words = rows.iter().filter(|row| row[10] == "yes").count();
    let common_aliases = rows
        .iter()
        .map(|row| row[11].split('|').filter(|s| !s.is_empty()).count())
        .sum();
    Ok(Places {
        rows,
        states: counts.0,
        districts: counts.1,
        municipalities: counts.2,
        associations: counts.3,
        common_words,
        common_aliases,
    })
}
