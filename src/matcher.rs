//! Mentions: name-like spans of a document and what the dictionary says of them.
//!
//! This module is the only home of matching thresholds.

use crate::dictionary::Dictionary;
use crate::document::Document;
use crate::words::Token;

/// Everything the rules need to know about one document, computed once.
#[derive(Debug, Default)]
pub struct Analysis {
    /// Every word of prose.
    pub tokens: Vec<Token>,
}

impl Analysis {
    /// Analyse a document against a dictionary.
    pub fn new(doc: &Document, _dict: &Dictionary) -> Self {
        let mut tokens = Vec::new();
        for &region in &doc.prose {
            crate::words::tokenize(&doc.text, region, &mut tokens);
        }
        Analysis { tokens }
    }
}
