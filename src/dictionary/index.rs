//! The lookup structures built over every form of every entity.
//!
//! - an Aho-Corasick automaton over the folded forms, for exact matches;
//! - a table of distinct folded words with a deletion index (SymSpell style)
//!   over them, for near misses of single words;
//! - hashed word-sequence keys per form (the whole sequence, the sequence
//!   with one word replaced by a wildcard, the sequence without function
//!   words), for near misses of multi-word forms;
//! - postings from a word to the entities whose distinctive part it is
//!   (a person's family name, a rare word of an organisation's name).
//!
//! Nothing here loops over every entity at lookup time.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::entity::{EntityId, EntityKind};
use crate::matcher::thresholds::{MAX_INDEXED_DISTANCE, MAX_WINDOW, MIN_FUZZY_LEN};
use crate::words::{form_words, is_function_word};

use super::{Form, FormId};

/// Index of a distinct folded word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WordId(pub u32);

/// FNV-1a: a small, stable hash for index keys. Collisions only cost a
/// verification, never a wrong answer.
fn fnv(bytes: &[u8], mut h: u64) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

const FNV_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// A key for a sequence of word ids, where `None` is a wildcard.
fn seq_key(words: impl Iterator<Item = Option<WordId>>, tag: u8) -> u64 {
    let mut h = fnv(&[tag], FNV_SEED);
    for w in words {
        match w {
            Some(WordId(id)) => h = fnv(&id.to_le_bytes(), h),
            None => h = fnv(&[0xff, 0xff, 0xff, 0xfe], h),
        }
    }
    h
}

/// Key tags.
const TAG_FULL: u8 = 1;
const TAG_SKELETON: u8 = 3;

/// A sorted multimap from 64-bit keys to 32-bit values, stored as two
/// parallel arrays (12 bytes an entry), with a directory on the top bits of
/// the key so that a lookup searches one small bucket, not the whole array.
#[derive(Debug, Default)]
struct KeyTable {
    keys: Vec<u64>,
    values: Vec<u32>,
    /// `dir[b]..dir[b + 1]` holds the keys whose top `DIR_BITS` bits are `b`.
    dir: Vec<u32>,
}

/// Bits of the key that index the directory.
const DIR_BITS: u32 = 16;

impl KeyTable {
    fn from_pairs(mut pairs: Vec<(u64, u32)>) -> Self {
        pairs.sort_unstable();
        pairs.dedup();
        let (keys, values): (Vec<u64>, Vec<u32>) = pairs.into_iter().unzip();
        let buckets = 1usize << DIR_BITS;
        let mut dir = Vec::with_capacity(buckets + 1);
        for b in 0..buckets {
            let first = (b as u64) << (64 - DIR_BITS);
            dir.push(keys.partition_point(|&k| k < first) as u32);
        }
        dir.push(keys.len() as u32);
        KeyTable { keys, values, dir }
    }

    fn get(&self, key: u64) -> &[u32] {
        if self.keys.is_empty() {
            return &[];
        }
        let b = (key >> (64 - DIR_BITS)) as usize;
        let (lo, hi) = (self.dir[b] as usize, self.dir[b + 1] as usize);
        let bucket = &self.keys[lo..hi];
        let start = lo + bucket.partition_point(|&k| k < key);
        let end = start + self.keys[start..hi].partition_point(|&k| k == key);
        &self.values[start..end]
    }

    fn heap_bytes(&self) -> usize {
        self.keys.capacity() * 8 + self.values.capacity() * 4 + self.dir.capacity() * 4
    }
}

