//! The dictionaries embedded in the binary.
//!
//! The build script (`src/build.rs`) loads every `dictionaries/*.toml` with
//! the dictionary core, checks it as `copydesk dict check` would, and
//! compiles it with [`Dictionary::to_bytes`]; the bytes are embedded here and
//! used in place, so start-up parses nothing.

use crate::dictionary::Dictionary;

/// 8-byte alignment for the embedded bytes, so that the index arrays are
/// read in place.
#[repr(C, align(8))]
struct Aligned<B: ?Sized>(B);

static COMPILED: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/builtin.dict")));

/// The built-in dictionaries, compiled: every `dictionaries/*.toml` of the
/// source tree, named `builtin:NAME`.
pub fn builtin() -> Dictionary {
    Dictionary::from_bytes(&COMPILED.0).expect("the built-in dictionary was compiled by this build")
}

/// The linter reads a compiled dictionary, and one with layers added on top
/// of it, as it reads the dictionary loaded from TOML.
#[cfg(test)]
mod tests {
    use crate::dictionary::{DictSource, Dictionary};
    use crate::entity::{Entity, EntityKind};
    use crate::test_util::{check, newsroom};

    /// The bytes in an 8-aligned, leaked buffer: the index is used in place.
    fn aligned(bytes: &[u8]) -> &'static [u8] {
        let words: &'static mut [u64] = Box::leak(vec![0u64; bytes.len().div_ceil(8)].into_boxed_slice());
        let out: &'static mut [u8] = bytemuck::cast_slice_mut(words);
        out[..bytes.len()].copy_from_slice(bytes);
        &out[..bytes.len()]
    }

    /// The bytes one past an 8-aligned address: every array is copied.
    fn misaligned(bytes: &[u8]) -> &'static [u8] {
        let mut padded = vec![0u8; 1];
        padded.extend_from_slice(bytes);
        &aligned(&padded)[1..]
    }

    const TEXT: &str = "Deputy Homeland Security Advisor Jen Daskal spoke.\n\n\
        The group was led by Jennifer Deskel, with the Department of Treasury and DHS.\n\n\
        Counternarctoics Working Group";

    #[test]
    fn a_compiled_dictionary_finds_what_the_loaded_one_finds() {
        let dict = newsroom();
        let bytes = dict.to_bytes();
        for data in [aligned(&bytes), misaligned(&bytes)] {
            let compiled = Dictionary::from_bytes(data).expect("compiled");
            assert!(compiled.entities().eq(dict.entities()));
            assert!(compiled.forms().eq(dict.forms()));
            assert_eq!(compiled.sources(), dict.sources());
            for rule in ["CD001", "CD003"] {
                assert_eq!(check(TEXT, &compiled, rule), check(TEXT, &dict, rule));
            }
            assert_eq!(compiled.near_words("Deskel", 2), dict.near_words("Deskel", 2));
        }
        let aligned = Dictionary::from_bytes(aligned(&bytes)).expect("compiled");
        assert_eq!(aligned.index_heap_bytes(), 0, "an aligned index is used in place");
        assert_eq!(
            check(TEXT, &aligned, "CD001"),
            "3:22-3:37 CD001 error `Jennifer Deskel` looks like a misspelling of `Jennifer Daskal` => [Jennifer Daskal] fix safe 3:31-3:37 `Daskal`; related 1:34 `Jen Daskal`\n\
             5:1-5:31 CD001 error `Counternarctoics Working Group` looks like a misspelling of `Counternarcotics Working Group` => [Counternarcotics Working Group] fix safe 5:1-5:17 `Counternarcotics`"
        );
    }

    #[test]
    fn sources_loaded_onto_a_compiled_dictionary_are_a_second_layer() {
        let base = Dictionary::from_bytes(aligned(&newsroom().to_bytes())).expect("compiled");
        let user = DictSource {
            name: "desk.toml".into(),
            text: "[[entity]]\nkind = \"organization\"\nname = \"Treasury Working Group\"\n\n\
                   [[entity]]\nkind = \"person\"\nname = \"Brenda Jonas\"\n"
                .into(),
        };
        let dict = Dictionary::load_onto(base, &[user]).expect("no conflict");
        assert_eq!(dict.sources(), ["test.toml", "desk.toml"]);
        assert_eq!(dict.entities().last().map(|e| e.source), Some(1));
        // A near miss of a form whose words come from both layers.
        assert_eq!(
            check("The Treasury Workin Group met.", &dict, "CD001"),
            "1:5-1:26 CD001 error `Treasury Workin Group` looks like a misspelling of `Treasury Working Group` => [Treasury Working Group] fix safe 1:14-1:20 `Working`"
        );
        // Exact forms of both layers are known, so neither is flagged.
        assert_eq!(check("Brenda Jonas met Brenda Jones.", &dict, "CD001"), "");
        assert_eq!(
            check(
                "Treasury Working Group, Department of the Treasury",
                &dict,
                "CD001"
            ),
            ""
        );
    }

    #[test]
    fn entities_made_in_code_are_linted_with_the_base() {
        let person = |id: &str, name: &str| Entity {
            id: id.into(),
            ..Entity::new(EntityKind::Person, name)
        };
        let dict = newsroom()
            .add_entities(
                "generated",
                vec![person("generated-oleksandra-hrytsenko", "Oleksandra Hrytsenko")],
            )
            .unwrap();
        assert_eq!(dict.sources(), ["test.toml", "generated"]);
        let added = dict.entities().last().map(|e| (e.id.as_str(), e.source));
        assert_eq!(added, Some(("generated-oleksandra-hrytsenko", 1)));
        // A near miss of a form of the base, and of the entity added.
        assert_eq!(
            check(
                "The Counternarctoics Working Group met Oleksandra Hritsenko.",
                &dict,
                "CD001"
            ),
            "1:5-1:35 CD001 error `Counternarctoics Working Group` looks like a misspelling of `Counternarcotics Working Group` => [Counternarcotics Working Group] fix safe 1:5-1:21 `Counternarcotics`\n\
             1:40-1:60 CD001 warning `Oleksandra Hritsenko` looks like a misspelling of `Oleksandra Hrytsenko` => [Oleksandra Hrytsenko] fix unsafe 1:51-1:60 `Hrytsenko`"
        );
    }
}
