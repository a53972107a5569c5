//! `copydesk dict import`: generators that turn public data into dictionaries.
//!
//! A generator takes the text of a public data file and returns the TOML text
//! of a dictionary, deterministically and without any IO: the same input
//! always gives the same bytes, so a regenerated file diffs cleanly.
//!
//! - [`congress`]: `legislators-current.yaml` of
//!   [unitedstates/congress-legislators](https://github.com/unitedstates/congress-legislators)
//!   into `dictionaries/us-congress.toml`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use anyhow::{Context, Result, bail};
use copydesk::entity::{is_name_suffix, slug};
use copydesk::words::form_words;
use serde::Deserialize;

/// The repository `legislators-current.yaml` comes from.
const CONGRESS_REPO: &str = "https://github.com/unitedstates/congress-legislators";

/// The commit of the snapshot the committed `us-congress.toml` was made from
/// (see `SOURCES.md`); update it together with the input file.
const CONGRESS_COMMIT: &str = "dfa9622263dd4c8d08636926e498f1845704d7eb";

/// The command that regenerates `dictionaries/us-congress.toml`.
const CONGRESS_COMMAND: &str = "cargo run --release -- dict import congress \
     --input ../shared/data/congress-legislators/legislators-current.yaml \
     --output dictionaries/us-congress.toml";

/// One member in `legislators-current.yaml` (only the fields we use).
#[derive(Debug, Deserialize)]
struct Legislator {
    name: LegislatorName,
    #[serde(default)]
    bio: Bio,
    terms: Vec<Term>,
}

