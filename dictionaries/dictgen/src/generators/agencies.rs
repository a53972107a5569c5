//! `dictgen agencies`: the dictionary of US federal agencies.
//!
//! [`generate`] reads five public-domain (and one CC0) agency lists from the
//! data checkout and writes `dictionaries/us-agencies.toml`, deterministically:
//! the same files give the same bytes.
//!
//! - **Entities.** Every body of the US Government Manual 2025 and the
//!   sub-agencies of its 2023 edition (international organisations, the
//!   President and Vice President as persons, and grouping headings such as
//!   "Defense Agencies" left out), plus the agencies the Manual does not list
//!   (the components of Homeland Security, most bureaus of Agriculture, ...)
//!   when at least two of the other lists name them and USA.gov or the CISA
//!   registry (the current lists) is one of the two.
//! - **Matching.** A record of the Federal Register, USA.gov or CISA belongs to
//!   an agency when the set of its distinctive words equals the agency's
//!   ("Treasury Department" and "Department of the Treasury" are both
//!   `{treasury}`), the match is unique and the parents agree.
//! - **Forms.** The other lists' spellings are aliases ("Treasury Department",
//!   "U.S. Department of the Treasury"), with "U.S. X" / "United States X" /
//!   "X" derived from each other; "Department of the X" has the variant
//!   "Department of X"; abbreviations come from the Federal Register
//!   `short_name`, from "Name (ABBR)" in its descriptions and from USA.gov,
//!   and are kept only when they are all capitals, spell initials or word
//!   beginnings of the name, and are not ordinary English words ("DOE",
//!   "ACTION").
//! - **Prominence.** 3 for a department, the Executive Office of the
//!   President and the best-known agencies of [`crate::prominence`]; 2 for
//!   the Manual's other top-level bodies, the components of the Executive
//!   Office and the military departments; 1 for the other sub-agencies and
//!   for the boards only the other lists name.
//! - **Conflicts.** An agency that a dictionary built before this one
//!   already has is left out (the hand-kept entry wins); a form that two
//!   entities would claim is dropped, but for an abbreviation that
//!   `international-orgs.toml` gives another body (BIS, ESA), which both
//!   list under `ambiguous`. All are listed in the header comment of the
//!   file.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

use anyhow::{Result, bail};
use copydesk::Entity;
use copydesk::lexicon::lexicon;
use copydesk::words::form_words;

use crate::casing::capitalize;
use crate::forms::{key, well_known};
use crate::pipeline::Pipeline;
use crate::prominence::{Standing, body};
use crate::table::Table;
use crate::toml_out::{write_comment_section, write_entity, write_meta};

/// The command that regenerates `dictionaries/us-agencies.toml`.
const COMMAND: &str = "cargo run --release -p dictgen -- agencies \
     --data ../shared/data --output dictionaries/us-agencies.toml";

/// `[meta] name`.
const NAME: &str = "US federal agencies";

/// The name of the dictionary this generator writes, in the build order.
const SELF_NAME: &str = "us-agencies";

/// The input files, under the data checkout.
const GOVMAN_2025: &str = "us-gov-manual/usgovmanual_2025_agencies.csv";
const GOVMAN_2023: &str = "us-gov-manual/usgovmanual_2023_agencies.csv";
const FEDERAL_REGISTER: &str = "federal-register-agencies/federalregister_agencies.csv";
const USAGOV: &str = "usagov-agencies/usagov_az_agencies.csv";
const CISA: &str = "cisa-dotgov/agencies-and-subs.csv";

/// `[meta] source`: each file and where it came from (see `SOURCES.md`).
const SOURCE: &str = "US Government Manual 2025 (GPO, GOVMAN-2025-01-13.xml, from \
     newsanalyzer-admin/news-analyzer at commit 264f9d7bc5fdc1608a8c60aed2b8f80ae4108ccf): \
     usgovmanual_2025_agencies.csv; US Government Manual 2023 (CivicActions/allusgov \
     data/usgovmanual/raw.json at commit 0caf463d60aa741d0f0e484c3dd8e32b4934df03): \
     usgovmanual_2023_agencies.csv; FederalRegister.gov agencies API (CivicActions/allusgov \
     data/federalregister/raw.json at commit 0caf463d60aa741d0f0e484c3dd8e32b4934df03): \
     federalregister_agencies.csv; USA.gov A-Z index of agencies (CivicActions/allusgov \
     data/usagov/raw.json at commit 0caf463d60aa741d0f0e484c3dd8e32b4934df03): \
     usagov_az_agencies.csv; CISA .gov registry (cisagov/dotgov-data at commit \
     4ee64196503d34bcaff8b508444b0f7552f97d71): agencies-and-subs.csv";

const LICENCE: &str = "Public domain (US government works); CISA data CC0-1.0";

/// The date of the Government Manual edition the official names come from.
const AS_OF: &str = "2025-01-13";

/// Government Manual categories that are not US agencies.
const EXCLUDED_CATEGORIES: &[&str] = &["International Organizations"];

/// Government Manual headings that group agencies without being one; their
/// children hang from the heading's parent.
const GROUPINGS: &[&str] = &[
    "Lower Courts",
    "Special Courts",
    "Defense Agencies",
    "Joint Service Schools",
    "Bureaus",
    "Offices / Boards",
    "Federally Aided Corporations",
];

/// Government Manual entries that are not one body: persons and classes of
/// courts.
const NOT_ONE_BODY: &[&str] = &[
    "The President",
    "The Vice President",
    "United States Courts of Appeals",
    "United States District Courts",
    "Territorial Courts",
];

/// Government Manual names rewritten to the body's own name.
const NAME_FIXES: &[(&str, &str)] = &[(
    "International Criminal Police Organization (INTERPOL)–Washington",
    "INTERPOL Washington",
)];

/// Words that say what kind of body something is, or where, but not which:
/// ignored when two names are compared ("Treasury Department" and
/// "Department of the Treasury").
const STRUCTURAL: &[&str] = &[
    "of",
    "the",
    "for",
    "on",
    "and",
    "to",
    "in",
    "u",
    "s",
    "us",
    "united",
    "states",
    "department",
    "bureau",
];

