//! The 管理者 passphrase on the command line: `tebiki admin set-passphrase`,
//! and opening the store for the commands that need it.

use super::{fail, Context, Failure};
use crate::{cli::Cli, output};
use serde::Serialize;
use std::io::IsTerminal;
use std::path::Path;
use tebiki_core::settings::Language;
use tebiki_i18n::tr;
use tebiki_store::{is_encrypted, Action, Actor, Desk, Store, StoreError, DATABASE_FILE};

/// The passphrase of scripts (never echoed, never stored).
pub const PASSPHRASE_ENV: &str = "TEBIKI_PASSPHRASE";
/// The new passphrase for `tebiki admin set-passphrase` in scripts.
pub const NEW_PASSPHRASE_ENV: &str = "TEBIKI_NEW_PASSPHRASE";

fn env_value(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// From the environment variable, else asked at the terminal without echo.
fn ask(lang: Language, env: &str, prompt_key: &str) -> Result<String, Failure> {
    if let Some(p) = env_value(env) {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure { lang, message: tr(lang, "cli-passphrase-needed") });
    }
    rpassword::prompt_password(tr(lang, prompt_key)).map_err(|e| Failure { lang, message: e.to_string() })
}

/// Opens the store for a command that works on the organisation's data: the
/// passphrase must be set, and is asked for (or read from TEBIKI_PASSPHRASE).
pub fn open_store(data_dir: &Path, desk: &Desk, lang: Language) -> Result<Store, Failure> {
    if !is_encrypted(&data_dir.join(DATABASE_FILE)) {
        return Err(fail(lang, &StoreError::NoPassphrase));
    }
    let passphrase = ask(lang, PASSPHRASE_ENV, "cli-passphrase-prompt")?;
    let unlocked = tebiki_store::unlock(data_dir, desk, &passphrase).map_err(|e| fail(lang, &e))?;
    let mut store = unlocked.store;
    store.set_actor(Actor::Cli);
    if unlocked.failed_before > 0 {
        // Wrong passphrases are only visible in the 操作記録 once someone gets in.
        store.audit(Action::ModeEntered, serde_json::json!({ "failed_before": unlocked.failed_before })).map_err(|e| fail(lang, &e))?;
    }
    Ok(store)
}

#[derive(Serialize)]
struct PassphraseSet {
    encrypted: bool,
    changed: bool,
}

pub fn set_passphrase(cli: &Cli, ctx: &Context) -> Result<(), Failure> {
    let lang = ctx.lang;
    let changing = is_encrypted(&ctx.data_dir.join(DATABASE_FILE));
    let mut store = if changing {
        let current = ask(lang, PASSPHRASE_ENV, "cli-passphrase-current")?;
        tebiki_store::unlock(&ctx.data_dir, &ctx.desk, &current).map_err(|e| fail(lang, &e))?.store
    } else {
        Store::open_dir(&ctx.data_dir).map_err(|e| fail(lang, &e))?
    };
    store.set_actor(Actor::Cli);
    let new = match env_value(NEW_PASSPHRASE_ENV) {
        Some(p) => p,
        None => {
            let first = ask(lang, NEW_PASSPHRASE_ENV, "cli-passphrase-new")?;
            tebiki_store::check_strength(&first).map_err(|e| fail(lang, &e))?;
            let again = ask(lang, NEW_PASSPHRASE_ENV, "cli-passphrase-again")?;
            if first != again {
                return Err(Failure { lang, message: tr(lang, "cli-passphrase-mismatch") });
            }
            first
        }
    };
    store.set_passphrase(&new).map_err(|e| fail(lang, &e))?;
    let human = tr(lang, if changing { "cli-passphrase-changed" } else { "cli-passphrase-set" });
    output::result(cli, &human, &PassphraseSet { encrypted: true, changed: changing });
    Ok(())
}
