//! 自己点検の集計: who must submit vs who did, compliance rates, 改善策.
//!
//! Inputs are plain data so that the 集計 does not depend on how
//! questionnaires are stored: the roster, the pack's roles, for each
//! questionnaire its role and items (id, question, chapter label), and the
//! latest submission of each respondent + role for the 年度 and the one before.
//!
//! - Who must submit: active staff holding a role (resolved with
//!   [`roles::resolve`]) that has a questionnaire; if the pack's 職員等 role
//!   (generic `staff`) has one, everyone.
//! - 実施率 (compliance rate) = 実施 / (実施 + 一部実施 + 未実施); 該当なし and
//!   unanswered items are left out. None when nothing counts.
//! - Counts of who must submit / did are by the 所属 on the roster; rates
//!   are by the 所属 in the submission (the answers describe that 所属 even if
//!   the respondent has moved since).
//!
//! One pass over the staff and one over the answers, hash lookups only: 20,000
//! staff and 500 submissions take a few milliseconds.

use crate::calendar::fiscal_year::FiscalYear;
use crate::pack::roles::{self, GenericRole, Role};
use crate::roster::import::StaffRecord;
use crate::selfcheck::answers::{Answer, RemedyStatus};
use crate::selfcheck::submission::Submission;
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::HashMap;
use ts_rs::TS;

/// A questionnaire item as the 集計 needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemInfo {
    pub id: String,
    pub question: String,
    /// The chapter the item belongs to (e.g. 「3 組織体制」), from its clauses.
    pub chapter: String,
}

/// A questionnaire: its pack role and items, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionnaireInfo {
    pub role: String,
    pub role_name: String,
    pub items: Vec<ItemInfo>,
}

pub struct DashboardInput<'a> {
    pub year: i32,
    /// Active staff.
    pub staff: &'a [StaffRecord],
    pub roles: &'a [Role],
    pub questionnaires: &'a [QuestionnaireInfo],
    /// The latest version of each submission of the 年度.
    pub submissions: &'a [Submission],
    /// The same for the previous 年度 (may be empty).
    pub previous: &'a [Submission],
    /// The day 期限超過 is judged on.
    pub today: chrono::NaiveDate,
}

/// Answers counted by kind, and the 実施率 in percent (one decimal).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    pub implemented: usize,
    pub partial: usize,
    pub not_implemented: usize,
    pub not_applicable: usize,
    /// 実施 / (実施 + 一部 + 未実施) in percent; None when all are 該当なし.
    pub rate: Option<f64>,
}

impl Tally {
    fn add(&mut self, a: Answer) {
        match a {
            Answer::Implemented => self.implemented += 1,
            Answer::Partial => self.partial += 1,
            Answer::NotImplemented => self.not_implemented += 1,
            Answer::NotApplicable => self.not_applicable += 1,
        }
    }

    fn finish(mut self) -> Tally {
        let counted = self.implemented + self.partial + self.not_implemented;
        self.rate = (counted > 0).then(|| (self.implemented as f64 / counted as f64 * 1000.0).round() / 10.0);
        self
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct DepartmentRow {
    pub code: String,
    pub name: String,
    /// Obligations (person × role) of people on the roster in this 所属.
    pub required: usize,
    /// Of those, submitted.
    pub submitted: usize,
    /// Answers of the submissions made for this 所属.
    pub tally: Tally,
    pub previous_rate: Option<f64>,
    /// Its 改善策 and where they stand.
    pub remedy_counts: RemedyCounts,
}

/// 改善策 counted by where they stand: 完了率 is done / (total − withdrawn);
/// 期限超過 those past their 期限 and not 完了 or 取り下げ.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RemedyCounts {
    pub total: usize,
    pub not_started: usize,
    pub in_progress: usize,
    pub done: usize,
    pub withdrawn: usize,
    pub overdue: usize,
    /// Percent, one decimal; None when nothing is to be done.
    pub done_rate: Option<f64>,
}

impl RemedyCounts {
    pub fn add(&mut self, r: &RemedyRow) {
        self.add_one(r.status, r.overdue);
    }

    fn add_one(&mut self, status: RemedyStatus, overdue: bool) {
        self.total += 1;
        match status {
            RemedyStatus::NotStarted => self.not_started += 1,
            RemedyStatus::InProgress => self.in_progress += 1,
            RemedyStatus::Done => self.done += 1,
            RemedyStatus::Withdrawn => self.withdrawn += 1,
        }
        self.overdue += overdue as usize;
        let open = self.total - self.withdrawn;
        self.done_rate = (open > 0).then(|| (self.done as f64 / open as f64 * 1000.0).round() / 10.0);
    }

