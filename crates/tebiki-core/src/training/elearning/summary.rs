//! 受講状況 of an e-learning course for a 年度: per 所属 and role, who
//! passed, who tried and has not passed yet, who has not started; the
//! average score; the questions most often missed (they tell the 統括責任者
//! which rules staff do not know); and the 閲覧確認 of the current version.

use super::results::TrainingResults;
use crate::calendar::fiscal_year::FiscalYear;
use crate::pack::elearning::ElearningCourse;
use crate::pack::roles::GenericRole;
use crate::roster::import::StaffRecord;
use crate::training::catalogue::Catalogue;
use crate::training::requirements::employed_in;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// What the summary needs of one person's file, kept beside it when it is
/// imported so that 20,000 files are not parsed for every summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct HeldResult {
    pub employee_no: String,
    pub passed: bool,
    pub attempted: bool,
    /// The counted attempt's score in percent (the first pass, else the best).
    pub percent: Option<u32>,
    /// Every question asked in every attempt, and whether it was answered right.
    pub asked: Vec<(String, bool)>,
    /// The pack versions confirmed.
    pub acknowledged: Vec<String>,
}

impl HeldResult {
    pub fn of(r: &TrainingResults, course: &str) -> HeldResult {
        let c = r.course(course);
        HeldResult {
            employee_no: r.person.employee_no.clone(),
            passed: c.and_then(|c| c.passing()).is_some(),
            attempted: c.is_some_and(|c| !c.attempts.is_empty()),
            percent: c.and_then(|c| c.counted()).map(|a| a.percent()),
            asked: c.map(|c| c.attempts.iter().flat_map(|a| a.answers.iter().map(|x| (x.question.clone(), x.correct))).collect()).unwrap_or_default(),
            acknowledged: r.acknowledgements.iter().map(|a| a.pack_version.clone()).collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct GroupRow {
    /// 所属コード, or the role's name.
    pub code: String,
    pub name: String,
    pub people: u32,
    pub passed: u32,
    /// Tried, not passed yet.
    pub attempted: u32,
    pub not_started: u32,
    /// Mean of the counted attempts' scores (percent) of those who tried.
    pub average_score: Option<f64>,
    /// Confirmed the current version.
    pub acknowledged: u32,
    /// Confirmed an earlier version only.
    pub acknowledged_older: u32,
    pub not_acknowledged: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MissedQuestion {
    pub question: String,
    /// The question as the bank has it now ("" when it left the bank).
    pub text: String,
    pub clauses: Vec<String>,
    pub asked: u32,
    pub missed: u32,
    /// missed / asked, percent.
    pub rate: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ElearningSummary {
    pub year: i32,
    pub course: String,
    pub course_title: String,
    pub pack_version: String,
    pub total: GroupRow,
    pub by_dept: Vec<GroupRow>,
    pub by_role: Vec<GroupRow>,
    /// At most [`MOST_MISSED`], most missed first (asked at least [`MIN_ASKED`] times).
    pub most_missed: Vec<MissedQuestion>,
    /// Results of people not in the roster (kept; not counted above).
    pub unmatched: u32,
}

pub const MOST_MISSED: usize = 10;
/// A question asked fewer times than this says nothing about what staff know.
pub const MIN_ASKED: u32 = 5;

#[derive(Default)]
struct Tally {
    people: u32,
    passed: u32,
    attempted: u32,
    scores: (u64, u32),
    ack: u32,
    ack_older: u32,
}

impl Tally {
    fn add(&mut self, r: Option<&HeldResult>, version: &str) {
        self.people += 1;
        let Some(r) = r else { return };
        if r.passed {
            self.passed += 1;
        } else if r.attempted {
            self.attempted += 1;
        }
        if let Some(p) = r.percent {
            self.scores.0 += p as u64;
            self.scores.1 += 1;
        }
        if r.acknowledged.iter().any(|v| v == version) {
            self.ack += 1;
        } else if !r.acknowledged.is_empty() {
            self.ack_older += 1;
        }
    }

    fn row(&self, code: String, name: String) -> GroupRow {
        GroupRow {
            code,
            name,
            people: self.people,
            passed: self.passed,
            attempted: self.attempted,
            not_started: self.people - self.passed - self.attempted,
            average_score: (self.scores.1 > 0).then(|| (self.scores.0 as f64 / self.scores.1 as f64 * 10.0).round() / 10.0),
            acknowledged: self.ack,
            acknowledged_older: self.ack_older,
            not_acknowledged: self.people - self.ack - self.ack_older,
        }
    }
}

/// The summary over everyone employed in the 年度 (`staff`), from the
/// results held for it.
pub fn summarize(
    staff: &[StaffRecord],
    catalogue: &Catalogue,
    course: &ElearningCourse,
    pack_version: &str,
    year: FiscalYear,
    results: &[HeldResult],
) -> ElearningSummary {
    let by_no: HashMap<&str, &HeldResult> = results.iter().map(|r| (r.employee_no.as_str(), r)).collect();
    let everyone = catalogue.roles.iter().find(|r| r.generic == GenericRole::Staff).map(|r| r.name.clone());
    let mut total = Tally::default();
    let mut depts: Vec<(String, String, Tally)> = Vec::new();
    let mut dept_at: HashMap<String, usize> = HashMap::new();
    let mut roles: HashMap<String, Tally> = HashMap::new();
    let mut matched = 0u32;
    for p in staff.iter().filter(|p| employed_in(p, year)) {
        let r = by_no.get(p.employee_no.as_str()).copied();
        matched += r.is_some() as u32;
        total.add(r, pack_version);
        let i = *dept_at.entry(p.dept_code.clone()).or_insert_with(|| {
            depts.push((p.dept_code.clone(), p.dept_name.clone(), Tally::default()));
            depts.len() - 1
        });
        depts[i].2.add(r, pack_version);
        let mut held = catalogue.person_roles(p);
        if let Some(e) = &everyone {
            if !held.contains(e) {
                held.push(e.clone());
            }
        }
        for role in held {
            roles.entry(role).or_default().add(r, pack_version);
        }
    }
    depts.sort_by(|a, b| a.0.cmp(&b.0));
    let mut by_role: Vec<GroupRow> = roles.into_iter().map(|(name, t)| t.row(name.clone(), name)).collect();
    let order = |name: &str| catalogue.roles.iter().position(|r| r.name == name).unwrap_or(usize::MAX);
    by_role.sort_by(|a, b| order(&a.name).cmp(&order(&b.name)).then(a.name.cmp(&b.name)));

    let mut questions: HashMap<&str, (u32, u32)> = HashMap::new();
    for r in results {
        for (q, right) in &r.asked {
            let e = questions.entry(q.as_str()).or_default();
            e.0 += 1;
            e.1 += !*right as u32;
        }
    }
    let mut most_missed: Vec<MissedQuestion> = questions
        .into_iter()
        .filter(|(_, (asked, missed))| *asked >= MIN_ASKED && *missed > 0)
        .map(|(id, (asked, missed))| {
            let q = course.question(id);
            MissedQuestion {
                question: id.to_owned(),
                text: q.map(|q| q.text.clone()).unwrap_or_default(),
                clauses: q.map(|q| q.clauses.clone()).unwrap_or_default(),
                asked,
                missed,
                rate: (missed as f64 / asked as f64 * 1000.0).round() / 10.0,
            }
        })
        .collect();
    most_missed.sort_by(|a, b| b.rate.total_cmp(&a.rate).then(b.missed.cmp(&a.missed)).then(a.question.cmp(&b.question)));
    most_missed.truncate(MOST_MISSED);

    ElearningSummary {
        year: year.0,
        course: course.course.clone(),
        course_title: course.title.clone(),
        pack_version: pack_version.to_owned(),
        total: total.row(String::new(), String::new()),
        by_dept: depts.into_iter().map(|(code, name, t)| t.row(code, name)).collect(),
        by_role,
        most_missed,
        unmatched: results.len() as u32 - matched,
    }
}
