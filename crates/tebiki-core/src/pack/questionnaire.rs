//! 自己点検の設問: `selfcheck/<role-id>.toml` in a pack, one questionnaire per
//! role, each item tied to the clauses it asks about and the obligations it
//! checks (content/FORMAT.md, 「自己点検」).

use super::obligation;
use crate::message::Message;
use crate::pack::problem::{Problem, Severity};
use crate::pack::{files::PackFiles, line_at, utf8, ClauseRef, Pack};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
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
    pub items: Vec<Item>,
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
    item: Vec<ItemFile>,
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
}

fn is_valid_item_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Reads `selfcheck/*.toml` into `pack.questionnaires`, after the roles are
/// loaded. Every problem is reported with its file and line.
pub fn load(files: &PackFiles, pack: &mut Pack, problems: &mut Vec<Problem>) {
    let prefix = format!("{FOLDER}/");
    let paths: Vec<&String> = files.files.keys().filter(|p| p.starts_with(&prefix)).collect();
    if paths.is_empty() {
        return;
    }
    let obligations: HashSet<String> = obligation::extract(pack).into_iter().map(|o| o.id).collect();
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

fn load_file(files: &PackFiles, pack: &Pack, obligations: &HashSet<String>, path: &str, stem: &str, problems: &mut Vec<Problem>) -> Option<Questionnaire> {
    let text = utf8(files, path, problems)?;
    let file: File = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            let line = e.span().map(|s| line_at(text, s.start)).unwrap_or(1);
            problems.push(Problem::error(path, line, Message::new("pack-problem-manifest").arg("detail", e.message())));
            return None;
        }
    };
    let at = |span: std::ops::Range<usize>| line_at(text, span.start);
    let before = problems.len();
    let role = file.role.get_ref().clone();
    if !pack.roles.iter().any(|r| r.id == role) {
        problems.push(Problem::error(path, at(file.role.span()), Message::new("pack-problem-selfcheck-role").arg("file", path).arg("role", &role)));
    } else if role != stem {
        // One questionnaire per role, found by its file name.
        problems.push(Problem::error(path, at(file.role.span()), Message::new("pack-problem-selfcheck-file-name").arg("file", path).arg("role", &role)));
    }
    if file.title.trim().is_empty() {
        problems.push(Problem::error(path, 1, Message::new("pack-problem-empty-field").arg("field", "title")));
    }
    if file.item.is_empty() {
        problems.push(Problem::error(path, 1, Message::new("pack-problem-selfcheck-no-items").arg("file", path)));
    }
    let mut ids = HashSet::new();
    let mut items = Vec::new();
    for it in file.item {
        let id = it.id.get_ref().clone();
        let line = at(it.id.span());
        if !is_valid_item_id(&id) || !ids.insert(id.clone()) {
            problems.push(Problem::error(path, line, Message::new("pack-problem-selfcheck-bad-item-id").arg("id", &id)));
        }
        if it.question.trim().is_empty() {
            problems.push(Problem::error(path, line, Message::new("pack-problem-selfcheck-empty-question").arg("id", &id)));
        }
        if it.clauses.is_empty() {
            problems.push(Problem::error(path, line, Message::new("pack-problem-selfcheck-no-clauses").arg("id", &id)));
        }
        for c in &it.clauses {
            if pack.clause(c.get_ref()).is_none() {
                problems.push(Problem::error(path, at(c.span()), Message::new("pack-problem-selfcheck-clause").arg("id", &id).arg("clause", c.get_ref())));
            }
        }
        for o in &it.covers {
            if !obligations.contains(o.get_ref()) {
                problems.push(Problem::error(path, at(o.span()), Message::new("pack-problem-selfcheck-covers").arg("id", &id).arg("obligation", o.get_ref())));
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
            chapter: None,
        };
        item.chapter = chapter(pack, &item).map(|c| c.id.clone());
        items.push(item);
    }
    if problems[before..].iter().any(Problem::is_error) {
        return None;
    }
    Some(Questionnaire { role, title: file.title, title_en: file.title_en, file: path.to_owned(), items })
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
        let q = "title = \"t\"\n[[item]]\nid = \"a\"\nquestion = \"q\"\nclauses = [\"kobe/taisaku/7.1.1\"]\n";
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
}
