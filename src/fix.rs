//! Applying fixes to a document's text: what `--fix` writes and `--diff`
//! shows. Pure: the caller reads and writes the files.

use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::span::DocumentId;

/// The text of one document with its safe fixes applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixed {
    /// The new text.
    pub text: String,
    /// How many findings were fixed.
    pub fixed: usize,
    /// Safe fixes left out because they overlap one applied before them.
    pub skipped: usize,
}

/// Apply the safe fixes of the diagnostics of document `doc` to `text`.
///
/// Fixes are taken in position order; a fix whose edits overlap an edit
/// already taken, or fall outside the text or inside a character, is left
/// out (counted in [`Fixed::skipped`]), so the result never mixes two
/// rewrites of the same words. Unsafe and display-only fixes are never
/// applied.
pub fn apply_safe_fixes(text: &str, doc: DocumentId, diags: &[Diagnostic]) -> Fixed {
    let mut fixes: Vec<&[Edit]> = diags
        .iter()
        .filter(|d| d.doc == doc)
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability == Applicability::Safe && !f.edits.is_empty())
        .map(|f| f.edits.as_slice())
        .collect();
    fixes.sort_by_key(|edits| (edits[0].span.start, edits[0].span.end));
    let mut taken: Vec<&Edit> = Vec::new();
    let (mut fixed, mut skipped) = (0, 0);
    for edits in fixes {
        let valid = edits.iter().all(|e| {
            e.span.start <= e.span.end
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
                && e.span.end <= text.len()
        });
        let overlaps = edits.iter().any(|e| {
            taken
                .iter()
                .any(|t| e.span.start < t.span.end && t.span.start < e.span.end || e.span == t.span)
        });
        if !valid || overlaps {
            skipped += 1;
            continue;
        }
        taken.extend(edits);
        fixed += 1;
    }
    taken.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in taken {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    Fixed {
        text: out,
        fixed,
        skipped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};
    use crate::linter::{Settings, lint};

    #[test]
    fn applies_the_safe_fixes_only() {
        let dict = crate::test_util::newsroom();
        let text = "Jen Daskal spoke.\n\nJennifer Deskel left the Department of Treasury.\n\n\
                    Later, Brenda Jonas came.";
        let doc = Document::new(DocumentId(0), "t.txt", text, Format::Plain);
        let diags = lint(&doc, &dict, &Settings::default());
        let fixed = apply_safe_fixes(text, DocumentId(0), &diags);
        assert_eq!(
            fixed.text,
            "Jen Daskal spoke.\n\nJennifer Daskal left the Department of the Treasury.\n\nLater, Brenda Jonas came."
        );
        assert_eq!((fixed.fixed, fixed.skipped), (2, 0));
        // Nothing fixable is left.
        let again = Document::new(DocumentId(0), "t.txt", fixed.text.as_str(), Format::Plain);
        let diags = lint(&again, &dict, &Settings::default());
        assert_eq!(apply_safe_fixes(&fixed.text, DocumentId(0), &diags).fixed, 0);
    }

    #[test]
    fn overlapping_and_bad_edits_are_left_out() {
        let fix = |start: usize, end: usize, to: &str| {
            crate::Diagnostic {
                code: "CD001",
                rule: "misspelled-name",
                severity: crate::Severity::Error,
                doc: DocumentId(0),
                span: crate::Span::new(start, end),
                found: String::new(),
                message: String::new(),
                suggestions: Vec::new(),
                entity: None,
                related: Vec::new(),
                notes: Vec::new(),
                fix: None,
                confidence: None,
            }
            .with_fix(
                to.to_owned(),
                Edit {
                    span: crate::Span::new(start, end),
                    replacement: to.to_owned(),
                },
                Applicability::Safe,
            )
        };
        let text = "Daskel and Deskal";
        let diags = [
            fix(0, 6, "Daskal"),
            fix(2, 8, "x"),
            fix(11, 17, "Daskal"),
            fix(15, 40, "y"),
        ];
        let fixed = apply_safe_fixes(text, DocumentId(0), &diags);
        assert_eq!(fixed.text, "Daskal and Daskal");
        assert_eq!((fixed.fixed, fixed.skipped), (2, 2));
    }
}
