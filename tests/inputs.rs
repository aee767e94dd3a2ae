//! Awkward folders and files: dangling symlinks, symlink loops, a FIFO,
//! an unreadable file and a long single-line article. The batch goes on,
//! each skip names its file and reason, and the exit code is 3.

mod common;
use common::*;
use std::os::unix::fs::{symlink, PermissionsExt};

#[test]
fn awkward_folders_are_walked_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for (i, s) in samples().iter().enumerate() {
        std::fs::copy(s, docs.join(format!("{i}.txt"))).unwrap();
    }
    // A loop of two links, a dangling link, a link back to the folder itself.
    symlink(docs.join("b.txt"), docs.join("a.txt")).unwrap();
    symlink(docs.join("a.txt"), docs.join("b.txt")).unwrap();
    symlink(docs.join("gone.txt"), docs.join("dangling.txt")).unwrap();
    symlink(&docs, docs.join("again")).unwrap();
    // A FIFO would block a reader forever.
    let fifo = docs.join("pipe.txt");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    // An unreadable file (root reads it anyway: then it is ingested).
    let locked = docs.join("locked.txt");
    std::fs::write(&locked, "Lena Berg met Omar Ali in Oslo on Monday.\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let root_reads = std::fs::read(&locked).is_ok();

    let out = run_raw(
        &store,
        &[
            "ingest",
            "--published",
            "2024-03-01",
            docs.to_str().unwrap(),
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    let skipped: Vec<&str> = err.lines().filter(|l| l.starts_with("skipped: ")).collect();
    let has = |name: &str, why: &str| {
        skipped
            .iter()
            .any(|l| l.contains(&format!("{name}: ")) && l.contains(why))
    };
    assert!(
        has("a.txt", "cannot open") && has("b.txt", "cannot open"),
        "{err}"
    );
    assert!(has("dangling.txt", "cannot open"), "{err}");
    assert!(has("pipe.txt", "not a regular file"), "{err}");
    if root_reads {
        assert!(!skipped.iter().any(|l| l.contains("locked.txt")), "{err}");
    } else {
        assert!(has("locked.txt", "ermission denied"), "{err}");
    }
    // The three samples (visited once, not again through the folder link),
    // plus the locked file when it could be read.
    let expected = 3 + usize::from(root_reads);
    assert!(
        err.contains(&format!("{expected} articles ({expected} new")),
        "{err}"
    );
    assert_eq!(skipped.len(), 4 + usize::from(!root_reads), "{err}");
}

#[test]
fn a_long_single_line_article_goes_in_as_bounded_parts() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    // 2.5 MB on one line, no paragraph break anywhere.
    let sentence =
        "Foreign Minister Lena Berg met Omar Ali of the Harbour Authority in Oslo on Monday. ";
    let text = sentence.repeat(160_000 / sentence.len() + 1);
    let path = dir.path().join("long.txt");
    std::fs::write(&path, &text).unwrap();
    let out = run_raw(
        &store,
        &[
            "ingest",
            "--published",
            "2024-03-01",
            path.to_str().unwrap(),
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("split into 3 parts of at most 64 KB, one graph each"),
        "{err}"
    );
    assert!(err.contains("3 articles (3 new"), "{err}");
    // Each part holds its own text, and the parts together are the article.
    let csv = run(
        &store,
        &[
            "query",
            "--format",
            "csv",
            "--sparql",
            "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> \
             PREFIX ng: <https://w3id.org/newsgraph/ontology#> \
             SELECT ?src ?text WHERE { GRAPH ?a { ?a ng:source ?src ; nif:isString ?text } } ORDER BY ?src",
        ],
    );
    let rows = csv_rows(&csv);
    assert_eq!(rows.len(), 3, "three parts");
    let joined: String = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(joined, text);
    assert!(rows.iter().all(|r| r[1].len() <= 1 << 16));
    assert!(rows[0][0].ends_with("long.txt#part-1"));
    // Ingesting it again changes nothing.
    let out = run_raw(
        &store,
        &[
            "ingest",
            "--published",
            "2024-03-01",
            path.to_str().unwrap(),
        ],
    );
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("3 articles (0 new, 0 replaced, 3 unchanged)"));
    // `extract` cuts the same parts: one FORMAT.md document per line, each
    // with the text of its part and spans into it.
    let out = run_raw(
        &store,
        &[
            "extract",
            "--published",
            "2024-03-01",
            path.to_str().unwrap(),
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("split into 3 parts of at most 64 KB, one JSON line each"),
        "{err}"
    );
    let docs: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 3);
    let mut joined = String::new();
    for (i, doc) in docs.iter().enumerate() {
        assert_eq!(doc["id"], format!("long#part-{}", i + 1));
        let part = doc["text"].as_str().unwrap();
        joined.push_str(part);
        let persons = doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["type"] == "Person")
            .flat_map(|e| e["mentions"].as_array().unwrap().clone());
        let mut n = 0;
        for m in persons {
            let (a, b) = (
                m[0].as_u64().unwrap() as usize,
                m[1].as_u64().unwrap() as usize,
            );
            assert!(
                matches!(&part[a..b], "Lena Berg" | "Omar Ali" | "Berg" | "Ali"),
                "{}",
                &part[a..b]
            );
            n += 1;
        }
        // Two names in each sentence of about 85 bytes.
        assert!(
            n * 100 > part.len(),
            "part {i}: {n} person mentions in {} bytes",
            part.len()
        );
    }
    assert_eq!(joined, text);
}
