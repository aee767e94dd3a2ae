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
    let mut a = word.start;
    while a > sentence.start && !boundaries.contains(&tokens[a - 1].lower) {
        a -= 1;
    }
    let mut b = word.end;
    while b < sentence.end && !boundaries.contains(&tokens[b].lower) {
        b += 1;
    }
    (a, b)
}

/// A relative clause right after a noun trigger (only punctuation between)
/// belongs to it: "the exchange of views that they started last month".
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
