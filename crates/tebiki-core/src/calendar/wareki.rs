//! 和暦 (Japanese era dates): shown to users, parsed from policy texts and
//! rosters. Dates are stored as ISO 8601; this is only for reading and display.

use chrono::{Datelike, NaiveDate};

/// (era name, first day, short letter)
const ERAS: &[(&str, (i32, u32, u32), char)] =
    &[("令和", (2019, 5, 1), 'R'), ("平成", (1989, 1, 8), 'H'), ("昭和", (1926, 12, 25), 'S'), ("大正", (1912, 7, 30), 'T'), ("明治", (1868, 1, 25), 'M')];

fn era_start(i: usize) -> NaiveDate {
    let (y, m, d) = ERAS[i].1;
    NaiveDate::from_ymd_opt(y, m, d).expect("era start dates are valid")
}

/// `令和7年4月1日`; the first year of an era is written 元年.
pub fn format(date: NaiveDate) -> String {
    let (era, year) = era_year(date);
    let year = if year == 1 { "元".to_owned() } else { year.to_string() };
    format!("{era}{year}年{}月{}日", date.month(), date.day())
}

/// The era and the year within it.
pub fn era_year(date: NaiveDate) -> (&'static str, i32) {
    for (i, (name, _, _)) in ERAS.iter().enumerate() {
        let start = era_start(i);
        if date >= start {
            return (name, date.year() - start.year() + 1);
        }
    }
    ("", date.year())
}

/// Parses `平成15年1月27日`, `令和元年9月1日`, `令和 4 年 3 月 28 日`, full-width
/// digits, and the short forms `R7.4.1` / `H31.4.1`. Returns None for anything
/// else, or for a date that is not in the named era.
pub fn parse(text: &str) -> Option<NaiveDate> {
    let s: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap(),
            '．' => '.',
            _ => c,
        })
        .collect();
    for (i, (name, _, letter)) in ERAS.iter().enumerate() {
        let rest = if let Some(r) = s.strip_prefix(name) {
            let (y, r) = r.split_once('年')?;
            let (m, r) = r.split_once('月')?;
            let d = r.strip_suffix('日')?;
            let y = if y == "元" { 1 } else { y.parse().ok()? };
            Some((y, m.parse().ok()?, d.parse().ok()?))
        } else if let Some(r) = s.strip_prefix(*letter).or_else(|| s.strip_prefix(letter.to_ascii_lowercase())) {
            let mut parts = r.split('.');
            let y = parts.next()?.parse().ok()?;
            let m = parts.next()?.parse().ok()?;
            let d = parts.next()?.parse().ok()?;
            if parts.next().is_some() {
                return None;
            }
            Some((y, m, d))
        } else {
            None
        };
        if let Some((y, m, d)) = rest {
            let y: i32 = y;
            if y < 1 {
                return None;
            }
            // Checked: a roster cell or pack.toml may say R2147483647.1.1, which
            // overflowed i32 (fuzz/regressions/roster_csv/wareki-year-overflow.csv).
            let date = NaiveDate::from_ymd_opt(era_start(i).year().checked_add(y - 1)?, m, d)?;
            // 平成31年4月30日 is valid; 平成31年5月1日 is 令和元年 and 平成32年 does not exist.
            let next_start = if i == 0 { None } else { Some(era_start(i - 1)) };
            if date < era_start(i) || next_start.is_some_and(|n| date >= n) {
                return None;
            }
            return Some(date);
        }
    }
    None
}

/// A date as typed by a user, read back: ISO for storing, 和暦 for showing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DateLabel {
    pub iso: String,
    /// 令和7年4月1日
    pub wareki: String,
}

/// Reads a date in any form people type (2025/4/1, 2025-04-01, 令和7年4月1日,
/// R7.4.1, H31.4.1) — the same reading as rosters get.
pub fn describe(text: &str) -> Option<DateLabel> {
    crate::calendar::typed_date::parse_date(text).map(|d| DateLabel { iso: d.to_string(), wareki: format(d) })
}

#[cfg(test)]
mod tests {
    mod basics {
        use super::super::*;

        fn d(y: i32, m: u32, day: u32) -> NaiveDate {
            NaiveDate::from_ymd_opt(y, m, day).unwrap()
        }

        #[test]
        fn formats_with_gannen() {
            assert_eq!(format(d(2025, 4, 1)), "令和7年4月1日");
            assert_eq!(format(d(2019, 5, 1)), "令和元年5月1日");
            assert_eq!(format(d(2019, 4, 30)), "平成31年4月30日");
            assert_eq!(format(d(2003, 1, 27)), "平成15年1月27日");
        }

        #[test]
        fn parses_the_forms_people_and_policies_write() {
            assert_eq!(parse("平成15年1月27日"), Some(d(2003, 1, 27)));
            assert_eq!(parse("令和元年9月1日"), Some(d(2019, 9, 1)));
            assert_eq!(parse("令和 4 年 3 月 28 日"), Some(d(2022, 3, 28)));
            assert_eq!(parse("令和７年４月１日"), Some(d(2025, 4, 1)));
            assert_eq!(parse("R7.4.1"), Some(d(2025, 4, 1)));
            assert_eq!(parse("H31.4.1"), Some(d(2019, 4, 1)));
        }

        #[test]
        fn refuses_dates_outside_their_era() {
            assert_eq!(parse("平成32年1月1日"), None);
            assert_eq!(parse("令和元年4月1日"), None);
            assert_eq!(parse("令和7年2月30日"), None);
            assert_eq!(parse("2025年4月1日"), None);
            assert_eq!(parse("R2147483647.1.1"), None, "a year past i32 is no date, not an overflow");
        }
    }

    mod describe_tests {
        #[test]
        fn typed_dates_are_read_back_in_both_calendars() {
            let d = super::super::describe("R7.6.1").unwrap();
            assert_eq!((d.iso.as_str(), d.wareki.as_str()), ("2025-06-01", "令和7年6月1日"));
            assert_eq!(super::super::describe("２０２５/６/１").unwrap().iso, "2025-06-01");
            assert!(super::super::describe("6月").is_none());
        }
    }
}
