//! 自己点検結果報告書, the one the CISO reads (a few dozen pages whatever the
//! size of the organisation): submissions and compliance of a 年度 by
//! chapter, role and 所属 beside the previous 年度, the items with the lowest
//! 実施率 with their clauses, the 改善策 grouped by item (how many, 完了,
//! 期限超過), the previous 年度's 改善の状況 and the 所属 that have not
//! submitted. The 別冊 (`render_selfcheck_detail`) lists every 改善策 with
//! its person, status and 期限.

use crate::cover::{cover, document, Cover};
use crate::format::{self, count, rate};
use crate::layout::{Align, Cell, Chart, ChartRow, Column, Pdf, Table, MUTED};
use crate::{ReportError, ReportOptions};
use std::collections::HashMap;
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_core::pack::Pack;
use tebiki_core::selfcheck::answers::Answer;
use tebiki_core::selfcheck::dashboard::{questionnaires_of, ChapterRow, RemedyCounts, RemedyRow, SelfcheckDashboard, Tally};
use tebiki_core::settings::Language;
use tebiki_i18n::{tr, tr_args, Arg};
use tebiki_store::Store;

/// Everything the 自己点検結果報告書 shows.
pub struct SelfcheckData {
    pub organisation: String,
    /// (code, name) when the report is for one 所属.
    pub dept: Option<(String, String)>,
    pub dashboard: SelfcheckDashboard,
    /// English wording from the pack, for English reports: role id → name,
    /// (role id, item id) → question.
    pub role_names_en: HashMap<String, String>,
    pub questions_en: HashMap<(String, String), String>,
    /// (role id, item id) → the item's clauses as the reader names them (7.4.1).
    pub clauses: HashMap<(String, String), String>,
}

impl SelfcheckData {
    pub fn load(store: &Store, pack: &Pack, year: i32, dept: Option<&str>) -> Result<SelfcheckData, ReportError> {
        if questionnaires_of(pack).is_empty() {
            return Err(ReportError::NoQuestionnaires { pack: pack.id.clone() });
        }
        let dept = crate::training::department(store, dept)?;
        let dashboard = store.selfcheck_dashboard_for(pack, year, dept.as_ref().map(|(c, _)| c.as_str()))?;
        let role_names_en = pack.roles.iter().filter_map(|r| r.name_en.clone().map(|n| (r.id.clone(), n))).collect();
        let questions_en = pack
            .questionnaires
            .iter()
            .flat_map(|q| q.items.iter().filter_map(move |i| i.question_en.clone().map(|e| ((q.role.clone(), i.id.clone()), e))))
            .collect();
        let clauses = pack
            .questionnaires
            .iter()
            .flat_map(|q| q.items.iter().map(move |i| ((q.role.clone(), i.id.clone()), crate::format::clause_labels(pack, &i.clauses))))
            .collect();
        Ok(SelfcheckData { organisation: pack.organization.name.clone(), dept, dashboard, role_names_en, questions_en, clauses })
    }

    fn role_name<'a>(&'a self, lang: Language, id: &str, name: &'a str) -> &'a str {
        match lang {
            Language::English => self.role_names_en.get(id).map(String::as_str).unwrap_or(name),
            Language::Japanese => name,
        }
    }

    fn question<'a>(&'a self, lang: Language, role: &str, item: &str, question: &'a str) -> &'a str {
        match lang {
            Language::English => self.questions_en.get(&(role.to_owned(), item.to_owned())).map(String::as_str).unwrap_or(question),
            Language::Japanese => question,
        }
    }
}

fn n(v: usize) -> Arg {
    Arg::from(v as i64)
}

fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| (part as f64 / whole as f64 * 1000.0).round() / 10.0)
}

/// At most this many items in 「実施率の低い項目」 and 「改善策の状況（項目別）」.
const TOP_ITEMS: usize = 15;
/// At most this many 所属 in 「未提出の所属」; the rest are in the 所属別 table.
const PENDING_ROWS: usize = 40;

