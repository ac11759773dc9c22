//! Surface forms of gazetteer entries: how a name shows up in running German text.
//!
//! The data hold names; these rules add the forms press texts inflect them into:
//! genitives ("Leipzigs", "des Saarpfalz-Kreises"), common abbreviations of Länder
//! ("NRW"), and city adjectives ("Leipziger", "Münchner"), which name a place's
//! officials but do not by themselves make the place an entity of the article;
//! and each of these without umlauts ("Muenchen"), as systems without them write.
//! Official long forms ("Stadt Cottbus", "Landkreises Harz", "Freistaat Sachsen")
//! are a name plus a prefix word; [`prefix_kind`] knows those words, and the matcher
//! extends a mention over them, so they need no patterns of their own.

use crate::record::EntityKind;

use super::Entry;

/// How a form relates to its entry; decides how much context it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FormKind {
    /// The canonical name or a form with an official prefix: unambiguous.
    Name,
    /// An alias from the data, or an inflection of the name or an alias.
    Alias,
    /// A district's name without "Landkreis"/"Kreis": the entry's only in context.
    Bare,
    /// A city adjective ("Leipziger"): points at the place, names no entity.
    Adjective,
}

/// One way an entry can be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// The text as it would be written.
    pub text: String,
    /// How it relates to the entry.
    pub kind: FormKind,
    /// The form is also a common German word ("Lage", "Essens"): a place only in
    /// context. Derived in the gazetteer build (`common_word`, `common_aliases`).
    pub common: bool,
}

/// Words that, standing right before a name, say what kind of place it is:
/// "Stadt Cottbus", "Landeshauptstadt Saarbrücken", "Landkreises Harz",
/// "Freistaat Sachsen". The matcher extends a mention over such a word.
const PREFIXES: &[(&str, EntityKind)] = &[
    ("bundesland", EntityKind::State),
    ("bundeslandes", EntityKind::State),
    ("bundesstadt", EntityKind::Municipality),
    ("freistaat", EntityKind::State),
    ("freistaates", EntityKind::State),
    ("freistaats", EntityKind::State),
    ("gemeinde", EntityKind::Municipality),
    ("gemeinden", EntityKind::Municipality),
    ("hansestadt", EntityKind::Municipality),
    ("kreis", EntityKind::District),
    ("kreise", EntityKind::District),
    ("kreisen", EntityKind::District),
    ("kreises", EntityKind::District),
    ("kreisstadt", EntityKind::Municipality),
    ("land", EntityKind::State),
    ("landes", EntityKind::State),
    ("landeshauptstadt", EntityKind::Municipality),
    ("landkreis", EntityKind::District),
    ("landkreise", EntityKind::District),
    ("landkreisen", EntityKind::District),
    ("landkreises", EntityKind::District),
    // The district's office stands for the district ("des Landratsamts Dachau").
    ("landratsamt", EntityKind::District),
    ("landratsamtes", EntityKind::District),
    ("landratsamts", EntityKind::District),
    ("markt", EntityKind::Municipality),
    ("ortsgemeinde", EntityKind::Municipality),
    ("stadt", EntityKind::Municipality),
    ("städte", EntityKind::Municipality),
    ("städten", EntityKind::Municipality),
    ("universitätsstadt", EntityKind::Municipality),
];

/// Plural prefix words: the kind they select holds for every name of the list they
/// open ("den Landkreisen Hildesheim und Peine").
const PLURAL_PREFIXES: &[&str] = &[
    "gemeinden",
    "kreise",
    "kreisen",
    "landkreise",
    "landkreisen",
    "städte",
    "städten",
];

/// True when the lower-cased `word` is a plural prefix word.
pub fn is_plural_prefix(word: &str) -> bool {
    PLURAL_PREFIXES.contains(&word)
}

/// The kind a lower-cased prefix word selects, if it is one.
pub fn prefix_kind(word: &str) -> Option<EntityKind> {
    PREFIXES
        .binary_search_by(|(w, _)| (*w).cmp(word))
        .ok()
        .map(|i| PREFIXES[i].1)
}

/// Abbreviations of Länder names that press texts use on their own.
const STATE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Nordrhein-Westfalen", "NRW"),
    ("Mecklenburg-Vorpommern", "M-V"),
    ("Mecklenburg-Vorpommern", "MV"),
    ("Rheinland-Pfalz", "RLP"),
    ("Baden-Württemberg", "BaWü"),
    ("Schleswig-Holstein", "S-H"),
];

