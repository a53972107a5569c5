//! CD011 undefined-abbreviation: an abbreviation used before the name it
//! stands for is spelled out.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Context, Rule, RuleMeta, entity_ref, forms_of};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Related, Severity};
use crate::entity::FormKind;
use crate::entity::{EntityId, Prominence};
use crate::matcher::{Match, Mention};
use crate::span::Span;
use crate::thresholds;
use crate::words::is_all_caps;

/// CD011; see [`META`]'s documentation.
pub(crate) struct UndefinedAbbreviation;

static META: RuleMeta = RuleMeta {
    code: "CD011",
    name: "undefined-abbreviation",
    default_severity: Severity::Warning,
    default_enabled: true,
    summary: "an abbreviation used before the name it stands for is spelled out",
    docs: r#"# CD011 undefined-abbreviation

## What it does
Flags the first use of an abbreviation a dictionary knows ("ONDCP", "DHS",
"CBP") when the story has not yet spelled out the name it stands for: the
name comes only later, or never.

Not flagged:
- abbreviations the dictionary marks `well-known = true` (US, UK, UN, EU,
  NATO, FBI, CIA, NASA, ...), or of a body of prominence 3 (IMF, WTO),
  which every reader knows;
- abbreviations of a body of prominence 0 or 1 (a minor board, a body
  long gone): a story using them most likely means another body;
- an abbreviation right after the name in parentheses, or right before its
  expansion in parentheses ("CEI (Italian Episcopal Conference)"), whatever
  name the writer gives;
- abbreviations of fewer than three letters and digits (AU, EC, G7), and
  one that two bodies of the dictionaries share (BIS): which body a story
  means is not certain;
- a body whose name is itself in capitals ("G-20" for G20);
- a line set in capitals (a headline);
- later uses: only the first use of each body is reported.

Any correct or known form of the name counts as spelling it out: its name
or an alias ("Homeland Security Department"), and also a variant or a
misspelling, which other rules report.

## Why is this bad?
News style spells a name out on first reference: a reader cannot be expected
to know what ONDCP or CBP stands for.

## Example
```text
ONDCP officials met in Beijing. The Office of National Drug Control Policy ...
```
is reported as
```text
warning[CD011]: `ONDCP` is used before the name it stands for, `Office of National Drug Control Policy`, is spelled out
```
with the suggestion `Office of National Drug Control Policy (ONDCP)`.
Accepted: "The Office of National Drug Control Policy (ONDCP) ... ONDCP",
"the FBI" (well known).

## Fix safety
Unsafe: the fix writes the name with the abbreviation in parentheses in
place of the first use, and the sentence may need rewording around it.
"#,
};

impl Rule for UndefinedAbbreviation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = &cx.doc.text;
        // Where each entity's name is first written out.
        let mut spelled: HashMap<EntityId, Span> = HashMap::default();
        for m in &cx.analysis.mentions {
            let entity = match &m.matched {
                Match::Known { form, .. } => {
                    let form = cx.dict.form(*form);
                    if form.kind == FormKind::Abbreviation {
                        continue;
                    }
                    form.entity
                }
                Match::Near(near) => near.entity,
            };
            spelled.entry(entity).or_insert(m.span);
        }
        let mut seen: HashSet<EntityId> = HashSet::default();
        let mut line_words: HashMap<(usize, usize), (usize, usize)> = HashMap::default();
        for m in &cx.analysis.mentions {
            let Match::Known { form, .. } = m.matched else {
                continue;
            };
            if cx.dict.form(form).kind != FormKind::Abbreviation {
                continue;
            }
            let found = m.span.slice(text);
            if found.chars().filter(|c| c.is_alphanumeric()).count() < thresholds::MIN_ABBREVIATION_LEN {
                continue;
            }
            let mut owners: Vec<EntityId> = forms_of(cx, m)
                .iter()
                .filter(|f| f.kind == FormKind::Abbreviation)
                .map(|f| f.entity)
                .collect();
            owners.dedup();
            let [id] = owners[..] else { continue };
            let entity = cx.dict.entity(id);
            // A name in capitals ("G-20") is itself what the abbreviation spells.
            let name_in_capitals = !entity.name.chars().any(char::is_lowercase);
            // A prominent body's abbreviation every reader knows (IMF, WTO);
            // an obscure body's is more likely another body's ("RBS").
            let prominence = cx.dict.prominence(id);
            let known_or_obscure = prominence >= Prominence::PROMINENT || prominence <= Prominence::MINOR;
            // `seen` first, and each line's words counted once: reading the
            // line again for every use was square-law on one long line.
            if entity.well_known
                || known_or_obscure
                || name_in_capitals
                || seen.contains(&id)
                || shouting(cx, m, &mut line_words)
            {
                continue;
            }
            seen.insert(id);
            let later = match spelled.get(&id) {
                Some(s) if s.start < m.span.start => continue,
                later => later.copied(),
            };
            if defined_in_parentheses(text, m.span) {
                continue;
            }
            let message = match later {
                Some(_) => format!(
                    "`{found}` is used before the name it stands for, `{}`, is spelled out",
                    entity.name
                ),
                None => format!(
                    "`{found}` is used without spelling out the name it stands for, `{}`",
                    entity.name
                ),
            };
            let replacement = format!("{} ({found})", entity.name);
            let edit = Edit {
                span: m.span,
                replacement: replacement.clone(),
            };
            let related = later
                .map(|span| Related {
                    doc: cx.doc.id,
                    span,
                    message: format!("spelled out here as `{}`", span.slice(text)),
                })
                .into_iter()
                .collect();
            out.push(
                META.diagnostic(cx.doc, m.span, message)
                    .with_fix(replacement, edit, Applicability::Unsafe)
                    .with_entity(entity_ref(entity))
                    .with_related(related),
            );
        }
    }
}

