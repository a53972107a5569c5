//! `--format rdjson`: the Reviewdog Diagnostic Format, one JSON object per
//! run (the `DiagnosticResult` message of reviewdog's
//! `proto/rdf/reviewdog.proto`), for `reviewdog -f=rdjson`.
//!
//! ```json
//! {"source": {"name": "copydesk", "url": "..."}, "severity": "ERROR",
//!  "diagnostics": [{
//!    "message": "`Jennifer Deskel` looks like a misspelling of `Jennifer Daskal` (did you mean `Jennifer Daskal`?)",
//!    "location": {"path": "drafts/a.txt",
//!                 "range": {"start": {"line": 2, "column": 11}, "end": {"line": 2, "column": 26}}},
//!    "severity": "ERROR",
//!    "source": {"name": "copydesk", "url": "..."},
//!    "code": {"value": "CD001", "url": "...#rules"},
//!    "suggestions": [{"range": {...}, "text": "Daskal"}],
//!    "related_locations": [{"message": "written `Jen Daskal` here", "location": {...}}]}]}
//! ```
//!
//! - Columns count UTF-8 **bytes**, from 1, as the format's schema says
//!   (`Position.column`: "byte count in UTF-8"); ends are exclusive.
//! - `severity`: `ERROR`, `WARNING` or `INFO` per diagnostic; the top-level
//!   `severity` is the highest of the run (left out when nothing is found).
//! - `suggestions`: the edits of the finding's fix, which reviewdog offers
//!   as a suggested change for a person to accept; a `display-only` fix is
//!   not offered. Left out when there is none.
//! - `related_locations`: where the document spells the name otherwise;
//!   left out when there is none, since reviewdog parses the format strictly
//!   and versions before the field was added reject it.

use std::io::{self, Write};

use serde::Serialize;

use super::{Emitter, HOMEPAGE, Position, document, message_with_help, rule_url};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::{Document, Documents};
use crate::span::Span;

/// One reviewdog `DiagnosticResult` (pretty-printed JSON) per run.
#[derive(Clone, Copy, Debug, Default)]
pub struct RdjsonEmitter;

// Field order is the order of the keys in the output; names are the proto
// field names, which reviewdog's JSON reader accepts.

#[derive(Serialize)]
struct DiagnosticResult<'a> {
    source: Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    severity: Option<&'static str>,
    diagnostics: Vec<RdDiagnostic<'a>>,
}

#[derive(Serialize)]
struct Source {
    name: &'static str,
    url: &'static str,
}

const SOURCE: Source = Source {
    name: "copydesk",
    url: HOMEPAGE,
};

#[derive(Serialize)]
struct RdDiagnostic<'a> {
    message: String,
    location: Location<'a>,
    severity: &'static str,
    source: Source,
    code: Code,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suggestions: Vec<Suggestion<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation<'a>>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    range: Range,
}

#[derive(Serialize)]
struct Range {
    start: RdPosition,
    end: RdPosition,
}

#[derive(Serialize)]
struct RdPosition {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct Code {
    value: &'static str,
    url: String,
}

#[derive(Serialize)]
struct Suggestion<'a> {
    range: Range,
    text: &'a str,
}

#[derive(Serialize)]
struct RelatedLocation<'a> {
    message: &'a str,
    location: Location<'a>,
}

/// reviewdog's name for a severity.
fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

/// The range of a span, in lines and UTF-8 byte columns.
fn range(doc: &Document, span: Span) -> Range {
    let position = |offset| {
        let p = Position::new(doc, offset);
        RdPosition {
            line: p.line,
            column: p.byte_column,
        }
    };
    Range {
        start: position(span.start),
        end: position(span.end),
    }
}

