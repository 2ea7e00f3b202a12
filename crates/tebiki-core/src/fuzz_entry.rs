//! What each fuzz target runs (fuzz/fuzz_targets/*.rs) — kept here so that
//! `tests/fuzz_corpus.rs` replays the same code on every file of the corpus
//! and of fuzz/regressions under plain `cargo test` (see docs/fuzzing.md).
//!
//! Every function takes untrusted bytes, runs them through a parser the way
//! the app does, and must return without panicking. The few `assert!`s check
//! properties the rest of the code relies on (e.g. a verified submission
//! written again verifies with the same digest); a failure is a bug.

use crate::handbook;
use crate::pack::files::PackFiles;
use crate::pack::library::PackLibrary;
use crate::pack::{self, Pack, PackOrigin};
use crate::roster::import as roster_import;
use crate::selfcheck::submission;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// `roster_import`: decode, the header row, the guessed mapping, the whole
/// roster with the guessed mapping and with an explicit one.
pub fn roster_csv(data: &[u8]) {
    let _ = roster_import::decode(data);
    let guessed = roster_import::parse_roster(data, None);
    match roster_import::read_headers(data) {
        Ok((headers, encoding)) => {
            let mapping = roster_import::guess_mapping(&headers);
            assert_eq!(mapping.len(), headers.len());
            let mapped = roster_import::parse_roster(data, Some(&mapping));
            // The UI's mapping step sends back the guessed mapping unchanged:
            // the result must be what parsing without a mapping gives.
            match (&guessed, &mapped) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(a.encoding, encoding);
                    assert_eq!(a.headers, headers);
                    assert_eq!((&a.rows, &a.rejected), (&b.rows, &b.rejected));
                    // Each row starts on a later line than the one before.
                    assert!(a.rows.windows(2).all(|w| w[0].0 < w[1].0), "{:?}", a.rows);
                }
                (Err(a), Err(b)) => assert_eq!(a, b),
                _ => panic!("guessed mapping changed the outcome: {guessed:?} / {mapped:?}"),
            }
            // Every column mapped to a field in turn (a person choosing in the UI).
            let shifted: Vec<_> = (0..headers.len()).map(|i| Some(roster_import::RosterField::ALL[i % roster_import::RosterField::ALL.len()])).collect();
            let _ = roster_import::parse_roster(data, Some(&shifted));
            // A mapping shorter than the header row.
            let _ = roster_import::parse_roster(data, Some(&mapping[..mapping.len() / 2]));
        }
        Err(e) => {
            let _ = e.message();
        }
    }
}

/// `roster_import::parse_attendance` (e-learning attendance exports).
pub fn attendance_csv(data: &[u8]) {
    match roster_import::parse_attendance(data) {
        Ok(rows) => {
            // Lines only grow.
            assert!(rows.windows(2).all(|w| w[0].0 < w[1].0), "{rows:?}");
        }
        Err(e) => {
            let _ = e.message();
        }
    }
}

/// The installed pack `submission_json` checks files against: `kobe`.
fn known_pack(id: &str) -> Option<(String, String)> {
    (id == "kobe").then(|| ("2025.1".to_owned(), "ab".repeat(32)))
}

/// `submission::verify` as on import, then `validate`, the file name and
/// writing the accepted submission again. A mutated file almost never keeps a
/// matching SHA-256 digest, so the same JSON is also checked with its digest
/// recomputed: that reaches the checks after the digest.
pub fn submission_json(data: &[u8]) {
    verify_and_rewrite(data);
    submission_parts(data);
    let body = data.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(data);
    if let Ok(serde_json::Value::Object(mut map)) = serde_json::from_slice::<serde_json::Value>(body) {
        map.remove("digest");
        let mut value = serde_json::Value::Object(map);
        use sha2::Digest;
        let hex: String = sha2::Sha256::digest(submission::canonical_json(&value)).iter().map(|b| format!("{b:02x}")).collect();
        value.as_object_mut().expect("an object").insert("digest".to_owned(), format!("sha256:{hex}").into());
        verify_and_rewrite(&serde_json::to_vec(&value).expect("a Value serialises"));
    }
}

fn verify_and_rewrite(data: &[u8]) {
    match submission::verify(data, &known_pack) {
        Ok(v) => {
            submission::validate(&v.submission).expect("verify accepts only valid submissions");
            let _ = submission::file_name(&v.submission);
            let _ = v.pack_difference.as_ref().map(|d| d.message());
            // Re-exporting an imported file gives the same digest (the
            // module's promise), and that file verifies again.
            let written = submission::write(&v.submission).expect("a verified submission can be written");
            assert_eq!(written.digest, v.digest);
            let again = submission::verify(&written.bytes, &known_pack).expect("a written submission verifies");
            assert_eq!(again.submission, v.submission);
        }
        Err(e) => {
            let _ = e.message();
        }
    }
}

