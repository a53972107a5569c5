//! One name, two spellings across the files of a run: what CD005
//! (`inconsistent-name-across-files`) and `copydesk names` are built on.
//!
//! Each document is analysed on its own and then dropped; what survives of
//! it is a [`DocNames`], a compact summary of its name words (folded form,
//! surface, the byte spans of its uses, its neighbouring name words). When
//! every document of a run has been summarised, [`CrossFile::new`] adds the
//! summaries up into one [`CorpusName`] per distinct folded word (in how many
//! files, how often, with which neighbours), finds pairs of close words
//! through a deletion index over the distinct words (never all pairs), and
//! weighs each pair much as CD002 weighs a pair within one story:
//!
//! - how the words differ (one edit, two vowel or doubled-letter edits, the
//!   first letter), and whether one is a plural, possessive or demonym of the
//!   other;
//! - the majority: the suspect form is in few files and the other in many
//!   (a ratio and a minimum number of files);
//! - shared neighbours across the run: the same given name (or a nickname
//!   of it) or the same next word in both spellings, or two different given
//!   names (two people);
//! - what the background lexicon knows of the suspect form (a common word, a
//!   frequent surname or given name, a known place): graded, never a veto;
//! - what the dictionaries know: two words of different entities (Clark,
//!   Clarke) are never one name; two forms of one entity (Zelensky,
//!   Zelenskyy) are, and a run should still use one of them.
//!
//! A form that is an ordinary word in lower case anywhere in the run, that
//! only ever stands in capitals, or that stands next to the other form in
//! several files is not reported. The weights live in
//! [`crate::thresholds`], in the block for CD005.

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use super::consistency::{is_contraction, known_to_lexicon};
use super::decision::{self, Features, flag, lex};
use super::{Analysis, is_word_form};
use crate::dictionary::index::{HashFilter, Reach, deletion_entries, deletion_hashes32, pairs_of_entries};
use crate::dictionary::{Dictionary, FormId};
use crate::document::Document;
use crate::entity::EntityId;
use crate::entity::FormKind;
use crate::lexicon;
use crate::span::DocumentId;
use crate::span::Span;
use crate::thresholds::*;
use crate::words::{is_all_caps, is_title_word, soft_pair};

/// What one document says about one of its name words: the part of a
/// [`super::NameWord`] that outlives the document's [`Analysis`]. A run of
/// many files keeps one per distinct name word of every file, so it holds
/// no allocation of its own: its words, uses and neighbours are ranges of
/// its [`DocNames`]' shared arrays, read through a [`NameRef`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocName {
    /// The folded word, in [`DocNames`]' text.
    folded: Range<u32>,
    /// How it is written (its first capitalised use), likewise.
    surface: Range<u32>,
    /// Its capitalised uses, in [`DocNames`]' spans.
    uses: Range<u32>,
    /// The uses written otherwise than `surface`, in [`DocNames`]'
    /// respellings.
    respelled: Range<u32>,
    /// Its neighbours before it, then after it, in [`DocNames`]'
    /// neighbours; the first `before` are those before.
    neighbours: Range<u32>,
    before: u32,
    /// Uses in lower case (an ordinary word).
    pub lower: u32,
    /// True when some use stands in a run with another capitalised name word.
    pub in_full_name: bool,
    /// True when every use starts a sentence.
    pub sentence_initial_only: bool,
    /// True when every use is written in capitals (a headline).
    pub all_caps_only: bool,
}

/// The name words of one document, kept for the cross-file pass after the
/// document's analysis is dropped: a handful of allocations per document
/// (a run of many files once made millions, one per word, use list and
/// neighbour list).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocNames {
    /// The document.
    pub doc: DocumentId,
    /// Its distinct name words, in order of first use (the order of
    /// [`Analysis::names`]).
    words: Vec<DocName>,
    /// Hashes ([`word_hash`]) of the distinct words it uses in lower case,
    /// at least [`CROSS_FILE_MIN_LEN`] long, in order of first use: ordinary
    /// words, which are not names anywhere in the run.
    pub lower_words: Vec<u64>,
    /// The words' folded forms, surfaces and respellings, one after another.
    text: String,
    /// The words' uses.
    spans: Vec<Span>,
    /// Uses written otherwise than their word's surface: the use's index
    /// among its word's uses, and its text in `text`.
    respelled: Vec<(u32, Range<u32>)>,
    /// The words' neighbours, as indexes in `words`.
    neighbours: Vec<u32>,
}

/// A name word of a [`DocNames`], with what it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameRef<'a> {
    names: &'a DocNames,
    word: &'a DocName,
}

/// A range of [`DocNames`]' arrays as indexes.
fn indexes(r: &Range<u32>) -> Range<usize> {
    r.start as usize..r.end as usize
}

impl<'a> NameRef<'a> {
    fn text(self, r: &Range<u32>) -> &'a str {
        &self.names.text[indexes(r)]
    }

    /// The folded word.
    pub fn folded(self) -> &'a str {
        self.text(&self.word.folded)
    }

    /// How it is written (its first capitalised use).
    pub fn surface(self) -> &'a str {
        self.text(&self.word.surface)
    }

    /// Capitalised uses, as byte spans, in order.
    pub fn uses(self) -> &'a [Span] {
        &self.names.spans[indexes(&self.word.uses)]
    }

    /// The text of the `i`th use (without the document's text).
    pub fn spelling(self, i: usize) -> &'a str {
        let respelled = &self.names.respelled[indexes(&self.word.respelled)];
        match respelled.binary_search_by_key(&i, |&(k, _)| k as usize) {
            Ok(k) => self.text(&respelled[k].1),
            Err(_) => self.surface(),
        }
    }

    /// How many uses are written otherwise than [`NameRef::surface`].
    pub fn respelled(self) -> usize {
        self.word.respelled.len()
    }

    fn neighbours(self) -> &'a [u32] {
        &self.names.neighbours[indexes(&self.word.neighbours)]
    }

    /// The name words right before it in its runs (given names, titles), as
    /// indexes in its document's words, sorted, without repeats
    /// ([`DocNames::word`] gives the word).
    pub fn before(self) -> &'a [u32] {
        &self.neighbours()[..self.word.before as usize]
    }

    /// The name words right after it in its runs, likewise.
    pub fn after(self) -> &'a [u32] {
        &self.neighbours()[self.word.before as usize..]
    }
}

