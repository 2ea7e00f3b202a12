//! 年度: the Japanese fiscal year, April 1 to March 31, named by the year it starts.

use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear(pub i32);

impl FiscalYear {
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
        if year == 1 { format!("{era}元年度") } else { format!("{era}{year}年度") }
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
    fn wareki_names() {
        assert_eq!(FiscalYear(2025).wareki(), "令和7年度");
        assert_eq!(FiscalYear(2019).wareki(), "令和元年度");
        assert_eq!(FiscalYear(2018).wareki(), "平成30年度");
    }
}
