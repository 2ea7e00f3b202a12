//! The 職員名簿 in the database: importing a roster is one transaction that
//! adds, updates (keeping the history of 所属 changes) and marks as 退職 the
//! people a full roster no longer lists. Nobody is ever deleted.

use crate::error::{err, now};
use crate::{Store, StoreError};
use rusqlite::{OptionalExtension, Transaction};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use tebiki_core::message::Message;
use tebiki_core::roster::import::{RejectedRow, RosterField, StaffRecord};
use ts_rs::TS;

/// What an import does (or did): employee numbers per kind of change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RosterPlan {
    pub added: Vec<String>,
    pub updated: Vec<String>,
    /// In the database and active, missing from a full roster: marked 退職.
    pub deactivated: Vec<String>,
    pub unchanged: usize,
    /// Active, missing from the rows read, but named by a row that was
    /// rejected (a bad date, a broken quote): left as they are, not 退職.
    pub kept_rejected: Vec<String>,
    /// The import would mark more than a tenth of the active roster 退職:
    /// the preview says so prominently, and the CLI needs `--yes`. Usually a
    /// partial file imported as a full one, or rows lost to a broken file.
    pub many_deactivated: bool,
    /// How many people are active before the import (the base of the share).
    pub active_before: usize,
}

/// More than this share of the active roster made 退職 by one import needs
/// an explicit confirmation (`RosterPlan::many_deactivated`).
pub const MANY_DEACTIVATED_PERCENT: usize = 10;

/// What importing a roster file would do, or why it cannot be read.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RosterPreview {
    pub encoding: String,
    pub headers: Vec<String>,
    pub mapping: Vec<Option<RosterField>>,
    /// A required column is missing: the mapping step must name it.
    pub missing_column: Option<Message>,
    pub rows: usize,
    pub plan: RosterPlan,
    pub rejected: Vec<RejectedRow>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct DepartmentMembers {
    pub code: String,
    pub name: String,
    /// (職員番号, 氏名)
    pub members: Vec<(String, String)>,
}

/// A person as stored, with their roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct StaffMember {
    pub record: StaffRecord,
    pub active: bool,
}

/// Everyone (`only_active` false) or the active staff; with `one`, only that
/// 職員番号 (a person view need not read a 20,000-person roster).
fn load_staff(conn: &rusqlite::Connection, only_active: bool, one: Option<&str>) -> Result<Vec<StaffMember>, StoreError> {
    let mut roles: HashMap<String, Vec<String>> = HashMap::new();
    let mut stmt = conn
        .prepare_cached("SELECT employee_no, role FROM staff_roles WHERE ?1 IS NULL OR employee_no = ?1 ORDER BY employee_no, role")
        .map_err(err("read roles"))?;
    for row in stmt.query_map([one], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).map_err(err("read roles"))? {
        let (no, role) = row.map_err(err("read roles"))?;
        roles.entry(no).or_default().push(role);
    }
    let sql = "SELECT s.employee_no, s.name, s.kana, s.dept_code, d.name, s.employment, s.hired_on, s.left_on, s.email, s.active
               FROM staff s JOIN departments d ON d.code = s.dept_code
               WHERE (?1 = 0 OR s.active = 1) AND (?2 IS NULL OR s.employee_no = ?2) ORDER BY s.employee_no";
    let mut stmt = conn.prepare_cached(sql).map_err(err("read staff"))?;
    let rows = stmt
        .query_map((only_active as i64, one), |r| {
            let employee_no: String = r.get(0)?;
            Ok(StaffMember {
                record: StaffRecord {
                    roles: Vec::new(),
                    name: r.get(1)?,
                    kana: r.get(2)?,
                    dept_code: r.get(3)?,
                    dept_name: r.get(4)?,
                    employment: r.get(5)?,
                    hired_on: r.get(6)?,
                    left_on: r.get(7)?,
                    email: r.get(8)?,
                    employee_no,
                },
                active: r.get::<_, i64>(9)? == 1,
            })
        })
        .map_err(err("read staff"))?;
    let mut out = Vec::new();
    for row in rows {
        let mut m = row.map_err(err("read staff"))?;
        m.record.roles = roles.remove(&m.record.employee_no).unwrap_or_default();
        out.push(m);
    }
    Ok(out)
}

