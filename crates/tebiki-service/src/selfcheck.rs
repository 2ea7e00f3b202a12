//! 自己点検: answering (every change saved at once), submitting, exporting
//! the submission file, importing files and the 集計.
//!
//! Whose answers: in 職員モード a person works on the answers made on this
//! PC — drafts and local submissions — and never on a respondent whose
//! answers came in as a file from another PC (imported: they belong to
//! someone else). 管理者モード sees and corrects everyone's.

use crate::access::{Admin, Staff};
use crate::error::{ErrorCode, ServiceError, ServiceResult};
use crate::files::{io_error, write_atomically, ExportKind};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_core::pack::Pack;
use tebiki_core::selfcheck::answers::{Answer, ItemAnswer};
use tebiki_core::selfcheck::dashboard::{remedies_csv, RemedySort, SelfcheckDashboard, REMEDY_HEADER_KEYS};
use tebiki_core::selfcheck::submission::{self, PackRef, Respondent, Submission};
use tebiki_i18n::tr;
use tebiki_store::{collect_submission_files, DashboardView, ImportProgress, ImportReport, InspectionView, NewInspection, SelfcheckScreen, SubmissionSource};
use ts_rs::TS;

/// What starting (or resuming) an inspection needs.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct StartInspection {
    pub year: i32,
    /// The pack's role id.
    pub role: String,
    pub respondent: Respondent,
    /// Start from the previous 年度's answers (each marked 要再確認).
    pub prefill: bool,
    /// 代理入力 (管理者モード): the answers are typed in from a paper 点検票;
    /// the submission is marked 紙で提出.
    #[serde(default)]
    pub on_paper: bool,
}

fn pack_ref(pack: &Pack) -> PackRef {
    PackRef { id: pack.id.clone(), version: pack.version.clone(), content_hash: pack.content_hash.clone() }
}

fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

pub(crate) fn current_year() -> i32 {
    FiscalYear::of(chrono::Local::now().date_naive()).0
}

impl Staff<'_> {
    /// Whether this respondent's answers for the role and 年度 are theirs to
    /// work on here: always in 管理者モード; in 職員モード only when none came
    /// in from a file.
    pub(crate) fn may_touch(&self, year: i32, employee_no: &str, role: &str) -> ServiceResult<bool> {
        if self.is_admin() {
            return Ok(true);
        }
        let history = self.store().submission_history(year, employee_no, role).map_err(|e| self.session().store_err(&e))?;
        Ok(history.iter().all(|s| s.source == SubmissionSource::Local))
    }

    fn not_yours(&self) -> ServiceError {
        self.session().err(ErrorCode::NotFound, "selfcheck-not-yours")
    }

    fn check_draft(&self, inspection_id: i64) -> ServiceResult<()> {
        let i = self
            .store()
            .load_inspection(inspection_id)
            .map_err(|e| ServiceError::new(ErrorCode::NotFound, tebiki_i18n::tr_message(self.session().lang(), &e.message())))?;
        match self.may_touch(i.year, &i.respondent.employee_no, &i.role)? {
            true => Ok(()),
            false => Err(self.not_yours()),
        }
    }

    /// The submission `id` if this person may read it (in 職員モード: made on this PC).
    fn readable_submission(&self, id: i64) -> ServiceResult<Submission> {
        let l = self.session().lang();
        let s = self
            .store()
            .submission(id)
            .map_err(|e| self.session().store_err(&e))?
            .ok_or_else(|| ServiceError::key(l, ErrorCode::NotFound, "selfcheck-submission-missing", &[]))?;
        if !self.is_admin() {
            let local = self.store().submission_source(id).map_err(|e| self.session().store_err(&e))? == Some(SubmissionSource::Local);
            if !local || !self.may_touch(s.year, &s.respondent.employee_no, &s.role)? {
                return Err(self.not_yours());
            }
        }
        Ok(s)
    }

    fn selfcheck_err(&self, e: tebiki_store::SelfcheckError) -> ServiceError {
        ServiceError::new(ErrorCode::Invalid, tebiki_i18n::tr_message(self.session().lang(), &e.message()))
    }
}

/// The 自己点検 screen of a 年度 (default: the current one): the
/// questionnaires, the drafts and the latest submissions — in 職員モード
/// only those made on this PC.
pub fn selfcheck_screen(staff: &mut Staff, year: Option<i32>) -> ServiceResult<SelfcheckScreen> {
    let session = staff.session();
    let pack = session.pack(None)?;
    let current = current_year();
    let year = crate::years::checked(session, year.unwrap_or(current))?;
    let mut screen = staff.store().selfcheck_screen(&pack, year, current).map_err(|e| session.store_err(&e))?;
    if !staff.is_admin() {
        let mut own = Vec::new();
        for i in screen.inspections {
            if staff.may_touch(i.year, &i.respondent.employee_no, &i.role)? {
                own.push(i);
            }
        }
        screen.inspections = own;
        let mut subs = Vec::new();
        for s in screen.submissions {
            if s.source == SubmissionSource::Local && staff.may_touch(s.year, &s.respondent.employee_no, &s.role)? {
                subs.push(s);
            }
        }
        screen.submissions = subs;
    }
    Ok(screen)
}

