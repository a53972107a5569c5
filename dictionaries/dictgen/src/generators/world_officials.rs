//! `dictgen world-officials`: ministers, officials and members
//! of parliament of the world's governments, from cdmngz/gov-salaries-data
//! (2025 and 2026), into `dictionaries/world-officials.toml`.
//!
//! Sources (under the data checkout, see its `SOURCES.md`):
//! `gov-salaries-officials/world_executive_officials_2025_2026.csv` (heads of
//! state and government, ministers, officials, royalty) and
//! `gov-salaries-officials/world_legislators_2025_2026.csv` (senators and
//! deputies), with the country names of CLDR (`cldr/territories_en.json`).
//!
//! The data is community-curated and unverified, and some of it is stale;
//! it is used as a list of real politicians' names, each described by what
//! the data says of them. So:
//!
//! - one person per country and name, across both files and both years; the
//!   description gives the roles (newest year first), the country, the
//!   chamber and the party: "Minister of Finance, Romania (PSD)",
//!   "Senator, Argentina (PRO)";
//! - names written "Family, Given" (Spain) are turned round, a particle at
//!   the end of the given names going with the family name ("Bienvenido de
//!   Arriba Sánchez"); where the family name is two words ("Pueyo Sanz", two
//!   surnames) the first is `family-name` and "Given First-surname" an alias,
//!   as the Spanish press writes it ("Jorge Pueyo");
//! - honorifics before a name are dropped ("King", "Dr.", "Dato Seri");
//! - left out: the United States (the US dictionaries hold its officials);
//!   single names ("Henri"); rows that are not a name ("Vacant (Federation
//!   Council not yet formed)": parentheses), names with digits, broken quotes
//!   or letters outside the Latin script; and whole lists that do not look
//!   like real ones: a list of 20 names or more where fewer than a quarter
//!   of the given names, or of the last words, differ ([`MIN_DIVERSITY`]),
//!   the mark of names made up from a few common ones;
//! - `prominence` ([`prominence`]): 2 for a minister, a member of the
//!   executive or a royal, a presiding officer or a chief justice; 1 for a
//!   member of parliament, an official below a minister, and a person the
//!   2026 list no longer names;
//! - a person whose name a dictionary built before this one holds is left
//!   out ([`resolve`]), and so is one whose name is a close
//!   spelling of a person of `world-leaders.toml` (the same leader spelled
//!   otherwise: "Nikos Christodoulidis"); namesakes in this dictionary are
//!   kept, sharing the name under `ambiguous`, as are forms a former member
//!   of Congress has too ([`offer_namesakes`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use anyhow::{Result, bail};
use copydesk::words::form_words;
use serde::Deserialize;

use crate::former_members::{FormerMembers, offer_namesakes, write_offered};
use crate::forms::{damerau, key};
use crate::legislators::HISTORICAL_FILE;
use crate::person::{Log, Person, family_name, resolve, write_persons};
use crate::pipeline::Pipeline;
use crate::prominence::{former, in_government, in_parliament_or_below};
use crate::reserved::Reserved;
use crate::table;
use crate::territories::territory_names;
use crate::toml_out::{write_comment_section, write_meta};

/// The command that regenerates `dictionaries/world-officials.toml`.
const COMMAND: &str = "cargo run --release -p dictgen -- world-officials \
     --data ../shared/data --output dictionaries/world-officials.toml";

/// `[meta] name`.
const NAME: &str = "World officials";

/// The files read, relative to the data checkout.
const EXECUTIVE_FILE: &str = "gov-salaries-officials/world_executive_officials_2025_2026.csv";
const LEGISLATORS_FILE: &str = "gov-salaries-officials/world_legislators_2025_2026.csv";
const CLDR_FILE: &str = "cldr/territories_en.json";

/// `[meta] source`.
const SOURCE: &str = "cdmngz/gov-salaries-data (https://github.com/cdmngz/gov-salaries-data) at \
     commit 2eb1a16386c12b15163efd3781429dbaeb128e22: data/<country>/<year>/data.json for 2025 \
     and 2026, flattened into world_executive_officials_2025_2026.csv and \
     world_legislators_2025_2026.csv; country names from Unicode CLDR (npm \
     cldr-localenames-full 48.2.0)";

