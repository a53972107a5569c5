//! Running a command: resolve the options, read the inputs, lint them in
//! parallel (then compare them with each other, for CD005 and `names`) and
//! print the results in input order.
//!
//! Diagnostics go to stdout and errors to stderr, prefixed `copydesk: error: `.
//! A file that cannot be read, is binary or is not UTF-8 is reported and the
//! run goes on with the other files; the exit status is then 2. A closed
//! stdout (`copydesk check | head`) ends the output quietly.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, anyhow, bail};
use copydesk::Settings;
use copydesk::audit::{NearDuplicate, near_duplicates};
use copydesk::builtin;
use copydesk::linter::{doc_names, fix_document, lint_document, lint_run};
use copydesk::matcher::decision::Candidate;
use copydesk::matcher::{CrossFile, DocNames};
use copydesk::render::ColorChoice;
use copydesk::render::{write_names_human, write_names_json};
use copydesk::rules::{RULES, Rule, RuleMeta, find_rule};
use copydesk::{
    Diagnostic, DictSource, Dictionary, DictionaryProblem, Document, DocumentId, Documents, Format,
};
use ignore::WalkBuilder;
use rayon::prelude::*;

use super::args::{Args, CheckArgs, ColorWhen, Command, DictCommand, NamesArgs, NamesFormat};
use super::changed::Changed;
use super::config::{Config, RuleLevel};
use super::read::{self, Content};

/// How a command ended. The worst outcome of a run wins; the discriminant is
/// the exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    /// Nothing found at or above warning severity.
    Clean = 0,
    /// Findings (`check`) or dictionary problems (`dict check`).
    Findings = 1,
    /// A usage, dictionary or I/O error.
    Error = 2,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        ExitCode::from(status as u8)
    }
}

/// Run the command the arguments name.
pub(crate) fn run(args: Args) -> ExitCode {
    let status = match args.command {
        Command::Check(args) => check(&args),
        Command::Names(args) => names(&args),
        Command::Candidates(args) => candidates(&args),
        Command::Rule { rule } => rule_docs(rule.as_deref()),
        Command::Config { config: path } => match config(path.as_deref(), None) {
            Some(c) => {
                let cwd = std::env::current_dir().unwrap_or_default();
                write_stdout(|w| w.write_all(c.render(&cwd).as_bytes()))
            }
            None => Status::Error,
        },
        Command::Dict { command } => match command {
            DictCommand::Check {
                files,
                near_duplicates,
                no_default_dictionaries,
            } => dict_check(&files, near_duplicates, no_default_dictionaries),
        },
    };
    status.into()
}

/// Print an error to stderr as `copydesk: error: ...`, with its causes.
fn report(err: &anyhow::Error) {
    // Nothing sensible is left to do when stderr itself fails.
    let _ = writeln!(io::stderr().lock(), "copydesk: error: {err:#}");
}

