//! CD013 given-name-reference: a person whose family name comes first
//! ("Xi Jinping") referred to by the given name ("Jinping said").

use super::{Context, Rule, RuleMeta, entity_ref};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Related, Severity};
use crate::entity::EntityId;
use crate::matcher::people::FullName;
use crate::thresholds;
use crate::words::{Gap, is_all_caps, is_capitalized, is_title_word, one_line};

/// CD013; see [`META`]'s documentation.
pub(crate) struct GivenNameReference;

static META: RuleMeta = RuleMeta {
    code: "CD013",
    name: "given-name-reference",
    default_severity: Severity::Warning,
    default_enabled: true,
    summary: "a person whose family name comes first referred to by the given name",
    docs: r#"# CD013 given-name-reference

## What it does
Chinese, Korean, Vietnamese, Hungarian and many other names put the family
name first: Xi Jinping's family name is Xi, Kim Jong Un's is Kim. Writers used
to names that end in the family name take the last word for the surname and
write "Jinping said" or "President Jinping". This rule flags such a reference
by the given name alone, with the family name as the suggestion.

It needs the dictionaries to say which word is the family name (`family-name`
in a dictionary entry; the world-leaders dictionary has it from the CIA World
Factbook) and the story to name the person in full. A person counts as named
family name first when the dictionary's name puts the family name first
("Xi Jinping"), or when the story writes a known name that way ("Orbán
Viktor" for the dictionary's "Viktor Orbán").

Held back inside quotations, when the given name is part of a longer name
("Jinping Xi" is for CD014) or of a hyphenated compound ("Jinping-era"), and
when the given name stands in another name of the story ("Yi" of "Wang Yi"
beside "Yi Gang"). A given name alone in a story that never gives the full
name is not flagged.

## Why is this bad?
Calling someone by the given name in news copy is either over-familiar or,
far more often, a mistake about which word is the surname, and readers who
know the convention notice it at once.

## Example
```text
President Xi Jinping met the delegation. Later, Jinping said the talks went well.
```
is reported as
```text
warning[CD013]: `Jinping` is the given name of `Xi Jinping`; the family name, `Xi`, comes first
```
Accepted: "Xi said", "President Xi", "Xi Jinping", and given names of people
whose family name comes last ("Jen said" after "Jen Daskal").

## Fix safety
Safe: the dictionary says which word is the family name, and the story names
the person in full.
"#,
};

/// A person the story names family name first.
struct Person<'a> {
    entity: EntityId,
    /// The folded words of the given name.
    given: Vec<&'a str>,
    /// The full name as first written.
    name: &'a FullName,
    /// The family name as the dictionary writes it.
    family: String,
}