#[derive(Debug, Deserialize)]
struct LegislatorName {
    first: String,
    middle: Option<String>,
    last: String,
    suffix: Option<String>,
    nickname: Option<String>,
    official_full: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Bio {
    gender: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Term {
    #[serde(rename = "type")]
    kind: String,
    start: String,
    state: String,
    district: Option<i64>,
    party: Option<String>,
}

/// One `[[entity]]` of the generated dictionary.
#[derive(Debug)]
struct Member {
    id: String,
    name: String,
    aliases: Vec<String>,
    family_name: Option<String>,
    titles: Vec<&'static str>,
    description: String,
    /// Lower-case state code, to tell apart members who share a name.
    state: String,
}

/// Turn `legislators-current.yaml` into the TOML text of
/// `dictionaries/us-congress.toml`.
///
/// One person entity per member, sorted by id: the official full name, the
/// usual short forms as aliases, the family name where it is not the last
/// word, the titles of the latest term and a one-line description. An alias
/// that two members would share is dropped from both (and listed in a comment
/// at the top), so that the dictionary validates.
pub(crate) fn congress(yaml: &str) -> Result<String> {
    let legislators: Vec<Legislator> =
        serde_norway::from_str(yaml).context("failed to parse legislators-current.yaml")?;
    if legislators.is_empty() {
        bail!("legislators-current.yaml lists no member");
    }
    let mut as_of = String::new();
    let mut members = Vec::with_capacity(legislators.len());
    let mut unnamed = Vec::new();
    for l in &legislators {
        let member = member(l)?;
        if l.name.official_full.is_none() {
            unnamed.push(member.name.clone());
        }
        for t in &l.terms {
            if t.start > as_of {
                as_of.clone_from(&t.start);
            }
        }
        members.push(member);
    }

    // Ids: the slug of the name, with the state appended where two members
    // would share one.
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for m in &members {
        *by_id.entry(m.id.clone()).or_default() += 1;
    }
    for m in &mut members {
        if by_id[&m.id] > 1 {
            m.id = format!("{}-{}", m.id, m.state);
        }
    }
    members.sort_by(|a, b| a.id.cmp(&b.id));
    for pair in members.windows(2) {
        if pair[0].id == pair[1].id {
            bail!("two members of the same state share the id `{}`", pair[0].id);
        }
    }

    // Aliases claimed by two members, or equal to another member's name, are
    // dropped: a form may belong to one entity only.
    let mut claims: BTreeMap<Vec<String>, (String, BTreeSet<usize>)> = BTreeMap::new();
    for (i, m) in members.iter().enumerate() {
        for form in std::iter::once(&m.name).chain(&m.aliases) {
            claims
                .entry(form_words(form))
                .or_insert_with(|| (form.clone(), BTreeSet::new()))
                .1
                .insert(i);
        }
    }
    let mut dropped = Vec::new();
    for (key, (text, owners)) in claims.iter().filter(|(_, (_, o))| o.len() > 1) {
        let ids: Vec<&str> = owners.iter().map(|&i| members[i].id.as_str()).collect();
        let named = owners
            .iter()
            .filter(|&&i| form_words(&members[i].name) == *key)
            .count();
        if named > 1 {
            // Names cannot be dropped; such a file would not validate.
            bail!(
                "`{text}` is the name of more than one member ({})",
                ids.join(", ")
            );
        }
        dropped.push(format!("\"{text}\" ({})", ids.join(", ")));
        for &i in owners {
            members[i].aliases.retain(|a| form_words(a) != *key);
        }
    }

    let mut out = String::new();
    out.push_str(
        "# US Congress: current members. Generated by `copydesk dict import congress`\n\
         # from legislators-current.yaml; do not edit by hand. To regenerate:\n",
    );
    writeln!(out, "#   {CONGRESS_COMMAND}").unwrap();
    if !unnamed.is_empty() {
        writeln!(
            out,
            "#\n# No official_full in the data, named \"First Last\": {}.",
            unnamed.join(", ")
        )
        .unwrap();
    }
    if !dropped.is_empty() {
        out.push_str("#\n# Aliases left out because more than one member would claim them:\n");
        for d in &dropped {
            writeln!(out, "#   {d}").unwrap();
        }
    }
    out.push_str("\n[meta]\n");
    writeln!(out, "name = {}", quote("US Congress: current members")).unwrap();
    let source = format!(
        "unitedstates/congress-legislators ({CONGRESS_REPO}), \
         legislators-current.yaml at commit {CONGRESS_COMMIT}"
    );
    writeln!(out, "source = {}", quote(&source)).unwrap();
    writeln!(out, "licence = {}", quote("CC0-1.0")).unwrap();
    writeln!(out, "as-of = {}", quote(&as_of)).unwrap();
    writeln!(out, "generator = {}", quote("copydesk dict import congress")).unwrap();
    for m in &members {
        write_person(
            &mut out,
            &m.id,
            &m.name,
            &m.aliases,
            m.family_name.as_deref(),
            &m.titles,
            &m.description,
        );
    }
    Ok(out)
}

/// One person's `[[entity]]` table, keys in the documented order; empty
/// lists and a missing family name are left out. Shared by the generators of
/// person dictionaries.
pub(super) fn write_person(
    out: &mut String,
    id: &str,
    name: &str,
    aliases: &[impl AsRef<str>],
    family_name: Option<&str>,
    titles: &[impl AsRef<str>],
    description: &str,
) {
    out.push_str("\n[[entity]]\n");
    writeln!(out, "id = {}", quote(id)).unwrap();
    out.push_str("kind = \"person\"\n");
    writeln!(out, "name = {}", quote(name)).unwrap();
    if !aliases.is_empty() {
        writeln!(out, "aliases = {}", list(aliases)).unwrap();
    }
    if let Some(f) = family_name {
        writeln!(out, "family-name = {}", quote(f)).unwrap();
    }
    if !titles.is_empty() {
        writeln!(out, "titles = {}", list(titles)).unwrap();
    }
    writeln!(out, "description = {}", quote(description)).unwrap();
}

/// A section of a generated file's header comment: what was left out, and why.
pub(super) fn write_comment_section(out: &mut String, title: &str, items: &[String]) {
    if !items.is_empty() {
        writeln!(out, "#\n# {title} ({}):", items.len()).unwrap();
        for i in items {
            writeln!(out, "#   {i}").unwrap();
        }
    }
}

/// The entity of one member, before ids are made unique and aliases shared
/// with other members are dropped.
fn member(l: &Legislator) -> Result<Member> {
    let n = &l.name;
    // A few records write the nickname into `first`: "James (Jim)".
    let (first, paren_nick) = match n.first.split_once(" (") {
        Some((f, rest)) => (f.trim(), rest.strip_suffix(')').map(str::trim)),
        None => (n.first.trim(), None),
    };
    let nickname = n.nickname.as_deref().map(str::trim).or(paren_nick);
    let last = n.last.trim();
    let name = match &n.official_full {
        Some(full) => full.trim().to_owned(),
        None => match &n.suffix {
            Some(s) => format!("{first} {last}, {}", s.trim()),
            None => format!("{first} {last}"),
        },
    };
    let term = l
        .terms
        .iter()
        .max_by(|a, b| a.start.cmp(&b.start))
        .with_context(|| format!("{name} has no term"))?;

    // Aliases, in a fixed order; duplicates and the name itself are removed.
    let mut candidates = Vec::new();
    // "First Last"; a first name that is only an initial keeps the middle
    // name ("C. Scott Franklin").
    match &n.middle {
        Some(middle) if is_initial(first) => {
            candidates.push(format!("{first} {} {last}", middle.trim()));
        }
        _ => candidates.push(format!("{first} {last}")),
    }
    if let Some(nick) = nickname {
        candidates.push(format!("{nick} {last}"));
    }
    // The name without the quoted nickname, middle initials or suffix.
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !(w.starts_with('"') && w.ends_with('"') && w.len() > 1))
        .collect();
    let no_suffix = strip_suffix(&words);
    let no_initials: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || !is_initial(w))
        .map(|(_, w)| *w)
        .collect();
    candidates.push(words.join(" "));
    candidates.push(no_suffix.join(" "));
    candidates.push(no_initials.join(" "));
    candidates.push(strip_suffix(&no_initials).join(" "));

