use crate::message::Message;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One thing wrong with a pack, with the file and line where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Problem {
    pub severity: Severity,
    /// Path inside the pack (`taisaku.md`), or the pack folder itself.
    pub file: String,
    pub line: Option<usize>,
    pub message: Message,
}

impl Problem {
    pub fn error(file: &str, line: usize, message: Message) -> Self {
        Problem { severity: Severity::Error, file: file.to_owned(), line: Some(line), message }
    }

    pub fn file_error(file: &str, message: Message) -> Self {
        Problem { severity: Severity::Error, file: file.to_owned(), line: None, message }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
