//! `tebiki demo`: a fictitious organisation to try the app with — a roster,
//! three 年度 of training sessions and two of 自己点検 submissions.

use crate::access::Admin;
use crate::error::{ErrorCode, ServiceError, ServiceResult};
use serde::Serialize;
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_core::demo::{organisation, Rng};
use tebiki_core::pack::courses::CourseKind;
use tebiki_core::pack::Pack;
use tebiki_core::roster::import::StaffRecord;
use tebiki_core::selfcheck::answers::RemedyStatus;
use tebiki_core::selfcheck::dashboard::{questionnaires_of, who_must_submit};
use tebiki_core::selfcheck::submission::{self, PackRef, RemedyProgress};
use tebiki_store::{Method, NewSession, Store, StoreError};

#[derive(Debug, Clone, Serialize)]
pub struct DemoReport {
    pub pack_id: String,
    pub departments: usize,
    pub staff: usize,
    pub sessions: usize,
    pub attendances: usize,
    /// 自己点検 submissions (previous and current 年度); 0 if the pack has no questionnaires.
    pub selfcheck_submissions: usize,
    /// e-learning result files (previous and current 年度); 0 if the pack has no e-learning.
    pub elearning_results: usize,
}

/// Fills an empty data folder with a demo organisation of `staff` people in
/// `depts` 所属, using `pack_id`'s courses and questionnaires.
pub fn create_demo(admin: &mut Admin, staff: usize, depts: usize, pack_id: &str) -> ServiceResult<DemoReport> {
    let session = admin.session();
    if !admin.store().all_staff().map_err(|e| session.store_err(&e))?.is_empty() {
        return Err(session.err_args(ErrorCode::Invalid, "demo-not-empty", &[("dir", session.data_dir().display().to_string().into())]));
    }
    let pack = session.pack(Some(pack_id))?;
    let today = chrono::Local::now().date_naive();
    let people = organisation(depts, staff.max(1), today, 20261122);
    let store = admin.store_mut();
    store.import_roster(&people, true, &today.to_string()).map_err(|e| session.store_err(&e))?;
    crate::settings::choose_pack_if_unset(session, &pack.id)?;
    let (sessions, attendances) = record_sessions(store, &pack, &people, today).map_err(|e| session.store_err(&e))?;
    let selfcheck_submissions = demo_submissions(store, &pack, &people, FiscalYear::of(today), today)
        .map_err(|e| ServiceError::new(ErrorCode::Store, tebiki_i18n::tr_message(session.lang(), &e.message())))?;
    let elearning_results = demo_elearning(store, &pack, &people, FiscalYear::of(today), today).map_err(|e| session.store_err(&e))?;
    store.audit(tebiki_store::Action::DemoCreated, serde_json::json!({ "staff": people.len() })).map_err(|e| session.store_err(&e))?;
    let departments = people.iter().map(|p| p.dept_code.as_str()).collect::<std::collections::BTreeSet<_>>().len();
    Ok(DemoReport { pack_id: pack.id.clone(), departments, staff: people.len(), sessions, attendances, selfcheck_submissions, elearning_results })
}

/// The result files of a 年度's e-learning as staff PCs would write them
/// (`share` % of the active staff), in memory. Also used by `tebiki bench elearning`.
pub fn elearning_files(
    store: &Store,
    pack: &Pack,
    people: &[StaffRecord],
    year: FiscalYear,
    share: usize,
    latest: chrono::NaiveDate,
) -> Result<Vec<tebiki_store::ResultFile>, StoreError> {
    let catalogue = store.catalogue(pack)?;
    let active: Vec<StaffRecord> = people.iter().filter(|p| tebiki_core::training::requirements::employed_in(p, year)).cloned().collect();
    let results = tebiki_core::demo::elearning_results(&active, &|p| catalogue.person_roles(p), pack, year.0, share, latest, 41 + year.0 as u64);
    Ok(results
        .iter()
        .filter_map(|r| {
            let (bytes, _) = tebiki_core::training::elearning::results::write(r).ok()?;
            Some(tebiki_store::ResultFile { path: tebiki_core::training::elearning::results::file_name(r), bytes: Ok(bytes) })
        })
        .collect())
}

/// e-learning as if collected from the staff PCs: most staff last 年度,
/// about 60 % so far this one.
fn demo_elearning(store: &mut Store, pack: &Pack, people: &[StaffRecord], current: FiscalYear, today: chrono::NaiveDate) -> Result<usize, StoreError> {
    if pack.elearning.is_empty() {
        return Ok(0);
    }
    let courses = |id: &str| (id == pack.id).then(|| pack.elearning.iter().map(|c| c.course.clone()).collect());
    let mut count = 0;
    for (fy, share, latest) in [(current.previous(), 90, current.previous().end()), (current, 60, today)] {
        let files = elearning_files(store, pack, people, fy, share, latest)?;
        let mut report = tebiki_store::ResultsImportReport::default();
        store.import_result_files(&files, &courses, &mut report, &mut |_, _| {})?;
        count += report.accepted.len();
    }
    Ok(count)
}

/// Three 年度 of sessions of every course of the pack, up to `today`: nearly
/// everyone attended in past years, about half so far this year. Returns
/// (sessions, attendances). Also used by `tebiki bench report`.
pub fn record_sessions(store: &mut Store, pack: &Pack, people: &[StaffRecord], today: chrono::NaiveDate) -> Result<(usize, usize), StoreError> {
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
fn demo_submissions(
    store: &mut Store,
    pack: &Pack,
    people: &[StaffRecord],
    current: FiscalYear,
    today: chrono::NaiveDate,
) -> Result<usize, tebiki_store::SelfcheckError> {
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
        for mut s in tebiki_core::demo::submissions(&chosen, &pack_ref, fy.0, latest, seed) {
            // Where the 改善策 stand: most of last 年度's are done, some of this one's.
            let done_share = if fy == current { 20 } else { 70 };
            for a in s.answers.iter().filter(|a| !a.remedy.is_empty()) {
                let status = match rng.below(100) {
                    r if r < done_share => RemedyStatus::Done,
                    r if r < done_share + 15 => RemedyStatus::InProgress,
                    r if r < done_share + 18 => RemedyStatus::Withdrawn,
                    _ => continue,
                };
                let on = latest.min(fy.end()).to_string();
                s.progress.push(RemedyProgress { item_id: a.item_id.clone(), status, on, note: String::new() });
            }
            let digest = submission::digest(&s)?;
            store.import_submission(&s, &digest, &submission::file_name(&s))?;
            count += 1;
        }
    }
    Ok(count)
}
