//! `dictgen world-leaders`: heads of state and government,
//! foreign ministers and international officials, from the CIA World
//! Factbook (2026) and Wikidata (2021–2022), into
//! `dictionaries/world-leaders.toml`.
//!
//! Sources (all under the data checkout, see its `SOURCES.md`):
//!
//! - `cia-factbook/factbook_countries.csv`: `chief_of_state` and
//!   `head_of_government` of every country and territory, surnames in
//!   capitals ("President XI Jinping", "Premier Mikhail Vladimirovich
//!   MISHUSTIN"). Its `cabinet` field only says how the cabinet is appointed
//!   and names nobody, so there are no cabinet ministers from the Factbook.
//! - `world-leaders-wikidata/`: heads of state and government (2021–2022),
//!   foreign ministers (2022) and international officials (UN, ICJ, WTO...;
//!   only terms with no end or ending in 2020 or later).
//! - `gov-salaries-officials/world_executive_officials_2025_2026.csv`, a
//!   secondary source only: it never adds a person; for a Factbook holder it
//!   restores accents ("Sanchez" -> "Sánchez"), gives the shorter form a
//!   newsroom uses where its name is made of words of the Factbook's name
//!   ("Bola Ahmed Adekunle TINUBU" -> "Bola Ahmed Tinubu"), and adds close
//!   spellings as aliases ("Nikos Christodoulides" for "Nikos
//!   CHRISTODOULIDIS").
//!
//! `prominence`: 3 for a Factbook holder who heads a sovereign state
//! (`country-codes.csv`) or its government, 2 for the other Factbook holders
//! (vice presidents, representatives, leaders of territories); Wikidata's
//! records by [`wikidata_prominence`].
//!
//! The US federal government is left to the US dictionaries (the Factbook's
//! `us` row, Wikidata rows of the United States).
//!
//! One person entity per person. Records are merged when they share a
//! Wikidata QID; when two Factbook records have one full name ("King CHARLES
//! III" in fifteen realms); when a Wikidata label is a form of a Factbook
//! record; and, within one country, when the label is the Factbook's name
//! spelled closely ("Micheál Martin", "Michael MARTIN") or, for a holder
//! still in office in 2022 with a title in common, has the Factbook's
//! capitalised surname spelled closely ("Alexander Lukashenko", "Alyaksandr
//! LUKASHENKA"). The name is the Wikidata label (a monarch's without "of
//! Spain"), or the Factbook's name where the label only adds words to it;
//! a Factbook name drops patronymics and the words after the capitalised
//! surname ("Rodrigo CHAVES Robles" -> "Rodrigo Chaves") unless they start
//! with a particle ("Lula da Silva"). The Factbook's full name is an alias;
//! `family-name` is the capitalised surname where the name holds it ("Xi" of
//! "Xi Jinping"), and a regnal name is its own ("Charles III").
//!
//! A form may belong to one entity of all the built-in dictionaries: a person
//! with a form that a dictionary built before this one holds (and does not
//! list as ambiguous), or a close spelling of a person of `newsroom.toml` or
//! `us-congress.toml` ("Benyamin Netanyahu"), is left out (they are there
//! already), and so are the few people of [`LEFT_OUT`]; of two people with
//! one name, the later office holder is kept; an alias of two people is
//! dropped from both. A form that a former member of Congress has too is
//! listed under `ambiguous`, for `us-congress-former.toml` to keep it. Every
//! such decision is listed in the header comment of the generated file.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

use anyhow::{Result, bail};
use copydesk::entity::{is_name_suffix, slug};
use copydesk::words::form_words;
use serde::Deserialize;

use crate::casing::capitalize_first;
use crate::former_members::FormerMembers;
use crate::forms::{Claim, claimed_twice, key, unique_forms};
use crate::legislators::HISTORICAL_FILE;
use crate::person::{self, default_family_name, write_persons};
use crate::pipeline::Pipeline;
use crate::prominence::{DEFAULT, MINOR, PROMINENT, former_by_year, is_head_of_state_or_government};
use crate::reserved::{Reserved, ambiguous_forms};
use crate::table::rows;
use crate::territories::{COUNTRY_CODES_FILE, sovereign_gec_codes};
use crate::toml_out::{write_comment_section, write_meta};
use crate::wikidata::HolderRow;

/// The command that regenerates `dictionaries/world-leaders.toml`.
const COMMAND: &str = "cargo run --release -p dictgen -- world-leaders \
     --data ../shared/data --output dictionaries/world-leaders.toml";

/// `[meta] name`.
const NAME: &str = "World leaders";

/// The files read, relative to the data checkout.
const FACTBOOK_FILE: &str = "cia-factbook/factbook_countries.csv";
const HEADS_FILE: &str = "world-leaders-wikidata/heads_of_state_and_government_2021_2022.csv";
const FOREIGN_FILE: &str = "world-leaders-wikidata/foreign_ministers_2022.csv";
const INTL_FILE: &str = "world-leaders-wikidata/international_officials_holders21.csv";
const SALARIES_FILE: &str = "gov-salaries-officials/world_executive_officials_2025_2026.csv";

/// `[meta] source`: every file with its origin and commit (from `SOURCES.md`).
const SOURCE: &str = "CIA World Factbook 2026: factbook_countries.csv (chief_of_state, \
     head_of_government) derived from factbook/factbook.json \
     (https://github.com/factbook/factbook.json) at commit \
     8662a8b17a784841ab4528631b04090eb2f183eb; Wikidata via every-politician-scrapers: \
     heads_of_state_and_government_2021_2022.csv and foreign_ministers_2022.csv from \
     world-leaders-2021 at commit be7039cf5952d8121c4f1e24eea64cc5dd465633, \
     international_officials_holders21.csv from world at commit \
     4a3b394d9a35d26d138cded8718d0805b7ce9336; accents and short forms checked against \
     cdmngz/gov-salaries-data world_executive_officials_2025_2026.csv at commit \
     2eb1a16386c12b15163efd3781429dbaeb128e22; sovereign states from datasets/country-codes \
     (https://github.com/datasets/country-codes) at commit \
     caa72d1e0e5af8876c170bb36a9e4d64a01bba88";

/// `[meta] licence`.
const LICENCE: &str = "public domain (CIA World Factbook); CC0-1.0 (Wikidata, factbook.json, \
     gov-salaries-data); PDDL-1.0 (country-codes)";

/// `[meta] as-of`: the date of the Factbook snapshot.
const AS_OF: &str = "2026-05-17";

/// The dictionaries whose persons this one's are compared with by spelling
/// ([`close_person`]): those that list world leaders by hand or with them.
const CLOSE_SPELLING_FILES: [&str; 2] = ["newsroom.toml", "us-congress.toml"];

/// Factbook clauses the parser cannot read, rewritten by hand: (GEC code,
/// clause as written, clause to parse instead).
const FACTBOOK_FIXES: &[(&str, &str, &str)] = &[
    // No capitals at all; the rest of the field is about his predecessor.
    ("sy", "Ahmad al-Shara'", "Ahmad al-SHARA'"),
    // "ibni al-Marhum Sultan Iskandar": "son of the late Sultan Iskandar".
    (
        "my",
        "King Sultan IBRAHIM ibni al-Marhum Sultan Iskandar",
        "King IBRAHIM Iskandar",
    ),
];

/// People left out by hand: (name, why).
const LEFT_OUT: &[(&str, &str)] = &[(
    "Jenniffer González-Colón",
    "Governor of Puerto Rico, a former Resident Commissioner: she is in the dictionary of former members of Congress",
)];

/// The data files, read into memory.
struct Inputs {
    factbook: String,
    heads: String,
    foreign: String,
    intl: String,
    salaries: String,
    /// `country-codes/country-codes.csv`: which countries are sovereign.
    country_codes: String,
}

/// The TOML text of `dictionaries/world-leaders.toml`, built from the data
/// checkout next to the dictionaries before it.
pub(crate) fn generate(p: &Pipeline) -> Result<String> {
    let inputs = Inputs {
        factbook: p.read(FACTBOOK_FILE)?,
        heads: p.read(HEADS_FILE)?,
        foreign: p.read(FOREIGN_FILE)?,
        intl: p.read(INTL_FILE)?,
        salaries: p.read(SALARIES_FILE)?,
        country_codes: p.read(COUNTRY_CODES_FILE)?,
    };
    let former = FormerMembers::parse(&p.read(HISTORICAL_FILE)?)?;
    build(&inputs, &p.reserved("world-leaders")?, &former)
}

// ---------------------------------------------------------------------------
// Input rows

#[derive(Debug, Deserialize)]
struct FactbookRow {
    gec: String,
    conventional_short_form: String,
    conventional_long_form: String,
    chief_of_state: String,
    head_of_government: String,
    international_org_participation: String,
}

#[derive(Debug, Deserialize)]
struct HeadRow {
    country: String,
    #[serde(rename = "positionLabel")]
    position_label: String,
    officeholder: String,
    #[serde(rename = "officeholderLabel")]
    officeholder_label: String,
    start_year: String,
    end_year: String,
}

#[derive(Debug, Deserialize)]
struct ForeignRow {
    person: String,
    name: String,
    #[serde(rename = "countryLabel")]
    country_label: String,
    #[serde(rename = "positionLabel")]
    position_label: String,
    start: String,
}

#[derive(Debug, Deserialize)]
struct SalaryRow {
    year: String,
    name: String,
}

// ---------------------------------------------------------------------------
// Records: one person in one office, from one source

/// Where a record comes from, in order of preference for the description.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    Factbook,
    Heads,
    Foreign,
    Intl,
}

/// One office a person holds or held.
#[derive(Clone, Debug)]
struct Office {
    /// Preference for the description: source, then offices in a UN member
    /// state, then offices that are not a monarch's represented by someone
    /// else, then file order.
    rank: (Source, bool, bool, usize),
    /// The description, source note included.
    description: String,
    titles: Vec<String>,
    /// Later is larger: Factbook holders, then Wikidata holders still in
    /// office in 2022, then those who left; each by year.
    recency: (u8, u32),
}

/// The forms the Factbook gives for one holder.
#[derive(Clone, Debug, Default, PartialEq)]
struct FactbookName {
    /// Given names, as written ("Vladimir Vladimirovich").
    given: Vec<String>,
    /// The capitalised surname, re-cased ("Putin", "Van der Bellen"), with a
    /// regnal number ("Charles III").
    surname: Vec<String>,
    /// Words after the surname ("Jinping" of "XI Jinping", "Robles" of
    /// "Rodrigo CHAVES Robles").
    rest: Vec<String>,
    /// "Jr.", written after a comma.
    suffix: Option<String>,
    /// "Sam" of "Samantha (Sam) MOSTYN", "BongBong" of `"BongBong"`.
    nickname: Option<String>,
    /// Other spellings of the surname or of the whole name.
    spelled: Vec<String>,
    /// The title before the name ("Prime Minister").
    role: String,
    /// The year of "(since ...)".
    since: Option<u32>,
}

/// One person in one office.
#[derive(Clone, Debug)]
struct Record {
    qid: Option<String>,
    /// Matching key of the country, if any.
    country: Option<String>,
    /// The name this record would give the entity, and its other forms.
    name: String,
    aliases: Vec<String>,
    family_name: Option<String>,
    /// A monarch's label such as "Felipe VI of Spain": the Factbook's name is
    /// preferred.
    regnal_label: bool,
    /// For fuzzy matching: the Wikidata label's words, or the Factbook's
    /// full name's words and surname words.
    words: Vec<String>,
    surname: Vec<String>,
    /// Still in office at the time of the source.
    current: bool,
    office: Office,
    /// How likely a story is to name the person for this office.
    prominence: u8,
}

