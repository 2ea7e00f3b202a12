use super::*;

pub fn sample(version: u32) -> Submission {
    let ans = |id: &str, answer, remedy: &str, due: Option<&str>| SubmittedAnswer {
        item_id: id.into(),
        answer,
        comment: "課内で確認した\n「引用」と \"quotes\" \\ と\ttab".into(),
        remedy: remedy.into(),
        due: due.map(Into::into),
    };
    Submission {
        pack: PackRef { id: "kobe".into(), version: "2025.1".into(), content_hash: "ab".repeat(32) },
        year: 2025,
        role: "info-manager".into(),
        role_name: "情報管理者".into(),
        respondent: Respondent { employee_no: "100001".into(), name: "山田 太郎".into(), dept_code: "D001".into(), dept_name: "総務部総務課".into() },
        version,
        started_at: "2025-06-01T09:00:00+09:00".into(),
        submitted_at: "2025-06-03T17:12:45+09:00".into(),
        answers: vec![
            ans("im-1", Answer::Implemented, "", None),
            ans("im-2", Answer::Partial, "手順書を改訂する", Some("2025-12-31")),
            ans("im-3", Answer::NotImplemented, "研修を実施する", Some("2026-03-31")),
            ans("im-4", Answer::NotApplicable, "", None),
        ],
        progress: Vec::new(),
    }
}

fn kobe(id: &str) -> Option<(String, String)> {
    (id == "kobe").then(|| ("2025.1".to_owned(), "ab".repeat(32)))
}

#[test]
fn round_trip() {
    let s = sample(1);
    let w = write(&s).unwrap();
    let text = String::from_utf8(w.bytes.clone()).unwrap();
    assert!(text.starts_with("{\n  \"format\": \"tebiki-selfcheck-submission\",\n  \"format_version\": 1,"), "{text}");
    assert!(text.trim_end().ends_with(&format!("\"digest\": \"{}\"\n}}", w.digest)), "{text}");
    assert!(text.contains("山田 太郎"), "Japanese is written as UTF-8, not escaped");
    let v = verify(&w.bytes, &kobe).unwrap();
    assert_eq!(v.submission, s);
    assert_eq!(v.digest, w.digest);
    assert_eq!(v.pack_difference, None);
    // Writing the verified submission again gives the same file.
    assert_eq!(write(&v.submission).unwrap().bytes, w.bytes);
    // A BOM added by Notepad does not matter.
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(&w.bytes);
    assert_eq!(verify(&bom, &kobe).unwrap().digest, w.digest);
}

