//! Mentions: name-like spans of a document and what the dictionary says of them.
//!
//! [`Analysis::new`] runs once per document and is shared by every rule:
//!
//! 1. tokenize the prose regions ([`crate::words`]) and intern each token's
//!    folded word once, with its number in the dictionary's word table (so
//!    case, accents and possessives do not matter);
//! 2. find every exact form by walking the words from each token through the
//!    dictionary's word-sequence prefix keys, as long as the tokens are joined
//!    (spaces, a single line break or a hyphen between them), keeping the
//!    leftmost-longest ones;
//! 3. group capitalised words into *name runs* and look for near misses in
//!    the runs that no exact form covers: one word of a multi-word form off
//!    by an edit or two, a missing function word ("Department of Treasury"),
//!    or a single distinctive word (a surname, a rare word of an
//!    organisation) misspelled where the document or a title confirms it.
//!
//! The numbers that decide a match live in [`crate::thresholds`].

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::dictionary::index::{WordMask, within_tiers};
use crate::dictionary::{Dictionary, FormId, PartRole, WordId};
use crate::document::{Document, Format};
use crate::entity::FormKind;
use crate::entity::{EntityId, EntityKind, Prominence};
use crate::lexicon;
use crate::span::DocumentId;
use crate::span::Span;
use crate::words::{
    Gap, Token, folded, is_all_caps, is_capitalized, is_connector, is_function_word, is_title_word,
    soft_pair, tokenize,
};

use crate::thresholds::*;

mod consistency;
mod cross_file;
pub mod decision;
pub mod people;

use decision::{Candidate, Features, Source, flag, lex};

pub use consistency::{Inconsistency, NameWord, Pair};
pub use cross_file::{
    Cluster, CorpusName, CrossFile, CrossPair, CrossVerdict, DocName, DocNames, NameRef, Occurrence,
    word_hash,
};

/// How a known form was written compared with the dictionary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseMatch {
    /// Letter for letter.
    Exact,
    /// Same letters, acceptable capitalisation: all capitals, title case of
    /// small words, a sentence-initial capital.
    Styled,
    /// A word the dictionary capitalises is written in lower case.
    Lowered,
    /// Same letters but for accents.
    Accents,
}

/// Why a near miss is believed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Evidence {
    /// The rest of a multi-word form matches exactly (the given name, the
    /// other words of an organisation's name).
    pub rest_of_name: bool,
    /// The correct form stands elsewhere in the document.
    pub attested: bool,
    /// A title of the entity stands right before it.
    pub title: bool,
}

/// A near miss of a dictionary form.
#[derive(Clone, Debug, PartialEq)]
pub struct NearMatch {
    /// The entity it nearly names.
    pub entity: EntityId,
    /// The form it nearly spells.
    pub form: FormId,
    /// The text to put in place of the mention's span.
    pub replacement: String,
    /// Edits in the word that differs (0 for a missing function word).
    pub distance: usize,
    /// The probability that it is a slip ([`decision::confidence`]).
    pub confidence: f32,
    /// What was known when it was weighed.
    pub features: Features,
    /// What supports it.
    pub evidence: Evidence,
    /// Where the document spells the entity correctly, if it does.
    pub related: Option<Span>,
    /// The smallest edit that makes the correction: the misspelled word and
    /// its right spelling, or the whole mention and the form.
    pub edit: (Span, String),
    /// Jaro-Winkler similarity of the word that differs and its right
    /// spelling: among equally scored candidates, the one sharing the longer
    /// beginning wins (slips rarely touch the first letters).
    pub similarity: f64,
}

impl NearMatch {
    /// True when this candidate should replace `best`.
    fn beats(&self, best: Option<&NearMatch>) -> bool {
        best.is_none_or(|b| {
            self.confidence > b.confidence
                || (self.confidence == b.confidence && self.similarity > b.similarity)
        })
    }
}

/// What the dictionary says of a mention.
// A near miss carries its features; a match lives only while its mention is
// linted, so it is not boxed.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Match {
    /// Exactly a form of an entity (any list: name, alias, variant,
    /// misspelling, abbreviation).
    Known {
        /// The form.
        form: FormId,
        /// How its letters compare.
        case: CaseMatch,
    },
    /// Nearly a form.
    Near(NearMatch),
}

/// A span of the document that the dictionary recognises.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Bytes of the mention.
    pub span: Span,
    /// Its tokens in [`Analysis::tokens`].
    pub tokens: Range<usize>,
    /// What it matched.
    pub matched: Match,
}

/// A run of capitalised words that reads as a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Its tokens in [`Analysis::tokens`].
    pub tokens: Range<usize>,
    /// Bytes from the first to the last token.
    pub span: Span,
}

/// Everything the rules need to know about one document, computed once.
#[derive(Debug, Default)]
pub struct Analysis {
    /// Every word of prose.
    pub tokens: Vec<Token>,
    /// The document's distinct words, each folded once: token `i` is the
    /// word `token_words[i]`.
    words: DocWords,
    token_words: Vec<u32>,
    /// Name-like runs of capitalised words.
    pub runs: Vec<Run>,
    /// Dictionary matches, sorted by position.
    pub mentions: Vec<Mention>,
    /// Every candidate weighed, reported or not: the best near miss of each
    /// window of a name run (CD001) and each pair of name words (CD002).
    pub candidates: Vec<Candidate>,
    /// Distinct capitalised name words with their uses.
    names: Vec<NameWord>,
    /// By word of the document: its index in `names`, or `u32::MAX`.
    name_of_word: Vec<u32>,
    /// Name words that look like another name word misspelled.
    pub inconsistencies: Vec<Inconsistency>,
    /// Every pair of name words compared, with its verdict: those with a
    /// word that may be taken for wrong (used once, never in lower case,
    /// unknown to the dictionary).
    pub pairs: Vec<Pair>,
    /// How the document refers to persons, found when a rule first asks.
    people: OnceLock<people::People>,
}

/// The distinct folded words of a document, numbered in order of first use.
#[derive(Debug, Default)]
struct DocWords {
    /// The words, concatenated; word `w` is `text[ranges[w]]`.
    text: String,
    ranges: Vec<Range<u32>>,
    /// [`word_hash`] of each word.
    hashes: Vec<u64>,
    /// How many times each word is used in lower case (as an ordinary word).
    lower: Vec<u32>,
    /// By word: (the first token where it is capitalised, how many times it
    /// is; 0 when never), counted as the words are interned.
    capitalised: Vec<(u32, u32)>,
    /// Each word's number in the dictionary, if the dictionary has it.
    dict_ids: Vec<Option<WordId>>,
    /// Where each word stands in the dictionary's forms (copied from the
    /// index once per word: a use reads it here, not in a table of every
    /// word of the dictionary).
    masks: Vec<WordMask>,
    /// [`word_hash`] -> the first word with that hash.
    by_hash: HashMap<u64, u32>,
    /// Words whose hash an earlier word has (rare): by text.
    collided: HashMap<Box<str>, u32>,
}

impl DocWords {
    fn get(&self, w: u32) -> &str {
        let r = &self.ranges[w as usize];
        &self.text[r.start as usize..r.end as usize]
    }

