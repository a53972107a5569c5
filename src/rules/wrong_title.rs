//! CD012 wrong-title: a title before a known name that the dictionary says
//! the person did not hold, or did not hold on the story's date.

use std::sync::LazyLock;

use super::{Context, Rule, RuleMeta, entity_ref, forms_of};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Severity};
use crate::entity::{Date, Entity, EntityKind, Role};
use crate::matcher::{Match, Mention};
use crate::span::Span;
use crate::thresholds;
use crate::words::{Gap, form_words};

/// CD012; see [`META`]'s documentation.
pub(crate) struct WrongTitle;

static META: RuleMeta = RuleMeta {
    code: "CD012",
    name: "wrong-title",
    default_severity: Severity::Error,
    default_enabled: true,
    summary: "a title before a known name that the person did not hold, or did not hold on the story's date",
    docs: r#"# CD012 wrong-title

## What it does
Flags a title right before a person's name when the dictionary's `roles`
say the person did not hold that office ("Treasury Secretary Antony
Blinken"), or did not hold it on the story's date: the front matter `date`
of a Markdown file, or else `--as-of DATE`. Without a date, only a title the
person never held is flagged.

Only titles that name one office are checked: "President", "Vice
President", "Sen." / "Senator", "Rep." / "Representative" / "Congressman" /
"Congresswoman", "Attorney General", and the cabinet secretaries ("Secretary
of State", "Treasury Secretary", "Secretary of Homeland Security", "HHS
Secretary", ...), each optionally after "U.S.". A person is checked only
when the dictionary knows their record for that kind of office:

- Congress ("Sen.", "Rep."): the person has a role in Congress (the
  built-in dictionaries give every term of the current members);
- the cabinet and the attorney general: the person has a role in the
  cabinet;
- president and vice president: the person has roles at all (the
  dictionaries list every president and vice president).

A person whose roles are unknown is never flagged. Not checked either: a
title after another word that changes the office ("Deputy", "Acting",
"Under", "state Sen."), after a name of another country or body ("French
President", "New York Attorney General"; for Congress, a state or party is
fine: "Texas Sen."), a name two people share unless neither held the
office. After "former", "then-", "ex-" or "late", only a title the person
never held is flagged; and a year in the same sentence that falls in one of
the person's terms ("In 2010, President Barack Obama signed ...") accepts
the title whatever the story's date. A title the person left more than ten
years before the story's date is the historical usage ("President Abraham
Lincoln"), not flagged, unless the person then held another office of the
kind ("Rep. Bernie Sanders", a senator since 2007).

## Why is this bad?
A wrong title is a factual error, and a title that has lapsed ("Treasury
Secretary Janet Yellen" in 2026) is a common correction.

## Example
```text
Treasury Secretary Antony Blinken met his counterpart.
```
is reported as
```text
error[CD012]: `Antony Blinken` never held the office of Secretary of the Treasury, as far as the dictionary knows (Secretary of State 2021-01-26 to 2025-01-20)
```
with the suggestion `Secretary of State`. With a date, "President Joe
Biden" in a story of 2019 is an error (he took office in 2021), and
"Secretary of the Treasury Janet Yellen" in 2026 a warning (she left the
post on 2025-01-20; suggestion `former Secretary of the Treasury`).
Accepted: "Secretary of State Antony Blinken", "Sen. Elizabeth Warren",
"former President Joe Biden", and any title before a name whose roles the
dictionary does not know.

## Fix safety
A title not held on the story's date has an unsafe fix: the office of the
kind the person held then ("Sen." for "Rep."), or else "former" before the
title. A title never held only gets suggestions (the person's offices of
the kind): the name may be the wrong part.
"#,
};

/// An office a title names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Office {
    President,
    VicePresident,
    Senate,
    House,
    AttorneyGeneral,
    /// A cabinet secretary, by index in [`DEPARTMENTS`].
    Secretary(usize),
}

/// Kinds of office whose record a person's roles give whole or not at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Presidency,
    Congress,
    Cabinet,
}

impl Office {
    fn family(self) -> Family {
        match self {
            Office::President | Office::VicePresident => Family::Presidency,
            Office::Senate | Office::House => Family::Congress,
            Office::AttorneyGeneral | Office::Secretary(_) => Family::Cabinet,
        }
    }

    /// The office's name in messages.
    fn name(self) -> &'static str {
        match self {
            Office::President => "President",
            Office::VicePresident => "Vice President",
            Office::Senate => "Senator",
            Office::House => "Representative",
            Office::AttorneyGeneral => "Attorney General",
            Office::Secretary(i) => DEPARTMENTS[i].0,
        }
    }

    /// The title to suggest in place of one written `written` ("Sen." for
    /// "Rep.").
    fn title_like(self, written: &str) -> String {
        let short = written.ends_with('.');
        match self {
            Office::Senate if short => "Sen.".to_owned(),
            Office::House if short => "Rep.".to_owned(),
            o => o.name().to_owned(),
        }
    }
}

