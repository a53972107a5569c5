//! Dictionaries: entities loaded from TOML, and the index over their forms.
//!
//! [`Dictionary::load`] parses every source, reports *every* problem with its
//! file, line and column, and builds the index that the matcher queries.

pub mod compiled;
pub mod index;
mod schema;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

pub use compiled::CompiledError;
pub use index::{PartRole, WordId};

use crate::entity::{Date, Entity, EntityId, FormKind, Prominence, Role, slug};
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

/// Index of a form within a dictionary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FormId(pub u32);

/// One surface form of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Form<'a> {
    /// The form as written in the dictionary.
    pub text: &'a str,
    /// Whose form it is.
    pub entity: EntityId,
    /// Which list it comes from.
    pub kind: FormKind,
}

/// Entities and the index over all their forms.
///
/// A dictionary grows in layers: the built-in one (compiled at build time,
/// `copydesk::builtin()`), then the sources a user adds with
/// [`Dictionary::load_onto`] (or entities made in code, with
/// [`Dictionary::add_entities`]), each checked against everything before it.
/// The entities of a compiled dictionary are decoded when first asked for.
#[derive(Debug)]
pub struct Dictionary {
    entities: Vec<OnceLock<Box<Entity>>>,
    /// Where entities not yet decoded are.
    compiled: Option<compiled::Records>,
    /// The entity of each form.
    form_entity: Cow<'static, [u32]>,
    /// The canonical-name form of each entity; its other forms follow it.
    name_forms: Cow<'static, [u32]>,
    /// Each entity's prominence ([`Entity::prominence`]), read without
    /// decoding the entity.
    prominence: Cow<'static, [u8]>,
    sources: Vec<String>,
    /// What loading the last layer noted without failing: where it refines
    /// or takes over what an earlier layer holds.
    notes: Vec<DictionaryProblem>,
    /// The index over the forms' words, which the matcher queries.
    pub index: index::Index,
}

impl Dictionary {
    /// A dictionary with no entity.
    pub fn empty() -> Self {
        Dictionary {
            entities: Vec::new(),
            compiled: None,
            form_entity: Cow::Borrowed(&[]),
            name_forms: Cow::Borrowed(&[]),
            prominence: Cow::Borrowed(&[]),
            sources: Vec::new(),
            notes: Vec::new(),
            index: index::Index::default(),
        }
    }

    /// Parse and validate TOML sources; every problem is reported, with its
    /// position, in [`Error::Dictionary`].
    pub fn load(sources: &[DictSource]) -> Result<Self, Error> {
        Dictionary::load_onto(Dictionary::empty(), sources)
    }

    /// Parse and validate TOML sources and add their entities to `base` (the
    /// built-in dictionary, say) as a layer over it.
    ///
    /// The sources are checked together as [`Dictionary::load`] checks them:
    /// every problem among their own entities is reported, with its
    /// position, in [`Error::Dictionary`]. Against `base` they are a layer
    /// that wins: an entity with the id or the name of an entity of `base`
    /// (its name or an alias) refines it (its fields win, its forms are added to that entity's, and
    /// the entity of `base` is hidden), and a form that another entity of
    /// `base` holds belongs to the new entity in this dictionary. Each such
    /// overlap is a note ([`Dictionary::notes`]), not a problem.
    pub fn load_onto(mut base: Dictionary, sources: &[DictSource]) -> Result<Self, Error> {
        if sources.is_empty() {
            return Ok(base);
        }
        let mut problems = Vec::new();
        let mut entities = Vec::new();
        let mut positions = Vec::new();
        let first_source = base.sources.len();
        for (si, source) in sources.iter().enumerate() {
            parse_source(
                (first_source + si) as u16,
                source,
                &mut entities,
                &mut positions,
                &mut problems,
            );
        }
        let mut takeover = Takeover::default();
        refine(&base, &mut entities, &mut positions, &mut takeover);
        let locate = |e: usize, offset: usize| {
            let source = &sources[positions[e].source - first_source];
            let (line, column) = line_col(&source.text, offset);
            (source.name.as_str(), line, column)
        };
        validate(
            &base,
            &entities,
            &positions,
            &locate,
            &mut problems,
            Some(&mut takeover),
        );
        if !problems.is_empty() {
            problems.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
            problems.dedup();
            return Err(Error::Dictionary(problems));
        }
        for (&e, &b) in &takeover.refines {
            let (path, line, column) = locate(e, positions[e].entity);
            let source = base.sources.get(base.entity(b).source as usize);
            takeover.notes.push(DictionaryProblem {
                path: path.to_owned(),
                line,
                column,
                message: format!(
                    "note: `{}` refines `{}` of {}: its fields win and its forms are added",
                    entities[e].name,
                    base.entity(b).id,
                    source.map_or("the base dictionary", String::as_str)
                ),
            });
        }
        let mut notes = takeover.notes;
        notes.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        notes.dedup();
        base.notes = notes;
        base.index.hidden_forms.extend(takeover.forms);
        base.index.hidden_entities.extend(takeover.entities);
        base.sources.extend(sources.iter().map(|s| s.name.clone()));
        base.extend(entities);
        Ok(base)
    }

