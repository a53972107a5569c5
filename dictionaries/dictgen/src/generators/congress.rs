//! `dictgen congress`: the members of the US Congress, from
//! `legislators-current.yaml` of
//! [unitedstates/congress-legislators](https://github.com/unitedstates/congress-legislators),
//! into `dictionaries/us-congress.toml`.
//!
//! Every member is in office (`prominence` 2); the Speaker and the floor
//! leaders of both chambers, by `leadership_roles`, are 3.
//!
//! This file is not in the build order: every generated dictionary is
//! loaded with it (it is one of the pipeline's base dictionaries), and it
//! is built from its own input, with the former members
//! (`legislators-historical.csv`) to list the forms it shares with them.

use std::collections::HashMap;
use std::fmt::Write as _;

use anyhow::{Context, Result, bail};
use copydesk::entity::slug;
use serde::Deserialize;

use crate::former_members::{FormerMembers, write_offered};
use crate::forms::{Claim, claimed_twice, is_initial, key, unique_forms};
use crate::legislators::{LEGISLATORS_COMMIT, LEGISLATORS_REPO, Name, member_titles, split_nickname};
use crate::person::{Person, add_term, family_name, short_forms, write_persons};
use crate::prominence::{DEFAULT, PROMINENT, is_congressional_leader};
use crate::reserved::ambiguous_forms;
use crate::toml_out::write_meta;

/// The command that regenerates `dictionaries/us-congress.toml`.
const COMMAND: &str = "cargo run --release -p dictgen -- congress \
     --input ../shared/data/congress-legislators/legislators-current.yaml \
     --historical ../shared/data/congress-legislators/legislators-historical.csv \
     --output dictionaries/us-congress.toml";

/// `[meta] name`.
const NAME: &str = "US Congress: current members";

/// The licence of the data.
const LICENCE: &str = "CC0-1.0";

/// One member in `legislators-current.yaml` (only the fields we use).
#[derive(Debug, Deserialize)]
struct Legislator {
    name: Name,
    #[serde(default)]
    bio: Bio,
    terms: Vec<Term>,
    /// Party and chamber leadership ("Speaker of the House", "Senate
    /// Majority Whip"), with their dates.
    #[serde(default)]
    leadership_roles: Vec<Leadership>,
}

#[derive(Debug, Deserialize)]
struct Leadership {
    title: String,
    end: Option<String>,
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
    end: Option<String>,
    state: String,
    district: Option<i64>,
    party: Option<String>,
}

