//! User preferences shared by the desktop app and the CLI.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown value {value:?} for setting {key:?}")]
pub struct InvalidSetting {
    pub key: &'static str,
    pub value: String,
}

/// Generates the string form shared by storage, IPC and the CLI, so each enum
/// has exactly one spelling for each value.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident, $key:literal, { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
        #[ts(export)]
        pub enum $name { $(#[serde(rename = $text)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }
        impl FromStr for $name {
            type Err = InvalidSetting;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(InvalidSetting { key: $key, value: s.to_owned() }),
                }
            }
        }
    };
}

string_enum!(
    /// UI and report language. Japanese first.
    Language, "language", { Japanese => "ja-JP", English => "en-US" }
);
string_enum!(
    /// Colour theme; `System` follows the OS preference.
    Theme, "theme", { System => "system", Light => "light", Dark => "dark" }
);
string_enum!(
    /// Base text size of the UI.
    TextSize, "text_size", { Standard => "standard", Large => "large", XLarge => "x-large" }
);

// The enums come from string_enum!, which cannot carry #[default].
#[allow(clippy::derivable_impls)]
impl Default for Language {
    fn default() -> Self {
        Language::Japanese
    }
}
#[allow(clippy::derivable_impls)]
impl Default for Theme {
    fn default() -> Self {
        Theme::System
    }
}
#[allow(clippy::derivable_impls)]
impl Default for TextSize {
    fn default() -> Self {
        TextSize::Standard
    }
}

/// All user preferences. Missing values take their defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub language: Language,
    pub theme: Theme,
    pub text_size: TextSize,
    /// The policy pack of the user's organisation (chosen on first run).
    pub pack: Option<String>,
    /// The 決裁欄 boxes of the reports, left to right, separated by commas
    /// (「CISO,統括責任者,課長,担当」); empty: the default of report.ftl.
    #[serde(default)]
    pub approvers: String,
}

impl Settings {
    /// Applies one stored key/value pair. Unknown keys are ignored so that a
    /// newer database opened by an older build keeps working.
    pub fn apply(&mut self, key: &str, value: &str) -> Result<(), InvalidSetting> {
        match key {
            "language" => self.language = value.parse()?,
            "theme" => self.theme = value.parse()?,
            "text_size" => self.text_size = value.parse()?,
            "pack" => self.pack = Some(value.to_owned()).filter(|v| !v.is_empty()),
            "approvers" => self.approvers = value.to_owned(),
            _ => {}
        }
        Ok(())
    }

    /// The key/value pairs to store.
    pub fn entries(&self) -> [(&'static str, &str); 5] {
        [
            ("language", self.language.as_str()),
            ("theme", self.theme.as_str()),
            ("text_size", self.text_size.as_str()),
            ("pack", self.pack.as_deref().unwrap_or("")),
            ("approvers", self.approvers.as_str()),
        ]
    }

    /// The 決裁欄 boxes chosen, if any.
    pub fn approver_list(&self) -> Option<Vec<String>> {
        let list: Vec<String> = self.approvers.split([',', '、', '，']).map(|a| a.trim().to_owned()).filter(|a| !a.is_empty()).collect();
        (!list.is_empty()).then_some(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_japanese_system_standard() {
        let s = Settings::default();
        assert_eq!(s.language, Language::Japanese);
        assert_eq!(s.theme, Theme::System);
        assert_eq!(s.text_size, TextSize::Standard);
    }

    #[test]
    fn entries_round_trip_through_apply() {
        let s = Settings {
            language: Language::English,
            theme: Theme::Dark,
            text_size: TextSize::XLarge,
            pack: Some("kobe".into()),
            approvers: "CISO,統括責任者,課長,担当".into(),
        };
        assert_eq!(s.approver_list().unwrap(), ["CISO", "統括責任者", "課長", "担当"]);
        assert_eq!(Settings::default().approver_list(), None);
        let mut back = Settings::default();
        for (k, v) in s.entries() {
            back.apply(k, v).unwrap();
        }
        assert_eq!(back, s);
    }

    #[test]
    fn bad_value_is_an_error_and_unknown_key_is_ignored() {
        let mut s = Settings::default();
        assert_eq!(s.apply("language", "fr-FR"), Err(InvalidSetting { key: "language", value: "fr-FR".into() }));
        assert!(s.apply("future_key", "x").is_ok());
    }

    #[test]
    fn json_uses_the_storage_spelling() {
        let json = serde_json::to_string(&Settings::default()).unwrap();
        assert_eq!(json, r#"{"language":"ja-JP","theme":"system","textSize":"standard","pack":null,"approvers":""}"#);
    }
}
