//! Store semantics: re-ingest is idempotent, a changed article replaces its
//! graph, the same person in two articles is one node, parameters are bound
//! as literals, and errors say what to do.

mod common;
use common::*;
use std::io::{BufRead, BufReader};

fn triples(store: &std::path::Path) -> usize {
    let s = run(store, &["stats"]);
    let line = s
        .lines()
        .find(|l| l.starts_with("triples"))
        .expect("triples line");
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn ingesting_twice_changes_nothing_and_a_changed_text_replaces_the_graph() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    let art = dir.path().join("2024-01-10-talks.txt");
    std::fs::write(&art, "Finance Minister Anna Kowalczyk met with Prime Minister Tomas Varga on Tuesday in Vienna.\n").unwrap();
    run(&store, &["ingest", art.to_str().unwrap()]);
    let n1 = triples(&store);
    run(&store, &["ingest", art.to_str().unwrap()]);
    assert_eq!(triples(&store), n1, "re-ingest changed the store");
    std::fs::write(&art, "Finance Minister Anna Kowalczyk met with Prime Minister Tomas Varga on Monday in Vienna.\n").unwrap();
    let out = run_raw(&store, &["ingest", art.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("1 replaced"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = run(&store, &["query", "who-met-whom", "--format", "csv"]);
    assert_eq!(
        csv_rows(&csv),
        vec![vec![
            "Anna Kowalczyk",
            "Tomas Varga",
            "2024-01-08",
            "Vienna"
        ]],
        "{csv}"
    );
}

#[test]
fn the_same_person_in_two_articles_is_one_node() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "Foreign Minister Marta Vellinga visited Oslo.\n").unwrap();
    std::fs::write(
        &b,
        "Critics said Marta Vellinga should resign. Vellinga declined to comment.\n",
    )
    .unwrap();
    run(
        &store,
        &["ingest", a.to_str().unwrap(), b.to_str().unwrap()],
    );
    let csv = run(&store, &["query", "people", "--format", "csv"]);
    let rows: Vec<Vec<String>> = csv_rows(&csv)
        .into_iter()
        .filter(|r| r[0] == "Marta Vellinga")
        .collect();
    assert_eq!(rows.len(), 1, "{csv}");
    assert_eq!(rows[0][4], "2", "one node derived from two articles: {csv}");
}

/// A store of one article: Ola Nordmann met Eva Lund on 3 May 2021.
fn one_meeting(dir: &std::path::Path) -> std::path::PathBuf {
    let store = dir.join("db");
    let a = dir.join("a.txt");
    std::fs::write(
        &a,
        "President Ola Nordmann met with Chancellor Eva Lund in Berlin on 3 May 2021.\n",
    )
    .unwrap();
    run(&store, &["ingest", a.to_str().unwrap()]);
    store
}

#[test]
fn hostile_parameters_are_literals() {
    let dir = tempfile::tempdir().unwrap();
    let store = one_meeting(dir.path());
    let before = triples(&store);
    for evil in ["x\" } ; DROP ALL ; #", "}\n}", "' OR 1=1"] {
        let out = run(
            &store,
            &[
                "query",
                "events-of",
                "--param",
                &format!("entity={evil}"),
                "--format",
                "csv",
            ],
        );
        assert_eq!(csv_rows(&out).len(), 0, "{evil}: {out}");
    }
    assert_eq!(triples(&store), before);
    let ok = run(
        &store,
        &[
            "query",
            "events-of",
            "--param",
            "entity=lund",
            "--format",
            "csv",
        ],
    );
    assert!(
        csv_rows(&ok)
            .iter()
            .any(|r| r[0] == "Eva Lund" && r[2] == "participant" && r[3] == "2021-05-03"),
        "{ok}"
    );
}

#[test]
fn parameters_are_seen_inside_union_branches_and_optionals() {
    let dir = tempfile::tempdir().unwrap();
    let store = one_meeting(dir.path());
    // A parameter used only inside a branch: unbound there, ?c would match
    // every class of every resource.
    let rq = dir.path().join("branches.rq");
    std::fs::write(
        &rq,
        r#"# name: branches
# param: kind = an event type
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
SELECT ?how ?d WHERE {
  {
    BIND (IRI(CONCAT(STR(ng:), ?p_kind)) AS ?c)
    ?e a ?c .
    BIND ("as given" AS ?how)
  } UNION {
    BIND (IRI(CONCAT(STR(ng:), UCASE(SUBSTR(?p_kind, 1, 1)), LCASE(SUBSTR(?p_kind, 2)))) AS ?c)
    ?e a ?c .
    BIND ("capitalized" AS ?how)
  }
  OPTIONAL { ?e ng:date ?d FILTER (STRLEN(?p_kind) > 0) }
}
ORDER BY ?how
"#,
    )
    .unwrap();
    let rows = |kind: &str| {
        csv_rows(&run(
            &store,
            &[
                "query",
                rq.to_str().unwrap(),
                "--param",
                &format!("kind={kind}"),
                "--format",
                "csv",
            ],
        ))
    };
    let date = "2021-05-03";
    assert_eq!(
        rows("meeting"),
        vec![vec!["capitalized".to_string(), date.to_string()]]
    );
    assert_eq!(
        rows("Meeting"),
        vec![
            vec!["as given".to_string(), date.to_string()],
            vec!["capitalized".to_string(), date.to_string()]
        ]
    );
    assert!(rows("Nothing").is_empty());
}

#[test]
fn errors_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("missing");
    let out = run_raw(&store, &["query", "who-met-whom"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("run `newsgraph ingest"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a = dir.path().join("a.txt");
    std::fs::write(&a, "Text.\n").unwrap();
    run(&store, &["ingest", a.to_str().unwrap()]);
    let out = run_raw(&store, &["query", "no-such-query"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("newsgraph queries"));
    let out = run_raw(&store, &["query", "what-preceded"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--param event=VALUE"));
    let out = run_raw(&store, &["query", "--sparql", "SELECT * WHERE { ?s ?p }"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("line 1"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // An empty and a binary file are skipped with exit code 3; the rest goes in.
    let empty = dir.path().join("empty.txt");
    let bin = dir.path().join("img.txt");
    std::fs::write(&empty, "").unwrap();
    std::fs::write(&bin, b"\x89PNG\x00\x01").unwrap();
    let out = run_raw(
        &store,
        &[
            "ingest",
            empty.to_str().unwrap(),
            bin.to_str().unwrap(),
            a.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("empty article") && err.contains("NUL byte at offset 4"),
        "{err}"
    );
}

#[test]
fn runaway_updates_and_services_are_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let store = seed_store(dir.path());
    let before = triples(&store);
    // A cross product of everything, stopped by --timeout.
    let out = run_raw(
        &store,
        &[
            "query",
            "--timeout",
            "1",
            "--sparql",
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--timeout 1s"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Updates are refused; the store is unchanged.
    let out = run_raw(&store, &["query", "--sparql", "DELETE WHERE { ?s ?p ?o }"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("only runs read queries"));
    assert_eq!(triples(&store), before);
    // SERVICE never reaches the network: the binary has no HTTP client.
    let out = run_raw(
        &store,
        &[
            "query",
            "--sparql",
            "SELECT * WHERE { SERVICE <http://192.0.2.1/sparql> { ?s ?p ?o } }",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not supported"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn removing_an_article_keeps_what_other_articles_say() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "Foreign Minister Marta Vellinga visited Oslo on 3 May 2021.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Foreign Minister Marta Vellinga met with Chancellor Eva Lund in Berlin on 4 May 2021.\n",
    )
    .unwrap();
    run(&store, &["ingest", a.to_str().unwrap()]);
    let only_a = triples(&store);
    run(&store, &["ingest", b.to_str().unwrap()]);
    // Each person once, whatever the number of articles naming them.
    let n = run(
        &store,
        &[
            "query",
            "--sparql",
            "SELECT (COUNT(*) AS ?n) WHERE { ?p a <http://schema.org/Person> }",
            "--format",
            "csv",
        ],
    );
    assert_eq!(csv_rows(&n), vec![vec!["2"]], "{n}");
    run(&store, &["remove", b.to_str().unwrap()]);
    assert_eq!(
        triples(&store),
        only_a,
        "removing b restores the store of a alone"
    );
    let people = run(&store, &["query", "people", "--format", "csv"]);
    assert_eq!(
        csv_rows(&people)
            .iter()
            .map(|r| r[0].as_str())
            .collect::<Vec<_>>(),
        ["Marta Vellinga"],
        "{people}"
    );
}

#[test]
fn a_writer_has_the_store_alone_and_readers_share_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let text = std::fs::read_to_string(&samples()[1]).unwrap();
    for i in 0..400 {
        std::fs::write(corpus.join(format!("2024-03-20-c{i:03}.txt")), &text).unwrap();
    }
    let one = corpus.join("2024-03-20-c000.txt");
    run(&store, &["ingest", one.to_str().unwrap()]);
    let count =
        "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?a { ?a a <http://schema.org/NewsArticle> } }";

    // While an ingest writes (it has announced its first commit of about a
    // dozen), a second ingest and a query are both turned away, exit 75.
    let mut writer = bin()
        .arg("--store")
        .arg(&store)
        .args(["ingest", "--batch-kb", "16", "--verbose"])
        .arg(&corpus)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(writer.stderr.take().unwrap()).lines();
    assert!(
        lines
            .by_ref()
            .map_while(Result::ok)
            .any(|l| l.starts_with("committed ")),
        "the writer announces its commits"
    );
    let probe = run_raw(&store, &["ingest", one.to_str().unwrap()]);
    let reader = run_raw(&store, &["query", "--sparql", count]);
    lines.for_each(drop);
    assert!(
        writer.wait().unwrap().success(),
        "the first ingest completes"
    );
    let said = |o: &std::process::Output| String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(probe.status.code(), Some(75), "{}", said(&probe));
    assert!(
        said(&probe).contains("in use by another newsgraph process"),
        "{}",
        said(&probe)
    );
    assert_eq!(reader.status.code(), Some(75), "{}", said(&reader));
    assert!(
        said(&reader).contains("being written by another newsgraph process"),
        "{}",
        said(&reader)
    );
    assert_eq!(
        csv_rows(&run(
            &store,
            &["query", "--sparql", count, "--format", "csv"]
        )),
        vec![vec!["400"]]
    );

    // Readers share the store: a long query runs while others answer, and an
    // ingest is turned away until it ends.
    // On a loaded machine an ingest may start before the long query has
    // taken its lock, and then the query is the one turned away: try again.
    let spawn_long = || {
        bin()
            .arg("--store")
            .arg(&store)
            .args([
                "query",
                "--timeout",
                "4",
                "--sparql",
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
            ])
            .stderr(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut refused = None;
    for _ in 0..5 {
        let mut long = spawn_long();
        std::thread::sleep(std::time::Duration::from_millis(300));
        while long.try_wait().unwrap().is_none() {
            let w = run_raw(&store, &["ingest", one.to_str().unwrap()]);
            let r = run_raw(&store, &["query", "--sparql", count, "--format", "csv"]);
            if w.status.code() == Some(75) && long.try_wait().unwrap().is_none() {
                refused = Some((said(&w), r));
                break;
            }
        }
        let _ = long.kill();
        let _ = long.wait();
        if refused.is_some() {
            break;
        }
    }
    let (busy, r) = refused.expect("an ingest during a long query is refused with exit code 75");
    assert!(
        busy.contains("in use by another newsgraph process"),
        "{busy}"
    );
    assert!(
        r.status.success(),
        "a second reader alongside: {}",
        said(&r)
    );
    assert_eq!(
        csv_rows(&String::from_utf8_lossy(&r.stdout)),
        vec![vec!["400"]]
    );
    // The lock goes with the process: once the reader is gone, ingest works.
    run(&store, &["ingest", one.to_str().unwrap()]);
}

#[test]
fn an_article_over_the_size_limit_is_skipped_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    let big = dir.path().join("big.txt");
    let small = dir.path().join("small.txt");
    std::fs::write(
        &big,
        "President Ola Nordmann met with Chancellor Eva Lund in Berlin.\n".repeat(20_000),
    )
    .unwrap();
    std::fs::write(
        &small,
        "President Ola Nordmann met with Chancellor Eva Lund in Berlin.\n",
    )
    .unwrap();
    let out = run_raw(
        &store,
        &[
            "ingest",
            "--max-article-mb",
            "1",
            big.to_str().unwrap(),
            small.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("over the 1 MB limit") && err.contains("--max-article-mb"),
        "{err}"
    );
    assert!(err.contains("1 articles (1 new"), "{err}");
}

/// A store that ingest compacted is LZ4-compressed like a bulk-loaded one:
/// Oxigraph's own RocksDB options wrote its last level uncompressed, twice
/// the bytes (the patch in `vendor/oxigraph`).
#[test]
fn a_compacted_store_is_compressed() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("dev.jsonl");
    let mut lines = String::new();
    for entry in std::fs::read_dir(shared().join("eval/dev")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "jsonl") {
            continue;
        }
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            let doc: serde_json::Value = serde_json::from_str(line).unwrap();
            let article = serde_json::json!({"id": doc["id"], "text": doc["text"]});
            lines.push_str(&format!("{article}\n"));
        }
    }
    std::fs::write(&corpus, lines).unwrap();
    let store = dir.path().join("db");
    // Small batches: more bulk loads than an ingest makes before it
    // compacts in its course (16), and a compaction at its end.
    let out = run_raw(
        &store,
        &[
            "ingest",
            "--verbose",
            "--batch-kb",
            "32",
            "--jsonl",
            corpus.to_str().unwrap(),
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let compactions: Vec<usize> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("compacting the store after "))
        .map(|l| l.split_whitespace().next().unwrap().parse().unwrap())
        .collect();
    assert!(
        compactions.len() == 2 && compactions[0] == 16 && compactions[1] > 16,
        "one compaction after 16 loads, one at the end:\n{stderr}"
    );
    // The same articles in one batch (one bulk load) give the same store.
    let whole = dir.path().join("whole");
    run(&whole, &["ingest", "--jsonl", corpus.to_str().unwrap()]);
    // A command's output lines, sorted.
    let sorted = |store: &std::path::Path, args: &[&str]| {
        let mut lines: Vec<String> = run(store, args).lines().map(str::to_string).collect();
        lines.sort();
        lines
    };
    let export = ["export", "--format", "nquads"];
    let split = sorted(&store, &export);
    assert!(split.len() > 100_000, "{} quads", split.len());
    assert!(
        split == sorted(&whole, &export),
        "split and whole ingests differ"
    );
    // What export leaves out, the union graph and the links the queries
    // read, is the same too (the split ingest's writer carries what it
    // knows of the union labels from one load to the next).
    let q = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } \
             FILTER(!STRSTARTS(STR(?g), \"https://w3id.org/newsgraph/id/article/\")) }";
    let derived = ["query", "--format", "tsv", "--sparql", q];
    let union = sorted(&store, &derived);
    assert!(union.len() > 50_000, "{} union and link quads", union.len());
    assert!(
        union == sorted(&whole, &derived),
        "split and whole union graphs differ"
    );
    let (mut total, mut plain) = (0, 0);
    for entry in std::fs::read_dir(&store).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "sst") {
            let bytes = std::fs::read(&path).unwrap();
            // The table properties name the file's compression.
            if bytes.windows(13).any(|w| w == b"NoCompression") {
                plain += bytes.len();
            }
            total += bytes.len();
        }
    }
    assert!(
        total > 5_000_000,
        "the store holds the dev texts: {total} bytes"
    );
    assert!(
        plain * 10 < total,
        "{plain} of {total} bytes of the store's files are uncompressed"
    );
}
