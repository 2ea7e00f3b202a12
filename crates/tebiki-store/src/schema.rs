//! Schema versions. Add a migration at the end of `MIGRATIONS`; never edit one
//! that has shipped. Each runs in its own transaction.

use crate::StoreError;
use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{Migrations, SchemaVersion, M};
use std::path::Path;

/// `PRAGMA application_id` of every Tebiki database: "TBKI". It is how restore
/// and open tell a Tebiki database from any other SQLite file.
pub const APPLICATION_ID: i32 = 0x5442_4B49;

const MIGRATIONS: &[&str] = &[
    // 1: settings
    "PRAGMA application_id = 1413630793;
     CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL
     ) STRICT;",
    // 2: handbook — where each reader left off, and bookmarks
    "CREATE TABLE reading_positions (
        pack_id    TEXT PRIMARY KEY,
        clause_id  TEXT NOT NULL,
        updated_at TEXT NOT NULL
     ) STRICT;
     CREATE TABLE bookmarks (
        clause_id  TEXT PRIMARY KEY,
        created_at TEXT NOT NULL
     ) STRICT;",
    // 3: 職員名簿 — departments, staff (never deleted: 退職 is a flag), roles,
    //    and the history of 所属 changes (人事異動)
    "CREATE TABLE departments (
        code   TEXT PRIMARY KEY,
        name   TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1
     ) STRICT;
     CREATE TABLE staff (
        employee_no TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        kana        TEXT,
        dept_code   TEXT NOT NULL REFERENCES departments(code),
        employment  TEXT,
        email       TEXT,
        hired_on    TEXT,
        left_on     TEXT,
        active      INTEGER NOT NULL DEFAULT 1,
        updated_at  TEXT NOT NULL
     ) STRICT;
     CREATE INDEX staff_dept ON staff(dept_code);
     CREATE TABLE staff_roles (
        employee_no TEXT NOT NULL REFERENCES staff(employee_no) ON DELETE CASCADE,
        role        TEXT NOT NULL,
        PRIMARY KEY (employee_no, role)
     ) STRICT, WITHOUT ROWID;
     CREATE TABLE staff_history (
        id          INTEGER PRIMARY KEY,
        employee_no TEXT NOT NULL REFERENCES staff(employee_no),
        changed_at  TEXT NOT NULL,
        field       TEXT NOT NULL,
        old_value   TEXT,
        new_value   TEXT
     ) STRICT;",
    // 4: 研修の実施記録 — sessions and who attended
    "CREATE TABLE training_sessions (
        id         INTEGER PRIMARY KEY,
        pack_id    TEXT NOT NULL,
        course_id  TEXT NOT NULL,
        held_on    TEXT NOT NULL,
        method     TEXT NOT NULL,
        trainer    TEXT,
        place      TEXT,
        created_at TEXT NOT NULL
     ) STRICT;
     CREATE INDEX training_sessions_course ON training_sessions(pack_id, course_id, held_on);
     CREATE TABLE attendance (
        session_id  INTEGER NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
        employee_no TEXT NOT NULL REFERENCES staff(employee_no),
        PRIMARY KEY (session_id, employee_no)
     ) STRICT, WITHOUT ROWID;
     CREATE INDEX attendance_staff ON attendance(employee_no);",
    // 5: courses an administrator adds beside the pack's catalogue
    "CREATE TABLE custom_courses (
        pack_id      TEXT NOT NULL,
        id           TEXT NOT NULL,
        title        TEXT NOT NULL,
        kind         TEXT NOT NULL,
        clause       TEXT NOT NULL,
        within_days  INTEGER,
        roles        TEXT NOT NULL DEFAULT '[]',
        created_at   TEXT NOT NULL,
        PRIMARY KEY (pack_id, id)
     ) STRICT;",
    // 6: 自己点検 — drafts being answered (one row per item, saved on every
    //    change), submissions (locked; a correction is version n+1, older
    //    versions kept) made here or imported from files (digest: the same
    //    file imported twice is recognised)
    "CREATE TABLE selfcheck_drafts (
        id           INTEGER PRIMARY KEY,
        year         INTEGER NOT NULL,
        role         TEXT NOT NULL,
        role_name    TEXT NOT NULL,
        employee_no  TEXT NOT NULL,
        name         TEXT NOT NULL,
        dept_code    TEXT NOT NULL,
        dept_name    TEXT NOT NULL,
        pack_id      TEXT NOT NULL,
        pack_version TEXT NOT NULL,
        pack_hash    TEXT NOT NULL,
        version      INTEGER NOT NULL,
        prefilled_from INTEGER,
        started_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        UNIQUE (year, employee_no, role)
     ) STRICT;
     CREATE TABLE selfcheck_draft_answers (
        draft_id   INTEGER NOT NULL REFERENCES selfcheck_drafts(id) ON DELETE CASCADE,
        item_id    TEXT NOT NULL,
        answer     TEXT CHECK (answer IN ('implemented', 'partial', 'not-implemented', 'not-applicable')),
        comment    TEXT NOT NULL DEFAULT '',
        remedy     TEXT NOT NULL DEFAULT '',
        due        TEXT,
        reconfirm  INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (draft_id, item_id)
     ) STRICT, WITHOUT ROWID;
     CREATE TABLE selfcheck_submissions (
        id           INTEGER PRIMARY KEY,
        year         INTEGER NOT NULL,
        employee_no  TEXT NOT NULL,
        role         TEXT NOT NULL,
        version      INTEGER NOT NULL,
        role_name    TEXT NOT NULL,
        name         TEXT NOT NULL,
        dept_code    TEXT NOT NULL,
        dept_name    TEXT NOT NULL,
        pack_id      TEXT NOT NULL,
        pack_version TEXT NOT NULL,
        pack_hash    TEXT NOT NULL,
        started_at   TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        source       TEXT NOT NULL CHECK (source IN ('local', 'imported')),
        file_name    TEXT,
        digest       TEXT NOT NULL UNIQUE,
        recorded_at  TEXT NOT NULL,
        UNIQUE (year, employee_no, role, version)
     ) STRICT;
     CREATE TABLE selfcheck_submission_answers (
        submission_id INTEGER NOT NULL REFERENCES selfcheck_submissions(id) ON DELETE CASCADE,
        item_id       TEXT NOT NULL,
        position      INTEGER NOT NULL,
        answer        TEXT NOT NULL CHECK (answer IN ('implemented', 'partial', 'not-implemented', 'not-applicable')),
        comment       TEXT NOT NULL,
        remedy        TEXT NOT NULL,
        due           TEXT,
        PRIMARY KEY (submission_id, item_id)
     ) STRICT, WITHOUT ROWID;",
    // 7: the text of every clause of each pack version seen here (a hash
    //    per clause), so that an answer copied from a 年度 answered under an
    //    older version can say which items' clauses have since changed
    "CREATE TABLE pack_clause_texts (
        pack_id      TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        clause_id    TEXT NOT NULL,
        text_hash    TEXT NOT NULL,
        PRIMARY KEY (pack_id, content_hash, clause_id)
     ) STRICT, WITHOUT ROWID;",
    // 8: the 操作記録 (append-only, hash-chained: audit.rs); the desk tables
    //    move to desk.db (copied there by desk::adopt_desk_tables first), so
    //    that they can be read while this file is encrypted and locked
    "CREATE TABLE audit_log (
        seq       INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        mode      TEXT NOT NULL,
        action    TEXT NOT NULL,
        details   TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL
     ) STRICT;
     CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
     CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
     DROP TABLE settings;
     DROP TABLE reading_positions;
     DROP TABLE bookmarks;",
    // 9: (issue 13) the 操作記録 also refuses an insert that is not the next
    //    entry: INSERT OR REPLACE deletes the row it replaces without firing
    //    the DELETE trigger (SQLite fires delete triggers for REPLACE only
    //    with recursive_triggers on). Submission files whose version is not
    //    the next one for that person, role and 年度 wait here for the
    //    管理者's decision instead of becoming current.
    "CREATE TRIGGER audit_log_only_next BEFORE INSERT ON audit_log
        WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM audit_log)
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
     CREATE TABLE selfcheck_held (
        id               INTEGER PRIMARY KEY,
        year             INTEGER NOT NULL,
        employee_no      TEXT NOT NULL,
        role             TEXT NOT NULL,
        version          INTEGER NOT NULL,
        expected_version INTEGER NOT NULL,
        file_name        TEXT NOT NULL,
        digest           TEXT NOT NULL UNIQUE,
        submission       TEXT NOT NULL,
        held_at          TEXT NOT NULL
     ) STRICT;",
    // 10: e-ラーニング (issue 16) — on the staff PC, each person's record of a
    //     pack's courses for a 年度 (what their 受講記録ファイル carries) and
    //     their place in it; on the 管理者's PC, the files imported, kept as
    //     written, with what the 受講状況 needs of each (`held`, JSON)
    "CREATE TABLE elearning_local (
        year        INTEGER NOT NULL,
        employee_no TEXT NOT NULL,
        pack_id     TEXT NOT NULL,
        record      TEXT NOT NULL,
        progress    TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (year, employee_no, pack_id)
     ) STRICT;
     CREATE TABLE elearning_results (
        year        INTEGER NOT NULL,
        employee_no TEXT NOT NULL,
        pack_id     TEXT NOT NULL,
        file        TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        digest      TEXT NOT NULL,
        written_at  TEXT NOT NULL,
        held        TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        PRIMARY KEY (year, employee_no, pack_id)
     ) STRICT;",
    // 11: (issue 18) where each 改善策 stands (未着手 / 対応中 / 完了 / 取り下げ),
    //     per submission version; none recorded: 未着手
    "CREATE TABLE selfcheck_remedy_progress (
        submission_id INTEGER NOT NULL REFERENCES selfcheck_submissions(id) ON DELETE CASCADE,
        item_id       TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('not-started', 'in-progress', 'done', 'withdrawn')),
        status_on     TEXT NOT NULL,
        note          TEXT NOT NULL,
        PRIMARY KEY (submission_id, item_id)
     ) STRICT, WITHOUT ROWID;",
    // 12: (issue 18) 代理入力: answers the 管理者 typed in from a paper
    //     点検票 (紙で提出), marked on the draft and on the submission
    "ALTER TABLE selfcheck_drafts ADD COLUMN on_paper INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE selfcheck_submissions ADD COLUMN on_paper INTEGER NOT NULL DEFAULT 0;",
];