/// `[meta] licence`.
const LICENCE: &str = "CC0-1.0 (gov-salaries-data); Unicode-3.0 (CLDR)";

/// `[meta] as-of`: the commit date of the snapshot.
const AS_OF: &str = "2026-08-12";

/// A list of [`MIN_LIST`] names or more is left out when fewer than this
/// share of its given names, or of its last words, differ.
const MIN_DIVERSITY: f64 = 0.25;

/// The smallest list [`MIN_DIVERSITY`] is judged on.
const MIN_LIST: usize = 20;

/// Honorifics written before some names, dropped (longest first).
const HONORIFICS: &[&str] = &[
    "Crown Prince ",
    "Dato Seri Setia ",
    "Dato Seri ",
    "Dato' ",
    "Dato ",
    "Datuk ",
    "Princess ",
    "Prince ",
    "Queen ",
    "King ",
    "Pope ",
    "Sheikha ",
    "Sir ",
    "Dame ",
    "Lt. Gen. ",
    "Maj. Gen. ",
    "Gen. ",
    "Dr. ",
    "Dr ",
    "Prof. ",
    "Hon. ",
    "Rev. ",
];

/// Particles that belong with the family name when "Family, Given" ends the
/// given names with them ("Arriba Sánchez, Bienvenido de").
const PARTICLES: &[&str] = &[
    "de", "del", "de la", "de las", "de los", "da", "do", "dos", "van", "von",
];

/// One row of either file: the executive officials' (`section`) or the
/// legislators' (`chamber`).
#[derive(Debug, Deserialize)]
struct Row {
    #[serde(rename = "country_iso2")]
    country: String,
    year: String,
    /// "ministers", "executive", "officials", "royalty", "senate", "deputies".
    #[serde(rename = "section", alias = "chamber")]
    list: String,
    name: String,
    role: String,
    party: String,
}

/// The TOML text of `dictionaries/world-officials.toml`, built from the data
/// checkout next to the dictionaries before it.
pub(crate) fn generate(p: &Pipeline) -> Result<String> {
    let executive = p.read(EXECUTIVE_FILE)?;
    let legislators = p.read(LEGISLATORS_FILE)?;
    let countries = territory_names(&p.read(CLDR_FILE)?)?;
    let former = FormerMembers::parse(&p.read(HISTORICAL_FILE)?)?;
    world_officials(
        &executive,
        &legislators,
        &countries,
        &p.reserved("world-officials")?,
        &former,
    )
}

/// What the generator left out, for the header comment.
#[derive(Debug, Default)]
struct Notes {
    /// Rows that are not a usable name.
    unusable: Vec<String>,
    /// Lists left out as made up.
    lists: Vec<String>,
    /// Persons spelled closely to a person of world-leaders.toml.
    close: Vec<String>,
    /// Rows of the United States.
    us_rows: usize,
}

