//! e-ラーニング on the staff PC — lessons, the 理解度テスト, the 閲覧確認 and
//! the 受講記録ファイル — and, for the 管理者, importing those files, the
//! 受講状況 and exporting the files of a 年度. The same for the app and the CLI.
//!
//! Whose records: in 職員モード a person works on their own record on this
//! PC (as with 自己点検, the person is who they say they are: the staff PC
//! has no roster); the files of other PCs and the 受講状況 need 管理者モード.

use crate::access::{Admin, Staff};
use crate::error::{ErrorCode, ServiceError, ServiceResult};
use crate::files::{io_error, write_atomically, ExportKind};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_core::pack::elearning::{ElearningCourse, Explain, Question, QuestionKind};
use tebiki_core::pack::Pack;
use tebiki_core::selfcheck::submission::{PackRef, Respondent};
use tebiki_core::training::elearning::quiz::{self, CurrentAttempt, Progress};
use tebiki_core::training::elearning::results::{self, Acknowledgement, Attempt, CourseResult, TrainingResults};
use tebiki_core::training::elearning::summary::{summarize, ElearningSummary};
use tebiki_store::{Action, ResultsImportReport};
use ts_rs::TS;

/// Who is taking the course (as in 自己点検: from the roster or typed), and
/// the roles they hold (the pack's role names) for the role questions.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ElearningPerson {
    pub year: i32,
    pub person: Respondent,
    #[serde(default)]
    pub roles: Vec<String>,
}

/// One step of a person's course: a lesson read, an answer, a confirmation.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ElearningStep {
    pub year: i32,
    pub employee_no: String,
    #[serde(default)]
    pub course: String,
    /// A lesson opened (and, with `done`, read to its end).
    #[serde(default)]
    pub lesson: Option<String>,
    #[serde(default)]
    pub done: bool,
    /// The choice for the current question: 1–4 (○ = 1, × = 2).
    #[serde(default)]
    pub chosen: Option<u8>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct LessonClause {
    pub id: String,
    pub label: String,
    /// The clause and the clauses nested in it, as the handbook shows them.
    pub html: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct LessonView {
    pub id: String,
    pub title: String,
    pub title_en: Option<String>,
    pub lead: Option<String>,
    pub lead_en: Option<String>,
    pub clauses: Vec<LessonClause>,
    pub read: bool,
}

/// A clause named beside an explanation or a changed text.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ClauseRefView {
    pub id: String,
    pub label: String,
}

/// A question as asked: no answer in it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct QuestionView {
    pub id: String,
    pub kind: QuestionKind,
    pub text: String,
    pub text_en: Option<String>,
    pub choices: Vec<String>,
    pub choices_en: Vec<String>,
}

/// A question answered: what was chosen, the right answer, why, and where.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct AnsweredView {
    pub question: QuestionView,
    pub chosen: u8,
    pub answer: u8,
    pub correct: bool,
    pub explanation: String,
    pub explanation_en: Option<String>,
    pub clauses: Vec<ClauseRefView>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct AttemptView {
    pub number: u32,
    pub score: u32,
    pub total: u32,
    pub percent: u32,
    pub passed: bool,
    pub finished_at: String,
    /// Every question of the attempt, answered (the result page).
    pub answers: Vec<AnsweredView>,
}

/// The test under way.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct TestView {
    pub course: String,
    pub number: u32,
    /// 0-based index of the question to answer now (= total when done).
    pub index: u32,
    pub total: u32,
    pub question: Option<QuestionView>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct CourseView {
    pub id: String,
    pub title: String,
    pub title_en: Option<String>,
    pub test_size: u32,
    pub pass_percent: u32,
    /// Right answers needed out of `test_size`.
    pub pass_mark: u32,
    pub max_attempts: u32,
    pub explain: Explain,
    pub lessons: Vec<LessonView>,
    /// The lesson last opened.
    pub position: Option<String>,
    pub attempts: Vec<AttemptView>,
    pub passed: bool,
    /// False when `max_attempts` are used up without passing.
    pub may_attempt: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct AcknowledgementView {
    /// The sentence to confirm, filled in.
    pub wording: String,
    pub pack_version: String,
    /// Confirmed for the current version.
    pub confirmed: bool,
    pub confirmed_at: Option<String>,
    /// The last version confirmed, when it is an earlier one.
    pub earlier_version: Option<String>,
    /// Clauses whose text changed since the earlier version (when this PC knows both texts).
    pub changed_clauses: Vec<ClauseRefView>,
}

/// Everything the 研修 screen of a person shows.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ElearningView {
    pub year: i32,
    pub year_label: String,
    pub pack_id: String,
    pub pack_title: String,
    pub person: Respondent,
    pub roles: Vec<String>,
    /// The pack's role names a person may say they hold (職員等, everyone's, not among them).
    pub pack_roles: Vec<String>,
    pub courses: Vec<CourseView>,
    pub acknowledgement: AcknowledgementView,
    pub test: Option<TestView>,
    /// The answer just given, when the course explains after each answer.
    pub feedback: Option<AnsweredView>,
    /// The name the 受講記録ファイル is saved under.
    pub file_name: String,
}

fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

fn pack_ref(pack: &Pack) -> PackRef {
    PackRef { id: pack.id.clone(), version: pack.version.clone(), content_hash: pack.content_hash.clone() }
}

fn question_view(q: &Question) -> QuestionView {
    QuestionView {
        id: q.id.clone(),
        kind: q.kind,
        text: q.text.clone(),
        text_en: q.text_en.clone(),
        choices: q.choices.clone(),
        choices_en: q.choices_en.clone(),
    }
}

fn clause_ref(pack: &Pack, id: &str) -> ClauseRefView {
    let label = pack.clause(id).map(|c| format!("{} {}", c.document().kind, tebiki_core::handbook::clause_label(c.clause()))).unwrap_or_else(|| id.to_owned());
    ClauseRefView { id: id.to_owned(), label }
}

fn answered(pack: &Pack, course: &ElearningCourse, id: &str, chosen: u8) -> Option<AnsweredView> {
    let q = course.question(id)?;
    Some(AnsweredView {
        question: question_view(q),
        chosen,
        answer: q.answer,
        correct: q.answer == chosen,
        explanation: q.explanation.clone(),
        explanation_en: q.explanation_en.clone(),
        clauses: q.clauses.iter().map(|c| clause_ref(pack, c)).collect(),
    })
}

fn attempt_view(pack: &Pack, course: &ElearningCourse, a: &Attempt) -> AttemptView {
    AttemptView {
        number: a.number,
        score: a.score,
        total: a.total,
        percent: a.percent(),
        passed: a.passed,
        finished_at: a.finished_at.clone(),
        answers: a.answers.iter().filter_map(|x| answered(pack, course, &x.question, x.chosen)).collect(),
    }
}

/// The pack's wording of the 閲覧確認, or the app's, filled in.
fn wording(staff: &Staff, pack: &Pack) -> String {
    let l = staff.session().lang();
    let template = pack.acknowledgement.clone().unwrap_or_else(|| tebiki_i18n::tr(l, "elearning-ack-default"));
    template.replace("{title}", &pack.title).replace("{version}", &pack.version)
}

/// A person's record on this PC, or a new one.
struct Held {
    record: TrainingResults,
    progress: Progress,
}

fn load(staff: &Staff, pack: &Pack, year: i32, employee_no: &str) -> ServiceResult<Option<Held>> {
    let session = staff.session();
    let found = staff.store().elearning_local(year, employee_no.trim(), &pack.id).map_err(|e| session.store_err(&e))?;
    Ok(found.map(|(record, progress)| Held { record, progress }))
}

fn save(staff: &mut Staff, held: &Held) -> ServiceResult<()> {
    let session = staff.session();
    staff.store_mut().save_elearning_local(&held.record, &held.progress).map_err(|e| session.store_err(&e))
}

fn existing(staff: &Staff, pack: &Pack, year: i32, employee_no: &str) -> ServiceResult<Held> {
    load(staff, pack, year, employee_no)?.ok_or_else(|| staff.session().err(ErrorCode::NotFound, "elearning-not-started"))
}

fn course_of<'p>(staff: &Staff, pack: &'p Pack, id: &str) -> ServiceResult<&'p ElearningCourse> {
    pack.elearning(id).ok_or_else(|| staff.session().err_args(ErrorCode::NotFound, "elearning-unknown-course", &[("course", id.into())]))
}

