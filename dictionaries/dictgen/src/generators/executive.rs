//! `dictgen executive`: the dictionary of US executive
//! officials (`dictionaries/us-executive.toml`).
//!
//! Three sources, merged into one person per official:
//!
//! - `congress-legislators/executive.yaml`: every president and vice
//!   president, numbered as history numbers them ("45th and 47th President");
//! - `us-gov-manual/usgovmanual_2025_leadership.csv`: the leadership lists of
//!   the executive-branch agencies in the Government Manual (January 2025);
//! - `opm-plum/opm_plum_export_2025-12.csv`: every filled position of the
//!   Plum Book export with a usable name (not "VACANT", not a lone name or
//!   initial). Its names are mostly upper case: they are written as the same
//!   person's name is written in a mixed-case list where there is one
//!   ([`KnownNames`]: the Government Manual, the members of Congress,
//!   Wikidata's US officials), and otherwise put into title case by rule
//!   ([`name_case`]). Titles are kept for the senior posts only (Senate
//!   confirmed, presidential, and the senior posts of the Executive Office
//!   of the President); the others are described by their post.
//!
//! `prominence`: a president or vice president in office 3, a former one 2;
//! an official the Plum Book lists now 2, 3 in a cabinet-level post; see
//! [`official_prominence`] for the others.
//!
//! The dictionary is loaded with the ones before it in the build order and
//! resolved against them with [`resolve`]. A form that a former member of
//! Congress who is another person also has is listed under `ambiguous`
//! ([`offer_namesakes`]).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use anyhow::{Context, Result, bail};
use copydesk::entity::{Date, Role};
use copydesk::words::form_words;
use serde::Deserialize;

use crate::casing::{Casing, KnownNames, capitalize_first, decode_entities, name_case, title_case};
use crate::former_members::{FormerMembers, offer_namesakes, write_offered};
use crate::forms::{is_initial, key, short_key, strip_suffix};
use crate::legislators::{
    EXECUTIVE_FILE, HISTORICAL_FILE, LEGISLATORS_COMMIT, LEGISLATORS_REPO, Name, executive_bioguides, ordinal,
};
use crate::person::{
    Log, Nicknames, Person, Rank, add_term, family_name, resolve, short_forms, write_persons,
};
use crate::pipeline::Pipeline;
use crate::prominence::{
    DEFAULT, MINOR, PROMINENT, former_by_year, held_now, is_us_cabinet_level, last_year,
    us_president_or_vice_president,
};
use crate::reserved::Reserved;
use crate::table::rows;
use crate::toml_out::write_meta;
use crate::wikidata::{HOLDERS_FILE, OFFICES_FILE, roles_by_name};

/// Where `nicknames/names.csv` comes from.
const NICKNAMES_REPO: &str = "https://github.com/carltonnorthern/nicknames";

/// Its commit.
const NICKNAMES_COMMIT: &str = "21d75051c39cb022d145388d60c87dc30505228b";

/// The repository the Government Manual XML and the Plum Book export were found in.
const NEWS_ANALYZER_REPO: &str = "https://github.com/newsanalyzer-admin/news-analyzer";

/// The commit that holds `GOVMAN-2025-01-13.zip`.
const GOVMAN_COMMIT: &str = "264f9d7bc5fdc1608a8c60aed2b8f80ae4108ccf";

/// The commit that holds `Plum Book Export.csv`.
const PLUM_COMMIT: &str = "bd9d622b27fb743f9a98d22b2f394b3dd23d68d1";

/// The date of the newest source (the Plum Book export).
const AS_OF: &str = "2025-12-16";

/// The first number of the [`Rank`] of a Plum Book record (the Government
/// Manual's is 1, a president's 3).
const PLUM_RANK: u8 = 2;

/// The command that regenerates `dictionaries/us-executive.toml`.
const COMMAND: &str = "cargo run --release -p dictgen -- executive \
     --data ../shared/data --output dictionaries/us-executive.toml";

/// `[meta] name`.
const NAME: &str = "US executive: presidents, vice presidents and officials";

/// The licences of the data.
const LICENCE: &str = "CC0-1.0 (executive.yaml), public domain (US Government Manual, OPM), \
     Apache-2.0 (nicknames)";

/// Words that make a Government Manual `title` a title rather than the name
/// of the office the person heads ("Legislative Affairs").
const ROLE_WORDS: &[&str] = &[
    "adviser",
    "advisor",
    "administrator",
    "ambassador",
    "archivist",
    "architect",
    "assistant",
    "associate",
    "attorney",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chief",
    "clerk",
    "commandant",
    "commander",
    "commissioner",
    "comptroller",
    "controller",
    "coordinator",
    "counsel",
    "counselor",
    "curator",
    "deputy",
    "director",
    "economist",
    "envoy",
    "executive",
    "gentleman",
    "governor",
    "head",
    "historian",
    "inspector",
    "judge",
    "lady",
    "librarian",
    "manager",
    "marshal",
    "member",
    "officer",
    "postmaster",
    "president",
    "principal",
    "printer",
    "registrar",
    "representative",
    "secretary",
    "solicitor",
    "superintendent",
    "surgeon",
    "treasurer",
    "trustee",
    "undersecretary",
];

/// True when the text names a role.
fn is_role(title: &str) -> bool {
    form_words(title).iter().any(|w| ROLE_WORDS.contains(&w.as_str()))
}

/// Heads of a title that stand alone before a name ("Secretary Rubio").
const HEAD_ROLES: &[&str] = &[
    "Administrator",
    "Ambassador",
    "Chair",
    "Chairman",
    "Chairwoman",
    "Commissioner",
    "Director",
    "Governor",
    "Secretary",
];

/// The titles a full position title gives: itself, split after
/// "Assistant to the President and", and its head where that is a title of
/// its own ("Secretary" of "Secretary of State").
fn titles_of(title: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut parts = vec![title.to_owned()];
    for lead in [
        "Assistant to the President and ",
        "Deputy Assistant to the President and ",
        "Special Assistant to the President and ",
    ] {
        if let Some(rest) = title.strip_prefix(lead) {
            parts = vec![lead.trim_end_matches(" and ").to_owned(), capitalize_first(rest)];
            break;
        }
    }
    for part in parts {
        let head = part
            .split([','])
            .next()
            .unwrap_or(&part)
            .split(" of ")
            .next()
            .unwrap_or(&part)
            .trim()
            .to_owned();
        out.push(part);
        if HEAD_ROLES.contains(&head.as_str()) {
            out.push(head);
        }
    }
    out
}

