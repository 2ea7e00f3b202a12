//! 自己点検 in the database: answers saved as they are typed, submissions and their versions.
//!
//! - A draft (回答中) is one row per respondent + role + 年度 and one row per
//!   item. `save_answer` is one small transaction: once it returns, the answer
//!   is in the WAL, so killing the app (or the PC losing the process) loses
//!   nothing saved. (With `synchronous = NORMAL` a power cut may lose the last
//!   few transactions, never corrupt the file.)
//! - Submitting validates the draft (answers.rs), writes a locked submission
//!   and removes the draft, in one transaction. A correction (修正) is a new
//!   draft from the latest submission that becomes version n+1; old versions
//!   stay as history.
//! - Submission files from other PCs are imported into the same table
//!   (source = imported, `selfcheck_submissions.rs`) with their digest: the same file twice is reported as
//!   a duplicate, an older version than the one present is kept as history.

use crate::error::{err, now};
use crate::selfcheck_submissions::{insert_submission, latest_id, load_submission, submission_answers};
use crate::{Store, StoreError};
use rusqlite::{OptionalExtension, Transaction};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use tebiki_core::message::Message;
use tebiki_core::selfcheck::answers::{problems, Answer, ItemAnswer, ItemProblems};
use tebiki_core::selfcheck::submission::{self, PackRef, Respondent, Submission, SubmittedAnswer, WriteError};
use ts_rs::TS;

/// What starting an inspection needs.
#[derive(Debug, Clone)]
pub struct NewInspection<'a> {
    pub year: i32,
    /// The pack's role id and name.
    pub role: &'a str,
    pub role_name: &'a str,
    pub respondent: &'a Respondent,
    pub pack: &'a PackRef,
    /// The questionnaire's items: answers pre-filled from the previous 年度
    /// are copied only for these.
    pub item_ids: &'a [String],
    /// Pre-fill from the previous 年度's latest submission of the same
    /// respondent and role (every copied item is marked 要再確認).
    pub prefill: bool,
    /// 代理入力 from a paper 点検票: the submission will be marked 紙で提出.
    pub on_paper: bool,
}

/// A draft being answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct Inspection {
    #[ts(type = "number")]
    pub id: i64,
    pub year: i32,
    pub role: String,
    pub role_name: String,
    pub respondent: Respondent,
    pub pack: PackRef,
    /// The version submitting will create (1, or n+1 for a correction).
    pub version: u32,
    /// The 年度 whose answers were copied in, if any.
    pub prefilled_from: Option<i32>,
    /// RFC 3339
    pub started_at: String,
    pub updated_at: String,
    pub answers: Vec<ItemAnswer>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum SubmissionSource {
    /// Answered and submitted on this PC.
    Local,
    /// Imported from a submission file.
    Imported,
}

impl SubmissionSource {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            SubmissionSource::Local => "local",
            SubmissionSource::Imported => "imported",
        }
    }
}

/// A stored submission without its answers (lists and history).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SubmissionSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub year: i32,
    pub role: String,
    pub role_name: String,
    pub respondent: Respondent,
    pub version: u32,
    pub pack: PackRef,
    pub started_at: String,
    pub submitted_at: String,
    pub source: SubmissionSource,
    pub file_name: Option<String>,
    pub digest: String,
    /// When this database recorded it (RFC 3339).
    pub recorded_at: String,
    /// Items answered.
    pub items: usize,
    /// 紙で提出: typed in by the 管理者 from a paper 点検票 (代理入力).
    pub on_paper: bool,
}

/// What importing one verified file did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case", tag = "status")]
pub enum ImportOutcome {
    /// Stored; it is now the respondent's current submission for the role and 年度.
    Imported { version: u32 },
    /// This very file (same digest) is already here: nothing changed.
    Duplicate { version: u32 },
    /// Stored as history: a newer version is already here and stays current.
    Superseded { version: u32, current_version: u32 },
    /// Not stored as a submission: its version is not the next one for that
    /// person, role and 年度 (a digest can be recomputed by anyone, so a high
    /// version number proves nothing). Held for the 管理者's decision
    /// (`Store::accept_held` / `reject_held`).
    Held {
        version: u32,
        expected_version: u32,
        #[ts(type = "number")]
        held_id: i64,
    },
}

