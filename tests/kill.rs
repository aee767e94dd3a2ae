//! Crash safety: ingests killed (SIGKILL) at random points leave a store
//! that opens, where every article graph is whole: exactly the graph a
//! clean ingest of the text it records gives, or absent.

mod common;
use common::*;
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::time::{Duration, Instant};

/// (graph, stored content hash) → quads in the graph.
fn graphs(store: &std::path::Path) -> HashMap<(String, String), usize> {
    // Killed before it created the store: nothing was written.
    if !store.exists() {
        return HashMap::new();
    }
    let csv = run(
        store,
        &[
            "query",
            "--sparql",
            "SELECT ?g ?h (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o . ?a <https://w3id.org/newsgraph/ontology#contentHash> ?h } \
             FILTER (STRSTARTS(STR(?g), \"https://w3id.org/newsgraph/id/article/\")) } GROUP BY ?g ?h",
            "--format",
            "csv",
        ],
    );
    let mut out = HashMap::new();
    for r in csv_rows(&csv) {
        let key = (r[0].clone(), r[1].clone());
        assert!(
            out.insert(key, r[2].parse().unwrap()).is_none(),
            "a graph with two hashes: {csv}"
        );
    }
    out
}

#[test]
fn killed_ingests_leave_whole_articles_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    // The three sample articles as one text of more than 1 KB.
    let original: String = samples()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap() + "\n")
        .collect();
    assert!(original.len() > 1024);
    let variants = [
        original.clone(),
        format!("{original}Police arrested a second contractor, Ola Vik, on Wednesday in Oslo.\n"),
    ];
    let n_files = 16;
    let write_all = |round: usize| {
        for i in 0..n_files {
            // Each round changes some files, so their graphs are replaced.
            let v = &variants[(i + round) % 3 % 2];
            std::fs::write(corpus.join(format!("2024-03-20-copy-{i:03}.txt")), v).unwrap();
        }
    };
    // Expected size of a whole graph for each text, from clean ingests.
    let mut expected: HashMap<String, usize> = HashMap::new();
    for (k, v) in variants.iter().enumerate() {
        let clean = dir.path().join(format!("clean{k}"));
        let f = dir.path().join(format!("2024-03-20-variant-{k}.txt"));
        std::fs::write(&f, v).unwrap();
        run(&clean, &["ingest", f.to_str().unwrap()]);
        for ((_, h), n) in graphs(&clean) {
            expected.insert(h, n);
        }
    }
    assert_eq!(expected.len(), 2);

    // Each article is its own batch (`--batch-kb 1`), so an ingest is a
    // run of commits, each announced on stderr (`--verbose`) once it is in
    // the store. A round waits for a random number of announcements, then
    // kills within a random fraction of the time between two commits: kills
    // land between and inside writes whatever the speed of the machine, and
    // never all before the first write.
    let spawn = |store: &std::path::Path| {
        let mut child = bin()
            .arg("--store")
            .arg(store)
            .args(["ingest", "--batch-kb", "1", "--verbose"])
            .arg(&corpus)
            .env_remove("NEWSGRAPH_STORE")
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if line.starts_with("committed ") && tx.send(Instant::now()).is_err() {
                    break;
                }
            }
        });
        (child, rx)
    };
    write_all(0);
    let (mut child, rx) = spawn(&dir.path().join("timing"));
    assert!(child.wait().unwrap().success());
    let commits: Vec<Instant> = rx.iter().collect();
    assert_eq!(commits.len(), n_files, "one commit per article");
    let gap_ms = (commits[n_files - 1] - commits[0]).as_millis() as u64 / (n_files as u64 - 1);

    let store = dir.path().join("db");
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let rounds = 20;
    let mut seen_sizes = Vec::new();
    let mut mixes = Vec::new();
    let mut mid_ingest = 0;
    for round in 0..rounds {
        write_all(round);
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wait_for = (seed % n_files as u64) as usize;
        let delay = Duration::from_millis((seed >> 32) % (gap_ms + 1));
        let (mut child, rx) = spawn(&store);
        let announced = rx.iter().take(wait_for).count();
        assert_eq!(announced, wait_for, "round {round}: the ingest ended early");
        std::thread::sleep(delay);
        if child.try_wait().unwrap().is_none() {
            mid_ingest += 1;
        }
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = graphs(&store);
        // Durability: every commit announced before the kill is in the store.
        assert!(
            now.len() >= wait_for,
            "round {round}: {wait_for} commits announced, {} article graphs in the store",
            now.len()
        );
        for ((g, h), n) in &now {
            assert_eq!(
                Some(n),
                expected.get(h),
                "round {round}: graph {g} (hash {h}) has {n} quads, not a whole article"
            );
        }
        // Graphs per text variant: a mix of both within a round shows a
        // kill landed between two article writes.
        let mut per_hash: Vec<usize> = expected
            .keys()
            .map(|h| now.keys().filter(|(_, hh)| hh == h).count())
            .collect();
        per_hash.sort_unstable();
        seen_sizes.push(now.len());
        mixes.push(per_hash);
    }
    assert!(
        mid_ingest >= rounds / 2,
        "only {mid_ingest} of {rounds} kills landed before the ingest ended"
    );
    write_all(0);
    run(&store, &["ingest", corpus.to_str().unwrap()]);
    let end = graphs(&store);
    assert_eq!(end.len(), n_files);
    eprintln!("kill test: {rounds} rounds, {mid_ingest} killed mid-ingest (commits {gap_ms} ms apart); article graphs in the store after each: {seen_sizes:?}; graphs per text variant: {mixes:?}");
}
