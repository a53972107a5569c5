//! Person entities of the generated dictionaries ([`Person`]): the forms a
//! written name gives (short forms, the family name, nicknames that begin
//! a given name), the dated offices, and how namesakes are resolved against
//! the dictionaries a generated one is loaded with ([`resolve`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use anyhow::{Result, bail};
use copydesk::entity::{Date, Role, is_name_suffix, slug};
use copydesk::words::form_words;
use copydesk::{Entity, EntityKind};
use serde::Deserialize;

use crate::casing::capitalize;
use crate::forms::{is_initial, key, strip_suffix, unique_forms};
use crate::reserved::{Reserved, ambiguous_forms};
use crate::table::rows;
use crate::toml_out::{write_comment_section, write_entity};

/// How a person outranks a namesake for the choice of a record's name:
/// presidents and vice presidents first, then the newer source, then the
/// later record.
pub(crate) type Rank = (u8, u64);

/// One person entity of a generated dictionary.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Person {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) aliases: Vec<String>,
    pub(crate) family_name: Option<String>,
    pub(crate) titles: Vec<String>,
    /// Offices held, with their dates where the sources give them.
    pub(crate) roles: Vec<Role>,
    /// Forms this person shares with another (filled by [`resolve`], or
    /// given by the generator for the namesakes of a later dictionary).
    pub(crate) ambiguous: Vec<String>,
    pub(crate) description: String,
    /// How likely a story is to name the person (see [`crate::prominence`]).
    pub(crate) prominence: Option<u8>,
    /// Which of two records of one person names it.
    pub(crate) rank: Rank,
    /// Appended to the id when two names give the same slug (a state, an
    /// agency, a country).
    pub(crate) disambiguator: String,
    /// Appended after the disambiguator when that is not enough (two
    /// namesakes of one state): a stable record id such as a bioguide id.
    pub(crate) tiebreak: String,
    /// A fuller name ("Charles N. Wilson") to use instead of `name` where
    /// that is another person's.
    pub(crate) alt_name: Option<String>,
}

impl Person {
    /// Take the fuller name; the old one stays as an alias (shared or
    /// dropped later where another person has it).
    fn rename(&mut self, name: String) {
        let old = std::mem::replace(&mut self.name, name);
        self.aliases.insert(0, old);
        self.tidy();
    }

    /// Aliases without repeats and without the name itself.
    pub(crate) fn tidy(&mut self) {
        self.aliases.retain(unique_forms(&self.name));
        let mut titles = HashSet::new();
        self.titles.retain(|t| titles.insert(key(t)));
    }

    /// The entity the person writes.
    pub(crate) fn entity(&self) -> Entity {
        let mut e = Entity::new(EntityKind::Person, self.name.clone());
        e.id.clone_from(&self.id);
        e.aliases.clone_from(&self.aliases);
        e.family_name.clone_from(&self.family_name);
        e.titles.clone_from(&self.titles);
        e.roles.clone_from(&self.roles);
        e.ambiguous.clone_from(&self.ambiguous);
        e.description = Some(self.description.clone());
        e.prominence = self.prominence;
        e
    }

    /// The name and the aliases.
    pub(crate) fn forms(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name).chain(&self.aliases)
    }
}

/// What [`resolve`] did, for the header comment of the file.
#[derive(Debug, Default)]
pub(crate) struct Log {
    /// "Name (holder)": persons whose name another dictionary holds.
    pub(crate) skipped: Vec<String>,
    /// "Alias (person id; holder)": aliases another dictionary holds.
    pub(crate) external_aliases: Vec<String>,
    /// "Name -> fuller name": persons named by their middle initial too,
    /// because another person has their name.
    pub(crate) renamed: Vec<String>,
    /// Names two persons of the dictionary share.
    pub(crate) shared_names: usize,
    /// Other forms two persons of the dictionary share.
    pub(crate) shared_aliases: usize,
    /// Forms shared with an entity of another dictionary that lists them
    /// under `ambiguous`.
    pub(crate) shared_external: usize,
}

impl Log {
    /// The log as comment lines; `who` are the persons of the dictionary
    /// ("Persons", "Members").
    pub(crate) fn comment(&self, out: &mut String, who: &str) {
        write_comment_section(
            out,
            "Named with the middle initial because another person has the shorter name",
            &self.renamed,
        );
        write_comment_section(
            out,
            &format!("{who} left out because a dictionary built before this one holds their name"),
            &self.skipped,
        );
        write_comment_section(
            out,
            "Aliases left out because another dictionary holds them",
            &self.external_aliases,
        );
        let shared = [
            (
                self.shared_names,
                "names that two persons or more of this dictionary share",
            ),
            (
                self.shared_aliases,
                "other forms that two persons or more of this dictionary share",
            ),
            (
                self.shared_external,
                "forms shared with an entity of another dictionary that lists them as ambiguous too",
            ),
        ];
        if shared.iter().any(|(n, _)| *n > 0) {
            out.push_str(
                "#\n# Namesakes are kept, each told apart by its description; every form two\n\
                 # persons share is listed under `ambiguous` by each of them:\n",
            );
            for (n, what) in shared.iter().filter(|(n, _)| *n > 0) {
                writeln!(out, "#   {n} {what}").unwrap();
            }
        }
    }
}