/// The 自己点検結果報告書 as PDF bytes.
pub fn render_selfcheck(data: &SelfcheckData, opts: &ReportOptions) -> Result<crate::Rendered, ReportError> {
    let lang = opts.lang;
    let d = &data.dashboard;
    let title = tr(lang, "report-sc-title");
    let dept_name = data.dept.as_ref().map(|(_, name)| name.as_str());
    let mut pdf = document(opts, &data.organisation, &title, dept_name)?;
    cover(&mut pdf, opts, &Cover { organisation: &data.organisation, title: &title, dept: dept_name });

    let fy = FiscalYear(opts.year);
    let this_year = format::fiscal_year_short(lang, fy);
    let last_year = format::fiscal_year_short(lang, fy.previous());

    summary(&mut pdf, data, lang, &this_year, &last_year);
    chapters(&mut pdf, d, lang, &this_year, &last_year);
    roles(&mut pdf, data, lang, &this_year, &last_year);
    departments(&mut pdf, d, lang, &last_year);
    lowest_items(&mut pdf, data, lang, &last_year);
    remedies_by_item(&mut pdf, data, lang);
    previous_improvement(&mut pdf, d, lang, &last_year);
    comparison(&mut pdf, data, lang, &this_year, &last_year);
    not_submitted(&mut pdf, d, lang);
    pdf.finish()
}

/// The 別冊: every 改善策 with its 所属, status and 期限 (`--detail`).
pub fn render_selfcheck_detail(data: &SelfcheckData, opts: &ReportOptions) -> Result<crate::Rendered, ReportError> {
    let lang = opts.lang;
    let title = tr(lang, "report-sc-detail-title");
    let dept_name = data.dept.as_ref().map(|(_, name)| name.as_str());
    let mut pdf = document(opts, &data.organisation, &title, dept_name)?;
    cover(&mut pdf, opts, &Cover { organisation: &data.organisation, title: &title, dept: dept_name });
    remedies(&mut pdf, data, lang);
    pdf.finish()
}

fn counts_cells(lang: Language, c: &RemedyCounts) -> Vec<Cell> {
    vec![Cell::from(count(c.total)), Cell::from(count(c.done)), Cell::from(count(c.overdue)), Cell::from(rate(lang, c.done_rate))]
}

fn counts_headers(lang: Language) -> Vec<Column> {
    ["report-col-remedies", "report-col-remedies-done", "report-col-remedies-overdue", "report-col-done-rate"]
        .iter()
        .map(|k| Column::new(tr(lang, k), 0.95, Align::Right).fit())
        .collect()
}

/// The items most often not 実施 (at least five answers), with their clauses.
fn lowest_items(pdf: &mut Pdf, data: &SelfcheckData, lang: Language, last_year: &str) {
    let d = &data.dashboard;
    pdf.heading(&tr(lang, "report-sc-section-lowest"), 80.0);
    // Below 100 %; at equal rates the item more people answered first.
    let answered = |t: &Tally| t.implemented + t.partial + t.not_implemented;
    let mut items: Vec<_> = d.items.iter().filter(|i| i.tally.rate.is_some_and(|r| r < 100.0)).collect();
    items.sort_by(|a, b| {
        a.tally
            .rate
            .partial_cmp(&b.tally.rate)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(answered(&b.tally).cmp(&answered(&a.tally)))
            .then(a.item_id.cmp(&b.item_id))
    });
    items.truncate(TOP_ITEMS);
    if items.is_empty() {
        pdf.paragraph(&tr(lang, "report-sc-lowest-none"), 10.0, 0.0, crate::layout::INK);
        return;
    }
    pdf.paragraph(&tr_args(lang, "report-sc-lowest-lead", &[("count", n(items.len()))]), 9.5, 0.0, crate::layout::INK);
    pdf.space(4.0);
    let columns = vec![
        Column::new(tr(lang, "report-col-question"), 4.6, Align::Left),
        Column::new(tr(lang, "report-col-clauses"), 1.1, Align::Left).fit(),
        Column::new(tr(lang, "report-col-rate"), 1.0, Align::Right).fit(),
        Column::new(last_year, 1.0, Align::Right).fit(),
    ];
    let rows = items
        .iter()
        .map(|i| {
            let q = data.question(lang, &i.role, &i.item_id, &i.question);
            let label = tr_args(
                lang,
                "report-sc-question",
                &[("role", data.role_name(lang, &i.role, &i.role_name).into()), ("item", i.item_id.as_str().into()), ("question", q.into())],
            );
            vec![
                Cell::from(label),
                Cell::from(data.clauses.get(&(i.role.clone(), i.item_id.clone())).cloned().unwrap_or_default()),
                Cell::from(rate(lang, i.tally.rate)),
                Cell::from(rate(lang, i.previous_rate)),
            ]
        })
        .collect();
    pdf.table(&Table { columns, rows, size: 8.5 });
}

