//! The 管理者 passphrase on the command line: asked at a prompt without
//! echo, or read from the environment for scripts; `tebiki admin set-passphrase`.

use super::{Context, Failure};
use crate::{cli::Cli, output};
use serde::Serialize;
use std::io::IsTerminal;
use tebiki_core::settings::Language;
use tebiki_i18n::tr;
use tebiki_store::is_encrypted;

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

/// Enters 管理者 for this command with the passphrase.
pub fn enter(ctx: &Context) -> Result<(), Failure> {
    if !is_encrypted(&ctx.session.database_path()) {
        // Refused before asking: the service says why (no passphrase set yet).
        return ctx.session.enter_admin("").map(drop).map_err(|e| ctx.fail(e));
    }
    let passphrase = ask(ctx.lang, PASSPHRASE_ENV, "cli-passphrase-prompt")?;
    ctx.session.enter_admin(&passphrase).map(drop).map_err(|e| ctx.fail(e))
}

#[derive(Serialize)]
struct PassphraseSet {
    encrypted: bool,
    changed: bool,
}

pub fn set_passphrase(cli: &Cli, ctx: &Context) -> Result<(), Failure> {
    let lang = ctx.lang;
    let changing = is_encrypted(&ctx.session.database_path());
    let current = match changing {
        true => Some(ask(lang, PASSPHRASE_ENV, "cli-passphrase-current")?),
        false => None,
    };
    let new = match env_value(NEW_PASSPHRASE_ENV) {
        Some(p) => p,
        None => {
            let first = ask(lang, NEW_PASSPHRASE_ENV, "cli-passphrase-new")?;
            tebiki_store::check_strength(&first).map_err(|e| super::fail(lang, &e))?;
            let again = ask(lang, NEW_PASSPHRASE_ENV, "cli-passphrase-again")?;
            if first != again {
                return Err(Failure { lang, message: tr(lang, "cli-passphrase-mismatch") });
            }
            first
        }
    };
    ctx.session.set_passphrase(&new, current.as_deref()).map_err(|e| ctx.fail(e))?;
    let human = tr(lang, if changing { "cli-passphrase-changed" } else { "cli-passphrase-set" });
    output::result(cli, &human, &PassphraseSet { encrypted: true, changed: changing });
    Ok(())
}
