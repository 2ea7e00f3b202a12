//! 自己点検の提出ファイル: the JSON format, its canonical form and integrity digest, and the checks on import.
//!
//! One file per submission, carried from the respondent's PC to the 情報政策課
//! on a USB stick or through the file-exchange system:
//!
//! ```json
//! { "format": "tebiki-selfcheck-submission", "format_version": 1,
//!   "pack": {"id": "kobe", "version": "2025.1", "content_hash": "…"},
//!   "year": 2025, "role": "info-manager", "role_name": "情報管理者",
//!   "respondent": {"employee_no": "100001", "name": "山田 太郎", "dept_code": "D001", "dept_name": "総務部総務課"},
//!   "version": 1,
//!   "started_at": "2025-06-01T09:00:00+09:00", "submitted_at": "2025-06-03T17:12:45+09:00",
//!   "answers": [{"item_id": "…", "answer": "partial", "comment": "", "remedy": "…", "due": "2025-12-31"}],
//!   "digest": "sha256:…" }
//! ```
//!
//! `version` is 1 for the first submission and +1 for each correction.
//! `digest` is SHA-256 over the canonical form of every other field (see
//! [`canonical_json`]), so a file that was re-indented or had its keys
//! reordered by an editor still verifies, while any changed value does not.
//! The digest detects damage and casual edits; it is not a signature (anyone
//! with the format can recompute it), and the documentation says so.

use crate::exchange::{self, digest_of};
pub use crate::exchange::{canonical_json, Refusal};
use crate::message::Message;
use crate::selfcheck::answers::{check, Answer, AnswerProblem, ItemAnswer, RemedyStatus};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use ts_rs::TS;

/// The `format` of every submission file.
pub const FORMAT: &str = "tebiki-selfcheck-submission";
/// The newest `format_version` this build reads. A file is written as 1
/// unless it records where its 改善策 stand (`progress`, version 2), so that
/// a Tebiki that knows only version 1 still reads every file it could before.
pub const FORMAT_VERSION: u64 = 2;
/// Larger files are refused unread: a questionnaire of a few hundred items
/// with long comments is well under 1 MB.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// The pack (and its exact text) the answers refer to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct PackRef {
    pub id: String,
    pub version: String,
    /// `Pack::content_hash`: SHA-256 hex of the pack's files.
    pub content_hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct Respondent {
    pub employee_no: String,
    pub name: String,
    pub dept_code: String,
    pub dept_name: String,
}

/// One answer as submitted (always answered: incomplete drafts are not submitted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct SubmittedAnswer {
    pub item_id: String,
    pub answer: Answer,
    pub comment: String,
    /// 改善策 ("" unless 一部実施 / 実施していない).
    pub remedy: String,
    /// 期限, ISO 8601; null when there is none. Required in the file (null
    /// or a date; `verify` checks) so that re-exporting an imported file
    /// gives the same digest.
    pub due: Option<String>,
}

impl SubmittedAnswer {
    pub fn to_item_answer(&self) -> ItemAnswer {
        ItemAnswer {
            item_id: self.item_id.clone(),
            answer: Some(self.answer),
            comment: self.comment.clone(),
            remedy: self.remedy.clone(),
            due: self.due.clone(),
            reconfirm: false,
        }
    }
}

/// Where one 改善策 stands, as of a day (an item of `answers` with a remedy).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct RemedyProgress {
    pub item_id: String,
    pub status: RemedyStatus,
    /// ISO 8601: the day of the status (完了した日 …).
    pub on: String,
    /// A short note (what was done; why it was withdrawn).
    pub note: String,
}

/// A submission: everything in the file except `format`, `format_version` and `digest`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    pub pack: PackRef,
    /// 年度 (2025 = 令和7年度)
    pub year: i32,
    /// The pack's role id.
    pub role: String,
    /// The role's name in the pack (情報管理者), for reading the file without the pack.
    pub role_name: String,
    pub respondent: Respondent,
    /// 1 for the first submission, +1 for each correction.
    pub version: u32,
    /// RFC 3339
    pub started_at: String,
    /// RFC 3339
    pub submitted_at: String,
    pub answers: Vec<SubmittedAnswer>,
    /// Where the 改善策 stand (format version 2); none: every one 未着手.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<RemedyProgress>,
}

