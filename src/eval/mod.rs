//! Scoring records against gold annotations (`coopfacts eval`), with the figures,
//! table and verdict of `../shared/tools/score.py` to the digit.
//!
//! [`evaluate`] reads a gold file and a records file (JSON Lines) and gives a
//! [`Report`]; [`score`] does the same on rows parsed already. The report renders the
//! table `score.py` prints ([`Report::render`]), judges bars ([`Report::check`]) and
//! writes the last line ([`Report::summary_line`]). Nothing here prints or exits.
//!
//! The port keeps `score.py`'s every quirk, because the two must agree: records are
//! matched on the basename of `str(source)`, the last of several wins; odd field types
//! are read as Python reads them (a string where a list belongs is iterated by
//! character, `null` names read as `"none"`); where Python would raise, the result is
//! an error naming the file and line ([`crate::Error::EvalLine`]).
//!
//! Known limits of exact agreement, all outside what a JSON writer produces:
//! `NaN`/`Infinity` literals, numbers beyond `f64` range, lone surrogate escapes and
//! nesting deeper than 128 are errors here where Python reads them; integers beyond
//! 64 bits become floats; `str()` of an object lists keys sorted, Python in file
//! order; Unicode data comes from the Python that generated `tables.rs` (see
//! `tables.py`), so a different Python's Unicode version may differ on new
//! characters.

mod py;
mod score;
#[rustfmt::skip]
mod tables;
mod text;

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::Error;

pub use text::norm;

/// Counts of one matched field over all documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
}

impl Tally {
    /// Micro precision, recall and F1; an empty side scores 1.0 as in `score.py`.
    pub fn prf(&self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| {
            if a + b > 0 {
                usize_f64(a) / usize_f64(a + b)
            } else {
                1.0
            }
        };
        let p = ratio(self.tp, self.fp);
        let r = ratio(self.tp, self.fn_);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

#[allow(clippy::cast_precision_loss, reason = "counts stay far below 2^52")]
fn usize_f64(n: usize) -> f64 {
    n as f64
}

/// Right answers out of documents for one document-level field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Accuracy {
    /// Right answers.
    pub ok: usize,
    /// Answers counted.
    pub n: usize,
}

impl Accuracy {
    /// `ok / n`, or 1.0 when nothing was counted.
    pub fn value(&self) -> f64 {
        if self.n > 0 {
            usize_f64(self.ok) / usize_f64(self.n)
        } else {
            1.0
        }
    }
}

/// Offsets checked against the documents themselves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Provenance {
    /// Mentions, dates and amounts whose `text` is the slice they point to.
    pub ok: usize,
    /// Those that are not, plus entities and officials without any mention.
    pub bad: usize,
}

/// Everything `score.py` reports.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Entity matches.
    pub entities: Tally,
    /// Party matches.
    pub parties: Tally,
    /// Official matches (by name without academic titles).
    pub officials: Tally,
    /// Date matches (by value).
    pub dates: Tally,
    /// Amount matches (by value within 0.5 % and currency).
    pub amounts: Tally,
    /// Roles of matched officials.
    pub roles: Accuracy,
    /// `published` per document.
    pub published: Accuracy,
    /// `title` per document.
    pub title: Accuracy,
    /// `cooperation` per document.
    pub cooperation: Accuracy,
    /// `kind` per document whose gold names one.
    pub kind: Accuracy,
    /// Boilerplate leaks, each as `"file: item"`.
    pub leaks: Vec<String>,
    /// Gold files without a record, as `str(file)`.
    pub missing: Vec<String>,
    /// Number of gold rows.
    pub gold_documents: usize,
    /// Offset checks; `Some` when a root was given.
    pub provenance: Option<Provenance>,
}

/// The names `--min` accepts, in the order of [`Report::figures`].
pub const FIELDS: [&str; 10] = [
    "entities",
    "parties",
    "officials",
    "dates",
    "amounts",
    "roles",
    "published",
    "title",
    "cooperation",
    "kind",
];

