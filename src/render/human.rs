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
use rustc_hash::FxHashMap as HashMap;

use super::{ColorChoice, Emitter, did_you_mean, document, shown_name};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Documents;
use crate::span::{DocumentId, Span};

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

/// Characters shown on each side of the labels of a long line.
const CONTEXT_CHARS: usize = 60;
/// A line of at most this many bytes is shown whole (a long paragraph).
const MAX_WHOLE_LINE: usize = 1000;
/// A secondary label farther than this from the primary one on the same
/// line becomes a note, so that the shown part of the line stays short.
const MAX_LABEL_GAP: usize = 400;

/// The run's documents as codespan sees them, each line cut to a window
/// around the labels of the diagnostic being drawn: a one-line file of
/// megabytes would otherwise be printed whole for every finding.
struct SourceFiles<'a> {
    docs: &'a Documents,
    /// The part of each labelled line to show, by document and line index.
    windows: HashMap<(DocumentId, usize), Range<usize>>,
}

impl<'a> SourceFiles<'a> {
    fn doc(&self, id: DocumentId) -> Result<&'a crate::Document, files::Error> {
        if id.0 < self.docs.len() {
            Ok(self.docs.get(id))
        } else {
            Err(files::Error::FileMissing)
        }
    }

    /// The whole of a line, its line break included.
    fn full_line(&self, id: DocumentId, line_index: usize) -> Result<Range<usize>, files::Error> {
        let doc = self.doc(id)?;
        let starts = doc.line_starts();
        let start = *starts.get(line_index).ok_or(files::Error::LineTooLarge {
            given: line_index,
            max: starts.len() - 1,
        })?;
        let end = starts.get(line_index + 1).copied().unwrap_or(doc.text.len());
        Ok(start..end)
    }

    fn line_of(&self, id: DocumentId, offset: usize) -> Result<usize, files::Error> {
        let starts = self.doc(id)?.line_starts();
        Ok(starts.partition_point(|&s| s <= offset).saturating_sub(1))
    }

    /// Set the windows for the labels of one diagnostic.
    fn clip_to(&mut self, labels: &[(DocumentId, Span)]) -> Result<(), files::Error> {
        self.windows.clear();
        for &(id, span) in labels {
            let (first, last) = (self.line_of(id, span.start)?, self.line_of(id, span.end)?);
            for line in first..=last {
                let full = self.full_line(id, line)?;
                let lo = span.start.max(full.start);
                let hi = span.end.min(full.end);
                let w = self.windows.entry((id, line)).or_insert(lo..hi);
                *w = w.start.min(lo)..w.end.max(hi);
            }
        }
        let mut windows = std::mem::take(&mut self.windows);
        for (&(id, line), w) in &mut windows {
            let text = &self.doc(id)?.text;
            let full = self.full_line(id, line)?;
            // A paragraph of prose is shown whole; only a long line is cut.
            if full.len() <= MAX_WHOLE_LINE {
                *w = full;
                continue;
            }
            let before = text[full.start..w.start]
                .char_indices()
                .rev()
                .nth(CONTEXT_CHARS - 1);
            let start = before.map_or(full.start, |(i, _)| full.start + i);
            let after = text[w.end..full.end].char_indices().nth(CONTEXT_CHARS);
            let end = after.map_or(full.end, |(i, _)| w.end + i);
            // Cut between words, not inside one.
            let start = match text[start..w.start].find(char::is_whitespace) {
                Some(i) if start > full.start => start + i + 1,
                _ => start,
            };
            let end = match text[w.end..end].rfind(char::is_whitespace) {
                Some(i) if end < full.end => w.end + i,
                _ => end,
            };
            *w = start..end;
        }
        self.windows = windows;
        Ok(())
    }
}

