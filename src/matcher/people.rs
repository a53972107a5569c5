//! People: how a document refers to persons, for the reference rules
//! (CD010 first-reference, CD013 given-name-reference, CD014 name-order).
//!
//! Built once per document, when a rule first asks ([`Analysis::people`]):
//!
//! - *full names*: a person's given and family names written together,
//!   found three ways: an exact correct form of a person in the dictionary
//!   (which says which word is the family name); such a form with its family
//!   name moved to the other end ("Jinping Xi" for "Xi Jinping", "Orbán
//!   Viktor" for "Viktor Orbán"); or, with no dictionary entry, the last
//!   word of a run after a given name the lexicon knows ("Jen Daskal");
//! - *lone references*: one capitalised word standing alone as a run, perhaps
//!   after titles or an honorific ("Daskal said", "Mr. Daskal", "President
//!   Xi");
//! - *name units*: the capitalised words of a run after its titles, whose
//!   order two runs can be compared on ("Xi Jinping", "Jinping Xi");
//! - where each word stands: inside a quotation, or in a line that reads as
//!   a heading (a headline, a subhead, a byline).

use std::ops::Range;

use super::{Analysis, Match};
use crate::dictionary::{Dictionary, WordId};
use crate::document::Document;
use crate::entity::FormKind;
use crate::entity::{EntityId, EntityKind};
use crate::lexicon::{LexEntry, lexicon, nickname_links};
use crate::thresholds;
use crate::words::{
    Gap, form_words, is_all_caps, is_capitalized, is_connector, is_function_word, is_title_word,
};

/// How a full name was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameSource {
    /// An exact correct form of a person of the dictionary.
    Dictionary,
    /// A form of a person of the dictionary with its family name moved to
    /// the other end.
    Swapped,
    /// The last word of a run after a given name the lexicon knows.
    Lexicon,
}

/// A person's name written in full.
#[derive(Clone, Debug, PartialEq)]
pub struct FullName {
    /// The name's tokens, titles left out.
    pub tokens: Range<usize>,
    /// The family name's tokens: the first or the last ones of `tokens`.
    pub family: Range<usize>,
    /// The person, when the dictionary knows them.
    pub entity: Option<EntityId>,
    /// How it was recognised.
    pub source: NameSource,
}

impl FullName {
    /// True when the family name is written first ("Xi Jinping").
    pub fn family_first(&self) -> bool {
        self.family.start == self.tokens.start
    }

    /// The tokens of the given name(s) (and initials).
    pub fn given(&self) -> Range<usize> {
        if self.family_first() {
            self.family.end..self.tokens.end
        } else {
            self.tokens.start..self.family.start
        }
    }
}

/// One capitalised word standing alone as a name run, perhaps after titles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lone {
    /// The word.
    pub token: usize,
    /// The title words of its run right before it ("Mr", "President").
    pub titles: Range<usize>,
}

/// Capitalised words of a run after its titles, joined by spaces and split
/// at connectors ("Jinping Xi" of "Jinping Xi of China"): two to
/// [`thresholds::NAME_ORDER_MAX_WORDS`] words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Its tokens.
    pub tokens: Range<usize>,
}

/// How the document refers to persons.
#[derive(Debug, Default)]
pub struct People {
    /// Full names, in document order.
    pub full_names: Vec<FullName>,
    /// Lone capitalised words, in document order.
    pub lone: Vec<Lone>,
    /// Name units, in document order.
    pub units: Vec<Unit>,
    quoted: Vec<bool>,
    /// For each token, whether it is part of a full name.
    named: Vec<bool>,
}

/// Honorifics: forms of address that say a person is meant and nothing
/// else (folded).
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "mx", "miss"];

/// Lower-case words before a capitalised word that make it a modifier of a
/// noun ("the Obama administration"), not a reference to a person.
const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "these", "those"];

/// Prepositions before a capitalised word that make it a place ("in
/// Washington", "across Egypt"), not a person.
const LOCATIVES: &[&str] = &[
    "in",
    "at",
    "near",
    "across",
    "throughout",
    "outside",
    "inside",
    "around",
    "within",
    "into",
];

/// True for a preposition of place ("in", "near", folded).
pub fn is_locative(folded: &str) -> bool {
    LOCATIVES.contains(&folded)
}