/// Words that make up generic names: a form made only of these ("Office",
/// "Administration Office", "Office of the Secretary") names no one agency.
const GENERIC: &[&str] = &[
    "a",
    "administration",
    "agency",
    "and",
    "assistant",
    "authority",
    "board",
    "bureau",
    "center",
    "chief",
    "commission",
    "committee",
    "corporation",
    "council",
    "counsel",
    "department",
    "departmental",
    "deputy",
    "division",
    "executive",
    "federal",
    "financial",
    "for",
    "foundation",
    "general",
    "in",
    "information",
    "inspector",
    "institute",
    "management",
    "national",
    "of",
    "office",
    "officer",
    "on",
    "operations",
    "other",
    "program",
    "programs",
    "s",
    "secretary",
    "service",
    "services",
    "solicitor",
    "staff",
    "states",
    "the",
    "to",
    "u",
    "united",
    "us",
];

/// US state and territory postal codes: a two-letter abbreviation equal to one
/// ("NE" for the Office of Nuclear Energy) is dropped.
const POSTAL_CODES: &[&str] = &[
    "AK", "AL", "AR", "AS", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "GU", "HI", "IA", "ID", "IL",
    "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MP", "MS", "MT", "NC", "ND", "NE", "NH",
    "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VI",
    "VT", "WA", "WI", "WV", "WY",
];

/// Abbreviations that spell the country, not an agency ("USA" is the Federal
/// Register's `short_name` of the Army).
const COUNTRY_ABBREVIATIONS: &[&str] = &["US", "USA"];

/// An abbreviation that is an English word of at most this SCOWL size
/// ("DOE", "ACTION", "ARC") is dropped; rarer "words" such as "BIS" or "FS"
/// are kept.
const ABBREVIATION_WORD_MAX_SIZE: u8 = 50;

/// Abbreviations kept although they are ordinary words: in capitals they name
/// the agency far more often than the word.
const WORD_ABBREVIATIONS_KEPT: &[&str] = &["ICE"];

/// The TOML text of `dictionaries/us-agencies.toml`, built from the data
/// checkout next to the dictionaries before it.
///
/// The agencies are checked against the dictionaries before this one in the
/// build order: an agency one of them already has is left out,
/// and a form of another of their entities is dropped. An abbreviation that
/// `international-orgs.toml` (built after this one) also gives another body
/// is listed under `ambiguous`, for both to keep it.
pub(crate) fn generate(p: &Pipeline) -> Result<String> {
    let inputs = Inputs {
        govman_2025: p.read(GOVMAN_2025)?,
        govman_2023: p.read(GOVMAN_2023)?,
        federal_register: p.read(FEDERAL_REGISTER)?,
        usagov: p.read(USAGOV)?,
        cisa: p.read(CISA)?,
    };
    let reserved = p.reserved(SELF_NAME)?;
    let shared = p.offered("international-orgs")?;
    build(
        &inputs,
        &reserved.dictionary().entities().cloned().collect::<Vec<_>>(),
        |e| reserved.file_of(e).to_owned(),
        &shared,
    )
}

/// The text of each input file.
#[derive(Debug)]
struct Inputs {
    govman_2025: String,
    govman_2023: String,
    federal_register: String,
    usagov: String,
    cisa: String,
}

/// The list a record comes from, in the order their names are preferred.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    Cisa,
    UsaGov,
    FederalRegister,
}

/// One row of the Federal Register, USA.gov or CISA lists.
#[derive(Debug, Default)]
struct Record {
    source: Option<Source>,
    /// The name as the list writes it, cleaned; also the alias it gives.
    name: String,
    /// False for database forms such as "Trade Representative, Office of
    /// United States", which no reader writes.
    usable: bool,
    /// The name's distinctive words (see [`bag`]).
    bag: String,
    /// Other names in the row: "Freddie Mac" in "... (Freddie Mac)".
    extra_aliases: Vec<String>,
    /// The parent agency, as the list writes it.
    parent: Option<String>,
    /// Abbreviations given by the row, and whether a second place confirms
    /// them (needed for two-letter ones).
    abbreviations: Vec<(String, bool)>,
    /// The Federal Register description, searched for "Name (ABBR)".
    description: String,
}

/// One agency of the dictionary being built.
#[derive(Debug, Default)]
struct Agency {
    name: String,
    /// From the Government Manual (tier 1) or only from the other lists.
    from_manual: bool,
    /// Government Manual category ("Executive Branch: Departments").
    category: Option<String>,
    /// The grouping heading the agency sits under ("Lower Courts").
    grouping: Option<String>,
    /// The parent agency's name.
    parent: Option<String>,
    /// Alias candidates, in the order found.
    aliases: Vec<String>,
    /// Abbreviation candidates and whether a second place confirms them.
    abbreviations: Vec<(String, bool)>,
    /// Descriptions to search for "Name (ABBR)", with the record name.
    descriptions: Vec<(String, String)>,
}

/// What the generator left out, for the header comment.
#[derive(Debug, Default)]
struct Omissions {
    /// Agencies with a name that is one ordinary English word ("Congress").
    one_word: Vec<String>,
    /// `Name (dictionary: id)` of agencies another dictionary already has.
    duplicates: Vec<String>,
    /// `"form" (agency; dictionary: id)`: forms of another dictionary's entity.
    reserved_forms: Vec<String>,
    /// `"form" (agency, agency)`: forms two agencies would claim.
    shared_forms: Vec<String>,
    /// Agencies whose name another agency already has.
    same_name: Vec<String>,
    /// `"abbreviation" (agency; dictionary)`: abbreviations shared with
    /// another dictionary's body.
    ambiguous: Vec<String>,
}

