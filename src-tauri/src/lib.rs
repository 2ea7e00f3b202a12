//! The desktop shell. Commands only translate between IPC and the Tebiki
//! crates; all behaviour lives there.

mod access;
mod commands;
mod handbook_commands;
mod report_commands;
mod search_commands;
mod selfcheck_commands;
mod training_commands;
mod webview_runtime;

use std::path::PathBuf;
use std::sync::{Mutex, RwLock};
use tauri::{Manager, WebviewUrl, WebviewWindowBuilder};
use tebiki_core::pack::library::{imported_packs_dir, PackLibrary};
use tebiki_i18n::tr;
use tebiki_search::SearchIndex;
use tebiki_core::admin_session::AdminSession;
use tebiki_store::{default_data_dir, is_encrypted, Actor, Desk, Store, StoreError, DATABASE_FILE};

pub struct AppState {
    /// Settings, reading positions, bookmarks: readable while the data is locked.
    pub desk: Mutex<Desk>,
    /// The organisation's data; None while encrypted and not yet unlocked
    /// since the app started. Reached through `staff_store` / `admin_store`.
    pub store: Mutex<Option<Store>>,
    /// 管理者モード: off at every start.
    pub admin: Mutex<AdminSession>,
    pub library: RwLock<PackLibrary>,
    /// Rebuilt whenever the library changes (a rusqlite connection: Mutex, not RwLock).
    pub search: Mutex<SearchIndex>,
    pub data_dir: PathBuf,
    /// The language chosen in 設定, kept apart from the store so that an
    /// error message can be written while the store is locked (asking the
    /// store would deadlock).
    pub language: RwLock<tebiki_core::settings::Language>,
}

impl AppState {
    pub fn packs_dir(&self) -> PathBuf {
        imported_packs_dir(&self.data_dir)
    }

    /// The pack chosen in 設定 (first run: none yet).
    pub fn chosen_pack_id(&self) -> Option<String> {
        self.desk.lock().ok().and_then(|d| d.settings().ok()).and_then(|s| s.pack)
    }

    /// The language the user chose. Never locks the store.
    pub fn lang(&self) -> tebiki_core::settings::Language {
        self.language.read().map(|l| *l).unwrap_or_default()
    }
}

/// `tebiki-app --data-dir DIR` opens another data folder (a second
/// organisation, a copy received for checking), as the CLI's `--data-dir` does.
fn data_dir_argument(args: impl Iterator<Item = String>) -> Option<PathBuf> {
    let args: Vec<String> = args.collect();
    args.iter().position(|a| a == "--data-dir").and_then(|i| args.get(i + 1)).map(PathBuf::from)
}

/// Remembers each pack version's clause texts, so that after a revision
/// 自己点検 can say which items' clauses changed.
pub(crate) fn remember_clause_texts(state: &AppState, store: &mut Store) -> Result<(), StoreError> {
    let lib = state.library.read().map_err(|_| StoreError::FileMissing { path: state.packs_dir() })?;
    for pack in lib.packs() {
        store.remember_clause_texts(pack)?;
    }
    Ok(())
}

/// A path the user chose in a dialog; relative paths are refused (IPC input).
pub(crate) fn absolute_path(path: &str) -> Result<PathBuf, String> {
    let p = PathBuf::from(path);
    if p.as_os_str().is_empty() || !p.is_absolute() {
        return Err(format!("not an absolute path: {path}"));
    }
    Ok(p)
}

/// The D-Bus name that makes one app per data folder: a second `tebiki-app`
/// on the same folder hands over to the first (which comes to the front)
/// and exits; on another folder it runs beside it. On Windows the plugin
/// ignores the D-Bus name and derives its mutex and window names from the
/// app identifier, so there the identifier becomes this id (see `run`).
fn single_instance_id(data_dir: &std::path::Path) -> String {
    use std::hash::{Hash, Hasher};
    let canonical = data_dir.canonicalize().unwrap_or_else(|_| data_dir.to_owned());
    let mut h = std::collections::hash_map::DefaultHasher::new();
    canonical.hash(&mut h);
    format!("jp.tebiki.app.d{:016x}", h.finish())
}

