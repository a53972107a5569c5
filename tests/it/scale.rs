//! Time that grows with the input, not with its square (issue 23): each
//! case took tens of seconds or never ended before; the bounds are loose
//! enough for a debug build on a busy machine.

use std::time::{Duration, Instant};

use copydesk::linter::lint_documents;
use copydesk::{Documents, Format, Settings};

fn timed<T>(what: &str, limit: Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < limit, "{what} took {took:?} (limit {limit:?})");
    out
}

/// CD011 read the whole line again for each abbreviation it met: 52 s in a
/// release build for this line of 640 KB.
#[test]
fn one_long_line_of_abbreviations() {
    let text = "The ONDCP said. ".repeat(40_000);
    let dict = copydesk::builtin();
    let doc = copydesk::Document::new(copydesk::DocumentId(0), "x.txt", text, Format::Plain);
    let diags = timed("CD011 on one line", Duration::from_secs(30), || {
        copydesk::lint(&doc, &dict, &Settings::default())
    });
    // Only the first use is reported.
    assert_eq!(diags.iter().filter(|d| d.code == "CD011").count(), 1);
}

/// CD005 listed the other files of the right spelling again for each file
/// of the wrong one, and counted the files with both by comparing every
/// file of one with every file of the other.
#[test]
fn many_files_with_two_spellings() {
    let mut docs = Documents::new();
    for i in 0..20_000 {
        let name = if i % 3 == 0 { "Hritsenko" } else { "Hrytsenko" };
        docs.add(
            format!("s{i}.txt"),
            format!("Minister Oleksandra {name} spoke.\n"),
            Format::Plain,
        );
    }
    let dict = copydesk::Dictionary::empty();
    timed("CD005 over 20,000 files", Duration::from_secs(60), || {
        lint_documents(&docs, &dict, &Settings::default())
    });
}
