//! CD004 name-case: a known name written with the wrong capitals.

use super::{Context, Rule, RuleMeta, entity_ref};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Severity};
use crate::entity::FormKind;
use crate::matcher::{CaseMatch, Match};
use crate::thresholds;
use crate::words::form_words;

/// CD004; see [`META`]'s documentation.
pub(crate) struct NameCase;

static META: RuleMeta = RuleMeta {
    code: "CD004",
    name: "name-case",
    default_severity: Severity::Warning,
    default_enabled: true,
    summary: "a known name with wrong capitalisation",
    docs: r#"# CD004 name-case

## What it does
Flags a name the dictionaries know written with a lower-case letter where the
name has a capital ("department of homeland security", "Department of homeland
Security").

All-capital text (headlines), capitalised small words in title case ("Department
Of State") and a capital at the start of a sentence are accepted. A single word
is never flagged ("china" is porcelain), and neither is an all-lower-case name
of fewer than three words, which is as likely to be ordinary words.

## Why is this bad?
Proper names are capitalised; a lower-case official name reads as a slip.

## Example
```text
officials from the department of homeland security
```
is reported as
```text
warning[CD004]: `department of homeland security` should be capitalised `Department of Homeland Security`
```

## Fix safety
Safe: only the letter case changes, to the form the dictionary gives.
"#,
};

impl Rule for NameCase {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for m in &cx.analysis.mentions {
            let Match::Known {
                form,
                case: CaseMatch::Lowered,
            } = m.matched
            else {
                continue;
            };
            let form = cx.dict.form(form);
            if form.kind == FormKind::Abbreviation || form.kind == FormKind::Misspelling {
                continue;
            }
            let found = m.span.slice(&cx.doc.text);
            let words = form_words(form.text).len();
            let any_capital = found.chars().any(char::is_uppercase);
            if words < 2 || (!any_capital && words < thresholds::MIN_WORDS_ALL_LOWER) {
                continue;
            }
            let entity = cx.dict.entity(form.entity);
            let message = format!("`{found}` should be capitalised `{}`", form.text);
            let edit = Edit {
                span: m.span,
                replacement: form.text.to_owned(),
            };
            out.push(
                META.diagnostic(cx.doc, m.span, message)
                    .with_fix(form.text.to_owned(), edit, Applicability::Safe)
                    .with_entity(entity_ref(entity)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_util::{assert_no_diagnostics, check, newsroom};

    #[test]
    fn flags_lowered_names() {
        assert_eq!(
            check(
                "Staff of the department of homeland security met.",
                &newsroom(),
                "CD004"
            ),
            "1:14-1:45 CD004 warning `department of homeland security` should be capitalised `Department of Homeland Security` => [Department of Homeland Security] fix safe 1:14-1:45 `Department of Homeland Security`"
        );
        assert_eq!(
            check("Then jennifer Daskal spoke.", &newsroom(), "CD004"),
            "1:6-1:21 CD004 warning `jennifer Daskal` should be capitalised `Jennifer Daskal` => [Jennifer Daskal] fix safe 1:6-1:21 `Jennifer Daskal`"
        );
    }

    #[test]
    fn accepts_headline_styles() {
        let n = newsroom();
        assert_no_diagnostics("DEPARTMENT OF HOMELAND SECURITY WARNS", &n, "CD004");
        assert_no_diagnostics("Department Of Homeland Security Warns", &n, "CD004");
        assert_no_diagnostics("The Department of the Treasury said.", &n, "CD004");
        // Short all-lower-case phrases and single words are ordinary words.
        assert_no_diagnostics("the treasury department is a building", &n, "CD004");
        assert_no_diagnostics("austria", &n, "CD004");
    }
}
