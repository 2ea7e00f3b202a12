//! Tebiki's application layer: one function per user action, called by
//! both fronts — the desktop app's Tauri commands and the CLI's
//! subcommands are thin wrappers over it (arguments in, result out).
//!
//! - [`Session`]: what a front holds (data folder, settings, the store, the
//!   packs, 管理者モード, the language).
//! - The access rule lives in [`access`]: an action takes `&mut Staff` (anyone
//!   at the PC; their own answers only) or `&mut Admin` (管理者モード).
//! - Files going out are written atomically and recorded in the 操作記録 in
//!   [`files`]; errors are [`ServiceError`] `{code, message}` in the user's language.

pub mod access;
pub mod admin_session;
pub mod audit;
pub mod content;
pub mod demo;
pub mod draft;
pub mod elearning;
pub mod error;
pub mod files;
pub mod handbook;
pub mod ipc;
pub mod remedies;
pub mod report;
pub mod roster;
pub mod selfcheck;
pub mod session;
pub mod settings;
pub mod training;
mod years;

pub use access::{Admin, Staff};
pub use error::{ErrorCode, ServiceError, ServiceResult};
pub use session::{Front, Session};
