//! Benchmarks: fuzzy lookup against synthetic dictionaries of growing size,
//! building those dictionaries, and linting a long article with the built-in
//! dictionaries, with synthetic persons added to them, or with the synthetic
//! persons alone.
//!
//! `cargo bench --bench lint` runs them all; `COPYDESK_BENCH_REPORT=1 cargo
//! bench --bench lint` prints the scale report (build time, memory, recall of
//! the whole-name lookup) instead. `tests/bench/README.md` describes each
//! benchmark; `docs/performance.md` has the figures.
//!
//! Under `cargo test --all-targets` (a debug build) every benchmark runs once,
//! and only against a small synthetic dictionary, so tests stay fast.

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashSet;
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, OnceLock};
use std::time::Instant;

use copydesk::matcher::lookup_name;
use copydesk::{DictSource, Dictionary, Documents, Entity, EntityId, EntityKind, Format, Settings, lint};
use divan::Bencher;
use divan::counter::BytesCount;

// ---------------------------------------------------------------------------
// Allocation accounting: live and peak heap bytes, for the scale report.

#[global_allocator]
static ALLOC: Counting = Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counting live and peak bytes requested.
struct Counting;

impl Counting {
    fn grew(by: usize) {
        let live = LIVE.fetch_add(by, Ordering::Relaxed) + by;
        PEAK.fetch_max(live, Ordering::Relaxed);
    }

    fn shrank(by: usize) {
        LIVE.fetch_sub(by, Ordering::Relaxed);
    }
}

// SAFETY: every call is forwarded to `System` unchanged; only counters move.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            Counting::grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            Counting::grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.dealloc(ptr, layout) };
        Counting::shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                Counting::grew(new_size - layout.size());
            } else {
                Counting::shrank(layout.size() - new_size);
            }
        }
        p
    }
}

// ---------------------------------------------------------------------------
// Synthetic person names.

/// Dictionary sizes. A debug build (`cargo test --all-targets`) runs each
/// benchmark once, so it gets one small size only.
const SIZES: &[usize] = if cfg!(debug_assertions) {
    &[1_000]
} else {
    &[10_000, 100_000, 1_000_000]
};

/// Distinct given names, whatever the dictionary size.
const GIVEN_NAMES: usize = 5_000;
/// One distinct surname for this many entities.
const ENTITIES_PER_SURNAME: usize = 5;
/// Misspelled surnames each lookup benchmark cycles through.
const QUERIES: usize = 256;

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const ONSETS: &[&str] = &[
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "ch",
    "cr", "dr", "gr", "kr", "pr", "sh", "st", "tr", "th", "",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "a", "e", "i", "ai", "ea", "ou", "y"];
const CODAS: &[&str] = &[
    "", "", "", "", "n", "r", "l", "s", "k", "m", "t", "nd", "rt", "sk", "ll", "ns",
];

/// `count` distinct capitalised words of 4 to 12 letters, two to four syllables.
fn distinct_words(rng: &mut Rng, count: usize) -> Vec<String> {
    let mut seen = HashSet::with_capacity(count);
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let syllables = 2 + rng.below(3);
        let mut w = String::new();
        for _ in 0..syllables {
            w.push_str(rng.pick(ONSETS));
            w.push_str(rng.pick(VOWELS));
            w.push_str(rng.pick(CODAS));
        }
        if !(4..=12).contains(&w.len()) || !seen.insert(w.clone()) {
            continue;
        }
        w[..1].make_ascii_uppercase();
        out.push(w);
    }
    out
}

/// Given names and surnames for a dictionary of `n` persons, all distinct.
/// One stream makes both, so the surnames of a smaller dictionary are a
/// prefix of those of a larger one and the lookup benchmarks query the very
/// same words at every size.
fn name_parts(n: usize) -> (Vec<String>, Vec<String>) {
    let surnames = (n / ENTITIES_PER_SURNAME).max(1);
    let mut words = distinct_words(&mut Rng(0x9e37_79b9_7f4a_7c15), GIVEN_NAMES + surnames);
    let surnames = words.split_off(GIVEN_NAMES);
    (words, surnames)
}

/// `n` person entities, "Given Surname", each surname used by
/// [`ENTITIES_PER_SURNAME`] people, no two with the same name. Ids are
/// `synthetic-` and the slug of the name, so that none is a built-in id.
fn person_entities(n: usize) -> Vec<Entity> {
    let (given, surnames) = name_parts(n);
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut names = HashSet::with_capacity(n);
    (0..n)
        .map(|i| {
            let s = i % surnames.len();
            // A given name drawn twice for one surname gives way to the next.
            let mut g = rng.below(given.len());
            while !names.insert((g, s)) {
                g = (g + 1) % given.len();
            }
            let mut e = Entity::new(EntityKind::Person, format!("{} {}", given[g], surnames[s]));
            e.id = format!("synthetic-{}", e.id);
            e
        })
        .collect()
}

