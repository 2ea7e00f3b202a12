//! What the PDF reports read beyond the screens' queries: the sessions of a
//! 年度 with their attendee counts, one session with its attendees, and the
//! 自己点検 集計 of a single 所属 (so that a 課長 can print their own).

use crate::error::err;
use crate::{Method, Store, StoreError};
use tebiki_core::calendar::fiscal_year::FiscalYear;

/// A session held, with how many attended.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SessionRow {
    #[ts(type = "number")]
    pub id: i64,
    pub pack_id: String,
    pub course_id: String,
    /// ISO 8601
    pub held_on: String,
    pub method: Method,
    pub trainer: Option<String>,
    pub place: Option<String>,
    /// Attendees (of the 所属 asked for, when the list is for one 所属).
    pub attendees: usize,
}

/// A person who attended a session, as the roster has them now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionAttendee {
    pub employee_no: String,
    pub name: String,
    pub dept_code: String,
    pub dept_name: String,
}

const SESSION_COLUMNS: &str = "s.id, s.pack_id, s.course_id, s.held_on, s.method, s.trainer, s.place";

fn session_row(r: &rusqlite::Row) -> rusqlite::Result<SessionRow> {
    let method: String = r.get(4)?;
    Ok(SessionRow {
        id: r.get(0)?,
        pack_id: r.get(1)?,
        course_id: r.get(2)?,
        held_on: r.get(3)?,
        // Rows are written by record_session; an unknown spelling (edited by
        // hand) is shown as 集合 rather than hiding the session.
        method: Method::parse(&method).unwrap_or(Method::Classroom),
        trainer: r.get(5)?,
        place: r.get(6)?,
        attendees: r.get::<_, i64>(7)? as usize,
    })
}

impl Store {
    /// The pack's sessions held in `fy`, by date, with their attendee counts.
    /// With `dept`, only sessions someone now in that 所属 attended, counting
    /// only them.
    pub fn sessions_in_year(&self, pack_id: &str, fy: FiscalYear, dept: Option<&str>) -> Result<Vec<SessionRow>, StoreError> {
        let (start, end) = (fy.start().to_string(), fy.end().to_string());
        let sql = format!(
            "SELECT {SESSION_COLUMNS}, COUNT(st.employee_no) FROM training_sessions s
             LEFT JOIN attendance a ON a.session_id = s.id
             LEFT JOIN staff st ON st.employee_no = a.employee_no AND (?4 IS NULL OR st.dept_code = ?4)
             WHERE s.pack_id = ?1 AND s.held_on BETWEEN ?2 AND ?3
             GROUP BY s.id
             HAVING ?4 IS NULL OR COUNT(st.employee_no) > 0
             ORDER BY s.held_on, s.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(err("read sessions"))?;
        let rows = stmt.query_map((pack_id, &start, &end, dept), session_row).map_err(err("read sessions"))?;
        rows.collect::<Result<_, _>>().map_err(err("read sessions"))
    }

    /// One session and who attended it (by 所属 code, then 職員番号).
    pub fn session_with_attendees(&self, id: i64) -> Result<Option<(SessionRow, Vec<SessionAttendee>)>, StoreError> {
        let sql = format!("SELECT {SESSION_COLUMNS}, (SELECT COUNT(*) FROM attendance a WHERE a.session_id = s.id) FROM training_sessions s WHERE s.id = ?1");
        let session = {
            let mut stmt = self.conn.prepare_cached(&sql).map_err(err("read session"))?;
            let mut rows = stmt.query_map([id], session_row).map_err(err("read session"))?;
            match rows.next() {
                Some(row) => row.map_err(err("read session"))?,
                None => return Ok(None),
            }
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT st.employee_no, st.name, st.dept_code, d.name FROM attendance a
                 JOIN staff st ON st.employee_no = a.employee_no JOIN departments d ON d.code = st.dept_code
                 WHERE a.session_id = ?1 ORDER BY st.dept_code, st.employee_no",
            )
            .map_err(err("read attendees"))?;
        let rows = stmt
            .query_map([id], |r| Ok(SessionAttendee { employee_no: r.get(0)?, name: r.get(1)?, dept_code: r.get(2)?, dept_name: r.get(3)? }))
            .map_err(err("read attendees"))?;
        let attendees = rows.collect::<Result<_, _>>().map_err(err("read attendees"))?;
        Ok(Some((session, attendees)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NewSession;
    use tebiki_core::roster::import::parse_roster;

    #[test]
    fn sessions_of_a_year_count_attendees_and_filter_by_department() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_dir(dir.path()).unwrap();
        let csv = "職員番号,氏名,所属コード,所属名\n1,山田 太郎,A,総務課\n2,鈴木 花子,A,総務課\n3,佐藤 一郎,B,情報政策課\n";
        let people: Vec<_> = parse_roster(csv.as_bytes(), None).unwrap().rows.into_iter().map(|(_, r)| r).collect();
        store.import_roster(&people, true, "2025-04-01").unwrap();
        let s = |date: &str| NewSession {
            pack_id: "kobe".into(),
            course_id: "annual".into(),
            held_on: date.into(),
            method: Method::ELearning,
            trainer: None,
            place: None,
        };
        let all: Vec<String> = ["1", "2", "3"].map(String::from).to_vec();
        let first = store.record_session(&s("2025-06-01"), &all).unwrap().id;
        store.record_session(&s("2025-05-01"), &["3".to_owned()]).unwrap();
        store.record_session(&s("2024-06-01"), &all).unwrap();
        store.record_session(&s("2026-04-01"), &all).unwrap();

        let year = store.sessions_in_year("kobe", FiscalYear(2025), None).unwrap();
        assert_eq!(year.iter().map(|r| (r.held_on.as_str(), r.attendees)).collect::<Vec<_>>(), [("2025-05-01", 1), ("2025-06-01", 3)]);
        assert_eq!(year[0].method, Method::ELearning);
        let a = store.sessions_in_year("kobe", FiscalYear(2025), Some("A")).unwrap();
        assert_eq!(a.iter().map(|r| (r.held_on.as_str(), r.attendees)).collect::<Vec<_>>(), [("2025-06-01", 2)]);
        assert!(store.sessions_in_year("gunma", FiscalYear(2025), None).unwrap().is_empty());

        let (session, people) = store.session_with_attendees(first).unwrap().unwrap();
        assert_eq!(session.attendees, 3);
        assert_eq!(
            people.iter().map(|p| (p.employee_no.as_str(), p.dept_name.as_str())).collect::<Vec<_>>(),
            [("1", "総務課"), ("2", "総務課"), ("3", "情報政策課")]
        );
        assert!(store.session_with_attendees(9999).unwrap().is_none());
    }
}
