//! The built-in dictionaries: each parses and validates on its own and all
//! together, ids are unique and sorted, keys are in the documented order, and
//! the table in `dictionaries/README.md` states the right entity counts.

use std::path::Path;
use std::sync::LazyLock;

use copydesk::builtin;
use copydesk::{DictSource, Dictionary, FormKind};

/// `(name, TOML text)` of every `dictionaries/*.toml`: the built-in
/// dictionaries, as the build script reads them.
static FILES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("dictionaries");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("dictionaries/")
        .map(|e| e.expect("an entry of dictionaries/").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (
                name,
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())),
            )
        })
        .collect();
    files.sort();
    files
});

fn sources() -> Vec<DictSource> {
    FILES
        .iter()
        .map(|(name, text)| DictSource {
            name: format!("builtin:{name}"),
            text: text.clone(),
        })
        .collect()
}

/// Keys of an `[[entity]]` table, in the order the files write them.
const ENTITY_KEYS: &[&str] = &[
    "id",
    "kind",
    "name",
    "aliases",
    "variants",
    "misspellings",
    "abbreviations",
    "well-known",
    "family-name",
    "titles",
    "roles",
    "ambiguous",
    "description",
    "prominence",
];

const README: &str = include_str!("../../dictionaries/README.md");

fn load_one(name: &str, text: &str) -> Dictionary {
    let source = DictSource {
        name: format!("builtin:{name}"),
        text: text.to_owned(),
    };
    Dictionary::load(&[source]).unwrap_or_else(|e| panic!("{e}"))
}

/// `file -> entity count` from the table in `dictionaries/README.md`.
fn readme_counts() -> Vec<(String, usize)> {
    let mut rows = Vec::new();
    for line in README.lines() {
        let cells: Vec<&str> = line.trim().trim_matches('|').split('|').map(str::trim).collect();
        let Some(file) = cells
            .first()
            .and_then(|c| c.strip_prefix('`'))
            .and_then(|c| c.strip_suffix(".toml`"))
        else {
            continue;
        };
        let count = cells
            .last()
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| panic!("README row for `{file}.toml` has no entity count: {line}"));
        rows.push((file.to_owned(), count));
    }
    rows
}

#[test]
fn every_builtin_parses_with_sorted_unique_ids() {
    for (name, text) in FILES.iter() {
        let dict = load_one(name, text);
        assert!(!dict.is_empty(), "{name}: no entity");
        let ids: Vec<&str> = dict.entities().map(|e| e.id.as_str()).collect();
        for pair in ids.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{name}: entities are not sorted by id, or an id repeats: `{}` before `{}`",
                pair[0],
                pair[1]
            );
        }
        for e in dict.entities() {
            assert!(
                e.description
                    .as_deref()
                    .is_some_and(|d| !d.is_empty() && !d.contains('\n')),
                "{name}: `{}` needs a one-line description",
                e.id
            );
        }
    }
}

#[test]
fn every_builtin_has_meta_and_keys_in_order() {
    for (name, text) in FILES.iter() {
        let table: toml::Table = text.parse().unwrap_or_else(|e| panic!("{name}: {e}"));
        let meta = table
            .get("meta")
            .and_then(toml::Value::as_table)
            .unwrap_or_else(|| panic!("{name}: no [meta]"));
        for key in ["name", "source", "licence", "as-of"] {
            assert!(
                meta.get(key)
                    .and_then(toml::Value::as_str)
                    .is_some_and(|s| !s.is_empty()),
                "{name}: [meta] needs `{key}`"
            );
        }
        // Every entity explicitly has an id, and its keys come in the
        // documented order.
        let mut keys: Vec<&str> = Vec::new();
        let check = |keys: &mut Vec<&str>| {
            if keys.is_empty() {
                return;
            }
            assert_eq!(
                keys.first(),
                Some(&"id"),
                "{name}: an entity does not start with `id`"
            );
            let order: Vec<usize> = keys
                .iter()
                .map(|k| {
                    ENTITY_KEYS
                        .iter()
                        .position(|e| e == k)
                        .unwrap_or_else(|| panic!("{name}: unknown key `{k}`"))
                })
                .collect();
            assert!(
                order.windows(2).all(|w| w[0] < w[1]),
                "{name}: keys out of order: {keys:?} (expected the order {ENTITY_KEYS:?})"
            );
            keys.clear();
        };
        let mut in_entity = false;
        for line in text.lines() {
            if line.starts_with('[') {
                check(&mut keys);
                in_entity = line == "[[entity]]";
            } else if in_entity
                && !line.starts_with([' ', ']'])
                && let Some((key, _)) = line.split_once(" = ")
            {
                // A multi-line array (`roles`) continues on indented lines.
                keys.push(key);
            }
        }
        check(&mut keys);
    }
}

