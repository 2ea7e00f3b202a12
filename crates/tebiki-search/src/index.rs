use crate::normalize::{normalize, NormText, Variants};
use crate::query::{parse, ParsedQuery};
use memchr::memmem;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashSet;
use tebiki_core::pack::library::PackLibrary;
use tebiki_core::pack::markdown::plain_text;
use ts_rs::TS;

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// One clause to index.
pub struct Source {
    pub clause_id: String,
    pub pack_id: String,
    pub document_id: String,
    pub pack_title: String,
    pub document_title: String,
    pub local_id: String,
    pub heading: String,
    pub body: String,
}

struct Entry {
    src: Source,
    heading_n: NormText,
    body_n: NormText,
}

/// A piece of a heading or snippet; `hit` pieces are what matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub clause_id: String,
    pub pack_id: String,
    pub document_id: String,
    pub pack_title: String,
    pub document_title: String,
    pub heading: Vec<Segment>,
    pub snippet: Vec<Segment>,
    pub score: f64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    pub query: String,
    /// The normalised terms searched for (all must occur).
    pub terms: Vec<String>,
    /// How many clauses matched (the hits are the best `limit` of them).
    pub total: usize,
    pub hits: Vec<SearchHit>,
    /// When nothing matched: other spellings or shorter terms that do.
    pub suggestions: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct SearchOptions {
    /// Only this pack (None: every installed pack).
    pub pack: Option<String>,
    pub limit: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { pack: None, limit: 50 }
    }
}

pub struct SearchIndex {
    entries: Vec<Entry>,
    db: Connection,
}

/// Terms this long or longer go to the trigram index.
const MIN_TRIGRAM_CHARS: usize = 3;
const SNIPPET_BEFORE: usize = 30;
const SNIPPET_AFTER: usize = 80;

impl SearchIndex {
    /// Indexes every clause of every pack in the library.
    pub fn build(library: &PackLibrary) -> Result<SearchIndex, SearchError> {
        let mut sources = Vec::new();
        for pack in library.packs() {
            for doc in &pack.documents {
                for c in &doc.clauses {
                    sources.push(Source {
                        clause_id: c.id.clone(),
                        pack_id: pack.id.clone(),
                        document_id: doc.id.clone(),
                        pack_title: pack.title.clone(),
                        document_title: doc.title.clone(),
                        local_id: c.local_id.clone(),
                        heading: c.heading.clone(),
                        body: plain_text(&c.body).trim().to_owned(),
                    });
                }
            }
        }
        SearchIndex::from_sources(sources)
    }

