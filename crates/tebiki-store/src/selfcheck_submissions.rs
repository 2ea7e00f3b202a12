//! 自己点検 submissions in the database: the locked versions (made here or
//! imported from other PCs' files), reading them back, and the 集計 over
//! them. Drafts and submitting are in `selfcheck_store`.

use crate::error::{err, now};
use crate::selfcheck_store::{answer_from, ImportOutcome, SelfcheckError, SubmissionSource, SubmissionSummary};
use crate::{Store, StoreError};
use rusqlite::{OptionalExtension, Transaction};
use std::collections::{HashMap, HashSet};
use tebiki_core::selfcheck::answers::RemedyStatus;
use tebiki_core::selfcheck::submission::{self, PackRef, RemedyProgress, Respondent, Submission, SubmittedAnswer};

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

pub(crate) fn submission_answers(conn: &rusqlite::Connection, id: i64) -> Result<Vec<SubmittedAnswer>, StoreError> {
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

/// Where the 改善策 of a stored submission stand.
pub(crate) fn submission_progress(conn: &rusqlite::Connection, id: i64) -> Result<Vec<RemedyProgress>, StoreError> {
    let mut stmt = conn
        .prepare_cached("SELECT item_id, status, status_on, note FROM selfcheck_remedy_progress WHERE submission_id = ?1 ORDER BY item_id")
        .map_err(err("read remedy progress"))?;
    let rows = stmt.query_map([id], progress_row).map_err(err("read remedy progress"))?;
    rows.collect::<Result<_, _>>().map_err(err("read remedy progress"))
}

fn progress_row(r: &rusqlite::Row) -> rusqlite::Result<RemedyProgress> {
    Ok(RemedyProgress { item_id: r.get(0)?, status: RemedyStatus::parse(&r.get::<_, String>(1)?).unwrap_or_default(), on: r.get(2)?, note: r.get(3)? })
}

fn answer_row(r: &rusqlite::Row) -> rusqlite::Result<Option<SubmittedAnswer>> {
    let answer = answer_from(r.get(1)?);
    Ok(match answer {
        Some(answer) => Some(SubmittedAnswer { item_id: r.get(0)?, answer, comment: r.get(2)?, remedy: r.get(3)?, due: r.get(4)? }),
        None => None,
    })
}

/// The columns [`summary_row`] reads, the number of answers given by `$items`.
macro_rules! submission_columns {
    ($items:literal) => {
        concat!(
            "s.id, s.year, s.role, s.role_name, s.employee_no, s.name, s.dept_code, s.dept_name, s.version, s.pack_id, s.pack_version, s.pack_hash,
             s.started_at, s.submitted_at, s.source, s.file_name, s.digest, s.recorded_at, ",
            $items,
            ", s.on_paper"
        )
    };
}
const SUBMISSION_COLUMNS: &str = submission_columns!("(SELECT count(*) FROM selfcheck_submission_answers a WHERE a.submission_id = s.id)");
/// Without counting the answers (0): counting walks every answer of the
/// 年度 once more, which [`Store::latest_submissions`] reads anyway.
const SUBMISSION_COLUMNS_UNCOUNTED: &str = submission_columns!("0");

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
        on_paper: r.get::<_, i64>(19)? != 0,
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
        progress: Vec::new(),
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
    let mut add = tx
        .prepare_cached("INSERT INTO selfcheck_remedy_progress(submission_id, item_id, status, status_on, note) VALUES (?1, ?2, ?3, ?4, ?5)")
        .map_err(err("save remedy progress"))?;
    for p in &s.progress {
        add.execute((id, &p.item_id, p.status.as_str(), &p.on, &p.note)).map_err(err("save remedy progress"))?;
    }
    Ok(id)
}

