//! 研修実施状況報告書: the sessions held in a 年度, completion by course, role
//! and 所属, and who has not completed what they must attend, by 所属.

use crate::cover::{cover, document, Cover};
use crate::format::{self, count};
use crate::layout::{Align, Cell, Chart, ChartRow, Column, Pdf, Table, INK, MUTED};
use crate::{ReportError, ReportOptions};
use chrono::NaiveDate;
use std::collections::HashMap;
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_core::pack::Pack;
use tebiki_core::roster::import::StaffRecord;
use tebiki_core::settings::Language;
use tebiki_core::training::elearning::summary::{summarize, ElearningSummary, GroupRow};
use tebiki_core::training::overview::{overview, TrainingOverview};
use tebiki_core::training::requirements::{employed_in, requirements, DueState};
use tebiki_i18n::{tr, tr_args, Arg};
use tebiki_store::{Method, SessionRow, Store};

/// A course someone must attend in the 年度 and has not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncompleteCourse {
    pub title: String,
    pub due_by: NaiveDate,
    pub overdue: bool,
}

/// A person with courses still to complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncompletePerson {
    pub dept_code: String,
    pub dept_name: String,
    pub employee_no: String,
    pub name: String,
    pub courses: Vec<IncompleteCourse>,
}

/// Everything the 研修実施状況報告書 shows.
pub struct TrainingData {
    pub organisation: String,
    pub dept: Option<(String, String)>,
    pub overview: TrainingOverview,
    pub sessions: Vec<SessionRow>,
    /// Course id → title, for the sessions list.
    pub course_titles: HashMap<String, String>,
    /// By 所属 code, then 職員番号.
    pub incomplete: Vec<IncompletePerson>,
    pub role_names_en: HashMap<String, String>,
    /// The e-learning of the pack's first course taken in Tebiki, when it has one.
    pub elearning: Option<ElearningSummary>,
}

/// The (code, name) of `dept`, refused when the roster has no such 所属.
pub(crate) fn department(store: &Store, dept: Option<&str>) -> Result<Option<(String, String)>, ReportError> {
    let Some(code) = dept else { return Ok(None) };
    let code = code.trim();
    match store.departments()?.into_iter().find(|d| d.code == code) {
        Some(d) => Ok(Some((d.code, d.name))),
        None => Err(ReportError::UnknownDepartment { code: code.to_owned() }),
    }
}

impl TrainingData {
    /// Reads the 年度's records. `today` decides what is overdue.
    pub fn load(store: &Store, pack: &Pack, year: i32, dept: Option<&str>, today: NaiveDate) -> Result<TrainingData, ReportError> {
        let dept = department(store, dept)?;
        let code = dept.as_ref().map(|(c, _)| c.as_str());
        let fy = FiscalYear(year);
        let staff: Vec<StaffRecord> = store.all_staff()?.into_iter().map(|m| m.record).filter(|r| code.is_none_or(|c| r.dept_code == c)).collect();
        let catalogue = store.catalogue(pack)?;
        let attended = store.attendance_by_person(&pack.id)?;
        let overview = overview(&staff, &catalogue, &attended, fy, today);
        let title = |id: &str| catalogue.course(id).map(|c| c.title.clone()).unwrap_or_else(|| id.to_owned());
        let mut incomplete = Vec::new();
        for p in staff.iter().filter(|p| employed_in(p, fy)) {
            let reqs = requirements(p, &catalogue, fy, attended.get(&p.employee_no).map(Vec::as_slice).unwrap_or(&[]), today);
            let courses: Vec<IncompleteCourse> = reqs
                .iter()
                .filter(|r| r.state != DueState::Done)
                .map(|r| IncompleteCourse {
                    title: title(&r.course_id),
                    due_by: NaiveDate::parse_from_str(&r.due_by, "%Y-%m-%d").unwrap_or(fy.end()),
                    overdue: r.state == DueState::Overdue,
                })
                .collect();
            if !courses.is_empty() {
                incomplete.push(IncompletePerson {
                    dept_code: p.dept_code.clone(),
                    dept_name: p.dept_name.clone(),
                    employee_no: p.employee_no.clone(),
                    name: p.name.clone(),
                    courses,
                });
            }
        }
        incomplete.sort_by(|a, b| (&a.dept_code, &a.employee_no).cmp(&(&b.dept_code, &b.employee_no)));
        let sessions = store.sessions_in_year(&pack.id, fy, code)?;
        let course_titles = catalogue.courses.iter().map(|c| (c.id.clone(), c.title.clone())).collect();
        let role_names_en = pack.roles.iter().filter_map(|r| r.name_en.clone().map(|n| (r.name.clone(), n))).collect();
        // Only when staff took it in Tebiki: an organisation using another
        // e-learning system would otherwise read that nobody started.
        let elearning = match pack.elearning.first() {
            Some(c) => {
                let held = store.elearning_held(year, &pack.id, &c.course)?;
                (!held.is_empty()).then(|| summarize(&staff, &catalogue, c, &pack.version, fy, &held))
            }
            None => None,
        };
        Ok(TrainingData { organisation: pack.organization.name.clone(), dept, overview, sessions, course_titles, incomplete, role_names_en, elearning })
    }

