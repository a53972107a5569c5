//! `dictgen`: the maintainer tool that generates copydesk's built-in
//! dictionaries from public data (`cargo run -p dictgen -- ...`).
//!
//! Each command reads the shared data checkout (`--data ../shared/data`) and
//! writes one dictionary, deterministically: the same input always gives the
//! same bytes, so a regenerated file diffs cleanly. It is not part of the
//! shipped `copydesk` binary.

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

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use import_congress_former::FormerMembers;

/// Generate copydesk's built-in dictionaries from public data.
#[derive(Debug, Parser)]
#[command(name = "dictgen", version)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Members of the US Congress, from `legislators-current.yaml` of
    /// unitedstates/congress-legislators
    Congress {
        /// The YAML file; `-` reads standard input
        #[arg(long, value_name = "PATH")]
        input: PathBuf,
        /// `legislators-historical.csv`: forms a former member has too are
        /// listed as ambiguous, for `us-congress-former.toml` to keep them
        #[arg(long, value_name = "PATH")]
        historical: Option<PathBuf>,
        /// Where to write the dictionary; `-` writes to standard output
        #[arg(long, value_name = "PATH")]
        output: PathBuf,
    },
    /// US federal agencies (Government Manual, Federal Register, USA.gov,
    /// CISA .gov registry), with abbreviations and informal forms
    Agencies {
        /// The data checkout (`../shared/data`)
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
        /// Where to write the dictionary
        #[arg(long, value_name = "PATH")]
        output: PathBuf,
    },
    /// Countries, territories and their capitals (country-codes, CLDR,
    /// the CIA Factbook, Wikidata aliases)
    Countries {
        /// The data checkout (`../shared/data`)
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
        /// Where to write the dictionary
        #[arg(long, value_name = "PATH")]
        output: PathBuf,
    },
    /// International organisations with abbreviations (CIA Factbook appendix B)
    InternationalOrgs {
        /// The data checkout (`../shared/data`)
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
        /// Where to write the dictionary
        #[arg(long, value_name = "PATH")]
        output: PathBuf,
    },
    /// Former members of the US Congress (legislators-historical.csv)
    CongressFormer {
        /// The data checkout (`../shared/data`)
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
        /// Where to write the dictionary
        #[arg(long, value_name = "PATH")]
        output: PathBuf,
    },
    /// US presidents, vice presidents and executive-branch officials
    /// (executive.yaml, Government Manual leadership, OPM Plum Book)
    Executive {
        /// The data checkout (`../shared/data`)
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
        /// Where to write the dictionary
        #[arg(long, value_name = "PATH")]
        output: PathBuf,
    },
    /// Holders of senior US posts, governors and Supreme Court justices
    /// (Wikidata)
    UsOfficials {
        /// The data checkout (`../shared/data`)
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
        /// Where to write the dictionary
        #[arg(long, value_name = "PATH")]
        output: PathBuf,
    },
    /// Heads of state and government and ministers (CIA Factbook, Wikidata)
    WorldLeaders {
        /// The data checkout (`../shared/data`)
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
        /// Where to write the dictionary
        #[arg(long, value_name = "PATH")]
        output: PathBuf,
    },
    /// Ministers, officials and members of parliament of the world's
    /// governments (cdmngz/gov-salaries-data)
    WorldOfficials {
        /// The data checkout (`../shared/data`)
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
        /// Where to write the dictionary
        #[arg(long, value_name = "PATH")]
        output: PathBuf,
    },
    /// The background lexicon of `src/core/lexicon/`, from the word and name lists
    /// of the shared data checkout
    Lexicon {
        /// The data checkout (`../shared/data`)
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
        /// Where to write `lexicon.fst` and `nicknames.txt`
        #[arg(long, value_name = "DIR")]
        output_dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let result = match Args::parse().command {
        Command::Congress {
            input,
            historical,
            output,
        } => import_congress(&input, historical.as_deref(), &output),
        Command::Lexicon { data, output_dir } => import_lexicon(&data, &output_dir),
        Command::Agencies { data, output } => import_from_data("us-agencies", &data, &output),
        Command::Countries { data, output } => import_from_data("countries", &data, &output),
        Command::CongressFormer { data, output } => import_from_data("us-congress-former", &data, &output),
        Command::Executive { data, output } => import_from_data("us-executive", &data, &output),
        Command::UsOfficials { data, output } => import_from_data("us-officials", &data, &output),
        Command::WorldLeaders { data, output } => import_from_data("world-leaders", &data, &output),
        Command::WorldOfficials { data, output } => import_from_data("world-officials", &data, &output),
        Command::InternationalOrgs { data, output } => import_from_data("international-orgs", &data, &output),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // Nothing sensible is left to do when stderr itself fails.
            let _ = writeln!(io::stderr().lock(), "dictgen: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Build the generated dictionary `name` (see [`import::ORDER`]) from the
/// shared data checkout, and write it.
fn import_from_data(name: &str, data: &Path, output: &Path) -> Result<()> {
    let toml = import::Pipeline::new(data).dictionary(name)?;
    fs::write(output, toml).with_context(|| format!("failed to write {}", output.display()))
}

fn import_lexicon(data: &Path, output_dir: &Path) -> Result<()> {
    let files = lexicon_import::build_lexicon(data)?;
    files.write_to(output_dir)?;
    eprintln!("{}", files.summary());
    Ok(())
}

fn import_congress(input: &Path, historical: Option<&Path>, output: &Path) -> Result<()> {
    let yaml = if input.as_os_str() == "-" {
        let mut s = String::new();
        io::stdin()
            .lock()
            .read_to_string(&mut s)
            .context("failed to read standard input")?;
        s
    } else {
        fs::read_to_string(input).with_context(|| format!("failed to read {}", input.display()))?
    };
    let former = match historical {
        Some(path) => Some(FormerMembers::parse(
            &fs::read_to_string(path).with_context(|| format!("failed to read {}", path.display()))?,
        )?),
        None => None,
    };
    let toml = import::congress(&yaml, former.as_ref())?;
    if output.as_os_str() == "-" {
        let mut out = io::stdout().lock();
        return match out.write_all(toml.as_bytes()).and_then(|()| out.flush()) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                Err(e).context("failed to write to standard output")
            }
            _ => Ok(()),
        };
    }
    fs::write(output, toml).with_context(|| format!("failed to write {}", output.display()))
}