/// The cabinet secretaries: the office, and the folded names of its
/// department in "Secretary of (the) X" and "X Secretary".
const DEPARTMENTS: &[(&str, &[&str])] = &[
    ("Secretary of Agriculture", &["agriculture"]),
    ("Secretary of Commerce", &["commerce"]),
    ("Secretary of Defense", &["defense", "defence"]),
    ("Secretary of Education", &["education"]),
    ("Secretary of Energy", &["energy"]),
    (
        "Secretary of Health and Human Services",
        &["health and human services", "hhs", "health"],
    ),
    ("Secretary of Homeland Security", &["homeland security", "dhs"]),
    (
        "Secretary of Housing and Urban Development",
        &["housing and urban development", "hud", "housing"],
    ),
    ("Secretary of the Interior", &["interior"]),
    ("Secretary of Labor", &["labor", "labour"]),
    ("Secretary of State", &["state"]),
    ("Secretary of Transportation", &["transportation"]),
    ("Secretary of the Treasury", &["treasury"]),
    ("Secretary of Veterans Affairs", &["veterans affairs", "va"]),
];

/// Titles as they stand before a name, folded, longest first.
static TITLES: LazyLock<Vec<(Vec<String>, Office)>> = LazyLock::new(|| {
    let mut out: Vec<(Vec<String>, Office)> = Vec::new();
    let mut add = |text: &str, office: Office| out.push((form_words(text), office));
    add("president", Office::President);
    add("vice president", Office::VicePresident);
    for t in ["sen", "senator"] {
        add(t, Office::Senate);
    }
    for t in ["rep", "representative", "congressman", "congresswoman"] {
        add(t, Office::House);
    }
    add("attorney general", Office::AttorneyGeneral);
    for (i, (_, names)) in DEPARTMENTS.iter().enumerate() {
        for name in *names {
            add(&format!("secretary of {name}"), Office::Secretary(i));
            add(&format!("secretary of the {name}"), Office::Secretary(i));
            // "State Secretary" is a junior minister in Europe.
            if *name != "state" {
                add(&format!("{name} secretary"), Office::Secretary(i));
            }
        }
    }
    out.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    out
});

/// The name of the office a role is, among those CD012 checks ("Secretary
/// of the Treasury" for "Secretary" of the "Department of the Treasury");
/// `None` for any other role.
pub fn office_of(role: &Role) -> Option<&'static str> {
    role_office(role).map(Office::name)
}

/// The office a role is, by its title (and, for Congress, its body).
fn role_office(role: &Role) -> Option<Office> {
    let mut words = form_words(&role.title);
    // "United States Secretary of State", "U.S. Attorney General".
    for prefix in [&["united", "states"][..], &["u", "s"], &["us"]] {
        if words.len() > prefix.len() && words.iter().zip(prefix).all(|(w, p)| w == p) {
            words.drain(..prefix.len());
        }
    }
    let title = words.join(" ");
    let org = role
        .org
        .as_deref()
        .map(|o| form_words(o).join(" "))
        .unwrap_or_default();
    let office = match title.as_str() {
        // A president of any country fits "President" (the rule does not
        // tell countries apart).
        t if t == "president" || t.starts_with("president of ") => Office::President,
        t if t == "vice president" || t.starts_with("vice president of ") => Office::VicePresident,
        "senator" if matches!(org.as_str(), "" | "united states senate" | "u s senate") => Office::Senate,
        "representative" | "delegate" | "resident commissioner"
            if matches!(
                org.as_str(),
                "" | "united states house of representatives" | "u s house of representatives"
            ) =>
        {
            Office::House
        }
        "attorney general" | "attorney general of the united states"
            if org.is_empty() || org.contains("justice") || org == "united states" =>
        {
            Office::AttorneyGeneral
        }
        // "Secretary of the Treasury"; as the Plum Book writes them,
        // "Secretary, Department of Energy", "Secretary of the Department of
        // Homeland Security", and "Secretary" of the department.
        "secretary" => Office::Secretary(department(&org)?),
        _ => {
            let rest = title
                .strip_prefix("secretary of ")
                .or_else(|| title.strip_prefix("secretary "))?;
            Office::Secretary(department(rest)?)
        }
    };
    Some(office)
}

