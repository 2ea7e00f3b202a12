//! The document's own outline: which numbered lines are clauses (headings),
//! which are 項 and 号 inside a clause, and where one document ends and the
//! next begins.

use crate::lines::Line;
use crate::mark::{classify, Mark};
use crate::report::UnplacedLine;
use serde::Serialize;
use std::collections::HashSet;
use tebiki_core::message::Message;
use ts_rs::TS;

/// How the document numbers its clauses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
#[ts(rename = "DraftScheme")]
#[serde(rename_all = "camelCase")]
pub enum Scheme {
    /// 例規: 第N章 / 第N節 / (見出し) 第N条, 項 2, 3, 号 (1) 一 ア.
    Articles,
    /// 第1 / 第2 … (要綱・基準), optionally under 章 and 節.
    Dai,
    /// The 総務省 guideline: 1 / 1.1 / 1.1.1 (or 6-1), items (1) ア (ア).
    Outline,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Para {
        text: String,
    },
    /// A list item: nesting depth, the marker and the text after it.
    Item {
        depth: usize,
        marker: String,
        text: String,
    },
    /// A paragraph that belongs to the item before it (a term's definition).
    Continuation {
        depth: usize,
        text: String,
    },
}

#[derive(Debug, Clone)]
pub struct DraftClause {
    pub local_id: String,
    /// The number as the document writes it (spaces inside removed).
    pub number: String,
    pub title: String,
    pub level: u8,
    pub line: usize,
    pub blocks: Vec<(usize, Block)>,
    pub kind: ClauseKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    Chapter,
    Section,
    Clause,
    Special,
}

