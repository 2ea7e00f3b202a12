//! `tebiki report selfcheck|training|certificate`: the PDF reports.

use super::{absolute, Context, Failure};
use crate::cli::{Cli, ReportArgs};
use crate::output;
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_i18n::{tr_args, Arg};
use tebiki_service::report::{export_report, ReportKind, ReportRequest};

fn run(cli: &Cli, ctx: &Context, kind: ReportKind, year: i32, staff: Option<&str>, session: Option<i64>, args: &ReportArgs) -> Result<(), Failure> {
    let req = ReportRequest {
        kind,
        year,
        dept: args.dept.clone(),
        staff: staff.map(str::to_owned),
        session,
        approvers: args.approvers.clone(),
        author: args.author.clone(),
        date: args.date.clone(),
        pack: args.pack.clone(),
        path: absolute(&args.out).display().to_string(),
    };
    let report = export_report(&mut ctx.admin()?, &req).map_err(|e| ctx.fail(e))?;
    let size = if report.bytes >= 1_000_000 { format!("{:.1} MB", report.bytes as f64 / 1e6) } else { format!("{} KB", report.bytes.div_ceil(1000)) };
    let human = tr_args(ctx.lang, "report-written", &[("path", report.path.as_str().into()), ("pages", Arg::from(report.pages as i64)), ("size", size.into())]);
    output::result(cli, &human, &report);
    Ok(())
}

pub fn selfcheck(cli: &Cli, ctx: &Context, year: i32, args: &ReportArgs) -> Result<(), Failure> {
    run(cli, ctx, ReportKind::Selfcheck, year, None, None, args)
}

pub fn training(cli: &Cli, ctx: &Context, year: i32, args: &ReportArgs) -> Result<(), Failure> {
    run(cli, ctx, ReportKind::Training, year, None, None, args)
}

pub fn certificate(cli: &Cli, ctx: &Context, year: Option<i32>, staff: Option<&str>, session: Option<i64>, args: &ReportArgs) -> Result<(), Failure> {
    let year = year.unwrap_or_else(|| FiscalYear::of(chrono::Local::now().date_naive()).0);
    run(cli, ctx, ReportKind::Certificate, year, staff, session, args)
}