fn world_officials(
    executive: &str,
    legislators: &str,
    countries: &HashMap<String, String>,
    reserved: &Reserved,
    former: &FormerMembers,
) -> Result<String> {
    let mut rows = table::rows::<Row>(executive, EXECUTIVE_FILE)?;
    rows.extend(table::rows::<Row>(legislators, LEGISLATORS_FILE)?);
    if rows.is_empty() {
        bail!("the data names nobody");
    }

    let mut notes = Notes::default();
    // Lists that look made up.
    let mut lists: BTreeMap<(String, String), HashSet<String>> = BTreeMap::new();
    for r in &rows {
        if let Some(name) = clean_name(&r.name) {
            lists
                .entry((r.country.clone(), r.list.clone()))
                .or_default()
                .insert(name.name);
        }
    }
    let mut made_up = HashSet::new();
    for ((country, list), names) in &lists {
        if names.len() < MIN_LIST {
            continue;
        }
        let words: Vec<Vec<String>> = names.iter().map(|n| form_words(n)).collect();
        let given: HashSet<&String> = words.iter().filter_map(|w| w.first()).collect();
        let last: HashSet<&String> = words.iter().filter_map(|w| w.last()).collect();
        let share = |n: usize| n as f64 / names.len() as f64;
        if share(given.len()) < MIN_DIVERSITY || share(last.len()) < MIN_DIVERSITY {
            notes.lists.push(format!(
                "{country} {list}: {} names, {} given names, {} last words",
                names.len(),
                given.len(),
                last.len()
            ));
            made_up.insert((country.clone(), list.clone()));
        }
    }

    // The newest year of each country's list: a person it no longer names
    // has left.
    let mut newest: HashMap<(&str, &str), &str> = HashMap::new();
    for r in &rows {
        let year = newest.entry((&r.country, &r.list)).or_default();
        if r.year.as_str() > *year {
            *year = &r.year;
        }
    }
    let newest: HashMap<(String, String), String> = newest
        .into_iter()
        .map(|((c, l), y)| ((c.to_owned(), l.to_owned()), y.to_owned()))
        .collect();

    // One person per country and name; the newest year first.
    rows.sort_by(|a, b| b.year.cmp(&a.year));
    let mut groups: Vec<(Name, Vec<&Row>)> = Vec::new();
    let mut by_key: HashMap<(String, String), usize> = HashMap::new();
    for r in &rows {
        if r.country == "us" {
            notes.us_rows += 1;
            continue;
        }
        if made_up.contains(&(r.country.clone(), r.list.clone())) {
            continue;
        }
        let Some(name) = clean_name(&r.name) else {
            if !notes.unusable.contains(&r.name) {
                notes.unusable.push(r.name.clone());
            }
            continue;
        };
        let k = (r.country.clone(), key(&name.name));
        match by_key.get(&k) {
            Some(&g) => groups[g].1.push(r),
            None => {
                by_key.insert(k, groups.len());
                groups.push((name, vec![r]));
            }
        }
    }
    notes.unusable.sort();

    let leaders = world_leaders(reserved);
    let mut persons = Vec::new();
    for (name, rows) in groups {
        let country_code = rows[0].country.to_ascii_uppercase();
        let country = countries
            .get(&country_code)
            .cloned()
            .unwrap_or_else(|| country_code.clone());
        if let Some(owner) = close_leader(&name.name, &leaders) {
            notes
                .close
                .push(format!("\"{}\" ({country}; {owner})", name.name));
            continue;
        }
        let mut roles: Vec<String> = Vec::new();
        for r in &rows {
            let role = role(r);
            if !roles.contains(&role) {
                roles.push(role);
            }
        }
        roles.truncate(2);
        let party = rows
            .iter()
            .map(|r| r.party.trim())
            .find(|p| !p.is_empty())
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        let mut aliases = name.aliases.clone();
        if let Some(family) = &name.family {
            aliases.push(format!("{} {family}", name.given));
        }
        persons.push(Person {
            family_name: name.family.as_deref().and_then(|f| family_name(&name.name, f)),
            name: name.name,
            aliases,
            description: format!("{}, {country}{party}", roles.join("; ")),
            prominence: Some(prominence(&rows, &newest)),
            disambiguator: country,
            tiebreak: rows[0].list.clone(),
            ..Person::default()
        });
    }
    let read = persons.len() + notes.close.len();

    let mut log = Log::default();
    let mut persons = resolve(persons, reserved, &mut log)?;
    let offered = offer_namesakes(&mut persons, former, |_, _| false);
    Ok(write(&persons, &notes, &log, read, offered))
}

