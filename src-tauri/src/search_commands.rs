use crate::AppState;
use tauri::State;
use tebiki_search::{SearchOptions, SearchResults};

/// Longest query accepted over IPC; a policy search never needs more.
const MAX_QUERY_CHARS: usize = 200;

#[tauri::command]
pub fn search(state: State<AppState>, query: String, pack: Option<String>, limit: Option<usize>) -> Result<SearchResults, String> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let opts = SearchOptions { pack, limit: limit.unwrap_or(30).clamp(1, 200) };
    state.search.lock().map_err(|e| e.to_string())?.search(&query, &opts).map_err(|e| e.to_string())
}
