//! Every threshold the matcher uses, in one place.

/// No fuzzy match of a word shorter than this (folded bytes).
pub const MIN_FUZZY_LEN: usize = 4;
/// Two edits are considered only for words at least this long.
pub const MIN_TWO_EDIT_LEN: usize = 6;
/// Two arbitrary edits (not only vowels or doubled letters) need a word
/// at least this long.
pub const MIN_HARD_TWO_EDIT_LEN: usize = 9;
/// Edits the deletion index is built for: the most any lookup may ask.
pub const MAX_INDEXED_DISTANCE: usize = 2;
/// A lone word (a surname used alone, a word of an organisation) is
/// matched only at least this long.
pub const MIN_SINGLE_WORD_LEN: usize = 5;
/// Longest window of words tried against multi-word forms.
pub const MAX_WINDOW: usize = 8;
/// A person's name with one word exact is compared with the people who
/// have that word as their given or family name only when they are at
/// most this many.
pub const PERSON_PROBE_MAX: usize = 8;
/// At most this many candidate forms are verified per probe.
pub const MAX_CANDIDATES_PER_PROBE: usize = 64;

/// CD004: an all-lower-case name of fewer words than this is not flagged
/// ("white house" may be just a house); with a capital somewhere it is.
pub const MIN_WORDS_ALL_LOWER: usize = 3;

/// CD011: an abbreviation with fewer letters and digits than this is not
/// checked; two characters (AU, EC, G7) name too many things to say which
/// body a story means.
pub const MIN_ABBREVIATION_LEN: usize = 3;
/// CD012: a title the person left is reported only when they left it fewer
/// years than this before the story's date ("Treasury Secretary Janet
/// Yellen" in 2026); a title held long ago is the historical usage
/// ("President Abraham Lincoln"), not a lapse.
pub const MAX_YEARS_SINCE_TITLE: u16 = 10;
/// CD011: a line where at least this many other words are in capitals,
/// and they are at least half its words, is a headline set in capitals, not
/// prose that uses an abbreviation.
pub const MIN_CAPITAL_WORDS_SHOUTING: usize = 2;

// One name, two spellings in one document (CD002).

/// Name words shorter than this are not compared.
pub const MIN_CONSISTENCY_LEN: usize = 4;
/// Fewer bearers than this make a surname or given name rare: weak
/// evidence that a form is real (census lists hold typos too).
pub const RARE_NAME_COUNT: u32 = 1000;
/// SCOWL proper-name lists up to this size count as known places and
/// names (95 is its list of rare names and abbreviations).
pub const MAX_PROPER_SIZE: u8 = 80;
/// A word counts as a given name with at least this many bearers.
pub const GIVEN_NAME_MIN_COUNT: u32 = 1000;

// ---------------------------------------------------------------------
// One name, two spellings across the files of a run (CD005 and
// `copydesk names`, `matcher/cross_file.rs`). Evidence across files is
// weaker than within one story (different stories name different
// people), so the words must be longer and a majority is required.

/// Name words shorter than this are not compared across files.
pub const CROSS_FILE_MIN_LEN: usize = 5;
/// Two edits (vowels or doubled letters only) need a word this long.
pub const CROSS_FILE_MIN_TWO_EDIT_LEN: usize = 6;
/// Two arbitrary edits need a word this long.
pub const CROSS_FILE_MIN_HARD_TWO_EDIT_LEN: usize = 9;
/// The majority form must stand in at least this many files.
pub const CROSS_FILE_MIN_MAJORITY_FILES: usize = 5;
/// … and in at least this many times as many files as the other form.
pub const CROSS_FILE_MAJORITY_RATIO: usize = 4;
/// Two forms standing side by side in this many files are two names.
pub const CROSS_FILE_MAX_SHARED_FILES: usize = 2;
/// A neighbour counts as shared when it stands with the majority form
/// in at least this share of its files.
pub const CROSS_FILE_NEIGHBOUR_SHARE: f32 = 0.2;
/// Births (SSA, 1880–2024) from which a given name is one of the
/// commonest (John, David, Jennifer; not Katherine or Anna).
pub const CROSS_FILE_COMMON_GIVEN_COUNT: u32 = 1_000_000;

