use super::*;
use crate::selfcheck::submission::{PackRef, Respondent};

pub(crate) fn sample() -> TrainingResults {
    let answer = |q: &str, chosen, correct| AttemptAnswer { question: q.into(), chosen, correct };
    TrainingResults {
        pack: PackRef { id: "kobe".into(), version: "5.5".into(), content_hash: "ab".repeat(32) },
        year: 2026,
        person: Respondent { employee_no: "100001".into(), name: "山田 太郎".into(), dept_code: "D001".into(), dept_name: "総務課".into() },
        courses: vec![CourseResult {
            course: "annual".into(),
            title: "年次情報セキュリティ研修".into(),
            pass_percent: 80,
            attempts: vec![
                Attempt {
                    number: 1,
                    started_at: "2026-06-01T09:00:00+09:00".into(),
                    finished_at: "2026-06-01T09:10:00+09:00".into(),
                    answers: vec![answer("q01", 1, true), answer("q02", 3, false)],
                    score: 1,
                    total: 2,
                    passed: false,
                },
                Attempt {
                    number: 2,
                    started_at: "2026-06-01T09:12:00+09:00".into(),
                    finished_at: "2026-06-01T09:15:00+09:00".into(),
                    answers: vec![answer("q03", 2, true), answer("q01", 1, true)],
                    score: 2,
                    total: 2,
                    passed: true,
                },
            ],
        }],
        acknowledgements: vec![Acknowledgement {
            pack_version: "5.5".into(),
            content_hash: "ab".repeat(32),
            wording: "私は、神戸市情報セキュリティ対策基準（5.5）を読み、これを遵守します。".into(),
            confirmed_at: "2026-06-01T09:16:00+09:00".into(),
        }],
        written_at: "2026-06-01T09:17:00+09:00".into(),
    }
}

fn kobe(id: &str) -> bool {
    id == "kobe"
}

#[test]
fn a_written_file_verifies_and_keeps_everything() {
    let r = sample();
    let (bytes, digest) = write(&r).unwrap();
    let v = verify(&bytes, &kobe).unwrap();
    assert_eq!(v.results, r);
    assert_eq!(v.digest, digest);
    assert_eq!(file_name(&r), "training_2026_D001_100001_kobe.json");
    // Re-indented by an editor: still the same digest.
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(verify(&serde_json::to_vec(&value).unwrap(), &kobe).unwrap().digest, digest);
}

#[test]
fn tampered_truncated_newer_and_unknown_files_are_refused_with_their_reason() {
    let (bytes, _) = write(&sample()).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let tampered = text.replacen("\"score\": 1", "\"score\": 2", 1);
    assert_eq!(verify(tampered.as_bytes(), &kobe), Err(Refusal::DigestMismatch));
    assert_eq!(verify(&bytes[..bytes.len() / 2], &kobe), Err(Refusal::Truncated));
    let newer = text.replacen("\"format_version\": 1", "\"format_version\": 2", 1);
    assert!(matches!(verify(newer.as_bytes(), &kobe), Err(Refusal::TooNew { found: 2, supported: 1 })));
    assert!(matches!(verify(&bytes, &|_| false), Err(Refusal::UnknownPack { .. })));
    let other = text.replacen("tebiki-training-results", "tebiki-selfcheck-submission", 1);
    assert!(matches!(verify(other.as_bytes(), &kobe), Err(Refusal::WrongFormat { .. })));
}

#[test]
fn a_score_that_does_not_add_up_is_refused_even_with_a_good_digest() {
    let mut r = sample();
    r.courses[0].attempts[0].passed = true;
    let (bytes, _) = write(&r).unwrap();
    assert!(matches!(verify(&bytes, &kobe), Err(Refusal::Invalid(m)) if m.key == "training-results-invalid-attempt"));
    let mut r = sample();
    r.courses[0].attempts[1].score = 1;
    let (bytes, _) = write(&r).unwrap();
    assert!(verify(&bytes, &kobe).is_err());
}

/// docs/training-results.md has a worked example; its digest must be what
/// the format's rules give, so that someone writing files from the document
/// alone gets it right.
#[test]
fn the_documented_example_verifies() {
    let doc = include_str!("../../../../../../docs/training-results.md");
    let start = doc.find("```json\n{\n  \"format\": \"tebiki-training-results\"").expect("example in the doc") + "```json\n".len();
    let end = start + doc[start..].find("\n```").unwrap();
    let example = &doc[start..end];
    let v = verify(example.as_bytes(), &kobe).expect("the documented example verifies");
    assert!(doc.contains(&v.digest), "the doc states the digest {}", v.digest);
    // The canonical form the doc shows is the one the digest is taken over.
    let mut value: serde_json::Value = serde_json::from_str(example).unwrap();
    value.as_object_mut().unwrap().remove("digest");
    let canonical = String::from_utf8(crate::exchange::canonical_json(&value)).unwrap();
    assert!(doc.contains(&canonical), "the doc shows the canonical form:\n{canonical}");
}
