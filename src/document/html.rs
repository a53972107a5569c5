//! HTML read with the `html5gum` tokenizer (WHATWG tokenization, byte
//! spans into the input).
//!
//! Prose is the text between tags and the values of the `alt` and `title`
//! attributes. Tags, comments, doctypes, other attributes and the contents of
//! `<script>`, `<style>`, `<code>`, `<pre>`, `<kbd>` and `<samp>` are not
//! prose. Comments are collected for suppression directives.
//!
//! Character references (`&amp;`, `&eacute;`, `&#8217;`) are never prose,
//! so every span stays a byte range of the file as written. A reference that
//! stands for a space or punctuation (`&nbsp;`, `&amp;`, `&mdash;`) is a
//! break between the words around it; one that stands for a letter, a digit
//! or an apostrophe (`Andr&eacute;s`, `O&rsquo;Rourke`) takes the whole word
//! out, because its pieces are no words. A possessive `&rsquo;s` takes out
//! only itself: the name before it stays.

use std::convert::Infallible;

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Token, Tokenizer};

use super::{Escape, literal_pieces};
use crate::span::Span;

/// Elements whose text is not prose.
const SKIPPED: &[&[u8]] = &[b"script", b"style", b"code", b"pre", b"kbd", b"samp"];

/// Attributes whose values are prose.
const PROSE_ATTRIBUTES: &[&[u8]] = &[b"alt", b"title"];

/// What a pass over some HTML found.
#[derive(Debug, Default)]
pub(super) struct Scan {
    /// Prose spans, in order.
    pub(super) prose: Vec<Span>,
    /// Each comment: its span (`<!--` to `-->`) and its text.
    pub(super) comments: Vec<(Span, String)>,
}

#[derive(Default)]
struct State {
    scan: Scan,
    tag: Vec<u8>,
    prose_attribute: bool,
    skip_depth: usize,
}

/// Tokenize `text[range]` as HTML; spans are into `text`.
pub(super) fn scan(text: &str, range: Span) -> Scan {
    let html = range.slice(text);
    let base = range.start;
    let mut st = State::default();
    let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, span: html5gum::Span<usize>| {
        let span = Span::new(base + span.start, base + span.end.max(span.start));
        match event {
            CallbackEvent::OpenStartTag { name } => {
                st.tag.clear();
                st.tag.extend_from_slice(name);
                st.prose_attribute = false;
            }
            CallbackEvent::AttributeName { name } => st.prose_attribute = PROSE_ATTRIBUTES.contains(&name),
            CallbackEvent::AttributeValue { value } => {
                if st.prose_attribute && st.skip_depth == 0 {
                    push_text(text, span, value, &mut st.scan.prose);
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                if !self_closing && SKIPPED.contains(&st.tag.as_slice()) {
                    st.skip_depth += 1;
                }
            }
            CallbackEvent::EndTag { name } => {
                if SKIPPED.contains(&name) {
                    st.skip_depth = st.skip_depth.saturating_sub(1);
                }
            }
            CallbackEvent::String { value } => {
                if st.skip_depth == 0 {
                    push_text(text, span, value, &mut st.scan.prose);
                }
            }
            CallbackEvent::Comment { value } => st
                .scan
                .comments
                .push((span, String::from_utf8_lossy(value).into_owned())),
            CallbackEvent::Doctype { .. } | CallbackEvent::Error(_) => {}
        }
        None::<Infallible>
    });
    // `<script>`, `<style>`, `<title>`, `<textarea>`: read their contents as
    // raw text, as a browser does.
    emitter.naively_switch_states(true);
    let Ok(()) = Tokenizer::new_with_emitter(html, emitter).finish();
    st.scan
}

/// Add the literal parts of a text node or attribute value: `raw` is its
/// span in the file, `value` what the tokenizer decoded.
fn push_text(text: &str, raw: Span, value: &[u8], out: &mut Vec<Span>) {
    let Some(source) = text.get(raw.start..raw.end) else {
        return;
    };
    if source.as_bytes() == value || !source.contains('&') {
        // No character reference (the tokenizer may still have turned
        // `\r\n` into `\n`, which changes no word).
        out.push(raw);
        return;
    }
    out.extend(literal_pieces(text, raw, &references(text, raw)));
}