/// The counts and flags ([`DocName::lower`], [`DocName::in_full_name`], …).
impl std::ops::Deref for NameRef<'_> {
    type Target = DocName;

    fn deref(&self) -> &DocName {
        self.word
    }
}

pub use crate::words::word_hash;

impl DocNames {
    /// The summary of a document's name words.
    pub fn new(doc: &Document, analysis: &Analysis) -> Self {
        let text = &doc.text;
        let names = analysis.names();
        let mut out = DocNames {
            doc: doc.id,
            words: Vec::with_capacity(names.len()),
            lower_words: analysis.lower_case_words(CROSS_FILE_MIN_LEN),
            text: String::new(),
            spans: Vec::with_capacity(names.iter().map(|n| n.tokens.len()).sum()),
            respelled: Vec::new(),
            neighbours: Vec::new(),
        };
        let at = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        let push_text = |out: &mut String, s: &str| {
            let start = at(out.len());
            out.push_str(s);
            start..at(out.len())
        };
        // Each neighbour list sorted, without repeats.
        let push_sorted = |out: &mut Vec<u32>, v: &[u32]| {
            let mut v = smallvec::SmallVec::<[u32; 4]>::from_slice(v);
            v.sort_unstable();
            v.dedup();
            out.extend_from_slice(&v);
            at(v.len())
        };
        for n in names {
            let folded = push_text(&mut out.text, &n.folded);
            let surface = push_text(&mut out.text, &n.surface);
            let first_use = out.spans.len();
            out.spans
                .extend(n.tokens.iter().map(|&t| analysis.tokens[t].span));
            let first_respelled = out.respelled.len();
            let mut all_caps_only = true;
            for (i, k) in (first_use..out.spans.len()).enumerate() {
                let written = out.spans[k].slice(text);
                all_caps_only &= is_all_caps(written);
                if written != n.surface {
                    let r = push_text(&mut out.text, written);
                    out.respelled.push((at(i), r));
                }
            }
            let first_neighbour = out.neighbours.len();
            let before = push_sorted(&mut out.neighbours, &n.before);
            push_sorted(&mut out.neighbours, &n.after);
            out.words.push(DocName {
                folded,
                surface,
                uses: at(first_use)..at(out.spans.len()),
                respelled: at(first_respelled)..at(out.respelled.len()),
                neighbours: at(first_neighbour)..at(out.neighbours.len()),
                before,
                lower: at(n.lower),
                in_full_name: n.in_full_name,
                sentence_initial_only: n.sentence_initial_only,
                all_caps_only,
            });
        }
        out
    }

    /// Its name words, in order of first use.
    pub fn words(&self) -> impl ExactSizeIterator<Item = NameRef<'_>> {
        self.words.iter().map(|word| NameRef { names: self, word })
    }

    /// The folded word of a neighbour index ([`NameRef::before`],
    /// [`NameRef::after`]).
    pub fn word(&self, index: u32) -> &str {
        NameRef {
            names: self,
            word: &self.words[index as usize],
        }
        .folded()
    }
}

/// Where a name word of the run stands in one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence<'a> {
    /// The document.
    pub doc: DocumentId,
    /// What the document says of the word.
    pub name: NameRef<'a>,
}

impl<'a> Occurrence<'a> {
    /// How it is written there (its first capitalised use).
    pub fn surface(&self) -> &'a str {
        self.name.surface()
    }

    /// Its capitalised uses there.
    pub fn uses(&self) -> &'a [Span] {
        self.name.uses()
    }
}

/// One distinct name word across every file of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct CorpusName<'a> {
    /// The folded word.
    pub folded: &'a str,
    /// How it is written most often.
    pub surface: &'a str,
    /// The documents it stands in, in run order.
    pub occurrences: Vec<Occurrence<'a>>,
    /// Capitalised uses in all files.
    pub uses: usize,
    /// Lower-case uses in all files.
    pub lower: usize,
    /// Files in which it stands in a full name.
    pub full_name_files: usize,
    /// Neighbouring name words before it, with the number of files each
    /// stands before it in; sorted by word.
    pub before: Vec<(&'a str, u32)>,
    /// Neighbouring name words after it, likewise.
    pub after: Vec<(&'a str, u32)>,
    /// True when every use in the run starts a sentence.
    pub sentence_initial_only: bool,
    /// True when every use in the run is in capitals.
    pub all_caps_only: bool,
    /// Number of files it stands in (counted for every name, added up or
    /// not: see [`CrossFile::reportable`]).
    files: usize,
}

impl CorpusName<'_> {
    /// Number of files it stands in.
    pub fn files(&self) -> usize {
        self.files
    }

    /// True when it stands in this document.
    pub fn in_doc(&self, doc: DocumentId) -> bool {
        self.occurrences.iter().any(|o| o.doc == doc)
    }
}

/// A pair of close name words judged to be one name spelled two ways.
#[derive(Clone, Debug, PartialEq)]
pub struct CrossVerdict {
    /// The form believed wrong (the rarer), in [`CrossFile::names`].
    pub wrong: usize,
    /// The form believed right.
    pub right: usize,
    /// Edits between them.
    pub distance: usize,
    /// The probability that the wrong form is a slip
    /// ([`super::decision::confidence`]).
    pub confidence: f32,
    /// What was known when the pair was weighed.
    pub features: Features,
    /// True when the right form is in enough files, and in enough more
    /// files than the wrong one, to be the run's spelling.
    pub majority: bool,
    /// True when CD005 reports the wrong form: a majority, a confidence at
    /// least [`REPORT_CONFIDENCE`], and no better-supported verdict on it.
    pub reported: bool,
    /// True when the dictionaries know the right form's word.
    pub right_known: bool,
    /// The entity both forms belong to, when the dictionaries list both as
    /// forms of one entity (aliases such as Zelensky and Zelenskyy).
    pub same_entity: Option<EntityId>,
    /// What the verdict rests on, for people: "one edit", "both follow
    /// `Oleksandra`", ….
    pub evidence: Vec<String>,
}

