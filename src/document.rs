//! Documents: the text of one input and the byte ranges of it that are prose.
//!
//! A [`Document`] is built from a name and a `String`; it never does IO. The
//! *prose regions* are the parts of the text a copy editor reads. Every span
//! is a byte range into the original text, front matter included.
//!
//! - Plain text: everything but suppression directive lines.
//! - Markdown (`pulldown-cmark`): text, headings, emphasis, link text, image
//!   descriptions and table cells are prose; code blocks, inline code,
//!   autolinks, link targets and the Markdown syntax are not. Raw HTML in
//!   Markdown is read as HTML (below). Front matter: the `title`-like fields
//!   (see the `front_matter` module).
//! - HTML (`html5gum`): text between tags and the `alt` and `title`
//!   attributes; not tags, comments, other attributes, nor the contents of
//!   `<script>`, `<style>`, `<code>`, `<pre>`, `<kbd>`, `<samp>`. Character
//!   references are never prose (see the `html` module).
//!
//! The document's [`Suppressions`] are read at the same time, from its HTML
//! comments (Markdown, HTML) or directive lines (plain text).

use crate::entity::Date;
use crate::span::{DocumentId, Span};
use crate::suppress::{self, Directive, Suppressions};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

mod front_matter;
mod html;

pub use front_matter::PROSE_FIELDS;

/// How a document's text is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: everything is prose.
    Plain,
    /// CommonMark with optional YAML (`---`) or TOML (`+++`) front matter.
    Markdown,
    /// HTML: text between tags and the `alt` and `title` attributes are prose.
    Html,
}

impl Format {
    /// The format a file name implies: `.md`/`.markdown` Markdown,
    /// `.html`/`.htm` HTML, `.txt` plain; `None` for any other extension.
    pub fn from_path(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Plain),
            _ => None,
        }
    }
}

/// One input text with its prose regions.
#[derive(Clone, Debug)]
pub struct Document {
    /// Position in the run's [`Documents`].
    pub id: DocumentId,
    /// The name shown in diagnostics: the path as given, or `-`.
    pub name: String,
    /// The text exactly as read.
    pub text: String,
    /// How the text was read.
    pub format: Format,
    /// Sorted, non-overlapping byte ranges of prose.
    pub prose: Vec<Span>,
    /// The suppression directives written in the document.
    pub suppressions: Suppressions,
    /// The story's date: the front matter's `date` field, when it starts
    /// with a day (`YYYY-MM-DD`).
    pub date: Option<Date>,
    /// Where each line starts, found the first time a position is asked
    /// for: most documents of a large run have no finding and never need it.
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// True when the text was let go ([`Document::release`]).
    released: bool,
}

impl Document {
    /// Build a document and compute its prose regions.
    pub fn new(id: DocumentId, name: impl Into<String>, text: impl Into<String>, format: Format) -> Self {
        let text = text.into();
        let mut date = None;
        let (prose, directives) = match format {
            Format::Plain => plain(&text),
            Format::Markdown => {
                let (prose, directives, d) = markdown(&text);
                date = d;
                (prose, directives)
            }
            Format::Html => {
                let scan = html::scan(&text, Span::new(0, text.len()));
                let directives = scan
                    .comments
                    .iter()
                    .filter_map(|(span, body)| suppress::comment_directive(*span, body))
                    .collect();
                (normalize(&text, scan.prose), directives)
            }
        };
        let suppressions = Suppressions::new(&text, directives);
        Document {
            id,
            name: name.into(),
            text,
            format,
            prose,
            suppressions,
            date,
            line_starts: std::sync::OnceLock::new(),
            released: false,
        }
    }

    /// Let go of the text and what was found in it, keeping the name, the
    /// format, the date and the suppression directives: what a run of many
    /// files does with a document it has nothing to show in, once linted.
    /// The run-level rules need none of it ([`crate::linter::lint_run`]); before a
    /// diagnostic in it is shown, [`Documents::restore`] puts the text back.
    pub fn release(&mut self) {
        self.text = String::new();
        self.prose = Vec::new();
        self.line_starts = std::sync::OnceLock::new();
        self.released = true;
    }

