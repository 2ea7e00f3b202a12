//! The reports end to end: a small organisation in a temporary store, each
//! report rendered, then read back with poppler's `pdftotext` and `pdffonts`
//! as a person copying text out of the PDF would.

use chrono::NaiveDate;
use std::path::Path;
use std::process::Command;
use tebiki_core::pack::library::PackLibrary;
use tebiki_core::pack::Pack;
use tebiki_core::roster::import::parse_roster;
use tebiki_core::selfcheck::answers::{Answer, ItemAnswer};
use tebiki_core::selfcheck::dashboard::questionnaires_of;
use tebiki_core::selfcheck::submission::{PackRef, Respondent};
use tebiki_core::settings::Language;
use tebiki_report::{
    render_certificates, render_department_sheet, render_department_sheets, render_selfcheck, render_selfcheck_detail, render_training, CertificateData,
    CertificateTarget, DepartmentData, Rendered, ReportError, ReportOptions, SelfcheckData, TrainingData,
};
use tebiki_store::{Method, NewInspection, NewSession, Store};

const ROSTER: &str = "職員番号,氏名,ふりがな,所属コード,所属名,役職,採用日
1001,山田 太郎,やまだ たろう,A01,総務課,課長,2010/4/1
1002,鈴木 花子,すずき はなこ,A01,総務課,,2015/4/1
1003,佐藤 一郎,さとう いちろう,B01,情報政策課,,2018/4/1
1004,高橋 美咲,たかはし みさき,B01,情報政策課,,2025/5/1
1005,田中 健,たなか けん,C01,市民課,,2012/4/1
";

fn kobe() -> Pack {
    PackLibrary::load(None).get("kobe").expect("kobe is bundled").clone()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Five people in three 所属; 2025年度 sessions; 自己点検 of 2025 (山田 and
/// 佐藤, with two 改善策) and of 2024 (鈴木) for the comparison. 市民課 has
/// not submitted. `extra` more people in 所属 X.. who attended nothing and
/// `extra_submissions` more 2025 submissions among them.
struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    pack: Pack,
    annual_session: i64,
}

fn fixture(extra: usize, extra_submissions: usize) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_dir(dir.path()).unwrap();
    let mut csv = ROSTER.to_owned();
    for i in 0..extra {
        csv.push_str(&format!("{},追加 職員{i},ついか しょくいん,X{:02},追加第{}課,,2011/4/1\n", 2000 + i, i % 20, i % 20));
    }
    let people: Vec<_> = parse_roster(csv.as_bytes(), None).unwrap().rows.into_iter().map(|(_, r)| r).collect();
    store.import_roster(&people, true, "2025-04-01").unwrap();
    let pack = kobe();

    let session = |course: &str, date: &str, method| NewSession {
        pack_id: "kobe".into(),
        course_id: course.into(),
        held_on: date.into(),
        method,
        trainer: None,
        place: None,
    };
    let nos = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let annual_session = store.record_session(&session("annual", "2025-06-10", Method::Classroom), &nos(&["1001", "1002", "1003"])).unwrap().id;
    store.record_session(&session("new-hire", "2025-06-01", Method::ELearning), &nos(&["1004"])).unwrap();
    store.record_session(&session("manager", "2025-07-15", Method::Video), &nos(&["1001"])).unwrap();
    store.record_session(&session("annual", "2024-06-10", Method::Classroom), &nos(&["1001", "1005"])).unwrap();

    let qs = questionnaires_of(&pack);
    let staff_q = qs.iter().find(|q| q.role == "staff").expect("kobe has a staff questionnaire");
    let items: Vec<String> = staff_q.items.iter().map(|i| i.id.clone()).collect();
    let pack_ref = PackRef { id: pack.id.clone(), version: pack.version.clone(), content_hash: pack.content_hash.clone() };
    let mut submit = |year: i32, no: &str, name: &str, dept: (&str, &str), with_remedies: bool| {
        let who = Respondent { employee_no: no.into(), name: name.into(), dept_code: dept.0.into(), dept_name: dept.1.into() };
        let draft = store
            .start_inspection(&NewInspection {
                year,
                role: "staff",
                role_name: "職員等",
                respondent: &who,
                pack: &pack_ref,
                item_ids: &items,
                prefill: false,
                on_paper: false,
            })
            .unwrap();
        for (i, item) in items.iter().enumerate() {
            let (answer, remedy, due) = match (with_remedies, i) {
                (true, 0) => (Answer::Partial, "手順書を見直して課内に周知する", Some(format!("{year}-12-31"))),
                (true, 1) => (Answer::NotImplemented, "年度内に研修を受講させる", Some(format!("{}-01-31", year + 1))),
                _ => (Answer::Implemented, "", None),
            };
            let a = ItemAnswer { answer: Some(answer), remedy: remedy.into(), due, ..ItemAnswer::empty(item) };
            store.save_answer(draft.id, &a).unwrap();
        }
        store.submit(draft.id, &items, &format!("{year}-07-01T10:00:00+09:00")).unwrap();
    };
    submit(2025, "1001", "山田 太郎", ("A01", "総務課"), true);
    submit(2025, "1003", "佐藤 一郎", ("B01", "情報政策課"), true);
    submit(2024, "1002", "鈴木 花子", ("A01", "総務課"), false);
    for i in 0..extra_submissions.min(extra) {
        let no = (2000 + i).to_string();
        let name = format!("追加 職員{i}");
        let code = format!("X{:02}", i % 20);
        let dept = format!("追加第{}課", i % 20);
        submit(2025, &no, &name, (&code, &dept), true);
    }
    Fixture { _dir: dir, store, pack, annual_session }
}

