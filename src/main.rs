//! The `copydesk` command: parse the arguments, run the command, exit with
//! its status. Everything else lives in the library and in [`cli`].

mod cli;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than the system allocator: a lint allocates many small,
/// short-lived vectors per document, and glibc's malloc cost a quarter of
/// the run time (ARCHITECTURE.md, "Where the time goes").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in the `mi_option_e` enum of mimalloc 2's
/// `mimalloc.h` (the version libmimalloc-sys builds by default); the
/// crate's constants stop short of it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // Give freed memory back to the system at once rather than after 10 ms:
    // a run over many files lets go of each text once linted, and the
    // delay kept peak memory on the 50 MB corpus some 40 MB higher with two
    // threads (README, "Throughput").
    // SAFETY: setting an option is a store into mimalloc's option table,
    // valid at any time; this one is read whenever memory is freed.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0);
    }
    cli::run(cli::Args::parse())
}
