//! Command-line tests.
//!
//! Most cases are trycmd files in `tests/cmd/` (`<case>.toml` with the
//! arguments and exit code, `<case>.stdout`/`.stderr` with the expected
//! output; update them with `TRYCMD=overwrite cargo test`). The tests below
//! cover what a static folder cannot: a closed stdout, a `.gitignore` (Git
//! would ignore the file in our own repository) and an unreadable file.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

const DICTIONARY: &str = r#"
[[entity]]
kind = "person"
name = "Jennifer Daskal"
misspellings = ["Jennifer Dascal"]
"#;

#[test]
fn cmd() {
    trycmd::TestCases::new()
        .default_bin_name("copydesk")
        .case("tests/cmd/*.toml");
}

/// A folder with the test dictionary in it.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("news.toml"), DICTIONARY).expect("write dictionary");
    dir
}

fn copydesk(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .args([
            "check",
            "--format",
            "short",
            "--no-default-dictionaries",
            "--dictionary",
            "news.toml",
        ])
        .args(args);
    cmd
}

#[test]
fn closed_stdout_is_not_an_error() {
    let dir = folder();
    // Far more output than a pipe buffers, so the writes hit the closed pipe.
    fs::write(
        dir.path().join("long.txt"),
        "Jennifer Dascal spoke.\n".repeat(2_000),
    )
    .expect("write");
    let mut child = copydesk(dir.path(), &["long.txt"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run copydesk");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    // The findings still decide the exit code.
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn walk_honours_gitignore() {
    let dir = folder();
    fs::write(dir.path().join(".gitignore"), "ignored.txt\n").expect("write");
    fs::write(dir.path().join("ignored.txt"), "Jennifer Dascal\n").expect("write");
    fs::write(dir.path().join("kept.txt"), "Jennifer Dascal\n").expect("write");
    let out = copydesk(dir.path(), &[]).output().expect("run copydesk");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("kept.txt:1:1: CD001"), "{stdout}");
    assert!(!stdout.contains("ignored.txt"), "{stdout}");
    // Named explicitly, an ignored file is checked.
    let out = copydesk(dir.path(), &["ignored.txt"])
        .output()
        .expect("run copydesk");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ignored.txt:1:1: CD001"));
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported_and_the_others_checked() {
    use std::os::unix::fs::PermissionsExt;

    let dir = folder();
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, "Jennifer Dascal\n").expect("write");
    fs::write(dir.path().join("open.txt"), "Jennifer Dascal\n").expect("write");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::read(&locked).is_ok() {
        // Running as root (as in some containers): permissions do not stop
        // reads, so there is no unreadable file to test with. The trycmd case
        // `check_bad_inputs` covers a path that cannot be read (a dangling
        // symlink) in every environment.
        return;
    }
    let out = copydesk(dir.path(), &["locked.txt", "open.txt"])
        .output()
        .expect("run copydesk");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "copydesk: error: failed to read locked.txt: Permission denied (os error 13)\n"
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("open.txt:1:1: CD001"));
}

/// Issue 23: a FIFO (named or as `--config`) blocked the run forever and a
/// device was read until memory ran out; each is now refused by name, the
/// other files still checked, exit 2.
#[cfg(unix)]
#[test]
fn special_files_are_refused_and_the_others_checked() {
    let dir = folder();
    fs::write(dir.path().join("kept.txt"), "Jennifer Dascal\n").expect("write");
    let fifo = dir.path().join("pipe.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let out = copydesk(dir.path(), &["pipe.txt", "/dev/zero", "kept.txt"])
        .output()
        .expect("run copydesk");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("pipe.txt: a FIFO, not a regular file; not read"),
        "{stderr}"
    );
    assert!(
        stderr.contains("/dev/zero: a device, not a regular file; not read"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("kept.txt:1:1: CD001"));
    assert_eq!(out.status.code(), Some(2));

    let out = copydesk(dir.path(), &["--config", "pipe.txt", "kept.txt"])
        .output()
        .expect("run copydesk");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("pipe.txt: a FIFO, not a regular file; not read"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(2));
}

/// Issue 23: the size limit (flag and `copydesk.toml`), NUL bytes found past
/// the first 8 KB, and `-j` far beyond the cores.
#[test]
fn size_limit_nul_bytes_and_threads() {
    let dir = folder();
    fs::write(dir.path().join("big.txt"), "Jennifer Dascal\n".repeat(100)).expect("write");
    let mut late_nul = "a".repeat(100_000).into_bytes();
    late_nul.push(0);
    fs::write(dir.path().join("late.txt"), late_nul).expect("write");
    let out = copydesk(dir.path(), &["--max-file-size", "1000", "big.txt"])
        .output()
        .expect("run copydesk");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("big.txt: 1600 bytes, more than the limit of 1000 (--max-file-size); not read"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(2));
    fs::write(dir.path().join("copydesk.toml"), "max-file-size = 1000\n").expect("write");
    let out = copydesk(dir.path(), &["big.txt"]).output().expect("run copydesk");
    assert!(String::from_utf8_lossy(&out.stderr).contains("more than the limit of 1000"));
    fs::remove_file(dir.path().join("copydesk.toml")).expect("remove");

    let out = copydesk(dir.path(), &["late.txt"])
        .output()
        .expect("run copydesk");
    assert!(String::from_utf8_lossy(&out.stderr).contains("late.txt: binary file, not checked"));
    assert_eq!(out.status.code(), Some(2));

    let start = std::time::Instant::now();
    let out = copydesk(dir.path(), &["-j", "100000", "big.txt"])
        .output()
        .expect("run copydesk");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
}

/// Issue 23: a `.gitignore` above the repository's root was applied (Git
/// does not), so a repository's stories went unchecked.
#[test]
fn gitignore_above_the_repository_is_not_applied() {
    let outer = tempfile::tempdir().expect("temp dir");
    fs::write(outer.path().join(".gitignore"), "*.txt\n").expect("write");
    let repo = outer.path().join("repo");
    fs::create_dir(&repo).expect("mkdir");
    let git = Command::new("git")
        .args(["init", "-q"])
        .current_dir(&repo)
        .status()
        .expect("git");
    assert!(git.success());
    fs::write(repo.join("news.toml"), DICTIONARY).expect("write");
    fs::write(repo.join("story.txt"), "Jennifer Dascal\n").expect("write");
    let out = copydesk(&repo, &[]).output().expect("run copydesk");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("story.txt:1:1: CD001"), "{stdout}");
    // Outside a repository, every .gitignore above still counts.
    let plain = outer.path().join("plain");
    fs::create_dir(&plain).expect("mkdir");
    fs::write(plain.join("news.toml"), DICTIONARY).expect("write");
    fs::write(plain.join("story.txt"), "Jennifer Dascal\n").expect("write");
    fs::write(plain.join("story.md"), "Jennifer Dascal\n").expect("write");
    let out = copydesk(&plain, &[]).output().expect("run copydesk");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("story.md:1:1: CD001"), "{stdout}");
}

