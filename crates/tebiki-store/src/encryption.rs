//! Encrypting the database (SQLCipher), changing its key, and writing
//! encrypted copies. Every change of file is written beside the database
//! and renamed over it, so a crash leaves either the old file or the new one.

use crate::audit::{self, Action};
use crate::db_key::{check_strength, DbKey};
use crate::{configure, schema, Store, StoreError};
use rusqlite::{Connection, ErrorCode};
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// Keys a freshly opened connection and proves the key right: with a wrong
/// key the first read fails (SQLCipher checks each page's HMAC).
pub(crate) fn apply_key(conn: &Connection, key: &DbKey, path: &Path) -> Result<(), StoreError> {
    // The statement holding the key is built in a buffer that is wiped on drop
    // (pragma_update would format its own, unwiped copy).
    let literal = key.sql_literal();
    let mut statement = Zeroizing::new(String::with_capacity(16 + literal.len()));
    statement.push_str("PRAGMA key = \"");
    statement.push_str(&literal);
    statement.push('"');
    conn.execute_batch(&statement).map_err(|e| StoreError::sqlite("key", e))?;
    silence_sqlcipher_log(conn);
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == ErrorCode::NotADatabase => Err(StoreError::WrongPassphrase { path: path.to_owned() }),
        Err(e) => Err(StoreError::sqlite("open", e)),
    }
}

/// SQLCipher logs a failed page HMAC ("hmac check failed for pgno=1") to
/// stderr; a wrong passphrase is reported by us, in the user's language,
/// instead. The log level is process-wide, and SQLCipher sets its default
/// (WARN, to stderr) when the first key is applied in the process — which
/// overrode the level set before the key. So it is set after every key.
fn silence_sqlcipher_log(conn: &Connection) {
    let _ = conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()));
}

pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Writes the whole database that `conn` has open into a new file at `dest`,
/// encrypted with `key` (or plain when None). `dest` must not exist.
fn export_to(conn: &Connection, dest: &Path, key: Option<&DbKey>) -> Result<(), StoreError> {
    let err = |e| StoreError::sqlite("write the encrypted copy", e);
    let literal = key.map(|k| k.sql_literal()).unwrap_or_default();
    let literal: &str = &literal;
    conn.execute("ATTACH DATABASE ?1 AS export KEY ?2", (dest.to_string_lossy(), &literal)).map_err(err)?;
    silence_sqlcipher_log(conn);
    let result = (|| {
        conn.query_row("SELECT sqlcipher_export('export')", [], |_| Ok(())).map_err(err)?;
        // sqlcipher_export copies tables, not the header fields we rely on.
        let version = schema::version_of(conn)?;
        conn.execute_batch(&format!("PRAGMA export.user_version = {version}; PRAGMA export.application_id = {};", schema::APPLICATION_ID)).map_err(err)
    })();
    let detached = conn.execute("DETACH DATABASE export", []).map_err(err);
    result.and(detached.map(|_| ()))?;
    tebiki_core::private_file::restrict(dest).map_err(|e| StoreError::io(dest, e))
}

/// Fails with `InUse` when another program (the app, another CLI command)
/// has the database open: a new file renamed over it would leave that
/// program writing into the old one. Leaving WAL mode needs the only
/// connection, so it is the test.
pub(crate) fn take_sole_use(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let mode: Result<String, _> = conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0));
    match mode {
        Ok(m) if m.eq_ignore_ascii_case("delete") => Ok(()),
        Ok(_) => Err(StoreError::InUse { path: path.to_owned() }),
        Err(rusqlite::Error::SqliteFailure(e, _)) if matches!(e.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            Err(StoreError::InUse { path: path.to_owned() })
        }
        Err(e) => Err(StoreError::sqlite("journal_mode", e)),
    }
}

/// Flushes a finished file to disk before it is renamed into place. Opened
/// for writing: on Windows, FlushFileBuffers refuses a read-only handle with
/// "Access denied" (the first Windows bug, seen as `tebiki.db.rekey` errors).
pub(crate) fn fsync(path: &Path) -> Result<(), StoreError> {
    std::fs::OpenOptions::new().write(true).open(path).and_then(|f| f.sync_all()).map_err(|e| StoreError::io(path, e))
}

