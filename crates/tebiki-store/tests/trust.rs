//! Issue 13 (trust, second pass): the end of the 操作記録 across a restore,
//! a lost desk, REPLACE into the 操作記録, and owner-only files.

use std::path::Path;
use tebiki_store::{verify_entries, Action, AuditBreakReason, AuditStatus, Store, DESK_FILE};

const PASS: &str = "庁内ネットワーク管理2026";

fn store_with_entries(dir: &Path, n: usize) -> Store {
    let mut store = Store::open_dir(dir).unwrap();
    store.set_passphrase(PASS).unwrap();
    for i in 0..n {
        store.audit(Action::ReportExported, serde_json::json!({ "kind": "training", "file": format!("r{i}.pdf") })).unwrap();
    }
    store
}

/// The review's sequence in the store: backup, two exports, restore. The
/// restore entry records the head it replaced and where that data was kept;
/// the kept copy proves the entries the restore took away.
#[test]
fn a_restore_records_the_head_it_replaced_and_the_kept_copy_proves_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let backup = dir.path().join("b.db");
    let mut store = store_with_entries(&data, 3);
    store.backup_to(&backup).unwrap(); // entry 5 (backup.made) is not in the backup
    store.audit(Action::PersonalDataExported, serde_json::json!({ "kind": "submissions", "file": "out" })).unwrap();
    store.audit(Action::PersonalDataExported, serde_json::json!({ "kind": "audit", "file": "a.csv" })).unwrap();
    let before = store.all_audit_entries().unwrap();
    let head = before.last().unwrap().clone();
    assert_eq!(head.seq, 7);

    let kept = store.restore_from(&backup, Some(PASS)).unwrap();
    let after = store.all_audit_entries().unwrap();
    let restore = after.last().unwrap();
    assert_eq!((after.len(), restore.action.as_str()), (5, "backup.restored"));
    assert_eq!(restore.details["replaced_seq"], 7);
    assert_eq!(restore.details["replaced_hash"], head.hash.as_str());
    assert_eq!(restore.details["kept"], kept.display().to_string());
    for _ in 0..2 {
        let v = store.verify_audit().unwrap();
        assert_eq!((v.status, v.broken, v.unconfirmed), (AuditStatus::Intact, None, None), "intact after the restore");
    }
    // The kept copy holds the replaced chain up to the recorded head.
    let old = Store::open_with(&kept, Some(PASS)).unwrap();
    let old_entries = old.all_audit_entries().unwrap();
    assert_eq!(old_entries, before);
    assert_eq!(verify_entries(&old_entries, &Default::default()).broken, None);
    assert_eq!(old_entries.last().unwrap().hash, restore.details["replaced_hash"].as_str().unwrap());
    // Two restores in the same second keep two copies.
    let kept2 = store.restore_from(&backup, Some(PASS)).unwrap();
    assert_ne!(kept, kept2);
    assert!(kept.exists() && kept2.exists());
}

/// What the review did by hand: an older copy of the data put in place of
/// the file (no restore), then entries added until the count caught up.
/// The count matches again; the hash does not.
#[test]
fn a_replaced_tail_is_found_even_when_the_count_has_caught_up() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let copy = dir.path().join("old.db");
    let store = store_with_entries(&data, 3);
    store.backup_to(&copy).unwrap(); // the copy ends at entry 4
    store.audit(Action::PersonalDataExported, serde_json::json!({ "kind": "submissions", "file": "out" })).unwrap();
    store.audit(Action::PersonalDataExported, serde_json::json!({ "kind": "audit", "file": "a.csv" })).unwrap();
    drop(store); // entries 5-7
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(data.join(format!("tebiki.db{suffix}")));
    }
    std::fs::copy(&copy, data.join("tebiki.db")).unwrap();

    let store = Store::open_dir_with(&data, Some(PASS)).unwrap();
    let v = store.verify_audit().unwrap();
    assert_eq!(v.broken.map(|b| (b.seq, b.reason)), Some((5, AuditBreakReason::Truncated)));
    for _ in 0..3 {
        store.audit(Action::PersonalDataExported, serde_json::json!({ "kind": "audit", "file": "a.csv" })).unwrap();
    }
    assert_eq!(store.all_audit_entries().unwrap().len(), 7, "the count has caught up");
    let v = store.verify_audit().unwrap();
    assert_eq!(v.status, AuditStatus::Broken);
    assert_eq!(v.broken.map(|b| (b.seq, b.reason)), Some((7, AuditBreakReason::Replaced)));
}

