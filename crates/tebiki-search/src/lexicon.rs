//! The everyday-words table (data/everyday.toml plus each pack's
//! everyday.toml) compiled into one matcher over normalised query text.

use crate::normalize::normalize_term;
use aho_corasick::{AhoCorasick, MatchKind};
use tebiki_core::pack::everyday::{verb_stems, EverydayFile};

/// What a piece of a query is, according to the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// An everyday word: the entries (indexes into `Lexicon::entries`) it belongs to.
    Word(Vec<usize>),
    /// A question word (方法, 場合, 使う …): left out.
    Ignore,
    /// A word that must stay whole (a variant's canonical form with kana in it).
    Keep,
}

/// One table entry: the policy words, and the pack it comes from (None: bundled).
#[derive(Debug, Clone)]
pub struct Entry {
    /// (normalised form, as written) of each policy word.
    pub policy: Vec<(String, String)>,
    pub pack: Option<String>,
}

pub struct Lexicon {
    matcher: AhoCorasick,
    kinds: Vec<Kind>,
    /// Whether a pattern came from a verb (its conjugation ending follows it).
    verb: Vec<bool>,
    pub entries: Vec<Entry>,
    /// Everyday words and verbs in the table(s), for the README figure.
    pub everyday_count: usize,
}

/// One match of the table in a normalised string.
#[derive(Debug, Clone)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub verb: bool,
}

/// The bundled table.
pub fn bundled() -> EverydayFile {
    toml::from_str(include_str!("../data/everyday.toml")).expect("data/everyday.toml is valid (checked by a test)")
}

impl Lexicon {
    /// The bundled table and the tables of these packs (pack id, file).
    pub fn build(packs: &[(String, EverydayFile)]) -> Lexicon {
        let mut patterns: Vec<String> = Vec::new();
        let mut kinds: Vec<Kind> = Vec::new();
        let mut verb: Vec<bool> = Vec::new();
        let mut entries = Vec::new();
        let mut everyday_count = 0;
        let add = |p: String, kind: Kind, is_verb: bool, patterns: &mut Vec<String>, kinds: &mut Vec<Kind>, verb: &mut Vec<bool>| {
            if p.is_empty() {
                return;
            }
            match patterns.iter().position(|q| *q == p) {
                Some(i) => match (&mut kinds[i], kind) {
                    (Kind::Word(a), Kind::Word(b)) => a.extend(b),
                    // An everyday word wins over a question word or a kept word.
                    (k @ (Kind::Ignore | Kind::Keep), w @ Kind::Word(_)) => {
                        *k = w;
                        verb[i] = is_verb;
                    }
                    _ => {}
                },
                None => {
                    patterns.push(p);
                    kinds.push(kind);
                    verb.push(is_verb);
                }
            }
        };
        let bundled = bundled();
        let files = std::iter::once((None, &bundled)).chain(packs.iter().map(|(id, f)| (Some(id.clone()), f)));
        for (pack, file) in files {
            for w in &file.ignore {
                add(normalize_term(w), Kind::Ignore, false, &mut patterns, &mut kinds, &mut verb);
            }
            for v in &file.ignore_verbs {
                for s in verb_stems(v.trim()).unwrap_or_default() {
                    add(normalize_term(&s), Kind::Ignore, true, &mut patterns, &mut kinds, &mut verb);
                }
            }
            for w in &file.word {
                let i = entries.len();
                entries.push(Entry {
                    policy: w.policy.iter().map(|p| (normalize_term(p), p.trim().to_owned())).filter(|(n, _)| !n.is_empty()).collect(),
                    pack: pack.clone(),
                });
                everyday_count += w.everyday.len() + w.verbs.len();
                for e in &w.everyday {
                    add(normalize_term(e), Kind::Word(vec![i]), false, &mut patterns, &mut kinds, &mut verb);
                }
                for v in &w.verbs {
                    for s in verb_stems(v.trim()).unwrap_or_default() {
                        add(normalize_term(&s), Kind::Word(vec![i]), true, &mut patterns, &mut kinds, &mut verb);
                    }
                }
            }
        }
        // Canonical spellings with kana inside (漏えい, 改ざん) stay one word.
        for group in &crate::normalize::Variants::get().groups {
            let canonical = normalize_term(&group[0]);
            if canonical.chars().any(is_hiragana) {
                add(canonical, Kind::Keep, false, &mut patterns, &mut kinds, &mut verb);
            }
        }
        let matcher = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&patterns).expect("everyday patterns build");
        Lexicon { matcher, kinds, verb, entries, everyday_count }
    }

    /// The table's words in `text` (normalised), longest first, left to right.
    /// A Latin word only matches as a whole word (x is not the x of box).
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        for m in self.matcher.find_iter(text) {
            let pat = &text[m.start()..m.end()];
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            if (pat.starts_with(|c: char| c.is_ascii_alphanumeric()) && alnum(before)) || (pat.ends_with(|c: char| c.is_ascii_alphanumeric()) && alnum(after)) {
                continue;
            }
            let i = m.pattern().as_usize();
            out.push(Hit { start: m.start(), end: m.end(), kind: self.kinds[i].clone(), verb: self.verb[i] });
        }
        out
    }
}

pub fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309F}').contains(&c)
}
