//! Near-duplicate forms: correct forms of two different entities so close
//! that one would be flagged as a misspelling of the other if it were not
//! itself known ("Mike Rogers" and "Mike Rodgers").
//!
//! Such a pair is usually no error: a document writing either form matches
//! it exactly, and an exact match is never a near miss. But it is where a
//! dictionary is fragile: drop one of the two forms, or let a document spell
//! it in a way the exact lookup does not see, and copydesk tells the editor
//! that a correct name is a misspelling of another. `copydesk dict check`
//! counts the pairs and lists them on request.
//!
//! The reach is the matcher's, with its thresholds
//! ([`crate::thresholds`]):
//!
//! - two forms of the same number of words (two to [`MAX_WINDOW`]), equal but
//!   for one word, and that word within the edits allowed for its length
//!   (one edit from [`MIN_FUZZY_LEN`] letters; two from
//!   [`MIN_TWO_EDIT_LEN`](crate::thresholds::MIN_TWO_EDIT_LEN) when
//!   they change only vowels or doubled letters, from
//!   [`MIN_HARD_TWO_EDIT_LEN`](crate::thresholds::MIN_HARD_TWO_EDIT_LEN)
//!   otherwise), not an inflection of it
//!   ("Department"/"Departments"), and not both English words
//!   ("Defense"/"Defence");
//! - two forms equal once their function words are left out
//!   ("Bank of America", "Bank America"), with at least two words left;
//! - two one-word forms of at least [`MIN_SINGLE_WORD_LEN`] letters, with
//!   the same first letter, within the edits above (two only when they
//!   change vowels or doubled letters), not both English words (an English
//!   word is never the distinctive part of a name that a lone word is
//!   matched on).
//!
//! A form is compared as a document writing it shows it to the matcher: a
//! name stops at punctuation, so "Frank Pallone, Jr." is also compared as
//! "Frank Pallone" (and "Jr"). When that part is no known form, a document
//! writing the whole name can get a finding: the pair is unresolved.
//!
//! Only names and aliases are compared: variants and misspellings are
//! reported as what they are (CD003, CD001) whatever is near them, and
//! abbreviations are matched only exactly.
//!
//! The search goes through [`Dictionary::near_words`] (the deletion index)
//! and hash maps of word sequences built here, so it takes time in
//! proportion to the number of forms, never to its square; it uses only the
//! public interface of [`Dictionary`].

use std::collections::HashMap;

use crate::dictionary::index::within_tiers;
use crate::dictionary::{Dictionary, FormId};
use crate::document::{Document, Format};
use crate::entity::FormKind;
use crate::linter::{Settings, lint};
use crate::matcher::is_word_form;
use crate::span::DocumentId;
use crate::span::Span;
use crate::thresholds::{MAX_INDEXED_DISTANCE, MAX_WINDOW, MIN_FUZZY_LEN, MIN_SINGLE_WORD_LEN};
use crate::words::{Gap, folded, is_function_word, soft_pair, tokenize};

/// Two correct forms of different entities within the matcher's reach of
/// each other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NearDuplicate {
    /// One form (the one whose entity id sorts first).
    pub first: FormId,
    /// The other form.
    pub second: FormId,
    /// Edits between the two words that differ; 0 when the forms differ only
    /// in a function word ("of", "the").
    pub distance: usize,
    /// True when a document writing either form alone gets no finding (of
    /// any rule, with the default settings): each form is known as written,
    /// so neither is taken for a misspelling of the other.
    pub resolved: bool,
}

