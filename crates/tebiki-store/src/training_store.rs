//! 研修の実施記録: sessions and attendance. Recording a session is one
//! transaction; people are matched by 職員番号.

use crate::{Store, StoreError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tebiki_core::training::{Attended, Course, TrainingOverview};
use ts_rs::TS;

/// 実施方法
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum Method {
    #[serde(rename = "集合")]
    Classroom,
    #[serde(rename = "eラーニング")]
    ELearning,
    #[serde(rename = "動画")]
    Video,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Classroom => "集合",
            Method::ELearning => "eラーニング",
            Method::Video => "動画",
        }
    }
    pub fn parse(s: &str) -> Option<Method> {
        [Method::Classroom, Method::ELearning, Method::Video].into_iter().find(|m| m.as_str() == s.trim())
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SessionInput {
    pub course_id: String,
    pub held_on: String,
    pub method: Method,
    pub trainer: Option<String>,
    pub place: Option<String>,
    pub employee_nos: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct TrainingScreen {
    pub pack_id: String,
    pub courses: Vec<Course>,
    pub overview: TrainingOverview,
    pub current_year: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct NewSession {
    pub pack_id: String,
    pub course_id: String,
    /// ISO 8601
    pub held_on: String,
    pub method: Method,
    pub trainer: Option<String>,
    pub place: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RecordedSession {
    pub id: i64,
    pub attendees: usize,
    /// 職員番号 given that are not on the roster (not recorded).
    pub unknown: Vec<String>,
}

fn err(context: &'static str) -> impl Fn(rusqlite::Error) -> StoreError {
    move |e| StoreError::sqlite(context, e)
}

impl Store {
    /// Records a session and its attendees in one transaction. Unknown
    /// 職員番号 are returned, not recorded.
    pub fn record_session(&mut self, session: &NewSession, employee_nos: &[String]) -> Result<RecordedSession, StoreError> {
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let tx = self.conn.transaction().map_err(err("record session"))?;
        tx.execute(
            "INSERT INTO training_sessions(pack_id, course_id, held_on, method, trainer, place, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            (&session.pack_id, &session.course_id, &session.held_on, session.method.as_str(), &session.trainer, &session.place, &now),
        )
        .map_err(err("record session"))?;
        let id = tx.last_insert_rowid();
        let mut unknown = Vec::new();
        let mut attendees = 0;
        {
            let mut add = tx.prepare_cached("INSERT OR IGNORE INTO attendance(session_id, employee_no) VALUES (?1, ?2)").map_err(err("record attendance"))?;
            let mut known = tx.prepare_cached("SELECT 1 FROM staff WHERE employee_no = ?1").map_err(err("read staff"))?;
            for no in employee_nos {
                if known.exists([no]).map_err(err("read staff"))? {
                    attendees += add.execute((id, no)).map_err(err("record attendance"))?;
                } else if !unknown.contains(no) {
                    unknown.push(no.clone());
                }
            }
        }
        tx.commit().map_err(err("record session"))?;
        Ok(RecordedSession { id, attendees, unknown })
    }

    /// Every attendance of the pack's courses, by person.
    pub fn attendance_by_person(&self, pack_id: &str) -> Result<HashMap<String, Vec<Attended>>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.employee_no, s.course_id, s.held_on FROM attendance a JOIN training_sessions s ON s.id = a.session_id
                 WHERE s.pack_id = ?1",
            )
            .map_err(err("read attendance"))?;
        let rows = stmt
            .query_map([pack_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))
            .map_err(err("read attendance"))?;
        let mut out: HashMap<String, Vec<Attended>> = HashMap::new();
        for row in rows {
            let (no, course_id, held_on) = row.map_err(err("read attendance"))?;
            if let Ok(date) = NaiveDate::parse_from_str(&held_on, "%Y-%m-%d") {
                out.entry(no).or_default().push(Attended { course_id, date });
            }
        }
        Ok(out)
    }
}
