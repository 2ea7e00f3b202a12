//! The 理解度テスト: drawing the questions of an attempt and marking it.

use super::results::{Attempt, AttemptAnswer};
use crate::pack::elearning::ElearningCourse;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// Where a person is in a pack's courses on their PC: kept with every step,
/// so closing the app loses nothing. Not part of the 受講記録ファイル.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Progress {
    /// Course id → the lesson last opened.
    #[serde(default)]
    pub lesson: BTreeMap<String, String>,
    /// Course id → the lessons read to the end.
    #[serde(default)]
    pub read: BTreeMap<String, Vec<String>>,
    /// The attempt under way, if any.
    #[serde(default)]
    pub current: Option<CurrentAttempt>,
    /// The roles the person said they hold (the pack's names), for the role questions.
    #[serde(default)]
    pub roles: Vec<String>,
}

/// An attempt being answered: its questions drawn, the answers so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CurrentAttempt {
    pub course: String,
    pub questions: Vec<String>,
    /// `chosen[i]` answers `questions[i]`; None: not answered yet.
    pub chosen: Vec<Option<u8>>,
    pub started_at: String,
}

/// The questions a person may be asked: those for everyone and those for a
/// role they hold (the pack's role names).
pub fn pool<'a>(course: &'a ElearningCourse, roles: &[String]) -> Vec<&'a str> {
    course.questions.iter().filter(|q| q.roles.is_empty() || q.roles.iter().any(|r| roles.contains(r))).map(|q| q.id.as_str()).collect()
}

/// Draws an attempt's questions in a random order. Questions the person was
/// not asked in `earlier` attempts come first, so that a retry is not the
/// same test again while the bank allows.
pub fn draw(course: &ElearningCourse, roles: &[String], earlier: &[Attempt], rng: &mut fastrand::Rng) -> Vec<String> {
    let mut ids = pool(course, roles);
    rng.shuffle(&mut ids);
    let asked = |id: &str| earlier.iter().any(|a| a.answers.iter().any(|x| x.question == id));
    ids.sort_by_key(|id| asked(id));
    ids.truncate(course.test_size as usize);
    rng.shuffle(&mut ids);
    ids.into_iter().map(str::to_owned).collect()
}

/// [`draw`] with a generator seeded from the OS: each attempt differs.
pub fn draw_fresh(course: &ElearningCourse, roles: &[String], earlier: &[Attempt]) -> Vec<String> {
    draw(course, roles, earlier, &mut fastrand::Rng::new())
}

/// Marks an attempt: `chosen[i]` answers `questions[i]`. A question no
/// longer in the bank counts as wrong (it cannot be checked).
pub fn mark(course: &ElearningCourse, number: u32, started_at: &str, finished_at: &str, questions: &[String], chosen: &[u8]) -> Attempt {
    let answers: Vec<AttemptAnswer> = questions
        .iter()
        .zip(chosen)
        .map(|(id, &c)| AttemptAnswer { question: id.clone(), chosen: c, correct: course.question(id).is_some_and(|q| q.answer == c) })
        .collect();
    let score = answers.iter().filter(|a| a.correct).count() as u32;
    let total = answers.len() as u32;
    Attempt {
        number,
        started_at: started_at.to_owned(),
        finished_at: finished_at.to_owned(),
        passed: total > 0 && score >= course.pass_mark(total),
        answers,
        score,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::elearning::{Explain, Question, QuestionKind};

    fn course(n: usize, size: u32, pass: u32) -> ElearningCourse {
        let q = |i: usize, roles: Vec<String>| Question {
            id: format!("q{i:02}"),
            kind: QuestionKind::Truefalse,
            text: "t".into(),
            text_en: None,
            choices: vec![],
            choices_en: vec![],
            answer: 1,
            clauses: vec!["x/y/1".into()],
            explanation: "e".into(),
            explanation_en: None,
            roles,
        };
        let mut questions: Vec<Question> = (0..n).map(|i| q(i, vec![])).collect();
        questions.push(Question { id: "m01".into(), ..q(99, vec!["情報管理者".into()]) });
        ElearningCourse {
            course: "annual".into(),
            title: "t".into(),
            title_en: None,
            test_size: size,
            pass_percent: pass,
            max_attempts: 0,
            explain: Explain::Each,
            lessons: vec![],
            questions,
        }
    }

    #[test]
    fn role_questions_are_drawn_only_for_holders() {
        let c = course(3, 10, 80);
        assert!(!pool(&c, &[]).contains(&"m01"));
        assert!(pool(&c, &["情報管理者".into()]).contains(&"m01"));
        let mut rng = fastrand::Rng::with_seed(1);
        assert_eq!(draw(&c, &[], &[], &mut rng).len(), 3);
    }

    #[test]
    fn a_retry_asks_other_questions_while_the_bank_has_them() {
        let c = course(20, 10, 80);
        let mut rng = fastrand::Rng::with_seed(7);
        let first = draw(&c, &[], &[], &mut rng);
        let a = mark(&c, 1, "", "", &first, &[2; 10]);
        let second = draw(&c, &[], &[a], &mut rng);
        assert_eq!(second.len(), 10);
        assert!(second.iter().all(|q| !first.contains(q)), "{first:?} {second:?}");
        // Orders differ between draws of the same pool.
        let orders: std::collections::HashSet<Vec<String>> = (0..5).map(|_| draw(&c, &[], &[], &mut rng)).collect();
        assert!(orders.len() > 1);
    }

    #[test]
    fn the_pass_mark_is_rounded_up_and_unknown_questions_count_wrong() {
        let c = course(10, 10, 80);
        let qs: Vec<String> = (0..10).map(|i| format!("q{i:02}")).collect();
        let mut chosen = vec![1u8; 10];
        chosen[0] = 2;
        chosen[1] = 2;
        let a = mark(&c, 1, "", "", &qs, &chosen);
        assert_eq!((a.score, a.total, a.passed), (8, 10, true));
        chosen[2] = 2;
        assert!(!mark(&c, 2, "", "", &qs, &chosen).passed);
        let c100 = course(3, 3, 100);
        let a = mark(&c100, 1, "", "", &["q00".into(), "q01".into(), "gone".into()], &[1, 1, 1]);
        assert_eq!((a.score, a.passed), (2, false));
        let c75 = course(3, 3, 75);
        // 3 × 75 % = 2.25 → 3 needed.
        assert!(!mark(&c75, 1, "", "", &["q00".into(), "q01".into(), "q02".into()], &[1, 1, 2]).passed);
    }
}
