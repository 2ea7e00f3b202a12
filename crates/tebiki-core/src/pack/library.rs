//! The packs the app knows: the five bundled in the binary and those an
//! organisation imported into its data folder.

use super::files::PackFiles;
use super::problem::Problem;
use super::{load, ClauseRef, Pack, PackOrigin};
use include_dir::{include_dir, Dir};
use std::collections::BTreeMap;
use std::path::Path;

/// Where a data folder keeps the packs an organisation imported: `<data>/packs/<id>/`.
pub fn imported_packs_dir(data_dir: &Path) -> std::path::PathBuf {
    data_dir.join("packs")
}

static BUNDLED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../content/packs");

/// The bundled packs' files, one per folder of content/packs.
pub fn bundled_files() -> Vec<PackFiles> {
    BUNDLED
        .dirs()
        .map(|dir| {
            let folder = dir.path().to_string_lossy().into_owned();
            let mut files = BTreeMap::new();
            let mut stack = vec![dir];
            while let Some(d) = stack.pop() {
                for f in d.files() {
                    let rel = f.path().strip_prefix(dir.path()).unwrap_or(f.path());
                    files.insert(rel.to_string_lossy().replace('\\', "/"), f.contents().to_vec());
                }
                stack.extend(d.dirs());
            }
            PackFiles { folder, files }
        })
        .collect()
}

#[derive(Default)]
pub struct PackLibrary {
    packs: Vec<Pack>,
    /// Imported packs that no longer load (folder, problems): shown in 設定.
    pub broken: Vec<(String, Vec<Problem>)>,
}

impl PackLibrary {
    /// The bundled packs and, if given, those imported into `imported_dir`.
    pub fn load(imported_dir: Option<&Path>) -> PackLibrary {
        let mut lib = PackLibrary::default();
        for files in bundled_files() {
            match load(&files, PackOrigin::Bundled).pack {
                Some(p) => lib.packs.push(p),
                // The bundled packs are checked by `make test`; a broken one
                // here is a build bug, reported rather than crashing the app.
                None => lib.broken.push((files.folder, Vec::new())),
            }
        }
        if let Some(dir) = imported_dir {
            super::import::recover(dir);
            if let Ok(entries) = std::fs::read_dir(dir) {
                let mut dirs: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_dir()).collect();
                dirs.sort();
                for path in dirs {
                    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                    if name.starts_with('.') {
                        continue;
                    }
                    match PackFiles::from_dir(&path) {
                        Ok(files) => {
                            let out = load(&files, PackOrigin::Imported);
                            match out.pack {
                                Some(p) if lib.get(&p.id).is_none() => lib.packs.push(p),
                                Some(_) => {}
                                None => lib.broken.push((name, out.problems)),
                            }
                        }
                        Err(_) => lib.broken.push((name, Vec::new())),
                    }
                }
            }
        }
        lib
    }

    pub fn packs(&self) -> &[Pack] {
        &self.packs
    }

    pub fn get(&self, id: &str) -> Option<&Pack> {
        self.packs.iter().find(|p| p.id == id)
    }

    /// A clause by its full id `pack/doc/local`.
    pub fn clause(&self, id: &str) -> Option<ClauseRef<'_>> {
        let (pack, _) = id.split_once('/')?;
        self.get(pack)?.clause(id)
    }
}