/// Legal-form endings that press texts often leave off a company name.
const LEGAL_FORMS: &[&str] = &[
    " GmbH & Co. KG",
    " gGmbH",
    " GmbH",
    " mbH",
    " AöR",
    " AG",
    " SE",
    " eG",
    " e.V.",
    " e. V.",
];

/// Smallest population for which city adjectives are formed; below it they are
/// more often surnames ("Berger") than places.
const ADJECTIVE_MIN_POPULATION: u64 = 50_000;

/// Every form of `entry`, the canonical name first, without duplicates.
pub fn forms(entry: &Entry) -> Vec<Form> {
    let mut out = Vec::new();
    let mut push = |text: String, kind: FormKind, common: bool| {
        if !text.trim().is_empty() && !out.iter().any(|f: &Form| f.text == text) {
            out.push(Form { text, kind, common });
        }
    };
    // For a district `common_word` judges its bare name, not "Landkreis X".
    let name_common = entry.common_word && entry.kind != EntityKind::District;
    let alias_common = |alias: &str| entry.common_aliases.iter().any(|a| a == alias);
    push(entry.name.clone(), FormKind::Name, name_common);
    for alias in &entry.aliases {
        push(alias.clone(), FormKind::Alias, alias_common(alias));
    }
    let names: Vec<(&str, bool)> = std::iter::once((entry.name.as_str(), name_common))
        .chain(entry.aliases.iter().map(|a| (a.as_str(), alias_common(a))))
        .collect();
    match entry.kind {
        EntityKind::Municipality => {
            for (name, common) in &names {
                for g in genitives(name) {
                    push(g, FormKind::Alias, *common);
                }
            }
            if entry.population >= ADJECTIVE_MIN_POPULATION {
                // "Esslinger" from "Esslingen am Neckar" by its short name.
                let short = entry.aliases.iter().filter(|a| {
                    entry.name.starts_with(a.as_str())
                        && entry.name[a.len()..].starts_with([' ', '('])
                });
                for base in std::iter::once(&entry.name).chain(short) {
                    for a in adjectives(base) {
                        push(a, FormKind::Adjective, name_common);
                    }
                }
            }
        }
        EntityKind::State => {
            let name = entry.name.as_str();
            for g in genitives(name) {
                push(g, FormKind::Alias, false);
            }
            for (state, abbreviation) in STATE_ABBREVIATIONS {
                if *state == name {
                    push((*abbreviation).to_owned(), FormKind::Alias, false);
                }
            }
        }
        EntityKind::District => {
            // "Landkreises Harz", "Kreis Harz" are the bare name plus a prefix word;
            // names such as "Saarpfalz-Kreis" or "Vogtlandkreis" inflect themselves.
            if entry.name.ends_with("kreis") || entry.name.ends_with("Kreis") {
                push(format!("{}es", entry.name), FormKind::Alias, false);
                push(format!("{}s", entry.name), FormKind::Alias, false);
            } else if entry.bare.is_none() {
                for g in genitives(&entry.name) {
                    push(g, FormKind::Alias, false);
                }
            }
            // An adjective in the name declines: "der Märkische Kreis", "im
            // Märkischen Kreis", "des Oberbergischen Kreises", "in der
            // Mecklenburgischen Seenplatte".
            if let Some(stem) = entry.name.strip_suffix("er Kreis") {
                push(format!("{stem}e Kreis"), FormKind::Alias, false);
                push(format!("{stem}en Kreis"), FormKind::Alias, false);
                push(format!("{stem}en Kreises"), FormKind::Alias, false);
            }
            if let Some(bare) = &entry.bare {
                push(bare.clone(), FormKind::Bare, entry.common_word);
                if let Some((first, rest)) = bare.split_once(' ') {
                    if first.ends_with("sche") {
                        push(
                            format!("{first}n {rest}"),
                            FormKind::Bare,
                            entry.common_word,
                        );
                    }
                }
            }
        }
        EntityKind::Provider
        | EntityKind::Company
        | EntityKind::Authority
        | EntityKind::Association => {
            for (name, _) in &names {
                if let Some(stem) = LEGAL_FORMS.iter().find_map(|lf| name.strip_suffix(lf)) {
                    push(
                        stem.trim_end_matches(',').to_owned(),
                        FormKind::Alias,
                        false,
                    );
                }
                if name.chars().count() >= 4 && name.ends_with(|c: char| c.is_lowercase()) {
                    for g in genitives(name) {
                        push(g, FormKind::Alias, false);
                    }
                }
                for g in head_genitives(name) {
                    push(g, FormKind::Alias, false);
                }
                if let Some(declined) = declined_adjectives(name) {
                    push(declined, FormKind::Alias, false);
                }
            }
        }
    }
    // Texts from systems without umlauts write "Huettenberg" for "Hüttenberg".
    let transliterated: Vec<Form> = out
        .iter()
        .filter_map(|f| {
            ascii_umlauts(&f.text).map(|text| Form {
                text,
                kind: f.kind,
                common: f.common,
            })
        })
        .collect();
    for form in transliterated {
        if !out.iter().any(|f| f.text == form.text) {
            out.push(form);
        }
    }
    out
}