fn view(staff: &Staff, pack: &Pack, held: &Held, feedback: Option<AnsweredView>) -> ServiceResult<ElearningView> {
    let session = staff.session();
    let library = session.library()?;
    let r = &held.record;
    let mut courses = Vec::new();
    for c in &pack.elearning {
        let result = r.course(&c.course);
        let attempts: Vec<AttemptView> = result.map(|x| x.attempts.iter().map(|a| attempt_view(pack, c, a)).collect()).unwrap_or_default();
        let passed = attempts.iter().any(|a| a.passed);
        let read = held.progress.read.get(&c.course).cloned().unwrap_or_default();
        let lessons = c
            .lessons
            .iter()
            .map(|l| LessonView {
                id: l.id.clone(),
                title: l.title.clone(),
                title_en: l.title_en.clone(),
                lead: l.lead.clone(),
                lead_en: l.lead_en.clone(),
                clauses: l
                    .clauses
                    .iter()
                    .filter_map(|id| tebiki_core::handbook::clause_view(&library, id))
                    .map(|v| LessonClause { id: v.id, label: v.label, html: v.html })
                    .collect(),
                read: read.contains(&l.id),
            })
            .collect();
        courses.push(CourseView {
            id: c.course.clone(),
            title: c.title.clone(),
            title_en: c.title_en.clone(),
            test_size: c.test_size,
            pass_percent: c.pass_percent,
            pass_mark: c.pass_mark(c.test_size),
            max_attempts: c.max_attempts,
            explain: c.explain,
            lessons,
            position: held.progress.lesson.get(&c.course).cloned(),
            may_attempt: passed || c.max_attempts == 0 || (attempts.len() as u32) < c.max_attempts,
            attempts,
            passed,
        });
    }
    let current = r.acknowledgements.iter().find(|a| a.pack_version == pack.version && a.content_hash == pack.content_hash);
    let earlier = r.acknowledgements.iter().rev().find(|a| a.content_hash != pack.content_hash);
    let changed_clauses = match (current, earlier) {
        (None, Some(e)) => changed_since(staff, pack, &e.content_hash)?,
        _ => Vec::new(),
    };
    let test = held.progress.current.as_ref().and_then(|cur| {
        let c = pack.elearning(&cur.course)?;
        let index = cur.chosen.iter().position(Option::is_none).unwrap_or(cur.questions.len());
        Some(TestView {
            course: cur.course.clone(),
            number: r.course(&cur.course).map(|x| x.attempts.len() as u32).unwrap_or(0) + 1,
            index: index as u32,
            total: cur.questions.len() as u32,
            question: cur.questions.get(index).and_then(|id| c.question(id)).map(question_view),
        })
    });
    Ok(ElearningView {
        year: r.year,
        year_label: FiscalYear(r.year).wareki(),
        pack_id: pack.id.clone(),
        pack_title: pack.title.clone(),
        person: r.person.clone(),
        roles: held.progress.roles.clone(),
        // Everyone is 職員等: only the other roles are a choice.
        pack_roles: pack.roles.iter().filter(|x| x.generic != tebiki_core::pack::roles::GenericRole::Staff).map(|x| x.name.clone()).collect(),
        courses,
        acknowledgement: AcknowledgementView {
            wording: wording(staff, pack),
            pack_version: pack.version.clone(),
            confirmed: current.is_some(),
            confirmed_at: current.map(|a| a.confirmed_at.clone()),
            earlier_version: if current.is_none() { earlier.map(|e| e.pack_version.clone()) } else { None },
            changed_clauses,
        },
        test,
        feedback,
        file_name: results::file_name(r),
    })
}

/// Clauses whose text differs between the version confirmed (`content_hash`)
/// and the installed one, as this PC remembers both.
fn changed_since(staff: &Staff, pack: &Pack, content_hash: &str) -> ServiceResult<Vec<ClauseRefView>> {
    let session = staff.session();
    let old = staff.store().clause_texts(&pack.id, content_hash).map_err(|e| session.store_err(&e))?;
    if old.is_empty() {
        return Ok(Vec::new());
    }
    let new = staff.store().clause_texts(&pack.id, &pack.content_hash).map_err(|e| session.store_err(&e))?;
    let mut out = Vec::new();
    for c in pack.documents.iter().flat_map(|d| &d.clauses) {
        if old.get(&c.id) != new.get(&c.id) {
            out.push(clause_ref(pack, &c.id));
        }
    }
    Ok(out)
}