    /// The number of a folded word, if the document has it.
    fn id(&self, folded: &str) -> Option<u32> {
        self.find(folded, word_hash(folded))
    }

    /// The bytes of word `w`.
    fn bytes(&self, w: u32) -> &[u8] {
        let r = &self.ranges[w as usize];
        &self.text.as_bytes()[r.start as usize..r.end as usize]
    }

    /// [`DocWords::id`] with the word's hash at hand.
    fn find(&self, folded: &str, hash: u64) -> Option<u32> {
        let &w = self.by_hash.get(&hash)?;
        if self.bytes(w) == folded.as_bytes() {
            Some(w)
        } else {
            self.collided.get(folded).copied()
        }
    }

    /// The number of a folded word, added when new.
    fn intern(&mut self, folded: &str) -> u32 {
        self.intern_hashed(folded, word_hash(folded))
    }

    fn intern_hashed(&mut self, folded: &str, hash: u64) -> u32 {
        use std::collections::hash_map::Entry;
        let next = self.ranges.len() as u32;
        match self.by_hash.entry(hash) {
            Entry::Occupied(e) => {
                let r = &self.ranges[*e.get() as usize];
                if &self.text.as_bytes()[r.start as usize..r.end as usize] == folded.as_bytes() {
                    return *e.get();
                }
                if let Some(&w) = self.collided.get(folded) {
                    return w;
                }
                self.collided.insert(folded.into(), next);
            }
            Entry::Vacant(e) => {
                e.insert(next);
            }
        }
        let start = self.text.len() as u32;
        self.text.push_str(folded);
        self.ranges.push(start..self.text.len() as u32);
        self.hashes.push(hash);
        self.lower.push(0);
        self.capitalised.push((0, 0));
        next
    }
}

/// Sentence-initial words that are not names, dropped from the start of a
/// run; sorted, so that a repeat shows.
const SENTENCE_WORDS: &[&str] = &[
    "a",
    "about",
    "according",
    "after",
    "again",
    "also",
    "although",
    "an",
    "and",
    "another",
    "any",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "during",
    "each",
    "even",
    "every",
    "for",
    "from",
    "furthermore",
    "he",
    "her",
    "here",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "lastly",
    "later",
    "many",
    "meanwhile",
    "more",
    "moreover",
    "most",
    "my",
    "no",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "particularly",
    "reportedly",
    "she",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "to",
    "today",
    "under",
    "unlike",
    "until",
    "we",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "yesterday",
    "yet",
    "you",
];

/// [`SENTENCE_WORDS`] as a set: asked of every sentence-initial capitalised
/// word.
static SENTENCE_SET: std::sync::LazyLock<crate::words::WordSet> =
    std::sync::LazyLock::new(|| crate::words::WordSet::new(SENTENCE_WORDS));

impl Analysis {
    /// Analyse a document against a dictionary.
    pub fn new(doc: &Document, dict: &Dictionary) -> Self {
        let mut a = Analysis::default();
        // English prose runs about six bytes a word, technical text with
        // numbers and code nearer five: room for a word in four bytes, one
        // allocation, no copying as the tokens grow.
        a.tokens.reserve(doc.text.len() / 4 + 16);
        for &region in &doc.prose {
            let first = a.tokens.len();
            tokenize(&doc.text, region, &mut a.tokens);
            if let Some(t) = a.tokens.get_mut(first) {
                t.gap = Gap::Break;
                t.sentence_start = true;
            }
        }
        let mut buf = String::new();
        a.token_words.reserve(a.tokens.len());
        // A document has about one distinct word in six (news, manuals):
        // room for a quarter, so that the table seldom grows.
        a.words.by_hash.reserve((a.tokens.len() / 4).min(1 << 16));
        for (i, t) in a.tokens.iter().enumerate() {
            let surface = t.span.slice(&doc.text);
            // Most words are ASCII: folded and hashed in one pass, and
            // copied only when they have capitals.
            let w = match crate::words::ascii_fold_hash(surface, &mut buf) {
                Some((folded, hash)) => a.words.intern_hashed(folded, hash),
                None => {
                    crate::words::fold(surface, &mut buf);
                    a.words.intern(&buf)
                }
            };
            a.token_words.push(w);
            if t.lower_case {
                a.words.lower[w as usize] += 1;
            } else if t.capitalized {
                let c = &mut a.words.capitalised[w as usize];
                if c.1 == 0 {
                    c.0 = i as u32;
                }
                c.1 += 1;
            }
        }
        // One probe of the dictionary's word table per distinct word.
        a.words.dict_ids = (0..a.words.ranges.len() as u32)
            .map(|w| {
                dict.index
                    .word_id_hashed(a.words.get(w), a.words.hashes[w as usize])
            })
            .collect();
        a.words.masks = a
            .words
            .dict_ids
            .iter()
            .map(|w| w.map_or(WordMask::default(), |w| dict.index.mask(w)))
            .collect();
        a.find_runs(&doc.text);
        a.find_exact(&doc.text, dict);
        a.find_near(&doc.text, dict);
        a.mentions.sort_by_key(|m| (m.span.start, m.span.end));
        a.collect_names(&doc.text);
        a.find_inconsistencies(&doc.text, dict);
        a
    }

    /// How the document refers to persons (full names, lone words, name
    /// units), found on the first call: only the reference rules need it.
    pub fn people(&self, doc: &Document, dict: &Dictionary) -> &people::People {
        self.people.get_or_init(|| people::People::new(self, doc, dict))
    }

    /// How many times the folded word is used in lower case (as an
    /// ordinary word) in the document.
    pub fn lower_case_uses(&self, folded: &str) -> usize {
        self.words
            .id(folded)
            .map_or(0, |w| self.words.lower[w as usize] as usize)
    }

    /// The dictionary's number of token `i`'s word, if the dictionary has
    /// the word (looked up once for each word of the document).
    pub(crate) fn dict_id(&self, i: usize) -> Option<WordId> {
        self.words.dict_ids[self.token_words[i] as usize]
    }

    /// Where token `i`'s word stands in the dictionary's forms.
    fn mask(&self, i: usize) -> WordMask {
        self.words.masks[self.token_words[i] as usize]
    }

    /// The number of token `i`'s word among the document's distinct words
    /// (equal for tokens of one folded word).
    pub(crate) fn word_of(&self, i: usize) -> u32 {
        self.token_words[i]
    }

    /// [`Analysis::lower_case_uses`] of token `i`'s word, without hashing it.
    pub(crate) fn lower_case_uses_of(&self, i: usize) -> usize {
        self.words.lower[self.token_words[i] as usize] as usize
    }

    /// [`word_hash`] of every folded word used in lower case that is at
    /// least `min_len` bytes long, in order of first use (each word once).
    pub fn lower_case_words(&self, min_len: usize) -> Vec<u64> {
        let w = &self.words;
        let wanted = |&i: &usize| w.lower[i] > 0 && w.ranges[i].len() >= min_len;
        // Made at its final size: a run keeps it for each file (grown by
        // doubling, it held up to twice the memory).
        let mut out = Vec::with_capacity((0..w.ranges.len()).filter(wanted).count());
        out.extend((0..w.ranges.len()).filter(wanted).map(|i| w.hashes[i]));
        out
    }