/// The text of every file the executive dictionary is made from.
struct ExecutiveInputs {
    /// `congress-legislators/executive.yaml`
    executive_yaml: String,
    /// `us-gov-manual/usgovmanual_2025_leadership.csv`
    leadership_csv: String,
    /// `us-gov-manual/usgovmanual_2025_agencies.csv`
    agencies_csv: String,
    /// `opm-plum/opm_plum_export_2025-12.csv`
    plum_csv: String,
    /// `congress-legislators/legislators-historical.csv`, for the casing of
    /// names and the namesakes of former members of Congress
    historical_csv: String,
    /// `us-officials-wikidata/us_bio.csv`, for the casing of names
    wikidata_bio_csv: String,
    /// `nicknames/names.csv`, for the short forms of given names
    nicknames_csv: String,
    /// `us-officials-wikidata/us_holders21.csv` and `us_offices_wikidata.csv`,
    /// for the earlier posts of the officials
    wikidata_holders_csv: String,
    wikidata_offices_csv: String,
}

impl ExecutiveInputs {
    /// Read the files under the data folder.
    fn read(p: &Pipeline) -> Result<Self> {
        Ok(ExecutiveInputs {
            executive_yaml: p.read(EXECUTIVE_FILE)?,
            leadership_csv: p.read("us-gov-manual/usgovmanual_2025_leadership.csv")?,
            agencies_csv: p.read("us-gov-manual/usgovmanual_2025_agencies.csv")?,
            plum_csv: p.read("opm-plum/opm_plum_export_2025-12.csv")?,
            historical_csv: p.read(HISTORICAL_FILE)?,
            wikidata_bio_csv: p.read("us-officials-wikidata/us_bio.csv")?,
            nicknames_csv: p.read("nicknames/names.csv")?,
            wikidata_holders_csv: p.read(HOLDERS_FILE)?,
            wikidata_offices_csv: p.read(OFFICES_FILE)?,
        })
    }
}

/// A president or vice president of `executive.yaml` (only the fields we
/// use).
#[derive(Debug, Deserialize)]
struct Executive {
    name: Name,
    terms: Vec<ExecutiveTerm>,
}

#[derive(Debug, Deserialize)]
struct ExecutiveTerm {
    #[serde(rename = "type")]
    kind: String,
    start: String,
    end: Option<String>,
}

#[derive(Debug, Deserialize)]
struct LeadershipRow {
    agency_name: String,
    category: String,
    table_header: String,
    person_name: String,
    title: String,
}