#[test]
fn the_canonical_form_is_sorted_and_compact() {
    let v: Value = serde_json::from_str(r#"{ "b": [1, {"z": null, "a": true}], "a": "x\"\n\u0001日本" }"#).unwrap();
    assert_eq!(String::from_utf8(canonical_json(&v)).unwrap(), "{\"a\":\"x\\\"\\n\\u0001日本\",\"b\":[1,{\"a\":true,\"z\":null}]}");
}

/// Writes `v` with keys in reverse order, generous whitespace and every
/// non-ASCII character as a \u escape: what another JSON tool might do.
fn reformat(v: &Value, out: &mut String) {
    match v {
        Value::Object(m) => {
            out.push_str("{\r\n    ");
            let mut keys: Vec<&String> = m.keys().collect();
            keys.reverse();
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push_str(" ,\n\t");
                }
                reformat(&Value::String((*k).clone()), out);
                out.push_str(" : ");
                reformat(&m[*k], out);
            }
            out.push_str("\n}");
        }
        Value::Array(a) => {
            out.push_str("[ ");
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push_str(" , ");
                }
                reformat(x, out);
            }
            out.push_str(" ]");
        }
        Value::String(s) => {
            out.push('"');
            for u in s.encode_utf16() {
                match u {
                    0x22 => out.push_str("\\\""),
                    0x5C => out.push_str("\\\\"),
                    0x20..=0x7E => out.push(u as u8 as char),
                    _ => out.push_str(&format!("\\u{u:04X}")),
                }
            }
            out.push('"');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[test]
fn reordered_keys_and_whitespace_still_verify() {
    let w = write(&sample(2)).unwrap();
    let v: Value = serde_json::from_slice(&w.bytes).unwrap();
    let mut text = String::new();
    reformat(&v, &mut text);
    assert!(text.is_ascii() && text.starts_with("{\r\n    \"year\" : 2025"), "{text}");
    let back = verify(text.as_bytes(), &kobe).unwrap();
    assert_eq!(back.submission, sample(2));
    assert_eq!(back.digest, w.digest);
}

#[test]
fn a_tampered_answer_is_refused() {
    let w = write(&sample(1)).unwrap();
    let text = String::from_utf8(w.bytes).unwrap();
    let tampered = text.replacen("\"not-implemented\"", "\"implemented\"", 1);
    assert_ne!(tampered, text);
    assert_eq!(verify(tampered.as_bytes(), &kobe), Err(Refusal::DigestMismatch));
    let renamed = text.replace("山田 太郎", "山田 次郎");
    assert_eq!(verify(renamed.as_bytes(), &kobe), Err(Refusal::DigestMismatch));
    // An added field changes the digest as well.
    let added = text.replacen("\"year\": 2025,", "\"year\": 2025, \"note\": \"x\",", 1);
    assert_eq!(verify(added.as_bytes(), &kobe), Err(Refusal::DigestMismatch));
    assert_eq!(Refusal::DigestMismatch.message().key, "submission-refused-digest");
}

#[test]
fn a_truncated_file_is_refused_as_truncated() {
    let w = write(&sample(1)).unwrap();
    for cut in [0, 1, w.bytes.len() / 2, w.bytes.len() - 3] {
        assert_eq!(verify(&w.bytes[..cut], &kobe), Err(Refusal::Truncated), "cut at {cut}");
    }
    // Cut inside a multi-byte character: still not accepted.
    let text = String::from_utf8(w.bytes.clone()).unwrap();
    let inside = text.find("山田").unwrap() + 1;
    assert!(verify(&w.bytes[..inside], &kobe).is_err());
}

#[test]
fn other_files_are_refused_with_their_reason() {
    assert!(matches!(verify(b"\x00\x01PK binary", &kobe), Err(Refusal::NotJson { .. })));
    assert!(matches!(verify("職員番号,氏名\n1,山田\n".as_bytes(), &kobe), Err(Refusal::NotJson { .. })));
    assert!(matches!(verify(b"[1, 2]", &kobe), Err(Refusal::WrongFormat { .. })));
    assert!(matches!(verify(br#"{"format": "something-else", "format_version": 1}"#, &kobe), Err(Refusal::WrongFormat { .. })));
    let w = write(&sample(1)).unwrap();
    let text = String::from_utf8(w.bytes).unwrap();
    let no_digest = text.replace(&format!(",\n  \"digest\": \"{}\"", w.digest), "");
    assert!(matches!(verify(no_digest.as_bytes(), &kobe), Err(Refusal::WrongFormat { .. })), "{no_digest}");
}

/// A file with a valid digest but content this build does not accept
/// (as a careless tool or a hand-made file would produce).
fn with_digest(mut v: Value) -> Vec<u8> {
    let d = digest_of(&v);
    v.as_object_mut().unwrap().insert("digest".into(), Value::String(d));
    serde_json::to_vec(&v).unwrap()
}

#[test]
fn a_file_from_a_newer_tebiki_says_so() {
    let mut v = serde_json::to_value(Wire { format: FORMAT, format_version: FORMAT_VERSION, body: &sample(1), digest: None }).unwrap();
    v["format_version"] = 3.into();
    v["signature"] = "a field version 2 does not know".into();
    assert_eq!(verify(&with_digest(v), &kobe), Err(Refusal::TooNew { found: 3, supported: 2 }));
    assert_eq!(Refusal::TooNew { found: 3, supported: 2 }.message().key, "submission-refused-too-new");
}

/// Issue 18: a file records where its 改善策 stand only from format version
/// 2; one without any is still written as version 1, so that re-exporting it
/// gives the same bytes and an older Tebiki still reads it.
#[test]
fn remedy_progress_makes_a_version_2_file_and_a_plain_one_stays_version_1() {
    use crate::selfcheck::answers::RemedyStatus;
    let plain = write(&sample(1)).unwrap();
    assert!(String::from_utf8(plain.bytes).unwrap().contains("\"format_version\": 1,"));
    let mut s = sample(2);
    s.progress = vec![RemedyProgress { item_id: "im-2".into(), status: RemedyStatus::Done, on: "2025-09-30".into(), note: "手順書を改訂した".into() }];
    let w = write(&s).unwrap();
    let text = String::from_utf8(w.bytes.clone()).unwrap();
    assert!(text.contains("\"format_version\": 2,") && text.contains("\"status\": \"done\""), "{text}");
    assert_eq!(verify(&w.bytes, &kobe).unwrap().submission, s);
    // Progress of an item without a 改善策, or a date that is not one, is refused.
    let mut bad = s.clone();
    bad.progress[0].item_id = "im-1".into();
    assert!(matches!(verify(&write(&bad).unwrap().bytes, &kobe), Err(Refusal::Invalid(m)) if m.key == "submission-invalid-progress"));
    let mut bad = s.clone();
    bad.progress[0].on = "そのうち".into();
    assert!(verify(&write(&bad).unwrap().bytes, &kobe).is_err());
}

#[test]
fn invalid_contents_are_refused_even_with_a_valid_digest() {
    let base = || serde_json::to_value(Wire { format: FORMAT, format_version: FORMAT_VERSION, body: &sample(1), digest: None }).unwrap();
    let mut v = base();
    v["answers"][1]["remedy"] = "".into();
    let r = verify(&with_digest(v), &kobe).unwrap_err();
    assert_eq!(r.message().key, "submission-invalid-answer");
    let mut v = base();
    v["submitted_at"] = "昨日".into();
    assert_eq!(verify(&with_digest(v), &kobe).unwrap_err().message().key, "submission-invalid-field");
    let mut v = base();
    v["answers"][1]["item_id"] = "im-1".into();
    assert_eq!(verify(&with_digest(v), &kobe).unwrap_err().message().key, "submission-invalid-duplicate-item");
    let mut v = base();
    v["answers"][0]["answer"] = "yes".into();
    assert!(matches!(verify(&with_digest(v), &kobe), Err(Refusal::WrongFormat { .. })));
    let mut v = base();
    v["answers"][0].as_object_mut().unwrap().remove("due");
    assert!(matches!(verify(&with_digest(v), &kobe), Err(Refusal::WrongFormat { .. })), "due must be present (null or a date)");
}

#[test]
fn an_unknown_pack_is_refused_and_another_version_is_flagged() {
    let w = write(&sample(1)).unwrap();
    let none = |_: &str| None;
    assert_eq!(verify(&w.bytes, &none), Err(Refusal::UnknownPack { id: "kobe".into(), version: "2025.1".into() }));
    let newer = |_: &str| Some(("2026.1".to_owned(), "cd".repeat(32)));
    let v = verify(&w.bytes, &newer).unwrap();
    let d = v.pack_difference.unwrap();
    assert_eq!((d.file_version.as_str(), d.installed_version.as_str(), d.same_version_other_text), ("2025.1", "2026.1", false));
    assert_eq!(d.message().key, "submission-pack-other-version");
    let edited = |_: &str| Some(("2025.1".to_owned(), "cd".repeat(32)));
    assert!(verify(&w.bytes, &edited).unwrap().pack_difference.unwrap().same_version_other_text);
}

#[test]
fn file_names_are_ascii_and_distinct() {
    let mut s = sample(3);
    assert_eq!(file_name(&s), "selfcheck_2025_D001_100001_info-manager_v3.json");
    s.respondent.dept_code = "総務課".into();
    let a = file_name(&s);
    s.respondent.dept_code = "人事課".into();
    let b = file_name(&s);
    assert!(a.is_ascii() && b.is_ascii());
    assert_ne!(a, b);
    s.respondent.employee_no = "A_1/../2".into();
    let c = file_name(&s);
    assert!(!c.contains('/') && c.starts_with("selfcheck_2025_x") && c.contains("_A12-x"), "{c}");
}

#[test]
fn too_large_files_are_not_read() {
    let big = vec![b' '; MAX_FILE_BYTES + 1];
    assert_eq!(verify(&big, &kobe), Err(Refusal::TooLarge { max: MAX_FILE_BYTES }));
}
