//! How `score.py` compares names: `norm` (NFC, no soft hyphens, white space
//! collapsed, case-folded, dashes made hyphens), `person` (academic titles off) and
//! `role_head`.
//!
//! NFC, case folding and white space follow Python's Unicode database through the
//! generated [`super::tables`], not the Rust standard library's, which may be of a
//! newer Unicode version.

use regex::Regex;

use super::{py, tables};

/// `norm(s)` of `score.py`: the form names are compared in.
pub fn norm(s: &str) -> String {
    let composed = nfc(s);
    let mut collapsed = String::with_capacity(composed.len());
    let mut gap = false;
    for c in composed.chars().filter(|&c| c != '\u{ad}') {
        if py::is_space(c) {
            gap = true;
        } else {
            if gap && !collapsed.is_empty() {
                collapsed.push(' ');
            }
            gap = false;
            collapsed.push(c);
        }
    }
    casefold(&collapsed).replace(['\u{2013}', '\u{2010}', '\u{2011}'], "-")
}

/// `role_head(role)`: the last hyphen part of the first word, "Ober-Bürgermeister"
/// giving "bürgermeister".
pub(super) fn role_head(role: &str) -> String {
    let n = norm(role);
    let first = n.split(' ').next().unwrap_or("");
    first.rsplit('-').next().unwrap_or("").to_owned()
}

/// Python's `str.casefold`.
fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match tables::CASEFOLD.binary_search_by_key(&c, |&(k, _)| k) {
            Ok(i) => out.push_str(tables::CASEFOLD.get(i).map_or("", |e| e.1)),
            Err(_) => out.push(c),
        }
    }
    out
}

const HANGUL_S: u32 = 0xAC00;
const HANGUL_L: u32 = 0x1100;
const HANGUL_V: u32 = 0x1161;
const HANGUL_T: u32 = 0x11A7;
const HANGUL_V_COUNT: u32 = 21;
const HANGUL_T_COUNT: u32 = 28;
const HANGUL_N: u32 = HANGUL_V_COUNT * HANGUL_T_COUNT;
const HANGUL_COUNT: u32 = 19 * HANGUL_N;

fn combining_class(c: char) -> u8 {
    let i = tables::COMBINING.partition_point(|&(_, last, _)| last < c);
    tables::COMBINING
        .get(i)
        .filter(|&&(first, _, _)| first <= c)
        .map_or(0, |e| e.2)
}

fn decompose_into(c: char, out: &mut Vec<char>) {
    let s = u32::from(c).wrapping_sub(HANGUL_S);
    if s < HANGUL_COUNT {
        let l = HANGUL_L + s / HANGUL_N;
        let v = HANGUL_V + (s % HANGUL_N) / HANGUL_T_COUNT;
        let t = HANGUL_T + s % HANGUL_T_COUNT;
        out.extend([l, v].into_iter().filter_map(char::from_u32));
        if t != HANGUL_T {
            out.extend(char::from_u32(t));
        }
        return;
    }
    match tables::DECOMPOSE.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => out.extend(tables::DECOMPOSE.get(i).map_or("", |e| e.1).chars()),
        Err(_) => out.push(c),
    }
}

fn compose_pair(a: char, b: char) -> Option<char> {
    let (ua, ub) = (u32::from(a), u32::from(b));
    let l = ua.wrapping_sub(HANGUL_L);
    let v = ub.wrapping_sub(HANGUL_V);
    if l < 19 && v < HANGUL_V_COUNT {
        return char::from_u32(HANGUL_S + (l * HANGUL_V_COUNT + v) * HANGUL_T_COUNT);
    }
    let s = ua.wrapping_sub(HANGUL_S);
    let t = ub.wrapping_sub(HANGUL_T);
    if s < HANGUL_COUNT && s % HANGUL_T_COUNT == 0 && t > 0 && t < HANGUL_T_COUNT {
        return char::from_u32(ua + t);
    }
    tables::COMPOSE
        .binary_search_by_key(&(a, b), |&(x, y, _)| (x, y))
        .ok()
        .and_then(|i| tables::COMPOSE.get(i))
        .map(|e| e.2)
}

/// Unicode Normalization Form C.
fn nfc(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    let mut chars = Vec::with_capacity(s.len());
    for c in s.chars() {
        decompose_into(c, &mut chars);
    }
    // Canonical order: a stable sort of each run of non-starters by class.
    let mut i = 0;
    while i < chars.len() {
        let run = chars.get(i..).map_or(0, |rest| {
            rest.iter()
                .take_while(|&&c| combining_class(c) != 0)
                .count()
        });
        if run > 1 {
            if let Some(slice) = chars.get_mut(i..i + run) {
                slice.sort_by_key(|&c| combining_class(c));
            }
        }
        i += run.max(1);
    }
    // Canonical composition.
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut starter: Option<usize> = None;
    let mut last_class: Option<u8> = None; // None: nothing since the starter
    for c in chars {
        let class = combining_class(c);
        if let Some(si) = starter {
            let unblocked = match last_class {
                None => true,
                Some(last) => last != 0 && last < class,
            };
            if unblocked {
                if let Some(composed) = out.get(si).and_then(|&a| compose_pair(a, c)) {
                    if let Some(slot) = out.get_mut(si) {
                        *slot = composed;
                    }
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last_class = None;
        } else {
            last_class = Some(class);
        }
        out.push(c);
    }
    out.into_iter().collect()
}

/// `person(s)`: `norm(s)` without leading academic titles.
#[derive(Debug, Clone)]
pub(super) struct Titles(Regex);

impl Titles {
    /// Python's case-insensitive `i` also matches the dotless `ı`; Rust's does not.
    const PATTERN: &'static str =
        r"(?i)^(?:(?:prof|dr|d[iı]pl|[iı]ng|rer|nat|ph[iı]l|med|jur|h\.\s*c)\.?[-\s]*)+";

    pub(super) fn new() -> Self {
        #[allow(clippy::expect_used, reason = "a constant pattern, tested")]
        let re = Regex::new(Self::PATTERN).expect("valid pattern");
        Self(re)
    }

    pub(super) fn person(&self, s: &str) -> String {
        let n = norm(s);
        self.0.replace(&n, "").trim_matches(py::is_space).to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_cases() {
        let cases = [
            ("  Straße\u{ad}n  Bau ", "strassen bau"),
            ("Mu\u{308}nchen", "münchen"),
            ("ΣΑΣ", "σασ"),
            ("Saar\u{2013}Pfalz", "saar-pfalz"),
            ("\u{1c}a\u{3000}b\u{85}", "a b"),
            ("ﬁ", "fi"),
            ("\u{1100}\u{1161}\u{11a8}", "\u{ac01}"),
            ("a\u{323}\u{302}", "\u{1ead}"),
            ("q\u{307}\u{323}", "q\u{323}\u{307}"),
        ];
        for (input, want) in cases {
            assert_eq!(norm(input), want, "{input:?}");
        }
    }

    #[test]
    fn titles_and_roles() {
        let t = Titles::new();
        assert_eq!(t.person("Prof. Dr.-Ing. Hans Müller"), "hans müller");
        assert_eq!(t.person("Dr. rer. nat. Eva Roß"), "eva ross");
        assert_eq!(t.person("dıpl. Ina"), "ina");
        assert_eq!(t.person("Dr. h. c. Karl"), "karl");
        assert_eq!(t.person("Drake"), "ake");
        assert_eq!(role_head("Erster Ober-Bürgermeister"), "erster");
        assert_eq!(role_head("Ober-Bürgermeister der Stadt"), "bürgermeister");
        assert_eq!(role_head(""), "");
    }
}
