//! A session on a fresh data folder with the 神戸市 pack chosen.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use tebiki_core::selfcheck::answers::{Answer, ItemAnswer};
use tebiki_core::selfcheck::submission::Respondent;
use tebiki_core::settings::Language;
use tebiki_service::report::{ReportKind, ReportRequest};
use tebiki_service::selfcheck::StartInspection;
use tebiki_service::{selfcheck, settings, Front, Session};

pub const PASSPHRASE: &str = "テスト用の管理者パスフレーズ";

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn roster_fixture() -> PathBuf {
    repo().join("tests/fixtures/roster/roster-sjis.csv")
}

/// The app's session on `dir`, 日本語, kobe chosen.
pub fn app_session(dir: &Path) -> Session {
    let s = Session::open(dir, Front::App, Some(Language::Japanese)).unwrap();
    let mut st = s.settings().unwrap();
    st.pack = Some("kobe".into());
    st.language = Language::Japanese;
    settings::save_settings(&s, &st).unwrap();
    s
}

/// An app session in 管理者モード (the passphrase set on first use).
pub fn admin_session(dir: &Path) -> Session {
    let s = app_session(dir);
    s.set_passphrase(PASSPHRASE, None).unwrap();
    s
}

pub fn respondent(no: &str, name: &str) -> Respondent {
    Respondent { employee_no: no.into(), name: name.into(), dept_code: String::new(), dept_name: "総務課".into() }
}

/// Answers the whole 職員等 questionnaire 実施している and submits it; returns its submission id.
pub fn answer_and_submit(s: &Session, no: &str, year: i32) -> i64 {
    let mut staff = s.staff().unwrap();
    let req = StartInspection { year, role: "staff".into(), respondent: respondent(no, "山田 太郎"), prefill: false, on_paper: false };
    let view = selfcheck::start_inspection(&mut staff, &req).unwrap();
    let id = view.inspection.id;
    answer_all_implemented(&mut staff, &view);
    selfcheck::submit_inspection(&mut staff, id).unwrap();
    let screen = selfcheck::selfcheck_screen(&mut staff, Some(year)).unwrap();
    screen.submissions.iter().find(|x| x.respondent.employee_no == no).unwrap().id
}

/// A report of `kind` for `year` written to `path`, everything else as the app's default.
pub fn report_request(kind: ReportKind, year: i32, path: &Path) -> ReportRequest {
    ReportRequest {
        kind,
        year,
        dept: None,
        staff: None,
        session: None,
        approvers: None,
        author: None,
        date: None,
        pack: None,
        detail: false,
        role: None,
        path: path.display().to_string(),
    }
}

/// The text of a PDF, white space removed (pdftotext lays it out its own way).
pub fn pdf_text(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext").arg(path).arg("-").output().unwrap();
    String::from_utf8(out.stdout).unwrap().chars().filter(|c| !c.is_whitespace()).collect()
}

/// Answers every item of an inspection 実施している.
pub fn answer_all_implemented(staff: &mut tebiki_service::Staff, view: &tebiki_store::InspectionView) {
    for item in &view.questionnaire.items {
        let a = ItemAnswer {
            item_id: item.id.clone(),
            answer: Some(Answer::Implemented),
            comment: String::new(),
            remedy: String::new(),
            due: None,
            reconfirm: false,
        };
        selfcheck::save_answer(staff, view.inspection.id, &a).unwrap();
    }
}