    /// Add entities made in code (a generator's, a benchmark's) to `self`
    /// (the built-in dictionary, say) as one source named `name`, with the
    /// checks across entities that [`Dictionary::load_onto`] makes: ids
    /// unique, among the new entities and against `self`, and no form
    /// claimed by two entities unless both list it as `ambiguous`, nor a
    /// misspelling equal to a correct form. Every problem is reported in
    /// [`Error::Dictionary`], under `name`, with the entity's 1-based place in
    /// `entities` as its line and column 1.
    ///
    /// Each entity's `source` is set to the new source. The checks of a
    /// single entity that parsing TOML makes (slug ids, forms with words and
    /// no stray spaces, dates) are not made.
    pub fn add_entities(mut self, name: &str, mut entities: Vec<Entity>) -> Result<Self, Error> {
        if entities.is_empty() {
            return Ok(self);
        }
        let source = self.sources.len() as u16;
        let positions: Vec<Positions> = entities
            .iter_mut()
            .map(|e| {
                e.source = source;
                Positions {
                    source: source as usize,
                    entity: 0,
                    id: None,
                    // A form's "offset" is its place among the entity's forms.
                    forms: (0..e.form_count())
                        .filter_map(|i| e.form(i))
                        .enumerate()
                        .map(|(i, (text, kind))| (i, text.to_owned(), kind))
                        .collect(),
                }
            })
            .collect();
        let mut problems = Vec::new();
        let locate = |e: usize, _offset: usize| (name, e + 1, 1);
        validate(&self, &entities, &positions, &locate, &mut problems, None);
        if !problems.is_empty() {
            problems.sort_by(|a, b| (a.line, &a.message).cmp(&(b.line, &b.message)));
            problems.dedup();
            return Err(Error::Dictionary(problems));
        }
        self.sources.push(name.to_owned());
        self.extend(entities);
        Ok(self)
    }

    /// Build from entities made in code (tests, benchmarks, generators).
    /// No validation is done.
    pub fn from_entities(entities: Vec<Entity>) -> Self {
        let mut dict = Dictionary::empty();
        dict.extend(entities);
        dict
    }

    /// Add entities as a new index layer.
    fn extend(&mut self, entities: Vec<Entity>) {
        if entities.is_empty() {
            return;
        }
        let (first_entity, first_form) = (self.entities.len(), self.form_entity.len());
        let (form_entity, name_forms) = (self.form_entity.to_mut(), self.name_forms.to_mut());
        let prominence = self.prominence.to_mut();
        for (i, e) in entities.iter().enumerate() {
            prominence.push(e.prominence());
            name_forms.push(form_entity.len() as u32);
            form_entity.extend(std::iter::repeat_n((first_entity + i) as u32, e.form_count()));
        }
        self.entities
            .extend(entities.into_iter().map(|e| OnceLock::from(Box::new(e))));
        let mut index = std::mem::take(&mut self.index);
        index.add_layer(self, first_form);
        self.index = index;
    }

