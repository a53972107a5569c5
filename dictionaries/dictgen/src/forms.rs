//! Forms of names: the key two forms are compared by, their shapes
//! (initials, suffixes, abbreviations), how a raw form is cleaned, and how
//! close two forms are. Every generator compares forms this way.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use copydesk::entity::is_name_suffix;
use copydesk::words::{folded, form_words};

/// The key two forms are compared by, as `copydesk dict check` does: their
/// folded words.
pub(crate) fn key(form: &str) -> String {
    form_words(form).join(" ")
}

/// A filter for `retain` that keeps each form once: a form is dropped when
/// its key is empty, is the key of `name`, or is the key of a form kept
/// before it.
pub(crate) fn unique_forms(name: &str) -> impl FnMut(&String) -> bool + use<> {
    let mut seen = HashSet::from([key(name)]);
    move |form| {
        let k = key(form);
        !k.is_empty() && seen.insert(k)
    }
}

/// A form that two entities or more claim.
#[derive(Debug, PartialEq)]
pub(crate) struct Claim {
    /// The form's key.
    pub(crate) key: String,
    /// The form as the first entity to claim it writes it.
    pub(crate) text: String,
    /// The entities that claim it, by index, in order.
    pub(crate) owners: Vec<usize>,
}

/// The forms that two entities or more claim, sorted by key; `entities`
/// gives the forms of each entity, in order. A dictionary holds a form once,
/// so each such form is shared on purpose, or dropped, or an error.
pub(crate) fn claimed_twice<'a, F>(entities: impl IntoIterator<Item = F>) -> Vec<Claim>
where
    F: IntoIterator<Item = &'a String>,
{
    let mut claims: BTreeMap<String, (&String, BTreeSet<usize>)> = BTreeMap::new();
    for (i, forms) in entities.into_iter().enumerate() {
        for form in forms {
            claims
                .entry(key(form))
                .or_insert_with(|| (form, BTreeSet::new()))
                .1
                .insert(i);
        }
    }
    claims
        .into_iter()
        .filter(|(_, (_, owners))| owners.len() > 1)
        .map(|(key, (text, owners))| Claim {
            key,
            text: text.clone(),
            owners: owners.into_iter().collect(),
        })
        .collect()
}

/// "C." or "D": a single letter, with or without its dot.
pub(crate) fn is_initial(word: &str) -> bool {
    let mut chars = word.trim_end_matches('.').chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// The words without a trailing suffix ("Jr.", "III"), and without the comma
/// before it.
pub(crate) fn strip_suffix<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let mut out = words.to_vec();
    if out.len() > 2 && out.last().is_some_and(|w| is_name_suffix(w)) {
        out.pop();
        if let Some(w) = out.last_mut() {
            *w = w.trim_end_matches(',');
        }
    }
    out
}

/// "joseph biden": the first and last word of a name, suffixes and initials
/// aside, folded.
pub(crate) fn short_key(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .filter(|w| !is_name_suffix(w) && !is_initial(w))
        .flat_map(form_words)
        .collect();
    match (words.first(), words.last()) {
        (Some(a), Some(b)) => format!("{a} {b}"),
        _ => String::new(),
    }
}

/// Lower-case words that may stand inside a name.
pub(crate) fn is_lower_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "the"
            | "and"
            | "da"
            | "de"
            | "del"
            | "do"
            | "dos"
            | "du"
            | "des"
            | "la"
            | "le"
            | "les"
            | "et"
            | "y"
            | "e"
            | "on"
            | "for"
            | "in"
            | "to"
            | "an"
            | "au"
            | "aux"
            | "en"
            | "di"
    )
}