/// Build the dictionary from the input texts. `reserved` are the entities of
/// the other dictionaries it must load with; `dictionary_name` names the
/// dictionary of a reserved entity. An abbreviation in `shared` (folded
/// keys) is listed under `ambiguous`: another dictionary gives it to another
/// body.
fn build(
    inputs: &Inputs,
    reserved: &[Entity],
    dictionary_name: impl Fn(&Entity) -> String,
    shared: &HashSet<String>,
) -> Result<String> {
    let mut agencies = manual_agencies(&inputs.govman_2023, &inputs.govman_2025)?;
    let mut records = federal_register_records(&inputs.federal_register)?;
    records.extend(usagov_records(&inputs.usagov)?);
    records.extend(cisa_records(&inputs.cisa)?);

    // Records of the Manual's agencies: by the name's distinctive words, or
    // else by those of the X of "Office of the X" ("Comptroller of the
    // Currency"), which then gives no alias (it is the head's title).
    let mut by_bag: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_office_bag: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in agencies.iter().enumerate() {
        by_bag.entry(bag(&a.name)).or_default().push(i);
        if let Some(rest) = a.name.strip_prefix("Office of ") {
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            by_office_bag.entry(bag(rest)).or_default().push(i);
        }
    }
    let mut pool = Vec::new();
    for mut r in records {
        if let Some(i) = find(&by_bag, &agencies, &r) {
            absorb(&mut agencies[i], r);
        } else if let Some(i) = find(&by_office_bag, &agencies, &r) {
            r.usable = false;
            absorb(&mut agencies[i], r);
        } else {
            pool.push(r);
        }
    }

    // Agencies the Manual does not list: named by two lists, one of them
    // current (USA.gov or CISA).
    let mut groups: BTreeMap<String, Vec<Record>> = BTreeMap::new();
    for r in pool {
        if !r.bag.is_empty() && !is_generic(&r.name) {
            groups.entry(r.bag.clone()).or_default().push(r);
        }
    }
    for group in groups.into_values() {
        let sources: BTreeSet<Source> = group.iter().filter_map(|r| r.source).collect();
        let parents: BTreeSet<String> = group
            .iter()
            .filter_map(|r| r.parent.as_deref().map(bag))
            .collect();
        let current = sources.contains(&Source::Cisa) || sources.contains(&Source::UsaGov);
        if sources.len() < 2 || !current || parents.len() > 1 {
            continue;
        }
        let Some(best) = group
            .iter()
            .filter(|r| r.usable)
            .min_by_key(|r| (name_rank(&r.name), has_lower_case_word(&r.name), r.source))
        else {
            continue;
        };
        let parent = group
            .iter()
            .filter(|r| r.parent.is_some())
            .min_by_key(|r| r.source)
            .and_then(|r| r.parent.as_deref())
            .map(|p| match find_by_name(&by_bag, p) {
                Some(i) => agencies[i].name.clone(),
                None => p.to_owned(),
            });
        let mut agency = Agency {
            name: best.name.clone(),
            parent,
            ..Agency::default()
        };
        for r in group {
            absorb(&mut agency, r);
        }
        agencies.push(agency);
    }

    let mut omissions = Omissions::default();
    let mut entities: Vec<Entity> = Vec::new();
    for a in &agencies {
        if let Some(e) = entity(a, &mut omissions) {
            entities.push(e);
        }
    }
    resolve_reserved(&mut entities, reserved, dictionary_name, &mut omissions);
    resolve_shared(&mut entities, &mut omissions);
    for e in &mut entities {
        e.ambiguous = e
            .abbreviations
            .iter()
            .filter(|a| shared.contains(&key(a)))
            .cloned()
            .collect();
        for a in &e.ambiguous {
            omissions
                .ambiguous
                .push(format!("\"{a}\" ({}; international-orgs.toml)", e.id));
        }
    }
    for e in &mut entities {
        e.well_known = well_known(&e.abbreviations);
    }
    entities.sort_by(|a, b| a.id.cmp(&b.id));
    for pair in entities.windows(2) {
        if pair[0].id == pair[1].id {
            bail!("two agencies have the id `{}`", pair[0].id);
        }
    }
    Ok(render(&entities, &agencies, &omissions))
}

/// The Government Manual's agencies: the 2023 edition with the 2025 names
/// and categories (the 2025 file has only the top level).
fn manual_agencies(text_2023: &str, text_2025: &str) -> Result<Vec<Agency>> {
    struct Node {
        id: String,
        parent: Option<String>,
        category: String,
        name: String,
    }
    let mut nodes: Vec<Node> = Vec::new();
    let t = Table::parse(text_2023, GOVMAN_2023)?;
    let (id, parent, category, name) = (
        t.column("entity_id")?,
        t.column("parent_id")?,
        t.column("category")?,
        t.column("agency_name")?,
    );
    for row in &t.rows {
        nodes.push(Node {
            id: row[id].as_str().to_owned(),
            parent: Some(row[parent].as_str())
                .filter(|p| !p.is_empty() && *p != "0")
                .map(str::to_owned),
            category: clean(row[category].as_str()),
            name: clean(row[name].as_str()),
        });
    }
    let t = Table::parse(text_2025, GOVMAN_2025)?;
    let (id, category, name) = (
        t.column("entity_id")?,
        t.column("category")?,
        t.column("agency_name")?,
    );
    for row in &t.rows {
        let (rid, rcat, rname) = (
            row[id].as_str(),
            clean(row[category].as_str()),
            clean(row[name].as_str()),
        );
        match nodes.iter_mut().find(|n| n.id == rid) {
            Some(n) => {
                n.category = rcat;
                n.name = rname;
            }
            None => nodes.push(Node {
                id: rid.to_owned(),
                parent: None,
                category: rcat,
                name: rname,
            }),
        }
    }
    let index: HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();

    let mut agencies = Vec::new();
    for n in &nodes {
        if EXCLUDED_CATEGORIES.contains(&n.category.as_str())
            || GROUPINGS.contains(&n.name.as_str())
            || NOT_ONE_BODY.contains(&n.name.as_str())
        {
            continue;
        }
        // The parent, through grouping headings.
        let mut grouping = None;
        let mut parent = None;
        let mut up = n.parent.as_deref().and_then(|p| index.get(p).copied());
        while let Some(p) = up {
            let pn = &nodes[p];
            if GROUPINGS.contains(&pn.name.as_str()) {
                grouping.get_or_insert_with(|| pn.name.clone());
                up = pn.parent.as_deref().and_then(|q| index.get(q).copied());
            } else {
                parent = Some(manual_name(&pn.name).0);
                break;
            }
        }
        let (name, extra) = manual_name(&n.name);
        let mut agency = Agency {
            name,
            from_manual: true,
            category: Some(n.category.clone()),
            grouping,
            parent,
            ..Agency::default()
        };
        for x in extra {
            if is_caps_token(&x) && fits_initials(&x, &agency.name) {
                agency.abbreviations.push((x, true));
            } else if is_caps_token(&x) {
                // "AMTRAK": a name written in capitals.
                agency.aliases.push(capitalize(&x));
            } else {
                agency.aliases.push(x);
            }
        }
        agencies.push(agency);
    }
    Ok(agencies)
}

