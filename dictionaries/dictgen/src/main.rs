//! `dictgen`: the maintainer tool that generates copydesk's built-in
//! dictionaries and background lexicon from public data
//! (`cargo run -p dictgen -- ...`).
//!
//! Each command reads the shared data checkout (`--data ../shared/data`) and
//! writes one file, deterministically: the same input always gives the same
//! bytes, so a regenerated file diffs cleanly. `all` writes every generated
//! file at once, and `check` regenerates them in memory and compares them
//! with the committed ones. It is not part of the shipped `copydesk` binary.
//!
//! This file holds the command line and the build order ([`ORDER`]); the
//! generators are in [`generators`], one module each, and what they share
//! in the other modules.

mod casing;
mod draft;
mod former_members;
mod forms;
mod generators;
mod legislators;
mod outputs;
mod person;
mod pipeline;
mod prominence;
mod reserved;
mod table;
mod territories;
#[cfg(test)]
mod testing;
mod toml_out;
mod wikidata;

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use copydesk::lexicon::{FST_FILE, NICKNAMES_FILE};

use former_members::FormerMembers;
use generators::{
    agencies, congress, congress_former, countries, executive, international_orgs, lexicon, us_officials,
    world_leaders, world_officials,
};
use legislators::{CURRENT_FILE, HISTORICAL_FILE};
use outputs::{Comparison, Output};
use pipeline::{Pipeline, Step};

/// The generated dictionaries, in the order they are built. Each one is
/// loaded with the base dictionaries (`newsroom.toml`, `us-congress.toml`)
/// and with every one before it, and gives way to them: an entity whose
/// name they hold is left out, and a form they hold is dropped, unless every
/// entity that holds it lists it under `ambiguous` (it is shared on purpose:
/// two people with one name, two bodies with one abbreviation); then the new
/// entity lists it there too. `international-orgs` offers its
/// abbreviations to `us-agencies`, built before it, to share.
/// `us-congress-former` comes last because its namesakes are the most
/// numerous: every person dictionary before it (and `us-congress.toml`)
/// lists under `ambiguous` the forms it shares with another person who
/// served in Congress.
static ORDER: [Step; 8] = [
    Step {
        name: "countries",
        generate: countries::generate,
        offer: None,
    },
    Step {
        name: "us-agencies",
        generate: agencies::generate,
        offer: None,
    },
    Step {
        name: "international-orgs",
        generate: international_orgs::generate,
        offer: Some(international_orgs::abbreviations),
    },
    Step {
        name: "us-executive",
        generate: executive::generate,
        offer: None,
    },
    Step {
        name: "us-officials",
        generate: us_officials::generate,
        offer: None,
    },
    Step {
        name: "world-leaders",
        generate: world_leaders::generate,
        offer: None,
    },
    Step {
        name: "world-officials",
        generate: world_officials::generate,
        offer: None,
    },
    Step {
        name: "us-congress-former",
        generate: congress_former::generate,
        offer: None,
    },
];

/// Where the lexicon's files are, under the repository root.
const LEXICON_DIR: &str = "src/core/lexicon";

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
        #[command(flatten)]
        args: DataArgs,
    },
    /// Countries, territories and their capitals (country-codes, CLDR,
    /// the CIA Factbook, Wikidata aliases)
    Countries {
        #[command(flatten)]
        args: DataArgs,
    },
    /// International organisations with abbreviations (CIA Factbook appendix B)
    InternationalOrgs {
        #[command(flatten)]
        args: DataArgs,
    },
    /// Former members of the US Congress (legislators-historical.csv)
    CongressFormer {
        #[command(flatten)]
        args: DataArgs,
    },
    /// US presidents, vice presidents and executive-branch officials
    /// (executive.yaml, Government Manual leadership, OPM Plum Book)
    Executive {
        #[command(flatten)]
        args: DataArgs,
    },
    /// Holders of senior US posts, governors and Supreme Court justices
    /// (Wikidata)
    UsOfficials {
        #[command(flatten)]
        args: DataArgs,
    },
    /// Heads of state and government and ministers (CIA Factbook, Wikidata)
    WorldLeaders {
        #[command(flatten)]
        args: DataArgs,
    },
    /// Ministers, officials and members of parliament of the world's
    /// governments (cdmngz/gov-salaries-data)
    WorldOfficials {
        #[command(flatten)]
        args: DataArgs,
    },
    /// The background lexicon of `src/core/lexicon/`, from the word and name
    /// lists of the shared data checkout
    Lexicon {
        /// The data checkout (`../shared/data`)
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
        /// Where to write `lexicon.fst` and `nicknames.txt`
        #[arg(long, value_name = "DIR")]
        output_dir: PathBuf,
    },
    /// Every generated file: `us-congress.toml`, the dictionaries of the
    /// build order and the lexicon, written into the repository
    All {
        #[command(flatten)]
        args: TreeArgs,
    },
    /// Regenerate every generated file in memory and compare it byte for
    /// byte with the repository's; exit 1 when one differs
    Check {
        #[command(flatten)]
        args: TreeArgs,
    },
}

/// The options of a command that builds one dictionary of the build order.
#[derive(Debug, clap::Args)]
struct DataArgs {
    /// The data checkout (`../shared/data`)
    #[arg(long, value_name = "DIR")]
    data: PathBuf,
    /// Where to write the dictionary
    #[arg(long, value_name = "PATH")]
    output: PathBuf,
}

