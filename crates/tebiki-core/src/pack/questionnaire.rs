//! 自己点検の設問: `selfcheck/<role-id>.toml` in a pack, one questionnaire per
//! role, each item tied to the clauses it asks about and the obligations it
//! checks (content/FORMAT.md, 「自己点検」).

use super::obligation;
use crate::message::Message;
use crate::pack::problem::{Problem, Severity};
use crate::pack::{files::PackFiles, line_at, utf8, ClauseRef, Pack};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use toml::Spanned;
use ts_rs::TS;

/// The folder of a pack that holds the questionnaires.
pub const FOLDER: &str = "selfcheck";

/// One role's questionnaire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Questionnaire {
    /// The role id (roles.toml) whose holders answer it.
    pub role: String,
    pub title: String,
    pub title_en: Option<String>,
    /// Path inside the pack (`selfcheck/staff.toml`).
    pub file: String,
    /// Screening questions asked first (applicability gates): 「いいえ」 to a
    /// gate makes every item of its group 該当なし.
    pub gates: Vec<Gate>,
    pub items: Vec<Item>,
    /// Duties of the role deliberately not asked, each with its reason.
    pub excluded: Vec<Excluded>,
}

/// A screening question (CSET's question-set gates): asked with はい / いいえ
/// before the items; the items whose `gate` it is are asked only after はい.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Gate {
    /// Shares the item ids' namespace in the file.
    pub id: String,
    pub question: String,
    pub question_en: Option<String>,
    pub help: Option<String>,
    pub help_en: Option<String>,
    pub clauses: Vec<String>,
}

/// An obligation of the role that the questionnaire does not ask about, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Excluded {
    pub obligation: String,
    pub reason: String,
    pub reason_en: Option<String>,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Item {
    /// [a-z0-9-]+, unique in the questionnaire, kept across pack versions so
    /// that answers of earlier 年度 still match.
    pub id: String,
    pub question: String,
    pub question_en: Option<String>,
    pub help: Option<String>,
    pub help_en: Option<String>,
    /// The clauses it asks about (at least one).
    pub clauses: Vec<String>,
    /// The obligations (`<clause id>#<n>`) an answer to it tells about.
    pub covers: Vec<String>,
    /// Why one item checks more than three duties (they are one practice).
    pub covers_reason: Option<String>,
    /// The gate (a [`Gate`] id of the file) whose 「いいえ」 makes it 該当なし.
    pub gate: Option<String>,
    /// When to answer 該当なし (no occasion in the 年度).
    pub na: Option<String>,
    pub na_en: Option<String>,
    /// The chapter it belongs to: the top-level clause above its first
    /// clause (神戸市 7.1.1 → 7), for rates per chapter.
    pub chapter: Option<String>,
}

impl Questionnaire {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }
}

impl Pack {
    /// The questionnaire that holders of `role` (an id) answer.
    pub fn questionnaire(&self, role: &str) -> Option<&Questionnaire> {
        self.questionnaires.iter().find(|q| q.role == role)
    }
}

/// The chapter of a clause: its outermost enclosing clause, or itself at the top.
pub fn chapter_of<'a>(clause: ClauseRef<'a>) -> &'a crate::pack::Clause {
    clause.ancestors().first().copied().unwrap_or_else(|| clause.clause())
}

