//! Inline suppression: directives written in a document that silence findings.
//!
//! Three directives, each optionally followed by rule codes or names
//! (`CD002`, `inconsistent-name`; separated by spaces or commas):
//!
//! - `copydesk-ignore-next-line`: findings that start on the line after the
//!   directive;
//! - `copydesk-disable`: findings after the directive, until
//! - `copydesk-enable`, which ends a `copydesk-disable` (of the rules it
//!   names, or of every rule).
//!
//! In Markdown and HTML a directive is an HTML comment
//! (`<!-- copydesk-disable CD002 -->`); in plain text it is a line whose
//! first word is the directive (comment marks before it, such as `#`, `//`
//! or `<!--`, are allowed). A word starting with `-` or `*` ends the list of
//! rules, so `<!-- copydesk-disable -->`, `/* copydesk-disable */` and
//! `copydesk-disable CD002 -- quoting the court filing` all read as meant.
//! A directive that names only rules copydesk does not know suppresses
//! nothing, so a typo in a rule name leaves the findings visible. The words
//! are kept as written and compared with each finding's rule code and name
//! (ASCII case ignored): this module knows no rule.
//!
//! Directives are found when a [`Document`](crate::Document) is built and
//! applied by the linter after the rules ran, so
//! every output format and every fix sees the same findings.

use crate::span::Span;

/// What a directive does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectiveKind {
    /// `copydesk-ignore-next-line`.
    IgnoreNextLine,
    /// `copydesk-disable`.
    Disable,
    /// `copydesk-enable`.
    Enable,
}

/// One suppression directive of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// What it does.
    pub kind: DirectiveKind,
    /// The rules it names, as written (codes or names); `None` for every
    /// rule. A word that is no rule's code or name matches no finding.
    pub rules: Option<Vec<String>>,
    /// Where it is written: the comment, or the line of plain text.
    pub span: Span,
}

impl Directive {
    /// True when it applies to the rule of this code and name.
    fn applies_to(&self, rule: RuleId<'_>) -> bool {
        self.rules.as_ref().is_none_or(|r| r.iter().any(|w| rule.is(w)))
    }
}

/// A rule as a directive may name it: by code or by name.
#[derive(Clone, Copy, Debug)]
pub struct RuleId<'a> {
    /// `CD001`.
    pub code: &'a str,
    /// `misspelled-name`.
    pub name: &'a str,
}

impl RuleId<'_> {
    /// True when `word` is this rule's code or name, in any ASCII case.
    fn is(self, word: &str) -> bool {
        self.code.eq_ignore_ascii_case(word) || self.name.eq_ignore_ascii_case(word)
    }
}

/// Read a directive from the text of a comment or a line: the directive
/// keyword first (leading spaces allowed), then the rules it names.
///
/// `None` when the text is not a directive.
pub fn parse(body: &str) -> Option<(DirectiveKind, Option<Vec<String>>)> {
    let rest = body.trim_start().strip_prefix("copydesk-")?;
    let (kind, rest) = [
        ("ignore-next-line", DirectiveKind::IgnoreNextLine),
        ("disable", DirectiveKind::Disable),
        ("enable", DirectiveKind::Enable),
    ]
    .into_iter()
    .find_map(|(word, kind)| rest.strip_prefix(word).map(|r| (kind, r)))?;
    // The keyword must end there: `copydesk-disabled` is no directive.
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_') {
        return None;
    }
    let mut named = false;
    let mut codes = Vec::new();
    for word in rest.split(|c: char| c.is_whitespace() || c == ',') {
        if word.is_empty() {
            continue;
        }
        if word.starts_with(['-', '*']) {
            break;
        }
        named = true;
        let word = word.trim_end_matches(['.', ';', ':']);
        if !word.is_empty() && !codes.iter().any(|c: &String| c == word) {
            codes.push(word.to_owned());
        }
    }
    Some((kind, named.then_some(codes)))
}

