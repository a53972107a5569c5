//! One name, two spellings: the name words of a document compared with each
//! other, no dictionary needed.
//!
//! Every capitalised word of a name run is a *name word*. Pairs of distinct
//! name words a few edits apart are found through a small deletion index
//! over the document's own words, then weighed: where the edit falls, the
//! words around each use (a shared given name, a shared next word), the
//! journalistic reference pattern (a full name once, the surname alone
//! later), how often each form is used, and what the dictionaries and the
//! background lexicon know of each. The rarer, less supported form is
//! reported. The weights live in [`crate::thresholds`].

use super::decision::{self, Candidate, Features, Source, flag, lex};
use super::{Analysis, Match, is_word_form};
use crate::dictionary::Dictionary;
use crate::dictionary::index::{Reach, close_pairs};
use crate::entity::EntityKind;
use crate::lexicon::{self, LexEntry};
use crate::span::Span;
use crate::thresholds::*;
use crate::words::{is_all_caps, is_capitalized, is_connector, is_title_word, soft_pair};
use smallvec::SmallVec;
use smol_str::SmolStr;

/// What the document says about one name word.
#[derive(Clone, Debug, PartialEq)]
pub struct NameWord {
    /// The folded word (held inline when short, as most are: a document
    /// has hundreds of name words, and two allocations each showed).
    pub folded: SmolStr,
    /// How it is written (its first capitalised use).
    pub surface: SmolStr,
    /// Capitalised uses, as token indexes (held inline up to two: most
    /// name words of a story are used once or twice).
    pub tokens: SmallVec<[usize; 2]>,
    /// Uses in lower case (an ordinary word).
    pub lower: usize,
    /// True when some use stands in a run with another capitalised name word.
    pub in_full_name: bool,
    /// True when some use stands alone (no other name word in its run).
    pub alone: bool,
    /// The name words right before it in its runs (given names, titles),
    /// as indexes in [`Analysis::names`], once per use.
    pub before: SmallVec<[u32; 2]>,
    /// The name words right after it in its runs, likewise.
    pub after: SmallVec<[u32; 2]>,
    /// True when every use starts a sentence.
    pub sentence_initial_only: bool,
}

/// Two name words of a document a few edits apart, and what was made of them.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// One name word, in [`Analysis::names`].
    pub a: usize,
    /// The other.
    pub b: usize,
    /// The weighed pair, or why it was set aside.
    pub verdict: Result<Inconsistency, &'static str>,
}

/// A pair of name words that look like one name spelled two ways.
#[derive(Clone, Debug, PartialEq)]
pub struct Inconsistency {
    /// Index of the form believed wrong, in [`Analysis::names`].
    pub wrong: usize,
    /// Index of the form believed right.
    pub right: usize,
    /// Edits between them (0: accents only).
    pub distance: usize,
    /// The probability that the wrong form is a slip
    /// ([`super::decision::confidence`]).
    pub confidence: f32,
    /// What was known when the pair was weighed.
    pub features: Features,
    /// True when the dictionaries know the right form.
    pub right_known: bool,
    /// The uses to flag: every use of the wrong form, or for a wrong given
    /// name only the use before the shared surname.
    pub tokens: Vec<usize>,
    /// Where the right form is used: its first use, or for a given name its
    /// first use before the surname.
    pub right_use: usize,
    /// For a wrong given name: the surname both given names stand before.
    pub surname: Option<usize>,
    /// Uses of the right and the wrong form (for a given name: before the surname).
    pub counts: (usize, usize),
}

/// Words that say a story is about a family: two people may share a surname.
const FAMILY_WORDS: &[&str] = &[
    "brother",
    "brothers",
    "sister",
    "sisters",
    "wife",
    "husband",
    "son",
    "sons",
    "daughter",
    "daughters",
    "father",
    "mother",
    "family",
    "twin",
    "twins",
    "cousin",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "grandson",
    "granddaughter",
    "grandfather",
    "grandmother",
    "widow",
    "widower",
    "siblings",
    "parents",
    "couple",
    "spouse",
    "née",
    "nee",
    "stepson",
    "stepdaughter",
    "dad",
    "mom",
    "mum",
];

