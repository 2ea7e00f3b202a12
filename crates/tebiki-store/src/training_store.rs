//! 研修の実施記録: sessions and attendance. Recording a session is one
//! transaction; people are matched by 職員番号.

use crate::error::{err, now};
use crate::{Store, StoreError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tebiki_core::pack::courses::Course;
use tebiki_core::training::overview::TrainingOverview;
use tebiki_core::training::requirements::Attended;
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
    /// The pack's courses, then those added by an administrator.
    pub courses: Vec<Course>,
    /// Ids of the added ones (they can be removed while unused).
    pub custom_course_ids: Vec<String>,
    pub roles: Vec<tebiki_core::pack::roles::Role>,
    pub overview: TrainingOverview,
    pub current_year: i32,
}

/// Progress of a long import, sent while it runs.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    pub done: usize,
    pub total: usize,
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

impl Store {
    /// Records a session and its attendees in one transaction. Unknown
    /// 職員番号 are returned, not recorded.
    pub fn record_session(&mut self, session: &NewSession, employee_nos: &[String]) -> Result<RecordedSession, StoreError> {
        let now = now();
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
        let seq = crate::audit::append(
            &tx,
            self.actor,
            crate::Action::SessionRecorded,
            serde_json::json!({ "session": id, "course": session.course_id, "held_on": session.held_on, "attendees": attendees }),
        )?;
        tx.commit().map_err(err("record session"))?;
        self.note_audit_seq(seq);
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
        let rows =
            stmt.query_map([pack_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))).map_err(err("read attendance"))?;
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

impl Store {
    /// Courses an administrator added for this pack, in the order added.
    pub fn custom_courses(&self, pack_id: &str) -> Result<Vec<Course>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, title, kind, clause, within_days, roles FROM custom_courses WHERE pack_id = ?1 ORDER BY created_at, rowid")
            .map_err(err("read courses"))?;
        let rows = stmt
            .query_map([pack_id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<u32>>(4)?,
                    r.get::<_, String>(5)?,
                ))
            })
            .map_err(err("read courses"))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, title, kind, clause, within_days, roles) = row.map_err(err("read courses"))?;
            // Rows are written only by add_custom_course; a row that no longer
            // parses (edited by hand) is skipped rather than hiding every course.
            let Ok(kind) = serde_json::from_value(serde_json::Value::String(kind)) else { continue };
            let roles = serde_json::from_str(&roles).unwrap_or_default();
            out.push(Course::custom(id, title, kind, clause, within_days, roles));
        }
        Ok(out)
    }

    /// Adds a course beside the pack's catalogue. The caller has checked it
    /// against the pack (id free, clause present).
    pub fn add_custom_course(&mut self, pack_id: &str, course: &Course) -> Result<(), StoreError> {
        let kind = serde_json::to_value(course.kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let roles = serde_json::to_string(&course.roles).unwrap_or_else(|_| "[]".into());
        let now = now();
        let tx = self.conn.transaction().map_err(err("add course"))?;
        tx.execute(
            "INSERT INTO custom_courses(pack_id, id, title, kind, clause, within_days, roles, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            (pack_id, &course.id, &course.title, kind, &course.clause, course.within_days, roles, now),
        )
        .map_err(err("add course"))?;
        let seq = crate::audit::append(&tx, self.actor, crate::Action::CourseAdded, serde_json::json!({ "course": course.id, "title": course.title }))?;
        tx.commit().map_err(err("add course"))?;
        self.note_audit_seq(seq);
        Ok(())
    }

    /// Removes an added course. Refused (false) once a session of it is
    /// recorded: attendance records are never lost.
    pub fn remove_custom_course(&mut self, pack_id: &str, course_id: &str) -> Result<bool, StoreError> {
        let tx = self.conn.transaction().map_err(err("remove course"))?;
        let used: bool = tx
            .query_row("SELECT EXISTS(SELECT 1 FROM training_sessions WHERE pack_id = ?1 AND course_id = ?2)", (pack_id, course_id), |r| r.get(0))
            .map_err(err("remove course"))?;
        if used {
            return Ok(false);
        }
        let n = tx.execute("DELETE FROM custom_courses WHERE pack_id = ?1 AND id = ?2", (pack_id, course_id)).map_err(err("remove course"))?;
        let seq =
            if n > 0 { Some(crate::audit::append(&tx, self.actor, crate::Action::CourseRemoved, serde_json::json!({ "course": course_id }))?) } else { None };
        tx.commit().map_err(err("remove course"))?;
        if let Some(seq) = seq {
            self.note_audit_seq(seq);
        }
        Ok(n > 0)
    }
}

