//! `tebiki bench report`: both reports for the demo organisation at scale,
//! and, beside them, headless Chromium printing an HTML page with the same
//! tables (the usual way of making PDFs from a web stack).

use super::{fail, Context, Failure};
use crate::output;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_core::demo::organisation;
use tebiki_core::pack::library::PackLibrary;
use tebiki_core::selfcheck::dashboard::{questionnaires_of, who_must_submit};
use tebiki_core::selfcheck::submission::{self, PackRef};
use tebiki_core::settings::Language;
use tebiki_i18n::{tr, tr_args};
use tebiki_report::{render_selfcheck, render_training, Rendered, ReportOptions, SelfcheckData, TrainingData};
use tebiki_store::Store;

pub struct BenchArgs<'a> {
    pub staff: usize,
    pub depts: usize,
    pub submissions: usize,
    pub runs: usize,
    pub keep: Option<&'a Path>,
}

/// The budget the issue sets for each report.
const TARGET_SECONDS: f64 = 2.0;
const TARGET_BYTES: usize = 1_500_000;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn failure(lang: Language, message: String) -> Failure {
    Failure { lang, message }
}

pub fn run(ctx: &Context, a: BenchArgs) -> Result<(), Failure> {
    let lang = ctx.lang;
    let temporary = a.keep.is_none();
    let root = a.keep.map(Path::to_owned).unwrap_or_else(|| std::env::temp_dir().join(format!("tebiki-bench-report-{}", std::process::id())));
    if temporary {
        let _ = std::fs::remove_dir_all(&root);
    }
    let result = run_in(ctx, &a, &root);
    if temporary {
        let _ = std::fs::remove_dir_all(&root);
    }
    result.map_err(|m| failure(lang, m))
}

