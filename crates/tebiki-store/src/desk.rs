//! The desk: what the app needs before anyone unlocks the data — language,
//! theme, the organisation's pack, reading positions, bookmarks — and the
//! count of wrong passphrases. It holds no personal data, so it stays
//! unencrypted in `desk.db` beside `tebiki.db`; 職員モード works from it alone
//! while the database is locked.

use crate::audit::AuditTail;
use crate::StoreError;
use rusqlite::{Connection, OptionalExtension};
use rusqlite_migration::{Migrations, M};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const DESK_FILE: &str = "desk.db";

/// `PRAGMA application_id` of a desk file: "TBKD" (a desk is never a Tebiki
/// database to restore).
const DESK_APPLICATION_ID: i32 = 0x5442_4B44;

const DESK_MIGRATIONS: &[&str] = &[
    // 1: the tables that lived in tebiki.db up to schema 7, and desk state
    "PRAGMA application_id = 1413630788;
     CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL
     ) STRICT;
     CREATE TABLE reading_positions (
        pack_id    TEXT PRIMARY KEY,
        clause_id  TEXT NOT NULL,
        updated_at TEXT NOT NULL
     ) STRICT;
     CREATE TABLE bookmarks (
        clause_id  TEXT PRIMARY KEY,
        created_at TEXT NOT NULL
     ) STRICT;
     CREATE TABLE desk_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
     ) STRICT;",
];

