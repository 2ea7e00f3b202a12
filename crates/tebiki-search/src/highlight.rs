//! Marks the hits of a query in rendered clause HTML, so that a clause opened
//! from the search results shows where the words are. Works on the text
//! between tags only, with the same normalisation as the index.

use crate::lexicon::Lexicon;
use crate::normalize::normalize;
use crate::understand::understand;
use std::sync::OnceLock;

/// `html` with every hit of `query` wrapped in `<mark class="hit">`: the
/// words as typed and the policy words the bundled everyday-words table
/// gives for them. (`SearchIndex::highlight_terms` also knows the packs'
/// own tables; pass its terms to [`mark_html_terms`].)
pub fn mark_html(html: &str, query: &str) -> String {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    let lex = LEXICON.get_or_init(|| Lexicon::build(&[]));
    // Without the index it is unknown whether a run is one word: mark both
    // the runs and their pieces.
    let mut terms: Vec<String> = Vec::new();
    for whole in [true, false] {
        let u = understand(query, lex, &mut |_| whole);
        for c in u.concepts {
            terms.push(c.literal);
            terms.extend(c.mapped.iter().flat_map(|&m| lex.entries[m].policy.iter().map(|(n, _)| n.clone())));
        }
    }
    terms.sort();
    terms.dedup();
    mark_html_terms(html, &terms)
}

/// `html` with every occurrence of the normalised `terms` marked.
pub fn mark_html_terms(html: &str, terms: &[String]) -> String {
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
                mark_text(&rest[..n], terms, &mut out);
                rest = &rest[n..];
            }
            None => {
                mark_text(rest, terms, &mut out);
                rest = "";
            }
        }
    }
    out
}

fn mark_text(text: &str, terms: &[String], out: &mut String) {
    let norm = normalize(text);
    let ranges: Vec<(usize, usize)> = terms
        .iter()
        .flat_map(|t| norm.text.match_indices(t.as_str()).map(|(s, m)| norm.original_range(s, s + m.len())).collect::<Vec<_>>())
        // Never cut through an entity such as &amp;.
        .filter(|&(s, e)| !text[s..e].contains('&') && !inside_entity(text, s))
        .collect();
    let merged = merge_overlapping(ranges);
    let mut pos = 0;
    for (s, e) in merged {
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

/// Byte ranges sorted, overlapping ones (端末, モバイル端末) joined into one.
pub(crate) fn merge_overlapping(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.0 <= last.1 => last.1 = last.1.max(r.1),
            _ => merged.push(r),
        }
    }
    merged
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
