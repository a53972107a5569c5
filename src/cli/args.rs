//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use copydesk::render::{
    self, Emitter, GithubEmitter, HumanEmitter, JsonEmitter, RdjsonEmitter, SarifEmitter, ShortEmitter,
};

/// Finds misspelled and inconsistent names of people, agencies and places in
/// news drafts.
#[derive(Debug, Parser)]
#[command(name = "copydesk", version, arg_required_else_help = true)]
pub(crate) struct Args {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Lint files for misspelled and inconsistent names
    Check(CheckArgs),
    /// List the names of a set of files, grouped by close spellings
    ///
    /// Each cluster of close spellings of one name word is listed with the
    /// uses and files of each form and a verdict (which form looks wrong,
    /// why, and how sure), most suspicious first; these are the pairs CD005
    /// (inconsistent-name-across-files) weighs. Exit status: 0, or 2 when a
    /// file or dictionary could not be read (the other files are still
    /// listed).
    Names(NamesArgs),
    /// Every candidate slip weighed, reported or not, with its features and
    /// confidence, as JSON Lines: the input of the calibration
    /// (`tests/calibration/`). For maintainers.
    #[command(hide = true)]
    Candidates(NamesArgs),
    /// List the rules, or print one rule's documentation
    Rule {
        /// A rule code or name, e.g. `CD001` or `misspelled-name`
        rule: Option<String>,
    },
    /// Print the configuration in effect: `copydesk.toml` resolved
    ///
    /// The file found upward from the current folder (or named with
    /// `--config`), its dictionary globs expanded, and every rule's level.
    Config {
        /// Use this configuration file instead of looking for copydesk.toml
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Validate dictionaries
    Dict {
        #[command(subcommand)]
        command: DictCommand,
    },
}

#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// Files or folders to check; `-` reads standard input [default: .]
    ///
    /// Folders are walked honouring `.gitignore`, and only `.txt`, `.md`,
    /// `.markdown`, `.html` and `.htm` files in them are checked. A file
    /// named here is checked whatever its extension (as plain text when the
    /// extension is unknown).
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub(crate) format: OutputFormat,

    /// Add a dictionary (TOML); may be repeated
    #[arg(long, value_name = "FILE")]
    pub(crate) dictionary: Vec<PathBuf>,

    /// Do not load the built-in dictionaries
    #[arg(long)]
    pub(crate) no_default_dictionaries: bool,

    /// Run only these rules (codes or names, comma-separated)
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    pub(crate) select: Vec<String>,

    /// Do not run these rules (codes or names, comma-separated)
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    pub(crate) ignore: Vec<String>,

    /// Use this configuration file [default: copydesk.toml found upward from
    /// the current folder]
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,

    /// Refuse inputs larger than this many bytes [default: 16777216, or
    /// `max-file-size` in copydesk.toml]
    #[arg(long, value_name = "BYTES")]
    pub(crate) max_file_size: Option<u64>,

    /// Apply the safe fixes in place, then report what is left
    ///
    /// Files are rewritten atomically (a temporary file beside each, then a
    /// rename), keeping their permissions; a read-only file, or one changed
    /// since it was read, is left alone and reported. With `-`, the fixed
    /// text goes to standard output and the findings to standard error.
    #[arg(long, conflicts_with = "diff")]
    pub(crate) fix: bool,

    /// Print the safe fixes as a unified diff; change nothing
    ///
    /// Exit status 1 when there is something to fix.
    #[arg(long)]
    pub(crate) diff: bool,

    /// Report only findings on lines added or changed since this Git ref
    ///
    /// The working tree is compared with REF (staged or not), and untracked
    /// files count as new. Whole files are still read, so a name spelled
    /// differently in an old paragraph is still compared.
    #[arg(long, value_name = "REF")]
    pub(crate) changed_since: Option<String>,

    /// Fail (exit status 1) on findings at or above this severity
    /// [default: `fail-on` of copydesk.toml, or warning]
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub(crate) fail_on: Option<FailOn>,

    /// Do not compare the files of the run with each other (CD005)
    ///
    /// With two files or more, a name spelled one way in most files and
    /// another way in a few is reported in the few
    /// (inconsistent-name-across-files). This turns that off, as
    /// `--ignore CD005` does.
    #[arg(long)]
    pub(crate) no_cross_file: bool,

    /// The date of the stories, YYYY-MM-DD, for those whose front matter
    /// gives no `date`
    ///
    /// wrong-title (CD012) checks a title against the offices the person
    /// held on this date; without a date it checks only that the person
    /// ever held the office.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) as_of: Option<copydesk::entity::Date>,

    /// The name (and so the format) of the text read from standard input
    ///
    /// Standard input is read for the path `-`; with this option and no
    /// path at all, it is read too.
    #[arg(long, value_name = "NAME")]
    pub(crate) stdin_filename: Option<String>,

    /// When to colour the output
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub(crate) color: ColorWhen,

