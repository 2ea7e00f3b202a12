//! Collecting 自己点検 submissions: `tebiki selfcheck export --year N --out DIR`,
//! `tebiki selfcheck import PATH…`, `tebiki selfcheck summary --year N`, and
//! `tebiki bench selfcheck`.

use super::{absolute, fail, Context, Failure};
use crate::cli::Cli;
use crate::output;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_core::pack::library::PackLibrary;
use tebiki_core::pack::Pack;
use tebiki_core::selfcheck::dashboard::{dashboard, questionnaires_of, who_must_submit, DashboardInput, QuestionnaireInfo};
use tebiki_core::selfcheck::submission::{self, PackRef};
use tebiki_core::settings::Language;
use tebiki_i18n::{tr, tr_args, tr_message, Arg};
use tebiki_service::selfcheck;
use tebiki_store::{collect_submission_files, ImportReport, Store};

fn failure(lang: Language, message: String) -> Failure {
    Failure { lang, message }
}

/// What `… export --year N --out DIR` prints: the files written.
#[derive(Serialize)]
pub(super) struct ExportReport {
    pub year: i32,
    pub dir: String,
    pub files: Vec<String>,
}

pub fn export(cli: &Cli, ctx: &Context, year: i32, out: &Path) -> Result<(), Failure> {
    let lang = ctx.lang;
    let dir = absolute(out);
    let files = selfcheck::export_submissions(&mut ctx.admin()?, year, &dir).map_err(|e| ctx.fail(e))?;
    let report = ExportReport { year, dir: dir.display().to_string(), files };
    let human = tr_args(
        lang,
        "selfcheck-export-done",
        &[("year", FiscalYear(year).wareki().into()), ("count", Arg::from(report.files.len() as i64)), ("dir", report.dir.as_str().into())],
    );
    output::result(cli, &human, &report);
    Ok(())
}

/// The report as `--json` has always given it: reasons and warnings as text
/// in the user's language.
fn import_json(report: &tebiki_store::ImportReport, lang: Language) -> serde_json::Value {
    let mut v = serde_json::to_value(report).expect("report serialises");
    let text = |m: &serde_json::Value| {
        serde_json::from_value::<tebiki_core::message::Message>(m.clone()).map(|m| serde_json::Value::from(tr_message(lang, &m))).unwrap_or(m.clone())
    };
    for (list, field) in [("accepted", "warning"), ("refused", "reason"), ("held", "reason")] {
        for entry in v[list].as_array_mut().into_iter().flatten() {
            if let Some(m) = entry.get(field) {
                entry[field] = text(m);
            }
        }
    }
    v
}

pub fn import(cli: &Cli, ctx: &Context, paths: &[PathBuf]) -> Result<(), Failure> {
    let lang = ctx.lang;
    let paths: Vec<PathBuf> = paths.iter().map(|p| absolute(p)).collect();
    let report = selfcheck::import_submissions(&mut ctx.admin()?, &paths, &mut |_, _| {}).map_err(|e| ctx.fail(e))?;

    if cli.json {
        output::line(&serde_json::to_string_pretty(&import_json(&report, lang)).expect("report serialises"));
    } else {
        for a in &report.accepted {
            let status = tr(lang, &format!("selfcheck-import-status-{}", a.status));
            output::line(&tr_args(
                lang,
                "selfcheck-import-accepted-line",
                &[
                    ("file", a.file.as_str().into()),
                    ("name", a.respondent.name.as_str().into()),
                    ("dept", a.respondent.dept_name.as_str().into()),
                    ("role", a.role_name.as_str().into()),
                    ("version", Arg::from(a.version as i64)),
                    ("status", status.into()),
                ],
            ));
            if let Some(w) = &a.warning {
                output::line(&format!("  {}", tr_message(lang, w)));
            }
        }
        for r in &report.refused {
            output::line(&tr_args(lang, "selfcheck-import-refused-line", &[("file", r.file.as_str().into()), ("reason", tr_message(lang, &r.reason).into())]));
        }
        for h in &report.held {
            output::line(&tr_args(
                lang,
                "selfcheck-import-held-line",
                &[("file", h.file.as_str().into()), ("reason", tr_message(lang, &h.reason).into()), ("id", Arg::from(h.held_id))],
            ));
        }
        let count = |s: &str| Arg::from(report.accepted.iter().filter(|a| a.status == s).count() as i64);
        output::line(&tr_args(
            lang,
            "selfcheck-import-summary",
            &[
                ("imported", count("imported")),
                ("duplicate", count("duplicate")),
                ("superseded", count("superseded")),
                ("refused", Arg::from(report.refused.len() as i64)),
            ],
        ));
        if !report.held.is_empty() {
            output::line(&tr_args(lang, "selfcheck-import-held-summary", &[("held", Arg::from(report.held.len() as i64))]));
        }
    }
    // A held file is neither accepted nor refused: it waits for the 管理者.
    if report.accepted.is_empty() && report.held.is_empty() {
        // Every file refused: non-zero exit; the reasons are already printed.
        return Err(failure(lang, String::new()));
    }
    Ok(())
}

