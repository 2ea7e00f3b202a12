//! `everyday.toml`: the words staff type (私物, スマホ, なくした) and the
//! policy's own words for them (支給以外, モバイル端末, 紛失). Search reads the
//! same format from its bundled table and from each pack, so a pack can add
//! the words its own policy uses (see content/FORMAT.md).

use super::problem::Problem;
use crate::message::Message;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EverydayFile {
    /// Words that only shape a question (方法, 場合, 使う) and are left out.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Verbs among them, in dictionary form; their conjugated forms are left out too.
    #[serde(default)]
    pub ignore_verbs: Vec<String>,
    #[serde(default)]
    pub word: Vec<EverydayWord>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EverydayWord {
    /// Everyday words and phrases, matched as typed (after width/case folding).
    #[serde(default)]
    pub everyday: Vec<String>,
    /// Verbs and い-adjectives in dictionary form (なくす, 捨てる, 怪しい): every
    /// conjugated form (なくした, 捨てたい, 怪しかった) matches.
    #[serde(default)]
    pub verbs: Vec<String>,
    /// The words the policies use for it.
    pub policy: Vec<String>,
}

/// Stems from which every conjugated form of a verb or い-adjective starts:
/// なくす → なくさ なくし なくす なくせ なくそ; 捨てる → 捨て (and the godan
/// forms, which a 〜る verb may also be); 怪しい → 怪し. None when the word is
/// not in dictionary form or its stem would be a single character.
pub fn verb_stems(verb: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = verb.chars().collect();
    let (&last, stem) = chars.split_last()?;
    let stem: String = stem.iter().collect();
    if stem.is_empty() {
        return None;
    }
    if let Some(base) = verb.strip_suffix("する") {
        return (base.chars().count() >= 2).then(|| ["し", "さ", "す", "せ"].iter().map(|e| format!("{base}{e}")).collect());
    }
    // Godan rows: (dictionary ending, the other endings of its row, 音便).
    let row: &[&str] = match last {
        'う' => &["わ", "い", "う", "え", "お", "っ"],
        'く' => &["か", "き", "く", "け", "こ", "い"],
        'ぐ' => &["が", "ぎ", "ぐ", "げ", "ご", "い"],
        'す' => &["さ", "し", "す", "せ", "そ"],
        'つ' => &["た", "ち", "つ", "て", "と", "っ"],
        'ぬ' => &["な", "に", "ぬ", "ね", "の", "ん"],
        'ぶ' => &["ば", "び", "ぶ", "べ", "ぼ", "ん"],
        'む' => &["ま", "み", "む", "め", "も", "ん"],
        'る' => &["ら", "り", "る", "れ", "ろ", "っ"],
        'い' => return (stem.chars().count() >= 2).then(|| vec![stem]),
        _ => return None,
    };
    let mut out: Vec<String> = row.iter().map(|e| format!("{stem}{e}")).collect();
    // A 〜る verb may be ichidan (捨てる → 捨てた): its bare stem.
    if last == 'る' && stem.chars().count() >= 2 {
        out.push(stem);
    }
    Some(out)
}

/// Parses and checks an everyday-words file; `name` is its file name for problems.
pub fn parse(name: &str, text: &str, problems: &mut Vec<Problem>) -> Option<EverydayFile> {
    let file: EverydayFile = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            let line = e.span().map(|s| super::line_at(text, s.start)).unwrap_or(1);
            problems.push(Problem::error(name, line, Message::new("pack-problem-manifest").arg("detail", e.message())));
            return None;
        }
    };
    let line_of = |w: &str| text.lines().position(|l| l.contains(&format!("\"{w}\""))).map(|i| i + 1).unwrap_or(1);
    for w in &file.word {
        let first = w.everyday.first().or(w.verbs.first()).or(w.policy.first()).map(String::as_str).unwrap_or("");
        if (w.everyday.is_empty() && w.verbs.is_empty())
            || w.policy.is_empty()
            || w.everyday.iter().chain(&w.verbs).chain(&w.policy).any(|s| s.trim().is_empty())
        {
            problems.push(Problem::error(name, line_of(first), Message::new("pack-problem-everyday-entry").arg("word", first)));
        }
        for v in &w.verbs {
            if verb_stems(v.trim()).is_none() {
                problems.push(Problem::error(name, line_of(v), Message::new("pack-problem-everyday-verb").arg("word", v)));
            }
        }
    }
    for v in &file.ignore_verbs {
        if verb_stems(v.trim()).is_none() {
            problems.push(Problem::error(name, line_of(v), Message::new("pack-problem-everyday-verb").arg("word", v)));
        }
    }
    Some(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_cover_the_conjugations() {
        assert_eq!(verb_stems("なくす").unwrap(), ["なくさ", "なくし", "なくす", "なくせ", "なくそ"]);
        assert!(verb_stems("捨てる").unwrap().contains(&"捨て".to_owned()));
        assert!(verb_stems("送る").unwrap().contains(&"送っ".to_owned()));
        assert_eq!(verb_stems("怪しい").unwrap(), ["怪し"]);
        assert_eq!(verb_stems("紛失する").unwrap(), ["紛失し", "紛失さ", "紛失す", "紛失せ"]);
        assert!(verb_stems("パソコン").is_none());
        assert!(verb_stems("い").is_none());
    }

    #[test]
    fn bad_entries_are_reported_with_their_line() {
        let mut problems = Vec::new();
        let text = "[[word]]\neveryday = [\"私物\"]\npolicy = []\n\n[[word]]\nverbs = [\"スマホ\"]\npolicy = [\"モバイル端末\"]\n";
        assert!(parse("everyday.toml", text, &mut problems).is_some());
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].line, Some(2));
        assert_eq!(problems[1].line, Some(6));
        let mut problems = Vec::new();
        assert!(parse("everyday.toml", "[[word]]\neveryday = 3\n", &mut problems).is_none());
        assert_eq!(problems.len(), 1);
    }
}