/// A 所属 change: (when, old code, new code).
pub type DepartmentChange = (String, Option<String>, Option<String>);

impl Store {
    /// Everyone on the roster, active or not.
    pub fn all_staff(&self) -> Result<Vec<StaffMember>, StoreError> {
        load_staff(&self.conn, false, None)
    }

    pub fn active_staff(&self) -> Result<Vec<StaffMember>, StoreError> {
        load_staff(&self.conn, true, None)
    }

    /// What importing `records` would change. With `full`, active people the
    /// roster does not list would be marked 退職.
    ///
    /// `rejected`: the rows of the same file that could not be read; the
    /// people they name are never marked 退職 by a full import.
    pub fn plan_roster(&self, records: &[StaffRecord], rejected: &[RejectedRow], full: bool) -> Result<RosterPlan, StoreError> {
        plan(&self.all_staff()?, records, rejected, full)
    }

    /// Imports a roster of records made by Tebiki itself (no rejected rows:
    /// the demo organisation, benchmarks, tests) in one transaction.
    pub fn import_roster(&mut self, records: &[StaffRecord], full: bool, today: &str) -> Result<RosterPlan, StoreError> {
        self.import_roster_with_progress(records, &[], full, today, &mut |_, _| {})
    }

    /// The same, telling `progress(done, total)` how far the writing is
    /// (every few hundred people), for a progress bar.
    pub fn import_roster_with_progress(
        &mut self,
        records: &[StaffRecord],
        rejected: &[RejectedRow],
        full: bool,
        today: &str,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<RosterPlan, StoreError> {
        let existing = self.all_staff()?;
        let plan = plan(&existing, records, rejected, full)?;
        let tx = self.conn.transaction().map_err(err("import roster"))?;
        apply(&tx, &existing, records, &plan, today, progress)?;
        let seq = crate::audit::append(
            &tx,
            self.actor,
            crate::Action::RosterImported,
            serde_json::json!({ "rows": records.len(), "added": plan.added.len(), "updated": plan.updated.len(), "left": plan.deactivated.len(), "full": u8::from(full) }),
        )?;
        tx.commit().map_err(err("import roster"))?;
        self.note_audit_seq(seq);
        Ok(plan)
    }

    /// The 所属 changes of one person, oldest first: (when, old, new).
    pub fn department_history(&self, employee_no: &str) -> Result<Vec<DepartmentChange>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT changed_at, old_value, new_value FROM staff_history WHERE employee_no = ?1 AND field = 'dept_code' ORDER BY id")
            .map_err(err("read history"))?;
        let rows = stmt.query_map([employee_no], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).map_err(err("read history"))?;
        rows.collect::<Result<_, _>>().map_err(err("read history"))
    }

    pub fn department_name(&self, code: &str) -> Result<Option<String>, StoreError> {
        self.conn.query_row("SELECT name FROM departments WHERE code = ?1", [code], |r| r.get(0)).optional().map_err(err("read department"))
    }
}

fn same(stored: &StaffMember, r: &StaffRecord) -> bool {
    let mut a = stored.record.clone();
    let mut b = r.clone();
    a.roles.sort();
    b.roles.sort();
    stored.active && a == b
}

