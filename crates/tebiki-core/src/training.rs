//! 研修: the course catalogue of a pack and who must attend what in a 年度.
//!
//! Rules (神戸市 7.2.2, 7.2.3 and the like in every pack):
//! - 年次研修 (`annual`): everyone employed at any time in the 年度, by March 31.
//!   For someone hired in that 年度, the 新規採用者研修 counts as it too.
//! - 新規採用者研修 (`new-hire`): people hired in the 年度, within N days of 採用日.
//! - role courses (`role`) and drills (`drill`): holders of the listed roles
//!   (a drill with no roles is for everyone), by March 31.
//! The 年度 boundary resets what is due; attendance of earlier years is kept.

use crate::fiscal_year::FiscalYear;
use crate::roles::{canonical_names, Role};
use crate::roster_import::StaffRecord;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum CourseKind {
    Annual,
    NewHire,
    Role,
    Drill,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct Course {
    pub id: String,
    pub title: String,
    pub kind: CourseKind,
    /// The clause that requires it.
    pub clause: String,
    /// new-hire: days after 採用日 by which it is due.
    #[serde(default)]
    pub within_days: Option<u32>,
    /// role / drill: who must attend (the pack's role names).
    #[serde(default)]
    pub roles: Vec<String>,
    /// Provenance (FORMAT.md, 「出典」): that the course is required, who
    /// attends, the deadline after 採用日, and the once-a-年度 frequency.
    /// None for courses an administrator added (the organisation's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<crate::roles::Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles_source: Option<crate::roles::Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_days_source: Option<crate::roles::Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency_source: Option<crate::roles::Source>,
}

impl Course {
    /// A course without provenance: one an administrator adds in the app.
    pub fn custom(id: String, title: String, kind: CourseKind, clause: String, within_days: Option<u32>, roles: Vec<String>) -> Course {
        Course { id, title, kind, clause, within_days, roles, source: None, roles_source: None, within_days_source: None, frequency_source: None }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseFile {
    #[serde(default)]
    pub course: Vec<Course>,
}

pub const DEFAULT_NEW_HIRE_DAYS: u32 = 90;

/// The courses in force for an organisation (the pack's plus those an
/// administrator added) and the pack's roles, with every course's roles
/// written as the pack's role names so that rosters saying 課長 or
/// 統括責任者 match.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub courses: Vec<Course>,
    pub roles: Vec<Role>,
    /// Roster label → the pack's role name, filled as labels are met: a
    /// roster of 20,000 people uses a handful of distinct labels, and
    /// resolving one normalises every role name and alias.
    resolved: std::cell::RefCell<std::collections::HashMap<String, String>>,
}

impl Catalogue {
    pub fn new(mut courses: Vec<Course>, roles: Vec<Role>) -> Catalogue {
        for c in &mut courses {
            c.roles = canonical_names(&roles, &c.roles);
        }
        Catalogue { courses, roles, resolved: Default::default() }
    }

    /// A person's roster roles as the pack's role names.
    pub fn person_roles(&self, person: &StaffRecord) -> Vec<String> {
        let mut memo = self.resolved.borrow_mut();
        let mut out: Vec<String> = Vec::new();
        for label in &person.roles {
            let name = memo.entry(label.clone()).or_insert_with(|| canonical_names(&self.roles, std::slice::from_ref(label)).remove(0));
            if !out.contains(name) {
                out.push(name.clone());
            }
        }
        out
    }

    pub fn course(&self, id: &str) -> Option<&Course> {
        self.courses.iter().find(|c| c.id == id)
    }
}

/// Why an administrator's new course is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CourseError {
    #[error("course title is empty")]
    NoTitle,
    #[error("a course titled {0} exists")]
    DuplicateTitle(String),
    #[error("clause {0} does not exist")]
    UnknownClause(String),
    #[error("role {0} is not one of the pack's roles")]
    UnknownRole(String),
}

impl CourseError {
    pub fn message(&self) -> crate::message::Message {
        use crate::message::Message;
        match self {
            CourseError::NoTitle => Message::new("course-error-no-title"),
            CourseError::DuplicateTitle(t) => Message::new("course-error-duplicate").arg("title", t),
            CourseError::UnknownClause(c) => Message::new("course-error-clause").arg("clause", c),
            CourseError::UnknownRole(r) => Message::new("course-error-role").arg("role", r),
        }
    }
}

/// What an administrator typed for a new course.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct CourseDraft {
    pub title: String,
    pub kind: CourseKind,
    /// A clause id (`kobe/taisaku/7.2.2`) or a clause number of the pack (`7.2.2`, `第62`).
    pub clause: String,
    pub within_days: Option<u32>,
    pub roles: Vec<String>,
}

