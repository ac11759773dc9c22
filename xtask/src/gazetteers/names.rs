//! Name rules: from GV100AD official names to the names press texts use.
//!
//! - The official name carries suffixes after a comma (`Flensburg, Stadt`,
//!   `Ebstorf,Klosterflecken`); the press name is the part before the first comma.
//! - Bilingual names are `German / Sorbian` (Sachsen, and a few in Brandenburg),
//!   or `German/Sorbian` without spaces in the Lower Sorbian Kreise of
//!   Brandenburg. The German part is the name, the other part an alias.
//! - Short forms drop a trailing qualifier that press texts often leave out;
//!   they are aliases and may collide with other names on purpose.
//! - Kreise get the prefix the press puts before them (`Landkreis Leipzig`).

use anyhow::{bail, Result};

/// Press name: the official name up to its first comma, trimmed.
pub fn strip_suffix(official: &str) -> &str {
    official
        .split_once(',')
        .map_or(official, |(name, _)| name)
        .trim()
}

/// Kreise (and the kreisfreie Stadt Cottbus) of the Lower Sorbian settlement
/// area, where GV100AD writes bilingual names as `German/Sorbian` without
/// spaces. Elsewhere an unspaced `/` introduces a qualifier (`Fürstenwalde/Spree`).
const LOWER_SORBIAN_KREISE: [&str; 4] = ["12052", "12061", "12066", "12071"];

/// Splits an official name into the German press name and, for bilingual
/// names, the other-language press name; both without suffixes.
///
/// The spaced separator is tried on the full official name, because the
/// Sorbian part can follow the suffix (`Weißwasser/O.L., Stadt / Běła Woda`).
pub fn split_bilingual<'a>(official: &'a str, kreis_key: &str) -> (&'a str, Option<&'a str>) {
    if let Some((german, other)) = official.split_once(" / ") {
        return (strip_suffix(german), Some(strip_suffix(other)));
    }
    let name = strip_suffix(official);
    if LOWER_SORBIAN_KREISE.contains(&kreis_key) {
        if let Some((german, other)) = name.split_once('/') {
            return (german.trim(), Some(other.trim()));
        }
    }
    (name, None)
}

/// Words that start many names but never name a place alone.
const PREFIX_ONLY: [&str; 15] = [
    "Alt",
    "Bad",
    "Groß",
    "Hohen",
    "Klein",
    "Kreis",
    "Landkreis",
    "Markt",
    "Neu",
    "Nieder",
    "Ober",
    "Sankt",
    "St.",
    "Stadt",
    "Unter",
];

/// Words (with their leading space) that introduce a locative qualifier.
/// ` a.` and ` i.` cover ` a. d. `, ` a.d.`, ` a.Inn`, ` i. `, ` i.d.`, ` i.OB`;
/// ` ob ` covers ` ob der `, ` vor ` covers ` vor der `.
const LOCATIVE_MARKERS: [&str; 16] = [
    " am ", " an der ", " an den ", " in ", " im ", " ob ", " bei ", " b.", " a.", " i.",
    " v. d. ", " v.d.", " vor ", " vorm ", " auf ", " unter ",
];

/// Byte position where the last trailing qualifier of `name` starts, if any.
fn qualifier_start(name: &str) -> Option<usize> {
    if name.ends_with(')') {
        // Markers inside the parentheses belong to the qualifier itself.
        return name.rfind(" (");
    }
    let slash = name.rfind('/');
    let locative = LOCATIVE_MARKERS.iter().filter_map(|m| name.rfind(m)).max();
    slash.max(locative)
}

/// Short forms of `name`, longest first: each drops one more trailing
/// qualifier (`Seelbach bei Hamm (Sieg)` → `Seelbach bei Hamm` → `Seelbach`).
/// Stops before a form of one character or a prefix-only word such as `Bad`.
pub fn short_forms(name: &str) -> Vec<String> {
    let mut forms = Vec::new();
    let mut current = name;
    while let Some(cut) = qualifier_start(current) {
        let short = current[..cut].trim_end();
        if short.chars().count() < 2 || PREFIX_ONLY.contains(&short) {
            break;
        }
        forms.push(short.to_owned());
        current = short;
    }
    forms
}

