//! Who must attend what in a 年度, and whether it is done, due or overdue.

use super::catalogue::Catalogue;
use crate::calendar::fiscal_year::FiscalYear;
use crate::pack::courses::{CourseKind, DEFAULT_NEW_HIRE_DAYS};
use crate::roster::import::StaffRecord;
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum DueState {
    Done,
    /// Not done, deadline not passed.
    Due,
    Overdue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct Requirement {
    pub course_id: String,
    /// ISO 8601
    pub due_by: String,
    pub done_on: Option<String>,
    pub state: DueState,
}

/// One attendance: the course and the date of the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attended {
    pub course_id: String,
    pub date: NaiveDate,
}

fn date(s: &Option<String>) -> Option<NaiveDate> {
    s.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// Whether the person was employed at any time during the 年度.
pub fn employed_in(person: &StaffRecord, fy: FiscalYear) -> bool {
    date(&person.hired_on).is_none_or(|h| h <= fy.end()) && date(&person.left_on).is_none_or(|l| l >= fy.start())
}

/// What `person` must attend in `fy`, and how far they are.
pub fn requirements(person: &StaffRecord, catalogue: &Catalogue, fy: FiscalYear, attended: &[Attended], today: NaiveDate) -> Vec<Requirement> {
    if !employed_in(person, fy) {
        return Vec::new();
    }
    let courses = &catalogue.courses;
    let person_roles = catalogue.person_roles(person);
    let hired = date(&person.hired_on);
    let hired_this_year = hired.is_some_and(|h| fy.contains(h));
    let holds = |roles: &[String]| roles.iter().any(|r| person_roles.contains(r));
    let done_in_year = |kinds: &[&str]| attended.iter().filter(|a| fy.contains(a.date) && kinds.contains(&a.course_id.as_str())).map(|a| a.date).min();
    let new_hire_ids: Vec<&str> = courses.iter().filter(|c| c.kind == CourseKind::NewHire).map(|c| c.id.as_str()).collect();
    let mut out = Vec::new();
    for c in courses {
        let (required, due_by, mut counts) = match c.kind {
            CourseKind::Annual => (true, fy.end(), vec![c.id.as_str()]),
            CourseKind::NewHire => {
                let due = hired.map(|h| h + chrono::Duration::days(c.within_days.unwrap_or(DEFAULT_NEW_HIRE_DAYS) as i64));
                (hired_this_year, due.unwrap_or(fy.end()), vec![c.id.as_str()])
            }
            CourseKind::Role => (holds(&c.roles), fy.end(), vec![c.id.as_str()]),
            CourseKind::Drill => (c.roles.is_empty() || holds(&c.roles), fy.end(), vec![c.id.as_str()]),
        };
        if !required {
            continue;
        }
        if c.kind == CourseKind::Annual && hired_this_year {
            counts.extend(new_hire_ids.iter().copied());
        }
        let done_on = done_in_year(&counts);
        let state = match done_on {
            Some(_) => DueState::Done,
            None if today > due_by => DueState::Overdue,
            None => DueState::Due,
        };
        out.push(Requirement { course_id: c.id.clone(), due_by: due_by.to_string(), done_on: done_on.map(|d| d.to_string()), state });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::courses::{Course, CourseKind};
    use crate::pack::roles::Role;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn kobe_roles() -> Vec<Role> {
        toml::from_str::<crate::pack::roles::RoleFile>(include_str!("../../../../content/packs/kobe/roles.toml")).unwrap().role
    }

    fn courses() -> Catalogue {
        let c = |id: &str, kind, roles: &[&str]| {
            Course::custom(id.into(), id.into(), kind, "kobe/taisaku/7.2.2".into(), None, roles.iter().map(|r| r.to_string()).collect())
        };
        let list = vec![
            c("annual", CourseKind::Annual, &[]),
            c("new-hire", CourseKind::NewHire, &[]),
            c("manager", CourseKind::Role, &["情報管理者"]),
            c("drill", CourseKind::Drill, &["情報管理者"]),
        ];
        Catalogue::new(list, kobe_roles())
    }

    fn person(hired: &str, roles: &[&str]) -> StaffRecord {
        StaffRecord {
            employee_no: "1".into(),
            name: "山田".into(),
            kana: None,
            dept_code: "A".into(),
            dept_name: "総務課".into(),
            employment: None,
            roles: roles.iter().map(|r| r.to_string()).collect(),
            hired_on: Some(hired.into()),
            left_on: None,
            email: None,
        }
    }

    fn ids(r: &[Requirement]) -> Vec<&str> {
        r.iter().map(|x| x.course_id.as_str()).collect()
    }

    #[test]
    fn who_must_attend_what() {
        let fy = FiscalYear(2025);
        let today = d(2025, 10, 1);
        assert_eq!(ids(&requirements(&person("2010-04-01", &[]), &courses(), fy, &[], today)), ["annual"]);
        assert_eq!(ids(&requirements(&person("2010-04-01", &["情報管理者"]), &courses(), fy, &[], today)), ["annual", "manager", "drill"]);
        assert_eq!(ids(&requirements(&person("2025-07-01", &[]), &courses(), fy, &[], today)), ["annual", "new-hire"]);
        // Hired after the 年度: nothing due in it.
        assert!(requirements(&person("2026-04-01", &[]), &courses(), fy, &[], today).is_empty());
        // A roster that says 課長 or 管理者 means the pack's 情報管理者.
        assert_eq!(ids(&requirements(&person("2010-04-01", &["課長"]), &courses(), fy, &[], today)), ["annual", "manager", "drill"]);
        assert_eq!(ids(&requirements(&person("2010-04-01", &["管理者"]), &courses(), fy, &[], today)), ["annual", "manager", "drill"]);
        assert_eq!(ids(&requirements(&person("2010-04-01", &["係長"]), &courses(), fy, &[], today)), ["annual"]);
    }

    #[test]
    fn the_year_boundary_resets_what_is_due_but_keeps_history() {
        let p = person("2010-04-01", &[]);
        let attended = [Attended { course_id: "annual".into(), date: d(2026, 3, 31) }];
        let fy25 = requirements(&p, &courses(), FiscalYear(2025), &attended, d(2026, 3, 31));
        assert_eq!(fy25[0].state, DueState::Done);
        assert_eq!(fy25[0].done_on.as_deref(), Some("2026-03-31"));
        let fy26 = requirements(&p, &courses(), FiscalYear(2026), &attended, d(2026, 4, 1));
        assert_eq!(fy26[0].state, DueState::Due);
        // After March 31 of 2025年度, not having attended is overdue.
        let late = requirements(&p, &courses(), FiscalYear(2025), &[], d(2026, 4, 1));
        assert_eq!(late[0].state, DueState::Overdue);
    }

    #[test]
    fn new_hire_training_has_its_own_deadline_and_counts_as_annual() {
        let p = person("2025-07-01", &[]);
        let r = requirements(&p, &courses(), FiscalYear(2025), &[], d(2025, 10, 1));
        let nh = r.iter().find(|x| x.course_id == "new-hire").unwrap();
        assert_eq!(nh.due_by, "2025-09-29");
        assert_eq!(nh.state, DueState::Overdue);
        let attended = [Attended { course_id: "new-hire".into(), date: d(2025, 8, 1) }];
        let r = requirements(&p, &courses(), FiscalYear(2025), &attended, d(2025, 10, 1));
        assert!(r.iter().all(|x| x.state == DueState::Done), "{r:?}");
    }
}
