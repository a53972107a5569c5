//! `dictgen international-orgs`: the dictionary of
//! international organisations (`dictionaries/international-orgs.toml`),
//! from appendix B of the CIA World Factbook.
//!
//! One organization entity per entry of the appendix (the general terms it
//! also explains, such as "developing countries" or "Third World", are left
//! out), with its abbreviations and the other names its notes give ("also
//! known as the World Bank"); predecessors the notes name with an
//! abbreviation ("formerly the Conference on Security and Cooperation in
//! Europe (CSCE)") and the bodies the United Nations entry lists
//! ("United Nations Office on Drugs and Crime (UNODC)") are entities of
//! their own. See [`generate`] for the rules. `prominence`: 3 for the
//! best-known bodies of [`crate::prominence`], 2 for the others, 1 for a
//! subsidiary body of the UN and for a body that ended in 1990 or later (a
//! predecessor), 0 before.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use anyhow::{Result, bail};
use copydesk::EntityKind;
use copydesk::entity::slug;
use copydesk::words::form_words;

use crate::casing::capitalize_first;
use crate::draft::{Draft, Report, finish, write_entities};
use crate::forms::{
    ENGLISH_WORD_ABBREVIATIONS, damerau, is_common_english_word, is_lower_connector, key, near_duplicate,
};
use crate::pipeline::Pipeline;
use crate::prominence::{Standing, body};
use crate::reserved::Reserved;
use crate::table::Table;
use crate::toml_out::write_meta;

/// The command that regenerates `dictionaries/international-orgs.toml`.
const COMMAND: &str = "cargo run --release -p dictgen -- international-orgs \
     --data ../shared/data --output dictionaries/international-orgs.toml";

/// `[meta] name`.
const NAME: &str = "International organisations";

/// The appendix, under the data checkout.
const APPENDIX_FILE: &str = "cia-factbook/factbook_appendix_b_international_organizations.csv";
/// The abbreviation and name pairs found in the appendix's descriptions.
const PAIRS_FILE: &str = "cia-factbook/factbook_org_abbreviation_pairs.csv";

/// The date of the appendix snapshot (its last edit in the source repository).
const AS_OF: &str = "2020-12-30";

/// Where the files come from (`SOURCES.md`).
const SOURCE: &str = "cia-factbook/factbook_appendix_b_international_organizations.csv and \
     cia-factbook/factbook_org_abbreviation_pairs.csv: CIA World Factbook, appendix B \
     (International Organizations and Groups), parsed from files/FactAppB.html of \
     dieghernan/Country-Codes-and-International-Organizations \
     (https://github.com/dieghernan/Country-Codes-and-International-Organizations) \
     at commit 3a7203aa5fa6085ef0f472691c41feb309446272";

/// The licence of the data.
const LICENCE: &str = "public domain (CIA World Factbook, a US government work); \
     the repository it was taken from is MIT";

/// Two-letter abbreviations kept; the others (BA, CD, CE, CP, NC, RG, WP,
/// FZ, AG, AL) stand for something else far more often in US copy.
const TWO_LETTER_ABBREVIATIONS: &[&str] = &["AU", "EU", "UN"];

/// Source names corrected: (as written in the appendix, correct form).
const NAME_FIXES: &[(&str, &str)] = &[(
    "Comuinidade dos Paises de Lingua Portuguesa",
    "Comunidade dos Paises de Lingua Portuguesa",
)];

/// Descriptions written by hand where the appendix has none.
const DESCRIPTION_OVERRIDES: &[(&str, &str)] = &[(
    "European Union",
    "Political and economic union of European countries",
)];

/// Pairs of the heuristic list left out, with the reason.
const PAIR_DENYLIST: &[(&str, &str)] = &[(
    "ICSID",
    "the appendix garbles the name (International Centre for Settlement of Investment Disputes)",
)];

/// Read the raw files under `data` and return the dictionary's TOML text.
///
/// - Entities: every entry of the appendix but the general terms (a
///   lower-case heading, or a description that starts "another term", "a
///   term", "the top group", ...); an entry that is the "local name" of
///   another becomes its alias.
/// - Abbreviations: the entry's (split at "or", ";", "-"), those its notes
///   give; a word with one capital ("Caricom", "Interpol") is an alias.
///   Left out: one letter, two letters but [`TWO_LETTER_ABBREVIATIONS`], and
///   common English words in lower case (CAN) but WHO.
/// - Aliases: "also known as" in the notes; names of the heuristic pairs
///   list whose abbreviation is the entry's (a name within two letters of a
///   kept one is a typo of the source and left out); "Group of Seven" and
///   "G7" for "Group of 7" and "G-7".
/// - New entities from the pairs list: predecessors ("formerly", "name
///   changed from", "began as", ...) described as "Predecessor of the ...",
///   and the United Nations bodies of the UN entry, described by the organ
///   they report to. A new entity whose name is one word away from an
///   existing one is a typo of the source (UNIFSA for UNISFA) and left out.
/// - Descriptions: "Founded in 1949 to promote mutual defense and
///   cooperation", from the date and aim fields, at most 120 characters.
pub(crate) fn generate(p: &Pipeline) -> Result<String> {
    let appendix = p.read(APPENDIX_FILE)?;
    let pairs = p.read(PAIRS_FILE)?;
    orgs(&appendix, &pairs, &p.reserved("international-orgs")?)
}

