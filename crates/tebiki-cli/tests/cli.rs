use assert_cmd::Command;
use std::path::Path;

mod common;
use common::{admin_dir, tebiki, PASS};

fn stdout(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn help_lists_the_subcommands() {
    let out = stdout(Command::cargo_bin("tebiki").unwrap().arg("--help"));
    for cmd in ["version", "backup", "restore", "--data-dir", "--json"] {
        assert!(out.contains(cmd), "{cmd} missing from --help:\n{out}");
    }
}

#[test]
fn version_json_names_the_data_dir_and_schema() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(tebiki(dir.path()).args(["version", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["data_dir"], dir.path().display().to_string());
    assert_eq!(v["schema_version"], tebiki_store_latest());
    assert!(dir.path().join("tebiki.db").exists());
}

fn tebiki_store_latest() -> u64 {
    tebiki_store::LATEST_VERSION as u64
}

#[test]
fn backup_then_restore_round_trips_and_a_foreign_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let backup = dir.path().join("b.db");
    admin_dir(&data);
    // Put something recognisable in the database: a 所属 name.
    let rename = |name: &str| {
        let mut s = tebiki_store::Store::open_dir_with(&data, Some(PASS)).unwrap();
        s.save_department("A10", name).unwrap().unwrap();
    };
    let name = || tebiki_store::Store::open_dir_with(&data, Some(PASS)).unwrap().departments().unwrap()[0].name.clone();
    rename("総務課");
    let out = stdout(tebiki(&data).args(["--lang", "en-US", "backup"]).arg(&backup));
    assert!(out.contains("Backup written"), "{out}");
    assert!(backup.exists());

    assert!(!String::from_utf8_lossy(&std::fs::read(&backup).unwrap()).contains("総務課"), "the backup is encrypted");
    rename("改名後");
    let out = stdout(tebiki(&data).args(["--json", "restore"]).arg(&backup));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["restored_from"], backup.display().to_string());
    assert_eq!(name(), "総務課");

    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "hello").unwrap();
    let out = tebiki(&data).args(["--lang", "ja-JP", "restore"]).arg(&junk).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains("Tebiki のデータベースではありません"), "{err}");
    assert!(!err.contains("panicked"));
    assert_eq!(name(), "総務課");
}

#[test]
fn bad_input_exits_non_zero_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    for args in [vec!["restore", "/nonexistent/x.db"], vec!["--lang", "fr", "version"], vec!["no-such-command"]] {
        let out = tebiki(dir.path()).args(&args).output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/packs")
}

#[test]
fn content_check_passes_the_bundled_packs() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(tebiki(dir.path()).args(["--lang", "ja-JP", "content", "check"]));
    for id in ["kobe", "katsuura", "hirakawa", "togane-seiso", "gunma"] {
        assert!(out.contains(&format!("{id}：問題はありません")), "{out}");
    }
    let repo_packs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/packs");
    let out = stdout(tebiki(dir.path()).args(["--json", "content", "check"]).arg(repo_packs));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["packs"].as_array().unwrap().len(), 5);
}