/// The cabinet department that folded words name: "the treasury",
/// "department of the treasury", "u s department of state", "hhs".
fn department(words: &str) -> Option<usize> {
    let mut rest = words;
    for prefix in ["united states ", "u s ", "us ", "the ", "department of ", "the "] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    DEPARTMENTS.iter().position(|(_, names)| names.contains(&rest))
}

/// Words before a title that make it another office ("Deputy Secretary of
/// State", "state Sen.").
const OTHER_OFFICE: &[&str] = &[
    "acting",
    "assistant",
    "associate",
    "chief",
    "deputy",
    "designate",
    "executive",
    "incoming",
    "interim",
    "lieutenant",
    "principal",
    "senior",
    "shadow",
    "special",
    "state",
    "under",
    "vice",
];

/// Words before a title that put it in the past ("former Sen.", "then-Rep.").
const PAST: &[&str] = &["erstwhile", "ex", "former", "late", "onetime", "then"];

/// Words that may start a sentence right before a title without
/// qualifying it ("After President Biden spoke", "On Monday, Sen. Warren").
const SENTENCE_WORDS: &[&str] = &[
    "after",
    "also",
    "and",
    "as",
    "at",
    "before",
    "but",
    "by",
    "for",
    "from",
    "if",
    "in",
    "meanwhile",
    "now",
    "on",
    "so",
    "the",
    "then",
    "to",
    "today",
    "when",
    "while",
    "with",
    "yesterday",
];

/// How the words before a title qualify it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Qualifier {
    /// Nothing that changes the office: check it on the story's date.
    Present,
    /// "former", "then-": check only that the person ever held it.
    Past,
}

impl Rule for WrongTitle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for m in &cx.analysis.mentions {
            let Match::Known { form, .. } = m.matched else {
                continue;
            };
            let form = cx.dict.form(form);
            if !form.kind.is_correct() || m.tokens.len() < 2 {
                continue;
            }
            let Some((title, office, qualifier)) = title_before(cx, m) else {
                continue;
            };
            // Every person the name may be; none must fit the title.
            let people: Vec<&Entity> = forms_of(cx, m)
                .iter()
                .filter(|f| f.kind.is_correct())
                .map(|f| cx.dict.entity(f.entity))
                .collect();
            if people.is_empty() || people.iter().any(|p| p.kind != EntityKind::Person) {
                continue;
            }
            let date = match qualifier {
                Qualifier::Present => cx.date,
                Qualifier::Past => None,
            };
            let years = sentence_years(cx, m.tokens.start);
            let verdicts: Option<Vec<Verdict>> =
                people.iter().map(|p| verdict(p, office, date, &years)).collect();
            let Some(verdict) = verdicts.and_then(|v| v.into_iter().next()) else {
                continue;
            };
            let found = title.slice(&cx.doc.text);
            out.push(diagnostic(cx, title, found, m, people[0], office, verdict));
        }
    }
}

/// What is wrong with the title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// The person never held the office.
    Never,
    /// The person held it only after the date.
    NotYet(Date),
    /// The person held it only before the date.
    NoLonger(Date),
}

/// The verdict on `office` for `person`, or `None` when the title fits or
/// the dictionary cannot tell.
fn verdict(person: &Entity, office: Office, date: Option<Date>, years: &[u16]) -> Option<Verdict> {
    if person.roles.is_empty() {
        return None;
    }
    let offices: Vec<(Office, &Role)> = person
        .roles
        .iter()
        .filter_map(|r| role_office(r).map(|o| (o, r)))
        .collect();
    // The person's record for this kind of office is known only when they
    // hold some office of the kind (every president and vice president is
    // known, so any person with roles is known not to be one).
    let family = office.family();
    if family != Family::Presidency && !offices.iter().any(|(o, _)| o.family() == family) {
        return None;
    }
    let held: Vec<&Role> = offices
        .iter()
        .filter(|(o, _)| *o == office)
        .map(|(_, r)| *r)
        .collect();
    if held.is_empty() {
        return Some(Verdict::Never);
    }
    let date = date?;
    if held.iter().any(|r| r.held_on(date)) || years.iter().any(|&y| held.iter().any(|r| r.held_in_year(y))) {
        return None;
    }
    if held.iter().all(|r| r.began_after(date)) {
        return Some(Verdict::NotYet(date));
    }
    // Left long ago and holding no other office of the kind: the title is
    // historical usage ("President Abraham Lincoln"), not a lapse.
    let left = held.iter().filter_map(|r| r.to).max()?;
    let recent = left.year + thresholds::MAX_YEARS_SINCE_TITLE > date.year;
    (recent || !current_offices(person, office, date).is_empty()).then_some(Verdict::NoLonger(date))
}

