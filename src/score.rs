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

use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{self, Write};

/// Names of the scored layers, in report order (`order` in `score.py`).
pub const LAYER_ORDER: [&str; 16] = [
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
pub const PARTIAL_LAYERS: [&str; 4] = [
    "events_partial",
    "entity_mentions_partial",
    "entity_mentions_partial~",
    "entities_partial",
];

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

const RECALL_ONLY: &str = "recall only (gold not exhaustive)";

/// Stand-in for a missing system document: every field is absent.
static EMPTY_DOC: Value = Value::Null;

// --------------------------------------------------------------------------------------------
// report types

/// Figures for one layer (one entry of `layers` in `score.py`'s result).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LayerScore {
    /// Precision; `None` without predictions, and always for recall-only layers.
    #[serde(rename = "P")]
    pub p: Option<f64>,
    /// Recall; `None` without gold.
    #[serde(rename = "R")]
    pub r: Option<f64>,
    /// F1; 0.0 when nothing matched and a side is non-empty, else `None` when undefined.
    #[serde(rename = "F1")]
    pub f1: Option<f64>,
    /// Matched pairs (for `event_dates`: aligned dated events with an equal date).
    pub tp: usize,
    /// Number of predictions; `None` for recall-only layers.
    pub n_pred: Option<usize>,
    /// Number of gold items.
    pub n_gold: usize,
    /// `event_dates` only: share of the aligned dated gold events whose predicted date is equal.
    pub share: Option<f64>,
    /// `event_dates` only: number of aligned gold events with a date.
    pub n_matched: Option<usize>,
    /// `before` and `event_args`: recall over all gold pairs, aligned or not.
    #[serde(rename = "R_all")]
    pub r_all: Option<f64>,
    /// `before` and `event_args`: number of all gold pairs.
    pub n_gold_all: Option<usize>,
    /// `before` only: precision over the predicted pairs that the gold orders either way.
    #[serde(rename = "P_judged")]
    pub p_judged: Option<f64>,
    /// `before` only: number of those predicted pairs.
    pub n_judged: Option<usize>,
}

/// Per-type event figures: P over the predicted type, R over the gold type.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TypeScore {
    #[serde(rename = "P")]
    pub p: Option<f64>,
    #[serde(rename = "R")]
    pub r: Option<f64>,
    #[serde(rename = "F1")]
    pub f1: Option<f64>,
    pub tp_p: usize,
    pub n_pred: usize,
    pub tp_r: usize,
    pub n_gold: usize,
}

/// Per-type recall of `events_partial`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PartialTypeScore {
    #[serde(rename = "R")]
    pub r: Option<f64>,
    pub tp: usize,
    pub n_gold: usize,
}

/// The result of [`score`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Number of gold documents.
    pub docs: usize,
    /// Gold documents without a system document of the same `id`.
    pub docs_missing_in_system: usize,
    /// Scored layers in [`LAYER_ORDER`] order; a layer is listed once a gold document scored it.
    pub layers: Vec<(String, LayerScore)>,
    /// Event types, sorted; an event without a string type is counted under `null`.
    pub events_by_type: Vec<(String, TypeScore)>,
    /// Gold event types of `events_partial`, sorted.
    pub events_partial_by_type: Vec<(String, PartialTypeScore)>,
}

impl LayerScore {
    /// This layer's object in `score.py --json`, with the same keys in the same order.
    pub fn to_json(&self) -> Value {
        let dates = self.n_matched.is_some();
        let mut m = Map::new();
        if dates {
            m.insert("share".to_owned(), opt_f64(self.share));
        }
        m.insert("P".to_owned(), opt_f64(self.p));
        m.insert("R".to_owned(), opt_f64(self.r));
        m.insert("F1".to_owned(), opt_f64(self.f1));
        m.insert("tp".to_owned(), Value::from(self.tp));
        m.insert("n_pred".to_owned(), opt_usize(self.n_pred));
        m.insert("n_gold".to_owned(), Value::from(self.n_gold));
        if dates {
            m.insert("n_matched".to_owned(), opt_usize(self.n_matched));
        }
        if self.n_gold_all.is_some() {
            m.insert("R_all".to_owned(), opt_f64(self.r_all));
            m.insert("n_gold_all".to_owned(), opt_usize(self.n_gold_all));
        }
        if self.n_judged.is_some() {
            m.insert("P_judged".to_owned(), opt_f64(self.p_judged));
            m.insert("n_judged".to_owned(), opt_usize(self.n_judged));
        }
        Value::Object(m)
    }
}

impl TypeScore {
    /// This type's object in `events_by_type` of `score.py --json`.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("P".to_owned(), opt_f64(self.p));
        m.insert("R".to_owned(), opt_f64(self.r));
        m.insert("F1".to_owned(), opt_f64(self.f1));
        m.insert("tp_p".to_owned(), Value::from(self.tp_p));
        m.insert("n_pred".to_owned(), Value::from(self.n_pred));
        m.insert("tp_r".to_owned(), Value::from(self.tp_r));
        m.insert("n_gold".to_owned(), Value::from(self.n_gold));
        Value::Object(m)
    }
}

impl PartialTypeScore {
    /// This type's object in `events_partial_by_type` of `score.py --json`.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("R".to_owned(), opt_f64(self.r));
        m.insert("tp".to_owned(), Value::from(self.tp));
        m.insert("n_gold".to_owned(), Value::from(self.n_gold));
        Value::Object(m)
    }
}

impl Report {
    /// The figures of one layer, if it was scored.
    pub fn layer(&self, name: &str) -> Option<&LayerScore> {
        self.layers.iter().find(|(n, _)| n == name).map(|(_, s)| s)
    }

    /// The object printed by `score.py --json`.
    ///
    /// The `gold` and `system` path keys that the command line adds at the end are left out.
    /// Key order is the Python's where serde_json's `preserve_order` feature is enabled.
    pub fn to_json(&self) -> Value {
        let layers: Map<String, Value> = self
            .layers
            .iter()
            .map(|(name, s)| (name.clone(), s.to_json()))
            .collect();
        let by_type: Map<String, Value> = self
            .events_by_type
            .iter()
            .map(|(t, s)| (t.clone(), s.to_json()))
            .collect();
        let partial_by_type: Map<String, Value> = self
            .events_partial_by_type
            .iter()
            .map(|(t, s)| (t.clone(), s.to_json()))
            .collect();
        let mut m = Map::new();
        m.insert("docs".to_owned(), Value::from(self.docs));
        m.insert(
            "docs_missing_in_system".to_owned(),
            Value::from(self.docs_missing_in_system),
        );
        m.insert("layers".to_owned(), Value::Object(layers));
        m.insert("events_by_type".to_owned(), Value::Object(by_type));
        m.insert(
            "events_partial_by_type".to_owned(),
            Value::Object(partial_by_type),
        );
        Value::Object(m)
    }

