//! The article's headline.
//!
//! The layout stage marks at most one line as [`BlockLabel::Title`]: the first
//! headline-like line above the article's running text, after page furniture and
//! contact boxes, and never the kicker line above it. Here that line is cleaned of a
//! portal suffix (" | Portal", " - portal.de"). A kicker on the headline's own line
//! ("Cottbus: IT ausgelagert") is kept: it is part of the printed headline. Pages
//! from council systems carry their headline in a `Betreff:` field; it is used when
//! no title line was found. Without either the page has no title.

use crate::boilerplate::{Block, BlockLabel};

/// The headline of the page, without kicker, portal name or site suffix.
pub fn find_title(text: &str, blocks: &[Block]) -> Option<String> {
    let line = blocks
        .iter()
        .find(|b| b.label == BlockLabel::Title)
        .and_then(|b| b.span.slice(text))
        .or_else(|| subject_field(text, blocks))?;
    let title = strip_site_suffix(line.trim()).trim();
    (!title.is_empty()).then(|| title.to_owned())
}

/// The value of a council system's `Betreff:` field.
fn subject_field<'t>(text: &'t str, blocks: &[Block]) -> Option<&'t str> {
    blocks
        .iter()
        .filter(|b| b.label == BlockLabel::Meta)
        .filter_map(|b| b.span.slice(text))
        .find_map(|line| {
            let (field, value) = line.split_once(':')?;
            let value = value.trim();
            (field.trim().eq_ignore_ascii_case("betreff") && value.split_whitespace().count() >= 2)
                .then_some(value)
        })
}

/// Words that name a portal rather than say something.
const PORTAL_WORDS: &[&str] = &[
    "online",
    "news",
    "portal",
    "zeitung",
    "nachrichten",
    "magazin",
    "anzeiger",
    "kurier",
    "rundschau",
    "blatt",
    "tagblatt",
    "presse",
    "post",
    "journal",
    "aktuell",
    "net",
];

/// Drops a portal suffix: the part after the last " | " when it is short, or after
/// the last " - ", " – " or " :: " when it looks like a site (a domain or a portal
/// word).
fn strip_site_suffix(title: &str) -> &str {
    for sep in [" | ", " :: ", " – ", " - ", " — "] {
        let Some((head, tail)) = title.rsplit_once(sep) else {
            continue;
        };
        let tail_words = tail.split_whitespace().count();
        let head_words = head.split_whitespace().count();
        if head_words < 2 || tail_words > 5 {
            continue;
        }
        let lower = tail.to_lowercase();
        let domain = lower.rsplit_once('.').is_some_and(|(_, tld)| {
            (2..=7).contains(&tld.len()) && tld.bytes().all(|b| b.is_ascii_lowercase())
        });
        let portal = lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| PORTAL_WORDS.contains(&w));
        if sep == " | " || sep == " :: " || domain || portal {
            return head;
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boilerplate::BoilerplateClassifier;
    use crate::testcases::{run_cases, NamedCase};
    use serde::Deserialize;

    /// A page and its expected title (absent: no title).
    #[derive(Deserialize)]
    struct Case {
        name: String,
        text: String,
        title: Option<String>,
    }

    impl NamedCase for Case {
        fn name(&self) -> &str {
            &self.name
        }
    }

    #[test]
    fn title_cases() {
        let c = BoilerplateClassifier::new();
        run_cases(
            "titles.toml",
            include_str!("../../testdata/cases/titles.toml"),
            |case: &Case| {
                let got = find_title(&case.text, &c.classify(&case.text));
                (got == case.title)
                    .then_some(())
                    .ok_or(format!("got {got:?}, want {:?}", case.title))
            },
        );
    }

    #[test]
    fn suffixes() {
        assert_eq!(strip_site_suffix("Neues Netz | Kreisportal"), "Neues Netz");
        assert_eq!(
            strip_site_suffix("Neues Netz für Schulen - kreis-online.de"),
            "Neues Netz für Schulen"
        );
        assert_eq!(
            strip_site_suffix("Kreis Lippe - Gemeinsame IT"),
            "Kreis Lippe - Gemeinsame IT"
        );
    }
}
