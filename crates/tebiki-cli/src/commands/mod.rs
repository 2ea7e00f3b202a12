mod admin;
mod audit;
mod backup;
mod bench_elearning;
mod bench_report;
mod bench_search;
mod content;
mod content_draft;
mod demo;
mod report;
mod roster;
mod search;
mod selfcheck;
mod selfcheck_collect;
mod selfcheck_held;
mod training;
mod training_results;
mod version;

use crate::cli::{
    AdminCommand, AuditCommand, BenchCommand, Cli, Command, ContentCommand, HeldCommand, ReportCommand, ResultsCommand, RosterCommand, SelfcheckCommand,
    TrainingCommand,
};
use std::path::{Path, PathBuf};
use tebiki_core::settings::Language;
use tebiki_service::{Admin, Front, ServiceError, Session};
use tebiki_store::default_data_dir;

/// A failed command: the message is already in the user's language.
pub struct Failure {
    pub lang: Language,
    pub message: String,
}

/// What every command gets: the session on the data folder (settings, packs,
/// and — once the passphrase is given — the organisation's data).
pub struct Context {
    pub session: Session,
    pub lang: Language,
}

impl Context {
    /// 管理者 capability for a command on the organisation's data: the
    /// passphrase is asked for (or read from TEBIKI_PASSPHRASE) the first
    /// time a command needs it. Which actions need it is the service's rule.
    pub fn admin(&self) -> Result<Admin<'_>, Failure> {
        if let Ok(admin) = self.session.admin() {
            return Ok(admin);
        }
        admin::enter(self)?;
        self.session.admin().map_err(|e| self.fail(e))
    }

    pub fn fail(&self, e: ServiceError) -> Failure {
        Failure { lang: self.lang, message: e.message }
    }

    pub fn data_dir(&self) -> &Path {
        self.session.data_dir()
    }
}

/// A path typed on the command line, taken from the working folder when
/// relative (the service takes absolute paths only).
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