    /// The text table of `score.py`'s `print_report`, per-type tables included.
    ///
    /// The header line is `gold: {gold_label}`.
    pub fn write_table(&self, out: &mut (impl Write + ?Sized), gold_label: &str) -> io::Result<()> {
        self.write_table_with(out, gold_label, None, true)
    }

    /// Like [`Report::write_table`], with the options of `print_report`.
    ///
    /// With `system_label` the header line is `gold: {gold}  system: {system}`; with `per_type`
    /// false the per-type tables are left out (`--no-per-type`).
    pub fn write_table_with(
        &self,
        out: &mut (impl Write + ?Sized),
        gold_label: &str,
        system_label: Option<&str>,
        per_type: bool,
    ) -> io::Result<()> {
        match system_label {
            Some(system) => writeln!(out, "gold: {gold_label}  system: {system}")?,
            None => writeln!(out, "gold: {gold_label}")?,
        }
        let (docs, missing) = (self.docs, self.docs_missing_in_system);
        writeln!(out, "docs: {docs}  (missing in system: {missing})")?;
        writeln!(
            out,
            "layer                   P      R     F1      tp  n_pred  n_gold  notes"
        )?;
        for (name, s) in &self.layers {
            let mut notes = String::new();
            if name == "event_dates" {
                let share = fmt3(s.share);
                let n_matched = s.n_matched.unwrap_or_default();
                notes = format!("share={share} of {n_matched} aligned dated events");
            }
            if name == "before" {
                let (r_all, n_gold_all) = (fmt3(s.r_all), s.n_gold_all.unwrap_or_default());
                let (p_judged, n_judged) = (fmt3(s.p_judged), s.n_judged.unwrap_or_default());
                notes = format!("R_all={r_all} (/{n_gold_all}) P_judged={p_judged} (/{n_judged})");
            }
            if name.ends_with('~') {
                notes = "lenient (overlap)".to_owned();
            }
            if name.starts_with("event_args") {
                let any = if name.ends_with('~') {
                    "any role; "
                } else {
                    ""
                };
                let (r_all, n_gold_all) = (fmt3(s.r_all), s.n_gold_all.unwrap_or_default());
                notes = format!("{any}R_all={r_all} (/{n_gold_all})");
            }
            if PARTIAL_LAYERS.contains(&name.as_str()) {
                notes = if notes.is_empty() {
                    RECALL_ONLY.to_owned()
                } else {
                    format!("{notes}; {RECALL_ONLY}")
                };
            }
            let (p, r, f1) = (fmt3(s.p), fmt3(s.r), fmt3(s.f1));
            let (tp, n_gold) = (s.tp, s.n_gold);
            let n_pred = s.n_pred.map_or_else(|| "-".to_owned(), |n| n.to_string());
            writeln!(
                out,
                "{name:<18}{p:>7}{r:>7}{f1:>7}{tp:>8}{n_pred:>8}{n_gold:>8}  {notes}"
            )?;
        }
        if per_type && !self.events_by_type.is_empty() {
            writeln!(
                out,
                "events by type (P over predicted type, R over gold type):"
            )?;
            for (t, s) in &self.events_by_type {
                let (p, r, f1) = (fmt3(s.p), fmt3(s.r), fmt3(s.f1));
                let (tp_p, n_pred, tp_r, n_gold) = (s.tp_p, s.n_pred, s.tp_r, s.n_gold);
                writeln!(
                    out,
                    "  {t:<16}{p:>7}{r:>7}{f1:>7}   pred {tp_p}/{n_pred}  gold {tp_r}/{n_gold}"
                )?;
            }
        }
        if per_type && !self.events_partial_by_type.is_empty() {
            writeln!(out, "events_partial by type (recall):")?;
            for (t, s) in &self.events_partial_by_type {
                let (r, tp, n_gold) = (fmt3(s.r), s.tp, s.n_gold);
                writeln!(out, "  {t:<16}R={r}  {tp}/{n_gold}")?;
            }
        }
        Ok(())
    }
}

fn opt_f64(x: Option<f64>) -> Value {
    x.map_or(Value::Null, Value::from)
}

fn opt_usize(x: Option<usize>) -> Value {
    x.map_or(Value::Null, Value::from)
}

/// `fmt` in `score.py`.
fn fmt3(x: Option<f64>) -> String {
    x.map_or_else(|| "    -".to_owned(), |v| format!("{v:.3}"))
}

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

/// Who is who: `ematch` in `score.py`, a predicted entity id against a gold entity id, matched
/// as in the `entities` layer.
struct EntityMatcher<'a> {
    gold: HashMap<String, GoldEntity<'a>>,
    pred: HashMap<String, PredEntity<'a>>,
}

