//! Test dictionaries: the small one the rule tests of the linter also use,
//! and one from any TOML text.

use crate::dictionary::{DictSource, Dictionary};

/// A small dictionary for tests, independent of the shipped ones.
pub(crate) fn newsroom() -> Dictionary {
    dictionary("test.toml", include_str!("test-newsroom.toml"))
}

/// A dictionary from TOML text, for a test; panics on a broken one.
pub(crate) fn dictionary(name: &str, text: &str) -> Dictionary {
    Dictionary::load(&[DictSource {
        name: name.into(),
        text: text.into(),
    }])
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}
