//! Consistent copies of the live database (SQLite online backup API), and
//! restoring one after checking it.

use crate::{schema, Store, StoreError};
use rusqlite::{Connection, MAIN_DB};
use std::path::{Path, PathBuf};

impl Store {
    /// Writes a consistent copy of the database to `dest`, even while the app
    /// is using it. The copy is written beside `dest` and renamed into place,
    /// so `dest` is never a half-written file.
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        if same_file(dest, &self.path) {
            return Err(StoreError::io(dest, std::io::Error::other("the backup file is the live database")));
        }
        let tmp = partial_path(dest);
        let _ = std::fs::remove_file(&tmp);
        let result = (|| {
            self.conn
                .backup(MAIN_DB, &tmp, None)
                .map_err(|e| StoreError::sqlite("backup", e))?;
            // A backup is a single self-contained file: no -wal beside it.
            let copy = Connection::open(&tmp).map_err(|e| StoreError::sqlite("backup", e))?;
            copy.pragma_update(None, "journal_mode", "DELETE").map_err(|e| StoreError::sqlite("backup", e))?;
            drop(copy);
            std::fs::rename(&tmp, dest).map_err(|e| StoreError::io(dest, e))
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }

    /// Replaces the database with the backup at `src`, after checking that it
    /// is a Tebiki database this build can read and that it is intact. The
    /// current database is first saved as `backups/before-restore-….db` in the
    /// data folder. On any refusal the current database is untouched.
    /// Returns where the previous data was saved.
    pub fn restore_from(&mut self, src: &Path) -> Result<PathBuf, StoreError> {
        schema::check_file(src)?;
        let safety_dir = self.path.parent().unwrap_or(Path::new(".")).join("backups");
        std::fs::create_dir_all(&safety_dir).map_err(|e| StoreError::io(&safety_dir, e))?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let safety = safety_dir.join(format!("before-restore-{stamp}.db"));
        self.backup_to(&safety)?;
        self.conn
            .restore(MAIN_DB, src, None::<fn(rusqlite::backup::Progress)>)
            .map_err(|e| StoreError::sqlite("restore", e))?;
        schema::migrate(&mut self.conn)?;
        Ok(safety)
    }
}

fn partial_path(dest: &Path) -> PathBuf {
    let mut name = dest.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".partial");
    dest.with_file_name(name)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
