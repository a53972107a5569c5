//! What the unit tests of the generators share: dictionaries loaded from
//! `(file name, text)` pairs, and the entity tables of a generated file.

use copydesk::{DictSource, Dictionary};

use crate::reserved::Reserved;

fn sources(files: &[(&str, &str)]) -> Vec<DictSource> {
    files
        .iter()
        .map(|&(name, text)| DictSource {
            name: name.to_owned(),
            text: text.to_owned(),
        })
        .collect()
}

/// Assert that the dictionaries load together, as copydesk loads the
/// built-in ones, and return them.
#[track_caller]
pub(crate) fn assert_loads(files: &[(&str, &str)]) -> Dictionary {
    match Dictionary::load(&sources(files)) {
        Ok(dict) => dict,
        Err(e) => panic!("the dictionaries do not load: {e}"),
    }
}

/// What the dictionaries hold, for a generator loaded with them.
pub(crate) fn reserved(files: &[(&str, &str)]) -> Reserved {
    Reserved::from_sources(&sources(files)).expect("the dictionaries load")
}

/// The `[[entity]]` tables of a generated file, from the blank line before
/// the first one: the file without its header comment and `[meta]`.
#[track_caller]
pub(crate) fn entities(toml: &str) -> &str {
    &toml[toml.find("\n[[entity]]").expect("an entity")..]
}
