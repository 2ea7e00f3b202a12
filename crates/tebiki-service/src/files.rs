//! Files coming in and going out, the same way for both fronts: paths from
//! outside must be absolute (Windows drive and UNC paths included), files
//! are written beside and renamed into place, and every file that carries
//! personal data out is recorded in the 操作記録.

use crate::access::Admin;
use crate::error::{ErrorCode, ServiceError, ServiceResult};
use std::io::Write;
use std::path::{Path, PathBuf};
use tebiki_core::settings::Language;
use tebiki_store::Action;

/// A path typed or chosen outside (an IPC argument, a CLI argument made
/// absolute by the CLI): relative paths are refused, because the app's
/// working folder is nobody's choice. On Windows `C:\…` and
/// `\\server\share\…` are absolute; on Unix `/…`.
pub fn absolute_path(lang: Language, path: &str) -> ServiceResult<PathBuf> {
    let trimmed = path.trim();
    let p = PathBuf::from(trimmed);
    if trimmed.is_empty() || !p.is_absolute() {
        return Err(ServiceError::key(lang, ErrorCode::BadPath, "import-path-not-absolute", &[("path", path.into())]));
    }
    Ok(p)
}

pub(crate) fn io_error(lang: Language, path: &Path, e: &std::io::Error) -> ServiceError {
    ServiceError::key(lang, ErrorCode::Io, "error-io", &[("path", path.display().to_string().into()), ("detail", e.to_string().into())])
}

/// Creates a folder for the organisation's data (owner only where the OS has modes).
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    tebiki_core::private_file::create_dir(dir)
}

/// The temporary sibling a file is written to before it takes its name:
/// same folder (so the rename does not cross drives), a name no user picks.
fn part_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".part");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` so that an interrupted write (USB stick pulled,
/// power cut) never leaves a half file under the final name: written
/// beside, flushed to disk, closed, then renamed over (on Windows a file
/// must be closed before it is renamed).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = part_path(path);
    let written = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut f = options.open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    tebiki_core::file_swap::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// What kind of file went out, for the 操作記録 sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// A PDF report: `selfcheck`, `training` or `certificate`.
    Report(&'static str),
    /// A file of personal data: `submissions`, `remedies`, `overdue`, `audit`, `submission`.
    PersonalData(&'static str),
}

impl Admin<'_> {
    /// Writes an export atomically and records it in the 操作記録 (the full
    /// path: where personal data went is what the record is for).
    pub(crate) fn export_file(&mut self, kind: ExportKind, path: &Path, bytes: &[u8]) -> ServiceResult<()> {
        let lang = self.session().lang();
        write_atomically(path, bytes).map_err(|e| io_error(lang, path, &e))?;
        self.record_export(kind, path)
    }

    /// Records a file (or a folder of files) that went out.
    pub(crate) fn record_export(&mut self, kind: ExportKind, path: &Path) -> ServiceResult<()> {
        record_export(self, kind, path)
    }
}

pub(crate) fn record_export(staff: &mut crate::access::Staff, kind: ExportKind, path: &Path) -> ServiceResult<()> {
    let (action, kind) = match kind {
        ExportKind::Report(k) => (Action::ReportExported, k),
        ExportKind::PersonalData(k) => (Action::PersonalDataExported, k),
    };
    let details = serde_json::json!({ "kind": kind, "file": path.display().to_string() });
    let lang = staff.session().lang();
    staff.store().audit(action, details).map_err(|e| ServiceError::store(lang, &e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_and_empty_paths_are_refused() {
        let lang = Language::default();
        assert_eq!(absolute_path(lang, "report.pdf").unwrap_err().code, ErrorCode::BadPath);
        assert_eq!(absolute_path(lang, "  ").unwrap_err().code, ErrorCode::BadPath);
        #[cfg(unix)]
        assert_eq!(absolute_path(lang, " /tmp/a.pdf ").unwrap(), PathBuf::from("/tmp/a.pdf"));
        #[cfg(windows)]
        {
            assert!(absolute_path(lang, r"C:\Users\職員\報告書.pdf").is_ok());
            assert!(absolute_path(lang, r"\\fileserver\共有\自己点検\a.json").is_ok());
        }
    }

    #[test]
    fn an_atomic_write_leaves_no_part_file_and_replaces_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("改善策.csv");
        write_atomically(&p, b"old").unwrap();
        write_atomically(&p, b"new").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "only the file itself: {names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn exports_are_readable_by_their_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.csv");
        write_atomically(&p, b"x").unwrap();
        assert_eq!(std::fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o600);
    }
}
