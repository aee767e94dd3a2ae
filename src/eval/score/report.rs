//! The scorer's figures ([`Report`]), as `score.py --json` prints them and as
//! its text table.

use super::PARTIAL_LAYERS;
use serde::Serialize;
use serde_json::{Map, Value};
use std::io::{self, Write};

const RECALL_ONLY: &str = "recall only (gold not exhaustive)";

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
