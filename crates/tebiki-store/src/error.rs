use std::path::{Path, PathBuf};
use tebiki_core::message::Message;
use tebiki_core::settings::InvalidSetting;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not a Tebiki database")]
    NotTebikiDatabase { path: PathBuf },
    #[error("{path} has schema version {found}, newer than this build's {supported}")]
    TooNew { path: PathBuf, found: usize, supported: usize },
    #[error("{path} failed the integrity check: {detail}")]
    Damaged { path: PathBuf, detail: String },
    #[error("{path} does not exist")]
    FileMissing { path: PathBuf },
    #[error("cannot read or write {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("database error during {context}: {source}")]
    Sqlite { context: &'static str, source: rusqlite::Error },
    #[error("schema migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{path} is encrypted: the 管理者 passphrase is needed")]
    Locked { path: PathBuf },
    #[error("the passphrase does not open {path}")]
    WrongPassphrase { path: PathBuf },
    #[error("a passphrase needs at least {min} characters")]
    WeakPassphrase { min: usize },
    #[error("{path} is open in another Tebiki program (the app or another command)")]
    InUse { path: PathBuf },
    #[error("{path} stayed busy: another Tebiki program kept writing to it")]
    Busy { path: PathBuf },
    #[error("too many wrong passphrases: wait {seconds} s")]
    TooSoon { seconds: u64 },
    #[error("no 管理者 passphrase is set yet")]
    NoPassphrase,
    #[error("stored setting is invalid: {0}")]
    InvalidSetting(#[from] InvalidSetting),
}

impl StoreError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        StoreError::Io { path: path.to_owned(), source }
    }
    pub(crate) fn sqlite(context: &'static str, source: rusqlite::Error) -> Self {
        StoreError::Sqlite { context, source }
    }

    /// Whether the database stayed locked by another program past the busy
    /// timeout (the CLI says so instead of a raw SQLite message).
    pub fn is_busy(&self) -> bool {
        match self {
            StoreError::Busy { .. } => true,
            StoreError::Sqlite { source: rusqlite::Error::SqliteFailure(e, _), .. } => {
                matches!(e.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            }
            _ => false,
        }
    }

    /// What a user reads: a message key and its arguments (the fronts
    /// render it in the user's language).
    pub fn message(&self) -> Message {
        let m = |key: &str| Message::new(key);
        let p = |path: &Path| path.display().to_string();
        match self {
            StoreError::NotTebikiDatabase { path } => m("error-not-tebiki-db").arg("path", p(path)),
            StoreError::TooNew { path, found, supported } => m("error-db-too-new").arg("path", p(path)).arg("found", found).arg("supported", supported),
            StoreError::Damaged { path, detail } => m("error-db-damaged").arg("path", p(path)).arg("detail", detail),
            StoreError::FileMissing { path } => m("error-file-missing").arg("path", p(path)),
            StoreError::Io { path, source } => m("error-io").arg("path", p(path)).arg("detail", source),
            StoreError::Locked { .. } => m("error-db-locked"),
            StoreError::WrongPassphrase { .. } => m("error-wrong-passphrase"),
            StoreError::WeakPassphrase { min } => m("error-weak-passphrase").arg("min", min),
            StoreError::TooSoon { seconds } => m("error-unlock-wait").arg("seconds", seconds),
            StoreError::NoPassphrase => m("error-no-passphrase"),
            StoreError::InUse { path } => m("error-db-in-use").arg("path", p(path)),
            StoreError::Busy { path } => m("error-db-busy").arg("path", p(path)),
            other if other.is_busy() => m("error-db-busy").arg("path", "tebiki.db"),
            other => m("error-database").arg("detail", other),
        }
    }
}

/// The error of a failed SQL step, saying which (`.map_err(err("save answer"))`).
pub(crate) fn err(context: &'static str) -> impl Fn(rusqlite::Error) -> StoreError {
    move |e| StoreError::sqlite(context, e)
}

/// Now, as stored: UTC in ISO 8601 to the second.
pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
