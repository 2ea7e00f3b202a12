//! How a query is read: 「私物のパソコンを使いたい」 → the concepts 私物 (also
//! 支給以外 …) and パソコン (also 端末 …); を, の and 使いたい are left out.
//!
//! Japanese queries come unsegmented. Rather than a statistical segmenter
//! (trained on newspapers, it splits 情報資産 and 緊急時対応訓練, which a policy
//! search must keep whole), the query is cut by rules that fit how staff
//! type: the everyday-words table's words and verbs are found first; the rest
//! is split into runs of kanji / katakana / Latin, and kana between them
//! (particles, okurigana, auxiliaries: を に が したい したら) is left out. A run
//! that the policies contain as typed stays one word; one that they do not
//! contain is cut further at the table's words and at script changes
//! (パスワード変更 → パスワード + 変更).

use crate::lexicon::{is_hiragana, Kind, Lexicon};
use crate::normalize::{normalize, normalize_term};
use crate::query::clause_ids;
use unicode_normalization::UnicodeNormalization;

/// One thing the query asks about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    /// As typed (after width folding), for the explanation.
    pub typed: String,
    /// Normalised form searched literally.
    pub literal: String,
    /// Table entries whose policy words are searched too (ranked below literal hits).
    pub mapped: Vec<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Understanding {
    pub concepts: Vec<Concept>,
    /// Question words left out (方法, 使いたい), as typed.
    pub ignored: Vec<String>,
    /// Local clause ids the query names, when it is a clause number.
    pub clause_ids: Vec<String>,
    /// The whitespace-separated terms as typed, for suggestions.
    pub raw_terms: Vec<String>,
    /// The whole query normalised (no spaces), to reward clauses that hold it as typed.
    pub phrase: String,
}

/// Splits on white space outside "quotes"; quoted parts are (text, true).
fn raw_terms(q: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in q.chars() {
        match c {
            '"' | '“' | '”' => {
                if !current.trim().is_empty() {
                    out.push((current.trim().to_owned(), quoted));
                }
                current.clear();
                quoted = !quoted;
            }
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    out.push((std::mem::take(&mut current), false));
                }
            }
            c => current.push(c),
        }
    }
    if !current.trim().is_empty() {
        out.push((current.trim().to_owned(), quoted));
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Kanji,
    Katakana,
    Latin,
    Kana,
    Separator,
}

fn script(c: char) -> Script {
    match c {
        c if is_hiragana(c) => Script::Kana,
        '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' if c != '・' => Script::Katakana,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々' | '〆' | 'ヶ' => Script::Kanji,
        c if c.is_alphanumeric() => Script::Latin,
        _ => Script::Separator,
    }
}

/// Particles that may follow a one-kanji noun (鍵を, 紙で); any other kana
/// after a single kanji is an inflection (送った, 使い), so the kanji is a
/// verb stem and is left out.
const PARTICLES: &[char] = &['を', 'に', 'が', 'は', 'の', 'で', 'と', 'も', 'や', 'へ', 'か', 'ら', 'ま'];

/// Reads `query`. `occurs` says whether a normalised word is anywhere in the
/// searched text (a run that is stays whole).
pub fn understand(query: &str, lex: &Lexicon, occurs: &mut dyn FnMut(&str) -> bool) -> Understanding {
    let q: String = query.nfkc().collect();
    let terms = raw_terms(&q);
    let mut u = Understanding {
        clause_ids: clause_ids(q.trim()),
        raw_terms: terms.iter().map(|(t, _)| t.clone()).collect(),
        // Only one unsegmented term makes a phrase; words the user spaced
        // apart are separate words.
        phrase: if terms.len() == 1 { normalize_term(&terms[0].0) } else { String::new() },
        ..Default::default()
    };
    for (term, quoted) in &terms {
        if *quoted || !u.clause_ids.is_empty() {
            let n = normalize_term(term);
            if !n.is_empty() {
                push(&mut u.concepts, Concept { typed: term.clone(), literal: n, mapped: Vec::new() });
            }
            continue;
        }
        read_term(term, lex, occurs, &mut u);
    }
    u
}

fn push(concepts: &mut Vec<Concept>, c: Concept) {
    match concepts.iter_mut().find(|x| x.literal == c.literal) {
        Some(x) => {
            for m in c.mapped {
                if !x.mapped.contains(&m) {
                    x.mapped.push(m);
                }
            }
        }
        None => concepts.push(c),
    }
}

