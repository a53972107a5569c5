//! A story read as markdown: lint, fix, lint again, with every invariant checked.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| copydesk_fuzz::story(data, copydesk::Format::Markdown));
