//! The data at rest (SQLCipher keyed from the 管理者 passphrase) and the
//! hash-chained 操作記録.

use std::path::Path;
use tebiki_core::roster::import::parse_roster;
use tebiki_store::{AuditBreakReason, Desk, Store, StoreError};

const PASS: &str = "庁内ネットワーク管理2026";
/// A name that appears nowhere else, to look for in the raw bytes.
const NAME: &str = "暗号化確認用氏名";

fn import_roster(store: &mut Store) {
    let csv = format!("職員番号,氏名,所属コード,所属名,役職\n1001,{NAME},A10,総務課,課長\n1002,山田 花子,A10,総務課,\n");
    let records: Vec<_> = parse_roster(csv.as_bytes(), None).unwrap().rows.into_iter().map(|(_, r)| r).collect();
    store.import_roster(&records, true, "2026-04-01").unwrap();
}

/// Every byte the data folder holds on disk for the database.
fn bytes_on_disk(dir: &Path) -> Vec<u8> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_file() {
            all.extend(std::fs::read(&p).unwrap());
        }
    }
    all
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn the_encrypted_database_holds_no_staff_name_in_plain_bytes() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open_dir(dir.path()).unwrap();
        store.set_passphrase(PASS).unwrap();
        assert!(store.is_encrypted());
        import_roster(&mut store);
        // Written while open too (the -wal file is on disk now).
        assert!(!contains(&bytes_on_disk(dir.path()), NAME), "the name is readable while the app runs");
    }
    let raw = bytes_on_disk(dir.path());
    assert!(!raw.is_empty());
    assert!(!contains(&raw, NAME), "a staff name is readable in the data folder");
    assert!(!contains(&raw, "総務課"));
    assert!(tebiki_store::is_encrypted(&dir.path().join("tebiki.db")));

    // The control: without a passphrase the same name is plainly there, so
    // the search above can find it.
    let plain = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open_dir(plain.path()).unwrap();
        import_roster(&mut store);
    }
    assert!(contains(&bytes_on_disk(plain.path()), NAME));
}

#[test]
fn a_wrong_or_missing_passphrase_is_refused_and_the_right_one_opens() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open_dir(dir.path()).unwrap();
        import_roster(&mut store);
        store.set_passphrase(PASS).unwrap();
    }
    let before = std::fs::read(dir.path().join("tebiki.db")).unwrap();
    assert!(matches!(Store::open_dir(dir.path()).err(), Some(StoreError::Locked { .. })));
    assert!(matches!(Store::open_dir_with(dir.path(), Some("庁内ネットワーク管理2025")).err(), Some(StoreError::WrongPassphrase { .. })));
    assert_eq!(std::fs::read(dir.path().join("tebiki.db")).unwrap(), before, "a refused open changes nothing");
    let store = Store::open_dir_with(dir.path(), Some(PASS)).unwrap();
    assert_eq!(store.staff_member("1001").unwrap().unwrap().record.name, NAME, "data imported before the passphrase survives");
}

#[test]
fn changing_the_passphrase_rekeys_and_the_old_one_stops_working() {
    let dir = tempfile::tempdir().unwrap();
    let new = "新しいパスフレーズ長め";
    {
        let mut store = Store::open_dir(dir.path()).unwrap();
        store.set_passphrase(PASS).unwrap();
        import_roster(&mut store);
        assert!(matches!(store.set_passphrase("短い"), Err(StoreError::WeakPassphrase { .. })));
        store.set_passphrase(new).unwrap();
        assert_eq!(store.staff_member("1002").unwrap().unwrap().record.name, "山田 花子", "usable at once");
    }
    assert!(matches!(Store::open_dir_with(dir.path(), Some(PASS)).err(), Some(StoreError::WrongPassphrase { .. })));
    let store = Store::open_dir_with(dir.path(), Some(new)).unwrap();
    assert_eq!(store.staff_member("1001").unwrap().unwrap().record.name, NAME);
    let actions: Vec<String> = store.all_audit_entries().unwrap().into_iter().map(|e| e.action).collect();
    assert_eq!(actions, ["passphrase.set", "roster.imported", "passphrase.changed"]);
}

#[test]
fn the_passphrase_cannot_change_while_another_program_has_the_database_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_dir(dir.path()).unwrap();
    import_roster(&mut store);
    let other = Store::open_dir(dir.path()).unwrap();
    assert!(matches!(store.set_passphrase(PASS), Err(StoreError::InUse { .. })));
    drop(other);
    // Still usable after the refusal, and then it works.
    assert!(store.staff_member("1001").unwrap().is_some());
    store.set_passphrase(PASS).unwrap();
}

