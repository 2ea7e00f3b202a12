//! `tebiki roster import FILE [--dry-run] [--partial] [--strict] [--yes] [--json]`

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
    /// Active people missing from the rows read but named by a rejected row: not made 退職.
    kept_rejected: Vec<String>,
    /// More than a tenth of the active roster would be made 退職 (then --yes is needed).
    many_deactivated: bool,
    active_before: usize,
}

pub struct ImportFlags {
    pub dry_run: bool,
    pub full: bool,
    pub strict: bool,
    pub yes: bool,
}

pub fn import(cli: &Cli, ctx: &Context, file: &Path, f: ImportFlags) -> Result<(), Failure> {
    let lang = ctx.lang;
    let how = RosterImport { mapping: None, full: f.full, strict: f.strict, dry_run: f.dry_run, yes: f.yes };
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
        kept_rejected: plan.kept_rejected.clone(),
        many_deactivated: plan.many_deactivated,
        active_before: plan.active_before,
    };
    let many = |key: &str| tr_args(lang, key, &[("deactivated", Arg::from(report.deactivated as i64)), ("active", Arg::from(report.active_before as i64))]);
    let result = if outcome.refused {
        Err(Failure { lang, message: tr_args(lang, "roster-import-strict-refused", &[("rejected", Arg::from(report.rejected.len() as i64))]) })
    } else if outcome.unconfirmed {
        Err(Failure { lang, message: many("roster-import-many-needs-yes") })
    } else {
        Ok(())
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
    if !report.kept_rejected.is_empty() {
        output::line(&tr_args(lang, "roster-kept-rejected", &[("count", n(report.kept_rejected.len()))]));
    }
    if report.many_deactivated {
        output::line(&many("roster-many-deactivated"));
    }
    if outcome.dry_run && !outcome.refused && !outcome.unconfirmed {
        output::line(&tr(lang, "roster-import-dry-run"));
    }
    result
}
