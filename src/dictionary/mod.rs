//! Dictionaries: entities loaded from TOML, and the index over their forms.
//!
//! [`Dictionary::load`] parses every source, reports *every* problem with its
//! file, line and column, and builds the index that the matcher queries.

pub mod audit;
mod builtin;
pub(crate) mod index;
mod schema;

use std::collections::HashMap;

pub use builtin::{BUILTIN, builtin_sources};
pub use index::{PartRole, WordId};

use crate::entity::{Entity, EntityId, slug};
use crate::error::{DictionaryProblem, Error};
use crate::words::form_words;

/// The text of one dictionary and the name to report problems under.
#[derive(Clone, Debug)]
pub struct DictSource {
    /// A path, or `builtin:NAME` for an embedded dictionary.
    pub name: String,
    /// The TOML text.
    pub text: String,
}

/// Which list of an entity a form comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FormKind {
    /// The canonical name.
    Name,
    /// Another correct form.
    Alias,
    /// Acceptable but not house style.
    Variant,
    /// A known wrong form.
    Misspelling,
    /// An abbreviation.
    Abbreviation,
}

impl FormKind {
    /// True for forms that are correct as written (name, alias, abbreviation).
    pub fn is_correct(self) -> bool {
        matches!(self, FormKind::Name | FormKind::Alias | FormKind::Abbreviation)
    }
}

/// Index of a form within a dictionary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FormId(pub u32);

/// One surface form of an entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    /// The form as written in the dictionary.
    pub text: String,
    /// Whose form it is.
    pub entity: EntityId,
    /// Which list it comes from.
    pub kind: FormKind,
}

/// Entities and the index over all their forms.
#[derive(Debug)]
pub struct Dictionary {
    entities: Vec<Entity>,
    forms: Vec<Form>,
    /// The canonical-name form of each entity.
    name_forms: Vec<FormId>,
    sources: Vec<String>,
    pub(crate) index: index::Index,
}

impl Dictionary {
    /// A dictionary with no entity.
    pub fn empty() -> Self {
        Dictionary::from_entities(Vec::new())
    }

    /// Parse and validate TOML sources; every problem is reported, with its
    /// position, in [`Error::Dictionary`].
    pub fn load(sources: &[DictSource]) -> Result<Self, Error> {
        let mut problems = Vec::new();
        let mut entities = Vec::new();
        let mut positions = Vec::new();
        for (si, source) in sources.iter().enumerate() {
            parse_source(si as u16, source, &mut entities, &mut positions, &mut problems);
        }
        validate(sources, &entities, &positions, &mut problems);
        if !problems.is_empty() {
            problems.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
            problems.dedup();
            return Err(Error::Dictionary(problems));
        }
        let mut dict = Dictionary::from_entities(entities);
        dict.sources = sources.iter().map(|s| s.name.clone()).collect();
        Ok(dict)
    }

    /// Build from entities made in code (tests, benchmarks, generators).
    /// No validation is done.
    pub fn from_entities(entities: Vec<Entity>) -> Self {
        let mut forms = Vec::new();
        let mut name_forms = Vec::with_capacity(entities.len());
        for (i, e) in entities.iter().enumerate() {
            let id = EntityId(i as u32);
            name_forms.push(FormId(forms.len() as u32));
            let mut push = |text: &str, kind| {
                forms.push(Form {
                    text: text.to_owned(),
                    entity: id,
                    kind,
                })
            };
            push(&e.name, FormKind::Name);
            e.aliases.iter().for_each(|a| push(a, FormKind::Alias));
            e.variants.iter().for_each(|a| push(a, FormKind::Variant));
            e.misspellings.iter().for_each(|a| push(a, FormKind::Misspelling));
            e.abbreviations
                .iter()
                .for_each(|a| push(a, FormKind::Abbreviation));
        }
        let index = index::Index::build(&entities, &forms);
        Dictionary {
            entities,
            forms,
            name_forms,
            sources: Vec::new(),
            index,
        }
    }

    /// All entities.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity with this id.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.0 as usize]
    }

    /// All forms.
    pub fn forms(&self) -> &[Form] {
        &self.forms
    }

    /// The form with this id.
    pub fn form(&self, id: FormId) -> &Form {
        &self.forms[id.0 as usize]
    }

    /// The form holding the entity's canonical name.
    pub fn name_form(&self, entity: EntityId) -> FormId {
        self.name_forms[entity.0 as usize]
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when there is no entity.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The names of the sources loaded, in order.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// Approximate heap memory of the lookup index, in bytes.
    pub fn index_heap_bytes(&self) -> usize {
        self.index.heap_bytes()
    }

    /// Words of the dictionary within `max` edits of `word` (folded), nearest
    /// first; the word itself is left out.
    pub fn near_words(&self, word: &str, max: usize) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        self.index.near_words(&crate::words::folded(word), max, &mut out);
        let mut v: Vec<(String, usize)> = out
            .iter()
            .map(|&(w, d)| (self.index.word(w).to_owned(), d))
            .collect();
        v.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
        v
    }
}

