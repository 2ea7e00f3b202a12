//! Test inputs in each shape the drafter reads: a 例規集 HTML page with
//! 条・項・号, a .docx in the guideline's numbering, a PDF whose lines are
//! broken and carry page numbers, and plain text (UTF-8 and Shift_JIS).
//! Each must draft into a pack that `tebiki content check` accepts, with every
//! sentence of the input present and the expected clauses.

use tebiki_core::pack::files::PackFiles;
use tebiki_core::pack::{load, PackOrigin};
use tebiki_draft::read::docx::build_docx;
use tebiki_draft::{draft, write, DraftOptions, Drafted};

fn opts(id: &str) -> DraftOptions {
    DraftOptions { id: Some(id.into()), title: None, org: None }
}

/// The pack passes the validator (as written to disk), holds every sentence,
/// and has exactly these clause ids.
fn assert_pack(d: &Drafted, ids: &[&str]) {
    let r = &d.report;
    assert!(r.missing_sentences.is_empty(), "missing sentences: {:?}", r.missing_sentences);
    assert!(r.counts.sentences > 0);
    assert!(r.passes_check(), "{:?}", r.problems);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(&d.pack.id);
    write(&d.pack, &out).unwrap();
    let loaded = load(&PackFiles::from_dir(&out).unwrap(), PackOrigin::Imported);
    let errors: Vec<_> = loaded.problems.iter().filter(|p| p.is_error()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let pack = loaded.pack.unwrap();
    let got: Vec<String> = pack.documents.iter().flat_map(|doc| doc.clauses.iter().map(|c| c.id.clone())).collect();
    assert_eq!(got, ids, "{}", d.pack.files.values().cloned().collect::<Vec<_>>().join("\n----\n"));
    // Writing again over the same folder is refused: nothing is overwritten.
    assert!(write(&d.pack, &out).is_err());
}

const REIKI_HTML: &str = r#"<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>○見本市情報セキュリティ対策基準</title>
<script>var x = "<p>第9条 これは本文ではない</p>";</script></head>
<body><nav><a href="/">例規集トップ</a> &gt; 第3類</nav>
<div id="primaryInfo"><p class="title-irregular">○見本市情報セキュリティ対策基準</p>
<p class="date">令和2年3月31日</p><p class="number">訓令第5号</p></div>
<div class="toc"><p>目次</p><p>第1章　総則(第1条・第2条)</p><p>第2章　組織体制(第3条―第5条)</p><p>附則</p></div>
<div class="eline"><p class="chapter">第1章　総則</p></div>
<div class="eline"><p class="caption">(目的)</p><p class="article">第1条　この基準は、見本市(以下「市」という。)の情報資産を守るため、必要な事項を定めるものとする。</p></div>
<div class="eline"><p class="caption">(定義)</p><p class="article">第2条　この基準において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。</p>
<p class="item">(1)　情報資産　市が保有する情報及び情報システムをいう。</p>
<p class="item">(2)　職員等　市の職員及び会計年度任用職員をいう。</p>
<p class="item">(3)　情報システム　コンピュータ及びネットワークで構成される仕組みをいう。</p></div>
<p class="chapter">第2章　組織体制</p>
<p class="caption">(最高情報セキュリティ責任者)</p>
<p>第3条　市に、最高情報セキュリティ責任者(CISO)を置き、副市長をもって充てる。</p>
<p>2　最高情報セキュリティ責任者は、情報セキュリティ対策を統括する。</p>
<p class="caption">(情報セキュリティ管理者)</p>
<p>第4条　課に、情報セキュリティ管理者を置く。</p>
<p>2　情報セキュリティ管理者は、課長をもって充てる。</p>
<p>3　情報セキュリティ管理者は、次に掲げる事務を行う。</p>
<p>(1)　情報資産の管理に関すること。</p>
<p>ア　台帳を整備すること。</p>
<p>イ　台帳を毎年度見直すこと。</p>
<p>(2)　職員等への研修に関すること。</p>
<p class="caption">(職員等の義務)</p>
<p>第5条　職員等は、この基準を遵守しなければならない。</p>
<table><tr><td>区分</td><td>内容</td></tr><tr><td>機密性3</td><td>秘密文書に相当する情報</td></tr></table>
<p class="supplementary">附　則</p><p>この基準は、令和2年4月1日から施行する。</p>
</body></html>"#;

#[test]
fn reiki_html_with_articles_paragraphs_and_items() {
    let d = draft("kitei.html", REIKI_HTML.as_bytes(), &opts("mihon-city")).unwrap();
    assert_pack(
        &d,
        &[
            "mihon-city/taisaku/ch1",
            "mihon-city/taisaku/1",
            "mihon-city/taisaku/2",
            "mihon-city/taisaku/ch2",
            "mihon-city/taisaku/3",
            "mihon-city/taisaku/4",
            "mihon-city/taisaku/5",
            "mihon-city/taisaku/supplementary",
        ],
    );
    let r = &d.report;
    assert_eq!((r.counts.chapters, r.counts.clauses, r.counts.definitions), (2, 8, 3));
    assert_eq!(r.organization, "見本市");
    assert_eq!(r.counts.toc_lines, 4);
    let md = &d.pack.files["taisaku.md"];
    assert!(md.contains("#### 第1条 (目的) {#1}") || md.contains("### 第1条 (目的) {#1}"), "{md}");
    assert!(md.contains("\n- \\(1\\)") || md.contains("\n- (1)"), "{md}");
    assert!(md.contains("  - ア 台帳を整備すること。"), "{md}");
    assert!(!md.contains("これは本文ではない") && !md.contains("例規集トップ"));
    let roles = &d.pack.files["roles.toml"];
    assert!(roles.contains("name = \"最高情報セキュリティ責任者\"") && roles.contains("\"CISO\""), "{roles}");
    assert!(roles.contains("name = \"情報セキュリティ管理者\"") && roles.contains("clause = \"mihon-city/taisaku/4\""), "{roles}");
    assert!(roles.contains("name = \"職員等\"") && roles.contains("generic = \"staff\""), "{roles}");
    let glossary = &d.pack.files["glossary.toml"];
    assert!(glossary.contains("term = \"情報資産\"\ndefinition = \"市が保有する情報及び情報システムをいう。\""), "{glossary}");
}

#[test]
fn docx_in_guideline_numbering() {
    let paras = [
        "港町情報セキュリティポリシー",
        "令和5年4月1日 制定",
        "1. 目的",
        "本ポリシーは、港町の情報資産を守るため、情報セキュリティ対策の基本的な事項を定める。",
        "2. 組織体制",
        "2.1 体制",
        "情報セキュリティ対策を推進するため、次の者を置く。",
        "2.1.1 最高情報セキュリティ責任者",
        "副町長を最高情報セキュリティ責任者とする。",
        "2.1.2 情報システム管理者",
        "総務課長を情報システム管理者とする。",
        "2.2 権限と責任",
        "(1) 最高情報セキュリティ責任者は、対策を統括する。",
        "ア 最高情報セキュリティ責任者は、年に一度、対策を見直す。",
        "(ア) 見直しの結果は記録する。",
        "3. 人的セキュリティ",
        "3.1 研修",
        "職員等は、毎年度、情報セキュリティ研修を受講しなければならない。",
        "3.2 パスワードの管理",
        "1 パスワードは他人に知られないようにすること。",
    ];
    let docx = build_docx(&paras);
    let d = draft("policy.docx", &docx, &opts("minato-town")).unwrap();
    let p = |s: &str| format!("minato-town/policy/{s}");
    let ids: Vec<String> = ["1", "2", "2.1", "2.1.1", "2.1.2", "2.2", "3", "3.1", "3.2"].iter().map(|s| p(s)).collect();
    assert_pack(&d, &ids.iter().map(String::as_str).collect::<Vec<_>>());
    let md = &d.pack.files["policy.md"];
    assert!(md.contains("## 1. 目的 {#1}") && md.contains("#### 2.1.1 最高情報セキュリティ責任者 {#2.1.1}"), "{md}");
    assert!(md.contains("    - (ア) 見直しの結果は記録する。"), "{md}");
    // 「1 パスワードは…」 does not follow 3.2 as a heading: kept as text.
    assert!(md.contains("1 パスワードは他人に知られないようにすること。"), "{md}");
    let roles = &d.pack.files["roles.toml"];
    assert!(roles.contains("name = \"最高情報セキュリティ責任者\"\ngeneric = \"ciso\"") && roles.contains("clause = \"minato-town/policy/2.1.1\""), "{roles}");
    assert!(roles.contains("name = \"情報システム管理者\"\ngeneric = \"sysadmin\""), "{roles}");
    assert!(d.pack.files["pack.toml"].contains("date = \"2023-04-01\""));
    assert_eq!(d.report.organization, "港町");
}

/// A PDF like the published ones: text lines broken at the margin, a page
/// number at the foot of every page, the title as a running head.
fn broken_pdf() -> Vec<u8> {
    use printpdf::*;
    let font_bytes = include_bytes!("../../../assets/fonts/BIZUDPGothic-Regular.ttf");
    let mut doc = PdfDocument::new("test");
    let font = ParsedFont::from_bytes(font_bytes, 0, &mut Vec::new()).unwrap();
    let id = doc.add_font(&font);
    let pages_text: [&[&str]; 3] = [
        &[
            "大川村情報セキュリティ基本方針",
            "第1 目的",
            "この基本方針は、大川村(以下「村」という。)が保有する情報資産の機密性、完全",
            "性及び可用性を維持するため、村が実施する情報セキュリティ対策について基本的",
            "な事項を定めることを目的とする。",
            "第2 定義",
            "この基本方針において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。",
        ],
        &[
            "大川村情報セキュリティ基本方針",
            "(1) ネットワーク コンピュータ等を相互に接続するための通信網をいう。",
            "(2) 情報資産 ネットワーク及び情報システムで取り扱うデータをいう。",
            "第3 職員等の遵守義務",
            "職員等は、情報セキュリティの重要性について共通の認識を持ち、業務の遂行に当",
            "たって情報セキュリティポリシー及び実施手順を遵守しなければならない。",
        ],
        &[
            "大川村情報セキュリティ基本方針",
            "第4 評価及び見直し",
            "村は、情報セキュリティ監査及び自己点検の結果、情報セキュリティに関する状況",
            "の変化等をふまえ、情報セキュリティポリシーを見直すものとする。",
        ],
    ];
    let mut pages = Vec::new();
    for (n, lines) in pages_text.iter().enumerate() {
        let mut ops = vec![Op::StartTextSection, Op::SetFont { font: PdfFontHandle::External(id.clone()), size: Pt(10.5) }];
        let mut y = 800.0;
        let show = |ops: &mut Vec<Op>, x: f32, y: f32, text: &str| {
            let glyphs =
                text.chars().map(|c| Codepoint { gid: font.lookup_glyph_index(c as u32).unwrap_or(0), offset: 0.0, cid: Some(c.to_string()) }).collect();
            ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(x), Pt(y)) });
            ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(glyphs)] });
        };
        for l in lines.iter() {
            show(&mut ops, 60.0, y, l);
            y -= 18.0;
        }
        show(&mut ops, 290.0, 40.0, &format!("- {} -", n + 1));
        ops.push(Op::EndTextSection);
        pages.push(PdfPage::new(Mm(210.0), Mm(297.0), ops));
    }
    let mut warnings = Vec::new();
    doc.with_pages(pages).save(&PdfSaveOptions { subset_fonts: true, ..Default::default() }, &mut warnings)
}

