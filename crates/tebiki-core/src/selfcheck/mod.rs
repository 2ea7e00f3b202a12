//! 自己点検: questionnaires in the packs, the obligations they check, coverage and drafts.
//!
//! - [`questionnaire`]: `selfcheck/<role>.toml`, loaded with the pack.
//! - [`obligation`]: the duties the policy text states, with the roles that bear them.
//! - [`coverage`]: per role, which of its duties its questionnaire asks about.
//! - [`draft`]: a questionnaire drafted from a role's duties, for a 自治体 writing its pack.

pub mod coverage;
pub mod draft;
pub mod obligation;
pub mod questionnaire;

pub use obligation::{Obligation, ObligationKind};
pub use questionnaire::{Item, Questionnaire};