fn plan(existing: &[StaffMember], records: &[StaffRecord], rejected: &[RejectedRow], full: bool) -> Result<RosterPlan, StoreError> {
    let by_no: HashMap<&str, &StaffMember> = existing.iter().map(|m| (m.record.employee_no.as_str(), m)).collect();
    let mut p = RosterPlan::default();
    for r in records {
        match by_no.get(r.employee_no.as_str()) {
            None => p.added.push(r.employee_no.clone()),
            Some(m) if same(m, r) => p.unchanged += 1,
            Some(_) => p.updated.push(r.employee_no.clone()),
        }
    }
    p.active_before = existing.iter().filter(|m| m.active).count();
    if full {
        let listed: BTreeSet<&str> = records.iter().map(|r| r.employee_no.as_str()).collect();
        let unread: BTreeSet<&str> = rejected.iter().flat_map(|r| r.employee_nos.iter().map(String::as_str)).collect();
        for m in existing.iter().filter(|m| m.active && !listed.contains(m.record.employee_no.as_str())) {
            let no = m.record.employee_no.clone();
            if unread.contains(no.as_str()) {
                p.kept_rejected.push(no);
            } else {
                p.deactivated.push(no);
            }
        }
        p.many_deactivated = p.deactivated.len() * 100 > p.active_before * MANY_DEACTIVATED_PERCENT;
    }
    Ok(p)
}

fn apply(
    tx: &Transaction,
    existing: &[StaffMember],
    records: &[StaffRecord],
    plan: &RosterPlan,
    today: &str,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), StoreError> {
    let stamp = now();
    let by_no: HashMap<&str, &StaffMember> = existing.iter().map(|m| (m.record.employee_no.as_str(), m)).collect();
    let mut dept = tx
        .prepare_cached(
            "INSERT INTO departments(code, name, active) VALUES (?1, ?2, 1)
             ON CONFLICT(code) DO UPDATE SET name = excluded.name, active = 1",
        )
        .map_err(err("save department"))?;
    let mut person = tx
        .prepare_cached(
            "INSERT INTO staff(employee_no, name, kana, dept_code, employment, email, hired_on, left_on, active, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT(employee_no) DO UPDATE SET name = excluded.name, kana = excluded.kana, dept_code = excluded.dept_code,
               employment = excluded.employment, email = excluded.email, hired_on = excluded.hired_on,
               left_on = excluded.left_on, active = excluded.active, updated_at = excluded.updated_at",
        )
        .map_err(err("save staff"))?;
    let mut history = tx
        .prepare_cached("INSERT INTO staff_history(employee_no, changed_at, field, old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5)")
        .map_err(err("save history"))?;
    let mut clear_roles = tx.prepare_cached("DELETE FROM staff_roles WHERE employee_no = ?1").map_err(err("save roles"))?;
    let mut add_role = tx.prepare_cached("INSERT OR IGNORE INTO staff_roles(employee_no, role) VALUES (?1, ?2)").map_err(err("save roles"))?;
    let changed: BTreeSet<&str> = plan.added.iter().chain(&plan.updated).map(String::as_str).collect();
    let total = changed.len() + plan.deactivated.len();
    progress(0, total);
    for (i, r) in records.iter().filter(|r| changed.contains(r.employee_no.as_str())).enumerate() {
        if i % 500 == 0 && i > 0 {
            progress(i, total);
        }
        dept.execute((&r.dept_code, &r.dept_name)).map_err(err("save department"))?;
        let active = r.left_on.as_deref().is_none_or(|l| l > today);
        person
            .execute((&r.employee_no, &r.name, &r.kana, &r.dept_code, &r.employment, &r.email, &r.hired_on, &r.left_on, active as i64, &stamp))
            .map_err(err("save staff"))?;
        if let Some(old) = by_no.get(r.employee_no.as_str()) {
            if old.record.dept_code != r.dept_code {
                history.execute((&r.employee_no, &stamp, "dept_code", &old.record.dept_code, &r.dept_code)).map_err(err("save history"))?;
            }
            if !old.active && active {
                history.execute((&r.employee_no, &stamp, "active", "0", "1")).map_err(err("save history"))?;
            }
        }
        clear_roles.execute([&r.employee_no]).map_err(err("save roles"))?;
        for role in &r.roles {
            add_role.execute((&r.employee_no, role)).map_err(err("save roles"))?;
        }
    }
    let mut retire = tx
        .prepare_cached("UPDATE staff SET active = 0, left_on = COALESCE(left_on, ?2), updated_at = ?3 WHERE employee_no = ?1")
        .map_err(err("mark as left"))?;
    for no in &plan.deactivated {
        retire.execute((no, today, &stamp)).map_err(err("mark as left"))?;
        history.execute((no, &stamp, "active", "1", "0")).map_err(err("save history"))?;
    }
    progress(total, total);
    Ok(())
}

