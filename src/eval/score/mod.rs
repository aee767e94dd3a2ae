//! Scorer for the newsgraph eval set: a port of `shared/eval/score.py` and of the `norm_name`
//! helper in `shared/eval/evalcommon.py`.
//!
//! Gold and system documents have the shape described in `shared/eval/FORMAT.md`, one JSON value
//! per JSON Lines line. Documents are matched by `id`; a gold document without a system document
//! counts as an empty prediction. A layer is scored only on the gold documents that list it in
//! `layers`, and all figures are micro-averaged over documents.
//!
//! Matching is one-to-one: Kuhn's maximum bipartite matching, run in the same order and with the
//! same preference order of candidates as the Python, so that the matched pairs (which decide the
//! per-type, `event_dates` and `before` figures), not only their number, are the same. Offsets
//! are Unicode code points. Missing, null or ill-typed fields are read as absent, like the
//! defaults of Python's `.get`; where the Python would raise on malformed input, this port skips
//! the malformed item instead and never panics.

use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Names of the scored layers, in report order (`order` in `score.py`).
pub(crate) const LAYER_ORDER: [&str; 16] = [
    "entity_mentions",
    "entity_mentions~",
    "entity_mentions_partial",
    "entity_mentions_partial~",
    "entities",
    "entities_partial",
    "events",
    "events[typed]",
    "events_partial",
    "meetings",
    "event_args",
    "event_args~",
    "timexes",
    "timex_values",
    "event_dates",
    "before",
];

/// Layers whose gold is correct but not exhaustive: recall only (`PARTIAL` in `score.py`).
pub(crate) const PARTIAL_LAYERS: [&str; 4] = [
    "events_partial",
    "entity_mentions_partial",
    "entity_mentions_partial~",
    "entities_partial",
];

mod matching;
mod pyjson;
mod report;

use matching::*;
pub use pyjson::norm_name;
use pyjson::*;
pub use report::{LayerScore, PartialTypeScore, Report, TypeScore};

// Indices into `LAYER_ORDER`.
const EM: usize = 0;
const EM_LENIENT: usize = 1;
const EM_PARTIAL: usize = 2;
const EM_PARTIAL_LENIENT: usize = 3;
const ENTITIES: usize = 4;
const ENTITIES_PARTIAL: usize = 5;
const EVENTS: usize = 6;
const EVENTS_TYPED: usize = 7;
const EVENTS_PARTIAL: usize = 8;
const MEETINGS: usize = 9;
const EVENT_ARGS: usize = 10;
const EVENT_ARGS_LENIENT: usize = 11;
const TIMEXES: usize = 12;
const TIMEX_VALUES: usize = 13;
const EVENT_DATES: usize = 14;
const BEFORE: usize = 15;

/// Stand-in for a missing system document: every field is absent.
static EMPTY_DOC: Value = Value::Null;

// --------------------------------------------------------------------------------------------
// counting

#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    /// The layer was scored on some document (an entry exists in the Python's counter dict).
    used: bool,
    tp: usize,
    n_pred: usize,
    n_gold: usize,
    n_matched: usize,
    n_gold_all: usize,
    n_judged: usize,
}

impl Counts {
    fn add(&mut self, tp: usize, n_pred: usize, n_gold: usize) {
        self.used = true;
        self.tp += tp;
        self.n_pred += n_pred;
        self.n_gold += n_gold;
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct TypeCounts {
    tp_p: usize,
    n_pred: usize,
    tp_r: usize,
    n_gold: usize,
}

#[derive(Debug, Default)]
struct Tally<'a> {
    layers: [Counts; LAYER_ORDER.len()],
    per_type: BTreeMap<Option<&'a str>, TypeCounts>,
    per_type_partial: BTreeMap<Option<&'a str>, TypeCounts>,
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    if den == 0 {
        None
    } else {
        Some(num as f64 / den as f64)
    }
}

/// `prf` in `score.py`: P is undefined without predictions, R without gold; F1 is 0 when nothing
/// matched and either side is non-empty.
fn prf(
    tp_p: usize,
    n_pred: usize,
    tp_r: usize,
    n_gold: usize,
) -> (Option<f64>, Option<f64>, Option<f64>) {
    let p = ratio(tp_p, n_pred);
    let r = ratio(tp_r, n_gold);
    let f1 = match (p, r) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        _ if (n_pred > 0 || n_gold > 0) && tp_p == 0 && tp_r == 0 => Some(0.0),
        _ => None,
    };
    (p, r, f1)
}

