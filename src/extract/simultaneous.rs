//! Events told as simultaneous: "Seven people were killed when an airliner
//! crash-landed on Wednesday", "When police arrived on Tuesday, they
//! arrested two men", "The protest in Vik turned violent on Tuesday". An
//! event with no time of its own clause takes the time of the event of the
//! "when" clause attached to it, an event noun that of the verb it is
//! the subject of, and a past verb after "and" that of the past verb
//! before it ("accepted it on Wednesday and said").

use crate::extract::events::{occurrence_subject, EventMention};
use crate::model::{Event, Role, Tokens};

/// Most tokens between an event's trigger and the "when" after it.
const REACH: usize = 12;

/// Dates events without a time of their own (`own[k]` false) from the
/// events told as simultaneous with them, and marks them dated.
pub(super) fn share_dates(
    toks: &Tokens,
    mentions: &[EventMention],
    events: &mut [(Event, bool)],
    own: &mut [bool],
) {
    share_when_dates(toks, mentions, events, own);
    share_predicate_dates(toks, mentions, events, own);
    share_coordinated_dates(toks, mentions, events, own);
}

/// "She accepted the resignation on Wednesday and said …", "arrived on
/// Thursday and met the commanders": a past verb right after "and" (or
/// "and was"), without a time of its own, shares the date of the verb
/// before it in its sentence (the nearest verb mention, in the past, with
/// a time of its own), as one subject's two acts told together.
/// Not across a comma, a semicolon or a quote, and not for another
/// subject ("…, and the minister named").
fn share_coordinated_dates(
    toks: &Tokens,
    mentions: &[EventMention],
    events: &mut [(Event, bool)],
    own: &mut [bool],
) {
    let tokens = &toks.tokens;
    let past = |m: &EventMention| m.pos == crate::resources::Pos::Verb && m.tense == "past";
    for j in 1..mentions.len() {
        let m = &mentions[j];
        if own[j] || !past(m) {
            continue;
        }
        let sent = &toks.sentences[events[j].0.sentence].tokens;
        let mut and = m.token;
        if and > sent.start && matches!(tokens[and - 1].lower.as_str(), "was" | "were") {
            and -= 1;
        }
        if and <= sent.start || tokens[and - 1].lower != "and" {
            continue;
        }
        let and = and - 1;
        // The nearest verb before "and", in the sentence.
        let verb = |k: &usize| mentions[*k].pos == crate::resources::Pos::Verb;
        let Some(k) = (0..j).rev().filter(verb).find(|&k| mentions[k].token < and) else {
            continue;
        };
        let prev = &mentions[k];
        // ("detained Costa on Monday and charged Berg": another act, on
        // someone else.)
        let patients = |e: &Event| {
            e.participants
                .iter()
                .filter(|p| p.role == Role::Patient)
                .map(|p| p.entity)
                .collect::<Vec<_>>()
        };
        let (mine, theirs) = (patients(&m.event), patients(&prev.event));
        let other_patient = !theirs.is_empty() && mine.iter().any(|e| !theirs.contains(e));
        if other_patient
            || prev.token < sent.start
            || !own[k]
            || !past(prev)
            || (prev.token + prev.len..and)
                .any(|w| matches!(tokens[w].lower.as_str(), "," | ";" | ":" | "\""))
        {
            continue;
        }
        if let Some(date) = events[k].0.date {
            events[j].0.date = Some(date);
            events[j].1 = true;
            own[j] = true;
        }
    }
}

/// "The protest in Vik turned violent on Tuesday": an event noun without
/// a time of its own takes that of the verb right after it whose subject
/// it is (no report: "the inquiry said on Monday" dates the saying).
fn share_predicate_dates(
    toks: &Tokens,
    mentions: &[EventMention],
    events: &mut [(Event, bool)],
    own: &mut [bool],
) {
    for j in 0..mentions.len().saturating_sub(1) {
        let (noun, verb) = (&mentions[j], &mentions[j + 1]);
        if own[j]
            || !own[j + 1]
            || verb.pos != crate::resources::Pos::Verb
            || events[j + 1].0.kind == "Statement"
            || events[j].0.sentence != events[j + 1].0.sentence
            || !occurrence_subject(noun, verb, &toks.tokens)
        {
            continue;
        }
        if let Some(date) = events[j + 1].0.date {
            events[j].0.date = Some(date);
            events[j].1 = true;
            own[j] = true;
        }
    }
}

/// For each event mention without a time of its own (`own[k]` false), the
/// date of a dated event of the "when" clause attached to it: right after
/// it in its sentence (no comma or report between), or opening the
/// sentence before the comma that precedes it. Reports (Statements) take
/// none: "officials said when asked" tells no time of the report's.
fn share_when_dates(
    toks: &Tokens,
    mentions: &[EventMention],
    events: &mut [(Event, bool)],
    own: &mut [bool],
) {
    debug_assert!(mentions.windows(2).all(|w| w[0].token <= w[1].token));
    let tokens = &toks.tokens;
    let updates: Vec<(usize, usize)> = (0..mentions.len())
        .filter(|&j| !own[j] && events[j].0.kind != "Statement")
        .filter_map(|j| {
            let m = &mentions[j];
            let sent = &toks.sentences[events[j].0.sentence].tokens;
            let end = m.token + m.len;
            // "killed … when X crash-landed on Wednesday"
            let after = (end..sent.end.min(end + REACH))
                .take_while(|&w| !matches!(tokens[w].lower.as_str(), "," | ";" | ":" | "\""))
                .find(|&w| tokens[w].lower == "when");
            // Mentions are in text order: those starting in `from..to`.
            let dated = |from: usize, to: usize| {
                let lo = mentions.partition_point(|x| x.token < from);
                let hi = mentions.partition_point(|x| x.token < to);
                (lo..hi.max(lo)).find(|&k| k != j && own[k] && events[k].0.date.is_some())
            };
            if let Some(w) = after {
                let close = (w..sent.end)
                    .find(|&k| matches!(tokens[k].lower.as_str(), "," | ";" | "."))
                    .unwrap_or(sent.end);
                return dated(w + 1, close).map(|k| (j, k));
            }
            // "When police arrived on Tuesday, they arrested two men"
            if tokens[sent.start].lower != "when" {
                return None;
            }
            let comma = (sent.start..m.token).find(|&k| tokens[k].lower == ",")?;
            let later_comma = (comma + 1..m.token).any(|k| tokens[k].lower == ",");
            if later_comma {
                return None;
            }
            dated(sent.start + 1, comma).map(|k| (j, k))
        })
        .collect();
    for (j, k) in updates {
        events[j].0.date = events[k].0.date;
        events[j].1 = true;
        own[j] = true;
    }
}
