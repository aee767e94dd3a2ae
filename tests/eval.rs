//! Extraction quality on the dev gold of `../shared/eval/dev`: floors just
//! under the figures reached (so no change loses them silently), and
//! `newsgraph eval` agreeing with the reference scorer `score.py`.

mod common;
use common::*;
use newsgraph::extract::ner::NerMode;
use newsgraph::extract::Extractor;
use serde_json::Value;

/// (file, layer, figure, floor), for the default extractor (`--ner
/// hybrid`). Figures reached when set: see CHANGELOG.
const FLOORS: &[(&str, &str, &str, f64)] = &[
    ("seed.jsonl", "entities", "F1", 0.95),
    ("seed.jsonl", "meetings", "F1", 1.0),
    ("seed.jsonl", "event_dates", "share", 0.99),
    ("gum-news.jsonl", "entity_mentions", "F1", 0.445),
    // 0.685 until the tagger was retrained on the rules that keep law
    // names and "X-based" prefixes out (0.684: three lenient matches
    // fewer; ECB+ partial recall 0.635 -> 0.641).
    ("gum-news.jsonl", "entity_mentions~", "F1", 0.68),
    ("gum-news.jsonl", "entities", "F1", 0.52),
    ("meantime-airbus.jsonl", "entity_mentions", "F1", 0.625),
    ("meantime-airbus.jsonl", "entity_mentions~", "F1", 0.78),
    // 0.70 until a place named alone elsewhere kept its bare name ("Long
    // Beach" beside "Long Beach, California": one entity fewer here; M2E2
    // event_args 0.232 -> 0.271).
    ("meantime-airbus.jsonl", "entities", "F1", 0.695),
    ("meantime-airbus.jsonl", "timex_values", "F1", 0.80),
    ("meantime-airbus.jsonl", "event_dates", "share", 0.93),
    ("meantime-airbus.jsonl", "before", "F1", 0.17),
    ("meantime-apple.jsonl", "entity_mentions", "F1", 0.72),
    ("meantime-apple.jsonl", "entity_mentions~", "F1", 0.77),
    ("meantime-apple.jsonl", "entities", "F1", 0.765),
    ("meantime-apple.jsonl", "timex_values", "F1", 0.84),
    ("meantime-apple.jsonl", "event_dates", "share", 0.88),
    // 0.155 until a verb's event object was ordered ("rejected the
    // offer"): one pair more that the gold leaves out (P 0.088 -> 0.087).
    ("meantime-apple.jsonl", "before", "F1", 0.15),
    ("ecbplus-dev.jsonl", "entity_mentions_partial", "R", 0.625),
    ("ecbplus-dev.jsonl", "entity_mentions_partial~", "R", 0.73),
    ("ecbplus-dev.jsonl", "entities_partial", "R", 0.765),
    ("m2e2-dev.jsonl", "events", "F1", 0.47),
    ("m2e2-dev.jsonl", "events_by_type/Arrest", "F1", 0.62),
    ("m2e2-dev.jsonl", "events_by_type/Death", "F1", 0.575),
    ("m2e2-dev.jsonl", "events_by_type/Meeting", "F1", 0.525),
    ("m2e2-dev.jsonl", "events_by_type/Attack", "F1", 0.505),
    // Who did what to whom (4 December 2026: 0.415, 0.593, 0.749, 0.894),
    // and what came first (R_all 0.165, 0.188; Airbus 0.188 with a verb's
    // event object ordered).
    ("m2e2-dev.jsonl", "event_args", "F1", 0.41),
    // 0.59 until verb forms after "to", a modal or "had" were read as
    // events ("agreed to purchase"): more gold events aligned, most of
    // their participants not found (0.596 -> 0.570; R_all 0.261 -> 0.268),
    // and again when a verbal noun became the event its verb takes ("the
    // award"): 0.570 -> 0.565, R_all unchanged.
    ("meantime-airbus.jsonl", "event_args", "F1", 0.56),
    ("meantime-apple.jsonl", "event_args", "F1", 0.745),
    ("seed.jsonl", "event_args", "F1", 0.89),
    // Issue #12's goal (0.25) on both; Airbus 0.248 -> 0.263 with a
    // participle set off after its noun ordered before the noun's verb.
    ("meantime-airbus.jsonl", "before", "R_all", 0.25),
    ("meantime-apple.jsonl", "before", "R_all", 0.25),
    ("meantime-airbus.jsonl", "before", "P_judged", 0.9),
    ("meantime-apple.jsonl", "before", "P_judged", 0.9),
    // What preceded the firing: the document's pairs are the related ones
    // (neighbouring sentences, the lede's news), not the closure (P 0.137).
    ("seed.jsonl", "before", "P", 0.9),
    ("seed.jsonl", "before", "R", 0.99),
];