    /// The folded text of token `i`.
    pub fn folded(&self, i: usize) -> &str {
        self.words.get(self.token_words[i])
    }

    /// Byte span from the first to the last of a range of tokens.
    pub fn span_of(&self, tokens: Range<usize>) -> Span {
        Span::new(
            self.tokens[tokens.start].span.start,
            self.tokens[tokens.end - 1].span.end,
        )
    }

    /// True when tokens `i - 1` and `i` can belong to one name.
    fn joined(&self, i: usize) -> bool {
        i > 0 && self.tokens[i].gap != Gap::Break && !self.tokens[i - 1].possessive
    }

    fn find_runs(&mut self, text: &str) {
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            if !self.tokens[i].capitalized {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            let mut j = i + 1;
            while j < n && self.joined(j) {
                let w = self.tokens[j].span.slice(text);
                if self.tokens[j].capitalized {
                    end = j + 1;
                    j += 1;
                } else if is_connector(w) || w.starts_with("al-") {
                    j += 1;
                } else {
                    break;
                }
                if j - end > 2 {
                    break;
                }
            }
            // Drop sentence-initial function words and adverbs ("The",
            // "But", "Afterwards"): an ordinary word that is no name and
            // begins no dictionary form.
            let mut s = start;
            while s < end && self.tokens[s].sentence_start && self.opens_sentence(s) {
                s += 1;
                while s < end && !self.tokens[s].capitalized {
                    s += 1;
                }
            }
            if s < end {
                self.runs.push(Run {
                    tokens: s..end,
                    span: self.span_of(s..end),
                });
            }
            i = end.max(i + 1);
        }
    }

    /// True when token `s`, capitalised at the start of a sentence, is an
    /// ordinary word that opens it rather than a word of a name.
    fn opens_sentence(&self, s: usize) -> bool {
        let word = self.folded(s);
        if SENTENCE_SET.contains(word) {
            return true;
        }
        if self.mask(s).starts_form() {
            return false;
        }
        let l = lex(word);
        l.is_common_word() && !l.is_name()
    }

    /// Exact forms: from each token, walk the following joined tokens while
    /// their words begin some form (prefix keys), collecting every whole form.
    fn find_exact(&mut self, text: &str, dict: &Dictionary) {
        let mut found: Vec<(usize, usize, FormId)> = Vec::new(); // (first token, end token, form)
        let mut seq: Vec<WordId> = Vec::new();
        for s in 0..self.tokens.len() {
            // The position masks rule out most words without a probe.
            if !self.mask(s).starts_form() {
                continue;
            }
            seq.clear();
            let mut e = s;
            while e < self.tokens.len() && (e == s || self.joined(e)) {
                let Some(w) = self.dict_id(e) else { break };
                seq.push(w);
                let mask = self.mask(e);
                if e > s && !(mask.may_continue(e - s) && dict.index.is_prefix(&seq)) {
                    break;
                }
                e += 1;
                if seq.len() > 1 || mask.is_whole_form() {
                    found.extend(dict.index.exact_forms(&seq).map(|f| (s, e, f)));
                }
            }
        }
        // Leftmost-longest, non-overlapping.
        found.sort_by_key(|&(s, e, f)| (s, std::cmp::Reverse(e), f));
        let mut next_free = 0;
        let mut i = 0;
        while i < found.len() {
            let (s, e, _) = found[i];
            let same = found[i..].iter().take_while(|x| x.0 == s && x.1 == e).count();
            let forms: Vec<FormId> = found[i..i + same].iter().map(|x| x.2).collect();
            i += same;
            if s < next_free {
                continue;
            }
            let surface: Vec<&str> = (s..e).map(|i| self.tokens[i].span.slice(text)).collect();
            // Prefer a form spelled exactly as written, then a correct form.
            let mut best: Option<(FormId, CaseMatch)> = None;
            for f in forms {
                let case = compare_case(&surface, dict.form(f).text, self.tokens[s].sentence_start);
                let rank =
                    |c: CaseMatch, k: FormKind| (c == CaseMatch::Exact) as u8 * 2 + k.is_correct() as u8;
                if best.is_none_or(|(bf, bc)| rank(case, dict.form(f).kind) > rank(bc, dict.form(bf).kind)) {
                    best = Some((f, case));
                }
            }
            let Some((form, case)) = best else { continue };
            // A lower-case single word ("china", "burns") is not a mention of a name.
            let all_lower = surface.iter().all(|w| !w.chars().any(char::is_uppercase));
            if all_lower && (e - s == 1 || dict.form(form).kind == FormKind::Abbreviation) {
                continue;
            }
            // Abbreviations count only as written in capitals.
            if dict.form(form).kind == FormKind::Abbreviation
                && case != CaseMatch::Exact
                && !surface.iter().all(|w| is_all_caps(w) || w.len() == 1)
            {
                continue;
            }
            next_free = e;
            self.mentions.push(Mention {
                span: self.span_of(s..e),
                tokens: s..e,
                matched: Match::Known { form, case },
            });
        }
    }

    /// Near misses inside name runs not covered by an exact match.
    fn find_near(&mut self, text: &str, dict: &Dictionary) {
        if dict.is_empty() {
            return;
        }
        let doc = DocIndex::new(self, text, dict);
        let mut near = Vec::new();
        let mut candidates = Vec::new();
        let mut cache = NearCache::new(self);
        // Tokens inside an exact match. A near miss may not overlap one,
        // except a longer name that holds it whole ("Equatoriol Guinea" holds
        // the country "Guinea"); the exact match then gives way.
        // By token: 1 + the index of the exact mention holding it, or 0.
        let mut exact: Vec<u32> = vec![0; self.tokens.len()];
        for (k, m) in self.mentions.iter().enumerate() {
            exact[m.tokens.clone()].fill(k as u32 + 1);
        }
        let mentions = &self.mentions;
        let covered = |s: usize, e: usize| {
            let inside = exact[s..e].iter().all(|&k| {
                k == 0
                    || (s <= mentions[k as usize - 1].tokens.start
                        && mentions[k as usize - 1].tokens.end <= e)
            });
            let open = exact[s..e].contains(&0);
            !(inside && open && (e - s >= 2 || exact[s] == 0))
        };
        for run in &self.runs {
            let (rs, re) = (run.tokens.start, run.tokens.end);
            let mut best_in_run: Vec<(Range<usize>, NearMatch)> = Vec::new();
            for s in rs..re {
                if is_connector(self.tokens[s].span.slice(text)) {
                    continue;
                }
                for e in (s + 1)..=re.min(s + MAX_WINDOW) {
                    if is_connector(self.tokens[e - 1].span.slice(text)) || covered(s, e) {
                        continue;
                    }
                    let cand = if e - s == 1 {
                        // A word standing with other name words (titles
                        // aside) is weighed with them, as a name of several
                        // words.
                        // Only the words joined to it without a connector
                        // count: "Kyrgystan on Monday" is no name of two words.
                        let is_link = |i: usize| is_connector(self.tokens[i].span.slice(text));
                        let ls = (rs..s).rev().find(|&i| is_link(i)).map_or(rs, |i| i + 1);
                        let le = (s + 1..re).find(|&i| is_link(i)).unwrap_or(re);
                        let names = (ls..le)
                            .filter(|&i| self.tokens[i].capitalized && !is_title_word(self.folded(i)))
                            .count();
                        if names > 1 {
                            None
                        } else {
                            let alone = (ls..le).filter(|&i| self.tokens[i].capitalized).count() == 1;
                            self.single_word(s, alone, text, dict, &doc, &mut cache)
                        }
                    } else {
                        self.multi_word(s..e, &exact, text, dict, &doc, &mut cache)
                    };
                    if let Some(c) = cand {
                        best_in_run.push((s..e, c));
                    }
                }
            }
            // Best non-overlapping candidates of the run, most likely first.
            best_in_run.sort_by(|a, b| {
                b.1.confidence
                    .total_cmp(&a.1.confidence)
                    .then((b.0.end - b.0.start).cmp(&(a.0.end - a.0.start)))
            });
            let mut taken: Vec<Range<usize>> = Vec::new();
            for (r, c) in best_in_run {
                candidates.push(Candidate {
                    source: Source::Dictionary,
                    span: c.edit.0,
                    suggestion: c.edit.1.clone(),
                    features: c.features,
                    confidence: c.confidence,
                    uses: 1,
                });
                if c.confidence < REPORT_CONFIDENCE
                    || taken.iter().any(|t| t.start < r.end && r.start < t.end)
                {
                    continue;
                }
                taken.push(r.clone());
                near.push(Mention {
                    span: self.span_of(r.clone()),
                    tokens: r,
                    matched: Match::Near(c),
                });
            }
        }
        drop(doc);
        self.candidates = candidates;
        // Exact matches that share a token with a near miss give way.
        let mut in_near = vec![false; self.tokens.len()];
        for n in &near {
            in_near[n.tokens.clone()].iter_mut().for_each(|x| *x = true);
        }
        self.mentions
            .retain(|m| !in_near[m.tokens.clone()].iter().any(|&x| x));
        self.mentions.extend(near);
    }

