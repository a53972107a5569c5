//! The dictionary generators: public data into dictionaries.
//!
//! A generator reads public data files and returns the TOML text of a
//! dictionary, deterministically: the same input always gives the same
//! bytes, so a regenerated file diffs cleanly.
//!
//! - [`congress`]: `legislators-current.yaml` of
//!   [unitedstates/congress-legislators](https://github.com/unitedstates/congress-legislators)
//!   into `dictionaries/us-congress.toml`.
//! - The generators of [`ORDER`], each in its own module, read the data
//!   checkout (`--data`). They are built in that order, each one loaded with
//!   the built-in `newsroom.toml` and `us-congress.toml` and with those
//!   before it ([`Pipeline`]); what they hold is a [`Reserved`].
//!
//! This module also holds what the generators share: the person entity and
//! how namesakes are resolved ([`Person`], [`resolve`]), the casing of names
//! written in capitals ([`name_case`]) and the TOML writers.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use copydesk::entity::{Date, Role, is_name_suffix, slug};
use copydesk::words::{folded, form_words};
use copydesk::{DictSource, Dictionary, Entity};
use serde::Deserialize;

use super::import_congress_former::FormerMembers;

// ---------------------------------------------------------------------------
// The generated dictionaries, and the order they are built in

/// A generator: the TOML text of one dictionary, from the data checkout and
/// the dictionaries built before it.
pub(super) type Generator = fn(&Pipeline) -> Result<String>;

/// The built-in dictionaries every generated one is loaded with, by name
/// and text: `newsroom.toml` is kept by hand, `us-congress.toml` is
/// generated from `--input` ([`congress`]). They are taken as the source
/// tree holds them.
pub(super) const BASE: [(&str, &str); 2] = [
    ("newsroom", include_str!("../../newsroom.toml")),
    ("us-congress", include_str!("../../us-congress.toml")),
];

/// The generated dictionaries, in the order they are built. Each one is
/// loaded with [`BASE`] and with every one before it, and gives way to them:
/// an entity whose name they hold is left out, and a form they hold is
/// dropped, unless every entity that holds it lists it under `ambiguous`
/// (it is shared on purpose: two people with one name, two bodies with one
/// abbreviation); then the new entity lists it there too. `us-congress-former` comes last because its namesakes are the
/// most numerous: every person dictionary before it (and `us-congress.toml`)
/// lists under `ambiguous` the forms it shares with another person who
/// served in Congress ([`FormerMembers`]).
pub(super) const ORDER: [(&str, Generator); 8] = [
    ("countries", super::import_countries::generate),
    ("us-agencies", super::import_agencies::generate),
    ("international-orgs", super::import_orgs::generate),
    ("us-executive", super::import_executive::generate),
    ("us-officials", super::import_us_officials::generate),
    ("world-leaders", super::import_world_leaders::generate),
    ("world-officials", super::import_world_officials::generate),
    ("us-congress-former", super::import_congress_former::generate),
];

/// The data checkout and the dictionaries built from it so far: building one
/// dictionary builds the ones before it in [`ORDER`], each once, in memory,
/// so that a generator's output depends on the data alone (and on [`BASE`]),
/// never on what the `dictionaries/` folder holds at the time.
pub(super) struct Pipeline {
    data: PathBuf,
    built: RefCell<HashMap<&'static str, String>>,
}

impl Pipeline {
    /// A pipeline over the data checkout (`../shared/data`).
    pub(super) fn new(data: &Path) -> Self {
        Pipeline {
            data: data.to_owned(),
            built: RefCell::default(),
        }
    }

    /// The text of the file `rel` under the data checkout.
    pub(super) fn read(&self, rel: &str) -> Result<String> {
        let path = self.data.join(rel);
        fs::read_to_string(&path).with_context(|| format!("failed to read {}", path.display()))
    }

    /// The TOML text of the generated dictionary `name` (as in [`ORDER`]).
    pub(super) fn dictionary(&self, name: &str) -> Result<String> {
        let Some(&(name, generate)) = ORDER.iter().find(|(n, _)| *n == name) else {
            bail!("no generator for `{name}`");
        };
        if let Some(text) = self.built.borrow().get(name) {
            return Ok(text.clone());
        }
        let text = generate(self).with_context(|| format!("failed to build {name}.toml"))?;
        self.built.borrow_mut().insert(name, text.clone());
        Ok(text)
    }

    /// The dictionaries `name` is loaded with and gives way to: [`BASE`] and
    /// the generated ones before it in [`ORDER`].
    pub(super) fn loaded_with(&self, name: &str) -> Result<Vec<DictSource>> {
        let mut sources: Vec<DictSource> = BASE
            .iter()
            .map(|&(base, text)| DictSource {
                name: format!("{base}.toml"),
                text: text.to_owned(),
            })
            .collect();
        for (earlier, _) in ORDER.iter().take_while(|(n, _)| *n != name) {
            sources.push(DictSource {
                name: format!("{earlier}.toml"),
                text: self.dictionary(earlier)?,
            });
        }
        Ok(sources)
    }

    /// What the dictionaries `name` is loaded with hold.
    pub(super) fn reserved(&self, name: &str) -> Result<Reserved> {
        Reserved::from_sources(&self.loaded_with(name)?)
    }
}

// ---------------------------------------------------------------------------
// What other dictionaries hold

/// The key two forms are compared by, as `copydesk dict check` does: their
/// folded words.
pub(super) fn key(form: &str) -> String {
    form_words(form).join(" ")
}

