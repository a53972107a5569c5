//! Documents: the text of one input and the byte ranges of it that are prose.
//!
//! A [`Document`] is built from a name and a `String`; it never does IO. The
//! *prose regions* are the parts of the text a copy editor reads: Markdown
//! code, URLs and link targets, HTML tags and comments are left out, headings,
//! emphasis and link text are kept. Every span is a byte range into the
//! original text, front matter included.

use crate::span::Span;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Index of a document within one run's [`Documents`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct DocumentId(pub usize);

/// How a document's text is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: everything is prose.
    Plain,
    /// CommonMark with optional YAML (`---`) or TOML (`+++`) front matter.
    Markdown,
    /// HTML: text between tags is prose.
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
    line_starts: Vec<usize>,
}

/// Front matter fields whose values are prose.
const PROSE_FIELDS: &[&str] = &["title", "subtitle", "description", "summary", "dek", "caption"];

impl Document {
    /// Build a document and compute its prose regions.
    pub fn new(id: DocumentId, name: impl Into<String>, text: impl Into<String>, format: Format) -> Self {
        let text = text.into();
        let prose = match format {
            Format::Plain => vec![Span::new(0, text.len())],
            Format::Markdown => markdown_prose(&text),
            Format::Html => html_prose(&text),
        };
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Document {
            id,
            name: name.into(),
            text,
            format,
            prose,
            line_starts,
        }
    }

    /// 1-based line and column of a byte offset; the column counts Unicode
    /// scalar values, as the JSON output promises.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = self.text[start..offset.min(self.text.len())].chars().count();
        (line + 1, col + 1)
    }

    /// Byte offsets at which each line starts.
    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
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
        self.docs.push(Document::new(id, name, text, format));
        id
    }

    /// The document with this id.
    pub fn get(&self, id: DocumentId) -> &Document {
        &self.docs[id.0]
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

/// Split off front matter: returns the byte length of the block (0 when
/// there is none) and the prose spans of its `title`-like fields.
fn front_matter(text: &str) -> (usize, Vec<Span>) {
    let fence = if text.starts_with("---\n") || text.starts_with("---\r\n") {
        "---"
    } else if text.starts_with("+++\n") || text.starts_with("+++\r\n") {
        "+++"
    } else {
        return (0, Vec::new());
    };
    let mut prose = Vec::new();
    let mut pos = text.find('\n').map_or(text.len(), |i| i + 1);
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = text[pos..line_end].trim_end_matches(['\n', '\r']);
        if line == fence {
            return (line_end, prose);
        }
        let sep = if fence == "---" { ':' } else { '=' };
        if let Some((key, _)) = line.split_once(sep) {
            let key = key.trim();
            if !line.starts_with([' ', '\t']) && PROSE_FIELDS.contains(&key) {
                let value_start = pos + key.len() + (line.len() - line.trim_start().len()) + 1;
                let raw = &text[value_start..pos + line.len()];
                let lead = raw.len() - raw.trim_start().len();
                let trimmed = raw.trim();
                let (skip, inner) = match trimmed.chars().next() {
                    Some(q @ ('"' | '\'')) if trimmed.len() >= 2 && trimmed.ends_with(q) => {
                        (1, &trimmed[1..trimmed.len() - 1])
                    }
                    _ => (0, trimmed),
                };
                let start = value_start + lead + skip;
                prose.push(Span::new(start, start + inner.len()));
            }
        }
        pos = line_end;
    }
    // No closing fence: not front matter after all.
    (0, Vec::new())
}

fn markdown_prose(text: &str) -> Vec<Span> {
    let (fm_len, mut prose) = front_matter(text);
    let body = &text[fm_len..];
    let mut skip_depth = 0usize;
    for (event, range) in Parser::new_ext(
        body,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES,
    )
    .into_offset_iter()
    {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Image { .. } | Tag::MetadataBlock(_)) => {
                skip_depth += 1
            }
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image | TagEnd::MetadataBlock(_)) => {
                skip_depth = skip_depth.saturating_sub(1);
            }
            Event::Start(Tag::Link { link_type, .. }) if is_autolink(link_type) => skip_depth += 1,
            Event::End(TagEnd::Link) if skip_depth > 0 => skip_depth -= 1,
            Event::Text(_) if skip_depth == 0 => {
                prose.push(Span::new(fm_len + range.start, fm_len + range.end));
            }
            _ => {}
        }
    }
    normalize(prose)
}

fn is_autolink(link_type: pulldown_cmark::LinkType) -> bool {
    matches!(
        link_type,
        pulldown_cmark::LinkType::Autolink | pulldown_cmark::LinkType::Email
    )
}

/// Text outside tags, comments, `<script>` and `<style>`. A real HTML5
/// tokenizer replaces this when HTML support is completed.
fn html_prose(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let lower = text.to_ascii_lowercase();
    let mut prose = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        if start < i {
            prose.push(Span::new(start, i));
        }
        let rest = &lower[i..];
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map_or(bytes.len(), |e| i + e + 3)
        } else if rest.starts_with("<script") || rest.starts_with("<style") {
            let close = if rest.starts_with("<script") {
                "</script"
            } else {
                "</style"
            };
            let body_end = rest.find(close).map_or(bytes.len(), |e| i + e);
            lower[body_end..]
                .find('>')
                .map_or(bytes.len(), |e| body_end + e + 1)
        } else {
            rest.find('>').map_or(bytes.len(), |e| i + e + 1)
        };
        i = end;
        start = end;
    }
    if start < bytes.len() {
        prose.push(Span::new(start, bytes.len()));
    }
    prose
}

fn normalize(mut spans: Vec<Span>) -> Vec<Span> {
    spans.retain(|s| !s.is_empty());
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if last.end >= s.start => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose_text(doc: &Document) -> Vec<&str> {
        doc.prose.iter().map(|s| s.slice(&doc.text)).collect()
    }

    #[test]
    fn markdown_skips_code_and_link_targets() {
        let text = "# Jen Daskal\n\nSee [Daskal](https://example.com/Deskel) and `Deskel` and <https://x.org>.\n\n```\nDeskel\n```\n";
        let doc = Document::new(DocumentId(0), "a.md", text, Format::Markdown);
        assert_eq!(
            prose_text(&doc),
            ["Jen Daskal", "See ", "Daskal", " and ", " and ", "."]
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
    fn line_col_counts_chars() {
        let doc = Document::new(DocumentId(0), "a.txt", "ab\n“é” X", Format::Plain);
        let x = doc.text.find('X').unwrap();
        assert_eq!(doc.line_col(x), (2, 5));
        assert_eq!(doc.line_col(0), (1, 1));
    }
}