impl<'a> EntityMatcher<'a> {
    fn new(gents: &'a [Value], pents: &'a [Value], gtext: &[char], ptext: &[char]) -> Self {
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

    fn matches(&self, pid: &str, gid: &str) -> bool {
        match (self.pred.get(pid), self.gold.get(gid)) {
            (Some(pe), Some(ge)) => {
                !pe.name.is_empty() && ge.keys.contains(&pe.name) && entity_compat(ge.ty, pe.ty)
            }
            _ => false,
        }
    }
}

/// The `meetings` layer: unordered participant pairs of `Meeting` events.
fn score_meetings(g: &Value, s: &Value, ents: &EntityMatcher<'_>, tally: &mut Tally<'_>) {
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
fn score_event_args(
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
fn event_args(v: &Value) -> Vec<(String, String)> {
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

struct GoldEntity<'a> {
    keys: HashSet<String>,
    ty: Option<&'a str>,
}

struct PredEntity<'a> {
    name: String,
    ty: Option<&'a str>,
}

struct Timex {
    span: (i64, i64),
    /// `str(value)` as in Python.
    value: String,
}

// --------------------------------------------------------------------------------------------
// type compatibility

/// Gold `Location` accepts `Country` or `Place`, and a system's `Location` accepts a gold
/// `Country` or `Place`.
fn entity_compat(gold: Option<&str>, pred: Option<&str>) -> bool {
    gold == pred
        || (gold == Some("Location") && matches!(pred, Some("Country" | "Place")))
        || (pred == Some("Location") && matches!(gold, Some("Country" | "Place")))
}

/// Gold `EndPosition` accepts `Dismissal` or `Resignation`.
fn event_compat(gold: Option<&str>, pred: Option<&str>) -> bool {
    gold == pred
        || (gold == Some("EndPosition") && matches!(pred, Some("Dismissal" | "Resignation")))
}

/// `set(g["event_types"]) if g.get("event_types") else None`.
fn coverage(g: &Value) -> Option<HashSet<Option<&str>>> {
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
fn event_covered(t: Option<&str>, covered: Option<&HashSet<Option<&str>>>) -> bool {
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
fn max_matching(adj: &[Vec<usize>]) -> Vec<(usize, usize)> {
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
fn augment(
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
fn overlap(a: (i64, i64), b: (i64, i64)) -> i128 {
    i128::from(a.1.min(b.1)) - i128::from(a.0.max(b.0))
}

/// An event trigger `[start, end]`; Python compares whole lists, so the length is kept too.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Trigger {
    start: f64,
    end: f64,
    len: usize,
}

/// `v.get("trigger") or [0, 0]`: a missing, empty or malformed trigger overlaps nothing.
fn trigger_of(v: &Value) -> Option<Trigger> {
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
fn align_events(gold: &[&Value], pred: &[&Value], typed: bool) -> Vec<(usize, usize)> {
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
fn mentions_of(doc: &Value) -> Vec<Mention<'_>> {
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
fn entity_name(e: &Value, text: &[char]) -> String {
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
fn gold_keys(e: &Value, text: &[char]) -> HashSet<String> {
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
fn entity_edges(gold: &[Value], pred: &[Value], gtext: &[char], ptext: &[char]) -> Vec<Vec<usize>> {
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
fn meeting_pairs(doc: &Value) -> Vec<(String, String)> {
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
fn timex_of(x: &Value) -> Option<Timex> {
    Some(Timex {
        span: span_of(x.get("span")?)?,
        value: py_str(x.get("value")),
    })
}

/// A `before` pair `[a, b]` as id keys.
fn id_pair(x: &Value) -> Option<(String, String)> {
    match x.as_array()?.as_slice() {
        [a, b] => Some((id_key(Some(a)), id_key(Some(b)))),
        _ => None,
    }
}

// --------------------------------------------------------------------------------------------
// reading JSON like Python

/// `v.get(key)`, with JSON null read as absent.
fn field<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.get(key).filter(|x| !x.is_null())
}

/// A string field; other types read as absent.
fn str_field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// `v.get(key, []) or []` for a list field; other types read as empty.
fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// The `type` of an entity or event (non-string types read as absent).
fn ty(v: &Value) -> Option<&str> {
    str_field(v, "type")
}

/// Key for comparing ids (document, entity and event ids): the JSON text of the value, `null`
/// for a missing id (Python's `None`).
fn id_key(v: Option<&Value>) -> String {
    v.map_or_else(|| "null".to_owned(), Value::to_string)
}

/// Python truthiness of a JSON value.
fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|x| x != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

/// Python `int(v)` for an offset: integers, floats (truncated, saturating), booleans and
/// integer strings.
fn py_int(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_u64().map(|u| i64::try_from(u).unwrap_or(i64::MAX)))
            .or_else(|| n.as_f64().map(|f| f.trunc() as i64)),
        Value::Bool(b) => Some(i64::from(*b)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A number as Python arithmetic sees it (booleans are 0 and 1).
fn py_num(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        _ => None,
    }
}

/// A span `[start, end, ...]` of integer offsets.
fn span_of(v: &Value) -> Option<(i64, i64)> {
    match v.as_array()?.as_slice() {
        [s, t, ..] => Some((py_int(s)?, py_int(t)?)),
        _ => None,
    }
}

/// Python `str(v)` for a timex value.
fn py_str(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".to_owned(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(true)) => "True".to_owned(),
        Some(Value::Bool(false)) => "False".to_owned(),
        Some(Value::Number(n)) if n.is_f64() => match n.as_f64() {
            // Python prints integral floats with a trailing ".0"
            Some(f) if f.fract() == 0.0 && f.abs() < 1e16 => format!("{f:.1}"),
            _ => n.to_string(),
        },
        Some(other) => other.to_string(),
    }
}

/// Python slicing bounds for `text[start:end]` on a text of `len` code points: negative indices
/// count from the end, out-of-range ones are clamped, and `start >= end` gives an empty range.
fn slice_range(len: usize, start: i64, end: i64) -> (usize, usize) {
    let a = clamp_index(len, start);
    let b = clamp_index(len, end);
    (a, b.max(a))
}

fn clamp_index(len: usize, i: i64) -> usize {
    let n = i64::try_from(len).unwrap_or(i64::MAX);
    let j = if i < 0 {
        i.saturating_add(n).max(0)
    } else {
        i.min(n)
    };
    usize::try_from(j).unwrap_or(0)
}

// --------------------------------------------------------------------------------------------
// name normalization

/// Normalization used to compare names with mention texts (`norm_name` in `evalcommon.py`).
///
/// Compatibility forms folded, case-folded, a leading article (`the`, `a`, `an`) and a trailing
/// possessive `'s` dropped, and everything but letters and digits removed (so "Wal - Mart"
/// equals "Wal-Mart").
///
/// Python applies full NFKC; this port maps the compatibility characters that matter in news
/// text (non-breaking and other fixed-width spaces, fullwidth ASCII, Latin ligatures,
/// superscript and subscript digits, vulgar fractions, Roman numerals, circled numbers, the
/// trade mark sign and a few letter-like symbols) and leaves other text unchanged.
pub fn norm_name(s: &str) -> String {
    norm_chars(s.chars())
}

fn norm_chars(input: impl Iterator<Item = char>) -> String {
    let mut compat: Vec<char> = Vec::new();
    for c in input {
        push_compat(c, &mut compat);
    }
    let mut folded: Vec<char> = Vec::with_capacity(compat.len());
    for c in compat {
        push_casefold(c, &mut folded);
    }
    // .strip()
    let start = folded
        .iter()
        .position(|&c| !py_isspace(c))
        .unwrap_or(folded.len());
    let end = folded
        .iter()
        .rposition(|&c| !py_isspace(c))
        .map_or(start, |i| i + 1);
    let mut rest: &[char] = folded.get(start..end).unwrap_or_default();
    // re.sub(r"^(the|a|an)\s+", "", s)
    for article in ARTICLES {
        if let Some(after) = rest
            .strip_prefix(article)
            .filter(|after| after.first().is_some_and(|&c| py_isspace(c)))
        {
            rest = trim_start_space(after);
            break;
        }
    }
    // re.sub(r"\s*'\s*s$", "", s)
    if let Some(before_quote) = rest
        .strip_suffix(&['s'])
        .and_then(|before_s| trim_end_space(before_s).strip_suffix(&['\'']))
    {
        rest = trim_end_space(before_quote);
    }
    rest.iter().filter(|c| c.is_alphanumeric()).collect()
}

/// The alternatives of `^(the|a|an)\s+`, in order.
const ARTICLES: [&[char]; 3] = [&['t', 'h', 'e'], &['a'], &['a', 'n']];

/// Python's `str.isspace` (also the `\s` of `re` on str patterns): Unicode white space plus the
/// information separators U+001C..U+001F.
fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn trim_start_space(s: &[char]) -> &[char] {
    let n = s.iter().take_while(|&&c| py_isspace(c)).count();
    s.get(n..).unwrap_or_default()
}

fn trim_end_space(s: &[char]) -> &[char] {
    let n = s.iter().rposition(|&c| !py_isspace(c)).map_or(0, |i| i + 1);
    s.get(..n).unwrap_or_default()
}

/// Roman numerals U+2160..U+216F (and lowercase U+2170..U+217F) under NFKC.
const ROMAN: [&str; 16] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "L", "C", "D", "M",
];

/// The NFKC subset: compatibility characters common in news text, plus U+2019 → `'` (which
/// `norm_name` replaces right after NFKC).
fn push_compat(c: char, out: &mut Vec<char>) {
    let code = u32::from(c);
    let shifted = |from: u32, to: char| char::from_u32(code - from + u32::from(to)).unwrap_or(c);
    match c {
        '\u{2019}' => out.push('\''),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            out.push(' ');
        }
        '\u{FF01}'..='\u{FF5E}' => out.push(shifted(0xFF01, '!')),
        '\u{FB00}' => out.extend(['f', 'f']),
        '\u{FB01}' => out.extend(['f', 'i']),
        '\u{FB02}' => out.extend(['f', 'l']),
        '\u{FB03}' => out.extend(['f', 'f', 'i']),
        '\u{FB04}' => out.extend(['f', 'f', 'l']),
        '\u{FB05}'..='\u{FB06}' => out.extend(['s', 't']),
        '\u{0132}' => out.extend(['I', 'J']),
        '\u{0133}' => out.extend(['i', 'j']),
        '\u{0149}' => out.extend(['\u{02BC}', 'n']),
        '\u{017F}' => out.push('s'),
        '\u{00AA}' => out.push('a'),
        '\u{00BA}' => out.push('o'),
        '\u{00B5}' => out.push('\u{03BC}'),
        '\u{00B9}' => out.push('1'),
        '\u{00B2}' => out.push('2'),
        '\u{00B3}' => out.push('3'),
        '\u{2070}' => out.push('0'),
        '\u{2074}'..='\u{2079}' => out.push(shifted(0x2074, '4')),
        '\u{2080}'..='\u{2089}' => out.push(shifted(0x2080, '0')),
        '\u{00BC}' => out.extend(['1', '\u{2044}', '4']),
        '\u{00BD}' => out.extend(['1', '\u{2044}', '2']),
        '\u{00BE}' => out.extend(['3', '\u{2044}', '4']),
        '\u{2122}' => out.extend(['T', 'M']),
        '\u{212A}' => out.push('K'),
        '\u{212B}' => out.push('\u{00C5}'),
        '\u{2126}' => out.push('\u{03A9}'),
        '\u{2160}'..='\u{217F}' => {
            let roman = usize::try_from((code - 0x2160) % 16)
                .ok()
                .and_then(|i| ROMAN.get(i));
            match roman {
                Some(r) => out.extend(r.chars()),
                None => out.push(c),
            }
        }
        '\u{2460}'..='\u{2473}' => out.extend((code - 0x2460 + 1).to_string().chars()),
        _ => out.push(c),
    }
}

/// Python `str.casefold` for one character: lowercase, with `ß`/`ẞ` → `ss` and final sigma →
/// sigma.
fn push_casefold(c: char, out: &mut Vec<char>) {
    match c {
        'ß' | '\u{1E9E}' => out.extend(['s', 's']),
        'ς' => out.push('σ'),
        _ => out.extend(c.to_lowercase()),
    }
}

// --------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::slice::from_ref;

    /// The synthetic gold document of `self_test` in `score.py`.
    fn synthetic_gold() -> Value {
        json!({
            "id": "t",
            "text": "Kim met Moon in Seoul. Kim fired Lee.",
            "layers": ["entity_mentions", "entities", "events", "meetings", "event_args", "before",
                       "event_dates"],
            "entities": [
                {"id": "e1", "type": "Person", "name": "Kim", "mentions": [[0, 3], [23, 26]]},
                {"id": "e2", "type": "Person", "name": "Moon", "mentions": [[8, 12]]},
                {"id": "e3", "type": "Location", "name": "Seoul", "mentions": [[16, 21]]},
                {"id": "e4", "type": "Person", "name": "Lee", "mentions": [[33, 36]]}
            ],
            "events": [
                {"id": "v1", "type": "Meeting", "trigger": [4, 7], "date": "2020-01-02",
                 "participants": [{"entity": "e1", "role": "participant"},
                                  {"entity": "e2", "role": "participant"},
                                  {"entity": "e3", "role": "place"}]},
                {"id": "v2", "type": "EndPosition", "trigger": [27, 32], "date": null,
                 "participants": []}
            ],
            "before": [["v1", "v2"]]
        })
    }

    /// The synthetic system document of `self_test` in `score.py`.
    fn synthetic_pred() -> Value {
        json!({
            "id": "t",
            "entities": [
                {"id": "a", "type": "Country", "name": "seoul", "mentions": [[16, 21]]},
                {"id": "b", "type": "Person", "name": "Moon", "mentions": [[8, 12]]},
                {"id": "c", "type": "Person", "name": "KIM", "mentions": [[0, 3]]}
            ],
            "events": [
                {"id": "x", "type": "Dismissal", "trigger": [27, 33], "participants": []},
                {"id": "y", "type": "Meeting", "trigger": [4, 7], "date": "2020-01-02",
                 "participants": [{"entity": "b", "role": "participant"},
                                  {"entity": "c", "role": "participant"}]}
            ],
            "before": [["y", "x"]]
        })
    }

    fn layer<'r>(report: &'r Report, name: &str) -> &'r LayerScore {
        report
            .layer(name)
            .unwrap_or_else(|| panic!("layer {name} missing"))
    }

    #[test]
    fn synthetic_matching_cases() {
        let g = synthetic_gold();
        let mut p = synthetic_pred();
        let r = score(from_ref(&g), from_ref(&p));
        assert_eq!(layer(&r, "entity_mentions").tp, 3);
        assert_eq!(layer(&r, "entities").tp, 3);
        assert_eq!(layer(&r, "events").tp, 2);
        assert_eq!(layer(&r, "meetings").tp, 1);
        assert_eq!(layer(&r, "before").tp, 1);
        assert_eq!(layer(&r, "event_dates").tp, 1);
        let args = layer(&r, "event_args");
        assert_eq!((args.tp, args.n_pred, args.n_gold), (2, Some(2), 3));

        p["events"][1]["participants"][0]["role"] = json!("agent");
        let r = score(from_ref(&g), from_ref(&p));
        assert_eq!(layer(&r, "event_args").tp, 1);
        assert_eq!(layer(&r, "event_args~").tp, 2);

        p["before"] = json!([["x", "y"]]);
        p["events"][0]["type"] = json!("Resignation");
        p["entities"][0]["type"] = json!("Organization");
        let r = score(from_ref(&g), from_ref(&p));
        let before = layer(&r, "before");
        assert_eq!((before.tp, before.n_pred), (0, Some(1)));
        assert_eq!(layer(&r, "events").tp, 2);
        assert_eq!(layer(&r, "entity_mentions").tp, 2);
        assert_eq!(layer(&r, "entity_mentions~").tp, 2);
    }

    #[test]
    fn gold_against_itself_is_perfect() {
        let g = synthetic_gold();
        let r = score(from_ref(&g), from_ref(&g));
        let names: Vec<&str> = r.layers.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "entity_mentions",
                "entity_mentions~",
                "entities",
                "events",
                "events[typed]",
                "meetings",
                "event_args",
                "event_args~",
                "event_dates",
                "before"
            ]
        );
        for (name, s) in &r.layers {
            for v in [s.p, s.r, s.f1, s.share, s.r_all, s.p_judged]
                .into_iter()
                .flatten()
            {
                assert!((v - 1.0).abs() < 1e-9, "{name}: {v}");
            }
        }
    }

    #[test]
    fn empty_or_missing_system_has_zero_recall() {
        let g = synthetic_gold();
        let empty = json!({"id": "t", "entities": [], "events": [], "before": []});
        let r = score(from_ref(&g), from_ref(&empty));
        assert_eq!(r.docs_missing_in_system, 0);
        for (name, s) in &r.layers {
            if let Some(recall) = s.r {
                assert!(recall.abs() < 1e-12, "{name}: R={recall}");
            }
        }
        let missing = score(from_ref(&g), &[]);
        assert_eq!(missing.docs_missing_in_system, 1);
        assert_eq!(missing.layers, r.layers);
    }

    #[test]
    fn norm_name_matches_evalcommon() {
        // expected values computed with evalcommon.norm_name
        let cases = [
            ("The Washington Post's", "washingtonpost"),
            ("Wal - Mart", "walmart"),
            ("U.S.", "us"),
            ("Kim\u{2019}s", "kim"),
            ("\u{ff35}\u{ff33}\u{ff21}", "usa"),
            ("Stra\u{df}e", "strasse"),
            ("an  apple", "apple"),
            ("the", "the"),
            ("  The   Caf\u{e9} \u{2019} s  ", "caf\u{e9}"),
            ("a", "a"),
            ("A B", "b"),
            ("the\u{a0}Times", "times"),
            ("\u{fb01}nance \u{fb02}ow", "financeflow"),
            ("\u{216b} \u{2460}\u{bd}", "xii112"),
            (
                "\u{3a3}\u{3af}\u{3c3}\u{3c5}\u{3c6}\u{3bf}\u{3c2}",
                "\u{3c3}\u{3af}\u{3c3}\u{3c5}\u{3c6}\u{3bf}\u{3c3}",
            ),
            ("Apple\u{2122}", "appletm"),
            ("", ""),
            ("THE\tS", "s"),
            ("Smiths 's", "smiths"),
            ("the the x", "thex"),
        ];
        for (input, want) in cases {
            assert_eq!(norm_name(input), want, "{input:?}");
        }
    }

    #[test]
    fn kuhn_matching_order_follows_the_python_dict() {
        // Left 0 takes right 0 first; left 1 can only use right 0, so the augmenting path moves
        // left 0 to right 1. Python's result dict lists right 0 (first matched) first.
        assert_eq!(max_matching(&[vec![0, 1], vec![0]]), [(1, 0), (0, 1)]);
        assert_eq!(max_matching(&[vec![], vec![0], vec![0]]), [(1, 0)]);
        assert!(max_matching(&[]).is_empty());
    }

    #[test]
    fn matching_order_decides_dates_and_before() {
        // The first predicted event prefers g0 (larger overlap) but gives it up to the second
        // through an augmenting path; both predicted events have the id "dup", and the Python
        // dict keeps the pair listed last (dup -> g1), so the predicted pair (dup, z) is right.
        let gold = json!({
            "id": "d", "text": "x", "layers": ["event_dates", "before"],
            "events": [{"id": "g0", "type": "Other", "trigger": [0, 10], "date": "2001"},
                       {"id": "g1", "type": "Other", "trigger": [8, 20], "date": "2002"},
                       {"id": "g2", "type": "Other", "trigger": [30, 35], "date": null}],
            "before": [["g1", "g2"]]
        });
        let system = json!({
            "id": "d",
            "events": [{"id": "dup", "type": "Other", "trigger": [5, 12], "date": "2002"},
                       {"id": "dup", "type": "Other", "trigger": [0, 4], "date": "2001"},
                       {"id": "z", "type": "Other", "trigger": [30.0, 35], "date": "1999"}],
            "before": [["dup", "z"]]
        });
        let r = score(from_ref(&gold), from_ref(&system));
        assert_eq!(layer(&r, "event_dates").tp, 2);
        assert_eq!(layer(&r, "before").tp, 1);
    }

    #[test]
    fn table_matches_print_report() {
        let r = score(from_ref(&synthetic_gold()), from_ref(&synthetic_pred()));
        let mut out = Vec::new();
        r.write_table_with(&mut out, "g", Some("s"), true)
            .expect("write to a Vec");
        // print_report(score([g], [p]), "g", "s")
        let expected = concat!(
            "gold: g  system: s\n",
            "docs: 1  (missing in system: 0)\n",
            "layer                   P      R     F1      tp  n_pred  n_gold  notes\n",
            "entity_mentions     1.000  0.600  0.750       3       3       5  \n",
            "entity_mentions~    1.000  0.600  0.750       3       3       5  lenient (overlap)\n",
            "entities            1.000  0.750  0.857       3       3       4  \n",
            "events              1.000  1.000  1.000       2       2       2  \n",
            "events[typed]       1.000  1.000  1.000       2       2       2  \n",
            "meetings            1.000  1.000  1.000       1       1       1  \n",
            "event_dates         1.000  1.000  1.000       1       1       1  share=1.000 of 1 aligned dated events\n",
            "before              1.000  1.000  1.000       1       1       1  R_all=1.000 (/1) P_judged=1.000 (/1)\n",
            "events by type (P over predicted type, R over gold type):\n",
            "  Dismissal         1.000      -      -   pred 1/1  gold 0/0\n",
            "  EndPosition           -  1.000      -   pred 0/0  gold 1/1\n",
            "  Meeting           1.000  1.000  1.000   pred 1/1  gold 1/1\n",
        );
        assert_eq!(String::from_utf8(out).expect("UTF-8"), expected);
        let mut short = Vec::new();
        r.write_table(&mut short, "g").expect("write to a Vec");
        let short = String::from_utf8(short).expect("UTF-8");
        assert!(short.starts_with("gold: g\ndocs: 1  (missing in system: 0)\n"));
    }

    // Documents exercising recall-only layers, event_types, timexes, a missing and a duplicated
    // system document, code-point offsets, out-of-range and negative spans, and unnamed
    // entities; the expected figures are score.py's output for these files.
    const RICH_GOLD: &str = r#"
{"id": "rich/a", "text": "Zoë Baird — the Café’s owner — met Ann Lee in Paris on 3 May 2011. She resigned a week later, and Ann Lee’s firm was sued.", "published": "2011-05-03", "layers": ["entity_mentions_partial", "entities_partial", "events", "events_partial", "meetings", "timexes", "event_dates", "before"], "event_types": ["Meeting", "EndPosition"], "entities": [{"id": "e1", "type": "Person", "name": "Zoë Baird", "mentions": [[0, 9], [67, 70]]}, {"id": "e2", "type": "Person", "name": "Ann Lee", "mentions": [[35, 42], [98, 105]]}, {"id": "e3", "type": "Location", "name": "Paris", "mentions": [[46, 51]]}, {"id": "e4", "type": "Organization", "name": "the Café", "mentions": [[12, 20]]}], "events": [{"id": "v1", "type": "Meeting", "trigger": [31, 34], "date": "2011-05-03", "participants": [{"entity": "e1", "role": "participant"}, {"entity": "e2", "role": "participant"}, {"entity": "e3", "role": "place"}]}, {"id": "v2", "type": "EndPosition", "trigger": [71, 79], "date": "2011-05", "participants": [{"entity": "e1", "role": "agent"}]}, {"id": "v3", "type": "Other", "trigger": [117, 121], "date": null, "participants": []}], "before": [["v1", "v2"], ["v2", "v3"], ["v9", "v1"]], "timexes": [{"span": [55, 65], "value": "2011-05-03"}, {"span": [80, 92], "value": "2011-05-10"}]}
{"id": "rich/b", "text": "Kim met Moon. Moon left. Kim stayed.", "layers": ["entity_mentions", "entities", "meetings", "event_args", "events", "before"], "entities": [{"id": "e1", "type": "Person", "name": "Kim", "mentions": [[0, 3], [25, 28]]}, {"id": "e2", "type": "Person", "name": "Moon", "mentions": [[8, 12], [14, 18]]}], "events": [{"id": "v1", "type": "Meeting", "trigger": [4, 7], "date": null, "participants": [{"entity": "e1", "role": "participant"}, {"entity": "e2", "role": "participant"}]}, {"id": "v2", "type": "Other", "trigger": [19, 23], "date": null, "participants": []}], "before": [["v1", "v2"]]}
{"id": "rich/c", "text": "Acme fired Bob in Oslo.", "layers": ["entities", "entity_mentions", "events", "event_dates", "event_args"], "entities": [{"id": "e1", "type": "Organization", "name": "Acme", "mentions": [[0, 4]]}, {"id": "e2", "type": "Person", "name": "Bob", "mentions": [[11, 14]]}, {"id": "e3", "type": "Location", "name": "Oslo", "mentions": [[18, 22]]}], "events": [{"id": "v1", "type": "EndPosition", "trigger": [5, 10], "date": "2020", "participants": [{"entity": "e1", "role": "agent"}, {"entity": "e2", "role": "patient"}]}]}
{"id": "rich/d", "text": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "layers": ["event_dates", "before"], "events": [{"id": "g0", "type": "Other", "trigger": [0, 10], "date": "2001"}, {"id": "g1", "type": "Other", "trigger": [8, 20], "date": "2002"}, {"id": "g2", "type": "Other", "trigger": [30, 35], "date": null}], "before": [["g1", "g2"]]}"#;

    const RICH_SYSTEM: &str = r#"
{"id": "rich/a", "entities": [{"id": "p1", "type": "Person", "mentions": [[0, 3], [0, 9], [0, 9]]}, {"id": "p2", "type": "Person", "name": "ann lee’s", "mentions": [[98, 105]]}, {"id": "p3", "type": "Place", "name": "Paris", "mentions": [[46, 51]]}, {"id": "p4", "type": "Organization", "mentions": [[500, 900]]}, {"id": "p5", "type": "Person", "mentions": [[-9, -6]]}, {"id": "p6", "type": "Organization", "name": "Café", "mentions": [[16, 20]]}], "events": [{"id": "x1", "type": "Meeting", "trigger": [31, 36], "date": "2011-05-03", "participants": [{"entity": "p1", "role": "participant"}, {"entity": "p2", "role": "participant"}, {"entity": "p3", "role": "participant"}]}, {"id": "x4", "type": "Statement", "trigger": [67, 79], "date": "2011-05"}, {"id": "x2", "type": "Resignation", "trigger": [71, 79], "date": "2011-05-10"}, {"id": "x3", "type": "Attack", "trigger": [117, 121], "date": "2011"}], "before": [["x1", "x4"], ["x4", "x3"], ["x3", "x1"], ["x1", "x1"], ["x1", "nope"], ["x1"]], "timexes": [{"span": [55, 65], "value": "2011-05-03"}, {"span": [80, 86], "value": "2011-05-17"}, {"span": null}, {"span": [0, 3], "value": null}]}
{"id": "rich/c", "entities": [], "events": []}
{"id": "rich/c", "text": "ACME fired BOB in OSLO.", "entities": [{"id": "a", "type": "Organization", "mentions": [[0, 4]]}, {"id": "b", "type": "Person", "name": "", "mentions": [[11, 14], [11, 13]]}, {"id": "c", "type": "Country", "name": "Oslo", "mentions": [[18, 22], [18, 22]]}, {"id": "d", "type": "Location", "name": "Oslo", "mentions": [[18, 22]]}], "events": [{"id": "y1", "type": "Dismissal", "trigger": [5, 10], "date": "2020", "participants": [{"entity": "a", "role": "agent"}, {"entity": "b", "role": "agent"}, {"entity": "c", "role": "place"}, {"entity": "a", "role": "agent"}, {"entity": null, "role": "agent"}]}, {"id": "y2", "type": "Other", "trigger": [6, 9], "date": "2021"}]}
{"id": "nowhere", "entities": []}
{"id": "rich/d", "events": [{"id": "dup", "type": "Other", "trigger": [5, 12], "date": "2002"}, {"id": "dup", "type": "Other", "trigger": [0, 4], "date": "2001"}, {"id": "z", "type": "Other", "trigger": [30.0, 35], "date": "1999"}], "before": [["dup", "z"]]}"#;

    const RICH_EXPECTED_JSON: &str = r#"{"docs": 4, "docs_missing_in_system": 1, "layers": {"entity_mentions": {"P": 0.6, "R": 0.42857142857142855, "F1": 0.5, "tp": 3, "n_pred": 5, "n_gold": 7}, "entity_mentions~": {"P": 0.6, "R": 0.42857142857142855, "F1": 0.5, "tp": 3, "n_pred": 5, "n_gold": 7}, "entity_mentions_partial": {"P": null, "R": 0.5, "F1": null, "tp": 3, "n_pred": null, "n_gold": 6}, "entity_mentions_partial~": {"P": null, "R": 0.6666666666666666, "F1": null, "tp": 4, "n_pred": null, "n_gold": 6}, "entities": {"P": 0.75, "R": 0.6, "F1": 0.6666666666666665, "tp": 3, "n_pred": 4, "n_gold": 5}, "entities_partial": {"P": null, "R": 1.0, "F1": null, "tp": 4, "n_pred": null, "n_gold": 4}, "events": {"P": 0.75, "R": 0.6, "F1": 0.6666666666666665, "tp": 3, "n_pred": 4, "n_gold": 5}, "events[typed]": {"P": 1.0, "R": 0.75, "F1": 0.8571428571428571, "tp": 3, "n_pred": 3, "n_gold": 4}, "events_partial": {"P": null, "R": 0.6666666666666666, "F1": null, "tp": 2, "n_pred": null, "n_gold": 3}, "meetings": {"P": 0.3333333333333333, "R": 0.5, "F1": 0.4, "tp": 1, "n_pred": 3, "n_gold": 2}, "event_args": {"P": 0.3333333333333333, "R": 0.5, "F1": 0.4, "tp": 1, "n_pred": 3, "n_gold": 2, "R_all": 0.25, "n_gold_all": 4}, "event_args~": {"P": 0.6666666666666666, "R": 1.0, "F1": 0.8, "tp": 2, "n_pred": 3, "n_gold": 2, "R_all": 0.5, "n_gold_all": 4}, "timexes": {"P": 0.6666666666666666, "R": 1.0, "F1": 0.8, "tp": 2, "n_pred": 3, "n_gold": 2}, "timex_values": {"P": 0.3333333333333333, "R": 0.5, "F1": 0.4, "tp": 1, "n_pred": 3, "n_gold": 2}, "event_dates": {"share": 1.0, "P": 1.0, "R": 1.0, "F1": 1.0, "tp": 5, "n_pred": 5, "n_gold": 5, "n_matched": 5}, "before": {"P": 0.75, "R": 1.0, "F1": 0.8571428571428571, "tp": 3, "n_pred": 4, "n_gold": 3, "R_all": 0.6, "n_gold_all": 5, "P_judged": 1.0, "n_judged": 3}}, "events_by_type": {"Dismissal": {"P": 1.0, "R": null, "F1": null, "tp_p": 1, "n_pred": 1, "tp_r": 0, "n_gold": 0}, "EndPosition": {"P": null, "R": 1.0, "F1": null, "tp_p": 0, "n_pred": 0, "tp_r": 2, "n_gold": 2}, "Meeting": {"P": 1.0, "R": 0.5, "F1": 0.6666666666666666, "tp_p": 1, "n_pred": 1, "tp_r": 1, "n_gold": 2}, "Other": {"P": 0.0, "R": 0.0, "F1": 0.0, "tp_p": 0, "n_pred": 1, "tp_r": 0, "n_gold": 1}, "Resignation": {"P": 1.0, "R": null, "F1": null, "tp_p": 1, "n_pred": 1, "tp_r": 0, "n_gold": 0}}, "events_partial_by_type": {"EndPosition": {"R": 1.0, "tp": 1, "n_gold": 1}, "Meeting": {"R": 1.0, "tp": 1, "n_gold": 1}, "Other": {"R": 0.0, "tp": 0, "n_gold": 1}}}"#;

    fn parse_lines(text: &str) -> Vec<Value> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_str(l).expect("valid JSON line"))
            .collect()
    }

