//! `--format json`: JSON Lines, one diagnostic per line, as specified in
//! `DESIGN.md` ("JSON output"). Tools and the benchmark read it, so the keys,
//! their order and their meaning are stable.
//!
//! `span.start`/`end` are byte offsets into the file as read; `line` and
//! `column` are 1-based and the column counts Unicode scalar values
//! ([`crate::Document::line_col`]). `entity`, `related` and `fix` are left out
//! when there is nothing to say.

use std::io::{self, Write};

use serde::Serialize;

use super::{Emitter, document};
use crate::diagnostic::{Diagnostic, Fix};
use crate::document::{Document, Documents};
use crate::span::Span;

/// JSON Lines on the writer, one object per diagnostic.
#[derive(Clone, Copy, Debug, Default)]
pub struct JsonEmitter;

/// One output line; field order is the order of the keys in the output.
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    code: &'a str,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    span: JsonSpan,
    found: &'a str,
    suggestions: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<JsonEntity<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<JsonRelated<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
}

#[derive(Serialize)]
struct JsonSpan {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
}

impl JsonSpan {
    fn new(doc: &Document, span: Span) -> Self {
        let (line, column) = doc.line_col(span.start);
        JsonSpan {
            start: span.start,
            end: span.end,
            line,
            column,
        }
    }
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    path: &'a str,
    span: JsonSpan,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    applicability: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    start: usize,
    end: usize,
    replacement: &'a str,
}

impl<'a> JsonFix<'a> {
    fn new(fix: &'a Fix) -> Self {
        JsonFix {
            applicability: fix.applicability.as_str(),
            edits: fix
                .edits
                .iter()
                .map(|e| JsonEdit {
                    start: e.span.start,
                    end: e.span.end,
                    replacement: &e.replacement,
                })
                .collect(),
        }
    }
}

impl Emitter for JsonEmitter {
    fn emit(&mut self, w: &mut dyn Write, docs: &Documents, diags: &[Diagnostic]) -> io::Result<()> {
        for d in diags {
            let doc = document(docs, d.doc)?;
            let related = d
                .related
                .iter()
                .map(|r| {
                    let rdoc = document(docs, r.doc)?;
                    Ok(JsonRelated {
                        path: &rdoc.name,
                        span: JsonSpan::new(rdoc, r.span),
                        message: &r.message,
                    })
                })
                .collect::<io::Result<Vec<_>>>()?;
            let line = JsonDiagnostic {
                path: &doc.name,
                code: d.code,
                rule: d.rule,
                severity: d.severity.as_str(),
                message: &d.message,
                span: JsonSpan::new(doc, d.span),
                found: &d.found,
                suggestions: &d.suggestions,
                entity: d.entity.as_ref().map(|e| JsonEntity {
                    id: &e.id,
                    name: &e.name,
                    kind: e.kind.as_str(),
                }),
                related,
                fix: d.fix.as_ref().map(JsonFix::new),
                // Two decimals: more would claim a precision the model has not.
                confidence: d.confidence.map(|c| (f64::from(c) * 100.0).round() / 100.0),
            };
            serde_json::to_writer(&mut *w, &line)?;
            writeln!(w)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_data;

    #[test]
    fn json_lines_in_design_order() {
        let out = test_data::render(&mut JsonEmitter);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0],
            r#"{"path":"drafts/a.txt","code":"CD001","rule":"misspelled-name","severity":"error","message":"`Jennifer Deskel` looks like a misspelling of `Jennifer Daskal`","span":{"start":34,"end":49,"line":2,"column":9},"found":"Jennifer Deskel","suggestions":["Jennifer Daskal"],"entity":{"id":"jennifer-daskal","name":"Jennifer Daskal","kind":"person"},"related":[{"path":"drafts/a.txt","span":{"start":0,"end":10,"line":1,"column":1},"message":"written `Jen Daskal` here"}],"fix":{"applicability":"safe","edits":[{"start":43,"end":49,"replacement":"Daskal"}]},"confidence":0.97}"#
        );
        // No entity, related or fix: the keys are left out.
        assert_eq!(
            lines[1],
            r#"{"path":"drafts/a.txt","code":"CD003","rule":"non-preferred-name","severity":"warning","message":"`Department of Treasury` is not the house style for `Department of the Treasury`","span":{"start":61,"end":83,"line":2,"column":34},"found":"Department of Treasury","suggestions":["Department of the Treasury"]}"#
        );
    }

    #[test]
    fn offsets_are_bytes_and_columns_are_chars() {
        let (docs, diags) = test_data::sample();
        let text = &docs.get(diags[0].doc).text;
        // `“` is three bytes but one column.
        assert_eq!(diags[0].span.start, 34);
        assert_eq!(&text[34..49], "Jennifer Deskel");
        assert_eq!(docs.get(diags[0].doc).line_col(34), (2, 9));
    }
}
