//! `tebiki selfcheck coverage [--pack ID]` and `tebiki selfcheck draft --pack ID [--role ROLE] [--out FILE]`

use super::{Context, Failure};
use crate::cli::Cli;
use crate::output;
use serde::Serialize;
use std::path::{Path, PathBuf};
use tebiki_core::pack::files::PackFiles;
use tebiki_core::pack::roles::GenericRole;
use tebiki_core::pack::{load, Pack, PackOrigin};
use tebiki_core::selfcheck::coverage::{coverage, PackCoverage};
use tebiki_core::selfcheck::draft::draft as draft_questionnaire;
use tebiki_i18n::{tr_args, Arg};

/// The packs named by `--pack`: an installed pack's id, or a pack folder or
/// zip (a pack being written, not imported yet). Without `--pack`, the pack
/// chosen in the app, else every pack.
fn packs(ctx: &Context, pack: Option<&str>) -> Result<Vec<Pack>, Failure> {
    let lang = ctx.lang;
    let failure = |message: String| Failure { lang, message };
    let library = ctx.session.library().map_err(|e| ctx.fail(e))?;
    let wanted = pack.map(str::to_owned).or_else(|| ctx.session.settings().ok().and_then(|s| s.pack));
    let Some(id) = wanted else { return Ok(library.packs().to_vec()) };
    if let Some(p) = library.get(&id) {
        return Ok(vec![p.clone()]);
    }
    let path = Path::new(&id);
    if path.exists() {
        let files = PackFiles::from_path(path)
            .map_err(|e| failure(tr_args(lang, "content-check-unreadable", &[("path", id.as_str().into()), ("detail", e.to_string().into())])))?;
        let out = load(&files, PackOrigin::Imported);
        return out.pack.map(|p| vec![p]).ok_or_else(|| failure(tr_args(lang, "selfcheck-pack-has-errors", &[("path", id.as_str().into())])));
    }
    Err(failure(tr_args(lang, "search-unknown-pack", &[("pack", id.as_str().into())])))
}

#[derive(Serialize)]
struct CoverageReport {
    packs: Vec<PackCoverage>,
}

pub fn coverage_cmd(cli: &Cli, ctx: &Context, pack: Option<&str>) -> Result<(), Failure> {
    let lang = ctx.lang;
    let report = CoverageReport { packs: packs(ctx, pack)?.iter().map(coverage).collect() };
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
    let failure = |message: String| Failure { lang, message };
    let pack = packs(ctx, Some(pack))?.remove(0);
    let known = || pack.roles.iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(", ");
    // Without --role: 職員等, the questionnaire everyone answers.
    let role = match role {
        Some(label) => tebiki_core::pack::roles::resolve(&pack.roles, label).ok_or_else(|| {
            failure(tr_args(lang, "selfcheck-unknown-role", &[("role", label.into()), ("pack", pack.id.as_str().into()), ("known", known().into())]))
        })?,
        None => pack
            .roles
            .iter()
            .find(|r| r.generic == GenericRole::Staff)
            .ok_or_else(|| failure(tr_args(lang, "selfcheck-draft-no-role", &[("pack", pack.id.as_str().into()), ("known", known().into())])))?,
    };
    let header = tr_args(lang, "selfcheck-draft-header", &[("role", role.name.as_str().into()), ("file", format!("selfcheck/{}.toml", role.id).into())]);
    let header: String = header.lines().map(|l| format!("# {l}\n")).collect();
    let text = format!("{header}{}", draft_questionnaire(&pack, role));
    let items = text.matches("\n[[item]]\n").count();
    match out {
        None => {
            // The TOML is the output; --json wraps it.
            if cli.json {
                output::line(&serde_json::json!({ "pack_id": pack.id, "role_id": role.id, "items": items, "toml": text }).to_string());
            } else {
                output::line(text.trim_end());
            }
        }
        Some(path) => {
            std::fs::write(path, &text).map_err(|e| {
                failure(tr_args(lang, "selfcheck-draft-unwritable", &[("path", path.display().to_string().into()), ("detail", e.to_string().into())]))
            })?;
            let report = serde_json::json!({ "pack_id": pack.id, "role_id": role.id, "items": items, "path": PathBuf::from(path) });
            let human = tr_args(
                lang,
                "selfcheck-draft-done",
                &[("items", Arg::from(items as i64)), ("role", role.name.as_str().into()), ("path", path.display().to_string().into())],
            );
            output::result(cli, &human, &report);
        }
    }
    Ok(())
}
