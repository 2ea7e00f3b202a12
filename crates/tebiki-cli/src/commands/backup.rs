//! `tebiki backup FILE` and `tebiki restore FILE`.

use super::{absolute, Context, Failure};
use crate::{cli::Cli, output};
use serde::Serialize;
use std::path::Path;
use tebiki_i18n::tr_args;
use tebiki_service::audit;

#[derive(Serialize)]
struct BackupDone {
    backup: String,
}

#[derive(Serialize)]
struct RestoreDone {
    restored_from: String,
    previous_data_saved_to: String,
}

pub fn backup(cli: &Cli, ctx: &Context, file: &Path) -> Result<(), Failure> {
    let file = absolute(file);
    audit::backup(&mut ctx.admin()?, &file).map_err(|e| ctx.fail(e))?;
    let path = file.display().to_string();
    let human = tr_args(ctx.lang, "cli-backup-done", &[("path", path.clone().into())]);
    output::result(cli, &human, &BackupDone { backup: path });
    Ok(())
}

pub fn restore(cli: &Cli, ctx: &Context, file: &Path) -> Result<(), Failure> {
    let file = absolute(file);
    // An encrypted backup made under an earlier passphrase opens with that one.
    let backup_passphrase = std::env::var("TEBIKI_BACKUP_PASSPHRASE").ok().filter(|p| !p.is_empty());
    let passphrase = backup_passphrase.or_else(|| std::env::var(super::admin::PASSPHRASE_ENV).ok());
    let saved = audit::restore(&mut ctx.admin()?, &file, passphrase.as_deref()).map_err(|e| ctx.fail(e))?;
    let path = file.display().to_string();
    let human = tr_args(ctx.lang, "cli-restore-done", &[("path", path.clone().into())]);
    output::result(cli, &human, &RestoreDone { restored_from: path, previous_data_saved_to: saved.display().to_string() });
    Ok(())
}
