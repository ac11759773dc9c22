//! Amounts in tables that state their unit once, above the figures: a budget
//! table of a council paper under "in Tsd. EUR" or "Angaben in Euro", its cells
//! bare numbers ("186,4"). The cell is the amount's text; its value is the
//! number times the unit.
//!
//! A table is the run of lines below the unit line up to a blank line; its rows
//! are lines of cells set apart by two or more spaces, a tab or a bar. The unit
//! may also close the corner cell of the head row ("Kosten (in Euro)"), and a
//! grid table's border lines ("+----+====+") belong to the table. Rows of
//! years (the column heads) and sum rows ("Summe", "Gesamt") hold no amounts of
//! their own, and a cell whose value the text already gives as an amount is not
//! given twice.

use regex::Regex;

use crate::record::AmountFact;
use crate::span::{Quote, Span};

/// The unit line: "in Tsd. EUR", "Angaben in Mio. €", "(in Euro)", "Beträge in T€".
const UNIT: &str = r"(?i)^\(?\s*(?:(?:angaben|beträge|werte)\s+)?in\s+(?P<scale>tsd\.?|tausend|t|mio\.?|millionen)?\s*(?:eur|euro|€)\s*\)?$";

/// The unit in brackets closing a table's corner cell: "Kosten (in Euro)".
const UNIT_CELL: &str =
    r"(?i)\(\s*in\s+(?P<scale>tsd\.?|tausend|t|mio\.?|millionen)?\s*(?:eur|euro|€)\s*\)$";

/// Longest unit line, trimmed, in bytes.
const MAX_UNIT_LINE: usize = 40;

/// Widest indent of a unit line over a table's right-hand columns.
const MAX_INDENT: usize = 120;

/// A number as German tables write it: "186,4", "1.250", "72".
const CELL: &str = r"^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$";

/// Finds the amounts of unit tables.
#[derive(Debug, Clone)]
pub struct TableAmountFinder {
    unit: Option<Regex>,
    unit_cell: Option<Regex>,
    cell: Option<Regex>,
}

impl Default for TableAmountFinder {
    fn default() -> Self {
        TableAmountFinder::new()
    }
}

impl TableAmountFinder {
    /// Compiles the unit and cell patterns.
    pub fn new() -> TableAmountFinder {
        TableAmountFinder {
            unit: crate::pattern::compile(UNIT).ok(),
            unit_cell: crate::pattern::compile(UNIT_CELL).ok(),
            cell: crate::pattern::compile(CELL).ok(),
        }
    }

