//! What the CLI's test files share: the `tebiki` binary on a data folder
//! with the test passphrase.

use assert_cmd::Command;
use std::path::Path;

/// The 管理者 passphrase every test data folder gets.
pub const PASS: &str = "テスト用の管理者パスフレーズ";

pub fn tebiki(data: &Path) -> Command {
    let mut c = Command::cargo_bin("tebiki").unwrap();
    c.arg("--data-dir").arg(data).env_remove("TEBIKI_DATA_DIR").env("TEBIKI_PASSPHRASE", PASS).env_remove("TEBIKI_NEW_PASSPHRASE");
    c
}

/// A data folder with the passphrase set (commands on the organisation's data need it).
pub fn admin_dir(data: &Path) {
    let out = Command::cargo_bin("tebiki")
        .unwrap()
        .arg("--data-dir")
        .arg(data)
        .args(["admin", "set-passphrase"])
        .env("TEBIKI_NEW_PASSPHRASE", PASS)
        .env_remove("TEBIKI_PASSPHRASE")
        .output()
        .unwrap();
    assert!(out.status.success(), "set-passphrase: {}", String::from_utf8_lossy(&out.stderr));
}