fn questionnaires(lang: Language, pack: &Pack) -> Result<Vec<QuestionnaireInfo>, Failure> {
    let qs = questionnaires_of(pack);
    if qs.is_empty() {
        return Err(failure(lang, tr_args(lang, "selfcheck-no-questionnaires", &[("pack", pack.id.as_str().into())])));
    }
    Ok(qs)
}

fn rate_text(lang: Language, rate: Option<f64>) -> String {
    rate.map(|r| format!("{r:.1}%")).unwrap_or_else(|| tr(lang, "selfcheck-rate-none"))
}

pub struct SummaryArgs<'a> {
    pub year: i32,
    pub pack: Option<&'a str>,
    pub remedies_csv: Option<&'a Path>,
    pub utf8: bool,
}

pub fn summary(cli: &Cli, ctx: &Context, a: SummaryArgs) -> Result<(), Failure> {
    let lang = ctx.lang;
    let mut admin = ctx.admin()?;
    let (_, d) = selfcheck::selfcheck_summary(&mut admin, a.year, a.pack).map_err(|e| ctx.fail(e))?;
    if let Some(path) = a.remedies_csv {
        let path = absolute(path);
        selfcheck::write_remedies(&mut admin, &d, &path, !a.utf8).map_err(|e| ctx.fail(e))?;
        if !cli.json {
            output::line(&tr_args(lang, "selfcheck-summary-csv-done", &[("path", path.display().to_string().into())]));
        }
    }

    if cli.json {
        output::line(&serde_json::to_string_pretty(&d).expect("dashboard serialises"));
        return Ok(());
    }
    let n = |v: usize| Arg::from(v as i64);
    output::line(&tr_args(
        lang,
        "selfcheck-summary-head",
        &[
            ("year", d.year_label.as_str().into()),
            ("submitted", n(d.submitted)),
            ("required", n(d.required)),
            ("rate", rate_text(lang, d.overall.rate).into()),
            ("previous", rate_text(lang, d.previous_rate).into()),
        ],
    ));
    for r in &d.roles {
        output::line(&format!(
            "  {}",
            tr_args(
                lang,
                "selfcheck-summary-role",
                &[
                    ("role", r.role_name.as_str().into()),
                    ("submitted", n(r.submitted)),
                    ("required", n(r.required)),
                    ("rate", rate_text(lang, r.tally.rate).into()),
                    ("previous", rate_text(lang, r.previous_rate).into()),
                ],
            )
        ));
    }
    for dept in d.departments.iter().filter(|x| x.required > 0 || x.tally.rate.is_some()) {
        output::line(&format!(
            "  {}",
            tr_args(
                lang,
                "selfcheck-summary-dept",
                &[
                    ("code", dept.code.as_str().into()),
                    ("name", dept.name.as_str().into()),
                    ("submitted", n(dept.submitted)),
                    ("required", n(dept.required)),
                    ("rate", rate_text(lang, dept.tally.rate).into()),
                    ("previous", rate_text(lang, dept.previous_rate).into()),
                ],
            )
        ));
    }
    output::line(&tr_args(lang, "selfcheck-summary-remedies", &[("count", n(d.remedies.len()))]));
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// `tebiki bench selfcheck`: a `staff`-person organisation, `count`
/// submission files written to a temporary folder and imported (as `tebiki
/// selfcheck import` does: read, verify, store), then the 集計 computed
/// `runs` times (median and max).
pub fn bench(ctx: &Context, staff: usize, count: usize, runs: usize, pack_id: &str) -> Result<(), Failure> {
    let lang = ctx.lang;
    let today = chrono::Local::now().date_naive();
    let fy = FiscalYear::of(today);
    let library = PackLibrary::load(None);
    let pack = library.get(pack_id).ok_or_else(|| failure(lang, tr_args(lang, "search-unknown-pack", &[("pack", pack_id.into())])))?;
    let qs = questionnaires(lang, pack)?;
    let root = std::env::temp_dir().join(format!("tebiki-bench-selfcheck-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let files_dir = root.join("files");
    let io = |path: &Path, e: std::io::Error| {
        failure(lang, tr_args(lang, "error-io", &[("path", path.display().to_string().into()), ("detail", e.to_string().into())]))
    };
    std::fs::create_dir_all(&files_dir).map_err(|e| io(&files_dir, e))?;
    let result = run_bench(lang, &root, &files_dir, pack, &qs, staff, count, runs.max(1), fy, today);
    let _ = std::fs::remove_dir_all(&root);
    result
}

#[allow(clippy::too_many_arguments)]
fn run_bench(
    lang: Language,
    root: &Path,
    files_dir: &Path,
    pack: &Pack,
    qs: &[QuestionnaireInfo],
    staff: usize,
    count: usize,
    runs: usize,
    fy: FiscalYear,
    today: chrono::NaiveDate,
) -> Result<(), Failure> {
    let io = |path: &Path, e: std::io::Error| {
        failure(lang, tr_args(lang, "error-io", &[("path", path.display().to_string().into()), ("detail", e.to_string().into())]))
    };
    let mut store = Store::open_dir(&root.join("data")).map_err(|e| fail(lang, &e))?;
    output::line(&format!(
        "# tebiki bench selfcheck ({} build, pack {} with {} questionnaires, {} items)",
        if cfg!(debug_assertions) { "debug" } else { "release" },
        pack.id,
        qs.len(),
        qs.iter().map(|q| q.items.len()).sum::<usize>()
    ));
    let people = tebiki_core::demo::organisation(staff / 50 + 1, staff, today, 1);
    store.import_roster(&people, true, &today.to_string()).map_err(|e| fail(lang, &e))?;
    let active: Vec<_> = store.active_staff().map_err(|e| fail(lang, &e))?.into_iter().map(|m| m.record).collect();

    // Respondents: people who must submit, spread over the roster and the
    // roles; if the pack asks fewer than `count` people, others answer too
    // (they show as unexpected submissions, which the 集計 handles).
    let must = who_must_submit(&active, &pack.roles, qs);
    let mut chosen: Vec<_> = if must.len() >= count {
        let step = must.len() / count;
        must.iter().step_by(step.max(1)).take(count).copied().collect()
    } else {
        must.clone()
    };
    let mut extra = active.iter().enumerate();
    while chosen.len() < count {
        let Some((i, p)) = extra.next() else { break };
        let q = &qs[i % qs.len()];
        if !chosen.iter().any(|(c, cq)| c.employee_no == p.employee_no && cq.role == q.role) {
            chosen.push((p, q));
        }
    }
    let pack_ref = PackRef { id: pack.id.clone(), version: pack.version.clone(), content_hash: pack.content_hash.clone() };
    let subs = tebiki_core::demo::submissions(&chosen, &pack_ref, fy.0, fy.end(), 11);
    let previous = tebiki_core::demo::submissions(&chosen, &pack_ref, fy.0 - 1, fy.start(), 12);
    output::line(&format!(
        "organisation: {} staff ({} active), {} must submit; {} submissions of {} ({} answers), {} of {} for the comparison",
        people.len(),
        active.len(),
        must.len(),
        subs.len(),
        fy.wareki(),
        subs.iter().map(|s| s.answers.len()).sum::<usize>(),
        previous.len(),
        fy.previous().wareki()
    ));

    let t = Instant::now();
    let mut bytes_total = 0;
    for s in &subs {
        let w = submission::write(s).map_err(|e| failure(lang, e.to_string()))?;
        let path = files_dir.join(submission::file_name(s));
        bytes_total += w.bytes.len();
        tebiki_service::files::write_atomically(&path, &w.bytes).map_err(|e| io(&path, e))?;
    }
    output::line(&format!("write {} files ({:.1} MB): {:.1} ms", subs.len(), bytes_total as f64 / 1e6, ms(t.elapsed())));
    for s in &previous {
        let d = submission::digest(s).map_err(|e| failure(lang, e.to_string()))?;
        store.import_submission(s, &d, &submission::file_name(s)).map_err(|e| failure(lang, tr_message(lang, &e.message())))?;
    }

    let library = PackLibrary::load(None);
    for (label, expect) in
        [("import (read, verify, store; one transaction per file)", "imported"), ("import the same files again (all duplicates)", "duplicate")]
    {
        let t = Instant::now();
        let mut report = ImportReport::default();
        let files = collect_submission_files(&[files_dir.to_owned()], &mut report);
        let known = |id: &str| library.get(id).map(|p| (p.version.clone(), p.content_hash.clone()));
        store.import_submission_files(&files, &known, &mut report, &mut |_, _| {}).map_err(|e| fail(lang, &e))?;
        let took = t.elapsed();
        let ok = report.accepted.iter().filter(|a| a.status == expect).count();
        output::line(&format!("{label}: {} files in {:.1} ms ({ok} {expect}, {} refused)", files.len(), ms(took), report.refused.len()));
        if let Some(r) = report.refused.first() {
            output::line(&format!("  first refusal: {}: {}", r.file, tr_message(lang, &r.reason)));
        }
    }

    let (mut total, mut compute) = (Vec::new(), Vec::new());
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        let staff: Vec<_> = store.active_staff().map_err(|e| fail(lang, &e))?.into_iter().map(|m| m.record).collect();
        let now = store.latest_submissions(fy.0).map_err(|e| fail(lang, &e))?;
        let before = store.latest_submissions(fy.0 - 1).map_err(|e| fail(lang, &e))?;
        let c = Instant::now();
        let d = dashboard(&DashboardInput {
            year: fy.0,
            staff: &staff,
            roles: &pack.roles,
            questionnaires: qs,
            submissions: &now,
            previous: &before,
            today: chrono::Local::now().date_naive(),
        });
        compute.push(c.elapsed());
        total.push(t.elapsed());
        last = Some(d);
    }
    total.sort();
    compute.sort();
    if let Some(d) = last {
        output::line(&format!(
            "集計 ({runs} runs): read roster + submissions and compute: median {:.1} ms, max {:.1} ms; compute alone: median {:.1} ms \
             ({} must submit, {} submitted, {} unexpected, {} 所属, {} items, {} 改善策, rate {} vs {})",
            ms(total[total.len() / 2]),
            ms(total[total.len() - 1]),
            ms(compute[compute.len() / 2]),
            d.required,
            d.submitted,
            d.unexpected,
            d.departments.len(),
            d.items.len(),
            d.remedies.len(),
            rate_text(lang, d.overall.rate),
            rate_text(lang, d.previous_rate),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tebiki_core::selfcheck::answers::{Answer, AnswerProblem};
    use tebiki_i18n::tr_message;

    /// Keys built at run time (the locale test only sees literal ones).
    #[test]
    fn every_computed_key_is_defined_in_both_languages() {
        let mut keys: Vec<String> = ["imported", "duplicate", "superseded"].iter().map(|s| format!("selfcheck-import-status-{s}")).collect();
        keys.extend(Answer::ALL.iter().map(|a| a.label_key().to_owned()));
        keys.extend(
            [AnswerProblem::Unanswered, AnswerProblem::MissingRemedy, AnswerProblem::MissingDue, AnswerProblem::BadDue, AnswerProblem::Reconfirm]
                .iter()
                .map(|p| p.message().key),
        );
        for lang in Language::ALL {
            for k in &keys {
                assert_ne!(&tr(*lang, k), k, "{k} missing in {}", lang.as_str());
            }
        }
        let m = tebiki_core::message::Message::new("submission-invalid-answer").arg("item", "v01").arg("problem", AnswerProblem::MissingDue.as_str());
        assert!(tr_message(Language::Japanese, &m).ends_with("期限がありません"));
        assert!(tr_message(Language::English, &m).ends_with("no deadline"));
    }
}
