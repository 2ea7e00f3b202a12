//! 研修: the overview of a 年度, recording a session, the overdue list and
//! the per-person status, the same for the app and the CLI.

use crate::access::Admin;
use crate::error::{ErrorCode, ServiceError, ServiceResult};
use crate::files::ExportKind;
use serde::Serialize;
use std::path::Path;
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_core::pack::Pack;
use tebiki_core::training::catalogue::Catalogue;
use tebiki_core::training::overview::{overdue_csv, overview, TrainingOverview};
use tebiki_core::training::requirements::{requirements, DueState};
use tebiki_i18n::tr;
use tebiki_store::{Method, NewSession, RecordedSession};
use ts_rs::TS;

/// The pack's courses and those an administrator added.
pub fn catalogue(admin: &Admin, pack: &Pack) -> ServiceResult<Catalogue> {
    admin.store().catalogue(pack).map_err(|e| admin.session().store_err(&e))
}

/// Completion by 所属, course and role, and the overdue list, for a 年度.
pub fn training_overview(admin: &mut Admin, year: i32, pack: Option<&str>) -> ServiceResult<(Pack, Catalogue, TrainingOverview)> {
    let session = admin.session();
    let year = crate::years::checked(session, year)?;
    let pack = session.pack(pack)?;
    let catalogue = catalogue(admin, &pack)?;
    let staff: Vec<_> = admin.store().all_staff().map_err(|e| session.store_err(&e))?.into_iter().map(|m| m.record).collect();
    let attended = admin.store().attendance_by_person(&pack.id).map_err(|e| session.store_err(&e))?;
    let today = chrono::Local::now().date_naive();
    let o = overview(&staff, &catalogue, &attended, FiscalYear(year), today);
    Ok((pack, catalogue, o))
}

/// A session to record: attendees already gathered by the front (ticked in
/// the app; --staff, --dept and --attendance on the command line).
pub struct SessionRecord<'a> {
    pub pack: Option<&'a str>,
    pub course_id: &'a str,
    /// As typed: 2025/6/1, 令和7年6月1日, R7.6.1 …
    pub held_on: &'a str,
    pub method: Method,
    pub trainer: Option<String>,
    pub place: Option<String>,
    pub employee_nos: Vec<String>,
}

/// Records a session: the course must exist, the date must read as a date,
/// and there must be attendees — checked here once for both fronts.
pub fn record_session(admin: &mut Admin, r: SessionRecord) -> ServiceResult<(Pack, RecordedSession, String)> {
    let session = admin.session();
    let pack = session.pack(r.pack)?;
    let catalogue = catalogue(admin, &pack)?;
    if catalogue.course(r.course_id).is_none() {
        let known = catalogue.courses.iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(", ");
        return Err(session.err_args(ErrorCode::Invalid, "training-unknown-course", &[("course", r.course_id.into()), ("known", known.into())]));
    }
    let held_on = tebiki_core::calendar::typed_date::parse_date(r.held_on)
        .ok_or_else(|| session.err_args(ErrorCode::Invalid, "training-bad-date", &[("value", r.held_on.into())]))?;
    let mut staff: Vec<String> = Vec::with_capacity(r.employee_nos.len());
    for no in r.employee_nos.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if !staff.iter().any(|s| s == no) {
            staff.push(no.to_owned());
        }
    }
    if staff.is_empty() {
        return Err(session.err(ErrorCode::Invalid, "training-no-attendees"));
    }
    let new = NewSession {
        pack_id: pack.id.clone(),
        course_id: r.course_id.to_owned(),
        held_on: held_on.to_string(),
        method: r.method,
        trainer: r.trainer.filter(|t| !t.trim().is_empty()),
        place: r.place.filter(|p| !p.trim().is_empty()),
    };
    let recorded = admin.store_mut().record_session(&new, &staff).map_err(|e| session.store_err(&e))?;
    Ok((pack, recorded, new.held_on))
}

/// The members of one 所属 (active staff), for a session recorded by 所属.
pub fn department_members(admin: &Admin, dept_code: &str) -> ServiceResult<Vec<String>> {
    let members = admin.store().active_staff().map_err(|e| admin.session().store_err(&e))?;
    Ok(members.into_iter().filter(|m| m.record.dept_code == dept_code).map(|m| m.record.employee_no).collect())
}

/// Writes the overdue list of a 年度 as CSV for Excel, recorded in the 操作記録.
pub fn export_overdue(admin: &mut Admin, year: i32, path: &Path, shift_jis: bool) -> ServiceResult<usize> {
    let (_, _, o) = training_overview(admin, year, None)?;
    let l = admin.session().lang();
    let headers = ["overdue-col-no", "overdue-col-name", "overdue-col-dept-code", "overdue-col-dept", "overdue-col-courses"].map(|k| tr(l, k));
    let bytes = overdue_csv(&o, shift_jis, headers.each_ref().map(String::as_str));
    admin.export_file(ExportKind::PersonalData("overdue"), path, &bytes)?;
    Ok(o.overdue.len())
}

/// One person's courses in a 年度.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PersonStatus {
    pub employee_no: String,
    pub name: String,
    pub dept_code: String,
    pub dept_name: String,
    pub required: Vec<String>,
    pub done: Vec<String>,
    pub overdue: Vec<String>,
}