/// Make the persons a valid dictionary next to `reserved`:
///
/// - a person whose name another dictionary holds (and does not share) is
///   left out: the dictionaries before list as ambiguous the forms they
///   share with another person, so this is the same person; an alias
///   another dictionary holds is dropped;
/// - namesakes in the dictionary: each takes its fuller name where it has
///   one; those still sharing a name are all kept;
/// - every form two persons share, or that another dictionary shares, is
///   listed under `ambiguous` by each person that has it;
/// - ids are the slugs of the names, with the disambiguator (and then the
///   tiebreak) appended where two would be equal or the id is taken.
///
/// Sorted by id.
pub(crate) fn resolve(mut persons: Vec<Person>, reserved: &Reserved, log: &mut Log) -> Result<Vec<Person>> {
    for p in &mut persons {
        p.tidy();
    }
    // A name another dictionary holds and does not share: the same person
    // (every person dictionary before lists its namesakes' forms as
    // ambiguous), left to it.
    persons.retain(|p| match reserved.taken(&p.name) {
        Some(holder) => {
            log.skipped.push(format!("\"{}\" ({})", p.name, holder.label));
            false
        }
        None => true,
    });
    for p in &mut persons {
        let id = slug(&p.name);
        p.aliases.retain(|a| match reserved.taken(a) {
            Some(holder) => {
                log.external_aliases
                    .push(format!("\"{a}\" ({id}; {})", holder.label));
                false
            }
            None => true,
        });
    }

    // Namesakes: each by the fuller name where there is one.
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, p) in persons.iter().enumerate() {
        by_name.entry(key(&p.name)).or_default().push(i);
    }
    for owners in by_name.values().filter(|o| o.len() > 1) {
        for &i in owners {
            if let Some(alt) = persons[i].alt_name.take()
                && reserved.taken(&alt).is_none()
            {
                let others: Vec<String> = owners
                    .iter()
                    .filter(|&&j| j != i)
                    .map(|&j| persons[j].description.clone())
                    .collect();
                log.renamed.push(format!(
                    "\"{}\" -> \"{alt}\" (also: {})",
                    persons[i].name,
                    others.join("; ")
                ));
                persons[i].rename(alt);
            }
        }
    }

    // Ids.
    let mut slugs: HashMap<String, usize> = HashMap::new();
    for p in &persons {
        *slugs.entry(slug(&p.name)).or_default() += 1;
    }
    for p in &mut persons {
        let base = slug(&p.name);
        p.id = if slugs[&base] > 1 || reserved.id(&base).is_some() {
            format!("{base}-{}", slug(&p.disambiguator))
        } else {
            base
        };
    }
    let mut ids: HashMap<String, usize> = HashMap::new();
    for p in &persons {
        *ids.entry(p.id.clone()).or_default() += 1;
    }
    for p in &mut persons {
        if ids[&p.id] > 1 || reserved.id(&p.id).is_some() {
            p.id = format!("{}-{}", p.id, slug(&p.tiebreak));
        }
    }
    persons.sort_by(|a, b| a.id.cmp(&b.id));
    for pair in persons.windows(2) {
        if pair[0].id == pair[1].id {
            bail!("two persons share the id `{}`", pair[0].id);
        }
    }
    if let Some(p) = persons.iter().find(|p| reserved.id(&p.id).is_some()) {
        bail!("the id `{}` is taken by another dictionary", p.id);
    }

    // Forms two persons share, or another dictionary shares: ambiguous.
    let mut claims: HashMap<String, usize> = HashMap::new();
    for p in &persons {
        let mut seen = HashSet::new();
        for f in p.forms() {
            if seen.insert(key(f)) {
                *claims.entry(key(f)).or_default() += 1;
            }
        }
    }
    let mut counted = HashSet::new();
    for p in &mut persons {
        let name_key = key(&p.name);
        let forms: Vec<String> = p.forms().cloned().collect();
        let shared = |f: &str| claims[&key(f)] > 1 || reserved.shared(f);
        for f in ambiguous_forms(&forms, shared) {
            let k = key(&f);
            if counted.insert(k.clone()) {
                if reserved.shared(&f) {
                    log.shared_external += 1;
                } else if k == name_key {
                    log.shared_names += 1;
                } else {
                    log.shared_aliases += 1;
                }
            }
            if !p.ambiguous.iter().any(|a| key(a) == k) {
                p.ambiguous.push(f);
            }
        }
    }
    Ok(persons)
}