    /// A multi-word window: one word off, or a function word missing or extra.
    ///
    /// A window may hold an exact match whole (`exact`, by token: nonzero in
    /// an exact match): then only one of
    /// its other words may be the one off, and no function word may be
    /// missing ("U.S. The" is no misspelling of "U.S.").
    #[allow(
        clippy::too_many_arguments,
        reason = "the per-token facts of one analysis, passed apart"
    )]
    fn multi_word(
        &self,
        window: Range<usize>,
        exact: &[u32],
        text: &str,
        dict: &Dictionary,
        doc: &DocIndex,
        near: &mut NearCache,
    ) -> Option<NearMatch> {
        // The window's dictionary words (a window is at most MAX_WINDOW).
        let ids: smallvec::SmallVec<[Option<WordId>; MAX_WINDOW]> =
            window.clone().map(|i| self.dict_id(i)).collect();
        let unknown = ids.iter().filter(|w| w.is_none()).count();
        let mut best: Option<NearMatch> = None;
        // One word off.
        if unknown <= 1 {
            for j in 0..ids.len() {
                if unknown == 1 && ids[j].is_some() || exact[window.start + j] != 0 {
                    continue;
                }
                let t = window.start + j;
                let found = self.folded(t);
                // "Department for Education" is another body than the
                // Department of Education: a function word swapped is no slip.
                if found.len() < MIN_FUZZY_LEN || crate::words::is_function_word(found) {
                    continue;
                }
                // No form of this length has the other words where they stand:
                // no near word of this one can make a form.
                let fits =
                    (0..ids.len()).all(|i| i == j || self.mask(window.start + i).at_position(ids.len(), i));
                if !fits {
                    continue;
                }
                // The forms that have a near word of this one here and the
                // other words as written: one exact key per near word.
                let mut probe: Vec<WordId> = ids.iter().map(|w| w.unwrap_or(WordId(u32::MAX))).collect();
                let mut forms: Vec<FormId> = Vec::new();
                for &(w, _) in near.get(self, t, dict) {
                    if !dict.index.at_position(w, ids.len(), j) {
                        continue;
                    }
                    probe[j] = w;
                    forms.extend(dict.index.forms_with_words(&probe).take(MAX_CANDIDATES_PER_PROBE));
                }
                for &form in &forms {
                    let fwords = dict.index.form_words(form);
                    if fwords.len() != ids.len() {
                        continue;
                    }
                    let right = dict.index.word(fwords[j]);
                    // The rest of the name matches: an ending of one word
                    // may be the slip ("National Institute of Health").
                    let Some(distance) = word_distance(found, right, true) else {
                        continue;
                    };
                    let entity = dict.form(form).entity;
                    let related = doc.attested(entity, right);
                    let ev = Evidence {
                        rest_of_name: true,
                        attested: related.is_some(),
                        title: doc.title_before(window.start, entity, dict),
                    };
                    let person = dict.entity(entity).kind == EntityKind::Person && ids.len() == 2;
                    if person && j == 1 && obscure_and_unconfirmed(dict, doc, entity, &ev) {
                        continue;
                    }
                    let mut f = self.word_features(t, found, right, distance, dict, doc);
                    f.dictionary(dict, found, right, Some(entity));
                    f.rest_of_name = 1.0;
                    if person {
                        f.person_family_off = flag(j == 1);
                        f.person_given_off = flag(j == 0);
                        let anchor = ids[1 - j].map_or(0, |w| dict.index.parts(w).count());
                        f.anchor_namesakes = namesakes(anchor);
                    }
                    // The window itself is a name of several words.
                    f.found_introduced = 0.0;
                    f.title = flag(ev.title);
                    f.attested = flag(ev.attested);
                    f.found_later = flag(related.is_some_and(|r| r.start < self.tokens[t].span.start));
                    f.target_identified = flag(doc.known.contains_key(&entity));
                    f.found_repeated_identified = flag(f.found_repeated > 0.0);
                    let (replacement, edit) = self.replace_word(window.clone(), t, dict, form, j, text);
                    let (f, confidence) = decision::weigh(f);
                    let cand = NearMatch {
                        entity,
                        form,
                        replacement,
                        distance,
                        confidence,
                        features: f,
                        evidence: ev,
                        related,
                        edit,
                        similarity: strsim::jaro_winkler(found, right),
                    };
                    if cand.beats(best.as_ref()) {
                        best = Some(cand);
                    }
                }
            }
        }
        // A person's given name and family name, one of them exact.
        if window.len() == 2 && exact[window.clone()].iter().all(|&k| k == 0) {
            for cand in self.person_name(window.clone(), text, dict, doc) {
                if cand.beats(best.as_ref()) {
                    best = Some(cand);
                }
            }
        }
        // A function word missing or extra.
        if unknown == 0 && exact[window.clone()].iter().all(|&k| k == 0) {
            let skeleton: Vec<WordId> = window
                .clone()
                .filter(|&i| !is_function_word(self.folded(i)))
                .filter_map(|i| self.dict_id(i))
                .collect();
            // A skeleton of one word is no name with a function word off;
            // each word of a skeleton stands in a short multi-word form.
            let skeleton =
                if skeleton.len() >= 2 && skeleton.iter().all(|&w| dict.index.in_short_multi_word_form(w)) {
                    skeleton
                } else {
                    Vec::new()
                };
            for form in dict
                .index
                .forms_with_skeleton(&skeleton)
                .take(MAX_CANDIDATES_PER_PROBE)
            {
                let fwords = dict.index.form_words(form);
                if fwords.iter().copied().map(Some).eq(ids.iter().copied()) || skeleton.len() < 2 {
                    continue;
                }
                // Missing or extra, not swapped: "Department for Education"
                // is another body than the Department of Education.
                let written: Vec<&str> = window
                    .clone()
                    .map(|i| self.folded(i))
                    .filter(|w| is_function_word(w))
                    .collect();
                let formal: Vec<&str> = fwords
                    .iter()
                    .map(|&w| dict.index.word(w))
                    .filter(|w| is_function_word(w))
                    .collect();
                let within = |a: &[&str], b: &[&str]| a.iter().all(|w| b.contains(w));
                if !within(&written, &formal) && !within(&formal, &written) {
                    continue;
                }
                let entity = dict.form(form).entity;
                let related = doc.attested(entity, "");
                let ev = Evidence {
                    rest_of_name: true,
                    attested: related.is_some(),
                    title: false,
                };
                let f = Features {
                    missing_word: 1.0,
                    rest_of_name: 1.0,
                    attested: flag(ev.attested),
                    found_later: flag(
                        related.is_some_and(|r| r.start < self.tokens[window.start].span.start),
                    ),
                    target_known: 1.0,
                    target_prominence: f32::from(dict.prominence(entity)) / 3.0,
                    target_identified: flag(doc.known.contains_key(&entity)),
                    ..Features::default()
                };
                let (f, confidence) = decision::weigh(f);
                let cand = NearMatch {
                    entity,
                    form,
                    replacement: dict.form(form).text.to_owned(),
                    distance: 0,
                    confidence,
                    features: f,
                    evidence: ev,
                    related,
                    edit: (self.span_of(window.clone()), dict.form(form).text.to_owned()),
                    similarity: 1.0,
                };
                if cand.beats(best.as_ref()) {
                    best = Some(cand);
                }
            }
        }
        best
    }

    /// Two words naming a person of the dictionary with one of them exact
    /// and the other off by more than the fuzzy index reaches: a surname
    /// misspelled after the right given name ("Olaf Schultz"), a given name
    /// misspelled or wrong before the right surname ("Kier Starmer",
    /// "Bruce Starmer"). The people compared are those with the exact word
    /// as their given or family name, and only when there are few.
    fn person_name(
        &self,
        window: Range<usize>,
        text: &str,
        dict: &Dictionary,
        doc: &DocIndex,
    ) -> Vec<NearMatch> {
        let mut out = Vec::new();
        let (g, fam) = (window.start, window.start + 1);
        for (exact_at, off_at, role) in [(fam, g, PartRole::FamilyName), (g, fam, PartRole::GivenName)] {
            let Some(w) = self.dict_id(exact_at) else { continue };
            let off = self.folded(off_at);
            let surface = self.tokens[off_at].span.slice(text);
            if off.chars().count() < 3 || !is_capitalized(surface) || is_all_caps(surface) {
                continue;
            }
            let people: Vec<EntityId> = dict
                .index
                .parts(w)
                .filter(|&(_, r)| r == role)
                .map(|(e, _)| e)
                .take(PERSON_PROBE_MAX + 1)
                .collect();
            if people.is_empty() || people.len() > PERSON_PROBE_MAX {
                continue;
            }
            for &entity in &people {
                for form in dict.entity_forms(entity) {
                    let f = dict.form(form);
                    if !f.kind.is_correct() || dict.is_hidden(form) {
                        continue;
                    }
                    let fwords = dict.index.form_words(form);
                    if fwords.len() != 2 {
                        continue;
                    }
                    let (want_exact, want_off) = if role == PartRole::FamilyName {
                        (fwords[1], fwords[0])
                    } else {
                        (fwords[0], fwords[1])
                    };
                    if want_exact != w {
                        continue;
                    }
                    let right = dict.index.word(want_off);
                    if right == off || is_word_form(off, right) || lexicon::are_nicknames(off, right) {
                        continue;
                    }
                    let distance = crate::words::osa_distance(off, right);
                    // Another given name entirely: only a given name the
                    // lexicon knows, before a surname one person has.
                    let wrong_given = distance > 2;
                    if wrong_given
                        && (role != PartRole::FamilyName || people.len() > 1 || lex(off).given == 0)
                    {
                        continue;
                    }
                    let related = doc.attested(entity, "");
                    let ev = Evidence {
                        rest_of_name: true,
                        attested: related.is_some(),
                        title: doc.title_before(window.start, entity, dict),
                    };
                    if role == PartRole::GivenName && obscure_and_unconfirmed(dict, doc, entity, &ev) {
                        continue;
                    }
                    let mut feats = self.word_features(off_at, off, right, distance, dict, doc);
                    feats.dictionary(dict, off, right, Some(entity));
                    feats.rest_of_name = 1.0;
                    feats.person_family_off = flag(role == PartRole::GivenName);
                    feats.person_given_off = flag(role == PartRole::FamilyName);
                    feats.anchor_namesakes = namesakes(dict.index.parts(w).count());
                    feats.found_introduced = 0.0;
                    feats.wrong_given_name = flag(wrong_given);
                    feats.title = flag(ev.title);
                    feats.attested = flag(ev.attested);
                    feats.found_later =
                        flag(related.is_some_and(|r| r.start < self.tokens[off_at].span.start));
                    feats.target_identified = flag(doc.known.contains_key(&entity));
                    feats.found_repeated_identified = feats.found_repeated;
                    let j = off_at - window.start;
                    let (replacement, edit) = self.replace_word(window.clone(), off_at, dict, form, j, text);
                    let (feats, confidence) = decision::weigh(feats);
                    out.push(NearMatch {
                        entity,
                        form,
                        replacement,
                        distance,
                        confidence,
                        features: feats,
                        evidence: ev,
                        related,
                        edit,
                        similarity: strsim::jaro_winkler(off, right),
                    });
                }
            }
        }
        out
    }

    /// What a found word (token `t`, folded `found`) and its right spelling
    /// say by themselves and in this document: the spelling, the lexicon,
    /// and the found word's uses. The caller adds what the dictionary and
    /// the context say.
    fn word_features(
        &self,
        t: usize,
        found: &str,
        right: &str,
        distance: usize,
        dict: &Dictionary,
        doc: &DocIndex,
    ) -> Features {
        let mut f = Features {
            mixed_case: flag(decision::is_mixed_case(self.tokens[t].span.slice(doc.text))),
            ..Features::default()
        };
        f.spelling(found, right, distance);
        f.lexicon(&lex(found), &lex(right));
        let w = self.token_words[t] as usize;
        let (_, uses) = self.words.capitalised[w];
        f.found_lower = flag(self.words.lower[w] > 0);
        let right_uses = doc.word(right).map_or(0, |r| self.words.capitalised[r].1);
        f.uses(uses as usize, right_uses as usize);
        f.found_introduced = flag(doc.introduced(t));
        f.sentence_initial_only = flag(uses <= 1 && self.tokens[t].sentence_start);
        let _ = dict;
        f
    }

    /// A single distinctive word misspelled: a surname alone, a word of a
    /// place or body ("Pakistna", "Daskel said").
    ///
    /// A word that is no English word and no known name is compared with
    /// every word of the dictionary; a known one only with the words of the
    /// entities the document names (a real name typed for another is a slip
    /// only where the story says whom it means) or, after a capitalised
    /// word that may be a title, with every word.
    fn single_word(
        &self,
        t: usize,
        alone: bool,
        text: &str,
        dict: &Dictionary,
        doc: &DocIndex,
        near: &mut NearCache,
    ) -> Option<NearMatch> {
        let found = self.folded(t);
        let surface = self.tokens[t].span.slice(text);
        if found.len() < MIN_FUZZY_LEN || !is_capitalized(surface) || is_all_caps(surface) {
            return None;
        }
        // A short word is compared only with entities the story names.
        let short = found.len() < MIN_SINGLE_WORD_LEN;
        let w = self.token_words[t] as usize;
        let lw = lex(found);
        let known = self.words.dict_ids[w].is_some() || lw.english > 0 || lw.is_name();
        // A title is written capitalised before a name ("Sen. Cruz").
        let title_possible = t > 0 && self.joined(t) && self.tokens[t - 1].capitalized;
        let mut own: Vec<(WordId, usize)> = Vec::new();
        let candidates: &[(WordId, usize)] = if !known || title_possible {
            near.get(self, t, dict)
        } else {
            for &w in doc.known_words(dict) {
                let right = dict.index.word(w);
                // A known word's first letter is never the slip (below):
                // the cheap test first.
                if right.len() >= MIN_FUZZY_LEN
                    && right.as_bytes()[0] == found.as_bytes()[0]
                    && right.len().abs_diff(found.len()) <= MAX_INDEXED_DISTANCE
                    && right != found
                {
                    let d = crate::words::osa_distance(found, right);
                    if d <= MAX_INDEXED_DISTANCE {
                        own.push((w, d));
                    }
                }
            }
            &own
        };
        let mut best: Option<NearMatch> = None;
        let mut whole_names: Vec<(EntityId, WordId)> = Vec::new();
        for &(w, distance) in candidates {
            let right = dict.index.word(w);
            // The first letter may be the slip only in a word nobody knows.
            if word_distance(found, right, false) != Some(distance)
                || found.as_bytes()[0] != right.as_bytes()[0] && (known || distance != 1)
            {
                continue;
            }
            if distance == 2 && !soft_pair(found, right) {
                continue;
            }
            // A name built on the word ("SpaceX" of "Space") is a name of its own.
            if decision::is_brand_of(surface, right) {
                continue;
            }
            let mut usable: Vec<(EntityId, PartRole)> = dict
                .index
                .parts(w)
                .filter(|(_, role)| matches!(role, PartRole::FamilyName | PartRole::NameWord))
                .collect();
            if usable.is_empty() {
                continue;
            }
            // An entity the word is the whole name of comes first: "Andorra"
            // is the country before it is a word of Andorra la Vella.
            let whole: Vec<EntityId> = dict
                .index
                .exact_forms(&[w])
                .map(|f| dict.form(f).entity)
                .collect();
            usable.sort_by_key(|(e, _)| !whole.contains(e));
            whole_names.extend(whole.iter().map(|&e| (e, w)));
            let base = {
                let mut f = self.word_features(t, found, right, distance, dict, doc);
                f.dictionary(dict, found, right, None);
                f
            };
            for &(entity, _) in usable.iter().take(MAX_CANDIDATES_PER_PROBE) {
                // Attested only by a correct mention of the entity itself: the
                // bare word elsewhere may name something else ("Space" in
                // "Kennedy Space Center" is no Rep. Space).
                let related = doc.attested(entity, "");
                let ev = Evidence {
                    rest_of_name: false,
                    attested: related.is_some(),
                    title: doc.title_before(t, entity, dict),
                };
                let identified = doc.known.contains_key(&entity);
                if short && !ev.attested && !identified {
                    continue;
                }
                // Nothing in the document points at the entity: only a
                // prominent one (a country, a head of government) or one
                // of the newsroom's own dictionary is taken for meant; a
                // one-letter neighbour of an obscure built-in name is
                // usually another name.
                if !ev.attested
                    && !ev.title
                    && !identified
                    && dict.is_builtin(entity)
                    && dict.prominence(entity) < Prominence::PROMINENT
                {
                    continue;
                }
                let mut f = base;
                f.target_prominence = f32::from(dict.prominence(entity)) / 3.0;
                f.title = flag(ev.title);
                f.attested = flag(ev.attested);
                f.found_later = flag(related.is_some_and(|r| r.start < self.tokens[t].span.start));
                f.target_identified = flag(identified);
                f.found_repeated_identified = flag(f.found_repeated > 0.0 && (identified || ev.title));
                f.reference_pattern = flag(alone && identified);
                let replacement = match_case(
                    surface,
                    original_word(dict, entity, w).as_deref().unwrap_or(right),
                );
                let form = dict.name_form(entity);
                let edit = (self.tokens[t].span, replacement.clone());
                let (f, confidence) = decision::weigh(f);
                let cand = NearMatch {
                    entity,
                    form,
                    replacement,
                    distance,
                    confidence,
                    features: f,
                    evidence: ev,
                    related,
                    edit,
                    similarity: strsim::jaro_winkler(found, right),
                };
                // One word, two entities with it: the one it names whole is
                // meant once either is reported ("Andorra", not Andorra la Vella).
                let named_whole = |m: &NearMatch| whole_names.contains(&(m.entity, w));
                // `x` is the entity meant over `y`: one word, named whole.
                let holds_over = |x: &NearMatch, y: &NearMatch| {
                    x.replacement == y.replacement
                        && named_whole(x)
                        && !named_whole(y)
                        && x.confidence >= REPORT_CONFIDENCE
                };
                let take = match &best {
                    None => true,
                    Some(b) => holds_over(&cand, b) || cand.beats(Some(b)) && !holds_over(b, &cand),
                };
                if take {
                    best = Some(cand);
                }
            }
        }
        best
    }

    /// The window's text with token `t` replaced by word `j` of `form`, as
    /// the dictionary writes it.
    fn replace_word(
        &self,
        window: Range<usize>,
        t: usize,
        dict: &Dictionary,
        form: FormId,
        j: usize,
        text: &str,
    ) -> (String, (Span, String)) {
        let form_text = &dict.form(form).text;
        let mut ftoks = Vec::new();
        tokenize(form_text, Span::new(0, form_text.len()), &mut ftoks);
        let right = ftoks.get(j).map_or("", |tok| tok.span.slice(form_text));
        let surface = self.tokens[t].span.slice(text);
        let span = self.span_of(window);
        let tok = self.tokens[t].span;
        let mut out = String::with_capacity(span.len() + 4);
        out.push_str(&text[span.start..tok.start]);
        let word = match_case(surface, right);
        out.push_str(&word);
        out.push_str(&text[tok.end..span.end]);
        (out, (tok, word))
    }
}

