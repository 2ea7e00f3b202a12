//! The five bundled packs are valid and complete.

use tebiki_core::pack::library::{bundled_files, PackLibrary};
use tebiki_core::pack::{load, Pack, PackOrigin};

fn library() -> PackLibrary {
    PackLibrary::load(None)
}

fn pack<'a>(lib: &'a PackLibrary, id: &str) -> &'a Pack {
    lib.get(id).unwrap_or_else(|| panic!("pack {id} missing"))
}

#[test]
fn every_bundled_pack_loads_without_problems() {
    let files = bundled_files();
    let mut ids: Vec<_> = files.iter().map(|f| f.folder.clone()).collect();
    ids.sort();
    assert_eq!(ids, ["gunma", "hirakawa", "katsuura", "kobe", "togane-seiso"]);
    for f in &files {
        let out = load(f, PackOrigin::Bundled);
        // What the questionnaires cover is held to its own rules in selfcheck_questionnaires.rs.
        let covers = ["pack-problem-selfcheck-no-covers", "pack-problem-selfcheck-too-many-covers"];
        let problems: Vec<_> = out.problems.iter().filter(|p| !covers.contains(&p.message.key.as_str())).collect();
        assert!(problems.is_empty(), "{}: {:#?}", f.folder, problems);
        assert!(out.pack.is_some());
    }
}

/// Article numbers 第N of a document, in order.
fn articles(pack: &Pack, doc: &str) -> Vec<u32> {
    let d = pack.documents.iter().find(|d| d.id == doc).unwrap();
    d.clauses
        .iter()
        .filter_map(|c| c.number.as_deref())
        .filter_map(|n| n.strip_prefix('第'))
        .filter(|n| !n.ends_with('章') && !n.ends_with('節'))
        .map(|n| n.parse().unwrap())
        .collect()
}

#[test]
fn katsuura_has_articles_1_to_122() {
    let lib = library();
    assert_eq!(articles(pack(&lib, "katsuura"), "taisaku"), (1..=122).collect::<Vec<_>>());
    assert!(lib.clause("katsuura/taisaku/62").is_some());
}

#[test]
fn togane_has_articles_1_to_8() {
    let lib = library();
    assert_eq!(articles(pack(&lib, "togane-seiso"), "kihon"), (1..=8).collect::<Vec<_>>());
}

#[test]
fn kobe_clause_structure() {
    let lib = library();
    let kobe = pack(&lib, "kobe");
    let c = lib.clause("kobe/taisaku/7.2.2").expect("7.2.2");
    assert_eq!(c.clause().title, "研修計画の策定及び実施");
    let ancestors: Vec<_> = c.ancestors().iter().map(|a| a.local_id.as_str()).collect();
    assert_eq!(ancestors, ["7", "7.2"]);
    assert!(c.clause().body.contains("研修を毎年度最低 1 回実施しなければならない"), "{}", c.clause().body);
    assert_eq!(c.ancestors()[1].title, "研修・訓練");
    // Top-level chapters 1..11 of the 対策基準.
    let top: Vec<_> = kobe.documents[0].clauses.iter().filter(|c| c.level == 2).filter_map(|c| c.number.clone()).collect();
    assert_eq!(top.len(), 11, "{top:?}");
    assert!(kobe.clause_count() > 150);
}

#[test]
fn outlines_are_marked_as_outlines() {
    use tebiki_core::pack::manifest::BodyKind;
    let lib = library();
    for id in ["hirakawa", "gunma"] {
        let p = pack(&lib, id);
        let kinds: Vec<_> = p.documents.iter().map(|d| (d.kind.as_str(), d.body)).collect();
        assert_eq!(kinds, [("基本方針", BodyKind::Full), ("対策基準", BodyKind::Outline)], "{id}");
    }
}

#[test]
fn glossaries_are_present() {
    let lib = library();
    for id in ["kobe", "katsuura", "hirakawa", "togane-seiso", "gunma"] {
        assert!(pack(&lib, id).glossary.len() >= 8, "{id}");
    }
}

/// `content check` flags a role or course setting without provenance, and a
/// quote that is not in the clause it names.
#[test]
fn settings_without_provenance_or_with_a_wrong_quote_are_errors() {
    let kobe = || bundled_files().into_iter().find(|f| f.folder == "kobe").unwrap();
    let edit = |file: &str, from: &str, to: &str| {
        let mut f = kobe();
        let text = String::from_utf8(f.files[file].clone()).unwrap();
        assert!(text.contains(from), "{file} holds {from}");
        f.files.insert(file.to_owned(), text.replacen(from, to, 1).into_bytes());
        let out = load(&f, PackOrigin::Bundled);
        out.problems.into_iter().filter(|p| p.is_error()).map(|p| (p.file, p.message.key)).collect::<Vec<_>>()
    };
    let quote = "source = { quote = \"神戸市情報化推進体制の整備に関する要綱に定める情報化統括責任者をCISOとする。\" }\n";
    assert_eq!(edit("roles.toml", quote, ""), [("roles.toml".to_owned(), "pack-problem-no-provenance".to_owned())]);
    assert_eq!(
        edit("roles.toml", quote, "source = { quote = \"CISOは毎朝体操をする。\" }\n"),
        [("roles.toml".to_owned(), "pack-problem-provenance-quote".to_owned())]
    );
    assert!(edit("roles.toml", "", "").is_empty(), "the bundled pack itself passes");
}

/// Issue 16: every bundled pack has a yearly e-learning course whose bank is
/// large enough — 神戸市 40 questions for 職員等 and 10 for 情報管理者, the
/// others 15 — every question citing clauses that exist.
#[test]
fn every_bundled_pack_has_an_elearning_course_with_a_large_enough_bank() {
    let lib = tebiki_core::pack::library::PackLibrary::load(None);
    for (id, general_min, roles_min) in
        [("kobe", 40, vec![("情報管理者", 10)]), ("katsuura", 15, vec![]), ("gunma", 15, vec![]), ("hirakawa", 15, vec![]), ("togane-seiso", 15, vec![])]
    {
        let pack = lib.get(id).unwrap();
        let c = pack.elearning("annual").unwrap_or_else(|| panic!("{id}: no elearning/annual.toml"));
        let general = c.questions.iter().filter(|q| q.roles.is_empty()).count();
        assert!(general >= general_min, "{id}: {general} questions for everyone");
        for (role, min) in roles_min {
            let n = c.questions.iter().filter(|q| q.roles.iter().any(|r| r == role)).count();
            assert!(n >= min, "{id}: {n} questions for {role}");
        }
        assert!(!c.lessons.is_empty(), "{id}");
        for q in &c.questions {
            assert!(!q.clauses.is_empty() && q.clauses.iter().all(|cl| pack.clause(cl).is_some()), "{id} {}", q.id);
            assert!(!q.explanation.trim().is_empty() && q.text_en.is_some() && q.explanation_en.is_some(), "{id} {}", q.id);
        }
        // Both ○ and × are right answers somewhere, and every choice position.
        let tf: Vec<u8> = c.questions.iter().filter(|q| q.choices.is_empty()).map(|q| q.answer).collect();
        assert!(tf.contains(&1) && tf.contains(&2), "{id}");
        for n in 1..=4u8 {
            assert!(c.questions.iter().any(|q| !q.choices.is_empty() && q.answer == n), "{id}: no choice question answered {n}");
        }
    }
}
