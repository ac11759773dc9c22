//! Gazetteers of places, organisations and roles, and the matcher that finds them.
//!
//! The data are TSV files derived from the raw sources by `cargo xtask gazetteers`
//! (see `gazetteers/README.md`) and embedded in the binary. Users add or replace
//! entries with files of the same formats (`--gazetteer FILE`): the header row says
//! which format a file has, an entry with a known `id` replaces the bundled one.
//!
//! Surface forms (genitives, "Landkreis X", "Stadt X", …) are not in the data; they are
//! derived by the rules in [`forms`], so that data and rules can be reviewed apart.

pub mod forms;
pub mod matcher;
pub mod officials;
pub mod resolve;
mod tsv;

use std::collections::HashMap;

use crate::error::GazetteerError;
use crate::record::EntityKind;
use officials::{parse_officials, KnownOfficial};
use tsv::{list, Table};

const PLACES: &str = include_str!("../../gazetteers/places.tsv");
const PROVIDERS: &str = include_str!("../../gazetteers/providers.tsv");
const ROLES: &str = include_str!("../../gazetteers/roles.tsv");
const OFFICIALS: &str = include_str!("../../gazetteers/officials.tsv");

/// A place or organisation the matcher can find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable key: `ags:` plus the official key for places, the provider id otherwise.
    pub id: String,
    /// Canonical name, as records show it.
    pub name: String,
    /// What the entry is.
    pub kind: EntityKind,
    /// Other names the entry goes by (bilingual names, short forms, abbreviations).
    pub aliases: Vec<String>,
    /// A name that is only this entry's in context ("Leipzig" for Landkreis Leipzig).
    pub bare: Option<String>,
    /// Two-digit key of the Land a place lies in.
    pub land: Option<String>,
    /// Five-digit key of the district a place lies in (its own key for a district).
    pub district: Option<String>,
    /// Inhabitants; breaks ties between places of the same name.
    pub population: u64,
    /// An organisation that no longer exists under this name.
    pub historical: bool,
    /// The name (for a district: its bare name) is also a common German word
    /// ("Lage", "Essen"): a place only in context.
    pub common_word: bool,
    /// Aliases that are common German words.
    pub common_aliases: Vec<String>,
}

/// A role title with the forms it takes in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// Masculine or generic singular ("Oberbürgermeister").
    pub role: String,
    /// Feminine singular ("Oberbürgermeisterin").
    pub feminine: String,
    /// Level the role belongs to (`mayor`, `council`, `district`, `state`, …).
    pub category: String,
    /// Every further surface form: feminine, plurals, inflections.
    pub forms: Vec<String>,
    /// Abbreviations ("OB").
    pub abbreviations: Vec<String>,
}

/// All gazetteer data of a run.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    roles: Vec<Role>,
    officials: Vec<KnownOfficial>,
}

impl Gazetteer {
    /// The gazetteers bundled with the binary.
    pub fn bundled() -> Result<Gazetteer, GazetteerError> {
        let mut g = Gazetteer::default();
        g.add_file("bundled:places.tsv", PLACES)?;
        g.add_file("bundled:providers.tsv", PROVIDERS)?;
        g.add_file("bundled:roles.tsv", ROLES)?;
        g.add_file("bundled:officials.tsv", OFFICIALS)?;
        Ok(g)
    }

    /// Adds the entries of one TSV file (places, organisations, roles or office
    /// holders, told apart by the header). Entries whose `id` (or role) is already known replace the old
    /// one. `file` names the source in error messages.
    pub fn add_file(&mut self, file: &str, source: &str) -> Result<(), GazetteerError> {
        let table = Table::parse(file, source)?;
        // Office holders have a `role` column too, so they are told apart first.
        if table.header.contains(&"first_seen") {
            let officials = parse_officials(&table)?;
            merge(&mut self.officials, officials, |o| o.id.clone());
        } else if table.header.contains(&"role") {
            let roles = parse_roles(&table)?;
            merge(&mut self.roles, roles, |r| r.role.clone());
        } else if table.header.contains(&"population") {
            let places = parse_places(&table)?;
            merge(&mut self.entries, places, |e| e.id.clone());
        } else if table.header.contains(&"legal_form") || table.header.contains(&"aliases") {
            let orgs = parse_organisations(&table)?;
            merge(&mut self.entries, orgs, |e| e.id.clone());
        } else {
            return Err(table.error(
                1,
                "unknown gazetteer format: the header names neither places \
                 (population), organisations (aliases) nor roles (role)"
                    .to_owned(),
            ));
        }
        Ok(())
    }

    /// Every place and organisation.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Every role.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// Every known office holder.
    pub fn officials(&self) -> &[KnownOfficial] {
        &self.officials
    }
}

/// Replaces items whose key is already present, appends the others; keeps order.
fn merge<T>(items: &mut Vec<T>, new: Vec<T>, key: impl Fn(&T) -> String) {
    let mut index: HashMap<String, usize> =
        items.iter().enumerate().map(|(i, t)| (key(t), i)).collect();
    for item in new {
        match index.get(&key(&item)) {
            Some(&i) => items[i] = item,
            None => {
                index.insert(key(&item), items.len());
                items.push(item);
            }
        }
    }
}

fn non_empty(field: &str) -> Option<String> {
    let f = field.trim();
    (!f.is_empty()).then(|| f.to_owned())
}

fn required<'a>(
    table: &Table<'_>,
    line: usize,
    field: &'a str,
    what: &str,
) -> Result<&'a str, GazetteerError> {
    let f = field.trim();
    if f.is_empty() {
        Err(table.error(line, format!("empty `{what}`")))
    } else {
        Ok(f)
    }
}

