//! Front matter of Markdown files: YAML between `---` lines (read with
//! `saphyr-parser`) or TOML between `+++` lines (read with `toml`).
//!
//! Only the top-level fields `title`, `subtitle`, `description`, `summary`,
//! `dek` and `caption` (any letter case) are prose, and only when their value
//! is a single string; every other field, nested fields and lists never are.
//! Both parsers give the position of each value, so a value is checked where
//! it stands in the file:
//!
//! - YAML plain, single-quoted, double-quoted, literal (`|`) and folded (`>`)
//!   scalars; TOML basic, literal and multi-line strings.
//! - A value spread over several lines is one prose region: the line break
//!   and indentation between two words is a space to the tokenizer, as the
//!   folded value says.
//! - Escape sequences (`\"`, `\u00e9`, YAML's `''`, a line-ending backslash)
//!   are never prose. One that stands for a letter, a digit or an
//!   apostrophe, or that joins two lines without a space, takes the word
//!   around it out; the others are a break between words.
//! - The literal parts are used only when they, with the escapes decoded,
//!   spell the parser's value word for word; otherwise (a tag such as
//!   `!!str`, an escape copydesk does not know) the value is skipped.
//!
//! Front matter that does not parse is not prose, and it is still not
//! Markdown.
//!
//! The top-level field `date` (a YAML scalar, a TOML date, date-time or
//! string) that starts with a day written `YYYY-MM-DD` is the story's date
//! ([`FrontMatter::date`]): what CD012 checks titles against.

use saphyr_parser::{Event, Parser, ScalarStyle};

use super::{Escape, literal_pieces};
use crate::entity::Date;
use crate::span::Span;

/// Front matter fields whose values are prose.
pub const PROSE_FIELDS: &[&str] = &["title", "subtitle", "description", "summary", "dek", "caption"];

/// The front matter of a text.
#[derive(Debug, Default)]
pub(super) struct FrontMatter {
    /// Bytes from the start of the text to the end of the closing fence's
    /// line (0 when there is no front matter): the Markdown starts there.
    pub(super) len: usize,
    /// Prose spans of its prose fields, into the text.
    pub(super) prose: Vec<Span>,
    /// The `date` field, when it starts with a day.
    pub(super) date: Option<Date>,
}

/// The day a front matter date starts with: `2024-03-01`,
/// `2024-03-01T09:30:00Z`, `2024-03-01 09:30`.
fn date_prefix(value: &str) -> Option<Date> {
    let value = value.trim();
    let rest = value.get(10..)?;
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    Date::parse(&value[..10])
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Language {
    Yaml,
    Toml,
}

/// Find and read the front matter at the start of `text`.
pub(super) fn parse(text: &str) -> FrontMatter {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = text[bom..].split_inclusive('\n');
    let Some(first) = lines.next() else {
        return FrontMatter::default();
    };
    let fence = first.trim_end();
    let language = match fence {
        "---" => Language::Yaml,
        "+++" => Language::Toml,
        _ => return FrontMatter::default(),
    };
    if !first.ends_with('\n') {
        return FrontMatter::default();
    }
    let body_start = bom + first.len();
    let mut pos = body_start;
    for line in lines {
        if line.trim_end() == fence {
            let body = Span::new(body_start, pos);
            let (prose, date) = match language {
                Language::Yaml => yaml(text, body),
                Language::Toml => toml(text, body),
            };
            return FrontMatter {
                len: pos + line.len(),
                prose,
                date,
            };
        }
        pos += line.len();
    }
    // No closing fence: not front matter after all.
    FrontMatter::default()
}

fn is_prose_field(key: &str) -> bool {
    PROSE_FIELDS.iter().any(|f| f.eq_ignore_ascii_case(key))
}

/// Prose and date of YAML front matter in `text[body]`.
fn yaml(text: &str, body: Span) -> (Vec<Span>, Option<Date>) {
    let yaml = body.slice(text);
    // saphyr counts characters; turn them into byte offsets into `text`.
    let offsets: Vec<usize> = yaml
        .char_indices()
        .map(|(i, _)| body.start + i)
        .chain([body.end])
        .collect();
    let byte = |index: usize| offsets.get(index).copied().unwrap_or(body.end);
    let mut prose = Vec::new();
    let mut date = None;
    // Depth of nesting: 1 inside the top-level mapping.
    let mut depth = 0usize;
    let mut root_is_mapping = false;
    let mut expect_key = true;
    let mut key_is_prose = false;
    let mut key_is_date = false;
    for event in Parser::new_from_str(yaml) {
        let Ok((event, span)) = event else {
            return (Vec::new(), None);
        };
        // A node of the top-level mapping ends: a key or a value.
        let mut node = None;
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if depth == 0 {
                    root_is_mapping = matches!(event, Event::MappingStart(..));
                }
                depth += 1;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                depth = depth.saturating_sub(1);
                if depth == 1 {
                    node = Some(None);
                }
            }
            Event::Scalar(value, style, _, _) if depth == 1 => {
                let span = Span::new(byte(span.start.index()), byte(span.end.index()));
                node = Some(Some((value, style, span)));
            }
            Event::Alias(_) if depth == 1 => node = Some(None),
            Event::DocumentEnd => break,
            _ => {}
        }
        let Some(node) = node else { continue };
        if !root_is_mapping {
            break;
        }
        if expect_key {
            key_is_prose = node.as_ref().is_some_and(|(k, _, _)| is_prose_field(k));
            key_is_date = node
                .as_ref()
                .is_some_and(|(k, _, _)| k.eq_ignore_ascii_case("date"));
        } else if key_is_prose && let Some((value, style, span)) = node {
            prose.extend(yaml_scalar(text, span, style, &value));
        } else if key_is_date && let Some((value, _, _)) = node {
            date = date.or(date_prefix(&value));
        }
        expect_key = !expect_key;
    }
    (prose, date)
}