/// What this dictionary offers the ones before it: the abbreviations it
/// gives its organisations before it is checked against the others (folded
/// keys). `us-agencies.toml`, built before it, lists those of its own under
/// `ambiguous` ("BIS" is also the Bank for International Settlements).
pub(crate) fn abbreviations(p: &Pipeline) -> Result<HashSet<String>> {
    let appendix = p.read(APPENDIX_FILE)?;
    let pairs = p.read(PAIRS_FILE)?;
    let drafts = drafts(&appendix, &pairs, &mut Report::default())?;
    Ok(drafts
        .iter()
        .flat_map(|d| &d.abbreviations)
        .map(|a| key(a))
        .collect())
}

/// One entry of the appendix.
#[derive(Debug)]
struct Entry {
    abbreviation: String,
    full_name: String,
    description: String,
}

fn orgs(appendix: &str, pairs: &str, reserved: &Reserved) -> Result<String> {
    let mut report = Report::default();
    let drafts = drafts(appendix, pairs, &mut report)?;
    let drafts = finish(drafts, reserved, &mut report)?;
    let mut out = String::new();
    out.push_str(
        "# International organisations. Generated by `dictgen international-orgs`\n\
         # from appendix B of the CIA World Factbook; do not edit by hand. To regenerate:\n",
    );
    writeln!(out, "#   {COMMAND}").unwrap();
    writeln!(out, "#\n# {} entities.", drafts.len()).unwrap();
    report.write(&mut out);
    write_meta(&mut out, NAME, SOURCE, LICENCE, AS_OF, COMMAND);
    write_entities(&mut out, &drafts);
    Ok(out)
}