/// Opens (or starts) a person's e-learning of the 年度 for the organisation's pack.
pub fn elearning_open(staff: &mut Staff, req: &ElearningPerson) -> ServiceResult<ElearningView> {
    let session = staff.session();
    let year = crate::years::checked(session, req.year)?;
    let pack = session.pack(None)?;
    if pack.elearning.is_empty() {
        return Err(session.err(ErrorCode::NotFound, "elearning-none-in-pack"));
    }
    let p = &req.person;
    let person = Respondent {
        employee_no: p.employee_no.trim().into(),
        name: p.name.trim().into(),
        dept_code: p.dept_code.trim().into(),
        dept_name: p.dept_name.trim().into(),
    };
    if person.employee_no.is_empty() || person.name.is_empty() || person.dept_name.is_empty() {
        return Err(session.err(ErrorCode::Invalid, "selfcheck-profile-incomplete"));
    }
    let roles: Vec<String> = req.roles.iter().filter_map(|r| tebiki_core::pack::roles::resolve(&pack.roles, r)).map(|r| r.name.clone()).collect();
    let mut held = match load(staff, &pack, year, &person.employee_no)? {
        Some(h) => h,
        None => Held {
            record: TrainingResults {
                pack: pack_ref(&pack),
                year,
                person: person.clone(),
                courses: Vec::new(),
                acknowledgements: Vec::new(),
                written_at: now(),
            },
            progress: Progress::default(),
        },
    };
    held.record.person = person;
    held.record.pack = pack_ref(&pack);
    held.progress.roles = roles;
    save(staff, &held)?;
    view(staff, &pack, &held, None)
}

/// Notes the lesson opened (and read, with `done`): closing the app loses nothing.
pub fn elearning_lesson(staff: &mut Staff, step: &ElearningStep) -> ServiceResult<ElearningView> {
    let pack = staff.session().pack(None)?;
    let course = course_of(staff, &pack, &step.course)?;
    let lesson = step.lesson.as_deref().unwrap_or_default();
    if !course.lessons.iter().any(|l| l.id == lesson) {
        return Err(staff.session().err_args(ErrorCode::NotFound, "elearning-unknown-lesson", &[("lesson", lesson.into())]));
    }
    let mut held = existing(staff, &pack, step.year, &step.employee_no)?;
    held.progress.lesson.insert(course.course.clone(), lesson.to_owned());
    if step.done {
        let read = held.progress.read.entry(course.course.clone()).or_default();
        if !read.iter().any(|l| l == lesson) {
            read.push(lesson.to_owned());
        }
    }
    save(staff, &held)?;
    view(staff, &pack, &held, None)
}

/// Starts an attempt at the 理解度テスト: draws its questions (or resumes
/// the one under way).
pub fn elearning_start_test(staff: &mut Staff, step: &ElearningStep) -> ServiceResult<ElearningView> {
    let session = staff.session();
    let pack = session.pack(None)?;
    let course = course_of(staff, &pack, &step.course)?;
    let mut held = existing(staff, &pack, step.year, &step.employee_no)?;
    if held.progress.current.as_ref().is_some_and(|c| c.course == course.course) {
        return view(staff, &pack, &held, None);
    }
    let earlier: &[Attempt] = held.record.course(&course.course).map(|c| c.attempts.as_slice()).unwrap_or_default();
    let passed = earlier.iter().any(|a| a.passed);
    if !passed && course.max_attempts > 0 && earlier.len() as u32 >= course.max_attempts {
        return Err(session.err_args(ErrorCode::Invalid, "elearning-no-attempts-left", &[("max", i64::from(course.max_attempts).into())]));
    }
    let questions = quiz::draw_fresh(course, &held.progress.roles, earlier);
    held.progress.current = Some(CurrentAttempt { course: course.course.clone(), chosen: vec![None; questions.len()], questions, started_at: now() });
    save(staff, &held)?;
    view(staff, &pack, &held, None)
}

