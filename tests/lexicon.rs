//! `--lexicon FILE` adds trigger words and new event types without code.

mod common;
use common::*;

#[test]
fn a_user_lexicon_adds_an_event_type() {
    let dir = tempfile::tempdir().unwrap();
    let lex = dir.path().join("signing.tsv");
    std::fs::write(&lex, "form\tlemma\tpos\ttense\ttype\nsigned\tsign\tV\tpast\tSigning\nsigning\tsign\tN\t-\tSigning\n").unwrap();
    let art = dir.path().join("2021-06-01-treaty.txt");
    std::fs::write(
        &art,
        "Prime Minister Ola Nordmann signed the treaty in Oslo on Monday.\n",
    )
    .unwrap();
    let json = run(
        &dir.path().join("db"),
        &[
            "extract",
            "--lexicon",
            lex.to_str().unwrap(),
            art.to_str().unwrap(),
        ],
    );
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let signing: Vec<&serde_json::Value> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "Signing")
        .collect();
    assert_eq!(signing.len(), 1, "{json}");
    assert_eq!(signing[0]["date"], "2021-05-31");
    // In the graph it is an ng:OtherEvent that keeps its type name.
    let store = dir.path().join("db");
    run(
        &store,
        &[
            "ingest",
            "--lexicon",
            lex.to_str().unwrap(),
            art.to_str().unwrap(),
        ],
    );
    let csv = run(
        &store,
        &[
            "query",
            "--sparql",
            "SELECT ?t WHERE { ?e <https://w3id.org/newsgraph/ontology#eventType> ?t }",
            "--format",
            "csv",
        ],
    );
    assert_eq!(csv_rows(&csv), vec![vec!["Signing"]], "{csv}");
    // Without the lexicon there is no such event.
    let plain = run(&dir.path().join("db2"), &["extract", art.to_str().unwrap()]);
    assert!(!plain.contains("Signing"));
    // A malformed lexicon names its line.
    std::fs::write(
        &lex,
        "form\tlemma\tpos\ttense\ttype\nsigned\tsign\tX\tpast\tSigning\n",
    )
    .unwrap();
    let out = run_raw(
        &dir.path().join("db3"),
        &[
            "extract",
            "--lexicon",
            lex.to_str().unwrap(),
            art.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("signing.tsv:2"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
