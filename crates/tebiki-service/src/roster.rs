//! The roster and the organisation (管理者モード): importing the 職員名簿,
//! 所属, people's roles and histories.

use crate::access::Admin;
use crate::error::{ErrorCode, ServiceError, ServiceResult};
use crate::session::Session;
use std::path::Path;
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_core::roster::import::{guess_mapping, parse_roster, read_headers, RejectedRow, RosterError, RosterField};
use tebiki_store::{Department, DepartmentMembers, PersonHistory, RosterPlan, RosterPreview, StaffHit};

/// Reads a CSV the 管理者 chose (roster, attendance).
/// Sized for a 50,000-person roster; the length is checked before reading.
pub(crate) fn read_csv(session: &Session, path: &Path) -> ServiceResult<Vec<u8>> {
    use tebiki_core::bounded_read::{read_at_most, MAX_CSV_BYTES};
    read_at_most(path, MAX_CSV_BYTES).map_err(|e| session.err_message(ErrorCode::Io, &e.message(path)))
}

fn roster_error(session: &Session, path: &Path, e: &RosterError) -> ServiceError {
    let m = tebiki_i18n::tr_message(session.lang(), &e.message());
    ServiceError::new(ErrorCode::Invalid, format!("{}: {m}", path.display()))
}

/// Reads a roster file and says what importing it would change (or which
/// column must still be named). The mode is checked before the file is read.
pub fn roster_preview(admin: &mut Admin, path: &Path, mapping: Option<&[Option<RosterField>]>, full: bool) -> ServiceResult<RosterPreview> {
    let session = admin.session();
    let bytes = read_csv(session, path)?;
    match parse_roster(&bytes, mapping) {
        Ok(parsed) => {
            let records: Vec<_> = parsed.rows.iter().map(|(_, r)| r.clone()).collect();
            let plan = admin.store().plan_roster(&records, &parsed.rejected, full).map_err(|e| session.store_err(&e))?;
            Ok(RosterPreview {
                encoding: parsed.encoding,
                headers: parsed.headers,
                mapping: parsed.mapping,
                missing_column: None,
                rows: records.len(),
                plan,
                rejected: parsed.rejected,
            })
        }
        Err(e @ RosterError::MissingColumn(_)) => {
            let (headers, encoding) = read_headers(&bytes).map_err(|e| roster_error(session, path, &e))?;
            let guess = mapping.map(<[_]>::to_vec).unwrap_or_else(|| guess_mapping(&headers));
            Ok(RosterPreview {
                encoding,
                mapping: guess,
                headers,
                missing_column: Some(e.message()),
                rows: 0,
                plan: RosterPlan::default(),
                rejected: Vec::new(),
            })
        }
        Err(e) => Err(roster_error(session, path, &e)),
    }
}

/// How to import a roster.
#[derive(Debug, Clone, Default)]
pub struct RosterImport<'a> {
    /// Column → field, when the file's headers are not recognised.
    pub mapping: Option<&'a [Option<RosterField>]>,
    /// The file is the whole roster: people not in it become 退職.
    pub full: bool,
    /// A file with bad rows is not imported at all.
    pub strict: bool,
    /// Say what would change; change nothing.
    pub dry_run: bool,
    /// Go ahead even when more than a tenth of the roster would become 退職.
    pub yes: bool,
}

/// What a roster import did (or would do).
#[derive(Debug, Clone)]
pub struct RosterOutcome {
    pub encoding: String,
    /// Nothing was changed (asked, or refused by `strict`).
    pub dry_run: bool,
    /// `strict` and bad rows: nothing imported.
    pub refused: bool,
    /// Many people would become 退職 and `yes` was not given: nothing imported.
    pub unconfirmed: bool,
    pub plan: RosterPlan,
    pub rejected: Vec<RejectedRow>,
}

