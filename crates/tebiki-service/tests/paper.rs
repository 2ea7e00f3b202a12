//! On paper (issue 18): the 管理者 prints 点検票 for staff without a PC and
//! types a returned one in as that person's submission (代理入力), marked
//! 紙で提出 and recorded in the 操作記録; in 職員モード it is refused.

mod common;

use common::*;
use tebiki_service::report::{export_report, ReportKind, ReportRequest};
use tebiki_service::selfcheck::{self, StartInspection};
use tebiki_service::{roster, ErrorCode};

#[test]
fn a_paper_form_is_typed_in_as_the_persons_submission_marked_on_paper() {
    let dir = tempfile::tempdir().unwrap();
    let s = admin_session(dir.path());
    let mut admin = s.admin().unwrap();
    roster::import_roster(&mut admin, &roster_fixture(), &Default::default(), &mut |_, _| {}).unwrap();

    // The forms: one blank, and one per person of 総務課 (A10) with their name.
    let form = |dept: Option<&str>, staff: Option<&str>, file: &str| ReportRequest {
        dept: dept.map(Into::into),
        staff: staff.map(Into::into),
        role: Some("staff".into()),
        ..report_request(ReportKind::Form, 2026, &dir.path().join(file))
    };
    let blank = export_report(&mut admin, &form(None, None, "blank.pdf")).unwrap();
    let a10 = export_report(&mut admin, &form(Some("A10"), None, "a10.pdf")).unwrap();
    assert!(a10.pages >= 2 * blank.pages, "two people in A10: {} vs {}", a10.pages, blank.pages);
    let text = pdf_text(&dir.path().join("a10.pdf"));
    assert!(text.contains("山田太郎") && text.contains("情報セキュリティ自己点検票"), "{text}");
    assert_eq!(export_report(&mut admin, &form(None, Some("9999"), "x.pdf")).unwrap_err().code, ErrorCode::Invalid);

    // 代理入力 of 1002's returned form.
    let who = tebiki_core::selfcheck::submission::Respondent {
        employee_no: "1002".into(),
        name: "鈴木, 花子".into(),
        dept_code: "A10".into(),
        dept_name: "総務課".into(),
    };
    let req = StartInspection { year: 2026, role: "staff".into(), respondent: who, prefill: false, on_paper: true };
    let view = selfcheck::start_inspection(&mut admin, &req).unwrap();
    answer_all_implemented(&mut admin, &view);
    selfcheck::submit_inspection(&mut admin, view.inspection.id).unwrap();
    let screen = selfcheck::selfcheck_screen(&mut admin, Some(2026)).unwrap();
    assert!(screen.submissions.iter().find(|x| x.respondent.employee_no == "1002").unwrap().on_paper);
    let log = tebiki_service::audit::audit_entries(&mut admin, None, 5).unwrap();
    assert!(log.iter().any(|e| e.action == "selfcheck.submitted" && e.details["paper"] == "yes"), "{log:?}");
    drop(admin);

    // 職員モード cannot claim to type in someone's paper form.
    s.leave_admin().unwrap();
    let mut staff = s.staff().unwrap();
    let mine = StartInspection { year: 2026, role: "staff".into(), respondent: respondent("5001", "自分"), prefill: false, on_paper: true };
    assert_eq!(selfcheck::start_inspection(&mut staff, &mine).unwrap_err().code, ErrorCode::AdminNeeded);
}
