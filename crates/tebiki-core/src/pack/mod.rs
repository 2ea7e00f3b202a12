//! Policy packs: one organisation's policy as a manifest and Markdown files.
//! The format is documented in content/FORMAT.md; `load` is its validator.

pub mod courses;
pub mod elearning;
pub mod everyday;
pub mod files;
pub mod glossary;
pub mod import;
pub mod library;
pub mod manifest;
pub mod markdown;
pub mod obligation;
pub mod problem;
pub mod questionnaire;
pub mod render;
pub mod roles;
pub mod version;

use crate::message::Message;
use files::{is_safe_relative_path, PackFiles};
use glossary::{squash, GlossaryFile, GlossaryTerm};
use manifest::{BodyKind, HistoryEntry, Manifest, Organization};
use problem::Problem;
use serde::Serialize;
use std::collections::HashSet;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum PackOrigin {
    /// Shipped inside the app.
    Bundled,
    /// Imported by the organisation into the data folder.
    Imported,
}

#[derive(Debug, Clone)]
pub struct Pack {
    pub id: String,
    pub version: String,
    /// SHA-256 of the pack's files (`PackFiles::content_hash`).
    pub content_hash: String,
    pub title: String,
    pub organization: Organization,
    pub source_note: String,
    pub history: Vec<HistoryEntry>,
    pub documents: Vec<Document>,
    pub glossary: Vec<GlossaryTerm>,
    /// The 研修 the policy requires (`courses.toml`).
    pub courses: Vec<crate::pack::courses::Course>,
    /// The roles the policy defines (`roles.toml`).
    pub roles: Vec<crate::pack::roles::Role>,
    /// 自己点検 questionnaires, one per role (`selfcheck/<role>.toml`).
    pub questionnaires: Vec<crate::pack::questionnaire::Questionnaire>,
    /// The pack's own everyday words for search (`everyday.toml`).
    pub everyday: everyday::EverydayFile,
    /// Lessons and 理解度テスト of courses taken in Tebiki (`elearning/<course>.toml`).
    pub elearning: Vec<elearning::ElearningCourse>,
    /// The wording of the 閲覧確認 ({title} and {version} filled in); None: the app's default.
    pub acknowledgement: Option<String>,
    pub origin: PackOrigin,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub file: String,
    pub body: BodyKind,
    pub preamble: String,
    pub clauses: Vec<Clause>,
}

#[derive(Debug, Clone)]
pub struct Clause {
    /// `pack/document/local`
    pub id: String,
    pub local_id: String,
    pub heading: String,
    pub number: Option<String>,
    pub title: String,
    pub level: u8,
    pub line: usize,
    pub body: String,
    pub parent: Option<usize>,
}

/// A clause's place: its pack, document index and clause index.
#[derive(Debug, Clone, Copy)]
pub struct ClauseRef<'a> {
    pub pack: &'a Pack,
    pub doc: usize,
    pub index: usize,
}

impl<'a> ClauseRef<'a> {
    pub fn document(&self) -> &'a Document {
        &self.pack.documents[self.doc]
    }
    pub fn clause(&self) -> &'a Clause {
        &self.document().clauses[self.index]
    }
    /// The clause and all clauses nested under it, in order.
    pub fn with_descendants(&self) -> &'a [Clause] {
        let clauses = &self.document().clauses;
        let level = clauses[self.index].level;
        let end = clauses[self.index + 1..].iter().position(|c| c.level <= level).map(|p| self.index + 1 + p).unwrap_or(clauses.len());
        &clauses[self.index..end]
    }
    /// Enclosing clauses, outermost first.
    pub fn ancestors(&self) -> Vec<&'a Clause> {
        let clauses = &self.document().clauses;
        let mut out = Vec::new();
        let mut p = clauses[self.index].parent;
        while let Some(i) = p {
            out.push(&clauses[i]);
            p = clauses[i].parent;
        }
        out.reverse();
        out
    }
}

impl Pack {
    /// Finds `pack/doc/local` (or `doc/local`) in this pack.
    pub fn clause(&self, id: &str) -> Option<ClauseRef<'_>> {
        let rest = id.strip_prefix(&self.id).and_then(|r| r.strip_prefix('/')).unwrap_or(id);
        let (doc_id, local) = rest.split_once('/')?;
        let doc = self.documents.iter().position(|d| d.id == doc_id)?;
        let index = self.documents[doc].clauses.iter().position(|c| c.local_id == local)?;
        Some(ClauseRef { pack: self, doc, index })
    }

    pub fn clause_count(&self) -> usize {
        self.documents.iter().map(|d| d.clauses.len()).sum()
    }
}