/// Write to a buffered, locked stdout. A closed pipe is not an error: the
/// output stops and the run keeps the status it had.
fn write_stdout(f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Status {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match f(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Status::Clean,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Status::Clean,
        Err(e) => {
            report(&anyhow!(e).context("failed to write to standard output"));
            Status::Error
        }
    }
}

// ---------------------------------------------------------------------------
// copydesk check

/// The rule `--no-cross-file` turns off.
const CROSS_FILE_RULE: &str = "CD005";

/// The configuration of `--config` or of the nearest `copydesk.toml`;
/// `None` when it cannot be read (reported).
fn config(explicit: Option<&Path>, max_file_size: Option<u64>) -> Option<Config> {
    let cwd = std::env::current_dir().unwrap_or_default();
    match Config::find(explicit, &cwd) {
        Ok(mut c) => {
            if let Some(max) = max_file_size {
                c.max_file_size = max;
            }
            Some(c)
        }
        Err(e) => {
            report(&e);
            None
        }
    }
}

fn check(args: &CheckArgs) -> Status {
    let Some(config) = config(args.config.as_deref(), args.max_file_size) else {
        return Status::Error;
    };
    let settings = match settings(&args.select, &args.ignore, &config) {
        Ok(mut s) => {
            if args.no_cross_file {
                for rule in RULES.iter().filter(|r| r.meta().code == CROSS_FILE_RULE) {
                    s.disable(rule.meta().code);
                }
            }
            s.set_as_of(args.as_of);
            s
        }
        Err(e) => {
            report(&e);
            return Status::Error;
        }
    };
    let dict = match config_dictionaries(&config, args.no_default_dictionaries, &args.dictionary) {
        Ok(d) => d,
        Err(status) => return status,
    };
    let Some(pool) = thread_pool(args.threads) else {
        return Status::Error;
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let changed = match args
        .changed_since
        .as_deref()
        .map(|r| Changed::since(r, &cwd))
        .transpose()
    {
        Ok(c) => c,
        Err(e) => {
            report(&e);
            return Status::Error;
        }
    };
    // --diff and --fix rewrite every document, so they keep every text.
    let keep_texts = args.diff || args.fix;
    let run = lint_inputs(
        &pool,
        &args.paths,
        args.stdin_filename.as_deref(),
        &config,
        &dict,
        &settings,
        keep_texts,
    );
    let (docs, sources, diags, mut status) = restore_shown(&pool, run);
    // With --changed-since, only the findings on changed lines (the whole
    // files were read, so consistency still sees everything).
    let only_changed = |docs: &Documents, mut diags: Vec<Diagnostic>| {
        if let Some(changed) = &changed {
            diags.retain(|d| {
                let doc = docs.get(d.doc);
                let (first, _) = doc.line_col(d.span.start);
                let (last, _) = doc.line_col(d.span.end);
                changed.touches(&doc.name, first, last, &cwd)
            });
        }
        diags
    };
    let diags = only_changed(&docs, diags);
    let fail_on = args.fail_on.map_or(config.fail_on, |f| f.severity());

    // Which findings of a fixed text a further pass of --fix may fix.
    let keep = |doc: &Document, d: &Diagnostic| {
        changed.as_ref().is_none_or(|changed| {
            let (first, _) = doc.line_col(d.span.start);
            let (last, _) = doc.line_col(d.span.end);
            changed.touches(&doc.name, first, last, &cwd)
        })
    };

    if args.diff {
        return status.max(print_diff(&docs, &diags, &dict, &settings, &keep));
    }
    if args.fix {
        let (fixed_docs, fixed_status) = fix_files(&docs, &sources, &diags, &dict, &settings, &keep);
        status = status.max(fixed_status);
        let diags = only_changed(&fixed_docs, lint_all(&pool, &fixed_docs, &dict, &settings));
        if diags.iter().any(|d| d.severity >= fail_on) {
            status = status.max(Status::Findings);
        }
        let mut emitter = args.format.emitter(color_choice(args.color));
        // With standard input, stdout has the fixed text: findings go to stderr.
        if sources.iter().any(Option::is_none) {
            let mut err = io::stderr().lock();
            return status.max(match emitter.emit(&mut err, &fixed_docs, &diags) {
                Ok(()) => Status::Clean,
                Err(_) => Status::Error,
            });
        }
        return status.max(write_stdout(|w| emitter.emit(w, &fixed_docs, &diags)));
    }

    if diags.iter().any(|d| d.severity >= fail_on) {
        status = status.max(Status::Findings);
    }
    let mut emitter = args.format.emitter(color_choice(args.color));
    status.max(write_stdout(|w| emitter.emit(w, &docs, &diags)))
}

/// Each document on its own, in parallel; then the run-level rules (CD005)
/// over the name words of all of them.
fn lint_all(
    pool: &rayon::ThreadPool,
    docs: &Documents,
    dict: &Dictionary,
    settings: &Settings,
) -> Vec<Diagnostic> {
    let all: Vec<&Document> = docs.iter().collect();
    let per_doc: Vec<(Vec<Diagnostic>, DocNames)> = pool.install(|| {
        all.par_iter()
            .map(|doc| lint_document(doc, dict, settings))
            .collect()
    });
    let (per_doc, names): (Vec<Vec<Diagnostic>>, Vec<DocNames>) = per_doc.into_iter().unzip();
    pool.install(|| {
        lint_run(
            docs,
            &names,
            dict,
            settings,
            per_doc.into_iter().flatten().collect(),
        )
    })
}

/// A run linted: the documents (read from files and released, unless the
/// texts were kept), where each was read, and the findings.
struct Run {
    docs: Documents,
    sources: Vec<Option<PathBuf>>,
    /// For each released document, the fingerprint of the text it had.
    released: Vec<Option<Fingerprint>>,
    diags: Vec<Diagnostic>,
    status: Status,
}

/// Length and hash of a text: enough to tell that a file read again is the
/// one that was linted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Fingerprint(usize, u64);

impl Fingerprint {
    fn of(text: &str) -> Self {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        text.hash(&mut h);
        Fingerprint(text.len(), h.finish())
    }
}

/// Read and lint every input in the worker threads, each file read, linted
/// and (unless `keep_texts`) let go of before the next, so that a run
/// holds the name words of its files, never every text at once; then the
/// run-level rules. [`restore_shown`] reads again the files a finding is
/// shown in. An input that cannot be read is reported and left out, and
/// the status is then [`Status::Error`].
fn lint_inputs(
    pool: &rayon::ThreadPool,
    paths: &[PathBuf],
    stdin_filename: Option<&str>,
    config: &Config,
    dict: &Dictionary,
    settings: &Settings,
    keep_texts: bool,
) -> Run {
    /// What one input became.
    struct Linted {
        doc: Document,
        path: Option<PathBuf>,
        diags: Vec<Diagnostic>,
        names: DocNames,
        released: Option<Fingerprint>,
    }
    let inputs = wanted_inputs(paths, stdin_filename, config);
    let linted: Vec<Result<Linted>> = pool.install(|| {
        inputs
            .into_par_iter()
            .map(|input| {
                let loaded = input.and_then(load)?;
                let mut doc = Document::new(DocumentId(0), loaded.name, loaded.text, loaded.format);
                let (diags, names) = lint_document(&doc, dict, settings);
                let mut released = None;
                if !keep_texts && loaded.path.is_some() {
                    released = Some(Fingerprint::of(&doc.text));
                    doc.release();
                }
                Ok(Linted {
                    doc,
                    path: loaded.path,
                    diags,
                    names,
                    released,
                })
            })
            .collect()
    });
    let mut run = Run {
        docs: Documents::new(),
        sources: Vec::new(),
        released: Vec::new(),
        diags: Vec::new(),
        status: Status::Clean,
    };
    let mut names = Vec::new();
    for item in linted {
        match item {
            Ok(mut l) => {
                // Ids are positions among the inputs that were read.
                let id = run.docs.push(l.doc);
                l.names.doc = id;
                for d in &mut l.diags {
                    d.doc = id;
                    // A document's own rules relate it only to itself.
                    d.related.iter_mut().for_each(|r| r.doc = id);
                }
                run.sources.push(l.path);
                run.released.push(l.released);
                run.diags.extend(l.diags);
                names.push(l.names);
            }
            Err(e) => {
                report(&e);
                run.status = Status::Error;
            }
        }
    }
    let diags = std::mem::take(&mut run.diags);
    run.diags = pool.install(|| lint_run(&run.docs, &names, dict, settings, diags));
    run
}

/// Read again the released documents that a finding is shown in (its own,
/// or one it points to). A file that changed since it was linted is
/// reported and its findings, and those pointing into it, are left out; the
/// status is then [`Status::Error`].
fn restore_shown(
    pool: &rayon::ThreadPool,
    run: Run,
) -> (Documents, Vec<Option<PathBuf>>, Vec<Diagnostic>, Status) {
    let Run {
        mut docs,
        sources,
        released,
        mut diags,
        mut status,
    } = run;
    let mut wanted: Vec<DocumentId> = diags
        .iter()
        .flat_map(|d| std::iter::once(d.doc).chain(d.related.iter().map(|r| r.doc)))
        .filter(|id| released[id.0].is_some())
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let read: Vec<(DocumentId, Result<String>)> = pool.install(|| {
        wanted
            .into_par_iter()
            .map(|id| {
                let doc = docs.get(id);
                let text = sources[id.0]
                    .clone()
                    .ok_or_else(|| anyhow!("{}: no file to read again", doc.name))
                    .and_then(|path| {
                        let loaded = load(Input {
                            name: doc.name.clone(),
                            source: Source::File(path),
                            format: doc.format,
                            limit: u64::MAX,
                        })?;
                        if Some(Fingerprint::of(&loaded.text)) != released[id.0] {
                            bail!(
                                "{} changed while it was being checked; its findings are left out",
                                doc.name
                            );
                        }
                        Ok(loaded.text)
                    });
                (id, text)
            })
            .collect()
    });
    let mut changed = Vec::new();
    for (id, text) in read {
        match text {
            Ok(text) => docs.restore(id, text),
            Err(e) => {
                report(&e);
                status = Status::Error;
                changed.push(id);
            }
        }
    }
    if !changed.is_empty() {
        diags.retain(|d| !changed.contains(&d.doc) && !d.related.iter().any(|r| changed.contains(&r.doc)));
    }
    (docs, sources, diags, status)
}

/// `--diff`: the safe fixes as a unified diff on stdout; nothing is
/// written. Findings (status 1) when there is something to fix.
fn print_diff(
    docs: &Documents,
    diags: &[Diagnostic],
    dict: &Dictionary,
    settings: &Settings,
    keep: &dyn Fn(&Document, &Diagnostic) -> bool,
) -> Status {
    let mut out = String::new();
    for doc in docs.iter() {
        let fixed = fix_document(doc, dict, settings, diags, keep);
        if fixed.fixed == 0 {
            continue;
        }
        let diff = similar::TextDiff::from_lines(doc.text.as_str(), fixed.text.as_str());
        out.push_str(
            &diff
                .unified_diff()
                .context_radius(2)
                .header(&format!("a/{}", doc.name), &format!("b/{}", doc.name))
                .to_string(),
        );
    }
    let found = if out.is_empty() {
        Status::Clean
    } else {
        Status::Findings
    };
    found.max(write_stdout(|w| w.write_all(out.as_bytes())))
}

/// `--fix`: apply the safe fixes of each document and write it back
/// (standard input: the fixed text to stdout). Returns the documents as
/// they now are, to be linted again, and the status (an error when a file
/// could not be written: it is left as it was, and reported).
fn fix_files(
    docs: &Documents,
    sources: &[Option<PathBuf>],
    diags: &[Diagnostic],
    dict: &Dictionary,
    settings: &Settings,
    keep: &dyn Fn(&Document, &Diagnostic) -> bool,
) -> (Documents, Status) {
    let mut status = Status::Clean;
    let mut out = Documents::new();
    let (mut files, mut findings) = (0, 0);
    for (doc, source) in docs.iter().zip(sources) {
        let fixed = fix_document(doc, dict, settings, diags, keep);
        let text = match source {
            None => {
                status = status.max(write_stdout(|w| w.write_all(fixed.text.as_bytes())));
                fixed.text
            }
            Some(_) if fixed.fixed == 0 => doc.text.clone(),
            Some(path) => match write_fixed(path, &doc.text, &fixed.text) {
                Ok(()) => {
                    files += 1;
                    findings += fixed.fixed;
                    fixed.text
                }
                Err(e) => {
                    report(&e.context(format!("{} was not fixed", doc.name)));
                    status = Status::Error;
                    doc.text.clone()
                }
            },
        };
        out.add(doc.name.clone(), text, doc.format);
    }
    if files > 0 {
        let _ = writeln!(
            io::stderr().lock(),
            "copydesk: fixed {} in {}",
            plural(findings, "finding", "findings"),
            plural(files, "file", "files")
        );
    }
    (out, status)
}

/// Temporary files of `--fix` start with this.
const FIX_PREFIX: &str = ".copydesk-fix-";

/// A temporary file of `--fix` this old was left by a run that was killed:
/// no run spends this long on one file.
const STALE_FIX_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Replace the file at `path`, read as `read`, with `new`, atomically: a
/// temporary file beside it, its permissions, owner and group copied, then
/// renamed over it. A symbolic link is followed, so the link stays a link.
///
/// Left alone, with the reason: a file this user may not write (replacing
/// it would make it theirs), one whose owner or group cannot be kept, a
/// setuid or setgid file, a file with other hard links (the rename would
/// split them), and a file that changed since it was read, checked again
/// just before the rename.
fn write_fixed(path: &Path, read: &str, new: &str) -> Result<()> {
    let path = fs::canonicalize(path).context("failed to resolve the path")?;
    let meta = fs::metadata(&path).context("failed to read its metadata")?;
    if !meta.is_file() {
        bail!("not a regular file");
    }
    if meta.permissions().readonly() {
        bail!("the file is read-only");
    }
    // Opening it for writing (nothing written) asks the system whether
    // this user may: write access to the folder alone would do for a rename.
    fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .context("you may not write the file (replacing it would change its owner)")?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.mode() & 0o6000 != 0 {
            bail!("the file is setuid or setgid; fix it by hand");
        }
        if meta.nlink() > 1 {
            bail!(
                "the file has {} hard links, which replacing it would split; fix it by hand",
                meta.nlink()
            );
        }
    }
    let unchanged = |what: &str| -> Result<()> {
        let now = fs::read(&path).with_context(|| format!("failed to read it again {what}"))?;
        if now != read.as_bytes() {
            bail!("the file changed since it was read");
        }
        Ok(())
    };
    unchanged("")?;
    let dir = path.parent().unwrap_or(Path::new("."));
    remove_stale_fix_files(dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(FIX_PREFIX)
        .tempfile_in(dir)
        .context("failed to create a temporary file beside it")?;
    tmp.write_all(new.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .context("failed to write the temporary file")?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::os::unix::fs::fchown(tmp.as_file(), Some(meta.uid()), Some(meta.gid()))
            .context("its owner and group cannot be kept (another user's file, or a group you are not in)")?;
    }
    fs::set_permissions(tmp.path(), meta.permissions()).context("failed to copy its permissions")?;
    // Once more, as late as can be: a write by another program since the
    // first check would be lost by the rename.
    let again = fs::metadata(&path).context("failed to read its metadata again")?;
    if !same_file(&meta, &again) {
        bail!("the file changed since it was read");
    }
    unchanged("before replacing it")?;
    tmp.persist(&path).context("failed to replace it")?;
    Ok(())
}

/// True when both are the same file, unmodified as far as its metadata
/// says.
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if (a.dev(), a.ino()) != (b.dev(), b.ino()) {
            return false;
        }
    }
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

/// Remove the temporary files of `--fix` runs that were killed, left in
/// `dir` more than [`STALE_FIX_AGE`] ago. Failures are ignored: they are
/// someone else's, or gone already.
fn remove_stale_fix_files(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with(FIX_PREFIX) {
            continue;
        }
        let stale = entry
            .metadata()
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|m| m.modified().ok());
        if stale
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_FIX_AGE)
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// More threads than this are never started: past the cores they only cost
/// memory and start-up (`-j 100000` spawned threads for minutes).
const MAX_THREADS: usize = 256;

