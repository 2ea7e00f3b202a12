//! 所属別結果票: what a 情報管理者 needs for the 取りまとめ of their 所属
//! (神戸市 11.2.2 ア) — who has submitted, the 所属's rates beside the
//! organisation's, and its 改善策 with their status and 期限. One 所属 per
//! document, or every 所属 in one document, each starting on a new page.

use crate::cover::document;
use crate::format::{self, rate};
use crate::layout::{Align, Cell, Column, Pdf, Table, INK, MUTED};
use crate::{ReportError, ReportOptions};
use std::collections::HashMap;
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_core::pack::Pack;
use tebiki_core::selfcheck::dashboard::{questionnaires_of, SelfcheckDashboard};
use tebiki_i18n::{tr, tr_args, Arg};
use tebiki_store::Store;

/// The organisation's 集計 and each 所属's.
pub struct DepartmentData {
    pub organisation: String,
    pub org: SelfcheckDashboard,
    /// (code, name, the 所属's 集計), in code order.
    pub depts: Vec<(String, String, SelfcheckDashboard)>,
}

impl DepartmentData {
    /// Every 所属, or `only` that one (refused when the roster and the
    /// submissions know no such 所属).
    pub fn load(store: &Store, pack: &Pack, year: i32, only: Option<&str>) -> Result<DepartmentData, ReportError> {
        if questionnaires_of(pack).is_empty() {
            return Err(ReportError::NoQuestionnaires { pack: pack.id.clone() });
        }
        let only = only.map(str::trim).filter(|c| !c.is_empty());
        let (org, depts) = store.selfcheck_dashboards_by_dept(pack, year, only)?;
        if let (Some(code), true) = (only, depts.is_empty()) {
            return Err(ReportError::UnknownDepartment { code: code.to_owned() });
        }
        Ok(DepartmentData { organisation: pack.organization.name.clone(), org, depts })
    }
}

fn n(v: usize) -> Arg {
    Arg::from(v as i64)
}

/// Every 所属 of `data` in one PDF, each on its own pages.
pub fn render_department_sheets(data: &DepartmentData, opts: &ReportOptions) -> Result<crate::Rendered, ReportError> {
    let title = tr(opts.lang, "report-dept-title");
    let single = (data.depts.len() == 1).then(|| data.depts[0].1.as_str());
    let mut pdf = document(opts, &data.organisation, &title, single)?;
    for (i, (code, name, d)) in data.depts.iter().enumerate() {
        if i > 0 {
            pdf.new_page();
        }
        sheet(&mut pdf, data, code, name, d, opts);
    }
    pdf.finish()
}

/// One 所属 alone (`index` into `data.depts`).
pub fn render_department_sheet(data: &DepartmentData, index: usize, opts: &ReportOptions) -> Result<crate::Rendered, ReportError> {
    let (code, name, d) = &data.depts[index];
    let mut pdf = document(opts, &data.organisation, &tr(opts.lang, "report-dept-title"), Some(name))?;
    sheet(&mut pdf, data, code, name, d, opts);
    pdf.finish()
}

