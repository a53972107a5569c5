//! The `copydesk` command: parse the arguments, run the command, exit with
//! its status. Everything else lives in the library and in [`cli`].

mod cli;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than the system allocator: a lint allocates many small,
/// short-lived vectors per document, and glibc's malloc cost a quarter of
/// the run time (docs/performance.md, "History"). Built without
/// transparent huge pages (Cargo.toml, feature `no_thp`): each file's
/// memory, freed and touched again, was zeroed in 2 MB pages. Its version 2
/// (feature `v2`): version 3 took 2.5% longer on a run over many files, and
/// more memory.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run(cli::Args::parse())
}
