//! Renderers: turn diagnostics into text, one output format per file.
//!
//! The library never prints: an [`Emitter`] writes to the `Write` it is
//! given. [`HumanEmitter`] (compiler-style snippets) is the only code that
//! knows codespan-reporting; [`ShortEmitter`] writes one line per finding and
//! [`JsonEmitter`] the stable JSON Lines format described in `DESIGN.md`.
//! Three more feed CI tools, each in the format its consumer reads:
//! [`SarifEmitter`] (SARIF 2.1.0, for GitHub code scanning and other SARIF
//! viewers), [`GithubEmitter`] (GitHub Actions workflow commands, which
//! annotate a pull request) and [`RdjsonEmitter`] (reviewdog's `rdjson`).
//!
//! Positions: every format takes lines and columns from the same byte
//! offsets. Columns count Unicode scalar values (characters), as the JSON
//! format promises, except in `rdjson`, whose schema counts UTF-8 bytes.
//! Ends are exclusive: an end column is the column just after the name.
//!
//! The name inventory of `copydesk names` is written by
//! [`write_names_human`] and [`write_names_json`].
//!
//! ```
//! use copydesk::render::{Emitter, ShortEmitter};
//! use copydesk::{Dictionary, Documents, Format, Settings, lint};
//!
//! let mut docs = Documents::new();
//! let id = docs.add("draft.txt", "Nothing to see.", Format::Plain);
//! let diags = lint(docs.get(id), &Dictionary::empty(), &Settings::default());
//! let mut out = Vec::new();
//! ShortEmitter.emit(&mut out, &docs, &diags).unwrap();
//! assert!(out.is_empty());
//! ```

mod github;
mod human;
mod json;
mod names;
mod rdjson;
mod sarif;
mod short;

use std::io::{self, Write};

pub use github::GithubEmitter;
pub use human::HumanEmitter;
pub use json::JsonEmitter;
pub use names::{write_names_human, write_names_json};
pub use rdjson::RdjsonEmitter;
pub use sarif::SarifEmitter;
pub use short::ShortEmitter;

use crate::diagnostic::Diagnostic;
use crate::document::{Document, Documents};
use crate::span::DocumentId;

/// copydesk's home page (`package.homepage` in `Cargo.toml`), named by the
/// formats that carry a tool URL (SARIF `informationUri`, rdjson `source.url`).
pub const HOMEPAGE: &str = env!("CARGO_PKG_HOMEPAGE");

/// Where a rule is documented, for the formats that link each finding to
/// its rule (SARIF `helpUri`, rdjson `code.url`): the rule table of the
/// README. `copydesk rule CODE` prints the full documentation.
fn rule_url() -> String {
    format!("{HOMEPAGE}#rules")
}

/// Writes a run's diagnostics in one output format.
pub trait Emitter {
    /// Write `diags` (sorted, as [`crate::lint`] returns them) to `w`; `docs`
    /// holds every document the diagnostics point into.
    fn emit(&mut self, w: &mut dyn Write, docs: &Documents, diags: &[Diagnostic]) -> io::Result<()>;
}

/// Whether an emitter may write ANSI colour codes.
///
/// Deciding whether the output is a terminal is the caller's job.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ColorChoice {
    /// Plain text.
    #[default]
    Never,
    /// ANSI colour codes.
    Always,
}

/// The document a diagnostic points into, or an error when the id is not in
/// `docs` (a diagnostic from another run).
fn document(docs: &Documents, id: DocumentId) -> io::Result<&Document> {
    if id.0 < docs.len() {
        Ok(docs.get(id))
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("diagnostic points into unknown document {}", id.0),
        ))
    }
}

/// The diagnostic's message followed by its suggestions, as one line:
/// "`X` looks like a misspelling of `Y` (did you mean `Y`?)".
fn message_with_help(d: &Diagnostic) -> String {
    match did_you_mean(&d.suggestions) {
        Some(help) => format!("{} ({help})", d.message),
        None => d.message.clone(),
    }
}

/// A document's name as the line-based formats show it: control characters
/// (a newline, an escape sequence) written as `\n`, `\u{1b}`, so that a file
/// name can neither split a record nor drive the terminal.
pub(crate) fn shown_name(name: &str) -> std::borrow::Cow<'_, str> {
    if !name.chars().any(char::is_control) {
        return name.into();
    }
    name.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// A byte offset of a document as line and columns, all 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Position {
    line: usize,
    /// Counted in Unicode scalar values, as in every format but rdjson.
    column: usize,
    /// Counted in UTF-8 bytes, as rdjson wants.
    byte_column: usize,
}

