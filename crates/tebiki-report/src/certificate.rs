//! 修了証: one page per person and session attended — for one person (every
//! session of the 年度 they attended), or for every attendee of a session.

use crate::format;
use crate::layout::{Align, Pdf, BAR, INK, LEFT, MM, MUTED, PAGE_H, PAGE_W};
use crate::training::method_label;
use crate::{ReportError, ReportOptions};
use chrono::NaiveDate;
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_core::pack::Pack;
use tebiki_i18n::{tr, tr_args};
use tebiki_store::{Method, Store};

/// Whose certificates to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertificateTarget {
    /// One person: every session of the 年度 they attended.
    Person(String),
    /// Every attendee of one session.
    Session(i64),
    /// One person for one session.
    PersonAtSession(String, i64),
}

/// One certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    pub employee_no: String,
    pub name: String,
    pub dept_name: String,
    pub session_id: i64,
    pub course: String,
    pub held_on: NaiveDate,
    pub method: Method,
}

pub struct CertificateData {
    pub organisation: String,
    pub certificates: Vec<Certificate>,
}

impl CertificateData {
    pub fn load(store: &Store, pack: &Pack, year: i32, target: &CertificateTarget) -> Result<CertificateData, ReportError> {
        let catalogue = store.catalogue(pack)?;
        let title = |id: &str| catalogue.course(id).map(|c| c.title.clone()).unwrap_or_else(|| id.to_owned());
        let date = |iso: &str| NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok();
        let mut certificates = Vec::new();
        match target {
            CertificateTarget::Person(no) => {
                let member = store.staff_member(no)?.ok_or_else(|| ReportError::UnknownStaff { employee_no: no.clone() })?;
                let fy = FiscalYear(year);
                let mut sessions = store.attended_sessions(&pack.id, no)?;
                // Oldest first, as the certificates of a year are filed.
                sessions.reverse();
                for s in sessions {
                    let Some(held_on) = date(&s.held_on).filter(|d| fy.contains(*d)) else { continue };
                    certificates.push(Certificate {
                        employee_no: member.record.employee_no.clone(),
                        name: member.record.name.clone(),
                        dept_name: member.record.dept_name.clone(),
                        session_id: s.session_id,
                        course: title(&s.course_id),
                        held_on,
                        method: s.method,
                    });
                }
            }
            CertificateTarget::Session(id) | CertificateTarget::PersonAtSession(_, id) => {
                let (session, attendees) = store.session_with_attendees(*id)?.ok_or(ReportError::UnknownSession { id: *id })?;
                if session.pack_id != pack.id {
                    return Err(ReportError::SessionOfOtherPack { id: *id, found: session.pack_id, expected: pack.id.clone() });
                }
                let only = match target {
                    CertificateTarget::PersonAtSession(no, _) => {
                        if store.staff_member(no)?.is_none() {
                            return Err(ReportError::UnknownStaff { employee_no: no.clone() });
                        }
                        Some(no.as_str())
                    }
                    _ => None,
                };
                let held_on = date(&session.held_on).ok_or(ReportError::UnknownSession { id: *id })?;
                for a in attendees.into_iter().filter(|a| only.is_none_or(|no| a.employee_no == no)) {
                    certificates.push(Certificate {
                        employee_no: a.employee_no,
                        name: a.name,
                        dept_name: a.dept_name,
                        session_id: session.id,
                        course: title(&session.course_id),
                        held_on,
                        method: session.method,
                    });
                }
            }
        }
        if certificates.is_empty() {
            return Err(ReportError::NothingToCertify);
        }
        Ok(CertificateData { organisation: pack.organization.name.clone(), certificates })
    }
}

/// The 修了証, one A4 page each.
pub fn render_certificates(data: &CertificateData, opts: &ReportOptions) -> Result<crate::Rendered, ReportError> {
    let lang = opts.lang;
    let mut pdf = Pdf::new(&tr(lang, "report-cert-document-title"), None)?;
    for (i, c) in data.certificates.iter().enumerate() {
        if i > 0 {
            pdf.new_page();
        }
        page(&mut pdf, data, c, opts);
    }
    pdf.finish()
}

