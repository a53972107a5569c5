//! `copydesk.toml`: found by walking up from the current folder (or named
//! with `--config`), parsed strictly (an unknown key is an error with its
//! line and column), and resolved: dictionary globs expanded relative to
//! the file, `exclude` globs compiled, rule names checked.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, anyhow, bail};
use copydesk::Severity;
use copydesk::rules::{RULES, find_rule};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use super::read::DEFAULT_MAX_FILE_SIZE;

/// A configuration file is a few lines; anything this large is not one.
const CONFIG_MAX_SIZE: u64 = 1024 * 1024;

/// A parse error without the value it found: "invalid type: string
/// \"hunter2\", expected a boolean" becomes "invalid type: string, expected
/// a boolean", so a secret written in the wrong field is never printed.
fn without_value(message: &str) -> String {
    for prefix in ["invalid type: ", "invalid value: ", "invalid length "] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some(at) = rest.rfind(", expected ")
        {
            let found = &rest[..at];
            let kind = found.find([' ', '"', '`']).map_or(found, |i| &found[..i]);
            let kind = if kind == "floating" {
                "floating point"
            } else {
                kind
            };
            return format!("{prefix}{kind}{}", &rest[at..]);
        }
    }
    message.to_owned()
}

/// `path` with `.` and `..` resolved by the names alone (no symbolic link
/// followed, so the path means what the user wrote).
fn lexical(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// The name looked for in the current folder and its parents.
pub(crate) const FILE_NAME: &str = "copydesk.toml";

/// `copydesk.toml` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    #[serde(default)]
    dictionaries: Vec<Spanned<String>>,
    default_dictionaries: Option<bool>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    accept: Vec<String>,
    fail_on: Option<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<String, Spanned<String>>,
    max_file_size: Option<u64>,
}

/// A rule's setting: a severity, or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RuleLevel {
    On(Severity),
    Off,
}

