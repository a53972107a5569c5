//! Entities: the people, organisations and places a dictionary knows.

use serde::{Deserialize, Serialize};

/// Which list of an entity a form comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FormKind {
    /// The canonical name.
    Name,
    /// Another correct form.
    Alias,
    /// Acceptable but not house style.
    Variant,
    /// A known wrong form.
    Misspelling,
    /// An abbreviation.
    Abbreviation,
}

impl FormKind {
    /// True for forms that are correct as written (name, alias, abbreviation).
    pub fn is_correct(self) -> bool {
        matches!(self, FormKind::Name | FormKind::Alias | FormKind::Abbreviation)
    }
}

/// Index of an entity inside one [`crate::Dictionary`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(pub u32);

/// What sort of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An agency, company, group or other body.
    Organization,
    /// A country, city, region or other place.
    Place,
    /// A named event.
    Event,
    /// Anything else.
    Other,
}

impl EntityKind {
    /// The name used in dictionaries and JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Event => "event",
            EntityKind::Other => "other",
        }
    }
}

/// How likely a story is to name an entity, as dictionaries write it
/// (`prominence = 0` to `3`). A near miss of a prominent entity needs less
/// confirmation than one of an obscure namesake.
pub struct Prominence;

impl Prominence {
    /// Named in old stories only: a member of Congress of the 19th century,
    /// an official long out of office.
    pub const HISTORICAL: u8 = 0;
    /// Named now and then: a former official, a minor body.
    pub const MINOR: u8 = 1;
    /// Named often: a member of Congress or an official in office, an
    /// agency. What an entry of a newsroom's own dictionary is taken to be.
    pub const DEFAULT: u8 = 2;
    /// Named every day: a country, a head of state or government, a cabinet
    /// member, a federal department.
    pub const PROMINENT: u8 = 3;
}

/// One entity with all its known forms.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Stable slug, unique across all loaded dictionaries.
    pub id: String,
    /// Person, organisation, place, ...
    pub kind: EntityKind,
    /// The canonical (house-style) form.
    pub name: String,
    /// Other correct forms.
    pub aliases: Vec<String>,
    /// Acceptable forms that are not house style (CD003).
    pub variants: Vec<String>,
    /// Known wrong forms (CD001, safe fix).
    pub misspellings: Vec<String>,
    /// Abbreviations such as `ONDCP`.
    pub abbreviations: Vec<String>,
    /// The abbreviations are known to every reader (`US`, `FBI`, `NATO`): a
    /// story may use them without spelling the name out (CD011).
    pub well_known: bool,
    /// The family name where it is not the last word of the name.
    pub family_name: Option<String>,
    /// Titles the entity holds, written as they stand before the name.
    pub titles: Vec<String>,
    /// Offices the person held, with their dates (CD012); empty when the
    /// dictionary does not know them.
    pub roles: Vec<Role>,
    /// Forms this entity shares on purpose with another entity that lists
    /// them too (two members of Congress with one name).
    pub ambiguous: Vec<String>,
    /// One line describing the entity, shown with suggestions.
    pub description: Option<String>,
    /// How likely a story is to name the entity, 0 to 3 (see
    /// [`Prominence`]); `None` when the dictionary does not say.
    pub prominence: Option<u8>,
    /// Index of the dictionary source the entity came from.
    pub source: u16,
}

impl Entity {
    /// A bare entity with only a kind and a name; the id is the slug of the name.
    pub fn new(kind: EntityKind, name: impl Into<String>) -> Self {
        let name = name.into();
        Entity {
            id: slug(&name),
            kind,
            name,
            aliases: Vec::new(),
            variants: Vec::new(),
            misspellings: Vec::new(),
            abbreviations: Vec::new(),
            well_known: false,
            family_name: None,
            titles: Vec::new(),
            roles: Vec::new(),
            ambiguous: Vec::new(),
            description: None,
            prominence: None,
            source: 0,
        }
    }

    /// How likely a story is to name the entity: its `prominence`, or
    /// [`Prominence::DEFAULT`] when the dictionary does not say.
    pub fn prominence(&self) -> u8 {
        self.prominence.unwrap_or(Prominence::DEFAULT)
    }