fn thread_pool(threads: Option<usize>) -> Option<rayon::ThreadPool> {
    match rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0).min(MAX_THREADS))
        .build()
    {
        Ok(p) => Some(p),
        Err(e) => {
            report(&anyhow!(e).context("failed to start worker threads"));
            None
        }
    }
}

/// Read every input in parallel, keeping command-line order. An input that
/// cannot be read is reported and left out, and the status is then
/// [`Status::Error`].
fn read_inputs(
    pool: &rayon::ThreadPool,
    paths: &[PathBuf],
    stdin_filename: Option<&str>,
    config: &Config,
) -> (Documents, Vec<Option<PathBuf>>, Status) {
    let mut status = Status::Clean;
    let inputs = wanted_inputs(paths, stdin_filename, config);
    let loaded: Vec<Result<Loaded>> =
        pool.install(|| inputs.into_par_iter().map(|input| input.and_then(load)).collect());
    let mut docs = Documents::new();
    let mut sources = Vec::new();
    for item in loaded {
        match item {
            Ok(l) => {
                docs.add(l.name, l.text, l.format);
                sources.push(l.path);
            }
            Err(e) => {
                report(&e);
                status = Status::Error;
            }
        }
    }
    (docs, sources, status)
}

// ---------------------------------------------------------------------------
// copydesk names