/// The dictionary words near each word of the document, looked up once
/// per word: a name repeated in a story is looked up once.
struct NearCache {
    /// By the number of the word in the document (`Analysis::token_words`).
    near: Vec<Option<Vec<(WordId, usize)>>>,
}

impl NearCache {
    fn new(a: &Analysis) -> Self {
        NearCache {
            near: vec![None; a.words.ranges.len()],
        }
    }

    /// Words of the dictionary within two edits of the word of token `t`.
    fn get(&mut self, a: &Analysis, t: usize, dict: &Dictionary) -> &[(WordId, usize)] {
        self.near[a.token_words[t] as usize].get_or_insert_with(|| {
            let mut out = Vec::new();
            dict.index.near_words_memo(a.folded(t), &mut out);
            out
        })
    }
}

/// Facts about the whole document that near-miss evidence needs; the
/// words are borrowed from the analysis.
struct DocIndex<'a> {
    /// The analysis, whose words the facts below are numbered by.
    a: &'a Analysis,
    /// The document's text.
    text: &'a str,
    /// By word of the document: whether it stands in a name run of two or
    /// more capitalised words.
    in_full_name: Vec<bool>,
    /// Entity -> first exact mention with a correct form.
    known: HashMap<EntityId, Span>,
    /// The distinctive words (family names, name words) of the entities in
    /// `known`, sorted by id; made on first use.
    known_words: OnceLock<Vec<WordId>>,
    /// Entity -> the folded words of each of its titles, made on first use
    /// (a document asks about the same entities again and again).
    title_words: std::cell::RefCell<HashMap<EntityId, Vec<Vec<String>>>>,
}