    /// The number of forms: the name, aliases, variants, misspellings and
    /// abbreviations.
    pub fn form_count(&self) -> usize {
        1 + self.aliases.len() + self.variants.len() + self.misspellings.len() + self.abbreviations.len()
    }

    /// The `i`-th form, in the order of [`Entity::form_count`]'s lists.
    pub fn form(&self, i: usize) -> Option<(&str, FormKind)> {
        if i == 0 {
            return Some((&self.name, FormKind::Name));
        }
        let mut i = i - 1;
        for (list, kind) in [
            (&self.aliases, FormKind::Alias),
            (&self.variants, FormKind::Variant),
            (&self.misspellings, FormKind::Misspelling),
            (&self.abbreviations, FormKind::Abbreviation),
        ] {
            if i < list.len() {
                return Some((&list[i], kind));
            }
            i -= list.len();
        }
        None
    }

    /// The family name: `family-name` when given, otherwise the last word of
    /// the canonical name (persons only).
    pub fn family_name(&self) -> Option<&str> {
        if self.kind != EntityKind::Person {
            return None;
        }
        self.family_name.as_deref().or_else(|| {
            self.name
                .split_whitespace()
                .rev()
                .find(|w| !is_name_suffix(w))
                .map(|w| w.trim_end_matches(','))
        })
    }
}

/// An office a person held: `{ title = "Senator", org = "United States
/// Senate", from = "2013-01-03", to = "2019-01-03" }` in a dictionary.
///
/// Either date may be missing or known to the year or month only, as the
/// sources give them: no `from`, a start the source does not give (the Plum
/// Book lists who holds a post, rarely since when); no `to`, held still, as
/// far as the dictionary knows. Comparisons give a partial date the benefit
/// of the doubt ([`Date::earliest`], [`Date::latest`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// The office as its holder is titled ("Secretary of State").
    pub title: String,
    /// The body the office belongs to, when the title does not say it.
    pub org: Option<String>,
    /// The first day in office, when known.
    pub from: Option<Date>,
    /// The last day in office; `None` while the office is held.
    pub to: Option<Date>,
}

impl Role {
    /// True when the role may have been held on `day`.
    pub fn held_on(&self, day: Date) -> bool {
        self.from.is_none_or(|f| f.earliest() <= day) && self.to.is_none_or(|t| day <= t.latest())
    }

    /// True when the role may have been held at some time during `year`.
    pub fn held_in_year(&self, year: u16) -> bool {
        self.from.is_none_or(|f| f.year <= year) && self.to.is_none_or(|t| year <= t.year)
    }

    /// True when the role certainly began after `day`.
    pub fn began_after(&self, day: Date) -> bool {
        self.from.is_some_and(|f| f.earliest() > day)
    }
}

/// A calendar date, written `YYYY-MM-DD` in dictionaries and front matter;
/// a role's date may also be known to the month (`YYYY-MM`) or the year
/// (`YYYY`) only, and then `day` (and `month`) are 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, 1 to 9999.
    pub year: u16,
    /// The month, 1 to 12; 0 when only the year is known.
    pub month: u8,
    /// The day of the month, 1 to 31; 0 when only the year or the month is
    /// known.
    pub day: u8,
}

impl Date {
    /// Parse a day written `YYYY-MM-DD` exactly; `None` unless it is a real
    /// day (no 30 February).
    pub fn parse(text: &str) -> Option<Date> {
        Date::parse_partial(text).filter(|d| d.day != 0)
    }