/// A Government Manual name without "The", the second half of "A / B" and a
/// parenthesis, which is returned apart ("AMTRAK").
fn manual_name(raw: &str) -> (String, Vec<String>) {
    if let Some((_, fixed)) = NAME_FIXES.iter().find(|(from, _)| *from == raw) {
        return ((*fixed).to_owned(), Vec::new());
    }
    let name = raw.strip_prefix("The ").unwrap_or(raw);
    let name = name.split(" / ").next().unwrap_or(name);
    let (name, extra) = split_parenthesis(name);
    (name, extra.into_iter().collect())
}

/// "National Railroad Passenger Corporation (AMTRAK)" → the name and
/// "AMTRAK".
fn split_parenthesis(name: &str) -> (String, Option<String>) {
    if let Some(open) = name.find('(')
        && let Some(close) = name[open..].find(')')
    {
        let inside = name[open + 1..open + close].trim();
        let outside = clean(&format!("{} {}", &name[..open], &name[open + close + 1..]));
        if !inside.is_empty() && !outside.is_empty() {
            return (outside, Some(inside.to_owned()));
        }
    }
    (name.to_owned(), None)
}

fn federal_register_records(text: &str) -> Result<Vec<Record>> {
    let t = Table::parse(text, FEDERAL_REGISTER)?;
    let (name, short, parent, description) = (
        t.column("name")?,
        t.column("short_name")?,
        t.column("parent_name")?,
        t.column("description")?,
    );
    let mut out = Vec::new();
    for row in &t.rows {
        let raw = clean(row[name].as_str());
        // "National Security Agency/Central Security Service".
        let raw = raw.split('/').next().unwrap_or(&raw).trim();
        let raw = raw.strip_prefix("The ").unwrap_or(raw).to_owned();
        let parent = Some(clean(row[parent].as_str())).filter(|p| !p.is_empty());
        // "Copyright Office, Library of Congress" (the parent after the
        // comma) and "Trade Representative, Office of United States"
        // (inverted); a comma before "and" is a list.
        let (name, usable) = match raw.rsplit_once(", ") {
            Some((head, tail)) if !tail.starts_with("and ") && !tail.starts_with("or ") => {
                let names_parent =
                    parent.as_deref().is_some_and(|p| bag(p) == bag(tail)) || tail.ends_with(" Department");
                if names_parent {
                    (head.to_owned(), true)
                } else {
                    (raw.clone(), false)
                }
            }
            _ => (raw.clone(), true),
        };
        let abbreviations = row[short]
            .as_str()
            .split('/')
            .map(str::trim)
            .filter(|a| is_caps_token(a))
            .map(|a| (a.to_owned(), false))
            .collect();
        out.push(Record {
            source: Some(Source::FederalRegister),
            bag: bag(&name),
            name,
            usable,
            parent,
            abbreviations,
            description: row[description].as_str().to_owned(),
            ..Record::default()
        });
    }
    Ok(out)
}

fn usagov_records(text: &str) -> Result<Vec<Record>> {
    let t = Table::parse(text, USAGOV)?;
    let (name, acronym) = (t.column("name")?, t.column("acronym_in_description")?);
    let mut out = Vec::new();
    for row in &t.rows {
        let (mut name, extra) = split_parenthesis(&clean(row[name].as_str()));
        let mut record = Record {
            source: Some(Source::UsaGov),
            usable: true,
            ..Record::default()
        };
        match extra {
            Some(x) if is_caps_token(&x) => record.abbreviations.push((x, true)),
            Some(x) => record.extra_aliases.push(x),
            None => {}
        }
        // "Civil Rights Division, Department of Justice".
        if let Some((head, tail)) = name.rsplit_once(", ")
            && tail.starts_with("Department of ")
        {
            record.parent = Some(tail.to_owned());
            name = head.to_owned();
        }
        let acronym = row[acronym].as_str().trim();
        if is_caps_token(acronym) {
            record.abbreviations.push((acronym.to_owned(), true));
        }
        record.bag = bag(&name);
        record.name = name;
        out.push(record);
    }
    Ok(out)
}

fn cisa_records(text: &str) -> Result<Vec<Record>> {
    let t = Table::parse(text, CISA)?;
    let (agency, bureau) = (t.column("Agency")?, t.column("Bureau")?);
    let mut out = Vec::new();
    for row in &t.rows {
        let (agency, bureau) = (clean(row[agency].as_str()), clean(row[bureau].as_str()));
        let (name, parent) = if bureau.is_empty() || bag(&bureau) == bag(&agency) {
            (agency, None)
        } else {
            (bureau, Some(agency))
        };
        out.push(Record {
            source: Some(Source::Cisa),
            bag: bag(&name),
            name,
            usable: true,
            parent,
            ..Record::default()
        });
    }
    Ok(out)
}

/// The one agency a record names: same distinctive words, and the same
/// parent where both have one.
fn find(by_bag: &HashMap<String, Vec<usize>>, agencies: &[Agency], r: &Record) -> Option<usize> {
    let candidates = by_bag.get(&r.bag)?;
    let fits: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&i| match (&agencies[i].parent, &r.parent) {
            (Some(a), Some(b)) => bag(a) == bag(b),
            _ => true,
        })
        .collect();
    match fits[..] {
        [i] => Some(i),
        _ => None,
    }
}

/// The one agency with these distinctive words, whatever its parent.
fn find_by_name(by_bag: &HashMap<String, Vec<usize>>, name: &str) -> Option<usize> {
    match by_bag.get(&bag(name)).map(Vec::as_slice) {
        Some(&[i]) => Some(i),
        _ => None,
    }
}

/// Add a record's forms to its agency.
fn absorb(agency: &mut Agency, r: Record) {
    if r.usable {
        agency.aliases.push(r.name.clone());
    }
    agency.aliases.extend(r.extra_aliases);
    agency.abbreviations.extend(r.abbreviations);
    if !r.description.is_empty() {
        agency.descriptions.push((r.description, r.name));
    }
}

/// True when a word other than a function word starts in lower case
/// ("Office of Disability Employment policy").
fn has_lower_case_word(name: &str) -> bool {
    name.split_whitespace()
        .any(|w| w.starts_with(char::is_lowercase) && !copydesk::words::is_function_word(&w.to_lowercase()))
}

/// How much a name is preferred as the name of an agency the Manual does not
/// list: "United States X", then "U.S. X", then the rest.
fn name_rank(name: &str) -> u8 {
    if name.starts_with("United States ") {
        0
    } else if name.starts_with("U.S. ") {
        1
    } else {
        2
    }
}

