//! Tebiki's domain logic. No Tauri, no SQLite: everything here is plain data and
//! rules, testable headless and shared by the CLI and the desktop app.

pub mod admin_session;
pub mod answers;
pub mod app_info;
pub mod demo_org;
pub mod excel_csv;
pub mod file_swap;
pub mod fiscal_year;
/// The code the fuzz targets (fuzz/) and tests/fuzz_corpus.rs run.
#[doc(hidden)]
pub mod fuzz_entry;
pub mod handbook;
pub mod message;
pub mod numerals;
pub mod pack;
pub mod roles;
pub mod roster_import;
pub mod selfcheck;
pub mod selfcheck_dashboard;
pub mod settings;
pub mod submission;
pub mod training;
pub mod wareki;

/// The application version, as shown by `tebiki version` and the 設定 screen.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
