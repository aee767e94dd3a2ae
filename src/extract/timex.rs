//! Stage 2a: time expressions in running text, normalized to TIMEX3-style
//! values against the publication date.
//!
//! Absolute dates ("May 9, 2017", "9 May 2017", "5/9/2017", "May 2016"),
//! bare months and days ("In March", "May 9") completed from the governing
//! heading or the publication date, weekdays, relative expressions
//! ("yesterday", "last month", "two weeks ago", "two months later"),
//! durations ("two years" → `P2Y`) and vague references (`PRESENT_REF`).
//! A line that starts with a date followed by `:` is a dated heading: it
//! governs the lines under it until the next heading.

use crate::model::PartialDate;
use crate::model::{Shape, Span, Timex, Token, Tokens};
use crate::resources::words::events::{COMMITMENT_VERBS, FUTURE_MARKERS, INTENTION_VERBS};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

mod words;
pub(crate) use words::{calendar_word, number_of, unit_of, Unit};
use words::{day_of, month_of, weekday_of, year_of};

fn shift(d: PartialDate, unit: Unit, n: i64) -> PartialDate {
    match unit {
        Unit::Day | Unit::Week => {
            let days = if unit == Unit::Week { 7 * n } else { n };
            match d.naive() {
                Some(nd) => nd
                    .checked_add_signed(Duration::days(days))
                    .map_or(d, PartialDate::from_naive),
                None => d,
            }
        }
        Unit::Month => match d.month {
            Some(_) => d.add_months(n as i32),
            None => d,
        },
        Unit::Year => PartialDate::y(d.year + n as i32),
        Unit::Decade => PartialDate::y(d.year + 10 * n as i32),
    }
}

fn coarsen(d: PartialDate, unit: Unit) -> PartialDate {
    match unit {
        Unit::Day | Unit::Week => d,
        Unit::Month => PartialDate { day: None, ..d },
        Unit::Year | Unit::Decade => PartialDate::y(d.year),
    }
}

fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// How many words back a future marker puts a time expression in the future.
const FUTURE_WINDOW: usize = 12;

/// Whether a future marker, or a verb of intention before "to", is among
/// `tokens`.
/// Words that put a date ahead even in the past tense ("was scheduled
/// for", "had been postponed to").
const SCHEDULING: [&str; 9] = [
    "scheduled",
    "set",
    "due",
    "expected",
    "planned",
    "slated",
    "postponed",
    "delayed",
    "moved",
];

/// Irregular past forms news tells events with ("began on Sept. 3").
const IRREGULAR_PAST: [&str; 24] = [
    "began", "met", "held", "took", "left", "went", "came", "fled", "fought", "won", "lost",
    "told", "gave", "made", "saw", "struck", "broke", "sold", "bought", "led", "ran", "shot",
    "fell", "rose",
];

/// A clause told in the past: "was", "were", "had" or a past verb
/// ("ended", "began"), and no scheduling word.
/// (A past verb only where nothing after it looks ahead: not "announced
/// a launch to be held on Sept 6".)
fn past_context(tokens: &[Token]) -> bool {
    let past_verb = |t: &Token| {
        let w = t.lower.as_str();
        t.shape == Shape::Lower && (w.len() > 4 && w.ends_with("ed") || IRREGULAR_PAST.contains(&w))
    };
    let ahead = |t: &Token| {
        matches!(
            t.lower.as_str(),
            "to" | "be" | "being" | "is" | "are" | "will" | "would" | "shall"
        )
    };
    let told = tokens
        .iter()
        .rposition(past_verb)
        .is_some_and(|k| !(tokens[k + 1..].iter().any(ahead) || k > 0 && ahead(&tokens[k - 1])));
    (told
        || tokens
            .iter()
            .any(|t| matches!(t.lower.as_str(), "was" | "were" | "had")))
        && !tokens
            .iter()
            .any(|t| SCHEDULING.contains(&t.lower.as_str()))
}

