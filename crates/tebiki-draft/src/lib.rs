//! Drafting a policy pack from a 自治体's own policy text: plain text (UTF-8
//! or Shift_JIS), 例規集 HTML pages, Word .docx and PDF text layers.
//!
//! Two actions, called by both `tebiki content draft` and the app
//! (設定 → ポリシーパックの作成):
//! - [`draft`] reads the input and returns the drafted pack with a report of
//!   what was recognised, what could not be placed, what is left to fill in,
//!   whether every sentence of the input is in the pack, and what
//!   `tebiki content check` says about it. Nothing is written.
//! - [`write`] writes the drafted pack as a pack folder.
//!
//! Nothing is invented: the text is the input's, verbatim; glossary and roles
//! are drafted only from what the text says, with their clause ids.

pub mod emit;
pub mod glossary;
pub mod lines;
pub mod mark;
pub mod read;
pub mod report;
pub mod roles;
pub mod structure;
pub mod verify;

use read::SourceLine;
use report::{ClausePreview, Counts, DocumentSummary, DraftReport, OutlineEntry, ReportLine};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use structure::{ClauseKind, DraftDoc};
use tebiki_core::message::Message;
use tebiki_core::pack::files::PackFiles;
use tebiki_core::pack::manifest::{is_valid_id, ORGANIZATION_KINDS};
use tebiki_core::pack::problem::Problem;
use tebiki_core::pack::{load, PackOrigin};
use ts_rs::TS;

#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error("cannot read {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("the input is larger than {limit_mb} MB")]
    TooLarge { limit_mb: u64 },
    #[error("the input cannot be read: {detail}")]
    Unreadable { detail: String },
    #[error("the PDF is encrypted")]
    Encrypted,
    #[error("the input holds no text")]
    NoText,
    #[error("{0} is not a valid pack id")]
    BadId(String),
    #[error("the output folder {0} already holds files")]
    OutputNotEmpty(PathBuf),
}

impl DraftError {
    /// The message key (locales/*/draft.ftl) for the front ends.
    pub fn message(&self) -> Message {
        match self {
            DraftError::Io { path, source } => Message::new("draft-error-io").arg("path", path.display()).arg("detail", source),
            DraftError::TooLarge { limit_mb } => Message::new("draft-error-too-large").arg("limit", limit_mb),
            DraftError::Unreadable { detail } => Message::new("draft-error-unreadable").arg("detail", detail),
            DraftError::Encrypted => Message::new("draft-error-encrypted"),
            DraftError::NoText => Message::new("draft-error-no-text"),
            DraftError::BadId(id) => Message::new("draft-error-bad-id").arg("id", id),
            DraftError::OutputNotEmpty(p) => Message::new("draft-error-output-not-empty").arg("path", p.display()),
        }
    }
}

/// What the person may set; everything else comes from the text.
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct DraftOptions {
    /// Pack id (`[a-z][a-z0-9-]*`); default `own-policy`.
    pub id: Option<String>,
    /// Pack title; default the document's title line.
    pub title: Option<String>,
    /// 団体名; default the name the title starts with (〇〇市…).
    pub org: Option<String>,
}

#[derive(Debug, Clone)]
pub struct DraftedDocument {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub file: String,
    pub markdown: String,
}

/// The drafted pack: its files' contents, ready to write.
#[derive(Debug, Clone)]
pub struct DraftedPack {
    pub id: String,
    /// Relative path → contents.
    pub files: BTreeMap<String, String>,
    pub documents: Vec<DraftedDocument>,
}

#[derive(Debug, Clone)]
pub struct Drafted {
    pub pack: DraftedPack,
    pub report: DraftReport,
}

pub const DEFAULT_ID: &str = "own-policy";