#[derive(Debug, Deserialize)]
struct AgencyRow {
    agency_name: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct PlumRow {
    agency_name: String,
    position_title: String,
    position_status: String,
    appointment_type_description: String,
    payment_plan_description: String,
    incumbent_first_name: String,
    incumbent_last_name: String,
    #[serde(default)]
    incumbent_begin_date: String,
    #[serde(default)]
    incumbent_vacate_date: String,
}

#[derive(Debug, Deserialize)]
struct BioRow {
    name: String,
}

#[derive(Debug, Deserialize)]
struct NameRow {
    first_name: String,
    middle_name: String,
    last_name: String,
    nickname: String,
}

/// The TOML text of `dictionaries/us-executive.toml`, built from the data
/// checkout next to the dictionaries before it.
pub(crate) fn generate(p: &Pipeline) -> Result<String> {
    let inputs = ExecutiveInputs::read(p)?;
    executive(&inputs, &p.reserved("us-executive")?)
}

/// The TOML text of `dictionaries/us-executive.toml`.
fn executive(inputs: &ExecutiveInputs, reserved: &Reserved) -> Result<String> {
    let mut log = Log::default();
    let (mut persons, counts) = executive_persons(inputs, reserved, &mut log)?;
    let former = FormerMembers::parse(&inputs.historical_csv)?;
    let presidents = executive_bioguides(&inputs.executive_yaml)?;
    let senior: HashSet<String> = persons
        .iter()
        .filter(|p| !p.titles.is_empty())
        .flat_map(Person::forms)
        .map(|f| key(f))
        .collect();
    let offered = offer_namesakes(&mut persons, &former, |_, m| {
        m.left_to_executive(&presidents, &senior)
    });
    let mut out = String::new();
    out.push_str(
        "# US executive: presidents, vice presidents and officials. Generated by\n\
         # `dictgen executive`; do not edit by hand. To regenerate:\n",
    );
    writeln!(out, "#   {COMMAND}").unwrap();
    writeln!(
        out,
        "#\n# Records read: {} presidents and vice presidents (executive.yaml), {} leadership\n\
         # entries of executive-branch agencies (Government Manual 2025), {} filled positions\n\
         # of the Plum Book (every one with a usable name). Merged into {} persons (one name,\n\
         # or one name and agency), of which {} are written. Left out of the Plum Book: {}\n\
         # rows without a usable name (\"VACANT\", a lone name or initial).",
        counts.presidents,
        counts.leadership,
        counts.plum,
        counts.merged,
        persons.len(),
        counts.unnamed,
    )
    .unwrap();
    log.comment(&mut out, "Persons");
    write_offered(&mut out, "Persons", offered);
    let source = format!(
        "executive.yaml of unitedstates/congress-legislators ({LEGISLATORS_REPO}) at commit \
         {LEGISLATORS_COMMIT} (CC0-1.0); the leadership lists of the United States Government \
         Manual 2025 (GPO, GOVMAN-2025-01-13.xml, found in {NEWS_ANALYZER_REPO} at commit \
         {GOVMAN_COMMIT}; public domain); the OPM PLUM reporting export (Plum Book data, \
         dated 2025-12-16, found in {NEWS_ANALYZER_REPO} at commit {PLUM_COMMIT}; public domain); \
         short forms of given names from {NICKNAMES_REPO} at commit {NICKNAMES_COMMIT} (Apache-2.0)"
    );
    write_meta(&mut out, NAME, &source, LICENCE, AS_OF, COMMAND);
    write_persons(&mut out, &persons);
    Ok(out)
}

/// How many records each source gave.
#[derive(Debug, Default)]
struct Counts {
    presidents: usize,
    leadership: usize,
    plum: usize,
    /// Plum Book rows left out for want of a usable name.
    unnamed: usize,
    merged: usize,
}

/// One official's record before merging.
#[derive(Debug)]
struct Record {
    name: String,
    /// Folded "first last": the key records of two sources are merged on.
    short_key: String,
    family: Option<String>,
    /// Titles as they stand before the name.
    titles: Vec<String>,
    /// What the description says of this post.
    role: String,
    agency: String,
    rank: Rank,
    /// The post as a role with its dates, for the senior posts (those
    /// whose title stands before the name).
    office: Option<Role>,
}

/// The persons of `us-executive.toml`, resolved against `reserved`.
fn executive_persons(
    inputs: &ExecutiveInputs,
    reserved: &Reserved,
    log: &mut Log,
) -> Result<(Vec<Person>, Counts)> {
    let mut counts = Counts::default();
    let mut persons = presidents(&inputs.executive_yaml)?;
    counts.presidents = persons.len();

    let (casing, known) = {
        let mut words = Vec::new();
        let mut names = Vec::new();
        for row in rows::<NameRow>(&inputs.historical_csv, "legislators-historical.csv")? {
            names.push(format!("{} {}", row.first_name, row.last_name));
            if !row.nickname.is_empty() {
                names.push(format!("{} {}", row.nickname, row.last_name));
            }
            words.push(row.first_name);
            words.push(row.middle_name);
            words.push(row.last_name);
            words.push(row.nickname);
        }
        names.extend(
            rows::<LeadershipRow>(&inputs.leadership_csv, "usgovmanual_2025_leadership.csv")?
                .into_iter()
                .map(|row| row.person_name),
        );
        names.extend(
            rows::<BioRow>(&inputs.wikidata_bio_csv, "us_bio.csv")?
                .into_iter()
                .map(|row| row.name),
        );
        (
            Casing::learn(words.iter().map(String::as_str)),
            KnownNames::learn(names.iter().map(String::as_str)),
        )
    };
    let agency_names: HashMap<String, String> =
        rows::<AgencyRow>(&inputs.agencies_csv, "usgovmanual_2025_agencies.csv")?
            .into_iter()
            .map(|row| (key(&row.agency_name), row.agency_name))
            .collect();

    let nicknames = Nicknames::parse(&inputs.nicknames_csv)?;
    let leadership = leadership_records(&inputs.leadership_csv)?;
    counts.leadership = leadership.len();
    let (plum, unnamed) = plum_records(&inputs.plum_csv, &casing, &known, &agency_names)?;
    counts.plum = plum.len();
    counts.unnamed = unnamed;

    // The president and vice president of the Government Manual are those of
    // executive.yaml.
    let president_keys: HashSet<String> = persons
        .iter()
        .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases).map(|f| short_key(f)))
        .collect();
    let records: Vec<Record> = leadership
        .into_iter()
        .chain(plum)
        .filter(|r| {
            !(matches!(r.agency.as_str(), "The President" | "The Vice President")
                && president_keys.contains(&r.short_key))
        })
        .collect();

    // Merge: one person per written name (as the Plum Book itself does, one
    // row per post: a name in two agencies is one person in two posts), and
    // per short name and agency ("Janet L. Yellen" and "JANET YELLEN" of the
    // Treasury).
    let mut groups: Vec<Vec<Record>> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut by_agency: HashMap<(String, String), usize> = HashMap::new();
    for r in records {
        let name_key = key(&r.name);
        let agency_key = (r.short_key.clone(), key(&r.agency));
        let group = by_name
            .get(&name_key)
            .or_else(|| by_agency.get(&agency_key))
            .copied();
        let g = match group {
            Some(g) => g,
            None => {
                groups.push(Vec::new());
                groups.len() - 1
            }
        };
        by_name.insert(name_key, g);
        by_agency.insert(agency_key, g);
        groups[g].push(r);
    }
    counts.merged = counts.presidents + groups.len();
    for mut group in groups {
        // The newest record first; the name as the Government Manual writes
        // it where it has one (mixed case, middle initials).
        group.sort_by_key(|r| std::cmp::Reverse(r.rank));
        let rank = group[0].rank;
        let written = group
            .iter()
            .filter(|r| r.rank.0 == 1)
            .max_by_key(|r| r.name.len())
            .unwrap_or(&group[0]);
        let name = written.name.clone();
        let mut aliases: Vec<String> = group.iter().map(|r| r.name.clone()).collect();
        for r in &group {
            aliases.extend(short_forms(&r.name));
        }
        let shorts: Vec<String> = aliases
            .iter()
            .filter(|a| a.split_whitespace().count() == 2)
            .flat_map(|a| nicknames.short_forms(a))
            .collect();
        aliases.extend(shorts);
        let family_name = group
            .iter()
            .find_map(|r| r.family.as_deref().and_then(|f| family_name(&name, f)));
        let mut titles = Vec::new();
        let mut roles: Vec<String> = Vec::new();
        for r in &group {
            for t in &r.titles {
                titles.extend(titles_of(t));
            }
            let role = format!("{} ({})", r.role, r.agency);
            if !roles.iter().any(|x| key(x) == key(&role)) {
                roles.push(role);
            }
        }
        let more = roles.len().saturating_sub(3);
        roles.truncate(3);
        let mut description = roles.join("; ");
        if more > 0 {
            write!(description, "; and {more} more").unwrap();
        }
        let mut offices: Vec<Role> = Vec::new();
        for office in group.iter().filter_map(|r| r.office.clone()) {
            if !offices.contains(&office) {
                offices.push(office);
            }
        }
        let prominence = official_prominence(&group);
        persons.push(Person {
            id: String::new(),
            disambiguator: group[0].agency.clone(),
            name,
            aliases,
            family_name,
            titles,
            roles: offices,
            description,
            prominence: Some(prominence),
            rank,
            tiebreak: rank.1.to_string(),
            ..Person::default()
        });
    }
    // The earlier posts of the senior officials, as Wikidata gives them (the
    // us-officials dictionary leaves these persons to this one): by the
    // person's name, or else by an alias that only this person has here.
    let wikidata = roles_by_name(&inputs.wikidata_holders_csv, &inputs.wikidata_offices_csv)?;
    let mut alias_owners: HashMap<String, usize> = HashMap::new();
    for p in &persons {
        let keys: HashSet<String> = p.forms().map(|f| key(f)).collect();
        for k in keys {
            *alias_owners.entry(k).or_default() += 1;
        }
    }
    for p in persons.iter_mut().filter(|p| !p.roles.is_empty()) {
        let found = std::iter::once(&p.name)
            .chain(p.aliases.iter().filter(|a| alias_owners[&key(a)] == 1))
            .find_map(|f| wikidata.get(&key(f)));
        for r in found.into_iter().flatten() {
            // The same term of the same post, as the other source names it
            // ("President" and "President of the United States"); its end
            // as the newer source gives it.
            let same = |o: &Role| {
                let (a, b) = (r.title.to_lowercase(), o.title.to_lowercase());
                o.from == r.from && (a.contains(&b) || b.contains(&a))
            };
            if !p.roles.iter().any(same) {
                p.roles.push(r.clone());
            }
        }
        // A post listed without dates (the Government Manual's lists are
        // not all of January 2025) is dropped where a dated term of the
        // same office says when it was held.
        let dated: Vec<(String, Option<&'static str>)> = p
            .roles
            .iter()
            .filter(|r| r.from.is_some() || r.to.is_some())
            .map(|r| (key(&r.title), copydesk::rules::office_of(r)))
            .collect();
        p.roles.retain(|r| {
            let office = copydesk::rules::office_of(r);
            r.from.is_some()
                || r.to.is_some()
                || !dated
                    .iter()
                    .any(|(k, o)| *k == key(&r.title) || (o.is_some() && *o == office))
        });
        p.roles.sort_by_key(|r| (r.from.is_none(), r.from, r.to));
    }
    let persons = resolve(persons, reserved, log)?;
    Ok((persons, counts))
}