/// Checks a new course against the pack and the catalogue; gives it the next
/// free `custom-N` id.
pub fn new_course(draft: &CourseDraft, pack: &crate::pack::Pack, catalogue: &Catalogue) -> Result<Course, CourseError> {
    let title = draft.title.trim();
    if title.is_empty() {
        return Err(CourseError::NoTitle);
    }
    if catalogue.courses.iter().any(|c| c.title == title) {
        return Err(CourseError::DuplicateTitle(title.to_owned()));
    }
    let clause = find_clause(pack, draft.clause.trim()).ok_or_else(|| CourseError::UnknownClause(draft.clause.trim().to_owned()))?;
    let mut roles = Vec::new();
    for r in draft.roles.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
        let role = crate::roles::resolve(&pack.roles, r).ok_or_else(|| CourseError::UnknownRole(r.to_owned()))?;
        if !roles.contains(&role.name) {
            roles.push(role.name.clone());
        }
    }
    let id = (1..).map(|n| format!("custom-{n}")).find(|id| catalogue.course(id).is_none()).expect("unbounded");
    let within_days = (draft.kind == CourseKind::NewHire).then(|| draft.within_days.unwrap_or(DEFAULT_NEW_HIRE_DAYS));
    Ok(Course::custom(id, title.to_owned(), draft.kind, clause, within_days, roles))
}

