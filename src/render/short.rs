//! `--format short`: one line per diagnostic, for grep, editors and CI logs.
//!
//! ```text
//! drafts/a.md:27:78: CD001 [error] `Jennifer Deskel` looks like a misspelling of `Jennifer Daskal` (did you mean `Jennifer Daskal`?)
//! ```

use std::io::{self, Write};

use super::{Emitter, did_you_mean, document, shown_name};
use crate::diagnostic::Diagnostic;
use crate::document::Documents;

/// `path:line:col: CODE [severity] message (did you mean `X`?)`.
#[derive(Clone, Copy, Debug, Default)]
pub struct ShortEmitter;

impl Emitter for ShortEmitter {
    fn emit(&mut self, w: &mut dyn Write, docs: &Documents, diags: &[Diagnostic]) -> io::Result<()> {
        for d in diags {
            let doc = document(docs, d.doc)?;
            let (line, column) = doc.line_col(d.span.start);
            write!(
                w,
                "{}:{line}:{column}: {} [{}] {}",
                shown_name(&doc.name),
                d.code,
                d.severity.as_str(),
                d.message
            )?;
            if let Some(help) = did_you_mean(&d.suggestions) {
                write!(w, " ({help})")?;
            }
            writeln!(w)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_data;
    use snapbox::{assert_data_eq, str};

    #[test]
    fn one_line_each() {
        assert_data_eq!(
            test_data::render(&mut ShortEmitter),
            str![[r#"
drafts/a.txt:2:9: CD001 [error] `Jennifer Deskel` looks like a misspelling of `Jennifer Daskal` (did you mean `Jennifer Daskal`?)
drafts/a.txt:2:34: CD003 [warning] `Department of Treasury` is not the house style for `Department of the Treasury` (did you mean `Department of the Treasury`?)

"#]]
        );
    }

    /// Issue 23: a newline in a file name split a record in two.
    #[test]
    fn control_characters_in_names_are_escaped() {
        let (_, diags) = test_data::sample();
        let mut docs = Documents::new();
        docs.add("evil\nname\u{1b}[31m.txt", test_data::TEXT, crate::Format::Plain);
        let mut out = Vec::new();
        ShortEmitter.emit(&mut out, &docs, &diags[..1]).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.starts_with("evil\\nname\\u{1b}[31m.txt:2:9: CD001"), "{out}");
        assert_eq!(out.lines().count(), 1);
    }
}
