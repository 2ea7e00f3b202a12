//! `tebiki content check`: validating policy packs (a folder, a zip, a
//! folder of packs, or every installed pack), with each problem's file and
//! line in the user's language.

use crate::error::{ErrorCode, ServiceResult};
use crate::session::Session;
use serde::Serialize;
use std::path::{Path, PathBuf};
use tebiki_core::pack::files::PackFiles;
use tebiki_core::pack::library::{bundled_files, imported_packs_dir};
use tebiki_core::pack::problem::{Problem, Severity};
use tebiki_core::pack::roles::GenericRole;
use tebiki_core::pack::{load, Pack, PackOrigin};
use tebiki_core::selfcheck::coverage::{coverage, PackCoverage};
use tebiki_i18n::{tr_args, tr_message};

#[derive(Debug, Serialize)]
pub struct CheckedProblem {
    pub severity: Severity,
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Debug, Serialize)]
pub struct CheckedPack {
    pub path: String,
    pub id: Option<String>,
    pub ok: bool,
    pub clauses: usize,
    pub problems: Vec<CheckedProblem>,
}

/// The JSON of `tebiki content check --json`.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub ok: bool,
    pub packs: Vec<CheckedPack>,
}

/// A pack to check: how it is named, and its files (or why they cannot be read).
type Source = (String, Result<PackFiles, String>);

/// Which packs to check: what `dir` names, or the bundled and imported packs.
fn sources(dir: Option<&Path>, data_dir: &Path) -> Result<Vec<Source>, String> {
    let read = |p: &Path| (p.display().to_string(), PackFiles::from_path(p).map_err(|e| e.to_string()));
    let pack_dirs = |d: &Path| -> Result<Vec<PathBuf>, String> {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(d)
            .map_err(|e| e.to_string())?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.join("pack.toml").is_file() && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
            .collect();
        dirs.sort();
        Ok(dirs)
    };
    match dir {
        Some(d) if d.join("pack.toml").is_file() || d.is_file() => Ok(vec![read(d)]),
        Some(d) if d.is_dir() => Ok(pack_dirs(d)?.iter().map(|p| read(p)).collect()),
        Some(d) => Ok(vec![read(d)]),
        None => {
            let mut out: Vec<_> = bundled_files().into_iter().map(|f| (format!("(bundled) {}", f.folder), Ok(f))).collect();
            // No imported packs yet is not a failure.
            out.extend(pack_dirs(&imported_packs_dir(data_dir)).unwrap_or_default().iter().map(|p| read(p)));
            Ok(out)
        }
    }
}

/// Checks the packs `dir` names (a pack folder or zip, or a folder of
/// packs), or with None the bundled and imported ones.
pub fn check_packs(session: &Session, dir: Option<&Path>) -> ServiceResult<CheckReport> {
    let lang = session.lang();
    let shown = dir.unwrap_or(Path::new(".")).display().to_string();
    let sources = sources(dir, session.data_dir())
        .map_err(|e| session.err_args(ErrorCode::Io, "content-check-unreadable", &[("path", shown.clone().into()), ("detail", e.into())]))?;
    if sources.is_empty() {
        return Err(session.err_args(ErrorCode::NotFound, "content-check-no-packs", &[("path", shown.into())]));
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
                CheckedPack {
                    path: path.clone(),
                    id: out.pack.as_ref().map(|p| p.id.clone()),
                    ok: !out.problems.iter().any(Problem::is_error),
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
    Ok(report)
}

/// The packs `pack` names: an installed pack's id, or a pack folder or zip
/// (a pack being written, not imported yet). Without it, the pack chosen in
/// the app, else every pack.
pub fn packs_named(session: &Session, pack: Option<&str>) -> ServiceResult<Vec<Pack>> {
    let library = session.library()?;
    let wanted = pack.map(str::to_owned).or_else(|| session.settings().ok().and_then(|s| s.pack));
    let Some(id) = wanted else { return Ok(library.packs().to_vec()) };
    if let Some(p) = library.get(&id) {
        return Ok(vec![p.clone()]);
    }
    let path = Path::new(&id);
    if !path.exists() {
        return Err(session.err_args(ErrorCode::NotFound, "search-unknown-pack", &[("pack", id.as_str().into())]));
    }
    let files = PackFiles::from_path(path)
        .map_err(|e| session.err_args(ErrorCode::Invalid, "content-check-unreadable", &[("path", id.as_str().into()), ("detail", e.to_string().into())]))?;
    let pack = load(&files, PackOrigin::Imported).pack;
    pack.map(|p| vec![p]).ok_or_else(|| session.err_args(ErrorCode::Invalid, "selfcheck-pack-has-errors", &[("path", id.as_str().into())]))
}

/// `tebiki selfcheck coverage --json`: the duties of each role and which questions ask them.
#[derive(Debug, Serialize)]
pub struct CoverageReport {
    pub packs: Vec<PackCoverage>,
}

pub fn selfcheck_coverage(session: &Session, pack: Option<&str>) -> ServiceResult<CoverageReport> {
    Ok(CoverageReport { packs: packs_named(session, pack)?.iter().map(coverage).collect() })
}

/// A questionnaire drafted from a role's duties, as TOML to edit.
#[derive(Debug, Serialize)]
pub struct QuestionnaireDraft {
    pub pack_id: String,
    pub role_id: String,
    pub role_name: String,
    pub items: usize,
    pub toml: String,
}

/// Drafts the questionnaire of `role` (without it: 職員等, the one everyone answers).
pub fn draft_questionnaire(session: &Session, pack: &str, role: Option<&str>) -> ServiceResult<QuestionnaireDraft> {
    let lang = session.lang();
    let pack = packs_named(session, Some(pack))?.remove(0);
    let known = || pack.roles.iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(", ");
    let role =
        match role {
            Some(label) => tebiki_core::pack::roles::resolve(&pack.roles, label).ok_or_else(|| {
                session.err_args(
                    ErrorCode::NotFound,
                    "selfcheck-unknown-role",
                    &[("role", label.into()), ("pack", pack.id.as_str().into()), ("known", known().into())],
                )
            })?,
            None => pack.roles.iter().find(|r| r.generic == GenericRole::Staff).ok_or_else(|| {
                session.err_args(ErrorCode::NotFound, "selfcheck-draft-no-role", &[("pack", pack.id.as_str().into()), ("known", known().into())])
            })?,
        };
    let header = tr_args(lang, "selfcheck-draft-header", &[("role", role.name.as_str().into()), ("file", format!("selfcheck/{}.toml", role.id).into())]);
    let header: String = header.lines().map(|l| format!("# {l}\n")).collect();
    let toml = format!("{header}{}", tebiki_core::selfcheck::draft::draft(&pack, role));
    let items = toml.matches("\n[[item]]\n").count();
    Ok(QuestionnaireDraft { pack_id: pack.id.clone(), role_id: role.id.clone(), role_name: role.name.clone(), items, toml })
}

/// Writes a drafted questionnaire to `path` (whole or not at all).
pub fn write_questionnaire_draft(session: &Session, draft: &QuestionnaireDraft, path: &Path) -> ServiceResult<()> {
    crate::files::write_atomically(path, draft.toml.as_bytes()).map_err(|e| {
        session.err_args(ErrorCode::Io, "selfcheck-draft-unwritable", &[("path", path.display().to_string().into()), ("detail", e.to_string().into())])
    })
}
