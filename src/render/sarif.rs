//! `--format sarif`: one SARIF 2.1.0 log, for GitHub code scanning and other
//! SARIF viewers.
//!
//! The log has one run. Its `tool.driver` names copydesk with its version and
//! home page and lists every rule of [`RULES`] (`id` the code, `name`, a
//! short and a full description, the rule documentation as `help`, and the
//! default level). Each finding is a `result`:
//!
//! - `ruleId` and `ruleIndex` (the rule's place in `tool.driver.rules`),
//!   `level` (`error`, `warning`, or `note` for info), and `message.text`,
//!   the message with its suggestions as in `--format short`;
//! - one location: `artifactLocation.uri` is the path as given (relative
//!   paths stay relative), and `region` has `startLine`, `startColumn`,
//!   `endLine`, `endColumn` (exclusive), `byteOffset`, `byteLength` and the
//!   text found as `snippet`;
//! - `relatedLocations`: where the document spells the name otherwise, each
//!   with its message;
//! - `fixes`, when the finding has a fix: one `artifactChange` whose
//!   `replacements` each delete a region and insert the new text; how far
//!   the fix can be trusted is in the fix's `properties.applicability`
//!   (`safe`, `unsafe`, `display-only`).
//!
//! Columns count Unicode code points, which the run says with
//! `"columnKind": "unicodeCodePoints"`; byte offsets are given too, so a
//! consumer can use whichever it prefers.
//!
//! The output validates against the OASIS SARIF 2.1.0 schema
//! (`tests/it/sarif.rs`, with the schema in `tests/fixtures/`).

use std::io::{self, Write};

use serde::Serialize;

use super::{Emitter, HOMEPAGE, Position, document, message_with_help, rule_url};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::document::{Document, Documents};
use crate::rules::{RULES, RuleMeta};
use crate::span::Span;

/// The schema the log names in `$schema`: the OASIS SARIF 2.1.0 schema
/// (errata 01), the one `tests/fixtures/sarif-schema-2.1.0.json` copies.
const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// One SARIF 2.1.0 log (pretty-printed JSON) per run.
#[derive(Clone, Copy, Debug, Default)]
pub struct SarifEmitter;

// The structs below follow the SARIF object model; field order is the order
// of the keys in the output.

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    help_uri: String,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: &'static str,
    markdown: &'static str,
}

#[derive(Serialize)]
struct Configuration {
    /// SARIF's default is `true`; written only for a rule off by default.
    #[serde(skip_serializing_if = "is_true")]
    enabled: bool,
    level: &'static str,
}

fn is_true(b: &bool) -> bool {
    *b
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation,
    region: Region<'a>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region<'a> {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Snippet<'a>>,
}

#[derive(Serialize)]
struct Snippet<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: Text,
    artifact_changes: [ArtifactChange<'a>; 1],
    properties: FixProperties,
}

#[derive(Serialize)]
struct FixProperties {
    applicability: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region<'a>,
    inserted_content: Snippet<'a>,
}

/// SARIF's level for a severity.
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a SARIF URI reference: `/` between segments, and every byte
/// that may not stand in a URI path percent-encoded (spaces, `%`, `#`, `?`,
/// non-ASCII letters...). `:` is encoded too, so that `C:/x` or `a:b.md` is
/// not read as a URI scheme.
fn uri_reference(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        match b {
            b'\\' => out.push('/'),
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b'@' => out.push(char::from(b)),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn region<'a>(doc: &'a Document, span: Span, snippet: bool) -> Region<'a> {
    let start = Position::new(doc, span.start);
    let end = Position::new(doc, span.end);
    Region {
        start_line: start.line,
        start_column: start.column,
        end_line: end.line,
        end_column: end.column,
        byte_offset: span.start,
        byte_length: span.len(),
        snippet: snippet.then(|| Snippet {
            text: span.slice(&doc.text),
        }),
    }
}

fn location<'a>(doc: &'a Document, span: Span, message: Option<&str>) -> Location<'a> {
    Location {
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: uri_reference(&doc.name),
            },
            region: region(doc, span, true),
        },
        message: message.map(|m| Text { text: m.to_owned() }),
    }
}