/// True for an honorific ("Mr", "Dr", folded).
pub fn is_honorific(folded: &str) -> bool {
    HONORIFICS.contains(&folded)
}

/// True for a determiner ("the", "a", folded).
pub fn is_determiner(folded: &str) -> bool {
    DETERMINERS.contains(&folded)
}

/// The lexicon's view of a folded word.
pub fn lex(folded: &str) -> LexEntry {
    lexicon().get(folded).unwrap_or_default()
}

/// A name particle that belongs to a family name ("van", "bin", "al").
fn is_particle(word: &str) -> bool {
    is_connector(word) && !is_function_word(word)
}

/// A given name the lexicon knows well enough to take the word after it
/// for a family name: borne by many (or a nickname of one borne by many,
/// "Jen"), and no ordinary English word unless a frequent given name
/// ("Mark", "Tony").
pub fn is_given_name(folded: &str) -> bool {
    let l = lex(folded);
    let frequent = |l: LexEntry| l.given >= thresholds::GIVEN_NAME_MIN_COUNT;
    !is_title_word(folded)
        && (frequent(l) || nickname_links(folded).iter().any(|n| frequent(lex(n))))
        && (!l.is_english_word() || l.is_frequent_given_name())
}

/// A one-letter initial ("W" of "George W. Bush").
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

impl People {
    /// Find the persons of an analysed document.
    pub fn new(a: &Analysis, doc: &Document, dict: &Dictionary) -> People {
        let text = doc.text.as_str();
        let mut p = People {
            quoted: quoted_tokens(a, doc),
            ..People::default()
        };
        p.dictionary_names(a, dict);
        p.swapped_names(a, dict);
        p.lexicon_names(a, text);
        p.full_names.sort_by_key(|n| (n.tokens.start, n.tokens.end));
        p.named = vec![false; a.tokens.len()];
        for n in &p.full_names {
            p.named[n.tokens.clone()].iter_mut().for_each(|x| *x = true);
        }
        p.lone_and_units(a);
        p
    }

    /// True when token `t` stands inside a quotation.
    pub fn quoted(&self, t: usize) -> bool {
        self.quoted.get(t).copied().unwrap_or(false)
    }

    /// True when token `t` is part of some full name.
    pub fn in_full_name(&self, t: usize) -> bool {
        self.named.get(t).copied().unwrap_or(false)
    }

    /// Exact correct forms of persons whose family name is at one end.
    fn dictionary_names(&mut self, a: &Analysis, dict: &Dictionary) {
        for m in &a.mentions {
            let Match::Known { form, .. } = m.matched else {
                continue;
            };
            let f = dict.form(form);
            if !matches!(f.kind, FormKind::Name | FormKind::Alias | FormKind::Variant) || m.tokens.len() < 2 {
                continue;
            }
            if let Some(family) = family_at_end(a, m.tokens.clone(), f.entity, dict) {
                self.full_names.push(FullName {
                    tokens: m.tokens.clone(),
                    family,
                    entity: Some(f.entity),
                    source: NameSource::Dictionary,
                });
            }
        }
    }

