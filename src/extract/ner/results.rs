//! Lines of sports results in agency copy ("Feyenoord 1 Twente 1",
//! "Ajax Amsterdam 2 NAC Breda 2 (halftime 1-0)"): two sides, each followed
//! by its score, are two teams, organizations, whatever their words would
//! be alone (a place, a person's name, a country). So is the name opening
//! a line of a standings table ("Willem II 10 6 3 1 20 8 21").

use super::{is_cap, Qualifiers, Recognized};
use crate::extract::Doc;
use crate::model::{EntityType, Evidence};
use std::ops::Range;

/// The most words a side's name has.
const MAX_WORDS: usize = 5;

/// Make the two sides of each result line organizations, in place of
/// whatever was found on them.
pub(super) fn result_lines(doc: Doc, out: &mut Recognized) {
    let (text, tokens) = (doc.text, &doc.toks.tokens);
    for line in &doc.toks.lines {
        let s = tokens.partition_point(|t| t.span.start < line.start);
        let e = tokens.partition_point(|t| t.span.start < line.end);
        // A side from token `from`: capitalized words, then a score of at
        // most three digits; its name's range and where it ends.
        let side = |from: usize| -> Option<(Range<usize>, usize)> {
            let name_end = (from..e.min(from + MAX_WORDS + 1))
                .find(|&k| !is_cap(&tokens[k]))
                .unwrap_or(e);
            let score = tokens
                .get(name_end)
                .filter(|_| name_end < e)?
                .span
                .text(text);
            (name_end > from
                && name_end - from <= MAX_WORDS
                && (1..=3).contains(&score.len())
                && score.bytes().all(|b| b.is_ascii_digit()))
            .then_some((from..name_end, name_end + 1))
        };
        let Some((home, next)) = side(s) else {
            continue;
        };
        let number = |k: usize| {
            let w = tokens[k].span.text(text);
            (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
        };
        let teams = match side(next) {
            // The line ends there, or its scorers or the half-time score
            // follow in brackets.
            Some((away, after)) if after >= e || tokens[after].lower == "(" => vec![home, away],
            // A row of standings: three numbers or more, and nothing else.
            _ if e - home.end >= 3 && (home.end..e).all(number) => vec![home],
            _ => continue,
        };
        let last = teams[teams.len() - 1].end;
        let keep: Vec<bool> = out
            .mentions
            .iter()
            .map(|m| m.end_token <= s || m.first_token >= last)
            .collect();
        super::patterns::retain_mentions(out, &keep);
        for team in teams {
            out.push(
                tokens,
                team,
                EntityType::Organization,
                Evidence::Pattern("result line"),
                Qualifiers::default(),
            );
        }
    }
}