fn run_in(ctx: &Context, a: &BenchArgs, root: &Path) -> Result<(), String> {
    let lang = ctx.lang;
    let io = |path: &Path, e: std::io::Error| tr_args(lang, "error-io", &[("path", path.display().to_string().into()), ("detail", e.to_string().into())]);
    let data_dir = root.join("data");
    if data_dir.exists() {
        std::fs::remove_dir_all(&data_dir).map_err(|e| io(&data_dir, e))?;
    }
    let mut store = Store::open_dir(&data_dir).map_err(|e| fail(lang, &e).message)?;
    let library = PackLibrary::load(None);
    let pack = library.get("kobe").ok_or_else(|| tr_args(lang, "search-unknown-pack", &[("pack", "kobe".into())]))?;
    let today = chrono::Local::now().date_naive();
    let fy = FiscalYear::of(today);
    output::line(&format!("# tebiki bench report ({} build)", if cfg!(debug_assertions) { "debug" } else { "release" }));

    // The demo organisation, scaled.
    let t = Instant::now();
    let people = organisation(a.depts.max(1), a.staff.max(1), today, 20261122);
    store.import_roster(&people, true, &today.to_string()).map_err(|e| fail(lang, &e).message)?;
    let (sessions, attendances) = tebiki_service::demo::record_sessions(&mut store, pack, &people, today).map_err(|e| fail(lang, &e).message)?;
    let qs = questionnaires_of(pack);
    let active: Vec<_> = store.active_staff().map_err(|e| fail(lang, &e).message)?.into_iter().map(|m| m.record).collect();
    let must = who_must_submit(&active, &pack.roles, &qs);
    // Respondents spread over the roster, as in `tebiki bench selfcheck`.
    let step = (must.len() / a.submissions.max(1)).max(1);
    let chosen: Vec<_> = must.iter().step_by(step).take(a.submissions).copied().collect();
    let pack_ref = PackRef { id: pack.id.clone(), version: pack.version.clone(), content_hash: pack.content_hash.clone() };
    let mut subs = tebiki_core::demo::submissions(&chosen, &pack_ref, fy.0 - 1, fy.start(), 12);
    subs.extend(tebiki_core::demo::submissions(&chosen, &pack_ref, fy.0, today, 11));
    for s in &subs {
        let d = submission::digest(s).map_err(|e| e.to_string())?;
        store.import_submission(s, &d, &submission::file_name(s)).map_err(|e| tebiki_i18n::tr_message(lang, &e.message()))?;
    }
    output::line(&format!(
        "organisation: {} staff in {} 所属, {} sessions ({} attendances) over three 年度, {} 自己点検 submissions in {} and as many in {} — set up in {:.1} s",
        people.len(),
        a.depts,
        sessions,
        attendances,
        chosen.len(),
        fy.wareki(),
        fy.previous().wareki(),
        t.elapsed().as_secs_f64()
    ));

    let opts = ReportOptions::new(lang, fy.0, today);
    let runs = a.runs.max(1);
    std::fs::create_dir_all(root).map_err(|e| io(root, e))?;
    let fonts_dir = root.join("fonts");
    std::fs::create_dir_all(&fonts_dir).map_err(|e| io(&fonts_dir, e))?;
    for (name, bytes) in [("BIZUDPGothic-Regular.ttf", tebiki_report::fonts::REGULAR), ("BIZUDPGothic-Bold.ttf", tebiki_report::fonts::BOLD)] {
        let p = fonts_dir.join(name);
        std::fs::write(&p, bytes).map_err(|e| io(&p, e))?;
    }
    let chromium = find_chromium();

    let mut rows = Vec::new();
    // 自己点検結果報告書
    {
        let mut loads = Vec::new();
        let mut renders = Vec::new();
        let mut last: Option<(SelfcheckData, Rendered)> = None;
        for _ in 0..runs {
            let t = Instant::now();
            let data = SelfcheckData::load(&store, pack, fy.0, None).map_err(|e| e.localized(lang))?;
            loads.push(t.elapsed());
            let t = Instant::now();
            let r = render_selfcheck(&data, &opts).map_err(|e| e.localized(lang))?;
            renders.push(t.elapsed());
            last = Some((data, r));
        }
        let (data, rendered) = last.ok_or("no run")?;
        let html = selfcheck_html(lang, &data, &fonts_dir);
        rows.push(measure(root, "selfcheck", &rendered, loads, renders, &html, chromium.as_deref())?);
    }
    // 研修実施状況報告書
    {
        let mut loads = Vec::new();
        let mut renders = Vec::new();
        let mut last: Option<(TrainingData, Rendered)> = None;
        for _ in 0..runs {
            let t = Instant::now();
            let data = TrainingData::load(&store, pack, fy.0, None, today).map_err(|e| e.localized(lang))?;
            loads.push(t.elapsed());
            let t = Instant::now();
            let r = render_training(&data, &opts).map_err(|e| e.localized(lang))?;
            renders.push(t.elapsed());
            last = Some((data, r));
        }
        let (data, rendered) = last.ok_or("no run")?;
        let html = training_html(lang, &data, &fonts_dir);
        rows.push(measure(root, "training", &rendered, loads, renders, &html, chromium.as_deref())?);
    }

    // Issue 18: the 別冊 (every 改善策) and the 所属別結果票 of every 所属.
    let extra = {
        let t = Instant::now();
        let data = SelfcheckData::load(&store, pack, fy.0, None).map_err(|e| e.localized(lang))?;
        let detail = tebiki_report::render_selfcheck_detail(&data, &opts).map_err(|e| e.localized(lang))?;
        let detail_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let depts = tebiki_report::DepartmentData::load(&store, pack, fy.0, None).map_err(|e| e.localized(lang))?;
        let sheets = tebiki_report::render_department_sheets(&depts, &opts).map_err(|e| e.localized(lang))?;
        let sheets_s = t.elapsed().as_secs_f64();
        vec![
            format!("selfcheck 別冊 (--detail) | {} pages | {:.2} s read + render | {:.2} MB", detail.pages, detail_s, detail.bytes.len() as f64 / 1e6),
            format!(
                "所属別結果票, every 所属 in one file ({} 所属) | {} pages | {:.2} s read + render | {:.2} MB",
                depts.depts.len(),
                sheets.pages,
                sheets_s,
                sheets.bytes.len() as f64 / 1e6
            ),
        ]
    };

    output::line(&format!("render: median of {runs} runs; read = store queries and 集計, render = layout and PDF (fonts parsed, subset, compressed)"));
    output::line(
        "report | pages | read ms | render ms | PDF size | chromium --print-to-pdf ms | chromium PDF size | targets (< 2 s, < 1.5 MB, faster than Chromium)",
    );
    for r in &rows {
        output::line(&r.line());
    }
    for line in &extra {
        output::line(line);
    }
    match &chromium {
        Some(c) => output::line(&format!(
            "chromium: {} (same tables as HTML, same font, one run per report after a warm-up print; wall time of the process)",
            c.display()
        )),
        None => output::line(
            "chromium: not installed (no chromium, chromium-browser or google-chrome on PATH): that column is skipped. scripts/install-deps.sh installs it.",
        ),
    }
    if a.keep.is_some() {
        output::line(&format!("files kept in {}", root.display()));
    }
    Ok(())
}