    /// Runs whose words are a person's form with the family name moved to
    /// the other end.
    fn swapped_names(&mut self, a: &Analysis, dict: &Dictionary) {
        let mut in_mention = vec![false; a.tokens.len()];
        for m in a.mentions.iter().filter(|m| m.tokens.len() >= 2) {
            in_mention[m.tokens.clone()].iter_mut().for_each(|x| *x = true);
        }
        let mut rotated: Vec<WordId> = Vec::new();
        for run in &a.runs {
            for s in run.tokens.clone() {
                let max_end = run.tokens.end.min(s + thresholds::NAME_ORDER_MAX_WORDS + 1);
                for e in s + 2..=max_end {
                    let window = s..e;
                    if window.clone().any(|i| in_mention[i])
                        || !a.tokens[s].capitalized
                        || !a.tokens[e - 1].capitalized
                        || (s + 1..e).any(|i| !a.joined(i))
                        // The whole name, not a piece of a longer one.
                        || (s > run.tokens.start
                            && a.tokens[s - 1].capitalized
                            && !is_title_word(a.folded(s - 1)))
                        || (e < run.tokens.end && a.tokens[e].capitalized)
                    {
                        continue;
                    }
                    let Some(ids) = window
                        .clone()
                        .map(|i| a.dict_id(i))
                        .collect::<Option<Vec<WordId>>>()
                    else {
                        continue;
                    };
                    for k in 1..ids.len() {
                        rotated.clear();
                        rotated.extend_from_slice(&ids[k..]);
                        rotated.extend_from_slice(&ids[..k]);
                        let found = dict.index.exact_forms(&rotated).find_map(|form| {
                            let f = dict.form(form);
                            if !matches!(f.kind, FormKind::Name | FormKind::Alias | FormKind::Variant) {
                                return None;
                            }
                            let family = family_words(dict, f.entity)?;
                            let written: Vec<&str> = window.clone().map(|i| a.folded(i)).collect();
                            // Written family name first ("Orbán Viktor"), unless the
                            // first word reads as a given name ("Scott Jordan" is
                            // no "Jordan Scott" reversed).
                            if written[..k] == family[..] && !is_given_name(written[0]) {
                                Some((f.entity, s..s + k))
                            } else if written[k..] == family[..] {
                                Some((f.entity, s + k..e))
                            } else {
                                None
                            }
                        });
                        if let Some((entity, family)) = found {
                            self.full_names.push(FullName {
                                tokens: window.clone(),
                                family,
                                entity: Some(entity),
                                source: NameSource::Swapped,
                            });
                            break;
                        }
                    }
                }
            }
        }
    }

    /// Runs that end in a family name after a given name the lexicon knows
    /// ("Jen Daskal", "George W. Bush"), where the dictionary says nothing.
    fn lexicon_names(&mut self, a: &Analysis, text: &str) {
        let mut known = vec![false; a.tokens.len()];
        for m in &a.mentions {
            known[m.tokens.clone()].iter_mut().for_each(|x| *x = true);
        }
        for n in &self.full_names {
            known[n.tokens.clone()].iter_mut().for_each(|x| *x = true);
        }
        for run in &a.runs {
            // Each capitalised word that ends a sequence of capitalised words
            // ("Montalvo" in "Daniel Montalvo in September") may end a name.
            for last in run.tokens.clone() {
                let next_capitalised =
                    last + 1 < run.tokens.end && a.joined(last + 1) && a.tokens[last + 1].capitalized;
                // A word with none joined before it in its run (most runs
                // are one word) ends no name of two words.
                let alone = last == run.tokens.start || !a.joined(last);
                if !next_capitalised && !alone {
                    self.lexicon_name(a, text, run.tokens.start, last, &known);
                }
            }
        }
    }

    /// A name ending at token `last` of a run starting at `run_start`, if
    /// given names the lexicon knows stand before it.
    fn lexicon_name(&mut self, a: &Analysis, text: &str, run_start: usize, last: usize, known: &[bool]) {
        let surface = a.tokens[last].span.slice(text);
        let family_word = a.folded(last);
        if known[last]
            || !is_capitalized(surface)
            || is_all_caps(surface)
            || is_initial(surface)
            || is_title_word(family_word)
            || surface.bytes().any(|b| b.is_ascii_digit())
        {
            return;
        }
        // Particles of the family name: "van Beethoven", "al-Assad".
        let mut family_start = last;
        while family_start > run_start
            && a.joined(family_start)
            && is_particle(a.tokens[family_start - 1].span.slice(text))
        {
            family_start -= 1;
        }
        // No word before it to be a given name (most runs are one word):
        // no need to ask the lexicon about it.
        if family_start == run_start || !a.joined(family_start) {
            return;
        }
        let l = lex(family_word);
        // A proper name that is no surname is a place or a thing ("Roman Egypt").
        if l.is_common_word() || (l.is_proper() && !l.is_surname()) {
            return;
        }
        // Given names and initials before it.
        let mut given_start = family_start;
        let mut given_names = 0;
        while given_start > run_start && a.joined(given_start) {
            let i = given_start - 1;
            let w = a.tokens[i].span.slice(text);
            if known[i] {
                break;
            }
            if is_initial(w) {
                // An initial ("George W. Bush").
            } else if is_capitalized(w) && !is_all_caps(w) && is_given_name(a.folded(i)) {
                given_names += 1;
            } else {
                break;
            }
            given_start = i;
        }
        // The first word is a given name, not an initial.
        while given_start < family_start && is_initial(a.tokens[given_start].span.slice(text)) {
            given_start += 1;
        }
        if given_names == 0 || given_start == family_start {
            return;
        }
        self.full_names.push(FullName {
            tokens: given_start..last + 1,
            family: family_start..last + 1,
            entity: None,
            source: NameSource::Lexicon,
        });
    }