impl Rule for GivenNameReference {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        let text = cx.doc.text.as_str();
        let people = a.people(cx.doc, cx.dict);
        let mut persons: Vec<Person<'_>> = Vec::new();
        for n in &people.full_names {
            // Written family name first, as the dictionary writes it ("Xi
            // Jinping") or against its order ("Orbán Viktor").
            let Some(entity) = n.entity else { continue };
            if !n.family_first() || persons.iter().any(|p| p.entity == entity) {
                continue;
            }
            let Some(family) = cx.dict.entity(entity).family_name() else {
                continue;
            };
            let given = n.given();
            if given.is_empty() || given.len() > thresholds::GIVEN_REFERENCE_MAX_WORDS {
                continue;
            }
            // Each word capitalised, or a lower-case piece after a hyphen ("Jae-in").
            let well_formed = given.clone().all(|i| {
                let w = a.tokens[i].span.slice(text);
                is_capitalized(w) || (i > given.start && a.tokens[i].gap == Gap::Hyphen)
            });
            if !well_formed {
                continue;
            }
            persons.push(Person {
                entity,
                given: given.map(|i| a.folded(i)).collect(),
                name: n,
                family: family.to_owned(),
            });
        }
        if persons.is_empty() {
            return;
        }
        // For each token, the length of the longest mention that holds it
        // (found once: a long document has many mentions and many tokens).
        let mut in_mention = vec![0usize; a.tokens.len()];
        for m in &a.mentions {
            for t in m.tokens.clone() {
                in_mention[t] = in_mention[t].max(m.tokens.len());
            }
        }
        for p in &persons {
            let k = p.given.len();
            // The given name in another name of the story ("Yi Gang" beside
            // "Wang Yi"): someone else may be meant.
            let mut own = vec![false; a.tokens.len()];
            for n in people.full_names.iter().filter(|n| n.entity == Some(p.entity)) {
                own[n.tokens.clone()].iter_mut().for_each(|x| *x = true);
            }
            let shared = a.runs.iter().any(|r| {
                let caps: Vec<&str> = r
                    .tokens
                    .clone()
                    .filter(|&i| a.tokens[i].capitalized && !is_title_word(a.folded(i)))
                    .map(|i| a.folded(i))
                    .collect();
                caps.len() >= 2
                    && caps != p.given
                    && r.tokens.clone().any(|i| a.folded(i) == p.given[0] && !own[i])
            });
            if shared {
                continue;
            }
            for i in 0..a.tokens.len().saturating_sub(k - 1) {
                if (0..k).any(|j| a.folded(i + j) != p.given[j]) {
                    continue;
                }
                if !is_lone_given(cx, people, &in_mention, i, k) {
                    continue;
                }
                let span = a.span_of(i..i + k);
                let found = span.slice(text);
                let name_span = a.span_of(p.name.tokens.clone());
                let name = one_line(name_span.slice(text));
                let replacement = if is_all_caps(found) {
                    p.family.to_uppercase()
                } else {
                    p.family.clone()
                };
                let message = format!(
                    "`{}` is the given name of `{name}`; the family name, `{}`, comes first",
                    one_line(found),
                    p.family
                );
                out.push(
                    META.diagnostic(cx.doc, span, message)
                        .with_fix(
                            replacement.clone(),
                            Edit { span, replacement },
                            Applicability::Safe,
                        )
                        .with_entity(entity_ref(cx.dict.entity(p.entity)))
                        .with_related(vec![Related {
                            doc: cx.doc.id,
                            span: name_span,
                            message: format!("named `{name}` here"),
                        }]),
                );
            }
        }
    }
}