    let mut seen = vec![form_words(&name)];
    let mut aliases = Vec::new();
    for c in candidates {
        let key = form_words(&c);
        if !key.is_empty() && !seen.contains(&key) {
            seen.push(key);
            aliases.push(c);
        }
    }

    // family-name: only where the last name is not what copydesk takes by
    // default (the last word of the name, suffixes skipped), and only when
    // every word of it is in the name ("Pablo José Hernández" has the last
    // name "Hernández Rivera", which his name does not hold: no field).
    let name_words = form_words(&name);
    let default_family = name
        .split_whitespace()
        .rev()
        .find(|w| !is_name_suffix(w))
        .map(form_words)
        .unwrap_or_default();
    let last_words = form_words(last);
    let family_name = if last_words == default_family || !last_words.iter().all(|w| name_words.contains(w)) {
        None
    } else {
        Some(last.to_owned())
    };

    let state = state_name(&term.state).with_context(|| format!("{name}: unknown state `{}`", term.state))?;
    let party = term.party.as_deref().unwrap_or("no party");
    let gender = l.bio.gender.as_deref();
    let (titles, description): (Vec<&'static str>, String) = match term.kind.as_str() {
        "sen" => (
            vec!["Senator", "Sen."],
            format!("U.S. Senator from {state} ({party})"),
        ),
        "rep" => {
            let mut titles = match term.state.as_str() {
                "PR" => vec!["Resident Commissioner"],
                "DC" | "GU" | "VI" | "AS" | "MP" => vec!["Delegate", "Del."],
                _ => vec!["Representative", "Rep."],
            };
            match gender {
                Some("F") => titles.push("Congresswoman"),
                Some("M") => titles.push("Congressman"),
                _ => {}
            }
            let description = match term.state.as_str() {
                "PR" => format!("Resident Commissioner for {state} in the U.S. House ({party})"),
                "DC" | "GU" | "VI" | "AS" | "MP" => {
                    format!("U.S. House Delegate for {state} ({party})")
                }
                _ => match term.district {
                    Some(d) if d > 0 => format!(
                        "U.S. Representative for {}{} district ({party})",
                        possessive(state),
                        ordinal(d)
                    ),
                    _ => format!(
                        "U.S. Representative for {}at-large district ({party})",
                        possessive(state)
                    ),
                },
            };
            (titles, description)
        }
        other => bail!("{name}: unknown term type `{other}`"),
    };

    Ok(Member {
        id: slug(&name),
        name,
        aliases,
        family_name,
        titles,
        description,
        state: term.state.to_ascii_lowercase(),
    })
}

/// "C." or "D": a single letter, with or without its dot.
pub(super) fn is_initial(word: &str) -> bool {
    let mut chars = word.trim_end_matches('.').chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// The words without a trailing suffix ("Jr.", "III"), and without the comma
/// before it.
pub(super) fn strip_suffix<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let mut out = words.to_vec();
    if out.len() > 2 && out.last().is_some_and(|w| is_name_suffix(w)) {
        out.pop();
        if let Some(w) = out.last_mut() {
            *w = w.trim_end_matches(',');
        }
    }
    out
}