impl Analysis {
    /// Collect the document's name words.
    pub(super) fn collect_names(&mut self, text: &str) {
        // The name word of each word of the document, if it is one.
        let mut index: Vec<u32> = vec![u32::MAX; self.words.ranges.len()];
        // At most one name word per distinct capitalised word.
        let capitalised = self.words.capitalised.iter().filter(|c| c.1 > 0).count();
        let mut names: Vec<NameWord> = Vec::with_capacity(capitalised);
        // Reused for each run (most runs are one word).
        let mut caps: Vec<usize> = Vec::new();
        let mut ids: Vec<u32> = Vec::new();
        for run in &self.runs {
            caps.clear();
            caps.extend(run.tokens.clone().filter(|&i| {
                let w = self.tokens[i].span.slice(text);
                self.tokens[i].capitalized && !is_connector(w) && !w.bytes().any(|b| b.is_ascii_digit())
            }));
            // The name word of each capitalised token, then its neighbours.
            ids.clear();
            ids.extend(caps.iter().map(|&i| {
                let folded = self.folded(i);
                let slot = &mut index[self.token_words[i] as usize];
                if *slot == u32::MAX {
                    *slot = names.len() as u32;
                    names.push(NameWord {
                        folded: SmolStr::new(folded),
                        surface: SmolStr::new(self.tokens[i].span.slice(text)),
                        tokens: SmallVec::new(),
                        lower: 0,
                        in_full_name: false,
                        alone: false,
                        before: SmallVec::new(),
                        after: SmallVec::new(),
                        sentence_initial_only: true,
                    });
                }
                *slot
            }));
            // Titles ("Mr", "President") make no full name.
            let named = caps.iter().filter(|&&i| !is_title_word(self.folded(i))).count();
            for (k, &i) in caps.iter().enumerate() {
                let nw = &mut names[ids[k] as usize];
                nw.tokens.push(i);
                if named >= 2 {
                    nw.in_full_name = true;
                } else {
                    nw.alone = true;
                }
                if !self.tokens[i].sentence_start {
                    nw.sentence_initial_only = false;
                }
                // Neighbours inside the run, across a hyphen only when the
                // words are joined by one ("US-China").
                if k > 0 && caps[k - 1] + 1 == i {
                    nw.before.push(ids[k - 1]);
                    // "Tomasz and Marek Sekielski": Tomasz is a given name of the surname too.
                    if k > 1 && caps[k - 2] + 2 == caps[k - 1] && self.folded(caps[k - 2] + 1) == "and" {
                        nw.before.push(ids[k - 2]);
                    }
                }
                if k + 1 < caps.len() && caps[k + 1] == i + 1 {
                    nw.after.push(ids[k + 1]);
                }
            }
        }
        for n in &mut names {
            n.lower = self.words.lower[self.token_words[n.tokens[0]] as usize] as usize;
        }
        self.names = names;
        self.name_of_word = index;
    }

