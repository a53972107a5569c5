//! `--format sarif` on real inputs, validated against the OASIS SARIF 2.1.0
//! JSON schema (`tests/fixtures/sarif-schema-2.1.0.json`, draft-04) with the
//! `jsonschema` crate, and its key fields checked exactly.

use std::path::Path;
use std::process::Command;
use std::sync::LazyLock;

use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

static VALIDATOR: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sarif-schema-2.1.0.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("schema file")).expect("schema is JSON");
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
});

/// Run `copydesk check --format sarif ARGS` from the crate root; the log,
/// after checking that it validates.
fn sarif(args: &[&str]) -> Value {
    let out = Command::new(BIN)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", "sarif"])
        .args(args)
        .output()
        .expect("run copydesk");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(out.status.code(), Some(1), "findings expected");
    let log: Value = serde_json::from_slice(&out.stdout).expect("SARIF output is JSON");
    assert_valid(&log);
    log
}

fn assert_valid(log: &Value) {
    let errors: Vec<String> = VALIDATOR
        .iter_errors(log)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF schema violations:\n{}",
        errors.join("\n")
    );
}

/// `(ruleId, level, startLine, startColumn, endColumn)` of each result.
fn summary(log: &Value) -> Vec<(String, String, u64, u64, u64)> {
    log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            (
                r["ruleId"].as_str().unwrap().to_owned(),
                r["level"].as_str().unwrap().to_owned(),
                region["startLine"].as_u64().unwrap(),
                region["startColumn"].as_u64().unwrap(),
                region["endColumn"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The schema is strict enough to catch a wrong log: a result without a
/// message, a level it does not know.
#[test]
fn the_schema_rejects_a_broken_log() {
    let log = json!({
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "copydesk"}},
            "results": [{"ruleId": "CD001", "level": "fatal"}]
        }]
    });
    assert!(VALIDATOR.iter_errors(&log).count() >= 2);
}

/// The example article: its three findings, each with its rule, level and
/// position as the human output shows them, the related locations and the
/// fixes.
#[test]
fn example_article() {
    let log = sarif(&["tests/corpus/counternarcotics.txt"]);
    assert_eq!(
        log["$schema"],
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    );
    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");

    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "copydesk");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(driver["informationUri"], env!("CARGO_PKG_HOMEPAGE"));
    let rules: Vec<(&str, &str, &str)> = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap(),
                r["name"].as_str().unwrap(),
                r["defaultConfiguration"]["level"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rules,
        [
            ("CD001", "misspelled-name", "error"),
            ("CD002", "inconsistent-name", "error"),
            ("CD003", "non-preferred-name", "warning"),
            ("CD004", "name-case", "warning"),
            ("CD005", "inconsistent-name-across-files", "warning"),
            ("CD010", "first-reference", "note"),
            ("CD011", "undefined-abbreviation", "warning"),
            ("CD012", "wrong-title", "error"),
            ("CD013", "given-name-reference", "warning"),
            ("CD014", "name-order", "warning"),
        ]
    );

    assert_eq!(
        summary(&log),
        [
            ("CD001".into(), "error".into(), 12, 1, 31),
            ("CD001".into(), "error".into(), 20, 93, 108),
            ("CD003".into(), "warning".into(), 22, 78, 100),
        ]
    );
    let results = run["results"].as_array().unwrap();
    // ruleIndex points at the rule in tool.driver.rules.
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(driver["rules"][index]["id"], r["ruleId"]);
    }

    // "Jennifer Deskel": the related location is on line 8, after a `“`
    // (three bytes, one code point), and the fix rewrites the surname.
    assert_eq!(
        results[1],
        json!({
            "ruleId": "CD001",
            "ruleIndex": 0,
            "level": "error",
            "message": {"text": "`Jennifer Deskel` looks like a misspelling of `Jennifer Daskal` (did you mean `Jennifer Daskal`?)"},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": "tests/corpus/counternarcotics.txt"},
                "region": {"startLine": 20, "startColumn": 93, "endLine": 20, "endColumn": 108,
                           "byteOffset": 1392, "byteLength": 15, "snippet": {"text": "Jennifer Deskel"}}
            }}],
            "relatedLocations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": "tests/corpus/counternarcotics.txt"},
                    "region": {"startLine": 8, "startColumn": 100, "endLine": 8, "endColumn": 110,
                               "byteOffset": 421, "byteLength": 10, "snippet": {"text": "Jen Daskal"}}
                },
                "message": {"text": "written `Jen Daskal` here"}
            }],
            "fixes": [{
                "description": {"text": "Replace `Jennifer Deskel` with `Jennifer Daskal`"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": "tests/corpus/counternarcotics.txt"},
                    "replacements": [{
                        "deletedRegion": {"startLine": 20, "startColumn": 102, "endLine": 20, "endColumn": 108,
                                          "byteOffset": 1401, "byteLength": 6},
                        "insertedContent": {"text": "Daskal"}
                    }]
                }],
                "properties": {"applicability": "safe"}
            }]
        })
    );
    // The heading: related location in the title line, a fix of one word.
    assert_eq!(
        results[0]["relatedLocations"][0]["physicalLocation"]["region"],
        json!({"startLine": 1, "startColumn": 49, "endLine": 1, "endColumn": 79,
               "byteOffset": 48, "byteLength": 30, "snippet": {"text": "Counternarcotics Working Group"}})
    );
    assert_eq!(
        results[0]["fixes"][0]["artifactChanges"][0]["replacements"],
        json!([{
            "deletedRegion": {"startLine": 12, "startColumn": 1, "endLine": 12, "endColumn": 17,
                              "byteOffset": 727, "byteLength": 16},
            "insertedContent": {"text": "Counternarcotics"}
        }])
    );
    // The variant: a warning with a fix and no related location.
    assert!(results[2].get("relatedLocations").is_none());
    assert_eq!(
        results[2]["fixes"][0]["description"]["text"],
        "Replace `Department of Treasury` with `Department of the Treasury`"
    );
}

/// A run over many files: CD005 results whose related location is in
/// another file, every path relative as given.
#[test]
fn cross_file_run() {
    let log = sarif(&["--no-default-dictionaries", "tests/fixtures/cross_file"]);
    let results = log["runs"][0]["results"].as_array().unwrap();
    // The seven uses of "Hritsenko" in four files (see tests/fixtures/README.md).
    assert_eq!(results.len(), 7);
    for r in results {
        assert_eq!(r["ruleId"], "CD005");
        assert_eq!(r["ruleIndex"], 4);
        assert_eq!(r["level"], "warning");
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.starts_with("tests/fixtures/cross_file/"), "{uri}");
        assert!(
            ["08-", "20-", "34-", "45-"]
                .iter()
                .any(|p| uri.starts_with(&format!("tests/fixtures/cross_file/{p}"))),
            "{uri}"
        );
        assert_eq!(
            r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"],
            "Hritsenko"
        );
        let related = &r["relatedLocations"][0];
        let other = related["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(other.starts_with("tests/fixtures/cross_file/"), "{other}");
        assert_ne!(other, uri);
        assert_eq!(
            related["physicalLocation"]["region"]["snippet"]["text"],
            "Hrytsenko"
        );
        // A fuzzy finding across files: the fix is for a person to check.
        assert_eq!(r["fixes"][0]["properties"]["applicability"], "unsafe");
    }
}
