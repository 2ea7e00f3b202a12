//! `tebiki training results import PATH…`, `… export --year N --out DIR` and
//! `… summary --year N`: the e-learning result files of staff PCs.

use super::selfcheck_collect::ExportReport;
use super::{absolute, Context, Failure};
use crate::cli::Cli;
use crate::output;
use std::path::{Path, PathBuf};
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_i18n::{tr, tr_args, tr_message, Arg};
use tebiki_service::elearning;

pub fn import(cli: &Cli, ctx: &Context, paths: &[PathBuf]) -> Result<(), Failure> {
    let lang = ctx.lang;
    let paths: Vec<PathBuf> = paths.iter().map(|p| absolute(p)).collect();
    let report = elearning::import_results(&mut ctx.admin()?, &paths, &mut |_, _| {}).map_err(|e| ctx.fail(e))?;
    if cli.json {
        // Reasons and warnings as text in the user's language (the contract of issue 16).
        let mut v = serde_json::to_value(&report).expect("report serialises");
        for (list, field) in [("accepted", "warning"), ("refused", "reason")] {
            for entry in v[list].as_array_mut().into_iter().flatten() {
                if let Some(m) = entry.get(field).and_then(|m| serde_json::from_value::<tebiki_core::message::Message>(m.clone()).ok()) {
                    entry[field] = tr_message(lang, &m).into();
                }
            }
        }
        output::line(&serde_json::to_string_pretty(&v).expect("report serialises"));
    } else {
        for a in &report.accepted {
            let passed = a.passed.iter().map(|p| format!("{} {}/{}", p.course, p.score, p.total)).collect::<Vec<_>>().join(", ");
            output::line(&tr_args(
                lang,
                "training-results-accepted-line",
                &[
                    ("file", a.file.as_str().into()),
                    ("name", a.person.name.as_str().into()),
                    ("dept", a.person.dept_name.as_str().into()),
                    ("status", tr(lang, &format!("training-results-status-{}", a.status)).into()),
                    ("passed", if passed.is_empty() { tr(lang, "training-results-none-passed") } else { passed }.into()),
                ],
            ));
            if let Some(w) = &a.warning {
                output::line(&format!("  {}", tr_message(lang, w)));
            }
        }
        for r in &report.refused {
            output::line(&tr_args(lang, "selfcheck-import-refused-line", &[("file", r.file.as_str().into()), ("reason", tr_message(lang, &r.reason).into())]));
        }
        output::line(&tr_args(
            lang,
            "training-results-import-summary",
            &[("accepted", Arg::from(report.accepted.len() as i64)), ("refused", Arg::from(report.refused.len() as i64))],
        ));
    }
    if report.accepted.is_empty() {
        // Every file refused: non-zero exit; the reasons are already printed.
        return Err(Failure { lang, message: String::new() });
    }
    Ok(())
}

pub fn export(cli: &Cli, ctx: &Context, year: i32, out: &Path) -> Result<(), Failure> {
    let lang = ctx.lang;
    let dir = absolute(out);
    let files = elearning::export_results(&mut ctx.admin()?, year, &dir).map_err(|e| ctx.fail(e))?;
    let report = ExportReport { year, dir: dir.display().to_string(), files };
    let human = tr_args(
        lang,
        "training-results-export-done",
        &[("year", FiscalYear(year).wareki().into()), ("count", Arg::from(report.files.len() as i64)), ("dir", report.dir.as_str().into())],
    );
    output::result(cli, &human, &report);
    Ok(())
}

pub fn summary(cli: &Cli, ctx: &Context, year: i32, course: Option<&str>) -> Result<(), Failure> {
    let lang = ctx.lang;
    let s = elearning::results_summary(&mut ctx.admin()?, year, course).map_err(|e| ctx.fail(e))?;
    if cli.json {
        output::line(&serde_json::to_string_pretty(&s).expect("summary serialises"));
        return Ok(());
    }
    let pct = |v: Option<f64>| v.map(|v| format!("{v:.1}")).unwrap_or_else(|| "—".into());
    output::line(&tr_args(
        lang,
        "training-results-summary-head",
        &[("course", s.course_title.as_str().into()), ("year", FiscalYear(year).wareki().into()), ("version", s.pack_version.as_str().into())],
    ));
    output::line(&tr(lang, "training-results-summary-columns"));
    let row = |label: &str, r: &tebiki_core::training::elearning::summary::GroupRow| {
        format!("{label}\t{}\t{}\t{}\t{}\t{}\t{}", r.people, r.passed, r.attempted, r.not_started, pct(r.average_score), r.acknowledged)
    };
    output::line(&row(&tr(lang, "training-results-total"), &s.total));
    for r in &s.by_dept {
        output::line(&row(&format!("{} {}", r.code, r.name), r));
    }
    for r in &s.by_role {
        output::line(&row(&r.name, r));
    }
    if !s.most_missed.is_empty() {
        output::line(&tr(lang, "training-results-most-missed"));
        for m in &s.most_missed {
            output::line(&format!("  {}（{} / {}、{:.1}%）{} [{}]", m.question, m.missed, m.asked, m.rate, m.text, m.clauses.join(", ")));
        }
    }
    Ok(())
}
