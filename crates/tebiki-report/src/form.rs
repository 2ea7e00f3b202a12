//! 自己点検票 on paper, for staff who work without a PC (清掃工場, 現場): a
//! role's questionnaire with each item's id and clauses, boxes to tick, and
//! lines for the 改善策 and its 期限 — blank, or one per person with their
//! name and 所属 filled in from the roster. The 管理者 types a returned
//! sheet in as that person's submission (代理入力, 紙で提出).

use crate::cover::document;
use crate::layout::{Align, Cell, Column, Pdf, Table, INK, MUTED};
use crate::{ReportError, ReportOptions};
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_core::pack::questionnaire::Questionnaire;
use tebiki_core::pack::Pack;
use tebiki_core::settings::Language;
use tebiki_i18n::{tr, tr_args};

/// Whose sheet: the roster's values, or None for a blank one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormPerson {
    pub employee_no: String,
    pub name: String,
    pub dept_name: String,
}

pub struct FormData {
    pub organisation: String,
    pub role_name: String,
    pub questionnaire: Questionnaire,
    /// Each item's clauses as the reader names them (第2, 7.4.1 …), by item id.
    pub clause_labels: std::collections::HashMap<String, String>,
    /// One sheet per entry; None: a blank sheet.
    pub people: Vec<Option<FormPerson>>,
}

impl FormData {
    /// The sheet of `role` (a role id of the pack), for `people` (empty: one blank sheet).
    pub fn new(pack: &Pack, role: &str, people: Vec<FormPerson>) -> Result<FormData, ReportError> {
        let q = pack.questionnaire(role).ok_or_else(|| ReportError::NoQuestionnaires { pack: format!("{}/{role}", pack.id) })?;
        let role_name = pack.roles.iter().find(|r| r.id == role).map(|r| r.name.clone()).unwrap_or_else(|| role.to_owned());
        let clause_labels = q.items.iter().map(|i| (i.id.clone(), crate::format::clause_labels(pack, &i.clauses))).collect();
        let people = if people.is_empty() { vec![None] } else { people.into_iter().map(Some).collect() };
        Ok(FormData { organisation: pack.organization.name.clone(), role_name, questionnaire: q.clone(), clause_labels, people })
    }
}

/// The sheets, each person's starting on a new page.
pub fn render_forms(data: &FormData, opts: &ReportOptions) -> Result<crate::Rendered, ReportError> {
    let lang = opts.lang;
    let title = tr_args(lang, "report-form-title", &[("role", data.role_name.as_str().into())]);
    let mut pdf = document(opts, &data.organisation, &title, None)?;
    for (i, person) in data.people.iter().enumerate() {
        if i > 0 {
            pdf.new_page();
        }
        sheet(&mut pdf, data, person.as_ref(), &title, opts);
    }
    pdf.finish()
}

fn sheet(pdf: &mut Pdf, data: &FormData, person: Option<&FormPerson>, title: &str, opts: &ReportOptions) {
    let lang = opts.lang;
    let year = crate::format::fiscal_year_short(lang, FiscalYear(opts.year));
    pdf.heading(&format!("{year}　{title}"), 120.0);
    let value = |f: fn(&FormPerson) -> &str| person.map(|p| f(p).to_owned()).unwrap_or_default();
    // Who fills it in: from the roster, or blank boxes to write in.
    pdf.table(&Table {
        columns: vec![
            Column::new(tr(lang, "report-form-dept"), 2.4, Align::Left),
            Column::new(tr(lang, "report-form-name"), 2.0, Align::Left),
            Column::new(tr(lang, "report-form-employee-no"), 1.3, Align::Left),
            Column::new(tr(lang, "report-form-date"), 1.6, Align::Left),
        ],
        rows: vec![vec![
            Cell::from(value(|p| &p.dept_name)),
            Cell::from(value(|p| &p.name)),
            Cell::from(value(|p| &p.employee_no)),
            Cell::from(tr(lang, "report-form-date-blank")),
        ]],
        size: 11.0,
    });
    pdf.space(4.0);
    pdf.paragraph(&tr(lang, "report-form-how"), 9.0, 0.0, MUTED);
    pdf.space(4.0);
    let q = &data.questionnaire;
    let pick = |ja: &str, en: &Option<String>| -> String {
        match (lang, en) {
            (Language::English, Some(e)) => e.clone(),
            _ => ja.to_owned(),
        }
    };
    if !q.gates.is_empty() {
        pdf.paragraph(&tr(lang, "report-form-gates"), 10.0, 0.0, INK);
        pdf.table(&Table {
            columns: vec![
                Column::new(tr(lang, "report-form-col-no"), 0.7, Align::Left).fit(),
                Column::new(tr(lang, "report-form-col-question"), 5.2, Align::Left),
                Column::new(tr(lang, "report-form-col-answer"), 1.5, Align::Left).fit(),
            ],
            rows: q
                .gates
                .iter()
                .map(|g| vec![Cell::from(g.id.as_str()), Cell::from(pick(&g.question, &g.question_en)), Cell::from(tr(lang, "report-form-yes-no"))])
                .collect(),
            size: 9.0,
        });
        pdf.space(6.0);
    }
    pdf.paragraph(&tr(lang, "report-form-items"), 10.0, 0.0, INK);
    let boxes = tebiki_core::selfcheck::answers::Answer::ALL.map(|a| format!("□ {}", tr(lang, a.label_key()))).join("\n");
    // Room to write in: the cell is as tall as its lines.
    let remedy = format!("{}\n\n\n{}", tr(lang, "report-form-remedy"), tr(lang, "report-form-due"));
    pdf.table(&Table {
        columns: vec![
            Column::new(tr(lang, "report-form-col-no"), 0.7, Align::Left).fit(),
            Column::new(tr(lang, "report-form-col-question"), 3.6, Align::Left),
            Column::new(tr(lang, "report-form-col-answer"), 1.5, Align::Left).fit(),
            Column::new(tr(lang, "report-form-col-remedy"), 2.2, Align::Left),
        ],
        rows: q
            .items
            .iter()
            .map(|i| {
                let mut text = pick(&i.question, &i.question_en);
                if let Some(g) = &i.gate {
                    text.push_str(&tr_args(lang, "report-form-gated", &[("gate", g.as_str().into())]));
                }
                text.push_str(&tr_args(lang, "report-form-clauses", &[("clauses", data.clause_labels.get(&i.id).cloned().unwrap_or_default().into())]));
                vec![Cell::from(i.id.as_str()), Cell::from(text), Cell::from(boxes.clone()), Cell::from(remedy.clone())]
            })
            .collect(),
        size: 8.5,
    });
    pdf.space(6.0);
    pdf.paragraph(&tr(lang, "report-form-return"), 9.0, 0.0, MUTED);
}
