//! The data of unitedstates/congress-legislators: where it comes from and
//! its files in the data checkout, the bioguide ids of the current members
//! and of the presidents and vice presidents, and how a member of Congress
//! is described (chamber, state, district) in `us-congress.toml` and
//! `us-congress-former.toml` alike.

use std::collections::HashSet;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

/// Where the files come from.
pub(crate) const LEGISLATORS_REPO: &str = "https://github.com/unitedstates/congress-legislators";

/// The commit of `legislators-current.yaml` and `executive.yaml`, the
/// snapshot the committed dictionaries were made from (see `SOURCES.md`);
/// update it together with the files.
pub(crate) const LEGISLATORS_COMMIT: &str = "dfa9622263dd4c8d08636926e498f1845704d7eb";

/// The current members, under the data checkout.
pub(crate) const CURRENT_FILE: &str = "congress-legislators/legislators-current.yaml";
/// Every former member since 1789.
pub(crate) const HISTORICAL_FILE: &str = "congress-legislators/legislators-historical.csv";
/// The presidents and vice presidents.
pub(crate) const EXECUTIVE_FILE: &str = "congress-legislators/executive.yaml";

/// The name of a record of `legislators-current.yaml` or `executive.yaml`.
#[derive(Debug, Deserialize)]
pub(crate) struct Name {
    pub(crate) first: String,
    pub(crate) middle: Option<String>,
    pub(crate) last: String,
    pub(crate) suffix: Option<String>,
    pub(crate) nickname: Option<String>,
    pub(crate) official_full: Option<String>,
}

/// The ids of a record of `legislators-current.yaml` or `executive.yaml`
/// (only the bioguide id, which a president who never sat in Congress
/// lacks).
#[derive(Debug, Deserialize)]
struct Record {
    #[serde(default)]
    id: Ids,
}

#[derive(Debug, Default, Deserialize)]
struct Ids {
    bioguide: Option<String>,
}

/// The bioguide ids of the current members (`legislators-current.yaml`).
pub(crate) fn current_bioguides(yaml: &str) -> Result<HashSet<String>> {
    let members: Vec<Record> =
        serde_norway::from_str(yaml).context("failed to parse legislators-current.yaml")?;
    members
        .into_iter()
        .map(|m| {
            m.id.bioguide
                .context("a member of legislators-current.yaml has no bioguide id")
        })
        .collect()
}

/// The bioguide ids of the presidents and vice presidents who served in
/// Congress (`executive.yaml`): `us-congress-former.toml` leaves them to
/// `us-executive.toml`.
pub(crate) fn executive_bioguides(yaml: &str) -> Result<HashSet<String>> {
    let people: Vec<Record> = serde_norway::from_str(yaml).context("failed to parse executive.yaml")?;
    Ok(people.into_iter().filter_map(|p| p.id.bioguide).collect())
}

/// A first name with the nickname a few records write into it: "James
/// (Jim)" is "James" and "Jim".
pub(crate) fn split_nickname(first: &str) -> (&str, Option<&str>) {
    match first.split_once(" (") {
        Some((f, rest)) => (f.trim(), rest.strip_suffix(')').map(str::trim)),
        None => (first.trim(), None),
    }
}

/// The titles and the description of a member of Congress by a term of
/// type `kind` (`sen` or `rep`) for the state or territory `state` (its
/// postal code) and `district` (0 or none: at large). The titles are those
/// of the chamber ("Senator", "Sen."), or "Delegate" (DC and the
/// territories but Puerto Rico) or "Resident Commissioner", and
/// "Congressman" or "Congresswoman" by `gender` (`M`, `F`). The description
/// names the post ("U.S. Representative for New York's 14th district"),
/// starts with "Former" for a `former` member and ends with `tail` (" (Democrat)").
pub(crate) fn member_titles(
    kind: &str,
    state: &str,
    district: Option<i64>,
    gender: Option<&str>,
    former: bool,
    tail: &str,
) -> Result<(Vec<&'static str>, String)> {
    let place = state_name(state).with_context(|| format!("unknown state `{state}`"))?;
    let former = if former { "Former " } else { "" };
    Ok(match kind {
        "sen" => (
            vec!["Senator", "Sen."],
            format!("{former}U.S. Senator from {place}{tail}"),
        ),
        "rep" => {
            let mut titles = match state {
                "PR" | "PI" => vec!["Resident Commissioner"],
                "DC" | "GU" | "VI" | "AS" | "MP" | "DK" | "OL" => vec!["Delegate", "Del."],
                _ => vec!["Representative", "Rep."],
            };
            match gender {
                Some("F") => titles.push("Congresswoman"),
                Some("M") => titles.push("Congressman"),
                _ => {}
            }
            let description = match state {
                "PR" | "PI" => format!("{former}Resident Commissioner for {place} in the U.S. House{tail}"),
                "DC" | "GU" | "VI" | "AS" | "MP" | "DK" | "OL" => {
                    format!("{former}U.S. House Delegate for {place}{tail}")
                }
                _ => match district {
                    Some(d) if d > 0 => format!(
                        "{former}U.S. Representative for {}{} district{tail}",
                        possessive(place),
                        ordinal(d)
                    ),
                    _ => format!(
                        "{former}U.S. Representative for {}at-large district{tail}",
                        possessive(place)
                    ),
                },
            };
            (titles, description)
        }
        other => bail!("unknown term type `{other}`"),
    })
}

