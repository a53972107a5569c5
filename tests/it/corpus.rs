//! Real articles in `tests/corpus/`, linted with the built-in dictionaries,
//! against committed expected output (`<article>.expected`, the human format
//! without colour). Update with `SNAPSHOTS=overwrite cargo test`.
//!
//! A change that adds or removes a finding on real text shows up here as a
//! diff.

use std::path::Path;
use std::sync::LazyLock;

use copydesk::render::{ColorChoice, Emitter, HumanEmitter, ShortEmitter};
use copydesk::{Dictionary, Documents, Format, Settings, lint};
use snapbox::{Data, assert_data_eq, data::DataFormat};

static BUILTIN: LazyLock<Dictionary> = LazyLock::new(|| {
    Dictionary::load(&copydesk::dictionary::builtin_sources()).expect("built-in dictionaries")
});

fn render(path: &Path, dict: &Dictionary, human: bool) -> String {
    let text = std::fs::read_to_string(path).expect("corpus file is UTF-8");
    let name = format!("tests/corpus/{}", path.file_name().unwrap().to_string_lossy());
    let mut docs = Documents::new();
    let id = docs.add(
        name.clone(),
        text,
        Format::from_path(&name).unwrap_or(Format::Plain),
    );
    let diags = lint(docs.get(id), dict, &Settings::default());
    let mut out = Vec::new();
    if human {
        HumanEmitter::new(ColorChoice::Never)
            .emit(&mut out, &docs, &diags)
            .unwrap();
    } else {
        ShortEmitter.emit(&mut out, &docs, &diags).unwrap();
    }
    String::from_utf8(out).unwrap()
}

fn articles() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt" | "md" | "html")
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn corpus_matches_expected_output() {
    for path in articles() {
        let expected = path.with_extension("expected");
        let actual = render(&path, &BUILTIN, true);
        assert_data_eq!(actual, Data::read_from(&expected, Some(DataFormat::Text)));
    }
}

/// The example article: exactly the three real errors, and with no
/// dictionary at all nothing that only a dictionary could know.
#[test]
fn counternarcotics_three_findings() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/counternarcotics.txt");
    assert_eq!(
        render(&path, &BUILTIN, false),
        "\
tests/corpus/counternarcotics.txt:12:1: CD001 [error] `Counternarctoics Working Group` looks like a misspelling of `Counternarcotics Working Group` (did you mean `Counternarcotics Working Group`?)
tests/corpus/counternarcotics.txt:20:93: CD001 [error] `Jennifer Deskel` looks like a misspelling of `Jennifer Daskal` (did you mean `Jennifer Daskal`?)
tests/corpus/counternarcotics.txt:22:78: CD003 [warning] `Department of Treasury` is not the house style for `Department of the Treasury` (did you mean `Department of the Treasury`?)
"
    );
}