/// The character references in `text[span]`, each with what it stands for.
fn references(text: &str, span: Span) -> Vec<Escape> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = span.start;
    while i < span.end {
        if bytes[i] != b'&' {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if bytes.get(end) == Some(&b'#') {
            end += 1;
            if matches!(bytes.get(end), Some(b'x' | b'X')) {
                end += 1;
            }
        }
        let name_start = end;
        while end < span.end && bytes[end].is_ascii_alphanumeric() {
            end += 1;
        }
        if end == name_start {
            i += 1;
            continue;
        }
        if end < span.end && bytes[end] == b';' {
            end += 1;
        }
        let raw = &text[i..end];
        let decoded = decode(raw);
        if decoded != raw {
            out.push(Escape {
                span: Span::new(i, end),
                decoded,
            });
        }
        i = end;
    }
    out
}

/// What one character reference stands for, as the tokenizer reads it.
fn decode(reference: &str) -> String {
    let mut out = String::new();
    for token in Tokenizer::new(reference) {
        let Ok(token) = token;
        if let Token::String(s) = token {
            out.push_str(&String::from_utf8_lossy(&s));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(html: &str) -> Vec<&str> {
        scan(html, Span::new(0, html.len()))
            .prose
            .iter()
            .map(|s| s.slice(html))
            .collect()
    }

    #[test]
    fn text_and_alt_and_title_are_prose() {
        assert_eq!(
            prose(
                "<!DOCTYPE html><html><head><title>Jen Daskal</title><style>p { font: Deskel }</style></head>\
                 <body><p class=\"Deskel\" TITLE='Jennifer Daskal'>Led by <b>Jennifer</b> Daskal.</p>\
                 <img src=Deskel.png alt=\"Jen Daskal, right\"><!-- Deskel --><script>if (a<b) Deskel()</script>\
                 <pre><code>Deskel</code></pre>ok</body></html>"
            ),
            [
                "Jen Daskal",
                "Jennifer Daskal",
                "Led by ",
                "Jennifer",
                " Daskal.",
                "Jen Daskal, right",
                "ok"
            ]
        );
    }

    #[test]
    fn spans_are_bytes_of_the_file() {
        let html = "<p title=“Zoë”>Café Zoë</p>\r\n<p>\r\nLine</p>";
        let found = scan(html, Span::new(0, html.len())).prose;
        assert_eq!(found[0], Span::new(9, 9 + "“Zoë”".len()));
        assert_eq!(found[1].slice(html), "Café Zoë");
        assert_eq!(found[2].slice(html), "\r\n");
        assert_eq!(found[3].slice(html), "\r\nLine");
    }

    #[test]
    fn character_references() {
        assert_eq!(
            prose("<p>Jen&nbsp;Daskal &amp; Andr&eacute;s Manuel L&oacute;pez Obrador, AT&T</p>"),
            ["Jen", "Daskal ", " ", " Manuel ", " Obrador, AT&T"]
        );
        assert_eq!(
            prose("<p>Daskal&#8217;s plan, O&rsquo;Rourke&rsquo;s</p>"),
            ["Daskal", " plan, "]
        );
        assert_eq!(prose("<img alt=\"Jen&#xA0;Daskal\">"), ["Jen", "Daskal"]);
    }

    #[test]
    fn references_at_the_edges() {
        assert_eq!(prose("<p>&ldquo;Jen Daskal&rdquo;</p>"), ["Jen Daskal"]);
        assert_eq!(prose("&amp;Jen Daskal&amp;"), ["Jen Daskal"]);
        assert_eq!(prose("<img alt='&quot;Jen Daskal&quot;'>"), ["Jen Daskal"]);
        assert_eq!(prose("<img alt=&eacute;Jen>x &#233;"), ["x "]);
        // Not a reference: kept as written.
        assert_eq!(prose("<p>AT&T &amp Co &#</p>"), ["AT&T ", " Co &#"]);
    }

    #[test]
    fn comments_are_collected() {
        let html = "<p>a</p><!-- copydesk-disable CD002 -->\n<p>b</p>";
        let found = scan(html, Span::new(0, html.len()));
        assert_eq!(found.comments.len(), 1);
        assert_eq!(found.comments[0].0.slice(html), "<!-- copydesk-disable CD002 -->");
        assert_eq!(found.comments[0].1, " copydesk-disable CD002 ");
    }

    /// Issue 23: html5gum took a stack frame per double-quoted attribute of
    /// one tag, and 10,000 of them aborted the run.
    #[test]
    fn many_attributes_do_not_overflow_the_stack() {
        let html = format!("<p {}title=\"Jen Daskal\">x</p>", "a=\"x\" ".repeat(100_000));
        assert_eq!(prose(&html), ["Jen Daskal", "x"]);
    }
}
