//! 設定 and the window.

use crate::CmdResult;
use tauri::{AppHandle, Manager, State};
use tebiki_core::app_info::AppInfo;
use tebiki_core::settings::Settings;
use tebiki_service::ipc::SaveSettingsRequest;
use tebiki_service::{settings, ErrorCode, ServiceError, Session};

#[tauri::command]
pub fn app_info(session: State<Session>) -> CmdResult<AppInfo> {
    settings::app_info(&session)
}

/// Saves the settings and retitles the window in the chosen language.
#[tauri::command]
pub fn save_settings(app: AppHandle, session: State<Session>, req: SaveSettingsRequest) -> CmdResult<Settings> {
    let saved = settings::save_settings(&session, &req.settings)?;
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&tebiki_i18n::tr(saved.language, "app-title"));
    }
    Ok(saved)
}

/// Opens the system print dialog for what the window shows (the print
/// stylesheet leaves only the text being read).
#[tauri::command]
pub fn print_page(window: tauri::WebviewWindow) -> CmdResult<()> {
    window.print().map_err(|e| ServiceError::new(ErrorCode::Io, e.to_string()))
}
