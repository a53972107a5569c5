//! CD001 misspelled-name.

use super::{Context, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};

/// CD003: see [`META`].
pub(crate) struct MisspelledName;

static META: RuleMeta = RuleMeta {
    code: "CD001",
    name: "misspelled-name",
    default_severity: Severity::Error,
    summary: "a near miss of a dictionary entity, or one of its listed misspellings",
    docs: "",
};

impl Rule for MisspelledName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
}