/// The entity of an agency, before conflicts with other entities are
/// resolved; `None` when its name is one ordinary word and no other name
/// of it can stand in.
fn entity(a: &Agency, omissions: &mut Omissions) -> Option<Entity> {
    let mut name = a.name.clone();
    if is_one_word(&name) {
        // "Senate": take the first longer form ("U.S. Senate").
        match a
            .aliases
            .iter()
            .find(|x| form_words(x).len() > 1 && !is_generic(x))
        {
            Some(x) => name.clone_from(x),
            None => {
                omissions.one_word.push(name);
                return None;
            }
        }
    }
    let name_key = key(&name);
    let mut seen: BTreeSet<String> = BTreeSet::from([name_key]);

    // Aliases: the "U.S." forms of the name, then the other lists' forms.
    let mut candidates = Vec::new();
    for prefix in ["United States ", "U.S. "] {
        if let Some(rest) = name.strip_prefix(prefix) {
            candidates.push(format!(
                "{}{rest}",
                if prefix == "U.S. " {
                    "United States "
                } else {
                    "U.S. "
                }
            ));
            candidates.push(rest.to_owned());
        }
    }
    // The forms in the official word order, which abbreviations must spell.
    let mut official: Vec<String> = vec![name.clone()];
    official.extend(candidates.iter().cloned());
    candidates.extend(a.aliases.iter().cloned());
    let mut aliases = Vec::new();
    for c in candidates {
        let k = key(&c);
        if k.is_empty() || is_generic(&c) || is_one_word(&c) || !seen.insert(k) {
            continue;
        }
        aliases.push(c);
    }

    let mut variants = Vec::new();
    if let Some(rest) = name.strip_prefix("Department of the ") {
        let v = format!("Department of {rest}");
        if seen.insert(key(&v)) {
            variants.push(v);
        }
    }

    // Abbreviations: those of the lists, and those a description gives after
    // the name ("The Office of Foreign Assets Control ("OFAC")").
    let mut known: Vec<Vec<String>> = std::iter::once(&name)
        .chain(&aliases)
        .map(|f| form_words(f))
        .collect();
    let mut candidates = a.abbreviations.clone();
    for (description, record_name) in &a.descriptions {
        known.push(form_words(record_name));
        for abbr in described_abbreviations(description, &known) {
            candidates.push((abbr, true));
        }
        known.pop();
    }
    let confirmed: BTreeSet<&str> = candidates
        .iter()
        .filter(|(_, c)| *c)
        .map(|(a, _)| a.as_str())
        .collect();
    let mut abbreviations = Vec::new();
    for (abbr, _) in &candidates {
        let ok = (abbr.len() > 2
            || confirmed.contains(abbr.as_str()) && !POSTAL_CODES.contains(&abbr.as_str()))
            && !COUNTRY_ABBREVIATIONS.contains(&abbr.as_str())
            && !is_word(abbr)
            && official.iter().any(|f| fits_initials(abbr, f));
        if ok && seen.insert(key(abbr)) {
            abbreviations.push(abbr.clone());
        }
    }

    let mut e = Entity::new(copydesk::EntityKind::Organization, name);
    e.aliases = aliases;
    e.variants = variants;
    e.prominence = Some(body(&e.name, &abbreviations, standing(a)));
    e.abbreviations = abbreviations;
    e.description = Some(description(a));
    Some(e)
}

/// Where an agency stands, for its prominence: a department or the
/// Executive Office of the President at the top; an agency in its own right
/// (the Manual's top level, the components of the Executive Office, the
/// military departments); a part of another (a sub-agency, a lower court, a
/// school) or a minor board that only the other lists name.
fn standing(a: &Agency) -> Standing {
    let in_eop = |p: &str| p == "Executive Office of the President" || p == "Office of Policy Development";
    match (a.grouping.as_deref(), a.parent.as_deref()) {
        (
            Some(
                "Lower Courts" | "Special Courts" | "Joint Service Schools" | "Federally Aided Corporations",
            ),
            _,
        ) => Standing::Part,
        (_, Some(p)) if in_eop(p) => Standing::Main,
        (_, Some("Department of Defense")) if a.name.starts_with("Department of the ") => Standing::Main,
        (_, Some(_)) => Standing::Part,
        (_, None) if !a.from_manual => Standing::Part,
        (_, None) => match a.category.as_deref() {
            Some("Executive Branch: Departments" | "Executive Branch: The President") => Standing::Top,
            _ => Standing::Main,
        },
    }
}

/// Abbreviations a description writes in parentheses right after one of the
/// forms: "The Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF)".
fn described_abbreviations(description: &str, forms: &[Vec<String>]) -> Vec<String> {
    let mut out = Vec::new();
    for (open, _) in description.match_indices('(') {
        let after = &description[open + 1..];
        let Some(close) = after.find(')') else { continue };
        let token = after[..close].trim().trim_matches(['"', '\'', '“', '”']);
        if !is_caps_token(token) {
            continue;
        }
        let before = form_words(&description[..open]);
        let follows = forms.iter().any(|f| {
            let f = strip_us(f);
            !f.is_empty() && before.ends_with(f)
        });
        if follows {
            out.push(token.to_owned());
        }
    }
    out
}

/// The folded words without a leading "United States" or "U.S.".
fn strip_us(words: &[String]) -> &[String] {
    match words {
        [a, b, rest @ ..] if (a == "united" && b == "states") || (a == "u" && b == "s") => rest,
        [a, rest @ ..] if a == "us" => rest,
        _ => words,
    }
}

/// The one-line description: the parent, or the branch of government.
fn description(a: &Agency) -> String {
    let in_eop = |p: &str| p == "Executive Office of the President" || p == "Office of Policy Development";
    match (a.grouping.as_deref(), a.parent.as_deref()) {
        (Some("Lower Courts" | "Special Courts"), _) => "US federal court".to_owned(),
        (Some("Joint Service Schools"), _) => "Joint service school of the Department of Defense".to_owned(),
        (Some("Federally Aided Corporations"), Some(p)) => {
            format!("Federally aided corporation under the {p}")
        }
        (_, Some("Congress")) => "Chamber of the US Congress".to_owned(),
        (_, Some(p)) if in_eop(p) => "Component of the Executive Office of the President".to_owned(),
        (_, Some("Department of Defense")) if a.name.starts_with("Department of the ") => {
            "Military department of the Department of Defense".to_owned()
        }
        (_, Some(p)) if p.starts_with("Department of the ") && a.parent_is_military() => {
            format!("Part of the {p}")
        }
        (_, Some(p)) => format!("Agency of the {p}"),
        (_, None) => {
            let category = a.category.as_deref().unwrap_or("");
            match category {
                _ if is_court(&a.name) => "US federal court".to_owned(),
                "Legislative Branch" => "US legislative branch agency".to_owned(),
                "Judicial Branch" => "US judicial branch agency".to_owned(),
                "Executive Branch: The President" => {
                    "US federal executive office supporting the President".to_owned()
                }
                "Executive Branch: Departments" => "US federal executive department".to_owned(),
                "Executive Branch: Independent Agencies and Government Corporations"
                    if a.name.contains("Corporation") =>
                {
                    "US government corporation".to_owned()
                }
                "Executive Branch: Independent Agencies and Government Corporations" => {
                    "US independent federal agency".to_owned()
                }
                "Quasi-Official Agencies" => "US quasi-official agency".to_owned(),
                _ => "US federal agency".to_owned(),
            }
        }
    }
}

