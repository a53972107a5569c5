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

/// `mi_option_purge_delay` in the `mi_option_e` enum of `mimalloc.h` (the
/// same in mimalloc 2 and 3); libmimalloc-sys's constants stop short of it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long freed memory stays with the process before it goes back to the
/// system, in milliseconds. mimalloc 3 (what libmimalloc-sys builds) keeps
/// it a second; on the 50 MB corpus with two threads that held peak memory
/// some 40 MB higher (about 210 MB against 170 MB). 0 saved a few MB more
/// and cost a tenth more system time in page faults.
const PURGE_DELAY_MS: std::ffi::c_long = 10;

fn main() -> ExitCode {
    // A run over many files lets go of each text once linted (cli::run).
    // SAFETY: setting an option is a store into mimalloc's option table,
    // valid at any time; this one is read whenever memory is freed.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS);
    }
    cli::run(cli::Args::parse())
}
