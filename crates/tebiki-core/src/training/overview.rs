//! Completion of a 年度 by 所属, course and role, and the overdue list.

use super::catalogue::Catalogue;
use super::requirements::*;
use crate::calendar::fiscal_year::FiscalYear;
use crate::roster::import::StaffRecord;
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

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
    let everyone = catalogue.roles.iter().position(|r| r.generic == crate::pack::roles::GenericRole::Staff);
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
    use crate::pack::courses::{Course, CourseKind};

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
        let roles = toml::from_str::<crate::pack::roles::RoleFile>(include_str!("../../../../content/packs/kobe/roles.toml")).unwrap().role;
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
        let back = crate::roster::import::parse_roster(&sjis, None).unwrap();
        assert_eq!(back.encoding, "Shift_JIS");
        assert_eq!(back.rows.len(), 2);
        let bom = overdue_csv(&o, false, ["職員番号", "氏名", "所属コード", "所属名", "未受講の研修"]);
        assert!(bom.starts_with(&[0xEF, 0xBB, 0xBF]));
        assert!(String::from_utf8_lossy(&bom).contains("\r\n"));

        // A name or 所属名 typed as a formula reaches Excel as text (issue 13, finding 3).
        let mut o = o;
        o.overdue[0].name = "=HYPERLINK(\"http://attacker.example/\",\"詳細\")".into();
        o.overdue[0].dept_name = "@SUM(A1)".into();
        let text = String::from_utf8(overdue_csv(&o, false, ["職員番号", "氏名", "所属コード", "所属名", "未受講の研修"])[3..].to_vec()).unwrap();
        assert!(text.contains(",\"'=HYPERLINK(\"\"http://attacker.example/\"\",\"\"詳細\"\")\","), "{text}");
        assert!(text.contains(",'@SUM(A1),"), "{text}");
        assert!(!text.contains(",=") && !text.contains(",@") && !text.contains(",\"="), "{text}");
    }
}
