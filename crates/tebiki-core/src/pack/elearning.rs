//! 教材と理解度テスト: `elearning/<course-id>.toml` in a pack — the lessons
//! (clauses shown as the handbook has them) and the question bank of a
//! course that staff take in Tebiki (content/FORMAT.md).

use crate::message::Message;
use crate::pack::problem::{Problem, Severity};
use crate::pack::{files::PackFiles, line_at, utf8, Pack};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use toml::Spanned;
use ts_rs::TS;

/// The folder of a pack that holds the courses' lessons and tests.
pub const FOLDER: &str = "elearning";
pub const DEFAULT_TEST_SIZE: u32 = 10;
pub const DEFAULT_PASS_PERCENT: u32 = 80;
/// A lead-in is an introduction, not a second text of the policy.
pub const MAX_LEAD_CHARS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum Explain {
    /// The explanation after every answer.
    Each,
    /// All explanations on the result page.
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// ○×: the choices are ○ (1) and × (2).
    Truefalse,
    /// Four choices, one correct.
    Choice,
}

/// A course's lessons and its 理解度テスト.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ElearningCourse {
    /// The course of courses.toml it delivers.
    pub course: String,
    pub title: String,
    pub title_en: Option<String>,
    pub test_size: u32,
    pub pass_percent: u32,
    /// 0: unlimited.
    pub max_attempts: u32,
    pub explain: Explain,
    pub lessons: Vec<Lesson>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Lesson {
    pub id: String,
    pub title: String,
    pub title_en: Option<String>,
    pub lead: Option<String>,
    pub lead_en: Option<String>,
    pub clauses: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub text: String,
    pub text_en: Option<String>,
    /// choice: the four choices; truefalse: empty (○ and × are the choices).
    pub choices: Vec<String>,
    pub choices_en: Vec<String>,
    /// The number of the correct choice: 1–4, or 1 (○) / 2 (×).
    pub answer: u8,
    pub clauses: Vec<String>,
    pub explanation: String,
    pub explanation_en: Option<String>,
    /// Drawn only for holders of these roles (the pack's role names); empty: everyone.
    pub roles: Vec<String>,
}

impl ElearningCourse {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The number of right answers needed out of `total`: `pass_percent`, rounded up.
    pub fn pass_mark(&self, total: u32) -> u32 {
        (total * self.pass_percent).div_ceil(100)
    }
}

