//! Words: tokenizing prose and normalising words for matching.
//!
//! Text and dictionary forms go through the same tokenizer, so that a form
//! and the text that spells it produce the same sequence of folded words.

use crate::span::Span;

/// How a token is joined to the token before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Only spaces or a single line break: names continue across it.
    Space,
    /// A hyphen (`US-China`, `al-Assad`).
    Hyphen,
    /// Anything else: punctuation, a paragraph break, the start of a region.
    Break,
}

/// One word of prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The word's bytes in the text, a possessive `'s` left out.
    pub span: Span,
    /// How it is joined to the previous token.
    pub gap: Gap,
    /// True when the word starts a sentence (or a heading, or a region).
    pub sentence_start: bool,
    /// True when a `'s` or `’s` followed the word.
    pub possessive: bool,
    /// True when a `.` directly follows the word.
    pub dot_after: bool,
    /// True when the word starts with an upper-case letter
    /// ([`is_capitalized`]).
    pub capitalized: bool,
    /// True when the word starts with a lower-case letter (an ordinary
    /// word, in running text).
    pub lower_case: bool,
}

/// Abbreviations after which a `.` does not end a sentence.
const DOTTED_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt",
    "Prof", "Rev", "Hon", "Adm", "Maj", "Cpl", "Pvt", "Supt", "Insp", "Det", "No", "Mt", "Ft", "Mx",
];

/// Lower-case words that may stand inside a name (`Department of the Treasury`,
/// `Ludwig van Beethoven`, `Osama bin Laden`).
pub const CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "de", "del", "della", "der", "den", "van", "von", "bin", "bint", "ibn", "al",
    "el", "da", "das", "do", "dos", "du", "la", "le", "y", "zu", "on", "in", "at", "to",
];

/// Titles and forms of address that stand before a name and are not part
/// of it (folded).
pub const TITLE_WORDS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "president",
    "minister",
    "ambassador",
    "secretary",
    "gov",
    "governor",
    "mayor",
    "judge",
    "justice",
    "general",
    "gen",
    "adviser",
    "advisor",
    "deputy",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "prime",
    "vice",
    "speaker",
    "leader",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sir",
    "dame",
    "lord",
    "lady",
    "professor",
    "prof",
    "chancellor",
    "commissioner",
    "congressman",
    "congresswoman",
    "councilman",
    "councilwoman",
    "sheriff",
    "chief",
    "captain",
    "capt",
    "colonel",
    "col",
    "lieutenant",
    "lt",
    "sergeant",
    "sgt",
    "major",
    "maj",
    "admiral",
    "adm",
    "bishop",
    "archbishop",
    "cardinal",
    "father",
    "rev",
    "reverend",
    "rabbi",
    "imam",
    "sheikh",
    "saint",
    "st",
    "officer",
    "detective",
    "inspector",
    "coach",
    "head",
    "first",
    "former",
    "acting",
];

/// A word list as a set: these tests run for most words of a document.
/// Most words are answered by their first byte and length alone, without
/// hashing them.
pub struct WordSet {
    words: rustc_hash::FxHashSet<&'static str>,
    /// By first byte: bit `n` set when a word of `n` bytes (31 for longer)
    /// starts with it.
    lengths: [u32; 256],
}