/// Who must take what in a 年度 and who did (`tebiki training status`).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TrainingStatus {
    pub year: i32,
    pub year_label: String,
    pub pack_id: String,
    pub as_of: String,
    pub people: usize,
    /// The same rate as the 受講状況 screen: done / required in percent,
    /// 100 when nothing is required (nobody is behind).
    pub completion_rate: f64,
    pub staff: Vec<PersonStatus>,
}

pub fn training_status(admin: &mut Admin, year: i32, pack: Option<&str>) -> ServiceResult<TrainingStatus> {
    let (pack, catalogue, o) = training_overview(admin, year, pack)?;
    let session = admin.session();
    let fy = FiscalYear(year);
    let today = chrono::Local::now().date_naive();
    let attended = admin.store().attendance_by_person(&pack.id).map_err(|e| session.store_err(&e))?;
    let mut staff = Vec::new();
    for m in admin.store().all_staff().map_err(|e| session.store_err(&e))? {
        let reqs = requirements(&m.record, &catalogue, fy, attended.get(&m.record.employee_no).map(Vec::as_slice).unwrap_or(&[]), today);
        if reqs.is_empty() && !tebiki_core::training::requirements::employed_in(&m.record, fy) {
            continue;
        }
        let pick = |s: Option<DueState>| reqs.iter().filter(|r| s.is_none_or(|s| r.state == s)).map(|r| r.course_id.clone()).collect::<Vec<_>>();
        staff.push(PersonStatus {
            employee_no: m.record.employee_no,
            name: m.record.name,
            dept_code: m.record.dept_code,
            dept_name: m.record.dept_name,
            required: pick(None),
            done: pick(Some(DueState::Done)),
            overdue: pick(Some(DueState::Overdue)),
        });
    }
    Ok(TrainingStatus { year, year_label: fy.wareki(), pack_id: pack.id, as_of: today.to_string(), people: staff.len(), completion_rate: o.rate, staff })
}

/// The 研修 screen: the catalogue and the 年度's completion.
pub fn training_screen(admin: &mut Admin, year: Option<i32>) -> ServiceResult<tebiki_store::TrainingScreen> {
    let current_year = crate::selfcheck::current_year();
    let (pack, catalogue, overview) = training_overview(admin, year.unwrap_or(current_year), None)?;
    let custom_course_ids = catalogue.courses.iter().filter(|c| !pack.courses.iter().any(|p| p.id == c.id)).map(|c| c.id.clone()).collect();
    Ok(tebiki_store::TrainingScreen {
        pack_id: pack.id.clone(),
        courses: catalogue.courses,
        custom_course_ids,
        roles: pack.roles.clone(),
        overview,
        current_year,
    })
}

/// Adds an administrator's course to the catalogue.
pub fn add_course(admin: &mut Admin, draft: &tebiki_core::training::catalogue::CourseDraft) -> ServiceResult<tebiki_core::pack::courses::Course> {
    let session = admin.session();
    let pack = session.pack(None)?;
    let catalogue = catalogue(admin, &pack)?;
    let course = tebiki_core::training::catalogue::new_course(draft, &pack, &catalogue).map_err(|e| session.err_message(ErrorCode::Invalid, &e.message()))?;
    admin.store_mut().add_custom_course(&pack.id, &course).map_err(|e| session.store_err(&e))?;
    Ok(course)
}

/// Removes an added course; refused once a session of it is recorded.
pub fn remove_course(admin: &mut Admin, course_id: &str) -> ServiceResult<()> {
    let session = admin.session();
    let pack = session.pack(None)?;
    match admin.store_mut().remove_custom_course(&pack.id, course_id).map_err(|e| session.store_err(&e))? {
        true => Ok(()),
        false => Err(session.err(ErrorCode::Invalid, "course-error-in-use")),
    }
}

/// Reads an attendance CSV from an e-learning system and matches it to the roster.
pub fn attendance_preview(admin: &mut Admin, path: &Path) -> ServiceResult<tebiki_store::AttendanceMatch> {
    let session = admin.session();
    let bytes = crate::roster::read_csv(session, path)?;
    let rows = tebiki_core::roster::import::parse_attendance(&bytes)
        .map_err(|e| ServiceError::new(ErrorCode::Invalid, format!("{}: {}", path.display(), tebiki_i18n::tr_message(session.lang(), &e.message()))))?;
    admin.store().match_attendance(&rows).map_err(|e| session.store_err(&e))
}

/// The 職員番号 of an attendance CSV (its matched and unmatched rows).
pub fn attendance_numbers(admin: &mut Admin, path: &Path) -> ServiceResult<Vec<String>> {
    let session = admin.session();
    let bytes = crate::roster::read_csv(session, path)?;
    let rows = tebiki_core::roster::import::parse_attendance(&bytes)
        .map_err(|e| ServiceError::new(ErrorCode::Invalid, format!("{}: {}", path.display(), tebiki_i18n::tr_message(session.lang(), &e.message()))))?;
    Ok(rows.into_iter().map(|(_, no)| no).collect())
}
