//! The generators, one module per generated file. Each reads the data it
//! needs and writes the whole text of its file; what they share is in the
//! crate's other modules, and none of them imports another: where one
//! dictionary depends on another, it asks the [`Pipeline`](crate::pipeline::Pipeline)
//! for it by name.

pub(crate) mod agencies;
pub(crate) mod congress;
pub(crate) mod congress_former;
pub(crate) mod countries;
pub(crate) mod executive;
pub(crate) mod international_orgs;
pub(crate) mod lexicon;
pub(crate) mod us_officials;
pub(crate) mod world_leaders;
pub(crate) mod world_officials;

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::Path;

    /// The Rust files of a folder, by name, with their text.
    fn sources(dir: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "rs"))
            .map(|path| {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                (name, fs::read_to_string(&path).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    /// The layering the module documentation promises: a generator takes
    /// nothing from another (its tests take only from it, `use super::*`),
    /// and the shared modules know no generator.
    #[test]
    fn generators_import_shared_modules_only() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let generators = sources(&src.join("generators"));
        assert!(generators.len() >= 10, "{generators:?}");
        for (name, text) in &generators {
            for line in text.lines().map(str::trim) {
                let other =
                    line.contains("generators::") || (line.contains("super::") && line != "use super::*;");
                assert!(!other, "generators/{name} takes from another generator: {line}");
            }
        }
        for (name, text) in sources(&src) {
            if name != "main.rs" && name != "generators.rs" {
                assert!(
                    !text.contains("generators::"),
                    "{name} is shared, but names a generator"
                );
            }
        }
    }
}