impl WordSet {
    /// A set of the words of `list`.
    pub fn new(list: &[&'static str]) -> Self {
        let mut lengths = [0u32; 256];
        for w in list {
            if let Some(&b) = w.as_bytes().first() {
                lengths[b as usize] |= 1 << w.len().min(31);
            }
        }
        WordSet {
            words: list.iter().copied().collect(),
            lengths,
        }
    }

    /// True when the set holds `word`.
    pub fn contains(&self, word: &str) -> bool {
        let Some(&b) = word.as_bytes().first() else {
            return false;
        };
        self.lengths[b as usize] & (1 << word.len().min(31)) != 0 && self.words.contains(word)
    }
}

type LazyWordSet = std::sync::LazyLock<WordSet>;

static TITLE_SET: LazyWordSet = LazyWordSet::new(|| WordSet::new(TITLE_WORDS));
static CONNECTOR_SET: LazyWordSet = LazyWordSet::new(|| WordSet::new(CONNECTORS));
static DOTTED_SET: LazyWordSet = LazyWordSet::new(|| WordSet::new(DOTTED_ABBREVIATIONS));

/// True for a title word ("Senator", "Gen").
pub fn is_title_word(folded: &str) -> bool {
    TITLE_SET.contains(folded)
}

/// True when two folded words are one word in British and American
/// spelling ("organisation" and "organization", "centre" and "center",
/// "defence" and "defense", "labour" and "labor"): the same word, never a
/// slip of each other.
pub fn is_spelling_variant(a: &str, b: &str) -> bool {
    const PAIRS: &[(&str, &str)] = &[
        ("isation", "ization"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ising", "izing"),
        ("yse", "yze"),
        ("our", "or"),
        ("tre", "ter"),
        ("tres", "ters"),
        ("ence", "ense"),
        ("ogue", "og"),
        ("lled", "led"),
        ("lling", "ling"),
        ("ae", "e"),
        ("oe", "e"),
    ];
    if a.len().abs_diff(b.len()) > 2 || a == b {
        return false;
    }
    // The words agree but for one replaced ending: it starts within their
    // common prefix and what follows it is within their common suffix, so
    // only a few places need trying (this runs for every pair compared).
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suf = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    PAIRS.iter().any(|&(x, y)| {
        let (x, y) = (x.as_bytes(), y.as_bytes());
        [(a, b), (b, a)].iter().any(|&(p, q)| {
            if q.len() + x.len() != p.len() + y.len() || p.len() < x.len() {
                return false;
            }
            let last = (p.len() - x.len()).min(pre);
            let first = (p.len() - x.len()).saturating_sub(suf);
            (first..=last).any(|i| p[i..].starts_with(x) && q[i..].starts_with(y))
        })
    })
}

/// True for a lower-case connector word.
pub fn is_connector(word: &str) -> bool {
    CONNECTOR_SET.contains(word)
}

/// Connectors dropped when two forms are compared word by word
/// ("Department of Treasury" against "Department of the Treasury").
pub fn is_function_word(folded: &str) -> bool {
    matches!(folded, "of" | "the" | "for" | "and" | "on" | "in" | "at" | "to")
}

fn is_word_char(ch: char) -> bool {
    if ch.is_ascii() {
        return ch.is_ascii_alphanumeric();
    }
    // General Punctuation (curly quotes, dashes, no-break and thin spaces,
    // ellipses): the commonest non-ASCII characters of English prose, and
    // none a letter, answered before Unicode's letter tables.
    if ('\u{2000}'..='\u{206f}').contains(&ch) {
        return false;
    }
    ch.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&ch)
}

/// Characters that show nothing and break no word: zero-width space, non-
/// joiner and joiner, word joiner, byte order mark, soft hyphen.
fn is_invisible(ch: char) -> bool {
    matches!(
        ch,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

fn is_apostrophe(ch: char) -> bool {
    ch == '\'' || ch == '\u{2019}'
}

/// A name wrapped across lines, on one line: runs of white space become one
/// space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a byte is to the tokenizer's ASCII fast paths.
const WORD: u8 = 1; // an ASCII letter or digit
const PLAIN: u8 = 2; // a gap byte that neither ends a sentence nor joins a name (",", "(")
const SPACE: u8 = 4; // a space or a tab

/// [`WORD`], [`PLAIN`] or [`SPACE`] for each byte; 0 for the rest (the
/// bytes that the general gap rules look at, and every non-ASCII byte).
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            WORD
        } else if c == b' ' || c == b'\t' {
            SPACE
        } else if matches!(c, b'.' | b'!' | b'?' | b':' | b'\n' | b'\r' | b'"' | b'-' | b'\'') {
            0
        } else {
            PLAIN
        };
        b += 1;
    }
    t
};

