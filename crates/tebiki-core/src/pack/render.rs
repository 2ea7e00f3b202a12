//! Clause text → HTML for the reader. Markdown is rendered with pulldown-cmark
//! and then sanitised with ammonia: raw HTML in a pack is shown as text, links
//! other than clause links are dropped, images never load, and only a short
//! list of tags and attributes reaches the webview.

use super::markdown::options;
use super::{ClauseRef, Pack};
use aho_corasick::{AhoCorasick, MatchKind};
use pulldown_cmark::{html, CowStr, Event, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Finds glossary terms in text; the longest term wins (情報資産 over 情報).
pub struct GlossaryMatcher {
    ac: Option<AhoCorasick>,
}

impl GlossaryMatcher {
    pub fn new(pack: &Pack) -> Self {
        let terms: Vec<&str> = pack.glossary.iter().map(|t| t.term.as_str()).collect();
        let ac = (!terms.is_empty()).then(|| AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&terms).ok()).flatten();
        GlossaryMatcher { ac }
    }
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static B: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    B.get_or_init(|| {
        let mut b = ammonia::Builder::empty();
        b.add_tags([
            "p",
            "br",
            "ul",
            "ol",
            "li",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "strong",
            "em",
            "del",
            "blockquote",
            "code",
            "pre",
            "hr",
            "sup",
            "a",
            "span",
            "div",
            "section",
        ])
        .add_tag_attributes("a", ["href", "data-clause"])
        .add_tag_attributes("span", ["class", "tabindex", "data-term"])
        .add_tag_attributes("sup", ["class"])
        .add_tag_attributes("div", ["class", "id"])
        .add_tag_attributes("section", ["class", "data-clause"])
        .add_tag_attributes("ol", ["start"])
        .url_schemes(["tebiki"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None);
        for h in ["h2", "h3", "h4", "h5", "h6"] {
            b.add_tag_attributes(h, ["id", "data-clause", "class"]);
        }
        b
    })
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    html::push_html(&mut out, std::iter::once(Event::Text(CowStr::Borrowed(s))));
    out
}

/// The anchor of a clause heading in rendered HTML.
pub fn anchor(local_id: &str) -> String {
    format!("c-{local_id}")
}

/// Renders Markdown of one document of `pack`. `used` holds the glossary
/// terms already marked in this view: only the first occurrence is marked.
pub fn render_markdown(md: &str, pack: &Pack, doc_id: &str, glossary: &GlossaryMatcher, used: &mut HashSet<usize>) -> String {
    let mut events: Vec<Event> = Vec::new();
    let mut link_depth = 0usize;
    let mut dropped_links: Vec<bool> = Vec::new();
    for event in Parser::new_ext(md, options()) {
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) => events.push(Event::Text(raw)),
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest = if let Some(local) = dest_url.strip_prefix('#') {
                    Some(format!("tebiki:{}/{}/{}", pack.id, doc_id, local))
                } else if dest_url.starts_with("tebiki:") {
                    Some(dest_url.to_string())
                } else {
                    None
                };
                dropped_links.push(dest.is_none());
                if let Some(dest) = dest {
                    link_depth += 1;
                    events.push(Event::Start(Tag::Link { link_type, dest_url: dest.into(), title, id }));
                }
            }
            Event::End(TagEnd::Link) => {
                if dropped_links.pop() == Some(false) {
                    link_depth -= 1;
                    events.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {}
            Event::Text(text) if link_depth == 0 && glossary.ac.is_some() => {
                mark_terms(&text, pack, glossary, used, &mut events);
            }
            other => events.push(other),
        }
    }
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter());
    out
}

