//! Entities other than persons, as the generators of places and bodies
//! (countries, capitals, international organisations) draft them, and the
//! rule that makes the drafts a valid dictionary next to the ones it is
//! loaded with ([`finish`]).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use anyhow::{Result, bail};
use copydesk::entity::slug;
use copydesk::{Entity, EntityKind};

use crate::forms::{Claim, claimed_twice, key, unique_forms, well_known};
use crate::reserved::{Reserved, ambiguous_forms};
use crate::toml_out::write_entity;

/// One entity of a generated dictionary.
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    pub(crate) id: String,
    pub(crate) kind: EntityKind,
    pub(crate) name: String,
    pub(crate) aliases: Vec<String>,
    pub(crate) abbreviations: Vec<String>,
    /// Forms shared on purpose with an entity of another dictionary.
    pub(crate) ambiguous: Vec<String>,
    pub(crate) description: String,
    /// How likely a story is to name the entity (see [`crate::prominence`]).
    pub(crate) prominence: Option<u8>,
}

impl Draft {
    /// A draft with only a kind and a name; the id is the slug of the name.
    pub(crate) fn new(kind: EntityKind, name: String) -> Draft {
        Draft {
            id: slug(&name),
            kind,
            name,
            aliases: Vec::new(),
            abbreviations: Vec::new(),
            ambiguous: Vec::new(),
            description: String::new(),
            prominence: None,
        }
    }

    /// The entity the draft writes: `well-known` where one of its
    /// abbreviations is [well known](crate::forms::WELL_KNOWN_ABBREVIATIONS).
    fn entity(&self) -> Entity {
        let mut e = Entity::new(self.kind, self.name.clone());
        e.id.clone_from(&self.id);
        e.aliases.clone_from(&self.aliases);
        e.abbreviations.clone_from(&self.abbreviations);
        e.well_known = well_known(&self.abbreviations);
        e.ambiguous.clone_from(&self.ambiguous);
        e.description = Some(self.description.clone());
        e.prominence = self.prominence;
        e
    }
}

/// What a generator left out, for the header comment of the file.
#[derive(Debug, Default)]
pub(crate) struct Report {
    /// Section title → lines.
    pub(crate) sections: BTreeMap<&'static str, BTreeSet<String>>,
}

impl Report {
    pub(crate) fn add(&mut self, section: &'static str, line: String) {
        self.sections.entry(section).or_default().insert(line);
    }

    /// The report as `#` comment lines.
    pub(crate) fn write(&self, out: &mut String) {
        for (title, lines) in &self.sections {
            writeln!(out, "#\n# {title}:").unwrap();
            for l in lines {
                writeln!(out, "#   {l}").unwrap();
            }
        }
    }
}

/// Make the drafts a valid dictionary: forms deduplicated (by their folded
/// words), forms of the reserved dictionaries left out (an entity whose name
/// or id is taken is left out whole) unless the reserved entities share them
/// (then they are kept and listed under `ambiguous`), a form two entities
/// claim dropped from both (or kept by the entity it names), sorted by id.
pub(crate) fn finish(mut drafts: Vec<Draft>, reserved: &Reserved, report: &mut Report) -> Result<Vec<Draft>> {
    // Within one entity.
    for d in &mut drafts {
        let mut keep = unique_forms(&d.name);
        d.aliases.retain(&mut keep);
        d.abbreviations.retain(&mut keep);
    }

    // Reserved forms and ids.
    drafts.retain(|d| {
        let owner = reserved
            .taken(&d.name)
            .map(|h| h.label.as_str())
            .or_else(|| reserved.id(&d.id));
        match owner {
            Some(owner) => {
                let mut forms = d.aliases.clone();
                forms.extend(d.abbreviations.iter().cloned());
                report.add(
                    "Entities left out because their name or id is in a dictionary this one is loaded with",
                    format!(
                        "\"{}\" ({}; its other forms: {})",
                        d.name,
                        owner,
                        forms.join(", ")
                    ),
                );
                false
            }
            None => true,
        }
    });
    for d in &mut drafts {
        let id = d.id.clone();
        let mut check = |f: &String| match reserved.taken(f) {
            Some(holder) => {
                report.add(
                    "Forms left out because a dictionary this one is loaded with has them",
                    format!("\"{f}\" of {id} (in {})", holder.label),
                );
                false
            }
            None => true,
        };
        d.aliases.retain(&mut check);
        d.abbreviations.retain(&mut check);
        let forms: Vec<String> = std::iter::once(&d.name)
            .chain(&d.aliases)
            .chain(&d.abbreviations)
            .cloned()
            .collect();
        for f in ambiguous_forms(&forms, |f| reserved.shared(f)) {
            report.add(
                "Forms shared with an entity of a dictionary this one is loaded with (both list them under `ambiguous`)",
                format!(
                    "\"{f}\" of {id} (also {})",
                    reserved
                        .holders(&f)
                        .iter()
                        .map(|h| h.label.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
            d.ambiguous.push(f);
        }
    }

    // Between entities.
    let forms = drafts
        .iter()
        .map(|d| std::iter::once(&d.name).chain(&d.aliases).chain(&d.abbreviations));
    for Claim { key: k, text, owners } in claimed_twice(forms) {
        let ids: Vec<&str> = owners.iter().map(|&i| drafts[i].id.as_str()).collect();
        let named: Vec<usize> = owners
            .iter()
            .copied()
            .filter(|&i| key(&drafts[i].name) == k)
            .collect();
        match named.as_slice() {
            [] => {
                report.add(
                    "Forms left out because two entities claim them",
                    format!("\"{text}\" ({})", ids.join(", ")),
                );
                for &i in &owners {
                    drafts[i].aliases.retain(|a| key(a) != k);
                    drafts[i].abbreviations.retain(|a| key(a) != k);
                }
            }
            [owner] => {
                report.add(
                    "Forms kept only by the entity they name",
                    format!(
                        "\"{text}\" ({}; also claimed by {})",
                        drafts[*owner].id,
                        ids.iter()
                            .filter(|&&id| id != drafts[*owner].id)
                            .copied()
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
                for &i in owners.iter().filter(|&&i| i != *owner) {
                    drafts[i].aliases.retain(|a| key(a) != k);
                    drafts[i].abbreviations.retain(|a| key(a) != k);
                }
            }
            _ => bail!(
                "`{text}` is the name of more than one entity ({})",
                ids.join(", ")
            ),
        }
    }

    drafts.sort_by(|a, b| a.id.cmp(&b.id));
    for pair in drafts.windows(2) {
        if pair[0].id == pair[1].id {
            bail!("two entities have the id `{}`", pair[0].id);
        }
    }
    Ok(drafts)
}

/// Append the `[[entity]]` tables.
pub(crate) fn write_entities(out: &mut String, drafts: &[Draft]) {
    for d in drafts {
        write_entity(out, &d.entity());
    }
}
