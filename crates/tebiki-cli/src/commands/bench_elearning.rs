//! `tebiki bench elearning`: importing the 受講記録ファイル of the demo
//! organisation (one per person, written to a folder first), and the
//! 受講状況 of 20,000 staff.

use super::{fail, Context, Failure};
use crate::output;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_core::demo::organisation;
use tebiki_core::pack::library::PackLibrary;
use tebiki_core::pack::Pack;
use tebiki_core::training::elearning::summary::summarize;
use tebiki_store::{ResultsImportReport, Store};

/// The targets issue 16 sets.
const IMPORT_TARGET_SECONDS: f64 = 2.0;
const SUMMARY_TARGET_MS: f64 = 300.0;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn run(ctx: &Context, files: usize, staff: usize, runs: usize) -> Result<(), Failure> {
    let root = std::env::temp_dir().join(format!("tebiki-bench-elearning-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let result = run_in(ctx, &root, files, staff, runs);
    let _ = std::fs::remove_dir_all(&root);
    result
}

fn courses_of(pack: &Pack) -> impl Fn(&str) -> Option<Vec<String>> + '_ {
    move |id: &str| (id == pack.id).then(|| pack.elearning.iter().map(|c| c.course.clone()).collect())
}

fn run_in(ctx: &Context, root: &Path, files: usize, staff: usize, runs: usize) -> Result<(), Failure> {
    let lang = ctx.lang;
    let err = |e: tebiki_store::StoreError| fail(lang, &e);
    let io = |e: std::io::Error| Failure { lang, message: e.to_string() };
    let library = PackLibrary::load(None);
    let pack = library.get("kobe").expect("kobe is bundled");
    let today = chrono::Local::now().date_naive();
    let fy = FiscalYear::of(today);
    output::line(&format!("# tebiki bench elearning ({} build)", if cfg!(debug_assertions) { "debug" } else { "release" }));

    // 1. The demo organisation's files, one per person, imported from a folder.
    let mut store = Store::open_dir(&root.join("import")).map_err(err)?;
    let people = organisation((files / 15).max(1), files.max(1), today, 20261122);
    store.import_roster(&people, true, &today.to_string()).map_err(err)?;
    let written = tebiki_service::demo::elearning_files(&store, pack, &people, fy, 100, today).map_err(err)?;
    let folder = root.join("files");
    std::fs::create_dir_all(&folder).map_err(io)?;
    let mut paths: Vec<PathBuf> = Vec::with_capacity(written.len());
    let mut bytes = 0;
    for f in &written {
        let path = folder.join(&f.path);
        let data = f.bytes.as_ref().expect("written in memory");
        bytes += data.len();
        std::fs::write(&path, data).map_err(io)?;
        paths.push(path);
    }
    let courses = courses_of(pack);
    let mut report = ResultsImportReport::default();
    let t = Instant::now();
    store.import_training_results(&paths, &courses, &mut report, &mut |_, _| {}).map_err(err)?;
    let import = t.elapsed().as_secs_f64();
    output::line(&format!(
        "import: {} files ({:.1} MB) in {:.2} s — {} accepted, {} refused (target < {IMPORT_TARGET_SECONDS} s)",
        paths.len(),
        bytes as f64 / 1e6,
        import,
        report.accepted.len(),
        report.refused.len()
    ));
    drop(store);

    // 2. The 受講状況 of `staff` people, every one of whom handed in a file.
    let mut store = Store::open_dir(&root.join("summary")).map_err(err)?;
    let people = organisation((staff / 50).max(1), staff.max(1), today, 20261122);
    store.import_roster(&people, true, &today.to_string()).map_err(err)?;
    let held = tebiki_service::demo::elearning_files(&store, pack, &people, fy, 100, today).map_err(err)?;
    let mut report = ResultsImportReport::default();
    store.import_result_files(&held, &courses, &mut report, &mut |_, _| {}).map_err(err)?;
    let course = pack.elearning.first().expect("kobe has e-learning");
    let mut times = Vec::new();
    let mut shown = None;
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        // What `tebiki training results summary` does: roster, catalogue, results, then the figures.
        let roster: Vec<_> = store.all_staff().map_err(err)?.into_iter().map(|m| m.record).collect();
        let catalogue = store.catalogue(pack).map_err(err)?;
        let results = store.elearning_held(fy.0, &pack.id, &course.course).map_err(err)?;
        let s = summarize(&roster, &catalogue, course, &pack.version, fy, &results);
        times.push(ms(t.elapsed()));
        shown = Some(s);
    }
    times.sort_by(f64::total_cmp);
    let s = shown.expect("at least one run");
    output::line(&format!(
        "summary: {} staff, {} results, {} 所属 — median {:.1} ms of {} runs (target < {SUMMARY_TARGET_MS} ms); passed {}, average {:.1}%",
        s.total.people,
        report.accepted.len(),
        s.by_dept.len(),
        times[times.len() / 2],
        times.len(),
        s.total.passed,
        s.total.average_score.unwrap_or(0.0)
    ));
    Ok(())
}
