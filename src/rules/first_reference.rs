//! CD010 first-reference: a person referred to by surname alone before the
//! story has given the full name.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Context, Rule, RuleMeta, entity_ref};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Related, Severity};
use crate::dictionary::PartRole;
use crate::entity::{EntityId, EntityKind};
use crate::lexicon::are_nicknames;
use crate::matcher::people::{FullName, in_heading, is_determiner, is_honorific, is_locative, lex};
use crate::span::Span;
use crate::thresholds;
use crate::words::{Gap, form_words, is_all_caps, is_capitalized, is_title_word};

/// CD010; see [`META`]'s documentation.
pub(crate) struct FirstReference;

static META: RuleMeta = RuleMeta {
    code: "CD010",
    name: "first-reference",
    default_severity: Severity::Info,
    default_enabled: true,
    summary: "a person referred to by surname alone before the story gives the full name",
    docs: r#"# CD010 first-reference

## What it does
Flags the first reference to a person by surname alone ("Daskal said", or
with an honorific, "Mr. Daskal") when the story has not yet given the
person's full name. The suggestion is the full name the story gives later
("Jen Daskal"). When the story never gives it, only a surname after an
honorific is flagged ("Mr. Erdoğan": the honorific says a person is meant),
and only when the dictionaries know exactly one person of that family name.

Only the first such reference is flagged, once per surname. A full name
anywhere before it, a headline included, counts as given. It is held back
where a surname alone is usual or where it may not be a person:

- in a line that reads as a heading (a headline, a subhead, a byline: a line
  of its own without sentence-final punctuation) and inside quotations;
- after a title other than an honorific ("President Biden", "Turkish
  president Erdoğan"): a title and surname is an accepted first reference;
- after a determiner or a preposition of place ("the Obama administration",
  "in Washington"), in a hyphenated compound ("Obama-era"), and in a list
  written surname first ("Daskal, Jen");
- when the word is an ordinary English word at the start of a sentence, is
  used in lower case in the story, is the given name of someone in the
  story, stands in another name of the story ("Trump Tower"), or is a name
  of its own in the dictionaries (a place, an organisation);
- when two people of the story share the surname ("Bill Clinton", "Hillary
  Clinton"; a given name and its nickname are one person).

## Why is this bad?
News style introduces a person by full name at the first reference and by
surname after that. A surname before the full name leaves the reader asking
who is meant.

## Example
```text
Daskal told reporters the group would meet monthly.
Deputy Homeland Security Advisor Jen Daskal led the delegation.
```
is reported as
```text
note[CD010]: `Daskal` is referred to by surname before the story gives the full name `Jen Daskal`
```
Accepted: "Jen Daskal led the delegation. Daskal said ...", "President
Biden said", "the Obama administration", a surname in a headline or a quote.

## Fix safety
Unsafe: the fix writes the full name at the first reference; the later full
name may then want the surname alone, which is for an editor to decide.
"#,
};

impl Rule for FirstReference {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        let text = cx.doc.text.as_str();
        let people = a.people(cx.doc, cx.dict);
        if people.lone.is_empty() {
            return;
        }
        // Full names by the last word of the family name.
        // Keyed by the number of the folded word in the document.
        let mut by_family: HashMap<u32, Vec<&FullName>> = HashMap::default();
        let mut given_words: HashSet<u32> = HashSet::default();
        for n in &people.full_names {
            by_family.entry(a.word_of(n.family.end - 1)).or_default().push(n);
            given_words.extend(n.given().map(|i| a.word_of(i)));
        }
        // Words of other names ("Trump Tower", "Ford Motor"): a lone use may
        // mean that name, not the person. Gathered when a lone use first
        // gets that far (most never do).
        let other_names = || {
            let mut words: HashSet<u32> = HashSet::default();
            for r in &a.runs {
                let caps = || {
                    r.tokens
                        .clone()
                        .filter(|&i| a.tokens[i].capitalized && !is_title_word(a.folded(i)))
                };
                // At least two (most runs are one word: no list to build).
                if caps().nth(1).is_some() {
                    words.extend(caps().filter(|&i| !people.in_full_name(i)).map(|i| a.word_of(i)));
                }
            }
            words
        };
        let mut in_other_name: Option<HashSet<u32>> = None;
        let mut done: HashSet<u32> = HashSet::default();
        for lone in &people.lone {
            let t = lone.token;
            let key = a.word_of(t);
            if done.contains(&key) {
                continue;
            }
            let full = by_family.get(&key).map(Vec::as_slice).unwrap_or_default();
            if full.first().is_some_and(|n| n.tokens.start < t) {
                done.insert(key);
                continue;
            }
            // Quoted, or in a heading: not the story's own reference. (Asked
            // last, when all else would report: a heading is worked out
            // from the line.)
            let set_apart = || people.quoted(t) || in_heading(a, cx.doc, t);
            // A title and surname is an accepted first reference.
            let titles: Vec<&str> = lone.titles.clone().map(|i| a.folded(i)).collect();
            let start = lone.titles.start;
            let lower_title = titles.is_empty()
                && start > 0
                && a.tokens[start].gap == Gap::Space
                && is_title_word(a.folded(start - 1));
            let honorific = match titles.as_slice() {
                [] if !lower_title => false,
                [h] if is_honorific(h) => true,
                _ => {
                    if !set_apart() {
                        done.insert(key);
                    }
                    continue;
                }
            };
            // "Daskal, Jen": a name written surname first, as in a list.
            let inverted = a.tokens.get(t + 1).is_some_and(|next| {
                text[a.tokens[t].span.end..next.span.start].trim() == ","
                    && full
                        .iter()
                        .any(|n| n.given().any(|g| a.folded(g) == a.folded(t + 1)))
            });
            if inverted
                || !is_surname_use(cx, lone.titles.start, t, &given_words)
                || in_other_name.get_or_insert_with(other_names).contains(&key)
                || set_apart()
            {
                continue;
            }
            let span = Span::new(a.tokens[lone.titles.start].span.start, a.tokens[t].span.end);
            let found = span.slice(text);
            done.insert(key);
            if !full.is_empty() {
                // Two people of the story with one surname: who is meant is unclear.
                let n = full[0];
                let same_person = |m: &FullName| {
                    let (g, h) = (a.folded(n.given().start), a.folded(m.given().start));
                    (n.entity.is_some() && m.entity == n.entity) || g == h || are_nicknames(g, h)
                };
                if !full.iter().all(|m| same_person(m)) {
                    continue;
                }
                let name_span = a.span_of(n.tokens.clone());
                let name = crate::words::one_line(name_span.slice(text));
                let message = format!(
                    "`{found}` is referred to by surname before the story gives the full name `{name}`"
                );
                let mut d = META
                    .diagnostic(cx.doc, span, message)
                    .with_fix(
                        name.clone(),
                        Edit {
                            span,
                            replacement: name.clone(),
                        },
                        Applicability::Unsafe,
                    )
                    .with_related(vec![Related {
                        doc: cx.doc.id,
                        span: name_span,
                        message: format!("full name `{name}` here"),
                    }]);
                if let Some(e) = n.entity {
                    d = d.with_entity(entity_ref(cx.dict.entity(e)));
                }
                out.push(d);
            } else if honorific && let Some(entity) = only_person(cx, a.folded(t)) {
                let e = cx.dict.entity(entity);
                let message = format!(
                    "`{found}` is referred to by surname alone and the story never gives the full name; the dictionary knows `{}`",
                    e.name
                );
                out.push(
                    META.diagnostic(cx.doc, span, message)
                        .with_fix(
                            e.name.clone(),
                            Edit {
                                span,
                                replacement: e.name.clone(),
                            },
                            Applicability::Unsafe,
                        )
                        .with_entity(entity_ref(e)),
                );
            }
        }
    }
}

/// True when token `t` (after titles from `start`) reads as a reference to
/// a person by surname, not an ordinary word or a modifier.
fn is_surname_use(cx: &Context<'_>, start: usize, t: usize, given_words: &HashSet<u32>) -> bool {
    let a = cx.analysis;
    let text = cx.doc.text.as_str();
    let tok = &a.tokens[t];
    let surface = tok.span.slice(text);
    let key = a.folded(t);
    if !is_capitalized(surface)
        || is_all_caps(surface)
        || surface.chars().count() < 2
        || surface.chars().any(|c| c.is_ascii_digit())
        || a.lower_case_uses_of(t) > 0
        || given_words.contains(&a.word_of(t))
        || (tok.sentence_start && lex(key).is_english_word())
    {
        return false;
    }
    // Joined by a hyphen ("Obama-era", "Biden-Harris"), or after a
    // determiner ("the Obama administration").
    let first = &a.tokens[start];
    if first.gap == Gap::Hyphen || a.tokens.get(t + 1).is_some_and(|n| n.gap == Gap::Hyphen) {
        return false;
    }
    if start > 0
        && first.gap == Gap::Space
        && (is_determiner(a.folded(start - 1)) || is_locative(a.folded(start - 1)))
    {
        return false;
    }
    // A place, an organisation or a person known by one word.
    if let Some(w) = a.dict_id(t)
        && cx.dict.index.exact_forms(&[w]).next().is_some()
    {
        return false;
    }
    true
}

/// The one person of the dictionaries whose family name is this word, when
/// the word names nothing else there and is no ordinary word or common
/// given name.
fn only_person(cx: &Context<'_>, key: &str) -> Option<EntityId> {
    let lx = lex(key);
    if key.len() < thresholds::FIRST_REFERENCE_DICT_MIN_LEN
        || lx.is_english_word()
        || lx.is_frequent_given_name()
    {
        return None;
    }
    let w = cx.dict.index.word_id(key)?;
    let mut person = None;
    for (entity, role) in cx.dict.index.parts(w) {
        let e = cx.dict.entity(entity);
        let whole_family = role == PartRole::FamilyName
            && e.kind == EntityKind::Person
            && e.family_name().is_some_and(|f| form_words(f) == [key]);
        if !whole_family || person.is_some_and(|p| p != entity) {
            return None;
        }
        person = Some(entity);
    }
    person
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::test_util::{assert_no_diagnostics, check, check_format, newsroom};

    fn world() -> crate::Dictionary {
        let text = "[[entity]]\nkind = \"person\"\nname = \"Recep Tayyip Erdoğan\"\ntitles = [\"President\"]\n\n\
                    [[entity]]\nkind = \"person\"\nname = \"Michael Jordan\"\n\n\
                    [[entity]]\nkind = \"place\"\nname = \"Jordan\"\n";
        crate::test_util::dictionary("world.toml", text)
    }

    #[test]
    fn surname_before_the_full_name() {
        let text = "Daskal told reporters the group would meet monthly.\n\n\
                    Deputy Homeland Security Advisor Jen Daskal led the delegation.";
        assert_eq!(
            check(text, &newsroom(), "CD010"),
            "1:1-1:7 CD010 info `Daskal` is referred to by surname before the story gives the full name `Jen Daskal` => [Jen Daskal] fix unsafe 1:1-1:7 `Jen Daskal`; related 3:34 `Jen Daskal`"
        );
    }

    #[test]
    fn markdown_paragraphs_wrapped_and_emphasised() {
        let text = "Talks open\n\nOn Monday *Daskal* told reporters the group\nwould meet monthly.\n\nJen Daskal led it.\n";
        assert_eq!(
            check_format(text, Format::Markdown, &newsroom(), "CD010"),
            "3:12-3:18 CD010 info `Daskal` is referred to by surname before the story gives the full name `Jen Daskal` => [Jen Daskal] fix unsafe 3:12-3:18 `Jen Daskal`; related 6:1 `Jen Daskal`"
        );
        // A paragraph of one line, in several pieces of prose, ends with its last piece.
        let text = "On Monday *Daskal* told reporters.\n\nJen Daskal led it.\n";
        assert_eq!(
            check_format(text, Format::Markdown, &newsroom(), "CD010"),
            "1:12-1:18 CD010 info `Daskal` is referred to by surname before the story gives the full name `Jen Daskal` => [Jen Daskal] fix unsafe 1:12-1:18 `Jen Daskal`; related 3:1 `Jen Daskal`"
        );
    }

    #[test]
    fn honorific_and_surname_only_the_first_reference() {
        let text = "Ms. Daskal said the talks went well. Daskal added that more would follow.\n\n\
                    The group was led by Jennifer Daskal.";
        assert_eq!(
            check(text, &newsroom(), "CD010"),
            "1:1-1:11 CD010 info `Ms. Daskal` is referred to by surname before the story gives the full name `Jennifer Daskal` => [Jennifer Daskal] fix unsafe 1:1-1:11 `Jennifer Daskal`; related 3:22 `Jennifer Daskal`"
        );
    }

    #[test]
    fn the_dictionary_names_the_person_the_story_never_does() {
        assert_eq!(
            check("Mr. Erdoğan did not attend the summit.", &world(), "CD010"),
            "1:1-1:12 CD010 info `Mr. Erdoğan` is referred to by surname alone and the story never gives the full name; the dictionary knows `Recep Tayyip Erdoğan` => [Recep Tayyip Erdoğan] fix unsafe 1:1-1:12 `Recep Tayyip Erdoğan`"
        );
        // A surname alone may be a company, a place or a day: without an
        // honorific or a full name in the story, nothing says it is a person.
        assert_no_diagnostics("Erdoğan did not attend the summit.", &world(), "CD010");
    }

    #[test]
    fn surname_after_the_full_name() {
        assert_no_diagnostics(
            "Jen Daskal led the delegation. Daskal said it went well, and Ms. Daskal left.",
            &newsroom(),
            "CD010",
        );
    }

    #[test]
    fn headlines_quotes_and_titles_are_accepted() {
        let n = newsroom();
        // A headline: a line of its own without a full stop.
        assert_no_diagnostics(
            "Daskal to lead drug talks\n\nJen Daskal will lead the delegation.",
            &n,
            "CD010",
        );
        assert_eq!(
            check_format(
                "# Daskal to lead drug talks\n\nJen Daskal will lead the delegation.\n",
                Format::Markdown,
                &n,
                "CD010"
            ),
            ""
        );
        assert_eq!(
            check_format(
                "<h1>Daskal to lead drug talks</h1>\n<p>Jen Daskal will lead the delegation.</p>\n",
                Format::Html,
                &n,
                "CD010"
            ),
            ""
        );
        // A quotation: the speaker's words.
        assert_no_diagnostics(
            "\u{201c}Daskal did a great job,\u{201d} the ambassador said. Jen Daskal smiled.",
            &n,
            "CD010",
        );
        // A title and surname is a first reference of its own.
        assert_no_diagnostics(
            "Advisor Daskal spoke first, then deputy Daskal. Jen Daskal left.",
            &n,
            "CD010",
        );
    }

    #[test]
    fn modifiers_places_and_lists_are_no_surname_references() {
        let n = newsroom();
        // A modifier, not a person: "the Daskal plan", "Daskal-era".
        assert_no_diagnostics(
            "The Daskal plan and Daskal-era rules stayed. Jen Daskal left.",
            &n,
            "CD010",
        );
        // A list written surname first.
        assert_no_diagnostics("Sources: Daskal, Jen (2023). Jen Daskal wrote it.", &n, "CD010");
        // A place the dictionary knows, and a place after "in".
        assert_no_diagnostics(
            "Talks in Amman, Jordan ended. Michael Jordan watched.",
            &world(),
            "CD010",
        );
        assert_no_diagnostics("Protests in Messina spread. Antonio Messina spoke.", &n, "CD010");
        // An ordinary word at the start of a sentence.
        assert_no_diagnostics("Young voters came out. Neil Young sang.", &n, "CD010");
    }

    #[test]
    fn two_people_with_one_surname() {
        assert_no_diagnostics(
            "Clinton said she would run. Bill Clinton and Hillary Clinton arrived.",
            &newsroom(),
            "CD010",
        );
        // One person under a given name and its nickname.
        assert_eq!(
            check(
                "Mendez was 78. Antonio Mendez, or Tony Mendez, wrote three books.",
                &newsroom(),
                "CD010"
            ),
            "1:1-1:7 CD010 info `Mendez` is referred to by surname before the story gives the full name `Antonio Mendez` => [Antonio Mendez] fix unsafe 1:1-1:7 `Antonio Mendez`; related 1:16 `Antonio Mendez`"
        );
    }

    #[test]
    fn a_surname_in_another_name() {
        // "Trump Tower": the lone word may be the building's name.
        assert_no_diagnostics(
            "Trump Tower was lit. Trump said nothing. Donald Trump left.",
            &newsroom(),
            "CD010",
        );
    }
}
