//! Known office holders (`officials.tsv`): who held which office of which body,
//! and the bounds of the term that the sources give.
//!
//! A row's term is bounded by `first_seen` (in office on that date, and not
//! known before it: the term began on or after the snapshot before it), and
//! `first_absent` (gone by then). `last_seen` is the last date the holder is
//! known in office. An empty bound is unknown and excludes nothing. See
//! `gazetteers/README.md` for how the bundled rows get their dates.

use crate::calendar::{days_in_month, CalendarDate};
use crate::error::GazetteerError;

use super::tsv::Table;

/// A holder of one office of one body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownOfficial {
    /// Stable key, unique in the gazetteer; a user row with a known id replaces it.
    pub id: String,
    /// Full name, `given` then `family`.
    pub name: String,
    /// Given names.
    pub given: String,
    /// Family name, particles included (`von der Decken`).
    pub family: String,
    /// The office as records show it (`Staatsminister der Finanzen`).
    pub role: String,
    /// Canonical name of the body (`Sachsen`, `Bund`, `Leipzig`).
    pub org: Option<String>,
    /// Id of the body (`ags:14`, `bund`, `ags:14713000`).
    pub org_id: Option<String>,
    /// First date known in office; the term did not begin much before.
    pub first_seen: Option<CalendarDate>,
    /// Last date known in office.
    pub last_seen: Option<CalendarDate>,
    /// First date known out of office again.
    pub first_absent: Option<CalendarDate>,
    /// Which source the row comes from.
    pub source: String,
}

/// How a date relates to a row's term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TermFit {
    /// The bounds put the date outside the term.
    Excluded,
    /// The bounds cannot exclude the date (or the date is unknown).
    Possible,
    /// The date lies between `first_seen` and `last_seen`.
    Known,
}

/// First and last day a date may stand for, as comparable triples.
fn day_range(date: CalendarDate) -> ((u16, u8, u8), (u16, u8, u8)) {
    match date.day {
        Some(d) => ((date.year, date.month, d), (date.year, date.month, d)),
        None => (
            (date.year, date.month, 1),
            (date.year, date.month, days_in_month(date.year, date.month)),
        ),
    }
}

impl KnownOfficial {
    /// Whether `published` lies in this row's term. An unknown date cannot be
    /// excluded; a month counts when any of its days could be in the term.
    pub fn term_fit(&self, published: Option<CalendarDate>) -> TermFit {
        let Some(p) = published.map(day_range) else {
            return TermFit::Possible;
        };
        let (first, last, absent) = (
            self.first_seen.map(day_range),
            self.last_seen.map(day_range),
            self.first_absent.map(day_range),
        );
        if first.is_some_and(|f| f.0 <= p.0) && last.is_some_and(|l| p.1 <= l.1) {
            return TermFit::Known;
        }
        let before_start = first.is_some_and(|f| p.1 < f.0);
        let after_end = absent.is_some_and(|a| p.0 >= a.0);
        if before_start || after_end {
            TermFit::Excluded
        } else {
            TermFit::Possible
        }
    }
}

fn date(
    table: &Table<'_>,
    line: usize,
    field: &str,
    column: &str,
) -> Result<Option<CalendarDate>, GazetteerError> {
    let f = field.trim();
    if f.is_empty() {
        return Ok(None);
    }
    CalendarDate::parse_iso(f).map(Some).ok_or_else(|| {
        table.error(
            line,
            format!("`{column}` is `{f}`, not a date (YYYY-MM-DD or YYYY-MM)"),
        )
    })
}

fn required<'a>(
    table: &Table<'_>,
    line: usize,
    field: &'a str,
    column: &str,
) -> Result<&'a str, GazetteerError> {
    let f = field.trim();
    if f.is_empty() {
        Err(table.error(line, format!("empty `{column}`")))
    } else {
        Ok(f)
    }
}

fn optional(field: &str) -> Option<String> {
    let f = field.trim();
    (!f.is_empty()).then(|| f.to_owned())
}

