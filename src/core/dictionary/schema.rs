//! The TOML dictionary format (see `dictionaries/README.md`).

use crate::entity::EntityKind;
use serde::Deserialize;
use toml::Spanned;

/// A whole dictionary file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct DictionaryFile {
    pub(crate) meta: Option<Meta>,
    #[serde(default)]
    pub(crate) entity: Vec<Spanned<RawEntity>>,
}

/// `[meta]`: where the data came from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Meta {
    #[allow(dead_code)]
    pub(crate) name: Option<String>,
    #[allow(dead_code)]
    pub(crate) source: Option<String>,
    #[allow(dead_code)]
    pub(crate) licence: Option<String>,
    #[allow(dead_code)]
    pub(crate) as_of: Option<String>,
    #[allow(dead_code)]
    pub(crate) generator: Option<String>,
}

/// One `[[entity]]` table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawEntity {
    pub(crate) id: Option<Spanned<String>>,
    pub(crate) kind: EntityKind,
    pub(crate) name: Spanned<String>,
    #[serde(default)]
    pub(crate) aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) variants: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) misspellings: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) abbreviations: Vec<Spanned<String>>,
    pub(crate) well_known: Option<Spanned<bool>>,
    pub(crate) family_name: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) titles: Vec<String>,
    #[serde(default)]
    pub(crate) roles: Vec<Spanned<RawRole>>,
    #[serde(default)]
    pub(crate) ambiguous: Vec<String>,
    pub(crate) description: Option<String>,
    pub(crate) prominence: Option<Spanned<u8>>,
}

/// One office of `roles = [{ title = "...", org = "...", from = "YYYY-MM-DD",
/// to = "YYYY-MM-DD" }]`; only `title` is required, and the dates (also
/// `YYYY-MM` or `YYYY`) are checked by the loader.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawRole {
    pub(crate) title: Spanned<String>,
    pub(crate) org: Option<String>,
    pub(crate) from: Option<Spanned<String>>,
    pub(crate) to: Option<Spanned<String>>,
}
