//! The lookup structures built over every form of every entity.
//!
//! - a table of distinct folded words, with a deletion index (SymSpell
//!   style) over them, for near misses of single words;
//! - hashed word-sequence keys per form: the whole sequence (exact matches),
//!   every prefix of it (so that an exact match is found by walking the
//!   words of the text), and the sequence without function words (near
//!   misses with a word missing);
//! - postings from a word to the entities whose distinctive part it is
//!   (a person's family name, a rare word of an organisation's name).
//!
//! Every structure is a flat array, so that the index of the built-in
//! dictionaries is compiled at build time and used in place from the binary
//! (see [`super::compiled`]). Entities added at run time go into a second
//! *layer* with the same structures; words are numbered across layers, and
//! every lookup asks each layer. Nothing here loops over every entity at
//! lookup time.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::entity::{EntityId, EntityKind};
use crate::thresholds::{
    MAX_INDEXED_DISTANCE, MAX_WINDOW, MIN_FUZZY_LEN, MIN_HARD_TWO_EDIT_LEN, MIN_TWO_EDIT_LEN,
};
use crate::words::{form_words, is_function_word, word_hash};

use super::{Dictionary, Form, FormId, FormKind};

/// Index of a distinct folded word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(transparent)]
pub struct WordId(pub u32);

/// FNV-1a: a small, stable hash for index keys. Collisions only cost a
/// verification, never a wrong answer.
pub(crate) fn fnv(bytes: &[u8], mut h: u64) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

pub(crate) const FNV_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// A key for a sequence of word ids.
fn seq_key(words: &[WordId], tag: u8) -> u64 {
    let mut h = fnv(&[tag], FNV_SEED);
    for &WordId(id) in words {
        h = fnv(&id.to_le_bytes(), h);
    }
    h
}

/// Key tags.
const TAG_FULL: u8 = 1;
const TAG_SKELETON: u8 = 3;
const TAG_PREFIX: u8 = 4;

/// A sorted multimap from 64-bit keys to 32-bit values, stored as two
/// parallel arrays (12 bytes an entry), with a directory on the top bits of
/// the key so that a lookup searches one small bucket, not the whole array,
/// and a bit filter in front, so that most keys the table lacks (most that
/// are asked for) cost one read of a small array.
#[derive(Debug, Default)]
pub(crate) struct KeyTable {
    pub(crate) keys: Cow<'static, [u64]>,
    pub(crate) values: Cow<'static, [u32]>,
    /// `dir[b]..dir[b + 1]` holds the keys whose top `bits` bits are `b`.
    pub(crate) dir: Cow<'static, [u32]>,
    pub(crate) bits: u32,
    /// `2^filter_bits` bits ([`bit_filter`]) of every key of the table (4
    /// to 8 bits a key).
    pub(crate) filter: Cow<'static, [u64]>,
    pub(crate) filter_bits: u32,
}

impl KeyTable {
    fn from_pairs(mut pairs: Vec<(u64, u32)>) -> Self {
        pairs.sort_unstable();
        pairs.dedup();
        let (keys, values): (Vec<u64>, Vec<u32>) = pairs.into_iter().unzip();
        // About eight keys a bucket, at most 2^16 buckets.
        let bits = (keys.len() / 8).max(1).ilog2().min(16);
        let buckets = 1usize << bits;
        let mut dir = Vec::with_capacity(buckets + 1);
        for b in 0..buckets {
            let first = if bits == 0 { 0 } else { (b as u64) << (64 - bits) };
            dir.push(keys.partition_point(|&k| k < first) as u32);
        }
        dir.push(keys.len() as u32);
        // Eight bits a key, rounded down to a power of two: one absent key
        // in eight to five passes the filter. (Sixteen bits a key filter
        // better, but a short run then reads more pages of the binary.)
        let filter_bits = (keys.len() * 8).max(64).ilog2();
        let filter = bit_filter(keys.iter().copied(), filter_bits);
        KeyTable {
            keys: keys.into(),
            values: values.into(),
            dir: dir.into(),
            bits,
            filter: filter.into(),
            filter_bits,
        }
    }

    /// False when the filter says the table lacks `key`; true when it may
    /// hold it.
    fn may_hold(&self, key: u64) -> bool {
        bit_filter_may_hold(&self.filter, self.filter_bits, key)
    }

    pub(crate) fn get(&self, key: u64) -> &[u32] {
        if self.keys.is_empty() {
            return &[];
        }
        if !self.may_hold(key) {
            return &[];
        }
        let b = if self.bits == 0 {
            0
        } else {
            (key >> (64 - self.bits)) as usize
        };
        let (lo, hi) = (self.dir[b] as usize, self.dir[b + 1] as usize);
        let bucket = &self.keys[lo..hi];
        let start = lo + bucket.partition_point(|&k| k < key);
        let end = start + self.keys[start..hi].partition_point(|&k| k == key);
        &self.values[start..end]
    }

    fn heap_bytes(&self) -> usize {
        owned_bytes(&self.keys)
            + owned_bytes(&self.values)
            + owned_bytes(&self.dir)
            + owned_bytes(&self.filter)
    }
}

/// Heap bytes of an owned array; nothing for one borrowed from the binary.
#[allow(clippy::ptr_arg, reason = "whether the array is owned is the point")]
fn owned_bytes<T: Clone>(v: &Cow<'static, [T]>) -> usize {
    match v {
        Cow::Borrowed(_) => 0,
        Cow::Owned(v) => v.capacity() * size_of::<T>(),
    }
}

/// How far [`close_pairs`] reaches from a word: its deletions of up to
/// `depth` bytes, and with `skeleton` its consonant skeleton
/// (`words::consonant_skeleton`), which finds the pairs that
/// differ only in vowels and doubled letters without two deletions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reach {
    pub(crate) depth: usize,
    pub(crate) skeleton: bool,
}

impl Reach {
    /// The least reach that still finds every pair of words a caller can
    /// accept when it takes one edit between any two words, two edits that
    /// only touch vowels and doubled letters once both words have
    /// `soft_len` bytes, and any two edits once both have `hard_len`: one
    /// deletion, the skeleton from `soft_len` bytes, two deletions from
    /// `hard_len`. A word with a character of several bytes keeps two
    /// deletions, so that one edit of that character is still found.
    pub fn for_edits(word: &str, soft_len: usize, hard_len: usize) -> Reach {
        let depth = if word.len() >= hard_len || !word.is_ascii() {
            MAX_INDEXED_DISTANCE
        } else {
            1
        };
        Reach {
            depth,
            skeleton: word.len() >= soft_len,
        }
    }
}

