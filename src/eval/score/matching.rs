//! How `score.py` lines things up: type compatibility, Kuhn's maximum
//! bipartite matching in the Python's order, events by trigger overlap,
//! entities by normalized name, and what each layer reads of a document.

use super::pyjson::*;
use super::{Tally, EVENT_ARGS, EVENT_ARGS_LENIENT, MEETINGS};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Who is who: `ematch` in `score.py`, a predicted entity id against a gold entity id, matched
/// as in the `entities` layer.
pub(super) struct EntityMatcher<'a> {
    gold: HashMap<String, GoldEntity<'a>>,
    pred: HashMap<String, PredEntity<'a>>,
}

impl<'a> EntityMatcher<'a> {
    pub(super) fn new(
        gents: &'a [Value],
        pents: &'a [Value],
        gtext: &[char],
        ptext: &[char],
    ) -> Self {
        // Later entities with the same id win, as in the Python dicts.
        let gold = gents
            .iter()
            .map(|e| {
                let info = GoldEntity {
                    keys: gold_keys(e, gtext),
                    ty: ty(e),
                };
                (id_key(e.get("id")), info)
            })
            .collect();
        let pred = pents
            .iter()
            .map(|e| {
                let info = PredEntity {
                    name: norm_name(&entity_name(e, ptext)),
                    ty: ty(e),
                };
                (id_key(e.get("id")), info)
            })
            .collect();
        EntityMatcher { gold, pred }
    }

    pub(super) fn matches(&self, pid: &str, gid: &str) -> bool {
        match (self.pred.get(pid), self.gold.get(gid)) {
            (Some(pe), Some(ge)) => {
                !pe.name.is_empty() && ge.keys.contains(&pe.name) && entity_compat(ge.ty, pe.ty)
            }
            _ => false,
        }
    }
}

