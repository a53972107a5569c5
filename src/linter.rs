//! The linter: analyse a document once, run every enabled rule over it;
//! then, for a run of several documents, run the run-level rules over the
//! name words of all of them.
//!
//! [`lint`] lints one document. A run of many files lints each with
//! [`lint_document`] (in parallel if the caller likes: the CLI uses rayon),
//! keeps the compact [`DocNames`] each returns, and finishes with
//! [`lint_run`]; [`lint_documents`] does both, one file after the other.

use crate::diagnostic::{Diagnostic, Severity};
use crate::dictionary::Dictionary;
use crate::document::{Document, Documents};
use crate::entity::Date;
use crate::fix::{Fixed, apply_safe_fixes};
use crate::matcher::decision::{Candidate, Source};
use crate::matcher::{Analysis, CrossFile, DocNames};
use crate::rules::{Context, RULES, Rule, RunContext};
use crate::span::DocumentId;

/// Which rules run, at which severity.
#[derive(Clone)]
pub struct Settings {
    rules: Vec<(&'static dyn Rule, Severity)>,
    /// Forms never flagged, as folded word sequences.
    accept: Vec<String>,
    /// The date of stories that do not give their own.
    as_of: Option<Date>,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.rules.iter().map(|(r, s)| (r.meta().code, s)))
            .finish()
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            rules: RULES
                .iter()
                .filter(|r| r.meta().default_enabled)
                .map(|&r| (r, r.meta().default_severity))
                .collect(),
            accept: Vec::new(),
            as_of: None,
        }
    }
}

