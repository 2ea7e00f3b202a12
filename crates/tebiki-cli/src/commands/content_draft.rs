//! `tebiki content draft INPUT --out DIR [--id ID] [--title TITLE] [--org NAME]`

use super::{absolute, Context, Failure};
use crate::cli::Cli;
use crate::output;
use std::path::Path;
use tebiki_i18n::{tr, tr_args, tr_message, Arg};
use tebiki_service::draft::{self, DraftOptions};

pub struct Names<'a> {
    pub id: &'a Option<String>,
    pub title: &'a Option<String>,
    pub org: &'a Option<String>,
}

pub fn run(cli: &Cli, ctx: &Context, input: &Path, out: &Path, names: Names) -> Result<(), Failure> {
    let lang = ctx.lang;
    let options = DraftOptions { id: names.id.clone(), title: names.title.clone(), org: names.org.clone() };
    let (input, out) = (absolute(input), absolute(out));
    let (report, written) = draft::write_to(&ctx.session, &input.display().to_string(), &options, &out.display().to_string()).map_err(|e| ctx.fail(e))?;
    let r = &report;
    if cli.json {
        output::line(&serde_json::to_string_pretty(&serde_json::json!({ "written": written, "report": r })).expect("the report serialises"));
    } else {
        let n = |v: usize| Arg::from(v as i64);
        let c = &r.counts;
        output::line(&tr_args(lang, "draft-cli-written", &[("dir", out.display().to_string().into()), ("files", written.files.join(", ").into())]));
        output::line(&tr_args(
            lang,
            "draft-cli-recognised",
            &[
                ("format", format!("{:?}", r.format).to_lowercase().into()),
                ("scheme", tr(lang, &format!("draft-scheme-{}", serde_json::to_value(r.scheme).unwrap().as_str().unwrap_or(""))).into()),
                ("documents", n(c.documents)),
                ("chapters", n(c.chapters)),
                ("sections", n(c.sections)),
                ("clauses", n(c.clauses)),
                ("definitions", n(c.definitions)),
                ("roles", n(c.roles)),
            ],
        ));
        output::line(&tr_args(
            lang,
            "draft-cli-cleaned",
            &[("toc", n(c.toc_lines)), ("pages", n(c.page_numbers)), ("heads", n(c.running_heads)), ("joined", n(c.joined_lines))],
        ));
        let key = if r.verbatim() { "draft-cli-verbatim-ok" } else { "draft-cli-verbatim-missing" };
        output::line(&tr_args(lang, key, &[("found", n(c.sentences_found)), ("total", n(c.sentences))]));
        for m in &r.missing_sentences {
            output::line(&format!("  {}:{}: {}", input.display(), m.line, m.text));
        }
        if !r.unplaced.is_empty() {
            output::line(&tr_args(lang, "draft-cli-unplaced", &[("count", n(r.unplaced.len()))]));
            for u in &r.unplaced {
                output::line(&format!("  {}:{}: {} ({})", input.display(), u.line, u.text, tr_message(lang, &u.reason)));
            }
        }
        let errors = r.problems.iter().filter(|p| p.is_error()).count();
        let key = if errors == 0 { "draft-cli-check-ok" } else { "draft-cli-check-failed" };
        output::line(&tr_args(lang, key, &[("errors", n(errors)), ("warnings", n(r.problems.len() - errors))]));
        for p in &r.problems {
            output::line(&format!("  {}:{}: {}", p.file, p.line.unwrap_or(0), tr_message(lang, &p.message)));
        }
        output::line(&tr(lang, "draft-cli-to-fill"));
        for t in &r.to_fill {
            output::line(&format!("  - {}", tr_message(lang, t)));
        }
        output::line(&tr_args(lang, "draft-cli-took", &[("ms", Arg::from(r.elapsed_ms as i64))]));
    }
    if r.passes_check() && r.verbatim() {
        Ok(())
    } else {
        Err(Failure { lang, message: String::new() })
    }
}
