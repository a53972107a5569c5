//! `dictgen congress-former`: the dictionary of former members of the US
//! Congress, from `congress-legislators/legislators-historical.csv`: every
//! member since 1789 who is not a current member.
//!
//! One person per member, as `dictgen congress` writes the current members:
//! the name, the usual short forms and the nickname as aliases, the
//! `family-name` of a last name of several words, the titles of the chamber
//! and a description with the chamber, state, district, party and year of
//! birth (the CSV gives the last term only, without its dates); the rows are
//! read by [`FormerMembers`], which every person dictionary reads too.
//!
//! `prominence`: 1 for a member who served in 1990 or later, 0 before, as
//! [`FormerMembers`] finds it from the order of the rows (the CSV has no
//! dates).
//!
//! Left out: the current members (same bioguide id, in `us-congress.toml`),
//! and the members who are an official of `us-executive.toml`
//! ([`FormerMember::left_to_executive`](crate::former_members::FormerMember::left_to_executive)):
//! a president or vice president (same bioguide id), or a member born in
//! 1935 or later with the name of a senior official, one with a title
//! (Marco Rubio, Doug Collins).
//!
//! Namesakes are many (42 members named John Williams... the CSV has 740
//! names shared by two members or more): each takes its fuller name where
//! that tells it apart ("Charles N. Wilson"), and those still sharing a form
//! all keep it, listed under `ambiguous`, told apart by their descriptions.
//! This dictionary is the last of the build order: every dictionary before
//! it lists under `ambiguous` the forms it shares with a former member who
//! is another person
//! ([`offer_namesakes`](crate::former_members::offer_namesakes)), and this
//! one keeps those forms too; any other form they hold is left to them.

use std::collections::HashSet;
use std::fmt::Write as _;

use anyhow::{Result, anyhow, bail};
use copydesk::{DictSource, Dictionary};

use crate::former_members::FormerMembers;
use crate::forms::key;
use crate::legislators::{
    CURRENT_FILE, EXECUTIVE_FILE, HISTORICAL_FILE, LEGISLATORS_COMMIT, LEGISLATORS_REPO, current_bioguides,
    executive_bioguides,
};
use crate::person::{Log, resolve, short_forms, write_persons};
use crate::pipeline::Pipeline;
use crate::reserved::Reserved;
use crate::toml_out::write_meta;

/// The gh-pages commit `legislators-historical.csv` was taken from.
const HISTORICAL_COMMIT: &str = "61c9ce6a4b093e76e1244a53ada21d8d30981f42";

/// The date of the snapshot (SOURCES.md): the CSV has no term dates.
const AS_OF: &str = "2026-06-15";

/// The command that regenerates `dictionaries/us-congress-former.toml`.
const COMMAND: &str = "cargo run --release -p dictgen -- congress-former \
     --data ../shared/data --output dictionaries/us-congress-former.toml";

/// `[meta] name`.
const NAME: &str = "US Congress: former members";

/// The licence of the data.
const LICENCE: &str = "CC0-1.0";

/// The TOML text of `dictionaries/us-congress-former.toml`, built from the
/// data checkout next to the dictionaries before it.
pub(crate) fn generate(p: &Pipeline) -> Result<String> {
    let historical = p.read(HISTORICAL_FILE)?;
    let current = p.read(CURRENT_FILE)?;
    let executive_yaml = p.read(EXECUTIVE_FILE)?;
    let executive = p.dictionary("us-executive")?;
    congress_former(
        &historical,
        &current,
        &executive_yaml,
        &executive,
        &p.reserved("us-congress-former")?,
    )
}

