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

    /// The message a user reads, in their language.
    pub fn localized(&self, lang: Language) -> String {
        let p = |path: &Path| Arg::from(path.display().to_string());
        match self {
            StoreError::NotTebikiDatabase { path } => tr_args(lang, "error-not-tebiki-db", &[("path", p(path))]),
            StoreError::TooNew { path, found, supported } => tr_args(
                lang,
                "error-db-too-new",
                &[("path", p(path)), ("found", (*found as i64).into()), ("supported", (*supported as i64).into())],
            ),
            StoreError::Damaged { path, detail } => {
                tr_args(lang, "error-db-damaged", &[("path", p(path)), ("detail", detail.as_str().into())])
            }
            StoreError::FileMissing { path } => tr_args(lang, "error-file-missing", &[("path", p(path))]),
            StoreError::Io { path, source } => {
                tr_args(lang, "error-io", &[("path", p(path)), ("detail", source.to_string().into())])
            }
            other => tr_args(lang, "error-database", &[("detail", other.to_string().into())]),
        }
    }
}