/// The prominence of an official, from the records of one person. The Plum
/// Book export (December 2025) is the list of who holds a post now: a post
/// it lists, unless vacated, is held now (cabinet-level: [`PROMINENT`]).
/// The Government Manual's lists (January 2025) are partly years old (its
/// Secretary of Agriculture is George Perdue, who left in 2021): a person
/// it alone lists is taken to hold the post still ([`DEFAULT`]), but for a
/// cabinet-level post, whose holder now the Plum Book names: a former
/// holder ([`MINOR`]).
fn official_prominence(group: &[Record]) -> u8 {
    let now = Date::parse(AS_OF).expect("AS_OF is a date");
    let cabinet = |r: &&Record| {
        r.office
            .as_ref()
            .is_some_and(|o| is_us_cabinet_level(&o.title, o.org.as_deref()))
    };
    let plum: Vec<&Record> = group.iter().filter(|r| r.rank.0 == PLUM_RANK).collect();
    let held: Vec<&Record> = plum
        .iter()
        .copied()
        .filter(|r| r.office.as_ref().is_none_or(|o| held_now(o, now)))
        .collect();
    if held.iter().any(cabinet) {
        PROMINENT
    } else if !held.is_empty() {
        DEFAULT
    } else if plum.is_empty() {
        if group.iter().any(|r| cabinet(&r)) {
            MINOR
        } else {
            DEFAULT
        }
    } else {
        let vacated: Vec<Role> = plum.iter().filter_map(|r| r.office.clone()).collect();
        former_by_year(last_year(&vacated))
    }
}

/// Presidents and vice presidents.
fn presidents(yaml: &str) -> Result<Vec<Person>> {
    let people: Vec<Executive> = serde_norway::from_str(yaml).context("failed to parse executive.yaml")?;
    // Numbering: a new number whenever the office changes hands.
    let mut terms: Vec<(&str, &str, usize)> = Vec::new();
    let mut as_of = "";
    for (i, p) in people.iter().enumerate() {
        for t in &p.terms {
            terms.push((t.kind.as_str(), t.start.as_str(), i));
            as_of = as_of.max(t.start.as_str());
        }
    }
    terms.sort();
    let mut numbers: HashMap<(&str, usize), Vec<usize>> = HashMap::new();
    let mut last: HashMap<&str, (usize, usize)> = HashMap::new();
    for &(kind, _, i) in &terms {
        let (n, prev) = last.get(kind).copied().unwrap_or((0, usize::MAX));
        if prev != i {
            last.insert(kind, (n + 1, i));
            numbers.entry((kind, i)).or_default().push(n + 1);
        }
    }

    let mut out = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let n = &p.name;
        let first = n.first.trim();
        let last_name = n.last.trim();
        let middle = n.middle.as_deref().map(str::trim).filter(|m| !m.is_empty());
        let nickname = n.nickname.as_deref().map(str::trim);
        let suffix = n.suffix.as_deref().map(str::trim);
        let initials = middle.map(middle_initials);
        let with_initials = match &initials {
            Some(m) if !m.is_empty() => format!("{first} {m} {last_name}"),
            _ => format!("{first} {last_name}"),
        };
        let name = match (&n.official_full, nickname) {
            (Some(full), _) => full.trim().to_owned(),
            (None, Some(nick)) => format!("{nick} {last_name}"),
            (None, None) => with_initials.clone(),
        };
        let mut aliases = vec![format!("{first} {last_name}"), with_initials.clone()];
        if let Some(m) = middle {
            aliases.push(format!("{first} {m} {last_name}"));
        }
        if let Some(nick) = nickname {
            aliases.push(format!("{nick} {last_name}"));
        }
        if let Some(s) = suffix {
            aliases.push(format!("{with_initials}, {s}"));
        }
        aliases.extend(short_forms(&name));

        let mut titles = Vec::new();
        let mut parts = Vec::new();
        for (kind, office, title) in [
            ("prez", "President of the United States", "President"),
            (
                "viceprez",
                "Vice President of the United States",
                "Vice President",
            ),
        ] {
            let Some(nums) = numbers.get(&(kind, i)) else {
                continue;
            };
            titles.push(title.to_owned());
            let nums: Vec<String> = nums.iter().map(|&k| ordinal(k as i64)).collect();
            let spans = spans(p.terms.iter().filter(|t| t.kind == kind), as_of);
            parts.push(format!("{} {office} ({})", join_and(&nums), spans.join(", ")));
        }
        if parts.is_empty() {
            bail!("{name} holds no term as president or vice president");
        }
        let mut roles = Vec::new();
        let mut sorted: Vec<&ExecutiveTerm> = p.terms.iter().collect();
        sorted.sort_by(|a, b| a.start.cmp(&b.start));
        for t in sorted {
            let title = if t.kind == "prez" {
                "President"
            } else {
                "Vice President"
            };
            add_term(
                &mut roles,
                title,
                Some("United States"),
                &t.start,
                t.end.as_deref(),
                as_of,
            );
        }
        // A term running past the date of the data has no `to`: held now.
        let in_office = roles.iter().any(|r| r.to.is_none());
        out.push(Person {
            id: String::new(),
            family_name: family_name(&name, last_name),
            name,
            aliases,
            titles,
            roles,
            description: parts.join("; "),
            prominence: Some(us_president_or_vice_president(in_office)),
            rank: (3, 0),
            disambiguator: p
                .terms
                .first()
                .map(|t| t.start[..4].to_owned())
                .unwrap_or_default(),
            tiebreak: i.to_string(),
            ..Person::default()
        });
    }
    Ok(out)
}