    /// Find pairs of name words that look like one name spelled two ways.
    pub(super) fn find_inconsistencies(&mut self, text: &str, dict: &Dictionary) {
        let names = &self.names;
        // Tokens already explained by the dictionary.
        let mut near_tokens = vec![false; self.tokens.len()];
        let mut known_tokens = vec![false; self.tokens.len()];
        // Tokens inside the exact name of a place or body of several words.
        let mut in_body_name = vec![false; self.tokens.len()];
        for m in &self.mentions {
            let marks = match m.matched {
                Match::Near(_) => &mut near_tokens,
                Match::Known { .. } => &mut known_tokens,
            };
            for t in m.tokens.clone() {
                marks[t] = true;
            }
            if let Match::Known { form, .. } = m.matched
                && m.tokens.len() >= 2
                && dict.entity(dict.form(form).entity).kind != EntityKind::Person
            {
                in_body_name[m.tokens.clone()].fill(true);
            }
        }

        // The document's own name words, paired through their deletions
        // and skeletons. A word the dictionary matched exactly everywhere
        // it stands is never the wrong one (exact beats near), so one of
        // each pair must stand somewhere outside a dictionary match.
        let may_be_wrong = |i: u32| {
            names[i as usize]
                .tokens
                .iter()
                .any(|&t| !near_tokens[t] && !known_tokens[t])
        };
        let reach = |w: &str| Reach::for_edits(w, MIN_TWO_EDIT_LEN - 1, MIN_HARD_TWO_EDIT_LEN - 1);
        let pairs: Vec<(usize, usize)> = close_pairs(
            names
                .iter()
                .enumerate()
                .filter(|(_, n)| n.folded.len() >= MIN_CONSISTENCY_LEN)
                .map(|(i, n)| (i as u32, n.folded.as_str(), reach(&n.folded))),
            may_be_wrong,
        )
        .into_iter()
        .map(|(a, b)| (a as usize, b as usize))
        .collect();
        // Name words after one given name (or before one word) are also
        // paired when further apart than the deletion index reaches.
        let mut pairs = pairs;
        let mut by_neighbour: Vec<(u32, bool, usize)> = Vec::new();
        for (i, n) in names.iter().enumerate() {
            if n.folded.len() >= MIN_SINGLE_WORD_LEN {
                by_neighbour.extend(n.before.iter().map(|&b| (b, true, i)));
                by_neighbour.extend(n.after.iter().map(|&b| (b, false, i)));
            }
        }
        by_neighbour.sort_unstable();
        by_neighbour.dedup();
        for group in by_neighbour.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
            for (k, x) in group.iter().enumerate() {
                for y in &group[k + 1..] {
                    let (a, b) = (x.2.min(y.2), x.2.max(y.2));
                    if a != b
                        && (may_be_wrong(a as u32) || may_be_wrong(b as u32))
                        && !pairs.contains(&(a, b))
                    {
                        pairs.push((a, b));
                    }
                }
            }
        }

