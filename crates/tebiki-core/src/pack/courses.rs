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
    /// Provenance (FORMAT.md, 「出典」): that the course is required, who
    /// attends, the deadline after 採用日, and the once-a-年度 frequency.
    /// None for courses an administrator added (the organisation's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<crate::pack::roles::Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles_source: Option<crate::pack::roles::Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_days_source: Option<crate::pack::roles::Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency_source: Option<crate::pack::roles::Source>,
}

impl Course {
    /// A course without provenance: one an administrator adds in the app.
    pub fn custom(id: String, title: String, kind: CourseKind, clause: String, within_days: Option<u32>, roles: Vec<String>) -> Course {
        Course { id, title, kind, clause, within_days, roles, source: None, roles_source: None, within_days_source: None, frequency_source: None }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseFile {
    #[serde(default)]
    pub course: Vec<Course>,
}

pub const DEFAULT_NEW_HIRE_DAYS: u32 = 90;
