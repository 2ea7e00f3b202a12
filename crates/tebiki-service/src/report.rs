//! 報告書: a report of the organisation rendered to a PDF file, written
//! atomically and recorded in the 操作記録. One request type for both fronts.

use crate::access::Admin;
use crate::error::{ErrorCode, ServiceError, ServiceResult};
use crate::files::ExportKind;
use serde::Deserialize;
use tebiki_report::{
    render_certificates, render_department_sheet, render_department_sheets, render_forms, render_selfcheck, render_selfcheck_detail, render_training,
    sheet_file_name, CertificateData, CertificateTarget, DepartmentData, FormData, FormPerson, ReportError, ReportFile, ReportOptions, SelfcheckData,
    TrainingData,
};
use tebiki_store::SessionRow;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum ReportKind {
    /// 自己点検結果報告書
    Selfcheck,
    /// 研修実施状況報告書
    Training,
    /// 修了証
    Certificate,
    /// 所属別結果票 (自己点検, for each 情報管理者)
    Department,
    /// 自己点検票 on paper (a role's questionnaire), blank or per person
    Form,
}

impl ReportKind {
    fn code(self) -> &'static str {
        match self {
            ReportKind::Selfcheck => "selfcheck",
            ReportKind::Training => "training",
            ReportKind::Certificate => "certificate",
            ReportKind::Department => "department",
            ReportKind::Form => "form",
        }
    }
}

/// What to render and where.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ReportRequest {
    pub kind: ReportKind,
    pub year: i32,
    /// Only this 所属 (code).
    #[serde(default)]
    pub dept: Option<String>,
    /// 修了証: this person (with `session`: for that session only).
    #[serde(default)]
    pub staff: Option<String>,
    /// 修了証: every attendee of this session (or only `staff`).
    #[serde(default)]
    #[ts(type = "number | null")]
    pub session: Option<i64>,
    /// The 決裁欄 (default: the boxes chosen in 設定).
    #[serde(default)]
    pub approvers: Option<Vec<String>>,
    /// 作成者 on the cover (default: the .ftl's).
    #[serde(default)]
    pub author: Option<String>,
    /// 作成日 as typed (default: today); training deadlines are judged as of it.
    #[serde(default)]
    pub date: Option<String>,
    /// The pack (default: the organisation chosen in 設定).
    #[serde(default)]
    pub pack: Option<String>,
    /// 自己点検結果報告書: the 別冊 (every 改善策 with its person, status and 期限) instead of the report.
    #[serde(default)]
    pub detail: bool,
    /// 点検票: the role (its id in the pack) whose questionnaire is printed.
    #[serde(default)]
    pub role: Option<String>,
    /// The PDF file to write (absolute). 所属別結果票 of every 所属: a file
    /// ending in .pdf holds them all, anything else is a folder that gets one
    /// PDF per 所属.
    pub path: String,
}

fn report_err(lang: tebiki_core::settings::Language, e: ReportError) -> ServiceError {
    ServiceError::new(ErrorCode::Invalid, e.localized(lang))
}

/// Renders the report and writes it (beside, then renamed).
pub fn export_report(admin: &mut Admin, req: &ReportRequest) -> ServiceResult<ReportFile> {
    let session = admin.session();
    let l = session.lang();
    let path = crate::files::absolute_path(l, &req.path)?;
    let year = crate::years::checked(session, req.year)?;
    let pack = session.pack(req.pack.as_deref())?;
    let created = match req.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => {
            tebiki_core::calendar::typed_date::parse_date(d).ok_or_else(|| session.err_args(ErrorCode::Invalid, "training-bad-date", &[("value", d.into())]))?
        }
        None => chrono::Local::now().date_naive(),
    };
    let mut opts = ReportOptions::new(l, year, created);
    opts.dept = req.dept.as_deref().map(str::trim).filter(|d| !d.is_empty()).map(str::to_owned);
    opts.approvers = match &req.approvers {
        Some(a) => Some(a.clone()),
        None => session.settings()?.approver_list(),
    };
    opts.author = req.author.clone().filter(|a| !a.trim().is_empty());
    if req.kind == ReportKind::Department && !path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
        return export_department_folder(admin, req, &pack, year, &opts, &path);
    }
    let rendered = {
        let store = admin.store();
        match req.kind {
            ReportKind::Selfcheck => {
                let data = SelfcheckData::load(store, &pack, year, opts.dept.as_deref()).map_err(|e| report_err(l, e))?;
                match req.detail {
                    true => render_selfcheck_detail(&data, &opts).map_err(|e| report_err(l, e))?,
                    false => render_selfcheck(&data, &opts).map_err(|e| report_err(l, e))?,
                }
            }
            ReportKind::Department => {
                let data = DepartmentData::load(store, &pack, year, opts.dept.as_deref()).map_err(|e| report_err(l, e))?;
                render_department_sheets(&data, &opts).map_err(|e| report_err(l, e))?
            }
            ReportKind::Form => {
                let role = req.role.as_deref().map(str::trim).filter(|r| !r.is_empty()).unwrap_or("staff");
                let people = form_people(store, &pack, role, req.staff.as_deref(), opts.dept.as_deref()).map_err(|e| session.store_err(&e))?;
                match (&req.staff, &opts.dept) {
                    (Some(no), _) if people.is_empty() => return Err(report_err(l, ReportError::UnknownStaff { employee_no: no.clone() })),
                    (None, Some(code)) if people.is_empty() => return Err(report_err(l, ReportError::UnknownDepartment { code: code.clone() })),
                    _ => {}
                }
                let data = FormData::new(&pack, role, people).map_err(|e| report_err(l, e))?;
                render_forms(&data, &opts).map_err(|e| report_err(l, e))?
            }
            ReportKind::Training => {
                let data = TrainingData::load(store, &pack, year, opts.dept.as_deref(), created).map_err(|e| report_err(l, e))?;
                render_training(&data, &opts).map_err(|e| report_err(l, e))?
            }
            ReportKind::Certificate => {
                let staff = req.staff.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
                let target = match (staff, req.session) {
                    (Some(no), Some(id)) => CertificateTarget::PersonAtSession(no, id),
                    (Some(no), None) => CertificateTarget::Person(no),
                    (None, Some(id)) => CertificateTarget::Session(id),
                    (None, None) => return Err(report_err(l, ReportError::NothingToCertify)),
                };
                let data = CertificateData::load(store, &pack, year, &target).map_err(|e| report_err(l, e))?;
                render_certificates(&data, &opts).map_err(|e| report_err(l, e))?
            }
        }
    };
    admin.export_file(ExportKind::Report(req.kind.code()), &path, &rendered.bytes)?;
    Ok(ReportFile { path: path.display().to_string(), pages: rendered.pages, bytes: rendered.bytes.len() })
}