    /// Lone words and name units of every run.
    fn lone_and_units(&mut self, a: &Analysis) {
        for run in &a.runs {
            // Titles at the start of the run, or right before its last words.
            let last_title = run
                .tokens
                .clone()
                .rev()
                .find(|&i| is_title_word(a.folded(i)) && a.tokens[i].capitalized);
            let name_start = last_title.map_or(run.tokens.start, |i| i + 1);
            if name_start >= run.tokens.end {
                continue;
            }
            let titles_start = last_title.map_or(name_start, |lt| {
                let mut s = lt;
                while s > run.tokens.start && is_title_word(a.folded(s - 1)) {
                    s -= 1;
                }
                s
            });
            let name = name_start..run.tokens.end;
            if name.len() == 1 {
                self.lone.push(Lone {
                    token: name.start,
                    titles: titles_start..name_start,
                });
                continue;
            }
            // Sequences of capitalised words, split at connectors
            // ("Jinping Xi of China").
            let mut seg_start = name.start;
            for i in name.clone() {
                let ends =
                    i + 1 == name.end || a.tokens[i + 1].gap != Gap::Space || !a.tokens[i + 1].capitalized;
                if !a.tokens[i].capitalized {
                    seg_start = i + 1;
                    continue;
                }
                if ends {
                    let len = i + 1 - seg_start;
                    if (2..=thresholds::NAME_ORDER_MAX_WORDS).contains(&len) {
                        self.units.push(Unit {
                            tokens: seg_start..i + 1,
                        });
                    }
                    seg_start = i + 1;
                }
            }
        }
    }
}

/// The folded words of an entity's family name, for a person.
fn family_words(dict: &Dictionary, entity: EntityId) -> Option<Vec<String>> {
    let e = dict.entity(entity);
    if e.kind != EntityKind::Person {
        return None;
    }
    let words = form_words(e.family_name()?);
    (!words.is_empty()).then_some(words)
}

/// The tokens of the person's family name when it is at the start or the
/// end of `tokens` and does not fill them.
fn family_at_end(
    a: &Analysis,
    tokens: Range<usize>,
    entity: EntityId,
    dict: &Dictionary,
) -> Option<Range<usize>> {
    let family = family_words(dict, entity)?;
    let k = family.len();
    if k >= tokens.len() {
        return None;
    }
    let written: Vec<&str> = tokens.clone().map(|i| a.folded(i)).collect();
    if written[..k] == family[..] {
        Some(tokens.start..tokens.start + k)
    } else if written[written.len() - k..] == family[..] {
        Some(tokens.end - k..tokens.end)
    } else {
        None
    }
}