/// The organisations of the appendix and the pairs list, before they are
/// checked against the dictionaries this one is loaded with.
fn drafts(appendix: &str, pairs: &str, report: &mut Report) -> Result<Vec<Draft>> {
    let csv = Table::parse(appendix, "factbook_appendix_b_international_organizations.csv")?;
    let (abbr, full, desc) = (
        csv.column("abbreviation")?,
        csv.column("full_name")?,
        csv.column("description")?,
    );
    let entries: Vec<Entry> = csv
        .rows
        .iter()
        .map(|r| Entry {
            abbreviation: r[abbr].trim().to_owned(),
            full_name: r[full].trim().to_owned(),
            description: r[desc].trim().to_owned(),
        })
        .collect();
    let pairs_csv = Table::parse(pairs, "factbook_org_abbreviation_pairs.csv")?;
    let (p_abbr, p_name, p_found) = (
        pairs_csv.column("abbreviation")?,
        pairs_csv.column("name")?,
        pairs_csv.column("found_in")?,
    );

    // Entities of the entries.
    let mut drafts: Vec<Draft> = Vec::new();
    let mut key_of_entry: HashMap<String, usize> = HashMap::new();
    let mut local_names: Vec<(String, String, String)> = Vec::new();
    for e in &entries {
        if is_term(e) {
            report.add(
                "Entries left out: general terms, not organisations",
                e.full_name.clone(),
            );
            continue;
        }
        let first = description_parts(&e.description)
            .first()
            .cloned()
            .unwrap_or_default();
        if let Some(of) = first.strip_prefix("local name of the ") {
            local_names.push((e.full_name.clone(), e.abbreviation.clone(), of.to_owned()));
            continue;
        }
        let (name, mut aliases) = entry_names(&e.full_name);
        let mut d = Draft::new(EntityKind::Organization, name);
        d.aliases.append(&mut aliases);
        for form in split_abbreviations(&e.abbreviation) {
            add_abbreviation(&mut d, &form, report);
        }
        for form in also_known_as(&e.description) {
            add_abbreviation(&mut d, &form, report);
        }
        key_of_entry.insert(entry_key(e), drafts.len());
        drafts.push(d);
    }
    for (name, abbreviation, of) in local_names {
        match drafts.iter_mut().find(|d| form_words(&d.name) == form_words(&of)) {
            Some(d) => {
                d.aliases.insert(0, name);
                for form in split_abbreviations(&abbreviation) {
                    add_abbreviation(d, &form, report);
                }
            }
            None => bail!("`{name}` is the local name of `{of}`, which the appendix does not list"),
        }
    }

    // Descriptions.
    for e in &entries {
        let Some(&i) = key_of_entry.get(&entry_key(e)) else {
            continue;
        };
        let name = drafts[i].name.clone();
        drafts[i].description = match DESCRIPTION_OVERRIDES.iter().find(|(n, _)| *n == name) {
            Some((_, d)) => (*d).to_owned(),
            None => match see_also(&e.description) {
                Some(target) => match drafts.iter().find(|d| same_name(&d.name, &target)) {
                    Some(t) => format!("Predecessor of the {}", t.name),
                    None => format!("See {target}"),
                },
                None => describe(&e.description),
            },
        };
    }

    // The heuristic pairs: names and abbreviations of known entities, and
    // predecessors and UN bodies as new entities.
    let un_description = entries
        .iter()
        .find(|e| e.abbreviation == "UN")
        .map(|e| e.description.as_str());
    for row in &pairs_csv.rows {
        let (abbreviation, raw_name, found_in) =
            (row[p_abbr].trim(), row[p_name].trim(), row[p_found].trim());
        let Some(source) = found_in.strip_prefix("description:") else {
            continue;
        };
        if let Some((_, why)) = PAIR_DENYLIST.iter().find(|(a, _)| *a == abbreviation) {
            report.add(
                "Pairs left out (denylist)",
                format!("{abbreviation} \"{raw_name}\": {why}"),
            );
            continue;
        }
        let abbreviations = split_abbreviations(abbreviation);
        let name = pair_name(abbreviation, raw_name);
        let plain = name
            .clone()
            .or_else(|| (!raw_name.contains(", ")).then(|| raw_name.to_owned()));

        // A known entity: by its abbreviation (and a name that fits), or by
        // its name.
        let by_abbreviation = drafts.iter().position(|d| {
            abbreviations
                .iter()
                .any(|a| d.abbreviations.iter().any(|b| form_words(a) == form_words(b)))
                && plain.as_deref().is_none_or(|n| compatible(d, n))
        });
        let by_name = || {
            plain.as_deref().and_then(|n| {
                drafts.iter().position(|d| {
                    std::iter::once(&d.name)
                        .chain(&d.aliases)
                        .any(|k| same_name(k, n))
                })
            })
        };
        if let Some(i) = by_abbreviation.or_else(by_name) {
            let d = &mut drafts[i];
            if let Some(n) = &plain {
                let known: Vec<String> = std::iter::once(&d.name).chain(&d.aliases).cloned().collect();
                if !known.iter().any(|k| form_words(k) == form_words(n)) {
                    if known
                        .iter()
                        .any(|k| near_duplicate(k, n) && !spelling_variants(k, n))
                    {
                        report.add(
                            "Pair names left out: within two letters of the entity's name (typos of the source)",
                            format!("\"{n}\" ({})", d.id),
                        );
                    } else {
                        d.aliases.push(n.clone());
                    }
                }
            }
            for a in &abbreviations {
                add_abbreviation(d, a, report);
            }
            continue;
        }
        let Some(name) = name else {
            report.add(
                "Pairs left out: the name is no organisation name for the abbreviation",
                format!("{abbreviation} \"{raw_name}\" ({source})"),
            );
            continue;
        };
        // A new entity: a predecessor, or a body of the UN.
        let description = if source == "UN" {
            un_description
                .and_then(|d| un_organ(d, abbreviation))
                .map(|organ| {
                    if organ.is_empty() {
                        "United Nations body".to_owned()
                    } else {
                        format!("United Nations body under the {organ}")
                    }
                })
        } else {
            let entry = entries
                .iter()
                .find(|e| e.abbreviation == source || e.full_name == source);
            let context = entry.and_then(|e| context_before(&e.description, abbreviation));
            let successor = entry
                .and_then(|e| key_of_entry.get(&entry_key(e)))
                .map(|&i| drafts[i].name.clone());
            match (context, successor) {
                (Some(c), Some(s)) if is_predecessor_context(&c) => Some(format!("Predecessor of the {s}")),
                _ => None,
            }
        };
        let Some(description) = description else {
            report.add(
                "Pairs left out: neither a predecessor nor a UN body (members, partners)",
                format!("{abbreviation} \"{name}\" ({source})"),
            );
            continue;
        };
        // "United Nations Interim Force for Abyei (UNIFSA)" in the UN entry
        // is the appendix's "United Nations Interim Security Force for Abyei
        // (UNISFA)" misspelt.
        if let Some(d) = drafts.iter().find(|d| {
            source == "UN"
                && one_word_apart(&d.name, &name)
                && d.abbreviations
                    .iter()
                    .any(|b| abbreviations.iter().any(|a| damerau(a, b) <= 2))
        }) {
            report.add(
                "Pairs left out: a misspelling of a known name and abbreviation",
                format!("{abbreviation} \"{name}\" (of {})", d.id),
            );
            continue;
        }
        let mut d = Draft {
            description,
            ..Draft::new(EntityKind::Organization, name)
        };
        for a in &abbreviations {
            add_abbreviation(&mut d, a, report);
        }
        drafts.push(d);
    }

    // "Group of 20" is left out and the entity named "G-20" (with "G20"):
    // "a group of 20 people" would be flagged as that name in lower case
    // (CD004), and so would "a group of seven countries" with "Group of
    // Seven".
    for d in &mut drafts {
        let dashless: Vec<String> = d
            .abbreviations
            .iter()
            .filter(|a| a.len() <= 4 && a.contains('-') && a.ends_with(|c: char| c.is_ascii_digit()))
            .map(|a| a.replace('-', ""))
            .collect();
        d.abbreviations.extend(dashless);
        let numbered = d
            .name
            .strip_prefix("Group of ")
            .is_some_and(|n| n.parse::<usize>().is_ok());
        if numbered && let Some(short) = d.abbreviations.first().cloned() {
            report.add(
                "Names left out: \"Group of N\" (CD004 on \"a group of 20 people\"); the entity is named by its abbreviation",
                format!("\"{}\" -> \"{short}\"", d.name),
            );
            d.name = short;
            d.id = slug(&d.name);
            d.abbreviations.remove(0);
        }
    }
    for d in &mut drafts {
        if d.description.chars().count() > 120 {
            bail!("the description of {} is longer than 120 characters", d.id);
        }
        d.prominence = Some(body(&d.name, &d.abbreviations, standing(&d.description)));
    }

    Ok(drafts)
}

