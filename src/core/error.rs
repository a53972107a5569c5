//! Library errors.

use std::fmt;

/// One problem in a dictionary file, with its position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DictionaryProblem {
    /// The dictionary's name: its path, or `builtin:NAME`.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for DictionaryProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.path, self.line, self.column, self.message)
    }
}

/// Errors the library reports.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One or more dictionaries are invalid; every problem found is listed.
    #[error("{}", format_problems(.0))]
    Dictionary(Vec<DictionaryProblem>),
}

fn format_problems(problems: &[DictionaryProblem]) -> String {
    let mut out = String::new();
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&p.to_string());
    }
    out
}