/// The directive a comment holds, if any; `span` is the whole comment and
/// `body` its text between `<!--` and `-->`.
pub(crate) fn comment_directive(span: Span, body: &str) -> Option<Directive> {
    parse(body).map(|(kind, rules)| Directive { kind, rules, span })
}

/// The directive lines of a plain text: lines whose first word, after any
/// comment marks, is a directive. Each directive's span is its line without
/// the line break.
pub(crate) fn plain_directives(text: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    if memchr::memmem::find(text.as_bytes(), b"copydesk-").is_none() {
        return out;
    }
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let word = content.trim_start_matches(|c: char| !c.is_alphanumeric());
        if let Some((kind, rules)) = parse(word) {
            out.push(Directive {
                kind,
                rules,
                span: Span::new(start, start + content.len()),
            });
        }
        start += line.len();
    }
    out
}

/// The suppression directives of one document, ready to filter findings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suppressions {
    /// Sorted by position.
    directives: Vec<Directive>,
    /// For each directive, the line after it (what `ignore-next-line`
    /// covers); empty at the end of the text.
    next_lines: Vec<Span>,
}

impl Suppressions {
    /// The suppressions of `text` given its directives.
    pub fn new(text: &str, mut directives: Vec<Directive>) -> Self {
        directives.sort_by_key(|d| (d.span.start, d.span.end));
        let next_lines = directives
            .iter()
            .map(|d| {
                let Some(nl) = text[d.span.end..].find('\n') else {
                    return Span::new(text.len(), text.len());
                };
                let start = d.span.end + nl + 1;
                let end = text[start..].find('\n').map_or(text.len(), |i| start + i + 1);
                Span::new(start, end)
            })
            .collect();
        Suppressions {
            directives,
            next_lines,
        }
    }

    /// The directives, in order.
    pub fn directives(&self) -> &[Directive] {
        &self.directives
    }

    /// True when there is no directive.
    pub fn is_empty(&self) -> bool {
        self.directives.is_empty()
    }