impl Store {
    /// Records where a submission's 改善策 stand as its next version (made on
    /// this PC: by the person, or by the 管理者 told on paper), in one
    /// transaction with its 操作記録. `s` is the latest version with the new
    /// `progress`, its version already raised by one. Returns the new version's id.
    pub fn record_remedy_progress(&mut self, s: &Submission, changed: usize, on_paper: bool) -> Result<i64, SelfcheckError> {
        submission::validate(s).map_err(SelfcheckError::Invalid)?;
        let tx = self.conn.transaction().map_err(err("record remedy progress"))?;
        let current = latest_id(&tx, s.year, &s.respondent.employee_no, &s.role)?.map(|(_, v)| v).unwrap_or(0);
        if s.version != current + 1 {
            return Err(SelfcheckError::Conflict { year: s.year, employee_no: s.respondent.employee_no.clone(), role: s.role.clone(), version: s.version });
        }
        let digest = submission::digest(s)?;
        let id = insert_submission(&tx, s, SubmissionSource::Local, None, &digest)?;
        let done = s.progress.iter().filter(|p| p.status == RemedyStatus::Done).count();
        let details = serde_json::json!({
            "employee_no": s.respondent.employee_no, "year": s.year, "role": s.role_name, "version": s.version,
            "changed": changed, "done": done, "paper": if on_paper { "yes" } else { "no" },
        });
        let seq = crate::audit::append(&tx, self.actor, crate::Action::RemedyProgressRecorded, details)?;
        tx.commit().map_err(err("record remedy progress"))?;
        self.note_audit_seq(seq);
        Ok(id)
    }

    /// The latest version of every submission of a 年度 (without answers).
    pub fn submissions_for_year(&self, year: i32) -> Result<Vec<SubmissionSummary>, StoreError> {
        self.latest_summaries(year, SUBMISSION_COLUMNS)
    }