    /// Worker threads [default: all cores]
    #[arg(short = 'j', long, value_name = "N")]
    pub(crate) threads: Option<usize>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct NamesArgs {
    /// Files or folders to read; `-` reads standard input [default: .]
    ///
    /// Read as by `copydesk check`.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,

    /// Output format
    ///
    /// `json` writes JSON Lines, one cluster per line:
    /// {"verdict":{"wrong","right","score","majority","reported","evidence"}
    /// or null, "forms":[{"form","uses","files","paths"}]}.
    #[arg(long, value_enum, default_value_t = NamesFormat::Human)]
    pub(crate) format: NamesFormat,

    /// List every name word, not only clusters of close spellings
    #[arg(long)]
    pub(crate) all: bool,

    /// Add a dictionary (TOML); may be repeated
    #[arg(long, value_name = "FILE")]
    pub(crate) dictionary: Vec<PathBuf>,

    /// Do not load the built-in dictionaries
    #[arg(long)]
    pub(crate) no_default_dictionaries: bool,

    /// The name (and so the format) of the text read from standard input
    #[arg(long, value_name = "NAME")]
    pub(crate) stdin_filename: Option<String>,

    /// Use this configuration file [default: copydesk.toml found upward from
    /// the current folder]
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,

    /// Refuse inputs larger than this many bytes [default: 16777216, or
    /// `max-file-size` in copydesk.toml]
    #[arg(long, value_name = "BYTES")]
    pub(crate) max_file_size: Option<u64>,

    /// Worker threads [default: all cores]
    #[arg(short = 'j', long, value_name = "N")]
    pub(crate) threads: Option<usize>,
}

/// A day written `YYYY-MM-DD` (`--as-of`).
fn parse_date(s: &str) -> Result<copydesk::entity::Date, String> {
    copydesk::entity::Date::parse(s).ok_or_else(|| format!("`{s}` is not a day written YYYY-MM-DD"))
}

/// `copydesk check --fail-on`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum FailOn {
    /// Only errors fail the run
    Error,
    /// Warnings and errors
    Warning,
    /// Any finding
    Info,
}

impl FailOn {
    pub(crate) fn severity(self) -> copydesk::Severity {
        match self {
            FailOn::Error => copydesk::Severity::Error,
            FailOn::Warning => copydesk::Severity::Warning,
            FailOn::Info => copydesk::Severity::Info,
        }
    }
}

/// `copydesk names --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum NamesFormat {
    /// A readable list of clusters
    Human,
    /// JSON Lines, one cluster per line
    Json,
}

#[derive(Debug, Subcommand)]
pub(crate) enum DictCommand {
    /// Validate dictionaries together; exit 1 on problems
    ///
    /// Loads the files together, over the built-in dictionaries as `check
    /// --dictionary` does, and reports every problem among them with its
    /// file, line and column (duplicate ids, a form claimed by two
    /// entities, a misspelling equal to a correct form, ...). Where a file
    /// refines a built-in entity (the same id or name) or takes a form a
    /// built-in entity holds, a note says so: the file wins. When they load, prints
    /// the entities of each file and the number of near-duplicate forms:
    /// names and aliases of two different entities so close that one would
    /// be flagged as a misspelling of the other if it were not itself known
    /// ("Mike Rogers" and "Mike Rodgers").
    ///
    /// A near-duplicate pair is resolved when a document writing either form
    /// gets no finding: both are known as written, so neither is flagged.
    /// Resolved pairs are not a problem. An unresolved pair is one: copydesk
    /// would flag a correct name of the dictionary; such pairs are always
    /// listed and make the check fail.
    ///
    /// Exit status: 0 when the files load and every pair is resolved; 1 on
    /// problems or an unresolved pair; 2 when a file cannot be read.
    Check {
        /// Dictionary files (TOML)
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,

        /// List every near-duplicate pair, one a line: the two forms with
        /// their entity ids, and the edits between them
        #[arg(long)]
        near_duplicates: bool,

        /// Check the files on their own, not over the built-in dictionaries
        /// (for the built-in dictionaries themselves)
        #[arg(long)]
        no_default_dictionaries: bool,
    },
}

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    /// Compiler-style messages with the source line
    Human,
    /// One line per finding: `path:line:col: CODE [severity] message`
    Short,
    /// JSON Lines, one object per finding
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request
    Github,
    /// reviewdog's Diagnostic Format (`reviewdog -f=rdjson`)
    Rdjson,
}

impl OutputFormat {
    /// The renderer for this format.
    pub(crate) fn emitter(self, color: render::ColorChoice) -> Box<dyn Emitter> {
        match self {
            OutputFormat::Human => Box::new(HumanEmitter::new(color)),
            OutputFormat::Short => Box::new(ShortEmitter),
            OutputFormat::Json => Box::new(JsonEmitter),
            OutputFormat::Sarif => Box::new(SarifEmitter),
            OutputFormat::Github => Box::new(GithubEmitter),
            OutputFormat::Rdjson => Box::new(RdjsonEmitter),
        }
    }
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorWhen {
    /// Colour when standard output is a terminal and `NO_COLOR` is not set
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Args::command().debug_assert();
    }
}
