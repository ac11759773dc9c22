//! Tab-separated tables: reading the hand-written sources, writing the derived files.
//!
//! Invariants of every written table: `#` comment lines first, then one header
//! row, then data rows sorted by their first column (byte order), which must be
//! unique. No field holds a tab, CR or LF. Nothing is escaped: a forbidden
//! character is an error, so the files stay splittable on tabs and newlines.

use anyhow::{bail, Context, Result};

/// A derived table before rendering.
pub struct Table {
    /// Comment lines without the leading `# `.
    pub comments: Vec<String>,
    pub columns: &'static [&'static str],
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Renders the table as UTF-8 text; `name` is used in error messages.
    pub fn render(mut self, name: &str) -> Result<String> {
        let mut out = String::new();
        for comment in &self.comments {
            if comment.contains(['\n', '\r']) {
                bail!("{name}: comment line holds a line break: {comment:?}");
            }
            out.push_str("# ");
            out.push_str(comment);
            out.push('\n');
        }
        out.push_str(&self.columns.join("\t"));
        out.push('\n');
        self.rows.sort_by(|a, b| a.first().cmp(&b.first()));
        for pair in self.rows.windows(2) {
            if pair[0].first() == pair[1].first() {
                bail!("{name}: duplicate key {:?}", pair[0].first());
            }
        }
        for row in &self.rows {
            if row.len() != self.columns.len() {
                bail!(
                    "{name}: row {row:?} has {} fields, expected {}",
                    row.len(),
                    self.columns.len()
                );
            }
            if row
                .first()
                .is_some_and(|key| key.is_empty() || key.starts_with('#'))
            {
                bail!("{name}: row {row:?} has an empty key or one that reads as a comment");
            }
            for (field, column) in row.iter().zip(self.columns) {
                check_field(field).with_context(|| format!("{name}: column {column}"))?;
            }
            out.push_str(&row.join("\t"));
            out.push('\n');
        }
        Ok(out)
    }
}

/// Rejects characters that would break the row structure.
pub fn check_field(field: &str) -> Result<()> {
    if field.contains(['\t', '\n', '\r']) {
        bail!("field {field:?} holds a tab or line break");
    }
    Ok(())
}

/// A hand-written source table: header row plus data rows, each with its line number.
pub struct SourceTable {
    name: String,
    columns: Vec<String>,
    pub rows: Vec<SourceRow>,
}

pub struct SourceRow {
    /// 1-based line number in the source file, for error messages.
    pub line: usize,
    pub fields: Vec<String>,
}

impl SourceTable {
    /// Parses `text`; `name` (the file's path) prefixes every error.
    pub fn parse(name: &str, text: &str) -> Result<Self> {
        if text.contains('\r') {
            bail!("{name}: holds CR characters; expected LF line ends");
        }
        let mut lines = text.lines().enumerate();
        let Some((_, header)) = lines.next() else {
            bail!("{name}: empty file, expected a header row");
        };
        let columns: Vec<String> = header.split('\t').map(str::to_owned).collect();
        let mut rows = Vec::new();
        for (index, line) in lines {
            if line.is_empty() {
                continue;
            }
            let fields: Vec<String> = line.split('\t').map(|f| f.trim().to_owned()).collect();
            if fields.len() != columns.len() {
                bail!(
                    "{name}:{}: {} fields, header has {}",
                    index + 1,
                    fields.len(),
                    columns.len()
                );
            }
            rows.push(SourceRow {
                line: index + 1,
                fields,
            });
        }
        Ok(Self {
            name: name.to_owned(),
            columns,
            rows,
        })
    }

    /// Index of the column called `column`, or an error naming the file.
    pub fn column(&self, column: &str) -> Result<usize> {
        self.columns
            .iter()
            .position(|c| c == column)
            .with_context(|| format!("{}: no column {column:?} in header", self.name))
    }

    /// `file:line` for error messages about `row`.
    pub fn at(&self, row: &SourceRow) -> String {
        format!("{}:{}", self.name, row.line)
    }
}

/// Splits a `|`-separated list, trimming items and dropping empty ones.
pub fn split_list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: Vec<Vec<&str>>) -> Table {
        Table {
            comments: vec!["generated".to_owned()],
            columns: &["id", "name"],
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(str::to_owned).collect())
                .collect(),
        }
    }

    #[test]
    fn renders_comments_header_and_sorted_rows() {
        let text = table(vec![vec!["b", "B"], vec!["a", "A"]])
            .render("t")
            .unwrap();
        assert_eq!(text, "# generated\nid\tname\na\tA\nb\tB\n");
    }

    #[test]
    fn rejects_tabs_and_duplicate_keys() {
        assert!(table(vec![vec!["a", "x\ty"]]).render("t").is_err());
        assert!(table(vec![vec!["a", "x"], vec!["a", "y"]])
            .render("t")
            .is_err());
    }

    #[test]
    fn source_rows_keep_line_numbers_and_check_width() {
        let t = SourceTable::parse("s.tsv", "id\tname\n\na\tA\n").unwrap();
        assert_eq!(t.rows[0].line, 3);
        assert_eq!(t.column("name").unwrap(), 1);
        assert!(t.column("seat").is_err());
        let err = SourceTable::parse("s.tsv", "id\tname\na\n").err().unwrap();
        assert!(err.to_string().starts_with("s.tsv:2:"));
    }
}