/// Where an entity and its forms were written.
#[derive(Clone, Debug)]
struct Positions {
    source: usize,
    entity: usize,
    id: Option<usize>,
    /// (offset, text, kind) of every form.
    forms: Vec<(usize, String, FormKind)>,
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

fn problem(source: &DictSource, offset: usize, message: String) -> DictionaryProblem {
    let (line, column) = line_col(&source.text, offset);
    DictionaryProblem {
        path: source.name.clone(),
        line,
        column,
        message,
    }
}

fn parse_source(
    si: u16,
    source: &DictSource,
    entities: &mut Vec<Entity>,
    positions: &mut Vec<Positions>,
    problems: &mut Vec<DictionaryProblem>,
) {
    let file: schema::DictionaryFile = match toml::from_str(&source.text) {
        Ok(f) => f,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            problems.push(problem(source, offset, e.message().trim().to_owned()));
            return;
        }
    };
    let _ = file.meta;
    for spanned in file.entity {
        let at = spanned.span().start;
        let raw = spanned.into_inner();
        let mut pos = Positions {
            source: si as usize,
            entity: at,
            id: raw.id.as_ref().map(|i| i.span().start),
            forms: Vec::new(),
        };
        let mut check =
            |s: &toml::Spanned<String>, what: &str, kind: FormKind, pos: &mut Positions| -> String {
                let text = s.get_ref();
                if text.trim().is_empty() || form_words(text).is_empty() {
                    problems.push(problem(source, s.span().start, format!("{what} has no words")));
                } else if text.trim() != text || text.contains("  ") {
                    problems.push(problem(
                        source,
                        s.span().start,
                        format!("{what} `{text}` has stray spaces"),
                    ));
                }
                pos.forms.push((s.span().start, text.clone(), kind));
                text.clone()
            };
        let name = check(&raw.name, "name", FormKind::Name, &mut pos);
        let aliases = raw
            .aliases
            .iter()
            .map(|a| check(a, "alias", FormKind::Alias, &mut pos))
            .collect();
        let variants = raw
            .variants
            .iter()
            .map(|a| check(a, "variant", FormKind::Variant, &mut pos))
            .collect();
        let misspellings = raw
            .misspellings
            .iter()
            .map(|a| check(a, "misspelling", FormKind::Misspelling, &mut pos))
            .collect();
        let abbreviations = raw
            .abbreviations
            .iter()
            .map(|a| check(a, "abbreviation", FormKind::Abbreviation, &mut pos))
            .collect();
        if let Some(f) = &raw.family_name {
            let family = form_words(f.get_ref());
            let words = form_words(&name);
            if family.is_empty() || !family.iter().all(|w| words.contains(w)) {
                problems.push(problem(
                    source,
                    f.span().start,
                    format!("family-name `{}` is not a word of the name `{name}`", f.get_ref()),
                ));
            }
        }
        let id = match &raw.id {
            Some(id) => {
                if slug(id.get_ref()) != *id.get_ref() {
                    problems.push(problem(
                        source,
                        id.span().start,
                        format!(
                            "id `{}` is not a slug (lower-case letters, digits and `-`)",
                            id.get_ref()
                        ),
                    ));
                }
                id.get_ref().clone()
            }
            None => slug(&name),
        };
        entities.push(Entity {
            id,
            kind: raw.kind,
            name,
            aliases,
            variants,
            misspellings,
            abbreviations,
            family_name: raw.family_name.map(toml::Spanned::into_inner),
            titles: raw.titles,
            ambiguous: raw.ambiguous,
            description: raw.description,
            source: si,
        });
        positions.push(pos);
    }
}

