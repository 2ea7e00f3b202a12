//! `tebiki demo` and `tebiki bench roster`.

use super::{fail, Context, Failure};
use crate::cli::Cli;
use crate::output;
use std::time::Instant;
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_core::demo::{organisation, roster_csv};
use tebiki_core::pack::library::PackLibrary;
use tebiki_core::roster::import::parse_roster;
use tebiki_core::training::overview::overview;
use tebiki_i18n::{tr_args, Arg};
use tebiki_store::{Method, NewSession, Store};

pub fn run(cli: &Cli, ctx: &Context, staff: usize, depts: usize, pack_id: &str) -> Result<(), Failure> {
    let lang = ctx.lang;
    let report = tebiki_service::demo::create_demo(&mut ctx.admin()?, staff, depts, pack_id).map_err(|e| ctx.fail(e))?;
    let n = |v: usize| Arg::from(v as i64);
    let human = tr_args(
        lang,
        "demo-done",
        &[
            ("depts", n(report.departments)),
            ("staff", n(report.staff)),
            ("sessions", n(report.sessions)),
            ("attendances", n(report.attendances)),
            ("dir", ctx.data_dir().display().to_string().into()),
        ],
    );
    let human = if report.selfcheck_submissions > 0 {
        let current = FiscalYear::of(chrono::Local::now().date_naive());
        let years = format!("{}・{}", current.previous().wareki(), current.wareki());
        format!("{human}\n{}", tr_args(lang, "selfcheck-demo-done", &[("count", n(report.selfcheck_submissions)), ("years", years.into())]))
    } else {
        human
    };
    let human = if report.elearning_results > 0 {
        format!("{human}\n{}", tr_args(lang, "elearning-demo-done", &[("count", n(report.elearning_results))]))
    } else {
        human
    };
    output::result(cli, &human, &report);
    Ok(())
}

/// Figures for the README: a Shift_JIS roster of `rows` people imported into
/// an empty database, then every person's status for the current 年度.
pub fn bench_roster(ctx: &Context, rows: usize) -> Result<(), Failure> {
    let lang = ctx.lang;
    let today = chrono::Local::now().date_naive();
    let people = organisation(rows / 50 + 1, rows, today, 1);
    let csv = roster_csv(&people);
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&csv);
    let dir = std::env::temp_dir().join(format!("tebiki-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut store = Store::open_dir(&dir).map_err(|e| fail(lang, &e))?;
    output::line(&format!("# tebiki bench roster ({} build)", if cfg!(debug_assertions) { "debug" } else { "release" }));

    let t = Instant::now();
    let parsed = parse_roster(&sjis, None).map_err(|e| Failure { lang, message: e.to_string() })?;
    let parse_ms = t.elapsed().as_secs_f64() * 1000.0;
    let records: Vec<_> = parsed.rows.into_iter().map(|(_, r)| r).collect();
    let t2 = Instant::now();
    store.import_roster(&records, true, &today.to_string()).map_err(|e| fail(lang, &e))?;
    let import_ms = t2.elapsed().as_secs_f64() * 1000.0;
    output::line(&format!(
        "roster: {} rows, {:.1} MB Shift_JIS — parse {:.1} ms, import (one transaction) {:.1} ms, total {:.1} ms",
        records.len(),
        sjis.len() as f64 / 1e6,
        parse_ms,
        import_ms,
        parse_ms + import_ms
    ));

    let library = PackLibrary::load(None);
    let pack = library.get("kobe").expect("kobe is bundled");
    // One session per 所属 for the annual course, so that status has attendance to read.
    let mut by_dept: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
    for p in &people {
        by_dept.entry(p.dept_code.as_str()).or_default().push(p.employee_no.clone());
    }
    for (_, nos) in by_dept {
        let s = NewSession {
            pack_id: "kobe".into(),
            course_id: "annual".into(),
            held_on: today.to_string(),
            method: Method::ELearning,
            trainer: None,
            place: None,
        };
        store.record_session(&s, &nos[..nos.len() / 2]).map_err(|e| fail(lang, &e))?;
    }
    let mut times = Vec::new();
    let mut overdue = 0;
    for _ in 0..10 {
        let t = Instant::now();
        let staff: Vec<_> = store.all_staff().map_err(|e| fail(lang, &e))?.into_iter().map(|m| m.record).collect();
        let attended = store.attendance_by_person("kobe").map_err(|e| fail(lang, &e))?;
        let catalogue = store.catalogue(pack).map_err(|e| fail(lang, &e))?;
        let o = overview(&staff, &catalogue, &attended, FiscalYear::of(today), today);
        overdue = o.overdue.len();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    output::line(&format!(
        "status of all staff for {} (read roster + attendance, compute, by 所属): median {:.1} ms, max {:.1} ms over 10 runs ({} people overdue)",
        FiscalYear::of(today).wareki(),
        times[times.len() / 2],
        times[times.len() - 1],
        overdue
    ));
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