/// Where an organisation stands, for its prominence, as its description
/// says: a predecessor, or a body that ended ("(until 1991)"); a body of
/// the UN's list of subsidiary bodies; otherwise one in its own right.
fn standing(description: &str) -> Standing {
    if description.starts_with("Predecessor of the ") {
        return Standing::Ended(None);
    }
    // `describe` ends the description with "(until 1991)" or "(founded
    // 1949, until 1991)".
    if let Some(year) = description
        .strip_suffix(')')
        .and_then(|d| d.rsplit_once("until "))
        .and_then(|(_, y)| y.parse().ok())
    {
        return Standing::Ended(Some(year));
    }
    if description.starts_with("United Nations body") {
        Standing::Part
    } else {
        Standing::Main
    }
}

/// The key of an entry in `key_of_entry`: its abbreviation and full name.
fn entry_key(e: &Entry) -> String {
    format!("{}\u{1f}{}", e.abbreviation, e.full_name)
}

/// A general term of the appendix rather than an organisation.
fn is_term(e: &Entry) -> bool {
    let first = description_parts(&e.description)
        .first()
        .cloned()
        .unwrap_or_default();
    e.full_name.starts_with(char::is_lowercase)
        || [
            "another term",
            "a term",
            "a popular term",
            "former term",
            "Russian term",
            "refers to",
            "the four small",
            "the top group",
            "the middle group",
            "the bottom group",
            "that subgroup",
            "in general",
        ]
        .iter()
        .any(|p| first.starts_with(p))
}