/// 改善策 grouped by item: how many, how many 完了, how many 期限超過.
fn remedies_by_item(pdf: &mut Pdf, data: &SelfcheckData, lang: Language) {
    let d = &data.dashboard;
    pdf.heading(&tr(lang, "report-sc-section-remedy-items"), 80.0);
    pdf.paragraph(&counts_sentence(lang, "report-sc-remedy-counts", &d.remedy_counts, ""), 9.5, 0.0, crate::layout::INK);
    if d.remedies.is_empty() {
        return;
    }
    let mut by_item: HashMap<(&str, &str), (RemedyCounts, &RemedyRow)> = HashMap::new();
    for r in &d.remedies {
        by_item.entry((r.role.as_str(), r.item_id.as_str())).or_insert_with(|| (RemedyCounts::default(), r)).0.add(r);
    }
    let mut items: Vec<_> = by_item.into_values().collect();
    items.sort_by(|a, b| b.0.total.cmp(&a.0.total).then(b.0.overdue.cmp(&a.0.overdue)).then(a.1.item_id.cmp(&b.1.item_id)));
    let shown = items.len().min(TOP_ITEMS);
    pdf.paragraph(&tr_args(lang, "report-sc-remedy-items-lead", &[("shown", n(shown)), ("items", n(items.len()))]), 8.5, 0.0, MUTED);
    pdf.space(4.0);
    let mut columns = vec![Column::new(tr(lang, "report-col-question"), 4.6, Align::Left)];
    columns.extend(counts_headers(lang));
    let rows = items[..shown]
        .iter()
        .map(|(c, r)| {
            let q = data.question(lang, &r.role, &r.item_id, &r.question);
            let label = tr_args(
                lang,
                "report-sc-question",
                &[("role", data.role_name(lang, &r.role, &r.role_name).into()), ("item", r.item_id.as_str().into()), ("question", q.into())],
            );
            let mut row = vec![Cell::from(label)];
            row.extend(counts_cells(lang, c));
            row
        })
        .collect();
    pdf.table(&Table { columns, rows, size: 8.5 });
}

/// 改善の状況 of the previous 年度's 改善策, as of today (神戸市 11.3: the CISO
/// reviews the policy with it).
fn previous_improvement(pdf: &mut Pdf, d: &SelfcheckDashboard, lang: Language, last_year: &str) {
    pdf.heading(&tr(lang, "report-sc-section-previous-remedies"), 60.0);
    let Some(c) = &d.previous_remedy_counts else {
        pdf.paragraph(&tr_args(lang, "report-sc-previous-remedies-none", &[("year", last_year.into())]), 10.0, 0.0, crate::layout::INK);
        return;
    };
    pdf.paragraph(&counts_sentence(lang, "report-sc-previous-remedies", c, last_year), 10.0, 0.0, crate::layout::INK);
}

/// A sentence of 改善策 counts (`key` takes total, done, rate, in_progress,
/// not_started, withdrawn, overdue and year).
fn counts_sentence(lang: Language, key: &str, c: &RemedyCounts, year: &str) -> String {
    tr_args(
        lang,
        key,
        &[
            ("year", year.into()),
            ("total", count(c.total).into()),
            ("done", count(c.done).into()),
            ("rate", rate(lang, c.done_rate).into()),
            ("in_progress", count(c.in_progress).into()),
            ("not_started", count(c.not_started).into()),
            ("withdrawn", count(c.withdrawn).into()),
            ("overdue", count(c.overdue).into()),
        ],
    )
}