    /// True when [`Document::release`] let go of the text.
    pub fn is_released(&self) -> bool {
        self.released
    }

    /// 1-based line and column of a byte offset; the column counts Unicode
    /// scalar values, as the JSON output promises.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = starts[line].min(offset);
        let col = self.text[start..offset.min(self.text.len())].chars().count();
        (line + 1, col + 1)
    }

    /// Byte offsets at which each line starts. A line ends with `\n`,
    /// `\r\n` or a lone `\r` (old Mac files); the first starts after a
    /// UTF-8 byte order mark, which is no column.
    pub fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut starts = vec![if self.text.starts_with('\u{feff}') { 3 } else { 0 }];
            starts.extend(
                memchr::memchr2_iter(b'\n', b'\r', bytes)
                    .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
                    .map(|i| i + 1),
            );
            starts
        })
    }

    /// True when the byte range lies entirely inside one prose region.
    pub fn is_prose(&self, span: Span) -> bool {
        let i = self.prose.partition_point(|p| p.end < span.end);
        self.prose.get(i).is_some_and(|p| p.contains(span))
    }
}

/// The documents of one run.
#[derive(Debug, Default)]
pub struct Documents {
    docs: Vec<Document>,
}

impl Documents {
    /// An empty store.
    pub fn new() -> Self {
        Documents::default()
    }

    /// Add a document; its id is its position.
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>, format: Format) -> DocumentId {
        let id = DocumentId(self.docs.len());
        self.push(Document::new(id, name, text, format))
    }

    /// Add a document built elsewhere (in a worker thread, say): it gets
    /// the next id, whatever id it was built with.
    pub fn push(&mut self, mut doc: Document) -> DocumentId {
        let id = DocumentId(self.docs.len());
        doc.id = id;
        self.docs.push(doc);
        id
    }

    /// The document with this id.
    pub fn get(&self, id: DocumentId) -> &Document {
        &self.docs[id.0]
    }

    /// Put back the text of a released document, as read again: the
    /// document is built anew, with the name and format it had.
    pub fn restore(&mut self, id: DocumentId, text: String) {
        let old = &self.docs[id.0];
        let doc = Document::new(id, old.name.clone(), text, old.format);
        self.docs[id.0] = doc;
    }

    /// All documents in order.
    pub fn iter(&self) -> impl Iterator<Item = &Document> {
        self.docs.iter()
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when there is no document.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }
}

/// An escape inside a prose value: a character reference in HTML, an escape
/// sequence in a front matter string.
#[derive(Debug)]
struct Escape {
    /// Its bytes in the text.
    span: Span,
    /// What it stands for.
    decoded: String,
}

/// A character that belongs to a word for the tokenizer, an apostrophe
/// included.
fn is_wordish(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || ('\u{300}'..='\u{36f}').contains(&c)
}

/// The literal parts of `text[span]`, which holds the sorted `escapes`.
///
/// An escape is never prose. One that stands for a letter, a digit or an
/// apostrophe is inside a word, and that whole word is left out (its pieces
/// are no words), except a possessive `'s`, which is left out alone; one
/// that stands for nothing between two word characters joins them, and the
/// joined word is left out too. Any other escape (a space, punctuation) is
/// a break between the words around it.
fn literal_pieces(text: &str, span: Span, escapes: &[Escape]) -> Vec<Span> {
    let before = |i: usize| text[span.start..i].chars().next_back();
    let after = |i: usize| text[i..span.end].chars().next();
    let mut cuts: Vec<Span> = Vec::with_capacity(escapes.len());
    for e in escapes {
        let (mut start, mut end) = (e.span.start, e.span.end);
        let decoded_wordish = e.decoded.chars().any(is_wordish);
        let joins = e.decoded.is_empty()
            && before(start).is_some_and(is_wordish)
            && after(end).is_some_and(is_wordish);
        let apostrophe = matches!(e.decoded.as_str(), "'" | "\u{2019}");
        let possessive =
            apostrophe && matches!(after(end), Some('s' | 'S')) && !after(end + 1).is_some_and(is_wordish);
        if possessive {
            end += 1;
        } else if decoded_wordish || joins {
            while let Some(c) = before(start).filter(|&c| is_wordish(c)) {
                start -= c.len_utf8();
            }
            while let Some(c) = after(end).filter(|&c| is_wordish(c)) {
                end += c.len_utf8();
            }
        }
        cuts.push(Span::new(start, end));
    }
    let mut pieces = Vec::new();
    let mut pos = span.start;
    cuts.sort();
    for cut in cuts {
        if cut.start > pos {
            pieces.push(Span::new(pos, cut.start));
        }
        pos = pos.max(cut.end);
    }
    if pos < span.end {
        pieces.push(Span::new(pos, span.end));
    }
    pieces
}

