//! CD003 non-preferred-name: a form the dictionary lists as a variant.

use super::{Context, Rule, RuleMeta, entity_ref};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Severity};
use crate::entity::FormKind;
use crate::matcher::{CaseMatch, Match};

/// CD003; see [`META`]'s documentation.
pub(crate) struct NonPreferredName;

static META: RuleMeta = RuleMeta {
    code: "CD003",
    name: "non-preferred-name",
    default_severity: Severity::Warning,
    default_enabled: true,
    summary: "a form the dictionary lists as a variant, not house style",
    docs: r#"# CD003 non-preferred-name

## What it does
Flags a form that a dictionary lists under `variants` of an entity: a form
readers understand but that is not the house style ("Department of Treasury"
for "Department of the Treasury").

## Why is this bad?
A story, and a publication, should name one body one way. Variants are often
informal forms that are wrong in an official name.

## Example
```text
officials from the Department of Treasury
```
is reported as
```text
warning[CD003]: `Department of Treasury` is not the house style for `Department of the Treasury`
```
Accepted: the canonical name and its aliases ("Treasury Department").

## Fix safety
Safe: the dictionary says which form is preferred.
"#,
};

impl Rule for NonPreferredName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for m in &cx.analysis.mentions {
            let Match::Known { form, case } = m.matched else {
                continue;
            };
            let form = cx.dict.form(form);
            if form.kind != FormKind::Variant || !matches!(case, CaseMatch::Exact | CaseMatch::Styled) {
                continue;
            }
            let entity = cx.dict.entity(form.entity);
            let message = format!(
                "`{}` is not the house style for `{}`",
                m.span.slice(&cx.doc.text),
                entity.name
            );
            let edit = Edit {
                span: m.span,
                replacement: entity.name.clone(),
            };
            out.push(
                META.diagnostic(cx.doc, m.span, message)
                    .with_fix(entity.name.clone(), edit, Applicability::Safe)
                    .with_entity(entity_ref(entity)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_util::{assert_no_diagnostics, check, newsroom};

    #[test]
    fn flags_a_listed_variant() {
        assert_eq!(
            check(
                "Officials from the Department of Treasury came.",
                &newsroom(),
                "CD003"
            ),
            "1:20-1:42 CD003 warning `Department of Treasury` is not the house style for `Department of the Treasury` => [Department of the Treasury] fix safe 1:20-1:42 `Department of the Treasury`"
        );
    }

    #[test]
    fn accepts_name_and_aliases() {
        let n = newsroom();
        assert_no_diagnostics(
            "The Department of the Treasury and the Treasury Department.",
            &n,
            "CD003",
        );
        assert_no_diagnostics("Department of Homeland Security (DHS) staff.", &n, "CD003");
    }
}
