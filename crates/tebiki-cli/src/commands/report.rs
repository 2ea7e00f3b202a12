//! `tebiki report selfcheck|training|certificate`: the PDF reports.

use super::{absolute, Context, Failure};
use crate::cli::{Cli, ReportArgs};
use crate::output;
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_i18n::{tr_args, Arg};
use tebiki_service::report::{export_report, ReportKind, ReportRequest};

/// Which report: its kind and, for 修了証, whose; for 自己点検, the 別冊 or not.
struct What<'a> {
    kind: ReportKind,
    role: Option<&'a str>,
    staff: Option<&'a str>,
    session: Option<i64>,
    detail: bool,
}

fn run(cli: &Cli, ctx: &Context, what: What, year: i32, args: &ReportArgs) -> Result<(), Failure> {
    let What { kind, role, staff, session, detail } = what;
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
        detail,
        role: role.map(str::to_owned),
        path: absolute(&args.out).display().to_string(),
    };
    let started = std::time::Instant::now();
    let report = export_report(&mut ctx.admin()?, &req).map_err(|e| ctx.fail(e))?;
    let size = if report.bytes >= 1_000_000 { format!("{:.1} MB", report.bytes as f64 / 1e6) } else { format!("{} KB", report.bytes.div_ceil(1000)) };
    let human = tr_args(ctx.lang, "report-written", &[("path", report.path.as_str().into()), ("pages", Arg::from(report.pages as i64)), ("size", size.into())]);
    let human = format!("{human} ({:.2} s)", started.elapsed().as_secs_f64());
    output::result(cli, &human, &report);
    Ok(())
}

pub fn selfcheck(cli: &Cli, ctx: &Context, year: i32, detail: bool, args: &ReportArgs) -> Result<(), Failure> {
    run(cli, ctx, What { kind: ReportKind::Selfcheck, role: None, staff: None, session: None, detail }, year, args)
}

/// `tebiki report department --year N (--dept CODE | --all) --out PATH`.
pub fn department(cli: &Cli, ctx: &Context, year: i32, all: bool, args: &ReportArgs) -> Result<(), Failure> {
    let args = ReportArgs { dept: if all { None } else { args.dept.clone() }, ..args.clone() };
    run(cli, ctx, What { kind: ReportKind::Department, role: None, staff: None, session: None, detail: false }, year, &args)
}

pub fn training(cli: &Cli, ctx: &Context, year: i32, args: &ReportArgs) -> Result<(), Failure> {
    run(cli, ctx, What { kind: ReportKind::Training, role: None, staff: None, session: None, detail: false }, year, args)
}

pub fn certificate(cli: &Cli, ctx: &Context, year: Option<i32>, staff: Option<&str>, session: Option<i64>, args: &ReportArgs) -> Result<(), Failure> {
    let year = year.unwrap_or_else(|| FiscalYear::of(chrono::Local::now().date_naive()).0);
    run(cli, ctx, What { kind: ReportKind::Certificate, role: None, staff, session, detail: false }, year, args)
}

/// `tebiki report form --year N [--role ROLE] [--staff NO | --dept CODE] --out FILE`.
pub fn form(cli: &Cli, ctx: &Context, year: i32, role: &str, staff: Option<&str>, args: &ReportArgs) -> Result<(), Failure> {
    run(cli, ctx, What { kind: ReportKind::Form, role: Some(role), staff, session: None, detail: false }, year, args)
}
