//! What the dictionaries a generated one is loaded with hold ([`Reserved`]),
//! and the rule of sharing: a form another dictionary holds is taken,
//! unless every entity that holds it lists it under `ambiguous` (two people
//! with one name, two bodies with one abbreviation); then a new entity may
//! claim it too, listing it there as well ([`ambiguous_forms`]).

use std::collections::{HashMap, HashSet};

use anyhow::{Context, Result, anyhow};
use copydesk::{DictSource, Dictionary, Entity};

use crate::forms::key;

/// An entity of another dictionary that holds a form.
#[derive(Clone, Debug)]
pub(crate) struct Holder {
    /// `file.toml: id`, for the header comments.
    pub(crate) label: String,
    /// The entity lists the form under `ambiguous`, as a correct form: it
    /// shares it on purpose.
    pub(crate) shares: bool,
}

/// The forms and ids of the dictionaries a generated one is loaded with.
#[derive(Debug)]
pub(crate) struct Reserved {
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
    pub(crate) fn from_sources(sources: &[DictSource]) -> Result<Reserved> {
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
    pub(crate) fn holders(&self, form: &str) -> &[Holder] {
        self.forms.get(&key(form)).map_or(&[], Vec::as_slice)
    }

    /// An entity that holds the form and does not share it: the form is
    /// taken. `None` when nobody holds it, or every holder shares it.
    pub(crate) fn taken(&self, form: &str) -> Option<&Holder> {
        self.holders(form).iter().find(|h| !h.shares)
    }

    /// Every holder of the form shares it (and there is one): an entity of
    /// the generated dictionary may claim it too, listing it under
    /// `ambiguous`.
    pub(crate) fn shared(&self, form: &str) -> bool {
        let holders = self.holders(form);
        !holders.is_empty() && holders.iter().all(|h| h.shares)
    }

    /// `file.toml: id` of the entity with this id.
    pub(crate) fn id(&self, id: &str) -> Option<&str> {
        self.ids.get(id).map(String::as_str)
    }

    /// The loaded dictionaries.
    pub(crate) fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    /// The file (`file.toml`) an entity of [`Reserved::dictionary`] is from.
    pub(crate) fn file_of(&self, e: &Entity) -> &str {
        &self.dict.sources()[usize::from(e.source)]
    }
}

/// The forms of `forms` an entity lists under `ambiguous`: those `shared`
/// says are shared, each once, in order.
pub(crate) fn ambiguous_forms<'a>(
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