/// "New York's ", "Texas' " (AP style for names ending in s).
pub(crate) fn possessive(state: &str) -> String {
    let state = state.strip_prefix("the ").unwrap_or(state);
    if state.ends_with('s') {
        format!("{state}' ")
    } else {
        format!("{state}'s ")
    }
}

/// 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, ...
pub(crate) fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The name of a state or territory from its postal code.
pub(crate) fn state_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "AL" => "Alabama",
        "AK" => "Alaska",
        "AZ" => "Arizona",
        "AR" => "Arkansas",
        "CA" => "California",
        "CO" => "Colorado",
        "CT" => "Connecticut",
        "DE" => "Delaware",
        "FL" => "Florida",
        "GA" => "Georgia",
        "HI" => "Hawaii",
        "ID" => "Idaho",
        "IL" => "Illinois",
        "IN" => "Indiana",
        "IA" => "Iowa",
        "KS" => "Kansas",
        "KY" => "Kentucky",
        "LA" => "Louisiana",
        "ME" => "Maine",
        "MD" => "Maryland",
        "MA" => "Massachusetts",
        "MI" => "Michigan",
        "MN" => "Minnesota",
        "MS" => "Mississippi",
        "MO" => "Missouri",
        "MT" => "Montana",
        "NE" => "Nebraska",
        "NV" => "Nevada",
        "NH" => "New Hampshire",
        "NJ" => "New Jersey",
        "NM" => "New Mexico",
        "NY" => "New York",
        "NC" => "North Carolina",
        "ND" => "North Dakota",
        "OH" => "Ohio",
        "OK" => "Oklahoma",
        "OR" => "Oregon",
        "PA" => "Pennsylvania",
        "RI" => "Rhode Island",
        "SC" => "South Carolina",
        "SD" => "South Dakota",
        "TN" => "Tennessee",
        "TX" => "Texas",
        "UT" => "Utah",
        "VT" => "Vermont",
        "VA" => "Virginia",
        "WA" => "Washington",
        "WV" => "West Virginia",
        "WI" => "Wisconsin",
        "WY" => "Wyoming",
        "DC" => "the District of Columbia",
        "PR" => "Puerto Rico",
        "GU" => "Guam",
        "VI" => "the U.S. Virgin Islands",
        "AS" => "American Samoa",
        "MP" => "the Northern Mariana Islands",
        // Former members only.
        "PI" => "the Philippine Islands",
        "DK" => "Dakota Territory",
        "OL" => "the Territory of Orleans",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions() {
        assert_eq!(
            [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 111].map(ordinal),
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "111th"
            ]
        );
        assert_eq!(possessive("Texas"), "Texas' ");
        assert_eq!(possessive("New York"), "New York's ");
        assert_eq!(split_nickname("James (Jim)"), ("James", Some("Jim")));
        assert_eq!(
            member_titles("rep", "GU", Some(0), Some("M"), false, " (Republican)").unwrap(),
            (
                vec!["Delegate", "Del.", "Congressman"],
                "U.S. House Delegate for Guam (Republican)".to_owned()
            )
        );
        assert_eq!(
            member_titles("rep", "TX", Some(15), None, true, ", born 1927")
                .unwrap()
                .1,
            "Former U.S. Representative for Texas' 15th district, born 1927"
        );
        assert!(member_titles("rep", "XX", None, None, false, "").is_err());
        assert!(member_titles("prez", "TX", None, None, false, "").is_err());
    }
}
