//! `tebiki bench search`: figures for the README. Prints index build time and
//! median / p95 query latency by query kind, on the bundled packs and on a
//! generated corpus, beside a plain FTS5 trigram MATCH of the same queries
//! (with the number of clauses each finds).

use super::{Context, Failure};
use crate::output::line;
use std::time::{Duration, Instant};
use tebiki_core::pack::library::{imported_packs_dir, PackLibrary};
use tebiki_search::{SearchIndex, SearchOptions, Source};

const QUERIES: &[(&str, &[&str])] = &[
    ("1 char", &["鍵", "窓", "印", "紙"]),
    ("2 chars", &["研修", "監査", "漏洩", "媒体", "暗号"]),
    ("3+ chars", &["パスワード", "情報資産", "不正アクセス", "ＵＳＢ", "緊急時対応訓練"]),
    ("multi-term", &["研修 実施", "パスワード 管理", "情報 持ち出し", "監査 報告 結果"]),
];

/// The kinds above, then the staff-phrased queries of the quality test
/// (everyday words, particles, sentences: issue 19).
fn query_kinds() -> Vec<(&'static str, Vec<&'static str>)> {
    let mut kinds: Vec<(&str, Vec<&str>)> = QUERIES.iter().map(|(k, q)| (*k, q.to_vec())).collect();
    kinds.push(("staff-phrased", tebiki_search::staff_queries::STAFF_QUERIES.iter().map(|(q, _, _)| *q).collect()));
    kinds
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

fn time<F: FnMut() -> usize>(runs: usize, mut f: F) -> (Duration, Duration, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut count = 0;
    for _ in 0..runs {
        let t = Instant::now();
        count = f();
        times.push(t.elapsed());
    }
    times.sort();
    (percentile(&times, 0.5), percentile(&times, 0.95), count)
}

fn report(name: &str, index: &SearchIndex, build: Duration, runs: usize) {
    line(&format!("\n## {name}: {} clauses, {:.1} MB of text, index built in {} ms", index.len(), index.text_bytes() as f64 / 1e6, ms(build)));
    line("| kind | query | tebiki median ms | tebiki p95 ms | tebiki results | FTS5 trigram median ms | FTS5 trigram results |");
    line("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    let opts = SearchOptions { pack: None, limit: 20 };
    let trigram = index.trigram_baseline().expect("an in-memory FTS5 table can be built");
    let mut all = Vec::new();
    for (kind, queries) in query_kinds() {
        let mut medians = Vec::new();
        for q in queries {
            let (med, p95, n) = time(runs, || index.search(q, &opts).map(|r| r.total).unwrap_or(0));
            let (fmed, _, fnum) = time(runs, || trigram.count(q));
            medians.push(med);
            line(&format!("| {kind} | {q} | {} | {} | {n} | {} | {fnum} |", ms(med), ms(p95), ms(fmed)));
        }
        all.extend(medians.iter().copied());
        medians.sort();
        line(&format!("| **{kind}** | (median of medians) | **{}** | | | | |", ms(percentile(&medians, 0.5))));
    }
    all.sort();
    line(&format!(
        "| **all** | ({} queries: median of medians, slowest median) | **{}** | {} | | | |",
        all.len(),
        ms(percentile(&all, 0.5)),
        ms(*all.last().unwrap_or(&Duration::ZERO))
    ));
}

/// Policy-like text: the bundled packs' sentences, recombined with a fixed
/// seed until the corpus has the requested size.
fn generated_corpus(library: &PackLibrary, bytes: usize) -> Vec<Source> {
    let mut sentences: Vec<String> = Vec::new();
    let mut headings: Vec<String> = Vec::new();
    for pack in library.packs() {
        for doc in &pack.documents {
            for c in &doc.clauses {
                headings.push(c.title.clone());
                let text = tebiki_core::pack::markdown::plain_text(&c.body);
                sentences.extend(text.split_inclusive('。').map(|s| s.trim().to_owned()).filter(|s| s.chars().count() > 8));
            }
        }
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut out = Vec::new();
    let mut total = 0;
    let mut i = 0;
    while total < bytes {
        let k = 3 + next(10);
        let body: String = (0..k).map(|_| sentences[next(sentences.len())].as_str()).collect::<Vec<_>>().join("");
        let heading = format!("{}.{}.{} {}", i / 400 + 1, i / 20 % 20 + 1, i % 20 + 1, headings[next(headings.len())]);
        total += body.len() + heading.len();
        let pack = format!("bench{}", i / 5000);
        out.push(Source {
            clause_id: format!("{pack}/taisaku/{i}"),
            pack_id: pack.clone(),
            document_id: "taisaku".into(),
            pack_title: pack,
            document_title: "対策基準".into(),
            local_id: i.to_string(),
            heading,
            body,
        });
        i += 1;
    }
    out
}

pub fn run(ctx: &Context, corpus_mb: usize, runs: usize) -> Result<(), Failure> {
    let fail = |e: tebiki_search::index::SearchError| Failure { lang: ctx.lang, message: e.to_string() };
    let runs = runs.max(1);
    let library = PackLibrary::load(Some(&imported_packs_dir(ctx.data_dir())));
    line(&format!("# tebiki bench search ({runs} runs per query; build: {})", if cfg!(debug_assertions) { "debug" } else { "release" }));

    let t = Instant::now();
    let index = SearchIndex::build(&library).map_err(fail)?;
    let (words, entries) = index.everyday_table_size();
    line(&format!("everyday-words table: {words} everyday words and verbs in {entries} entries (bundled and the packs' own)"));
    report("bundled packs", &index, t.elapsed(), runs);
    drop(index);

    if corpus_mb > 0 {
        let sources = generated_corpus(&library, corpus_mb * 1_000_000);
        let t = Instant::now();
        let index = SearchIndex::from_sources(sources).map_err(fail)?;
        report(&format!("generated corpus (~{corpus_mb} MB)"), &index, t.elapsed(), runs.min(10));
    }
    Ok(())
}