/// An entity of another dictionary that holds a form.
#[derive(Clone, Debug)]
pub(super) struct Holder {
    /// `file.toml: id`, for the header comments.
    pub(super) label: String,
    /// The entity lists the form under `ambiguous`, as a correct form: it
    /// shares it on purpose.
    pub(super) shares: bool,
}

/// The forms and ids of the dictionaries a generated one is loaded with.
#[derive(Debug)]
pub(super) struct Reserved {
    dict: Dictionary,
    /// Form key -> its holders.
    forms: HashMap<String, Vec<Holder>>,
    /// Id -> `file.toml: id`.
    ids: HashMap<String, String>,
}

impl Default for Reserved {
    fn default() -> Self {
        Reserved::from_sources(&[]).expect("no dictionary loads")
    }
}

impl Reserved {
    /// The forms and ids of some dictionaries (which must load together).
    pub(super) fn from_sources(sources: &[DictSource]) -> Result<Reserved> {
        let dict = Dictionary::load(sources)
            .map_err(|e| anyhow!("{e}"))
            .context("the dictionaries a generated one is loaded with do not load")?;
        let label = |e: &Entity| format!("{}: {}", dict.sources()[usize::from(e.source)], e.id);
        let mut forms: HashMap<String, Vec<Holder>> = HashMap::new();
        for form in dict.forms() {
            let e = dict.entity(form.entity);
            let k = key(form.text);
            let shares = form.kind.is_correct() && e.ambiguous.iter().any(|a| key(a) == k);
            forms.entry(k).or_default().push(Holder {
                label: label(e),
                shares,
            });
        }
        let ids = dict.entities().map(|e| (e.id.clone(), label(e))).collect();
        Ok(Reserved { dict, forms, ids })
    }

    /// The entities that hold the form.
    pub(super) fn holders(&self, form: &str) -> &[Holder] {
        self.forms.get(&key(form)).map_or(&[], Vec::as_slice)
    }

    /// An entity that holds the form and does not share it: the form is
    /// taken. `None` when nobody holds it, or every holder shares it.
    pub(super) fn taken(&self, form: &str) -> Option<&Holder> {
        self.holders(form).iter().find(|h| !h.shares)
    }

    /// Every holder of the form shares it (and there is one): an entity of
    /// the generated dictionary may claim it too, listing it under
    /// `ambiguous`.
    pub(super) fn shared(&self, form: &str) -> bool {
        let holders = self.holders(form);
        !holders.is_empty() && holders.iter().all(|h| h.shares)
    }

    /// `file.toml: id` of the entity with this id.
    pub(super) fn id(&self, id: &str) -> Option<&str> {
        self.ids.get(id).map(String::as_str)
    }

    /// The loaded dictionaries.
    pub(super) fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    /// The file (`file.toml`) an entity of [`Reserved::dictionary`] is from.
    pub(super) fn file_of(&self, e: &Entity) -> &str {
        &self.dict.sources()[usize::from(e.source)]
    }
}

/// The forms of `forms` an entity lists under `ambiguous`: those `shared`
/// says are shared, each once, in order.
pub(super) fn ambiguous_forms<'a>(
    forms: impl IntoIterator<Item = &'a String>,
    shared: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut seen = HashSet::new();
    forms
        .into_iter()
        .filter(|f| shared(f) && seen.insert(key(f)))
        .cloned()
        .collect()
}

// ---------------------------------------------------------------------------
// Person dictionaries

/// How a person outranks a namesake for the choice of a record's name:
/// presidents and vice presidents first, then the newer source, then the
/// later record.
pub(super) type Rank = (u8, u64);

/// One person entity of a generated dictionary.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Person {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) aliases: Vec<String>,
    pub(super) family_name: Option<String>,
    pub(super) titles: Vec<String>,
    /// Offices held, with their dates where the sources give them.
    pub(super) roles: Vec<Role>,
    /// Forms this person shares with another (filled by [`resolve`], or
    /// given by the generator for the namesakes of a later dictionary).
    pub(super) ambiguous: Vec<String>,
    pub(super) description: String,
    /// Which of two records of one person names it.
    pub(super) rank: Rank,
    /// Appended to the id when two names give the same slug (a state, an
    /// agency, a country).
    pub(super) disambiguator: String,
    /// Appended after the disambiguator when that is not enough (two
    /// namesakes of one state): a stable record id such as a bioguide id.
    pub(super) tiebreak: String,
    /// A fuller name ("Charles N. Wilson") to use instead of `name` where
    /// that is another person's.
    pub(super) alt_name: Option<String>,
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
    pub(super) fn tidy(&mut self) {
        let mut seen = vec![key(&self.name)];
        self.aliases.retain(|a| {
            let k = key(a);
            if k.is_empty() || seen.contains(&k) {
                false
            } else {
                seen.push(k);
                true
            }
        });
        let mut titles = HashSet::new();
        self.titles.retain(|t| titles.insert(key(t)));
    }

    /// The name and the aliases.
    pub(super) fn forms(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name).chain(&self.aliases)
    }
}

/// What [`resolve`] did, for the header comment of the file.
#[derive(Debug, Default)]
pub(super) struct Log {
    /// "Name (holder)": persons whose name another dictionary holds.
    pub(super) skipped: Vec<String>,
    /// "Alias (person id; holder)": aliases another dictionary holds.
    pub(super) external_aliases: Vec<String>,
    /// "Name -> fuller name": persons named by their middle initial too,
    /// because another person has their name.
    pub(super) renamed: Vec<String>,
    /// Names two persons of the dictionary share.
    pub(super) shared_names: usize,
    /// Other forms two persons of the dictionary share.
    pub(super) shared_aliases: usize,
    /// Forms shared with an entity of another dictionary that lists them
    /// under `ambiguous`.
    pub(super) shared_external: usize,
}

