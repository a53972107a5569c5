//! `dictgen us-officials`: holders of senior US posts since the
//! 1960s, from Wikidata, into `dictionaries/us-officials.toml`.
//!
//! Sources (under the data checkout, see its `SOURCES.md`), all Wikidata
//! query output (CC0) collected by every-politician-scrapers/us-cabinet:
//!
//! - `us-officials-wikidata/us_holders21.csv`: holders of about 300 posts
//!   (cabinet and deputy secretaries, White House staff, the Joint Chiefs,
//!   Supreme Court justices, ambassadors, state governors, lieutenant
//!   governors and secretaries of state), with their terms;
//! - `us-officials-wikidata/us_offices_wikidata.csv`: more holders of federal
//!   posts (deputy secretaries, FBI directors, Fed chairs, ambassadors to the
//!   UN and to a few countries, every Supreme Court justice since 1789). Its
//!   rows of three state legislatures (Arizona, Colorado, Montana) are left
//!   out: a sample of three states, not a list of state officials;
//! - `us-officials-wikidata/us_bio.csv`: the label and year of birth of each
//!   person.
//!
//! The data stops in 2022; the descriptions give each post with its years
//! ("Director of the FBI (2001–2013)"), newest first. One person per
//! Wikidata item; the other labels it has in the files are aliases.
//!
//! `prominence` ([`prominence`]): a governor, a state officer or a justice
//! in office in 2022 is 2; a federal official of 2022, or one whose last
//! post ended in 1990 or later, 1; before, 0.
//!
//! This dictionary comes after `us-executive.toml` in the build order: a
//! person whose name that one (or another before
//! it) holds is left to it. A form that a former member of Congress has
//! too is listed under `ambiguous` unless the member was born in the same
//! year: the same person (Hillary Clinton), whom `us-congress-former.toml`
//! then leaves to this dictionary, and whose description here adds what the
//! member's would have said ("Former U.S. Senator from New York").

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use anyhow::{Result, bail};
use copydesk::words::form_words;
use serde::Deserialize;

use crate::former_members::{FormerMember, FormerMembers, offer_namesakes};
use crate::forms::key;
use crate::legislators::HISTORICAL_FILE;
use crate::person::{Log, Person, resolve, short_forms, write_persons};
use crate::pipeline::Pipeline;
use crate::prominence::{DEFAULT, MINOR, former_by_year};
use crate::reserved::Reserved;
use crate::table::rows;
use crate::toml_out::write_meta;
use crate::wikidata::{HOLDERS_FILE, OFFICES_FILE, Term, read_terms, roles};

/// The command that regenerates `dictionaries/us-officials.toml`.
const COMMAND: &str = "cargo run --release -p dictgen -- us-officials \
     --data ../shared/data --output dictionaries/us-officials.toml";

/// `[meta] name`.
const NAME: &str = "US officials (Wikidata)";

/// The licence of the data.
const LICENCE: &str = "CC0-1.0 (Wikidata)";

/// The label and year of birth of each person, under the data checkout.
const BIO_FILE: &str = "us-officials-wikidata/us_bio.csv";

/// `[meta] source`.
const SOURCE: &str = "Wikidata, via every-politician-scrapers/us-cabinet \
     (https://github.com/every-politician-scrapers/us-cabinet) at commit \
     0d5e73cb24ba9f78bc36f6cd0fbe9839e6cd8600: us_holders21.csv, us_bio.csv, and the \
     wikidata.csv files of its sources/ folders (us_offices_wikidata.csv)";

/// `[meta] as-of`: the date of the snapshot.
const AS_OF: &str = "2022-08-03";

#[derive(Debug, Deserialize)]
struct BioRow {
    id: String,
    name: String,
    dob: String,
}

