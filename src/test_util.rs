//! Helpers for rule tests: a fixed test dictionary and a compact rendering
//! of diagnostics that tests compare as text.

use crate::dictionary::{DictSource, Dictionary};
use crate::document::{Document, DocumentId, Format};
use crate::linter::{Settings, lint};
use crate::rules::find_rule;

/// A small dictionary for rule tests, independent of the shipped ones.
pub(crate) fn newsroom() -> Dictionary {
    let text = r#"
[[entity]]
kind = "place"
name = "Australia"

[[entity]]
kind = "place"
name = "Austria"

[[entity]]
kind = "person"
name = "Alexandria Ocasio-Cortez"
roles = [{ title = "Representative", org = "United States House of Representatives", from = "2019-01-03" }]

[[entity]]
kind = "person"
name = "Antony Blinken"
roles = [
  { title = "Deputy Secretary of State", from = "2015-01-09", to = "2017-01-20" },
  { title = "Secretary of State", from = "2021-01-26", to = "2025-01-20" },
]

[[entity]]
kind = "organization"
name = "Bank for International Settlements"
abbreviations = ["BIS"]
ambiguous = ["BIS"]

[[entity]]
kind = "person"
name = "Brenda Jones"

[[entity]]
kind = "organization"
name = "Bureau of Industry and Security"
abbreviations = ["BIS"]
ambiguous = ["BIS"]

[[entity]]
kind = "organization"
name = "Counternarcotics Working Group"

[[entity]]
kind = "organization"
name = "Department of Homeland Security"
aliases = ["Homeland Security Department"]
abbreviations = ["DHS"]

[[entity]]
kind = "organization"
name = "Department of the Treasury"
aliases = ["Treasury Department"]
variants = ["Department of Treasury"]

[[entity]]
kind = "person"
name = "Elizabeth Warren"
roles = [{ title = "Senator", org = "United States Senate", from = "2013-01-03" }]

[[entity]]
kind = "organization"
name = "European Commission"
abbreviations = ["EC"]

[[entity]]
kind = "person"
name = "Janet Yellen"
roles = [
  { title = "Chair of the Federal Reserve", from = "2014-02-03", to = "2018-02-03" },
  { title = "Secretary of the Treasury", from = "2021-01-26", to = "2025-01-20" },
]

[[entity]]
kind = "person"
name = "Jennifer Daskal"
aliases = ["Jen Daskal"]
titles = ["Deputy Homeland Security Advisor"]
description = "US Deputy Homeland Security Advisor"

[[entity]]
kind = "person"
name = "Joe Biden"
roles = [
  { title = "Senator", org = "United States Senate", from = "1973-01-03", to = "2009-01-15" },
  { title = "Vice President", org = "United States", from = "2009-01-20", to = "2017-01-20" },
  { title = "President", org = "United States", from = "2021-01-20", to = "2025-01-20" },
]

[[entity]]
kind = "person"
name = "Katherine Clark"

[[entity]]
kind = "person"
name = "Marco Rubio"
roles = [{ title = "Secretary of State", org = "Department of State" }]

[[entity]]
kind = "organization"
name = "National Aeronautics and Space Administration"
abbreviations = ["NASA"]
well-known = true

[[entity]]
kind = "organization"
name = "National Defense University"

[[entity]]
kind = "organization"
name = "Office of National Drug Control Policy"
abbreviations = ["ONDCP"]

[[entity]]
kind = "person"
name = "Nicholas Burns"
misspellings = ["Nicolas Burns"]
titles = ["Ambassador"]

[[entity]]
kind = "organization"
name = "U.S. Customs and Border Protection"
abbreviations = ["CBP"]

[[entity]]
kind = "person"
name = "Xi Jinping"
family-name = "Xi"

[[entity]]
kind = "person"
name = "Yvette Clarke"

[[entity]]
kind = "person"
name = "Zack Space"
"#;
    dictionary("test.toml", text)
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
