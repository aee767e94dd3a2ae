//! The graph is a function of the set of articles (issue #15): the same
//! articles ingested one by one in two orders, all at once, after an
//! ingest killed part-way, and after a write that never relinked, give
//! byte-identical sorted N-Quads exports and the same answers; a person
//! named by a surname alone is still linked to the one full-named person.

mod common;
use common::*;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// Articles whose links depend on each other: surnames alone ("Vellinga",
/// "Lund"), a second full-named Lund who makes "Lund" ambiguous, one person
/// spelled two ways, with the samples and the seed.
fn corpus(dir: &Path) -> Vec<PathBuf> {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let texts = [
        (
            "2021-05-03-vellinga.txt",
            "Critics said Minister Vellinga should resign. Ms. Vellinga declined to comment.\n",
        ),
        (
            "2021-05-04-berlin.txt",
            "Foreign Minister Marta Vellinga met with Chancellor Eva Lund in Berlin on 4 May 2021.\n",
        ),
        (
            "2021-05-05-oslo.txt",
            "Ms. Vellinga met Kjell Aasen in Oslo on 5 May 2021.\n",
        ),
        (
            "2021-05-06-lund.txt",
            "Chancellor Lund met Pieter Dekker in Bonn on 6 May 2021.\n",
        ),
        (
            "2021-05-07-nils-lund.txt",
            "Professor Nils Lund said on 7 May 2021 that the summit was a success.\n",
        ),
        (
            "2021-05-08-assad.txt",
            "Vladimir Putin met with Bashar al-Assad in Sochi on 8 May 2021.\n",
        ),
        (
            "2021-05-09-assad.txt",
            "Vladimir Putin met with Bashar Al-Assad in Sochi on 8 May 2021.\n",
        ),
    ];
    let mut files: Vec<PathBuf> = texts
        .iter()
        .map(|(name, text)| {
            let f = corpus.join(name);
            std::fs::write(&f, text).unwrap();
            f
        })
        .collect();
    for s in samples().into_iter().chain([seed_article()]) {
        let f = corpus.join(s.file_name().unwrap());
        std::fs::copy(&s, &f).unwrap();
        files.push(f);
    }
    files.sort();
    files
}

/// The store's N-Quads export, lines sorted, and the canned answers.
fn snapshot(store: &Path) -> (String, Vec<String>) {
    let nq = run(store, &["export", "--format", "nquads"]);
    let mut lines: Vec<&str> = nq.lines().collect();
    lines.sort_unstable();
    let answers = ["who-met-whom", "people", "timeline", "organizations"]
        .iter()
        .map(|q| run(store, &["query", q, "--format", "csv"]))
        .collect();
    (lines.join("\n"), answers)
}

fn ingest_each(store: &Path, files: &[PathBuf]) {
    for f in files {
        run(store, &["ingest", f.to_str().unwrap()]);
    }
}

fn first_difference(a: &str, b: &str) -> String {
    a.lines().zip(b.lines()).find(|(x, y)| x != y).map_or_else(
        || format!("{} lines against {}", a.lines().count(), b.lines().count()),
        |(x, y)| format!("first difference:\n  {x}\n  {y}"),
    )
}

#[test]
fn the_graph_is_a_function_of_the_set_of_articles() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus(dir.path());
    let corpus_dir = files[0].parent().unwrap().to_path_buf();

    let forward = dir.path().join("forward");
    ingest_each(&forward, &files);
    let reference = snapshot(&forward);

    let mut reversed_files = files.clone();
    reversed_files.reverse();
    let reversed = dir.path().join("reversed");
    ingest_each(&reversed, &reversed_files);

    let at_once = dir.path().join("at-once");
    run(&at_once, &["ingest", corpus_dir.to_str().unwrap()]);

    // Killed after two commits, then run again in full.
    let killed = dir.path().join("killed");
    let mut child = bin()
        .arg("--store")
        .arg(&killed)
        .args(["ingest", "--batch-kb", "1", "--verbose"])
        .arg(&corpus_dir)
        .env_remove("NEWSGRAPH_STORE")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let commits = BufReader::new(stderr)
        .lines()
        .map_while(Result::ok)
        .filter(|l| l.starts_with("committed "))
        .take(2)
        .count();
    assert_eq!(commits, 2);
    let _ = child.kill();
    let _ = child.wait();
    run(&killed, &["ingest", corpus_dir.to_str().unwrap()]);

    // A write that never relinked (as if killed between the two): the
    // next write settles it.
    let unlinked = dir.path().join("unlinked");
    {
        use newsgraph::{extract::Extractor, graph, ingest, input, store::Store};
        let store = Store::open(&unlinked).unwrap();
        for f in &files[..4] {
            let a =
                input::read_article(f, input::Published::Detect, 1 << 20, &mut Vec::new()).unwrap();
            let key = ingest::article_key(&a);
            let x = Extractor::bundled().extract_article(&a);
            let g = graph::article_graph(&a, &key, &x);
            store.put_article(&g.iri, &g.hash, &g.quads).unwrap();
        }
        assert!(store.relink_pending().unwrap());
    }
    run(&unlinked, &["ingest", corpus_dir.to_str().unwrap()]);

    for (name, store) in [
        ("reversed", &reversed),
        ("all at once", &at_once),
        ("killed, then again", &killed),
        ("never relinked, then again", &unlinked),
    ] {
        let s = snapshot(store);
        assert!(
            s.0 == reference.0,
            "{name}: the sorted N-Quads export differs from one-by-one in order; {}",
            first_difference(&reference.0, &s.0)
        );
        assert_eq!(s.1, reference.1, "{name}: the answers differ");
    }

    // Cross-article identity still holds: "Vellinga" alone is Marta
    // Vellinga (one full-named Vellinga), "Lund" alone is nobody's (two
    // Lunds), and one label for al-Assad.
    let links: Vec<&str> = reference
        .0
        .lines()
        .filter(|l| l.contains("/id/graph/links>"))
        .collect();
    assert!(
        links.iter().any(|l| l.starts_with(
            "<https://w3id.org/newsgraph/id/person/vellinga> <http://www.w3.org/2002/07/owl#sameAs> <https://w3id.org/newsgraph/id/person/marta-vellinga>"
        )),
        "{links:?}"
    );
    assert!(
        !links.iter().any(|l| l.contains("/person/lund>")),
        "{links:?}"
    );
    let people = csv_rows(&reference.1[1]);
    let vellinga = people.iter().find(|r| r[0] == "Marta Vellinga").unwrap();
    assert_eq!(vellinga[4], "3", "named in three articles: {people:?}");
    let assad: Vec<_> = people
        .iter()
        .filter(|r| r[0].ends_with("l-Assad"))
        .collect();
    assert_eq!(assad.len(), 1, "one label for one node: {people:?}");
    assert!(assad[0][4].parse::<usize>().unwrap() >= 2, "{people:?}");
    let met = csv_rows(&reference.1[0]);
    assert!(
        met.iter()
            .any(|r| r[0] == "Kjell Aasen" && r[1] == "Marta Vellinga"),
        "{met:?}"
    );
}
