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

static BUILTIN: LazyLock<Dictionary> = LazyLock::new(copydesk::builtin);

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

/// The acceptance test: the example's three errors in a Markdown
/// article, in the front matter `title`, a heading and a link text, are
/// flagged at their byte spans in the file; the same errors in a fenced code
/// block, the `slug` and the `tags` of the front matter are not.
#[test]
fn counternarcotics_markdown_three_findings() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/counternarcotics_markdown.md");
    assert_eq!(
        render(&path, &BUILTIN, false),
        "\
tests/corpus/counternarcotics_markdown.md:2:40: CD001 [error] `Counternarctoics Working Group` looks like a misspelling of `Counternarcotics Working Group` (did you mean `Counternarcotics Working Group`?)
tests/corpus/counternarcotics_markdown.md:23:24: CD001 [error] `Jennifer Deskel` looks like a misspelling of `Jennifer Daskal` (did you mean `Jennifer Daskal`?)
tests/corpus/counternarcotics_markdown.md:27:79: CD003 [warning] `Department of Treasury` is not the house style for `Department of the Treasury` (did you mean `Department of the Treasury`?)
"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let mut docs = Documents::new();
    let id = docs.add("a.md", text.as_str(), Format::Markdown);
    let found: Vec<_> = lint(docs.get(id), &BUILTIN, &Settings::default())
        .into_iter()
        .map(|d| {
            let fix = d.fix.map(|f| {
                let e = &f.edits[0];
                (
                    f.applicability.as_str(),
                    e.span.start,
                    e.span.end,
                    e.replacement.clone(),
                )
            });
            (d.code, d.span.start, d.span.end, d.found, d.suggestions, fix)
        })
        .collect();
    let s = |v: &str| v.to_owned();
    assert_eq!(
        found,
        [
            (
                "CD001",
                43,
                73,
                s("Counternarctoics Working Group"),
                vec![s("Counternarcotics Working Group")],
                Some(("safe", 43, 59, s("Counternarcotics")))
            ),
            (
                "CD001",
                1355,
                1370,
                s("Jennifer Deskel"),
                vec![s("Jennifer Daskal")],
                Some(("safe", 1364, 1370, s("Daskal")))
            ),
            (
                "CD003",
                1635,
                1657,
                s("Department of Treasury"),
                vec![s("Department of the Treasury")],
                Some(("safe", 1635, 1657, s("Department of the Treasury")))
            ),
        ]
    );
    // The spans are the file's bytes.
    assert_eq!(&text[43..73], "Counternarctoics Working Group");
    assert_eq!(&text[1355..1370], "Jennifer Deskel");
    assert_eq!(&text[1635..1657], "Department of Treasury");
    // With no dictionary, the document alone still gives the first two.
    assert_eq!(
        render(&path, &Dictionary::empty(), false),
        "\
tests/corpus/counternarcotics_markdown.md:2:40: CD002 [error] `Counternarctoics` may be a misspelling of `Counternarcotics`: `Counternarcotics` 3x, `Counternarctoics` 1x (did you mean `Counternarcotics`?)
tests/corpus/counternarcotics_markdown.md:23:33: CD002 [warning] `Deskel` may be a misspelling of `Daskal`: `Daskal` 1x, `Deskel` 1x (did you mean `Daskal`?)
"
    );
}