fn names(args: &NamesArgs) -> Status {
    let Some(config) = config(args.config.as_deref(), args.max_file_size) else {
        return Status::Error;
    };
    let dict = match config_dictionaries(&config, args.no_default_dictionaries, &args.dictionary) {
        Ok(d) => d,
        Err(status) => return status,
    };
    let Some(pool) = thread_pool(args.threads) else {
        return Status::Error;
    };
    let (docs, _, status) = read_inputs(&pool, &args.paths, args.stdin_filename.as_deref(), &config);
    let all: Vec<&Document> = docs.iter().collect();
    let names: Vec<DocNames> = pool.install(|| all.par_iter().map(|doc| doc_names(doc, &dict)).collect());
    let cross = pool.install(|| CrossFile::new(&names, &dict));
    let clusters = cross.clusters(args.all);
    let printed = write_stdout(|w| match args.format {
        NamesFormat::Human => write_names_human(w, &docs, &cross, &clusters),
        NamesFormat::Json => write_names_json(w, &docs, &cross, &clusters),
    });
    status.max(printed)
}

/// `copydesk candidates`: every candidate of every file (CD001, CD002), then
/// of the run (CD005), one JSON object a line.
fn candidates(args: &NamesArgs) -> Status {
    let Some(config) = config(args.config.as_deref(), args.max_file_size) else {
        return Status::Error;
    };
    let dict = match config_dictionaries(&config, args.no_default_dictionaries, &args.dictionary) {
        Ok(d) => d,
        Err(status) => return status,
    };
    let Some(pool) = thread_pool(args.threads) else {
        return Status::Error;
    };
    let (docs, _, status) = read_inputs(&pool, &args.paths, args.stdin_filename.as_deref(), &config);
    let all: Vec<&Document> = docs.iter().collect();
    let per_doc: Vec<(Vec<Candidate>, DocNames)> = pool.install(|| {
        all.par_iter()
            .map(|doc| copydesk::linter::candidates(doc, &dict))
            .collect()
    });
    let mut found: Vec<(DocumentId, Candidate)> = Vec::new();
    let mut names = Vec::with_capacity(per_doc.len());
    for (doc, (cands, n)) in all.iter().zip(per_doc) {
        found.extend(cands.into_iter().map(|c| (doc.id, c)));
        names.push(n);
    }
    if names.len() >= 2 {
        found.extend(pool.install(|| copydesk::linter::run_candidates(&names, &dict)));
    }
    let printed = write_stdout(|w| {
        for (id, c) in &found {
            let doc = docs.get(*id);

            let line = serde_json::json!({
                "path": doc.name,
                "source": c.source.as_str(),
                "span": {"start": c.span.start, "end": c.span.end},
                "found": c.span.slice(&doc.text),
                "suggestion": c.suggestion,
                "confidence": c.confidence,
                "uses": c.uses,
                // In the order of thresholds::DECISION_FEATURES.
                "features": c.features.values().to_vec(),
            });
            writeln!(w, "{line}")?;
        }
        Ok(())
    });
    status.max(printed)
}