/// A session one person attended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct AttendedSession {
    pub session_id: i64,
    pub course_id: String,
    /// ISO 8601
    pub held_on: String,
    pub method: Method,
    pub trainer: Option<String>,
    pub place: Option<String>,
}

impl Store {
    /// Every session of the pack's courses `employee_no` attended, newest first
    /// (all 年度: history is never reset).
    pub fn attended_sessions(&self, pack_id: &str, employee_no: &str) -> Result<Vec<AttendedSession>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT s.id, s.course_id, s.held_on, s.method, s.trainer, s.place FROM attendance a JOIN training_sessions s ON s.id = a.session_id
                 WHERE a.employee_no = ?1 AND s.pack_id = ?2 ORDER BY s.held_on DESC, s.id DESC",
            )
            .map_err(err("read attendance"))?;
        let rows = stmt
            .query_map((employee_no, pack_id), |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get(4)?, r.get(5)?))
            })
            .map_err(err("read attendance"))?;
        let mut out = Vec::new();
        for row in rows {
            let (session_id, course_id, held_on, method, trainer, place) = row.map_err(err("read attendance"))?;
            let method = Method::parse(&method).unwrap_or(Method::Classroom);
            out.push(AttendedSession { session_id, course_id, held_on, method, trainer, place });
        }
        Ok(out)
    }
}

impl Store {
    /// The courses in force for `pack`: its catalogue, then those added here.
    pub fn catalogue(&self, pack: &tebiki_core::pack::Pack) -> Result<tebiki_core::training::catalogue::Catalogue, StoreError> {
        let mut courses = pack.courses.clone();
        courses.extend(self.custom_courses(&pack.id)?);
        Ok(tebiki_core::training::catalogue::Catalogue::new(courses, pack.roles.clone()))
    }
}

/// One requirement of a person, with the course title, for the person view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RequirementView {
    pub course_id: String,
    pub title: String,
    pub requirement: tebiki_core::training::requirements::Requirement,
}

/// One person's training: what the 年度 requires, every session attended
/// (all years), and their 所属 changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct PersonHistory {
    pub member: crate::StaffMember,
    /// Roles as the pack names them.
    pub roles: Vec<String>,
    pub year: i32,
    pub year_label: String,
    pub requirements: Vec<RequirementView>,
    /// (session, course title)
    pub sessions: Vec<(AttendedSession, String)>,
    /// (when, from 所属 name, to 所属 name)
    pub transfers: Vec<(String, String, String)>,
}

/// Who an attendance CSV names: people on the roster, and 職員番号 that
/// are not, with their line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct AttendanceMatch {
    /// (職員番号, 氏名, 所属名)
    pub matched: Vec<(String, String, String)>,
    /// (line, 職員番号)
    pub unmatched: Vec<(usize, String)>,
}

/// A person found by the staff search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct StaffHit {
    pub employee_no: String,
    pub name: String,
    pub kana: Option<String>,
    pub dept_code: String,
    pub dept_name: String,
    pub active: bool,
}