/// The parts `verify` is made of, on any JSON.
fn submission_parts(data: &[u8]) {
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) {
        let _ = submission::canonical_json(&value);
        if let Ok(s) = serde_json::from_value::<submission::Submission>(value) {
            let _ = submission::validate(&s);
            let _ = submission::file_name(&s);
        }
    }
}

const BASE: &str = "sample-town";
const BASE_MARKDOWN: &str = "kihon.md";

/// The valid pack every pack target starts from: tests/fixtures/packs/sample-town.
fn base_files() -> PackFiles {
    let mut files = BTreeMap::new();
    for (rel, bytes) in [
        ("pack.toml", &include_bytes!("../../../tests/fixtures/packs/sample-town/pack.toml")[..]),
        (BASE_MARKDOWN, &include_bytes!("../../../tests/fixtures/packs/sample-town/kihon.md")[..]),
        ("glossary.toml", &include_bytes!("../../../tests/fixtures/packs/sample-town/glossary.toml")[..]),
    ] {
        files.insert(rel.to_owned(), bytes.to_vec());
    }
    PackFiles::from_entries(BASE, files)
}

/// The bundled packs, loaded once (import decisions are made against them).
fn library() -> &'static PackLibrary {
    static LIB: OnceLock<PackLibrary> = OnceLock::new();
    LIB.get_or_init(|| PackLibrary::load(None))
}

/// Everything `tebiki content check` and pack import do with a pack's
/// files, then everything the reader renders of a pack that loads.
fn check_pack(files: &PackFiles) {
    let _ = pack::load(files, PackOrigin::Bundled);
    let out = pack::load(files, PackOrigin::Imported);
    for p in &out.problems {
        let _ = (p.is_error(), &p.message);
    }
    let inspection = pack::import::inspect(files, library());
    let _ = (inspection.can_import(), inspection.needs_confirmation());
    assert_eq!(inspection.pack_id.is_some(), out.pack.is_some());
    if let Some(p) = &out.pack {
        render_pack(p);
    }
}

/// The 手引き reader's views of a pack: outline (with preambles), and every
/// clause with its breadcrumbs; the 自己点検 obligations of every clause.
fn render_pack(p: &Pack) {
    let _ = handbook::summary(p);
    let _ = handbook::outline(p);
    let roles: &[crate::pack::roles::Role] = library().get("kobe").map(|k| k.roles.as_slice()).unwrap_or_default();
    for (doc, d) in p.documents.iter().enumerate() {
        for index in 0..d.clauses.len() {
            let c = pack::ClauseRef { pack: p, doc, index };
            let _ = c.ancestors();
            let _ = c.with_descendants();
            let _ = pack::render::render_clause(c);
            let _ = handbook::clause_label(c.clause());
            let _ = crate::pack::obligation::extract_clause(roles, c.clause());
        }
    }
    let _ = crate::pack::obligation::extract(p);
}

/// `pack.toml` replaced by `data` in the sample pack.
pub fn pack_manifest(data: &[u8]) {
    let mut files = base_files();
    files.files.insert("pack.toml".to_owned(), data.to_vec());
    check_pack(&files);
}

/// The sample pack's Markdown document replaced by `data`; also its clauses
/// rendered even when the pack has errors (the renderer must not depend on
/// the checks having passed) and its plain text (search, fidelity).
pub fn pack_markdown(data: &[u8]) {
    let mut files = base_files();
    files.files.insert(BASE_MARKDOWN.to_owned(), data.to_vec());
    check_pack(&files);

    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = pack::markdown::plain_text(text);
    static BASE_PACK: OnceLock<Pack> = OnceLock::new();
    let base = BASE_PACK.get_or_init(|| pack::load(&base_files(), PackOrigin::Imported).pack.expect("the sample pack loads"));
    let mut problems = Vec::new();
    let parsed = pack::markdown::parse_document(BASE_MARKDOWN, text, &format!("{BASE}/kihon/"), &mut problems);
    let mut p = base.clone();
    p.documents[0].preamble = parsed.preamble;
    p.documents[0].clauses = parsed.clauses;
    render_pack(&p);
}

/// A pack `.zip` as `tebiki content check` and the pack import read it: the
/// archive opened, every entry read within the pack's limits, and a pack that
/// comes out of it checked.
pub fn pack_zip(data: &[u8]) {
    let path = std::path::Path::new("fuzz.zip");
    if let Ok(files) = PackFiles::from_zip_reader(path, std::io::Cursor::new(data)) {
        check_pack(&files);
    }
}
