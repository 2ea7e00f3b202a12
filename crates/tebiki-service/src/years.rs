//! A 年度 from outside (an IPC argument, `--year`): only a sane range is
//! taken (tebiki-core's rule), so that date arithmetic on it can never overflow.

use crate::error::{ErrorCode, ServiceResult};
use crate::session::Session;
use tebiki_core::calendar::fiscal_year::FiscalYear;

pub(crate) fn checked(session: &Session, year: i32) -> ServiceResult<i32> {
    FiscalYear::new(year).map(|fy| fy.0).map_err(|m| session.err_message(ErrorCode::Invalid, &m))
}
