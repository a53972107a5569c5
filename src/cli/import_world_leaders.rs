//! `copydesk dict import`: the dictionary of world leaders.

use std::path::Path;

use anyhow::{Result, bail};

/// Read the raw files under `data` and return the dictionary's TOML text.
pub(crate) fn generate(data: &Path) -> Result<String> {
    bail!(
        "the world leaders generator is not built yet (data: {})",
        data.display()
    )
}
