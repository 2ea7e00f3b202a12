//! e-ラーニング: on the staff PC, each person's record of a pack's courses
//! for a 年度 (what their 受講記録ファイル carries) and their place in it;
//! on the 管理者's PC, the files imported, kept as the staff PC wrote them,
//! with what the 受講状況 needs of each beside it.

use crate::error::{err, now};
use crate::{Store, StoreError};
use rusqlite::OptionalExtension;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tebiki_core::bounded_read::BoundedReadError;
use tebiki_core::exchange::Refusal;
use tebiki_core::message::Message;
use tebiki_core::selfcheck::submission::Respondent;
use tebiki_core::training::elearning::quiz::Progress;
use tebiki_core::training::elearning::results::{self, TrainingResults, Verified};
use tebiki_core::training::elearning::summary::HeldResult;
use ts_rs::TS;

/// One file imported (or recognised) by `import_training_results`.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AcceptedResults {
    pub file: String,
    pub person: Respondent,
    pub year: i32,
    /// imported / updated / duplicate
    pub status: String,
    /// Courses passed in the file, with the counted score (percent).
    pub passed: Vec<PassedCourse>,
    /// Not in the roster: kept, but not counted as attendance until they are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<Message>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PassedCourse {
    pub course: String,
    pub score: u32,
    pub total: u32,
    pub on: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RefusedResults {
    pub file: String,
    pub reason: Message,
}

/// `tebiki training results import --json` and the app's import result.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[ts(export)]
pub struct ResultsImportReport {
    pub accepted: Vec<AcceptedResults>,
    pub refused: Vec<RefusedResults>,
}

