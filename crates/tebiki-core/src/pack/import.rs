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
        pack_id: out.pack.as_ref().map(|p| p.id.clone()),
        title: out.pack.as_ref().map(|p| p.title.clone()),
        organization: out.pack.as_ref().map(|p| p.organization.name.clone()),
        version: out.pack.as_ref().map(|p| p.version.clone()),
        clause_count: out.pack.as_ref().map(|p| p.clause_count()).unwrap_or(0),
        problems: out.problems,
        action,
    }
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
        std::fs::rename(&target, &replaced)?;
    }
    std::fs::rename(&incoming, &target)?;
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
