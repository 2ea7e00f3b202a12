//! PDF text layers. The text of each page in drawing order, a new line where
//! the text position moves to another line, with the page number of every
//! line (page numbers printed on the page are removed later, as text).
//! A scanned PDF has no text layer: the draft then says there is no text.

use super::{SourceLine, MAX_TEXT_BYTES};
use crate::DraftError;
use lopdf::content::Content;
use lopdf::{Document, Encoding, Object};
use std::collections::BTreeMap;

/// Decompressed content of one page, at most (a PDF bomb stops here).
const MAX_PAGE_CONTENT: usize = 16 * 1024 * 1024;

fn num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

fn show(out: &mut String, enc: Option<&Encoding>, operands: &[Object]) {
    let Some(enc) = enc else { return };
    for o in operands {
        match o {
            Object::String(bytes, _) => {
                let _ = enc.write_to_string(bytes, out);
            }
            Object::Array(items) => show(out, Some(enc), items),
            _ => {}
        }
    }
}

fn page_text(doc: &Document, page_id: lopdf::ObjectId) -> Result<String, DraftError> {
    let bad = |e: lopdf::Error| DraftError::Unreadable { detail: e.to_string() };
    let fonts = doc.get_page_fonts(page_id).map_err(bad)?;
    let encodings: BTreeMap<Vec<u8>, Encoding> =
        fonts.into_iter().filter_map(|(name, font)| font.get_font_encoding_with_limit(doc, MAX_PAGE_CONTENT).ok().map(|e| (name, e))).collect();
    let data = doc.get_page_content_with_limit(page_id, MAX_PAGE_CONTENT).map_err(bad)?;
    let content = Content::decode(&data).map_err(bad)?;
    let mut out = String::new();
    let mut font: Option<&Encoding> = None;
    let newline = |out: &mut String| {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    };
    // The current line's vertical position: text placed elsewhere starts a line.
    let mut y: Option<f32> = None;
    for op in &content.operations {
        match op.operator.as_str() {
            "Tf" => font = op.operands.first().and_then(|n| n.as_name().ok()).and_then(|n| encodings.get(n)),
            "Tj" | "TJ" => show(&mut out, font, &op.operands),
            "'" | "\"" => {
                newline(&mut out);
                show(&mut out, font, op.operands.last().map(std::slice::from_ref).unwrap_or(&[]));
            }
            "Td" | "TD" if op.operands.get(1).map(num).is_some_and(|dy| dy.abs() > 0.01) => newline(&mut out),
            "Tm" => {
                let new_y = op.operands.get(5).map(num);
                if y.is_some() && new_y.is_some() && (y.unwrap() - new_y.unwrap()).abs() > 0.01 {
                    newline(&mut out);
                }
                y = new_y;
            }
            "T*" => newline(&mut out),
            _ => {}
        }
        if out.len() > MAX_TEXT_BYTES {
            return Err(DraftError::TooLarge { limit_mb: (MAX_TEXT_BYTES / 1024 / 1024) as u64 });
        }
    }
    newline(&mut out);
    Ok(out)
}

/// Every page's lines, numbered through the whole document.
pub fn to_lines(bytes: &[u8]) -> Result<Vec<SourceLine>, DraftError> {
    let doc = Document::load_mem(bytes).map_err(|e| DraftError::Unreadable { detail: e.to_string() })?;
    if doc.is_encrypted() {
        return Err(DraftError::Encrypted);
    }
    let mut lines = Vec::new();
    let mut total = 0;
    for (page_no, page_id) in doc.get_pages() {
        let text = page_text(&doc, page_id)?;
        total += text.len();
        if total > MAX_TEXT_BYTES {
            return Err(DraftError::TooLarge { limit_mb: (MAX_TEXT_BYTES / 1024 / 1024) as u64 });
        }
        let first = lines.len() + 1;
        lines.extend(super::numbered(text.trim_end_matches('\n'), Some(page_no), first));
    }
    Ok(lines)
}