    /// The cell amounts of unit tables whose rows lie in `content`, leaving out
    /// values among `known`.
    pub fn find(&self, text: &str, content: &[Span], known: &[AmountFact]) -> Vec<AmountFact> {
        let (Some(unit), Some(cell)) = (&self.unit, &self.cell) else {
            return Vec::new();
        };
        let in_content = |span: Span| content.iter().any(|c| c.contains(span));
        let mut out: Vec<AmountFact> = Vec::new();
        let mut scale: Option<f64> = None;
        let ends = memchr::memchr_iter(b'\n', text.as_bytes())
            .map(|i| i + 1)
            .chain((!text.ends_with('\n')).then_some(text.len()));
        let mut start = 0;
        for end in ends {
            let raw = &text[start..end];
            let line_start = start;
            start = end;
            // Outside a table only a short line matters, maybe set far to the
            // right: most lines are passed over on their length.
            if scale.is_none() && raw.len() > MAX_UNIT_LINE + MAX_INDENT {
                continue;
            }
            let line = raw.trim();
            if line.is_empty() {
                scale = None;
                continue;
            }
            let may_be_unit =
                line.len() <= MAX_UNIT_LINE && (line.contains("in ") || line.contains("In "));
            if let Some(caps) = may_be_unit.then(|| unit.captures(line)).flatten() {
                scale = Some(scale_of(&caps));
                continue;
            }
            // A grid table's borders and the second lines of its heads go on
            // with the table.
            let grid = line.starts_with(['|', '+']);
            if grid && !line.contains(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let cells = cells(raw, line_start);
            // A head row whose corner cell states the unit starts a table.
            if let Some(caps) = cells
                .first()
                .filter(|_| cells.len() >= 2)
                .and_then(|(_, corner)| self.unit_cell.as_ref()?.captures(corner))
            {
                scale = Some(scale_of(&caps));
                continue;
            }
            let Some(factor) = scale else { continue };
            if cells.len() < 2 {
                if !grid {
                    scale = None;
                }
                continue;
            }
            let label = cells[0].1.to_lowercase();
            if ["summe", "gesamt", "insgesamt", "zusammen"]
                .iter()
                .any(|w| label.starts_with(w))
            {
                continue;
            }
            let figures: Vec<&(Span, &str)> =
                cells.iter().filter(|(_, c)| cell.is_match(c)).collect();
            let all_years = figures.len() == cells.len()
                && figures
                    .iter()
                    .all(|(_, c)| c.len() == 4 && (c.starts_with("19") || c.starts_with("20")));
            if all_years {
                continue;
            }
            for &&(span, figure) in &figures {
                let Some(value) = german_number(figure).map(|v| v * factor) else {
                    continue;
                };
                let repeated = known
                    .iter()
                    .chain(&out)
                    .any(|a| (a.value - value).abs() <= 0.005 * value.abs().max(1.0));
                if repeated || value == 0.0 || !in_content(span) {
                    continue;
                }
                if let Some(quote) = Quote::new(text, span) {
                    out.push(AmountFact {
                        value,
                        currency: "EUR".into(),
                        period: None,
                        quote,
                    });
                }
            }
        }
        out
    }
}

/// The factor of a unit's scale word: none, thousands or millions.
fn scale_of(unit: &regex::Captures<'_>) -> f64 {
    match unit.name("scale").map(|m| m.as_str().to_lowercase()) {
        None => 1.0,
        Some(s) if s.starts_with('t') => 1_000.0,
        Some(_) => 1_000_000.0,
    }
}

/// The cells of a table row starting at byte `start`: runs of text set apart
/// by two or more spaces, a tab or a bar, each with its span.
fn cells(row: &str, start: usize) -> Vec<(Span, &str)> {
    let line = row.trim_end_matches(['\n', '\r']);
    let b = line.as_bytes();
    let separator = |i: usize| {
        matches!(b.get(i), None | Some(b'\t' | b'|'))
            || (b[i] == b' ' && matches!(b.get(i + 1), None | Some(b' ' | b'\t' | b'|')))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if matches!(b[i], b' ' | b'\t' | b'|') {
            i += 1;
            continue;
        }
        let from = i;
        while i < b.len() && !separator(i) {
            i += 1;
        }
        // Separators are ASCII, so both ends are character boundaries.
        out.push((Span::new(start + from, start + i), &line[from..i]));
    }
    out
}

/// The value of "186,4" or "1.250,50".
fn german_number(s: &str) -> Option<f64> {
    s.replace('.', "").replace(',', ".").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amounts(text: &str) -> Vec<(f64, String)> {
        let content = [Span::new(0, text.len())];
        TableAmountFinder::new()
            .find(text, &content, &[])
            .into_iter()
            .map(|a| (a.value, a.quote.text))
            .collect()
    }

    #[test]
    fn cells_under_a_unit_line_are_amounts() {
        let text = "Kosten der Umstellung\n\n                                                            in Tsd. EUR\n                 2025      2026\n  Server         120,5     80,0\n  Lizenzen        14,2     14,9\n  Summe          134,7     94,9\n\nDer Rest folgt 2027.\n";
        assert_eq!(
            amounts(text),
            [
                (120_500.0, "120,5".to_owned()),
                (80_000.0, "80,0".to_owned()),
                (14_200.0, "14,2".to_owned()),
                (14_900.0, "14,9".to_owned()),
            ]
        );
    }

    #[test]
    fn a_grid_table_with_its_unit_in_the_corner_cell() {
        let text = "+------------------+---------+---------+\n| Ausgaben (in Euro) | 2025    | 2026    |\n|                  |         | je Jahr |\n+==================+=========+=========+\n| Server           | 40.500  | 12.000  |\n+------------------+---------+---------+\n| Summe            | 40.500  | 12.000  |\n+------------------+---------+---------+\n\nDer Rest folgt.\n";
        assert_eq!(
            amounts(text),
            [
                (40_500.0, "40.500".to_owned()),
                (12_000.0, "12.000".to_owned()),
            ]
        );
        // Without the unit the figures are no amounts.
        assert!(amounts(&text.replace(" (in Euro)", "")).is_empty());
    }

    #[test]
    fn without_a_unit_line_figures_are_no_amounts() {
        let text =
            "Einwohner\n  Kranichsee     4.210     3,1 %\n  Südheide       2.005     1,4 %\n";
        assert!(amounts(text).is_empty());
    }

    #[test]
    fn a_row_label_with_single_spaces_is_one_cell() {
        let row = "  Betrieb E-Akte (Entgelt)   186,4   191,0";
        let got: Vec<&str> = cells(row, 0).into_iter().map(|(_, c)| c).collect();
        assert_eq!(got, ["Betrieb E-Akte (Entgelt)", "186,4", "191,0"]);
    }
}