/// The TOML text of `dictionaries/us-officials.toml`, built from the data
/// checkout next to the dictionaries before it.
pub(crate) fn generate(p: &Pipeline) -> Result<String> {
    let former = FormerMembers::parse(&p.read(HISTORICAL_FILE)?)?;
    us_officials(
        &p.read(HOLDERS_FILE)?,
        &p.read(OFFICES_FILE)?,
        &p.read(BIO_FILE)?,
        &p.reserved("us-officials")?,
        &former,
    )
}

fn us_officials(
    holders: &str,
    offices: &str,
    bio: &str,
    reserved: &Reserved,
    former: &FormerMembers,
) -> Result<String> {
    let mut bios: HashMap<String, (String, String)> = HashMap::new();
    for r in rows::<BioRow>(bio, BIO_FILE)? {
        let year = r.dob.get(..4).filter(|y| y.chars().all(|c| c.is_ascii_digit()));
        bios.insert(r.id, (r.name, year.unwrap_or_default().to_owned()));
    }

    // QID -> labels (in order) and terms.
    let mut people: BTreeMap<String, (Vec<String>, Vec<Term>)> = BTreeMap::new();
    read_terms(holders, offices, |qid, label, term| {
        let entry = people.entry(qid.to_owned()).or_default();
        if !entry.0.iter().any(|l| key(l) == key(&label)) {
            entry.0.push(label);
        }
        if !entry.1.contains(&term) {
            entry.1.push(term);
        }
    })?;
    if people.is_empty() {
        bail!("the data names nobody");
    }

    let mut unusable = Vec::new();
    let mut persons = Vec::new();
    let mut born: HashMap<String, String> = HashMap::new();
    for (qid, (mut labels, mut terms)) in people {
        // The label of us_bio.csv first: the item's English label.
        if let Some((label, _)) = bios.get(&qid)
            && let Some(i) = labels.iter().position(|l| key(l) == key(label))
        {
            let label = labels.remove(i);
            labels.insert(0, label);
        }
        labels.retain(|l| usable(l));
        let Some(name) = labels.first().cloned() else {
            unusable.push(qid);
            continue;
        };
        // The same post held twice in a row with one term each: one span.
        terms.sort_by(|a, b| b.cmp(a));
        let mut posts: Vec<(String, Vec<String>)> = Vec::new();
        for t in &terms {
            let years = match (t.start.as_str(), t.end.as_str()) {
                (s, "") => format!("{s}–"),
                (s, e) if s == e => s.to_owned(),
                (s, e) => format!("{s}–{e}"),
            };
            match posts.iter_mut().find(|(p, _)| *p == t.post) {
                // Two terms of one post in the same years (two dates the
                // data gives): one span.
                Some((_, spans)) if spans.contains(&years) => {}
                Some((_, spans)) => spans.push(years),
                None => posts.push((t.post.clone(), vec![years])),
            }
        }
        let more = posts.len().saturating_sub(3);
        let mut description = posts
            .iter()
            .take(3)
            .map(|(post, spans)| format!("{post} ({})", spans.join(", ")))
            .collect::<Vec<_>>()
            .join("; ");
        if more > 0 {
            write!(description, "; and {more} more").unwrap();
        }
        let mut aliases: Vec<String> = labels[1..].to_vec();
        for l in &labels {
            aliases.extend(short_forms(l));
        }
        let year = bios.get(&qid).map(|(_, y)| y.clone()).unwrap_or_default();
        born.insert(qid.to_ascii_lowercase(), year);
        persons.push(Person {
            name,
            aliases,
            roles: roles(&terms),
            description,
            prominence: Some(prominence(&terms)),
            disambiguator: qid.to_ascii_lowercase(),
            tiebreak: qid.to_ascii_lowercase(),
            ..Person::default()
        });
    }
    let read = persons.len();

    // The same person as a former member: born the same year, with a form
    // in common. The description says what the member was, and the
    // member's forms are aliases (so that us-congress-former.toml, which
    // comes later, leaves the member to this dictionary).
    let same = |p: &Person, m: &FormerMember| {
        born.get(&p.tiebreak)
            .is_some_and(|y| !y.is_empty() && m.birthday.starts_with(y.as_str()))
    };
    for p in &mut persons {
        let forms: Vec<String> = p.forms().cloned().collect();
        let mut members: Vec<&FormerMember> = Vec::new();
        for f in &forms {
            for m in former.holders(f) {
                if same(p, m) && !members.iter().any(|x| x.bioguide == m.bioguide) {
                    members.push(m);
                }
            }
        }
        for m in members {
            write!(p.description, "; {}", m.person.description).unwrap();
            p.aliases.extend(m.person.forms().cloned());
        }
    }

    let mut log = Log::default();
    let mut persons = resolve(persons, reserved, &mut log)?;
    let offered = offer_namesakes(&mut persons, former, same);

    let mut out = String::new();
    out.push_str(
        "# US officials: holders of senior federal posts, governors and Supreme Court justices\n\
         # (Wikidata, 2022). Generated by `dictgen us-officials`; do not edit by\n\
         # hand. To regenerate:\n",
    );
    writeln!(out, "#   {COMMAND}").unwrap();
    writeln!(
        out,
        "#\n# {read} persons read (one per Wikidata item), {} written. Left out: the state\n\
         # legislators of us_offices_wikidata.csv (Arizona, Colorado, Montana), and {} items\n\
         # without a usable label (a single word, or not in Latin script).",
        persons.len(),
        unusable.len()
    )
    .unwrap();
    log.comment(&mut out, "Persons");
    if offered > 0 {
        writeln!(
            out,
            "#\n# Persons with a form that a former member of Congress, another person (born in\n\
             # another year), has too (listed under `ambiguous`, as us-congress-former.toml\n\
             # lists it): {offered}"
        )
        .unwrap();
    }
    write_meta(&mut out, NAME, SOURCE, LICENCE, AS_OF, COMMAND);
    write_persons(&mut out, &persons);
    Ok(out)
}