/// The result of reading a pack: the pack when it has no errors, and every
/// problem found (errors and warnings) either way.
pub struct LoadOutcome {
    pub pack: Option<Pack>,
    pub problems: Vec<Problem>,
}

pub(crate) fn line_at(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

pub(crate) fn utf8<'a>(files: &'a PackFiles, rel: &str, problems: &mut Vec<Problem>) -> Option<&'a str> {
    let bytes = files.get(rel)?;
    match std::str::from_utf8(bytes) {
        Ok(t) => Some(t.strip_prefix('\u{feff}').unwrap_or(t)),
        Err(e) => {
            let line = line_at(&String::from_utf8_lossy(&bytes[..e.valid_up_to()]), usize::MAX);
            problems.push(Problem::error(rel, line, Message::new("pack-problem-not-utf8")));
            None
        }
    }
}

/// Reads and validates a pack (see content/FORMAT.md).
pub fn load(files: &PackFiles, origin: PackOrigin) -> LoadOutcome {
    let mut problems = Vec::new();
    let pack = load_inner(files, origin, &mut problems);
    let has_errors = problems.iter().any(Problem::is_error);
    LoadOutcome { pack: if has_errors { None } else { pack }, problems }
}

const MANIFEST: &str = "pack.toml";

fn load_inner(files: &PackFiles, origin: PackOrigin, problems: &mut Vec<Problem>) -> Option<Pack> {
    for rel in files.files.keys() {
        if !is_safe_relative_path(rel) {
            problems.push(Problem::file_error(rel, Message::new("pack-problem-unsafe-path")));
        }
    }
    let Some(text) = files.get(MANIFEST).map(|_| utf8(files, MANIFEST, problems)) else {
        problems.push(Problem::file_error(&files.folder, Message::new("pack-problem-no-manifest")));
        return None;
    };
    let text = text?;
    let manifest: Manifest = match toml::from_str(text) {
        Ok(m) => m,
        Err(e) => {
            let line = e.span().map(|s| line_at(text, s.start)).unwrap_or(1);
            problems.push(Problem::error(MANIFEST, line, Message::new("pack-problem-manifest").arg("detail", e.message())));
            return None;
        }
    };
    check_manifest(&manifest, text, files, origin, problems);
    let documents = load_documents(&manifest, text, files, problems);

    let mut pack = Pack {
        id: manifest.id.clone(),
        version: manifest.version.clone(),
        content_hash: files.content_hash(),
        title: manifest.title.clone(),
        organization: manifest.organization.clone(),
        source_note: manifest.source.map(|s| s.note).unwrap_or_default(),
        history: manifest.history.clone(),
        documents: Vec::new(),
        glossary: Vec::new(),
        courses: Vec::new(),
        roles: Vec::new(),
        questionnaires: Vec::new(),
        everyday: everyday::EverydayFile::default(),
        elearning: Vec::new(),
        acknowledgement: manifest.acknowledgement.clone().filter(|a| !a.trim().is_empty()),
        origin,
    };
    let links: Vec<_> = documents.iter().map(|(d, l)| (d.id.clone(), d.file.clone(), l.clone())).collect();
    pack.documents = documents.into_iter().map(|(d, _)| d).collect();
    for (doc_id, file, targets) in links {
        for (target, line) in targets {
            if let Some(problem) = check_link(&pack, &doc_id, &target) {
                problems.push(Problem::error(&file, line, problem));
            }
        }
    }
    load_glossary(files, &mut pack, problems);
    const EVERYDAY: &str = "everyday.toml";
    if files.get(EVERYDAY).is_some() {
        if let Some(file) = utf8(files, EVERYDAY, problems).and_then(|text| everyday::parse(EVERYDAY, text, problems)) {
            pack.everyday = file;
        }
    }
    load_roles(files, &mut pack, problems);
    load_courses(files, &mut pack, problems);
    crate::pack::questionnaire::load(files, &mut pack, problems);
    elearning::load(files, &mut pack, problems);
    Some(pack)
}

