//! Importing 自己点検 submission files, for the CLI and the app alike: a
//! folder or a multi-selection, each file checked (format, digest, pack),
//! a refused file listed with its reason and never stopping the others.

use crate::{SelfcheckError, Store, StoreError};
use serde::Serialize;
use std::path::{Path, PathBuf};
use tebiki_core::settings::Language;
use tebiki_core::selfcheck::submission::{self, Respondent};
use tebiki_i18n::{tr_args, tr_message};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AcceptedFile {
    pub file: String,
    pub respondent: Respondent,
    pub role: String,
    pub role_name: String,
    pub year: i32,
    pub version: u32,
    /// imported / duplicate / superseded
    pub status: String,
    /// The policy version differs from the one installed (accepted anyway).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RefusedFile {
    pub file: String,
    pub reason: String,
}

/// The JSON of `tebiki selfcheck import --json` and what the app shows.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub accepted: Vec<AcceptedFile>,
    pub refused: Vec<RefusedFile>,
}

/// The submission files `paths` name: a file as it is, a folder's `*.json`
/// (not its subfolders; hidden files such as macOS's `._x.json` skipped).
/// Paths that cannot be read go to `report.refused`.
pub fn collect_submission_files(paths: &[PathBuf], lang: Language, report: &mut ImportReport) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            match std::fs::read_dir(p) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> = entries
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|f| f.is_file())
                        .filter(|f| f.extension().is_some_and(|x| x.eq_ignore_ascii_case("json")))
                        .filter(|f| !f.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
                        .collect();
                    found.sort();
                    files.extend(found);
                }
                Err(e) => report.refused.push(RefusedFile {
                    file: p.display().to_string(),
                    reason: tr_args(lang, "selfcheck-import-unreadable", &[("detail", e.to_string().into())]),
                }),
            }
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            report.refused.push(RefusedFile {
                file: p.display().to_string(),
                reason: tr_args(lang, "error-file-missing", &[("path", p.display().to_string().into())]),
            });
        }
    }
    files
}

impl Store {
    /// Verifies and imports each file, telling `progress(done, total)` after
    /// each. `known_pack(id)` gives an installed pack's version and content
    /// hash. Only a database failure ends the run.
    pub fn import_submission_files(
        &mut self,
        files: &[PathBuf],
        known_pack: &dyn Fn(&str) -> Option<(String, String)>,
        lang: Language,
        report: &mut ImportReport,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(), StoreError> {
        for (i, path) in files.iter().enumerate() {
            progress(i, files.len());
            if let Some(r) = self.import_submission_file(path, known_pack, lang)? {
                match r {
                    Ok(a) => report.accepted.push(a),
                    Err(reason) => {
                        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                        self.audit(crate::Action::SubmissionRefused, serde_json::json!({ "file": name, "reason": reason }))?;
                        report.refused.push(RefusedFile { file: path.display().to_string(), reason })
                    }
                }
            }
        }
        progress(files.len(), files.len());
        Ok(())
    }

    fn import_submission_file(
        &mut self,
        path: &Path,
        known_pack: &dyn Fn(&str) -> Option<(String, String)>,
        lang: Language,
    ) -> Result<Option<Result<AcceptedFile, String>>, StoreError> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return Ok(Some(Err(tr_args(lang, "selfcheck-import-unreadable", &[("detail", e.to_string().into())])))),
        };
        let verified = match submission::verify(&bytes, known_pack) {
            Ok(v) => v,
            Err(refusal) => return Ok(Some(Err(tr_message(lang, &refusal.message())))),
        };
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let s = &verified.submission;
        let status = match self.import_submission(s, &verified.digest, &name) {
            Ok(outcome) => outcome.status(),
            Err(SelfcheckError::Store(e)) => return Err(e),
            Err(e) => return Ok(Some(Err(e.localized(lang)))),
        };
        Ok(Some(Ok(AcceptedFile {
            file: path.display().to_string(),
            respondent: s.respondent.clone(),
            role: s.role.clone(),
            role_name: s.role_name.clone(),
            year: s.year,
            version: s.version,
            status: status.to_owned(),
            warning: verified.pack_difference.as_ref().map(|d| tr_message(lang, &d.message())),
        })))
    }
}
