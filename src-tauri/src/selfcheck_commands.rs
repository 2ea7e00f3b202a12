//! 自己点検: answering, submitting, exporting one's submission (職員モード,
//! own answers only), importing files and the 集計 (管理者モード).

use crate::CmdResult;
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::State;
use tebiki_core::selfcheck::submission::Submission;
use tebiki_service::ipc::{
    AnswerGateRequest, DashboardRequest, ExportSubmissionRequest, HeldRequest, ImportSubmissionsRequest, InspectionRequest, OptionalYearRequest, ReopenRequest,
    SaveAnswerRequest, StartInspection, SubmissionRequest, YearCsvExportRequest,
};
use tebiki_service::ipc::{RemedyListRequest, RemedyProgressRequest};
use tebiki_service::remedies::RemedyList;
use tebiki_service::{files, selfcheck, Session};
use tebiki_store::{DashboardView, HeldSubmission, ImportOutcome, ImportProgress, ImportReport, InspectionView, SelfcheckScreen};

#[tauri::command]
pub fn selfcheck_screen(session: State<Session>, req: OptionalYearRequest) -> CmdResult<SelfcheckScreen> {
    selfcheck::selfcheck_screen(&mut session.staff()?, req.year)
}

#[tauri::command]
pub fn start_inspection(session: State<Session>, req: StartInspection) -> CmdResult<InspectionView> {
    selfcheck::start_inspection(&mut session.staff()?, &req)
}

#[tauri::command]
pub fn inspection_view(session: State<Session>, req: InspectionRequest) -> CmdResult<InspectionView> {
    selfcheck::inspection_view(&mut session.staff()?, req.inspection_id)
}

#[tauri::command]
pub fn answer_gate(session: State<Session>, req: AnswerGateRequest) -> CmdResult<InspectionView> {
    selfcheck::answer_gate(&mut session.staff()?, req.inspection_id, &req.gate_id, req.yes)
}

#[tauri::command]
pub fn save_answer(session: State<Session>, req: SaveAnswerRequest) -> CmdResult<InspectionView> {
    selfcheck::save_answer(&mut session.staff()?, req.inspection_id, &req.answer)
}

#[tauri::command]
pub fn submit_inspection(session: State<Session>, req: InspectionRequest) -> CmdResult<Submission> {
    selfcheck::submit_inspection(&mut session.staff()?, req.inspection_id)
}

#[tauri::command]
pub fn reopen_inspection(session: State<Session>, req: ReopenRequest) -> CmdResult<InspectionView> {
    selfcheck::reopen_inspection(&mut session.staff()?, req.year, &req.employee_no, &req.role)
}

#[tauri::command]
pub fn submission_file_name(session: State<Session>, req: SubmissionRequest) -> CmdResult<String> {
    selfcheck::submission_file_name(&mut session.staff()?, req.submission_id)
}

#[tauri::command]
pub fn export_submission(session: State<Session>, req: ExportSubmissionRequest) -> CmdResult<String> {
    let written = selfcheck::export_submission(&mut session.staff()?, req.submission_id, &req.path)?;
    Ok(written.display().to_string())
}

/// Imports submission files (files or folders), telling the window how far it is.
#[tauri::command(async)]
pub fn import_submissions(session: State<'_, Session>, req: ImportSubmissionsRequest, on_progress: Channel<ImportProgress>) -> CmdResult<ImportReport> {
    let mut admin = session.admin()?;
    let paths = req.paths.iter().map(|p| files::absolute_path(session.lang(), p)).collect::<Result<Vec<PathBuf>, _>>()?;
    selfcheck::import_submissions(&mut admin, &paths, &mut |done, total| {
        let _ = on_progress.send(ImportProgress { done, total });
    })
}

#[tauri::command(async)]
pub fn selfcheck_dashboard(session: State<'_, Session>, req: DashboardRequest) -> CmdResult<DashboardView> {
    selfcheck::selfcheck_dashboard(&mut session.admin()?, req.year, req.sort)
}

/// Submission files held because their version skipped ahead, for the 管理者 to decide.
#[tauri::command]
pub fn held_submissions(session: State<Session>) -> CmdResult<Vec<HeldSubmission>> {
    selfcheck::held_submissions(&mut session.admin()?)
}

#[tauri::command]
pub fn accept_held(session: State<Session>, req: HeldRequest) -> CmdResult<ImportOutcome> {
    selfcheck::accept_held(&mut session.admin()?, req.id)
}

#[tauri::command]
pub fn reject_held(session: State<Session>, req: HeldRequest) -> CmdResult<HeldSubmission> {
    selfcheck::reject_held(&mut session.admin()?, req.id)
}

/// Writes the 改善策 list of a 年度 as CSV for Excel.
#[tauri::command]
pub fn export_remedies(session: State<Session>, req: YearCsvExportRequest) -> CmdResult<String> {
    let mut admin = session.admin()?;
    let path = files::absolute_path(session.lang(), &req.path)?;
    selfcheck::export_remedies(&mut admin, req.year, None, &path, req.shift_jis)?;
    Ok(path.display().to_string())
}

#[tauri::command]
pub fn remedy_list(session: State<Session>, req: RemedyListRequest) -> CmdResult<RemedyList> {
    tebiki_service::remedies::remedy_list(&mut session.staff()?, req.year, &req.employee_no, &req.role)
}

#[tauri::command]
pub fn update_remedies(session: State<Session>, req: RemedyProgressRequest) -> CmdResult<RemedyList> {
    tebiki_service::remedies::update_remedies(&mut session.staff()?, &req)
}
