//! 自己点検の回答: answer values and the rules an answer must follow.
//!
//! Rules (the review page and submission use the same list):
//! - every item of the questionnaire must be answered;
//! - 一部実施 and 実施していない need a 改善策 (remedy) and a 期限 (due date, ISO 8601);
//! - an answer pre-filled from the previous 年度 is marked 要再確認 until the
//!   respondent confirms it.
//!
//! Functions take plain item ids, so they do not depend on the questionnaire types.

use crate::message::Message;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// 実施している / 一部実施 / 実施していない / 該当なし
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Implemented,
    Partial,
    NotImplemented,
    NotApplicable,
}

impl Answer {
    pub const ALL: [Answer; 4] = [Answer::Implemented, Answer::Partial, Answer::NotImplemented, Answer::NotApplicable];

    /// The serde name, also the value stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Implemented => "implemented",
            Answer::Partial => "partial",
            Answer::NotImplemented => "not-implemented",
            Answer::NotApplicable => "not-applicable",
        }
    }

    pub fn parse(s: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.as_str() == s.trim())
    }

    /// The Fluent key of the label (実施している …).
    pub fn label_key(self) -> &'static str {
        match self {
            Answer::Implemented => "answer-implemented",
            Answer::Partial => "answer-partial",
            Answer::NotImplemented => "answer-not-implemented",
            Answer::NotApplicable => "answer-not-applicable",
        }
    }

    /// 一部実施 and 実施していない must say what will be done, by when.
    pub fn needs_remedy(self) -> bool {
        matches!(self, Answer::Partial | Answer::NotImplemented)
    }
}

/// Where a 改善策 stands: 未着手 / 対応中 / 完了 / 取り下げ. Updated by the
/// person who wrote it (a new version of their submission) or recorded by
/// the 管理者 when told on paper.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum RemedyStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Withdrawn,
}

impl RemedyStatus {
    pub const ALL: [RemedyStatus; 4] = [RemedyStatus::NotStarted, RemedyStatus::InProgress, RemedyStatus::Done, RemedyStatus::Withdrawn];

    /// The serde name, also the value stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            RemedyStatus::NotStarted => "not-started",
            RemedyStatus::InProgress => "in-progress",
            RemedyStatus::Done => "done",
            RemedyStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<RemedyStatus> {
        RemedyStatus::ALL.into_iter().find(|a| a.as_str() == s.trim())
    }

    /// The Fluent key of the label (未着手 …).
    pub fn label_key(self) -> &'static str {
        match self {
            RemedyStatus::NotStarted => "remedy-status-not-started",
            RemedyStatus::InProgress => "remedy-status-in-progress",
            RemedyStatus::Done => "remedy-status-done",
            RemedyStatus::Withdrawn => "remedy-status-withdrawn",
        }
    }

    /// Still to be done: counts as 期限超過 once the 期限 has passed.
    pub fn is_open(self) -> bool {
        matches!(self, RemedyStatus::NotStarted | RemedyStatus::InProgress)
    }
}

/// One item's answer as it is being filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ItemAnswer {
    pub item_id: String,
    /// None: not answered yet.
    pub answer: Option<Answer>,
    #[serde(default)]
    pub comment: String,
    /// 改善策
    #[serde(default)]
    pub remedy: String,
    /// 期限, ISO 8601 (2025-12-31).
    #[serde(default)]
    pub due: Option<String>,
    /// 要再確認: pre-filled from the previous 年度 and not confirmed yet.
    #[serde(default)]
    pub reconfirm: bool,
}

impl ItemAnswer {
    /// An unanswered item.
    pub fn empty(item_id: &str) -> ItemAnswer {
        ItemAnswer { item_id: item_id.to_owned(), answer: None, comment: String::new(), remedy: String::new(), due: None, reconfirm: false }
    }
}

/// What keeps an item from being submitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum AnswerProblem {
    /// 未回答
    Unanswered,
    /// 改善策が未記入
    MissingRemedy,
    /// 期限が未記入
    MissingDue,
    /// 期限が日付として読めない
    BadDue,
    /// 前年度の回答のまま（要再確認）
    Reconfirm,
}

impl AnswerProblem {
    /// The serde name (`missing-remedy` …).
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerProblem::Unanswered => "unanswered",
            AnswerProblem::MissingRemedy => "missing-remedy",
            AnswerProblem::MissingDue => "missing-due",
            AnswerProblem::BadDue => "bad-due",
            AnswerProblem::Reconfirm => "reconfirm",
        }
    }

    pub fn message(self) -> Message {
        Message::new(match self {
            AnswerProblem::Unanswered => "selfcheck-problem-unanswered",
            AnswerProblem::MissingRemedy => "selfcheck-problem-missing-remedy",
            AnswerProblem::MissingDue => "selfcheck-problem-missing-due",
            AnswerProblem::BadDue => "selfcheck-problem-bad-due",
            AnswerProblem::Reconfirm => "selfcheck-problem-reconfirm",
        })
    }
}

/// The problems of one item, for the review page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ItemProblems {
    pub item_id: String,
    pub problems: Vec<AnswerProblem>,
}

