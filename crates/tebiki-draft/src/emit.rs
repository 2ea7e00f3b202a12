//! Writing the drafted outline as pack files: Markdown documents in the
//! documented format (content/FORMAT.md) and TOML with proper quoting.

use crate::structure::{Block, DraftDoc};

/// Inline text with Markdown syntax characters escaped, so the reader shows
/// exactly the source's characters.
pub fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '#' | '|' | '{' | '}' | '~' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A block's text at the start of a line: also escapes what would open a
/// list, a heading underline or an ordered list (「1.」「1)」).
pub fn escape_block(s: &str) -> String {
    let e = escape_inline(s);
    if e.starts_with(['-', '+', '=']) {
        return format!("\\{e}");
    }
    let digits: usize = e.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && e[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &e[..digits], &e[digits..]);
    }
    e
}

pub fn document_markdown(doc: &DraftDoc) -> String {
    let mut md = format!("# {}\n\n", escape_block(&doc.title));
    for (_, p) in &doc.preamble {
        md.push_str(&escape_block(p));
        md.push_str("\n\n");
    }
    for c in &doc.clauses {
        let hashes = "#".repeat(c.level as usize);
        md.push_str(&format!("{hashes} {} {{#{}}}\n\n", escape_inline(&c.heading()), c.local_id));
        for (_, b) in &c.blocks {
            match b {
                Block::Para { text } => {
                    md.push_str(&escape_block(text));
                    md.push_str("\n\n");
                }
                Block::Item { depth, marker, text } => {
                    let item = if text.is_empty() { marker.clone() } else { format!("{marker} {text}") };
                    md.push_str(&format!("{}- {}\n\n", "  ".repeat(*depth), escape_block(&item)));
                }
                Block::Continuation { depth, text } => {
                    md.push_str(&format!("{}{}\n\n", "  ".repeat(depth + 1), escape_block(text)));
                }
            }
        }
    }
    while md.ends_with("\n\n") {
        md.pop();
    }
    md
}

/// A TOML basic string.
pub fn q(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tebiki_core::pack::markdown::plain_text;

    #[test]
    fn escaped_text_reads_back_verbatim() {
        for s in ["1. 目的", "1) 範囲", "- 箇条", "<script>", "A & B [1] *注* #2 |x|", "===", "{#x}", "100%の`code`"] {
            let md = escape_block(s);
            assert_eq!(plain_text(&md).trim(), s, "{md}");
        }
    }
}
