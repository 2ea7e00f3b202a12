//! Reading a 職員名簿 CSV as HR systems and Excel write it: Shift_JIS (CP932)
//! or UTF-8 with or without BOM, CRLF, quoted fields with commas and
//! newlines, Japanese headers, dates in the forms people type.

use crate::message::Message;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// A column of the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub enum RosterField {
    EmployeeNo,
    Name,
    Kana,
    DeptCode,
    DeptName,
    Employment,
    Role,
    HiredOn,
    LeftOn,
    Email,
}

impl RosterField {
    pub const ALL: [RosterField; 10] = [
        RosterField::EmployeeNo,
        RosterField::Name,
        RosterField::Kana,
        RosterField::DeptCode,
        RosterField::DeptName,
        RosterField::Employment,
        RosterField::Role,
        RosterField::HiredOn,
        RosterField::LeftOn,
        RosterField::Email,
    ];

    /// The header a Japanese roster usually has for this column.
    pub fn japanese_header(self) -> &'static str {
        HEADER_ALIASES.iter().find(|(_, f)| *f == self).map(|(h, _)| *h).expect("every field has a header")
    }
}

/// Header spellings seen in HR exports and Excel sheets (the first per field is the usual one).
const HEADER_ALIASES: &[(&str, RosterField)] = &[
    ("職員番号", RosterField::EmployeeNo),
    ("職員ID", RosterField::EmployeeNo),
    ("職員コード", RosterField::EmployeeNo),
    ("社員番号", RosterField::EmployeeNo),
    ("employee_no", RosterField::EmployeeNo),
    ("氏名", RosterField::Name),
    ("名前", RosterField::Name),
    ("職員氏名", RosterField::Name),
    ("name", RosterField::Name),
    ("ふりがな", RosterField::Kana),
    ("フリガナ", RosterField::Kana),
    ("氏名カナ", RosterField::Kana),
    ("カナ氏名", RosterField::Kana),
    ("よみがな", RosterField::Kana),
    ("kana", RosterField::Kana),
    ("所属コード", RosterField::DeptCode),
    ("所属CD", RosterField::DeptCode),
    ("所属cd", RosterField::DeptCode),
    ("部署コード", RosterField::DeptCode),
    ("dept_code", RosterField::DeptCode),
    ("所属名", RosterField::DeptName),
    ("所属", RosterField::DeptName),
    ("部署", RosterField::DeptName),
    ("部署名", RosterField::DeptName),
    ("課名", RosterField::DeptName),
    ("dept_name", RosterField::DeptName),
    ("任用区分", RosterField::Employment),
    ("雇用区分", RosterField::Employment),
    ("職員区分", RosterField::Employment),
    ("employment", RosterField::Employment),
    ("役職/役割", RosterField::Role),
    ("役職", RosterField::Role),
    ("役割", RosterField::Role),
    ("職名", RosterField::Role),
    ("role", RosterField::Role),
    ("採用日", RosterField::HiredOn),
    ("採用年月日", RosterField::HiredOn),
    ("入庁日", RosterField::HiredOn),
    ("hired_on", RosterField::HiredOn),
    ("退職日", RosterField::LeftOn),
    ("退職年月日", RosterField::LeftOn),
    ("left_on", RosterField::LeftOn),
    ("メール", RosterField::Email),
    ("メールアドレス", RosterField::Email),
    ("電子メール", RosterField::Email),
    ("email", RosterField::Email),
    ("e-mail", RosterField::Email),
];

/// The field a header names, if it is a known spelling (spaces and case ignored).
pub fn field_for_header(header: &str) -> Option<RosterField> {
    // Full-width ASCII (ＩＤ, ／) as ASCII, no spaces, lower case.
    let h: String = header
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect::<String>()
        .to_lowercase();
    HEADER_ALIASES.iter().find(|(alias, _)| alias.to_lowercase() == h).map(|(_, f)| *f)
}

