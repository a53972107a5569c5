//! copydesk: a named-entity consistency linter for journalism.
//!
//! copydesk reads a draft, finds the names of people, agencies and
//! organisations in it, and reports the ones spelled wrong or spelled two
//! ways, with suggested fixes.
//!
//! ```
//! use copydesk::{Dictionary, DictSource, Documents, Format, Settings, lint};
//!
//! let dict = Dictionary::load(&[DictSource {
//!     name: "news.toml".into(),
//!     text: r#"
//! [[entity]]
//! kind = "person"
//! name = "Jennifer Daskal"
//! aliases = ["Jen Daskal"]
//! "#
//!     .into(),
//! }])
//! .unwrap();
//! let mut docs = Documents::new();
//! let id = docs.add("draft.txt", "Jen Daskal spoke. Later, Jennifer Deskel left.", Format::Plain);
//! let diags = lint(docs.get(id), &dict, &Settings::default());
//! assert_eq!(diags[0].found, "Jennifer Deskel");
//! assert_eq!(diags[0].suggestions, ["Jennifer Daskal"]);
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod audit;
pub mod diagnostic;
pub mod dictionary;
pub mod document;
pub mod entity;
pub mod error;
pub mod fix;
pub mod lexicon;
pub mod linter;
pub mod matcher;
pub mod render;
pub mod rules;
pub mod span;
pub mod suppress;
pub mod words;

#[cfg(test)]
mod test_util;

pub use diagnostic::{Applicability, Diagnostic, Edit, EntityRef, Fix, Related, Severity};
pub use dictionary::{DictSource, Dictionary, Form, FormId, FormKind};
pub use document::{Document, DocumentId, Documents, Format};
pub use entity::{Entity, EntityId, EntityKind};
pub use error::{DictionaryProblem, Error};
pub use linter::{Settings, lint};
pub use span::Span;
