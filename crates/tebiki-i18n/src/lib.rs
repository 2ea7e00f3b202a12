//! Localised text for Rust code (CLI messages, window title, reports).
//!
//! The `.ftl` files under `locales/` are the one source of UI and report text;
//! the web UI imports the very same files. Bidi isolation marks are off: our
//! text is Japanese or English, and the marks would end up in PDFs and logs.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use std::borrow::Cow;
use std::collections::HashMap;
use tebiki_core::message::Message;
use tebiki_core::settings::Language;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "ja-JP",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

fn langid(lang: Language) -> LanguageIdentifier {
    lang.as_str().parse().expect("Language values are valid BCP 47 tags")
}

/// The text of `key` in `lang`. A missing key yields the key itself (the locale
/// test makes sure no key used in code is missing).
pub fn tr(lang: Language, key: &str) -> String {
    LOCALES.try_lookup(&langid(lang), key).unwrap_or_else(|| key.to_owned())
}

/// The text of `key` with Fluent arguments (`{ $name }` placeholders).
pub fn tr_args(lang: Language, key: &str, args: &[(&str, Arg)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args.iter().map(|(k, v)| (Cow::Owned((*k).to_owned()), v.to_fluent())).collect();
    LOCALES.try_lookup_with_args(&langid(lang), key, &map).unwrap_or_else(|| key.to_owned())
}

/// A message that library code returned as data (key and arguments).
pub fn tr_message(lang: Language, message: &Message) -> String {
    let args: Vec<(&str, Arg)> = message.args.iter().map(|(k, v)| (k.as_str(), message_arg(v))).collect();
    tr_args(lang, &message.key, &args)
}

/// A message argument: a whole number written plainly (`0`, `12`) is a
/// number, so that Fluent's number selectors (`[0]`, `[one]`) apply to it;
/// anything else, such as an 職員番号 with leading zeros, stays text.
fn message_arg(v: &str) -> Arg {
    let plain_number = !v.is_empty() && v.len() <= 15 && v.bytes().all(|b| b.is_ascii_digit()) && (v == "0" || !v.starts_with('0'));
    match v.parse::<i64>() {
        Ok(n) if plain_number => Arg::from(n),
        _ => Arg::from(v),
    }
}

/// An argument value for [`tr_args`].
#[derive(Debug, Clone)]
pub enum Arg {
    Str(String),
    Num(f64),
}

impl Arg {
    fn to_fluent(&self) -> FluentValue<'_> {
        match self {
            Arg::Str(s) => FluentValue::from(s.as_str()),
            Arg::Num(n) => FluentValue::from(*n),
        }
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n as f64)
    }
}

/// Why a policy pack was not imported, for the app and the CLI alike.
pub fn tr_import_error(lang: Language, e: &tebiki_core::pack::import::ImportError, path: &str) -> String {
    use tebiki_core::pack::import::ImportError;
    match e {
        ImportError::Unreadable(e) => tr_args(lang, "import-unreadable", &[("path", path.into()), ("detail", e.to_string().into())]),
        ImportError::Refused(i) | ImportError::NeedsConfirmation(i) => {
            let first = i.problems.iter().find(|p| p.is_error()).map(|p| tr_message(lang, &p.message)).unwrap_or_default();
            tr_args(lang, "import-refused", &[("detail", first.into())])
        }
        ImportError::Io(e) => tr_args(lang, "import-write-failed", &[("detail", e.to_string().into())]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_and_english_titles_differ() {
        assert_eq!(tr(Language::Japanese, "app-title"), "Tebiki 手引き — 情報セキュリティポリシー");
        assert_eq!(tr(Language::English, "app-title"), "Tebiki — information security policy");
    }

    #[test]
    fn arguments_are_substituted_without_isolation_marks() {
        let s = tr_args(Language::Japanese, "cli-backup-done", &[("path", "/tmp/a.db".into())]);
        assert!(s.contains("/tmp/a.db"), "{s}");
        assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'), "bidi marks in {s:?}");
    }

    #[test]
    fn a_message_argument_written_as_a_whole_number_selects_like_a_number() {
        use tebiki_core::message::Message;
        let entered = |n: &str| tr_message(Language::English, &Message::new("audit-mode-entered").arg("failed_before", n));
        assert_eq!(entered("0"), "Entered administrator mode");
        assert!(entered("2").contains("after 2 wrong"), "{}", entered("2"));
        let missing = tr_message(Language::English, &Message::new("error-file-missing").arg("path", "0012"));
        assert!(missing.contains("0012"), "{missing}");
    }

    #[test]
    fn missing_key_falls_back_to_the_key() {
        assert_eq!(tr(Language::English, "no-such-key"), "no-such-key");
    }
}