struct Row {
    name: &'static str,
    pages: usize,
    load_ms: f64,
    render_ms: f64,
    bytes: usize,
    chromium: Option<Result<(f64, usize), String>>,
}

impl Row {
    fn line(&self) -> String {
        let (c_ms, c_size) = match &self.chromium {
            Some(Ok((t, b))) => (format!("{t:.0}"), mb(*b)),
            Some(Err(e)) => (format!("failed: {e}"), "—".to_owned()),
            None => ("skipped".to_owned(), "—".to_owned()),
        };
        let total_s = (self.load_ms + self.render_ms) / 1000.0;
        let mut verdict = vec![
            if total_s < TARGET_SECONDS { format!("time OK ({total_s:.2} s)") } else { format!("time OVER ({total_s:.2} s)") },
            if self.bytes < TARGET_BYTES { "size OK".to_owned() } else { "size OVER".to_owned() },
        ];
        if let Some(Ok((t, _))) = &self.chromium {
            verdict.push(if self.load_ms + self.render_ms < *t {
                format!("{:.0}× faster than Chromium", t / (self.load_ms + self.render_ms))
            } else {
                "SLOWER than Chromium".to_owned()
            });
        }
        format!(
            "{} | {} | {:.0} | {:.0} | {} | {} | {} | {}",
            self.name,
            self.pages,
            self.load_ms,
            self.render_ms,
            mb(self.bytes),
            c_ms,
            c_size,
            verdict.join(", ")
        )
    }
}

fn mb(bytes: usize) -> String {
    format!("{:.2} MB", bytes as f64 / 1e6)
}

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    ms(v[v.len() / 2])
}

fn measure(
    root: &Path,
    name: &'static str,
    rendered: &Rendered,
    loads: Vec<Duration>,
    renders: Vec<Duration>,
    html: &str,
    chromium: Option<&Path>,
) -> Result<Row, String> {
    let pdf = root.join(format!("report-{name}.pdf"));
    std::fs::write(&pdf, &rendered.bytes).map_err(|e| format!("{}: {e}", pdf.display()))?;
    let html_path = root.join(format!("report-{name}.html"));
    std::fs::write(&html_path, html).map_err(|e| format!("{}: {e}", html_path.display()))?;
    let chromium = chromium.map(|c| print_with_chromium(c, root, &html_path, &root.join(format!("chromium-{name}.pdf"))));
    Ok(Row { name, pages: rendered.pages, load_ms: median(loads), render_ms: median(renders), bytes: rendered.bytes.len(), chromium })
}

/// `chromium`, `chromium-browser` or `google-chrome` on the PATH.
fn find_chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"].iter().flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name))).find(|p| p.is_file())
}

/// Prints `html` to `out` with headless Chromium and returns (milliseconds, bytes).
/// A first print warms the disk cache and the profile so that the timed one
/// measures printing, not Chromium's first start on this machine.
fn print_with_chromium(chromium: &Path, root: &Path, html: &Path, out: &Path) -> Result<(f64, usize), String> {
    let profile = root.join("chromium-profile");
    let print = |target: &Path| -> Result<Duration, String> {
        let t = Instant::now();
        let status = Command::new(chromium)
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run"])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--print-to-pdf={}", target.display()))
            .arg(format!("file://{}", html.display()))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .map_err(|e| e.to_string())?;
        if !status.success() {
            return Err(format!("exit status {status}"));
        }
        Ok(t.elapsed())
    };
    print(&root.join("chromium-warm-up.pdf"))?;
    let took = print(out)?;
    let bytes = std::fs::metadata(out).map_err(|e| e.to_string())?.len() as usize;
    Ok((ms(took), bytes))
}