/// One person as the roster gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct StaffRecord {
    pub employee_no: String,
    pub name: String,
    pub kana: Option<String>,
    pub dept_code: String,
    pub dept_name: String,
    pub employment: Option<String>,
    pub roles: Vec<String>,
    /// ISO 8601
    pub hired_on: Option<String>,
    pub left_on: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RejectedRow {
    /// Line of the file where the row starts (the header is line 1).
    pub line: usize,
    pub reason: Message,
    /// The 職員番号 the rejected text names: the row's own, and those of the
    /// lines a broken quote swallowed into it. A full import never marks
    /// them 退職: their rows were not read, not left out.
    pub employee_nos: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ParsedRoster {
    /// "UTF-8", "UTF-8 (BOM)" or "Shift_JIS".
    pub encoding: String,
    pub headers: Vec<String>,
    /// The field of each column (None: ignored).
    pub mapping: Vec<Option<RosterField>>,
    pub rows: Vec<(usize, StaffRecord)>,
    pub rejected: Vec<RejectedRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RosterError {
    #[error("the file is empty")]
    Empty,
    #[error("cannot tell the character encoding")]
    Encoding,
    #[error("required column missing: {0}")]
    MissingColumn(String),
    #[error("CSV error on line {line}: {detail}")]
    Csv { line: usize, detail: String },
}

impl RosterError {
    pub fn message(&self) -> Message {
        match self {
            RosterError::Empty => Message::new("roster-error-empty"),
            RosterError::Encoding => Message::new("roster-error-encoding"),
            RosterError::MissingColumn(c) => Message::new("roster-error-missing-column").arg("column", c),
            RosterError::Csv { line, detail } => Message::new("roster-error-csv").arg("line", line).arg("detail", detail),
        }
    }
}

/// Text of a file: UTF-8 (a BOM is dropped) if it is valid UTF-8, else
/// Shift_JIS as Windows writes it (CP932).
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), RosterError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return std::str::from_utf8(rest).map(|s| (s.to_owned(), "UTF-8 (BOM)")).map_err(|_| RosterError::Encoding);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_owned(), "UTF-8"));
    }
    let (text, _, had_errors) = encoding_rs::SHIFT_JIS.decode(bytes);
    if had_errors {
        return Err(RosterError::Encoding);
    }
    Ok((text.into_owned(), "Shift_JIS"))
}

fn split_roles(s: &str) -> Vec<String> {
    s.split(['・', '、', ',', '／', '/', ';', '；']).map(|r| r.trim().to_owned()).filter(|r| !r.is_empty()).collect()
}

/// The mapping the headers imply, by the known spellings.
pub fn guess_mapping(headers: &[String]) -> Vec<Option<RosterField>> {
    let mut seen = Vec::new();
    headers
        .iter()
        .map(|h| {
            let f = field_for_header(h).filter(|f| !seen.contains(f));
            if let Some(f) = f {
                seen.push(f);
            }
            f
        })
        .collect()
}