/// The prose of one YAML scalar at `span` (quotes included).
fn yaml_scalar(text: &str, span: Span, style: ScalarStyle, value: &str) -> Vec<Span> {
    match style {
        ScalarStyle::Plain | ScalarStyle::Literal | ScalarStyle::Folded => {
            // A block scalar's span ends after its last line break.
            let s = span.slice(text);
            let end = span.start + s.trim_end().len();
            verified(text, Span::new(span.start, end), &[], value)
        }
        ScalarStyle::SingleQuoted => {
            let Some(inner) = unquote(text, span, "'") else {
                return Vec::new();
            };
            let escapes: Vec<Escape> = inner
                .slice(text)
                .match_indices("''")
                .map(|(i, _)| Escape {
                    span: Span::new(inner.start + i, inner.start + i + 2),
                    decoded: "'".into(),
                })
                .collect();
            verified(text, inner, &escapes, value)
        }
        ScalarStyle::DoubleQuoted => {
            let Some(inner) = unquote(text, span, "\"") else {
                return Vec::new();
            };
            match backslash_escapes(text, inner, yaml_escape) {
                Some(escapes) => verified(text, inner, &escapes, value),
                None => Vec::new(),
            }
        }
    }
}

/// What a YAML escape (the character after the backslash) stands for.
fn yaml_escape(c: char) -> Option<Decode> {
    Some(Decode::Char(match c {
        '0' => '\0',
        'a' => '\u{7}',
        'b' => '\u{8}',
        't' | '\t' => '\t',
        'n' => '\n',
        'v' => '\u{b}',
        'f' => '\u{c}',
        'r' => '\r',
        'e' => '\u{1b}',
        ' ' => ' ',
        '"' => '"',
        '/' => '/',
        '\\' => '\\',
        'N' => '\u{85}',
        '_' => '\u{a0}',
        'L' => '\u{2028}',
        'P' => '\u{2029}',
        'x' => return Some(Decode::Hex(2)),
        'u' => return Some(Decode::Hex(4)),
        'U' => return Some(Decode::Hex(8)),
        _ => return None,
    }))
}

/// What a TOML escape (the character after the backslash) stands for.
fn toml_escape(c: char) -> Option<Decode> {
    Some(Decode::Char(match c {
        'b' => '\u{8}',
        't' => '\t',
        'n' => '\n',
        'f' => '\u{c}',
        'r' => '\r',
        'e' => '\u{1b}',
        '"' => '"',
        '\\' => '\\',
        'x' => return Some(Decode::Hex(2)),
        'u' => return Some(Decode::Hex(4)),
        'U' => return Some(Decode::Hex(8)),
        _ => return None,
    }))
}