/// The chapter an item belongs to (see [`Item::chapter`]).
pub fn chapter<'a>(pack: &'a Pack, item: &Item) -> Option<&'a crate::pack::Clause> {
    item.clauses.first().and_then(|c| pack.clause(c)).map(chapter_of)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    role: Spanned<String>,
    title: String,
    #[serde(default)]
    title_en: Option<String>,
    #[serde(default)]
    gate: Vec<GateFile>,
    #[serde(default)]
    item: Vec<ItemFile>,
    #[serde(default)]
    excluded: Vec<ExcludedFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GateFile {
    id: Spanned<String>,
    question: String,
    #[serde(default)]
    question_en: Option<String>,
    #[serde(default)]
    help: Option<String>,
    #[serde(default)]
    help_en: Option<String>,
    #[serde(default)]
    clauses: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExcludedFile {
    obligation: Spanned<String>,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    reason_en: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemFile {
    id: Spanned<String>,
    question: String,
    #[serde(default)]
    question_en: Option<String>,
    #[serde(default)]
    help: Option<String>,
    #[serde(default)]
    help_en: Option<String>,
    #[serde(default)]
    clauses: Vec<Spanned<String>>,
    #[serde(default)]
    covers: Vec<Spanned<String>>,
    #[serde(default)]
    covers_reason: Option<String>,
    #[serde(default)]
    gate: Option<Spanned<String>>,
    #[serde(default)]
    na: Option<String>,
    #[serde(default)]
    na_en: Option<String>,
}

/// More duties than this in one item need a stated reason (`covers_reason`).
pub const MAX_COVERS_WITHOUT_REASON: usize = 3;

fn is_valid_item_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The words that end a role's name in Japanese policies.
const ROLE_ENDINGS: [&str; 3] = ["責任者", "管理者", "担当者"];

fn is_name_char(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{30a0}'..='\u{30ff}').contains(&c) || c == '々'
}

/// Role names in a question that are not roles of the pack: a run of kanji
/// and katakana ending in 責任者 / 管理者 / 担当者 (「情報システム責任者」) none of
/// whose tails is a role's name, alias or generic label. A bare 「責任者」 or
/// 「管理者」 is a common noun and is not checked.
pub fn unknown_role_names(text: &str, roles: &[crate::pack::roles::Role]) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut quoted = 0i32;
    while i < chars.len() {
        // Words quoted from the policy (「それぞれの管理責任者の承認を得る」) are its own.
        match chars[i] {
            '「' | '『' => quoted += 1,
            '」' | '』' => quoted = (quoted - 1).max(0),
            _ => {}
        }
        if quoted > 0 || !is_name_char(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_name_char(chars[i]) {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        let Some(ending) = ROLE_ENDINGS.iter().find(|e| run.ends_with(**e)) else { continue };
        if run == *ending {
            continue;
        }
        let n = run.chars().count();
        let known = (0..n - ending.chars().count()).any(|skip| {
            let tail: String = run.chars().skip(skip).collect();
            crate::pack::roles::resolve(roles, &tail).is_some()
        });
        if !known && !out.contains(&run) {
            out.push(run);
        }
    }
    out
}

/// Reads `selfcheck/*.toml` into `pack.questionnaires`, after the roles are
/// loaded. Every problem is reported with its file and line.
pub fn load(files: &PackFiles, pack: &mut Pack, problems: &mut Vec<Problem>) {
    let prefix = format!("{FOLDER}/");
    let paths: Vec<&String> = files.files.keys().filter(|p| p.starts_with(&prefix)).collect();
    if paths.is_empty() {
        return;
    }
    let obligations: HashMap<String, obligation::Obligation> = obligation::extract(pack).into_iter().map(|o| (o.id.clone(), o)).collect();
    for path in paths {
        let Some(stem) = path[prefix.len()..].strip_suffix(".toml").filter(|s| !s.contains('/')) else {
            // A typo such as `staff.tml` would otherwise be skipped without a word.
            problems.push(Problem {
                severity: Severity::Warning,
                ..Problem::file_error(path, Message::new("pack-problem-selfcheck-stray-file").arg("file", path))
            });
            continue;
        };
        if let Some(q) = load_file(files, pack, &obligations, path, stem, problems) {
            pack.questionnaires.push(q);
        }
    }
    pack.questionnaires.sort_by_key(|q| pack.roles.iter().position(|r| r.id == q.role));
}

/// What checking one questionnaire file needs at hand.
struct FileCheck<'a> {
    pack: &'a Pack,
    obligations: &'a HashMap<String, obligation::Obligation>,
    path: &'a str,
    text: &'a str,
}

impl FileCheck<'_> {
    fn line(&self, span: std::ops::Range<usize>) -> usize {
        line_at(self.text, span.start)
    }

    fn error(&self, line: usize, message: Message) -> Problem {
        Problem::error(self.path, line, message)
    }

    fn warning(&self, line: usize, message: Message) -> Problem {
        Problem { severity: Severity::Warning, ..Problem::error(self.path, line, message) }
    }

    /// Cited clauses must exist; role names in the wording must be roles.
    fn check_clauses_and_names(&self, id: &str, line: usize, clauses: &[Spanned<String>], texts: &[Option<&String>], problems: &mut Vec<Problem>) {
        for c in clauses {
            if self.pack.clause(c.get_ref()).is_none() {
                problems.push(self.error(self.line(c.span()), Message::new("pack-problem-selfcheck-clause").arg("id", id).arg("clause", c.get_ref())));
            }
        }
        for text in texts.iter().flatten() {
            for name in unknown_role_names(text, &self.pack.roles) {
                problems.push(self.error(line, Message::new("pack-problem-selfcheck-role-name").arg("id", id).arg("name", name)));
            }
        }
    }

    fn gate(&self, g: GateFile, ids: &mut HashSet<String>, problems: &mut Vec<Problem>) -> Gate {
        let id = g.id.get_ref().clone();
        let line = self.line(g.id.span());
        if !is_valid_item_id(&id) || !ids.insert(id.clone()) {
            problems.push(self.error(line, Message::new("pack-problem-selfcheck-bad-item-id").arg("id", &id)));
        }
        if g.question.trim().is_empty() {
            problems.push(self.error(line, Message::new("pack-problem-selfcheck-empty-question").arg("id", &id)));
        }
        self.check_clauses_and_names(&id, line, &g.clauses, &[Some(&g.question), g.help.as_ref()], problems);
        Gate {
            id,
            question: g.question,
            question_en: g.question_en,
            help: g.help,
            help_en: g.help_en,
            clauses: g.clauses.into_iter().map(Spanned::into_inner).collect(),
        }
    }

    /// An answer must tell about a duty the policy states (FORMAT.md, 自己点検),
    /// in a clause the item cites, so the reader of the question sees the
    /// words it checks. No `covers` is a warning, so that a 自治体's older
    /// pack still imports; the bundled packs are held to it by a test.
    fn check_covers(&self, it: &ItemFile, id: &str, line: usize, problems: &mut Vec<Problem>) {
        if it.covers.is_empty() {
            problems.push(self.warning(line, Message::new("pack-problem-selfcheck-no-covers").arg("id", id)));
        }
        for o in &it.covers {
            let at = self.line(o.span());
            match self.obligations.get(o.get_ref()) {
                None => problems.push(self.error(at, Message::new("pack-problem-selfcheck-covers").arg("id", id).arg("obligation", o.get_ref()))),
                Some(ob) if !it.clauses.iter().any(|c| self.pack.clause(c.get_ref()).is_some_and(|r| r.clause().id == ob.clause_id)) => {
                    problems.push(self.error(
                        at,
                        Message::new("pack-problem-selfcheck-covers-clause").arg("id", id).arg("obligation", o.get_ref()).arg("clause", &ob.clause_id),
                    ))
                }
                Some(_) => {}
            }
        }
        if it.covers.len() > MAX_COVERS_WITHOUT_REASON && it.covers_reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            let message =
                Message::new("pack-problem-selfcheck-too-many-covers").arg("id", id).arg("count", it.covers.len()).arg("max", MAX_COVERS_WITHOUT_REASON);
            problems.push(self.warning(line, message));
        }
    }

    fn item(&self, it: ItemFile, gates: &[Gate], ids: &mut HashSet<String>, used_gates: &mut HashSet<String>, problems: &mut Vec<Problem>) -> Item {
        let id = it.id.get_ref().clone();
        let line = self.line(it.id.span());
        if !is_valid_item_id(&id) || !ids.insert(id.clone()) {
            problems.push(self.error(line, Message::new("pack-problem-selfcheck-bad-item-id").arg("id", &id)));
        }
        if it.question.trim().is_empty() {
            problems.push(self.error(line, Message::new("pack-problem-selfcheck-empty-question").arg("id", &id)));
        }
        if it.clauses.is_empty() {
            problems.push(self.error(line, Message::new("pack-problem-selfcheck-no-clauses").arg("id", &id)));
        }
        self.check_clauses_and_names(&id, line, &it.clauses, &[Some(&it.question), it.help.as_ref(), it.na.as_ref()], problems);
        self.check_covers(&it, &id, line, problems);
        if let Some(g) = &it.gate {
            if gates.iter().any(|x| &x.id == g.get_ref()) {
                used_gates.insert(g.get_ref().clone());
            } else {
                problems.push(self.error(self.line(g.span()), Message::new("pack-problem-selfcheck-gate").arg("id", &id).arg("gate", g.get_ref())));
            }
        }
        let mut item = Item {
            id,
            question: it.question,
            question_en: it.question_en,
            help: it.help,
            help_en: it.help_en,
            clauses: it.clauses.into_iter().map(Spanned::into_inner).collect(),
            covers: it.covers.into_iter().map(Spanned::into_inner).collect(),
            covers_reason: it.covers_reason,
            gate: it.gate.map(Spanned::into_inner),
            na: it.na,
            na_en: it.na_en,
            chapter: None,
        };
        item.chapter = chapter(self.pack, &item).map(|c| c.id.clone());
        item
    }

    /// Duties deliberately not asked: known, of this role, not asked after
    /// all, listed once, with a reason.
    fn excluded(&self, list: Vec<ExcludedFile>, role: &str, items: &[Item], problems: &mut Vec<Problem>) -> Vec<Excluded> {
        let mut excluded = Vec::new();
        let mut seen = HashSet::new();
        for e in list {
            let o = e.obligation.get_ref().clone();
            let line = self.line(e.obligation.span());
            let problem = match self.obligations.get(&o) {
                None => Some(Message::new("pack-problem-selfcheck-excluded-unknown").arg("obligation", &o)),
                Some(ob) if !ob.roles.is_empty() && !ob.roles.iter().any(|r| r == role) => {
                    Some(Message::new("pack-problem-selfcheck-excluded-role").arg("obligation", &o).arg("role", role))
                }
                Some(_) if items.iter().any(|i| i.covers.contains(&o)) => Some(Message::new("pack-problem-selfcheck-excluded-covered").arg("obligation", &o)),
                Some(_) if !seen.insert(o.clone()) => Some(Message::new("pack-problem-selfcheck-excluded-twice").arg("obligation", &o)),
                Some(_) => None,
            };
            if let Some(m) = problem {
                problems.push(self.error(line, m));
            }
            if e.reason.trim().is_empty() {
                problems.push(self.error(line, Message::new("pack-problem-selfcheck-excluded-reason").arg("obligation", &o)));
            }
            excluded.push(Excluded { obligation: o, reason: e.reason, reason_en: e.reason_en });
        }
        excluded
    }
}

