//! CD004 name-case.

use super::{Context, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};

/// CD003: see [`META`].
pub(crate) struct NameCase;

static META: RuleMeta = RuleMeta {
    code: "CD004",
    name: "name-case",
    default_severity: Severity::Warning,
    summary: "a known name with wrong capitalisation",
    docs: "",
};

impl Rule for NameCase {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
}
