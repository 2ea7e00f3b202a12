use crate::AppState;
use std::path::PathBuf;
use tauri::State;
use tebiki_core::fiscal_year::FiscalYear;
use tauri::ipc::Channel;
use tebiki_core::pack::Pack;
use tebiki_core::roster_import::{guess_mapping, parse_attendance, parse_roster, read_headers, RosterError, RosterField};
use tebiki_core::training::{new_course, overdue_csv, overview, Catalogue, Course, CourseDraft, TrainingOverview};
use tebiki_i18n::{tr, tr_args, tr_message};
use tebiki_store::{
    AttendanceMatch, Department, DepartmentMembers, ImportProgress, NewSession, PersonHistory, RecordedSession, RosterPlan, RosterPreview, SessionInput, StaffHit,
    TrainingScreen,
};

type CmdResult<T> = Result<T, String>;

fn read_file(state: &AppState, path: &str) -> CmdResult<Vec<u8>> {
    let p = PathBuf::from(path.trim());
    if !p.is_absolute() {
        return Err(tr_args(state.lang(), "import-path-not-absolute", &[("path", path.into())]));
    }
    // The size limit is checked from the file's length, before reading it.
    tebiki_core::bounded_read::read_at_most(&p, tebiki_core::bounded_read::MAX_CSV_BYTES).map_err(|e| tr_message(state.lang(), &e.message(&p)))
}


#[tauri::command]
pub fn roster_preview(state: State<AppState>, path: String, mapping: Option<Vec<Option<RosterField>>>, full: bool) -> CmdResult<RosterPreview> {
    let bytes = read_file(&state, &path)?;
    match parse_roster(&bytes, mapping.as_deref()) {
        Ok(parsed) => {
            let records: Vec<_> = parsed.rows.iter().map(|(_, r)| r.clone()).collect();
            let plan = state.admin_store()?.plan_roster(&records, &parsed.rejected, full).map_err(|e| e.localized(state.lang()))?;
            Ok(RosterPreview {
                encoding: parsed.encoding,
                headers: parsed.headers,
                mapping: parsed.mapping,
                missing_column: None,
                rows: records.len(),
                plan,
                rejected: parsed.rejected,
            })
        }
        Err(e @ RosterError::MissingColumn(_)) => {
            let (headers, encoding) = read_headers(&bytes).map_err(|e| tr_message(state.lang(), &e.message()))?;
            let guess = mapping.unwrap_or_else(|| guess_mapping(&headers));
            Ok(RosterPreview {
                encoding,
                mapping: guess,
                headers,
                missing_column: Some(e.message()),
                rows: 0,
                plan: RosterPlan::default(),
                rejected: Vec::new(),
            })
        }
        Err(e) => Err(tr_message(state.lang(), &e.message())),
    }
}

/// Imports the roster (parsed again, one transaction), telling the window
/// how far it is. Async so that it runs off the UI thread and the progress
/// bar can be drawn.
#[tauri::command(async)]
pub fn roster_import(
    state: State<'_, AppState>,
    path: String,
    mapping: Option<Vec<Option<RosterField>>>,
    full: bool,
    on_progress: Channel<ImportProgress>,
) -> CmdResult<RosterPlan> {
    let bytes = read_file(&state, &path)?;
    let parsed = parse_roster(&bytes, mapping.as_deref()).map_err(|e| tr_message(state.lang(), &e.message()))?;
    let records: Vec<_> = parsed.rows.into_iter().map(|(_, r)| r).collect();
    let today = chrono::Local::now().date_naive().to_string();
    let mut progress = |done, total| {
        let _ = on_progress.send(ImportProgress { done, total });
    };
    let result = state.admin_store()?.import_roster_with_progress(&records, &parsed.rejected, full, &today, &mut progress);
    result.map_err(|e| e.localized(state.lang()))
}

/// The chosen organisation's pack.
pub(crate) fn chosen_pack(state: &AppState) -> CmdResult<Pack> {
    // The store's lock is let go before `state.lang()`, which takes it again.
    let chosen = state.chosen_pack_id();
    let pack_id = chosen.ok_or_else(|| tr(state.lang(), "training-no-pack-ui"))?;
    let lib = state.library.read().map_err(|e| e.to_string())?;
    let pack = lib.get(&pack_id).ok_or_else(|| tr(state.lang(), "training-no-pack-ui"))?;
    Ok(pack.clone())
}

