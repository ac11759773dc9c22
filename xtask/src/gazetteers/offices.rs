//! Office titles from the free-text `amt` of the Wikipedia cabinet scrape.
//!
//! `amt` comes in several shapes (see `sources/officials/SOURCES.md`): a bare
//! portfolio (`Finanzen`), a full title (`Staatsministerin der Justiz`), a
//! Hamburg Behörde, a Bund ministry with its abbreviation, each possibly with
//! second roles in `(gleichzeitig: …)`, after ` • ` or after a comma. The rules
//! here turn one `amt` into the one main office title the holder is known by:
//!
//! 1. Clean: U+00A0 becomes a space, and a missing separator between a
//!    lower-case and an upper-case letter (`StaatskanzleiMinister`) becomes `, `.
//! 2. Bracketed notes preceded by a space are dropped: second roles
//!    (`(gleichzeitig: …)`, `(Stellvertretender Ministerpräsident)`) and Bund
//!    abbreviations (`(BMI)`). `Minister(in)` has no space and stays.
//! 3. Split into parts at ` • `, and at `, ` when the next word heads a title
//!    (`…, Chef der Staatskanzlei`) or names the government office
//!    (`…, Staatskanzlei`), or when the part so far is a deputy title.
//! 4. Drop deputy parts (`Stellvertreter…`, `Vertreter nach § 22 …`) and parts
//!    that only name the government office (`Staatskanzlei`). The first part
//!    left is the main office.
//! 5. Give it a head when it has none, by body: Bund `Bundesministerium X`
//!    becomes `Bundesminister X`, `Auswärtiges Amt` becomes `Bundesminister des
//!    Auswärtigen`; Hamburg `Behörde für X` becomes `Senator für X` and
//!    `Finanzbehörde` becomes `Finanzsenator`; Niedersachsen `Niedersächsisches
//!    Ministerium für X` becomes `Minister für X`; a bare portfolio gets
//!    `Staatsminister für` (Bayern), `Senator für` (Berlin, Bremen, Hamburg) or
//!    `Minister für` (elsewhere).
//!
//! A head we add takes the holder's gender as the source shows it in the
//! majority of their title words anywhere (`Ministerin`, `Stellvertreterin`,
//! `Bürgermeisterin`, …); a title the source
//! writes as `Minister(in)` is resolved the same way. Where the source never
//! shows it, the head keeps the source's own neutral form `Minister(in)`.

/// A holder's grammatical gender as the source shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Feminine,
    Masculine,
    Unknown,
}

/// Stems of words that head an office title (lower case).
const TITLE_STEMS: &[&str] = &[
    "minister",
    "senator",
    "präsident",
    "kanzler",
    "chef",
    "leiter",
    "bürgermeister",
    "vertreter",
    "staatsrat",
    "staatsrät",
];

/// First words of a part that start a title without being one themselves.
const TITLE_OPENERS: &[&str] = &[
    "Alleiniger",
    "Erste",
    "Erster",
    "Regierende",
    "Regierender",
    "Stellvertretende",
    "Stellvertretender",
    "Weitere",
    "Zweite",
    "Zweiter",
];

/// Parts that only name the government office of the head.
const GOVERNMENT_OFFICES: &[&str] = &["Senatskanzlei", "Staatskanzlei", "Staatsministerium"];

/// The gender a single word shows when it is a title word (`Ministerin`,
/// `Minister(in)`, `Finanzministerin`); `None` for any other word, including
/// genitives such as `Ministerpräsidenten`.
pub fn title_word_gender(word: &str) -> Option<Gender> {
    let w = word.trim_end_matches([',', ';', ':']).to_lowercase();
    let ends_with_stem = |s: &str| TITLE_STEMS.iter().any(|stem| s.ends_with(stem));
    if let Some(base) = w.strip_suffix("(in)") {
        return ends_with_stem(base).then_some(Gender::Unknown);
    }
    if let Some(base) = w.strip_suffix("in") {
        if ends_with_stem(base) {
            return Some(Gender::Feminine);
        }
    }
    ends_with_stem(&w).then_some(Gender::Masculine)
}