impl Submission {
    /// The status of the 改善策 of `item_id` (未着手 when none is recorded).
    pub fn remedy_progress(&self, item_id: &str) -> Option<&RemedyProgress> {
        self.progress.iter().find(|p| p.item_id == item_id)
    }

    /// 2 when the file records where its 改善策 stand, else 1.
    pub fn format_version(&self) -> u64 {
        if self.progress.is_empty() {
            1
        } else {
            2
        }
    }
}

/// The file's field order: format first, digest last, so a person opening
/// the file in an editor reads it top to bottom.
#[derive(Serialize)]
struct Wire<'a> {
    format: &'static str,
    format_version: u64,
    #[serde(flatten)]
    body: &'a Submission,
    #[serde(skip_serializing_if = "Option::is_none")]
    digest: Option<&'a str>,
}

#[derive(Debug, thiserror::Error)]
#[error("cannot write the submission as JSON: {0}")]
pub struct WriteError(#[from] serde_json::Error);

/// The digest a submission's file carries.
pub fn digest(s: &Submission) -> Result<String, WriteError> {
    let value = serde_json::to_value(Wire { format: FORMAT, format_version: s.format_version(), body: s, digest: None })?;
    Ok(digest_of(&value))
}

/// A submission file's bytes and its digest.
#[derive(Debug, Clone)]
pub struct Written {
    /// Pretty-printed UTF-8 JSON (no BOM), ending with a newline.
    pub bytes: Vec<u8>,
    pub digest: String,
}

/// The file for a submission.
pub fn write(s: &Submission) -> Result<Written, WriteError> {
    let digest = digest(s)?;
    let mut bytes = serde_json::to_vec_pretty(&Wire { format: FORMAT, format_version: s.format_version(), body: s, digest: Some(&digest) })?;
    bytes.push(b'\n');
    Ok(Written { bytes, digest })
}

/// A part of a file name as ASCII letters, digits and `-`. Anything else
/// (a Japanese 所属コード such as 総務課 — the roster allows it) is dropped
/// and a short hash of the original is appended, so two different codes never
/// give the same name.
pub(crate) fn ascii_part(s: &str) -> String {
    let kept: String = s.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(32).collect();
    if !kept.is_empty() && kept == s {
        return kept;
    }
    let hash = Sha256::digest(s.as_bytes());
    let short: String = hash.iter().take(4).map(|b| format!("{b:02x}")).collect();
    if kept.is_empty() {
        format!("x{short}")
    } else {
        format!("{kept}-x{short}")
    }
}

/// The file name of a submission:
/// `selfcheck_2025_<dept_code>_<employee_no>_<role>_v<version>.json`.
///
/// ASCII only, on purpose. The files travel on USB sticks (FAT32/exFAT keep
/// long Japanese names fine) but also inside zip archives — Windows
/// Explorer's 「圧縮（zip 形式）フォルダー」 stores names in CP932 without the
/// UTF-8 flag, which other tools unpack as mojibake — through mail and
/// LGWAN file-exchange gateways that mangle or reject non-ASCII names, and
/// through macOS, which decomposes 「ダ」 into two code points. Everything a
/// person needs (所属名, 氏名, 役割名) is inside the file and shown on import.
pub fn file_name(s: &Submission) -> String {
    format!(
        "selfcheck_{}_{}_{}_{}_v{}.json",
        s.year,
        ascii_part(&s.respondent.dept_code),
        ascii_part(&s.respondent.employee_no),
        ascii_part(&s.role),
        s.version
    )
}

/// The answers were given against another text of the policy than the one
/// installed here. Accepted (the answers stand), but shown on import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct PackDifference {
    pub file_version: String,
    pub installed_version: String,
    /// Same version number, different files (a locally edited pack).
    pub same_version_other_text: bool,
}

