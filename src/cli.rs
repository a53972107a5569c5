//! The command line: argument definitions ([`args`]), the glue that reads
//! files, runs the linter and prints ([`run`]), `copydesk.toml` ([`config`])
//! and the files changed since a git revision ([`changed`]).
//!
//! This is the only place that knows clap, prints, or sets the exit code.

mod args;
mod changed;
mod config;
mod read;
mod run;

pub(crate) use args::Args;
pub(crate) use run::run;
