//! Property tests: documents made of names, near misses, markup and odd
//! characters keep the invariants of `fuzz/src/invariants.rs` (the fuzz
//! targets' checks, shared), and a run's findings do not depend on the
//! number of threads.

// Public for the fuzz crate, which uses it as a library module.
#[allow(unreachable_pub)]
#[path = "../../fuzz/src/invariants.rs"]
mod invariants;

use std::sync::LazyLock;

use copydesk::linter::lint_documents;
use copydesk::{Dictionary, Document, DocumentId, Documents, Format, Settings};
use proptest::prelude::*;

static DICT: LazyLock<Dictionary> = LazyLock::new(copydesk::builtin);

/// Pieces a story is made of: names right and wrong, abbreviations,
/// markup of each format, line ends of each kind, invisible characters.
const PIECES: &[&str] = &[
    "Jennifer Daskal",
    "Jennifer Deskel",
    "Jen Daskal",
    "Daskal",
    "Deskel",
    "Des\u{200b}kel",
    "ONDCP",
    "Office of National Drug Control Policy",
    "Department of Treasury",
    "Department of the Treasury",
    "Counternarctoics Working Group",
    "Counternarcotics Working Group",
    "Xi Jinping",
    "Jinping Xi",
    "Volodymyr Zelensky",
    "Zelenskyy",
    "Oleksandra Hrytsenko",
    "Hritsenko",
    "President ",
    "Mr ",
    "Secretary of State ",
    "the ",
    "said ",
    "'s",
    "’s",
    " ",
    " ",
    ", ",
    ". ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{feff}",
    "\u{ad}",
    "“",
    "”",
    "(",
    ")",
    "é",
    "日本",
    "# ",
    "## ",
    "---\ntitle: Jennifer Deskel\ndate: 2024-01-30\n---\n",
    "+++\ntitle = \"x\"\n+++\n",
    "`Deskel`",
    "```\nDeskel\n```\n",
    "[Jennifer Deskel](http://x/Deskel)",
    "*",
    "_",
    "<p>",
    "</p>",
    "<p title=\"Jen Deskel\">",
    "&amp;",
    "&eacute;",
    "<script>Deskel</script>",
    "<!-- copydesk:ignore-next-line -->\n",
    "<!-- copydesk:off -->",
    "<!-- copydesk:on -->",
    "<!-- copydesk:ignore-next-line misspelled-name -->\n",
];

fn story() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|p| p.concat())
}

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![Just(Format::Plain), Just(Format::Markdown), Just(Format::Html)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn findings_spans_fixes_and_json_hold(text in story(), format in format()) {
        let doc = Document::new(DocumentId(0), "story", text.as_str(), format);
        invariants::check_document(&doc);
        invariants::lint_fix_lint(&text, format, &DICT, &Settings::default());
    }

    #[test]
    fn findings_do_not_depend_on_the_thread_count(
        stories in proptest::collection::vec((story(), format()), 2..6),
    ) {
        let mut docs = Documents::new();
        for (i, (text, format)) in stories.iter().enumerate() {
            docs.add(format!("s{i}"), text.as_str(), *format);
        }
        let run = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("pool")
                .install(|| lint_documents(&docs, &DICT, &Settings::default()))
        };
        let one = run(1);
        invariants::check_diagnostics(&docs, &one);
        prop_assert_eq!(one, run(4));
    }
}

/// Found by `findings_spans_fixes_and_json_hold`: the first pass of safe
/// fixes corrected one use of the group's name, which made the second use
/// certain enough to be safe, so a second `--fix` changed the text again.
/// `fix_document` goes on until a pass fixes nothing.
#[test]
fn one_fix_makes_the_next_safe() {
    invariants::lint_fix_lint(
        "Counternarctoics Working GroupJennifer DaskalPresident Counternarctoics Working Group's",
        Format::Plain,
        &DICT,
        &Settings::default(),
    );
}
