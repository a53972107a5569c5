//! A dictionary file: loaded alone and, when it loads, onto the built-in
//! dictionaries too (slow to open, so only for the inputs that get that
//! far); problems have positions inside the file, and a dictionary that
//! loads lints a story built from its own forms with every invariant
//! holding.
#![no_main]

use copydesk::{DictSource, Dictionary, Error, Format, Settings};
use copydesk_fuzz::invariants;
use libfuzzer_sys::fuzz_target;

/// Lint a story of the dictionary's own forms, and of each with its last
/// letter doubled.
fn lint_own_forms(dict: &Dictionary) {
    let mut story = String::new();
    for form in dict.forms().take(50) {
        story.push_str(form.text);
        story.push_str(" said. ");
        story.push_str(form.text);
        if let Some(c) = form.text.chars().last() {
            story.push(c);
        }
        story.push_str(" left.\n");
    }
    invariants::lint_fix_lint(&story, Format::Plain, dict, &Settings::default());
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = [DictSource {
        name: "news.toml".into(),
        text: text.to_owned(),
    }];
    let lines = text.lines().count().max(1);
    for base in [Dictionary::empty, copydesk::builtin] {
        match Dictionary::load_onto(base(), &source) {
            Err(Error::Dictionary(problems)) => {
                assert!(!problems.is_empty());
                for p in problems.iter().filter(|p| p.path == "news.toml") {
                    assert!(p.line >= 1 && p.line <= lines + 1, "{p}");
                    assert!(p.column >= 1, "{p}");
                }
                let _ = problems.iter().map(ToString::to_string).count();
                return;
            }
            Ok(dict) => lint_own_forms(&dict),
        }
    }
});