    /// All entities.
    pub fn entities(&self) -> impl ExactSizeIterator<Item = &Entity> {
        (0..self.entities.len()).map(|i| self.entity(EntityId(i as u32)))
    }

    /// The entity with this id.
    pub fn entity(&self, id: EntityId) -> &Entity {
        self.entities[id.0 as usize].get_or_init(|| {
            let records = self.compiled.as_ref().expect("an entity not decoded is compiled");
            Box::new(records.entity(id.0 as usize))
        })
    }

    /// All forms, in id order.
    pub fn forms(&self) -> impl ExactSizeIterator<Item = Form<'_>> {
        (0..self.form_entity.len()).map(|f| self.form(FormId(f as u32)))
    }

    /// Number of forms.
    pub fn form_count(&self) -> usize {
        self.form_entity.len()
    }

    /// The form with this id.
    pub fn form(&self, id: FormId) -> Form<'_> {
        let entity = EntityId(self.form_entity[id.0 as usize]);
        let first = self.name_forms[entity.0 as usize];
        let (text, kind) = self
            .entity(entity)
            .form((id.0 - first) as usize)
            .expect("a form id within its entity's forms");
        Form { text, entity, kind }
    }

    /// The form holding the entity's canonical name.
    pub fn name_form(&self, entity: EntityId) -> FormId {
        FormId(self.name_forms[entity.0 as usize])
    }

    /// Every form of the entity: its canonical name, then its other forms.
    pub fn entity_forms(&self, entity: EntityId) -> impl Iterator<Item = FormId> + use<> {
        let start = self.name_forms[entity.0 as usize];
        let end = self
            .name_forms
            .get(entity.0 as usize + 1)
            .copied()
            .unwrap_or(self.form_count() as u32);
        (start..end).map(FormId)
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when there is no entity.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// True when the entity comes from the compiled (built-in) part of the
    /// dictionary, not from a source loaded on top of it.
    pub fn is_builtin(&self, entity: EntityId) -> bool {
        self.compiled.is_some() && (entity.0 as usize) < self.compiled_entities()
    }

    fn compiled_entities(&self) -> usize {
        self.compiled.as_ref().map_or(0, |r| r.len())
    }

    /// How likely a story is to name the entity ([`Entity::prominence`]).
    pub fn prominence(&self, entity: EntityId) -> u8 {
        self.prominence[entity.0 as usize]
    }

    /// True when a later layer took the form over (see
    /// [`Dictionary::load_onto`]): lookups never give it.
    pub fn is_hidden(&self, form: FormId) -> bool {
        self.index.is_hidden(form)
    }

    /// True when a later layer refined the entity: a newer entity holds all
    /// its forms.
    pub fn is_refined(&self, entity: EntityId) -> bool {
        self.index.hidden_entities.contains(&entity.0)
    }

    /// Where the last sources loaded refine or take over what the
    /// dictionary held before them (see [`Dictionary::load_onto`]):
    /// notes, not problems.
    pub fn notes(&self) -> &[DictionaryProblem] {
        &self.notes
    }

    /// The names of the sources loaded, in order.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// Approximate heap memory of the lookup index, in bytes.
    pub fn index_heap_bytes(&self) -> usize {
        self.index.heap_bytes()
    }

    /// Forget the near words remembered by earlier lints (each distinct
    /// word's fuzzy lookup is done once per dictionary and remembered): for
    /// benchmarks of a first lookup.
    pub fn forget_lookups(&self) {
        self.index.forget_near_words();
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
                } else if text.chars().any(char::is_control) {
                    // A NUL or another control character matches no text and
                    // would reach every output format.
                    problems.push(problem(
                        source,
                        s.span().start,
                        format!("{what} `{}` has a control character", text.escape_default()),
                    ));
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
        let well_known = match &raw.well_known {
            Some(w) if *w.get_ref() && raw.abbreviations.is_empty() => {
                problems.push(problem(
                    source,
                    w.span().start,
                    "`well-known` is for abbreviations, and the entity has none".to_owned(),
                ));
                true
            }
            Some(w) => *w.get_ref(),
            None => false,
        };
        let roles = roles(source, &raw.roles, problems);
        let prominence = raw.prominence.map(|p| {
            if *p.get_ref() > Prominence::PROMINENT {
                problems.push(problem(
                    source,
                    p.span().start,
                    format!("prominence {} is not 0 to 3", p.get_ref()),
                ));
            }
            (*p.get_ref()).min(Prominence::PROMINENT)
        });
        let id = match &raw.id {
            Some(id) => {
                if id.get_ref().is_empty() || slug(id.get_ref()) != *id.get_ref() {
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
            well_known,
            family_name: raw.family_name.map(toml::Spanned::into_inner),
            titles: raw.titles,
            roles,
            ambiguous: raw.ambiguous,
            description: raw.description,
            prominence,
            source: si,
        });
        positions.push(pos);
    }
}

/// The roles of an entity, every problem reported: a date that is not
/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (or not a real day), `from` after `to`,
/// an empty title. A role with a bad date is left out.
fn roles(
    source: &DictSource,
    raw: &[toml::Spanned<schema::RawRole>],
    problems: &mut Vec<DictionaryProblem>,
) -> Vec<Role> {
    let mut out = Vec::with_capacity(raw.len());
    for r in raw {
        let r = r.get_ref();
        let title = r.title.get_ref();
        if title.trim().is_empty() || title.trim() != title {
            problems.push(problem(
                source,
                r.title.span().start,
                format!("role title `{title}` is empty or has stray spaces"),
            ));
        }
        let mut bad = false;
        let mut date = |d: &Option<toml::Spanned<String>>, key: &str| {
            let d = d.as_ref()?;
            let parsed = Date::parse_partial(d.get_ref());
            if parsed.is_none() {
                bad = true;
                problems.push(problem(
                    source,
                    d.span().start,
                    format!(
                        "`{key}` date `{}` is not a date written YYYY-MM-DD, YYYY-MM or YYYY",
                        d.get_ref()
                    ),
                ));
            }
            parsed
        };
        let (from, to) = (date(&r.from, "from"), date(&r.to, "to"));
        if bad {
            continue;
        }
        if let (Some(f), Some(t), Some(at)) = (from, to, &r.from)
            && f.earliest() > t.latest()
        {
            problems.push(problem(
                source,
                at.span().start,
                format!("role `{title}` starts ({f}) after it ends ({t})"),
            ));
            continue;
        }
        out.push(Role {
            title: title.clone(),
            org: r.org.clone(),
            from,
            to,
        });
    }
    out
}

/// Who claims a form: an entity being loaded (its index and the form's
/// offset in its source) or an entity of the base dictionary.
#[derive(Clone, Copy, Debug)]
enum Claim {
    New(usize, usize),
    Base(EntityId, FormId),
}

/// What a layer of sources takes over from the dictionary under it (see
/// [`Dictionary::load_onto`]), and the notes saying so.
#[derive(Debug, Default)]
struct Takeover {
    /// Forms of the base now hidden.
    forms: Vec<u32>,
    /// Entities of the base that a new entity refines.
    entities: Vec<u32>,
    notes: Vec<DictionaryProblem>,
    /// By new entity: the entity of the base it refines.
    refines: HashMap<usize, EntityId>,
}

/// Find the entities of `base` that the new entities refine (the same id,
/// or else a name that is the name or an alias of exactly one entity of
/// `base`), and make each
/// such new entity the merge of the two (see [`merge`]).
fn refine(base: &Dictionary, entities: &mut [Entity], positions: &mut [Positions], takeover: &mut Takeover) {
    if base.is_empty() {
        return;
    }
    let mut base_ids: HashMap<&str, EntityId> = HashMap::new();
    for (i, e) in base.entities().enumerate() {
        if !base.is_refined(EntityId(i as u32)) {
            base_ids.insert(&e.id, EntityId(i as u32));
        }
    }
    for (i, e) in entities.iter_mut().enumerate() {
        let by_name = || {
            let ids: Option<Vec<WordId>> = form_words(&e.name)
                .iter()
                .map(|w| base.index.word_id(w))
                .collect();
            let mut named: Vec<EntityId> = base
                .index
                .exact_forms(&ids?)
                .map(|f| base.form(f))
                .filter(|f| matches!(f.kind, FormKind::Name | FormKind::Alias))
                .map(|f| f.entity)
                .collect();
            named.sort_unstable();
            named.dedup();
            (named.len() == 1).then(|| named[0])
        };
        let Some(b) = base_ids.get(e.id.as_str()).copied().or_else(by_name) else {
            continue;
        };
        let old = base.entity(b);
        let merged = merge(old, std::mem::replace(e, Entity::new(old.kind, "")));
        *e = merged;
        let pos = &mut positions[i];
        let written: Vec<(usize, String, FormKind)> = std::mem::take(&mut pos.forms);
        pos.forms = (0..e.form_count())
            .filter_map(|k| e.form(k))
            .map(|(text, kind)| {
                let offset = written.iter().find(|w| w.1 == text).map_or(pos.entity, |w| w.0);
                (offset, text.to_owned(), kind)
            })
            .collect();
        takeover.entities.push(b.0);
        takeover.forms.extend(base.entity_forms(b).map(|f| f.0));
        takeover.refines.insert(i, b);
    }
}

/// `old` refined by `new`: the new entity's fields win where it sets them
/// (kind, name, family name, description, prominence, `well-known`); its
/// forms, titles, roles and `ambiguous` are added to the old ones, and a
/// form the new entity lists under another heading moves there (a
/// newsroom may call a built-in alias a misspelling). The old id is kept,
/// and the old name stays an alias when the new name differs.
fn merge(old: &Entity, new: Entity) -> Entity {
    let key = |s: &str| form_words(s).join(" ");
    let new_keys: Vec<String> = (0..new.form_count())
        .filter_map(|k| new.form(k))
        .map(|(t, _)| key(t))
        .collect();
    let keep = |list: &[String]| -> Vec<String> {
        list.iter()
            .filter(|f| !new_keys.contains(&key(f)))
            .cloned()
            .collect()
    };
    let union = |a: Vec<String>, b: Vec<String>| {
        let mut out = a;
        for x in b {
            if !out.iter().any(|y| key(y) == key(&x)) {
                out.push(x);
            }
        }
        out
    };
    let mut aliases = keep(&old.aliases);
    if key(&old.name) != key(&new.name) && !new_keys.contains(&key(&old.name)) {
        aliases.insert(0, old.name.clone());
    }
    let mut roles = old.roles.clone();
    for r in new.roles {
        if !roles.contains(&r) {
            roles.push(r);
        }
    }
    Entity {
        id: old.id.clone(),
        kind: new.kind,
        name: new.name,
        aliases: union(aliases, new.aliases),
        variants: union(keep(&old.variants), new.variants),
        misspellings: union(keep(&old.misspellings), new.misspellings),
        abbreviations: union(keep(&old.abbreviations), new.abbreviations),
        well_known: new.well_known || old.well_known,
        family_name: new.family_name.or_else(|| old.family_name.clone()),
        titles: union(old.titles.clone(), new.titles),
        roles,
        ambiguous: union(old.ambiguous.clone(), new.ambiguous),
        description: new.description.or_else(|| old.description.clone()),
        prominence: new.prominence.or(old.prominence),
        source: new.source,
    }
}

/// Where an offset of an entity being added was written: its source's name,
/// line and column. The arguments are the entity's index among those being
/// added and the offset (of the entity, its id or one of its forms).
type Locate<'a> = dyn Fn(usize, usize) -> (&'a str, usize, usize) + 'a;

