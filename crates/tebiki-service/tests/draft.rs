//! Drafting a pack: previewing writes nothing; the draft for the pack import
//! goes into the data folder and needs 管理者モード, like the import itself.

mod common;

use common::*;
use tebiki_service::draft::{self, DraftOptions};
use tebiki_service::{handbook, ErrorCode};

#[test]
fn a_policy_file_is_previewed_then_drafted_for_the_import_in_admin_mode_only() {
    let dir = tempfile::tempdir().unwrap();
    let s = admin_session(dir.path());
    let input = repo().join("tests/fixtures/draft/midorigaoka-policy.txt").canonicalize().unwrap();
    let input = input.to_str().unwrap();
    let options = DraftOptions { id: Some("midorigaoka".into()), title: None, org: None };

    let report = draft::preview(&s, input, &options).unwrap();
    assert_eq!(report.counts.clauses, 15);
    assert!(!dir.path().join("drafts").exists(), "a preview writes nothing");
    assert_eq!(draft::preview(&s, "relative/policy.txt", &options).unwrap_err().code, ErrorCode::BadPath);

    let folder = draft::write_for_import(&mut s.admin().unwrap(), input, &options).unwrap();
    assert!(folder.starts_with(dir.path().join("drafts")));
    let summary = handbook::import_pack(&mut s.admin().unwrap(), &folder, false).unwrap();
    assert_eq!(summary.id, "midorigaoka");

    s.leave_admin().unwrap();
    assert!(s.admin().is_err(), "職員モード cannot draft into the data folder");
}