/// Reads the file at `path` (its size checked first) and drafts it.
pub fn draft_file(path: &Path, options: &DraftOptions) -> Result<Drafted, DraftError> {
    let io = |source| DraftError::Io { path: path.to_owned(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > read::MAX_INPUT_BYTES {
        return Err(DraftError::TooLarge { limit_mb: read::MAX_INPUT_BYTES / 1024 / 1024 });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    draft(&name, &bytes, options)
}

/// 〇〇市, 〇〇町 … at the start of the title (after 「○」 and brackets), and its kind.
pub fn organization_from(title: &str) -> Option<(String, String)> {
    let t = title.trim_start_matches(['○', '◯', '(', '（', '「']);
    for (i, _) in t.char_indices().skip(1) {
        let head = &t[..i];
        if head.ends_with("広域連合") {
            return Some((head.to_owned(), "広域連合".into()));
        }
        if head.ends_with("組合") {
            return Some((head.to_owned(), "一部事務組合".into()));
        }
    }
    let cut = t.find("情報").unwrap_or(t.len());
    let head = t[..cut].trim_end_matches(['　', ' ']);
    let last = head.chars().last()?;
    let kind = ["市", "町", "村", "区", "県", "都", "道", "府"].into_iter().find(|k| k.starts_with(last))?;
    (head.chars().count() >= 2).then(|| (head.replace([' ', '　'], ""), kind.to_owned()))
}

fn kind_of(name: &str) -> Option<String> {
    if name.ends_with("広域連合") {
        return Some("広域連合".into());
    }
    if name.ends_with("組合") {
        return Some("一部事務組合".into());
    }
    let last = name.chars().last()?.to_string();
    ORGANIZATION_KINDS.contains(&last.as_str()).then_some(last)
}

/// 基本方針 / 対策基準 / 実施手順 from a title, with the document id.
fn document_kind(title: &str) -> (&'static str, &'static str) {
    if title.contains("基本方針") {
        ("kihon", "基本方針")
    } else if title.contains("対策基準") {
        ("taisaku", "対策基準")
    } else if title.contains("実施手順") {
        ("tejun", "実施手順")
    } else {
        ("policy", "その他")
    }
}

/// 和暦 dates with what happened on them, from the title block
/// (「平成18年 11月 28日 策定」「制定日：平成 15 年 1 月 27 日」).
fn history(preamble: &[(usize, String)]) -> Vec<(String, String, String)> {
    let events = ["一部改正", "全部改正", "策定", "制定", "改正", "施行", "告示", "改定"];
    let mut out = Vec::new();
    for (_, line) in preamble {
        let squashed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        let Some(start) = ["明治", "大正", "昭和", "平成", "令和"].iter().filter_map(|e| squashed.find(e)).min() else {
            continue;
        };
        let Some(end) = squashed[start..].find('日') else {
            continue;
        };
        let wareki = &squashed[start..start + end + '日'.len_utf8()];
        let Some(date) = tebiki_core::calendar::wareki::parse(wareki) else {
            continue;
        };
        let Some(event) = events.iter().find(|e| squashed.contains(*e)) else {
            continue;
        };
        out.push((date.format("%Y-%m-%d").to_string(), wareki.to_owned(), (*event).to_owned()));
    }
    out
}

/// Drafts a pack from the input `bytes` (a file called `name`).
pub fn draft(name: &str, bytes: &[u8], options: &DraftOptions) -> Result<Drafted, DraftError> {
    let started = std::time::Instant::now();
    let extracted = read::extract(name, bytes)?;
    let cleaned = lines::clean(&extracted.lines, extracted.format);
    let scheme = structure::scheme_of(&cleaned.lines);
    let outline = structure::build(&cleaned.lines, scheme);

    let id = options.id.clone().unwrap_or_else(|| DEFAULT_ID.to_owned());
    if !is_valid_id(&id) {
        return Err(DraftError::BadId(id));
    }
    let title = options.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| outline.title.clone());
    let mut to_fill = Vec::new();
    if options.id.is_none() {
        to_fill.push(Message::new("draft-todo-id").arg("id", &id));
    }
    let (org, kind) = organization(options, &title, &outline, &mut to_fill);

    let docs = document_ids(&outline, &title);

    let mut files = BTreeMap::new();
    let mut documents = Vec::new();
    let mut all_terms = Vec::new();
    let mut all_roles = Vec::new();
    for (doc_id, doc_kind, d) in &docs {
        let markdown = emit::document_markdown(d);
        let file = format!("{doc_id}.md");
        for t in glossary::terms(&d.clauses) {
            all_terms.push((format!("{id}/{doc_id}/{}", t.clause), t));
        }
        for r in roles::roles(&d.clauses) {
            if !all_roles.iter().any(|(_, x): &(String, roles::DraftRole)| x.name == r.name) {
                all_roles.push((format!("{id}/{doc_id}/{}", r.clause), r));
            }
        }
        files.insert(file.clone(), markdown.clone());
        documents.push(DraftedDocument { id: doc_id.clone(), kind: (*doc_kind).to_owned(), title: d.title.clone(), file, markdown });
    }
    // Everyone is 職員等: the role exists when the 定義 defines it.
    if let Some((clause, t)) = all_terms.iter().find(|(_, t)| t.term.starts_with("職員")) {
        if !all_roles.iter().any(|(_, r)| r.name == t.term) {
            let id_used = all_roles.iter().any(|(_, r)| r.id == "staff");
            all_roles.push((
                clause.clone(),
                roles::DraftRole {
                    id: if id_used { "staff-2".into() } else { "staff".into() },
                    name: t.term.clone(),
                    generic: "staff",
                    aliases: vec![],
                    clause: t.clause.clone(),
                    quote: t.definition.clone(),
                },
            ));
        }
    } else {
        to_fill.push(Message::new("draft-todo-staff-role"));
    }

    let hist = history(&outline.docs[0].preamble);
    if hist.is_empty() {
        to_fill.push(Message::new("draft-todo-history"));
    }
    let version = hist.iter().map(|(d, _, _)| d.clone()).max().unwrap_or_else(|| "1".to_owned());
    files.insert("pack.toml".into(), manifest(&id, &version, &title, &org, &kind, name, &documents, &hist, &to_fill));
    match glossary_toml(&all_terms) {
        Some(g) => drop(files.insert("glossary.toml".into(), g)),
        None => to_fill.push(Message::new("draft-todo-glossary")),
    }
    match roles_toml(&all_roles) {
        Some(r) => {
            to_fill.push(Message::new("draft-todo-roles-generic"));
            files.insert("roles.toml".into(), r);
        }
        None => to_fill.push(Message::new("draft-todo-roles")),
    }
    to_fill.push(Message::new("draft-todo-courses"));
    to_fill.push(Message::new("draft-todo-selfcheck"));

    // What `tebiki content check` says, before anything is written.
    let pack_files = PackFiles::from_entries(&id, files.iter().map(|(k, v)| (k.clone(), v.clone().into_bytes())).collect());
    let loaded = load(&pack_files, PackOrigin::Imported);
    let problems: Vec<Problem> = loaded.problems;

    let verification = verify::check(&cleaned.lines, &documents);
    let (outline_entries, preview, (chapters, sections, clauses)) = outline_and_preview(&id, &docs);
    let rl = |s: &SourceLine| ReportLine { line: s.line, page: s.page, text: s.text.trim().to_owned() };
    let report = DraftReport {
        format: extracted.format,
        encoding: extracted.encoding.clone(),
        scheme,
        pack_id: id.clone(),
        title: title.clone(),
        organization: org.clone(),
        counts: Counts {
            input_lines: extracted.lines.len(),
            documents: docs.len(),
            chapters,
            sections,
            clauses,
            definitions: all_terms.len(),
            roles: all_roles.len(),
            toc_lines: cleaned.toc.len(),
            page_numbers: cleaned.page_numbers.len(),
            running_heads: cleaned.running_heads.len(),
            joined_lines: cleaned.joined.len(),
            sentences: verification.total,
            sentences_found: verification.total - verification.missing.len(),
        },
        documents: docs
            .iter()
            .map(|(i, k, d)| DocumentSummary { id: i.clone(), kind: (*k).to_owned(), title: d.title.clone(), clauses: d.clauses.len() })
            .collect(),
        outline: outline_entries,
        preview,
        unplaced: outline.unplaced.clone(),
        missing_sentences: verification.missing,
        toc: cleaned.toc.iter().map(rl).collect(),
        page_numbers: cleaned.page_numbers.iter().map(rl).collect(),
        running_heads: cleaned.running_heads.iter().map(rl).collect(),
        to_fill,
        problems,
        elapsed_ms: started.elapsed().as_millis() as u64,
    };
    Ok(Drafted { pack: DraftedPack { id, files, documents }, report })
}

/// The organisation and its kind: as given, else from the title or a line
/// of the title block (「(群馬県情報セキュリティポリシー)」「神戸市」).
fn organization(options: &DraftOptions, title: &str, outline: &structure::Outline, to_fill: &mut Vec<Message>) -> (String, String) {
    let (org, kind) = match options.org.clone().filter(|o| !o.trim().is_empty()) {
        Some(o) => {
            let k = kind_of(&o);
            (o, k)
        }
        None => match organization_from(title)
            .or_else(|| organization_from(&outline.title))
            .or_else(|| outline.docs[0].preamble.iter().take(10).find_map(|(_, l)| organization_from(l)))
        {
            Some((o, k)) => (o, Some(k)),
            None => (String::new(), None),
        },
    };
    if org.is_empty() {
        to_fill.push(Message::new("draft-todo-org"));
    }
    let kind = kind.unwrap_or_else(|| {
        to_fill.push(Message::new("draft-todo-org-kind"));
        String::new()
    });
    (org, kind)
}

/// Documents: ids and kinds from their titles, unique. One document is
/// named by the pack's title; several by the 章 that opens each.
fn document_ids<'o>(outline: &'o structure::Outline, title: &str) -> Vec<(String, &'static str, &'o DraftDoc)> {
    let mut docs: Vec<(String, &'static str, &DraftDoc)> = Vec::new();
    for d in &outline.docs {
        let first_chapter = d.clauses.iter().find(|c| c.kind == ClauseKind::Chapter).map(|c| c.title.as_str());
        let name = match (outline.docs.len(), first_chapter) {
            (1, Some(ch)) if document_kind(title).1 == "その他" => ch,
            (1, _) => title,
            (_, ch) => ch.unwrap_or(&d.title),
        };
        let (base, doc_kind) = document_kind(name);
        let mut doc_id = base.to_owned();
        let mut n = 2;
        while docs.iter().any(|(i, _, _)| *i == doc_id) {
            doc_id = format!("{base}-{n}");
            n += 1;
        }
        docs.push((doc_id, doc_kind, d));
    }
    docs
}

/// glossary.toml from the 定義 clauses (None when there are none).
fn glossary_toml(terms: &[(String, glossary::DraftTerm)]) -> Option<String> {
    if terms.is_empty() {
        return None;
    }
    let mut g = String::from("# 用語集: 定義の条項から下書きしたもの。読み (reading) は必要に応じて追記してください。\n");
    for (clause, t) in terms {
        g.push_str(&format!("\n[[term]]\nterm = {}\ndefinition = {}\nclause = {}\n", emit::q(&t.term), emit::q(&t.definition), emit::q(clause)));
    }
    Some(g)
}

/// roles.toml from the roles the text names (None when it names none).
/// Drafted roles are the text's own words (FORMAT.md, 「出典」).
fn roles_toml(roles: &[(String, roles::DraftRole)]) -> Option<String> {
    if roles.is_empty() {
        return None;
    }
    let mut r = String::from(
        "# 役割: 組織体制の条項が名指ししているものだけを下書きしました。\n# generic (Tebiki の汎用の役割: ciso | supervisor | manager | sysadmin | staff | other) は名称からの推定です。確認してください。\n",
    );
    for (clause, role) in roles {
        r.push_str(&format!("\n[[role]]\nid = {}\nname = {}\ngeneric = {}\n", emit::q(&role.id), emit::q(&role.name), emit::q(role.generic)));
        if !role.aliases.is_empty() {
            let a: Vec<String> = role.aliases.iter().map(|x| emit::q(x)).collect();
            r.push_str(&format!("aliases = [{}]\n", a.join(", ")));
        }
        r.push_str(&format!("clause = {}\n", emit::q(clause)));
        r.push_str(&format!("source = {{ quote = {} }}\n", emit::q(&role.quote)));
    }
    Some(r)
}

/// The outline of every clause, the first clauses' text for the preview,
/// and the counts (chapters, sections, clauses).
fn outline_and_preview(id: &str, docs: &[(String, &'static str, &DraftDoc)]) -> (Vec<OutlineEntry>, Vec<ClausePreview>, (usize, usize, usize)) {
    let mut outline_entries = Vec::new();
    let mut preview = Vec::new();
    let (mut chapters, mut sections, mut clauses) = (0, 0, 0);
    for (doc_id, _, d) in docs {
        for c in &d.clauses {
            clauses += 1;
            chapters += (c.kind == ClauseKind::Chapter) as usize;
            sections += (c.kind == ClauseKind::Section) as usize;
            outline_entries.push(OutlineEntry { document: doc_id.clone(), id: format!("{id}/{doc_id}/{}", c.local_id), heading: c.heading(), level: c.level });
            if preview.len() < 8 && c.kind == ClauseKind::Clause || (preview.len() < 8 && !c.blocks.is_empty()) {
                let text: String = c
                    .blocks
                    .iter()
                    .map(|(_, b)| match b {
                        structure::Block::Para { text } | structure::Block::Continuation { text, .. } => text.clone(),
                        structure::Block::Item { marker, text, .. } => format!("{marker} {text}"),
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                let text: String = text.chars().take(400).collect();
                preview.push(ClausePreview { id: format!("{id}/{doc_id}/{}", c.local_id), heading: c.heading(), text });
            }
        }
    }
    (outline_entries, preview, (chapters, sections, clauses))
}

#[allow(clippy::too_many_arguments)]
fn manifest(
    id: &str,
    version: &str,
    title: &str,
    org: &str,
    kind: &str,
    source_name: &str,
    documents: &[DraftedDocument],
    history: &[(String, String, String)],
    to_fill: &[Message],
) -> String {
    let q = emit::q;
    let mut m = String::from("# tebiki content draft で下書きしたポリシーパック。確認して手で仕上げてください:\n");
    for t in to_fill {
        m.push_str(&format!("#   - {}\n", t.key));
    }
    m.push_str(&format!(
        "format = 1\nid = {}\nversion = {}\ntitle = {}\n\n[organization]\nname = {}\nkind = {}\n\n[source]\nnote = {}\n",
        q(id),
        q(version),
        q(title),
        q(org),
        q(kind),
        q(&format!("{source_name} から tebiki content draft で作成")),
    ));
    for d in documents {
        m.push_str(&format!("\n[[documents]]\nid = {}\nkind = {}\ntitle = {}\nfile = {}\nbody = \"full\"\n", q(&d.id), q(&d.kind), q(&d.title), q(&d.file)));
    }
    for (date, wareki, event) in history {
        m.push_str(&format!("\n[[history]]\ndate = {}\nwareki = {}\nevent = {}\n", q(date), q(wareki), q(event)));
    }
    m
}

/// What [`write`] wrote.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[ts(rename = "DraftWriteOutcome")]
#[serde(rename_all = "camelCase")]
pub struct WriteOutcome {
    pub dir: String,
    pub files: Vec<String>,
}

/// Writes the drafted pack into `out_dir` (created; it must not hold files
/// already, so nothing of the person's is overwritten).
pub fn write(pack: &DraftedPack, out_dir: &Path) -> Result<WriteOutcome, DraftError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| DraftError::Io { path, source }
    };
    if out_dir.exists() {
        let mut entries = std::fs::read_dir(out_dir).map_err(io(out_dir))?;
        if entries.next().is_some() {
            return Err(DraftError::OutputNotEmpty(out_dir.to_owned()));
        }
    }
    std::fs::create_dir_all(out_dir).map_err(io(out_dir))?;
    let mut written = Vec::new();
    for (rel, text) in &pack.files {
        let path = out_dir.join(rel);
        std::fs::write(&path, text).map_err(io(&path))?;
        written.push(rel.clone());
    }
    Ok(WriteOutcome { dir: out_dir.display().to_string(), files: written })
}
