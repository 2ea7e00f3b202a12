//! 改善策 followed to completion (神戸市 11.2.3–11.2.4): where each 改善策 of a
//! submission stands — 未着手 / 対応中 / 完了 / 取り下げ, with the day and a
//! note — recorded as the submission's next version: by the person on their
//! own PC (then carried to the 管理者 in the file, as corrections are), or by
//! the 管理者 when told on paper.

use crate::access::Staff;
use crate::error::{ErrorCode, ServiceError, ServiceResult};
use serde::{Deserialize, Serialize};
use tebiki_core::selfcheck::answers::{Answer, RemedyStatus};
use tebiki_core::selfcheck::submission::{RemedyProgress, Submission};
use ts_rs::TS;

/// The new state of one 改善策.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RemedyUpdate {
    pub item_id: String,
    pub status: RemedyStatus,
    /// As typed (2026/9/30, 令和8年9月30日 …); default: today.
    #[serde(default)]
    pub on: Option<String>,
    #[serde(default)]
    pub note: String,
}

/// Where the 改善策 of one submission (the latest version of a person's
/// answers for a role and 年度) now stand.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RemedyProgressRequest {
    pub year: i32,
    pub employee_no: String,
    pub role: String,
    pub updates: Vec<RemedyUpdate>,
    /// 管理者モード: the person told the 管理者 on paper (kept in the 操作記録).
    #[serde(default)]
    pub on_paper: bool,
}

/// One 改善策 as its screen shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RemedyLine {
    pub item_id: String,
    /// Empty when the item is not in the installed questionnaire.
    pub question: String,
    pub answer: Answer,
    pub remedy: String,
    pub due: Option<String>,
    pub status: RemedyStatus,
    pub status_on: Option<String>,
    pub note: String,
    /// Past its 期限 and not 完了 or 取り下げ.
    pub overdue: bool,
}

/// The 改善策 of a person's latest submission for a role and 年度.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct RemedyList {
    /// The submission (latest version) listed: what to export as a file.
    #[ts(type = "number")]
    pub submission_id: i64,
    pub year: i32,
    pub employee_no: String,
    pub name: String,
    pub dept_name: String,
    pub role: String,
    pub role_name: String,
    pub version: u32,
    pub lines: Vec<RemedyLine>,
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The latest submission of a person for a role and 年度, if they may see it.
/// The latest version of a submission and its id.
fn latest(staff: &Staff, year: i32, employee_no: &str, role: &str) -> ServiceResult<(i64, Submission)> {
    let session = staff.session();
    if !staff.may_touch(year, employee_no, role)? {
        return Err(session.err(ErrorCode::NotFound, "selfcheck-not-yours"));
    }
    let history = staff.store().submission_history(year, employee_no, role).map_err(|e| session.store_err(&e))?;
    let id = history.last().map(|s| s.id).ok_or_else(|| session.err(ErrorCode::NotFound, "selfcheck-submission-missing"))?;
    let s = staff.store().submission(id).map_err(|e| session.store_err(&e))?;
    Ok((id, s.ok_or_else(|| session.err(ErrorCode::NotFound, "selfcheck-submission-missing"))?))
}

fn list(staff: &Staff, submission_id: i64, s: &Submission) -> ServiceResult<RemedyList> {
    let pack = staff.session().pack(None)?;
    let q = pack.questionnaire(&s.role);
    let today = today();
    let lines = s
        .answers
        .iter()
        .filter(|a| a.answer.needs_remedy())
        .map(|a| {
            let p = s.remedy_progress(&a.item_id);
            let status = p.map(|p| p.status).unwrap_or_default();
            let past = a.due.as_deref().and_then(tebiki_core::selfcheck::answers::parse_due).is_some_and(|d| d < today);
            RemedyLine {
                item_id: a.item_id.clone(),
                question: q.and_then(|q| q.item(&a.item_id)).map(|i| i.question.clone()).unwrap_or_default(),
                answer: a.answer,
                remedy: a.remedy.clone(),
                due: a.due.clone(),
                status,
                status_on: p.map(|p| p.on.clone()),
                note: p.map(|p| p.note.clone()).unwrap_or_default(),
                overdue: past && status.is_open(),
            }
        })
        .collect();
    Ok(RemedyList {
        submission_id,
        year: s.year,
        employee_no: s.respondent.employee_no.clone(),
        name: s.respondent.name.clone(),
        dept_name: s.respondent.dept_name.clone(),
        role: s.role.clone(),
        role_name: s.role_name.clone(),
        version: s.version,
        lines,
    })
}

/// The 改善策 of a person's latest submission (in 職員モード: one made on this PC).
pub fn remedy_list(staff: &mut Staff, year: i32, employee_no: &str, role: &str) -> ServiceResult<RemedyList> {
    let year = crate::years::checked(staff.session(), year)?;
    let (id, s) = latest(staff, year, employee_no, role)?;
    list(staff, id, &s)
}

/// Records where 改善策 stand as the submission's next version, in one
/// transaction with its 操作記録; returns the list as it now is.
pub fn update_remedies(staff: &mut Staff, req: &RemedyProgressRequest) -> ServiceResult<RemedyList> {
    let session = staff.session();
    let year = crate::years::checked(session, req.year)?;
    let (_, mut next) = latest(staff, year, &req.employee_no, &req.role)?;
    next.version += 1;
    next.submitted_at = chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
    for u in &req.updates {
        if !next.answers.iter().any(|a| a.item_id == u.item_id && !a.remedy.trim().is_empty()) {
            return Err(session.err_args(ErrorCode::Invalid, "remedy-unknown-item", &[("item", u.item_id.as_str().into())]));
        }
        let on = match u.on.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => tebiki_core::calendar::typed_date::parse_date(t)
                .ok_or_else(|| session.err_args(ErrorCode::Invalid, "training-bad-date", &[("value", t.into())]))?,
            None => today(),
        };
        next.progress.retain(|p| p.item_id != u.item_id);
        if u.status != RemedyStatus::NotStarted || !u.note.trim().is_empty() {
            next.progress.push(RemedyProgress { item_id: u.item_id.clone(), status: u.status, on: on.to_string(), note: u.note.trim().to_owned() });
        }
    }
    next.progress.sort_by(|a, b| a.item_id.cmp(&b.item_id));
    let on_paper = req.on_paper && staff.is_admin();
    let id = staff
        .store_mut()
        .record_remedy_progress(&next, req.updates.len(), on_paper)
        .map_err(|e| ServiceError::new(ErrorCode::Invalid, tebiki_i18n::tr_message(session.lang(), &e.message())))?;
    list(staff, id, &next)
}