/// True when tokens `i..i + k` stand alone as a reference: not inside a
/// full name or a longer name, not joined by a hyphen to another word, not
/// quoted. `in_mention` gives, for each token, the length of the longest
/// mention that holds it.
fn is_lone_given(
    cx: &Context<'_>,
    people: &crate::matcher::people::People,
    in_mention: &[usize],
    i: usize,
    k: usize,
) -> bool {
    let a = cx.analysis;
    let text = cx.doc.text.as_str();
    let toks = &a.tokens;
    if !toks[i].capitalized
        || (i + 1..i + k).any(|j| toks[j].gap == Gap::Break)
        || (i..i + k).any(|j| people.in_full_name(j))
        || people.quoted(i)
    {
        return false;
    }
    if in_mention[i] > k {
        return false;
    }
    let before = i.checked_sub(1).map(|j| (j, &toks[j]));
    if let Some((j, _)) = before
        && toks[i].gap != Gap::Break
        && !toks[j].possessive
    {
        let w = toks[j].span.slice(text);
        if toks[i].gap == Gap::Hyphen || (is_capitalized(w) && !is_title_word(a.folded(j))) {
            return false;
        }
    }
    if let Some(next) = toks.get(i + k)
        && !toks[i + k - 1].possessive
        && (next.gap == Gap::Hyphen || next.gap == Gap::Space && next.capitalized)
    {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::test_util::{assert_no_diagnostics, check, newsroom};

    fn leaders() -> crate::Dictionary {
        let text = "[[entity]]\nkind = \"person\"\nname = \"Kim Jong-un\"\nfamily-name = \"Kim\"\n\n\
                    [[entity]]\nkind = \"person\"\nname = \"Moon Jae-in\"\nfamily-name = \"Moon\"\n\n\
                    [[entity]]\nkind = \"person\"\nname = \"Viktor Orbán\"\n\n\
                    [[entity]]\nkind = \"person\"\nname = \"Wang Yi\"\nfamily-name = \"Wang\"\n";
        crate::test_util::dictionary("leaders.toml", text)
    }

    #[test]
    fn given_name_after_the_full_name() {
        let text = "President Xi Jinping met the delegation. Later, Jinping said the talks went well.";
        assert_eq!(
            check(text, &newsroom(), "CD013"),
            "1:49-1:56 CD013 warning `Jinping` is the given name of `Xi Jinping`; the family name, `Xi`, comes first => [Xi] fix safe 1:49-1:56 `Xi`; related 1:11 `Xi Jinping`"
        );
    }

    #[test]
    fn after_a_title_and_in_a_headline() {
        let text = "Jinping to visit Moscow\n\nChinese leader Xi Jinping will travel on Monday, and President Jinping will meet officials.";
        assert_eq!(
            check(text, &newsroom(), "CD013"),
            "1:1-1:8 CD013 warning `Jinping` is the given name of `Xi Jinping`; the family name, `Xi`, comes first => [Xi] fix safe 1:1-1:8 `Xi`; related 3:16 `Xi Jinping`\n\
             3:64-3:71 CD013 warning `Jinping` is the given name of `Xi Jinping`; the family name, `Xi`, comes first => [Xi] fix safe 3:64-3:71 `Xi`; related 3:16 `Xi Jinping`"
        );
    }

    #[test]
    fn given_names_of_two_words_and_with_a_hyphen() {
        let text = "Kim Jong Un fired a missile. Jong Un watched it. Moon Jae-in protested, and Jae-in's aides agreed.";
        assert_eq!(
            check(text, &leaders(), "CD013"),
            "1:30-1:37 CD013 warning `Jong Un` is the given name of `Kim Jong Un`; the family name, `Kim`, comes first => [Kim] fix safe 1:30-1:37 `Kim`; related 1:1 `Kim Jong Un`\n\
             1:77-1:83 CD013 warning `Jae-in` is the given name of `Moon Jae-in`; the family name, `Moon`, comes first => [Moon] fix safe 1:77-1:83 `Moon`; related 1:50 `Moon Jae-in`"
        );
    }

    #[test]
    fn a_name_written_the_hungarian_way() {
        // The dictionary writes "Viktor Orbán"; the story puts the family name first.
        let text = "Prime minister Orbán Viktor spoke. Viktor said Hungary would attend.";
        assert_eq!(
            check(text, &leaders(), "CD013"),
            "1:36-1:42 CD013 warning `Viktor` is the given name of `Orbán Viktor`; the family name, `Orbán`, comes first => [Orbán] fix safe 1:36-1:42 `Orbán`; related 1:16 `Orbán Viktor`"
        );
        // Written with the family name last, the story follows English usage:
        // a given name alone is another matter (not this rule's).
        assert_no_diagnostics(
            "Prime minister Viktor Orbán spoke. Viktor said Hungary would attend.",
            &leaders(),
            "CD013",
        );
    }

    #[test]
    fn family_name_references_are_accepted() {
        let n = newsroom();
        assert_no_diagnostics(
            "Xi Jinping arrived. Xi said the talks went well, and President Xi left.",
            &n,
            "CD013",
        );
        // Given names of names that end in the family name.
        assert_no_diagnostics("Jen Daskal arrived. Jen said hello.", &n, "CD013");
        // Quoted, part of a longer word, or with no full name in the story.
        assert_no_diagnostics(
            "Xi Jinping arrived. \u{201c}Jinping is tired,\u{201d} an aide said. Jinping-era rules stay.",
            &n,
            "CD013",
        );
        assert_no_diagnostics("Jinping said the talks went well.", &n, "CD013");
    }

    #[test]
    fn another_person_with_the_given_name() {
        // "Yi" of "Wang Yi" is also the family name of "Yi Gang".
        assert_no_diagnostics(
            "Wang Yi met Yi Gang on Monday. Yi said the talks went well.",
            &leaders(),
            "CD013",
        );
    }
}
