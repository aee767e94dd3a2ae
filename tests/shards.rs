//! `extract --jsonl` shards + `load` ≡ `ingest --jsonl` of the same
//! articles (issue #15): the same sorted N-Quads export and the same
//! answers, whatever the split and the order of the shards, with a changed
//! article replaced as `ingest` replaces it; a bad line is reported with
//! its number and skipped, and never stops the stream.

mod common;
use common::*;
use std::io::Write;
use std::process::Stdio;

/// `extract --jsonl - --format nquads` of these lines, through stdin.
fn extract_shard(lines: &[String]) -> (String, String, Option<i32>) {
    let mut child = bin()
        .args(["extract", "--jsonl", "-", "--format", "nquads"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = lines.join("\n") + "\n";
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code(),
    )
}

#[test]
fn shards_loaded_in_any_order_equal_one_ingest_of_the_dev_texts() {
    let dir = tempfile::tempdir().unwrap();
    let (jsonl, lines) = dev_jsonl(dir.path());
    assert!(lines.len() > 400, "{} dev articles", lines.len());

    let ingested = dir.path().join("ingested");
    run(&ingested, &["ingest", "--jsonl", jsonl.to_str().unwrap()]);

    // Four shards of interleaved lines, and a first version of one
    // article that a later shard replaces.
    let mut shards = Vec::new();
    for k in 0..4 {
        let part: Vec<String> = lines.iter().skip(k).step_by(4).cloned().collect();
        let (nq, err, code) = extract_shard(&part);
        assert_eq!(code, Some(0), "{err}");
        let f = dir.path().join(format!("shard-{k}.nq"));
        std::fs::write(&f, nq).unwrap();
        shards.push(f);
    }
    let mut changed: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    changed["text"] = format!("{} An earlier version.", changed["text"].as_str().unwrap()).into();
    let (nq, err, code) = extract_shard(&[changed.to_string()]);
    assert_eq!(code, Some(0), "{err}");
    let early = dir.path().join("early.nq");
    std::fs::write(&early, nq).unwrap();

    let loaded = dir.path().join("loaded");
    let out = run_raw(&loaded, &["load", early.to_str().unwrap()]);
    assert!(out.status.success());
    let mut args = vec!["load".to_string()];
    args.extend(shards.iter().rev().map(|p| p.display().to_string()));
    let out = run_raw(
        &loaded,
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!(
            "{} articles ({} new, 1 replaced, 0 unchanged)",
            lines.len(),
            lines.len() - 1
        )),
        "{err}"
    );

    let a = sorted_export(&ingested);
    let b = sorted_export(&loaded);
    assert!(
        a == b,
        "the exports differ ({} against {} lines)",
        a.lines().count(),
        b.lines().count()
    );
    for q in ["who-met-whom", "people", "timeline"] {
        assert_eq!(
            run(&ingested, &["query", q, "--format", "csv"]),
            run(&loaded, &["query", q, "--format", "csv"]),
            "{q}"
        );
    }
    assert_eq!(run(&ingested, &["stats"]), run(&loaded, &["stats"]));
    // Loading the same shards again changes nothing.
    let out = run_raw(&loaded, &["load", shards[0].to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("(0 new, 0 replaced,"));
    // And an export loads back as it was.
    let export = dir.path().join("export.nq");
    std::fs::write(&export, run(&loaded, &["export", "--format", "nquads"])).unwrap();
    let reloaded = dir.path().join("reloaded");
    run(&reloaded, &["load", export.to_str().unwrap()]);
    assert!(
        sorted_export(&reloaded) == a,
        "an export loads back as it was"
    );
}

#[test]
fn a_bad_line_is_reported_and_skipped_without_stopping_the_stream() {
    let good = |id: &str, text: &str| {
        serde_json::json!({"id": id, "published": "2021-05-04", "text": text}).to_string()
    };
    let lines = vec![
        good(
            "a",
            "Foreign Minister Marta Vellinga met with Chancellor Eva Lund in Berlin.",
        ),
        "{\"id\": \"broken\", \"text\": ".to_string(),
        good("b", "Kjell Aasen visited Oslo on Monday."),
        "{\"id\": \"c\", \"published\": \"yesterday\", \"text\": \"x\"}".to_string(),
        good("d", "Pieter Dekker met Nils Lund in Bonn on Tuesday."),
    ];
    let (nq, err, code) = extract_shard(&lines);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("stdin:2: "), "{err}");
    assert!(err.contains("stdin:4: published `yesterday`"), "{err}");
    for id in ["a", "b", "d"] {
        assert!(
            nq.contains(&format!("\"{id}\"")),
            "article {id} is in the output"
        );
    }
    // The JSON output: one document a line, ids kept.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("in.jsonl");
    std::fs::write(&f, lines.join("\n")).unwrap();
    let out = bin()
        .args(["extract", "--jsonl", f.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"a\"", "\"b\"", "\"d\""]);
    // ingest --jsonl skips it the same way and stores the rest, by id.
    let store = dir.path().join("db");
    let out = run_raw(&store, &["ingest", "--jsonl", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let articles = run(&store, &["query", "articles", "--format", "csv"]);
    let sources: Vec<String> = csv_rows(&articles)
        .into_iter()
        .map(|r| r[1].clone())
        .collect();
    assert_eq!(sources, ["a", "b", "d"]);
    run(&store, &["remove", "b"]);
}