/// `word` with exactly `edits` edits (Damerau-Levenshtein), never on the
/// first letter: substitutions, adjacent transpositions, deletions and
/// insertions of lower-case letters, or with `soft` only vowels replaced by
/// other vowels (Daskal/Deskel, the commonest slip). `None` when `word` has
/// no room for them.
fn misspell(rng: &mut Rng, word: &str, edits: usize, soft: bool) -> Option<String> {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    const VOWEL_BYTES: &[u8] = b"aeiou";
    let vowels = word.bytes().skip(1).filter(|b| VOWEL_BYTES.contains(b)).count();
    if word.len() < 4 || (soft && vowels < edits) {
        return None;
    }
    for _ in 0..100 {
        let mut w: Vec<u8> = word.as_bytes().to_vec();
        for _ in 0..edits {
            let at = 1 + rng.below(w.len() - 1);
            if soft {
                if VOWEL_BYTES.contains(&w[at]) {
                    w[at] = VOWEL_BYTES[rng.below(VOWEL_BYTES.len())];
                }
                continue;
            }
            match rng.below(4) {
                0 => w[at] = LETTERS[rng.below(LETTERS.len())],
                1 if at + 1 < w.len() => w.swap(at, at + 1),
                2 if w.len() > 4 => {
                    w.remove(at);
                }
                _ => w.insert(at, LETTERS[rng.below(LETTERS.len())]),
            }
        }
        let w = String::from_utf8(w).unwrap_or_default();
        // Optimal string alignment, the distance the index verifies with.
        if strsim::osa_distance(&w, word) == edits {
            return Some(w);
        }
    }
    None
}

/// A synthetic dictionary and the misspellings looked up in it.
struct Synthetic {
    dict: Dictionary,
    /// `near_words` queries: surnames with one edit, then with two vowels
    /// changed.
    words: [Vec<String>; 2],
    /// `lookup_name` queries: "Given Surname" with one edit in the surname,
    /// then two vowels changed; with the entity meant.
    names: [Vec<(String, EntityId)>; 2],
}

impl Synthetic {
    fn new(n: usize) -> Self {
        let (given, surnames) = name_parts(n);
        let entities = person_entities(n);
        // A misspelling that is itself a dictionary word is no misspelling.
        let known: HashSet<String> = given.iter().chain(&surnames).map(|w| w.to_lowercase()).collect();
        let dict = Dictionary::from_entities(entities);
        let mut rng = Rng(0x0123_4567_89ab_cdef);
        let mut misspelled = |word: &str, edits, soft| {
            (0..100)
                .filter_map(|_| misspell(&mut rng, word, edits, soft))
                .find(|q| !known.contains(q))
        };
        // Two edits as the matcher takes them in a word of six to eight
        // letters: vowels only.
        let words = [(1, false), (2, true)].map(|(edits, soft)| {
            let pairs: Vec<(String, String)> = surnames
                .iter()
                .map(|s| s.to_lowercase())
                .filter(|s| !soft || s.len() >= 6)
                .filter_map(|s| Some((misspelled(&s, edits, soft)?, s)))
                .take(QUERIES)
                .collect();
            // The deletion index reaches every word the matcher can take
            // for a query: every query finds its surname.
            for (q, want) in &pairs {
                let found = dict.near_words(q, 2);
                assert!(
                    found.iter().any(|(w, d)| w == want && *d == edits),
                    "{q} finds {want} at distance {edits}: {found:?}"
                );
            }
            pairs.into_iter().map(|(q, _)| q).collect()
        });
        // Surname `k` belongs to entities `k`, `k + S`, `k + 2S`, ...: take one
        // of them at random, so that queries spread over the whole dictionary.
        let mut pick = Rng(0xfedc_ba98_7654_3210);
        let names = [(1, false), (2, true)].map(|(edits, soft)| {
            let mut names = Vec::with_capacity(QUERIES);
            for k in 0..surnames.len() {
                if names.len() == QUERIES {
                    break;
                }
                let i = k + surnames.len() * pick.below(n / surnames.len());
                let Some((g, s)) = dict.entity(EntityId(i as u32)).name.split_once(' ') else {
                    continue;
                };
                if soft && s.len() < 6 {
                    continue; // the matcher allows two edits only in longer words
                }
                if let Some(q) = misspelled(&s.to_lowercase(), edits, soft) {
                    let q = format!("{g} {}{}", &s[..1], &q[1..]);
                    names.push((q, EntityId(i as u32)));
                }
            }
            names
        });
        Synthetic { dict, words, names }
    }