/// The gender the words of `amts` show: each part votes with its first title
/// word, and the majority decides (an acting holder can carry the other
/// gender's title once, as Bremen's `Senatorin` did for a man); a tie is unknown.
pub fn gender_of(amts: &[&str]) -> Gender {
    let (mut feminine, mut masculine) = (0usize, 0usize);
    for amt in amts {
        for part in all_parts(&clean(amt)) {
            match part.split(' ').find_map(title_word_gender) {
                Some(Gender::Feminine) => feminine += 1,
                Some(Gender::Masculine) => masculine += 1,
                _ => {}
            }
        }
    }
    match feminine.cmp(&masculine) {
        std::cmp::Ordering::Greater => Gender::Feminine,
        std::cmp::Ordering::Less => Gender::Masculine,
        std::cmp::Ordering::Equal => Gender::Unknown,
    }
}

/// Step 1: U+00A0 to space, and `, ` where a lower-case letter runs into an
/// upper-case one.
fn clean(amt: &str) -> String {
    let mut out = String::with_capacity(amt.len() + 4);
    let mut previous: Option<char> = None;
    for c in amt.chars() {
        let c = if c == '\u{00A0}' { ' ' } else { c };
        if c.is_uppercase() && previous.is_some_and(char::is_lowercase) {
            out.push_str(", ");
        }
        out.push(c);
        previous = Some(c);
    }
    out.trim().to_owned()
}

/// Every bracketed note preceded by a space, its text without the brackets
/// (nested notes come out flat); and the text without them.
fn split_notes(text: &str) -> (String, Vec<String>) {
    let mut main = String::new();
    let mut notes = Vec::new();
    let mut depth = 0usize;
    let mut note = String::new();
    let mut previous = ' ';
    for c in text.chars() {
        match c {
            '(' if depth > 0 || previous == ' ' => {
                if depth > 0 {
                    note.push(' ');
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    notes.push(std::mem::take(&mut note));
                }
            }
            _ if depth > 0 => note.push(c),
            _ => main.push(c),
        }
        previous = c;
    }
    let notes = notes
        .into_iter()
        .map(|n| {
            let n = n.trim();
            n.strip_prefix("gleichzeitig:")
                .unwrap_or(n)
                .trim()
                .to_owned()
        })
        .collect();
    (main.trim().to_owned(), notes)
}

fn first_word(part: &str) -> &str {
    part.split(' ').next().unwrap_or_default()
}

fn heads_title(part: &str) -> bool {
    let word = first_word(part);
    title_word_gender(word).is_some() || TITLE_OPENERS.contains(&word)
}

fn is_deputy(part: &str) -> bool {
    part.contains("tellvertret") || part.starts_with("Vertreter ")
}

/// Step 3 on text without notes.
fn split_parts(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    for piece in text.split(" • ") {
        let mut current = String::new();
        for chunk in piece.split(", ") {
            let split_here = !current.is_empty()
                && (heads_title(chunk)
                    || GOVERNMENT_OFFICES.contains(&first_word(chunk))
                    || is_deputy(&current));
            if split_here {
                parts.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push_str(", ");
            }
            current.push_str(chunk);
        }
        parts.push(current);
    }
    parts
        .into_iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Main parts and the parts of notes, for gender cues.
fn all_parts(cleaned: &str) -> Vec<String> {
    let (main, notes) = split_notes(cleaned);
    let mut parts = split_parts(&main);
    for note in notes {
        parts.extend(split_parts(&note));
    }
    parts
}

/// Steps 2–4: the main office as written, or `None` when `amt` names only
/// deputy roles or the government office.
fn main_part(amt: &str) -> Option<String> {
    let (main, _) = split_notes(&clean(amt));
    split_parts(&main)
        .into_iter()
        .find(|p| !is_deputy(p) && !GOVERNMENT_OFFICES.contains(&p.as_str()))
}

/// How a body's cabinet is organised, for the heads of step 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cabinet {
    Bund,
    Bayern,
    /// Berlin, Bremen, Hamburg.
    Senat,
    Hamburg,
    Land,
}

