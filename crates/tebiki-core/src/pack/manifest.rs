//! `pack.toml`: see content/FORMAT.md.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const FORMAT_VERSION: u32 = 1;

pub const ORGANIZATION_KINDS: &[&str] = &["市", "町", "村", "区", "県", "都", "道", "府", "一部事務組合", "広域連合"];
pub const DOCUMENT_KINDS: &[&str] = &["基本方針", "対策基準", "実施手順", "その他"];
pub const HISTORY_EVENTS: &[&str] = &["策定", "制定", "改正", "一部改正", "全部改正", "施行", "告示", "改定"];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: u32,
    pub id: String,
    pub version: String,
    pub title: String,
    pub organization: Organization,
    #[serde(default)]
    pub source: Option<Source>,
    #[serde(default)]
    pub documents: Vec<DocumentEntry>,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// The wording of the 閲覧確認 (FORMAT.md, 教材と理解度テスト).
    #[serde(default)]
    pub acknowledgement: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub name: String,
    pub kind: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum BodyKind {
    /// The document's full text.
    Full,
    /// Only the outline is published; the body is 非公開.
    Outline,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentEntry {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub file: String,
    pub body: BodyKind,
}

#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    /// ISO 8601
    pub date: String,
    /// The 和暦 text as the source writes it.
    pub wareki: String,
    pub event: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// Pack and document ids: `[a-z][a-z0-9-]*`.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('a'..='z')) && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') && id.len() <= 64
}