impl Pack {
    /// The e-learning of a course, if the pack has one.
    pub fn elearning(&self, course: &str) -> Option<&ElearningCourse> {
        self.elearning.iter().find(|e| e.course == course)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    course: Spanned<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    title_en: Option<String>,
    #[serde(default)]
    test_size: Option<Spanned<u32>>,
    #[serde(default)]
    pass_percent: Option<Spanned<u32>>,
    #[serde(default)]
    max_attempts: u32,
    #[serde(default)]
    explain: Option<Explain>,
    #[serde(default)]
    lesson: Vec<LessonFile>,
    #[serde(default)]
    question: Vec<QuestionFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LessonFile {
    id: Spanned<String>,
    title: String,
    #[serde(default)]
    title_en: Option<String>,
    #[serde(default)]
    lead: Option<String>,
    #[serde(default)]
    lead_en: Option<String>,
    #[serde(default)]
    clauses: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum AnswerFile {
    TrueFalse(bool),
    Choice(i64),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    id: Spanned<String>,
    kind: QuestionKind,
    text: String,
    #[serde(default)]
    text_en: Option<String>,
    #[serde(default)]
    choices: Vec<String>,
    #[serde(default)]
    choices_en: Vec<String>,
    answer: Spanned<AnswerFile>,
    #[serde(default)]
    clauses: Vec<Spanned<String>>,
    #[serde(default)]
    explanation: String,
    #[serde(default)]
    explanation_en: Option<String>,
    #[serde(default)]
    roles: Vec<Spanned<String>>,
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Reads `elearning/*.toml` into `pack.elearning`, after the roles and
/// courses are loaded. Every problem is reported with its file and line.
pub fn load(files: &PackFiles, pack: &mut Pack, problems: &mut Vec<Problem>) {
    let prefix = format!("{FOLDER}/");
    let paths: Vec<&String> = files.files.keys().filter(|p| p.starts_with(&prefix)).collect();
    for path in paths {
        let Some(stem) = path[prefix.len()..].strip_suffix(".toml").filter(|s| !s.contains('/')) else {
            problems.push(Problem {
                severity: Severity::Warning,
                ..Problem::file_error(path, Message::new("pack-problem-elearning-stray-file").arg("file", path))
            });
            continue;
        };
        let Some(text) = utf8(files, path, problems) else { continue };
        let file: File = match toml::from_str(text) {
            Ok(f) => f,
            Err(e) => {
                let line = e.span().map(|s| line_at(text, s.start)).unwrap_or(1);
                problems.push(Problem::error(path, line, Message::new("pack-problem-manifest").arg("detail", e.message())));
                continue;
            }
        };
        let check = Check { pack, path, text };
        if let Some(course) = check.course(file, stem, problems) {
            pack.elearning.push(course);
        }
    }
    pack.elearning.sort_by_key(|e| pack.courses.iter().position(|c| c.id == e.course));
}

struct Check<'a> {
    pack: &'a Pack,
    path: &'a str,
    text: &'a str,
}

impl Check<'_> {
    fn line(&self, span: std::ops::Range<usize>) -> usize {
        line_at(self.text, span.start)
    }

    fn push(&self, problems: &mut Vec<Problem>, line: usize, message: Message) {
        problems.push(Problem::error(self.path, line, message));
    }

    fn clauses(&self, id: &str, line: usize, clauses: &[Spanned<String>], problems: &mut Vec<Problem>) {
        if clauses.is_empty() {
            self.push(problems, line, Message::new("pack-problem-elearning-no-clauses").arg("id", id));
        }
        for c in clauses {
            if self.pack.clause(c.get_ref()).is_none() {
                self.push(problems, self.line(c.span()), Message::new("pack-problem-elearning-clause").arg("id", id).arg("clause", c.get_ref()));
            }
        }
    }

    fn course(&self, f: File, stem: &str, problems: &mut Vec<Problem>) -> Option<ElearningCourse> {
        let course_line = self.line(f.course.span());
        let course_id = f.course.get_ref().clone();
        let Some(course) = self.pack.courses.iter().find(|c| c.id == course_id) else {
            self.push(problems, course_line, Message::new("pack-problem-elearning-course").arg("course", &course_id));
            return None;
        };
        if course_id != stem {
            self.push(problems, course_line, Message::new("pack-problem-elearning-file-name").arg("course", &course_id).arg("file", self.path));
        }
        let test_size = f.test_size.as_ref().map(|s| *s.get_ref()).unwrap_or(DEFAULT_TEST_SIZE);
        let pass_percent = f.pass_percent.as_ref().map(|s| *s.get_ref()).unwrap_or(DEFAULT_PASS_PERCENT);
        if !(1..=100).contains(&pass_percent) {
            let line = f.pass_percent.as_ref().map(|s| self.line(s.span())).unwrap_or(course_line);
            self.push(problems, line, Message::new("pack-problem-elearning-pass-percent").arg("value", pass_percent));
        }
        if test_size == 0 {
            let line = f.test_size.as_ref().map(|s| self.line(s.span())).unwrap_or(course_line);
            self.push(problems, line, Message::new("pack-problem-elearning-test-size").arg("value", test_size));
        }
        let mut ids = HashSet::new();
        let mut lessons = Vec::new();
        for l in f.lesson {
            let id = l.id.get_ref().clone();
            let line = self.line(l.id.span());
            if !is_valid_id(&id) || !ids.insert(id.clone()) {
                self.push(problems, line, Message::new("pack-problem-elearning-bad-id").arg("id", &id));
            }
            if l.title.trim().is_empty() {
                self.push(problems, line, Message::new("pack-problem-elearning-empty-text").arg("id", &id));
            }
            if l.lead.as_ref().is_some_and(|t| t.chars().count() > MAX_LEAD_CHARS) {
                self.push(problems, line, Message::new("pack-problem-elearning-long-lead").arg("id", &id).arg("max", MAX_LEAD_CHARS));
            }
            self.clauses(&id, line, &l.clauses, problems);
            lessons.push(Lesson {
                id,
                title: l.title,
                title_en: l.title_en,
                lead: l.lead,
                lead_en: l.lead_en,
                clauses: l.clauses.into_iter().map(Spanned::into_inner).collect(),
            });
        }
        let mut questions = Vec::new();
        for q in f.question {
            if let Some(q) = self.question(q, &mut ids, problems) {
                questions.push(q);
            }
        }
        let out = ElearningCourse {
            course: course_id,
            title: f.title.filter(|t| !t.trim().is_empty()).unwrap_or_else(|| course.title.clone()),
            title_en: f.title_en,
            test_size,
            pass_percent,
            max_attempts: f.max_attempts,
            explain: f.explain.unwrap_or(Explain::Each),
            lessons,
            questions,
        };
        self.bank_size(&out, course_line, problems);
        Some(out)
    }

    fn question(&self, q: QuestionFile, ids: &mut HashSet<String>, problems: &mut Vec<Problem>) -> Option<Question> {
        let id = q.id.get_ref().clone();
        let line = self.line(q.id.span());
        if !is_valid_id(&id) || !ids.insert(id.clone()) {
            self.push(problems, line, Message::new("pack-problem-elearning-bad-id").arg("id", &id));
        }
        if q.text.trim().is_empty() || q.explanation.trim().is_empty() {
            self.push(problems, line, Message::new("pack-problem-elearning-empty-text").arg("id", &id));
        }
        self.clauses(&id, line, &q.clauses, problems);
        let answer_line = self.line(q.answer.span());
        let answer = match (q.kind, q.answer.get_ref()) {
            (QuestionKind::Truefalse, AnswerFile::TrueFalse(b)) if q.choices.is_empty() => Some(if *b { 1 } else { 2 }),
            (QuestionKind::Choice, AnswerFile::Choice(n)) => {
                let distinct: HashSet<&str> = q.choices.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
                let en_ok = q.choices_en.is_empty() || q.choices_en.len() == 4;
                (q.choices.len() == 4 && distinct.len() == 4 && en_ok && (1..=4).contains(n)).then_some(*n as u8)
            }
            _ => None,
        };
        let Some(answer) = answer else {
            self.push(problems, answer_line, Message::new("pack-problem-elearning-answer").arg("id", &id));
            return None;
        };
        let mut roles = Vec::new();
        for r in &q.roles {
            match crate::pack::roles::resolve(&self.pack.roles, r.get_ref()) {
                Some(role) => roles.push(role.name.clone()),
                None => self.push(problems, self.line(r.span()), Message::new("pack-problem-elearning-role").arg("id", &id).arg("role", r.get_ref())),
            }
        }
        Some(Question {
            id,
            kind: q.kind,
            text: q.text,
            text_en: q.text_en,
            choices: q.choices,
            choices_en: q.choices_en,
            answer,
            clauses: q.clauses.into_iter().map(Spanned::into_inner).collect(),
            explanation: q.explanation,
            explanation_en: q.explanation_en,
            roles,
        })
    }

    /// Everyone's draw, and each role's, must find `test_size` questions.
    fn bank_size(&self, c: &ElearningCourse, line: usize, problems: &mut Vec<Problem>) {
        let general = c.questions.iter().filter(|q| q.roles.is_empty()).count();
        let mut pools = vec![(String::new(), general)];
        let mut roles: Vec<&String> = c.questions.iter().flat_map(|q| &q.roles).collect();
        roles.sort();
        roles.dedup();
        for role in roles {
            pools.push((role.clone(), general + c.questions.iter().filter(|q| q.roles.contains(role)).count()));
        }
        for (role, size) in pools {
            if size < c.test_size as usize {
                let who = if role.is_empty() { "all".to_owned() } else { role };
                self.push(problems, line, Message::new("pack-problem-elearning-bank-small").arg("role", who).arg("size", size).arg("test_size", c.test_size));
            }
        }
    }
}

#[cfg(test)]
mod tests;
