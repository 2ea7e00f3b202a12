//! 報告書: render a report of the chosen organisation into a PDF file, and
//! show the file in its folder afterwards. The reports themselves are in
//! tebiki-report.

use crate::training_commands::chosen_pack;
use crate::AppState;
use std::path::PathBuf;
use tauri::State;
use tebiki_i18n::tr_args;
use tebiki_report::{render_certificates, render_selfcheck, render_training, CertificateData, CertificateTarget, ReportFile, ReportOptions, SelfcheckData, TrainingData};

type CmdResult<T> = Result<T, String>;

/// Renders the 自己点検結果報告書 (`selfcheck`) or the 研修実施状況報告書
/// (`training`) of `year`, optionally for one 所属, or the 修了証 of one
/// person (`certificate`, `staff`), and writes it to `path`.
/// Async: rendering a large organisation takes a moment and the window
/// keeps drawing its progress.
#[tauri::command(async)]
pub fn export_report(
    state: State<'_, AppState>,
    kind: String,
    year: i32,
    dept: Option<String>,
    staff: Option<String>,
    session: Option<i64>,
    path: String,
) -> CmdResult<ReportFile> {
    let l = state.lang();
    let p = PathBuf::from(path.trim());
    if !p.is_absolute() {
        return Err(tr_args(l, "import-path-not-absolute", &[("path", path.as_str().into())]));
    }
    let pack = chosen_pack(&state)?;
    let today = chrono::Local::now().date_naive();
    let mut opts = ReportOptions::new(l, year, today);
    opts.dept = dept.filter(|d| !d.trim().is_empty());
    opts.approvers = state.desk.lock().map_err(|e| e.to_string())?.settings().ok().and_then(|s| s.approver_list());
    let rendered = {
        let store = state.admin_store()?;
        match kind.as_str() {
            "selfcheck" => {
                let data = SelfcheckData::load(&store, &pack, year, opts.dept.as_deref()).map_err(|e| e.localized(l))?;
                render_selfcheck(&data, &opts).map_err(|e| e.localized(l))?
            }
            "training" => {
                let data = TrainingData::load(&store, &pack, year, opts.dept.as_deref(), today).map_err(|e| e.localized(l))?;
                render_training(&data, &opts).map_err(|e| e.localized(l))?
            }
            "certificate" => {
                let target = match (staff.filter(|s| !s.trim().is_empty()), session) {
                    (Some(no), _) => CertificateTarget::Person(no),
                    (None, Some(id)) => CertificateTarget::Session(id),
                    (None, None) => return Err(tebiki_i18n::tr(l, "reports-choose-person")),
                };
                let data = CertificateData::load(&store, &pack, year, &target).map_err(|e| e.localized(l))?;
                render_certificates(&data, &opts).map_err(|e| e.localized(l))?
            }
            other => return Err(tr_args(l, "reports-unknown-kind", &[("kind", other.into())])),
        }
    };
    let io = |e: std::io::Error| tr_args(l, "error-io", &[("path", p.display().to_string().into()), ("detail", e.to_string().into())]);
    // Written beside and renamed: a half-written PDF never has the final name.
    let tmp = p.with_extension("pdf.part");
    tebiki_core::private_file::write(&tmp, &rendered.bytes).map_err(io)?;
    std::fs::rename(&tmp, &p).map_err(io)?;
    state.admin_store()?.audit(tebiki_store::Action::ReportExported, serde_json::json!({ "kind": kind, "file": p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default() })).map_err(|e| e.localized(l))?;
    Ok(ReportFile { path: p.display().to_string(), pages: rendered.pages, bytes: rendered.bytes.len() })
}

/// Opens the folder holding a report just written, in the system's file
/// manager. Only an existing PDF is accepted: the window cannot use this to
/// open anything else.
#[tauri::command]
pub fn reveal_in_folder(state: State<AppState>, path: String) -> CmdResult<()> {
    let p = PathBuf::from(path.trim());
    let ok = p.is_absolute() && p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    let dir = p.parent().filter(|_| ok).ok_or_else(|| tr_args(state.lang(), "error-file-missing", &[("path", path.as_str().into())]))?;
    #[cfg(target_os = "windows")]
    let result = std::process::Command::new("explorer").arg("/select,").arg(&p).spawn();
    #[cfg(target_os = "macos")]
    let result = std::process::Command::new("open").arg("-R").arg(&p).spawn();
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    let result = std::process::Command::new("xdg-open").arg(dir).spawn();
    let _ = dir;
    result.map(|_| ()).map_err(|e| e.to_string())
}

/// The sessions of a 年度 (for 修了証 of every attendee of one), with the
/// course title.
#[tauri::command]
pub fn sessions_of_year(state: State<AppState>, year: i32) -> CmdResult<Vec<(tebiki_store::SessionRow, String)>> {
    let l = state.lang();
    let pack = chosen_pack(&state)?;
    let store = state.admin_store()?;
    let catalogue = store.catalogue(&pack).map_err(|e| e.localized(l))?;
    let rows = store.sessions_in_year(&pack.id, tebiki_core::fiscal_year::FiscalYear(year), None).map_err(|e| e.localized(l))?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let title = catalogue.course(&r.course_id).map(|c| c.title.clone()).unwrap_or_else(|| r.course_id.clone());
            (r, title)
        })
        .collect())
}