    fn role_label<'a>(&'a self, lang: Language, name: &'a str) -> &'a str {
        match lang {
            Language::English => self.role_names_en.get(name).map(String::as_str).unwrap_or(name),
            Language::Japanese => name,
        }
    }
}

pub(crate) fn method_label(lang: Language, m: Method) -> String {
    tr(
        lang,
        match m {
            Method::Classroom => "report-method-classroom",
            Method::ELearning => "report-method-elearning",
            Method::Video => "report-method-video",
        },
    )
}

fn n(v: usize) -> Arg {
    Arg::from(v as i64)
}

/// The 研修実施状況報告書 as PDF bytes.
pub fn render_training(data: &TrainingData, opts: &ReportOptions) -> Result<crate::Rendered, ReportError> {
    let lang = opts.lang;
    let title = tr(lang, "report-tr-title");
    let dept_name = data.dept.as_ref().map(|(_, name)| name.as_str());
    let mut pdf = document(opts, &data.organisation, &title, dept_name)?;
    cover(&mut pdf, opts, &Cover { organisation: &data.organisation, title: &title, dept: dept_name });
    let this_year = format::fiscal_year_short(lang, FiscalYear(opts.year));

    summary(&mut pdf, data, opts, &this_year);
    sessions(&mut pdf, data, lang);
    by_course(&mut pdf, data, lang, &this_year);
    by_role(&mut pdf, data, lang, &this_year);
    by_department(&mut pdf, data, lang);
    incomplete(&mut pdf, data, lang);
    if let Some(e) = &data.elearning {
        elearning(&mut pdf, data, e, lang);
    }
    pdf.finish()
}

