//! Diagnostics: what a rule found, where, and how to fix it.
//!
//! No type here knows about files or rendering; renderers in
//! [`crate::render`] turn these into text.

use crate::entity::EntityKind;
use crate::span::{DocumentId, Span};
use crate::suppress::RuleId;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth a look; does not fail a run by default.
    Info,
    /// Probably wrong, or not house style.
    Warning,
    /// Almost certainly wrong.
    Error,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// How far a fix can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applicability {
    /// The dictionary or the document says what the right form is; `--fix`
    /// applies it.
    Safe,
    /// Probably right, but a person should look; never applied automatically.
    Unsafe,
    /// Shown to the reader only.
    DisplayOnly,
}

impl Applicability {
    /// `safe`, `unsafe` or `display-only`.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }
}

/// Replace the bytes of `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// What to replace.
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

/// A set of edits that together fix one diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// Whether `--fix` may apply it.
    pub applicability: Applicability,
    /// Non-overlapping edits, sorted by position.
    pub edits: Vec<Edit>,
}

/// The entity a diagnostic is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityRef {
    /// The entity's id (slug).
    pub id: String,
    /// Its canonical name.
    pub name: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Its one-line description, if the dictionary has one.
    pub description: Option<String>,
}

/// A secondary location: where the other spelling stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// The document it is in.
    pub doc: DocumentId,
    /// Where.
    pub span: Span,
    /// What is there, e.g. "written `Jen Daskal` here".
    pub message: String,
}

/// One finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// The rule's code, e.g. `CD001`.
    pub code: &'static str,
    /// The rule's name, e.g. `misspelled-name`.
    pub rule: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// The document it is in.
    pub doc: DocumentId,
    /// The text found, as a byte span.
    pub span: Span,
    /// The text at `span`.
    pub found: String,
    /// One sentence saying what is wrong.
    pub message: String,
    /// Replacements for the text at `span`, best first.
    pub suggestions: Vec<String>,
    /// The entity concerned, when a dictionary knows it.
    pub entity: Option<EntityRef>,
    /// Other places that bear on the finding.
    pub related: Vec<Related>,
    /// Extra lines of explanation.
    pub notes: Vec<String>,
    /// How to fix it automatically, if at all.
    pub fix: Option<Fix>,
    /// For rules that judge spelling: the probability that the finding is
    /// a real slip, 0 to 1; its severity and fix safety follow from it.
    pub confidence: Option<f32>,
}

impl Diagnostic {
    /// Suggest `replacement` for the whole span, fixed by one edit (which may
    /// cover only the part that changes).
    pub fn with_fix(mut self, replacement: String, edit: Edit, applicability: Applicability) -> Self {
        self.suggestions = vec![replacement];
        self.fix = Some(Fix {
            applicability,
            edits: vec![edit],
        });
        self
    }

    /// Say which entity the finding is about.
    pub fn with_entity(mut self, entity: EntityRef) -> Self {
        self.entity = Some(entity);
        self
    }

    /// Add secondary locations.
    pub fn with_related(mut self, related: Vec<Related>) -> Self {
        self.related.extend(related);
        self
    }

    /// The rule, as a suppression directive may name it.
    pub fn rule_id(&self) -> RuleId<'static> {
        RuleId {
            code: self.code,
            name: self.rule,
        }
    }

    /// The order diagnostics are reported in: by document, then position, then code.
    pub fn sort_key(&self) -> (DocumentId, usize, usize, &'static str) {
        (self.doc, self.span.start, self.span.end, self.code)
    }
}