/// Reads a roster. `mapping` overrides the guessed field of each column (the
/// UI's mapping step). Bad rows are listed with their line and never stop the
/// good ones; a missing required column stops the whole file.
pub fn parse_roster(bytes: &[u8], mapping: Option<&[Option<RosterField>]>) -> Result<ParsedRoster, RosterError> {
    let (text, encoding) = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(RosterError::Empty);
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| RosterError::Csv { line: 1, detail: e.to_string() })?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_owned())
        .collect();
    let mapping: Vec<Option<RosterField>> = match mapping {
        Some(m) => (0..headers.len()).map(|i| m.get(i).copied().flatten()).collect(),
        None => guess_mapping(&headers),
    };
    let column = |f: RosterField| mapping.iter().position(|m| *m == Some(f));
    for required in [RosterField::EmployeeNo, RosterField::Name] {
        if column(required).is_none() {
            return Err(RosterError::MissingColumn(required.japanese_header().to_owned()));
        }
    }
    if column(RosterField::DeptCode).is_none() && column(RosterField::DeptName).is_none() {
        return Err(RosterError::MissingColumn(format!("{} / {}", RosterField::DeptCode.japanese_header(), RosterField::DeptName.japanese_header())));
    }

    let mut rows = Vec::new();
    let mut rejected = Vec::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let mut lines = LineCounter::new(text.as_bytes());
    let mut line_at = |byte: u64| lines.line_at(byte);
    let number_column = column(RosterField::EmployeeNo).unwrap_or(0);
    let mut record = csv::StringRecord::new();
    loop {
        let start = reader.position().byte() as usize;
        let read = reader.read_record(&mut record);
        // The text this record was read from, for the 職員番号 of a rejected row.
        let span = text.get(start..(reader.position().byte() as usize).min(text.len())).unwrap_or("");
        match read {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map(|p| line_at(p.byte())).unwrap_or(0);
                rejected.push(RejectedRow {
                    line,
                    reason: Message::new("roster-error-csv-row").arg("detail", e.to_string()),
                    employee_nos: numbers_in(span, number_column),
                });
                continue;
            }
        }
        let line = record.position().map(|p| line_at(p.byte())).unwrap_or(0);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue; // blank lines at the end of Excel exports
        }
        let get = |f: RosterField| column(f).and_then(|i| record.get(i)).map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
        let reject = |reason: Message| RejectedRow { line, reason, employee_nos: numbers_in(span, number_column) };
        let Some(employee_no) = get(RosterField::EmployeeNo).map(|n| crate::numerals::ascii_digits(&n)) else {
            rejected.push(reject(Message::new("roster-reject-no-employee-no")));
            continue;
        };
        let Some(name) = get(RosterField::Name) else {
            rejected.push(reject(Message::new("roster-reject-no-name").arg("employee_no", &employee_no)));
            continue;
        };
        let dept_name = get(RosterField::DeptName);
        let dept_code = get(RosterField::DeptCode).or_else(|| dept_name.clone());
        let Some(dept_code) = dept_code else {
            rejected.push(reject(Message::new("roster-reject-no-dept").arg("employee_no", &employee_no)));
            continue;
        };
        let mut dates = [None, None];
        let mut bad_date = None;
        for (slot, field) in [RosterField::HiredOn, RosterField::LeftOn].into_iter().enumerate() {
            if let Some(v) = get(field) {
                match crate::calendar::typed_date::parse_date(&v) {
                    Some(d) => dates[slot] = Some(d),
                    None => bad_date = Some((field, v)),
                }
            }
        }
        if let Some((field, value)) = bad_date {
            rejected.push(reject(Message::new("roster-reject-bad-date").arg("column", field.japanese_header()).arg("value", value)));
            continue;
        }
        if let [Some(hired), Some(left)] = dates {
            if left < hired {
                rejected.push(reject(Message::new("roster-reject-left-before-hired").arg("employee_no", &employee_no)));
                continue;
            }
        }
        if let Some(first) = first_line.get(&employee_no) {
            rejected.push(reject(Message::new("roster-reject-duplicate").arg("employee_no", &employee_no).arg("first", first)));
            continue;
        }
        first_line.insert(employee_no.clone(), line);
        rows.push((
            line,
            StaffRecord {
                employee_no,
                name,
                kana: get(RosterField::Kana),
                dept_name: dept_name.unwrap_or_else(|| dept_code.clone()),
                dept_code,
                employment: get(RosterField::Employment),
                roles: get(RosterField::Role).map(|r| split_roles(&r)).unwrap_or_default(),
                hired_on: dates[0].map(|d| d.to_string()),
                left_on: dates[1].map(|d| d.to_string()),
                email: get(RosterField::Email),
            },
        ));
    }
    Ok(ParsedRoster { encoding: encoding.to_owned(), headers, mapping, rows, rejected })
}

/// The 職員番号 named by the raw text of a rejected record: its column on
/// each physical line, read without quoting. A quote left open swallows the
/// lines after it into one field; read line by line, they still name their
/// people, so a full import can leave those people alone.
fn numbers_in(span: &str, column: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in span.split(['\n', '\r']) {
        let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).quoting(false).from_reader(line.as_bytes());
        let Some(Ok(fields)) = r.records().next() else { continue };
        let Some(raw) = fields.get(column) else { continue };
        let no = crate::numerals::ascii_digits(raw.trim().trim_matches('"').trim());
        if !no.is_empty() && !out.contains(&no) {
            out.push(no);
        }
    }
    out
}

