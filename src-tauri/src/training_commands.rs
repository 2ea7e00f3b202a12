//! 研修 and the roster (管理者モード).

use crate::CmdResult;
use tauri::ipc::Channel;
use tauri::State;
use tebiki_core::pack::courses::Course;
use tebiki_service::ipc::{
    AddCourseRequest, CourseRequest, DepartmentActiveRequest, DescribeDateRequest, FindStaffRequest, OptionalYearRequest, PathRequest, PersonHistoryRequest,
    RecordSessionRequest, RosterImportRequest, RosterPreviewRequest, SaveDepartmentRequest, StaffRolesRequest, YearCsvExportRequest,
};
use tebiki_service::roster::{self, RosterImport};
use tebiki_service::training::{self, SessionRecord};
use tebiki_service::{files, Session};
use tebiki_store::{
    AttendanceMatch, Department, DepartmentMembers, ImportProgress, PersonHistory, RecordedSession, RosterPlan, RosterPreview, StaffHit, TrainingScreen,
};

#[tauri::command]
pub fn roster_preview(session: State<Session>, req: RosterPreviewRequest) -> CmdResult<RosterPreview> {
    let mut admin = session.admin()?;
    let path = files::absolute_path(session.lang(), &req.path)?;
    roster::roster_preview(&mut admin, &path, req.mapping.as_deref(), req.full)
}

/// Imports the roster, telling the window how far it is. Async: off the UI
/// thread, so that the progress bar is drawn.
#[tauri::command(async)]
pub fn roster_import(session: State<'_, Session>, req: RosterImportRequest, on_progress: Channel<ImportProgress>) -> CmdResult<RosterPlan> {
    let mut admin = session.admin()?;
    let path = files::absolute_path(session.lang(), &req.path)?;
    let how = RosterImport { mapping: req.mapping.as_deref(), full: req.full, yes: req.confirm_many, ..Default::default() };
    let outcome = roster::import_roster(&mut admin, &path, &how, &mut |done, total| {
        let _ = on_progress.send(ImportProgress { done, total });
    })?;
    if outcome.unconfirmed {
        // The screen asks first; a request that skipped it changes nothing.
        return Err(tebiki_service::ServiceError::new(tebiki_service::ErrorCode::Invalid, tebiki_i18n::tr(session.lang(), "roster-import-many-needs-confirm")));
    }
    Ok(outcome.plan)
}

#[tauri::command]
pub fn training_screen(session: State<Session>, req: OptionalYearRequest) -> CmdResult<TrainingScreen> {
    training::training_screen(&mut session.admin()?, req.year)
}

#[tauri::command]
pub fn add_course(session: State<Session>, req: AddCourseRequest) -> CmdResult<Course> {
    training::add_course(&mut session.admin()?, &req.draft)
}

#[tauri::command]
pub fn remove_course(session: State<Session>, req: CourseRequest) -> CmdResult<()> {
    training::remove_course(&mut session.admin()?, &req.course_id)
}

#[tauri::command]
pub fn department_list(session: State<Session>) -> CmdResult<Vec<Department>> {
    roster::department_list(&mut session.admin()?)
}

#[tauri::command]
pub fn save_department(session: State<Session>, req: SaveDepartmentRequest) -> CmdResult<()> {
    roster::save_department(&mut session.admin()?, &req.code, &req.name)
}

#[tauri::command]
pub fn set_department_active(session: State<Session>, req: DepartmentActiveRequest) -> CmdResult<()> {
    roster::set_department_active(&mut session.admin()?, &req.code, req.active)
}

#[tauri::command]
pub fn find_staff(session: State<Session>, req: FindStaffRequest) -> CmdResult<Vec<StaffHit>> {
    roster::find_staff(&mut session.admin()?, &req.query)
}

#[tauri::command]
pub fn person_history(session: State<Session>, req: PersonHistoryRequest) -> CmdResult<PersonHistory> {
    roster::person_history(&mut session.admin()?, &req.employee_no, req.year)
}

#[tauri::command]
pub fn attendance_preview(session: State<Session>, req: PathRequest) -> CmdResult<AttendanceMatch> {
    let mut admin = session.admin()?;
    let path = files::absolute_path(session.lang(), &req.path)?;
    training::attendance_preview(&mut admin, &path)
}

#[tauri::command]
pub fn departments(session: State<Session>) -> CmdResult<Vec<DepartmentMembers>> {
    roster::departments_with_members(&mut session.admin()?)
}

#[tauri::command]
pub fn record_session(session: State<Session>, req: RecordSessionRequest) -> CmdResult<RecordedSession> {
    let i = req.input;
    let record = SessionRecord {
        pack: None,
        course_id: &i.course_id,
        held_on: &i.held_on,
        method: i.method,
        trainer: i.trainer,
        place: i.place,
        employee_nos: i.employee_nos,
    };
    Ok(training::record_session(&mut session.admin()?, record)?.1)
}

/// Writes the overdue list of a 年度 as CSV for Excel.
#[tauri::command]
pub fn export_overdue(session: State<Session>, req: YearCsvExportRequest) -> CmdResult<String> {
    let mut admin = session.admin()?;
    let path = files::absolute_path(session.lang(), &req.path)?;
    training::export_overdue(&mut admin, req.year, &path, req.shift_jis)?;
    Ok(path.display().to_string())
}

/// A typed date read back (ISO + 和暦), for the date fields.
#[tauri::command]
pub fn describe_date(req: DescribeDateRequest) -> Option<tebiki_core::calendar::wareki::DateLabel> {
    tebiki_core::calendar::wareki::describe(&req.text)
}

#[tauri::command]
pub fn set_staff_roles(session: State<Session>, req: StaffRolesRequest) -> CmdResult<()> {
    roster::set_staff_roles(&mut session.admin()?, &req.employee_no, &req.roles)
}