/// Answers the current question; after the last one the attempt is marked
/// and added to the record (its own transaction with the answer).
pub fn elearning_answer(staff: &mut Staff, step: &ElearningStep) -> ServiceResult<ElearningView> {
    let session = staff.session();
    let pack = session.pack(None)?;
    let mut held = existing(staff, &pack, step.year, &step.employee_no)?;
    let Some(cur) = held.progress.current.as_mut() else {
        return Err(session.err(ErrorCode::Invalid, "elearning-no-test"));
    };
    let course = course_of(staff, &pack, &cur.course)?;
    let Some(index) = cur.chosen.iter().position(Option::is_none) else {
        return Err(session.err(ErrorCode::Invalid, "elearning-no-test"));
    };
    let id = cur.questions[index].clone();
    let max = course.question(&id).map(|q| if q.kind == QuestionKind::Truefalse { 2 } else { 4 }).unwrap_or(4);
    let chosen = step.chosen.filter(|c| (1..=max).contains(c)).ok_or_else(|| session.err(ErrorCode::Invalid, "elearning-bad-choice"))?;
    cur.chosen[index] = Some(chosen);
    let feedback = (course.explain == Explain::Each).then(|| answered(&pack, course, &id, chosen)).flatten();
    if cur.chosen.iter().all(Option::is_some) {
        let cur = held.progress.current.take().expect("checked above");
        let chosen: Vec<u8> = cur.chosen.iter().map(|c| c.unwrap_or(0)).collect();
        let results = &mut held.record.courses;
        let i = match results.iter().position(|c| c.course == course.course) {
            Some(i) => i,
            None => {
                results.push(CourseResult {
                    course: course.course.clone(),
                    title: course.title.clone(),
                    pass_percent: course.pass_percent,
                    attempts: Vec::new(),
                });
                results.len() - 1
            }
        };
        let result = &mut results[i];
        // The pass mark of the file is the one these attempts were made under.
        result.pass_percent = course.pass_percent;
        let attempt = quiz::mark(course, result.attempts.len() as u32 + 1, &cur.started_at, &now(), &cur.questions, &chosen);
        let first_pass = attempt.passed && result.passing().is_none();
        let details = serde_json::json!({ "employee_no": held.record.person.employee_no, "year": held.record.year, "course": course.title, "score": attempt.score, "total": attempt.total });
        result.attempts.push(attempt);
        save(staff, &held)?;
        if first_pass {
            staff.store().audit(Action::ElearningPassed, details).map_err(|e| session.store_err(&e))?;
        }
    } else {
        save(staff, &held)?;
    }
    view(staff, &pack, &held, feedback)
}

/// The 閲覧確認 of the installed version of the policy.
pub fn elearning_acknowledge(staff: &mut Staff, step: &ElearningStep) -> ServiceResult<ElearningView> {
    let session = staff.session();
    let pack = session.pack(None)?;
    let mut held = existing(staff, &pack, step.year, &step.employee_no)?;
    let acks = &mut held.record.acknowledgements;
    if !acks.iter().any(|a| a.content_hash == pack.content_hash) {
        acks.push(Acknowledgement {
            pack_version: pack.version.clone(),
            content_hash: pack.content_hash.clone(),
            wording: wording(staff, &pack),
            confirmed_at: now(),
        });
        save(staff, &held)?;
        let details = serde_json::json!({ "employee_no": held.record.person.employee_no, "pack": pack.title, "version": pack.version });
        staff.store().audit(Action::PolicyAcknowledged, details).map_err(|e| session.store_err(&e))?;
    }
    view(staff, &pack, &held, None)
}

/// Writes the person's 受講記録ファイル (atomically; a shared folder or
/// USB stick is fine), recorded in the 操作記録.
pub fn elearning_save_file(staff: &mut Staff, step: &ElearningStep, path: &str) -> ServiceResult<PathBuf> {
    let session = staff.session();
    let l = session.lang();
    let p = crate::files::absolute_path(l, path)?;
    let pack = session.pack(None)?;
    let mut held = existing(staff, &pack, step.year, &step.employee_no)?;
    held.record.written_at = now();
    let (bytes, _) = results::write(&held.record).map_err(|e| ServiceError::new(ErrorCode::Invalid, e.to_string()))?;
    write_atomically(&p, &bytes).map_err(|e| io_error(l, &p, &e))?;
    save(staff, &held)?;
    crate::files::record_export(staff, ExportKind::PersonalData("training-results"), &p)?;
    Ok(p)
}

