//! Consistent copies of the live database, and restoring one after checking
//! it. Once a passphrase is set, a backup is encrypted with the same key, so
//! the same passphrase opens it.

use crate::audit::Action;
use crate::db_key::DbKey;
use crate::encryption::{fsync, open_backup, record_restore, replace_with, sibling, swap_in, take_sole_use};
use crate::{configure, encryption, schema, Store, StoreError};
use rusqlite::{Connection, MAIN_DB};
use std::path::{Path, PathBuf};

impl Store {
    /// Writes a consistent copy of the database to `dest`, even while the app
    /// is using it. The copy is written beside `dest` and renamed into place,
    /// so `dest` is never a half-written file.
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        self.write_copy(dest)?;
        let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        self.audit(Action::BackupMade, serde_json::json!({ "file": name, "encrypted": u8::from(self.is_encrypted()) }))?;
        Ok(())
    }

    fn write_copy(&self, dest: &Path) -> Result<(), StoreError> {
        if same_file(dest, &self.path) {
            return Err(StoreError::io(dest, std::io::Error::other("the backup file is the live database")));
        }
        let tmp = sibling(dest, ".partial");
        let _ = std::fs::remove_file(&tmp);
        let result = (|| {
            if self.is_encrypted() {
                self.encrypted_copy(&tmp)?;
            } else {
                self.conn.backup(MAIN_DB, &tmp, None).map_err(|e| StoreError::sqlite("backup", e))?;
                // A backup is a single self-contained file: no -wal beside it.
                let copy = Connection::open(&tmp).map_err(|e| StoreError::sqlite("backup", e))?;
                copy.pragma_update(None, "journal_mode", "DELETE").map_err(|e| StoreError::sqlite("backup", e))?;
                // Closed before the rename: Windows cannot rename an open file.
                drop(copy);
            }
            tebiki_core::private_file::restrict(&tmp).map_err(|e| StoreError::io(&tmp, e))?;
            fsync(&tmp)?;
            swap_in(&tmp, dest)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }

    /// Replaces the database with the backup at `src`, after checking that it
    /// is a Tebiki database this build can read and that it is intact. An
    /// encrypted backup needs `passphrase` (the one it was made under). The
    /// data stays encrypted with the current key; a plain database becomes
    /// encrypted when the backup was. The current database is first saved as
    /// `backups/before-restore-….db` in the data folder. On any refusal the
    /// current database is untouched. Returns where the previous data was saved.
    pub fn restore_from(&mut self, src: &Path, passphrase: Option<&str>) -> Result<PathBuf, StoreError> {
        let data_dir = self.path.parent().unwrap_or(Path::new(".")).to_owned();
        // A backup's passphrase is a guess like any other: the same wait, counted alike.
        let backup = match &self.desk {
            Some(desk) => crate::unlock::counted_attempt(&data_dir, desk, || open_backup(src, passphrase))?,
            None => open_backup(src, passphrase)?,
        };
        let safety_dir = data_dir.join("backups");
        tebiki_core::private_file::create_dir(&safety_dir).map_err(|e| StoreError::io(&safety_dir, e))?;
        let safety = unused_name(&safety_dir, &format!("before-restore-{}", chrono::Local::now().format("%Y%m%d-%H%M%S")));
        self.write_copy(&safety)?;
        // The end of the 操作記録 being replaced: the restore entry names it,
        // so the entries after the backup stay provable from the kept copy.
        let replaced_head = self.audit_head()?;
        take_sole_use(&self.conn, &self.path)?;
        let key = match (self.key.take(), passphrase) {
            (Some(k), _) => Some(k),
            (None, Some(p)) if crate::db_key::is_encrypted(src) => Some(DbKey::fresh(p)?),
            (None, _) => None,
        };
        let old = std::mem::replace(&mut self.conn, Connection::open_in_memory().map_err(|e| StoreError::sqlite("open", e))?);
        drop(old);
        let replaced = replace_with(&backup, &self.path, key.as_ref());
        drop(backup);
        // Whatever happened, reopen the file now at the live path.
        let conn = Connection::open(&self.path).map_err(|e| StoreError::sqlite("open", e))?;
        if let Some(k) = &key {
            encryption::apply_key(&conn, k, &self.path)?;
        }
        configure(&conn)?;
        self.conn = conn;
        self.key = key;
        replaced?;
        schema::migrate(&mut self.conn)?;
        record_restore(self, src, replaced_head, &safety)?;
        Ok(safety)
    }
}

/// `dir/<stem>.db`, or `<stem>-2.db`, `-3` … when taken: two restores in
/// the same second must not overwrite the first one's kept copy.
fn unused_name(dir: &Path, stem: &str) -> PathBuf {
    let mut path = dir.join(format!("{stem}.db"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.db"));
        n += 1;
    }
    path
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