/// A 所属 as listed on the 所属 screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct Department {
    pub code: String,
    pub name: String,
    pub active: bool,
    /// Active people in it.
    pub members: usize,
}

/// Why a 所属 change is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DepartmentRefusal {
    EmptyCode,
    EmptyName,
    /// Deactivating a 所属 that still has active people.
    HasMembers(usize),
}

impl DepartmentRefusal {
    pub fn message(self) -> Message {
        match self {
            DepartmentRefusal::EmptyCode => Message::new("dept-error-no-code"),
            DepartmentRefusal::EmptyName => Message::new("dept-error-no-name"),
            DepartmentRefusal::HasMembers(n) => Message::new("dept-error-has-members").arg("count", n as i64),
        }
    }
}

impl Store {
    /// Every 所属, active first, by code.
    pub fn departments(&self) -> Result<Vec<Department>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT d.code, d.name, d.active, (SELECT COUNT(*) FROM staff s WHERE s.dept_code = d.code AND s.active = 1)
                 FROM departments d ORDER BY d.active DESC, d.code",
            )
            .map_err(err("read departments"))?;
        let rows = stmt
            .query_map([], |r| Ok(Department { code: r.get(0)?, name: r.get(1)?, active: r.get::<_, i64>(2)? != 0, members: r.get::<_, i64>(3)? as usize }))
            .map_err(err("read departments"))?;
        rows.collect::<Result<_, _>>().map_err(err("read departments"))
    }

    /// Adds a 所属 or renames one (by code). A later roster import that
    /// names the 所属 differently wins: the HR system is the source.
    pub fn save_department(&mut self, code: &str, name: &str) -> Result<Result<(), DepartmentRefusal>, StoreError> {
        let (code, name) = (code.trim(), name.trim());
        if code.is_empty() {
            return Ok(Err(DepartmentRefusal::EmptyCode));
        }
        if name.is_empty() {
            return Ok(Err(DepartmentRefusal::EmptyName));
        }
        let tx = self.conn.transaction().map_err(err("save department"))?;
        tx.execute("INSERT INTO departments(code, name, active) VALUES (?1, ?2, 1) ON CONFLICT(code) DO UPDATE SET name = excluded.name", (code, name))
            .map_err(err("save department"))?;
        let seq = crate::audit::append(&tx, self.actor, crate::Action::DepartmentSaved, serde_json::json!({ "code": code, "name": name }))?;
        tx.commit().map_err(err("save department"))?;
        self.note_audit_seq(seq);
        Ok(Ok(()))
    }

    /// Shows or hides a 所属 in the lists. One with active people stays.
    pub fn set_department_active(&mut self, code: &str, active: bool) -> Result<Result<(), DepartmentRefusal>, StoreError> {
        let tx = self.conn.transaction().map_err(err("save department"))?;
        if !active {
            let n: i64 =
                tx.query_row("SELECT COUNT(*) FROM staff WHERE dept_code = ?1 AND active = 1", [code], |r| r.get(0)).map_err(err("save department"))?;
            if n > 0 {
                return Ok(Err(DepartmentRefusal::HasMembers(n as usize)));
            }
        }
        tx.execute("UPDATE departments SET active = ?2 WHERE code = ?1", (code, active as i64)).map_err(err("save department"))?;
        let action = if active { crate::Action::DepartmentShown } else { crate::Action::DepartmentHidden };
        let seq = crate::audit::append(&tx, self.actor, action, serde_json::json!({ "code": code }))?;
        tx.commit().map_err(err("save department"))?;
        self.note_audit_seq(seq);
        Ok(Ok(()))
    }

    /// One person as stored (active or not).
    pub fn staff_member(&self, employee_no: &str) -> Result<Option<StaffMember>, StoreError> {
        Ok(load_staff(&self.conn, false, Some(employee_no))?.pop())
    }

    /// Whether anyone active is on the roster.
    pub fn has_active_staff(&self) -> Result<bool, StoreError> {
        self.conn.query_row("SELECT EXISTS(SELECT 1 FROM staff WHERE active = 1)", [], |r| r.get(0)).map_err(err("read staff"))
    }
}

