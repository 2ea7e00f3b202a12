//! How the CLI speaks: a localised line for people, JSON with `--json`.

use crate::cli::Cli;
use crate::commands::Failure;
use serde::Serialize;
use std::io::Write;
use tebiki_i18n::{tr_args, Arg};

/// One line on standard output. A closed pipe (`tebiki … | head`) ends the
/// program quietly instead of panicking.
pub fn line(text: &str) {
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{text}").is_err() {
        std::process::exit(0);
    }
}

/// Prints a result: `human` normally, `value` as JSON with `--json`.
pub fn result<T: Serialize>(cli: &Cli, human: &str, value: &T) {
    if cli.json {
        line(&serde_json::to_string_pretty(value).expect("results serialise"));
    } else {
        line(human);
    }
}

/// One line on standard error (and a JSON object on standard output with `--json`).
pub fn error(cli: &Cli, failure: &Failure) {
    if failure.message.is_empty() {
        return; // the command already reported what went wrong
    }
    let text = tr_args(failure.lang, "cli-error", &[("message", Arg::from(failure.message.as_str()))]);
    eprintln!("{}", text.replace('\n', " "));
    if cli.json {
        line(&serde_json::json!({ "error": failure.message }).to_string());
    }
}
