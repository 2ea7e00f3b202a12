//! `tebiki roster import FILE [--dry-run] [--partial] [--strict] [--json]`

use super::{absolute, Context, Failure};
use crate::cli::Cli;
use crate::output;
use serde::Serialize;
use std::path::Path;
use tebiki_i18n::{tr, tr_args, tr_message, Arg};
use tebiki_service::roster::{import_roster, RosterImport};

#[derive(Serialize)]
struct Rejected {
    line: usize,
    reason: String,
}

#[derive(Serialize)]
struct ImportReport {
    file: String,
    encoding: String,
    dry_run: bool,
    added: usize,
    updated: usize,
    deactivated: usize,
    unchanged: usize,
    rejected: Vec<Rejected>,
}

pub fn import(cli: &Cli, ctx: &Context, file: &Path, dry_run: bool, full: bool, strict: bool) -> Result<(), Failure> {
    let lang = ctx.lang;
    let how = RosterImport { mapping: None, full, strict, dry_run };
    let outcome = import_roster(&mut ctx.admin()?, &absolute(file), &how, &mut |_, _| {}).map_err(|e| ctx.fail(e))?;
    let plan = &outcome.plan;
    let report = ImportReport {
        file: file.display().to_string(),
        encoding: outcome.encoding.clone(),
        dry_run: outcome.dry_run,
        added: plan.added.len(),
        updated: plan.updated.len(),
        deactivated: plan.deactivated.len(),
        unchanged: plan.unchanged,
        rejected: outcome.rejected.iter().map(|r| Rejected { line: r.line, reason: tr_message(lang, &r.reason) }).collect(),
    };
    let result = match outcome.refused {
        true => Err(Failure { lang, message: tr_args(lang, "roster-import-strict-refused", &[("rejected", Arg::from(report.rejected.len() as i64))]) }),
        false => Ok(()),
    };
    if cli.json {
        output::line(&serde_json::to_string_pretty(&report).expect("report serialises"));
        return result;
    }
    let n = |v: usize| Arg::from(v as i64);
    output::line(&tr_args(
        lang,
        "roster-import-summary",
        &[
            ("added", n(report.added)),
            ("updated", n(report.updated)),
            ("deactivated", n(report.deactivated)),
            ("unchanged", n(report.unchanged)),
            ("rejected", n(report.rejected.len())),
            ("encoding", report.encoding.as_str().into()),
        ],
    ));
    for r in &report.rejected {
        output::line(&format!("  {}", tr_args(lang, "roster-import-rejected-line", &[("line", n(r.line)), ("reason", r.reason.as_str().into())])));
    }
    if outcome.dry_run && !outcome.refused {
        output::line(&tr(lang, "roster-import-dry-run"));
    }
    result
}
