//! 報告書: render a report into a PDF file, and show it in its folder.

use crate::CmdResult;
use tauri::State;
use tebiki_report::ReportFile;
use tebiki_service::ipc::{PathRequest, ReportRequest, YearRequest};
use tebiki_service::{report, ErrorCode, Session};
use tebiki_store::SessionRow;

/// Async: rendering a large organisation takes a moment and the window
/// keeps drawing its progress.
#[tauri::command(async)]
pub fn export_report(session: State<'_, Session>, req: ReportRequest) -> CmdResult<ReportFile> {
    report::export_report(&mut session.admin()?, &req)
}

/// Opens the folder holding a report just written, in the system's file
/// manager. Only an existing PDF is accepted: the window cannot use this to
/// open anything else.
#[tauri::command]
pub fn reveal_in_folder(session: State<Session>, req: PathRequest) -> CmdResult<()> {
    let p = report::existing_pdf(&session, &req.path)?;
    #[cfg(target_os = "windows")]
    let result = std::process::Command::new("explorer").arg(format!("/select,{}", p.display())).spawn();
    #[cfg(target_os = "macos")]
    let result = std::process::Command::new("open").arg("-R").arg(&p).spawn();
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    let result = std::process::Command::new("xdg-open").arg(p.parent().unwrap_or(&p)).spawn();
    result.map(|_| ()).map_err(|e| tebiki_service::ServiceError::new(ErrorCode::Io, e.to_string()))
}

#[tauri::command]
pub fn sessions_of_year(session: State<Session>, req: YearRequest) -> CmdResult<Vec<(SessionRow, String)>> {
    report::sessions_of_year(&mut session.admin()?, req.year)
}