/// Split `text[region]` into tokens, appending them to `out`.
pub fn tokenize(text: &str, region: Span, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut pos = region.start;
    let end = region.end;
    let mut prev_end = region.start;
    let mut first = true;
    // The character at `i` (ASCII read byte-wise), and its length.
    let char_at = |i: usize| -> (char, usize) {
        let b = bytes[i];
        if b.is_ascii() {
            (char::from(b), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        }
    };
    while pos < end {
        let b = bytes[pos];
        if b.is_ascii() {
            if BYTE_CLASS[b as usize] != WORD {
                pos += 1;
                continue;
            }
        } else {
            let (ch, len) = char_at(pos);
            if !is_word_char(ch) {
                pos += len;
                continue;
            }
        }
        let start = pos;
        // Scan the word: word characters with single inner apostrophes.
        let mut word_end = pos;
        let mut i = pos;
        let mut inner_apostrophe = false;
        while i < end {
            let ascii = ascii_word_len(&bytes[i..end]);
            if ascii > 0 {
                i += ascii;
                word_end = i;
                if i == end {
                    break;
                }
            }
            // `bytes[i]` is no ASCII letter or digit (the scan stopped
            // there). Another ASCII byte but an apostrophe ends the word
            // (the commonest end: a space).
            if bytes[i].is_ascii() && bytes[i] != b'\'' {
                break;
            }
            let (c, len) = char_at(i);
            if is_word_char(c) {
                i += len;
                word_end = i;
            } else if is_apostrophe(c) && i + len < end && is_word_char(char_at(i + len).0) {
                i += len;
                inner_apostrophe = true;
            } else if is_invisible(c) {
                // Inside a word, invisible characters are part of it (and
                // folded away): `Des\u{200b}kel` is `Deskel`, not two words
                // that hide the slip.
                let mut j = i + len;
                while j < end && is_invisible(char_at(j).0) {
                    j += char_at(j).1;
                }
                if j < end && is_word_char(char_at(j).0) {
                    i = j;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        // Possessive: strip a trailing 's / ’s. ("Xerxes'", a plural
        // possessive, ends before its apostrophe anyway.)
        let mut span_end = word_end;
        let mut possessive = false;
        if inner_apostrophe {
            let word = &text[start..word_end];
            for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
                if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
                    span_end = word_end - suffix.len();
                    possessive = true;
                    break;
                }
            }
        }
        let (gap, sentence_start) = if first {
            (Gap::Break, true)
        } else {
            match plain_gap(&bytes[prev_end..start]) {
                Some(gap) => (gap, false),
                None => {
                    let between = &text[prev_end..start];
                    (
                        classify_gap(between, out.last().map(|t| t.span.slice(text))),
                        ends_sentence(between, out.last(), text),
                    )
                }
            }
        };
        let dot_after = bytes.get(word_end) == Some(&b'.');
        let (capitalized, lower_case) = match bytes[start] {
            b if b.is_ascii() => (b.is_ascii_uppercase(), b.is_ascii_lowercase()),
            _ => {
                let first = char_at(start).0;
                (first.is_uppercase(), first.is_lowercase())
            }
        };
        out.push(Token {
            span: Span::new(start, span_end),
            gap,
            sentence_start,
            possessive,
            dot_after,
            capitalized,
            lower_case,
        });
        first = false;
        prev_end = word_end;
        pos = word_end;
    }
}

/// How many bytes at the start of `bytes` are ASCII letters and digits
/// ([`WORD`] bytes), looked at eight at a time without a branch per byte.
#[inline]
fn ascii_word_len(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let word = word_byte_mask(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        // The first byte that is not a word byte, in memory order.
        let stop = !word & HIGH_BITS;
        if stop != 0 {
            return n + (stop.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    while n < bytes.len() && BYTE_CLASS[bytes[n] as usize] == WORD {
        n += 1;
    }
    n
}

/// The high bit of each of the eight bytes of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// A byte repeated in each of the eight bytes of a `u64`.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// Eight bytes read as one little-endian `u64`: the high bit of each byte
/// that is an ASCII letter or digit, computed on all eight at once (SWAR).
#[inline]
fn word_byte_mask(x: u64) -> u64 {
    // Each byte's low seven bits.
    let low = x & !HIGH_BITS;
    // `| 0x20` folds `A..=Z` onto `a..=z` and takes no other byte there.
    let letter = bytes_in_range(low | splat(0x20), b'a', b'z');
    let digit = bytes_in_range(low, b'0', b'9');
    // Bytes from 0x80 up are not ASCII.
    (letter | digit) & !x & HIGH_BITS
}

/// The high bit of each byte of `v` in `lo..=hi`, for bytes below 0x80
/// (so that adding at most 0x80 to one carries into no other):
/// `v + (0x80 - lo)` reaches the high bit and `v + (0x7f - hi)` does not.
#[inline]
fn bytes_in_range(v: u64, lo: u8, hi: u8) -> u64 {
    (v + splat(0x80 - lo)) & !(v + splat(0x7f - hi)) & HIGH_BITS
}

/// The gap of the commonest separators, found in one pass over their bytes:
/// spaces and tabs alone join a name, ASCII punctuation that ends no
/// sentence (", ", " (") breaks it; neither starts a sentence. `None` for
/// the rest (dots, line breaks, hyphens, quotation marks, non-ASCII), which
/// [`classify_gap`] and [`ends_sentence`] decide.
fn plain_gap(between: &[u8]) -> Option<Gap> {
    let mut all = SPACE | PLAIN;
    for &b in between {
        let class = BYTE_CLASS[b as usize];
        if class == 0 {
            return None;
        }
        all &= class;
    }
    match all {
        SPACE => Some(Gap::Space),
        _ => Some(Gap::Break),
    }
}

fn classify_gap(between: &str, prev: Option<&str>) -> Gap {
    if between.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}') && !between.is_empty() {
        return Gap::Space;
    }
    if between == "-" || between == "\u{2010}" || between == "\u{2011}" {
        return Gap::Hyphen;
    }
    let newlines = between.matches('\n').count();
    if newlines == 1 && between.chars().all(char::is_whitespace) {
        return Gap::Space;
    }
    // "J. Smith", "Mr. Smith", "U.S. Army": a dot after an initial or a title abbreviation.
    if let Some(rest) = between.strip_prefix('.') {
        let spaces_only = rest.chars().all(|c| c == ' ' || c == '\u{a0}');
        if spaces_only && prev.is_some_and(is_abbreviation) {
            return Gap::Space;
        }
    }
    Gap::Break
}

/// An initial ("J") or a title abbreviation ("Mr"), after which a dot does
/// not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase)) || DOTTED_SET.contains(word)
}

/// True when the text between two tokens ends a sentence.
fn ends_sentence(between: &str, prev: Option<&Token>, text: &str) -> bool {
    // A blank line; read byte-wise (a gap is a byte or two, too short for
    // a substring searcher to pay its set-up).
    let b = between.as_bytes();
    if b.windows(2).any(|w| w == b"\n\n") || b.windows(3).any(|w| w == b"\n\r\n") {
        return true;
    }
    let Some(p) = between.find(['.', '!', '?', ':', '\n', '\u{201c}', '"']) else {
        return false;
    };
    let mark = between[p..].chars().next().unwrap_or(' ');
    if mark == '.' {
        // Not after an initial or an abbreviation such as "Mr.".
        if prev.is_some_and(|p| is_abbreviation(p.span.slice(text))) {
            return false;
        }
    }
    true
}

/// Lower-case, accents removed, curly apostrophes straightened: the key under
/// which words are compared. Allocates only when the word is not already
/// folded ASCII.
pub fn fold(word: &str, out: &mut String) {
    out.clear();
    if is_folded_ascii(word) {
        out.push_str(word);
        return;
    }
    if word.is_ascii() {
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    for ch in word.chars() {
        if is_apostrophe(ch) {
            out.push('\'');
        } else if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
        } else if ('\u{300}'..='\u{36f}').contains(&ch) {
            // combining mark: dropped
        } else {
            let mut buf = [0u8; 4];
            let s = deunicode::deunicode(ch.encode_utf8(&mut buf));
            out.extend(
                s.chars()
                    .filter(|c| c.is_alphanumeric() || *c == '\'')
                    .flat_map(char::to_lowercase),
            );
        }
    }
}

/// A word's consonant skeleton, read as it goes: its bytes without vowels
/// (and y), a consonant that repeats the previous one left out. Two words
/// with one skeleton differ only in vowels and doubled letters
/// (Deskel/Daskal, Philip/Phillip), the commonest slips.
pub(crate) fn consonant_skeleton(s: &str) -> impl Iterator<Item = u8> + '_ {
    let mut last = None;
    s.bytes().filter(move |&c| {
        if matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y') || last == Some(c) {
            return false;
        }
        last = Some(c);
        true
    })
}