/// Line of the first `key = ` line holding `value` in pack.toml (else of the
/// first `key = `), for a problem with that field.
fn field_line(text: &str, key: &str, value: &str) -> usize {
    text.lines()
        .position(|l| l.trim_start().starts_with(key) && l.contains(value))
        .or_else(|| text.lines().position(|l| l.trim_start().starts_with(key)))
        .map(|i| i + 1)
        .unwrap_or(1)
}

fn unknown_value(field: &str, value: &str, allowed: &[&str]) -> Message {
    Message::new("pack-problem-unknown-value").arg("field", field).arg("value", value).arg("allowed", allowed.join(" / "))
}

/// The manifest's own fields: format, ids, version, names, kinds, history.
fn check_manifest(manifest: &Manifest, text: &str, files: &PackFiles, origin: PackOrigin, problems: &mut Vec<Problem>) {
    let mut field = |key: &str, value: &str, msg: Message| problems.push(Problem::error(MANIFEST, field_line(text, key, value), msg));
    if manifest.format != manifest::FORMAT_VERSION {
        field("format", "", Message::new("pack-problem-format").arg("found", manifest.format).arg("supported", manifest::FORMAT_VERSION));
    }
    if !manifest::is_valid_id(&manifest.id) {
        field("id", &manifest.id, Message::new("pack-problem-bad-pack-id").arg("id", &manifest.id));
    } else if !files.folder.is_empty() && files.folder != manifest.id && origin == PackOrigin::Bundled {
        field("id", &manifest.id, Message::new("pack-problem-folder-mismatch").arg("id", &manifest.id).arg("folder", &files.folder));
    }
    if !version::is_valid(&manifest.version) {
        field("version", &manifest.version, Message::new("pack-problem-bad-version").arg("version", &manifest.version));
    }
    if manifest.title.trim().is_empty() {
        field("title", "", Message::new("pack-problem-empty-field").arg("field", "title"));
    }
    if manifest.organization.name.trim().is_empty() {
        field("name", "", Message::new("pack-problem-empty-field").arg("field", "organization.name"));
    }
    let kind = &manifest.organization.kind;
    if !manifest::ORGANIZATION_KINDS.contains(&kind.as_str()) {
        field("kind", kind, unknown_value("organization.kind", kind, manifest::ORGANIZATION_KINDS));
    }
    if manifest.documents.is_empty() {
        field("[[documents]]", "", Message::new("pack-problem-no-documents"));
    }
    for h in &manifest.history {
        match chrono::NaiveDate::parse_from_str(&h.date, "%Y-%m-%d") {
            Err(_) => field("date", &h.date, Message::new("pack-problem-bad-date").arg("value", &h.date)),
            Ok(date) => match crate::calendar::wareki::parse(&h.wareki) {
                Some(w) if w == date => {}
                Some(_) => field("wareki", &h.wareki, Message::new("pack-problem-wareki-mismatch").arg("wareki", &h.wareki).arg("date", &h.date)),
                None => field("wareki", &h.wareki, Message::new("pack-problem-bad-wareki").arg("value", &h.wareki)),
            },
        }
        if !manifest::HISTORY_EVENTS.contains(&h.event.as_str()) {
            field("event", &h.event, unknown_value("history.event", &h.event, manifest::HISTORY_EVENTS));
        }
    }
}

/// The documents the manifest lists, parsed, each with its internal links.
fn load_documents(manifest: &Manifest, text: &str, files: &PackFiles, problems: &mut Vec<Problem>) -> Vec<(Document, Vec<(String, usize)>)> {
    let mut documents = Vec::new();
    let mut doc_ids = HashSet::new();
    for entry in &manifest.documents {
        let mut problem = |key: &str, value: &str, msg: Message| problems.push(Problem::error(MANIFEST, field_line(text, key, value), msg));
        if !manifest::is_valid_id(&entry.id) || !doc_ids.insert(entry.id.clone()) {
            problem("id", &entry.id, Message::new("pack-problem-bad-document-id").arg("id", &entry.id));
            continue;
        }
        if !manifest::DOCUMENT_KINDS.contains(&entry.kind.as_str()) {
            problem("kind", &entry.kind, unknown_value("documents.kind", &entry.kind, manifest::DOCUMENT_KINDS));
        }
        if !is_safe_relative_path(&entry.file) || !entry.file.ends_with(".md") {
            problem("file", &entry.file, Message::new("pack-problem-bad-document-file").arg("file", &entry.file));
            continue;
        }
        if files.get(&entry.file).is_none() {
            problem("file", &entry.file, Message::new("pack-problem-missing-file").arg("file", &entry.file));
            continue;
        }
        let Some(doc_text) = utf8(files, &entry.file, problems) else { continue };
        let parsed = markdown::parse_document(&entry.file, doc_text, &format!("{}/{}/", manifest.id, entry.id), problems);
        let document = Document {
            id: entry.id.clone(),
            kind: entry.kind.clone(),
            title: entry.title.clone(),
            file: entry.file.clone(),
            body: entry.body,
            preamble: parsed.preamble,
            clauses: parsed.clauses,
        };
        documents.push((document, parsed.links));
    }
    documents
}

