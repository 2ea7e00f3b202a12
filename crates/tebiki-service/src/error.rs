//! What a failed action returns to either front: a code the UI can act on
//! and a message already in the user's language. Crosses IPC as
//! `{ "code": …, "message": … }`.

use serde::Serialize;
use tebiki_core::message::Message;
use tebiki_core::settings::Language;
use tebiki_i18n::{tr_args, tr_message, Arg};
use tebiki_store::StoreError;
use ts_rs::TS;

/// Why an action failed, for the UI to decide what to offer (enter
/// 管理者モード, choose a pack, pick another file …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// 管理者モード is needed for this action.
    AdminNeeded,
    /// 管理者モード ended after idle time.
    AdminExpired,
    /// The data is encrypted and nobody has entered the passphrase yet.
    DataLocked,
    /// No organisation (pack) chosen yet, or an unknown one named.
    NoPack,
    /// A record the action names does not exist (or is not this person's).
    NotFound,
    /// A path from outside is not absolute.
    BadPath,
    /// Reading or writing a file failed.
    Io,
    /// The input breaks a rule (the message says which).
    Invalid,
    /// Another Tebiki program kept the database busy.
    Busy,
    /// Wrong passphrase, or asked again too soon.
    Passphrase,
    /// Anything else the database reported.
    Store,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[ts(export)]
#[error("{message}")]
pub struct ServiceError {
    pub code: ErrorCode,
    pub message: String,
}

pub type ServiceResult<T> = Result<T, ServiceError>;

impl ServiceError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ServiceError { code, message: message.into() }
    }

    /// A message key with arguments, written in `lang`.
    pub fn key(lang: Language, code: ErrorCode, key: &str, args: &[(&str, Arg)]) -> Self {
        ServiceError::new(code, tr_args(lang, key, args))
    }

    /// A core message (key + arguments), written in `lang`.
    pub fn message(lang: Language, code: ErrorCode, m: &Message) -> Self {
        ServiceError::new(code, tr_message(lang, m))
    }

    pub fn store(lang: Language, e: &StoreError) -> Self {
        let code = match e {
            _ if e.is_busy() => ErrorCode::Busy,
            StoreError::Io { .. } | StoreError::FileMissing { .. } => ErrorCode::Io,
            StoreError::Locked { .. } | StoreError::NoPassphrase => ErrorCode::DataLocked,
            StoreError::WrongPassphrase { .. } | StoreError::TooSoon { .. } | StoreError::WeakPassphrase { .. } => ErrorCode::Passphrase,
            _ => ErrorCode::Store,
        };
        ServiceError::new(code, tr_message(lang, &e.message()))
    }

    /// A lock poisoned by a panic elsewhere: nothing the user can fix, but
    /// said rather than panicking again.
    pub(crate) fn poisoned(what: &str) -> Self {
        ServiceError::new(ErrorCode::Store, format!("internal state unavailable ({what})"))
    }
}
