//! The handbook: the packs, reading a clause, bookmarks and reading
//! positions (kept on the desk, readable while the data is locked), search,
//! and importing a pack (管理者モード).

use crate::access::Admin;
use crate::error::{ErrorCode, ServiceError, ServiceResult};
use crate::session::Session;
use std::path::Path;
use tebiki_core::handbook::{self, BookmarkView, ClauseView, PackOutline, PackSummary};
use tebiki_core::pack::files::PackFiles;
use tebiki_core::pack::import::{self, ImportInspection};
use tebiki_search::{SearchIndex, SearchOptions, SearchResults};
use tebiki_store::Action;

/// Longest query taken; a policy search never needs more.
pub const MAX_QUERY_CHARS: usize = 200;

fn not_found(session: &Session, id: &str) -> ServiceError {
    session.err_args(ErrorCode::NotFound, "handbook-not-found", &[("id", id.into())])
}

pub fn list_packs(session: &Session) -> ServiceResult<Vec<PackSummary>> {
    Ok(session.library()?.packs().iter().map(handbook::summary).collect())
}

/// A pack's table of contents, with where the reader left off.
pub fn pack_outline(session: &Session, pack_id: &str) -> ServiceResult<PackOutline> {
    let mut outline = {
        let lib = session.library()?;
        let pack = lib.get(pack_id).ok_or_else(|| not_found(session, pack_id))?;
        handbook::outline(pack)
    };
    outline.reading_position = session.desk()?.reading_position(pack_id).map_err(|e| session.store_err(&e))?;
    Ok(outline)
}

/// A clause to read, with the hits of `highlight` (a search query) marked;
/// also remembered as the reading position of its pack.
pub fn clause_view(session: &Session, clause_id: &str, highlight: Option<&str>) -> ServiceResult<ClauseView> {
    let mut view = handbook::clause_view(&*session.library()?, clause_id).ok_or_else(|| not_found(session, clause_id))?;
    if let Some(q) = highlight.filter(|q| !q.trim().is_empty()) {
        // The words searched for the query, those of the pack's own everyday-words table included.
        let terms = with_index(session, |index| Ok(index.highlight_terms(q, &view.id)))?;
        view.html = tebiki_search::highlight::mark_html_terms(&view.html, &terms);
    }
    let desk = session.desk()?;
    view.bookmarked = desk.is_bookmarked(&view.id).map_err(|e| session.store_err(&e))?;
    desk.set_reading_position(&view.pack_id, &view.id).map_err(|e| session.store_err(&e))?;
    Ok(view)
}

/// Bookmarks a clause, or removes its bookmark; true when it is now bookmarked.
/// A bookmark to a clause that no longer exists can still be removed.
pub fn toggle_bookmark(session: &Session, clause_id: &str) -> ServiceResult<bool> {
    let known = session.library()?.clause(clause_id).is_some();
    let desk = session.desk()?;
    match desk.toggle_bookmark(clause_id).map_err(|e| session.store_err(&e))? {
        true if !known => {
            desk.toggle_bookmark(clause_id).map_err(|e| session.store_err(&e))?;
            Err(not_found(session, clause_id))
        }
        now => Ok(now),
    }
}

pub fn bookmarks(session: &Session) -> ServiceResult<Vec<BookmarkView>> {
    let stored = session.desk()?.bookmarks().map_err(|e| session.store_err(&e))?;
    let lib = session.library()?;
    Ok(stored.iter().map(|b| handbook::bookmark_view(&lib, &b.clause_id, &b.created_at)).collect())
}

/// Searches the packs (one pack, or all). The index is built on first use
/// and after a pack import.
fn with_index<T>(session: &Session, f: impl FnOnce(&SearchIndex) -> ServiceResult<T>) -> ServiceResult<T> {
    let mut guard = session.search.lock().map_err(|_| ServiceError::poisoned("search"))?;
    if guard.is_none() {
        let index = SearchIndex::build(&*session.library()?).map_err(|e| ServiceError::new(ErrorCode::Store, e.to_string()))?;
        *guard = Some(index);
    }
    f(guard.as_ref().expect("built just above"))
}

pub fn search(session: &Session, query: &str, pack: Option<&str>, limit: usize) -> ServiceResult<SearchResults> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    with_index(session, |index| search_in(session, index, &query, pack, limit))
}

fn search_in(session: &Session, index: &SearchIndex, query: &str, pack: Option<&str>, limit: usize) -> ServiceResult<SearchResults> {
    if let Some(p) = pack {
        if session.library()?.get(p).is_none() {
            return Err(session.err_args(ErrorCode::NoPack, "search-unknown-pack", &[("pack", p.into())]));
        }
    }
    let opts = SearchOptions { pack: pack.map(str::to_owned), limit: limit.clamp(1, 200) };
    index.search(query, &opts).map_err(|e| ServiceError::new(ErrorCode::Store, e.to_string()))
}

/// Validates a pack folder or zip and says what importing it would do.
/// 管理者モード: a pack file is untrusted input, and only the 管理者 installs one.
pub fn inspect_pack(admin: &mut Admin, path: &str) -> ServiceResult<ImportInspection> {
    let session = admin.session();
    let p = crate::files::absolute_path(session.lang(), path)?;
    let files = PackFiles::from_path(&p)
        .map_err(|e| session.err_args(ErrorCode::Invalid, "import-unreadable", &[("path", path.into()), ("detail", e.to_string().into())]))?;
    Ok(import::inspect_at(&files, &*session.library()?, path))
}

/// Imports a pack (validated again, installed atomically), reloads the
/// library and records it in the 操作記録.
pub fn import_pack(admin: &mut Admin, path: &Path, confirm_upgrade: bool) -> ServiceResult<PackSummary> {
    let session = admin.session();
    let lang = session.lang();
    let shown = path.display().to_string();
    let id = {
        let lib = session.library()?;
        import::import_from_path(path, &lib, &session.packs_dir(), confirm_upgrade)
            .map_err(|e| ServiceError::new(ErrorCode::Invalid, tebiki_i18n::tr_import_error(lang, &e, &shown)))?
    };
    let library = tebiki_core::pack::library::PackLibrary::load(Some(&session.packs_dir()));
    let pack = library.get(&id).cloned().ok_or_else(|| not_found(session, &id))?;
    *session.library.write().map_err(|_| ServiceError::poisoned("library"))? = library;
    *session.search.lock().map_err(|_| ServiceError::poisoned("search"))? = None;
    admin.store_mut().remember_clause_texts(&pack).map_err(|e| session.store_err(&e))?;
    admin.store().audit(Action::PackImported, serde_json::json!({ "pack": id, "version": pack.version })).map_err(|e| session.store_err(&e))?;
    Ok(handbook::summary(&pack))
}
