//! How the CLI speaks: a localised line for people, JSON with `--json`.

use crate::cli::Cli;
use crate::commands::Failure;
use serde::Serialize;
use tebiki_i18n::{tr_args, Arg};

/// Prints a result: `human` normally, `value` as JSON with `--json`.
pub fn result<T: Serialize>(cli: &Cli, human: &str, value: &T) {
    if cli.json {
        println!("{}", serde_json::to_string_pretty(value).expect("results serialise"));
    } else {
        println!("{human}");
    }
}

/// One line on standard error (and a JSON object on standard output with `--json`).
pub fn error(cli: &Cli, failure: &Failure) {
    let line = tr_args(failure.lang, "cli-error", &[("message", Arg::from(failure.message.as_str()))]);
    eprintln!("{}", line.replace('\n', " "));
    if cli.json {
        println!("{}", serde_json::json!({ "error": failure.message }));
    }
}