/// A deleted desk.db is "cannot confirm the tail", not intact, and stays so
/// after new entries.
#[test]
fn a_missing_desk_cannot_confirm_the_tail() {
    let dir = tempfile::tempdir().unwrap();
    drop(store_with_entries(dir.path(), 3));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.path().join(format!("{DESK_FILE}{suffix}")));
    }
    let store = Store::open_dir_with(dir.path(), Some(PASS)).unwrap();
    let v = store.verify_audit().unwrap();
    assert_eq!((v.status, v.broken, v.unconfirmed), (AuditStatus::Unconfirmed, None, Some(4)));
    store.audit(Action::ReportExported, serde_json::json!({ "kind": "training", "file": "x.pdf" })).unwrap();
    let v = store.verify_audit().unwrap();
    assert_eq!((v.status, v.unconfirmed, v.entries), (AuditStatus::Unconfirmed, Some(4), 5));
    // The control: a desk that saw the whole chain confirms it.
    let fresh = tempfile::tempdir().unwrap();
    let store = store_with_entries(fresh.path(), 3);
    assert_eq!(store.verify_audit().unwrap().status, AuditStatus::Intact);
}

/// INSERT OR REPLACE deletes the row it replaces without firing a DELETE
/// trigger; the 操作記録 refuses it (and REPLACE, UPSERT, a gap).
#[test]
fn replace_and_upsert_cannot_rewrite_the_audit_log() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_entries(dir.path(), 2);
    let conn = store.connection();
    let e = store.all_audit_entries().unwrap()[1].clone();
    let cols = "seq, at, mode, action, details, prev_hash, hash";
    for sql in [
        format!("INSERT OR REPLACE INTO audit_log({cols}) VALUES (2, 'x', 'cli', 'demo.created', '{{}}', '{}', 'h')", e.prev_hash),
        format!("REPLACE INTO audit_log({cols}) VALUES (2, 'x', 'cli', 'demo.created', '{{}}', '{}', 'h')", e.prev_hash),
        format!(
            "INSERT INTO audit_log({cols}) VALUES (2, 'x', 'cli', 'demo.created', '{{}}', '{}', 'h') ON CONFLICT(seq) DO UPDATE SET action = excluded.action",
            e.prev_hash
        ),
        format!("INSERT INTO audit_log({cols}) VALUES (9, 'x', 'cli', 'demo.created', '{{}}', '{}', 'h')", e.hash),
        format!("INSERT INTO audit_log({cols}) VALUES (NULL, 'x', 'cli', 'demo.created', '{{}}', '{}', 'h')", e.hash),
    ] {
        let err = conn.execute(&sql, []).expect_err(&sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    assert_eq!(store.all_audit_entries().unwrap()[1], e, "entry 2 is unchanged");
    assert_eq!(store.verify_audit().unwrap().status, AuditStatus::Intact);
    // The next entry still goes in.
    store.audit(Action::DemoCreated, serde_json::json!({ "staff": 1 })).unwrap();
}

/// The data folder is created 0700, the database, desk, backups and the
/// copy kept by a restore 0600 (Unix).
#[cfg(unix)]
#[test]
fn the_data_folder_and_its_files_are_the_owners_only() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("new/data");
    let mut store = store_with_entries(&data, 1);
    let backup = dir.path().join("b.db");
    store.backup_to(&backup).unwrap();
    let kept = store.restore_from(&backup, Some(PASS)).unwrap();
    assert_eq!(mode(&data), 0o700);
    for f in ["tebiki.db", "tebiki.db-wal", DESK_FILE] {
        assert_eq!(mode(&data.join(f)), 0o600, "{f}");
    }
    assert_eq!((mode(&backup), mode(&kept), mode(kept.parent().unwrap())), (0o600, 0o600, 0o700));
}