    pub fn from_sources(sources: Vec<Source>) -> Result<SearchIndex, SearchError> {
        let db = Connection::open_in_memory()?;
        db.execute_batch("CREATE VIRTUAL TABLE fts USING fts5(heading, body, tokenize = 'trigram');")?;
        let mut entries = Vec::with_capacity(sources.len());
        let tx = db.unchecked_transaction()?;
        {
            let mut insert = tx.prepare("INSERT INTO fts(rowid, heading, body) VALUES (?1, ?2, ?3)")?;
            for (i, src) in sources.into_iter().enumerate() {
                let heading_n = normalize(&src.heading);
                let body_n = normalize(&src.body);
                insert.execute((i as i64, &heading_n.text, &body_n.text))?;
                entries.push(Entry { src, heading_n, body_n });
            }
        }
        tx.commit()?;
        Ok(SearchIndex { entries, db })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Total size of the indexed text in bytes.
    pub fn text_bytes(&self) -> usize {
        self.entries.iter().map(|e| e.src.heading.len() + e.src.body.len()).sum()
    }

    fn in_scope(&self, i: usize, opts: &SearchOptions) -> bool {
        opts.pack.as_deref().is_none_or(|p| self.entries[i].src.pack_id == p)
    }

    /// Rows whose text contains `term` (3+ chars) according to the trigram index.
    fn trigram_candidates(&self, term: &str) -> Result<Vec<usize>, SearchError> {
        let phrase = format!("\"{}\"", term.replace('"', "\"\""));
        let mut stmt = self.db.prepare_cached("SELECT rowid FROM fts WHERE fts MATCH ?1")?;
        let rows = stmt.query_map([phrase], |r| r.get::<_, i64>(0))?;
        rows.map(|r| r.map(|v| v as usize).map_err(SearchError::from)).collect()
    }

    /// The plain FTS5 trigram MATCH that peers use: the baseline of the benchmark.
    /// Each word quoted and ANDed, as typed (no normalisation).
    pub fn plain_trigram_count(&self, query: &str) -> usize {
        let expr = query.split_whitespace().map(|t| format!("\"{}\"", t.replace('"', "\"\""))).collect::<Vec<_>>().join(" AND ");
        let sql = "SELECT count(*) FROM fts WHERE fts MATCH ?1";
        self.db.query_row(sql, [expr], |r| r.get::<_, i64>(0)).map(|n| n as usize).unwrap_or(0)
    }

    pub fn search(&self, query: &str, opts: &SearchOptions) -> Result<SearchResults, SearchError> {
        let parsed = parse(query);
        let mut results = self.run(&parsed, query, opts)?;
        if results.total == 0 && !parsed.terms.is_empty() {
            results.suggestions = self.suggest(&parsed, opts)?;
        }
        Ok(results)
    }

    fn matching(&self, parsed: &ParsedQuery, opts: &SearchOptions) -> Result<Vec<(usize, f64)>, SearchError> {
        let long: Vec<&String> = parsed.terms.iter().filter(|t| t.chars().count() >= MIN_TRIGRAM_CHARS).collect();
        // Candidates: the intersection of the trigram lookups, or everything.
        let candidates: Vec<usize> = if long.is_empty() {
            (0..self.entries.len()).collect()
        } else {
            let mut sets: Vec<Vec<usize>> = long.iter().map(|t| self.trigram_candidates(t)).collect::<Result<_, _>>()?;
            sets.sort_by_key(Vec::len);
            let mut base = sets.remove(0);
            for other in sets {
                let other: HashSet<usize> = other.into_iter().collect();
                base.retain(|i| other.contains(i));
            }
            base.sort_unstable();
            base
        };
        let finders: Vec<memmem::Finder> = parsed.terms.iter().map(|t| memmem::Finder::new(t.as_bytes())).collect();
        let mut scored = Vec::new();
        'entries: for i in candidates {
            if !self.in_scope(i, opts) {
                continue;
            }
            let e = &self.entries[i];
            let mut score = 0.0;
            for f in &finders {
                let in_heading = f.find(e.heading_n.text.as_bytes()).is_some();
                let body_hits = f.find_iter(e.body_n.text.as_bytes()).count();
                if !in_heading && body_hits == 0 {
                    continue 'entries;
                }
                // Heading hits above body hits; then term frequency, damped
                // by length so that a long chapter does not win by size.
                if in_heading {
                    score += 10.0;
                }
                let len = e.body_n.char_offsets.len() as f64;
                score += (1.0 + body_hits as f64).ln() / (1.0 + len / 2000.0);
            }
            scored.push((i, score));
        }
        Ok(scored)
    }

    fn run(&self, parsed: &ParsedQuery, query: &str, opts: &SearchOptions) -> Result<SearchResults, SearchError> {
        let mut scored = if parsed.terms.is_empty() { Vec::new() } else { self.matching(parsed, opts)? };
        // A clause number goes to that clause, first: a heading that carries
        // the number as typed (第8) above one whose id merely equals it (8.).
        if !parsed.clause_ids.is_empty() {
            let typed = crate::normalize::normalize_term(query);
            for (i, e) in self.entries.iter().enumerate() {
                if self.in_scope(i, opts) && parsed.clause_ids.contains(&e.src.local_id) {
                    let exact = e.heading_n.text.starts_with(&typed);
                    let boost = if exact { 1000.0 } else { 800.0 };
                    match scored.iter_mut().find(|(j, _)| *j == i) {
                        Some(s) => s.1 += boost,
                        None => scored.push((i, boost)),
                    }
                }
            }
        }
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let total = scored.len();
        let hits = scored.iter().take(opts.limit).map(|&(i, score)| self.hit(i, score, &parsed.terms)).collect();
        Ok(SearchResults { query: query.to_owned(), terms: parsed.terms.clone(), total, hits, suggestions: Vec::new() })
    }