/// True when the abbreviation is given in parentheses after a name
/// ("Italian Episcopal Conference (CEI)"), or is followed by its expansion in
/// parentheses ("CEI (Italian Episcopal Conference)"): the writer defines it.
fn defined_in_parentheses(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end_matches([' ', '\u{a0}']);
    let after = text[span.end..].trim_start_matches([' ', '\u{a0}']);
    if before.ends_with('(') && after.starts_with(')') {
        return true;
    }
    after
        .strip_prefix('(')
        .is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// The 0-based line of a byte offset.
fn line_of(cx: &Context<'_>, offset: usize) -> usize {
    cx.doc
        .line_starts()
        .partition_point(|&s| s <= offset)
        .saturating_sub(1)
}

/// True when the mention stands in a line set in capitals (a headline), not
/// in prose: the words of its lines other than its own, counted once per
/// range of lines in `counted` as (words, words in capitals).
fn shouting(cx: &Context<'_>, m: &Mention, counted: &mut HashMap<(usize, usize), (usize, usize)>) -> bool {
    let text = &cx.doc.text;
    let lines = (line_of(cx, m.span.start), line_of(cx, m.span.end));
    let starts = cx.doc.line_starts();
    let start = starts[lines.0];
    let end = starts.get(lines.1 + 1).map_or(text.len(), |&next| next - 1);
    let tokens = &cx.analysis.tokens;
    let counts = |range: &mut dyn Iterator<Item = usize>| {
        let (mut words, mut capitals) = (0, 0);
        for i in range {
            let word = tokens[i].span.slice(text);
            if word.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                words += 1;
                capitals += usize::from(is_all_caps(word));
            }
        }
        (words, capitals)
    };
    let (all_words, all_capitals) = *counted.entry(lines).or_insert_with(|| {
        let first = tokens.partition_point(|t| t.span.start < start);
        let last = tokens.partition_point(|t| t.span.start < end);
        counts(&mut (first..last))
    });
    let (own_words, own_capitals) = counts(
        &mut m
            .tokens
            .clone()
            .filter(|&i| (start..end).contains(&tokens[i].span.start)),
    );
    let (words, capitals) = (all_words - own_words, all_capitals - own_capitals);
    capitals >= thresholds::MIN_CAPITAL_WORDS_SHOUTING && 2 * capitals >= words
}

#[cfg(test)]
mod tests {
    use crate::test_util::{assert_no_diagnostics, check, newsroom};

    #[test]
    fn flags_an_abbreviation_before_its_name() {
        assert_eq!(
            check(
                "ONDCP officials arrived in Beijing on Monday. The Office of National Drug Control \
                 Policy sent three people, and ONDCP paid for the trip.",
                &newsroom(),
                "CD011"
            ),
            "1:1-1:6 CD011 warning `ONDCP` is used before the name it stands for, `Office of National Drug Control Policy`, is spelled out => [Office of National Drug Control Policy (ONDCP)] fix unsafe 1:1-1:6 `Office of National Drug Control Policy (ONDCP)`; related 1:51 `Office of National Drug Control Policy`"
        );
    }

    #[test]
    fn flags_an_abbreviation_never_spelled_out_once() {
        assert_eq!(
            check(
                "Agents of CBP detained him at the border. A CBP spokesman declined to comment.",
                &newsroom(),
                "CD011"
            ),
            "1:11-1:14 CD011 warning `CBP` is used without spelling out the name it stands for, `U.S. Customs and Border Protection` => [U.S. Customs and Border Protection (CBP)] fix unsafe 1:11-1:14 `U.S. Customs and Border Protection (CBP)`"
        );
    }

    #[test]
    fn accepts_a_name_spelled_out_first() {
        let n = newsroom();
        assert_no_diagnostics(
            "The Department of Homeland Security (DHS) said on Tuesday that DHS staff would stay.",
            &n,
            "CD011",
        );
        // An alias spells the name out too.
        assert_no_diagnostics(
            "A Homeland Security Department memo reached reporters. DHS did not comment.",
            &n,
            "CD011",
        );
        // Defined in parentheses, whatever the name the writer gives.
        assert_no_diagnostics(
            "CBP (Border Patrol Office) and the Homeland Guard (DHS) met.",
            &n,
            "CD011",
        );
    }

    #[test]
    fn accepts_well_known_short_shared_and_shouted_abbreviations() {
        let n = newsroom();
        // NASA is marked well known; DHS in a headline in capitals is not prose.
        assert_no_diagnostics("NASA launched the probe on Friday.", &n, "CD011");
        assert_no_diagnostics("DHS AND CBP CLASH OVER BORDER\n\nThe rest.", &n, "CD011");
        // Two letters: too short to say which body is meant.
        assert_no_diagnostics("The EC met in Brussels.", &n, "CD011");
        // Two bodies share BIS.
        assert_no_diagnostics("BIS rules tightened exports.", &n, "CD011");
    }
}
