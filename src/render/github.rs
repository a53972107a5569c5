//! `--format github`: GitHub Actions workflow commands, one line per finding,
//! which the Actions runner turns into annotations on the pull request.
//!
//! ```text
//! ::error file=drafts/a.txt,line=2,col=9,endLine=2,endColumn=24,title=CD001 misspelled-name::`Jennifer Deskel` looks like a misspelling of `Jennifer Daskal` (did you mean `Jennifer Daskal`?)
//! ```
//!
//! The command is `error`, `warning` or `notice` (for info) by severity.
//! `col` and `endColumn` count characters, and `endColumn` is the column
//! just after the name, as in the SARIF output; GitHub takes columns only
//! within one line, so a finding that spans a line break gives `line` and
//! `endLine` alone. The message and property values are escaped as the
//! Actions toolkit does: in the message `%`, `\r` and `\n` become `%25`,
//! `%0D` and `%0A`; in property values `:` and `,` also become `%3A` and
//! `%2C`.

use std::io::{self, Write};

use super::{Emitter, Position, document, message_with_help};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Documents;

/// One `::error`/`::warning`/`::notice` workflow command per finding.
#[derive(Clone, Copy, Debug, Default)]
pub struct GithubEmitter;

/// The workflow command for a severity.
fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escape the message of a workflow command.
fn escape_data(s: &str) -> String {
    let s = s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    // The toolkit escapes only those; other control characters (an escape
    // sequence in a file name) are written as %XX too, never raw.
    if !s.chars().any(char::is_control) {
        return s;
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                format!("%{:02X}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Escape a property value of a workflow command.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Emitter for GithubEmitter {
    fn emit(&mut self, w: &mut dyn Write, docs: &Documents, diags: &[Diagnostic]) -> io::Result<()> {
        for d in diags {
            let doc = document(docs, d.doc)?;
            let start = Position::new(doc, d.span.start);
            let end = Position::new(doc, d.span.end);
            write!(
                w,
                "::{} file={},line={}",
                command(d.severity),
                escape_property(&doc.name),
                start.line
            )?;
            if start.line == end.line {
                write!(
                    w,
                    ",col={},endLine={},endColumn={}",
                    start.column, end.line, end.column
                )?;
            } else {
                write!(w, ",endLine={}", end.line)?;
            }
            writeln!(
                w,
                ",title={}::{}",
                escape_property(&format!("{} {}", d.code, d.rule)),
                escape_data(&message_with_help(d))
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::render::test_data;
    use crate::span::Span;
    use snapbox::{assert_data_eq, str};

    #[test]
    fn one_command_per_finding() {
        assert_data_eq!(
            test_data::render(&mut GithubEmitter),
            str![[r#"
::error file=drafts/a.txt,line=2,col=9,endLine=2,endColumn=24,title=CD001 misspelled-name::`Jennifer Deskel` looks like a misspelling of `Jennifer Daskal` (did you mean `Jennifer Daskal`?)
::warning file=drafts/a.txt,line=2,col=34,endLine=2,endColumn=56,title=CD003 non-preferred-name::`Department of Treasury` is not the house style for `Department of the Treasury` (did you mean `Department of the Treasury`?)

"#]]
        );
    }

    #[test]
    fn escaping_follows_the_actions_toolkit() {
        assert_eq!(
            escape_data("100% sure\r\nnext: a, b"),
            "100%25 sure%0D%0Anext: a, b"
        );
        assert_eq!(
            escape_property("drafts/50%: a,b\r\n.md"),
            "drafts/50%25%3A a%2Cb%0D%0A.md"
        );
        // `%` first, so an escape is never escaped twice.
        assert_eq!(escape_property("%3A"), "%253A");
    }

    #[test]
    fn path_and_message_are_escaped_and_info_is_a_notice() {
        let text = "Ann Lee,\nsaid: Ann Leigh 100%\n";
        let mut docs = Documents::new();
        let id = docs.add("news, day 1: draft.txt", text, Format::Plain);
        let (_, mut diags) = test_data::sample();
        diags.truncate(1);
        let d = &mut diags[0];
        d.doc = id;
        d.severity = Severity::Info;
        let start = text.find("Ann Leigh").unwrap();
        d.span = Span::new(start, start + "Ann Leigh".len());
        d.message = "`Ann Leigh` 100%,\nor `Ann Lee`: which?".into();
        d.suggestions = vec!["Ann Lee".into()];
        d.related.clear();
        let mut out = Vec::new();
        GithubEmitter.emit(&mut out, &docs, &diags).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::notice file=news%2C day 1%3A draft.txt,line=2,col=7,endLine=2,endColumn=16,\
             title=CD001 misspelled-name::`Ann Leigh` 100%25,%0Aor `Ann Lee`: which? (did you mean `Ann Lee`?)\n"
        );
    }

    #[test]
    fn a_finding_across_a_line_break_has_no_columns() {
        let text = "It was Jennifer\nDeskel.\n";
        let mut docs = Documents::new();
        let id = docs.add("a.txt", text, Format::Plain);
        let (_, mut diags) = test_data::sample();
        diags.truncate(1);
        diags[0].doc = id;
        diags[0].span = Span::new(7, 22);
        diags[0].related.clear();
        let mut out = Vec::new();
        GithubEmitter.emit(&mut out, &docs, &diags).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.starts_with("::error file=a.txt,line=1,endLine=2,title=CD001 misspelled-name::"),
            "{out}"
        );
    }

    /// Issue 23: control characters other than CR and LF went through raw.
    #[test]
    fn control_characters_are_percent_encoded() {
        assert_eq!(escape_property("a\u{1b}[31m\n:b"), "a%1B[31m%0A%3Ab");
        assert_eq!(escape_data("50% \t"), "50%25 %09");
    }
}