/// Parses the rows of an officials table (header holds `first_seen`).
pub(crate) fn parse_officials(table: &Table<'_>) -> Result<Vec<KnownOfficial>, GazetteerError> {
    let [id, name, given, family, role, org, org_id, first_seen, last_seen, first_absent, source] =
        table.columns([
            "id",
            "name",
            "given",
            "family",
            "role",
            "org",
            "org_id",
            "first_seen",
            "last_seen",
            "first_absent",
            "source",
        ])?;
    table
        .rows
        .iter()
        .map(|(line, f)| {
            let line = *line;
            let official = KnownOfficial {
                id: required(table, line, f[id], "id")?.to_owned(),
                name: required(table, line, f[name], "name")?.to_owned(),
                given: required(table, line, f[given], "given")?.to_owned(),
                family: required(table, line, f[family], "family")?.to_owned(),
                role: required(table, line, f[role], "role")?.to_owned(),
                org: optional(f[org]),
                org_id: optional(f[org_id]),
                first_seen: date(table, line, f[first_seen], "first_seen")?,
                last_seen: date(table, line, f[last_seen], "last_seen")?,
                first_absent: date(table, line, f[first_absent], "first_absent")?,
                source: f[source].trim().to_owned(),
            };
            if official.name != format!("{} {}", official.given, official.family) {
                return Err(table.error(
                    line,
                    format!(
                        "`name` `{}` is not `given` and `family` (`{} {}`)",
                        official.name, official.given, official.family
                    ),
                ));
            }
            let bounds = [
                ("first_seen", official.first_seen),
                ("last_seen", official.last_seen),
                ("first_absent", official.first_absent),
            ];
            let known: Vec<_> = bounds
                .iter()
                .filter_map(|(c, d)| d.map(|d| (*c, day_range(d))))
                .collect();
            for pair in known.windows(2) {
                if (pair[1].1).1 < (pair[0].1).0 {
                    return Err(
                        table.error(line, format!("`{}` is before `{}`", pair[1].0, pair[0].0))
                    );
                }
            }
            Ok(official)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(first: &str, last: &str, absent: &str) -> KnownOfficial {
        let text = format!(
            "id\tname\tgiven\tfamily\trole\torg\torg_id\tfirst_seen\tlast_seen\tfirst_absent\tsource\n\
             x\tAnna Muster\tAnna\tMuster\tMinisterin\tSachsen\tags:14\t{first}\t{last}\t{absent}\tt\n"
        );
        let table = Table::parse("t.tsv", &text).unwrap();
        parse_officials(&table).unwrap().remove(0)
    }

    fn on(s: &str) -> Option<CalendarDate> {
        CalendarDate::parse_iso(s)
    }

    #[test]
    fn terms_fit_dates() {
        let r = row("2024-12-14", "2026-07-20", "");
        assert_eq!(r.term_fit(on("2025-03-01")), TermFit::Known);
        assert_eq!(r.term_fit(on("2027-01-01")), TermFit::Possible);
        assert_eq!(r.term_fit(on("2024-12-01")), TermFit::Excluded);
        assert_eq!(r.term_fit(on("2024-12")), TermFit::Possible);
        assert_eq!(r.term_fit(None), TermFit::Possible);
        let gone = row("", "2024-11-28", "2024-12-04");
        assert_eq!(gone.term_fit(on("2010-05-05")), TermFit::Possible);
        assert_eq!(gone.term_fit(on("2024-12-04")), TermFit::Excluded);
        assert_eq!(gone.term_fit(on("2024-12")), TermFit::Possible);
    }

    #[test]
    fn rejects_bad_rows_with_line_and_reason() {
        let header =
            "id\tname\tgiven\tfamily\trole\torg\torg_id\tfirst_seen\tlast_seen\tfirst_absent\tsource\n";
        let cases = [
            (
                "x\tA B\tA\tB\tRolle\t\t\t2024-13-01\t\t\tu\n",
                "`first_seen` is `2024-13-01`",
            ),
            ("x\tA B\tA\tB\t\t\t\t\t\t\tu\n", "empty `role`"),
            ("x\tA B\tA\tC\tRolle\t\t\t\t\t\tu\n", "`name` `A B` is not"),
            (
                "x\tA B\tA\tB\tRolle\t\t\t2024-05-01\t2023-01-01\t\tu\n",
                "`last_seen` is before `first_seen`",
            ),
        ];
        for (line, reason) in cases {
            let text = format!("# user file\n{header}{line}");
            let table = Table::parse("mine.tsv", &text).unwrap();
            let err = parse_officials(&table).unwrap_err().to_string();
            assert!(err.starts_with(&format!("mine.tsv:3: {reason}")), "{err}");
        }
    }

    #[test]
    fn user_file_is_told_apart_by_header_and_replaces_by_id() {
        let mut g = super::super::Gazetteer::bundled().unwrap();
        let before = g.officials().len();
        assert!(before > 400, "bundled officials: {before}");
        let header =
            "id\tname\tgiven\tfamily\trole\torg\torg_id\tfirst_seen\tlast_seen\tfirst_absent\tsource\n";
        let user = format!(
            "{header}u1\tErika Mustermann\tErika\tMustermann\tLandrätin\tLandkreis Muster\t\t2021-01\t\t\tuser\n"
        );
        g.add_file("mine.tsv", &user).unwrap();
        assert_eq!(g.officials().len(), before + 1);
        assert!(
            g.roles().iter().all(|r| r.role != "Landrätin"),
            "not read as roles"
        );
        let err = g
            .add_file("mine.tsv", &format!("{header}u2\tErika Muster\tErika\n"))
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("mine.tsv:2: expected 11 tab-separated fields"),
            "{err}"
        );
    }
}