impl Store {
    /// Sets the 管理者 passphrase, or changes it: the database is written
    /// anew, encrypted with a key derived from `new` (a fresh salt each time),
    /// and renamed over the old file. The caller has already proved the old
    /// passphrase by opening the store with it. Refused while another program
    /// has the database open.
    pub fn set_passphrase(&mut self, new: &str) -> Result<(), StoreError> {
        check_strength(new)?;
        let key = DbKey::fresh(new)?;
        let was_encrypted = self.key.is_some();
        let path = self.path.clone();
        let tmp = sibling(&path, ".rekey");
        let _ = std::fs::remove_file(&tmp);
        take_sole_use(&self.conn, &path)?;
        let written = export_to(&self.conn, &tmp, Some(&key)).and_then(|_| fsync(&tmp));
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            let _ = self.conn.pragma_update(None, "journal_mode", "WAL");
            return Err(e);
        }
        // Close the old file before the new one takes its name.
        let old = std::mem::replace(&mut self.conn, Connection::open_in_memory().map_err(|e| StoreError::sqlite("open", e))?);
        drop(old);
        if let Err(e) = swap_in(&tmp, &path) {
            // The old file is still in place (e.g. Windows refused the
            // rename): reopen it as it was, so the store stays usable.
            let _ = std::fs::remove_file(&tmp);
            let conn = Connection::open(&path).map_err(|e| StoreError::sqlite("open", e))?;
            if let Some(k) = &self.key {
                apply_key(&conn, k, &path)?;
            }
            configure(&conn)?;
            self.conn = conn;
            return Err(e);
        }
        let conn = Connection::open(&path).map_err(|e| StoreError::sqlite("open", e))?;
        apply_key(&conn, &key, &path)?;
        configure(&conn)?;
        self.conn = conn;
        self.key = Some(key);
        let action = if was_encrypted { Action::PassphraseChanged } else { Action::PassphraseSet };
        self.audit(action, serde_json::json!({}))?;
        Ok(())
    }

    /// Writes an encrypted copy of the database to `dest` (the same key, so
    /// the same passphrase opens it). Used by `backup_to` once a passphrase is set.
    pub(crate) fn encrypted_copy(&self, dest: &Path) -> Result<(), StoreError> {
        let key = self.key.as_ref().expect("called only when encrypted");
        export_to(&self.conn, dest, Some(key))
    }
}

/// Opens a backup file for restoring: plain, or encrypted with `passphrase`.
/// Checks that it is an intact Tebiki database this build can read.
pub(crate) fn open_backup(src: &Path, passphrase: Option<&str>) -> Result<Connection, StoreError> {
    if !src.exists() {
        return Err(StoreError::FileMissing { path: src.to_owned() });
    }
    if !crate::db_key::is_encrypted(src) {
        schema::check_file(src)?;
        return Connection::open(src).map_err(|e| StoreError::sqlite("open backup", e));
    }
    let passphrase = passphrase.ok_or_else(|| StoreError::Locked { path: src.to_owned() })?;
    let key = DbKey::for_file(passphrase, src)?;
    // Read-write: a read-only connection could not attach the copy it writes.
    let conn = Connection::open(src).map_err(|e| StoreError::sqlite("open backup", e))?;
    apply_key(&conn, &key, src)?;
    schema::check_conn(&conn, src)?;
    Ok(conn)
}

/// Replaces the file at `live` with the content of `backup`, encrypted with
/// `key` (or plain): written beside it, then renamed over it.
pub(crate) fn replace_with(backup: &Connection, live: &Path, key: Option<&DbKey>) -> Result<(), StoreError> {
    let tmp = sibling(live, ".restore");
    let _ = std::fs::remove_file(&tmp);
    let written = export_to(backup, &tmp, key).and_then(|_| fsync(&tmp));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    swap_in(&tmp, live)
}

/// Renames the finished file `tmp` over the database at `live`. Every
/// connection to `live` (and to `tmp`) must be closed by the caller first:
/// Windows refuses to replace or remove a file another handle holds open
/// (SQLite opens without FILE_SHARE_DELETE), where Linux would allow it.
/// The old file's -wal/-shm/-journal must go with it: SQLite would otherwise
/// replay them onto the new file. The rename replaces an existing file on
/// both systems and waits out a scanner holding the new file for a moment.
pub(crate) fn swap_in(tmp: &Path, live: &Path) -> Result<(), StoreError> {
    tebiki_core::file_swap::rename(tmp, live).map_err(|e| StoreError::io(live, e))?;
    for stale in ["-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(sibling(live, stale));
    }
    sync_dir(live);
    Ok(())
}

/// Makes a rename durable. On Unix the folder's entry must be flushed; on
/// Windows a folder cannot be opened as a file (and NTFS journals renames).
#[cfg(unix)]
fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent() {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
}

#[cfg(not(unix))]
fn sync_dir(_path: &Path) {}

/// The restore entry: the backup's file name, and the end of the 操作記録
/// it replaced (number and hash of the newest entry) with where that data
/// was kept. The desk then takes the restored chain's end as its head.
pub(crate) fn record_restore(store: &Store, from: &Path, replaced: Option<(i64, String)>, kept: &Path) -> Result<(), StoreError> {
    let name = from.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (replaced_seq, replaced_hash) = replaced.unwrap_or((0, String::new()));
    let details = serde_json::json!({
        "file": name,
        "replaced_seq": replaced_seq,
        "replaced_hash": replaced_hash,
        "kept": kept.display().to_string(),
    });
    let seq = audit::append(&store.conn, store.actor, Action::BackupRestored, details)?;
    if let Some(desk) = &store.desk {
        if let Ok(Some((head, hash))) = store.audit_head() {
            debug_assert_eq!(head, seq);
            let _ = desk.reset_audit_head(head, &hash);
        }
    }
    Ok(())
}