#[test]
fn a_backup_is_encrypted_the_same_way_and_restores_with_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let backup = dir.path().join("backup.db");
    let mut store = Store::open_dir(&data).unwrap();
    store.set_passphrase(PASS).unwrap();
    import_roster(&mut store);
    store.backup_to(&backup).unwrap();
    let raw = std::fs::read(&backup).unwrap();
    assert!(!contains(&raw, NAME), "the backup holds a staff name in plain bytes");
    assert!(tebiki_store::is_encrypted(&backup));
    assert!(matches!(Store::open(&backup).err(), Some(StoreError::Locked { .. })));
    assert!(Store::open_with(&backup, Some(PASS)).is_ok(), "the same passphrase opens the backup");

    store.save_department("A10", "改名後").unwrap().unwrap();
    assert!(matches!(store.restore_from(&backup, Some("違うパスフレーズです")), Err(StoreError::WrongPassphrase { .. })));
    assert_eq!(store.departments().unwrap()[0].name, "改名後", "a refused restore changes nothing");
    // A wrong backup passphrase counts like a wrong unlock (issue 13, finding 9).
    assert_eq!(Desk::open_dir(&data).unwrap().unlock_failures().unwrap().0, 1);
    assert!(matches!(store.restore_from(&backup, Some(PASS)), Err(StoreError::TooSoon { .. })), "the wait applies to restore too");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    store.restore_from(&backup, Some(PASS)).unwrap();
    assert_eq!(store.departments().unwrap()[0].name, "総務課");
    assert!(store.is_encrypted());
    drop(store);
    assert!(!contains(&bytes_on_disk(&data), NAME), "still encrypted after the restore");
    let store = Store::open_dir_with(&data, Some(PASS)).unwrap();
    let actions: Vec<String> = store.all_audit_entries().unwrap().into_iter().map(|e| e.action).collect();
    assert!(actions.ends_with(&["backup.restored".to_owned()]), "{actions:?}");
}

#[test]
fn settings_stay_readable_while_the_database_is_locked() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open_dir(dir.path()).unwrap();
        store.set_passphrase(PASS).unwrap();
    }
    let desk = Desk::open_dir(dir.path()).unwrap();
    let mut s = desk.settings().unwrap();
    s.pack = Some("kobe".into());
    desk.save_settings(&s).unwrap();
    assert_eq!(Desk::open_dir(dir.path()).unwrap().settings().unwrap().pack.as_deref(), Some("kobe"));
}

fn audited_store(dir: &Path) -> Store {
    let mut store = Store::open_dir_with(dir, Some(PASS)).unwrap();
    if !store.is_encrypted() {
        store.set_passphrase(PASS).unwrap();
    }
    import_roster(&mut store);
    store.save_department("A20", "情報政策課").unwrap().unwrap();
    store.audit(tebiki_store::Action::ReportExported, serde_json::json!({ "kind": "training", "file": "r.pdf" })).unwrap();
    store
}

#[test]
fn the_audit_log_is_a_chain_that_refuses_updates() {
    let dir = tempfile::tempdir().unwrap();
    let store = audited_store(dir.path());
    let v = store.verify_audit().unwrap();
    assert_eq!((v.entries, v.broken), (4, None));
    let newest = store.audit_entries(None, 2).unwrap();
    assert_eq!(newest.iter().map(|e| e.seq).collect::<Vec<_>>(), [4, 3]);
    assert_eq!(newest[0].details["file"], "r.pdf");
    let err = store.connection().execute("UPDATE audit_log SET mode = 'staff' WHERE seq = 2", []).unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    assert!(store.connection().execute("DELETE FROM audit_log WHERE seq = 2", []).is_err());
}

/// Someone with a database tool and the passphrase goes around the triggers.
fn tamper(store: &Store, sql: &str) {
    store.connection().execute_batch(&format!("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; {sql}")).unwrap();
}

#[test]
fn an_edited_entry_fails_verification() {
    let dir = tempfile::tempdir().unwrap();
    let store = audited_store(dir.path());
    tamper(&store, r#"UPDATE audit_log SET details = '{"code":"A20","name":"別の課"}' WHERE seq = 3"#);
    let broken = store.verify_audit().unwrap().broken.unwrap();
    assert_eq!((broken.seq, broken.reason), (3, AuditBreakReason::Edited));
}

#[test]
fn a_deleted_entry_fails_verification() {
    let dir = tempfile::tempdir().unwrap();
    let store = audited_store(dir.path());
    tamper(&store, "DELETE FROM audit_log WHERE seq = 2");
    let broken = store.verify_audit().unwrap().broken.unwrap();
    assert_eq!((broken.seq, broken.reason), (2, AuditBreakReason::Missing));
}

#[test]
fn entries_cut_off_the_end_fail_verification() {
    let dir = tempfile::tempdir().unwrap();
    let store = audited_store(dir.path());
    tamper(&store, "DELETE FROM audit_log WHERE seq = 4");
    let broken = store.verify_audit().unwrap().broken.unwrap();
    assert_eq!((broken.seq, broken.reason), (4, AuditBreakReason::Truncated));
}