/// For each token, whether it stands inside a quotation: between “ and ”,
/// or between two straight double quotes, within a paragraph. A quotation
/// left open runs to the end of its paragraph (news quotes of several
/// paragraphs open each one).
fn quoted_tokens(a: &Analysis, doc: &Document) -> Vec<bool> {
    let text = doc.text.as_str();
    let bytes = text.as_bytes();
    let tokens = &a.tokens;
    let mut out = vec![false; tokens.len()];
    let mut t = 0;
    let mut open = false;
    let mut prev_end: Option<usize> = None;
    // Past the tokens that start before `pos` (or at it), marking them when
    // a quotation is open; outside one they keep `false`, and are skipped
    // in one search.
    let mut pass = |t: &mut usize, open: bool, before: &dyn Fn(usize) -> bool| {
        if open {
            while *t < tokens.len() && before(tokens[*t].span.start) {
                out[*t] = true;
                *t += 1;
            }
        } else {
            *t += tokens[*t..].partition_point(|x| before(x.span.start));
        }
    };
    for region in &doc.prose {
        // A new block between regions ends a quotation left open.
        if let Some(pe) = prev_end
            && text[pe..region.start].contains('\n')
        {
            open = false;
        }
        let end = region.end;
        // Jump from one byte that may begin a quotation mark (`"`, or 0xE2
        // or 0xC2, which begin “ ” „ and « », but also ’ or a no-break
        // space) to the next. Line breaks matter only inside a quotation
        // (a blank line ends it), and are searched for only there.
        let find =
            |from: usize, f: &dyn Fn(&[u8]) -> Option<usize>| f(&bytes[from..end]).map_or(end, |o| from + o);
        let marks = |hay: &[u8]| memchr::memchr3(b'"', 0xE2, 0xC2, hay);
        let newline = |hay: &[u8]| memchr::memchr(b'\n', hay);
        // The line break before the last one inside the quotation.
        let mut last_newline: Option<usize> = None;
        let mut i = region.start;
        let mut next_mark = find(i, &marks);
        let mut next_newline: Option<usize> = None;
        loop {
            if next_mark < i {
                next_mark = find(i, &marks);
            }
            let pos = if open {
                let n = match next_newline {
                    Some(n) if n >= i => n,
                    _ => find(i, &newline),
                };
                next_newline = Some(n);
                next_mark.min(n)
            } else {
                next_mark
            };
            if pos >= end {
                break;
            }
            let ch = text[pos..].chars().next().unwrap_or(' ');
            i = pos + ch.len_utf8();
            if !matches!(
                ch,
                '"' | '\n' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}'
            ) {
                continue;
            }
            pass(&mut t, open, &|start| start <= pos);
            let was_open = open;
            match ch {
                '\u{201c}' | '\u{201e}' | '\u{ab}' => open = true,
                '\u{201d}' | '\u{bb}' => open = false,
                '"' => open = !open,
                _ => {
                    // A blank line ends the paragraph, and a quotation with it.
                    if last_newline.is_some_and(|p| text[p + 1..pos].trim().is_empty()) {
                        open = false;
                    }
                    last_newline = Some(pos);
                }
            }
            if open && !was_open {
                // The line breaks passed while no quotation was open: the
                // last one of the region before the mark.
                last_newline = memchr::memrchr(b'\n', &bytes[region.start..pos]).map(|o| region.start + o);
            }
        }
        pass(&mut t, open, &|start| start < end);
        prev_end = Some(region.end);
    }
    out
}

