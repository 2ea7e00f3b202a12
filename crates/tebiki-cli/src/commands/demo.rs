//! `tebiki demo` and `tebiki bench roster`.

use super::{fail, Context, Failure};
use crate::cli::Cli;
use crate::output;
use serde::Serialize;
use std::time::Instant;
use tebiki_core::demo_org::{organisation, roster_csv, Rng};
use tebiki_core::fiscal_year::FiscalYear;
use tebiki_core::pack::library::{imported_packs_dir, PackLibrary};
use tebiki_core::pack::Pack;
use tebiki_core::roster_import::{parse_roster, StaffRecord};
use tebiki_core::selfcheck_dashboard::{questionnaires_of, who_must_submit};
use tebiki_core::submission::{self, PackRef};
use tebiki_core::training::{overview, CourseKind};
use tebiki_i18n::{tr_args, Arg};
use tebiki_store::{Method, NewSession, Store};

#[derive(Serialize)]
struct DemoReport {
    pack_id: String,
    departments: usize,
    staff: usize,
    sessions: usize,
    attendances: usize,
    /// 自己点検 submissions (previous and current 年度); 0 if the pack has no questionnaires.
    selfcheck_submissions: usize,
}

pub fn run(cli: &Cli, ctx: &mut Context, staff: usize, depts: usize, pack_id: &str) -> Result<(), Failure> {
    let lang = ctx.lang;
    let failure = |key: &str, args: &[(&str, Arg)]| Failure { lang, message: tr_args(lang, key, args) };
    if !ctx.store().all_staff().map_err(|e| fail(lang, &e))?.is_empty() {
        return Err(failure("demo-not-empty", &[("dir", ctx.data_dir.display().to_string().into())]));
    }
    let library = PackLibrary::load(Some(&imported_packs_dir(&ctx.data_dir)));
    let pack = library.get(pack_id).ok_or_else(|| failure("search-unknown-pack", &[("pack", pack_id.into())]))?;
    let today = chrono::Local::now().date_naive();
    let people = organisation(depts, staff.max(1), today, 20261122);
    ctx.store_mut().import_roster(&people, true, &today.to_string()).map_err(|e| fail(lang, &e))?;
    let mut settings = ctx.desk.settings().map_err(|e| fail(lang, &e))?;
    settings.pack.get_or_insert_with(|| pack.id.clone());
    ctx.desk.save_settings(&settings).map_err(|e| fail(lang, &e))?;

    let (sessions, attendances) = record_sessions(ctx.store_mut(), pack, &people, today).map_err(|e| fail(lang, &e))?;
    let current = FiscalYear::of(today);
    let selfcheck_submissions = demo_submissions(ctx, pack, &people, current, today)?;
    ctx.store().audit(tebiki_store::Action::DemoCreated, serde_json::json!({ "staff": people.len() })).map_err(|e| fail(lang, &e))?;
    let report = DemoReport { pack_id: pack.id.clone(), departments: people.iter().map(|p| p.dept_code.as_str()).collect::<std::collections::BTreeSet<_>>().len(), staff: people.len(), sessions, attendances, selfcheck_submissions };
    let n = |v: usize| Arg::from(v as i64);
    let human = tr_args(
        lang,
        "demo-done",
        &[("depts", n(report.departments)), ("staff", n(report.staff)), ("sessions", n(report.sessions)), ("attendances", n(report.attendances)), ("dir", ctx.data_dir.display().to_string().into())],
    );
    let human = if selfcheck_submissions > 0 {
        format!("{human}\n{}", tr_args(lang, "selfcheck-demo-done", &[("count", n(selfcheck_submissions)), ("years", format!("{}・{}", current.previous().wareki(), current.wareki()).into())]))
    } else {
        human
    };
    output::result(cli, &human, &report);
    Ok(())
}

