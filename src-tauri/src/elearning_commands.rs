//! e-ラーニング: the person's own course (職員モード) and, in 管理者モード,
//! importing the result files, the 受講状況 and exporting the files.

use crate::CmdResult;
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::State;
use tebiki_core::training::elearning::summary::ElearningSummary;
use tebiki_report::ReportFile;
use tebiki_service::elearning::{self, ElearningView};
use tebiki_service::ipc::{
    ElearningFileRequest, ElearningOpenRequest, ElearningStepRequest, ExportResultsRequest, ImportResultsRequest, ResultsSummaryRequest,
};
use tebiki_service::{files, Session};
use tebiki_store::{ImportProgress, ResultsImportReport};

#[tauri::command]
pub fn elearning_open(session: State<Session>, req: ElearningOpenRequest) -> CmdResult<ElearningView> {
    elearning::elearning_open(&mut session.staff()?, &req.person)
}

#[tauri::command]
pub fn elearning_lesson(session: State<Session>, req: ElearningStepRequest) -> CmdResult<ElearningView> {
    elearning::elearning_lesson(&mut session.staff()?, &req.step)
}

#[tauri::command]
pub fn elearning_start_test(session: State<Session>, req: ElearningStepRequest) -> CmdResult<ElearningView> {
    elearning::elearning_start_test(&mut session.staff()?, &req.step)
}

#[tauri::command]
pub fn elearning_answer(session: State<Session>, req: ElearningStepRequest) -> CmdResult<ElearningView> {
    elearning::elearning_answer(&mut session.staff()?, &req.step)
}

#[tauri::command]
pub fn elearning_acknowledge(session: State<Session>, req: ElearningStepRequest) -> CmdResult<ElearningView> {
    elearning::elearning_acknowledge(&mut session.staff()?, &req.step)
}

#[tauri::command]
pub fn elearning_save_file(session: State<Session>, req: ElearningFileRequest) -> CmdResult<String> {
    Ok(elearning::elearning_save_file(&mut session.staff()?, &req.step, &req.path)?.display().to_string())
}

#[tauri::command]
pub fn elearning_certificate(session: State<Session>, req: ElearningFileRequest) -> CmdResult<ReportFile> {
    elearning::elearning_certificate(&mut session.staff()?, &req.step, &req.path)
}

/// Async: off the UI thread, so that the progress bar is drawn.
#[tauri::command(async)]
pub fn import_training_results(session: State<'_, Session>, req: ImportResultsRequest, on_progress: Channel<ImportProgress>) -> CmdResult<ResultsImportReport> {
    let mut admin = session.admin()?;
    let paths = req.paths.iter().map(|p| files::absolute_path(session.lang(), p)).collect::<Result<Vec<PathBuf>, _>>()?;
    elearning::import_results(&mut admin, &paths, &mut |done, total| {
        let _ = on_progress.send(ImportProgress { done, total });
    })
}

#[tauri::command(async)]
pub fn export_training_results(session: State<'_, Session>, req: ExportResultsRequest) -> CmdResult<Vec<String>> {
    let dir = files::absolute_path(session.lang(), &req.dir)?;
    elearning::export_results(&mut session.admin()?, req.year, &dir)
}

#[tauri::command(async)]
pub fn training_results_summary(session: State<'_, Session>, req: ResultsSummaryRequest) -> CmdResult<ElearningSummary> {
    elearning::results_summary(&mut session.admin()?, req.year, req.course.as_deref())
}
