//! `copydesk dict import congress-former`: the dictionary of former members of
//! the US Congress, from `congress-legislators/legislators-historical.csv`.
//!
//! The CSV gives one row per former member with the last term only, and no
//! term dates. Its rows come in the order of the start of that last term
//! (alphabetical within each Congress): Millard Tydings, Scott Lucas and
//! Glen Taylor, senators whose terms began in 1945 and ended in January 1951,
//! are rows 9060 to 9067, next to the representatives who left in January
//! 1947; every row before the 1945 block began its last term in 1944 or
//! earlier and so ended it by 1950 (a Senate term lasts six years). So the
//! dictionary keeps every row from [`FIRST_KEPT`] on: every member whose last
//! term ended after 1950, and the few hundred who left between 1945 and 1950.
//! A cut on the birthday instead would have lost 529 members born before 1900
//! who served after 1950 (Sam Rayburn, Carl Hayden, Everett Dirksen).
//!
//! One person per member, as `import::congress` writes the current members:
//! the name, the usual short forms and the nickname as aliases, the
//! `family-name` of a last name of several words, the titles of the chamber
//! and a description with the chamber, state, district and party.
//! Presidents and vice presidents, and officials of `us-executive.toml`, are
//! left to that dictionary; the current members (same bioguide id) are in
//! `us-congress.toml` already.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};
use copydesk::entity::is_name_suffix;
use serde::Deserialize;

use super::import::{is_initial, ordinal, possessive, quote, state_name};
use super::import_executive::{
    ExecutiveInputs, External, LEGISLATORS_COMMIT, LEGISLATORS_REPO, Log, Person, executive_bioguides,
    executive_persons, family_name, key, resolve, short_forms, write_persons,
};

/// The gh-pages commit `legislators-historical.csv` was taken from.
const HISTORICAL_COMMIT: &str = "61c9ce6a4b093e76e1244a53ada21d8d30981f42";

/// The bioguide id of the first member kept: Wilton E. Hall, a senator
/// appointed in 1944, first of the rows whose last term began in 1944 or
/// later (see the module documentation).
const FIRST_KEPT: &str = "H000080";

/// A member born on this day or later who has the name of an official of
/// `us-executive.toml` is taken to be that official (Marco Rubio, Doug
/// Collins); one born before is a namesake (John B. Anderson, born 1922).
const SAME_PERSON_BORN: &str = "1935-01-01";

/// The date of the snapshot (SOURCES.md): the CSV has no term dates.
const AS_OF: &str = "2026-06-15";

/// The command that regenerates `dictionaries/us-congress-former.toml`.
const COMMAND: &str = "cargo run --release -- dict import congress-former \
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

/// Read the raw files under `data` and return the dictionary's TOML text.
pub(crate) fn generate(data: &Path) -> Result<String> {
    let read = |rel: &str| {
        let path = data.join(rel);
        fs::read_to_string(&path).with_context(|| format!("failed to read {}", path.display()))
    };
    let historical = read("congress-legislators/legislators-historical.csv")?;
    let current = read("congress-legislators/legislators-current.yaml")?;
    let executive = ExecutiveInputs::read(data)?;
    congress_former(&historical, &current, &executive, &External::builtin()?)
}

