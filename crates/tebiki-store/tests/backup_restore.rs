use tebiki_store::{Store, StoreError};

/// The 所属 names in the database: what the tests change and restore.
fn names(store: &Store) -> Vec<String> {
    store.departments().unwrap().into_iter().map(|d| d.name).collect()
}

#[test]
fn backup_and_restore_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("backup.db");
    let mut store = Store::open_dir(&dir.path().join("data")).unwrap();
    store.save_department("A10", "総務課").unwrap().unwrap();
    store.backup_to(&backup).unwrap();

    // Change the live data after the backup, then restore.
    store.save_department("A10", "改名後").unwrap().unwrap();
    let safety = store.restore_from(&backup, None).unwrap();
    assert_eq!(names(&store), ["総務課"]);
    assert!(safety.exists(), "the data replaced by a restore is kept");

    // The backup is a single self-contained file that opens on its own.
    assert!(!dir.path().join("backup.db-wal").exists());
    let copy = Store::open(&backup).unwrap();
    assert_eq!(names(&copy), ["総務課"]);
}

#[test]
fn restoring_a_file_that_is_not_a_tebiki_database_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_dir(&dir.path().join("data")).unwrap();
    store.save_department("A10", "総務課").unwrap().unwrap();

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "これはデータベースではありません\n".repeat(200)).unwrap();
    let other_sqlite = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other_sqlite).unwrap().execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);").unwrap();

    for bad in [&text, &other_sqlite] {
        let err = store.restore_from(bad, None).unwrap_err();
        assert!(matches!(err, StoreError::NotTebikiDatabase { .. }), "{bad:?}: {err:?}");
        // The fronts word it (error-not-tebiki-db: 「…Tebiki のデータベースではありません…現在のデータは変更していません」).
        let msg = err.message();
        assert_eq!(msg.key, "error-not-tebiki-db");
        assert_eq!(msg.args, [("path".to_owned(), bad.display().to_string())]);
    }
    let missing = store.restore_from(&dir.path().join("nope.db"), None).unwrap_err();
    assert!(matches!(missing, StoreError::FileMissing { .. }));

    assert_eq!(names(&store), ["総務課"]);
    assert!(!dir.path().join("data/backups").exists(), "nothing was replaced, so no safety copy");
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let future = dir.path().join("future.db");
    {
        let store = Store::open(&future).unwrap();
        store.connection().pragma_update(None, "user_version", 999).unwrap();
    }
    let mut store = Store::open_dir(&dir.path().join("data")).unwrap();
    let err = store.restore_from(&future, None).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { found: 999, .. }), "{err:?}");
}

#[test]
fn opening_a_foreign_file_as_the_database_leaves_it_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tebiki.db");
    std::fs::write(&path, b"not a database at all, just some bytes").unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::NotTebikiDatabase { .. }));
    assert_eq!(std::fs::read(&path).unwrap(), b"not a database at all, just some bytes");
}