    /// The share of `lookup_name` queries that name the entity meant.
    fn recall(&self, set: usize) -> f64 {
        let names = &self.names[set];
        let hits = names
            .iter()
            .filter(|(q, want)| lookup_name(&self.dict, q).iter().any(|m| m.entity == *want))
            .count();
        hits as f64 / names.len().max(1) as f64
    }
}

static SYNTHETIC: [OnceLock<Synthetic>; 3] = [const { OnceLock::new() }; 3];

/// The synthetic dictionary of `n` persons, built on first use.
fn synthetic(n: usize) -> &'static Synthetic {
    let i = SIZES.iter().position(|&s| s == n).expect("a listed size");
    SYNTHETIC[i].get_or_init(|| Synthetic::new(n))
}

// ---------------------------------------------------------------------------
// Benchmarks.

/// One fuzzy lookup; every iteration takes the next of [`QUERIES`]
/// misspellings (the same misspelled surnames at every dictionary size), and
/// a sample is all of them, so the median is that of the mean over the set.
mod fuzzy_lookup {
    use super::*;

    /// Run `lookup` over `queries` in turn, each a first lookup (the
    /// dictionary's memo of earlier lookups is emptied outside the timing);
    /// the counter is the bytes of the queries.
    fn cycle<Q: Sync + 'static, O>(
        bencher: Bencher,
        dict: &Dictionary,
        queries: &[Q],
        text: fn(&Q) -> &str,
        lookup: impl Fn(&Q) -> O,
    ) {
        let mut next = 0;
        bencher
            .with_inputs(|| {
                dict.forget_lookups();
                next = (next + 1) % queries.len();
                &queries[next]
            })
            .input_counter(move |q| BytesCount::of_str(text(q)))
            .bench_local_refs(|q| lookup(q));
    }

    /// `Dictionary::near_words(q, 2)` where `q` is one edit from a surname.
    #[divan::bench(args = SIZES, sample_size = QUERIES as u32)]
    fn near_words_1_edit(bencher: Bencher, n: usize) {
        let s = synthetic(n);
        cycle(bencher, &s.dict, &s.words[0], String::as_str, |q| {
            s.dict.near_words(q, 2)
        });
    }

    /// `Dictionary::near_words(q, 2)` where `q` is two vowels from a surname.
    #[divan::bench(args = SIZES, sample_size = QUERIES as u32)]
    fn near_words_2_edits(bencher: Bencher, n: usize) {
        let s = synthetic(n);
        cycle(bencher, &s.dict, &s.words[1], String::as_str, |q| {
            s.dict.near_words(q, 2)
        });
    }

    /// `matcher::lookup_name` of "Given Surname" with one edit in the surname.
    #[divan::bench(args = SIZES, sample_size = QUERIES as u32)]
    fn lookup_name_1_edit(bencher: Bencher, n: usize) {
        let s = synthetic(n);
        cycle(
            bencher,
            &s.dict,
            &s.names[0],
            |q| q.0.as_str(),
            |(q, _)| lookup_name(&s.dict, q),
        );
    }

    /// `matcher::lookup_name` of "Given Surname" with two vowels of the
    /// surname changed.
    #[divan::bench(args = SIZES, sample_size = QUERIES as u32)]
    fn lookup_name_2_edits(bencher: Bencher, n: usize) {
        let s = synthetic(n);
        cycle(
            bencher,
            &s.dict,
            &s.names[1],
            |q| q.0.as_str(),
            |(q, _)| lookup_name(&s.dict, q),
        );
    }
}

/// `Dictionary::from_entities` over `n` synthetic persons.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn build_dictionary(bencher: Bencher, n: usize) {
    bencher
        .with_inputs(|| person_entities(n))
        .bench_values(Dictionary::from_entities);
}

static BUILTIN: LazyLock<Dictionary> = LazyLock::new(copydesk::builtin);

/// The corpus article repeated to about 50 KB.
static ARTICLE: LazyLock<String> = LazyLock::new(|| {
    let one = include_str!("../corpus/counternarcotics.txt");
    let mut text = String::with_capacity(52_000);
    while text.len() < 50_000 {
        text.push_str(one);
        text.push_str("\n\n");
    }
    text
});

/// Open the compiled built-in dictionary (what start-up costs).
#[divan::bench]
fn open_builtin_dictionary() -> Dictionary {
    copydesk::builtin()
}