    fn assert_json_close(got: &Value, want: &Value, path: &str) {
        match (got, want) {
            (Value::Object(g), Value::Object(w)) => {
                let got_keys: Vec<&String> = g.keys().collect();
                let want_keys: Vec<&String> = w.keys().collect();
                assert_eq!(g.len(), w.len(), "{path}: {got_keys:?} vs {want_keys:?}");
                for (k, wv) in w {
                    let gv = g
                        .get(k)
                        .unwrap_or_else(|| panic!("{path}: missing key {k}"));
                    assert_json_close(gv, wv, &format!("{path}.{k}"));
                }
            }
            (Value::Number(g), Value::Number(w)) => {
                assert_eq!(g.is_f64(), w.is_f64(), "{path}: {g} vs {w}");
                let gf = g.as_f64().unwrap_or(f64::NAN);
                let wf = w.as_f64().unwrap_or(f64::NAN);
                assert!((gf - wf).abs() <= 1e-12, "{path}: {gf} vs {wf}");
            }
            _ => assert_eq!(got, want, "{path}"),
        }
    }

    #[test]
    fn rich_case_matches_score_py() {
        let gold = parse_lines(RICH_GOLD);
        let system = parse_lines(RICH_SYSTEM);
        assert_eq!((gold.len(), system.len()), (4, 5));
        let r = score(&gold, &system);
        let want: Value = serde_json::from_str(RICH_EXPECTED_JSON).expect("valid JSON");
        assert_json_close(&r.to_json(), &want, "$");
        let mut out = Vec::new();
        r.write_table_with(&mut out, "gold.jsonl", Some("sys.jsonl"), true)
            .expect("write to a Vec");
        let expected = concat!(
            "gold: gold.jsonl  system: sys.jsonl\n",
            "docs: 4  (missing in system: 1)\n",
            "layer                   P      R     F1      tp  n_pred  n_gold  notes\n",
            "entity_mentions     0.600  0.429  0.500       3       5       7  \n",
            "entity_mentions~    0.600  0.429  0.500       3       5       7  lenient (overlap)\n",
            "entity_mentions_partial      -  0.500      -       3       -       6  recall only (gold not exhaustive)\n",
            "entity_mentions_partial~      -  0.667      -       4       -       6  lenient (overlap); recall only (gold not exhaustive)\n",
            "entities            0.750  0.600  0.667       3       4       5  \n",
            "entities_partial        -  1.000      -       4       -       4  recall only (gold not exhaustive)\n",
            "events              0.750  0.600  0.667       3       4       5  \n",
            "events[typed]       1.000  0.750  0.857       3       3       4  \n",
            "events_partial          -  0.667      -       2       -       3  recall only (gold not exhaustive)\n",
            "meetings            0.333  0.500  0.400       1       3       2  \n",
            "event_args          0.333  0.500  0.400       1       3       2  R_all=0.250 (/4)\n",
            "event_args~         0.667  1.000  0.800       2       3       2  any role; R_all=0.500 (/4)\n",
            "timexes             0.667  1.000  0.800       2       3       2  \n",
            "timex_values        0.333  0.500  0.400       1       3       2  \n",
            "event_dates         1.000  1.000  1.000       5       5       5  share=1.000 of 5 aligned dated events\n",
            "before              0.750  1.000  0.857       3       4       3  R_all=0.600 (/5) P_judged=1.000 (/3)\n",
            "events by type (P over predicted type, R over gold type):\n",
            "  Dismissal         1.000      -      -   pred 1/1  gold 0/0\n",
            "  EndPosition           -  1.000      -   pred 0/0  gold 2/2\n",
            "  Meeting           1.000  0.500  0.667   pred 1/1  gold 1/2\n",
            "  Other             0.000  0.000  0.000   pred 0/1  gold 0/1\n",
            "  Resignation       1.000      -      -   pred 1/1  gold 0/0\n",
            "events_partial by type (recall):\n",
            "  EndPosition     R=1.000  1/1\n",
            "  Meeting         R=1.000  1/1\n",
            "  Other           R=0.000  0/1\n",
        );
        assert_eq!(String::from_utf8(out).expect("UTF-8"), expected);
    }

