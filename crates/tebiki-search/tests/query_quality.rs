//! Query quality over the bundled packs: what staff type, and the clause that
//! must come up in the top 5.

use tebiki_core::pack::library::PackLibrary;
use tebiki_search::{SearchIndex, SearchOptions, Source};

/// (query, a clause id expected in the top 5, why)
const CASES: &[(&str, &str, &str)] = &[
    // Short words: 1–2 characters, where a plain trigram index finds nothing.
    ("研修", "kobe/taisaku/7.2.2", "2 chars"),
    ("監査", "kobe/taisaku/11.1.2", "2 chars"),
    ("訓練", "kobe/taisaku/7.2.3", "2 chars"),
    ("鍵", "kobe/taisaku/6.2.1", "1 char"),
    ("暗号", "kobe/taisaku/6.4.3", "2 chars"),
    ("委託", "kobe/taisaku/10.1.1", "2 chars"),
    ("懲戒", "kobe/taisaku/9.7.1", "2 chars"),
    ("例外", "kobe/taisaku/9.5.1", "2 chars"),
    ("廃棄", "kobe/taisaku/6.1.7", "2 chars"),
    ("停電", "kobe/taisaku/6.1.3", "2 chars"),
    ("施錠", "katsuura/taisaku/51", "2 chars"),
    ("火災", "katsuura/taisaku/93", "2 chars"),
    // Longer words and phrases.
    ("緊急時対応訓練", "kobe/taisaku/7.2.3", "phrase"),
    ("情報セキュリティ監査統括責任者", "kobe/taisaku/3.1.9", "long term"),
    ("不正プログラム対策", "kobe/taisaku/8.4", "phrase"),
    ("\"研修・訓練への参加\"", "kobe/taisaku/7.2.4", "quoted phrase"),
    ("入退室", "kobe/taisaku/6.2.2", "3 chars"),
    ("外部サービスの利用", "kobe/taisaku/10.2", "phrase"),
    ("情報資産の分類", "kobe/taisaku/4", "phrase"),
    ("自己点検", "kobe/taisaku/11.2.3", "4 chars"),
    ("パスワード", "kobe/taisaku/7.4.3", "katakana"),
    // Spelling variants.
    ("漏洩", "kobe/taisaku/7.3.2", "漏洩 finds 漏えい"),
    ("改竄", "kobe/taisaku/4.1.2", "改竄 finds 改ざん"),
    ("取り扱い", "kobe/taisaku/7.4.3", "取り扱い finds 取扱い"),
    ("パスワードの取り扱い", "kobe/taisaku/7.4.3", "variant inside a phrase"),
    // Full-width and half-width input.
    ("ＵＳＢ", "kobe/taisaku/5.1", "full-width Latin"),
    ("ＣＩＳＯ", "kobe/taisaku/3.2.1", "full-width Latin"),
    ("ﾊﾟｽﾜｰﾄﾞ", "katsuura/taisaku/59", "half-width katakana"),
    ("ＩＤ", "kobe/taisaku/7.4.2", "full-width, 2 chars"),
    ("lgwan", "kobe/taisaku/5.2", "lower case"),
    // Clause numbers.
    ("7.2.2", "kobe/taisaku/7.2.2", "dotted number"),
    ("11.2.1", "kobe/taisaku/11.2.1", "dotted number"),
    ("7-2", "hirakawa/taisaku/7-2", "hyphenated number"),
    ("第62", "katsuura/taisaku/62", "第N"),
    ("第六十二", "katsuura/taisaku/62", "漢数字"),
    ("第８", "togane-seiso/kihon/8", "全角 第N"),
    ("第2章", "katsuura/taisaku/ch2", "章"),
    // Words found in only one pack.
    ("組合", "togane-seiso/kihon/1", "only 東金"),
    ("重要機能室", "katsuura/taisaku/28", "only 勝浦: 第28 重要機能室の配置"),
    ("識別カード", "katsuura/taisaku/58", "only 勝浦"),
    ("自治体情報セキュリティクラウド", "gunma/kihon/2", "群馬 and 平川"),
    ("個人番号利用事務系", "hirakawa/kihon/2", "平川 and 群馬"),
    // Several terms (AND).
    ("パスワード 変更", "katsuura/taisaku/59", "two terms"),
    ("研修 記録", "kobe/taisaku/7.2.2", "two terms, 2 chars each"),
    ("バックアップ 実施", "kobe/taisaku/8.1.7", "two terms"),
    ("監査 報告", "kobe/taisaku/11.1.5", "two short terms"),
];

