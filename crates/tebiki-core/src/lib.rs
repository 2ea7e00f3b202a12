//! Tebiki's domain logic. No Tauri, no SQLite: everything here is plain data and
//! rules, testable headless and shared by the CLI and the desktop app.
//!
//! By domain: [`pack`] (the policy packs: documents, roles, courses,
//! questionnaires, the duties the text states), [`calendar`] (和暦, 年度,
//! typed dates), [`roster`], [`training`], [`selfcheck`] (answers,
//! submission files, the 集計, coverage, drafts), [`handbook`] (what the
//! reader shows).

pub mod app_info;
pub mod bounded_read;
pub mod calendar;
pub mod demo;
pub mod excel_csv;
pub mod exchange;
pub mod file_swap;
/// The code the fuzz targets (fuzz/) and tests/fuzz_corpus.rs run.
#[doc(hidden)]
pub mod fuzz_entry;
pub mod handbook;
pub mod message;
pub mod numerals;
pub mod pack;
pub mod private_file;
pub mod roster;
pub mod selfcheck;
pub mod settings;
pub mod training;

/// The application version, as shown by `tebiki version` and the 設定 screen.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
