//! The bundled 自己点検 questionnaires load, and 神戸市's questionnaires for
//! 職員等 and 情報管理者 ask about at least 90% of the duties the policy gives them.

use tebiki_core::pack::library::{bundled_files, PackLibrary};
use tebiki_core::pack::obligation::extract;
use tebiki_core::pack::questionnaire::chapter;
use tebiki_core::pack::{load, PackOrigin};
use tebiki_core::selfcheck::coverage::coverage;

#[test]
fn every_bundled_questionnaire_loads_without_problems() {
    for files in bundled_files() {
        let out = load(&files, PackOrigin::Bundled);
        let problems: Vec<_> = out.problems.iter().filter(|p| p.file.starts_with("selfcheck/")).collect();
        assert!(problems.is_empty(), "{}: {problems:#?}", files.folder);
        let pack = out.pack.unwrap_or_else(|| panic!("{} does not load: {:#?}", files.folder, out.problems));
        let on_disk = files.files.keys().filter(|p| p.starts_with("selfcheck/")).count();
        assert_eq!(pack.questionnaires.len(), on_disk, "{}", files.folder);
        for q in &pack.questionnaires {
            assert!(pack.roles.iter().any(|r| r.id == q.role), "{}: {}", pack.id, q.file);
            for item in &q.items {
                assert!(!item.clauses.is_empty(), "{} {}", q.file, item.id);
                let ch = chapter(&pack, item).unwrap_or_else(|| panic!("{} {}: no chapter", q.file, item.id));
                assert_eq!(item.chapter.as_deref(), Some(ch.id.as_str()));
            }
        }
    }
}

#[test]
fn kobe_questionnaires_cover_nine_tenths_of_their_roles_duties() {
    let lib = PackLibrary::load(None);
    let kobe = lib.get("kobe").expect("kobe");
    let cov = coverage(kobe);
    for role in ["staff", "info-manager"] {
        let r = cov.roles.iter().find(|r| r.role_id == role).unwrap();
        assert!(r.items > 0, "{role}: no questionnaire");
        // Enough duties found for the figure to mean something.
        assert!(r.obligations >= 30, "{role}: only {} obligations", r.obligations);
        let uncovered: Vec<_> = r.obligations_list.iter().filter(|o| o.covered_by.is_empty()).map(|o| (&o.id, &o.text)).collect();
        assert!(r.covered * 10 >= r.obligations * 9, "{role}: {} of {} covered; not covered: {uncovered:#?}", r.covered, r.obligations);
    }
}

#[test]
fn kobe_items_cover_only_obligations_of_the_pack() {
    let lib = PackLibrary::load(None);
    let kobe = lib.get("kobe").unwrap();
    let ids: std::collections::HashSet<String> = extract(kobe).into_iter().map(|o| o.id).collect();
    for q in &kobe.questionnaires {
        for item in &q.items {
            for c in &item.covers {
                assert!(ids.contains(c), "{} {}: {c}", q.file, item.id);
            }
        }
    }
    // The chapter of an item about 7.1.1 is 7 人的セキュリティ.
    let staff = kobe.questionnaire("staff").unwrap();
    let item = staff.items.iter().find(|i| i.clauses[0] == "kobe/taisaku/7.1.1").unwrap();
    assert_eq!(chapter(kobe, item).unwrap().title, "人的セキュリティ");
}
