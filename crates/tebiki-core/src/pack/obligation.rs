//! Obligations: the duties a policy states, found in its text, with the roles
//! that bear them. A questionnaire item `covers` obligations; coverage says
//! how many of a role's duties its questionnaire asks about.
//!
//! Which sentences are duties. Japanese regulations state a duty with a few
//! fixed endings, and only those are accepted:
//! - 「…なければならない」「…なければならぬ」「…なければならず、」 (and the rare
//!   「なくてはならない」「ねばならない」): a duty to act (`Must`). 「…でなければ
//!   ならない」 is not: it is a qualification (「専門知識を有する者でなければ
//!   ならない」), not something a person does.
//! - 「…てはならない」「…てはならぬ」「…てはならず、」: a prohibition (`MustNot`).
//!   A sentence holding both forms is a prohibition: its duty to act is
//!   usually the proviso around it.
//! - 「…ものとする。」「…こととする。」 at the end of a sentence: in 法令用語 these
//!   impose a duty with more latitude than 「しなければならない」, and the 対策基準
//!   use them for real requirements (神戸市 8.2.6 エ: 古いパスワードを再利用しない
//!   ものとする). Not 「…のものとする」, which states what a thing is.
//! - 「…すること。」 at the end of a sentence: the directive form (神戸市 8.1.24).
//! - A list under a lead-in that imposes them (「次の事項を遵守しなければならない。」)
//!   holds duties in plain form (「…設定を変更しない。」): each listed sentence is a
//!   duty of the lead-in's subject, and the lead-in itself is not counted again.
//!   When the list holds only nouns (法令名, 記載事項), the lead-in is the duty.
//!
//! Plain statements of responsibility (「…の権限及び責任を有する」「…を行う。」),
//! permissions (「…することができる」) and definitions are not duties here.
//!
//! Who bears a duty: the roles of `roles.toml` (names and aliases) that are
//! the sentence's subject — the topic before 「は」 (「情報管理者は、」,
//! 「情報基盤管理者及び業務システム管理者は、」, 「報告を受けた情報管理者は、」), or
//! a role with 「が」 opening the sentence (「情報基盤管理者が…場合には、」). A
//! subject that names a person but no role (「情報を作成する者は、」,
//! 「メールアドレス保有者は、」) makes the duty role-less rather than guessing.
//! A sentence without a subject inherits the previous sentence's (in the same
//! clause), else the roles named in the clause heading, else it has no role.

use crate::pack::roles::Role;
use crate::pack::{Clause, Pack};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum ObligationKind {
    /// 「…しなければならない」: something to do.
    Must,
    /// 「…してはならない」: something not to do.
    MustNot,
}

/// One duty found in a clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Obligation {
    /// `<clause id>#<n>`, n counting the clause's obligations from 1 in
    /// document order: stable while the clause's text is.
    pub id: String,
    pub clause_id: String,
    /// Ids of the roles that bear it; empty when the text names none.
    pub roles: Vec<String>,
    /// The sentence, without its list marker.
    pub text: String,
    pub kind: ObligationKind,
}

/// Every obligation of the pack, in document order.
pub fn extract(pack: &Pack) -> Vec<Obligation> {
    let names = RoleNames::new(&pack.roles);
    pack.documents
        .iter()
        .flat_map(|d| {
            let style = document_style(d);
            let names = &names;
            d.clauses.iter().enumerate().flat_map(move |(i, c)| clause_obligations(names, c, style, is_definitional(d, i)))
        })
        .collect()
}

/// The obligations of one clause (its own body, not the clauses under it),
/// read as a document with the explicit forms (see [`Style`]).
pub fn extract_clause(roles: &[Role], clause: &Clause) -> Vec<Obligation> {
    clause_obligations(&RoleNames::new(roles), clause, Style::Explicit, false)
}

/// How a document states its duties.
///
/// Most 対策基準 (神戸市) use the explicit forms 「…しなければならない」
/// 「…してはならない」, and in such a text a plain 「…する。」 describes
/// rather than requires. Older 対策基準 (勝浦市, 平成15年) and most 基本方針
/// state every measure in the plain form (「…措置を講ずる。」「…に配慮する。」
/// 「…を定める。」) and hardly ever use the explicit one: there the plain form
/// is the duty. A document is read as declarative when its sentences in the
/// explicit forms are fewer than one in ten of those in the plain form, so
/// one style never changes how the other is read (神戸市's ids stay the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Explicit,
    Declarative,
}

