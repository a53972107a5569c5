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
mod builtin;
pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod linter;
pub mod matcher;
pub mod render;
pub mod rules;
pub mod suppress;

// The dictionary core, a crate of its own so that the build script can
// compile the built-in dictionaries with it; re-exported whole.
pub use copydesk_core::{dictionary, entity, error, lexicon, span, thresholds, words};

#[cfg(test)]
mod test_util;

pub use builtin::builtin;
pub use diagnostic::{Applicability, Diagnostic, Edit, EntityRef, Fix, Related, Severity};
pub use dictionary::{DictSource, Dictionary, Form, FormId};
pub use document::{Document, Documents, Format};
pub use entity::{Entity, EntityId, EntityKind, FormKind};
pub use error::{DictionaryProblem, Error};
pub use linter::{Settings, lint};
pub use span::{DocumentId, Span};
