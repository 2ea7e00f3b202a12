//! Importing an organisation's own pack: validate, decide, install.

use super::files::PackFiles;
use super::library::PackLibrary;
use super::problem::Problem;
use super::{load, version, PackOrigin};
use serde::Serialize;
use std::cmp::Ordering;
use std::path::Path;
use ts_rs::TS;

/// What importing this pack would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ImportAction {
    /// A pack id the app does not have yet.
    New,
    /// Replaces an imported pack with a newer version: asks first.
    Upgrade { installed: String },
    /// Same or older version than the imported one: refused.
    NotNewer { installed: String },
    /// The id of a pack that ships with the app: refused, never overwritten.
    BundledId,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ImportInspection {
    /// Where the pack was read from.
    pub path: String,
    pub pack_id: Option<String>,
    pub title: Option<String>,
    pub organization: Option<String>,
    pub version: Option<String>,
    pub clause_count: usize,
    pub problems: Vec<Problem>,
    /// None when the pack has errors.
    pub action: Option<ImportAction>,
}

impl ImportInspection {
    pub fn can_import(&self) -> bool {
        matches!(self.action, Some(ImportAction::New | ImportAction::Upgrade { .. }))
    }
    pub fn needs_confirmation(&self) -> bool {
        matches!(self.action, Some(ImportAction::Upgrade { .. }))
    }
}

pub fn inspect(files: &PackFiles, library: &PackLibrary) -> ImportInspection {
    inspect_at(files, library, "")
}

