//! `tebiki selfcheck coverage [--pack ID]` and `tebiki selfcheck draft --pack ID [--role ROLE] [--out FILE]`

use super::{Context, Failure};
use crate::cli::Cli;
use crate::output;
use std::path::{Path, PathBuf};
use tebiki_i18n::{tr_args, Arg};
use tebiki_service::content;

pub fn coverage_cmd(cli: &Cli, ctx: &Context, pack: Option<&str>) -> Result<(), Failure> {
    let lang = ctx.lang;
    let report = content::selfcheck_coverage(&ctx.session, pack).map_err(|e| ctx.fail(e))?;
    if cli.json {
        output::line(&serde_json::to_string_pretty(&report).expect("coverage serialises"));
        return Ok(());
    }
    for p in &report.packs {
        output::line(&tr_args(lang, "selfcheck-coverage-pack", &[("pack", p.pack_id.as_str().into()), ("unattributed", Arg::from(p.unattributed as i64))]));
        for r in &p.roles {
            let args = [
                ("role", Arg::from(r.role.as_str())),
                ("id", r.role_id.as_str().into()),
                ("obligations", Arg::from(r.obligations as i64)),
                ("covered", Arg::from(r.covered as i64)),
                ("percent", Arg::Num(r.percent.unwrap_or(0.0))),
                ("items", Arg::from(r.items as i64)),
            ];
            let key = if r.items == 0 { "selfcheck-coverage-role-no-questionnaire" } else { "selfcheck-coverage-role" };
            output::line(&format!("  {}", tr_args(lang, key, &args)));
            // What is left to ask, for roles that have a questionnaire.
            if r.items > 0 {
                for o in r.obligations_list.iter().filter(|o| o.covered_by.is_empty()) {
                    output::line(&format!(
                        "    {}",
                        tr_args(lang, "selfcheck-coverage-uncovered", &[("id", o.id.as_str().into()), ("text", o.text.as_str().into())])
                    ));
                }
            }
        }
    }
    Ok(())
}

pub fn draft(cli: &Cli, ctx: &Context, pack: &str, role: Option<&str>, out: Option<&Path>) -> Result<(), Failure> {
    let lang = ctx.lang;
    let d = content::draft_questionnaire(&ctx.session, pack, role).map_err(|e| ctx.fail(e))?;
    let (text, items) = (&d.toml, d.items);
    match out {
        None => {
            // The TOML is the output; --json wraps it.
            if cli.json {
                output::line(&serde_json::json!({ "pack_id": d.pack_id, "role_id": d.role_id, "items": items, "toml": text }).to_string());
            } else {
                output::line(text.trim_end());
            }
        }
        Some(path) => {
            content::write_questionnaire_draft(&ctx.session, &d, path).map_err(|e| ctx.fail(e))?;
            let report = serde_json::json!({ "pack_id": d.pack_id, "role_id": d.role_id, "items": items, "path": PathBuf::from(path) });
            let human = tr_args(
                lang,
                "selfcheck-draft-done",
                &[("items", Arg::from(items as i64)), ("role", d.role_name.as_str().into()), ("path", path.display().to_string().into())],
            );
            output::result(cli, &human, &report);
        }
    }
    Ok(())
}