fn summary(pdf: &mut Pdf, data: &SelfcheckData, lang: Language, this_year: &str, last_year: &str) {
    let d = &data.dashboard;
    pdf.heading(&tr(lang, "report-sc-section-summary"), 120.0);
    let intro = tr_args(
        lang,
        "report-sc-intro",
        &[
            ("year", this_year.into()),
            ("required", count(d.required).into()),
            ("submitted", count(d.submitted).into()),
            ("rate", rate(lang, d.overall.rate).into()),
        ],
    );
    pdf.paragraph(&intro, 10.5, 0.0, crate::layout::INK);
    pdf.space(8.0);
    let pending_depts = d.departments.iter().filter(|x| x.submitted < x.required).count();
    let t = &d.overall;
    let rows: Vec<(String, String)> = vec![
        (tr(lang, "report-sc-required"), count(d.required)),
        (tr(lang, "report-sc-submitted"), count(d.submitted)),
        (tr(lang, "report-sc-submission-rate"), rate(lang, share(d.submitted, d.required))),
        (tr_args(lang, "report-sc-rate-of", &[("year", this_year.into())]), rate(lang, t.rate)),
        (tr_args(lang, "report-sc-rate-of", &[("year", last_year.into())]), rate(lang, d.previous_rate)),
        (tr(lang, "report-sc-rate-change"), format::delta(lang, t.rate, d.previous_rate)),
        (tr(lang, "report-sc-answers-implemented"), count(t.implemented)),
        (tr(lang, "report-sc-answers-partial"), count(t.partial)),
        (tr(lang, "report-sc-answers-not-implemented"), count(t.not_implemented)),
        (tr(lang, "report-sc-answers-not-applicable"), count(t.not_applicable)),
        (tr(lang, "report-sc-remedy-count"), count(d.remedies.len())),
        (tr(lang, "report-sc-remedy-done-rate"), rate(lang, d.remedy_counts.done_rate)),
        (tr(lang, "report-sc-remedy-overdue"), count(d.remedy_counts.overdue)),
        (tr(lang, "report-sc-pending-depts"), count(pending_depts)),
    ];
    pdf.table(&Table {
        columns: vec![Column::new(tr(lang, "report-col-item"), 3.0, Align::Left), Column::new(tr(lang, "report-col-value"), 1.2, Align::Right)],
        rows: rows.into_iter().map(|(k, v)| vec![Cell::from(k), Cell::from(v)]).collect(),
        size: 9.5,
    });
    pdf.space(4.0);
    pdf.paragraph(&tr(lang, "report-sc-rate-note"), 8.0, 0.0, MUTED);
    if d.unexpected > 0 {
        pdf.paragraph(&tr_args(lang, "report-sc-unexpected-note", &[("count", n(d.unexpected))]), 8.0, 0.0, MUTED);
    }
}

fn tally_cells(t: &Tally) -> Vec<Cell> {
    vec![Cell::from(count(t.implemented)), Cell::from(count(t.partial)), Cell::from(count(t.not_implemented)), Cell::from(count(t.not_applicable))]
}

fn chart(lang: Language, this_year: &str, last_year: Option<&str>, rows: Vec<ChartRow>) -> Chart {
    Chart {
        rows,
        current_label: this_year.to_owned(),
        previous_label: last_year.map(str::to_owned),
        none_label: tr(lang, "report-none"),
        format: format::percent,
    }
}

/// The chapters in the policy's order (「3. 組織体制」 before 「10. 外部サービスの利用」),
/// not in the order the questionnaires first mention them.
pub(crate) fn chapter_order(d: &SelfcheckDashboard) -> Vec<&ChapterRow> {
    let number = |s: &str| -> Option<u32> {
        let digits: String = s.trim().chars().take_while(|c| c.is_ascii_digit()).collect();
        digits.parse().ok()
    };
    let mut rows: Vec<&ChapterRow> = d.chapters.iter().collect();
    rows.sort_by_key(|c| number(&c.chapter).unwrap_or(u32::MAX));
    rows
}

