//! The glossary from the 定義 clauses: 「次の各号に掲げる用語の意義は…」
//! followed by items 「(1) 用語 説明」 (or the term alone, its definition on
//! the next line), and sentences 「「用語」とは、…をいう。」. Verbatim.

use crate::structure::{Block, DraftClause};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftTerm {
    pub term: String,
    pub definition: String,
    /// Local id of the clause that defines it.
    pub clause: String,
}

fn is_definition_clause(c: &DraftClause) -> bool {
    c.title.contains("定義") || c.blocks.iter().any(|(_, b)| matches!(b, Block::Para { text } if text.contains("用語の意義") || text.contains("用語の定義")))
}

pub fn terms(clauses: &[DraftClause]) -> Vec<DraftTerm> {
    let mut out: Vec<DraftTerm> = Vec::new();
    let mut push = |term: &str, definition: &str, clause: &str| {
        let (term, definition) = (term.trim(), definition.trim());
        if term.is_empty() || definition.is_empty() || term.chars().count() > 30 || out.iter().any(|t| t.term == term) {
            return;
        }
        out.push(DraftTerm { term: term.to_owned(), definition: definition.to_owned(), clause: clause.to_owned() });
    };
    for c in clauses.iter().filter(|c| is_definition_clause(c)) {
        for (i, (_, b)) in c.blocks.iter().enumerate() {
            match b {
                Block::Item { depth: 0, text, .. } => {
                    if let Some(cut) = text.find([' ', '\u{3000}', '\t']) {
                        push(&text[..cut], &text[cut..], &c.local_id);
                    } else if let Some((_, Block::Continuation { text: def, .. } | Block::Para { text: def })) = c.blocks.get(i + 1) {
                        push(text, def, &c.local_id);
                    }
                }
                Block::Para { text } => {
                    for sentence in text.split_inclusive('。') {
                        if let Some((term, def)) = sentence.split_once("」とは、") {
                            if let Some(open) = term.rfind('「') {
                                push(&term[open + '「'.len_utf8()..], def, &c.local_id);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}
