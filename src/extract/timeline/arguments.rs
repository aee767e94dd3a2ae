//! Order between a verb and the event noun it takes as its object or, in
//! the passive, as its subject: what one judges, answers or ends happened
//! before ("rejected the offer", "the strike was halted"); what one plans,
//! allows or puts off comes after ("approved the merger", "the vote was
//! postponed"). The verb's meaning decides (`RETROSPECTIVE_VERBS`,
//! `PROSPECTIVE_VERBS`); other verbs give no order.

use crate::model::{Event, Shape, Span, Tokens};
use crate::resources::words::events::{
    AUXILIARIES, PREPOSITIONS, PROSPECTIVE_VERBS, RETROSPECTIVE_VERBS,
};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Most words between a verb and the head of its object ("rejected the
/// union's final offer"), or between a subject's head and its verb ("the
/// vote has now been postponed").
const MAX_BETWEEN: usize = 4;

/// Words before a participle that make it a noun's modifier.
const ADJECTIVE_OPENERS: [&str; 12] = [
    "a", "an", "the", "this", "that", "its", "their", "his", "her", "our", "much", "long",
];

/// `before` pairs between a verb trigger and an event noun it governs, in
/// one sentence; every mention of an event counts ("the deal", told again,
/// "had been killed"). `verbs`: the trigger starts of the verb mentions.
pub(super) fn argument_order(
    toks: &Tokens,
    events: &[Event],
    verbs: &HashSet<usize>,
) -> Vec<(usize, usize)> {
    let tokens = &toks.tokens;
    let at = |s: Span| tokens.partition_point(|t| t.span.start < s.start);
    let after = |s: Span| tokens.partition_point(|t| t.span.start < s.end);
    // Mentions grouped by sentence: pairs are looked for inside one (over
    // all pairs of a long text's events it would be quadratic).
    let mut by_sentence: HashMap<usize, Vec<(usize, Span)>> = HashMap::default();
    for (k, e) in events.iter().enumerate() {
        for s in std::iter::once(e.trigger).chain(e.coreferent.iter().map(|c| c.trigger)) {
            let si = toks.sentences.partition_point(|x| x.span.end <= s.start);
            by_sentence.entry(si).or_default().push((k, s));
        }
    }
    let mut out = Vec::new();
    for group in by_sentence.values() {
        for &(v, vs) in group {
            let verb = &events[v];
            if !verbs.contains(&vs.start) {
                continue;
            }
            let retrospective = RETROSPECTIVE_VERBS.contains(&verb.lemma);
            if !retrospective && !PROSPECTIVE_VERBS.contains(&verb.lemma) {
                continue;
            }
            let (v0, v1) = (at(vs), after(vs));
            // "a suspended sentence", "the much delayed launch": a
            // participle before a noun qualifies it.
            if v0 > 0 && ADJECTIVE_OPENERS.contains(&tokens[v0 - 1].lower.as_str()) {
                continue;
            }
            for &(n, ns) in group {
                if n == v || verbs.contains(&ns.start) {
                    continue;
                }
                let (n0, n1) = (at(ns), after(ns));
                // "the takeover offer": a noun before another qualifies it.
                if tokens.get(n1).is_some_and(|t| {
                    t.shape == Shape::Lower
                        && t.lower.chars().all(char::is_alphabetic)
                        && !closes_phrase(&t.lower)
                }) {
                    continue;
                }
                let governed = if n0 >= v1 {
                    // "called for talks": the particle of a verb of asking
                    // ("called the claim nonsense" names, and orders nothing).
                    let from = if verb.lemma == "call" {
                        if tokens.get(v1).is_none_or(|t| t.lower != "for") {
                            continue;
                        }
                        v1 + 1
                    } else {
                        v1
                    };
                    object_words(&tokens[from.min(n0)..n0])
                } else {
                    n1 <= v0 && passive_between(&tokens[n1..v0])
                };
                if governed {
                    out.push(if retrospective { (n, v) } else { (v, n) });
                }
            }
        }
    }
    out
}

/// Whether the words between a verb and a noun make the noun its object's
/// head: at most [`MAX_BETWEEN`] determiners, modifiers and possessors
/// ("the", "its", "the union's final"), no punctuation but a possessive,
/// no preposition, conjunction, "to" or auxiliary.
fn object_words(between: &[crate::model::Token]) -> bool {
    between.len() <= MAX_BETWEEN
        && between.iter().all(|t| {
            let w = t.lower.as_str();
            let possessive = matches!(w, "'s" | "'" | "’s");
            (t.shape != Shape::Punct || possessive)
                && !AUXILIARIES.contains(w)
                && !PREPOSITIONS.contains(w)
                && !matches!(
                    w,
                    "after"
                        | "before"
                        | "since"
                        | "until"
                        | "amid"
                        | "and"
                        | "or"
                        | "but"
                        | "that"
                        | "which"
                        | "who"
                        | "when"
                        | "while"
                        | "if"
                )
        })
}

/// Whether a word after a noun ends its phrase: a preposition, a
/// conjunction, an auxiliary, a relative pronoun or an adverb.
fn closes_phrase(w: &str) -> bool {
    PREPOSITIONS.contains(w)
        || AUXILIARIES.contains(w)
        || w.ends_with("ly")
        || matches!(
            w,
            "and"
                | "or"
                | "but"
                | "that"
                | "which"
                | "who"
                | "been"
                | "be"
                | "after"
                | "before"
                | "since"
                | "until"
                | "amid"
                | "when"
                | "while"
                | "if"
                | "last"
                | "next"
                | "this"
        )
}

/// Whether the words between a noun and a later verb are a passive's
/// auxiliaries: a form of "be" among at most [`MAX_BETWEEN`] auxiliaries,
/// "not" and adverbs ("was", "has now been", "will not be"), after the
/// names a preposition attaches to the noun ("the merger of Helix Corp and
/// Tarn Freight was approved").
fn passive_between(between: &[crate::model::Token]) -> bool {
    let be = |w: &str| matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being");
    let named = |t: &crate::model::Token| {
        matches!(t.shape, Shape::Capitalized | Shape::Upper | Shape::Mixed)
            || matches!(t.lower.as_str(), "the" | "and" | "'s")
    };
    let between = match between.first() {
        Some(p) if PREPOSITIONS.contains(&p.lower) => {
            let k = 1 + between[1..].iter().take_while(|t| named(t)).count();
            if k == 1 || k > 1 + 2 * MAX_BETWEEN {
                return false;
            }
            &between[k..]
        }
        _ => between,
    };
    !between.is_empty()
        && between.len() <= MAX_BETWEEN
        && between.iter().any(|t| be(&t.lower))
        && between.iter().all(|t| {
            let w = t.lower.as_str();
            be(w)
                || AUXILIARIES.contains(w)
                || matches!(
                    w,
                    "not" | "n't" | "now" | "also" | "already" | "since" | "then"
                )
                || t.shape == Shape::Lower && w.ends_with("ly")
        })
}