    fn latest_summaries(&self, year: i32, columns: &str) -> Result<Vec<SubmissionSummary>, StoreError> {
        let sql = format!(
            "SELECT {columns} FROM selfcheck_submissions s
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
        let summaries = self.latest_summaries(year, SUBMISSION_COLUMNS_UNCOUNTED)?;
        let wanted: HashSet<i64> = summaries.iter().map(|s| s.id).collect();
        // Read in the table's own order (its primary key) and put each
        // submission's answers in questionnaire order here: an ORDER BY
        // position would make SQLite sort every answer of the 年度 first.
        let mut answers: HashMap<i64, Vec<(i64, SubmittedAnswer)>> = HashMap::with_capacity(summaries.len());
        let mut stmt = self
            .conn
            .prepare(
                "SELECT a.submission_id, a.item_id, a.answer, a.comment, a.remedy, a.due, a.position
                 FROM selfcheck_submission_answers a JOIN selfcheck_submissions s ON s.id = a.submission_id
                 WHERE s.year = ?1",
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
                let position: i64 = r.get(6).map_err(err("read submission answers"))?;
                answers.entry(id).or_default().push((
                    position,
                    SubmittedAnswer { item_id: get(1)?, answer, comment: get(3)?, remedy: get(4)?, due: r.get(5).map_err(err("read submission answers"))? },
                ));
            }
        }
        let mut answers: HashMap<i64, Vec<SubmittedAnswer>> = answers
            .into_iter()
            .map(|(id, mut list)| {
                list.sort_by_key(|(p, _)| *p);
                (id, list.into_iter().map(|(_, a)| a).collect())
            })
            .collect();
        let mut progress: HashMap<i64, Vec<RemedyProgress>> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare(
                "SELECT p.submission_id, p.item_id, p.status, p.status_on, p.note
                 FROM selfcheck_remedy_progress p JOIN selfcheck_submissions s ON s.id = p.submission_id
                 WHERE s.year = ?1 ORDER BY p.submission_id, p.item_id",
            )
            .map_err(err("read remedy progress"))?;
        let rows = stmt
            .query_map([year], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    RemedyProgress {
                        item_id: r.get(1)?,
                        status: RemedyStatus::parse(&r.get::<_, String>(2)?).unwrap_or_default(),
                        on: r.get(3)?,
                        note: r.get(4)?,
                    },
                ))
            })
            .map_err(err("read remedy progress"))?;
        for row in rows {
            let (id, p) = row.map_err(err("read remedy progress"))?;
            if wanted.contains(&id) {
                progress.entry(id).or_default().push(p);
            }
        }
        Ok(summaries
            .into_iter()
            .map(|s| {
                let a = answers.remove(&s.id).unwrap_or_default();
                let p = progress.remove(&s.id).unwrap_or_default();
                Submission { progress: p, ..to_submission(s, a) }
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

pub(crate) fn load_submission(conn: &rusqlite::Connection, id: i64) -> Result<Option<Submission>, StoreError> {
    let sql = format!("SELECT {SUBMISSION_COLUMNS} FROM selfcheck_submissions s WHERE s.id = ?1");
    let Some(summary) = conn.query_row(&sql, [id], summary_row).optional().map_err(err("read submission"))? else {
        return Ok(None);
    };
    let answers = submission_answers(conn, id)?;
    let mut s = to_submission(summary, answers);
    s.progress = submission_progress(conn, id)?;
    Ok(Some(s))
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
        Ok(dashboard(&DashboardInput {
            year,
            staff: &staff,
            roles: &pack.roles,
            questionnaires: &qs,
            submissions: &now,
            previous: &before,
            today: chrono::Local::now().date_naive(),
        }))
    }

    /// The 集計 of the organisation and of each 所属 alone (所属別結果票),
    /// reading the roster and the submissions once: (code, name, 集計) in 所属
    /// code order, for every 所属 with people on the roster or submissions.
    pub fn selfcheck_dashboards_by_dept(
        &self,
        pack: &tebiki_core::pack::Pack,
        year: i32,
        only: Option<&str>,
    ) -> Result<(tebiki_core::selfcheck::dashboard::SelfcheckDashboard, Vec<DepartmentDashboard>), StoreError> {
        use tebiki_core::selfcheck::dashboard::{dashboard, questionnaires_of, DashboardInput};
        let qs = questionnaires_of(pack);
        let today = chrono::Local::now().date_naive();
        let staff: Vec<_> = self.active_staff()?.into_iter().map(|m| m.record).collect();
        let depts = self.departments()?;
        let now = with_roster_departments(self.latest_submissions(year)?, &depts);
        let before = with_roster_departments(self.latest_submissions(year - 1)?, &depts);
        let input = |staff: &[tebiki_core::roster::import::StaffRecord], now: &[Submission], before: &[Submission]| {
            dashboard(&DashboardInput { year, staff, roles: &pack.roles, questionnaires: &qs, submissions: now, previous: before, today })
        };
        let org = input(&staff, &now, &before);
        let mut by_code: std::collections::BTreeMap<String, String> = staff.iter().map(|p| (p.dept_code.clone(), p.dept_name.clone())).collect();
        for s in &now {
            by_code.entry(s.respondent.dept_code.clone()).or_insert_with(|| s.respondent.dept_name.clone());
        }
        let mut out = Vec::new();
        for (code, name) in by_code.into_iter().filter(|(c, _)| only.is_none_or(|o| o == c)) {
            let staff: Vec<_> = staff.iter().filter(|p| p.dept_code == code).cloned().collect();
            let now: Vec<_> = now.iter().filter(|s| s.respondent.dept_code == code).cloned().collect();
            let before: Vec<_> = before.iter().filter(|s| s.respondent.dept_code == code).cloned().collect();
            let d = input(&staff, &now, &before);
            out.push((code, name, d));
        }
        Ok((org, out))
    }
}

/// (code, name, the 所属's own 集計), for the 所属別結果票.
pub type DepartmentDashboard = (String, String, tebiki_core::selfcheck::dashboard::SelfcheckDashboard);

/// A submission answered on a PC without the roster carries the 所属 as
/// typed (its name, also as the code). When the roster here has a 所属 of
/// that name, count the answers under that 所属's code.
pub(crate) fn with_roster_departments(mut subs: Vec<Submission>, depts: &[crate::Department]) -> Vec<Submission> {
    // Looked up per submission: 24,000 submissions × 400 所属 compared one by one took seconds.
    let codes: HashSet<&str> = depts.iter().map(|d| d.code.as_str()).collect();
    let mut by_name: HashMap<&str, &str> = HashMap::with_capacity(depts.len());
    for d in depts {
        by_name.entry(d.name.as_str()).or_insert(d.code.as_str()); // the first, as a scan would find
    }
    for s in &mut subs {
        let r = &mut s.respondent;
        if !codes.contains(r.dept_code.as_str()) {
            if let Some(code) = by_name.get(r.dept_name.trim()) {
                r.dept_code = (*code).to_owned();
            }
        }
    }
    subs
}