impl<'a> DocIndex<'a> {
    fn new(a: &'a Analysis, text: &'a str, dict: &Dictionary) -> Self {
        let mut in_full_name = vec![false; a.words.ranges.len()];
        for r in &a.runs {
            let caps = r
                .tokens
                .clone()
                .filter(|&i| a.tokens[i].capitalized && !is_title_word(a.folded(i)))
                .count();
            if caps >= 2 {
                for i in r.tokens.clone() {
                    in_full_name[a.token_words[i] as usize] = true;
                }
            }
        }
        let mut known = HashMap::default();
        for m in &a.mentions {
            if let Match::Known { form, .. } = m.matched {
                let f = dict.form(form);
                if f.kind.is_correct() {
                    known.entry(f.entity).or_insert(m.span);
                }
            }
        }
        DocIndex {
            a,
            text,
            in_full_name,
            known,
            known_words: OnceLock::new(),
            title_words: Default::default(),
        }
    }

    /// The words by which a lone word can refer to an entity the document
    /// names correctly: the family names and name words of the `known`
    /// entities, in word-id order (the order near-word lookups give).
    fn known_words(&self, dict: &Dictionary) -> &[WordId] {
        self.known_words.get_or_init(|| {
            let mut words = Vec::new();
            for &entity in self.known.keys() {
                for form in dict.entity_forms(entity) {
                    for &w in dict.index.form_words(form) {
                        let part = dict.index.parts(w).any(|(e, role)| {
                            e == entity && matches!(role, PartRole::FamilyName | PartRole::NameWord)
                        });
                        if part {
                            words.push(w);
                        }
                    }
                }
            }
            words.sort_unstable();
            words.dedup();
            words
        })
    }