/// Prose, suppression directives and front matter date of a Markdown text.
fn markdown(text: &str) -> (Vec<Span>, Vec<Directive>, Option<Date>) {
    let fm = front_matter::parse(text);
    let mut prose = fm.prose;
    let mut directives = Vec::new();
    let body = &text[fm.len..];
    let mut skip_depth = 0usize;
    for (event, range) in Parser::new_ext(
        body,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES,
    )
    .into_offset_iter()
    {
        let range = Span::new(fm.len + range.start, fm.len + range.end);
        match event {
            // Raw HTML, as a block or inline: read as HTML (its text, `alt`
            // and `title` are prose; its comments may hold directives).
            Event::Start(Tag::HtmlBlock) => {
                if skip_depth == 0 {
                    html_into(text, range, &mut prose, &mut directives);
                }
                skip_depth += 1;
            }
            Event::InlineHtml(_) | Event::Html(_) if skip_depth == 0 => {
                html_into(text, range, &mut prose, &mut directives);
            }
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_)) => skip_depth += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)) => {
                skip_depth = skip_depth.saturating_sub(1);
            }
            Event::Start(Tag::Link { link_type, .. }) if is_autolink(link_type) => skip_depth += 1,
            Event::End(TagEnd::Link) if skip_depth > 0 => skip_depth -= 1,
            Event::Text(_) if skip_depth == 0 => prose.push(range),
            // A line break inside a paragraph joins the lines, so that a name
            // wrapped across them is one name.
            Event::SoftBreak if skip_depth == 0 => prose.push(range),
            _ => {}
        }
    }
    (normalize(text, prose), directives, fm.date)
}

/// Read `text[range]` as HTML, adding its prose and its directives.
fn html_into(text: &str, range: Span, prose: &mut Vec<Span>, directives: &mut Vec<Directive>) {
    let scan = html::scan(text, range);
    prose.extend(scan.prose);
    directives.extend(
        scan.comments
            .iter()
            .filter_map(|(span, body)| suppress::comment_directive(*span, body)),
    );
}

fn is_autolink(link_type: pulldown_cmark::LinkType) -> bool {
    matches!(
        link_type,
        pulldown_cmark::LinkType::Autolink | pulldown_cmark::LinkType::Email
    )
}

/// Prose and suppression directives of a plain text: everything but the
/// directive lines.
fn plain(text: &str) -> (Vec<Span>, Vec<Directive>) {
    let directives = suppress::plain_directives(text);
    let mut prose = Vec::with_capacity(directives.len() + 1);
    let mut pos = 0;
    for d in &directives {
        prose.push(Span::new(pos, d.span.start));
        pos = d.span.end;
    }
    prose.push(Span::new(pos, text.len()));
    (normalize(text, prose), directives)
}