/// "United States Tax Court", but not "Court Services and Offender
/// Supervision Agency" or "Administrative Office of the United States Courts".
fn is_court(name: &str) -> bool {
    let words = form_words(name);
    words.iter().any(|w| w == "court") && !words.iter().any(|w| w == "agency")
}

impl Agency {
    /// True when the parent is a military department (Army, Navy, Air Force).
    fn parent_is_military(&self) -> bool {
        matches!(
            self.parent.as_deref(),
            Some("Department of the Army" | "Department of the Navy" | "Department of the Air Force")
        )
    }
}

/// Leave out agencies another dictionary already has, and drop forms that
/// belong to another dictionary's entity.
fn resolve_reserved(
    entities: &mut Vec<Entity>,
    reserved: &[Entity],
    dictionary_name: impl Fn(&Entity) -> String,
    omissions: &mut Omissions,
) {
    // Form key → reserved entity.
    let mut owner: HashMap<String, usize> = HashMap::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, e) in reserved.iter().enumerate() {
        for f in forms(e) {
            owner.entry(key(f)).or_insert(i);
        }
        ids.insert(&e.id, i);
    }
    let label = |i: usize| format!("{}: {}", dictionary_name(&reserved[i]), reserved[i].id);
    entities.retain_mut(|e| {
        let mine: BTreeSet<String> = forms(e).map(|f| key(f)).collect();
        let same = mine
            .iter()
            .filter_map(|k| owner.get(k))
            .chain(ids.get(e.id.as_str()))
            .find(|&&i| {
                let theirs: BTreeSet<String> = forms(&reserved[i]).map(|f| key(f)).collect();
                reserved[i].id == e.id
                    || mine.contains(&key(&reserved[i].name))
                    || theirs.contains(&key(&e.name))
            });
        if let Some(&i) = same {
            omissions.duplicates.push(format!("{} ({})", e.name, label(i)));
            return false;
        }
        let mut drop_forms = |list: &mut Vec<String>, id: &str| {
            list.retain(|f| match owner.get(&key(f)) {
                Some(&i) => {
                    omissions
                        .reserved_forms
                        .push(format!("\"{f}\" ({id}; {})", label(i)));
                    false
                }
                None => true,
            });
        };
        let id = e.id.clone();
        drop_forms(&mut e.aliases, &id);
        drop_forms(&mut e.variants, &id);
        drop_forms(&mut e.abbreviations, &id);
        true
    });
}

/// Drop the forms two agencies would claim; an agency whose name another has
/// already is left out.
fn resolve_shared(entities: &mut Vec<Entity>, omissions: &mut Omissions) {
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut keep = vec![true; entities.len()];
    for (i, e) in entities.iter().enumerate() {
        match names.get(&key(&e.name)) {
            Some(&j) => {
                keep[i] = false;
                omissions
                    .same_name
                    .push(format!("{} (as {})", e.name, entities[j].id));
            }
            None => {
                names.insert(key(&e.name), i);
            }
        }
    }
    let mut k = keep.iter();
    entities.retain(|_| *k.next().unwrap_or(&true));

    let mut claims: BTreeMap<String, (String, BTreeSet<String>)> = BTreeMap::new();
    for e in entities.iter() {
        for f in forms(e) {
            claims
                .entry(key(f))
                .or_insert_with(|| (f.clone(), BTreeSet::new()))
                .1
                .insert(e.id.clone());
        }
    }
    for (k, (text, owners)) in claims.iter().filter(|(_, (_, o))| o.len() > 1) {
        omissions.shared_forms.push(format!(
            "\"{text}\" ({})",
            owners.iter().cloned().collect::<Vec<_>>().join(", ")
        ));
        for e in entities.iter_mut().filter(|e| owners.contains(&e.id)) {
            for list in [&mut e.aliases, &mut e.variants, &mut e.abbreviations] {
                list.retain(|f| key(f) != *k);
            }
        }
    }
}

/// Every form of an entity.
fn forms(e: &Entity) -> impl Iterator<Item = &String> {
    std::iter::once(&e.name)
        .chain(&e.aliases)
        .chain(&e.variants)
        .chain(&e.misspellings)
        .chain(&e.abbreviations)
}

fn render(entities: &[Entity], agencies: &[Agency], omissions: &Omissions) -> String {
    let from_manual = agencies.iter().filter(|a| a.from_manual).count();
    let mut out = String::new();
    out.push_str(
        "# US federal agencies. Generated by `dictgen agencies` from the\n\
         # US Government Manual, the Federal Register, USA.gov and the CISA .gov registry\n\
         # (dictionaries/dictgen/src/generators/agencies.rs); do not edit by hand. To regenerate:\n",
    );
    writeln!(out, "#   {COMMAND}").unwrap();
    writeln!(
        out,
        "#\n# {} agencies, of {from_manual} in the Government Manual and {} more that two other\n\
         # lists name; those left out are listed below.",
        entities.len(),
        agencies.len() - from_manual
    )
    .unwrap();
    let mut section = |title: &str, items: &[String]| write_comment_section(&mut out, title, items);
    section(
        "Left out because a dictionary built before this one has them",
        &omissions.duplicates,
    );
    section(
        "Left out because the name is one ordinary word",
        &omissions.one_word,
    );
    section(
        "Left out because another agency has the same name",
        &omissions.same_name,
    );
    section(
        "Forms left out because an entity of a dictionary built before this one has them",
        &omissions.reserved_forms,
    );
    section(
        "Forms left out because two agencies would claim them",
        &omissions.shared_forms,
    );
    section(
        "Abbreviations another dictionary gives another body (both list them under `ambiguous`)",
        &omissions.ambiguous,
    );
    write_meta(&mut out, NAME, SOURCE, LICENCE, AS_OF, COMMAND);
    for e in entities {
        write_entity(&mut out, e);
    }
    out
}

