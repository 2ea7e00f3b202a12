//! Submission files held for the 管理者's decision.
//!
//! A submission's digest is a checksum, not a signature: anyone can edit a
//! file and recompute it. So a file whose `version` skips ahead of the next
//! one for that person, role and 年度 (say version 99 after version 1) is not
//! made current — it would pin the person's answers and turn their real next
//! version into 旧版. It waits here, with its reason, until the 管理者 accepts
//! it (it is then stored as if imported) or rejects it (it is dropped). Each
//! step is in the 操作記録.

use crate::audit::{append, Action, Actor};
use crate::error::{err, now};
use crate::selfcheck_submissions::{insert_submission, latest_id, refuse_taken_version};
use crate::{ImportOutcome, SelfcheckError, Store, StoreError, SubmissionSource};
use rusqlite::{OptionalExtension, Transaction};
use serde::Serialize;
use tebiki_core::message::Message;
use tebiki_core::selfcheck::submission::{Respondent, Submission};
use ts_rs::TS;

/// One held file, as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct HeldSubmission {
    #[ts(type = "number")]
    pub id: i64,
    pub file_name: String,
    pub year: i32,
    pub role: String,
    pub role_name: String,
    pub respondent: Respondent,
    pub version: u32,
    /// The version that would be next now (it may have moved since the file was held).
    pub expected_version: u32,
    /// The person's current version for the role and 年度, if any.
    pub current_version: Option<u32>,
    pub digest: String,
    /// RFC 3339
    pub held_at: String,
    /// `selfcheck-held-reason` (version, expected).
    pub reason: Message,
}

/// The reason shown for a held file.
pub fn held_reason(version: u32, expected: u32) -> Message {
    Message::new("selfcheck-held-reason").arg("version", version).arg("expected", expected)
}

/// Holds `s` inside the import's transaction; the same file held before is
/// reported again without a second row or entry. Returns the outcome and the
/// 操作記録 entry written, if any.
pub(crate) fn hold(
    tx: &Transaction,
    actor: Actor,
    s: &Submission,
    digest: &str,
    file_name: &str,
    expected: u32,
) -> Result<(ImportOutcome, Option<i64>), StoreError> {
    let held: Option<i64> =
        tx.query_row("SELECT id FROM selfcheck_held WHERE digest = ?1", [digest], |r| r.get(0)).optional().map_err(err("hold submission"))?;
    if let Some(held_id) = held {
        return Ok((ImportOutcome::Held { version: s.version, expected_version: expected, held_id }, None));
    }
    let json = serde_json::to_string(s).map_err(|e| StoreError::sqlite("hold submission", rusqlite::Error::ToSqlConversionFailure(Box::new(e))))?;
    tx.execute(
        "INSERT INTO selfcheck_held(year, employee_no, role, version, expected_version, file_name, digest, submission, held_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        (s.year, &s.respondent.employee_no, &s.role, s.version, expected, file_name, digest, &json, now()),
    )
    .map_err(err("hold submission"))?;
    let held_id = tx.last_insert_rowid();
    let seq = append(
        tx,
        actor,
        Action::SubmissionHeld,
        serde_json::json!({
            "file": file_name, "employee_no": s.respondent.employee_no, "role": s.role, "year": s.year,
            "version": s.version, "expected": expected, "held_id": held_id,
        }),
    )?;
    Ok((ImportOutcome::Held { version: s.version, expected_version: expected, held_id }, Some(seq)))
}

struct HeldRow {
    id: i64,
    file_name: String,
    digest: String,
    held_at: String,
    submission: Submission,
}

fn held_rows(conn: &rusqlite::Connection, id: Option<i64>) -> Result<Vec<HeldRow>, StoreError> {
    let mut stmt = conn
        .prepare(
            "SELECT id, file_name, digest, held_at, submission FROM selfcheck_held WHERE ?1 IS NULL OR id = ?1 ORDER BY year, employee_no, role, version, id",
        )
        .map_err(err("read held submissions"))?;
    let rows = stmt
        .query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get::<_, String>(4)?)))
        .map_err(err("read held submissions"))?;
    let mut out = Vec::new();
    for row in rows {
        let (id, file_name, digest, held_at, json) = row.map_err(err("read held submissions"))?;
        // Written by `hold` from a verified submission; a row that no longer
        // reads is skipped rather than hiding the others.
        if let Ok(submission) = serde_json::from_str(&json) {
            out.push(HeldRow { id, file_name, digest, held_at, submission });
        }
    }
    Ok(out)
}

