//! 年度: the Japanese fiscal year, April 1 to March 31, named by the year it starts.

use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear(pub i32);

/// The first 年度 Tebiki accepts from a user: 平成元年度.
pub const MIN_YEAR: i32 = 1989;
/// The last 年度 Tebiki accepts from a user. Far enough for any real record,
/// near enough that every date computed from it exists.
pub const MAX_YEAR: i32 = 2200;

impl FiscalYear {
    /// A 年度 typed or sent by a user (`--year`, an IPC argument): refused
    /// outside 1989–2200 with the message key `error-year-out-of-range`
    /// (arguments `year`, `min`, `max`). Every year a user gives goes through
    /// here; `FiscalYear(y)` is for years computed from valid dates.
    pub fn new(year: i32) -> Result<FiscalYear, crate::message::Message> {
        if (MIN_YEAR..=MAX_YEAR).contains(&year) {
            Ok(FiscalYear(year))
        } else {
            Err(crate::message::Message::new("error-year-out-of-range").arg("year", year).arg("min", MIN_YEAR).arg("max", MAX_YEAR))
        }
    }

    /// `new` for text ("2025"): anything but a whole number in range is refused
    /// with the same message key.
    pub fn parse(text: &str) -> Result<FiscalYear, crate::message::Message> {
        match text.trim().parse::<i32>() {
            Ok(y) => FiscalYear::new(y),
            Err(_) => Err(crate::message::Message::new("error-year-out-of-range").arg("year", text.trim()).arg("min", MIN_YEAR).arg("max", MAX_YEAR)),
        }
    }

    /// The 年度 a date falls in: 2026-03-31 is 2025年度, 2026-04-01 is 2026年度.
    pub fn of(date: NaiveDate) -> FiscalYear {
        FiscalYear(if date.month() >= 4 { date.year() } else { date.year() - 1 })
    }

    pub fn start(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0, 4, 1).expect("April 1 exists")
    }

    pub fn end(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0 + 1, 3, 31).expect("March 31 exists")
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.start() <= date && date <= self.end()
    }

    pub fn previous(self) -> FiscalYear {
        FiscalYear(self.0 - 1)
    }

    /// 令和7年度 (2019年度 is 令和元年度: the era on the year's April 1 names it,
    /// except 平成31年度, which officially became 令和元年度).
    pub fn wareki(self) -> String {
        let (era, year) = crate::calendar::wareki::era_year(NaiveDate::from_ymd_opt(self.0, 12, 31).expect("valid"));
        if year == 1 {
            format!("{era}元年度")
        } else {
            format!("{era}{year}年度")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_boundary_is_april_first() {
        assert_eq!(FiscalYear::of(d(2026, 3, 31)), FiscalYear(2025));
        assert_eq!(FiscalYear::of(d(2026, 4, 1)), FiscalYear(2026));
        assert!(FiscalYear(2025).contains(d(2026, 3, 31)));
        assert!(!FiscalYear(2025).contains(d(2026, 4, 1)));
    }

    #[test]
    fn years_outside_1989_to_2200_are_refused_with_a_message_key() {
        assert_eq!(FiscalYear::new(1989), Ok(FiscalYear(1989)));
        assert_eq!(FiscalYear::new(2200).unwrap().end(), d(2201, 3, 31));
        for bad in [1988, 2201, 300_000, i32::MAX, i32::MIN, 0, -1] {
            let e = FiscalYear::new(bad).unwrap_err();
            assert_eq!(e.key, "error-year-out-of-range");
            assert!(e.args.contains(&("year".to_owned(), bad.to_string())));
        }
        assert_eq!(FiscalYear::parse(" 2025 "), Ok(FiscalYear(2025)));
        assert!(FiscalYear::parse("2147483648").is_err());
        assert!(FiscalYear::parse("令和7").is_err());
    }

    #[test]
    fn wareki_names() {
        assert_eq!(FiscalYear(2025).wareki(), "令和7年度");
        assert_eq!(FiscalYear(2019).wareki(), "令和元年度");
        assert_eq!(FiscalYear(2018).wareki(), "平成30年度");
    }
}
