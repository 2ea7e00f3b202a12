//! The 操作記録: an append-only, hash-chained record of every administrative
//! change (神戸市 対策基準 4.4 and 8.1.7 ask for records and logs).
//!
//! Each entry's hash covers its own fields and the previous entry's hash, so
//! editing or deleting an entry breaks the chain from there on; triggers make
//! the table refuse UPDATE and DELETE. What the chain cannot stop — someone who
//! holds the passphrase rewriting the whole chain with their own tool — an
//! exported copy kept elsewhere shows (SECURITY.md).

use crate::{Store, StoreError};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};
use ts_rs::TS;

/// Who made a change: the app in 管理者モード or 職員モード, or the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Actor {
    Admin,
    Staff,
    Cli,
}

impl Actor {
    pub fn as_str(self) -> &'static str {
        match self {
            Actor::Admin => "admin",
            Actor::Staff => "staff",
            Actor::Cli => "cli",
        }
    }
}

/// What was done. The codes are stored and exported: never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    PassphraseSet,
    PassphraseChanged,
    ModeEntered,
    ModeLeft,
    RosterImported,
    RolesSet,
    DepartmentSaved,
    DepartmentShown,
    DepartmentHidden,
    CourseAdded,
    CourseRemoved,
    SessionRecorded,
    SubmissionImported,
    SubmissionRefused,
    ReportExported,
    PersonalDataExported,
    PackImported,
    BackupMade,
    BackupRestored,
    DemoCreated,
    SelfcheckSubmitted,
    SelfcheckReopened,
}

impl Action {
    pub const ALL: [Action; 22] = [
        Action::PassphraseSet,
        Action::PassphraseChanged,
        Action::ModeEntered,
        Action::ModeLeft,
        Action::RosterImported,
        Action::RolesSet,
        Action::DepartmentSaved,
        Action::DepartmentShown,
        Action::DepartmentHidden,
        Action::CourseAdded,
        Action::CourseRemoved,
        Action::SessionRecorded,
        Action::SubmissionImported,
        Action::SubmissionRefused,
        Action::ReportExported,
        Action::PersonalDataExported,
        Action::PackImported,
        Action::BackupMade,
        Action::BackupRestored,
        Action::DemoCreated,
        Action::SelfcheckSubmitted,
        Action::SelfcheckReopened,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Action::PassphraseSet => "passphrase.set",
            Action::PassphraseChanged => "passphrase.changed",
            Action::ModeEntered => "mode.entered",
            Action::ModeLeft => "mode.left",
            Action::RosterImported => "roster.imported",
            Action::RolesSet => "roles.set",
            Action::DepartmentSaved => "department.saved",
            Action::DepartmentShown => "department.shown",
            Action::DepartmentHidden => "department.hidden",
            Action::CourseAdded => "course.added",
            Action::CourseRemoved => "course.removed",
            Action::SessionRecorded => "session.recorded",
            Action::SubmissionImported => "submission.imported",
            Action::SubmissionRefused => "submission.refused",
            Action::ReportExported => "report.exported",
            Action::PersonalDataExported => "personal-data.exported",
            Action::PackImported => "pack.imported",
            Action::BackupMade => "backup.made",
            Action::BackupRestored => "backup.restored",
            Action::DemoCreated => "demo.created",
            Action::SelfcheckSubmitted => "selfcheck.submitted",
            Action::SelfcheckReopened => "selfcheck.reopened",
        }
    }

    pub fn from_code(code: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// One entry as stored.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub seq: i64,
    /// ISO 8601 with the local offset.
    pub at: String,
    pub mode: String,
    /// `Action::code`.
    pub action: String,
    /// The facts of the change (counts, names, file names) as a JSON object;
    /// the screen and the export write them into a sentence.
    #[ts(type = "Record<string, string | number>")]
    pub details: Value,
    pub prev_hash: String,
    pub hash: String,
}

const GENESIS: &str = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

