//! `copydesk.toml`: read and resolved by the binary's own modules
//! (src/cli/config.rs and src/cli/read.rs, compiled here as they are: the
//! configuration is the binary's, not the library's). Errors must carry the
//! file's name, a type error must not echo the value found, and `exclude`
//! must answer for any path.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

#[allow(dead_code, unreachable_pub)]
#[path = "../../src/cli/read.rs"]
mod read;

#[allow(dead_code, unreachable_pub)]
#[path = "../../src/cli/config.rs"]
mod config;

fuzz_target!(|data: &[u8]| {
    // A `dictionaries` glob could walk the whole disk: keep to the folder.
    if data.windows(2).any(|w| w == b"**" || w == b"..") || data.contains(&b'/') {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("copydesk.toml");
    std::fs::write(&path, data).expect("write");
    match config::Config::read(&path) {
        Ok(config) => {
            for p in ["a.md", "drafts/../archive/x.md", "/elsewhere/x.txt", ""] {
                let _ = config.excludes(Path::new(p));
            }
            let _ = config.render(dir.path());
        }
        Err(e) => {
            let message = format!("{e:#}");
            assert!(message.contains("copydesk.toml"), "{message}");
            if let Some(rest) = message.split("invalid type: ").nth(1) {
                assert!(!rest.contains('"') || rest.contains("expected"), "{message}");
            }
        }
    }
});