fn read_term(term: &str, lex: &Lexicon, occurs: &mut dyn FnMut(&str) -> bool, u: &mut Understanding) {
    let nt = normalize(term);
    let text = nt.text.as_str();
    if text.is_empty() {
        return;
    }
    let typed = |s: usize, e: usize| {
        let (a, b) = nt.original_range(s, e);
        term[a..b].to_owned()
    };
    let hits = lex.hits(text);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let covered = |b: usize| hits.iter().any(|h| h.start <= b && b < h.end);
    // A char belongs to a word when a table word covers it, or it is not kana
    // or punctuation; '.', '-' and the like between Latin letters or digits
    // belong too (7.2.2, e-mail).
    let word_char = |i: usize| {
        let (b, c) = chars[i];
        if covered(b) {
            return true;
        }
        match script(c) {
            Script::Kana => false,
            Script::Separator => {
                matches!(c, '.' | '-' | '_' | '@' | '/' | ':' | '+' | '#')
                    && i > 0
                    && i + 1 < chars.len()
                    && chars[i - 1].1.is_ascii_alphanumeric()
                    && chars[i + 1].1.is_ascii_alphanumeric()
            }
            _ => true,
        }
    };
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !word_char(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && word_char(i) {
            i += 1;
        }
        runs.push((chars[start].0, chars.get(i).map(|c| c.0).unwrap_or(text.len())));
    }
    // A word written partly in hiragana (ひまわり手帳): kana just before a
    // run join it when the whole is in the text, unless they open with a
    // particle (のパスワード) or are too short to be a word of their own.
    for run in runs.iter_mut() {
        let kana_start = text[..run.0].char_indices().rev().take_while(|&(b, c)| script(c) == Script::Kana && !covered(b)).last().map(|(b, _)| b);
        let Some(mut k) = kana_start else { continue };
        while k < run.0 {
            let kana = &text[k..run.0];
            let first = kana.chars().next().unwrap_or(' ');
            if kana.chars().count() >= 3 && !PARTICLES.contains(&first) && occurs(&text[k..run.1]) {
                run.0 = k;
                break;
            }
            k += first.len_utf8();
        }
    }
    let before = u.concepts.len() + u.ignored.len();
    for (s, e) in runs {
        read_run(text, s, e, &hits, occurs, &typed, u);
    }
    // Nothing but kana (かぎ, ふくそう): the term as typed.
    if u.concepts.len() + u.ignored.len() == before && text.chars().any(is_hiragana) && !hits.iter().any(|h| h.kind == Kind::Ignore) {
        push(&mut u.concepts, Concept { typed: term.to_owned(), literal: text.to_owned(), mapped: Vec::new() });
    }
}

/// The end of the conjugation ending after a verb stem at `end` (なくし|たら,
/// 捨て|たい), for display: a few kana, up to a particle (なくしたら|どう).
fn kana_after(text: &str, end: usize) -> usize {
    const STOP: &[char] = &['を', 'が', 'は', 'の', 'に', 'ど', 'で', 'も', 'と', 'や', 'か', 'よ', 'ね', 'へ'];
    end + text[end..].chars().take_while(|&c| is_hiragana(c) && !STOP.contains(&c)).take(3).map(char::len_utf8).sum::<usize>()
}

#[allow(clippy::too_many_arguments)]
fn read_run(
    text: &str,
    s: usize,
    e: usize,
    hits: &[crate::lexicon::Hit],
    occurs: &mut dyn FnMut(&str) -> bool,
    typed: &dyn Fn(usize, usize) -> String,
    u: &mut Understanding,
) {
    let run = &text[s..e];
    let next = text[e..].chars().next();
    let mut run_chars = run.chars();
    if let (Some(c), None) = (run_chars.next(), run_chars.next()) {
        if script(c) == Script::Kanji && !hits.iter().any(|h| h.start == s) && next.is_some_and(|n| is_hiragana(n) && !PARTICLES.contains(&n)) {
            u.ignored.push(typed(s, kana_after(text, e)));
            return;
        }
    }
    let inside: Vec<&crate::lexicon::Hit> = hits.iter().filter(|h| h.start >= s && h.end <= e).collect();
    let whole_hit = inside.iter().find(|h| h.start == s && h.end == e);
    // One table word, the whole run.
    if let Some(h) = whole_hit {
        table_word(text, h, typed, u);
        return;
    }
    // The policies contain it as typed: one word.
    if occurs(run) {
        push(&mut u.concepts, Concept { typed: typed(s, e), literal: run.to_owned(), mapped: Vec::new() });
        return;
    }
    // Cut at the table's words, and the rest at script changes.
    let mut pos = s;
    for h in inside.iter().copied().chain(std::iter::once(&crate::lexicon::Hit { start: e, end: e, kind: Kind::Keep, verb: false })) {
        if h.start > pos {
            plain_pieces(text, pos, h.start, typed, u);
        }
        if h.end > h.start {
            table_word(text, h, typed, u);
        }
        pos = pos.max(h.end);
    }
}

fn table_word(text: &str, h: &crate::lexicon::Hit, typed: &dyn Fn(usize, usize) -> String, u: &mut Understanding) {
    let shown_end = if h.verb { kana_after(text, h.end) } else { h.end };
    let literal = text[h.start..h.end].to_owned();
    match &h.kind {
        Kind::Ignore => u.ignored.push(typed(h.start, shown_end)),
        Kind::Keep => push(&mut u.concepts, Concept { typed: typed(h.start, h.end), literal, mapped: Vec::new() }),
        Kind::Word(entries) => push(&mut u.concepts, Concept { typed: typed(h.start, shown_end), literal, mapped: entries.clone() }),
    }
}