    /// True when a finding of rule `code` at `span` is suppressed: a
    /// `copydesk-ignore-next-line` for the rule stands on the line before the
    /// line where the span starts, or the rule is disabled where it starts.
    ///
    /// `copydesk-disable` and `copydesk-enable` are read in order: without
    /// rules they disable or enable every rule (and forget what was said of
    /// single rules); with rules they disable or enable those, so
    /// `copydesk-disable` then `copydesk-enable CD003` leaves only CD003 on.
    pub fn is_suppressed(&self, rule: RuleId<'_>, span: Span) -> bool {
        let mut all = false;
        // Whether the rule is disabled by name, and excepted from a
        // directive that disabled every rule.
        let mut disabled = false;
        let mut excepted = false;
        for (d, next) in self.directives.iter().zip(&self.next_lines) {
            if d.span.start > span.start {
                break;
            }
            match (d.kind, &d.rules) {
                (DirectiveKind::IgnoreNextLine, _) => {
                    if d.applies_to(rule) && next.start <= span.start && span.start < next.end {
                        return true;
                    }
                }
                (DirectiveKind::Disable, None) => {
                    all = true;
                    disabled = false;
                    excepted = false;
                }
                (DirectiveKind::Enable, None) => {
                    all = false;
                    disabled = false;
                    excepted = false;
                }
                (DirectiveKind::Disable, Some(_)) => {
                    if d.applies_to(rule) {
                        excepted = false;
                        disabled = true;
                    }
                }
                (DirectiveKind::Enable, Some(_)) => {
                    if d.applies_to(rule) {
                        disabled = false;
                        excepted |= all;
                    }
                }
            }
        }
        (all && !excepted) || disabled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(w: &[&str]) -> Vec<String> {
        w.iter().map(|w| (*w).to_owned()).collect()
    }

    /// The rules the tests name.
    fn rule(code: &'static str) -> RuleId<'static> {
        let name = match code {
            "CD001" => "misspelled-name",
            "CD002" => "inconsistent-name",
            _ => "non-preferred-name",
        };
        RuleId { code, name }
    }

    #[test]
    fn rules_are_named_by_code_or_name_in_any_case() {
        let text = "copydesk-disable cd002, Misspelled-Name\nAlpha\ncopydesk-disable CD999\nBravo\n";
        let s = Suppressions::new(text, plain_directives(text));
        assert!(s.is_suppressed(rule("CD001"), at(text, "Alpha")));
        assert!(s.is_suppressed(rule("CD002"), at(text, "Alpha")));
        assert!(!s.is_suppressed(rule("CD003"), at(text, "Alpha")));
        // A rule nobody has: the directive applies to none.
        assert!(!s.is_suppressed(rule("CD003"), at(text, "Bravo")));
    }

    #[test]
    fn parses_directives_and_rules() {
        use DirectiveKind::*;
        assert_eq!(parse(" copydesk-disable "), Some((Disable, None)));
        assert_eq!(parse("copydesk-enable -->"), Some((Enable, None)));
        assert_eq!(
            parse(" copydesk-disable CD002, misspelled-name "),
            Some((Disable, Some(words(&["CD002", "misspelled-name"]))))
        );
        assert_eq!(
            parse("copydesk-ignore-next-line cd003 -- a quotation"),
            Some((IgnoreNextLine, Some(words(&["cd003"]))))
        );
        assert_eq!(
            parse("copydesk-disable CD002."),
            Some((Disable, Some(words(&["CD002"]))))
        );
        assert_eq!(
            parse("copydesk-disable CD999"),
            Some((Disable, Some(words(&["CD999"]))))
        );
        assert_eq!(parse("copydesk-disabled"), None);
        assert_eq!(parse("copydesk-disable-next-line"), None);
        assert_eq!(parse("see copydesk-disable"), None);
    }

    #[test]
    fn plain_directive_lines() {
        let text = "One.\n# copydesk-disable CD002\r\nTwo.\ncopydesk-enable\nnot copydesk-enable\n";
        let found = plain_directives(text);
        assert_eq!(
            found
                .iter()
                .map(|d| (d.kind, d.span.slice(text)))
                .collect::<Vec<_>>(),
            [
                (DirectiveKind::Disable, "# copydesk-disable CD002"),
                (DirectiveKind::Enable, "copydesk-enable"),
            ]
        );
    }

    fn at(text: &str, needle: &str) -> Span {
        let start = text.find(needle).unwrap();
        Span::new(start, start + needle.len())
    }

    #[test]
    fn disable_enable_and_next_line() {
        let text = "\
a Alpha
copydesk-ignore-next-line CD002
b Bravo
c Charlie
copydesk-disable
d Delta
copydesk-enable CD003
e Echo
copydesk-enable
f Foxtrot
copydesk-disable CD001
g Golf
";
        let s = Suppressions::new(text, plain_directives(text));
        let check = |code: &'static str, word: &str| s.is_suppressed(rule(code), at(text, word));
        assert!(!check("CD002", "Alpha"));
        assert!(check("CD002", "Bravo"));
        assert!(!check("CD001", "Bravo"));
        assert!(!check("CD002", "Charlie"));
        assert!(check("CD001", "Delta") && check("CD003", "Delta"));
        assert!(check("CD001", "Echo") && !check("CD003", "Echo"));
        assert!(!check("CD001", "Foxtrot"));
        assert!(check("CD001", "Golf") && !check("CD002", "Golf"));
    }

    #[test]
    fn next_line_at_the_end_of_the_text() {
        let text = "Alpha\ncopydesk-ignore-next-line";
        let s = Suppressions::new(text, plain_directives(text));
        assert!(!s.is_suppressed(rule("CD001"), at(text, "Alpha")));
        assert_eq!(s.next_lines, [Span::new(text.len(), text.len())]);
    }
}