/// Cross-entity checks: unique ids, no form claimed by two entities, no
/// misspelling equal to a correct form.
fn validate(
    sources: &[DictSource],
    entities: &[Entity],
    positions: &[Positions],
    problems: &mut Vec<DictionaryProblem>,
) {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        let pos = &positions[i];
        if let Some(&first) = ids.get(e.id.as_str()) {
            let src = &sources[pos.source];
            let fp = &positions[first];
            let (l, c) = line_col(&sources[fp.source].text, fp.id.unwrap_or(fp.entity));
            problems.push(problem(
                src,
                pos.id.unwrap_or(pos.entity),
                format!(
                    "duplicate id `{}` (first at {}:{l}:{c})",
                    e.id, sources[fp.source].name
                ),
            ));
        } else {
            ids.insert(&e.id, i);
        }
    }
    // Forms compared by their folded words.
    let mut owners: HashMap<String, Vec<(usize, usize, FormKind)>> = HashMap::new();
    for (i, pos) in positions.iter().enumerate() {
        for (offset, text, kind) in &pos.forms {
            let key = form_words(text).join(" ");
            owners.entry(key).or_default().push((i, *offset, *kind));
        }
    }
    let mut keys: Vec<&String> = owners.keys().collect();
    keys.sort();
    for key in keys {
        let list = &owners[key];
        if list.len() < 2 {
            continue;
        }
        // Entities that all list the form under `ambiguous` share it on purpose.
        let shared_on_purpose = list.iter().all(|&(e, _, kind)| {
            kind.is_correct()
                && entities[e]
                    .ambiguous
                    .iter()
                    .any(|a| form_words(a).join(" ") == *key)
        });
        if shared_on_purpose && list.iter().any(|&(e, _, _)| e != list[0].0) {
            continue;
        }
        let (e0, o0, k0) = list[0];
        let first_src = &sources[positions[e0].source];
        let (l0, c0) = line_col(&first_src.text, o0);
        for &(e, offset, kind) in &list[1..] {
            let src = &sources[positions[e].source];
            let text = &positions[e]
                .forms
                .iter()
                .find(|f| f.0 == offset)
                .map_or("", |f| f.1.as_str())
                .to_owned();
            let message = if e == e0 {
                format!(
                    "`{text}` is listed twice for `{}` (also at {}:{l0}:{c0})",
                    entities[e].id, first_src.name
                )
            } else if !kind.is_correct() && k0.is_correct() || kind.is_correct() && !k0.is_correct() {
                format!(
                    "`{text}` is a {} of `{}` but a correct form of `{}` (at {}:{l0}:{c0})",
                    if kind.is_correct() {
                        form_kind_name(k0)
                    } else {
                        form_kind_name(kind)
                    },
                    if kind.is_correct() {
                        &entities[e0].id
                    } else {
                        &entities[e].id
                    },
                    if kind.is_correct() {
                        &entities[e].id
                    } else {
                        &entities[e0].id
                    },
                    first_src.name
                )
            } else {
                format!(
                    "`{text}` belongs to two entities, `{}` and `{}` (at {}:{l0}:{c0})",
                    entities[e0].id, entities[e].id, first_src.name
                )
            };
            problems.push(problem(src, offset, message));
        }
    }
}

fn form_kind_name(kind: FormKind) -> &'static str {
    match kind {
        FormKind::Name => "name",
        FormKind::Alias => "alias",
        FormKind::Variant => "variant",
        FormKind::Misspelling => "misspelling",
        FormKind::Abbreviation => "abbreviation",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> DictSource {
        DictSource {
            name: "news.toml".into(),
            text: text.into(),
        }
    }

    fn problems(text: &str) -> Vec<String> {
        match Dictionary::load(&[src(text)]) {
            Ok(_) => Vec::new(),
            Err(Error::Dictionary(p)) => p.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn loads_entities_and_forms() {
        let d = Dictionary::load(&[src(
            "[[entity]]\nkind = \"person\"\nname = \"Jennifer Daskal\"\naliases = [\"Jen Daskal\"]\n",
        )])
        .unwrap();
        assert_eq!(d.len(), 1);
        assert_eq!(d.entities()[0].id, "jennifer-daskal");
        assert_eq!(d.forms().len(), 2);
    }

    #[test]
    fn reports_every_problem_with_position() {
        let text = "\
[[entity]]
kind = \"person\"
name = \"Jen Daskal\"
misspellings = [\"Jennifer Daskal\"]

[[entity]]
id = \"jen-daskal\"
kind = \"person\"
name = \"Jennifer Daskal\"
";
        assert_eq!(
            problems(text),
            [
                "news.toml:4:17: `Jennifer Daskal` is a misspelling of `jen-daskal` but a correct form of `jen-daskal` (at news.toml:4:17)"
                    .to_string(),
                "news.toml:7:6: duplicate id `jen-daskal` (first at news.toml:1:1)".to_string(),
                "news.toml:9:8: `Jennifer Daskal` is a misspelling of `jen-daskal` but a correct form of `jen-daskal` (at news.toml:4:17)".to_string(),
            ][1..]
        );
    }

    #[test]
    fn a_form_shared_on_purpose_is_accepted() {
        let one = "[[entity]]\nid = \"mike-rogers-al\"\nkind = \"person\"\nname = \"Mike Rogers\"\n";
        let two = "\n[[entity]]\nid = \"mike-rogers-mi\"\nkind = \"person\"\nname = \"Mike Rogers\"\n";
        let p = problems(&format!("{one}{two}"));
        assert_eq!(
            p,
            [
                "news.toml:9:8: `Mike Rogers` belongs to two entities, `mike-rogers-al` and `mike-rogers-mi` (at news.toml:4:8)"
            ]
        );
        let shared = "ambiguous = [\"Mike Rogers\"]\n";
        assert_eq!(
            problems(&format!("{one}{shared}{two}{shared}")),
            Vec::<String>::new()
        );
        // Listed by one entity only: still a problem.
        assert_eq!(problems(&format!("{one}{shared}{two}")).len(), 1);
    }

    #[test]
    fn unknown_field_and_syntax_errors_have_positions() {
        assert_eq!(
            problems("[[entity]]\nkind = \"person\"\nname = \"A B\"\nnickname = \"x\"\n"),
            [
                "news.toml:4:1: unknown field `nickname`, expected one of `id`, `kind`, `name`, `aliases`, `variants`, `misspellings`, `abbreviations`, `family-name`, `titles`, `ambiguous`, `description`"
            ]
        );
        assert_eq!(
            problems("[[entity]\n"),
            ["news.toml:1:10: unclosed array table, expected `]`"]
        );
    }
}
