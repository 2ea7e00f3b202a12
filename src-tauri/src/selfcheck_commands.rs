//! 自己点検: answering (every change saved at once), submitting, exporting
//! the submission file, importing files and the 集計. The rules live in
//! tebiki-core and tebiki-store; these commands only translate.

use crate::training_commands::chosen_pack;
use crate::AppState;
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::State;
use tebiki_core::answers::ItemAnswer;
use tebiki_core::fiscal_year::FiscalYear;
use tebiki_core::pack::Pack;
use tebiki_core::selfcheck_dashboard::{remedies_csv, RemedySort, REMEDY_HEADER_KEYS};
use tebiki_core::submission::{self, PackRef, Respondent, Submission};
use tebiki_i18n::{tr, tr_args};
use tebiki_store::{collect_submission_files, DashboardView, ImportProgress, ImportReport, InspectionView, NewInspection, SelfcheckScreen};

type CmdResult<T> = Result<T, String>;

fn pack_ref(pack: &Pack) -> PackRef {
    PackRef { id: pack.id.clone(), version: pack.version.clone(), content_hash: pack.content_hash.clone() }
}

fn absolute(state: &AppState, path: &str) -> CmdResult<PathBuf> {
    let p = PathBuf::from(path.trim());
    if p.is_absolute() {
        Ok(p)
    } else {
        Err(tr_args(state.lang(), "import-path-not-absolute", &[("path", path.into())]))
    }
}

fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

#[tauri::command]
pub fn selfcheck_screen(state: State<AppState>, year: Option<i32>) -> CmdResult<SelfcheckScreen> {
    let pack = chosen_pack(&state)?;
    let current = FiscalYear::of(chrono::Local::now().date_naive()).0;
    let store = state.staff_store()?;
    store.selfcheck_screen(&pack, year.unwrap_or(current), current).map_err(|e| e.localized(state.lang()))
}

/// Starts (or resumes) the 年度's inspection of `role` for `respondent`.
#[tauri::command]
pub fn start_inspection(state: State<AppState>, year: i32, role: String, respondent: Respondent, prefill: bool) -> CmdResult<InspectionView> {
    let l = state.lang();
    let pack = chosen_pack(&state)?;
    let q = pack.questionnaires.iter().find(|q| q.role == role).ok_or_else(|| tr_args(l, "selfcheck-no-questionnaire", &[("role", role.as_str().into())]))?;
    let role_name = pack.roles.iter().find(|r| r.id == role).map(|r| r.name.clone()).unwrap_or_else(|| role.clone());
    let trimmed = Respondent {
        employee_no: respondent.employee_no.trim().to_owned(),
        name: respondent.name.trim().to_owned(),
        dept_code: respondent.dept_code.trim().to_owned(),
        dept_name: respondent.dept_name.trim().to_owned(),
    };
    if trimmed.employee_no.is_empty() || trimmed.name.is_empty() || trimmed.dept_name.is_empty() {
        return Err(tr(l, "selfcheck-profile-incomplete"));
    }
    let mut store = state.staff_store()?;
    // A 所属 typed by name takes the roster's code when the roster has it.
    let dept_code = match trimmed.dept_code.is_empty() {
        false => trimmed.dept_code.clone(),
        true => store
            .departments()
            .map_err(|e| e.localized(l))?
            .into_iter()
            .find(|d| d.name == trimmed.dept_name)
            .map(|d| d.code)
            .unwrap_or_else(|| trimmed.dept_name.clone()),
    };
    let trimmed = Respondent { dept_code, ..trimmed };
    let item_ids: Vec<String> = q.items.iter().map(|i| i.id.clone()).collect();
    let pr = pack_ref(&pack);
    let new = NewInspection { year, role: &role, role_name: &role_name, respondent: &trimmed, pack: &pr, item_ids: &item_ids, prefill };
    let inspection = store.start_inspection(&new).map_err(|e| e.localized(l))?;
    store.inspection_view(&pack, inspection.id).map_err(|e| e.localized(l))
}

#[tauri::command]
pub fn inspection_view(state: State<AppState>, inspection_id: i64) -> CmdResult<InspectionView> {
    let pack = chosen_pack(&state)?;
    let store = state.staff_store()?;
    store.inspection_view(&pack, inspection_id).map_err(|e| e.localized(state.lang()))
}

/// Saves one answer at once (its own transaction) and returns the page's
/// problems as they now stand.
#[tauri::command]
pub fn save_answer(state: State<AppState>, inspection_id: i64, answer: ItemAnswer) -> CmdResult<InspectionView> {
    let pack = chosen_pack(&state)?;
    let mut store = state.staff_store()?;
    store.save_answer(inspection_id, &answer).map_err(|e| e.localized(state.lang()))?;
    store.inspection_view(&pack, inspection_id).map_err(|e| e.localized(state.lang()))
}

