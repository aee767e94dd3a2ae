//! Personal pronouns as stand-ins for the people they refer to, for roles
//! only ("He announced the plan": the agent is the person named before).
//! They are no mentions of the entity: names and their provenance are
//! unchanged; only an event's participant is.
//!
//! A pronoun refers to the person named last before it in its sentence,
//! else to the first person named in the nearest of the two sentences
//! before it that names one (the subject a news story goes on about).
//! Only where the person is unambiguous: two people named in that earlier
//! sentence and none in this one leave the pronoun unresolved. Only
//! nominative pronouns (he, she): a subject, never an object. A person
//! named inside quoted speech is not the antecedent of a pronoun outside
//! it ("'Kim's brother was murdered,' he said").

use super::Placed;
use crate::model::{EntityType, Sentence, Token};
use std::ops::Range;

/// Third-person singular pronouns that refer to a person, as subjects.
const PERSONAL: [&str; 2] = ["he", "she"];

/// The pronouns of sentence `si` resolved to a person, as placed
/// mentions; `placed` holds every name of the document in text order.
pub(super) fn resolve(
    tokens: &[Token],
    sentences: &[Sentence],
    si: usize,
    placed: &[Placed],
    speech: &[Range<usize>],
) -> Vec<Placed> {
    let r = sentences[si].tokens.clone();
    let people_in = |a: usize, b: usize| {
        let lo = placed.partition_point(|p| p.first < a);
        let hi = placed.partition_point(|p| p.first < b);
        placed[lo..hi.max(lo)]
            .iter()
            .filter(|p| p.kind == EntityType::Person)
            .copied()
            .collect::<Vec<_>>()
    };
    let here = people_in(r.start, r.end);
    // The person of the nearest earlier sentence naming one, if only one.
    let before = (si.saturating_sub(2)..si)
        .rev()
        .map(|k| people_in(sentences[k].tokens.start, sentences[k].tokens.end))
        .find(|ps| !ps.is_empty())
        .and_then(|ps| {
            let first = ps[0].entity;
            ps.iter().all(|p| p.entity == first).then_some(ps[0])
        });
    let mut out = Vec::new();
    for k in r.clone() {
        if !PERSONAL.contains(&tokens[k].lower.as_str()) {
            continue;
        }
        let quote = speech.iter().find(|q| q.contains(&k));
        let same_voice = |p: &Placed| quote == speech.iter().find(|q| q.contains(&p.first));
        let antecedent = here
            .iter()
            .rev()
            .find(|p| p.end <= k && same_voice(p))
            .copied()
            .or(before);
        if let Some(p) = antecedent {
            out.push(Placed {
                first: k,
                end: k + 1,
                entity: p.entity,
                kind: EntityType::Person,
                pronoun: true,
            });
        }
    }
    out
}