/// The description split at " | ", each part trimmed.
fn description_parts(description: &str) -> Vec<String> {
    description
        .split('|')
        .map(|p| p.trim().trim_start_matches("note - ").trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The name of an entry and the aliases its heading holds:
/// "Southern Cone Common Market (Mercosur) or Southern Common Market".
fn entry_names(full_name: &str) -> (String, Vec<String>) {
    let full_name = NAME_FIXES
        .iter()
        .find(|(from, _)| *from == full_name)
        .map_or(full_name, |(_, to)| *to);
    let mut aliases = Vec::new();
    let mut parts = full_name.split(" or ");
    let first = parts.next().unwrap_or(full_name);
    let (name, paren) = match first.split_once(" (") {
        Some((n, p)) => (n.trim(), Some(p.trim_end_matches(')').trim())),
        None => (first.trim(), None),
    };
    aliases.extend(paren.map(str::to_owned));
    aliases.extend(parts.map(|p| p.trim().to_owned()));
    (name.to_owned(), aliases)
}

/// The forms of an abbreviation field: "EAEC or EurasEC", "UNASUR -
/// Spanish; UNASUL - Portuguese", "or European Communities, EC".
fn split_abbreviations(field: &str) -> Vec<String> {
    field
        .split([';', ','])
        .flat_map(|p| p.split(" or "))
        .map(|p| {
            let p = p.trim();
            let p = p.strip_prefix("or ").unwrap_or(p);
            p.split(" - ").next().unwrap_or(p).trim().to_owned()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Add a form from an abbreviation field or a note: an abbreviation when
/// it is one word with two capitals or more ("NATO", "AfDB", "G-7"), an
/// alias otherwise ("Caricom", "European Communities").
fn add_abbreviation(d: &mut Draft, form: &str, report: &mut Report) {
    let form = form.trim();
    let capitals = form.chars().filter(|c| c.is_uppercase()).count();
    let digits = form.chars().any(|c| c.is_ascii_digit());
    let lower = form.chars().any(char::is_lowercase);
    if form.contains(' ') || capitals == 0 || (capitals == 1 && lower && !digits) {
        if form.starts_with(char::is_uppercase) && !d.aliases.iter().any(|a| a == form) {
            d.aliases.push(form.to_owned());
        }
        return;
    }
    let letters: String = form.chars().filter(|c| c.is_alphabetic()).collect();
    let why = if digits {
        None // "G-7", "D-8"
    } else if letters.chars().count() < 2 {
        Some("one letter")
    } else if letters.chars().count() == 2 && !TWO_LETTER_ABBREVIATIONS.contains(&letters.as_str()) {
        Some("two letters, ambiguous in US copy")
    } else if is_common_english_word(&letters) && !ENGLISH_WORD_ABBREVIATIONS.contains(&letters.as_str()) {
        Some("a common English word in lower case")
    } else {
        None
    };
    match why {
        Some(why) => report.add("Abbreviations left out", format!("{form} ({}: {why})", d.id)),
        None => {
            if !d.abbreviations.iter().any(|a| a == form) {
                d.abbreviations.push(form.to_owned());
            }
        }
    }
}

/// The other names a note gives: "also known as the World Bank", "also
/// known as CMEA or Comecon", "also known as Arab League (AL)".
fn also_known_as(description: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = description;
    while let Some(i) = rest.find("also known as ") {
        rest = &rest[i + "also known as ".len()..];
        let end = rest.find(['|', ';']).unwrap_or(rest.len());
        let clause = &rest[..end];
        // "Groupe des Six ... (not to be confused with ...) was established"
        let clause = clause.split(" was ").next().unwrap_or(clause);
        for piece in clause.split(" or ").flat_map(|p| p.split(", ")) {
            let piece = piece
                .trim()
                .trim_end_matches(',')
                .trim_start_matches("the ")
                .trim();
            let (name, paren) = match piece.split_once(" (") {
                Some((n, p)) => (
                    n.trim(),
                    p.trim_end_matches(')').split(" - ").next().unwrap_or("").trim(),
                ),
                None => (piece, ""),
            };
            if is_org_name(name)
                || (!name.contains(' ') && name.chars().filter(|c| c.is_uppercase()).count() >= 2)
            {
                out.push(name.to_owned());
            }
            if !paren.is_empty() && !paren.contains(' ') && paren.starts_with(char::is_uppercase) {
                out.push(paren.to_owned());
            }
        }
    }
    out
}

/// A plausible organisation name: starts with a capital, every word
/// capitalised or a connector, at most 14 words.
fn is_org_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 14
        && name.starts_with(char::is_uppercase)
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || is_lower_connector(w.trim_end_matches(','))
                || matches!(*w, "sur" | "des" | "del")
        })
}

/// "see the World Trade Organization (WTO)" → "World Trade Organization".
fn see_also(description: &str) -> Option<String> {
    let first = description_parts(description).first().cloned()?;
    let target = first.strip_prefix("see ")?;
    let target = target.trim_start_matches("the ");
    let target = target.split(" (").next().unwrap_or(target).trim();
    (!target.contains(" entry")).then(|| target.to_owned())
}

/// Two names are the same, or one is a slip of the other ("Pacific Island
/// Forum" for "Pacific Islands Forum").
fn same_name(a: &str, b: &str) -> bool {
    form_words(a) == form_words(b) || near_duplicate(a, b)
}

/// The names differ by one word added or dropped ("United Nations Interim
/// Force for Abyei", "United Nations Interim Security Force for Abyei").
fn one_word_apart(a: &str, b: &str) -> bool {
    let (a, b) = (form_words(a), form_words(b));
    let (long, short) = if a.len() >= b.len() { (&a, &b) } else { (&b, &a) };
    long.len() == short.len() + 1
        && short.len() >= 3
        && (0..long.len()).any(|i| {
            let mut l = long.clone();
            l.remove(i);
            l == *short
        })
}

/// A name the pairs list gives with an entity's abbreviation fits the
/// entity: one holds every word of the other but connectors ("Office of the
/// United Nations High Commissioner for Refugees" for UNHCR), or it is a
/// slip of a known name. "International Computing Center" does not fit the
/// International Chamber of Commerce (ICC).
fn compatible(d: &Draft, name: &str) -> bool {
    let content = |s: &str| -> Vec<String> {
        form_words(s)
            .into_iter()
            .filter(|w| !is_lower_connector(w))
            .collect()
    };
    let n = content(name);
    std::iter::once(&d.name).chain(&d.aliases).any(|k| {
        let k_words = content(k);
        same_name(k, name)
            || n.iter().all(|w| k_words.contains(w))
            || k_words.iter().all(|w| n.contains(w))
            || spelling_variants(k, name)
    })
}

/// British and American spellings of one name ("Organisation",
/// "Organization").
fn spelling_variants(a: &str, b: &str) -> bool {
    let norm = |s: &str| form_words(s).join(" ").replace("isation", "ization");
    norm(a) == norm(b)
}

/// The name of a pair, cut to the shortest tail after ", " whose word
/// initials hold the abbreviation's capitals in order ("Statistical
/// Commission, Food and Agriculture Organization of the United Nations" →
/// the FAO's name); `None` when no tail does or it is no organisation name.
fn pair_name(abbreviation: &str, name: &str) -> Option<String> {
    let capitals: Vec<char> = abbreviation
        .split(" - ")
        .next()
        .unwrap_or(abbreviation)
        .chars()
        .filter(|c| c.is_uppercase())
        .collect();
    // "Euratom", "Ancom": the first letter only.
    let capitals: Vec<char> = if capitals.len() < 2 {
        capitals.into_iter().take(1).collect()
    } else {
        capitals
    };
    if capitals.is_empty() {
        return None;
    }
    // A name without a list: the first letters agree ("Agency of Cultural
    // and Technical Cooperation (ACCT)", whose abbreviation is French).
    if !name.contains(", ") {
        let first = name.chars().next().map(|c| c.to_uppercase().collect::<Vec<_>>());
        return (is_org_name(name) && first.as_deref() == Some(&capitals[..1])).then(|| name.to_owned());
    }
    let mut tails: Vec<&str> = name.match_indices(", ").map(|(i, _)| &name[i + 2..]).collect();
    tails.reverse();
    tails.push(name);
    tails
        .into_iter()
        .map(|t| t.trim_start_matches("and ").trim())
        .find_map(|t| {
            let initials: Vec<char> = t
                .split([' ', '-', '/'])
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_uppercase)
                .collect();
            let mut it = initials.iter();
            let ordered = capitals.iter().all(|c| it.any(|i| i == c));
            let first = initials.first() == capitals.first();
            (ordered && first && is_org_name(t) && !t.contains(", ")).then(|| t.to_owned())
        })
}

/// The text of a description before "(ABBR)", from the last " | " or "; ".
fn context_before(description: &str, abbreviation: &str) -> Option<String> {
    let i = description.find(&format!("({abbreviation})"))?;
    let before = &description[..i];
    let start = before.rfind(['|', ';']).map_or(0, |j| j + 1);
    Some(before[start..].trim().to_owned())
}

/// The note says the named body came before the entry.
fn is_predecessor_context(context: &str) -> bool {
    [
        "formerly",
        "name changed from",
        "began as",
        "renamed",
        "predecessor",
        "evolved from",
        "successor to",
        "succeeded",
        "replaces",
        "merged with",
        "established",
    ]
    .iter()
    .any(|p| context.contains(p))
}

/// The UN organ a body is listed under in the UN entry ("2) General
/// Assembly: ... (UNICEF), ..."), without its abbreviation.
fn un_organ(description: &str, abbreviation: &str) -> Option<String> {
    let i = description.find(&format!("({abbreviation})"))?;
    let section = description[..i].rsplit('|').next()?;
    let (head, _) = section.split_once(':')?;
    let organ = head
        .trim()
        .split_once(") ")
        .map_or(head.trim(), |(_, o)| o.trim());
    Some(organ.split(" (").next().unwrap_or(organ).to_owned())
}

/// "Founded in 1949 to promote mutual defense and cooperation", from the
/// date and aim fields of a description ("established 14 May 1955 to
/// promote mutual defense; ..." where there is one field); "(until 1991)"
/// for a body the description says ended. At most 120 characters.
fn describe(description: &str) -> String {
    let parts = description_parts(description);
    let is_members = |p: &str| {
        let p = p.to_ascii_lowercase();
        [
            "members",
            "regional members",
            "nonregional",
            "signatories",
            "permanent members",
            "constituent",
            "observers",
            "member -",
            "un members",
            "states accepting",
        ]
        .iter()
        .any(|m| p.starts_with(m))
            // "jurisdiction - based on ...": a labelled list.
            || p.split_once(" - ").is_some_and(|(label, _)| {
                label.split_whitespace().count() <= 5 && !label.chars().any(|c| c.is_ascii_digit())
            })
    };
    let is_note = |p: &str| {
        description.contains(&format!("note - {p}"))
            || ["formerly", "also known as", "see "]
                .iter()
                .any(|n| p.starts_with(n))
    };
    let mut body: Vec<&str> = parts
        .iter()
        .map(String::as_str)
        .filter(|p| !is_note(p) && !is_members(p) && *p != "NA")
        .collect();
    if body.is_empty() {
        // A note is all there is ("also known as CMEA or Comecon, was
        // established on 25 January 1949 ...").
        body = parts
            .iter()
            .map(String::as_str)
            .filter(|p| !is_members(p))
            .take(1)
            .collect();
    }
    let (year, aim) = match body.as_slice() {
        [date, aim, ..]
            if year_in(date).is_some()
                && !date.contains("aim")
                && !date.starts_with("to ")
                && (aim.starts_with("to ") || date.len() < 100) =>
        {
            (founding_year(date), (*aim).to_owned())
        }
        [single, ..] => {
            let single: &str = &remove_parenthesised(single);
            let year = founding_year(single);
            let aim = ["its aim was ", "it's aim was ", "aim was ", "with the aim of "]
                .iter()
                .find_map(|m| single.split_once(m).map(|(_, a)| (m, a)))
                .map(|(m, a)| {
                    if m.starts_with("with") {
                        format!("with the aim of {a}")
                    } else {
                        a.to_owned()
                    }
                })
                .or_else(|| {
                    let after = year
                        .as_deref()
                        .and_then(|y| single.split_once(y))
                        .map_or(single, |(_, r)| r);
                    after.split_once(" to ").map(|(_, a)| format!("to {a}"))
                })
                .or_else(|| {
                    single
                        .split(';')
                        .map(str::trim)
                        .find(|c| !c.starts_with("also known as") && year_in(c).is_none())
                        .map(str::to_owned)
                })
                .unwrap_or_default();
            (year, aim)
        }
        [] => (None, String::new()),
    };
    let aim = remove_parenthesised(aim.split(';').next().unwrap_or(""));
    let aim = aim
        .trim()
        .trim_matches('"')
        .trim_end_matches('.')
        .replace("\" ", " ")
        .trim()
        .to_owned();
    let body_text = body.join(" | ");
    let until = ended_year(&body_text)
        .map(|y| format!(" (until {y})"))
        .unwrap_or_default();
    let (prefix, aim, suffix) = match year {
        Some(y) if aim.starts_with("to ") || aim.starts_with("with the aim") => {
            (format!("Founded in {y} "), aim, until)
        }
        Some(y) if aim.is_empty() => (format!("Founded in {y}"), aim, until),
        Some(y) => {
            let until = ended_year(&body_text)
                .map(|u| format!(", until {u}"))
                .unwrap_or_default();
            (
                String::new(),
                capitalize_first(&aim),
                format!(" (founded {y}{until})"),
            )
        }
        None if aim.starts_with("to ") => ("Founded ".to_owned(), aim, until),
        None => (String::new(), capitalize_first(&aim), until),
    };
    let room = 120 - prefix.chars().count() - suffix.chars().count();
    format!("{prefix}{}{suffix}", shorten(&aim, room))
}

/// The first year in a text.
fn year_in(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4 && (w.starts_with("18") || w.starts_with("19") || w.starts_with("20")))
        .map(str::to_owned)
}