/// The TOML text of `dictionaries/us-congress-former.toml`. `executive` is
/// the text of `us-executive.toml`, also among the dictionaries of
/// `reserved`.
fn congress_former(
    historical: &str,
    current_yaml: &str,
    executive_yaml: &str,
    executive: &str,
    reserved: &Reserved,
) -> Result<String> {
    let current = current_bioguides(current_yaml)?;
    let presidents = executive_bioguides(executive_yaml)?;
    let executive = Dictionary::load(&[DictSource {
        name: "us-executive.toml".into(),
        text: executive.to_owned(),
    }])
    .map_err(|e| anyhow!("{e}"))?;
    let senior_forms: HashSet<String> = executive
        .forms()
        .filter(|f| f.kind.is_correct() && !executive.entity(f.entity).titles.is_empty())
        .map(|f| key(f.text))
        .collect();
    let executive_owner = |name: &str| {
        let keys: Vec<String> = std::iter::once(name.to_owned())
            .chain(short_forms(name))
            .map(|f| key(&f))
            .collect();
        keys.iter()
            .find_map(|k| executive.forms().find(|f| key(f.text) == *k))
            .map_or(String::new(), |f| executive.entity(f.entity).id.clone())
    };

    let former = FormerMembers::parse(historical)?.into_members();
    if former.is_empty() {
        bail!("legislators-historical.csv lists nobody");
    }
    let mut persons = Vec::new();
    let mut in_current = 0;
    let mut in_executive = Vec::new();
    for m in former {
        if current.contains(&m.bioguide) {
            in_current += 1;
            continue;
        }
        if m.left_to_executive(&presidents, &senior_forms) {
            let owner = if presidents.contains(&m.bioguide) {
                m.bioguide.clone()
            } else {
                executive_owner(&m.person.name)
            };
            in_executive.push(format!("\"{}\" ({owner})", m.person.name));
            continue;
        }
        persons.push(m.person);
    }
    let rows = persons.len() + in_current + in_executive.len();

    let mut log = Log::default();
    let persons = resolve(persons, reserved, &mut log)?;

    let mut out = String::new();
    out.push_str(
        "# US Congress: former members. Generated by `dictgen congress-former`\n\
         # from legislators-historical.csv; do not edit by hand. To regenerate:\n",
    );
    writeln!(out, "#   {COMMAND}").unwrap();
    writeln!(
        out,
        "#\n# Read: the {rows} rows of legislators-historical.csv (every former member since 1789).\n\
         # Left out: {in_current} current members (us-congress.toml, same bioguide id), and {} presidents,\n\
         # vice presidents and officials of us-executive.toml (one person: the executive entry\n\
         # is kept):",
        in_executive.len()
    )
    .unwrap();
    for p in &in_executive {
        writeln!(out, "#   {p}").unwrap();
    }
    log.comment(&mut out, "Members");
    let source = format!(
        "unitedstates/congress-legislators ({LEGISLATORS_REPO}), legislators-historical.csv \
         from branch gh-pages at commit {HISTORICAL_COMMIT}; executive.yaml and \
         legislators-current.yaml at commit {LEGISLATORS_COMMIT}"
    );
    write_meta(&mut out, NAME, &source, LICENCE, AS_OF, COMMAND);
    write_persons(&mut out, &persons);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_loads, reserved};

    const HEADER: &str = "last_name,first_name,middle_name,suffix,nickname,full_name,birthday,gender,type,state,district,senate_class,party,bioguide_id";

    fn historical(rows: &[&str]) -> String {
        format!("{HEADER}\n{}\n", rows.join("\n"))
    }

    const EXECUTIVE_YAML: &str = "- id: {bioguide: F000260}\n  name: {first: Gerald, middle: Rudolph, last: Ford, suffix: Jr.}\n  terms:\n  - {type: prez, start: '1974-08-09', end: '1977-01-20'}\n";

    /// The executive dictionary of the test: Gerald Ford, president, and
    /// Doug Collins, a secretary (as `dictgen executive` writes them).
    const EXECUTIVE: &str = r#"
[[entity]]
id = "douglas-collins"
kind = "person"
name = "Douglas Collins"
aliases = ["Doug Collins"]
titles = ["Secretary of Veterans Affairs", "Secretary"]
description = "Secretary of Veterans Affairs (Department of Veterans Affairs)"

