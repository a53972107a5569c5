//! Helpers for rule tests: a fixed test dictionary and a compact rendering
//! of diagnostics that tests compare as text.

use crate::dictionary::{DictSource, Dictionary};
use crate::document::{Document, Format};
use crate::linter::{Settings, lint};
use crate::rules::find_rule;
use crate::span::DocumentId;

/// A small dictionary for rule tests, independent of the shipped ones.
pub(crate) fn newsroom() -> Dictionary {
    dictionary("test.toml", include_str!("core/test-newsroom.toml"))
}

/// A dictionary from TOML text, for a test; panics on a broken one.
pub(crate) fn dictionary(name: &str, text: &str) -> Dictionary {
    Dictionary::load(&[DictSource {
        name: name.into(),
        text: text.into(),
    }])
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Lint `text` (plain) with one rule and render each finding on one line:
/// `line:col-line:col CODE severity message => [suggestions] fix applicability
/// line:col-line:col `replacement`; related line:col `text``.
pub(crate) fn check(text: &str, dict: &Dictionary, rule: &str) -> String {
    check_format(text, Format::Plain, dict, rule)
}

/// [`check`] for a document of any format.
pub(crate) fn check_format(text: &str, format: Format, dict: &Dictionary, rule: &str) -> String {
    check_as_of(text, format, dict, rule, None)
}

/// [`check_format`] with `--as-of` set to `as_of` (`YYYY-MM-DD`).
pub(crate) fn check_as_of(
    text: &str,
    format: Format,
    dict: &Dictionary,
    rule: &str,
    as_of: Option<&str>,
) -> String {
    let doc = Document::new(DocumentId(0), "test", text, format);
    let rule = find_rule(rule).expect("known rule");
    let mut settings = Settings::only(&[rule]);
    settings.set_as_of(as_of.map(|d| crate::entity::Date::parse(d).expect("a day")));
    let diags = lint(&doc, dict, &settings);
    let pos = |o: usize| {
        let (l, c) = doc.line_col(o);
        format!("{l}:{c}")
    };
    let mut lines = Vec::new();
    for d in diags {
        let mut s = format!(
            "{}-{} {} {} {} => [{}]",
            pos(d.span.start),
            pos(d.span.end),
            d.code,
            d.severity.as_str(),
            d.message,
            d.suggestions.join(", ")
        );
        if let Some(fix) = &d.fix {
            s.push_str(&format!(" fix {}", fix.applicability.as_str()));
            for e in &fix.edits {
                s.push_str(&format!(
                    " {}-{} `{}`",
                    pos(e.span.start),
                    pos(e.span.end),
                    e.replacement
                ));
            }
        }
        for r in &d.related {
            s.push_str(&format!(
                "; related {} `{}`",
                pos(r.span.start),
                r.span.slice(&doc.text)
            ));
        }
        lines.push(s);
    }
    lines.join("\n")
}

/// Assert that the rule finds nothing in `text`.
pub(crate) fn assert_no_diagnostics(text: &str, dict: &Dictionary, rule: &str) {
    assert_eq!(
        check(text, dict, rule),
        "",
        "expected no {rule} finding in {text:?}"
    );
}
