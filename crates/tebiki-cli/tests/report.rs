//! `tebiki report …` on a small demo organisation.

use assert_cmd::Command;

mod common;
use common::{admin_dir, tebiki};

fn json(c: &mut Command) -> serde_json::Value {
    let out = c.output().unwrap();
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The current 年度, as `tebiki demo` fills it.
fn year() -> String {
    let today = chrono::Local::now().date_naive();
    tebiki_core::calendar::fiscal_year::FiscalYear::of(today).0.to_string()
}

#[test]
fn the_three_reports_are_written_as_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    admin_dir(&data);
    let ok = tebiki(&data).args(["demo", "--staff", "80", "--depts", "4"]).output().unwrap();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let year = year();
    for kind in ["selfcheck", "training"] {
        let out = dir.path().join(format!("{kind}.pdf"));
        let v = json(tebiki(&data).args(["--json", "report", kind, "--year", &year, "--approvers", "CISO,統括責任者,課長,担当", "--out"]).arg(&out));
        assert!(v["pages"].as_u64().unwrap() >= 3, "{v}");
        assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
        assert!(!dir.path().join(format!("{kind}.pdf.part")).exists());
    }
    // One 所属 only, in English.
    let out = dir.path().join("dept.pdf");
    json(tebiki(&data).args(["--json", "--lang", "en-US", "report", "training", "--year", &year, "--dept", "D001", "--out"]).arg(&out));

    let out = dir.path().join("cert.pdf");
    let v = json(tebiki(&data).args(["--json", "report", "certificate", "--session", "1", "--out"]).arg(&out));
    assert!(v["pages"].as_u64().unwrap() >= 1, "{v}");
}

#[test]
fn bad_input_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    admin_dir(&data);
    assert!(tebiki(&data).args(["demo", "--staff", "20", "--depts", "2"]).output().unwrap().status.success());
    let out = dir.path().join("x.pdf");
    let run = |args: &[&str]| tebiki(&data).args(args).arg(&out).output().unwrap();

    let r = run(&["report", "selfcheck", "--year", "2025", "--dept", "NOPE", "--out"]);
    assert!(!r.status.success());
    assert!(String::from_utf8_lossy(&r.stderr).contains("所属コード「NOPE」は職員名簿にありません"), "{}", String::from_utf8_lossy(&r.stderr));

    let r = run(&["report", "certificate", "--session", "99999", "--out"]);
    assert!(!r.status.success());
    assert!(String::from_utf8_lossy(&r.stderr).contains("ID 99999"));

    let r = run(&["report", "training", "--year", "2025", "--date", "いつか", "--out"]);
    assert!(!r.status.success());

    // A certificate needs a person or a session.
    let r = run(&["report", "certificate", "--out"]);
    assert!(!r.status.success());
    assert!(!out.exists(), "nothing written on failure");
}

#[test]
fn help_documents_how_to_pick_the_certificates() {
    let out = Command::cargo_bin("tebiki").unwrap().args(["report", "certificate", "--help"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for flag in ["--staff <NO>", "--session <ID>", "--year", "--out <FILE>", "--approvers", "--dept"] {
        assert!(text.contains(flag), "{flag} missing:\n{text}");
    }
}
