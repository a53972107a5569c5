//! The one decision every near miss goes through: CD001 (a near miss of a
//! dictionary form), CD002 (two spellings in one story) and CD005 (two
//! spellings across the files of a run).
//!
//! Each candidate is described by named [`Features`]: how the two words
//! differ, what the lexicon and the dictionaries know of each, and what the
//! document says around them. A logistic model turns them into a
//! [`confidence`], the probability that the candidate is a real slip; its
//! weights are fitted on labelled data built for it (see
//! `tests/calibration/`) and live in [`crate::thresholds`]. Nothing here
//! vetoes: a word being known, common or repeated weighs, and strong context
//! outweighs it.

use crate::dictionary::Dictionary;
use crate::entity::{EntityId, Prominence};
use crate::lexicon::{self, LexEntry};
use crate::span::Span;
use crate::thresholds::{DECISION_BIAS, DECISION_WEIGHTS};
use crate::words::soft_pair;

/// Declares [`Features`], its field names in order and its values in the
/// same order: the order of [`DECISION_WEIGHTS`].
macro_rules! features {
    ($( $(#[$doc:meta])* $name:ident, )*) => {
        /// What is known about one candidate slip: a found word (or name)
        /// and the form it may be a slip for. Every field is a number,
        /// mostly 0 or 1; see each for its meaning.
        #[derive(Clone, Copy, Debug, Default, PartialEq)]
        pub struct Features {
            $( $(#[$doc])* pub $name: f32, )*
        }

        impl Features {
            /// The features' names, in the order of [`Features::values`].
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            /// The features' values, in the order of [`Features::NAMES`].
            pub fn values(&self) -> [f32; FEATURE_COUNT] {
                [$(self.$name),*]
            }
        }
    };
}

/// How many features a candidate has.
pub const FEATURE_COUNT: usize = DECISION_WEIGHTS.len();

features! {
    // How the words differ.
    /// One edit (a transposition counts as one).
    one_edit,
    /// Two edits that change only vowels or doubled letters.
    two_soft,
    /// Two other edits.
    two_hard,
    /// The same letters but for accents.
    accents,
    /// A function word missing or extra in a name of several words
    /// ("Department of Treasury").
    missing_word,
    /// One word is the other with an ending: a plural, a demonym
    /// ("Institute" and "Institutes").
    word_form,
    /// Two neighbouring letters swapped.
    transposition,
    /// The first letters differ.
    first_differs,
    /// The last letters differ.
    last_differs,
    /// The shorter word has fewer than six letters.
    short,
    /// The shorter word has nine letters or more.
    long,

    // What the found word is.
    /// A common English word (SCOWL's small list).
    found_common_word,
    /// A rarer English word.
    found_rare_word,
    /// How common a surname or given name it is: log10 of its bearers over
    /// 6, 0 to 1.
    found_name_freq,
    /// A place or name of SCOWL's proper-name lists.
    found_proper,
    /// A word of some entity's name in the dictionaries.
    found_known,
    /// The prominence of the most prominent entity whose name has the
    /// word, over 3 (0 when none).
    found_prominence,
    /// Used in lower case in the document (an ordinary word here).
    found_lower,
    /// Used more than once (in more than one file, across a run).
    found_repeated,
    /// How much more the found form is used than the right one: log2 of
    /// the ratio of their uses (files, across a run), over 3, -1 to 1.
    use_ratio,
    /// Used more than once, and the document identifies the entity meant
    /// (an exact mention of it, a title of it): a slip repeated.
    found_repeated_identified,
    /// Stands in a name of several capitalised words of its own somewhere
    /// in the document ("Nick Jonas" beside "Brenda Jones").
    found_introduced,
    /// Every use starts a sentence.
    sentence_initial_only,
    /// No word at all: no English word, no name or place the lexicon
    /// knows, no word of the dictionaries.
    found_nonword,

    // What the right form is.
    /// The prominence of the entity the form names, over 3 (CD001), or of
    /// the most prominent entity with the right word (CD002, CD005).
    target_prominence,
    /// The dictionaries know the right form.
    target_known,
    /// The right form is a common English word.
    target_common_word,
    /// The right form is a name or place the lexicon or the dictionaries
    /// know.
    target_name,
    /// How many entities share the right word, log2 over 4, 0 to 1.
    target_namesakes,

    // What the document says.
    /// The rest of the name matches: the other words of a form (CD001), a
    /// shared neighbouring name word or a nickname of it (CD002, CD005).
    rest_of_name,
    /// A title of the entity stands before it.
    title,
    /// The document names the entity, or writes the right form, elsewhere.
    attested,
    /// The right form is used more than once.
    right_repeated,
    /// Every use of the right word stands inside the name of a place or
    /// body of several words ("Kong" of "Hong Kong"), which the found word
    /// alone cannot mean.
    right_inside_name,
    /// The found form is first used after the right one (a story's first
    /// mention of a name is the one most often checked).
    found_later,
    /// The right form stands in an exact mention of a dictionary entity.
    target_identified,
    /// The found word stands alone, the right one was introduced in a full
    /// name (the reference pattern of news writing).
    reference_pattern,
    /// Each form stands after a different given name: two people.
    different_given_names,
    /// A person's name with the given name as the rest of it and the family
    /// name off ("David Walliams" for "David Williams"): a given name is
    /// weak evidence, many people share it.
    person_family_off,
    /// A person's name with the family name as the rest of it and the given
    /// name off ("Kier Starmer").
    person_given_off,
    /// For a person's name, how many people of the dictionaries share the
    /// word that matches exactly (the given or family name): log2 over 6,
    /// 0 to 1. "Lee" and "John" point at nobody in particular.
    anchor_namesakes,
    /// Both forms are frequent names ("Mohammad", "Mohammed"; "Anderson",
    /// "Andersen"): spellings of names people really have.
    both_names,
    /// A common English word, and every use starts a sentence or it is
    /// short: most likely the word itself.
    common_word_weak,
    /// No word at all, one edit from the right form, and not short: what a
    /// spell checker would flag.
    nonword_one_edit,
    /// Any of the rest of the name (more than a given name), a title or the
    /// reference pattern.
    strong_context,
    /// The first letters differ and no context says one name is meant.
    first_differs_without_context,
    /// Both forms are English words ("Center", "Centre").
    both_words,
    /// The found form has a capital inside it ("SpaceX").
    mixed_case,
    /// The found form is a word or name someone knows, and the document
    /// names the entity nowhere else, by no title, under no other form.
    known_unattested,
    /// The found form is a word or name someone knows (the lexicon, the
    /// dictionaries) and nothing but the spelling says it is a slip.
    known_without_context,
    /// A given name before a surname the document also gives with another
    /// given name ("Christian Bolden" once, "Charles Bolden" twice).
    wrong_given_name,

    // Where the candidate comes from (CD001 is the base).
    /// Two spellings within one document (CD002).
    from_document,
    /// Two spellings across the files of a run (CD005).
    from_run,
    /// Across a run: the right form is in this many times the files of the
    /// found one, log2 over 4, 0 to 1.
    majority,
    /// Across a run: both forms stand in one file more than once.
    side_by_side,
}

/// Holders of a word counted before [`Features::target_namesakes`] is 1.
const NAMESAKES_ENOUGH: usize = 16;

/// 1 for true, 0 for false.
pub(crate) fn flag(b: bool) -> f32 {
    if b { 1.0 } else { 0.0 }
}

/// Complete the features derived from the others, and weigh them: the
/// features as weighed and the probability that the candidate is a slip.
pub fn weigh(mut f: Features) -> (Features, f32) {
    let rest = f.rest_of_name > 0.0 && f.person_family_off == 0.0;
    f.strong_context = flag(rest || f.title > 0.0 || f.reference_pattern > 0.0);
    f.nonword_one_edit = flag(f.found_nonword > 0.0 && f.one_edit > 0.0 && f.short == 0.0);
    f.common_word_weak = flag(f.found_common_word > 0.0 && (f.sentence_initial_only > 0.0 || f.short > 0.0));
    let known = f.found_common_word + f.found_rare_word + f.found_proper + f.found_known > 0.0
        || f.found_name_freq > 0.5;
    f.known_without_context = flag(known && f.strong_context == 0.0);
    f.first_differs_without_context = flag(f.first_differs > 0.0 && f.strong_context == 0.0);
    f.both_words = flag(f.found_common_word + f.found_rare_word > 0.0 && f.target_common_word > 0.0);
    f.known_unattested = flag(known && f.attested == 0.0 && f.title == 0.0 && f.target_identified == 0.0);
    (f, confidence(&f))
}

/// The probability that a candidate with these features is a real slip.
pub fn confidence(f: &Features) -> f32 {
    let source = f.source() as usize;
    let z: f32 = f
        .values()
        .iter()
        .zip(DECISION_WEIGHTS.iter())
        .map(|(x, w)| x * w[source])
        .sum::<f32>()
        + DECISION_BIAS[source];
    1.0 / (1.0 + (-z).exp())
}

impl Features {
    /// Where the candidate comes from: the column of its weights.
    pub fn source(&self) -> Source {
        if self.from_run > 0.0 {
            Source::Run
        } else if self.from_document > 0.0 {
            Source::Document
        } else {
            Source::Dictionary
        }
    }

    /// How two folded words differ, `distance` edits apart (0: accents
    /// only).
    pub(crate) fn spelling(&mut self, found: &str, right: &str, distance: usize) {
        self.one_edit = flag(distance == 1);
        let soft = soft_pair(found, right);
        self.two_soft = flag(distance == 2 && soft);
        self.two_hard = flag(distance >= 2 && !soft);
        self.accents = flag(distance == 0);
        self.word_form = flag(super::is_word_form(found, right));
        self.transposition = flag(distance == 1 && is_transposition(found, right));
        self.first_differs = flag(found.chars().next() != right.chars().next());
        self.last_differs = flag(found.chars().last() != right.chars().last());
        let len = found.chars().count().min(right.chars().count());
        self.short = flag(len < 6);
        self.long = flag(len >= 9);
    }

    /// How often the found form and the right one are used (in a document,
    /// or the files of a run).
    pub(crate) fn uses(&mut self, found: usize, right: usize) {
        self.found_repeated = flag(found >= 2);
        self.right_repeated = flag(right >= 2);
        self.use_ratio = ((found.max(1) as f32 / right.max(1) as f32).log2() / 3.0).clamp(-1.0, 1.0);
    }

    /// What the lexicon knows of the found word and of the right one.
    pub(crate) fn lexicon(&mut self, found: &LexEntry, right: &LexEntry) {
        self.found_common_word = flag(found.is_common_word());
        self.found_rare_word = flag(found.english > 0 && !found.is_common_word());
        let bearers = found.surname.max(found.given);
        self.found_name_freq = if bearers == 0 {
            0.0
        } else {
            ((bearers as f32).log10() / 6.0).clamp(0.0, 1.0)
        };
        self.found_proper = flag(found.is_proper());
        self.found_nonword = flag(found.english == 0 && !found.is_name());
        self.target_common_word = flag(right.is_common_word());
        let frequent = |l: &LexEntry| l.is_frequent_surname() || l.is_frequent_given_name();
        self.both_names = flag(frequent(found) && frequent(right));
        self.target_name = flag(right.is_name());
    }

    /// What the dictionaries know of the found word and of the right one
    /// (both folded). `target` is the entity a CD001 candidate names; for
    /// the others, the most prominent entity with the right word counts.
    pub(crate) fn dictionary(
        &mut self,
        dict: &Dictionary,
        found: &str,
        right: &str,
        target: Option<EntityId>,
    ) {
        let holders = |word: &str| -> (usize, u8) {
            let Some(w) = dict.index.word_id(word) else {
                return (0, 0);
            };
            // Enough to say "many" and "the most prominent": a common word
            // has thousands of holders.
            let mut n = 0;
            let mut most = 0;
            for (e, _) in dict.index.parts(w) {
                n += 1;
                most = most.max(dict.prominence(e));
                if n >= NAMESAKES_ENOUGH && most == Prominence::PROMINENT {
                    break;
                }
            }
            (n, most)
        };
        let (nf, pf) = holders(found);
        self.found_known = flag(dict.index.word_id(found).is_some());
        if self.found_known > 0.0 {
            self.found_nonword = 0.0;
        }
        self.found_prominence = if nf > 0 { f32::from(pf) / 3.0 } else { 0.0 };
        let (nr, pr) = holders(right);
        self.target_known = flag(target.is_some() || nr > 0);
        if self.target_known > 0.0 {
            self.target_name = 1.0;
        }
        self.target_prominence = match target {
            Some(e) => f32::from(dict.prominence(e)) / 3.0,
            None if nr > 0 => f32::from(pr) / 3.0,
            None => 0.0,
        };
        self.target_namesakes = ((nr.max(1) as f32).log2() / 4.0).clamp(0.0, 1.0);
    }
}

/// True when a word has a capital after its first letter and is not all
/// capitals ("SpaceX", "eBay"; "McDonald" too).
pub(crate) fn is_mixed_case(surface: &str) -> bool {
    surface.chars().skip(1).any(char::is_uppercase) && surface.chars().any(char::is_lowercase)
}

/// True when `found` is `word` with capitals added after it ("SpaceX" of
/// "Space"): a name built on the word, not a slip of it.
pub(crate) fn is_brand_of(found: &str, word: &str) -> bool {
    found.get(word.len()..).is_some_and(|rest| {
        found[..word.len()].eq_ignore_ascii_case(word) && rest.chars().any(char::is_uppercase)
    })
}

/// True when the words differ by two neighbouring letters swapped.
fn is_transposition(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    diff.len() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
}

/// The lexicon's view of a folded word.
pub(crate) fn lex(word: &str) -> LexEntry {
    lexicon::lexicon().get(word).unwrap_or_default()
}

/// Which rule a candidate is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// CD001: a near miss of a dictionary form.
    Dictionary,
    /// CD002: two spellings in one document.
    Document,
    /// CD005: two spellings across the files of a run.
    Run,
}

impl Source {
    /// `dictionary`, `document` or `run`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Dictionary => "dictionary",
            Source::Document => "document",
            Source::Run => "run",
        }
    }
}

/// One candidate the matcher weighed, kept for `--format candidates` (the
/// calibration's input): reported or not.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Which rule it is for.
    pub source: Source,
    /// The text that may be wrong.
    pub span: Span,
    /// What would replace it.
    pub suggestion: String,
    /// What was known.
    pub features: Features,
    /// [`confidence`] of the features.
    pub confidence: f32,
    /// How many findings it makes when reported (CD002 flags every use of
    /// the form taken for wrong).
    pub uses: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::thresholds::DECISION_FEATURES;

    #[test]
    fn the_weights_are_named_in_the_order_of_the_features() {
        assert_eq!(Features::NAMES, DECISION_FEATURES);
    }

    #[test]
    fn confidence_rises_with_evidence() {
        let mut f = Features::default();
        f.spelling("deskel", "daskal", 2);
        let (_, alone) = weigh(f);
        f.rest_of_name = 1.0;
        f.attested = 1.0;
        let (_, confirmed) = weigh(f);
        assert!(confirmed > alone, "{confirmed} > {alone}");
        assert!((0.0..=1.0).contains(&alone) && (0.0..=1.0).contains(&confirmed));
    }

    #[test]
    fn transpositions_and_mixed_case() {
        assert!(is_transposition("narctoics", "narcotics"));
        assert!(!is_transposition("deskel", "daskal"));
        assert!(is_mixed_case("SpaceX") && is_mixed_case("McDonald"));
        assert!(!is_mixed_case("Daskal") && !is_mixed_case("NASA"));
        assert!(is_brand_of("SpaceX", "Space"));
        assert!(!is_brand_of("PlayStationn", "PlayStation"));
    }
}