    /// The 改善策 of `submissions` counted without listing them (the previous
    /// 年度's 改善の状況): the same rules as [`RemedyRow`]'s.
    pub fn of_submissions(submissions: &[Submission], today: chrono::NaiveDate) -> RemedyCounts {
        let mut c = RemedyCounts::default();
        for s in submissions {
            for a in s.answers.iter().filter(|a| a.answer.needs_remedy()) {
                let status = s.remedy_progress(&a.item_id).map(|p| p.status).unwrap_or_default();
                let past_due = a.due.as_deref().and_then(crate::selfcheck::answers::parse_due).is_some_and(|d| d < today);
                c.add_one(status, past_due && status.is_open());
            }
        }
        c
    }

    pub fn of<'a>(rows: impl IntoIterator<Item = &'a RemedyRow>) -> RemedyCounts {
        let mut c = RemedyCounts::default();
        for r in rows {
            c.add(r);
        }
        c
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RoleRow {
    pub role: String,
    pub role_name: String,
    pub required: usize,
    pub submitted: usize,
    pub tally: Tally,
    pub previous_rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ChapterRow {
    pub chapter: String,
    pub tally: Tally,
    pub previous_rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ItemRow {
    pub role: String,
    pub role_name: String,
    pub item_id: String,
    pub question: String,
    pub chapter: String,
    pub tally: Tally,
    pub previous_rate: Option<f64>,
}

/// A person who must submit a role's questionnaire, and whether they did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ExpectedSubmission {
    pub employee_no: String,
    pub name: String,
    pub dept_code: String,
    pub dept_name: String,
    pub role: String,
    pub role_name: String,
    /// The version submitted (None: not yet).
    pub version: Option<u32>,
    /// RFC 3339
    pub submitted_at: Option<String>,
}

/// One 改善策: an item answered 一部実施 or 実施していない.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RemedyRow {
    pub dept_code: String,
    pub dept_name: String,
    pub employee_no: String,
    pub name: String,
    pub role: String,
    pub role_name: String,
    pub item_id: String,
    /// Empty when the item is not in the installed questionnaire.
    pub question: String,
    pub chapter: String,
    pub answer: Answer,
    pub remedy: String,
    /// ISO 8601
    pub due: Option<String>,
    pub comment: String,
    /// Where it stands, since when, and the note.
    pub status: RemedyStatus,
    pub status_on: Option<String>,
    pub status_note: String,
    /// Past its 期限 and not 完了 or 取り下げ.
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SelfcheckDashboard {
    pub year: i32,
    /// 令和7年度
    pub year_label: String,
    pub previous_year_label: String,
    /// Obligations (person × role) and how many were submitted.
    pub required: usize,
    pub submitted: usize,
    /// Submissions the roster does not ask for (the person left, or no longer
    /// holds the role): counted in the rates, not in `submitted`.
    pub unexpected: usize,
    pub overall: Tally,
    pub previous_rate: Option<f64>,
    pub departments: Vec<DepartmentRow>,
    pub roles: Vec<RoleRow>,
    pub chapters: Vec<ChapterRow>,
    pub items: Vec<ItemRow>,
    /// Who must submit and has not, by 所属 then 職員番号.
    pub pending: Vec<ExpectedSubmission>,
    /// Who must submit and did, by 所属 then 職員番号.
    pub done: Vec<ExpectedSubmission>,
    /// Sorted by 期限 (see [`sort_remedies`]).
    pub remedies: Vec<RemedyRow>,
    /// All of them counted by where they stand.
    pub remedy_counts: RemedyCounts,
    /// The previous 年度's 改善策, counted the same way as of today (改善の状況).
    pub previous_remedy_counts: Option<RemedyCounts>,
    /// Answers to items the installed questionnaires do not have (another
    /// pack version): in the overall, 所属 and role rates only.
    pub unmatched_answers: usize,
}

/// Rates of a set of submissions, keyed for the side-by-side comparison.
#[derive(Default)]
struct Rates<'a> {
    overall: Tally,
    dept: HashMap<&'a str, Tally>,
    role: HashMap<&'a str, Tally>,
    chapter: HashMap<usize, Tally>,
    item: HashMap<usize, Tally>,
    unmatched: usize,
}

/// Items and chapters of the questionnaires, indexed.
struct Catalogue<'a> {
    /// (role, item id) → index into `items`
    item_index: HashMap<(&'a str, &'a str), usize>,
    items: Vec<(&'a QuestionnaireInfo, &'a ItemInfo, usize)>,
    chapters: Vec<&'a str>,
}

impl<'a> Catalogue<'a> {
    fn new(questionnaires: &'a [QuestionnaireInfo]) -> Catalogue<'a> {
        let mut chapter_index: HashMap<&str, usize> = HashMap::new();
        let mut c = Catalogue { item_index: HashMap::new(), items: Vec::new(), chapters: Vec::new() };
        for q in questionnaires {
            for item in &q.items {
                let ch = *chapter_index.entry(item.chapter.as_str()).or_insert_with(|| {
                    c.chapters.push(item.chapter.as_str());
                    c.chapters.len() - 1
                });
                c.item_index.entry((q.role.as_str(), item.id.as_str())).or_insert_with(|| {
                    c.items.push((q, item, ch));
                    c.items.len() - 1
                });
            }
        }
        c
    }
}

fn rates<'a>(subs: &'a [Submission], cat: &Catalogue) -> Rates<'a> {
    let mut r = Rates::default();
    for s in subs {
        for a in &s.answers {
            r.overall.add(a.answer);
            r.dept.entry(s.respondent.dept_code.as_str()).or_default().add(a.answer);
            r.role.entry(s.role.as_str()).or_default().add(a.answer);
            match cat.item_index.get(&(s.role.as_str(), a.item_id.as_str())) {
                Some(&i) => {
                    r.item.entry(i).or_default().add(a.answer);
                    r.chapter.entry(cat.items[i].2).or_default().add(a.answer);
                }
                None => r.unmatched += 1,
            }
        }
    }
    r
}