/// glossary.toml: each term's definition must be words of the clause it cites.
fn load_glossary(files: &PackFiles, pack: &mut Pack, problems: &mut Vec<Problem>) {
    const GLOSSARY: &str = "glossary.toml";
    if files.get(GLOSSARY).is_none() {
        return;
    }
    let Some(text) = utf8(files, GLOSSARY, problems) else { return };
    let g = match toml::from_str::<GlossaryFile>(text) {
        Ok(g) => g,
        Err(e) => {
            let line = e.span().map(|s| line_at(text, s.start)).unwrap_or(1);
            problems.push(Problem::error(GLOSSARY, line, Message::new("pack-problem-manifest").arg("detail", e.message())));
            return;
        }
    };
    for term in g.term {
        let line = text.lines().position(|l| l.contains(&format!("\"{}\"", term.term))).map(|i| i + 1).unwrap_or(1);
        let problem = match pack.clause(&term.clause) {
            None => Some("pack-problem-glossary-clause"),
            Some(c) => {
                let clause = c.clause();
                let words = squash(&markdown::plain_text(&format!("{}\n\n{}", clause.heading, clause.body)));
                (!words.contains(&squash(&term.definition))).then_some("pack-problem-glossary-definition")
            }
        };
        if let Some(key) = problem {
            problems.push(Problem::error(GLOSSARY, line, Message::new(key).arg("term", &term.term).arg("clause", &term.clause)));
        }
        pack.glossary.push(term);
    }
}

fn load_roles(files: &PackFiles, pack: &mut Pack, problems: &mut Vec<Problem>) {
    const ROLES: &str = "roles.toml";
    if files.get(ROLES).is_none() {
        return;
    }
    let Some(text) = utf8(files, ROLES, problems) else { return };
    let file: crate::pack::roles::RoleFile = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            let line = e.span().map(|s| line_at(text, s.start)).unwrap_or(1);
            problems.push(Problem::error(ROLES, line, Message::new("pack-problem-manifest").arg("detail", e.message())));
            return;
        }
    };
    let mut ids = HashSet::new();
    for r in file.role {
        let line = text.lines().position(|l| l.contains(&format!("\"{}\"", r.id))).map(|i| i + 1).unwrap_or(1);
        if !manifest::is_valid_id(&r.id) || !ids.insert(r.id.clone()) || r.name.trim().is_empty() {
            problems.push(Problem::error(ROLES, line, Message::new("pack-problem-bad-role").arg("id", &r.id)));
            continue;
        }
        if pack.clause(&r.clause).is_none() {
            problems.push(Problem::error(ROLES, line, Message::new("pack-problem-role-clause").arg("id", &r.id).arg("clause", &r.clause)));
        }
        check_source(pack, ROLES, line, &r.id, "source", &r.clause, r.source.as_ref(), problems);
        pack.roles.push(r);
    }
}

