//! `copydesk dict import`: the dictionary of US executive officials.

use std::path::Path;

use anyhow::{Result, bail};

/// Read the raw files under `data` and return the dictionary's TOML text.
pub(crate) fn generate(data: &Path) -> Result<String> {
    bail!(
        "the US executive officials generator is not built yet (data: {})",
        data.display()
    )
}