impl ImportOutcome {
    pub fn status(&self) -> &'static str {
        match self {
            ImportOutcome::Imported { .. } => "imported",
            ImportOutcome::Duplicate { .. } => "duplicate",
            ImportOutcome::Superseded { .. } => "superseded",
            ImportOutcome::Held { .. } => "held",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SelfcheckError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("self-inspection draft {id} does not exist (submitted or never started)")]
    NoDraft { id: i64 },
    #[error("{employee_no} already submitted {role} for {year} (version {version}); reopen it for correction")]
    AlreadySubmitted { year: i32, employee_no: String, role: String, version: u32 },
    #[error("{employee_no} has not submitted {role} for {year}: nothing to correct")]
    NothingSubmitted { year: i32, employee_no: String, role: String },
    #[error("{} item(s) still need attention", problems.len())]
    Incomplete { problems: Vec<ItemProblems> },
    #[error("version {version} of {employee_no}'s {role} for {year} is already here with different contents")]
    Conflict { year: i32, employee_no: String, role: String, version: u32 },
    #[error("the submission is not valid: {0:?}")]
    Invalid(Message),
    #[error("no held submission file has the number {id}")]
    NoHeld { id: i64 },
    #[error(transparent)]
    Write(#[from] WriteError),
}

impl SelfcheckError {
    /// What a user reads: a message key and its arguments.
    pub fn message(&self) -> Message {
        let m = |key: &str| Message::new(key);
        match self {
            SelfcheckError::Store(e) => e.message(),
            SelfcheckError::NoDraft { .. } => m("selfcheck-error-no-draft"),
            SelfcheckError::AlreadySubmitted { year, employee_no, role, version } => {
                m("selfcheck-error-already-submitted").arg("year", year).arg("employee_no", employee_no).arg("role", role).arg("version", version)
            }
            SelfcheckError::NothingSubmitted { year, employee_no, role } => {
                m("selfcheck-error-nothing-submitted").arg("year", year).arg("employee_no", employee_no).arg("role", role)
            }
            SelfcheckError::Incomplete { problems } => m("selfcheck-error-incomplete").arg("count", problems.len()),
            SelfcheckError::Conflict { year, employee_no, role, version } => {
                m("selfcheck-error-conflict").arg("year", year).arg("employee_no", employee_no).arg("role", role).arg("version", version)
            }
            SelfcheckError::Invalid(message) => message.clone(),
            SelfcheckError::NoHeld { id } => m("selfcheck-error-no-held").arg("id", id),
            SelfcheckError::Write(e) => m("error-database").arg("detail", e),
        }
    }
}

/// An answer value read back from the database (the CHECK constraint allows only these).
pub(crate) fn answer_from(s: Option<String>) -> Option<Answer> {
    s.as_deref().and_then(Answer::parse)
}

const DRAFT_COLUMNS: &str =
    "id, year, role, role_name, employee_no, name, dept_code, dept_name, pack_id, pack_version, pack_hash, version, prefilled_from, started_at, updated_at";

fn draft_row(r: &rusqlite::Row) -> rusqlite::Result<Inspection> {
    Ok(Inspection {
        id: r.get(0)?,
        year: r.get(1)?,
        role: r.get(2)?,
        role_name: r.get(3)?,
        respondent: Respondent { employee_no: r.get(4)?, name: r.get(5)?, dept_code: r.get(6)?, dept_name: r.get(7)? },
        pack: PackRef { id: r.get(8)?, version: r.get(9)?, content_hash: r.get(10)? },
        version: r.get(11)?,
        prefilled_from: r.get(12)?,
        started_at: r.get(13)?,
        updated_at: r.get(14)?,
        answers: Vec::new(),
    })
}

fn load_draft(conn: &rusqlite::Connection, id: i64) -> Result<Option<Inspection>, StoreError> {
    let sql = format!("SELECT {DRAFT_COLUMNS} FROM selfcheck_drafts WHERE id = ?1");
    let Some(mut d) = conn.query_row(&sql, [id], draft_row).optional().map_err(err("read draft"))? else {
        return Ok(None);
    };
    let mut stmt = conn
        .prepare_cached("SELECT item_id, answer, comment, remedy, due, reconfirm FROM selfcheck_draft_answers WHERE draft_id = ?1 ORDER BY item_id")
        .map_err(err("read draft answers"))?;
    let rows = stmt
        .query_map([id], |r| {
            Ok(ItemAnswer {
                item_id: r.get(0)?,
                answer: answer_from(r.get(1)?),
                comment: r.get(2)?,
                remedy: r.get(3)?,
                due: r.get(4)?,
                reconfirm: r.get::<_, i64>(5)? != 0,
            })
        })
        .map_err(err("read draft answers"))?;
    d.answers = rows.collect::<Result<_, _>>().map_err(err("read draft answers"))?;
    Ok(Some(d))
}

fn draft_id_for(conn: &rusqlite::Connection, year: i32, employee_no: &str, role: &str) -> Result<Option<i64>, StoreError> {
    conn.query_row("SELECT id FROM selfcheck_drafts WHERE year = ?1 AND employee_no = ?2 AND role = ?3", (year, employee_no, role), |r| r.get(0))
        .optional()
        .map_err(err("read draft"))
}

/// The fixed part of a draft: who answers which questionnaire.
struct DraftHeader<'a> {
    year: i32,
    role: &'a str,
    role_name: &'a str,
    respondent: &'a Respondent,
    pack: &'a PackRef,
    version: u32,
    prefilled_from: Option<i32>,
}