fn load_courses(files: &PackFiles, pack: &mut Pack, problems: &mut Vec<Problem>) {
    const COURSES: &str = "courses.toml";
    if files.get(COURSES).is_none() {
        return;
    }
    let Some(text) = utf8(files, COURSES, problems) else { return };
    let file: crate::pack::courses::CourseFile = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            let line = e.span().map(|s| line_at(text, s.start)).unwrap_or(1);
            problems.push(Problem::error(COURSES, line, Message::new("pack-problem-manifest").arg("detail", e.message())));
            return;
        }
    };
    let mut ids = HashSet::new();
    for c in file.course {
        let line = text.lines().position(|l| l.contains(&format!("\"{}\"", c.id))).map(|i| i + 1).unwrap_or(1);
        if !manifest::is_valid_id(&c.id) || !ids.insert(c.id.clone()) {
            problems.push(Problem::error(COURSES, line, Message::new("pack-problem-bad-course-id").arg("id", &c.id)));
            continue;
        }
        if pack.clause(&c.clause).is_none() {
            problems.push(Problem::error(COURSES, line, Message::new("pack-problem-course-clause").arg("id", &c.id).arg("clause", &c.clause)));
        }
        if !pack.roles.is_empty() {
            for role in c.roles.iter().filter(|r| crate::pack::roles::resolve(&pack.roles, r).is_none()) {
                problems.push(Problem::error(COURSES, line, Message::new("pack-problem-course-role").arg("id", &c.id).arg("role", role)));
            }
        }
        // Every requirement is the policy's words or the organisation's setting.
        use crate::pack::courses::CourseKind;
        check_source(pack, COURSES, line, &c.id, "source", &c.clause, c.source.as_ref(), problems);
        if !c.roles.is_empty() || c.roles_source.is_some() {
            check_source(pack, COURSES, line, &c.id, "roles_source", &c.clause, c.roles_source.as_ref(), problems);
        }
        if c.within_days.is_some() || c.within_days_source.is_some() {
            check_source(pack, COURSES, line, &c.id, "within_days_source", &c.clause, c.within_days_source.as_ref(), problems);
        }
        if c.kind != CourseKind::NewHire || c.frequency_source.is_some() {
            check_source(pack, COURSES, line, &c.id, "frequency_source", &c.clause, c.frequency_source.as_ref(), problems);
        }
        pack.courses.push(c);
    }
}

/// A role's or course setting's provenance (FORMAT.md, 「出典」): present,
/// either a quote or a setting, and a quote is words of its clause.
#[allow(clippy::too_many_arguments)]
fn check_source(
    pack: &Pack,
    file: &str,
    line: usize,
    id: &str,
    field: &str,
    own_clause: &str,
    source: Option<&crate::pack::roles::Source>,
    problems: &mut Vec<Problem>,
) {
    let problem = |key: &str| Message::new(key).arg("id", id).arg("field", field);
    let Some(source) = source else {
        problems.push(Problem::error(file, line, problem("pack-problem-no-provenance")));
        return;
    };
    match (&source.quote, &source.setting) {
        (Some(quote), None) if !quote.trim().is_empty() => {
            let clause_id = source.clause.as_deref().unwrap_or(own_clause);
            match pack.clause(clause_id) {
                None => problems.push(Problem::error(file, line, problem("pack-problem-provenance-clause").arg("clause", clause_id))),
                Some(c) => {
                    let c = c.clause();
                    // Compared ignoring spaces and width (ＣＩＳＯ = CISO).
                    let norm = |t: &str| -> String {
                        use unicode_normalization::UnicodeNormalization;
                        squash(&t.nfkc().collect::<String>())
                    };
                    let text = norm(&markdown::plain_text(&format!("{}\n\n{}", c.heading, c.body)));
                    if !text.contains(&norm(quote)) {
                        problems.push(Problem::error(file, line, problem("pack-problem-provenance-quote").arg("clause", clause_id)));
                    }
                }
            }
        }
        (None, Some(setting)) if !setting.trim().is_empty() && source.clause.is_none() => {}
        _ => problems.push(Problem::error(file, line, problem("pack-problem-bad-provenance"))),
    }
}

/// Internal links: `#local` in the same document, `tebiki:pack/doc/local`.
/// Anything else (web links, `javascript:`) is refused: the reader never
/// leaves the app.
fn check_link(pack: &Pack, doc_id: &str, target: &str) -> Option<Message> {
    let broken = || Some(Message::new("pack-problem-broken-link").arg("target", target));
    if let Some(local) = target.strip_prefix('#') {
        return pack.clause(&format!("{doc_id}/{local}")).is_none().then(broken).flatten();
    }
    if let Some(id) = target.strip_prefix("tebiki:") {
        let (p, rest) = id.split_once('/')?;
        if p == pack.id {
            return pack.clause(rest).is_none().then(broken).flatten();
        }
        return None; // another pack's clause: checked when both are installed
    }
    Some(Message::new("pack-problem-external-link").arg("target", target))
}