/// e-ラーニング: who passed the 理解度テスト, by role and 所属, the
/// questions most often missed with their clauses (what staff do not know),
/// and the 閲覧確認 of the current version.
fn elearning(pdf: &mut Pdf, data: &TrainingData, e: &ElearningSummary, lang: Language) {
    pdf.heading(&tr(lang, "report-tr-section-elearning"), 120.0);
    let t = &e.total;
    let average = |r: &GroupRow| r.average_score.map(|a| format!("{a:.1}%")).unwrap_or_else(|| "—".into());
    let intro = tr_args(
        lang,
        "report-el-intro",
        &[
            ("course", e.course_title.as_str().into()),
            ("people", n(t.people as usize)),
            ("passed", n(t.passed as usize)),
            ("attempted", n(t.attempted as usize)),
            ("not_started", n(t.not_started as usize)),
            ("average", average(t).into()),
            ("version", e.pack_version.as_str().into()),
            ("ack", n(t.acknowledged as usize)),
            ("older", n(t.acknowledged_older as usize)),
            ("none", n(t.not_acknowledged as usize)),
        ],
    );
    pdf.paragraph(&intro, 10.0, 0.0, INK);
    pdf.space(6.0);
    let columns = |first: &str| {
        vec![
            Column::new(tr(lang, first), 2.6, Align::Left),
            Column::new(tr(lang, "report-col-people"), 0.9, Align::Right).fit(),
            Column::new(tr(lang, "report-el-col-passed"), 0.9, Align::Right).fit(),
            Column::new(tr(lang, "report-el-col-attempted"), 0.9, Align::Right).fit(),
            Column::new(tr(lang, "report-el-col-not-started"), 0.9, Align::Right).fit(),
            Column::new(tr(lang, "report-el-col-average"), 0.9, Align::Right).fit(),
            Column::new(tr(lang, "report-el-col-ack"), 1.1, Align::Right).fit(),
        ]
    };
    let row = |label: String, r: &GroupRow| {
        vec![
            Cell::from(label),
            Cell::from(count(r.people as usize)),
            Cell::from(count(r.passed as usize)),
            Cell::from(count(r.attempted as usize)),
            Cell::from(count(r.not_started as usize)),
            Cell::from(average(r)),
            Cell::from(count(r.acknowledged as usize)),
        ]
    };
    pdf.table(&Table {
        columns: columns("report-col-role"),
        rows: e.by_role.iter().map(|r| row(data.role_label(lang, &r.name).to_owned(), r)).collect(),
        size: 8.5,
    });
    pdf.space(6.0);
    pdf.paragraph(&tr(lang, "report-el-missed-title"), 10.0, 0.0, INK);
    if e.most_missed.is_empty() {
        pdf.paragraph(&tr(lang, "report-el-missed-none"), 9.0, 0.0, MUTED);
    } else {
        pdf.table(&Table {
            columns: vec![
                Column::new(tr(lang, "report-el-col-question"), 4.2, Align::Left),
                Column::new(tr(lang, "report-el-col-missed"), 1.1, Align::Right).fit(),
                Column::new(tr(lang, "report-el-col-clauses"), 1.2, Align::Left),
            ],
            rows: e
                .most_missed
                .iter()
                .map(|m| {
                    let clauses = m.clauses.iter().map(|c| c.splitn(3, '/').nth(2).unwrap_or(c)).collect::<Vec<_>>().join("、");
                    vec![
                        Cell::from(if m.text.is_empty() { m.question.clone() } else { m.text.clone() }),
                        Cell::from(format!("{:.1}%（{}/{}）", m.rate, m.missed, m.asked)),
                        Cell::from(clauses),
                    ]
                })
                .collect(),
            size: 8.0,
        });
    }
    pdf.space(6.0);
    pdf.table(&Table {
        columns: {
            let mut c = columns("report-col-dept");
            c.insert(0, Column::new(tr(lang, "report-col-code"), 0.9, Align::Left).fit());
            c
        },
        rows: e
            .by_dept
            .iter()
            .map(|r| {
                let mut cells = row(r.name.clone(), r);
                cells.insert(0, Cell::from(r.code.as_str()));
                cells
            })
            .collect(),
        size: 8.0,
    });
}

fn summary(pdf: &mut Pdf, data: &TrainingData, opts: &ReportOptions, this_year: &str) {
    let lang = opts.lang;
    let o = &data.overview;
    pdf.heading(&tr(lang, "report-tr-section-summary"), 120.0);
    let attendances: usize = data.sessions.iter().map(|s| s.attendees).sum();
    let overdue_people = o.overdue.len();
    let intro = tr_args(
        lang,
        "report-tr-intro",
        &[
            ("year", this_year.into()),
            ("sessions", count(data.sessions.len()).into()),
            ("attendances", count(attendances).into()),
            ("rate", format::percent(o.rate).into()),
            ("date", format::date_short(lang, opts.created).into()),
        ],
    );
    pdf.paragraph(&intro, 10.5, 0.0, INK);
    pdf.space(8.0);
    let rows = vec![
        (tr(lang, "report-tr-people"), count(o.people)),
        (tr(lang, "report-tr-required"), count(o.required)),
        (tr(lang, "report-tr-done"), count(o.done)),
        (tr(lang, "report-tr-rate"), format::percent(o.rate)),
        (tr(lang, "report-tr-sessions"), count(data.sessions.len())),
        (tr(lang, "report-tr-attendances"), count(attendances)),
        (tr(lang, "report-tr-incomplete-people"), count(data.incomplete.len())),
        (tr(lang, "report-tr-overdue-people"), count(overdue_people)),
    ];
    pdf.table(&Table {
        columns: vec![Column::new(tr(lang, "report-col-item"), 3.0, Align::Left), Column::new(tr(lang, "report-col-value"), 1.2, Align::Right)],
        rows: rows.into_iter().map(|(k, v)| vec![Cell::from(k), Cell::from(v)]).collect(),
        size: 9.5,
    });
    pdf.space(4.0);
    pdf.paragraph(&tr(lang, "report-tr-rate-note"), 8.0, 0.0, MUTED);
}

