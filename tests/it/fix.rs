//! `--fix` and `--diff` on real files: the example article corrected byte
//! for byte, a second run with nothing left to fix, and faults that must
//! lose nothing (a read-only file, a symbolic link).

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run copydesk")
}

fn article() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/counternarcotics.txt"))
        .expect("the example article")
}

/// A writable copy of the article in a fresh folder.
fn copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("story.txt"), article()).expect("write");
    dir
}

#[test]
fn fix_corrects_the_three_names_and_nothing_else() {
    let dir = copy();
    let out = run(dir.path(), &["check", "--fix", "--format", "short", "story.txt"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "copydesk: fixed 3 findings in 1 file\n"
    );
    assert_eq!(out.status.code(), Some(0));
    let expected = article()
        .replacen(
            "\nCounternarctoics Working Group\n",
            "\nCounternarcotics Working Group\n",
            1,
        )
        .replacen("Advisor Jennifer Deskel.", "Advisor Jennifer Daskal.", 1)
        .replacen(
            "the Department of Treasury,",
            "the Department of the Treasury,",
            1,
        );
    assert_ne!(expected, article());
    assert_eq!(
        fs::read_to_string(dir.path().join("story.txt")).unwrap(),
        expected
    );

    // A second run finds nothing to fix, and nothing at all.
    let again = run(dir.path(), &["check", "--diff", "story.txt"]);
    assert_eq!(String::from_utf8_lossy(&again.stdout), "");
    assert_eq!(again.status.code(), Some(0));
    let again = run(dir.path(), &["check", "--fix", "story.txt"]);
    assert_eq!(String::from_utf8_lossy(&again.stderr), "");
    assert_eq!(again.status.code(), Some(0));
}

#[test]
fn diff_changes_nothing() {
    let dir = copy();
    let out = run(dir.path(), &["check", "--diff", "story.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(
        diff.starts_with("--- a/story.txt\n+++ b/story.txt\n@@ -10,5 +10,5 @@\n"),
        "{diff}"
    );
    assert_eq!(
        diff.lines()
            .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
            .count(),
        3
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("story.txt")).unwrap(),
        article()
    );
}

#[cfg(unix)]
#[test]
fn fix_keeps_permissions_and_links() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = copy();
    let story = dir.path().join("story.txt");
    fs::set_permissions(&story, fs::Permissions::from_mode(0o640)).unwrap();
    symlink("story.txt", dir.path().join("link.txt")).unwrap();
    let out = run(dir.path(), &["check", "--fix", "link.txt"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        fs::symlink_metadata(dir.path().join("link.txt"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::metadata(&story).unwrap().permissions().mode() & 0o777, 0o640);
    assert!(fs::read_to_string(&story).unwrap().contains("Jennifer Daskal."));
    // No temporary file is left behind.
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn a_read_only_file_is_left_alone_and_reported() {
    let dir = copy();
    let story = dir.path().join("story.txt");
    let mut perms = fs::metadata(&story).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&story, perms).unwrap();
    fs::write(
        dir.path().join("other.txt"),
        "Jen Daskal spoke. Later, Jennifer Deskel left.\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &["check", "--fix", "--format", "short", "story.txt", "other.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "copydesk: error: story.txt was not fixed: the file is read-only\n\
         copydesk: fixed 1 finding in 1 file\n"
    );
    // The read-only file still has its findings; the other was fixed.
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert!(stdout.lines().all(|l| l.starts_with("story.txt:")), "{stdout}");
    assert_eq!(fs::read_to_string(&story).unwrap(), article());
    assert_eq!(
        fs::read_to_string(dir.path().join("other.txt")).unwrap(),
        "Jen Daskal spoke. Later, Jennifer Daskal left.\n"
    );
}

#[test]
fn fix_with_stdin_writes_the_fixed_text_to_stdout() {
    let mut child = Command::new(BIN)
        .args([
            "check",
            "--fix",
            "--format",
            "short",
            "--stdin-filename",
            "draft.txt",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run copydesk");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(
                "Jen Daskal spoke. Later, Jennifer Deskel met Treasury Secretary Janet Yellin.\n".as_bytes(),
            )
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    // Both slips confirmed (the story's "Jen Daskal"; the title and the
    // given name of Janet Yellen): both fixed.
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Jen Daskal spoke. Later, Jennifer Daskal met Treasury Secretary Janet Yellen.\n"
    );
    // Nothing is left to report once both are fixed.
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