/// The line a record starts on, counted from its byte offset: a quoted
/// field may hold line breaks, and the line number must be the file's.
/// (csv reports a CRLF file's record at the end of the previous line's
/// terminator, so skip to the first byte of the record itself.) Counted on
/// from the previous record, so a large file is read in one pass.
struct LineCounter<'a> {
    bytes: &'a [u8],
    /// (byte offset, line there)
    counted: (usize, usize),
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter { bytes, counted: (0, 1) }
    }

    fn line_at(&mut self, byte: u64) -> usize {
        let bytes = self.bytes;
        let mut at = (byte as usize).min(bytes.len());
        while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
            at += 1;
        }
        if at < self.counted.0 {
            self.counted = (0, 1);
        }
        // A line ends with LF, CRLF or a lone CR, as for csv: Excel for Mac's
        // 「CSV (Macintosh)」 ends lines with CR only, and counting LF alone gave
        // every row of such a file the same line (fuzz/regressions/attendance_csv/).
        let counted = &bytes[self.counted.0..at];
        self.counted.1 += counted.iter().enumerate().filter(|&(i, &b)| b == b'\n' || (b == b'\r' && counted.get(i + 1) != Some(&b'\n'))).count();
        self.counted.0 = at;
        self.counted.1
    }
}

/// 職員番号 of an attendance CSV exported by an e-learning system: the
/// column whose header names the staff number, with the line of each row.
pub fn parse_attendance(bytes: &[u8]) -> Result<Vec<(usize, String)>, RosterError> {
    let (text, _) = decode(bytes)?;
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| RosterError::Csv { line: 1, detail: e.to_string() })?.clone();
    let col = headers
        .iter()
        .position(|h| field_for_header(h) == Some(RosterField::EmployeeNo))
        .ok_or_else(|| RosterError::MissingColumn(RosterField::EmployeeNo.japanese_header().to_owned()))?;
    let mut out = Vec::new();
    let mut lines = LineCounter::new(text.as_bytes());
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| RosterError::Csv { line: e.position().map(|p| lines.line_at(p.byte())).unwrap_or(i + 2), detail: e.to_string() })?;
        let line = record.position().map(|p| lines.line_at(p.byte())).unwrap_or(i + 2);
        if let Some(no) = record.get(col).map(str::trim).filter(|v| !v.is_empty()) {
            out.push((line, crate::numerals::ascii_digits(no)));
        }
    }
    Ok(out)
}

/// The header row and encoding of a CSV, for the mapping step when the
/// headers are not ones Tebiki knows.
pub fn read_headers(bytes: &[u8]) -> Result<(Vec<String>, String), RosterError> {
    let (text, encoding) = decode(bytes)?;
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| RosterError::Csv { line: 1, detail: e.to_string() })?;
    Ok((headers.iter().map(|h| h.trim().trim_start_matches('\u{feff}').to_owned()).collect(), encoding.to_owned()))
}

#[cfg(test)]
mod tests {
    mod basics {
        use super::super::*;

        const CSV: &str = "職員番号,氏名,フリガナ,所属コード,所属名,任用区分,役職,採用日,退職日,メール\r\n\
            1001,山田 太郎,ヤマダ タロウ,A10,総務課,正規職員,課長・情報管理者,2010/4/1,,yamada@example.jp\r\n\
            1002,\"鈴木, 花子\",スズキ ハナコ,A10,総務課,会計年度任用職員,,R7.4.1,,\r\n\
            1003,佐藤 次郎,,B20,\"情報政策課\r\n(分室)\",再任用,,H31.4.1,,\r\n\
            ,名無し,,A10,総務課,,,,,\r\n\
            1004,田中 一,,A10,総務課,,,2025/13/1,,\r\n\
            1001,山田 太郎(重複),,A10,総務課,,,,,\r\n";

