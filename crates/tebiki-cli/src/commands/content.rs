//! `tebiki content check [DIR]`

use super::{Context, Failure};
use crate::cli::Cli;
use crate::output;
use serde::Serialize;
use std::path::{Path, PathBuf};
use tebiki_core::pack::files::PackFiles;
use tebiki_core::pack::library::{bundled_files, imported_packs_dir};
use tebiki_core::pack::problem::{Problem, Severity};
use tebiki_core::pack::{load, PackOrigin};
use tebiki_i18n::{tr, tr_args, tr_message};

#[derive(Serialize)]
struct CheckedProblem {
    severity: Severity,
    file: String,
    line: Option<usize>,
    message: String,
}

#[derive(Serialize)]
struct CheckedPack {
    path: String,
    id: Option<String>,
    ok: bool,
    clauses: usize,
    problems: Vec<CheckedProblem>,
}

#[derive(Serialize)]
struct CheckReport {
    ok: bool,
    packs: Vec<CheckedPack>,
}

/// Which packs to check: what DIR names, or the bundled and imported packs.
/// A pack to check: how it is named, and its files (or why they cannot be read).
type Source = (String, Result<PackFiles, String>);

fn sources(dir: Option<&Path>, data_dir: &Path) -> Result<Vec<Source>, String> {
    let read = |p: &Path| (p.display().to_string(), PackFiles::from_path(p).map_err(|e| e.to_string()));
    match dir {
        Some(d) if d.join("pack.toml").is_file() || d.is_file() => Ok(vec![read(d)]),
        Some(d) if d.is_dir() => {
            let mut dirs: Vec<PathBuf> =
                std::fs::read_dir(d).map_err(|e| e.to_string())?.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.join("pack.toml").is_file()).collect();
            dirs.sort();
            Ok(dirs.iter().map(|p| read(p)).collect())
        }
        Some(d) => Ok(vec![read(d)]),
        None => {
            let mut out: Vec<_> = bundled_files().into_iter().map(|f| (format!("(bundled) {}", f.folder), Ok(f))).collect();
            let imported = imported_packs_dir(data_dir);
            if let Ok(entries) = std::fs::read_dir(&imported) {
                let mut dirs: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.join("pack.toml").is_file() && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
                    .collect();
                dirs.sort();
                out.extend(dirs.iter().map(|p| read(p)));
            }
            Ok(out)
        }
    }
}

pub fn check(cli: &Cli, ctx: &Context, dir: Option<&Path>) -> Result<(), Failure> {
    let lang = ctx.lang;
    let fail = |message: String| Failure { lang, message };
    let sources = sources(dir, ctx.data_dir()).map_err(|e| {
        fail(tr_args(lang, "content-check-unreadable", &[("path", dir.unwrap_or(Path::new(".")).display().to_string().into()), ("detail", e.into())]))
    })?;
    if sources.is_empty() {
        return Err(fail(tr_args(lang, "content-check-no-packs", &[("path", dir.unwrap_or(Path::new(".")).display().to_string().into())])));
    }
    let mut report = CheckReport { ok: true, packs: Vec::new() };
    for (path, files) in sources {
        let checked = match files {
            Err(detail) => CheckedPack {
                path: path.clone(),
                id: None,
                ok: false,
                clauses: 0,
                problems: vec![CheckedProblem {
                    severity: Severity::Error,
                    file: path.clone(),
                    line: None,
                    message: tr_args(lang, "content-check-unreadable", &[("path", path.clone().into()), ("detail", detail.into())]),
                }],
            },
            Ok(files) => {
                let origin = if dir.is_none() && path.starts_with("(bundled)") { PackOrigin::Bundled } else { PackOrigin::Imported };
                let out = load(&files, origin);
                let ok = !out.problems.iter().any(Problem::is_error);
                CheckedPack {
                    path: path.clone(),
                    id: out.pack.as_ref().map(|p| p.id.clone()),
                    ok,
                    clauses: out.pack.as_ref().map(|p| p.clause_count()).unwrap_or(0),
                    problems: out
                        .problems
                        .iter()
                        .map(|p| CheckedProblem { severity: p.severity, file: p.file.clone(), line: p.line, message: tr_message(lang, &p.message) })
                        .collect(),
                }
            }
        };
        report.ok &= checked.ok;
        report.packs.push(checked);
    }

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