fn future_context(tokens: &[Token]) -> bool {
    tokens.iter().enumerate().any(|(k, t)| {
        FUTURE_MARKERS.contains(&t.lower)
            || INTENTION_VERBS.contains(&t.lower)
                && tokens.get(k + 1).is_some_and(|n| n.lower == "to")
    })
}

/// A verb of commitment followed, later in the clause, by an infinitive
/// `to` and a lowercase word: the rest of the clause is its content.
fn committed_infinitive(tokens: &[Token]) -> bool {
    tokens
        .iter()
        .position(|t| COMMITMENT_VERBS.contains(&t.lower))
        .is_some_and(|c| {
            tokens[c + 1..]
                .windows(2)
                .any(|w| w[0].lower == "to" && w[1].shape == Shape::Lower)
        })
}

/// Find and normalize the time expressions of a tokenized text.
pub fn find_timexes(text: &str, toks: &Tokens, published: Option<PartialDate>) -> Vec<Timex> {
    let mut out = Vec::new();
    let mut heading: Option<PartialDate> = None;
    let pub_day = published.and_then(|p| p.naive());
    for s in &toks.sentences {
        let tokens = &toks.tokens[s.tokens.clone()];
        let line = toks.lines[s.line];
        let first_in_line = s.span.start == line.start;
        let before = out.len();
        // The anchor for bare months and days: the heading, else the
        // publication date.
        let anchor = heading.or(published);
        scan_sentence(text, tokens, anchor, published, pub_day, &mut out);
        // A dated heading: the line starts with a date and goes on with ':'
        // (or is nothing but the date).
        if first_in_line {
            if let Some(first) = out.get(before) {
                let starts_line = first.span.start == line.start;
                let colon_after = text[first.span.end..line.end]
                    .trim_start()
                    .trim_start_matches(|c: char| c == '-' || c == '–' || c.is_whitespace())
                    .starts_with(':')
                    || range_then_colon(text, &out[before..], line);
                let whole = first.span.end == line.end;
                if starts_line && (colon_after || whole) {
                    if let Some(d) = first.date() {
                        heading = Some(d);
                        let range_end = out[before + 1..]
                            .first()
                            .filter(|t| text[t.span.end..line.end].trim_start().starts_with(':'))
                            .map(|t| t.value.clone());
                        out[before].heading = true;
                        out[before].range_end = range_end;
                    }
                }
            }
        }
    }
    out
}

/// "May - July 2016: ..." → the first timex of a range heading.
fn range_then_colon(text: &str, line_timexes: &[Timex], line: Span) -> bool {
    match line_timexes {
        [a, b, ..] => {
            let between = text[a.span.end..b.span.start].trim();
            matches!(between, "-" | "–" | "to" | "—")
                && text[b.span.end..line.end].trim_start().starts_with(':')
        }
        _ => false,
    }
}

/// "in October that year", "on May 3 of the same year": the year of the
/// last expression before that gave one, and the end of "that year".
fn that_year(tokens: &[Token], k: usize, out: &[Timex]) -> Option<(i32, usize)> {
    let low = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
    let k = if low(k) == "of" { k + 1 } else { k };
    let end = match (low(k), low(k + 1), low(k + 2)) {
        ("that", "year", _) => k + 2,
        ("the", "same", "year") => k + 3,
        _ => return None,
    };
    let year = out.iter().rev().find_map(|t| {
        let y = t.value.get(..4)?;
        y.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| y.parse().ok())?
    })?;
    Some((year, end))
}

fn push(out: &mut Vec<Timex>, tokens: &[Token], from: usize, to: usize, value: String) {
    out.push(Timex {
        span: Span::new(tokens[from].span.start, tokens[to - 1].span.end),
        value,
        heading: false,
        range_end: None,
        anchored: false,
    });
}

/// The most recent `weekday` on or before `day` (or after, for the future).
fn nearest_weekday(day: NaiveDate, weekday: Weekday, future: bool, strict: bool) -> NaiveDate {
    let mut d = day;
    if strict {
        d = if future {
            d + Duration::days(1)
        } else {
            d - Duration::days(1)
        };
    }
    for _ in 0..7 {
        if d.weekday() == weekday {
            return d;
        }
        d = if future {
            d + Duration::days(1)
        } else {
            d - Duration::days(1)
        };
    }
    d
}