impl Store {
    pub fn person_history(
        &self,
        pack: &tebiki_core::pack::Pack,
        employee_no: &str,
        fy: tebiki_core::calendar::fiscal_year::FiscalYear,
        today: NaiveDate,
    ) -> Result<Option<PersonHistory>, StoreError> {
        let Some(member) = self.staff_member(employee_no)? else { return Ok(None) };
        let catalogue = self.catalogue(pack)?;
        let sessions = self.attended_sessions(&pack.id, employee_no)?;
        let attended: Vec<Attended> = sessions
            .iter()
            .filter_map(|s| NaiveDate::parse_from_str(&s.held_on, "%Y-%m-%d").ok().map(|date| Attended { course_id: s.course_id.clone(), date }))
            .collect();
        let title = |id: &str| catalogue.course(id).map(|c| c.title.clone()).unwrap_or_else(|| id.to_owned());
        let requirements = tebiki_core::training::requirements::requirements(&member.record, &catalogue, fy, &attended, today)
            .into_iter()
            .map(|r| RequirementView { course_id: r.course_id.clone(), title: title(&r.course_id), requirement: r })
            .collect();
        let mut transfers = Vec::new();
        for (when, from, to) in self.department_history(employee_no)? {
            let name = |code: Option<String>| -> Result<String, StoreError> {
                Ok(match code {
                    Some(c) => self.department_name(&c)?.unwrap_or(c),
                    None => String::new(),
                })
            };
            transfers.push((when, name(from)?, name(to)?));
        }
        Ok(Some(PersonHistory {
            roles: catalogue.person_roles(&member.record),
            member,
            year: fy.0,
            year_label: fy.wareki(),
            requirements,
            sessions: sessions
                .into_iter()
                .map(|s| {
                    let t = title(&s.course_id);
                    (s, t)
                })
                .collect(),
            transfers,
        }))
    }

    /// Matches the 職員番号 of an attendance CSV against the roster.
    pub fn match_attendance(&self, rows: &[(usize, String)]) -> Result<AttendanceMatch, StoreError> {
        let staff: HashMap<String, crate::StaffMember> = self.all_staff()?.into_iter().map(|m| (m.record.employee_no.clone(), m)).collect();
        let mut out = AttendanceMatch { matched: Vec::new(), unmatched: Vec::new() };
        let mut seen = std::collections::HashSet::new();
        for (line, no) in rows {
            match staff.get(no) {
                Some(m) if seen.insert(no.clone()) => out.matched.push((no.clone(), m.record.name.clone(), m.record.dept_name.clone())),
                Some(_) => {}
                None => out.unmatched.push((*line, no.clone())),
            }
        }
        Ok(out)
    }