#[test]
fn content_check_reports_each_problem_with_file_and_line_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let out = tebiki(dir.path()).args(["--lang", "ja-JP", "content", "check"]).arg(fixtures().join("broken-pack")).output().unwrap();
    assert!(!out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "pack.toml:18: 誤り: 日付「2024-04-31」",
        "kihon.md:5: 誤り: HTML は使えません",
        "kihon.md:7: 誤り: 見出しに条項 ID がありません",
        "kihon.md:9: 誤り: リンク先の条項がありません：#99",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    let out = tebiki(dir.path()).args(["--json", "content", "check"]).arg(fixtures()).output().unwrap();
    assert!(!out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let packs = v["packs"].as_array().unwrap();
    // broken-pack, sample-town and -v2, elearning-town and -v2.
    assert_eq!(packs.len(), 5);
    assert_eq!(packs.iter().filter(|p| p["ok"] == true).count(), 4);
}

#[test]
fn content_check_of_a_missing_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = tebiki(dir.path()).args(["content", "check", "/nonexistent/pack"]).output().unwrap();
    assert!(!out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn search_json_has_the_contract_fields() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(tebiki(dir.path()).args(["search", "研修", "--pack", "kobe", "--limit", "3", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let results = v["results"].as_array().unwrap();
    assert!(!results.is_empty() && results.len() <= 3);
    for r in results {
        for field in ["clause_id", "pack_id", "heading", "snippet", "score"] {
            assert!(!r[field].is_null(), "{field} missing in {r}");
        }
        assert_eq!(r["pack_id"], "kobe");
        // Every highlight range covers the word searched for.
        let snippet: Vec<char> = r["snippet"].as_str().unwrap().chars().collect();
        for h in r["highlights"].as_array().unwrap() {
            let (s, e) = (h[0].as_u64().unwrap() as usize, h[1].as_u64().unwrap() as usize);
            assert_eq!(snippet[s..e].iter().collect::<String>(), "研修");
        }
    }
    assert!(results[0]["clause_id"].as_str().unwrap().starts_with("kobe/taisaku/7.2"));

    let out = stdout(tebiki(dir.path()).args(["search", "第六十二", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["results"][0]["clause_id"], "katsuura/taisaku/62");

    let out = tebiki(dir.path()).args(["search", "研修", "--pack", "nowhere"]).output().unwrap();
    assert!(!out.status.success());
}

#[test]
fn search_says_how_a_staff_query_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(tebiki(dir.path()).args(["search", "私物のパソコンを使いたい", "--pack", "kobe", "--limit", "5", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = v["results"].as_array().unwrap().iter().map(|r| r["clause_id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"kobe/taisaku/7.1.1"), "{ids:?}");
    assert_eq!(v["partial"], false);
    assert_eq!(v["reading"][0]["typed"], "私物");
    assert!(v["reading"][0]["also"].as_array().unwrap().iter().any(|w| w == "支給以外"), "{}", v["reading"]);
    assert!(v["ignored"].as_array().unwrap().iter().any(|w| w == "使いたい"));
    let explanation: Vec<&str> = v["explanation"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    assert!(explanation.iter().any(|l| l.starts_with("「私物」を「支給以外") && l.ends_with("」としても検索しました")), "{explanation:?}");
    assert!(v["results"][0]["matched"].as_u64().unwrap() == 2);

    // The text output carries the same lines above the results.
    let out = stdout(tebiki(dir.path()).args(["search", "私物のパソコンを使いたい", "--pack", "kobe", "--limit", "3"]));
    assert!(out.contains("としても検索しました") && out.contains("kobe/taisaku/7.1.1"), "{out}");
}

fn roster_fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/roster/roster-sjis.csv")
}

#[test]
fn roster_import_json_counts_and_rejected_lines() {
    let dir = tempfile::tempdir().unwrap();
    admin_dir(dir.path());
    let out = stdout(tebiki(dir.path()).args(["--json", "roster", "import", "--dry-run"]).arg(roster_fixture()));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["encoding"], "Shift_JIS");
    assert_eq!(v["dry_run"], true);
    assert_eq!(v["added"], 4);
    let lines: Vec<u64> = v["rejected"].as_array().unwrap().iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [6, 7, 9]);
    assert!(v["rejected"][0]["reason"].is_string());
    // A dry run changes nothing.
    assert!(tebiki_store::Store::open_dir_with(dir.path(), Some(PASS)).unwrap().all_staff().unwrap().is_empty());

    // --strict: bad rows block the whole file, and the exit status says so.
    let out = tebiki(dir.path()).args(["--json", "roster", "import", "--strict"]).arg(roster_fixture()).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--strict"));
    assert!(tebiki_store::Store::open_dir_with(dir.path(), Some(PASS)).unwrap().all_staff().unwrap().is_empty());

    let out = stdout(tebiki(dir.path()).args(["--json", "roster", "import"]).arg(roster_fixture()));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((v["added"].as_u64(), v["dry_run"].as_bool()), (Some(4), Some(false)));
    assert_eq!(tebiki_store::Store::open_dir_with(dir.path(), Some(PASS)).unwrap().active_staff().unwrap().len(), 4);
}

#[test]
fn roster_import_names_a_missing_column() {
    let dir = tempfile::tempdir().unwrap();
    admin_dir(dir.path());
    let csv = dir.path().join("no-number.csv");
    std::fs::write(&csv, "氏名,所属名\n山田,総務課\n").unwrap();
    let out = tebiki(dir.path()).args(["--lang", "ja-JP", "roster", "import"]).arg(&csv).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("必須の列「職員番号」がありません"), "{err}");
}

#[test]
fn training_record_and_status_by_year() {
    let dir = tempfile::tempdir().unwrap();
    admin_dir(dir.path());
    stdout(tebiki(dir.path()).args(["roster", "import"]).arg(roster_fixture()));
    let out = stdout(tebiki(dir.path()).args(["--json", "training", "record", "--pack", "kobe", "--course", "annual", "--date", "R7.6.1", "--dept", "A10"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((v["attendees"].as_u64(), v["held_on"].as_str()), (Some(2), Some("2025-06-01")));

    let status = |year: &str| -> serde_json::Value {
        serde_json::from_str(&stdout(tebiki(dir.path()).args(["--json", "training", "status", "--pack", "kobe", "--year", year]))).unwrap()
    };
    let v = status("2025");
    let staff = v["staff"].as_array().unwrap();
    assert_eq!(staff.len(), 4, "every person employed in 令和7年度");
    let yamada = staff.iter().find(|p| p["employee_no"] == "1001").unwrap();
    assert_eq!(yamada["name"], "山田 太郎");
    assert_eq!(yamada["dept_name"], "総務課");
    assert_eq!(yamada["required"], serde_json::json!(["annual", "manager", "drill"]));
    assert_eq!(yamada["done"], serde_json::json!(["annual"]));
    // 年度 boundary: the 2025 session does not count in 2026.
    let v = status("2026");
    let yamada = v["staff"].as_array().unwrap().iter().find(|p| p["employee_no"] == "1001").unwrap().clone();
    assert_eq!(yamada["done"], serde_json::json!([]));

    // Unknown course and missing attendees are errors, not panics.
    let out =
        tebiki(dir.path()).args(["training", "record", "--pack", "kobe", "--course", "nope", "--date", "2025-06-01", "--staff", "1001"]).output().unwrap();
    assert!(!out.status.success());
}

#[test]
fn demo_fills_an_empty_data_folder_only() {
    let dir = tempfile::tempdir().unwrap();
    admin_dir(dir.path());
    let out = stdout(tebiki(dir.path()).args(["--json", "demo", "--staff", "300", "--depts", "20"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((v["staff"].as_u64(), v["departments"].as_u64()), (Some(300), Some(20)));
    assert!(v["sessions"].as_u64().unwrap() > 20 && v["attendances"].as_u64().unwrap() > 300);
    // The organisation chosen for the app is set, so status works without --pack.
    let status: serde_json::Value = serde_json::from_str(&stdout(tebiki(dir.path()).args(["--json", "training", "status", "--year", "2025"]))).unwrap();
    assert!(status["staff"].as_array().unwrap().len() > 250);
    let again = tebiki(dir.path()).args(["demo"]).output().unwrap();
    assert!(!again.status.success(), "a second demo into the same folder is refused");
}

#[test]
fn commands_on_the_organisations_data_need_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    // Before a passphrase is set: refused, and nothing is stored unencrypted.
    let out = tebiki(dir.path()).args(["--lang", "ja-JP", "roster", "import"]).arg(roster_fixture()).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("tebiki admin set-passphrase"), "{}", String::from_utf8_lossy(&out.stderr));
    admin_dir(dir.path());
    // A wrong passphrase (scripts: TEBIKI_PASSPHRASE) is refused; so is none at all without a terminal.
    let out = tebiki(dir.path())
        .env("TEBIKI_PASSPHRASE", "まちがったパスフレーズ")
        .args(["--lang", "ja-JP", "roster", "import"])
        .arg(roster_fixture())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("パスフレーズが違います"), "{}", String::from_utf8_lossy(&out.stderr));
    std::thread::sleep(std::time::Duration::from_millis(1100)); // the wait after one wrong passphrase
    let out = tebiki(dir.path()).env_remove("TEBIKI_PASSPHRASE").args(["--lang", "en-US", "audit", "verify"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("TEBIKI_PASSPHRASE"));
    // Reading the policies needs nothing.
    stdout(tebiki(dir.path()).env_remove("TEBIKI_PASSPHRASE").args(["search", "研修"]));
    // The right one works, and the import is in the 操作記録 with the earlier wrong attempt.
    stdout(tebiki(dir.path()).args(["roster", "import"]).arg(roster_fixture()));
    let list: serde_json::Value = serde_json::from_str(&stdout(tebiki(dir.path()).args(["--json", "audit", "list"]))).unwrap();
    let actions: Vec<&str> = list.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["roster.imported", "mode.entered", "passphrase.set"]);
    assert_eq!(list[1]["details"]["failed_before"], 1);
    assert!(list[0]["summary"].as_str().unwrap().contains("職員名簿を取り込みました"), "{}", list[0]["summary"]);
}

#[test]
fn audit_verify_finds_an_edited_entry() {
    let dir = tempfile::tempdir().unwrap();
    admin_dir(dir.path());
    stdout(tebiki(dir.path()).args(["roster", "import"]).arg(roster_fixture()));
    let v: serde_json::Value = serde_json::from_str(&stdout(tebiki(dir.path()).args(["--json", "audit", "verify"]))).unwrap();
    assert_eq!((v["entries"].as_i64(), v["broken"].is_null()), (Some(2), true));
    {
        // Someone with the passphrase and a database tool edits the import's counts.
        let s = tebiki_store::Store::open_dir_with(dir.path(), Some(PASS)).unwrap();
        s.connection()
            .execute_batch("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details = replace(details, '\"added\":', '\"added\":1') WHERE seq = 2;")
            .unwrap();
    }
    let out = tebiki(dir.path()).args(["--lang", "ja-JP", "audit", "verify"]).output().unwrap();
    assert!(!out.status.success(), "an edited entry must fail verification");
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 番が書き換えられています"), "{}", String::from_utf8_lossy(&out.stderr));
    // The export is for Excel: Shift_JIS by default, every entry with its hash.
    let csv = dir.path().join("audit.csv");
    stdout(tebiki(dir.path()).args(["audit", "export", "--out"]).arg(&csv));
    let bytes = std::fs::read(&csv).unwrap();
    let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&bytes);
    assert!(!bad);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.contains("sha256:"));
}

#[test]
fn the_passphrase_can_be_changed_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    admin_dir(dir.path());
    let out = tebiki(dir.path()).args(["--json", "admin", "set-passphrase"]).env("TEBIKI_NEW_PASSPHRASE", "二つ目のパスフレーズです").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["changed"], true);
    assert!(!tebiki(dir.path()).args(["audit", "verify"]).output().unwrap().status.success(), "the old passphrase no longer opens it");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    stdout(tebiki(dir.path()).env("TEBIKI_PASSPHRASE", "二つ目のパスフレーズです").args(["audit", "verify"]));
}

#[test]
fn the_cli_waits_for_a_busy_database_and_then_says_so() {
    let dir = tempfile::tempdir().unwrap();
    admin_dir(dir.path());
    // The app (here: another connection) is in the middle of a write.
    let app = tebiki_store::Store::open_dir_with(dir.path(), Some(PASS)).unwrap();
    app.connection().execute_batch("BEGIN IMMEDIATE").unwrap();

    // Released after 2 s: the CLI waits for it and succeeds.
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(2));
        app.connection().execute_batch("COMMIT").unwrap();
        app
    });
    stdout(tebiki(dir.path()).args(["roster", "import"]).arg(roster_fixture()));
    let app = releaser.join().unwrap();

    // Held past the busy timeout (10 s): a clear message, not a raw SQLite error.
    app.connection().execute_batch("BEGIN IMMEDIATE").unwrap();
    let out = tebiki(dir.path())
        .args(["--lang", "ja-JP", "training", "record", "--pack", "kobe", "--course", "annual", "--date", "2025-06-01", "--staff", "1001"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("別の Tebiki が書き込み中"), "{err}");
    app.connection().execute_batch("COMMIT").unwrap();
}

/// `tebiki content draft INPUT --out DIR`: a pack that `content check` accepts,
/// every sentence of the input in it, roles quoted from the text.
#[test]
fn content_draft_writes_a_pack_that_content_check_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/draft/midorigaoka-policy.txt");
    let out = dir.path().join("drafts").join("midorigaoka");
    let printed =
        stdout(tebiki(dir.path()).args(["--lang", "ja-JP", "--json", "content", "draft"]).arg(&input).arg("--out").arg(&out).args(["--id", "midorigaoka"]));
    let v: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(v["report"]["counts"]["clauses"], 15, "{printed}");
    assert_eq!(v["report"]["counts"]["sentences"], v["report"]["counts"]["sentencesFound"]);
    let roles = std::fs::read_to_string(out.join("roles.toml")).unwrap();
    assert!(roles.contains("source = { quote = "), "{roles}");
    let checked = stdout(tebiki(dir.path()).args(["--json", "content", "check"]).arg(out.parent().unwrap()));
    let c: serde_json::Value = serde_json::from_str(&checked).unwrap();
    assert_eq!(c["ok"], true, "{checked}");
    // A second draft into the same folder would overwrite the person's work: refused.
    let again = tebiki(dir.path()).args(["content", "draft"]).arg(&input).arg("--out").arg(&out).output().unwrap();
    assert!(!again.status.success());
}