fn layer_score(idx: usize, c: &Counts) -> LayerScore {
    if matches!(
        idx,
        EM_PARTIAL | EM_PARTIAL_LENIENT | ENTITIES_PARTIAL | EVENTS_PARTIAL
    ) {
        return LayerScore {
            r: ratio(c.tp, c.n_gold),
            tp: c.tp,
            n_gold: c.n_gold,
            ..LayerScore::default()
        };
    }
    let (p, r, f1) = prf(c.tp, c.n_pred, c.tp, c.n_gold);
    let mut s = LayerScore {
        p,
        r,
        f1,
        tp: c.tp,
        n_pred: Some(c.n_pred),
        n_gold: c.n_gold,
        ..LayerScore::default()
    };
    if idx == EVENT_DATES {
        s.share = ratio(c.tp, c.n_matched);
        s.n_matched = Some(c.n_matched);
    }
    if matches!(idx, EVENT_ARGS | EVENT_ARGS_LENIENT) {
        s.r_all = ratio(c.tp, c.n_gold_all);
        s.n_gold_all = Some(c.n_gold_all);
    }
    if idx == BEFORE {
        s.r_all = ratio(c.tp, c.n_gold_all);
        s.n_gold_all = Some(c.n_gold_all);
        s.p_judged = ratio(c.tp, c.n_judged);
        s.n_judged = Some(c.n_judged);
    }
    s
}

// --------------------------------------------------------------------------------------------
// scoring

/// Score system documents against gold documents (`score` in `score.py`).
pub fn score(gold: &[Value], system: &[Value]) -> Report {
    // Later documents with the same id win, as in the Python dict.
    let sys_by_id: HashMap<String, &Value> =
        system.iter().map(|d| (id_key(d.get("id")), d)).collect();
    let mut tally = Tally::default();
    let mut missing: usize = 0;
    for g in gold {
        let s = match sys_by_id.get(&id_key(g.get("id"))).copied() {
            Some(d) => d,
            None => {
                missing += 1;
                &EMPTY_DOC
            }
        };
        score_doc(g, s, &mut tally);
    }
    let layers = LAYER_ORDER
        .into_iter()
        .zip(&tally.layers)
        .enumerate()
        .filter(|(_, (_, c))| c.used)
        .map(|(idx, (name, c))| (name.to_owned(), layer_score(idx, c)))
        .collect();
    let events_by_type = tally
        .per_type
        .iter()
        .map(|(t, c)| {
            let (p, r, f1) = prf(c.tp_p, c.n_pred, c.tp_r, c.n_gold);
            let s = TypeScore {
                p,
                r,
                f1,
                tp_p: c.tp_p,
                n_pred: c.n_pred,
                tp_r: c.tp_r,
                n_gold: c.n_gold,
            };
            (type_name(*t), s)
        })
        .collect();
    let events_partial_by_type = tally
        .per_type_partial
        .iter()
        .map(|(t, c)| {
            let s = PartialTypeScore {
                r: ratio(c.tp_r, c.n_gold),
                tp: c.tp_r,
                n_gold: c.n_gold,
            };
            (type_name(*t), s)
        })
        .collect();
    Report {
        docs: gold.len(),
        docs_missing_in_system: missing,
        layers,
        events_by_type,
        events_partial_by_type,
    }
}

/// Name of an event type in the per-type tables (Python's `None` key is `null` in its JSON).
fn type_name(t: Option<&str>) -> String {
    t.unwrap_or("null").to_owned()
}