/// Whether token `t`'s line reads as a heading: the line's prose stands
/// between blank lines (or the start or end of the text) and ends with no
/// sentence-final punctuation, or the line is a Markdown (`#`) or HTML
/// (`<h1>`…`<h6>`) heading. Worked out from the line alone, when a rule
/// asks (for a few tokens of a document, not for all of them).
pub fn in_heading(a: &Analysis, doc: &Document, t: usize) -> bool {
    let text = doc.text.as_str();
    let bytes = text.as_bytes();
    let Some(tok) = a.tokens.get(t) else {
        return false;
    };
    // The line, with its line break, as `split_inclusive('\n')` gives it.
    let line_start = |pos: usize| memchr::memrchr(b'\n', &bytes[..pos]).map_or(0, |o| o + 1);
    let line_end = |s: usize| memchr::memchr(b'\n', &bytes[s..]).map_or(text.len(), |o| s + o + 1);
    let blank = |s: usize, e: usize| text[s..e].trim().is_empty();
    let s = line_start(tok.span.start);
    let e = line_end(s);
    let raw = text[s..e].trim_start();
    let marked = raw.starts_with('#')
        || raw.len() > 3
            && raw.as_bytes()[0] == b'<'
            && matches!(raw.as_bytes()[1], b'h' | b'H')
            && (b'1'..=b'6').contains(&raw.as_bytes()[2]);
    if marked {
        return true;
    }
    let before_blank = s == 0 || blank(line_start(s - 1), s);
    if !before_blank || !(e >= text.len() || blank(e, line_end(e))) {
        return false;
    }
    // The words of the line: the tokens that start in it.
    let first = t - a.tokens[..t]
        .iter()
        .rev()
        .take_while(|x| x.span.start >= s)
        .count();
    let words = a.tokens[first..].iter().take_while(|x| x.span.start < e).count();
    if words > thresholds::HEADING_MAX_WORDS {
        return false;
    }
    // The last character of the line's prose, past closing marks.
    let region = doc.prose.partition_point(|r| r.end <= s);
    let on_line = doc.prose[region..].iter().take_while(|r| r.start < e).count();
    let prose_end = doc.prose[region..region + on_line]
        .iter()
        .rev()
        .flat_map(|r| text[r.start.max(s)..r.end.min(e)].chars().rev())
        .find(|c| !c.is_whitespace() && !matches!(c, '*' | '_' | '"' | '\u{201d}' | '\u{2019}' | '\'' | ')'));
    prose_end.is_some_and(|c| !matches!(c, '.' | '!' | '?' | ':' | ';' | ','))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::span::DocumentId;

    /// The words of a document that a scan marks.
    fn marked_words(text: &str, format: Format, scan: fn(&Analysis, &Document) -> Vec<bool>) -> Vec<String> {
        let doc = Document::new(DocumentId(0), "a.txt", text.to_string(), format);
        let a = Analysis::new(&doc, &Dictionary::empty());
        let marks = scan(&a, &doc);
        a.tokens
            .iter()
            .zip(marks)
            .filter(|(_, m)| *m)
            .map(|(t, _)| t.span.slice(text).to_string())
            .collect()
    }

    fn quoted_words(text: &str) -> Vec<String> {
        marked_words(text, Format::Plain, quoted_tokens)
    }

    #[test]
    fn quotations_curly_straight_guillemets_and_paragraphs() {
        assert_eq!(
            quoted_words("Ann said \u{201c}Bob left\u{201d} and Cy \"Dee ran\" off."),
            ["Bob", "left", "Dee", "ran"]
        );
        assert_eq!(
            quoted_words("Ann said \u{ab}Bob left\u{bb} and Cy left."),
            ["Bob", "left"]
        );
        // A no-break space or a © (bytes that begin with 0xC2, as « and »
        // do) between the marks changes nothing.
        assert_eq!(
            quoted_words(
                "\u{a9} Ann said\u{a0}\u{201c}Bob\u{a0}left\u{201d} and \u{ab}Cy\u{bb}\u{a0}\"Dee\" ran."
            ),
            ["Bob", "left", "Cy", "Dee"]
        );
        // Left open, a quotation ends with its paragraph.
        assert_eq!(
            quoted_words("Ann said \u{201c}Bob left\nthen Cy.\n\nDee ran."),
            ["Bob", "left", "then", "Cy"]
        );
        // Line breaks before the quotation opens count too: the blank
        // line that ends it is the one after its own line.
        assert_eq!(
            quoted_words("Ann\n\nsaid\n\"Bob\nleft\n \nCy \u{201c}Dee\u{201d} ran \"Eve"),
            ["Bob", "left", "Dee", "Eve"]
        );
    }

    #[test]
    fn a_quotation_runs_on_over_inline_code_but_not_a_code_block() {
        let quoted = |text: &str| marked_words(text, Format::Markdown, quoted_tokens);
        assert_eq!(
            quoted("Ann said \u{201c}Bob `ls` left\u{201d} then."),
            ["Bob", "left"]
        );
        assert_eq!(
            quoted("Ann said \u{201c}Bob\n\n```\ncode\n```\n\nCy left."),
            ["Bob"]
        );
    }

    #[test]
    fn headings_stand_alone_unpunctuated_or_marked() {
        let heading_words = |text: &str| {
            marked_words(text, Format::Plain, |a, doc| {
                (0..a.tokens.len()).map(|t| in_heading(a, doc, t)).collect()
            })
        };
        assert_eq!(
            heading_words("Counternarcotics Working Group\n\nJen Daskal spoke.\n\nShe left.\nThen Bob Lee\n"),
            ["Counternarcotics", "Working", "Group"]
        );
        assert_eq!(
            heading_words("A line\nwith no blank lines around"),
            Vec::<String>::new()
        );
        assert_eq!(
            heading_words("# Treasury news today.\nMore text."),
            ["Treasury", "news", "today"]
        );
    }
}