/// Parse and index the hand-kept and Congress dictionaries from TOML (what
/// a user's dictionaries of that size cost).
#[divan::bench]
fn load_toml_dictionaries(bencher: Bencher) {
    let sources: Vec<DictSource> = [
        ("newsroom", include_str!("../../dictionaries/newsroom.toml")),
        ("us-congress", include_str!("../../dictionaries/us-congress.toml")),
    ]
    .map(|(name, text)| DictSource {
        name: format!("builtin:{name}"),
        text: text.to_owned(),
    })
    .into();
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| Dictionary::load(black_box(&sources)));
}

/// `lint()` of `text` as one plain-text document with every rule, in bytes
/// per second.
fn bench_lint(bencher: Bencher, dict: &Dictionary, text: &str) {
    let mut docs = Documents::new();
    let id = docs.add("article.txt", text, Format::Plain);
    let doc = docs.get(id);
    let settings = Settings::default();
    bencher
        .counter(BytesCount::of_str(&doc.text))
        .bench(|| lint(black_box(doc), dict, &settings));
}

/// Lint a ~50 KB article with the built-in dictionaries and every rule.
#[divan::bench]
fn lint_article(bencher: Bencher) {
    bench_lint(bencher, &BUILTIN, &ARTICLE);
}

/// The stages of a lint over the ~50 KB article, each with its bytes per
/// second: what finding the words and names costs, what exact matching
/// costs, and what the whole analysis (exact and fuzzy) costs.
mod stages {
    use super::*;
    use copydesk::Span;
    use copydesk::matcher::Analysis;

    /// Words of prose: the tokenizer alone.
    #[divan::bench]
    fn tokenize(bencher: Bencher) {
        let text = ARTICLE.as_str();
        let mut tokens = Vec::new();
        bencher.counter(BytesCount::of_str(text)).bench_local(|| {
            tokens.clear();
            copydesk::words::tokenize(black_box(text), Span::new(0, text.len()), &mut tokens);
            tokens.len()
        });
    }

    /// `Analysis::new` of `text` as one plain-text document, in bytes per second.
    fn bench_analysis(bencher: Bencher, dict: &Dictionary, text: &str) {
        let mut docs = Documents::new();
        let id = docs.add("article.txt", text, Format::Plain);
        let doc = docs.get(id);
        bencher
            .counter(BytesCount::of_str(&doc.text))
            .bench(|| Analysis::new(black_box(doc), dict));
    }

    /// Mention extraction with no dictionary: words, name runs, the
    /// document's name words and their in-document comparison (CD002).
    #[divan::bench]
    fn analyse_without_dictionary(bencher: Bencher) {
        bench_analysis(bencher, &Dictionary::empty(), &ARTICLE);
    }

    /// Exact matching: ~50 KB of sentences naming built-in entities as the
    /// dictionaries write them, so that every name run is an exact match.
    #[divan::bench]
    fn analyse_exact_names(bencher: Bencher) {
        let dict = &*BUILTIN;
        let mut text = String::new();
        for (i, e) in dict.entities().enumerate().step_by(7) {
            if text.len() >= 50_000 {
                break;
            }
            text.push_str(&format!(
                "On day {i} the story named {} twice: {}.\n",
                e.name, e.name
            ));
        }
        bench_analysis(bencher, dict, &text);
    }

    /// The whole analysis with the built-in dictionaries: exact matches and
    /// fuzzy lookups of the name runs that miss them.
    #[divan::bench]
    fn analyse_builtin(bencher: Bencher) {
        bench_analysis(bencher, &BUILTIN, &ARTICLE);
    }
}

/// Throughput against document size: the article repeated to 1 KB ... 10 MB
/// (release builds; a debug build takes the smallest only).
const DOC_SIZES: &[usize] = if cfg!(debug_assertions) {
    &[1_000]
} else {
    &[1_000, 10_000, 100_000, 1_000_000, 10_000_000]
};

#[divan::bench(args = DOC_SIZES, sample_count = 10)]
fn lint_document_size(bencher: Bencher, size: usize) {
    let dict = &*BUILTIN;
    let one = include_str!("../corpus/counternarcotics.txt");
    let mut text = String::with_capacity(size + one.len());
    while text.len() < size {
        text.push_str(one);
        text.push_str("\n\n");
    }
    let mut cut = size.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    bench_lint(bencher, dict, &text);
}

static ADDED: [OnceLock<Dictionary>; 3] = [const { OnceLock::new() }; 3];