fn color_choice(when: ColorWhen) -> ColorChoice {
    let auto = || io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    match when {
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
        ColorWhen::Auto if auto() => ColorChoice::Always,
        ColorWhen::Auto => ColorChoice::Never,
    }
}

/// The rules `--select` and `--ignore` leave, at the levels of the
/// configuration (a rule it turns off runs only when `--select` names it),
/// and the forms it accepts.
fn settings(select: &[String], ignore: &[String], config: &Config) -> Result<Settings> {
    let lookup = |flag: &str, name: &str| {
        find_rule(name.trim())
            .ok_or_else(|| anyhow!("unknown rule `{name}` in {flag}; `copydesk rule` lists the rules"))
    };
    let mut settings = if select.is_empty() {
        Settings::default()
    } else {
        let mut rules: Vec<&'static dyn Rule> = Vec::new();
        for name in select {
            let rule = lookup("--select", name)?;
            if !rules.iter().any(|r| r.meta().code == rule.meta().code) {
                rules.push(rule);
            }
        }
        Settings::only(&rules)
    };
    for &(code, level) in &config.rules {
        match level {
            RuleLevel::On(severity) => {
                // A rule off by default runs when the configuration gives it a level.
                if select.is_empty()
                    && let Some(rule) = find_rule(code)
                {
                    settings.enable(rule);
                }
                settings.set_severity(code, severity);
            }
            RuleLevel::Off if select.is_empty() => settings.disable(code),
            RuleLevel::Off => {}
        }
    }
    for name in ignore {
        settings.disable(lookup("--ignore", name)?.meta().code);
    }
    settings.accept(&config.accept);
    Ok(settings)
}

/// The dictionaries of the configuration and of `--dictionary`, on the
/// built-in ones unless either turns them off.
fn config_dictionaries(config: &Config, no_default: bool, extra: &[PathBuf]) -> Result<Dictionary, Status> {
    let mut all = config.dictionaries.clone();
    all.extend_from_slice(extra);
    dictionaries(no_default || !config.default_dictionaries, &all)
}

/// The built-in dictionaries (unless turned off) and every `--dictionary`.
/// On failure the problems have been printed and the status is returned.
fn dictionaries(no_default: bool, extra: &[PathBuf]) -> Result<Dictionary, Status> {
    let mut sources = Vec::new();
    for path in extra {
        match read_dictionary(path) {
            Ok(source) => sources.push(source),
            Err(e) => {
                report(&e);
                return Err(Status::Error);
            }
        }
    }
    let base = if no_default {
        Dictionary::empty()
    } else {
        builtin()
    };
    Dictionary::load_onto(base, &sources).map_err(|e| match e {
        copydesk::Error::Dictionary(problems) => {
            print_problems(&mut io::stderr().lock(), &problems);
            report(&anyhow!(
                "invalid dictionary ({}); nothing was checked",
                plural(problems.len(), "problem", "problems")
            ));
            Status::Error
        }
    })
}

/// Far above the built-in dictionaries together (about 20 MB).
const DICTIONARY_MAX_SIZE: u64 = 1024 * 1024 * 1024;

fn read_dictionary(path: &Path) -> Result<DictSource> {
    let text = read::text_file(path, "dictionary ", DICTIONARY_MAX_SIZE)?;
    Ok(DictSource {
        name: path.display().to_string(),
        text,
    })
}

