//! Entities: the people, organisations and places a dictionary knows.

use serde::{Deserialize, Serialize};

use crate::dictionary::FormKind;

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
    /// The family name where it is not the last word of the name.
    pub family_name: Option<String>,
    /// Titles the entity holds, written as they stand before the name.
    pub titles: Vec<String>,
    /// Forms this entity shares on purpose with another entity that lists
    /// them too (two members of Congress with one name).
    pub ambiguous: Vec<String>,
    /// One line describing the entity, shown with suggestions.
    pub description: Option<String>,
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
            family_name: None,
            titles: Vec::new(),
            ambiguous: Vec::new(),
            description: None,
            source: 0,
        }
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
    fn family_name_skips_suffixes() {
        let mut e = Entity::new(EntityKind::Person, "Donald M. Payne, Jr.");
        assert_eq!(e.family_name(), Some("Payne"));
        e.name = "Donald M. Payne Jr.".into();
        assert_eq!(e.family_name(), Some("Payne"));
        e.family_name = Some("Xi".into());
        assert_eq!(e.family_name(), Some("Xi"));
    }
}