    #[test]
    fn malformed_input_does_not_panic() {
        let weird = json!({
            "id": "w",
            "text": "abc",
            "layers": ["entity_mentions", "entity_mentions_partial", "entities",
                       "entities_partial", "events", "events_partial", "meetings", "timexes",
                       "event_dates", "before", 7, null],
            "entities": [
                null, 5, "x", {"mentions": null, "name": 3},
                {"id": [1], "type": 5,
                 "mentions": [[1], ["x", 2], [-5, 1e300], [i64::MAX, i64::MIN], [true, "2"],
                              [u64::MAX, 0.5], "ab"]}
            ],
            "events": [
                null, {"trigger": [1]}, {"trigger": "ab"}, {"trigger": []},
                {"id": null, "trigger": [0.5, 2.5], "type": null, "date": 0,
                 "participants": [null, {"entity": null}, {"entity": [1]},
                                  {"entity": "e", "role": "place"}, {"entity": {"a": 1}}]},
                {"id": 3, "type": "Meeting", "trigger": [1e300, -1e300], "date": "x",
                 "participants": [{"entity": "p"}, {"entity": "q"}, {"entity": 1}]}
            ],
            "event_types": "Meeting",
            "timexes": [null, {"span": [0]}, {"span": [0, 2], "value": 1.0},
                        {"span": ["1", "3"], "value": [1]}],
            "before": [null, [1, 2, 3], [null, null], "ab", [{"x": 1}, []], [3, null]]
        });
        let mut variant = weird.clone();
        variant["event_types"] = json!([null, 5, "Meeting"]);
        variant["text"] = json!("\u{e4}");
        let odd = json!({"id": "n", "text": null, "layers": "events", "entities": {"a": 1},
                         "events": 3});
        let gold: &[Value] = &[
            json!(null),
            json!("str"),
            json!(5),
            json!([1, 2]),
            odd,
            weird.clone(),
        ];
        let system: &[Value] = &[
            weird,
            variant,
            json!(null),
            json!({"id": "n", "timexes": 5}),
        ];
        for (g, s) in [
            (gold, gold),
            (gold, system),
            (system, gold),
            (system, system),
        ] {
            let r = score(g, s);
            assert_eq!(r.docs, g.len());
            assert!(r.to_json().is_object());
            let mut out = Vec::new();
            r.write_table(&mut out, "weird").expect("write to a Vec");
        }
    }
}
