//! The linter: analyse a document once, run every enabled rule over it.

use crate::diagnostic::{Diagnostic, Severity};
use crate::dictionary::Dictionary;
use crate::document::Document;
use crate::matcher::Analysis;
use crate::rules::{Context, RULES, Rule};

/// Which rules run, at which severity.
#[derive(Clone)]
pub struct Settings {
    rules: Vec<(&'static dyn Rule, Severity)>,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.rules.iter().map(|(r, s)| (r.meta().code, s)))
            .finish()
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            rules: RULES.iter().map(|&r| (r, r.meta().default_severity)).collect(),
        }
    }
}

impl Settings {
    /// Only these rules.
    pub fn only(rules: &[&'static dyn Rule]) -> Self {
        Settings {
            rules: rules.iter().map(|&r| (r, r.meta().default_severity)).collect(),
        }
    }

    /// Turn a rule off.
    pub fn disable(&mut self, code: &str) {
        self.rules.retain(|(r, _)| r.meta().code != code);
    }

    /// Set a rule's severity.
    pub fn set_severity(&mut self, code: &str, severity: Severity) {
        for (r, s) in &mut self.rules {
            if r.meta().code == code {
                *s = severity;
            }
        }
    }

    /// The enabled rules with their severities.
    pub fn rules(&self) -> &[(&'static dyn Rule, Severity)] {
        &self.rules
    }
}

/// Lint one document: diagnostics sorted by position.
pub fn lint(doc: &Document, dict: &Dictionary, settings: &Settings) -> Vec<Diagnostic> {
    let analysis = Analysis::new(doc, dict);
    let cx = Context {
        doc,
        dict,
        analysis: &analysis,
    };
    let mut out = Vec::new();
    for &(rule, severity) in &settings.rules {
        let start = out.len();
        rule.check(&cx, &mut out);
        let default = rule.meta().default_severity;
        for d in &mut out[start..] {
            // A rule may lower a finding's severity (a weaker match); configuration
            // shifts the rule as a whole.
            if severity != default {
                d.severity = if d.severity < default {
                    d.severity.min(severity)
                } else {
                    severity
                };
            }
        }
    }
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}