/// Turn `legislators-current.yaml` into the TOML text of
/// `dictionaries/us-congress.toml`.
///
/// One person entity per member, sorted by id: the official full name, the
/// usual short forms as aliases, the family name where it is not the last
/// word, the titles of the latest term and a one-line description. An alias
/// that two members would share is dropped from both (and listed in a comment
/// at the top), so that the dictionary validates. With `former` (the former
/// members, from `legislators-historical.csv`), a form that a former member,
/// another person, has too is listed under `ambiguous`, for
/// `us-congress-former.toml` to keep it.
pub(crate) fn congress(yaml: &str, former: Option<&FormerMembers>) -> Result<String> {
    let legislators: Vec<Legislator> =
        serde_norway::from_str(yaml).context("failed to parse legislators-current.yaml")?;
    if legislators.is_empty() {
        bail!("legislators-current.yaml lists no member");
    }
    let mut as_of = String::new();
    for t in legislators.iter().flat_map(|l| &l.terms) {
        if t.start > as_of {
            as_of.clone_from(&t.start);
        }
    }
    let mut members = Vec::with_capacity(legislators.len());
    let mut unnamed = Vec::new();
    for l in &legislators {
        let member = member(l, &as_of)?;
        if l.name.official_full.is_none() {
            unnamed.push(member.name.clone());
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
            m.id = format!("{}-{}", m.id, m.disambiguator);
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
    let mut dropped = Vec::new();
    for Claim { key: k, text, owners } in claimed_twice(members.iter().map(Person::forms)) {
        let ids: Vec<&str> = owners.iter().map(|&i| members[i].id.as_str()).collect();
        let named = owners.iter().filter(|&&i| key(&members[i].name) == k).count();
        if named > 1 {
            // Names cannot be dropped; such a file would not validate.
            bail!(
                "`{text}` is the name of more than one member ({})",
                ids.join(", ")
            );
        }
        dropped.push(format!("\"{text}\" ({})", ids.join(", ")));
        for i in owners {
            members[i].aliases.retain(|a| key(a) != k);
        }
    }

    // Forms a former member has too: shared with us-congress-former.toml.
    if let Some(former) = former {
        for p in &mut members {
            p.ambiguous = ambiguous_forms(p.forms(), |f| !former.holders(f).is_empty());
        }
    }
    let shared = members.iter().filter(|p| !p.ambiguous.is_empty()).count();

    let mut out = String::new();
    out.push_str(
        "# US Congress: current members. Generated by `dictgen congress`\n\
         # from legislators-current.yaml; do not edit by hand. To regenerate:\n",
    );
    writeln!(out, "#   {COMMAND}").unwrap();
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
    write_offered(&mut out, "Members", shared);
    let source = format!(
        "unitedstates/congress-legislators ({LEGISLATORS_REPO}), \
         legislators-current.yaml at commit {LEGISLATORS_COMMIT}"
    );
    write_meta(&mut out, NAME, &source, LICENCE, &as_of, COMMAND);
    write_persons(&mut out, &members);
    Ok(out)
}

/// The title and body of a term: "Senator", "Representative", "Delegate"
/// (DC and the territories but Puerto Rico) or "Resident Commissioner".
fn term_office(t: &Term) -> Result<(&'static str, &'static str)> {
    const HOUSE: &str = "United States House of Representatives";
    Ok(match (t.kind.as_str(), t.state.as_str()) {
        ("sen", _) => ("Senator", "United States Senate"),
        ("rep", "PR") => ("Resident Commissioner", HOUSE),
        ("rep", "DC" | "GU" | "VI" | "AS" | "MP") => ("Delegate", HOUSE),
        ("rep", _) => ("Representative", HOUSE),
        (other, _) => bail!("unknown term type `{other}`"),
    })
}

/// The person of one member, before ids are made unique and aliases shared
/// with other members are dropped. `as_of` is the date of the data: a term
/// ending after it is held still.
fn member(l: &Legislator, as_of: &str) -> Result<Person> {
    let n = &l.name;
    let (first, paren_nick) = split_nickname(&n.first);
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
    candidates.extend(short_forms(&name));
    candidates.retain(unique_forms(&name));
    let aliases = candidates;
    let family_name = family_name(&name, last);

    let party = term.party.as_deref().unwrap_or("no party");
    let (titles, description) = member_titles(
        &term.kind,
        &term.state,
        term.district,
        l.bio.gender.as_deref(),
        false,
        &format!(" ({party})"),
    )
    .with_context(|| name.clone())?;

    let mut terms: Vec<&Term> = l.terms.iter().collect();
    terms.sort_by(|a, b| a.start.cmp(&b.start));
    let mut roles = Vec::new();
    for t in terms {
        let (title, org) = term_office(t).with_context(|| format!("{name}: a term"))?;
        add_term(&mut roles, title, Some(org), &t.start, t.end.as_deref(), as_of);
    }

    // A member is in office; a leader of a chamber, now, is named daily.
    // Held now as a term is (`add_term`): no end, or one after `as_of`.
    let leads = l
        .leadership_roles
        .iter()
        .any(|r| is_congressional_leader(&r.title) && r.end.as_deref().is_none_or(|end| end > as_of));
    Ok(Person {
        id: slug(&name),
        name,
        aliases,
        family_name,
        titles: titles.into_iter().map(str::to_owned).collect(),
        roles,
        description,
        prominence: Some(if leads { PROMINENT } else { DEFAULT }),
        disambiguator: term.state.to_ascii_lowercase(),
        ..Person::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::assert_loads;

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
        let expected = r#"# US Congress: current members. Generated by `dictgen congress`
# from legislators-current.yaml; do not edit by hand. To regenerate:
#   cargo run --release -p dictgen -- congress --input ../shared/data/congress-legislators/legislators-current.yaml --historical ../shared/data/congress-legislators/legislators-historical.csv --output dictionaries/us-congress.toml

[meta]
name = "US Congress: current members"
source = "unitedstates/congress-legislators (https://github.com/unitedstates/congress-legislators), legislators-current.yaml at commit dfa9622263dd4c8d08636926e498f1845704d7eb"
licence = "CC0-1.0"
as-of = "2025-01-03"
generator = "cargo run --release -p dictgen -- congress --input ../shared/data/congress-legislators/legislators-current.yaml --historical ../shared/data/congress-legislators/legislators-historical.csv --output dictionaries/us-congress.toml"

[[entity]]
id = "bernard-sanders"
kind = "person"
name = "Bernard Sanders"
aliases = ["Bernie Sanders"]
titles = ["Senator", "Sen."]
roles = [
  { title = "Representative", org = "United States House of Representatives", from = "1991-01-03", to = "1993-01-03" },
  { title = "Senator", org = "United States Senate", from = "2025-01-03" },
]
description = "U.S. Senator from Vermont (Independent)"
prominence = 2

[[entity]]
id = "debbie-wasserman-schultz"
kind = "person"
name = "Debbie Wasserman Schultz"
family-name = "Wasserman Schultz"
titles = ["Representative", "Rep.", "Congresswoman"]
roles = [
  { title = "Representative", org = "United States House of Representatives", from = "2025-01-03" },
]
description = "U.S. Representative for Florida's 25th district (Democrat)"
prominence = 2

[[entity]]
id = "henry-c-hank-johnson-jr"
kind = "person"
name = "Henry C. \"Hank\" Johnson, Jr."
aliases = ["Henry Johnson", "Hank Johnson", "Henry C. Johnson, Jr.", "Henry C. Johnson", "Henry Johnson, Jr."]
titles = ["Representative", "Rep.", "Congressman"]
roles = [
  { title = "Representative", org = "United States House of Representatives", from = "2025-01-03" },
]
description = "U.S. Representative for Georgia's 4th district (Democrat)"
prominence = 2
"#;
        assert_eq!(congress(YAML, None).unwrap(), expected);
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
        let toml = congress(yaml, None).unwrap();
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
        assert_loads(&[("us-congress.toml", &toml)]);
    }

    #[test]
    fn members_without_official_full_and_shared_names() {
        let yaml = r#"
- name: {first: Analilia, last: Mejia}
  bio: {gender: F}
  terms: [{type: rep, start: '2026-04-20', state: NJ, district: 11, party: Democrat}]
"#;
        let toml = congress(yaml, None).unwrap();
        assert!(toml.contains("# No official_full in the data, named \"First Last\": Analilia Mejia.\n"));
        assert!(
            toml.contains("id = \"analilia-mejia\"\nkind = \"person\"\nname = \"Analilia Mejia\"\ntitles")
        );

        // Two members with one name: the dictionary could not validate.
        let twice = format!("{yaml}{}", yaml.replace("NJ", "NY"));
        let err = congress(&twice, None).unwrap_err().to_string();
        assert_eq!(
            err,
            "`Analilia Mejia` is the name of more than one member (analilia-mejia-nj, analilia-mejia-ny)"
        );
    }

    #[test]
    fn leaders_of_a_chamber_are_prominent() {
        let yaml = r#"
- name: {first: Mike, last: Johnson, official_full: Mike Johnson}
  terms: [{type: rep, start: '2025-01-03', state: LA, district: 4, party: Republican}]
  leadership_roles:
  - {title: Speaker of the House, chamber: house, start: '2025-01-03'}
- name: {first: Mitch, last: McConnell, official_full: Mitch McConnell}
  terms: [{type: sen, start: '2021-01-03', state: KY, party: Republican}]
  leadership_roles:
  - {title: Senate Minority Leader, chamber: senate, start: '2023-01-03', end: '2025-01-03'}
- name: {first: John, last: Barrasso, official_full: John Barrasso}
  terms: [{type: sen, start: '2025-01-03', state: WY, party: Republican}]
  leadership_roles:
  - {title: Senate Majority Whip, chamber: senate, start: '2025-01-03'}
"#;
        let toml = congress(yaml, None).unwrap();
        let dict = assert_loads(&[("us-congress.toml", &toml)]);
        let prominence = |name: &str| {
            let e = dict.entities().find(|e| e.name == name).unwrap();
            e.prominence
        };
        assert_eq!(prominence("Mike Johnson"), Some(3));
        // A leader no more, a whip: members in office.
        assert_eq!(prominence("Mitch McConnell"), Some(2));
        assert_eq!(prominence("John Barrasso"), Some(2));
    }

    #[test]
    fn broken_yaml_is_an_error() {
        assert!(congress("- name: [", None).is_err());
    }
}