/// The courses in force: the pack's and the added ones.
fn catalogue(state: &AppState) -> CmdResult<(Pack, Catalogue)> {
    let pack = chosen_pack(state)?;
    let catalogue = state.admin_store()?.catalogue(&pack).map_err(|e| e.localized(state.lang()))?;
    Ok((pack, catalogue))
}


fn build_overview(state: &AppState, year: i32) -> CmdResult<(Pack, Catalogue, TrainingOverview)> {
    let (pack, catalogue) = catalogue(state)?;
    let l = state.lang();
    let store = state.admin_store()?;
    let staff: Vec<_> = store.all_staff().map_err(|e| e.localized(l))?.into_iter().map(|m| m.record).collect();
    let attended = store.attendance_by_person(&pack.id).map_err(|e| e.localized(l))?;
    let today = chrono::Local::now().date_naive();
    let o = overview(&staff, &catalogue, &attended, FiscalYear(year), today);
    Ok((pack, catalogue, o))
}

#[tauri::command]
pub fn training_screen(state: State<AppState>, year: Option<i32>) -> CmdResult<TrainingScreen> {
    let current_year = FiscalYear::of(chrono::Local::now().date_naive()).0;
    let (pack, catalogue, overview) = build_overview(&state, year.unwrap_or(current_year))?;
    let custom_course_ids = catalogue.courses.iter().filter(|c| !pack.courses.iter().any(|p| p.id == c.id)).map(|c| c.id.clone()).collect();
    Ok(TrainingScreen { pack_id: pack.id.clone(), courses: catalogue.courses, custom_course_ids, roles: pack.roles.clone(), overview, current_year })
}

/// Adds an administrator's course to the catalogue.
#[tauri::command]
pub fn add_course(state: State<AppState>, draft: CourseDraft) -> CmdResult<Course> {
    let (pack, catalogue) = catalogue(&state)?;
    let course = new_course(&draft, &pack, &catalogue).map_err(|e| tr_message(state.lang(), &e.message()))?;
    state.admin_store()?.add_custom_course(&pack.id, &course).map_err(|e| e.localized(state.lang()))?;
    Ok(course)
}

/// Removes an added course; refused once a session of it is recorded.
#[tauri::command]
pub fn remove_course(state: State<AppState>, course_id: String) -> CmdResult<()> {
    let pack = chosen_pack(&state)?;
    let removed = state.admin_store()?.remove_custom_course(&pack.id, &course_id).map_err(|e| e.localized(state.lang()))?;
    if removed {
        Ok(())
    } else {
        Err(tr(state.lang(), "course-error-in-use"))
    }
}

#[tauri::command]
pub fn department_list(state: State<AppState>) -> CmdResult<Vec<Department>> {
    state.admin_store()?.departments().map_err(|e| e.localized(state.lang()))
}

#[tauri::command]
pub fn save_department(state: State<AppState>, code: String, name: String) -> CmdResult<()> {
    let result = state.admin_store()?.save_department(&code, &name).map_err(|e| e.localized(state.lang()))?;
    result.map_err(|r| tr_message(state.lang(), &r.message()))
}

#[tauri::command]
pub fn set_department_active(state: State<AppState>, code: String, active: bool) -> CmdResult<()> {
    let result = state.admin_store()?.set_department_active(&code, active).map_err(|e| e.localized(state.lang()))?;
    result.map_err(|r| tr_message(state.lang(), &r.message()))
}

#[tauri::command]
pub fn find_staff(state: State<AppState>, query: String) -> CmdResult<Vec<StaffHit>> {
    state.admin_store()?.find_staff(&query, 50).map_err(|e| e.localized(state.lang()))
}

#[tauri::command]
pub fn person_history(state: State<AppState>, employee_no: String, year: i32) -> CmdResult<PersonHistory> {
    let pack = chosen_pack(&state)?;
    let today = chrono::Local::now().date_naive();
    let store = state.admin_store()?;
    store
        .person_history(&pack, &employee_no, FiscalYear(year), today)
        .map_err(|e| e.localized(state.lang()))?
        .ok_or_else(|| tr_args(state.lang(), "staff-not-found", &[("employee_no", employee_no.as_str().into())]))
}

