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
//!   (source = imported) with their digest: the same file twice is reported as
//!   a duplicate, an older version than the one present is kept as history.

use crate::error::{err, now};
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
    fn as_str(self) -> &'static str {
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
fn answer_from(s: Option<String>) -> Option<Answer> {
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

/// (id, version) of the latest submission of a respondent + role + 年度.
/// Refused when a different submission of the same respondent, role, 年度
/// and version is already stored (two files claiming one version).
pub(crate) fn refuse_taken_version(conn: &rusqlite::Connection, s: &Submission) -> Result<(), SelfcheckError> {
    let who = &s.respondent.employee_no;
    let taken = conn
        .query_row(
            "SELECT 1 FROM selfcheck_submissions WHERE year = ?1 AND employee_no = ?2 AND role = ?3 AND version = ?4",
            (s.year, who, &s.role, s.version),
            |_| Ok(()),
        )
        .optional()
        .map_err(err("read submissions"))?
        .is_some();
    match taken {
        true => Err(SelfcheckError::Conflict { year: s.year, employee_no: who.clone(), role: s.role.clone(), version: s.version }),
        false => Ok(()),
    }
}

pub(crate) fn latest_id(conn: &rusqlite::Connection, year: i32, employee_no: &str, role: &str) -> Result<Option<(i64, u32)>, StoreError> {
    conn.query_row(
        "SELECT id, version FROM selfcheck_submissions WHERE year = ?1 AND employee_no = ?2 AND role = ?3 ORDER BY version DESC LIMIT 1",
        (year, employee_no, role),
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
    .map_err(err("read submissions"))
}

fn submission_answers(conn: &rusqlite::Connection, id: i64) -> Result<Vec<SubmittedAnswer>, StoreError> {
    let mut stmt = conn
        .prepare_cached("SELECT item_id, answer, comment, remedy, due FROM selfcheck_submission_answers WHERE submission_id = ?1 ORDER BY position")
        .map_err(err("read submission answers"))?;
    let rows = stmt.query_map([id], answer_row).map_err(err("read submission answers"))?;
    let mut out = Vec::new();
    for row in rows {
        if let Some(a) = row.map_err(err("read submission answers"))? {
            out.push(a);
        }
    }
    Ok(out)
}

fn answer_row(r: &rusqlite::Row) -> rusqlite::Result<Option<SubmittedAnswer>> {
    let answer = answer_from(r.get(1)?);
    Ok(match answer {
        Some(answer) => Some(SubmittedAnswer { item_id: r.get(0)?, answer, comment: r.get(2)?, remedy: r.get(3)?, due: r.get(4)? }),
        None => None,
    })
}

const SUBMISSION_COLUMNS: &str =
    "s.id, s.year, s.role, s.role_name, s.employee_no, s.name, s.dept_code, s.dept_name, s.version, s.pack_id, s.pack_version, s.pack_hash,
     s.started_at, s.submitted_at, s.source, s.file_name, s.digest, s.recorded_at,
     (SELECT count(*) FROM selfcheck_submission_answers a WHERE a.submission_id = s.id)";

fn summary_row(r: &rusqlite::Row) -> rusqlite::Result<SubmissionSummary> {
    Ok(SubmissionSummary {
        id: r.get(0)?,
        year: r.get(1)?,
        role: r.get(2)?,
        role_name: r.get(3)?,
        respondent: Respondent { employee_no: r.get(4)?, name: r.get(5)?, dept_code: r.get(6)?, dept_name: r.get(7)? },
        version: r.get(8)?,
        pack: PackRef { id: r.get(9)?, version: r.get(10)?, content_hash: r.get(11)? },
        started_at: r.get(12)?,
        submitted_at: r.get(13)?,
        source: if r.get::<_, String>(14)? == "imported" { SubmissionSource::Imported } else { SubmissionSource::Local },
        file_name: r.get(15)?,
        digest: r.get(16)?,
        recorded_at: r.get(17)?,
        items: r.get::<_, i64>(18)? as usize,
    })
}

fn to_submission(s: SubmissionSummary, answers: Vec<SubmittedAnswer>) -> Submission {
    Submission {
        pack: s.pack,
        year: s.year,
        role: s.role,
        role_name: s.role_name,
        respondent: s.respondent,
        version: s.version,
        started_at: s.started_at,
        submitted_at: s.submitted_at,
        answers,
    }
}

/// Stores a submission and its answers (inside the caller's transaction).
pub(crate) fn insert_submission(tx: &Transaction, s: &Submission, source: SubmissionSource, file_name: Option<&str>, digest: &str) -> Result<i64, StoreError> {
    tx.prepare_cached(
        "INSERT INTO selfcheck_submissions(year, employee_no, role, version, role_name, name, dept_code, dept_name, pack_id, pack_version, pack_hash,
           started_at, submitted_at, source, file_name, digest, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )
    .and_then(|mut stmt| {
        stmt.execute(rusqlite::params![
            s.year,
            s.respondent.employee_no,
            s.role,
            s.version,
            s.role_name,
            s.respondent.name,
            s.respondent.dept_code,
            s.respondent.dept_name,
            s.pack.id,
            s.pack.version,
            s.pack.content_hash,
            s.started_at,
            s.submitted_at,
            source.as_str(),
            file_name,
            digest,
            now(),
        ])
    })
    .map_err(err("save submission"))?;
    let id = tx.last_insert_rowid();
    let mut add = tx
        .prepare_cached(
            "INSERT INTO selfcheck_submission_answers(submission_id, item_id, position, answer, comment, remedy, due) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .map_err(err("save submission answers"))?;
    for (i, a) in s.answers.iter().enumerate() {
        add.execute((id, &a.item_id, i as i64, a.answer.as_str(), &a.comment, &a.remedy, &a.due)).map_err(err("save submission answers"))?;
    }
    Ok(id)
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
        };
        submission::validate(&s).map_err(SelfcheckError::Invalid)?;
        if let Some((_, current)) = latest_id(&tx, s.year, &s.respondent.employee_no, &s.role)? {
            if current >= s.version {
                // A file from another PC was imported while this was being answered.
                return Err(SelfcheckError::Conflict { year: s.year, employee_no: s.respondent.employee_no, role: s.role, version: s.version });
            }
        }
        let digest = submission::digest(&s)?;
        insert_submission(&tx, &s, SubmissionSource::Local, None, &digest)?;
        tx.execute("DELETE FROM selfcheck_drafts WHERE id = ?1", [inspection_id]).map_err(err("submit"))?;
        let details = serde_json::json!({ "employee_no": s.respondent.employee_no, "year": s.year, "role": s.role_name, "version": s.version });
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

    /// The latest version of every submission of a 年度 (without answers).
    pub fn submissions_for_year(&self, year: i32) -> Result<Vec<SubmissionSummary>, StoreError> {
        let sql = format!(
            "SELECT {SUBMISSION_COLUMNS} FROM selfcheck_submissions s
             WHERE s.year = ?1 AND s.version = (SELECT max(version) FROM selfcheck_submissions m
                                                WHERE m.year = s.year AND m.employee_no = s.employee_no AND m.role = s.role)
             ORDER BY s.dept_code, s.employee_no, s.role"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(err("read submissions"))?;
        let rows = stmt.query_map([year], summary_row).map_err(err("read submissions"))?;
        rows.collect::<Result<_, _>>().map_err(err("read submissions"))
    }

    /// The latest version of every submission of a 年度, with answers: what
    /// the 集計 and the export read. Two queries, no per-submission round trip.
    pub fn latest_submissions(&self, year: i32) -> Result<Vec<Submission>, StoreError> {
        let summaries = self.submissions_for_year(year)?;
        let wanted: HashSet<i64> = summaries.iter().map(|s| s.id).collect();
        let mut answers: HashMap<i64, Vec<SubmittedAnswer>> = HashMap::with_capacity(summaries.len());
        let mut stmt = self
            .conn
            .prepare(
                "SELECT a.submission_id, a.item_id, a.answer, a.comment, a.remedy, a.due
                 FROM selfcheck_submission_answers a JOIN selfcheck_submissions s ON s.id = a.submission_id
                 WHERE s.year = ?1 ORDER BY a.submission_id, a.position",
            )
            .map_err(err("read submission answers"))?;
        let mut rows = stmt.query([year]).map_err(err("read submission answers"))?;
        while let Some(r) = rows.next().map_err(err("read submission answers"))? {
            let id: i64 = r.get(0).map_err(err("read submission answers"))?;
            if !wanted.contains(&id) {
                continue; // an older version
            }
            let answer = answer_from(r.get(2).map_err(err("read submission answers"))?);
            if let Some(answer) = answer {
                let get = |i| r.get::<_, String>(i).map_err(err("read submission answers"));
                answers.entry(id).or_default().push(SubmittedAnswer {
                    item_id: get(1)?,
                    answer,
                    comment: get(3)?,
                    remedy: get(4)?,
                    due: r.get(5).map_err(err("read submission answers"))?,
                });
            }
        }
        Ok(summaries
            .into_iter()
            .map(|s| {
                let a = answers.remove(&s.id).unwrap_or_default();
                to_submission(s, a)
            })
            .collect())
    }

    /// Every version of one respondent's submission for a role and 年度, oldest first.
    pub fn submission_history(&self, year: i32, employee_no: &str, role: &str) -> Result<Vec<SubmissionSummary>, StoreError> {
        let sql =
            format!("SELECT {SUBMISSION_COLUMNS} FROM selfcheck_submissions s WHERE s.year = ?1 AND s.employee_no = ?2 AND s.role = ?3 ORDER BY s.version");
        let mut stmt = self.conn.prepare(&sql).map_err(err("read submissions"))?;
        let rows = stmt.query_map((year, employee_no, role), summary_row).map_err(err("read submissions"))?;
        rows.collect::<Result<_, _>>().map_err(err("read submissions"))
    }

    /// One stored submission with its answers.
    pub fn submission(&self, id: i64) -> Result<Option<Submission>, StoreError> {
        load_submission(&self.conn, id)
    }

    /// Imports a verified submission file (`submission::verify`). The same
    /// file twice is a no-op reported as a duplicate; an older version than
    /// the one present is kept as history; a different file claiming a
    /// version already present is refused as a conflict.
    pub fn import_submission(&mut self, s: &Submission, digest: &str, file_name: &str) -> Result<ImportOutcome, SelfcheckError> {
        submission::validate(s).map_err(SelfcheckError::Invalid)?;
        let tx = self.conn.transaction().map_err(err("import submission"))?;
        let same: Option<u32> =
            tx.query_row("SELECT version FROM selfcheck_submissions WHERE digest = ?1", [digest], |r| r.get(0)).optional().map_err(err("import submission"))?;
        if let Some(version) = same {
            return Ok(ImportOutcome::Duplicate { version });
        }
        let who = &s.respondent.employee_no;
        refuse_taken_version(&tx, s)?;
        let current = latest_id(&tx, s.year, who, &s.role)?.map(|(_, v)| v);
        let expected = current.unwrap_or(0) + 1;
        if s.version > expected {
            let (outcome, seq) = crate::selfcheck_held::hold(&tx, self.actor, s, digest, file_name, expected)?;
            tx.commit().map_err(err("import submission"))?;
            if let Some(seq) = seq {
                self.note_audit_seq(seq);
            }
            return Ok(outcome);
        }
        insert_submission(&tx, s, SubmissionSource::Imported, Some(file_name), digest)?;
        let seq = crate::audit::append(
            &tx,
            self.actor,
            crate::Action::SubmissionImported,
            serde_json::json!({ "file": file_name, "employee_no": who, "role": s.role, "year": s.year, "version": s.version }),
        )?;
        tx.commit().map_err(err("import submission"))?;
        self.note_audit_seq(seq);
        Ok(match current {
            Some(current_version) if current_version > s.version => ImportOutcome::Superseded { version: s.version, current_version },
            _ => ImportOutcome::Imported { version: s.version },
        })
    }
}

fn load_submission(conn: &rusqlite::Connection, id: i64) -> Result<Option<Submission>, StoreError> {
    let sql = format!("SELECT {SUBMISSION_COLUMNS} FROM selfcheck_submissions s WHERE s.id = ?1");
    let Some(summary) = conn.query_row(&sql, [id], summary_row).optional().map_err(err("read submission"))? else {
        return Ok(None);
    };
    let answers = submission_answers(conn, id)?;
    Ok(Some(to_submission(summary, answers)))
}

impl Store {
    /// The 集計 of a 年度 for `pack`: active staff, the latest submissions of
    /// the 年度 and of the one before.
    pub fn selfcheck_dashboard(&self, pack: &tebiki_core::pack::Pack, year: i32) -> Result<tebiki_core::selfcheck::dashboard::SelfcheckDashboard, StoreError> {
        self.selfcheck_dashboard_for(pack, year, None)
    }

    /// The same, or with `dept` that of one 所属 alone: the people on the
    /// roster in it and the submissions made for it.
    pub fn selfcheck_dashboard_for(
        &self,
        pack: &tebiki_core::pack::Pack,
        year: i32,
        dept: Option<&str>,
    ) -> Result<tebiki_core::selfcheck::dashboard::SelfcheckDashboard, StoreError> {
        use tebiki_core::selfcheck::dashboard::{dashboard, questionnaires_of, DashboardInput};
        let qs = questionnaires_of(pack);
        let in_dept = |code: &str| dept.is_none_or(|d| d == code);
        let staff: Vec<_> = self.active_staff()?.into_iter().map(|m| m.record).filter(|r| in_dept(&r.dept_code)).collect();
        let depts = self.departments()?;
        let of_year = |y: i32| -> Result<Vec<Submission>, StoreError> {
            Ok(with_roster_departments(self.latest_submissions(y)?, &depts).into_iter().filter(|s| in_dept(&s.respondent.dept_code)).collect())
        };
        let (now, before) = (of_year(year)?, of_year(year - 1)?);
        Ok(dashboard(&DashboardInput { year, staff: &staff, roles: &pack.roles, questionnaires: &qs, submissions: &now, previous: &before }))
    }
}

/// A submission answered on a PC without the roster carries the 所属 as
/// typed (its name, also as the code). When the roster here has a 所属 of
/// that name, count the answers under that 所属's code.
fn with_roster_departments(mut subs: Vec<Submission>, depts: &[crate::Department]) -> Vec<Submission> {
    for s in &mut subs {
        let r = &mut s.respondent;
        if !depts.iter().any(|d| d.code == r.dept_code) {
            if let Some(d) = depts.iter().find(|d| d.name == r.dept_name.trim()) {
                r.dept_code = d.code.clone();
            }
        }
    }
    subs
}

#[cfg(test)]
mod tests {
    mod basics {
        use super::super::*;
        use tebiki_core::selfcheck::answers::AnswerProblem;

        fn pack() -> PackRef {
            PackRef { id: "kobe".into(), version: "2025.1".into(), content_hash: "ab".repeat(32) }
        }

        fn yamada() -> Respondent {
            Respondent { employee_no: "100001".into(), name: "山田 太郎".into(), dept_code: "D001".into(), dept_name: "総務部総務課".into() }
        }

        fn items() -> Vec<String> {
            (1..=5).map(|i| format!("v{i:02}")).collect()
        }

        fn new_inspection<'a>(year: i32, who: &'a Respondent, pack: &'a PackRef, items: &'a [String], prefill: bool) -> NewInspection<'a> {
            NewInspection { year, role: "info-manager", role_name: "情報管理者", respondent: who, pack, item_ids: items, prefill }
        }

        fn answered(id: &str, answer: Answer) -> ItemAnswer {
            let needs = answer.needs_remedy();
            ItemAnswer {
                answer: Some(answer),
                remedy: if needs { format!("{id}の改善策") } else { String::new() },
                due: needs.then(|| "2025-12-31".to_owned()),
                ..ItemAnswer::empty(id)
            }
        }

        /// Answers every item: the first partial, the rest implemented.
        fn answer_all(store: &mut Store, id: i64, items: &[String]) {
            for (i, item) in items.iter().enumerate() {
                let a = if i == 0 { Answer::Partial } else { Answer::Implemented };
                store.save_answer(id, &answered(item, a)).unwrap();
            }
        }

        fn submit_one(store: &mut Store, year: i32) -> Submission {
            let (who, pack, items) = (yamada(), pack(), items());
            let d = store.start_inspection(&new_inspection(year, &who, &pack, &items, false)).unwrap();
            answer_all(store, d.id, &items);
            store.submit(d.id, &items, &format!("{year}-06-03T17:00:00+09:00")).unwrap()
        }

        #[test]
        fn answers_survive_dropping_the_store() {
            let dir = tempfile::tempdir().unwrap();
            let (who, pack, items) = (yamada(), pack(), items());
            let id = {
                let mut store = Store::open_dir(dir.path()).unwrap();
                let d = store.start_inspection(&new_inspection(2025, &who, &pack, &items, false)).unwrap();
                store.save_answer(d.id, &answered("v01", Answer::Partial)).unwrap();
                store.save_answer(d.id, &answered("v02", Answer::Implemented)).unwrap();
                d.id
            };
            // And without closing the connection at all (no checkpoint): as a crash would leave it.
            {
                let mut store = Store::open_dir(dir.path()).unwrap();
                store.save_answer(id, &answered("v03", Answer::NotApplicable)).unwrap();
                std::mem::forget(store);
            }
            let store = Store::open_dir(dir.path()).unwrap();
            let d = store.load_inspection(id).unwrap();
            let got: Vec<(&str, Option<Answer>)> = d.answers.iter().map(|a| (a.item_id.as_str(), a.answer)).collect();
            assert_eq!(got, [("v01", Some(Answer::Partial)), ("v02", Some(Answer::Implemented)), ("v03", Some(Answer::NotApplicable))]);
            assert_eq!(d.answers[0].remedy, "v01の改善策");
            assert_eq!(d.respondent, who);
        }

        const CHILD_ENV: &str = "TEBIKI_SELFCHECK_KILL_CHILD_DB";

        /// The child half of `a_killed_writer_loses_nothing_it_saved`: with the
        /// environment variable set, saves answers one at a time as fast as it
        /// can and reports each after it returned. Without it, does nothing.
        #[test]
        fn kill_child_writer() {
            use std::io::Write;
            let Ok(path) = std::env::var(CHILD_ENV) else { return };
            let mut store = Store::open(std::path::Path::new(&path)).unwrap();
            let who = yamada();
            let pack = pack();
            let items: Vec<String> = (0..100_000).map(|i| format!("i{i:06}")).collect();
            let d = store.start_inspection(&new_inspection(2025, &who, &pack, &[], false)).unwrap();
            let mut out = std::io::stdout().lock();
            for (i, item) in items.iter().enumerate() {
                let a = ItemAnswer { comment: format!("saved {i}"), ..answered(item, Answer::Implemented) };
                store.save_answer(d.id, &a).unwrap();
                writeln!(out, "saved {i}").unwrap();
                out.flush().unwrap();
            }
        }

        #[test]
        fn a_killed_writer_loses_nothing_it_saved() {
            use std::io::BufRead;
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("tebiki.db");
            let mut child = std::process::Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "selfcheck_store::tests::basics::kill_child_writer", "--nocapture", "--test-threads=1"])
                .env(CHILD_ENV, &path)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            let stdout = child.stdout.take().unwrap();
            let mut reported = None;
            for line in std::io::BufReader::new(stdout).lines() {
                let line = line.unwrap();
                if let Some(n) = line.strip_prefix("saved ").and_then(|n| n.parse::<usize>().ok()) {
                    reported = Some(n);
                    if n >= 200 {
                        break;
                    }
                }
            }
            // SIGKILL on Unix (TerminateProcess on Windows): no destructor, no
            // checkpoint, most likely in the middle of the next save.
            child.kill().unwrap();
            child.wait().unwrap();
            let reported = reported.expect("the child saved answers");
            assert!(reported >= 200);

            assert_eq!(crate::schema::check_file(&path).unwrap(), crate::LATEST_VERSION, "intact after the kill");
            let store = Store::open(&path).unwrap();
            let d = store.find_inspection(2025, "100001", "info-manager").unwrap().expect("the draft");
            let saved: HashSet<&str> = d.answers.iter().map(|a| a.comment.as_str()).collect();
            for i in 0..=reported {
                assert!(saved.contains(format!("saved {i}").as_str()), "answer {i} was reported saved but is missing");
            }
            // Rows are whole: every stored answer has all its fields.
            assert!(d.answers.iter().all(|a| a.answer == Some(Answer::Implemented) && a.comment.starts_with("saved ")));
        }

        #[test]
        fn submit_refuses_while_problems_remain_then_locks_the_answers() {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open_dir(dir.path()).unwrap();
            let (who, pack, items) = (yamada(), pack(), items());
            let d = store.start_inspection(&new_inspection(2025, &who, &pack, &items, false)).unwrap();
            assert_eq!(d.version, 1);
            store.save_answer(d.id, &ItemAnswer { answer: Some(Answer::NotImplemented), ..ItemAnswer::empty("v01") }).unwrap();
            let e = store.submit(d.id, &items, "2025-06-03T17:00:00+09:00").unwrap_err();
            let SelfcheckError::Incomplete { problems } = e else { panic!("{e:?}") };
            assert_eq!(problems.len(), 5);
            assert_eq!(problems[0].problems, [AnswerProblem::MissingRemedy, AnswerProblem::MissingDue]);
            assert!(store.submissions_for_year(2025).unwrap().is_empty());

            answer_all(&mut store, d.id, &items);
            // The same draft is resumed, not duplicated.
            assert_eq!(store.start_inspection(&new_inspection(2025, &who, &pack, &items, false)).unwrap().id, d.id);
            let s = store.submit(d.id, &items, "2025-06-03T17:00:00+09:00").unwrap();
            assert_eq!(s.version, 1);
            assert_eq!(s.answers.iter().map(|a| a.item_id.as_str()).collect::<Vec<_>>(), ["v01", "v02", "v03", "v04", "v05"]);
            assert!(matches!(store.load_inspection(d.id), Err(SelfcheckError::NoDraft { .. })));
            assert!(matches!(store.save_answer(d.id, &answered("v01", Answer::Implemented)), Err(SelfcheckError::NoDraft { .. })));
            // Submitted: starting again is refused, a correction is the way.
            assert!(matches!(
                store.start_inspection(&new_inspection(2025, &who, &pack, &items, false)),
                Err(SelfcheckError::AlreadySubmitted { version: 1, .. })
            ));
            let list = store.latest_submissions(2025).unwrap();
            assert_eq!(list, std::slice::from_ref(&s));
            let summary = &store.submissions_for_year(2025).unwrap()[0];
            assert_eq!((summary.source, summary.items), (SubmissionSource::Local, 5));
            assert_eq!(summary.digest, submission::digest(&s).unwrap());
        }

        #[test]
        fn a_correction_is_the_next_version_and_keeps_the_old_one() {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open_dir(dir.path()).unwrap();
            let first = submit_one(&mut store, 2025);
            assert!(matches!(store.reopen_for_correction(2024, "100001", "info-manager", &pack()), Err(SelfcheckError::NothingSubmitted { .. })));
            let d = store.reopen_for_correction(2025, "100001", "info-manager", &pack()).unwrap();
            assert_eq!(d.version, 2);
            assert_eq!(d.answers.len(), 5);
            assert!(d.answers.iter().all(|a| !a.reconfirm), "a correction starts from one's own answers");
            store.save_answer(d.id, &answered("v01", Answer::Implemented)).unwrap();
            let second = store.submit(d.id, &items(), "2025-07-01T10:00:00+09:00").unwrap();
            assert_eq!(second.version, 2);
            let history = store.submission_history(2025, "100001", "info-manager").unwrap();
            assert_eq!(history.iter().map(|h| h.version).collect::<Vec<_>>(), [1, 2]);
            let latest = store.latest_submissions(2025).unwrap();
            assert_eq!(latest, [second]);
            assert_eq!(store.submission(history[0].id).unwrap().unwrap(), first);
        }

        #[test]
        fn the_previous_year_prefills_and_marks_reconfirm() {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open_dir(dir.path()).unwrap();
            submit_one(&mut store, 2024);
            let (who, pack) = (yamada(), pack());
            // The 2025 questionnaire dropped v05 and added v06.
            let items: Vec<String> = ["v01", "v02", "v03", "v04", "v06"].map(String::from).to_vec();
            let d = store.start_inspection(&new_inspection(2025, &who, &pack, &items, true)).unwrap();
            assert_eq!(d.prefilled_from, Some(2024));
            assert_eq!(d.answers.iter().map(|a| a.item_id.as_str()).collect::<Vec<_>>(), ["v01", "v02", "v03", "v04"]);
            assert!(d.answers.iter().all(|a| a.reconfirm));
            assert_eq!(d.answers[0].remedy, "v01の改善策");
            // Submit is refused until each is confirmed and v06 answered.
            let Err(SelfcheckError::Incomplete { problems }) = store.submit(d.id, &items, "2025-06-01T00:00:00Z") else { panic!() };
            assert_eq!(problems.len(), 5);
            assert!(problems[..4].iter().all(|p| p.problems == [AnswerProblem::Reconfirm]));
            for a in &d.answers {
                store.save_answer(d.id, &ItemAnswer { reconfirm: false, ..a.clone() }).unwrap();
            }
            store.save_answer(d.id, &answered("v06", Answer::NotApplicable)).unwrap();
            assert_eq!(store.submit(d.id, &items, "2025-06-01T00:00:00Z").unwrap().version, 1);
            // Without prefill, or with nothing last year, the draft starts empty.
            let other = Respondent { employee_no: "100002".into(), ..yamada() };
            let e = store.start_inspection(&new_inspection(2025, &other, &pack, &items, true)).unwrap();
            assert!(e.answers.is_empty() && e.prefilled_from.is_none());
        }

        #[test]
        fn importing_the_same_file_twice_is_a_duplicate() {
            let dir = tempfile::tempdir().unwrap();
            let mut here = Store::open_dir(&dir.path().join("here")).unwrap();
            let s = submit_one(&mut here, 2025);
            let w = submission::write(&s).unwrap();
            let mut hq = Store::open_dir(&dir.path().join("hq")).unwrap();
            let known = |_: &str| Some(("2025.1".to_owned(), "ab".repeat(32)));
            let v = submission::verify(&w.bytes, &known).unwrap();
            let name = submission::file_name(&v.submission);
            assert_eq!(hq.import_submission(&v.submission, &v.digest, &name).unwrap(), ImportOutcome::Imported { version: 1 });
            assert_eq!(hq.import_submission(&v.submission, &v.digest, &name).unwrap(), ImportOutcome::Duplicate { version: 1 });
            // The PC that made it recognises its own file too.
            assert_eq!(here.import_submission(&v.submission, &v.digest, &name).unwrap(), ImportOutcome::Duplicate { version: 1 });
            let list = hq.submissions_for_year(2025).unwrap();
            assert_eq!(list.len(), 1);
            assert_eq!((list[0].source, list[0].file_name.as_deref()), (SubmissionSource::Imported, Some(name.as_str())));
            // Exporting an imported submission writes the very same file.
            let again = submission::write(&hq.latest_submissions(2025).unwrap()[0]).unwrap();
            assert_eq!(again.bytes, w.bytes);
            // A different file claiming the same version is a conflict, not stored.
            let mut forged = v.submission.clone();
            forged.answers[1].comment = "別のPCで回答".into();
            let d = submission::digest(&forged).unwrap();
            assert!(matches!(hq.import_submission(&forged, &d, "x.json"), Err(SelfcheckError::Conflict { version: 1, .. })));
            assert_eq!(hq.latest_submissions(2025).unwrap()[0], v.submission);
        }

        #[test]
        fn a_newer_version_supersedes_and_an_older_one_becomes_history() {
            let dir = tempfile::tempdir().unwrap();
            let mut here = Store::open_dir(&dir.path().join("here")).unwrap();
            let v1 = submit_one(&mut here, 2025);
            let d = here.reopen_for_correction(2025, "100001", "info-manager", &pack()).unwrap();
            here.save_answer(d.id, &answered("v01", Answer::Implemented)).unwrap();
            let v2 = here.submit(d.id, &items(), "2025-07-01T10:00:00+09:00").unwrap();

            let mut hq = Store::open_dir(&dir.path().join("hq")).unwrap();
            let imp = |hq: &mut Store, s: &Submission| hq.import_submission(s, &submission::digest(s).unwrap(), &submission::file_name(s)).unwrap();
            assert_eq!(imp(&mut hq, &v1), ImportOutcome::Imported { version: 1 });
            assert_eq!(hq.latest_submissions(2025).unwrap(), std::slice::from_ref(&v1));
            assert_eq!(imp(&mut hq, &v2), ImportOutcome::Imported { version: 2 });
            assert_eq!(hq.latest_submissions(2025).unwrap(), std::slice::from_ref(&v2));

            // The other order: the correction arrives first, on its own. Version 2
            // with no version 1 here is not the next one: held (issue 13), until
            // the original arrives and the 管理者 accepts the correction.
            let mut hq2 = Store::open_dir(&dir.path().join("hq2")).unwrap();
            let ImportOutcome::Held { version: 2, expected_version: 1, held_id } = imp(&mut hq2, &v2) else { panic!("v2 first is held") };
            assert!(hq2.latest_submissions(2025).unwrap().is_empty());
            assert_eq!(imp(&mut hq2, &v1), ImportOutcome::Imported { version: 1 });
            assert_eq!(hq2.held_submissions().unwrap()[0].expected_version, 2, "now it is the next one");
            assert_eq!(hq2.accept_held(held_id).unwrap(), ImportOutcome::Imported { version: 2 });
            assert_eq!(hq2.latest_submissions(2025).unwrap(), std::slice::from_ref(&v2));
            assert_eq!(hq2.submission_history(2025, "100001", "info-manager").unwrap().len(), 2);
            assert!(hq2.held_submissions().unwrap().is_empty());
            assert_eq!(ImportOutcome::Superseded { version: 1, current_version: 2 }.status(), "superseded");
        }

        /// The outside review's forgery (issue 13, finding 4): a file edited to
        /// claim version 99, its digest recomputed. Held, not current; the real
        /// version 2 imported afterwards becomes current; rejecting the forgery
        /// drops it; every step is in the 操作記録.
        #[test]
        fn a_forged_version_number_is_held_for_the_administrator() {
            let dir = tempfile::tempdir().unwrap();
            let mut here = Store::open_dir(&dir.path().join("here")).unwrap();
            let v1 = submit_one(&mut here, 2025);
            let d = here.reopen_for_correction(2025, "100001", "info-manager", &pack()).unwrap();
            here.save_answer(d.id, &answered("v01", Answer::Implemented)).unwrap();
            let v2 = here.submit(d.id, &items(), "2025-07-01T10:00:00+09:00").unwrap();
            let mut forged = v1.clone();
            forged.version = 99;
            forged.answers[0].remedy = "不要".into();

            let mut hq = Store::open_dir(&dir.path().join("hq")).unwrap();
            let imp = |hq: &mut Store, s: &Submission| hq.import_submission(s, &submission::digest(s).unwrap(), &submission::file_name(s)).unwrap();
            assert_eq!(imp(&mut hq, &v1), ImportOutcome::Imported { version: 1 });
            let ImportOutcome::Held { version: 99, expected_version: 2, held_id } = imp(&mut hq, &forged) else { panic!("the forgery is held") };
            assert_eq!(imp(&mut hq, &forged), ImportOutcome::Held { version: 99, expected_version: 2, held_id }, "the same file again: still one held row");
            assert_eq!(hq.latest_submissions(2025).unwrap(), std::slice::from_ref(&v1), "the forgery is not current");
            let held = hq.held_submissions().unwrap();
            assert_eq!(held.len(), 1);
            assert_eq!((held[0].version, held[0].expected_version, held[0].reason.key.as_str()), (99, 2, "selfcheck-held-reason"));

            assert_eq!(imp(&mut hq, &v2), ImportOutcome::Imported { version: 2 }, "the real version 2 is current, not 旧版");
            assert_eq!(hq.latest_submissions(2025).unwrap(), std::slice::from_ref(&v2));
            hq.reject_held(held_id).unwrap();
            assert!(hq.held_submissions().unwrap().is_empty());
            assert!(matches!(hq.reject_held(held_id), Err(SelfcheckError::NoHeld { .. })));
            let actions: Vec<String> = hq.all_audit_entries().unwrap().into_iter().map(|e| e.action).collect();
            assert_eq!(actions, ["submission.imported", "submission.held", "submission.imported", "submission.held-rejected"]);
            assert!(hq.verify_audit().unwrap().broken.is_none());
        }

        #[test]
        fn a_local_draft_cannot_overwrite_an_imported_version() {
            let dir = tempfile::tempdir().unwrap();
            let mut other_pc = Store::open_dir(&dir.path().join("a")).unwrap();
            let s = submit_one(&mut other_pc, 2025);
            let mut store = Store::open_dir(&dir.path().join("b")).unwrap();
            let (who, pack, items) = (yamada(), pack(), items());
            let d = store.start_inspection(&new_inspection(2025, &who, &pack, &items, false)).unwrap();
            answer_all(&mut store, d.id, &items);
            store.import_submission(&s, &submission::digest(&s).unwrap(), "a.json").unwrap();
            assert!(matches!(store.submit(d.id, &items, "2025-06-04T00:00:00Z"), Err(SelfcheckError::Conflict { .. })));
            assert!(store.load_inspection(d.id).is_ok(), "the draft is kept");
        }

        #[test]
        fn errors_are_message_keys_with_their_arguments() {
            let e = SelfcheckError::Incomplete { problems: vec![] };
            assert_eq!(e.message(), Message::new("selfcheck-error-incomplete").arg("count", 0));
            let c = SelfcheckError::Conflict { year: 2025, employee_no: "100001".into(), role: "staff".into(), version: 2 };
            assert_eq!(c.message().key, "selfcheck-error-conflict");
            assert!(c.message().args.contains(&("version".to_owned(), "2".to_owned())));
        }
    }

    mod roster_department_tests {
        use super::super::*;

        #[test]
        fn a_typed_department_name_is_counted_under_the_rosters_code() {
            use tebiki_core::selfcheck::submission::{PackRef, Respondent};
            let mut s = Submission {
                pack: PackRef { id: "kobe".into(), version: "1".into(), content_hash: "x".into() },
                year: 2025,
                role: "staff".into(),
                role_name: "職員等".into(),
                respondent: Respondent { employee_no: "1001".into(), name: "山田".into(), dept_code: "総務課".into(), dept_name: "総務課".into() },
                version: 1,
                started_at: "2025-06-01T09:00:00+09:00".into(),
                submitted_at: "2025-06-01T10:00:00+09:00".into(),
                answers: vec![],
            };
            let depts = [crate::Department { code: "A10".into(), name: "総務課".into(), active: true, members: 3 }];
            assert_eq!(with_roster_departments(vec![s.clone()], &depts)[0].respondent.dept_code, "A10");
            s.respondent.dept_name = "税務課".into();
            assert_eq!(with_roster_departments(vec![s], &depts)[0].respondent.dept_code, "総務課");
        }
    }
}
