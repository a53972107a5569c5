//! `--changed-since REF`: the lines added or changed since a Git ref, so
//! that a pull request on a content repository is judged on its own lines.
//!
//! The lines come from `git diff --unified=0 REF` (the working tree against
//! REF, staged or not) and `git ls-files --others --exclude-standard`
//! (untracked files: every line is new). Findings are filtered after
//! linting, so the consistency rules still read whole files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};

/// The changed lines of each file, by absolute path.
#[derive(Debug, Default)]
pub(crate) struct Changed {
    /// 1-based inclusive line ranges; `None`: the whole file is new.
    files: HashMap<PathBuf, Option<Vec<(usize, usize)>>>,
}

impl Changed {
    /// Ask Git, in `cwd`, what changed since `git_ref`.
    pub(crate) fn since(git_ref: &str, cwd: &Path) -> Result<Changed> {
        // A ref is never an option: `--output=FILE` would make git write the
        // diff elsewhere (and the run look clean), `--ext-diff` run a program.
        // `--end-of-options` says so to git as well.
        if git_ref.starts_with('-') || git_ref.is_empty() {
            bail!("--changed-since: `{git_ref}` is not a Git ref (a ref never starts with `-`)");
        }
        let diff = git(
            cwd,
            &[
                "-c",
                "core.quotepath=off",
                "diff",
                "--relative",
                "--unified=0",
                "--no-color",
                "--no-ext-diff",
                "--no-textconv",
                "--no-renames",
                "--end-of-options",
                git_ref,
                "--",
            ],
        )
        .with_context(|| format!("--changed-since {git_ref}"))?;
        let untracked = git(
            cwd,
            &[
                "-c",
                "core.quotepath=off",
                "ls-files",
                "--others",
                "--exclude-standard",
            ],
        )?;
        let mut changed = Changed::from_diff(&diff, cwd);
        for line in untracked.lines().filter(|l| !l.is_empty()) {
            changed.files.insert(key(&cwd.join(line)), None);
        }
        Ok(changed)
    }

    /// The changed lines of a `git diff --unified=0` whose paths are
    /// relative to `cwd`.
    fn from_diff(diff: &str, cwd: &Path) -> Changed {
        let mut files: HashMap<PathBuf, Option<Vec<(usize, usize)>>> = HashMap::new();
        let mut current: Option<PathBuf> = None;
        for line in diff.lines() {
            if let Some(path) = line.strip_prefix("+++ ") {
                current = path.strip_prefix("b/").map(|p| key(&cwd.join(p)));
                if let Some(p) = &current {
                    files.entry(p.clone()).or_insert_with(|| Some(Vec::new()));
                }
            } else if let Some(hunk) = line.strip_prefix("@@ ")
                && let Some(path) = &current
                && let Some(range) = added_range(hunk)
                && let Some(Some(ranges)) = files.get_mut(path)
            {
                ranges.push(range);
            }
        }
        Changed { files }
    }

    /// True when any line from `first` to `last` of the file `name` (as
    /// reported, relative to the current folder or absolute) was added or
    /// changed.
    pub(crate) fn touches(&self, name: &str, first: usize, last: usize, cwd: &Path) -> bool {
        match self.files.get(&key(&cwd.join(name))) {
            None => false,
            Some(None) => true,
            Some(Some(ranges)) => ranges.iter().any(|&(a, b)| a <= last && first <= b),
        }
    }
}

/// The lines of the new side of a hunk header (`-a,b +c,d @@ ...`), or
/// `None` when it only deletes.
fn added_range(hunk: &str) -> Option<(usize, usize)> {
    let new = hunk.split_whitespace().find_map(|w| w.strip_prefix('+'))?;
    let (start, count) = match new.split_once(',') {
        Some((s, c)) => (s.parse::<usize>().ok()?, c.parse::<usize>().ok()?),
        None => (new.parse::<usize>().ok()?, 1),
    };
    (count > 0).then(|| (start, start + count - 1))
}

/// A path made absolute and free of `.` components, for comparing names.
fn key(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Run git and return its standard output.
fn git(cwd: &Path, args: &[&str]) -> Result<String> {
    // No program of the repository's configuration runs: no file-system
    // monitor hook, no pager. (`--no-ext-diff`, `--no-textconv`: `since`.)
    let out = Command::new("git")
        .current_dir(cwd)
        .args(["-c", "core.fsmonitor=false", "--no-pager"])
        .args(args)
        .env_remove("GIT_EXTERNAL_DIFF")
        .output()
        .context("failed to run git")?;
    if !out.status.success() {
        bail!(
            "git {} failed: {}",
            args.iter()
                .filter(|a| !a.starts_with("core.") && **a != "-c")
                .cloned()
                .collect::<Vec<_>>()
                .join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    String::from_utf8(out.stdout).context("git printed something that is not UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_give_the_new_lines() {
        assert_eq!(added_range("-3,0 +4,2 @@ heading"), Some((4, 5)));
        assert_eq!(added_range("-10 +10 @@"), Some((10, 10)));
        assert_eq!(added_range("-7,2 +6,0 @@"), None);
        let diff = "diff --git a/a.md b/a.md\n--- a/a.md\n+++ b/a.md\n@@ -1 +1 @@\n-x\n+y\n@@ -9,0 +10,3 @@\n+a\n+b\n+c\n\
                    diff --git a/gone.md b/gone.md\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n";
        let cwd = Path::new("/repo");
        let c = Changed::from_diff(diff, cwd);
        assert!(c.touches("a.md", 1, 1, cwd));
        assert!(c.touches("./a.md", 12, 14, cwd));
        assert!(!c.touches("a.md", 2, 9, cwd));
        assert!(!c.touches("b.md", 1, 1, cwd));
        assert!(!c.touches("gone.md", 1, 1, cwd));
    }
}