impl Store {
    /// Sets the roles a person holds (names as the pack gives them), with a
    /// history entry. A later roster import that lists the person with other
    /// roles replaces them: the HR system is the source.
    pub fn set_staff_roles(&mut self, employee_no: &str, roles: &[String]) -> Result<bool, StoreError> {
        let tx = self.conn.transaction().map_err(err("save roles"))?;
        let old: Vec<String> = {
            let mut stmt = tx.prepare_cached("SELECT role FROM staff_roles WHERE employee_no = ?1 ORDER BY role").map_err(err("read roles"))?;
            let rows = stmt.query_map([employee_no], |r| r.get(0)).map_err(err("read roles"))?;
            rows.collect::<Result<_, _>>().map_err(err("read roles"))?
        };
        let exists: bool = tx.query_row("SELECT EXISTS(SELECT 1 FROM staff WHERE employee_no = ?1)", [employee_no], |r| r.get(0)).map_err(err("read staff"))?;
        if !exists {
            return Ok(false);
        }
        tx.execute("DELETE FROM staff_roles WHERE employee_no = ?1", [employee_no]).map_err(err("save roles"))?;
        for role in roles.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
            tx.execute("INSERT OR IGNORE INTO staff_roles(employee_no, role) VALUES (?1, ?2)", (employee_no, role)).map_err(err("save roles"))?;
        }
        tx.execute(
            "INSERT INTO staff_history(employee_no, changed_at, field, old_value, new_value) VALUES (?1, ?2, 'roles', ?3, ?4)",
            (employee_no, now(), old.join("・"), roles.join("・")),
        )
        .map_err(err("save history"))?;
        let seq = crate::audit::append(&tx, self.actor, crate::Action::RolesSet, serde_json::json!({ "employee_no": employee_no, "roles": roles.join("・") }))?;
        tx.commit().map_err(err("save roles"))?;
        self.note_audit_seq(seq);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    mod basics {
        use super::super::*;
        use tebiki_core::roster::import::parse_roster;

        fn records(csv: &str) -> Vec<StaffRecord> {
            parse_roster(csv.as_bytes(), None).unwrap().rows.into_iter().map(|(_, r)| r).collect()
        }

        const FIRST: &str = "職員番号,氏名,所属コード,所属名,役職\n1,山田,A10,総務課,課長・情報管理者\n2,鈴木,A10,総務課,\n3,佐藤,B20,情報政策課,\n";
        const SECOND: &str = "職員番号,氏名,所属コード,所属名,役職\n1,山田,A10,総務課,課長・情報管理者\n2,鈴木,B20,情報政策課,\n4,田中,B20,情報政策課,\n";

        #[test]
        fn re_import_is_an_update_with_transfers_and_retirements() {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open_dir(dir.path()).unwrap();
            let p = store.import_roster(&records(FIRST), true, "2025-04-01").unwrap();
            assert_eq!(p.added, ["1", "2", "3"]);

            let preview = store.plan_roster(&records(SECOND), &[], true).unwrap();
            let p = store.import_roster(&records(SECOND), true, "2025-10-01").unwrap();
            assert_eq!(p, preview, "the preview is what the import does");
            assert_eq!(p.added, ["4"]);
            assert_eq!(p.updated, ["2"]);
            assert_eq!(p.deactivated, ["3"]);
            assert_eq!(p.unchanged, 1);

            // 異動 keeps history; 退職 keeps the person.
            let hist = store.department_history("2").unwrap();
            assert_eq!(hist.len(), 1);
            assert_eq!((hist[0].1.as_deref(), hist[0].2.as_deref()), (Some("A10"), Some("B20")));
            let all = store.all_staff().unwrap();
            assert_eq!(all.len(), 4);
            let sato = all.iter().find(|m| m.record.employee_no == "3").unwrap();
            assert!(!sato.active);
            assert_eq!(sato.record.left_on.as_deref(), Some("2025-10-01"));
            let yamada = all.iter().find(|m| m.record.employee_no == "1").unwrap();
            assert_eq!(yamada.record.roles, ["情報管理者", "課長"]);

            // Importing the same file again changes nothing.
            let p = store.import_roster(&records(SECOND), true, "2025-10-02").unwrap();
            assert_eq!((p.added.len(), p.updated.len(), p.deactivated.len(), p.unchanged), (0, 0, 0, 3));
        }

        #[test]
        fn a_partial_roster_retires_nobody() {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open_dir(dir.path()).unwrap();
            store.import_roster(&records(FIRST), true, "2025-04-01").unwrap();
            let p = store.import_roster(&records("職員番号,氏名,所属名\n5,新人,総務課\n"), false, "2025-05-01").unwrap();
            assert_eq!(p.added, ["5"]);
            assert!(p.deactivated.is_empty());
            assert_eq!(store.active_staff().unwrap().len(), 4);
        }

        /// Thirty people, then the same roster with one row broken as the
        /// outside review broke it (issue 13, finding 5).
        fn thirty() -> String {
            let mut s = String::from("職員番号,氏名,所属コード,所属名,採用日\n");
            for i in 1..=30 {
                s.push_str(&format!("{},職員{i},A10,総務課,2012/04/01\n", 1000 + i));
            }
            s
        }

        fn full_import_of(store: &mut Store, csv: &str) -> RosterPlan {
            let parsed = parse_roster(csv.as_bytes(), None).unwrap();
            let records: Vec<StaffRecord> = parsed.rows.iter().map(|(_, r)| r.clone()).collect();
            let preview = store.plan_roster(&records, &parsed.rejected, true).unwrap();
            let done = store.import_roster_with_progress(&records, &parsed.rejected, true, "2025-10-01", &mut |_, _| {}).unwrap();
            assert_eq!(preview, done);
            done
        }

        #[test]
        fn a_rejected_row_never_makes_its_person_taishoku() {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open_dir(dir.path()).unwrap();
            full_import_of(&mut store, &thirty());
            let bad_date = thirty().replace("1005,職員5,A10,総務課,2012/04/01", "1005,職員5,A10,総務課,2012/13/45");
            let p = full_import_of(&mut store, &bad_date);
            assert_eq!((p.deactivated.len(), p.kept_rejected.as_slice(), p.many_deactivated), (0, ["1005".to_owned()].as_slice(), false));
            assert_eq!(store.active_staff().unwrap().len(), 30);
        }

        #[test]
        fn an_unclosed_quote_makes_nobody_taishoku_and_a_mass_retirement_is_flagged() {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open_dir(dir.path()).unwrap();
            full_import_of(&mut store, &thirty());
            // A quote opened in 1002's name and never closed: every line after it
            // is read as part of that one field.
            let broken = thirty().replace("1002,職員2,", "1002,\"職員2,");
            let parsed = parse_roster(broken.as_bytes(), None).unwrap();
            assert_eq!(parsed.rows.len(), 1, "only 1001 is read");
            let p = full_import_of(&mut store, &broken);
            assert!(p.deactivated.is_empty(), "{:?}", p.deactivated);
            assert_eq!(p.kept_rejected.len(), 29);
            assert_eq!(store.active_staff().unwrap().len(), 30);

            // A file that really lists only 3 of the 30: 27 退職 is flagged.
            let few: String = thirty().lines().take(4).map(|l| format!("{l}\n")).collect();
            let p = store.plan_roster(&records(&few), &[], true).unwrap();
            assert_eq!((p.deactivated.len(), p.active_before, p.many_deactivated), (27, 30, true));
            // Three of thirty (10%) is not more than a tenth.
            let most: String = thirty().lines().take(28).map(|l| format!("{l}\n")).collect();
            let p = store.plan_roster(&records(&most), &[], true).unwrap();
            assert_eq!((p.deactivated.len(), p.many_deactivated), (3, false));
        }
    }

