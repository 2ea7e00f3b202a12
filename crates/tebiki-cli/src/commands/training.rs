//! `tebiki training record …` and `tebiki training status --year N`

use super::{fail, Context, Failure};
use crate::cli::Cli;
use crate::output;
use serde::Serialize;
use std::path::PathBuf;
use tebiki_core::fiscal_year::FiscalYear;
use tebiki_core::pack::library::{imported_packs_dir, PackLibrary};
use tebiki_core::pack::Pack;
use tebiki_core::bounded_read::{read_at_most, MAX_CSV_BYTES};
use tebiki_core::roster_import::{parse_attendance, parse_date};
use tebiki_core::training::{requirements, DueState};
use tebiki_i18n::{tr_args, tr_message, Arg};
use tebiki_store::{Method, NewSession};

pub struct RecordArgs<'a> {
    pub course: &'a String,
    pub date: &'a String,
    pub method: &'a String,
    pub trainer: &'a Option<String>,
    pub place: &'a Option<String>,
    pub dept: &'a Option<String>,
    pub staff: &'a Vec<String>,
    pub attendance: &'a Option<PathBuf>,
    pub pack: &'a Option<String>,
}

/// The pack whose courses apply: --pack, else the organisation chosen in the app.
fn pack_of(ctx: &Context, library: &PackLibrary, pack: Option<&str>) -> Result<Pack, Failure> {
    let lang = ctx.lang;
    let id = match pack {
        Some(p) => p.to_owned(),
        None => ctx.desk.settings().ok().and_then(|s| s.pack).ok_or_else(|| Failure { lang, message: tr_args(lang, "training-no-pack", &[]) })?,
    };
    library.get(&id).cloned().ok_or_else(|| Failure { lang, message: tr_args(lang, "search-unknown-pack", &[("pack", id.as_str().into())]) })
}

#[derive(Serialize)]
struct RecordReport {
    session_id: i64,
    pack_id: String,
    course_id: String,
    held_on: String,
    attendees: usize,
    unmatched: Vec<String>,
}

pub fn record(cli: &Cli, ctx: &mut Context, a: RecordArgs) -> Result<(), Failure> {
    let lang = ctx.lang;
    let failure = |message: String| Failure { lang, message };
    let library = PackLibrary::load(Some(&imported_packs_dir(&ctx.data_dir)));
    let pack = pack_of(ctx, &library, a.pack.as_deref())?;
    let catalogue = ctx.store().catalogue(&pack).map_err(|e| fail(lang, &e))?;
    if catalogue.course(a.course).is_none() {
        let known = catalogue.courses.iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(", ");
        return Err(failure(tr_args(lang, "training-unknown-course", &[("course", a.course.as_str().into()), ("known", known.into())])));
    }
    let held_on = parse_date(a.date).ok_or_else(|| failure(tr_args(lang, "training-bad-date", &[("value", a.date.as_str().into())])))?;
    let method = Method::parse(a.method).ok_or_else(|| failure(tr_args(lang, "training-bad-method", &[("value", a.method.as_str().into())])))?;
    let mut staff: Vec<String> = a.staff.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
    if let Some(code) = a.dept {
        let members = ctx.store().active_staff().map_err(|e| fail(lang, &e))?;
        staff.extend(members.into_iter().filter(|m| &m.record.dept_code == code).map(|m| m.record.employee_no));
    }
    if let Some(file) = a.attendance {
        let bytes = read_at_most(file, MAX_CSV_BYTES).map_err(|e| failure(tr_message(lang, &e.message(file))))?;
        let rows = parse_attendance(&bytes).map_err(|e| failure(format!("{}: {}", file.display(), tr_message(lang, &e.message()))))?;
        staff.extend(rows.into_iter().map(|(_, no)| no));
    }
    if staff.is_empty() {
        return Err(failure(tr_args(lang, "training-no-attendees", &[])));
    }
    let session = NewSession {
        pack_id: pack.id.clone(),
        course_id: a.course.clone(),
        held_on: held_on.to_string(),
        method,
        trainer: a.trainer.clone(),
        place: a.place.clone(),
    };
    let recorded = ctx.store_mut().record_session(&session, &staff).map_err(|e| fail(lang, &e))?;
    let report = RecordReport {
        session_id: recorded.id,
        pack_id: pack.id,
        course_id: a.course.clone(),
        held_on: session.held_on,
        attendees: recorded.attendees,
        unmatched: recorded.unknown,
    };
    let human = tr_args(
        lang,
        "training-recorded",
        &[("attendees", Arg::from(report.attendees as i64)), ("unmatched", Arg::from(report.unmatched.len() as i64)), ("date", report.held_on.as_str().into())],
    );
    output::result(cli, &human, &report);
    Ok(())
}