/// Starts (or resumes) the 年度's inspection of a role for a respondent.
pub fn start_inspection(staff: &mut Staff, req: &StartInspection) -> ServiceResult<InspectionView> {
    let session = staff.session();
    let l = session.lang();
    let year = crate::years::checked(session, req.year)?;
    let pack = session.pack(None)?;
    let q = pack
        .questionnaires
        .iter()
        .find(|q| q.role == req.role)
        .ok_or_else(|| session.err_args(ErrorCode::Invalid, "selfcheck-no-questionnaire", &[("role", req.role.as_str().into())]))?;
    let role_name = pack.roles.iter().find(|r| r.id == req.role).map(|r| r.name.clone()).unwrap_or_else(|| req.role.clone());
    let who = &req.respondent;
    let respondent = Respondent {
        employee_no: who.employee_no.trim().to_owned(),
        name: who.name.trim().to_owned(),
        dept_code: who.dept_code.trim().to_owned(),
        dept_name: who.dept_name.trim().to_owned(),
    };
    if respondent.employee_no.is_empty() || respondent.name.is_empty() || respondent.dept_name.is_empty() {
        return Err(session.err(ErrorCode::Invalid, "selfcheck-profile-incomplete"));
    }
    if !staff.may_touch(year, &respondent.employee_no, &req.role)? {
        return Err(staff.not_yours());
    }
    if req.on_paper && !staff.is_admin() {
        return Err(session.err(ErrorCode::AdminNeeded, "access-admin-needed"));
    }
    if req.prefill && !staff.may_touch(year - 1, &respondent.employee_no, &req.role)? {
        return Err(session.err(ErrorCode::NotFound, "selfcheck-prefill-not-yours"));
    }
    let item_ids: Vec<String> = q.items.iter().map(|i| i.id.clone()).collect();
    let pr = pack_ref(&pack);
    let new = NewInspection {
        year,
        role: &req.role,
        role_name: &role_name,
        respondent: &respondent,
        pack: &pr,
        item_ids: &item_ids,
        prefill: req.prefill,
        on_paper: req.on_paper,
    };
    let inspection = staff.store_mut().start_inspection(&new).map_err(|e| ServiceError::new(ErrorCode::Invalid, tebiki_i18n::tr_message(l, &e.message())))?;
    staff.store().inspection_view(&pack, inspection.id).map_err(|e| staff.selfcheck_err(e))
}

pub fn inspection_view(staff: &mut Staff, inspection_id: i64) -> ServiceResult<InspectionView> {
    let pack = staff.session().pack(None)?;
    staff.check_draft(inspection_id)?;
    staff.store().inspection_view(&pack, inspection_id).map_err(|e| staff.selfcheck_err(e))
}

/// Saves one answer at once (its own transaction) and returns the page's
/// problems as they now stand.
pub fn save_answer(staff: &mut Staff, inspection_id: i64, answer: &ItemAnswer) -> ServiceResult<InspectionView> {
    let pack = staff.session().pack(None)?;
    staff.check_draft(inspection_id)?;
    staff.store_mut().save_answer(inspection_id, answer).map_err(|e| staff.selfcheck_err(e))?;
    staff.store().inspection_view(&pack, inspection_id).map_err(|e| staff.selfcheck_err(e))
}

