//! Replays the fuzzing corpus and every crash found so far on stable Rust:
//! each file of fuzz/corpus/<target>/ and fuzz/regressions/<target>/ goes
//! through the same `tebiki_core::fuzz_entry` function the fuzz target runs
//! (docs/fuzzing.md). A panic in a parser fails the test, naming the file.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use tebiki_core::fuzz_entry;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_file()).collect();
    files.sort();
    files
}

/// Runs every file of `dirs` through `entry`; returns how many files ran and
/// the failures as "file: panic message".
fn replay(dirs: &[PathBuf], entry: fn(&[u8])) -> (usize, Vec<String>) {
    let mut ran = 0;
    let mut failures = Vec::new();
    for path in dirs.iter().flat_map(|d| files_in(d)) {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        ran += 1;
        // Not hiding anything: a panic is recorded with its file and fails the test below.
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| entry(&bytes))) {
            let message = panic.downcast_ref::<String>().map(String::as_str).or_else(|| panic.downcast_ref::<&str>().copied()).unwrap_or("(non-string panic)");
            failures.push(format!("{}: {message}", path.display()));
        }
    }
    (ran, failures)
}

fn check(target: &str, entry: fn(&[u8])) {
    let corpus = fuzz_dir().join("corpus").join(target);
    let regressions = fuzz_dir().join("regressions").join(target);
    let in_corpus = files_in(&corpus).len();
    assert!(in_corpus > 0, "no corpus in {}: the replay would test nothing", corpus.display());
    let (ran, failures) = replay(&[corpus, regressions], entry);
    assert!(ran >= in_corpus);
    assert!(failures.is_empty(), "{target}: {} of {ran} files panic:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn roster_csv() {
    check("roster_csv", fuzz_entry::roster_csv);
}

#[test]
fn attendance_csv() {
    check("attendance_csv", fuzz_entry::attendance_csv);
}

#[test]
fn submission_json() {
    check("submission_json", fuzz_entry::submission_json);
}

#[test]
fn pack_manifest() {
    check("pack_manifest", fuzz_entry::pack_manifest);
}

#[test]
fn pack_markdown() {
    check("pack_markdown", fuzz_entry::pack_markdown);
}

#[test]
fn pack_zip() {
    check("pack_zip", fuzz_entry::pack_zip);
}

/// The replay does fail, and names the file, when an entry panics.
#[test]
fn a_panicking_file_is_reported_by_name() {
    fn picky(data: &[u8]) {
        assert!(!data.starts_with("職員番号".as_bytes()), "a roster header");
    }
    let (ran, failures) = replay(&[fuzz_dir().join("regressions/roster_csv")], picky);
    assert!(ran > 0);
    assert!(failures.iter().any(|f| f.contains("wareki-year-overflow.csv: a roster header")), "{failures:?}");
}
