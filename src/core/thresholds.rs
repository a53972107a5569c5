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
/// CD001 base score: the words differ only in accents.
pub const NEAR_ACCENTS: f32 = 0.7;
/// CD001 base score: one edit.
pub const NEAR_ONE_EDIT: f32 = 0.55;
/// CD001 base score: two edits of vowels or doubled letters.
pub const NEAR_SOFT_TWO_EDITS: f32 = 0.45;
/// CD001 base score: two other edits (long words only).
pub const NEAR_HARD_TWO_EDITS: f32 = 0.3;
/// CD001: the shorter word has fewer than six letters.
pub const NEAR_SHORT_PENALTY: f32 = 0.1;
/// CD001: the rest of a multi-word form matches exactly.
pub const NEAR_REST_OF_NAME: f32 = 0.3;
/// CD001: a multi-word form with a function word missing or extra.
pub const NEAR_MISSING_FUNCTION_WORD: f32 = 0.8;
/// CD001: the document names the entity correctly elsewhere.
pub const NEAR_ATTESTED: f32 = 0.3;
/// CD001: a title of the entity stands before the mention.
pub const NEAR_TITLE: f32 = 0.2;
/// CD001: the first letters differ.
pub const NEAR_FIRST_LETTER_PENALTY: f32 = 0.2;
/// CD001: the word that differs is a person's given name, not the surname.
pub const NEAR_GIVEN_NAME_PENALTY: f32 = 0.1;
/// CD001: a lone word is a part of several entities.
pub const NEAR_SHARED_PART_PENALTY: f32 = 0.2;
/// CD001: the found word is used repeatedly and the right one never.
pub const NEAR_REPEATED_PENALTY: f32 = 0.3;
/// A near miss with a score at least this is reported.
pub const REPORT_SCORE: f32 = 0.7;
/// A reported near miss with a score at least this, confirmed by the
/// document, is an error with a safe fix; below it, a warning.
pub const CONFIDENT_SCORE: f32 = 0.85;

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
/// Base score of two name words one edit apart.
pub const CONSISTENCY_ONE_EDIT: f32 = 0.5;
/// Base score of two edits that change only vowels or doubled letters.
pub const CONSISTENCY_SOFT_TWO_EDITS: f32 = 0.4;
/// Base score of any two edits (long words only).
pub const CONSISTENCY_HARD_TWO_EDITS: f32 = 0.2;
/// The first letters differ.
pub const CONSISTENCY_FIRST_LETTER_PENALTY: f32 = 0.3;
/// The shorter word has fewer than five letters.
pub const CONSISTENCY_SHORT_PENALTY: f32 = 0.15;
/// The shorter word has eight letters or more.
pub const CONSISTENCY_LONG_BONUS: f32 = 0.1;
/// Both forms share a neighbouring name word (the same or a nickname).
pub const CONSISTENCY_SHARED_NEIGHBOUR: f32 = 0.35;
/// Each form stands after a different given name.
pub const CONSISTENCY_DIFFERENT_GIVEN_NAMES: f32 = 0.5;
/// The wrong form stands alone, the right one in a full name.
pub const CONSISTENCY_REFERENCE_PATTERN: f32 = 0.25;
/// The wrong form is used more than once.
pub const CONSISTENCY_REPEATED_PENALTY: f32 = 0.3;
/// The right form is used more than once, the wrong one once.
pub const CONSISTENCY_FREQUENT_RIGHT: f32 = 0.15;
/// The wrong form is a common English word.
pub const CONSISTENCY_COMMON_WORD_PENALTY: f32 = 0.4;
/// The wrong form is a rarer English word.
pub const CONSISTENCY_RARE_WORD_PENALTY: f32 = 0.15;
/// The wrong form is a frequent surname or given name.
pub const CONSISTENCY_FREQUENT_NAME_PENALTY: f32 = 0.15;
/// The wrong form is a known proper name (a place, a name).
pub const CONSISTENCY_PROPER_PENALTY: f32 = 0.25;
/// The lexicon knows the right form as a name or place and the wrong
/// form not at all.
pub const CONSISTENCY_UNKNOWN_WRONG: f32 = 0.15;
/// Fewer bearers than this make a surname or given name rare: weak
/// evidence that a form is real (census lists hold typos too).
pub const RARE_NAME_COUNT: u32 = 1000;
/// SCOWL proper-name lists up to this size count as known places and
/// names (95 is its list of rare names and abbreviations).
pub const MAX_PROPER_SIZE: u8 = 80;
/// The dictionaries know the right form.
pub const CONSISTENCY_KNOWN_RIGHT: f32 = 0.1;
/// A word counts as a given name with at least this many bearers.
pub const GIVEN_NAME_MIN_COUNT: u32 = 1000;
/// Base score of a surname after two given names, one used once.
pub const GIVEN_NAME_BASE: f32 = 0.4;
/// Both given names start with the same letter.
pub const GIVEN_NAME_SAME_INITIAL: f32 = 0.1;
/// The surname also stands alone (one person, referred to by surname).
pub const GIVEN_NAME_SURNAME_ALONE: f32 = 0.1;
/// Surnames this common are shared by unrelated people in one story.
pub const GIVEN_NAME_COMMON_SURNAME: u32 = 100_000;
/// Penalty for such a surname.
pub const GIVEN_NAME_COMMON_SURNAME_PENALTY: f32 = 0.3;
/// With strong context, what the lexicon knows of the wrong form counts
/// this much of its full weight.
pub const CONSISTENCY_CONTEXT_DAMPING: f32 = 0.3;
/// A pair scoring at least this is reported.
pub const CONSISTENCY_REPORT_SCORE: f32 = 0.55;
/// A reported pair scoring at least this has a safe fix.
pub const CONSISTENCY_CONFIDENT_SCORE: f32 = 0.75;

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
/// The shorter word has this many letters or more: a small bonus.
pub const CROSS_FILE_LONG_LEN: usize = 8;
/// The majority form must stand in at least this many files.
pub const CROSS_FILE_MIN_MAJORITY_FILES: usize = 5;
/// … and in at least this many times as many files as the other form.
pub const CROSS_FILE_MAJORITY_RATIO: usize = 4;
/// Two forms standing side by side in this many files are two names.
pub const CROSS_FILE_MAX_SHARED_FILES: usize = 2;
/// A neighbour counts as shared when it stands with the majority form
/// in at least this share of its files.
pub const CROSS_FILE_NEIGHBOUR_SHARE: f32 = 0.2;
/// Base score of one edit.
pub const CROSS_FILE_ONE_EDIT: f32 = 0.5;
/// Base score of two edits that change only vowels or doubled letters.
pub const CROSS_FILE_SOFT_TWO_EDITS: f32 = 0.4;
/// Base score of any two edits (long words only).
pub const CROSS_FILE_HARD_TWO_EDITS: f32 = 0.2;
/// The first letters differ.
pub const CROSS_FILE_FIRST_LETTER_PENALTY: f32 = 0.3;
/// The shorter word is shorter than [`CROSS_FILE_MIN_TWO_EDIT_LEN`].
pub const CROSS_FILE_SHORT_PENALTY: f32 = 0.1;
/// The shorter word is at least [`CROSS_FILE_LONG_LEN`] long.
pub const CROSS_FILE_LONG_BONUS: f32 = 0.1;
/// The right form is the run's majority spelling.
pub const CROSS_FILE_MAJORITY: f32 = 0.15;
/// Both forms stand next to the same name word (a given name or a
/// nickname of it, the same next word).
pub const CROSS_FILE_SHARED_NEIGHBOUR: f32 = 0.35;
/// … when that name word is one of the commonest given names.
pub const CROSS_FILE_SHARED_COMMON_GIVEN_NAME: f32 = 0.2;
/// Births (SSA, 1880–2024) from which a given name is one of the
/// commonest (John, David, Jennifer; not Katherine or Anna).
pub const CROSS_FILE_COMMON_GIVEN_COUNT: u32 = 1_000_000;
/// Both forms follow the same title only.
pub const CROSS_FILE_SHARED_TITLE: f32 = 0.1;
/// The wrong form never stands in a full name, the right one mostly does.
pub const CROSS_FILE_REFERENCE_PATTERN: f32 = 0.1;
/// The lexicon knows the right form as a name or place, and the wrong
/// form not at all.
pub const CROSS_FILE_UNKNOWN_WRONG: f32 = 0.15;
/// The right form is an ordinary English word that the lexicon does not
/// know as a name ("Institute" against "Instituto").
pub const CROSS_FILE_ORDINARY_RIGHT_PENALTY: f32 = 0.2;
/// The dictionaries know the right form.
pub const CROSS_FILE_KNOWN_RIGHT: f32 = 0.1;
/// The dictionaries list both forms for one entity (aliases).
pub const CROSS_FILE_SAME_ENTITY: f32 = 0.3;
/// With a shared name word, what the lexicon knows of the wrong form
/// counts this much of its full weight.
pub const CROSS_FILE_CONTEXT_DAMPING: f32 = 0.3;
/// A pair with a majority scoring at least this is reported (CD005).
pub const CROSS_FILE_REPORT_SCORE: f32 = 0.75;

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
pub const DECISION_FEATURES: [&str; 56] = [
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
    "target_own",
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

/// The weight of each feature of [`DECISION_FEATURES`] (log-odds).
pub const DECISION_WEIGHTS: [f32; 56] = [
    2.323,  // one_edit
    -0.406, // two_soft
    -1.106, // two_hard
    0.000,  // accents
    -0.812, // missing_word
    -0.708, // word_form
    0.706,  // transposition
    -0.725, // first_differs
    -0.642, // last_differs
    -0.462, // short
    0.356,  // long
    -0.499, // found_common_word
    -0.425, // found_rare_word
    0.373,  // found_name_freq
    -1.036, // found_proper
    0.417,  // found_known
    -1.248, // found_prominence
    -1.974, // found_lower
    -2.029, // found_repeated
    -2.446, // use_ratio
    -0.806, // found_repeated_identified
    -0.920, // found_introduced
    0.476,  // sentence_initial_only
    0.965,  // found_nonword
    0.280,  // target_prominence
    0.202,  // target_known
    -0.149, // target_common_word
    1.146,  // target_name
    0.209,  // target_namesakes
    1.218,  // rest_of_name
    2.100,  // title
    -1.791, // attested
    0.027,  // right_repeated
    -0.249, // right_inside_name
    0.197,  // found_later
    0.021,  // target_identified
    1.263,  // reference_pattern
    -0.539, // different_given_names
    -0.038, // person_family_off
    -0.698, // person_given_off
    -1.538, // anchor_namesakes
    -0.424, // both_names
    4.016,  // target_own
    -0.335, // common_word_weak
    0.561,  // nonword_one_edit
    -0.010, // strong_context
    -0.203, // first_differs_without_context
    -0.278, // both_words
    0.447,  // mixed_case
    -1.017, // known_unattested
    -0.785, // known_without_context
    -0.255, // wrong_given_name
    -0.574, // from_document
    -0.989, // from_run
    -3.143, // majority
    2.860,  // side_by_side
];

/// The log-odds of a candidate with every feature 0.
pub const DECISION_BIAS: f32 = -0.623;

/// A candidate at least this likely to be a slip is reported.
pub const REPORT_CONFIDENCE: f32 = 0.5;
/// A reported candidate at least this likely, confirmed by the document or
/// the rest of the name, is an error with a safe fix; below it, a warning.
pub const SAFE_CONFIDENCE: f32 = 0.9;
