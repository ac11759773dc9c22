//! `providers.tsv`: public and private IT service providers from the hand-written source.
//!
//! Kind `provider` for kommunal, Land and Bund organisations, `company` for
//! private ones. Aliases are deduplicated and never repeat the name. Rows
//! with an empty canonical name are skipped; rows without aliases are kept.

use anyhow::{bail, Result};

use super::tsv::{split_list, SourceTable};

pub const COLUMNS: &[&str] = &[
    "id",
    "kind",
    "name",
    "aliases",
    "legal_form",
    "seat",
    "historical",
];

/// Rows of `providers.tsv` with the number of rows per kind.
pub struct Providers {
    pub rows: Vec<Vec<String>>,
    pub providers: usize,
    pub companies: usize,
}

pub fn derive(source: &SourceTable) -> Result<Providers> {
    let [id, name, aliases, kind, legal_form, seat, note] = [
        "id",
        "canonical_name",
        "aliases",
        "kind",
        "legal_form",
        "seat",
        "note",
    ]
    .map(|column| source.column(column));
    let (id, name, aliases, kind, legal_form, seat, note) =
        (id?, name?, aliases?, kind?, legal_form?, seat?, note?);
    let mut out = Providers {
        rows: Vec::new(),
        providers: 0,
        companies: 0,
    };
    for row in &source.rows {
        let f = &row.fields;
        if f[name].is_empty() {
            continue;
        }
        if f[id].is_empty() {
            bail!("{}: empty id", source.at(row));
        }
        if f[name].contains('|') {
            bail!(
                "{}: name {:?} holds '|', the list separator",
                source.at(row),
                f[name]
            );
        }
        let out_kind = match f[kind].as_str() {
            "kommunal" | "land" | "bund" => {
                out.providers += 1;
                "provider"
            }
            "private" => {
                out.companies += 1;
                "company"
            }
            other => bail!(
                "{}: kind {other:?}, expected kommunal, land, bund or private",
                source.at(row)
            ),
        };
        let mut alias_list: Vec<&str> = Vec::new();
        for alias in split_list(&f[aliases]) {
            if alias != f[name] && !alias_list.contains(&alias) {
                alias_list.push(alias);
            }
        }
        let historical = if f[note].starts_with("historisch") {
            "yes"
        } else {
            ""
        };
        out.rows.push(vec![
            f[id].clone(),
            out_kind.to_owned(),
            f[name].clone(),
            alias_list.join("|"),
            f[legal_form].clone(),
            f[seat].clone(),
            historical.to_owned(),
        ]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "id\tcanonical_name\taliases\tkind\tlegal_form\tseat\towners\tsource\tnote\n";

    #[test]
    fn maps_kinds_dedupes_aliases_and_flags_history() {
        let text = format!(
            "{HEADER}a\tAlpha GmbH\tAG|Alpha GmbH|AG|\tprivate\tGmbH\tBonn\t\thttp://x\t\n\
             b\tBeta\t\tland\tAöR\t\t\thttp://y\thistorisch: in Alpha aufgegangen\n\
             c\t\tC\tbund\t\t\t\t\t\n"
        );
        let source = SourceTable::parse("p.tsv", &text).unwrap();
        let out = derive(&source).unwrap();
        assert_eq!(out.rows.len(), 2);
        assert_eq!(
            out.rows[0],
            ["a", "company", "Alpha GmbH", "AG", "GmbH", "Bonn", ""]
        );
        assert_eq!(out.rows[1], ["b", "provider", "Beta", "", "AöR", "", "yes"]);
        assert_eq!((out.providers, out.companies), (1, 1));
    }

    #[test]
    fn unknown_kind_names_the_line() {
        let text = format!("{HEADER}a\tAlpha\t\tverein\t\t\t\t\t\n");
        let source = SourceTable::parse("p.tsv", &text).unwrap();
        let err = derive(&source).err().unwrap().to_string();
        assert!(err.starts_with("p.tsv:2:"), "{err}");
    }
}