fn write(persons: &[Person], notes: &Notes, log: &Log, read: usize, offered: usize) -> String {
    let mut out = String::new();
    out.push_str(
        "# World officials: heads of state and government, ministers, officials and members\n\
         # of parliament (cdmngz/gov-salaries-data, 2025 and 2026). Generated by\n\
         # `dictgen world-officials`; do not edit by hand. To regenerate:\n",
    );
    writeln!(out, "#   {COMMAND}").unwrap();
    writeln!(
        out,
        "#\n# The data is community-curated and unverified, some of it stale: the descriptions\n\
         # say what it says. {read} persons read (one per country and name); {} written.\n\
         # Rows of the United States left out (the US dictionaries hold them): {}",
        persons.len(),
        notes.us_rows
    )
    .unwrap();
    let mut section = |title: &str, items: &[String]| write_comment_section(&mut out, title, items);
    section(
        "Lists left out: too few different names for a real list",
        &notes.lists,
    );
    section(
        "Rows left out: not a usable name (one word, parentheses, digits, broken quotes, not Latin script)",
        &notes.unusable,
    );
    section(
        "Left out as a person of world-leaders.toml spelled otherwise",
        &notes.close,
    );
    log.comment(&mut out, "Persons");
    write_offered(&mut out, "Persons", offered);
    write_meta(&mut out, NAME, SOURCE, LICENCE, AS_OF, COMMAND);
    write_persons(&mut out, persons);
    out
}

/// The prominence of a person, from their rows: by the offices of the
/// newest list of each kind that names them ([`in_government`] for
/// ministers, the executive and royalty, [`in_parliament_or_below`] for
/// members of parliament and other officials); a person the newest lists
/// no longer name has left, in 2025 or 2026 ([`former`]).
fn prominence(rows: &[&Row], newest: &HashMap<(String, String), String>) -> u8 {
    rows.iter()
        .filter(|r| newest.get(&(r.country.clone(), r.list.clone())) == Some(&r.year))
        .map(|r| match r.list.as_str() {
            "ministers" | "executive" | "royalty" => in_government(&role(r)),
            _ => in_parliament_or_below(&role(r)),
        })
        .max()
        .unwrap_or(former(true))
}

/// What a row says the person is: its role, or else what its list is.
fn role(r: &Row) -> String {
    let role = r.role.trim();
    if !role.is_empty() {
        return role.to_owned();
    }
    match r.list.as_str() {
        "senate" => "Senator",
        "deputies" => "Member of parliament",
        "ministers" => "Minister",
        "executive" => "Member of the government",
        "royalty" => "Member of the royal family",
        _ => "Official",
    }
    .to_owned()
}

/// A cleaned name: the name as written in running text, its aliases, and,
/// for "Family, Given" names of two surnames, the given names and the first
/// surname.
#[derive(Debug, PartialEq)]
struct Name {
    name: String,
    aliases: Vec<String>,
    given: String,
    family: Option<String>,
}

/// The name of a row, or `None` when it is not a usable name.
fn clean_name(raw: &str) -> Option<Name> {
    let mut text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.contains(['(', ')', '/']) || text.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    while let Some(h) = HONORIFICS.iter().find(|h| text.starts_with(*h)) {
        text = text[h.len()..].to_owned();
    }
    if !text.chars().all(|c| is_latin(c) || " -.,'’\"“”".contains(c)) {
        return None;
    }
    // A quoted nickname: "Jesús “Chuy” García" is "Jesús García", also
    // "Chuy García"; other quotes are broken ones.
    let mut aliases = Vec::new();
    let quotes = text.chars().filter(|c| "\"“”".contains(*c)).count();
    if quotes > 0 {
        let words: Vec<&str> = text.split(' ').collect();
        let nick = words
            .iter()
            .position(|w| w.chars().count() > 2 && w.starts_with(['"', '“']) && w.ends_with(['"', '”']));
        let at = nick.filter(|_| quotes == 2)?;
        let nickname = words[at].trim_matches(['"', '“', '”']).to_owned();
        let plain: Vec<String> = words
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != at)
            .map(|(_, w)| (*w).to_owned())
            .collect();
        if let Some(last) = plain.last() {
            aliases.push(format!("{nickname} {last}"));
        }
        text = plain.join(" ");
    }
    let (name, given, family) = match text.split_once(',') {
        Some((family, given)) => {
            let (mut given, mut family) = (given.trim().to_owned(), family.trim().to_owned());
            if given.is_empty() || family.is_empty() || given.contains(',') {
                return None;
            }
            // "Bienvenido de" -> "Bienvenido", "de Arriba Sánchez".
            for p in PARTICLES.iter().rev() {
                if let Some(rest) = given.strip_suffix(&format!(" {p}")) {
                    family = format!("{p} {family}");
                    given = rest.to_owned();
                    break;
                }
            }
            let words: Vec<&str> = family.split(' ').collect();
            // "Pueyo Sanz": two surnames, the first is the family name;
            // "Bagué i Roura" too.
            let first_surname = match words.as_slice() {
                [a, b] if is_capitalised(a) && is_capitalised(b) => Some((*a).to_owned()),
                [a, "i" | "y", b] if is_capitalised(a) && is_capitalised(b) => Some((*a).to_owned()),
                _ => None,
            };
            (format!("{given} {family}"), given, first_surname)
        }
        None => (text.clone(), String::new(), None),
    };
    if form_words(&name).len() < 2 || name.split(' ').all(|w| !is_capitalised(w)) {
        return None;
    }
    Some(Name {
        name,
        aliases,
        given,
        family,
    })
}

