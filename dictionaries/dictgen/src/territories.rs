//! The names of countries and territories as this project writes them
//! (CLDR's English names, with a few AP-style choices): the names of
//! `countries.toml`, and the countries the other generators' descriptions
//! name; and which of them are sovereign states ([`sovereign_gec_codes`]).

use std::collections::{HashMap, HashSet};

use anyhow::{Context, Result, bail};
use serde_json::{Map, Value};

use crate::forms::remove_parentheses;
use crate::table::Table;

/// Where the country codes are, under the data checkout.
pub(crate) const COUNTRY_CODES_FILE: &str = "country-codes/country-codes.csv";

/// Sovereign states that `country-codes.csv` lacks, by FIPS (Factbook GEC)
/// code: Kosovo, which `countries.toml` adds as a country.
const SOVEREIGN_NOT_IN_COUNTRY_CODES: &[&str] = &["kv"];

/// The FIPS codes (the Factbook's GEC codes, in lower case) of the
/// sovereign states: those of the rows of `country-codes.csv` whose
/// `is_independent` is "Yes" (UN members, the Holy See, Taiwan), and
/// [`SOVEREIGN_NOT_IN_COUNTRY_CODES`].
pub(crate) fn sovereign_gec_codes(country_codes_csv: &str) -> Result<HashSet<String>> {
    let t = Table::parse(country_codes_csv, COUNTRY_CODES_FILE)?;
    let (fips, independent) = (t.column("FIPS")?, t.column("is_independent")?);
    let mut codes = HashSet::new();
    for r in t.rows.iter().filter(|r| r[independent].trim() == "Yes") {
        // Serbia's is "RIKV": Serbia and Kosovo, two codes run together.
        let field = r[fips].trim().to_ascii_lowercase();
        let chars: Vec<char> = field.chars().collect();
        codes.extend(chars.chunks(2).map(|c| c.iter().collect::<String>()));
    }
    codes.extend(SOVEREIGN_NOT_IN_COUNTRY_CODES.iter().map(|c| (*c).to_owned()));
    Ok(codes)
}

/// The names a US newsroom writes where CLDR's display name differs (AP
/// style); the CLDR form stays an alias.
const NAME_OVERRIDES: &[(&str, &str)] = &[
    ("CD", "Democratic Republic of the Congo"),
    ("CG", "Republic of the Congo"),
    ("CI", "Ivory Coast"),
    ("CZ", "Czech Republic"),
    ("HK", "Hong Kong"),
    ("MO", "Macao"),
    ("PS", "Palestine"),
    ("TL", "East Timor"),
    ("TR", "Turkey"),
    ("VC", "St. Vincent and the Grenadines"),
];

/// The territory names of CLDR's `territories_en.json`, by key ("FR",
/// "CI-alt-variant").
pub(crate) fn cldr_territories(text: &str) -> Result<Map<String, Value>> {
    let mut cldr: Value = serde_json::from_str(text).context("territories_en.json")?;
    match cldr
        .pointer_mut("/main/en/localeDisplayNames/territories")
        .map(Value::take)
    {
        Some(Value::Object(territories)) => Ok(territories),
        _ => bail!("territories_en.json: no main/en/localeDisplayNames/territories"),
    }
}

/// The house-style names of the territories of CLDR (`territories_en.json`)
/// by their upper-case ISO 3166-1 code, as this dictionary names them.
pub(crate) fn territory_names(cldr_en: &str) -> Result<HashMap<String, String>> {
    let cldr = cldr_territories(cldr_en)?;
    Ok(cldr
        .keys()
        .filter(|k| k.len() == 2 && k.chars().all(|c| c.is_ascii_uppercase()))
        .filter_map(|k| Some((k.clone(), territory_name(k, &cldr)?)))
        .collect())
}

/// A CLDR display name.
pub(crate) fn cldr_name<'a>(cldr: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    cldr.get(key).and_then(Value::as_str)
}

/// The house-style name of a territory: [`NAME_OVERRIDES`], else CLDR's
/// name with "&" written "and" (its short form where the name has a
/// parenthesis: "Cocos Islands" for "Cocos (Keeling) Islands").
pub(crate) fn territory_name(code: &str, cldr: &Map<String, Value>) -> Option<String> {
    if let Some((_, n)) = NAME_OVERRIDES.iter().find(|(c, _)| *c == code) {
        return Some((*n).to_owned());
    }
    let main = cldr_name(cldr, code)?;
    let name = if main.contains('(') {
        cldr_name(cldr, &format!("{code}-alt-short")).map_or_else(|| remove_parentheses(main), str::to_owned)
    } else {
        main.to_owned()
    };
    Some(name.replace(" & ", " and "))
}