/// "Herbert Walker" -> "H. W.", "S." -> "S.", "Rufus de Vane" -> "R.".
fn middle_initials(middle: &str) -> String {
    let mut out = Vec::new();
    for w in middle.split_whitespace() {
        let Some(c) = w.chars().next() else { continue };
        if !c.is_uppercase() {
            break;
        }
        out.push(format!("{c}."));
    }
    out.join(" ")
}

/// "45th", "45th and 47th", "1st, 2nd and 3rd".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The years of consecutive terms: "2017–2021", "2025–" for one still held.
fn spans<'a>(terms: impl Iterator<Item = &'a ExecutiveTerm>, as_of: &str) -> Vec<String> {
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    let mut last_end: Option<&str> = None;
    for t in terms {
        let open = t.end.as_deref().is_none_or(|e| e > as_of);
        let end = if open { None } else { t.end.clone() };
        match (out.last_mut(), last_end) {
            (Some(span), Some(prev)) if prev == t.start => span.1 = end,
            _ => out.push((t.start.clone(), end)),
        }
        last_end = t.end.as_deref();
    }
    out.into_iter()
        .map(|(start, end)| match end {
            Some(end) if end[..4] == start[..4] => start[..4].to_owned(),
            Some(end) => format!("{}–{}", &start[..4], &end[..4]),
            None => format!("{}–", &start[..4]),
        })
        .collect()
}

/// Decorations of Government Manual names: ranks before, "Acting" and
/// services after.
const NAME_PREFIXES: &[&str] = &[
    "Rear Adm. ",
    "CSM ",
    "Vice Adm. ",
    "Lt. Gen. ",
    "Maj. Gen. ",
    "Brig. Gen. ",
    "Gen. ",
    "Adm. ",
    "Col. ",
    "Dr. ",
    "Hon. ",
    "Secretary ",
    "Sen. ",
    "Rep. ",
    "Fr. ",
];

const NAME_SUFFIXES: &[&str] = &[
    ", Acting", ", USMC", ", USAF", ", USN", ", USA", ", USCG", ", O.P.",
];