/// Three 年度 of sessions of every course of the pack, up to `today`: nearly
/// everyone attended in past years, about half so far this year. Returns
/// (sessions, attendances). Shared with `tebiki bench report`.
pub(crate) fn record_sessions(store: &mut Store, pack: &Pack, people: &[StaffRecord], today: chrono::NaiveDate) -> Result<(usize, usize), tebiki_store::StoreError> {
    let mut rng = Rng::new(7);
    let (mut sessions, mut attendances) = (0, 0);
    let current = FiscalYear::of(today);
    let depts_of = |code: &str| people.iter().filter(|p| p.dept_code == code && p.left_on.is_none()).map(|p| p.employee_no.clone()).collect::<Vec<_>>();
    let mut codes: Vec<String> = people.iter().map(|p| p.dept_code.clone()).collect();
    codes.sort();
    codes.dedup();
    for fy in [current.previous().previous(), current.previous(), current] {
        let last_day = fy.end().min(today);
        let days = (last_day - fy.start()).num_days().max(1) as usize;
        let share = if fy == current { 55 } else { 92 };
        for course in &pack.courses {
            let groups: Vec<Vec<String>> = match course.kind {
                CourseKind::Annual => codes.iter().map(|c| depts_of(c)).collect(),
                CourseKind::NewHire => vec![people
                    .iter()
                    .filter(|p| p.hired_on.as_deref().is_some_and(|h| fy.contains(h.parse().unwrap_or(fy.start()))))
                    .map(|p| p.employee_no.clone())
                    .collect()],
                CourseKind::Role | CourseKind::Drill => vec![people
                    .iter()
                    .filter(|p| course.roles.is_empty() || p.roles.iter().any(|r| course.roles.contains(r)))
                    .map(|p| p.employee_no.clone())
                    .collect()],
            };
            for group in groups.into_iter().filter(|g| !g.is_empty()) {
                let attendees: Vec<String> = group.into_iter().filter(|_| rng.chance(share)).collect();
                if attendees.is_empty() {
                    continue;
                }
                let held_on = fy.start() + chrono::Duration::days(rng.below(days) as i64);
                let method = *rng.pick(&[Method::Classroom, Method::ELearning, Method::Video]);
                let session = NewSession {
                    pack_id: pack.id.clone(),
                    course_id: course.id.clone(),
                    held_on: held_on.to_string(),
                    method,
                    trainer: Some("情報政策課".into()),
                    place: (method == Method::Classroom).then(|| "本庁舎 大会議室".into()),
                };
                let r = store.record_session(&session, &attendees)?;
                sessions += 1;
                attendances += r.attendees;
            }
        }
    }
    Ok((sessions, attendances))
}

/// 自己点検 as if collected from every 所属: nearly everyone who must submit
/// did so last 年度, about 60 % so far this one (never dated after today).
/// Stored as imported files would be. Nothing when the pack has no questionnaires.
fn demo_submissions(ctx: &mut Context, pack: &Pack, people: &[StaffRecord], current: FiscalYear, today: chrono::NaiveDate) -> Result<usize, Failure> {
    let lang = ctx.lang;
    let qs = questionnaires_of(pack);
    if qs.is_empty() {
        return Ok(0);
    }
    let active: Vec<StaffRecord> = people.iter().filter(|p| p.left_on.as_deref().is_none_or(|l| l > today.to_string().as_str())).cloned().collect();
    let must = who_must_submit(&active, &pack.roles, &qs);
    let pack_ref = PackRef { id: pack.id.clone(), version: pack.version.clone(), content_hash: pack.content_hash.clone() };
    let mut rng = Rng::new(29);
    let mut count = 0;
    for (fy, share, latest, seed) in [(current.previous(), 92, current.previous().end(), 31), (current, 60, today, 32)] {
        let chosen: Vec<_> = must.iter().filter(|_| rng.chance(share)).copied().collect();
        for s in tebiki_core::demo_org::submissions(&chosen, &pack_ref, fy.0, latest, seed) {
            let digest = submission::digest(&s).map_err(|e| Failure { lang, message: e.to_string() })?;
            ctx.store_mut().import_submission(&s, &digest, &submission::file_name(&s)).map_err(|e| Failure { lang, message: e.localized(lang) })?;
            count += 1;
        }
    }
    Ok(count)
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
        let s = NewSession { pack_id: "kobe".into(), course_id: "annual".into(), held_on: today.to_string(), method: Method::ELearning, trainer: None, place: None };
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