fn scan_sentence(
    text: &str,
    tokens: &[Token],
    anchor: Option<PartialDate>,
    published: Option<PartialDate>,
    pub_day: Option<NaiveDate>,
    out: &mut Vec<Timex>,
) {
    let _ = text;
    let sentence_start = out.len();
    // A future marker governs the expressions after it in its clause
    // ("will meet on Friday"), not an earlier one ("defeated X on Friday
    // for a contract it plans to…").
    // Twelve words back, not past a comma, semicolon or colon ("are
    // expected to be charged at a court in the capital on Thursday").
    // The clause of the expression at `i`: back to a comma, semicolon or
    // colon (or the sentence's start).
    // A comma between names ("Addis Ababa, Ethiopia, on Friday") is no
    // clause's edge.
    let cap = |k: usize| tokens.get(k).is_some_and(|t| t.shape == Shape::Capitalized);
    let edge = |k: usize| match tokens[k].lower.as_str() {
        ";" | ":" => true,
        "," => {
            let between = k > 0 && cap(k - 1) && cap(k + 1);
            let closing = k >= 3 && cap(k - 1) && tokens[k - 2].lower == "," && cap(k - 3);
            !(between || closing)
        }
        _ => false,
    };
    let clause_start = |i: usize| (0..i).rev().find(|&k| edge(k)).map_or(0, |k| k + 1);
    let future_at = |i: usize| {
        let from = (i.saturating_sub(FUTURE_WINDOW)..i)
            .rev()
            .find(|&k| edge(k))
            .map_or(i.saturating_sub(FUTURE_WINDOW), |k| k + 1);
        future_context(&tokens[from..i]) || committed_infinitive(&tokens[clause_start(i)..i])
    };
    // "was kidnapped on Sept. 14" (published in March): a day told in the
    // past tense is no later than the anchor.
    let past_at = |i: usize| !future_at(i) && past_context(&tokens[clause_start(i)..i]);
    let day = |a: PartialDate, m: u32, d: u32, i: usize| {
        let pd = complete_day(a, m, d, future_at(i))?;
        if past_at(i) && pd.sort_key() > a.sort_key() {
            return PartialDate::ymd(pd.year - 1, m, d);
        }
        Some(pd)
    };
    let low = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // Month-led: "May 9, 2017", "May 9", "May 2016", "May - July 2016", "In March".
        if let Some(m) = month_of(t) {
            let mut j = i + 1;
            if low(j) == "." {
                j += 1;
            }
            if let Some(d) = tokens.get(j).and_then(day_of) {
                let mut k = j + 1;
                if low(k) == "," {
                    k += 1;
                }
                if let Some(y) = tokens.get(k).and_then(year_of) {
                    if let Some(pd) = PartialDate::ymd(y, m, d) {
                        push(out, tokens, i, k + 1, pd.to_string());
                        i = k + 1;
                        continue;
                    }
                }
                if let Some((y, end)) = that_year(tokens, j + 1, out) {
                    if let Some(pd) = PartialDate::ymd(y, m, d) {
                        push(out, tokens, i, end, pd.to_string());
                        i = end;
                        continue;
                    }
                }
                if let Some(pd) = anchor.and_then(|a| day(a, m, d, i)) {
                    push(out, tokens, i, j + 1, pd.to_string());
                } else {
                    push(out, tokens, i, j + 1, format!("XXXX-{m:02}-{d:02}"));
                }
                i = j + 1;
                continue;
            }
            if let Some(y) = tokens.get(j).and_then(year_of) {
                push(out, tokens, i, j + 1, format!("{y:04}-{m:02}"));
                i = j + 1;
                continue;
            }
            // "May - July 2016": the first month takes the year of the second.
            if matches!(low(j), "-" | "–" | "to" | "through") {
                if let (Some(_), Some(y)) = (
                    tokens.get(j + 1).and_then(month_of),
                    tokens.get(j + 2).and_then(year_of),
                ) {
                    push(out, tokens, i, i + 1, format!("{y:04}-{m:02}"));
                    i += 1;
                    continue;
                }
            }
            // A bare month needs a preposition or determiner before it, so
            // that "March" the name or verb is not taken.
            let prev = if i > 0 { low(i - 1) } else { "" };
            if matches!(
                prev,
                "in" | "since"
                    | "until"
                    | "by"
                    | "of"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "from"
                    | "during"
                    | "before"
                    | "after"
            ) {
                if let Some((y, end)) = that_year(tokens, i + 1, out) {
                    push(out, tokens, i, end, format!("{y:04}-{m:02}"));
                    i = end;
                    continue;
                }
                let value = anchor.map_or_else(
                    || format!("XXXX-{m:02}"),
                    |a| {
                        complete_month(a, m, future_at(i) || prev == "next", prev == "last")
                            .to_string()
                    },
                );
                push(out, tokens, i, i + 1, value);
            }
            i += 1;
            continue;
        }
        // Day-led: "9 May 2017", "9 May".
        if let Some(d) = day_of(t) {
            if let Some(m) = tokens.get(i + 1).and_then(month_of) {
                if let Some(y) = tokens.get(i + 2).and_then(year_of) {
                    if let Some(pd) = PartialDate::ymd(y, m, d) {
                        push(out, tokens, i, i + 3, pd.to_string());
                        i += 3;
                        continue;
                    }
                }
                if let Some(pd) = anchor.and_then(|a| day(a, m, d, i)) {
                    push(out, tokens, i, i + 2, pd.to_string());
                    i += 2;
                    continue;
                }
            }
        }
        // Numeric: 5/9/2017 (US order), 2017-05-09.
        if t.shape == Shape::Number {
            if let Some(pd) = numeric_date(&t.lower) {
                push(out, tokens, i, i + 1, pd.to_string());
                i += 1;
                continue;
            }
        }
        if let Some(y) = year_of(t) {
            // "2016", "the 2016 election"; not "2016 people" (a count).
            let next = low(i + 1);
            if !matches!(
                next,
                "people" | "percent" | "%" | "km" | "kilometres" | "miles" | "of"
            ) {
                push(out, tokens, i, i + 1, format!("{y:04}"));
            }
            i += 1;
            continue;
        }
        if let Some(w) = weekday_of(t) {
            let prev = if i > 0 { low(i - 1) } else { "" };
            let fut = future_at(i) || prev == "next";
            let strict = matches!(prev, "next" | "last");
            let from = if strict { i - 1 } else { i };
            let mut to = i + 1;
            if matches!(low(i + 1), "morning" | "afternoon" | "evening" | "night") {
                to += 1;
            }
            let value = pub_day.map_or_else(
                || "XXXX-XX-XX".to_string(),
                |p| {
                    nearest_weekday(p, w, fut, strict)
                        .format("%Y-%m-%d")
                        .to_string()
                },
            );
            push(out, tokens, from, to, value);
            i = to;
            continue;
        }
        // "Hours later", "minutes later": the day of the last date told,
        // where it names a day (a story tells a day, then what followed
        // within it).
        if matches!(low(i), "hours" | "minutes" | "moments") && low(i + 1) == "later" {
            let last = out.iter().rev().find_map(|t| PartialDate::parse(&t.value));
            if let Some(day) = last.filter(|d| d.day.is_some()) {
                push(out, tokens, i, i + 2, day.to_string());
                if let Some(t) = out.last_mut() {
                    t.anchored = true;
                }
                i += 2;
                continue;
            }
        }
        // "that evening", "later that day", "the same day": the day of
        // the last date told, where it names one.
        let part_of_day =
            |w: &str| matches!(w, "morning" | "afternoon" | "evening" | "night" | "day");
        let same_day = match (low(i), low(i + 1), low(i + 2)) {
            ("that", w, _) if part_of_day(w) => Some(2),
            ("the", "same", w) if part_of_day(w) => Some(3),
            _ => None,
        }
        // As an adverbial, not a subject ("that day has come"): after a
        // preposition or "later", or set off by a comma.
        .filter(|&len| {
            let prev = if i > 0 { low(i - 1) } else { "" };
            matches!(
                prev,
                "on" | "later" | "earlier" | "by" | "until" | "from" | "of" | "since"
            ) || low(i + len) == ","
        });
        if let Some(len) = same_day {
            let last = out.iter().rev().find_map(|t| PartialDate::parse(&t.value));
            if let Some(day) = last.filter(|d| d.day.is_some()) {
                push(out, tokens, i, i + len, day.to_string());
                if let Some(t) = out.last_mut() {
                    t.anchored = true;
                }
                i += len;
                continue;
            }
        }
        // "a year later", "the next day": after the last date of the
        // sentence before it ("took it over in 2020 and sold it a year
        // later"), else the heading or the publication date (a date of an
        // earlier sentence may be a detail: "between 2009 and 2013").
        let in_sentence = out[sentence_start..]
            .iter()
            .rev()
            .find_map(|t| PartialDate::parse(&t.value));
        // Without a date before it in its sentence, "a day later" or "the
        // next day" counts from an event told before, not from the
        // publication date (a heading's date still anchors it): its value
        // stays open rather than falling after the story was written.
        let reference = if in_sentence.is_none() && anchor == published && follows_on(tokens, i) {
            None
        } else {
            in_sentence.or(anchor)
        };
        if let Some((len, value, anchored)) = relative(tokens, i, published, pub_day, reference) {
            push(out, tokens, i, i + len, value);
            if let Some(t) = out.last_mut() {
                t.anchored = anchored;
            }
            i += len;
            continue;
        }
        i += 1;
    }
}