/// Answers a screening question (事前確認) of the draft's questionnaire.
/// いいえ marks every item of its group 該当なし with the reason in the
/// comment (a 該当なし copied from last 年度 is confirmed too, as the group is
/// hidden); はい undoes only what a いいえ set, and a 該当なし the person chose
/// stays. The gate's answer is kept with the draft under the gate id; only the
/// items go into the submission. One transaction.
pub fn answer_gate(staff: &mut Staff, inspection_id: i64, gate_id: &str, yes: bool) -> ServiceResult<InspectionView> {
    let pack = staff.session().pack(None)?;
    staff.check_draft(inspection_id)?;
    let view = staff.store().inspection_view(&pack, inspection_id).map_err(|e| staff.selfcheck_err(e))?;
    let q = &view.questionnaire;
    let Some(gate) = q.gates.iter().find(|g| g.id == gate_id) else {
        return Err(ServiceError::key(staff.session().lang(), ErrorCode::NotFound, "selfcheck-gate-unknown", &[("gate", gate_id.into())]));
    };
    let current = |id: &str| view.inspection.answers.iter().find(|a| a.item_id == id).cloned();
    let blank = |id: &str| ItemAnswer { item_id: id.to_owned(), answer: None, comment: String::new(), remedy: String::new(), due: None, reconfirm: false };
    // The reason is written in the language of whoever answers; either
    // language's wording counts as the gate's own when it is undone.
    let reason = |lang| tebiki_i18n::tr_args(lang, "selfcheck-gate-na-comment", &[("question", gate.question.clone().into())]);
    let own_reasons = [reason(tebiki_core::settings::Language::Japanese), reason(tebiki_core::settings::Language::English)];
    let mut changes = vec![ItemAnswer {
        answer: Some(if yes { Answer::Implemented } else { Answer::NotApplicable }),
        reconfirm: false,
        ..current(gate_id).unwrap_or_else(|| blank(gate_id))
    }];
    for item in q.items.iter().filter(|i| i.gate.as_deref() == Some(gate_id)) {
        let a = current(&item.id).unwrap_or_else(|| blank(&item.id));
        if !yes && (a.answer != Some(Answer::NotApplicable) || a.reconfirm) {
            changes.push(ItemAnswer {
                answer: Some(Answer::NotApplicable),
                comment: reason(staff.session().lang()),
                remedy: String::new(),
                due: None,
                reconfirm: false,
                ..a
            });
        } else if yes && a.answer == Some(Answer::NotApplicable) && own_reasons.contains(&a.comment) {
            changes.push(ItemAnswer { answer: None, comment: String::new(), reconfirm: false, ..a });
        }
    }
    staff.store_mut().save_answers(inspection_id, &changes).map_err(|e| staff.selfcheck_err(e))?;
    staff.store().inspection_view(&pack, inspection_id).map_err(|e| staff.selfcheck_err(e))
}

/// Submits: locks the answers as a new version (refused while problems
/// remain); recorded in the 操作記録.
pub fn submit_inspection(staff: &mut Staff, inspection_id: i64) -> ServiceResult<Submission> {
    let view = inspection_view(staff, inspection_id)?;
    let ids: Vec<String> = view.questionnaire.items.iter().map(|i| i.id.clone()).collect();
    staff.store_mut().submit(inspection_id, &ids, &now()).map_err(|e| staff.selfcheck_err(e))
}

/// A correction: a new draft from the latest submission (version n+1).
pub fn reopen_inspection(staff: &mut Staff, year: i32, employee_no: &str, role: &str) -> ServiceResult<InspectionView> {
    let session = staff.session();
    let year = crate::years::checked(session, year)?;
    let pack = session.pack(None)?;
    if !staff.may_touch(year, employee_no, role)? {
        return Err(staff.not_yours());
    }
    let i = staff.store_mut().reopen_for_correction(year, employee_no, role, &pack_ref(&pack)).map_err(|e| staff.selfcheck_err(e))?;
    staff.store().inspection_view(&pack, i.id).map_err(|e| staff.selfcheck_err(e))
}

/// The file name a submission is exported under (ASCII, for any file system).
pub fn submission_file_name(staff: &mut Staff, submission_id: i64) -> ServiceResult<String> {
    Ok(submission::file_name(&staff.readable_submission(submission_id)?))
}

/// Writes one submission as a file for the 統括責任者 (atomically), and
/// records it in the 操作記録.
pub fn export_submission(staff: &mut Staff, submission_id: i64, path: &str) -> ServiceResult<PathBuf> {
    let l = staff.session().lang();
    let p = crate::files::absolute_path(l, path)?;
    let s = staff.readable_submission(submission_id)?;
    let written = submission::write(&s).map_err(|e| ServiceError::new(ErrorCode::Invalid, e.to_string()))?;
    write_atomically(&p, &written.bytes).map_err(|e| io_error(l, &p, &e))?;
    crate::files::record_export(staff, ExportKind::PersonalData("submission"), &p)?;
    Ok(p)
}

/// Every latest submission of a 年度 as files in `dir` (one per person and
/// role), recorded once in the 操作記録. Returns the file names.
pub fn export_submissions(admin: &mut Admin, year: i32, dir: &Path) -> ServiceResult<Vec<String>> {
    let session = admin.session();
    let l = session.lang();
    let year = crate::years::checked(session, year)?;
    let subs = admin.store().latest_submissions(year).map_err(|e| session.store_err(&e))?;
    crate::files::create_private_dir(dir).map_err(|e| io_error(l, dir, &e))?;
    let mut files = Vec::with_capacity(subs.len());
    for s in &subs {
        let written = submission::write(s).map_err(|e| ServiceError::new(ErrorCode::Invalid, e.to_string()))?;
        let name = submission::file_name(s);
        let path = dir.join(&name);
        write_atomically(&path, &written.bytes).map_err(|e| io_error(l, &path, &e))?;
        files.push(name);
    }
    admin.record_export(ExportKind::PersonalData("submissions"), dir)?;
    Ok(files)
}