    /// People whose 職員番号, 氏名 or ふりがな contains `query` (spaces
    /// ignored), active first, at most `limit`.
    pub fn find_staff(&self, query: &str, limit: usize) -> Result<Vec<StaffHit>, StoreError> {
        let q: String = query.chars().filter(|c| !c.is_whitespace()).collect();
        if q.is_empty() {
            return Ok(Vec::new());
        }
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let mut hits: Vec<StaffHit> = self
            .all_staff()?
            .into_iter()
            .filter(|m| {
                m.record.employee_no.contains(&q) || squash(&m.record.name).contains(&q) || m.record.kana.as_deref().is_some_and(|k| squash(k).contains(&q))
            })
            .map(|m| StaffHit {
                employee_no: m.record.employee_no,
                name: m.record.name,
                kana: m.record.kana,
                dept_code: m.record.dept_code,
                dept_name: m.record.dept_name,
                active: m.active,
            })
            .collect();
        hits.sort_by(|a, b| b.active.cmp(&a.active).then_with(|| a.employee_no.cmp(&b.employee_no)));
        hits.truncate(limit);
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    mod custom_course_tests {
        use super::super::*;
        use tebiki_core::pack::courses::CourseKind;

        #[test]
        fn added_courses_round_trip_and_recorded_ones_stay() {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open_dir(dir.path()).unwrap();
            let c =
                Course::custom("custom-1".into(), "標的型メール訓練".into(), CourseKind::Drill, "kobe/taisaku/7.2.3".into(), None, vec!["情報管理者".into()]);
            store.add_custom_course("kobe", &c).unwrap();
            assert_eq!(store.custom_courses("kobe").unwrap(), vec![c.clone()]);
            assert!(store.custom_courses("gunma").unwrap().is_empty());
            let session = NewSession {
                pack_id: "kobe".into(),
                course_id: "custom-1".into(),
                held_on: "2025-06-01".into(),
                method: Method::Video,
                trainer: None,
                place: None,
            };
            store.record_session(&session, &[]).unwrap();
            assert!(!store.remove_custom_course("kobe", "custom-1").unwrap());
            assert_eq!(store.custom_courses("kobe").unwrap().len(), 1);
        }
    }

    mod person_tests {
        use super::super::*;
        use tebiki_core::calendar::fiscal_year::FiscalYear;
        use tebiki_core::roster::import::parse_roster;

        #[test]
        fn one_persons_history_spans_years_and_transfers() {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open_dir(dir.path()).unwrap();
            let csv = |dept: &str, name: &str| {
                format!("職員番号,氏名,ふりがな,所属コード,所属名,役職,採用日\n1,山田 太郎,やまだ たろう,{dept},{name},課長,2010/4/1\n2,鈴木,すずき,A,総務課,,2010/4/1\n")
            };
            let rec = |c: String| parse_roster(c.as_bytes(), None).unwrap().rows.into_iter().map(|(_, r)| r).collect::<Vec<_>>();
            store.import_roster(&rec(csv("A", "総務課")), true, "2024-04-01").unwrap();
            let s = |date: &str, course: &str| NewSession {
                pack_id: "kobe".into(),
                course_id: course.into(),
                held_on: date.into(),
                method: Method::Classroom,
                trainer: None,
                place: None,
            };
            store.record_session(&s("2024-06-01", "annual"), &["1".into()]).unwrap();
            store.import_roster(&rec(csv("B", "情報政策課")), true, "2025-04-01").unwrap();
            store.record_session(&s("2025-07-01", "manager"), &["1".into()]).unwrap();
            let lib = tebiki_core::pack::library::PackLibrary::load(None);
            let kobe = lib.get("kobe").unwrap();
            let h = store.person_history(kobe, "1", FiscalYear(2025), NaiveDate::from_ymd_opt(2025, 10, 1).unwrap()).unwrap().unwrap();
            assert_eq!(h.roles, ["情報管理者"]);
            assert_eq!(
                h.sessions.iter().map(|(s, t)| (s.held_on.as_str(), t.as_str())).collect::<Vec<_>>(),
                [("2025-07-01", "役割に応じた情報セキュリティ研修"), ("2024-06-01", "年次情報セキュリティ研修")]
            );
            let state = |id: &str| h.requirements.iter().find(|r| r.course_id == id).map(|r| r.requirement.state);
            assert_eq!(state("annual"), Some(tebiki_core::training::requirements::DueState::Due), "2024年度's attendance does not count in 2025年度");
            assert_eq!(state("manager"), Some(tebiki_core::training::requirements::DueState::Done));
            assert_eq!(h.transfers.len(), 1);
            assert_eq!((h.transfers[0].1.as_str(), h.transfers[0].2.as_str()), ("総務課", "情報政策課"));
            assert!(store.person_history(kobe, "999", FiscalYear(2025), NaiveDate::from_ymd_opt(2025, 10, 1).unwrap()).unwrap().is_none());

            assert_eq!(store.find_staff("やまだ", 10).unwrap()[0].employee_no, "1");
            assert_eq!(store.find_staff("山田太郎", 10).unwrap().len(), 1);
            assert!(store.find_staff(" ", 10).unwrap().is_empty());
            let m = store.match_attendance(&[(2, "1".into()), (3, "77".into()), (4, "1".into())]).unwrap();
            assert_eq!(m.matched.len(), 1);
            assert_eq!(m.unmatched, [(3, "77".to_owned())]);
        }
    }
}