/// `--ner rules` (no tagger). Its comparison with hybrid is in the README.
const RULES_FLOORS: &[(&str, &str, &str, f64)] = &[
    ("seed.jsonl", "entities", "F1", 0.95),
    ("gum-news.jsonl", "entity_mentions", "F1", 0.44),
    ("gum-news.jsonl", "entity_mentions~", "F1", 0.675),
    ("gum-news.jsonl", "entities", "F1", 0.515),
    ("meantime-airbus.jsonl", "entity_mentions", "F1", 0.625),
    ("meantime-airbus.jsonl", "entity_mentions~", "F1", 0.78),
    ("meantime-airbus.jsonl", "entities", "F1", 0.705),
    ("meantime-apple.jsonl", "entity_mentions", "F1", 0.74),
    // 0.785 until "Apple Computer" became one mention of one organization
    // (strict 0.664 -> 0.746, entities 0.796 -> 0.814, lenient 0.789 -> 0.783).
    ("meantime-apple.jsonl", "entity_mentions~", "F1", 0.78),
    ("meantime-apple.jsonl", "entities", "F1", 0.81),
    ("ecbplus-dev.jsonl", "entity_mentions_partial", "R", 0.615),
    ("ecbplus-dev.jsonl", "entity_mentions_partial~", "R", 0.72),
    ("ecbplus-dev.jsonl", "entities_partial", "R", 0.755),
];

fn report_with(
    file: &str,
    extractor: &Extractor,
) -> (Vec<Value>, Vec<Value>, newsgraph::eval::score::Report) {
    let path = shared().join("eval/dev").join(file);
    let gold = newsgraph::eval::read_jsonl(&path).unwrap();
    let system = newsgraph::eval::system_docs(&gold, extractor);
    let r = newsgraph::eval::score::score(&gold, &system);
    (gold, system, r)
}

fn report(file: &str) -> (Vec<Value>, Vec<Value>, newsgraph::eval::score::Report) {
    report_with(file, Extractor::bundled())
}

#[test]
fn dev_figures_stay_above_their_floors() {
    let extractor = Extractor::bundled();
    assert!(
        extractor.tagger().is_some(),
        "data/models/ner.bin is not bundled"
    );
    assert_eq!(extractor.mode(), NerMode::Hybrid);
    check_floors(FLOORS, extractor);
}

#[test]
fn rules_only_figures_stay_above_their_floors() {
    let extractor = Extractor::bundled().clone().with_mode(NerMode::Rules);
    check_floors(RULES_FLOORS, &extractor);
}

fn check_floors(floors: &[(&str, &str, &str, f64)], extractor: &Extractor) {
    let mut failures = Vec::new();
    for (file, layer, figure, floor) in floors {
        let (_, _, r) = report_with(file, extractor);
        let json = r.to_json();
        // "events_by_type/Meeting": one event type's figures.
        let scores = match layer.split_once('/') {
            Some((group, name)) => &json[group][name],
            None => &json["layers"][*layer],
        };
        let got = scores[*figure].as_f64().unwrap_or(0.0);
        if got + 1e-9 < *floor {
            failures.push(format!(
                "{file} {layer} {figure} = {got:.3} < floor {floor}"
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn newsgraph_eval_agrees_with_score_py() {
    let dir = tempfile::tempdir().unwrap();
    for file in [
        "seed.jsonl",
        "gum-news.jsonl",
        "meantime-airbus.jsonl",
        "meantime-apple.jsonl",
        "ecbplus-dev.jsonl",
        "m2e2-dev.jsonl",
    ] {
        let (_, system, r) = report(file);
        let sys_path = dir.path().join(file);
        let lines: Vec<String> = system.iter().map(Value::to_string).collect();
        std::fs::write(&sys_path, lines.join("\n") + "\n").unwrap();
        let out = std::process::Command::new("python3")
            .arg(shared().join("eval/score.py"))
            .arg(shared().join("eval/dev").join(file))
            .arg(&sys_path)
            .arg("--json")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let py: Value = serde_json::from_slice(&out.stdout).unwrap();
        let ours = r.to_json();
        let layers = py["layers"].as_object().unwrap();
        assert!(!layers.is_empty());
        for (layer, figures) in layers {
            for key in [
                "P",
                "R",
                "F1",
                "tp",
                "n_pred",
                "n_gold",
                "share",
                "R_all",
                "n_gold_all",
            ] {
                let (a, b) = (&figures[key], &ours["layers"][layer][key]);
                let same = match (a.as_f64(), b.as_f64()) {
                    (Some(x), Some(y)) => (x - y).abs() < 1e-9,
                    _ => a.is_null() == b.is_null(),
                };
                assert!(same, "{file} {layer} {key}: score.py {a} vs newsgraph {b}");
            }
        }
        for (t, figures) in py["events_by_type"].as_object().unwrap() {
            let (a, b) = (&figures["F1"], &ours["events_by_type"][t]["F1"]);
            assert_eq!(
                a.as_f64().map(|x| (x * 1e9).round()),
                b.as_f64().map(|x| (x * 1e9).round()),
                "{file} {t}"
            );
        }
    }
}