/// The year after "established", "est.", "began", "created" or "signed",
/// else the first year.
fn founding_year(text: &str) -> Option<String> {
    ["established", "est.", "began", "created", "signed"]
        .iter()
        .find_map(|m| {
            text.split_once(m)
                .and_then(|(_, rest)| year_in(&rest.chars().take(40).collect::<String>()))
        })
        .or_else(|| year_in(text))
}

/// The year a body ended, abolished, terminated or dissolved.
fn ended_year(text: &str) -> Option<String> {
    [" ended", "abolished", "terminated", "dissolved", "disbanded"]
        .iter()
        .find_map(|m| {
            text.split_once(m)
                .and_then(|(_, rest)| year_in(&rest.chars().take(30).collect::<String>()))
        })
}

/// The text without its parenthesised parts, spaces collapsed.
fn remove_parenthesised(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",")
}

/// At most `max` characters: cut at the last ", " that fits, else at a
/// word, with "…".
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let head: String = text.chars().take(max - 1).collect();
    if let Some(i) = head.rfind(", ").filter(|&i| i > max / 2) {
        return head[..i].to_owned();
    }
    let cut = head.rfind(' ').unwrap_or(head.len());
    format!("{}…", head[..cut].trim_end_matches([',', ';', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_loads, entities, reserved};

    const APPENDIX: &str = r#"abbreviation,full_name,entry_heading,description
,developing countries,developing countries,a term used by the International Monetary Fund (IMF) for the bottom group
IBRD,International Bank for Reconstruction and Development,International Bank for Reconstruction and Development (IBRD),note - also known as the World Bank | 22 July 1944; effective - 27 December 1945 | to provide economic development loans; a UN specialized agency | members - (189)
NATO,North Atlantic Treaty Organization,North Atlantic Treaty Organization (NATO),4 April 1949 | to promote mutual defense and cooperation | members - (32) Albania
OSCE,Organization for Security and Cooperation in Europe,Organization for Security and Cooperation in Europe (OSCE),note - formerly the Conference on Security and Cooperation in Europe (CSCE) established 3 July 1975 | 1 January 1995 | to foster dialogue | members - (57)
UN,United Nations,United Nations (UN),26 June 1945 | to maintain international peace and security | constituent organizations - | 2) General Assembly: United Nations Office on Drugs and Crime (UNODC)
WHO,World Health Organization,World Health Organization (WHO),22 July 1946; effective - 7 April 1948 | to deal with health matters worldwide; a UN specialized agency | members - (194)
G-7,Group of 7,Group of 7 (G-7),note - membership is the same as the Big Seven | 22 September 1985 | to discuss and coordinate economic policy | members - (7) Canada
CAN,Andean Community,Andean Community (CAN),26 May 1969 | to promote harmonious development through economic integration | members - (4)
"#;

    const PAIRS: &str = "abbreviation,name,found_in
CSCE,Conference on Security and Cooperation in Europe,description:OSCE
UNODC,\"Statistical Commission, United Nations Office on Drugs and Crime\",description:UN
WHO,World Health Organization,description:UN
";

    #[test]
    fn orgs_writes_the_expected_toml() {
        let toml = orgs(APPENDIX, PAIRS, &Reserved::default()).unwrap();
        let expected = r#"
[[entity]]
id = "andean-community"
kind = "organization"
name = "Andean Community"
description = "Founded in 1969 to promote harmonious development through economic integration"
prominence = 2

[[entity]]
id = "conference-on-security-and-cooperation-in-europe"
kind = "organization"
name = "Conference on Security and Cooperation in Europe"
abbreviations = ["CSCE"]
description = "Predecessor of the Organization for Security and Cooperation in Europe"
prominence = 1

[[entity]]
id = "g-7"
kind = "organization"
name = "G-7"
abbreviations = ["G7"]
description = "Founded in 1985 to discuss and coordinate economic policy"
prominence = 3

[[entity]]
id = "international-bank-for-reconstruction-and-development"
kind = "organization"
name = "International Bank for Reconstruction and Development"
aliases = ["World Bank"]
abbreviations = ["IBRD"]
description = "Founded in 1944 to provide economic development loans"
prominence = 3

[[entity]]
id = "north-atlantic-treaty-organization"
kind = "organization"
name = "North Atlantic Treaty Organization"
abbreviations = ["NATO"]
well-known = true
description = "Founded in 1949 to promote mutual defense and cooperation"
prominence = 3

[[entity]]
id = "organization-for-security-and-cooperation-in-europe"
kind = "organization"
name = "Organization for Security and Cooperation in Europe"
abbreviations = ["OSCE"]
description = "Founded in 1995 to foster dialogue"
prominence = 2

[[entity]]
id = "united-nations"
kind = "organization"
name = "United Nations"
abbreviations = ["UN"]
well-known = true
description = "Founded in 1945 to maintain international peace and security"
prominence = 3

[[entity]]
id = "united-nations-office-on-drugs-and-crime"
kind = "organization"
name = "United Nations Office on Drugs and Crime"
abbreviations = ["UNODC"]
description = "United Nations body under the General Assembly"
prominence = 1

[[entity]]
id = "world-health-organization"
kind = "organization"
name = "World Health Organization"
abbreviations = ["WHO"]
description = "Founded in 1946 to deal with health matters worldwide"
prominence = 3
"#;
        assert_eq!(entities(&toml), expected);
        assert!(toml.contains("#   developing countries\n"), "{toml}");
        assert!(toml.contains("#   \"Group of 7\" -> \"G-7\"\n"), "{toml}");
        assert!(
            toml.contains("#   CAN (andean-community: a common English word in lower case)\n"),
            "{toml}"
        );
        assert!(toml.contains(
            "generator = \"cargo run --release -p dictgen -- international-orgs --data ../shared/data \
             --output dictionaries/international-orgs.toml\"\n"
        ));
        assert_loads(&[("international-orgs.toml", &toml)]);
    }

    #[test]
    fn helpers() {
        assert_eq!(
            split_abbreviations("UNASUR - Spanish; UNASUL - Portuguese"),
            ["UNASUR", "UNASUL"]
        );
        assert_eq!(
            split_abbreviations("or European Communities, EC"),
            ["European Communities", "EC"]
        );
        assert_eq!(split_abbreviations("EAEC or EurasEC"), ["EAEC", "EurasEC"]);
        assert_eq!(
            entry_names("Southern Cone Common Market (Mercosur) or Southern Common Market"),
            (
                "Southern Cone Common Market".to_owned(),
                vec!["Mercosur".to_owned(), "Southern Common Market".to_owned()]
            )
        );
        assert_eq!(
            also_known_as("note - also known as CMEA or Comecon, was established"),
            ["CMEA", "Comecon"]
        );
        assert_eq!(
            also_known_as("note - also known as Arab League (AL) | 22 March 1945"),
            ["Arab League", "AL"]
        );
        assert_eq!(
            pair_name(
                "ESCAP",
                "Commission on the Status of Women, Economic and Social Commission for Asia and the Pacific"
            )
            .as_deref(),
            Some("Economic and Social Commission for Asia and the Pacific")
        );
        assert_eq!(pair_name("BEAC", "Cameroon, Central African States Bank"), None);
        assert_eq!(
            pair_name("Lapp", "Estonia, Latvia, Lithuania, and the Sami"),
            None
        );
        assert!(one_word_apart(
            "United Nations Interim Force for Abyei",
            "United Nations Interim Security Force for Abyei"
        ));
        assert!(!one_word_apart("World Bank", "World Bank Group"));
        assert_eq!(
            describe(
                "established 14 May 1955 to promote mutual defense; members met 1 July 1991 to dissolve"
            ),
            "Founded in 1955 to promote mutual defense"
        );
        assert_eq!(
            describe("began on 27 February 2004; ended 30 June 2017; aim was to facilitate the peace"),
            "Founded in 2004 to facilitate the peace (until 2017)"
        );
        assert_eq!(shorten("aaa bbb ccc ddd", 12), "aaa bbb…");
        assert_eq!(shorten("aaa bbb, ccc ddd", 12), "aaa bbb");
    }

    #[test]
    fn abbreviations_shared_on_purpose_are_kept_as_ambiguous() {
        // us-agencies.toml offers "WHO" (another body has it) and holds
        // "NATO" without sharing it.
        let agencies = "[[entity]]\nid = \"white-house-office\"\nkind = \"organization\"\n\
                        name = \"White House Office\"\nabbreviations = [\"WHO\"]\nambiguous = [\"WHO\"]\n\n\
                        [[entity]]\nid = \"nato-agency\"\nkind = \"organization\"\n\
                        name = \"National Agency\"\nabbreviations = [\"NATO\"]\n";
        let toml = orgs(APPENDIX, PAIRS, &reserved(&[("us-agencies.toml", agencies)])).unwrap();
        assert!(
            toml.contains(
                "name = \"World Health Organization\"\nabbreviations = [\"WHO\"]\nambiguous = [\"WHO\"]\n"
            ),
            "{toml}"
        );
        assert!(toml.contains(
            "#   \"NATO\" of north-atlantic-treaty-organization (in us-agencies.toml: nato-agency)\n"
        ));
        assert_loads(&[("us-agencies.toml", agencies), ("international-orgs.toml", &toml)]);
    }
}