fn sessions(pdf: &mut Pdf, data: &TrainingData, lang: Language) {
    pdf.heading(&tr(lang, "report-tr-section-sessions"), 60.0);
    if data.sessions.is_empty() {
        pdf.paragraph(&tr(lang, "report-tr-no-sessions"), 10.5, 0.0, INK);
        return;
    }
    if data.dept.is_some() {
        pdf.paragraph(&tr(lang, "report-tr-sessions-dept-note"), 9.0, 0.0, MUTED);
        pdf.space(4.0);
    }
    let columns = vec![
        Column::new(tr(lang, "report-col-no"), 0.6, Align::Right).fit(),
        Column::new(tr(lang, "report-col-held-on"), 1.6, Align::Left).fit(),
        Column::new(tr(lang, "report-col-course"), 3.4, Align::Left),
        Column::new(tr(lang, "report-col-method"), 1.4, Align::Left).fit(),
        Column::new(tr(lang, "report-col-attendees"), 1.1, Align::Right).fit(),
    ];
    let mut rows: Vec<Vec<Cell>> = data
        .sessions
        .iter()
        .enumerate()
        .map(|(i, s)| {
            vec![
                Cell::from((i + 1).to_string()),
                Cell::from(format::iso_short(lang, &s.held_on)),
                Cell::from(data.course_titles.get(&s.course_id).cloned().unwrap_or_else(|| s.course_id.clone())),
                Cell::from(method_label(lang, s.method)),
                Cell::from(count(s.attendees)),
            ]
        })
        .collect();
    let total: usize = data.sessions.iter().map(|s| s.attendees).sum();
    rows.push(vec![Cell::from(""), Cell::from(tr(lang, "report-total")), Cell::from(""), Cell::from(""), Cell::from(count(total))]);
    pdf.table(&Table { columns, rows, size: 8.5 });
}

/// The completion rates of this 年度 as bars (no previous 年度 to compare).
fn rate_chart(pdf: &mut Pdf, lang: Language, this_year: &str, rows: Vec<ChartRow>) {
    pdf.chart(&Chart {
        rows,
        current_label: tr_args(lang, "report-tr-legend", &[("year", this_year.into())]),
        previous_label: None,
        none_label: tr(lang, "report-none"),
        format: format::percent,
    });
    pdf.space(8.0);
}

fn by_course(pdf: &mut Pdf, data: &TrainingData, lang: Language, this_year: &str) {
    pdf.heading(&tr(lang, "report-tr-section-courses"), 140.0);
    let o = &data.overview;
    let rows = o.courses.iter().map(|c| ChartRow { label: c.label.clone(), value: Some(c.rate), previous: None }).collect();
    rate_chart(pdf, lang, this_year, rows);
    let columns = vec![
        Column::new(tr(lang, "report-col-course"), 3.4, Align::Left),
        Column::new(tr(lang, "report-col-target"), 1.0, Align::Right).fit(),
        Column::new(tr(lang, "report-col-done"), 1.0, Align::Right).fit(),
        Column::new(tr(lang, "report-col-not-done"), 1.0, Align::Right).fit(),
        Column::new(tr(lang, "report-col-overdue"), 1.0, Align::Right).fit(),
        Column::new(tr(lang, "report-col-completion"), 1.0, Align::Right).fit(),
    ];
    let rows = o
        .courses
        .iter()
        .map(|c| {
            vec![
                Cell::from(c.label.as_str()),
                Cell::from(count(c.required)),
                Cell::from(count(c.done)),
                Cell::from(count(c.required - c.done)),
                Cell::from(count(c.overdue)),
                Cell::from(format::percent(c.rate)),
            ]
        })
        .collect();
    pdf.table(&Table { columns, rows, size: 8.5 });
}

fn by_role(pdf: &mut Pdf, data: &TrainingData, lang: Language, this_year: &str) {
    pdf.heading(&tr(lang, "report-tr-section-roles"), 140.0);
    let o = &data.overview;
    let rows = o.roles.iter().map(|r| ChartRow { label: data.role_label(lang, &r.label).to_owned(), value: Some(r.rate), previous: None }).collect();
    rate_chart(pdf, lang, this_year, rows);
    let columns = vec![
        Column::new(tr(lang, "report-col-role"), 3.0, Align::Left),
        Column::new(tr(lang, "report-col-people"), 1.0, Align::Right).fit(),
        Column::new(tr(lang, "report-col-required-courses"), 1.2, Align::Right).fit(),
        Column::new(tr(lang, "report-col-done"), 1.0, Align::Right).fit(),
        Column::new(tr(lang, "report-col-overdue-people"), 1.2, Align::Right).fit(),
        Column::new(tr(lang, "report-col-completion"), 1.0, Align::Right).fit(),
    ];
    let rows = o
        .roles
        .iter()
        .map(|r| {
            vec![
                Cell::from(data.role_label(lang, &r.label)),
                Cell::from(count(r.people)),
                Cell::from(count(r.required)),
                Cell::from(count(r.done)),
                Cell::from(count(r.overdue)),
                Cell::from(format::percent(r.rate)),
            ]
        })
        .collect();
    pdf.table(&Table { columns, rows, size: 8.5 });
}