/// Sort and merge touching prose spans, then leave out those with no word
/// character.
fn normalize(text: &str, mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if last.end >= s.start => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out.retain(|s| s.slice(text).chars().any(char::is_alphanumeric));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suppress::RuleId;

    const CD001: RuleId<'static> = RuleId {
        code: "CD001",
        name: "misspelled-name",
    };

    fn prose_text(doc: &Document) -> Vec<&str> {
        doc.prose.iter().map(|s| s.slice(&doc.text)).collect()
    }

    #[test]
    fn a_released_document_keeps_its_name_and_directives_until_restored() {
        let text = "Jen Daskal spoke.\n<!-- copydesk-ignore-next-line CD001 -->\nJennifer Deskel left.\n";
        let mut docs = Documents::new();
        let id = docs.add("a.md", text, Format::Markdown);
        let line = docs.get(id).line_col(text.find("Deskel").unwrap());
        assert_eq!(line, (3, 10));
        let deskel = Span::new(text.find("Deskel").unwrap(), text.find("Deskel").unwrap() + 6);
        assert!(docs.get(id).suppressions.is_suppressed(CD001, deskel));

        let mut doc = Document::new(id, "a.md", text, Format::Markdown);
        doc.release();
        assert!(doc.is_released());
        assert_eq!((doc.text.as_str(), doc.prose.len()), ("", 0));
        assert_eq!(doc.name, "a.md");
        assert!(doc.suppressions.is_suppressed(CD001, deskel));

        let mut docs = Documents::new();
        docs.push(doc);
        docs.restore(id, text.to_owned());
        let doc = docs.get(id);
        assert!(!doc.is_released());
        assert_eq!(doc.text, text);
        assert_eq!(doc.format, Format::Markdown);
        assert_eq!(doc.line_col(deskel.start), (3, 10));
        assert_eq!(
            prose_text(doc),
            prose_text(&Document::new(id, "a.md", text, Format::Markdown))
        );
        assert_eq!(prose_text(doc)[0], "Jen Daskal spoke.");
    }

    #[test]
    fn markdown_lines_of_a_paragraph_are_one_region() {
        let doc = Document::new(
            DocumentId(0),
            "a.md",
            "Officials of the Department of\nTreasury said so.\n\nNext paragraph.\n",
            Format::Markdown,
        );
        assert_eq!(
            prose_text(&doc),
            [
                "Officials of the Department of\nTreasury said so.",
                "Next paragraph."
            ]
        );
    }

    #[test]
    fn markdown_skips_code_and_link_targets() {
        let text = "# Jen Daskal\n\nSee [Daskal](https://example.com/Deskel) and `Deskel` and <https://x.org>.\n\n```\nDeskel\n```\n";
        let doc = Document::new(DocumentId(0), "a.md", text, Format::Markdown);
        assert_eq!(
            prose_text(&doc),
            ["Jen Daskal", "See ", "Daskal", " and ", " and "]
        );
    }

    #[test]
    fn front_matter_title_is_prose_at_true_offsets() {
        let text = "---\ntitle: \"Jennifer Deskel speaks\"\nslug: jennifer-deskel\n---\nBody.\n";
        let doc = Document::new(DocumentId(0), "a.md", text, Format::Markdown);
        assert_eq!(prose_text(&doc), ["Jennifer Deskel speaks", "Body."]);
        assert_eq!(doc.prose[0].start, 12);
    }

    #[test]
    fn html_skips_tags_comments_and_scripts() {
        let text = "<p>Jen <b>Daskal</b></p><!-- Deskel --><script>Deskel()</script>ok";
        let doc = Document::new(DocumentId(0), "a.html", text, Format::Html);
        assert_eq!(prose_text(&doc), ["Jen ", "Daskal", "ok"]);
    }

    #[test]
    fn markdown_reads_raw_html_and_image_descriptions() {
        let text = "Para ![Jen Daskal at the podium](a.png \"t\") and <span title=\"Deskel\">x</span>.\n\n\
<figure>\n<img src=\"Deskel.png\" alt=\"Jennifer Daskal\">\n<figcaption>Jen Daskal</figcaption>\n</figure>\n\n\
<!-- copydesk-disable CD002 -->\n\nText.\n\n    <!-- copydesk-enable -->\n";
        let doc = Document::new(DocumentId(0), "a.md", text, Format::Markdown);
        assert_eq!(
            prose_text(&doc),
            [
                "Para ",
                "Jen Daskal at the podium",
                " and ",
                "Deskel",
                "x",
                "Jennifer Daskal",
                "Jen Daskal",
                "Text."
            ]
        );
        // The comment in the indented code block is no directive.
        let d = doc.suppressions.directives();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span.slice(text), "<!-- copydesk-disable CD002 -->");
        assert_eq!(d[0].rules, Some(vec!["CD002".to_owned()]));
    }

    #[test]
    fn plain_text_leaves_out_directive_lines() {
        let text = "Jen Daskal.\n// copydesk-ignore-next-line\nJennifer Deskel.\n";
        let doc = Document::new(DocumentId(0), "a.txt", text, Format::Plain);
        assert_eq!(prose_text(&doc), ["Jen Daskal.\n", "\nJennifer Deskel.\n"]);
        assert_eq!(doc.suppressions.directives().len(), 1);
    }

    fn pieces(text: &str, escapes: &[(usize, usize, &str)]) -> Vec<String> {
        let escapes: Vec<Escape> = escapes
            .iter()
            .map(|&(start, end, decoded)| Escape {
                span: Span::new(start, end),
                decoded: decoded.into(),
            })
            .collect();
        literal_pieces(text, Span::new(0, text.len()), &escapes)
            .iter()
            .map(|s| s.slice(text).to_owned())
            .collect()
    }

    #[test]
    fn literal_pieces_around_escapes() {
        assert_eq!(pieces("Jose x", &[]), ["Jose x"]);
        // A letter: the word is left out.
        assert_eq!(pieces("Jos&eacute; Andres", &[(3, 11, "\u{e9}")]), [" Andres"]);
        // A space: a break.
        assert_eq!(pieces("Jen&nbsp;Daskal", &[(3, 9, "\u{a0}")]), ["Jen", "Daskal"]);
        // A possessive: only the `'s`.
        assert_eq!(pieces("Daskal&#39;s plan", &[(6, 11, "'")]), ["Daskal", " plan"]);
        // An apostrophe inside a name: the name goes.
        assert_eq!(pieces("O&#39;Rourke said", &[(1, 6, "'")]), [" said"]);
        // Nothing between two word characters joins them: the word goes.
        assert_eq!(pieces("Jen\\\n nifer Daskal", &[(3, 6, "")]), [" Daskal"]);
        assert_eq!(pieces("Jen \\\n Daskal", &[(4, 7, "")]), ["Jen ", "Daskal"]);
    }

    #[test]
    fn line_col_counts_chars() {
        let doc = Document::new(DocumentId(0), "a.txt", "ab\n“é” X", Format::Plain);
        let x = doc.text.find('X').unwrap();
        assert_eq!(doc.line_col(x), (2, 5));
        assert_eq!(doc.line_col(0), (1, 1));
    }

    /// Issue 23: a byte order mark was counted as a column, and a lone CR
    /// (old Mac line ends) was no line break.
    #[test]
    fn bom_is_no_column_and_a_lone_cr_ends_a_line() {
        let doc = Document::new(
            DocumentId(0),
            "a.txt",
            "\u{feff}Jen Daskal\rX\r\nY\nZ",
            Format::Plain,
        );
        assert_eq!(doc.line_col(3), (1, 1));
        assert_eq!(doc.line_col(doc.text.find("Daskal").unwrap()), (1, 5));
        assert_eq!(doc.line_col(doc.text.find('X').unwrap()), (2, 1));
        assert_eq!(doc.line_col(doc.text.find('Y').unwrap()), (3, 1));
        assert_eq!(doc.line_col(doc.text.find('Z').unwrap()), (4, 1));
        // The mark itself (never in a finding) is still somewhere.
        assert_eq!(doc.line_col(0), (1, 1));
    }
}
