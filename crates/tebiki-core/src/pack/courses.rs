//! `courses.toml`: the training courses a pack requires (研修), each with the
//! clause that requires it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum CourseKind {
    Annual,
    NewHire,
    Role,
    Drill,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct Course {
    pub id: String,
    pub title: String,
    pub kind: CourseKind,
    /// The clause that requires it.
    pub clause: String,
    /// new-hire: days after 採用日 by which it is due.
    #[serde(default)]
    pub within_days: Option<u32>,
    /// role / drill: who must attend (the pack's role names).
    #[serde(default)]
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseFile {
    #[serde(default)]
    pub course: Vec<Course>,
}

pub const DEFAULT_NEW_HIRE_DAYS: u32 = 90;
