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
mod tests;
