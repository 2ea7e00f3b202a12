//! Where the app and the CLI used to disagree, the service's one behaviour,
//! pinned: no attendees, the completion rate with nothing required, the 修了証
//! of one person at one session, exports (atomic, recorded with the full
//! path), and 年度 out of range.

mod common;

use common::*;
use tebiki_service::report::{export_report, ReportKind, ReportRequest};
use tebiki_service::roster::{import_roster, RosterImport};
use tebiki_service::training::{record_session, training_overview, training_status, SessionRecord};
use tebiki_service::{audit, selfcheck, training, ErrorCode};
use tebiki_store::Method;

fn with_roster(dir: &std::path::Path) -> tebiki_service::Session {
    let s = admin_session(dir);
    import_roster(&mut s.admin().unwrap(), &roster_fixture(), &RosterImport { full: true, ..Default::default() }, &mut |_, _| {}).unwrap();
    s
}

fn session_of(course: &str, date: &str, staff: &[&str]) -> SessionRecord<'static> {
    SessionRecord {
        pack: None,
        course_id: Box::leak(course.to_owned().into_boxed_str()),
        held_on: Box::leak(date.to_owned().into_boxed_str()),
        method: Method::Classroom,
        trainer: None,
        place: None,
        employee_nos: staff.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn a_session_without_attendees_is_refused_with_one_message() {
    let dir = tempfile::tempdir().unwrap();
    let s = with_roster(dir.path());
    let e = record_session(&mut s.admin().unwrap(), session_of("annual", "R7.6.1", &["  ", ""])).unwrap_err();
    assert_eq!(e.code, ErrorCode::Invalid);
    assert!(e.message.contains("受講者がいません"), "{}", e.message);
    let e = record_session(&mut s.admin().unwrap(), session_of("annual", "2025/13/45", &["1001"])).unwrap_err();
    assert!(e.message.contains("2025/13/45"), "{}", e.message);
    let (_, recorded, held_on) = record_session(&mut s.admin().unwrap(), session_of("annual", "令和7年6月1日", &["1001", "1001", "9999"])).unwrap();
    assert_eq!((recorded.attendees, recorded.unknown.clone(), held_on.as_str()), (1, vec!["9999".to_owned()], "2025-06-01"));
}

#[test]
fn the_completion_rate_is_the_same_for_screen_and_command_and_100_when_nothing_is_required() {
    let dir = tempfile::tempdir().unwrap();
    let s = admin_session(dir.path());
    // Nobody on the roster: nothing required, nobody behind.
    let status = training_status(&mut s.admin().unwrap(), 2025, None).unwrap();
    let (_, _, overview) = training_overview(&mut s.admin().unwrap(), 2025, None).unwrap();
    assert_eq!(status.completion_rate, 100.0);
    assert_eq!(status.completion_rate, overview.rate);

    let dir = tempfile::tempdir().unwrap();
    let s = with_roster(dir.path());
    record_session(&mut s.admin().unwrap(), session_of("annual", "2025-06-01", &["1001"])).unwrap();
    let status = training_status(&mut s.admin().unwrap(), 2025, None).unwrap();
    let (_, _, overview) = training_overview(&mut s.admin().unwrap(), 2025, None).unwrap();
    assert_eq!(status.completion_rate, overview.rate);
    assert!(status.completion_rate > 0.0 && status.completion_rate < 100.0, "{}", status.completion_rate);
}

#[test]
fn the_certificate_of_one_person_at_one_session_is_one_page() {
    let dir = tempfile::tempdir().unwrap();
    let s = with_roster(dir.path());
    let (_, first, _) = record_session(&mut s.admin().unwrap(), session_of("annual", "2025-06-01", &["1001", "1002"])).unwrap();
    record_session(&mut s.admin().unwrap(), session_of("annual", "2025-09-01", &["1001"])).unwrap();
    let out = dir.path().join("修了証.pdf");
    let req = |staff: Option<&str>, session: Option<i64>| ReportRequest {
        kind: ReportKind::Certificate,
        year: 2025,
        dept: None,
        staff: staff.map(str::to_owned),
        session,
        approvers: None,
        author: None,
        date: Some("2026-03-31".into()),
        pack: None,
        detail: false,
        role: None,
        path: out.display().to_string(),
    };
    assert_eq!(export_report(&mut s.admin().unwrap(), &req(Some("1001"), None)).unwrap().pages, 2, "every session of the 年度");
    assert_eq!(export_report(&mut s.admin().unwrap(), &req(None, Some(first.id))).unwrap().pages, 2, "every attendee");
    assert_eq!(export_report(&mut s.admin().unwrap(), &req(Some("1001"), Some(first.id))).unwrap().pages, 1, "one person at one session");
}

#[test]
fn exports_are_written_whole_and_recorded_with_their_full_path() {
    let dir = tempfile::tempdir().unwrap();
    let s = with_roster(dir.path());
    answer_and_submit(&s, "1001", 2025);
    let out = dir.path().join("出力");
    std::fs::create_dir_all(&out).unwrap();
    let overdue = out.join("未受講者一覧.csv");
    training::export_overdue(&mut s.admin().unwrap(), 2025, &overdue, true).unwrap();
    let remedies = out.join("改善策.csv");
    selfcheck::export_remedies(&mut s.admin().unwrap(), 2025, None, &remedies, false).unwrap();
    let audit_csv = out.join("操作記録.csv");
    audit::export_audit(&mut s.admin().unwrap(), &audit_csv, true).unwrap();
    let names: Vec<String> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.ends_with(".part")), "{names:?}");
    let entries = audit::audit_entries(&mut s.admin().unwrap(), None, 100).unwrap();
    for f in [&overdue, &remedies, &audit_csv] {
        let want = f.display().to_string();
        assert!(entries.iter().any(|e| e.details["file"] == want.as_str()), "{want} not recorded");
    }
}

#[test]
fn a_year_out_of_range_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let s = admin_session(dir.path());
    for year in [300_000, i32::MAX, i32::MIN, 1000] {
        let e = training_status(&mut s.admin().unwrap(), year, None).unwrap_err();
        assert_eq!(e.code, ErrorCode::Invalid);
        assert!(e.message.contains("扱えません"), "{}", e.message);
        assert!(selfcheck::export_submissions(&mut s.admin().unwrap(), year, dir.path()).is_err());
        assert!(selfcheck::selfcheck_screen(&mut s.staff().unwrap(), Some(year)).is_err());
    }
}