/// Every (person, questionnaire) the roster asks for: the questionnaires
/// of the roles a person holds (roster labels resolved with
/// [`roles::resolve`]) and, when the pack's 職員等 role (generic `staff`)
/// has a questionnaire, that one for everyone. In roster order.
pub fn who_must_submit<'a>(staff: &'a [StaffRecord], roles: &[Role], questionnaires: &'a [QuestionnaireInfo]) -> Vec<(&'a StaffRecord, &'a QuestionnaireInfo)> {
    let with_questionnaire: HashMap<&str, &QuestionnaireInfo> = questionnaires.iter().map(|q| (q.role.as_str(), q)).collect();
    let everyone: Option<&QuestionnaireInfo> =
        roles.iter().filter(|r| r.generic == GenericRole::Staff).find_map(|r| with_questionnaire.get(r.id.as_str()).copied());
    // Roster labels resolve once each (NFKC is not free).
    let mut resolved: HashMap<&str, Option<&QuestionnaireInfo>> = HashMap::new();
    let mut out = Vec::with_capacity(if everyone.is_some() { staff.len() } else { staff.len() / 10 });
    let mut mine: Vec<&QuestionnaireInfo> = Vec::new();
    for p in staff {
        mine.clear();
        mine.extend(everyone);
        for label in &p.roles {
            let q =
                *resolved.entry(label.as_str()).or_insert_with(|| roles::resolve(roles, label).and_then(|r| with_questionnaire.get(r.id.as_str()).copied()));
            if let Some(q) = q {
                if !mine.iter().any(|m| m.role == q.role) {
                    mine.push(q);
                }
            }
        }
        out.extend(mine.iter().map(|q| (p, *q)));
    }
    out
}

/// The questionnaires of a pack as the 集計 reads them: role names from
/// roles.toml, chapter labels from the heading of each item's chapter
/// (「7 人的セキュリティ」).
pub fn questionnaires_of(pack: &crate::pack::Pack) -> Vec<QuestionnaireInfo> {
    pack.questionnaires
        .iter()
        .map(|q| QuestionnaireInfo {
            role: q.role.clone(),
            role_name: pack.roles.iter().find(|r| r.id == q.role).map(|r| r.name.clone()).unwrap_or_else(|| q.role.clone()),
            items: q
                .items
                .iter()
                .map(|item| ItemInfo {
                    id: item.id.clone(),
                    question: item.question.clone(),
                    chapter: crate::pack::questionnaire::chapter(pack, item).map(|c| c.heading.clone()).or_else(|| item.chapter.clone()).unwrap_or_default(),
                })
                .collect(),
        })
        .collect()
}

