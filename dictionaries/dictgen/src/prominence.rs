//! How likely a story is to name an entity: the `prominence` (0 to 3) every
//! generator writes, by the rules below. The generators tell these
//! functions what their data says (an office and whether it is held now,
//! the year a body ended, where an agency sits); the levels are decided
//! here only. The same rules are applied by hand to `newsroom.toml`, and
//! `dictionaries/README.md` lists them.
//!
//! - **3, [`PROMINENT`]**: sovereign countries and their capitals; the US federal executive
//!   departments, the Executive Office of the President and the White
//!   House, the Senate, the House and the Supreme Court, and the best-known
//!   agencies and international organisations ([`PROMINENT_ABBREVIATIONS`],
//!   [`PROMINENT_NAMES`]); people holding now a head-of-state or
//!   head-of-government office of a sovereign country
//!   ([`is_head_of_state_or_government`]), a US cabinet-level post
//!   ([`is_us_cabinet_level`]: the president, the vice president, the
//!   secretaries, the attorney general, the White House chief of staff, the
//!   UN ambassador...) or the leadership of a chamber of Congress
//!   ([`is_congressional_leader`]).
//! - **2, [`DEFAULT`]**: territories and their capitals; other agencies and
//!   international organisations; current members of Congress, governors,
//!   Supreme Court justices, ministers abroad and other officials in office;
//!   former US presidents and vice presidents, whatever their century.
//! - **1, [`MINOR`]**: sub-agencies, minor boards and subsidiary bodies;
//!   bodies that ended in [`RECENT_FROM`] or later; people whose last
//!   office ended in [`RECENT_FROM`] or later (former members of Congress
//!   who served then included); members of parliament abroad and officials
//!   below ministers.
//! - **0, [`HISTORICAL`]**: people whose last office ended, and bodies that
//!   ended, before [`RECENT_FROM`].
//!
//! "Held now" is what the newest source of a dictionary says: a role
//! without `to`, or one ending on or after the date of the data
//! ([`held_now`]). Where a newer list names the holders of a post, an open
//! role of an older snapshot is not taken as held now: each generator says
//! which of its sources is current.

use copydesk::entity::{Date, Prominence, Role};
use copydesk::words::form_words;

use crate::forms::key;

/// Named every day.
pub(crate) const PROMINENT: u8 = Prominence::PROMINENT;
/// Named often; what a dictionary entry without `prominence` is taken to be.
pub(crate) const DEFAULT: u8 = Prominence::DEFAULT;
/// Named now and then.
pub(crate) const MINOR: u8 = Prominence::MINOR;
/// Named in old stories only.
pub(crate) const HISTORICAL: u8 = Prominence::HISTORICAL;

/// The first year whose former office holders and defunct bodies are still
/// [`MINOR`]: before it, [`HISTORICAL`]. A generation back: the people of
/// the end of the Cold War are still named in today's stories.
pub(crate) const RECENT_FROM: u16 = 1990;

/// Abbreviations of the bodies named every day: the `well-known` ones
/// (`forms::WELL_KNOWN_ABBREVIATIONS`, which a story may use unexplained)
/// and more, which a story spells out first but names as often. Compared
/// as written, in capitals.
pub(crate) const PROMINENT_ABBREVIATIONS: &[&str] = &[
    // US federal agencies.
    "ATF", "CBP", "CDC", "CIA", "DEA", "EPA", "FAA", "FBI", "FDA", "FEMA", "ICE", "IRS", "NASA", "NIH", "NSA",
    "SEC", "TSA", "USPS", // International organisations.
    "ECB", "EU", "G7", "G20", "IAEA", "ICJ", "IMF", "NATO", "OPEC", "UN", "UNICEF", "UNSC", "WHO", "WTO",
];