    /// Where the document names the entity correctly: an exact correct form,
    /// or else the right word capitalised somewhere.
    fn attested(&self, entity: EntityId, right_word: &str) -> Option<Span> {
        if let Some(&span) = self.known.get(&entity) {
            return Some(span);
        }
        let &(first, count) = self.a.words.capitalised.get(self.word(right_word)?)?;
        (count > 0).then(|| self.a.tokens[first as usize].span)
    }

    /// The number of a folded word in the document, if it has it.
    fn word(&self, folded: &str) -> Option<usize> {
        self.a.words.id(folded).map(|w| w as usize)
    }

    /// True when the word of token `t` is used in a full name of its own in
    /// this document ("Nick Jonas"): then a lone use of it is that person,
    /// not a slip.
    fn introduced(&self, t: usize) -> bool {
        self.in_full_name[self.a.token_words[t] as usize]
    }

    /// A title of the entity (or a generic one for a person) right before token `t`.
    fn title_before(&self, t: usize, entity: EntityId, dict: &Dictionary) -> bool {
        let a = self.a;
        let e = dict.entity(entity);
        if t == 0 || !a.joined(t) || e.titles.is_empty() && e.roles.is_empty() {
            return false;
        }
        // The title of an office held before names the person too ("former
        // Secretary of State Hillary Clinton").
        let mut memo = self.title_words.borrow_mut();
        let titles = memo.entry(entity).or_insert_with(|| {
            let held = e.roles.iter().map(|r| r.title.as_str());
            e.titles
                .iter()
                .map(String::as_str)
                .chain(held)
                .map(crate::words::form_words)
                .collect()
        });
        titles.iter().any(|words| {
            !words.is_empty()
                && words.len() <= t
                && (t - words.len()..t).zip(words).all(|(i, w)| a.folded(i) == w)
                && (t - words.len() + 1..=t).all(|i| a.joined(i))
        })
    }
}

/// [`Features::anchor_namesakes`] of a word `n` entities share.
fn namesakes(n: usize) -> f32 {
    ((n.max(1) as f32).log2() / 6.0).clamp(0.0, 1.0)
}

/// The word as the entity's canonical name writes it.
fn original_word(dict: &Dictionary, entity: EntityId, word: WordId) -> Option<String> {
    let right = dict.index.word(word);
    let e = dict.entity(entity);
    for form in std::iter::once(&e.name).chain(&e.aliases) {
        let mut toks = Vec::new();
        tokenize(form, Span::new(0, form.len()), &mut toks);
        for t in toks {
            let w = t.span.slice(form);
            if folded(w) == right {
                return Some(w.to_owned());
            }
        }
    }
    None
}

/// Edits between two folded words when they are close enough to be one
/// word misspelled, by length tier; with `forms`, also when one is the
/// other with an ending (a plural, a demonym).
fn word_distance(found: &str, right: &str, forms: bool) -> Option<usize> {
    if found == right
        || found.len() < MIN_FUZZY_LEN
        || right.len() < MIN_FUZZY_LEN
        || is_word_form(found, right) && !(forms && is_plural(found, right))
        || crate::words::is_spelling_variant(found, right)
    {
        return None;
    }
    let d = crate::words::osa_distance(found, right);
    (d >= 1 && (within_tiers(found, right, d) || forms && d <= 3 && is_plural(found, right))).then_some(d)
}

/// True when one word is the other's plural ("Institutes", "Agencies"):
/// in a name of several words, a slip; a demonym ("South African") is not.
fn is_plural(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short)
        .is_some_and(|end| end == "s" || end == "es")
        || short
            .strip_suffix('y')
            .is_some_and(|stem| long.strip_prefix(stem) == Some("ies"))
}

