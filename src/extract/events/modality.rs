//! Modality: whether an event is said to have happened, to be planned, to
//! be only possible, or not to have happened, from the words before its
//! trigger.

use crate::model::{Modality, Shape, Token};
use crate::resources::words::events::{
    ASPECT_VERBS, DEMAND_VERBS, HEDGE_STOPS, INTENT, JUDGEMENT, POSSIBILITY,
};
use crate::resources::{Pos, Trigger};

/// The modality of the trigger `trig` at token `i` of the sentence
/// starting at token `s_start`.
pub(super) fn modality(tokens: &[Token], i: usize, s_start: usize, trig: &Trigger) -> Modality {
    let from = i.saturating_sub(4).max(s_start);
    let window: Vec<&str> = tokens[from..i]
        .iter()
        .filter(|t| t.shape == Shape::Lower || t.shape == Shape::Punct)
        .map(|t| t.lower.as_str())
        .collect();
    if window
        .iter()
        .any(|w| matches!(*w, "not" | "n't" | "never" | "no" | "t"))
    {
        return Modality::Negated;
    }
    // "released without charge", "ended without a deal", "left without
    // meeting her": what did not happen.
    let without = |b: usize| i >= s_start + b && tokens[i - b].lower == "without";
    if without(1) || without(2) && matches!(tokens[i - 1].lower.as_str(), "a" | "an" | "any") {
        return Modality::Negated;
    }
    // Possibility rather than intent, within the trigger's clause: "could
    // strike", "threatened to bomb", "the possibility of an explosion".
    let possible = tokens[i.saturating_sub(7).max(s_start)..i]
        .iter()
        .rev()
        // "could have swayed the election": the modal is about the
        // swaying; the election took place.
        .take_while(|t| {
            let clause_edge = HEDGE_STOPS.contains(&t.lower);
            let perfect = trig.pos == Pos::Noun && matches!(t.lower.as_str(), "have" | "has");
            !(clause_edge || perfect)
        })
        .any(|t| {
            // "May" capitalized is the month; "If" or "Could" opening the
            // sentence still hedge.
            (t.shape == Shape::Lower || t.lower != "may") && POSSIBILITY.contains(&t.lower)
        });
    // "a possible summit", "the possibility of an explosion": said of the
    // event's own noun phrase, not of a word before it ("Possible topics for
    // Wednesday's talks").
    let possible = possible
        || (1..=3).any(|b| {
            i >= s_start + b
                && match tokens[i - b].lower.as_str() {
                    "possible" | "potential" => b <= 2,
                    "possibility" => b >= 2 && tokens[i - b + 1].lower == "of",
                    _ => false,
                }
        });
    if trig.pos == Pos::Noun && demanded(tokens, i, s_start) {
        return Modality::Hypothetical;
    }
    // "may be seen as the deadliest raid": a hedged judgement of an event
    // that happened.
    let judged = tokens[i.saturating_sub(6).max(s_start)..i]
        .iter()
        .any(|t| JUDGEMENT.contains(&t.lower));
    // A past verb is hypothetical only as a modal perfect: "could have
    // attacked".
    let modal_perfect = i >= s_start + 2
        && tokens[i - 1].lower == "have"
        && matches!(
            tokens[i - 2].lower.as_str(),
            "could" | "might" | "may" | "would" | "should"
        );
    let past = trig.pos == Pos::Verb && matches!(trig.tense.as_str(), "past");
    if possible && !judged && (!past || modal_perfect) {
        return Modality::Hypothetical;
    }
    // "would": future in the past, "said the planes would meet demand".
    let intent = window.iter().any(|w| INTENT.contains(w));
    if intent && !(trig.pos == Pos::Verb && matches!(trig.tense.as_str(), "past")) {
        return Modality::Planned;
    }
    // "a contract to supply", "agreed to buy": an infinitive looks ahead,
    // unless a verb of aspect carries it ("began to fall").
    // ("Lawmakers voted on Thursday to remove her": the vote does it.)
    if trig.pos == Pos::Verb
        && trig.tense == "base"
        && i > s_start
        && tokens[i - 1].lower == "to"
        && !(i >= s_start + 2
            && (ASPECT_VERBS
                .iter()
                .any(|v| tokens[i - 2].lower.starts_with(v))
                || (i.saturating_sub(6).max(s_start)..i - 1)
                    .rev()
                    .take_while(|&k| tokens[k].lower != ",")
                    .any(|k| matches!(tokens[k].lower.as_str(), "voted" | "votes"))))
    {
        return Modality::Planned;
    }
    Modality::Asserted
}

/// Whether the event noun at `i` is what a verb asks for: "demanded his
/// resignation", "called for an independent inquiry", "urged Costa's
/// arrest" (past its determiner, possessor and adjectives).
fn demanded(tokens: &[Token], i: usize, s_start: usize) -> bool {
    let mut k = i;
    while k > s_start && i - k < 6 {
        let t = &tokens[k - 1];
        let asks = |v: &Token, for_: bool| {
            if for_ {
                DEMAND_VERBS.contains(&format!("{} for", v.lower))
            } else {
                DEMAND_VERBS.contains(&v.lower)
            }
        };
        if asks(t, false) {
            return true;
        }
        if t.lower == "for" {
            return k >= s_start + 2 && asks(&tokens[k - 2], true);
        }
        // Only the noun phrase's own words: no other verb, preposition or
        // clause edge between.
        if super::phrase_edge(t) {
            return false;
        }
        k -= 1;
    }
    false
}
