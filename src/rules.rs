//! Rules: each turns the document's mentions into diagnostics.
//!
//! One file per rule; [`RULES`] lists them in order of their code. Rules
//! never read files or print.
//!
//! Most rules look at one document at a time ([`Rule::check`]). A run-level
//! rule (CD005) looks at the name words of every document of a run at once
//! ([`Rule::check_run`]), after each document has been analysed on its own.

mod first_reference;
mod given_name_reference;
mod inconsistent_name;
mod inconsistent_name_across_files;
mod misspelled_name;
mod name_case;
mod name_order;
mod non_preferred_name;
mod undefined_abbreviation;
mod wrong_title;

pub use wrong_title::office_of;

use crate::diagnostic::{Diagnostic, EntityRef, Related, Severity};
use crate::dictionary::{Dictionary, Form};
use crate::document::{Document, Documents};
use crate::entity::{Date, Entity};
use crate::matcher::{Analysis, DocNames, Mention};
use crate::span::DocumentId;
use crate::span::Span;

/// What a rule is: its stable code, name and documentation.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable code, e.g. `CD001`.
    pub code: &'static str,
    /// Name read as the problem, e.g. `misspelled-name`.
    pub name: &'static str,
    /// Severity when the configuration says nothing.
    pub default_severity: Severity,
    /// Runs unless turned off; `false` for a rule that runs only when
    /// `--select`, or a level in the configuration, asks for it.
    pub default_enabled: bool,
    /// One line.
    pub summary: &'static str,
    /// Markdown documentation: what it does, why, an example, fix safety.
    pub docs: &'static str,
}

impl RuleMeta {
    /// A finding of this rule at its default severity, with the text at
    /// `span` as `found` and no suggestion yet.
    pub(crate) fn diagnostic(&'static self, doc: &Document, span: Span, message: String) -> Diagnostic {
        self.diagnostic_found(doc.id, span, span.slice(&doc.text).to_owned(), message)
    }

    /// [`RuleMeta::diagnostic`] with the text found at `span` given (a
    /// run-level rule may no longer have the document's text).
    pub(crate) fn diagnostic_found(
        &'static self,
        doc: DocumentId,
        span: Span,
        found: String,
        message: String,
    ) -> Diagnostic {
        Diagnostic {
            code: self.code,
            rule: self.name,
            severity: self.default_severity,
            doc,
            span,
            found,
            message,
            suggestions: Vec::new(),
            entity: None,
            related: Vec::new(),
            notes: Vec::new(),
            fix: None,
            confidence: None,
        }
    }
}

/// What a rule sees: one document, its analysis and the dictionary.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The document.
    pub doc: &'a Document,
    /// The loaded dictionaries.
    pub dict: &'a Dictionary,
    /// Tokens, name runs and matched mentions, computed once.
    pub analysis: &'a Analysis,
    /// The story's date: its front matter `date`, or else `--as-of`.
    pub date: Option<Date>,
}

/// What a run-level rule sees: every document of the run, and the summary
/// of each one's name words (the analyses themselves are gone).
#[derive(Clone, Copy)]
pub struct RunContext<'a> {
    /// The documents of the run.
    pub docs: &'a Documents,
    /// The loaded dictionaries.
    pub dict: &'a Dictionary,
    /// The name words of each document, in run order.
    pub names: &'a [DocNames],
}

/// A check over one document, or over a whole run.
pub trait Rule: Send + Sync {
    /// Code, name and documentation.
    fn meta(&self) -> &'static RuleMeta;
    /// Append this rule's findings in one document to `out`, at the rule's
    /// default severity.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);
    /// Append this rule's findings across the documents of a run to `out`,
    /// at the rule's default severity. Called once per run of two or more
    /// documents, after every [`Rule::check`]; most rules have none.
    fn check_run(&self, cx: &RunContext<'_>, out: &mut Vec<Diagnostic>) {
        let _ = (cx, out);
    }
}

/// Every rule, in order of code.
pub static RULES: &[&dyn Rule] = &[
    &misspelled_name::MisspelledName,
    &inconsistent_name::InconsistentName,
    &non_preferred_name::NonPreferredName,
    &name_case::NameCase,
    &inconsistent_name_across_files::InconsistentNameAcrossFiles,
    &first_reference::FirstReference,
    &undefined_abbreviation::UndefinedAbbreviation,
    &wrong_title::WrongTitle,
    &given_name_reference::GivenNameReference,
    &name_order::NameOrder,
];

/// The rule with this code or name (`CD001` or `misspelled-name`, any case).
pub fn find_rule(code_or_name: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|r| {
        let m = r.meta();
        m.code.eq_ignore_ascii_case(code_or_name) || m.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// The entity as diagnostics name it.
pub(crate) fn entity_ref(e: &Entity) -> EntityRef {
    EntityRef {
        id: e.id.clone(),
        name: e.name.clone(),
        kind: e.kind,
        description: e.description.clone(),
    }
}

/// The secondary label at the correct spelling, when the document has one
/// apart from the finding itself.
pub(crate) fn related_label(cx: &Context<'_>, related: Option<Span>, finding: Span) -> Vec<Related> {
    match related {
        Some(span) if !span.is_empty() && !span.overlaps(finding) => vec![Related {
            doc: cx.doc.id,
            span,
            message: format!("written `{}` here", span.slice(&cx.doc.text)),
        }],
        _ => Vec::new(),
    }
}

/// Every form of every entity that the words of a mention spell exactly:
/// the mention's own form and those of the entities that share it
/// (namesakes, an abbreviation of two bodies).
pub(crate) fn forms_of<'d>(cx: &Context<'d>, m: &Mention) -> Vec<Form<'d>> {
    let words: Option<Vec<_>> = m.tokens.clone().map(|i| cx.analysis.dict_id(i)).collect();
    let mut forms: Vec<Form<'d>> = words
        .iter()
        .flat_map(|w| cx.dict.index.exact_forms(w))
        .map(|f| cx.dict.form(f))
        .collect();
    forms.dedup();
    forms
}
