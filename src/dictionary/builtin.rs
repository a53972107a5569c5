//! The dictionaries embedded in the binary.

use super::DictSource;

/// `(name, TOML text)` of every built-in dictionary.
pub const BUILTIN: &[(&str, &str)] = &[
    ("newsroom", include_str!("../../dictionaries/newsroom.toml")),
    ("us-congress", include_str!("../../dictionaries/us-congress.toml")),
];

/// The built-in dictionaries as sources named `builtin:NAME`.
pub fn builtin_sources() -> Vec<DictSource> {
    BUILTIN
        .iter()
        .map(|(name, text)| DictSource {
            name: format!("builtin:{name}"),
            text: (*text).to_owned(),
        })
        .collect()
}
