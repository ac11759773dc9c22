//! Regexes compiled so that their word boundaries stay on the fast engines.
//!
//! The regex crate's DFAs cannot decide a Unicode word boundary (`\b`) next to a
//! non-ASCII character; on such text a search falls back to a backtracking engine
//! that is many times slower, and German text is almost never pure ASCII. So every
//! `\b` in our patterns is compiled as an ASCII boundary. The two differ only
//! where a word runs on into a non-ASCII letter or digit ("zumä"), so patterns keep
//! `\b` next to ASCII characters only; a pattern whose word starts or ends with an
//! umlaut or "ß" checks that edge another way.

use regex::Regex;

/// Compiles `pattern` with every `\b` as an ASCII word boundary.
pub(crate) fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&ascii_boundaries(pattern))
}

/// `pattern` with each `\b` (not an escaped backslash followed by "b") written as
/// `(?-u:\b)`.
fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some(next) => {
                out.push('\\');
                out.push(next);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_become_ascii_and_escapes_stay() {
        assert_eq!(ascii_boundaries(r"\bab\b"), r"(?-u:\b)ab(?-u:\b)");
        assert_eq!(ascii_boundaries(r"\\b\d\."), r"\\b\d\.");
        assert_eq!(ascii_boundaries(r"\{\}"), r"\{\}");
    }

    #[test]
    fn compiled_boundaries_hold_in_german_text() {
        let re = compile(r"\bmehr\b").unwrap();
        assert!(re.is_match("für mehr Größe"));
        assert!(!re.is_match("Gewährmehrung"));
        let date = compile(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b").unwrap();
        assert_eq!(
            date.find("Über den 3.4.2020 hinaus").map(|m| m.as_str()),
            Some("3.4.2020")
        );
    }
}