impl<'a> Files<'a> for SourceFiles<'a> {
    type FileId = DocumentId;
    type Name = std::borrow::Cow<'a, str>;
    type Source = &'a str;

    fn name(&'a self, id: DocumentId) -> Result<std::borrow::Cow<'a, str>, files::Error> {
        Ok(shown_name(&self.doc(id)?.name))
    }

    fn source(&'a self, id: DocumentId) -> Result<&'a str, files::Error> {
        Ok(&self.doc(id)?.text)
    }

    fn line_index(&'a self, id: DocumentId, byte_index: usize) -> Result<usize, files::Error> {
        self.line_of(id, byte_index)
    }

    /// Counted from the start of the whole line, not of its window.
    fn column_number(
        &'a self,
        id: DocumentId,
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        Ok(self.doc(id)?.line_col(byte_index).1)
    }

    fn line_range(&'a self, id: DocumentId, line_index: usize) -> Result<Range<usize>, files::Error> {
        if let Some(w) = self.windows.get(&(id, line_index)) {
            return Ok(w.clone());
        }
        // A line codespan shows between two labelled ones: its start.
        let full = self.full_line(id, line_index)?;
        let text = &self.doc(id)?.text;
        let end = text[full.clone()]
            .char_indices()
            .nth(2 * CONTEXT_CHARS)
            .map_or(full.end, |(i, _)| full.start + i);
        Ok(full.start..end)
    }
}

fn severity(s: Severity) -> cs::Severity {
    match s {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Info => cs::Severity::Note,
    }
}

/// The diagnostic for codespan, and its labels' spans. A related place far
/// along the same line is a note with its position rather than a label.
fn to_codespan(docs: &Documents, d: &Diagnostic) -> (cs::Diagnostic<DocumentId>, Vec<(DocumentId, Span)>) {
    let mut labels = vec![Label::primary(d.doc, d.span)];
    let mut spans = vec![(d.doc, d.span)];
    let mut far = Vec::new();
    for r in &d.related {
        let doc = docs.get(r.doc);
        let line = |offset: usize| doc.line_starts().partition_point(|&s| s <= offset);
        let same_line = r.doc == d.doc && line(r.span.start) == line(d.span.start);
        let gap = r.span.start.abs_diff(d.span.start);
        if same_line && gap > MAX_LABEL_GAP {
            let (line, col) = doc.line_col(r.span.start);
            far.push(format!("note: {}, at {line}:{col}", r.message));
        } else {
            labels.push(Label::secondary(r.doc, r.span).with_message(&r.message));
            spans.push((r.doc, r.span));
        }
    }
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
    notes.extend(far);
    notes.extend(d.notes.iter().map(|n| format!("note: {n}")));
    let diag = cs::Diagnostic::new(severity(d.severity))
        .with_code(d.code)
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(notes);
    (diag, spans)
}

fn io_error(e: files::Error) -> io::Error {
    match e {
        files::Error::Io(e) => e,
        other => io::Error::new(io::ErrorKind::InvalidInput, other.to_string()),
    }
}

impl Emitter for HumanEmitter {
    fn emit(&mut self, w: &mut dyn Write, docs: &Documents, diags: &[Diagnostic]) -> io::Result<()> {
        let mut files = SourceFiles {
            docs,
            windows: HashMap::default(),
        };
        let config = Config::default();
        for d in diags {
            // Check every id first, so a stray one is an error, not a half-drawn snippet.
            document(docs, d.doc)?;
            for r in &d.related {
                document(docs, r.doc)?;
            }
            let (diag, spans) = to_codespan(docs, d);
            files.clip_to(&spans).map_err(io_error)?;
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

    /// Issue 23: each finding printed its whole line, and a 272 KB one-line
    /// file with 300 findings gave 150 MB of output.
    #[test]
    fn a_long_line_is_cut_around_the_finding() {
        let (_, mut diags) = test_data::sample();
        let pad = "word ".repeat(20_000);
        let text =
            format!("Jen Daskal spoke first. {pad}Later, “Jennifer Deskel” met the Department of Treasury.");
        let mut docs = Documents::new();
        docs.add("long.txt", text.as_str(), crate::Format::Plain);
        let at = |s: &str| {
            let start = text.rfind(s).unwrap();
            Span::new(start, start + s.len())
        };
        diags[0].span = at("Jennifer Deskel");
        diags[0].related[0].span = at("Jen Daskal");
        diags[1].span = at("Department of Treasury");
        let mut out = Vec::new();
        HumanEmitter::new(ColorChoice::Never)
            .emit(&mut out, &docs, &diags)
            .unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.len() < 2_000, "{} bytes", out.len());
        // The columns still count from the start of the line.
        let column = text[..at("Jennifer Deskel").start].chars().count() + 1;
        assert!(out.contains(&format!("long.txt:1:{column}")), "{out}");
        assert!(out.contains("note: written `Jen Daskal` here, at 1:1"), "{out}");
        assert!(out.contains("^^^^^^^^^^^^^^^"), "{out}");
    }
}