/// The hash of a folded word, by which a document's word table, the
/// dictionary's word table and the linter's
/// `copydesk::matcher::DocNames::lower_words` find it, so that a
/// document's word is hashed once. Stable within one
/// build: the build script compiles the built-in word table with this
/// function, and loading it checks that it finds its words.
///
/// The word is read eight bytes at a time (the last ones padded with
/// zeros), so that a document's ASCII words are folded and hashed in the
/// same pass when they are interned.
pub fn word_hash(folded: &str) -> u64 {
    hash_chunks(folded.as_bytes(), Some).unwrap_or_default()
}

/// [`word_hash`] of `bytes` with each eight (the last padded with zeros)
/// passed through `step` first; `None` when a step refuses its bytes.
#[inline]
fn hash_chunks(bytes: &[u8], mut step: impl FnMut(u64) -> Option<u64>) -> Option<u64> {
    let mut h = HASH_SEED;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = hash_chunk(h, step(u64::from_le_bytes(c.try_into().unwrap_or_default()))?);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = hash_chunk(h, step(padded(rest))?);
    }
    Some(hash_finish(h, bytes.len()))
}

/// A word's folded form and its [`word_hash`] in one pass, when the word
/// is ASCII (as most words of English prose are): folding only lowers its
/// capitals, eight bytes at a time. The folded form is the word itself, or
/// `out` when it had capitals. `None` for a word with any other byte, which
/// [`fold`] folds.
pub fn ascii_fold_hash<'a>(word: &'a str, out: &'a mut String) -> Option<(&'a str, u64)> {
    let mut capitals = 0;
    let h = hash_chunks(word.as_bytes(), |x| {
        if x & HIGH_BITS != 0 {
            return None;
        }
        // The high bit of each capital, moved to its 0x20 bit: the letter
        // in lower case.
        let upper = bytes_in_range(x, b'A', b'Z');
        capitals |= upper;
        Some(x | upper >> 2)
    })?;
    if capitals == 0 {
        return Some((word, h));
    }
    out.clear();
    out.push_str(word);
    out.make_ascii_lowercase();
    Some((out.as_str(), h))
}