/// Complete "May 9" with the year of the anchor; a date well after the
/// anchor is taken from the year before ("December 28" in a January article).
fn complete_day(anchor: PartialDate, m: u32, d: u32, future: bool) -> Option<PartialDate> {
    // "will be sworn in on Jan. 14": the next such day.
    if future {
        let now = (anchor.month.unwrap_or(1), anchor.day.unwrap_or(1));
        let year = anchor.year + i32::from((m, d) < now);
        return PartialDate::ymd(year, m, d);
    }
    let pd = PartialDate::ymd(anchor.year, m, d)?;
    if anchor.month.is_some_and(|am| m > am + 6) {
        return PartialDate::ymd(anchor.year - 1, m, d);
    }
    Some(pd)
}

/// Complete a bare month: news mostly reports the past, so "in March" is
/// the last March on or before the anchor unless the sentence is about the
/// future.
fn complete_month(anchor: PartialDate, m: u32, future: bool, strict_past: bool) -> PartialDate {
    let am = anchor.month.unwrap_or(12);
    let year = if future {
        if m >= am {
            anchor.year
        } else {
            anchor.year + 1
        }
    } else if m < am || (m == am && !strict_past) {
        anchor.year
    } else {
        anchor.year - 1
    };
    PartialDate {
        year,
        month: Some(m),
        day: None,
    }
}