/// The options of `all` and `check`.
#[derive(Debug, clap::Args)]
struct TreeArgs {
    /// The data checkout (`../shared/data`)
    #[arg(long, value_name = "DIR")]
    data: PathBuf,
    /// The repository root, which holds `dictionaries/` and `src/core/lexicon/`
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
}

fn main() -> ExitCode {
    let result = match Args::parse().command {
        Command::Congress {
            input,
            historical,
            output,
        } => write_congress(&input, historical.as_deref(), &output),
        Command::Lexicon { data, output_dir } => write_lexicon(&data, &output_dir),
        Command::Agencies { args } => write_dictionary("us-agencies", &args),
        Command::Countries { args } => write_dictionary("countries", &args),
        Command::CongressFormer { args } => write_dictionary("us-congress-former", &args),
        Command::Executive { args } => write_dictionary("us-executive", &args),
        Command::UsOfficials { args } => write_dictionary("us-officials", &args),
        Command::WorldLeaders { args } => write_dictionary("world-leaders", &args),
        Command::WorldOfficials { args } => write_dictionary("world-officials", &args),
        Command::InternationalOrgs { args } => write_dictionary("international-orgs", &args),
        Command::All { args } => write_all(&args),
        Command::Check { args } => check(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // Nothing sensible is left to do when stderr itself fails.
            let _ = writeln!(io::stderr().lock(), "dictgen: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Build the generated dictionary `name` of [`ORDER`] from the data
/// checkout, and write it.
fn write_dictionary(name: &str, args: &DataArgs) -> Result<ExitCode> {
    let toml = Pipeline::new(&args.data, &ORDER).dictionary(name)?;
    write(&args.output, toml.as_bytes())
}

fn write_lexicon(data: &Path, output_dir: &Path) -> Result<ExitCode> {
    let files = lexicon::build_lexicon(data)?;
    files.write_to(output_dir)?;
    eprintln!("{}", files.summary());
    Ok(ExitCode::SUCCESS)
}

fn write_congress(input: &Path, historical: Option<&Path>, output: &Path) -> Result<ExitCode> {
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
    let toml = congress::congress(&yaml, former.as_ref())?;
    if output.as_os_str() == "-" {
        let mut out = io::stdout().lock();
        return match out.write_all(toml.as_bytes()).and_then(|()| out.flush()) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                Err(e).context("failed to write to standard output")
            }
            _ => Ok(ExitCode::SUCCESS),
        };
    }
    write(output, toml.as_bytes())
}

fn write(path: &Path, bytes: &[u8]) -> Result<ExitCode> {
    fs::write(path, bytes).with_context(|| format!("failed to write {}", path.display()))?;
    Ok(ExitCode::SUCCESS)
}

/// Every generated file, built from the data checkout: `us-congress.toml`
/// (with the former members), the dictionaries of [`ORDER`] loaded with it,
/// and the lexicon.
fn generate_all(data: &Path) -> Result<Vec<Output>> {
    let pipeline = Pipeline::new(data, &ORDER);
    let former = FormerMembers::parse(&pipeline.read(HISTORICAL_FILE)?)?;
    let us_congress = congress::congress(&pipeline.read(CURRENT_FILE)?, Some(&former))
        .context("failed to build us-congress.toml")?;
    // The other dictionaries are loaded with this one, not with the file
    // the source tree holds, so that one run brings all up to date.
    let pipeline = pipeline.with_base("us-congress", us_congress.clone());
    let mut outputs = vec![Output::new("dictionaries/us-congress.toml", us_congress)];
    for step in &ORDER {
        outputs.push(Output::new(
            format!("dictionaries/{}.toml", step.name),
            pipeline.dictionary(step.name)?,
        ));
    }
    let lexicon = lexicon::build_lexicon(data)?;
    let dir = Path::new(LEXICON_DIR);
    outputs.push(Output::new(dir.join(FST_FILE), lexicon.fst));
    outputs.push(Output::new(dir.join(NICKNAMES_FILE), lexicon.nicknames));
    Ok(outputs)
}

fn write_all(args: &TreeArgs) -> Result<ExitCode> {
    for output in generate_all(&args.data)? {
        output.write(&args.root)?;
        println!("wrote {}", output.path.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn check(args: &TreeArgs) -> Result<ExitCode> {
    let outputs = generate_all(&args.data)?;
    let mut differ = 0;
    for output in &outputs {
        let path = output.path.display();
        match output.compare(&args.root)? {
            Comparison::Identical => println!("identical  {path}"),
            Comparison::Differs(at) => {
                differ += 1;
                println!("DIFFERS    {path} (from {at})");
            }
            Comparison::Missing => {
                differ += 1;
                println!("MISSING    {path}");
            }
        }
    }
    if differ == 0 {
        println!(
            "dictgen check: all {} generated files are identical",
            outputs.len()
        );
        Ok(ExitCode::SUCCESS)
    } else {
        println!(
            "dictgen check: {differ} of {} generated files differ; `dictgen all` rewrites them",
            outputs.len()
        );
        Ok(ExitCode::FAILURE)
    }
}