/// Creates a draft row (inside the caller's transaction) and returns its id.
fn insert_draft(tx: &Transaction, h: &DraftHeader) -> Result<i64, StoreError> {
    let (who, pack) = (h.respondent, h.pack);
    tx.execute(
        &format!("INSERT INTO selfcheck_drafts({DRAFT_COLUMNS}) VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)"),
        rusqlite::params![
            h.year,
            h.role,
            h.role_name,
            who.employee_no,
            who.name,
            who.dept_code,
            who.dept_name,
            pack.id,
            pack.version,
            pack.content_hash,
            h.version,
            h.prefilled_from,
            now()
        ],
    )
    .map_err(err("start inspection"))?;
    Ok(tx.last_insert_rowid())
}

fn insert_draft_answers(tx: &Transaction, draft_id: i64, answers: &[ItemAnswer]) -> Result<(), StoreError> {
    let stamp = now();
    let mut add = tx
        .prepare_cached(
            "INSERT OR REPLACE INTO selfcheck_draft_answers(draft_id, item_id, answer, comment, remedy, due, reconfirm, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .map_err(err("save answer"))?;
    for a in answers {
        add.execute((draft_id, &a.item_id, a.answer.map(Answer::as_str), &a.comment, &a.remedy, &a.due, a.reconfirm as i64, &stamp))
            .map_err(err("save answer"))?;
    }
    Ok(())
}

impl Store {
    /// Starts answering a questionnaire, or returns the draft already being
    /// answered by the same person for the same role and 年度. Refused when
    /// that person already submitted it (a correction is
    /// [`Store::reopen_for_correction`]).
    pub fn start_inspection(&mut self, new: &NewInspection) -> Result<Inspection, SelfcheckError> {
        let who = new.respondent;
        let tx = self.conn.transaction().map_err(err("start inspection"))?;
        let id = match draft_id_for(&tx, new.year, &who.employee_no, new.role)? {
            Some(id) => id,
            None => {
                if let Some((_, version)) = latest_id(&tx, new.year, &who.employee_no, new.role)? {
                    return Err(SelfcheckError::AlreadySubmitted { year: new.year, employee_no: who.employee_no.clone(), role: new.role.to_owned(), version });
                }
                let previous = match new.prefill {
                    true => latest_id(&tx, new.year - 1, &who.employee_no, new.role)?,
                    false => None,
                };
                let header = DraftHeader {
                    year: new.year,
                    role: new.role,
                    role_name: new.role_name,
                    respondent: who,
                    pack: new.pack,
                    version: 1,
                    prefilled_from: previous.map(|_| new.year - 1),
                };
                let id = insert_draft(&tx, &header)?;
                if let Some((prev_id, _)) = previous {
                    let wanted: HashSet<&str> = new.item_ids.iter().map(String::as_str).collect();
                    let copied: Vec<ItemAnswer> = submission_answers(&tx, prev_id)?
                        .into_iter()
                        .filter(|a| wanted.contains(a.item_id.as_str()))
                        .map(|a| ItemAnswer { reconfirm: true, ..a.to_item_answer() })
                        .collect();
                    insert_draft_answers(&tx, id, &copied)?;
                }
                id
            }
        };
        if new.on_paper {
            tx.execute("UPDATE selfcheck_drafts SET on_paper = 1 WHERE id = ?1", [id]).map_err(err("start inspection"))?;
        }
        tx.commit().map_err(err("start inspection"))?;
        self.load_inspection(id)
    }

    /// Saves one item's answer at once, in its own small transaction.
    pub fn save_answer(&mut self, inspection_id: i64, answer: &ItemAnswer) -> Result<(), SelfcheckError> {
        self.save_answers(inspection_id, std::slice::from_ref(answer))
    }

    /// Several answers of one draft in one transaction (a gate and its group).
    pub fn save_answers(&mut self, inspection_id: i64, answers: &[ItemAnswer]) -> Result<(), SelfcheckError> {
        let tx = self.conn.transaction().map_err(err("save answer"))?;
        let touched = tx
            .prepare_cached("UPDATE selfcheck_drafts SET updated_at = ?2 WHERE id = ?1")
            .and_then(|mut s| s.execute((inspection_id, now())))
            .map_err(err("save answer"))?;
        if touched == 0 {
            return Err(SelfcheckError::NoDraft { id: inspection_id });
        }
        insert_draft_answers(&tx, inspection_id, answers)?;
        tx.commit().map_err(err("save answer"))?;
        Ok(())
    }

    pub fn load_inspection(&self, inspection_id: i64) -> Result<Inspection, SelfcheckError> {
        load_draft(&self.conn, inspection_id)?.ok_or(SelfcheckError::NoDraft { id: inspection_id })
    }

    /// The draft of a person for a role and 年度, if one is being answered.
    pub fn find_inspection(&self, year: i32, employee_no: &str, role: &str) -> Result<Option<Inspection>, StoreError> {
        match draft_id_for(&self.conn, year, employee_no, role)? {
            Some(id) => load_draft(&self.conn, id),
            None => Ok(None),
        }
    }

    /// Every draft of a 年度 (without answers), for the 提出状況 screen.
    pub fn inspections(&self, year: i32) -> Result<Vec<Inspection>, StoreError> {
        let sql = format!("SELECT {DRAFT_COLUMNS} FROM selfcheck_drafts WHERE year = ?1 ORDER BY dept_code, employee_no, role");
        let mut stmt = self.conn.prepare(&sql).map_err(err("read drafts"))?;
        let rows = stmt.query_map([year], draft_row).map_err(err("read drafts"))?;
        rows.collect::<Result<_, _>>().map_err(err("read drafts"))
    }

    /// Submits a draft: refused while any item of `item_ids` (the
    /// questionnaire, in order) has a problem. The submission holds the
    /// answers to those items, in that order; the draft is removed.
    pub fn submit(&mut self, inspection_id: i64, item_ids: &[String], submitted_at: &str) -> Result<Submission, SelfcheckError> {
        let tx = self.conn.transaction().map_err(err("submit"))?;
        let draft = load_draft(&tx, inspection_id)?.ok_or(SelfcheckError::NoDraft { id: inspection_id })?;
        let found = problems(item_ids, &draft.answers);
        if !found.is_empty() {
            return Err(SelfcheckError::Incomplete { problems: found });
        }
        let by_id: HashMap<&str, &ItemAnswer> = draft.answers.iter().map(|a| (a.item_id.as_str(), a)).collect();
        let mut seen = HashSet::new();
        let answers = item_ids
            .iter()
            .filter(|id| seen.insert(id.as_str()))
            .filter_map(|id| by_id.get(id.as_str()))
            .filter_map(|a| {
                let answer = a.answer?;
                let due = a.due.as_deref().map(str::trim).filter(|d| !d.is_empty()).map(str::to_owned);
                Some(SubmittedAnswer { item_id: a.item_id.clone(), answer, comment: a.comment.clone(), remedy: a.remedy.trim().to_owned(), due })
            })
            .collect();
        let s = Submission {
            pack: draft.pack,
            year: draft.year,
            role: draft.role,
            role_name: draft.role_name,
            respondent: draft.respondent,
            version: draft.version,
            started_at: draft.started_at,
            submitted_at: submitted_at.to_owned(),
            answers,
            progress: Vec::new(),
        };
        // A correction keeps where the 改善策 stood, for those it still has.
        let mut s = s;
        if let Some((latest, _)) = latest_id(&tx, s.year, &s.respondent.employee_no, &s.role)? {
            let before = crate::selfcheck_submissions::submission_progress(&tx, latest)?;
            s.progress = before.into_iter().filter(|p| s.answers.iter().any(|a| a.item_id == p.item_id && !a.remedy.is_empty())).collect();
        }
        submission::validate(&s).map_err(SelfcheckError::Invalid)?;
        if let Some((_, current)) = latest_id(&tx, s.year, &s.respondent.employee_no, &s.role)? {
            if current >= s.version {
                // A file from another PC was imported while this was being answered.
                return Err(SelfcheckError::Conflict { year: s.year, employee_no: s.respondent.employee_no, role: s.role, version: s.version });
            }
        }
        let digest = submission::digest(&s)?;
        let id = insert_submission(&tx, &s, SubmissionSource::Local, None, &digest)?;
        let on_paper: bool =
            tx.query_row("SELECT on_paper FROM selfcheck_drafts WHERE id = ?1", [inspection_id], |r| r.get::<_, i64>(0)).map_err(err("submit"))? != 0;
        if on_paper {
            tx.execute("UPDATE selfcheck_submissions SET on_paper = 1 WHERE id = ?1", [id]).map_err(err("submit"))?;
        }
        tx.execute("DELETE FROM selfcheck_drafts WHERE id = ?1", [inspection_id]).map_err(err("submit"))?;
        let details = serde_json::json!({ "employee_no": s.respondent.employee_no, "year": s.year, "role": s.role_name, "version": s.version, "paper": if on_paper { "yes" } else { "no" } });
        let seq = crate::audit::append(&tx, self.actor, crate::Action::SelfcheckSubmitted, details)?;
        tx.commit().map_err(err("submit"))?;
        self.note_audit_seq(seq);
        Ok(s)
    }

    /// Opens the latest submission for correction: a new draft holding its
    /// answers that will become version n+1 (the submitted versions stay).
    /// The draft already open for it is returned as it is. `pack` is the pack
    /// installed now: the correction answers against it.
    pub fn reopen_for_correction(&mut self, year: i32, employee_no: &str, role: &str, pack: &PackRef) -> Result<Inspection, SelfcheckError> {
        let tx = self.conn.transaction().map_err(err("reopen"))?;
        let (id, seq) = match draft_id_for(&tx, year, employee_no, role)? {
            Some(id) => (id, None),
            None => {
                let (latest, _) = latest_id(&tx, year, employee_no, role)?.ok_or_else(|| SelfcheckError::NothingSubmitted {
                    year,
                    employee_no: employee_no.to_owned(),
                    role: role.to_owned(),
                })?;
                let s = load_submission(&tx, latest)?.ok_or_else(|| SelfcheckError::NothingSubmitted {
                    year,
                    employee_no: employee_no.to_owned(),
                    role: role.to_owned(),
                })?;
                let header = DraftHeader { year, role, role_name: &s.role_name, respondent: &s.respondent, pack, version: s.version + 1, prefilled_from: None };
                let id = insert_draft(&tx, &header)?;
                let answers: Vec<ItemAnswer> = s.answers.iter().map(SubmittedAnswer::to_item_answer).collect();
                insert_draft_answers(&tx, id, &answers)?;
                let details = serde_json::json!({ "employee_no": employee_no, "year": year, "role": s.role_name, "version": s.version + 1 });
                (id, Some(crate::audit::append(&tx, self.actor, crate::Action::SelfcheckReopened, details)?))
            }
        };
        tx.commit().map_err(err("reopen"))?;
        if let Some(seq) = seq {
            self.note_audit_seq(seq);
        }
        self.load_inspection(id)
    }
}

#[cfg(test)]
mod tests;