/// The distinctive words of a name, sorted and without repeats: what is left
/// without [`STRUCTURAL`] words, so that "Treasury Department", "Department
/// of the Treasury" and "U.S. Department of the Treasury" compare equal.
fn bag(name: &str) -> String {
    let words: BTreeSet<String> = form_words(&name.replace('&', " and "))
        .into_iter()
        .filter(|w| !STRUCTURAL.contains(&w.as_str()))
        .collect();
    words.into_iter().collect::<Vec<_>>().join(" ")
}

/// A form made only of generic words ("Office of Administration" is a name,
/// but not an alias anyone can use).
fn is_generic(form: &str) -> bool {
    form_words(form).iter().all(|w| GENERIC.contains(&w.as_str()))
}

/// A form that is one ordinary English word ("Army", "Senate").
fn is_one_word(form: &str) -> bool {
    match &form_words(form)[..] {
        [w] => lexicon().get(w).is_some_and(|e| e.is_english_word()),
        _ => false,
    }
}

/// An abbreviation that is an ordinary English word in lower case.
fn is_word(abbr: &str) -> bool {
    !WORD_ABBREVIATIONS_KEPT.contains(&abbr)
        && lexicon()
            .get(&abbr.to_lowercase())
            .is_some_and(|e| e.is_english_word() && e.english <= ABBREVIATION_WORD_MAX_SIZE)
}

