//! Build script: compiles the built-in dictionaries.
//!
//! Every `dictionaries/*.toml` is loaded and checked with the dictionary
//! core (`copydesk-core`, the crate the linter uses), then compiled with
//! `Dictionary::to_bytes` into `$OUT_DIR/builtin.dict`, which
//! `src/builtin.rs` embeds. An invalid dictionary stops the build with
//! every problem and its file, line and column.

use std::path::{Path, PathBuf};

use copydesk_core::{DictSource, Dictionary};

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    println!("cargo::rerun-if-changed=dictionaries");
    println!("cargo::rerun-if-changed=src/build.rs");
    let sources = builtin_sources(&root.join("dictionaries"));
    let dict =
        Dictionary::load(&sources).unwrap_or_else(|e| panic!("the built-in dictionaries are invalid:\n{e}"));
    std::fs::write(out.join("builtin.dict"), dict.to_bytes()).expect("write $OUT_DIR/builtin.dict");
}

/// Every `*.toml` of the folder, sorted by name (without the extension), as
/// `builtin:NAME`.
fn builtin_sources(dir: &Path) -> Vec<DictSource> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.expect("list dictionaries/").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    // By name, so that `us-congress` comes before `us-congress-former`.
    paths.sort_by_key(|p| p.file_stem().map(|s| s.to_owned()));
    paths
        .iter()
        .map(|p| DictSource {
            name: format!(
                "builtin:{}",
                p.file_stem().expect("a file name").to_string_lossy()
            ),
            text: std::fs::read_to_string(p).unwrap_or_else(|e| panic!("read {}: {e}", p.display())),
        })
        .collect()
}
