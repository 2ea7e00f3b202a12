//! The numbering a line starts with: 第N章, 第N節, 第N条, 第N, 1 / 1.1 /
//! 6-1, (1), ア, (ア), ①, 一 — and the words that stand for unnumbered parts
//! (前文, 附則, 目次 …).

use tebiki_core::numerals::{ascii_digits, parse_number};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    Chapter(u32),
    Section(u32),
    /// 第N条 (with 条の M as `sub`).
    Article(u32, Option<u32>),
    /// 第N without 条 (要綱・基準 style).
    Dai(u32),
    /// 1 / 1.1 / 9. 3. / 6-1: the parts and whether they were hyphenated.
    Dotted(Vec<u32>, bool),
    /// (1) （１）
    Paren(u32),
    /// ア イ ウ …
    Kana(char),
    /// (ア)
    ParenKana(char),
    /// ① …
    Circled(u32),
    /// 一 二 三 (号 in 例規).
    Kanji(u32),
    /// A line that is only a short parenthesised caption: （目的）.
    Caption,
    /// 前文, 序文, 附則, 改定履歴 …: an unnumbered part with its local id.
    Special(&'static str),
    /// 目次
    Toc,
}

/// A line's marker, the marker as written, and the rest of the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked<'a> {
    pub mark: Mark,
    pub number: &'a str,
    pub rest: &'a str,
}

const KANA: &str = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
/// Unnumbered parts and their local ids (FORMAT.md: a short ASCII slug).
const SPECIAL: &[(&str, &str)] = &[
    ("前文", "preface"),
    ("序文", "preface"),
    ("はじめに", "preface"),
    ("附則", "supplementary"),
    ("付則", "supplementary"),
    ("改定履歴", "history"),
    ("改訂履歴", "history"),
    ("改正履歴", "history"),
    ("別表", "appendix"),
];

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}
fn is_kanji_digit(c: char) -> bool {
    "〇一二三四五六七八九十百千".contains(c)
}
fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// `s` split after its first `n` bytes, with the space after it dropped.
fn split_at(s: &str, n: usize) -> (&str, &str) {
    (&s[..n], s[n..].trim_start())
}

/// The marker a (trimmed) line starts with, if any.
pub fn classify(line: &str) -> Option<Marked<'_>> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    let bare: String = t.chars().filter(|c| !is_space(*c) && !"()（）【】〔〕".contains(*c)).collect();
    if bare == "目次" {
        return Some(Marked { mark: Mark::Toc, number: "", rest: t });
    }
    if let Some((_, id)) = SPECIAL.iter().find(|(w, _)| bare == *w) {
        return Some(Marked { mark: Mark::Special(id), number: "", rest: t });
    }
    if let Some(m) = dai(t) {
        return Some(m);
    }
    if let Some(m) = dotted(t) {
        return Some(m);
    }
    let mut chars = t.char_indices();
    let (_, first) = chars.next()?;
    // (1) (ア) and a caption line (目的)
    if first == '(' || first == '（' {
        let close = t.find([')', '）'])?;
        let inner = &t[first.len_utf8()..close];
        let end = close + t[close..].chars().next()?.len_utf8();
        let (number, rest) = split_at(t, end);
        if !inner.is_empty() && inner.chars().all(is_digit) {
            return Some(Marked { mark: Mark::Paren(ascii_digits(inner).parse().ok()?), number, rest });
        }
        let mut ic = inner.chars();
        if let (Some(k), None) = (ic.next(), ic.next()) {
            if KANA.contains(k) {
                return Some(Marked { mark: Mark::ParenKana(k), number, rest });
            }
        }
        if rest.is_empty() && inner.chars().count() <= 20 && !inner.contains('。') {
            return Some(Marked { mark: Mark::Caption, number: "", rest: t });
        }
        return None;
    }
    if let Some(pos) = CIRCLED.chars().position(|c| c == first) {
        let (number, rest) = split_at(t, first.len_utf8());
        return Some(Marked { mark: Mark::Circled(pos as u32 + 1), number, rest });
    }
    // ア / 一 followed by a space.
    let after = &t[first.len_utf8()..];
    if KANA.contains(first) && after.starts_with(is_space) {
        let (number, rest) = split_at(t, first.len_utf8());
        return Some(Marked { mark: Mark::Kana(first), number, rest });
    }
    if is_kanji_digit(first) {
        let len: usize = t.chars().take_while(|c| is_kanji_digit(*c)).map(char::len_utf8).sum();
        if t[len..].starts_with(is_space) {
            let (number, rest) = split_at(t, len);
            return Some(Marked { mark: Mark::Kanji(parse_number(number)?), number, rest });
        }
    }
    None
}