/// The style of a document (see [`Style`]); an outline has no sentences to read.
pub fn document_style(doc: &crate::pack::Document) -> Style {
    // An outline's 「…をこの項で定める。」 says what the hidden body holds.
    if doc.body == crate::pack::manifest::BodyKind::Outline {
        return Style::Explicit;
    }
    let (mut explicit, mut plain) = (0usize, 0usize);
    for c in &doc.clauses {
        for b in blocks(&c.body) {
            let text = if b.item_start { strip_marker(&b.text) } else { b.text.trim() };
            for s in sentences(text) {
                if PROHIBITIONS.iter().chain(&DUTIES).any(|f| s.contains(f)) {
                    explicit += 1;
                } else if declarative_kind(&s).is_some() {
                    plain += 1;
                }
            }
        }
    }
    if plain > 0 && explicit * 10 < plain {
        Style::Declarative
    } else {
        Style::Explicit
    }
}

/// The roles' names and aliases, longest first, so that 「情報セキュリティ
/// 統括責任者」 is tried before anything shorter it might end with.
pub(crate) struct RoleNames {
    names: Vec<(String, String)>,
}

impl RoleNames {
    pub(crate) fn new(roles: &[Role]) -> Self {
        let mut names: Vec<(String, String)> = roles
            .iter()
            .flat_map(|r| std::iter::once(&r.name).chain(&r.aliases).map(move |n| (n.trim().to_owned(), r.id.clone())))
            .filter(|(n, _)| !n.is_empty())
            .collect();
        names.sort_by_key(|(n, _)| std::cmp::Reverse(n.chars().count()));
        RoleNames { names }
    }

    /// The role a noun phrase ends with: 「報告を受けた情報管理者」 → info-manager.
    /// The name must not be the tail of a longer word (「特別職非常勤職員」 is not
    /// 「職員」): what precedes it is nothing, a space, punctuation or kana
    /// ending a modifier (「すべての」「扱う」).
    fn role_at_end(&self, phrase: &str) -> Option<&str> {
        let phrase = phrase.trim_matches(is_space);
        for candidate in [phrase, phrase.strip_suffix('等').unwrap_or("")] {
            if candidate.is_empty() {
                continue;
            }
            for (name, id) in &self.names {
                if let Some(before) = candidate.strip_suffix(name.as_str()) {
                    if before.chars().next_back().is_none_or(|c| is_word_boundary(c, name)) {
                        return Some(id);
                    }
                }
            }
        }
        None
    }

