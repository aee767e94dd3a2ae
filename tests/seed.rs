//! Acceptance on the seed article (issue #2): who met whom, what preceded
//! the firing, and entity F1 against the gold of `../shared/eval/dev/seed.jsonl`.

mod common;
use common::*;

fn seeded() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    seed_store(dir.path());
    dir
}

#[test]
fn who_met_whom_lists_exactly_the_three_meetings() {
    let dir = seeded();
    let out = run(
        &dir.path().join("db"),
        &["query", "who-met-whom", "--format", "csv"],
    );
    let mut rows = csv_rows(&out);
    rows.sort();
    let expected: Vec<Vec<String>> = vec![
        vec!["Donald Trump", "Sergey Lavrov", "2017-05-10", "White House"],
        vec!["Rex Tillerson", "Sergey Lavrov", "2017-04", "Moscow"],
        vec!["Rex Tillerson", "Sergey Lavrov", "2017-05-10", ""],
    ]
    .into_iter()
    .map(|r| r.into_iter().map(String::from).collect())
    .collect();
    assert_eq!(rows, expected, "who-met-whom output:\n{out}");
}

#[test]
fn what_preceded_the_firing_is_the_dated_timeline_before_it() {
    let dir = seeded();
    let out = run(
        &dir.path().join("db"),
        &[
            "query",
            "what-preceded",
            "--param",
            "event=firing",
            "--format",
            "csv",
        ],
    );
    let rows = csv_rows(&out);
    let dates: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "date ascending:\n{out}");
    assert!(
        dates.iter().all(|d| *d < "2017-05-09"),
        "nothing on or after the firing:\n{out}"
    );
    // The gold timeline events before the firing, by type and date.
    let gold = [
        ("Investigation", "2016-05"),
        ("Seizure", "2016-10-03"),
        ("Accusation", "2016-10-07"),
        ("Investigation", "2016-10-28"),
        ("Election", "2016-11-09"),
        ("Testimony", "2017-05-03"),
        ("Meeting", "2017-04"),
    ];
    for (ty, date) in gold {
        assert!(
            rows.iter().any(|r| r[1] == ty && r[2] == date),
            "missing {ty} {date}:\n{out}"
        );
    }
}

#[test]
fn seed_entity_f1_meets_the_floor() {
    let dir = tempfile::tempdir().unwrap();
    let sys = dir.path().join("sys.jsonl");
    let json = run(
        &dir.path().join("db"),
        &[
            "extract",
            "--published",
            "2017-05-10",
            seed_article().to_str().unwrap(),
        ],
    );
    // The system document takes the gold id, so score.py lines them up.
    let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    doc["id"] = "seed/dw-2017-05-10-lavrov-tillerson-comey".into();
    std::fs::write(&sys, format!("{doc}\n")).unwrap();
    let gold = shared().join("eval/dev/seed.jsonl");
    let gold_docs = newsgraph::eval::read_jsonl(&gold).unwrap();
    let report = newsgraph::eval::score::score(&gold_docs, &[doc]);
    let f1 = report.layer("entities").and_then(|l| l.f1).unwrap();
    assert!(f1 >= 0.8, "entity F1 {f1:.3} < 0.8");
    // The reference scorer agrees.
    let py = std::process::Command::new("python3")
        .arg(shared().join("eval/score.py"))
        .arg(&gold)
        .arg(&sys)
        .arg("--json")
        .output()
        .expect("python3");
    assert!(
        py.status.success(),
        "{}",
        String::from_utf8_lossy(&py.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&py.stdout).unwrap();
    let py_f1 = v["layers"]["entities"]["F1"].as_f64().unwrap();
    assert!(
        (py_f1 - f1).abs() < 1e-9,
        "score.py {py_f1} vs newsgraph {f1}"
    );
}

#[test]
fn what_preceded_finds_its_target_by_type_in_any_case_or_by_whole_label() {
    let dir = seeded();
    let db = dir.path().join("db");
    let rows = |event: &str| {
        csv_rows(&run(
            &db,
            &[
                "query",
                "what-preceded",
                "--param",
                &format!("event={event}"),
                "--format",
                "csv",
            ],
        ))
    };
    let by_type = rows("Dismissal");
    assert!(!by_type.is_empty());
    assert_eq!(rows("dismissal"), by_type);
    assert_eq!(rows("DISMISSAL"), by_type);
    // The firing's label, as the timeline shows it, names that one event.
    let timeline = csv_rows(&run(&db, &["query", "timeline", "--format", "csv"]));
    let firing = timeline
        .iter()
        .find(|r| r[2] == "Dismissal" && r[0] == "2017-05-09")
        .unwrap_or_else(|| panic!("{timeline:?}"));
    let by_label = rows(&firing[1]);
    assert!(!by_label.is_empty());
    for r in &by_label {
        assert!(r[2].as_str() < "2017-05-09", "{r:?}");
        assert!(by_type.contains(r), "{r:?}");
    }
    // Text that is no type, trigger, lemma or label names nothing (a type
    // made from it as an IRI used to fail and match every resource).
    assert!(rows("Dismissal: nobody at all").is_empty());
    assert!(rows("no such event").is_empty());
}

/// The type branch of `what-preceded` lists the ontology's event classes.
#[test]
fn what_preceded_lists_every_event_class_of_the_ontology() {
    let ttl = std::fs::read_to_string(repo().join("ontology/newsgraph.ttl")).unwrap();
    let mut classes: Vec<String> = ttl
        .lines()
        .filter(|l| l.contains(" a owl:Class ; rdfs:subClassOf sem:Event"))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    let rq = std::fs::read_to_string(repo().join("queries/what-preceded.rq")).unwrap();
    let mut listed: Vec<String> = rq
        .lines()
        .filter_map(|l| l.trim().strip_prefix('('))
        .map(|l| {
            let (class, name) = l.split_once(' ').unwrap();
            let name = name.trim_end_matches(')').trim_matches('"');
            assert_eq!(name, class.trim_start_matches("ng:").to_lowercase());
            class.to_string()
        })
        .collect();
    classes.sort();
    listed.sort();
    assert!(classes.len() > 10);
    assert_eq!(listed, classes);
}
