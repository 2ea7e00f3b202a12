//! The cover page shared by the two reports and the running frame of their pages.

use crate::format;
use crate::layout::{Align, Frame, Pdf, BODY_W, INK, LEFT, MM, MUTED, RULE, TOP};
use crate::{ReportError, ReportOptions};
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_i18n::{tr, tr_args};

pub struct Cover<'a> {
    pub organisation: &'a str,
    /// 情報セキュリティ自己点検結果報告書
    pub title: &'a str,
    /// The 所属 name when the report is for one 所属.
    pub dept: Option<&'a str>,
}

/// A new document whose pages carry the report's title and 年度 at the top and
/// the organisation, page n / N and 作成日 at the bottom.
pub fn document(opts: &ReportOptions, organisation: &str, title: &str, dept: Option<&str>) -> Result<Pdf, ReportError> {
    let lang = opts.lang;
    let fy = FiscalYear(opts.year);
    let year = format::fiscal_year_short(lang, fy);
    let full_title = match dept {
        Some(d) => tr_args(lang, "report-header-title-dept", &[("title", title.into()), ("dept", d.into())]),
        None => title.to_owned(),
    };
    let frame = Frame {
        title: full_title.clone(),
        year,
        organisation: organisation.to_owned(),
        created: tr_args(lang, "report-footer-created", &[("date", format::date_short(lang, opts.created).into())]),
        page_label: Box::new(move |n, total| tr_args(lang, "report-page", &[("page", n.to_string().into()), ("pages", total.to_string().into())])),
    };
    let doc_title = format!("{} {}", format::fiscal_year_short(lang, fy), full_title);
    Pdf::new(&doc_title, Some(frame))
}

/// The cover: 取扱注意 and the 決裁欄 at the top, organisation, title and 年度
/// in the middle, 作成日 / 作成者 / 報告先 below. Ends with a new page.
pub fn cover(pdf: &mut Pdf, opts: &ReportOptions, c: &Cover) {
    let lang = opts.lang;
    let fy = FiscalYear(opts.year);
    // 取扱注意: reports on security compliance stay inside the 庁内.
    let mark = tr(lang, "report-confidential");
    let mark_w = pdf.width(&mark, 10.0, true) + 12.0;
    pdf.stroke_rect(LEFT, TOP, mark_w, 20.0, 1.0, INK);
    pdf.text_in(LEFT, mark_w, TOP, 20.0, 10.0, true, Align::Center, INK, &mark);
    pdf.y = TOP;
    pdf.approval_boxes(&tr(lang, "report-approval-caption"), &opts.approver_labels());

    pdf.y = TOP + 75.0 * MM;
    let org_size = 15.0;
    pdf.text_in(LEFT, BODY_W, pdf.y, org_size * 1.6, org_size, false, Align::Center, INK, c.organisation);
    pdf.y += 16.0 * MM;
    let title_size = pdf.fit_size(c.title, BODY_W, 22.0, true).max(16.0);
    let lines: Vec<String> = pdf.wrap(c.title, BODY_W, title_size, true).into_iter().map(str::to_owned).collect();
    for l in &lines {
        let y = pdf.y;
        pdf.text_in(LEFT, BODY_W, y, title_size * 1.5, title_size, true, Align::Center, INK, l);
        pdf.y += title_size * 1.5;
    }
    pdf.y += 3.0 * MM;
    let rule_w = 110.0 * MM;
    pdf.line(LEFT + (BODY_W - rule_w) / 2.0, pdf.y, LEFT + (BODY_W + rule_w) / 2.0, pdf.y, 1.2, INK);
    pdf.y += 6.0 * MM;
    let period = format::fiscal_year(lang, fy);
    let y = pdf.y;
    pdf.text_in(LEFT, BODY_W, y, 20.0, 13.0, false, Align::Center, INK, &period);
    pdf.y += 24.0;
    if let Some(dept) = c.dept {
        let text = tr_args(lang, "report-cover-dept", &[("dept", dept.into())]);
        let y = pdf.y;
        pdf.text_in(LEFT, BODY_W, y, 20.0, 13.0, false, Align::Center, INK, &text);
        pdf.y += 24.0;
    }

    // 作成日・作成者・報告先, as a small ruled table near the foot of the page.
    let rows = [
        (tr(lang, "report-cover-created"), format::date_long(lang, opts.created)),
        (tr(lang, "report-cover-author"), opts.author_label()),
        (tr(lang, "report-cover-addressee"), tr(lang, "report-addressee")),
    ];
    let (label_w, value_w, row_h, size) = (32.0 * MM, 92.0 * MM, 10.0 * MM, 10.5);
    let x0 = LEFT + (BODY_W - label_w - value_w) / 2.0;
    let mut y = TOP + 185.0 * MM;
    pdf.line(x0, y, x0 + label_w + value_w, y, 0.8, RULE);
    for (label, value) in &rows {
        pdf.text_in(x0 + 4.0, label_w - 8.0, y, row_h, size, true, Align::Left, MUTED, label);
        let v = pdf.truncate(value, value_w - 8.0, size, false);
        pdf.text_in(x0 + label_w + 4.0, value_w - 8.0, y, row_h, size, false, Align::Left, INK, &v);
        y += row_h;
        pdf.line(x0, y, x0 + label_w + value_w, y, 0.5, RULE);
    }
    pdf.new_page();
}