/// Canonical press name of a Kreis of type 43/44/45 and, when a prefix was
/// added, the bare GV100AD name (`Leipzig` for `Landkreis Leipzig`).
pub fn district_name(official: &str, type_code: &str) -> Result<(String, Option<String>)> {
    let base = strip_suffix(official);
    let named_as_kreis = base.contains("kreis")
        || base.contains("Kreis")
        || [
            "Region ",
            "Regionalverband ",
            "Städteregion ",
            "StädteRegion ",
        ]
        .iter()
        .any(|prefix| base.starts_with(prefix));
    let prefix = match type_code {
        "43" => "Kreis",
        "44" => "Landkreis",
        "45" => "",
        other => bail!("Kreis {official:?} has type {other:?}, expected 43, 44 or 45"),
    };
    if prefix.is_empty() || named_as_kreis {
        return Ok((base.to_owned(), None));
    }
    Ok((format!("{prefix} {base}"), Some(base.to_owned())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_suffixes() {
        assert_eq!(strip_suffix("Flensburg, Stadt"), "Flensburg");
        assert_eq!(
            strip_suffix("Frankfurt am Main, Stadt"),
            "Frankfurt am Main"
        );
        assert_eq!(
            strip_suffix("Frankenberg/Sa., Stadt, Garnisonsstadt"),
            "Frankenberg/Sa."
        );
        assert_eq!(strip_suffix("Ebstorf,Klosterflecken"), "Ebstorf");
        assert_eq!(strip_suffix("Plön"), "Plön");
    }

    #[test]
    fn splits_bilingual_names() {
        assert_eq!(
            split_bilingual(
                "Bautzen / Budyšin, Stadt, Hochschulstadt / Wysokoš",
                "14625"
            ),
            ("Bautzen", Some("Budyšin"))
        );
        assert_eq!(
            split_bilingual("Weißwasser/O.L., Stadt / Běła Woda", "14626"),
            ("Weißwasser/O.L.", Some("Běła Woda"))
        );
        assert_eq!(
            split_bilingual("Lübbenau/Spreewald / Lubnjow/Błota, Stadt", "12066"),
            ("Lübbenau/Spreewald", Some("Lubnjow/Błota"))
        );
        assert_eq!(
            split_bilingual("Cottbus/Chóśebuz, Stadt", "12052"),
            ("Cottbus", Some("Chóśebuz"))
        );
        assert_eq!(
            split_bilingual("Fürstenwalde/Spree, Stadt", "12067"),
            ("Fürstenwalde/Spree", None)
        );
        assert_eq!(
            split_bilingual("Görlitz, Stadt", "14626"),
            ("Görlitz", None)
        );
    }

    #[test]
    fn short_forms_drop_trailing_qualifiers() {
        let cases: [(&str, &[&str]); 12] = [
            ("Halle (Saale)", &["Halle"]),
            ("Oldenburg (Oldb)", &["Oldenburg"]),
            ("Mühlhausen/Thüringen", &["Mühlhausen"]),
            ("Lauenburg/ Elbe", &["Lauenburg"]),
            ("Frankfurt am Main", &["Frankfurt"]),
            ("Neustadt an der Weinstraße", &["Neustadt"]),
            ("Brandenburg an der Havel", &["Brandenburg"]),
            ("Rothenburg ob der Tauber", &["Rothenburg"]),
            ("Neumarkt i.d.OPf.", &["Neumarkt"]),
            ("Limburg a. d. Lahn", &["Limburg"]),
            (
                "Seelbach bei Hamm (Sieg)",
                &["Seelbach bei Hamm", "Seelbach"],
            ),
            ("Berg b.Neumarkt i.d.OPf.", &["Berg b.Neumarkt", "Berg"]),
        ];
        for (name, expected) in cases {
            assert_eq!(short_forms(name), expected, "{name}");
        }
    }

    #[test]
    fn short_forms_never_leave_a_prefix_or_a_letter() {
        assert_eq!(short_forms("Bad Homburg v. d. Höhe"), ["Bad Homburg"]);
        assert!(!short_forms("Bad Homburg v.d. Höhe").contains(&"Bad".to_owned()));
        assert!(short_forms("Bad am See").is_empty());
        assert!(short_forms("X (Y)").is_empty());
        assert!(short_forms("Neundorf (bei Schleiz)") == ["Neundorf"]);
        assert!(short_forms("Berlin").is_empty());
        assert!(short_forms("Ostheim v.d.Rhön") == ["Ostheim"]);
        assert!(short_forms("Landkreis Nienburg (Weser)") == ["Landkreis Nienburg"]);
    }

    #[test]
    fn names_districts_as_the_press_does() {
        let name = |official, code| district_name(official, code).unwrap();
        assert_eq!(
            name("Dithmarschen", "43"),
            ("Kreis Dithmarschen".into(), Some("Dithmarschen".into()))
        );
        assert_eq!(
            name("Leipzig", "44"),
            ("Landkreis Leipzig".into(), Some("Leipzig".into()))
        );
        assert_eq!(
            name("Rhein-Sieg-Kreis", "43"),
            ("Rhein-Sieg-Kreis".into(), None)
        );
        assert_eq!(name("Heidekreis", "44"), ("Heidekreis".into(), None));
        assert_eq!(
            name("Landkreis Rostock", "44"),
            ("Landkreis Rostock".into(), None)
        );
        assert_eq!(
            name("Städteregion Aachen", "43"),
            ("Städteregion Aachen".into(), None)
        );
        assert_eq!(
            name("Region Hannover", "44"),
            ("Region Hannover".into(), None)
        );
        assert_eq!(
            name("Regionalverband Saarbrücken", "45"),
            ("Regionalverband Saarbrücken".into(), None)
        );
        assert!(district_name("Flensburg, Stadt", "41").is_err());
    }
}