/// The hashes of all deletions of up to `max` (at most 2) bytes from
/// `word`, the word itself included, deduplicated, into `out`. No allocation
/// beyond `out`: each hash continues the FNV state of the prefix before the
/// first deleted byte.
pub(crate) fn deletion_hashes(word: &[u8], max: usize, out: &mut Vec<u64>) {
    out.clear();
    let n = word.len();
    // prefix[i] = hash of word[..i].
    let mut prefix = [0u64; 64];
    if n >= prefix.len() {
        out.push(fnv(word, FNV_SEED));
        return;
    }
    prefix[0] = FNV_SEED;
    for i in 0..n {
        prefix[i + 1] = fnv(&word[i..=i], prefix[i]);
    }
    out.push(prefix[n]);
    if max >= 1 && n > 1 {
        for i in 0..n {
            out.push(fnv(&word[i + 1..], prefix[i]));
        }
    }
    if max >= 2 && n > 2 {
        for i in 0..n {
            for j in i + 1..n {
                let h = fnv(&word[i + 1..j], prefix[i]);
                out.push(fnv(&word[j + 1..], h));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// Role a word plays for an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartRole {
    /// The family name of a person.
    FamilyName,
    /// A given name of a person (the first word of a name or alias).
    GivenName,
    /// A distinctive word of an organisation, place or other name.
    NameWord,
}

/// The lookup structures of a dictionary.
#[derive(Debug)]
pub(crate) struct Index {
    word_ids: HashMap<Box<str>, WordId>,
    words: Vec<Box<str>>,
    deletions: KeyTable,
    /// Word ids of each form, flattened: form `f` has `form_words[form_start[f]..form_start[f+1]]`.
    form_start: Vec<u32>,
    form_words: Vec<WordId>,
    /// Wildcard and skeleton keys of multi-word forms.
    form_keys: KeyTable,
    /// word -> (entity, role) postings, flattened and sorted by word.
    part_words: Vec<u32>,
    part_entities: Vec<(EntityId, PartRole)>,
    /// How many entities have this word as a distinctive part.
    automaton: Option<AhoCorasick>,
    /// Automaton pattern -> forms with that folded text.
    pattern_forms: Vec<Vec<FormId>>,
}

impl Index {
    pub(crate) fn build(entities: &[crate::Entity], forms: &[Form]) -> Index {
        let mut word_ids: HashMap<Box<str>, WordId> = HashMap::new();
        let mut words: Vec<Box<str>> = Vec::new();
        let intern = |w: &str, word_ids: &mut HashMap<Box<str>, WordId>, words: &mut Vec<Box<str>>| {
            if let Some(&id) = word_ids.get(w) {
                return id;
            }
            let id = WordId(words.len() as u32);
            words.push(w.into());
            word_ids.insert(w.into(), id);
            id
        };

        // Forms as word sequences; automaton patterns deduplicated by folded text.
        let mut form_start = Vec::with_capacity(forms.len() + 1);
        let mut form_words_flat = Vec::new();
        let mut pattern_of: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_forms: Vec<Vec<FormId>> = Vec::new();
        let mut key_pairs: Vec<(u64, u32)> = Vec::new();
        for (i, form) in forms.iter().enumerate() {
            form_start.push(form_words_flat.len() as u32);
            let fw = form_words(&form.text);
            let ids: Vec<WordId> = fw.iter().map(|w| intern(w, &mut word_ids, &mut words)).collect();
            form_words_flat.extend_from_slice(&ids);
            if fw.is_empty() {
                continue;
            }
            let pattern = format!(" {} ", fw.join(" "));
            let p = *pattern_of.entry(pattern.clone()).or_insert_with(|| {
                patterns.push(pattern);
                pattern_forms.push(Vec::new());
                patterns.len() - 1
            });
            pattern_forms[p].push(FormId(i as u32));
            if ids.len() >= 2 && ids.len() <= MAX_WINDOW {
                key_pairs.push((seq_key(ids.iter().map(|&w| Some(w)), TAG_FULL), i as u32));
                let skeleton: Vec<WordId> = ids
                    .iter()
                    .zip(&fw)
                    .filter(|(_, w)| !is_function_word(w))
                    .map(|(&id, _)| id)
                    .collect();
                if !skeleton.is_empty() {
                    key_pairs.push((seq_key(skeleton.iter().map(|&w| Some(w)), TAG_SKELETON), i as u32));
                }
            }
        }
        form_start.push(form_words_flat.len() as u32);

        // Distinctive parts.
        let mut parts: Vec<(u32, EntityId, PartRole)> = Vec::new();
        let mut name_word_count: HashMap<WordId, u32> = HashMap::new();
        for (i, form) in forms.iter().enumerate() {
            let e = &entities[form.entity.0 as usize];
            if e.kind == EntityKind::Person || form.kind == super::FormKind::Abbreviation {
                continue;
            }
            let ws = &form_words_flat[form_start[i] as usize..form_start[i + 1] as usize];
            let mut seen: Vec<WordId> = ws.to_vec();
            seen.sort_unstable();
            seen.dedup();
            for w in seen {
                *name_word_count.entry(w).or_default() += 1;
            }
        }
        for (i, form) in forms.iter().enumerate() {
            let e = &entities[form.entity.0 as usize];
            let ws = &form_words_flat[form_start[i] as usize..form_start[i + 1] as usize];
            if form.kind == super::FormKind::Abbreviation || form.kind == super::FormKind::Misspelling {
                continue;
            }
            if e.kind == EntityKind::Person {
                if let Some(family) = e.family_name() {
                    for w in form_words(family) {
                        let id = intern(&w, &mut word_ids, &mut words);
                        parts.push((id.0, form.entity, PartRole::FamilyName));
                    }
                }
                if ws.len() >= 2 {
                    parts.push((ws[0].0, form.entity, PartRole::GivenName));
                }
            } else {
                for &w in ws {
                    let word = &words[w.0 as usize];
                    // A word shared by many names ("Department", "National") or
                    // an ordinary English word ("Space" of NASA's name) is not
                    // distinctive.
                    if word.len() >= 5
                        && !is_function_word(word)
                        && name_word_count.get(&w).copied().unwrap_or(0) <= 3
                        && !crate::lexicon::lexicon()
                            .get(word)
                            .is_some_and(|l| l.is_english_word())
                    {
                        parts.push((w.0, form.entity, PartRole::NameWord));
                    }
                }
            }
        }
        parts.sort_unstable_by_key(|&(w, e, r)| (w, e, r as u8));
        parts.dedup();
        let part_words = parts.iter().map(|p| p.0).collect();
        let part_entities = parts.iter().map(|p| (p.1, p.2)).collect();

        // Deletion index over every distinct word long enough.
        let mut del_pairs = Vec::new();
        let mut buf = Vec::new();
        for (id, w) in words.iter().enumerate() {
            if w.len() < MIN_FUZZY_LEN {
                continue;
            }
            deletion_hashes(w.as_bytes(), MAX_INDEXED_DISTANCE, &mut buf);
            del_pairs.extend(buf.iter().map(|&h| (h, id as u32)));
        }

        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
                    .expect("automaton over dictionary forms"),
            )
        };

        Index {
            word_ids,
            words,
            deletions: KeyTable::from_pairs(del_pairs),
            form_start,
            form_words: form_words_flat,
            form_keys: KeyTable::from_pairs(key_pairs),
            part_words,
            part_entities,
            automaton,
            pattern_forms,
        }
    }

    /// The id of a folded word, if any form contains it.
    pub(crate) fn word_id(&self, folded: &str) -> Option<WordId> {
        self.word_ids.get(folded).copied()
    }

    /// The folded text of a word.
    pub(crate) fn word(&self, id: WordId) -> &str {
        &self.words[id.0 as usize]
    }

    /// The word ids of a form.
    pub(crate) fn form_words(&self, form: FormId) -> &[WordId] {
        let f = form.0 as usize;
        &self.form_words[self.form_start[f] as usize..self.form_start[f + 1] as usize]
    }

    /// Words within `max` edits (Damerau-Levenshtein) of `folded`, with their
    /// distance, excluding the word itself.
    pub(crate) fn near_words(&self, folded: &str, max: usize, out: &mut Vec<(WordId, usize)>) {
        out.clear();
        if folded.len() < MIN_FUZZY_LEN {
            return;
        }
        let mut hashes = Vec::new();
        deletion_hashes(folded.as_bytes(), max.min(MAX_INDEXED_DISTANCE), &mut hashes);
        let mut cands: Vec<u32> = Vec::new();
        for h in hashes {
            cands.extend_from_slice(self.deletions.get(h));
        }
        cands.sort_unstable();
        cands.dedup();
        for c in cands {
            let w = &self.words[c as usize];
            if w.len().abs_diff(folded.len()) > max || &**w == folded {
                continue;
            }
            let d = strsim::damerau_levenshtein(folded, w);
            if d <= max {
                out.push((WordId(c), d));
            }
        }
    }

    /// Multi-word forms whose words are exactly `words`.
    pub(crate) fn forms_with_words(&self, words: &[WordId]) -> &[u32] {
        if words.len() < 2 || words.len() > MAX_WINDOW {
            return &[];
        }
        self.form_keys
            .get(seq_key(words.iter().map(|&w| Some(w)), TAG_FULL))
    }

    /// Forms whose words, function words left out, are `skeleton`.
    pub(crate) fn forms_with_skeleton(&self, skeleton: &[WordId]) -> &[u32] {
        if skeleton.is_empty() {
            return &[];
        }
        self.form_keys
            .get(seq_key(skeleton.iter().map(|&w| Some(w)), TAG_SKELETON))
    }

    /// Entities for which `word` is a distinctive part, with the role.
    pub(crate) fn parts(&self, word: WordId) -> &[(EntityId, PartRole)] {
        let lo = self.part_words.partition_point(|&w| w < word.0);
        let hi = lo + self.part_words[lo..].partition_point(|&w| w == word.0);
        &self.part_entities[lo..hi]
    }

    pub(crate) fn automaton(&self) -> Option<&AhoCorasick> {
        self.automaton.as_ref()
    }

    pub(crate) fn pattern_forms(&self, pattern: usize) -> &[FormId] {
        &self.pattern_forms[pattern]
    }

    /// Approximate heap bytes held by the index.
    pub(crate) fn heap_bytes(&self) -> usize {
        let words: usize = self.words.iter().map(|w| w.len() + 16).sum::<usize>() * 2
            + self.word_ids.capacity() * (16 + 4 + 8);
        words
            + self.deletions.heap_bytes()
            + self.form_keys.heap_bytes()
            + self.form_start.capacity() * 4
            + self.form_words.capacity() * 4
            + self.part_words.capacity() * 4
            + self.part_entities.capacity() * 8
            + self
                .pattern_forms
                .iter()
                .map(|p| p.capacity() * 4 + 24)
                .sum::<usize>()
            + self.automaton.as_ref().map_or(0, AhoCorasick::memory_usage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletions_cover_two_edits() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        deletion_hashes(b"daskal", 2, &mut a);
        deletion_hashes(b"deskel", 2, &mut b);
        assert!(
            a.iter().any(|h| b.contains(h)),
            "two substitutions share a double deletion"
        );
    }
}
