//! Tebiki's one SQLite database, shared by the desktop app and the CLI.

mod audit;
mod backup;
mod data_dir;
mod db_key;
mod desk;
mod elearning_store;
mod encryption;
mod error;
mod handbook_store;
mod report_queries;
mod roster_store;
mod schema;
mod selfcheck_held;
mod selfcheck_screen;
mod selfcheck_store;
mod selfcheck_submissions;
mod settings_store;
mod submission_import;
mod training_store;
mod unlock;

pub use audit::{entry_hash, verify_entries, Action, Actor, AuditBreak, AuditBreakReason, AuditEntry, AuditStatus, AuditTail, AuditVerdict};
pub use data_dir::{default_data_dir, DATABASE_FILE, DATA_DIR_ENV};
pub use db_key::{check_strength, is_encrypted, MIN_PASSPHRASE_CHARS};
pub use desk::{Desk, DESK_FILE};
pub use elearning_store::{AcceptedResults, PassedCourse, RefusedResults, ResultFile, ResultsImportReport};
pub use error::StoreError;
pub use handbook_store::StoredBookmark;
pub use report_queries::{SessionAttendee, SessionRow};
pub use roster_store::{Department, DepartmentMembers, DepartmentRefusal, RosterPlan, RosterPreview, StaffMember};
pub use schema::{APPLICATION_ID, LATEST_VERSION};
pub use selfcheck_held::HeldSubmission;
pub use selfcheck_screen::{DashboardView, InspectionView, SelfcheckScreen, DASHBOARD_LIST_ROWS};
pub use selfcheck_store::{ImportOutcome, Inspection, NewInspection, SelfcheckError, SubmissionSource, SubmissionSummary};
pub use submission_import::{collect_submission_files, AcceptedFile, HeldFile, ImportReport, RefusedFile};
pub use training_store::{
    AttendanceMatch, AttendedSession, ImportProgress, Method, NewSession, PersonHistory, RecordedSession, RequirementView, SessionInput, StaffHit,
    TrainingScreen,
};
pub use unlock::{remaining_wait, unlock, unlock_delay, Unlocked, ATTEMPT_LOCK_FILE};

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// An open Tebiki database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The key when the file is encrypted (a passphrase is set).
    key: Option<db_key::DbKey>,
    /// Who is making changes, for the 操作記録.
    actor: Actor,
    /// The desk beside the file, which keeps the 操作記録's high-water mark.
    desk: Option<Desk>,
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir` and brings its
    /// schema up to date. An encrypted database is refused as locked.
    pub fn open_dir(data_dir: &Path) -> Result<Store, StoreError> {
        Store::open_dir_with(data_dir, None)
    }

    /// As `open_dir`, with the passphrase for an encrypted database.
    pub fn open_dir_with(data_dir: &Path, passphrase: Option<&str>) -> Result<Store, StoreError> {
        tebiki_core::private_file::create_dir(data_dir).map_err(|e| StoreError::io(data_dir, e))?;
        Store::open_with(&data_dir.join(DATABASE_FILE), passphrase)
    }

    /// Opens (creating if needed) the database file at `path` and migrates it.
    /// A file that is not a Tebiki database is refused and left untouched.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, None)
    }

    /// Opens the database at `path`; `passphrase` is needed when the file is
    /// encrypted (and ignored when it is not). A wrong one is refused as
    /// `WrongPassphrase` without touching the file.
    pub fn open_with(path: &Path, passphrase: Option<&str>) -> Result<Store, StoreError> {
        let key = if db_key::is_encrypted(path) {
            let passphrase = passphrase.ok_or_else(|| StoreError::Locked { path: path.to_owned() })?;
            Some(db_key::DbKey::for_file(passphrase, path)?)
        } else {
            if path.exists() {
                schema::check_file(path)?;
            }
            None
        };
        let mut conn = Connection::open(path).map_err(|e| StoreError::sqlite("open", e))?;
        if let Some(key) = &key {
            encryption::apply_key(&conn, key, path)?;
        }
        configure(&conn)?;
        restrict_files(path)?;
        if schema::version_of(&conn)? < schema::DESK_MOVED_AT {
            desk::adopt_desk_tables(&conn, path)?;
        }
        schema::migrate(&mut conn)?;
        let desk = Desk::beside(path).ok();
        Ok(Store { conn, path: path.to_owned(), key, actor: Actor::Cli, desk })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file is encrypted with a passphrase.
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// Sets who is making the changes from now on (the app's mode).
    pub fn set_actor(&mut self, actor: Actor) {
        self.actor = actor;
    }

    pub fn actor(&self) -> Actor {
        self.actor
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<usize, StoreError> {
        schema::version_of(&self.conn)
    }

    /// Direct access for the crates that add tables in later migrations.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// The database file and its -wal/-shm: owner only (Unix). SQLite gives a
/// new -wal the database file's mode, so this holds for later ones too.
pub(crate) fn restrict_files(path: &Path) -> Result<(), StoreError> {
    for p in [path.to_owned(), encryption::sibling(path, "-wal"), encryption::sibling(path, "-shm")] {
        tebiki_core::private_file::restrict(&p).map_err(|e| StoreError::io(&p, e))?;
    }
    Ok(())
}

pub(crate) fn configure(conn: &Connection) -> Result<(), StoreError> {
    // WAL lets the app and the CLI read while the other writes; the busy timeout
    // makes a second writer wait instead of failing at once.
    conn.busy_timeout(Duration::from_secs(10)).map_err(|e| StoreError::sqlite("busy_timeout", e))?;
    conn.pragma_update(None, "journal_mode", "WAL").map_err(|e| StoreError::sqlite("journal_mode", e))?;
    conn.pragma_update(None, "foreign_keys", "ON").map_err(|e| StoreError::sqlite("foreign_keys", e))?;
    conn.pragma_update(None, "synchronous", "NORMAL").map_err(|e| StoreError::sqlite("synchronous", e))?;
    Ok(())
}