/// The prominence of a person of the 2022 lists. A state post or a seat on
/// the Supreme Court held in 2022 is taken as held still ([`DEFAULT`]): no
/// newer list names their holders. A federal post held in 2022 is taken as
/// left since: the federal officials of 2025 are in `us-executive.toml`,
/// which holds this person's name if they were among them, so a former
/// holder ([`MINOR`]). Otherwise by the year the last term ended.
fn prominence(terms: &[Term]) -> u8 {
    let open = |t: &&Term| t.end.is_empty();
    if terms.iter().filter(open).any(|t| lasting_post(&t.post)) {
        DEFAULT
    } else if terms.iter().any(|t| open(&t)) {
        MINOR
    } else {
        former_by_year(terms.iter().filter_map(|t| t.end.parse().ok()).max())
    }
}

/// A post no newer source covers: a state's governor, lieutenant governor
/// or secretary of state, a justice of the Supreme Court.
fn lasting_post(post: &str) -> bool {
    [
        "Governor of ",
        "Lieutenant Governor of ",
        "Secretary of State of ",
    ]
    .iter()
    .any(|p| post.starts_with(p))
        || post == "Justice of the Supreme Court"
        || post == "Chief Justice of the United States"
}

/// A label that can be a name: two words or more, Latin script, no bare
/// Wikidata id, no parentheses.
fn usable(label: &str) -> bool {
    form_words(label).len() >= 2
        && !label.contains(['(', ')'])
        && label
            .chars()
            .all(|c| !c.is_alphabetic() || (c as u32) < 0x250 || (0x1E00..=0x1EFF).contains(&(c as u32)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prominence::HISTORICAL;
    use crate::testing::{assert_loads, entities, reserved};

    #[test]
    fn prominence_by_post_and_term() {
        let term = |post: &str, start: &str, end: &str| Term {
            start: start.to_owned(),
            end: end.to_owned(),
            post: post.to_owned(),
            from: None,
            to: None,
        };
        // In office in 2022: a governor or a justice is in office still.
        assert_eq!(prominence(&[term("Governor of New York", "2021", "")]), DEFAULT);
        assert_eq!(
            prominence(&[term("Justice of the Supreme Court", "2022", "")]),
            DEFAULT
        );
        // A federal post of 2022 has changed hands since (us-executive.toml
        // holds those of 2025).
        assert_eq!(
            prominence(&[
                term("Deputy Secretary of State", "2015", "2017"),
                term("Secretary of State", "2021", "")
            ]),
            MINOR
        );
        // Out of office: in 1990 or later, before.
        assert_eq!(prominence(&[term("Secretary of State", "2009", "2013")]), MINOR);
        assert_eq!(
            prominence(&[term("Justice of the Supreme Court", "1970", "1986")]),
            HISTORICAL
        );
    }

    #[test]
    fn labels() {
        assert!(usable("Robert Mueller") && !usable("Q123") && !usable("Cher"));
    }

    const HOLDERS: &str = "position,person,personID,start,end
Deputy Attorney General,Robert Mueller,Q715156,2001-01-20,2001-05-10
Director of the FBI,Robert Mueller,Q715156,2001-09-04,2013-09-04
Secretary of State,Hillary Clinton,Q6294,2009-01-21,2013-02-01
Secretary of State,Antony Blinken,Q7821917,2021-01-26,
";

    const OFFICES: &str = "source_key,position_qid,office_title,person_qid,name,start,end
fbi-director,Q1057168,Director of the Federal Bureau of Investigation,Q715156,Robert S. Mueller III,2001-09-04,2013-09-04
AZ-reps-53,Q17486298,53rd Arizona State Legislature,Q15526725,Paul Boyer,2013-01-14,2019-01-14
";

    const BIO: &str = "id,name,gender,dob,dobp,dod,dodp,image,enwiki
Q715156,Robert Mueller,male,1944-08-07,11,,,,
Q6294,Hillary Clinton,female,1947-10-26,11,,,,
";

    #[test]
    fn us_officials_writes_the_expected_toml() {
        let reserved = reserved(&[(
            "us-executive.toml",
            "[[entity]]\nid = \"antony-blinken\"\nkind = \"person\"\nname = \"Antony Blinken\"\n",
        )]);
        let former = FormerMembers::parse(
            "last_name,first_name,middle_name,suffix,nickname,full_name,birthday,gender,type,state,district,senate_class,party,bioguide_id\n\
             Clinton,Hillary,Rodham,,,Hillary Rodham Clinton,1947-10-26,F,sen,NY,,1,Democrat,C001041\n\
             Mueller,Robert,,,,,1850-01-01,M,rep,OH,1,,Whig,M999999\n",
        )
        .unwrap();
        let toml = us_officials(HOLDERS, OFFICES, BIO, &reserved, &former).unwrap();
        let expected = r#"
[[entity]]
id = "hillary-clinton"
kind = "person"
name = "Hillary Clinton"
aliases = ["Hillary Rodham Clinton", "Hillary R. Clinton"]
roles = [
  { title = "Secretary of State", from = "2009-01-21", to = "2013-02-01" },
]
description = "Secretary of State (2009–2013); Former U.S. Senator from New York (Democrat), born 1947"
prominence = 1

[[entity]]
id = "robert-mueller"
kind = "person"
name = "Robert Mueller"
aliases = ["Robert S. Mueller III", "Robert S. Mueller", "Robert Mueller III"]
roles = [
  { title = "Deputy Attorney General", from = "2001-01-20", to = "2001-05-10" },
  { title = "Director of the Federal Bureau of Investigation", from = "2001-09-04", to = "2013-09-04" },
]
ambiguous = ["Robert Mueller"]
description = "Director of the Federal Bureau of Investigation (2001–2013); Deputy Attorney General (2001)"
prominence = 1
"#;
        assert_eq!(entities(&toml), expected);
        assert!(
            toml.contains("#   \"Antony Blinken\" (us-executive.toml: antony-blinken)"),
            "{toml}"
        );
        assert_loads(&[("us-officials.toml", &toml)]);
    }
}
