use crate::lexicon::Lexicon;
use crate::normalize::{normalize, NormText, Variants};
use crate::understand::{understand, Understanding};
use memchr::memmem;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;
use tebiki_core::message::Message;
use tebiki_core::pack::everyday::EverydayFile;
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
    /// How many of the query's words the clause holds (of `SearchResults::reading`).
    pub matched: usize,
    /// Whether it holds them all as typed (not only through the everyday-words table).
    pub literal: bool,
}

/// One word of the query as it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ReadTerm {
    /// The word as typed (なくした, 私物).
    pub typed: String,
    /// Its normalised form, searched as typed.
    pub searched: String,
    /// The policy words searched for it too (everyday-words table) that found clauses.
    pub also: Vec<String>,
    /// Whether any clause in scope holds it or one of `also`.
    pub found: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    pub query: String,
    /// The normalised words searched for, as typed (see `reading` for the table's words).
    pub terms: Vec<String>,
    /// How many clauses matched (the hits are the best `limit` of them).
    pub total: usize,
    pub hits: Vec<SearchHit>,
    /// When nothing matched: other spellings or shorter terms that do.
    pub suggestions: Vec<String>,
    /// How the query was read: its words, each with the policy words searched for it.
    pub reading: Vec<ReadTerm>,
    /// Words left out as question words (方法, 使いたい).
    pub ignored: Vec<String>,
    /// No clause holds every word: these are the clauses that hold the most.
    pub partial: bool,
    /// The reading as sentences to show above the results (message keys).
    pub explanation: Vec<Message>,
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
    lexicon: Lexicon,
    /// Every 1- and 2-character string → the clauses holding it (with heading
    /// and body counts): the table's policy words are often 2 kanji (端末,
    /// 紛失), and one query looks up many, so a scan of the text per word
    /// would not do on a large corpus.
    short: HashMap<u64, Vec<FormHit>>,
}

/// The plain FTS5 trigram MATCH that peers use (`SearchIndex::trigram_baseline`).
pub struct TrigramBaseline {
    db: Connection,
}

impl TrigramBaseline {
    /// Clauses matching `query`: each word quoted and ANDed, as typed (no normalisation).
    pub fn count(&self, query: &str) -> usize {
        let expr = query.split_whitespace().map(|t| format!("\"{}\"", t.replace('"', "\"\""))).collect::<Vec<_>>().join(" AND ");
        let sql = "SELECT count(*) FROM fts WHERE fts MATCH ?1";
        self.db.query_row(sql, [expr], |r| r.get::<_, i64>(0)).map(|n| n as usize).unwrap_or(0)
    }
}

/// Key of a 1- or 2-character string in `SearchIndex::short`.
fn short_key(a: char, b: Option<char>) -> u64 {
    ((a as u64) << 32) | b.map_or(0, |b| b as u64 + 1)
}

fn short_postings(entries: &[Entry]) -> HashMap<u64, Vec<FormHit>> {
    let mut map: HashMap<u64, Vec<FormHit>> = HashMap::new();
    let mut counts: HashMap<u64, (bool, u32)> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        counts.clear();
        for (text, heading) in [(&e.heading_n.text, true), (&e.body_n.text, false)] {
            let mut prev: Option<char> = None;
            for c in text.chars() {
                let keys = [Some(short_key(c, None)), prev.map(|p| short_key(p, Some(c)))];
                for k in keys.into_iter().flatten() {
                    let slot = counts.entry(k).or_insert((false, 0));
                    if heading {
                        slot.0 = true;
                    } else {
                        slot.1 += 1;
                    }
                }
                prev = Some(c);
            }
        }
        for (&k, &(heading, body)) in &counts {
            map.entry(k).or_default().push(FormHit { entry: i, heading, body });
        }
    }
    for v in map.values_mut() {
        v.sort_unstable_by_key(|h| h.entry);
    }
    map
}