/// The resolved configuration.
#[derive(Debug)]
pub(crate) struct Config {
    /// The file read, if any.
    pub(crate) path: Option<PathBuf>,
    /// Dictionary files, the globs expanded, sorted, each once.
    pub(crate) dictionaries: Vec<PathBuf>,
    pub(crate) default_dictionaries: bool,
    /// `exclude` as written, and compiled against paths relative to the
    /// folder of the file.
    pub(crate) exclude: Vec<String>,
    exclude_set: GlobSet,
    root: PathBuf,
    pub(crate) accept: Vec<String>,
    /// Per-rule settings by code, in rule order.
    pub(crate) rules: Vec<(&'static str, RuleLevel)>,
    /// Findings at or above this fail the run (exit status 1).
    pub(crate) fail_on: Severity,
    /// Larger inputs are refused (`max-file-size`, `--max-file-size`).
    pub(crate) max_file_size: u64,
}

impl Config {
    /// No file: the defaults.
    pub(crate) fn defaults() -> Config {
        Config {
            path: None,
            dictionaries: Vec::new(),
            default_dictionaries: true,
            exclude: Vec::new(),
            exclude_set: GlobSet::empty(),
            root: PathBuf::new(),
            accept: Vec::new(),
            rules: Vec::new(),
            fail_on: Severity::Warning,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }

    /// The configuration of `explicit`, or of the `copydesk.toml` nearest
    /// to `cwd` upward, or the defaults.
    pub(crate) fn find(explicit: Option<&Path>, cwd: &Path) -> Result<Config> {
        if let Some(path) = explicit {
            return Config::read(path);
        }
        for dir in cwd.ancestors() {
            let candidate = dir.join(FILE_NAME);
            if candidate.is_file() {
                return Config::read(&candidate);
            }
        }
        Ok(Config::defaults())
    }

    /// Read and resolve one file.
    pub(crate) fn read(path: &Path) -> Result<Config> {
        let text = super::read::text_file(path, "", CONFIG_MAX_SIZE)?;
        let at = |offset: usize| {
            let before = &text[..offset.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("{}:{line}:{col}", path.display())
        };
        let file: ConfigFile = toml::from_str(&text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            anyhow!("{}: {}", at(offset), without_value(e.message().trim()))
        })?;
        let root = path.parent().unwrap_or(Path::new("")).to_path_buf();

        let mut dictionaries = Vec::new();
        for pattern in &file.dictionaries {
            let full = root.join(pattern.get_ref());
            let found: Vec<PathBuf> = glob::glob(&full.to_string_lossy())
                .map_err(|e| {
                    anyhow!(
                        "{}: bad pattern `{}`: {e}",
                        at(pattern.span().start),
                        pattern.get_ref()
                    )
                })?
                .filter_map(Result::ok)
                .filter(|p| p.is_file())
                .collect();
            if found.is_empty() {
                bail!(
                    "{}: no dictionary matches `{}` (relative to {})",
                    at(pattern.span().start),
                    pattern.get_ref(),
                    shown_dir(&root)
                );
            }
            dictionaries.extend(found);
        }
        dictionaries.sort();
        dictionaries.dedup();

        let mut set = GlobSetBuilder::new();
        for pattern in &file.exclude {
            let glob = Glob::new(pattern.get_ref()).map_err(|e| {
                anyhow!(
                    "{}: bad pattern `{}`: {e}",
                    at(pattern.span().start),
                    pattern.get_ref()
                )
            })?;
            set.add(glob);
        }
        let exclude_set = set.build().context("failed to compile the exclude patterns")?;

        let mut rules: Vec<(&'static str, RuleLevel)> = Vec::new();
        for (name, level) in &file.rules {
            let Some(rule) = find_rule(name) else {
                bail!(
                    "{}: unknown rule `{name}` in [rules]; `copydesk rule` lists the rules",
                    at(level.span().start)
                );
            };
            let level = match level.get_ref().as_str() {
                "off" => RuleLevel::Off,
                other => RuleLevel::On(severity(other).ok_or_else(|| {
                    anyhow!(
                        "{}: `{other}` is no rule level; use error, warning, info or off",
                        at(level.span().start)
                    )
                })?),
            };
            rules.retain(|(code, _)| *code != rule.meta().code);
            rules.push((rule.meta().code, level));
        }
        rules.sort_by_key(|(code, _)| RULES.iter().position(|r| r.meta().code == *code));

        let fail_on = match &file.fail_on {
            None => Severity::Warning,
            Some(s) => severity(s.get_ref()).ok_or_else(|| {
                anyhow!(
                    "{}: `{}` is no severity; fail-on is error, warning or info",
                    at(s.span().start),
                    s.get_ref()
                )
            })?,
        };

        Ok(Config {
            path: Some(path.to_path_buf()),
            dictionaries,
            default_dictionaries: file.default_dictionaries.unwrap_or(true),
            exclude: file.exclude.iter().map(|p| p.get_ref().clone()).collect(),
            exclude_set,
            root,
            accept: file.accept,
            rules,
            fail_on,
            max_file_size: file.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
        })
    }

    /// True when `path` (as found by the walk or named) matches an
    /// `exclude` pattern, relative to the folder of the configuration file.
    pub(crate) fn excludes(&self, path: &Path) -> bool {
        if self.exclude.is_empty() {
            return false;
        }
        // `..` resolved by the names: `drafts/../archive/x.md` or
        // `../repo/archive/x.md` must not slip past `archive/**`.
        let absolute = lexical(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()));
        let root = lexical(&std::path::absolute(&self.root).unwrap_or_else(|_| self.root.clone()));
        let relative = absolute.strip_prefix(&root).unwrap_or(&absolute);
        self.exclude_set.is_match(relative)
    }

    /// The resolved configuration as TOML, for `copydesk config`; paths
    /// under `cwd` are shown relative to it.
    pub(crate) fn render(&self, cwd: &Path) -> String {
        let shown = |p: &Path| p.strip_prefix(cwd).unwrap_or(p).display().to_string();
        let mut out = String::new();
        match &self.path {
            Some(p) => _ = writeln!(out, "# {}", shown(p)),
            None => _ = writeln!(out, "# no {FILE_NAME} found: the defaults"),
        }
        let list = |items: &mut dyn Iterator<Item = String>| {
            let items: Vec<String> = items.map(|s| toml_string(&s)).collect();
            format!("[{}]", items.join(", "))
        };
        _ = writeln!(
            out,
            "dictionaries = {}",
            list(&mut self.dictionaries.iter().map(|p| shown(p)))
        );
        _ = writeln!(out, "default-dictionaries = {}", self.default_dictionaries);
        _ = writeln!(out, "exclude = {}", list(&mut self.exclude.iter().cloned()));
        _ = writeln!(out, "accept = {}", list(&mut self.accept.iter().cloned()));
        _ = writeln!(out, "fail-on = {}", toml_string(self.fail_on.as_str()));
        _ = writeln!(out, "\n[rules]");
        for rule in RULES {
            let meta = rule.meta();
            let level = self.rules.iter().find(|(code, _)| *code == meta.code).map_or(
                if meta.default_enabled {
                    RuleLevel::On(meta.default_severity)
                } else {
                    RuleLevel::Off
                },
                |(_, l)| *l,
            );
            let level = match level {
                RuleLevel::On(s) => s.as_str(),
                RuleLevel::Off => "off",
            };
            _ = writeln!(out, "{} = {}  # {}", meta.name, toml_string(level), meta.code);
        }
        out
    }
}

fn severity(s: &str) -> Option<Severity> {
    match s {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "info" => Some(Severity::Info),
        _ => None,
    }
}

/// `s` as a TOML basic string.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn shown_dir(dir: &Path) -> String {
    if dir.as_os_str().is_empty() {
        ".".to_owned()
    } else {
        dir.display().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn resolves_globs_rules_and_fail_on() {
        let tmp = tempfile::tempdir().unwrap();
        write(tmp.path(), "newsroom/b.toml", "");
        write(tmp.path(), "newsroom/a.toml", "");
        let path = write(
            tmp.path(),
            FILE_NAME,
            "dictionaries = [\"newsroom/*.toml\"]\ndefault-dictionaries = false\nexclude = [\"archive/**\"]\n\
             accept = [\"Deskel\"]\nfail-on = \"error\"\n[rules]\nnon-preferred-name = \"error\"\nCD002 = \"off\"\n",
        );
        let c = Config::read(&path).unwrap();
        let names: Vec<String> = c
            .dictionaries
            .iter()
            .map(|p| p.strip_prefix(tmp.path()).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["newsroom/a.toml", "newsroom/b.toml"]);
        assert!(!c.default_dictionaries);
        assert_eq!(c.accept, ["Deskel"]);
        assert_eq!(c.fail_on, Severity::Error);
        assert_eq!(
            c.rules,
            [
                ("CD002", RuleLevel::Off),
                ("CD003", RuleLevel::On(Severity::Error))
            ]
        );
        assert!(c.excludes(&tmp.path().join("archive/2010/story.md")));
        assert!(!c.excludes(&tmp.path().join("drafts/story.md")));
    }

    #[test]
    fn is_found_upward() {
        let tmp = tempfile::tempdir().unwrap();
        write(tmp.path(), FILE_NAME, "accept = [\"Deskel\"]\n");
        fs::create_dir_all(tmp.path().join("a/b")).unwrap();
        let c = Config::find(None, &tmp.path().join("a/b")).unwrap();
        assert_eq!(c.path.as_deref(), Some(tmp.path().join(FILE_NAME).as_path()));
        assert_eq!(c.accept, ["Deskel"]);
    }

    #[test]
    fn problems_have_line_and_column() {
        let tmp = tempfile::tempdir().unwrap();
        let err = |text: &str| {
            let path = write(tmp.path(), FILE_NAME, text);
            Config::read(&path)
                .unwrap_err()
                .to_string()
                .replace(&tmp.path().display().to_string(), "DIR")
        };
        assert_eq!(
            err("accept = []\nexcludes = [\"x\"]\n"),
            "DIR/copydesk.toml:2:1: unknown field `excludes`, expected one of `dictionaries`, `default-dictionaries`, `exclude`, `accept`, `fail-on`, `rules`, `max-file-size`"
        );
        assert_eq!(
            err("[rules]\nmisspelled-name = \"loud\"\n"),
            "DIR/copydesk.toml:2:19: `loud` is no rule level; use error, warning, info or off"
        );
        assert_eq!(
            err("[rules]\nspelling = \"off\"\n"),
            "DIR/copydesk.toml:2:12: unknown rule `spelling` in [rules]; `copydesk rule` lists the rules"
        );
        assert_eq!(
            err("dictionaries = [\"desk/*.toml\"]\n"),
            "DIR/copydesk.toml:1:17: no dictionary matches `desk/*.toml` (relative to DIR)"
        );
        assert_eq!(
            err("fail-on = \"never\"\n"),
            "DIR/copydesk.toml:1:11: `never` is no severity; fail-on is error, warning or info"
        );
    }

    /// Issue 23: a value of the wrong type was echoed, so a secret pasted
    /// into the wrong field was printed in a CI log.
    #[test]
    fn a_type_error_does_not_print_the_value() {
        let tmp = tempfile::tempdir().unwrap();
        for (toml, expected) in [
            ("fail-on = \"hunter2\"\n", "`hunter2` is no severity"),
            (
                "default-dictionaries = \"hunter2\"\n",
                "invalid type: string, expected a boolean",
            ),
            (
                "accept = \"hunter2\"\n",
                "invalid type: string, expected a sequence",
            ),
            ("max-file-size = -3\n", "invalid value: integer, expected u64"),
            (
                "accept = [1.5]\n",
                "invalid type: floating point, expected a string",
            ),
        ] {
            let path = write(tmp.path(), "copydesk.toml", toml);
            let err = Config::read(&path).unwrap_err().to_string();
            if !expected.contains("hunter2") {
                assert!(
                    !err.contains("hunter2") && !err.contains("-3") && !err.contains("1.5"),
                    "{err}"
                );
            }
            assert!(err.contains(expected), "{err}");
        }
    }

    /// Issue 23: naming an excluded file through `..` checked it.
    #[test]
    fn exclude_holds_through_dot_dot() {
        let tmp = tempfile::tempdir().unwrap();
        let path = write(tmp.path(), "copydesk.toml", "exclude = [\"archive/**\"]\n");
        let config = Config::read(&path).unwrap();
        let root = tmp.path();
        assert!(config.excludes(&root.join("archive/x.md")));
        assert!(config.excludes(&root.join("drafts/../archive/x.md")));
        assert!(config.excludes(&root.join("drafts/./../archive/x.md")));
        let name = root.file_name().unwrap().to_str().unwrap();
        assert!(config.excludes(&root.join(format!("../{name}/archive/x.md"))));
        assert!(!config.excludes(&root.join("archive/../drafts/x.md")));
    }
}