fn page(pdf: &mut Pdf, data: &CertificateData, c: &Certificate, opts: &ReportOptions) {
    let lang = opts.lang;
    // A certificate is framed, not headed like a report page.
    let (outer, inner) = (12.0 * MM, 15.0 * MM);
    pdf.stroke_rect(outer, outer, PAGE_W - 2.0 * outer, PAGE_H - 2.0 * outer, 2.0, BAR);
    pdf.stroke_rect(inner, inner, PAGE_W - 2.0 * inner, PAGE_H - 2.0 * inner, 0.6, BAR);
    let x = LEFT + 5.0 * MM;
    let w = PAGE_W - 2.0 * x;

    let number = tr_args(
        lang,
        "report-cert-number",
        &[
            ("year", FiscalYear::of(c.held_on).0.to_string().into()),
            ("session", c.session_id.to_string().into()),
            ("employee_no", c.employee_no.as_str().into()),
        ],
    );
    pdf.text_in(x, w, 30.0 * MM, 14.0, 9.5, false, Align::Right, MUTED, &number);

    let title = tr(lang, "report-cert-title");
    let size = pdf.fit_size(&title, w, 34.0, true);
    pdf.text_in(x, w, 55.0 * MM, 44.0, size, true, Align::Center, INK, &title);

    let dept = tr_args(lang, "report-cert-dept", &[("dept", c.dept_name.as_str().into())]);
    pdf.text_in(x + 10.0 * MM, w - 20.0 * MM, 95.0 * MM, 18.0, 12.0, false, Align::Left, INK, &dept);
    let name = tr_args(lang, "report-cert-name", &[("name", c.name.as_str().into())]);
    let name_size = pdf.fit_size(&name, w - 20.0 * MM, 22.0, true);
    pdf.text_in(x + 10.0 * MM, w - 20.0 * MM, 104.0 * MM, 30.0, name_size, true, Align::Left, INK, &name);
    pdf.line(x + 10.0 * MM, 104.0 * MM + 31.0, x + w - 10.0 * MM, 104.0 * MM + 31.0, 0.6, INK);

    let body = tr_args(
        lang,
        "report-cert-body",
        &[("date", format::date_long(lang, c.held_on).into()), ("course", c.course.as_str().into()), ("method", method_label(lang, c.method).into())],
    );
    let size = 14.0;
    let line_h = size * 2.0;
    let body_x = x + 10.0 * MM;
    let body_w = w - 20.0 * MM;
    let lines: Vec<String> = pdf.wrap(&body, body_w, size, false).into_iter().map(str::to_owned).collect();
    let mut y = 140.0 * MM;
    for l in &lines {
        pdf.text_in(body_x, body_w, y, line_h, size, false, Align::Left, INK, l);
        y += line_h;
    }

    let issued = format::date_long(lang, opts.created);
    pdf.text_in(body_x, body_w, 205.0 * MM, 18.0, 12.0, false, Align::Left, INK, &issued);

    // Issuer, with the box where the official seal (公印) is pressed.
    let seal = 22.0 * MM;
    let seal_x = x + w - 10.0 * MM - seal;
    let seal_top = 225.0 * MM;
    let issuer_w = seal_x - body_x - 6.0 * MM;
    let org_size = pdf.fit_size(&data.organisation, issuer_w, 14.0, false);
    pdf.text_in(body_x, issuer_w, seal_top, 22.0, org_size, false, Align::Right, INK, &data.organisation);
    let issuer = tr(lang, "report-cert-issuer");
    let issuer_size = pdf.fit_size(&issuer, issuer_w, 14.0, true);
    pdf.text_in(body_x, issuer_w, seal_top + 24.0, 22.0, issuer_size, true, Align::Right, INK, &issuer);
    pdf.stroke_rect(seal_x, seal_top - 4.0, seal, seal, 0.6, MUTED);
    pdf.text_in(seal_x, seal, seal_top - 4.0, seal, 10.0, false, Align::Center, MUTED, &tr(lang, "report-cert-seal"));
    pdf.bookmark(&format!("{} {}", c.employee_no, c.name));
}