/// The built-in dictionaries with `n` synthetic persons added on top, as a
/// user's dictionary would be, built on first use.
fn added(n: usize) -> &'static Dictionary {
    let i = SIZES.iter().position(|&s| s == n).expect("a listed size");
    ADDED[i].get_or_init(|| {
        copydesk::builtin()
            .add_entities("synthetic", person_entities(n))
            .unwrap_or_else(|e| panic!("synthetic persons clash with the built-in ones:\n{e}"))
    })
}

/// Throughput against dictionary size: the article linted with the
/// built-in dictionaries and N synthetic persons added to them (the same
/// persons as [`fuzzy_lookup`]). [`lint_article`] is the baseline.
#[divan::bench(args = SIZES, sample_count = 10)]
fn lint_article_added(bencher: Bencher, n: usize) {
    bench_lint(bencher, added(n), &ARTICLE);
}

/// The article linted with a synthetic dictionary of N persons alone, no
/// built-in entity: what the size of the index costs, apart from the
/// built-in entities' names.
#[divan::bench(args = SIZES, sample_count = 10)]
fn lint_article_synthetic(bencher: Bencher, n: usize) {
    bench_lint(bencher, &synthetic(n).dict, &ARTICLE);
}

// ---------------------------------------------------------------------------
// Scale report: `COPYDESK_BENCH_REPORT=1` (every size) or
// `COPYDESK_BENCH_REPORT=1000000` (sizes, comma-separated) instead of the
// benchmarks.

/// A `kB` field of `/proc/self/status`, in bytes (0 where there is none).
fn proc_status(field: &str) -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<usize>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// Build time, memory and `lookup_name` recall per size, as a Markdown table.
fn scale_report(sizes: &[usize]) {
    println!(
        "| persons | build | entities | forms (est.) | index | index_heap_bytes() | build peak | RSS delta | VmHWM | added to built-ins | add peak | lookup_name recall 1 edit / 2 vowels |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for &n in sizes {
        let live0 = LIVE.load(Ordering::Relaxed);
        let rss0 = proc_status("VmRSS");
        let entities = person_entities(n);
        let live1 = LIVE.load(Ordering::Relaxed);
        PEAK.store(live1, Ordering::Relaxed);
        let start = Instant::now();
        let dict = Dictionary::from_entities(black_box(entities));
        let build = start.elapsed();
        let live2 = LIVE.load(Ordering::Relaxed);
        let peak = PEAK.load(Ordering::Relaxed);
        let rss2 = proc_status("VmRSS");
        let hwm = proc_status("VmHWM");
        // A form is its entity's number; its text is the entity's.
        let forms = dict.form_count().next_power_of_two() * size_of::<u32>();
        let index_est = dict.index_heap_bytes();
        drop(dict);
        // The same persons added to the built-in dictionaries, checked
        // against them: what a user's dictionary of that size costs.
        let base = copydesk::builtin();
        let entities = person_entities(n);
        let live3 = LIVE.load(Ordering::Relaxed);
        PEAK.store(live3, Ordering::Relaxed);
        let start = Instant::now();
        let with_builtin = base.add_entities("synthetic", black_box(entities));
        let add = start.elapsed();
        let add_peak = PEAK.load(Ordering::Relaxed) - live3;
        drop(with_builtin.expect("synthetic persons clash with no built-in one"));
        let s = Synthetic::new(n);
        println!(
            "| {n} | {build:.2?} | {} | {} | {} | {} | {} | {} | {} | {add:.2?} | {} | {:.1}% / {:.1}% |",
            mib(live1 - live0),
            mib(forms),
            mib((live2 - live1).saturating_sub(forms)),
            mib(index_est),
            mib(peak - live0),
            mib(rss2.saturating_sub(rss0)),
            mib(hwm),
            mib(add_peak),
            100.0 * s.recall(0),
            100.0 * s.recall(1),
        );
    }
    println!();
    println!(
        "entities: heap of the input `Vec<Entity>`; index: heap `from_entities` kept, forms (est.) \
         subtracted; build peak: most heap live at once during the build, entities included; \
         RSS delta and VmHWM: /proc/self/status after the build; added to built-ins: \
         `add_entities` of the same persons onto the built-in dictionaries (the checks against \
         them and a new index layer), and add peak, the most heap live at once above the \
         entities."
    );
}

fn main() {
    if let Ok(v) = std::env::var("COPYDESK_BENCH_REPORT") {
        let sizes: Vec<usize> = v
            .split(',')
            .filter_map(|s| s.trim().replace('_', "").parse().ok())
            .filter(|&n| n > 1)
            .collect();
        scale_report(if sizes.is_empty() { SIZES } else { &sizes });
        return;
    }
    divan::main();
}