/// The entry's hash: SHA-256 over its fields, one per line, and the
/// previous hash. `details` is hashed in canonical JSON (sorted keys), so
/// the same facts always hash the same.
pub fn entry_hash(seq: i64, at: &str, mode: &str, action: &str, details: &Value, prev_hash: &str) -> String {
    let mut h = Sha256::new();
    for part in [seq.to_string().as_bytes(), at.as_bytes(), mode.as_bytes(), action.as_bytes(), &tebiki_core::selfcheck::submission::canonical_json(details), prev_hash.as_bytes()] {
        h.update(part);
        h.update(b"\n");
    }
    let digest = h.finalize();
    let mut s = String::from("sha256:");
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

fn local_now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// Appends an entry on `conn` — inside the caller's transaction when there
/// is one, so the change and its record commit together or not at all.
pub(crate) fn append(conn: &Connection, actor: Actor, action: Action, details: Value) -> Result<i64, StoreError> {
    let err = |e| StoreError::sqlite("write the 操作記録", e);
    let last: Option<(i64, String)> = conn
        .query_row("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .map_err(err)?;
    let (seq, prev) = match last {
        Some((s, h)) => (s + 1, h),
        None => (1, GENESIS.to_owned()),
    };
    let at = local_now();
    let details = if details.is_object() { details } else { serde_json::json!({}) };
    let hash = entry_hash(seq, &at, actor.as_str(), action.code(), &details, &prev);
    conn.execute(
        "INSERT INTO audit_log(seq, at, mode, action, details, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        (seq, &at, actor.as_str(), action.code(), details.to_string(), &prev, &hash),
    )
    .map_err(err)?;
    Ok(seq)
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AuditVerdict {
    #[ts(type = "number")]
    pub entries: i64,
    /// The first entry that does not match the chain, and why; None when
    /// the whole chain is intact.
    pub broken: Option<AuditBreak>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AuditBreak {
    #[ts(type = "number")]
    pub seq: i64,
    pub reason: AuditBreakReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum AuditBreakReason {
    /// The entry's fields do not give its hash: it was edited.
    Edited,
    /// The entry does not point at the one before it, or numbers are missing:
    /// entries were deleted or inserted.
    Missing,
    /// Fewer entries than this PC has seen: the end was cut off.
    Truncated,
}

impl Store {
    /// Records an action that is not itself a database change (a report
    /// exported, a mode entered).
    pub fn audit(&self, action: Action, details: Value) -> Result<i64, StoreError> {
        let seq = append(&self.conn, self.actor, action, details)?;
        self.note_audit_seq(seq);
        Ok(seq)
    }

    /// Keeps the desk's high-water mark of entries (best effort: the desk
    /// is a second file, and a lost mark only weakens the truncation check).
    pub(crate) fn note_audit_seq(&self, seq: i64) {
        if let Some(desk) = &self.desk {
            let _ = desk.raise_audit_high_water(seq);
        }
    }

    /// The newest entries first; `before` pages back.
    pub fn audit_entries(&self, before: Option<i64>, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        let err = |e| StoreError::sqlite("read the 操作記録", e);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT seq, at, mode, action, details, prev_hash, hash FROM audit_log
                 WHERE seq < ?1 ORDER BY seq DESC LIMIT ?2",
            )
            .map_err(err)?;
        let rows = stmt
            .query_map((before.unwrap_or(i64::MAX), limit as i64), row_to_entry)
            .map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    /// Every entry, oldest first (for export and verification).
    pub fn all_audit_entries(&self) -> Result<Vec<AuditEntry>, StoreError> {
        let err = |e| StoreError::sqlite("read the 操作記録", e);
        let mut stmt = self
            .conn
            .prepare("SELECT seq, at, mode, action, details, prev_hash, hash FROM audit_log ORDER BY seq")
            .map_err(err)?;
        let rows = stmt.query_map([], row_to_entry).map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    /// Checks the chain, and that it is not shorter than the desk has seen.
    pub fn verify_audit(&self) -> Result<AuditVerdict, StoreError> {
        let entries = self.all_audit_entries()?;
        let high_water = self.desk.as_ref().and_then(|d| d.audit_high_water().ok()).unwrap_or(0);
        Ok(verify_entries(&entries, high_water))
    }
}

fn row_to_entry(r: &rusqlite::Row) -> rusqlite::Result<AuditEntry> {
    let details: String = r.get(4)?;
    Ok(AuditEntry {
        seq: r.get(0)?,
        at: r.get(1)?,
        mode: r.get(2)?,
        action: r.get(3)?,
        details: serde_json::from_str(&details).unwrap_or(Value::Null),
        prev_hash: r.get(5)?,
        hash: r.get(6)?,
    })
}

/// Walks the chain from the first entry. `high_water`: the highest entry
/// number known to have existed (0 when unknown).
pub fn verify_entries(entries: &[AuditEntry], high_water: i64) -> AuditVerdict {
    let mut prev = GENESIS.to_owned();
    for (i, e) in entries.iter().enumerate() {
        let expected_seq = i as i64 + 1;
        if e.seq != expected_seq || e.prev_hash != prev {
            return AuditVerdict { entries: entries.len() as i64, broken: Some(AuditBreak { seq: expected_seq, reason: AuditBreakReason::Missing }) };
        }
        if entry_hash(e.seq, &e.at, &e.mode, &e.action, &e.details, &e.prev_hash) != e.hash {
            return AuditVerdict { entries: entries.len() as i64, broken: Some(AuditBreak { seq: e.seq, reason: AuditBreakReason::Edited }) };
        }
        prev = e.hash.clone();
    }
    let n = entries.len() as i64;
    if high_water > n {
        return AuditVerdict { entries: n, broken: Some(AuditBreak { seq: n + 1, reason: AuditBreakReason::Truncated }) };
    }
    AuditVerdict { entries: n, broken: None }
}

/// One entry as the 操作記録 screen shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuditRow {
    pub entry: AuditEntry,
    pub summary: String,
    pub mode_label: String,
}

impl AuditRow {
    pub fn new(lang: tebiki_core::settings::Language, entry: AuditEntry) -> AuditRow {
        AuditRow { summary: describe(lang, &entry), mode_label: mode_label(lang, &entry.mode), entry }
    }
}

/// The entry as a sentence in `lang` ("名簿を取り込みました（追加 3 名…）").
pub fn describe(lang: tebiki_core::settings::Language, e: &AuditEntry) -> String {
    let key = format!("audit-{}", e.action.replace('.', "-"));
    let mut args: Vec<(&str, tebiki_i18n::Arg)> = Vec::new();
    if let Value::Object(map) = &e.details {
        for (k, v) in map {
            let arg = match v {
                Value::Number(n) => tebiki_i18n::Arg::from(n.as_i64().unwrap_or_default()),
                Value::String(s) => tebiki_i18n::Arg::from(s.as_str()),
                other => tebiki_i18n::Arg::from(other.to_string()),
            };
            args.push((k.as_str(), arg));
        }
    }
    tebiki_i18n::tr_args(lang, &key, &args)
}

/// The mode as a word in `lang` (管理者モード / 職員モード / コマンド).
pub fn mode_label(lang: tebiki_core::settings::Language, mode: &str) -> String {
    tebiki_i18n::tr(lang, &format!("audit-mode-{mode}"))
}

/// The whole 操作記録 as CSV for Excel: number, time, mode, action code,
/// what was done, and the chain's hashes (so a printed or archived copy can
/// later be compared with the database).
pub fn audit_csv(lang: tebiki_core::settings::Language, entries: &[AuditEntry], shift_jis: bool) -> Vec<u8> {
    let mut w = tebiki_core::excel_csv::writer();
    let header: Vec<String> = ["seq", "at", "mode", "action", "summary", "prev-hash", "hash"]
        .iter()
        .map(|k| tebiki_i18n::tr(lang, &format!("audit-column-{k}")))
        .collect();
    let _ = w.write_record(&header);
    for e in entries {
        let _ = w.write_record([e.seq.to_string(), e.at.clone(), mode_label(lang, &e.mode), e.action.clone(), describe(lang, e), e.prev_hash.clone(), e.hash.clone()]);
    }
    tebiki_core::excel_csv::finish(w, shift_jis)
}
