//! Staff-phrased queries (issue 19): each must find one of its expected
//! clauses in the top 5, searching that pack. The list is
//! `tebiki_search::staff_queries::STAFF_QUERIES` (also timed by `tebiki bench search`).

use tebiki_core::pack::library::PackLibrary;
use tebiki_search::staff_queries::STAFF_QUERIES;
use tebiki_search::{SearchIndex, SearchOptions};

/// Top-5 clause ids of `q` in `pack`.
pub fn top5(index: &SearchIndex, q: &str, pack: &str) -> Vec<String> {
    let r = index.search(q, &SearchOptions { pack: Some(pack.to_owned()), limit: 5 }).unwrap();
    r.hits.into_iter().map(|h| h.clause_id).collect()
}

fn failures(index: &SearchIndex) -> Vec<String> {
    let mut out = Vec::new();
    for (q, pack, expected) in STAFF_QUERIES {
        let top = top5(index, q, pack);
        let ok = expected.iter().any(|e| top.iter().any(|t| t == &format!("{pack}/taisaku/{e}")));
        if !ok {
            out.push(format!("{q:?} ({pack}): expected one of {expected:?} in top 5, got {top:?}"));
        }
    }
    out
}

#[test]
fn staff_queries_find_their_clause_in_the_top_5() {
    let index = SearchIndex::build(&PackLibrary::load(None)).unwrap();
    assert!(STAFF_QUERIES.len() >= 60);
    assert!(STAFF_QUERIES.iter().filter(|c| c.1 == "katsuura").count() >= 20);
    let failed = failures(&index);
    assert!(failed.is_empty(), "{} of {} staff queries failed:\n{}", failed.len(), STAFF_QUERIES.len(), failed.join("\n"));
}

#[test]
fn the_bundled_table_is_valid_and_large() {
    let mut problems = Vec::new();
    let file = tebiki_core::pack::everyday::parse("everyday.toml", include_str!("../data/everyday.toml"), &mut problems).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let words: usize = file.word.iter().map(|w| w.everyday.len() + w.verbs.len()).sum();
    assert!(file.word.len() >= 90 && words >= 1000, "{} entries, {words} words", file.word.len());
}

#[test]
fn a_pack_adds_its_own_everyday_words_for_its_own_clauses() {
    use tebiki_core::pack::everyday::{EverydayFile, EverydayWord};
    use tebiki_search::Source;
    let src = |pack: &str, body: &str| Source {
        clause_id: format!("{pack}/d/1"),
        pack_id: pack.into(),
        document_id: "d".into(),
        pack_title: pack.into(),
        document_title: "D".into(),
        local_id: "1".into(),
        heading: "1 見出し".into(),
        body: body.into(),
    };
    let own = EverydayFile {
        word: vec![EverydayWord { everyday: vec!["ひみつ部屋".into()], verbs: Vec::new(), policy: vec!["重要機能室".into()] }],
        ..Default::default()
    };
    let index =
        SearchIndex::from_sources_with_words(vec![src("a", "重要機能室に入室する。"), src("b", "重要機能室を施錠する。")], vec![("a".into(), own)]).unwrap();
    let r = index.search("ひみつ部屋に入りたい", &SearchOptions::default()).unwrap();
    let ids: Vec<&str> = r.hits.iter().map(|h| h.clause_id.as_str()).collect();
    assert_eq!(ids, ["a/d/1"], "{r:?}");
    assert!(!r.hits[0].literal);
    let also = r.explanation.iter().find(|m| m.key == "search-read-also").expect("the reading is explained");
    assert!(also.args.contains(&("words".to_owned(), "重要機能室".to_owned())), "{also:?}");
    // The mapped word is what is marked.
    assert!(r.hits[0].snippet.iter().any(|s| s.hit && s.text == "重要機能室"));
    assert_eq!(index.highlight_terms("ひみつ部屋", "a/d/1"), ["ひみつ部屋", "重要機能室"]);
}

#[test]
fn the_katsuura_pack_loads_its_own_table() {
    let library = PackLibrary::load(None);
    let katsuura = library.get("katsuura").unwrap();
    assert!(!katsuura.everyday.word.is_empty());
    let index = SearchIndex::build(&library).unwrap();
    let top = top5(&index, "電算室の鍵", "katsuura");
    assert!(top.iter().any(|id| id == "katsuura/taisaku/51" || id == "katsuura/taisaku/92"), "{top:?}");
}
