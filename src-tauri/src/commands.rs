use crate::AppState;
use tauri::{AppHandle, Manager, State};
use tebiki_core::app_info::AppInfo;
use tebiki_core::settings::Settings;
use tebiki_i18n::tr;
use tebiki_store::StoreError;

type CmdResult<T> = Result<T, String>;

fn localized(state: &State<AppState>, e: StoreError) -> String {
    e.localized(state.lang())
}

#[tauri::command]
pub fn app_info(state: State<AppState>) -> CmdResult<AppInfo> {
    let settings = state.desk.lock().map_err(|e| e.to_string())?.settings().map_err(|e| e.localized(Default::default()))?;
    Ok(AppInfo {
        version: tebiki_core::VERSION.to_owned(),
        data_dir: state.data_dir.display().to_string(),
        database_path: state.database_path().display().to_string(),
        settings,
    })
}

/// Saves the settings (validated by their types on the way in) and retitles
/// the window in the chosen language.
#[tauri::command]
pub fn save_settings(app: AppHandle, state: State<AppState>, settings: Settings) -> CmdResult<Settings> {
    let result = state.desk.lock().map_err(|e| e.to_string())?.save_settings(&settings);
    result.map_err(|e| localized(&state, e))?;
    if let Ok(mut l) = state.language.write() {
        *l = settings.language;
    }
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&tr(settings.language, "app-title"));
    }
    Ok(settings)
}

/// Writes a backup to `path`, a file the user chose in the save dialog.
#[tauri::command]
pub fn backup_database(state: State<AppState>, path: String) -> CmdResult<String> {
    let path = crate::absolute_path(&path)?;
    let result = state.admin_store()?.backup_to(&path);
    result.map_err(|e| localized(&state, e))?;
    Ok(path.display().to_string())
}

/// Opens the system print dialog for what the window shows (the print
/// stylesheet leaves only the text being read).
#[tauri::command]
pub fn print_page(window: tauri::WebviewWindow) -> CmdResult<()> {
    window.print().map_err(|e| e.to_string())
}