/// A clause given as its id or as the number shown in the policy (`7.2.2`,
/// `第62`): the local id under any document of the pack.
fn find_clause(pack: &crate::pack::Pack, given: &str) -> Option<String> {
    if pack.clause(given).is_some() {
        return Some(given.to_owned());
    }
    let local = given.trim_start_matches('第').trim_end_matches('条');
    pack.documents.iter().map(|d| format!("{}/{}/{}", pack.id, d.id, local)).find(|id| pack.clause(id).is_some())
}

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
    let done_in_year = |kinds: &[&str]| {
        attended
            .iter()
            .filter(|a| fy.contains(a.date) && kinds.contains(&a.course_id.as_str()))
            .map(|a| a.date)
            .min()
    };
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

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn kobe_roles() -> Vec<Role> {
        toml::from_str::<crate::roles::RoleFile>(include_str!("../../../content/packs/kobe/roles.toml")).unwrap().role
    }

    fn courses() -> Catalogue {
        let c = |id: &str, kind, roles: &[&str]| Course::custom(id.into(), id.into(), kind, "kobe/taisaku/7.2.2".into(), None, roles.iter().map(|r| r.to_string()).collect());
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

/// One 所属's progress in a 年度.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct DepartmentProgress {
    pub code: String,
    pub name: String,
    pub people: usize,
    pub required: usize,
    pub done: usize,
    /// People with at least one overdue course.
    pub overdue_people: usize,
    /// done / required, in percent (100 when nothing is required).
    pub rate: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct OverduePerson {
    pub employee_no: String,
    pub name: String,
    pub dept_code: String,
    pub dept_name: String,
    /// Course titles overdue.
    pub courses: Vec<String>,
}

/// Completion of one course, or of the people holding one role.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct GroupProgress {
    /// Course id or role name.
    pub key: String,
    pub label: String,
    pub people: usize,
    pub required: usize,
    pub done: usize,
    pub overdue: usize,
    pub rate: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct TrainingOverview {
    pub year: i32,
    /// 令和7年度
    pub year_label: String,
    pub people: usize,
    pub required: usize,
    pub done: usize,
    pub rate: f64,
    pub departments: Vec<DepartmentProgress>,
    /// By course, in catalogue order.
    pub courses: Vec<GroupProgress>,
    /// By role, in the pack's role order (職員等 is everyone).
    pub roles: Vec<GroupProgress>,
    pub overdue: Vec<OverduePerson>,
}

fn rate(done: usize, required: usize) -> f64 {
    if required == 0 {
        100.0
    } else {
        (done as f64 / required as f64 * 1000.0).round() / 10.0
    }
}

/// Completion by 所属 and the overdue list for a 年度.
pub fn overview(
    staff: &[StaffRecord],
    catalogue: &Catalogue,
    attended: &std::collections::HashMap<String, Vec<Attended>>,
    fy: FiscalYear,
    today: NaiveDate,
) -> TrainingOverview {
    let courses = &catalogue.courses;
    let mut depts: std::collections::BTreeMap<String, DepartmentProgress> = std::collections::BTreeMap::new();
    let group = |key: &str, label: &str| GroupProgress { key: key.into(), label: label.into(), people: 0, required: 0, done: 0, overdue: 0, rate: 0.0 };
    let mut by_course: Vec<GroupProgress> = courses.iter().map(|c| group(&c.id, &c.title)).collect();
    let mut by_role: Vec<GroupProgress> = catalogue.roles.iter().map(|r| group(&r.name, &r.name)).collect();
    let everyone = catalogue.roles.iter().position(|r| r.generic == crate::roles::GenericRole::Staff);
    let mut overdue = Vec::new();
    let (mut people, mut required, mut done) = (0, 0, 0);
    for p in staff.iter().filter(|p| employed_in(p, fy)) {
        let reqs = requirements(p, catalogue, fy, attended.get(&p.employee_no).map(Vec::as_slice).unwrap_or(&[]), today);
        let n_late = reqs.iter().filter(|r| r.state == DueState::Overdue).count();
        for r in &reqs {
            if let Some(g) = by_course.iter_mut().find(|g| g.key == r.course_id) {
                g.people += 1;
                g.required += 1;
                g.done += usize::from(r.state == DueState::Done);
                g.overdue += usize::from(r.state == DueState::Overdue);
            }
        }
        let held = catalogue.person_roles(p);
        for (i, g) in by_role.iter_mut().enumerate() {
            if Some(i) == everyone || held.contains(&g.key) {
                g.people += 1;
                g.required += reqs.len();
                g.done += reqs.iter().filter(|r| r.state == DueState::Done).count();
                g.overdue += usize::from(n_late > 0);
            }
        }
        let d = depts.entry(p.dept_code.clone()).or_insert_with(|| DepartmentProgress {
            code: p.dept_code.clone(),
            name: p.dept_name.clone(),
            people: 0,
            required: 0,
            done: 0,
            overdue_people: 0,
            rate: 0.0,
        });
        let n_done = reqs.iter().filter(|r| r.state == DueState::Done).count();
        let late: Vec<String> = reqs
            .iter()
            .filter(|r| r.state == DueState::Overdue)
            .filter_map(|r| courses.iter().find(|c| c.id == r.course_id).map(|c| c.title.clone()))
            .collect();
        d.people += 1;
        d.required += reqs.len();
        d.done += n_done;
        people += 1;
        required += reqs.len();
        done += n_done;
        if !late.is_empty() {
            d.overdue_people += 1;
            overdue.push(OverduePerson {
                employee_no: p.employee_no.clone(),
                name: p.name.clone(),
                dept_code: p.dept_code.clone(),
                dept_name: p.dept_name.clone(),
                courses: late,
            });
        }
    }
    let departments = depts
        .into_values()
        .map(|mut d| {
            d.rate = rate(d.done, d.required);
            d
        })
        .collect();
    let finish = |gs: Vec<GroupProgress>| -> Vec<GroupProgress> {
        gs.into_iter()
            .filter(|g| g.people > 0)
            .map(|mut g| {
                g.rate = rate(g.done, g.required);
                g
            })
            .collect()
    };
    TrainingOverview {
        year: fy.0,
        year_label: fy.wareki(),
        people,
        required,
        done,
        rate: rate(done, required),
        departments,
        courses: finish(by_course),
        roles: finish(by_role),
        overdue,
    }
}

/// The overdue list as CSV that Excel opens correctly: Shift_JIS (CP932) or
/// UTF-8 with a BOM, CRLF line ends.
pub fn overdue_csv(overview: &TrainingOverview, shift_jis: bool, headers: [&str; 5]) -> Vec<u8> {
    let mut w = crate::excel_csv::writer();
    let _ = w.write_record(headers);
    for p in &overview.overdue {
        let _ = w.write_record([p.employee_no.as_str(), p.name.as_str(), p.dept_code.as_str(), p.dept_name.as_str(), &p.courses.join("・")]);
    }
    crate::excel_csv::finish(w, shift_jis)
}

#[cfg(test)]
mod overview_tests {
    use super::*;

    #[test]
    fn overview_by_department_and_csv_round_trip() {
        let p = |no: &str, dept: &str| StaffRecord {
            employee_no: no.into(),
            name: format!("職員{no}"),
            kana: None,
            dept_code: dept.into(),
            dept_name: format!("{dept}課"),
            employment: None,
            roles: vec![],
            hired_on: Some("2010-04-01".into()),
            left_on: None,
            email: None,
        };
        let staff = vec![p("1", "A"), p("2", "A"), p("3", "B")];
        let mut staff = staff;
        staff[2].roles = vec!["課長".into()];
        let roles = toml::from_str::<crate::roles::RoleFile>(include_str!("../../../content/packs/kobe/roles.toml")).unwrap().role;
        let courses = Catalogue::new(
            vec![
                Course::custom("annual".into(), "年次研修".into(), CourseKind::Annual, "x/y/1".into(), None, vec![]),
                Course::custom("mgr".into(), "管理者研修".into(), CourseKind::Role, "x/y/1".into(), None, vec!["info-manager".into()]),
            ],
            roles,
        );
        let mut attended = std::collections::HashMap::new();
        attended.insert("1".to_owned(), vec![Attended { course_id: "annual".into(), date: NaiveDate::from_ymd_opt(2025, 6, 1).unwrap() }]);
        let o = overview(&staff, &courses, &attended, FiscalYear(2025), NaiveDate::from_ymd_opt(2026, 4, 1).unwrap());
        assert_eq!((o.people, o.required, o.done), (3, 4, 1));
        assert_eq!(o.departments[0].rate, 50.0);
        // By course: everyone needs the annual course, only the 課長 (情報管理者) the role course.
        let c: Vec<_> = o.courses.iter().map(|g| (g.key.as_str(), g.required, g.done, g.rate)).collect();
        assert_eq!(c, [("annual", 3, 1, 33.3), ("mgr", 1, 0, 0.0)]);
        // By role: 情報管理者 holds one person (2 courses, none done); 職員等 is everyone.
        let r: Vec<_> = o.roles.iter().map(|g| (g.key.as_str(), g.people, g.required, g.done)).collect();
        assert_eq!(r, [("情報管理者", 1, 2, 0), ("職員等", 3, 4, 1)]);
        assert_eq!(o.departments[1].rate, 0.0);
        assert_eq!(o.overdue.iter().map(|x| x.employee_no.as_str()).collect::<Vec<_>>(), ["2", "3"]);
        let sjis = overdue_csv(&o, true, ["職員番号", "氏名", "所属コード", "所属名", "未受講の研修"]);
        let back = crate::roster_import::parse_roster(&sjis, None).unwrap();
        assert_eq!(back.encoding, "Shift_JIS");
        assert_eq!(back.rows.len(), 2);
        let bom = overdue_csv(&o, false, ["職員番号", "氏名", "所属コード", "所属名", "未受講の研修"]);
        assert!(bom.starts_with(&[0xEF, 0xBB, 0xBF]));
        assert!(String::from_utf8_lossy(&bom).contains("\r\n"));
    }
}

#[cfg(test)]
mod custom_course_tests {
    use super::*;

    #[test]
    fn an_administrators_course_is_checked_against_the_pack() {
        let lib = crate::pack::library::PackLibrary::load(None);
        let pack = lib.get("kobe").unwrap();
        let cat = Catalogue::new(pack.courses.clone(), pack.roles.clone());
        let draft = |title: &str, clause: &str, roles: &[&str]| CourseDraft {
            title: title.into(),
            kind: CourseKind::Role,
            clause: clause.into(),
            within_days: None,
            roles: roles.iter().map(|r| r.to_string()).collect(),
        };
        let c = new_course(&draft(" 標的型メール訓練 ", "7.2.3", &["課長"]), pack, &cat).unwrap();
        assert_eq!((c.id.as_str(), c.title.as_str(), c.clause.as_str()), ("custom-1", "標的型メール訓練", "kobe/taisaku/7.2.3"));
        assert_eq!(c.roles, ["情報管理者"]);
        assert_eq!(new_course(&draft("", "7.2.3", &[]), pack, &cat), Err(CourseError::NoTitle));
        assert_eq!(new_course(&draft("年次情報セキュリティ研修", "7.2.2", &[]), pack, &cat), Err(CourseError::DuplicateTitle("年次情報セキュリティ研修".into())));
        assert_eq!(new_course(&draft("x", "99.9", &[]), pack, &cat), Err(CourseError::UnknownClause("99.9".into())));
        assert_eq!(new_course(&draft("x", "kobe/taisaku/7.2.2", &["係長"]), pack, &cat), Err(CourseError::UnknownRole("係長".into())));
        let mut with = cat.clone();
        with.courses.push(c);
        assert_eq!(new_course(&draft("二つ目", "7.2.2", &[]), pack, &with).unwrap().id, "custom-2");
    }
}