impl Settings {
    /// Only these rules.
    pub fn only(rules: &[&'static dyn Rule]) -> Self {
        Settings {
            rules: rules.iter().map(|&r| (r, r.meta().default_severity)).collect(),
            accept: Vec::new(),
            as_of: None,
        }
    }

    /// Turn a rule on at its default severity (one off by default), or
    /// leave it as it is.
    pub fn enable(&mut self, rule: &'static dyn Rule) {
        if !self.rules.iter().any(|(r, _)| r.meta().code == rule.meta().code) {
            self.rules.push((rule, rule.meta().default_severity));
            let order = |r: &dyn Rule| RULES.iter().position(|x| x.meta().code == r.meta().code);
            self.rules.sort_by_key(|(r, _)| order(*r));
        }
    }

    /// The date of a story that gives none of its own (`--as-of`): the
    /// front matter `date` of a document comes first.
    pub fn set_as_of(&mut self, date: Option<Date>) {
        self.as_of = date;
    }

    /// Turn a rule off.
    pub fn disable(&mut self, code: &str) {
        self.rules.retain(|(r, _)| r.meta().code != code);
    }

    /// Set a rule's severity.
    pub fn set_severity(&mut self, code: &str, severity: Severity) {
        for (r, s) in &mut self.rules {
            if r.meta().code == code {
                *s = severity;
            }
        }
    }

    /// Never flag these forms (`accept` in `copydesk.toml`): a finding is
    /// dropped when what it found, or the part of it its fix replaces, is
    /// one of them, compared as dictionary forms are (case, accents and
    /// punctuation ignored).
    pub fn accept<S: AsRef<str>>(&mut self, forms: impl IntoIterator<Item = S>) {
        for form in forms {
            let key = crate::words::form_words(form.as_ref()).join(" ");
            if !key.is_empty() && !self.accept.contains(&key) {
                self.accept.push(key);
            }
        }
    }

    /// True when the finding is about an accepted form.
    fn accepts(&self, d: &Diagnostic, text: &str) -> bool {
        if self.accept.is_empty() {
            return false;
        }
        let accepted = |s: &str| self.accept.contains(&crate::words::form_words(s).join(" "));
        accepted(&d.found)
            || d.fix
                .iter()
                .flat_map(|f| &f.edits)
                .any(|e| text.get(e.span.start..e.span.end).is_some_and(accepted))
    }

    /// The enabled rules with their severities.
    pub fn rules(&self) -> &[(&'static dyn Rule, Severity)] {
        &self.rules
    }
}

/// Lint one document: diagnostics sorted by position.
///
/// Only the per-document rules run; see [`lint_documents`] for a run of
/// several files with the cross-file rules.
pub fn lint(doc: &Document, dict: &Dictionary, settings: &Settings) -> Vec<Diagnostic> {
    lint_document(doc, dict, settings).0
}

/// Lint one document with the per-document rules, and keep the summary of
/// its name words for the run-level rules ([`lint_run`]).
///
/// The diagnostics are sorted by position. Findings that the document's
/// suppression directives silence ([`crate::suppress`]) are dropped first;
/// then a finding whose span overlaps a finding of a rule earlier in
/// [`RULES`] is left out (so a directive that silences CD001 where CD002
/// also fires leaves the CD002 finding, as `--ignore CD001` would). Documents can be
/// linted in parallel; the analysis of each is dropped when it returns.
pub fn lint_document(doc: &Document, dict: &Dictionary, settings: &Settings) -> (Vec<Diagnostic>, DocNames) {
    let analysis = Analysis::new(doc, dict);
    let cx = Context {
        doc,
        dict,
        analysis: &analysis,
        date: doc.date.or(settings.as_of),
    };
    let mut out = Vec::new();
    for &(rule, severity) in &settings.rules {
        let start = out.len();
        rule.check(&cx, &mut out);
        adjust_severity(rule, severity, &mut out[start..]);
    }
    out.retain(|d| !settings.accepts(d, &doc.text));
    out.iter_mut().for_each(one_line);
    if !doc.suppressions.is_empty() {
        out.retain(|d| !doc.suppressions.is_suppressed(d.rule_id(), d.span));
    }
    drop_overlapped(&mut out);
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    (out, DocNames::new(doc, &analysis))
}

/// The summary of a document's name words, without running any rule (what
/// `copydesk names` needs).
pub fn doc_names(doc: &Document, dict: &Dictionary) -> DocNames {
    DocNames::new(doc, &Analysis::new(doc, dict))
}

/// Every candidate slip the matcher weighed in a document, reported or not
/// (CD001, CD002), with its features and confidence, and the summary of its
/// name words for [`run_candidates`]: what the calibration reads.
pub fn candidates(doc: &Document, dict: &Dictionary) -> (Vec<Candidate>, DocNames) {
    let analysis = Analysis::new(doc, dict);
    let names = DocNames::new(doc, &analysis);
    (analysis.candidates, names)
}

/// Every pair of close spellings across the documents of a run (CD005),
/// reported or not: one candidate per use of the form taken for wrong.
pub fn run_candidates(names: &[DocNames], dict: &Dictionary) -> Vec<(DocumentId, Candidate)> {
    let cross = CrossFile::new(names, dict);
    let mut out = Vec::new();
    for v in cross.pairs.iter().filter_map(|p| p.verdict.as_ref().ok()) {
        let (wrong, right) = (&cross.names[v.wrong], &cross.names[v.right]);
        for occ in &wrong.occurrences {
            for &span in occ.uses() {
                out.push((
                    occ.doc,
                    Candidate {
                        source: Source::Run,
                        span,
                        suggestion: right.surface.to_owned(),
                        features: v.features,
                        confidence: v.confidence,
                        uses: 1,
                    },
                ));
            }
        }
    }
    out
}

/// Finish a run: run the run-level rules (CD005) over the name words of
/// every document, add their findings to `diags` (the per-document findings
/// of [`lint_document`]), and return them all sorted by document and
/// position, a finding whose span overlaps one of a rule earlier in
/// [`RULES`] in the same document left out.
///
/// The run-level rules look across documents, so they run only when
/// `names` holds at least two. They read the name words, never a text: a
/// document may have been [released](crate::Document::release) since it
/// was linted.
pub fn lint_run(
    docs: &Documents,
    names: &[DocNames],
    dict: &Dictionary,
    settings: &Settings,
    mut diags: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    if names.len() >= 2 {
        let cx = RunContext { docs, dict, names };
        let start = diags.len();
        for &(rule, severity) in &settings.rules {
            let from = diags.len();
            rule.check_run(&cx, &mut diags);
            adjust_severity(rule, severity, &mut diags[from..]);
        }
        let mut found = diags.split_off(start);
        found.retain(|d| {
            let doc = docs.get(d.doc);
            !doc.suppressions.is_suppressed(d.rule_id(), d.span) && !settings.accepts(d, &doc.text)
        });
        found.iter_mut().for_each(one_line);
        diags.extend(found);
        if diags.len() > start {
            drop_overlapped(&mut diags);
        }
    }
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags
}

/// Passes of safe fixes one `--fix` makes at most. One fix can make
/// another finding certain enough to be safe (a name corrected in one
/// place confirms it in the next), so one pass may leave work for a second.
pub const MAX_FIX_PASSES: usize = 8;

/// Apply the safe fixes of `diags` (the findings of `doc`) that `keep`
/// accepts, lint the fixed text, and go on while a pass fixes something, at
/// most [`MAX_FIX_PASSES`] times: a second `--fix` then has nothing left to
/// do. Only [`lint`]'s per-document findings are fixed after the first pass
/// (run-level fixes are never safe).
pub fn fix_document(
    doc: &Document,
    dict: &Dictionary,
    settings: &Settings,
    diags: &[Diagnostic],
    keep: &dyn Fn(&Document, &Diagnostic) -> bool,
) -> Fixed {
    let mut fixed = apply_safe_fixes(&doc.text, doc.id, diags);
    for _ in 1..MAX_FIX_PASSES {
        if fixed.fixed == 0 {
            break;
        }
        let next = Document::new(doc.id, doc.name.clone(), fixed.text.as_str(), doc.format);
        let mut again = lint(&next, dict, settings);
        again.retain(|d| keep(&next, d));
        let more = apply_safe_fixes(&next.text, doc.id, &again);
        if more.fixed == 0 {
            break;
        }
        fixed = Fixed {
            text: more.text,
            fixed: fixed.fixed + more.fixed,
            skipped: more.skipped,
        };
    }
    fixed
}

/// Lint every document of a run, one after the other, then run the
/// run-level rules: [`lint_document`] for each and [`lint_run`].
pub fn lint_documents(docs: &Documents, dict: &Dictionary, settings: &Settings) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut names = Vec::with_capacity(docs.len());
    for doc in docs.iter() {
        let (d, n) = lint_document(doc, dict, settings);
        diags.extend(d);
        names.push(n);
    }
    lint_run(docs, &names, dict, settings, diags)
}

/// A name wrapped across lines is quoted on one line in messages and
/// suggestions ("`Jennifer Deskel`", not "`Jennifer\nDeskel`"); `found`
/// and the fix keep the text as it is.
fn one_line(d: &mut Diagnostic) {
    let flat = |s: &str| {
        if s.contains(['\n', '\r']) {
            crate::words::one_line(s)
        } else {
            s.to_owned()
        }
    };
    d.message = flat(&d.message);
    d.suggestions = d.suggestions.iter().map(|s| flat(s)).collect();
}

/// Apply the configured severity to a rule's findings. A rule may lower a
/// finding's severity (a weaker match); configuration shifts the rule as a
/// whole.
fn adjust_severity(rule: &dyn Rule, severity: Severity, found: &mut [Diagnostic]) {
    let default = rule.meta().default_severity;
    if severity == default {
        return;
    }
    for d in found {
        d.severity = if d.severity < default {
            d.severity.min(severity)
        } else {
            severity
        };
    }
}

/// Position of a rule's code in [`RULES`].
fn rank(code: &str) -> usize {
    RULES
        .iter()
        .position(|r| r.meta().code == code)
        .unwrap_or(RULES.len())
}

/// Leave out every finding whose span overlaps, in the same document, a
/// finding of a rule earlier in [`RULES`]: one place, one report, from the
/// rule that knows most (CD001 before CD002 before CD005).
fn drop_overlapped(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let ranks: Vec<usize> = diags.iter().map(|d| rank(d.code)).collect();
    let mut keep = vec![true; diags.len()];
    // The furthest end of the findings of the document up to each one.
    let mut reach = vec![0; diags.len()];
    let mut group = 0;
    while group < diags.len() {
        let doc = diags[group].doc;
        let end = group + diags[group..].iter().take_while(|d| d.doc == doc).count();
        for i in group..end {
            let prev = if i > group { reach[i - 1] } else { 0 };
            reach[i] = prev.max(diags[i].span.end);
        }
        for i in group..end {
            let (span, r) = (diags[i].span, ranks[i]);
            let beats = |j: usize| ranks[j] < r && diags[j].span.overlaps(span);
            // Sorted by start: of the later findings only those starting
            // before this one ends can overlap it; of the earlier ones, only
            // while some still reaches past its start. (Linear in a long
            // document, where scanning every earlier finding was not.)
            let mut overlapped = (i + 1..end)
                .take_while(|&j| diags[j].span.start < span.end.max(span.start + 1))
                .any(beats);
            let mut j = i;
            while !overlapped && j > group && reach[j - 1] > span.start {
                j -= 1;
                overlapped = beats(j);
            }
            keep[i] = !overlapped;
        }
        group = end;
    }
    let mut i = 0;
    diags.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::span::DocumentId;
    use crate::span::Span;

    fn diag(code: &'static str, doc: usize, start: usize, end: usize) -> Diagnostic {
        Diagnostic {
            code,
            rule: "",
            severity: Severity::Error,
            doc: DocumentId(doc),
            span: Span::new(start, end),
            found: String::new(),
            message: String::new(),
            suggestions: Vec::new(),
            entity: None,
            related: Vec::new(),
            notes: Vec::new(),
            fix: None,
            confidence: None,
        }
    }

    fn kept(diags: Vec<Diagnostic>) -> Vec<(&'static str, usize, usize)> {
        let mut diags = diags;
        drop_overlapped(&mut diags);
        diags.iter().map(|d| (d.code, d.doc.0, d.span.start)).collect()
    }

    #[test]
    fn an_earlier_rule_wins_an_overlapping_span() {
        assert_eq!(
            kept(vec![
                diag("CD005", 0, 10, 16),
                diag("CD002", 0, 10, 16),
                diag("CD001", 0, 1, 16),
                // Another document, and a span of its own: kept.
                diag("CD005", 1, 10, 16),
                diag("CD005", 0, 20, 26),
                // The same rule twice: kept.
                diag("CD002", 0, 30, 36),
                diag("CD002", 0, 32, 38),
            ]),
            [
                ("CD001", 0, 1),
                ("CD005", 0, 20),
                ("CD002", 0, 30),
                ("CD002", 0, 32),
                ("CD005", 1, 10),
            ]
        );
    }

    #[test]
    fn a_long_earlier_finding_covers_every_later_one_it_reaches() {
        // CD001 over 0..100 reaches past the short CD002 at 10..12 to the
        // one at 50..60: both give way; CD005 at 100..110 does not overlap.
        assert_eq!(
            kept(vec![
                diag("CD002", 0, 50, 60),
                diag("CD001", 0, 0, 100),
                diag("CD002", 0, 10, 12),
                diag("CD005", 0, 100, 110),
            ]),
            [("CD001", 0, 0), ("CD005", 0, 100)]
        );
    }

    #[test]
    fn run_level_rules_need_two_documents() {
        let mut docs = Documents::new();
        for i in 0..6 {
            docs.add(
                format!("{i}.txt"),
                "Oleksandra Hrytsenko spoke. Hrytsenko left.",
                Format::Plain,
            );
        }
        docs.add("odd.txt", "Oleksandra Hritsenko spoke.", Format::Plain);
        let dict = Dictionary::empty();
        let settings = Settings::default();
        let found = lint_documents(&docs, &dict, &settings);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].code, found[0].doc), ("CD005", DocumentId(6)));
        // The odd file alone: no run, no finding.
        let (diags, names) = lint_document(docs.get(DocumentId(6)), &dict, &settings);
        assert_eq!(lint_run(&docs, &[names], &dict, &settings, diags), []);
    }

    #[test]
    fn accepted_forms_are_never_flagged() {
        let dict = crate::test_util::newsroom();
        let text = "Jen Daskal spoke.\n\nLater, Jennifer Deskel left.";
        let doc = Document::new(DocumentId(0), "t.txt", text, Format::Plain);
        let found =
            |s: &Settings| -> Vec<String> { lint(&doc, &dict, s).iter().map(|d| d.found.clone()).collect() };
        assert_eq!(found(&Settings::default()), ["Jennifer Deskel"]);
        let mut s = Settings::default();
        // As dictionary forms are compared: case and accents do not matter.
        s.accept(["DÉSKEL"]);
        assert_eq!(found(&s), Vec::<String>::new());
    }

    fn found(doc: &Document, diags: &[Diagnostic]) -> Vec<(&'static str, String)> {
        diags
            .iter()
            .map(|d| {
                let (line, col) = doc.line_col(d.span.start);
                (d.code, format!("{line}:{col} {}", d.span.slice(&doc.text)))
            })
            .collect()
    }

    #[test]
    fn a_rule_specific_disable_silences_only_that_rule() {
        let text = "\
Deputy Homeland Security Advisor Jen Daskal spoke. Daskal left.

<!-- copydesk-disable inconsistent-name -->

The group was led by Jennifer Deskel.

<!-- copydesk-enable CD002 -->

The Counternarcotics Working Group met. The Counternarcotics Working Group ended.

Counternarctoics Working Group
";
        let doc = Document::new(DocumentId(0), "a.md", text, Format::Markdown);
        let dict = Dictionary::empty();
        let diags = lint(&doc, &dict, &Settings::default());
        assert_eq!(
            found(&doc, &diags),
            [("CD002", "11:1 Counternarctoics".to_owned())]
        );
        // The same text without the directive: both slips.
        let plain = text.replace("<!-- copydesk-disable inconsistent-name -->", "");
        let doc = Document::new(DocumentId(0), "a.md", plain, Format::Markdown);
        assert_eq!(
            found(&doc, &lint(&doc, &dict, &Settings::default())),
            [
                ("CD002", "5:31 Deskel".to_owned()),
                ("CD002", "11:1 Counternarctoics".to_owned())
            ]
        );
    }

    #[test]
    fn ignore_next_line_for_one_rule() {
        let text = "\
The Department of Treasury thanked Nicolas Burns.
copydesk-ignore-next-line CD003
The Department of Treasury thanked Nicolas Burns.
copydesk-ignore-next-line misspelled-name, non-preferred-name
The Department of Treasury thanked Nicolas Burns.
";
        let doc = Document::new(DocumentId(0), "a.txt", text, Format::Plain);
        let dict = crate::test_util::newsroom();
        let diags = lint(&doc, &dict, &Settings::default());
        assert_eq!(
            found(&doc, &diags),
            [
                ("CD003", "1:5 Department of Treasury".to_owned()),
                ("CD001", "1:36 Nicolas Burns".to_owned()),
                ("CD001", "3:36 Nicolas Burns".to_owned())
            ]
        );
    }

    #[test]
    fn run_level_findings_are_suppressed_too() {
        let run = |directive: &str| {
            let mut docs = Documents::new();
            for i in 0..6 {
                docs.add(
                    format!("{i}.txt"),
                    "Oleksandra Hrytsenko spoke. Hrytsenko left.",
                    Format::Plain,
                );
            }
            docs.add(
                "odd.md",
                format!("<!-- {directive} -->\nOleksandra Hritsenko spoke."),
                Format::Markdown,
            );
            lint_documents(&docs, &Dictionary::empty(), &Settings::default())
                .iter()
                .map(|d| (d.code, d.doc))
                .collect::<Vec<_>>()
        };
        assert_eq!(run("copydesk-disable CD005"), []);
        assert_eq!(run("copydesk-disable CD002"), [("CD005", DocumentId(6))]);
    }

    #[test]
    fn html_spans_are_bytes_around_character_references() {
        let text = "<p class=\"Nicolas Burns\">Caf&eacute; owner Nicolas Burns &amp; Andr&eacute;s Nicolas Burns.</p>\
<img alt=\"Ambassador Nicolas&nbsp;Burns\" src=\"x.png\">";
        let doc = Document::new(DocumentId(0), "a.html", text, Format::Html);
        let dict = crate::test_util::newsroom();
        let diags = lint(&doc, &dict, &Settings::default());
        assert_eq!(
            diags
                .iter()
                .map(|d| (d.code, d.span.start, d.span.end))
                .collect::<Vec<_>>(),
            [("CD001", 43, 56), ("CD001", 77, 90)]
        );
        assert_eq!(diags[0].found, "Nicolas Burns");
        assert_eq!(diags[1].found, "Nicolas Burns");
        // `&nbsp;` is a break: `Nicolas` and `Burns` in the `alt` are two
        // names, neither of them wrong on its own.
    }

    #[test]
    fn a_name_wrapped_across_lines_is_quoted_on_one_line() {
        let dict = crate::test_util::newsroom();
        let text = "Jen Daskal spoke.\n\nLater, Jennifer\nDeskel left.";
        let doc = Document::new(DocumentId(0), "t.md", text, Format::Markdown);
        let d = &lint(&doc, &dict, &Settings::default())[0];
        assert_eq!(d.found, "Jennifer\nDeskel");
        assert_eq!(
            d.message,
            "`Jennifer Deskel` looks like a misspelling of `Jennifer Daskal`"
        );
        assert_eq!(d.suggestions, ["Jennifer Daskal"]);
        assert_eq!(
            d.fix.as_ref().map(|f| f.edits[0].replacement.as_str()),
            Some("Daskal")
        );
    }
}