/// Two close name words of a run, and what was made of them.
#[derive(Clone, Debug, PartialEq)]
pub struct CrossPair {
    /// One word, in [`CrossFile::names`].
    pub a: usize,
    /// The other.
    pub b: usize,
    /// The weighed pair, or why it was set aside.
    pub verdict: Result<CrossVerdict, &'static str>,
}

/// A group of close spellings in a run, for `copydesk names`.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Its forms, in [`CrossFile::names`], most files first.
    pub forms: Vec<usize>,
    /// The best-supported verdict among its pairs, in [`CrossFile::pairs`];
    /// `None` for a single form.
    pub verdict: Option<usize>,
}

/// The name words of a whole run, compared with each other; it borrows
/// the words of the documents' [`DocNames`].
#[derive(Clone, Debug, Default)]
pub struct CrossFile<'a> {
    /// Distinct folded name words, in order of first use in the run.
    pub names: Vec<CorpusName<'a>>,
    /// Every pair of close words compared, with its verdict.
    pub pairs: Vec<CrossPair>,
    /// The name words used in lower case somewhere in the run
    /// ([`word_hash`]).
    lower_words: HashSet<u64>,
    /// The close pairs to weigh, found before the names are added up.
    candidates: Vec<(usize, usize)>,
    /// Folded word -> its index in `names`.
    index: HashMap<&'a str, usize>,
}

/// True when both words are word forms of one stem, their common beginning
/// (American and Americas of America).
fn same_stem(a: &str, b: &str) -> bool {
    let mut common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(common) {
        common -= 1;
    }
    let stem = &a[..common];
    stem.len() >= CROSS_FILE_MIN_LEN - 1
        && stem.len() < a.len().min(b.len())
        && is_word_form(stem, a)
        && is_word_form(stem, b)
}

/// True when one word is the other with an agent ending: YouTube and
/// YouTuber, London and Londoner.
fn is_agent_form(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short).is_some_and(|end| match end {
        "r" | "rs" => short.ends_with('e'),
        "er" | "ers" => true,
        _ => false,
    })
}

/// Add a document's sorted, repeat-free list of neighbours (indexes in its
/// words; `ids` gives their name numbers) to a name's file counts, which are
/// sorted by name number.
fn count_neighbours(counts: &mut Vec<(u32, u32)>, ids: &[u32], neighbours: &[u32]) {
    for &n in neighbours {
        let id = ids[n as usize];
        match counts.binary_search_by_key(&id, |&(i, _)| i) {
            Ok(i) => counts[i].1 += 1,
            Err(i) => counts.insert(i, (id, 1)),
        }
    }
}

/// A neighbour both spellings share, by how much it says: a name word other
/// than a title before either (`Oleksandra`) or after either (`Working`) is
/// strong, one of the commonest given names (`John`, shared by thousands of
/// surnames in an archive) less so, a title (`Minister`) weak.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Shared {
    None,
    Title,
    CommonGivenName,
    Name,
}

impl<'a> CrossFile<'a> {
    /// Add up the documents' name words and weigh every close pair (what
    /// `copydesk names` shows).
    pub fn new(docs: &'a [DocNames], dict: &Dictionary) -> Self {
        let mut cf = CrossFile::default();
        cf.collect(docs, 0);
        cf.weigh_pairs(dict);
        cf
    }

    /// [`CrossFile::new`] weighing only the pairs CD005 may report: those
    /// with a word in enough files to be a majority. The reported pairs are
    /// the same; a run of many files pairs far fewer words. Only the words
    /// of those pairs are added up: the others of [`CrossFile::names`]
    /// have their number of files, their first spelling and nothing else.
    pub fn reportable(docs: &'a [DocNames], dict: &Dictionary) -> Self {
        let mut cf = CrossFile::default();
        cf.collect(docs, CROSS_FILE_MIN_MAJORITY_FILES);
        cf.weigh_pairs(dict);
        cf
    }