/// The first paragraph of the rule documentation's "What it does" section,
/// on one line; the summary when there is none.
fn full_description(meta: &RuleMeta) -> String {
    let Some((_, section)) = meta.docs.split_once("## What it does\n") else {
        return meta.summary.to_owned();
    };
    let paragraph = section.split("\n\n").next().unwrap_or_default();
    let text = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() || text.starts_with('#') {
        meta.summary.to_owned()
    } else {
        text
    }
}

fn rule(meta: &'static RuleMeta) -> ReportingDescriptor {
    ReportingDescriptor {
        id: meta.code,
        name: meta.name,
        short_description: Text {
            text: meta.summary.to_owned(),
        },
        full_description: Text {
            text: full_description(meta),
        },
        help: Help {
            text: meta.docs,
            markdown: meta.docs,
        },
        help_uri: rule_url(),
        default_configuration: Configuration {
            enabled: meta.default_enabled,
            level: level(meta.default_severity),
        },
    }
}

fn fix<'a>(doc: &'a Document, d: &Diagnostic, fix: &'a Fix) -> Option<SarifFix<'a>> {
    if fix.edits.is_empty() {
        return None;
    }
    let description = match d.suggestions.first() {
        Some(s) => format!("Replace `{}` with `{s}`", d.found),
        None => "Apply the suggested edits".to_owned(),
    };
    Some(SarifFix {
        description: Text { text: description },
        artifact_changes: [ArtifactChange {
            artifact_location: ArtifactLocation {
                uri: uri_reference(&doc.name),
            },
            replacements: fix
                .edits
                .iter()
                .map(|e| Replacement {
                    deleted_region: region(doc, e.span, false),
                    inserted_content: Snippet { text: &e.replacement },
                })
                .collect(),
        }],
        properties: FixProperties {
            applicability: fix.applicability.as_str(),
        },
    })
}

