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
    /// made from the contents): the trailing page number is dropped and each
    /// line is compared as one unit.
    #[serde(default)]
    toc: Vec<Toc>,
    /// Characters the extraction glued to one line that are not the text.
    #[serde(default)]
    cut: Vec<Cut>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Skip {
    lines: [usize; 2],
    #[allow(dead_code)]
    why: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Move {
    lines: [usize; 2],
    after: usize,
    #[allow(dead_code)]
    why: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Toc {
    lines: [usize; 2],
    #[allow(dead_code)]
    why: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cut {
    line: usize,
    text: String,
    #[allow(dead_code)]
    why: String,
}

fn in_range(r: [usize; 2], line: usize) -> bool {
    r[0] <= line && line <= r[1]
}

/// The generic extraction artifacts, removed from every seed line. Each is
/// something the PDF extractor writes that the policy does not:
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
        //    extractor flattened. Only `<` followed by a letter or `/` and
        //    closed by `>` on the same line is a tag.
        let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
        match after.find('>') {
            Some(close) if is_tag => rest = &after[close + 1..],
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

/// A table-of-contents entry without its page number: `7. 4.\t例外措置\t45`.
fn strip_page_number(line: &str) -> &str {
    let t = line.trim_end();
    let without = t.trim_end_matches(|c: char| c.is_ascii_digit());
    if without.len() < t.len() && without.ends_with(['\t', ' ', '.']) {
        without.trim_end_matches(['\t', ' ', '.'])
    } else {
        t
    }
}

/// One piece of the seed that must appear in the pack.
#[derive(Debug, Clone, PartialEq)]
struct Sentence {
    /// 1-based seed line of its first character.
    line: usize,
    /// Without whitespace.
    text: String,
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

    // Reading order: moved blocks go after their anchor line.
    let moved = |l: usize| spec.moves.iter().any(|m| in_range(m.lines, l));
    let mut order: Vec<usize> = (1..=n).filter(|&l| !moved(l)).collect();
    for m in &spec.moves {
        let at = order
            .iter()
            .position(|&l| l == m.after)
            .unwrap_or_else(|| panic!("{}: move target line {} is itself moved", spec.seed, m.after));
        order.splice(at + 1..at + 1, m.lines[0]..=m.lines[1]);
    }
    order.retain(|&l| !spec.skip.iter().any(|s| in_range(s.lines, l)));

    let mut out = Vec::new();
    let mut current = Sentence { line: 0, text: String::new() };
    let mut flush = |current: &mut Sentence, out: &mut Vec<Sentence>| {
        if !current.text.is_empty() {
            out.push(std::mem::replace(current, Sentence { line: 0, text: String::new() }));
        }
    };
    for l in order {
        let mut raw = lines[l - 1].to_owned();
        for c in spec.cut.iter().filter(|c| c.line == l) {
            assert!(raw.contains(&c.text), "{}: cut {:?} not on line {l}", spec.seed, c.text);
            raw = raw.replacen(&c.text, "", 1);
        }
        let is_toc = spec.toc.iter().any(|t| in_range(t.lines, l));
        let text = clean_line(if is_toc { strip_page_number(&raw) } else { &raw });
        if is_toc {
            flush(&mut current, &mut out);
        }
        for ch in text.chars().filter(|c| !c.is_whitespace()) {
            if current.text.is_empty() {
                current.line = l;
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

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "pack {:?} lacks a sentence of seed {} (line {}), after {} sentences that match:\n  seed: {}",
            self.pack, self.seed, self.sentence.line, self.checked, self.sentence.text
        )?;
        if self.earlier {
            writeln!(f, "  (the pack has it, but before the previous sentence: out of order)")?;
        } else if let Some((at, len)) = self.closest {
            let end = (at + len + 60).min(self.pack_text.len());
            let end = (end..=self.pack_text.len()).find(|&e| self.pack_text.is_char_boundary(e)).unwrap();
            let matched: String = self.sentence.text[..len].chars().count().to_string();
            writeln!(f, "  pack: {}  (its first {matched} characters match)", &self.pack_text[at..end])?;
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