/// A form cleaned for a dictionary: spaces collapsed, a leading "the"
/// dropped, "The" inside lower-cased, curly apostrophes straightened. `None`
/// when it is no usable name: no capital letter, digits, punctuation other
/// than `'.-&`, a lower-case word that is not a connector ("Ivory coast"),
/// or longer than 8 words or 70 characters.
pub(crate) fn clean_form(text: &str) -> Option<String> {
    let text = text
        .replace(['\u{2019}', '\u{2018}', '\u{b4}'], "'")
        .replace(" - ", "-");
    let text = text.trim().trim_end_matches(" *").trim();
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 1 && words[0].eq_ignore_ascii_case("the") {
        words.remove(0);
    }
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let mut out = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        if !w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '.' | '-' | '&'))
        {
            return None;
        }
        if i > 0 && *w == "The" {
            out.push("the".to_owned());
            continue;
        }
        let first = w.chars().next()?;
        let ok = first.is_uppercase()
            || *w == "&"
            || is_lower_connector(w)
            // "d'Ivoire", "l'Afrique"
            || w.split_once('\'').is_some_and(|(pre, rest)| {
                pre.chars().count() == 1 && rest.chars().next().is_some_and(char::is_uppercase)
            });
        if !ok {
            return None;
        }
        out.push((*w).to_owned());
    }
    let joined = out.join(" ");
    if joined.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    if joined.chars().count() > 70 || !joined.chars().any(char::is_uppercase) {
        return None;
    }
    Some(joined)
}

