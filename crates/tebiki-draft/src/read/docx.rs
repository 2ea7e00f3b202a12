//! Word .docx: the paragraphs of `word/document.xml`, one per line, with
//! tabs and line breaks kept. Numbering that Word generates itself (list
//! styles) is not part of the text; a document numbered that way is drafted
//! from its typed text and the report lists what could not be placed.

use super::MAX_TEXT_BYTES;
use crate::DraftError;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;

/// The document part, read with a size limit (a zip bomb stops there).
fn document_xml(bytes: &[u8]) -> Result<String, DraftError> {
    let bad = |detail: String| DraftError::Unreadable { detail };
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
    let entry = zip.by_name("word/document.xml").map_err(|_| bad("word/document.xml".into()))?;
    let mut xml = Vec::new();
    entry.take(MAX_TEXT_BYTES as u64 * 4 + 1).read_to_end(&mut xml).map_err(|e| bad(e.to_string()))?;
    if xml.len() > MAX_TEXT_BYTES * 4 {
        return Err(DraftError::TooLarge { limit_mb: (MAX_TEXT_BYTES * 4 / 1024 / 1024) as u64 });
    }
    String::from_utf8(xml).map_err(|e| bad(e.to_string()))
}

pub fn to_text(bytes: &[u8]) -> Result<String, DraftError> {
    let xml = document_xml(bytes)?;
    let mut reader = Reader::from_str(&xml);
    let mut out = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Err(e) => return Err(DraftError::Unreadable { detail: e.to_string() }),
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                "t" => in_text = true,
                "tab" => out.push('\t'),
                "br" | "cr" => out.push('\n'),
                _ => {}
            },
            Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                "tab" => out.push('\t'),
                "br" | "cr" => out.push('\n'),
                // An empty paragraph is a blank line.
                "p" => out.push('\n'),
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => out.push('\n'),
                // Table cells of one row stay on one line.
                "tc" => {
                    if out.ends_with('\n') {
                        out.pop();
                    }
                    out.push(' ');
                }
                "tr" => out.push('\n'),
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                out.push_str(&t.xml10_content());
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                // &amp; &lt; … and numeric references inside <w:t>.
                let name: &str = &r;
                let decoded = match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    n => n
                        .strip_prefix("#x")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .or_else(|| n.strip_prefix('#').and_then(|d| d.parse().ok()))
                        .and_then(char::from_u32),
                };
                if let Some(c) = decoded {
                    out.push(c);
                }
            }
            Ok(_) => {}
        }
        if out.len() > MAX_TEXT_BYTES {
            return Err(DraftError::TooLarge { limit_mb: (MAX_TEXT_BYTES / 1024 / 1024) as u64 });
        }
    }
    Ok(out)
}

/// A minimal .docx holding `paragraphs` (for tests and examples): the parts
/// Word needs to open it.
pub fn build_docx(paragraphs: &[&str]) -> Vec<u8> {
    use std::io::Write;
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let body: String = paragraphs.iter().map(|p| format!("<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", esc(p))).collect();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let parts = [
        ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".to_owned()),
        ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".to_owned()),
        ("word/document.xml", document),
    ];
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        for (name, text) in parts {
            zip.start_file(name, opts).expect("in-memory zip");
            zip.write_all(text.as_bytes()).expect("in-memory zip");
        }
        zip.finish().expect("in-memory zip");
    }
    buf.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tabs_and_entities() {
        let docx = build_docx(&["1 目的", "A&B <C>", "(1) 本文"]);
        let t = to_text(&docx).unwrap();
        assert_eq!(t, "1 目的\nA&B <C>\n(1) 本文\n");
        assert!(to_text(b"PK\x03\x04 not a zip").is_err());
    }
}
