//! CSV input, read whole: a [`Table`] of text fields found by column name,
//! or [`rows`] deserialized into a struct of the fields a generator uses.

use anyhow::{Context, Result, bail};
use serde::de::DeserializeOwned;

/// A CSV file: its header and its rows (RFC 4180 quoting, an optional BOM
/// skipped). Every row has a field for each column at least (a short row
/// is filled with empty fields); rows with no text are left out.
#[derive(Debug)]
pub(crate) struct Table {
    /// The file's name, for errors.
    file: String,
    header: Vec<String>,
    pub(crate) rows: Vec<Vec<String>>,
}

impl Table {
    /// Parse the text of `file`.
    pub(crate) fn parse(text: &str, file: &str) -> Result<Table> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut rows = reader
            .records()
            .map(|r| Ok(r?.iter().map(str::to_owned).collect()))
            .collect::<Result<Vec<Vec<String>>>>()
            .with_context(|| format!("failed to parse {file}"))?;
        if rows.is_empty() {
            bail!("{file} is empty");
        }
        let header = rows.remove(0);
        rows.retain(|r| r.iter().any(|c| !c.trim().is_empty()));
        for r in &mut rows {
            if r.len() < header.len() {
                r.resize(header.len(), String::new());
            }
        }
        Ok(Table {
            file: file.to_owned(),
            header,
            rows,
        })
    }

    /// The index of a column.
    pub(crate) fn column(&self, name: &str) -> Result<usize> {
        self.header
            .iter()
            .position(|h| h.trim() == name)
            .with_context(|| format!("{} has no column `{name}`", self.file))
    }
}

/// The rows of the CSV text of `file`, each deserialized by the header's
/// names (fields the struct does not name are skipped).
pub(crate) fn rows<T: DeserializeOwned>(text: &str, file: &str) -> Result<Vec<T>> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .collect::<Result<Vec<T>, _>>()
        .with_context(|| format!("failed to parse {file}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables() {
        let t = Table::parse(
            "\u{feff}a,b,c\r\n\"x, \"\"y\"\"\",\"two\nlines\",\n1\n , ,\n",
            "t.csv",
        )
        .unwrap();
        assert_eq!(t.rows, [vec!["x, \"y\"", "two\nlines", ""], vec!["1", "", ""]]);
        assert_eq!(t.column("b").unwrap(), 1);
        let err = t.column("d").unwrap_err().to_string();
        assert_eq!(err, "t.csv has no column `d`");
        assert!(Table::parse("", "t.csv").is_err());

        #[derive(serde::Deserialize)]
        struct Row {
            b: String,
        }
        let read: Vec<Row> = rows("a,b\n1,2\n3,4\n", "t.csv").unwrap();
        assert_eq!(read.iter().map(|r| r.b.as_str()).collect::<Vec<_>>(), ["2", "4"]);
        assert!(rows::<Row>("a\n1\n", "t.csv").is_err());
    }
}
