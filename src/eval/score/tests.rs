//! The scorer against `score.py`: its self-test cases, and outputs of
//! `score.py` on documents that exercise every layer and edge case.

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
            "event_args          1.000  0.667  0.800       2       2       3  R_all=0.667 (/3)\n",
            "event_args~         1.000  0.667  0.800       2       2       3  any role; R_all=0.667 (/3)\n",
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