impl PackDifference {
    pub fn message(&self) -> Message {
        if self.same_version_other_text {
            Message::new("submission-pack-other-text").arg("version", &self.file_version)
        } else {
            Message::new("submission-pack-other-version").arg("file", &self.file_version).arg("installed", &self.installed_version)
        }
    }
}

/// A file that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub submission: Submission,
    /// The file's digest (`sha256:<hex>`, lower case): the same file imported twice has the same one.
    pub digest: String,
    pub pack_difference: Option<PackDifference>,
}

/// Checks a submission file. `known_pack(id)` gives the installed pack's
/// (version, content_hash), or None when this PC does not have it.
///
/// Order of the checks: size, JSON, `format`, `format_version` (so a file
/// from a newer Tebiki says so instead of "wrong format"), digest, then the
/// fields and answers, then the pack.
pub fn verify(bytes: &[u8], known_pack: &dyn Fn(&str) -> Option<(String, String)>) -> Result<Verified, Refusal> {
    let (value, digest) = exchange::open(bytes, FORMAT, FORMAT_VERSION, MAX_FILE_BYTES)?;
    let wrong = |detail: &str| Refusal::WrongFormat { detail: detail.to_owned() };
    // serde takes a missing Option as None; the format wants `"due": null`.
    let answers = value.get("answers").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    if answers.iter().any(|a| a.get("due").is_none()) {
        return Err(wrong("an answer has no \"due\" (null or a date)"));
    }
    let submission: Submission = serde_json::from_value(value).map_err(|e| Refusal::WrongFormat { detail: e.to_string() })?;
    validate(&submission).map_err(Refusal::Invalid)?;
    let (installed_version, installed_hash) =
        known_pack(&submission.pack.id).ok_or_else(|| Refusal::UnknownPack { id: submission.pack.id.clone(), version: submission.pack.version.clone() })?;
    let pack_difference =
        (installed_version != submission.pack.version || !installed_hash.eq_ignore_ascii_case(&submission.pack.content_hash)).then(|| PackDifference {
            file_version: submission.pack.version.clone(),
            same_version_other_text: installed_version == submission.pack.version,
            installed_version,
        });
    Ok(Verified { submission, digest, pack_difference })
}

/// The rules every submission follows, whichever PC wrote it.
pub fn validate(s: &Submission) -> Result<(), Message> {
    let field = |name: &str| Message::new("submission-invalid-field").arg("field", name);
    let empty = |v: &str| v.trim().is_empty();
    if empty(&s.pack.id) {
        return Err(field("pack.id"));
    }
    if !(2000..=2200).contains(&s.year) {
        return Err(field("year"));
    }
    if empty(&s.role) {
        return Err(field("role"));
    }
    if empty(&s.respondent.employee_no) {
        return Err(field("respondent.employee_no"));
    }
    if s.version == 0 {
        return Err(field("version"));
    }
    for (name, t) in [("started_at", &s.started_at), ("submitted_at", &s.submitted_at)] {
        if chrono::DateTime::parse_from_rfc3339(t).is_err() {
            return Err(field(name));
        }
    }
    if s.answers.is_empty() {
        return Err(field("answers"));
    }
    let mut seen = HashSet::new();
    for a in &s.answers {
        if empty(&a.item_id) {
            return Err(field("answers.item_id"));
        }
        if !seen.insert(a.item_id.as_str()) {
            return Err(Message::new("submission-invalid-duplicate-item").arg("item", &a.item_id));
        }
        if let Some(p) = check(&a.to_item_answer()).into_iter().find(|p| *p != AnswerProblem::Reconfirm) {
            return Err(Message::new("submission-invalid-answer").arg("item", &a.item_id).arg("problem", p.as_str()));
        }
    }
    let mut seen = HashSet::new();
    for p in &s.progress {
        let with_remedy = s.answers.iter().any(|a| a.item_id == p.item_id && !a.remedy.trim().is_empty());
        if !with_remedy || !seen.insert(p.item_id.as_str()) || crate::selfcheck::answers::parse_due(&p.on).is_none() {
            return Err(Message::new("submission-invalid-progress").arg("item", &p.item_id));
        }
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests;
