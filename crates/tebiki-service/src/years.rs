//! A 年度 from outside (an IPC argument, `--year`): only a sane range is
//! taken, so that date arithmetic on it can never overflow.

use crate::error::{ErrorCode, ServiceResult};
use crate::session::Session;

/// 平成元年 to a horizon no policy will reach.
const FIRST_YEAR: i32 = 1989;
const LAST_YEAR: i32 = 2200;

pub(crate) fn checked(session: &Session, year: i32) -> ServiceResult<i32> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        Ok(year)
    } else {
        Err(session.err_args(
            ErrorCode::Invalid,
            "error-year-out-of-range",
            &[("year", year.to_string().into()), ("first", FIRST_YEAR.to_string().into()), ("last", LAST_YEAR.to_string().into())],
        ))
    }
}
