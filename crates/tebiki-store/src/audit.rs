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
    SubmissionHeld,
    SubmissionHeldAccepted,
    SubmissionHeldRejected,
    TrainingResultsImported,
    TrainingResultsRefused,
    ElearningPassed,
    PolicyAcknowledged,
    RemedyProgressRecorded,
}

impl Action {
    pub const ALL: [Action; 30] = [
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
        Action::SubmissionHeld,
        Action::SubmissionHeldAccepted,
        Action::SubmissionHeldRejected,
        Action::TrainingResultsImported,
        Action::TrainingResultsRefused,
        Action::ElearningPassed,
        Action::PolicyAcknowledged,
        Action::RemedyProgressRecorded,
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
            Action::SubmissionHeld => "submission.held",
            Action::SubmissionHeldAccepted => "submission.held-accepted",
            Action::SubmissionHeldRejected => "submission.held-rejected",
            Action::TrainingResultsImported => "training-results.imported",
            Action::TrainingResultsRefused => "training-results.refused",
            Action::ElearningPassed => "elearning.passed",
            Action::PolicyAcknowledged => "policy.acknowledged",
            Action::RemedyProgressRecorded => "remedy.progress-recorded",
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
    for part in [
        seq.to_string().as_bytes(),
        at.as_bytes(),
        mode.as_bytes(),
        action.as_bytes(),
        &tebiki_core::selfcheck::submission::canonical_json(details),
        prev_hash.as_bytes(),
    ] {
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
    let last: Option<(i64, String)> =
        conn.query_row("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?))).optional().map_err(err)?;
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
    /// The chain is intact, but this PC cannot confirm that nothing was cut
    /// off or replaced up to this entry: the desk that keeps the head was
    /// lost (deleted, or the data copied here without it). An exported copy
    /// kept elsewhere can.
    #[ts(type = "number | null")]
    pub unconfirmed: Option<i64>,
    /// "intact", "broken" or "unconfirmed".
    pub status: AuditStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum AuditStatus {
    Intact,
    Broken,
    Unconfirmed,
}

impl AuditVerdict {
    fn new(entries: i64, broken: Option<AuditBreak>, unconfirmed: Option<i64>) -> AuditVerdict {
        let status = match (&broken, unconfirmed) {
            (Some(_), _) => AuditStatus::Broken,
            (None, Some(_)) => AuditStatus::Unconfirmed,
            (None, None) => AuditStatus::Intact,
        };
        AuditVerdict { entries, broken, unconfirmed, status }
    }
}

/// What the desk (desk.db, beside the data) keeps of the chain's end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditTail {
    /// The newest entry seen here: its number and hash.
    pub head: Option<(i64, String)>,
    /// The highest entry number seen (all a desk from before the hash was kept has).
    pub high_water: i64,
    /// The desk started on a chain already this long, whose end it cannot vouch for.
    pub unconfirmed_upto: Option<i64>,
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
    /// The entry this PC recorded as the newest has another hash now: the
    /// end of the chain was replaced (e.g. an older copy of the data put in
    /// place and new entries added until the count matched again).
    Replaced,
}

impl Store {
    /// Records an action that is not itself a database change (a report
    /// exported, a mode entered).
    pub fn audit(&self, action: Action, details: Value) -> Result<i64, StoreError> {
        let seq = append(&self.conn, self.actor, action, details)?;
        self.note_audit_seq(seq);
        Ok(seq)
    }

    /// Keeps the newest entry's number and hash in the desk (best effort:
    /// the desk is a second file; a lost desk is reported by `verify_audit`
    /// as a tail it cannot confirm).
    ///
    /// The head only moves on along the chain it recorded: when the entry it
    /// holds is no longer in the chain (the end was replaced), it stays, so
    /// that `verify_audit` keeps saying so however many entries follow.
    pub(crate) fn note_audit_seq(&self, seq: i64) {
        let Some(desk) = &self.desk else { return };
        if let Ok(AuditTail { head: Some((head, hash)), .. }) = desk.audit_tail() {
            if head >= seq || self.audit_hash(head).ok().as_deref() != Some(hash.as_str()) {
                return;
            }
        }
        if let Ok(hash) = self.audit_hash(seq) {
            let _ = desk.note_audit_head(seq, &hash);
        }
    }

    fn audit_hash(&self, seq: i64) -> Result<String, StoreError> {
        self.conn.query_row("SELECT hash FROM audit_log WHERE seq = ?1", [seq], |r| r.get(0)).map_err(|e| StoreError::sqlite("read the 操作記録", e))
    }

    /// The newest entry (number and hash), if any.
    pub(crate) fn audit_head(&self) -> Result<Option<(i64, String)>, StoreError> {
        self.conn
            .query_row("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(|e| StoreError::sqlite("read the 操作記録", e))
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
        let rows = stmt.query_map((before.unwrap_or(i64::MAX), limit as i64), row_to_entry).map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    /// Every entry, oldest first (for export and verification).
    pub fn all_audit_entries(&self) -> Result<Vec<AuditEntry>, StoreError> {
        let err = |e| StoreError::sqlite("read the 操作記録", e);
        let mut stmt = self.conn.prepare("SELECT seq, at, mode, action, details, prev_hash, hash FROM audit_log ORDER BY seq").map_err(err)?;
        let rows = stmt.query_map([], row_to_entry).map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    /// Checks the chain, and that its end is the one the desk recorded
    /// (number and hash). Without a desk the end cannot be confirmed.
    pub fn verify_audit(&self) -> Result<AuditVerdict, StoreError> {
        let entries = self.all_audit_entries()?;
        let tail = match &self.desk {
            Some(desk) => desk.audit_tail()?,
            None => AuditTail::default(),
        };
        Ok(verify_entries(&entries, &tail))
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

/// Walks the chain from the first entry, then compares its end with what
/// the desk recorded: the head's number (entries cut off) and its hash
/// (the end replaced, even when the count has caught up again).
pub fn verify_entries(entries: &[AuditEntry], tail: &AuditTail) -> AuditVerdict {
    let n = entries.len() as i64;
    let broken = |seq, reason| AuditVerdict::new(n, Some(AuditBreak { seq, reason }), None);
    let mut prev = GENESIS.to_owned();
    for (i, e) in entries.iter().enumerate() {
        let expected_seq = i as i64 + 1;
        if e.seq != expected_seq || e.prev_hash != prev {
            return broken(expected_seq, AuditBreakReason::Missing);
        }
        if entry_hash(e.seq, &e.at, &e.mode, &e.action, &e.details, &e.prev_hash) != e.hash {
            return broken(e.seq, AuditBreakReason::Edited);
        }
        prev = e.hash.clone();
    }
    match &tail.head {
        Some((seq, _)) if *seq > n => return broken(n + 1, AuditBreakReason::Truncated),
        Some((seq, hash)) if *seq >= 1 && entries[(*seq - 1) as usize].hash != *hash => return broken(*seq, AuditBreakReason::Replaced),
        Some(_) => {}
        // A desk from before the hash was kept: the count is all it has.
        None if tail.high_water > n => return broken(n + 1, AuditBreakReason::Truncated),
        None if tail.high_water > 0 => {}
        // No desk, or a new one that has not recorded anything yet.
        None if n > 0 => return AuditVerdict::new(n, None, Some(n)),
        None => {}
    }
    AuditVerdict::new(n, None, tail.unconfirmed_upto)
}
