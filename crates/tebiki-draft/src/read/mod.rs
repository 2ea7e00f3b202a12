//! Reading an input file into numbered text lines. Each reader gives the
//! lines as the document holds them; the clean-up (page numbers, 目次,
//! broken lines) is the same for every format (`crate::lines`).

pub mod docx;
pub mod html;
pub mod pdf;
pub mod text;

use crate::DraftError;
use serde::Serialize;
use ts_rs::TS;

/// Inputs larger than this are refused before they are read: the longest
/// published policies are a few hundred KB of text, a few MB as PDF/Word.
pub const MAX_INPUT_BYTES: u64 = 30 * 1024 * 1024;
/// Text taken out of one input, at most (after unzipping or decompressing).
pub const MAX_TEXT_BYTES: usize = 8 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[ts(rename = "DraftInputFormat")]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    Text,
    Html,
    Docx,
    Pdf,
}

/// One line of the extracted text. `line` counts from 1 in the extracted
/// text (for a plain-text file, the file's own lines); `page` is the PDF page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLine {
    pub line: usize,
    pub page: Option<u32>,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Extracted {
    pub format: InputFormat,
    /// The text encoding found (plain text and HTML).
    pub encoding: Option<String>,
    pub lines: Vec<SourceLine>,
}

/// Lines from text with `\n`, `\r\n` or `\r` breaks, numbered from 1.
pub(crate) fn numbered(text: &str, page: Option<u32>, first: usize) -> Vec<SourceLine> {
    text.replace("\r\n", "\n").replace('\r', "\n").split('\n').enumerate().map(|(i, l)| SourceLine { line: first + i, page, text: l.to_owned() }).collect()
}

/// Which reader a file needs: by its first bytes, then by its name.
pub fn detect(name: &str, bytes: &[u8]) -> InputFormat {
    let lower = name.to_lowercase();
    if bytes.starts_with(b"%PDF-") {
        return InputFormat::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return InputFormat::Docx;
    }
    if lower.ends_with(".pdf") {
        return InputFormat::Pdf;
    }
    if lower.ends_with(".docx") {
        return InputFormat::Docx;
    }
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        return InputFormat::Html;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return InputFormat::Html;
    }
    InputFormat::Text
}

/// Reads `bytes` (named `name`, for the format and messages).
pub fn extract(name: &str, bytes: &[u8]) -> Result<Extracted, DraftError> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(DraftError::TooLarge { limit_mb: MAX_INPUT_BYTES / 1024 / 1024 });
    }
    let format = detect(name, bytes);
    let (encoding, lines) = match format {
        InputFormat::Text => {
            let (text, enc) = text::decode(bytes);
            (Some(enc.to_owned()), numbered(&text, None, 1))
        }
        InputFormat::Html => {
            let (text, enc) = text::decode_html(bytes);
            (Some(enc.to_owned()), numbered(&html::to_text(&text), None, 1))
        }
        InputFormat::Docx => (None, numbered(&docx::to_text(bytes)?, None, 1)),
        InputFormat::Pdf => (None, pdf::to_lines(bytes)?),
    };
    if lines.iter().all(|l| l.text.trim().is_empty()) {
        return Err(DraftError::NoText);
    }
    Ok(Extracted { format, encoding, lines })
}
