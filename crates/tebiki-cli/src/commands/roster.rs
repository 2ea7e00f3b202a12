//! `tebiki roster import FILE [--dry-run] [--partial] [--strict] [--json]`

use super::{fail, Context, Failure};
use crate::cli::Cli;
use crate::output;
use serde::Serialize;
use std::path::Path;
use tebiki_core::bounded_read::{read_at_most, MAX_CSV_BYTES};
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
    /// Active people missing from the rows read but named by a rejected row: not made 退職.
    kept_rejected: Vec<String>,
    /// More than a tenth of the active roster would be made 退職 (then --yes is needed).
    many_deactivated: bool,
    active_before: usize,
}

pub fn import(cli: &Cli, ctx: &mut Context, file: &Path, dry_run: bool, full: bool, strict: bool, yes: bool) -> Result<(), Failure> {
    let lang = ctx.lang;
    let failure = |message: String| Failure { lang, message };
    let bytes = read_at_most(file, MAX_CSV_BYTES).map_err(|e| failure(tr_message(lang, &e.message(file))))?;
    let parsed = parse_roster(&bytes, None).map_err(|e| failure(format!("{}: {}", file.display(), tr_message(lang, &e.message()))))?;
    let records: Vec<_> = parsed.rows.iter().map(|(_, r)| r.clone()).collect();
    let today = chrono::Local::now().date_naive().to_string();
    // --strict: a file with bad rows is not imported at all (nothing changes).
    let refused = strict && !parsed.rejected.is_empty();
    // More than a tenth of the roster made 退職 at once needs --yes.
    let preview = ctx.store().plan_roster(&records, &parsed.rejected, full).map_err(|e| fail(lang, &e))?;
    let unconfirmed = preview.many_deactivated && !yes && !dry_run;
    let dry_run = dry_run || refused || unconfirmed;
    let plan = if dry_run {
        preview
    } else {
        ctx.store_mut().import_roster_with_progress(&records, &parsed.rejected, full, &today, &mut |_, _| {}).map_err(|e| fail(lang, &e))?
    };

    let report = ImportReport {
        file: file.display().to_string(),
        encoding: parsed.encoding.clone(),
        dry_run,
        added: plan.added.len(),
        updated: plan.updated.len(),
        deactivated: plan.deactivated.len(),
        unchanged: plan.unchanged,
        rejected: parsed.rejected.iter().map(|r| Rejected { line: r.line, reason: tr_message(lang, &r.reason) }).collect(),
        kept_rejected: plan.kept_rejected.clone(),
        many_deactivated: plan.many_deactivated,
        active_before: plan.active_before,
    };
    let many = |key: &str| {
        tr_args(lang, key, &[("deactivated", Arg::from(report.deactivated as i64)), ("active", Arg::from(report.active_before as i64))])
    };
    let outcome = if refused {
        Err(failure(tr_args(lang, "roster-import-strict-refused", &[("rejected", Arg::from(report.rejected.len() as i64))])))
    } else if unconfirmed {
        Err(failure(many("roster-import-many-needs-yes")))
    } else {
        Ok(())
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
    if !report.kept_rejected.is_empty() {
        output::line(&tr_args(lang, "roster-kept-rejected", &[("count", n(report.kept_rejected.len()))]));
    }
    if report.many_deactivated {
        output::line(&many("roster-many-deactivated"));
    }
    if dry_run && !refused && !unconfirmed {
        output::line(&tr(lang, "roster-import-dry-run"));
    }
    outcome
}