/// Imports submission files (files or folders of them): each verified file
/// is stored, the others refused with their reason; `progress(done, total)`.
pub fn import_submissions(admin: &mut Admin, paths: &[PathBuf], progress: &mut dyn FnMut(usize, usize)) -> ServiceResult<ImportReport> {
    let session = admin.session();
    let mut report = ImportReport::default();
    let files = collect_submission_files(paths, &mut report);
    if files.is_empty() && report.refused.is_empty() {
        let shown = paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
        return Err(session.err_args(ErrorCode::NotFound, "selfcheck-import-none", &[("path", shown.into())]));
    }
    let library = session.library()?;
    let known = |id: &str| library.get(id).map(|p| (p.version.clone(), p.content_hash.clone()));
    let mut progress = |done, total| progress(done, total);
    admin.store_mut().import_submission_files(&files, &known, &mut report, &mut progress).map_err(|e| session.store_err(&e))?;
    Ok(report)
}

/// The progress message of an import (for the app's progress bar).
pub fn import_progress(done: usize, total: usize) -> ImportProgress {
    ImportProgress { done, total }
}

/// The 集計 as the screen shows it (long lists cut, with full counts).
pub fn selfcheck_dashboard(admin: &mut Admin, year: i32, sort: RemedySort) -> ServiceResult<DashboardView> {
    let session = admin.session();
    let year = crate::years::checked(session, year)?;
    let pack = session.pack(None)?;
    admin.store().dashboard_view(&pack, year, sort).map_err(|e| session.store_err(&e))
}

/// The whole 集計 of a 年度 (every list in full), for the CLI's summary.
pub fn selfcheck_summary(admin: &mut Admin, year: i32, pack: Option<&str>) -> ServiceResult<(Pack, SelfcheckDashboard)> {
    let session = admin.session();
    let year = crate::years::checked(session, year)?;
    let pack = session.pack(pack)?;
    if tebiki_core::selfcheck::dashboard::questionnaires_of(&pack).is_empty() {
        return Err(session.err_args(ErrorCode::Invalid, "selfcheck-no-questionnaires", &[("pack", pack.id.as_str().into())]));
    }
    let d = admin.store().selfcheck_dashboard(&pack, year).map_err(|e| session.store_err(&e))?;
    Ok((pack, d))
}

/// Writes the 改善策 list of a 年度 as CSV for Excel, recorded in the 操作記録.
pub fn export_remedies(admin: &mut Admin, year: i32, pack: Option<&str>, path: &Path, shift_jis: bool) -> ServiceResult<usize> {
    let (_, d) = selfcheck_summary(admin, year, pack)?;
    write_remedies(admin, &d, path, shift_jis)
}

/// Writes the 改善策 list of a 集計 already computed (the CLI's summary
/// prints it too), recorded in the 操作記録.
pub fn write_remedies(admin: &mut Admin, d: &SelfcheckDashboard, path: &Path, shift_jis: bool) -> ServiceResult<usize> {
    let l = admin.session().lang();
    let headers = REMEDY_HEADER_KEYS.map(|k| tr(l, k));
    let bytes = remedies_csv(
        &d.remedies,
        shift_jis,
        headers.each_ref().map(String::as_str),
        &|a| tr(l, a.label_key()),
        &|s| tr(l, s.label_key()),
        &tr(l, "remedy-overdue"),
    );
    admin.export_file(ExportKind::PersonalData("remedies"), path, &bytes)?;
    Ok(d.remedies.len())
}

/// Submission files held because their version skipped ahead (a forged or
/// out-of-order file), waiting for the 管理者's decision.
pub fn held_submissions(admin: &mut Admin) -> ServiceResult<Vec<tebiki_store::HeldSubmission>> {
    admin.store().held_submissions().map_err(|e| admin.session().store_err(&e))
}

/// Accepts a held file: stored as it would have been (recorded in the 操作記録).
pub fn accept_held(admin: &mut Admin, id: i64) -> ServiceResult<tebiki_store::ImportOutcome> {
    admin.store_mut().accept_held(id).map_err(|e| ServiceError::new(ErrorCode::Invalid, tebiki_i18n::tr_message(admin.session().lang(), &e.message())))
}

/// Rejects a held file: it is not stored (recorded in the 操作記録).
pub fn reject_held(admin: &mut Admin, id: i64) -> ServiceResult<tebiki_store::HeldSubmission> {
    admin.store_mut().reject_held(id).map_err(|e| ServiceError::new(ErrorCode::Invalid, tebiki_i18n::tr_message(admin.session().lang(), &e.message())))
}
