//! Reading gazetteer TSV files: `#` comment lines, one header row, then rows.
//!
//! The bundled files and user files (`--gazetteer`) go through this one reader, so a
//! malformed user line gets the same error as a malformed bundled one: file, line and
//! reason.

use crate::error::GazetteerError;

/// A parsed TSV table: its header and data rows with their 1-based line numbers.
#[derive(Debug)]
pub(crate) struct Table<'a> {
    pub file: String,
    pub header: Vec<&'a str>,
    pub rows: Vec<(usize, Vec<&'a str>)>,
}

impl<'a> Table<'a> {
    /// Splits `source` into header and rows; every row must have as many fields as
    /// the header.
    pub fn parse(file: &str, source: &'a str) -> Result<Table<'a>, GazetteerError> {
        let mut header = None;
        let mut rows = Vec::new();
        for (n, line) in source.lines().enumerate() {
            let line_no = n + 1;
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            match &header {
                None => header = Some(fields),
                Some(h) if h.len() != fields.len() => {
                    return Err(GazetteerError {
                        file: file.to_owned(),
                        line: line_no,
                        reason: format!(
                            "expected {} tab-separated fields ({}), found {}",
                            h.len(),
                            h.join(", "),
                            fields.len()
                        ),
                    })
                }
                Some(_) => rows.push((line_no, fields)),
            }
        }
        let header = header.ok_or_else(|| GazetteerError {
            file: file.to_owned(),
            line: 0,
            reason: "no header row".to_owned(),
        })?;
        Ok(Table {
            file: file.to_owned(),
            header,
            rows,
        })
    }

    /// The index of each named column, or an error naming the missing one.
    pub fn columns<const N: usize>(&self, names: [&str; N]) -> Result<[usize; N], GazetteerError> {
        let mut out = [0; N];
        for (slot, name) in out.iter_mut().zip(names) {
            *slot = self
                .header
                .iter()
                .position(|h| *h == name)
                .ok_or_else(|| self.error(1, format!("missing column `{name}`")))?;
        }
        Ok(out)
    }

    /// An error at `line` of this table's file.
    pub fn error(&self, line: usize, reason: String) -> GazetteerError {
        GazetteerError {
            file: self.file.clone(),
            line,
            reason,
        }
    }
}

/// Splits a `|`-separated list field; empty items are dropped.
pub(crate) fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_header_and_rows_with_line_numbers() {
        let t = Table::parse("x.tsv", "# note\nid\tname\n\na\tA\nb\tB\r\n").unwrap();
        assert_eq!(t.header, ["id", "name"]);
        assert_eq!(t.rows, [(4, vec!["a", "A"]), (5, vec!["b", "B"])]);
        assert_eq!(t.columns(["name", "id"]).unwrap(), [1, 0]);
    }

    #[test]
    fn names_file_line_and_reason() {
        let err = Table::parse("user.tsv", "id\tname\na\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "user.tsv:2: expected 2 tab-separated fields (id, name), found 1"
        );
        let t = Table::parse("user.tsv", "id\n").unwrap();
        assert!(t
            .columns(["kind"])
            .unwrap_err()
            .to_string()
            .contains("missing column `kind`"));
        assert!(Table::parse("e.tsv", "# only\n").is_err());
    }

    #[test]
    fn splits_lists() {
        assert_eq!(list(" a| |b ").collect::<Vec<_>>(), ["a", "b"]);
    }
}
