//! The command line: argument definitions ([`args`]), the glue that reads
//! files, runs the linter and prints ([`run`]), `copydesk.toml` ([`config`]),
//! and the dictionary generators
//! behind `copydesk dict import` ([`import`]).
//!
//! This is the only place that knows clap, prints, or sets the exit code.

mod args;
mod changed;
mod config;
mod import;
mod import_agencies;
mod import_congress_former;
mod import_countries;
mod import_executive;
mod import_orgs;
mod import_us_officials;
mod import_world_leaders;
mod import_world_officials;
mod lexicon_import;
mod run;

pub(crate) use args::Args;
pub(crate) use run::run;