/// The start of [`word_hash`]'s state (the digits of pi).
const HASH_SEED: u64 = 0x243f_6a88_85a3_08d3;

/// Eight bytes of a word into the hash: a multiply spreads them upwards, a
/// rotation brings the high bits back down for the next eight.
#[inline]
fn hash_chunk(h: u64, chunk: u64) -> u64 {
    (h ^ chunk).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29)
}

/// The hash with the word's length, its high bits folded into its low
/// ones: tables key on its low bits and its high ones. One multiply (a
/// full finaliser's two were a tenth of the interning, on the path of every
/// token's probe).
#[inline]
fn hash_finish(h: u64, len: usize) -> u64 {
    let h = (h ^ len as u64).wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 32)
}

/// One to seven bytes as a little-endian `u64` padded with zeros, from two
/// overlapping loads (or three bytes) rather than a copy of any length.
#[inline]
fn padded(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        let lo = u64::from(u32::from_le_bytes(rest[..4].try_into().unwrap_or_default()));
        let hi = u64::from(u32::from_le_bytes(rest[n - 4..].try_into().unwrap_or_default()));
        // The overlapping bytes are the same in both.
        lo | hi << (8 * (n - 4))
    } else {
        u64::from(rest[0]) | u64::from(rest[n / 2]) << (8 * (n / 2)) | u64::from(rest[n - 1]) << (8 * (n - 1))
    }
}

/// True when two words differ only in vowels and doubled letters
/// (Deskel/Daskal, Philip/Phillip): the commonest slips.
pub fn soft_pair(a: &str, b: &str) -> bool {
    consonant_skeleton(a).eq(consonant_skeleton(b))
}

