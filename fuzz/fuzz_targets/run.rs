//! A whole run: the input split at NUL bytes into stories of each format
//! in turn, linted together (so the run-level rule, CD005, reads them all),
//! with every invariant checked, then each story fixed and linted again.
#![no_main]

use copydesk::linter::lint_documents;
use copydesk::{Documents, Format, Settings};
use copydesk_fuzz::{BUILTIN, invariants};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let formats = [Format::Plain, Format::Markdown, Format::Html];
    let mut docs = Documents::new();
    for (i, story) in text.split('\0').enumerate().take(16) {
        docs.add(format!("s{i}"), story, formats[i % 3]);
    }
    let diags = lint_documents(&docs, &BUILTIN, &Settings::default());
    invariants::check_diagnostics(&docs, &diags);
    for doc in docs.iter() {
        invariants::lint_fix_lint(&doc.text, doc.format, &BUILTIN, &Settings::default());
    }
});