/// Submits: locks the answers as a new version (refused while problems remain).
#[tauri::command]
pub fn submit_inspection(state: State<AppState>, inspection_id: i64) -> CmdResult<Submission> {
    let pack = chosen_pack(&state)?;
    let mut store = state.staff_store()?;
    let view = store.inspection_view(&pack, inspection_id).map_err(|e| e.localized(state.lang()))?;
    let ids: Vec<String> = view.questionnaire.items.iter().map(|i| i.id.clone()).collect();
    store.submit(inspection_id, &ids, &now()).map_err(|e| e.localized(state.lang()))
}

/// A correction: a new draft from the latest submission (version n+1).
#[tauri::command]
pub fn reopen_inspection(state: State<AppState>, year: i32, employee_no: String, role: String) -> CmdResult<InspectionView> {
    let pack = chosen_pack(&state)?;
    let mut store = state.staff_store()?;
    let i = store.reopen_for_correction(year, &employee_no, &role, &pack_ref(&pack)).map_err(|e| e.localized(state.lang()))?;
    store.inspection_view(&pack, i.id).map_err(|e| e.localized(state.lang()))
}

/// The file name a submission is exported under.
#[tauri::command]
pub fn submission_file_name(state: State<AppState>, submission_id: i64) -> CmdResult<String> {
    let store = state.staff_store()?;
    let s = store.submission(submission_id).map_err(|e| e.localized(state.lang()))?.ok_or_else(|| tr(state.lang(), "selfcheck-submission-missing"))?;
    Ok(submission::file_name(&s))
}

/// Writes one submission as a file for the 統括責任者 (beside, then renamed).
#[tauri::command]
pub fn export_submission(state: State<AppState>, submission_id: i64, path: String) -> CmdResult<String> {
    let l = state.lang();
    let p = absolute(&state, &path)?;
    let s = {
        let store = state.staff_store()?;
        store.submission(submission_id).map_err(|e| e.localized(l))?.ok_or_else(|| tr(l, "selfcheck-submission-missing"))?
    };
    let written = submission::write(&s).map_err(|e| e.to_string())?;
    let io = |e: std::io::Error| tr_args(l, "error-io", &[("path", p.display().to_string().into()), ("detail", e.to_string().into())]);
    let tmp = p.with_extension("json.part");
    tebiki_core::private_file::write(&tmp, &written.bytes).map_err(io)?;
    std::fs::rename(&tmp, &p).map_err(io)?;
    Ok(p.display().to_string())
}

/// Imports submission files (files or folders), telling the window how far it is.
#[tauri::command(async)]
pub fn import_submissions(state: State<'_, AppState>, paths: Vec<String>, on_progress: Channel<ImportProgress>) -> CmdResult<ImportReport> {
    let l = state.lang();
    let paths = paths.iter().map(|p| absolute(&state, p)).collect::<Result<Vec<_>, _>>()?;
    let mut report = ImportReport::default();
    let files = collect_submission_files(&paths, l, &mut report);
    let library = state.library.read().map_err(|e| e.to_string())?;
    let known = |id: &str| library.get(id).map(|p| (p.version.clone(), p.content_hash.clone()));
    let mut progress = |done, total| {
        let _ = on_progress.send(ImportProgress { done, total });
    };
    let mut store = state.admin_store()?;
    store.import_submission_files(&files, &known, l, &mut report, &mut progress).map_err(|e| e.localized(l))?;
    Ok(report)
}

#[tauri::command(async)]
pub fn selfcheck_dashboard(state: State<'_, AppState>, year: i32, sort: RemedySort) -> CmdResult<DashboardView> {
    let pack = chosen_pack(&state)?;
    let store = state.admin_store()?;
    store.dashboard_view(&pack, year, sort).map_err(|e| e.localized(state.lang()))
}

/// Writes the 改善策 list of a 年度 as CSV for Excel.
#[tauri::command]
pub fn export_remedies(state: State<AppState>, year: i32, path: String, shift_jis: bool) -> CmdResult<String> {
    let l = state.lang();
    let p = absolute(&state, &path)?;
    let d = {
        let pack = chosen_pack(&state)?;
        let store = state.admin_store()?;
        store.selfcheck_dashboard(&pack, year).map_err(|e| e.localized(l))?
    };
    let headers = REMEDY_HEADER_KEYS.map(|k| tr(l, k));
    let bytes = remedies_csv(&d.remedies, shift_jis, headers.each_ref().map(String::as_str), &|a| tr(l, a.label_key()));
    tebiki_core::private_file::write(&p, bytes).map_err(|e| tr_args(l, "error-io", &[("path", path.as_str().into()), ("detail", e.to_string().into())]))?;
    state.admin_store()?.audit(tebiki_store::Action::PersonalDataExported, serde_json::json!({ "kind": "remedies", "file": p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default() })).map_err(|e| e.localized(l))?;
    Ok(p.display().to_string())
}