fn by_department(pdf: &mut Pdf, data: &TrainingData, lang: Language) {
    pdf.heading(&tr(lang, "report-tr-section-departments"), 80.0);
    let columns = vec![
        Column::new(tr(lang, "report-col-code"), 0.9, Align::Left).fit(),
        Column::new(tr(lang, "report-col-dept"), 2.6, Align::Left),
        Column::new(tr(lang, "report-col-people"), 0.9, Align::Right).fit(),
        Column::new(tr(lang, "report-col-required-courses"), 1.0, Align::Right).fit(),
        Column::new(tr(lang, "report-col-done"), 0.9, Align::Right).fit(),
        Column::new(tr(lang, "report-col-overdue-people"), 1.0, Align::Right).fit(),
        Column::new(tr(lang, "report-col-completion"), 1.0, Align::Right).fit(),
        Column::new(tr(lang, "report-col-completion-chart"), 1.8, Align::Left),
    ];
    let rows = data
        .overview
        .departments
        .iter()
        .map(|d| {
            vec![
                Cell::from(d.code.as_str()),
                Cell::from(d.name.as_str()),
                Cell::from(count(d.people)),
                Cell::from(count(d.required)),
                Cell::from(count(d.done)),
                Cell::from(count(d.overdue_people)),
                Cell::from(format::percent(d.rate)),
                Cell::Bar(Some(d.rate)),
            ]
        })
        .collect();
    pdf.table(&Table { columns, rows, size: 8.0 });
}

fn incomplete(pdf: &mut Pdf, data: &TrainingData, lang: Language) {
    pdf.heading(&tr(lang, "report-tr-section-incomplete"), 80.0);
    if data.incomplete.is_empty() {
        pdf.paragraph(&tr(lang, "report-tr-no-incomplete"), 10.5, 0.0, INK);
        return;
    }
    let depts = {
        let mut codes: Vec<&str> = data.incomplete.iter().map(|p| p.dept_code.as_str()).collect();
        codes.dedup();
        codes.len()
    };
    pdf.paragraph(&tr_args(lang, "report-tr-incomplete-lead", &[("people", n(data.incomplete.len())), ("depts", n(depts))]), 10.5, 0.0, INK);
    pdf.space(6.0);
    let columns = vec![
        Column::new(tr(lang, "report-col-dept"), 2.0, Align::Left).grouped(),
        Column::new(tr(lang, "report-col-employee-no"), 1.1, Align::Left).fit(),
        Column::new(tr(lang, "report-col-name"), 1.5, Align::Left).fit(),
        Column::new(tr(lang, "report-col-incomplete-courses"), 3.0, Align::Left),
        Column::new(tr(lang, "report-col-due"), 1.9, Align::Left).fit(),
    ];
    let rows = data
        .incomplete
        .iter()
        .map(|p| {
            let titles: Vec<&str> = p.courses.iter().map(|c| c.title.as_str()).collect();
            let dues: Vec<String> = p
                .courses
                .iter()
                .map(|c| {
                    let date = format::date_short(lang, c.due_by);
                    if c.overdue {
                        tr_args(lang, "report-tr-overdue-mark", &[("date", date.into())])
                    } else {
                        date
                    }
                })
                .collect();
            vec![
                Cell::from(tr_args(lang, "report-tr-dept-cell", &[("code", p.dept_code.as_str().into()), ("name", p.dept_name.as_str().into())])),
                Cell::from(p.employee_no.as_str()),
                Cell::from(p.name.as_str()),
                Cell::from(titles.join("\n")),
                Cell::from(dues.join("\n")),
            ]
        })
        .collect();
    pdf.table(&Table { columns, rows, size: 8.0 });
}