/// The TOML text of `dictionaries/us-congress-former.toml`.
fn congress_former(
    historical: &str,
    current_yaml: &str,
    executive: &ExecutiveInputs,
    external: &External,
) -> Result<String> {
    let current: Vec<Current> =
        serde_norway::from_str(current_yaml).context("failed to parse legislators-current.yaml")?;
    let current: HashSet<String> = current.into_iter().map(|c| c.id.bioguide).collect();
    let presidents = executive_bioguides(&executive.executive_yaml)?;
    // The executive dictionary as it is written, to leave its persons to it.
    let (officials, _) = executive_persons(executive, external, &mut Log::default())?;
    let mut officials_forms = External::default();
    officials_forms.add(&officials);
    let mut taken = External {
        forms: external.forms.clone(),
        ids: external.ids.clone(),
    };
    taken.add(&officials);

    let mut reader = csv::Reader::from_reader(historical.as_bytes());
    let mut rows = Vec::new();
    for row in reader.deserialize::<Row>() {
        rows.push(row.context("failed to read legislators-historical.csv")?);
    }
    let Some(first) = rows.iter().position(|r| r.bioguide_id == FIRST_KEPT) else {
        bail!("legislators-historical.csv has no row {FIRST_KEPT}: check the cut-off");
    };
    let mut persons = Vec::new();
    let mut in_current = 0;
    let mut in_executive = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(first) {
        if current.contains(&row.bioguide_id) {
            in_current += 1;
            continue;
        }
        let person = member(row, i)?;
        if presidents.contains(&row.bioguide_id) {
            in_executive.push(format!("\"{}\" ({})", person.name, row.bioguide_id));
            continue;
        }
        // An official who served in Congress: one person, left to the
        // executive dictionary. A member born before 1935 is no official of
        // 2025 but a namesake, named in full where the name is taken.
        if let Some(owner) = officials_forms.forms.get(&key(&person.name))
            && row.birthday.as_str() >= SAME_PERSON_BORN
        {
            in_executive.push(format!("\"{}\" ({owner})", person.name));
            continue;
        }
        persons.push(person);
    }
    let kept_rows = rows.len() - first;

    let mut log = Log::default();
    let persons = resolve(persons, &taken, &mut log)?;

    let mut out = String::new();
    out.push_str(
        "# US Congress: former members. Generated by `copydesk dict import congress-former`\n\
         # from legislators-historical.csv; do not edit by hand. To regenerate:\n",
    );
    writeln!(out, "#   {COMMAND}").unwrap();
    writeln!(
        out,
        "#\n# Kept: the {kept_rows} rows from bioguide {FIRST_KEPT} on, whose last term began in 1944 or\n\
         # later (the CSV, which has no dates, lists members by the start of their last term):\n\
         # every member whose last term ended after 1950. Left out: {in_current} current members\n\
         # (us-congress.toml, same bioguide id), and {} presidents, vice presidents and officials\n\
         # whose name us-executive.toml holds (one person: the executive entry is kept):",
        in_executive.len()
    )
    .unwrap();
    for p in &in_executive {
        writeln!(out, "#   {p}").unwrap();
    }
    log.comment(
        &mut out,
        "Members left out because another built-in dictionary or us-executive.toml holds their name:",
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
        code => state_name(code).with_context(|| format!("{name}: unknown state `{code}`"))?,
    };
    let party = match row.party.trim() {
        "" => String::new(),
        p => format!(" ({p})"),
    };
    let (titles, description): (Vec<&str>, String) = match row.kind.as_str() {
        "sen" => (
            vec!["Senator", "Sen."],
            format!("Former U.S. Senator from {state}{party}"),
        ),
        "rep" => {
            let mut titles = match row.state.as_str() {
                "PR" | "PI" => vec!["Resident Commissioner"],
                "DC" | "GU" | "VI" | "AS" | "MP" => vec!["Delegate", "Del."],
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
                "DC" | "GU" | "VI" | "AS" | "MP" => {
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
        alt_name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "last_name,first_name,middle_name,suffix,nickname,full_name,birthday,gender,type,state,district,senate_class,party,bioguide_id";

    fn historical(rows: &[&str]) -> String {
        format!("{HEADER}\n{}\n", rows.join("\n"))
    }

    fn executive() -> ExecutiveInputs {
        ExecutiveInputs {
            executive_yaml: "- id: {bioguide: F000260}\n  name: {first: Gerald, middle: Rudolph, last: Ford, suffix: Jr.}\n  terms:\n  - {type: prez, start: '1974-08-09', end: '1977-01-20'}\n".into(),
            leadership_csv: "entity_id,agency_name,category,table_header,person_name,title\n".into(),
            agencies_csv: "entity_id,parent_id,parent_name,entity_type,category,agency_name,web_address\n".into(),
            plum_csv: "AgencyName,OrganizationName,PositionTitle,PositionStatus,AppointmentTypeDescription,ExpirationDate,LevelGradePay,Location,IncumbentFirstName,IncumbentLastName,PaymentPlanDescription,Tenure,IncumbentBeginDate,IncumbentVacateDate\n\
                DEPARTMENT OF VETERANS AFFAIRS,OFFICE OF THE SECRETARY,SECRETARY OF VETERANS AFFAIRS,Filled,PAS,,,,DOUGLAS,COLLINS,EX,,,\n".into(),
            historical_csv: HEADER.into(),
            nicknames_csv: "name1,relationship,name2\ndouglas,has_nickname,doug\n".into(),
        }
    }

    fn current_members() -> External {
        External::from_sources(&[copydesk::DictSource {
            name: "us-congress.toml".into(),
            text: "[[entity]]\nid = \"tim-scott\"\nkind = \"person\"\nname = \"Tim Scott\"\n".into(),
        }])
        .unwrap()
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
        let toml = congress_former(&csv, current, &executive(), &current_members()).unwrap();
        let expected = r#"# US Congress: former members. Generated by `copydesk dict import congress-former`
# from legislators-historical.csv; do not edit by hand. To regenerate:
#   cargo run --release -- dict import congress-former --data ../shared/data --output dictionaries/us-congress-former.toml
#
# Kept: the 10 rows from bioguide H000080 on, whose last term began in 1944 or
# later (the CSV, which has no dates, lists members by the start of their last term):
# every member whose last term ended after 1950. Left out: 0 current members
# (us-congress.toml, same bioguide id), and 2 presidents, vice presidents and officials
# whose name us-executive.toml holds (one person: the executive entry is kept):
#   "Gerald Ford, Jr." (F000260)
#   "Doug Collins" (douglas-collins)
#
# Named with the middle initial because another person has the shorter name: 2
#   "Margaret Smith" -> "Margaret C. Smith" (also: Former U.S. Representative for New York's 3rd district (Democrat))
#   "Margaret Smith" -> "Margaret A. Smith" (also: Former U.S. Senator from Maine (Republican))
#
# Members left out because another built-in dictionary or us-executive.toml holds their name: 1
#   "Tim Scott" (tim-scott)
#
# Namesakes left out (two persons with one name: the more recent is kept): 1
#   "John Smith" (john-smith: Former U.S. Representative for Connecticut's 1st district (Republican))
#
# Aliases left out because more than one person would claim them: 1
#   "Margaret Smith" (margaret-a-smith, margaret-c-smith)

[meta]
name = "US Congress: former members"
source = "unitedstates/congress-legislators (https://github.com/unitedstates/congress-legislators), legislators-historical.csv from branch gh-pages at commit 61c9ce6a4b093e76e1244a53ada21d8d30981f42; executive.yaml and legislators-current.yaml at commit dfa9622263dd4c8d08636926e498f1845704d7eb"
licence = "CC0-1.0"
as-of = "2026-06-15"
generator = "cargo run --release -- dict import congress-former --data ../shared/data --output dictionaries/us-congress-former.toml"

[[entity]]
id = "eligio-de-la-garza-ii"
kind = "person"
name = "Eligio De La Garza II"
aliases = ["Eligio De La Garza", "Kika De La Garza"]
family-name = "De La Garza"
titles = ["Representative", "Rep.", "Congressman"]
description = "Former U.S. Representative for Texas' 15th district (Democrat)"

[[entity]]
id = "john-smith"
kind = "person"
name = "John Smith"
titles = ["Representative", "Rep.", "Congressman"]
description = "Former U.S. Representative for Alabama's at-large district (Democrat)"

[[entity]]
id = "margaret-a-smith"
kind = "person"
name = "Margaret A. Smith"
aliases = ["Margaret Ann Smith"]
titles = ["Representative", "Rep.", "Congresswoman"]
description = "Former U.S. Representative for New York's 3rd district (Democrat)"

[[entity]]
id = "margaret-c-smith"
kind = "person"
name = "Margaret C. Smith"
aliases = ["Margaret Chase Smith"]
titles = ["Senator", "Sen."]
description = "Former U.S. Senator from Maine (Republican)"

[[entity]]
id = "robert-byrd"
kind = "person"
name = "Robert Byrd"
aliases = ["Robert C. Byrd", "Robert Carlyle Byrd"]
titles = ["Senator", "Sen."]
description = "Former U.S. Senator from West Virginia (Democrat)"

[[entity]]
id = "wilton-hall"
kind = "person"
name = "Wilton Hall"
aliases = ["Wilton E. Hall", "Wilton Earle Hall"]
titles = ["Senator", "Sen."]
description = "Former U.S. Senator from South Carolina (Democrat)"
"#;
        assert_eq!(toml, expected);
        let dict = copydesk::Dictionary::load(&[copydesk::DictSource {
            name: "us-congress-former.toml".into(),
            text: toml,
        }]);
        assert!(dict.is_ok(), "{dict:?}");
    }

    #[test]
    fn the_cut_off_row_must_exist() {
        let csv = historical(&["Byrd,Robert,Carlyle,,,,1917-11-20,M,sen,WV,,1,Democrat,B001210"]);
        let err = congress_former(&csv, "[]", &executive(), &External::default()).unwrap_err();
        assert!(err.to_string().contains("H000080"), "{err}");
    }
}
