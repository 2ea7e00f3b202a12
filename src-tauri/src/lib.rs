//! The desktop shell: starts the window and registers the commands. Each
//! command is a thin wrapper over one function of `tebiki-service`
//! (arguments in, result out); the service holds the session, the access
//! rule and every behaviour.

mod access_commands;
mod draft_commands;
mod elearning_commands;
mod handbook_commands;
mod report_commands;
mod selfcheck_commands;
mod settings_commands;
mod training_commands;
mod webview_runtime;

use std::path::PathBuf;
use tauri::{Manager, WebviewUrl, WebviewWindowBuilder};
use tebiki_i18n::tr;
use tebiki_service::{Front, ServiceError, Session};
use tebiki_store::default_data_dir;

/// What every command returns: its result, or `{code, message}`.
pub(crate) type CmdResult<T> = Result<T, ServiceError>;

/// `tebiki-app --data-dir DIR` opens another data folder (a second
/// organisation, a copy received for checking), as the CLI's `--data-dir` does.
fn data_dir_argument(args: impl Iterator<Item = String>) -> Option<PathBuf> {
    let args: Vec<String> = args.collect();
    args.iter().position(|a| a == "--data-dir").and_then(|i| args.get(i + 1)).map(PathBuf::from)
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
    if !webview_runtime::available_or_explained(|| {
        tebiki_store::Desk::open_dir(&data_dir).ok().and_then(|d| d.settings().ok()).map(|s| s.language).unwrap_or_default()
    }) {
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
            // Encrypted data stays closed until someone enters the passphrase.
            let session = Session::open(&data_dir, Front::App, None).map_err(|e| e.message)?;
            let lang = session.lang();
            app.manage(session);
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
            access_commands::access_status,
            access_commands::enter_admin,
            access_commands::leave_admin,
            access_commands::set_passphrase,
            access_commands::audit_entries,
            access_commands::verify_audit,
            access_commands::export_audit,
            access_commands::backup_database,
            settings_commands::app_info,
            settings_commands::save_settings,
            settings_commands::print_page,
            handbook_commands::list_packs,
            handbook_commands::pack_outline,
            handbook_commands::clause_view,
            handbook_commands::toggle_bookmark,
            handbook_commands::bookmarks,
            handbook_commands::inspect_pack,
            handbook_commands::import_pack,
            handbook_commands::search,
            draft_commands::draft_pack_preview,
            draft_commands::draft_pack_write,
            selfcheck_commands::remedy_list,
            selfcheck_commands::update_remedies,
            elearning_commands::elearning_open,
            elearning_commands::elearning_lesson,
            elearning_commands::elearning_start_test,
            elearning_commands::elearning_answer,
            elearning_commands::elearning_acknowledge,
            elearning_commands::elearning_save_file,
            elearning_commands::elearning_certificate,
            elearning_commands::import_training_results,
            elearning_commands::export_training_results,
            elearning_commands::training_results_summary,
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
            selfcheck_commands::answer_gate,
            selfcheck_commands::submit_inspection,
            selfcheck_commands::reopen_inspection,
            selfcheck_commands::submission_file_name,
            selfcheck_commands::export_submission,
            selfcheck_commands::import_submissions,
            selfcheck_commands::selfcheck_dashboard,
            selfcheck_commands::export_remedies,
            selfcheck_commands::held_submissions,
            selfcheck_commands::accept_held,
            selfcheck_commands::reject_held,
            report_commands::export_report,
            report_commands::reveal_in_folder,
            report_commands::sessions_of_year,
        ])
        .run(context)
        .expect("error while running Tebiki");
}
