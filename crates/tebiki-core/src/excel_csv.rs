//! CSV that Excel on a Japanese Windows PC opens correctly: Shift_JIS (CP932,
//! Excel's default) or UTF-8 with a BOM (without it Excel guesses Shift_JIS
//! and garbles the text), CRLF line ends.

pub fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new())
}

/// The bytes of a finished writer in the encoding chosen.
pub fn finish(w: csv::Writer<Vec<u8>>, shift_jis: bool) -> Vec<u8> {
    let text = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    if shift_jis {
        encoding_rs::SHIFT_JIS.encode(&text).0.into_owned()
    } else {
        let mut out = vec![0xEF, 0xBB, 0xBF];
        out.extend_from_slice(text.as_bytes());
        out
    }
}