/// Names of the bodies named every day that have no abbreviation in the
/// data, or one shared with lesser bodies (compared by their words).
pub(crate) const PROMINENT_NAMES: &[&str] = &[
    "Executive Office of the President",
    "White House",
    "White House Office",
    "House of Representatives",
    "U.S. Senate",
    "Supreme Court of the United States",
    "Federal Reserve System",
    "United States Secret Service",
    "United States Coast Guard",
    "World Bank Group",
    "International Bank for Reconstruction and Development",
    "International Criminal Court",
    "International Committee of the Red Cross",
];

/// True for a body of [`PROMINENT_ABBREVIATIONS`] or [`PROMINENT_NAMES`].
pub(crate) fn is_prominent_body<S: AsRef<str>>(name: &str, abbreviations: &[S]) -> bool {
    let name = key(name);
    PROMINENT_NAMES.iter().any(|n| key(n) == name)
        || abbreviations
            .iter()
            .any(|a| PROMINENT_ABBREVIATIONS.contains(&a.as_ref()))
}

/// Where a body stands, as a generator's data says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Standing {
    /// At the top of a government: a US federal executive department, the
    /// Executive Office of the President.
    Top,
    /// An agency or an organisation in its own right.
    Main,
    /// Part of another body (a sub-agency, a subsidiary body of the UN), or
    /// a minor board.
    Part,
    /// A body that no longer exists, with the year it ended if the data
    /// gives it.
    Ended(Option<u16>),
}

/// The prominence of a body: [`PROMINENT`] for a body of
/// [`is_prominent_body`] still in existence, otherwise by its standing.
pub(crate) fn body<S: AsRef<str>>(name: &str, abbreviations: &[S], standing: Standing) -> u8 {
    match standing {
        Standing::Ended(year) => former_by_year(year),
        _ if is_prominent_body(name, abbreviations) => PROMINENT,
        Standing::Top => PROMINENT,
        Standing::Main => DEFAULT,
        Standing::Part => MINOR,
    }
}

/// A country or territory: a sovereign state is named every day.
pub(crate) fn country(sovereign: bool) -> u8 {
    if sovereign { PROMINENT } else { DEFAULT }
}

/// A capital city: a sovereign state's is named as often as the state
/// ("Budapest", "Cairo"), a territory's less.
pub(crate) fn capital(sovereign: bool) -> u8 {
    country(sovereign)
}

/// Someone or something of the past, by the year the last office (or the
/// body) ended; an unknown year counts as recent, as the sources that give
/// no date are recent lists.
pub(crate) fn former_by_year(ended: Option<u16>) -> u8 {
    former(ended.is_none_or(|y| y >= RECENT_FROM))
}

/// Someone or something of the past, by whether the office (or the body)
/// lasted into [`RECENT_FROM`] or later.
pub(crate) fn former(recent: bool) -> u8 {
    if recent { MINOR } else { HISTORICAL }
}

/// A US president or vice president: [`PROMINENT`] in office, else
/// [`DEFAULT`], whatever the century (Lincoln is named more than most
/// officials in office).
pub(crate) fn us_president_or_vice_president(in_office: bool) -> u8 {
    if in_office { PROMINENT } else { DEFAULT }
}

/// True when the role is held on `now`: no `to`, or a `to` on or after it.
pub(crate) fn held_now(role: &Role, now: Date) -> bool {
    role.to.is_none_or(|t| t.latest() >= now)
}

/// The year the last of the roles ended (`None` when none gives an end).
pub(crate) fn last_year(roles: &[Role]) -> Option<u16> {
    roles.iter().filter_map(|r| r.to.map(|t| t.year)).max()
}

/// The words of a title, lower case, without "of" and "the", between
/// spaces: " director office management and budget ".
fn title_words(title: &str) -> String {
    let words: Vec<String> = form_words(title)
        .into_iter()
        .filter(|w| w != "of" && w != "the")
        .collect();
    format!(" {} ", words.join(" "))
}