fn numeric_date(w: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = w.split(['/', '-']).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if parts[0].len() == 4 {
        PartialDate::ymd(n[0] as i32, n[1], n[2])
    } else if parts[2].len() == 4 && w.contains('/') {
        PartialDate::ymd(n[2] as i32, n[0], n[1])
    } else {
        None
    }
}

/// Relative and vague expressions starting at token `i`: returns the token
/// length and the value.
/// "a day later", "two weeks later", "the next day", "the following
/// morning": a time counted forward from an event told before.
fn follows_on(tokens: &[Token], i: usize) -> bool {
    let low = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
    (matches!(low(i), "the" | "a" | "an") && matches!(low(i + 1), "next" | "following"))
        || (1..=3).any(|k| low(i + k) == "later") && number_of(low(i)).is_some()
}

fn relative(
    tokens: &[Token],
    i: usize,
    published: Option<PartialDate>,
    pub_day: Option<NaiveDate>,
    anchor: Option<PartialDate>,
) -> Option<(usize, String, bool)> {
    rel_inner(tokens, i, published, pub_day, anchor)
}

fn rel_inner(
    tokens: &[Token],
    i: usize,
    published: Option<PartialDate>,
    pub_day: Option<NaiveDate>,
    anchor: Option<PartialDate>,
) -> Option<(usize, String, bool)> {
    let low = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
    let w = low(i);
    let day = |off: i64| pub_day.map(|p| (p + Duration::days(off)).format("%Y-%m-%d").to_string());
    match w {
        "today" | "tonight" => {
            return Some((1, day(0).unwrap_or_else(|| "PRESENT_REF".into()), false))
        }
        "yesterday" => return day(-1).map(|v| (1, v, false)),
        "tomorrow" => return day(1).map(|v| (1, v, false)),
        "now" | "currently" | "nowadays" => return Some((1, "PRESENT_REF".into(), false)),
        "recently" | "formerly" | "previously" => return Some((1, "PAST_REF".into(), false)),
        _ => {}
    }
    // "last/this/next week|month|year", "earlier/later this year"
    let (skip, which) = match (w, low(i + 1)) {
        ("earlier" | "later", "this") => (1, "this"),
        ("last" | "this" | "next" | "past", _) => (0, w),
        _ => (usize::MAX, ""),
    };
    if skip != usize::MAX {
        let k = i + skip + 1;
        if let (Some(unit), Some(p)) = (unit_of(low(k)), published) {
            if !low(k).ends_with('s') {
                let n = match which {
                    "last" | "past" => -1,
                    "next" => 1,
                    _ => 0,
                };
                let value = match unit {
                    Unit::Week => pub_day.map(|d| iso_week(d + Duration::weeks(n)))?,
                    Unit::Month => p.add_months(n as i32).to_string().get(..7)?.to_string(),
                    Unit::Year => format!("{:04}", p.year + n as i32),
                    _ => return None,
                };
                return Some((k + 1 - i, value, false));
            }
        }
    }
    // "two weeks ago", "a day after", "two months later", "the next day"
    if matches!(w, "the" | "a" | "an") && matches!(low(i + 1), "next" | "following" | "very") {
        let k = if low(i + 1) == "very" { i + 3 } else { i + 2 };
        if unit_of(low(k)) == Some(Unit::Day) && low(k) == "day" {
            let value = anchor
                .and_then(|a| a.naive())
                .map(|a| (a + Duration::days(1)).format("%Y-%m-%d").to_string());
            return Some((
                k + 1 - i,
                value.unwrap_or_else(|| "XXXX-XX-XX".into()),
                true,
            ));
        }
    }
    if let Some(n) = number_of(w) {
        let (n, k) = if low(i + 1) == "-" {
            (n, i + 2)
        } else {
            (n, i + 1)
        };
        if let Some(unit) = unit_of(low(k)) {
            // "a day after X" is anchored to an event, not to a date: only
            // the duration is a time expression.
            let dir = match low(k + 1) {
                "ago" | "earlier" => -1,
                "later" => 1,
                _ => 0,
            };
            if dir == 0 {
                let code = match unit {
                    Unit::Day => "D",
                    Unit::Week => "W",
                    Unit::Month => "M",
                    Unit::Year => "Y",
                    Unit::Decade => return Some((k + 1 - i, format!("P{}Y", 10 * n), false)),
                };
                return Some((k + 1 - i, format!("P{n}{code}"), false));
            }
            let ago = low(k + 1) == "ago";
            let base = if ago { published } else { anchor };
            let value = base.map(|b| coarsen(shift(b, unit, dir * n), unit).to_string());
            let value = value.unwrap_or_else(|| {
                if dir < 0 {
                    "PAST_REF".into()
                } else {
                    "FUTURE_REF".into()
                }
            });
            return Some((k + 2 - i, value, !ago));
        }
    }
    None
}

#[cfg(test)]
mod tests;
