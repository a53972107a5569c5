//! The name inventory of a run (`copydesk names`): clusters of close
//! spellings of the run's name words, each with its forms, their uses and
//! files, and a verdict, most suspicious first.
//!
//! Two formats: [`write_names_human`] for people and [`write_names_json`],
//! JSON Lines with one cluster per line in this stable shape (keys in this
//! order; `verdict` is `null` for a single form, listed with `--all`):
//!
//! ```json
//! {"verdict":{"wrong":"Hritsenko","right":"Hrytsenko","confidence":0.97,"majority":true,"reported":true,
//!   "evidence":["one edit","both spellings stand next to `Oleksandra`"]},
//!  "forms":[{"form":"Hrytsenko","uses":92,"files":46,"paths":["stories/001.md"]},
//!           {"form":"Hritsenko","uses":6,"files":4,"paths":["stories/047.md"]}]}
//! ```
//!
//! - `forms`: most files first; `form` as the run writes it most often;
//!   `uses` counts capitalised uses; `paths` lists every file, in run order.
//! - `verdict.wrong`/`right`: the form believed wrong (the rarer) and the
//!   one believed right; `confidence`: the probability that the wrong form is a slip, rounded to two decimals (CD005
//!   reports from 0.75); `majority`: `right` is in enough more files to be
//!   the run's spelling; `reported`: CD005 reports `wrong` in this run;
//!   `evidence`: what the verdict rests on, for people.

use std::io::{self, Write};

use serde::Serialize;

use super::document;
use crate::document::Documents;
use crate::matcher::{Cluster, CorpusName, CrossFile};

/// At most this many paths are listed per form in the human format.
const MAX_PATHS: usize = 3;

#[derive(Serialize)]
struct JsonCluster<'a> {
    verdict: Option<JsonVerdict<'a>>,
    forms: Vec<JsonForm<'a>>,
}

#[derive(Serialize)]
struct JsonVerdict<'a> {
    wrong: &'a str,
    right: &'a str,
    confidence: f64,
    majority: bool,
    reported: bool,
    evidence: &'a [String],
}

#[derive(Serialize)]
struct JsonForm<'a> {
    form: &'a str,
    uses: usize,
    files: usize,
    paths: Vec<&'a str>,
}

/// The paths of the files a name word stands in, in run order.
fn paths<'a>(docs: &'a Documents, name: &CorpusName) -> io::Result<Vec<&'a str>> {
    name.occurrences
        .iter()
        .map(|o| Ok(document(docs, o.doc)?.name.as_str()))
        .collect()
}

/// A confidence as printed: two decimals.
fn rounded(confidence: f32) -> f64 {
    (f64::from(confidence) * 100.0).round() / 100.0
}

/// JSON Lines, one cluster per line (see the module documentation).
pub fn write_names_json(
    w: &mut dyn Write,
    docs: &Documents,
    cross: &CrossFile,
    clusters: &[Cluster],
) -> io::Result<()> {
    for c in clusters {
        let verdict = cross.verdict(c).map(|v| JsonVerdict {
            wrong: cross.names[v.wrong].surface,
            right: cross.names[v.right].surface,
            confidence: rounded(v.confidence),
            majority: v.majority,
            reported: v.reported,
            evidence: &v.evidence,
        });
        let forms = c
            .forms
            .iter()
            .map(|&f| {
                let n = &cross.names[f];
                Ok(JsonForm {
                    form: n.surface,
                    uses: n.uses,
                    files: n.files(),
                    paths: paths(docs, n)?,
                })
            })
            .collect::<io::Result<Vec<_>>>()?;
        serde_json::to_writer(&mut *w, &JsonCluster { verdict, forms })?;
        writeln!(w)?;
    }
    Ok(())
}

/// A readable list: per cluster a verdict line, one line per form (uses,
/// files, the first few paths) and the evidence; single forms (`--all`)
/// follow under their own heading; a summary line ends it.
pub fn write_names_human(
    w: &mut dyn Write,
    docs: &Documents,
    cross: &CrossFile,
    clusters: &[Cluster],
) -> io::Result<()> {
    let width = clusters
        .iter()
        .flat_map(|c| &c.forms)
        .map(|&f| cross.names[f].surface.chars().count())
        .max()
        .unwrap_or(0);
    let uses_w = clusters
        .iter()
        .flat_map(|c| &c.forms)
        .map(|&f| cross.names[f].uses.to_string().len())
        .max()
        .unwrap_or(1);
    let files_w = clusters
        .iter()
        .flat_map(|c| &c.forms)
        .map(|&f| cross.names[f].files().to_string().len())
        .max()
        .unwrap_or(1);
    let form_line = |w: &mut dyn Write, f: usize| -> io::Result<()> {
        let n = &cross.names[f];
        let ps = paths(docs, n)?;
        let mut listed = ps.iter().take(MAX_PATHS).copied().collect::<Vec<_>>().join(", ");
        if ps.len() > MAX_PATHS {
            listed.push_str(&format!(" and {} more", ps.len() - MAX_PATHS));
        }
        let pad = width - n.surface.chars().count();
        writeln!(
            w,
            "    {}{:pad$}  {:>uses_w$} {}  {:>files_w$} {}  {listed}",
            n.surface,
            "",
            n.uses,
            if n.uses == 1 { "use " } else { "uses" },
            n.files(),
            if n.files() == 1 { "file " } else { "files" },
        )
    };
    let mut number = 0;
    let mut reported = 0;
    let mut singles = false;
    for c in clusters {
        let Some(v) = cross.verdict(c) else {
            if !singles {
                writeln!(w, "single forms:")?;
                singles = true;
            }
            form_line(w, c.forms[0])?;
            continue;
        };
        number += 1;
        let (wrong, right) = (&cross.names[v.wrong].surface, &cross.names[v.right].surface);
        let status = if v.reported {
            reported += 1;
            "reported by CD005"
        } else if v.majority {
            "too little evidence to report"
        } else {
            "no majority spelling"
        };
        writeln!(
            w,
            "{number}. `{wrong}` may be a misspelling of `{right}` (confidence {:.2}; {status})",
            rounded(v.confidence)
        )?;
        for &f in &c.forms {
            form_line(w, f)?;
        }
        writeln!(w, "    evidence: {}", v.evidence.join("; "))?;
        writeln!(w)?;
    }
    if singles {
        writeln!(w)?;
    }
    writeln!(
        w,
        "{} of close spellings ({} reported by CD005); {} in {}",
        count(number, "cluster", "clusters"),
        reported,
        count(cross.names.len(), "name word", "name words"),
        count(docs.len(), "file", "files"),
    )
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
