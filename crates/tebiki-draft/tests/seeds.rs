//! The five bundled policies, drafted from their source texts
//! (`../shared/seeds/` beside the repository, as CI lays it out), compared
//! with the hand-made packs in content/packs/: each draft must pass the pack
//! check with every sentence present, and the table printed here says where
//! the drafted clause structure differs from the hand-made one
//! (`cargo test -p tebiki-draft --test seeds -- --nocapture`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use tebiki_core::pack::files::PackFiles;
use tebiki_core::pack::{load, Pack, PackOrigin};
use tebiki_draft::{draft_file, DraftOptions};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seeds_dir() -> Option<PathBuf> {
    let dir = repo().join("../shared/seeds");
    dir.is_dir().then_some(dir)
}

fn clause_ids(pack: &Pack) -> BTreeSet<String> {
    pack.documents.iter().flat_map(|d| d.clauses.iter().map(move |c| format!("{}/{}", d.id, c.local_id))).collect()
}

#[test]
fn seeds_draft_into_the_structure_of_the_hand_made_packs() {
    let Some(dir) = seeds_dir() else {
        eprintln!("SKIPPED: no seeds at ../shared/seeds beside the repository");
        return;
    };
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    seeds.sort();
    let bundled: Vec<Pack> = std::fs::read_dir(repo().join("content/packs"))
        .unwrap()
        .map(|e| load(&PackFiles::from_dir(&e.unwrap().path()).unwrap(), PackOrigin::Bundled).pack.unwrap())
        .collect();
    let mut matched = 0;
    for seed in seeds {
        // The hand-made pack of this seed: the one whose organisation the draft names.
        let first = draft_file(&seed, &DraftOptions::default()).unwrap();
        let Some(hand) = bundled.iter().find(|p| first.report.title.contains(&p.organization.name) || first.report.organization == p.organization.name) else {
            panic!("{}: no bundled pack for the title {}", seed.display(), first.report.title);
        };
        matched += 1;
        let options = DraftOptions { id: Some(hand.id.clone()), title: None, org: None };
        let d = draft_file(&seed, &options).unwrap();
        let r = &d.report;
        assert!(r.missing_sentences.is_empty(), "{}: {:?}", hand.id, r.missing_sentences);
        assert!(r.passes_check(), "{}: {:?}", hand.id, r.problems);
        let files = PackFiles::from_entries(&hand.id, d.pack.files.iter().map(|(k, v)| (k.clone(), v.clone().into_bytes())).collect());
        let drafted = load(&files, PackOrigin::Imported).pack.unwrap();
        let (want, got) = (clause_ids(hand), clause_ids(&drafted));
        let common = want.intersection(&got).count();
        let only_hand: Vec<_> = want.difference(&got).cloned().collect();
        let only_draft: Vec<_> = got.difference(&want).cloned().collect();
        println!(
            "{:<13} {:>4} ms  scheme {:?}  hand {:>3} clauses, draft {:>3}, same {:>3} ({:.0}%); toc {} lines, joined {}, unplaced {}, definitions {} (hand {}), roles {} (hand {})",
            hand.id,
            r.elapsed_ms,
            r.scheme,
            want.len(),
            got.len(),
            common,
            100.0 * common as f64 / want.len().max(1) as f64,
            r.counts.toc_lines,
            r.counts.joined_lines,
            r.unplaced.len(),
            r.counts.definitions,
            hand.glossary.len(),
            r.counts.roles,
            hand.roles.len(),
        );
        // Clause ids the draft shares with the hand-made pack, at least (see the README for why the rest differ).
        let expected = match hand.id.as_str() {
            "hirakawa" => 50,
            "kobe" => 193,
            "togane-seiso" => 8,
            "katsuura" => 151,
            "gunma" => 11,
            other => panic!("no expectation for {other}"),
        };
        assert!(common >= expected, "{}: only {common} clause ids in common, expected {expected}", hand.id);
        println!("    only in the hand-made pack: {}", summarise(&only_hand));
        println!("    only in the draft:          {}", summarise(&only_draft));
        if let Some(roles) = d.pack.files.get("roles.toml") {
            let names: Vec<&str> = roles.lines().filter_map(|l| l.strip_prefix("name = ")).collect();
            println!("    roles drafted: {}", names.join(" "));
        }
        for u in &r.unplaced {
            println!("    unplaced line {}: {}", u.line, u.text);
        }
    }
    assert_eq!(matched, 5);
}

fn summarise(ids: &[String]) -> String {
    if ids.len() <= 12 {
        return format!("{ids:?}");
    }
    format!("{} ids: {:?} …", ids.len(), &ids[..12])
}