/// `path:line:col: message`, one a line; write errors are ignored (the
/// caller's status already says what went wrong).
fn print_problems(w: &mut dyn Write, problems: &[DictionaryProblem]) {
    for p in problems {
        if writeln!(w, "{p}").is_err() {
            return;
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Where the text of an input comes from.
enum Source {
    Stdin,
    File(PathBuf),
}

/// One input to read: the name it is reported under, where its text is, and
/// how to read it.
struct Input {
    name: String,
    source: Source,
    format: Format,
    /// The largest size read.
    limit: u64,
}

/// An input that was read.
struct Loaded {
    name: String,
    text: String,
    format: Format,
    /// The file read; `None` for standard input.
    path: Option<PathBuf>,
}

/// The inputs of [`inputs`] that the configuration does not exclude.
fn wanted_inputs(paths: &[PathBuf], stdin_filename: Option<&str>, config: &Config) -> Vec<Result<Input>> {
    let mut inputs = inputs(paths, stdin_filename, config.max_file_size);
    inputs.retain(|i| match i {
        Ok(Input {
            source: Source::File(path),
            ..
        }) => !config.excludes(path),
        _ => true,
    });
    inputs
}

/// Every input in command-line order, folders walked in name order. A path
/// that cannot be opened or walked is an `Err` in its place.
fn inputs(paths: &[PathBuf], stdin_filename: Option<&str>, limit: u64) -> Vec<Result<Input>> {
    let implicit = paths.is_empty();
    let paths = if !implicit {
        paths.to_vec()
    } else if stdin_filename.is_some() {
        vec![PathBuf::from("-")]
    } else {
        vec![PathBuf::from(".")]
    };
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let name = stdin_filename.unwrap_or("-").to_owned();
            let format = Format::from_path(&name).unwrap_or(Format::Plain);
            out.push(Ok(Input {
                name,
                source: Source::Stdin,
                format,
                limit,
            }));
            continue;
        }
        match fs::metadata(&path) {
            Err(e) => out.push(Err(
                anyhow!(e).context(format!("failed to read {}", path.display()))
            )),
            Ok(meta) if meta.is_dir() => {
                let before = out.len();
                walk(&path, implicit, limit, &mut out);
                // A folder with nothing to check is most likely the wrong
                // folder: say so, and fail (exit 2) rather than pass.
                if out.len() == before {
                    out.push(Err(anyhow!(
                        "{}: no file to check (.txt, .md, .markdown, .html or .htm, not ignored)",
                        path.display()
                    )));
                }
            }
            Ok(_) => {
                let name = path.display().to_string();
                let format = Format::from_path(&name).unwrap_or(Format::Plain);
                out.push(Ok(Input {
                    name,
                    source: Source::File(path),
                    format,
                    limit,
                }));
            }
        }
    }
    out
}

/// True when `dir` or a folder above it holds `.git` (a folder, or a file
/// in a worktree or submodule).
fn in_git_repository(dir: &Path) -> bool {
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    dir.ancestors().any(|d| d.join(".git").exists())
}

/// The files of known formats under `root`, honouring `.gitignore` (also
/// outside a Git repository) and skipping hidden files. With `strip_dot`, the
/// `./` of the implicit `.` is left out of the names.
fn walk(root: &Path, strip_dot: bool, limit: u64, out: &mut Vec<Result<Input>>) {
    let mut builder = WalkBuilder::new(root);
    // Inside a Git repository, `.gitignore` files are read as Git reads
    // them: none above the repository's root. Elsewhere, all of them.
    builder
        .require_git(in_git_repository(root))
        .sort_by_file_name(|a, b| a.cmp(b));
    for entry in builder.build() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                out.push(Err(anyhow!(e)));
                continue;
            }
        };
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.into_path();
        let shown = if strip_dot {
            path.strip_prefix(".").unwrap_or(&path)
        } else {
            &path
        };
        let name = shown.display().to_string();
        if let Some(format) = Format::from_path(&name) {
            out.push(Ok(Input {
                name,
                source: Source::File(path),
                format,
                limit,
            }));
        }
    }
}

/// Read an input and decode it as UTF-8: regular files only, at most its
/// `limit` of bytes, and no NUL byte (`read`).
fn load(input: Input) -> Result<Loaded> {
    let Input {
        name,
        source,
        format,
        limit,
    } = input;
    let path = match &source {
        Source::Stdin => None,
        Source::File(path) => Some(path.clone()),
    };
    let bytes = match source {
        Source::Stdin => read::bounded(io::stdin().lock(), "standard input", limit, Content::Text, 0)?,
        Source::File(path) => read::file(&path, &name, limit, Content::Text)?,
    };
    let text = decode(&name, bytes)?;
    Ok(Loaded {
        name,
        text,
        format,
        path,
    })
}

/// The text of a file, or why it is not text copydesk can read. (NUL bytes
/// were looked for while reading.)
fn decode(name: &str, bytes: Vec<u8>) -> Result<String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        bail!("{name}: UTF-16 text is not supported; save the file as UTF-8");
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let (line, column) = read::position(e.as_bytes(), valid);
        anyhow!("{name}:{line}:{column}: invalid UTF-8")
    })
}

// ---------------------------------------------------------------------------
// copydesk rule

fn rule_docs(name: Option<&str>) -> Status {
    let Some(name) = name else {
        return write_stdout(|w| rule_table(w));
    };
    let Some(rule) = find_rule(name) else {
        report(&anyhow!("unknown rule `{name}`; `copydesk rule` lists the rules"));
        return Status::Error;
    };
    let meta = rule.meta();
    write_stdout(|w| {
        let docs = meta.docs.trim();
        if docs.is_empty() {
            // A rule without documentation yet: say at least what it is.
            writeln!(w, "# {} {}\n\n{}", meta.code, meta.name, meta.summary)
        } else {
            writeln!(w, "{docs}")
        }
    })
}