/// "New York's ", "Texas' " (AP style for names ending in s).
pub(super) fn possessive(state: &str) -> String {
    let state = state.strip_prefix("the ").unwrap_or(state);
    if state.ends_with('s') {
        format!("{state}' ")
    } else {
        format!("{state}'s ")
    }
}

/// 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, ...
pub(super) fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The name of a state or territory from its postal code.
pub(super) fn state_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "AL" => "Alabama",
        "AK" => "Alaska",
        "AZ" => "Arizona",
        "AR" => "Arkansas",
        "CA" => "California",
        "CO" => "Colorado",
        "CT" => "Connecticut",
        "DE" => "Delaware",
        "FL" => "Florida",
        "GA" => "Georgia",
        "HI" => "Hawaii",
        "ID" => "Idaho",
        "IL" => "Illinois",
        "IN" => "Indiana",
        "IA" => "Iowa",
        "KS" => "Kansas",
        "KY" => "Kentucky",
        "LA" => "Louisiana",
        "ME" => "Maine",
        "MD" => "Maryland",
        "MA" => "Massachusetts",
        "MI" => "Michigan",
        "MN" => "Minnesota",
        "MS" => "Mississippi",
        "MO" => "Missouri",
        "MT" => "Montana",
        "NE" => "Nebraska",
        "NV" => "Nevada",
        "NH" => "New Hampshire",
        "NJ" => "New Jersey",
        "NM" => "New Mexico",
        "NY" => "New York",
        "NC" => "North Carolina",
        "ND" => "North Dakota",
        "OH" => "Ohio",
        "OK" => "Oklahoma",
        "OR" => "Oregon",
        "PA" => "Pennsylvania",
        "RI" => "Rhode Island",
        "SC" => "South Carolina",
        "SD" => "South Dakota",
        "TN" => "Tennessee",
        "TX" => "Texas",
        "UT" => "Utah",
        "VT" => "Vermont",
        "VA" => "Virginia",
        "WA" => "Washington",
        "WV" => "West Virginia",
        "WI" => "Wisconsin",
        "WY" => "Wyoming",
        "DC" => "the District of Columbia",
        "PR" => "Puerto Rico",
        "GU" => "Guam",
        "VI" => "the U.S. Virgin Islands",
        "AS" => "American Samoa",
        "MP" => "the Northern Mariana Islands",
        _ => return None,
    })
}