    /// Roles named anywhere in a heading (「職員等の遵守事項」 → staff).
    fn roles_in(&self, text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut rest = text;
        let mut prev: Option<char> = None;
        while let Some(c) = rest.chars().next() {
            let hit = self.names.iter().find(|(name, _)| rest.starts_with(name.as_str()) && prev.is_none_or(|p| is_word_boundary(p, name)));
            match hit {
                Some((name, id)) => {
                    if !out.contains(id) {
                        out.push(id.clone());
                    }
                    prev = name.chars().next_back();
                    rest = &rest[name.len()..];
                }
                None => {
                    prev = Some(c);
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
        out
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309f}').contains(&c)
}

/// Whether a role name preceded by `c` starts a word there.
fn is_word_boundary(c: char, name: &str) -> bool {
    if name.starts_with(|n: char| n.is_ascii_alphanumeric()) {
        return !c.is_ascii_alphanumeric();
    }
    is_space(c) || is_hiragana(c) || "、。，・「」『』（）()".contains(c)
}

// ---------------------------------------------------------------------------
// Text: blocks and sentences

/// A paragraph, a list item's text or a table cell, with its list depth.
#[derive(Debug)]
struct Block {
    depth: usize,
    /// The block opens a list item, so it starts with the item's marker.
    item_start: bool,
    text: String,
}

/// The clause body as blocks of text, as the reader shows it (no Markdown
/// syntax, no footnote markers or definitions).
fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut buf = String::new();
    let mut item_start = false;
    let mut in_footnote = false;
    let flush = |buf: &mut String, depth: usize, item_start: &mut bool, out: &mut Vec<Block>| {
        let text = buf.trim().to_owned();
        buf.clear();
        if !text.is_empty() {
            out.push(Block { depth, item_start: *item_start, text });
            *item_start = false;
        }
    };
    for event in Parser::new_ext(markdown, crate::pack::markdown::options()) {
        match event {
            Event::Start(Tag::FootnoteDefinition(_)) => in_footnote = true,
            Event::End(TagEnd::FootnoteDefinition) => in_footnote = false,
            _ if in_footnote => {}
            Event::Text(t) | Event::Code(t) => buf.push_str(&t),
            Event::SoftBreak | Event::HardBreak => buf.push(' '),
            Event::Start(Tag::List(_)) => {
                flush(&mut buf, depth, &mut item_start, &mut out);
                depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut buf, depth, &mut item_start, &mut out);
                depth = depth.saturating_sub(1);
            }
            Event::Start(Tag::Item) => {
                flush(&mut buf, depth, &mut item_start, &mut out);
                item_start = true;
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::Heading(_)) => flush(&mut buf, depth, &mut item_start, &mut out),
            _ => {}
        }
    }
    flush(&mut buf, depth, &mut item_start, &mut out);
    out
}

/// Drops a list item's marker: ア, (1), （ア）, ①, ・, 1. followed by a space.
fn strip_marker(text: &str) -> &str {
    let t = text.trim_start();
    let Some((head, rest)) = t.split_once(is_space) else { return t };
    let n = head.chars().count();
    let bracketed = (head.starts_with('(') && head.ends_with(')')) || (head.starts_with('（') && head.ends_with('）'));
    let single = n == 1 && head.chars().all(|c| ('ア'..='ン').contains(&c) || ('①'..='⑳').contains(&c) || c == '・');
    let digits = head.trim_end_matches('.');
    let numbered = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && head.ends_with('.');
    if (bracketed && n <= 5) || single || numbered {
        rest.trim_start_matches(is_space)
    } else {
        t
    }
}

/// Splits on 。 outside 「」『』（）(): 「（以下「CISO」という。）」 does not end a sentence.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in text.chars() {
        cur.push(c);
        match c {
            '「' | '『' | '（' | '(' => depth += 1,
            '」' | '』' | '）' | ')' => depth = (depth - 1).max(0),
            '。' if depth == 0 => {
                let s = cur.trim().to_owned();
                if !s.is_empty() {
                    out.push(s);
                }
                cur.clear();
            }
            _ => {}
        }
    }
    let s = cur.trim().to_owned();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

// ---------------------------------------------------------------------------
// Duty forms

const PROHIBITIONS: [&str; 5] = ["てはならない", "てはならぬ", "てはならず", "ではならない", "ではならぬ"];
const DUTIES: [&str; 6] = ["なければならない", "なければならぬ", "なければならず", "なくてはならない", "ねばならない", "ねばならぬ"];

/// The sentence without its final 。 and closing brackets.
fn body_of(sentence: &str) -> &str {
    sentence.trim_end_matches(|c: char| c == '。' || is_space(c))
}

/// The duty a sentence states by its own wording, if any.
fn duty_kind(sentence: &str) -> Option<ObligationKind> {
    if PROHIBITIONS.iter().any(|p| sentence.contains(p)) {
        return Some(ObligationKind::MustNot);
    }
    let acts = DUTIES.iter().any(|d| sentence.match_indices(d).any(|(i, _)| !sentence[..i].ends_with('で')));
    if acts {
        return Some(ObligationKind::Must);
    }
    let body = body_of(sentence);
    let ended = sentence.trim_end().ends_with('。');
    if (body.ends_with("ものとする") && !body.ends_with("のものとする")) || body.ends_with("こととする") {
        return Some(if body.ends_with("ないものとする") { ObligationKind::MustNot } else { ObligationKind::Must });
    }
    if ended && body.ends_with("こと") && !body.ends_with("に関すること") {
        return Some(if body.ends_with("ないこと") { ObligationKind::MustNot } else { ObligationKind::Must });
    }
    None
}

/// A sentence listed under a lead-in: plain form, 「…しない。」 a prohibition.
fn plain_kind(sentence: &str) -> ObligationKind {
    if body_of(sentence).ends_with("ない") {
        ObligationKind::MustNot
    } else {
        ObligationKind::Must
    }
}

/// Plain verb endings that state a fact, a definition or a permission, not a
/// measure: 「…をいう。」「…による。」「…することができる。」「…に限る。」.
const NOT_MEASURES: [&str; 15] =
    ["いう", "ある", "よる", "できる", "なる", "ている", "でいる", "ておる", "含む", "限る", "準用する", "関する", "属する", "該当する", "施行する"];

