//! Reader for the Destatis GV100AD fixed-width file.
//!
//! Every line is one record of exactly [`LINE_CHARS`] characters. The
//! Destatis record description counts positions in characters, and the file
//! is UTF-8 since Sorbian names were added, so fields are cut at character
//! boundaries found with `char_indices`, never at byte offsets. Only the
//! fields the gazetteers use are read; names are trimmed of padding.

use anyhow::{bail, Context, Result};

/// Characters per record, fixed by the record description.
pub const LINE_CHARS: usize = 220;

/// One GV100AD record, reduced to the fields the gazetteers need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// chars 1–2: 10 Land, 20 Regierungsbezirk, 30 Region, 40 Kreis, 50 Gemeindeverband, 60 Gemeinde.
    pub satzart: String,
    /// chars 3–10, `YYYYMMDD`.
    pub gebietsstand: String,
    /// chars 11–12.
    pub land: String,
    /// chars 11–15 (Land, Regierungsbezirk, Kreis), blank-trimmed.
    pub kreis_key: String,
    /// chars 11–18 (Kreisschlüssel plus Gemeinde), blank-trimmed.
    pub ags: String,
    /// chars 19–22 (Gemeindeverband), blank-trimmed.
    pub verband: String,
    /// chars 23–72, trimmed.
    pub name: String,
    /// chars 123–124 (Textkennzeichen), trimmed.
    pub type_code: String,
    /// chars 140–150, only present on Gemeinde records.
    pub population: Option<u64>,
}

/// Byte offsets of every character boundary of `line`, so that field
/// positions (1-based, in characters) map to byte ranges.
struct Columns<'a> {
    line: &'a str,
    bounds: Vec<usize>,
}

impl<'a> Columns<'a> {
    fn new(line: &'a str) -> Result<Self> {
        let bounds: Vec<usize> = line
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(line.len()))
            .collect();
        let chars = bounds.len() - 1;
        if chars != LINE_CHARS {
            bail!("record has {chars} characters, expected {LINE_CHARS}");
        }
        Ok(Self { line, bounds })
    }

    /// The characters at 1-based inclusive positions `from..=to`, trimmed.
    fn get(&self, from: usize, to: usize) -> &'a str {
        debug_assert!(1 <= from && from <= to && to <= LINE_CHARS);
        self.line[self.bounds[from - 1]..self.bounds[to]].trim()
    }
}

/// Parses one record.
pub fn parse_line(line: &str) -> Result<Record> {
    let c = Columns::new(line)?;
    let satzart = c.get(1, 2).to_owned();
    let population = match c.get(140, 150) {
        digits if satzart == "60" && !digits.is_empty() => Some(
            digits
                .parse::<u64>()
                .with_context(|| format!("population {digits:?} is not a number"))?,
        ),
        _ => None,
    };
    Ok(Record {
        satzart,
        gebietsstand: c.get(3, 10).to_owned(),
        land: c.get(11, 12).to_owned(),
        kreis_key: c.get(11, 15).to_owned(),
        ags: c.get(11, 18).to_owned(),
        verband: c.get(19, 22).to_owned(),
        name: c.get(23, 72).to_owned(),
        type_code: c.get(123, 124).to_owned(),
        population,
    })
}

/// Parses the whole file; `name` (its path) and the line number prefix errors.
pub fn parse(name: &str, text: &str) -> Result<Vec<Record>> {
    if text.starts_with('\u{feff}') {
        bail!("{name}: starts with a byte-order mark; expected plain UTF-8");
    }
    text.lines()
        .enumerate()
        .map(|(index, line)| parse_line(line).with_context(|| format!("{name}:{}", index + 1)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A synthetic Gemeinde record of AGS 14625020, padded in characters
    /// (Rust's format width counts characters, like the record layout).
    fn gemeinde_line(name: &str, population: &str) -> String {
        // chars 1–22: Satzart, Gebietsstand, AGS, Gemeindeverband; 23–72: name
        let mut line = format!("6020251130146250200200{name:<50}");
        // chars 73–122: seat (blank); 123–124: type; 125–139: blank
        line.push_str(&format!("{:50}63{:15}", "", ""));
        // chars 140–150: population; 151–220: blank
        line.push_str(&format!("{population:>11}{:70}", ""));
        line
    }

    #[test]
    fn slices_by_characters_not_bytes() {
        let line = gemeinde_line("Bautzen / Budyšin, Stadt", "38000");
        assert!(
            line.len() > LINE_CHARS,
            "multi-byte name makes the line longer in bytes"
        );
        let record = parse_line(&line).unwrap();
        assert_eq!(record.name, "Bautzen / Budyšin, Stadt");
        assert_eq!(record.type_code, "63");
        assert_eq!(record.population, Some(38000));
        assert_eq!(record.ags, "14625020");
        assert_eq!(record.kreis_key, "14625");
        assert_eq!(record.land, "14");
        assert_eq!(record.gebietsstand, "20251130");
    }

    #[test]
    fn rejects_wrong_length_and_bad_numbers() {
        assert!(parse_line("60").is_err());
        let line = gemeinde_line("Görlitz, Stadt", "x");
        let err = parse("gv.txt", &line).unwrap_err();
        assert_eq!(err.to_string(), "gv.txt:1");
    }
}
