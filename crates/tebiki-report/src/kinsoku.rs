//! Japanese line breaking with 禁則処理 (after JIS X 4051), measured with the
//! font's own glyph advances.
//!
//! - 行頭禁則: a line never begins with closing brackets, 、。，．・：；？！,
//!   ー, iteration marks or small kana. The character before is pushed to
//!   the next line with it (追い出し), as Japanese word processors do by default.
//! - 行末禁則: a line never ends with an opening bracket （「『【〔 …: it goes to
//!   the next line with what it opens.
//! - 分離禁止: runs of …… ‥‥ ―― stay together.
//! - Latin words and numbers (12,345 / 87.5% / ISMS) are not broken inside
//!   unless one alone is wider than the line; spaces are break points and are
//!   dropped at line ends.
//!
//! Only a cluster wider than the whole line is split character by character:
//! that is the one case where a rule cannot be kept.

/// Characters a line must not begin with.
pub fn is_no_start(c: char) -> bool {
    matches!(
        c,
        // closing brackets and quotes
        '）' | '」' | '』' | '】' | '〕' | '〉' | '》' | '］' | '｝' | '〙' | '〗' | '｠' | '»' | ')' | ']' | '}' | '’' | '”' | '〟'
        // dividing, middle and full-stop punctuation, commas
        | '、' | '。' | '，' | '．' | '・' | '：' | '；' | '？' | '！' | '‼' | '⁇' | '⁈' | '⁉' | ','
        | '.' | ':' | ';' | '?' | '!' | '｡' | '､' | '･'
        // hyphens, prolonged sound mark, iteration marks
        | '‐' | '゠' | '–' | '〜' | '～' | 'ー' | 'ｰ' | 'ヽ' | 'ヾ' | 'ゝ' | 'ゞ' | '々' | '〻'
        // small kana
        | 'ぁ' | 'ぃ' | 'ぅ' | 'ぇ' | 'ぉ' | 'っ' | 'ゃ' | 'ゅ' | 'ょ' | 'ゎ' | 'ゕ' | 'ゖ'
        | 'ァ' | 'ィ' | 'ゥ' | 'ェ' | 'ォ' | 'ッ' | 'ャ' | 'ュ' | 'ョ' | 'ヮ' | 'ヵ' | 'ヶ'
        | 'ㇰ' | 'ㇱ' | 'ㇲ' | 'ㇳ' | 'ㇴ' | 'ㇵ' | 'ㇶ' | 'ㇷ' | 'ㇸ' | 'ㇹ' | 'ㇺ' | 'ㇻ' | 'ㇼ' | 'ㇽ' | 'ㇾ' | 'ㇿ'
        | 'ｧ' | 'ｨ' | 'ｩ' | 'ｪ' | 'ｫ' | 'ｯ' | 'ｬ' | 'ｭ' | 'ｮ'
        // units written after a number
        | '%' | '％' | '‰' | '℃' | '°' | '′' | '″'
    )
}

/// Characters a line must not end with.
pub fn is_no_end(c: char) -> bool {
    matches!(
        c,
        '（' | '「' | '『' | '【' | '〔' | '〈' | '《' | '［' | '｛' | '〘' | '〖' | '｟' | '«' | '(' | '[' | '{' | '‘' | '“' | '〝'
            // currency written before a number
            | '￥' | '＄' | '¥' | '$' | '£' | '€' | '＃' | '#'
    )
}

/// Characters that must not be separated from the same character next to them.
fn is_inseparable(c: char) -> bool {
    matches!(c, '…' | '‥' | '―' | '—')
}

/// Characters that form words which are not broken inside: everything that
/// is not CJK, not a space and not one of the CJK-style punctuation marks.
fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !is_cjk(c) && !is_no_end(c) && !matches!(c, '…' | '‥' | '―' | '—')
}

/// Ideographs, kana, CJK punctuation and full-width forms: each is a break opportunity.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF      // Hangul Jamo
        | 0x2E80..=0x303F    // CJK radicals, punctuation (、。「」 …)
        | 0x3040..=0x30FF    // hiragana, katakana
        | 0x3100..=0x31FF    // bopomofo, katakana phonetic extensions
        | 0x3200..=0x4DBF    // enclosed, compatibility, ext. A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xA960..=0xA97F
        | 0xAC00..=0xD7FF    // Hangul
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFE30..=0xFE4F    // CJK compatibility forms
        | 0xFF00..=0xFFEF    // full-width and half-width forms
        | 0x20000..=0x3FFFF) // ext. B and later
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Space,
    Word,
    Cjk,
}

/// A run that is never broken inside (unless it alone is wider than a line).
#[derive(Clone, Copy)]
struct Cluster {
    start: usize,
    end: usize,
    width: f32,
    space: bool,
}