/// The person's own 修了証 for a course they passed.
pub fn elearning_certificate(staff: &mut Staff, step: &ElearningStep, path: &str) -> ServiceResult<tebiki_report::ReportFile> {
    let session = staff.session();
    let l = session.lang();
    let p = crate::files::absolute_path(l, path)?;
    let pack = session.pack(None)?;
    let course = course_of(staff, &pack, &step.course)?;
    let held = existing(staff, &pack, step.year, &step.employee_no)?;
    let passing = held.record.course(&course.course).and_then(CourseResult::passing).ok_or_else(|| session.err(ErrorCode::Invalid, "elearning-not-passed"))?;
    let on = chrono::DateTime::parse_from_rfc3339(&passing.finished_at).map(|d| d.date_naive()).unwrap_or_else(|_| chrono::Local::now().date_naive());
    let person = &held.record.person;
    let title = pack.courses.iter().find(|c| c.id == course.course).map(|c| c.title.clone()).unwrap_or_else(|| course.title.clone());
    let data = tebiki_report::CertificateData {
        organisation: pack.organization.name.clone(),
        certificates: vec![tebiki_report::Certificate {
            employee_no: person.employee_no.clone(),
            name: person.name.clone(),
            dept_name: person.dept_name.clone(),
            session_id: 0,
            course: title,
            held_on: on,
            method: tebiki_store::Method::ELearning,
        }],
    };
    let opts = tebiki_report::ReportOptions::new(l, held.record.year, chrono::Local::now().date_naive());
    let rendered = tebiki_report::render_certificates(&data, &opts).map_err(|e| ServiceError::new(ErrorCode::Invalid, e.localized(l)))?;
    write_atomically(&p, &rendered.bytes).map_err(|e| io_error(l, &p, &e))?;
    crate::files::record_export(staff, ExportKind::Report("certificate"), &p)?;
    Ok(tebiki_report::ReportFile { path: p.display().to_string(), pages: rendered.pages, bytes: rendered.bytes.len() })
}

/// Imports 受講記録ファイル (files or folders of them); each accepted file
/// becomes attendance of its courses, the others are refused with their reason.
pub fn import_results(admin: &mut Admin, paths: &[PathBuf], progress: &mut dyn FnMut(usize, usize)) -> ServiceResult<ResultsImportReport> {
    let session = admin.session();
    let mut selfcheck_report = tebiki_store::ImportReport::default();
    let files = tebiki_store::collect_submission_files(paths, &mut selfcheck_report);
    let mut report = ResultsImportReport {
        accepted: Vec::new(),
        refused: selfcheck_report.refused.into_iter().map(|r| tebiki_store::RefusedResults { file: r.file, reason: r.reason }).collect(),
    };
    if files.is_empty() && report.refused.is_empty() {
        let shown = paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
        return Err(session.err_args(ErrorCode::NotFound, "selfcheck-import-none", &[("path", shown.into())]));
    }
    let library = session.library()?;
    let courses = |id: &str| library.get(id).map(|p| p.elearning.iter().map(|c| c.course.clone()).collect());
    admin.store_mut().import_training_results(&files, &courses, &mut report, progress).map_err(|e| session.store_err(&e))?;
    Ok(report)
}

/// Every result file held for a 年度, one per person, as the staff PC wrote
/// it, into `dir`; recorded once in the 操作記録. Returns the file names.
pub fn export_results(admin: &mut Admin, year: i32, dir: &Path) -> ServiceResult<Vec<String>> {
    let session = admin.session();
    let l = session.lang();
    let year = crate::years::checked(session, year)?;
    let files = admin.store().elearning_result_files(year).map_err(|e| session.store_err(&e))?;
    crate::files::create_private_dir(dir).map_err(|e| io_error(l, dir, &e))?;
    let mut names = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        let path = dir.join(&name);
        write_atomically(&path, &bytes).map_err(|e| io_error(l, &path, &e))?;
        names.push(name);
    }
    admin.record_export(ExportKind::PersonalData("training-results-all"), dir)?;
    Ok(names)
}

/// The 受講状況 of a course (default: the pack's first e-learning course) for a 年度.
pub fn results_summary(admin: &mut Admin, year: i32, course: Option<&str>) -> ServiceResult<ElearningSummary> {
    let session = admin.session();
    let year = crate::years::checked(session, year)?;
    let pack = session.pack(None)?;
    let c = match course {
        Some(id) => course_of(admin, &pack, id)?,
        None => pack.elearning.first().ok_or_else(|| session.err(ErrorCode::NotFound, "elearning-none-in-pack"))?,
    };
    let catalogue = crate::training::catalogue(admin, &pack)?;
    let staff: Vec<_> = admin.store().all_staff().map_err(|e| session.store_err(&e))?.into_iter().map(|m| m.record).collect();
    let held = admin.store().elearning_held(year, &pack.id, &c.course).map_err(|e| session.store_err(&e))?;
    Ok(summarize(&staff, &catalogue, c, &pack.version, FiscalYear(year), &held))
}