#[test]
fn expected_clauses_are_in_the_top_5() {
    let index = SearchIndex::build(&PackLibrary::load(None)).unwrap();
    let opts = SearchOptions { pack: None, limit: 5 };
    let mut failures = Vec::new();
    for (q, expected, why) in CASES {
        let r = index.search(q, &opts).unwrap();
        let top: Vec<&str> = r.hits.iter().map(|h| h.clause_id.as_str()).collect();
        if !top.contains(expected) {
            failures.push(format!("{q:?} ({why}): expected {expected} in top 5, got {top:?}"));
        }
    }
    assert!(CASES.len() >= 40);
    assert!(failures.is_empty(), "{} of {} queries failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

#[test]
fn a_clause_number_comes_first() {
    let index = SearchIndex::build(&PackLibrary::load(None)).unwrap();
    for (q, id) in [("7.2.2", "kobe/taisaku/7.2.2"), ("第62", "katsuura/taisaku/62"), ("第８", "katsuura/taisaku/8")] {
        let r = index.search(q, &SearchOptions::default()).unwrap();
        assert_eq!(r.hits[0].clause_id, id, "{q}");
    }
}

#[test]
fn headings_rank_above_body_text() {
    let index = SearchIndex::build(&PackLibrary::load(None)).unwrap();
    let r = index.search("研修", &SearchOptions { pack: Some("kobe".into()), limit: 3 }).unwrap();
    assert!(r.hits.iter().all(|h| h.heading.iter().any(|s| s.hit)), "{:?}", r.hits);
}

#[test]
fn every_hit_is_highlighted_in_the_snippet() {
    let index = SearchIndex::build(&PackLibrary::load(None)).unwrap();
    let r = index.search("漏洩", &SearchOptions::default()).unwrap();
    for h in &r.hits {
        let hits: Vec<&str> = h.heading.iter().chain(&h.snippet).filter(|s| s.hit).map(|s| s.text.as_str()).collect();
        assert!(!hits.is_empty(), "{}: {:?}", h.clause_id, h.snippet);
        // A clause holding the word as typed shows it marked; one found
        // through the everyday-words table shows its own words marked.
        if h.literal {
            assert!(hits.iter().any(|t| *t == "漏えい" || *t == "漏洩"), "{hits:?}");
        }
    }
}

#[test]
fn the_scope_filter_keeps_one_pack() {
    let index = SearchIndex::build(&PackLibrary::load(None)).unwrap();
    let r = index.search("監査", &SearchOptions { pack: Some("hirakawa".into()), limit: 50 }).unwrap();
    assert!(r.total > 0);
    assert!(r.hits.iter().all(|h| h.pack_id == "hirakawa"));
}

fn synthetic(texts: &[&str]) -> SearchIndex {
    SearchIndex::from_sources(
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Source {
                clause_id: format!("t/d/{i}"),
                pack_id: "t".into(),
                document_id: "d".into(),
                pack_title: "T".into(),
                document_title: "D".into(),
                local_id: i.to_string(),
                heading: format!("{i} 見出し"),
                body: (*t).to_owned(),
            })
            .collect(),
    )
    .unwrap()
}

#[test]
fn variants_that_the_bundled_packs_lack_still_match_each_other() {
    let index = synthetic(&["システムのぜい弱性を点検する。", "信用をき損しない。", "事故を隠蔽してはならない。", "弱点を探す。"]);
    let ids = |q: &str| index.search(q, &SearchOptions::default()).unwrap().hits.into_iter().map(|h| h.clause_id).collect::<Vec<_>>();
    assert_eq!(ids("脆弱性"), ["t/d/0"]);
    assert_eq!(ids("毀損"), ["t/d/1"]);
    assert_eq!(ids("隠ぺい"), ["t/d/2"]);
    // Not a synonym list: 弱点 is not ぜい弱.
    assert_eq!(ids("弱点"), ["t/d/3"]);
}

#[test]
fn nothing_found_suggests_a_shorter_term_or_variant() {
    let index = SearchIndex::build(&PackLibrary::load(None)).unwrap();
    let r = index.search("証明書発行手数料", &SearchOptions::default()).unwrap();
    assert_eq!(r.total, 0);
    assert!(r.suggestions.iter().all(|s| "証明書発行手数料".contains(s.as_str())), "{:?}", r.suggestions);
    assert!(r.suggestions.contains(&"証明書".to_owned()), "{:?}", r.suggestions);
}

#[test]
fn when_no_clause_has_every_word_the_best_partial_matches_come_and_say_so() {
    let index = SearchIndex::build(&PackLibrary::load(None)).unwrap();
    let r = index.search("パスワード 宇宙", &SearchOptions::default()).unwrap();
    assert!(r.partial && r.total > 0, "{r:?}");
    assert!(r.hits.iter().all(|h| h.matched == 1));
    let keys: Vec<&str> = r.explanation.iter().map(|m| m.key.as_str()).collect();
    assert!(keys.contains(&"search-read-partial") && keys.contains(&"search-read-not-found"), "{keys:?}");
    let not_found = r.explanation.iter().find(|m| m.key == "search-read-not-found").unwrap();
    assert_eq!(not_found.args, [("words".to_owned(), "宇宙".to_owned())]);
    // A compound the policies lack is read as its words: partial, not empty.
    let r = index.search("研修受講証明書", &SearchOptions::default()).unwrap();
    assert!(r.total > 0 && r.partial, "{r:?}");
    // Every word present: only clauses holding all of them.
    let r = index.search("パスワード 変更", &SearchOptions::default()).unwrap();
    assert!(!r.partial && r.hits.iter().all(|h| h.matched == 2));
}

#[test]
fn one_and_two_character_terms_find_what_plain_trigram_misses() {
    let index = SearchIndex::build(&PackLibrary::load(None)).unwrap();
    let trigram = index.trigram_baseline().unwrap();
    for q in ["研修", "監査", "鍵"] {
        assert_eq!(trigram.count(q), 0, "FTS5 trigram finds nothing for {q}");
        assert!(index.search(q, &SearchOptions::default()).unwrap().total > 0, "{q}");
    }
}

/// The top 5 of each CASES query from the code before issue 19 (tests/data/quality_baseline.tsv).
fn baseline() -> Vec<(String, Vec<String>)> {
    include_str!("data/quality_baseline.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (q, ids) = l.split_once('\t').expect("query<TAB>ids");
            (q.to_owned(), ids.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect())
        })
        .collect()
}