// ---------------------------------------------------------------------
// How a document refers to persons (CD010 first-reference, CD013
// given-name-reference, CD014 name-order; `matcher/people.rs`).

/// A line of its own with no sentence-final punctuation and at most this
/// many words reads as a heading (a headline, a subhead, a byline).
pub const HEADING_MAX_WORDS: usize = 20;
/// Names compared for the order of their words have at most this many
/// words ("Kim Jong Un" against "Jong Un Kim").
pub const NAME_ORDER_MAX_WORDS: usize = 3;
/// A given name referred to alone (CD013) has at most this many words
/// ("Jinping", "Jong Un").
pub const GIVEN_REFERENCE_MAX_WORDS: usize = 2;
/// CD010: a surname after an honorific that the story never gives in full
/// ("Mr. Erdoğan") is matched to the one dictionary person of that family
/// name only when it has at least this many letters.
pub const FIRST_REFERENCE_DICT_MIN_LEN: usize = 4;

// ---------------------------------------------------------------------
// The decision every near miss goes through (CD001, CD002, CD005;
// `matcher/decision.rs`): a logistic model over named features.

/// The features, in the order of [`DECISION_WEIGHTS`]; the matcher's
/// `Features::NAMES` must be this list (a test says so).
pub const DECISION_FEATURES: [&str; 55] = [
    "one_edit",
    "two_soft",
    "two_hard",
    "accents",
    "missing_word",
    "word_form",
    "transposition",
    "first_differs",
    "last_differs",
    "short",
    "long",
    "found_common_word",
    "found_rare_word",
    "found_name_freq",
    "found_proper",
    "found_known",
    "found_prominence",
    "found_lower",
    "found_repeated",
    "use_ratio",
    "found_repeated_identified",
    "found_introduced",
    "sentence_initial_only",
    "found_nonword",
    "target_prominence",
    "target_known",
    "target_common_word",
    "target_name",
    "target_namesakes",
    "rest_of_name",
    "title",
    "attested",
    "right_repeated",
    "right_inside_name",
    "found_later",
    "target_identified",
    "reference_pattern",
    "different_given_names",
    "person_family_off",
    "person_given_off",
    "anchor_namesakes",
    "both_names",
    "common_word_weak",
    "nonword_one_edit",
    "strong_context",
    "first_differs_without_context",
    "both_words",
    "mixed_case",
    "known_unattested",
    "known_without_context",
    "wrong_given_name",
    "from_document",
    "from_run",
    "majority",
    "side_by_side",
];

