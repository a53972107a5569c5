//! Names and titles written in capitals, put into the case a newsroom writes
//! them in: by rule ([`name_case`], [`title_case`]), or as mixed-case lists
//! spell the same words ([`Casing`]) and the same person's name
//! ([`KnownNames`]).

use std::collections::{BTreeMap, HashMap};

use copydesk::words::folded;

use crate::forms::short_key;

/// How words are written in mixed-case name lists, where that differs from
/// the rules of [`name_case`] ("DeLauro", "de"): the majority spelling of
/// each folded word.
#[derive(Debug, Default)]
pub(crate) struct Casing(HashMap<String, String>);

impl Casing {
    /// Learn from names written in mixed case.
    pub(crate) fn learn<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut counts: HashMap<String, BTreeMap<String, usize>> = HashMap::new();
        for name in names {
            for word in name.split([' ', '-']) {
                let word = word.trim_matches(|c: char| !c.is_alphabetic());
                // A word in lower case is learned only as a particle ("de",
                // "van"); "keyes" is a slip of the list.
                if word.chars().count() < 2
                    || !word.chars().any(char::is_lowercase)
                    || !word.chars().all(|c| c.is_alphabetic() || is_apostrophe(c))
                    || (word.starts_with(char::is_lowercase) && word.chars().count() > 3)
                {
                    continue;
                }
                *counts
                    .entry(folded(word))
                    .or_default()
                    .entry(word.to_owned())
                    .or_default() += 1;
            }
        }
        let mut map = HashMap::new();
        for (k, spellings) in counts {
            let (best, _) = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .unwrap();
            if *best != word_rule(&best.to_uppercase()) {
                map.insert(k, best.clone());
            }
        }
        Casing(map)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// HTML entities left in the Plum Book export.
pub(crate) fn decode_entities(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&nbsp;", " ")
}

/// A name written in upper case, in title case: "MCDONALD" -> "McDonald",
/// "O'BRIEN" -> "O'Brien", "HOEHN-SARIC" -> "Hoehn-Saric", "III" and "JR"
/// as suffixes, a lone letter as an initial ("P" -> "P."), a short word
/// without vowels as initials ("JD"). Words already in mixed case are kept,
/// but for a stray second capital ("MIchael"). Words that a mixed-case list
/// writes otherwise ([`Casing`]) follow it.
pub(crate) fn name_case(raw: &str, casing: &Casing) -> String {
    let text = decode_entities(raw);
    text.split_whitespace()
        .map(|w| {
            w.split('-')
                .map(|part| word_case(part, casing))
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn word_case(word: &str, casing: &Casing) -> String {
    let core = word.trim_end_matches([',', '.']);
    let tail = &word[core.len()..];
    if core.is_empty() {
        return word.to_owned();
    }
    if core.chars().any(char::is_lowercase) {
        // "keyes": a name in lower case, but for a particle ("de", "van").
        if core.starts_with(char::is_lowercase) && core.chars().count() > 3 {
            return format!("{}{tail}", capitalize(core));
        }
        // "MIchael": two capitals, then only lower case.
        let mut chars = core.chars();
        let (a, b) = (chars.next(), chars.next());
        let rest: String = chars.collect();
        if let (Some(a), Some(b)) = (a, b)
            && a.is_uppercase()
            && b.is_uppercase()
            && !rest.is_empty()
            && rest.chars().all(char::is_lowercase)
        {
            return format!("{a}{}{rest}{tail}", b.to_lowercase());
        }
        return word.to_owned();
    }
    match core {
        "II" | "III" | "IV" | "VI" => return word.to_owned(),
        "JR" => return "Jr.".to_owned() + tail.trim_start_matches('.'),
        "SR" => return "Sr.".to_owned() + tail.trim_start_matches('.'),
        _ => {}
    }
    if core.chars().count() == 1 {
        return format!("{core}.{}", tail.trim_start_matches('.'));
    }
    if let Some(known) = casing.0.get(&folded(core)) {
        return format!("{known}{tail}");
    }
    format!("{}{tail}", word_rule(core))
}

/// The title case of one upper-case word, by rule.
fn word_rule(core: &str) -> String {
    let letters = core.chars().filter(|c| c.is_alphabetic()).count();
    let vowels = core
        .chars()
        .filter(|c| "AEIOUY".contains(c.to_ascii_uppercase()))
        .count();
    if letters <= 3 && vowels == 0 {
        return core.to_owned();
    }
    // "O'BRIEN", "D'ANDREA": a capital after a one-letter prefix.
    if let Some(i) = core.find(is_apostrophe) {
        let (head, rest) = core.split_at(i);
        let apostrophe = rest.chars().next().unwrap();
        let rest = &rest[apostrophe.len_utf8()..];
        if head.chars().count() == 1 {
            return format!("{head}{apostrophe}{}", capitalize(rest));
        }
        return format!("{}{apostrophe}{}", capitalize(head), rest.to_lowercase());
    }
    if core.len() > 3
        && let Some(rest) = core.strip_prefix("MC")
    {
        return format!("Mc{}", capitalize(rest));
    }
    capitalize(core)
}

/// "WORD" -> "Word".
pub(crate) fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// Upper-case the first letter; the rest is kept.
pub(crate) fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How people's names are spelled in mixed-case lists, to write a name given
/// in capitals as the same person's name is written elsewhere ("Ron DeSantis"
/// for "RON DESANTIS", which no rule can guess): the spelling of each word
/// in the names with the same first and last word ([`short_key`]), the most
/// frequent where they differ.
#[derive(Debug, Default)]
pub(crate) struct KnownNames(HashMap<(String, String), String>);

impl KnownNames {
    /// Learn from names written in mixed case (names in capitals are
    /// skipped).
    pub(crate) fn learn<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut counts: HashMap<(String, String), BTreeMap<String, usize>> = HashMap::new();
        for name in names {
            if !name.chars().any(char::is_lowercase) {
                continue;
            }
            let short = short_key(name);
            if short.is_empty() {
                continue;
            }
            for word in name.split([' ', '-']) {
                let word = word.trim_matches(|c: char| !c.is_alphabetic());
                if word.chars().count() < 2 || !word.chars().any(char::is_lowercase) {
                    continue;
                }
                *counts
                    .entry((short.clone(), folded(word)))
                    .or_default()
                    .entry(word.to_owned())
                    .or_default() += 1;
            }
        }
        let map = counts
            .into_iter()
            .map(|(k, spellings)| {
                let (best, _) = spellings
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .unwrap();
                (k, best.clone())
            })
            .collect();
        KnownNames(map)
    }

    /// `text` (a name, or a part of the name `name`) with each word spelled
    /// as a known name with the same first and last word as `name` spells
    /// it.
    pub(crate) fn respell(&self, name: &str, text: &str) -> String {
        let short = short_key(name);
        let word = |w: &str| -> String {
            let core = w.trim_matches(|c: char| !c.is_alphabetic());
            match self.0.get(&(short.clone(), folded(core))) {
                Some(known) if !core.is_empty() => w.replacen(core, known, 1),
                _ => w.to_owned(),
            }
        };
        text.split(' ')
            .map(|w| w.split('-').map(word).collect::<Vec<_>>().join("-"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Acronyms kept in capitals when a title is put in title case.
const ACRONYMS: &[&str] = &[
    "AI", "AMTRAK", "ATF", "CBP", "CDC", "CFPB", "CFTC", "CIA", "CMS", "CPSC", "DEA", "DHS", "DOD", "DOE",
    "DOGE", "DOJ", "EEOC", "EPA", "FAA", "FBI", "FCC", "FDA", "FDIC", "FEC", "FEMA", "FERC", "FHWA", "FTC",
    "GSA", "HHS", "HIDTA", "HUD", "ICE", "IRS", "IT", "NASA", "NATO", "NIH", "NLRB", "NOAA", "NRC", "NSA",
    "NTSB", "OMB", "ONDCP", "OPM", "OSTP", "PCAST", "SBA", "TSA", "TVA", "UN", "US", "USA", "USAID", "USCIS",
    "USTR", "VA",
];

/// Abbreviations of the Plum Book titles, written out.
const TITLE_WORDS: &[(&str, &str)] = &[
    ("ASST", "Assistant"),
    ("ASST.", "Assistant"),
    ("DEP", "Deputy"),
    ("DEP.", "Deputy"),
    ("DIR", "Director"),
    ("EXEC", "Executive"),
    ("PRIN", "Principal"),
    ("DEPT", "Department"),
    ("MGMT", "Management"),
    ("PROGS", "Programs"),
    ("COS", "Chief of Staff"),
    ("VP", "Vice President"),
];

/// Words written in lower case inside a title.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
];

/// An upper-case title or agency name in title case: "SECRETARY OF THE
/// TREASURY" -> "Secretary of the Treasury". Mixed-case text is kept.
pub(crate) fn title_case(raw: &str) -> String {
    let text = decode_entities(raw);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().any(char::is_lowercase) {
        return text;
    }
    let mut out = Vec::new();
    for (i, word) in text.split(' ').enumerate() {
        if let Some((_, long)) = TITLE_WORDS.iter().find(|(short, _)| *short == word) {
            out.push((*long).to_owned());
            continue;
        }
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        // "MGMT," -> "Management,".
        if let Some((_, long)) = TITLE_WORDS.iter().find(|(short, _)| *short == core)
            && let Some(at) = word.find(core)
        {
            out.push(format!("{}{long}{}", &word[..at], &word[at + core.len()..]));
            continue;
        }
        let lower = word.to_lowercase();
        if is_acronym(core) || core.contains('.') || word.contains('.') && core.len() <= 2 {
            out.push(word.to_owned());
        } else if i > 0 && SMALL_WORDS.contains(&lower.as_str()) {
            out.push(lower);
        } else {
            out.push(
                word.split('-')
                    .map(|p| {
                        let core = p.trim_matches(|c: char| !c.is_alphanumeric());
                        if is_acronym(core) {
                            p.to_owned()
                        } else {
                            let start = p.len() - p.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
                            format!("{}{}", &p[..start], capitalize(&p[start..]))
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("-"),
            );
        }
    }
    out.join(" ")
}

/// A word of a title in capitals that stays in capitals: one of
/// [`ACRONYMS`], or two to four letters without a vowel ("NSB", "HQ", "TX")
/// but for the abbreviations of words ("SR", "ST", "JR").
fn is_acronym(core: &str) -> bool {
    let letters = core.chars().count();
    ACRONYMS.contains(&core)
        || ((2..=4).contains(&letters)
            && core.chars().all(|c| c.is_ascii_uppercase())
            && !core.contains(['A', 'E', 'I', 'O', 'U', 'Y'])
            && !matches!(core, "SR" | "ST" | "JR" | "MR" | "MRS" | "MS" | "DR"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_case_names() {
        let casing = Casing::learn(["DeLauro", "Smith", "McDonald", "de"]);
        let case = |s: &str| name_case(s, &casing);
        assert_eq!(case("MCDONALD"), "McDonald");
        assert_eq!(case("O'BRIEN"), "O'Brien");
        assert_eq!(case("O&#39;DONNELL"), "O'Donnell");
        assert_eq!(case("D’ANDREA"), "D’Andrea");
        assert_eq!(case("HOEHN-SARIC"), "Hoehn-Saric");
        assert_eq!(case("ROGER HANDBERG III"), "Roger Handberg III");
        assert_eq!(case("MANUEL MICALLER, JR."), "Manuel Micaller, Jr.");
        assert_eq!(case("CHRISTOPHER P"), "Christopher P.");
        assert_eq!(case("JD"), "JD");
        assert_eq!(case("DELAURO"), "DeLauro");
        assert_eq!(case("MARIA LOPEZ DE LEON"), "Maria Lopez de Leon");
        assert_eq!(case("MACHADO"), "Machado");
        assert_eq!(case("MIchael"), "Michael");
        assert_eq!(case("MaryKay"), "MaryKay");
        assert_eq!(case("keyes"), "Keyes");
        assert_eq!(case("del"), "del");
        assert_eq!(case("  JOHN  JAGGERS "), "John Jaggers");
        let known = KnownNames::learn(["Ron DeSantis", "RON DESANTIS"]);
        assert_eq!(known.respell("Ron Desantis", "Desantis"), "DeSantis");
        assert_eq!(capitalize("AMTRAK"), "Amtrak");
        assert_eq!(capitalize_first("member of parliament"), "Member of parliament");
    }

    #[test]
    fn titles() {
        assert_eq!(
            title_case("SECRETARY OF THE TREASURY"),
            "Secretary of the Treasury"
        );
        assert_eq!(
            title_case("DEP ASST TO THE PRESIDENT &amp; DEPUTY COS TO VP"),
            "Deputy Assistant to the President & Deputy Chief of Staff to Vice President"
        );
        assert_eq!(title_case("DIRECTOR OF O.S.T.P."), "Director of O.S.T.P.");
        assert_eq!(title_case("NSB MEMBER"), "NSB Member");
        assert_eq!(title_case("SR ADVISOR, HQ"), "Sr Advisor, HQ");
        assert_eq!(title_case("Chief of Staff"), "Chief of Staff");
    }
}