/// How an escape decodes.
enum Decode {
    /// To this character.
    Char(char),
    /// To the character with the code of this many hex digits.
    Hex(usize),
}

/// The backslash escapes of `text[inner]`; `None` when one is unknown.
/// A backslash at the end of a line (spaces allowed before the break) joins
/// the lines: it and the white space after it decode to nothing.
fn backslash_escapes(text: &str, inner: Span, escape: fn(char) -> Option<Decode>) -> Option<Vec<Escape>> {
    let s = inner.slice(text);
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c != '\\' {
            continue;
        }
        let (_, next) = it.next()?;
        let rest = &s[i + 1..];
        let blank = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let end = if rest[blank..].starts_with(['\n', '\r']) {
            // Line continuation: the break and the indentation after it.
            let after = rest.trim_start_matches([' ', '\t', '\n', '\r']);
            let end = i + 1 + rest.len() - after.len();
            out.push(Escape {
                span: Span::new(inner.start + i, inner.start + end),
                decoded: String::new(),
            });
            end
        } else {
            let (decoded, end) = match escape(next)? {
                Decode::Char(ch) => (ch, i + 1 + next.len_utf8()),
                Decode::Hex(n) => {
                    let digits = s.get(i + 2..i + 2 + n)?;
                    let code = u32::from_str_radix(digits, 16).ok()?;
                    (char::from_u32(code)?, i + 2 + n)
                }
            };
            out.push(Escape {
                span: Span::new(inner.start + i, inner.start + end),
                decoded: decoded.to_string(),
            });
            end
        };
        while it.peek().is_some_and(|&(j, _)| j < end) {
            it.next();
        }
    }
    Some(out)
}

/// The span inside matching quotes `q` at both ends of `span`.
fn unquote(text: &str, span: Span, q: &str) -> Option<Span> {
    let s = span.slice(text);
    (s.len() >= 2 * q.len() && s.starts_with(q) && s.ends_with(q))
        .then(|| Span::new(span.start + q.len(), span.end - q.len()))
}

/// The literal parts of `text[span]` given its escapes, if together they
/// spell `value` word for word (white space between words may differ: the
/// parsers fold line breaks and indentation).
fn verified(text: &str, span: Span, escapes: &[Escape], value: &str) -> Vec<Span> {
    let mut rebuilt = String::with_capacity(span.len());
    let mut pos = span.start;
    for e in escapes {
        rebuilt.push_str(&text[pos..e.span.start]);
        rebuilt.push_str(&e.decoded);
        pos = e.span.end;
    }
    rebuilt.push_str(&text[pos..span.end]);
    if rebuilt.split_whitespace().ne(value.split_whitespace()) {
        return Vec::new();
    }
    literal_pieces(text, span, escapes)
}

