//! Splits a pack document into clauses: every heading below the title is a
//! clause with an explicit `{#id}`. Keeps line numbers for error messages.

use super::problem::{Problem, Severity};
use super::Clause;
use crate::message::Message;
use crate::numerals::{ascii_digits, parse_number};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::{HashMap, HashSet};

pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_HEADING_ATTRIBUTES
}

#[derive(Debug, Clone, Default)]
pub struct ParsedDocument {
    pub title: Option<String>,
    /// Text between the title and the first clause.
    pub preamble: String,
    pub clauses: Vec<Clause>,
    /// Link targets with their lines, for the link check.
    pub links: Vec<(String, usize)>,
}

/// Characters allowed in a local clause id.
pub fn is_valid_local_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
}

/// Splits `7.2.2 研修・訓練` into its number and title. The first word is a
/// number when it holds a digit (ASCII, 全角 or after 第).
pub fn split_number(heading: &str) -> (Option<String>, String) {
    let heading = heading.trim();
    let cut = heading.find([' ', '\u{3000}']).unwrap_or(heading.len());
    let first = &heading[..cut];
    let looks_numbered =
        first.chars().next().is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) || (first.starts_with('第') && first.chars().count() > 1);
    if looks_numbered {
        (Some(first.to_owned()), heading[cut..].trim().to_owned())
    } else {
        (None, heading.to_owned())
    }
}

/// The local id FORMAT.md derives from a clause number, when the number has
/// one of the documented forms. `chapter` is the enclosing 章's number, for 節.
pub fn expected_local_id(number: &str, chapter: Option<u32>) -> Option<String> {
    let n = ascii_digits(number).replace([' ', '\u{3000}'], "");
    let n = n.trim_end_matches('.');
    if !n.is_empty() && n.split('.').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())) {
        return Some(n.to_owned());
    }
    if n.split('-').count() > 1 && n.split('-').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())) {
        return Some(n.to_owned());
    }
    let inner = n.strip_prefix('第')?;
    if let Some(ch) = inner.strip_suffix('章') {
        return Some(format!("ch{}", parse_number(ch)?));
    }
    if let Some(s) = inner.strip_suffix('節') {
        return Some(format!("ch{}-s{}", chapter?, parse_number(s)?));
    }
    if let Some(s) = inner.strip_suffix('条') {
        return Some(parse_number(s)?.to_string());
    }
    Some(parse_number(inner)?.to_string())
}

struct Heading {
    level: u8,
    id: Option<String>,
    text: String,
    line: usize,
    start: usize,
    end: usize,
}

fn level_num(l: HeadingLevel) -> u8 {
    l as u8
}

/// Parses `text` (the file `file`), reporting problems into `problems`.
/// Clause ids are `id_prefix` + the local id (e.g. `kobe/taisaku/` + `7.2.2`).
pub fn parse_document(file: &str, text: &str, id_prefix: &str, problems: &mut Vec<Problem>) -> ParsedDocument {
    let mut doc = ParsedDocument::default();
    let (headings, footnote_defs) = scan(file, text, &mut doc, problems);
    check_footnotes(file, text, &footnote_defs, problems);
    let mut iter = headings.into_iter().peekable();
    match iter.peek() {
        Some(h) if h.level == 1 && text[..h.start].trim().is_empty() => {
            let h = iter.next().unwrap();
            doc.title = Some(h.text.trim().to_owned());
            let pre_end = iter.peek().map(|n| n.start).unwrap_or(text.len());
            doc.preamble = text[h.end..pre_end].trim().to_owned();
        }
        _ => problems.push(Problem::error(file, 1, Message::new("pack-problem-no-title"))),
    }
    let rest: Vec<Heading> = iter.collect();
    clauses(file, text, id_prefix, &rest, &mut doc, problems);
    doc
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// One pass over the Markdown events: the headings, links (into `doc`),
/// footnote definitions, and raw HTML (refused).
fn scan(file: &str, text: &str, doc: &mut ParsedDocument, problems: &mut Vec<Problem>) -> (Vec<Heading>, HashSet<String>) {
    let mut headings: Vec<Heading> = Vec::new();
    let mut current: Option<Heading> = None;
    let mut footnote_defs: HashSet<String> = HashSet::new();
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                current = Some(Heading {
                    level: level_num(level),
                    id: id.map(|i| i.to_string()),
                    text: String::new(),
                    line: line_of(text, range.start),
                    start: range.start,
                    end: range.end,
                });
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = current.take() {
                    headings.push(h);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = current.as_mut() {
                    h.text.push_str(&t);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                let snippet: String = h.trim().chars().take(40).collect();
                problems.push(Problem::error(file, line_of(text, range.start), Message::new("pack-problem-raw-html").arg("snippet", snippet)));
            }
            Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
                doc.links.push((dest_url.to_string(), line_of(text, range.start)));
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                footnote_defs.insert(name.to_string());
            }
            _ => {}
        }
    }
    (headings, footnote_defs)
}

/// Every footnote reference must have its definition. References are found
/// in the source text: pulldown-cmark turns a reference to an undefined
/// footnote into plain text, not an event.
fn check_footnotes(file: &str, text: &str, defined: &HashSet<String>, problems: &mut Vec<Problem>) {
    for (i, l) in text.lines().enumerate() {
        for part in l.split("[^").skip(1) {
            if let Some((name, after)) = part.split_once(']') {
                let is_definition = after.starts_with(':') && l.trim_start().starts_with(&format!("[^{name}]"));
                if !is_definition && !defined.contains(name) {
                    problems.push(Problem::error(file, i + 1, Message::new("pack-problem-footnote-missing").arg("name", name)));
                }
            }
        }
    }
}