/// A TOML basic string.
pub(super) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => write!(out, "\\u{:04X}", c as u32).unwrap(),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A one-line TOML array of strings.
pub(super) fn list<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<String> = items.iter().map(|s| quote(s.as_ref())).collect();
    format!("[{}]", items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = r#"
- id:
    bioguide: S000033
  name:
    first: Bernard
    last: Sanders
    nickname: Bernie
    official_full: Bernard Sanders
  bio:
    birthday: '1941-09-08'
    gender: M
  terms:
  - type: rep
    start: '1991-01-03'
    end: '1993-01-03'
    state: VT
    district: 0
    party: Independent
  - type: sen
    start: '2025-01-03'
    end: '2031-01-03'
    state: VT
    class: 1
    party: Independent
    caucus: Democrat
- id:
    bioguide: W000797
  name:
    first: Debbie
    last: Wasserman Schultz
    official_full: Debbie Wasserman Schultz
  bio:
    gender: F
  terms:
  - type: rep
    start: '2025-01-03'
    end: '2027-01-03'
    state: FL
    district: 25
    party: Democrat
- id:
    bioguide: J000288
  name:
    first: Henry
    middle: C.
    last: Johnson
    suffix: Jr.
    nickname: Hank
    official_full: Henry C. "Hank" Johnson, Jr.
  bio:
    gender: M
  terms:
  - type: rep
    start: '2025-01-03'
    end: '2027-01-03'
    state: GA
    district: 4
    party: Democrat
"#;

    #[test]
    fn congress_writes_the_expected_toml() {
        let expected = r#"# US Congress: current members. Generated by `copydesk dict import congress`
# from legislators-current.yaml; do not edit by hand. To regenerate:
#   cargo run --release -- dict import congress --input ../shared/data/congress-legislators/legislators-current.yaml --output dictionaries/us-congress.toml

[meta]
name = "US Congress: current members"
source = "unitedstates/congress-legislators (https://github.com/unitedstates/congress-legislators), legislators-current.yaml at commit dfa9622263dd4c8d08636926e498f1845704d7eb"
licence = "CC0-1.0"
as-of = "2025-01-03"
generator = "copydesk dict import congress"

[[entity]]
id = "bernard-sanders"
kind = "person"
name = "Bernard Sanders"
aliases = ["Bernie Sanders"]
titles = ["Senator", "Sen."]
description = "U.S. Senator from Vermont (Independent)"

[[entity]]
id = "debbie-wasserman-schultz"
kind = "person"
name = "Debbie Wasserman Schultz"
family-name = "Wasserman Schultz"
titles = ["Representative", "Rep.", "Congresswoman"]
description = "U.S. Representative for Florida's 25th district (Democrat)"

[[entity]]
id = "henry-c-hank-johnson-jr"
kind = "person"
name = "Henry C. \"Hank\" Johnson, Jr."
aliases = ["Henry Johnson", "Hank Johnson", "Henry C. Johnson, Jr.", "Henry C. Johnson", "Henry Johnson, Jr."]
titles = ["Representative", "Rep.", "Congressman"]
description = "U.S. Representative for Georgia's 4th district (Democrat)"
"#;
        assert_eq!(congress(YAML).unwrap(), expected);
    }

    #[test]
    fn shared_aliases_are_dropped_and_listed() {
        let yaml = r#"
- name: {first: Mike, middle: D., last: Rogers, official_full: Mike D. Rogers}
  bio: {gender: M}
  terms: [{type: rep, start: '2025-01-03', state: AL, district: 3, party: Republican}]
- name: {first: Mike, last: Rogers, official_full: Michael Rogers}
  bio: {gender: M}
  terms: [{type: sen, start: '2025-01-03', state: MI, party: Republican}]
- name: {first: James (Jim), last: Moylan, official_full: James C. Moylan}
  bio: {gender: M}
  terms: [{type: rep, start: '2025-01-03', state: GU, district: 0, party: Republican}]
"#;
        let toml = congress(yaml).unwrap();
        assert!(
            toml.contains(
                "# Aliases left out because more than one member would claim them:\n\
                 #   \"Mike Rogers\" (michael-rogers, mike-d-rogers)\n"
            ),
            "{toml}"
        );
        assert!(!toml.contains("aliases = [\"Mike Rogers\""), "{toml}");
        assert!(toml.contains("aliases = [\"James Moylan\", \"Jim Moylan\"]\n"));
        assert!(toml.contains("titles = [\"Delegate\", \"Del.\", \"Congressman\"]\n"));
        assert!(toml.contains("description = \"U.S. House Delegate for Guam (Republican)\"\n"));
        let dict = copydesk::Dictionary::load(&[copydesk::DictSource {
            name: "us-congress.toml".into(),
            text: toml,
        }]);
        assert!(dict.is_ok(), "{dict:?}");
    }

    #[test]
    fn members_without_official_full_and_shared_names() {
        let yaml = r#"
- name: {first: Analilia, last: Mejia}
  bio: {gender: F}
  terms: [{type: rep, start: '2026-04-20', state: NJ, district: 11, party: Democrat}]
"#;
        let toml = congress(yaml).unwrap();
        assert!(toml.contains("# No official_full in the data, named \"First Last\": Analilia Mejia.\n"));
        assert!(
            toml.contains("id = \"analilia-mejia\"\nkind = \"person\"\nname = \"Analilia Mejia\"\ntitles")
        );

        // Two members with one name: the dictionary could not validate.
        let twice = format!("{yaml}{}", yaml.replace("NJ", "NY"));
        let err = congress(&twice).unwrap_err().to_string();
        assert_eq!(
            err,
            "`Analilia Mejia` is the name of more than one member (analilia-mejia-nj, analilia-mejia-ny)"
        );
    }

    #[test]
    fn helpers() {
        assert_eq!(quote(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(
            [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 111].map(ordinal),
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "111th"
            ]
        );
        assert_eq!(possessive("Texas"), "Texas' ");
        assert_eq!(possessive("New York"), "New York's ");
        assert!(is_initial("C.") && !is_initial("Jo") && !is_initial("Jr."));
        assert_eq!(strip_suffix(&["Frank", "Pallone,", "Jr."]), ["Frank", "Pallone"]);
        assert!(congress("- name: [").is_err());
    }
}