impl Position {
    fn new(doc: &Document, offset: usize) -> Self {
        let (line, column) = doc.line_col(offset);
        let byte_column = offset - doc.line_starts()[line - 1] + 1;
        Position {
            line,
            column,
            byte_column,
        }
    }
}

/// "did you mean `A`?", "did you mean `A` or `B`?", "did you mean `A`, `B`
/// or `C`?"; `None` without suggestions.
fn did_you_mean(suggestions: &[String]) -> Option<String> {
    let (last, rest) = suggestions.split_last()?;
    let mut out = String::from("did you mean ");
    for (i, s) in rest.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('`');
        out.push_str(s);
        out.push('`');
    }
    if !rest.is_empty() {
        out.push_str(" or ");
    }
    out.push('`');
    out.push_str(last);
    out.push_str("`?");
    Some(out)
}

#[cfg(test)]
pub(crate) mod test_data {
    //! A document and diagnostics shared by the renderer tests.

    use crate::diagnostic::{Applicability, Diagnostic, Edit, EntityRef, Fix, Related, Severity};
    use crate::document::{Documents, Format};
    use crate::entity::EntityKind;
    use crate::span::Span;

    pub(crate) const TEXT: &str = "Jen Daskal spoke first.\n\
        Later, “Jennifer Deskel” met the Department of Treasury.\n";

    /// One document with a CD001 (with a related location) and a CD003.
    pub(crate) fn sample() -> (Documents, Vec<Diagnostic>) {
        let mut docs = Documents::new();
        let id = docs.add("drafts/a.txt", TEXT, Format::Plain);
        let span_of = |s: &str| {
            let start = TEXT.find(s).expect("sample text");
            Span::new(start, start + s.len())
        };
        let deskel = span_of("Jennifer Deskel");
        let surname = span_of("Deskel");
        let treasury = span_of("Department of Treasury");
        let diags = vec![
            Diagnostic {
                code: "CD001",
                rule: "misspelled-name",
                severity: Severity::Error,
                doc: id,
                span: deskel,
                found: "Jennifer Deskel".into(),
                message: "`Jennifer Deskel` looks like a misspelling of `Jennifer Daskal`".into(),
                suggestions: vec!["Jennifer Daskal".into()],
                entity: Some(EntityRef {
                    id: "jennifer-daskal".into(),
                    name: "Jennifer Daskal".into(),
                    kind: EntityKind::Person,
                    description: Some("US Deputy Homeland Security Advisor".into()),
                }),
                related: vec![Related {
                    doc: id,
                    span: span_of("Jen Daskal"),
                    message: "written `Jen Daskal` here".into(),
                }],
                notes: Vec::new(),
                fix: Some(Fix {
                    applicability: Applicability::Safe,
                    edits: vec![Edit {
                        span: surname,
                        replacement: "Daskal".into(),
                    }],
                }),
                confidence: Some(0.97),
            },
            Diagnostic {
                code: "CD003",
                rule: "non-preferred-name",
                severity: Severity::Warning,
                doc: id,
                span: treasury,
                found: "Department of Treasury".into(),
                message: "`Department of Treasury` is not the house style for `Department of the Treasury`"
                    .into(),
                suggestions: vec!["Department of the Treasury".into()],
                entity: None,
                related: Vec::new(),
                notes: vec!["the dictionary lists it as a variant".into()],
                fix: None,
                confidence: None,
            },
        ];
        (docs, diags)
    }

    /// Render with `emitter` into a `String`.
    pub(crate) fn render(emitter: &mut dyn super::Emitter) -> String {
        let (docs, diags) = sample();
        let mut out = Vec::new();
        emitter.emit(&mut out, &docs, &diags).expect("render");
        String::from_utf8(out).expect("utf-8 output")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_lists_suggestions() {
        let s = |v: &[&str]| did_you_mean(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&[]), None);
        assert_eq!(s(&["A"]).as_deref(), Some("did you mean `A`?"));
        assert_eq!(s(&["A", "B"]).as_deref(), Some("did you mean `A` or `B`?"));
        assert_eq!(
            s(&["A", "B", "C"]).as_deref(),
            Some("did you mean `A`, `B` or `C`?")
        );
    }

    #[test]
    fn unknown_document_is_an_error_not_a_panic() {
        let (_, diags) = test_data::sample();
        let mut out = Vec::new();
        let err = ShortEmitter
            .emit(&mut out, &Documents::new(), &diags)
            .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }
}