/// The `meetings` layer: unordered participant pairs of `Meeting` events.
pub(super) fn score_meetings(
    g: &Value,
    s: &Value,
    ents: &EntityMatcher<'_>,
    tally: &mut Tally<'_>,
) {
    let gp = meeting_pairs(g);
    let pp = meeting_pairs(s);
    let ematch = |pid: &str, gid: &str| ents.matches(pid, gid);
    let adj: Vec<Vec<usize>> = pp
        .iter()
        .map(|(a, b)| {
            gp.iter()
                .enumerate()
                .filter(|(_, (c, d))| {
                    (ematch(a, c) && ematch(b, d)) || (ematch(a, d) && ematch(b, c))
                })
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    tally.layers[MEETINGS].add(max_matching(&adj).len(), pp.len(), gp.len());
}

/// The `event_args` layers: the (role, entity) participants of events aligned by trigger overlap
/// (type ignored); `event_args~` ignores the role.
pub(super) fn score_event_args(
    gevs: &[&Value],
    pevs: &[&Value],
    ents: &EntityMatcher<'_>,
    tally: &mut Tally<'_>,
) {
    let m = align_events(gevs, pevs, false);
    let n_all: usize = gevs.iter().map(|v| event_args(v).len()).sum();
    for layer in [EVENT_ARGS, EVENT_ARGS_LENIENT] {
        let c = &mut tally.layers[layer];
        c.used = true;
        c.n_gold_all += n_all;
    }
    for &(pi, gi) in &m {
        let (Some(gv), Some(pv)) = (gevs.get(gi), pevs.get(pi)) else {
            continue;
        };
        let (ga, pa) = (event_args(gv), event_args(pv));
        for (layer, by_role) in [(EVENT_ARGS, true), (EVENT_ARGS_LENIENT, false)] {
            let adj: Vec<Vec<usize>> = pa
                .iter()
                .map(|(pr, pe)| {
                    ga.iter()
                        .enumerate()
                        .filter(|(_, (gr, ge))| ents.matches(pe, ge) && (!by_role || gr == pr))
                        .map(|(i, _)| i)
                        .collect()
                })
                .collect();
            tally.layers[layer].add(max_matching(&adj).len(), pa.len(), ga.len());
        }
    }
}

/// An event's (role, entity id) pairs, sorted and without repeats (`event_args` in `score.py`).
pub(super) fn event_args(v: &Value) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = list(v, "participants")
        .iter()
        .filter_map(|p| {
            let entity = field(p, "entity")?;
            Some((id_key(field(p, "role")), id_key(Some(entity))))
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

pub(super) struct GoldEntity<'a> {
    pub(super) keys: HashSet<String>,
    pub(super) ty: Option<&'a str>,
}

pub(super) struct PredEntity<'a> {
    pub(super) name: String,
    pub(super) ty: Option<&'a str>,
}

pub(super) struct Timex {
    pub(super) span: (i64, i64),
    /// `str(value)` as in Python.
    pub(super) value: String,
}

// --------------------------------------------------------------------------------------------
// type compatibility

/// Gold `Location` accepts `Country` or `Place`, and a system's `Location` accepts a gold
/// `Country` or `Place`.
pub(super) fn entity_compat(gold: Option<&str>, pred: Option<&str>) -> bool {
    gold == pred
        || (gold == Some("Location") && matches!(pred, Some("Country" | "Place")))
        || (pred == Some("Location") && matches!(gold, Some("Country" | "Place")))
}

/// Gold `EndPosition` accepts `Dismissal` or `Resignation`.
pub(super) fn event_compat(gold: Option<&str>, pred: Option<&str>) -> bool {
    gold == pred
        || (gold == Some("EndPosition") && matches!(pred, Some("Dismissal" | "Resignation")))
}

/// `set(g["event_types"]) if g.get("event_types") else None`.
pub(super) fn coverage(g: &Value) -> Option<HashSet<Option<&str>>> {
    let types = g.get("event_types")?.as_array()?;
    if types.is_empty() {
        return None;
    }
    Some(
        types
            .iter()
            .filter_map(|t| match t {
                Value::Null => Some(None),
                Value::String(s) => Some(Some(s.as_str())),
                _ => None,
            })
            .collect(),
    )
}

/// Whether a predicted event type counts where the gold lists `event_types` (`EndPosition`
/// covers `Dismissal` and `Resignation`).
pub(super) fn event_covered(t: Option<&str>, covered: Option<&HashSet<Option<&str>>>) -> bool {
    covered.is_none_or(|c| {
        c.contains(&t)
            || (matches!(t, Some("Dismissal" | "Resignation")) && c.contains(&Some("EndPosition")))
    })
}

// --------------------------------------------------------------------------------------------
// matching

/// Maximum bipartite matching by Kuhn's algorithm, exactly as `max_matching` in `score.py`.
///
/// Left nodes are tried in index order (those without candidates skipped), each adjacency list
/// in its given (preference) order, with one fresh `seen` set of right nodes per left node. The
/// search is iterative, so deep augmenting paths cannot overflow the stack.
///
/// Returns the matched `(left, right)` pairs in the iteration order of the Python's result dict,
/// that is in the order in which each right node was first matched.
pub(super) fn max_matching(adj: &[Vec<usize>]) -> Vec<(usize, usize)> {
    let n_right = adj.iter().flatten().max().map_or(0, |&v| v + 1);
    let mut match_r: Vec<Option<usize>> = vec![None; n_right];
    let mut first_matched: Vec<usize> = Vec::new();
    // seen[v] == stamp: right node v was visited by the current search
    let mut seen: Vec<usize> = vec![0; n_right];
    for (u, row) in adj.iter().enumerate() {
        if !row.is_empty() {
            augment(u, u + 1, adj, &mut match_r, &mut seen, &mut first_matched);
        }
    }
    first_matched
        .iter()
        .filter_map(|&v| match_r.get(v).copied().flatten().map(|u| (u, v)))
        .collect()
}

/// `try_left(root, set())` of `score.py`, without recursion.
pub(super) fn augment(
    root: usize,
    stamp: usize,
    adj: &[Vec<usize>],
    match_r: &mut [Option<usize>],
    seen: &mut [usize],
    first_matched: &mut Vec<usize>,
) {
    // frames[k] = (left node, next position in its adjacency list); the search descended from
    // frames[k] to frames[k + 1] through the right node via[k].
    let mut frames: Vec<(usize, usize)> = vec![(root, 0)];
    let mut via: Vec<usize> = Vec::new();
    while let Some(frame) = frames.last_mut() {
        let (u, pos) = *frame;
        let Some(&v) = adj.get(u).and_then(|row| row.get(pos)) else {
            // `try_left(u)` returns False; the parent goes on with its next candidate.
            frames.pop();
            via.pop();
            continue;
        };
        frame.1 += 1;
        let Some(mark) = seen.get_mut(v) else {
            continue;
        };
        if *mark == stamp {
            continue;
        }
        *mark = stamp;
        let Some(slot) = match_r.get_mut(v) else {
            continue;
        };
        match *slot {
            Some(w) => {
                // `try_left(match_r[v], seen)`
                via.push(v);
                frames.push((w, 0));
            }
            None => {
                // Free right node: `match_r[v] = u`, then every frame on the path takes the
                // right node it descended through.
                *slot = Some(u);
                first_matched.push(v);
                frames.pop();
                while let (Some((pu, _)), Some(pv)) = (frames.pop(), via.pop()) {
                    if let Some(s) = match_r.get_mut(pv) {
                        *s = Some(pu);
                    }
                }
                return;
            }
        }
    }
}

/// `min(a_end, b_end) - max(a_start, b_start)`, without overflow.
pub(super) fn overlap(a: (i64, i64), b: (i64, i64)) -> i128 {
    i128::from(a.1.min(b.1)) - i128::from(a.0.max(b.0))
}

/// An event trigger `[start, end]`; Python compares whole lists, so the length is kept too.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Trigger {
    pub(super) start: f64,
    pub(super) end: f64,
    pub(super) len: usize,
}

/// `v.get("trigger") or [0, 0]`: a missing, empty or malformed trigger overlaps nothing.
pub(super) fn trigger_of(v: &Value) -> Option<Trigger> {
    let t = field(v, "trigger")?.as_array()?;
    Some(Trigger {
        start: py_num(t.first()?)?,
        end: py_num(t.get(1)?)?,
        len: t.len(),
    })
}

/// One-to-one alignment of events by trigger overlap (and type compatibility if `typed`):
/// `align_events` in `score.py`. Candidates are preferred by an identical trigger, then by a
/// larger overlap, then by gold order. Returns (predicted index, gold index) pairs.
pub(super) fn align_events(gold: &[&Value], pred: &[&Value], typed: bool) -> Vec<(usize, usize)> {
    let gold_triggers: Vec<Option<Trigger>> = gold.iter().copied().map(trigger_of).collect();
    let adj: Vec<Vec<usize>> = pred
        .iter()
        .copied()
        .map(|p| {
            let Some(pt) = trigger_of(p) else {
                return Vec::new();
            };
            let pred_type = ty(p);
            let mut row: Vec<(bool, f64, usize)> = gold
                .iter()
                .zip(&gold_triggers)
                .enumerate()
                .filter_map(|(i, (g, gt))| {
                    let gt = (*gt)?;
                    let ov = gt.end.min(pt.end) - gt.start.max(pt.start);
                    if ov > 0.0 && (!typed || event_compat(ty(g), pred_type)) {
                        Some((gt == pt, ov, i))
                    } else {
                        None
                    }
                })
                .collect();
            row.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
            row.into_iter().map(|(_, _, i)| i).collect()
        })
        .collect();
    max_matching(&adj)
}

// --------------------------------------------------------------------------------------------
// per-document extraction

type Mention<'a> = (i64, i64, Option<&'a str>);