fn desk_migrations() -> Migrations<'static> {
    Migrations::new(DESK_MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// The open desk file.
pub struct Desk {
    pub(crate) conn: Connection,
    path: PathBuf,
}

impl Desk {
    /// Opens (creating if needed) `desk.db` in `data_dir`.
    pub fn open_dir(data_dir: &Path) -> Result<Desk, StoreError> {
        tebiki_core::private_file::create_dir(data_dir).map_err(|e| StoreError::io(data_dir, e))?;
        Desk::open(&data_dir.join(DESK_FILE))
    }

    /// The desk beside the database file `db_path`.
    pub fn beside(db_path: &Path) -> Result<Desk, StoreError> {
        Desk::open(&desk_path_beside(db_path))
    }

    fn open(path: &Path) -> Result<Desk, StoreError> {
        let mut conn = Connection::open(path).map_err(|e| StoreError::sqlite("open desk", e))?;
        conn.busy_timeout(Duration::from_secs(10)).map_err(|e| StoreError::sqlite("busy_timeout", e))?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(|e| StoreError::sqlite("journal_mode", e))?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(|e| StoreError::sqlite("synchronous", e))?;
        crate::restrict_files(path)?;
        let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(|e| StoreError::sqlite("open desk", e))?;
        if app_id != 0 && app_id != DESK_APPLICATION_ID {
            return Err(StoreError::NotTebikiDatabase { path: path.to_owned() });
        }
        desk_migrations().to_latest(&mut conn)?;
        Ok(Desk { conn, path: path.to_owned() })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn state(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn.query_row("SELECT value FROM desk_state WHERE key = ?1", [key], |r| r.get(0)).optional().map_err(|e| StoreError::sqlite("read desk state", e))
    }

    fn set_state(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .execute("INSERT INTO desk_state(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))
            .map(|_| ())
            .map_err(|e| StoreError::sqlite("save desk state", e))
    }

    /// Wrong passphrases entered since the last right one, and when the last
    /// one was entered (ISO 8601). Kept on disk so that restarting the app does
    /// not reset the slowdown.
    pub fn unlock_failures(&self) -> Result<(u32, Option<String>), StoreError> {
        let n = self.state("unlock.failures")?.and_then(|v| v.parse().ok()).unwrap_or(0);
        Ok((n, self.state("unlock.last_failure")?))
    }

    pub fn record_unlock_failure(&self, at: &str) -> Result<u32, StoreError> {
        let (n, _) = self.unlock_failures()?;
        let tx = self.conn.unchecked_transaction().map_err(|e| StoreError::sqlite("save desk state", e))?;
        self.set_state("unlock.failures", &(n + 1).to_string())?;
        self.set_state("unlock.last_failure", at)?;
        tx.commit().map_err(|e| StoreError::sqlite("save desk state", e))?;
        Ok(n + 1)
    }

    /// Clears the count after a right passphrase; returns how many wrong ones
    /// came before it (for the 操作記録).
    pub fn clear_unlock_failures(&self) -> Result<u32, StoreError> {
        let (n, _) = self.unlock_failures()?;
        if n > 0 {
            self.conn
                .execute("DELETE FROM desk_state WHERE key IN ('unlock.failures', 'unlock.last_failure')", [])
                .map_err(|e| StoreError::sqlite("save desk state", e))?;
        }
        Ok(n)
    }

    /// The highest 操作記録 entry this desk has seen. Desks written before
    /// the head's hash was kept have only this (`audit_tail` reads both).
    pub fn audit_high_water(&self) -> Result<i64, StoreError> {
        Ok(self.state("audit.high_water")?.and_then(|v| v.parse().ok()).unwrap_or(0))
    }

    /// What this desk knows of the 操作記録's end, for `verify_entries`.
    pub fn audit_tail(&self) -> Result<AuditTail, StoreError> {
        let seq = self.state("audit.head_seq")?.and_then(|v| v.parse().ok());
        let hash = self.state("audit.head_hash")?;
        Ok(AuditTail {
            head: seq.zip(hash),
            high_water: self.audit_high_water()?,
            unconfirmed_upto: self.state("audit.unconfirmed_upto")?.and_then(|v| v.parse().ok()),
        })
    }

    /// Records entry `seq` with `hash` as the newest this desk has seen (an
    /// older one, written by a slower program, is ignored). A desk that first
    /// hears of a chain already `seq - 1` entries long (it was deleted or
    /// replaced) notes that it cannot vouch for those, for good.
    pub fn note_audit_head(&self, seq: i64, hash: &str) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction().map_err(|e| StoreError::sqlite("save desk state", e))?;
        let tail = self.audit_tail()?;
        match &tail.head {
            Some((head, _)) if *head >= seq => return Ok(()),
            None if tail.high_water == 0 && seq > 1 && tail.unconfirmed_upto.is_none() => {
                self.set_state("audit.unconfirmed_upto", &(seq - 1).to_string())?;
            }
            _ => {}
        }
        self.set_audit_head(seq, hash)?;
        tx.commit().map_err(|e| StoreError::sqlite("save desk state", e))
    }

    /// After a restore: the restored chain's head replaces the one kept,
    /// even though it is lower (the restore entry records the one replaced).
    pub(crate) fn reset_audit_head(&self, seq: i64, hash: &str) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction().map_err(|e| StoreError::sqlite("save desk state", e))?;
        self.set_audit_head(seq, hash)?;
        tx.commit().map_err(|e| StoreError::sqlite("save desk state", e))
    }

    fn set_audit_head(&self, seq: i64, hash: &str) -> Result<(), StoreError> {
        self.set_state("audit.head_seq", &seq.to_string())?;
        self.set_state("audit.head_hash", hash)?;
        // Kept for a desk read by an older build (count-only check).
        self.set_state("audit.high_water", &seq.to_string())
    }
}

pub(crate) fn desk_path_beside(db_path: &Path) -> PathBuf {
    db_path.with_file_name(DESK_FILE)
}

/// Copies the desk tables of a database from before schema 8 into the desk
/// (keeping what the desk already has), before migration 8 drops them.
pub(crate) fn adopt_desk_tables(conn: &Connection, db_path: &Path) -> Result<(), StoreError> {
    let err = |e| StoreError::sqlite("move settings to the desk", e);
    let exists = |table: &str| -> Result<bool, StoreError> {
        conn.query_row("SELECT EXISTS(SELECT 1 FROM main.sqlite_master WHERE name = ?1 AND type = 'table')", [table], |r| r.get(0)).map_err(err)
    };
    let tables: Vec<&str> = ["settings", "reading_positions", "bookmarks"].into_iter().filter(|t| exists(t).unwrap_or(false)).collect();
    if tables.is_empty() {
        return Ok(());
    }
    drop(Desk::beside(db_path)?); // created and migrated; now copy into it
    let desk_path = desk_path_beside(db_path);
    conn.execute("ATTACH DATABASE ?1 AS desk KEY ''", [desk_path.to_string_lossy()]).map_err(err)?;
    let copied = tables.iter().try_for_each(|t| conn.execute(&format!("INSERT OR IGNORE INTO desk.{t} SELECT * FROM main.{t}"), []).map(|_| ()));
    let detached = conn.execute("DETACH DATABASE desk", []);
    copied.map_err(err)?;
    detached.map_err(err)?;
    Ok(())
}