/// `text` with its umlauts and ß written out as German does without them ("ae",
/// "Oe", "ss"); `None` when it has none.
pub(crate) fn ascii_umlauts(text: &str) -> Option<String> {
    if !text.contains(['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü', 'ß']) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'Ä' => out.push_str("Ae"),
            'Ö' => out.push_str("Oe"),
            'Ü' => out.push_str("Ue"),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    Some(out)
}

/// Genitive forms of a single name: "Leipzigs"; "Cottbus'" for names ending in a
/// sibilant. Names with brackets or several words take no genitive ending.
fn genitives(name: &str) -> Vec<String> {
    if name.contains(['(', ')', '/', ' ']) || !name.ends_with(char::is_alphabetic) {
        return Vec::new();
    }
    if name.ends_with(['s', 'ß', 'x', 'z']) {
        vec![format!("{name}'"), format!("{name}\u{2019}")]
    } else {
        vec![format!("{name}s")]
    }
}

/// Head nouns of organisation names and the genitive endings they take.
const HEAD_GENITIVES: &[(&str, &[&str])] = &[
    ("zentrum", &["s"]),
    ("ministerium", &["s"]),
    ("unternehmen", &["s"]),
    ("verband", &["s", "es"]),
    ("verbund", &["s", "es"]),
    ("betrieb", &["s", "es"]),
    ("amt", &["s", "es"]),
];

/// Genitives of a name of several words whose first word is its head noun:
/// "IT-Dienstleistungszentrums Saarland", "Zweckverbandes Kommunale Daten".
fn head_genitives(name: &str) -> Vec<String> {
    let Some((head, rest)) = name.split_once(' ') else {
        return Vec::new();
    };
    let lower = head.to_lowercase();
    HEAD_GENITIVES
        .iter()
        .filter(|(noun, _)| lower.ends_with(noun))
        .flat_map(|(_, endings)| endings.iter().map(move |e| format!("{head}{e} {rest}")))
        .collect()
}

/// Endings of the adjectives that open organisation names ("Kommunale",
/// "Hessische", "Gemeinsame", "Sächsisches").
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ale", "ales", "sche", "sches", "liche", "liches", "same", "sames",
];

/// A name whose leading adjectives take the ending they have after "der", "dem"
/// or "des" ("der Kommunalen Datenverarbeitung Oldenburg", "im Kommunalen
/// Rechenzentrum", "der Gemeinsamen kommunalen Datenzentrale"); `None` when it
/// opens with no such adjective before a noun.
fn declined_adjectives(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    // Only the first word is capitalised as an adjective; after it a capital
    // opens the noun ("Gemeinsame kommunale Datenzentrale").
    let adjectives = words
        .iter()
        .enumerate()
        .take_while(|(i, w)| {
            let lower = w.to_lowercase();
            (*i == 0 || w.starts_with(char::is_lowercase))
                && ADJECTIVE_ENDINGS.iter().any(|e| lower.ends_with(e))
        })
        .count();
    let noun = words.get(adjectives)?;
    if adjectives == 0 || adjectives > 3 || !noun.starts_with(char::is_uppercase) {
        return None;
    }
    let declined: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i >= adjectives {
                (*w).to_owned()
            } else if let Some(stem) = w.strip_suffix("es") {
                format!("{stem}en")
            } else {
                format!("{w}n")
            }
        })
        .collect();
    Some(declined.join(" "))
}

