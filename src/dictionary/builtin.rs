//! The dictionaries embedded in the binary.
//!
//! The build script (`src/build.rs`) loads every `dictionaries/*.toml`,
//! checks it as `copydesk dict check` would, and compiles it with
//! [`Dictionary::to_bytes`]; the bytes are embedded here and used in place.

use super::DictSource;
#[cfg(copydesk_builtin)]
use super::Dictionary;

/// 8-byte alignment for the embedded bytes, so that the index arrays are
/// read in place.
#[cfg(copydesk_builtin)]
#[repr(C, align(8))]
struct Aligned<B: ?Sized>(B);

#[cfg(copydesk_builtin)]
static COMPILED: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/builtin.dict")));

/// The built-in dictionaries, compiled: every `dictionaries/*.toml` of the
/// source tree, named `builtin:NAME`.
#[cfg(copydesk_builtin)]
pub fn builtin() -> Dictionary {
    Dictionary::from_bytes(&COMPILED.0).expect("the built-in dictionary was compiled by this build")
}

/// `(name, TOML text)` of the hand-kept and current-Congress dictionaries:
/// the base that the generators of the other dictionaries build on and
/// give way to. (Every dictionary is built in; these two are also kept as
/// text for the generators.)
pub const BUILTIN: &[(&str, &str)] = &[
    ("newsroom", include_str!("../../dictionaries/newsroom.toml")),
    ("us-congress", include_str!("../../dictionaries/us-congress.toml")),
];

/// The dictionaries of [`BUILTIN`] as sources named `builtin:NAME`.
pub fn builtin_sources() -> Vec<DictSource> {
    BUILTIN
        .iter()
        .map(|(name, text)| DictSource {
            name: format!("builtin:{name}"),
            text: (*text).to_owned(),
        })
        .collect()
}
