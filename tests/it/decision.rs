//! The calibrated decision with the built-in dictionaries on (issue 19):
//! slips that get printed are found, real different names are not.

use std::sync::LazyLock;

use copydesk::render::{Emitter, ShortEmitter};
use copydesk::{Dictionary, Documents, Format, Settings, lint};

static BUILTIN: LazyLock<Dictionary> = LazyLock::new(copydesk::builtin);

/// The short format of the spelling findings (CD001, CD002) on `text`.
fn spelling(text: &str) -> String {
    let mut docs = Documents::new();
    let id = docs.add("a.txt", text, Format::Plain);
    let diags: Vec<_> = lint(docs.get(id), &BUILTIN, &Settings::default())
        .into_iter()
        .filter(|d| d.code == "CD001" || d.code == "CD002")
        .collect();
    let mut out = Vec::new();
    ShortEmitter.emit(&mut out, &docs, &diags).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn a_real_name_typed_for_another_is_flagged_when_the_story_says_who() {
    // Gonzalez is a real name and known to the dictionaries: it weighs, it
    // does not veto.
    assert_eq!(
        spelling(
            "Attorney General Alberto Gonzales testified on Tuesday. Gonzalez said the program was lawful."
        ),
        "a.txt:1:57: CD002 [error] `Gonzalez` may be a misspelling of `Gonzales`: `Gonzales` 1x, `Gonzalez` 1x; the dictionary knows `Gonzales` (did you mean `Gonzales`?)\n"
    );
}

#[test]
fn a_lone_non_word_near_a_country_is_flagged() {
    assert_eq!(
        spelling("Officials in Pakistna said the talks would resume."),
        "a.txt:1:14: CD001 [warning] `Pakistna` looks like a misspelling of `Pakistan` (did you mean `Pakistan`?)\n"
    );
    // A weekday after a connector makes no name of two words.
    assert_eq!(
        spelling("The delegation flew to Kyrgystan on Monday."),
        "a.txt:1:24: CD001 [warning] `Kyrgystan` looks like a misspelling of `Kyrgyzstan` (did you mean `Kyrgyzstan`?)\n"
    );
}

#[test]
fn given_name_slips_with_a_title() {
    assert_eq!(
        spelling("Prime Minister Kier Starmer met the king."),
        "a.txt:1:16: CD001 [error] `Kier Starmer` looks like a misspelling of `Keir Starmer` (did you mean `Keir Starmer`?)\n"
    );
    // The title of an office held before names the person too.
    assert_eq!(
        spelling("Former Secretary of State Hilary Clinton spoke."),
        "a.txt:1:27: CD001 [error] `Hilary Clinton` looks like a misspelling of `Hillary Clinton` (did you mean `Hillary Clinton`?)\n"
    );
    // A real surname typed for another, the title and given name confirming.
    assert_eq!(
        spelling("Chancellor Olaf Schultz arrived in Paris."),
        "a.txt:1:12: CD001 [error] `Olaf Schultz` looks like a misspelling of `Olaf Scholz` (did you mean `Olaf Scholz`?)\n"
    );
}

#[test]
fn real_different_names_are_not_flagged() {
    for text in [
        "Austria and Australia signed the accord.",
        "Brenda Jones met Nick Jonas. Jonas sang.",
        "Katherine Clark and Yvette Clarke met. Clark left, Clarke stayed.",
        // A congressman of the 1830s and a member of today's House one
        // letter apart; each written right.
        "Andrew Ogle represented Pennsylvania. Andrew Ogles represents Tennessee.",
        "Andrew Ogles spoke on the floor.",
        // A senator born in 1815 and the President of the European Council.
        "Charles Michel chaired the summit.",
        "Charles Mitchel was a senator from Arkansas.",
        // A given name alone confirms no one: James Dimon is not the James
        // Dixon of an 1850s Congress.
        "James Dimon, the bank's chief executive, spoke.",
    ] {
        assert_eq!(spelling(text), "", "{text}");
    }
}
