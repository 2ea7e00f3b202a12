//! `tebiki report selfcheck|training|certificate`: the PDF reports.

use super::{Context, Failure};
use crate::cli::{Cli, ReportArgs};
use crate::output;
use std::path::Path;
use tebiki_core::fiscal_year::FiscalYear;
use tebiki_core::pack::library::{imported_packs_dir, PackLibrary};
use tebiki_core::pack::Pack;
use tebiki_core::roster_import::parse_date;
use tebiki_core::settings::Language;
use tebiki_i18n::{tr_args, Arg};
use tebiki_report::{
    render_certificates, render_selfcheck, render_training, CertificateData, CertificateTarget, Rendered, ReportError, ReportFile, ReportOptions, SelfcheckData,
    TrainingData,
};

fn failure(lang: Language, message: String) -> Failure {
    Failure { lang, message }
}

fn report_failure(lang: Language, e: ReportError) -> Failure {
    failure(lang, e.localized(lang))
}

/// --pack, else the organisation chosen in the app.
fn pack_of(ctx: &Context, library: &PackLibrary, pack: Option<&str>) -> Result<Pack, Failure> {
    let lang = ctx.lang;
    let id = match pack {
        Some(p) => p.to_owned(),
        None => ctx.desk.settings().ok().and_then(|s| s.pack).ok_or_else(|| failure(lang, tr_args(lang, "training-no-pack", &[])))?,
    };
    library.get(&id).cloned().ok_or_else(|| failure(lang, tr_args(lang, "search-unknown-pack", &[("pack", id.as_str().into())])))
}

fn options(ctx: &Context, year: i32, args: &ReportArgs) -> Result<ReportOptions, Failure> {
    let lang = ctx.lang;
    let created = match &args.date {
        Some(d) => parse_date(d).ok_or_else(|| failure(lang, tr_args(lang, "training-bad-date", &[("value", d.as_str().into())])))?,
        None => chrono::Local::now().date_naive(),
    };
    // --approvers, else the 決裁欄 chosen in the app's 設定.
    let approvers = args.approvers.clone().or_else(|| ctx.desk.settings().ok().and_then(|s| s.approver_list()));
    Ok(ReportOptions { lang, year, dept: args.dept.clone(), approvers, author: args.author.clone(), created })
}

/// Writes next to `path` and renames into place, so that an interrupted
/// write never leaves a half PDF under the final name.
fn write(cli: &Cli, ctx: &Context, kind: &str, path: &Path, rendered: &Rendered) -> Result<(), Failure> {
    let lang = ctx.lang;
    let io = |e: std::io::Error| failure(lang, tr_args(lang, "error-io", &[("path", path.display().to_string().into()), ("detail", e.to_string().into())]));
    let tmp = path.with_extension("pdf.part");
    tebiki_core::private_file::write(&tmp, &rendered.bytes).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)?;
    let report = ReportFile { path: path.display().to_string(), pages: rendered.pages, bytes: rendered.bytes.len() };
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    ctx.store().audit(tebiki_store::Action::ReportExported, serde_json::json!({ "kind": kind, "file": file })).map_err(|e| super::fail(lang, &e))?;
    let size = if report.bytes >= 1_000_000 { format!("{:.1} MB", report.bytes as f64 / 1e6) } else { format!("{} KB", report.bytes.div_ceil(1000)) };
    let human = tr_args(lang, "report-written", &[("path", report.path.as_str().into()), ("pages", Arg::from(report.pages as i64)), ("size", size.into())]);
    output::result(cli, &human, &report);
    Ok(())
}

fn library(ctx: &Context) -> PackLibrary {
    PackLibrary::load(Some(&imported_packs_dir(&ctx.data_dir)))
}

pub fn selfcheck(cli: &Cli, ctx: &Context, year: i32, args: &ReportArgs) -> Result<(), Failure> {
    let lang = ctx.lang;
    let library = library(ctx);
    let pack = pack_of(ctx, &library, args.pack.as_deref())?;
    let opts = options(ctx, year, args)?;
    let data = SelfcheckData::load(ctx.store(), &pack, year, opts.dept.as_deref()).map_err(|e| report_failure(lang, e))?;
    let rendered = render_selfcheck(&data, &opts).map_err(|e| report_failure(lang, e))?;
    write(cli, ctx, "selfcheck", &args.out, &rendered)
}

pub fn training(cli: &Cli, ctx: &Context, year: i32, args: &ReportArgs) -> Result<(), Failure> {
    let lang = ctx.lang;
    let library = library(ctx);
    let pack = pack_of(ctx, &library, args.pack.as_deref())?;
    let opts = options(ctx, year, args)?;
    let data = TrainingData::load(ctx.store(), &pack, year, opts.dept.as_deref(), opts.created).map_err(|e| report_failure(lang, e))?;
    let rendered = render_training(&data, &opts).map_err(|e| report_failure(lang, e))?;
    write(cli, ctx, "training", &args.out, &rendered)
}

pub fn certificate(cli: &Cli, ctx: &Context, year: Option<i32>, staff: Option<&str>, session: Option<i64>, args: &ReportArgs) -> Result<(), Failure> {
    let lang = ctx.lang;
    let library = library(ctx);
    let pack = pack_of(ctx, &library, args.pack.as_deref())?;
    let year = year.unwrap_or_else(|| FiscalYear::of(chrono::Local::now().date_naive()).0);
    let opts = options(ctx, year, args)?;
    let target = match (staff, session) {
        (Some(no), Some(id)) => CertificateTarget::PersonAtSession(no.trim().to_owned(), id),
        (Some(no), None) => CertificateTarget::Person(no.trim().to_owned()),
        (None, Some(id)) => CertificateTarget::Session(id),
        // clap requires one of the two; say so rather than panic if that ever changes.
        (None, None) => return Err(report_failure(lang, ReportError::NothingToCertify)),
    };
    let data = CertificateData::load(ctx.store(), &pack, year, &target).map_err(|e| report_failure(lang, e))?;
    let rendered = render_certificates(&data, &opts).map_err(|e| report_failure(lang, e))?;
    write(cli, ctx, "certificate", &args.out, &rendered)
}