#[test]
fn no_quality_query_ranks_its_clause_lower_than_before() {
    let index = SearchIndex::build(&PackLibrary::load(None)).unwrap();
    let before = baseline();
    assert_eq!(before.len(), CASES.len(), "the baseline has one line per case");
    let opts = SearchOptions { pack: None, limit: 5 };
    let mut worse = Vec::new();
    let (mut same_top5, mut kept) = (0, 0);
    for ((q, expected, _), (bq, btop)) in CASES.iter().zip(&before) {
        assert_eq!(q, bq, "the baseline follows CASES");
        let top: Vec<String> = index.search(q, &opts).unwrap().hits.into_iter().map(|h| h.clause_id).collect();
        let rank = |list: &[String]| list.iter().position(|id| id == expected);
        match (rank(btop), rank(&top)) {
            (Some(b), Some(n)) if n > b => worse.push(format!("{q:?}: {expected} was #{} and is #{}", b + 1, n + 1)),
            (Some(b), None) => worse.push(format!("{q:?}: {expected} was #{} and left the top 5", b + 1)),
            _ => {}
        }
        same_top5 += usize::from(top == *btop);
        kept += btop.iter().filter(|id| top.contains(id)).count();
    }
    let total: usize = before.iter().map(|(_, t)| t.len()).sum();
    println!(
        "quality vs before: {} queries, expected clause never lower; identical top 5: {same_top5}; earlier top-5 clauses still in the top 5: {kept} of {total}",
        CASES.len()
    );
    assert!(worse.is_empty(), "{} queries got worse:\n{}", worse.len(), worse.join("\n"));
}
