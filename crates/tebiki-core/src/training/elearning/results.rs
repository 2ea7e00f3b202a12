//! 受講記録ファイル: one person's e-learning results and 閲覧確認 for one
//! pack and 年度, written on the staff PC and imported by the 管理者. The
//! same discipline as the 自己点検 submission file: canonical JSON, SHA-256
//! digest over it, refused whole when anything does not hold
//! (docs/training-results.md documents every field).

use crate::exchange::{self, digest_of, Refusal};
use crate::message::Message;
use crate::selfcheck::submission::{ascii_part, PackRef, Respondent};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const FORMAT: &str = "tebiki-training-results";
pub const FORMAT_VERSION: u64 = 1;
/// A year of attempts is a few kilobytes.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// Everything in the file except `format`, `format_version` and `digest`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct TrainingResults {
    pub pack: PackRef,
    /// 年度 (2026 = 令和8年度)
    pub year: i32,
    pub person: Respondent,
    pub courses: Vec<CourseResult>,
    /// Every 閲覧確認 given in the 年度, oldest first (one per pack version).
    pub acknowledgements: Vec<Acknowledgement>,
    /// RFC 3339: when the file was written.
    pub written_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct CourseResult {
    /// The course id of the pack's courses.toml.
    pub course: String,
    pub title: String,
    /// The pass mark in force when the attempts were made.
    pub pass_percent: u32,
    pub attempts: Vec<Attempt>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct Attempt {
    /// 1, 2, … in the 年度.
    pub number: u32,
    pub started_at: String,
    pub finished_at: String,
    /// The questions drawn, in the order asked.
    pub answers: Vec<AttemptAnswer>,
    /// Right answers.
    pub score: u32,
    /// Questions asked.
    pub total: u32,
    pub passed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct AttemptAnswer {
    /// The question id of the course's bank.
    pub question: String,
    /// The choice made: 1–4; for ○×, 1 = ○ and 2 = ×.
    pub chosen: u8,
    pub correct: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct Acknowledgement {
    pub pack_version: String,
    pub content_hash: String,
    /// The sentence the person confirmed, as shown.
    pub wording: String,
    pub confirmed_at: String,
}

impl Attempt {
    pub fn percent(&self) -> u32 {
        (self.score * 100).checked_div(self.total).unwrap_or(0)
    }
}

impl CourseResult {
    /// The first passing attempt.
    pub fn passing(&self) -> Option<&Attempt> {
        self.attempts.iter().find(|a| a.passed)
    }

    /// The attempt that counts: the first passing one, else the best.
    pub fn counted(&self) -> Option<&Attempt> {
        self.passing().or_else(|| self.attempts.iter().max_by_key(|a| a.percent()))
    }
}

impl TrainingResults {
    pub fn course(&self, id: &str) -> Option<&CourseResult> {
        self.courses.iter().find(|c| c.course == id)
    }
}

#[derive(Serialize)]
struct Wire<'a> {
    format: &'static str,
    format_version: u64,
    #[serde(flatten)]
    body: &'a TrainingResults,
    #[serde(skip_serializing_if = "Option::is_none")]
    digest: Option<&'a str>,
}

/// The digest a file carries: `sha256:` and the hex SHA-256 of the
/// canonical form of every field but `digest`.
pub fn digest(r: &TrainingResults) -> Result<String, serde_json::Error> {
    Ok(digest_of(&serde_json::to_value(Wire { format: FORMAT, format_version: FORMAT_VERSION, body: r, digest: None })?))
}

/// The file's bytes (pretty UTF-8 JSON, newline at the end) and its digest.
pub fn write(r: &TrainingResults) -> Result<(Vec<u8>, String), serde_json::Error> {
    let digest = digest(r)?;
    let mut bytes = serde_json::to_vec_pretty(&Wire { format: FORMAT, format_version: FORMAT_VERSION, body: r, digest: Some(&digest) })?;
    bytes.push(b'\n');
    Ok((bytes, digest))
}

/// `training_2026_<dept_code>_<employee_no>_<pack>.json`, ASCII only (see
/// `submission::file_name` for why).
pub fn file_name(r: &TrainingResults) -> String {
    format!("training_{}_{}_{}_{}.json", r.year, ascii_part(&r.person.dept_code), ascii_part(&r.person.employee_no), ascii_part(&r.pack.id))
}

/// A file that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub results: TrainingResults,
    pub digest: String,
}

/// Checks a file: the envelope (size, JSON, format, version, digest), the
/// fields, and that the pack is installed here (`known_pack(id)`).
pub fn verify(bytes: &[u8], known_pack: &dyn Fn(&str) -> bool) -> Result<Verified, Refusal> {
    let (value, digest) = exchange::open(bytes, FORMAT, FORMAT_VERSION, MAX_FILE_BYTES)?;
    let results: TrainingResults = serde_json::from_value(value).map_err(|e| Refusal::WrongFormat { detail: e.to_string() })?;
    validate(&results).map_err(Refusal::Invalid)?;
    if !known_pack(&results.pack.id) {
        return Err(Refusal::UnknownPack { id: results.pack.id.clone(), version: results.pack.version.clone() });
    }
    Ok(Verified { results, digest })
}

/// The rules every file follows, whichever PC wrote it: the scores are the
/// count of its answers marked right, `passed` agrees with the pass mark.
pub fn validate(r: &TrainingResults) -> Result<(), Message> {
    let field = |name: &str| Message::new("training-results-invalid-field").arg("field", name);
    let time = |t: &str| chrono::DateTime::parse_from_rfc3339(t).is_ok();
    if r.pack.id.trim().is_empty() {
        return Err(field("pack.id"));
    }
    if !(2000..=2200).contains(&r.year) {
        return Err(field("year"));
    }
    if r.person.employee_no.trim().is_empty() || r.person.name.trim().is_empty() {
        return Err(field("person"));
    }
    if !time(&r.written_at) {
        return Err(field("written_at"));
    }
    for c in &r.courses {
        if c.course.trim().is_empty() || !(1..=100).contains(&c.pass_percent) {
            return Err(field("courses"));
        }
        for (i, a) in c.attempts.iter().enumerate() {
            let right = a.answers.iter().filter(|x| x.correct).count() as u32;
            let consistent = a.number as usize == i + 1
                && a.total as usize == a.answers.len()
                && a.total > 0
                && a.score == right
                && a.passed == (a.score * 100 >= a.total * c.pass_percent)
                && a.answers.iter().all(|x| (1..=4).contains(&x.chosen) && !x.question.is_empty())
                && time(&a.started_at)
                && time(&a.finished_at);
            if !consistent {
                return Err(Message::new("training-results-invalid-attempt").arg("course", &c.course).arg("attempt", i + 1));
            }
        }
    }
    if r.acknowledgements.iter().any(|a| a.pack_version.trim().is_empty() || !time(&a.confirmed_at)) {
        return Err(field("acknowledgements"));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
