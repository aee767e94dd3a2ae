//! Time expressions placed on the token grid, with what decides which
//! events each may date: a pre-modifier ("the 2016 campaign"), a photo
//! caption's closing date, "since" (no event's time).

use crate::model::{PartialDate, Timex, Tokens};
use crate::resources::words::events::{DATE_NOT_MODIFIER, PREPOSITIONS};

/// A dated time expression placed on the token grid.
#[derive(Debug, Clone, Copy)]
pub(super) struct Placed {
    /// First token.
    pub(super) tok: usize,
    pub(super) date: PartialDate,
    pub(super) heading: bool,
    /// End of a heading range ("May - July 2016").
    pub(super) range_end: Option<PartialDate>,
    pub(super) anchored: bool,
    /// A year or date used as a pre-modifier ("the 2016 campaign"): it only
    /// dates a noun trigger right after it.
    pub(super) modifier: bool,
    /// A photo caption's closing date after its place ("…, in Vik, Norland,
    /// May 3, 2024."): it dates the sentence's events before it.
    pub(super) caption: bool,
}

/// `verbs`: the tokens of verb triggers, in order; a date right before one
/// is the verb's adverbial ("on Tuesday delivered"), no modifier.
pub(super) fn place_timexes(toks: &Tokens, timexes: &[Timex], verbs: &[usize]) -> Vec<Placed> {
    timexes
        .iter()
        .filter_map(|t| {
            let date = t.date()?;
            let tok = toks.tokens.partition_point(|x| x.span.start < t.span.start);
            // "since 1996" bounds a state or a series; it is no event's time.
            if tok > 0 && toks.tokens[tok - 1].lower == "since" {
                return None;
            }
            let after = toks.tokens.partition_point(|x| x.span.start < t.span.end);
            let next = toks.tokens.get(after);
            // "on Tuesday pending an audit": after "on", a day is the time
            // of something, never a pre-modifier.
            let after_on = tok > 0 && toks.tokens[tok - 1].lower == "on";
            let determined = tok > 0
                && matches!(toks.tokens[tok - 1].lower.as_str(), "the" | "a" | "an")
                && next.is_some_and(|n| n.shape != crate::model::Shape::Punct);
            // "the 2016 campaign", "this year's conference", "the 2008
            // Beijing Games"; not "on Tuesday delivered", "Monday it said".
            let modifier = !after_on
                && (next.is_some_and(|n| n.lower == "'s")
                    || determined
                    || next.is_some_and(|n| {
                        n.shape == crate::model::Shape::Lower
                            && n.lower.chars().all(char::is_alphabetic)
                            && !DATE_NOT_MODIFIER.contains(&n.lower)
                            && !PREPOSITIONS.contains(&n.lower)
                    }) && verbs.binary_search(&after).is_err());
            let caption = {
                let sent = &toks.sentences[toks.sentences.partition_point(|s| s.tokens.end <= tok)];
                tok >= sent.tokens.start + 3
                    && toks.tokens[tok - 1].lower == ","
                    && toks.tokens[tok - 2].shape == crate::model::Shape::Capitalized
                    && toks.tokens[tok.saturating_sub(8).max(sent.tokens.start)..tok - 2]
                        .iter()
                        .any(|t| t.lower == "in")
                    && toks.tokens[after.min(sent.tokens.end)..sent.tokens.end]
                        .iter()
                        .all(|t| t.shape == crate::model::Shape::Punct)
            };
            Some(Placed {
                tok,
                date,
                caption,
                heading: t.heading,
                range_end: t.range_end.as_deref().and_then(PartialDate::parse),
                anchored: t.anchored,
                modifier,
            })
        })
        .collect()
}
