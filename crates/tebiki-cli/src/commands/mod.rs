mod admin;
mod audit;
mod backup;
mod bench_report;
mod bench_search;
mod content;
mod content_draft;
mod demo;
mod roster;
mod report;
mod search;
mod selfcheck;
mod selfcheck_collect;
mod training;
mod version;

use crate::cli::{AdminCommand, AuditCommand, BenchCommand, Cli, Command, ContentCommand, ReportCommand, RosterCommand, SelfcheckCommand, TrainingCommand};
use std::path::PathBuf;
use tebiki_core::settings::Language;
use tebiki_store::{default_data_dir, Desk, Store, StoreError};

/// A failed command: the message is already in the user's language.
pub struct Failure {
    pub lang: Language,
    pub message: String,
}

/// What every command gets: the desk (settings), the language to speak and,
/// for the commands that work on the organisation's data, the store opened
/// with the 管理者 passphrase.
pub struct Context {
    store: Option<Store>,
    pub desk: Desk,
    pub lang: Language,
    pub data_dir: PathBuf,
}

impl Context {
    /// The store; only commands for which `needs_store` is true call this.
    pub fn store(&self) -> &Store {
        self.store.as_ref().expect("the store is opened for every command that needs_store")
    }

    pub fn store_mut(&mut self) -> &mut Store {
        self.store.as_mut().expect("the store is opened for every command that needs_store")
    }
}

/// The commands that read or change the organisation's data (the roster,
/// training records, submissions, reports, backups, the 操作記録): they need
/// the 管理者 passphrase. Reading and searching the policies does not.
fn needs_store(command: &Command) -> bool {
    match command {
        Command::Version | Command::Search { .. } | Command::Bench(_) | Command::Admin(_) => false,
        Command::Content(ContentCommand::Check { .. } | ContentCommand::Draft { .. }) => false,
        Command::Selfcheck(SelfcheckCommand::Coverage { .. } | SelfcheckCommand::Draft { .. }) => false,
        _ => true,
    }
}

pub fn run(cli: &Cli) -> Result<(), Failure> {
    let data_dir = cli.data_dir.clone().unwrap_or_else(default_data_dir);
    let fallback_lang = cli.lang.unwrap_or_default();
    let desk = Desk::open_dir(&data_dir).map_err(|e| fail(fallback_lang, &e))?;
    let lang = match cli.lang {
        Some(l) => l,
        None => desk.settings().map(|s| s.language).unwrap_or_default(),
    };
    let store = if needs_store(&cli.command) { Some(admin::open_store(&data_dir, &desk, lang)?) } else { None };
    let mut ctx = Context { store, desk, lang, data_dir };
    match &cli.command {
        Command::Version => version::run(cli, &ctx),
        Command::Backup { file } => backup::backup(cli, &ctx, file),
        Command::Restore { file } => backup::restore(cli, &mut ctx, file),
        Command::Content(ContentCommand::Check { dir }) => content::check(cli, &ctx, dir.as_deref()),
        Command::Content(ContentCommand::Import { path, yes }) => content::import(cli, &mut ctx, path, *yes),
        Command::Content(ContentCommand::Draft { input, out, id, title, org }) => {
            content_draft::run(cli, &ctx, input, out, content_draft::Names { id, title, org })
        }
        Command::Admin(AdminCommand::SetPassphrase) => admin::set_passphrase(cli, &ctx),
        Command::Audit(AuditCommand::Verify) => audit::verify(cli, &ctx),
        Command::Audit(AuditCommand::List { limit }) => audit::list(cli, &ctx, *limit),
        Command::Audit(AuditCommand::Export { out, utf8 }) => audit::export(cli, &ctx, out, !*utf8),
        Command::Search { query, pack, limit } => search::run(cli, &ctx, query, pack.as_deref(), *limit),
        Command::Roster(RosterCommand::Import { file, dry_run, partial, strict }) => roster::import(cli, &mut ctx, file, *dry_run, !*partial, *strict),
        Command::Training(TrainingCommand::Record { course, date, method, trainer, place, dept, staff, attendance, pack }) => {
            training::record(cli, &mut ctx, training::RecordArgs { course, date, method, trainer, place, dept, staff, attendance, pack })
        }
        Command::Training(TrainingCommand::Status { year, pack }) => training::status(cli, &ctx, *year, pack.as_deref()),
        Command::Selfcheck(SelfcheckCommand::Coverage { pack }) => selfcheck::coverage_cmd(cli, &ctx, pack.as_deref()),
        Command::Selfcheck(SelfcheckCommand::Draft { pack, role, out }) => selfcheck::draft(cli, &ctx, pack, role.as_deref(), out.as_deref()),
        Command::Selfcheck(SelfcheckCommand::Export { year, out }) => selfcheck_collect::export(cli, &ctx, *year, out),
        Command::Selfcheck(SelfcheckCommand::Import { paths }) => selfcheck_collect::import(cli, &mut ctx, paths),
        Command::Selfcheck(SelfcheckCommand::Summary { year, pack, remedies_csv, utf8 }) => selfcheck_collect::summary(
            cli,
            &ctx,
            selfcheck_collect::SummaryArgs { year: *year, pack: pack.as_deref(), remedies_csv: remedies_csv.as_deref(), utf8: *utf8 },
        ),
        Command::Demo { staff, depts, pack } => demo::run(cli, &mut ctx, *staff, *depts, pack),
        Command::Report(ReportCommand::Selfcheck { year, report: args }) => report::selfcheck(cli, &ctx, *year, args),
        Command::Report(ReportCommand::Training { year, report: args }) => report::training(cli, &ctx, *year, args),
        Command::Report(ReportCommand::Certificate { year, staff, session, report: args }) => {
            report::certificate(cli, &ctx, *year, staff.as_deref(), *session, args)
        }
        Command::Bench(BenchCommand::Roster { rows }) => demo::bench_roster(&ctx, *rows),
        Command::Bench(BenchCommand::Selfcheck { staff, submissions, runs, pack }) => selfcheck_collect::bench(&ctx, *staff, *submissions, *runs, pack),
        Command::Bench(BenchCommand::Search { corpus_mb, runs }) => bench_search::run(&ctx, *corpus_mb, *runs),
        Command::Bench(BenchCommand::Report { staff, depts, submissions, runs, keep }) => {
            bench_report::run(&ctx, bench_report::BenchArgs { staff: *staff, depts: *depts, submissions: *submissions, runs: *runs, keep: keep.as_deref() })
        }
    }
}

pub fn fail(lang: Language, e: &StoreError) -> Failure {
    Failure { lang, message: e.localized(lang) }
}
