//! 設定 → ポリシーパックの作成: a pack drafted from the organisation's own policy file.

use crate::CmdResult;
use tauri::State;
use tebiki_service::draft::{self, DraftReport};
use tebiki_service::ipc::{DraftPreviewRequest, DraftWriteRequest};
use tebiki_service::Session;

#[tauri::command]
pub fn draft_pack_preview(session: State<Session>, req: DraftPreviewRequest) -> CmdResult<DraftReport> {
    draft::preview(&session, &req.path, &req.options)
}

/// Returns the folder written: the one chosen, else a new one for the import.
#[tauri::command]
pub fn draft_pack_write(session: State<Session>, req: DraftWriteRequest) -> CmdResult<String> {
    match req.out_dir.filter(|d| !d.trim().is_empty()) {
        Some(out) => draft::write_to(&session, &req.path, &req.options, &out).map(|(_, w)| w.dir),
        None => draft::write_for_import(&mut session.admin()?, &req.path, &req.options).map(|d| d.display().to_string()),
    }
}