/// `mentions_of`: the sorted unique `(start, end, type)` of all entity mentions.
pub(super) fn mentions_of(doc: &Value) -> Vec<Mention<'_>> {
    let mut out: Vec<Mention<'_>> = list(doc, "entities")
        .iter()
        .flat_map(|e| {
            let t = ty(e);
            list(e, "mentions")
                .iter()
                .filter_map(move |m| span_of(m).map(|(s, end)| (s, end, t)))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// `entity_name`: the `name`, else the longest mention text (the first of equal length).
pub(super) fn entity_name(e: &Value, text: &[char]) -> String {
    if let Some(name) = str_field(e, "name").filter(|n| !n.is_empty()) {
        return name.to_owned();
    }
    let mut best: Option<(usize, usize)> = None;
    for (s, t) in list(e, "mentions").iter().filter_map(span_of) {
        let (a, b) = slice_range(text.len(), s, t);
        if best.is_none_or(|(ba, bb)| b - a > bb - ba) {
            best = Some((a, b));
        }
    }
    best.and_then(|(a, b)| text.get(a..b))
        .map(|chars| chars.iter().collect())
        .unwrap_or_default()
}

/// `gold_keys`: the normalized texts of the mentions and the normalized name, without "".
pub(super) fn gold_keys(e: &Value, text: &[char]) -> HashSet<String> {
    let mut keys: HashSet<String> = list(e, "mentions")
        .iter()
        .filter_map(span_of)
        .map(|(s, t)| {
            let (a, b) = slice_range(text.len(), s, t);
            norm_chars(text.get(a..b).unwrap_or_default().iter().copied())
        })
        .collect();
    keys.insert(norm_name(str_field(e, "name").unwrap_or_default()));
    keys.remove("");
    keys
}

/// `entity_edges`: for each predicted entity, the gold entities with a compatible type whose
/// keys contain its normalized name, those whose own normalized name is that name first.
pub(super) fn entity_edges(
    gold: &[Value],
    pred: &[Value],
    gtext: &[char],
    ptext: &[char],
) -> Vec<Vec<usize>> {
    let keys: Vec<HashSet<String>> = gold.iter().map(|g| gold_keys(g, gtext)).collect();
    let names: Vec<String> = gold
        .iter()
        .map(|g| norm_name(str_field(g, "name").unwrap_or_default()))
        .collect();
    pred.iter()
        .map(|p| {
            let pn = norm_name(&entity_name(p, ptext));
            if pn.is_empty() {
                return Vec::new();
            }
            let pred_type = ty(p);
            let mut row: Vec<usize> = gold
                .iter()
                .zip(&keys)
                .enumerate()
                .filter(|(_, (g, k))| k.contains(&pn) && entity_compat(ty(g), pred_type))
                .map(|(i, _)| i)
                .collect();
            // stable: False (canonical name equal) before True
            row.sort_by_key(|&i| names.get(i) != Some(&pn));
            row
        })
        .collect()
}

/// `meeting_pairs`: sorted unique unordered pairs of the non-place participants of `Meeting`
/// events, as entity id keys.
pub(super) fn meeting_pairs(doc: &Value) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for v in list(doc, "events") {
        if ty(v) != Some("Meeting") {
            continue;
        }
        let mut ids: Vec<String> = list(v, "participants")
            .iter()
            .filter(|p| str_field(p, "role") != Some("place"))
            .filter_map(|p| field(p, "entity"))
            .map(|e| id_key(Some(e)))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        for (i, a) in ids.iter().enumerate() {
            for b in ids.iter().skip(i + 1) {
                pairs.push((a.clone(), b.clone()));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// A timex `(int(span[0]), int(span[1]), str(value))`; `None` where the span is malformed.
pub(super) fn timex_of(x: &Value) -> Option<Timex> {
    Some(Timex {
        span: span_of(x.get("span")?)?,
        value: py_str(x.get("value")),
    })
}

/// A `before` pair `[a, b]` as id keys.
pub(super) fn id_pair(x: &Value) -> Option<(String, String)> {
    match x.as_array()?.as_slice() {
        [a, b] => Some((id_key(Some(a)), id_key(Some(b)))),
        _ => None,
    }
}