/// The schema version at which settings, reading positions and bookmarks
/// left this file for desk.db.
pub(crate) const DESK_MOVED_AT: usize = 8;

/// The schema version this build writes.
pub const LATEST_VERSION: usize = MIGRATIONS.len();

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

pub(crate) fn version_of(conn: &Connection) -> Result<usize, StoreError> {
    Ok(match migrations().current_version(conn)? {
        SchemaVersion::NoneSet => 0,
        SchemaVersion::Inside(v) | SchemaVersion::Outside(v) => v.get(),
    })
}

/// Brings the schema to `LATEST_VERSION`, one transaction per migration, so an
/// interrupted upgrade leaves a database at a consistent earlier version.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    migrate_to(conn, LATEST_VERSION)
}

pub(crate) fn migrate_to(conn: &mut Connection, target: usize) -> Result<(), StoreError> {
    let current = version_of(conn)?;
    if current > LATEST_VERSION {
        return Err(StoreError::TooNew { path: conn.path().unwrap_or("").into(), found: current, supported: LATEST_VERSION });
    }
    let m = migrations();
    for v in current + 1..=target {
        m.to_version(conn, v)?;
    }
    Ok(())
}

/// Checks that the file at `path` is a Tebiki database this build can use,
/// without changing it: right application id (or an empty, fresh database),
/// a schema no newer than ours, and a clean integrity check.
pub fn check_file(path: &Path) -> Result<usize, StoreError> {
    if !path.exists() {
        return Err(StoreError::FileMissing { path: path.to_owned() });
    }
    let not_ours = || StoreError::NotTebikiDatabase { path: path.to_owned() };
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(|_| not_ours())?;
    check_conn(&conn, path)
}