/// The clauses under the title: each heading with a valid, unique `{#id}`,
/// its body up to the next heading, its parent, and a warning when its
/// number does not match its id.
fn clauses(file: &str, text: &str, id_prefix: &str, rest: &[Heading], doc: &mut ParsedDocument, problems: &mut Vec<Problem>) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, h) in rest.iter().enumerate() {
        if h.level == 1 {
            problems.push(Problem::error(file, h.line, Message::new("pack-problem-second-title").arg("heading", &h.text)));
        }
        let body_end = rest.get(i + 1).map(|n| n.start).unwrap_or(text.len());
        let body = text[h.end..body_end].trim().to_owned();
        let Some(local_id) = h.id.clone() else {
            problems.push(Problem::error(file, h.line, Message::new("pack-problem-heading-without-id").arg("heading", h.text.trim())));
            continue;
        };
        if !is_valid_local_id(&local_id) {
            problems.push(Problem::error(file, h.line, Message::new("pack-problem-bad-clause-id").arg("id", &local_id)));
            continue;
        }
        if let Some(first) = seen.get(&local_id) {
            problems.push(Problem::error(file, h.line, Message::new("pack-problem-duplicate-clause").arg("id", &local_id).arg("first", first)));
            continue;
        }
        seen.insert(local_id.clone(), h.line);
        let (number, title) = split_number(&h.text);
        let parent = doc.clauses.iter().rposition(|c| c.level < h.level);
        let chapter = parent.and_then(|p| doc.clauses[p].local_id.strip_prefix("ch")).and_then(|c| c.split('-').next()).and_then(|c| c.parse().ok());
        if let Some(expected) = number.as_deref().and_then(|n| expected_local_id(n, chapter)) {
            if expected != local_id {
                problems.push(Problem {
                    severity: Severity::Warning,
                    ..Problem::error(file, h.line, Message::new("pack-problem-id-number-mismatch").arg("id", &local_id).arg("expected", expected))
                });
            }
        }
        doc.clauses.push(Clause {
            id: format!("{id_prefix}{local_id}"),
            local_id,
            heading: h.text.trim().to_owned(),
            number,
            title,
            level: h.level,
            line: h.line,
            body,
            parent,
        });
    }
}

/// The text a reader sees, without Markdown syntax or footnote markers:
/// one line per block. Used for fidelity checks, glossary checks and search.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell | TagEnd::TableRow) | Event::Start(Tag::Item) => {
                out.push('\n')
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_expected_ids() {
        assert_eq!(split_number("7.2.2 研修・訓練"), (Some("7.2.2".into()), "研修・訓練".into()));
        assert_eq!(split_number("第62 不正アクセス"), (Some("第62".into()), "不正アクセス".into()));
        assert_eq!(split_number("改定履歴"), (None, "改定履歴".into()));
        assert_eq!(expected_local_id("9. 3.", None).as_deref(), Some("9.3"));
        assert_eq!(expected_local_id("3.", None).as_deref(), Some("3"));
        assert_eq!(expected_local_id("6-1", None).as_deref(), Some("6-1"));
        assert_eq!(expected_local_id("第六十二", None).as_deref(), Some("62"));
        assert_eq!(expected_local_id("第2章", None).as_deref(), Some("ch2"));
        assert_eq!(expected_local_id("第1節", Some(2)).as_deref(), Some("ch2-s1"));
        assert_eq!(expected_local_id("(1)", None), None);
    }

    #[test]
    fn clauses_with_parents_bodies_and_lines() {
        let md = "# 題\n\n前文\n\n## 1 目的 {#1}\n\n本文。\n\n### 1.1 細目 {#1.1}\n\n細目本文。\n\n## 2 範囲 {#2}\n";
        let mut problems = vec![];
        let doc = parse_document("t.md", md, "t/d/", &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(doc.title.as_deref(), Some("題"));
        assert_eq!(doc.preamble, "前文");
        let ids: Vec<_> = doc.clauses.iter().map(|c| c.local_id.as_str()).collect();
        assert_eq!(ids, ["1", "1.1", "2"]);
        assert_eq!(doc.clauses[1].parent, Some(0));
        assert_eq!(doc.clauses[2].parent, None);
        assert_eq!(doc.clauses[0].body, "本文。");
        assert_eq!(doc.clauses[1].line, 9);
    }

    #[test]
    fn problems_carry_lines() {
        let md = "# 題\n\n## 1 目的 {#1}\n\n<script>alert(1)</script>\n\n## 2 範囲\n\n## 3 x {#1}\n\n参照[^9]\n";
        let mut problems = vec![];
        parse_document("t.md", md, "t/d/", &mut problems);
        let keys: Vec<_> = problems.iter().map(|p| (p.message.key.as_str(), p.line)).collect();
        assert!(keys.contains(&("pack-problem-raw-html", Some(5))), "{keys:?}");
        assert!(keys.contains(&("pack-problem-heading-without-id", Some(7))), "{keys:?}");
        assert!(keys.contains(&("pack-problem-duplicate-clause", Some(9))), "{keys:?}");
        assert!(keys.contains(&("pack-problem-footnote-missing", Some(11))), "{keys:?}");
    }

    #[test]
    fn plain_text_drops_syntax_and_footnote_markers() {
        let t = plain_text("- ア 職員は[^1]、守る。\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n[^1]: 注。\n");
        assert!(t.contains("ア 職員は、守る。"), "{t}");
        assert!(t.contains("注。"));
        assert!(!t.contains('|') && !t.contains("[^"));
    }
}