pub fn run(cli: &Cli) -> Result<(), Failure> {
    let data_dir = cli.data_dir.clone().unwrap_or_else(default_data_dir);
    let session = Session::open(&data_dir, Front::Cli, cli.lang).map_err(|e| Failure { lang: cli.lang.unwrap_or_default(), message: e.message })?;
    let lang = session.lang();
    let ctx = Context { session, lang };
    match &cli.command {
        Command::Version => version::run(cli, &ctx),
        Command::Backup { file } => backup::backup(cli, &ctx, file),
        Command::Restore { file } => backup::restore(cli, &ctx, file),
        Command::Content(ContentCommand::Check { dir }) => content::check(cli, &ctx, dir.as_deref()),
        Command::Content(ContentCommand::Import { path, yes }) => content::import(cli, &ctx, path, *yes),
        Command::Content(ContentCommand::Draft { input, out, id, title, org }) => {
            content_draft::run(cli, &ctx, input, out, content_draft::Names { id, title, org })
        }
        Command::Admin(AdminCommand::SetPassphrase) => admin::set_passphrase(cli, &ctx),
        Command::Audit(AuditCommand::Verify) => audit::verify(cli, &ctx),
        Command::Audit(AuditCommand::List { limit }) => audit::list(cli, &ctx, *limit),
        Command::Audit(AuditCommand::Export { out, utf8 }) => audit::export(cli, &ctx, out, !*utf8),
        Command::Search { query, pack, limit } => search::run(cli, &ctx, query, pack.as_deref(), *limit),
        Command::Roster(RosterCommand::Import { file, dry_run, partial, strict, yes }) => {
            roster::import(cli, &ctx, file, roster::ImportFlags { dry_run: *dry_run, full: !*partial, strict: *strict, yes: *yes })
        }
        Command::Training(TrainingCommand::Record { course, date, method, trainer, place, dept, staff, attendance, pack }) => {
            training::record(cli, &ctx, training::RecordArgs { course, date, method, trainer, place, dept, staff, attendance, pack })
        }
        Command::Training(TrainingCommand::Status { year, pack }) => training::status(cli, &ctx, *year, pack.as_deref()),
        Command::Training(TrainingCommand::Results(ResultsCommand::Import { paths })) => training_results::import(cli, &ctx, paths),
        Command::Training(TrainingCommand::Results(ResultsCommand::Export { year, out })) => training_results::export(cli, &ctx, *year, out),
        Command::Training(TrainingCommand::Results(ResultsCommand::Summary { year, course })) => training_results::summary(cli, &ctx, *year, course.as_deref()),
        Command::Selfcheck(SelfcheckCommand::Coverage { pack }) => selfcheck::coverage_cmd(cli, &ctx, pack.as_deref()),
        Command::Selfcheck(SelfcheckCommand::Draft { pack, role, out }) => selfcheck::draft(cli, &ctx, pack, role.as_deref(), out.as_deref()),
        Command::Selfcheck(SelfcheckCommand::Export { year, out }) => selfcheck_collect::export(cli, &ctx, *year, out),
        Command::Selfcheck(SelfcheckCommand::Import { paths }) => selfcheck_collect::import(cli, &ctx, paths),
        Command::Selfcheck(SelfcheckCommand::Held(HeldCommand::List)) => selfcheck_held::list(cli, &ctx),
        Command::Selfcheck(SelfcheckCommand::Held(HeldCommand::Accept { id })) => selfcheck_held::accept(cli, &ctx, *id),
        Command::Selfcheck(SelfcheckCommand::Held(HeldCommand::Reject { id })) => selfcheck_held::reject(cli, &ctx, *id),
        Command::Selfcheck(SelfcheckCommand::Summary { year, pack, remedies_csv, utf8 }) => selfcheck_collect::summary(
            cli,
            &ctx,
            selfcheck_collect::SummaryArgs { year: *year, pack: pack.as_deref(), remedies_csv: remedies_csv.as_deref(), utf8: *utf8 },
        ),
        Command::Demo { staff, depts, pack } => demo::run(cli, &ctx, *staff, *depts, pack),
        Command::Report(ReportCommand::Selfcheck { year, detail, report: args }) => report::selfcheck(cli, &ctx, *year, *detail, args),
        Command::Report(ReportCommand::Department { year, all, report: args }) => report::department(cli, &ctx, *year, *all, args),
        Command::Report(ReportCommand::Form { year, role, staff, report: args }) => report::form(cli, &ctx, *year, role, staff.as_deref(), args),
        Command::Report(ReportCommand::Training { year, report: args }) => report::training(cli, &ctx, *year, args),
        Command::Report(ReportCommand::Certificate { year, staff, session, report: args }) => {
            report::certificate(cli, &ctx, *year, staff.as_deref(), *session, args)
        }
        Command::Bench(BenchCommand::Roster { rows }) => demo::bench_roster(&ctx, *rows),
        Command::Bench(BenchCommand::Elearning { files, staff, runs }) => bench_elearning::run(&ctx, *files, *staff, *runs),
        Command::Bench(BenchCommand::Selfcheck { staff, submissions, runs, pack }) => selfcheck_collect::bench(&ctx, *staff, *submissions, *runs, pack),
        Command::Bench(BenchCommand::Search { corpus_mb, runs }) => bench_search::run(&ctx, *corpus_mb, *runs),
        Command::Bench(BenchCommand::Report { staff, depts, submissions, runs, keep }) => {
            bench_report::run(&ctx, bench_report::BenchArgs { staff: *staff, depts: *depts, submissions: *submissions, runs: *runs, keep: keep.as_deref() })
        }
    }
}

pub fn fail(lang: Language, e: &tebiki_store::StoreError) -> Failure {
    Failure { lang, message: tebiki_i18n::tr_message(lang, &e.message()) }
}
