//! `dictgen congress-former`: the dictionary of former members of
//! the US Congress, from `congress-legislators/legislators-historical.csv`:
//! every member since 1789 who is not a current member.
//!
//! One person per member, as `import::congress` writes the current members:
//! the name, the usual short forms and the nickname as aliases, the
//! `family-name` of a last name of several words, the titles of the chamber
//! and a description with the chamber, state, district, party and year of
//! birth (the CSV gives the last term only, without its dates).
//!
//! Left out: the current members (same bioguide id, in `us-congress.toml`),
//! and the members who are an official of `us-executive.toml`
//! ([`FormerMember::left_to_executive`]): a president or vice president (same
//! bioguide id), or a member born in 1935 or later with the name of a senior
//! official, one with a title (Marco Rubio, Doug Collins).
//!
//! Namesakes are many (42 members named John Williams... the CSV has 740
//! names shared by two members or more): each takes its fuller name where
//! that tells it apart ("Charles N. Wilson"), and those still sharing a form
//! all keep it, listed under `ambiguous`, told apart by their descriptions.
//! This dictionary is the last of [`super::import::ORDER`]: every dictionary
//! before it lists under `ambiguous` the forms it shares with a former
//! member who is another person ([`offer_namesakes`]), and this one keeps
//! those forms too; any other form they hold is left to them.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use anyhow::{Context, Result, bail};
use copydesk::entity::is_name_suffix;
use serde::Deserialize;

use super::import::{
    Log, Person, Pipeline, Reserved, family_name, is_initial, key, ordinal, possessive, quote, resolve,
    short_forms, state_name, write_persons,
};
use super::import_executive::{LEGISLATORS_COMMIT, LEGISLATORS_REPO, executive_bioguides};

/// The gh-pages commit `legislators-historical.csv` was taken from.
const HISTORICAL_COMMIT: &str = "61c9ce6a4b093e76e1244a53ada21d8d30981f42";

/// A member born on this day or later who has the name of an official of
/// `us-executive.toml` is taken to be that official (Marco Rubio, Doug
/// Collins); one born before is a namesake (John B. Anderson, born 1922).
const SAME_PERSON_BORN: &str = "1935-01-01";

/// The date of the snapshot (SOURCES.md): the CSV has no term dates.
const AS_OF: &str = "2026-06-15";

/// The command that regenerates `dictionaries/us-congress-former.toml`.
const COMMAND: &str = "cargo run --release -p dictgen -- congress-former \
     --data ../shared/data --output dictionaries/us-congress-former.toml";

/// One row of `legislators-historical.csv` (only the fields we use).
#[derive(Debug, Deserialize)]
struct Row {
    last_name: String,
    first_name: String,
    middle_name: String,
    suffix: String,
    nickname: String,
    full_name: String,
    #[serde(default)]
    birthday: String,
    #[serde(default)]
    gender: String,
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    district: String,
    #[serde(default)]
    party: String,
    #[serde(default)]
    bioguide_id: String,
}

/// One member of `legislators-current.yaml` (only the id).
#[derive(Debug, Deserialize)]
struct Current {
    id: CurrentIds,
}

#[derive(Debug, Deserialize)]
struct CurrentIds {
    bioguide: String,
}

/// One former member: the person of the row, before namesakes are resolved.
#[derive(Debug)]
pub(super) struct FormerMember {
    pub(super) bioguide: String,
    /// `YYYY-MM-DD`, or empty.
    pub(super) birthday: String,
    pub(super) person: Person,
}

impl FormerMember {
    /// The member is an official of `us-executive.toml`: a president or
    /// vice president, or a member born in 1935 or later whose name (or the
    /// name without middle initials or suffix: "Kristi Noem" for "Kristi L.
    /// Noem") is a form of a senior official (one with titles: a Senate-confirmed,
    /// presidential or White House post, or an agency's leadership;
    /// `senior_forms` are their keys). A former member of Congress who
    /// joins the executive branch takes such a post; a staff post of the
    /// same name is a namesake's. The entry of `us-executive.toml` is kept;
    /// the member is left out.
    pub(super) fn left_to_executive(
        &self,
        presidents: &HashSet<String>,
        senior_forms: &HashSet<String>,
    ) -> bool {
        presidents.contains(&self.bioguide)
            || (self.birthday.as_str() >= SAME_PERSON_BORN
                && std::iter::once(&self.person.name)
                    .chain(&short_forms(&self.person.name))
                    .any(|f| senior_forms.contains(&key(f))))
    }
}

/// Every former member of `legislators-historical.csv`, and who has which
/// form (name, aliases, fuller name): what the dictionaries built before
/// this one need to list their namesakes' forms as ambiguous.
#[derive(Debug, Default)]
pub(super) struct FormerMembers {
    members: Vec<FormerMember>,
    /// Form key -> members (indices).
    forms: HashMap<String, Vec<usize>>,
}

