//! The desktop shell. Commands only translate between IPC and the Tebiki
//! crates; all behaviour lives there.

mod commands;

use std::sync::Mutex;
use tauri::{Manager, WebviewUrl, WebviewWindowBuilder};
use tebiki_i18n::tr;
use tebiki_store::{default_data_dir, Store};

pub struct AppState {
    pub store: Mutex<Store>,
}

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let store = Store::open_dir(&default_data_dir()).map_err(|e| e.localized(Default::default()))?;
            let lang = store.settings().map(|s| s.language).unwrap_or_default();
            app.manage(AppState { store: Mutex::new(store) });
            // The window is built here rather than in tauri.conf.json so that
            // its first title is already in the user's language.
            WebviewWindowBuilder::new(app, "main", WebviewUrl::App("index.html".into()))
                .title(tr(lang, "app-title"))
                .inner_size(1200.0, 820.0)
                .min_inner_size(720.0, 480.0)
                .build()?;
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::save_settings,
            commands::backup_database,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Tebiki");
}