/// Score one gold document `g` against its system document `s`.
fn score_doc<'a>(g: &'a Value, s: &'a Value, tally: &mut Tally<'a>) {
    let layers: Vec<&str> = list(g, "layers").iter().filter_map(Value::as_str).collect();
    let has = |name: &str| layers.contains(&name);
    let gtext: Vec<char> = str_field(g, "text").unwrap_or_default().chars().collect();
    // `s.get("text") or gtext`
    let ptext_owned: Vec<char>;
    let ptext: &[char] = match str_field(s, "text").filter(|t| !t.is_empty()) {
        Some(t) => {
            ptext_owned = t.chars().collect();
            &ptext_owned
        }
        None => &gtext,
    };
    let gents = list(g, "entities");
    let pents = list(s, "entities");
    let gevs: Vec<&'a Value> = list(g, "events").iter().collect();
    let pevs: Vec<&'a Value> = list(s, "events").iter().collect();

    for (strict_layer, lenient_layer) in [(EM, EM_LENIENT), (EM_PARTIAL, EM_PARTIAL_LENIENT)] {
        if !has(LAYER_ORDER[strict_layer]) {
            continue;
        }
        let gm = mentions_of(g);
        let pm = mentions_of(s);
        let strict: Vec<Vec<usize>> = pm
            .iter()
            .map(|p| {
                gm.iter()
                    .enumerate()
                    .filter(|(_, x)| x.0 == p.0 && x.1 == p.1 && entity_compat(x.2, p.2))
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        tally.layers[strict_layer].add(max_matching(&strict).len(), pm.len(), gm.len());
        let lenient: Vec<Vec<usize>> = pm
            .iter()
            .map(|p| {
                let mut row: Vec<(i128, usize)> = gm
                    .iter()
                    .enumerate()
                    .filter_map(|(i, x)| {
                        let ov = overlap((x.0, x.1), (p.0, p.1));
                        if ov > 0 && entity_compat(x.2, p.2) {
                            Some((-ov, i))
                        } else {
                            None
                        }
                    })
                    .collect();
                row.sort_unstable();
                row.into_iter().map(|(_, i)| i).collect()
            })
            .collect();
        tally.layers[lenient_layer].add(max_matching(&lenient).len(), pm.len(), gm.len());
    }

    for layer in [ENTITIES, ENTITIES_PARTIAL] {
        if !has(LAYER_ORDER[layer]) {
            continue;
        }
        let adj = entity_edges(gents, pents, &gtext, ptext);
        tally.layers[layer].add(max_matching(&adj).len(), pents.len(), gents.len());
    }

    if has("events") {
        let cov = coverage(g);
        let ge: Vec<&'a Value> = gevs
            .iter()
            .copied()
            .filter(|v| cov.as_ref().is_none_or(|c| c.contains(&ty(v))))
            .collect();
        let pe: Vec<&'a Value> = pevs
            .iter()
            .copied()
            .filter(|v| event_covered(ty(v), cov.as_ref()))
            .collect();
        let m = align_events(&ge, &pe, true);
        tally.layers[EVENTS].add(m.len(), pe.len(), ge.len());
        let ge2: Vec<&'a Value> = ge
            .iter()
            .copied()
            .filter(|v| ty(v) != Some("Other"))
            .collect();
        let pe2: Vec<&'a Value> = pe
            .iter()
            .copied()
            .filter(|v| ty(v) != Some("Other"))
            .collect();
        let m2 = align_events(&ge2, &pe2, true);
        tally.layers[EVENTS_TYPED].add(m2.len(), pe2.len(), ge2.len());
        for &v in &ge {
            tally.per_type.entry(ty(v)).or_default().n_gold += 1;
        }
        for &v in &pe {
            tally.per_type.entry(ty(v)).or_default().n_pred += 1;
        }
        for &(pi, gi) in &m {
            if let Some(&v) = ge.get(gi) {
                tally.per_type.entry(ty(v)).or_default().tp_r += 1;
            }
            if let Some(&v) = pe.get(pi) {
                tally.per_type.entry(ty(v)).or_default().tp_p += 1;
            }
        }
    }

    if has("events_partial") {
        let m = align_events(&gevs, &pevs, true);
        tally.layers[EVENTS_PARTIAL].add(m.len(), 0, gevs.len());
        for &v in &gevs {
            tally.per_type_partial.entry(ty(v)).or_default().n_gold += 1;
        }
        for &(_, gi) in &m {
            if let Some(&v) = gevs.get(gi) {
                tally.per_type_partial.entry(ty(v)).or_default().tp_r += 1;
            }
        }
    }

    if has("meetings") || has("event_args") {
        let ents = EntityMatcher::new(gents, pents, &gtext, ptext);
        if has("meetings") {
            score_meetings(g, s, &ents, tally);
        }
        if has("event_args") {
            score_event_args(&gevs, &pevs, &ents, tally);
        }
    }

    if field(g, "timexes").is_some() && (has("timexes") || has("event_dates")) {
        // TempEval-3 style: a predicted timex is found where its span overlaps a gold one; its
        // value is right where the normalized values are equal.
        let gt: Vec<Timex> = list(g, "timexes").iter().filter_map(timex_of).collect();
        let pt: Vec<Timex> = list(s, "timexes")
            .iter()
            .filter(|x| truthy(x.get("span")))
            .filter_map(timex_of)
            .collect();
        let found: Vec<Vec<usize>> = pt
            .iter()
            .map(|p| {
                gt.iter()
                    .enumerate()
                    .filter(|(_, x)| overlap(x.span, p.span) > 0)
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        tally.layers[TIMEXES].add(max_matching(&found).len(), pt.len(), gt.len());
        let valued: Vec<Vec<usize>> = pt
            .iter()
            .map(|p| {
                gt.iter()
                    .enumerate()
                    .filter(|(_, x)| overlap(x.span, p.span) > 0 && x.value == p.value)
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        tally.layers[TIMEX_VALUES].add(max_matching(&valued).len(), pt.len(), gt.len());
    }

    if has("event_dates") || has("before") {
        let m = align_events(&gevs, &pevs, false);
        if has("event_dates") {
            let mut g2p: Vec<Option<usize>> = vec![None; gevs.len()];
            for &(pi, gi) in &m {
                if let Some(slot) = g2p.get_mut(gi) {
                    *slot = Some(pi);
                }
            }
            let c = &mut tally.layers[EVENT_DATES];
            for (v, matched) in gevs.iter().zip(&g2p) {
                let gold_date = field(v, "date");
                if !truthy(gold_date) {
                    continue;
                }
                c.used = true;
                c.n_gold += 1;
                if let Some(pv) = matched.and_then(|pi| pevs.get(pi)) {
                    let pred_date = field(pv, "date");
                    c.n_matched += 1;
                    if truthy(pred_date) {
                        c.n_pred += 1;
                        if pred_date == gold_date {
                            c.tp += 1;
                        }
                    }
                }
            }
        }
        if has("before") {
            // predicted event id -> aligned gold event id; for duplicate predicted ids the last
            // pair in the Python dict's iteration order wins.
            let mut p2g: HashMap<String, String> = HashMap::new();
            for &(pi, gi) in &m {
                if let (Some(pv), Some(gv)) = (pevs.get(pi), gevs.get(gi)) {
                    p2g.insert(id_key(pv.get("id")), id_key(gv.get("id")));
                }
            }
            let aligned: HashSet<&str> = p2g.values().map(String::as_str).collect();
            let gold_owned: HashSet<(String, String)> =
                list(g, "before").iter().filter_map(id_pair).collect();
            let gold_pairs: HashSet<(&str, &str)> = gold_owned
                .iter()
                .map(|(a, b)| (a.as_str(), b.as_str()))
                .collect();
            let n_gold = gold_pairs
                .iter()
                .filter(|(a, b)| aligned.contains(a) && aligned.contains(b))
                .count();
            let predicted: HashSet<(&str, &str)> = list(s, "before")
                .iter()
                .filter_map(id_pair)
                .filter_map(|(x, y)| match (p2g.get(&x), p2g.get(&y)) {
                    (Some(a), Some(b)) if a != b => Some((a.as_str(), b.as_str())),
                    _ => None,
                })
                .collect();
            let tp = predicted.iter().filter(|x| gold_pairs.contains(*x)).count();
            let judged = predicted
                .iter()
                .filter(|&&(a, b)| gold_pairs.contains(&(a, b)) || gold_pairs.contains(&(b, a)))
                .count();
            let c = &mut tally.layers[BEFORE];
            c.add(tp, predicted.len(), n_gold);
            c.n_gold_all += gold_pairs.len();
            c.n_judged += judged;
        }
    }
}

#[cfg(test)]
mod tests;
