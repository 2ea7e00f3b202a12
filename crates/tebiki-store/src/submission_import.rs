//! Importing 自己点検 submission files, for the CLI and the app alike: a
//! folder or a multi-selection, each file checked (format, digest, pack),
//! a refused file listed with its reason and never stopping the others.

use crate::selfcheck_held::held_reason;
use crate::{ImportOutcome, SelfcheckError, Store, StoreError};
use serde::Serialize;
use std::path::{Path, PathBuf};
use tebiki_core::bounded_read::BoundedReadError;
use tebiki_core::message::Message;
use tebiki_core::selfcheck::submission::{self, Respondent};
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
    pub warning: Option<Message>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RefusedFile {
    pub file: String,
    pub reason: Message,
}

/// A file held for the 管理者's decision: its version is not the next one
/// for that person, role and 年度 (`Store::accept_held` / `reject_held`).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct HeldFile {
    pub file: String,
    pub respondent: Respondent,
    pub role: String,
    pub role_name: String,
    pub year: i32,
    pub version: u32,
    pub expected_version: u32,
    /// Its number in the held list (`tebiki selfcheck held accept ID`).
    #[ts(type = "number")]
    pub held_id: i64,
    pub reason: Message,
}

/// The JSON of `tebiki selfcheck import --json` and what the app shows.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub accepted: Vec<AcceptedFile>,
    pub refused: Vec<RefusedFile>,
    /// Files not made current: their version skips ahead (issue 13).
    pub held: Vec<HeldFile>,
}

/// What one file came to.
enum FileOutcome {
    Accepted(AcceptedFile),
    Held(HeldFile),
    Refused(Message),
}

/// The submission files `paths` name: a file as it is, a folder's `*.json`
/// (not its subfolders; hidden files such as macOS's `._x.json` skipped).
/// Paths that cannot be read go to `report.refused`.
pub fn collect_submission_files(paths: &[PathBuf], report: &mut ImportReport) -> Vec<PathBuf> {
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
                Err(e) => {
                    report.refused.push(RefusedFile { file: p.display().to_string(), reason: Message::new("selfcheck-import-unreadable").arg("detail", e) })
                }
            }
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            report.refused.push(RefusedFile { file: p.display().to_string(), reason: Message::new("error-file-missing").arg("path", p.display()) });
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
        report: &mut ImportReport,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(), StoreError> {
        // Verified first, then imported in version order: the versions of one
        // person that arrive together (v1, v2, v3 in a folder) each find the
        // one before them, whatever the order of the file names.
        let mut verified = Vec::new();
        for (i, path) in files.iter().enumerate() {
            progress(i, files.len());
            match read_and_verify(path, known_pack) {
                Ok(v) => verified.push((path, v)),
                Err(reason) => self.refuse(path, reason, report)?,
            }
        }
        verified.sort_by_key(|(_, v)| v.submission.version);
        for (path, v) in verified {
            match self.import_verified(path, &v)? {
                FileOutcome::Accepted(a) => report.accepted.push(a),
                FileOutcome::Held(h) => report.held.push(h),
                FileOutcome::Refused(reason) => self.refuse(path, reason, report)?,
            }
        }
        progress(files.len(), files.len());
        Ok(())
    }

    fn refuse(&mut self, path: &Path, reason: Message, report: &mut ImportReport) -> Result<(), StoreError> {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        // The reason is kept as its message (key and arguments): the 操作記録
        // shows it in the reader's language.
        self.audit(crate::Action::SubmissionRefused, serde_json::json!({ "file": name, "reason": reason }))?;
        report.refused.push(RefusedFile { file: path.display().to_string(), reason });
        Ok(())
    }

    fn import_verified(&mut self, path: &Path, verified: &submission::Verified) -> Result<FileOutcome, StoreError> {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let s = &verified.submission;
        let outcome = match self.import_submission(s, &verified.digest, &name) {
            Ok(outcome) => outcome,
            Err(SelfcheckError::Store(e)) => return Err(e),
            Err(e) => return Ok(FileOutcome::Refused(e.message())),
        };
        if let ImportOutcome::Held { version, expected_version, held_id } = outcome {
            return Ok(FileOutcome::Held(HeldFile {
                file: path.display().to_string(),
                respondent: s.respondent.clone(),
                role: s.role.clone(),
                role_name: s.role_name.clone(),
                year: s.year,
                version,
                expected_version,
                held_id,
                reason: held_reason(version, expected_version),
            }));
        }
        Ok(FileOutcome::Accepted(AcceptedFile {
            file: path.display().to_string(),
            respondent: s.respondent.clone(),
            role: s.role.clone(),
            role_name: s.role_name.clone(),
            year: s.year,
            version: s.version,
            status: outcome.status().to_owned(),
            warning: verified.pack_difference.as_ref().map(|d| d.message()),
        }))
    }
}

/// Reads a file (its size checked before reading) and verifies it; the
/// reason for the 管理者 when it is refused.
fn read_and_verify(path: &Path, known_pack: &dyn Fn(&str) -> Option<(String, String)>) -> Result<submission::Verified, Message> {
    // The size limit is checked from the file's length, before reading it.
    let bytes = match tebiki_core::bounded_read::read_at_most(path, submission::MAX_FILE_BYTES as u64) {
        Ok(b) => b,
        Err(BoundedReadError::TooLarge { .. }) => return Err(submission::Refusal::TooLarge { max: submission::MAX_FILE_BYTES }.message()),
        Err(BoundedReadError::Io(e)) => return Err(Message::new("selfcheck-import-unreadable").arg("detail", e)),
    };
    submission::verify(&bytes, known_pack).map_err(|refusal| refusal.message())
}
