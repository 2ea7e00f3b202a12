//! Numbers, rates and dates as the reports write them. The patterns are in
//! the .ftl files; this module only supplies the parts.

use chrono::{Datelike, NaiveDate};
use tebiki_core::calendar::fiscal_year::FiscalYear;
use tebiki_core::settings::Language;
use tebiki_i18n::{tr, tr_args, Arg};

/// 20,000
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// 87.5%
pub fn percent(v: f64) -> String {
    format!("{v:.1}%")
}

/// 87.5%, or the "none" mark when nothing was counted.
pub fn rate(lang: Language, v: Option<f64>) -> String {
    v.map(percent).unwrap_or_else(|| tr(lang, "report-none"))
}

/// The change in percentage points: +2.3 / −1.0 / ±0.0, or the "none" mark.
pub fn delta(lang: Language, now: Option<f64>, before: Option<f64>) -> String {
    match (now, before) {
        (Some(n), Some(b)) => {
            let d = ((n - b) * 10.0).round() / 10.0;
            if d > 0.0 {
                format!("+{d:.1}")
            } else if d < 0.0 {
                format!("−{:.1}", -d)
            } else {
                "±0.0".to_owned()
            }
        }
        _ => tr(lang, "report-none"),
    }
}

/// January …: for the English patterns (cheaper than strftime, which a long
/// report would run for every date cell).
fn month_name(date: NaiveDate) -> &'static str {
    u8::try_from(date.month()).ok().and_then(|m| chrono::Month::try_from(m).ok()).map(|m| m.name()).unwrap_or_default()
}

fn date_args(date: NaiveDate) -> Vec<(&'static str, Arg)> {
    let (era, era_year) = tebiki_core::calendar::wareki::era_year(date);
    let era = if era_year == 1 { format!("{era}元") } else { format!("{era}{era_year}") };
    vec![
        ("era", era.into()),
        ("year", date.year().to_string().into()),
        ("month", date.month().to_string().into()),
        ("day", date.day().to_string().into()),
        ("monthName", month_name(date).into()),
        ("monthShort", month_name(date).get(..3).unwrap_or_default().into()),
    ]
}

/// 令和7年（2025年）4月1日: 和暦 with the 西暦 in parentheses, where there is room.
pub fn date_long(lang: Language, date: NaiveDate) -> String {
    tr_args(lang, "report-date-long", &date_args(date))
}

/// 令和7年4月1日, for table cells.
pub fn date_short(lang: Language, date: NaiveDate) -> String {
    tr_args(lang, "report-date-short", &date_args(date))
}

/// A stored ISO 8601 date in short form (as stored if it does not parse).
pub fn iso_short(lang: Language, iso: &str) -> String {
    match NaiveDate::parse_from_str(iso.get(..10).unwrap_or(iso), "%Y-%m-%d") {
        Ok(d) => date_short(lang, d),
        Err(_) => iso.to_owned(),
    }
}

/// 令和7年度（2025年度）
pub fn fiscal_year(lang: Language, fy: FiscalYear) -> String {
    tr_args(lang, "report-fiscal-year", &[("wareki", fy.wareki().into()), ("year", fy.0.to_string().into()), ("next", (fy.0 + 1).to_string().into())])
}

/// 令和7年度, for legends and column headings.
pub fn fiscal_year_short(lang: Language, fy: FiscalYear) -> String {
    tr_args(lang, "report-fiscal-year-short", &[("wareki", fy.wareki().into()), ("year", fy.0.to_string().into())])
}

/// The clauses an item checks as the reader names them (第2、7.4.1 …),
/// the id's last part where the pack has no such clause.
pub fn clause_labels(pack: &tebiki_core::pack::Pack, ids: &[String]) -> String {
    let label = |c: &str| pack.clause(c).and_then(|r| r.clause().number.clone()).unwrap_or_else(|| c.rsplit('/').next().unwrap_or(c).to_owned());
    ids.iter().map(|c| label(c)).collect::<Vec<_>>().join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_rates_and_dates() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(20000), "20,000");
        assert_eq!(count(1234567), "1,234,567");
        assert_eq!(delta(Language::Japanese, Some(72.3), Some(70.0)), "+2.3");
        assert_eq!(delta(Language::Japanese, Some(70.0), Some(72.34)), "−2.3");
        assert_eq!(delta(Language::Japanese, Some(70.0), None), "—");
        let d = NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
        assert_eq!(date_long(Language::Japanese, d), "令和7年（2025年）4月1日");
        assert_eq!(date_short(Language::Japanese, d), "令和7年4月1日");
        assert_eq!(date_short(Language::Japanese, NaiveDate::from_ymd_opt(2019, 5, 1).unwrap()), "令和元年5月1日");
        assert_eq!(date_long(Language::English, d), "April 1, 2025");
        assert_eq!(iso_short(Language::Japanese, "2025-06-01"), "令和7年6月1日");
        assert_eq!(iso_short(Language::Japanese, "いつか"), "いつか");
        assert_eq!(fiscal_year(Language::Japanese, FiscalYear(2025)), "令和7年度（2025年度）");
        assert_eq!(fiscal_year(Language::English, FiscalYear(2025)), "FY2025 (April 2025 – March 2026)");
    }
}
