//! `tebiki content check [DIR]`

use super::{Context, Failure};
use crate::cli::Cli;
use crate::output;
use serde::Serialize;
use std::path::Path;
use tebiki_core::pack::problem::Severity;
use tebiki_i18n::{tr, tr_args};
use tebiki_service::content;

pub fn check(cli: &Cli, ctx: &Context, dir: Option<&Path>) -> Result<(), Failure> {
    let lang = ctx.lang;
    let report = content::check_packs(&ctx.session, dir).map_err(|e| ctx.fail(e))?;
    if cli.json {
        output::line(&serde_json::to_string_pretty(&report).expect("report serialises"));
    } else {
        for p in &report.packs {
            let name = p.id.clone().unwrap_or_else(|| p.path.clone());
            let errors = p.problems.iter().filter(|x| x.severity == Severity::Error).count();
            let warnings = p.problems.len() - errors;
            let args =
                [("pack", name.into()), ("clauses", (p.clauses as i64).into()), ("errors", (errors as i64).into()), ("warnings", (warnings as i64).into())];
            let key = if errors > 0 {
                "content-check-failed"
            } else if warnings > 0 {
                "content-check-warnings"
            } else {
                "content-check-ok"
            };
            output::line(&tr_args(lang, key, &args));
            for x in &p.problems {
                let sev = tr(lang, if x.severity == Severity::Error { "severity-error" } else { "severity-warning" });
                let at = match x.line {
                    Some(l) => format!("{}/{}:{l}", p.path, x.file),
                    None => format!("{}/{}", p.path, x.file),
                };
                output::line(&format!("  {at}: {sev}: {}", x.message));
            }
        }
    }
    if report.ok {
        Ok(())
    } else {
        // The problems are already printed; the exit status says it failed.
        Err(Failure { lang, message: String::new() })
    }
}

#[derive(Serialize)]
struct PackImported {
    id: String,
    version: String,
}

/// `tebiki content import PATH [--yes]`: the same checks and atomic install
/// as 設定 → ポリシーパックの取り込み in the app.
pub fn import(cli: &Cli, ctx: &Context, path: &Path, yes: bool) -> Result<(), Failure> {
    let summary = tebiki_service::handbook::import_pack(&mut ctx.admin()?, &super::absolute(path), yes).map_err(|e| ctx.fail(e))?;
    let human = tr_args(ctx.lang, "cli-pack-imported", &[("id", summary.id.clone().into())]);
    output::result(cli, &human, &PackImported { id: summary.id, version: summary.version });
    Ok(())
}
