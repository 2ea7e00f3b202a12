//! `tebiki search QUERY [--pack ID] [--limit N] [--json]`

use super::{Context, Failure};
use crate::cli::Cli;
use crate::output;
use serde::Serialize;
use std::io::IsTerminal;
use tebiki_i18n::{tr_args, tr_message, Arg};
use tebiki_search::{ReadTerm, Segment};

#[derive(Serialize)]
struct JsonHit {
    clause_id: String,
    pack_id: String,
    heading: String,
    snippet: String,
    /// Character ranges [start, end) of the hits in `snippet`.
    highlights: Vec<[usize; 2]>,
    score: f64,
    /// How many of the query's words the clause holds.
    matched: usize,
    /// Whether it holds them as typed (false: found through the everyday-words table).
    literal: bool,
}

#[derive(Serialize)]
struct JsonResults {
    query: String,
    terms: Vec<String>,
    total: usize,
    results: Vec<JsonHit>,
    suggestions: Vec<String>,
    /// How the query was read: each word and the policy words searched for it.
    reading: Vec<ReadTerm>,
    ignored: Vec<String>,
    /// No clause holds every word; these hold the most.
    partial: bool,
    /// The reading as sentences, in the chosen language.
    explanation: Vec<String>,
}

fn plain(segments: &[Segment]) -> (String, Vec<[usize; 2]>) {
    let mut text = String::new();
    let mut ranges = Vec::new();
    let mut chars = 0;
    for s in segments {
        let n = s.text.chars().count();
        if s.hit {
            ranges.push([chars, chars + n]);
        }
        text.push_str(&s.text);
        chars += n;
    }
    (text, ranges)
}

fn marked(segments: &[Segment], tty: bool) -> String {
    segments
        .iter()
        .map(|s| match (s.hit, tty) {
            (true, true) => format!("\x1b[1;7m{}\x1b[0m", s.text),
            (true, false) => format!("【{}】", s.text),
            _ => s.text.clone(),
        })
        .collect()
}

pub fn run(cli: &Cli, ctx: &Context, query: &str, pack: Option<&str>, limit: usize) -> Result<(), Failure> {
    let lang = ctx.lang;
    let results = tebiki_service::handbook::search(&ctx.session, query, pack, limit).map_err(|e| ctx.fail(e))?;

    if cli.json {
        let json = JsonResults {
            query: results.query.clone(),
            terms: results.terms.clone(),
            total: results.total,
            results: results
                .hits
                .iter()
                .map(|h| {
                    let (snippet, highlights) = plain(&h.snippet);
                    JsonHit {
                        clause_id: h.clause_id.clone(),
                        pack_id: h.pack_id.clone(),
                        heading: plain(&h.heading).0,
                        snippet,
                        highlights,
                        score: h.score,
                        matched: h.matched,
                        literal: h.literal,
                    }
                })
                .collect(),
            suggestions: results.suggestions.clone(),
            reading: results.reading.clone(),
            ignored: results.ignored.clone(),
            partial: results.partial,
            explanation: results.explanation.iter().map(|m| tr_message(lang, m)).collect(),
        };
        output::line(&serde_json::to_string_pretty(&json).expect("results serialise"));
        return Ok(());
    }
    let tty = std::io::stdout().is_terminal();
    for m in &results.explanation {
        output::line(&tr_message(lang, m));
    }
    output::line(&tr_args(lang, "search-count", &[("total", Arg::from(results.total as i64)), ("shown", Arg::from(results.hits.len() as i64))]));
    for (n, h) in results.hits.iter().enumerate() {
        output::line(&format!("{:>3}. {}  {}", n + 1, h.clause_id, marked(&h.heading, tty)));
        output::line(&format!("     {}", marked(&h.snippet, tty).replace('\n', " ")));
    }
    if results.total == 0 && !results.suggestions.is_empty() {
        output::line(&tr_args(lang, "search-suggest", &[("terms", results.suggestions.join("、").into())]));
    }
    Ok(())
}