/// Every pair of near-duplicate forms of the dictionary, sorted by the
/// entity ids and texts of the two forms; see the module documentation for
/// what is near.
pub fn near_duplicates(dict: &Dictionary) -> Vec<NearDuplicate> {
    // Every name and alias by its folded words, and by its words without
    // function words: the forms a near miss can be taken for.
    let mut by_words: HashMap<String, Vec<FormId>> = HashMap::new();
    let mut by_skeleton: HashMap<String, Vec<(FormId, String)>> = HashMap::new();
    // What a document writing each form holds: its words, or, where
    // punctuation breaks the name ("Frank Pallone, Jr."), each part.
    let mut probes: Vec<(FormId, Vec<String>)> = Vec::new();
    for (i, form) in dict.forms().enumerate() {
        let id = FormId(i as u32);
        if !matches!(form.kind, FormKind::Name | FormKind::Alias) || dict.is_hidden(id) {
            continue;
        }
        let parts = written_parts(form.text);
        let fw: Vec<String> = parts.concat();
        if fw.is_empty() {
            continue;
        }
        if fw.len() <= MAX_WINDOW {
            let key = fw.join(" ");
            by_words.entry(key.clone()).or_default().push(id);
            if let Some(skeleton) = skeleton_key(&fw) {
                by_skeleton.entry(skeleton).or_default().push((id, key));
            }
        }
        if parts.len() > 1 {
            probes.extend(parts.into_iter().map(|p| (id, p)));
        }
        probes.push((id, fw));
    }
    probes.retain(|(_, words)| !words.is_empty() && words.len() <= MAX_WINDOW);

    let mut found: HashMap<(FormId, FormId), usize> = HashMap::new();
    let mut add = |a: FormId, b: FormId, distance: usize| {
        if dict.form(a).entity != dict.form(b).entity {
            found
                .entry(if a < b { (a, b) } else { (b, a) })
                .or_insert(distance);
        }
    };
    // The words in reach of a word, looked up once (common given names
    // stand in many forms).
    let mut reach: HashMap<(String, bool), Vec<(String, usize)>> = HashMap::new();
    for (id, words) in &probes {
        let alone = words.len() == 1;
        // One word within reach, the others equal.
        for (j, word) in words.iter().enumerate() {
            if word.len() < MIN_FUZZY_LEN {
                continue;
            }
            let near = reach.entry((word.clone(), alone)).or_insert_with(|| {
                dict.near_words(word, MAX_INDEXED_DISTANCE)
                    .into_iter()
                    .filter_map(|(other, _)| in_reach(word, &other, alone).map(|d| (other, d)))
                    .collect()
            });
            let mut probe = words.clone();
            for (other, distance) in near.iter() {
                probe[j].clone_from(other);
                for &g in by_words.get(&probe.join(" ")).into_iter().flatten() {
                    add(*id, g, *distance);
                }
            }
        }
        // A function word missing or extra.
        if let Some(skeleton) = skeleton_key(words) {
            let key = words.join(" ");
            for (g, g_key) in by_skeleton.get(&skeleton).into_iter().flatten() {
                if *g_key != key {
                    add(*id, *g, 0);
                }
            }
        }
    }

    let mut flagged: HashMap<FormId, bool> = HashMap::new();
    let mut is_flagged = |f: FormId| *flagged.entry(f).or_insert_with(|| flagged_alone(dict, f));
    let mut pairs: Vec<NearDuplicate> = found
        .into_iter()
        .map(|((a, b), distance)| {
            let (first, second) = if sort_key(dict, a) <= sort_key(dict, b) {
                (a, b)
            } else {
                (b, a)
            };
            NearDuplicate {
                first,
                second,
                distance,
                resolved: false,
            }
        })
        .collect();
    pairs.sort_by(|p, q| {
        (sort_key(dict, p.first), sort_key(dict, p.second))
            .cmp(&(sort_key(dict, q.first), sort_key(dict, q.second)))
    });
    for p in &mut pairs {
        p.resolved = !is_flagged(p.first) && !is_flagged(p.second);
    }
    pairs
}

/// The folded words of a form in the parts a document writing it shows the
/// matcher: a name stops at punctuation other than the dot of an initial
/// or a title ("Frank Pallone, Jr.": "Frank Pallone" and "Jr").
fn written_parts(text: &str) -> Vec<Vec<String>> {
    let mut tokens = Vec::new();
    tokenize(text, Span::new(0, text.len()), &mut tokens);
    let mut parts: Vec<Vec<String>> = Vec::new();
    for t in &tokens {
        if t.gap == Gap::Break || parts.is_empty() {
            parts.push(Vec::new());
        }
        if let Some(last) = parts.last_mut() {
            last.push(folded(t.span.slice(text)));
        }
    }
    parts
}

/// The words of a form without its function words, when that leaves two
/// or more: the key under which a function word is missing or extra.
fn skeleton_key(words: &[String]) -> Option<String> {
    if words.len() < 2 {
        return None;
    }
    let skeleton: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !is_function_word(w))
        .collect();
    (skeleton.len() >= 2).then(|| skeleton.join(" "))
}

/// The entity id and text of a form, to sort pairs by.
fn sort_key(dict: &Dictionary, form: FormId) -> (&str, &str) {
    let f = dict.form(form);
    (dict.entity(f.entity).id.as_str(), f.text)
}