[[entity]]
id = "gerald-r-ford"
kind = "person"
name = "Gerald R. Ford"
aliases = ["Gerald Ford", "Gerald Rudolph Ford", "Gerald R. Ford, Jr."]
titles = ["President"]
description = "President of the United States"
"#;

    /// The dictionaries the former members are loaded with: a current
    /// member, and the executive.
    fn loaded_with() -> Reserved {
        reserved(&[
            (
                "us-congress.toml",
                "[[entity]]\nid = \"tim-scott\"\nkind = \"person\"\nname = \"Tim Scott\"\n",
            ),
            ("us-executive.toml", EXECUTIVE),
        ])
    }

    #[test]
    fn congress_former_writes_the_expected_toml() {
        let csv = historical(&[
            "Hall,Wilton,Earle,,,,1901-03-11,M,sen,SC,,,Democrat,H000080",
            "Ford,Gerald,Rudolph,Jr.,Jerry,,1913-07-14,M,rep,MI,5,,Republican,F000260",
            "De La Garza,Eligio,,II,Kika,,1927-09-22,M,rep,TX,15,,Democrat,D000216",
            "Byrd,Robert,Carlyle,,,,1917-11-20,M,sen,WV,,1,Democrat,B001210",
            "Scott,Tim,,,,,1965-09-19,M,rep,SC,1,,Republican,S001184",
            "Smith,Margaret,Chase,,,,1897-12-14,F,sen,ME,,2,Republican,S000582",
            "Smith,Margaret,Ann,,,,1931-02-02,F,rep,NY,3,,Democrat,S999999",
            "Smith,John,,,,,1890-01-01,M,rep,CT,1,,Republican,S999998",
            "Smith,John,,,,,1920-01-01,M,rep,AL,at-large,,Democrat,S999997",
            "Collins,Douglas,Allen,,Doug,Doug Collins,1966-08-16,M,rep,GA,9,,Republican,C001093",
        ]);
        let current = "- id: {bioguide: X000001}\n";
        // No LIS id, the anchor of the rows' order, so nobody is known to
        // have served in 1990 or later: all historical (the former_members
        // tests have the order).
        let toml = congress_former(&csv, current, EXECUTIVE_YAML, EXECUTIVE, &loaded_with()).unwrap();
        let expected = r#"# US Congress: former members. Generated by `dictgen congress-former`
# from legislators-historical.csv; do not edit by hand. To regenerate:
#   cargo run --release -p dictgen -- congress-former --data ../shared/data --output dictionaries/us-congress-former.toml
#
# Read: the 10 rows of legislators-historical.csv (every former member since 1789).
# Left out: 0 current members (us-congress.toml, same bioguide id), and 2 presidents,
# vice presidents and officials of us-executive.toml (one person: the executive entry
# is kept):
#   "Gerald Ford, Jr." (F000260)
#   "Doug Collins" (douglas-collins)
#
# Named with the middle initial because another person has the shorter name (2):
#   "Margaret Smith" -> "Margaret C. Smith" (also: Former U.S. Representative for New York's 3rd district (Democrat), born 1931)
#   "Margaret Smith" -> "Margaret A. Smith" (also: Former U.S. Senator from Maine (Republican), born 1897)
#
# Members left out because a dictionary built before this one holds their name (1):
#   "Tim Scott" (us-congress.toml: tim-scott)
#
# Namesakes are kept, each told apart by its description; every form two
# persons share is listed under `ambiguous` by each of them:
#   1 names that two persons or more of this dictionary share
#   1 other forms that two persons or more of this dictionary share

[meta]
name = "US Congress: former members"
source = "unitedstates/congress-legislators (https://github.com/unitedstates/congress-legislators), legislators-historical.csv from branch gh-pages at commit 61c9ce6a4b093e76e1244a53ada21d8d30981f42; executive.yaml and legislators-current.yaml at commit dfa9622263dd4c8d08636926e498f1845704d7eb"
licence = "CC0-1.0"
as-of = "2026-06-15"
generator = "cargo run --release -p dictgen -- congress-former --data ../shared/data --output dictionaries/us-congress-former.toml"

[[entity]]
id = "eligio-de-la-garza-ii"
kind = "person"
name = "Eligio De La Garza II"
aliases = ["Eligio De La Garza", "Kika De La Garza"]
family-name = "De La Garza"
titles = ["Representative", "Rep.", "Congressman"]
description = "Former U.S. Representative for Texas' 15th district (Democrat), born 1927"
prominence = 0

[[entity]]
id = "john-smith-al"
kind = "person"
name = "John Smith"
titles = ["Representative", "Rep.", "Congressman"]
ambiguous = ["John Smith"]
description = "Former U.S. Representative for Alabama's at-large district (Democrat), born 1920"
prominence = 0

[[entity]]
id = "john-smith-ct"
kind = "person"
name = "John Smith"
titles = ["Representative", "Rep.", "Congressman"]
ambiguous = ["John Smith"]
description = "Former U.S. Representative for Connecticut's 1st district (Republican), born 1890"
prominence = 0

[[entity]]
id = "margaret-a-smith"
kind = "person"
name = "Margaret A. Smith"
aliases = ["Margaret Smith", "Margaret Ann Smith"]
titles = ["Representative", "Rep.", "Congresswoman"]
ambiguous = ["Margaret Smith"]
description = "Former U.S. Representative for New York's 3rd district (Democrat), born 1931"
prominence = 0

[[entity]]
id = "margaret-c-smith"
kind = "person"
name = "Margaret C. Smith"
aliases = ["Margaret Smith", "Margaret Chase Smith"]
titles = ["Senator", "Sen."]
ambiguous = ["Margaret Smith"]
description = "Former U.S. Senator from Maine (Republican), born 1897"
prominence = 0

[[entity]]
id = "robert-byrd"
kind = "person"
name = "Robert Byrd"
aliases = ["Robert C. Byrd", "Robert Carlyle Byrd"]
titles = ["Senator", "Sen."]
description = "Former U.S. Senator from West Virginia (Democrat), born 1917"
prominence = 0

[[entity]]
id = "wilton-hall"
kind = "person"
name = "Wilton Hall"
aliases = ["Wilton E. Hall", "Wilton Earle Hall"]
titles = ["Senator", "Sen."]
description = "Former U.S. Senator from South Carolina (Democrat), born 1901"
prominence = 0
"#;
        assert_eq!(toml, expected);
        // It loads with the dictionaries it was resolved against.
        assert_loads(&[
            ("us-executive.toml", EXECUTIVE),
            ("us-congress-former.toml", &toml),
        ]);
    }

    #[test]
    fn an_empty_list_is_an_error() {
        let err = congress_former(HEADER, "[]", EXECUTIVE_YAML, EXECUTIVE, &loaded_with()).unwrap_err();
        assert!(err.to_string().contains("lists nobody"), "{err}");
    }
}