impl FormerMembers {
    /// Read `legislators-historical.csv`.
    pub(super) fn parse(csv_text: &str) -> Result<Self> {
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let mut members = Vec::new();
        let mut forms: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, row) in reader.deserialize::<Row>().enumerate() {
            let row = row.context("failed to read legislators-historical.csv")?;
            let person = member(&row, i)?;
            let mut seen = HashSet::new();
            for f in person.forms().chain(&person.alt_name) {
                if seen.insert(key(f)) {
                    forms.entry(key(f)).or_default().push(members.len());
                }
            }
            members.push(FormerMember {
                bioguide: row.bioguide_id,
                birthday: row.birthday,
                person,
            });
        }
        Ok(FormerMembers { members, forms })
    }

    /// The members that have the form.
    pub(super) fn holders(&self, form: &str) -> Vec<&FormerMember> {
        self.forms
            .get(&key(form))
            .into_iter()
            .flatten()
            .map(|&i| &self.members[i])
            .collect()
    }
}

/// List under `ambiguous`, for each person, the forms that a former member
/// who is another person (not `same`) has too, so that
/// `us-congress-former.toml` can keep them as well. Returns how many persons
/// have such a form.
pub(super) fn offer_namesakes(
    persons: &mut [Person],
    former: &FormerMembers,
    same: impl Fn(&Person, &FormerMember) -> bool,
) -> usize {
    let mut count = 0;
    for p in persons {
        let forms: Vec<String> = p.forms().cloned().collect();
        let shared =
            super::import::ambiguous_forms(&forms, |f| former.holders(f).iter().any(|m| !same(p, m)));
        if shared.is_empty() {
            continue;
        }
        count += 1;
        for f in shared {
            if !p.ambiguous.iter().any(|a| key(a) == key(&f)) {
                p.ambiguous.push(f);
            }
        }
    }
    count
}

