use crate::pack::library::bundled_files;
use crate::pack::{load, PackOrigin};

/// 神戸市's pack with `elearning/<name>` replaced by `text`.
fn kobe_with(name: &str, text: &str) -> crate::pack::LoadOutcome {
    let mut files = bundled_files().into_iter().find(|f| f.folder == "kobe").unwrap();
    files.files.retain(|k, _| !k.starts_with("elearning/"));
    files.files.insert(format!("elearning/{name}"), text.as_bytes().to_vec());
    load(&files, PackOrigin::Bundled)
}

fn keys(out: &crate::pack::LoadOutcome) -> Vec<(String, Option<usize>)> {
    out.problems.iter().filter(|p| p.file.starts_with("elearning/")).map(|p| (p.message.key.clone(), p.line)).collect()
}

const GOOD: &str = r#"course = "annual"
test_size = 2
pass_percent = 100

[[lesson]]
id = "l01"
title = "パスワード"
clauses = ["kobe/taisaku/7.4.1"]

[[question]]
id = "q01"
kind = "truefalse"
text = "パスワードは秘密にする。"
answer = true
clauses = ["kobe/taisaku/7.4.1"]
explanation = "7.4.1 のとおりです。"

[[question]]
id = "q02"
kind = "choice"
text = "正しいものは。"
choices = ["a", "b", "c", "d"]
answer = 3
clauses = ["kobe/taisaku/7.4.1"]
explanation = "7.4.1 のとおりです。"

[[question]]
id = "m01"
kind = "truefalse"
text = "情報管理者の問い。"
answer = false
clauses = ["kobe/taisaku/3.1.6"]
explanation = "3.1.6 のとおりです。"
roles = ["課長"]
"#;

#[test]
fn a_good_course_loads_with_answers_as_choice_numbers_and_roles_as_the_packs_names() {
    let out = kobe_with("annual.toml", GOOD);
    assert_eq!(keys(&out), vec![]);
    let pack = out.pack.unwrap();
    let c = pack.elearning("annual").unwrap();
    assert_eq!((c.test_size, c.pass_percent, c.lessons.len(), c.questions.len()), (2, 100, 1, 3));
    assert_eq!(c.question("q01").unwrap().answer, 1);
    assert_eq!(c.question("q02").unwrap().answer, 3);
    assert_eq!(c.question("m01").unwrap().answer, 2);
    assert_eq!(c.question("m01").unwrap().roles, vec!["情報管理者".to_owned()]);
    assert_eq!(c.pass_mark(2), 2);
    assert_eq!(c.title, pack.courses.iter().find(|x| x.id == "annual").unwrap().title);
}

#[test]
fn each_mistake_is_reported_with_its_line() {
    let bad = GOOD
        .replace("id = \"q02\"", "id = \"q01\"")
        .replace("answer = 3", "answer = 5")
        .replace("clauses = [\"kobe/taisaku/3.1.6\"]", "clauses = [\"kobe/taisaku/99.9\"]")
        .replace("roles = [\"課長\"]", "roles = [\"魔法使い\"]")
        .replace("pass_percent = 100", "pass_percent = 0")
        .replace("test_size = 2", "test_size = 5")
        .replace("explanation = \"7.4.1 のとおりです。\"\n\n[[question]]\nid = \"q01\"", "explanation = \"\"\n\n[[question]]\nid = \"q01\"");
    let out = kobe_with("annual.toml", &bad);
    assert!(out.pack.is_none());
    let k = keys(&out);
    let has = |key: &str| k.iter().any(|(x, line)| x == key && line.is_some());
    for key in [
        "pack-problem-elearning-pass-percent",
        "pack-problem-elearning-bad-id",
        "pack-problem-elearning-answer",
        "pack-problem-elearning-clause",
        "pack-problem-elearning-role",
        "pack-problem-elearning-empty-text",
        "pack-problem-elearning-bank-small",
    ] {
        assert!(has(key), "{key} missing in {k:?}");
    }
}

#[test]
fn a_file_for_no_course_or_under_another_name_is_refused() {
    let out = kobe_with("annual.toml", &GOOD.replace("course = \"annual\"", "course = \"nope\""));
    assert!(keys(&out).iter().any(|(k, _)| k == "pack-problem-elearning-course"));
    let out = kobe_with("yearly.toml", GOOD);
    assert!(keys(&out).iter().any(|(k, _)| k == "pack-problem-elearning-file-name"));
}

#[test]
fn choice_questions_need_four_different_choices_and_truefalse_a_boolean() {
    let out = kobe_with("annual.toml", &GOOD.replace("[\"a\", \"b\", \"c\", \"d\"]", "[\"a\", \"b\", \"b\", \"d\"]"));
    assert!(keys(&out).iter().any(|(k, _)| k == "pack-problem-elearning-answer"));
    let out = kobe_with("annual.toml", &GOOD.replace("answer = true", "answer = 1"));
    assert!(keys(&out).iter().any(|(k, _)| k == "pack-problem-elearning-answer"));
}