fn entity_kind(table: &Table<'_>, line: usize, field: &str) -> Result<EntityKind, GazetteerError> {
    Ok(match field.trim() {
        "municipality" => EntityKind::Municipality,
        "district" => EntityKind::District,
        "state" => EntityKind::State,
        "provider" => EntityKind::Provider,
        "company" => EntityKind::Company,
        "authority" => EntityKind::Authority,
        "association" => EntityKind::Association,
        other => {
            return Err(table.error(
                line,
                format!(
                    "unknown kind `{other}` (expected municipality, district, state, \
                     provider, company, authority or association)"
                ),
            ))
        }
    })
}

fn parse_places(table: &Table<'_>) -> Result<Vec<Entry>, GazetteerError> {
    let [id, kind, name, land, district, population, aliases, bare] = table.columns([
        "id",
        "kind",
        "name",
        "land",
        "district",
        "population",
        "aliases",
        "bare",
    ])?;
    // Optional columns: user files may leave them out.
    let column = |name: &str| table.header.iter().position(|h| *h == name);
    let (common_word, common_aliases) = (column("common_word"), column("common_aliases"));
    table
        .rows
        .iter()
        .map(|(line, f)| {
            let population = match f[population].trim() {
                "" => 0,
                p => p.parse().map_err(|_| {
                    table.error(*line, format!("population `{p}` is not a whole number"))
                })?,
            };
            Ok(Entry {
                id: required(table, *line, f[id], "id")?.to_owned(),
                name: required(table, *line, f[name], "name")?.to_owned(),
                kind: entity_kind(table, *line, f[kind])?,
                aliases: list(f[aliases]).map(str::to_owned).collect(),
                bare: non_empty(f[bare]),
                land: non_empty(f[land]),
                district: non_empty(f[district]),
                population,
                historical: false,
                common_word: common_word.is_some_and(|c| f[c].trim() == "yes"),
                common_aliases: common_aliases
                    .map(|c| list(f[c]).map(str::to_owned).collect())
                    .unwrap_or_default(),
            })
        })
        .collect()
}

fn parse_organisations(table: &Table<'_>) -> Result<Vec<Entry>, GazetteerError> {
    let [id, kind, name, aliases] = table.columns(["id", "kind", "name", "aliases"])?;
    let historical = table.header.iter().position(|h| *h == "historical");
    table
        .rows
        .iter()
        .map(|(line, f)| {
            Ok(Entry {
                id: required(table, *line, f[id], "id")?.to_owned(),
                name: required(table, *line, f[name], "name")?.to_owned(),
                kind: entity_kind(table, *line, f[kind])?,
                aliases: list(f[aliases]).map(str::to_owned).collect(),
                bare: None,
                land: None,
                district: None,
                population: 0,
                historical: historical.is_some_and(|h| !f[h].trim().is_empty()),
                common_word: false,
                common_aliases: Vec::new(),
            })
        })
        .collect()
}

fn parse_roles(table: &Table<'_>) -> Result<Vec<Role>, GazetteerError> {
    let [role, feminine, category, forms, abbreviations] =
        table.columns(["role", "feminine", "category", "forms", "abbreviations"])?;
    table
        .rows
        .iter()
        .map(|(line, f)| {
            Ok(Role {
                role: required(table, *line, f[role], "role")?.to_owned(),
                feminine: f[feminine].trim().to_owned(),
                category: f[category].trim().to_owned(),
                forms: list(f[forms]).map(str::to_owned).collect(),
                abbreviations: list(f[abbreviations]).map(str::to_owned).collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_data_holds_every_place_kind() {
        let g = Gazetteer::bundled().unwrap();
        let count = |k| g.entries().iter().filter(|e| e.kind == k).count();
        assert_eq!(count(EntityKind::State), 16);
        assert_eq!(count(EntityKind::District), 294);
        // Gemeinden by their AGS, Gemeindeverbände ("Amt Crivitz") by their ARS.
        let keyed = |prefix: &str| {
            g.entries()
                .iter()
                .filter(|e| e.kind == EntityKind::Municipality && e.id.starts_with(prefix))
                .count()
        };
        assert_eq!(keyed("ags:"), 10_751);
        assert_eq!(keyed("ars:"), 1_042);
        assert!(count(EntityKind::Provider) > 80);
        assert!(g
            .roles()
            .iter()
            .any(|r| r.role == "Landrat" && r.feminine == "Landrätin"));
    }

    #[test]
    fn user_file_adds_and_replaces_entries() {
        let mut g = Gazetteer::bundled().unwrap();
        let before = g.entries().len();
        let user = "id\tkind\tname\taliases\n\
                    dataport\tprovider\tDataport AöR\tDP\n\
                    zv-test\tprovider\tZweckverband Musterdaten\tZVM\n";
        g.add_file("user.tsv", user).unwrap();
        assert_eq!(g.entries().len(), before + 1);
        let dp = g.entries().iter().find(|e| e.id == "dataport").unwrap();
        assert_eq!(dp.name, "Dataport AöR");
        assert_eq!(dp.aliases, ["DP"]);
    }

    #[test]
    fn malformed_user_lines_name_file_line_and_reason() {
        let mut g = Gazetteer::default();
        let err = g
            .add_file("my.tsv", "id\tkind\tname\taliases\nx\tcastle\tBurg\t\n")
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("my.tsv:2: unknown kind `castle`"),
            "{err}"
        );
        let err = g
            .add_file("my.tsv", "id\tkind\tname\taliases\n\tprovider\tX\t\n")
            .unwrap_err();
        assert_eq!(err.to_string(), "my.tsv:2: empty `id`");
        let err = g.add_file("my.tsv", "foo\tbar\n1\t2\n").unwrap_err();
        assert!(
            err.to_string().contains("unknown gazetteer format"),
            "{err}"
        );
    }
}