/// Text between table words: split where the script changes; a single kanji
/// followed by an inflection (送っ, 使い) is a verb stem and is left out.
fn plain_pieces(text: &str, s: usize, e: usize, typed: &dyn Fn(usize, usize) -> String, u: &mut Understanding) {
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut last: Option<Script> = None;
    for (off, c) in text[s..e].char_indices() {
        let b = s + off;
        let sc = match script(c) {
            Script::Separator if c.is_ascii_punctuation() => Script::Latin,
            other => other,
        };
        match (last, pieces.last_mut()) {
            (Some(l), Some(p)) if l == sc || sc == Script::Separator => p.1 = b + c.len_utf8(),
            _ => pieces.push((b, b + c.len_utf8())),
        }
        last = Some(sc);
    }
    for (ps, pe) in pieces {
        let piece = &text[ps..pe];
        if piece.chars().all(|c| script(c) == Script::Separator) {
            continue;
        }
        let next = text[pe..].chars().next();
        let single_kanji = piece.chars().count() == 1 && script(piece.chars().next().unwrap_or(' ')) == Script::Kanji;
        if single_kanji && next.is_some_and(|c| is_hiragana(c) && !PARTICLES.contains(&c)) {
            u.ignored.push(typed(ps, kana_after(text, pe)));
            continue;
        }
        push(&mut u.concepts, Concept { typed: typed(ps, pe), literal: piece.to_owned(), mapped: Vec::new() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(q: &str) -> Understanding {
        let lex = Lexicon::build(&[]);
        // Every run "occurs", except the compounds the policies lack.
        understand(q, &lex, &mut |w| !matches!(w, "パスワード変更" | "私物パソコン"))
    }

    fn literals(q: &str) -> Vec<String> {
        read(q).concepts.into_iter().map(|c| c.literal).collect()
    }

    #[test]
    fn particles_and_endings_are_left_out() {
        assert_eq!(literals("パソコンを紛失した"), ["パソコン", "紛失"]);
        assert_eq!(literals("ウイルスに感染したら"), ["ウイルス", "感染し"]);
        assert_eq!(literals("情報資産の分類"), ["情報資産", "分類"]);
        let u = read("私物のパソコンを使いたい");
        assert_eq!(u.concepts.iter().map(|c| c.literal.as_str()).collect::<Vec<_>>(), ["私物", "パソコン"]);
        assert_eq!(u.ignored, ["使いたい"]);
    }

    #[test]
    fn verbs_are_read_in_every_form_and_mapped() {
        let u = read("スマホをなくしたらどうする");
        assert_eq!(u.concepts.len(), 2, "{u:?}");
        assert_eq!(u.concepts[1].typed, "なくしたら");
        assert!(!u.concepts[1].mapped.is_empty());
        assert_eq!(literals("古いパソコンを捨てたい"), ["パソコン", "捨て"]);
        assert_eq!(read("送った").concepts.len(), 0);
    }

    #[test]
    fn compounds_stay_whole_unless_the_policies_lack_them() {
        assert_eq!(literals("緊急時対応訓練"), ["緊急時対応訓練"]);
        assert_eq!(literals("パスワード変更"), ["パスワード", "変更"]);
        assert_eq!(literals("私物パソコン"), ["私物", "パソコン"]);
    }

    #[test]
    fn latin_words_match_only_whole() {
        // x (Twitter) is not the x of box; USB メモリ is one word.
        let x = read("x");
        assert!(!x.concepts[0].mapped.is_empty());
        assert_eq!(literals("ＵＳＢメモリ"), ["usbメモリ"]);
        assert_eq!(literals("7.2.2"), ["7.2.2"]);
        assert_eq!(read("\"研修・訓練への参加\"").concepts[0].literal, "研修・訓練への参加");
    }

    #[test]
    fn a_query_of_kana_only_is_searched_as_typed() {
        assert_eq!(literals("ふくそう"), ["ふくそう"]);
        assert_eq!(literals("せきゅりてぃ"), ["せきゅりてぃ"]);
    }

    #[test]
    fn a_word_written_partly_in_hiragana_stays_whole_when_the_text_has_it() {
        let lex = Lexicon::build(&[]);
        let in_text = |w: &str| matches!(w, "ひまわり手帳" | "手帳" | "パスワード" | "のパスワード");
        let read = |q: &str| understand(q, &lex, &mut |w| in_text(w)).concepts.into_iter().map(|c| c.literal).collect::<Vec<_>>();
        assert_eq!(read("ひまわり手帳"), ["ひまわり手帳"]);
        assert_eq!(read("ひまわり手帳に書いた"), ["ひまわり手帳"]);
        // Not when the text lacks the whole, nor a particle joined to a word.
        assert_eq!(read("あさがお手帳"), ["手帳"]);
        assert_eq!(read("職員のパスワード"), ["職員", "パスワード"]);
    }
}