/// Reads an attendance CSV from an e-learning system and matches it to the roster.
#[tauri::command]
pub fn attendance_preview(state: State<AppState>, path: String) -> CmdResult<AttendanceMatch> {
    let bytes = read_file(&state, &path)?;
    let rows = parse_attendance(&bytes).map_err(|e| tr_message(state.lang(), &e.message()))?;
    state.admin_store()?.match_attendance(&rows).map_err(|e| e.localized(state.lang()))
}


#[tauri::command]
pub fn departments(state: State<AppState>) -> CmdResult<Vec<DepartmentMembers>> {
    let staff = state.admin_store()?.active_staff().map_err(|e| e.localized(Default::default()))?;
    let mut out: Vec<DepartmentMembers> = Vec::new();
    for m in staff {
        match out.iter_mut().find(|d| d.code == m.record.dept_code) {
            Some(d) => d.members.push((m.record.employee_no, m.record.name)),
            None => out.push(DepartmentMembers { code: m.record.dept_code, name: m.record.dept_name, members: vec![(m.record.employee_no, m.record.name)] }),
        }
    }
    out.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(out)
}


#[tauri::command]
pub fn record_session(state: State<AppState>, input: SessionInput) -> CmdResult<RecordedSession> {
    let (pack, catalogue) = catalogue(&state)?;
    let pack_id = pack.id;
    let l = state.lang();
    if catalogue.course(&input.course_id).is_none() {
        return Err(tr_args(l, "training-unknown-course", &[("course", input.course_id.as_str().into()), ("known", "".into())]));
    }
    let held_on = tebiki_core::roster_import::parse_date(&input.held_on).ok_or_else(|| tr_args(l, "training-bad-date", &[("value", input.held_on.as_str().into())]))?;
    if input.employee_nos.is_empty() {
        return Err(tr(l, "training-no-attendees-ui"));
    }
    let session = NewSession { pack_id, course_id: input.course_id, held_on: held_on.to_string(), method: input.method, trainer: input.trainer, place: input.place };
    let result = state.admin_store()?.record_session(&session, &input.employee_nos);
    result.map_err(|e| e.localized(l))
}

/// Writes the overdue list of `year` as CSV for Excel.
#[tauri::command]
pub fn export_overdue(state: State<AppState>, year: i32, path: String, shift_jis: bool) -> CmdResult<String> {
    let l = state.lang();
    let p = PathBuf::from(path.trim());
    if !p.is_absolute() {
        return Err(tr_args(l, "import-path-not-absolute", &[("path", path.as_str().into())]));
    }
    let (_, _, o) = build_overview(&state, year)?;
    let headers = ["overdue-col-no", "overdue-col-name", "overdue-col-dept-code", "overdue-col-dept", "overdue-col-courses"].map(|k| tr(l, k));
    let bytes = overdue_csv(&o, shift_jis, [&headers[0], &headers[1], &headers[2], &headers[3], &headers[4]].map(String::as_str));
    tebiki_core::private_file::write(&p, bytes).map_err(|e| tr_args(l, "error-io", &[("path", path.as_str().into()), ("detail", e.to_string().into())]))?;
    state.admin_store()?.audit(tebiki_store::Action::PersonalDataExported, serde_json::json!({ "kind": "overdue", "file": p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default() })).map_err(|e| e.localized(l))?;
    Ok(p.display().to_string())
}

/// A typed date read back (ISO + 和暦), for the date fields.
#[tauri::command]
pub fn describe_date(text: String) -> Option<tebiki_core::wareki::DateLabel> {
    tebiki_core::wareki::describe(&text)
}

/// Sets the roles a person holds (the pack's role names).
#[tauri::command]
pub fn set_staff_roles(state: State<AppState>, employee_no: String, roles: Vec<String>) -> CmdResult<()> {
    let l = state.lang();
    let pack = chosen_pack(&state)?;
    let mut names = Vec::new();
    for r in &roles {
        let role = tebiki_core::roles::resolve(&pack.roles, r).ok_or_else(|| tr_message(l, &tebiki_core::training::CourseError::UnknownRole(r.clone()).message()))?;
        names.push(role.name.clone());
    }
    let found = state.admin_store()?.set_staff_roles(&employee_no, &names).map_err(|e| e.localized(l))?;
    if found {
        Ok(())
    } else {
        Err(tr_args(l, "staff-not-found", &[("employee_no", employee_no.as_str().into())]))
    }
}