#[test]
fn pdf_with_broken_lines_page_numbers_and_running_heads() {
    let d = draft("kihon.pdf", &broken_pdf(), &opts("okawa-village")).unwrap();
    let r = &d.report;
    assert_pack(&d, &["okawa-village/kihon/1", "okawa-village/kihon/2", "okawa-village/kihon/3", "okawa-village/kihon/4"]);
    assert_eq!(r.counts.page_numbers, 3, "{:?}", r.page_numbers);
    // The title is the document's title on page 1 and a running head on the others.
    assert_eq!(r.counts.running_heads, 2, "{:?}", r.running_heads);
    assert!(r.counts.joined_lines >= 4, "{:?}", r.counts);
    let md = &d.pack.files["kihon.md"];
    assert!(md.contains("完全性及び可用性を維持するため、村が実施する情報セキュリティ対策について基本的な事項を定めることを目的とする。"), "{md}");
    assert!(!md.contains("- 2 -"));
    assert_eq!(r.counts.definitions, 2);
    assert_eq!(r.organization, "大川村");
}

const PLAIN: &str = "○山里町情報セキュリティ規程\n\n平成30年4月1日 制定\n令和5年3月1日 一部改正\n\n第1章 総則\n\n(趣旨)\n第1条 この規程は、山里町の情報セキュリティに関し必要な事項を定めるものとする。\n\n(定義)\n第2条 この規程において「情報資産」とは、町が保有する全ての情報をいう。\n\n第2章 管理体制\n\n第1節 組織\n\n(統括情報セキュリティ責任者)\n第3条 統括情報セキュリティ責任者は、総務課長をもって充てる。\n2 統括情報セキュリティ責任者は、町長を補佐する。\n\n第2節 監査\n\n(監査)\n第4条 町長は、毎年度、監査を行うものとする。\n第4条 重複した番号の行\n第3条の2 番号が戻った行\n";