impl Report {
    /// The matched fields in table order.
    pub fn tallies(&self) -> [(&'static str, Tally); 5] {
        [
            ("entities", self.entities),
            ("parties", self.parties),
            ("officials", self.officials),
            ("dates", self.dates),
            ("amounts", self.amounts),
        ]
    }

    /// The document-level fields in table order.
    pub fn accuracies(&self) -> [(&'static str, Accuracy); 5] {
        [
            ("roles", self.roles),
            ("published", self.published),
            ("title", self.title),
            ("cooperation", self.cooperation),
            ("kind", self.kind),
        ]
    }

    /// `figures` of `score.py`: F1 per matched field, then accuracies, in [`FIELDS`]
    /// order.
    pub fn figures(&self) -> Vec<(&'static str, f64)> {
        let f1 = self.tallies().map(|(k, t)| (k, t.prf().2));
        let acc = self.accuracies().map(|(k, a)| (k, a.value()));
        f1.into_iter().chain(acc).collect()
    }

    /// What `score.py` prints without `--json` and `--verbose`, up to (not including)
    /// its summary line; every line ends in `\n`.
    pub fn render(&self) -> String {
        let mut lines = vec![format!(
            "{:<12} {:>6} {:>6} {:>6}   tp/fp/fn",
            "field", "P", "R", "F1"
        )];
        for (k, t) in self.tallies() {
            let (p, r, f) = t.prf();
            lines.push(format!(
                "{k:<12} {p:6.3} {r:6.3} {f:6.3}   {}/{}/{}",
                t.tp, t.fp, t.fn_
            ));
        }
        for (k, a) in self.accuracies() {
            lines.push(format!(
                "{k:<12} {:>6} {:>6} {:6.3}   {}/{}",
                "acc",
                "",
                a.value(),
                a.ok,
                a.n
            ));
        }
        lines.push(format!("leaks        {}", self.leaks.len()));
        if let Some(p) = self.provenance {
            lines.push(format!("provenance   {} ok, {} bad", p.ok, p.bad));
        }
        lines.push(format!(
            "missing      {} of {} documents",
            self.missing.len(),
            self.gold_documents
        ));
        lines.extend(self.leaks.iter().map(|l| format!("  leak: {l}")));
        lines.extend(self.missing.iter().map(|m| format!("  missing: {m}")));
        let mut out = lines.join("\n");
        out.push('\n');
        out
    }

    /// The failures `score.py` lists, in its order: bars not reached, too many
    /// leaks, bad provenance, missing documents. Empty when all is well.
    pub fn check(&self, bars: &[MinBar], max_leaks: Option<i64>) -> Vec<String> {
        let figures = self.figures();
        let mut failed = Vec::new();
        for bar in bars {
            let figure = figures
                .iter()
                .find(|(k, _)| *k == bar.field)
                .map_or(f64::NAN, |f| f.1);
            if figure < bar.value {
                failed.push(format!("{} {figure:.3} < {}", bar.field, bar.text));
            }
        }
        let leaks = self.leaks.len();
        if let Some(max) = max_leaks {
            if i64::try_from(leaks).map_or(true, |n| n > max) {
                failed.push(format!("leaks {leaks} > {max}"));
            }
        }
        if let Some(p) = self.provenance.filter(|p| p.bad > 0) {
            failed.push(format!("provenance {} bad", p.bad));
        }
        if !self.missing.is_empty() {
            failed.push(format!("{} documents missing", self.missing.len()));
        }
        failed
    }

    /// `score.py`'s last line: every figure to two places and the leak count, after
    /// `FAIL: …; … :: ` when something failed.
    pub fn summary_line(&self, failed: &[String]) -> String {
        let mut parts: Vec<String> = self
            .figures()
            .iter()
            .map(|(k, v)| format!("{k} {v:.2}"))
            .collect();
        parts.push(format!("leaks {}", self.leaks.len()));
        let summary = parts.join(" | ");
        if failed.is_empty() {
            summary
        } else {
            format!("FAIL: {} :: {summary}", failed.join("; "))
        }
    }
}

/// A `--min FIELD=VALUE` bar.
#[derive(Debug, Clone, PartialEq)]
pub struct MinBar {
    /// One of [`FIELDS`].
    pub field: String,
    /// The value as given, for the failure message.
    pub text: String,
    /// The value as Python's `float()` reads it.
    pub value: f64,
}

/// A `--min` argument `score.py` would refuse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BarError {
    /// The field is not one of [`FIELDS`].
    #[error("--min: unknown field {0}")]
    UnknownField(String),
    /// The value is not a number.
    #[error("--min: {field}: not a number: {value:?}")]
    BadValue {
        /// The field.
        field: String,
        /// What was given.
        value: String,
    },
}

impl MinBar {
    /// Reads `FIELD=VALUE`, split at the first `=`.
    pub fn parse(spec: &str) -> Result<Self, BarError> {
        let (field, text) = spec.split_once('=').unwrap_or((spec, ""));
        if !FIELDS.contains(&field) {
            return Err(BarError::UnknownField(field.to_owned()));
        }
        let value = py::float(&Value::String(text.to_owned())).map_err(|_| BarError::BadValue {
            field: field.to_owned(),
            value: text.to_owned(),
        })?;
        Ok(Self {
            field: field.to_owned(),
            text: text.to_owned(),
            value,
        })
    }
}

/// Which input a [`RowError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The gold rows.
    Gold,
    /// The record rows.
    Records,
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Side::Gold => "gold",
            Side::Records => "records",
        })
    }
}

