//! CD002 inconsistent-name: one name spelled two ways in one document.

use super::{Context, Rule, RuleMeta};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Related, Severity};
use crate::thresholds;

/// CD002; see [`META`]'s documentation.
pub(crate) struct InconsistentName;

static META: RuleMeta = RuleMeta {
    code: "CD002",
    name: "inconsistent-name",
    default_severity: Severity::Error,
    default_enabled: true,
    summary: "one name spelled two ways in one document",
    docs: r#"# CD002 inconsistent-name

## What it does
Compares the names of a document with each other, with no dictionary needed,
and flags a name word that looks like another name word of the same story
misspelled: "Jen Daskal" in one paragraph and "Jennifer Deskel" in another,
"Counternarcotics" in the title and "Counternarctoics" in a heading.

Each pair is weighed both ways round (either spelling may be the slip) by the
calibrated decision CD001 and CD005 share: the edit (one, or two in vowels
and doubled letters or in long words), a shared neighbour (the same given name
or a nickname of it), the reference pattern of news writing (a full name
first, the surname alone later), how often each form is used, which came
first, and what the lexicon and the dictionaries know of each (an ordinary
word, a frequent surname, a known place or entity weigh against a slip but
never veto it). Its `confidence` is in the JSON output; 0.7 or more is
reported. Left alone: a plural, possessive or demonym of the other
(Texans/Texas, Indian/India), British and American spellings of one word, a
name built on a word (SpaceX), and each form after a different given name
(two people).

## Why is this bad?
Most misspelled names are caught by the story itself: the name is right in one
paragraph and wrong in another.

## Example
```text
Deputy Homeland Security Advisor Jen Daskal ...
The group was led by Jennifer Deskel.
```
is reported as
```text
error[CD002]: `Deskel` may be a misspelling of `Daskal`: `Daskal` 1x, `Deskel` 1x
```
Accepted: "Austria" and "Australia", "Nick Jonas" and "Brenda Jones", "Bill
Clinton" and "Hillary Clinton".

## Fix safety
Safe when the evidence is strong (a shared given name or next word, or the
reference pattern, with a close spelling); otherwise unsafe.
"#,
};