fn chapters(pdf: &mut Pdf, d: &SelfcheckDashboard, lang: Language, this_year: &str, last_year: &str) {
    pdf.heading(&tr(lang, "report-sc-section-chapters"), 160.0);
    pdf.paragraph(&tr(lang, "report-sc-chapters-lead"), 9.5, 0.0, crate::layout::INK);
    pdf.space(4.0);
    let ordered = chapter_order(d);
    let rows = ordered.iter().map(|c| ChartRow { label: c.chapter.clone(), value: c.tally.rate, previous: c.previous_rate }).collect();
    pdf.chart(&chart(lang, this_year, Some(last_year), rows));
    pdf.space(8.0);
    let mut columns = vec![Column::new(tr(lang, "report-col-chapter"), 3.6, Align::Left)];
    columns.extend(tally_headers(lang));
    columns.push(Column::new(tr(lang, "report-col-rate"), 1.1, Align::Right).fit());
    columns.push(Column::new(last_year, 1.1, Align::Right).fit());
    let rows = ordered
        .iter()
        .map(|c| {
            let mut r = vec![Cell::from(c.chapter.as_str())];
            r.extend(tally_cells(&c.tally));
            r.push(Cell::from(rate(lang, c.tally.rate)));
            r.push(Cell::from(rate(lang, c.previous_rate)));
            r
        })
        .collect();
    pdf.table(&Table { columns, rows, size: 8.5 });
}

fn tally_headers(lang: Language) -> Vec<Column> {
    ["report-col-implemented", "report-col-partial", "report-col-not-implemented", "report-col-not-applicable"]
        .iter()
        .map(|k| Column::new(tr(lang, k), 0.95, Align::Right).fit())
        .collect()
}

fn roles(pdf: &mut Pdf, data: &SelfcheckData, lang: Language, this_year: &str, last_year: &str) {
    let d = &data.dashboard;
    pdf.heading(&tr(lang, "report-sc-section-roles"), 140.0);
    let rows = d
        .roles
        .iter()
        .map(|r| ChartRow { label: data.role_name(lang, &r.role, &r.role_name).to_owned(), value: r.tally.rate, previous: r.previous_rate })
        .collect();
    pdf.chart(&chart(lang, this_year, Some(last_year), rows));
    pdf.space(8.0);
    let columns = vec![
        Column::new(tr(lang, "report-col-role"), 3.0, Align::Left),
        Column::new(tr(lang, "report-col-required"), 1.0, Align::Right).fit(),
        Column::new(tr(lang, "report-col-submitted"), 1.0, Align::Right).fit(),
        Column::new(tr(lang, "report-col-submission-rate"), 1.1, Align::Right).fit(),
        Column::new(tr(lang, "report-col-rate"), 1.1, Align::Right).fit(),
        Column::new(last_year, 1.1, Align::Right).fit(),
    ];
    let rows = d
        .roles
        .iter()
        .map(|r| {
            vec![
                Cell::from(data.role_name(lang, &r.role, &r.role_name)),
                Cell::from(count(r.required)),
                Cell::from(count(r.submitted)),
                Cell::from(rate(lang, share(r.submitted, r.required))),
                Cell::from(rate(lang, r.tally.rate)),
                Cell::from(rate(lang, r.previous_rate)),
            ]
        })
        .collect();
    pdf.table(&Table { columns, rows, size: 8.5 });
}

fn departments(pdf: &mut Pdf, d: &SelfcheckDashboard, lang: Language, last_year: &str) {
    pdf.heading(&tr(lang, "report-sc-section-departments"), 80.0);
    let columns = vec![
        Column::new(tr(lang, "report-col-code"), 0.9, Align::Left).fit(),
        Column::new(tr(lang, "report-col-dept"), 2.6, Align::Left),
        Column::new(tr(lang, "report-col-required"), 0.9, Align::Right).fit(),
        Column::new(tr(lang, "report-col-submitted"), 0.9, Align::Right).fit(),
        Column::new(tr(lang, "report-col-submission-rate"), 1.0, Align::Right).fit(),
        Column::new(tr(lang, "report-col-rate"), 1.0, Align::Right).fit(),
        Column::new(last_year, 1.0, Align::Right).fit(),
        Column::new(tr(lang, "report-col-remedies"), 0.9, Align::Right).fit(),
        Column::new(tr(lang, "report-col-remedies-overdue"), 0.9, Align::Right).fit(),
        Column::new(tr(lang, "report-col-rate-chart"), 1.4, Align::Left),
    ];
    let rows = d
        .departments
        .iter()
        .filter(|x| x.required > 0 || x.tally.rate.is_some() || x.previous_rate.is_some())
        .map(|x| {
            vec![
                Cell::from(x.code.as_str()),
                Cell::from(x.name.as_str()),
                Cell::from(count(x.required)),
                Cell::from(count(x.submitted)),
                Cell::from(rate(lang, share(x.submitted, x.required))),
                Cell::from(rate(lang, x.tally.rate)),
                Cell::from(rate(lang, x.previous_rate)),
                Cell::from(count(x.remedy_counts.total)),
                Cell::from(count(x.remedy_counts.overdue)),
                Cell::Bar(x.tally.rate),
            ]
        })
        .collect();
    pdf.table(&Table { columns, rows, size: 8.0 });
}

