//! Crash safety: ingests killed (SIGKILL) at random points leave a store
//! that opens, where every article graph is whole: exactly the graph a
//! clean ingest of the text it records gives, or absent.

mod common;
use common::*;
use std::collections::HashMap;
use std::time::Duration;

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
    let original = std::fs::read_to_string(&samples()[1]).unwrap();
    let variants = [
        original.clone(),
        format!("{original}Police arrested a second contractor, Ola Vik, on Wednesday in Oslo.\n"),
    ];
    let n_files = 40;
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

    // How long a whole ingest of the corpus takes here: kills land between
    // a fifth of it and a little more than all of it, so that they reach
    // the writes (a test whose kills all come before the first write would
    // prove nothing).
    write_all(0);
    let started = std::time::Instant::now();
    run(
        &dir.path().join("timing"),
        &["ingest", corpus.to_str().unwrap()],
    );
    let full_ms = started.elapsed().as_millis() as u64;

    let store = dir.path().join("db");
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let rounds = 20;
    let mut seen_sizes = Vec::new();
    let mut mixes = Vec::new();
    for round in 0..rounds {
        write_all(round);
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = bin()
            .arg("--store")
            .arg(&store)
            .arg("ingest")
            .arg(&corpus)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(full_ms / 5 + seed % full_ms.max(1)));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = graphs(&store);
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
        seen_sizes.iter().any(|&n| n > 0),
        "no kill reached a write: {seen_sizes:?}"
    );
    write_all(0);
    run(&store, &["ingest", corpus.to_str().unwrap()]);
    let end = graphs(&store);
    assert_eq!(end.len(), n_files);
    eprintln!("kill test: {rounds} rounds killed between {} and {} ms (a whole ingest: {full_ms} ms); article graphs in the store after each: {seen_sizes:?}; graphs per text variant: {mixes:?}", full_ms / 5, full_ms / 5 + full_ms);
}