/// The TOML text of `dictionaries/us-congress-former.toml`, built from the
/// data checkout next to the dictionaries before it.
pub(crate) fn generate(p: &Pipeline) -> Result<String> {
    let historical = p.read("congress-legislators/legislators-historical.csv")?;
    let current = p.read("congress-legislators/legislators-current.yaml")?;
    let executive_yaml = p.read("congress-legislators/executive.yaml")?;
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
    let current: Vec<Current> =
        serde_norway::from_str(current_yaml).context("failed to parse legislators-current.yaml")?;
    let current: HashSet<String> = current.into_iter().map(|c| c.id.bioguide).collect();
    let presidents = executive_bioguides(executive_yaml)?;
    let executive = copydesk::Dictionary::load(&[copydesk::DictSource {
        name: "us-executive.toml".into(),
        text: executive.to_owned(),
    }])
    .map_err(|e| anyhow::anyhow!("{e}"))?;
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

    let former = FormerMembers::parse(historical)?;
    if former.members.is_empty() {
        bail!("legislators-historical.csv lists nobody");
    }
    let mut persons = Vec::new();
    let mut in_current = 0;
    let mut in_executive = Vec::new();
    for m in former.members {
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
    log.comment(
        &mut out,
        "Members left out because a dictionary built before this one holds their name",
    );
    out.push_str("\n[meta]\n");
    writeln!(out, "name = {}", quote("US Congress: former members")).unwrap();
    let source = format!(
        "unitedstates/congress-legislators ({LEGISLATORS_REPO}), legislators-historical.csv \
         from branch gh-pages at commit {HISTORICAL_COMMIT}; executive.yaml and \
         legislators-current.yaml at commit {LEGISLATORS_COMMIT}"
    );
    writeln!(out, "source = {}", quote(&source)).unwrap();
    writeln!(out, "licence = {}", quote("CC0-1.0")).unwrap();
    writeln!(out, "as-of = {}", quote(AS_OF)).unwrap();
    writeln!(out, "generator = {}", quote(COMMAND)).unwrap();
    write_persons(&mut out, &persons);
    Ok(out)
}

/// The person of one row, before namesakes are resolved.
fn member(row: &Row, index: usize) -> Result<Person> {
    // A few records write the nickname into the first name: "James (Jim)".
    let (first, paren_nick) = match row.first_name.split_once(" (") {
        Some((f, rest)) => (f.trim(), rest.strip_suffix(')').map(str::trim)),
        None => (row.first_name.trim(), None),
    };
    let nickname = Some(row.nickname.trim()).filter(|n| !n.is_empty()).or(paren_nick);
    // A few records put the suffix in the middle name ("Eligio II de la Garza").
    let middle = Some(row.middle_name.trim()).filter(|m| !m.is_empty() && !is_name_suffix(m));
    let last = row.last_name.trim();
    let suffix = Some(row.suffix.trim()).filter(|s| !s.is_empty());
    if first.is_empty() || last.is_empty() {
        bail!(
            "row {} ({}) has no first or last name",
            index + 2,
            row.bioguide_id
        );
    }
    // "C. Ranulf Compton": a first name that is only an initial keeps the
    // middle name.
    let given = match middle {
        Some(m) if is_initial(first) => format!("{first} {m}"),
        _ => first.to_owned(),
    };
    let with_suffix = |given: &str| match suffix {
        Some(s @ ("Jr." | "Sr.")) => format!("{given} {last}, {s}"),
        Some(s) => format!("{given} {last} {s}"),
        None => format!("{given} {last}"),
    };
    let name = if row.full_name.trim().is_empty() {
        with_suffix(&given)
    } else {
        row.full_name.trim().to_owned()
    };
    // "Charles N. Wilson", for when another person is "Charles Wilson".
    let alt_name = match middle {
        Some(m) if !is_initial(first) && m.starts_with(char::is_uppercase) => {
            let initial: String = m.chars().next().into_iter().collect();
            Some(with_suffix(&format!("{first} {initial}.")))
                .filter(|alt| key(alt) != key(&name) && !name.contains(&format!(" {initial}. ")))
        }
        _ => None,
    };

    let mut aliases = vec![format!("{given} {last}")];
    if let Some(nick) = nickname {
        aliases.push(format!("{nick} {last}"));
    }
    if let Some(m) = middle
        && !is_initial(first)
    {
        let initial = m.chars().next().map(|c| format!("{c}.")).unwrap_or_default();
        if initial.starts_with(char::is_uppercase) {
            aliases.push(format!("{first} {initial} {last}"));
            // "Margaret Chase Smith".
            if !is_initial(m) {
                aliases.push(format!("{first} {m} {last}"));
            }
        }
    }
    aliases.extend(short_forms(&name));

    let state = match row.state.as_str() {
        "PI" => "the Philippine Islands",
        "DK" => "Dakota Territory",
        "OL" => "the Territory of Orleans",
        code => state_name(code).with_context(|| format!("{name}: unknown state `{code}`"))?,
    };
    let born = match row.birthday.get(..4) {
        Some(year) if year.chars().all(|c| c.is_ascii_digit()) => format!(", born {year}"),
        _ => String::new(),
    };
    let party = match row.party.trim() {
        "" | "Unknown" => born,
        p => format!(" ({p}){born}"),
    };
    let (titles, description): (Vec<&str>, String) = match row.kind.as_str() {
        "sen" => (
            vec!["Senator", "Sen."],
            format!("Former U.S. Senator from {state}{party}"),
        ),
        "rep" => {
            let mut titles = match row.state.as_str() {
                "PR" | "PI" => vec!["Resident Commissioner"],
                "DC" | "GU" | "VI" | "AS" | "MP" | "DK" | "OL" => vec!["Delegate", "Del."],
                _ => vec!["Representative", "Rep."],
            };
            match row.gender.as_str() {
                "F" => titles.push("Congresswoman"),
                "M" => titles.push("Congressman"),
                _ => {}
            }
            let description = match row.state.as_str() {
                "PR" | "PI" => {
                    format!("Former Resident Commissioner for {state} in the U.S. House{party}")
                }
                "DC" | "GU" | "VI" | "AS" | "MP" | "DK" | "OL" => {
                    format!("Former U.S. House Delegate for {state}{party}")
                }
                _ => match row.district.trim().parse::<i64>() {
                    Ok(d) if d > 0 => format!(
                        "Former U.S. Representative for {}{} district{party}",
                        possessive(state),
                        ordinal(d)
                    ),
                    _ => format!(
                        "Former U.S. Representative for {}at-large district{party}",
                        possessive(state)
                    ),
                },
            };
            (titles, description)
        }
        other => bail!("{name}: unknown term type `{other}`"),
    };

    Ok(Person {
        id: String::new(),
        family_name: family_name(&name, last),
        name,
        aliases,
        titles: titles.into_iter().map(str::to_owned).collect(),
        description,
        rank: (0, index as u64),
        disambiguator: row.state.to_ascii_lowercase(),
        tiebreak: row.bioguide_id.to_ascii_lowercase(),
        alt_name,
        ..Person::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import_executive::ExecutiveInputs;

    const HEADER: &str = "last_name,first_name,middle_name,suffix,nickname,full_name,birthday,gender,type,state,district,senate_class,party,bioguide_id";

    fn historical(rows: &[&str]) -> String {
        format!("{HEADER}\n{}\n", rows.join("\n"))
    }

    const EXECUTIVE_YAML: &str = "- id: {bioguide: F000260}\n  name: {first: Gerald, middle: Rudolph, last: Ford, suffix: Jr.}\n  terms:\n  - {type: prez, start: '1974-08-09', end: '1977-01-20'}\n";

    /// The executive dictionary of the test, and the dictionaries the
    /// former members are loaded with: a current member and it.
    fn loaded_with(historical: &str) -> (String, Reserved) {
        let inputs = ExecutiveInputs {
            executive_yaml: EXECUTIVE_YAML.into(),
            leadership_csv: "entity_id,agency_name,category,table_header,person_name,title\n".into(),
            agencies_csv: "entity_id,parent_id,parent_name,entity_type,category,agency_name,web_address\n".into(),
            plum_csv: "AgencyName,OrganizationName,PositionTitle,PositionStatus,AppointmentTypeDescription,ExpirationDate,LevelGradePay,Location,IncumbentFirstName,IncumbentLastName,PaymentPlanDescription,Tenure,IncumbentBeginDate,IncumbentVacateDate\n\
                DEPARTMENT OF VETERANS AFFAIRS,OFFICE OF THE SECRETARY,SECRETARY OF VETERANS AFFAIRS,Filled,PAS,,,,DOUGLAS,COLLINS,EX,,,\n".into(),
            historical_csv: historical.into(),
            wikidata_bio_csv: "id,name,gender,dob,dobp,dod,dodp,image,enwiki\n".into(),
            nicknames_csv: "name1,relationship,name2\ndouglas,has_nickname,doug\n".into(),
            wikidata_holders_csv: "position,person,personID,start,end\n".into(),
            wikidata_offices_csv: "source_key,position_qid,office_title,person_qid,name,start,end\n".into(),
        };
        let executive = crate::import_executive::executive(&inputs, &Reserved::default()).unwrap();
        let reserved = Reserved::from_sources(&[
            copydesk::DictSource {
                name: "us-congress.toml".into(),
                text: "[[entity]]\nid = \"tim-scott\"\nkind = \"person\"\nname = \"Tim Scott\"\n".into(),
            },
            copydesk::DictSource {
                name: "us-executive.toml".into(),
                text: executive.clone(),
            },
        ])
        .unwrap();
        (executive, reserved)
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
        let (executive, reserved) = loaded_with(&csv);
        let toml = congress_former(&csv, current, EXECUTIVE_YAML, &executive, &reserved).unwrap();
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

[[entity]]
id = "john-smith-al"
kind = "person"
name = "John Smith"
titles = ["Representative", "Rep.", "Congressman"]
ambiguous = ["John Smith"]
description = "Former U.S. Representative for Alabama's at-large district (Democrat), born 1920"

[[entity]]
id = "john-smith-ct"
kind = "person"
name = "John Smith"
titles = ["Representative", "Rep.", "Congressman"]
ambiguous = ["John Smith"]
description = "Former U.S. Representative for Connecticut's 1st district (Republican), born 1890"

[[entity]]
id = "margaret-a-smith"
kind = "person"
name = "Margaret A. Smith"
aliases = ["Margaret Smith", "Margaret Ann Smith"]
titles = ["Representative", "Rep.", "Congresswoman"]
ambiguous = ["Margaret Smith"]
description = "Former U.S. Representative for New York's 3rd district (Democrat), born 1931"

[[entity]]
id = "margaret-c-smith"
kind = "person"
name = "Margaret C. Smith"
aliases = ["Margaret Smith", "Margaret Chase Smith"]
titles = ["Senator", "Sen."]
ambiguous = ["Margaret Smith"]
description = "Former U.S. Senator from Maine (Republican), born 1897"

[[entity]]
id = "robert-byrd"
kind = "person"
name = "Robert Byrd"
aliases = ["Robert C. Byrd", "Robert Carlyle Byrd"]
titles = ["Senator", "Sen."]
description = "Former U.S. Senator from West Virginia (Democrat), born 1917"

[[entity]]
id = "wilton-hall"
kind = "person"
name = "Wilton Hall"
aliases = ["Wilton E. Hall", "Wilton Earle Hall"]
titles = ["Senator", "Sen."]
description = "Former U.S. Senator from South Carolina (Democrat), born 1901"
"#;
        assert_eq!(toml, expected);
        // It loads with the dictionaries it was resolved against.
        let dict = copydesk::Dictionary::load(&[
            copydesk::DictSource {
                name: "us-executive.toml".into(),
                text: executive,
            },
            copydesk::DictSource {
                name: "us-congress-former.toml".into(),
                text: toml,
            },
        ]);
        assert!(dict.is_ok(), "{dict:?}");
    }

    #[test]
    fn an_empty_list_is_an_error() {
        let csv = historical(&[]);
        let (executive, reserved) = loaded_with(&csv);
        let err = congress_former(HEADER, "[]", EXECUTIVE_YAML, &executive, &reserved).unwrap_err();
        assert!(err.to_string().contains("lists nobody"), "{err}");
    }
}
