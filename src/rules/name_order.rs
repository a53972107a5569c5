//! CD014 name-order: one person's name written in both orders in one story
//! ("Xi Jinping" and "Jinping Xi").

use rustc_hash::FxHashMap as HashMap;

use super::{Context, Rule, RuleMeta, entity_ref};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Related, Severity};
use crate::entity::EntityId;
use crate::matcher::people::{FullName, NameSource, is_given_name, lex};
use crate::span::Span;
use crate::words::{form_words, is_all_caps, is_title_word, one_line};

/// CD014; see [`META`]'s documentation.
pub(crate) struct NameOrder;

static META: RuleMeta = RuleMeta {
    code: "CD014",
    name: "name-order",
    default_severity: Severity::Warning,
    default_enabled: true,
    summary: "one person's name written in both orders in one story",
    docs: r#"# CD014 name-order

## What it does
Flags a name written with its words in the other order than elsewhere in the
same story: "Xi Jinping" in one paragraph and "Jinping Xi" in another, "Kim
Jong Un" and "Jong Un Kim", "Orbán Viktor" and "Viktor Orbán".

When the dictionaries know the person, the form in the dictionary's order is
the right one and the other is flagged. Otherwise, from the story alone, two
names of two or three capitalised words whose words are the same in a
rotated order are compared, and the rarer order is flagged (on a tie, the
later one). Left alone: names containing an ordinary English word, a title
or a word in capitals, and two names that both read as a given name and a
surname ("Lee Jordan", "Jordan Lee": two people).

## Why is this bad?
Writing one name in two orders makes one person look like two, and one of
the two orders gets the family name wrong.

## Example
```text
President Xi Jinping met the delegation. Jinping Xi later said the talks went well.
```
is reported as
```text
warning[CD014]: `Jinping Xi` is `Xi Jinping` in the other order; the story also writes `Xi Jinping`
```
Accepted: one order used throughout, in either order.

## Fix safety
Safe when the dictionary knows the person and the story also writes the
name in the dictionary's order; unsafe when only the story says which order
is right.
"#,
};

impl Rule for NameOrder {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        let text = cx.doc.text.as_str();
        let people = a.people(cx.doc, cx.dict);

        // Persons of the dictionary: the order of their canonical name wins.
        let mut by_entity: HashMap<EntityId, Vec<&FullName>> = HashMap::default();
        for n in &people.full_names {
            if let (Some(e), NameSource::Dictionary | NameSource::Swapped) = (n.entity, n.source) {
                by_entity.entry(e).or_default().push(n);
            }
        }
        let mut entities: Vec<_> = by_entity.into_iter().collect();
        entities.sort_by_key(|(_, names)| names[0].tokens.start);
        for (entity, names) in entities {
            let e = cx.dict.entity(entity);
            let Some(family) = e.family_name() else { continue };
            let family_words = form_words(family);
            let canonical_first = form_words(&e.name).starts_with(&family_words);
            let Some(right) = names.iter().find(|n| n.family_first() == canonical_first) else {
                continue;
            };
            let right_span = a.span_of(right.tokens.clone());
            let right_text = one_line(right_span.slice(text));
            for n in names.iter().filter(|n| n.family_first() != canonical_first) {
                let span = a.span_of(n.tokens.clone());
                let message = format!(
                    "`{}` is `{right_text}` in the other order; the story also writes `{right_text}`",
                    one_line(span.slice(text))
                );
                out.push(
                    META.diagnostic(cx.doc, span, message)
                        .with_fix(
                            right_text.clone(),
                            Edit {
                                span,
                                replacement: right_text.clone(),
                            },
                            Applicability::Safe,
                        )
                        .with_entity(entity_ref(e))
                        .with_related(related(cx, right_span, &right_text)),
                );
            }
        }

        // From the story alone: name units whose words are the same, rotated.
        let mut known = vec![false; a.tokens.len()];
        for m in a.mentions.iter().filter(|m| m.tokens.len() >= 2) {
            known[m.tokens.clone()].iter_mut().for_each(|x| *x = true);
        }
        for n in people.full_names.iter().filter(|n| n.entity.is_some()) {
            known[n.tokens.clone()].iter_mut().for_each(|x| *x = true);
        }
        let mut groups: HashMap<Vec<&str>, Vec<(Vec<&str>, Span)>> = HashMap::default();
        for u in &people.units {
            if u.tokens.clone().any(|i| known[i]) {
                continue;
            }
            let words: Vec<&str> = u.tokens.clone().map(|i| a.folded(i)).collect();
            let plain = u.tokens.clone().all(|i| {
                let w = a.tokens[i].span.slice(text);
                let f = a.folded(i);
                !is_all_caps(w)
                    && !is_title_word(f)
                    && !lex(f).is_common_word()
                    && !w.chars().any(|c| c.is_ascii_digit())
            });
            let mut key = words.clone();
            key.sort_unstable();
            if !plain || key.windows(2).any(|w| w[0] == w[1]) {
                continue;
            }
            groups
                .entry(key)
                .or_default()
                .push((words, a.span_of(u.tokens.clone())));
        }
        let mut groups: Vec<_> = groups.into_values().collect();
        groups.sort_by_key(|g| g[0].1.start);
        for uses in groups {
            // The distinct orders, with their uses, in order of first use.
            let mut orders: Vec<(&Vec<&str>, Vec<Span>)> = Vec::new();
            for (words, span) in &uses {
                match orders.iter_mut().find(|(w, _)| *w == words) {
                    Some((_, spans)) => spans.push(*span),
                    None => orders.push((words, vec![*span])),
                }
            }
            // Two names that both read as given name and surname ("Lee
            // Jordan", "Jordan Lee") may be two people.
            let both_western = orders.iter().all(|(w, _)| is_given_name(w[0]));
            if orders.len() != 2 || !is_rotation(orders[0].0, orders[1].0) || both_western {
                continue;
            }
            // The more frequent order is right; on a tie, the first used.
            let (right, wrong) = if orders[1].1.len() > orders[0].1.len() {
                (&orders[1], &orders[0])
            } else {
                (&orders[0], &orders[1])
            };
            let right_span = right.1[0];
            let right_text = one_line(right_span.slice(text));
            for &span in &wrong.1 {
                let found = one_line(span.slice(text));
                let message = format!(
                    "`{found}` is `{right_text}` in the other order: `{right_text}` {}x, `{found}` {}x",
                    right.1.len(),
                    wrong.1.len()
                );
                out.push(
                    META.diagnostic(cx.doc, span, message)
                        .with_fix(
                            right_text.clone(),
                            Edit {
                                span,
                                replacement: right_text.clone(),
                            },
                            Applicability::Unsafe,
                        )
                        .with_related(related(cx, right_span, &right_text)),
                );
            }
        }
    }
}