/// Two to ten capital ASCII letters.
fn is_caps_token(s: &str) -> bool {
    (2..=10).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// True when `abbr` takes, in order, the beginnings of at least two words of
/// the form, with an optional "United States" before it: "DHS", "USDA",
/// "NOAA", "EXIM", "USMINT"; not "TREAS" (one word) or "TD" for the
/// Financial Crimes Enforcement Network.
fn fits_initials(abbr: &str, form: &str) -> bool {
    fn go(abbr: &[u8], words: &[Vec<u8>], used: usize) -> bool {
        let Some((w, rest)) = words.split_first() else {
            return abbr.is_empty() && used >= 2;
        };
        if abbr.is_empty() {
            return used >= 2;
        }
        if go(abbr, rest, used) {
            return true;
        }
        let mut k = 0;
        while k < w.len() && k < abbr.len() && w[k] == abbr[k] {
            k += 1;
            if go(&abbr[k..], rest, used + 1) {
                return true;
            }
        }
        false
    }
    let mut words: Vec<Vec<u8>> = form_words(form).into_iter().map(String::into_bytes).collect();
    let folded: Vec<String> = form_words(form);
    if strip_us(&folded).len() == folded.len() {
        words.splice(0..0, [b"united".to_vec(), b"states".to_vec()]);
    }
    go(abbr.to_ascii_lowercase().as_bytes(), &words, 0)
}

/// Whitespace collapsed, and stray trailing commas removed
/// ("Department of State    , ").
fn clean(s: &str) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.trim_end_matches([',', ' ']).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::assert_loads;

    const GOVMAN_2025_CSV: &str = "\
entity_id,parent_id,parent_name,entity_type,category,agency_name,web_address
118,0,,Parent,Executive Branch: Departments,Department of Homeland Security,http://www.dhs.gov
125,0,,Parent,Executive Branch: Departments,Department of the Treasury,http://www.treasury.gov
189,0,,Parent,International Organizations,African Development Bank,http://www.afdb.org
";

    const GOVMAN_2023_CSV: &str = "\
entity_id,parent_id,parent_name,category,agency_name,web_address
118,,,Executive Branch: Departments,Department of Homeland Security,http://www.dhs.gov
125,,,Executive Branch: Departments,Department of the Treasury,http://www.treasury.gov
253,125,Department of the Treasury,Executive Branch: Departments,Bureau of Engraving and Printing,http://www.moneyfactory.com
189,,,International Organizations,African Development Bank,http://www.afdb.org
";

    const FEDERAL_REGISTER_CSV: &str = r#"id,name,short_name,slug,parent_id,parent_name,agency_url,description
143,Engraving and Printing Bureau,BEP,engraving-and-printing-bureau,497,Treasury Department,http://www.moneyfactory.gov/,"The Bureau of Engraving and Printing operates on basic authorities
conferred by act of July 11, 1862."
227,Homeland Security Department,DHS,homeland-security-department,,,,"The Department of Homeland Security (DHS) leads the unified national effort."
465,Secret Service,USSS,secret-service,227,Homeland Security Department,http://www.secretservice.gov/,The Secret Service protects the President.
497,Treasury Department,TREAS,treasury-department,,,,"The U.S. Department of the Treasury was established by act of 1789."
"#;

    const USAGOV_CSV: &str = "\
name,acronym_in_description,website,description
Bureau of Engraving and Printing,,https://www.moneyfactory.gov/,Prints money.
U.S. Department of the Treasury,,http://www.treasury.gov,Manages money.
";

    const CISA_CSV: &str = "\
Agency,Bureau
Department of Homeland Security,United States Secret Service
Department of the Treasury,Bureau of Engraving and Printing
Department of the Treasury,Department of the Treasury
";

    fn inputs() -> Inputs {
        Inputs {
            govman_2025: GOVMAN_2025_CSV.to_owned(),
            govman_2023: GOVMAN_2023_CSV.to_owned(),
            federal_register: FEDERAL_REGISTER_CSV.to_owned(),
            usagov: USAGOV_CSV.to_owned(),
            cisa: CISA_CSV.to_owned(),
        }
    }

    #[test]
    fn agencies_write_the_expected_toml() {
        let toml = build(&inputs(), &[], |_| "none".to_owned(), &HashSet::new()).unwrap();
        let expected = format!(
            r#"# US federal agencies. Generated by `dictgen agencies` from the
# US Government Manual, the Federal Register, USA.gov and the CISA .gov registry
# (dictionaries/dictgen/src/generators/agencies.rs); do not edit by hand. To regenerate:
#   {COMMAND}
#
# 4 agencies, of 3 in the Government Manual and 1 more that two other
# lists name; those left out are listed below.

[meta]
name = "US federal agencies"
source = "{SOURCE}"
licence = "Public domain (US government works); CISA data CC0-1.0"
as-of = "2025-01-13"
generator = "{COMMAND}"

[[entity]]
id = "bureau-of-engraving-and-printing"
kind = "organization"
name = "Bureau of Engraving and Printing"
aliases = ["Engraving and Printing Bureau"]
abbreviations = ["BEP"]
description = "Agency of the Department of the Treasury"
prominence = 1

[[entity]]
id = "department-of-homeland-security"
kind = "organization"
name = "Department of Homeland Security"
aliases = ["Homeland Security Department"]
abbreviations = ["DHS"]
description = "US federal executive department"
prominence = 3

[[entity]]
id = "department-of-the-treasury"
kind = "organization"
name = "Department of the Treasury"
aliases = ["Treasury Department", "U.S. Department of the Treasury"]
variants = ["Department of Treasury"]
description = "US federal executive department"
prominence = 3

[[entity]]
id = "united-states-secret-service"
kind = "organization"
name = "United States Secret Service"
aliases = ["U.S. Secret Service", "Secret Service"]
abbreviations = ["USSS"]
description = "Agency of the Department of Homeland Security"
prominence = 3
"#
        );
        assert_eq!(toml, expected);
        assert_loads(&[("us-agencies.toml", &toml)]);
    }

    #[test]
    fn agencies_of_other_dictionaries_and_shared_forms_are_left_out() {
        let newsroom = r#"
[[entity]]
id = "department-of-the-treasury"
kind = "organization"
name = "Department of the Treasury"
aliases = ["Treasury Department"]

[[entity]]
id = "bep-band"
kind = "organization"
name = "Big Engraving Party"
abbreviations = ["BEP"]
"#;
        let reserved = assert_loads(&[("newsroom", newsroom)]);
        let mut inputs = inputs();
        // A second bureau that the Federal Register also calls "DHS".
        inputs
            .federal_register
            .push_str("999,Homeland Studies Department,DHS,x,,,,The Department of Homeland Studies.\n");
        inputs
            .govman_2025
            .push_str("999,0,,Parent,Executive Branch: Departments,Department of Homeland Studies,\n");
        let toml = build(
            &inputs,
            &reserved.entities().cloned().collect::<Vec<_>>(),
            |_| "newsroom".to_owned(),
            &HashSet::new(),
        )
        .unwrap();
        assert!(
            toml.contains(
                "# Left out because a dictionary built before this one has them (1):\n\
                 #   Department of the Treasury (newsroom: department-of-the-treasury)\n"
            ),
            "{toml}"
        );
        assert!(toml.contains(
            "# Forms left out because an entity of a dictionary built before this one has them (1):\n\
             #   \"BEP\" (bureau-of-engraving-and-printing; newsroom: bep-band)\n"
        ));
        assert!(toml.contains(
            "# Forms left out because two agencies would claim them (1):\n\
             #   \"DHS\" (department-of-homeland-security, department-of-homeland-studies)\n"
        ));
        assert!(!toml.contains("abbreviations = [\"DHS\"]"));
        assert!(!toml.contains("name = \"Department of the Treasury\""));
        assert_loads(&[("newsroom", newsroom), ("us-agencies", &toml)]);
    }

    #[test]
    fn abbreviations() {
        for (abbr, form) in [
            ("DHS", "Department of Homeland Security"),
            ("USDA", "Department of Agriculture"),
            ("NOAA", "National Oceanic and Atmospheric Administration"),
            ("EXIM", "Export-Import Bank of the United States"),
            ("USMINT", "United States Mint"),
            ("OFAC", "Office of Foreign Assets Control"),
            ("USCIS", "U.S. Citizenship and Immigration Services"),
        ] {
            assert!(fits_initials(abbr, form), "{abbr} {form}");
        }
        for (abbr, form) in [
            ("TREAS", "Department of the Treasury"),
            ("TD", "Financial Crimes Enforcement Network"),
            ("MSHFRC", "Federal Mine Safety and Health Review Commission"),
            ("AMTRAK", "National Railroad Passenger Corporation"),
        ] {
            assert!(!fits_initials(abbr, form), "{abbr} {form}");
        }
        assert!(is_word("DOE") && is_word("ACTION") && !is_word("ICE") && !is_word("NASA"));
        assert!(
            is_caps_token("FBI")
                && !is_caps_token("FirstNet")
                && !is_caps_token("F")
                && !is_caps_token("NSA/CSS")
        );
        assert_eq!(
            described_abbreviations(
                r#"The Office of Foreign Assets Control ("OFAC") of the Treasury, not the (FBI)."#,
                &[form_words("Office of Foreign Assets Control")]
            ),
            ["OFAC"]
        );
    }

    #[test]
    fn names_and_words() {
        assert_eq!(bag("Treasury Department"), bag("U.S. Department of the Treasury"));
        assert_eq!(
            bag("Centers for Medicare & Medicaid Services"),
            bag("Centers for Medicare and Medicaid Services")
        );
        assert_ne!(bag("White House"), bag("White House Office"));
        assert!(is_generic("Administration Office") && !is_generic("Fiscal Service"));
        assert!(is_one_word("Army") && !is_one_word("Amtrak") && !is_one_word("Coast Guard"));
        assert_eq!(
            manual_name("National Railroad Passenger Corporation (AMTRAK)"),
            (
                "National Railroad Passenger Corporation".to_owned(),
                vec!["AMTRAK".to_owned()]
            )
        );
        assert_eq!(
            manual_name("The Executive Office of the President").0,
            "Executive Office of the President"
        );
        assert_eq!(
            manual_name("National Security Agency / Central Security Service").0,
            "National Security Agency"
        );
        assert_eq!(clean("Department of State    , "), "Department of State");
    }

    #[test]
    fn abbreviations_another_dictionary_gives_another_body_are_ambiguous() {
        let shared: HashSet<String> = ["usss".to_owned()].into();
        let toml = build(&inputs(), &[], |_| "none".to_owned(), &shared).unwrap();
        assert!(
            toml.contains("abbreviations = [\"USSS\"]\nambiguous = [\"USSS\"]\n"),
            "{toml}"
        );
        assert!(toml.contains(
            "# Abbreviations another dictionary gives another body (both list them under `ambiguous`) (1):\n\
             #   \"USSS\" (united-states-secret-service; international-orgs.toml)\n"
        ), "{toml}");
    }
}