/// A row holding a value `score.py` would stop on (it raises a Python exception).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{side} row {index}: {reason}")]
pub struct RowError {
    /// Gold or records.
    pub side: Side,
    /// 0-based index of the row among the rows given.
    pub index: usize,
    /// The exception, as `TypeError: …`.
    pub reason: String,
}

/// Scores rows parsed already. `root`, when given and not empty, is the folder
/// relative `source` paths are read from to check offsets.
pub fn score(gold: &[Value], records: &[Value], root: Option<&Path>) -> Result<Report, RowError> {
    score::score(gold, records, root)
}

/// Reads a gold and a records file (JSON Lines) and scores them as `score.py --gold
/// GOLD --pred RECORDS [--root ROOT]` does.
pub fn evaluate(gold: &Path, records: &Path, root: Option<&Path>) -> Result<Report, Error> {
    let (gold_rows, gold_lines) = load_jsonl(gold)?;
    let (record_rows, record_lines) = load_jsonl(records)?;
    score(&gold_rows, &record_rows, root).map_err(|e| {
        let (path, lines) = match e.side {
            Side::Gold => (gold, &gold_lines),
            Side::Records => (records, &record_lines),
        };
        Error::EvalLine {
            path: path.to_owned(),
            line: lines.get(e.index).copied().unwrap_or(0),
            reason: e.reason,
        }
    })
}

/// Reads JSON Lines as Python's text mode does: lines end at `\n`, `\r\n` or `\r`,
/// are stripped of white space, and blank ones are skipped. Gives the rows and the
/// 1-based line number of each.
fn load_jsonl(path: &Path) -> Result<(Vec<Value>, Vec<usize>), Error> {
    let eval_error = |reason: String| Error::Eval {
        path: PathBuf::from(path),
        reason,
    };
    let bytes = std::fs::read(path).map_err(|e| eval_error(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| eval_error(format!("not UTF-8: {e}")))?;
    let mut rows = Vec::new();
    let mut numbers = Vec::new();
    let normalised = text.replace("\r\n", "\n");
    for (i, line) in normalised.split(['\n', '\r']).enumerate() {
        let line = line.trim_matches(py::is_space);
        if line.is_empty() {
            continue;
        }
        let value = serde_json::from_str(line).map_err(|e| Error::EvalLine {
            path: path.to_owned(),
            line: i + 1,
            reason: format!("not JSON: {e}"),
        })?;
        rows.push(value);
        numbers.push(i + 1);
    }
    Ok((rows, numbers))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn two_and_three_places_round_as_python() {
        // Python rounds the exact binary value, half to even.
        assert_eq!(format!("{:.3}", 0.8125), "0.812");
        assert_eq!(format!("{:.3}", 0.0625), "0.062");
        assert_eq!(format!("{:.2}", 0.125), "0.12");
        assert_eq!(format!("{:.3}", 0.6875), "0.688");
        assert_eq!(format!("{:6.3}", 1.0), " 1.000");
    }

    #[test]
    fn bars_parse_and_fail_as_score_py() {
        assert_eq!(
            MinBar::parse("speed=1"),
            Err(BarError::UnknownField("speed".to_owned()))
        );
        assert!(MinBar::parse("dates").is_err());
        let bar = MinBar::parse("dates=0.90").map_err(|e| e.to_string());
        let report = Report {
            dates: Tally {
                tp: 1,
                fp: 1,
                fn_: 0,
            },
            missing: vec!["a.txt".to_owned()],
            gold_documents: 2,
            ..Report::default()
        };
        let failed = report.check(&[bar.unwrap_or_else(|e| panic!("{e}"))], Some(-1));
        assert_eq!(
            failed,
            ["dates 0.667 < 0.90", "leaks 0 > -1", "1 documents missing"]
        );
        assert!(report.summary_line(&failed).starts_with(
            "FAIL: dates 0.667 < 0.90; leaks 0 > -1; 1 documents missing :: entities 1.00 | "
        ));
    }

    #[test]
    fn odd_rows_are_errors_not_panics() {
        let gold = [json!({"file": "a.txt", "officials": null})];
        let err = score(&gold, &[], None).err();
        assert_eq!(err.map(|e| e.side), Some(Side::Gold));
        let err = score(&[json!({"file": "a.txt"})], &[json!([1])], None).err();
        assert_eq!(err.map(|e| (e.side, e.index)), Some((Side::Records, 0)));
        let records = [json!({"source": "x/a.txt", "entities": 5})];
        let err = score(&[json!({"file": "a.txt"})], &records, None).err();
        assert_eq!(err.map(|e| e.side), Some(Side::Records));
    }
}
