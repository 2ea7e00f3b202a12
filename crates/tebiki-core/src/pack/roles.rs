//! The roles a policy defines (`roles.toml` in a pack) and their mapping to
//! Tebiki's generic roles, so that a roster saying 「課長」 or 「統括責任者」
//! finds the pack's own role (神戸市: 情報管理者 / 情報セキュリティ統括責任者).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The roles every policy modelled on the 総務省 guideline has, under
/// whatever name the policy gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum GenericRole {
    /// 最高情報セキュリティ責任者
    Ciso,
    /// 統括責任者
    Supervisor,
    /// 管理者（所属の長）
    Manager,
    /// システム管理者
    Sysadmin,
    /// 職員等
    Staff,
    Other,
}

impl GenericRole {
    /// The label a roster may use for the generic role.
    pub fn labels(self) -> &'static [&'static str] {
        match self {
            GenericRole::Ciso => &["CISO", "最高情報セキュリティ責任者"],
            GenericRole::Supervisor => &["統括責任者"],
            GenericRole::Manager => &["管理者"],
            GenericRole::Sysadmin => &["システム管理者"],
            GenericRole::Staff => &["職員等"],
            GenericRole::Other => &[],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct Role {
    pub id: String,
    /// The policy's own name, e.g. 情報管理者.
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    pub generic: GenericRole,
    /// Other spellings a roster may use (課長, CISO …).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The clause that defines the role.
    pub clause: String,
    /// Where the role comes from: words of a clause, or the organisation's
    /// own setting (FORMAT.md, 「出典」). Required by `tebiki content check`.
    #[serde(default)]
    pub source: Option<Source>,
}

/// The provenance of a role or of a course setting: either quoted from a
/// clause (`quote`, in `clause` or the role's / course's own clause), or an
/// organisation setting the text does not state (`setting`: what and why).
/// The screens show a setting as 「本文に規定なし（団体の設定）」.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setting: Option<String>,
}

impl Source {
    /// The organisation's setting, not the policy's words.
    pub fn is_setting(&self) -> bool {
        self.setting.is_some()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleFile {
    #[serde(default)]
    pub role: Vec<Role>,
}

fn squash(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfkc().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase()
}

/// The pack role a roster label means: its id, its name, an alias, or a
/// generic label (the first role with that generic role). None if unknown.
pub fn resolve<'a>(roles: &'a [Role], label: &str) -> Option<&'a Role> {
    let l = squash(label);
    if l.is_empty() {
        return None;
    }
    roles
        .iter()
        .find(|r| squash(&r.id) == l || squash(&r.name) == l || r.aliases.iter().any(|a| squash(a) == l))
        .or_else(|| roles.iter().find(|r| r.generic.labels().iter().any(|g| squash(g) == l)))
}

/// A person's roster roles as the pack's role names (unknown labels kept
/// as written, so nothing a trainer typed is lost).
pub fn canonical_names(roles: &[Role], labels: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for label in labels {
        let name = resolve(roles, label).map(|r| r.name.clone()).unwrap_or_else(|| label.clone());
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kobe() -> Vec<Role> {
        let text = include_str!("../../../../content/packs/kobe/roles.toml");
        toml::from_str::<RoleFile>(text).unwrap().role
    }

    #[test]
    fn roster_labels_find_the_packs_roles() {
        let roles = kobe();
        let name = |l: &str| resolve(&roles, l).map(|r| r.name.as_str());
        assert_eq!(name("情報管理者"), Some("情報管理者"));
        assert_eq!(name("課長"), Some("情報管理者"));
        assert_eq!(name("管理者"), Some("情報管理者"));
        assert_eq!(name("統括責任者"), Some("情報セキュリティ統括責任者"));
        assert_eq!(name("ＣＩＳＯ"), Some("情報セキュリティ最高責任者"));
        assert_eq!(name("システム管理者"), Some("情報基盤管理者"));
        assert_eq!(name("info-manager"), Some("情報管理者"));
        assert_eq!(name("係長"), None);
        assert_eq!(canonical_names(&roles, &["課長".into(), "情報管理者".into(), "係長".into()]), ["情報管理者", "係長"]);
    }
}
