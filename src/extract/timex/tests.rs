//! Unit tests of time expressions and their values.

use super::*;
use crate::extract::text::tokenize;

fn values(text: &str, published: &str) -> Vec<(String, String)> {
    let toks = tokenize(text);
    find_timexes(text, &toks, PartialDate::parse(published))
        .into_iter()
        .map(|t| (t.span.text(text).to_string(), t.value))
        .collect()
}

#[test]
fn later_without_a_date_before_it_stays_open() {
    // Counted from an event of an earlier sentence, not from the
    // publication date: no value after the story was written.
    let v = values(
        "Costa resigned. A day later, Berg was appointed. The next day he flew home.",
        "2024-05-17",
    );
    let got: Vec<(&str, &str)> = v.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(
        got,
        [
            ("A day later", "FUTURE_REF"),
            ("The next day", "XXXX-XX-XX")
        ]
    );
}

#[test]
fn later_counts_from_the_last_date_of_its_sentence() {
    let v = values(
        "The state took over the bank in 2020 and sold it a year later. Talks began on 3 May 2021 and ended the next day.",
        "2024-05-17",
    );
    let got: Vec<(&str, &str)> = v.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(
        got,
        [
            ("2020", "2020"),
            ("a year later", "2021"),
            ("3 May 2021", "2021-05-03"),
            ("the next day", "2021-05-04"),
        ]
    );
}

#[test]
fn a_commitment_or_schedule_puts_its_infinitive_clause_ahead() {
    let v = values(
        "Ana Costa is scheduled to visit Porto on Wednesday before flying to Addis Ababa, Ethiopia, on Thursday. The ministers agreed on Monday to extend the treaty and to meet again in Oslo in December. Berg was fired in December.",
        "2024-03-06",
    );
    let got: Vec<(&str, &str)> = v.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(
        got,
        [
            ("Wednesday", "2024-03-06"),
            ("Thursday", "2024-03-07"),
            ("Monday", "2024-03-04"),
            ("December", "2024-12"),
            ("December", "2023-12"),
        ]
    );
}

#[test]
fn absolute_and_relative_dates() {
    let v = values(
        "They met on Wednesday. On May 9, 2017 and 9 May 2017 and 5/9/2017. In March, last month, two weeks ago, yesterday, now. Five years passed.",
        "2017-05-10",
    );
    let got: Vec<(&str, &str)> = v.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(
        got,
        [
            ("Wednesday", "2017-05-10"),
            ("May 9, 2017", "2017-05-09"),
            ("9 May 2017", "2017-05-09"),
            ("5/9/2017", "2017-05-09"),
            ("March", "2017-03"),
            ("last month", "2017-04"),
            ("two weeks ago", "2017-04-26"),
            ("yesterday", "2017-05-09"),
            ("now", "PRESENT_REF"),
            ("Five years", "P5Y"),
        ]
    );
}

#[test]
fn headings_govern_the_lines_under_them() {
    let text = "May - July 2016: Probe opens\nHe spoke in May. Two months later he stopped.\nMay 9: Letter\nOn November 6, it ended.";
    let toks = tokenize(text);
    let t = find_timexes(text, &toks, PartialDate::parse("2017-05-10"));
    let got: Vec<(&str, &str, bool)> = t
        .iter()
        .map(|t| (t.span.text(text), t.value.as_str(), t.heading))
        .collect();
    assert_eq!(t[0].range_end.as_deref(), Some("2016-07"));
    assert!(t[3].anchored && !t[2].anchored);
    assert_eq!(
        got,
        [
            ("May", "2016-05", true),
            ("July 2016", "2016-07", false),
            ("May", "2016-05", false),
            ("Two months later", "2016-07", false),
            ("May 9", "2016-05-09", true),
            ("November 6", "2016-11-06", false),
        ]
    );
}

#[test]
fn a_bare_month_after_a_verb_of_intention_is_ahead() {
    let v = values(
        "Helix hopes to open the plant in November. It closed a mill in November.",
        "2024-03-06",
    );
    let v: Vec<&str> = v.iter().map(|(_, value)| value.as_str()).collect();
    assert_eq!(v, ["2024-11", "2023-11"]);
}

#[test]
fn a_day_told_in_the_past_is_no_later_than_the_anchor() {
    let v = values(
        "The strike began on Sept. 3. Talks ended on Sept 4. The fair is held on Sept 5. \
         Helix announced a launch to be held on Sept 6.",
        "2024-03-06",
    );
    let v: Vec<&str> = v.iter().map(|(_, value)| value.as_str()).collect();
    assert_eq!(v, ["2023-09-03", "2023-09-04", "2024-09-05", "2024-09-06"]);
}

#[test]
fn unknown_publication_date_leaves_relative_values_open() {
    let v = values("He left on Friday, last month.", "");
    assert_eq!(v, [("Friday".to_string(), "XXXX-XX-XX".to_string())]);
}