/// A head in the holder's gender: `Minister`, `Ministerin` or `Minister(in)`.
fn head(masculine: &str, gender: Gender) -> String {
    match gender {
        Gender::Masculine => masculine.to_owned(),
        Gender::Feminine => format!("{masculine}in"),
        Gender::Unknown => format!("{masculine}(in)"),
    }
}

/// The main office title of one `amt` (steps 1–5), or `None` when it names no
/// office of its own.
pub fn office_title(amt: &str, cabinet: Cabinet, gender: Gender) -> Option<String> {
    let part = main_part(amt)?;
    let first = first_word(&part);
    if let Some(written) = title_word_gender(first) {
        if written == Gender::Unknown && gender != Gender::Unknown {
            let resolved = match gender {
                Gender::Feminine => first.replace("(in)", "in"),
                _ => first.replace("(in)", ""),
            };
            return Some(format!("{resolved}{}", &part[first.len()..]));
        }
        return Some(part);
    }
    if TITLE_OPENERS.contains(&first) || first == "Präsident" || first == "Präsidentin" {
        return Some(part);
    }
    if cabinet == Cabinet::Bund {
        if let Some(rest) = part.strip_prefix("Bundesministerium ") {
            return Some(format!("{} {rest}", head("Bundesminister", gender)));
        }
        if part == "Auswärtiges Amt" {
            return Some(format!(
                "{} des Auswärtigen",
                head("Bundesminister", gender)
            ));
        }
        return Some(part);
    }
    if cabinet == Cabinet::Hamburg {
        if let Some(rest) = part.strip_prefix("Behörde ") {
            return Some(format!("{} {rest}", head("Senator", gender)));
        }
        if let Some(stem) = part.strip_suffix("behörde") {
            if !stem.contains(' ') {
                return Some(format!("{stem}{}", head("senator", gender)));
            }
        }
    }
    let portfolio = part
        .strip_prefix("Niedersächsisches Ministerium ")
        .map(str::to_owned)
        .unwrap_or_else(|| {
            if part.starts_with("für ") || part.starts_with("der ") || part.starts_with("des ") {
                part.clone()
            } else {
                format!("für {part}")
            }
        });
    let masculine = match cabinet {
        Cabinet::Bayern => "Staatsminister",
        Cabinet::Senat | Cabinet::Hamburg => "Senator",
        Cabinet::Bund | Cabinet::Land => "Minister",
    };
    Some(format!("{} {portfolio}", head(masculine, gender)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_words_show_gender() {
        assert_eq!(title_word_gender("Ministerin"), Some(Gender::Feminine));
        assert_eq!(
            title_word_gender("Finanzministerin"),
            Some(Gender::Feminine)
        );
        assert_eq!(title_word_gender("Senator(in)"), Some(Gender::Unknown));
        assert_eq!(
            title_word_gender("Ministerpräsident,"),
            Some(Gender::Masculine)
        );
        assert_eq!(title_word_gender("Ministerpräsidenten"), None);
        assert_eq!(title_word_gender("Finanzen"), None);
    }

    #[test]
    fn gender_by_majority_of_parts() {
        assert_eq!(
            gender_of(&["Kultus (gleichzeitig: Stellvertreterin des Ministerpräsidenten)"]),
            Gender::Feminine
        );
        assert_eq!(
            gender_of(&[
                "Minister für X (gleichzeitig: Ministerin der Finanzen)",
                "Ministerin der Finanzen"
            ]),
            Gender::Feminine
        );
        assert_eq!(
            gender_of(&[
                "Senatorin für Umwelt",
                "Senator für Finanzen",
                "Senator für Finanzen"
            ]),
            Gender::Masculine
        );
        assert_eq!(gender_of(&["Finanzen"]), Gender::Unknown);
        assert_eq!(gender_of(&["Minister der Finanzen"]), Gender::Masculine);
    }

    #[test]
    fn main_offices_by_shape() {
        let m = Gender::Masculine;
        let f = Gender::Feminine;
        let cases: &[(&str, Cabinet, Gender, Option<&str>)] = &[
            ("Finanzen", Cabinet::Land, m, Some("Minister für Finanzen")),
            ("Digitales", Cabinet::Bayern, m, Some("Staatsminister für Digitales")),
            (
                "Inneres, Sport und Integration",
                Cabinet::Bayern,
                m,
                Some("Staatsminister für Inneres, Sport und Integration"),
            ),
            ("Ministerpräsident, Staatskanzlei", Cabinet::Land, m, Some("Ministerpräsident")),
            (
                "Kultus (gleichzeitig: Stellvertreterin des Ministerpräsidenten)",
                Cabinet::Land,
                f,
                Some("Ministerin für Kultus"),
            ),
            (
                "Stellvertreter des Bundeskanzlers • Bundesministerium der Finanzen (BMF)",
                Cabinet::Bund,
                m,
                Some("Bundesminister der Finanzen"),
            ),
            (
                "Vertreter nach §\u{a0}22 (1) S.\u{a0}2 Alt.\u{a0}1 GO-BReg • Bundesministerium des Innern (BMI)",
                Cabinet::Bund,
                m,
                Some("Bundesminister des Innern"),
            ),
            ("Auswärtiges Amt (AA)", Cabinet::Bund, m, Some("Bundesminister des Auswärtigen")),
            (
                "Bundesministerin für besondere Aufgaben • Chefin des Bundeskanzleramtes",
                Cabinet::Bund,
                f,
                Some("Bundesministerin für besondere Aufgaben"),
            ),
            (
                "Behörde für Inneres und Sport",
                Cabinet::Hamburg,
                m,
                Some("Senator für Inneres und Sport"),
            ),
            ("Finanzbehörde", Cabinet::Hamburg, m, Some("Finanzsenator")),
            (
                "Chef der StaatskanzleiMinister für Bundes- und Europaangelegenheiten",
                Cabinet::Land,
                m,
                Some("Chef der Staatskanzlei"),
            ),
            (
                "Stellvertreterin des Ministerpräsidenten, Familie, Frauen, Kultur und Integration",
                Cabinet::Land,
                f,
                Some("Ministerin für Familie, Frauen, Kultur und Integration"),
            ),
            (
                "Stellvertreter des Präsidenten des Senats und Bürgermeister, Senator für Finanzen",
                Cabinet::Senat,
                m,
                Some("Senator für Finanzen"),
            ),
            (
                "Senator(in) für Inneres und Sport",
                Cabinet::Senat,
                f,
                Some("Senatorin für Inneres und Sport"),
            ),
            (
                "Senator(in) für Kinder und Bildung",
                Cabinet::Senat,
                Gender::Unknown,
                Some("Senator(in) für Kinder und Bildung"),
            ),
            (
                "Niedersächsisches Ministerium für Inneres und Sport",
                Cabinet::Land,
                f,
                Some("Ministerin für Inneres und Sport"),
            ),
            ("Zweite stellvertretende Ministerpräsidentin", Cabinet::Land, f, None),
            (
                "Finanzen",
                Cabinet::Land,
                Gender::Unknown,
                Some("Minister(in) für Finanzen"),
            ),
        ];
        for (amt, cabinet, gender, expected) in cases {
            assert_eq!(
                office_title(amt, *cabinet, *gender).as_deref(),
                *expected,
                "{amt}"
            );
        }
    }
}
