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
    share_acronyms(&mut out.rows);
    Ok(out)
}

/// Gives a bare acronym that one provider has as an alias ("GKD", Paderborn's)
/// also to every other provider named by that acronym and a place ("GKD
/// Recklinghausen"): a text that says only "GKD" may mean either, and the
/// pipeline decides by what else the text names.
fn share_acronyms(rows: &mut [Vec<String>]) {
    const NAME: usize = 2;
    const ALIASES: usize = 3;
    let forms = |row: &Vec<String>| -> Vec<String> {
        std::iter::once(row[NAME].clone())
            .chain(split_list(&row[ALIASES]).map(str::to_owned))
            .collect()
    };
    let bare: Vec<(usize, String)> = rows
        .iter()
        .enumerate()
        .flat_map(|(i, row)| forms(row).into_iter().map(move |f| (i, f)))
        .filter(|(_, f)| is_acronym(f))
        .collect();
    for (i, row) in rows.iter_mut().enumerate() {
        let own = forms(row);
        let mut added: Vec<String> = Vec::new();
        for form in &own {
            let Some((head, rest)) = form.split_once(' ') else {
                continue;
            };
            let shared = bare.iter().any(|(j, b)| *j != i && b == head);
            let place_like = !rest.contains(' ')
                && rest.starts_with(char::is_uppercase)
                && !LEGAL_FORMS.contains(&rest);
            if shared
                && place_like
                && !own.iter().any(|f| f == head)
                && !added.iter().any(|a| a == head)
            {
                added.push(head.to_owned());
            }
        }
        for acronym in added {
            if !row[ALIASES].is_empty() {
                row[ALIASES].push('|');
            }
            row[ALIASES].push_str(&acronym);
        }
    }
}

/// Legal forms, which follow an acronym as no place does ("KDN GmbH").
const LEGAL_FORMS: &[&str] = &["GmbH", "AG", "AöR", "eG", "KG", "SE", "mbH", "GbR", "e.V."];

/// Two to six capital letters, the whole form.
fn is_acronym(form: &str) -> bool {
    (2..=6).contains(&form.chars().count()) && form.chars().all(|c| c.is_ascii_uppercase())
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
    fn an_acronym_one_provider_has_is_shared_by_those_named_with_it() {
        let text = format!(
            "{HEADER}a\tGemeinschaft Paderborn\tGKD Paderborn|GKD\tkommunal\t\t\t\t\t\n\
             b\tGKD Recklinghausen\tDatenzentrale Recklinghausen\tkommunal\t\t\t\t\t\n\
             c\tKDO Oldenburg\t\tkommunal\t\t\t\t\t\n\
             d\tDatennetz\tGKD GmbH\tkommunal\t\t\t\t\t\n"
        );
        let source = SourceTable::parse("p.tsv", &text).unwrap();
        let out = derive(&source).unwrap();
        assert_eq!(out.rows[0][3], "GKD Paderborn|GKD");
        assert_eq!(out.rows[1][3], "Datenzentrale Recklinghausen|GKD");
        // No other provider has "KDO" bare: nothing to share.
        assert_eq!(out.rows[2][3], "");
        // A legal form is no place.
        assert_eq!(out.rows[3][3], "GKD GmbH");
    }

    #[test]
    fn unknown_kind_names_the_line() {
        let text = format!("{HEADER}a\tAlpha\t\tverein\t\t\t\t\t\n");
        let source = SourceTable::parse("p.tsv", &text).unwrap();
        let err = derive(&source).err().unwrap().to_string();
        assert!(err.starts_with("p.tsv:2:"), "{err}");
    }
}
