//! `--changed-since`: only the lines a change adds are judged, in a real Git
//! repository made for the test.

use std::fs;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .status()
        .expect("run git");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn only_added_lines_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    fs::create_dir(d.join("stories")).unwrap();
    // The archive already has a slip nobody will fix in this change.
    fs::write(
        d.join("stories/old.md"),
        "Jen Daskal spoke on Monday.\n\nLater, Jennifer Deskal said so.\n",
    )
    .unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "archive"]);
    // The change adds a paragraph with a new slip, and a new story.
    fs::write(
        d.join("stories/old.md"),
        "Jen Daskal spoke on Monday.\n\nLater, Jennifer Deskal said so.\n\nOn Tuesday, Jennifer Deskel left.\n",
    )
    .unwrap();
    fs::write(
        d.join("stories/new.md"),
        "Jen Daskal arrived. Jennifer Daskel waved.\n",
    )
    .unwrap();

    let out = Command::new(BIN)
        .current_dir(d)
        .args(["check", "--format", "short", "--changed-since", "HEAD", "stories"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let located: Vec<&str> = stdout.lines().map(|l| l.split(": ").next().unwrap()).collect();
    assert_eq!(
        located,
        ["stories/new.md:1:21", "stories/old.md:5:13"],
        "{stdout}"
    );
    assert_eq!(out.status.code(), Some(1));

    // Without it, the archive's slip is reported too.
    let all = Command::new(BIN)
        .current_dir(d)
        .args(["check", "--format", "short", "stories"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&all.stdout).lines().count(), 3);

    // A ref Git does not know is an error.
    let bad = Command::new(BIN)
        .current_dir(d)
        .args(["check", "--changed-since", "no-such-ref", "stories"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr)
            .starts_with("copydesk: error: --changed-since no-such-ref: git diff"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
}

/// Issue 23: a ref that is an option of `git diff` (`--output=FILE` wrote
/// the diff elsewhere and the run looked clean) is refused with exit 2,
/// and git is asked nothing.
#[test]
fn a_ref_that_looks_like_an_option_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    fs::write(d.join("a.md"), "Jen Daskal arrived. Jennifer Daskel waved.\n").unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "one"]);
    for bad in ["--output=stolen.txt", "--ext-diff", "-p", ""] {
        let out = Command::new(BIN)
            .current_dir(d)
            .env("GIT_EXTERNAL_DIFF", "touch ran-external-diff")
            .args([
                "check",
                "--format",
                "short",
                &format!("--changed-since={bad}"),
                "a.md",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}: {out:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("is not a Git ref"),
            "{bad}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!d.join("stolen.txt").exists());
        assert!(!d.join("ran-external-diff").exists());
    }
}
