//! 和暦, the 年度 (April–March) and dates as people type them.

pub mod fiscal_year;
pub mod typed_date;
pub mod wareki;