/// Edits between two folded words when the matcher would take one for the
/// other misspelled: the length tiers of `matcher::word_distance`, and for
/// a word standing alone the further conditions of a lone word.
fn in_reach(a: &str, b: &str, alone: bool) -> Option<usize> {
    if a == b || a.len() < MIN_FUZZY_LEN || b.len() < MIN_FUZZY_LEN || is_word_form(a, b) {
        return None;
    }
    let len = a.len().min(b.len());
    let soft = soft_pair(a, b);
    let d = crate::words::osa_distance(a, b);
    if d == 0 || !within_tiers(a, b, d) {
        return None;
    }
    // A lone word: long enough, the same first letter, two edits only of
    // vowels or doubled letters.
    if alone && (len < MIN_SINGLE_WORD_LEN || a.as_bytes()[0] != b.as_bytes()[0] || (d == 2 && !soft)) {
        return None;
    }
    // Two English words ("Defence", "Defense") are two names; and an English
    // word is never the distinctive part a lone word is matched on.
    let english = |w: &str| {
        crate::lexicon::lexicon()
            .get(w)
            .is_some_and(|l| l.is_english_word())
    };
    if english(a) && english(b) {
        return None;
    }
    Some(d)
}

/// True when a document holding only this form gets a finding.
fn flagged_alone(dict: &Dictionary, form: FormId) -> bool {
    let doc = Document::new(DocumentId(0), "-", dict.form(form).text, Format::Plain);
    !lint(&doc, dict, &Settings::default()).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DictSource;

    fn dict(text: &str) -> Dictionary {
        Dictionary::load(&[DictSource {
            name: "test.toml".into(),
            text: text.into(),
        }])
        .unwrap()
    }

    fn pairs(text: &str) -> Vec<String> {
        let d = dict(text);
        near_duplicates(&d)
            .iter()
            .map(|p| {
                format!(
                    "{} ~ {} ({}{})",
                    d.form(p.first).text,
                    d.form(p.second).text,
                    p.distance,
                    if p.resolved { "" } else { ", unresolved" }
                )
            })
            .collect()
    }

    const PEOPLE: &str = r#"
[[entity]]
id = "mike-rogers"
kind = "person"
name = "Mike Rogers"
aliases = ["Michael Rogers"]

[[entity]]
id = "mike-rodgers"
kind = "person"
name = "Mike Rodgers"

[[entity]]
id = "cathy-rodgers"
kind = "person"
name = "Cathy McMorris Rodgers"
misspellings = ["Mike Rogerz"]

[[entity]]
id = "jim-banks"
kind = "person"
name = "Jim Banks"
"#;

    #[test]
    fn one_word_apart() {
        assert_eq!(pairs(PEOPLE), ["Mike Rodgers ~ Mike Rogers (1)"]);
    }

    #[test]
    fn a_function_word_apart() {
        let text = r#"
[[entity]]
kind = "organization"
name = "Bank of America"

[[entity]]
kind = "organization"
name = "Bank America"

[[entity]]
kind = "organization"
name = "Department of Commerce"
aliases = ["Commerce Department"]
"#;
        assert_eq!(pairs(text), ["Bank America ~ Bank of America (0)"]);
    }

    #[test]
    fn lone_words_need_a_long_word_and_the_same_first_letter() {
        let text = r#"
[[entity]]
kind = "place"
name = "Slovakia"

[[entity]]
kind = "place"
name = "Slovenia"

[[entity]]
kind = "place"
name = "Gambia"

[[entity]]
kind = "place"
name = "Zambia"

[[entity]]
kind = "place"
name = "Marovia"

[[entity]]
kind = "place"
name = "Morovia"
"#;
        // Slovakia/Slovenia: two edits that are not vowels; Gambia/Zambia:
        // another first letter.
        assert_eq!(pairs(text), ["Marovia ~ Morovia (1)"]);
    }

    #[test]
    fn a_name_broken_by_punctuation_is_compared_by_its_parts() {
        let text = r#"
[[entity]]
kind = "person"
name = "Frank Pallone, Jr."

[[entity]]
kind = "person"
name = "Frank Pallona"
"#;
        // "Frank Pallone" is no form, and written whole "Frank Pallona" is
        // not taken for a misspelling of the other either: a given name
        // alone confirms no one.
        assert_eq!(pairs(text), ["Frank Pallona ~ Frank Pallone, Jr. (1)"]);
        let alias = text.replace("Jr.\"\n", "Jr.\"\naliases = [\"Frank Pallone\"]\n");
        assert_eq!(
            pairs(&alias),
            [
                "Frank Pallona ~ Frank Pallone (1)",
                "Frank Pallona ~ Frank Pallone, Jr. (1)"
            ]
        );
    }

    #[test]
    fn english_words_and_inflections_are_other_names() {
        let text = r#"
[[entity]]
kind = "organization"
name = "Ministry of Defence"

[[entity]]
kind = "organization"
name = "Ministry of Defense"

[[entity]]
kind = "organization"
name = "Friends Service"

[[entity]]
kind = "organization"
name = "Friend Service"
"#;
        assert_eq!(pairs(text), Vec::<String>::new());
    }
}