        let mut found: Vec<Inconsistency> = Vec::new();
        let mut verdicts = Vec::with_capacity(pairs.len());
        for (a, b) in pairs {
            let marks = Marks {
                near: &near_tokens,
                known: &known_tokens,
                in_body_name: &in_body_name,
            };
            let weighed = self.weigh(a, b, text, dict, &marks);
            // Both ways round are candidates; the more likely is the verdict.
            for inc in weighed.iter().flatten() {
                self.candidates.push(Candidate {
                    source: Source::Document,
                    span: self.tokens[inc.tokens[0]].span,
                    suggestion: self.tokens[inc.right_use].span.slice(text).to_owned(),
                    features: inc.features,
                    confidence: inc.confidence,
                    uses: inc.tokens.len(),
                });
            }
            let verdict = weighed.map(|mut w| w.swap_remove(0));
            if let Ok(inc) = &verdict
                && inc.confidence >= REPORT_CONFIDENCE
            {
                found.push(inc.clone());
            }
            verdicts.push(Pair { a, b, verdict });
        }
        self.pairs = verdicts;
        // One verdict per wrong form: the best-supported right form.
        found.sort_by(|x, y| x.wrong.cmp(&y.wrong).then(y.confidence.total_cmp(&x.confidence)));
        found.dedup_by_key(|i| i.wrong);
        // A form believed right elsewhere is not also wrong.
        let rights: Vec<usize> = found.iter().map(|i| i.right).collect();
        found.retain(|i| !rights.contains(&i.wrong));
        let flagged: Vec<usize> = found.iter().flat_map(|i| i.tokens.iter().copied()).collect();
        for inc in self.wrong_given_names(text, dict, &near_tokens, &known_tokens) {
            self.candidates.push(Candidate {
                source: Source::Document,
                span: self.tokens[inc.tokens[0]].span,
                suggestion: self.tokens[inc.right_use].span.slice(text).to_owned(),
                features: inc.features,
                confidence: inc.confidence,
                uses: inc.tokens.len(),
            });
            if inc.confidence >= REPORT_CONFIDENCE && !inc.tokens.iter().any(|t| flagged.contains(t)) {
                found.push(inc);
            }
        }
        self.inconsistencies = found;
    }

    /// One surname after two given names, one of them used once: "Charles
    /// Bolden" twice and "Christian Bolden" once. Family members and
    /// namesakes exist, so the evidence must be strong: no word of family in
    /// the story, both words real given names, and no other given name.
    fn wrong_given_names(
        &self,
        text: &str,
        dict: &Dictionary,
        near_tokens: &[bool],
        known_tokens: &[bool],
    ) -> Vec<Inconsistency> {
        let mut out = Vec::new();
        for (s, surname) in self.names.iter().enumerate() {
            if surname.folded.len() < MIN_CONSISTENCY_LEN || !surname.in_full_name {
                continue;
            }
            // Given names right before the surname: (given name word, token of the given name).
            let mut givens: Vec<(usize, usize)> = Vec::new();
            for &t in &surname.tokens {
                if t == 0 || !self.joined(t) {
                    continue;
                }
                let g = t - 1;
                let gw = self.tokens[g].span.slice(text);
                let gf = self.folded(g);
                if !is_capitalized(gw) || is_all_caps(gw) || is_title_word(gf) || is_connector(gf) {
                    continue;
                }
                // "The Trump administration": a common word at a sentence start is no given name.
                let l = lex(gf);
                if (self.tokens[g].sentence_start && l.is_common_word()) || l.given < GIVEN_NAME_MIN_COUNT {
                    continue;
                }
                match self.name_of_word[self.token_words[g] as usize] {
                    u32::MAX => {}
                    gi => givens.push((gi as usize, g)),
                }
            }
            let mut distinct: Vec<usize> = givens.iter().map(|&(gi, _)| gi).collect();
            distinct.sort_unstable();
            distinct.dedup();
            if distinct.len() != 2 {
                continue;
            }
            let count = |gi: usize| givens.iter().filter(|&&(x, _)| x == gi).count();
            let (g1, g2) = (distinct[0], distinct[1]);
            let (right, wrong) = match count(g1).cmp(&count(g2)) {
                std::cmp::Ordering::Greater => (g1, g2),
                std::cmp::Ordering::Less => (g2, g1),
                // A tie: the later use is the slip.
                std::cmp::Ordering::Equal => {
                    let first = |gi: usize| givens.iter().find(|&&(x, _)| x == gi).map_or(0, |&(_, t)| t);
                    if first(g1) < first(g2) { (g1, g2) } else { (g2, g1) }
                }
            };
            if count(wrong) != 1 {
                continue;
            }
            let (fw, fr) = (
                self.names[wrong].folded.as_str(),
                self.names[right].folded.as_str(),
            );
            if lexicon::are_nicknames(fw, fr) || is_word_form(fw, fr) {
                continue;
            }
            let wrong_token = givens.iter().find(|&&(x, _)| x == wrong).map_or(0, |&(_, t)| t);
            let right_token = givens.iter().find(|&&(x, _)| x == right).map_or(0, |&(_, t)| t);
            if near_tokens[wrong_token] || known_tokens[wrong_token] || known_tokens[wrong_token + 1] {
                continue;
            }
            let distance = crate::words::osa_distance(fw, fr);
            let mut f = Features::default();
            f.spelling(fw, fr, distance);
            f.lexicon(&lex(fw), &lex(fr));
            f.dictionary(dict, fw, fr, None);
            f.wrong_given_name = 1.0;
            f.rest_of_name = 1.0;
            f.attested = 1.0;
            f.uses(1, count(right));
            f.target_identified = flag(known_tokens[right_token]);
            f.reference_pattern = flag(surname.alone);
            f.from_document = 1.0;
            let (f, confidence) = decision::weigh(f);
            out.push(Inconsistency {
                wrong,
                right,
                distance,
                confidence,
                features: f,
                right_known: false,
                tokens: vec![wrong_token],
                right_use: right_token,
                surname: Some(s),
                counts: (count(right), 1),
            });
        }
        // A story about a family ("his brother Charles") names several
        // people of one surname: no finding. (Looked at last: it reads
        // every word.)
        let family_story = || {
            self.tokens
                .iter()
                .enumerate()
                .any(|(i, t)| t.lower_case && FAMILY_WORDS.contains(&self.folded(i)))
        };
        if !out.is_empty() && family_story() {
            out.clear();
        }
        out
    }

    /// Weigh one pair each way round (either may be the slip), the more
    /// likely way first. An error when the pair is plainly two words, not
    /// one spelled two ways (a plural, a contraction, too far apart).
    fn weigh(
        &self,
        a: usize,
        b: usize,
        text: &str,
        dict: &Dictionary,
        marks: &Marks<'_>,
    ) -> Result<Vec<Inconsistency>, &'static str> {
        let (near_tokens, known_tokens, in_body_name) = (marks.near, marks.known, marks.in_body_name);
        let (na, nb) = (&self.names[a], &self.names[b]);
        let (fa, fb) = (na.folded.as_str(), nb.folded.as_str());
        // A plural, a demonym: another word of the same name.
        if is_word_form(fa, fb) {
            return Err("word form");
        }
        if crate::words::is_spelling_variant(fa, fb) {
            return Err("British and American spelling");
        }
        if is_contraction(fa) || is_contraction(fb) {
            return Err("contraction");
        }
        let distance = crate::words::osa_distance(fa, fb);
        let len = fa.len().min(fb.len());
        let soft = soft_pair(fa, fb);
        match distance {
            1 if len >= MIN_CONSISTENCY_LEN => {}
            2 if soft && len >= MIN_TWO_EDIT_LEN - 1 => {}
            2 if len >= MIN_HARD_TWO_EDIT_LEN - 1 => {}
            // Further apart only beside one name word ("Tony Hamood",
            // "Tony Hammond").
            2 | 3 if len >= MIN_SINGLE_WORD_LEN && self.share_a_neighbour(a, b) => {}
            _ => return Err("too far"),
        }
        if distance == 2 && (fa.starts_with(fb) || fb.starts_with(fa)) {
            return Err("one is the other extended"); // Tunis/Tunisia
        }
        let mut ways: Vec<Inconsistency> = Vec::with_capacity(2);
        for (wrong, right) in [(a, b), (b, a)] {
            let nw = &self.names[wrong];
            // Exact beats near: a word the dictionary matches wherever it
            // stands is no slip; one CD001 took is CD001's.
            if nw.tokens.iter().all(|&t| near_tokens[t] || known_tokens[t]) {
                continue;
            }
            if nw
                .tokens
                .iter()
                .all(|&t| is_all_caps(self.tokens[t].span.slice(text)))
            {
                continue;
            }
            let mut f = self.pair_features(wrong, right, distance, dict, known_tokens);
            let (nw, nr) = (&self.names[wrong], &self.names[right]);
            f.right_inside_name = flag(
                nr.tokens.iter().all(|&t| in_body_name[t]) && !nw.tokens.iter().any(|&t| in_body_name[t]),
            );
            // A brand built on a word ("SpaceX" of "Space") is a name of its own.
            if decision::is_brand_of(&nw.surface, &nr.surface) {
                continue;
            }
            let (f, confidence) = decision::weigh(f);
            let nr = &self.names[right];
            ways.push(Inconsistency {
                wrong,
                right,
                distance,
                confidence,
                features: f,
                right_known: f.target_known > 0.0,
                tokens: nw.tokens.to_vec(),
                right_use: self.closest_use(right, nw.tokens[0], text),
                surname: None,
                counts: (nr.tokens.len(), nw.tokens.len()),
            });
        }
        if ways.is_empty() {
            return Err("a dictionary match or capitals");
        }
        // The more likely way first; on a tie, the later form is the slip.
        ways.sort_by(|x, y| {
            y.confidence
                .total_cmp(&x.confidence)
                .then(y.tokens[0].cmp(&x.tokens[0]))
        });
        Ok(ways)
    }

    /// True when two name words stand next to one name word (the same
    /// given name before them, or the same word after).
    fn share_a_neighbour(&self, a: usize, b: usize) -> bool {
        let (na, nb) = (&self.names[a], &self.names[b]);
        na.before.iter().any(|x| nb.before.contains(x)) || na.after.iter().any(|x| nb.after.contains(x))
    }

    /// The features of name word `wrong` taken for a slip of `right`.
    fn pair_features(
        &self,
        wrong: usize,
        right: usize,
        distance: usize,
        dict: &Dictionary,
        known_tokens: &[bool],
    ) -> Features {
        let (nw, nr) = (&self.names[wrong], &self.names[right]);
        let (fw, fr) = (nw.folded.as_str(), nr.folded.as_str());
        let mut f = Features {
            mixed_case: flag(decision::is_mixed_case(&nw.surface)),
            ..Features::default()
        };
        f.spelling(fw, fr, distance);
        f.lexicon(&lex(fw), &lex(fr));
        f.dictionary(dict, fw, fr, None);
        // Context: the words around each use.
        let word = |id: &u32| self.names[*id as usize].folded.as_str();
        let shared = |x: &[u32], y: &[u32]| {
            x.iter().any(|p| {
                y.iter()
                    .any(|q| p == q || lexicon::are_nicknames(word(p), word(q)))
            })
        };
        let shared_neighbour = shared(&nw.before, &nr.before) || shared(&nw.after, &nr.after);
        f.rest_of_name = flag(shared_neighbour);
        if !shared_neighbour && !nw.before.is_empty() && !nr.before.is_empty() {
            // Two different given names before one surname: usually two people.
            let given = |w: &str| !is_title_word(w) && lex(w).given > 0;
            f.different_given_names =
                flag(nw.before.iter().all(|w| given(word(w))) && nr.before.iter().all(|w| given(word(w))));
        }
        f.found_introduced = flag(nw.in_full_name && !shared_neighbour);
        // The reference pattern: a full name once (a given name before the
        // surname), the surname alone later.
        let after_given = nr
            .before
            .iter()
            .any(|w| !is_title_word(word(w)) && lex(word(w)).given >= GIVEN_NAME_MIN_COUNT);
        f.reference_pattern = flag(nw.alone && !nw.in_full_name && nr.in_full_name && after_given);
        f.found_lower = flag(nw.lower > 0);
        f.uses(nw.tokens.len(), nr.tokens.len());
        f.sentence_initial_only = flag(nw.sentence_initial_only);
        f.attested = 1.0;
        f.found_later = flag(nw.tokens[0] > nr.tokens[0]);
        let identified = nr.tokens.iter().any(|&t| known_tokens[t]);
        f.target_identified = flag(identified);
        f.found_repeated_identified = flag(nw.tokens.len() >= 2 && identified);
        f.from_document = 1.0;
        f
    }

    /// The use of name word `name` written most like token `like`: of
    /// "Kaczyński" and "Kaczynski", the one that matches the accents of the
    /// misspelling, so that the suggestion changes only what is wrong.
    fn closest_use(&self, name: usize, like: usize, text: &str) -> usize {
        let target = self.tokens[like].span.slice(text);
        let uses = &self.names[name].tokens;
        uses.iter()
            .copied()
            .min_by_key(|&t| crate::words::osa_distance(self.tokens[t].span.slice(text), target))
            .unwrap_or(uses[0])
    }

    /// The name words of the document.
    pub fn names(&self) -> &[NameWord] {
        &self.names
    }

    /// Byte span of a name word's first capitalised use.
    pub fn first_use(&self, name: usize) -> Span {
        self.tokens[self.names[name].tokens[0]].span
    }
}

/// "We're", "they've": contractions, not names.
pub(super) fn is_contraction(folded: &str) -> bool {
    folded
        .rsplit_once('\'')
        .is_some_and(|(_, end)| matches!(end, "re" | "ve" | "ll" | "d" | "t" | "m"))
}

/// True when the lexicon knows the word as a place or name of some standing:
/// a proper name of SCOWL's main lists, or a surname or given name borne by
/// more than a handful of people.
pub(super) fn known_to_lexicon(l: &LexEntry) -> bool {
    (1..=MAX_PROPER_SIZE).contains(&l.proper) || l.surname >= RARE_NAME_COUNT || l.given >= RARE_NAME_COUNT
}

/// What the dictionary found at each token of a document: a near miss, an
/// exact form, a word of a multi-word body's name.
struct Marks<'a> {
    near: &'a [bool],
    known: &'a [bool],
    in_body_name: &'a [bool],
}