#[test]
fn builtins_load_together() {
    let dict = Dictionary::load(&sources()).unwrap_or_else(|e| panic!("{e}"));
    let total: usize = FILES.iter().map(|(n, t)| load_one(n, t).len()).sum();
    assert_eq!(dict.len(), total);
    // What the binary embeds is what the files say.
    let compiled = builtin();
    assert_eq!(compiled.len(), total);
    if let Some((a, b)) = compiled.entities().zip(dict.entities()).find(|(a, b)| a != b) {
        panic!("the compiled dictionary differs from the files:\n{a:?}\n{b:?}");
    }
    assert_eq!(compiled.sources(), dict.sources());
}

/// The rows of the README's table of prominence levels: file name, then
/// the entities at 3, 2, 1 and 0.
fn readme_prominence() -> Vec<(String, [usize; 4])> {
    let mut rows = Vec::new();
    let mut in_table = false;
    for line in README.lines() {
        let cells: Vec<&str> = line.trim().trim_matches('|').split('|').map(str::trim).collect();
        if cells.as_slice() == ["file", "3", "2", "1", "0", "entities"] {
            in_table = true;
            continue;
        }
        if !in_table || cells.first().is_some_and(|c| c.starts_with("---")) {
            continue;
        }
        let Some(file) = cells.first().and_then(|c| c.strip_suffix(".toml")) else {
            break;
        };
        let n = |i: usize| cells[i].parse().unwrap_or_else(|_| panic!("README: {line}"));
        rows.push((file.to_owned(), [n(1), n(2), n(3), n(4)]));
    }
    rows
}

#[test]
fn readme_table_states_the_prominence_counts() {
    let rows = readme_prominence();
    assert_eq!(
        rows.len(),
        FILES.len(),
        "dictionaries/README.md must give the prominence levels of every built-in dictionary"
    );
    for (name, text) in FILES.iter() {
        let dict = load_one(name, text);
        let mut counts = [0; 4];
        for e in dict.entities() {
            assert!(e.prominence.is_some(), "{name}: `{}` has no prominence", e.id);
            counts[3 - usize::from(e.prominence())] += 1;
        }
        let stated = rows.iter().find(|(f, _)| f == name).map(|(_, c)| *c);
        assert_eq!(
            stated,
            Some(counts),
            "dictionaries/README.md: the prominence levels (3, 2, 1, 0) of {name}.toml"
        );
    }
}

#[test]
fn readme_table_states_the_entity_counts() {
    let rows = readme_counts();
    let mut files: Vec<&str> = rows.iter().map(|(f, _)| f.as_str()).collect();
    files.sort_unstable();
    let mut builtin: Vec<&str> = FILES.iter().map(|(n, _)| n.as_str()).collect();
    builtin.sort_unstable();
    assert_eq!(
        files, builtin,
        "dictionaries/README.md must list every built-in dictionary once"
    );
    for (file, count) in rows {
        let (name, text) = FILES.iter().find(|(n, _)| *n == file).unwrap();
        assert_eq!(
            load_one(name, text).len(),
            count,
            "dictionaries/README.md: wrong entity count for `{file}.toml`"
        );
    }
}

#[test]
fn readme_documents_every_key() {
    for key in ENTITY_KEYS
        .iter()
        .chain(&["licence", "as-of", "generator", "source"])
    {
        assert!(
            README.contains(&format!("`{key}`")),
            "dictionaries/README.md does not document `{key}`"
        );
    }
}

/// copydesk must find the errors of the article that started it on its own
/// (DESIGN.md): no built-in dictionary may list them.
#[test]
fn no_builtin_lists_the_example_articles_errors() {
    let dict = builtin();
    for form in dict.forms() {
        let lower = form.text.to_lowercase();
        assert!(
            !lower.contains("deskel") && !lower.contains("counternarctoics"),
            "`{}` is listed in a built-in dictionary",
            form.text
        );
    }
    let treasury = dict
        .forms()
        .find(|f| f.text == "Department of Treasury")
        .expect("`Department of Treasury` is listed");
    assert_eq!(treasury.kind, FormKind::Variant);
    assert_eq!(dict.entity(treasury.entity).name, "Department of the Treasury");
}
