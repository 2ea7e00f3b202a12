//! e-ラーニング (issue 16): a person takes the course in 職員モード — fails,
//! passes, confirms the policy, saves the file; the 管理者 imports it and the
//! 受講状況 counts them as passed with their score; a tampered copy is
//! refused; after a pack upgrade the confirmation is asked again with the
//! changed clauses.

mod common;

use common::*;
use tebiki_service::elearning::{self, ElearningPerson, ElearningStep};
use tebiki_service::{handbook, settings, ErrorCode, Session};

fn fixture(name: &str) -> std::path::PathBuf {
    repo().join("tests/fixtures/packs").join(name)
}

fn use_pack(s: &Session, dir: &str, upgrade: bool) {
    let mut admin = s.admin().unwrap();
    handbook::import_pack(&mut admin, &fixture(dir), upgrade).unwrap();
    drop(admin);
    let mut st = s.settings().unwrap();
    st.pack = Some("elearning-town".into());
    settings::save_settings(s, &st).unwrap();
}

fn step(no: &str) -> ElearningStep {
    ElearningStep { year: 2026, employee_no: no.into(), course: "annual".into(), lesson: None, done: false, chosen: None }
}

/// Answers the test under way: right when `right`, else ○/× and choice 1 the wrong way.
fn answer_all(s: &Session, no: &str, right: bool) -> elearning::ElearningView {
    let pack = s.pack(None).unwrap();
    let course = pack.elearning("annual").unwrap();
    let mut staff = s.staff().unwrap();
    let mut view = elearning::elearning_start_test(&mut staff, &step(no)).unwrap();
    while let Some(q) = view.test.as_ref().and_then(|t| t.question.clone()) {
        let answer = course.question(&q.id).unwrap().answer;
        let chosen = if right {
            answer
        } else if answer == 1 {
            2
        } else {
            1
        };
        view = elearning::elearning_answer(&mut staff, &ElearningStep { chosen: Some(chosen), ..step(no) }).unwrap();
        let fb = view.feedback.as_ref().expect("explained after each answer");
        assert_eq!(fb.correct, right);
        assert!(!fb.explanation.is_empty() && !fb.clauses.is_empty());
    }
    view
}

