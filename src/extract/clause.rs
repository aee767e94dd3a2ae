//! Clauses: the stretch of a sentence around a word up to the nearest
//! clause words, where event detection looks for a trigger's participants
//! and dating for its time expression.

use crate::model::{Shape, Token};
use crate::resources::words::WordList;
use std::ops::Range;

/// The clause around the tokens `word` inside the tokens `sentence`: from
/// the token after the nearest boundary word before `word` to the nearest
/// boundary word after it (exclusive), as a token range `(start, end)`.
pub(crate) fn clause(
    tokens: &[Token],
    word: Range<usize>,
    sentence: Range<usize>,
    boundaries: &WordList,
) -> (usize, usize) {
    let bound = |k: usize| {
        (boundaries.contains(&tokens[k].lower) && !time_of_day_after(tokens, k))
            || clause_as(tokens, k)
    };
    let mut a = word.start;
    loop {
        while a > sentence.start && !bound(a - 1) {
            a -= 1;
        }
        match aside(tokens, sentence.start..word.start, a.wrapping_sub(1), false) {
            Some(open) => a = open,
            None => break,
        }
    }
    let mut b = word.end;
    loop {
        while b < sentence.end && !bound(b) {
            b += 1;
        }
        match aside(tokens, word.end..sentence.end, b, true) {
            Some(close) => b = close + 1,
            None => break,
        }
    }
    (a, b)
}

/// Longest aside in parentheses that a clause runs through.
const ASIDE_MAX: usize = 6;

/// "Ana Costa (left) met Piet Vermeer (right)": a short aside of lowercase
/// words in parentheses, at token `k` inside `within`, is no clause of its
/// own. Gives
/// the other parenthesis (`forward`: `k` opens it).
fn aside(tokens: &[Token], within: Range<usize>, k: usize, forward: bool) -> Option<usize> {
    let (open, close) = if forward { ("(", ")") } else { (")", "(") };
    if !within.contains(&k) || tokens[k].lower != open {
        return None;
    }
    // Lowercase words only: "(EADS)" or "(R-Ohio)" names something.
    let inside = |j: usize| within.contains(&j) && tokens[j].shape == Shape::Lower;
    let mut j = k;
    for _ in 0..=ASIDE_MAX {
        j = if forward { j + 1 } else { j.checked_sub(1)? };
        if within.contains(&j) && tokens[j].lower == close {
            return (j.abs_diff(k) > 1).then_some(j);
        }
        if !inside(j) {
            return None;
        }
    }
    None
}

/// "killed before dawn on Monday", "shortly after midnight": "before" or
/// "after" with a time of day is a phrase of time, not a clause; so is
/// "that" with a part of a day or a period ("later that morning", "that
/// week").
fn time_of_day_after(tokens: &[Token], k: usize) -> bool {
    let next = |k: usize| tokens.get(k + 1).map_or("", |t| t.lower.as_str());
    if tokens[k].lower == "that"
        && matches!(
            next(k),
            "morning" | "afternoon" | "evening" | "night" | "day" | "week" | "weekend" | "month"
        )
    {
        return true;
    }
    matches!(tokens[k].lower.as_str(), "before" | "after" | "until")
        && tokens.get(k + 1).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "dawn"
                    | "dusk"
                    | "daybreak"
                    | "sunrise"
                    | "sunset"
                    | "midnight"
                    | "noon"
                    | "midday"
                    | "nightfall"
                    | "dark"
            )
        })
}

/// "as" after a comma opens a clause of its own ("officials said, as talks
/// in Doha stalled"), but not "…, as well as".
fn clause_as(tokens: &[Token], k: usize) -> bool {
    tokens[k].lower == "as"
        && k > 0
        && tokens[k - 1].lower == ","
        && tokens.get(k + 1).is_none_or(|t| t.lower != "well")
}

/// A relative clause right after a noun trigger (only punctuation between)
/// belongs to it: "the talks that they began last month".
/// `trigger` is the noun's last token, `c1` the end of its clause, `s1` of
/// its sentence; returns the end of the relative clause, else `c1`.
pub(crate) fn relative_clause_end(tokens: &[Token], trigger: usize, c1: usize, s1: usize) -> usize {
    let t = tokens;
    let mut k = trigger + 1;
    while k < c1 && t[k].shape == Shape::Punct {
        k += 1;
    }
    let trigger_end = k;
    while k < s1 && t[k].shape == Shape::Punct && t[k].lower != "," {
        k += 1;
    }
    if (k == c1 || trigger_end == c1) && k < s1 && matches!(t[k].lower.as_str(), "that" | "which") {
        let mut b = k + 1;
        while b < s1 && !matches!(t[b].lower.as_str(), ";" | ":" | "," | "." | "but" | "while") {
            b += 1;
        }
        b
    } else {
        c1
    }
}

#[cfg(test)]
mod tests {
    use super::{clause, relative_clause_end};
    use crate::extract::text::tokenize;
    use crate::resources::words::events::{BOUNDARIES, DATING_BOUNDARIES};

    #[test]
    fn clauses_stop_at_their_boundary_words() {
        let toks = tokenize("Smith met Jones unless Brown resigned in May.").tokens;
        let met = toks.iter().position(|t| t.lower == "met").unwrap_or(0);
        let all = 0..toks.len();
        // "unless" bounds a clause for detection, not for dating.
        assert_eq!(
            clause(&toks, met..met + 1, all.clone(), &BOUNDARIES),
            (0, 3)
        );
        let (a, b) = clause(&toks, met..met + 1, all.clone(), &DATING_BOUNDARIES);
        assert_eq!((a, b), (0, toks.len()));
    }

    #[test]
    fn a_short_aside_in_parentheses_is_inside_the_clause() {
        let toks = tokenize("Ana Costa (left in photo) met Jonas Berg (right) in Oslo.").tokens;
        let met = toks.iter().position(|t| t.lower == "met").unwrap_or(0);
        let all = 0..toks.len();
        assert_eq!(
            clause(&toks, met..met + 1, all, &BOUNDARIES),
            (0, toks.len())
        );
        // A longer one is a clause of its own.
        let toks = tokenize("Ana Costa (who had led the party for many years) met Berg.").tokens;
        let met = toks.iter().position(|t| t.lower == "met").unwrap_or(0);
        let (a, _) = clause(&toks, met..met + 1, 0..toks.len(), &BOUNDARIES);
        assert_eq!(toks[a - 1].lower, ")");
    }

    #[test]
    fn a_relative_clause_after_a_noun_belongs_to_it() {
        let toks = tokenize("The talks, which began in May, ended.").tokens;
        let talks = 1;
        let (_, c1) = clause(&toks, talks..talks + 1, 0..toks.len(), &BOUNDARIES);
        assert_eq!(toks[c1].lower, "which");
        let end = relative_clause_end(&toks, talks, c1, toks.len());
        assert_eq!(toks[end].lower, ",");
    }
}
