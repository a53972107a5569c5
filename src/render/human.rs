//! `--format human`: compiler-style diagnostics with the source line, drawn by
//! codespan-reporting.
//!
//! This is the only module that knows codespan-reporting. It converts each
//! [`Diagnostic`] into a `codespan_reporting::diagnostic::Diagnostic` and
//! gives codespan the run's [`Documents`] through the [`SourceFiles`]
//! wrapper, so line and column numbers are counted as in the other formats.
//!
//! ```text
//! error[CD001]: `Jennifer Deskel` looks like a misspelling of `Jennifer Daskal`
//!   ┌─ drafts/a.txt:2:9
//!   │
//! 1 │ Jen Daskal spoke first.
//!   │ ---------- written `Jen Daskal` here
//! 2 │ Later, “Jennifer Deskel” met the Department of Treasury.
//!   │         ^^^^^^^^^^^^^^^
//!   │
//!   = help: did you mean `Jennifer Daskal`? (US Deputy Homeland Security Advisor)
//! ```

use std::io::{self, Write};
use std::ops::Range;

use codespan_reporting::diagnostic::{self as cs, Label};
use codespan_reporting::files::{self, Files};
use codespan_reporting::term::{self, Config, termcolor};

use super::{ColorChoice, Emitter, did_you_mean, document};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Documents;
use crate::span::DocumentId;

/// Rich, multi-line diagnostics for people.
#[derive(Clone, Debug, Default)]
pub struct HumanEmitter {
    color: ColorChoice,
}

impl HumanEmitter {
    /// An emitter that writes ANSI colours when `color` is
    /// [`ColorChoice::Always`].
    pub fn new(color: ColorChoice) -> Self {
        HumanEmitter { color }
    }
}

/// The run's documents as codespan sees them.
struct SourceFiles<'a>(&'a Documents);

impl<'a> SourceFiles<'a> {
    fn doc(&self, id: DocumentId) -> Result<&'a crate::Document, files::Error> {
        if id.0 < self.0.len() {
            Ok(self.0.get(id))
        } else {
            Err(files::Error::FileMissing)
        }
    }
}

impl<'a> Files<'a> for SourceFiles<'a> {
    type FileId = DocumentId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: DocumentId) -> Result<&'a str, files::Error> {
        Ok(&self.doc(id)?.name)
    }

    fn source(&'a self, id: DocumentId) -> Result<&'a str, files::Error> {
        Ok(&self.doc(id)?.text)
    }

    fn line_index(&'a self, id: DocumentId, byte_index: usize) -> Result<usize, files::Error> {
        let starts = self.doc(id)?.line_starts();
        Ok(starts.partition_point(|&s| s <= byte_index).saturating_sub(1))
    }

    fn line_range(&'a self, id: DocumentId, line_index: usize) -> Result<Range<usize>, files::Error> {
        let doc = self.doc(id)?;
        let starts = doc.line_starts();
        let start = *starts.get(line_index).ok_or(files::Error::LineTooLarge {
            given: line_index,
            max: starts.len() - 1,
        })?;
        let end = starts.get(line_index + 1).copied().unwrap_or(doc.text.len());
        Ok(start..end)
    }
}

fn severity(s: Severity) -> cs::Severity {
    match s {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Info => cs::Severity::Note,
    }
}

fn to_codespan(d: &Diagnostic) -> cs::Diagnostic<DocumentId> {
    let mut labels = vec![Label::primary(d.doc, d.span)];
    labels.extend(
        d.related
            .iter()
            .map(|r| Label::secondary(r.doc, r.span).with_message(&r.message)),
    );
    let mut notes = Vec::new();
    if let Some(help) = did_you_mean(&d.suggestions) {
        let description = d
            .entity
            .as_ref()
            .and_then(|e| e.description.as_deref())
            .filter(|_| d.suggestions.len() == 1);
        notes.push(match description {
            Some(desc) => format!("help: {help} ({desc})"),
            None => format!("help: {help}"),
        });
    }
    notes.extend(d.notes.iter().map(|n| format!("note: {n}")));
    cs::Diagnostic::new(severity(d.severity))
        .with_code(d.code)
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(notes)
}

fn io_error(e: files::Error) -> io::Error {
    match e {
        files::Error::Io(e) => e,
        other => io::Error::new(io::ErrorKind::InvalidInput, other.to_string()),
    }
}

impl Emitter for HumanEmitter {
    fn emit(&mut self, w: &mut dyn Write, docs: &Documents, diags: &[Diagnostic]) -> io::Result<()> {
        let files = SourceFiles(docs);
        let config = Config::default();
        for d in diags {
            // Check every id first, so a stray one is an error, not a half-drawn snippet.
            document(docs, d.doc)?;
            for r in &d.related {
                document(docs, r.doc)?;
            }
            let diag = to_codespan(d);
            let result = match self.color {
                ColorChoice::Always => {
                    term::emit_to_write_style(&mut termcolor::Ansi::new(&mut *w), &config, &files, &diag)
                }
                ColorChoice::Never => {
                    term::emit_to_write_style(&mut termcolor::NoColor::new(&mut *w), &config, &files, &diag)
                }
            };
            result.map_err(io_error)?;
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
    fn snippet_with_related_label_and_help() {
        let out = test_data::render(&mut HumanEmitter::new(ColorChoice::Never));
        assert_data_eq!(
            out,
            str![[r#"
error[CD001]: `Jennifer Deskel` looks like a misspelling of `Jennifer Daskal`
  ┌─ drafts/a.txt:2:9
  │
1 │ Jen Daskal spoke first.
  │ ---------- written `Jen Daskal` here
2 │ Later, “Jennifer Deskel” met the Department of Treasury.
  │         ^^^^^^^^^^^^^^^
  │
  = help: did you mean `Jennifer Daskal`? (US Deputy Homeland Security Advisor)

warning[CD003]: `Department of Treasury` is not the house style for `Department of the Treasury`
  ┌─ drafts/a.txt:2:34
  │
2 │ Later, “Jennifer Deskel” met the Department of Treasury.
  │                                  ^^^^^^^^^^^^^^^^^^^^^^
  │
  = help: did you mean `Department of the Treasury`?
  = note: the dictionary lists it as a variant


"#]]
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let plain = test_data::render(&mut HumanEmitter::new(ColorChoice::Never));
        let colour = test_data::render(&mut HumanEmitter::new(ColorChoice::Always));
        assert!(!plain.contains('\x1b'));
        assert!(colour.contains("\x1b["));
    }
}
