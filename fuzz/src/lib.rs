//! Shared by the fuzz targets: the built-in dictionary loaded once, and the
//! invariants (also used by `tests/it/properties.rs`).

pub mod invariants;

use std::sync::LazyLock;

use copydesk::{Dictionary, Format, Settings};

/// The built-in dictionaries, loaded once per process.
pub static BUILTIN: LazyLock<Dictionary> = LazyLock::new(copydesk::builtin);

/// Lint a story in `format` with the built-in dictionaries and check every
/// invariant, fixes included.
pub fn story(data: &[u8], format: Format) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = copydesk::Document::new(copydesk::DocumentId(0), "story", text, format);
    invariants::check_document(&doc);
    invariants::lint_fix_lint(text, format, &BUILTIN, &Settings::default());
}