/// Who had to submit what, and who did.
struct Obligations<'a> {
    departments: HashMap<&'a str, DepartmentRow>,
    /// role → (required, submitted)
    roles: HashMap<&'a str, (usize, usize)>,
    pending: Vec<ExpectedSubmission>,
    done: Vec<ExpectedSubmission>,
    /// Submissions the roster does not ask for.
    unexpected: usize,
}

impl DepartmentRow {
    fn empty(code: &str, name: &str) -> DepartmentRow {
        DepartmentRow {
            code: code.to_owned(),
            name: name.to_owned(),
            required: 0,
            submitted: 0,
            tally: Tally::default(),
            previous_rate: None,
            remedy_counts: RemedyCounts::default(),
        }
    }
}

fn obligations<'a>(input: &DashboardInput<'a>) -> Obligations<'a> {
    let latest: HashMap<(&str, &str), &Submission> = input.submissions.iter().map(|s| ((s.respondent.employee_no.as_str(), s.role.as_str()), s)).collect();
    let mut o = Obligations { departments: HashMap::new(), roles: HashMap::new(), pending: Vec::new(), done: Vec::new(), unexpected: 0 };
    let mut claimed: std::collections::HashSet<(&str, &str)> = std::collections::HashSet::new();
    for (p, q) in who_must_submit(input.staff, input.roles, input.questionnaires) {
        let row = o.departments.entry(p.dept_code.as_str()).or_insert_with(|| DepartmentRow::empty(&p.dept_code, &p.dept_name));
        let sub = latest.get(&(p.employee_no.as_str(), q.role.as_str()));
        let counts = o.roles.entry(q.role.as_str()).or_default();
        row.required += 1;
        counts.0 += 1;
        if sub.is_some() {
            row.submitted += 1;
            counts.1 += 1;
            claimed.insert((p.employee_no.as_str(), q.role.as_str()));
        }
        let expected = ExpectedSubmission {
            employee_no: p.employee_no.clone(),
            name: p.name.clone(),
            dept_code: p.dept_code.clone(),
            dept_name: p.dept_name.clone(),
            role: q.role.clone(),
            role_name: q.role_name.clone(),
            version: sub.map(|s| s.version),
            submitted_at: sub.map(|s| s.submitted_at.clone()),
        };
        if sub.is_some() {
            o.done.push(expected)
        } else {
            o.pending.push(expected)
        }
    }
    o.unexpected = latest.keys().filter(|k| !claimed.contains(*k)).count();
    let by_dept = |a: &ExpectedSubmission, b: &ExpectedSubmission| (&a.dept_code, &a.employee_no, &a.role).cmp(&(&b.dept_code, &b.employee_no, &b.role));
    o.pending.sort_by(by_dept);
    o.done.sort_by(by_dept);
    o
}

fn previous_rate(t: Option<&Tally>) -> Option<f64> {
    t.and_then(|t| t.finish().rate)
}

/// 所属: those with obligations, with submissions, or with last year's.
fn department_rows<'a>(input: &DashboardInput<'a>, mut rows: HashMap<&'a str, DepartmentRow>, now: &Rates, before: &Rates) -> Vec<DepartmentRow> {
    for s in input.submissions.iter().chain(input.previous) {
        rows.entry(s.respondent.dept_code.as_str()).or_insert_with(|| DepartmentRow::empty(&s.respondent.dept_code, &s.respondent.dept_name));
    }
    let mut departments: Vec<DepartmentRow> = rows
        .into_values()
        .map(|mut d| {
            d.tally = now.dept.get(d.code.as_str()).copied().unwrap_or_default().finish();
            d.previous_rate = previous_rate(before.dept.get(d.code.as_str()));
            d
        })
        .collect();
    departments.sort_by(|a, b| a.code.cmp(&b.code));
    departments
}

