//! 改善策 followed to completion (issue 18): a person records one 完了 on
//! their PC; the file carries it; the 管理者's 集計 counts it as 完了 and the
//! other, past its 期限, as 期限超過; the 管理者 records a paper report.

mod common;

use common::*;
use tebiki_core::selfcheck::answers::{Answer, ItemAnswer, RemedyStatus};
use tebiki_service::remedies::{self, RemedyProgressRequest, RemedyUpdate};
use tebiki_service::selfcheck::{self, StartInspection};
use tebiki_service::ErrorCode;

/// Submits the 職員等 questionnaire with two 改善策: one due long ago, one due next year.
fn submit_with_remedies(s: &tebiki_service::Session, no: &str) -> (String, String) {
    let mut staff = s.staff().unwrap();
    let req = StartInspection { year: 2026, role: "staff".into(), respondent: respondent(no, "山田 太郎"), prefill: false, on_paper: false };
    let view = selfcheck::start_inspection(&mut staff, &req).unwrap();
    let id = view.inspection.id;
    let items: Vec<String> = view.questionnaire.items.iter().map(|i| i.id.clone()).collect();
    for (i, item) in items.iter().enumerate() {
        let (answer, remedy, due) = match i {
            0 => (Answer::NotImplemented, "手順書を読み直す", Some("2026-04-30")),
            1 => (Answer::Partial, "課内で周知する", Some("2099-03-31")),
            _ => (Answer::Implemented, "", None),
        };
        let a = ItemAnswer {
            item_id: item.clone(),
            answer: Some(answer),
            comment: String::new(),
            remedy: remedy.into(),
            due: due.map(Into::into),
            reconfirm: false,
        };
        selfcheck::save_answer(&mut staff, id, &a).unwrap();
    }
    selfcheck::submit_inspection(&mut staff, id).unwrap();
    (items[0].clone(), items[1].clone())
}

#[test]
fn a_remedy_marked_done_travels_in_the_file_and_counts_as_done_and_the_other_as_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let s = app_session(dir.path());
    let (late, future) = submit_with_remedies(&s, "1001");
    let mut staff = s.staff().unwrap();
    // Version 1 went to the 管理者 when it was submitted.
    let first = dir.path().join("selfcheck-v1.json");
    let screen = selfcheck::selfcheck_screen(&mut staff, Some(2026)).unwrap();
    selfcheck::export_submission(&mut staff, screen.submissions[0].id, first.to_str().unwrap()).unwrap();
    let list = remedies::remedy_list(&mut staff, 2026, "1001", "staff").unwrap();
    assert_eq!(list.lines.len(), 2);
    assert!(list.lines.iter().find(|l| l.item_id == late).unwrap().overdue, "past its 期限 and 未着手");
    let req = RemedyProgressRequest {
        year: 2026,
        employee_no: "1001".into(),
        role: "staff".into(),
        updates: vec![RemedyUpdate {
            item_id: future.clone(),
            status: RemedyStatus::Done,
            on: Some("令和8年11月30日".into()),
            note: "課内会議で周知した".into(),
        }],
        on_paper: true,
    };
    let after = remedies::update_remedies(&mut staff, &req).unwrap();
    assert_eq!(after.version, 2, "a new version of the submission");
    let done = after.lines.iter().find(|l| l.item_id == future).unwrap();
    assert_eq!((done.status, done.status_on.as_deref()), (RemedyStatus::Done, Some("2026-11-30")));
    // An item without a 改善策 is refused.
    let bad = RemedyProgressRequest {
        updates: vec![RemedyUpdate { item_id: "nope".into(), status: RemedyStatus::Done, on: None, note: String::new() }],
        ..req.clone()
    };
    assert_eq!(remedies::update_remedies(&mut staff, &bad).unwrap_err().code, ErrorCode::Invalid);

    // The file says so (format version 2).
    let screen = selfcheck::selfcheck_screen(&mut staff, Some(2026)).unwrap();
    let sub = screen.submissions.iter().find(|x| x.respondent.employee_no == "1001").unwrap();
    assert_eq!(sub.version, 2);
    let file = dir.path().join("selfcheck.json");
    selfcheck::export_submission(&mut staff, sub.id, file.to_str().unwrap()).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"format_version\": 2") && text.contains("\"status\": \"done\""), "{text}");
    drop(staff);

    // On the 管理者's PC: imported, counted as 完了; the other 期限超過.
    let other = tempfile::tempdir().unwrap();
    let admin_pc = admin_session(other.path());
    let mut admin = admin_pc.admin().unwrap();
    let report = selfcheck::import_submissions(&mut admin, &[first.clone(), file.clone()], &mut |_, _| {}).unwrap();
    assert_eq!(report.accepted.len(), 2, "{:?} {:?}", report.refused, report.held);
    let (_, d) = selfcheck::selfcheck_summary(&mut admin, 2026, None).unwrap();
    let c = d.remedy_counts;
    assert_eq!((c.total, c.done, c.overdue, c.not_started), (2, 1, 1, 1));
    assert_eq!(c.done_rate, Some(50.0));
    let row = d.remedies.iter().find(|r| r.item_id == late).unwrap();
    assert!(row.overdue);
    // … and so does the report the CISO reads.
    let pdf = other.path().join("report.pdf");
    tebiki_service::report::export_report(&mut admin, &report_request(tebiki_service::report::ReportKind::Selfcheck, 2026, &pdf)).unwrap();
    let text = pdf_text(&pdf);
    assert!(text.contains("改善策は2件で、完了1件（完了率50.0%）"), "{text}");
    assert!(text.contains("期限超過）は1件"), "{text}");

    // The 管理者 records what the person reported on paper: version 3, in the 操作記録.
    let paper = RemedyProgressRequest {
        updates: vec![RemedyUpdate { item_id: late.clone(), status: RemedyStatus::InProgress, on: None, note: "紙で報告あり".into() }],
        on_paper: true,
        ..req.clone()
    };
    let l = remedies::update_remedies(&mut admin, &paper).unwrap();
    assert_eq!(l.version, 3);
    let (_, d) = selfcheck::selfcheck_summary(&mut admin, 2026, None).unwrap();
    assert_eq!((d.remedy_counts.done, d.remedy_counts.in_progress, d.remedy_counts.overdue), (1, 1, 1), "対応中 past its 期限 is still 期限超過");
    let log = tebiki_service::audit::audit_entries(&mut admin, None, 10).unwrap();
    assert!(log.iter().any(|e| e.action == "remedy.progress-recorded" && e.details["paper"] == "yes"), "{log:?}");
    drop(admin);

    // In 職員モード on the 管理者's PC, an imported submission is not one's own.
    admin_pc.leave_admin().unwrap();
    let mut staff = admin_pc.staff().unwrap();
    assert_eq!(remedies::update_remedies(&mut staff, &paper).unwrap_err().code, ErrorCode::NotFound);
}
