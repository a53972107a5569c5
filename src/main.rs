//! The `copydesk` command: parse the arguments, run the command, exit with
//! its status. Everything else lives in the library and in [`cli`].

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    cli::run(cli::Args::parse())
}
