//! The command line: `tebiki [--data-dir DIR] [--json] [--lang LANG] <command>`.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use tebiki_core::settings::Language;

#[derive(Debug, Parser)]
#[command(name = "tebiki", version, about = "Tebiki 手引き — information security policy handbook, self-inspection, training and reports")]
pub struct Cli {
    /// Data folder holding tebiki.db (default: $TEBIKI_DATA_DIR, else the OS app-data folder; the desktop app uses the same)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Print results as JSON on standard output
    #[arg(long, global = true)]
    pub json: bool,

    /// Language of messages (default: the language chosen in the app's 設定)
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_language)]
    pub lang: Option<Language>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the version, data folder and database schema version
    Version,
    /// Write a consistent copy of the database to FILE
    Backup {
        /// Where to write the backup
        file: PathBuf,
    },
    /// Replace the database with a backup, after checking that it is an intact Tebiki database
    /// (an encrypted backup opens with the passphrase it was made under: TEBIKI_BACKUP_PASSPHRASE,
    /// else the current one)
    Restore {
        /// The backup to restore
        file: PathBuf,
    },
    /// The 管理者 passphrase. Commands that read or change the roster, training records,
    /// submissions, reports or backups need it: typed at a prompt, or from the
    /// environment variable TEBIKI_PASSPHRASE for scripts
    #[command(subcommand)]
    Admin(AdminCommand),
    /// The 操作記録 (audit trail): every administrative change, hash-chained
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Policy packs
    #[command(subcommand)]
    Content(ContentCommand),
    /// Search the policies (bundled and imported packs)
    Search {
        /// Words to find (all must occur), "an exact phrase", or a clause number (7.2.2, 第62)
        query: String,
        /// Only this pack (e.g. kobe)
        #[arg(long, value_name = "ID")]
        pack: Option<String>,
        /// At most this many results
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// The staff roster (職員名簿)
    #[command(subcommand)]
    Roster(RosterCommand),
    /// Training records (研修)
    #[command(subcommand)]
    Training(TrainingCommand),
    /// 自己点検 (self-inspection)
    #[command(subcommand)]
    Selfcheck(SelfcheckCommand),
    /// Fill an empty data folder with a synthetic organisation (所属, staff,
    /// three 年度 of training sessions) for trying the app and for benchmarks
    Demo {
        /// Number of staff
        #[arg(long, default_value_t = 3000)]
        staff: usize,
        /// Number of 所属
        #[arg(long, default_value_t = 200)]
        depts: usize,
        /// The organisation's pack (its course catalogue is used)
        #[arg(long, default_value = "kobe")]
        pack: String,
    },
    /// PDF reports for the 情報セキュリティ統括責任者 (A4, Japanese or English
    /// with --lang): 自己点検結果報告書, 研修実施状況報告書, 修了証
    #[command(subcommand)]
    Report(ReportCommand),
    /// Measure performance and print the figures
    #[command(subcommand)]
    Bench(BenchCommand),
}