#[test]
fn plain_text_utf8_and_shift_jis() {
    let ids = [
        "yamazato/kitei/ch1",
        "yamazato/kitei/1",
        "yamazato/kitei/2",
        "yamazato/kitei/ch2",
        "yamazato/kitei/ch2-s1",
        "yamazato/kitei/3",
        "yamazato/kitei/ch2-s2",
        "yamazato/kitei/4",
    ];
    let ids: Vec<String> = ids.iter().map(|s| s.replace("/kitei/", "/policy/")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let d = draft("kitei.txt", PLAIN.as_bytes(), &opts("yamazato")).unwrap();
    assert_pack(&d, &ids);
    // Out-of-sequence 条 lines are kept as text and listed with their line numbers.
    let unplaced: Vec<usize> = d.report.unplaced.iter().map(|u| u.line).collect();
    assert_eq!(unplaced, [26, 27]);
    assert_eq!(d.report.encoding.as_deref(), Some("UTF-8"));
    let pack_toml = &d.pack.files["pack.toml"];
    assert!(pack_toml.contains("wareki = \"令和5年3月1日\"\nevent = \"一部改正\"") && pack_toml.contains("version = \"2023-03-01\""), "{pack_toml}");
    let md = &d.pack.files["policy.md"];
    assert!(md.contains("#### 第3条 (統括情報セキュリティ責任者) {#3}"), "{md}");
    assert!(d.pack.files["glossary.toml"].contains("term = \"情報資産\""));
    assert!(d.pack.files["roles.toml"].contains("aliases = [\"総務課長\"]"));

    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(PLAIN);
    let d = draft("kitei.txt", &sjis, &opts("yamazato")).unwrap();
    assert_eq!(d.report.encoding.as_deref(), Some("Shift_JIS"));
    assert_pack(&d, &ids);
}

#[test]
fn bad_inputs_are_refused_with_a_message() {
    let e = draft("x.pdf", b"%PDF-1.4 garbage", &opts("x")).unwrap_err();
    assert_eq!(e.message().key, "draft-error-unreadable");
    let e = draft("x.docx", b"PK\x03\x04garbage", &opts("x")).unwrap_err();
    assert_eq!(e.message().key, "draft-error-unreadable");
    let e = draft("x.txt", b"\n\n  \n", &opts("x")).unwrap_err();
    assert_eq!(e.message().key, "draft-error-no-text");
    let e = draft("x.txt", "題".as_bytes(), &opts("Bad Id")).unwrap_err();
    assert_eq!(e.message().key, "draft-error-bad-id");
    let big = vec![b'a'; (tebiki_draft::read::MAX_INPUT_BYTES + 1) as usize];
    assert_eq!(draft("x.txt", &big, &opts("x")).unwrap_err().message().key, "draft-error-too-large");
}

/// The policy the end-to-end test drafts in the app (tests/e2e/specs/pack-draft.e2e.ts).
#[test]
fn the_e2e_fixture_drafts_as_the_app_test_expects() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/draft/midorigaoka-policy.txt");
    let d = tebiki_draft::draft_file(&path, &opts("midorigaoka")).unwrap();
    let c = &d.report.counts;
    assert_eq!((c.chapters, c.sections, c.clauses, c.definitions, c.roles), (4, 0, 15, 3, 4), "{}", d.pack.files["roles.toml"]);
    assert_eq!(c.toc_lines, 6); // 目次 and its five entries
    assert_eq!(d.report.organization, "緑ヶ丘町");
    assert_eq!(d.report.outline[1].heading, "第1条 (目的)");
    let ids: Vec<String> = d.report.outline.iter().map(|e| e.id.clone()).collect();
    let want: Vec<String> = ["ch1", "1", "2", "ch2", "3", "4", "5", "ch3", "6", "7", "8", "ch4", "9", "10", "supplementary"]
        .iter()
        .map(|s| format!("midorigaoka/taisaku/{s}"))
        .collect();
    assert_eq!(ids, want);
    assert_pack(&d, &want.iter().map(String::as_str).collect::<Vec<_>>());
}