/// Imports the roster (one transaction), telling `progress(done, total)`.
pub fn import_roster(admin: &mut Admin, path: &Path, how: &RosterImport, progress: &mut dyn FnMut(usize, usize)) -> ServiceResult<RosterOutcome> {
    let session = admin.session();
    let bytes = read_csv(session, path)?;
    let parsed = parse_roster(&bytes, how.mapping).map_err(|e| roster_error(session, path, &e))?;
    let records: Vec<_> = parsed.rows.into_iter().map(|(_, r)| r).collect();
    let refused = how.strict && !parsed.rejected.is_empty();
    // People whose rows were rejected are never made 退職; a full import that
    // would retire more than a tenth of the roster needs `yes`.
    let preview = admin.store().plan_roster(&records, &parsed.rejected, how.full).map_err(|e| session.store_err(&e))?;
    let unconfirmed = preview.many_deactivated && !how.yes && !how.dry_run;
    let dry_run = how.dry_run || refused || unconfirmed;
    let plan = if dry_run {
        preview
    } else {
        let today = chrono::Local::now().date_naive().to_string();
        let mut progress = |done, total| progress(done, total);
        admin.store_mut().import_roster_with_progress(&records, &parsed.rejected, how.full, &today, &mut progress).map_err(|e| session.store_err(&e))?
    };
    Ok(RosterOutcome { encoding: parsed.encoding, dry_run, refused, unconfirmed, plan, rejected: parsed.rejected })
}

/// 所属 with their active members, by code (the session form's groups).
pub fn departments_with_members(admin: &mut Admin) -> ServiceResult<Vec<DepartmentMembers>> {
    let staff = admin.store().active_staff().map_err(|e| admin.session().store_err(&e))?;
    let mut out: Vec<DepartmentMembers> = Vec::new();
    for m in staff {
        match out.iter_mut().find(|d| d.code == m.record.dept_code) {
            Some(d) => d.members.push((m.record.employee_no, m.record.name)),
            None => out.push(DepartmentMembers { code: m.record.dept_code, name: m.record.dept_name, members: vec![(m.record.employee_no, m.record.name)] }),
        }
    }
    out.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(out)
}

pub fn department_list(admin: &mut Admin) -> ServiceResult<Vec<Department>> {
    admin.store().departments().map_err(|e| admin.session().store_err(&e))
}

pub fn save_department(admin: &mut Admin, code: &str, name: &str) -> ServiceResult<()> {
    let session = admin.session();
    let result = admin.store_mut().save_department(code, name).map_err(|e| session.store_err(&e))?;
    result.map_err(|r| session.err_message(ErrorCode::Invalid, &r.message()))
}

pub fn set_department_active(admin: &mut Admin, code: &str, active: bool) -> ServiceResult<()> {
    let session = admin.session();
    let result = admin.store_mut().set_department_active(code, active).map_err(|e| session.store_err(&e))?;
    result.map_err(|r| session.err_message(ErrorCode::Invalid, &r.message()))
}

/// People by name, ふりがな or 職員番号 (at most 50).
pub fn find_staff(admin: &mut Admin, query: &str) -> ServiceResult<Vec<StaffHit>> {
    admin.store().find_staff(query, 50).map_err(|e| admin.session().store_err(&e))
}

/// One person's training in a 年度 and every session they attended.
pub fn person_history(admin: &mut Admin, employee_no: &str, year: i32) -> ServiceResult<PersonHistory> {
    let session = admin.session();
    let year = crate::years::checked(session, year)?;
    let pack = session.pack(None)?;
    let today = chrono::Local::now().date_naive();
    admin
        .store()
        .person_history(&pack, employee_no, FiscalYear(year), today)
        .map_err(|e| session.store_err(&e))?
        .ok_or_else(|| session.err_args(ErrorCode::NotFound, "staff-not-found", &[("employee_no", employee_no.into())]))
}

/// Sets the roles a person holds (names or aliases of the pack's roles).
pub fn set_staff_roles(admin: &mut Admin, employee_no: &str, roles: &[String]) -> ServiceResult<()> {
    let session = admin.session();
    let pack = session.pack(None)?;
    let mut names = Vec::new();
    for r in roles {
        let role = tebiki_core::pack::roles::resolve(&pack.roles, r)
            .ok_or_else(|| session.err_message(ErrorCode::Invalid, &tebiki_core::training::catalogue::CourseError::UnknownRole(r.clone()).message()))?;
        names.push(role.name.clone());
    }
    let found = admin.store_mut().set_staff_roles(employee_no, &names).map_err(|e| session.store_err(&e))?;
    match found {
        true => Ok(()),
        false => Err(session.err_args(ErrorCode::NotFound, "staff-not-found", &[("employee_no", employee_no.into())])),
    }
}