/// Words of a head of state's or government's title.
const HEAD_WORDS: &[&str] = &[
    " president ",
    " prime minister ",
    " premier ",
    " chancellor ",
    " king ",
    " queen ",
    " emperor ",
    " empress ",
    " emir ",
    " amir ",
    " sultan ",
    " pope ",
    " monarch ",
    " taoiseach ",
    " prince ",
    " grand duke ",
    " regent ",
    " leader ",
    " chief adviser ",
    " chairman ",
    " chairperson ",
    " chair ",
    " head government ",
    " head state ",
    " chief state ",
];

/// Words of a title under another's, or standing in for another's (a vice
/// president, a deputy, an heir, a monarch's governor-general or high
/// commissioner), or of a chamber's or a court's president ("President of
/// the Senate").
const SUBORDINATE_WORDS: &[&str] = &[
    " vice ",
    " deputy ",
    " assistant ",
    " heir ",
    " hereditary ",
    " consort ",
    " lieutenant ",
    " governor ",
    " representative ",
    " administrator ",
    " prefect ",
    " commissioner ",
    " senate ",
    " assembly ",
    " parliament ",
    " court ",
];

/// True for the title of a head of state or of government: "President",
/// "Prime Minister", "King", "Chancellor", "Crown Prince and Prime
/// Minister" (one of its parts), but not "Vice President", "Deputy Prime
/// Minister", "Governor-General" or "President of the Senate".
pub(crate) fn is_head_of_state_or_government(title: &str) -> bool {
    title
        .split([';', ','])
        .flat_map(|part| part.split(" and "))
        // An heir is no head, but may hold a head's office besides ("Prime
        // Minister Crown Prince" of Bahrain).
        .map(|part| title_words(part).replace(" crown prince ", " "))
        .any(|t| HEAD_WORDS.iter().any(|h| t.contains(h)) && !SUBORDINATE_WORDS.iter().any(|s| t.contains(s)))
}

/// The US cabinet-level posts, by their words ([`title_words`]), as the
/// sources title them.
const US_CABINET_TITLES: &[&str] = &[
    "vice president",
    "vice president united states",
    "secretary state",
    "secretary treasury",
    "secretary defense",
    "attorney general",
    "attorney general united states",
    "secretary interior",
    "secretary agriculture",
    "secretary commerce",
    "secretary labor",
    "secretary health and human services",
    "secretary housing and urban development",
    "secretary transportation",
    "secretary energy",
    "secretary education",
    "secretary veterans affairs",
    "secretary homeland security",
    "white house chief staff",
    "assistant to president and white house chief staff",
    "assistant to president and chief staff",
    "chief staff to president",
    "director office management and budget",
    "director national intelligence",
    "director central intelligence agency",
    "trade representative",
    "united states trade representative",
    "u s trade representative",
    "administrator environmental protection agency",
    "administrator small business administration",
    "ambassador to united nations",
    "u s ambassador to united nations",
    "united states ambassador to united nations",
    "representative united states to united nations",
    "permanent representative united states to united nations",
];

/// The bodies whose head is cabinet-level where the title alone ("Secretary",
/// "Director") does not say which post it is: (head, body).
const US_CABINET_HEADS: &[(&str, &str)] = &[
    ("secretary", "Department of State"),
    ("secretary", "Department of the Treasury"),
    ("secretary", "Department of Defense"),
    ("secretary", "Office of the Secretary of Defense"),
    ("secretary", "Department of the Interior"),
    ("secretary", "Department of Agriculture"),
    ("secretary", "Department of Commerce"),
    ("secretary", "Department of Labor"),
    ("secretary", "Department of Health and Human Services"),
    ("secretary", "Department of Housing and Urban Development"),
    ("secretary", "Department of Transportation"),
    ("secretary", "Department of Energy"),
    ("secretary", "Department of Education"),
    ("secretary", "Department of Veterans Affairs"),
    ("secretary", "Department of Homeland Security"),
    ("attorney general", "Department of Justice"),
    ("director", "Office of Management and Budget"),
    ("director", "Office of the Director of National Intelligence"),
    ("director", "Central Intelligence Agency"),
    ("administrator", "Environmental Protection Agency"),
    ("administrator", "Small Business Administration"),
    ("chief staff", "White House Office"),
];

