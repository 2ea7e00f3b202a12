//! The handbook: packs, clauses, bookmarks, search, pack import.

use crate::CmdResult;
use tauri::State;
use tebiki_core::handbook::{BookmarkView, ClauseView, PackOutline, PackSummary};
use tebiki_core::pack::import::ImportInspection;
use tebiki_search::SearchResults;
use tebiki_service::ipc::{ClauseRequest, ClauseViewRequest, ImportPackRequest, PackOutlineRequest, PathRequest, SearchRequest};
use tebiki_service::{files, handbook, Session};

#[tauri::command]
pub fn list_packs(session: State<Session>) -> CmdResult<Vec<PackSummary>> {
    handbook::list_packs(&session)
}

#[tauri::command]
pub fn pack_outline(session: State<Session>, req: PackOutlineRequest) -> CmdResult<PackOutline> {
    handbook::pack_outline(&session, &req.pack_id)
}

#[tauri::command]
pub fn clause_view(session: State<Session>, req: ClauseViewRequest) -> CmdResult<ClauseView> {
    handbook::clause_view(&session, &req.clause_id, req.highlight.as_deref())
}

#[tauri::command]
pub fn toggle_bookmark(session: State<Session>, req: ClauseRequest) -> CmdResult<bool> {
    handbook::toggle_bookmark(&session, &req.clause_id)
}

#[tauri::command]
pub fn bookmarks(session: State<Session>) -> CmdResult<Vec<BookmarkView>> {
    handbook::bookmarks(&session)
}

#[tauri::command]
pub fn search(session: State<Session>, req: SearchRequest) -> CmdResult<SearchResults> {
    handbook::search(&session, &req.query, req.pack.as_deref(), req.limit.unwrap_or(30))
}

#[tauri::command]
pub fn inspect_pack(session: State<Session>, req: PathRequest) -> CmdResult<ImportInspection> {
    handbook::inspect_pack(&mut session.admin()?, &req.path)
}

#[tauri::command]
pub fn import_pack(session: State<Session>, req: ImportPackRequest) -> CmdResult<PackSummary> {
    let mut admin = session.admin()?;
    let path = files::absolute_path(session.lang(), &req.path)?;
    handbook::import_pack(&mut admin, &path, req.confirm_upgrade)
}