fn rule_table(w: &mut dyn Write) -> io::Result<()> {
    let header = ("CODE", "NAME", "SEVERITY", "SUMMARY");
    let code_w = RULES
        .iter()
        .map(|r| r.meta().code.len())
        .chain([header.0.len()])
        .max()
        .unwrap_or(0);
    let name_w = RULES
        .iter()
        .map(|r| r.meta().name.len())
        .chain([header.1.len()])
        .max()
        .unwrap_or(0);
    let sev_w = RULES
        .iter()
        .map(|r| default_level(r.meta()).len())
        .chain([header.2.len()])
        .max()
        .unwrap_or(0);
    writeln!(
        w,
        "{:code_w$}  {:name_w$}  {:sev_w$}  {}",
        header.0, header.1, header.2, header.3
    )?;
    for rule in RULES {
        let m = rule.meta();
        writeln!(
            w,
            "{:code_w$}  {:name_w$}  {:sev_w$}  {}",
            m.code,
            m.name,
            default_level(m),
            m.summary
        )?;
    }
    Ok(())
}

/// The default severity of a rule, or `off` for one that runs only when
/// selected or configured.
fn default_level(m: &RuleMeta) -> &'static str {
    if m.default_enabled {
        m.default_severity.as_str()
    } else {
        "off"
    }
}

// ---------------------------------------------------------------------------
// copydesk dict

/// `copydesk dict check`: load the files together, report their problems,
/// or else count their entities and near-duplicate forms.
fn dict_check(files: &[PathBuf], list_near_duplicates: bool, no_default: bool) -> Status {
    let mut status = Status::Clean;
    let mut sources = Vec::new();
    for path in files {
        match read_dictionary(path) {
            Ok(source) => sources.push(source),
            Err(e) => {
                report(&e);
                status = Status::Error;
            }
        }
    }
    if sources.is_empty() {
        return status;
    }
    let base = if no_default {
        Dictionary::empty()
    } else {
        builtin()
    };
    let first = base.sources().len();
    match Dictionary::load_onto(base, &sources) {
        Ok(dict) => {
            let printed = write_stdout(|w| {
                for (i, source) in sources.iter().enumerate() {
                    let n = dict
                        .entities()
                        .filter(|e| usize::from(e.source) == first + i)
                        .count();
                    writeln!(w, "{}: {}", source.name, plural(n, "entity", "entities"))?;
                }
                print_problems(w, dict.notes());
                Ok(())
            });
            // Only the pairs a file checked takes part in: the built-in
            // dictionaries' own are checked when they are built.
            let mut pairs = near_duplicates(&dict);
            let ours = |f| usize::from(dict.entity(dict.form(f).entity).source) >= first;
            pairs.retain(|p| ours(p.first) || ours(p.second));
            let unresolved = pairs.iter().filter(|p| !p.resolved).count();
            let listed = write_stdout(|w| {
                let n = plural(pairs.len(), "pair", "pairs");
                if pairs.is_empty() {
                    writeln!(w, "no near-duplicate forms")?;
                } else if unresolved == 0 {
                    writeln!(
                        w,
                        "{n} of near-duplicate forms, all resolved: each is a known form, so neither is flagged"
                    )?;
                } else {
                    writeln!(
                        w,
                        "{n} of near-duplicate forms, {unresolved} unresolved: a document writing one of their forms gets a finding"
                    )?;
                }
                for p in &pairs {
                    if list_near_duplicates || !p.resolved {
                        write_near_duplicate(w, &dict, p)?;
                    }
                }
                Ok(())
            });
            let found = if unresolved > 0 {
                Status::Findings
            } else {
                Status::Clean
            };
            status.max(printed).max(listed).max(found)
        }
        Err(copydesk::Error::Dictionary(problems)) => {
            let printed = write_stdout(|w| {
                for p in &problems {
                    writeln!(w, "{p}")?;
                }
                Ok(())
            });
            status.max(Status::Findings).max(printed)
        }
    }
}

