//! CD001 misspelled-name: a near miss of a dictionary entity, or one of its
//! listed misspellings.

use super::{Context, Rule, RuleMeta, entity_ref, related_label};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Severity};
use crate::entity::FormKind;
use crate::matcher::Match;
use crate::thresholds;

/// CD001; see [`META`]'s documentation.
pub(crate) struct MisspelledName;

static META: RuleMeta = RuleMeta {
    code: "CD001",
    name: "misspelled-name",
    default_severity: Severity::Error,
    default_enabled: true,
    summary: "a near miss of a dictionary entity, or one of its listed misspellings",
    docs: r#"# CD001 misspelled-name

## What it does
Flags a name that is one or two letters away from a name the dictionaries
know ("Jennifer Deskel" for "Jennifer Daskal", "Counternarctoics Working
Group" for "Counternarcotics Working Group"), and any form a dictionary lists
under `misspellings`.

Each near miss is weighed by one calibrated decision (shared with CD002 and
CD005): how the words differ, what the lexicon and the dictionaries know of
each (a common word, a frequent surname, another entity and how prominent),
and what the document says (the rest of the name, a title of the entity, the
entity spelled right elsewhere, the reference pattern). Its `confidence` is
in the JSON output; 0.7 or more is reported. Knowing a word weighs but does
not veto: "Gonzalez" for "Gonzales" is found when the story names the
attorney general. A lone word with nothing around it is taken for a slip only
of a prominent entity (a country, a head of government) or of the newsroom's
own dictionary; "Clark" and "Clarke" written as two people are left alone.

## Why is this bad?
Misspelled names are among the most frequent corrections newspapers print.

## Example
```text
Deputy Homeland Security Advisor Jen Daskal ...
The group was led by Jennifer Deskel.
```
is reported as
```text
error[CD001]: `Jennifer Deskel` looks like a misspelling of `Jennifer Daskal`
```
Accepted: `Jennifer Daskal`, `Jen Daskal` (an alias), and names the
dictionaries do not know.

## Fix safety
Listed misspellings have a safe fix. A near miss has a safe fix, and is an
error, when it is confident (0.85 or more) and the document, a title or more
of the name than a given name confirms the entity; otherwise the fix is
unsafe and the finding is a warning.
"#,
};

impl Rule for MisspelledName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for m in &cx.analysis.mentions {
            let found = m.span.slice(&cx.doc.text);
            match &m.matched {
                Match::Known { form, .. } => {
                    let form = cx.dict.form(*form);
                    if form.kind != FormKind::Misspelling {
                        continue;
                    }
                    let entity = cx.dict.entity(form.entity);
                    let message = format!("`{found}` is a known misspelling of `{}`", entity.name);
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
                Match::Near(near) => {
                    let entity = cx.dict.entity(near.entity);
                    let confident = near.confidence >= thresholds::SAFE_CONFIDENCE;
                    // The fix is safe only where the document or the rest
                    // of the name confirms which entity is meant; a given
                    // name alone confirms no one, many people share it.
                    let weak_rest = near.features.person_family_off > 0.0;
                    let confirmed = near.evidence.attested
                        || near.evidence.title
                        || near.evidence.rest_of_name && !weak_rest;
                    // An error is a finding with a safe fix; the rest are
                    // warnings to review.
                    let (severity, applicability) = if confident && confirmed {
                        (Severity::Error, Applicability::Safe)
                    } else {
                        (Severity::Warning, Applicability::Unsafe)
                    };
                    let message = format!("`{found}` looks like a misspelling of `{}`", near.replacement);
                    let edit = Edit {
                        span: near.edit.0,
                        replacement: near.edit.1.clone(),
                    };
                    let mut d = META
                        .diagnostic(cx.doc, m.span, message)
                        .with_fix(near.replacement.clone(), edit, applicability)
                        .with_entity(entity_ref(entity))
                        .with_related(related_label(cx, near.related, m.span));
                    d.severity = severity;
                    d.confidence = Some(near.confidence);
                    out.push(d);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_util::{check, newsroom};

    #[test]
    fn flags_near_miss_confirmed_by_the_document() {
        let text =
            "Deputy Homeland Security Advisor Jen Daskal spoke.\n\nThe group was led by Jennifer Deskel.";
        assert_eq!(
            check(text, &newsroom(), "CD001"),
            "3:22-3:37 CD001 error `Jennifer Deskel` looks like a misspelling of `Jennifer Daskal` => [Jennifer Daskal] fix safe 3:31-3:37 `Daskal`; related 1:34 `Jen Daskal`"
        );
    }

    #[test]
    fn near_miss_of_a_surname_needs_more_than_the_given_name_for_a_safe_fix() {
        // Nothing else in the story: a given name confirms no one.
        let text = "The group was led by Jennifer Deskel.";
        assert_eq!(
            check(text, &newsroom(), "CD001"),
            "1:22-1:37 CD001 warning `Jennifer Deskel` looks like a misspelling of `Jennifer Daskal` => [Jennifer Daskal] fix unsafe 1:31-1:37 `Daskal`"
        );
    }

    #[test]
    fn one_word_of_an_organisation() {
        let text = "Counternarcotics Working Group\n\nCounternarctoics Working Group\n";
        assert_eq!(
            check(text, &newsroom(), "CD001"),
            "3:1-3:31 CD001 error `Counternarctoics Working Group` looks like a misspelling of `Counternarcotics Working Group` => [Counternarcotics Working Group] fix safe 3:1-3:17 `Counternarcotics`; related 1:1 `Counternarcotics Working Group`"
        );
    }

    #[test]
    fn listed_misspelling_has_a_safe_fix() {
        let text = "Lawmakers met Nicolas Burns on Monday.";
        assert_eq!(
            check(text, &newsroom(), "CD001"),
            "1:15-1:28 CD001 error `Nicolas Burns` is a known misspelling of `Nicholas Burns` => [Nicholas Burns] fix safe 1:15-1:28 `Nicholas Burns`"
        );
    }

    #[test]
    fn surname_alone_is_a_safe_fix_only_with_the_document() {
        let n = newsroom();
        // Attested: the right surname stands in the story.
        assert_eq!(
            check("Jen Daskal arrived. Later Daskel left.", &n, "CD001"),
            "1:27-1:33 CD001 error `Daskel` looks like a misspelling of `Daskal` => [Daskal] fix safe 1:27-1:33 `Daskal`; related 1:1 `Jen Daskal`"
        );
        // Not attested, no title: a near miss of the newsroom's own entity is
        // still taken for a slip, but only to review (a lone near miss of an
        // obscure built-in namesake is not reported: tests/it/decision.rs).
        assert_eq!(
            check("Later Daskel left.", &n, "CD001"),
            "1:7-1:13 CD001 warning `Daskel` looks like a misspelling of `Daskal` => [Daskal] fix unsafe 1:7-1:13 `Daskal`"
        );
    }

    #[test]
    fn different_real_names_are_not_flagged() {
        let n = newsroom();
        // Both known: exact beats near.
        assert_eq!(
            check(
                "Katherine Clark and Yvette Clarke met. Clark left, Clarke stayed.",
                &n,
                "CD001"
            ),
            ""
        );
        assert_eq!(check("Austria and Australia signed.", &n, "CD001"), "");
        // Jonas introduced with a full name of his own is not a slip for Jones.
        assert_eq!(check("Brenda Jones met Nick Jonas. Jonas sang.", &n, "CD001"), "");
        // A given name the dictionary does not pair with the surname.
        assert_eq!(check("Nick Jonas sang.", &n, "CD001"), "");
    }

    #[test]
    fn english_spellings_and_ordinary_words_are_not_slips() {
        let n = newsroom();
        // British and American spellings of one word: another name, not a slip.
        assert_eq!(
            check(
                "She studied at National Defence University in Islamabad.",
                &n,
                "CD001"
            ),
            ""
        );
        // "Space" is an ordinary word, not a distinctive part of NASA's name.
        assert_eq!(
            check("NASA and SpaceX launched. SpaceX said so.", &n, "CD001"),
            ""
        );
        // A surname elsewhere in the story as a plain word is no mention of the person.
        assert_eq!(
            check("At Kennedy Space Center, SpaceX launched.", &n, "CD001"),
            ""
        );
        // A real slip in the distinctive word is still found.
        assert_eq!(
            check("Officers of the National Defense Univresity spoke.", &n, "CD001"),
            "1:17-1:44 CD001 error `National Defense Univresity` looks like a misspelling of `National Defense University` => [National Defense University] fix safe 1:34-1:44 `University`"
        );
    }

    #[test]
    fn exact_and_alias_forms_are_accepted() {
        let n = newsroom();
        assert_eq!(
            check("Jennifer Daskal and Jen Daskal and Nicholas Burns.", &n, "CD001"),
            ""
        );
    }

    fn places() -> crate::Dictionary {
        let text = "[[entity]]\nkind = \"place\"\nname = \"Guinea\"\n\n\
                    [[entity]]\nkind = \"place\"\nname = \"Equatorial Guinea\"\n\n\
                    [[entity]]\nkind = \"place\"\nname = \"Turkey\"\n\n\
                    [[entity]]\nkind = \"place\"\nname = \"United States\"\nabbreviations = [\"U.S.\"]\n";
        crate::test_util::dictionary("places.toml", text)
    }

    #[test]
    fn a_longer_name_misspelled_around_a_shorter_one() {
        // "Guinea" matches exactly, but the name written is Equatorial Guinea.
        assert_eq!(
            check(
                "Equatorial Guinea voted. Equatoriol Guinea abstained later.",
                &places(),
                "CD001"
            ),
            "1:26-1:43 CD001 error `Equatoriol Guinea` looks like a misspelling of `Equatorial Guinea` => [Equatorial Guinea] fix safe 1:26-1:36 `Equatorial`; related 1:1 `Equatorial Guinea`"
        );
        // An exact name followed by a sentence's first word is no name missing a word.
        assert_eq!(
            check("He left the U.S. The trip was long.", &places(), "CD001"),
            ""
        );
    }

    #[test]
    fn a_one_word_name_that_is_also_a_word_is_distinctive() {
        // "Turkey" is an English word, but it is the whole name of the country.
        assert_eq!(
            check("Turkey objected. Envoys from Tukrey said so.", &places(), "CD001"),
            "1:30-1:36 CD001 error `Tukrey` looks like a misspelling of `Turkey` => [Turkey] fix safe 1:30-1:36 `Turkey`; related 1:1 `Turkey`"
        );
    }
}