/// Endings that make another word of the same name: plurals, demonyms,
/// adjectives (Departments, Texans, Samoan, Indian, Pakistani, Chinese).
const WORD_FORM_ENDINGS: &[&str] = &[
    "s", "es", "n", "an", "ian", "ns", "ans", "ians", "i", "is", "ese", "ish", "ic", "y",
];

/// True when one word is the other with an inflection or derivation ending.
pub(crate) fn is_word_form(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // A final letter doubled is a slip, not an ending ("Afghanistann").
    if long.len() == short.len() + 1
        && long.ends_with(&short[short.len().saturating_sub(1)..])
        && long.starts_with(short)
    {
        return false;
    }
    long.strip_prefix(short).is_some_and(|end| WORD_FORM_ENDINGS.contains(&end))
        // Antarctic/Antarctica, Baltic/Baltica.
        || short.ends_with("ic") && long.len() == short.len() + 1 && long.ends_with('a') && long.starts_with(short)
        // India/Indian, Samoa/Samoan, China/Chinese: a final vowel replaced by an ending.
        // Texas/Texans too: the final letter of the place replaced by an ending.
        || short.len() >= 4
            && long.len() > short.len()
            && short.ends_with(['a', 'e', 'o', 'y', 's'])
            && long.starts_with(&short[..short.len() - 1])
            && WORD_FORM_ENDINGS.contains(&&long[short.len() - 1..])
        // Germany/Germans: a people in the plural, as long as the place.
        || a.len() == b.len()
            && a.len() >= 5
            && a[..a.len() - 1] == b[..b.len() - 1]
            && [a, b].iter().any(|w| w.ends_with('y'))
            && [a, b].iter().any(|w| w.ends_with("ns"))
}

/// Compare the written words with a form's words, letter case aside.
fn compare_case(surface: &[&str], form: &str, sentence_start: bool) -> CaseMatch {
    let mut toks = Vec::new();
    tokenize(form, Span::new(0, form.len()), &mut toks);
    let fw: Vec<&str> = toks.iter().map(|t| t.span.slice(form)).collect();
    if fw.len() != surface.len() {
        return CaseMatch::Styled;
    }
    if fw.iter().zip(surface).all(|(a, b)| a == b) {
        return CaseMatch::Exact;
    }
    let all_caps = surface.iter().all(|w| is_all_caps(w) || w.chars().count() == 1);
    let mut lowered = false;
    let mut accents = false;
    for (i, (f, s)) in fw.iter().zip(surface).enumerate() {
        if f == s {
            continue;
        }
        if f.to_lowercase() != s.to_lowercase() {
            accents = true;
            continue;
        }
        if all_caps || (i == 0 && sentence_start) {
            continue;
        }
        let f_cap = is_capitalized(f);
        let s_cap = is_capitalized(s);
        if f_cap && !s_cap {
            lowered = true;
        }
    }
    if lowered {
        CaseMatch::Lowered
    } else if accents {
        CaseMatch::Accents
    } else {
        CaseMatch::Styled
    }
}

/// `right` written in the letter case of `surface` (all capitals stay all capitals).
fn match_case(surface: &str, right: &str) -> String {
    if is_all_caps(surface) && surface.chars().count() > 1 {
        right.to_uppercase()
    } else {
        right.to_owned()
    }
}

/// Near misses of a name on its own, against a dictionary: what
/// `Analysis::new` finds in a document that holds only this name. Used by
/// benchmarks and tools; rules use [`Analysis`].
pub fn lookup_name(dict: &Dictionary, name: &str) -> Vec<NearMatch> {
    let doc = Document::new(DocumentId(0), "-", name, Format::Plain);
    Analysis::new(&doc, dict)
        .mentions
        .into_iter()
        .filter_map(|m| match m.matched {
            Match::Near(n) => Some(n),
            Match::Known { .. } => None,
        })
        .collect()
}

/// A person's family name off with only the given name as the rest: many
/// people share a given name, so a built-in person named now and then at
/// most ("James Dixon", a congressman of 1850, for "James Dimon") is taken
/// for meant only when the document names them, or gives their title.
fn obscure_and_unconfirmed(dict: &Dictionary, doc: &DocIndex, entity: EntityId, ev: &Evidence) -> bool {
    !ev.attested
        && !ev.title
        && !doc.known.contains_key(&entity)
        && dict.is_builtin(entity)
        && dict.prominence(entity) < Prominence::DEFAULT
}

#[cfg(test)]
mod tests {
    use super::{Analysis, DocWords, SENTENCE_SET, SENTENCE_WORDS};
    use crate::dictionary::Dictionary;
    use crate::document::{Document, Format};
    use crate::span::DocumentId;

    #[test]
    fn name_words_are_paired_and_their_uses_weighed() {
        let pairs = |text: &str| -> Vec<(String, String, bool)> {
            let doc = Document::new(DocumentId(0), "a.txt", text.to_string(), Format::Plain);
            let a = Analysis::new(&doc, &Dictionary::empty());
            a.pairs
                .iter()
                .map(|p| {
                    (
                        a.names[p.a].folded.to_string(),
                        a.names[p.b].folded.to_string(),
                        p.verdict.is_ok(),
                    )
                })
                .collect()
        };
        // Used once, never in lower case: "Deskal" may be the wrong one.
        assert_eq!(
            pairs("Jen Daskal spoke. Daskal left. Later Deskal came back."),
            [("daskal".to_string(), "deskal".to_string(), true)]
        );
        // Both used twice: still compared, a slip repeated is still a slip
        // (the decision weighs the repetition).
        assert_eq!(
            pairs("Jen Daskal spoke. Daskal left. Later Deskal came. Deskal left."),
            [("daskal".to_string(), "deskal".to_string(), true)]
        );
        // Used once but also in lower case: compared, and the lower-case
        // use weighs against it (found_lower).
        assert_eq!(
            pairs("Jen Daskal spoke. Daskal left. Later Deskal came. A deskal."),
            [("daskal".to_string(), "deskal".to_string(), true)]
        );
    }

    #[test]
    fn doc_words_number_each_distinct_word_once_even_when_hashes_collide() {
        let mut w = DocWords::default();
        assert_eq!(w.intern("daskal"), 0);
        assert_eq!(w.intern("the"), 1);
        assert_eq!(w.intern("daskal"), 0);
        // Two words with one hash (forced) stay two words.
        let h = super::word_hash("deskel");
        assert_eq!(w.intern_hashed("deskel", h), 2);
        assert_eq!(w.intern_hashed("dascal", h), 3);
        assert_eq!(w.intern_hashed("dascal", h), 3);
        assert_eq!(w.intern_hashed("deskel", h), 2);
        assert_eq!(w.find("dascal", h), Some(3));
        assert_eq!(w.find("daskel", h), None);
        assert_eq!((w.get(0), w.get(2), w.get(3)), ("daskal", "deskel", "dascal"));
        assert_eq!(w.find("jennifer", super::word_hash("jennifer")), None);
    }

    #[test]
    fn sentence_words_are_sorted_and_a_set() {
        assert!(SENTENCE_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(SENTENCE_WORDS.iter().all(|w| SENTENCE_SET.contains(w)));
        assert!(!SENTENCE_SET.contains("linux") && !SENTENCE_SET.contains("thes"));
    }
}
