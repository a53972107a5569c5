//! The former members of Congress (`legislators-historical.csv`), whom
//! every person dictionary meets: `us-congress-former.toml` comes last in
//! the build order, and each person dictionary before it lists under
//! `ambiguous` the forms it shares with a former member who is another
//! person ([`offer_namesakes`]), so that both keep them.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use anyhow::{Context, Result, bail};
use copydesk::entity::is_name_suffix;
use serde::Deserialize;

use crate::forms::{is_initial, key};
use crate::legislators::{member_titles, split_nickname};
use crate::person::{Person, family_name, short_forms};
use crate::prominence::former;
use crate::reserved::ambiguous_forms;
use crate::table::rows;

/// A member born on this day or later who has the name of an official of
/// `us-executive.toml` is taken to be that official (Marco Rubio, Doug
/// Collins); one born before is a namesake (John B. Anderson, born 1922).
const SAME_PERSON_BORN: &str = "1935-01-01";

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
    senate_class: String,
    /// The Senate's LIS id, given to the senators of the 101st Congress
    /// (1989) and later.
    #[serde(default)]
    lis_id: String,
    #[serde(default)]
    bioguide_id: String,
}

/// One former member: the person of the row, before namesakes are resolved.
#[derive(Debug)]
pub(crate) struct FormerMember {
    pub(crate) bioguide: String,
    /// `YYYY-MM-DD`, or empty.
    pub(crate) birthday: String,
    pub(crate) person: Person,
}

impl FormerMember {
    /// The member is an official of `us-executive.toml`: a president or
    /// vice president, or a member born in 1935 or later whose name (or the
    /// name without middle initials or suffix: "Kristi Noem" for "Kristi L.
    /// Noem") is a form of a senior official (one with titles: a Senate-confirmed,
    /// presidential or White House post, or an agency's leadership;
    /// `senior_forms` are their keys). A former member of Congress who
    /// joins the executive branch takes such a post; a staff post of the
    /// same name is a namesake's. The entry of `us-executive.toml` is kept;
    /// the member is left out.
    pub(crate) fn left_to_executive(
        &self,
        presidents: &HashSet<String>,
        senior_forms: &HashSet<String>,
    ) -> bool {
        presidents.contains(&self.bioguide)
            || (self.birthday.as_str() >= SAME_PERSON_BORN
                && std::iter::once(&self.person.name)
                    .chain(&short_forms(&self.person.name))
                    .any(|f| senior_forms.contains(&key(f))))
    }
}

/// Every former member of `legislators-historical.csv`, and who has which
/// form (name, aliases, fuller name): what the dictionaries built before
/// this one need to list their namesakes' forms as ambiguous.
#[derive(Debug, Default)]
pub(crate) struct FormerMembers {
    members: Vec<FormerMember>,
    /// Form key -> members (indices).
    forms: HashMap<String, Vec<usize>>,
}

impl FormerMembers {
    /// Read `legislators-historical.csv`.
    pub(crate) fn parse(csv_text: &str) -> Result<Self> {
        let mut members = Vec::new();
        let mut forms: HashMap<String, Vec<usize>> = HashMap::new();
        let rows = rows::<Row>(csv_text, "legislators-historical.csv")?;
        let recent = served_since_1990(&rows);
        for (i, row) in rows.into_iter().enumerate() {
            let mut person = person(&row, i)?;
            person.prominence = Some(former(recent[i]));
            let mut seen = HashSet::new();
            for f in person.forms().chain(&person.alt_name) {
                if seen.insert(key(f)) {
                    forms.entry(key(f)).or_default().push(members.len());
                }
            }
            members.push(FormerMember {
                bioguide: row.bioguide_id,
                birthday: row.birthday,
                person,
            });
        }
        Ok(FormerMembers { members, forms })
    }

    /// Every member, in the order of the file.
    pub(crate) fn into_members(self) -> Vec<FormerMember> {
        self.members
    }

    /// The members that have the form.
    pub(crate) fn holders(&self, form: &str) -> Vec<&FormerMember> {
        self.forms
            .get(&key(form))
            .into_iter()
            .flatten()
            .map(|&i| &self.members[i])
            .collect()
    }
}

/// Which members served in 1990 or later, for their prominence (a former
/// member of 1990 on is [`MINOR`](crate::prominence::MINOR), one before
/// [`HISTORICAL`](crate::prominence::HISTORICAL)).
///
/// The file gives no dates, but it lists the members in the order their
/// last term began, one start's members in alphabetical order (as
/// congress-legislators keeps them). The anchor is the first senator of
/// class 1 with an LIS id: the Senate gives those to the senators of the
/// 101st Congress (1989–91) and later, and a class-1 term that reached 1989
/// began in January 1989. So every member from the start of the anchor's
/// alphabetical run on began a last term in January 1989 or later, and
/// served in 1990; so did every senator with an LIS id (their terms of 1985
/// and 1987 ran into the 1990s). The few who left during 1989 (deaths,
/// resignations) count as recent too. Tied to
/// [`RECENT_FROM`](crate::prominence::RECENT_FROM): the anchor finds 1989.
fn served_since_1990(rows: &[Row]) -> Vec<bool> {
    let anchor = rows
        .iter()
        .position(|r| r.kind == "sen" && r.senate_class.trim() == "1" && !r.lis_id.trim().is_empty());
    let start = anchor.map_or(rows.len(), |mut start| {
        let name = |r: &Row| key(&r.last_name);
        while start > 0 && name(&rows[start - 1]) <= name(&rows[start]) {
            start -= 1;
        }
        start
    });
    rows.iter()
        .enumerate()
        .map(|(i, r)| i >= start || !r.lis_id.trim().is_empty())
        .collect()
}

