use crate::AppState;
use std::path::PathBuf;
use tauri::State;
use tebiki_core::handbook::{self, BookmarkView, ClauseView, PackOutline, PackSummary};
use tebiki_core::pack::files::PackFiles;
use tebiki_core::pack::import::{self, ImportInspection};
use tebiki_core::pack::library::PackLibrary;
use tebiki_core::settings::Language;
use tebiki_i18n::tr_args;
use tebiki_store::StoreError;

type CmdResult<T> = Result<T, String>;

fn store_err(state: &AppState, e: StoreError) -> String {
    e.localized(state.lang())
}

fn not_found(state: &AppState, id: &str) -> String {
    tr_args(state.lang(), "handbook-not-found", &[("id", id.into())])
}

#[tauri::command]
pub fn list_packs(state: State<AppState>) -> CmdResult<Vec<PackSummary>> {
    let lib = state.library.read().map_err(|e| e.to_string())?;
    Ok(lib.packs().iter().map(handbook::summary).collect())
}

#[tauri::command]
pub fn pack_outline(state: State<AppState>, pack_id: String) -> CmdResult<PackOutline> {
    let lib = state.library.read().map_err(|e| e.to_string())?;
    let pack = lib.get(&pack_id).ok_or_else(|| not_found(&state, &pack_id))?;
    let mut outline = handbook::outline(pack);
    let store = state.desk.lock().map_err(|e| e.to_string())?;
    outline.reading_position = store.reading_position(&pack_id).map_err(|e| e.localized(Language::default()))?;
    Ok(outline)
}

/// A clause to read, with the hits of `highlight` (a search query) marked;
/// also remembers it as the reading position of its pack.
#[tauri::command]
pub fn clause_view(state: State<AppState>, clause_id: String, highlight: Option<String>) -> CmdResult<ClauseView> {
    let lib = state.library.read().map_err(|e| e.to_string())?;
    let mut view = handbook::clause_view(&lib, &clause_id).ok_or_else(|| not_found(&state, &clause_id))?;
    if let Some(q) = highlight.as_deref().filter(|q| !q.trim().is_empty()) {
        // The words searched for the query, also those of this pack's own everyday-words table.
        let terms = state.search.lock().map_err(|e| e.to_string())?.highlight_terms(q, &view.id);
        view.html = tebiki_search::highlight::mark_html_terms(&view.html, &terms);
    }
    let store = state.desk.lock().map_err(|e| e.to_string())?;
    view.bookmarked = store.is_bookmarked(&view.id).map_err(|e| e.localized(Language::default()))?;
    store.set_reading_position(&view.pack_id, &view.id).map_err(|e| e.localized(Language::default()))?;
    Ok(view)
}

#[tauri::command]
pub fn toggle_bookmark(state: State<AppState>, clause_id: String) -> CmdResult<bool> {
    let known = state.library.read().map_err(|e| e.to_string())?.clause(&clause_id).is_some();
    let result = state.desk.lock().map_err(|e| e.to_string())?.toggle_bookmark(&clause_id);
    // Removing a bookmark to a clause that no longer exists is allowed.
    match result {
        Ok(true) if !known => {
            let _ = state.desk.lock().map_err(|e| e.to_string())?.toggle_bookmark(&clause_id);
            Err(not_found(&state, &clause_id))
        }
        Ok(b) => Ok(b),
        Err(e) => Err(store_err(&state, e)),
    }
}

#[tauri::command]
pub fn bookmarks(state: State<AppState>) -> CmdResult<Vec<BookmarkView>> {
    let stored = state.desk.lock().map_err(|e| e.to_string())?.bookmarks().map_err(|e| e.localized(Language::default()))?;
    let lib = state.library.read().map_err(|e| e.to_string())?;
    Ok(stored.iter().map(|b| handbook::bookmark_view(&lib, &b.clause_id, &b.created_at)).collect())
}

fn pack_path(state: &AppState, path: &str) -> CmdResult<PathBuf> {
    let p = PathBuf::from(path.trim());
    if path.trim().is_empty() || !p.is_absolute() {
        return Err(tr_args(state.lang(), "import-path-not-absolute", &[("path", path.into())]));
    }
    Ok(p)
}

/// Validates a pack folder or zip and says what importing it would do.
#[tauri::command]
pub fn inspect_pack(state: State<AppState>, path: String) -> CmdResult<ImportInspection> {
    let p = pack_path(&state, &path)?;
    let files = PackFiles::from_path(&p)
        .map_err(|e| tr_args(state.lang(), "import-unreadable", &[("path", path.as_str().into()), ("detail", e.to_string().into())]))?;
    let lib = state.library.read().map_err(|e| e.to_string())?;
    Ok(import::inspect_at(&files, &lib, &path))
}

/// Imports a pack (validated again) and reloads the library.
#[tauri::command]
pub fn import_pack(state: State<AppState>, path: String, confirm_upgrade: bool) -> CmdResult<PackSummary> {
    let p = pack_path(&state, &path)?;
    let lang = state.lang();
    drop(state.admin_store()?); // 管理者モード only: checked before anything is written
    let packs_dir = state.packs_dir();
    let mut lib = state.library.write().map_err(|e| e.to_string())?;
    let id = import::import_from_path(&p, &lib, &packs_dir, confirm_upgrade).map_err(|e| tebiki_i18n::tr_import_error(lang, &e, &path))?;
    *lib = PackLibrary::load(Some(&packs_dir));
    if let Some(pack) = lib.get(&id) {
        let mut store = state.admin_store()?;
        store.remember_clause_texts(pack).map_err(|e| e.localized(lang))?;
        store.audit(tebiki_store::Action::PackImported, serde_json::json!({ "pack": id, "version": pack.version })).map_err(|e| e.localized(lang))?;
    }
    // The new pack must be searchable at once.
    let index = tebiki_search::SearchIndex::build(&lib).map_err(|e| e.to_string())?;
    *state.search.lock().map_err(|e| e.to_string())? = index;
    lib.get(&id).map(handbook::summary).ok_or_else(|| id.clone())
}