/// What every report takes.
#[derive(Debug, Clone, clap::Args)]
pub struct ReportArgs {
    /// Write the PDF to FILE
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Only this 所属 (code from the roster): a 課長's own report
    #[arg(long, value_name = "CODE")]
    pub dept: Option<String>,
    /// The 決裁欄 (approval stamp boxes), left to right, comma-separated
    /// (default: CISO,統括責任者,担当; en-US: CISO,Supervisor,Officer)
    #[arg(long, value_name = "LABELS", value_delimiter = ',')]
    pub approvers: Option<Vec<String>>,
    /// 作成者 on the cover (default: 情報セキュリティ担当課)
    #[arg(long, value_name = "TEXT")]
    pub author: Option<String>,
    /// 作成日 (2026-03-31, 令和8年3月31日, R8.3.31 …; default: today). Training
    /// deadlines are judged as of this day.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The pack whose questionnaires, roles and courses apply (default: the organisation chosen in the app)
    #[arg(long, value_name = "ID")]
    pub pack: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// 自己点検結果報告書 (what the CISO reads: a few dozen pages at any size):
    /// cover with 決裁欄, submission and compliance rates overall, by chapter,
    /// role and 所属 with bar charts, the items with the lowest 実施率 and their
    /// clauses, 改善策 by item (how many, 完了, 期限超過), the previous 年度's
    /// 改善の状況, comparison with the previous 年度, 所属 that have not submitted.
    /// With --detail, the 別冊: every 改善策 with its person, status and 期限
    Selfcheck {
        /// The 年度 (April–March), e.g. 2025 for 令和7年度
        #[arg(long, value_parser = parse_year)]
        year: i32,
        /// Write the 別冊 (every 改善策) instead of the report
        #[arg(long)]
        detail: bool,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// 所属別結果票 for each 情報管理者: the 所属's submissions by person, its
    /// rates beside the organisation's, its 改善策 with status and 期限. With
    /// --all and an --out ending in .pdf, every 所属 in one file; with --all
    /// and any other --out, a folder with one PDF per 所属
    #[command(group(clap::ArgGroup::new("which").required(true).args(["all", "dept"])))]
    Department {
        /// The 年度 (April–March), e.g. 2025 for 令和7年度
        #[arg(long, value_parser = parse_year)]
        year: i32,
        /// Every 所属
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// 研修実施状況報告書: sessions held (date, course, method, attendees),
    /// completion by course, role and 所属 with bar charts, and who has not
    /// completed required training, by 所属
    Training {
        /// The 年度 (April–March), e.g. 2025 for 令和7年度
        #[arg(long, value_parser = parse_year)]
        year: i32,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// 自己点検票 on paper for staff who work without a PC: a role's
    /// questionnaire with item numbers, clauses, boxes to tick and lines for
    /// the 改善策 and 期限 — blank, for one person (--staff), or one per person
    /// of a 所属 who answers it (--dept), name and 所属 filled in from the roster
    Form {
        /// The 年度 (April–March), e.g. 2026 for 令和8年度
        #[arg(long, value_parser = parse_year)]
        year: i32,
        /// The role (its id in the pack: staff, info-manager …)
        #[arg(long, default_value = "staff")]
        role: String,
        /// The person (職員番号)
        #[arg(long, value_name = "NO")]
        staff: Option<String>,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// 修了証 (certificate of completion), one page each: with --session ID, for
    /// every attendee of that session (or only --staff NO); with --staff NO
    /// alone, for every session that person attended in the 年度
    #[command(group(clap::ArgGroup::new("who").required(true).multiple(true).args(["staff", "session"])))]
    Certificate {
        /// The 年度 whose sessions count with --staff alone (default: the current 年度)
        #[arg(long, value_parser = parse_year)]
        year: Option<i32>,
        /// The person (職員番号)
        #[arg(long, value_name = "NO")]
        staff: Option<String>,
        /// The session: its ID (`tebiki --json training record …` prints it as session_id)
        #[arg(long, value_name = "ID")]
        session: Option<i64>,
        #[command(flatten)]
        report: ReportArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum RosterCommand {
    /// Import a roster CSV (Shift_JIS or UTF-8, Japanese headers). People
    /// missing from it are marked 退職 unless --partial; bad rows are listed
    /// with their line and do not stop the good ones.
    Import {
        /// The CSV file
        file: PathBuf,
        /// Show what would change without changing anything
        #[arg(long)]
        dry_run: bool,
        /// The file lists only some people (nobody is marked 退職)
        #[arg(long)]
        partial: bool,
        /// Import nothing if any row is bad (default: the good rows are imported, the bad ones listed)
        #[arg(long)]
        strict: bool,
        /// Import even though more than a tenth of the roster would be marked 退職
        /// (without it such an import stops after the preview)
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TrainingCommand {
    /// Record a session (実施記録) and who attended: a 所属, a list of 職員番号,
    /// or an attendance CSV from an e-learning system (matched by 職員番号)
    Record {
        /// The course id from the pack's catalogue (e.g. annual)
        #[arg(long)]
        course: String,
        /// The date held (2025-06-01, 令和7年6月1日, R7.6.1 …)
        #[arg(long)]
        date: String,
        /// 集合, eラーニング or 動画
        #[arg(long, default_value = "集合")]
        method: String,
        #[arg(long)]
        trainer: Option<String>,
        #[arg(long)]
        place: Option<String>,
        /// Everyone active in this 所属 (code) attended
        #[arg(long, value_name = "CODE")]
        dept: Option<String>,
        /// These 職員番号 attended (comma-separated)
        #[arg(long, value_delimiter = ',', value_name = "NO,NO")]
        staff: Vec<String>,
        /// An attendance CSV with a 職員番号 column
        #[arg(long, value_name = "FILE")]
        attendance: Option<PathBuf>,
        /// The pack whose courses to use (default: the organisation chosen in the app)
        #[arg(long, value_name = "ID")]
        pack: Option<String>,
    },
    /// What every person employed in the 年度 must attend and has attended
    Status {
        /// The 年度 (April–March), e.g. 2025 for 令和7年度
        #[arg(long, value_parser = parse_year)]
        year: i32,
        #[arg(long, value_name = "ID")]
        pack: Option<String>,
    },
    /// e-learning results from staff PCs (受講記録ファイル, docs/training-results.md)
    #[command(subcommand)]
    Results(ResultsCommand),
}

#[derive(Debug, Subcommand)]
pub enum ResultsCommand {
    /// Import 受講記録ファイル (each PATH a file or a folder of them): each
    /// accepted file becomes attendance; the others are refused with their reason
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Write every result file held for the 年度, one per person, as the staff PC wrote it
    Export {
        /// The 年度 (April–March), e.g. 2026 for 令和8年度
        #[arg(long, value_parser = parse_year)]
        year: i32,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Per 所属 and role: passed, attempted, not started, average score,
    /// the questions most often missed, and 閲覧確認 of the current version
    Summary {
        /// The 年度 (April–March), e.g. 2026 for 令和8年度
        #[arg(long, value_parser = parse_year)]
        year: i32,
        /// The course (default: the pack's first e-learning course)
        #[arg(long, value_name = "ID")]
        course: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum SelfcheckCommand {
    /// How many of each role's duties (the obligations found in the policy's
    /// text) its questionnaire asks about, and which are not asked
    Coverage {
        /// A pack id, or a pack folder or zip (default: the organisation chosen in the app, else every pack)
        #[arg(long, value_name = "ID")]
        pack: Option<String>,
    },
    /// Draft a questionnaire (selfcheck/<role>.toml) from a role's duties:
    /// one item per obligation, to be reworded by people
    Draft {
        /// A pack id, or a pack folder or zip
        #[arg(long, value_name = "ID")]
        pack: String,
        /// The role: id, name or alias from roles.toml (default: 職員等, the role everyone holds)
        #[arg(long)]
        role: Option<String>,
        /// Write the draft to FILE instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Write every submission of a 年度 held in the database (the latest
    /// version of each respondent and role) as submission files into DIR
    Export {
        /// The 年度 (April–March), e.g. 2025 for 令和7年度
        #[arg(long, value_parser = parse_year)]
        year: i32,
        /// The folder to write to (created if needed; files of the same name are replaced)
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Import submission files (each PATH a file, or a folder: its *.json)
    ///
    /// Every file is checked (format, digest, policy); a refused file is
    /// listed with its reason and never stops the others. The same file
    /// imported twice is reported as a duplicate; a newer version of the same
    /// respondent, role and 年度 becomes current, older ones stay as history.
    ///
    /// Exit status: 0 when at least one file was accepted (imported, duplicate
    /// or kept as an older version), even if others were refused; 1 when every
    /// file was refused, no submission file was found, or the database failed.
    Import {
        /// Submission files or folders holding them
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Submission files held for the 管理者's decision: their version skips
    /// ahead of the next one for that person, role and 年度, so they were not
    /// made current (a digest is a checksum anyone can recompute, not a signature)
    #[command(subcommand)]
    Held(HeldCommand),
    /// Who must submit and who did, compliance rates by 所属 and role beside
    /// the previous 年度, and the number of 改善策 (--json: everything,
    /// including the lists by 所属, chapter and item)
    Summary {
        /// The 年度 (April–March), e.g. 2025 for 令和7年度
        #[arg(long, value_parser = parse_year)]
        year: i32,
        /// The pack whose questionnaires and roles apply (default: the organisation chosen in the app)
        #[arg(long, value_name = "ID")]
        pack: Option<String>,
        /// Also write the 改善策 list to FILE as CSV for Excel (Shift_JIS, CRLF)
        #[arg(long, value_name = "FILE")]
        remedies_csv: Option<PathBuf>,
        /// Write the CSV as UTF-8 with a BOM instead of Shift_JIS
        #[arg(long, requires = "remedies_csv")]
        utf8: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum HeldCommand {
    /// List the held files with their number and reason
    List,
    /// Import a held file as it is (current when its version is the highest)
    Accept {
        /// The number shown by `tebiki selfcheck held list`
        id: i64,
    },
    /// Drop a held file (the 操作記録 keeps what it was)
    Reject {
        /// The number shown by `tebiki selfcheck held list`
        id: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Search: index build time and query latency on the bundled packs and on a
    /// generated corpus, beside a plain FTS5 trigram MATCH on the same queries
    Search {
        /// Size of the generated corpus in megabytes
        #[arg(long, default_value_t = 50)]
        corpus_mb: usize,
        /// Runs of each query
        #[arg(long, default_value_t = 30)]
        runs: usize,
    },
    /// Roster: import a Shift_JIS roster of ROWS people and compute every person's
    /// training status for a 年度
    Roster {
        #[arg(long, default_value_t = 20000)]
        rows: usize,
    },
    /// 自己点検: an organisation of STAFF people, SUBMISSIONS submission files
    /// written to a temporary folder and imported, then the 集計 computed
    Selfcheck {
        #[arg(long, default_value_t = 20000)]
        staff: usize,
        #[arg(long, default_value_t = 500)]
        submissions: usize,
        /// Runs of the 集計 (the median is reported)
        #[arg(long, default_value_t = 10)]
        runs: usize,
        /// The bundled pack whose questionnaires are answered
        #[arg(long, default_value = "kobe")]
        pack: String,
    },
    /// e-learning: the demo organisation's 受講記録ファイル (one per person)
    /// written to a folder and imported, then the 受講状況 of STAFF people
    Elearning {
        #[arg(long, default_value_t = 3000)]
        files: usize,
        #[arg(long, default_value_t = 20000)]
        staff: usize,
        /// Runs of the summary (the median is reported)
        #[arg(long, default_value_t = 10)]
        runs: usize,
    },
    /// Reports: the demo organisation scaled to STAFF people in DEPTS 所属 with
    /// SUBMISSIONS 自己点検 submissions; both reports rendered (read time,
    /// render time, pages, size), and beside them the time headless Chromium
    /// takes to print an HTML page holding the same tables (skipped when
    /// `chromium` is not installed)
    Report {
        #[arg(long, default_value_t = 20000)]
        staff: usize,
        #[arg(long, default_value_t = 400)]
        depts: usize,
        #[arg(long, default_value_t = 500)]
        submissions: usize,
        /// Renders of each report (the median is reported)
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Keep the PDFs and HTML pages in DIR instead of a temporary folder
        #[arg(long, value_name = "DIR")]
        keep: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Set the passphrase (first time: the database is then encrypted) or change it
    /// (the database is re-encrypted). The new passphrase is asked twice at a prompt,
    /// or taken from TEBIKI_NEW_PASSPHRASE; changing also needs the current one
    /// (prompt or TEBIKI_PASSPHRASE). The app must be closed.
    SetPassphrase,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check the chain: exits non-zero and names the first entry that was edited,
    /// deleted or cut off
    Verify,
    /// The newest entries, newest first
    List {
        /// At most this many
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Write every entry as CSV for Excel (Shift_JIS unless --utf8)
    Export {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// UTF-8 with a BOM instead of Shift_JIS
        #[arg(long)]
        utf8: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ContentCommand {
    /// Validate policy packs: a pack folder, a .zip, or a folder of packs
    /// (default: the bundled packs and those imported into the data folder).
    /// Exits non-zero when a pack has errors.
    Check {
        /// A pack folder (holding pack.toml), a pack .zip, or a folder of pack folders
        dir: Option<PathBuf>,
    },
    /// Import a policy pack (folder or .zip) into the data folder, after checking it;
    /// a newer version of an imported pack replaces it only with --yes
    Import {
        /// A pack folder (holding pack.toml) or a pack .zip
        path: PathBuf,
        /// Replace an imported pack by this newer version
        #[arg(long)]
        yes: bool,
    },
    // Issue 20: drafting a pack from the organisation's own policy text.
    /// Draft a policy pack from a policy document (plain text in UTF-8 or
    /// Shift_JIS, a 例規集 .html page, a Word .docx, or a PDF with a text layer)
    /// into a new pack folder; prints what was recognised and what is left to
    /// fill in, and checks that every sentence of the input is in the pack
    Draft {
        /// The policy document
        input: PathBuf,
        /// The pack folder to create (must not exist or be empty)
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Pack id ([a-z][a-z0-9-]*; default own-policy)
        #[arg(long)]
        id: Option<String>,
        /// Pack title (default: the document's title line)
        #[arg(long)]
        title: Option<String>,
        /// Organisation name, e.g. 〇〇市 (default: taken from the title)
        #[arg(long)]
        org: Option<String>,
    },
}

fn parse_language(s: &str) -> Result<Language, String> {
    s.parse().map_err(|_| format!("expected one of: {}", Language::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", ")))
}

/// Every `--year`: a whole 年度 from 1989 to 2200 (`FiscalYear::parse`), so
/// no command computes dates from a year that has none.
fn parse_year(s: &str) -> Result<i32, String> {
    tebiki_core::calendar::fiscal_year::FiscalYear::parse(s).map(|y| y.0).map_err(|m| tebiki_i18n::tr_message(Language::default(), &m))
}
