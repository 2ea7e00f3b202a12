use super::{fail, Context, Failure};
use crate::{cli::Cli, output};
use serde::Serialize;
use tebiki_i18n::tr_args;

#[derive(Serialize)]
struct VersionInfo {
    version: &'static str,
    data_dir: String,
    database: String,
    /// None while the database is encrypted (reading it needs the passphrase).
    schema_version: Option<usize>,
    encrypted: bool,
}

pub fn run(cli: &Cli, ctx: &Context) -> Result<(), Failure> {
    let database = ctx.session.database_path();
    let encrypted = tebiki_store::is_encrypted(&database);
    let schema_version =
        if encrypted { None } else { Some(tebiki_store::Store::open(&database).and_then(|s| s.schema_version()).map_err(|e| fail(ctx.lang, &e))?) };
    let info = VersionInfo {
        version: tebiki_core::VERSION,
        data_dir: ctx.data_dir().display().to_string(),
        database: database.display().to_string(),
        schema_version,
        encrypted,
    };
    let human = tr_args(ctx.lang, "cli-version", &[("version", info.version.into()), ("dir", info.data_dir.clone().into())]);
    output::result(cli, &human, &info);
    Ok(())
}