/// The checks of `check_file` on an open (and, when encrypted, keyed) connection.
pub(crate) fn check_conn(conn: &Connection, path: &Path) -> Result<usize, StoreError> {
    let not_ours = || StoreError::NotTebikiDatabase { path: path.to_owned() };
    // A non-SQLite file opens lazily; the first read is what fails.
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(|_| not_ours())?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|_| not_ours())?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0)).map_err(|_| not_ours())?;
    let fresh = app_id == 0 && version == 0 && tables == 0;
    if !fresh && app_id != APPLICATION_ID {
        return Err(not_ours());
    }
    let version = version as usize;
    if version > LATEST_VERSION {
        return Err(StoreError::TooNew { path: path.to_owned(), found: version, supported: LATEST_VERSION });
    }
    let result: String =
        conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(|e| StoreError::Damaged { path: path.to_owned(), detail: e.to_string() })?;
    if result != "ok" {
        return Err(StoreError::Damaged { path: path.to_owned(), detail: result });
    }
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn every_earlier_version_migrates_to_latest() {
        for start in 0..LATEST_VERSION {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("old.db");
            {
                let mut conn = Connection::open(&path).unwrap();
                migrate_to(&mut conn, start).unwrap();
                assert_eq!(version_of(&conn).unwrap(), start);
                fixtures::fill(&conn, start);
            }
            let store = crate::Store::open(&path).unwrap();
            assert_eq!(store.schema_version().unwrap(), LATEST_VERSION, "from version {start}");
            fixtures::check(&store, start);
        }
    }

    /// Data written by a database at each schema version, and what must
    /// survive the upgrade. Extend when a migration is added.
    mod fixtures {
        use rusqlite::Connection;
        use tebiki_core::settings::Language;

        pub fn fill(conn: &Connection, version: usize) {
            if version >= super::DESK_MOVED_AT {
                // From 8 on, settings, reading positions and bookmarks live in the desk.
                let desk = crate::Desk::beside(std::path::Path::new(conn.path().unwrap())).unwrap();
                let mut s = desk.settings().unwrap();
                s.language = Language::English;
                desk.save_settings(&s).unwrap();
                desk.set_reading_position("kobe", "kobe/taisaku/7.2.2").unwrap();
                desk.toggle_bookmark("kobe/taisaku/7.2.2").unwrap();
                fill_tables(conn, version);
                conn.execute("INSERT INTO audit_log VALUES (1, '2025-04-01T09:00:00+09:00', 'cli', 'demo.created', '{}', 'sha256:0', 'sha256:1')", []).unwrap();
                return;
            }
            if version >= 1 {
                conn.execute("INSERT INTO settings(key, value, updated_at) VALUES ('language', 'en-US', '2025-04-01T00:00:00Z')", []).unwrap();
            }
            if version >= 2 {
                conn.execute_batch(
                    "INSERT INTO reading_positions VALUES ('kobe', 'kobe/taisaku/7.2.2', '2025-04-01T00:00:00Z');
                     INSERT INTO bookmarks VALUES ('kobe/taisaku/7.2.2', '2025-04-01T00:00:00Z');",
                )
                .unwrap();
            }
            fill_tables(conn, version);
        }

        /// The tables that stayed in this file.
        fn fill_tables(conn: &Connection, version: usize) {
            if version >= 3 {
                conn.execute_batch(
                    "INSERT INTO departments VALUES ('A10', '総務課', 1);
                     INSERT INTO staff VALUES ('1001', '山田 太郎', NULL, 'A10', '正規職員', NULL, '2010-04-01', NULL, 1, '2025-04-01T00:00:00Z');",
                )
                .unwrap();
            }
            if version >= 4 {
                conn.execute_batch(
                    "INSERT INTO training_sessions VALUES (1, 'kobe', 'annual', '2025-06-01', '集合', NULL, NULL, '2025-06-01T00:00:00Z');
                     INSERT INTO attendance VALUES (1, '1001');",
                )
                .unwrap();
            }
            if version >= 5 {
                conn.execute_batch(
                    "INSERT INTO custom_courses VALUES ('kobe', 'usb', 'USBメモリ取扱研修', 'role', 'kobe/taisaku/7.1.1', NULL, '[\"情報管理者\"]', '2025-04-01T00:00:00Z');",
                )
                .unwrap();
            }
            if version >= 6 {
                conn.execute_batch(
                    "INSERT INTO selfcheck_drafts VALUES (1, 2025, 'staff', '職員等', '1001', '山田 太郎', 'A10', '総務課', 'kobe', '2025.1', 'ab', 1, NULL, '2025-06-01T09:00:00+09:00', '2025-06-01T09:05:00+09:00');
                     INSERT INTO selfcheck_draft_answers VALUES (1, 'v01', 'partial', '', '手順書を作る', '2025-12-31', 0, '2025-06-01T09:05:00+09:00');
                     INSERT INTO selfcheck_submissions VALUES (1, 2024, '1001', 'staff', 1, '職員等', '山田 太郎', 'A10', '総務課', 'kobe', '2024.1', 'ab', '2024-06-01T09:00:00+09:00', '2024-06-02T09:00:00+09:00', 'imported', 'a.json', 'sha256:00', '2024-06-03T00:00:00Z');
                     INSERT INTO selfcheck_submission_answers VALUES (1, 'v01', 0, 'implemented', '', '', NULL);",
                )
                .unwrap();
            }
        }

        pub fn check(store: &crate::Store, version: usize) {
            let desk = crate::Desk::beside(store.path()).unwrap();
            let s = desk.settings().unwrap();
            let expected = if version >= 1 { Language::English } else { Language::Japanese };
            assert_eq!(s.language, expected);
            if version >= 3 {
                assert_eq!(store.active_staff().unwrap().len(), 1);
            }
            if version >= 4 {
                assert_eq!(store.attendance_by_person("kobe").unwrap()["1001"].len(), 1);
            }
            if version >= 5 {
                assert_eq!(store.custom_courses("kobe").unwrap()[0].title, "USBメモリ取扱研修");
            }
            if version >= 7 {
                assert!(store.clause_texts("kobe", "ab").unwrap().is_empty());
            }
            if version >= 6 {
                let draft = store.find_inspection(2025, "1001", "staff").unwrap().expect("the draft survives");
                assert_eq!(draft.answers[0].remedy, "手順書を作る");
                let history = store.submission_history(2024, "1001", "staff").unwrap();
                assert_eq!((history.len(), history[0].digest.as_str()), (1, "sha256:00"));
            }
            if version >= 2 {
                assert_eq!(desk.reading_position("kobe").unwrap().as_deref(), Some("kobe/taisaku/7.2.2"));
                assert!(desk.is_bookmarked("kobe/taisaku/7.2.2").unwrap());
            }
            if version >= super::super::DESK_MOVED_AT {
                assert_eq!(store.all_audit_entries().unwrap()[0].action, "demo.created");
            }
            assert!(store.held_submissions().unwrap().is_empty());
        }
    }
}