fn comparison(pdf: &mut Pdf, data: &SelfcheckData, lang: Language, this_year: &str, last_year: &str) {
    let d = &data.dashboard;
    pdf.heading(&tr(lang, "report-sc-section-comparison"), 80.0);
    let key = match (d.overall.rate, d.previous_rate) {
        (Some(now), Some(before)) if now > before => "report-sc-compare-up",
        (Some(now), Some(before)) if now < before => "report-sc-compare-down",
        (Some(_), Some(_)) => "report-sc-compare-same",
        _ => "report-sc-compare-none",
    };
    let points = match (d.overall.rate, d.previous_rate) {
        (Some(a), Some(b)) => format!("{:.1}", ((a - b).abs() * 10.0).round() / 10.0),
        _ => String::new(),
    };
    let text = tr_args(
        lang,
        key,
        &[
            ("previous", last_year.into()),
            ("year", this_year.into()),
            ("before", rate(lang, d.previous_rate).into()),
            ("now", rate(lang, d.overall.rate).into()),
            ("points", points.into()),
        ],
    );
    pdf.paragraph(&text, 10.5, 0.0, crate::layout::INK);
    pdf.space(6.0);
    let columns = vec![
        Column::new(tr(lang, "report-col-category"), 1.2, Align::Left).grouped().fit(),
        Column::new(tr(lang, "report-col-subject"), 3.2, Align::Left),
        Column::new(last_year, 1.1, Align::Right).fit(),
        Column::new(this_year, 1.1, Align::Right).fit(),
        Column::new(tr(lang, "report-col-change"), 1.1, Align::Right).fit(),
    ];
    let row = |cat: &str, name: &str, before: Option<f64>, now: Option<f64>| {
        vec![Cell::from(cat), Cell::from(name), Cell::from(rate(lang, before)), Cell::from(rate(lang, now)), Cell::from(format::delta(lang, now, before))]
    };
    let (overall, by_role, by_chapter) = (tr(lang, "report-col-overall"), tr(lang, "report-col-role"), tr(lang, "report-col-chapter"));
    let mut rows = vec![row(&overall, &overall, d.previous_rate, d.overall.rate)];
    rows.extend(d.roles.iter().map(|r| row(&by_role, data.role_name(lang, &r.role, &r.role_name), r.previous_rate, r.tally.rate)));
    rows.extend(chapter_order(d).into_iter().map(|c| row(&by_chapter, &c.chapter, c.previous_rate, c.tally.rate)));
    pdf.table(&Table { columns, rows, size: 8.5 });
}

fn not_submitted(pdf: &mut Pdf, d: &SelfcheckDashboard, lang: Language) {
    pdf.heading(&tr(lang, "report-sc-section-pending"), 60.0);
    let pending: Vec<_> = d.departments.iter().filter(|x| x.submitted < x.required).collect();
    if pending.is_empty() {
        pdf.paragraph(&tr(lang, "report-sc-no-pending"), 10.5, 0.0, crate::layout::INK);
        return;
    }
    let none = pending.iter().filter(|x| x.submitted == 0).count();
    pdf.paragraph(
        &tr_args(lang, "report-sc-pending-lead", &[("depts", n(pending.len())), ("none", n(none)), ("people", n(d.pending.len()))]),
        10.5,
        0.0,
        crate::layout::INK,
    );
    pdf.space(6.0);
    let columns = vec![
        Column::new(tr(lang, "report-col-code"), 0.9, Align::Left).fit(),
        Column::new(tr(lang, "report-col-dept"), 3.0, Align::Left),
        Column::new(tr(lang, "report-col-required"), 1.0, Align::Right).fit(),
        Column::new(tr(lang, "report-col-submitted"), 1.0, Align::Right).fit(),
        Column::new(tr(lang, "report-col-not-submitted"), 1.0, Align::Right).fit(),
        Column::new(tr(lang, "report-col-submission-rate"), 1.0, Align::Right).fit(),
    ];
    // The 所属 furthest behind first; the rest are in the 所属別 table.
    let mut pending = pending;
    pending.sort_by(|a, b| {
        share(a.submitted, a.required).partial_cmp(&share(b.submitted, b.required)).unwrap_or(std::cmp::Ordering::Equal).then(a.code.cmp(&b.code))
    });
    let more = pending.len().saturating_sub(PENDING_ROWS);
    pending.truncate(PENDING_ROWS);
    let rows = pending
        .iter()
        .map(|x| {
            vec![
                Cell::from(x.code.as_str()),
                Cell::from(x.name.as_str()),
                Cell::from(count(x.required)),
                Cell::from(count(x.submitted)),
                Cell::from(count(x.required - x.submitted)),
                Cell::from(rate(lang, share(x.submitted, x.required))),
            ]
        })
        .collect();
    pdf.table(&Table { columns, rows, size: 8.5 });
    if more > 0 {
        pdf.space(4.0);
        pdf.paragraph(&tr_args(lang, "report-sc-pending-more", &[("more", n(more))]), 8.5, 0.0, MUTED);
    }
}

