//! `roles.tsv`: role titles of officials from the hand-written source.
//!
//! `forms` lists every other surface form of a role (feminine, plurals,
//! inflections, in that order, first occurrence kept, the role itself left
//! out). `abbreviations` are the examples that look like abbreviations.

use anyhow::{bail, Result};

use super::tsv::{split_list, SourceTable};

pub const COLUMNS: &[&str] = &["role", "feminine", "category", "forms", "abbreviations"];

/// An abbreviation such as `OB`, `OBin`, `MdL` or `CDO`: one word of at most
/// five characters with at least one capital letter.
pub fn is_abbreviation(item: &str) -> bool {
    !item.is_empty()
        && !item.contains(char::is_whitespace)
        && item.chars().count() <= 5
        && item.chars().any(char::is_uppercase)
}

pub fn derive(source: &SourceTable) -> Result<Vec<Vec<String>>> {
    let [role, feminine, plural, category, examples, inflections] = [
        "role",
        "feminine",
        "plural",
        "category",
        "examples",
        "inflections",
    ]
    .map(|column| source.column(column));
    let (role, feminine, plural, category, examples, inflections) = (
        role?,
        feminine?,
        plural?,
        category?,
        examples?,
        inflections?,
    );
    let mut rows = Vec::new();
    for row in &source.rows {
        let f = &row.fields;
        if f[role].is_empty() || f[category].is_empty() {
            bail!("{}: empty role or category", source.at(row));
        }
        let mut forms: Vec<&str> = Vec::new();
        let candidates = split_list(&f[feminine])
            .chain(split_list(&f[plural]))
            .chain(split_list(&f[inflections]));
        for form in candidates {
            if form != f[role] && !forms.contains(&form) {
                forms.push(form);
            }
        }
        let mut abbreviations: Vec<&str> = Vec::new();
        for item in split_list(&f[examples]).filter(|item| is_abbreviation(item)) {
            if !abbreviations.contains(&item) {
                abbreviations.push(item);
            }
        }
        rows.push(vec![
            f[role].clone(),
            f[feminine].clone(),
            f[category].clone(),
            forms.join("|"),
            abbreviations.join("|"),
        ]);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_abbreviations() {
        for yes in ["OB", "OBin", "MdL", "MdB", "CDO", "CISO", "KD"] {
            assert!(is_abbreviation(yes), "{yes}");
        }
        for no in [
            "",
            "ob",
            "Landrat",
            "Dr. X",
            "OB Meier",
            "Oberbürgermeister",
        ] {
            assert!(!is_abbreviation(no), "{no}");
        }
    }

    #[test]
    fn collects_forms_without_the_role_and_without_repeats() {
        let text = "role\tfeminine\tplural\tcategory\texamples\tinflections\n\
                    Oberbürgermeister\tOberbürgermeisterin\tOberbürgermeister|Oberbürgermeisterinnen\tmayor\tOB|OBin|Oberbürgermeister X (Y)|OB\tOberbürgermeisters|Oberbürgermeisterinnen\n";
        let source = SourceTable::parse("r.tsv", text).unwrap();
        let rows = derive(&source).unwrap();
        assert_eq!(
            rows[0],
            [
                "Oberbürgermeister",
                "Oberbürgermeisterin",
                "mayor",
                "Oberbürgermeisterin|Oberbürgermeisterinnen|Oberbürgermeisters",
                "OB|OBin"
            ]
        );
    }
}
