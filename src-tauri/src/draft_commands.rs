//! 設定 → ポリシーパックの作成: thin wrappers over tebiki-draft. Drafting
//! only reads the chosen file; writing the pack (for the validated import or
//! to a folder the person chose) needs 管理者モード, like the pack import.

use crate::AppState;
use std::path::PathBuf;
use tauri::State;
use tebiki_draft::report::DraftReport;
use tebiki_draft::{draft_file, write, DraftOptions};
use tebiki_i18n::{tr_args, tr_message};

type CmdResult<T> = Result<T, String>;

fn input_path(state: &AppState, path: &str) -> CmdResult<PathBuf> {
    let p = PathBuf::from(path.trim());
    if path.trim().is_empty() || !p.is_absolute() {
        return Err(tr_args(
            state.lang(),
            "import-path-not-absolute",
            &[("path", path.into())],
        ));
    }
    Ok(p)
}

/// Drafts the pack and returns the report (outline, first clauses, counts,
/// unplaced lines, what `content check` says). Nothing is written.
#[tauri::command]
pub fn draft_pack_preview(
    state: State<AppState>,
    path: String,
    options: DraftOptions,
) -> CmdResult<DraftReport> {
    let p = input_path(&state, &path)?;
    draft_file(&p, &options)
        .map(|d| d.report)
        .map_err(|e| tr_message(state.lang(), &e.message()))
}

/// Writes the drafted pack: into `out_dir` when given (a folder the person
/// chose, to finish by hand), else into a new folder under the data folder's
/// `drafts/`, from where the pack import takes it. Returns the folder.
#[tauri::command]
pub fn draft_pack_write(
    state: State<AppState>,
    path: String,
    options: DraftOptions,
    out_dir: Option<String>,
) -> CmdResult<String> {
    let p = input_path(&state, &path)?;
    let lang = state.lang();
    drop(state.admin_store()?); // 管理者モード only: checked before anything is written
    let drafted = draft_file(&p, &options).map_err(|e| tr_message(lang, &e.message()))?;
    let dir = match out_dir.filter(|d| !d.trim().is_empty()) {
        Some(d) => input_path(&state, &d)?,
        None => {
            let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
            state
                .data_dir
                .join("drafts")
                .join(format!("{}-{stamp}", drafted.pack.id))
        }
    };
    write(&drafted.pack, &dir)
        .map(|w| w.dir)
        .map_err(|e| tr_message(lang, &e.message()))
}