fn sheet(pdf: &mut Pdf, data: &DepartmentData, code: &str, name: &str, d: &SelfcheckDashboard, opts: &ReportOptions) {
    let lang = opts.lang;
    let fy = FiscalYear(opts.year);
    let this_year = format::fiscal_year_short(lang, fy);
    let last_year = format::fiscal_year_short(lang, fy.previous());
    pdf.heading(&tr_args(lang, "report-dept-heading", &[("dept", name.into()), ("code", code.into()), ("year", this_year.as_str().into())]), 120.0);
    let c = &d.remedy_counts;
    pdf.paragraph(
        &tr_args(
            lang,
            "report-dept-intro",
            &[
                ("submitted", n(d.submitted)),
                ("required", n(d.required)),
                ("rate", rate(lang, d.overall.rate).into()),
                ("org_rate", rate(lang, data.org.overall.rate).into()),
                ("remedies", n(c.total)),
                ("done", n(c.done)),
                ("overdue", n(c.overdue)),
            ],
        ),
        10.0,
        0.0,
        INK,
    );
    pdf.space(6.0);

    // Who has submitted.
    pdf.paragraph(&tr(lang, "report-dept-people"), 10.0, 0.0, INK);
    let mut people: Vec<_> = d.done.iter().chain(&d.pending).collect();
    people.sort_by(|a, b| (&a.employee_no, &a.role).cmp(&(&b.employee_no, &b.role)));
    if people.is_empty() {
        pdf.paragraph(&tr(lang, "report-none"), 9.0, 0.0, MUTED);
    } else {
        let columns = vec![
            Column::new(tr(lang, "report-col-employee-no"), 1.0, Align::Left).fit(),
            Column::new(tr(lang, "report-col-name"), 1.6, Align::Left),
            Column::new(tr(lang, "report-col-role"), 1.8, Align::Left),
            Column::new(tr(lang, "report-dept-col-submitted"), 1.4, Align::Left).fit(),
        ];
        let rows = people
            .iter()
            .map(|p| {
                let state = match (p.version, &p.submitted_at) {
                    (Some(v), Some(at)) => {
                        tr_args(lang, "report-dept-submitted", &[("version", n(v as usize)), ("date", format::iso_short(lang, &at[..at.len().min(10)]).into())])
                    }
                    _ => tr(lang, "report-dept-not-submitted"),
                };
                vec![Cell::from(p.employee_no.as_str()), Cell::from(p.name.as_str()), Cell::from(p.role_name.as_str()), Cell::from(state)]
            })
            .collect();
        pdf.table(&Table { columns, rows, size: 8.5 });
    }
    pdf.space(6.0);

    // The 所属's rates by chapter beside the organisation's.
    pdf.paragraph(&tr(lang, "report-dept-chapters"), 10.0, 0.0, INK);
    let org: HashMap<&str, Option<f64>> = data.org.chapters.iter().map(|c| (c.chapter.as_str(), c.tally.rate)).collect();
    let columns = vec![
        Column::new(tr(lang, "report-col-chapter"), 3.6, Align::Left),
        Column::new(tr(lang, "report-dept-col-rate"), 1.1, Align::Right).fit(),
        Column::new(tr(lang, "report-dept-col-org-rate"), 1.1, Align::Right).fit(),
        Column::new(last_year.as_str(), 1.1, Align::Right).fit(),
    ];
    let rows = crate::selfcheck::chapter_order(d)
        .into_iter()
        .filter(|c| c.tally.rate.is_some() || c.previous_rate.is_some())
        .map(|c| {
            vec![
                Cell::from(c.chapter.as_str()),
                Cell::from(rate(lang, c.tally.rate)),
                Cell::from(rate(lang, org.get(c.chapter.as_str()).copied().flatten())),
                Cell::from(rate(lang, c.previous_rate)),
            ]
        })
        .collect::<Vec<_>>();
    if rows.is_empty() {
        pdf.paragraph(&tr(lang, "report-none"), 9.0, 0.0, MUTED);
    } else {
        pdf.table(&Table { columns, rows, size: 8.5 });
    }
    pdf.space(6.0);

    // Its 改善策, with status and 期限.
    pdf.paragraph(&tr(lang, "report-dept-remedies"), 10.0, 0.0, INK);
    if d.remedies.is_empty() {
        pdf.paragraph(&tr(lang, "report-sc-no-remedies"), 9.0, 0.0, MUTED);
        return;
    }
    let columns = vec![
        Column::new(tr(lang, "report-col-question"), 3.0, Align::Left),
        Column::new(tr(lang, "report-col-name"), 1.2, Align::Left),
        Column::new(tr(lang, "report-col-remedy"), 2.8, Align::Left),
        Column::new(tr(lang, "report-col-due"), 1.0, Align::Left).fit(),
        Column::new(tr(lang, "report-col-status"), 1.1, Align::Left).fit(),
    ];
    let mut list: Vec<_> = d.remedies.iter().collect();
    list.sort_by(|a, b| (!a.overdue, &a.due, &a.employee_no, &a.item_id).cmp(&(!b.overdue, &b.due, &b.employee_no, &b.item_id)));
    let rows = list
        .iter()
        .map(|r| {
            let status = tr(lang, r.status.label_key());
            vec![
                Cell::from(tr_args(
                    lang,
                    "report-sc-question",
                    &[("role", r.role_name.as_str().into()), ("item", r.item_id.as_str().into()), ("question", r.question.as_str().into())],
                )),
                Cell::from(r.name.as_str()),
                Cell::from(r.remedy.as_str()),
                Cell::from(r.due.as_deref().map(|x| format::iso_short(lang, x)).unwrap_or_else(|| tr(lang, "report-none"))),
                Cell::from(if r.overdue { format!("{status}（{}）", tr(lang, "remedy-overdue")) } else { status }),
            ]
        })
        .collect();
    pdf.table(&Table { columns, rows, size: 8.0 });
}

/// The file name of one 所属's sheet: ASCII only (see the submission files).
pub fn sheet_file_name(year: i32, code: &str) -> String {
    let kept: String = code.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    if kept == code && !kept.is_empty() {
        format!("dept_{year}_{kept}.pdf")
    } else {
        let hash: u32 = code.bytes().fold(2166136261u32, |h, b| (h ^ b as u32).wrapping_mul(16777619));
        format!("dept_{year}_{kept}x{hash:08x}.pdf")
    }
}