/// A measure stated in the plain form (「…措置を講ずる。」「…に配慮する。」
/// 「…を定める。」「…持ち込まない。」), for a declarative document ([`Style`]).
fn declarative_kind(sentence: &str) -> Option<ObligationKind> {
    if !is_statement(sentence) || is_proviso(sentence) {
        return None;
    }
    let body = body_of(sentence);
    if body.ends_with("ものとする") || body.ends_with("こととする") {
        return Some(ObligationKind::Must);
    }
    if let Some(stem) = body.strip_suffix("ない") {
        // A verb's negation (持ち込まない, 使用しない), not 「…がない」「…でない」.
        let last = stem.chars().next_back()?;
        return (is_hiragana(last) && !"がでくはもにの".contains(last)).then_some(ObligationKind::MustNot);
    }
    if NOT_MEASURES.iter().any(|e| body.ends_with(e)) || body.ends_with("のとおりとする") {
        return None;
    }
    let last = body.chars().next_back()?;
    "うくぐすずつぬぶむる".contains(last).then_some(ObligationKind::Must)
}

/// Clauses that define, give the scope or the purpose, and the preamble:
/// their plain sentences are not measures even in a declarative document
/// (「…を目的とする」「適用される行政機関は、…とする」「…に寄与する」). A clause
/// under such a clause (4.1 under 4 適用範囲) is one too.
fn is_definitional(doc: &crate::pack::Document, index: usize) -> bool {
    let mut at = Some(index);
    while let Some(i) = at {
        let c = &doc.clauses[i];
        let t = c.title.trim();
        if t == "範囲" || ["定義", "趣旨", "目的", "用語", "適用範囲", "対象範囲", "前文", "序文"].iter().any(|w| t.contains(w)) {
            return true;
        }
        at = c.parent;
    }
    false
}

/// A duty whose content is the list that follows (「次の事項を遵守しなければならない。」).
fn is_lead_in(sentence: &str) -> bool {
    ["次の", "以下の", "下記"].iter().any(|w| sentence.contains(w))
}

/// A full sentence, as opposed to a list item that is a noun (「ア 件名」).
fn is_statement(sentence: &str) -> bool {
    sentence.trim_end().ends_with('。')
}

/// Provisos are not duties of their own (「ただし、…については除く。」).
fn is_proviso(sentence: &str) -> bool {
    ["ただし", "但し", "なお"].iter().any(|w| sentence.starts_with(w))
}

// ---------------------------------------------------------------------------
// Subjects

/// Who a sentence says acts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    /// No subject in the sentence.
    Unstated,
    /// These roles (ids). `prefix` is where the subject ends (just after
    /// 「は、」) when the sentence opens with it and it is nothing but names
    /// (「職員等は、」): a drafted question leaves it out.
    Roles { roles: Vec<String>, prefix: Option<usize> },
    /// A person who is not one of the pack's roles (「情報を作成する者」).
    Other,
}

/// Words that link the names of a subject: 「A、B及びC」.
const CONNECTORS: [&str; 8] = ["及び", "および", "並びに", "ならびに", "又は", "または", "若しくは", "もしくは"];

/// What a topic ending in these is: a person, even when not a role.
const PERSON_ENDINGS: [&str; 5] = ["者", "者等", "員", "員等", "部門"];

/// A は after these is a particle of a phrase (には, では, 場合は), not a topic.
const NOT_TOPIC: [&str; 10] = ["に", "で", "と", "て", "又", "また", "場合", "際", "とき", "時"];

/// Leading words that do not belong to the subject.
const CONNECTIVES: [&str; 5] = ["また、", "なお、", "あわせて、", "あわせて", "さらに、"];

fn split_connectors(s: &str) -> Vec<&str> {
    let mut parts = vec![s];
    for c in CONNECTORS {
        parts = parts.into_iter().flat_map(|p| p.split(c)).collect();
    }
    parts.into_iter().map(|p| p.trim_matches(is_space)).filter(|p| !p.is_empty()).collect()
}

impl RoleNames {
    /// The role of one part of a subject; 「情報基盤管理者等権限のある者」 (people
    /// such as the 情報基盤管理者 with authority) counts as that role.
    fn role_of_part(&self, part: &str) -> Option<&str> {
        if let Some(id) = self.role_at_end(part) {
            return Some(id);
        }
        let (head, tail) = part.rsplit_once('等')?;
        (tail.ends_with('者') && tail.contains("権限")).then(|| self.role_at_end(&format!("{head}等"))).flatten()
    }