/// True for a US cabinet-level post: the vice president, the fifteen
/// secretaries and the attorney general, and the posts of cabinet rank (the
/// White House chief of staff, the directors of OMB, national intelligence
/// and the CIA, the trade representative, the administrators of the EPA and
/// the SBA, the ambassador to the UN). `org` is the body the source names
/// ("Department of the Treasury", "White House Office, Executive Office of
/// the President"), for a title that does not say it ("Secretary").
/// "Acting" holders count; deputies do not.
pub(crate) fn is_us_cabinet_level(title: &str, org: Option<&str>) -> bool {
    let mut t = title_words(title);
    if let Some(rest) = t.strip_prefix(" acting") {
        t = rest.to_owned();
    }
    // "Secretary, Department of Energy", "Secretary of the Department of
    // Homeland Security": the secretary of the department.
    for (from, to) in [
        (" secretary department ", " secretary "),
        (" secretary usun ", " "),
    ] {
        t = t.replacen(from, to, 1);
    }
    // "USUN (AMB/COM) - REPRESENTATIVE OF THE UNITED STATES OF AMERICA TO
    // THE UNITED NATIONS, WITH THE RANK...": the Plum Book's UN ambassador.
    if t.starts_with(" usun amb com representative united states america to united nations ") {
        return true;
    }
    let t = t.trim();
    if US_CABINET_TITLES.contains(&t) {
        return true;
    }
    let Some(org) = org else { return false };
    let org = key(org.split(", ").next().unwrap_or(org));
    US_CABINET_HEADS
        .iter()
        .any(|(head, body)| *head == t && key(body) == org)
}

/// The leaders of the chambers of Congress, as `legislators-current.yaml`
/// titles them: the Speaker, and the majority and minority leaders of the
/// Senate and of the House.
const CONGRESSIONAL_LEADERS: &[&str] = &[
    "Speaker of the House",
    "Senate Majority Leader",
    "Senate Minority Leader",
    "House Majority Leader",
    "House Minority Leader",
];

/// True for the title of a leader of a chamber of Congress (not a whip, not
/// a conference chair).
pub(crate) fn is_congressional_leader(title: &str) -> bool {
    CONGRESSIONAL_LEADERS.iter().any(|l| key(l) == key(title))
}

/// A member of a government in office (a minister, a head of state or
/// government the dictionaries before did not take, a royal):
/// [`DEFAULT`], but [`MINOR`] below a minister ([`is_below_minister`]).
pub(crate) fn in_government(role: &str) -> u8 {
    if is_below_minister(role) { MINOR } else { DEFAULT }
}

/// A member of parliament or an official outside the government in
/// office: [`MINOR`], but [`DEFAULT`] for a presiding officer or a chief
/// justice ([`is_presiding_officer`]), who rank with ministers.
pub(crate) fn in_parliament_or_below(role: &str) -> u8 {
    if is_presiding_officer(role) {
        DEFAULT
    } else {
        MINOR
    }
}

