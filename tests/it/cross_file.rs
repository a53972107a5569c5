//! The fixture repository `tests/fixtures/cross_file/`: 50 short stories in
//! which the infrastructure minister is "Oleksandra Hrytsenko" in 46 and
//! "Hritsenko" in 4. Linted as one run, CD005 must flag every use in the 4
//! and nothing else, with or without the built-in dictionaries.

use std::collections::BTreeSet;
use std::path::Path;

use copydesk::linter::lint_documents;
use copydesk::{Dictionary, Documents, Format, Settings};

const MINORITY: [&str; 4] = [
    "08-ferry-odesa-batumi.txt",
    "20-bridge-competition.txt",
    "34-rail-strike.md",
    "45-cargo-airport.txt",
];

fn fixture() -> Documents {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cross_file");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut docs = Documents::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let format = Format::from_path(&name).expect("a .md or .txt fixture");
        docs.add(name, text, format);
    }
    docs
}

fn builtin() -> Dictionary {
    copydesk::builtin()
}

#[test]
fn fixture_is_fifty_stories_with_four_odd_ones() {
    let docs = fixture();
    assert_eq!(docs.len(), 50);
    let odd: Vec<&str> = docs
        .iter()
        .filter(|d| d.text.contains("Hritsenko"))
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(odd, MINORITY);
    assert!(
        docs.iter()
            .all(|d| d.text.contains("Hritsenko") != d.text.contains("Hrytsenko"))
    );
}

#[test]
fn cd005_flags_exactly_the_minority_uses() {
    let docs = fixture();
    // Every use of the odd spelling, as (file, byte offset).
    let expected: BTreeSet<(String, usize)> = docs
        .iter()
        .flat_map(|d| {
            d.text
                .match_indices("Hritsenko")
                .map(|(i, _)| (d.name.clone(), i))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(expected.len(), 7);
    for dict in [builtin(), Dictionary::empty()] {
        let diags = lint_documents(&docs, &dict, &Settings::default());
        let found: BTreeSet<(String, usize)> = diags
            .iter()
            .map(|d| (docs.get(d.doc).name.clone(), d.span.start))
            .collect();
        assert_eq!(found, expected, "{diags:#?}");
        assert_eq!(diags.len(), expected.len());
        for d in &diags {
            assert_eq!(d.code, "CD005");
            assert_eq!(d.found, "Hritsenko");
            assert_eq!(d.suggestions, ["Hrytsenko"]);
            assert!(
                d.message
                    .starts_with("`Hritsenko` is spelled `Hrytsenko` in 46 other files"),
                "{}",
                d.message
            );
            // The secondary label points into another file, at the majority form.
            let r = &d.related[0];
            assert_ne!(r.doc, d.doc);
            assert_eq!(r.span.slice(&docs.get(r.doc).text), "Hrytsenko");
        }
    }
}

#[test]
fn without_cd005_the_fixture_is_clean() {
    let docs = fixture();
    let mut settings = Settings::default();
    settings.disable("CD005");
    assert_eq!(lint_documents(&docs, &builtin(), &settings), []);
    assert_eq!(lint_documents(&docs, &Dictionary::empty(), &settings), []);
}