/// A letter of the Latin script (with its accents and the ʻokina of
/// Polynesian names), or a combining mark.
fn is_latin(c: char) -> bool {
    let c = c as u32;
    (c < 0x80 && char::from_u32(c).is_some_and(|c| c.is_ascii_alphabetic()))
        || (0xC0..=0x24F).contains(&c) && c != 0xD7 && c != 0xF7
        || (0x1E00..=0x1EFF).contains(&c)
        || c == 0x2BB
        || c == 0x2BC
        || (0x300..=0x36F).contains(&c)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The persons of `world-leaders.toml`: the words of their names and
/// aliases, and their ids.
fn world_leaders(reserved: &Reserved) -> Vec<(Vec<String>, String)> {
    let dict = reserved.dictionary();
    dict.forms()
        .filter(|f| {
            let e = dict.entity(f.entity);
            e.kind == copydesk::EntityKind::Person
                && reserved.file_of(e) == "world-leaders.toml"
                && f.kind.is_correct()
        })
        .map(|f| (form_words(f.text), dict.entity(f.entity).id.clone()))
        .collect()
}

/// A person of `world-leaders.toml` whose name or alias is the same number
/// of words as `name`, each a close spelling: one edit in words of five
/// letters or more, two in words of eight or more, at least one word the
/// same and one not (the same name is left to [`resolve`]).
fn close_leader<'a>(name: &str, leaders: &'a [(Vec<String>, String)]) -> Option<&'a str> {
    let words = form_words(name);
    leaders
        .iter()
        .find(|(other, _)| {
            other.len() == words.len()
                && *other != words
                && words.iter().zip(other).any(|(a, b)| a == b)
                && words.iter().zip(other).all(|(a, b)| {
                    let len = a.chars().count().min(b.chars().count());
                    let d = damerau(a, b);
                    d == 0 || (len >= 5 && d <= 1) || (len >= 8 && d <= 2)
                })
        })
        .map(|(_, id)| id.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_loads, entities, reserved};

    #[test]
    fn names_are_cleaned() {
        let name = |s: &str| clean_name(s).map(|n| (n.name, n.aliases, n.family));
        assert_eq!(
            name("Pueyo Sanz, Jorge"),
            Some(("Jorge Pueyo Sanz".into(), vec![], Some("Pueyo".into())))
        );
        assert_eq!(
            name("Arriba Sánchez, Bienvenido de"),
            Some(("Bienvenido de Arriba Sánchez".into(), vec![], None))
        );
        assert_eq!(
            name("Bagué i Roura, Joan Baptista"),
            Some(("Joan Baptista Bagué i Roura".into(), vec![], Some("Bagué".into())))
        );
        assert_eq!(
            name("Jesús “Chuy” García"),
            Some(("Jesús García".into(), vec!["Chuy García".into()], None))
        );
        assert_eq!(name("King Mswati III").map(|n| n.0), Some("Mswati III".into()));
        assert_eq!(
            name("Fiamē Naomi Mataʻafa").map(|n| n.0),
            Some("Fiamē Naomi Mataʻafa".into())
        );
        for bad in [
            "Henri",
            "Vacant (Federation Council not yet formed)",
            "Ernesto Pipi\"\" Alí",
            "Лев Толстой",
            "Agent 47",
        ] {
            assert_eq!(clean_name(bad), None, "{bad}");
        }
    }

    const EXECUTIVE: &str = "country_iso2,year,section,name,gender,role,party