/// Roles: every questionnaire's, then roles only submissions mention.
fn role_rows(input: &DashboardInput, counts: &HashMap<&str, (usize, usize)>, now: &Rates, before: &Rates) -> Vec<RoleRow> {
    let mut seen: Vec<(&str, &str)> = Vec::new();
    let named = input.questionnaires.iter().map(|q| (q.role.as_str(), q.role_name.as_str()));
    for (id, name) in named.chain(input.submissions.iter().chain(input.previous).map(|s| (s.role.as_str(), s.role_name.as_str()))) {
        if !seen.iter().any(|(a, _)| *a == id) {
            seen.push((id, name));
        }
    }
    seen.into_iter()
        .map(|(id, name)| {
            let (required, submitted) = counts.get(id).copied().unwrap_or_default();
            RoleRow {
                role: id.to_owned(),
                role_name: name.to_owned(),
                required,
                submitted,
                tally: now.role.get(id).copied().unwrap_or_default().finish(),
                previous_rate: previous_rate(before.role.get(id)),
            }
        })
        .collect()
}

fn chapter_rows(cat: &Catalogue, now: &Rates, before: &Rates) -> Vec<ChapterRow> {
    cat.chapters
        .iter()
        .enumerate()
        .map(|(i, c)| ChapterRow {
            chapter: (*c).to_owned(),
            tally: now.chapter.get(&i).copied().unwrap_or_default().finish(),
            previous_rate: previous_rate(before.chapter.get(&i)),
        })
        .collect()
}

fn item_rows(cat: &Catalogue, now: &Rates, before: &Rates) -> Vec<ItemRow> {
    cat.items
        .iter()
        .enumerate()
        .map(|(i, (q, item, _))| ItemRow {
            role: q.role.clone(),
            role_name: q.role_name.clone(),
            item_id: item.id.clone(),
            question: item.question.clone(),
            chapter: item.chapter.clone(),
            tally: now.item.get(&i).copied().unwrap_or_default().finish(),
            previous_rate: previous_rate(before.item.get(&i)),
        })
        .collect()
}

/// Every 改善策 of the 年度's submissions, by 期限.
fn remedy_rows(submissions: &[Submission], cat: &Catalogue, today: chrono::NaiveDate) -> Vec<RemedyRow> {
    let mut remedies = Vec::new();
    for s in submissions {
        for a in s.answers.iter().filter(|a| a.answer.needs_remedy()) {
            let info = cat.item_index.get(&(s.role.as_str(), a.item_id.as_str())).map(|&i| cat.items[i].1);
            let progress = s.remedy_progress(&a.item_id);
            let status = progress.map(|p| p.status).unwrap_or_default();
            let past_due = a.due.as_deref().and_then(crate::selfcheck::answers::parse_due).is_some_and(|d| d < today);
            remedies.push(RemedyRow {
                dept_code: s.respondent.dept_code.clone(),
                dept_name: s.respondent.dept_name.clone(),
                employee_no: s.respondent.employee_no.clone(),
                name: s.respondent.name.clone(),
                role: s.role.clone(),
                role_name: s.role_name.clone(),
                item_id: a.item_id.clone(),
                question: info.map(|i| i.question.clone()).unwrap_or_default(),
                chapter: info.map(|i| i.chapter.clone()).unwrap_or_default(),
                answer: a.answer,
                remedy: a.remedy.clone(),
                due: a.due.clone(),
                comment: a.comment.clone(),
                status,
                status_on: progress.map(|p| p.on.clone()),
                status_note: progress.map(|p| p.note.clone()).unwrap_or_default(),
                overdue: past_due && status.is_open(),
            });
        }
    }
    sort_remedies(&mut remedies, RemedySort::Due, false);
    remedies
}

/// The 集計 of a 年度.
pub fn dashboard(input: &DashboardInput) -> SelfcheckDashboard {
    let fy = FiscalYear(input.year);
    let cat = Catalogue::new(input.questionnaires);
    let o = obligations(input);
    let now = rates(input.submissions, &cat);
    let before = rates(input.previous, &cat);
    let remedies = remedy_rows(input.submissions, &cat, input.today);
    let mut departments = department_rows(input, o.departments, &now, &before);
    let at: HashMap<String, usize> = departments.iter().enumerate().map(|(i, d)| (d.code.clone(), i)).collect();
    for r in &remedies {
        if let Some(&i) = at.get(&r.dept_code) {
            departments[i].remedy_counts.add(r);
        }
    }
    SelfcheckDashboard {
        year: input.year,
        year_label: fy.wareki(),
        previous_year_label: fy.previous().wareki(),
        required: o.pending.len() + o.done.len(),
        submitted: o.done.len(),
        unexpected: o.unexpected,
        overall: now.overall.finish(),
        previous_rate: (!input.previous.is_empty()).then(|| before.overall.finish().rate).flatten(),
        roles: role_rows(input, &o.roles, &now, &before),
        departments,
        chapters: chapter_rows(&cat, &now, &before),
        items: item_rows(&cat, &now, &before),
        remedy_counts: RemedyCounts::of(&remedies),
        previous_remedy_counts: (!input.previous.is_empty()).then(|| RemedyCounts::of_submissions(input.previous, input.today)),
        remedies,
        pending: o.pending,
        done: o.done,
        unmatched_answers: now.unmatched,
    }
}