/// Issue 23: a folder with nothing copydesk reads exited 0 with no word
/// that nothing was checked.
#[test]
fn a_folder_with_nothing_to_check_is_an_error() {
    let dir = folder();
    fs::create_dir(dir.path().join("empty")).expect("mkdir");
    fs::create_dir(dir.path().join("pictures")).expect("mkdir");
    fs::write(dir.path().join("pictures/a.jpg"), "not text").expect("write");
    fs::write(dir.path().join("kept.txt"), "Jennifer Daskal\n").expect("write");
    let out = copydesk(dir.path(), &["empty", "pictures", "kept.txt"])
        .output()
        .expect("run copydesk");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("empty: no file to check (.txt, .md, .markdown, .html or .htm, not ignored)"),
        "{stderr}"
    );
    assert!(stderr.contains("pictures: no file to check"), "{stderr}");
    assert_eq!(out.status.code(), Some(2));
}

/// Issue 23: an invisible character inside a name (zero-width space,
/// joiners, word joiner, BOM, soft hyphen) hid the misspelling; the finding
/// covers the name as written, the character included, and `--fix`
/// replaces all of it.
#[test]
fn invisible_characters_do_not_hide_a_misspelling() {
    let dir = folder();
    for c in [
        '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}',
    ] {
        fs::write(
            dir.path().join("story.txt"),
            format!("Jennifer Das{c}cal spoke.\n"),
        )
        .expect("write");
        let out = copydesk(dir.path(), &["story.txt"])
            .output()
            .expect("run copydesk");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.starts_with("story.txt:1:1: CD001"),
            "U+{:04X}: {stdout}",
            c as u32
        );
        let out = copydesk(dir.path(), &["--fix", "story.txt"])
            .output()
            .expect("run copydesk");
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        assert_eq!(
            fs::read_to_string(dir.path().join("story.txt")).unwrap(),
            "Jennifer Daskal spoke.\n"
        );
    }
}
