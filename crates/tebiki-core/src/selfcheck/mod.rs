//! 自己点検: answering a questionnaire, the submission file, the 集計, and
//! for pack authors coverage and drafts. The questionnaires themselves and the
//! duties they check are part of the pack ([`crate::pack::questionnaire`],
//! [`crate::pack::obligation`]).
//!
//! - [`answers`]: an answer and what keeps a draft from being submitted.
//! - [`submission`]: the submission file (canonical form, digest).
//! - [`dashboard`]: the 集計 of a 年度.
//! - [`coverage`]: per role, which of its duties its questionnaire asks about.
//! - [`draft`]: a questionnaire drafted from a role's duties, for a 自治体 writing its pack.

pub mod answers;
pub mod coverage;
pub mod dashboard;
pub mod draft;
pub mod submission;