impl Rule for InconsistentName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        let names = a.names();
        for inc in &a.inconsistencies {
            let wrong = &names[inc.wrong];
            let right_span = a.tokens[inc.right_use].span;
            let right_surface = right_span.slice(&cx.doc.text).to_owned();
            let mut message = match inc.surname {
                Some(s) => {
                    let surname = &names[s].surface;
                    format!(
                        "`{} {surname}` may be a wrong given name: `{right_surface} {surname}` {}x, `{} {surname}` {}x",
                        wrong.surface, inc.counts.0, wrong.surface, inc.counts.1
                    )
                }
                None => format!(
                    "`{}` may be a misspelling of `{right_surface}`: `{right_surface}` {}x, `{}` {}x",
                    wrong.surface, inc.counts.0, wrong.surface, inc.counts.1
                ),
            };
            if inc.right_known {
                message.push_str(&format!("; the dictionary knows `{right_surface}`"));
            }
            let confident = inc.confidence >= thresholds::SAFE_CONFIDENCE;
            // A wrong given name is never fixed automatically: namesakes exist.
            // An error is a finding with a safe fix; the rest are warnings.
            let (severity, applicability) = if confident && inc.surname.is_none() {
                (Severity::Error, Applicability::Safe)
            } else {
                (Severity::Warning, Applicability::Unsafe)
            };
            for &t in &inc.tokens {
                let span = a.tokens[t].span;
                let found = span.slice(&cx.doc.text);
                let replacement = if crate::words::is_all_caps(found) {
                    right_surface.to_uppercase()
                } else {
                    right_surface.clone()
                };
                let related = Related {
                    doc: cx.doc.id,
                    span: right_span,
                    message: format!("spelled `{right_surface}` here"),
                };
                let edit = Edit {
                    span,
                    replacement: replacement.clone(),
                };
                let mut d = META
                    .diagnostic(cx.doc, span, message.clone())
                    .with_fix(replacement, edit, applicability)
                    .with_related(vec![related]);
                d.severity = severity;
                d.confidence = Some(inc.confidence);
                out.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::dictionary::Dictionary;
    use crate::test_util::{assert_no_diagnostics, check, newsroom};

    fn none() -> Dictionary {
        Dictionary::empty()
    }

    #[test]
    fn shared_given_name_nickname() {
        let text =
            "Deputy Homeland Security Advisor Jen Daskal spoke.\n\nThe group was led by Jennifer Deskel.";
        assert_eq!(
            check(text, &none(), "CD002"),
            "3:31-3:37 CD002 warning `Deskel` may be a misspelling of `Daskal`: `Daskal` 1x, `Deskel` 1x => [Daskal] fix unsafe 3:31-3:37 `Daskal`; related 1:38 `Daskal`"
        );
    }

    #[test]
    fn shared_next_word() {
        let text = "Counternarcotics Working Group\n\nThe Counternarcotics Working Group met.\n\nCounternarctoics Working Group\n";
        assert_eq!(
            check(text, &none(), "CD002"),
            "5:1-5:17 CD002 error `Counternarctoics` may be a misspelling of `Counternarcotics`: `Counternarcotics` 2x, `Counternarctoics` 1x => [Counternarcotics] fix safe 5:1-5:17 `Counternarcotics`; related 1:1 `Counternarcotics`"
        );
    }

    #[test]
    fn reference_pattern_surname_alone() {
        let text = "Prime Minister Youssef Chahed resigned. Chhaed said he would stay on.";
        assert_eq!(
            check(text, &none(), "CD002"),
            "1:41-1:47 CD002 error `Chhaed` may be a misspelling of `Chahed`: `Chahed` 1x, `Chhaed` 1x => [Chahed] fix safe 1:41-1:47 `Chahed`; related 1:24 `Chahed`"
        );
    }

    #[test]
    fn dictionary_knows_the_right_form() {
        // With the dictionary, CD001 reports the full name; CD002 stays quiet on it.
        let text = "Jen Daskal spoke.\n\nThe group was led by Jennifer Deskel.";
        assert_no_diagnostics(text, &newsroom(), "CD002");
        // A surname alone that CD001 already reports is not reported twice.
        let text = "Brenda Jones spoke. Then Jonnes left.";
        assert_no_diagnostics(text, &newsroom(), "CD002");
        assert_eq!(
            crate::test_util::check(text, &newsroom(), "CD001"),
            "1:26-1:32 CD001 error `Jonnes` looks like a misspelling of `Jones` => [Jones] fix safe 1:26-1:32 `Jones`; related 1:1 `Brenda Jones`"
        );
    }

    #[test]
    fn different_real_names_are_not_flagged() {
        let d = none();
        assert_no_diagnostics(
            "Austria and Australia signed a treaty. Austria said so.",
            &d,
            "CD002",
        );
        assert_no_diagnostics("Brenda Jones met Nick Jonas. Jonas sang.", &d, "CD002");
        assert_no_diagnostics("Bill Clinton and Hillary Clinton spoke.", &d, "CD002");
        // Both used repeatedly: two names.
        assert_no_diagnostics("Mr Jones and Mr Jonas. Jones said. Jonas said.", &d, "CD002");
        // Word forms.
        assert_no_diagnostics("The Texans left Texas. Indian officials in India.", &d, "CD002");
        // An ordinary word used in lower case elsewhere.
        assert_no_diagnostics("Parry met the party. Party officials agreed.", &d, "CD002");
    }

    #[test]
    fn frequency_decides_which_form_is_wrong() {
        let text =
            "Cyclone Phailin hit Odisha. Phailin weakened. Officials said Phalin had passed. Phailin left.";
        assert_eq!(
            check(text, &none(), "CD002"),
            "1:62-1:68 CD002 error `Phalin` may be a misspelling of `Phailin`: `Phailin` 3x, `Phalin` 1x => [Phailin] fix safe 1:62-1:68 `Phailin`; related 1:9 `Phailin`"
        );
    }

    #[test]
    fn different_places_are_not_flagged() {
        let d = none();
        // Different first letters without shared context.
        assert_no_diagnostics(
            "Flights from Bangalore and Mangalore resumed. Bangalore airport reopened.",
            &d,
            "CD002",
        );
        // One name extended by letters: Tunis is the capital of Tunisia.
        assert_no_diagnostics("Protests in Tunisia reached Tunis. Tunisia said so.", &d, "CD002");
    }

    #[test]
    fn another_given_name_is_another_person() {
        // With no dictionary to say who is meant, another given name before
        // one surname is weighed as another person: fitted, a real given name
        // for another is rarely a slip in a story (CD001 catches it when the
        // dictionary knows the person; see tests/it/decision.rs).
        let text = "NASA chief Charles Bolden spoke. Charles Bolden said more. \
                    Later, Christian Bolden left. Bolden smiled.";
        assert_no_diagnostics(text, &none(), "CD002");
        // A family story: two people with one surname.
        assert_no_diagnostics(
            "Charles Bolden and his brother Christian Bolden spoke. Charles Bolden said more.",
            &none(),
            "CD002",
        );
        // Two given names used twice each: two people.
        assert_no_diagnostics(
            "Bill Clinton met Hillary Clinton. Bill Clinton and Hillary Clinton left.",
            &none(),
            "CD002",
        );
    }

    #[test]
    fn lexicon_lowers_but_does_not_veto() {
        // "Gonzalez" is a frequent surname, but the shared given name carries it.
        let text = "Alberto Gonzales testified. Later Alberto Gonzalez left.";
        assert_eq!(
            check(text, &none(), "CD002"),
            "1:43-1:51 CD002 warning `Gonzalez` may be a misspelling of `Gonzales`: `Gonzales` 1x, `Gonzalez` 1x => [Gonzales] fix unsafe 1:43-1:51 `Gonzales`; related 1:9 `Gonzales`"
        );
    }
}
