//! The access rule, once for both fronts: 職員モード works on one's own
//! 自己点検 made on this PC; everything else needs 管理者モード.

mod common;

use common::*;
use std::path::PathBuf;
use tebiki_service::selfcheck::StartInspection;
use tebiki_service::{audit, handbook, roster, selfcheck, ErrorCode};

const YEAR: i32 = 2025;

/// Exports one person's submission on a staff PC, to be imported elsewhere.
fn submission_file_from_another_pc(no: &str, out: &std::path::Path) -> PathBuf {
    let dir = tempfile::tempdir().unwrap();
    let s = app_session(dir.path());
    let id = answer_and_submit(&s, no, YEAR);
    let path = out.join(format!("selfcheck-{no}.json"));
    selfcheck::export_submission(&mut s.staff().unwrap(), id, path.to_str().unwrap()).unwrap();
    path
}

#[test]
fn staff_mode_neither_sees_nor_changes_an_imported_submission() {
    let files = tempfile::tempdir().unwrap();
    let theirs = submission_file_from_another_pc("100000", files.path());

    let dir = tempfile::tempdir().unwrap();
    let s = admin_session(dir.path());
    let report = selfcheck::import_submissions(&mut s.admin().unwrap(), std::slice::from_ref(&theirs), &mut |_, _| {}).unwrap();
    assert_eq!(report.accepted.len(), 1);
    // Someone on this PC answers too.
    let mine = answer_and_submit(&s, "200000", YEAR);
    let imported = selfcheck::selfcheck_screen(&mut s.staff().unwrap(), Some(YEAR)).unwrap();
    let imported_id = imported.submissions.iter().find(|x| x.respondent.employee_no == "100000").expect("管理者モード sees it").id;
    s.leave_admin().unwrap();

    let mut staff = s.staff().unwrap();
    assert!(!staff.is_admin());
    let screen = selfcheck::selfcheck_screen(&mut staff, Some(YEAR)).unwrap();
    let seen: Vec<_> = screen.submissions.iter().map(|x| x.respondent.employee_no.as_str()).collect();
    assert_eq!(seen, ["200000"], "only the answers made here");

    let out = files.path().join("stolen.json");
    let e = selfcheck::export_submission(&mut staff, imported_id, out.to_str().unwrap()).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    assert!(!out.exists());
    assert_eq!(selfcheck::submission_file_name(&mut staff, imported_id).unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(selfcheck::reopen_inspection(&mut staff, YEAR, "100000", "staff").unwrap_err().code, ErrorCode::NotFound);
    let as_them = StartInspection { year: YEAR, role: "staff".into(), respondent: respondent("100000", "なりすまし"), prefill: false, on_paper: false };
    assert_eq!(selfcheck::start_inspection(&mut staff, &as_them).unwrap_err().code, ErrorCode::NotFound);
    // Next year, starting from their answers is refused too.
    let prefill = StartInspection { year: YEAR + 1, role: "staff".into(), respondent: respondent("100000", "なりすまし"), prefill: true, on_paper: false };
    assert_eq!(selfcheck::start_inspection(&mut staff, &prefill).unwrap_err().code, ErrorCode::NotFound);

    // One's own: exported, and a correction started.
    let mine_out = files.path().join("mine.json");
    selfcheck::export_submission(&mut staff, mine, mine_out.to_str().unwrap()).unwrap();
    assert!(mine_out.exists());
    let correction = selfcheck::reopen_inspection(&mut staff, YEAR, "200000", "staff").unwrap();
    assert_eq!(correction.inspection.version, 2);
    drop(staff);

    // The 管理者 sees every submission again, and the 操作記録 has the submit,
    // the export and the correction.
    s.enter_admin(PASSPHRASE).unwrap();
    let mut admin = s.admin().unwrap();
    let all = selfcheck::selfcheck_screen(&mut admin, Some(YEAR)).unwrap();
    assert_eq!(all.submissions.len(), 2);
    let actions: Vec<String> = audit::audit_entries(&mut admin, None, 100).unwrap().into_iter().map(|e| e.action).collect();
    for want in ["selfcheck.submitted", "personal-data.exported", "selfcheck.reopened"] {
        assert!(actions.iter().any(|a| a == want), "{want} missing from {actions:?}");
    }
}

#[test]
fn admin_mode_is_entered_with_the_passphrase_and_left_again() {
    let dir = tempfile::tempdir().unwrap();
    let s = app_session(dir.path());
    // No passphrase yet: the store is open (one's own 自己点検), 管理者モード is not,
    // so no administrative action (roster preview, pack inspection …) can run.
    assert_eq!(s.admin().err().unwrap().code, ErrorCode::AdminNeeded);
    assert!(s.staff().is_ok());
    s.set_passphrase(PASSPHRASE, None).unwrap();
    assert!(s.admin().is_ok(), "setting the passphrase enters 管理者モード");
    s.leave_admin().unwrap();
    assert_eq!(s.admin().err().unwrap().code, ErrorCode::AdminNeeded);
    assert_eq!(s.enter_admin("違うパスフレーズです").unwrap_err().code, ErrorCode::Passphrase);
    let status = s.access_status().unwrap();
    assert!(!status.admin && status.passphrase_set && status.data_open);
    // Reading the policies needs nothing.
    assert!(!handbook::list_packs(&s).unwrap().is_empty());
    let hits = handbook::search(&s, "研修", Some("kobe"), 5).unwrap();
    assert!(hits.total > 0);
    let _ = roster::RosterImport::default();
}