    /// Number the run's distinct name words and count their files, find
    /// the close pairs with a word in at least `min_files` files, and add
    /// up the words of those pairs (every word when `min_files` is 0).
    fn collect(&mut self, docs: &'a [DocNames], min_files: usize) {
        // First the number of each document's words, and the first use of
        // each distinct word: the names are then made at their final size,
        // without moving a large vector as it grows.
        let mut doc_ids: Vec<Vec<u32>> = Vec::with_capacity(docs.len());
        let mut first_use: Vec<NameRef<'a>> = Vec::new();
        for dn in docs {
            let ids = dn
                .words()
                .map(|w| {
                    *self.index.entry(w.folded()).or_insert_with(|| {
                        first_use.push(w);
                        first_use.len() - 1
                    }) as u32
                })
                .collect();
            doc_ids.push(ids);
        }
        self.names = first_use
            .iter()
            .map(|w| CorpusName {
                folded: w.folded(),
                surface: w.surface(),
                occurrences: Vec::new(),
                uses: 0,
                lower: 0,
                full_name_files: 0,
                before: Vec::new(),
                after: Vec::new(),
                sentence_initial_only: true,
                all_caps_only: true,
                files: 0,
            })
            .collect();
        for ids in &doc_ids {
            for &id in ids {
                self.names[id as usize].files += 1;
            }
        }
        self.candidates = self.candidate_pairs(min_files);
        // The words to add up: those of a pair (all of them for `names`).
        let mut wanted = vec![min_files == 0; self.names.len()];
        for &(a, b) in &self.candidates {
            wanted[a] = true;
            wanted[b] = true;
        }
        for (n, _) in self.names.iter_mut().zip(&wanted).filter(|&(_, &w)| w) {
            n.occurrences.reserve_exact(n.files);
        }
        let count = self.names.len();
        // Each name's spellings with their uses, in order of first use.
        let mut surfaces: Vec<Vec<(&str, usize)>> = vec![Vec::new(); count];
        // Each name's neighbours before and after it, by name number, with
        // the files each stands there in; sorted by number.
        let mut before: Vec<Vec<(u32, u32)>> = vec![Vec::new(); count];
        let mut after: Vec<Vec<(u32, u32)>> = vec![Vec::new(); count];
        // Add up the names numbered from `first` (each name's parts are
        // its own: with threads, two halves of the names are added up at
        // once, each reading the documents in order).
        let add_up = |first: usize,
                      names: &mut [CorpusName<'a>],
                      surfaces: &mut [Vec<(&'a str, usize)>],
                      before: &mut [Vec<(u32, u32)>],
                      after: &mut [Vec<(u32, u32)>]| {
            let end = first + names.len();
            for (dn, ids) in docs.iter().zip(&doc_ids) {
                for (w, &id) in dn.words().zip(ids) {
                    let id = id as usize;
                    if !(first..end).contains(&id) || !wanted[id] {
                        continue;
                    }
                    let k = id - first;
                    let n = &mut names[k];
                    n.occurrences.push(Occurrence { doc: dn.doc, name: w });
                    n.uses += w.uses().len();
                    n.lower += w.lower as usize;
                    n.full_name_files += usize::from(w.in_full_name);
                    n.sentence_initial_only &= w.sentence_initial_only;
                    n.all_caps_only &= w.all_caps_only;
                    count_neighbours(&mut before[k], ids, w.before());
                    count_neighbours(&mut after[k], ids, w.after());
                    let spellings = &mut surfaces[k];
                    let surface = w.surface();
                    match spellings.iter_mut().find(|(s, _)| *s == surface) {
                        Some((_, uses)) => *uses += w.uses().len(),
                        None => spellings.push((surface, w.uses().len())),
                    }
                }
            }
        };
        if rayon::current_num_threads() > 1 {
            let mid = count / 2;
            let (n0, n1) = self.names.split_at_mut(mid);
            let (s0, s1) = surfaces.split_at_mut(mid);
            let (b0, b1) = before.split_at_mut(mid);
            let (a0, a1) = after.split_at_mut(mid);
            rayon::join(|| add_up(0, n0, s0, b0, a0), || add_up(mid, n1, s1, b1, a1));
        } else {
            add_up(0, &mut self.names, &mut surfaces, &mut before, &mut after);
        }
        // The neighbours by word, as the weighing compares them.
        let folded: Vec<&'a str> = self.names.iter().map(|n| n.folded).collect();
        let by_word = |counts: Vec<(u32, u32)>| {
            let mut v: Vec<(&'a str, u32)> =
                counts.into_iter().map(|(i, c)| (folded[i as usize], c)).collect();
            v.sort_unstable_by(|a, b| a.0.cmp(b.0));
            v
        };
        for ((n, b), a) in self.names.iter_mut().zip(before).zip(after) {
            n.before = by_word(b);
            n.after = by_word(a);
        }
        // Only the name words' own hashes are ever asked for: a run's
        // ordinary words are many more.
        let name_hashes: HashSet<u64> = (self.names.iter().zip(&wanted))
            .filter(|&(_, &w)| w)
            .map(|(n, _)| word_hash(n.folded))
            .collect();
        for dn in docs {
            self.lower_words
                .extend(dn.lower_words.iter().filter(|h| name_hashes.contains(h)));
        }
        for (n, s) in self.names.iter_mut().zip(surfaces) {
            // The commonest way of writing it; ties go to the earliest.
            let mut best: Option<(&str, usize)> = None;
            for &(spelling, uses) in &s {
                if best.is_none_or(|(_, most)| uses > most) {
                    best = Some((spelling, uses));
                }
            }
            if let Some((best, _)) = best {
                n.surface = best;
            }
        }
    }

    /// Pairs of distinct words as close as `weigh` accepts (one edit; two
    /// soft edits or two edits between longer words), through their
    /// deletions and skeletons, one of them in at least `min_files` files.
    fn candidate_pairs(&self, min_files: usize) -> Vec<(usize, usize)> {
        let words: Vec<(u32, &str, Reach)> = self
            .names
            .iter()
            .enumerate()
            .filter(|(_, n)| n.folded.len() >= CROSS_FILE_MIN_LEN)
            .map(|(i, n)| {
                let reach = Reach::for_edits(
                    n.folded,
                    CROSS_FILE_MIN_TWO_EDIT_LEN,
                    CROSS_FILE_MIN_HARD_TWO_EDIT_LEN,
                );
                (i as u32, n.folded, reach)
            })
            .collect();
        let anchor = |i: u32| self.names[i as usize].files() >= min_files;
        // `close_pairs`, its hashing split across the caller's rayon pool
        // (a run's words are many; this part is otherwise serial). The
        // entries keep the words' order, so the pairs are the same.
        let every = words.iter().all(|w| anchor(w.0));
        let anchor_hashes: Vec<u32> = if every {
            Vec::new()
        } else {
            words
                .par_iter()
                .filter(|w| anchor(w.0))
                .flat_map_iter(|&(_, word, reach)| {
                    deletion_hashes32(word, reach, &mut Vec::new()).collect::<Vec<_>>()
                })
                .collect()
        };
        let anchored = HashFilter::new(&anchor_hashes);
        let entries: Vec<u64> = words
            .par_iter()
            .flat_map_iter(|&w| {
                let (mut hashes, mut out) = (Vec::new(), Vec::new());
                deletion_entries(w, every || anchor(w.0), &anchored, &mut hashes, &mut out);
                out
            })
            .collect();
        pairs_of_entries(entries, anchor)
            .into_iter()
            .map(|(a, b)| (a as usize, b as usize))
            .filter(|&(a, b)| {
                self.names[a].folded.len().abs_diff(self.names[b].folded.len()) <= MAX_INDEXED_DISTANCE
            })
            .collect()
    }

    /// Weigh the close pairs that [`CrossFile::collect`] found.
    fn weigh_pairs(&mut self, dict: &Dictionary) {
        let candidates = std::mem::take(&mut self.candidates);
        let entities = self.entities_of(&candidates, dict);
        // In the caller's rayon pool, in order: the one part of a run's
        // cross-file pass that splits without merging.
        let mut pairs: Vec<CrossPair> = candidates
            .into_par_iter()
            .map(|(a, b)| CrossPair {
                a,
                b,
                verdict: self.weigh(a, b, &entities, dict),
            })
            .collect();
        // One report per wrong form: its best-supported right form; and a
        // form believed right in a report is not also reported wrong.
        let mut best: HashMap<usize, usize> = HashMap::default();
        for (i, p) in pairs.iter().enumerate() {
            if let Ok(v) = &p.verdict
                && v.reported
            {
                let e = best.entry(v.wrong).or_insert(i);
                let current = pairs[*e].verdict.as_ref().map_or(0.0, |c| c.confidence);
                if v.confidence > current {
                    *e = i;
                }
            }
        }
        let rights: HashSet<usize> = best
            .values()
            .filter_map(|&i| pairs[i].verdict.as_ref().ok().map(|v| v.right))
            .collect();
        for (i, p) in pairs.iter_mut().enumerate() {
            if let Ok(v) = &mut p.verdict
                && v.reported
                && (best.get(&v.wrong) != Some(&i) || rights.contains(&v.wrong))
            {
                v.reported = false;
            }
        }
        self.pairs = pairs;
    }

    /// The entities whose names or aliases contain each word of the
    /// candidate pairs: one pass over the word ids of the dictionary's forms
    /// per run, looking only for those words.
    fn entities_of(&self, candidates: &[(usize, usize)], dict: &Dictionary) -> HashMap<usize, Vec<EntityId>> {
        let mut wanted: HashMap<u32, Vec<usize>> = HashMap::default();
        for &(a, b) in candidates {
            for n in [a, b] {
                if let Some(w) = dict.index.word_id(self.names[n].folded) {
                    let list = wanted.entry(w.0).or_default();
                    if !list.contains(&n) {
                        list.push(n);
                    }
                }
            }
        }
        let mut out: HashMap<usize, Vec<EntityId>> = HashMap::default();
        if wanted.is_empty() {
            return out;
        }
        // The word ids of the forms are flat arrays: only the forms that hold a
        // wanted word have their entity decoded.
        for f in 0..dict.form_count() {
            let words = dict.index.form_words(FormId(f as u32));
            if !words.iter().any(|w| wanted.contains_key(&w.0)) {
                continue;
            }
            let form = dict.form(FormId(f as u32));
            if !matches!(form.kind, FormKind::Name | FormKind::Alias | FormKind::Variant)
                || dict.is_hidden(FormId(f as u32))
            {
                continue;
            }
            for w in words {
                for &n in wanted.get(&w.0).map_or(&[][..], Vec::as_slice) {
                    let list = out.entry(n).or_default();
                    if !list.contains(&form.entity) {
                        list.push(form.entity);
                    }
                }
            }
        }
        out
    }

    /// Files in which both words stand.
    fn files_with_both(&self, a: usize, b: usize) -> usize {
        let (na, nb) = (&self.names[a], &self.names[b]);
        // A set of the smaller side's files: comparing every file of one
        // with every file of the other was square-law in a large run.
        let (small, large) = if na.occurrences.len() <= nb.occurrences.len() {
            (na, nb)
        } else {
            (nb, na)
        };
        let docs: HashSet<DocumentId> = small.occurrences.iter().map(|o| o.doc).collect();
        large.occurrences.iter().filter(|o| docs.contains(&o.doc)).count()
    }

    /// The strongest neighbour the wrong form shares with the right one, and
    /// the word; a neighbour counts only when it stands with the right form
    /// in a good share of its files.
    fn shared(&self, wrong: &[(&str, u32)], right: &[(&str, u32)], right_files: usize) -> (Shared, String) {
        let mut best = (Shared::None, String::new());
        let min_files = (right_files as f32 * CROSS_FILE_NEIGHBOUR_SHARE).max(1.0);
        for (w, _) in wrong {
            for (r, count) in right {
                if (w == r || lexicon::are_nicknames(w, r)) && *count as f32 >= min_files {
                    let kind = if is_title_word(w) {
                        Shared::Title
                    } else if lex(w).given >= CROSS_FILE_COMMON_GIVEN_COUNT {
                        Shared::CommonGivenName
                    } else {
                        Shared::Name
                    };
                    if kind > best.0 {
                        best = (kind, (*w).to_owned());
                    }
                }
            }
        }
        best
    }

    /// Weigh one pair of close words.
    fn weigh(
        &self,
        a: usize,
        b: usize,
        entities: &HashMap<usize, Vec<EntityId>>,
        dict: &Dictionary,
    ) -> Result<CrossVerdict, &'static str> {
        let (fa, fb) = (self.names[a].folded, self.names[b].folded);
        let ents = |n: usize| entities.get(&n).map_or(&[][..], Vec::as_slice);
        // Two forms of one entity are one name, whatever their endings.
        let one_entity = ents(a).iter().any(|e| ents(b).contains(e));
        if (is_word_form(fa, fb) || same_stem(fa, fb) || is_agent_form(fa, fb)) && !one_entity {
            return Err("word form");
        }
        if is_contraction(fa) || is_contraction(fb) {
            return Err("contraction");
        }
        if crate::words::is_spelling_variant(fa, fb) && !one_entity {
            return Err("British and American spelling");
        }
        let distance = crate::words::osa_distance(fa, fb);
        let len = fa.len().min(fb.len());
        let soft = soft_pair(fa, fb);
        let tier_note = match distance {
            1 if len >= CROSS_FILE_MIN_LEN => "one edit",
            2 if soft && len >= CROSS_FILE_MIN_TWO_EDIT_LEN => "two edits, vowels or doubled letters only",
            2 if len >= CROSS_FILE_MIN_HARD_TWO_EDIT_LEN => "two edits",
            _ => return Err("too far"),
        };
        if distance == 2 && (fa.starts_with(fb) || fb.starts_with(fa)) && !one_entity {
            return Err("one is the other extended");
        }
        // Which one is wrong: the one in fewer files, then with fewer uses,
        // then the one the dictionaries or the lexicon do not know.
        let (wrong, right) = {
            let key = |i: usize| {
                let n = &self.names[i];
                (
                    n.files(),
                    n.uses,
                    !ents(i).is_empty(),
                    known_to_lexicon(&lex(n.folded)),
                    std::cmp::Reverse(n.folded),
                )
            };
            if key(a) >= key(b) { (b, a) } else { (a, b) }
        };
        let (nw, nr) = (&self.names[wrong], &self.names[right]);
        let (fw, fr) = (nw.folded, nr.folded);
        if nw.all_caps_only {
            return Err("all capitals");
        }
        // A brand built on a word ("SpaceX" of "Space") is a name of its own.
        if decision::is_brand_of(nw.surface, nr.surface) {
            return Err("a name built on the word");
        }
        let mut evidence = vec![tier_note.to_owned()];
        let (ew, er) = (ents(wrong), ents(right));
        let same_entity = ew.iter().find(|e| er.contains(e)).copied();
        let right_known = !er.is_empty();

        let mut f = Features {
            mixed_case: flag(decision::is_mixed_case(nw.surface)),
            ..Features::default()
        };
        f.spelling(fw, fr, distance);
        f.lexicon(&lex(fw), &lex(fr));
        let most = |es: &[EntityId]| {
            es.iter()
                .map(|&e| dict.prominence(e))
                .max()
                .map_or(0.0, |p| f32::from(p) / 3.0)
        };
        f.found_known = flag(!ew.is_empty());
        f.found_prominence = most(ew);
        f.target_known = flag(right_known);
        if !ew.is_empty() {
            f.found_nonword = 0.0;
        }
        if right_known {
            f.target_name = 1.0;
        }
        f.target_prominence = most(er);
        f.target_namesakes = ((er.len().max(1) as f32).log2() / 4.0).clamp(0.0, 1.0);
        f.target_identified = flag(same_entity.is_some());
        if same_entity.is_some() {
            evidence.push("the dictionary lists both spellings for one entity".to_owned());
        } else if right_known {
            evidence.push(format!("the dictionary knows `{}`", nr.surface));
        }

        // Neighbours across the run.
        let (before, before_word) = self.shared(&nw.before, &nr.before, nr.files());
        let (after, after_word) = self.shared(&nw.after, &nr.after, nr.files());
        let shared = before.max(after);
        let word = if before == shared {
            &before_word
        } else {
            &after_word
        };
        match shared {
            Shared::Name | Shared::CommonGivenName => {
                f.rest_of_name = if shared == Shared::Name { 1.0 } else { 0.5 };
                evidence.push(format!("both spellings stand next to `{}`", self.display(word)));
            }
            Shared::Title => {
                f.title = 1.0;
                evidence.push(format!("both spellings follow `{}`", self.display(word)));
            }
            Shared::None => {}
        }
        if before == Shared::None && !nw.before.is_empty() && !nr.before.is_empty() {
            // Different given names before one surname: two people.
            let given = |w: &str| !is_title_word(w) && lex(w).given > 0;
            let all_given = nw.before.iter().all(|(w, _)| given(w));
            let right_given = nr.before.iter().any(|(w, _)| given(w));
            f.different_given_names = flag(all_given && right_given);
        }
        // The reference pattern across files: the suspect form never in a
        // full name, the other introduced in full.
        if nw.full_name_files == 0 && nr.full_name_files * 2 >= nr.files() {
            f.reference_pattern = 1.0;
            evidence.push(format!("`{}` never stands in a full name", nw.surface));
        }
        f.found_lower = flag(nw.lower > 0 || self.lower_words.contains(&word_hash(fw)));
        f.uses(nw.files(), nr.files());
        f.found_repeated_identified = flag(nw.files() >= 2 && same_entity.is_some());
        f.found_introduced = flag(nw.full_name_files > 0 && shared != Shared::Name);
        f.sentence_initial_only = flag(nw.sentence_initial_only);
        f.attested = 1.0;
        f.found_later = flag(nw.occurrences.first().map(|o| o.doc) > nr.occurrences.first().map(|o| o.doc));
        f.from_run = 1.0;
        let ratio = nr.files() as f32 / nw.files().max(1) as f32;
        f.majority = (ratio.log2() / 4.0).clamp(0.0, 1.0);
        f.side_by_side = flag(self.files_with_both(wrong, right) >= CROSS_FILE_MAX_SHARED_FILES);

        // The majority: which spelling is the run's.
        let majority = nr.files() >= CROSS_FILE_MIN_MAJORITY_FILES
            && nr.files() >= CROSS_FILE_MAJORITY_RATIO * nw.files();
        if majority {
            evidence.push(format!(
                "`{}` in {} files, `{}` in {}",
                nr.surface,
                nr.files(),
                nw.surface,
                nw.files()
            ));
        }
        let (lw, lr) = (lex(fw), lex(fr));
        if lw.english > 0 || lw.is_name() || !ew.is_empty() {
            evidence.push(format!("`{}` is itself a known word or name", nw.surface));
        } else if lr.is_name() || right_known {
            evidence.push(format!(
                "`{}` is a known name, `{}` is not",
                nr.surface, nw.surface
            ));
        }
        let (f, confidence) = decision::weigh(f);
        // Two forms the dictionary gives one entity are one name written two
        // ways for certain; the majority says which: house style, not a
        // guess about a slip.
        let spellings = same_entity.is_some_and(|e| one_name_two_ways(dict, e, fw, fr));
        let reported = majority && (confidence >= REPORT_CONFIDENCE || spellings);
        Ok(CrossVerdict {
            wrong,
            right,
            distance,
            confidence,
            features: f,
            majority,
            reported,
            right_known,
            same_entity,
            evidence,
        })
    }

    /// A folded neighbour as the run writes it, when it is a name word of
    /// the run; the folded word otherwise.
    fn display(&self, folded: &str) -> String {
        self.index
            .get(folded)
            .map_or_else(|| folded.to_owned(), |&i| self.names[i].surface.to_owned())
    }

    /// The pairs CD005 reports, one per wrong form, in order of the names.
    pub fn reported(&self) -> impl Iterator<Item = &CrossVerdict> {
        self.pairs
            .iter()
            .filter_map(|p| p.verdict.as_ref().ok())
            .filter(|v| v.reported)
    }

    /// Close spellings grouped: words linked by a pair that could be one
    /// name spelled two ways, most suspicious first (reported first, then by
    /// score, then by uses). With `singles`, every other name word that is
    /// not an ordinary word ([`CrossFile::is_ordinary`]) follows as a
    /// cluster of one, most uses first.
    pub fn clusters(&self, singles: bool) -> Vec<Cluster> {
        let n = self.names.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        for p in &self.pairs {
            if p.verdict.is_ok() {
                let (ra, rb) = (root(&mut parent, p.a), root(&mut parent, p.b));
                if ra != rb {
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
        let mut groups: HashMap<usize, Vec<usize>> = HashMap::default();
        for i in 0..n {
            let r = root(&mut parent, i);
            groups.entry(r).or_default().push(i);
        }
        // The best verdict of each group.
        let mut verdict: HashMap<usize, usize> = HashMap::default();
        let rank = |v: &CrossVerdict| (v.reported, v.majority, v.confidence);
        for (i, p) in self.pairs.iter().enumerate() {
            let Ok(v) = &p.verdict else { continue };
            let r = root(&mut parent, p.a);
            let e = verdict.entry(r).or_insert(i);
            if let Ok(cur) = &self.pairs[*e].verdict {
                let (x, y) = (rank(v), rank(cur));
                if (x.0, x.1) > (y.0, y.1) || ((x.0, x.1) == (y.0, y.1) && x.2 > y.2) {
                    *e = i;
                }
            }
        }
        let mut clusters: Vec<Cluster> = groups
            .into_iter()
            .filter(|(_, forms)| forms.len() > 1 || singles && !self.is_ordinary(forms[0]))
            .map(|(r, mut forms)| {
                forms.sort_by(|&x, &y| {
                    let (a, b) = (&self.names[x], &self.names[y]);
                    b.files()
                        .cmp(&a.files())
                        .then(b.uses.cmp(&a.uses))
                        .then(a.folded.cmp(b.folded))
                });
                Cluster {
                    verdict: verdict.get(&r).copied(),
                    forms,
                }
            })
            .collect();
        let key = |c: &Cluster| {
            let v = c.verdict.and_then(|i| self.pairs[i].verdict.as_ref().ok());
            let uses: usize = c.forms.iter().map(|&f| self.names[f].uses).sum();
            (
                v.is_some_and(|v| v.reported),
                v.is_some(),
                v.map_or(f32::NEG_INFINITY, |v| v.confidence),
                uses,
            )
        };
        clusters.sort_by(|x, y| {
            let (kx, ky) = (key(x), key(y));
            ky.0.cmp(&kx.0)
                .then(ky.1.cmp(&kx.1))
                .then(ky.2.total_cmp(&kx.2))
                .then(ky.3.cmp(&kx.3))
                .then(self.names[x.forms[0]].folded.cmp(self.names[y.forms[0]].folded))
        });
        clusters
    }

    /// True when a name word looks like an ordinary word capitalised: used
    /// in lower case somewhere in the run, or a known English word that only
    /// ever starts a sentence ("Three", "Trains").
    pub fn is_ordinary(&self, name: usize) -> bool {
        let n = &self.names[name];
        n.lower > 0
            || self.lower_words.contains(&word_hash(n.folded))
            || n.sentence_initial_only && lex(n.folded).is_english_word()
    }

    /// The verdict of a cluster, if it has one.
    pub fn verdict(&self, cluster: &Cluster) -> Option<&CrossVerdict> {
        cluster.verdict.and_then(|i| self.pairs[i].verdict.as_ref().ok())
    }
}

/// True when the entity has both words, never in one form: two spellings of
/// one name ("Zelenskyy", "Zelensky"), not two words of it (David Davis).
fn one_name_two_ways(dict: &Dictionary, entity: EntityId, a: &str, b: &str) -> bool {
    let (Some(wa), Some(wb)) = (dict.index.word_id(a), dict.index.word_id(b)) else {
        return false;
    };
    !dict.entity_forms(entity).any(|f| {
        let words = dict.index.form_words(f);
        words.contains(&wa) && words.contains(&wb)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Documents, Format};
    use crate::linter::doc_names;

    /// The documents of `texts` and their name words (no dictionary).
    fn summaries(texts: &[&str]) -> (Documents, Vec<DocNames>) {
        let mut docs = Documents::new();
        for (i, t) in texts.iter().enumerate() {
            docs.add(format!("{i}.txt"), *t, Format::Plain);
        }
        let dict = Dictionary::empty();
        let names: Vec<DocNames> = docs.iter().map(|d| doc_names(d, &dict)).collect();
        (docs, names)
    }

    fn name<'a>(cf: &'a CrossFile<'a>, folded: &str) -> &'a CorpusName<'a> {
        &cf.names[cf.index[folded]]
    }

    #[test]
    fn doc_names_keep_uses_neighbours_and_lower_case_words() {
        let mut docs = Documents::new();
        let id = docs.add(
            "a.txt",
            "Minister Oleksandra Hrytsenko spoke. HRYTSENKO left the harbour.",
            Format::Plain,
        );
        let n = doc_names(docs.get(id), &Dictionary::empty());
        let w = n.words().find(|w| w.folded() == "hrytsenko").expect("name word");
        assert_eq!(w.surface(), "Hrytsenko");
        let uses: Vec<&str> = w.uses().iter().map(|s| s.slice(&docs.get(id).text)).collect();
        assert_eq!(uses, ["Hrytsenko", "HRYTSENKO"]);
        // Each use's own text, without the document's.
        assert_eq!((w.spelling(0), w.spelling(1)), ("Hrytsenko", "HRYTSENKO"));
        assert_eq!(w.respelled(), 1);
        let before: Vec<&str> = w.before().iter().map(|&b| n.word(b)).collect();
        assert_eq!(before, ["oleksandra"]);
        assert!(w.after().is_empty());
        // The neighbour lists of each word are its own.
        let given = n
            .words()
            .find(|w| w.folded() == "oleksandra")
            .expect("given name");
        let after: Vec<&str> = given.after().iter().map(|&b| n.word(b)).collect();
        assert_eq!(after, ["hrytsenko"]);
        assert_eq!(given.uses().len(), 1);
        assert_eq!((given.spelling(0), given.respelled()), ("Oleksandra", 0));
        assert!(w.in_full_name);
        assert!(!w.all_caps_only);
        assert!(n.lower_words.contains(&word_hash("harbour")));
        // Short words are not kept: they are never compared.
        assert!(!n.lower_words.contains(&word_hash("left")));
    }

    #[test]
    fn words_add_up_across_files() {
        let (_, names) = summaries(&[
            "Oleksandra Hrytsenko spoke. Hrytsenko left.",
            "Minister Hrytsenko arrived.",
            "Nothing here.",
        ]);
        let cf = CrossFile::new(&names, &Dictionary::empty());
        let n = name(&cf, "hrytsenko");
        assert_eq!(n.files(), 2);
        assert_eq!(n.uses, 3);
        // A title makes no full name: "Minister Hrytsenko" is a surname alone.
        assert_eq!(n.full_name_files, 1);
        assert_eq!(n.before, [("minister", 1), ("oleksandra", 1)]);
    }

    #[test]
    fn neighbours_count_files_and_spellings_tie_to_the_earliest() {
        let (_, names) = summaries(&[
            // "Hrytsenko" after "Yulia", a word first named later in the file.
            "Yulia Hrytsenko spoke. Yulia left. Minister Hrytsenko stayed.",
            "Minister Hrytsenko arrived. HRYTSENKO LEFT.",
            "Yulia Hrytsenko spoke. Yulia Hrytsenko Center.",
        ]);
        let cf = CrossFile::new(&names, &Dictionary::empty());
        let n = name(&cf, "hrytsenko");
        assert_eq!(n.files(), 3);
        // Files, not uses: "Yulia" stands before it twice in the third.
        assert_eq!(n.before, [("minister", 2), ("yulia", 2)]);
        assert_eq!(n.after, [("center", 1), ("left", 1)]);
        assert_eq!(n.surface, "Hrytsenko");
        let (_, names) = summaries(&["HRYTSENKO spoke.", "Hrytsenko spoke.", "HrytSenko spoke."]);
        let cf = CrossFile::new(&names, &Dictionary::empty());
        // One use each: the first spelling in the run.
        assert_eq!(name(&cf, "hrytsenko").surface, "HRYTSENKO");
    }

    #[test]
    fn word_forms_of_one_stem() {
        assert!(same_stem("americas", "american"));
        assert!(same_stem("italians", "italy"));
        assert!(!same_stem("hassan", "hassen"));
        assert!(!same_stem("hrytsenko", "hritsenko"));
        assert!(is_agent_form("youtube", "youtuber"));
        assert!(is_agent_form("londoners", "london"));
        assert!(!is_agent_form("haugland", "hauglend"));
    }

    #[test]
    fn short_and_distant_words_are_not_paired() {
        let (_, names) = summaries(&["Iran and Iraq met Bali.", "Mali spoke to Austria and Australia."]);
        let cf = CrossFile::new(&names, &Dictionary::empty());
        let pairs: Vec<(&str, &str, Result<(), &str>)> = cf
            .pairs
            .iter()
            .map(|p| {
                let v = p.verdict.as_ref().map(|_| ()).map_err(|e| *e);
                (cf.names[p.a].folded, cf.names[p.b].folded, v)
            })
            .collect();
        // Four-letter words are never candidates; two hard edits in a
        // seven-letter word are too far.
        assert_eq!(pairs, [("austria", "australia", Err("too far"))]);
    }

    #[test]
    fn clusters_most_suspicious_first_singles_on_request() {
        let mut texts = vec!["Skipper Anders Lindqvist sailed. Lindquist docked. Lindqvist left."];
        texts.extend(["Mayor Maren Haugland spoke."; 6]);
        texts.push("Mayor Maren Hauglend spoke.");
        let (_, names) = summaries(&texts);
        let cf = CrossFile::new(&names, &Dictionary::empty());
        let clusters = cf.clusters(false);
        let forms = |c: &Cluster| -> Vec<&str> { c.forms.iter().map(|&f| cf.names[f].surface).collect() };
        assert_eq!(clusters.len(), 2);
        assert_eq!(forms(&clusters[0]), ["Haugland", "Hauglend"]);
        assert!(cf.verdict(&clusters[0]).is_some_and(|v| v.reported));
        assert_eq!(forms(&clusters[1]), ["Lindqvist", "Lindquist"]);
        assert!(
            cf.verdict(&clusters[1])
                .is_some_and(|v| !v.majority && !v.reported)
        );
        // With singles: every other name word, but not ordinary words that
        // only start a sentence.
        let all = cf.clusters(true);
        let singles: Vec<&str> = all[2..].iter().flat_map(forms).collect();
        assert_eq!(singles, ["Maren", "Anders"]);
    }

    #[test]
    fn reportable_pairs_only_those_with_a_possible_majority() {
        let mut texts = vec!["Skipper Anders Lindqvist sailed. Lindquist docked. Lindqvist left."];
        texts.extend(["Mayor Maren Haugland spoke."; 6]);
        texts.push("Mayor Maren Hauglend spoke.");
        let (_, names) = summaries(&texts);
        let dict = Dictionary::empty();
        let all = CrossFile::new(&names, &dict);
        let some = CrossFile::reportable(&names, &dict);
        let words = |cf: &CrossFile| -> Vec<(String, String)> {
            cf.pairs
                .iter()
                .map(|p| (cf.names[p.a].folded.to_owned(), cf.names[p.b].folded.to_owned()))
                .collect()
        };
        // Lindqvist/Lindquist (one file each) is not weighed; the reported
        // pair is the same.
        assert_eq!(
            words(&all),
            [("lindqvist", "lindquist"), ("haugland", "hauglend")].map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
        assert_eq!(words(&some), [("haugland".to_owned(), "hauglend".to_owned())]);
        let reported =
            |cf: &CrossFile| -> Vec<(usize, usize)> { cf.reported().map(|v| (v.wrong, v.right)).collect() };
        assert_eq!(reported(&some), reported(&all));
        assert_eq!(reported(&some).len(), 1);
        // Only the words of weighed pairs are added up; every word has its
        // files.
        let name = |cf: &'_ CrossFile<'_>, w: &str| {
            let n = cf.names.iter().find(|n| n.folded == w).expect(w);
            (n.files(), n.occurrences.len(), n.uses)
        };
        assert_eq!(name(&some, "haugland"), (6, 6, 6));
        assert_eq!(name(&some, "lindqvist"), (1, 0, 0));
        assert_eq!(name(&all, "lindqvist"), (1, 1, 2));
        assert_eq!(name(&some, "maren"), (7, 0, 0));
    }
}
