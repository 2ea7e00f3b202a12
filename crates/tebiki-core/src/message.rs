//! A user-facing message as data: a Fluent key and its arguments. Library
//! code returns these; the front end (CLI, app) renders them in the user's
//! language through tebiki-i18n, so UI text stays in the .ftl files.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Message {
    pub key: String,
    pub args: Vec<(String, String)>,
}

impl Message {
    pub fn new(key: &str) -> Self {
        Message { key: key.to_owned(), args: Vec::new() }
    }

    pub fn arg(mut self, name: &str, value: impl ToString) -> Self {
        self.args.push((name.to_owned(), value.to_string()));
        self
    }
}