    fn hit(&self, i: usize, score: f64, terms: &[String]) -> SearchHit {
        let e = &self.entries[i];
        let heading = segments(&e.src.heading, &e.heading_n, terms, None);
        let first = terms.iter().filter_map(|t| e.body_n.text.find(t.as_str())).min();
        let window = first.map(|f| e.body_n.original_range(f, f)).map(|(s, _)| s).unwrap_or(0);
        let snippet = segments(&e.src.body, &e.body_n, terms, Some(window));
        SearchHit {
            clause_id: e.src.clause_id.clone(),
            pack_id: e.src.pack_id.clone(),
            document_id: e.src.document_id.clone(),
            pack_title: e.src.pack_title.clone(),
            document_title: e.src.document_title.clone(),
            heading,
            snippet,
            score: (score * 1000.0).round() / 1000.0,
        }
    }

    /// Other spellings, then shorter forms of each term, that have hits.
    fn suggest(&self, parsed: &ParsedQuery, opts: &SearchOptions) -> Result<Vec<String>, SearchError> {
        let mut out: Vec<String> = Vec::new();
        let try_query = |q: String, out: &mut Vec<String>| -> Result<(), SearchError> {
            if out.len() < 5 && !out.contains(&q) && q != parsed.raw_terms.join(" ") {
                let p = parse(&q);
                if !p.terms.is_empty() && !self.matching(&p, opts)?.is_empty() {
                    out.push(q);
                }
            }
            Ok(())
        };
        for raw in &parsed.raw_terms {
            for alt in Variants::get().alternatives(raw) {
                try_query(alt, &mut out)?;
            }
        }
        if parsed.raw_terms.len() > 1 {
            for raw in &parsed.raw_terms {
                try_query(raw.clone(), &mut out)?;
            }
        }
        // Shorter pieces, longest first (研修受講証明書 → 証明書, 研修), but not
        // a piece of a suggestion already made.
        for raw in &parsed.raw_terms {
            let chars: Vec<char> = raw.chars().collect();
            for n in (1..chars.len()).rev() {
                for start in 0..=chars.len() - n {
                    let piece: String = chars[start..start + n].iter().collect();
                    if out.iter().any(|s| s.contains(&piece)) {
                        continue;
                    }
                    try_query(piece, &mut out)?;
                }
                if out.len() >= 3 {
                    break;
                }
            }
        }
        Ok(out)
    }
}

/// Splits `original` into plain and hit segments. With `window`, only the
/// part around that byte offset is kept, with "…" where it was cut.
fn segments(original: &str, norm: &NormText, terms: &[String], window: Option<usize>) -> Vec<Segment> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for t in terms {
        for (s, _) in norm.text.match_indices(t.as_str()) {
            ranges.push(norm.original_range(s, s + t.len()));
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.0 <= last.1 => last.1 = last.1.max(r.1),
            _ => merged.push(r),
        }
    }
    let (start, end) = match window {
        None => (0, original.len()),
        Some(at) => {
            let before: usize = original[..at].chars().rev().take(SNIPPET_BEFORE).map(char::len_utf8).sum();
            let after: usize = original[at..].chars().take(SNIPPET_AFTER).map(char::len_utf8).sum();
            (at - before, at + after)
        }
    };
    let mut out = Vec::new();
    if start > 0 {
        out.push(Segment { text: "…".into(), hit: false });
    }
    let mut pos = start;
    for (s, e) in merged {
        let (s, e) = (s.max(start), e.min(end));
        if s >= e {
            continue;
        }
        if s > pos {
            out.push(Segment { text: original[pos..s].to_owned(), hit: false });
        }
        out.push(Segment { text: original[s..e].to_owned(), hit: true });
        pos = e;
    }
    if pos < end {
        out.push(Segment { text: original[pos..end].to_owned(), hit: false });
    }
    if end < original.len() {
        out.push(Segment { text: "…".into(), hit: false });
    }
    out
}
