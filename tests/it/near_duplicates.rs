//! The near-duplicate forms of all the dictionaries (`copydesk dict check`
//! counts them): every pair is resolved, that is, a sentence writing either
//! form gets no finding, so neither is taken for a misspelling of the other.

use copydesk::audit::near_duplicates;
use copydesk::{Documents, Format, Settings, lint};

use crate::generated::ALL;

#[test]
fn every_near_duplicate_pair_is_resolved() {
    let dict = &*ALL;
    let pairs = near_duplicates(dict);
    // Dozens today ("Mike Rogers", "Mike Rodgers"): none would mean the
    // audit is broken.
    assert!(!pairs.is_empty(), "no near-duplicate pair in the dictionaries");
    let mut flagged = Vec::new();
    for pair in &pairs {
        let (first, second) = (dict.form(pair.first), dict.form(pair.second));
        if !pair.resolved {
            flagged.push(format!(
                "the audit says `{}` ~ `{}` is unresolved",
                first.text, second.text
            ));
        }
        for form in [first, second] {
            let text = format!("The report named {} as a source.", form.text);
            let mut docs = Documents::new();
            let id = docs.add("pair.txt", text.clone(), Format::Plain);
            let found = lint(docs.get(id), dict, &Settings::default());
            if !found.is_empty() {
                let codes: Vec<String> = found
                    .iter()
                    .map(|d| format!("{} `{}` {:?}", d.code, d.found, d.suggestions))
                    .collect();
                flagged.push(format!("{text} => {}", codes.join("; ")));
            }
        }
    }
    assert!(
        flagged.is_empty(),
        "{} of {} near-duplicate pairs are not resolved:\n{}",
        flagged.len(),
        pairs.len(),
        flagged.join("\n")
    );
}