/// True when `b` is `a` with its first words moved to the end.
fn is_rotation(a: &[&str], b: &[&str]) -> bool {
    a.len() == b.len() && (1..a.len()).any(|k| a[k..].iter().chain(&a[..k]).eq(b.iter()))
}

fn related(cx: &Context<'_>, span: Span, name: &str) -> Vec<Related> {
    vec![Related {
        doc: cx.doc.id,
        span,
        message: format!("written `{name}` here"),
    }]
}

#[cfg(test)]
mod tests {
    use crate::test_util::{assert_no_diagnostics, check, newsroom};

    fn leaders() -> crate::Dictionary {
        let text = "[[entity]]\nkind = \"person\"\nname = \"Kim Jong-un\"\nfamily-name = \"Kim\"\n\n\
                    [[entity]]\nkind = \"person\"\nname = \"Viktor Orbán\"\n\n\
                    [[entity]]\nkind = \"person\"\nname = \"Scott Jordan\"\n";
        crate::test_util::dictionary("leaders.toml", text)
    }

    #[test]
    fn dictionary_name_in_the_other_order() {
        let text = "President Xi Jinping met the delegation. Jinping Xi later said the talks went well.";
        assert_eq!(
            check(text, &newsroom(), "CD014"),
            "1:42-1:52 CD014 warning `Jinping Xi` is `Xi Jinping` in the other order; the story also writes `Xi Jinping` => [Xi Jinping] fix safe 1:42-1:52 `Xi Jinping`; related 1:11 `Xi Jinping`"
        );
    }

    #[test]
    fn the_dictionary_order_wins_whichever_comes_first() {
        let text = "Orbán Viktor spoke in Budapest. Prime Minister Viktor Orbán of Hungary later left.\n\n\
                    Jong Un Kim of North Korea sent a letter; Kim Jong Un signed it.";
        assert_eq!(
            check(text, &leaders(), "CD014"),
            "1:1-1:13 CD014 warning `Orbán Viktor` is `Viktor Orbán` in the other order; the story also writes `Viktor Orbán` => [Viktor Orbán] fix safe 1:1-1:13 `Viktor Orbán`; related 1:48 `Viktor Orbán`\n\
             3:1-3:12 CD014 warning `Jong Un Kim` is `Kim Jong Un` in the other order; the story also writes `Kim Jong Un` => [Kim Jong Un] fix safe 3:1-3:12 `Kim Jong Un`; related 3:43 `Kim Jong Un`"
        );
    }

    #[test]
    fn from_the_story_alone() {
        let empty = crate::Dictionary::empty();
        let text = "Orbán Viktor spoke. Orbán Viktor left, and Viktor Orbán stayed.";
        assert_eq!(
            check(text, &empty, "CD014"),
            "1:44-1:56 CD014 warning `Viktor Orbán` is `Orbán Viktor` in the other order: `Orbán Viktor` 2x, `Viktor Orbán` 1x => [Orbán Viktor] fix unsafe 1:44-1:56 `Orbán Viktor`; related 1:1 `Orbán Viktor`"
        );
    }

    #[test]
    fn one_order_throughout_and_two_people() {
        let n = newsroom();
        assert_no_diagnostics("Xi Jinping arrived. Xi Jinping left.", &n, "CD014");
        assert_no_diagnostics("Jinping Xi arrived. Jinping Xi left.", &n, "CD014");
        // Both orders read as given name and surname: two people.
        assert_no_diagnostics(
            "Lee Jordan met Jordan Lee on Monday.",
            &crate::Dictionary::empty(),
            "CD014",
        );
        // "Jordan Scott" is no "Scott Jordan" with the family name first.
        assert_no_diagnostics("Scott Jordan met Jordan Scott on Monday.", &leaders(), "CD014");
    }
}
