//! The build order's machinery: a [`Pipeline`] builds the generated
//! dictionaries from the data checkout, in the order it is given (each
//! [`Step`] a dictionary and its generator), each one once and in memory,
//! and tells a generator what the dictionaries before its own hold.
//!
//! The order itself, which generator builds which dictionary, is the
//! binary's (`main.rs`): this module knows no generator.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use copydesk::DictSource;

use crate::reserved::Reserved;

/// A generator: the TOML text of one dictionary, from the data checkout and
/// the dictionaries built before it.
pub(crate) type Generator = fn(&Pipeline) -> Result<String>;

/// What a dictionary offers the ones built before it: the keys of the forms
/// it gives its entities before it is checked against the others, for an
/// earlier dictionary to list under `ambiguous` the forms it shares with
/// them (`us-agencies.toml` lists "BIS", which `international-orgs.toml`
/// also gives the Bank for International Settlements).
pub(crate) type Offer = fn(&Pipeline) -> Result<HashSet<String>>;

/// One generated dictionary of the build order.
pub(crate) struct Step {
    /// The file name without `.toml`.
    pub(crate) name: &'static str,
    pub(crate) generate: Generator,
    /// What it offers the dictionaries before it, if any asks.
    pub(crate) offer: Option<Offer>,
}

/// The built-in dictionaries every generated one is loaded with, by name
/// and text: `newsroom.toml` is kept by hand, `us-congress.toml` is
/// generated from `legislators-current.yaml` (`dictgen congress`). They are
/// taken as the source tree holds them, unless the pipeline is given
/// another text ([`Pipeline::with_base`]).
pub(crate) const BASE: [(&str, &str); 2] = [
    ("newsroom", include_str!("../../newsroom.toml")),
    ("us-congress", include_str!("../../us-congress.toml")),
];

/// The data checkout, the build order and the dictionaries built so far:
/// building one dictionary builds the ones before it in the order, each
/// once, in memory, so that a generator's output depends on the data alone
/// (and on [`BASE`]), never on what the `dictionaries/` folder holds at the
/// time.
///
/// Each dictionary is loaded with [`BASE`] and with every one before it,
/// and gives way to them: an entity whose name they hold is left out, and a
/// form they hold is dropped, unless they share it ([`Reserved`]).
pub(crate) struct Pipeline {
    data: PathBuf,
    order: &'static [Step],
    base: Vec<(&'static str, String)>,
    built: RefCell<HashMap<&'static str, String>>,
}

impl Pipeline {
    /// A pipeline over the data checkout (`../shared/data`) that builds the
    /// dictionaries of `order`, in that order.
    pub(crate) fn new(data: &Path, order: &'static [Step]) -> Self {
        Pipeline {
            data: data.to_owned(),
            order,
            base: BASE.iter().map(|&(name, text)| (name, text.to_owned())).collect(),
            built: RefCell::default(),
        }
    }

    /// The pipeline with `text` as the base dictionary `name` instead of the
    /// one the source tree holds: a `us-congress.toml` just regenerated.
    pub(crate) fn with_base(mut self, name: &str, text: String) -> Self {
        for (base, old) in &mut self.base {
            if *base == name {
                *old = text;
                break;
            }
        }
        self
    }

    /// The text of the file `rel` under the data checkout.
    pub(crate) fn read(&self, rel: &str) -> Result<String> {
        let path = self.data.join(rel);
        fs::read_to_string(&path).with_context(|| format!("failed to read {}", path.display()))
    }

    /// The step of the order that builds `name`.
    fn step(&self, name: &str) -> Result<&'static Step> {
        match self.order.iter().find(|s| s.name == name) {
            Some(step) => Ok(step),
            None => bail!("no generator for `{name}`"),
        }
    }

    /// The TOML text of the generated dictionary `name`.
    pub(crate) fn dictionary(&self, name: &str) -> Result<String> {
        let step = self.step(name)?;
        if let Some(text) = self.built.borrow().get(step.name) {
            return Ok(text.clone());
        }
        let text = (step.generate)(self).with_context(|| format!("failed to build {name}.toml"))?;
        self.built.borrow_mut().insert(step.name, text.clone());
        Ok(text)
    }

    /// What the dictionary `name`, built after the one that asks, offers it
    /// ([`Offer`]).
    pub(crate) fn offered(&self, name: &str) -> Result<HashSet<String>> {
        match self.step(name)?.offer {
            Some(offer) => offer(self).with_context(|| format!("failed to list what {name}.toml offers")),
            None => bail!("{name}.toml offers nothing to the dictionaries before it"),
        }
    }

    /// The dictionaries `name` is loaded with and gives way to: [`BASE`] and
    /// the generated ones before it in the order.
    pub(crate) fn loaded_with(&self, name: &str) -> Result<Vec<DictSource>> {
        let mut sources: Vec<DictSource> = self
            .base
            .iter()
            .map(|(base, text)| DictSource {
                name: format!("{base}.toml"),
                text: text.clone(),
            })
            .collect();
        for earlier in self.order.iter().take_while(|s| s.name != name) {
            sources.push(DictSource {
                name: format!("{}.toml", earlier.name),
                text: self.dictionary(earlier.name)?,
            });
        }
        Ok(sources)
    }

    /// What the dictionaries `name` is loaded with hold.
    pub(crate) fn reserved(&self, name: &str) -> Result<Reserved> {
        Reserved::from_sources(&self.loaded_with(name)?)
    }
}