ro,2025,executive,Marcel Ciolacu,M,Prime Minister of Romania,PSD
ro,2026,executive,Marcel Ciolacu,M,Prime Minister of Romania,PSD
ro,2026,ministers,Alina Gorghiu,F,,PNL
ro,2025,ministers,Ion Popescu,M,Minister of Finance,PSD
ro,2026,ministers,Maria Ionescu,F,Secretary of State for Foreign Affairs,PNL
us,2026,ministers,Kristi Noem,F,Secretary of Homeland Security,R
ad,2026,royalty,Henri,M,,
";

    const LEGISLATORS: &str = "country_iso2,year,chamber,name,gender,role,party
es,2026,deputies,\"Pueyo Sanz, Jorge\",M,,SMR
ro,2026,senate,Alina Gorghiu,F,President of the Senate,PNL
ar,2026,senate,John Smith,M,,PRO
gb,2026,deputies,John Smith,M,,Labour
";

    #[test]
    fn world_officials_writes_the_expected_toml() {
        let countries: HashMap<String, String> = [
            ("RO", "Romania"),
            ("ES", "Spain"),
            ("AR", "Argentina"),
            ("GB", "United Kingdom"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect();
        let leaders = reserved(&[(
            "world-leaders.toml",
            "[[entity]]\nid = \"marcel-ciolacu\"\nkind = \"person\"\nname = \"Marcel Ciolacu\"\n",
        )]);
        let former = FormerMembers::parse(
            "last_name,first_name,middle_name,suffix,nickname,full_name,birthday,gender,type,state,district,senate_class,party,bioguide_id\n\
             Smith,John,,,,,1890-01-01,M,rep,CT,1,,Republican,S999998\n",
        )
        .unwrap();
        let toml = world_officials(EXECUTIVE, LEGISLATORS, &countries, &leaders, &former).unwrap();
        // A minister in office and President of the Senate: 2; members of
        // parliament, a junior minister (Secretary of State) and a minister
        // the 2026 list no longer names: 1.
        let expected = r#"
[[entity]]
id = "alina-gorghiu"
kind = "person"
name = "Alina Gorghiu"
description = "Minister; President of the Senate, Romania (PNL)"
prominence = 2

[[entity]]
id = "ion-popescu"
kind = "person"
name = "Ion Popescu"
description = "Minister of Finance, Romania (PSD)"
prominence = 1

[[entity]]
id = "john-smith-argentina"
kind = "person"
name = "John Smith"
ambiguous = ["John Smith"]
description = "Senator, Argentina (PRO)"
prominence = 1

[[entity]]
id = "john-smith-united-kingdom"
kind = "person"
name = "John Smith"
ambiguous = ["John Smith"]
description = "Member of parliament, United Kingdom (Labour)"
prominence = 1

[[entity]]
id = "jorge-pueyo-sanz"
kind = "person"
name = "Jorge Pueyo Sanz"
aliases = ["Jorge Pueyo"]
family-name = "Pueyo"
description = "Member of parliament, Spain (SMR)"
prominence = 1

[[entity]]
id = "maria-ionescu"
kind = "person"
name = "Maria Ionescu"
description = "Secretary of State for Foreign Affairs, Romania (PNL)"
prominence = 1
"#;
        assert_eq!(entities(&toml), expected);
        assert!(
            toml.contains("United States left out (the US dictionaries hold them): 1\n"),
            "{toml}"
        );
        assert!(
            toml.contains("#   \"Marcel Ciolacu\" (world-leaders.toml: marcel-ciolacu)"),
            "{toml}"
        );
        assert_loads(&[("world-officials.toml", &toml)]);
    }
}