impl Record {
    fn forms(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name).chain(&self.aliases)
    }
}

// ---------------------------------------------------------------------------
// The Factbook

/// Words of a title, honorific or body that never belong to a name.
const ROLE_WORDS: &[&str] = &[
    "President",
    "Prime",
    "Minister",
    "Ministers",
    "Premier",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Crown",
    "Sultan",
    "Amir",
    "Emir",
    "Emperor",
    "Pope",
    "Grand",
    "Duke",
    "Chief",
    "Executive",
    "Governor",
    "General",
    "Governor-General",
    "Lieutenant",
    "Lieutenant-Governor",
    "Administrator",
    "Superior",
    "Commissioner",
    "High",
    "Prefect",
    "Chancellor",
    "Vice",
    "Co-Vice",
    "Acting",
    "Interim",
    "Transition",
    "Transitional",
    "Caretaker",
    "Supreme",
    "Leader",
    "Chairman",
    "Chairperson",
    "Chair",
    "Secretary",
    "Mayor",
    "Taoiseach",
    "Co-prince",
    "Archbishop",
    "Captains",
    "Captain",
    "Regent",
    "Bailiff",
    "Lord",
    "Sir",
    "Dame",
    "Dr.",
    "Col.",
    "Gen.",
    "Sr.",
    "Capt.",
    "Lt.",
    "Ratu",
    "Commander",
    "Commander-in-Chief",
    "Vice-Marshal",
    "Air",
    "Council",
    "Cabinet",
    "Government",
    "Assembly",
    "Republic",
    "State",
    "Commission",
    "Confederation",
    "Presidency",
    "Presidential",
    "Governorate",
    "Yuan",
    "Homeland",
    "Forces",
    "Commonwealth",
    "Territorial",
    "Island",
    "Islands",
    "Affairs",
    "Sovereign",
    "Taliban",
    "GNU",
    "CNSP",
];

/// Honorifics and ranks dropped from the end of a role ("Prime Minister Dr.").
const HONORIFICS: &[&str] = &[
    "Sir",
    "Dame",
    "Dr.",
    "Col.",
    "Gen.",
    "General",
    "Sr.",
    "Capt.",
    "Lt.",
    "Ratu",
    "Grand",
    "Chief",
    "Air",
    "Vice-Marshal",
];

/// Capitalised words that are not surnames.
const ACRONYMS: &[&str] = &[
    "UK", "US", "EU", "NZ", "GNU", "CNSP", "RN", "BFC", "KWP", "SAC", "NSDC", "CNMI", "FSC", "COR", "CNT",
];

/// Lower-case words that stand inside names.
const PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "van", "von", "bin", "bint", "ibn", "ibni", "al", "el", "da", "das",
    "do", "dos", "du", "la", "le", "y", "e", "i", "di", "ould",
];

fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word.to_lowercase().as_str())
}

/// A particle joined to a name: "d'Oliveira", "al-Aziz".
fn is_joined_particle(word: &str) -> bool {
    word.split_once(['-', '\'', '\u{2019}']).is_some_and(|(p, n)| {
        (is_particle(p) || p == "d")
            && p.chars().all(char::is_lowercase)
            && n.chars().next().is_some_and(char::is_uppercase)
    })
}

fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.len() <= 5 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// A word with a capitalised part: "PUTIN", "al-BURHAN", "SASSOU-Nguesso",
/// "MULI'AKA'AKA" (not "J.M.", "UK" or "Jr.").
fn is_caps(word: &str) -> bool {
    let word = word.trim_matches(|c: char| c == ',' || c == '"');
    if ACRONYMS.contains(&word) || word.contains('.') {
        return false;
    }
    word.split(['-', '\'', '\u{2019}']).any(|part| {
        let letters: Vec<char> = part.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    })
}

/// "PUTIN" -> "Putin", "NANDI-NDAITWAH" -> "Nandi-Ndaitwah", "D'OLIVEIRA" ->
/// "D'Oliveira", "al-BURHAN" -> "al-Burhan"; mixed-case parts are kept.
fn recase(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for (i, part) in word.split('-').enumerate() {
        if i > 0 {
            out.push('-');
        }
        let letters: Vec<char> = part.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 2 || letters.iter().any(|c| c.is_lowercase()) {
            out.push_str(part);
            continue;
        }
        let mut upper_next = true;
        let mut seen = 0;
        for ch in part.chars() {
            if upper_next && ch.is_alphabetic() {
                out.push(ch);
                upper_next = false;
            } else {
                out.extend(ch.to_lowercase());
            }
            if ch.is_alphabetic() {
                seen += 1;
            }
            // "O'NEILL", "D'OLIVEIRA": one letter, then an apostrophe.
            if (ch == '\'' || ch == '\u{2019}') && seen == 1 {
                upper_next = true;
            }
        }
    }
    out
}

/// A Russian-style patronymic ("Vladimirovich", "Vladimirovna").
fn is_patronymic(word: &str) -> bool {
    ["ovich", "evich", "ovna", "evna"]
        .iter()
        .any(|end| word.len() > end.len() + 2 && word.ends_with(end))
}

/// A clause split into words and parenthesised groups.
#[derive(Debug, PartialEq)]
enum Tok<'a> {
    Word(&'a str),
    Paren(&'a str),
}

fn tokens(clause: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut rest = clause.trim();
    while !rest.is_empty() {
        if let Some(inner) = rest.strip_prefix('(') {
            let mut depth = 1;
            let mut end = inner.len();
            for (i, ch) in inner.char_indices() {
                match ch {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            out.push(Tok::Paren(inner[..end].trim()));
            rest = inner.get(end + 1..).unwrap_or("").trim_start();
        } else {
            let end = rest.find([' ', '(']).unwrap_or(rest.len());
            out.push(Tok::Word(&rest[..end]));
            rest = rest[end..].trim_start();
        }
    }
    out
}

/// Split a field at `;` outside parentheses, then at "represented by"; true
/// marks a clause that follows "represented by".
fn clauses(field: &str) -> Vec<(String, bool)> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, ch) in field.char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' | '|' if depth == 0 => {
                parts.push(&field[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&field[start..]);
    let mut out = Vec::new();
    for part in parts {
        let mut rest = part;
        let mut represented = false;
        while let Some(at) = rest.find("represented by") {
            out.push((
                rest[..at].trim().trim_end_matches(',').trim().to_owned(),
                represented,
            ));
            rest = &rest[at + "represented by".len()..];
            represented = true;
        }
        out.push((rest.trim().to_owned(), represented));
    }
    out.retain(|(c, _)| !c.is_empty());
    out
}

/// The first year in a parenthesised note.
fn year_in(text: &str) -> Option<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4)
        .and_then(|w| w.parse().ok())
}

/// Read one clause: "Prime Minister Ntsokoane Samuel MATEKANE (since ...)".
/// `place_words` are the words of country names, which end a role ("President
/// of French Polynesia Moetai BROTHERSON").
fn parse_clause(clause: &str, place_words: &BTreeSet<String>) -> Option<FactbookName> {
    let toks = tokens(clause);
    let word_at = |i: usize| match toks.get(i) {
        Some(Tok::Word(w)) => Some(*w),
        _ => None,
    };
    let anchor = toks
        .iter()
        .position(|t| matches!(t, Tok::Word(w) if is_caps(w)))?;
    let before: Vec<&str> = toks[..anchor]
        .iter()
        .filter_map(|t| match t {
            Tok::Word(w) => Some(*w),
            Tok::Paren(_) => None,
        })
        .collect();
    if before.iter().any(|w| w.eq_ignore_ascii_case("former")) {
        return None;
    }
    let has_of = before.contains(&"of");
    let mut name = FactbookName::default();

    // Given names, walking left from the surname.
    let mut start = anchor;
    let mut given = Vec::new();
    while start > 0 {
        match &toks[start - 1] {
            Tok::Paren(p) => {
                let p = p.trim();
                if !p.contains(' ') && p.chars().next().is_some_and(char::is_uppercase) && !p.ends_with('.') {
                    name.nickname = Some(p.to_owned());
                    start -= 1;
                    continue;
                }
                break;
            }
            Tok::Word(w) => {
                let w = *w;
                if w.starts_with('"') && w.ends_with('"') && w.len() > 2 {
                    name.nickname = Some(w.trim_matches('"').to_owned());
                    start -= 1;
                    continue;
                }
                let initial = w.len() <= 4
                    && w.ends_with('.')
                    && w.chars().next().is_some_and(char::is_uppercase)
                    && !HONORIFICS.contains(&w)
                    && !ROLE_WORDS.contains(&w);
                let place = has_of && place_words.contains(w);
                let capitalised = w.chars().next().is_some_and(char::is_uppercase)
                    && !w.ends_with(',')
                    && !w.ends_with('.')
                    && !ROLE_WORDS.contains(&w)
                    && !place;
                if initial || capitalised || is_particle(w) || is_joined_particle(w) {
                    given.push(w.to_owned());
                    start -= 1;
                } else {
                    break;
                }
            }
        }
    }
    given.reverse();
    while given
        .first()
        .is_some_and(|w| is_particle(w) && w.chars().all(char::is_lowercase))
    {
        given.remove(0);
        start += 1;
    }
    name.given = given;

    // The surname: capitalised words, with particles and regnal numbers.
    let mut i = anchor;
    let mut ended = false;
    while let Some(tok) = toks.get(i) {
        match tok {
            Tok::Word(w) if i == anchor || is_caps(w) || (is_roman(w) && !name.surname.is_empty()) => {
                let comma = w.ends_with(',');
                let w = w.trim_end_matches(',');
                let word = if is_roman(w) && i != anchor {
                    w.to_owned()
                } else if i != anchor && is_particle(w) {
                    w.to_lowercase()
                } else {
                    recase(w)
                };
                name.surname.push(word);
                i += 1;
                if comma {
                    ended = true;
                    break;
                }
            }
            Tok::Word(w) if is_particle(w) && word_at(i + 1).is_some_and(is_caps) => {
                name.surname.push(w.to_lowercase());
                i += 1;
            }
            Tok::Paren(p) if p.starts_with("also spelled ") => {
                name.spelled.push(recase(p["also spelled ".len()..].trim()));
                i += 1;
            }
            _ => break,
        }
    }
    // Words after the surname: "Jinping", "Robles", "da Silva", "II".
    if !ended {
        while let Some(Tok::Word(w)) = toks.get(i) {
            let w = *w;
            let comma = w.ends_with(',');
            let bare = w.trim_end_matches(',');
            let next_capitalised =
                word_at(i + 1).is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase));
            let take = (bare.chars().next().is_some_and(char::is_uppercase)
                && !ROLE_WORDS.contains(&bare)
                && (!is_name_suffix(bare) || is_roman(bare)))
                || is_joined_particle(bare)
                || (is_particle(bare) && next_capitalised && !comma);
            if !take {
                break;
            }
            name.rest.push(if is_roman(bare) {
                bare.to_owned()
            } else {
                recase(bare)
            });
            i += 1;
            if comma {
                ended = true;
                break;
            }
        }
    }
    if ended && let Some(w) = word_at(i).filter(|w| is_name_suffix(w)) {
        name.suffix = Some(w.to_owned());
    }
    // A name cannot end on a particle.
    while name.rest.last().is_some_and(|w| is_particle(w)) {
        name.rest.pop();
    }

    // The role: the words before the name, without leading lower-case words
    // or trailing honorifics; or a parenthesised title at the very start.
    let mut role: Vec<&str> = toks[..start]
        .iter()
        .filter_map(|t| match t {
            Tok::Word(w) => Some(*w),
            Tok::Paren(_) => None,
        })
        .collect();
    while role
        .first()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
    {
        role.remove(0);
    }
    while role.last().is_some_and(|w| {
        HONORIFICS.contains(w) && !(*w == "General" && role.len() >= 2 && role[role.len() - 2] == "Governor")
    }) {
        role.pop();
    }
    name.role = role
        .join(" ")
        .trim_matches(',')
        .trim()
        .replace("Captains Regent", "Captain Regent");
    if name.role.is_empty()
        && let Some(Tok::Paren(p)) = toks.first()
    {
        name.role = (*p).to_owned();
    }
    // "Denis BECIROVIC (presidency member since 16 November 2022 - ...)".
    if name.role.is_empty() {
        let described = toks.iter().find_map(|t| match t {
            Tok::Paren(p) => p
                .split_once(" since ")
                .map(|(role, _)| role)
                .filter(|r| !r.is_empty() && r.chars().all(|c| c.is_lowercase() || c == ' ')),
            Tok::Word(_) => None,
        });
        if let Some(role) = described {
            name.role = capitalize_first(role);
        }
    }
    name.since = toks.iter().find_map(|t| match t {
        Tok::Paren(p) => year_in(p),
        Tok::Word(_) => None,
    });
    Some(name)
}

