//! Dates as people write them, read into ISO dates.

use chrono::NaiveDate;

/// Dates as people type them: 2025/4/1, 2025-04-01, 2025.4.1, 20250401,
/// 2025年4月1日, 令和7年4月1日, R7.4.1, H31.4.1, and Excel's serial numbers.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let t: String = crate::numerals::ascii_digits(s.trim()).chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return None;
    }
    if let Some(d) = crate::calendar::wareki::parse(&t) {
        return Some(d);
    }
    let western = t.replace(['年', '月', '/', '／', '.', '．', '－'], "-").trim_end_matches('日').to_owned();
    let parts: Vec<&str> = western.split('-').collect();
    if parts.len() == 3 {
        let (y, m, d) = (parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?);
        if (1900..=2200).contains(&y) {
            return NaiveDate::from_ymd_opt(y, m, d);
        }
        return None;
    }
    if t.len() == 8 && t.chars().all(|c| c.is_ascii_digit()) {
        return NaiveDate::parse_from_str(&t, "%Y%m%d").ok();
    }
    // Excel serial date (1900 system): a cell formatted as a number.
    if (5..=6).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit()) {
        let n: i64 = t.parse().ok()?;
        return NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(chrono::Duration::days(n));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_date_form() {
        for (s, want) in [
            ("2025/4/1", d(2025, 4, 1)),
            ("2025-04-01", d(2025, 4, 1)),
            ("2025.4.1", d(2025, 4, 1)),
            ("20250401", d(2025, 4, 1)),
            ("2025年4月1日", d(2025, 4, 1)),
            ("令和7年4月1日", d(2025, 4, 1)),
            ("R7.4.1", d(2025, 4, 1)),
            ("H31.4.1", d(2019, 4, 1)),
            ("平成31年4月30日", d(2019, 4, 30)),
            ("２０２５／４／１", d(2025, 4, 1)),
            ("45748", d(2025, 4, 1)),
        ] {
            assert_eq!(parse_date(s), Some(want), "{s}");
        }
        for bad in ["", "2025/13/1", "R7.2.30", "H32.1.1", "昨日", "12/25"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