/// 第N章 / 第N節 / 第N条(のM) / 第N
fn dai(t: &str) -> Option<Marked<'_>> {
    let inner = t.strip_prefix('第')?.trim_start_matches(' ');
    let digits_len: usize = inner.chars().take_while(|c| is_digit(*c) || is_kanji_digit(*c)).map(char::len_utf8).sum();
    if digits_len == 0 {
        return None;
    }
    let n = parse_number(&inner[..digits_len])?;
    let after_digits = &inner[digits_len..];
    // 「第 1 章」: a space may stand before the unit.
    let spaced = after_digits.trim_start_matches(' ');
    let (after, unit) = match spaced.chars().next() {
        Some(u @ ('章' | '節' | '条')) => (spaced, Some(u)),
        _ => (after_digits, after_digits.chars().next()),
    };
    let base = t.len() - after.len();
    let (mark, mut len) = match unit {
        Some('章') => (Mark::Chapter(n), '章'.len_utf8()),
        Some('節') => (Mark::Section(n), '節'.len_utf8()),
        Some('条') => (Mark::Article(n, None), '条'.len_utf8()),
        None => (Mark::Dai(n), 0),
        Some(c) if is_space(c) => (Mark::Dai(n), 0),
        _ => return None,
    };
    if let Mark::Article(n, _) = mark {
        // 第3条の2
        if let Some(sub) = after['条'.len_utf8()..].strip_prefix('の') {
            let sub_len: usize = sub.chars().take_while(|c| is_digit(*c) || is_kanji_digit(*c)).map(char::len_utf8).sum();
            if let Some(s) = parse_number(&sub[..sub_len]) {
                len += 'の'.len_utf8() + sub_len;
                let (number, rest) = split_at(t, base + len);
                return Some(Marked { mark: Mark::Article(n, Some(s)), number, rest });
            }
        }
    }
    let (number, rest) = split_at(t, base + len);
    Some(Marked { mark, number, rest })
}

/// 1 / 1. / 1.1 / 9. 3. / ６－１ followed by a space (or the end).
fn dotted(t: &str) -> Option<Marked<'_>> {
    let mut parts = Vec::new();
    let mut hyphen = false;
    let mut i = 0;
    let bytes_end;
    loop {
        let digits_len: usize = t[i..].chars().take_while(|c| is_digit(*c)).map(char::len_utf8).sum();
        if digits_len == 0 || digits_len > 9 {
            return None;
        }
        parts.push(ascii_digits(&t[i..i + digits_len]).parse().ok()?);
        i += digits_len;
        let rest = &t[i..];
        // A separator followed (after optional spaces) by more digits continues the number.
        let sep = rest.chars().next();
        match sep {
            Some('.' | '．' | '-' | '－') => {
                let s = sep.unwrap();
                let after_sep = &rest[s.len_utf8()..];
                let spaces: usize = after_sep.chars().take_while(|c| *c == ' ').map(char::len_utf8).sum();
                if after_sep[spaces..].starts_with(is_digit) && (spaces == 0 || s == '.' || s == '．') {
                    hyphen |= s == '-' || s == '－';
                    i += s.len_utf8() + spaces;
                    continue;
                }
                if s == '.' || s == '．' {
                    i += s.len_utf8();
                }
                bytes_end = i;
                break;
            }
            _ => {
                bytes_end = i;
                break;
            }
        }
    }
    let rest = &t[bytes_end..];
    // "10日", "1つ", "3.5倍": not a number of the document's outline.
    if !(rest.is_empty() || rest.starts_with(is_space) || t[..bytes_end].ends_with(['.', '．'])) {
        return None;
    }
    if rest.starts_with(is_space) || rest.is_empty() || t[..bytes_end].ends_with(['.', '．']) {
        let (number, rest) = split_at(t, bytes_end);
        return Some(Marked { mark: Mark::Dotted(parts, hyphen), number, rest });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(l: &str) -> Option<(Mark, String, String)> {
        classify(l).map(|m| (m.mark, m.number.to_owned(), m.rest.to_owned()))
    }

    #[test]
    fn markers() {
        assert_eq!(m("第2章 管理体制").unwrap().0, Mark::Chapter(2));
        assert_eq!(m("第十二条　職員は、").unwrap(), (Mark::Article(12, None), "第十二条".into(), "職員は、".into()));
        assert_eq!(m("第3条の2 委託").unwrap().0, Mark::Article(3, Some(2)));
        assert_eq!(m("第1節 管理").unwrap().0, Mark::Section(1));
        assert_eq!(m("第62 不正アクセス").unwrap().0, Mark::Dai(62));
        assert_eq!(m("9. 3.\t見直し").unwrap(), (Mark::Dotted(vec![9, 3], false), "9. 3.".into(), "見直し".into()));
        assert_eq!(m("3.1.1 情報").unwrap().0, Mark::Dotted(vec![3, 1, 1], false));
        assert_eq!(m("4.1. サーバ").unwrap().0, Mark::Dotted(vec![4, 1], false));
        assert_eq!(m("６－１ サーバ").unwrap().0, Mark::Dotted(vec![6, 1], true));
        assert_eq!(m("2 情報管理者は").unwrap().0, Mark::Dotted(vec![2], false));
        assert_eq!(m("10日以内に"), None);
        assert_eq!(m("(1) 用語").unwrap().0, Mark::Paren(1));
        assert_eq!(m("（ア） 細目").unwrap().0, Mark::ParenKana('ア'));
        assert_eq!(m("ア 細目").unwrap().0, Mark::Kana('ア'));
        assert_eq!(m("アクセス"), None);
        assert_eq!(m("① ネットワーク").unwrap().0, Mark::Circled(1));
        assert_eq!(m("二 情報").unwrap().0, Mark::Kanji(2));
        assert_eq!(m("（目的）").unwrap().0, Mark::Caption);
        assert_eq!(m("(目次)").unwrap().0, Mark::Toc);
        assert_eq!(m("目 次").unwrap().0, Mark::Toc);
        assert_eq!(m("附則").unwrap().0, Mark::Special("supplementary"));
        assert_eq!(m("第一線で"), None);
        assert_eq!(m("第1 趣旨").unwrap(), (Mark::Dai(1), "第1".into(), "趣旨".into()));
        assert_eq!(m("第 2 章 体制").unwrap(), (Mark::Chapter(2), "第 2 章".into(), "体制".into()));
    }
}
