//! `tebiki selfcheck held list|accept ID|reject ID`: submission files whose
//! version skipped ahead, waiting for the 管理者's decision.

use super::{Context, Failure};
use crate::{cli::Cli, output};
use serde::Serialize;
use tebiki_i18n::{tr, tr_args, tr_message, Arg};
use tebiki_service::selfcheck;

pub fn list(cli: &Cli, ctx: &Context) -> Result<(), Failure> {
    let lang = ctx.lang;
    let held = selfcheck::held_submissions(&mut ctx.admin()?).map_err(|e| ctx.fail(e))?;
    if cli.json {
        output::line(&serde_json::to_string_pretty(&held).expect("results serialise"));
        return Ok(());
    }
    if held.is_empty() {
        output::line(&tr(lang, "selfcheck-held-none"));
    }
    for h in &held {
        output::line(&tr_args(
            lang,
            "selfcheck-held-line",
            &[
                ("id", Arg::from(h.id)),
                ("file", h.file_name.as_str().into()),
                ("name", h.respondent.name.as_str().into()),
                ("employee_no", h.respondent.employee_no.as_str().into()),
                ("role", h.role_name.as_str().into()),
                ("year", Arg::from(h.year as i64)),
                ("reason", tr_message(lang, &h.reason).into()),
            ],
        ));
    }
    Ok(())
}

#[derive(Serialize)]
struct Decided {
    id: i64,
    decision: &'static str,
    /// accepted: imported / superseded / duplicate
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
}

pub fn accept(cli: &Cli, ctx: &Context, id: i64) -> Result<(), Failure> {
    let outcome = selfcheck::accept_held(&mut ctx.admin()?, id).map_err(|e| ctx.fail(e))?;
    let status = tr(ctx.lang, &format!("selfcheck-import-status-{}", outcome.status()));
    let human = tr_args(ctx.lang, "selfcheck-held-accepted", &[("id", Arg::from(id)), ("status", status.into())]);
    output::result(cli, &human, &Decided { id, decision: "accepted", status: Some(outcome.status()) });
    Ok(())
}

pub fn reject(cli: &Cli, ctx: &Context, id: i64) -> Result<(), Failure> {
    let held = selfcheck::reject_held(&mut ctx.admin()?, id).map_err(|e| ctx.fail(e))?;
    let human = tr_args(ctx.lang, "selfcheck-held-rejected", &[("id", Arg::from(id)), ("file", held.file_name.as_str().into())]);
    output::result(cli, &human, &Decided { id, decision: "rejected", status: None });
    Ok(())
}
