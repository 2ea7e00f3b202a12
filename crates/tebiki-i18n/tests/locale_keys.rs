//! The locale check: both languages define the same messages, and every key
//! that Rust or the UI names literally is defined. (Keys the UI builds from a
//! list of values are checked by the Vitest suite, which can import the lists.)

use fluent_syntax::ast::Entry;
use regex::Regex;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

fn ids_of(lang: &str) -> BTreeSet<String> {
    let dir = repo_root().join("locales").join(lang);
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let text = std::fs::read_to_string(&path).unwrap();
            let resource = fluent_syntax::parser::parse(text.as_str()).unwrap_or_else(|(_, errs)| panic!("{}: syntax errors: {errs:?}", path.display()));
            for e in resource.body {
                // A message defined twice stops the app at start (fluent-templates refuses to override).
                let fresh = match e {
                    Entry::Message(m) => ids.insert(m.id.name.to_owned()),
                    Entry::Term(t) => ids.insert(format!("-{}", t.id.name)),
                    _ => true,
                };
                assert!(fresh, "{}: a message is defined twice in {lang}", path.display());
            }
        }
    }
    assert!(!ids.is_empty(), "no messages in {}", dir.display());
    ids
}

fn source_files(dirs: &[&str], exts: &[&str]) -> Vec<PathBuf> {
    let root = repo_root();
    dirs.iter()
        .flat_map(|d| WalkDir::new(root.join(d)).into_iter().filter_map(Result::ok))
        .map(|e| e.into_path())
        .filter(|p| !p.components().any(|c| c.as_os_str() == "node_modules" || c.as_os_str() == "target"))
        .filter(|p| p.extension().and_then(|e| e.to_str()).is_some_and(|e| exts.contains(&e)))
        .filter(|p| !p.to_string_lossy().ends_with(".test.ts"))
        .collect()
}

/// (file:line, key) for every literal key `pattern` finds.
fn used_keys(files: &[PathBuf], pattern: &Regex) -> Vec<(String, String)> {
    let mut used = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        for c in pattern.captures_iter(&text) {
            let line = text[..c.get(0).unwrap().start()].lines().count().max(1);
            used.push((format!("{}:{line}", f.display()), c[1].to_owned()));
        }
    }
    used
}

fn undefined(used: &[(String, String)], ids: &BTreeSet<String>) -> Vec<(String, String)> {
    used.iter().filter(|(_, k)| !ids.contains(k)).cloned().collect()
}

#[test]
fn both_locales_define_the_same_messages() {
    let ja = ids_of("ja-JP");
    let en = ids_of("en-US");
    let only_ja: Vec<_> = ja.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&ja).collect();
    assert!(only_ja.is_empty() && only_en.is_empty(), "only in ja-JP: {only_ja:?}; only in en-US: {only_en:?}");
}

#[test]
fn every_key_used_in_rust_is_defined() {
    let ids = ids_of("ja-JP");
    // The i18n crate's own unit tests name a missing key on purpose.
    let files: Vec<_> = source_files(&["crates", "src-tauri/src"], &["rs"])
        .into_iter()
        .filter(|p| !p.ends_with("tebiki-i18n/src/lib.rs") && !p.ends_with("locale_keys.rs"))
        .collect();
    // tr(lang, "key"), tr_args(lang, "key", …) and Message::new("key")
    let pattern = Regex::new(r#"(?:\btr(?:_args)?\(\s*[^,()]+,|Message::new\()\s*"([A-Za-z0-9-]+)""#).unwrap();
    let used = used_keys(&files, &pattern);
    assert!(used.len() >= 5, "the scan found too few keys: {used:?}");
    let missing = undefined(&used, &ids);
    assert!(missing.is_empty(), "keys used in Rust but not defined: {missing:?}");
}

#[test]
fn every_literal_key_used_in_the_ui_is_defined() {
    let ids = ids_of("ja-JP");
    let files = source_files(&["ui/src"], &["ts", "svelte"]);
    // t('key'), i18n.t('key'), translate(lang, 'key')
    let pattern = Regex::new(r#"(?:\bt\(|\btranslate\([^,()]+,)\s*['"]([A-Za-z0-9-]+)['"]"#).unwrap();
    let used = used_keys(&files, &pattern);
    assert!(used.len() >= 10, "the scan found too few keys: {used:?}");
    let missing = undefined(&used, &ids);
    assert!(missing.is_empty(), "keys used in the UI but not defined: {missing:?}");
}

#[test]
fn the_scan_catches_an_undefined_key() {
    let ids = ids_of("ja-JP");
    let used = vec![("x.svelte:1".to_owned(), "nav-nowhere".to_owned())];
    assert_eq!(undefined(&used, &ids).len(), 1);
}