/// Every holder of one Factbook field, in order. A clause with a name but no
/// title takes the title of the clause before it ("Captains Regent Matteo
/// ROSSI and Lorenzo BUGLI").
fn parse_field(gec: &str, field: &str, place_words: &BTreeSet<String>) -> Vec<FactbookName> {
    let mut out: Vec<FactbookName> = Vec::new();
    for (clause, represented) in clauses(field) {
        let clause = FACTBOOK_FIXES
            .iter()
            .find(|(g, from, _)| *g == gec && clause.starts_with(from))
            .map_or(clause.clone(), |(_, from, to)| clause.replacen(from, to, 1));
        if let Some(spelled) = clause.strip_prefix("also spelled ") {
            if let Some(last) = out.last_mut() {
                let spelled = tokens(spelled);
                if let Some(Tok::Word(w)) = spelled.first() {
                    last.spelled.push(recase(w));
                }
            }
            continue;
        }
        // "Matteo ROSSI and Lorenzo BUGLI": two holders.
        let mut pieces = vec![clause.as_str()];
        if let Some(at) = clause.find(" and ") {
            let (left, right) = (&clause[..at], &clause[at + 5..]);
            if left.split_whitespace().any(is_caps) && right.split_whitespace().any(is_caps) {
                pieces = vec![left, right];
            }
        }
        let mut role = String::new();
        if represented && let Some(monarch) = out.last() {
            role = format!("Representative of the {}", monarch.role);
        }
        for piece in pieces {
            if let Some(mut holder) = parse_clause(piece, place_words) {
                if holder.role.is_empty() {
                    holder.role.clone_from(&role);
                }
                role.clone_from(&holder.role);
                out.push(holder);
            }
        }
    }
    out
}

impl FactbookName {
    fn surname_text(&self) -> String {
        self.surname.join(" ")
    }

    /// Every word as the Factbook gives it, nickname left out.
    fn full(&self) -> String {
        let mut words: Vec<&str> = self.given.iter().map(String::as_str).collect();
        words.extend(self.surname.iter().map(String::as_str));
        words.extend(self.rest.iter().map(String::as_str));
        let mut s = words.join(" ");
        if let Some(suffix) = &self.suffix {
            write!(s, ", {suffix}").unwrap();
        }
        s
    }

    /// The name as a newsroom writes it: the given names without patronymics
    /// and the capitalised surname, without what follows it ("Rodrigo
    /// Chaves", not "Rodrigo Chaves Robles"); the full name where the surname
    /// comes first ("Xi Jinping") or what follows starts with a particle
    /// ("Lula da Silva").
    fn short(&self) -> String {
        let rest_is_surname = self.rest.first().is_some_and(|w| is_particle(w))
            || self.rest.last().is_some_and(|w| is_roman(w));
        if self.given.is_empty() || rest_is_surname {
            let mut words: Vec<&str> = self
                .given
                .iter()
                .filter(|w| !is_patronymic(w))
                .map(String::as_str)
                .collect();
            words.extend(self.surname.iter().map(String::as_str));
            words.extend(self.rest.iter().map(String::as_str));
            let mut s = words.join(" ");
            if let Some(suffix) = &self.suffix {
                write!(s, ", {suffix}").unwrap();
            }
            return s;
        }
        let mut words: Vec<&str> = self
            .given
            .iter()
            .filter(|w| !is_patronymic(w))
            .map(String::as_str)
            .collect();
        words.extend(self.surname.iter().map(String::as_str));
        let mut s = words.join(" ");
        if let Some(suffix) = &self.suffix {
            write!(s, ", {suffix}").unwrap();
        }
        s
    }

    /// Other correct forms: the nickname with the surname, other spellings.
    fn other_forms(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(nick) = &self.nickname {
            out.push(format!("{nick} {}", self.surname_text()));
        }
        for s in &self.spelled {
            if self.surname.len() == 1 && self.given.is_empty() && self.rest.is_empty() {
                out.push(s.clone());
            } else {
                let mut words: Vec<&str> = self.given.iter().map(String::as_str).collect();
                words.push(s);
                words.extend(self.rest.iter().map(String::as_str));
                out.push(words.join(" "));
            }
        }
        out
    }
}

/// How a Factbook country is named in a description ("the Netherlands").
fn factbook_country(row: &FactbookRow) -> Option<String> {
    let fixed = match row.gec.as_str() {
        "cg" => Some("the Democratic Republic of the Congo"),
        "cf" => Some("the Republic of the Congo"),
        "dr" => Some("the Dominican Republic"),
        "ct" => Some("the Central African Republic"),
        "ae" => Some("the United Arab Emirates"),
        "fm" => Some("Micronesia"),
        "sh" => Some("Saint Helena, Ascension and Tristan da Cunha"),
        "io" => Some("the British Indian Ocean Territory"),
        "sv" => Some("Svalbard"),
        "fk" => Some("the Falkland Islands"),
        "vt" => Some("the Holy See"),
        "ga" => Some("the Gambia"),
        "bf" => Some("the Bahamas"),
        "um" => Some("the US Minor Outlying Islands"),
        _ => None,
    };
    if let Some(f) = fixed {
        return Some(f.to_owned());
    }
    let short = row.conventional_short_form.trim();
    let name = if short.is_empty() || short == "none" {
        row.conventional_long_form.trim()
    } else {
        short
    };
    if name.is_empty() || name == "none" {
        return None;
    }
    Some(with_article(name))
}

fn with_article(name: &str) -> String {
    let needs = name.starts_with("United ")
        || name.ends_with(" Islands")
        || matches!(
            name,
            "Netherlands" | "Philippines" | "Maldives" | "Gambia" | "Bahamas"
        );
    if needs {
        format!("the {name}")
    } else {
        name.to_owned()
    }
}

/// The key two sources' country names are compared on.
fn country_key(name: &str) -> String {
    let folded = form_words(name).join(" ");
    let key = folded.strip_prefix("the ").unwrap_or(&folded);
    match key {
        "kingdom of denmark" => "denmark",
        "kingdom of the netherlands" => "netherlands",
        "people republic of china" => "china",
        "republic of ireland" => "ireland",
        "myanmar" => "burma",
        "czech republic" => "czechia",
        "ivory coast" => "cote d'ivoire",
        "cape verde" => "cabo verde",
        "east timor" => "timor leste",
        "vatican city" => "holy see",
        "federated states of micronesia" => "micronesia",
        "bailiwick of guernsey" => "guernsey",
        other => other,
    }
    .to_owned()
}

/// Titles found in a role or position ("Prime Minister of Albania" ->
/// "Prime Minister"), longest first.
const TITLE_PHRASES: &[(&str, &str)] = &[
    ("deputy secretary-general", "Deputy Secretary-General"),
    ("under-secretary-general", "Under-Secretary-General"),
    ("secretary-general", "Secretary-General"),
    ("director-general", "Director-General"),
    ("deputy prime minister", "Deputy Prime Minister"),
    ("foreign minister", "Foreign Minister"),
    ("prime minister", "Prime Minister"),
    ("co-vice president", "Vice President"),
    ("vice president", "Vice President"),
    ("president", "President"),
    ("premier", "Premier"),
    ("chancellor", "Chancellor"),
    ("crown prince", "Crown Prince"),
    ("co-prince", "Co-Prince"),
    ("prince", "Prince"),
    ("grand duke", "Grand Duke"),
    ("king", "King"),
    ("queen", "Queen"),
    ("emperor", "Emperor"),
    ("sultan", "Sultan"),
    ("amir", "Amir"),
    ("emir", "Emir"),
    ("pope", "Pope"),
    ("governor general", "Governor General"),
    ("governor-general", "Governor-General"),
    ("lieutenant governor", "Lieutenant Governor"),
    ("lieutenant-governor", "Lieutenant Governor"),
    ("governor", "Governor"),
    ("administrator", "Administrator"),
    ("chief minister", "Chief Minister"),
    ("chief executive", "Chief Executive"),
    ("taoiseach", "Taoiseach"),
    ("supreme leader", "Supreme Leader"),
    ("captain regent", "Captain Regent"),
    ("chairman", "Chairman"),
    ("chairperson", "Chairperson"),
    ("chair", "Chair"),
    ("secretary of state", "Secretary of State"),
    ("minister of state", "Minister of State"),
    ("mayor", "Mayor"),
    ("high representative", "High Representative"),
    ("high commissioner", "High Commissioner"),
    ("permanent representative", "Permanent Representative"),
    ("prefect", "Prefect"),
    ("commissioner", "Commissioner"),
    ("bailiff", "Bailiff"),
    ("commander", "Commander"),
    ("leader", "Leader"),
    ("archbishop", "Archbishop"),
    ("judge", "Judge"),
    ("speaker", "Speaker"),
];

fn titles_in(role: &str) -> Vec<String> {
    let lower = role.to_lowercase();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        let at_start = i == 0 || lower[..i].ends_with([' ', '(', ',']);
        let mut matched = 0;
        if at_start {
            for (phrase, title) in TITLE_PHRASES {
                if lower[i..].starts_with(phrase) {
                    let after = lower[i + phrase.len()..].chars().next();
                    if after.is_none_or(|c| !c.is_alphanumeric() && c != '-') {
                        if !out.iter().any(|t| t == title) {
                            out.push((*title).to_owned());
                        }
                        matched = phrase.len();
                        break;
                    }
                }
            }
        }
        i += if matched > 0 {
            matched
        } else {
            lower[i..].chars().next().map_or(1, char::len_utf8)
        };
    }
    out
}

/// "President of Russia", "President of French Polynesia", "Chairman of the
/// Cabinet of Ministers, Kyrgyzstan".
fn office_text(role: &str, country: &str) -> String {
    let generic =
        matches!(role, "Chief of state" | "Head of government") || role.starts_with("Representative of the ");
    if mentions(role, country) {
        role.to_owned()
    } else if role.contains(" of ") && !generic {
        format!("{role}, {country}")
    } else {
        format!("{role} of {country}")
    }
}