/// The optimal string alignment distance (edits, an adjacent transposition
/// counting as one) between two words, in characters: what `strsim`'s
/// `osa_distance` counts, bit-parallel and without allocating.
pub fn osa_distance(a: &str, b: &str) -> usize {
    use rapidfuzz::distance::osa;
    if a.is_ascii() && b.is_ascii() {
        osa::distance(a.bytes(), b.bytes())
    } else {
        osa::distance(a.chars(), b.chars())
    }
}

/// True when the word is its own folded form, and ASCII (lower-case
/// letters, digits, straight apostrophes): [`fold`] copies it unchanged.
pub fn is_folded_ascii(word: &str) -> bool {
    word.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'\'')
}

/// The folded form of a word as a new string.
pub fn folded(word: &str) -> String {
    let mut s = String::new();
    fold(word, &mut s);
    s
}

/// The folded words of a dictionary form, in order.
pub fn form_words(form: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    tokenize(form, Span::new(0, form.len()), &mut tokens);
    tokens.iter().map(|t| folded(t.span.slice(form))).collect()
}

/// True when the word starts with an upper-case letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when every letter of the word is upper case and it has at least two.
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn british_and_american_spellings_are_one_word() {
        for (a, b) in [
            ("organisation", "organization"),
            ("centre", "center"),
            ("defence", "defense"),
            ("labour", "labor"),
            ("catalogue", "catalog"),
            ("recognise", "recognize"),
        ] {
            assert!(is_spelling_variant(a, b), "{a} {b}");
            assert!(is_spelling_variant(b, a), "{b} {a}");
        }
        for (a, b) in [
            ("daskal", "deskel"),
            ("torre", "terr"),
            ("center", "centers"),
            ("paris", "parise"),
        ] {
            assert!(!is_spelling_variant(a, b), "{a} {b}");
        }
    }

    fn words(text: &str) -> Vec<(&str, Gap, bool)> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        out.iter()
            .map(|t| (t.span.slice(text), t.gap, t.sentence_start))
            .collect()
    }

    #[test]
    fn soft_pairs_differ_in_vowels_and_doubled_letters_only() {
        assert!(soft_pair("deskel", "daskal"));
        assert!(soft_pair("philip", "phillip"));
        // A vowel between two of one consonant does not part them.
        assert!(soft_pair("abba", "bab"));
        assert!(soft_pair("", "aeiouy"));
        assert!(!soft_pair("daskal", "dashal"));
        assert!(!soft_pair("jenifer", "jennifers"));
    }

    #[test]
    fn tokens_gaps_and_sentences() {
        assert_eq!(
            words("Jen Daskal's plan. Mr. Burns, US-China"),
            [
                ("Jen", Gap::Break, true),
                ("Daskal", Gap::Space, false),
                ("plan", Gap::Space, false),
                ("Mr", Gap::Break, true),
                ("Burns", Gap::Space, false),
                ("US", Gap::Break, false),
                ("China", Gap::Hyphen, false),
            ]
        );
    }

    /// Issue 23: a zero-width character inside a name split it in two
    /// and hid the slip; spans keep the character, folding drops it.
    #[test]
    fn invisible_characters_inside_a_word_keep_it_whole() {
        for c in [
            '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}',
        ] {
            let text = format!("Jennifer Des{c}kel said{c} so {c}Daskal");
            let found: Vec<&str> = words(&text).into_iter().map(|(w, _, _)| w).collect();
            assert_eq!(
                found,
                ["Jennifer", &format!("Des{c}kel")[..], "said", "so", "Daskal"]
            );
            assert_eq!(folded(&format!("Des{c}kel")), "deskel");
        }
        // Two in a row, and one at the end of the region.
        let text = "De\u{200b}\u{200d}skel X\u{200b}";
        let found: Vec<&str> = words(text).into_iter().map(|(w, _, _)| w).collect();
        assert_eq!(found, ["De\u{200b}\u{200d}skel", "X"]);
    }

    #[test]
    fn capitalization_flags_follow_the_first_letter() {
        let text = "Émile de Gaulle's 9th ÉCOLE édition Ωmega";
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        let flags: Vec<(&str, bool, bool)> = tokens
            .iter()
            .map(|t| (t.span.slice(text), t.capitalized, t.lower_case))
            .collect();
        assert_eq!(
            flags,
            [
                ("Émile", true, false),
                ("de", false, true),
                ("Gaulle", true, false),
                ("9th", false, false),
                ("ÉCOLE", true, false),
                ("édition", false, true),
                ("Ωmega", true, false),
            ]
        );
        for t in &tokens {
            assert_eq!(t.capitalized, is_capitalized(t.span.slice(text)));
        }
    }

    #[test]
    fn plain_gaps_agree_with_the_general_rules() {
        // The fast path decides only gaps it can; each agrees with the rules
        // it skips.
        let prev = Token {
            span: Span::new(0, 3),
            gap: Gap::Break,
            sentence_start: true,
            possessive: false,
            dot_after: false,
            capitalized: false,
            lower_case: true,
        };
        for (gap, expected) in [
            (" ", Some(Gap::Space)),
            ("  \t", Some(Gap::Space)),
            (", ", Some(Gap::Break)),
            (" (", Some(Gap::Break)),
            ("; ", Some(Gap::Break)),
            ("", Some(Gap::Break)),
            ("-", None),
            (". ", None),
            ("\n", None),
            (" \u{a0}", None),
            ("\u{201c}", None),
            (" \"", None),
            (": ", None),
        ] {
            assert_eq!(plain_gap(gap.as_bytes()), expected, "{gap:?}");
            if let Some(g) = expected {
                assert_eq!(classify_gap(gap, Some("Jen")), g, "{gap:?}");
                assert!(!ends_sentence(gap, Some(&prev), "Jen"), "{gap:?}");
            }
        }
        assert_eq!(
            words("Jen Daskal, (Jen\tDaskal)"),
            [
                ("Jen", Gap::Break, true),
                ("Daskal", Gap::Space, false),
                ("Jen", Gap::Break, false),
                ("Daskal", Gap::Space, false),
            ]
        );
    }

    #[test]
    fn initials_and_apostrophes() {
        assert_eq!(
            words("Beto O’Rourke and J. K. Rowling"),
            [
                ("Beto", Gap::Break, true),
                ("O’Rourke", Gap::Space, false),
                ("and", Gap::Space, false),
                ("J", Gap::Space, false),
                ("K", Gap::Space, false),
                ("Rowling", Gap::Space, false),
            ]
        );
    }

    #[test]
    fn folding() {
        assert_eq!(folded("Velázquez"), "velazquez");
        assert_eq!(folded("O’Rourke"), "o'rourke");
        assert_eq!(folded("DASKAL"), "daskal");
        assert_eq!(
            form_words("Department of the Treasury"),
            ["department", "of", "the", "treasury"]
        );
        assert_eq!(form_words("Nicholas J. Burns"), ["nicholas", "j", "burns"]);
    }

    #[test]
    fn osa_distance_counts_what_strsim_counts() {
        for (a, b, d) in [
            ("daskal", "deskel", 2),
            ("counternarcotics", "counternarctoics", 1),
            ("jennifer", "jenifer", 1),
            ("ca", "abc", 3),
            ("", "abc", 3),
            ("velázquez", "velazquez", 1),
            ("o’rourke", "o'rourke", 1),
            ("erdoğan", "erdgoan", 2),
        ] {
            assert_eq!(osa_distance(a, b), d, "{a} {b}");
            assert_eq!(osa_distance(a, b), strsim::osa_distance(a, b), "{a} {b}");
        }
    }

    #[test]
    fn general_punctuation_is_no_word_character() {
        // The shortcut in `is_word_char` answers as Unicode's tables do.
        for c in ('\u{2000}'..='\u{206f}').chain(['\u{2019}', '\u{201c}', '\u{2014}']) {
            assert!(!c.is_alphanumeric(), "{c:?}");
            assert!(!is_word_char(c), "{c:?}");
        }
        assert!(is_word_char('\u{e9}'));
    }

    #[test]
    fn eight_byte_word_scan_agrees_with_the_byte_table() {
        for b in 0..=255u8 {
            // The byte alone, at each place of a word of eight.
            for place in 0..8 {
                let mut chunk = *b"abcdefgh";
                chunk[place] = b;
                let want = if BYTE_CLASS[b as usize] == WORD { 8 } else { place };
                assert_eq!(ascii_word_len(&chunk), want, "byte {b:#x} at {place}");
            }
        }
        // Words longer than a chunk, and a tail shorter than one.
        assert_eq!(ascii_word_len(b"Counternarctoics Working"), 16);
        assert_eq!(ascii_word_len(b"Deskel"), 6);
        assert_eq!(ascii_word_len(b"Jennifer9 x"), 9);
        assert_eq!(ascii_word_len("Daskal\u{2019}s".as_bytes()), 6);
        assert_eq!(ascii_word_len(b""), 0);
        // Every pair of bytes side by side, at each place: no byte's
        // arithmetic spills into its neighbour's.
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                for place in [0, 3, 6] {
                    let mut chunk = [b'x'; 8];
                    chunk[place] = a;
                    chunk[place + 1] = b;
                    let want = chunk
                        .iter()
                        .enumerate()
                        .filter(|&(_, &c)| BYTE_CLASS[c as usize] == WORD)
                        .fold(0u64, |m, (k, _)| m | 0x80 << (8 * k));
                    assert_eq!(
                        word_byte_mask(u64::from_le_bytes(chunk)),
                        want,
                        "{a:#x} {b:#x} at {place}"
                    );
                }
            }
        }
    }

    #[test]
    fn word_sets_hold_their_words_and_no_others() {
        for list in [TITLE_WORDS, CONNECTORS, DOTTED_ABBREVIATIONS] {
            let set = WordSet::new(list);
            for w in list {
                assert!(set.contains(w), "{w}");
                // The same first byte and length, another word.
                let other = format!(
                    "{}{}",
                    &w[..w.len() - 1],
                    if w.ends_with('q') { 'x' } else { 'q' }
                );
                assert_eq!(set.contains(&other), list.contains(&other.as_str()), "{other}");
            }
            assert!(!set.contains(""));
        }
        assert!(is_connector("van") && !is_connector("Van") && !is_connector("vanguard"));
        assert!(is_title_word("congresswoman") && !is_title_word("congresswomen"));
    }

    #[test]
    fn ascii_words_fold_and_hash_in_one_pass_as_fold_and_word_hash_do() {
        let mut buf = String::new();
        // Every length from one byte to past two chunks, capitals anywhere,
        // digits, apostrophes and the bytes around the capitals' range.
        let long = "Counternarcotics@[`{Working9'Group";
        for end in 1..=long.len() {
            for start in 0..end.min(9) {
                let w = &long[start..end];
                let (f, h) = ascii_fold_hash(w, &mut buf).expect("ASCII");
                assert_eq!(f, folded(w), "{w}");
                assert_eq!(h, word_hash(&folded(w)), "{w}");
            }
        }
        assert_eq!(
            ascii_fold_hash("daskal", &mut buf).map(|(f, _)| f),
            Some("daskal")
        );
        for w in ["o’rourke", "velázquez", "Ærø"] {
            assert_eq!(ascii_fold_hash(w, &mut buf), None, "{w}");
        }
        // Words of one to eight bytes that differ in a byte or in length
        // hash apart (the padding is counted with the length).
        let words = [
            "a",
            "b",
            "ab",
            "ba",
            "abc",
            "abcd",
            "abcde",
            "abcdef",
            "abcdefg",
            "abcdefgh",
            "abcdefgh0",
        ];
        let hashes: std::collections::HashSet<u64> = words.iter().map(|w| word_hash(w)).collect();
        assert_eq!(hashes.len(), words.len());
        assert_ne!(word_hash("a"), word_hash("a\0"));
    }

    #[test]
    fn folded_ascii_words_are_their_own_fold() {
        for w in ["daskal", "o'rourke", "g20", "treasury"] {
            assert!(is_folded_ascii(w), "{w}");
            assert_eq!(folded(w), w);
        }
        for w in ["Daskal", "o’rourke", "velázquez", "DASKAL"] {
            assert!(!is_folded_ascii(w), "{w}");
            assert_ne!(folded(w), w);
        }
    }
}
