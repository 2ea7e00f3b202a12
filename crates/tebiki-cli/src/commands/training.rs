//! `tebiki training record …` and `tebiki training status --year N`

use super::{absolute, Context, Failure};
use crate::cli::Cli;
use crate::output;
use serde::Serialize;
use std::path::PathBuf;
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_i18n::{tr_args, Arg};
use tebiki_service::training::{self, SessionRecord};
use tebiki_store::Method;

pub struct RecordArgs<'a> {
    pub course: &'a String,
    pub date: &'a String,
    pub method: &'a String,
    pub trainer: &'a Option<String>,
    pub place: &'a Option<String>,
    pub dept: &'a Option<String>,
    pub staff: &'a Vec<String>,
    pub attendance: &'a Option<PathBuf>,
    pub pack: &'a Option<String>,
}

#[derive(Serialize)]
struct RecordReport {
    session_id: i64,
    pack_id: String,
    course_id: String,
    held_on: String,
    attendees: usize,
    unmatched: Vec<String>,
}

pub fn record(cli: &Cli, ctx: &Context, a: RecordArgs) -> Result<(), Failure> {
    let lang = ctx.lang;
    let method =
        Method::parse(a.method).ok_or_else(|| Failure { lang, message: tr_args(lang, "training-bad-method", &[("value", a.method.as_str().into())]) })?;
    let mut admin = ctx.admin()?;
    // Attendees: the 職員番号 given, a 所属's members, an attendance CSV's rows.
    let mut staff = a.staff.clone();
    if let Some(code) = a.dept {
        staff.extend(training::department_members(&admin, code).map_err(|e| ctx.fail(e))?);
    }
    if let Some(file) = a.attendance {
        staff.extend(training::attendance_numbers(&mut admin, &absolute(file)).map_err(|e| ctx.fail(e))?);
    }
    let record = SessionRecord {
        pack: a.pack.as_deref(),
        course_id: a.course,
        held_on: a.date,
        method,
        trainer: a.trainer.clone(),
        place: a.place.clone(),
        employee_nos: staff,
    };
    let (pack, recorded, held_on) = training::record_session(&mut admin, record).map_err(|e| ctx.fail(e))?;
    let report = RecordReport {
        session_id: recorded.id,
        pack_id: pack.id,
        course_id: a.course.clone(),
        held_on,
        attendees: recorded.attendees,
        unmatched: recorded.unknown,
    };
    let human = tr_args(
        lang,
        "training-recorded",
        &[("attendees", Arg::from(report.attendees as i64)), ("unmatched", Arg::from(report.unmatched.len() as i64)), ("date", report.held_on.as_str().into())],
    );
    output::result(cli, &human, &report);
    Ok(())
}

pub fn status(cli: &Cli, ctx: &Context, year: i32, pack: Option<&str>) -> Result<(), Failure> {
    let lang = ctx.lang;
    let report = training::training_status(&mut ctx.admin()?, year, pack).map_err(|e| ctx.fail(e))?;
    if cli.json {
        output::line(&serde_json::to_string_pretty(&report).expect("report serialises"));
        return Ok(());
    }
    output::line(&tr_args(
        lang,
        "training-status-summary",
        &[("year", FiscalYear(year).wareki().into()), ("people", Arg::from(report.people as i64)), ("rate", Arg::Num(report.completion_rate))],
    ));
    for p in report.staff.iter().filter(|p| !p.overdue.is_empty()) {
        output::line(&format!("  {} {} ({}) — {}", p.employee_no, p.name, p.dept_name, p.overdue.join(", ")));
    }
    Ok(())
}
