//! The files of one pack, read from a folder, a zip or the binary, held in
//! memory (packs are small) so that validation and import see one snapshot.

use crate::bounded_read::{read_at_most, read_bounded, BoundedReadError};
use std::collections::BTreeMap;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

/// Limits that keep a hostile zip or folder from exhausting memory.
const MAX_FILES: usize = 500;
const MAX_TOTAL_BYTES: u64 = 50 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum PackFilesError {
    #[error("cannot read {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path} is not a readable zip file: {detail}")]
    Zip { path: PathBuf, detail: String },
    #[error("{path} holds no pack.toml")]
    NoManifest { path: PathBuf },
    #[error("{path} is larger than a policy pack can be")]
    TooLarge { path: PathBuf },
}

#[derive(Debug, Clone)]
pub struct PackFiles {
    /// The folder name the pack came in (must equal its id).
    pub folder: String,
    /// Relative path (with `/`) → contents.
    pub files: BTreeMap<String, Vec<u8>>,
}

/// A relative path inside a pack that is safe to write below a folder:
/// no absolute paths, no `..`, only plain name characters.
pub fn is_safe_relative_path(p: &str) -> bool {
    !p.is_empty()
        && !p.starts_with('/')
        && p.split('/')
            .all(|part| !part.is_empty() && part != "." && part != ".." && part.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
}

impl PackFiles {
    /// SHA-256 over every file (path, length, bytes, in path order), hex.
    /// Submissions record it so an answer can be tied to the exact text.
    pub fn content_hash(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for (path, bytes) in &self.files {
            h.update(path.as_bytes());
            h.update([0]);
            h.update((bytes.len() as u64).to_be_bytes());
            h.update(bytes);
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn get(&self, rel: &str) -> Option<&[u8]> {
        self.files.get(rel).map(Vec::as_slice)
    }

    /// A pack already in memory: `folder` and relative path (with `/`) →
    /// contents. Used by the fuzz targets and tests; nothing is checked here
    /// (`load` checks the paths, as for a folder or a zip).
    pub fn from_entries(folder: &str, files: BTreeMap<String, Vec<u8>>) -> PackFiles {
        PackFiles { folder: folder.to_owned(), files }
    }

    /// A pack folder on disk: the folder holding `pack.toml`.
    pub fn from_dir(dir: &Path) -> Result<PackFiles, PackFilesError> {
        let io = |path: &Path, source| PackFilesError::Io { path: path.to_owned(), source };
        if !dir.join("pack.toml").is_file() {
            return Err(PackFilesError::NoManifest { path: dir.to_owned() });
        }
        let mut files = BTreeMap::new();
        let mut total = 0u64;
        let mut stack = vec![(dir.to_owned(), String::new())];
        while let Some((path, prefix)) = stack.pop() {
            for entry in std::fs::read_dir(&path).map_err(|e| io(&path, e))? {
                let entry = entry.map_err(|e| io(&path, e))?;
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') {
                    continue;
                }
                let rel = format!("{prefix}{name}");
                let ft = entry.file_type().map_err(|e| io(&entry.path(), e))?;
                if ft.is_dir() {
                    stack.push((entry.path(), format!("{rel}/")));
                } else if ft.is_file() {
                    if files.len() >= MAX_FILES {
                        return Err(PackFilesError::TooLarge { path: dir.to_owned() });
                    }
                    // What is left of the pack's budget, checked from the file's length before reading.
                    let bytes = read_at_most(&entry.path(), MAX_TOTAL_BYTES - total).map_err(|e| match e {
                        BoundedReadError::TooLarge { .. } => PackFilesError::TooLarge { path: dir.to_owned() },
                        BoundedReadError::Io(e) => io(&entry.path(), e),
                    })?;
                    total += bytes.len() as u64;
                    files.insert(rel, bytes);
                }
                // Symlinks and other special files are not part of a pack.
            }
        }
        let folder = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        Ok(PackFiles { folder, files })
    }

    /// A zip holding one pack: `pack.toml` at the top, or inside one folder.
    pub fn from_zip(path: &Path) -> Result<PackFiles, PackFilesError> {
        let file = std::fs::File::open(path).map_err(|e| PackFilesError::Io { path: path.to_owned(), source: e })?;
        PackFiles::from_zip_reader(path, file)
    }

    /// A zip already open (or in memory, for the fuzz target); `path` names
    /// it in messages and gives the folder name when the zip has none.
    pub fn from_zip_reader(path: &Path, reader: impl Read + Seek) -> Result<PackFiles, PackFilesError> {
        let zip_err = |detail: String| PackFilesError::Zip { path: path.to_owned(), detail };
        let mut archive = zip::ZipArchive::new(reader).map_err(|e| zip_err(e.to_string()))?;
        if archive.len() > MAX_FILES {
            return Err(PackFilesError::TooLarge { path: path.to_owned() });
        }
        let names: Vec<String> = archive.file_names().filter_map(Result::ok).map(|n| n.into_owned()).collect();
        let manifest = names
            .iter()
            .filter(|n| n.rsplit('/').next() == Some("pack.toml"))
            .min_by_key(|n| n.matches('/').count())
            .ok_or_else(|| PackFilesError::NoManifest { path: path.to_owned() })?;
        let root = manifest.trim_end_matches("pack.toml").to_owned();
        let folder = root
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .unwrap_or_else(|| path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default());
        let mut files = BTreeMap::new();
        let mut total = 0u64;
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).map_err(|e| zip_err(e.to_string()))?;
            if entry.is_dir() {
                continue;
            }
            let Ok(name) = entry.name().map(|n| n.into_owned()) else { continue };
            let Some(rel) = name.strip_prefix(&root) else { continue };
            if rel.split('/').any(|p| p.starts_with('.')) {
                continue;
            }
            // The declared size is the archive's claim, not a fact: it is only
            // compared with what is left of the budget (never added up, never
            // used to allocate), and what is read is cut off past the budget.
            let left = MAX_TOTAL_BYTES - total;
            let declared = entry.size();
            let bytes = read_bounded(entry.by_ref(), Some(declared), left).map_err(|e| match e {
                BoundedReadError::TooLarge { .. } => PackFilesError::TooLarge { path: path.to_owned() },
                BoundedReadError::Io(e) => zip_err(e.to_string()),
            })?;
            total += bytes.len() as u64;
            files.insert(rel.to_owned(), bytes);
        }
        Ok(PackFiles { folder, files })
    }

    /// A folder or a `.zip`.
    pub fn from_path(path: &Path) -> Result<PackFiles, PackFilesError> {
        if path.is_dir() {
            PackFiles::from_dir(path)
        } else if path.exists() {
            PackFiles::from_zip(path)
        } else {
            Err(PackFilesError::Io { path: path.to_owned(), source: std::io::Error::from(std::io::ErrorKind::NotFound) })
        }
    }

    /// Writes the pack into `dest` (which must not exist yet). Paths were
    /// checked by validation; unsafe ones are skipped here as a second guard.
    pub fn write_to(&self, dest: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dest)?;
        for (rel, bytes) in &self.files {
            if !is_safe_relative_path(rel) {
                continue;
            }
            let path = dest.join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, bytes)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_paths() {
        assert!(is_safe_relative_path("pack.toml"));
        assert!(is_safe_relative_path("questionnaires/shokuin.toml"));
        for bad in ["", "/etc/passwd", "../x", "a/../b", "a//b", "a\\b", "日本語.md", "a/./b"] {
            assert!(!is_safe_relative_path(bad), "{bad}");
        }
    }
}
