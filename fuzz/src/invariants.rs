//! What must hold for any text, whatever the rules decide: shared by the
//! fuzz targets (`fuzz/`) and the property tests (`tests/it/properties.rs`).
//! Each check panics with what broke.

use copydesk::linter::fix_document;
use copydesk::render::{Emitter, HumanEmitter, JsonEmitter, ShortEmitter};
use copydesk::{Diagnostic, Dictionary, Document, Documents, Format, Settings, Span};

/// A span lies in the text, in order, on character boundaries.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what}: {span:?} is reversed");
    assert!(
        span.end <= text.len(),
        "{what}: {span:?} is past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} cuts a character"
    );
}

/// Spans, order, fixes and the JSON output of a run's diagnostics.
pub fn check_diagnostics(docs: &Documents, diags: &[Diagnostic]) {
    for w in diags.windows(2) {
        assert!(
            w[0].sort_key() <= w[1].sort_key(),
            "not sorted: {:?} then {:?}",
            w[0],
            w[1]
        );
    }
    for d in diags {
        let text = &docs.get(d.doc).text;
        check_span(text, d.span, d.code);
        assert_eq!(
            d.found,
            d.span.slice(text),
            "{}: `found` is not the text of the span",
            d.code
        );
        for r in &d.related {
            check_span(&docs.get(r.doc).text, r.span, "related");
        }
        if let Some(fix) = &d.fix {
            let mut edits: Vec<Span> = fix.edits.iter().map(|e| e.span).collect();
            edits.sort_by_key(|s| (s.start, s.end));
            for e in &edits {
                check_span(text, *e, "edit");
            }
            for w in edits.windows(2) {
                assert!(w[0].end <= w[1].start, "{}: the edits of one fix overlap", d.code);
            }
        }
    }
    // Every line of the JSON output is an object that reads back to the
    // finding it came from, and writes out the same again.
    let mut out = Vec::new();
    JsonEmitter.emit(&mut out, docs, diags).expect("json");
    let out = String::from_utf8(out).expect("json is UTF-8");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), diags.len(), "one JSON line per finding");
    for (line, d) in lines.iter().zip(diags) {
        let v: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert_eq!(v["code"], d.code);
        assert_eq!(v["span"]["start"], d.span.start);
        assert_eq!(v["span"]["end"], d.span.end);
        assert_eq!(v["found"], d.found.as_str());
        let again: serde_json::Value =
            serde_json::from_str(&serde_json::to_string(&v).expect("write")).expect("read again");
        assert_eq!(again, v);
    }
    // The line-based formats draw every finding, one line each in short.
    let mut short = Vec::new();
    ShortEmitter.emit(&mut short, docs, diags).expect("short");
    assert_eq!(
        String::from_utf8(short).expect("UTF-8").lines().count(),
        diags.len()
    );
    let mut human = Vec::new();
    HumanEmitter::default()
        .emit(&mut human, docs, diags)
        .expect("human");
}

/// Lint one document, check the findings, fix it as `--fix` does, lint
/// the fixed text and check again: a second `--fix` must change nothing.
pub fn lint_fix_lint(text: &str, format: Format, dict: &Dictionary, settings: &Settings) {
    let mut docs = Documents::new();
    let id = docs.add("story", text, format);
    let diags = copydesk::lint(docs.get(id), dict, settings);
    check_diagnostics(&docs, &diags);
    let fixed = fix_document(docs.get(id), dict, settings, &diags, &|_, _| true);
    if fixed.fixed == 0 {
        assert_eq!(fixed.text, text, "no fix, yet the text changed");
        return;
    }
    let mut docs = Documents::new();
    let id = docs.add("story", fixed.text.as_str(), format);
    let again = copydesk::lint(docs.get(id), dict, settings);
    check_diagnostics(&docs, &again);
    let second = fix_document(docs.get(id), dict, settings, &again, &|_, _| true);
    assert_eq!(
        second.text, fixed.text,
        "a second --fix changed the text (first: {} fixes)",
        fixed.fixed
    );
}

/// A document's prose regions are sorted, apart and inside the text.
pub fn check_document(doc: &Document) {
    for p in &doc.prose {
        check_span(&doc.text, *p, "prose");
    }
    for w in doc.prose.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "prose regions overlap or are out of order"
        );
    }
}