    /// The roles a noun phrase (the text before a は or が) names as its last
    /// words: the parts after the last 、 joined by 及び/並びに/又は, and before
    /// that any 、-separated parts that are roles themselves.
    fn roles_of_phrase(&self, phrase: &str) -> Vec<String> {
        let segments: Vec<&str> = phrase.split('、').collect();
        let mut roles: Vec<String> = Vec::new();
        let last = segments.last().copied().unwrap_or("");
        roles.extend(split_connectors(last).into_iter().filter_map(|p| self.role_of_part(p)).map(str::to_owned));
        if roles.is_empty() {
            return roles;
        }
        for seg in segments[..segments.len() - 1].iter().rev() {
            let parts = split_connectors(seg);
            let ids: Vec<_> = parts.iter().filter_map(|p| self.role_of_part(p)).collect();
            if parts.is_empty() || ids.len() != parts.len() {
                break;
            }
            roles.splice(0..0, ids.into_iter().map(str::to_owned));
        }
        let mut seen = Vec::new();
        roles.retain(|r| {
            if seen.contains(r) {
                false
            } else {
                seen.push(r.clone());
                true
            }
        });
        roles
    }

    /// 「職員等」「情報基盤管理者及び業務システム管理者」「職員等及び委託業務従事者等」:
    /// names of people only, without a clause describing them (「報告を受けた
    /// 情報管理者」 keeps its condition in a drafted question).
    fn is_name_list(&self, phrase: &str) -> bool {
        let parts: Vec<&str> = phrase.split('、').flat_map(split_connectors).collect();
        let is_name = |p: &str| {
            self.names.iter().any(|(n, _)| p == n.as_str() || p.strip_suffix('等') == Some(n.as_str()))
                || (PERSON_ENDINGS.iter().any(|e| p.ends_with(e)) && !p.chars().any(is_hiragana))
        };
        !parts.is_empty() && parts.iter().all(|p| is_name(p))
    }

    /// The subject of a sentence (list marker already removed).
    pub(crate) fn subject(&self, sentence: &str) -> Subject {
        let mut start = 0;
        while let Some(c) = CONNECTIVES.iter().find(|c| sentence[start..].starts_with(**c)) {
            start += c.len();
        }
        let mut noun_topic = false;
        for (i, _) in sentence.match_indices('は') {
            let before = &sentence[..i];
            let after = sentence[i + 'は'.len_utf8()..].chars().next();
            if NOT_TOPIC.iter().any(|w| before.ends_with(w)) {
                continue;
            }
            let roles = self.roles_of_phrase(before);
            if !roles.is_empty() {
                let end = i + 'は'.len_utf8() + after.filter(|&c| c == '、' || is_space(c)).map_or(0, char::len_utf8);
                let prefix = (i >= start && self.is_name_list(&sentence[start..i])).then_some(end);
                return Subject::Roles { roles, prefix };
            }
            // A topic that is not a role: a person (a subject), or a thing
            // (「パスワードは、」, the object of the duty).
            if after.is_some_and(|c| c == '、' || is_space(c)) {
                let phrase = before.rsplit('、').next().unwrap_or("").trim_matches(is_space);
                if PERSON_ENDINGS.iter().any(|e| phrase.ends_with(e)) {
                    return Subject::Other;
                }
                noun_topic = true;
            }
        }
        // 「情報基盤管理者が…を設置する場合には、次の事項を守らなければならない。」:
        // the one who acts in a condition opening the sentence is the one the
        // duty is for. A が elsewhere (「情報セキュリティ管理者が提供する情報」)
        // describes a noun and says nothing about who acts.
        if noun_topic {
            return Subject::Unstated;
        }
        let rest = &sentence[start..];
        let Some(i) = rest.find('が') else { return Subject::Unstated };
        let before = &rest[..i];
        let condition = rest[i..].split('、').next().unwrap_or("");
        let conditional = ["場合には", "場合は", "場合", "ときは", "とき", "際には", "際は", "際"].iter().any(|w| condition.ends_with(w));
        if before.contains('、') || !conditional {
            return Subject::Unstated;
        }
        let roles = self.roles_of_phrase(before);
        if !roles.is_empty() {
            return Subject::Roles { roles, prefix: None };
        }
        if PERSON_ENDINGS.iter().any(|e| before.trim_matches(is_space).ends_with(e)) {
            return Subject::Other;
        }
        Subject::Unstated
    }
}