/// Pairs `(a, b)`, `a < b`, of the given words that share a deletion hash
/// (or, where both reach it, a skeleton hash), at least one of them an
/// `anchor`: every pair within the words' [`Reach`], and some farther
/// apart, for the caller to verify. Each item is (id, word, reach). The
/// entries are one sorted vector of (32-bit hash, id), so that words
/// sharing a hash stand together (a collision only adds a pair to verify);
/// a word that is no anchor adds only the entries an anchor may share
/// ([`HashFilter`]).
pub fn close_pairs<'a>(
    words: impl IntoIterator<Item = (u32, &'a str, Reach)>,
    anchor: impl Fn(u32) -> bool,
) -> Vec<(u32, u32)> {
    let words: Vec<(u32, &str, Reach)> = words.into_iter().collect();
    let mut hashes = Vec::new();
    let every = words.iter().all(|&(id, _, _)| anchor(id));
    let mut anchor_hashes = Vec::new();
    if !every {
        for &(_, word, reach) in words.iter().filter(|w| anchor(w.0)) {
            anchor_hashes.extend(deletion_hashes32(word, reach, &mut hashes));
        }
    }
    let anchored = HashFilter::new(&anchor_hashes);
    let mut entries: Vec<u64> = Vec::new();
    for &(id, word, reach) in &words {
        let all = every || anchor(id);
        deletion_entries((id, word, reach), all, &anchored, &mut hashes, &mut entries);
    }
    pairs_of_entries(entries, anchor)
}

/// A set of 32-bit hashes as an array of bits, about eight a hash: it may
/// say it holds a hash it lacks (one in eight or fewer), never the other
/// way round. [`close_pairs`] keeps a word's entry when an anchor may share
/// it: a wrong yes keeps an entry that makes no pair, and costs one bit
/// test where a hash set costs a probe.
/// The same bit filter as `KeyTable`'s (`bit_filter`), built at run
/// time and rounded up to a power of two.
#[derive(Debug)]
pub struct HashFilter {
    bits: Vec<u64>,
    /// The base-2 logarithm of the number of bits.
    log: u32,
}

impl HashFilter {
    /// A filter holding `hashes`.
    pub fn new(hashes: &[u32]) -> Self {
        let log = (hashes.len() * 8).next_power_of_two().clamp(64, 1 << 31).ilog2();
        HashFilter {
            bits: bit_filter(hashes.iter().map(|&h| u64::from(h)), log),
            log,
        }
    }

    /// False when the set lacks `h`.
    pub(crate) fn may_hold(&self, h: u32) -> bool {
        bit_filter_may_hold(&self.bits, self.log, u64::from(h))
    }
}

/// `2^log` bits (`log` at least 6), with the bit of each key set: the key's
/// top `log` bits after a multiplication, which mixes every bit of the key
/// into them.
fn bit_filter(keys: impl Iterator<Item = u64>, log: u32) -> Vec<u64> {
    let mut filter = vec![0u64; (1usize << log) / 64];
    for k in keys {
        let slot = bit_filter_slot(k, log);
        filter[slot / 64] |= 1 << (slot % 64);
    }
    filter
}

fn bit_filter_slot(key: u64, log: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - log)) as usize
}

/// False when a [`bit_filter`] says its keys lack `key`.
fn bit_filter_may_hold(filter: &[u64], log: u32, key: u64) -> bool {
    let slot = bit_filter_slot(key, log);
    filter[slot / 64] & (1 << (slot % 64)) != 0
}

/// The entries of [`close_pairs`] for one word (id, word, reach):
/// (hash << 32 | id) for each of its hashes, or with `all` false only
/// those `anchored` may hold, appended to `out` (`hashes` is scratch).
pub fn deletion_entries(
    (id, word, reach): (u32, &str, Reach),
    all: bool,
    anchored: &HashFilter,
    hashes: &mut Vec<u64>,
    out: &mut Vec<u64>,
) {
    out.extend(
        deletion_hashes32(word, reach, hashes)
            .filter(|&h| all || anchored.may_hold(h))
            .map(|h| (u64::from(h) << 32) | u64::from(id)),
    );
}

/// The 32-bit hashes that [`close_pairs`] groups words by: those of the
/// deletions of up to `reach.depth` bytes from `word`, with repeats, and
/// of its skeleton when `reach.skeleton` (`scratch` holds them).
pub fn deletion_hashes32<'s>(
    word: &str,
    reach: Reach,
    scratch: &'s mut Vec<u64>,
) -> impl Iterator<Item = u32> + 's {
    all_reach_hashes(word, reach, scratch);
    scratch.iter().map(|&h| h as u32)
}

/// The hashes of a word's [`Reach`], with repeats: its deletions, and its
/// skeleton's hash when `reach.skeleton`.
fn all_reach_hashes(word: &str, reach: Reach, out: &mut Vec<u64>) {
    all_deletion_hashes(word.as_bytes(), reach.depth, out);
    if reach.skeleton {
        out.push(crate::words::consonant_skeleton(word).fold(SKELETON_SEED, |h, b| fnv(&[b], h)));
    }
}

/// [`all_reach_hashes`] deduplicated: the keys of a word in the
/// dictionary's deletion table, and a query's.
pub(crate) fn reach_hashes(word: &str, reach: Reach, out: &mut Vec<u64>) {
    all_reach_hashes(word, reach, out);
    out.sort_unstable();
    out.dedup();
}

/// The reach of a word of the dictionary's deletion table, and of a word
/// looked up in it: what the matcher accepts as one word misspelled (see
/// [`Index::near_words`]).
pub(crate) fn dictionary_reach(word: &str) -> Reach {
    Reach::for_edits(word, MIN_TWO_EDIT_LEN, MIN_HARD_TWO_EDIT_LEN)
}

/// True when two words `distance` edits apart are close enough for the
/// matcher to take one for the other misspelled: one edit; two when both
/// words have [`MIN_TWO_EDIT_LEN`] bytes and the edits touch only vowels
/// and doubled letters, or both have [`MIN_HARD_TWO_EDIT_LEN`].
pub fn within_tiers(a: &str, b: &str, distance: usize) -> bool {
    let len = a.len().min(b.len());
    match distance {
        0 | 1 => true,
        2 => len >= MIN_HARD_TWO_EDIT_LEN || len >= MIN_TWO_EDIT_LEN && crate::words::soft_pair(a, b),
        _ => false,
    }
}

/// The FNV seed of skeleton hashes, apart from the deletions' (a collision
/// would only add a pair to verify).
const SKELETON_SEED: u64 = FNV_SEED ^ 0x5eed_5ce1_e704_0000;