    mod department_tests {
        use super::super::*;

        fn person(no: &str, dept: &str) -> StaffRecord {
            StaffRecord {
                employee_no: no.into(),
                name: format!("職員{no}"),
                kana: None,
                dept_code: dept.into(),
                dept_name: format!("{dept}課"),
                employment: None,
                roles: vec![],
                hired_on: None,
                left_on: None,
                email: None,
            }
        }

        #[test]
        fn departments_are_listed_renamed_added_and_hidden_only_when_empty() {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open_dir(dir.path()).unwrap();
            store.import_roster(&[person("1", "A"), person("2", "A")], true, "2025-04-01").unwrap();
            store.save_department("A", " 総務課 ").unwrap().unwrap();
            store.save_department("B", "新設課").unwrap().unwrap();
            assert_eq!(store.save_department("C", " ").unwrap(), Err(DepartmentRefusal::EmptyName));
            let d = store.departments().unwrap();
            assert_eq!(d.iter().map(|d| (d.code.as_str(), d.name.as_str(), d.members)).collect::<Vec<_>>(), [("A", "総務課", 2), ("B", "新設課", 0)]);
            assert_eq!(store.set_department_active("A", false).unwrap(), Err(DepartmentRefusal::HasMembers(2)));
            store.set_department_active("B", false).unwrap().unwrap();
            assert!(!store.departments().unwrap()[1].active);
            // The person's 所属 name follows the rename.
            assert_eq!(store.staff_member("1").unwrap().unwrap().record.dept_name, "総務課");
        }
    }

