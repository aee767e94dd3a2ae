//! Roles one event of a sentence lends another: the place of an event
//! noun to the verb of its relative clause ("a bombing in Quetta that
//! killed twenty people"), the patient of an arrest to the charge it was
//! made on ("was arrested on charges of fraud").

use super::EventMention;
use crate::model::{Participant, Role, Token};
use crate::resources::words::events::VERB_GROUP;
use crate::resources::Pos;

/// The participants of `m` in `role`.
fn in_role(m: &EventMention, role: Role) -> Vec<Participant> {
    m.event
        .participants
        .iter()
        .filter(|x| x.role == role)
        .cloned()
        .collect()
}

/// "a bombing in Quetta that killed twenty people": a verb opening a
/// relative clause on an event noun happened where the noun did, when it
/// has no place of its own. `events`: one sentence's mentions.
pub(super) fn from_relative_antecedent(tokens: &[Token], events: &mut [EventMention]) {
    for k in 0..events.len() {
        let m = &events[k];
        if m.pos != Pos::Verb || m.event.participants.iter().any(|x| x.role == Role::Place) {
            continue;
        }
        let mut rel = m.token;
        while rel > 0 && VERB_GROUP.contains(&tokens[rel - 1].lower) && rel + 3 > m.token {
            rel -= 1;
        }
        if rel == 0 || !matches!(tokens[rel - 1].lower.as_str(), "that" | "which") {
            continue;
        }
        let Some(n) = events[..k]
            .iter()
            .rev()
            .find(|n| n.pos == Pos::Noun && n.token + n.len < rel && n.token + n.len + 8 >= rel)
        else {
            continue;
        };
        let places = in_role(n, Role::Place);
        events[k].event.participants.extend(places);
    }
}

/// "was arrested on charges of fraud", "went on trial on charges of
/// bribery": a charge an arrest, a trial or a sentence is made on is
/// against whom that is done to. `events`: one sentence's mentions.
pub(super) fn charged_on(tokens: &[Token], events: &mut [EventMention]) {
    for k in 0..events.len() {
        let m = &events[k];
        if m.event.kind != "Charge"
            || m.pos != Pos::Noun
            || m.event.participants.iter().any(|x| x.role == Role::Patient)
            || !(m.token.saturating_sub(3)..m.token).any(|j| tokens[j].lower == "on")
        {
            continue;
        }
        let Some(v) = events[..k].iter().rev().find(|n| {
            matches!(n.event.kind.as_str(), "Arrest" | "Trial" | "Sentence")
                && n.token + 10 > m.token
                && !tokens[n.token..m.token]
                    .iter()
                    .any(|t| matches!(t.lower.as_str(), "," | ";"))
        }) else {
            continue;
        };
        let patients = in_role(v, Role::Patient);
        events[k].event.participants.extend(patients);
    }
}