impl Emitter for SarifEmitter {
    fn emit(&mut self, w: &mut dyn Write, docs: &Documents, diags: &[Diagnostic]) -> io::Result<()> {
        let results = diags
            .iter()
            .map(|d| {
                let doc = document(docs, d.doc)?;
                let related_locations = d
                    .related
                    .iter()
                    .map(|r| Ok(location(document(docs, r.doc)?, r.span, Some(&r.message))))
                    .collect::<io::Result<Vec<_>>>()?;
                Ok(SarifResult {
                    rule_id: d.code,
                    rule_index: RULES.iter().position(|r| r.meta().code == d.code),
                    level: level(d.severity),
                    message: Text {
                        text: message_with_help(d),
                    },
                    locations: [location(doc, d.span, None)],
                    related_locations,
                    fixes: d.fix.as_ref().and_then(|f| fix(doc, d, f)).into_iter().collect(),
                })
            })
            .collect::<io::Result<Vec<_>>>()?;
        let log = Log {
            schema: SCHEMA_URI,
            version: "2.1.0",
            runs: [Run {
                tool: Tool {
                    driver: Driver {
                        name: "copydesk",
                        version: env!("CARGO_PKG_VERSION"),
                        information_uri: HOMEPAGE,
                        rules: RULES.iter().map(|r| rule(r.meta())).collect(),
                    },
                },
                column_kind: "unicodeCodePoints",
                results,
            }],
        };
        serde_json::to_writer_pretty(&mut *w, &log)?;
        writeln!(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_data;
    use serde_json::{Value, json};

    fn sample() -> Value {
        serde_json::from_str(&test_data::render(&mut SarifEmitter)).expect("SARIF is JSON")
    }

    #[test]
    fn one_run_with_the_tool_and_every_rule() {
        let log = sample();
        assert_eq!(log["$schema"], SCHEMA_URI);
        assert_eq!(log["version"], "2.1.0");
        assert_eq!(log["runs"].as_array().map(Vec::len), Some(1));
        let run = &log["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "copydesk");
        assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(driver["informationUri"], HOMEPAGE);
        let ids: Vec<&str> = driver["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        let every: Vec<&str> = crate::rules::RULES.iter().map(|r| r.meta().code).collect();
        assert_eq!(ids, every);
        assert_eq!(ids[..5], ["CD001", "CD002", "CD003", "CD004", "CD005"]);
        let cd001 = &driver["rules"][0];
        assert_eq!(cd001["name"], "misspelled-name");
        assert_eq!(
            cd001["shortDescription"]["text"],
            "a near miss of a dictionary entity, or one of its listed misspellings"
        );
        assert_eq!(
            cd001["fullDescription"]["text"],
            "Flags a name that is one or two letters away from a name the dictionaries know \
             (\"Jennifer Deskel\" for \"Jennifer Daskal\", \"Counternarctoics Working Group\" for \
             \"Counternarcotics Working Group\"), and any form a dictionary lists under `misspellings`."
        );
        assert!(
            cd001["help"]["markdown"]
                .as_str()
                .unwrap()
                .starts_with("# CD001 misspelled-name\n\n## What it does\n")
        );
        assert_eq!(cd001["help"]["text"], cd001["help"]["markdown"]);
        assert_eq!(cd001["helpUri"], format!("{HOMEPAGE}#rules"));
        assert_eq!(cd001["defaultConfiguration"], json!({"level": "error"}));
        assert_eq!(
            driver["rules"][2]["defaultConfiguration"],
            json!({"level": "warning"})
        );
    }

    #[test]
    fn result_with_related_location_and_fix() {
        let log = sample();
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), 2);
        // `“` before the name is three bytes but one code point.
        assert_eq!(
            results[0],
            json!({
                "ruleId": "CD001",
                "ruleIndex": 0,
                "level": "error",
                "message": {"text": "`Jennifer Deskel` looks like a misspelling of `Jennifer Daskal` (did you mean `Jennifer Daskal`?)"},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": "drafts/a.txt"},
                    "region": {"startLine": 2, "startColumn": 9, "endLine": 2, "endColumn": 24,
                               "byteOffset": 34, "byteLength": 15, "snippet": {"text": "Jennifer Deskel"}}
                }}],
                "relatedLocations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": "drafts/a.txt"},
                        "region": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 11,
                                   "byteOffset": 0, "byteLength": 10, "snippet": {"text": "Jen Daskal"}}
                    },
                    "message": {"text": "written `Jen Daskal` here"}
                }],
                "fixes": [{
                    "description": {"text": "Replace `Jennifer Deskel` with `Jennifer Daskal`"},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": "drafts/a.txt"},
                        "replacements": [{
                            "deletedRegion": {"startLine": 2, "startColumn": 18, "endLine": 2, "endColumn": 24,
                                              "byteOffset": 43, "byteLength": 6},
                            "insertedContent": {"text": "Daskal"}
                        }]
                    }],
                    "properties": {"applicability": "safe"}
                }]
            })
        );
        // No related location, no fix: the keys are left out.
        assert_eq!(
            results[1],
            json!({
                "ruleId": "CD003",
                "ruleIndex": 2,
                "level": "warning",
                "message": {"text": "`Department of Treasury` is not the house style for `Department of the Treasury` (did you mean `Department of the Treasury`?)"},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": "drafts/a.txt"},
                    "region": {"startLine": 2, "startColumn": 34, "endLine": 2, "endColumn": 56,
                               "byteOffset": 61, "byteLength": 22, "snippet": {"text": "Department of Treasury"}}
                }}]
            })
        );
    }

    #[test]
    fn no_findings_is_a_run_with_no_results() {
        let mut out = Vec::new();
        SarifEmitter.emit(&mut out, &Documents::new(), &[]).unwrap();
        let log: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(log["runs"][0]["results"], json!([]));
        assert!(out.ends_with(b"}\n"));
    }

    #[test]
    fn info_is_a_note() {
        assert_eq!(level(Severity::Info), "note");
    }

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri_reference("drafts/a.md"), "drafts/a.md");
        assert_eq!(uri_reference("/abs/path.txt"), "/abs/path.txt");
        assert_eq!(uri_reference(r"drafts\a b.md"), "drafts/a%20b.md");
        assert_eq!(uri_reference("50% #1?.md"), "50%25%20%231%3F.md");
        assert_eq!(uri_reference("C:/notes.txt"), "C%3A/notes.txt");
        assert_eq!(uri_reference("café.md"), "caf%C3%A9.md");
    }
}
