use std::path::{Path, PathBuf};
use tebiki_core::settings::{InvalidSetting, Language};
use tebiki_i18n::{tr_args, Arg};

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

    /// The message a user reads, in their language.
    pub fn localized(&self, lang: Language) -> String {
        let p = |path: &Path| Arg::from(path.display().to_string());
        match self {
            StoreError::NotTebikiDatabase { path } => tr_args(lang, "error-not-tebiki-db", &[("path", p(path))]),
            StoreError::TooNew { path, found, supported } => {
                tr_args(lang, "error-db-too-new", &[("path", p(path)), ("found", (*found as i64).into()), ("supported", (*supported as i64).into())])
            }
            StoreError::Damaged { path, detail } => tr_args(lang, "error-db-damaged", &[("path", p(path)), ("detail", detail.as_str().into())]),
            StoreError::FileMissing { path } => tr_args(lang, "error-file-missing", &[("path", p(path))]),
            StoreError::Io { path, source } => tr_args(lang, "error-io", &[("path", p(path)), ("detail", source.to_string().into())]),
            StoreError::Locked { .. } => tr_args(lang, "error-db-locked", &[]),
            StoreError::WrongPassphrase { .. } => tr_args(lang, "error-wrong-passphrase", &[]),
            StoreError::WeakPassphrase { min } => tr_args(lang, "error-weak-passphrase", &[("min", (*min as i64).into())]),
            StoreError::TooSoon { seconds } => tr_args(lang, "error-unlock-wait", &[("seconds", (*seconds as i64).into())]),
            StoreError::NoPassphrase => tr_args(lang, "error-no-passphrase", &[]),
            StoreError::InUse { path } => tr_args(lang, "error-db-in-use", &[("path", p(path))]),
            StoreError::Busy { path } => tr_args(lang, "error-db-busy", &[("path", p(path))]),
            other if other.is_busy() => tr_args(lang, "error-db-busy", &[("path", "tebiki.db".into())]),
            other => tr_args(lang, "error-database", &[("detail", other.to_string().into())]),
        }
    }
}
