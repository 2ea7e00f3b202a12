//! `glossary.toml`: the 定義 sections as term → definition → clause.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    #[serde(default)]
    pub term: Vec<GlossaryTerm>,
}

#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct GlossaryTerm {
    pub term: String,
    #[serde(default)]
    pub reading: Option<String>,
    pub definition: String,
    /// Full clause id.
    pub clause: String,
}

/// Text compared without white space (the PDFs put spaces between Japanese
/// and Latin text inconsistently).
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}