/// Prose and date of TOML front matter in `text[body]`.
fn toml(text: &str, body: Span) -> (Vec<Span>, Option<Date>) {
    let Ok(root) = toml::de::DeTable::parse(body.slice(text)) else {
        return (Vec::new(), None);
    };
    let mut prose = Vec::new();
    let mut date = None;
    for (key, value) in root.get_ref() {
        if key.get_ref().eq_ignore_ascii_case("date") {
            date = match value.get_ref() {
                toml::de::DeValue::Datetime(d) => date_prefix(&d.to_string()),
                toml::de::DeValue::String(s) => date_prefix(s),
                _ => None,
            };
        }
        if !is_prose_field(key.get_ref()) {
            continue;
        }
        let Some(decoded) = value.get_ref().as_str() else {
            continue;
        };
        let range = value.span();
        let span = Span::new(body.start + range.start, body.start + range.end);
        let raw = span.slice(text);
        let pieces = if raw.starts_with("'''") {
            unquote(text, span, "'''").map(|inner| verified(text, inner, &[], decoded))
        } else if raw.starts_with("\"\"\"") {
            unquote(text, span, "\"\"\"").and_then(|inner| {
                backslash_escapes(text, inner, toml_escape).map(|e| verified(text, inner, &e, decoded))
            })
        } else if raw.starts_with('\'') {
            unquote(text, span, "'").map(|inner| verified(text, inner, &[], decoded))
        } else {
            unquote(text, span, "\"").and_then(|inner| {
                backslash_escapes(text, inner, toml_escape).map(|e| verified(text, inner, &e, decoded))
            })
        };
        prose.extend(pieces.unwrap_or_default());
    }
    prose.sort();
    (prose, date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(text: &str) -> (usize, Vec<&str>) {
        let fm = parse(text);
        (fm.len, fm.prose.iter().map(|s| s.slice(text)).collect())
    }

    #[test]
    fn yaml_scalars_of_every_style() {
        let text = "---\n\
title: Jen Daskal speaks   # a comment\n\
subtitle: 'Daskal''s plan for Jennifer Deskel'\n\
description: \"The \\\"Deskel\\\" memo by Jos\\u00e9 Andr\\u00e9s\\\n   today\"\n\
summary: >-\n  Jennifer\n  Deskel\n\
dek: |\n  One line.\n  Another.\n\
caption: [Not, a, string]\n\
slug: jennifer-deskel\n\
author:\n  title: Nested Title\n\
Dek: 2024\n\
---\n# Body\n";
        let (len, found) = prose(text);
        assert_eq!(&text[len..], "# Body\n");
        assert_eq!(
            found,
            [
                "Jen Daskal speaks",
                "Daskal",
                " plan for Jennifer Deskel",
                "The ",
                "Deskel",
                " memo by ",
                " ",
                "Jennifer\n  Deskel",
                "One line.\n  Another.",
                "2024",
            ]
        );
    }

    #[test]
    fn yaml_spans_are_bytes_of_the_file() {
        let text = "\u{feff}---\ntitle: “Zoë” Deskel\n---\n";
        let fm = parse(text);
        let start = text.find('“').unwrap();
        assert_eq!(fm.prose, [Span::new(start, text.find("\n---").unwrap())]);
        assert_eq!(fm.len, text.len());
    }

    #[test]
    fn yaml_values_with_tags_or_unknown_escapes_are_skipped() {
        assert_eq!(prose("---\ntitle: !!str Jen Daskal\n---\n").1, Vec::<&str>::new());
        assert_eq!(
            prose("---\ntitle: \"Jen \\q Daskal\"\n---\n").1,
            Vec::<&str>::new()
        );
        // Not YAML: no prose, still front matter.
        let text = "---\ntitle: [unclosed\n---\nBody";
        assert_eq!(prose(text), (text.len() - 4, vec![]));
    }

    #[test]
    fn the_date_field_is_the_story_date() {
        let date = |text: &str| parse(text).date.map(|d| d.to_string());
        assert_eq!(
            date("---\ntitle: T\ndate: 2024-03-01\n---\n").as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(
            date("---\nDate: '2024-03-01T09:30:00Z'\n---\n").as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(
            date("+++\ndate = 2023-11-30T08:00:00-05:00\n+++\n").as_deref(),
            Some("2023-11-30")
        );
        assert_eq!(
            date("+++\ndate = \"2023-11-30\"\n+++\n").as_deref(),
            Some("2023-11-30")
        );
        for none in [
            "---\ndate: yesterday\n---\n",
            "---\ndate: 2024-02-30\n---\n",
            "---\nmeta:\n  date: 2024-03-01\n---\n",
            "+++\ndate = 2024\n+++\n",
        ] {
            assert_eq!(date(none), None, "{none}");
        }
    }

    #[test]
    fn toml_strings_of_every_kind() {
        let text = "+++\n\
title = \"Jennifer \\\"Jen\\\" Daskal\"\n\
subtitle = 'C:\\Deskel'\n\
summary = \"\"\"\nJennifer\nDeskel \\\n    spoke\"\"\"\n\
dek = '''\nJen Daskal'''\n\
slug = \"jennifer-deskel\"\n\
description = 12\n\
[params]\ncaption = \"Nested Deskel\"\n\
+++\nBody\n";
        let (len, found) = prose(text);
        assert_eq!(&text[len..], "Body\n");
        assert_eq!(
            found,
            [
                "Jennifer ",
                "Jen",
                " Daskal",
                "C:\\Deskel",
                "\nJennifer\nDeskel ",
                "spoke",
                "\nJen Daskal"
            ]
        );
    }

    #[test]
    fn no_front_matter() {
        assert_eq!(prose("---\ntitle: x\n").0, 0);
        assert_eq!(prose("title: x\n---\n").0, 0);
        assert_eq!(prose("---").0, 0);
    }
}
