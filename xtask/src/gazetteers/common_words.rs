//! Which place names are also common German words (`Essen`, `Wissen`, `Lage`).
//!
//! Rule (documented in `gazetteers/README.md`): a name is a common word when
//! its frequency as a word exceeds what the places bearing it would explain
//! on their own. For a name `s`:
//!
//! - `w` is `s` lower-cased with `ß` written `ss`, the way wordfreq stores
//!   words. A `w` holding a space, hyphen, bracket or slash is never common:
//!   such names are no single word.
//! - `zipf(w)` is its Zipf value in the frequency list; an unlisted `w` is
//!   never common.
//! - `P` is the summed population of all place rows that carry a name, bare
//!   name or alias with the same `w`, at least 1. So `Neustadt` is judged by
//!   the size of all the Neustadts together, `Halle` by Halle (Saale) as well,
//!   and the village `Eßlingen` together with the city `Esslingen`, because
//!   the list cannot tell them apart either.
//! - `expected = log10(P) - 1`, the Zipf value that mentions of the places
//!   alone would give.
//! - `s` is common when `zipf(w) - expected >= 0.35`.
//!
//! The offset 1 and the margin 0.35 were chosen once, against the calibration
//! names in `gazetteers.rs` (`common_word_rule_meets_its_calibration`), and
//! are not tuned per name.

use std::collections::BTreeMap;

use super::wordfreq::Frequencies;

/// `expected = log10(P) - OFFSET`.
pub const OFFSET: f64 = 1.0;
/// A name is common when `zipf - expected` reaches this.
pub const MARGIN: f64 = 0.35;

/// The form wordfreq stores a single-word name under, or `None` for a name
/// of several words or parts.
pub fn word_key(name: &str) -> Option<String> {
    if name.contains([' ', '-', '(', ')', '[', ']', '/']) {
        return None;
    }
    Some(name.to_lowercase().replace('ß', "ss"))
}

/// `zipf(w) - expected` for `name` borne by places with `population` in all,
/// or `None` when the rule does not apply (several words, or not listed).
pub fn excess(words: &Frequencies, name: &str, population: u64) -> Option<f64> {
    let zipf = words.zipf(&word_key(name)?)?;
    // u64 → f64 may round above 2^53; populations are far below that.
    #[allow(clippy::cast_precision_loss)]
    let expected = (population.max(1) as f64).log10() - OFFSET;
    Some(zipf - expected)
}

/// Summed population per word key (`word_key`) of the strings that place
/// rows carry.
#[derive(Default)]
pub struct Bearers {
    population: BTreeMap<String, u64>,
}

impl Bearers {
    /// Adds one row: its population counts once for each distinct word key
    /// among the strings it carries (name, bare name, aliases). Strings of
    /// several words have no key and are skipped: they are never common.
    pub fn add<'a>(&mut self, strings: impl IntoIterator<Item = &'a str>, population: u64) {
        let mut seen: Vec<String> = Vec::new();
        for key in strings.into_iter().filter_map(word_key) {
            if !key.is_empty() && !seen.contains(&key) {
                *self.population.entry(key.clone()).or_default() += population;
                seen.push(key);
            }
        }
    }

    /// Whether `name` is a common word by the rule in the module docs.
    pub fn is_common(&self, words: &Frequencies, name: &str) -> bool {
        let population = word_key(name)
            .and_then(|key| self.population.get(&key).copied())
            .unwrap_or_default();
        excess(words, name, population).is_some_and(|e| e >= MARGIN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `[header, ["essen"], ...empty..., ["dresden", "strasse"] at 420 cB]`:
    /// Zipf 9.0 for `essen`, 4.8 for `dresden` and `strasse`.
    fn words() -> Frequencies {
        let mut blob = vec![0xdc, 0x01, 0xa6]; // array16 of 422 items
        blob.extend([0x82, 0xa6]);
        blob.extend(b"format");
        blob.extend([0xa2, b'c', b'B', 0xa7]);
        blob.extend(b"version");
        blob.push(0x01);
        blob.push(0x91);
        blob.push(0xa5);
        blob.extend(b"essen");
        blob.extend([0x90; 419]);
        blob.push(0x92);
        blob.push(0xa7);
        blob.extend(b"dresden");
        blob.push(0xa7);
        blob.extend(b"strasse");
        Frequencies::from_msgpack(&blob).unwrap()
    }

    #[test]
    fn keys_are_single_case_folded_words() {
        assert_eq!(word_key("Essen").as_deref(), Some("essen"));
        assert_eq!(word_key("Straße").as_deref(), Some("strasse"));
        assert_eq!(word_key("Frankfurt am Main"), None);
        assert_eq!(word_key("Garmisch-Partenkirchen"), None);
        assert_eq!(word_key("Halle (Saale)"), None);
        assert_eq!(word_key("Mühlhausen/Thüringen"), None);
    }

    #[test]
    fn judges_frequency_against_the_bearers_population() {
        let words = words();
        // Zipf 4.8; expected = log10(P) - 1.
        let e = excess(&words, "Dresden", 100_000).unwrap();
        assert!((e - 0.8).abs() < 1e-9);
        assert!(excess(&words, "Leipzig", 100_000).is_none());
        assert!(excess(&words, "Frankfurt am Main", 1).is_none());
        // P below 1 counts as 1.
        assert!((excess(&words, "Dresden", 0).unwrap() - 5.8).abs() < 1e-9);

        let mut bearers = Bearers::default();
        // 10^5.45 ≈ 281,838 inhabitants: expected 4.45, excess exactly the margin.
        bearers.add(["Dresden"], 200_000);
        assert!(bearers.is_common(&words, "Dresden"));
        bearers.add(["Landkreis Dresden", "Dresden", "Dresden"], 81_838);
        assert!(bearers.is_common(&words, "Dresden"));
        bearers.add(["Dresden"], 1);
        assert!(!bearers.is_common(&words, "Dresden"));
        assert!(bearers.is_common(&words, "Essen")); // no bearers: P = 1
        assert!(!bearers.is_common(&words, "Landkreis Dresden"));
        assert!(bearers.is_common(&words, "Straße"));
        // Bearers are pooled by word key: `Straße` and `STRASSE` are one word.
        bearers.add(["Straße"], 500_000);
        bearers.add(["STRASSE"], 500_000);
        assert!(!bearers.is_common(&words, "Strasse")); // expected 5, zipf 4.8
    }
}
