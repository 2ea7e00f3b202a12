//! Roles from the 組織体制 clauses, only where the text names them:
//! 「…に〇〇責任者を置く」, 「〇〇管理者は、…をもって充てる」,
//! 「…を〇〇管理者とする」, and the headings under 「次の者を置く」.
//! Each keeps the clause it came from. The generic role (Tebiki's mapping
//! for rosters) is a first guess from the name and is marked as such.

use crate::structure::{Block, ClauseKind, DraftClause};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRole {
    pub id: String,
    pub name: String,
    pub generic: &'static str,
    pub aliases: Vec<String>,
    pub clause: String,
    /// The words of `clause` that name the role (its provenance in roles.toml).
    pub quote: String,
}

const SUFFIXES: &[&str] = &["責任者", "管理者", "担当者", "統括者", "監査人", "推進員", "推進者", "CISO"];

fn is_role_name(s: &str) -> bool {
    let n = s.chars().count();
    (2..=30).contains(&n)
        && SUFFIXES.iter().any(|x| s.ends_with(x))
        && !s.contains(['、', '。', 'を', 'は', '「', '」'])
        && !s.starts_with("次の")
        // 「…を管理する責任者を置く」 describes a post without naming it.
        && !s.contains("する")
        && !s.starts_with("当該")
}

/// 「情報セキュリティ最高責任者（CISO：…）」 → name and an ASCII alias.
fn split_alias(s: &str) -> (String, Option<String>) {
    let s = s.trim();
    if let Some(open) = s.find(['(', '（']) {
        let inner = &s[open..];
        let alias: String = inner.chars().skip(1).take_while(|c| c.is_ascii_alphanumeric()).collect();
        return (s[..open].trim().to_owned(), (!alias.is_empty()).then_some(alias));
    }
    (s.to_owned(), None)
}

pub fn generic_of(name: &str) -> &'static str {
    if name.contains("最高") || name.contains("CISO") {
        "ciso"
    } else if name.contains("統括") {
        "supervisor"
    } else if (name.contains("システム") || name.contains("基盤") || name.contains("ネットワーク")) && name.ends_with("管理者") {
        "sysadmin"
    } else if name.ends_with("管理者") || name.ends_with("責任者") {
        "manager"
    } else {
        "other"
    }
}

fn in_scope(clauses: &[DraftClause], i: usize) -> bool {
    // The clause or an enclosing clause is about the organisation.
    let mut level = u8::MAX;
    for c in clauses[..=i].iter().rev() {
        if c.level < level || std::ptr::eq(c, &clauses[i]) {
            if c.title.contains("体制") || c.title.contains("組織") {
                return true;
            }
            level = c.level;
        }
    }
    false
}

fn texts(c: &DraftClause) -> impl Iterator<Item = &str> {
    c.blocks.iter().map(|(_, b)| match b {
        // 「2 情報管理者は、…」: the sentence without its 項 number.
        Block::Para { text } => crate::mark::classify(text).map(|m| m.rest).unwrap_or(text),
        Block::Item { text, .. } | Block::Continuation { text, .. } => text.as_str(),
    })
}

pub fn roles(clauses: &[DraftClause]) -> Vec<DraftRole> {
    let mut found: Vec<(String, Option<String>, String, String)> = Vec::new();
    let mut add = |name: &str, alias: Option<String>, clause: &str, quote: &str| {
        let (name, paren_alias) = split_alias(name);
        let name = name.trim_start_matches(['　', ' ']).to_owned();
        // A name already known as another role's alias (CISO) is that role.
        let known = found.iter().any(|(n, a, _, _)| *n == name || a.as_deref() == Some(name.as_str()));
        if is_role_name(&name) && !known {
            found.push((name, alias.or(paren_alias), clause.to_owned(), quote.trim().to_owned()));
        }
    };
    let any_scoped = (0..clauses.len()).any(|i| in_scope(clauses, i));
    for (i, c) in clauses.iter().enumerate() {
        if any_scoped && !in_scope(clauses, i) {
            continue;
        }
        // Headings under 「次の者を置く」.
        if texts(c).any(|t| t.contains("次の") && t.contains("置く")) {
            for child in clauses[i + 1..].iter().take_while(|x| x.level > c.level) {
                if child.level == c.level + 1 && child.kind == ClauseKind::Clause {
                    add(&child.title, None, &child.local_id, &child.title);
                }
            }
        }
        for t in texts(c) {
            for s in t.split_inclusive('。') {
                if let Some(pos) = s.find("を置く").or_else(|| s.find("を置き")) {
                    let seg = s[..pos].rsplit(['、', '，']).next().unwrap_or("");
                    let seg = seg.rsplit_once('に').map(|(_, r)| r).unwrap_or(seg);
                    add(seg, None, &c.local_id, s);
                }
                if let Some(pos) = s.find("をもって充て") {
                    if let Some((subject, post)) = s[..pos].split_once("は、") {
                        let subject = subject.rsplit('、').next().unwrap_or(subject);
                        let post = post.trim();
                        let alias = (post.chars().count() <= 15 && !post.contains('、')).then(|| post.to_owned());
                        add(subject, alias, &c.local_id, s);
                    }
                }
                if let Some(pos) = s.find("とする。") {
                    if let Some(open) = s[..pos].rfind('を') {
                        let cand = &s[open + 'を'.len_utf8()..pos];
                        let cand = cand.rsplit_once('の').filter(|(_, r)| r.chars().count() >= 3).map(|(_, r)| r).unwrap_or(cand);
                        add(cand, None, &c.local_id, s);
                    }
                }
            }
        }
    }
    let mut used: Vec<String> = Vec::new();
    found
        .into_iter()
        .map(|(name, alias, clause, quote)| {
            let generic = generic_of(&name);
            let mut id = generic.to_owned();
            let mut n = 2;
            while used.contains(&id) {
                id = format!("{generic}-{n}");
                n += 1;
            }
            used.push(id.clone());
            DraftRole { id, name, generic, aliases: alias.into_iter().collect(), clause, quote }
        })
        .collect()
}