/// The text without its parenthesised parts: "Cocos (Keeling) Islands" →
/// "Cocos Islands".
pub(crate) fn remove_parentheses(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The background lexicon lists the word, in lower case, as a common
/// English word ("can", "aid", "car"; not "un", "emu" or "rok", which
/// SCOWL's larger lists also hold: `is_english_word` would drop UN).
pub(crate) fn is_common_english_word(word: &str) -> bool {
    copydesk::lexicon::lexicon()
        .get(&folded(word))
        .is_some_and(|e| e.is_common_word())
}

/// Abbreviations kept although their lower-case form is a common English
/// word: the pronouns are never written in capitals in running text, and the
/// abbreviations are among the commonest in the news.
pub(crate) const ENGLISH_WORD_ABBREVIATIONS: &[&str] = &["US", "WHO"];

/// The letters of a form, upper case, when it is an abbreviation: one word
/// of capital letters (dots and "&" allowed), at least two ("UAE", "U.S.",
/// "B&H").
pub(crate) fn abbreviation_letters(form: &str) -> Option<String> {
    if form.contains(' ') {
        return None;
    }
    let letters: String = form.chars().filter(|&c| c != '.' && c != '&').collect();
    (letters.chars().count() >= 2 && letters.chars().all(char::is_uppercase)).then_some(letters)
}

/// The capital letters of `abbr` are the initials of the words of `form`,
/// those of connectors optional ("DRC" and "DROC" of "Democratic Republic
/// of the Congo", "FYROM" of "Former Yugoslav Republic of Macedonia").
pub(crate) fn is_acronym_of(abbr: &str, form: &str) -> bool {
    let words: Vec<(char, bool)> = form
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .filter_map(|w| Some((w.chars().next()?.to_uppercase().next()?, is_lower_connector(w))))
        .collect();
    let letters: Vec<char> = abbr
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect();
    // matches[i][j]: the first i letters are the initials of the first j words.
    let mut matches = vec![vec![false; words.len() + 1]; letters.len() + 1];
    matches[0][0] = true;
    for j in 1..=words.len() {
        let (initial, optional) = words[j - 1];
        for i in 0..=letters.len() {
            matches[i][j] = (optional && matches[i][j - 1])
                || (i > 0 && letters[i - 1] == initial && matches[i - 1][j - 1]);
        }
    }
    letters.len() >= 2 && matches[letters.len()][words.len()]
}

/// Abbreviations a story may use without spelling the name out: those the
/// major English-language news style guides (AP, Reuters) accept on first
/// reference, because every reader knows them. The generators mark an
/// entity with one of them `well-known = true` (CD011 leaves it alone); the
/// list is kept short on purpose, and a newsroom can mark more of its own.
pub(crate) const WELL_KNOWN_ABBREVIATIONS: &[&str] = &[
    "CIA", "EU", "FBI", "IRS", "NASA", "NATO", "UK", "UN", "UNICEF", "US", "USA",
];

/// True when one of the abbreviations is in [`WELL_KNOWN_ABBREVIATIONS`],
/// written with or without dots ("U.S.").
pub(crate) fn well_known<S: AsRef<str>>(abbreviations: &[S]) -> bool {
    abbreviations.iter().any(|a| {
        let letters: String = a.as_ref().chars().filter(|c| c.is_alphanumeric()).collect();
        WELL_KNOWN_ABBREVIATIONS.contains(&letters.as_str())
    })
}

/// Damerau distance (optimal string alignment: a swap of two neighbours
/// is one edit).
pub(crate) fn damerau(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

/// Two forms that look like one name misspelt: the same letters split
/// differently ("Cote Divoire", "Cote d'Ivoire"), or one word one edit away
/// ("Cote d'lvoire", "Côte d'Ivorie"), two in a word of seven letters or more
/// ("Muritanya"). "Cape" and "Cabo", "DR Congo" and "Congo" are no such pair.
pub(crate) fn near_duplicate(a: &str, b: &str) -> bool {
    let (wa, wb) = (form_words(a), form_words(b));
    if wa == wb {
        return false;
    }
    if wa.concat().replace('\'', "") == wb.concat().replace('\'', "") {
        return true;
    }
    if wa.len() != wb.len() {
        return false;
    }
    let differing: Vec<(&String, &String)> = wa.iter().zip(&wb).filter(|(x, y)| x != y).collect();
    match differing.as_slice() {
        [(x, y)] => {
            let d = damerau(x, y);
            d == 1 || (d == 2 && x.chars().count().max(y.chars().count()) >= 7)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(is_initial("C.") && !is_initial("Jo") && !is_initial("Jr."));
        assert_eq!(strip_suffix(&["Frank", "Pallone,", "Jr."]), ["Frank", "Pallone"]);
        assert_eq!(short_key("Joseph R. Biden, Jr."), "joseph biden");
        let mut keep = unique_forms("Joe Biden");
        let forms = ["Joe Biden", "Joseph Biden", "", "joseph  biden", "Biden"].map(str::to_owned);
        assert_eq!(
            forms.into_iter().filter(|f| keep(f)).collect::<Vec<_>>(),
            ["Joseph Biden", "Biden"]
        );
        assert_eq!(abbreviation_letters("U.S.").as_deref(), Some("US"));
        assert_eq!(abbreviation_letters("BiH"), None);
        assert!(is_acronym_of("DRC", "Democratic Republic of the Congo"));
        assert!(is_acronym_of("DROC", "Democratic Republic of the Congo"));
        assert!(is_acronym_of("FYROM", "Former Yugoslav Republic of Macedonia"));
        assert!(!is_acronym_of("JAP", "Japan"));
        assert!(well_known(&["U.S."]) && !well_known(&["DHS"]));
        let forms = [
            vec!["Mike Rogers", "Mike D. Rogers"],
            vec!["Michael Rogers", "Mike  Rogers"],
        ]
        .map(|f| f.into_iter().map(str::to_owned).collect::<Vec<_>>());
        assert_eq!(
            claimed_twice(&forms),
            [Claim {
                key: "mike rogers".to_owned(),
                text: "Mike Rogers".to_owned(),
                owners: vec![0, 1]
            }]
        );
    }

    #[test]
    fn cleaning() {
        assert_eq!(
            clean_form("the Republic of The Gambia").as_deref(),
            Some("Republic of the Gambia")
        );
        assert_eq!(clean_form("Côte d’Ivoire").as_deref(), Some("Côte d'Ivoire"));
        assert_eq!(clean_form("Holy See (the) *"), None);
        assert_eq!(
            clean_form("State of Palestine *").as_deref(),
            Some("State of Palestine")
        );
        assert_eq!(clean_form("Congo - Kinshasa").as_deref(), Some("Congo-Kinshasa"));
        assert_eq!(clean_form("Ivory coast"), None);
        assert_eq!(clean_form("🇫🇷"), None);
        assert_eq!(clean_form("Ꜵ"), None);
        assert_eq!(remove_parentheses("Cocos (Keeling) Islands"), "Cocos Islands");
    }

    #[test]
    fn closeness() {
        assert!(near_duplicate("Côte d'Ivoire", "Cote d'lvoire"));
        assert!(near_duplicate("Côte d'Ivoire", "Côte d'Ivorie"));
        assert!(near_duplicate("Côte d'Ivoire", "Cote Divoire"));
        assert!(!near_duplicate(
            "Republic of Cabo Verde",
            "Republic of Cape Verde"
        ));
        assert!(!near_duplicate("Congo", "DR Congo"));
        assert_eq!(damerau("ivoire", "ivorie"), 1);
    }
}