pub fn inspect_at(files: &PackFiles, library: &PackLibrary, path: &str) -> ImportInspection {
    let out = load(files, PackOrigin::Imported);
    let action = out.pack.as_ref().map(|p| match library.get(&p.id) {
        None => ImportAction::New,
        Some(existing) if existing.origin == PackOrigin::Bundled => ImportAction::BundledId,
        Some(existing) => match version::compare(&p.version, &existing.version) {
            Ordering::Greater => ImportAction::Upgrade { installed: existing.version.clone() },
            _ => ImportAction::NotNewer { installed: existing.version.clone() },
        },
    });
    ImportInspection {
        path: path.to_owned(),
        pack_id: out.pack.as_ref().map(|p| p.id.clone()),
        title: out.pack.as_ref().map(|p| p.title.clone()),
        organization: out.pack.as_ref().map(|p| p.organization.name.clone()),
        version: out.pack.as_ref().map(|p| p.version.clone()),
        clause_count: out.pack.as_ref().map(|p| p.clause_count()).unwrap_or(0),
        problems: out.problems,
        action,
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Unreadable(#[from] super::files::PackFilesError),
    /// The pack has errors, or importing it is refused (see the inspection).
    #[error("the pack cannot be imported")]
    Refused(Box<ImportInspection>),
    /// A newer version of an imported pack: the caller must confirm.
    #[error("replacing the installed version needs confirmation")]
    NeedsConfirmation(Box<ImportInspection>),
    #[error("cannot write the pack: {0}")]
    Io(#[from] std::io::Error),
}

/// Imports the pack at `path` (folder or zip) into `packs_dir`, after
/// validating it. An upgrade of an imported pack happens only with
/// `confirm_upgrade`; a bundled pack is never replaced. Returns the pack id.
pub fn import_from_path(path: &Path, library: &PackLibrary, packs_dir: &Path, confirm_upgrade: bool) -> Result<String, ImportError> {
    let files = PackFiles::from_path(path)?;
    let inspection = inspect_at(&files, library, &path.display().to_string());
    if !inspection.can_import() {
        return Err(ImportError::Refused(Box::new(inspection)));
    }
    if inspection.needs_confirmation() && !confirm_upgrade {
        return Err(ImportError::NeedsConfirmation(Box::new(inspection)));
    }
    let id = inspection.pack_id.clone().expect("an importable pack has an id");
    install(&files, &id, packs_dir)?;
    Ok(id)
}

const INCOMING: &str = ".incoming-";
const REPLACED: &str = ".replaced-";

/// Installs a validated pack as `packs_dir/<id>`. The new files are written
/// beside it first and swapped in by renames, so a crash leaves either the
/// old pack or the new one (`recover` finishes an interrupted swap).
pub fn install(files: &PackFiles, id: &str, packs_dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(packs_dir)?;
    let target = packs_dir.join(id);
    let incoming = packs_dir.join(format!("{INCOMING}{id}"));
    let replaced = packs_dir.join(format!("{REPLACED}{id}"));
    let _ = std::fs::remove_dir_all(&incoming);
    files.write_to(&incoming)?;
    if target.exists() {
        let _ = std::fs::remove_dir_all(&replaced);
        // Folders: Windows refuses while a file inside is open (ours are
        // read whole and closed; a scanner may hold one for a moment).
        crate::file_swap::rename(&target, &replaced)?;
    }
    crate::file_swap::rename(&incoming, &target)?;
    let _ = std::fs::remove_dir_all(&replaced);
    Ok(())
}

/// Finishes or rolls back an install that was interrupted.
pub fn recover(packs_dir: &Path) {
    let Ok(entries) = std::fs::read_dir(packs_dir) else { return };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(id) = name.strip_prefix(REPLACED) {
            let target = packs_dir.join(id);
            if target.exists() {
                let _ = std::fs::remove_dir_all(entry.path());
            } else {
                let _ = std::fs::rename(entry.path(), target);
            }
        } else if name.starts_with(INCOMING) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/packs").join(name)
    }

    #[test]
    fn import_new_then_upgrade_with_confirmation_only() {
        let data = tempfile::tempdir().unwrap();
        let packs = data.path().join("packs");
        let lib = PackLibrary::load(Some(&packs));
        assert_eq!(import_from_path(&fixture("sample-town"), &lib, &packs, false).unwrap(), "sample-town");

        let lib = PackLibrary::load(Some(&packs));
        assert_eq!(lib.get("sample-town").unwrap().version, "1.0");
        // Same version again: refused.
        assert!(matches!(import_from_path(&fixture("sample-town"), &lib, &packs, true), Err(ImportError::Refused(_))));
        // Newer version: only after confirmation.
        match import_from_path(&fixture("sample-town-v2"), &lib, &packs, false) {
            Err(ImportError::NeedsConfirmation(i)) => assert_eq!(i.action, Some(ImportAction::Upgrade { installed: "1.0".into() })),
            other => panic!("{other:?}"),
        }
        assert_eq!(PackLibrary::load(Some(&packs)).get("sample-town").unwrap().version, "1.0");
        import_from_path(&fixture("sample-town-v2"), &lib, &packs, true).unwrap();
        assert_eq!(PackLibrary::load(Some(&packs)).get("sample-town").unwrap().version, "1.1");
    }

    #[test]
    fn broken_and_bundled_ids_are_refused_and_nothing_changes() {
        let data = tempfile::tempdir().unwrap();
        let packs = data.path().join("packs");
        let lib = PackLibrary::load(Some(&packs));
        match import_from_path(&fixture("broken-pack"), &lib, &packs, true) {
            Err(ImportError::Refused(i)) => {
                assert!(i.action.is_none());
                assert_eq!(i.problems.iter().filter(|p| p.is_error()).count(), 4);
            }
            other => panic!("{other:?}"),
        }
        assert!(!packs.join("broken-pack").exists());

        // A pack claiming a bundled id.
        let fake = tempfile::tempdir().unwrap();
        let kobe = fake.path().join("kobe");
        PackFiles::from_dir(&fixture("sample-town")).unwrap().write_to(&kobe).unwrap();
        let manifest = std::fs::read_to_string(kobe.join("pack.toml")).unwrap().replace("sample-town", "kobe").replace("1.0", "99");
        std::fs::write(kobe.join("pack.toml"), manifest).unwrap();
        std::fs::write(kobe.join("glossary.toml"), "").unwrap();
        match import_from_path(&kobe, &lib, &packs, true) {
            Err(ImportError::Refused(i)) => assert_eq!(i.action, Some(ImportAction::BundledId)),
            other => panic!("{other:?}"),
        }
        assert!(!packs.join("kobe").exists());
    }

    #[test]
    fn a_zip_imports_like_a_folder() {
        use std::io::Write;
        let data = tempfile::tempdir().unwrap();
        let zip_path = data.path().join("sample-town.zip");
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
        for (rel, bytes) in PackFiles::from_dir(&fixture("sample-town")).unwrap().files {
            zip.start_file(format!("sample-town/{rel}"), zip::write::SimpleFileOptions::default()).unwrap();
            zip.write_all(&bytes).unwrap();
        }
        zip.finish().unwrap();
        let packs = data.path().join("packs");
        let lib = PackLibrary::load(Some(&packs));
        assert_eq!(import_from_path(&zip_path, &lib, &packs, false).unwrap(), "sample-town");
        assert!(packs.join("sample-town/kihon.md").exists());
    }

    #[test]
    fn an_interrupted_swap_is_recovered() {
        let data = tempfile::tempdir().unwrap();
        let packs = data.path().join("packs");
        PackFiles::from_dir(&fixture("sample-town")).unwrap().write_to(&packs.join(".replaced-sample-town")).unwrap();
        std::fs::create_dir_all(packs.join(".incoming-sample-town")).unwrap();
        let lib = PackLibrary::load(Some(&packs));
        assert_eq!(lib.get("sample-town").unwrap().version, "1.0");
        assert!(!packs.join(".incoming-sample-town").exists());
    }
}
