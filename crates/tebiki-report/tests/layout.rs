//! The page layer on its own: tables across pages, and 禁則 with the real
//! font's advances.

use std::process::Command;
use tebiki_report::kinsoku::{break_lines, is_no_end, is_no_start};
use tebiki_report::layout::{Align, Cell, Column, Frame, Pdf, Table, BODY_W};

fn frame() -> Frame {
    Frame {
        title: "試験の表".into(),
        year: "令和7年度".into(),
        organisation: "テスト市".into(),
        created: "作成日 令和8年4月1日".into(),
        page_label: Box::new(|n, total| format!("{n} / {total}")),
    }
}

/// The text of each page.
fn pages_text(bytes: &[u8], pages: usize) -> Vec<String> {
    let file = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    std::fs::write(file.path(), bytes).unwrap();
    (1..=pages)
        .map(|p| {
            let out = Command::new("pdftotext")
                .args(["-f", &p.to_string(), "-l", &p.to_string()])
                .arg(file.path())
                .arg("-")
                .output()
                .expect("pdftotext (poppler-utils) is needed for this test");
            String::from_utf8(out.stdout).unwrap().chars().filter(|c| !c.is_whitespace()).collect()
        })
        .collect()
}

#[test]
fn a_long_table_repeats_its_header_and_never_splits_a_row() {
    let mut pdf = Pdf::new("表", Some(frame())).unwrap();
    // Rows of one to four lines, so that page ends fall in awkward places.
    let rows: Vec<Vec<Cell>> = (0..300)
        .map(|i| {
            let lines: Vec<String> = (0..=(i % 4)).map(|k| format!("行{i:03}の{k}")).collect();
            vec![Cell::from(format!("R{i:03}")), Cell::from(lines.join("\n")), Cell::from(format!("{}", i * 7))]
        })
        .collect();
    pdf.table(&Table {
        columns: vec![Column::new("番号", 1.0, Align::Left).fit(), Column::new("内容", 4.0, Align::Left), Column::new("数値", 1.0, Align::Right).fit()],
        rows,
        size: 9.0,
    });
    let n = pdf.page_count();
    assert!(n >= 5, "{n} pages");
    let r = pdf.finish().unwrap();
    assert_eq!(r.pages, n);
    let pages = pages_text(&r.bytes, n);
    for (p, text) in pages.iter().enumerate() {
        assert!(["番号", "内容", "数値"].iter().all(|h| text.contains(h)), "page {} lacks the header row: {text}", p + 1);
        assert!(text.contains(&format!("{}/{n}", p + 1)), "page {} lacks its number", p + 1);
        assert!(text.contains("試験の表") && text.contains("テスト市"), "page {} lacks the running header or footer", p + 1);
    }
    // Every row is on one page, whole: its first and last line on the same page.
    for i in 0..300 {
        let first = format!("行{i:03}の0");
        let last = format!("行{i:03}の{}", i % 4);
        let on: Vec<usize> = pages.iter().enumerate().filter(|(_, t)| t.contains(&first)).map(|(p, _)| p).collect();
        assert_eq!(on.len(), 1, "row {i} found on pages {on:?}");
        assert!(pages[on[0]].contains(&last), "row {i} split across pages");
    }
}

#[test]
fn grouped_cells_are_shown_again_at_the_top_of_each_page() {
    let mut pdf = Pdf::new("表", Some(frame())).unwrap();
    let rows: Vec<Vec<Cell>> = (0..200).map(|i| vec![Cell::from("総務課"), Cell::from(format!("職員{i:03}"))]).collect();
    pdf.table(&Table { columns: vec![Column::new("所属", 1.0, Align::Left).grouped(), Column::new("氏名", 3.0, Align::Left)], rows, size: 9.0 });
    let n = pdf.page_count();
    let r = pdf.finish().unwrap();
    for (p, text) in pages_text(&r.bytes, n).iter().enumerate() {
        assert_eq!(text.matches("総務課").count(), 1, "page {}: once per page", p + 1);
    }
}

#[test]
fn kinsoku_holds_with_the_real_fonts_advances() {
    let pdf = Pdf::new("禁則", None).unwrap();
    let text = "情報セキュリティポリシー（基本方針及び対策基準）に定められたことを守っていますか。分からない点は、すぐに情報管理者（課長）などに相談し、指示を受けていますか。USBメモリ等の外部記録媒体は「持出し管理簿」に記録し、ISMS・CSIRT の手順に従って、使用後は速やかに返却していますか？　パスワードは１２文字以上とし、定期的に変更していますか！";
    for width_mm in [20, 25, 30, 35, 40, 50, 60, 70, 80, 100, 120, 150] {
        let width = width_mm as f32 * 72.0 / 25.4;
        for size in [8.0, 9.5, 10.5] {
            let lines = pdf.wrap(text, width, size, false);
            assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""), "nothing lost or added");
            for (i, l) in lines.iter().enumerate() {
                assert!(pdf.width(l, size, false) <= width + 0.01, "line {i} too wide at {width_mm} mm: {l}");
                if i > 0 {
                    let c = l.chars().next().unwrap();
                    assert!(!is_no_start(c), "{width_mm} mm, {size} pt: line {i} begins with {c}: {lines:?}");
                }
                if i + 1 < lines.len() {
                    let c = l.chars().last().unwrap();
                    assert!(!is_no_end(c), "{width_mm} mm, {size} pt: line {i} ends with {c}: {lines:?}");
                }
            }
            // Latin words stay whole.
            for word in ["USB", "ISMS", "CSIRT"] {
                assert!(lines.iter().any(|l| l.contains(word)), "{word} broken at {width_mm} mm: {lines:?}");
            }
        }
    }
    // A table cell as wide as the body holds a whole sentence on one line.
    assert_eq!(pdf.wrap("令和7年度の自己点検を実施しました。", BODY_W, 10.5, false).len(), 1);
    // The break functions take any measure, e.g. the font's own.
    let face = &pdf.fonts.regular;
    let lines = break_lines("あいうえお、かきくけこ。", 5.0 * 10.0 * face.em('あ'), &|c| face.em(c) * 10.0);
    assert!(lines.iter().skip(1).all(|l| !l.starts_with('、') && !l.starts_with('。')), "{lines:?}");
}
