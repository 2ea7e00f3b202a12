//! Marks the hits of a query in rendered clause HTML, so that a clause opened
//! from the search results shows where the words are. Works on the text
//! between tags only, with the same normalisation as the index.

use crate::normalize::normalize;
use crate::query::parse;

/// `html` with every hit of `query` wrapped in `<mark class="hit">`.
pub fn mark_html(html: &str, query: &str) -> String {
    let terms = parse(query).terms;
    if terms.is_empty() {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(0) => {
                let end = rest.find('>').map(|e| e + 1).unwrap_or(rest.len());
                out.push_str(&rest[..end]);
                rest = &rest[end..];
            }
            Some(n) => {
                mark_text(&rest[..n], &terms, &mut out);
                rest = &rest[n..];
            }
            None => {
                mark_text(rest, &terms, &mut out);
                rest = "";
            }
        }
    }
    out
}

fn mark_text(text: &str, terms: &[String], out: &mut String) {
    let norm = normalize(text);
    let mut ranges: Vec<(usize, usize)> = terms
        .iter()
        .flat_map(|t| norm.text.match_indices(t.as_str()).map(|(s, m)| norm.original_range(s, s + m.len())).collect::<Vec<_>>())
        // Never cut through an entity such as &amp;.
        .filter(|&(s, e)| !text[s..e].contains('&') && !inside_entity(text, s))
        .collect();
    ranges.sort_unstable();
    let mut pos = 0;
    for (s, e) in ranges {
        if s < pos {
            continue;
        }
        out.push_str(&text[pos..s]);
        out.push_str(r#"<mark class="hit">"#);
        out.push_str(&text[s..e]);
        out.push_str("</mark>");
        pos = e;
    }
    out.push_str(&text[pos..]);
}

/// Whether byte offset `at` falls between a `&` and its `;`.
fn inside_entity(text: &str, at: usize) -> bool {
    let before = &text[..at];
    match (before.rfind('&'), before.rfind(';')) {
        (Some(amp), Some(semi)) => amp > semi,
        (Some(_), None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_hits_between_tags_only() {
        let html = r#"<p class="研修">職員の研修と<span class="gloss">研修</span>。</p>"#;
        let marked = mark_html(html, "研修");
        assert_eq!(marked, r#"<p class="研修">職員の<mark class="hit">研修</mark>と<span class="gloss"><mark class="hit">研修</mark></span>。</p>"#);
    }

    #[test]
    fn marks_variants_and_full_width() {
        assert_eq!(mark_html("<p>情報の漏洩</p>", "漏えい"), r#"<p>情報の<mark class="hit">漏洩</mark></p>"#);
        assert_eq!(mark_html("<p>ＵＳＢメモリ</p>", "usb"), r#"<p><mark class="hit">ＵＳＢ</mark>メモリ</p>"#);
    }

    #[test]
    fn leaves_entities_whole() {
        assert_eq!(mark_html("<p>a &amp; b</p>", "amp"), "<p>a &amp; b</p>");
        assert_eq!(mark_html("<p>x</p>", "   "), "<p>x</p>");
    }
}