/// A 期限 in the stored form: ISO 8601, a real date.
pub fn parse_due(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// The problems of one answer (empty: it can be submitted).
pub fn check(answer: &ItemAnswer) -> Vec<AnswerProblem> {
    let mut out = Vec::new();
    match answer.answer {
        None => out.push(AnswerProblem::Unanswered),
        Some(a) if a.needs_remedy() => {
            if answer.remedy.trim().is_empty() {
                out.push(AnswerProblem::MissingRemedy);
            }
            match answer.due.as_deref().map(str::trim) {
                None | Some("") => out.push(AnswerProblem::MissingDue),
                Some(d) if parse_due(d).is_none() => out.push(AnswerProblem::BadDue),
                Some(_) => {}
            }
        }
        Some(_) => {
            // A 期限 is optional here, but one that is given must be a date.
            if answer.due.as_deref().is_some_and(|d| !d.trim().is_empty() && parse_due(d).is_none()) {
                out.push(AnswerProblem::BadDue);
            }
        }
    }
    if answer.reconfirm {
        out.push(AnswerProblem::Reconfirm);
    }
    out
}

/// The problems of a whole questionnaire, in the order of `item_ids` (items
/// with none are left out). Answers to items not in `item_ids` are ignored: a
/// questionnaire revised since the draft was started no longer asks them.
pub fn problems(item_ids: &[String], answers: &[ItemAnswer]) -> Vec<ItemProblems> {
    let by_id: HashMap<&str, &ItemAnswer> = answers.iter().map(|a| (a.item_id.as_str(), a)).collect();
    item_ids
        .iter()
        .filter_map(|id| {
            let problems = match by_id.get(id.as_str()) {
                Some(a) => check(a),
                None => vec![AnswerProblem::Unanswered],
            };
            (!problems.is_empty()).then(|| ItemProblems { item_id: id.clone(), problems })
        })
        .collect()
}

/// Counts for the review page's summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ProblemCounts {
    pub unanswered: usize,
    pub missing_remedy: usize,
    pub missing_due: usize,
    pub bad_due: usize,
    pub reconfirm: usize,
}

pub fn count(problems: &[ItemProblems]) -> ProblemCounts {
    let mut c = ProblemCounts::default();
    for p in problems.iter().flat_map(|i| &i.problems) {
        match p {
            AnswerProblem::Unanswered => c.unanswered += 1,
            AnswerProblem::MissingRemedy => c.missing_remedy += 1,
            AnswerProblem::MissingDue => c.missing_due += 1,
            AnswerProblem::BadDue => c.bad_due += 1,
            AnswerProblem::Reconfirm => c.reconfirm += 1,
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(id: &str, answer: Option<Answer>, remedy: &str, due: Option<&str>) -> ItemAnswer {
        ItemAnswer { remedy: remedy.into(), due: due.map(Into::into), answer, ..ItemAnswer::empty(id) }
    }

    #[test]
    fn serde_names_are_the_file_format() {
        let json = serde_json::to_string(&Answer::ALL).unwrap();
        assert_eq!(json, r#"["implemented","partial","not-implemented","not-applicable"]"#);
        for x in Answer::ALL {
            assert_eq!(Answer::parse(x.as_str()), Some(x));
            assert_eq!(serde_json::to_string(&x).unwrap(), format!("\"{}\"", x.as_str()));
        }
        assert_eq!(Answer::parse("yes"), None);
    }

    #[test]
    fn partial_and_not_implemented_need_a_remedy_and_a_due_date() {
        for x in [Answer::Partial, Answer::NotImplemented] {
            assert_eq!(check(&a("1", Some(x), "", None)), [AnswerProblem::MissingRemedy, AnswerProblem::MissingDue]);
            assert_eq!(check(&a("1", Some(x), "  ", Some(" "))), [AnswerProblem::MissingRemedy, AnswerProblem::MissingDue]);
            assert_eq!(check(&a("1", Some(x), "手順書を作る", Some("2025-12-31"))), []);
            assert_eq!(check(&a("1", Some(x), "手順書を作る", Some("2025-02-30"))), [AnswerProblem::BadDue]);
            assert_eq!(check(&a("1", Some(x), "手順書を作る", Some("令和7年12月31日"))), [AnswerProblem::BadDue]);
        }
        for x in [Answer::Implemented, Answer::NotApplicable] {
            assert_eq!(check(&a("1", Some(x), "", None)), []);
            assert_eq!(check(&a("1", Some(x), "", Some("someday"))), [AnswerProblem::BadDue]);
        }
    }

    #[test]
    fn the_review_lists_every_problem_in_questionnaire_order() {
        let items: Vec<String> = ["q1", "q2", "q3", "q4", "q5"].map(String::from).to_vec();
        let answers = vec![
            a("q2", Some(Answer::NotImplemented), "", Some("2025-12-31")),
            a("q1", Some(Answer::Implemented), "", None),
            ItemAnswer { reconfirm: true, ..a("q4", Some(Answer::Implemented), "", None) },
            a("q5", None, "", None),
            a("gone", None, "", None),
        ];
        let p = problems(&items, &answers);
        let ids: Vec<&str> = p.iter().map(|x| x.item_id.as_str()).collect();
        assert_eq!(ids, ["q2", "q3", "q4", "q5"], "q1 is fine; an answer to a removed item is ignored");
        assert_eq!(p[0].problems, [AnswerProblem::MissingRemedy]);
        assert_eq!(p[1].problems, [AnswerProblem::Unanswered], "no row at all is unanswered");
        assert_eq!(p[2].problems, [AnswerProblem::Reconfirm]);
        assert_eq!(p[3].problems, [AnswerProblem::Unanswered]);
        let c = count(&p);
        assert_eq!((c.unanswered, c.missing_remedy, c.missing_due, c.reconfirm), (2, 1, 0, 1));
        assert!(problems(&items[..1], &answers).is_empty());
    }

    #[test]
    fn every_problem_has_a_message() {
        for p in [AnswerProblem::Unanswered, AnswerProblem::MissingRemedy, AnswerProblem::MissingDue, AnswerProblem::BadDue, AnswerProblem::Reconfirm] {
            assert!(p.message().key.starts_with("selfcheck-problem-"));
            assert_eq!(serde_json::to_string(&p).unwrap(), format!("\"{}\"", p.as_str()));
        }
    }
}
