//! What each reader keeps in the handbook: reading position and bookmarks.

use crate::error::now;
use crate::{Desk, StoreError};
use rusqlite::OptionalExtension;

/// A bookmarked clause and when it was bookmarked (ISO 8601).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBookmark {
    pub clause_id: String,
    pub created_at: String,
}

impl Desk {
    pub fn reading_position(&self, pack_id: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT clause_id FROM reading_positions WHERE pack_id = ?1", [pack_id], |r| r.get(0))
            .optional()
            .map_err(|e| StoreError::sqlite("read reading position", e))
    }

    pub fn set_reading_position(&self, pack_id: &str, clause_id: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO reading_positions(pack_id, clause_id, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(pack_id) DO UPDATE SET clause_id = excluded.clause_id, updated_at = excluded.updated_at",
                (pack_id, clause_id, now()),
            )
            .map(|_| ())
            .map_err(|e| StoreError::sqlite("save reading position", e))
    }

    pub fn is_bookmarked(&self, clause_id: &str) -> Result<bool, StoreError> {
        self.conn
            .query_row("SELECT 1 FROM bookmarks WHERE clause_id = ?1", [clause_id], |_| Ok(()))
            .optional()
            .map(|r| r.is_some())
            .map_err(|e| StoreError::sqlite("read bookmark", e))
    }

    /// Adds or removes a bookmark; returns whether the clause is now bookmarked.
    pub fn toggle_bookmark(&self, clause_id: &str) -> Result<bool, StoreError> {
        let removed = self.conn.execute("DELETE FROM bookmarks WHERE clause_id = ?1", [clause_id]).map_err(|e| StoreError::sqlite("remove bookmark", e))?;
        if removed > 0 {
            return Ok(false);
        }
        self.conn
            .execute("INSERT INTO bookmarks(clause_id, created_at) VALUES (?1, ?2)", (clause_id, now()))
            .map_err(|e| StoreError::sqlite("add bookmark", e))?;
        Ok(true)
    }

    /// All bookmarks, newest first.
    pub fn bookmarks(&self) -> Result<Vec<StoredBookmark>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT clause_id, created_at FROM bookmarks ORDER BY created_at DESC, clause_id")
            .map_err(|e| StoreError::sqlite("read bookmarks", e))?;
        let rows =
            stmt.query_map([], |r| Ok(StoredBookmark { clause_id: r.get(0)?, created_at: r.get(1)? })).map_err(|e| StoreError::sqlite("read bookmarks", e))?;
        rows.collect::<Result<_, _>>().map_err(|e| StoreError::sqlite("read bookmarks", e))
    }
}

#[cfg(test)]
mod tests {
    use crate::Desk;

    #[test]
    fn reading_position_and_bookmarks() {
        let dir = tempfile::tempdir().unwrap();
        let store = Desk::open_dir(dir.path()).unwrap();
        assert_eq!(store.reading_position("kobe").unwrap(), None);
        store.set_reading_position("kobe", "kobe/taisaku/7.2.2").unwrap();
        store.set_reading_position("kobe", "kobe/taisaku/7.2.3").unwrap();
        assert_eq!(store.reading_position("kobe").unwrap().as_deref(), Some("kobe/taisaku/7.2.3"));

        assert!(store.toggle_bookmark("kobe/taisaku/7.2.2").unwrap());
        assert!(store.is_bookmarked("kobe/taisaku/7.2.2").unwrap());
        assert_eq!(store.bookmarks().unwrap().len(), 1);
        assert!(!store.toggle_bookmark("kobe/taisaku/7.2.2").unwrap());
        assert!(store.bookmarks().unwrap().is_empty());
    }
}
