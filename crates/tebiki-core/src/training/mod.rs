//! 研修: the course catalogue of a pack and who must attend what in a 年度.
//!
//! Rules (神戸市 7.2.2, 7.2.3 and the like in every pack):
//! - 年次研修 (`annual`): everyone employed at any time in the 年度, by March 31.
//!   For someone hired in that 年度, the 新規採用者研修 counts as it too.
//! - 新規採用者研修 (`new-hire`): people hired in the 年度, within N days of 採用日.
//! - role courses (`role`) and drills (`drill`): holders of the listed roles
//!   (a drill with no roles is for everyone), by March 31.
//!
//! The 年度 boundary resets what is due; attendance of earlier years is kept.

pub mod catalogue;
pub mod elearning;
pub mod overview;
pub mod requirements;