    mod progress_tests {
        use super::super::*;

        #[test]
        fn a_long_import_reports_progress_up_to_the_total() {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open_dir(dir.path()).unwrap();
            let mut csv = String::from("職員番号,氏名,所属コード,所属名\n");
            for i in 0..1200 {
                csv.push_str(&format!("{i},職員{i},A,総務課\n"));
            }
            let records: Vec<_> = tebiki_core::roster::import::parse_roster(csv.as_bytes(), None).unwrap().rows.into_iter().map(|(_, r)| r).collect();
            let mut seen = Vec::new();
            store.import_roster_with_progress(&records, &[], true, "2025-04-01", &mut |d, t| seen.push((d, t))).unwrap();
            assert_eq!(seen, [(0, 1200), (500, 1200), (1000, 1200), (1200, 1200)]);
        }
    }

    mod role_edit_tests {
        use super::super::*;

        #[test]
        fn roles_are_set_by_hand_with_history() {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open_dir(dir.path()).unwrap();
            let csv = "職員番号,氏名,所属コード,所属名,役職\n1,山田,A,総務課,課長\n";
            let records: Vec<_> = tebiki_core::roster::import::parse_roster(csv.as_bytes(), None).unwrap().rows.into_iter().map(|(_, r)| r).collect();
            store.import_roster(&records, true, "2025-04-01").unwrap();
            assert!(store.set_staff_roles("1", &["情報管理者".into(), "業務システム管理者".into()]).unwrap());
            assert_eq!(store.staff_member("1").unwrap().unwrap().record.roles, ["情報管理者", "業務システム管理者"]);
            assert!(!store.set_staff_roles("999", &[]).unwrap());
            let n: i64 = store.conn.query_row("SELECT COUNT(*) FROM staff_history WHERE field = 'roles'", [], |r| r.get(0)).unwrap();
            assert_eq!(n, 1);
        }
    }
}
