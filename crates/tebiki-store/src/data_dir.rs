//! Where the database lives: the OS app-data folder, the same for app and CLI.

use directories::ProjectDirs;
use std::path::PathBuf;

/// The database file inside the data folder.
pub const DATABASE_FILE: &str = "tebiki.db";

/// Overrides the data folder for the app (the CLI also has `--data-dir`).
/// End-to-end tests use it to run the app on a throw-away folder.
pub const DATA_DIR_ENV: &str = "TEBIKI_DATA_DIR";

/// `$TEBIKI_DATA_DIR`, else the OS app-data folder
/// (`~/.local/share/tebiki` on Linux, `%APPDATA%\Tebiki\tebiki\data` on Windows).
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    ProjectDirs::from("jp", "Tebiki", "tebiki").map(|p| p.data_dir().to_owned()).unwrap_or_else(|| PathBuf::from(".tebiki"))
}