impl Emitter for RdjsonEmitter {
    fn emit(&mut self, w: &mut dyn Write, docs: &Documents, diags: &[Diagnostic]) -> io::Result<()> {
        let diagnostics = diags
            .iter()
            .map(|d| {
                let doc = document(docs, d.doc)?;
                let suggestions = d
                    .fix
                    .iter()
                    .filter(|f| f.applicability != Applicability::DisplayOnly)
                    .flat_map(|f| &f.edits)
                    .map(|e| Suggestion {
                        range: range(doc, e.span),
                        text: &e.replacement,
                    })
                    .collect();
                let related_locations = d
                    .related
                    .iter()
                    .map(|r| {
                        let rdoc = document(docs, r.doc)?;
                        Ok(RelatedLocation {
                            message: &r.message,
                            location: Location {
                                path: &rdoc.name,
                                range: range(rdoc, r.span),
                            },
                        })
                    })
                    .collect::<io::Result<Vec<_>>>()?;
                Ok(RdDiagnostic {
                    message: message_with_help(d),
                    location: Location {
                        path: &doc.name,
                        range: range(doc, d.span),
                    },
                    severity: severity(d.severity),
                    source: SOURCE,
                    code: Code {
                        value: d.code,
                        url: rule_url(),
                    },
                    suggestions,
                    related_locations,
                })
            })
            .collect::<io::Result<Vec<_>>>()?;
        let result = DiagnosticResult {
            source: SOURCE,
            severity: diags.iter().map(|d| d.severity).max().map(severity),
            diagnostics,
        };
        serde_json::to_writer_pretty(&mut *w, &result)?;
        writeln!(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_data;
    use snapbox::{assert_data_eq, str};

    #[test]
    fn one_result_with_byte_columns() {
        // `“` before `Jennifer` is three bytes: the name starts at byte
        // column 11 (character column 9).
        assert_data_eq!(
            test_data::render(&mut RdjsonEmitter),
            str![[r#"
{
  "source": {
    "name": "copydesk",
    "url": "https://github.com/copydesk/copydesk"
  },
  "severity": "ERROR",
  "diagnostics": [
    {
      "message": "`Jennifer Deskel` looks like a misspelling of `Jennifer Daskal` (did you mean `Jennifer Daskal`?)",
      "location": {
        "path": "drafts/a.txt",
        "range": {
          "start": {
            "line": 2,
            "column": 11
          },
          "end": {
            "line": 2,
            "column": 26
          }
        }
      },
      "severity": "ERROR",
      "source": {
        "name": "copydesk",
        "url": "https://github.com/copydesk/copydesk"
      },
      "code": {
        "value": "CD001",
        "url": "https://github.com/copydesk/copydesk#rules"
      },
      "suggestions": [
        {
          "range": {
            "start": {
              "line": 2,
              "column": 20
            },
            "end": {
              "line": 2,
              "column": 26
            }
          },
          "text": "Daskal"
        }
      ],
      "related_locations": [
        {
          "message": "written `Jen Daskal` here",
          "location": {
            "path": "drafts/a.txt",
            "range": {
              "start": {
                "line": 1,
                "column": 1
              },
              "end": {
                "line": 1,
                "column": 11
              }
            }
          }
        }
      ]
    },
    {
      "message": "`Department of Treasury` is not the house style for `Department of the Treasury` (did you mean `Department of the Treasury`?)",
      "location": {
        "path": "drafts/a.txt",
        "range": {
          "start": {
            "line": 2,
            "column": 38
          },
          "end": {
            "line": 2,
            "column": 60
          }
        }
      },
      "severity": "WARNING",
      "source": {
        "name": "copydesk",
        "url": "https://github.com/copydesk/copydesk"
      },
      "code": {
        "value": "CD003",
        "url": "https://github.com/copydesk/copydesk#rules"
      }
    }
  ]
}

"#]]
        );
    }

    #[test]
    fn nothing_found_has_no_overall_severity() {
        let mut out = Vec::new();
        RdjsonEmitter.emit(&mut out, &Documents::new(), &[]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\n  \"source\": {\n    \"name\": \"copydesk\",\n    \"url\": \"https://github.com/copydesk/copydesk\"\n  },\n  \"diagnostics\": []\n}\n"
        );
    }

    #[test]
    fn display_only_fixes_are_not_suggested() {
        let (docs, mut diags) = test_data::sample();
        diags.truncate(1);
        diags[0].fix.as_mut().unwrap().applicability = Applicability::DisplayOnly;
        let mut out = Vec::new();
        RdjsonEmitter.emit(&mut out, &docs, &diags).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert!(v["diagnostics"][0].get("suggestions").is_none());
        assert_eq!(severity(Severity::Info), "INFO");
    }
}
