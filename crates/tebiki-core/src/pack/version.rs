//! Pack versions: "5.5", "5.10", "2025-02-21", "1". Compared number by number,
//! so 5.10 is newer than 5.9 and dates compare as dates.

use std::cmp::Ordering;

fn parts(v: &str) -> Vec<u64> {
    v.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).map(|p| p.parse().unwrap_or(u64::MAX)).collect()
}

pub fn compare(a: &str, b: &str) -> Ordering {
    let (pa, pb) = (parts(a), parts(b));
    for i in 0..pa.len().max(pb.len()) {
        match pa.get(i).unwrap_or(&0).cmp(pb.get(i).unwrap_or(&0)) {
            Ordering::Equal => continue,
            other => return other,
        }
    }
    a.cmp(b)
}

/// A version must contain at least one number.
pub fn is_valid(v: &str) -> bool {
    !parts(v).is_empty() && v.len() <= 40
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_parts() {
        assert_eq!(compare("5.10", "5.9"), Ordering::Greater);
        assert_eq!(compare("2025-02-21", "2024-12-31"), Ordering::Greater);
        assert_eq!(compare("5.5", "5.5"), Ordering::Equal);
        assert!(!is_valid("draft"));
    }
}