impl Store {
    /// The person's record of a pack on this PC for a 年度, and where they are.
    pub fn elearning_local(&self, year: i32, employee_no: &str, pack_id: &str) -> Result<Option<(TrainingResults, Progress)>, StoreError> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT record, progress FROM elearning_local WHERE year = ?1 AND employee_no = ?2 AND pack_id = ?3",
                (year, employee_no, pack_id),
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(err("read e-learning"))?;
        let Some((record, progress)) = row else { return Ok(None) };
        let record = serde_json::from_str(&record).map_err(|e| StoreError::Damaged { path: self.path.clone(), detail: format!("e-learning record: {e}") })?;
        Ok(Some((record, serde_json::from_str(&progress).unwrap_or_default())))
    }

    /// Saves the record and place in one transaction.
    pub fn save_elearning_local(&mut self, record: &TrainingResults, progress: &Progress) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO elearning_local(year, employee_no, pack_id, record, progress, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT(year, employee_no, pack_id) DO UPDATE SET record = excluded.record, progress = excluded.progress, updated_at = excluded.updated_at",
                (record.year, &record.person.employee_no, &record.pack.id, to_json(record), to_json(progress), now()),
            )
            .map_err(err("save e-learning"))?;
        Ok(())
    }

    /// Who has taken a pack's e-learning on this PC in a 年度.
    pub fn elearning_local_people(&self, year: i32, pack_id: &str) -> Result<Vec<Respondent>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT record FROM elearning_local WHERE year = ?1 AND pack_id = ?2 ORDER BY updated_at DESC")
            .map_err(err("read e-learning"))?;
        let rows = stmt.query_map((year, pack_id), |r| r.get::<_, String>(0)).map_err(err("read e-learning"))?;
        let mut out = Vec::new();
        for row in rows {
            if let Ok(r) = serde_json::from_str::<TrainingResults>(&row.map_err(err("read e-learning"))?) {
                out.push(r.person);
            }
        }
        Ok(out)
    }

    /// What the 受講状況 needs of every file held for a 年度, pack and course.
    pub fn elearning_held(&self, year: i32, pack_id: &str, course: &str) -> Result<Vec<HeldResult>, StoreError> {
        let mut stmt =
            self.conn.prepare_cached("SELECT held FROM elearning_results WHERE year = ?1 AND pack_id = ?2").map_err(err("read e-learning results"))?;
        let rows = stmt.query_map((year, pack_id), |r| r.get::<_, String>(0)).map_err(err("read e-learning results"))?;
        let mut out = Vec::new();
        for row in rows {
            let mut held: BTreeMap<String, HeldResult> = serde_json::from_str(&row.map_err(err("read e-learning results"))?).unwrap_or_default();
            if let Some(h) = held.remove(course) {
                out.push(h);
            }
        }
        Ok(out)
    }

    /// The imported files of a 年度 as the staff PCs wrote them: (file name, bytes).
    pub fn elearning_result_files(&self, year: i32) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT file_name, file FROM elearning_results WHERE year = ?1 ORDER BY file_name")
            .map_err(err("read e-learning results"))?;
        let rows = stmt.query_map([year], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?.into_bytes()))).map_err(err("read e-learning results"))?;
        rows.collect::<Result<_, _>>().map_err(err("read e-learning results"))
    }

    /// Verifies and imports result files in one transaction: each accepted
    /// file is kept, and each course passed in it becomes attendance (method
    /// eラーニング, on the day of the passing attempt); the others are
    /// refused with their reason. Every file is in the 操作記録.
    /// `courses(pack_id)` gives an installed pack's e-learning course ids.
    pub fn import_training_results(
        &mut self,
        files: &[PathBuf],
        courses: &dyn Fn(&str) -> Option<Vec<String>>,
        report: &mut ResultsImportReport,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(), StoreError> {
        let read: Vec<ResultFile> = files.iter().map(|p| ResultFile::read(p)).collect();
        self.import_result_files(&read, courses, report, progress)
    }

    /// As [`Store::import_training_results`], for files already read (the demo writes them in memory).
    pub fn import_result_files(
        &mut self,
        files: &[ResultFile],
        courses: &dyn Fn(&str) -> Option<Vec<String>>,
        report: &mut ResultsImportReport,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(), StoreError> {
        let actor = self.actor;
        let tx = self.conn.transaction().map_err(err("import results"))?;
        let mut last_seq = None;
        for (i, f) in files.iter().enumerate() {
            progress(i, files.len());
            let name = Path::new(&f.path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let outcome = f.verify(&|id| courses(id).is_some()).and_then(|(v, text)| {
                let course_ids = courses(&v.results.pack.id).unwrap_or_default();
                import_one(&tx, &v, &text, &name, &course_ids).map(|a| (a, v))
            });
            match outcome {
                Ok((mut accepted, v)) => {
                    accepted.file = f.path.clone();
                    last_seq = Some(crate::audit::append(
                        &tx,
                        actor,
                        crate::Action::TrainingResultsImported,
                        serde_json::json!({ "file": name, "employee_no": v.results.person.employee_no, "year": v.results.year, "status": accepted.status, "passed": accepted.passed.len() }),
                    )?);
                    report.accepted.push(accepted);
                }
                Err(ImportErr::Refused(reason)) => {
                    last_seq =
                        Some(crate::audit::append(&tx, actor, crate::Action::TrainingResultsRefused, serde_json::json!({ "file": name, "reason": reason }))?);
                    report.refused.push(RefusedResults { file: f.path.clone(), reason });
                }
                Err(ImportErr::Store(e)) => return Err(e),
            }
        }
        tx.commit().map_err(err("import results"))?;
        if let Some(seq) = last_seq {
            self.note_audit_seq(seq);
        }
        progress(files.len(), files.len());
        Ok(())
    }
}

/// A result file to import: where it came from and its bytes (or why they could not be read).
pub struct ResultFile {
    pub path: String,
    pub bytes: Result<Vec<u8>, Message>,
}

impl ResultFile {
    /// Reads a file, its size checked before reading.
    pub fn read(path: &Path) -> ResultFile {
        let bytes = match tebiki_core::bounded_read::read_at_most(path, results::MAX_FILE_BYTES as u64) {
            Ok(b) => Ok(b),
            Err(BoundedReadError::TooLarge { .. }) => Err(Refusal::TooLarge { max: results::MAX_FILE_BYTES }.message()),
            Err(BoundedReadError::Io(e)) => Err(Message::new("selfcheck-import-unreadable").arg("detail", e)),
        };
        ResultFile { path: path.display().to_string(), bytes }
    }

    fn verify(&self, known_pack: &dyn Fn(&str) -> bool) -> Result<(Verified, String), ImportErr> {
        let bytes = self.bytes.as_ref().map_err(|m| ImportErr::Refused(m.clone()))?;
        let v = results::verify(bytes, known_pack).map_err(|r| ImportErr::Refused(r.message()))?;
        // Verified JSON is UTF-8 (a BOM aside).
        let text = String::from_utf8_lossy(bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes)).into_owned();
        Ok((v, text))
    }
}

enum ImportErr {
    Refused(Message),
    Store(StoreError),
}

impl From<StoreError> for ImportErr {
    fn from(e: StoreError) -> Self {
        ImportErr::Store(e)
    }
}

fn import_one(tx: &rusqlite::Transaction, v: &Verified, text: &str, name: &str, course_ids: &[String]) -> Result<AcceptedResults, ImportErr> {
    let r = &v.results;
    let key = (r.year, &r.person.employee_no, &r.pack.id);
    let existing: Option<(String, String)> = tx
        .query_row("SELECT digest, written_at FROM elearning_results WHERE year = ?1 AND employee_no = ?2 AND pack_id = ?3", key, |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()
        .map_err(err("read e-learning results"))?;
    let passed: Vec<PassedCourse> = r
        .courses
        .iter()
        .filter_map(|c| {
            let a = c.passing()?;
            let on = chrono::DateTime::parse_from_rfc3339(&a.finished_at).ok()?.date_naive().to_string();
            Some(PassedCourse { course: c.course.clone(), score: a.score, total: a.total, on })
        })
        .collect();
    let mut accepted = AcceptedResults { file: name.to_owned(), person: r.person.clone(), year: r.year, status: String::new(), passed, warning: None };
    let status = match &existing {
        Some((digest, _)) if digest.eq_ignore_ascii_case(&v.digest) => "duplicate",
        Some((_, written_at)) if !is_later(&r.written_at, written_at) => {
            return Err(ImportErr::Refused(Message::new("training-results-older").arg("written", &r.written_at).arg("held", written_at)));
        }
        Some(_) => "updated",
        None => "imported",
    };
    accepted.status = status.to_owned();
    if status == "duplicate" {
        return Ok(accepted);
    }
    let held: BTreeMap<&str, HeldResult> = course_ids.iter().map(|c| (c.as_str(), HeldResult::of(r, c))).collect();
    tx.execute(
        "INSERT INTO elearning_results(year, employee_no, pack_id, file, file_name, digest, written_at, held, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT(year, employee_no, pack_id) DO UPDATE SET file = excluded.file, file_name = excluded.file_name, digest = excluded.digest,
           written_at = excluded.written_at, held = excluded.held, imported_at = excluded.imported_at",
        (r.year, &r.person.employee_no, &r.pack.id, text, results::file_name(r), &v.digest, &r.written_at, serde_json::to_string(&held).unwrap_or_default(), now()),
    )
    .map_err(err("store e-learning results"))?;
    let in_roster =
        tx.prepare_cached("SELECT 1 FROM staff WHERE employee_no = ?1").and_then(|mut s| s.exists([&r.person.employee_no])).map_err(err("read staff"))?;
    if !in_roster {
        accepted.warning = Some(Message::new("training-results-not-in-roster").arg("employee_no", &r.person.employee_no));
        return Ok(accepted);
    }
    for p in accepted.passed.iter().filter(|p| course_ids.contains(&p.course)) {
        let session = elearning_session(tx, &r.pack.id, &p.course, &p.on)?;
        tx.prepare_cached("INSERT OR IGNORE INTO attendance(session_id, employee_no) VALUES (?1, ?2)")
            .and_then(|mut s| s.execute((session, &r.person.employee_no)))
            .map_err(err("record attendance"))?;
    }
    Ok(accepted)
}

/// The e-learning "session" of a course on a day: everyone who passed that
/// day is its attendance.
fn elearning_session(tx: &rusqlite::Transaction, pack_id: &str, course: &str, on: &str) -> Result<i64, StoreError> {
    let method = crate::Method::ELearning.as_str();
    let found: Option<i64> = tx
        .prepare_cached("SELECT id FROM training_sessions WHERE pack_id = ?1 AND course_id = ?2 AND held_on = ?3 AND method = ?4 AND place = 'Tebiki'")
        .and_then(|mut s| s.query_row((pack_id, course, on, method), |r| r.get(0)).optional())
        .map_err(err("read sessions"))?;
    if let Some(id) = found {
        return Ok(id);
    }
    tx.execute(
        "INSERT INTO training_sessions(pack_id, course_id, held_on, method, trainer, place, created_at) VALUES (?1, ?2, ?3, ?4, NULL, 'Tebiki', ?5)",
        (pack_id, course, on, method, now()),
    )
    .map_err(err("record session"))?;
    Ok(tx.last_insert_rowid())
}

fn is_later(a: &str, b: &str) -> bool {
    match (chrono::DateTime::parse_from_rfc3339(a), chrono::DateTime::parse_from_rfc3339(b)) {
        (Ok(a), Ok(b)) => a > b,
        _ => a > b,
    }
}

/// A record or a place as its column holds it.
fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}
