//! The 操作記録 (管理者モード): reading, verifying, exporting; and backups.

use crate::access::Admin;
use crate::error::{ErrorCode, ServiceError, ServiceResult};
use crate::files::ExportKind;
use std::path::{Path, PathBuf};
use tebiki_store::{audit_csv, AuditEntry, AuditRow, AuditVerdict};

/// Entries before `before` (newest first), at most `limit` (1–500), as the screen shows them.
pub fn audit_rows(admin: &mut Admin, before: Option<i64>, limit: usize) -> ServiceResult<Vec<AuditRow>> {
    let lang = admin.session().lang();
    let entries = audit_entries(admin, before, limit)?;
    Ok(entries.into_iter().map(|e| AuditRow::new(lang, e)).collect())
}

pub fn audit_entries(admin: &mut Admin, before: Option<i64>, limit: usize) -> ServiceResult<Vec<AuditEntry>> {
    admin.store().audit_entries(before, limit.clamp(1, 500)).map_err(|e| admin.session().store_err(&e))
}

/// Walks the chain: intact, or the first entry edited, missing or cut off.
pub fn verify_audit(admin: &mut Admin) -> ServiceResult<AuditVerdict> {
    admin.store().verify_audit().map_err(|e| admin.session().store_err(&e))
}

/// Writes the whole 操作記録 as CSV (Shift_JIS for Excel, or UTF-8 with a
/// BOM); the export is itself recorded. Returns the number of entries.
pub fn export_audit(admin: &mut Admin, path: &Path, shift_jis: bool) -> ServiceResult<usize> {
    let lang = admin.session().lang();
    let entries = admin.store().all_audit_entries().map_err(|e| admin.session().store_err(&e))?;
    let bytes = audit_csv(lang, &entries, shift_jis);
    admin.export_file(ExportKind::PersonalData("audit"), path, &bytes)?;
    Ok(entries.len())
}

/// Writes a backup of the organisation's data (encrypted with the same
/// passphrase once one is set).
pub fn backup(admin: &mut Admin, path: &Path) -> ServiceResult<()> {
    admin.store().backup_to(path).map_err(|e| admin.session().store_err(&e))
}

/// Replaces the data with a backup (the current data is kept beside);
/// `passphrase`: the backup's, when it was made under an earlier one.
/// Returns where the previous data was saved.
pub fn restore(admin: &mut Admin, path: &Path, passphrase: Option<&str>) -> ServiceResult<PathBuf> {
    let session = admin.session();
    if !path.is_file() {
        return Err(ServiceError::key(session.lang(), ErrorCode::Io, "error-file-missing", &[("path", path.display().to_string().into())]));
    }
    admin.store_mut().restore_from(path, passphrase).map_err(|e| session.store_err(&e))
}