/// The offices of the same kind as `office`, other than it, that the
/// person held on `date`, each once: what the title should have been.
fn current_offices(person: &Entity, office: Office, date: Date) -> Vec<Office> {
    let mut out = Vec::new();
    for r in &person.roles {
        if let Some(o) = role_office(r)
            && o != office
            && o.family() == office.family()
            && r.held_on(date)
            && !out.contains(&o)
        {
            out.push(o);
        }
    }
    out
}

/// The title right before the mention's name: its span, the office, and
/// how the words before it qualify it; `None` when there is none, or when
/// they make it another office.
fn title_before(cx: &Context<'_>, m: &Mention) -> Option<(Span, Office, Qualifier)> {
    let a = cx.analysis;
    let text = &cx.doc.text;
    let start = m.tokens.start;
    if start == 0 || a.tokens[start].gap == Gap::Break || a.tokens[start - 1].possessive {
        return None;
    }
    let joined = |i: usize| a.tokens[i].gap != Gap::Break && !a.tokens[i - 1].possessive;
    let (words, office) = TITLES.iter().find(|(words, _)| {
        words.len() <= start
            && (start - words.len()..start)
                .zip(words.iter())
                .all(|(i, w)| a.folded(i) == w)
            && (start - words.len() + 1..start).all(joined)
    })?;
    let first = start - words.len();
    let mut span = a.span_of(first..start);
    if a.tokens[start - 1].dot_after {
        span.end += 1; // "Sen."
    }
    // The words before the title.
    let mut i = first;
    loop {
        if i == 0 || !joined(i) {
            return Some((span, *office, Qualifier::Present));
        }
        let prev = a.folded(i - 1);
        if PAST.contains(&prev) {
            return Some((span, *office, Qualifier::Past));
        }
        if OTHER_OFFICE.contains(&prev) {
            return None;
        }
        // "U.S. President", "US Sen.", "American President".
        if i >= 3 && prev == "s" && a.folded(i - 2) == "u" && joined(i - 1) {
            i -= 2;
            continue;
        }
        if matches!(prev, "us" | "american") {
            i -= 1;
            continue;
        }
        let word = a.tokens[i - 1].span.slice(text);
        if word.starts_with(char::is_uppercase) && !SENTENCE_WORDS.contains(&prev) {
            // "Texas Sen.", "Democratic Rep.": a state or a party; before
            // another title, a country or a body ("French President").
            return (office.family() == Family::Congress).then_some((span, *office, Qualifier::Present));
        }
        return Some((span, *office, Qualifier::Present));
    }
}

/// The years written in the sentence of token `t` ("In 2010, ...").
fn sentence_years(cx: &Context<'_>, t: usize) -> Vec<u16> {
    let a = cx.analysis;
    let mut start = t;
    while start > 0 && !a.tokens[start].sentence_start {
        start -= 1;
    }
    let mut end = t + 1;
    while end < a.tokens.len() && !a.tokens[end].sentence_start {
        end += 1;
    }
    (start..end)
        .filter_map(|i| {
            let w = a.tokens[i].span.slice(&cx.doc.text);
            let year: u16 = w.parse().ok().filter(|_| w.len() == 4)?;
            (1700..=2200).contains(&year).then_some(year)
        })
        .collect()
}

/// The dates of a role, for messages: "2021-01-26 to 2025-01-20", "since
/// 2019-01-03", "date unknown".
fn dates(r: &Role) -> String {
    match (r.from, r.to) {
        (Some(f), Some(t)) => format!("{f} to {t}"),
        (Some(f), None) => format!("since {f}"),
        (None, Some(t)) => format!("until {t}"),
        (None, None) => "now".to_owned(),
    }
}