/// The pairs of [`close_pairs`] from its entries, words in order: one
/// integer sort groups the words by hash.
pub fn pairs_of_entries(mut entries: Vec<u64>, anchor: impl Fn(u32) -> bool) -> Vec<(u32, u32)> {
    // A stable radix sort on the hash: each word's entries stay together,
    // so a word's repeated hash (a doubled letter) is adjacent for the dedup.
    radsort::sort_by_key(&mut entries, |&e| (e >> 32) as u32);
    entries.dedup();
    let mut pairs = Vec::new();
    for group in entries.chunk_by(|x, y| x >> 32 == y >> 32) {
        if group.len() < 2 {
            continue;
        }
        for (k, &a) in group.iter().enumerate() {
            let a = a as u32;
            for &b in &group[k + 1..] {
                let b = b as u32;
                if a != b && (anchor(a) || anchor(b)) {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The hashes of all deletions of up to `max` (at most 2) bytes from
/// `word`, the word itself included, with repeats (a doubled letter gives
/// one deletion twice), in no particular order, into `out`. No allocation
/// beyond `out`, and a constant cost a deletion: the hash is a polynomial
/// in the bytes ([`POLY_BASE`]), so a deletion's is the prefix's plus the
/// rest's shifted down by the inverse of the base, then mixed
/// ([`mix64`]).
fn all_deletion_hashes(word: &[u8], max: usize, out: &mut Vec<u64>) {
    out.clear();
    let n = word.len();
    // prefix[i] = the polynomial of word[..i]: the sum of word[k] * base^k
    // (kept for words short enough to delete from).
    let mut prefix = [0u64; 64];
    let (mut whole, mut power) = (0u64, 1u64);
    for (i, &b) in word.iter().enumerate() {
        whole = whole.wrapping_add(u64::from(b).wrapping_mul(power));
        power = power.wrapping_mul(POLY_BASE);
        if let Some(p) = prefix.get_mut(i + 1) {
            *p = whole;
        }
    }
    if n >= prefix.len() {
        out.push(mix64(whole));
        return;
    }
    // The polynomial of word[from..to], moved down `by` (an inverse power
    // of the base) to follow the bytes deleted before it.
    let part = |from: usize, to: usize, by: u64| prefix[to].wrapping_sub(prefix[from]).wrapping_mul(by);
    out.push(mix64(whole));
    if max >= 1 && n > 1 {
        for (i, &before) in prefix[..n].iter().enumerate() {
            out.push(mix64(before.wrapping_add(part(i + 1, n, POLY_INVERSE))));
        }
    }
    if max >= 2 && n > 2 {
        for (i, &before) in prefix[..n].iter().enumerate() {
            for j in i + 1..n {
                let h = before
                    .wrapping_add(part(i + 1, j, POLY_INVERSE))
                    .wrapping_add(part(j + 1, n, POLY_INVERSE2));
                out.push(mix64(h));
            }
        }
    }
}

/// The base of the deletion hashes' polynomial (odd, so that it has an
/// inverse modulo 2^64).
const POLY_BASE: u64 = 0x9e37_79b9_7f4a_7c15;
/// The inverse of [`POLY_BASE`] modulo 2^64 (Newton's iteration doubles
/// the correct low bits each step), and its square.
const POLY_INVERSE: u64 = {
    let mut x = POLY_BASE;
    let mut i = 0;
    while i < 6 {
        x = x.wrapping_mul(2u64.wrapping_sub(POLY_BASE.wrapping_mul(x)));
        i += 1;
    }
    x
};
const POLY_INVERSE2: u64 = POLY_INVERSE.wrapping_mul(POLY_INVERSE);
const _: () = assert!(
    POLY_BASE.wrapping_mul(POLY_INVERSE) == 1,
    "the inverse of the base"
);

/// A bijection of 64-bit values that mixes every bit into every other
/// (MurmurHash3's finaliser): the polynomial's low bits alone are weak,
/// and the tables key on the top bits and [`close_pairs`] on the low ones.
fn mix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
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

impl PartRole {
    fn pack(self, entity: EntityId) -> u32 {
        (entity.0 << 2)
            | match self {
                PartRole::FamilyName => 0,
                PartRole::GivenName => 1,
                PartRole::NameWord => 2,
            }
    }

    fn unpack(packed: u32) -> (EntityId, PartRole) {
        let role = match packed & 3 {
            0 => PartRole::FamilyName,
            1 => PartRole::GivenName,
            _ => PartRole::NameWord,
        };
        (EntityId(packed >> 2), role)
    }
}

/// The distinct folded words of every form, numbered across layers.
///
/// The first words may be borrowed from the compiled built-in index: their
/// text is one string with end offsets, found through an open-addressing
/// hash table. Words added at run time are owned and found through a map.
#[derive(Debug, Default)]
pub(crate) struct Words {
    pub(crate) text: Cow<'static, str>,
    pub(crate) ends: Cow<'static, [u32]>,
    /// Open addressing on [`word_hash`]: 0 for an empty slot, else the word
    /// id + 1 in the low [`SLOT_ID_BITS`] bits and the top byte of the
    /// word's hash above them ([`slot_tag`]), so that a probe past another
    /// word seldom reads its text.
    pub(crate) slots: Cow<'static, [u32]>,
    extra: Vec<Box<str>>,
    extra_ids: HashMap<Box<str>, WordId>,
}

impl Words {
    /// Compiled words: the text, end offsets and slot table as written by
    /// [`Words::compiled_parts`].
    pub(crate) fn from_parts(
        text: Cow<'static, str>,
        ends: Cow<'static, [u32]>,
        slots: Cow<'static, [u32]>,
    ) -> Words {
        Words {
            text,
            ends,
            slots,
            ..Words::default()
        }
    }

    fn base_len(&self) -> usize {
        self.ends.len()
    }

    pub(crate) fn len(&self) -> usize {
        self.base_len() + self.extra.len()
    }

    pub(crate) fn get(&self, id: WordId) -> &str {
        let i = id.0 as usize;
        if i < self.base_len() {
            let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
            &self.text[start..self.ends[i] as usize]
        } else {
            &self.extra[i - self.base_len()]
        }
    }

    pub(crate) fn id(&self, word: &str) -> Option<WordId> {
        self.id_hashed(word, word_hash(word))
    }

    /// [`Words::id`] with the word's [`word_hash`] at hand.
    pub(crate) fn id_hashed(&self, word: &str, h: u64) -> Option<WordId> {
        if !self.slots.is_empty() {
            let mask = self.slots.len() - 1;
            let tag = slot_tag(h);
            let mut s = h as usize & mask;
            loop {
                match self.slots[s] {
                    0 => break,
                    v if v >> SLOT_ID_BITS == tag => {
                        let id = (v & SLOT_ID_MASK).wrapping_sub(1);
                        if self.base_bytes(id as usize) == Some(word.as_bytes()) {
                            return Some(WordId(id));
                        }
                    }
                    _ => {}
                }
                s = (s + 1) & mask;
            }
        }
        // Most runs add no words: no hashing of the word again for nothing.
        if self.extra_ids.is_empty() {
            return None;
        }
        self.extra_ids.get(word).copied()
    }

    /// True when the slot table finds the first and the last compiled
    /// word: a check that it was hashed as this build hashes.
    pub(crate) fn finds_its_ends(&self) -> bool {
        let n = self.base_len();
        [0, n.saturating_sub(1)].into_iter().take(n).all(|i| {
            self.base_bytes(i)
                .and_then(|b| std::str::from_utf8(b).ok())
                .is_some_and(|w| self.id(w) == Some(WordId(i as u32)))
        })
    }

    /// The bytes of compiled word `i` (`None` past the compiled words:
    /// the slot table is read as it was compiled, unchecked).
    fn base_bytes(&self, i: usize) -> Option<&[u8]> {
        let start = if i == 0 {
            0
        } else {
            *self.ends.get(i - 1)? as usize
        };
        self.text.as_bytes().get(start..*self.ends.get(i)? as usize)
    }

    fn intern(&mut self, word: &str) -> WordId {
        if let Some(id) = self.id(word) {
            return id;
        }
        let id = WordId(self.len() as u32);
        self.extra.push(word.into());
        self.extra_ids.insert(word.into(), id);
        id
    }

    /// Every word as one text, its end offsets, and a slot table at most
    /// half full.
    pub(crate) fn compiled_parts(&self) -> (String, Vec<u32>, Vec<u32>) {
        let mut text = String::new();
        let mut ends = Vec::with_capacity(self.len());
        for i in 0..self.len() {
            text.push_str(self.get(WordId(i as u32)));
            ends.push(text.len() as u32);
        }
        assert!(
            self.len() < SLOT_ID_MASK as usize,
            "a compiled word table holds fewer than 2^24 words"
        );
        let size = (self.len() * 2).next_power_of_two().max(2);
        let mut slots = vec![0u32; size];
        for i in 0..self.len() {
            let h = word_hash(self.get(WordId(i as u32)));
            let mut s = h as usize & (size - 1);
            while slots[s] != 0 {
                s = (s + 1) & (size - 1);
            }
            slots[s] = (i as u32 + 1) | slot_tag(h) << SLOT_ID_BITS;
        }
        (text, ends, slots)
    }

    fn heap_bytes(&self) -> usize {
        let text = match &self.text {
            Cow::Borrowed(_) => 0,
            Cow::Owned(s) => s.capacity(),
        };
        text + owned_bytes(&self.ends)
            + owned_bytes(&self.slots)
            + self.extra.iter().map(|w| 2 * (w.len() + 16) + 12).sum::<usize>()
    }
}

/// Bits of a word-table slot that hold the word id + 1; the byte above
/// them holds [`slot_tag`].
const SLOT_ID_BITS: u32 = 24;
const SLOT_ID_MASK: u32 = (1 << SLOT_ID_BITS) - 1;

/// The tag of a word in the slot table: the top byte of its hash (the slot
/// comes from the low bits).
fn slot_tag(hash: u64) -> u32 {
    (hash >> 56) as u32
}

/// The lookup structures over the entities and forms added together.
#[derive(Debug, Default)]
pub(crate) struct Layer {
    /// The first form of the layer; its forms are numbered from here.
    pub(crate) first_form: u32,
    /// Deletion hash -> id of a word first seen in this layer.
    pub(crate) deletions: KeyTable,
    /// Word ids of each form of the layer, flattened: form `first_form + f`
    /// has `form_words[form_start[f]..form_start[f + 1]]`.
    pub(crate) form_start: Cow<'static, [u32]>,
    pub(crate) form_words: Cow<'static, [u32]>,
    /// Whole-sequence, prefix and skeleton keys -> form id (0 for prefixes).
    pub(crate) keys: KeyTable,
    /// word -> packed (entity, role) postings, sorted by word.
    pub(crate) part_words: Cow<'static, [u32]>,
    pub(crate) part_entities: Cow<'static, [u32]>,
    /// Number of forms of organisations and places in this layer containing
    /// each word (saturating), for words known when the layer was built.
    pub(crate) name_word_count: Cow<'static, [u8]>,
}

impl Layer {
    fn form_words(&self, f: usize) -> &[u32] {
        &self.form_words[self.form_start[f] as usize..self.form_start[f + 1] as usize]
    }

    fn heap_bytes(&self) -> usize {
        self.deletions.heap_bytes()
            + self.keys.heap_bytes()
            + owned_bytes(&self.form_start)
            + owned_bytes(&self.form_words)
            + owned_bytes(&self.part_words)
            + owned_bytes(&self.part_entities)
            + owned_bytes(&self.name_word_count)
    }
}

/// The lookup structures of a dictionary.
#[derive(Debug, Default)]
pub struct Index {
    pub(crate) words: Words,
    pub(crate) layers: Vec<Layer>,
    /// Near words already looked up, shared by every document of a run.
    pub(crate) near_memo: NearMemo,
    /// For each word, the places it holds in multi-word forms (see
    /// [`Index::at_position`]) and whether it begins a form; made on first
    /// use.
    pub(crate) position_masks: std::sync::OnceLock<Vec<u64>>,
    /// Forms of earlier layers that a later one took over (a user's
    /// dictionary refining a built-in entity, or claiming one of its
    /// forms): lookups leave them out.
    pub(crate) hidden_forms: rustc_hash::FxHashSet<u32>,
    /// Entities of earlier layers that a later one refined: no word is a
    /// part of them any more.
    pub(crate) hidden_entities: rustc_hash::FxHashSet<u32>,
}

/// The bit of [`Index::position_masks`] for word `at` of a form of `len`
/// words.
const _: () = assert!((MAX_WINDOW - 1) * MAX_WINDOW < 64, "position masks fit in a u64");

/// The bit of [`Index::position_masks`] for the first word of any form.
const FIRST_WORD_BIT: u64 = 1 << 63;
/// The bit of [`Index::position_masks`] for a word that is a whole form.
const WHOLE_FORM_BIT: u64 = 1 << 62;
/// The bit of [`Index::position_masks`] for a word after the first of any
/// form (of any length).
const LATER_WORD_BIT: u64 = 1 << 61;
const _: () = assert!(
    position_bit(MAX_WINDOW, MAX_WINDOW - 1) < LATER_WORD_BIT,
    "the position bits stay below the others"
);

const fn position_bit(len: usize, at: usize) -> u64 {
    1 << ((len - 2) * MAX_WINDOW + at)
}

/// Where a word stands in the dictionary's forms, as [`Index::mask`]
/// gives it (nothing for a word the dictionary lacks): tests that let the
/// matcher skip a word or a window before any probe.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordMask(u64);

impl WordMask {
    /// True when some form of `len` words (2 to [`MAX_WINDOW`]) has the
    /// word as its word `at`: no form can fit a window otherwise.
    pub fn at_position(self, len: usize, at: usize) -> bool {
        (2..=MAX_WINDOW).contains(&len) && at < len && self.0 & position_bit(len, at) != 0
    }

    /// True when some form begins with the word (what the one-word prefix
    /// key says, without a probe).
    pub fn starts_form(self) -> bool {
        self.0 & FIRST_WORD_BIT != 0
    }

    /// False when no form has the word where `at` (0, 1, ...) stands in a
    /// form of at least `at + 1` words, so that no form can begin with `at`
    /// words ending in it; true when one may.
    pub fn may_continue(self, at: usize) -> bool {
        let bit = if at == 0 { FIRST_WORD_BIT } else { LATER_WORD_BIT };
        self.0 & bit != 0
    }

    /// True when the word alone is a form (what the one-word full key
    /// says, without a probe).
    pub fn is_whole_form(self) -> bool {
        self.0 & WHOLE_FORM_BIT != 0
    }

    /// True when some form of 2 to [`MAX_WINDOW`] words has the word (at
    /// any place): a word of a multi-word skeleton must be one.
    pub(crate) fn in_short_multi_word_form(self) -> bool {
        self.0 & (LATER_WORD_BIT - 1) != 0
    }
}

/// Shards of the near-word memo: few threads ever wait on one lock.
const MEMO_SHARDS: usize = 16;
/// Words remembered per shard; past it, lookups are not remembered (the
/// memo of a huge run stays bounded, at most some 40 MB).
const MEMO_SHARD_WORDS: usize = 1 << 15;

type NearList = Box<[(WordId, usize)]>;

/// The near words of each folded word looked up so far. A capitalised word
/// repeated across the files of a run (a product, a place, a surname) is
/// looked up in the deletion index once.
#[derive(Debug, Default)]
pub(crate) struct NearMemo {
    shards: [std::sync::Mutex<rustc_hash::FxHashMap<smol_str::SmolStr, NearList>>; MEMO_SHARDS],
}

impl Index {
    /// Index the forms of `dict` from `first_form` on, those of the entities
    /// added since the last layer, as a new layer. (`dict.index` is not
    /// used: it is this index.)
    pub(crate) fn add_layer(&mut self, dict: &Dictionary, first_form: usize) {
        // New words: what was remembered may be incomplete.
        self.near_memo = NearMemo::default();
        self.position_masks = std::sync::OnceLock::new();
        let new_forms: Vec<Form<'_>> = (first_form..dict.form_count())
            .map(|f| dict.form(FormId(f as u32)))
            .collect();
        let first_word = self.words.len();
        let mut form_start = Vec::with_capacity(new_forms.len() + 1);
        let mut form_words_flat: Vec<u32> = Vec::new();
        let mut key_pairs: Vec<(u64, u32)> = Vec::new();
        for (i, form) in new_forms.iter().enumerate() {
            let f = (first_form + i) as u32;
            form_start.push(form_words_flat.len() as u32);
            let fw = form_words(form.text);
            let ids: Vec<WordId> = fw.iter().map(|w| self.words.intern(w)).collect();
            form_words_flat.extend(ids.iter().map(|w| w.0));
            if ids.is_empty() {
                continue;
            }
            key_pairs.push((seq_key(&ids, TAG_FULL), f));
            for k in 1..=ids.len() {
                key_pairs.push((seq_key(&ids[..k], TAG_PREFIX), 0));
            }
            if ids.len() >= 2 && ids.len() <= MAX_WINDOW {
                let skeleton: Vec<WordId> = ids
                    .iter()
                    .zip(&fw)
                    .filter(|(_, w)| !is_function_word(w))
                    .map(|(&id, _)| id)
                    .collect();
                if !skeleton.is_empty() {
                    key_pairs.push((seq_key(&skeleton, TAG_SKELETON), f));
                }
            }
        }
        form_start.push(form_words_flat.len() as u32);
        let words_of = |i: usize| &form_words_flat[form_start[i] as usize..form_start[i + 1] as usize];

        // How many bodies and places have each word in one of their forms
        // ("Guyana" and "Republic of Guyana" count once).
        let mut counts: Vec<u8> = vec![0; self.words.len()];
        let mut entity_words: Vec<(u32, u32)> = Vec::new();
        for (i, form) in new_forms.iter().enumerate() {
            let e = dict.entity(form.entity);
            if e.kind == EntityKind::Person || form.kind == FormKind::Abbreviation {
                continue;
            }
            entity_words.extend(words_of(i).iter().map(|&w| (w, form.entity.0)));
        }
        entity_words.sort_unstable();
        entity_words.dedup();
        for (w, _) in entity_words {
            counts[w as usize] = counts[w as usize].saturating_add(1);
        }
        let count_of = |w: u32| -> u32 {
            self.layers
                .iter()
                .filter_map(|l| l.name_word_count.get(w as usize))
                .map(|&c| u32::from(c))
                .sum::<u32>()
                + u32::from(counts[w as usize])
        };

        // Distinctive parts.
        let mut parts: Vec<(u32, u32)> = Vec::new();
        for (i, form) in new_forms.iter().enumerate() {
            let e = dict.entity(form.entity);
            if form.kind == FormKind::Abbreviation || form.kind == FormKind::Misspelling {
                continue;
            }
            let ws = words_of(i);
            if e.kind == EntityKind::Person {
                if let Some(family) = e.family_name() {
                    for w in form_words(family) {
                        // The family name is made of words of the name, so known.
                        if let Some(id) = self.words.id(&w) {
                            parts.push((id.0, PartRole::FamilyName.pack(form.entity)));
                        }
                    }
                }
                if ws.len() >= 2 {
                    parts.push((ws[0], PartRole::GivenName.pack(form.entity)));
                }
            } else {
                for &w in ws {
                    let word = self.words.get(WordId(w));
                    // A word shared by many names ("Department", "National") or
                    // an ordinary English word of a longer name ("Space" of
                    // NASA's) is not distinctive; a name of one word is
                    // ("Canada", "Turkey").
                    if word.len() >= 5
                        && !is_function_word(word)
                        && count_of(w) <= 3
                        && (ws.len() == 1
                            || !crate::lexicon::lexicon()
                                .get(word)
                                .is_some_and(|l| l.is_english_word()))
                    {
                        parts.push((w, PartRole::NameWord.pack(form.entity)));
                    }
                }
            }
        }
        parts.sort_unstable();
        parts.dedup();

        // Deletion index over the new words long enough, as far as the
        // matcher reaches.
        let mut del_pairs = Vec::new();
        let mut buf = Vec::new();
        for id in first_word..self.words.len() {
            let w = self.words.get(WordId(id as u32));
            if w.len() < MIN_FUZZY_LEN {
                continue;
            }
            reach_hashes(w, dictionary_reach(w), &mut buf);
            del_pairs.extend(buf.iter().map(|&h| (h, id as u32)));
        }

        self.layers.push(Layer {
            first_form: first_form as u32,
            deletions: KeyTable::from_pairs(del_pairs),
            form_start: form_start.into(),
            form_words: form_words_flat.into(),
            keys: KeyTable::from_pairs(key_pairs),
            part_words: parts.iter().map(|p| p.0).collect::<Vec<_>>().into(),
            part_entities: parts.iter().map(|p| p.1).collect::<Vec<_>>().into(),
            name_word_count: counts.into(),
        });
    }

    /// The id of a folded word, if any form contains it.
    pub fn word_id(&self, folded: &str) -> Option<WordId> {
        self.words.id(folded)
    }

    /// [`Index::word_id`] with the word's [`word_hash`] at hand.
    pub fn word_id_hashed(&self, folded: &str, hash: u64) -> Option<WordId> {
        self.words.id_hashed(folded, hash)
    }

    /// The folded text of a word.
    pub fn word(&self, id: WordId) -> &str {
        self.words.get(id)
    }

    /// The word ids of a form.
    pub fn form_words(&self, form: FormId) -> &[WordId] {
        let layer = self.layer_of(form);
        bytemuck::cast_slice(layer.form_words((form.0 - layer.first_form) as usize))
    }

    fn layer_of(&self, form: FormId) -> &Layer {
        let i = self.layers.partition_point(|l| l.first_form <= form.0);
        &self.layers[i - 1]
    }

    /// The values of a sequence key in every layer.
    fn keyed(&self, key: u64) -> impl Iterator<Item = FormId> + '_ {
        self.layers
            .iter()
            .flat_map(move |l| l.keys.get(key).iter().map(|&f| FormId(f)))
            .filter(|f| !self.is_hidden(*f))
    }

    /// True when a later layer took the form over.
    pub fn is_hidden(&self, form: FormId) -> bool {
        !self.hidden_forms.is_empty() && self.hidden_forms.contains(&form.0)
    }

    /// Where `word` stands in the forms ([`WordMask`]): one read, which a
    /// caller asking often about one word can keep.
    pub fn mask(&self, word: WordId) -> WordMask {
        WordMask(self.masks().get(word.0 as usize).copied().unwrap_or(0))
    }

    /// [`WordMask::at_position`] of `word`.
    pub fn at_position(&self, word: WordId, len: usize, at: usize) -> bool {
        self.mask(word).at_position(len, at)
    }

    /// `WordMask::in_short_multi_word_form` of `word`.
    pub fn in_short_multi_word_form(&self, word: WordId) -> bool {
        self.mask(word).in_short_multi_word_form()
    }

    fn masks(&self) -> &[u64] {
        self.position_masks.get_or_init(|| {
            let mut masks = vec![0u64; self.words.len()];
            for layer in &self.layers {
                for f in 0..layer.form_start.len().saturating_sub(1) {
                    let ws = layer.form_words(f);
                    if let Some(&first) = ws.first() {
                        masks[first as usize] |= FIRST_WORD_BIT;
                    }
                    if let [only] = ws {
                        masks[*only as usize] |= WHOLE_FORM_BIT;
                    }
                    for &w in ws.iter().skip(1) {
                        masks[w as usize] |= LATER_WORD_BIT;
                    }
                    if (2..=MAX_WINDOW).contains(&ws.len()) {
                        for (p, &w) in ws.iter().enumerate() {
                            masks[w as usize] |= position_bit(ws.len(), p);
                        }
                    }
                }
            }
            masks
        })
    }

    /// Empty the near-word memo.
    pub(crate) fn forget_near_words(&self) {
        for shard in &self.near_memo.shards {
            shard
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .clear();
        }
    }

    /// `Index::near_words` within [`MAX_INDEXED_DISTANCE`], remembered.
    pub fn near_words_memo(&self, folded: &str, out: &mut Vec<(WordId, usize)>) {
        use std::hash::BuildHasher;
        let h = rustc_hash::FxBuildHasher.hash_one(folded) as usize;
        let shard = &self.near_memo.shards[h % MEMO_SHARDS];
        // A poisoned lock only means another thread panicked mid-insert of
        // a complete entry: the map is still sound.
        let lock = || shard.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(found) = lock().get(folded) {
            out.clear();
            out.extend_from_slice(found);
            return;
        }
        self.near_words(folded, MAX_INDEXED_DISTANCE, out);
        let mut map = lock();
        if map.len() < MEMO_SHARD_WORDS {
            map.insert(folded.into(), out.as_slice().into());
        }
    }

    /// Words of the dictionary that the matcher can take `folded` for,
    /// misspelled, with their distance (optimal string alignment), within
    /// `max` edits, the word itself left out: every word one edit away, and
    /// two edits away as [`within_tiers`] allows (both words long enough,
    /// and only vowels and doubled letters touched unless both are long).
    /// The deletion table reaches exactly that far ([`dictionary_reach`]).
    pub(crate) fn near_words(&self, folded: &str, max: usize, out: &mut Vec<(WordId, usize)>) {
        out.clear();
        if folded.len() < MIN_FUZZY_LEN {
            return;
        }
        let mut hashes = Vec::new();
        reach_hashes(folded, dictionary_reach(folded), &mut hashes);
        let mut cands: Vec<u32> = Vec::new();
        for layer in &self.layers {
            for &h in &hashes {
                cands.extend_from_slice(layer.deletions.get(h));
            }
        }
        cands.sort_unstable();
        cands.dedup();
        let max = max.min(MAX_INDEXED_DISTANCE);
        for c in cands {
            let w = self.words.get(WordId(c));
            if w.len().abs_diff(folded.len()) > max || w == folded {
                continue;
            }
            // Optimal string alignment: what the matcher's tiers count, and
            // no allocation (full Damerau-Levenshtein keeps an alphabet map).
            let d = crate::words::osa_distance(folded, w);
            if d <= max && within_tiers(folded, w, d) {
                out.push((WordId(c), d));
            }
        }
    }

    /// Forms whose words are exactly `words`, in form order.
    pub fn exact_forms(&self, words: &[WordId]) -> impl Iterator<Item = FormId> + '_ {
        self.keyed(seq_key(words, TAG_FULL))
    }

    /// Multi-word forms (of at most `MAX_WINDOW` words) whose words are
    /// exactly `words`.
    pub fn forms_with_words(&self, words: &[WordId]) -> impl Iterator<Item = FormId> + '_ {
        let multi = words.len() >= 2 && words.len() <= MAX_WINDOW;
        multi.then(|| self.exact_forms(words)).into_iter().flatten()
    }

    /// True when some form starts with the words `words`.
    pub fn is_prefix(&self, words: &[WordId]) -> bool {
        let key = seq_key(words, TAG_PREFIX);
        self.layers.iter().any(|l| !l.keys.get(key).is_empty())
    }

    /// Multi-word forms whose words, function words left out, are `skeleton`.
    pub fn forms_with_skeleton(&self, skeleton: &[WordId]) -> impl Iterator<Item = FormId> + '_ {
        let key = (!skeleton.is_empty()).then(|| seq_key(skeleton, TAG_SKELETON));
        key.into_iter().flat_map(move |k| self.keyed(k))
    }

    /// Entities for which `word` is a distinctive part, with the role.
    pub fn parts(&self, word: WordId) -> impl Iterator<Item = (EntityId, PartRole)> + '_ {
        self.layers.iter().flat_map(move |l| {
            let lo = l.part_words.partition_point(|&w| w < word.0);
            let hi = lo + l.part_words[lo..].partition_point(|&w| w == word.0);
            l.part_entities[lo..hi]
                .iter()
                .map(|&p| PartRole::unpack(p))
                .filter(|(e, _)| self.hidden_entities.is_empty() || !self.hidden_entities.contains(&e.0))
        })
    }

    /// Approximate heap bytes held by the index (nothing for what is used
    /// in place from the binary).
    pub(crate) fn heap_bytes(&self) -> usize {
        self.words.heap_bytes() + self.layers.iter().map(Layer::heap_bytes).sum::<usize>()
    }
}

