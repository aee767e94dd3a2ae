//! The graph conforms to `ontology/shapes.ttl` under a real SHACL engine
//! (pySHACL), and a deliberately broken graph gets exactly its violations.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn shacl(data: &Path) -> Value {
    let out = Command::new("python3")
        .arg(repo().join("tests/tools/rdfcheck.py"))
        .arg("shacl")
        .arg(repo().join("ontology/shapes.ttl"))
        .arg(data)
        .arg("turtle")
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "pySHACL failed (pip install pyshacl rdflib): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

#[test]
fn seed_and_samples_conform_to_the_shapes() {
    let dir = tempfile::tempdir().unwrap();
    let store = seed_and_samples_store(dir.path());
    let ttl = dir.path().join("all.ttl");
    run(
        &store,
        &["export", "--format", "turtle", "-o", ttl.to_str().unwrap()],
    );
    let report = shacl(&ttl);
    assert_eq!(
        report["conforms"],
        Value::Bool(true),
        "violations: {:#}",
        report["violations"]
    );
}

#[test]
fn a_broken_graph_gets_exactly_its_violations() {
    let dir = tempfile::tempdir().unwrap();
    let ttl = dir.path().join("broken.ttl");
    std::fs::write(&ttl, include_str!("data/broken.ttl")).unwrap();
    let report = shacl(&ttl);
    assert_eq!(report["conforms"], Value::Bool(false));
    let got: Vec<(String, String, String)> = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let short = |s: &Value| {
                s.as_str()
                    .unwrap()
                    .rsplit(['#', '/'])
                    .next()
                    .unwrap()
                    .to_string()
            };
            (
                short(&v["focus"]),
                short(&v["path"]),
                v["component"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            // The mention whose end is before its begin.
            (
                "char=9,4".to_string(),
                "beginIndex".to_string(),
                "LessThanConstraintComponent".to_string()
            ),
            // The event without participants.
            (
                "meeting-1".to_string(),
                "alternative".to_string(),
                "MinCountConstraintComponent".to_string()
            ),
        ],
        "{:#}",
        report["violations"]
    );
}
