//! Clean-up shared by every format: page numbers, running heads of PDF
//! pages and the 目次 are recognised (and reported, not drafted); lines that
//! a PDF broke in the middle of a sentence are joined again.

use crate::mark::{classify, Mark};
use crate::read::{InputFormat, SourceLine};
use std::collections::HashMap;

/// A line of the cleaned text: its first source line, and whether a blank
/// line came before it.
#[derive(Debug, Clone)]
pub struct Line {
    pub line: usize,
    pub page: Option<u32>,
    pub text: String,
}

#[derive(Debug, Default)]
pub struct Cleaned {
    pub lines: Vec<Line>,
    pub page_numbers: Vec<SourceLine>,
    pub running_heads: Vec<SourceLine>,
    pub toc: Vec<SourceLine>,
    /// Source lines joined onto the line before them.
    pub joined: Vec<usize>,
}

/// 「- 3 -」「3」「3/12」「P.3」「－３－」: a page number printed on the page.
pub fn is_page_number(t: &str) -> bool {
    let t = t.trim();
    let t = t.trim_matches(|c: char| c.is_whitespace() || "-－ー―‐−–—".contains(c));
    let t = t.strip_prefix("P.").or_else(|| t.strip_prefix("p.")).or_else(|| t.strip_prefix("Ｐ．")).unwrap_or(t);
    let t = t.strip_suffix("ページ").or_else(|| t.strip_suffix("頁")).unwrap_or(t).trim();
    let digits = |s: &str| !s.is_empty() && s.len() <= 12 && s.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    match t.split_once(['/', '／']) {
        Some((a, b)) => digits(a.trim()) && digits(b.trim()),
        None => digits(t) && t.chars().count() <= 4,
    }
}

/// The entry of a 目次 without its page number or 「(第1―第3)」 range.
fn toc_entry_core(t: &str) -> String {
    let mut s = strip_page_ref(t).unwrap_or(t).trim().to_owned();
    if let Some(open) = s.rfind(['(', '（']) {
        if s[open..].contains('第') && s.ends_with([')', '）']) {
            s.truncate(open);
        }
    }
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A 目次 line ends with its page number after a tab, leaders or spaces:
/// 「3.1 体制.....\t2」「第1章 総則 1」. Returns the entry without it.
pub fn strip_page_ref(t: &str) -> Option<&str> {
    let t = t.trim_end();
    let digits_len: usize = t.chars().rev().take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).map(char::len_utf8).sum();
    if digits_len == 0 || digits_len > 9 || digits_len == t.len() {
        return None;
    }
    let before = &t[..t.len() - digits_len];
    let leaders = ['.', '…', '‥', '・', '･', '．'];
    let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() || leaders.contains(&c));
    let gap = &before[trimmed.len()..];
    let ok =
        gap.contains('\t') || gap.chars().filter(|c| leaders.contains(c)).count() >= 2 || gap.chars().filter(|c| *c == ' ' || *c == '\u{3000}').count() >= 2;
    (ok && !trimmed.trim().is_empty()).then_some(trimmed)
}

/// A line that can end a sentence or stand alone.
fn ends_complete(t: &str) -> bool {
    t.ends_with(['。', '．', '」', '』', '：', ':', '!', '?', '！', '？', '）', ')'])
}

/// A line that a PDF broke is long (it ran to the margin); short lines are
/// titles, dates and table cells, which are not joined.
const MIN_BROKEN_CHARS: usize = 20;

pub fn clean(source: &[SourceLine], format: InputFormat) -> Cleaned {
    let mut out = Cleaned::default();
    let running = if format == InputFormat::Pdf { running_heads(source) } else { HashMap::new() };
    let mut in_toc = false;
    let mut toc_first: Option<String> = None;
    let mut blank_before = true;
    for s in source {
        let t = s.text.trim();
        if t.is_empty() {
            blank_before = true;
            continue;
        }
        if is_page_number(t) {
            out.page_numbers.push(s.clone());
            continue;
        }
        // The first occurrence, before any text, is the document's title.
        if !out.lines.is_empty() && running.get(t).is_some_and(|pages| s.page.is_some_and(|p| pages.contains(&p))) {
            out.running_heads.push(s.clone());
            continue;
        }
        let marked = classify(t);
        if marked.as_ref().is_some_and(|m| m.mark == Mark::Toc) {
            in_toc = true;
            toc_first = None;
            out.toc.push(s.clone());
            continue;
        }
        if in_toc {
            let core = toc_entry_core(t);
            let repeats_first = toc_first.as_deref() == Some(core.as_str()) && strip_page_ref(t).is_none();
            let sentence = t.contains('。') && strip_page_ref(t).is_none();
            if repeats_first || sentence {
                in_toc = false;
            } else {
                toc_first.get_or_insert(core);
                out.toc.push(s.clone());
                continue;
            }
        }
        // A 目次 without a 目次 heading: entries ending in page numbers.
        if strip_page_ref(t).is_some() && marked.is_some() && !t.contains('。') {
            out.toc.push(s.clone());
            continue;
        }
        let joinable = !blank_before || format == InputFormat::Pdf;
        if let Some(prev) = out.lines.last_mut() {
            if joinable && marked.is_none() && can_continue(prev, format) {
                let glue = prev.text.chars().last().is_some_and(|c| c.is_ascii_alphanumeric()) && t.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
                if glue {
                    prev.text.push(' ');
                }
                prev.text.push_str(t);
                out.joined.push(s.line);
                blank_before = false;
                continue;
            }
        }
        out.lines.push(Line { line: s.line, page: s.page, text: t.to_owned() });
        blank_before = false;
    }
    out
}