fn mark_terms<'a>(text: &str, pack: &Pack, glossary: &GlossaryMatcher, used: &mut HashSet<usize>, events: &mut Vec<Event<'a>>) {
    let ac = glossary.ac.as_ref().expect("checked by caller");
    let mut last = 0;
    for m in ac.find_iter(text) {
        let idx = m.pattern().as_usize();
        if used.contains(&idx) {
            continue;
        }
        used.insert(idx);
        if m.start() > last {
            events.push(Event::Text(text[last..m.start()].to_owned().into()));
        }
        let term = &pack.glossary[idx];
        events.push(Event::InlineHtml(format!(r#"<span class="gloss" tabindex="0" data-term="{idx}">{}</span>"#, escape(&term.term)).into()));
        last = m.end();
    }
    if last < text.len() {
        events.push(Event::Text(text[last..].to_owned().into()));
    }
}

/// A clause with everything nested under it, as sanitised HTML. Headings get
/// `id="c-<local>"` so the reader can scroll to them.
pub fn render_clause(clause: ClauseRef<'_>) -> String {
    let pack = clause.pack;
    let doc = clause.document();
    let glossary = GlossaryMatcher::new(pack);
    let mut used = HashSet::new();
    let clauses = clause.with_descendants();
    let base = clauses[0].level;
    let mut html = String::new();
    for c in clauses {
        let h = (2 + c.level.saturating_sub(base)).min(6);
        let number = c.number.as_deref().map(|n| format!(r#"<span class="clause-number">{}</span> "#, escape(n))).unwrap_or_default();
        html.push_str(&format!(
            r#"<section class="clause" data-clause="{id}"><h{h} id="{anchor}" data-clause="{id}">{number}{title}</h{h}>"#,
            id = escape(&c.id),
            anchor = escape(&anchor(&c.local_id)),
            title = escape(&c.title),
        ));
        html.push_str(&render_markdown(&c.body, pack, &doc.id, &glossary, &mut used));
        html.push_str("</section>");
    }
    sanitizer().clean(&html).to_string()
}

/// A document's preamble (text before its first clause), sanitised.
pub fn render_preamble(pack: &Pack, doc_index: usize) -> String {
    let doc = &pack.documents[doc_index];
    let mut used = HashSet::new();
    let html = render_markdown(&doc.preamble, pack, &doc.id, &GlossaryMatcher { ac: None }, &mut used);
    sanitizer().clean(&html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::files::PackFiles;
    use crate::pack::{load, PackOrigin};

    fn pack_with(body: &str) -> Pack {
        let mut files = std::collections::BTreeMap::new();
        files.insert(
            "pack.toml".to_owned(),
            r#"format = 1
id = "t"
version = "1"
title = "T"
[organization]
name = "T市"
kind = "市"
[[documents]]
id = "d"
kind = "対策基準"
title = "T"
file = "d.md"
body = "full"
"#
            .as_bytes()
            .to_vec(),
        );
        files.insert("d.md".to_owned(), format!("# T\n\n## 1 目的 {{#1}}\n\n{body}\n\n## 2 範囲 {{#2}}\n\n情報資産と情報資産。\n").into_bytes());
        files.insert(
            "glossary.toml".to_owned(),
            "[[term]]\nterm = \"情報資産\"\ndefinition = \"情報資産と情報資産。\"\nclause = \"t/d/2\"\n".as_bytes().to_vec(),
        );
        let mut out = load(&PackFiles { folder: "t".into(), files }, PackOrigin::Imported);
        // Hostile bodies are load errors by design; render what we can anyway.
        out.pack.take().unwrap_or_else(|| panic!("{:?}", out.problems))
    }

    fn render_body(body: &str) -> String {
        // Build the pack from a harmless body, then render the hostile one.
        let pack = pack_with("本文。");
        let mut used = HashSet::new();
        let html = render_markdown(body, &pack, "d", &GlossaryMatcher::new(&pack), &mut used);
        sanitizer().clean(&html).to_string()
    }

    #[test]
    fn hostile_markdown_never_reaches_the_webview() {
        let cases = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[web](https://example.com/)",
            "![tracker](https://example.com/t.png)",
            "<a href=\"javascript:alert(1)\" onclick=\"x()\">a</a>",
            "<iframe src=\"https://example.com\"></iframe>",
            "<div style=\"background:url(https://example.com)\">x</div>",
        ];
        for md in cases {
            let html = render_body(md).to_lowercase();
            // Every tag that reaches the webview, e.g. `<a href="...">`.
            let tags: Vec<&str> = html.split('<').skip(1).map(|t| t.split('>').next().unwrap_or("")).collect();
            for tag in tags {
                let name = tag.split_whitespace().next().unwrap_or("");
                assert!(["p", "/p", "a", "/a", "div", "/div"].contains(&name), "{md:?}: tag <{tag}>");
                for bad in ["javascript:", "on", "src=", "style=", "href=\"http"] {
                    let attrs = tag.split_whitespace().skip(1).collect::<Vec<_>>();
                    assert!(!attrs.iter().any(|a| a.starts_with(bad)), "{md:?}: tag <{tag}>");
                }
            }
            assert!(!html.contains("javascript:alert") || html.contains("&lt;"), "{md:?}: {html}");
        }
        // Raw HTML is shown as text, not dropped silently.
        assert!(render_body("<b>x</b>").contains("&lt;b&gt;"));
    }

    #[test]
    fn clause_links_become_tebiki_links() {
        let html = render_body("[7.2.2](#7.2.2) と [別](tebiki:kobe/taisaku/1)");
        assert!(html.contains(r#"href="tebiki:t/d/7.2.2""#), "{html}");
        assert!(html.contains(r#"href="tebiki:kobe/taisaku/1""#), "{html}");
    }

    #[test]
    fn glossary_terms_are_marked_once() {
        let pack = pack_with("本文。");
        let html = render_clause(pack.clause("t/d/2").unwrap());
        assert_eq!(html.matches(r#"class="gloss""#).count(), 1, "{html}");
        assert!(html.contains(r#"id="c-2""#));
    }
}