/// The `[[entity]]` tables of the persons.
pub(crate) fn write_persons(out: &mut String, persons: &[Person]) {
    for p in persons {
        write_entity(out, &p.entity());
    }
}

/// The family name copydesk takes by default, folded: the last word of the
/// name, suffixes skipped. A generator writes `family-name` only where it
/// differs.
pub(crate) fn default_family_name(name: &str) -> Vec<String> {
    name.split_whitespace()
        .rev()
        .find(|w| !is_name_suffix(w))
        .map(form_words)
        .unwrap_or_default()
}

/// `family-name` where the last name is not what copydesk takes by default
/// ([`default_family_name`]) and every word of it is in the name.
pub(crate) fn family_name(name: &str, last: &str) -> Option<String> {
    let name_words = form_words(name);
    let default_family = default_family_name(name);
    let last_words = form_words(last);
    if last_words.is_empty()
        || last_words == default_family
        || !last_words.iter().all(|w| name_words.contains(w))
    {
        None
    } else {
        Some(last.trim().to_owned())
    }
}

/// The usual short forms of a written name: without middle initials, without
/// the suffix, and both.
pub(crate) fn short_forms(name: &str) -> Vec<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !(w.starts_with('"') && w.ends_with('"') && w.len() > 1))
        .collect();
    let no_initials: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || !is_initial(w))
        .map(|(_, w)| *w)
        .collect();
    vec![
        words.join(" "),
        strip_suffix(&words).join(" "),
        no_initials.join(" "),
        strip_suffix(&no_initials).join(" "),
    ]
}

/// Short forms of given names that are their beginning ("Pete" of "Peter",
/// "Chris" of "Christopher"): the ones a reader writes and the fuzzy matcher
/// would otherwise take for a misspelling. Other nicknames ("Bill" of
/// "William") are too far from the name to be flagged and are left out.
#[derive(Debug, Default)]
pub(crate) struct Nicknames(HashMap<String, Vec<String>>);

impl Nicknames {
    /// Read `nicknames/names.csv` (`name1,relationship,name2`).
    pub(crate) fn parse(text: &str) -> Result<Self> {
        #[derive(Deserialize)]
        struct Row {
            name1: String,
            relationship: String,
            name2: String,
        }
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for row in rows::<Row>(text, "nicknames/names.csv")? {
            let (name, nick) = (row.name1.to_lowercase(), row.name2.to_lowercase());
            if row.relationship == "has_nickname"
                && nick.len() >= 3
                && nick.len() < name.len()
                && name.starts_with(&nick)
            {
                let list = map.entry(name).or_default();
                if !list.contains(&nick) {
                    list.push(nick);
                }
            }
        }
        for list in map.values_mut() {
            list.sort();
        }
        Ok(Nicknames(map))
    }

    /// "Peter Hegseth" -> ["Pete Hegseth"]: the form with each short form of
    /// its first word, for names of two words or more whose first word is a
    /// full given name.
    pub(crate) fn short_forms(&self, name: &str) -> Vec<String> {
        let Some((first, rest)) = name.split_once(' ') else {
            return Vec::new();
        };
        let Some(nicks) = self.0.get(&first.to_lowercase()) else {
            return Vec::new();
        };
        nicks
            .iter()
            .map(|n| format!("{} {rest}", capitalize(n)))
            .collect()
    }
}

/// Add a term to a list of roles, sorted by start: a term of the same office
/// that begins within a month of the end of the last one extends it (the
/// House's two-year terms are one role). `to` is left out for a term that
/// ends after `as_of`, the date of the data: it is held still.
pub(crate) fn add_term(
    roles: &mut Vec<Role>,
    title: &str,
    org: Option<&str>,
    from: &str,
    to: Option<&str>,
    as_of: &str,
) {
    let from = Date::parse_partial(from);
    let to = to.filter(|t| *t <= as_of).and_then(Date::parse_partial);
    if let Some(last) = roles.last_mut()
        && last.title == title
        && last.org.as_deref() == org
        && let (Some(end), Some(start)) = (last.to, from)
        && days_between(end.latest(), start.earliest()) <= 31
    {
        last.to = to;
        return;
    }
    roles.push(Role {
        title: title.to_owned(),
        org: org.map(str::to_owned),
        from,
        to,
    });
}

/// Days from `a` to `b` (negative when `b` is earlier), by a plain count.
fn days_between(a: Date, b: Date) -> i64 {
    let days = |d: Date| {
        // Days since 0000-03-01, by the usual civil-calendar formula.
        let (y, m) = if d.month <= 2 {
            (i64::from(d.year) - 1, i64::from(d.month) + 12)
        } else {
            (i64::from(d.year), i64::from(d.month))
        };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + i64::from(d.day)
    };
    days(b) - days(a)
}
