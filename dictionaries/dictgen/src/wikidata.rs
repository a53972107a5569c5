//! Wikidata query output collected by every-politician-scrapers: the
//! holders of posts ([`HolderRow`]), and the terms of the holders of senior
//! US posts, which `us-officials.toml` describes and `us-executive.toml`
//! dates its officials' earlier posts with ([`roles_by_name`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use anyhow::Result;
use copydesk::entity::{Date, Role};
use serde::Deserialize;

use crate::casing::title_case;
use crate::forms::key;
use crate::table::rows;

/// Holders of about 300 US posts, with their terms, under the data checkout.
pub(crate) const HOLDERS_FILE: &str = "us-officials-wikidata/us_holders21.csv";
/// More holders of federal posts.
pub(crate) const OFFICES_FILE: &str = "us-officials-wikidata/us_offices_wikidata.csv";

/// `source_key` prefixes of `us_offices_wikidata.csv` left out: the state
/// legislatures.
const LEFT_OUT_SOURCES: &[&str] = &["AZ-reps-", "CO-reps-", "MT-reps-"];

/// A row of a `holders21.csv` file: who held which post, from when to when.
#[derive(Debug, Deserialize)]
pub(crate) struct HolderRow {
    pub(crate) position: String,
    pub(crate) person: String,
    #[serde(rename = "personID")]
    pub(crate) person_id: String,
    pub(crate) start: String,
    pub(crate) end: String,
}

#[derive(Debug, Deserialize)]
struct OfficeRow {
    source_key: String,
    office_title: String,
    person_qid: String,
    name: String,
    start: String,
    end: String,
}

/// One term of one post.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Term {
    /// The year it began, the year it ended ("" when held in 2022).
    pub(crate) start: String,
    pub(crate) end: String,
    pub(crate) post: String,
    /// The dates as the data gives them (a day, a month or a year); `None`
    /// for an end when the post was held in 2022.
    pub(crate) from: Option<Date>,
    pub(crate) to: Option<Date>,
}

/// The roles of a person's terms, oldest first; a term whose end the data
/// gives in a form that is no date is left out (it would read as held
/// still).
pub(crate) fn roles(terms: &[Term]) -> Vec<Role> {
    let mut roles: Vec<Role> = terms
        .iter()
        .filter(|t| t.end.is_empty() || t.to.is_some())
        .map(|t| Role {
            // "United States Deputy Secretary of State" of one source is the
            // "Deputy Secretary of State" of the other.
            title: t
                .post
                .strip_prefix("United States ")
                .unwrap_or(&t.post)
                .to_owned(),
            org: None,
            from: t.from,
            to: t.to,
        })
        .collect();
    roles.sort_by(|a, b| (a.from, a.to, &a.title).cmp(&(b.from, b.to, &b.title)));
    roles.dedup();
    roles
}

/// Every term of a post in the Wikidata files: `add(qid, label, term)`
/// for each row of the holders file, then of the offices file (its left-out
/// sources skipped); labels with their spaces normalised.
pub(crate) fn read_terms(
    holders: &str,
    offices: &str,
    mut add: impl FnMut(&str, String, Term),
) -> Result<()> {
    let mut term = |qid: &str, label: &str, post: String, start: &str, end: &str| {
        let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
        add(
            qid.trim(),
            label,
            Term {
                start: start.get(..4).unwrap_or_default().to_owned(),
                end: end.get(..4).unwrap_or_default().to_owned(),
                post,
                from: Date::parse_partial(start.trim()),
                to: Date::parse_partial(end.trim()),
            },
        );
    };
    for r in rows::<HolderRow>(holders, HOLDERS_FILE)? {
        term(&r.person_id, &r.person, post_name(&r.position), &r.start, &r.end);
    }
    for r in rows::<OfficeRow>(offices, OFFICES_FILE)? {
        if !LEFT_OUT_SOURCES.iter().any(|p| r.source_key.starts_with(p)) {
            term(
                &r.person_qid,
                &r.name,
                post_name(&r.office_title),
                &r.start,
                &r.end,
            );
        }
    }
    Ok(())
}

/// The roles of the holders of senior US posts in the Wikidata files, by the
/// folded name of each label of the person: for `us-executive.toml`, which
/// keeps the persons whose name both dictionaries would hold.
pub(crate) fn roles_by_name(holders: &str, offices: &str) -> Result<HashMap<String, Vec<Role>>> {
    let mut terms: BTreeMap<String, (Vec<String>, Vec<Term>)> = BTreeMap::new();
    read_terms(holders, offices, |qid, label, term| {
        let entry = terms.entry(qid.to_owned()).or_default();
        entry.0.push(label);
        entry.1.push(term);
    })?;
    // A label two persons have names neither.
    let mut owners: HashMap<String, usize> = HashMap::new();
    for (labels, _) in terms.values() {
        let keys: BTreeSet<String> = labels.iter().map(|l| key(l)).collect();
        for k in keys {
            *owners.entry(k).or_default() += 1;
        }
    }
    let mut out: HashMap<String, Vec<Role>> = HashMap::new();
    for (labels, terms) in terms.values() {
        let roles = roles(terms);
        for label in labels {
            if owners[&key(label)] == 1 {
                out.insert(key(label), roles.clone());
            }
        }
    }
    Ok(out)
}

/// The post as a description says it: "U.S. Ambassador to France" for
/// "ambassador to France", "Justice of the Supreme Court" for the list of
/// justices, American spelling, title case for labels in capitals.
fn post_name(raw: &str) -> String {
    let raw = raw.trim();
    let text = if raw.chars().any(char::is_lowercase) {
        raw.to_owned()
    } else {
        title_case(raw)
    };
    let text = text.replace("Defence", "Defense");
    if let Some(rest) = text.strip_prefix("ambassador to ") {
        return format!("U.S. Ambassador to {rest}");
    }
    if let Some(rest) = text.strip_prefix("List of ambassadors of the United States to ") {
        return format!("U.S. Ambassador to {rest}");
    }
    match text.as_str() {
        "List of justices of the Supreme Court of the United States" | "Supreme Court Justice" => {
            "Justice of the Supreme Court".to_owned()
        }
        "Chief Justice" => "Chief Justice of the United States".to_owned(),
        "Director of the FBI" => "Director of the Federal Bureau of Investigation".to_owned(),
        "Director of the CIA" => "Director of the Central Intelligence Agency".to_owned(),
        "Office of Management and Budget" => "Director of the Office of Management and Budget".to_owned(),
        "Council of Economic Advisers" => "Chair of the Council of Economic Advisers".to_owned(),
        "President" => "President of the United States".to_owned(),
        "Vice President" => "Vice President of the United States".to_owned(),
        "First Lady" => "First Lady of the United States".to_owned(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posts() {
        assert_eq!(post_name("ambassador to France"), "U.S. Ambassador to France");
        assert_eq!(
            post_name("List of ambassadors of the United States to Ukraine"),
            "U.S. Ambassador to Ukraine"
        );
        assert_eq!(
            post_name("ADMINISTRATOR OF THE ENVIRONMENTAL PROTECTION AGENCY"),
            "Administrator of the Environmental Protection Agency"
        );
        assert_eq!(
            post_name("Deputy Secretary of Defence"),
            "Deputy Secretary of Defense"
        );
    }
}