        #[test]
        fn reads_quoted_fields_roles_dates_and_rejects_bad_rows_with_lines() {
            let r = parse_roster(CSV.as_bytes(), None).unwrap();
            assert_eq!(r.encoding, "UTF-8");
            let ids: Vec<_> = r.rows.iter().map(|(_, s)| s.employee_no.as_str()).collect();
            assert_eq!(ids, ["1001", "1002", "1003"]);
            let yamada = &r.rows[0].1;
            assert_eq!(yamada.roles, ["課長", "情報管理者"]);
            assert_eq!(yamada.hired_on.as_deref(), Some("2010-04-01"));
            assert_eq!(r.rows[1].1.name, "鈴木, 花子");
            assert_eq!(r.rows[1].1.hired_on.as_deref(), Some("2025-04-01"));
            assert_eq!(r.rows[2].1.dept_name, "情報政策課\r\n(分室)");
            // The row after the one with an embedded newline starts on line 6.
            let lines: Vec<_> = r.rejected.iter().map(|x| (x.line, x.reason.key.as_str())).collect();
            assert_eq!(lines, [(6, "roster-reject-no-employee-no"), (7, "roster-reject-bad-date"), (8, "roster-reject-duplicate")]);
            assert_eq!(r.rejected[2].reason.args, [("employee_no".to_owned(), "1001".to_owned()), ("first".to_owned(), "2".to_owned())]);
            // The same with LF line ends.
            let lf = parse_roster(CSV.replace("\r\n", "\n").as_bytes(), None).unwrap();
            assert_eq!(lf.rejected.iter().map(|x| x.line).collect::<Vec<_>>(), [6, 7, 8]);
        }

        #[test]
        fn shift_jis_and_bom_are_detected() {
            let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(CSV);
            let r = parse_roster(&sjis, None).unwrap();
            assert_eq!(r.encoding, "Shift_JIS");
            assert_eq!(r.rows[0].1.name, "山田 太郎");
            let mut bom = vec![0xEF, 0xBB, 0xBF];
            bom.extend_from_slice(CSV.as_bytes());
            let r = parse_roster(&bom, None).unwrap();
            assert_eq!(r.encoding, "UTF-8 (BOM)");
            assert_eq!(r.headers[0], "職員番号");
            // CP932-only characters (NEC/IBM extensions) decode too.
            let (cp932, _, _) = encoding_rs::SHIFT_JIS.encode("職員番号,氏名,所属名\r\n1,髙橋 ①,総務課\r\n");
            assert_eq!(parse_roster(&cp932, None).unwrap().rows[0].1.name, "髙橋 ①");
        }

        #[test]
        fn a_missing_required_column_is_named() {
            let err = parse_roster("氏名,所属名\n山田,総務課\n".as_bytes(), None).unwrap_err();
            assert_eq!(err, RosterError::MissingColumn("職員番号".into()));
            let err = parse_roster("職員番号,氏名\n1,山田\n".as_bytes(), None).unwrap_err();
            assert!(matches!(err, RosterError::MissingColumn(c) if c.contains("所属")));
            assert_eq!(parse_roster(b"", None).unwrap_err(), RosterError::Empty);
            assert_eq!(parse_roster(&[0x82, 0xff, 0xff, 0x00, 0x81], None).unwrap_err(), RosterError::Encoding);
        }

        #[test]
        fn unknown_headers_can_be_mapped_by_hand() {
            let csv = "No.,Full name,Section\n7,山田,総務課\n";
            assert!(parse_roster(csv.as_bytes(), None).is_err());
            let mapping = [Some(RosterField::EmployeeNo), Some(RosterField::Name), Some(RosterField::DeptName)];
            let r = parse_roster(csv.as_bytes(), Some(&mapping)).unwrap();
            assert_eq!(r.rows[0].1.dept_code, "総務課");
        }
    }

    mod attendance_tests {
        #[test]
        fn attendance_rows_carry_the_line_they_start_on() {
            let csv = "受講者ID,職員番号,氏名\r\nu1,1003,佐藤\r\nu2,9999,\"不明\r\n（旧姓）\"\r\nu3,１００５,高橋\r\n";
            let rows = super::super::parse_attendance(csv.as_bytes()).unwrap();
            assert_eq!(rows, [(2, "1003".to_owned()), (3, "9999".to_owned()), (5, "1005".to_owned())]);
            // CR alone ends a line too (Excel for Mac's 「CSV (Macintosh)」).
            let rows = super::super::parse_attendance("職員番号,氏名\r1003,佐藤\r1004,\"二\r行\"\r1005,高橋\r".as_bytes()).unwrap();
            assert_eq!(rows, [(2, "1003".to_owned()), (3, "1004".to_owned()), (5, "1005".to_owned())]);
            let err = super::super::parse_attendance("氏名\n佐藤\n".as_bytes()).unwrap_err();
            assert!(matches!(err, super::super::RosterError::MissingColumn(c) if c == "職員番号"));
        }
    }
}
