//! CD005 inconsistent-name-across-files: one name spelled one way in most
//! files of a run and another way in a few.

use rustc_hash::FxHashMap as HashMap;

use super::{Context, Rule, RuleMeta, RunContext, entity_ref};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Related, Severity};
use crate::matcher::CrossFile;
use crate::span::DocumentId;

/// CD005; see [`META`]'s documentation.
pub(crate) struct InconsistentNameAcrossFiles;

static META: RuleMeta = RuleMeta {
    code: "CD005",
    name: "inconsistent-name-across-files",
    default_severity: Severity::Warning,
    default_enabled: true,
    summary: "one name spelled one way in most files of a run and another way in a few",
    docs: r#"# CD005 inconsistent-name-across-files

## What it does
When one run checks many files (a content repository, a day's stories, an
archive), compares the name words of the whole set with each other and flags
a spelling used in a few files when a close spelling of it is used in many:
"Zelenskyy" in 40 files and "Zelensky" in 3 flags each use in the 3, naming
the majority form, how many files and uses it has, and one place it stands.

A pair is reported only when the evidence adds up, much as for CD002: the
words are an edit or two apart (two only when they differ in vowels or
doubled letters, or the words are long), and at least five letters long;
the majority form stands in at least five files and in at least four times as
many files as the other; and something beyond the spelling supports it, such
as the same given name (or a nickname of it) or the same next word standing
with both spellings somewhere in the run, or a background lexicon that knows
the majority form as a name and the other not at all. It is held back when
the suspect form is an ordinary English word, a frequent surname or given
name, or a known place (graded, not a veto), when the two spellings follow
different given names (two people), when both stand side by side in several
files, when one is a plural, possessive or demonym of the other, when the
suspect form is used in lower case anywhere in the run, and when the
dictionaries list the two as words of different entities (Clark and Clarke).
When the dictionaries list both as forms of one entity (Zelensky and
Zelenskyy), the run is still told to use one of them.

The rule runs only when a run checks two files or more; `copydesk check
--no-cross-file` turns it off. A span that CD001 or CD002 already reports is
not reported again.

## Why is this bad?
A writer who misspells a name usually misspells it throughout the story, so
the story itself shows nothing wrong; the rest of the archive does. And a
publication that spells one person two ways looks careless even when both
spellings are in use.

## Example
```text
stories/001.md … stories/046.md: Defence Minister Oleksandra Hrytsenko said …
stories/047.md: Oleksandra Hritsenko, the defence minister, … Hritsenko said …
```
is reported in `stories/047.md` as
```text
warning[CD005]: `Hritsenko` is spelled `Hrytsenko` in 46 other files (69 uses)
```
with a secondary label at a use of "Hrytsenko" in another file.

## Fix safety
Unsafe: the majority of a run is strong evidence, not proof (an archive
may hold an older spelling, or a namesake), so `--fix` never applies it.
"#,
};

impl Rule for InconsistentNameAcrossFiles {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}

    fn check_run(&self, cx: &RunContext<'_>, out: &mut Vec<Diagnostic>) {
        let cross = CrossFile::reportable(cx.names, cx.dict);
        for v in cross.reported() {
            let (wrong, right) = (&cross.names[v.wrong], &cross.names[v.right]);
            let entity = v.same_entity.map(|e| entity_ref(cx.dict.entity(e)));
            // The right form's files and uses counted once, less those of the
            // wrong form's own file: listing the others again for each file
            // of the wrong form was square-law in a run of many files.
            let right_uses: usize = right.occurrences.iter().map(|o| o.uses().len()).sum();
            let mut right_in: HashMap<DocumentId, (usize, usize)> = HashMap::default();
            for o in &right.occurrences {
                let e = right_in.entry(o.doc).or_default();
                e.0 += 1;
                e.1 += o.uses().len();
            }
            for occ in &wrong.occurrences {
                let (here, here_uses) = right_in.get(&occ.doc).copied().unwrap_or_default();
                let Some(elsewhere) = right.occurrences.iter().find(|o| o.doc != occ.doc) else {
                    continue;
                };
                let mut message = format!(
                    "`{}` is spelled `{}` in {} ({})",
                    occ.surface(),
                    right.surface,
                    plural(right.occurrences.len() - here, "other file", "other files"),
                    plural(right_uses - here_uses, "use", "uses"),
                );
                if let Some(e) = &entity {
                    message.push_str(&format!("; the dictionary lists both for `{}`", e.name));
                } else if v.right_known {
                    message.push_str(&format!("; the dictionary knows `{}`", right.surface));
                }
                let note = format!(
                    "`{}` is in {} ({}) of this run: {}",
                    wrong.surface,
                    plural(wrong.files(), "file", "files"),
                    plural(wrong.uses, "use", "uses"),
                    v.evidence.join("; ")
                );
                let related = Related {
                    doc: elsewhere.doc,
                    span: elsewhere.uses()[0],
                    message: format!("spelled `{}` here", right.surface),
                };
                // The document's text may be gone by now (a run of many
                // files keeps only the texts it shows): the uses' own
                // spellings are kept with its name words.
                for (k, &span) in occ.uses().iter().enumerate() {
                    let found = occ.name.spelling(k);
                    let replacement = if crate::words::is_all_caps(found) {
                        right.surface.to_uppercase()
                    } else {
                        right.surface.to_owned()
                    };
                    let edit = Edit {
                        span,
                        replacement: replacement.clone(),
                    };
                    let mut d = META
                        .diagnostic_found(occ.doc, span, found.to_owned(), message.clone())
                        .with_fix(replacement, edit, Applicability::Unsafe)
                        .with_related(vec![related.clone()]);
                    d.entity = entity.clone();
                    d.confidence = Some(v.confidence);
                    d.notes.push(note.clone());
                    out.push(d);
                }
            }
        }
    }
}

