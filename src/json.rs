//! The FORMAT.md document shape of an extraction (`extract --format json`),
//! with code-point offsets.
//!
//! Coreferent event mentions are written as one event each, as the gold
//! files annotate event mentions: they share the date, and each has the
//! participants its own sentence names.
//! `events` holds what the article reports as happened or scheduled;
//! denied and merely possible events ("did not meet", "could strike") go
//! to `unrealized_events`, with their modality, out of the scored layers.

use crate::model::CharIndex;
use crate::model::{Extraction, Modality};
use serde_json::{json, Value};

/// Upper bound on `before` pairs written for one document.
const MAX_BEFORE_PAIRS: usize = 50_000;

pub fn document(id: &str, text: &str, published: Option<&str>, x: &Extraction) -> Value {
    let ix = CharIndex::new(text);
    let entities: Vec<Value> = x
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mentions: Vec<[usize; 2]> = e.extents.iter().map(|m| { let (a, b) = ix.span(*m); [a, b] }).collect();
            json!({"id": format!("e{}", i + 1), "type": e.kind.as_str(), "name": e.name, "mentions": mentions, "wikidata": e.wikidata})
        })
        .collect();
    let mut events = Vec::new();
    let mut unrealized = Vec::new();
    // Each event's written mentions: id and sentence.
    let mut ids_of: Vec<Vec<(String, usize)>> = Vec::new();
    for (i, ev) in x.events.iter().enumerate() {
        let mut ids = Vec::new();
        for (k, (sp, sentence, named)) in std::iter::once((ev.trigger, ev.sentence, &ev.local))
            .chain((ev.coreferent.iter()).map(|c| (c.trigger, c.sentence, &c.participants)))
            .enumerate()
        {
            let id = if k == 0 {
                format!("v{}", i + 1)
            } else {
                format!("v{}.{}", i + 1, k)
            };
            let (a, b) = ix.span(sp);
            let participants: Vec<Value> = named
                .iter()
                .map(|p| json!({"entity": format!("e{}", p.entity + 1), "role": p.role.as_str()}))
                .collect();
            let mut v = json!({"id": id, "type": ev.kind, "trigger": [a, b], "participants": participants,
                "date": ev.date.map(|d| d.to_string())});
            if ev.modality != Modality::Asserted {
                v["modality"] = json!(ev.modality.as_str());
            }
            if ev.modality.realized() {
                events.push(v);
                ids.push((id, sentence));
            } else {
                unrealized.push(v);
            }
        }
        ids_of.push(ids);
    }
    let before = related_pairs(x, &ids_of);
    let timexes: Vec<Value> = x
        .timexes
        .iter()
        .map(|t| {
            let (a, b) = ix.span(t.span);
            json!({"span": [a, b], "value": t.value})
        })
        .collect();
    json!({
        "id": id,
        "published": published,
        "text": text,
        "layers": ["entity_mentions", "entities", "events", "meetings", "event_dates", "before"],
        "entities": entities,
        "events": events,
        "unrealized_events": unrealized,
        "before": before,
        "timexes": timexes,
    })
}

/// The `before` pairs of mentions the article relates: of the transitive
/// closure of the extraction's order, those between mentions in one
/// sentence or in neighbouring ones, and those with an event of the lede
/// (the news every other event of the story is told against). The full
/// closure of a dated story orders every pair of its events, most of them
/// told paragraphs apart and related by nothing but the calendar; the
/// graph keeps the whole order (`ng:before+`).
fn related_pairs(x: &Extraction, ids_of: &[Vec<(String, usize)>]) -> Vec<Value> {
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); x.events.len()];
    for &(a, b) in &x.before {
        succ[a].push(b);
    }
    let in_lede = |e: usize| {
        let ev = &x.events[e];
        ev.sentence < x.lede || ev.coreferent.iter().any(|c| c.sentence < x.lede)
    };
    let mut before = Vec::new();
    'all: for a in 0..x.events.len() {
        let mut seen = std::collections::HashSet::new();
        let mut stack = succ[a].clone();
        while let Some(b) = stack.pop() {
            if b == a || !seen.insert(b) {
                continue;
            }
            stack.extend(&succ[b]);
            let lede = in_lede(a) || in_lede(b);
            for (ia, sa) in &ids_of[a] {
                for (ib, sb) in &ids_of[b] {
                    if !lede && sa.abs_diff(*sb) > 1 {
                        continue;
                    }
                    if before.len() >= MAX_BEFORE_PAIRS {
                        break 'all;
                    }
                    before.push(json!([ia, ib]));
                }
            }
        }
    }
    before
}