#[derive(Serialize)]
struct PersonStatus {
    employee_no: String,
    name: String,
    dept_code: String,
    dept_name: String,
    required: Vec<String>,
    done: Vec<String>,
    overdue: Vec<String>,
}

#[derive(Serialize)]
struct StatusReport {
    year: i32,
    pack_id: String,
    as_of: String,
    people: usize,
    completion_rate: f64,
    staff: Vec<PersonStatus>,
}

pub fn status(cli: &Cli, ctx: &Context, year: i32, pack: Option<&str>) -> Result<(), Failure> {
    let lang = ctx.lang;
    let library = PackLibrary::load(Some(&imported_packs_dir(&ctx.data_dir)));
    let pack = pack_of(ctx, &library, pack)?;
    let fy = FiscalYear(year);
    let today = chrono::Local::now().date_naive();
    let attended = ctx.store().attendance_by_person(&pack.id).map_err(|e| fail(lang, &e))?;
    let catalogue = ctx.store().catalogue(&pack).map_err(|e| fail(lang, &e))?;
    let mut staff = Vec::new();
    let (mut required_total, mut done_total) = (0usize, 0usize);
    for m in ctx.store().all_staff().map_err(|e| fail(lang, &e))? {
        let reqs = requirements(&m.record, &catalogue, fy, attended.get(&m.record.employee_no).map(Vec::as_slice).unwrap_or(&[]), today);
        if reqs.is_empty() && !tebiki_core::training::employed_in(&m.record, fy) {
            continue;
        }
        let pick = |s: Option<DueState>| reqs.iter().filter(|r| s.is_none_or(|s| r.state == s)).map(|r| r.course_id.clone()).collect::<Vec<_>>();
        required_total += reqs.len();
        done_total += reqs.iter().filter(|r| r.state == DueState::Done).count();
        staff.push(PersonStatus {
            employee_no: m.record.employee_no,
            name: m.record.name,
            dept_code: m.record.dept_code,
            dept_name: m.record.dept_name,
            required: pick(None),
            done: pick(Some(DueState::Done)),
            overdue: pick(Some(DueState::Overdue)),
        });
    }
    let rate = if required_total == 0 { 0.0 } else { (done_total as f64 / required_total as f64 * 1000.0).round() / 10.0 };
    let report = StatusReport { year, pack_id: pack.id.clone(), as_of: today.to_string(), people: staff.len(), completion_rate: rate, staff };
    if cli.json {
        output::line(&serde_json::to_string_pretty(&report).expect("report serialises"));
        return Ok(());
    }
    output::line(&tr_args(
        lang,
        "training-status-summary",
        &[("year", fy.wareki().into()), ("people", Arg::from(report.people as i64)), ("rate", Arg::Num(rate))],
    ));
    for p in report.staff.iter().filter(|p| !p.overdue.is_empty()) {
        output::line(&format!("  {} {} ({}) — {}", p.employee_no, p.name, p.dept_name, p.overdue.join(", ")));
    }
    Ok(())
}
