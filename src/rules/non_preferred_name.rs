//! CD003 non-preferred-name.

use super::{Context, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};

/// CD003: see [`META`].
pub(crate) struct NonPreferredName;

static META: RuleMeta = RuleMeta {
    code: "CD003",
    name: "non-preferred-name",
    default_severity: Severity::Warning,
    summary: "a form the dictionary lists as a variant, not house style",
    docs: "",
};

impl Rule for NonPreferredName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
}
