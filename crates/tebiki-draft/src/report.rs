//! What the draft recognised, what it could not place, and what is left for
//! the person to fill in. Texts are message keys (locales/*/draft.ftl).

use crate::read::InputFormat;
use crate::structure::Scheme;
use serde::Serialize;
use tebiki_core::message::Message;
use tebiki_core::pack::problem::Problem;
use ts_rs::TS;

/// A line of the input with its number (and PDF page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[ts(rename = "DraftReportLine")]
#[serde(rename_all = "camelCase")]
pub struct ReportLine {
    pub line: usize,
    pub page: Option<u32>,
    pub text: String,
}

/// A line that looks like structure but has no place in the outline; it is
/// kept as text where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[ts(rename = "DraftUnplacedLine")]
#[serde(rename_all = "camelCase")]
pub struct UnplacedLine {
    pub line: usize,
    pub text: String,
    pub reason: Message,
}

impl UnplacedLine {
    pub fn new(line: usize, text: &str, reason: Message) -> Self {
        UnplacedLine { line, text: text.to_owned(), reason }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[ts(rename = "DraftOutlineEntry")]
#[serde(rename_all = "camelCase")]
pub struct OutlineEntry {
    pub document: String,
    pub id: String,
    pub heading: String,
    /// 2 = top level below the document title.
    pub level: u8,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[ts(rename = "DraftClausePreview")]
#[serde(rename_all = "camelCase")]
pub struct ClausePreview {
    pub id: String,
    pub heading: String,
    /// The clause's text as the reader will show it (plain, first lines).
    pub text: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[ts(rename = "DraftDocumentSummary")]
#[serde(rename_all = "camelCase")]
pub struct DocumentSummary {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub clauses: usize,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[ts(rename = "DraftCounts")]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub input_lines: usize,
    pub documents: usize,
    pub chapters: usize,
    pub sections: usize,
    /// Every heading below a document title (章 and 節 included).
    pub clauses: usize,
    pub definitions: usize,
    pub roles: usize,
    pub toc_lines: usize,
    pub page_numbers: usize,
    pub running_heads: usize,
    pub joined_lines: usize,
    pub sentences: usize,
    pub sentences_found: usize,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct DraftReport {
    pub format: InputFormat,
    pub encoding: Option<String>,
    pub scheme: Scheme,
    pub pack_id: String,
    pub title: String,
    pub organization: String,
    pub counts: Counts,
    pub documents: Vec<DocumentSummary>,
    pub outline: Vec<OutlineEntry>,
    /// The first clauses, for the preview.
    pub preview: Vec<ClausePreview>,
    pub unplaced: Vec<UnplacedLine>,
    /// Sentences of the input that the pack does not hold (should be none).
    pub missing_sentences: Vec<ReportLine>,
    pub toc: Vec<ReportLine>,
    pub page_numbers: Vec<ReportLine>,
    pub running_heads: Vec<ReportLine>,
    /// What the draft could not find and the person fills in by hand.
    pub to_fill: Vec<Message>,
    /// What `tebiki content check` says about the drafted pack.
    pub problems: Vec<Problem>,
    #[ts(type = "number")]
    pub elapsed_ms: u64,
}

impl DraftReport {
    pub fn passes_check(&self) -> bool {
        !self.problems.iter().any(Problem::is_error)
    }
    pub fn verbatim(&self) -> bool {
        self.missing_sentences.is_empty()
    }
}