// ---------------------------------------------------------------------------
// Clauses

struct Sentence {
    text: String,
    depth: usize,
    /// Last sentence of its block (a list may follow it).
    ends_block: bool,
}

fn clause_obligations(names: &RoleNames, clause: &Clause, style: Style, definitional: bool) -> Vec<Obligation> {
    let declarative = style == Style::Declarative && !definitional;
    let mut list: Vec<Sentence> = Vec::new();
    for b in blocks(&clause.body) {
        let text = if b.item_start { strip_marker(&b.text) } else { b.text.trim() };
        let ss = sentences(text);
        let n = ss.len();
        list.extend(ss.into_iter().enumerate().map(|(i, text)| Sentence { text, depth: b.depth, ends_block: i + 1 == n }));
    }

    // 「第8 情報システム管理者の配置」 names who is appointed, not who acts.
    let appoints = ["配置", "設置", "任命", "指名", "選任"].iter().any(|w| clause.title.contains(w));
    let heading_roles = if appoints { Vec::new() } else { names.roles_in(&clause.title) };
    // The current subject: None before any sentence stated one.
    let mut current: Option<Vec<String>> = None;
    // While inside a lead-in's list: its depth.
    let mut lead_in_depth: Option<usize> = None;
    let mut found: Vec<(Vec<String>, String, ObligationKind)> = Vec::new();

    for (i, s) in list.iter().enumerate() {
        if lead_in_depth.is_some_and(|d| s.depth <= d) {
            lead_in_depth = None;
        }
        match names.subject(&s.text) {
            Subject::Roles { roles, .. } => current = Some(roles),
            Subject::Other => current = Some(Vec::new()),
            Subject::Unstated => {}
        }
        let roles = current.clone().unwrap_or_else(|| heading_roles.clone());
        let own = if declarative {
            duty_kind(&s.text).or_else(|| declarative_kind(&s.text))
        } else if style == Style::Declarative && definitional {
            // 定義: 「…を組み替えること。」 ends a definition, not a directive.
            duty_kind(&s.text).filter(|_| !body_of(&s.text).ends_with("こと"))
        } else {
            duty_kind(&s.text)
        };
        let listed = lead_in_depth.is_some() && is_statement(&s.text) && !is_proviso(&s.text);
        let kind = match own {
            Some(k) => k,
            None if listed => plain_kind(&s.text),
            None => continue,
        };
        // A lead-in whose list holds sentences: the duties are those sentences.
        let follows: Vec<&Sentence> = list[i + 1..].iter().take_while(|n| n.depth > s.depth).collect();
        if own.is_some() && s.ends_block && is_lead_in(&s.text) && !follows.is_empty() {
            lead_in_depth = Some(s.depth);
            if follows.iter().any(|n| is_statement(&n.text)) {
                continue;
            }
        }
        found.push((roles, s.text.clone(), kind));
    }

    found
        .into_iter()
        .enumerate()
        .map(|(n, (roles, text, kind))| Obligation { id: format!("{}#{}", clause.id, n + 1), clause_id: clause.id.clone(), roles, text, kind })
        .collect()
}

#[cfg(test)]
pub(crate) mod dump {
    /// The bundled packs, or with TEBIKI_CHECK_DIR=path/to/packs the pack folders there.
    pub(crate) fn packs() -> Vec<crate::pack::files::PackFiles> {
        match std::env::var("TEBIKI_CHECK_DIR") {
            Ok(dir) => std::fs::read_dir(&dir)
                .unwrap()
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_dir())
                .map(|e| crate::pack::files::PackFiles::from_path(&e.path()).unwrap())
                .collect(),
            Err(_) => crate::pack::library::bundled_files(),
        }
    }

    /// `cargo test -p tebiki-core --lib dump_obligations -- --ignored --nocapture`:
    /// every obligation of the bundled packs, for checking by hand.
    #[test]
    #[ignore]
    fn dump_obligations() {
        for mut files in packs() {
            files.files.retain(|p, _| !p.starts_with("selfcheck/"));
            let out = crate::pack::load(&files, crate::pack::PackOrigin::Bundled);
            let Some(pack) = out.pack else {
                println!("{}: does not load: {:#?}", files.folder, out.problems);
                continue;
            };
            for o in super::extract(&pack) {
                println!("{}\t{}\t{:?}\t{}", o.id, o.roles.join(","), o.kind, o.text);
            }
        }
    }
}

#[cfg(test)]
mod tests;