#[test]
fn a_person_fails_passes_confirms_and_the_admin_imports_their_file() {
    let dir = tempfile::tempdir().unwrap();
    let s = admin_session(dir.path());
    use_pack(&s, "elearning-town", false);
    s.leave_admin().unwrap();

    let person = ElearningPerson { year: 2026, person: respondent("300001", "佐藤 花子"), roles: vec!["課長".into()] };
    let mut staff = s.staff().unwrap();
    let view = elearning::elearning_open(&mut staff, &person).unwrap();
    assert_eq!(view.roles, vec!["情報管理者".to_owned()], "a roster label is the pack's role name");
    let lessons = &view.courses[0].lessons;
    assert_eq!(lessons.len(), 2);
    assert!(lessons[0].clauses[0].html.contains("パスワードを他人に知られないように"), "the lesson shows the clause itself");
    let v = elearning::elearning_lesson(&mut staff, &ElearningStep { lesson: Some("l01".into()), done: true, ..step("300001") }).unwrap();
    assert!(v.courses[0].lessons[0].read);
    assert_eq!(v.courses[0].position.as_deref(), Some("l01"));
    // The questions of an attempt carry no answers.
    let started = elearning::elearning_start_test(&mut staff, &step("300001")).unwrap();
    let json = serde_json::to_string(&started.test).unwrap();
    assert!(!json.contains("\"answer\"") && !json.contains("explanation"), "{json}");
    drop(staff);

    let failed = answer_all(&s, "300001", false);
    let first = &failed.courses[0].attempts[0];
    assert!(!first.passed && first.score == 0 && first.total == 3);
    let passed = answer_all(&s, "300001", true);
    assert!(passed.courses[0].passed);
    assert_eq!(passed.courses[0].attempts.len(), 2);

    let mut staff = s.staff().unwrap();
    let acked = elearning::elearning_acknowledge(&mut staff, &step("300001")).unwrap();
    assert!(acked.acknowledgement.confirmed);
    assert!(acked.acknowledgement.wording.contains("研修町情報セキュリティ基本方針（1.0）"), "{}", acked.acknowledgement.wording);
    let out = dir.path().join("share");
    std::fs::create_dir_all(&out).unwrap();
    let file = elearning::elearning_save_file(&mut staff, &step("300001"), out.join(&acked.file_name).to_str().unwrap()).unwrap();
    let cert = elearning::elearning_certificate(&mut staff, &step("300001"), dir.path().join("cert.pdf").to_str().unwrap()).unwrap();
    assert_eq!(cert.pages, 1);
    // 職員モード cannot import, export or see the 受講状況.
    assert_eq!(s.admin().err().unwrap().code, ErrorCode::AdminNeeded);
    drop(staff);

    // The 管理者: a tampered copy is refused, the file imported.
    s.enter_admin(PASSPHRASE).unwrap();
    let tampered = out.join("tampered.json");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&tampered, text.replacen("\"passed\": false", "\"passed\": true", 1)).unwrap();
    let mut admin = s.admin().unwrap();
    let report = elearning::import_results(&mut admin, &[file.clone(), tampered.clone()], &mut |_, _| {}).unwrap();
    assert_eq!(report.accepted.len(), 1);
    assert_eq!(report.accepted[0].passed[0].score, 3);
    assert_eq!(report.refused.len(), 1);
    assert_eq!(report.refused[0].reason.key, "submission-refused-digest");
    // Not in the roster: kept, with a warning.
    assert!(report.accepted[0].warning.is_some());
    let again = elearning::import_results(&mut admin, std::slice::from_ref(&file), &mut |_, _| {}).unwrap();
    assert_eq!(again.accepted[0].status, "duplicate");
    let summary = elearning::results_summary(&mut admin, 2026, None).unwrap();
    assert_eq!(summary.unmatched, 1);
    let exported = elearning::export_results(&mut admin, 2026, &dir.path().join("export")).unwrap();
    assert_eq!(std::fs::read(dir.path().join("export").join(&exported[0])).unwrap(), std::fs::read(&file).unwrap(), "exported as the staff PC wrote it");
    drop(admin);

    // The pack is upgraded: the confirmation is asked again, with the changed clause.
    use_pack(&s, "elearning-town-v2", true);
    let mut staff = s.staff().unwrap();
    let view = elearning::elearning_open(&mut staff, &person).unwrap();
    let ack = &view.acknowledgement;
    assert!(!ack.confirmed);
    assert_eq!(ack.earlier_version.as_deref(), Some("1.0"));
    let changed: Vec<&str> = ack.changed_clauses.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(changed, vec!["elearning-town/kihon/3"]);
}

#[test]
fn with_a_roster_the_import_becomes_attendance_and_the_summary_counts_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let s = admin_session(dir.path());
    let mut admin = s.admin().unwrap();
    let report = tebiki_service::demo::create_demo(&mut admin, 60, 4, "kobe").unwrap();
    assert!(report.elearning_results > 0);
    let year = tebiki_core::calendar::fiscal_year::FiscalYear::of(chrono::Local::now().date_naive()).0;
    let summary = elearning::results_summary(&mut admin, year - 1, None).unwrap();
    assert!(summary.total.passed > 0 && summary.total.not_started > 0, "{:?}", summary.total);
    assert_eq!(summary.total.people, summary.total.passed + summary.total.attempted + summary.total.not_started);
    assert_eq!(summary.by_dept.iter().map(|d| d.people).sum::<u32>(), summary.total.people);
    assert!(summary.by_role.iter().any(|r| r.name == "職員等" && r.people == summary.total.people));
    assert!(!summary.most_missed.is_empty());
    // Passing became attendance of the annual course (method eラーニング).
    let status = tebiki_service::training::training_status(&mut admin, year - 1, None).unwrap();
    assert!(status.staff.iter().any(|p| p.done.contains(&"annual".to_owned())));
    // The 研修実施状況報告書 has the e-learning section, with the questions most missed.
    let pdf = dir.path().join("training.pdf");
    tebiki_service::report::export_report(&mut admin, &report_request(tebiki_service::report::ReportKind::Training, year - 1, &pdf)).unwrap();
    let text = pdf_text(&pdf);
    assert!(text.contains("7e-ラーニング（理解度テスト・閲覧確認）"), "{text}");
    assert!(text.contains("誤答の多い問題"));
}
