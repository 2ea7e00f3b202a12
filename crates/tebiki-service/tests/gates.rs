//! 事前確認 (applicability gates): one action marks a group 該当なし and
//! undoes only what it set.

mod common;

use common::*;
use tebiki_core::selfcheck::answers::{Answer, ItemAnswer};
use tebiki_service::selfcheck::{self, StartInspection};
use tebiki_service::ErrorCode;

#[test]
fn a_gate_answered_no_marks_its_group_not_applicable_and_yes_undoes_only_that() {
    let dir = tempfile::tempdir().unwrap();
    let s = app_session(dir.path());
    let mut staff = s.staff().unwrap();
    let req = StartInspection { year: 2025, role: "staff".into(), respondent: respondent("300000", "佐藤 花子"), prefill: false, on_paper: false };
    let view = selfcheck::start_inspection(&mut staff, &req).unwrap();
    let id = view.inspection.id;
    let group: Vec<String> = view.questionnaire.items.iter().filter(|i| i.gate.as_deref() == Some("g-mobile")).map(|i| i.id.clone()).collect();
    assert!(group.len() >= 2, "kobe/staff has a mobile-device group");
    // The person chose 該当なし for one of them before answering the gate.
    let chosen = ItemAnswer {
        item_id: group[0].clone(),
        answer: Some(Answer::NotApplicable),
        comment: "自分で選んだ".into(),
        remedy: String::new(),
        due: None,
        reconfirm: false,
    };
    selfcheck::save_answer(&mut staff, id, &chosen).unwrap();

    let no = selfcheck::answer_gate(&mut staff, id, "g-mobile", false).unwrap();
    let answer = |v: &tebiki_store::InspectionView, item: &str| v.inspection.answers.iter().find(|a| a.item_id == item).cloned();
    assert_eq!(answer(&no, "g-mobile").unwrap().answer, Some(Answer::NotApplicable));
    for item in &group[1..] {
        let a = answer(&no, item).unwrap();
        assert_eq!(a.answer, Some(Answer::NotApplicable), "{item}");
        assert!(a.comment.contains("事前確認"), "the reason is in the comment: {}", a.comment);
    }
    assert_eq!(answer(&no, &group[0]).unwrap().comment, "自分で選んだ");
    // Items outside the group are untouched.
    let other = view.questionnaire.items.iter().find(|i| i.gate.is_none()).unwrap();
    assert!(answer(&no, &other.id).is_none_or(|a| a.answer.is_none()));

    let yes = selfcheck::answer_gate(&mut staff, id, "g-mobile", true).unwrap();
    assert_eq!(answer(&yes, "g-mobile").unwrap().answer, Some(Answer::Implemented));
    for item in &group[1..] {
        assert_eq!(answer(&yes, item).unwrap().answer, None, "{item} is open again");
    }
    assert_eq!(answer(&yes, &group[0]).unwrap().answer, Some(Answer::NotApplicable), "the person's own 該当なし stays");

    assert_eq!(selfcheck::answer_gate(&mut staff, id, "no-such-gate", false).unwrap_err().code, ErrorCode::NotFound);
}