/// The weight of each feature of [`DECISION_FEATURES`] (log-odds), one
/// column per source of candidates (CD001's dictionary, CD002's document,
/// CD005's run: the same evidence says different things in each), with
/// [`DECISION_BIAS`]: fitted by `tests/calibration/fit.py --write`
/// (L2-regularised logistic regression, `--l2 3`, Newton's method) on the
/// candidates `copydesk candidates` gives on the six training splits of
/// `make_sets.py --seed 2 --size-scale 2` (BBC articles with slips injected
/// at the rates of MATCHING-NOTES.md, real printed pairs, officials, drafts,
/// clean text). Never on the dev split. Cross-validated figures are in
/// docs/accuracy.md.
pub const DECISION_WEIGHTS: [[f32; 3]; 55] = [
    [1.408, 1.415, 2.032],    // one_edit
    [-0.435, 0.013, -0.964],  // two_soft
    [-0.686, -1.429, -1.069], // two_hard
    [0.000, 0.000, 0.000],    // accents
    [-0.286, 0.000, 0.000],   // missing_word
    [0.687, 0.000, -1.071],   // word_form
    [0.635, 0.400, 1.056],    // transposition
    [-1.130, -0.479, -0.545], // first_differs
    [-1.317, -0.088, -0.719], // last_differs
    [-0.491, -0.474, -0.782], // short
    [1.069, -0.127, 0.107],   // long
    [-0.194, -0.354, -0.230], // found_common_word
    [-0.059, -0.753, -0.565], // found_rare_word
    [-0.531, 0.187, 0.835],   // found_name_freq
    [-0.699, -0.389, -1.320], // found_proper
    [-0.595, -0.215, 0.211],  // found_known
    [-0.316, -0.394, -1.013], // found_prominence
    [-0.275, -0.826, -1.552], // found_lower
    [-1.347, -2.725, 0.284],  // found_repeated
    [-0.433, -1.612, -0.648], // use_ratio
    [-1.708, -0.269, -0.861], // found_repeated_identified
    [0.232, -0.611, -0.619],  // found_introduced
    [1.049, -0.354, 0.900],   // sentence_initial_only
    [0.511, 0.672, 1.166],    // found_nonword
    [-0.842, 0.074, 0.691],   // target_prominence
    [-0.000, 0.241, -0.172],  // target_known
    [0.420, -0.461, -0.139],  // target_common_word
    [0.286, 1.069, 0.826],    // target_name
    [-0.020, 0.628, 0.124],   // target_namesakes
    [1.097, 0.110, 1.280],    // rest_of_name
    [2.233, 0.000, 1.623],    // title
    [-1.029, -0.000, -0.000], // attested
    [1.047, 0.774, -0.195],   // right_repeated
    [0.000, -0.647, 0.000],   // right_inside_name
    [0.292, 2.265, -1.241],   // found_later
    [-0.418, 0.438, -0.759],  // target_identified
    [-0.486, 1.013, 0.828],   // reference_pattern
    [0.000, -0.087, -0.972],  // different_given_names
    [0.859, 0.000, 0.000],    // person_family_off
    [-0.637, 0.000, 0.000],   // person_given_off
    [-1.135, 0.000, 0.000],   // anchor_namesakes
    [-0.121, -0.404, -0.442], // both_names
    [-0.119, -0.241, -0.712], // common_word_weak
    [0.190, 0.626, 0.370],    // nonword_one_edit
    [0.502, 0.607, -0.064],   // strong_context
    [-0.093, 0.053, -0.631],  // first_differs_without_context
    [0.090, -0.127, -1.112],  // both_words
    [0.102, -0.353, 0.392],   // mixed_case
    [-2.015, 0.000, 0.000],   // known_unattested
    [-0.414, -1.460, -1.148], // known_without_context
    [-1.195, 1.358, 0.000],   // wrong_given_name
    [0.000, -0.000, 0.000],   // from_document
    [0.000, 0.000, -0.000],   // from_run
    [0.000, 0.000, 0.502],    // majority
    [0.000, 0.000, 0.770],    // side_by_side
];

/// The log-odds of a candidate with every feature 0, per source.
pub const DECISION_BIAS: [f32; 3] = [2.784, -3.522, -2.142];

/// A candidate at least this likely to be a slip is reported. Chosen on the
/// training splits' cross-validated operating points (`fit.py`): the knee
/// where each step of 0.05 lower buys at most a point of recall per split
/// for a quarter of a false flag per 10k words of clean news, or more.
pub const REPORT_CONFIDENCE: f32 = 0.7;
/// A reported candidate at least this likely, confirmed by the document or
/// the rest of the name, is an error with a safe fix; below it, a warning.
/// Cross-validated, 97.4 % of the candidates at or above it are real slips
/// (0.9: 98.2 %, but a two-edit slip confirmed by the story, DESIGN.md's
/// "Jennifer Deskel" after "Jen Daskal", falls below it).
pub const SAFE_CONFIDENCE: f32 = 0.85;