/// List under `ambiguous`, for each person, the forms that a former member
/// who is another person (not `same`) has too, so that
/// `us-congress-former.toml` can keep them as well. Returns how many persons
/// have such a form.
pub(crate) fn offer_namesakes(
    persons: &mut [Person],
    former: &FormerMembers,
    same: impl Fn(&Person, &FormerMember) -> bool,
) -> usize {
    let mut count = 0;
    for p in persons {
        let forms: Vec<String> = p.forms().cloned().collect();
        let shared = ambiguous_forms(&forms, |f| former.holders(f).iter().any(|m| !same(p, m)));
        if shared.is_empty() {
            continue;
        }
        count += 1;
        for f in shared {
            if !p.ambiguous.iter().any(|a| key(a) == key(&f)) {
                p.ambiguous.push(f);
            }
        }
    }
    count
}

/// The header comment's count of the persons with a form that a former
/// member of Congress also has (`who`: "Persons", "Members"); nothing when
/// there is none.
pub(crate) fn write_offered(out: &mut String, who: &str, count: usize) {
    if count > 0 {
        writeln!(
            out,
            "#\n# {who} with a form that a former member of Congress, another person, has too\n\
             # (listed under `ambiguous`, as us-congress-former.toml lists it): {count}"
        )
        .unwrap();
    }
}

/// The person of one row of `legislators-historical.csv`, before namesakes
/// are resolved.
fn person(row: &Row, index: usize) -> Result<Person> {
    let (first, paren_nick) = split_nickname(&row.first_name);
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

    let born = match row.birthday.get(..4) {
        Some(year) if year.chars().all(|c| c.is_ascii_digit()) => format!(", born {year}"),
        _ => String::new(),
    };
    let tail = match row.party.trim() {
        "" | "Unknown" => born,
        p => format!(" ({p}){born}"),
    };
    let gender = Some(row.gender.as_str()).filter(|g| !g.is_empty());
    let district = row.district.trim().parse::<i64>().ok();
    let (titles, description) =
        member_titles(&row.kind, &row.state, district, gender, true, &tail).with_context(|| name.clone())?;

    Ok(Person {
        id: String::new(),
        family_name: family_name(&name, last),
        name,
        aliases,
        titles: titles.into_iter().map(str::to_owned).collect(),
        description,
        rank: (0, index as u64),
        disambiguator: row.state.to_ascii_lowercase(),
        tiebreak: row.bioguide_id.to_ascii_lowercase(),
        alt_name,
        ..Person::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows in the order of the file: by the start of the last term, one
    /// start's members in alphabetical order.
    const HISTORICAL: &str = "last_name,first_name,middle_name,suffix,nickname,full_name,birthday,gender,type,state,district,senate_class,party,lis_id,bioguide_id
Webster,Daniel,,,,,1782-01-18,M,sen,MA,,1,Whig,,W000238
Smith,John,,,,,1800-01-01,M,rep,CT,1,,Whig,,S999990
Zorinsky,Edward,,,,,1928-11-11,M,sen,NE,,1,Democrat,,Z000010
Armstrong,William,L.,,,,1937-03-16,M,sen,CO,,2,Republican,S134,A000201
Wortley,George,C.,,,,1926-12-08,M,rep,NY,32,,Republican,,W000770
Bates,Jim,,,,,1941-07-21,M,rep,CA,44,,Democrat,,B000213
Bentsen,Lloyd,M.,Jr.,,,1921-02-11,M,sen,TX,,1,Democrat,S009,B000401
Pepper,Claude,D.,,,,1900-09-08,M,rep,FL,18,,Democrat,,P000208
Kennedy,Mark,R.,,,,1957-04-11,M,rep,MN,6,,Republican,,K000362
";

    #[test]
    fn former_members_by_when_they_served() {
        let members = FormerMembers::parse(HISTORICAL).unwrap().into_members();
        let levels: Vec<(&str, Option<u8>)> = members
            .iter()
            .map(|m| (m.person.name.as_str(), m.person.prominence))
            .collect();
        assert_eq!(
            levels,
            [
                // A member of the 19th century.
                ("Daniel Webster", Some(0)),
                ("John Smith", Some(0)),
                // Left in 1987.
                ("Edward Zorinsky", Some(0)),
                // A senator of the 101st Congress (1989–91): an LIS id.
                ("William Armstrong", Some(1)),
                // Left in January 1989.
                ("George Wortley", Some(0)),
                // The 101st Congress's members, from the start of the
                // anchor's alphabetical run (Lloyd Bentsen: class 1, LIS).
                ("Jim Bates", Some(1)),
                ("Lloyd Bentsen, Jr.", Some(1)),
                ("Claude Pepper", Some(1)),
                // Served until 2007.
                ("Mark Kennedy", Some(1)),
            ]
        );
    }

    #[test]
    fn without_the_anchor_nobody_is_recent() {
        let first_rows: String = HISTORICAL.lines().take(6).map(|l| format!("{l}\n")).collect();
        let members = FormerMembers::parse(&first_rows).unwrap().into_members();
        let recent: Vec<bool> = members.iter().map(|m| m.person.prominence == Some(1)).collect();
        // Only the senator with an LIS id.
        assert_eq!(recent, [false, false, false, true, false]);
    }
}