impl Store {
    /// Every held submission file, with the version that would be next now.
    pub fn held_submissions(&self) -> Result<Vec<HeldSubmission>, StoreError> {
        let mut out = Vec::new();
        for h in held_rows(&self.conn, None)? {
            let s = &h.submission;
            let current = latest_id(&self.conn, s.year, &s.respondent.employee_no, &s.role)?.map(|(_, v)| v);
            let expected = current.unwrap_or(0) + 1;
            out.push(HeldSubmission {
                id: h.id,
                file_name: h.file_name,
                year: s.year,
                role: s.role.clone(),
                role_name: s.role_name.clone(),
                respondent: s.respondent.clone(),
                version: s.version,
                expected_version: expected,
                current_version: current,
                digest: h.digest,
                held_at: h.held_at,
                reason: held_reason(s.version, expected),
            });
        }
        Ok(out)
    }

    /// The 管理者 accepts a held file: it is stored as an imported
    /// submission (current when its version is the highest), and leaves the
    /// held list. Refused as a conflict when that version is here already.
    pub fn accept_held(&mut self, id: i64) -> Result<ImportOutcome, SelfcheckError> {
        let tx = self.conn.transaction().map_err(err("accept held submission"))?;
        let h = held_rows(&tx, Some(id))?.pop().ok_or(SelfcheckError::NoHeld { id })?;
        let s = &h.submission;
        let who = &s.respondent.employee_no;
        let same: Option<u32> = tx
            .query_row("SELECT version FROM selfcheck_submissions WHERE digest = ?1", [&h.digest], |r| r.get(0))
            .optional()
            .map_err(err("accept held submission"))?;
        let outcome = if let Some(version) = same {
            ImportOutcome::Duplicate { version }
        } else {
            refuse_taken_version(&tx, s)?;
            let current = latest_id(&tx, s.year, who, &s.role)?.map(|(_, v)| v);
            insert_submission(&tx, s, SubmissionSource::Imported, Some(&h.file_name), &h.digest)?;
            match current {
                Some(current_version) if current_version > s.version => ImportOutcome::Superseded { version: s.version, current_version },
                _ => ImportOutcome::Imported { version: s.version },
            }
        };
        tx.execute("DELETE FROM selfcheck_held WHERE id = ?1", [id]).map_err(err("accept held submission"))?;
        let seq = append(
            &tx,
            self.actor,
            Action::SubmissionHeldAccepted,
            serde_json::json!({ "file": h.file_name, "employee_no": who, "role": s.role, "year": s.year, "version": s.version, "held_id": id }),
        )?;
        tx.commit().map_err(err("accept held submission"))?;
        self.note_audit_seq(seq);
        Ok(outcome)
    }

    /// The 管理者 rejects a held file: it is dropped (the file itself is
    /// wherever it came from); the 操作記録 keeps what it was.
    pub fn reject_held(&mut self, id: i64) -> Result<HeldSubmission, SelfcheckError> {
        let listed = self.held_submissions()?.into_iter().find(|h| h.id == id).ok_or(SelfcheckError::NoHeld { id })?;
        let tx = self.conn.transaction().map_err(err("reject held submission"))?;
        tx.execute("DELETE FROM selfcheck_held WHERE id = ?1", [id]).map_err(err("reject held submission"))?;
        let seq = append(
            &tx,
            self.actor,
            Action::SubmissionHeldRejected,
            serde_json::json!({
                "file": listed.file_name, "employee_no": listed.respondent.employee_no, "role": listed.role,
                "year": listed.year, "version": listed.version, "digest": listed.digest, "held_id": id,
            }),
        )?;
        tx.commit().map_err(err("reject held submission"))?;
        self.note_audit_seq(seq);
        Ok(listed)
    }
}