/// Cross-entity checks, among the entities being added and against the
/// base dictionary: unique ids, no form claimed by two entities unless both
/// list it as ambiguous, no misspelling equal to a correct form.
///
/// With a `takeover` (a layer over the base, see
/// [`Dictionary::load_onto`]), what the new entities share with the base is
/// no problem: the forms of the base they claim are hidden, with a note.
fn validate(
    base: &Dictionary,
    entities: &[Entity],
    positions: &[Positions],
    locate: &Locate<'_>,
    problems: &mut Vec<DictionaryProblem>,
    mut takeover: Option<&mut Takeover>,
) {
    let at = |e: usize, offset: usize| {
        let (path, l, c) = locate(e, offset);
        format!("{path}:{l}:{c}")
    };
    let report = |e: usize, offset: usize, message: String| {
        let (path, line, column) = locate(e, offset);
        DictionaryProblem {
            path: path.to_owned(),
            line,
            column,
            message,
        }
    };
    // A base made by `from_entities` has no source names.
    let base_source = |e: EntityId| {
        base.sources
            .get(base.entity(e).source as usize)
            .map_or("the base dictionary", String::as_str)
    };

    // A layer's ids that equal the base's refine it (`refine`).
    let mut base_ids: HashMap<&str, EntityId> = HashMap::new();
    if !entities.is_empty() && takeover.is_none() {
        for (i, e) in base.entities().enumerate() {
            base_ids.insert(&e.id, EntityId(i as u32));
        }
    }
    let hidden_before: std::collections::HashSet<u32> = takeover
        .as_ref()
        .map(|t| t.forms.iter().copied().collect())
        .unwrap_or_default();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        let pos = &positions[i];
        let first = if let Some(&b) = base_ids.get(e.id.as_str()) {
            Some(base_source(b).to_owned())
        } else {
            ids.get(e.id.as_str())
                .map(|&f| at(f, positions[f].id.unwrap_or(positions[f].entity)))
        };
        match first {
            Some(first) => problems.push(report(
                i,
                pos.id.unwrap_or(pos.entity),
                format!("duplicate id `{}` (first at {first})", e.id),
            )),
            None => {
                ids.insert(&e.id, i);
            }
        }
    }
    // Forms compared by their folded words; the base's claims come first.
    let mut owners: HashMap<String, Vec<(Claim, FormKind)>> = HashMap::new();
    for (i, pos) in positions.iter().enumerate() {
        for (offset, text, kind) in &pos.forms {
            let words = form_words(text);
            let key = words.join(" ");
            if !owners.contains_key(&key) {
                let word_ids: Option<Vec<WordId>> = words.iter().map(|w| base.index.word_id(w)).collect();
                let list = owners.entry(key.clone()).or_default();
                for f in word_ids.iter().flat_map(|ids| base.index.exact_forms(ids)) {
                    if !hidden_before.contains(&f.0) {
                        list.push((Claim::Base(base.form(f).entity, f), base.form(f).kind));
                    }
                }
            }
            owners
                .entry(key)
                .or_default()
                .push((Claim::New(i, *offset), *kind));
        }
    }
    let entity = |c: Claim| match c {
        Claim::New(e, _) => &entities[e],
        Claim::Base(e, _) => base.entity(e),
    };
    let text_of = |e: usize, offset: usize| {
        positions[e]
            .forms
            .iter()
            .find(|f| f.0 == offset)
            .map_or("", |f| f.1.as_str())
    };
    let mut keys: Vec<&String> = owners.keys().collect();
    keys.sort();
    for key in keys {
        let list = &owners[key];
        if list.len() < 2 {
            continue;
        }
        // Entities that all list the form under `ambiguous` share it on purpose.
        let same = |a: Claim, b: Claim| match (a, b) {
            (Claim::New(x, _), Claim::New(y, _)) => x == y,
            (Claim::Base(x, _), Claim::Base(y, _)) => x == y,
            _ => false,
        };
        let shared_on_purpose = list.iter().all(|&(c, kind)| {
            kind.is_correct()
                && entity(c)
                    .ambiguous
                    .iter()
                    .any(|a| form_words(a).join(" ") == *key)
        });
        if shared_on_purpose && list.iter().any(|&(c, _)| !same(c, list[0].0)) {
            continue;
        }
        // A layer takes the form from the base: the base's claims are
        // hidden, and the new ones are checked among themselves.
        let taken: Vec<(Claim, FormKind)>;
        let list: &[(Claim, FormKind)] = match takeover.as_deref_mut() {
            Some(t) if list.iter().any(|(c, _)| matches!(c, Claim::New(..))) => {
                let new: Vec<(Claim, FormKind)> = list
                    .iter()
                    .copied()
                    .filter(|(c, _)| matches!(c, Claim::New(..)))
                    .collect();
                let Claim::New(e, offset) = new[0].0 else {
                    unreachable!()
                };
                for &(c, kind) in list {
                    let Claim::Base(b, f) = c else { continue };
                    t.forms.push(f.0);
                    let old = base.entity(b);
                    t.notes.push(report(
                        e,
                        offset,
                        format!(
                            "note: `{}` is the {} of `{}` in {}; here it belongs to `{}`",
                            text_of(e, offset),
                            form_kind_name(kind),
                            old.id,
                            base_source(b),
                            entities[e].id
                        ),
                    ));
                }
                taken = new;
                &taken
            }
            _ => list,
        };
        if list.len() < 2 {
            continue;
        }
        let (c0, k0) = list[0];
        let where0 = match c0 {
            Claim::New(e, offset) => at(e, offset),
            Claim::Base(e, _) => base_source(e).to_owned(),
        };
        let id0 = &entity(c0).id;
        for &(c, kind) in &list[1..] {
            let Claim::New(e, offset) = c else { continue };
            let text = text_of(e, offset);
            let id = &entities[e].id;
            let message = if same(c, c0) {
                format!("`{text}` is listed twice for `{id}` (also at {where0})")
            } else if kind.is_correct() != k0.is_correct() {
                let (wrong_kind, wrong, right) = if kind.is_correct() {
                    (k0, id0, id)
                } else {
                    (kind, id, id0)
                };
                format!(
                    "`{text}` is a {} of `{wrong}` but a correct form of `{right}` (at {where0})",
                    form_kind_name(wrong_kind)
                )
            } else {
                format!("`{text}` belongs to two entities, `{id0}` and `{id}` (at {where0})")
            };
            problems.push(report(e, offset, message));
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
    use crate::entity::EntityKind;
    use crate::test_util::newsroom;

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
        assert_eq!(d.entity(EntityId(0)).id, "jennifer-daskal");
        assert_eq!(d.form_count(), 2);
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

    /// Issue 23: `id = ""` passed the slug check, and a NUL inside a name
    /// was taken.
    #[test]
    fn empty_ids_and_control_characters_are_problems() {
        assert_eq!(
            problems("[[entity]]\nid = \"\"\nkind = \"person\"\nname = \"Ann Bee\"\n"),
            ["news.toml:2:6: id `` is not a slug (lower-case letters, digits and `-`)"]
        );
        assert_eq!(
            problems("[[entity]]\nkind = \"person\"\nname = \"Ann\\u0000Bee\"\naliases = [\"A\\tBee\"]\n"),
            [
                "news.toml:3:8: name `Ann\\u{0}Bee` has a control character",
                "news.toml:4:12: alias `A\\tBee` has a control character",
            ]
        );
    }

    #[test]
    fn roles_and_well_known_are_loaded_and_checked() {
        let d = Dictionary::load(&[src(
            "[[entity]]\nkind = \"organization\"\nname = \"Federal Bureau of Investigation\"\n\
             abbreviations = [\"FBI\"]\nwell-known = true\n\n\
             [[entity]]\nkind = \"person\"\nname = \"Ann Bee\"\nroles = [\n  \
             { title = \"Representative\", org = \"United States House of Representatives\", from = \"2013-01-03\", to = \"2015-01-03\" },\n  \
             { title = \"Senator\", org = \"United States Senate\", from = \"2015-01-03\" },\n]\n",
        )])
        .unwrap();
        assert!(d.entity(EntityId(0)).well_known);
        let roles = &d.entity(EntityId(1)).roles;
        assert_eq!(roles.len(), 2);
        assert_eq!(roles[0].to.map(|d| d.to_string()).as_deref(), Some("2015-01-03"));
        assert_eq!(roles[1].org.as_deref(), Some("United States Senate"));
        assert_eq!(roles[1].to, None);

        let text = "\
[[entity]]
kind = \"person\"
name = \"Ann Bee\"
well-known = true
roles = [
  { title = \"Senator\", from = \"2015-02-30\" },
  { title = \"Senator\", from = \"2019-01-03\", to = \"2015-01-03\" },
  { title = \" \", from = \"2015\", to = \"soon\" },
  { title = \"Secretary of State\", from = \"2019\", to = \"2019-03\" },
  { title = \"Secretary of State\" },
]
";
        assert_eq!(
            problems(text),
            [
                "news.toml:4:14: `well-known` is for abbreviations, and the entity has none",
                "news.toml:6:31: `from` date `2015-02-30` is not a date written YYYY-MM-DD, YYYY-MM or YYYY",
                "news.toml:7:31: role `Senator` starts (2019-01-03) after it ends (2015-01-03)",
                "news.toml:8:13: role title ` ` is empty or has stray spaces",
                "news.toml:8:38: `to` date `soon` is not a date written YYYY-MM-DD, YYYY-MM or YYYY",
            ]
        );
    }

    #[test]
    fn entities_made_in_code_are_checked_against_the_base() {
        let person = |id: &str, name: &str| Entity {
            id: id.into(),
            ..Entity::new(EntityKind::Person, name)
        };
        // An id and a form of the base, an id given twice, a misspelling
        // that is another new entity's name.
        let clashing = vec![
            person("generated-ann-bee", "Ann Bee"),
            person("brenda-jones", "Brenda Jones"),
            person("generated-ann-bee", "Homeland Security Department"),
            Entity {
                misspellings: vec!["Ann Bee".into()],
                ..person("generated-ann-beet", "Ann Beet")
            },
        ];
        let err = newsroom().add_entities("generated", clashing).unwrap_err();
        assert_eq!(
            err.to_string(),
            "generated:2:1: `Brenda Jones` belongs to two entities, `brenda-jones` and `brenda-jones` (at test.toml)\n\
             generated:2:1: duplicate id `brenda-jones` (first at test.toml)\n\
             generated:3:1: `Homeland Security Department` belongs to two entities, `department-of-homeland-security` and `generated-ann-bee` (at test.toml)\n\
             generated:3:1: duplicate id `generated-ann-bee` (first at generated:1:1)\n\
             generated:4:1: `Ann Bee` is a misspelling of `generated-ann-beet` but a correct form of `generated-ann-bee` (at generated:1:1)"
        );
    }

    #[test]
    fn unknown_field_and_syntax_errors_have_positions() {
        assert_eq!(
            problems("[[entity]]\nkind = \"person\"\nname = \"A B\"\nnickname = \"x\"\n"),
            [
                "news.toml:4:1: unknown field `nickname`, expected one of `id`, `kind`, `name`, `aliases`, `variants`, `misspellings`, `abbreviations`, `well-known`, `family-name`, `titles`, `roles`, `ambiguous`, `description`, `prominence`"
            ]
        );
        assert_eq!(
            problems(
                "[[entity]]\nkind = \"person\"\nname = \"A B\"\nroles = [{ title = \"Senator\", from = \"2013-01-03\", term = 6 }]\n"
            ),
            ["news.toml:4:52: unknown field `term`, expected one of `title`, `org`, `from`, `to`"]
        );
        assert_eq!(
            problems("[[entity]\n"),
            ["news.toml:1:10: unclosed array table, expected `]`"]
        );
    }
}