    /// Parse `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub fn parse_partial(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        let number = |r: std::ops::Range<usize>| -> Option<u32> {
            let s = text.get(r)?;
            s.bytes().all(|c| c.is_ascii_digit()).then(|| s.parse().ok())?
        };
        let year = number(0..4)?;
        let (month, day) = match b.len() {
            4 => (0, 0),
            7 if b[4] == b'-' => (number(5..7)?, 0),
            10 if b[4] == b'-' && b[7] == b'-' => (number(5..7)?, number(8..10)?),
            _ => return None,
        };
        if year == 0 || (b.len() > 4 && !(1..=12).contains(&month)) {
            return None;
        }
        if b.len() == 10 && !(1..=days_in_month(year, month)).contains(&day) {
            return None;
        }
        Some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The first day the date may be.
    pub fn earliest(self) -> Date {
        Date {
            year: self.year,
            month: self.month.max(1),
            day: self.day.max(1),
        }
    }

    /// The last day the date may be.
    pub fn latest(self) -> Date {
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 {
            days_in_month(u32::from(self.year), u32::from(month)) as u8
        } else {
            self.day
        };
        Date {
            year: self.year,
            month,
            day,
        }
    }

    /// The date packed into one number, `YYYYMMDD` (for compiled records).
    pub fn packed(self) -> u32 {
        u32::from(self.year) * 10_000 + u32::from(self.month) * 100 + u32::from(self.day)
    }

    /// The date of [`Date::packed`].
    pub fn unpacked(n: u32) -> Date {
        Date {
            year: (n / 10_000) as u16,
            month: (n / 100 % 100) as u8,
            day: (n % 100) as u8,
        }
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day != 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

/// Generational and similar suffixes that are not a family name.
pub fn is_name_suffix(word: &str) -> bool {
    matches!(
        word.trim_end_matches(['.', ',']),
        "Jr" | "Sr" | "II" | "III" | "IV" | "V" | "PhD" | "MD"
    )
}

/// The slug of a name: lower-case ASCII letters and digits joined by `-`.
pub fn slug(name: &str) -> String {
    let ascii = deunicode::deunicode(name);
    let mut out = String::with_capacity(ascii.len());
    for ch in ascii.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') && ch != '\'' {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Jennifer Daskal"), "jennifer-daskal");
        assert_eq!(slug("Department of the Treasury"), "department-of-the-treasury");
        assert_eq!(slug("Beto O'Rourke"), "beto-orourke");
        assert_eq!(slug("Nydia M. Velázquez"), "nydia-m-velazquez");
    }

    #[test]
    fn dates() {
        let d = Date::parse("2024-02-29").unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        assert_eq!(Date::unpacked(d.packed()), d);
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-1-01",
            "24-01-01",
            "2024/01/01",
            "2024-01-32",
            "2024-01",
            "0000",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2019-12-31") < Date::parse("2020-01-01"));
        let year = Date::parse_partial("2013").unwrap();
        let month = Date::parse_partial("2024-02").unwrap();
        assert_eq!(
            (year.to_string(), month.to_string()),
            ("2013".into(), "2024-02".into())
        );
        assert_eq!(Date::unpacked(month.packed()), month);
        assert_eq!(year.earliest().to_string(), "2013-01-01");
        assert_eq!(year.latest().to_string(), "2013-12-31");
        assert_eq!(month.latest().to_string(), "2024-02-29");
        assert_eq!(Date::parse_partial("2013-13"), None);
    }

    #[test]
    fn roles_give_partial_dates_the_benefit_of_the_doubt() {
        let day = |s| Date::parse(s).unwrap();
        let role = Role {
            title: "Senator".into(),
            org: None,
            from: Date::parse_partial("2013"),
            to: Date::parse_partial("2019-01-03"),
        };
        assert!(role.held_on(day("2013-01-01")) && role.held_on(day("2019-01-03")));
        assert!(!role.held_on(day("2019-01-04")) && !role.held_on(day("2012-12-31")));
        assert!(role.held_in_year(2019) && !role.held_in_year(2012));
        assert!(role.began_after(day("2012-12-31")) && !role.began_after(day("2013-06-01")));
        let current = Role {
            title: "Secretary of State".into(),
            org: None,
            from: None,
            to: None,
        };
        assert!(current.held_on(day("1900-01-01")) && !current.began_after(day("1900-01-01")));
    }

    #[test]
    fn family_name_skips_suffixes() {
        let mut e = Entity::new(EntityKind::Person, "Donald M. Payne, Jr.");
        assert_eq!(e.family_name(), Some("Payne"));
        e.name = "Donald M. Payne Jr.".into();
        assert_eq!(e.family_name(), Some("Payne"));
        e.family_name = Some("Xi".into());
        assert_eq!(e.family_name(), Some("Xi"));
    }
}