/// True for an office under a minister's: a deputy or vice minister, an
/// under-secretary, a minister of state or parliamentary secretary (the
/// junior ministers of the Westminster systems).
pub(crate) fn is_below_minister(role: &str) -> bool {
    let t = title_words(role);
    [
        " deputy minister ",
        " vice minister ",
        " vice-minister ",
        " assistant minister ",
        " junior minister ",
        " minister state ",
        " undersecretary ",
        " under secretary ",
        " parliamentary secretary ",
        " secretary state ",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// True for the presiding officer of a parliament or of a chamber, or the
/// head of a supreme or constitutional court: "Speaker of the National
/// Assembly", "President of the Senate", "Chief Justice".
pub(crate) fn is_presiding_officer(role: &str) -> bool {
    let t = title_words(role);
    if [" deputy ", " vice ", " vice-president ", " spokesperson "]
        .iter()
        .any(|w| t.contains(w))
    {
        return false;
    }
    t.contains(" speaker ")
        || t.contains(" chief justice ")
        || [
            " president senate ",
            " president national assembly ",
            " president chamber ",
            " president parliament ",
            " president house ",
            " president supreme court ",
            " president constitutional court ",
        ]
        .iter()
        .any(|w| t.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(title: &str, to: Option<&str>) -> Role {
        Role {
            title: title.to_owned(),
            org: None,
            from: None,
            to: to.and_then(Date::parse_partial),
        }
    }

    #[test]
    fn people_by_their_roles() {
        let now = Date::parse("2026-05-17").unwrap();
        // In office: no end, or an end on or after the date of the data
        // (a year gets the benefit of the doubt).
        assert!(held_now(&role("Prime Minister", None), now));
        assert!(held_now(&role("Prime Minister", Some("2026")), now));
        assert!(!held_now(&role("Prime Minister", Some("2026-05-16")), now));
        // Out of office: by the year the last office ended.
        let roles = [
            role("Minister", Some("1979")),
            role("Prime Minister", Some("2005-06-01")),
        ];
        assert_eq!(last_year(&roles), Some(2005));
        assert_eq!(former_by_year(last_year(&roles)), MINOR);
        assert_eq!(former_by_year(last_year(&roles[..1])), HISTORICAL);
        // The boundary year is recent; an unknown end too.
        assert_eq!(former_by_year(Some(1990)), MINOR);
        assert_eq!(former_by_year(Some(1989)), HISTORICAL);
        assert_eq!(former_by_year(None), MINOR);
        assert_eq!(former(false), HISTORICAL);
        assert_eq!(us_president_or_vice_president(false), DEFAULT);
        assert_eq!(us_president_or_vice_president(true), PROMINENT);
        assert_eq!(in_government("Minister of Finance"), DEFAULT);
        assert_eq!(in_government("Deputy Minister of Finance"), MINOR);
        assert_eq!(in_parliament_or_below("Member of Parliament"), MINOR);
        assert_eq!(
            in_parliament_or_below("Speaker of the National Assembly"),
            DEFAULT
        );
    }

    #[test]
    fn heads_of_state_and_government() {
        for t in [
            "President",
            "Prime Minister",
            "King",
            "Chancellor",
            "Federal Chancellor",
            "Crown Prince and Prime Minister",
            "Supreme Leader",
            "Pope",
            "Taoiseach",
            "Chairperson of the Presidency",
            "Sovereign Council Chair and Commander-in-Chief of the Sudanese Armed Forces",
            "Prime Minister Crown Prince",
            "Taliban Leader",
            "Acting President",
            "Premier of the State Council",
        ] {
            assert!(is_head_of_state_or_government(t), "{t}");
        }
        for t in [
            "Vice President",
            "First Vice President",
            "Deputy Prime Minister",
            "Governor-General",
            "Crown Prince",
            "Hereditary Prince",
            "Supreme People's Assembly President",
            "Representative of the King",
            "President of the Senate",
            "Minister of Foreign Affairs",
            "High Commissioner",
        ] {
            assert!(!is_head_of_state_or_government(t), "{t}");
        }
    }

    #[test]
    fn cabinet_level_posts() {
        for (t, org) in [
            ("Secretary of State", None),
            ("Secretary of the Treasury", None),
            ("Attorney General", Some("Department of Justice")),
            ("Secretary", Some("Department of the Treasury")),
            ("Secretary of Defense", Some("Office of the Secretary of Defense")),
            ("Secretary, Department of Energy", Some("Department of Energy")),
            ("Secretary of the Department of Homeland Security", None),
            ("Secretary, Health and Human Services", None),
            (
                "Assistant to the President and White House Chief of Staff",
                Some("White House Office, Executive Office of the President"),
            ),
            ("White House Chief of Staff", None),
            ("Director Office of Management and Budget", None),
            (
                "Director",
                Some("Office of the Director of National Intelligence"),
            ),
            ("Administrator", Some("Environmental Protection Agency")),
            ("U.S. Ambassador to the United Nations", None),
            ("Acting Secretary of Labor", None),
            ("Vice President", Some("United States")),
            (
                "Usun (Amb/Com) - Representative of the United States of America to the United Nations, With the Rank",
                Some("Department of State"),
            ),
        ] {
            assert!(is_us_cabinet_level(t, org), "{t} ({org:?})");
        }
        for (t, org) in [
            ("Deputy Secretary of State", None),
            ("Secretary of the Army", Some("Department of the Army")),
            ("Secretary of State of Maryland", None),
            ("Secretary", Some("American Battle Monuments Commission")),
            ("Deputy Attorney General", Some("Department of Justice")),
            ("White House Deputy Chief of Staff", None),
            ("Chief of Staff", Some("Department of Energy")),
            (
                "Assistant to the President and Chief of Staff to the First Lady",
                Some("White House Office, Executive Office of the President"),
            ),
            ("Principal Deputy Director of National Intelligence", None),
            ("Chair of the Federal Reserve", None),
        ] {
            assert!(!is_us_cabinet_level(t, org), "{t} ({org:?})");
        }
    }

    #[test]
    fn congress_and_parliaments() {
        assert!(is_congressional_leader("Speaker of the House"));
        assert!(is_congressional_leader("Senate Minority Leader"));
        assert!(!is_congressional_leader("Senate Majority Whip"));
        assert!(!is_congressional_leader("President Pro Tempore of the Senate"));
        assert!(is_below_minister("Deputy Minister of Finance"));
        assert!(is_below_minister("Undersecretary of State for Foreign Affairs"));
        assert!(is_below_minister("Minister of State for Europe"));
        assert!(!is_below_minister("Minister of Finance"));
        assert!(!is_below_minister("Deputy Prime Minister"));
        assert!(is_presiding_officer("Speaker of the National Assembly"));
        assert!(is_presiding_officer("President of the Senate"));
        assert!(is_presiding_officer("Chief Justice of Canada"));
        assert!(!is_presiding_officer(
            "Deputy Speaker of the House of Representatives"
        ));
        assert!(!is_presiding_officer("Vice-President of the Senate"));
        assert!(!is_presiding_officer("Presidential Spokesperson"));
    }

    #[test]
    fn places_and_bodies() {
        assert_eq!(country(true), PROMINENT);
        assert_eq!(country(false), DEFAULT);
        assert_eq!(
            body("Federal Bureau of Investigation", &["FBI"], Standing::Part),
            PROMINENT
        );
        assert_eq!(
            body("Federal Reserve System", &["FRS"], Standing::Main),
            PROMINENT
        );
        assert_eq!(
            body("Executive Office of the President", &["EOP"], Standing::Top),
            PROMINENT
        );
        assert_eq!(body("Peace Corps", &[] as &[&str], Standing::Main), DEFAULT);
        assert_eq!(body("Bureau of Prisons", &[] as &[&str], Standing::Part), MINOR);
        assert_eq!(
            body("Warsaw Pact", &[] as &[&str], Standing::Ended(Some(1991))),
            MINOR
        );
        assert_eq!(
            body(
                "European Coal and Steel Community",
                &["ECSC"],
                Standing::Ended(Some(1967))
            ),
            HISTORICAL
        );
        // Ended: prominent once, no more.
        assert_eq!(body("Somewhere", &["UN"], Standing::Ended(Some(2000))), MINOR);
    }
}