/// The executive-branch leadership of the Government Manual.
fn leadership_records(text: &str) -> Result<Vec<Record>> {
    let mut out = Vec::new();
    for (row_no, row) in rows::<LeadershipRow>(text, "usgovmanual_2025_leadership.csv")?
        .into_iter()
        .enumerate()
    {
        if !row.category.starts_with("Executive Branch") {
            continue;
        }
        let mut name = row
            .person_name
            .replace('\u{200b}', "")
            .replace(" ,", ",")
            .trim()
            .to_owned();
        if let Some(i) = name.find(" (eff.") {
            name.truncate(i);
        }
        let mut rank_title = None;
        let mut acting = false;
        loop {
            let before = name.clone();
            name = name.trim_end_matches(['*', ' ']).to_owned();
            for s in NAME_SUFFIXES {
                if let Some(rest) = name.strip_suffix(s) {
                    acting |= *s == ", Acting";
                    name = rest.to_owned();
                }
            }
            for p in NAME_PREFIXES {
                if let Some(rest) = name.strip_prefix(p) {
                    if rank_title.is_none() && !matches!(*p, "Dr. " | "Hon. " | "Secretary ") {
                        rank_title = Some(p.trim().to_owned());
                    }
                    name = rest.to_owned();
                }
            }
            if name == before {
                break;
            }
        }
        // "Debra. Dickson": a stray dot after a given name; "Joyce l.
        // Connery": an initial in lower case.
        let name = name
            .split_whitespace()
            .enumerate()
            .map(|(i, w)| {
                if i == 0 && w.len() > 3 && w.ends_with('.') && !w[..w.len() - 1].contains('.') {
                    w[..w.len() - 1].to_owned()
                } else if w.len() == 2 && w.ends_with('.') && w.starts_with(|c: char| c.is_lowercase()) {
                    w.to_uppercase()
                } else {
                    w.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        if name.split_whitespace().count() < 2 || name.eq_ignore_ascii_case("vacant") {
            continue;
        }
        let title = title_case(row.title.trim());
        let header = title_case(row.table_header.trim());
        let (title, role) = if !title.is_empty() && is_role(&title) {
            (Some(title.clone()), title)
        } else if title.is_empty() {
            (
                None,
                if header.is_empty() {
                    "Official".to_owned()
                } else {
                    header
                },
            )
        } else if header.is_empty() {
            (None, title)
        } else {
            (None, format!("{header}: {title}"))
        };
        let role = if acting { format!("Acting {role}") } else { role };
        let office = title.as_ref().map(|t| Role {
            title: if acting { format!("Acting {t}") } else { t.clone() },
            org: Some(row.agency_name.trim().to_owned()),
            from: None,
            to: None,
        });
        // A rank stands before the name too ("Gen. Milley").
        let titles = title.into_iter().chain(rank_title).collect();
        out.push(Record {
            office,
            short_key: short_key(&name),
            family: None,
            titles,
            role,
            agency: row.agency_name.trim().to_owned(),
            rank: (1, row_no as u64),
            name,
        });
    }
    Ok(out)
}

/// True for the senior posts of the Plum Book, whose title is also a title
/// before the name: confirmed by the Senate (PAS), or a senior post of the
/// Executive Office of the President (presidential appointment, Executive
/// Schedule pay, or an "Assistant to the President" of any rank).
fn senior_post(row: &PlumRow) -> bool {
    let kind = row.appointment_type_description.as_str();
    if kind == "PAS" {
        return true;
    }
    row.agency_name.starts_with("EXECUTIVE OFFICE OF THE PRESIDENT")
        && (kind == "PA"
            || row.payment_plan_description == "EX"
            || row
                .position_title
                .to_uppercase()
                .contains("ASSISTANT TO THE PRESIDENT"))
}

/// Placeholders the Plum Book writes for a name.
const NO_NAME: &[&str] = &[
    "vacant",
    "tbd",
    "tba",
    "n/a",
    "na",
    "none",
    "unknown",
    "pending",
    "to be determined",
];

/// The given name and family name of a Plum Book row, cased; `None` for a
/// placeholder, a lone name, a given name that is only an initial, or a
/// name with digits.
fn plum_name(row: &PlumRow, casing: &Casing, known: &KnownNames) -> Option<(String, String)> {
    let (first, last) = (
        decode_entities(&row.incumbent_first_name),
        decode_entities(&row.incumbent_last_name),
    );
    let (first, last) = (first.trim(), last.trim());
    let usable = |part: &str| {
        !part.is_empty()
            && !NO_NAME.contains(&part.to_lowercase().as_str())
            && part.chars().any(char::is_alphabetic)
            && !part.chars().any(|c| c.is_ascii_digit())
    };
    if !usable(first) || !usable(last) {
        return None;
    }
    let first = name_case(first, casing);
    let last = name_case(last, casing);
    let given = first.split_whitespace().next().unwrap_or_default();
    if is_initial(given) || last.trim_end_matches('.').chars().count() < 2 {
        return None;
    }
    let name = format!("{first} {last}");
    Some((known.respell(&name, &first), known.respell(&name, &last)))
}

/// The filled posts of the Plum Book with a usable name, and how many filled
/// posts had none.
fn plum_records(
    text: &str,
    casing: &Casing,
    known: &KnownNames,
    agency_names: &HashMap<String, String>,
) -> Result<(Vec<Record>, usize)> {
    let mut out = Vec::new();
    let mut unnamed = 0;
    for (row_no, row) in rows::<PlumRow>(text, "opm_plum_export_2025-12.csv")?
        .into_iter()
        .enumerate()
    {
        if row.position_status != "Filled" {
            continue;
        }
        let Some((first, last)) = plum_name(&row, casing, known) else {
            unnamed += 1;
            continue;
        };
        let name = format!("{first} {last}");
        let agency = plum_agency(&row.agency_name, agency_names);
        let title = title_case(&row.position_title);
        let office = senior_post(&row).then(|| Role {
            title: title.clone(),
            org: Some(agency.clone()),
            from: us_date(&row.incumbent_begin_date),
            to: us_date(&row.incumbent_vacate_date).filter(|d| d.to_string().as_str() <= AS_OF),
        });
        out.push(Record {
            office,
            short_key: short_key(&name),
            family: Some(
                strip_suffix(&last.split_whitespace().collect::<Vec<_>>())
                    .join(" ")
                    .trim_end_matches(',')
                    .to_owned(),
            ),
            titles: if senior_post(&row) {
                vec![title.clone()]
            } else {
                Vec::new()
            },
            role: title,
            agency,
            rank: (PLUM_RANK, row_no as u64),
            name,
        });
    }
    Ok((out, unnamed))
}

/// The day of a Plum Book date, "12/18/2021 12:00:00 AM".
fn us_date(raw: &str) -> Option<Date> {
    let day = raw.split_whitespace().next()?;
    let mut parts = day.split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (m, d, y): (u32, u32, u32) = (m.parse().ok()?, d.parse().ok()?, y.parse().ok()?);
    Date::parse(&format!("{y:04}-{m:02}-{d:02}"))
}

/// "EXECUTIVE OFFICE OF THE PRESIDENT - WHITE HOUSE OFFICE" -> "White House
/// Office, Executive Office of the President"; the Government Manual's
/// spelling of an agency where it has one.
fn plum_agency(raw: &str, agency_names: &HashMap<String, String>) -> String {
    let one = |s: &str| {
        agency_names
            .get(&key(s))
            .cloned()
            .unwrap_or_else(|| title_case(s))
    };
    match raw.split_once(" - ") {
        Some((parent, child)) => format!("{}, {}", one(child.trim()), one(parent.trim())),
        None => one(raw.trim()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_loads, reserved};

    const EXECUTIVE_YAML: &str = r#"
- id: {bioguide: B001166}
  name: {first: George, middle: Herbert Walker, last: Bush}
  terms:
  - {type: viceprez, start: '1981-01-20', end: '1985-01-20', party: Republican}
  - {type: viceprez, start: '1985-01-20', end: '1989-01-20', party: Republican}
  - {type: prez, start: '1989-01-20', end: '1993-01-20', party: Republican}
- id: {bioguide: Q000007}
  name: {first: James, middle: Danforth, last: Quayle, nickname: Dan}
  terms:
  - {type: viceprez, start: '1989-01-20', end: '1993-01-20', party: Republican}
- id: {}
  name: {first: Donald, middle: J., last: Trump}
  terms:
  - {type: prez, start: '1993-01-20', end: '1997-01-20', party: Republican}
  - {type: prez, start: '2025-01-20', end: '2029-01-20', party: Republican}
- id: {}
  name: {first: Grover, last: Cleveland}
  terms:
  - {type: prez, start: '1997-01-20', end: '2001-01-20', party: Democrat}
"#;

    const LEADERSHIP: &str = "entity_id,agency_name,category,table_header,person_name,title
125,Department of the Treasury,Executive Branch: Departments,,Janet L. Yellen,SECRETARY OF THE TREASURY
125,Department of the Treasury,Executive Branch: Departments,ASSISTANT SECRETARIES,\"Brad Bailey, Acting\",Legislative Affairs
73,Architect of the Capitol,Legislative Branch,,\"Thomas J. Carroll III, Acting\",ARCHITECT OF THE CAPITOL
";

    const AGENCIES: &str = "entity_id,parent_id,parent_name,entity_type,category,agency_name,web_address
125,0,,Parent,Executive Branch: Departments,Department of the Treasury,https://treasury.gov
";

    const PLUM: &str = "AgencyName,OrganizationName,PositionTitle,PositionStatus,AppointmentTypeDescription,ExpirationDate,LevelGradePay,Location,IncumbentFirstName,IncumbentLastName,PaymentPlanDescription,Tenure,IncumbentBeginDate,IncumbentVacateDate
DEPARTMENT OF THE TREASURY,OFFICE OF THE SECRETARY,TREASURER OF THE UNITED STATES,Filled,PAS,,,\"Washington, DC\",KARA,MCDONALD,EX,,,
DEPARTMENT OF THE TREASURY,OFFICE OF THE SECRETARY,SECRETARY OF THE TREASURY,Filled,PAS,,,\"Washington, DC\",JANET,YELLEN,EX,,,
EXECUTIVE OFFICE OF THE PRESIDENT - WHITE HOUSE OFFICE,WHITE HOUSE OFFICE,ASSISTANT TO THE PRESIDENT AND PRESS SECRETARY,Filled,XS,,,,SEAN,O&#39;BRIEN,AD,,,
EXECUTIVE OFFICE OF THE PRESIDENT - WHITE HOUSE OFFICE,WHITE HOUSE OFFICE,CONFIDENTIAL ASSISTANT,Filled,XS,,,,ANNA,SMITH,GS,,,
DEPARTMENT OF STATE,BUREAU,AMBASSADOR,Vacant,PAS,,,,,,EX,,,
DEPARTMENT OF STATE,BUREAU,SPECIAL ASSISTANT,Filled,SC,,,,,VACANT,GS,,,
DEPARTMENT OF STATE,BUREAU,SENIOR ADVISOR,Filled,SC,,,,P,CARWILE,GS,,,
DEPARTMENT OF STATE,BUREAU,SENIOR ADVISOR,Filled,NA,,,,RON,DESANTIS,ES,,,
DEPARTMENT OF STATE,BUREAU,POLICY ADVISOR,Filled,SC,,,,DANIEL,WEBSTER,GS,,,
";

    const HISTORICAL: &str = "last_name,first_name,middle_name,suffix,nickname,full_name,birthday,gender,type,state,district,senate_class,party,bioguide_id
DeLauro,Rosa,L.,,,,1943-03-02,F,rep,CT,3,,Democrat,D000216
Webster,Daniel,,,,,1782-01-18,M,sen,MA,,1,Whig,W000238
";

    const BIO: &str = "id,name,gender,dob,dobp,dod,dodp,image,enwiki
Q1,Ron DeSantis,male,1978-09-14,11,,,,
";

    fn inputs() -> ExecutiveInputs {
        ExecutiveInputs {
            executive_yaml: EXECUTIVE_YAML.to_owned(),
            leadership_csv: LEADERSHIP.to_owned(),
            agencies_csv: AGENCIES.to_owned(),
            plum_csv: PLUM.to_owned(),
            historical_csv: HISTORICAL.to_owned(),
            wikidata_bio_csv: BIO.to_owned(),
            nicknames_csv: "name1,relationship,name2\njanet,has_nickname,jan\nkara,has_nickname,kay\n"
                .to_owned(),
            wikidata_holders_csv: "position,person,personID,start,end\n\
                Chair of the Federal Reserve,Janet Yellen,Q263725,2014-02-03,2018-02-03\n\
                Secretary of the Treasury,Janet Yellen,Q263725,2021-01-26,\n"
                .to_owned(),
            wikidata_offices_csv: "source_key,position_qid,office_title,person_qid,name,start,end\n"
                .to_owned(),
        }
    }

    fn newsroom() -> Reserved {
        reserved(&[(
            "newsroom.toml",
            "[[entity]]\nid = \"donald-trump\"\nkind = \"person\"\nname = \"Donald Trump\"\n\
             aliases = [\"Donald J. Trump\"]\n",
        )])
    }

    #[test]
    fn executive_writes_the_expected_toml() {
        let toml = executive(&inputs(), &newsroom()).unwrap();
        let expected = r#"# US executive: presidents, vice presidents and officials. Generated by
# `dictgen executive`; do not edit by hand. To regenerate:
#   cargo run --release -p dictgen -- executive --data ../shared/data --output dictionaries/us-executive.toml
#
# Records read: 4 presidents and vice presidents (executive.yaml), 2 leadership
# entries of executive-branch agencies (Government Manual 2025), 6 filled positions
# of the Plum Book (every one with a usable name). Merged into 11 persons (one name,
# or one name and agency), of which 10 are written. Left out of the Plum Book: 2
# rows without a usable name ("VACANT", a lone name or initial).
#
# Persons left out because a dictionary built before this one holds their name (1):
#   "Donald J. Trump" (newsroom.toml: donald-trump)
#
# Persons with a form that a former member of Congress, another person, has too
# (listed under `ambiguous`, as us-congress-former.toml lists it): 1

[meta]
name = "US executive: presidents, vice presidents and officials"
source = "executive.yaml of unitedstates/congress-legislators (https://github.com/unitedstates/congress-legislators) at commit dfa9622263dd4c8d08636926e498f1845704d7eb (CC0-1.0); the leadership lists of the United States Government Manual 2025 (GPO, GOVMAN-2025-01-13.xml, found in https://github.com/newsanalyzer-admin/news-analyzer at commit 264f9d7bc5fdc1608a8c60aed2b8f80ae4108ccf; public domain); the OPM PLUM reporting export (Plum Book data, dated 2025-12-16, found in https://github.com/newsanalyzer-admin/news-analyzer at commit bd9d622b27fb743f9a98d22b2f394b3dd23d68d1; public domain); short forms of given names from https://github.com/carltonnorthern/nicknames at commit 21d75051c39cb022d145388d60c87dc30505228b (Apache-2.0)"
licence = "CC0-1.0 (executive.yaml), public domain (US Government Manual, OPM), Apache-2.0 (nicknames)"
as-of = "2025-12-16"
generator = "cargo run --release -p dictgen -- executive --data ../shared/data --output dictionaries/us-executive.toml"

[[entity]]
id = "anna-smith"
kind = "person"
name = "Anna Smith"
description = "Confidential Assistant (White House Office, Executive Office of the President)"
prominence = 2

[[entity]]
id = "brad-bailey"
kind = "person"
name = "Brad Bailey"
description = "Acting Assistant Secretaries: Legislative Affairs (Department of the Treasury)"
prominence = 2

[[entity]]
id = "dan-quayle"
kind = "person"
name = "Dan Quayle"
aliases = ["James Quayle", "James D. Quayle", "James Danforth Quayle"]
titles = ["Vice President"]
roles = [
  { title = "Vice President", org = "United States", from = "1989-01-20", to = "1993-01-20" },
]
description = "2nd Vice President of the United States (1989–1993)"
prominence = 2

[[entity]]
id = "daniel-webster"
kind = "person"
name = "Daniel Webster"
ambiguous = ["Daniel Webster"]
description = "Policy Advisor (Department of State)"
prominence = 2

[[entity]]
id = "george-h-w-bush"
kind = "person"
name = "George H. W. Bush"
aliases = ["George Bush", "George Herbert Walker Bush"]
titles = ["President", "Vice President"]
roles = [
  { title = "Vice President", org = "United States", from = "1981-01-20", to = "1989-01-20" },
  { title = "President", org = "United States", from = "1989-01-20", to = "1993-01-20" },
]
description = "1st President of the United States (1989–1993); 1st Vice President of the United States (1981–1989)"
prominence = 2

[[entity]]
id = "grover-cleveland"
kind = "person"
name = "Grover Cleveland"
titles = ["President"]
roles = [
  { title = "President", org = "United States", from = "1997-01-20", to = "2001-01-20" },
]
description = "3rd President of the United States (1997–2001)"
prominence = 2

[[entity]]
id = "janet-l-yellen"
kind = "person"
name = "Janet L. Yellen"
aliases = ["Janet Yellen", "Jan Yellen"]
titles = ["Secretary of the Treasury", "Secretary"]
roles = [
  { title = "Chair of the Federal Reserve", from = "2014-02-03", to = "2018-02-03" },
  { title = "Secretary of the Treasury", from = "2021-01-26" },
]
description = "Secretary of the Treasury (Department of the Treasury)"
prominence = 3

[[entity]]
id = "kara-mcdonald"
kind = "person"
name = "Kara McDonald"
titles = ["Treasurer of the United States"]
roles = [
  { title = "Treasurer of the United States", org = "Department of the Treasury" },
]
description = "Treasurer of the United States (Department of the Treasury)"
prominence = 2

[[entity]]
id = "ron-desantis"
kind = "person"
name = "Ron DeSantis"
description = "Senior Advisor (Department of State)"
prominence = 2

[[entity]]
id = "sean-obrien"
kind = "person"
name = "Sean O'Brien"
titles = ["Assistant to the President", "Press Secretary"]
roles = [
  { title = "Assistant to the President and Press Secretary", org = "White House Office, Executive Office of the President" },
]
description = "Assistant to the President and Press Secretary (White House Office, Executive Office of the President)"
prominence = 2
"#;
        assert_eq!(toml, expected);
        assert_loads(&[("us-executive.toml", &toml)]);
    }

    #[test]
    fn officials_by_the_lists_that_name_them() {
        let record = |rank: u8, title: &str, org: &str, to: Option<&str>| Record {
            name: "Jane Doe".to_owned(),
            short_key: "jane doe".to_owned(),
            family: None,
            titles: vec![title.to_owned()],
            role: title.to_owned(),
            agency: org.to_owned(),
            rank: (rank, 0),
            office: Some(Role {
                title: title.to_owned(),
                org: Some(org.to_owned()),
                from: None,
                to: to.and_then(Date::parse_partial),
            }),
        };
        const MANUAL: u8 = 1;
        // The Plum Book's Secretary of Agriculture holds a cabinet post now.
        let plum_secretary = record(PLUM_RANK, "Secretary", "Department of Agriculture", None);
        assert_eq!(official_prominence(&[plum_secretary]), PROMINENT);
        // The Government Manual's (George Perdue, in the 2025 edition): the
        // Plum Book names who holds the post now.
        let manual_secretary = record(
            MANUAL,
            "Secretary of Agriculture",
            "Department of Agriculture",
            None,
        );
        assert_eq!(official_prominence(&[manual_secretary]), MINOR);
        // Other officials of either list are in office.
        let manual_director = record(MANUAL, "Director", "National Park Service", None);
        assert_eq!(official_prominence(&[manual_director]), DEFAULT);
        let plum_deputy = record(PLUM_RANK, "Deputy Secretary", "Department of Agriculture", None);
        assert_eq!(official_prominence(&[plum_deputy]), DEFAULT);
        // A post the Plum Book says was vacated in 2025.
        let vacated = record(
            PLUM_RANK,
            "Administrator",
            "Environmental Protection Agency",
            Some("2025-01-28"),
        );
        assert_eq!(official_prominence(&[vacated]), MINOR);
    }

    #[test]
    fn titles() {
        assert_eq!(
            titles_of("Assistant to the President and Press Secretary"),
            ["Assistant to the President", "Press Secretary"]
        );
        assert_eq!(
            titles_of("Secretary of State"),
            ["Secretary of State", "Secretary"]
        );
        assert_eq!(middle_initials("Herbert Walker"), "H. W.");
        assert_eq!(middle_initials("Rufus de Vane"), "R.");
    }
}