/// True when `text` names the country: its name, its matching key or the
/// distinctive last word of its name ("President of Northern Cyprus" and
/// "Turkish Republic of Northern Cyprus").
fn mentions(text: &str, country: &str) -> bool {
    let words = form_words(text);
    let mut name = form_words(country);
    if name.first().is_some_and(|w| w == "the") {
        name.remove(0);
    }
    let key: Vec<String> = country_key(country).split(' ').map(str::to_owned).collect();
    let last = name
        .last()
        .filter(|w| {
            w.len() >= 4
                && !matches!(
                    w.as_str(),
                    "islands"
                        | "republic"
                        | "states"
                        | "emirates"
                        | "kingdom"
                        | "union"
                        | "territory"
                        | "lands"
                        | "region"
                )
        })
        .map(|w| vec![w.clone()]);
    contains_run(&words, &name)
        || contains_run(&words, &key)
        || last.is_some_and(|l| contains_run(&words, &l))
}

/// The holders of the Factbook (2026): in office now. A head of state or
/// of government of a sovereign state is [`PROMINENT`]; a vice president,
/// a deputy, a monarch's representative, the leaders of a territory are
/// officials in office ([`DEFAULT`]).
fn factbook_records(
    text: &str,
    salaries: &Salaries,
    sovereign: &HashSet<String>,
    notes: &mut Notes,
) -> Result<Vec<Record>> {
    let rows: Vec<FactbookRow> = rows(text, FACTBOOK_FILE)?;
    let mut place_words = BTreeSet::new();
    for row in &rows {
        for form in [&row.conventional_short_form, &row.conventional_long_form] {
            for w in form.split_whitespace() {
                if w.chars().next().is_some_and(char::is_uppercase) {
                    place_words.insert(w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned());
                }
            }
        }
    }
    for (gec, from, to) in FACTBOOK_FIXES {
        let applies = rows.iter().any(|r| {
            r.gec == *gec && (r.chief_of_state.contains(from) || r.head_of_government.contains(from))
        });
        if applies {
            notes.fixes.push(format!("{gec}: \"{from}\" read as \"{to}\""));
        }
    }
    let mut holders = Vec::new();
    for row in &rows {
        let Some(country) = factbook_country(row) else {
            continue;
        };
        if row.gec == "us" {
            // The US federal government has dictionaries of its own.
            continue;
        }
        let un_member = row
            .international_org_participation
            .split(',')
            .any(|o| o.trim() == "UN");
        for (field, fallback) in [
            (&row.chief_of_state, "Chief of state"),
            (&row.head_of_government, "Head of government"),
        ] {
            let represented = field.contains("represented by");
            for (n, holder) in parse_field(&row.gec, field, &place_words).into_iter().enumerate() {
                holders.push((
                    country.clone(),
                    un_member,
                    fallback,
                    represented && n == 0,
                    sovereign.contains(&row.gec.to_ascii_lowercase()),
                    holder,
                ));
            }
        }
    }
    let mut out = Vec::new();
    for (order, (country, un_member, fallback, represented, sovereign, holder)) in
        holders.into_iter().enumerate()
    {
        {
            {
                let role = if holder.role.is_empty() {
                    fallback.to_owned()
                } else {
                    holder.role.clone()
                };
                // A monarch's representative holds none of the monarch's titles.
                let titles = if role.starts_with("Representative of the ") {
                    Vec::new()
                } else {
                    titles_in(&role)
                };
                let mut full = holder.full();
                let mut short = holder.short();
                let mut others = holder.other_forms();
                let surname = holder.surname_text();
                // The secondary source: accents, and a shorter form made
                // of the Factbook's words.
                let full_words = form_words(&full);
                let surname_words = form_words(&surname);
                let short_words = form_words(&short);
                if let Some(better) =
                    salaries.shorter(&short_words, &full_words, &surname_words, holder.given.is_empty())
                {
                    let note = format!("\"{full}\" -> \"{better}\"");
                    if form_words(&better) != form_words(&short) && !notes.shortened.contains(&note) {
                        notes.shortened.push(note);
                    }
                    others.insert(0, short.clone());
                    short = better;
                }
                full = salaries.accented(&full_words, &full);
                short = salaries.accented(&full_words, &short);
                for spelling in salaries.spellings(&[form_words(&short), full_words.clone()]) {
                    let note = format!("\"{short}\": \"{spelling}\"");
                    if !notes.spellings.contains(&note) {
                        notes.spellings.push(note);
                    }
                    others.push(spelling);
                }
                let mut aliases = vec![full];
                aliases.extend(others.iter().map(|o| salaries.accented(&full_words, o)));
                out.push(Record {
                    qid: None,
                    country: Some(country_key(&country)),
                    name: short,
                    aliases,
                    family_name: Some(salaries.accented(&full_words, &surname)),
                    regnal_label: false,
                    words: full_words,
                    surname: surname_words,
                    current: true,
                    prominence: if sovereign && is_head_of_state_or_government(&role) {
                        PROMINENT
                    } else {
                        DEFAULT
                    },
                    office: Office {
                        // The monarch of a realm who is represented there
                        // is described by another of the realms.
                        rank: (Source::Factbook, !un_member, represented, order),
                        description: format!("{} (CIA World Factbook, 2026)", office_text(&role, &country)),
                        titles,
                        recency: (2, holder.since.unwrap_or(0)),
                    },
                });
            }
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// The secondary source

/// Names of `world_executive_officials_2025_2026.csv`, by folded words.
struct Salaries {
    /// Folded words -> the name as written, 2026 rows first.
    names: BTreeMap<Vec<String>, String>,
}

impl Salaries {
    fn new(text: &str) -> Result<Self> {
        let mut rows: Vec<SalaryRow> = rows(text, SALARIES_FILE)?;
        rows.sort_by(|a, b| b.year.cmp(&a.year));
        let mut names = BTreeMap::new();
        for row in rows {
            let name = row.name.trim();
            let words = form_words(name);
            if words.len() >= 2 && is_latin(name) {
                names.entry(words).or_insert_with(|| name.to_owned());
            }
        }
        Ok(Salaries { names })
    }

    /// The shortest name of the list shorter than `short` and made of words
    /// of `full`, in order, with the first word of the surname and, where the
    /// given names come first, the first of them ("Pedro Sánchez" of "Pedro
    /// SANCHEZ PEREZ-CASTEJON", "Prabowo Subianto" of "PRABOWO Subianto
    /// Djojohadikusumo").
    fn shorter(
        &self,
        short: &[String],
        full: &[String],
        surname: &[String],
        surname_first: bool,
    ) -> Option<String> {
        let mut best: Option<&String> = None;
        let mut best_len = short.len();
        let first_surname = surname.first()?;
        for (words, name) in &self.names {
            if words.len() >= best_len {
                continue;
            }
            let first_ok = if surname_first {
                words.first() == Some(first_surname)
            } else {
                words.first() == full.first() && words.contains(first_surname)
            };
            if first_ok && is_subsequence(words, full) {
                best = Some(name);
                best_len = words.len();
            }
        }
        best.cloned()
    }

    /// Names of the list that spell one of `forms` a little otherwise: the
    /// same first word, as many words, each close ("Nikos Christodoulides"
    /// for "Nikos CHRISTODOULIDIS").
    fn spellings(&self, forms: &[Vec<String>]) -> Vec<String> {
        let mut out = Vec::new();
        for (words, name) in &self.names {
            let close_to = |target: &Vec<String>| {
                words.len() == target.len()
                    && words != target
                    && words.first() == target.first()
                    && words.iter().zip(target).all(|(a, b)| close(a, b))
            };
            if forms.iter().any(close_to) {
                out.push(name.clone());
            }
        }
        out
    }

    /// `form`, a form of the holder whose full name has the words `full`,
    /// with the accents of the names of the list made of words of `full`
    /// ("Sanchez" -> "Sánchez" from "Pedro Sánchez Pérez-Castejón"; not from
    /// another person's "Luís").
    fn accented(&self, full: &[String], form: &str) -> String {
        let mut accents: HashMap<String, &str> = HashMap::new();
        for (words, name) in &self.names {
            if is_subsequence(words, full) {
                for w in name.split_whitespace() {
                    if w != deunicode::deunicode(w) {
                        accents.entry(key(w)).or_insert(w);
                    }
                }
            }
        }
        form.split(' ')
            .map(|w| {
                let (bare, comma) = match w.strip_suffix(',') {
                    Some(b) => (b, ","),
                    None => (w, ""),
                };
                match accents.get(&key(bare)) {
                    Some(a)
                        if deunicode::deunicode(a).to_lowercase()
                            == deunicode::deunicode(bare).to_lowercase() =>
                    {
                        format!("{a}{comma}")
                    }
                    _ => w.to_owned(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn is_subsequence(small: &[String], big: &[String]) -> bool {
    let mut it = big.iter();
    small.iter().all(|w| it.any(|b| b == w))
}

fn contains_run(words: &[String], run: &[String]) -> bool {
    !run.is_empty() && words.windows(run.len()).any(|w| w == run)
}

/// Only Latin letters (and the Polynesian ʻokina).
fn is_latin(name: &str) -> bool {
    name.chars().all(|c| {
        !c.is_alphabetic()
            || c.is_ascii()
            || ('\u{00C0}'..='\u{024F}').contains(&c)
            || ('\u{02B0}'..='\u{02FF}').contains(&c)
            || ('\u{1E00}'..='\u{1EFF}').contains(&c)
    }) && name.chars().any(char::is_alphabetic)
}

// ---------------------------------------------------------------------------
fn wikidata_description(office: &str, until: Option<u32>) -> String {
    match until {
        Some(y) => format!("{office} until {y} (Wikidata, as of 2022)"),
        None => format!("{office} (Wikidata, as of 2022)"),
    }
}

fn year(s: &str) -> Option<u32> {
    s.get(..4).and_then(|y| y.parse().ok())
}

/// A label that is usable as a name: Latin letters, not a bare QID.
fn usable_label(label: &str) -> bool {
    let label = label.trim();
    !label.is_empty()
        && is_latin(label)
        && !(label.starts_with('Q') && label[1..].chars().all(|c| c.is_ascii_digit()))
}

/// "Felipe VI of Spain" -> "Felipe VI", "Albert II, Prince of Monaco" ->
/// "Albert II", for monarchs' positions.
fn regnal_name(label: &str, position: &str) -> Option<String> {
    if !is_monarch(position) {
        return None;
    }
    let cut = label.find(", ").or_else(|| label.find(" of "))?;
    // "Philippe I of Belgium": no king is called "the First" in the news.
    let head = label[..cut].trim();
    let head = head.strip_suffix(" I").unwrap_or(head);
    (!head.is_empty()).then(|| head.to_owned())
}

/// A monarch's position ("monarch of Canada", "Sultan of Brunei").
fn is_monarch(position: &str) -> bool {
    let p = position.to_lowercase();
    [
        "monarch",
        "king",
        "queen",
        "prince",
        "sultan",
        "emir",
        "emperor",
        "ngwenyama",
        "gyalpo",
        "agong",
        "pope",
    ]
    .iter()
    .any(|w| p.contains(w))
}

/// Surname first in a Wikidata label ("Park Jin", "Choe Son-hui"): persons
/// of China, Taiwan, the two Koreas, Singapore and Cambodia whose first word
/// is short.
fn surname_first(country: &str, label: &str) -> Option<String> {
    let key = country_key(country);
    if !matches!(
        key.as_str(),
        "china" | "taiwan" | "north korea" | "south korea" | "singapore" | "cambodia"
    ) {
        return None;
    }
    let first = label.split_whitespace().next()?;
    (label.split_whitespace().count() >= 2 && first.chars().count() <= 5).then(|| first.to_owned())
}

/// "Prince Faisal bin Farhan Al Saud" -> "Faisal bin Farhan Al Saud": a
/// title at the start of a label, where two words or more remain ("Sheikh
/// Hasina" keeps hers, and so does "Pope Francis").
fn strip_honorific(label: &str) -> String {
    for title in ["Prince ", "Sheikh ", "Archbishop ", "Dr. ", "Sir ", "Dame "] {
        if let Some(rest) = label.strip_prefix(title)
            && rest.split_whitespace().count() >= 2
        {
            return rest.to_owned();
        }
    }
    label.to_owned()
}

/// The name and aliases of a Wikidata label.
fn label_forms(label: &str) -> (String, Vec<String>) {
    let name = strip_honorific(label);
    let aliases = if name == label {
        Vec::new()
    } else {
        vec![label.to_owned()]
    };
    (name, aliases)
}

fn head_records(text: &str, represented: &BTreeSet<String>, notes: &mut Notes) -> Result<Vec<Record>> {
    let rows: Vec<HeadRow> = rows(text, HEADS_FILE)?;
    let mut out = Vec::new();
    for (order, row) in rows.iter().enumerate() {
        let label = row.officeholder_label.trim();
        if country_key(&row.country) == "united states of america" {
            continue;
        }
        if !usable_label(label) {
            notes.unusable.push(format!("{} ({})", label, row.position_label));
            continue;
        }
        let start = year(&row.start_year).unwrap_or(0);
        let end = year(&row.end_year);
        if end.is_some_and(|e| e < 2020) {
            continue;
        }
        let position = capitalize_first(row.position_label.trim());
        let office = if mentions(&position, &row.country) {
            position.clone()
        } else {
            format!("{position}, {}", row.country.trim())
        };
        // A monarch's label: "Felipe VI of Spain" is "Felipe VI"; where only
        // one word is left ("Abdullah of Pahang"), the label stays the name.
        let (name, aliases, words, regnal_label) = match regnal_name(label, &position) {
            Some(regnal) => {
                let words = form_words(&regnal);
                let name = if words.len() >= 2 {
                    regnal
                } else {
                    label.to_owned()
                };
                let aliases = if name == label {
                    Vec::new()
                } else {
                    vec![label.to_owned()]
                };
                (name, aliases, words, true)
            }
            None => {
                let (name, aliases) = label_forms(label);
                let words = form_words(&name);
                (name, aliases, words, false)
            }
        };
        let country = country_key(&row.country);
        // Of a monarch's realms, those where a governor-general represents
        // the monarch describe the person last.
        let secondary = is_monarch(&position) && represented.contains(&country);
        out.push(Record {
            qid: Some(row.officeholder.trim().to_owned()),
            family_name: surname_first(&row.country, &name),
            surname: words.last().cloned().into_iter().collect(),
            country: Some(country),
            words,
            name,
            aliases,
            regnal_label,
            current: end.is_none(),
            prominence: DEFAULT,
            office: Office {
                rank: (Source::Heads, false, secondary, order),
                description: wikidata_description(&office, end),
                titles: titles_in(&position),
                recency: end.map_or((1, start), |e| (0, e)),
            },
        });
    }
    Ok(out)
}

/// Last words of foreign-minister positions that take " of COUNTRY".
const GENERIC_ENDINGS: &[&str] = &[
    "affairs",
    "relations",
    "trade",
    "cooperation",
    "diaspora",
    "expatriates",
    "worship",
    "sport",
];

fn foreign_records(text: &str, notes: &mut Notes) -> Result<Vec<Record>> {
    let rows: Vec<ForeignRow> = rows(text, FOREIGN_FILE)?;
    let mut out = Vec::new();
    for (order, row) in rows.iter().enumerate() {
        let label = row.name.trim();
        if row.person.trim().is_empty() {
            continue;
        }
        if country_key(&row.country_label) == "united states of america" {
            continue;
        }
        if !usable_label(label) {
            notes.unusable.push(format!("{} ({})", label, row.position_label));
            continue;
        }
        let mut position = capitalize_first(row.position_label.trim());
        // "Italian Minister of Foreign Affairs": the country is added below.
        if let Some((first, rest)) = position.split_once(' ')
            && rest.starts_with("Minister")
            && !matches!(first, "Foreign" | "Federal" | "Prime" | "Deputy")
        {
            position = rest.to_owned();
        }
        let country = row.country_label.trim();
        let position_words = form_words(&position).join(" ");
        let office = if mentions(&position, country) {
            position.clone()
        } else if position_words
            .split(' ')
            .next_back()
            .is_some_and(|w| GENERIC_ENDINGS.contains(&w))
        {
            format!("{position} of {}", with_article(country))
        } else {
            format!("{position}, {country}")
        };
        let lower = position.to_lowercase();
        let mut titles = Vec::new();
        if lower.contains("high representative") {
            titles.push("High Representative".to_owned());
        } else if lower.contains("foreign") || lower.contains("external") || lower.contains("relations") {
            titles.push(if lower.starts_with("secretary") {
                "Foreign Secretary".to_owned()
            } else {
                "Foreign Minister".to_owned()
            });
        }
        for t in titles_in(&position) {
            if !titles.contains(&t) {
                titles.push(t);
            }
        }
        let (name, aliases) = label_forms(label);
        let words = form_words(&name);
        out.push(Record {
            qid: Some(row.person.trim().to_owned()),
            country: Some(country_key(country)),
            family_name: surname_first(country, &name),
            surname: words.last().cloned().into_iter().collect(),
            words,
            name,
            aliases,
            regnal_label: false,
            current: true,
            prominence: DEFAULT,
            office: Office {
                rank: (Source::Foreign, false, false, order),
                description: wikidata_description(&office, None),
                titles,
                recency: (1, year(&row.start).unwrap_or(0)),
            },
        });
    }
    Ok(out)
}

fn intl_records(text: &str, notes: &mut Notes) -> Result<Vec<Record>> {
    let rows: Vec<HolderRow> = rows(text, INTL_FILE)?;
    let mut out = Vec::new();
    for (order, row) in rows.iter().enumerate() {
        let end = year(&row.end);
        if end.is_some_and(|e| e < 2020) || row.person_id.trim().is_empty() {
            continue;
        }
        let label = row.person.trim();
        if !usable_label(label) {
            notes.unusable.push(format!("{} ({})", label, row.position));
            continue;
        }
        let position = capitalize_first(row.position.trim());
        let mut titles = titles_in(&position);
        if position.contains("International Court of Justice") && !titles.iter().any(|t| t == "Judge") {
            titles.push("Judge".to_owned());
        }
        let start = year(&row.start).unwrap_or(0);
        let (name, aliases) = label_forms(label);
        let words = form_words(&name);
        out.push(Record {
            qid: Some(row.person_id.trim().to_owned()),
            country: None,
            family_name: None,
            surname: words.last().cloned().into_iter().collect(),
            words,
            name,
            aliases,
            regnal_label: false,
            current: end.is_none(),
            prominence: DEFAULT,
            office: Office {
                rank: (Source::Intl, false, false, order),
                description: wikidata_description(&position, end),
                titles,
                recency: end.map_or((1, start), |e| (0, e)),
            },
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Merging, entities, collisions

/// What the generator decided, for the header comment.
#[derive(Default)]
struct Notes {
    unusable: Vec<String>,
    shortened: Vec<String>,
    fuzzy_merges: Vec<String>,
    taken: Vec<String>,
    same_name: Vec<String>,
    shared_aliases: Vec<String>,
    namesakes: Vec<String>,
    fixes: Vec<String>,
    spellings: Vec<String>,
}

/// Two spellings of one word: equal, one edit apart in words of five
/// letters or more, two in words of seven or more ("Micheál"/"Michael",
/// "Zhaparov"/"Japarov").
fn close(a: &str, b: &str) -> bool {
    let len = a.chars().count().min(b.chars().count());
    let d = strsim::damerau_levenshtein(a, b);
    d == 0 || (len >= 5 && d <= 1) || (len >= 7 && d <= 2)
}

/// `close`, or one word the start of the other ("Ukhnaa", "Ukhnaagiin").
fn close_or_prefix(a: &str, b: &str) -> bool {
    close(a, b) || (a.chars().count().min(b.chars().count()) >= 5 && (a.starts_with(b) || b.starts_with(a)))
}

/// The same person in a Factbook record and a Wikidata record of one
/// country:
///
/// - a label of one word ("Salman", of "Salman of Saudi Arabia") that is the
///   whole capitalised surname (not "Muhammad bin Salman");
/// - a label of several words, each close to a word of the Factbook's name
///   ("Cyril Ramaphosa", "Matamela Cyril RAMAPHOSA");
/// - a holder still in office in 2022 with a title in common, every word of
///   the capitalised surname close to a word of the label, and given names
///   that start alike unless the Factbook puts the surname first
///   ("Alexander Lukashenko", "Alyaksandr LUKASHENKA"; "Cleopas Dlamini" is
///   not "Russell DLAMINI", nor "Ahmed Nawaf Al-Ahmad Al-Sabah" "AHMAD
///   ABDULLAH Al-Ahmad al Sabah").
fn same_person(fb: &Record, wd: &Record) -> bool {
    if fb.country.is_none() || fb.country != wd.country || wd.words.is_empty() {
        return false;
    }
    if wd.words.len() == 1 {
        return wd.words == fb.surname;
    }
    if wd
        .words
        .iter()
        .all(|w| fb.words.iter().any(|f| close_or_prefix(w, f)))
    {
        return true;
    }
    let shared_title = fb.office.titles.iter().any(|t| wd.office.titles.contains(t));
    let surname_close = fb
        .surname
        .iter()
        .all(|s| wd.words.iter().any(|w| close_or_prefix(w, s)));
    // Where the Factbook puts the surname first ("LI Qiang", "MUHAMMAD BIN
    // ZAYID Al Nuhayyan"), the surname must be more than one name, or a
    // word after it must be in the label too: "Li Keqiang" is not "LI
    // Qiang".
    let distinctive = |w: &&String| !is_particle(w) && w.chars().count() >= 3;
    let caps_first = fb.words.first() == fb.surname.first();
    let surname_first = caps_first
        && (fb.surname.iter().filter(distinctive).count() >= 2
            || fb.words[fb.surname.len().min(fb.words.len())..]
                .iter()
                .filter(distinctive)
                .any(|f| wd.words.iter().any(|w| close_or_prefix(w, f))));
    let given_alike = match (fb.words.first(), wd.words.first()) {
        (Some(a), Some(b)) => a.chars().next() == b.chars().next() || strsim::damerau_levenshtein(a, b) <= 2,
        _ => false,
    };
    wd.current && shared_title && surname_close && if caps_first { surname_first } else { given_alike }
}

fn find(parent: &mut [usize], i: usize) -> usize {
    let mut r = i;
    while parent[r] != r {
        r = parent[r];
    }
    let mut i = i;
    while parent[i] != r {
        let next = parent[i];
        parent[i] = r;
        i = next;
    }
    r
}

/// One `[[entity]]` of the generated dictionary.
#[derive(Debug)]
struct Leader {
    id: String,
    name: String,
    aliases: Vec<String>,
    family_name: Option<String>,
    titles: Vec<String>,
    ambiguous: Vec<String>,
    description: String,
    country: String,
    recency: (u8, u32),
    /// The highest prominence of the person's offices.
    prominence: u8,
}

/// "Philip "Brave" Davis" -> "Philip Davis", "Brave Davis".
fn without_nickname(form: &str) -> Vec<String> {
    let words: Vec<&str> = form.split_whitespace().collect();
    let Some(at) = words
        .iter()
        .position(|w| w.len() > 2 && w.starts_with('"') && w.trim_end_matches(',').ends_with('"'))
    else {
        return Vec::new();
    };
    let mut plain = words.clone();
    plain.remove(at);
    let nick = words[at].trim_end_matches(',').trim_matches('"');
    let last = plain
        .iter()
        .rev()
        .find(|w| !is_name_suffix(w))
        .map_or("", |w| w.trim_end_matches(','));
    vec![plain.join(" "), format!("{nick} {last}")]
}

/// Merge the records into persons.
fn merge(records: &[Record], notes: &mut Notes) -> Vec<Leader> {
    let n = records.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut qids: Vec<BTreeSet<String>> = records.iter().map(|r| r.qid.iter().cloned().collect()).collect();
    let union = |parent: &mut Vec<usize>, qids: &mut Vec<BTreeSet<String>>, a: usize, b: usize| -> bool {
        let (ra, rb) = (find(parent, a), find(parent, b));
        if ra == rb {
            return true;
        }
        // Two Wikidata items are two people.
        if !qids[ra].is_empty() && !qids[rb].is_empty() && qids[ra] != qids[rb] {
            return false;
        }
        let moved = std::mem::take(&mut qids[rb]);
        qids[ra].extend(moved);
        parent[rb] = ra;
        true
    };
    // The same QID, then the same form.
    let mut by_qid: HashMap<&str, usize> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        if let Some(q) = &r.qid {
            match by_qid.get(q.as_str()) {
                Some(&j) => {
                    union(&mut parent, &mut qids, j, i);
                }
                None => {
                    by_qid.insert(q, i);
                }
            }
        }
    }
    // Factbook records with one full name are one person (the monarch of
    // several realms); "Ana Maria LOPEZ Vidal" and "Ana Maria LOPEZ Garcia"
    // are two, whatever their short names. A Wikidata label that is a form
    // of a Factbook record is that person. Two people who share a nickname
    // ("Sam") are not merged: the alias is dropped later.
    let mut by_full: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut factbook_forms: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        if r.office.rank.0 == Source::Factbook {
            let full = r.aliases.first().unwrap_or(&r.name);
            by_full.entry(key(full)).or_default().push(i);
            for f in r.forms() {
                factbook_forms.entry(key(f)).or_default().push(i);
            }
        }
    }
    for owners in by_full.values() {
        for &j in &owners[1..] {
            union(&mut parent, &mut qids, owners[0], j);
        }
    }
    // "General Sam MOSTYN" is "Samantha (Sam) MOSTYN": a full name that is a
    // form of another record.
    for (i, r) in records.iter().enumerate() {
        if r.office.rank.0 == Source::Factbook {
            for f in r.forms() {
                for &j in by_full.get(&key(f)).into_iter().flatten() {
                    union(&mut parent, &mut qids, i, j);
                }
            }
        }
    }
    for (i, r) in records.iter().enumerate() {
        if r.office.rank.0 == Source::Factbook {
            continue;
        }
        for f in r.forms() {
            for &j in factbook_forms.get(&key(f)).into_iter().flatten() {
                union(&mut parent, &mut qids, j, i);
            }
        }
    }
    // Factbook and Wikidata records of one person with other spellings.
    for (i, fb) in records.iter().enumerate() {
        if fb.office.rank.0 != Source::Factbook {
            continue;
        }
        for (j, wd) in records.iter().enumerate() {
            if wd.office.rank.0 == Source::Factbook || find(&mut parent, i) == find(&mut parent, j) {
                continue;
            }
            if same_person(fb, wd) && union(&mut parent, &mut qids, i, j) {
                notes.fuzzy_merges.push(format!(
                    "\"{}\" = \"{}\" ({})",
                    fb.name,
                    wd.name,
                    wd.qid.as_deref().unwrap_or("")
                ));
            }
        }
    }

    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        groups.entry(find(&mut parent, i)).or_default().push(i);
    }
    let mut people = Vec::new();
    for members in groups.values() {
        let mut members: Vec<&Record> = members.iter().map(|&i| &records[i]).collect();
        members.sort_by_key(|r| r.office.rank);
        let factbook = members.iter().find(|r| r.office.rank.0 == Source::Factbook);
        let wikidata = members.iter().find(|r| r.office.rank.0 != Source::Factbook);
        // The name: the Wikidata label; the Factbook's where the label is
        // a monarch's single name ("Salman", of "Salman of Saudi Arabia") or
        // holds the Factbook's name and more ("Rodrigo Alberto de Jesús
        // Chaves Robles", "Rodrigo CHAVES Robles").
        let name = match (wikidata, factbook) {
            (Some(w), Some(f)) => {
                let (ww, fw) = (form_words(&w.name), form_words(&f.name));
                let single_regnal = w.regnal_label && w.words.len() < 2;
                if single_regnal || (fw.len() < ww.len() && is_subsequence(&fw, &ww)) {
                    f.name.clone()
                } else {
                    w.name.clone()
                }
            }
            (Some(w), None) => w.name.clone(),
            (None, Some(f)) => f.name.clone(),
            (None, None) => unreachable!("a group has a record"),
        };
        let name_words = form_words(&name);
        let mut candidates: Vec<String> = Vec::new();
        for r in &members {
            for f in r.forms() {
                candidates.push(f.clone());
                candidates.extend(without_nickname(f));
            }
        }
        let mut keep = unique_forms(&name);
        let aliases: Vec<String> = candidates
            .into_iter()
            // A lone word is left to family-name matching: "Salman" is not
            // an alias of the king, whatever Wikidata's label.
            .filter(|f| !(form_words(f).len() < 2 && name_words.len() >= 2) && keep(f))
            .collect();
        // family-name: the Factbook's capitalised surname where it is not
        // what copydesk takes by default; a regnal name is its own family
        // name ("Charles III", so that a lone "Charles" is not him).
        let default_family = default_family_name(&name);
        let candidate = members
            .iter()
            .filter_map(|r| r.family_name.clone())
            .find(|f| {
                let words = form_words(f);
                !words.is_empty() && contains_run(&name_words, &words)
            })
            .or_else(|| {
                let last = name.split_whitespace().last()?;
                (name.split_whitespace().count() >= 2 && is_roman(last)).then(|| name.clone())
            });
        let family_name = candidate.filter(|f| form_words(f) != default_family);
        let mut titles: Vec<String> = Vec::new();
        for r in &members {
            for t in &r.office.titles {
                if !titles.contains(t) {
                    titles.push(t.clone());
                }
            }
        }
        let primary = members[0];
        people.push(Leader {
            id: slug(&name),
            name,
            aliases,
            family_name,
            titles,
            ambiguous: Vec::new(),
            description: primary.office.description.clone(),
            country: primary.country.clone().unwrap_or_default(),
            recency: members.iter().map(|r| r.office.recency).max().unwrap_or((0, 0)),
            prominence: members.iter().map(|r| r.prominence).max().unwrap_or(DEFAULT),
        });
    }
    people
}

/// The names and aliases of the persons of [`CLOSE_SPELLING_FILES`], as
/// folded words, with their holders.
fn close_spelling_persons(reserved: &Reserved) -> Vec<(Vec<String>, String)> {
    let dict = reserved.dictionary();
    let mut out = Vec::new();
    for form in dict.forms() {
        let e = dict.entity(form.entity);
        let file = reserved.file_of(e);
        if e.kind == copydesk::EntityKind::Person
            && form.kind.is_correct()
            && form.kind != copydesk::FormKind::Abbreviation
            && CLOSE_SPELLING_FILES.contains(&file)
        {
            out.push((form_words(form.text), format!("{file}: {}", e.id)));
        }
    }
    out
}

/// Another dictionary's person written with a close spelling: the same last
/// word and close first words ("Benyamin Netanyahu", "Benjamin Netanyahu").
fn close_person<'a>(form: &str, persons: &'a [(Vec<String>, String)]) -> Option<&'a str> {
    let words = form_words(form);
    if words.len() < 2 {
        return None;
    }
    persons
        .iter()
        .find(|(other, _)| other.len() >= 2 && other.last() == words.last() && close(&other[0], &words[0]))
        .map(|(_, owner)| owner.as_str())
}

/// Leave out people known elsewhere, keep the later of two people with one
/// name, drop aliases two people share.
fn resolve(mut people: Vec<Leader>, reserved: &Reserved, notes: &mut Notes) -> Vec<Leader> {
    let close_persons = close_spelling_persons(reserved);
    people.retain(|p| {
        if let Some((_, why)) = LEFT_OUT.iter().find(|(name, _)| key(name) == key(&p.name)) {
            notes.taken.push(format!("{} ({why})", p.name));
            return false;
        }
        let forms = || std::iter::once(&p.name).chain(&p.aliases);
        if let Some((form, owner)) = forms().find_map(|f| reserved.taken(f).map(|h| (f, &h.label))) {
            notes.taken.push(format!("{} (\"{form}\" is in {owner})", p.name));
            return false;
        }
        if let Some((form, owner)) =
            forms().find_map(|f| close_person(f, &close_persons).map(|owner| (f, owner)))
        {
            notes
                .taken
                .push(format!("{} (\"{form}\" is spelled otherwise in {owner})", p.name));
            return false;
        }
        true
    });

    // Names: the later office holder keeps the name.
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, p) in people.iter().enumerate() {
        by_name.entry(key(&p.name)).or_default().push(i);
    }
    let mut dropped = BTreeSet::new();
    for owners in by_name.values().filter(|o| o.len() > 1) {
        let keep = *owners
            .iter()
            .max_by(|&&a, &&b| people[a].recency.cmp(&people[b].recency).then(b.cmp(&a)))
            .unwrap();
        for &i in owners {
            if i != keep {
                notes.same_name.push(format!(
                    "{}: {} kept, {} left out",
                    people[keep].name, people[keep].description, people[i].description
                ));
                dropped.insert(i);
            }
        }
    }
    let mut people: Vec<Leader> = people
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !dropped.contains(i))
        .map(|(_, p)| p)
        .collect();

    // Aliases: a form of two people is nobody's alias.
    let forms = people.iter().map(|p| std::iter::once(&p.name).chain(&p.aliases));
    for Claim { key: k, text, owners } in claimed_twice(forms) {
        let ids: Vec<&str> = owners.iter().map(|&i| people[i].name.as_str()).collect();
        notes
            .shared_aliases
            .push(format!("\"{text}\" ({})", ids.join(", ")));
        for i in owners {
            people[i].aliases.retain(|a| key(a) != k);
        }
    }
    people
}

/// Make ids unique, within the file and against the other dictionaries:
/// the country is appended where two would be equal.
fn assign_ids(people: &mut [Leader], reserved: &Reserved) -> Result<()> {
    let mut count: HashMap<String, usize> = HashMap::new();
    for p in people.iter() {
        *count.entry(p.id.clone()).or_default() += 1;
    }
    for p in people.iter_mut() {
        if count[&p.id] > 1 || reserved.id(&p.id).is_some() {
            let country = slug(&p.country);
            p.id = if country.is_empty() {
                format!("{}-2", p.id)
            } else {
                format!("{}-{country}", p.id)
            };
        }
    }
    people.sort_by(|a, b| a.id.cmp(&b.id));
    for pair in people.windows(2) {
        if pair[0].id == pair[1].id {
            bail!("two people share the id `{}`", pair[0].id);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// The whole dictionary

fn build(inputs: &Inputs, reserved: &Reserved, former: &FormerMembers) -> Result<String> {
    let mut notes = Notes::default();
    let salaries = Salaries::new(&inputs.salaries)?;
    let sovereign = sovereign_gec_codes(&inputs.country_codes)?;
    let mut records = factbook_records(&inputs.factbook, &salaries, &sovereign, &mut notes)?;
    // Realms where a governor-general represents the monarch.
    let represented: BTreeSet<String> = rows::<FactbookRow>(&inputs.factbook, FACTBOOK_FILE)?
        .iter()
        .filter(|r| r.chief_of_state.contains("represented by"))
        .filter_map(factbook_country)
        .map(|c| country_key(&c))
        .collect();
    records.extend(head_records(&inputs.heads, &represented, &mut notes)?);
    records.extend(foreign_records(&inputs.foreign, &mut notes)?);
    records.extend(intl_records(&inputs.intl, &mut notes)?);
    if records.is_empty() {
        bail!("the data names nobody");
    }
    for r in &mut records {
        if r.office.rank.0 != Source::Factbook {
            r.prominence = wikidata_prominence(r, &salaries);
        }
    }
    let people = merge(&records, &mut notes);
    let mut people = resolve(people, reserved, &mut notes);
    assign_ids(&mut people, reserved)?;
    for p in &mut people {
        let forms: Vec<String> = std::iter::once(&p.name).chain(&p.aliases).cloned().collect();
        p.ambiguous = ambiguous_forms(&forms, |f| !former.holders(f).is_empty() || reserved.shared(f));
        if !p.ambiguous.is_empty() {
            notes
                .namesakes
                .push(format!("{} ({})", p.name, p.ambiguous.join(", ")));
        }
    }
    Ok(write(&people, &notes))
}

/// The prominence of a Wikidata record (2021–2022). A term that ended
/// (2020 or later) is a former office ([`former_by_year`]). A head of state
/// or government still in office in 2022 but not merged with a holder of
/// the Factbook, which names the heads of 2026, has left ([`MINOR`]). A
/// foreign minister of 2022 is in office now if the officials' list of
/// 2025–2026 names them ([`DEFAULT`], as `world-officials.toml` takes its
/// ministers), else has left ([`MINOR`]): foreign ministers change often.
/// An international official still in office in 2022 (UN
/// Secretary-General, ICJ judges: long terms) is taken to be in office
/// ([`DEFAULT`]).
fn wikidata_prominence(r: &Record, salaries: &Salaries) -> u8 {
    if !r.current {
        return former_by_year(u16::try_from(r.office.recency.1).ok().filter(|y| *y > 0));
    }
    match r.office.rank.0 {
        Source::Intl => DEFAULT,
        Source::Foreign if salaries.names.contains_key(&r.words) => DEFAULT,
        _ => MINOR,
    }
}

fn write(people: &[Leader], notes: &Notes) -> String {
    let mut out = String::new();
    out.push_str(
        "# World leaders: heads of state and government (CIA World Factbook 2026, Wikidata\n\
         # 2021-2022), foreign ministers and international officials (Wikidata 2022).\n\
         # Generated by `dictgen world-leaders`; do not edit by hand. To regenerate:\n",
    );
    writeln!(out, "#   {COMMAND}").unwrap();
    let mut section = |title: &str, items: &[String]| write_comment_section(&mut out, title, items);
    section(
        "Left out: a form of theirs is in a dictionary built before this one",
        &notes.taken,
    );
    section(
        "Two people with one name: the later office holder kept",
        &notes.same_name,
    );
    section(
        "Aliases left out because two people would claim them",
        &notes.shared_aliases,
    );
    section(
        "Forms a former member of Congress or an entity of another dictionary has too (listed under `ambiguous`)",
        &notes.namesakes,
    );
    section(
        "Factbook and Wikidata records merged on close spellings",
        &notes.fuzzy_merges,
    );
    section(
        "Names shortened as gov-salaries-data writes them",
        &notes.shortened,
    );
    section(
        "Other spellings from gov-salaries-data, as aliases",
        &notes.spellings,
    );
    section(
        "Wikidata labels left out (not in Latin letters, or a bare QID)",
        &notes.unusable,
    );
    section("Factbook clauses rewritten before parsing", &notes.fixes);

    write_meta(&mut out, NAME, SOURCE, LICENCE, AS_OF, COMMAND);
    let persons: Vec<person::Person> = people
        .iter()
        .map(|p| person::Person {
            id: p.id.clone(),
            name: p.name.clone(),
            aliases: p.aliases.clone(),
            family_name: p.family_name.clone(),
            titles: p.titles.clone(),
            ambiguous: p.ambiguous.clone(),
            description: p.description.clone(),
            prominence: Some(p.prominence),
            ..person::Person::default()
        })
        .collect();
    write_persons(&mut out, &persons);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_loads, entities, reserved};

    const FACTBOOK_HEADER: &str = "gec,conventional_short_form,conventional_long_form,chief_of_state,head_of_government,international_org_participation\n";
    const HEADS_HEADER: &str =
        "countryid,country,position,positionLabel,officeholder,officeholderLabel,start_year,end_year\n";
    const FOREIGN_HEADER: &str = "person,name,country,countryLabel,position,positionLabel,start,psid\n";
    const INTL_HEADER: &str = "position,person,personID,start,end\n";
    const SALARIES_HEADER: &str = "country_iso2,year,section,name,gender,role,party\n";

    fn inputs(factbook: &str, heads: &str, foreign: &str, intl: &str, salaries: &str) -> Inputs {
        Inputs {
            factbook: format!("{FACTBOOK_HEADER}{factbook}"),
            heads: format!("{HEADS_HEADER}{heads}"),
            foreign: format!("{FOREIGN_HEADER}{foreign}"),
            intl: format!("{INTL_HEADER}{intl}"),
            salaries: format!("{SALARIES_HEADER}{salaries}"),
            // Atlantis is a territory: its leaders are not heads of a state.
            country_codes:
                "FIPS,is_independent\nCH,Yes\nRS,Yes\nBO,Yes\nWZ,Yes\nSP,Yes\nXA,Territory of GB\n".to_owned(),
        }
    }

    #[test]
    fn writes_the_expected_toml() {
        let data = inputs(
            "ch,China,People's Republic of China,President XI Jinping (since 14 March 2013),\
             Premier LI Qiang (since 11 March 2023),\"UN, WTO\"\n\
             rs,Russia,Russian Federation,President Vladimir Vladimirovich PUTIN (since 7 May 2012),,UN\n",
            "Q159,Russia,Q218295,President of Russia,Q7747,Vladimir Putin,2012,\n",
            "",
            "",
            "",
        );
        let toml = build(&data, &Reserved::default(), &FormerMembers::default()).unwrap();
        let expected = r#"# World leaders: heads of state and government (CIA World Factbook 2026, Wikidata
# 2021-2022), foreign ministers and international officials (Wikidata 2022).
# Generated by `dictgen world-leaders`; do not edit by hand. To regenerate:
#   cargo run --release -p dictgen -- world-leaders --data ../shared/data --output dictionaries/world-leaders.toml

[meta]
name = "World leaders"
source = "CIA World Factbook 2026: factbook_countries.csv (chief_of_state, head_of_government) derived from factbook/factbook.json (https://github.com/factbook/factbook.json) at commit 8662a8b17a784841ab4528631b04090eb2f183eb; Wikidata via every-politician-scrapers: heads_of_state_and_government_2021_2022.csv and foreign_ministers_2022.csv from world-leaders-2021 at commit be7039cf5952d8121c4f1e24eea64cc5dd465633, international_officials_holders21.csv from world at commit 4a3b394d9a35d26d138cded8718d0805b7ce9336; accents and short forms checked against cdmngz/gov-salaries-data world_executive_officials_2025_2026.csv at commit 2eb1a16386c12b15163efd3781429dbaeb128e22; sovereign states from datasets/country-codes (https://github.com/datasets/country-codes) at commit caa72d1e0e5af8876c170bb36a9e4d64a01bba88"
licence = "public domain (CIA World Factbook); CC0-1.0 (Wikidata, factbook.json, gov-salaries-data); PDDL-1.0 (country-codes)"
as-of = "2026-05-17"
generator = "cargo run --release -p dictgen -- world-leaders --data ../shared/data --output dictionaries/world-leaders.toml"

[[entity]]
id = "li-qiang"
kind = "person"
name = "Li Qiang"
family-name = "Li"
titles = ["Premier"]
description = "Premier of China (CIA World Factbook, 2026)"
prominence = 3

[[entity]]
id = "vladimir-putin"
kind = "person"
name = "Vladimir Putin"
aliases = ["Vladimir Vladimirovich Putin"]
titles = ["President"]
description = "President of Russia (CIA World Factbook, 2026)"
prominence = 3

[[entity]]
id = "xi-jinping"
kind = "person"
name = "Xi Jinping"
family-name = "Xi"
titles = ["President"]
description = "President of China (CIA World Factbook, 2026)"
prominence = 3
"#;
        assert_eq!(toml, expected);
        assert_loads(&[("world-leaders.toml", &toml)]);
    }

    #[test]
    fn merges_sources_and_resolves_collisions() {
        let data = inputs(
            "bo,Belarus,Republic of Belarus,President Alyaksandr LUKASHENKA (since 20 July 1994),\
             Prime Minister Alyaksandr TURCHYN (since 10 March 2025),UN\n\
             wz,Eswatini,Kingdom of Eswatini,King MSWATI III (since 25 April 1986),\
             Prime Minister Russell DLAMINI (since 6 November 2023),UN\n\
             ch,China,People's Republic of China,President XI Jinping (since 14 March 2013),\
             Premier LI Qiang (since 11 March 2023),UN\n",
            "Q184,Belarus,Q1,President of Belarus,Q2866,Alexander Lukashenko,1994,\n\
             Q1050,Eswatini,Q2,Prime Minister of Eswatini,Q107600891,Cleopas Dlamini,2021,\n\
             Q1050,Eswatini,Q3,Ngwenyama of Eswatini,Q57340,Mswati III,1986,\n\
             Q148,People's Republic of China,Q4,Premier of the People's Republic of China,Q18111,Li Keqiang,2013,\n\
             Q5,Utopia,Q6,President of Utopia,Q10,Jan Novak,2015,2021\n\
             Q5,Utopia,Q6,President of Utopia,Q11,Jan Novak,2021,\n\
             Q30,United States of America,Q11696,President of the United States,Q6279,Joe Biden,2021,\n",
            "",
            "",
            "",
        );
        let newsroom = "[[entity]]\nid = \"xi-jinping\"\nkind = \"person\"\nname = \"Xi Jinping\"\n";
        let reserved = reserved(&[("newsroom.toml", newsroom)]);
        let toml = build(&data, &reserved, &FormerMembers::default()).unwrap();
        // Close spellings of one holder merge; the Wikidata label is the name.
        assert!(
            toml.contains(
                "[[entity]]\nid = \"alexander-lukashenko\"\nkind = \"person\"\nname = \"Alexander Lukashenko\"\n\
                 aliases = [\"Alyaksandr Lukashenka\"]\ntitles = [\"President\"]\n\
                 description = \"President of Belarus (CIA World Factbook, 2026)\"\n"
            ),
            "{toml}"
        );
        // One surname is not one person: Cleopas and Russell Dlamini, Li
        // Keqiang and LI Qiang stay apart.
        assert!(toml.contains("name = \"Cleopas Dlamini\"\n"), "{toml}");
        assert!(toml.contains("name = \"Russell Dlamini\"\n"), "{toml}");
        assert!(
            toml.contains(
                "name = \"Li Keqiang\"\nfamily-name = \"Li\"\ntitles = [\"Premier\"]\n\
                 description = \"Premier of the People's Republic of China (Wikidata, as of 2022)\"\n"
            ),
            "{toml}"
        );
        assert!(toml.contains("name = \"Li Qiang\"\n"), "{toml}");
        // A regnal name is its own family name.
        assert!(
            toml.contains("name = \"Mswati III\"\nfamily-name = \"Mswati III\"\n"),
            "{toml}"
        );
        // Known to another dictionary: left out, and said so.
        assert!(!toml.contains("name = \"Xi Jinping\""), "{toml}");
        assert!(
            toml.contains("#   Xi Jinping (\"Xi Jinping\" is in newsroom.toml: xi-jinping)\n"),
            "{toml}"
        );
        // Two people with one name: the later holder stays.
        assert!(
            toml.contains(
                "#   Jan Novak: President of Utopia (Wikidata, as of 2022) kept, \
                 President of Utopia until 2021 (Wikidata, as of 2022) left out\n"
            ),
            "{toml}"
        );
        assert_eq!(toml.matches("name = \"Jan Novak\"").count(), 1, "{toml}");
        // The US federal government is left to the US dictionaries.
        assert!(!toml.contains("Biden"), "{toml}");
        assert_loads(&[("world-leaders.toml", &toml)]);
    }

    #[test]
    fn ministers_officials_and_shared_aliases() {
        let data = inputs(
            "sp,Spain,Kingdom of Spain,King FELIPE VI (since 19 June 2014),\
             President of the Government of Spain (prime minister-equivalent) Pedro SANCHEZ PEREZ-CASTEJON \
             (since 2 June 2018),UN\n\
             xa,Atlantis,none,President Ana Maria LOPEZ Vidal (since 2024),\
             Prime Minister Ana Maria LOPEZ Garcia (since 2025),\n",
            "Q29,Spain,Q3847454,Monarch of Spain,Q191045,Felipe VI of Spain,2014,\n",
            "Q80510,Sergey Lavrov,Q159,Russia,Q1,Minister of Foreign Affairs,2004-03-09,x\n\
             ,,Q754,Trinidad and Tobago,Q2,Minister of Foreign Affairs,,\n",
            "Secretary-General of the United Nations,António Guterres,Q311440,2017-01-01,\n\
             Secretary-General of the United Nations,Ban Ki-moon,Q1253,2007-01-01,2017-01-01\n\
             Judge of the International Court of Justice,James Crawford,Q1680223,2015-02-06,2021-05-31\n",
            "es,2025,executive,Pedro Sánchez Pérez-Castejón,M,Presidente del Gobierno,PSOE\n\
             es,2026,executive,Pedro Sánchez,M,Presidente del Gobierno,PSOE\n",
        );
        let toml = build(&data, &Reserved::default(), &FormerMembers::default()).unwrap();
        // Heads of sovereign states now: 3; of a territory, or an
        // international official in office in 2022: 2; a judge who left in
        // 2021, a foreign minister of 2022 whom the 2025–2026 list does not
        // name: 1.
        let expected = r#"
[[entity]]
id = "ana-maria-lopez"
kind = "person"
name = "Ana Maria Lopez"
aliases = ["Ana Maria Lopez Garcia"]
titles = ["Prime Minister"]
description = "Prime Minister of Atlantis (CIA World Factbook, 2026)"
prominence = 2

[[entity]]
id = "antonio-guterres"
kind = "person"
name = "António Guterres"
titles = ["Secretary-General"]
description = "Secretary-General of the United Nations (Wikidata, as of 2022)"
prominence = 2

[[entity]]
id = "felipe-vi"
kind = "person"
name = "Felipe VI"
aliases = ["Felipe VI of Spain"]
family-name = "Felipe VI"
titles = ["King"]
description = "King of Spain (CIA World Factbook, 2026)"
prominence = 3

[[entity]]
id = "james-crawford"
kind = "person"
name = "James Crawford"
titles = ["Judge"]
description = "Judge of the International Court of Justice until 2021 (Wikidata, as of 2022)"
prominence = 1

[[entity]]
id = "pedro-sanchez"
kind = "person"
name = "Pedro Sánchez"
aliases = ["Pedro Sánchez Pérez-Castejón"]
titles = ["President"]
description = "President of the Government of Spain (CIA World Factbook, 2026)"
prominence = 3

[[entity]]
id = "sergey-lavrov"
kind = "person"
name = "Sergey Lavrov"
titles = ["Foreign Minister"]
description = "Minister of Foreign Affairs of Russia (Wikidata, as of 2022)"
prominence = 1
"#;
        assert_eq!(entities(&toml), expected, "{toml}");
        // Two Factbook people with one short name: the later keeps it.
        assert!(
            toml.contains("#   Ana Maria Lopez: Prime Minister of Atlantis"),
            "{toml}"
        );
        // The shortened name and the accents come from the secondary source.
        assert!(
            toml.contains("#   \"Pedro Sanchez Perez-Castejon\" -> \"Pedro Sánchez\"\n"),
            "{toml}"
        );
        // Terms ended before 2020 and rows without a person are left out.
        assert!(
            !toml.contains("Ban Ki-moon") && !toml.contains("Trinidad"),
            "{toml}"
        );
    }

    #[test]
    fn aliases_two_people_share_are_dropped() {
        let data = inputs(
            "xa,Atlantis,none,President Samantha (Sam) SMITH (since 2024),\
             Prime Minister Samuel (Sam) SMITH (since 2025),\n",
            "",
            "",
            "",
            "",
        );
        let toml = build(&data, &Reserved::default(), &FormerMembers::default()).unwrap();
        assert!(
            toml.contains(
                "# Aliases left out because two people would claim them (1):\n\
                 #   \"Sam Smith\" (Samantha Smith, Samuel Smith)\n"
            ),
            "{toml}"
        );
        assert!(!toml.contains("aliases"), "{toml}");
    }

    fn parsed(field: &str) -> Vec<(String, String, Option<String>, Vec<String>)> {
        parse_field(
            "xx",
            field,
            &BTreeSet::from(["Polynesia".to_owned(), "French".to_owned()]),
        )
        .into_iter()
        .map(|h| {
            let surname = h.surname_text();
            let mut others = vec![h.full()];
            others.extend(h.other_forms());
            (h.role.clone(), h.short(), Some(surname), others)
        })
        .collect()
    }

    #[test]
    fn factbook_clauses() {
        let one = |field: &str| parsed(field).remove(0);
        let s = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            one("President XI Jinping (since 14 March 2013)"),
            (
                "President".into(),
                "Xi Jinping".into(),
                Some("Xi".into()),
                s(&["Xi Jinping"])
            )
        );
        assert_eq!(
            one("State Affairs Commission President KIM Jong Un (since 17 December 2011)"),
            (
                "State Affairs Commission President".into(),
                "Kim Jong Un".into(),
                Some("Kim".into()),
                s(&["Kim Jong Un"])
            )
        );
        assert_eq!(
            one("President Ferdinand \"BongBong\" MARCOS, Jr. (since 30 June 2022)"),
            (
                "President".into(),
                "Ferdinand Marcos, Jr.".into(),
                Some("Marcos".into()),
                s(&["Ferdinand Marcos, Jr.", "BongBong Marcos"])
            )
        );
        assert_eq!(
            one("President Luiz Inácio LULA da Silva (since 1 January 2023)").1,
            "Luiz Inácio Lula da Silva"
        );
        assert_eq!(
            one("Prime Minister Américo d'Oliveira DOS RAMOS (since 12 January 2025)").1,
            "Américo d'Oliveira Dos Ramos"
        );
        assert_eq!(
            one("President Alexander VAN DER BELLEN (since 26 January 2017)").2,
            Some("Van der Bellen".into())
        );
        assert_eq!(
            one("Prime Minister SONEXAY (also spelled SONXAI) Siphandon (since 30 December 2022)").3,
            s(&["Sonexay Siphandon", "Sonxai Siphandon"])
        );
        assert_eq!(
            one("President of French Polynesia Moetai BROTHERSON (since 12 May 2023)").0,
            "President of French Polynesia"
        );
        assert_eq!(
            one("Governor General Grand Chief Sir Bob DADAE (since 28 February 2017)").0,
            "Governor General"
        );
        let realm = parsed(
            "King CHARLES III (since 8 September 2022); represented by Governor General \
             Samantha (Sam) MOSTYN (since 1 July 2024)",
        );
        assert_eq!(realm[0].1, "Charles III");
        assert_eq!(realm[0].2, Some("Charles III".into()));
        assert_eq!(realm[1].0, "Governor General");
        assert_eq!(realm[1].3, s(&["Samantha Mostyn", "Sam Mostyn"]));
        let andorra = parsed("Co-prince Emmanuel MACRON (since 14 May 2017); represented by Patrick STROZDA");
        assert_eq!(andorra[1].0, "Representative of the Co-prince");
        let regents = parsed("co-chiefs of state Captains Regent Matteo ROSSI and Lorenzo BUGLI (for 2025)");
        assert_eq!(regents.len(), 2);
        assert_eq!(
            (regents[1].0.as_str(), regents[1].1.as_str()),
            ("Captain Regent", "Lorenzo Bugli")
        );
        let thai = parsed("King WACHIRALONGKON; also spelled Vajiralongkorn (since 1 December 2016)");
        assert_eq!(thai[0].3, s(&["Wachiralongkon", "Vajiralongkorn"]));
        assert!(parsed("Ahmad al-Shara'; former President Bashar al-ASAD was overthrown").is_empty());
        assert!(parsed("President (vacant)").is_empty());
    }

    #[test]
    fn helpers() {
        assert_eq!(recase("PUTIN"), "Putin");
        assert_eq!(recase("NANDI-NDAITWAH"), "Nandi-Ndaitwah");
        assert_eq!(recase("D'OLIVEIRA"), "D'Oliveira");
        assert_eq!(recase("MULI'AKA'AKA"), "Muli'aka'aka");
        assert_eq!(recase("al-BURHAN"), "al-Burhan");
        assert_eq!(recase("SASSOU-Nguesso"), "Sassou-Nguesso");
        assert_eq!(recase("DÉBY"), "Déby");
        assert!(
            is_caps("LI") && is_caps("al-BURHAN") && !is_caps("J.M.") && !is_caps("UK") && !is_caps("Jr.")
        );
        assert!(is_patronymic("Vladimirovich") && !is_patronymic("Vladimir"));
        assert_eq!(
            titles_in("Prime Minister and Co-Vice President"),
            ["Prime Minister", "Vice President"]
        );
        assert_eq!(
            titles_in("Governor-General of the Commonwealth of Australia"),
            ["Governor-General"]
        );
        assert_eq!(office_text("President", "Russia"), "President of Russia");
        assert_eq!(
            office_text("Chairman of the Cabinet of Ministers", "Kyrgyzstan"),
            "Chairman of the Cabinet of Ministers, Kyrgyzstan"
        );
        assert_eq!(
            office_text("President of French Polynesia", "French Polynesia"),
            "President of French Polynesia"
        );
        assert_eq!(country_key("People's Republic of China"), "china");
        assert_eq!(country_key("The Gambia"), country_key("the Gambia"));
        assert_eq!(
            regnal_name("Philippe I of Belgium", "Monarch of the Belgians").as_deref(),
            Some("Philippe")
        );
        assert_eq!(
            regnal_name("Albert II, Prince of Monaco", "Prince of Monaco").as_deref(),
            Some("Albert II")
        );
        assert_eq!(
            regnal_name("Boris Johnson", "Prime Minister of the United Kingdom"),
            None
        );
        assert_eq!(
            strip_honorific("Prince Faisal bin Farhan Al Saud"),
            "Faisal bin Farhan Al Saud"
        );
        assert_eq!(strip_honorific("Sheikh Hasina"), "Sheikh Hasina");
        assert_eq!(
            without_nickname("Philip \"Brave\" Davis"),
            ["Philip Davis", "Brave Davis"]
        );
        assert!(close("micheál", "michael") || close("micheal", "michael"));
        assert!(!close("cleopas", "russell"));
        assert!(
            usable_label("Fiamē Naomi Mataʻafa")
                && !usable_label("Q27146606")
                && !usable_label("مشعل السلمي")
        );
    }
}