/// `` `Mike Rogers` (mike-rogers) ~ `Mike Rodgers` (mike-rodgers): 1 edit ``,
/// with `, unresolved` when a document writing one of them gets a finding.
fn write_near_duplicate(w: &mut dyn Write, dict: &Dictionary, pair: &NearDuplicate) -> io::Result<()> {
    let form = |f| {
        let form = dict.form(f);
        format!("`{}` ({})", form.text, dict.entity(form.entity).id)
    };
    let apart = match pair.distance {
        0 => "a function word".to_owned(),
        d => plural(d, "edit", "edits"),
    };
    let unresolved = if pair.resolved { "" } else { ", unresolved" };
    writeln!(
        w,
        "{} ~ {}: {apart}{unresolved}",
        form(pair.first),
        form(pair.second)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_released_once_linted_and_read_again_to_be_shown() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        let a_text = "Oleksandra Hrytsenko spoke. Hrytsenko said so.\nLater, Hritsenko added more.\n";
        let b_text = "Minister Kovalenko arrived. Kovalenko left; Kovalneko waved.\n";
        fs::write(&a, a_text).unwrap();
        fs::write(&b, b_text).unwrap();
        let pool = thread_pool(Some(2)).unwrap();
        let (config, dict) = (Config::defaults(), Dictionary::empty());
        let lint = |keep_texts| {
            lint_inputs(
                &pool,
                &[a.clone(), b.clone()],
                None,
                &config,
                &dict,
                &Settings::default(),
                keep_texts,
            )
        };

        let run = lint(false);
        assert!(run.docs.iter().all(|d| d.is_released() && d.text.is_empty()));
        let (docs, _, diags, status) = restore_shown(&pool, run);
        assert_eq!(status, Status::Clean);
        let shown: Vec<(&str, &str, &str)> = diags
            .iter()
            .map(|d| {
                (
                    d.code,
                    docs.get(d.doc).text.get(d.span.start..d.span.end).unwrap(),
                    d.found.as_str(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("CD002", "Hritsenko", "Hritsenko"),
                ("CD002", "Kovalneko", "Kovalneko")
            ]
        );
        assert_eq!(
            (
                docs.get(diags[0].doc).text.as_str(),
                docs.get(diags[1].doc).text.as_str()
            ),
            (a_text, b_text)
        );

        // A file edited between the lint and the report: its findings go,
        // with an error; the other file's stay.
        let run = lint(false);
        fs::write(&a, "Oleksandra Hrytsenko spoke.\n").unwrap();
        let (docs, _, diags, status) = restore_shown(&pool, run);
        assert_eq!(status, Status::Error);
        let left: Vec<&str> = diags.iter().map(|d| d.found.as_str()).collect();
        assert_eq!(left, ["Kovalneko"]);
        assert!(docs.get(diags[0].doc).name.ends_with("b.txt"));

        // --fix and --diff keep every text.
        let run = lint(true);
        assert!(run.docs.iter().all(|d| !d.is_released() && !d.text.is_empty()));
    }

    /// Issue 23: a hard-linked file was split (the other name kept the old
    /// text) and a setuid bit was kept.
    #[cfg(unix)]
    #[test]
    fn links_and_setuid_are_left_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        fs::write(&path, "Jennifer Deskel\n").unwrap();
        fs::hard_link(&path, dir.path().join("other-name.txt")).unwrap();
        let err = write_fixed(&path, "Jennifer Deskel\n", "Jennifer Daskal\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "the file has 2 hard links, which replacing it would split; fix it by hand"
        );
        fs::remove_file(dir.path().join("other-name.txt")).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o4644)).unwrap();
        let err = write_fixed(&path, "Jennifer Deskel\n", "Jennifer Daskal\n").unwrap_err();
        assert_eq!(err.to_string(), "the file is setuid or setgid; fix it by hand");
        assert_eq!(fs::read_to_string(&path).unwrap(), "Jennifer Deskel\n");
    }

    /// Issue 23: the owner and group of the file are kept (a user who may
    /// write the folder, or root, made the file theirs); where they cannot
    /// be, the file is left alone (checked when the test runs as root, the
    /// only user who can make another's file).
    #[cfg(unix)]
    #[test]
    fn owner_and_group_are_kept() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        fs::write(&path, "Jennifer Deskel\n").unwrap();
        if std::os::unix::fs::chown(&path, Some(4321), Some(4321)).is_err() {
            return; // not root: no other owner to keep
        }
        write_fixed(&path, "Jennifer Deskel\n", "Jennifer Daskal\n").unwrap();
        let meta = fs::metadata(&path).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (4321, 4321));
        assert_eq!(fs::read_to_string(&path).unwrap(), "Jennifer Daskal\n");
    }

    /// Issue 23: temporary files left by a killed `--fix` stayed forever.
    #[test]
    fn stale_temporary_files_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        fs::write(&path, "Jennifer Deskel\n").unwrap();
        let old = dir.path().join(".copydesk-fix-killed");
        let recent = dir.path().join(".copydesk-fix-running");
        fs::write(&old, "half").unwrap();
        fs::write(&recent, "half").unwrap();
        let long_ago = std::time::SystemTime::now() - 2 * STALE_FIX_AGE;
        fs::File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        write_fixed(&path, "Jennifer Deskel\n", "Jennifer Daskal\n").unwrap();
        assert!(!old.exists());
        // Perhaps another run's, still working.
        assert!(recent.exists());
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        fs::write(&path, "Jennifer Deskel, edited by a colleague meanwhile\n").unwrap();
        let err = write_fixed(&path, "Jennifer Deskel\n", "Jennifer Daskal\n").unwrap_err();
        assert_eq!(err.to_string(), "the file changed since it was read");
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "Jennifer Deskel, edited by a colleague meanwhile\n"
        );
        write_fixed(
            &path,
            "Jennifer Deskel, edited by a colleague meanwhile\n",
            "fixed\n",
        )
        .unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "fixed\n");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn invalid_utf8_position_counts_chars() {
        let bytes = b"ok\n\xE2\x80\x9Cab\xFF".to_vec();
        let err = decode("a.txt", bytes).unwrap_err();
        assert_eq!(err.to_string(), "a.txt:2:4: invalid UTF-8");
        let err = decode("b.txt", b"\xC3".to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "b.txt:1:1: invalid UTF-8");
    }

    #[test]
    fn utf16_is_named() {
        let err = decode("a.txt", vec![0xFF, 0xFE, b'a', 0]).unwrap_err();
        assert!(err.to_string().contains("UTF-16"));
    }

    #[test]
    fn select_and_ignore_take_codes_and_names() {
        let s = settings(
            &["misspelled-name".into(), "CD001".into(), "cd003".into()],
            &[],
            &Config::defaults(),
        )
        .unwrap();
        let codes: Vec<_> = s.rules().iter().map(|(r, _)| r.meta().code).collect();
        assert_eq!(codes, ["CD001", "CD003"]);
        let s = settings(&[], &["non-preferred-name".into()], &Config::defaults()).unwrap();
        assert!(s.rules().iter().all(|(r, _)| r.meta().code != "CD003"));
        let err = settings(&["CD999".into()], &[], &Config::defaults()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown rule `CD999` in --select; `copydesk rule` lists the rules"
        );
    }

    #[test]
    fn status_worst_wins() {
        assert_eq!(Status::Findings.max(Status::Error), Status::Error);
        assert_eq!(Status::Clean.max(Status::Findings), Status::Findings);
    }
}