fn remedies(pdf: &mut Pdf, data: &SelfcheckData, lang: Language) {
    let d = &data.dashboard;
    pdf.heading(&tr(lang, "report-sc-section-remedies"), 80.0);
    if d.remedies.is_empty() {
        pdf.paragraph(&tr(lang, "report-sc-no-remedies"), 10.5, 0.0, crate::layout::INK);
        return;
    }
    pdf.paragraph(&tr_args(lang, "report-sc-remedies-lead", &[("count", n(d.remedies.len()))]), 10.5, 0.0, crate::layout::INK);
    pdf.space(6.0);
    // By questionnaire order, then 所属 and 期限: each item's 改善策 read together.
    let order: HashMap<(&str, &str), usize> = d.items.iter().enumerate().map(|(i, it)| ((it.role.as_str(), it.item_id.as_str()), i)).collect();
    let mut list: Vec<&RemedyRow> = d.remedies.iter().collect();
    list.sort_by(|a, b| {
        let key = |r: &RemedyRow| order.get(&(r.role.as_str(), r.item_id.as_str())).copied().unwrap_or(usize::MAX);
        (key(a), &a.role, &a.item_id, &a.dept_code, &a.due).cmp(&(key(b), &b.role, &b.item_id, &b.dept_code, &b.due))
    });
    let columns = vec![
        Column::new(tr(lang, "report-col-question"), 3.3, Align::Left).grouped(),
        Column::new(tr(lang, "report-col-dept"), 1.7, Align::Left),
        Column::new(tr(lang, "report-col-answer"), 1.0, Align::Left).fit(),
        Column::new(tr(lang, "report-col-remedy"), 3.0, Align::Left),
        Column::new(tr(lang, "report-col-due"), 1.0, Align::Left).fit(),
        Column::new(tr(lang, "report-col-status"), 1.0, Align::Left).fit(),
    ];
    let rows = list
        .iter()
        .map(|r| {
            let question = data.question(lang, &r.role, &r.item_id, &r.question);
            let label = tr_args(
                lang,
                "report-sc-question",
                &[("role", data.role_name(lang, &r.role, &r.role_name).into()), ("item", r.item_id.as_str().into()), ("question", question.into())],
            );
            // Short forms: the column is narrow and the heading says what they answer.
            let answer = match r.answer {
                Answer::NotImplemented => tr(lang, "report-answer-not-implemented"),
                _ => tr(lang, "report-answer-partial"),
            };
            vec![
                Cell::from(label),
                Cell::from(r.dept_name.as_str()),
                Cell::from(answer),
                Cell::from(r.remedy.as_str()),
                Cell::from(r.due.as_deref().map(|x| format::iso_short(lang, x)).unwrap_or_else(|| tr(lang, "report-none"))),
                Cell::from(if r.overdue {
                    format!("{}（{}）", tr(lang, r.status.label_key()), tr(lang, "remedy-overdue"))
                } else {
                    tr(lang, r.status.label_key())
                }),
            ]
        })
        .collect();
    pdf.table(&Table { columns, rows, size: 8.0 });
}
