//! Text as the index sees it: NFKC, lower case, no white space, spelling
//! variants folded to one form — with a map back to the original text, so
//! that hits can be highlighted in what the reader sees.

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

#[derive(Deserialize)]
struct VariantFile {
    groups: Vec<Vec<String>>,
}

/// The variant table (data/variants.toml), compiled once.
pub struct Variants {
    matcher: AhoCorasick,
    /// For each pattern, the canonical form it folds to.
    canonical: Vec<String>,
    /// Every group, for suggestions.
    pub groups: Vec<Vec<String>>,
}

impl Variants {
    fn load() -> Variants {
        let file: VariantFile = toml::from_str(include_str!("../data/variants.toml")).expect("variants.toml is valid");
        let mut patterns = Vec::new();
        let mut canonical = Vec::new();
        let mut groups = Vec::new();
        for group in file.groups {
            // Patterns are matched on text that is already NFKC + lower case.
            let folded: Vec<String> = group.iter().map(|v| basic_fold(v)).collect();
            for v in &folded {
                patterns.push(v.clone());
                canonical.push(folded[0].clone());
            }
            groups.push(group);
        }
        let matcher = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&patterns).expect("variant patterns build");
        Variants { matcher, canonical, groups }
    }

    pub fn get() -> &'static Variants {
        static V: OnceLock<Variants> = OnceLock::new();
        V.get_or_init(Variants::load)
    }

    /// The other spellings of a word in `term`, for "did you mean" hints.
    pub fn alternatives(&self, term: &str) -> Vec<String> {
        let t = basic_fold(term);
        self.groups
            .iter()
            .filter(|g| g.iter().any(|v| t.contains(&basic_fold(v))))
            .flat_map(|g| g.iter().cloned())
            .filter(|v| !term.contains(v.as_str()))
            .collect()
    }
}

/// NFKC + lower case + no white space, without variant folding.
fn basic_fold(s: &str) -> String {
    s.nfkc().flat_map(char::to_lowercase).filter(|c| !c.is_whitespace()).collect()
}

/// Normalised text and, for each of its chars, the byte range of the
/// original text it came from.
#[derive(Debug, Clone, Default)]
pub struct NormText {
    pub text: String,
    /// Byte offset in `text` of each char (plus one past the end).
    pub char_offsets: Vec<usize>,
    /// Original byte range of each normalised char.
    pub origin: Vec<(usize, usize)>,
}

impl NormText {
    /// Maps a byte range of the normalised text to a byte range of the original.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let first = self.char_offsets.partition_point(|&o| o < start);
        let last = self.char_offsets.partition_point(|&o| o < end).saturating_sub(1);
        let s = self.origin.get(first).map(|r| r.0).unwrap_or(0);
        let e = self.origin.get(last.max(first)).map(|r| r.1).unwrap_or(s);
        (s, e)
    }
}

/// Normalises `original`, keeping the way back to it.
pub fn normalize(original: &str) -> NormText {
    // 1. NFKC per character, lower case, drop white space; recompose a
    //    half-width voiced mark (ｶﾞ → ガ) with the char before it.
    let mut chars: Vec<(char, (usize, usize))> = Vec::with_capacity(original.len() / 2);
    for (i, c) in original.char_indices() {
        let range = (i, i + c.len_utf8());
        for n in std::iter::once(c).nfkc() {
            for l in n.to_lowercase() {
                if l.is_whitespace() {
                    continue;
                }
                if matches!(l, '\u{3099}' | '\u{309A}') {
                    if let Some(last) = chars.last_mut() {
                        if let Some(composed) = unicode_normalization::char::compose(last.0, l) {
                            last.0 = composed;
                            last.1 .1 = range.1;
                            continue;
                        }
                    }
                }
                chars.push((l, range));
            }
        }
    }
    let basic: String = chars.iter().map(|(c, _)| *c).collect();

    // 2. Fold spelling variants to their canonical form.
    let variants = Variants::get();
    let basic_offsets: Vec<usize> = basic.char_indices().map(|(i, _)| i).collect();
    let char_at = |byte: usize| basic_offsets.partition_point(|&o| o < byte);
    let mut out = NormText::default();
    let push = |c: char, origin: (usize, usize), out: &mut NormText| {
        out.char_offsets.push(out.text.len());
        out.text.push(c);
        out.origin.push(origin);
    };
    let mut last = 0usize;
    for m in variants.matcher.find_iter(&basic) {
        for &(c, origin) in &chars[char_at(last)..char_at(m.start())] {
            push(c, origin, &mut out);
        }
        let (first_c, last_c) = (char_at(m.start()), char_at(m.end()) - 1);
        let origin = (chars[first_c].1 .0, chars[last_c].1 .1);
        for c in variants.canonical[m.pattern().as_usize()].chars() {
            push(c, origin, &mut out);
        }
        last = m.end();
    }
    for &(c, origin) in &chars[char_at(last)..] {
        push(c, origin, &mut out);
    }
    out.char_offsets.push(out.text.len());
    out
}

/// The normalised form of a query term (no map needed).
pub fn normalize_term(term: &str) -> String {
    normalize(term).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_case_and_space() {
        assert_eq!(normalize_term("ＩＤ"), "id");
        assert_eq!(normalize_term("ｶﾀｶﾅ"), "カタカナ");
        assert_eq!(normalize_term("ﾊﾟｽﾜｰﾄﾞ"), "パスワード");
        assert_eq!(normalize_term("ＵＳＢ メモリ"), "usbメモリ");
        assert_eq!(normalize_term("CISO は"), "cisoは");
    }

    #[test]
    fn variants_fold_to_one_form() {
        for group in
            [&["漏えい", "漏洩"][..], &["改ざん", "改竄"], &["隠ぺい", "隠蔽"], &["ぜい弱", "脆弱"], &["き損", "毀損"], &["取扱い", "取り扱い", "取扱"]]
        {
            let forms: Vec<_> = group.iter().map(|g| normalize_term(g)).collect();
            assert!(forms.windows(2).all(|w| w[0] == w[1]), "{group:?} → {forms:?}");
        }
    }

    #[test]
    fn variants_do_not_over_match() {
        // Words that merely share a character stay distinct.
        assert_ne!(normalize_term("漏れ"), normalize_term("漏えい"));
        assert_ne!(normalize_term("弱点"), normalize_term("ぜい弱"));
        assert_ne!(normalize_term("損害"), normalize_term("き損"));
        assert_eq!(normalize_term("情報漏えい"), "情報漏えい");
        assert_eq!(normalize_term("情報漏洩"), "情報漏えい");
    }

    #[test]
    fn hits_map_back_to_the_original() {
        let original = "情報の漏洩 及び ＵＳＢ";
        let n = normalize(original);
        let hit = n.text.find("漏えい").unwrap();
        let (s, e) = n.original_range(hit, hit + "漏えい".len());
        assert_eq!(&original[s..e], "漏洩");
        let hit = n.text.find("usb").unwrap();
        let (s, e) = n.original_range(hit, hit + 3);
        assert_eq!(&original[s..e], "ＵＳＢ");
    }
}