// ---- the same tables as HTML ----

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn page(lang: Language, title: &str, fonts: &Path, body: &str) -> String {
    format!(
        r#"<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title><style>
@font-face {{ font-family: "Report"; src: url("file://{dir}/BIZUDPGothic-Regular.ttf"); font-weight: normal; }}
@font-face {{ font-family: "Report"; src: url("file://{dir}/BIZUDPGothic-Bold.ttf"); font-weight: bold; }}
@page {{ size: A4; margin: 26mm 15mm 24mm 25mm; }}
body {{ font-family: "Report"; font-size: 9pt; line-break: strict; }}
h1 {{ font-size: 20pt; text-align: center; margin-top: 60mm; page-break-after: always; }}
h2 {{ font-size: 13pt; border-bottom: 0.8pt solid #000; page-break-after: avoid; }}
table {{ border-collapse: collapse; width: 100%; margin-bottom: 8pt; }}
thead {{ display: table-header-group; }}
tr {{ page-break-inside: avoid; }}
th {{ background: #e0e2e8; font-weight: bold; }}
th, td {{ border: 0.4pt solid #999; padding: 2pt 3pt; vertical-align: top; }}
td.n {{ text-align: right; }}
.bar {{ background: #eee; height: 6pt; }} .bar > div {{ background: #2a5494; height: 100%; }}
</style></head><body><h1>{title}</h1>{body}</body></html>"#,
        lang = lang.as_str(),
        title = esc(title),
        dir = fonts.display(),
    )
}

/// One table: headers, then rows of cells; a cell starting with '#' is a
/// number (right-aligned), one starting with '%' a bar of that percentage.
fn table(out: &mut String, headers: &[String], rows: impl Iterator<Item = Vec<String>>) {
    out.push_str("<table><thead><tr>");
    for h in headers {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr>");
        for c in row {
            if let Some(n) = c.strip_prefix('#') {
                let _ = write!(out, r#"<td class="n">{}</td>"#, esc(n));
            } else if let Some(p) = c.strip_prefix('%') {
                let _ = write!(out, r#"<td><div class="bar"><div style="width:{}%"></div></div></td>"#, esc(p));
            } else {
                let _ = write!(out, "<td>{}</td>", esc(&c).replace('\n', "<br>"));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

fn pct(v: Option<f64>) -> String {
    v.map(|v| format!("#{v:.1}%")).unwrap_or_else(|| "#—".to_owned())
}

fn h2(out: &mut String, text: &str) {
    let _ = write!(out, "<h2>{}</h2>", esc(text));
}

fn selfcheck_html(lang: Language, data: &SelfcheckData, fonts: &Path) -> String {
    let d = &data.dashboard;
    let t = |k: &str| tr(lang, k);
    let mut b = String::new();
    h2(&mut b, &t("report-sc-section-summary"));
    table(
        &mut b,
        &[t("report-col-item"), t("report-col-value")],
        [("report-sc-required", d.required), ("report-sc-submitted", d.submitted), ("report-sc-remedy-count", d.remedies.len())]
            .iter()
            .map(|(k, v)| vec![t(k), format!("#{v}")]),
    );
    h2(&mut b, &t("report-sc-section-chapters"));
    table(
        &mut b,
        &[
            t("report-col-chapter"),
            t("report-col-implemented"),
            t("report-col-partial"),
            t("report-col-not-implemented"),
            t("report-col-not-applicable"),
            t("report-col-rate"),
            t("report-col-rate-chart"),
        ],
        d.chapters.iter().map(|c| {
            let x = &c.tally;
            vec![
                c.chapter.clone(),
                format!("#{}", x.implemented),
                format!("#{}", x.partial),
                format!("#{}", x.not_implemented),
                format!("#{}", x.not_applicable),
                pct(x.rate),
                format!("%{}", x.rate.unwrap_or(0.0)),
            ]
        }),
    );
    h2(&mut b, &t("report-sc-section-roles"));
    table(
        &mut b,
        &[t("report-col-role"), t("report-col-required"), t("report-col-submitted"), t("report-col-rate"), t("report-col-rate-chart")],
        d.roles.iter().map(|r| {
            vec![r.role_name.clone(), format!("#{}", r.required), format!("#{}", r.submitted), pct(r.tally.rate), format!("%{}", r.tally.rate.unwrap_or(0.0))]
        }),
    );
    h2(&mut b, &t("report-sc-section-departments"));
    table(
        &mut b,
        &[t("report-col-code"), t("report-col-dept"), t("report-col-required"), t("report-col-submitted"), t("report-col-rate"), t("report-col-rate-chart")],
        d.departments.iter().map(|x| {
            vec![
                x.code.clone(),
                x.name.clone(),
                format!("#{}", x.required),
                format!("#{}", x.submitted),
                pct(x.tally.rate),
                format!("%{}", x.tally.rate.unwrap_or(0.0)),
            ]
        }),
    );
    h2(&mut b, &t("report-sc-section-pending"));
    table(
        &mut b,
        &[t("report-col-code"), t("report-col-dept"), t("report-col-required"), t("report-col-submitted"), t("report-col-not-submitted")],
        d.departments
            .iter()
            .filter(|x| x.submitted < x.required)
            .map(|x| vec![x.code.clone(), x.name.clone(), format!("#{}", x.required), format!("#{}", x.submitted), format!("#{}", x.required - x.submitted)]),
    );
    h2(&mut b, &t("report-sc-section-remedies"));
    table(
        &mut b,
        &[t("report-col-question"), t("report-col-dept"), t("report-col-answer"), t("report-col-remedy"), t("report-col-due")],
        d.remedies.iter().map(|r| {
            vec![
                format!("[{} {}] {}", r.role_name, r.item_id, r.question),
                r.dept_name.clone(),
                t(r.answer.label_key()),
                r.remedy.clone(),
                r.due.clone().unwrap_or_default(),
            ]
        }),
    );
    page(lang, &t("report-sc-title"), fonts, &b)
}

fn training_html(lang: Language, data: &TrainingData, fonts: &Path) -> String {
    let o = &data.overview;
    let t = |k: &str| tr(lang, k);
    let mut b = String::new();
    h2(&mut b, &t("report-tr-section-summary"));
    table(
        &mut b,
        &[t("report-col-item"), t("report-col-value")],
        [("report-tr-people", o.people), ("report-tr-required", o.required), ("report-tr-done", o.done), ("report-tr-sessions", data.sessions.len())]
            .iter()
            .map(|(k, v)| vec![t(k), format!("#{v}")]),
    );
    h2(&mut b, &t("report-tr-section-sessions"));
    table(
        &mut b,
        &[t("report-col-no"), t("report-col-held-on"), t("report-col-course"), t("report-col-method"), t("report-col-attendees")],
        data.sessions.iter().enumerate().map(|(i, s)| {
            vec![
                format!("#{}", i + 1),
                s.held_on.clone(),
                data.course_titles.get(&s.course_id).cloned().unwrap_or_default(),
                s.method.as_str().to_owned(),
                format!("#{}", s.attendees),
            ]
        }),
    );
    h2(&mut b, &t("report-tr-section-courses"));
    table(
        &mut b,
        &[t("report-col-course"), t("report-col-target"), t("report-col-done"), t("report-col-completion"), t("report-col-completion-chart")],
        o.courses.iter().map(|c| vec![c.label.clone(), format!("#{}", c.required), format!("#{}", c.done), pct(Some(c.rate)), format!("%{}", c.rate)]),
    );
    h2(&mut b, &t("report-tr-section-roles"));
    table(
        &mut b,
        &[t("report-col-role"), t("report-col-people"), t("report-col-done"), t("report-col-completion"), t("report-col-completion-chart")],
        o.roles.iter().map(|r| vec![r.label.clone(), format!("#{}", r.people), format!("#{}", r.done), pct(Some(r.rate)), format!("%{}", r.rate)]),
    );
    h2(&mut b, &t("report-tr-section-departments"));
    table(
        &mut b,
        &[
            t("report-col-code"),
            t("report-col-dept"),
            t("report-col-people"),
            t("report-col-done"),
            t("report-col-completion"),
            t("report-col-completion-chart"),
        ],
        o.departments
            .iter()
            .map(|d| vec![d.code.clone(), d.name.clone(), format!("#{}", d.people), format!("#{}", d.done), pct(Some(d.rate)), format!("%{}", d.rate)]),
    );
    h2(&mut b, &t("report-tr-section-incomplete"));
    table(
        &mut b,
        &[t("report-col-dept"), t("report-col-employee-no"), t("report-col-name"), t("report-col-incomplete-courses"), t("report-col-due")],
        data.incomplete.iter().map(|p| {
            vec![
                p.dept_name.clone(),
                p.employee_no.clone(),
                p.name.clone(),
                p.courses.iter().map(|c| c.title.as_str()).collect::<Vec<_>>().join("\n"),
                p.courses.iter().map(|c| c.due_by.to_string()).collect::<Vec<_>>().join("\n"),
            ]
        }),
    );
    page(lang, &t("report-tr-title"), fonts, &b)
}