impl DraftClause {
    pub fn heading(&self) -> String {
        match (self.number.is_empty(), self.title.is_empty()) {
            (true, _) => self.title.clone(),
            (false, true) => self.number.clone(),
            (false, false) => format!("{} {}", self.number, self.title),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct DraftDoc {
    pub title: String,
    /// Lines of the title block / text before the first clause.
    pub preamble: Vec<(usize, String)>,
    pub clauses: Vec<DraftClause>,
}

#[derive(Debug, Default)]
pub struct Outline {
    pub title: String,
    pub docs: Vec<DraftDoc>,
    pub unplaced: Vec<UnplacedLine>,
}

pub fn scheme_of(lines: &[Line]) -> Scheme {
    let (mut articles, mut dai) = (0, 0);
    for l in lines {
        match classify(&l.text).map(|m| m.mark) {
            Some(Mark::Article(..)) => articles += 1,
            Some(Mark::Dai(_)) => dai += 1,
            _ => {}
        }
    }
    if articles >= 2 {
        Scheme::Articles
    } else if dai >= 2 {
        Scheme::Dai
    } else {
        Scheme::Outline
    }
}

/// A heading's title: short and not a sentence.
fn title_like(rest: &str) -> bool {
    !rest.is_empty() && rest.chars().count() <= 80 && !rest.ends_with(['。', '．'])
}

/// Item markers that nest: each kind is one level, in the order first met.
fn item_kind(mark: &Mark) -> Option<u8> {
    match mark {
        Mark::Kanji(_) => Some(0),
        Mark::Paren(_) => Some(1),
        Mark::Circled(_) => Some(2),
        Mark::Kana(_) => Some(3),
        Mark::ParenKana(_) => Some(4),
        _ => None,
    }
}

struct Builder {
    scheme: Scheme,
    out: Outline,
    doc: DraftDoc,
    chapter: Option<u32>,
    in_section: bool,
    /// Current outline number (Outline scheme).
    path: Vec<u32>,
    last_article: Option<(u32, u32)>,
    last_dai: Option<u32>,
    last_chapter: Option<u32>,
    ids: HashSet<String>,
    items: Vec<u8>,
    /// The last item's text was a short title (a term): a plain line after it continues it.
    item_titled: bool,
    caption: Option<(usize, String)>,
}

pub fn build(lines: &[Line], scheme: Scheme) -> Outline {
    let mut b = Builder {
        scheme,
        out: Outline::default(),
        doc: DraftDoc::default(),
        chapter: None,
        in_section: false,
        path: Vec::new(),
        last_article: None,
        last_dai: None,
        last_chapter: None,
        ids: HashSet::new(),
        items: Vec::new(),
        item_titled: false,
        caption: None,
    };
    for (i, l) in lines.iter().enumerate() {
        if i == 0 {
            let title = l.text.trim_start_matches(['○', '◯', '●']).trim().to_owned();
            b.out.title = title.clone();
            b.doc.title = title;
            continue;
        }
        b.line(l, lines.get(i + 1));
    }
    b.flush_caption();
    b.out.docs.push(b.doc);
    b.out
}

impl Builder {
    fn level_under(&self) -> u8 {
        2 + self.chapter.is_some() as u8 + self.in_section as u8
    }

    fn push_clause(&mut self, mut c: DraftClause, line: usize) {
        if !self.ids.insert(c.local_id.clone()) {
            let base = c.local_id.clone();
            let mut n = 2;
            while !self.ids.insert(format!("{base}-{n}")) {
                n += 1;
            }
            c.local_id = format!("{base}-{n}");
            self.out.unplaced.push(UnplacedLine::new(line, &c.heading(), Message::new("draft-unplaced-duplicate-number").arg("id", &c.local_id)));
        }
        self.items.clear();
        self.item_titled = false;
        self.doc.clauses.push(c);
    }

    fn body(&mut self, line: usize, block: Block) {
        match self.doc.clauses.last_mut() {
            Some(c) => c.blocks.push((line, block)),
            None => {
                let text = match block {
                    Block::Para { text } | Block::Continuation { text, .. } => text,
                    Block::Item { marker, text, .. } => format!("{marker} {text}").trim().to_owned(),
                };
                self.doc.preamble.push((line, text));
            }
        }
    }

    /// A caption that no 条 followed stays as text.
    fn flush_caption(&mut self) {
        if let Some((line, text)) = self.caption.take() {
            self.body(line, Block::Para { text });
        }
    }

    /// A new document starts at the chapter just opened (numbering restarted).
    fn split_at_last_chapter(&mut self) {
        let Some(pos) = self.doc.clauses.iter().rposition(|c| c.kind == ClauseKind::Chapter) else {
            return;
        };
        if pos == 0 && self.doc.preamble.is_empty() {
            return;
        }
        let moved: Vec<DraftClause> = self.doc.clauses.drain(pos..).collect();
        let title = moved[0].title.clone();
        let old = std::mem::replace(&mut self.doc, DraftDoc { title, preamble: Vec::new(), clauses: moved });
        self.out.docs.push(old);
        self.ids = self.doc.clauses.iter().map(|c| c.local_id.clone()).collect();
    }

    fn line(&mut self, l: &Line, next: Option<&Line>) {
        let text = l.text.as_str();
        let Some(m) = classify(text) else {
            self.flush_caption();
            let depth = self.items.len();
            if depth > 0 && self.item_titled {
                self.body(l.line, Block::Continuation { depth: depth - 1, text: text.to_owned() });
                self.item_titled = false;
            } else {
                self.items.clear();
                self.body(l.line, Block::Para { text: text.to_owned() });
            }
            return;
        };
        let number: String = m.number.chars().filter(|c| !c.is_whitespace()).collect();
        let rest = m.rest.to_owned();
        match m.mark {
            Mark::Toc => self.body(l.line, Block::Para { text: text.to_owned() }),
            Mark::Caption => {
                self.flush_caption();
                let next_is_article = next.and_then(|n| classify(&n.text)).is_some_and(|n| matches!(n.mark, Mark::Article(..)));
                if self.scheme == Scheme::Articles && next_is_article {
                    self.caption = Some((l.line, text.to_owned()));
                } else {
                    self.items.clear();
                    self.body(l.line, Block::Para { text: text.to_owned() });
                }
            }
            Mark::Chapter(n) => {
                self.flush_caption();
                if self.last_chapter.is_some_and(|c| n <= c) {
                    self.out.unplaced.push(UnplacedLine::new(l.line, text, Message::new("draft-unplaced-out-of-sequence")));
                    self.body(l.line, Block::Para { text: text.to_owned() });
                    return;
                }
                self.last_chapter = Some(n);
                self.chapter = Some(n);
                self.in_section = false;
                let c = DraftClause { local_id: format!("ch{n}"), number, title: rest, level: 2, line: l.line, blocks: vec![], kind: ClauseKind::Chapter };
                self.push_clause(c, l.line);
            }
            Mark::Section(n) => {
                self.flush_caption();
                self.in_section = true;
                let id = match self.chapter {
                    Some(c) => format!("ch{c}-s{n}"),
                    None => format!("s{n}"),
                };
                let level = 2 + self.chapter.is_some() as u8;
                let c = DraftClause { local_id: id, number, title: rest, level, line: l.line, blocks: vec![], kind: ClauseKind::Section };
                self.push_clause(c, l.line);
            }
            Mark::Special(slug) => {
                self.flush_caption();
                self.chapter = None;
                self.in_section = false;
                let c = DraftClause {
                    local_id: slug.to_owned(),
                    number: String::new(),
                    title: text.to_owned(),
                    level: 2,
                    line: l.line,
                    blocks: vec![],
                    kind: ClauseKind::Special,
                };
                self.push_clause(c, l.line);
            }
            Mark::Article(n, sub) if self.scheme == Scheme::Articles => {
                let key = (n, sub.unwrap_or(0));
                if self.last_article.is_some_and(|last| key <= last) {
                    self.flush_caption();
                    self.out.unplaced.push(UnplacedLine::new(l.line, text, Message::new("draft-unplaced-out-of-sequence")));
                    self.body(l.line, Block::Para { text: text.to_owned() });
                    return;
                }
                self.last_article = Some(key);
                let caption = self.caption.take().map(|(_, c)| c).unwrap_or_default();
                let id = match sub {
                    Some(s) => format!("{n}-{s}"),
                    None => n.to_string(),
                };
                let c = DraftClause { local_id: id, number, title: caption, level: self.level_under(), line: l.line, blocks: vec![], kind: ClauseKind::Clause };
                self.push_clause(c, l.line);
                if !rest.is_empty() {
                    self.body(l.line, Block::Para { text: rest });
                }
            }
            Mark::Dai(n) if self.scheme == Scheme::Dai => {
                self.flush_caption();
                if self.last_dai.is_some_and(|last| n <= last) {
                    self.out.unplaced.push(UnplacedLine::new(l.line, text, Message::new("draft-unplaced-out-of-sequence")));
                    self.body(l.line, Block::Para { text: text.to_owned() });
                    return;
                }
                self.last_dai = Some(n);
                let (title, body) = if title_like(&rest) { (rest, None) } else { (String::new(), Some(rest)) };
                let c =
                    DraftClause { local_id: n.to_string(), number, title, level: self.level_under(), line: l.line, blocks: vec![], kind: ClauseKind::Clause };
                self.push_clause(c, l.line);
                if let Some(b) = body.filter(|b| !b.is_empty()) {
                    self.body(l.line, Block::Para { text: b });
                }
            }
            Mark::Dotted(parts, hyphen) if self.scheme == Scheme::Outline && title_like(&rest) => {
                self.flush_caption();
                if !self.outline_accepts(&parts) {
                    if parts.len() > 1 || rest.chars().count() <= 30 {
                        self.out.unplaced.push(UnplacedLine::new(l.line, text, Message::new("draft-unplaced-out-of-sequence")));
                    }
                    self.items.clear();
                    self.body(l.line, Block::Para { text: text.to_owned() });
                    return;
                }
                let id = parts.iter().map(u32::to_string).collect::<Vec<_>>().join(if hyphen { "-" } else { "." });
                if self.ids.contains(&id) && parts == [1] {
                    self.split_at_last_chapter();
                }
                self.path = parts.clone();
                let level = (self.level_under() as usize + parts.len() - 1).min(6) as u8;
                let c = DraftClause { local_id: id, number, title: rest, level, line: l.line, blocks: vec![], kind: ClauseKind::Clause };
                self.push_clause(c, l.line);
            }
            Mark::Dotted(..) | Mark::Article(..) | Mark::Dai(..) => {
                // 項 (「2 …」) and numbered paragraphs: the text as written.
                self.flush_caption();
                self.items.clear();
                self.body(l.line, Block::Para { text: text.to_owned() });
            }
            ref item => {
                self.flush_caption();
                let kind = item_kind(item).expect("the remaining marks are items");
                match self.items.iter().position(|k| *k == kind) {
                    Some(p) => self.items.truncate(p + 1),
                    None => self.items.push(kind),
                }
                self.item_titled = !rest.is_empty() && rest.chars().count() <= 30 && !rest.contains(['。', ' ', '\u{3000}']);
                let depth = self.items.len() - 1;
                self.body(l.line, Block::Item { depth, marker: m.number.to_owned(), text: rest });
            }
        }
    }

    /// Does `parts` follow the current outline number (next sibling, first
    /// child, or the next number of an enclosing level)? After a chapter the
    /// numbering may also restart at 1.
    fn outline_accepts(&self, parts: &[u32]) -> bool {
        let k = parts.len();
        if self.path.is_empty() {
            return k == 1 || parts.iter().all(|p| *p == 1);
        }
        if parts == [1] && self.doc.clauses.last().is_some_and(|c| c.kind == ClauseKind::Chapter) {
            return true;
        }
        if k == self.path.len() + 1 {
            return parts[..k - 1] == self.path[..] && parts[k - 1] == 1;
        }
        if k <= self.path.len() {
            return parts[..k - 1] == self.path[..k - 1] && parts[k - 1] == self.path[k - 1] + 1;
        }
        false
    }
}
