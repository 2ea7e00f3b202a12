//! `tebiki audit verify|list|export`: the 操作記録.

use super::{absolute, Context, Failure};
use crate::{cli::Cli, output};
use serde::Serialize;
use std::path::Path;
use tebiki_i18n::{tr_args, Arg};
use tebiki_service::audit;
use tebiki_service::audit::{describe as describe_audit_entry, mode_label};
use tebiki_store::AuditBreakReason;

pub fn verify(cli: &Cli, ctx: &Context) -> Result<(), Failure> {
    let lang = ctx.lang;
    let verdict = audit::verify_audit(&mut ctx.admin()?).map_err(|e| ctx.fail(e))?;
    if let (None, Some(upto)) = (&verdict.broken, verdict.unconfirmed) {
        // Not intact: the end cannot be confirmed without the desk.
        let message = tr_args(lang, "cli-audit-unconfirmed", &[("seq", Arg::from(upto)), ("entries", Arg::from(verdict.entries))]);
        if cli.json {
            output::line(&serde_json::to_string_pretty(&verdict).expect("results serialise"));
        }
        return Err(Failure { lang, message });
    }
    match &verdict.broken {
        None => {
            let human = tr_args(lang, "cli-audit-intact", &[("entries", Arg::from(verdict.entries))]);
            output::result(cli, &human, &verdict);
            Ok(())
        }
        Some(b) => {
            let key = match b.reason {
                AuditBreakReason::Edited => "cli-audit-edited",
                AuditBreakReason::Missing => "cli-audit-missing",
                AuditBreakReason::Truncated => "cli-audit-truncated",
                AuditBreakReason::Replaced => "cli-audit-replaced",
            };
            let message = tr_args(lang, key, &[("seq", Arg::from(b.seq)), ("entries", Arg::from(verdict.entries))]);
            if cli.json {
                output::line(&serde_json::to_string_pretty(&verdict).expect("results serialise"));
            }
            Err(Failure { lang, message })
        }
    }
}

#[derive(Serialize)]
struct ListedEntry {
    seq: i64,
    at: String,
    mode: String,
    action: String,
    summary: String,
    details: serde_json::Value,
    hash: String,
}

pub fn list(cli: &Cli, ctx: &Context, limit: usize) -> Result<(), Failure> {
    let lang = ctx.lang;
    let entries = audit::audit_entries(&mut ctx.admin()?, None, limit).map_err(|e| ctx.fail(e))?;
    let listed: Vec<ListedEntry> = entries
        .iter()
        .map(|e| ListedEntry {
            seq: e.seq,
            at: e.at.clone(),
            mode: e.mode.clone(),
            action: e.action.clone(),
            summary: describe_audit_entry(lang, e),
            details: e.details.clone(),
            hash: e.hash.clone(),
        })
        .collect();
    if cli.json {
        output::line(&serde_json::to_string_pretty(&listed).expect("results serialise"));
    } else {
        for e in &listed {
            output::line(&format!("{:>6}  {}  {}  {}", e.seq, e.at, mode_label(lang, &e.mode), e.summary));
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Exported {
    file: String,
    entries: usize,
}

pub fn export(cli: &Cli, ctx: &Context, out: &Path, shift_jis: bool) -> Result<(), Failure> {
    let out = absolute(out);
    let entries = audit::export_audit(&mut ctx.admin()?, &out, shift_jis).map_err(|e| ctx.fail(e))?;
    let file = out.display().to_string();
    let human = tr_args(ctx.lang, "cli-audit-exported", &[("entries", Arg::from(entries as i64)), ("path", file.clone().into())]);
    output::result(cli, &human, &Exported { file, entries });
    Ok(())
}
