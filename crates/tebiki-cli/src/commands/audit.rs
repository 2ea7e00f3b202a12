//! `tebiki audit verify|list|export`: the 操作記録.

use super::{fail, Context, Failure};
use crate::{cli::Cli, output};
use serde::Serialize;
use std::path::Path;
use tebiki_i18n::tr_args;
use tebiki_store::{audit_csv, describe_audit_entry, mode_label, AuditBreakReason, AuditVerdict};

pub fn verify(cli: &Cli, ctx: &Context) -> Result<(), Failure> {
    let lang = ctx.lang;
    let verdict: AuditVerdict = ctx.store().verify_audit().map_err(|e| fail(lang, &e))?;
    if let (None, Some(upto)) = (&verdict.broken, verdict.unconfirmed) {
        // Not intact: the end cannot be confirmed without the desk.
        let message = tr_args(lang, "cli-audit-unconfirmed", &[("seq", tebiki_i18n::Arg::from(upto)), ("entries", tebiki_i18n::Arg::from(verdict.entries))]);
        if cli.json {
            output::line(&serde_json::to_string_pretty(&verdict).expect("results serialise"));
        }
        return Err(Failure { lang, message });
    }
    match &verdict.broken {
        None => {
            let human = tr_args(lang, "cli-audit-intact", &[("entries", tebiki_i18n::Arg::from(verdict.entries))]);
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
            let message = tr_args(lang, key, &[("seq", tebiki_i18n::Arg::from(b.seq)), ("entries", tebiki_i18n::Arg::from(verdict.entries))]);
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
    let entries = ctx.store().audit_entries(None, limit).map_err(|e| fail(lang, &e))?;
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
    let lang = ctx.lang;
    let entries = ctx.store().all_audit_entries().map_err(|e| fail(lang, &e))?;
    let bytes = audit_csv(lang, &entries, shift_jis);
    tebiki_core::private_file::write(out, bytes).map_err(|e| Failure { lang, message: format!("{}: {e}", out.display()) })?;
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    ctx.store()
        .audit(tebiki_store::Action::PersonalDataExported, serde_json::json!({ "kind": "audit", "file": name }))
        .map_err(|e| fail(lang, &e))?;
    let file = out.display().to_string();
    let human = tr_args(lang, "cli-audit-exported", &[("entries", tebiki_i18n::Arg::from(entries.len() as i64)), ("path", file.clone().into())]);
    output::result(cli, &human, &Exported { file, entries: entries.len() });
    Ok(())
}
