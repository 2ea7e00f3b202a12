//! Fidelity: every bundled pack keeps the official text of its seed verbatim.
//!
//! The seeds are the policies as extracted from their PDFs (`../shared/seeds`,
//! see shared/README.md). For each seed, `tests/fidelity/<pack-id>.toml` names
//! the pack and lists the seed's extraction artifacts by line; the generic
//! artifacts below are removed from every seed. Then both sides lose all their
//! whitespace (the PDFs put spaces between Japanese and ASCII at random), the
//! seed body is split into sentences at 「。」, and every sentence must appear
//! in the pack's plain text, in order: each one at or after the end of the
//! previous match. Nothing else is normalised: every other character must be
//! the same on both sides.
//!
//! The test checks seed → pack only: text the pack adds (headings the pack
//! writes for an unnumbered part, the document titles) is not checked here.

use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};
use tebiki_core::pack::library::PackLibrary;
use tebiki_core::pack::markdown::plain_text;
use tebiki_core::pack::Pack;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds");
const SPECS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fidelity");

/// `tests/fidelity/<pack-id>.toml`: one seed and its extraction artifacts.
/// Line numbers are the seed's, 1-based; ranges are inclusive.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Spec {
    /// The pack's id (`content/packs/<pack>`).
    pack: String,
    /// The seed's file name in `shared/seeds`.
    seed: String,
    /// The check fails when it compares fewer sentences than this, so that
    /// a wrong skip range cannot make it pass by comparing nothing.
    min_sentences: usize,
    /// Lines that are not the policy's text (cover pages, tables of contents
    /// with page numbers, table headers repeated at page breaks, catalogue
    /// data); each with the reason.
    #[serde(default)]
    skip: Vec<Skip>,
    /// Lines the PDF prints somewhere else than the pack: footnotes set at the
    /// foot of the page, in the middle of the sentence that runs on over the
    /// page break. They are compared where the pack has them, after `after`.
    #[serde(default, rename = "move")]
    moves: Vec<Move>,
    /// Table-of-contents lines whose entries are the pack's text (an outline
    /// made from the contents): the trailing page number, which every such
    /// line must have, is dropped and each line is compared as one unit.
    #[serde(default)]
    toc: Vec<Toc>,
    /// Characters on one line that are not the policy's text (the 例規集's
    /// mark in front of a title).
    #[serde(default)]
    cut: Vec<Cut>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Skip {
    lines: [usize; 2],
    why: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Move {
    lines: [usize; 2],
    after: usize,
    why: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Toc {
    lines: [usize; 2],
    why: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cut {
    line: usize,
    text: String,
    why: String,
}

fn in_range(r: [usize; 2], line: usize) -> bool {
    r[0] <= line && line <= r[1]
}

/// The generic extraction artifacts, removed from every seed line. Each is
/// something the PDF extractor writes that the policy does not. (Page
/// numbers appear in the seeds only in 目次 lines, which the specs skip or
/// mark as `toc`; no seed has a line that is only a page number.)
fn clean_line(line: &str) -> String {
    let mut s = line.trim_start();
    // 1. "- " in front of a list item: the extractor marks lines it takes
    //    for list items; the policy's own marker (ア, (1), ① …) follows it.
    //    The pack writes these items as Markdown list items, whose marker
    //    plain text drops as well.
    if let Some(rest) = s.strip_prefix("- ") {
        s = rest;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        // 2. HTML tags (`<ul style="…">`, `</li>`): fragments of tables the
        //    extractor flattened. A tag is `<`, a letter or `/`, ASCII only,
        //    and `>` on the same line: it never holds the policy's words.
        let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
        match after.find('>') {
            Some(close) if is_tag && after[..close].is_ascii() && !after[..close].contains('<') => rest = &after[close + 1..],
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    // 3. Superscript footnote numbers (「職員⁹」, 「¹ SaaS : …」): the pack
    //    writes footnotes as `[^9]`, which plain text drops.
    out.retain(|c| !matches!(c, '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' | '⁰'));
    out
}

/// A table-of-contents entry without its page number (`7. 4.\t例外措置\t45`),
/// or `None` when it has none.
fn strip_page_number(line: &str) -> Option<&str> {
    let t = line.trim_end();
    let without = t.trim_end_matches(|c: char| c.is_ascii_digit());
    (without.len() < t.len() && without.ends_with(['\t', ' '])).then(|| without.trim_end())
}

/// One piece of the seed that must appear in the pack.
#[derive(Debug, Clone, Default, PartialEq)]
struct Sentence {
    /// 1-based seed line of its first character.
    line: usize,
    /// Without whitespace.
    text: String,
    /// Where each seed line's part of `text` starts: (byte offset, line).
    starts: Vec<(usize, usize)>,
}

impl Sentence {
    /// The seed line of the character at byte `offset` of `text`.
    fn line_at(&self, offset: usize) -> usize {
        self.starts.iter().take_while(|(o, _)| *o <= offset).last().map_or(self.line, |(_, l)| *l)
    }
}

/// The seed's body as sentences, in the order they are compared.
fn sentences(seed: &str, spec: &Spec) -> Vec<Sentence> {
    let lines: Vec<&str> = seed.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let n = lines.len();
    let check = |r: [usize; 2], what: &str| {
        assert!(1 <= r[0] && r[0] <= r[1] && r[1] <= n, "{}: {what} lines {r:?} outside 1..={n}", spec.seed);
    };
    spec.skip.iter().for_each(|s| check(s.lines, "skip"));
    spec.moves.iter().for_each(|m| check(m.lines, "move"));
    spec.toc.iter().for_each(|t| check(t.lines, "toc"));
    // No sentence of the policy is skipped: skipped lines are headings,
    // contents, cover and catalogue data, none of which ends in 「。」.
    for s in &spec.skip {
        for l in s.lines[0]..=s.lines[1] {
            assert!(!lines[l - 1].contains('。'), "{}: line {l} is skipped ({}) but holds a sentence: {}", spec.seed, s.why, lines[l - 1]);
        }
    }

    // Reading order: moved blocks go after their anchor line.
    let moved = |l: usize| spec.moves.iter().any(|m| in_range(m.lines, l));
    let mut order: Vec<usize> = (1..=n).filter(|&l| !moved(l)).collect();
    for m in &spec.moves {
        let at = order
            .iter()
            .position(|&l| l == m.after)
            .unwrap_or_else(|| panic!("{}: move after line {} ({}): that line is itself moved", spec.seed, m.after, m.why));
        order.splice(at + 1..at + 1, m.lines[0]..=m.lines[1]);
    }
    order.retain(|&l| !spec.skip.iter().any(|s| in_range(s.lines, l)));

    let mut out = Vec::new();
    let mut current = Sentence::default();
    let flush = |current: &mut Sentence, out: &mut Vec<Sentence>| {
        if !current.text.is_empty() {
            out.push(std::mem::take(current));
        }
    };
    for l in order {
        let mut raw = lines[l - 1].to_owned();
        for c in spec.cut.iter().filter(|c| c.line == l) {
            assert!(raw.contains(&c.text), "{}: cut {:?} ({}) is not on line {l}", spec.seed, c.text, c.why);
            raw = raw.replacen(&c.text, "", 1);
        }
        let toc = spec.toc.iter().find(|t| in_range(t.lines, l));
        let is_toc = toc.is_some();
        let text = match toc {
            Some(_) if raw.trim().is_empty() => String::new(),
            Some(t) => clean_line(
                strip_page_number(&raw).unwrap_or_else(|| panic!("{}: line {l} is in a contents range ({}) but has no page number: {raw}", spec.seed, t.why)),
            ),
            None => clean_line(&raw),
        };
        if is_toc {
            flush(&mut current, &mut out);
        }
        for ch in text.chars().filter(|c| !c.is_whitespace()) {
            if current.text.is_empty() {
                current.line = l;
            }
            if current.starts.last().is_none_or(|&(_, last)| last != l) {
                current.starts.push((current.text.len(), l));
            }
            current.text.push(ch);
            if ch == '。' {
                flush(&mut current, &mut out);
            }
        }
        if is_toc {
            flush(&mut current, &mut out);
        }
    }
    flush(&mut current, &mut out);
    out
}

/// The pack as its reader shows it, without whitespace: for each document,
/// its title, preamble, and each clause's heading and body. Headings are
/// plain text already (the parser's text of the heading); preamble and
/// bodies are Markdown, footnote definitions included.
fn pack_text(pack: &Pack) -> String {
    let mut out = String::new();
    for doc in &pack.documents {
        out.push_str(&doc.title);
        out.push_str(&plain_text(&doc.preamble));
        for clause in &doc.clauses {
            out.push_str(&clause.heading);
            out.push_str(&plain_text(&clause.body));
        }
    }
    out.retain(|c| !c.is_whitespace());
    out
}

/// The first seed sentence the pack does not have, after the ones before it.
#[derive(Debug)]
struct Missing {
    pack: String,
    seed: String,
    checked: usize,
    sentence: Sentence,
    /// Where the longest part of the sentence the pack has starts, and how
    /// long it is: a hint for finding the difference.
    closest: Option<(usize, usize)>,
    /// The sentence is in the pack, but before the previous one.
    earlier: bool,
    pack_text: String,
}

/// Up to `n` characters of `s` before byte `at` and from it.
fn around(s: &str, at: usize, n: usize) -> (String, String) {
    let before: Vec<char> = s[..at].chars().rev().take(n).collect();
    (before.into_iter().rev().collect(), s[at..].chars().take(n).collect())
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.sentence;
        writeln!(
            f,
            "pack {:?} lacks the sentence of seed {} at line {} (after {} sentences that match):\n  {}",
            self.pack, self.seed, s.line, self.checked, s.text
        )?;
        if self.earlier {
            writeln!(f, "the pack has it, but before the previous sentence: out of order")?;
        } else if let Some((at, len)) = self.closest {
            let (seed_before, seed_after) = around(&s.text, len, 30);
            let (_, pack_after) = around(&self.pack_text, at + len, 30);
            writeln!(
                f,
                "the pack's closest text matches its first {} characters, then differs at seed line {}:\n  seed: …{seed_before}【{seed_after}\n  pack: …{seed_before}【{pack_after}",
                s.text[..len].chars().count(),
                s.line_at(len),
            )?;
        } else {
            writeln!(f, "the pack has not even its first character after the previous sentence")?;
        }
        Ok(())
    }
}

/// Compares `seed` (whose sentences `spec` defines) with the pack text.
/// Returns the number of sentences compared.
fn check(seed: &str, spec: &Spec, pack_text: &str) -> Result<usize, Box<Missing>> {
    let mut cursor = 0;
    let sentences = sentences(seed, spec);
    for (i, s) in sentences.iter().enumerate() {
        match pack_text[cursor..].find(&s.text) {
            Some(at) => cursor += at + s.text.len(),
            None => {
                let earlier = pack_text.contains(&s.text);
                // Longest prefix of the sentence found after the cursor.
                let rest = &pack_text[cursor..];
                let closest = s
                    .text
                    .char_indices()
                    .map(|(i, c)| i + c.len_utf8())
                    .take_while(|&len| rest.contains(&s.text[..len]))
                    .last()
                    .map(|len| (cursor + rest.find(&s.text[..len]).unwrap(), len));
                return Err(Box::new(Missing {
                    pack: spec.pack.clone(),
                    seed: spec.seed.clone(),
                    checked: i,
                    sentence: s.clone(),
                    closest,
                    earlier,
                    pack_text: pack_text.to_owned(),
                }));
            }
        }
    }
    Ok(sentences.len())
}

fn load_spec(pack: &str) -> Spec {
    let path = Path::new(SPECS).join(format!("{pack}.toml"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let spec: Spec = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(spec.pack, pack, "{}: pack", path.display());
    spec
}

fn seeds_dir() -> PathBuf {
    let dir = PathBuf::from(SEEDS);
    assert!(
        dir.is_dir(),
        "the seeds folder {} is missing: the fidelity test needs the repository `shared` \
         checked out beside this one (../shared/seeds, see shared/README.md)",
        dir.display()
    );
    dir
}

/// The test for one seed: every sentence is in the pack, in order, and there
/// are at least `min_sentences` of them.
fn fidelity(pack_id: &str) {
    let spec = load_spec(pack_id);
    let path = seeds_dir().join(&spec.seed);
    let seed = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let lib = PackLibrary::load(None);
    let pack = lib.get(pack_id).unwrap_or_else(|| panic!("pack {pack_id} is not bundled (or does not load)"));
    match check(&seed, &spec, &pack_text(pack)) {
        Err(missing) => panic!("{missing}"),
        Ok(n) => {
            assert!(n >= spec.min_sentences, "{pack_id}: only {n} sentences of {} compared, expected at least {}", spec.seed, spec.min_sentences);
            println!("{pack_id}: {n} sentences of {} found in order", spec.seed);
        }
    }
}

#[test]
fn hirakawa_keeps_its_seed_verbatim() {
    fidelity("hirakawa");
}

#[test]
fn kobe_keeps_its_seed_verbatim() {
    fidelity("kobe");
}

#[test]
fn togane_seiso_keeps_its_seed_verbatim() {
    fidelity("togane-seiso");
}

#[test]
fn katsuura_keeps_its_seed_verbatim() {
    fidelity("katsuura");
}

#[test]
fn gunma_keeps_its_seed_verbatim() {
    fidelity("gunma");
}

/// The checker itself: it passes on a faithful pack and reports the first
/// sentence a pack lacks, with its line.
mod checker {
    use super::*;

    fn spec(toml: &str) -> Spec {
        toml::from_str(&format!("pack = \"t\"\nseed = \"t.txt\"\nmin_sentences = 0\n{toml}")).unwrap()
    }

    /// Lines 1–14: every kind of artifact the specs and `clean_line` remove.
    const SEED: &str = "\
表紙 2025
目次
第1 目的\t1

第1 目的

この基準は、定める。次の文
は、ページをまたぐ。

注¹ 脚注です。
- ア 項目¹の一。
<ul style=\"x\"> ・表の中の文。</ul>
○題名
第2 範囲\t3
";
    const ARTIFACTS: &str = r#"
[[skip]]
lines = [1, 3]
why = "cover and contents"
[[move]]
lines = [10, 10]
after = 11
why = "footnote at the foot of the page"
[[cut]]
line = 13
text = "○"
why = "catalogue mark"
[[toc]]
lines = [14, 14]
why = "outline from the contents"
"#;
    const PACK: &str = "第1目的この基準は、定める。次の文は、ページをまたぐ。ア項目の一。注脚注です。・表の中の文。題名第2範囲";

    #[test]
    fn a_faithful_pack_passes() {
        let spec = spec(ARTIFACTS);
        let got: Vec<_> = sentences(SEED, &spec).into_iter().map(|s| (s.line, s.text)).collect();
        let want = [
            (5, "第1目的この基準は、定める。"),
            (7, "次の文は、ページをまたぐ。"),
            (11, "ア項目の一。"),
            (10, "注脚注です。"),
            (12, "・表の中の文。"),
            (13, "題名"),
            (14, "第2範囲"),
        ];
        assert_eq!(got, want.map(|(l, t)| (l, t.to_owned())));
        assert_eq!(check(SEED, &spec, PACK).unwrap(), 7);
    }

    #[test]
    fn reports_the_first_changed_sentence_with_its_line() {
        let spec = spec(ARTIFACTS);
        let changed = PACK.replace("ページをまたぐ", "ページをまたく");
        let missing = check(SEED, &spec, &changed).unwrap_err();
        assert_eq!((missing.sentence.line, missing.sentence.text.as_str(), missing.checked), (7, "次の文は、ページをまたぐ。", 1));
        // The difference is on the sentence's second line.
        let (_, len) = missing.closest.unwrap();
        assert_eq!(missing.sentence.line_at(len), 8);
        let message = missing.to_string();
        assert!(message.contains("seed t.txt at line 7") && message.contains("differs at seed line 8"), "{message}");
    }

    #[test]
    fn reports_a_sentence_out_of_order() {
        let spec = spec(ARTIFACTS);
        let swapped = PACK.replace("ア項目の一。注脚注です。", "注脚注です。ア項目の一。");
        let missing = check(SEED, &spec, &swapped).unwrap_err();
        assert_eq!((missing.sentence.line, missing.earlier), (10, true));
    }

    #[test]
    fn the_generic_rules_remove_only_artifacts() {
        assert_eq!(clean_line("  - ア 項目"), "ア 項目");
        assert_eq!(clean_line("-1 度"), "-1 度");
        assert_eq!(clean_line("<ul style=\"list-style-type: none\"> ・文</li></ul>"), " ・文");
        assert_eq!(clean_line("a < b かつ c > d"), "a < b かつ c > d");
        assert_eq!(clean_line("<p 日本語の文>"), "<p 日本語の文>");
        assert_eq!(clean_line("¹ SaaS : 職員⁹及び"), " SaaS : 職員及び");
        assert_eq!(strip_page_number("7. 4.\t例外措置\t45"), Some("7. 4.\t例外措置"));
        assert_eq!(strip_page_number("第2章 情報セキュリティ対策基準\t6"), Some("第2章 情報セキュリティ対策基準"));
        assert_eq!(strip_page_number("4.1. サーバ等機器の管理"), None);
    }

    #[test]
    fn footnotes_left_at_the_foot_of_the_page_do_not_match() {
        let no_move = ARTIFACTS.split("[[move]]").next().unwrap().to_owned() + "[[cut]]" + ARTIFACTS.split("[[cut]]").nth(1).unwrap();
        // The footnote (line 10) matches after the item that cites it, so the
        // item (line 11) comes too late.
        let missing = check(SEED, &spec(&no_move), PACK).unwrap_err();
        assert_eq!((missing.sentence.line, missing.earlier), (11, true));
    }

    #[test]
    fn kobe_with_one_character_changed_fails_at_that_sentence() {
        let spec = load_spec("kobe");
        let seed = std::fs::read_to_string(seeds_dir().join(&spec.seed)).unwrap();
        let lib = PackLibrary::load(None);
        let text = pack_text(lib.get("kobe").unwrap());
        // Seed line 360, 3.3.1 イ: 「…自らへの報告が行われる体制を整備しなければならない。」
        let original = "自らへの報告が行われる体制を整備";
        assert_eq!(text.matches(original).count(), 1);
        let changed = text.replace(original, "自らへの報告が行われる体制を準備");
        let missing = check(&seed, &spec, &changed).unwrap_err();
        assert_eq!(missing.sentence.line, 360);
        assert!(missing.sentence.text.starts_with("イCISOは、情報セキュリティの統一的な窓口が"), "{}", missing.sentence.text);
        assert!(missing.checked > 50);
        let message = missing.to_string();
        assert!(message.contains("pack \"kobe\"") && message.contains("001_92deaec8cccbb2d3.txt at line 360"), "{message}");
    }
}
