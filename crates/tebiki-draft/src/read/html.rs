//! 例規集 pages: the text of the page body, one line per block element.
//! Tables become lines of cells separated by a space; scripts, styles and the
//! page's navigation chrome (<nav>, <header>, <footer>) are left out.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use std::cell::{Cell, RefCell};

/// Elements that end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dt",
    "dd",
    "table",
    "ul",
    "ol",
    "dl",
    "section",
    "article",
    "blockquote",
    "pre",
    "hr",
    "title",
    "caption",
    "body",
];
/// Elements whose content is not policy text.
const SKIPPED: &[&str] = &["script", "style", "nav", "header", "footer", "noscript", "template", "head"];

#[derive(Default)]
struct Sink {
    out: RefCell<String>,
    /// Depth inside skipped elements.
    skip: Cell<usize>,
    /// A cell was just closed: the next cell's text is set apart by a space.
    after_cell: Cell<bool>,
}

impl Sink {
    fn newline(&self) {
        let mut out = self.out.borrow_mut();
        if !out.ends_with('\n') && !out.is_empty() {
            out.push('\n');
        }
        self.after_cell.set(false);
    }

    fn tag(&self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let start = tag.kind == TagKind::StartTag;
        // A page that never closes <head> still has its body read.
        if start && name == "body" {
            self.skip.set(0);
        }
        if SKIPPED.contains(&name) {
            if start && !tag.self_closing {
                self.skip.set(self.skip.get() + 1);
                return match name {
                    "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                    "style" | "noscript" => TokenSinkResult::RawData(RawKind::Rawtext),
                    _ => TokenSinkResult::Continue,
                };
            } else if !start {
                self.skip.set(self.skip.get().saturating_sub(1));
            }
            return TokenSinkResult::Continue;
        }
        if BLOCKS.contains(&name) {
            self.newline();
        } else if matches!(name, "td" | "th") && !start {
            self.after_cell.set(true);
        }
        TokenSinkResult::Continue
    }

    fn text(&self, t: &str) {
        if self.skip.get() > 0 {
            return;
        }
        let mut out = self.out.borrow_mut();
        if self.after_cell.replace(false) && !out.ends_with('\n') && !t.trim().is_empty() {
            out.push(' ');
        }
        // Source line breaks inside a block are layout, not text.
        for c in t.chars() {
            match c {
                '\n' | '\r' | '\t' => {
                    if !out.ends_with(' ') && !out.ends_with('\n') && !out.is_empty() {
                        out.push(' ');
                    }
                }
                _ => out.push(c),
            }
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => return self.tag(&tag),
            Token::CharacterTokens(t) => self.text(&t),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The page's text, one block per line.
pub fn to_text(html: &str) -> String {
    let tokenizer = Tokenizer::new(Sink::default(), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let out = tokenizer.sink.out.take();
    out.lines().map(str::trim).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines_and_chrome_is_dropped() {
        let html = "<html><head><title>x</title><style>p{}</style></head><body><nav>メニュー</nav>\
            <div class=\"title\">○テスト市情報セキュリティ規程</div><p>（目的）</p><p>第1条　この規程は、<span>情報</span>を守る。</p>\
            <script>var a = '<p>no</p>';</script><table><tr><td>第1条</td><td>目的&amp;範囲</td></tr></table></body></html>";
        let t = to_text(html);
        let lines: Vec<_> = t.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, ["○テスト市情報セキュリティ規程", "（目的）", "第1条　この規程は、情報を守る。", "第1条 目的&範囲"], "{t}");
    }
}