impl Log {
    /// The log as comment lines.
    pub(super) fn comment(&self, out: &mut String, skipped_heading: &str) {
        write_comment_section(
            out,
            "Named with the middle initial because another person has the shorter name",
            &self.renamed,
        );
        write_comment_section(out, skipped_heading, &self.skipped);
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
pub(super) fn resolve(mut persons: Vec<Person>, reserved: &Reserved, log: &mut Log) -> Result<Vec<Person>> {
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
pub(super) fn write_persons(out: &mut String, persons: &[Person]) {
    for p in persons {
        write_person(out, p);
    }
}

/// `family-name` where the last name is not what copydesk takes by default
/// (the last word of the name, suffixes skipped) and every word of it is in
/// the name.
pub(super) fn family_name(name: &str, last: &str) -> Option<String> {
    let name_words = form_words(name);
    let default_family = name
        .split_whitespace()
        .rev()
        .find(|w| !is_name_suffix(w))
        .map(form_words)
        .unwrap_or_default();
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
pub(super) fn short_forms(name: &str) -> Vec<String> {
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

// ---------------------------------------------------------------------------
// Upper-case names

/// How words are written in mixed-case name lists, where that differs from
/// the rules of [`name_case`] ("DeLauro", "de"): the majority spelling of
/// each folded word.
#[derive(Debug, Default)]
pub(super) struct Casing(HashMap<String, String>);

impl Casing {
    /// Learn from names written in mixed case.
    pub(super) fn learn<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut counts: HashMap<String, BTreeMap<String, usize>> = HashMap::new();
        for name in names {
            for word in name.split([' ', '-']) {
                let word = word.trim_matches(|c: char| !c.is_alphabetic());
                // A word in lower case is learned only as a particle ("de",
                // "van"); "keyes" is a slip of the list.
                if word.chars().count() < 2
                    || !word.chars().any(char::is_lowercase)
                    || !word.chars().all(|c| c.is_alphabetic() || is_apostrophe(c))
                    || (word.starts_with(char::is_lowercase) && word.chars().count() > 3)
                {
                    continue;
                }
                *counts
                    .entry(folded(word))
                    .or_default()
                    .entry(word.to_owned())
                    .or_default() += 1;
            }
        }
        let mut map = HashMap::new();
        for (k, spellings) in counts {
            let (best, _) = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .unwrap();
            if *best != word_rule(&best.to_uppercase()) {
                map.insert(k, best.clone());
            }
        }
        Casing(map)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// HTML entities left in the Plum Book export.
pub(super) fn decode_entities(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&nbsp;", " ")
}

/// A name written in upper case, in title case: "MCDONALD" -> "McDonald",
/// "O'BRIEN" -> "O'Brien", "HOEHN-SARIC" -> "Hoehn-Saric", "III" and "JR"
/// as suffixes, a lone letter as an initial ("P" -> "P."), a short word
/// without vowels as initials ("JD"). Words already in mixed case are kept,
/// but for a stray second capital ("MIchael"). Words that a mixed-case list
/// writes otherwise ([`Casing`]) follow it.
pub(super) fn name_case(raw: &str, casing: &Casing) -> String {
    let text = decode_entities(raw);
    text.split_whitespace()
        .map(|w| {
            w.split('-')
                .map(|part| word_case(part, casing))
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn word_case(word: &str, casing: &Casing) -> String {
    let core = word.trim_end_matches([',', '.']);
    let tail = &word[core.len()..];
    if core.is_empty() {
        return word.to_owned();
    }
    if core.chars().any(char::is_lowercase) {
        // "keyes": a name in lower case, but for a particle ("de", "van").
        if core.starts_with(char::is_lowercase) && core.chars().count() > 3 {
            return format!("{}{tail}", capitalize(core));
        }
        // "MIchael": two capitals, then only lower case.
        let mut chars = core.chars();
        let (a, b) = (chars.next(), chars.next());
        let rest: String = chars.collect();
        if let (Some(a), Some(b)) = (a, b)
            && a.is_uppercase()
            && b.is_uppercase()
            && !rest.is_empty()
            && rest.chars().all(char::is_lowercase)
        {
            return format!("{a}{}{rest}{tail}", b.to_lowercase());
        }
        return word.to_owned();
    }
    match core {
        "II" | "III" | "IV" | "VI" => return word.to_owned(),
        "JR" => return "Jr.".to_owned() + tail.trim_start_matches('.'),
        "SR" => return "Sr.".to_owned() + tail.trim_start_matches('.'),
        _ => {}
    }
    if core.chars().count() == 1 {
        return format!("{core}.{}", tail.trim_start_matches('.'));
    }
    if let Some(known) = casing.0.get(&folded(core)) {
        return format!("{known}{tail}");
    }
    format!("{}{tail}", word_rule(core))
}

/// The title case of one upper-case word, by rule.
fn word_rule(core: &str) -> String {
    let letters = core.chars().filter(|c| c.is_alphabetic()).count();
    let vowels = core
        .chars()
        .filter(|c| "AEIOUY".contains(c.to_ascii_uppercase()))
        .count();
    if letters <= 3 && vowels == 0 {
        return core.to_owned();
    }
    // "O'BRIEN", "D'ANDREA": a capital after a one-letter prefix.
    if let Some(i) = core.find(is_apostrophe) {
        let (head, rest) = core.split_at(i);
        let apostrophe = rest.chars().next().unwrap();
        let rest = &rest[apostrophe.len_utf8()..];
        if head.chars().count() == 1 {
            return format!("{head}{apostrophe}{}", capitalize(rest));
        }
        return format!("{}{apostrophe}{}", capitalize(head), rest.to_lowercase());
    }
    if core.len() > 3
        && let Some(rest) = core.strip_prefix("MC")
    {
        return format!("Mc{}", capitalize(rest));
    }
    capitalize(core)
}

/// "WORD" -> "Word".
pub(super) fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// "joseph biden": the first and last word of a name, suffixes and initials
/// aside, folded.
pub(super) fn short_key(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .filter(|w| !is_name_suffix(w) && !is_initial(w))
        .flat_map(form_words)
        .collect();
    match (words.first(), words.last()) {
        (Some(a), Some(b)) => format!("{a} {b}"),
        _ => String::new(),
    }
}

/// How people's names are spelled in mixed-case lists, to write a name given
/// in capitals as the same person's name is written elsewhere ("Ron DeSantis"
/// for "RON DESANTIS", which no rule can guess): the spelling of each word
/// in the names with the same first and last word ([`short_key`]), the most
/// frequent where they differ.
#[derive(Debug, Default)]
pub(super) struct KnownNames(HashMap<(String, String), String>);

impl KnownNames {
    /// Learn from names written in mixed case (names in capitals are
    /// skipped).
    pub(super) fn learn<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut counts: HashMap<(String, String), BTreeMap<String, usize>> = HashMap::new();
        for name in names {
            if !name.chars().any(char::is_lowercase) {
                continue;
            }
            let short = short_key(name);
            if short.is_empty() {
                continue;
            }
            for word in name.split([' ', '-']) {
                let word = word.trim_matches(|c: char| !c.is_alphabetic());
                if word.chars().count() < 2 || !word.chars().any(char::is_lowercase) {
                    continue;
                }
                *counts
                    .entry((short.clone(), folded(word)))
                    .or_default()
                    .entry(word.to_owned())
                    .or_default() += 1;
            }
        }
        let map = counts
            .into_iter()
            .map(|(k, spellings)| {
                let (best, _) = spellings
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .unwrap();
                (k, best.clone())
            })
            .collect();
        KnownNames(map)
    }

    /// `text` (a name, or a part of the name `name`) with each word spelled
    /// as a known name with the same first and last word as `name` spells
    /// it.
    pub(super) fn respell(&self, name: &str, text: &str) -> String {
        let short = short_key(name);
        let word = |w: &str| -> String {
            let core = w.trim_matches(|c: char| !c.is_alphabetic());
            match self.0.get(&(short.clone(), folded(core))) {
                Some(known) if !core.is_empty() => w.replacen(core, known, 1),
                _ => w.to_owned(),
            }
        };
        text.split(' ')
            .map(|w| w.split('-').map(word).collect::<Vec<_>>().join("-"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The repository `legislators-current.yaml` comes from.
const CONGRESS_REPO: &str = "https://github.com/unitedstates/congress-legislators";

/// The commit of the snapshot the committed `us-congress.toml` was made from
/// (see `SOURCES.md`); update it together with the input file.
const CONGRESS_COMMIT: &str = "dfa9622263dd4c8d08636926e498f1845704d7eb";

/// The command that regenerates `dictionaries/us-congress.toml`.
const CONGRESS_COMMAND: &str = "cargo run --release -p dictgen -- congress \
     --input ../shared/data/congress-legislators/legislators-current.yaml \
     --historical ../shared/data/congress-legislators/legislators-historical.csv \
     --output dictionaries/us-congress.toml";

/// One member in `legislators-current.yaml` (only the fields we use).
#[derive(Debug, Deserialize)]
struct Legislator {
    name: LegislatorName,
    #[serde(default)]
    bio: Bio,
    terms: Vec<Term>,
}

#[derive(Debug, Deserialize)]
struct LegislatorName {
    first: String,
    middle: Option<String>,
    last: String,
    suffix: Option<String>,
    nickname: Option<String>,
    official_full: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Bio {
    gender: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Term {
    #[serde(rename = "type")]
    kind: String,
    start: String,
    end: Option<String>,
    state: String,
    district: Option<i64>,
    party: Option<String>,
}

/// One `[[entity]]` of the generated dictionary.
#[derive(Debug)]
struct Member {
    id: String,
    name: String,
    aliases: Vec<String>,
    family_name: Option<String>,
    titles: Vec<&'static str>,
    /// Every term, consecutive ones of one chamber as one role.
    roles: Vec<Role>,
    description: String,
    /// Lower-case state code, to tell apart members who share a name.
    state: String,
}

/// Turn `legislators-current.yaml` into the TOML text of
/// `dictionaries/us-congress.toml`.
///
/// One person entity per member, sorted by id: the official full name, the
/// usual short forms as aliases, the family name where it is not the last
/// word, the titles of the latest term and a one-line description. An alias
/// that two members would share is dropped from both (and listed in a comment
/// at the top), so that the dictionary validates. With `former` (the former
/// members, from `legislators-historical.csv`), a form that a former member,
/// another person, has too is listed under `ambiguous`, for
/// `us-congress-former.toml` to keep it.
pub(crate) fn congress(yaml: &str, former: Option<&FormerMembers>) -> Result<String> {
    let legislators: Vec<Legislator> =
        serde_norway::from_str(yaml).context("failed to parse legislators-current.yaml")?;
    if legislators.is_empty() {
        bail!("legislators-current.yaml lists no member");
    }
    let mut as_of = String::new();
    for t in legislators.iter().flat_map(|l| &l.terms) {
        if t.start > as_of {
            as_of.clone_from(&t.start);
        }
    }
    let mut members = Vec::with_capacity(legislators.len());
    let mut unnamed = Vec::new();
    for l in &legislators {
        let member = member(l, &as_of)?;
        if l.name.official_full.is_none() {
            unnamed.push(member.name.clone());
        }
        members.push(member);
    }

    // Ids: the slug of the name, with the state appended where two members
    // would share one.
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for m in &members {
        *by_id.entry(m.id.clone()).or_default() += 1;
    }
    for m in &mut members {
        if by_id[&m.id] > 1 {
            m.id = format!("{}-{}", m.id, m.state);
        }
    }
    members.sort_by(|a, b| a.id.cmp(&b.id));
    for pair in members.windows(2) {
        if pair[0].id == pair[1].id {
            bail!("two members of the same state share the id `{}`", pair[0].id);
        }
    }

    // Aliases claimed by two members, or equal to another member's name, are
    // dropped: a form may belong to one entity only.
    let mut claims: BTreeMap<Vec<String>, (String, BTreeSet<usize>)> = BTreeMap::new();
    for (i, m) in members.iter().enumerate() {
        for form in std::iter::once(&m.name).chain(&m.aliases) {
            claims
                .entry(form_words(form))
                .or_insert_with(|| (form.clone(), BTreeSet::new()))
                .1
                .insert(i);
        }
    }
    let mut dropped = Vec::new();
    for (key, (text, owners)) in claims.iter().filter(|(_, (_, o))| o.len() > 1) {
        let ids: Vec<&str> = owners.iter().map(|&i| members[i].id.as_str()).collect();
        let named = owners
            .iter()
            .filter(|&&i| form_words(&members[i].name) == *key)
            .count();
        if named > 1 {
            // Names cannot be dropped; such a file would not validate.
            bail!(
                "`{text}` is the name of more than one member ({})",
                ids.join(", ")
            );
        }
        dropped.push(format!("\"{text}\" ({})", ids.join(", ")));
        for &i in owners {
            members[i].aliases.retain(|a| form_words(a) != *key);
        }
    }

    // Forms a former member has too: shared with us-congress-former.toml.
    let persons: Vec<Person> = members
        .into_iter()
        .map(|m| {
            let mut p = Person {
                id: m.id,
                name: m.name,
                aliases: m.aliases,
                family_name: m.family_name,
                titles: m.titles.into_iter().map(str::to_owned).collect(),
                roles: m.roles,
                description: m.description,
                ..Person::default()
            };
            if let Some(former) = former {
                p.ambiguous = ambiguous_forms(p.forms(), |f| !former.holders(f).is_empty());
            }
            p
        })
        .collect();
    let shared = persons.iter().filter(|p| !p.ambiguous.is_empty()).count();

    let mut out = String::new();
    out.push_str(
        "# US Congress: current members. Generated by `dictgen congress`\n\
         # from legislators-current.yaml; do not edit by hand. To regenerate:\n",
    );
    writeln!(out, "#   {CONGRESS_COMMAND}").unwrap();
    if !unnamed.is_empty() {
        writeln!(
            out,
            "#\n# No official_full in the data, named \"First Last\": {}.",
            unnamed.join(", ")
        )
        .unwrap();
    }
    if !dropped.is_empty() {
        out.push_str("#\n# Aliases left out because more than one member would claim them:\n");
        for d in &dropped {
            writeln!(out, "#   {d}").unwrap();
        }
    }
    if shared > 0 {
        writeln!(
            out,
            "#\n# Members with a form that a former member of Congress, another person, has too\n\
             # (listed under `ambiguous`, as us-congress-former.toml lists it): {shared}"
        )
        .unwrap();
    }
    out.push_str("\n[meta]\n");
    writeln!(out, "name = {}", quote("US Congress: current members")).unwrap();
    let source = format!(
        "unitedstates/congress-legislators ({CONGRESS_REPO}), \
         legislators-current.yaml at commit {CONGRESS_COMMIT}"
    );
    writeln!(out, "source = {}", quote(&source)).unwrap();
    writeln!(out, "licence = {}", quote("CC0-1.0")).unwrap();
    writeln!(out, "as-of = {}", quote(&as_of)).unwrap();
    writeln!(out, "generator = {}", quote(CONGRESS_COMMAND)).unwrap();
    write_persons(&mut out, &persons);
    Ok(out)
}

/// One person's `[[entity]]` table, keys in the documented order; empty
/// lists and a missing family name are left out. Shared by the generators of
/// person dictionaries.
pub(super) fn write_person(out: &mut String, p: &Person) {
    out.push_str("\n[[entity]]\n");
    writeln!(out, "id = {}", quote(&p.id)).unwrap();
    out.push_str("kind = \"person\"\n");
    writeln!(out, "name = {}", quote(&p.name)).unwrap();
    if !p.aliases.is_empty() {
        writeln!(out, "aliases = {}", list(&p.aliases)).unwrap();
    }
    if let Some(f) = &p.family_name {
        writeln!(out, "family-name = {}", quote(f)).unwrap();
    }
    if !p.titles.is_empty() {
        writeln!(out, "titles = {}", list(&p.titles)).unwrap();
    }
    write_roles(out, &p.roles);
    if !p.ambiguous.is_empty() {
        writeln!(out, "ambiguous = {}", list(&p.ambiguous)).unwrap();
    }
    writeln!(out, "description = {}", quote(&p.description)).unwrap();
}

/// `roles = [...]`, one role per line, in the order given; nothing when
/// there is none.
pub(super) fn write_roles(out: &mut String, roles: &[Role]) {
    if roles.is_empty() {
        return;
    }
    out.push_str("roles = [\n");
    for r in roles {
        write!(out, "  {{ title = {}", quote(&r.title)).unwrap();
        if let Some(org) = &r.org {
            write!(out, ", org = {}", quote(org)).unwrap();
        }
        if let Some(from) = r.from {
            write!(out, ", from = \"{from}\"").unwrap();
        }
        if let Some(to) = r.to {
            write!(out, ", to = \"{to}\"").unwrap();
        }
        out.push_str(" },\n");
    }
    out.push_str("]\n");
}

/// Add a term to a list of roles, sorted by start: a term of the same office
/// that begins within a month of the end of the last one extends it (the
/// House's two-year terms are one role). `to` is left out for a term that
/// ends after `as_of`, the date of the data: it is held still.
pub(super) fn add_term(
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

/// Abbreviations a story may use without spelling the name out: those the
/// major English-language news style guides (AP, Reuters) accept on first
/// reference, because every reader knows them. The generators mark an
/// entity with one of them `well-known = true` (CD011 leaves it alone); the
/// list is kept short on purpose, and a newsroom can mark more of its own.
pub(super) const WELL_KNOWN_ABBREVIATIONS: &[&str] = &[
    "CIA", "EU", "FBI", "IRS", "NASA", "NATO", "UK", "UN", "UNICEF", "US", "USA",
];

/// True when one of the abbreviations is in [`WELL_KNOWN_ABBREVIATIONS`],
/// written with or without dots ("U.S.").
pub(super) fn well_known<S: AsRef<str>>(abbreviations: &[S]) -> bool {
    abbreviations.iter().any(|a| {
        let letters: String = a.as_ref().chars().filter(|c| c.is_alphanumeric()).collect();
        WELL_KNOWN_ABBREVIATIONS.contains(&letters.as_str())
    })
}

/// A section of a generated file's header comment: what was left out, and why.
pub(super) fn write_comment_section(out: &mut String, title: &str, items: &[String]) {
    if !items.is_empty() {
        writeln!(out, "#\n# {title} ({}):", items.len()).unwrap();
        for i in items {
            writeln!(out, "#   {i}").unwrap();
        }
    }
}

/// The title and body of a term: "Senator", "Representative", "Delegate"
/// (DC and the territories but Puerto Rico) or "Resident Commissioner".
fn term_office(t: &Term) -> Result<(&'static str, &'static str)> {
    const HOUSE: &str = "United States House of Representatives";
    Ok(match (t.kind.as_str(), t.state.as_str()) {
        ("sen", _) => ("Senator", "United States Senate"),
        ("rep", "PR") => ("Resident Commissioner", HOUSE),
        ("rep", "DC" | "GU" | "VI" | "AS" | "MP") => ("Delegate", HOUSE),
        ("rep", _) => ("Representative", HOUSE),
        (other, _) => bail!("unknown term type `{other}`"),
    })
}

/// The entity of one member, before ids are made unique and aliases shared
/// with other members are dropped. `as_of` is the date of the data: a term
/// ending after it is held still.
fn member(l: &Legislator, as_of: &str) -> Result<Member> {
    let n = &l.name;
    // A few records write the nickname into `first`: "James (Jim)".
    let (first, paren_nick) = match n.first.split_once(" (") {
        Some((f, rest)) => (f.trim(), rest.strip_suffix(')').map(str::trim)),
        None => (n.first.trim(), None),
    };
    let nickname = n.nickname.as_deref().map(str::trim).or(paren_nick);
    let last = n.last.trim();
    let name = match &n.official_full {
        Some(full) => full.trim().to_owned(),
        None => match &n.suffix {
            Some(s) => format!("{first} {last}, {}", s.trim()),
            None => format!("{first} {last}"),
        },
    };
    let term = l
        .terms
        .iter()
        .max_by(|a, b| a.start.cmp(&b.start))
        .with_context(|| format!("{name} has no term"))?;

    // Aliases, in a fixed order; duplicates and the name itself are removed.
    let mut candidates = Vec::new();
    // "First Last"; a first name that is only an initial keeps the middle
    // name ("C. Scott Franklin").
    match &n.middle {
        Some(middle) if is_initial(first) => {
            candidates.push(format!("{first} {} {last}", middle.trim()));
        }
        _ => candidates.push(format!("{first} {last}")),
    }
    if let Some(nick) = nickname {
        candidates.push(format!("{nick} {last}"));
    }
    // The name without the quoted nickname, middle initials or suffix.
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !(w.starts_with('"') && w.ends_with('"') && w.len() > 1))
        .collect();
    let no_suffix = strip_suffix(&words);
    let no_initials: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || !is_initial(w))
        .map(|(_, w)| *w)
        .collect();
    candidates.push(words.join(" "));
    candidates.push(no_suffix.join(" "));
    candidates.push(no_initials.join(" "));
    candidates.push(strip_suffix(&no_initials).join(" "));

    let mut seen = vec![form_words(&name)];
    let mut aliases = Vec::new();
    for c in candidates {
        let key = form_words(&c);
        if !key.is_empty() && !seen.contains(&key) {
            seen.push(key);
            aliases.push(c);
        }
    }

    // family-name: only where the last name is not what copydesk takes by
    // default (the last word of the name, suffixes skipped), and only when
    // every word of it is in the name ("Pablo José Hernández" has the last
    // name "Hernández Rivera", which his name does not hold: no field).
    let name_words = form_words(&name);
    let default_family = name
        .split_whitespace()
        .rev()
        .find(|w| !is_name_suffix(w))
        .map(form_words)
        .unwrap_or_default();
    let last_words = form_words(last);
    let family_name = if last_words == default_family || !last_words.iter().all(|w| name_words.contains(w)) {
        None
    } else {
        Some(last.to_owned())
    };

    let state = state_name(&term.state).with_context(|| format!("{name}: unknown state `{}`", term.state))?;
    let party = term.party.as_deref().unwrap_or("no party");
    let gender = l.bio.gender.as_deref();
    let (titles, description): (Vec<&'static str>, String) = match term.kind.as_str() {
        "sen" => (
            vec!["Senator", "Sen."],
            format!("U.S. Senator from {state} ({party})"),
        ),
        "rep" => {
            let mut titles = match term.state.as_str() {
                "PR" => vec!["Resident Commissioner"],
                "DC" | "GU" | "VI" | "AS" | "MP" => vec!["Delegate", "Del."],
                _ => vec!["Representative", "Rep."],
            };
            match gender {
                Some("F") => titles.push("Congresswoman"),
                Some("M") => titles.push("Congressman"),
                _ => {}
            }
            let description = match term.state.as_str() {
                "PR" => format!("Resident Commissioner for {state} in the U.S. House ({party})"),
                "DC" | "GU" | "VI" | "AS" | "MP" => {
                    format!("U.S. House Delegate for {state} ({party})")
                }
                _ => match term.district {
                    Some(d) if d > 0 => format!(
                        "U.S. Representative for {}{} district ({party})",
                        possessive(state),
                        ordinal(d)
                    ),
                    _ => format!(
                        "U.S. Representative for {}at-large district ({party})",
                        possessive(state)
                    ),
                },
            };
            (titles, description)
        }
        other => bail!("{name}: unknown term type `{other}`"),
    };

    let mut terms: Vec<&Term> = l.terms.iter().collect();
    terms.sort_by(|a, b| a.start.cmp(&b.start));
    let mut roles = Vec::new();
    for t in terms {
        let (title, org) = term_office(t).with_context(|| format!("{name}: a term"))?;
        add_term(&mut roles, title, Some(org), &t.start, t.end.as_deref(), as_of);
    }

    Ok(Member {
        id: slug(&name),
        name,
        aliases,
        family_name,
        titles,
        roles,
        description,
        state: term.state.to_ascii_lowercase(),
    })
}

/// "C." or "D": a single letter, with or without its dot.
pub(super) fn is_initial(word: &str) -> bool {
    let mut chars = word.trim_end_matches('.').chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// The words without a trailing suffix ("Jr.", "III"), and without the comma
/// before it.
pub(super) fn strip_suffix<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let mut out = words.to_vec();
    if out.len() > 2 && out.last().is_some_and(|w| is_name_suffix(w)) {
        out.pop();
        if let Some(w) = out.last_mut() {
            *w = w.trim_end_matches(',');
        }
    }
    out
}

/// "New York's ", "Texas' " (AP style for names ending in s).
pub(super) fn possessive(state: &str) -> String {
    let state = state.strip_prefix("the ").unwrap_or(state);
    if state.ends_with('s') {
        format!("{state}' ")
    } else {
        format!("{state}'s ")
    }
}

/// 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, ...
pub(super) fn ordinal(n: i64) -> String {
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
pub(super) fn state_name(code: &str) -> Option<&'static str> {
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
        _ => return None,
    })
}

/// A TOML basic string.
pub(super) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => write!(out, "\\u{:04X}", c as u32).unwrap(),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A one-line TOML array of strings.
pub(super) fn list<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<String> = items.iter().map(|s| quote(s.as_ref())).collect();
    format!("[{}]", items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = r#"
- id:
    bioguide: S000033
  name:
    first: Bernard
    last: Sanders
    nickname: Bernie
    official_full: Bernard Sanders
  bio:
    birthday: '1941-09-08'
    gender: M
  terms:
  - type: rep
    start: '1991-01-03'
    end: '1993-01-03'
    state: VT
    district: 0
    party: Independent
  - type: sen
    start: '2025-01-03'
    end: '2031-01-03'
    state: VT
    class: 1
    party: Independent
    caucus: Democrat
- id:
    bioguide: W000797
  name:
    first: Debbie
    last: Wasserman Schultz
    official_full: Debbie Wasserman Schultz
  bio:
    gender: F
  terms:
  - type: rep
    start: '2025-01-03'
    end: '2027-01-03'
    state: FL
    district: 25
    party: Democrat
- id:
    bioguide: J000288
  name:
    first: Henry
    middle: C.
    last: Johnson
    suffix: Jr.
    nickname: Hank
    official_full: Henry C. "Hank" Johnson, Jr.
  bio:
    gender: M
  terms:
  - type: rep
    start: '2025-01-03'
    end: '2027-01-03'
    state: GA
    district: 4
    party: Democrat
"#;

    #[test]
    fn congress_writes_the_expected_toml() {
        let expected = r#"# US Congress: current members. Generated by `dictgen congress`
# from legislators-current.yaml; do not edit by hand. To regenerate:
#   cargo run --release -p dictgen -- congress --input ../shared/data/congress-legislators/legislators-current.yaml --historical ../shared/data/congress-legislators/legislators-historical.csv --output dictionaries/us-congress.toml

[meta]
name = "US Congress: current members"
source = "unitedstates/congress-legislators (https://github.com/unitedstates/congress-legislators), legislators-current.yaml at commit dfa9622263dd4c8d08636926e498f1845704d7eb"
licence = "CC0-1.0"
as-of = "2025-01-03"
generator = "cargo run --release -p dictgen -- congress --input ../shared/data/congress-legislators/legislators-current.yaml --historical ../shared/data/congress-legislators/legislators-historical.csv --output dictionaries/us-congress.toml"

[[entity]]
id = "bernard-sanders"
kind = "person"
name = "Bernard Sanders"
aliases = ["Bernie Sanders"]
titles = ["Senator", "Sen."]
roles = [
  { title = "Representative", org = "United States House of Representatives", from = "1991-01-03", to = "1993-01-03" },
  { title = "Senator", org = "United States Senate", from = "2025-01-03" },
]
description = "U.S. Senator from Vermont (Independent)"

[[entity]]
id = "debbie-wasserman-schultz"
kind = "person"
name = "Debbie Wasserman Schultz"
family-name = "Wasserman Schultz"
titles = ["Representative", "Rep.", "Congresswoman"]
roles = [
  { title = "Representative", org = "United States House of Representatives", from = "2025-01-03" },
]
description = "U.S. Representative for Florida's 25th district (Democrat)"

[[entity]]
id = "henry-c-hank-johnson-jr"
kind = "person"
name = "Henry C. \"Hank\" Johnson, Jr."
aliases = ["Henry Johnson", "Hank Johnson", "Henry C. Johnson, Jr.", "Henry C. Johnson", "Henry Johnson, Jr."]
titles = ["Representative", "Rep.", "Congressman"]
roles = [
  { title = "Representative", org = "United States House of Representatives", from = "2025-01-03" },
]
description = "U.S. Representative for Georgia's 4th district (Democrat)"
"#;
        assert_eq!(congress(YAML, None).unwrap(), expected);
    }

    #[test]
    fn shared_aliases_are_dropped_and_listed() {
        let yaml = r#"
- name: {first: Mike, middle: D., last: Rogers, official_full: Mike D. Rogers}
  bio: {gender: M}
  terms: [{type: rep, start: '2025-01-03', state: AL, district: 3, party: Republican}]
- name: {first: Mike, last: Rogers, official_full: Michael Rogers}
  bio: {gender: M}
  terms: [{type: sen, start: '2025-01-03', state: MI, party: Republican}]
- name: {first: James (Jim), last: Moylan, official_full: James C. Moylan}
  bio: {gender: M}
  terms: [{type: rep, start: '2025-01-03', state: GU, district: 0, party: Republican}]
"#;
        let toml = congress(yaml, None).unwrap();
        assert!(
            toml.contains(
                "# Aliases left out because more than one member would claim them:\n\
                 #   \"Mike Rogers\" (michael-rogers, mike-d-rogers)\n"
            ),
            "{toml}"
        );
        assert!(!toml.contains("aliases = [\"Mike Rogers\""), "{toml}");
        assert!(toml.contains("aliases = [\"James Moylan\", \"Jim Moylan\"]\n"));
        assert!(toml.contains("titles = [\"Delegate\", \"Del.\", \"Congressman\"]\n"));
        assert!(toml.contains("description = \"U.S. House Delegate for Guam (Republican)\"\n"));
        let dict = copydesk::Dictionary::load(&[copydesk::DictSource {
            name: "us-congress.toml".into(),
            text: toml,
        }]);
        assert!(dict.is_ok(), "{dict:?}");
    }

    #[test]
    fn members_without_official_full_and_shared_names() {
        let yaml = r#"
- name: {first: Analilia, last: Mejia}
  bio: {gender: F}
  terms: [{type: rep, start: '2026-04-20', state: NJ, district: 11, party: Democrat}]
"#;
        let toml = congress(yaml, None).unwrap();
        assert!(toml.contains("# No official_full in the data, named \"First Last\": Analilia Mejia.\n"));
        assert!(
            toml.contains("id = \"analilia-mejia\"\nkind = \"person\"\nname = \"Analilia Mejia\"\ntitles")
        );

        // Two members with one name: the dictionary could not validate.
        let twice = format!("{yaml}{}", yaml.replace("NJ", "NY"));
        let err = congress(&twice, None).unwrap_err().to_string();
        assert_eq!(
            err,
            "`Analilia Mejia` is the name of more than one member (analilia-mejia-nj, analilia-mejia-ny)"
        );
    }

    #[test]
    fn helpers() {
        assert_eq!(quote(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(
            [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 111].map(ordinal),
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "111th"
            ]
        );
        assert_eq!(possessive("Texas"), "Texas' ");
        assert_eq!(possessive("New York"), "New York's ");
        assert!(is_initial("C.") && !is_initial("Jo") && !is_initial("Jr."));
        assert_eq!(strip_suffix(&["Frank", "Pallone,", "Jr."]), ["Frank", "Pallone"]);
        assert!(congress("- name: [", None).is_err());
    }
}
