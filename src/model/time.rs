//! Calendar values of day, month or year granularity, and their order.

use super::Span;
use chrono::{Datelike, NaiveDate};
use std::fmt;

/// A date known to the day, the month or the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day)?;
        Some(Self {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    pub fn ym(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self {
            year,
            month: Some(month),
            day: None,
        })
    }

    pub const fn y(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    pub fn from_naive(d: NaiveDate) -> Self {
        Self {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }

    /// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut parts = s.trim().split('-');
        let y = parts.next()?;
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let num = |p: &str| {
            (p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u32>().ok())
                .flatten()
        };
        match (parts.next(), parts.next(), parts.next()) {
            (None, None, None) => Some(Self::y(year)),
            (Some(m), None, None) => Self::ym(year, num(m)?),
            (Some(m), Some(d), None) => Self::ymd(year, num(m)?, num(d)?),
            _ => None,
        }
    }

    /// The date as a day, if it is known to the day.
    pub fn naive(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }

    /// First day of the period.
    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .unwrap_or(NaiveDate::MIN)
    }

    /// Last day of the period.
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => {
                NaiveDate::from_ymd_opt(self.year, m, d).unwrap_or(NaiveDate::MAX)
            }
            (Some(m), None) => last_of_month(self.year, m),
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    /// Whether the whole of `self` lies within the period from `start` to
    /// `end` (or within `start` alone): 2017-05-09 is within 2017-05.
    pub fn within(&self, start: &PartialDate, end: Option<&PartialDate>) -> bool {
        start.first_day() <= self.first_day() && self.last_day() <= end.unwrap_or(start).last_day()
    }

    /// True when the whole of `self` lies before the whole of `other`:
    /// 2016-05 is before 2017-05-09, but 2017-05 and 2017-05-09 are not ordered.
    pub fn before(&self, other: &PartialDate) -> bool {
        self.last_day() < other.first_day()
    }

    /// Sort key: the first day, then coarser periods first.
    pub fn sort_key(&self) -> (NaiveDate, u8) {
        (
            self.first_day(),
            u8::from(self.month.is_some()) + u8::from(self.day.is_some()),
        )
    }

    /// `xsd:date`, `xsd:gYearMonth` or `xsd:gYear` local name for RDF.
    pub const fn xsd_type(&self) -> &'static str {
        match (self.month, self.day) {
            (Some(_), Some(_)) => "date",
            (Some(_), None) => "gYearMonth",
            _ => "gYear",
        }
    }

    /// Shift by whole months, keeping the granularity.
    pub fn add_months(&self, months: i32) -> Self {
        let m0 = self.month.unwrap_or(1) as i32 - 1 + months;
        let year = self.year + m0.div_euclid(12);
        let month = (m0.rem_euclid(12) + 1) as u32;
        match (self.month, self.day) {
            (Some(_), Some(d)) => {
                let d = d.min(last_of_month(year, month).day());
                Self {
                    year,
                    month: Some(month),
                    day: Some(d),
                }
            }
            (Some(_), None) => Self {
                year,
                month: Some(month),
                day: None,
            },
            _ => Self::y(year + months / 12),
        }
    }
}

fn last_of_month(year: i32, month: u32) -> NaiveDate {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => write!(f, "{:04}-{:02}", self.year, m),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

/// A normalized time expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub span: Span,
    /// TIMEX3-style value: `2017-05-10`, `2017-05`, `2016`, `2017-W19`,
    /// `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`.
    pub value: String,
    /// True for a dated heading ("March 19, 2024: Berg fired") that governs
    /// the lines under it.
    pub heading: bool,
    /// End of a heading's range ("May - July 2016" → `2016-07`).
    pub range_end: Option<String>,
    /// The value was computed from the context date ("two months later",
    /// "the next day") rather than read from the text.
    pub anchored: bool,
}

impl Timex {
    /// The value as a calendar date of day, month or year granularity.
    /// The value as a date: a week ("2024-W11") as its month where the
    /// week lies inside one ("next week": the event is dated to a month,
    /// the finest the dates of events hold).
    pub fn date(&self) -> Option<PartialDate> {
        PartialDate::parse(&self.value).or_else(|| week_date(&self.value))
    }
}

/// "2024-W11" as its month; a week across two months dates nothing (its
/// year would say little and order less).
fn week_date(value: &str) -> Option<PartialDate> {
    let (y, w) = value.split_once("-W")?;
    let (year, week) = (y.parse::<i32>().ok()?, w.parse::<u32>().ok()?);
    let monday = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)?;
    let sunday = monday + chrono::Duration::days(6);
    (monday.month() == sunday.month())
        .then(|| PartialDate::ym(monday.year(), monday.month()))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_week_dates_to_its_month() {
        let date = |v: &str| {
            Timex {
                span: Span::new(0, 0),
                value: v.to_string(),
                heading: false,
                range_end: None,
                anchored: false,
            }
            .date()
        };
        assert_eq!(date("2024-W11"), PartialDate::ym(2024, 3));
        // 29 April – 5 May 2024: two months.
        assert_eq!(date("2024-W18"), None);
        assert_eq!(date("2024-W99"), None);
    }

    #[test]
    fn order_respects_granularity() {
        let p = |s| PartialDate::parse(s).unwrap();
        assert!(p("2016-05").before(&p("2017-05-09")));
        assert!(!p("2017-05").before(&p("2017-05-09")));
        assert!(!p("2017-05-09").before(&p("2017-05")));
        assert!(p("2016").before(&p("2017-01-01")));
        assert!(!p("2017-05-09").before(&p("2017-05-09")));
        assert_eq!(p("2016-07").to_string(), "2016-07");
        assert_eq!(PartialDate::parse("2017-02-30"), None);
        assert_eq!(p("2016-05").add_months(2).to_string(), "2016-07");
        assert_eq!(p("2017-01-31").add_months(-2).to_string(), "2016-11-30");
    }
}