/// Breaks `text` into lines no wider than `max_width`, measuring each
/// character with `advance` (same unit as `max_width`). Newlines in the text
/// are kept as line breaks. Returns slices of `text`, without the spaces at
/// the line ends.
pub fn break_lines<'t>(text: &'t str, max_width: f32, advance: &dyn Fn(char) -> f32) -> Vec<&'t str> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for paragraph in text.split('\n') {
        let paragraph_end = offset + paragraph.len();
        let trimmed = paragraph.strip_suffix('\r').unwrap_or(paragraph);
        break_paragraph(text, offset, offset + trimmed.len(), max_width, advance, &mut lines);
        offset = paragraph_end + 1;
    }
    lines
}

fn break_paragraph<'t>(text: &'t str, from: usize, to: usize, max_width: f32, advance: &dyn Fn(char) -> f32, lines: &mut Vec<&'t str>) {
    let clusters = clusters(text, from, to, advance);
    if clusters.iter().all(|c| c.space) {
        lines.push("");
        return;
    }
    let mut line: Vec<Cluster> = Vec::new();
    let mut width = 0.0;
    let emit = |line: &mut Vec<Cluster>, lines: &mut Vec<&'t str>| {
        while line.last().is_some_and(|c| c.space) {
            line.pop();
        }
        if let (Some(first), Some(last)) = (line.first(), line.last()) {
            lines.push(&text[first.start..last.end]);
        }
        line.clear();
    };
    for c in clusters {
        if c.space {
            if !line.is_empty() {
                line.push(c);
                width += c.width;
            }
            continue;
        }
        if line.is_empty() || width + c.width <= max_width + 0.01 {
            if line.is_empty() && c.width > max_width {
                // Wider than a whole line: the one case where it must be split.
                split_long(text, c, max_width, advance, lines, &mut line, &mut width);
                continue;
            }
            line.push(c);
            width += c.width;
        } else {
            emit(&mut line, lines);
            if c.width > max_width {
                width = 0.0;
                split_long(text, c, max_width, advance, lines, &mut line, &mut width);
                continue;
            }
            line.push(c);
            width = c.width;
        }
    }
    emit(&mut line, lines);
}

/// Splits a cluster wider than a line into full lines, at the last point
/// the rules allow when there is one, else where the line is full; the
/// remainder starts the current line.
fn split_long<'t>(
    text: &'t str,
    c: Cluster,
    max_width: f32,
    advance: &dyn Fn(char) -> f32,
    lines: &mut Vec<&'t str>,
    line: &mut Vec<Cluster>,
    width: &mut f32,
) {
    let mut start = c.start;
    let mut w = 0.0;
    // (byte offset, width before it) of the last allowed break on this line.
    let mut allowed: Option<(usize, f32)> = None;
    let mut prev: Option<char> = None;
    let mut chars = text[c.start..c.end].char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let at = c.start + i;
        if at > start && prev.is_some_and(|p| !is_no_end(p)) && !is_no_start(ch) {
            allowed = Some((at, w));
        }
        let a = advance(ch);
        if w + a > max_width && at > start {
            let (cut, cut_w) = allowed.filter(|(p, _)| *p > start).unwrap_or((at, w));
            lines.push(&text[start..cut]);
            start = cut;
            w -= cut_w;
            allowed = None;
        }
        w += a;
        prev = Some(ch);
        let _ = chars.peek();
    }
    line.clear();
    line.push(Cluster { start, end: c.end, width: w, space: false });
    *width = w;
}

