//! The 操作記録 (管理者モード): reading, verifying, exporting; and backups.

use crate::access::Admin;
use crate::error::{ErrorCode, ServiceError, ServiceResult};
use crate::files::ExportKind;
use serde::Serialize;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tebiki_core::settings::Language;
use tebiki_i18n::Arg;
use tebiki_store::{Action, AuditEntry, AuditVerdict};
use ts_rs::TS;

/// An entry as the 操作記録 screen shows it: with its sentence and mode in
/// the reader's language.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuditRow {
    pub entry: AuditEntry,
    pub summary: String,
    pub mode_label: String,
}

impl AuditRow {
    pub fn new(lang: Language, entry: AuditEntry) -> AuditRow {
        AuditRow { summary: describe(lang, &entry), mode_label: mode_label(lang, &entry.mode), entry }
    }
}

/// The entry as a sentence in `lang` ("名簿を取り込みました（追加 3 名…）"). A
/// detail that is itself a message (a refusal's reason: `{key, args}`) is
/// rendered in `lang` too, whoever recorded it.
pub fn describe(lang: Language, e: &AuditEntry) -> String {
    let mut key = format!("audit-{}", e.action.replace('.', "-"));
    // A restore since issue 13 also records the end of the 操作記録 it replaced.
    if e.action == Action::BackupRestored.code() && e.details.get("replaced_seq").is_some() {
        key.push_str("-replacing");
    }
    let mut args: Vec<(&str, Arg)> = Vec::new();
    if let Value::Object(map) = &e.details {
        for (k, v) in map {
            let arg = match v {
                Value::Number(n) => Arg::from(n.as_i64().unwrap_or_default()),
                Value::String(s) => Arg::from(s.as_str()),
                other => match serde_json::from_value::<tebiki_core::message::Message>(other.clone()) {
                    Ok(m) => Arg::from(tebiki_i18n::tr_message(lang, &m)),
                    Err(_) => Arg::from(other.to_string()),
                },
            };
            args.push((k.as_str(), arg));
        }
    }
    tebiki_i18n::tr_args(lang, &key, &args)
}

/// The mode as a word in `lang` (管理者モード / 職員モード / コマンド).
pub fn mode_label(lang: Language, mode: &str) -> String {
    tebiki_i18n::tr(lang, &format!("audit-mode-{mode}"))
}

/// The whole 操作記録 as CSV for Excel: number, time, mode, action code,
/// what was done, and the chain's hashes (so a printed or archived copy can
/// later be compared with the database).
pub fn audit_csv(lang: Language, entries: &[AuditEntry], shift_jis: bool) -> Vec<u8> {
    let mut w = tebiki_core::excel_csv::writer();
    let header: Vec<String> =
        ["seq", "at", "mode", "action", "summary", "prev-hash", "hash"].iter().map(|k| tebiki_i18n::tr(lang, &format!("audit-column-{k}"))).collect();
    let _ = w.write_record(&header);
    for e in entries {
        let _ = w.write_record([
            e.seq.to_string(),
            e.at.clone(),
            mode_label(lang, &e.mode),
            e.action.clone(),
            describe(lang, e),
            e.prev_hash.clone(),
            e.hash.clone(),
        ]);
    }
    tebiki_core::excel_csv::finish(w, shift_jis)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(action: &str, details: Value) -> AuditEntry {
        AuditEntry {
            seq: 1,
            at: "2025-06-01T09:00:00+09:00".into(),
            mode: "admin".into(),
            action: action.into(),
            hash: tebiki_store::entry_hash(1, "x", "admin", action, &details, "@GENESIS"),
            details,
            prev_hash: "@GENESIS".into(),
        }
    }

    /// Entries read from a database someone edited with a tool: the export
    /// still writes every cell as text for Excel (issue 13, finding 3).
    #[test]
    fn the_audit_csv_neutralises_formulas() {
        let mut e = entry("+department.saved", serde_json::json!({ "code": "A10", "name": "=1+1" }));
        e.at = "=HYPERLINK(\"http://attacker.example/\")".into();
        let bytes = audit_csv(Language::Japanese, &[e], false);
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        let row = text.lines().nth(1).unwrap();
        assert!(row.starts_with("1,\"'=HYPERLINK("), "{row}");
        assert!(row.contains(",'+department.saved,") && row.contains(",'@GENESIS,"), "{row}");
    }

    /// A refusal's reason is kept as its message and read in the reader's
    /// language; one recorded as text before stays as it was.
    #[test]
    fn a_reason_kept_as_a_message_is_shown_in_the_readers_language() {
        let reason = tebiki_core::message::Message::new("selfcheck-import-unreadable").arg("detail", "denied");
        let e = entry("submission.refused", serde_json::json!({ "file": "a.json", "reason": reason }));
        let ja = describe(Language::Japanese, &e);
        let en = describe(Language::English, &e);
        assert!(ja.contains("a.json") && ja.contains("denied") && !ja.contains("\"key\""), "{ja}");
        assert_ne!(ja, en);
        let old = entry("submission.refused", serde_json::json!({ "file": "a.json", "reason": "読めません" }));
        assert!(describe(Language::English, &old).contains("読めません"));
    }
}
