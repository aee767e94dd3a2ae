//! The words of time expressions: month, weekday, day, year and number
//! words, and units of time.

use crate::model::{Shape, Token};
use chrono::Weekday;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub(super) fn month_of(t: &Token) -> Option<u32> {
    if !matches!(t.shape, Shape::Capitalized | Shape::Upper) {
        return None; // "may" the modal, "march" the verb
    }
    let w = t.lower.as_str();
    if let Some(i) = MONTHS.iter().position(|m| *m == w) {
        return Some(i as u32 + 1);
    }
    let abbr = match w {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(abbr)
}

/// A month's or a weekday's name ("June", "Tuesday").
pub(crate) fn calendar_word(t: &Token) -> bool {
    month_of(t).is_some() || weekday_of(t).is_some()
}

pub(super) fn weekday_of(t: &Token) -> Option<Weekday> {
    if t.shape != Shape::Capitalized {
        return None;
    }
    Some(match t.lower.as_str() {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// "9", "9th", "02" → day of month.
pub(super) fn day_of(t: &Token) -> Option<u32> {
    let digits: String = t.lower.chars().take_while(char::is_ascii_digit).collect();
    let rest = &t.lower[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(rest, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

pub(super) fn year_of(t: &Token) -> Option<i32> {
    let w = t.lower.as_str();
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1000..=2199).contains(y))
}

/// "two" → 2, "a" → 1, "3" → 3.
pub(crate) fn number_of(w: &str) -> Option<i64> {
    let n = match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        "fifty" => 50,
        "hundred" => 100,
        _ => return w.parse().ok().filter(|n| (1..=1000).contains(n)),
    };
    Some(n)
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
}

pub(crate) fn unit_of(w: &str) -> Option<Unit> {
    Some(match w {
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "month" | "months" => Unit::Month,
        "year" | "years" => Unit::Year,
        "decade" | "decades" => Unit::Decade,
        _ => return None,
    })
}