/// The paragraph as unbreakable clusters: words, single CJK characters and
/// spaces, with the 禁則 characters glued to their neighbours.
fn clusters(text: &str, from: usize, to: usize, advance: &dyn Fn(char) -> f32) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    // The kind of the unit being built and whether the next unit must join it.
    let mut last_kind: Option<Kind> = None;
    let mut last_char: Option<char> = None;
    for (i, ch) in text[from..to].char_indices() {
        let at = from + i;
        let end = at + ch.len_utf8();
        let w = advance(ch);
        let kind = if ch.is_whitespace() && ch != '\u{3000}' {
            Kind::Space
        } else if is_word_char(ch) {
            Kind::Word
        } else {
            Kind::Cjk
        };
        let joins = match (out.last(), last_kind, last_char) {
            (Some(prev), Some(pk), Some(pc)) if !prev.space && kind != Kind::Space => {
                (kind == Kind::Word && pk == Kind::Word) || is_no_start(ch) || is_no_end(pc) || (is_inseparable(ch) && ch == pc)
            }
            (Some(prev), Some(Kind::Space), _) if prev.space && kind == Kind::Space => true,
            _ => false,
        };
        if joins {
            let prev = out.last_mut().expect("joins only when there is a previous cluster");
            prev.end = end;
            prev.width += w;
        } else {
            out.push(Cluster { start: at, end, width: w, space: kind == Kind::Space });
        }
        last_kind = Some(kind);
        last_char = Some(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character one unit wide, ASCII half: a monospace grid makes the
    /// expected breaks easy to see.
    fn grid(c: char) -> f32 {
        if c.is_ascii() {
            0.5
        } else {
            1.0
        }
    }

    fn lines(text: &str, width: f32) -> Vec<&str> {
        break_lines(text, width, &grid)
    }

    fn assert_kinsoku(out: &[&str]) {
        for (i, l) in out.iter().enumerate() {
            if i > 0 {
                let first = l.chars().next().unwrap();
                assert!(!is_no_start(first), "line {i} starts with {first:?}: {out:?}");
            }
            if i + 1 < out.len() {
                let last = l.chars().last().unwrap();
                assert!(!is_no_end(last), "line {i} ends with {last:?}: {out:?}");
            }
        }
    }

    #[test]
    fn plain_japanese_fills_each_line() {
        assert_eq!(lines("情報政策課研修", 4.0), ["情報政策", "課研修"]);
        // ュ and ィ may not begin a line: キ and テ go down with them.
        assert_eq!(lines("情報セキュリティ研修", 4.0), ["情報セ", "キュリ", "ティ研修"]);
    }

    #[test]
    fn no_line_begins_with_closing_punctuation() {
        // Without 禁則 the second line would begin with 。.
        let out = lines("研修を受けた。次に点検", 6.0);
        assert_eq!(out, ["研修を受け", "た。次に点検"]);
        // From the width of the longest run that must stay together (うぇ！？) up.
        for text in [
            "あいうえ、かきくけ",
            "あいうえ」かきくけ",
            "あいうえ）かきくけ",
            "あいうえっかきくけ",
            "あいうえーかきくけ",
            "あいうえ・かきくけ",
            "データベース",
            "あいうぇ！？かき",
        ] {
            for w in 4..12 {
                assert_kinsoku(&lines(text, w as f32));
            }
        }
        assert_eq!(lines("あいうえ、かき", 4.0), ["あいう", "え、かき"]);
        assert_eq!(lines("あいうえっかき", 4.0), ["あいう", "えっかき"]);
    }

    #[test]
    fn no_line_ends_with_opening_brackets() {
        let out = lines("研修名（年次）です", 4.0);
        assert_eq!(out, ["研修名", "（年次）", "です"]);
        for text in ["あいう「かきくけ」", "あいう『かき』", "あいう【重要】です", "あいう〔注〕です"] {
            for w in 3..12 {
                assert_kinsoku(&lines(text, w as f32));
            }
        }
    }

    #[test]
    fn latin_words_and_numbers_are_not_broken() {
        assert_eq!(lines("USBメモリの取扱い", 4.0), ["USBメモ", "リの取扱", "い"]);
        assert_eq!(lines("rate 87.5% overall", 5.0), ["rate 87.5%", "overall"]);
        assert_eq!(lines("the quick brown fox", 5.0), ["the quick", "brown fox"]);
        // A word wider than the line is split: nothing else fits it.
        assert_eq!(lines("abcdefghij", 2.0), ["abcd", "efgh", "ij"]);
        assert_eq!(lines("合計12,345件", 4.0), ["合計", "12,345件"]);
    }

    #[test]
    fn newlines_spaces_and_empty_text() {
        assert_eq!(lines("あい\nう", 10.0), ["あい", "う"]);
        assert_eq!(lines("", 10.0), [""]);
        assert_eq!(lines("a  b", 0.5), ["a", "b"]);
        // An ideographic space is a character, kept.
        assert_eq!(lines("氏名\u{3000}山田", 10.0), ["氏名\u{3000}山田"]);
    }

    #[test]
    fn inseparable_runs_stay_together() {
        let out = lines("あいう……えお", 4.0);
        assert!(out.iter().all(|l| l.matches('…').count() % 2 == 0), "{out:?}");
    }

    #[test]
    fn a_run_wider_than_the_line_is_cut_where_the_rules_allow() {
        // （abcd） is one run (a word in brackets) 4 wide; cut where the line is
        // full it would leave ） alone at the start of a line.
        let out = lines("（abcd）", 3.0);
        assert_eq!(out, ["（abc", "d）"]);
        assert_kinsoku(&out);
    }

    #[test]
    fn a_long_chain_of_glued_characters_is_still_broken() {
        // Nothing but no-start characters: the rule cannot hold; the text
        // still comes out whole, on lines no wider than asked.
        let text = "、、、、、、、、";
        let out = lines(text, 3.0);
        assert_eq!(out.concat(), text);
        assert!(out.iter().all(|l| l.chars().count() <= 3));
    }
}
