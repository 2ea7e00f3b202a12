//! 職員モード / 管理者モード, the passphrase, the 操作記録 and backups.

use crate::CmdResult;
use tauri::State;
use tebiki_service::admin_session::AccessStatus;
use tebiki_service::audit::AuditRow;
use tebiki_service::ipc::{AuditEntriesRequest, CsvExportRequest, EnterAdminRequest, PathRequest, SetPassphraseRequest};
use tebiki_service::{audit, files, Session};
use tebiki_store::AuditVerdict;

#[tauri::command]
pub fn access_status(session: State<Session>) -> CmdResult<AccessStatus> {
    session.access_status()
}

/// Async: Argon2id takes a moment and the window stays responsive.
#[tauri::command]
pub async fn enter_admin(session: State<'_, Session>, req: EnterAdminRequest) -> CmdResult<AccessStatus> {
    session.enter_admin(&req.passphrase)
}

#[tauri::command]
pub fn leave_admin(session: State<Session>) -> CmdResult<AccessStatus> {
    session.leave_admin()
}

#[tauri::command]
pub async fn set_passphrase(session: State<'_, Session>, req: SetPassphraseRequest) -> CmdResult<AccessStatus> {
    session.set_passphrase(&req.new_passphrase, req.current.as_deref())
}

#[tauri::command]
pub fn audit_entries(session: State<Session>, req: AuditEntriesRequest) -> CmdResult<Vec<AuditRow>> {
    audit::audit_rows(&mut session.admin()?, req.before, req.limit)
}

#[tauri::command]
pub fn verify_audit(session: State<Session>) -> CmdResult<AuditVerdict> {
    audit::verify_audit(&mut session.admin()?)
}

#[tauri::command]
pub fn export_audit(session: State<Session>, req: CsvExportRequest) -> CmdResult<String> {
    let mut admin = session.admin()?;
    let path = files::absolute_path(session.lang(), &req.path)?;
    audit::export_audit(&mut admin, &path, req.shift_jis)?;
    Ok(path.display().to_string())
}

#[tauri::command]
pub fn backup_database(session: State<Session>, req: PathRequest) -> CmdResult<String> {
    let mut admin = session.admin()?;
    let path = files::absolute_path(session.lang(), &req.path)?;
    audit::backup(&mut admin, &path)?;
    Ok(path.display().to_string())
}