pub fn run() {
    let data_dir = data_dir_argument(std::env::args()).unwrap_or_else(default_data_dir);
    let _ = std::fs::create_dir_all(&data_dir);
    if !webview_runtime::available_or_explained(|| Desk::open_dir(&data_dir).ok().and_then(|d| d.settings().ok()).map(|s| s.language).unwrap_or_default()) {
        return;
    }
    let instance_id = single_instance_id(&data_dir);
    #[allow(unused_mut)]
    let mut context = tauri::generate_context!();
    // Windows: one app per data folder through the identifier (the plugin's
    // named mutex). It also names the WebView2 profile folder under
    // %LOCALAPPDATA%, which holds nothing of ours (no web storage is used).
    #[cfg(windows)]
    {
        context.config_mut().identifier = instance_id.clone();
    }
    tauri::Builder::default()
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(instance_id)
                .callback(|app, _args, _cwd| {
                    if let Some(w) = app.get_webview_window("main") {
                        let _ = w.unminimize();
                        let _ = w.show();
                        let _ = w.set_focus();
                    }
                })
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            let data_dir = data_dir.clone();
            let desk = Desk::open_dir(&data_dir).map_err(|e| e.localized(Default::default()))?;
            let lang = desk.settings().map(|s| s.language).unwrap_or_default();
            // Encrypted data stays closed until someone enters the passphrase.
            let store = if is_encrypted(&data_dir.join(DATABASE_FILE)) {
                None
            } else {
                let mut store = Store::open_dir(&data_dir).map_err(|e| e.localized(lang))?;
                store.set_actor(Actor::Staff);
                Some(store)
            };
            let library = PackLibrary::load(Some(&imported_packs_dir(&data_dir)));
            let search = SearchIndex::build(&library)?;
            app.manage(AppState {
                desk: Mutex::new(desk),
                store: Mutex::new(None),
                admin: Mutex::new(AdminSession::default()),
                library: RwLock::new(library),
                search: Mutex::new(search),
                data_dir,
                language: RwLock::new(lang),
            });
            if let Some(mut store) = store {
                let state = app.state::<AppState>();
                remember_clause_texts(&state, &mut store).map_err(|e| e.localized(lang))?;
                *state.store.lock().map_err(|e| e.to_string())? = Some(store);
            }
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
            access::access_status,
            access::enter_admin,
            access::leave_admin,
            access::set_passphrase,
            access::audit_entries,
            access::verify_audit,
            access::export_audit,
            commands::app_info,
            commands::save_settings,
            commands::backup_database,
            commands::print_page,
            handbook_commands::list_packs,
            handbook_commands::pack_outline,
            handbook_commands::clause_view,
            handbook_commands::toggle_bookmark,
            handbook_commands::bookmarks,
            handbook_commands::inspect_pack,
            handbook_commands::import_pack,
            search_commands::search,
            training_commands::roster_preview,
            training_commands::roster_import,
            training_commands::training_screen,
            training_commands::departments,
            training_commands::record_session,
            training_commands::export_overdue,
            training_commands::add_course,
            training_commands::remove_course,
            training_commands::department_list,
            training_commands::save_department,
            training_commands::set_department_active,
            training_commands::find_staff,
            training_commands::person_history,
            training_commands::attendance_preview,
            training_commands::describe_date,
            training_commands::set_staff_roles,
            selfcheck_commands::selfcheck_screen,
            selfcheck_commands::start_inspection,
            selfcheck_commands::inspection_view,
            selfcheck_commands::save_answer,
            selfcheck_commands::submit_inspection,
            selfcheck_commands::reopen_inspection,
            selfcheck_commands::submission_file_name,
            selfcheck_commands::export_submission,
            selfcheck_commands::import_submissions,
            selfcheck_commands::selfcheck_dashboard,
            selfcheck_commands::export_remedies,
            report_commands::export_report,
            report_commands::reveal_in_folder,
            report_commands::sessions_of_year,
        ])
        .run(context)
        .expect("error while running Tebiki");
}
