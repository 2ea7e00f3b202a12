//! What the user typed: terms (ANDed), "quoted phrases", or a clause number.

use crate::normalize::normalize_term;
use tebiki_core::numerals::parse_number;
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedQuery {
    /// Normalised terms, all of which must occur.
    pub terms: Vec<String>,
    /// The terms as typed, for suggestions.
    pub raw_terms: Vec<String>,
    /// Local clause ids the query names, when it is a clause number.
    pub clause_ids: Vec<String>,
}

pub fn parse(query: &str) -> ParsedQuery {
    let q: String = query.nfkc().collect();
    let mut raw_terms = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in q.chars() {
        match c {
            '"' | '“' | '”' => {
                if !current.trim().is_empty() {
                    raw_terms.push(current.trim().to_owned());
                }
                current.clear();
                quoted = !quoted;
            }
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    raw_terms.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.trim().is_empty() {
        raw_terms.push(current.trim().to_owned());
    }
    let mut terms: Vec<String> = Vec::new();
    for t in &raw_terms {
        let n = normalize_term(t);
        if !n.is_empty() && !terms.contains(&n) {
            terms.push(n);
        }
    }
    ParsedQuery { clause_ids: clause_ids(q.trim()), terms, raw_terms }
}

/// `7.2.2`, `7-2`, `3.`, `第62`, `第六十二`, `第62条`, `第2章` → local ids to look for.
pub fn clause_ids(q: &str) -> Vec<String> {
    let q = q.trim_end_matches('.');
    if !q.is_empty() && q.chars().next().is_some_and(|c| c.is_ascii_digit()) && q.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-') {
        let parts: Vec<&str> = q.split(['.', '-']).collect();
        if parts.iter().any(|p| p.is_empty()) {
            return Vec::new();
        }
        let mut ids: Vec<String> = Vec::new();
        for id in [q.to_owned(), parts.join("."), parts.join("-")] {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        return ids;
    }
    if let Some(rest) = q.strip_prefix('第') {
        if let Some(n) = rest.strip_suffix('章').and_then(parse_number) {
            return vec![format!("ch{n}")];
        }
        let n = rest.strip_suffix('条').unwrap_or(rest);
        if let Some(n) = parse_number(n) {
            return vec![n.to_string()];
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_and_phrases() {
        let p = parse("研修  監査");
        assert_eq!(p.terms, ["研修", "監査"]);
        let p = parse("\"情報 資産\" ＵＳＢ");
        assert_eq!(p.terms, ["情報資産", "usb"]);
        assert!(parse("   ").terms.is_empty());
    }

    #[test]
    fn clause_numbers() {
        assert_eq!(parse("7.2.2").clause_ids, ["7.2.2", "7-2-2"]);
        assert_eq!(parse("7-2").clause_ids, ["7-2", "7.2"]);
        assert_eq!(parse("第62").clause_ids, ["62"]);
        assert_eq!(parse("第六十二").clause_ids, ["62"]);
        assert_eq!(parse("第６２条").clause_ids, ["62"]);
        assert_eq!(parse("第2章").clause_ids, ["ch2"]);
        assert!(parse("研修").clause_ids.is_empty());
        assert!(parse("7..2").clause_ids.is_empty());
    }
}