/// Orders of the 改善策 list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum RemedySort {
    /// 期限 (none last), then 所属, 職員番号
    Due,
    /// 所属, then 期限
    Department,
    /// Role and item, then 所属
    Item,
    /// 実施していない before 一部実施, then 期限
    Answer,
    /// 職員番号, then item
    Respondent,
}

/// Sorts the 改善策 list; `descending` reverses the primary key only.
pub fn sort_remedies(rows: &mut [RemedyRow], by: RemedySort, descending: bool) {
    fn due(r: &RemedyRow) -> (bool, Option<&str>) {
        (r.due.is_none(), r.due.as_deref())
    }
    let severity = |a: Answer| match a {
        Answer::NotImplemented => 0,
        Answer::Partial => 1,
        _ => 2,
    };
    let tie = |a: &RemedyRow, b: &RemedyRow| (&a.dept_code, &a.employee_no, &a.role, &a.item_id).cmp(&(&b.dept_code, &b.employee_no, &b.role, &b.item_id));
    rows.sort_by(|a, b| {
        let primary = match by {
            RemedySort::Due => due(a).cmp(&due(b)),
            RemedySort::Department => a.dept_code.cmp(&b.dept_code),
            RemedySort::Item => (&a.role, &a.item_id).cmp(&(&b.role, &b.item_id)),
            RemedySort::Answer => severity(a.answer).cmp(&severity(b.answer)),
            RemedySort::Respondent => a.employee_no.cmp(&b.employee_no),
        };
        let primary = if descending { primary.reverse() } else { primary };
        primary.then_with(|| if by == RemedySort::Due { Ordering::Equal } else { due(a).cmp(&due(b)) }).then_with(|| tie(a, b))
    });
}

/// Column headers of the 改善策 CSV, in the reader's language.
pub type RemedyHeaders<'a> = [&'a str; 16];

/// The .ftl keys of the CSV's column headers, in column order.
pub const REMEDY_HEADER_KEYS: [&str; 16] = [
    "remedy-col-dept-code",
    "remedy-col-dept",
    "remedy-col-no",
    "remedy-col-name",
    "remedy-col-role",
    "remedy-col-chapter",
    "remedy-col-item",
    "remedy-col-question",
    "remedy-col-answer",
    "remedy-col-remedy",
    "remedy-col-due",
    "remedy-col-comment",
    "remedy-col-status",
    "remedy-col-status-on",
    "remedy-col-status-note",
    "remedy-col-overdue",
];

/// The 改善策 list as CSV that Excel opens correctly: Shift_JIS (CP932) or
/// UTF-8 with a BOM, CRLF line ends (as `training::overdue_csv`).
/// `answer_label` gives the answer's label (一部実施 …) in the reader's language.
pub fn remedies_csv(
    rows: &[RemedyRow],
    shift_jis: bool,
    headers: RemedyHeaders,
    answer_label: &dyn Fn(Answer) -> String,
    status_label: &dyn Fn(RemedyStatus) -> String,
    overdue_label: &str,
) -> Vec<u8> {
    let mut w = crate::excel_csv::writer();
    let _ = w.write_record(headers);
    for r in rows {
        let _ = w.write_record([
            r.dept_code.as_str(),
            &r.dept_name,
            &r.employee_no,
            &r.name,
            &r.role_name,
            &r.chapter,
            &r.item_id,
            &r.question,
            &answer_label(r.answer),
            &r.remedy,
            r.due.as_deref().unwrap_or(""),
            &r.comment,
            &status_label(r.status),
            r.status_on.as_deref().unwrap_or(""),
            &r.status_note,
            if r.overdue { overdue_label } else { "" },
        ]);
    }
    crate::excel_csv::finish(w, shift_jis)
}

#[cfg(test)]
mod tests;