fn opts(lang: Language) -> ReportOptions {
    ReportOptions::new(lang, 2025, d(2026, 4, 10))
}

fn run(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" { vec!["-"] } else { vec![] })
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed for this test (poppler-utils, scripts/install-deps.sh): {e}"));
    assert!(out.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The text of the PDF with all white space removed (pdftotext lays cells
/// out with spaces and line ends of its own choosing).
fn text_of(r: &Rendered) -> (String, tempfile::NamedTempFile) {
    let file = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    std::fs::write(file.path(), &r.bytes).unwrap();
    let text = run("pdftotext", &[], file.path());
    (text.chars().filter(|c| !c.is_whitespace()).collect(), file)
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn assert_has(text: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(text.contains(&squash(w)), "{w:?} not in the PDF text:\n{text}");
    }
}

#[test]
fn the_selfcheck_report_has_its_headings_figures_and_names() {
    let f = fixture(0, 0);
    let data = SelfcheckData::load(&f.store, &f.pack, 2025, None).unwrap();
    let dash = &data.dashboard;
    // Everyone answers the 職員等 questionnaire; the 課長 also the 情報管理者 one.
    assert_eq!((dash.required, dash.submitted), (6, 2));
    let r = render_selfcheck(&data, &opts(Language::Japanese)).unwrap();
    let (text, _file) = text_of(&r);
    assert_has(
        &text,
        &[
            "神戸市",
            "情報セキュリティ自己点検結果報告書",
            "令和7年度（2025年度）",
            "作成日",
            "令和8年（2026年）4月10日",
            "決裁",
            "CISO",
            "統括責任者",
            "担当",
            "1　実施結果の概要",
            "2　章別の実施状況",
            "3　役割別の実施状況",
            "4　所属別の提出・実施状況",
            "5　実施率の低い項目",
            "6　改善策の状況（項目別）",
            "7　前年度の改善策の状況（改善の状況）",
            "8　前年度との比較",
            "9　未提出の所属",
            "提出を要する 6 件のうち 2 件が提出され",
            "33.3%",
            "市民課",
            "改善策は 4 件で、完了 0 件",
            "総務課",
            "情報政策課",
            "令和6年度",
            "2 / ",
        ],
    );
    let rate = format!("{:.1}%", dash.overall.rate.unwrap());
    let before = format!("{:.1}%", dash.previous_rate.unwrap());
    assert_has(&text, &[&rate, &before]);
    // Every page carries the running header and footer.
    let per_page = text.matches("作成日令和8年4月10日").count();
    assert_eq!(per_page, r.pages, "footer on every page");
    // The person-by-person list is in the 別冊, with its status.
    assert!(!text.contains(&squash("手順書を見直して課内に周知する")));
    let (detail, _file) = text_of(&render_selfcheck_detail(&data, &opts(Language::Japanese)).unwrap());
    assert_has(&detail, &["別冊（改善策一覧）", "手順書を見直して課内に周知する", "年度内に研修を受講させる", "令和7年12月31日", "令和8年1月31日", "未着手"]);
}

/// Issue 18: a 所属別結果票 for each 情報管理者, every 所属 in one file.
#[test]
fn each_department_gets_a_sheet_with_its_people_rates_and_remedies() {
    let f = fixture(0, 0);
    let o = opts(Language::Japanese);
    let all = DepartmentData::load(&f.store, &f.pack, 2025, None).unwrap();
    assert_eq!(all.depts.iter().map(|d| d.0.as_str()).collect::<Vec<_>>(), ["A01", "B01", "C01"]);
    let r = render_department_sheets(&all, &o).unwrap();
    assert!(r.pages >= 3, "one sheet per 所属 at least: {}", r.pages);
    let (text, _file) = text_of(&r);
    assert_has(
        &text,
        &["所属別結果票", "総務課（A01）", "情報政策課（B01）", "市民課（C01）", "未提出", "組織全体", "手順書を見直して課内に周知する", "未着手"],
    );
    let one = DepartmentData::load(&f.store, &f.pack, 2025, Some("C01")).unwrap();
    let (text, _file) = text_of(&render_department_sheet(&one, 0, &o).unwrap());
    assert_has(&text, &["市民課（C01）", "未提出"]);
    assert!(!text.contains("総務課（A01）"));
    assert!(matches!(DepartmentData::load(&f.store, &f.pack, 2025, Some("ZZZ")), Err(ReportError::UnknownDepartment { .. })));
}

#[test]
fn the_training_report_lists_sessions_completion_and_who_has_not_completed() {
    let f = fixture(0, 0);
    let data = TrainingData::load(&f.store, &f.pack, 2025, None, d(2026, 4, 10)).unwrap();
    let r = render_training(&data, &opts(Language::Japanese)).unwrap();
    let (text, _file) = text_of(&r);
    assert_has(
        &text,
        &[
            "情報セキュリティ研修実施状況報告書",
            "1　実施状況の概要",
            "2　研修の実施状況",
            "3　研修別の修了状況",
            "4　役割別の修了状況",
            "5　所属別の修了状況",
            "6　未修了者一覧（所属別）",
            "令和7年6月10日",
            "年次情報セキュリティ研修",
            "集合研修",
            "eラーニング",
            "動画視聴",
            "新規採用職員情報セキュリティ研修",
            "田中 健",
            "1005",
            "市民課（C01）",
            "（期限超過）",
        ],
    );
    // Three sessions in 2025年度 (the 2024 one is not), five attendances.
    assert_eq!(data.sessions.len(), 3);
    assert_has(&text, &["実施回数3", "受講者数（延べ）5"]);
    // 2024年度's attendance of 田中 does not count for 2025年度.
    assert!(data.incomplete.iter().any(|p| p.employee_no == "1005"));
    assert!(!data.incomplete.iter().any(|p| p.employee_no == "1003"), "佐藤 attended the one course he must");
    // The 課長 (情報管理者) also owes the drill, which was not held.
    let yamada = data.incomplete.iter().find(|p| p.employee_no == "1001").expect("山田 owes the drill");
    assert_eq!(yamada.courses.iter().map(|c| c.title.as_str()).collect::<Vec<_>>(), ["緊急時対応訓練"]);
    assert_has(&text, &["緊急時対応訓練"]);
}

#[test]
fn certificates_one_page_per_attendee_or_per_session_attended() {
    let f = fixture(0, 0);
    let o = opts(Language::Japanese);
    let all = CertificateData::load(&f.store, &f.pack, 2025, &CertificateTarget::Session(f.annual_session)).unwrap();
    let r = render_certificates(&all, &o).unwrap();
    assert_eq!(r.pages, 3);
    let (text, _file) = text_of(&r);
    assert_has(
        &text,
        &["修　了　証", "山田 太郎", "鈴木 花子", "佐藤 一郎", "年次情報セキュリティ研修", "令和7年（2025年）6月10日", "神戸市", "情報セキュリティ統括責任者"],
    );
    assert!(!text.contains("田中"), "田中 did not attend");

    // 山田 attended two sessions in 2025年度 (and one in 2024年度).
    let mine = CertificateData::load(&f.store, &f.pack, 2025, &CertificateTarget::Person("1001".into())).unwrap();
    assert_eq!(mine.certificates.iter().map(|c| c.course.as_str()).collect::<Vec<_>>(), ["年次情報セキュリティ研修", "役割に応じた情報セキュリティ研修"]);
    assert_eq!(render_certificates(&mine, &o).unwrap().pages, 2);
    let one = CertificateData::load(&f.store, &f.pack, 2025, &CertificateTarget::PersonAtSession("1002".into(), f.annual_session)).unwrap();
    assert_eq!(one.certificates.len(), 1);

    assert!(matches!(CertificateData::load(&f.store, &f.pack, 2025, &CertificateTarget::Person("9999".into())), Err(ReportError::UnknownStaff { .. })));
    assert!(matches!(CertificateData::load(&f.store, &f.pack, 2025, &CertificateTarget::Session(9999)), Err(ReportError::UnknownSession { id: 9999 })));
    assert!(matches!(CertificateData::load(&f.store, &f.pack, 2025, &CertificateTarget::Person("1005".into())), Err(ReportError::NothingToCertify)));
    let gunma = PackLibrary::load(None).get("gunma").unwrap().clone();
    assert!(matches!(
        CertificateData::load(&f.store, &gunma, 2025, &CertificateTarget::Session(f.annual_session)),
        Err(ReportError::SessionOfOtherPack { .. })
    ));
}

#[test]
fn the_font_is_embedded_as_a_subset_and_the_files_stay_small() {
    let f = fixture(0, 0);
    let o = opts(Language::Japanese);
    let reports = [
        render_selfcheck(&SelfcheckData::load(&f.store, &f.pack, 2025, None).unwrap(), &o).unwrap(),
        render_training(&TrainingData::load(&f.store, &f.pack, 2025, None, o.created).unwrap(), &o).unwrap(),
        render_certificates(&CertificateData::load(&f.store, &f.pack, 2025, &CertificateTarget::Session(f.annual_session)).unwrap(), &o).unwrap(),
    ];
    for r in &reports {
        let file = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
        std::fs::write(file.path(), &r.bytes).unwrap();
        let fonts = run("pdffonts", &[], file.path());
        let faces: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!faces.is_empty(), "{fonts}");
        for line in &faces {
            let cols: Vec<&str> = line.split_whitespace().collect();
            // name: six capital letters, '+', the font's name; emb / sub / uni all yes.
            let (prefix, name) = cols[0].split_once('+').unwrap_or_else(|| panic!("not a subset: {line}"));
            assert!(prefix.len() == 6 && prefix.chars().all(|c| c.is_ascii_uppercase()), "{line}");
            assert!(name.starts_with("BIZUDPGothic-"), "{line}");
            assert_eq!(&cols[cols.len() - 5..cols.len() - 2], ["yes", "yes", "yes"], "embedded, subset, with a ToUnicode map: {line}");
        }
        // The whole font is 4.6 MB; the subset of a small report is a few tens of KB.
        assert!(r.bytes.len() < 300_000, "{} bytes", r.bytes.len());
    }
}

#[test]
fn more_data_makes_more_pages() {
    let small = fixture(0, 0);
    let large = fixture(400, 40);
    let o = opts(Language::Japanese);
    let pages = |f: &Fixture| {
        let data = SelfcheckData::load(&f.store, &f.pack, 2025, None).unwrap();
        let sc = render_selfcheck(&data, &o).unwrap().pages;
        let detail = render_selfcheck_detail(&data, &o).unwrap().pages;
        let tr = render_training(&TrainingData::load(&f.store, &f.pack, 2025, None, o.created).unwrap(), &o).unwrap().pages;
        (sc, detail, tr)
    };
    let (sc_small, detail_small, tr_small) = pages(&small);
    let (sc_large, detail_large, tr_large) = pages(&large);
    // 40 more submissions with two 改善策 each: 80 more rows, in the 別冊;
    // the report the CISO reads stays about as long.
    assert!(detail_large > detail_small, "別冊 {detail_small} → {detail_large}");
    assert!(sc_large <= sc_small + 1, "selfcheck {sc_small} → {sc_large}");
    // 400 more people who have not completed the annual course, one row each.
    assert!(tr_large >= tr_small + 8, "training {tr_small} → {tr_large}");
}

#[test]
fn a_department_gets_its_own_report() {
    let f = fixture(0, 0);
    let o = ReportOptions { dept: Some("C01".into()), ..opts(Language::Japanese) };
    let sc = SelfcheckData::load(&f.store, &f.pack, 2025, o.dept.as_deref()).unwrap();
    assert_eq!((sc.dashboard.required, sc.dashboard.submitted), (1, 0));
    let (text, _file) = text_of(&render_selfcheck(&sc, &o).unwrap());
    assert_has(&text, &["対象所属：市民課", "（市民課）", "市民課"]);
    assert!(!text.contains("総務課") && !text.contains("手順書を見直して"), "other 所属 are left out");

    let tr = TrainingData::load(&f.store, &f.pack, 2025, Some("A01"), o.created).unwrap();
    assert!(tr.incomplete.iter().all(|p| p.dept_code == "A01"));
    assert_eq!(tr.sessions.iter().map(|s| s.attendees).sum::<usize>(), 3, "only 総務課's attendances");
    let (text, _file) = text_of(&render_training(&tr, &ReportOptions { dept: Some("A01".into()), ..o.clone() }).unwrap());
    assert_has(&text, &["対象所属：総務課"]);
    assert!(!text.contains("市民課"));

    assert!(matches!(SelfcheckData::load(&f.store, &f.pack, 2025, Some("ZZZ")), Err(ReportError::UnknownDepartment { .. })));
    assert!(matches!(TrainingData::load(&f.store, &f.pack, 2025, Some("ZZZ"), o.created), Err(ReportError::UnknownDepartment { .. })));
}

#[test]
fn an_english_report_is_one_setting_away() {
    let f = fixture(0, 0);
    let o = ReportOptions { approvers: Some(vec!["CISO".into(), "Director".into(), "課長".into(), "Clerk".into()]), ..opts(Language::English) };
    let (text, _file) = text_of(&render_selfcheck(&SelfcheckData::load(&f.store, &f.pack, 2025, None).unwrap(), &o).unwrap());
    assert_has(
        &text,
        &[
            "Information security self-inspection report",
            "FY2025 (April 2025 – March 2026)",
            "1. Summary",
            "7. Progress of the previous year's improvement measures",
            "Director",
            "課長",
            "Clerk",
            "April 10, 2026",
            "Staff",
        ],
    );
    assert!(!text.contains("実施結果の概要"));
    let (text, _file) = text_of(&render_training(&TrainingData::load(&f.store, &f.pack, 2025, None, o.created).unwrap(), &o).unwrap());
    assert_has(&text, &["Information security training report", "Sessions held", "Classroom", "(overdue)"]);
}
