//! Every export format parses back to the same number of triples/quads,
//! with Oxigraph's parsers and with other tools (rapper, serdi); the DOT
//! views render with Graphviz without warnings.

mod common;
use common::*;
use oxigraph::io::{RdfFormat, RdfParser};
use std::path::Path;
use std::process::Command;

fn count_with_oxigraph(path: &Path, format: RdfFormat) -> usize {
    let data = std::fs::read(path).unwrap();
    let mut n = 0;
    for q in RdfParser::from_format(format).for_slice(&data) {
        if let Err(e) = q {
            panic!("Oxigraph rejected {}: {e}", path.display());
        }
        n += 1;
    }
    n
}

/// `rapper -c` prints "Parsing returned N triples" on stderr.
fn count_with_rapper(path: &Path, syntax: &str) -> usize {
    let out = Command::new("rapper")
        .args(["-i", syntax, "-c"])
        .arg(path)
        .output()
        .expect("rapper");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "rapper rejected {}: {err}",
        path.display()
    );
    let line = err
        .lines()
        .find(|l| l.contains("returned"))
        .unwrap_or_else(|| panic!("rapper said: {err}"));
    line.split_whitespace()
        .find_map(|w| w.parse().ok())
        .expect("count")
}

/// `serdi` re-serializes to N-Triples/N-Quads: count the output lines.
fn count_with_serdi(path: &Path, syntax: &str) -> usize {
    let out = Command::new("serdi")
        .args([
            "-i",
            syntax,
            "-o",
            if matches!(syntax, "nquads" | "trig") {
                "nquads"
            } else {
                "ntriples"
            },
        ])
        .arg(path)
        .output()
        .expect("serdi");
    assert!(
        out.status.success(),
        "serdi rejected {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count()
}

/// rdflib (PyPI) reads every format, JSON-LD included.
fn count_with_rdflib(path: &Path, format: &str) -> usize {
    let out = Command::new("python3")
        .arg(repo().join("tests/tools/rdfcheck.py"))
        .args(["count", format])
        .arg(path)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "rdflib rejected {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("count")
}

#[test]
fn every_format_round_trips_with_equal_counts() {
    assert!(
        has_tool("rapper") && has_tool("serdi"),
        "install raptor2-utils and serdi (see README)"
    );
    let dir = tempfile::tempdir().unwrap();
    let store = seed_and_samples_store(dir.path());
    let export = |fmt: &str| {
        let p = dir.path().join(format!("out.{fmt}"));
        run(
            &store,
            &["export", "--format", fmt, "-o", p.to_str().unwrap()],
        );
        p
    };
    let nt = export("ntriples");
    let triples = count_with_oxigraph(&nt, RdfFormat::NTriples);
    assert!(triples > 1000, "only {triples} triples");
    let ttl = export("turtle");
    let xml = export("rdfxml");
    let jsonld = export("jsonld");
    let nq = export("nquads");
    let trig = export("trig");
    assert_eq!(count_with_oxigraph(&ttl, RdfFormat::Turtle), triples);
    assert_eq!(count_with_oxigraph(&xml, RdfFormat::RdfXml), triples);

    let quads = count_with_oxigraph(&nq, RdfFormat::NQuads);
    assert!(quads >= triples);
    assert_eq!(count_with_oxigraph(&trig, RdfFormat::TriG), quads);
    // JSON-LD is a dataset format: it keeps the article graphs.
    let jsonld_format = RdfFormat::JsonLd {
        profile: oxigraph::io::JsonLdProfileSet::empty(),
    };
    assert_eq!(count_with_oxigraph(&jsonld, jsonld_format), quads);
    assert_eq!(count_with_rapper(&nt, "ntriples"), triples);
    assert_eq!(count_with_rapper(&ttl, "turtle"), triples);
    assert_eq!(count_with_rapper(&xml, "rdfxml"), triples);
    assert_eq!(count_with_serdi(&nt, "ntriples"), triples);
    assert_eq!(count_with_serdi(&ttl, "turtle"), triples);
    assert_eq!(count_with_serdi(&nq, "nquads"), quads);
    assert_eq!(count_with_serdi(&trig, "trig"), quads);
    for (file, format, expected) in [
        (&nt, "nt", triples),
        (&ttl, "turtle", triples),
        (&xml, "xml", triples),
        (&nq, "nquads", quads),
        (&trig, "trig", quads),
        (&jsonld, "json-ld", quads),
    ] {
        assert_eq!(
            count_with_rdflib(file, format),
            expected,
            "rdflib count of {format}"
        );
    }
    // The same number of quads as the store holds, and one graph per article.
    let stats = run(&store, &["stats"]);
    let ontology = count_with_oxigraph(&repo().join("ontology/newsgraph.ttl"), RdfFormat::Turtle);
    assert!(
        stats.contains(&format!("quads     {}", quads - ontology)),
        "{stats} + {ontology} ontology triples"
    );
    assert!(stats.contains("articles  4"), "{stats}");
}

#[test]
fn dot_views_render_without_warnings() {
    assert!(has_tool("dot"), "install graphviz (see README)");
    let dir = tempfile::tempdir().unwrap();
    let store = seed_and_samples_store(dir.path());
    for args in [
        vec!["dot", "meetings"],
        vec!["dot", "timeline"],
        vec!["dot", "entity", "--name", "Sergey Lavrov"],
    ] {
        let dot = run(&store, &args);
        assert!(dot.contains("->"), "{args:?} drew no edge:\n{dot}");
        let mut child = Command::new("dot")
            .arg("-Tsvg")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(dot.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "dot failed on {args:?}");
        assert!(
            out.stderr.is_empty(),
            "dot warned on {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
    }
    let meetings = run(&store, &["dot", "meetings"]);
    assert!(
        meetings.contains("Sergey Lavrov") && meetings.contains("2017-05-10"),
        "{meetings}"
    );
}

#[test]
fn a_construct_query_is_drawn_with_prefixed_names() {
    assert!(has_tool("dot"), "install graphviz (see README)");
    let dir = tempfile::tempdir().unwrap();
    let store = seed_store(dir.path());
    let q = repo().join("docs/meetings-construct.rq");
    let dot = run(&store, &["dot", "--query", q.to_str().unwrap()]);
    assert!(dot.contains("label=\"ng:participant\""), "{dot}");
    assert!(dot.contains("id:person/sergey-lavrov"), "{dot}");
    assert!(dot.contains("label=\"2017-05-10\""), "{dot}");
    let svg = dir.path().join("m.svg");
    run(
        &store,
        &[
            "dot",
            "--query",
            q.to_str().unwrap(),
            "--render",
            "svg",
            "-o",
            svg.to_str().unwrap(),
        ],
    );
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    // A SELECT query cannot be drawn, and says so.
    let sel = dir.path().join("s.rq");
    std::fs::write(&sel, "SELECT * WHERE { ?s ?p ?o }").unwrap();
    let out = run_raw(&store, &["dot", "--query", sel.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("CONSTRUCT"));
}