/// Body occurrences of a word counted per clause: beyond this the score
/// hardly changes (it uses the logarithm) and counting costs a full scan.
const BODY_COUNT_CAP: usize = 16;
/// Candidates from which verifying a word is split over threads.
const PARALLEL_FROM: usize = 2048;

const SNIPPET_BEFORE: usize = 30;
const SNIPPET_AFTER: usize = 80;

/// Where a form was found in a clause: (in the heading, hits in the body).
type Evidence = (bool, u32);

impl SearchIndex {
    /// Indexes every clause of every pack in the library.
    pub fn build(library: &PackLibrary) -> Result<SearchIndex, SearchError> {
        let mut sources = Vec::new();
        let mut words = Vec::new();
        for pack in library.packs() {
            words.push((pack.id.clone(), pack.everyday.clone()));
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
        SearchIndex::from_sources_with_words(sources, words)
    }

    pub fn from_sources(sources: Vec<Source>) -> Result<SearchIndex, SearchError> {
        SearchIndex::from_sources_with_words(sources, Vec::new())
    }

    /// Clauses, and the everyday words packs add to the bundled table (pack id, file).
    pub fn from_sources_with_words(sources: Vec<Source>, words: Vec<(String, EverydayFile)>) -> Result<SearchIndex, SearchError> {
        let entries: Vec<Entry> = sources
            .into_iter()
            .map(|src| {
                let (heading_n, body_n) = (normalize(&src.heading), normalize(&src.body));
                Entry { src, heading_n, body_n }
            })
            .collect();
        let short = short_postings(&entries);
        Ok(SearchIndex { entries, lexicon: Lexicon::build(&words), short })
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

    /// Clauses that may contain `form` (3+ chars): those holding its two
    /// rarest character pairs, from the in-memory pair postings (a merge of
    /// two sorted lists; no SQL on the query path).
    fn pair_candidates(&self, form: &str) -> Vec<usize> {
        let chars: Vec<char> = form.chars().collect();
        let mut lists: Vec<&[FormHit]> = Vec::with_capacity(chars.len());
        for w in chars.windows(2) {
            match self.short.get(&short_key(w[0], Some(w[1]))) {
                Some(v) => lists.push(v),
                None => return Vec::new(),
            }
        }
        lists.sort_by_key(|l| l.len());
        match lists.as_slice() {
            [] => Vec::new(),
            [only] => only.iter().map(|h| h.entry).collect(),
            [a, b, ..] => {
                let (mut out, mut j) = (Vec::with_capacity(a.len()), 0);
                for h in a.iter() {
                    while j < b.len() && b[j].entry < h.entry {
                        j += 1;
                    }
                    if j < b.len() && b[j].entry == h.entry {
                        out.push(h.entry);
                    }
                }
                out
            }
        }
    }

    /// Where `form` occurs in each candidate clause. Occurrences in the body
    /// are counted up to `BODY_COUNT_CAP` (the score takes their logarithm).
    /// A long list is split over the CPU's cores: a common policy word
    /// (ネットワーク) is in most clauses of a large corpus.
    fn verify(&self, form: &str, candidates: &[usize]) -> Vec<FormHit> {
        let finder = memmem::Finder::new(form.as_bytes());
        let entries = &self.entries;
        let check = |i: &usize| {
            let e = &entries[*i];
            let heading = finder.find(e.heading_n.text.as_bytes()).is_some();
            let body = finder.find_iter(e.body_n.text.as_bytes()).take(BODY_COUNT_CAP).count() as u32;
            (heading || body > 0).then_some(FormHit { entry: *i, heading, body })
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
        if threads < 2 || candidates.len() < PARALLEL_FROM {
            return candidates.iter().filter_map(check).collect();
        }
        let chunk = candidates.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let parts: Vec<_> = candidates.chunks(chunk).map(|part| scope.spawn(|| part.iter().filter_map(check).collect::<Vec<_>>())).collect();
            parts.into_iter().flat_map(|p| p.join().expect("a search thread does not panic")).collect()
        })
    }

    /// An FTS5 trigram table of the same normalised text: what peers search
    /// with, built only for the benchmark's comparison (searching never uses it).
    pub fn trigram_baseline(&self) -> Result<TrigramBaseline, SearchError> {
        let db = Connection::open_in_memory()?;
        db.execute_batch("CREATE VIRTUAL TABLE fts USING fts5(heading, body, tokenize = 'trigram');")?;
        let tx = db.unchecked_transaction()?;
        {
            let mut insert = tx.prepare("INSERT INTO fts(rowid, heading, body) VALUES (?1, ?2, ?3)")?;
            for (i, e) in self.entries.iter().enumerate() {
                insert.execute((i as i64, &e.heading_n.text, &e.body_n.text))?;
            }
        }
        tx.commit()?;
        Ok(TrigramBaseline { db })
    }

    /// Searches: reads the query (see `understand`), finds the clauses that
    /// hold its words or their policy words, ranks them and says how the
    /// query was read.
    pub fn search(&self, query: &str, opts: &SearchOptions) -> Result<SearchResults, SearchError> {
        let mut cache = FormCache::default();
        let u = self.understand(query, opts, &mut cache)?;
        let mut results = self.run(&u, query, opts, &mut cache)?;
        if results.total == 0 && !u.raw_terms.is_empty() && u.clause_ids.is_empty() {
            results.suggestions = self.suggest(&u, opts)?;
        }
        Ok(results)
    }

    fn understand(&self, query: &str, opts: &SearchOptions, cache: &mut FormCache) -> Result<Understanding, SearchError> {
        let mut failed = None;
        let u = understand(query, &self.lexicon, &mut |w: &str| match self.form(w, opts, cache) {
            Ok(hits) => !hits.is_empty(),
            Err(e) => {
                failed = Some(e);
                false
            }
        });
        match failed {
            Some(e) => Err(e),
            None => Ok(u),
        }
    }

    /// The words to mark in a clause's text for `query`: for each word of
    /// the query, the word itself where the clause has it, else the policy
    /// words of the everyday-words table (for the clause's pack) it has.
    pub fn highlight_terms(&self, query: &str, clause_id: &str) -> Vec<String> {
        let Some(i) = self.entries.iter().position(|e| e.src.clause_id == clause_id) else { return Vec::new() };
        let opts = SearchOptions { pack: Some(self.entries[i].src.pack_id.clone()), limit: 1 };
        let mut cache = FormCache::default();
        let Ok(u) = self.understand(query, &opts, &mut cache) else { return Vec::new() };
        let e = &self.entries[i];
        let has = |w: &str| e.heading_n.text.contains(w) || e.body_n.text.contains(w);
        let mut out: Vec<String> = Vec::new();
        for c in &u.concepts {
            out.extend(self.concept_words(c, &e.src.pack_id, has(&c.literal)));
        }
        out.sort();
        out.dedup();
        out
    }

    /// The words of concept `c` to mark in a clause of `pack`: the literal
    /// one when the clause has it, else the table's policy words.
    fn concept_words(&self, c: &crate::understand::Concept, pack: &str, literal: bool) -> Vec<String> {
        if literal {
            return vec![c.literal.clone()];
        }
        let mut out = vec![c.literal.clone()];
        for &m in &c.mapped {
            let entry = &self.lexicon.entries[m];
            if entry.pack.as_deref().is_none_or(|p| p == pack) {
                out.extend(entry.policy.iter().map(|(n, _)| n.clone()));
            }
        }
        out
    }

    /// Clauses (in scope) that hold `form`: (entry, in heading, body count).
    fn form<'c>(&self, form: &str, opts: &SearchOptions, cache: &'c mut FormCache) -> Result<&'c [FormHit], SearchError> {
        if !cache.contains_key(form) {
            let mut chars = form.chars();
            let hits: Vec<FormHit> = match (chars.next(), chars.next(), chars.next()) {
                (Some(a), b, None) => {
                    self.short.get(&short_key(a, b)).map(|v| v.iter().filter(|h| self.in_scope(h.entry, opts)).copied().collect()).unwrap_or_default()
                }
                (None, _, _) => Vec::new(),
                _ => {
                    let candidates: Vec<usize> = self.pair_candidates(form).into_iter().filter(|&i| self.in_scope(i, opts)).collect();
                    self.verify(form, &candidates)
                }
            };
            cache.insert(form.to_owned(), hits);
        }
        Ok(&cache[form])
    }

    /// Every clause that holds at least one concept, with what it holds.
    fn matching(&self, u: &Understanding, opts: &SearchOptions, cache: &mut FormCache) -> Result<HashMap<usize, Match>, SearchError> {
        let mut found: HashMap<usize, Match> = HashMap::new();
        let in_scope = (0..self.entries.len()).filter(|&i| self.in_scope(i, opts)).count().max(1);
        for (ci, c) in u.concepts.iter().enumerate() {
            // Best literal and best mapped evidence of this concept per clause.
            let mut per: HashMap<usize, (Option<Evidence>, Option<Evidence>)> = HashMap::new();
            for h in self.form(&c.literal, opts, cache)? {
                per.entry(h.entry).or_default().0 = Some((h.heading, h.body));
            }
            for &m in &c.mapped {
                let entry = &self.lexicon.entries[m];
                for (form, _) in &entry.policy {
                    if *form == c.literal {
                        continue;
                    }
                    for h in self.form(form, opts, cache)?.to_vec() {
                        if entry.pack.as_deref().is_some_and(|p| p != self.entries[h.entry].src.pack_id) {
                            continue;
                        }
                        let slot = &mut per.entry(h.entry).or_default().1;
                        let better = slot.is_none_or(|(hd, b)| (h.heading, h.body) > (hd, b));
                        if better {
                            *slot = Some((h.heading, h.body));
                        }
                    }
                }
            }
            // Rare words weigh more than common ones (LINE over 連絡), on a
            // scale of 0–1, so that the order below holds for each word.
            let idf = (1.0 + in_scope as f64 / per.len().max(1) as f64).ln() / (1.0 + in_scope as f64).ln();
            for (i, (literal, mapped)) in per {
                let e = &self.entries[i];
                let damp = 1.0 + e.body_n.char_offsets.len() as f64 / 2000.0;
                let m = found.entry(i).or_default();
                m.concepts.push(ci);
                // More concepts first, then (per word) literal above mapped,
                // heading above body, then frequency damped by length.
                m.score += 100.0;
                m.weighted += 100.0;
                let part = if let Some((heading, body)) = literal {
                    m.literal += 1;
                    m.literal_concepts.push(ci);
                    30.0 + if heading { 10.0 } else { 0.0 } + (1.0 + body as f64).ln() / damp
                } else if let Some((heading, body)) = mapped {
                    15.0 + if heading { 5.0 } else { 0.0 } + 0.5 * (1.0 + body as f64).ln() / damp
                } else {
                    0.0
                };
                m.score += part;
                m.weighted += idf * part;
            }
        }
        // The whole of an unsegmented query as typed (パスワードの取扱い), in
        // one place: above every clause that has its words apart, and ranked
        // among themselves as the phrase alone would rank them.
        if u.concepts.len() > 1 && !u.phrase.is_empty() {
            let finder = memmem::Finder::new(u.phrase.as_bytes());
            let n = u.concepts.len() as f64;
            // Only a clause that has every word as typed can have them together.
            for (&i, m) in found.iter_mut().filter(|(_, m)| m.literal_concepts.len() == u.concepts.len()) {
                let e = &self.entries[i];
                let heading = finder.find(e.heading_n.text.as_bytes()).is_some();
                let body = finder.find_iter(e.body_n.text.as_bytes()).count();
                if heading || body > 0 {
                    let damp = 1.0 + e.body_n.char_offsets.len() as f64 / 2000.0;
                    m.score = 145.0 * n + if heading { 10.0 } else { 0.0 } + (1.0 + body as f64).ln() / damp;
                    m.weighted = m.score;
                }
            }
        }
        Ok(found)
    }

    fn run(&self, u: &Understanding, query: &str, opts: &SearchOptions, cache: &mut FormCache) -> Result<SearchResults, SearchError> {
        let found = self.matching(u, opts, cache)?;
        let n = u.concepts.len();
        let all = found.values().any(|m| m.concepts.len() == n);
        let mut scored: Vec<(usize, f64, Match)> =
            found.into_iter().filter(|(_, m)| !all || m.concepts.len() == n).map(|(i, m)| (i, if all { m.score } else { m.weighted }, m)).collect();
        // A clause number goes to that clause, first: a heading that carries
        // the number as typed (第8) above one whose id merely equals it (8.).
        if !u.clause_ids.is_empty() {
            let typed = crate::normalize::normalize_term(query);
            for (i, e) in self.entries.iter().enumerate() {
                if self.in_scope(i, opts) && u.clause_ids.contains(&e.src.local_id) {
                    let exact = e.heading_n.text.starts_with(&typed);
                    let boost = if exact { 1000.0 } else { 800.0 };
                    match scored.iter_mut().find(|(j, _, _)| *j == i) {
                        Some(s) => s.1 += boost,
                        None => scored.push((i, boost, Match::default())),
                    }
                }
            }
        }
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let total = scored.len();
        let partial = n > 1 && !all && total > 0 && u.clause_ids.is_empty();

        // How the query was read.
        let mut reading = Vec::new();
        for c in &u.concepts {
            let literal_found = !self.form(&c.literal, opts, cache)?.is_empty();
            let mut also: Vec<String> = Vec::new();
            for &m in &c.mapped {
                let entry = &self.lexicon.entries[m];
                for (form, shown) in &entry.policy {
                    if *form == c.literal || also.contains(shown) {
                        continue;
                    }
                    let hits = self.form(form, opts, cache)?;
                    if hits.iter().any(|h| entry.pack.as_deref().is_none_or(|p| p == self.entries[h.entry].src.pack_id)) {
                        also.push(shown.clone());
                    }
                }
            }
            reading.push(ReadTerm { typed: c.typed.clone(), searched: c.literal.clone(), found: literal_found || !also.is_empty(), also });
        }
        let explanation = explain(u, &reading, partial);
        let terms: Vec<String> = u.concepts.iter().map(|c| c.literal.clone()).collect();
        let hits = scored
            .iter()
            .take(opts.limit)
            .map(|(i, score, m)| {
                let pack = &self.entries[*i].src.pack_id;
                let words: Vec<String> =
                    u.concepts.iter().enumerate().flat_map(|(ci, c)| self.concept_words(c, pack, m.literal_concepts.contains(&ci))).collect();
                let mut hit = self.hit(*i, *score, &words, &terms);
                hit.matched = m.concepts.len();
                hit.literal = m.literal == m.concepts.len() && !m.concepts.is_empty();
                hit
            })
            .collect();
        Ok(SearchResults { query: query.to_owned(), terms, total, hits, suggestions: Vec::new(), reading, ignored: u.ignored.clone(), partial, explanation })
    }

    fn hit(&self, i: usize, score: f64, words: &[String], literal: &[String]) -> SearchHit {
        let e = &self.entries[i];
        let heading = segments(&e.src.heading, &e.heading_n, words, None);
        // The snippet opens at the first literal hit, else the first hit.
        let first_of = |ws: &[String]| ws.iter().filter_map(|t| e.body_n.text.find(t.as_str())).min();
        let first = first_of(literal).or_else(|| first_of(words));
        let window = first.map(|f| e.body_n.original_range(f, f)).map(|(s, _)| s).unwrap_or(0);
        let snippet = segments(&e.src.body, &e.body_n, words, Some(window));
        SearchHit {
            clause_id: e.src.clause_id.clone(),
            pack_id: e.src.pack_id.clone(),
            document_id: e.src.document_id.clone(),
            pack_title: e.src.pack_title.clone(),
            document_title: e.src.document_title.clone(),
            heading,
            snippet,
            score: (score * 1000.0).round() / 1000.0,
            matched: 0,
            literal: false,
        }
    }

    /// Whether `q` finds anything (for suggestions).
    fn finds(&self, q: &str, opts: &SearchOptions) -> Result<bool, SearchError> {
        let mut cache = FormCache::default();
        let u = self.understand(q, opts, &mut cache)?;
        Ok(!u.concepts.is_empty() && !self.matching(&u, opts, &mut cache)?.is_empty())
    }

    /// Other spellings, then shorter forms of each term, that have hits.
    fn suggest(&self, u: &Understanding, opts: &SearchOptions) -> Result<Vec<String>, SearchError> {
        let mut out: Vec<String> = Vec::new();
        let try_query = |q: String, out: &mut Vec<String>| -> Result<(), SearchError> {
            if out.len() < 5 && !out.contains(&q) && q != u.raw_terms.join(" ") && self.finds(&q, opts)? {
                out.push(q);
            }
            Ok(())
        };
        for raw in &u.raw_terms {
            for alt in Variants::get().alternatives(raw) {
                try_query(alt, &mut out)?;
            }
        }
        if u.raw_terms.len() > 1 {
            for raw in &u.raw_terms {
                try_query(raw.clone(), &mut out)?;
            }
        }
        // Shorter pieces, longest first (研修受講証明書 → 証明書, 研修), but not
        // a piece of a suggestion already made.
        for raw in &u.raw_terms {
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

    /// How many everyday words and verbs the table(s) of this index hold, and in how many entries.
    pub fn everyday_table_size(&self) -> (usize, usize) {
        (self.lexicon.everyday_count, self.lexicon.entries.len())
    }
}

type FormCache = HashMap<String, Vec<FormHit>>;

#[derive(Debug, Clone, Copy)]
struct FormHit {
    entry: usize,
    heading: bool,
    body: u32,
}

#[derive(Debug, Clone, Default)]
struct Match {
    /// Indexes of the concepts the clause holds.
    concepts: Vec<usize>,
    /// How many of them literally.
    literal: usize,
    /// Indexes of the concepts it holds literally.
    literal_concepts: Vec<usize>,
    /// Every word weighs the same (all words found: an AND query).
    score: f64,
    /// Rare words weigh more (only some found: which clauses come first).
    weighted: f64,
}

/// The explanation shown above the results, as messages.
fn explain(u: &Understanding, reading: &[ReadTerm], partial: bool) -> Vec<Message> {
    let quote = |ws: &[&str]| ws.join(" / ");
    let mut out = Vec::new();
    let split = u.concepts.len() != u.raw_terms.len() || !u.ignored.is_empty();
    if split && !reading.is_empty() {
        let words: Vec<&str> = reading.iter().map(|r| r.typed.as_str()).collect();
        out.push(Message::new("search-read-words").arg("words", quote(&words)));
    }
    if !u.ignored.is_empty() {
        let words: Vec<&str> = u.ignored.iter().map(String::as_str).collect();
        out.push(Message::new("search-read-ignored").arg("words", quote(&words)));
    }
    for r in reading.iter().filter(|r| !r.also.is_empty()) {
        let words: Vec<&str> = r.also.iter().map(String::as_str).collect();
        out.push(Message::new("search-read-also").arg("typed", &r.typed).arg("words", quote(&words)));
    }
    let missing: Vec<&str> = reading.iter().filter(|r| !r.found).map(|r| r.typed.as_str()).collect();
    if !missing.is_empty() && reading.len() > 1 && u.clause_ids.is_empty() {
        out.push(Message::new("search-read-not-found").arg("words", quote(&missing)));
    }
    if partial {
        out.push(Message::new("search-read-partial"));
    }
    out
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
    let merged = crate::highlight::merge_overlapping(ranges);
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
