//! Numbers as Japanese documents write them: 全角 digits and 漢数字.

/// 一 … 九千九百九十九 (also 〇 and 十/百/千 forms) → number.
pub fn kanji_to_number(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32);
    // Positional form (二〇二五) when there is no unit character.
    if !s.contains(['十', '百', '千']) {
        // Checked: a heading such as 第一一一一一一一一一一一 overflowed u32
        // (fuzz/regressions/pack_markdown/kanji-number-overflow.md).
        return s.chars().try_fold(0u32, |acc, c| acc.checked_mul(10)?.checked_add(digit(c)?));
    }
    let (mut total, mut current) = (0u32, None::<u32>);
    for c in s.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                if current.is_some() {
                    return None;
                }
                current = Some(digit(c)?);
                continue;
            }
        };
        total = total.checked_add(current.unwrap_or(1) * unit)?;
        current = None;
    }
    total.checked_add(current.unwrap_or(0))
}

/// ASCII digits for 全角 digits; everything else unchanged.
pub fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap(),
            _ => c,
        })
        .collect()
}

/// A number written with ASCII, 全角 or 漢数字 digits.
pub fn parse_number(s: &str) -> Option<u32> {
    let a = ascii_digits(s);
    a.parse().ok().or_else(|| kanji_to_number(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kanji() {
        assert_eq!(kanji_to_number("六十二"), Some(62));
        assert_eq!(kanji_to_number("百二十二"), Some(122));
        assert_eq!(kanji_to_number("十"), Some(10));
        assert_eq!(kanji_to_number("一"), Some(1));
        assert_eq!(kanji_to_number("二〇二五"), Some(2025));
        assert_eq!(kanji_to_number("六十二条"), None);
        assert_eq!(kanji_to_number("一一一一一一一一一一一"), None, "past u32: no number, not an overflow");
        assert_eq!(parse_number("６２"), Some(62));
    }
}