/// "1 file", "3 files".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use crate::dictionary::Dictionary;
    use crate::document::{Documents, Format};
    use crate::linter::{Settings, lint_documents};
    use crate::rules::find_rule;
    use crate::test_util::newsroom;

    /// Lint the texts as one run with `rules` and render each finding as
    /// `file:line:col CODE message => [suggestions]; related file:line:col`.
    fn run(texts: &[String], dict: &Dictionary, rules: &[&str]) -> Vec<String> {
        let mut docs = Documents::new();
        for (i, t) in texts.iter().enumerate() {
            docs.add(format!("{i:02}.txt"), t.clone(), Format::Plain);
        }
        let rules: Vec<_> = rules.iter().map(|r| find_rule(r).expect("rule")).collect();
        let diags = lint_documents(&docs, dict, &Settings::only(&rules));
        diags
            .iter()
            .map(|d| {
                let doc = docs.get(d.doc);
                let (l, c) = doc.line_col(d.span.start);
                let mut s = format!(
                    "{}:{l}:{c} {} {} => [{}]",
                    doc.name,
                    d.code,
                    d.message,
                    d.suggestions.join(", ")
                );
                for r in &d.related {
                    let rdoc = docs.get(r.doc);
                    let (l, c) = rdoc.line_col(r.span.start);
                    s.push_str(&format!("; related {}:{l}:{c}", rdoc.name));
                }
                s
            })
            .collect()
    }

    /// `majority` stories spelling the minister `right`, then `minority`
    /// stories spelling her `wrong`.
    fn stories(right: &str, wrong: &str, majority: usize, minority: usize) -> Vec<String> {
        let mut texts = Vec::new();
        for i in 0..majority {
            texts.push(format!(
                "Defence Minister Oleksandra {right} visited the port on day {i}. {right} said the repairs would take a month."
            ));
        }
        for i in 0..minority {
            texts.push(format!(
                "Oleksandra {wrong} opened the bridge on day {i}. {wrong} thanked the engineers."
            ));
        }
        texts
    }

    fn none() -> Dictionary {
        Dictionary::empty()
    }

    #[test]
    fn minority_spelling_is_flagged_in_each_use() {
        let texts = stories("Hrytsenko", "Hritsenko", 12, 2);
        let found = run(&texts, &none(), &["CD005"]);
        assert_eq!(
            found,
            [
                "12.txt:1:12 CD005 `Hritsenko` is spelled `Hrytsenko` in 12 other files (24 uses) => [Hrytsenko]; related 00.txt:1:29",
                "12.txt:1:50 CD005 `Hritsenko` is spelled `Hrytsenko` in 12 other files (24 uses) => [Hrytsenko]; related 00.txt:1:29",
                "13.txt:1:12 CD005 `Hritsenko` is spelled `Hrytsenko` in 12 other files (24 uses) => [Hrytsenko]; related 00.txt:1:29",
                "13.txt:1:50 CD005 `Hritsenko` is spelled `Hrytsenko` in 12 other files (24 uses) => [Hrytsenko]; related 00.txt:1:29",
            ]
        );
    }

    #[test]
    fn no_majority_no_finding() {
        // Four files against two: not enough of a majority.
        let texts = stories("Hrytsenko", "Hritsenko", 4, 2);
        assert_eq!(run(&texts, &none(), &["CD005"]), Vec::<String>::new());
        // Enough files, but not four times as many.
        let texts = stories("Hrytsenko", "Hritsenko", 7, 2);
        assert_eq!(run(&texts, &none(), &["CD005"]), Vec::<String>::new());
        // One file alone is not a run.
        let texts = stories("Hrytsenko", "Hritsenko", 0, 1);
        assert_eq!(run(&texts, &none(), &["CD005"]), Vec::<String>::new());
    }

    #[test]
    fn different_dictionary_entities_are_never_flagged() {
        // Katherine Clark and Yvette Clarke are two people of the dictionary.
        let mut texts = Vec::new();
        for i in 0..10 {
            texts.push(format!(
                "Representative Katherine Clark spoke on day {i}. Clark voted no."
            ));
        }
        texts.push("Representative Katherine Clarke spoke. Clarke voted yes.".to_owned());
        assert_eq!(run(&texts, &newsroom(), &["CD005"]), Vec::<String>::new());
        // Without the dictionary too: two frequent surnames one letter apart
        // are two names more often than a slip, whatever the majority.
        assert_eq!(run(&texts, &none(), &["CD005"]), Vec::<String>::new());
    }

    #[test]
    fn two_words_of_one_name_are_no_two_spellings() {
        // "David" and "Davis" are both words of David Davis, never written
        // for each other.
        let dict = Dictionary::load(&[crate::DictSource {
            name: "test.toml".into(),
            text: "[[entity]]\nkind = \"person\"\nname = \"David Davis\"\n".into(),
        }])
        .expect("dictionary");
        let mut texts = Vec::new();
        for i in 0..8 {
            texts.push(format!("Coach David Moyes spoke on day {i}. David left."));
        }
        texts.push("Davis Cup tickets went on sale.".to_owned());
        assert_eq!(run(&texts, &dict, &["CD005"]), Vec::<String>::new());
    }

    #[test]
    fn aliases_of_one_entity_are_still_made_consistent() {
        let dict = Dictionary::load(&[crate::DictSource {
            name: "test.toml".into(),
            text: r#"
[[entity]]
kind = "person"
name = "Volodymyr Zelenskyy"
aliases = ["Volodymyr Zelensky"]
"#
            .into(),
        }])
        .expect("dictionary");
        let mut texts = Vec::new();
        for i in 0..8 {
            texts.push(format!(
                "President Volodymyr Zelenskyy spoke on day {i}. Zelenskyy left."
            ));
        }
        texts.push("President Zelensky spoke to reporters.".to_owned());
        assert_eq!(
            run(&texts, &dict, &["CD005"]),
            [
                "08.txt:1:11 CD005 `Zelensky` is spelled `Zelenskyy` in 8 other files (16 uses); the dictionary lists both for `Volodymyr Zelenskyy` => [Zelenskyy]; related 00.txt:1:21"
            ]
        );
    }

    #[test]
    fn word_forms_and_ordinary_words_are_not_flagged() {
        let mut texts = Vec::new();
        for i in 0..10 {
            texts.push(format!(
                "The Texans met in Dallas on day {i}. Parker Holloway chaired."
            ));
        }
        // A demonym and its place; a name that is an ordinary word elsewhere.
        texts.push("Texas voted. Mrs Holloway spoke; the hollaway was empty.".to_owned());
        texts.push("Parker Hollaway arrived.".to_owned());
        let found = run(&texts, &none(), &["CD005"]);
        assert_eq!(found, Vec::<String>::new());
    }

    #[test]
    fn different_given_names_are_two_people() {
        let mut texts = Vec::new();
        for i in 0..10 {
            texts.push(format!("Boris Johnson spoke on day {i}. Johnson left."));
        }
        texts.push("David Johnston spoke. Johnston left.".to_owned());
        assert_eq!(run(&texts, &none(), &["CD005"]), Vec::<String>::new());
    }

    #[test]
    fn a_common_given_name_is_weak_evidence() {
        // Thousands of surnames follow "John" in an archive: John Smyth may
        // be another man.
        let mut texts = Vec::new();
        for i in 0..10 {
            texts.push(format!("John Smith spoke on day {i}. Smith left."));
        }
        texts.push("John Smyth spoke. Smyth left.".to_owned());
        assert_eq!(run(&texts, &none(), &["CD005"]), Vec::<String>::new());
    }

    #[test]
    fn earlier_rules_win_the_same_span() {
        // CD002 flags `Hritsenko` in the story that has both spellings;
        // CD005 keeps to the story that has only the wrong one.
        let mut texts = stories("Hrytsenko", "Hritsenko", 12, 1);
        texts.push("Defence Minister Oleksandra Hrytsenko spoke. Later Hritsenko left.".to_owned());
        let found = run(&texts, &none(), &["CD002", "CD005"]);
        let codes: Vec<&str> = found.iter().map(|f| f.split(' ').nth(1).unwrap_or("")).collect();
        assert_eq!(codes, ["CD005", "CD005", "CD002"], "{found:#?}");
        assert!(found[2].starts_with("13.txt:1:52 CD002"), "{found:#?}");
    }
}