fn diagnostic(
    cx: &Context<'_>,
    title: Span,
    found: &str,
    m: &Mention,
    person: &Entity,
    office: Office,
    verdict: Verdict,
) -> Diagnostic {
    let name = m.span.slice(&cx.doc.text);
    let family = office.family();
    let same_kind: Vec<(Office, &Role)> = person
        .roles
        .iter()
        .filter_map(|r| role_office(r).map(|o| (o, r)))
        .filter(|(o, _)| o.family() == family || family == Family::Presidency)
        .collect();
    let list = |roles: &[(Office, &Role)]| {
        let mut items: Vec<String> = Vec::new();
        for (o, r) in roles {
            let item = format!("{} {}", o.name(), dates(r));
            if !items.contains(&item) {
                items.push(item);
            }
        }
        items.join("; ")
    };
    let held: Vec<(Office, &Role)> = same_kind.iter().filter(|(o, _)| *o == office).copied().collect();
    let mut d = match verdict {
        Verdict::Never => {
            let mut message = format!(
                "`{name}` never held the office of {}, as far as the dictionary knows",
                office.name()
            );
            if !same_kind.is_empty() {
                message.push_str(&format!(" ({})", list(&same_kind)));
            }
            let mut d = META.diagnostic(cx.doc, title, message);
            for (o, _) in &same_kind {
                let t = o.title_like(found);
                if !d.suggestions.contains(&t) {
                    d.suggestions.push(t);
                }
            }
            d
        }
        Verdict::NotYet(date) | Verdict::NoLonger(date) => {
            let when = if matches!(verdict, Verdict::NotYet(_)) {
                "did not hold the office of {} yet"
            } else {
                "no longer held the office of {}"
            };
            let message = format!(
                "`{name}` {} on {date} ({})",
                when.replace("{}", office.name()),
                list(&held)
            );
            // The title the person held then, or else "former".
            let mut suggestions: Vec<String> = current_offices(person, office, date)
                .into_iter()
                .map(|o| o.title_like(found))
                .collect();
            if matches!(verdict, Verdict::NoLonger(_)) {
                suggestions.push(format!("former {found}"));
            }
            let mut d = META.diagnostic(cx.doc, title, message);
            if let Some(first) = suggestions.first() {
                let edit = Edit {
                    span: title,
                    replacement: first.clone(),
                };
                d = d.with_fix(first.clone(), edit, Applicability::Unsafe);
                d.suggestions = suggestions;
            }
            // A lapsed title is often a reference to the past: a warning.
            if matches!(verdict, Verdict::NoLonger(_)) {
                d.severity = Severity::Warning;
            }
            d
        }
    };
    d.entity = Some(entity_ref(person));
    d
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::test_util::{assert_no_diagnostics, check, check_as_of, newsroom};

    #[test]
    fn roles_are_read_as_the_sources_write_them() {
        let office = |title: &str, org: Option<&str>| {
            super::role_office(&crate::entity::Role {
                title: title.into(),
                org: org.map(str::to_owned),
                from: None,
                to: None,
            })
            .map(super::Office::name)
        };
        assert_eq!(
            office("United States Secretary of the Treasury", None),
            Some("Secretary of the Treasury")
        );
        assert_eq!(
            office("Secretary, Department of Energy", Some("Department of Energy")),
            Some("Secretary of Energy")
        );
        assert_eq!(
            office("Secretary of the Department of Homeland Security", None),
            Some("Secretary of Homeland Security")
        );
        assert_eq!(
            office("Secretary", Some("Department of the Interior")),
            Some("Secretary of the Interior")
        );
        assert_eq!(office("Secretary of Defence", None), Some("Secretary of Defense"));
        assert_eq!(office("President of the United States", None), Some("President"));
        assert_eq!(office("Senator", Some("United States Senate")), Some("Senator"));
        for (title, org) in [
            ("Deputy Secretary of State", None),
            ("Secretary of State of Alabama", None),
            ("Secretary of the Navy", None),
            ("Secretary", Some("Smithsonian Institution")),
            ("Senator", Some("Texas Senate")),
            ("Attorney General", Some("State of New York")),
        ] {
            assert_eq!(office(title, org), None, "{title}");
        }
    }

    #[test]
    fn flags_a_title_the_person_never_held() {
        let n = newsroom();
        assert_eq!(
            check(
                "Treasury Secretary Antony Blinken met his counterpart.",
                &n,
                "CD012"
            ),
            "1:1-1:19 CD012 error `Antony Blinken` never held the office of Secretary of the Treasury, as far as the dictionary knows (Secretary of State 2021-01-26 to 2025-01-20) => [Secretary of State]"
        );
        assert_eq!(
            check(
                "The bill's sponsor, Sen. Alexandria Ocasio-Cortez, spoke.",
                &n,
                "CD012"
            ),
            "1:21-1:25 CD012 error `Alexandria Ocasio-Cortez` never held the office of Senator, as far as the dictionary knows (Representative since 2019-01-03) => [Rep.]"
        );
        assert_eq!(
            check("On Monday, U.S. President Janet Yellen spoke.", &n, "CD012"),
            "1:17-1:26 CD012 error `Janet Yellen` never held the office of President, as far as the dictionary knows (Secretary of the Treasury 2021-01-26 to 2025-01-20) => [Secretary of the Treasury]"
        );
    }

    #[test]
    fn flags_a_title_not_held_on_the_story_date() {
        let n = newsroom();
        let text = "---\ndate: 2019-06-01\n---\nPresident Joe Biden spoke.\n";
        assert_eq!(
            check_as_of(text, Format::Markdown, &n, "CD012", None),
            "4:1-4:10 CD012 error `Joe Biden` did not hold the office of President yet on 2019-06-01 (President 2021-01-20 to 2025-01-20) => []"
        );
        // Long gone, but in another office of the kind on the date.
        assert_eq!(
            check_as_of(
                "Vice President Joe Biden spoke.",
                Format::Plain,
                &n,
                "CD012",
                Some("2022-03-01")
            ),
            "1:1-1:15 CD012 warning `Joe Biden` no longer held the office of Vice President on 2022-03-01 (Vice President 2009-01-20 to 2017-01-20) => [President, former Vice President] fix unsafe 1:1-1:15 `President`"
        );
        assert_eq!(
            check_as_of(
                "Secretary of the Treasury Janet Yellen spoke.",
                Format::Plain,
                &n,
                "CD012",
                Some("2026-03-01")
            ),
            "1:1-1:26 CD012 warning `Janet Yellen` no longer held the office of Secretary of the Treasury on 2026-03-01 (Secretary of the Treasury 2021-01-26 to 2025-01-20) => [former Secretary of the Treasury] fix unsafe 1:1-1:26 `former Secretary of the Treasury`"
        );
        // The front matter date comes before --as-of.
        assert_no_diagnostics_as_of(
            "---\ndate: 2023-06-01\n---\nSecretary of the Treasury Janet Yellen spoke.\n",
            Format::Markdown,
            "2026-03-01",
        );
    }

    fn assert_no_diagnostics_as_of(text: &str, format: Format, as_of: &str) {
        assert_eq!(
            check_as_of(text, format, &newsroom(), "CD012", Some(as_of)),
            "",
            "expected no CD012 finding in {text:?} as of {as_of}"
        );
    }

    #[test]
    fn accepts_titles_that_fit_or_cannot_be_checked() {
        let n = newsroom();
        for text in [
            // Held.
            "Secretary of State Antony Blinken and Sen. Elizabeth Warren met Rep. Alexandria Ocasio-Cortez.",
            "Vice President Joe Biden, Texas Sen. Elizabeth Warren and U.S. Secretary of State Marco Rubio.",
            // Another office, or another body's president.
            "Deputy Secretary of State Antony Blinken; state Sen. Elizabeth Warren; French President Joe Biden.",
            // No Congress record: a senator's title is not checked.
            "Sen. Antony Blinken spoke.",
            // Roles unknown.
            "President Brenda Jones and Sen. Jennifer Daskal spoke.",
            // Not a title right before the name.
            "The president, Janet Yellen, spoke. Treasury Secretary. Antony Blinken left.",
        ] {
            assert_no_diagnostics(text, &n, "CD012");
        }
        for (text, as_of) in [
            ("President Joe Biden spoke.", "2022-05-01"),
            ("Former President Joe Biden spoke.", "2026-05-01"),
            ("then-Vice President Joe Biden spoke.", "2026-05-01"),
            ("In 2010, Vice President Joe Biden visited Kyiv.", "2026-05-01"),
            // A current role with no start date may have been held then.
            ("Secretary of State Marco Rubio spoke.", "2019-05-01"),
        ] {
            assert_no_diagnostics_as_of(text, Format::Plain, as_of);
        }
    }
}