/// City adjectives: "Leipziger", "Dresdner", "Münchner", "Saarbrücker", "Essener".
fn adjectives(name: &str) -> Vec<String> {
    if name.contains([' ', '(', '/', '-']) || !name.ends_with(char::is_alphabetic) {
        return Vec::new();
    }
    let mut out = vec![format!("{name}er")];
    if let Some(stem) = name.strip_suffix("en") {
        out.push(format!("{stem}er"));
        out.push(format!("{stem}ner"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, kind: EntityKind, population: u64) -> Entry {
        Entry {
            id: "x".into(),
            name: name.into(),
            kind,
            aliases: Vec::new(),
            bare: None,
            land: None,
            district: None,
            population,
            historical: false,
            common_word: false,
            common_aliases: Vec::new(),
        }
    }

    fn texts(e: &Entry, kind: FormKind) -> Vec<String> {
        forms(e)
            .into_iter()
            .filter(|f| f.kind == kind)
            .map(|f| f.text)
            .collect()
    }

    #[test]
    fn municipalities_take_genitive_prefixes_and_adjectives() {
        let leipzig = entry("Leipzig", EntityKind::Municipality, 600_000);
        let all: Vec<_> = forms(&leipzig).into_iter().map(|f| f.text).collect();
        for f in ["Leipzig", "Leipzigs", "Leipziger"] {
            assert!(all.contains(&f.to_owned()), "{f} missing from {all:?}");
        }
        let dresden = entry("Dresden", EntityKind::Municipality, 560_000);
        assert!(texts(&dresden, FormKind::Adjective).contains(&"Dresdner".to_owned()));
        let small = entry("Berg", EntityKind::Municipality, 3_000);
        assert!(texts(&small, FormKind::Adjective).is_empty());
        let cottbus = entry("Cottbus", EntityKind::Municipality, 100_000);
        assert!(texts(&cottbus, FormKind::Alias).contains(&"Cottbus'".to_owned()));
    }

    #[test]
    fn districts_take_prefix_forms_and_bare_names_need_context() {
        let mut harz = entry("Landkreis Harz", EntityKind::District, 200_000);
        harz.bare = Some("Harz".into());
        assert_eq!(texts(&harz, FormKind::Name), ["Landkreis Harz"]);
        assert_eq!(texts(&harz, FormKind::Bare), ["Harz"]);
        let spk = entry("Saarpfalz-Kreis", EntityKind::District, 140_000);
        assert!(texts(&spk, FormKind::Alias).contains(&"Saarpfalz-Kreises".to_owned()));
        let mk = entry("Märkischer Kreis", EntityKind::District, 400_000);
        let mk_aliases = texts(&mk, FormKind::Alias);
        assert!(mk_aliases.contains(&"Märkische Kreis".to_owned()));
        assert!(mk_aliases.contains(&"Märkischen Kreis".to_owned()));
        assert!(mk_aliases.contains(&"Märkischen Kreises".to_owned()));
        let mut mse = entry(
            "Landkreis Mecklenburgische Seenplatte",
            EntityKind::District,
            250_000,
        );
        mse.bare = Some("Mecklenburgische Seenplatte".into());
        assert_eq!(
            texts(&mse, FormKind::Bare),
            [
                "Mecklenburgische Seenplatte",
                "Mecklenburgischen Seenplatte"
            ]
        );
    }

    #[test]
    fn states_take_genitives_and_abbreviations() {
        let sachsen = entry("Sachsen", EntityKind::State, 4_000_000);
        assert!(texts(&sachsen, FormKind::Alias).contains(&"Sachsens".to_owned()));
        let nrw = entry("Nordrhein-Westfalen", EntityKind::State, 18_000_000);
        assert!(texts(&nrw, FormKind::Alias).contains(&"NRW".to_owned()));
    }

    #[test]
    fn every_form_is_also_written_without_umlauts() {
        let hue = entry("Hüttenberg", EntityKind::Municipality, 11_000);
        let names = texts(&hue, FormKind::Name);
        assert_eq!(names, ["Hüttenberg", "Huettenberg"]);
        assert!(texts(&hue, FormKind::Alias).contains(&"Huettenbergs".to_owned()));
        let mut weissenfels = entry("Burgenlandkreis", EntityKind::District, 170_000);
        weissenfels.aliases = vec!["Kreis Weißenfels".into()];
        assert!(texts(&weissenfels, FormKind::Alias).contains(&"Kreis Weissenfels".to_owned()));
        assert_eq!(ascii_umlauts("Öhringen"), Some("Oehringen".to_owned()));
        assert_eq!(ascii_umlauts("Leipzig"), None);
    }

    #[test]
    fn prefix_words_select_a_kind() {
        assert_eq!(prefix_kind("landkreises"), Some(EntityKind::District));
        assert_eq!(prefix_kind("freistaat"), Some(EntityKind::State));
        assert_eq!(prefix_kind("stadt"), Some(EntityKind::Municipality));
        assert_eq!(prefix_kind("haus"), None);
        let mut sorted = PREFIXES.to_vec();
        sorted.sort_by_key(|(w, _)| *w);
        assert_eq!(
            sorted, PREFIXES,
            "PREFIXES must stay sorted for binary search"
        );
    }

    #[test]
    fn organisation_names_decline_their_head_noun() {
        let texts = |e: &Entry| forms(e).into_iter().map(|f| f.text).collect::<Vec<_>>();
        let dlz = entry(
            "IT-Dienstleistungszentrum Saarland",
            EntityKind::Provider,
            0,
        );
        assert!(texts(&dlz).contains(&"IT-Dienstleistungszentrums Saarland".to_owned()));
        let zv = entry("Zweckverband Kommunale Daten", EntityKind::Provider, 0);
        let zv_forms = texts(&zv);
        assert!(zv_forms.contains(&"Zweckverbands Kommunale Daten".to_owned()));
        assert!(zv_forms.contains(&"Zweckverbandes Kommunale Daten".to_owned()));
        // A name whose first word is no head noun keeps its words.
        let kdn = entry("Kommunale Datenverarbeitung Nord", EntityKind::Provider, 0);
        assert!(!texts(&kdn).iter().any(|t| t.starts_with("Kommunales")));
    }

    #[test]
    fn leading_adjectives_of_organisation_names_decline() {
        let texts = |e: &Entry| forms(e).into_iter().map(|f| f.text).collect::<Vec<_>>();
        let kdo = entry(
            "Kommunale Datenverarbeitung Oldenburg",
            EntityKind::Provider,
            0,
        );
        assert!(texts(&kdo).contains(&"Kommunalen Datenverarbeitung Oldenburg".to_owned()));
        let gkd = entry(
            "Gemeinsame kommunale Datenzentrale Recklinghausen",
            EntityKind::Provider,
            0,
        );
        assert!(
            texts(&gkd).contains(&"Gemeinsamen kommunalen Datenzentrale Recklinghausen".to_owned())
        );
        let krzn = entry(
            "Kommunales Rechenzentrum Niederrhein",
            EntityKind::Provider,
            0,
        );
        assert!(texts(&krzn).contains(&"Kommunalen Rechenzentrum Niederrhein".to_owned()));
        // A name that opens with a noun keeps it.
        let zv = entry("Zweckverband Kommunale Daten", EntityKind::Provider, 0);
        assert!(!texts(&zv).iter().any(|t| t.contains("Kommunalen")));
    }

    #[test]
    fn common_words_stay_common_in_their_genitives() {
        let mut lage = entry("Lage", EntityKind::Municipality, 35_000);
        lage.common_word = true;
        let common: Vec<_> = forms(&lage)
            .into_iter()
            .filter(|f| f.common)
            .map(|f| f.text)
            .collect();
        assert_eq!(common, ["Lage", "Lages"]);
        let mut halle = entry("Halle (Saale)", EntityKind::Municipality, 240_000);
        halle.aliases = vec!["Halle".into()];
        halle.common_aliases = vec!["Halle".into()];
        let f = forms(&halle);
        assert!(!f[0].common && f[1].common && f[1].text == "Halle");
    }

    #[test]
    fn organisations_drop_legal_forms() {
        let mut lecos = entry("Lecos GmbH", EntityKind::Provider, 0);
        lecos.aliases = vec!["Lecos".into()];
        assert_eq!(
            forms(&lecos).iter().filter(|f| f.text == "Lecos").count(),
            1
        );
        let dataport = entry("Dataport", EntityKind::Provider, 0);
        assert!(texts(&dataport, FormKind::Alias).contains(&"Dataports".to_owned()));
    }
}