fn load_file(
    files: &PackFiles,
    pack: &Pack,
    obligations: &HashMap<String, obligation::Obligation>,
    path: &str,
    stem: &str,
    problems: &mut Vec<Problem>,
) -> Option<Questionnaire> {
    let text = utf8(files, path, problems)?;
    let file: File = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            let line = e.span().map(|s| line_at(text, s.start)).unwrap_or(1);
            problems.push(Problem::error(path, line, Message::new("pack-problem-manifest").arg("detail", e.message())));
            return None;
        }
    };
    let check = FileCheck { pack, obligations, path, text };
    let before = problems.len();
    let role = file.role.get_ref().clone();
    if !pack.roles.iter().any(|r| r.id == role) {
        problems.push(check.error(check.line(file.role.span()), Message::new("pack-problem-selfcheck-role").arg("file", path).arg("role", &role)));
    } else if role != stem {
        // One questionnaire per role, found by its file name.
        problems.push(check.error(check.line(file.role.span()), Message::new("pack-problem-selfcheck-file-name").arg("file", path).arg("role", &role)));
    }
    if file.title.trim().is_empty() {
        problems.push(check.error(1, Message::new("pack-problem-empty-field").arg("field", "title")));
    }
    if file.item.is_empty() {
        problems.push(check.error(1, Message::new("pack-problem-selfcheck-no-items").arg("file", path)));
    }
    let mut ids = HashSet::new();
    let gates: Vec<Gate> = file.gate.into_iter().map(|g| check.gate(g, &mut ids, problems)).collect();
    let mut used_gates = HashSet::new();
    let items: Vec<Item> = file.item.into_iter().map(|it| check.item(it, &gates, &mut ids, &mut used_gates, problems)).collect();
    for g in gates.iter().filter(|g| !used_gates.contains(&g.id)) {
        let line = text.lines().position(|l| l.contains(&format!("\"{}\"", g.id))).map_or(1, |i| i + 1);
        problems.push(check.warning(line, Message::new("pack-problem-selfcheck-unused-gate").arg("gate", &g.id)));
    }
    let excluded = check.excluded(file.excluded, &role, &items, problems);
    if problems[before..].iter().any(Problem::is_error) {
        return None;
    }
    Some(Questionnaire { role, title: file.title, title_en: file.title_en, file: path.to_owned(), gates, items, excluded })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::library::bundled_files;
    use crate::pack::{load as load_pack, PackOrigin};

    fn kobe_files() -> PackFiles {
        bundled_files().into_iter().find(|f| f.folder == "kobe").unwrap()
    }

    fn with(file: &str, text: &str) -> Vec<Problem> {
        let mut files = kobe_files();
        files.files.retain(|p, _| !p.starts_with("selfcheck/"));
        files.files.insert(file.to_owned(), text.as_bytes().to_vec());
        load_pack(&files, PackOrigin::Imported).problems
    }

    fn keys(problems: &[Problem]) -> Vec<(&str, Option<usize>)> {
        problems.iter().map(|p| (p.message.key.as_str(), p.line)).collect()
    }

    #[test]
    fn a_valid_questionnaire_loads_with_chapters() {
        let text = "role = \"staff\"\ntitle = \"職員等\"\n\n[[item]]\nid = \"s01\"\nquestion = \"離席時に端末をロックしていますか。\"\nclauses = [\"kobe/taisaku/7.1.1\"]\ncovers = [\"kobe/taisaku/7.1.1#17\"]\n";
        let mut files = kobe_files();
        files.files.retain(|p, _| !p.starts_with("selfcheck/"));
        files.files.insert("selfcheck/staff.toml".into(), text.as_bytes().to_vec());
        let out = load_pack(&files, PackOrigin::Imported);
        assert!(out.problems.is_empty(), "{:#?}", out.problems);
        let pack = out.pack.unwrap();
        let q = pack.questionnaire("staff").unwrap();
        assert_eq!(q.file, "selfcheck/staff.toml");
        assert_eq!(q.items[0].chapter.as_deref(), Some("kobe/taisaku/7"));
        assert_eq!(chapter(&pack, &q.items[0]).unwrap().title, "人的セキュリティ");
    }

    #[test]
    fn problems_carry_file_and_line() {
        let text = "role = \"staff\"\ntitle = \"職員等\"\n\n[[item]]\nid = \"S 1\"\nquestion = \"\"\nclauses = [\"kobe/taisaku/99.9\"]\ncovers = [\"kobe/taisaku/7.1.1#999\"]\n\n[[item]]\nid = \"s2\"\nquestion = \"問い\"\n";
        let problems = with("selfcheck/staff.toml", text);
        assert!(problems.iter().all(|p| p.file == "selfcheck/staff.toml"));
        let k = keys(&problems);
        assert!(k.contains(&("pack-problem-selfcheck-bad-item-id", Some(5))), "{k:?}");
        assert!(k.contains(&("pack-problem-selfcheck-empty-question", Some(5))), "{k:?}");
        assert!(k.contains(&("pack-problem-selfcheck-clause", Some(7))), "{k:?}");
        assert!(k.contains(&("pack-problem-selfcheck-covers", Some(8))), "{k:?}");
        assert!(k.contains(&("pack-problem-selfcheck-no-clauses", Some(11))), "{k:?}");
    }

    #[test]
    fn the_role_must_exist_and_name_the_file() {
        let q = "title = \"t\"\n[[item]]\nid = \"a\"\nquestion = \"q\"\nclauses = [\"kobe/taisaku/7.1.1\"]\ncovers = [\"kobe/taisaku/7.1.1#1\"]\n";
        let k = with("selfcheck/staff.toml", &format!("role = \"nobody\"\n{q}"));
        assert_eq!(keys(&k), [("pack-problem-selfcheck-role", Some(1))]);
        let k = with("selfcheck/shokuin.toml", &format!("role = \"staff\"\n{q}"));
        assert_eq!(keys(&k), [("pack-problem-selfcheck-file-name", Some(1))]);
        let k = with("selfcheck/staff.toml", "role = \"staff\"\ntitle = \"t\"\ncolour = 1\n");
        assert_eq!(keys(&k), [("pack-problem-manifest", Some(3))]);
        let k = with("selfcheck/staff.tml", "");
        assert_eq!(k.len(), 1);
        assert_eq!((k[0].message.key.as_str(), k[0].severity), ("pack-problem-selfcheck-stray-file", Severity::Warning));
    }

    fn item(id: &str, question: &str, clauses: &[&str], covers: &[&str], extra: &str) -> String {
        let list = |l: &[&str]| l.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
        format!("\n[[item]]\nid = \"{id}\"\nquestion = \"{question}\"\nclauses = [{}]\ncovers = [{}]\n{extra}", list(clauses), list(covers))
    }

    #[test]
    fn covers_must_be_duties_of_the_cited_clauses() {
        // 7.3.1#1 is a duty of 7.3.1, not of the 7.1.1 the item cites.
        let text = format!("role = \"staff\"\ntitle = \"t\"\n{}", item("a", "報告していますか。", &["kobe/taisaku/7.1.1"], &["kobe/taisaku/7.3.1#1"], ""));
        let k = with("selfcheck/staff.toml", &text);
        assert_eq!(keys(&k), [("pack-problem-selfcheck-covers-clause", Some(8))]);
        // An item without covers is flagged (a warning: older packs still load).
        let text = "role = \"staff\"\ntitle = \"t\"\n[[item]]\nid = \"a\"\nquestion = \"q\"\nclauses = [\"kobe/taisaku/7.1.1\"]\n";
        let k = with("selfcheck/staff.toml", text);
        assert_eq!((keys(&k), k[0].severity), (vec![("pack-problem-selfcheck-no-covers", Some(4))], Severity::Warning));
    }

    #[test]
    fn more_than_three_duties_need_a_reason() {
        let four = ["kobe/taisaku/7.1.1#1", "kobe/taisaku/7.1.1#2", "kobe/taisaku/7.1.1#3", "kobe/taisaku/7.1.1#4"];
        let text = format!("role = \"staff\"\ntitle = \"t\"\n{}", item("a", "q", &["kobe/taisaku/7.1.1"], &four, ""));
        let k = with("selfcheck/staff.toml", &text);
        assert_eq!(keys(&k), [("pack-problem-selfcheck-too-many-covers", Some(5))]);
        let text = format!("role = \"staff\"\ntitle = \"t\"\n{}", item("a", "q", &["kobe/taisaku/7.1.1"], &four, "covers_reason = \"一つの手順\"\n"));
        assert!(with("selfcheck/staff.toml", &text).is_empty());
    }

    #[test]
    fn role_names_in_questions_must_be_roles() {
        let text = format!(
            "role = \"staff\"\ntitle = \"t\"\n{}",
            item("a", "情報システム責任者に報告していますか。", &["kobe/taisaku/7.1.1"], &["kobe/taisaku/7.1.1#1"], "")
        );
        let k = with("selfcheck/staff.toml", &text);
        assert_eq!(keys(&k), [("pack-problem-selfcheck-role-name", Some(5))]);
        assert_eq!(k[0].message.args[1].1, "情報システム責任者");
        let roles = kobe_roles();
        // Names, aliases and longer phrases ending in them are fine; a bare
        // 「管理者」 and words quoted from the policy are not checked.
        assert!(unknown_role_names("報告を受けた情報管理者や CISO、課長、職員等及び業務システム管理者", &roles).is_empty());
        assert!(unknown_role_names("管理者の許可、それぞれの「管理責任者」の承認", &roles).is_empty());
        assert_eq!(unknown_role_names("所属の情報システム担当者に", &roles), ["情報システム担当者"]);
    }

    fn kobe_roles() -> Vec<crate::pack::roles::Role> {
        toml::from_str::<crate::pack::roles::RoleFile>(include_str!("../../../../content/packs/kobe/roles.toml")).unwrap().role
    }

    #[test]
    fn gates_and_exclusions() {
        let text = format!(
            "role = \"staff\"\ntitle = \"t\"\n\n[[gate]]\nid = \"g-mobile\"\nquestion = \"モバイル端末を使いますか。\"\n{}{}\n[[excluded]]\nobligation = \"kobe/taisaku/7.1.1#2\"\nreason = \"組織の行為\"\n\n[[excluded]]\nobligation = \"kobe/taisaku/7.1.1#1\"\nreason = \"\"\n\n[[excluded]]\nobligation = \"kobe/taisaku/6.4.1#1\"\nreason = \"r\"\n",
            item("a", "q", &["kobe/taisaku/7.1.1"], &["kobe/taisaku/7.1.1#1"], "gate = \"g-mobile\"\nna = \"持ち出さなかった年度は該当なし\"\n"),
            item("b", "q", &["kobe/taisaku/7.1.1"], &["kobe/taisaku/7.1.1#3"], "gate = \"g-none\"\n"),
        );
        let k = with("selfcheck/staff.toml", &text);
        let got = keys(&k);
        assert!(got.contains(&("pack-problem-selfcheck-gate", Some(21))), "{got:?}");
        // 7.1.1#1 is covered by a and has no reason; 6.4.1#1 is the 情報管理者's.
        assert!(got.contains(&("pack-problem-selfcheck-excluded-covered", Some(28))), "{got:?}");
        assert!(got.contains(&("pack-problem-selfcheck-excluded-reason", Some(28))), "{got:?}");
        assert!(got.contains(&("pack-problem-selfcheck-excluded-role", Some(32))), "{got:?}");
        assert_eq!(got.len(), 4, "{got:?}");
        // Without the bad parts it loads, gates and exclusions kept.
        let text = text
            .replace("g-none", "g-mobile")
            .replace("obligation = \"kobe/taisaku/7.1.1#1\"\nreason = \"\"", "obligation = \"kobe/taisaku/7.1.1#4\"\nreason = \"r\"")
            .replace("6.4.1#1", "7.1.1#5");
        let mut files = kobe_files();
        files.files.retain(|p, _| !p.starts_with("selfcheck/"));
        files.files.insert("selfcheck/staff.toml".into(), text.into_bytes());
        let out = load_pack(&files, PackOrigin::Imported);
        assert!(out.problems.is_empty(), "{:#?}", out.problems);
        let pack = out.pack.unwrap();
        let q = pack.questionnaire("staff").unwrap();
        assert_eq!(q.gates[0].id, "g-mobile");
        assert_eq!(q.items[0].gate.as_deref(), Some("g-mobile"));
        assert_eq!(q.items[0].na.as_deref(), Some("持ち出さなかった年度は該当なし"));
        assert_eq!(q.excluded.len(), 3);
    }
}
