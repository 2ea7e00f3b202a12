//! `tebiki roster import FILE [--dry-run] [--partial] [--strict] [--json]`

use super::{fail, Context, Failure};
use crate::cli::Cli;
use crate::output;
use serde::Serialize;
use std::path::Path;
use tebiki_core::roster_import::parse_roster;
use tebiki_i18n::{tr, tr_args, tr_message, Arg};

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

pub fn import(cli: &Cli, ctx: &mut Context, file: &Path, dry_run: bool, full: bool, strict: bool) -> Result<(), Failure> {
    let lang = ctx.lang;
    let failure = |message: String| Failure { lang, message };
    let bytes = std::fs::read(file).map_err(|e| {
        failure(tr_args(lang, "roster-file-unreadable", &[("path", file.display().to_string().into()), ("detail", e.to_string().into())]))
    })?;
    let parsed = parse_roster(&bytes, None).map_err(|e| failure(format!("{}: {}", file.display(), tr_message(lang, &e.message()))))?;
    let records: Vec<_> = parsed.rows.iter().map(|(_, r)| r.clone()).collect();
    let today = chrono::Local::now().date_naive().to_string();
    // --strict: a file with bad rows is not imported at all (nothing changes).
    let refused = strict && !parsed.rejected.is_empty();
    let dry_run = dry_run || refused;
    let plan = if dry_run {
        ctx.store().plan_roster(&records, full)
    } else {
        ctx.store_mut().import_roster(&records, full, &today)
    }
    .map_err(|e| fail(lang, &e))?;

    let report = ImportReport {
        file: file.display().to_string(),
        encoding: parsed.encoding.clone(),
        dry_run,
        added: plan.added.len(),
        updated: plan.updated.len(),
        deactivated: plan.deactivated.len(),
        unchanged: plan.unchanged,
        rejected: parsed.rejected.iter().map(|r| Rejected { line: r.line, reason: tr_message(lang, &r.reason) }).collect(),
    };
    let outcome = match refused {
        true => Err(failure(tr_args(lang, "roster-import-strict-refused", &[("rejected", Arg::from(report.rejected.len() as i64))]))),
        false => Ok(()),
    };
    if cli.json {
        output::line(&serde_json::to_string_pretty(&report).expect("report serialises"));
        return outcome;
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
    if dry_run && !refused {
        output::line(&tr(lang, "roster-import-dry-run"));
    }
    outcome
}