/// Whose 点検票: one person (職員番号), or everyone in a 所属 who answers
/// the role's questionnaire, from the roster; none: a blank sheet.
fn form_people(
    store: &tebiki_store::Store,
    pack: &tebiki_core::pack::Pack,
    role: &str,
    staff: Option<&str>,
    dept: Option<&str>,
) -> Result<Vec<FormPerson>, tebiki_store::StoreError> {
    use tebiki_core::selfcheck::dashboard::{questionnaires_of, who_must_submit};
    let person =
        |r: &tebiki_core::roster::import::StaffRecord| FormPerson { employee_no: r.employee_no.clone(), name: r.name.clone(), dept_name: r.dept_name.clone() };
    if let Some(no) = staff.map(str::trim).filter(|s| !s.is_empty()) {
        return Ok(store.staff_member(no)?.map(|m| vec![person(&m.record)]).unwrap_or_default());
    }
    let Some(code) = dept.map(str::trim).filter(|d| !d.is_empty()) else { return Ok(Vec::new()) };
    let active: Vec<_> = store.active_staff()?.into_iter().map(|m| m.record).filter(|r| r.dept_code == code).collect();
    let qs = questionnaires_of(pack);
    let mut people: Vec<FormPerson> = who_must_submit(&active, &pack.roles, &qs).into_iter().filter(|(_, q)| q.role == role).map(|(r, _)| person(r)).collect();
    people.sort_by(|a, b| a.employee_no.cmp(&b.employee_no));
    Ok(people)
}

/// 所属別結果票 into a folder: one PDF per 所属, recorded once in the 操作記録.
/// The figure returned is the folder, the pages and bytes of all files.
fn export_department_folder(
    admin: &mut Admin,
    req: &ReportRequest,
    pack: &tebiki_core::pack::Pack,
    year: i32,
    opts: &ReportOptions,
    dir: &std::path::Path,
) -> ServiceResult<ReportFile> {
    let session = admin.session();
    let l = session.lang();
    let data = DepartmentData::load(admin.store(), pack, year, req.dept.as_deref()).map_err(|e| report_err(l, e))?;
    crate::files::create_private_dir(dir).map_err(|e| crate::files::io_error(l, dir, &e))?;
    let (mut pages, mut bytes) = (0, 0);
    for (i, (code, _, _)) in data.depts.iter().enumerate() {
        let rendered = render_department_sheet(&data, i, opts).map_err(|e| report_err(l, e))?;
        let path = dir.join(sheet_file_name(year, code));
        crate::files::write_atomically(&path, &rendered.bytes).map_err(|e| crate::files::io_error(l, &path, &e))?;
        pages += rendered.pages;
        bytes += rendered.bytes.len();
    }
    admin.record_export(ExportKind::Report("department"), dir)?;
    Ok(ReportFile { path: dir.display().to_string(), pages, bytes })
}

/// The sessions of a 年度 with their course titles (修了証 for a session).
pub fn sessions_of_year(admin: &mut Admin, year: i32) -> ServiceResult<Vec<(SessionRow, String)>> {
    let session = admin.session();
    let year = crate::years::checked(session, year)?;
    let pack = session.pack(None)?;
    let catalogue = crate::training::catalogue(admin, &pack)?;
    let rows = admin.store().sessions_in_year(&pack.id, tebiki_core::calendar::fiscal_year::FiscalYear(year), None).map_err(|e| session.store_err(&e))?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let title = catalogue.course(&r.course_id).map(|c| c.title.clone()).unwrap_or_else(|| r.course_id.clone());
            (r, title)
        })
        .collect())
}

/// A report just written, to show in its folder: only an existing PDF at an
/// absolute path is accepted (the window cannot open anything else this way).
pub fn existing_pdf(session: &crate::session::Session, path: &str) -> ServiceResult<std::path::PathBuf> {
    let p = crate::files::absolute_path(session.lang(), path)?;
    let ok = p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) && p.parent().is_some();
    match ok {
        true => Ok(p),
        false => Err(session.err_args(ErrorCode::NotFound, "error-file-missing", &[("path", path.into())])),
    }
}