/// May the next line be the rest of `prev`?
fn can_continue(prev: &Line, _format: InputFormat) -> bool {
    if ends_complete(&prev.text) || prev.text.chars().count() < MIN_BROKEN_CHARS {
        return false;
    }
    match classify(&prev.text) {
        None => true,
        // A heading's title is not continued; an item's or a 条's text is.
        Some(m) => match m.mark {
            Mark::Chapter(_) | Mark::Section(_) | Mark::Special(_) | Mark::Toc | Mark::Caption => false,
            _ => m.rest.chars().count() >= MIN_BROKEN_CHARS,
        },
    }
}

/// Lines that open or close at least three pages and half of them: the
/// document's title or 自治体 name printed on every page.
fn running_heads(source: &[SourceLine]) -> HashMap<String, Vec<u32>> {
    let mut by_page: HashMap<u32, Vec<&str>> = HashMap::new();
    for s in source {
        let t = s.text.trim();
        if let (Some(p), false) = (s.page, t.is_empty() || is_page_number(t)) {
            by_page.entry(p).or_default().push(t);
        }
    }
    let pages = by_page.len();
    let mut seen: HashMap<String, Vec<u32>> = HashMap::new();
    for (p, lines) in &by_page {
        let mut edge = vec![lines[0]];
        if lines.len() > 1 {
            edge.push(lines[lines.len() - 1]);
        }
        for t in edge {
            if t.chars().count() <= 40 {
                seen.entry(t.to_owned()).or_default().push(*p);
            }
        }
    }
    seen.retain(|_, ps| ps.len() >= 3 && ps.len() * 2 >= pages);
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(lines: &[&str]) -> Vec<SourceLine> {
        lines.iter().enumerate().map(|(i, t)| SourceLine { line: i + 1, page: None, text: (*t).into() }).collect()
    }

    #[test]
    fn page_numbers_and_toc_refs() {
        for p in ["3", "- 3 -", "－３－", "3 / 12", "P.3", "12ページ"] {
            assert!(is_page_number(p), "{p}");
        }
        for p in ["第3", "3.1", "平成15年", "12345"] {
            assert!(!is_page_number(p), "{p}");
        }
        assert_eq!(strip_page_ref("3.1 体制.....\t2"), Some("3.1 体制"));
        assert_eq!(strip_page_ref("第1章 情報セキュリティ基本方針\t1"), Some("第1章 情報セキュリティ基本方針"));
        assert_eq!(strip_page_ref("1. 目的 …… 12"), Some("1. 目的"));
        assert_eq!(strip_page_ref("職員は10"), None);
    }

    #[test]
    fn toc_is_recognised_until_the_body_repeats_it() {
        let c = clean(&src(&["題", "目次", "第1章 総則(第1―第3)", "第2章 体制", "附則", "", "第1章 総則", "第1 趣旨"]), InputFormat::Text);
        let kept: Vec<_> = c.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(kept, ["題", "第1章 総則", "第1 趣旨"]);
        assert_eq!(c.toc.len(), 4);
    }

    #[test]
    fn broken_lines_are_joined_but_not_headings_or_short_lines() {
        let c = clean(
            &src(&[
                "第1条　この規程は、市が保有する情報資産の機密性、完全性及び可用",
                "性を維持するため、必要な事項を定める。",
                "1 目的",
                "平成18年 11月 28日 策定",
                "令和3年 7月 29日 一部改正",
            ]),
            InputFormat::Pdf,
        );
        let kept: Vec<_> = c.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(kept[0], "第1条　この規程は、市が保有する情報資産の機密性、完全性及び可用性を維持するため、必要な事項を定める。");
        assert_eq!(kept.len(), 4);
        assert_eq!(c.joined, [2]);
    }
}
