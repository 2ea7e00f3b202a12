//! A query that names a clause by its number (7.2.2, 第62条, 第2章).

use tebiki_core::numerals::parse_number;

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
    use unicode_normalization::UnicodeNormalization;

    fn ids(q: &str) -> Vec<String> {
        clause_ids(&q.nfkc().collect::<String>())
    }

    #[test]
    fn clause_numbers() {
        assert_eq!(ids("7.2.2"), ["7.2.2", "7-2-2"]);
        assert_eq!(ids("7-2"), ["7-2", "7.2"]);
        assert_eq!(ids("第62"), ["62"]);
        assert_eq!(ids("第六十二"), ["62"]);
        assert_eq!(ids("第６２条"), ["62"]);
        assert_eq!(ids("第2章"), ["ch2"]);
        assert!(ids("研修").is_empty());
        assert!(ids("7..2").is_empty());
    }
}