// SAFETY: `WordId` is a `repr(transparent)` wrapper of `u32`: any bit
// pattern is valid, no padding.
unsafe impl bytemuck::Zeroable for WordId {}
// SAFETY: as above.
unsafe impl bytemuck::Pod for WordId {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_table_finds_its_keys_and_filters_most_others() {
        // A fixed pseudo-random sequence (an LCG): the same keys every run.
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            x
        };
        let keys: Vec<u64> = (0..5000).map(|_| next()).collect();
        let mut pairs: Vec<(u64, u32)> = keys.iter().enumerate().map(|(i, &k)| (k, i as u32)).collect();
        // A key with two values.
        pairs.push((keys[7], 9999));
        let t = KeyTable::from_pairs(pairs);
        for (i, &k) in keys.iter().enumerate() {
            let want: &[u32] = if i == 7 { &[7, 9999] } else { &[i as u32] };
            assert_eq!(t.get(k), want);
        }
        let absent: Vec<u64> = (0..20_000).map(|_| next()).collect();
        assert!(absent.iter().all(|&k| t.get(k).is_empty()));
        let passed = absent.iter().filter(|&&k| t.may_hold(k)).count();
        assert!(
            passed < absent.len() / 6,
            "{passed} of {} absent keys passed",
            absent.len()
        );
        assert!(KeyTable::default().get(keys[0]).is_empty());
    }

    #[test]
    fn close_pairs_find_words_within_their_depth_once() {
        let at = |depth| Reach {
            depth,
            skeleton: false,
        };
        let words = [
            (0, "daskal", at(2)),
            (1, "deskel", at(2)),
            (2, "jennifer", at(2)),
            (3, "jenifer", at(1)),
            (4, "treasury", at(2)),
            (5, "daskal", at(2)),
        ];
        // Two substitutions apart at depth 2; a doubled letter gives
        // "jenifer" twice among the deletions of "jennifer", one pair.
        assert_eq!(close_pairs(words, |_| true), [(0, 1), (0, 5), (1, 5), (2, 3)]);
        // Only pairs with an anchor.
        assert_eq!(close_pairs(words, |id| id == 3), [(2, 3)]);
        assert_eq!(close_pairs(words, |id| id == 1), [(0, 1), (1, 5)]);
        // At depth 1 "daskal" and "deskel" share no deletion.
        let shallow = [(0, "daskal", at(1)), (1, "deskel", at(1))];
        assert_eq!(close_pairs(shallow, |_| true), []);
        // Their skeletons ("dskl") are one.
        let soft = Reach {
            depth: 1,
            skeleton: true,
        };
        let skeletons = [(0, "daskal", soft), (1, "deskel", soft), (2, "dankel", soft)];
        assert_eq!(close_pairs(skeletons, |_| true), [(0, 1)]);
    }

    #[test]
    fn a_hash_filter_holds_its_hashes_and_few_others() {
        let held: Vec<u32> = (0..1000u32).map(|i| i.wrapping_mul(2_654_435_761)).collect();
        let filter = HashFilter::new(&held);
        assert!(held.iter().all(|&h| filter.may_hold(h)));
        // About eight bits a hash: at most one absent hash in eight passes
        // (a few more allowed for chance).
        let passed = (0..10_000u32)
            .map(|i| i.wrapping_mul(40_503).wrapping_add(7))
            .filter(|h| !held.contains(h) && filter.may_hold(*h))
            .count();
        assert!(passed < 1_500, "{passed} of 10000 absent hashes passed");
        // An empty filter holds nothing.
        assert!(!HashFilter::new(&[]).may_hold(held[0]));
    }

    #[test]
    fn reach_covers_the_edits_a_caller_accepts() {
        let reach = |w| Reach::for_edits(w, 5, 8);
        assert_eq!(
            reach("daskal"),
            Reach {
                depth: 1,
                skeleton: true
            }
        );
        assert_eq!(
            reach("dask"),
            Reach {
                depth: 1,
                skeleton: false
            }
        );
        assert_eq!(
            reach("jennifer"),
            Reach {
                depth: 2,
                skeleton: true
            }
        );
        // "ğ" is two bytes: one edit of it may take two deletions.
        assert_eq!(
            reach("erdoğan"),
            Reach {
                depth: 2,
                skeleton: true
            }
        );
        // Every accepted pair is found: one edit between short words, two
        // soft edits, two edits between long words, and one edit of a
        // character of two bytes.
        for (a, b) in [
            ("dask", "desk"),
            ("daskal", "deskel"),
            ("phillip", "philip"),
            ("counternarcotics", "counternarctoics"),
            ("jennifer", "jenifre"),
            ("erdogan", "erdoğan"),
        ] {
            let pairs = close_pairs([(0, a, reach(a)), (1, b, reach(b))], |_| true);
            assert_eq!(pairs, [(0, 1)], "{a} {b}");
        }
    }

    #[test]
    fn a_deletion_hashes_as_the_word_it_leaves() {
        let whole = |w: &[u8]| {
            let mut out = Vec::new();
            all_deletion_hashes(w, 0, &mut out);
            out
        };
        let mut got = Vec::new();
        for word in ["daskal", "jennifer", "ab", "abc", "o\u{2019}rourke"] {
            let b = word.as_bytes();
            all_deletion_hashes(b, 2, &mut got);
            let mut want = whole(b);
            for i in 0..b.len() {
                let one: Vec<u8> = [&b[..i], &b[i + 1..]].concat();
                if b.len() > 1 {
                    want.extend(whole(&one));
                }
                for j in i + 1..b.len() {
                    if b.len() > 2 {
                        want.extend(whole(&[&b[..i], &b[i + 1..j], &b[j + 1..]].concat()));
                    }
                }
            }
            got.sort_unstable();
            want.sort_unstable();
            assert_eq!(got, want, "{word}");
        }
        // Different words, different hashes.
        assert_ne!(whole(b"daskal"), whole(b"deskel"));
        assert_ne!(whole(b"ab"), whole(b"ba"));
    }

    #[test]
    fn deletions_cover_two_edits() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        let two = Reach {
            depth: 2,
            skeleton: false,
        };
        reach_hashes("daskal", two, &mut a);
        reach_hashes("deskel", two, &mut b);
        assert!(
            a.iter().any(|h| b.contains(h)),
            "two substitutions share a double deletion"
        );
    }

    #[test]
    fn compiled_words_are_found_by_their_slot_table() {
        let mut w = Words::default();
        for word in ["daskal", "jennifer", "of", "the", "treasury"] {
            w.intern(word);
        }
        let (text, ends, slots) = w.compiled_parts();
        // Each full slot: the word's id + 1 under the top byte of its hash.
        let mut full: Vec<(u32, u32)> = slots
            .iter()
            .filter(|&&v| v != 0)
            .map(|&v| (v & SLOT_ID_MASK, v >> SLOT_ID_BITS))
            .collect();
        full.sort_unstable();
        let want: Vec<(u32, u32)> = ["daskal", "jennifer", "of", "the", "treasury"]
            .iter()
            .enumerate()
            .map(|(i, w)| (i as u32 + 1, slot_tag(word_hash(w))))
            .collect();
        assert_eq!(full, want);
        // A slot table that does not hold the words where this build's hash
        // puts them is caught when it is loaded.
        let empty = vec![0; slots.len()];
        assert!(!Words::from_parts(text.clone().into(), ends.clone().into(), empty.into()).finds_its_ends());
        let mut c = Words::from_parts(text.into(), ends.into(), slots.into());
        assert!(c.finds_its_ends());
        assert_eq!(c.id("the"), Some(WordId(3)));
        assert_eq!(c.id("daskal"), Some(WordId(0)));
        assert_eq!(c.id(""), None);
        assert_eq!(c.get(WordId(1)), "jennifer");
        assert_eq!(c.id("deskel"), None);
        // Words added at run time continue the numbering.
        assert_eq!(c.intern("deskel"), WordId(5));
        assert_eq!(c.intern("daskal"), WordId(0));
        assert_eq!(c.id("deskel"), Some(WordId(5)));
    }

    #[test]
    fn near_words_reach_what_the_matcher_accepts() {
        let dict = crate::test_util::dictionary(
            "t.toml",
            r#"
[[entity]]
kind = "person"
name = "Jennifer Daskal"

[[entity]]
kind = "person"
name = "Barack Obama"

[[entity]]
kind = "organization"
name = "Counternarcotics Working Group"
"#,
        );
        let near = |q: &str| -> Vec<(String, usize)> {
            let mut out = Vec::new();
            dict.index.near_words(q, MAX_INDEXED_DISTANCE, &mut out);
            out.iter()
                .map(|&(w, d)| (dict.index.word(w).to_owned(), d))
                .collect()
        };
        let one = |w: &str, d| vec![(w.to_owned(), d)];
        // One edit at any length, of a character of two bytes too.
        assert_eq!(near("obma"), one("obama", 1));
        assert_eq!(near("dsakal"), one("daskal", 1));
        assert_eq!(near("daskál"), one("daskal", 1));
        // Two edits of vowels in six letters, found through the skeleton.
        assert_eq!(near("deskel"), one("daskal", 2));
        // Two vowels in five letters, or two arbitrary edits in fewer than
        // nine: too short to be taken for the word.
        assert_eq!(near("ubamu"), []);
        assert_eq!(near("jemnifar"), []);
        // Two arbitrary edits between long words.
        assert_eq!(near("counternarctoisc"), one("counternarcotics", 2));
    }

    #[test]
    fn position_masks_say_where_a_word_stands_in_the_forms() {
        let dict = crate::test_util::dictionary(
            "t.toml",
            r#"
[[entity]]
kind = "place"
name = "Guyana"
aliases = ["Co-operative Republic of Guyana"]

[[entity]]
kind = "organization"
name = "Department of the Treasury"
"#,
        );
        let index = &dict.index;
        let id = |w: &str| index.words.id(w).unwrap_or_else(|| panic!("{w} is a word"));
        let [guyana, republic, of, treasury, department] =
            ["guyana", "republic", "of", "treasury", "department"].map(|w| index.mask(id(w)));
        // A whole form alone; "Department" is no form of its own.
        assert!(guyana.is_whole_form());
        assert!(!department.is_whole_form());
        // "co-operative republic of guyana" is five words: "republic" is
        // the third, "of" the fourth, each a later word of a form.
        assert!(department.starts_form() && department.may_continue(0));
        assert!(!department.may_continue(1));
        assert!(republic.may_continue(1) && of.may_continue(3));
        assert!(republic.at_position(5, 2) && !republic.at_position(5, 1));
        assert!(treasury.at_position(4, 3));
        assert!(index.at_position(id("treasury"), 4, 3));
        // A word the dictionary lacks stands nowhere.
        assert_eq!(index.mask(WordId(u32::MAX)), WordMask::default());
        assert!(!WordMask::default().starts_form());
        // Every word of a multi-word form of at most eight words.
        for w in [guyana, republic, of, treasury, department] {
            assert!(w.in_short_multi_word_form());
        }
        assert!(index.in_short_multi_word_form(id("guyana")));
    }
}
