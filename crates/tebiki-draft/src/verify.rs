//! The verbatim check: every sentence of the input (after the page numbers
//! and the 目次) must be in the pack's text as the reader shows it.

use crate::lines::Line;
use crate::mark::classify;
use crate::report::ReportLine;
use crate::DraftedDocument;
use tebiki_core::pack::glossary::squash;
use tebiki_core::pack::markdown::plain_text;

pub struct Verification {
    pub total: usize,
    pub missing: Vec<ReportLine>,
}

/// Sentences of one line: its text after the number, split after 「。」.
pub fn sentences(text: &str) -> Vec<String> {
    // 「○」 before a 例規's title marks it in the 例規集; it is not part of the title.
    let text = text.trim_start_matches(['○', '◯', '●']);
    let rest = classify(text).map(|m| m.rest).unwrap_or(text);
    rest.split_inclusive('。').map(squash).filter(|s| !s.is_empty()).collect()
}

pub fn check(lines: &[Line], documents: &[DraftedDocument]) -> Verification {
    let pack: String = documents.iter().map(|d| squash(&plain_text(&d.markdown))).collect();
    let mut total = 0;
    let mut missing = Vec::new();
    for l in lines {
        for s in sentences(&l.text) {
            total += 1;
            if !pack.contains(&s) {
                missing.push(ReportLine { line: l.line, page: l.page, text: s });
            }
        }
    }
    Verification { total, missing }
}
