//! copydesk's dictionary core: what the linter and its build script share.
//!
//! Entities and their forms ([`entity`]), words and how they are folded and
//! compared ([`words`]), the background lexicon of English words, surnames
//! and given names ([`lexicon`]), dictionaries and the fuzzy index over
//! their words ([`dictionary`]), byte spans ([`span`]) and every threshold
//! the matching uses ([`thresholds`]).
//!
//! It reads no files and prints nothing: sources come in as text, compiled
//! dictionaries as bytes. The linter (`copydesk`) re-exports it; the build
//! script uses it to compile the built-in dictionaries; the generators
//! (`dictgen`) use it to check what they write.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod dictionary;
pub mod entity;
pub mod error;
pub mod lexicon;
pub mod span;
pub mod thresholds;
pub mod words;

#[cfg(test)]
mod test_util;

pub use dictionary::{DictSource, Dictionary, Form, FormId};
pub use entity::{Entity, EntityId, EntityKind, FormKind};
pub use error::{DictionaryProblem, Error};
pub use span::{DocumentId, Span};
