use super::{fail, Context, Failure};
use crate::{cli::Cli, output};
use serde::Serialize;
use tebiki_i18n::tr_args;

#[derive(Serialize)]
struct VersionInfo {
    version: &'static str,
    data_dir: String,
    database: String,
    schema_version: usize,
}

pub fn run(cli: &Cli, ctx: &Context) -> Result<(), Failure> {
    let info = VersionInfo {
        version: tebiki_core::VERSION,
        data_dir: ctx.data_dir.display().to_string(),
        database: ctx.store.path().display().to_string(),
        schema_version: ctx.store.schema_version().map_err(|e| fail(ctx.lang, &e))?,
    };
    let human = tr_args(ctx.lang, "cli-version", &[("version", info.version.into()), ("dir", info.data_dir.clone().into())]);
    output::result(cli, &human, &info);
    Ok(())
}
