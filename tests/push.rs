//! `newsgraph push` into real stores on loopback ports: an Oxigraph server
//! (`oxigraph serve`, from PyPI's oxigraph package) and Virtuoso 7
//! (Debian's virtuoso-opensource-7, Digest auth as dba); scripts/setup.sh
//! test installs both, and `.ci/run` starts both (`scripts/stores.sh`)
//! before the tests; run without it, the test starts its own. For each, on
//! an emptied store: the seed and the samples go in, the canned who-met-whom run on the server's own
//! SPARQL endpoint gives the local rows, a second push sends nothing and
//! finds the same counts, and a server stopped in the middle of a push
//! gives a clear error, after which a push sends the rest. With CI set, a
//! missing store fails its test; otherwise it is skipped.

mod common;
use common::*;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

/// The two stores the test pushes to.
#[derive(Clone, Copy, Debug)]
enum Kind {
    Oxigraph,
    Virtuoso,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Oxigraph => "oxigraph",
            Kind::Virtuoso => "virtuoso",
        }
    }

    fn tool(self) -> &'static str {
        match self {
            Kind::Oxigraph => "oxigraph",
            Kind::Virtuoso => "virtuoso-t",
        }
    }

    /// `push` arguments for this store.
    fn args(self) -> Vec<&'static str> {
        match self {
            Kind::Oxigraph => vec!["--profile", "oxigraph", "--union"],
            Kind::Virtuoso => vec![
                "--profile",
                "virtuoso",
                "--union",
                "--user",
                "dba",
                "--password",
                "dba",
            ],
        }
    }
}

/// A store server on a loopback port, run by `scripts/stores.sh`: the one
/// `.ci/run` started (its folder in `NEWSGRAPH_TEST_STORES`), or one of our
/// own in a temp folder, stopped when dropped.
struct Remote {
    kind: Kind,
    dir: std::path::PathBuf,
    url: String,
    /// Our own folder when `.ci/run` started none.
    own: Option<tempfile::TempDir>,
}

/// Run `scripts/stores.sh COMMAND KIND DIR`, failing the test with its
/// message if it fails.
fn stores(command: &str, kind: Kind, dir: &Path) -> String {
    let out = Command::new("bash")
        .arg(repo().join("scripts/stores.sh"))
        .args([command, kind.name()])
        .arg(dir)
        .stderr(Stdio::piped())
        .output()
        .expect("run scripts/stores.sh");
    assert!(
        out.status.success(),
        "scripts/stores.sh {command} {}: {}",
        kind.name(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

impl Remote {
    /// The store, emptied: stopped, its database removed, started again.
    fn empty(kind: Kind) -> Remote {
        let given = std::env::var_os("NEWSGRAPH_TEST_STORES").filter(|d| !d.is_empty());
        let (dir, own) = match given {
            Some(dir) => (std::path::PathBuf::from(dir), None),
            None => {
                let own = tempfile::tempdir().unwrap();
                (own.path().to_path_buf(), Some(own))
            }
        };
        stores("reset", kind, &dir);
        let url = stores("url", kind, &dir);
        Remote {
            kind,
            dir,
            url,
            own,
        }
    }

    fn stop(&self) {
        stores("stop", self.kind, &self.dir);
    }

    /// Start it again, on the same port and database.
    fn start(&self) {
        stores("start", self.kind, &self.dir);
    }

    /// A canned query's CSV rows from the store's own SPARQL endpoint, over
    /// the union graph pushed with `--union`.
    fn rows(&self, query: &str) -> Vec<Vec<String>> {
        let text = std::fs::read_to_string(repo().join(format!("queries/{query}.rq"))).unwrap();
        let union = "https://w3id.org/newsgraph/id/graph/union";
        let (endpoint, form) = match self.kind {
            Kind::Oxigraph => (
                format!("{}/query", self.url),
                vec![("query", text.as_str())],
            ),
            Kind::Virtuoso => (
                format!("{}/sparql", self.url),
                vec![("query", text.as_str()), ("default-graph-uri", union)],
            ),
        };
        let mut answer = Server::agent()
            .post(&endpoint)
            .header("Accept", "text/csv")
            .send_form(form)
            .unwrap();
        assert_eq!(answer.status(), 200);
        csv_rows(&answer.body_mut().read_to_string().unwrap())
    }
}

impl Drop for Remote {
    fn drop(&mut self) {
        if self.own.is_some() {
            self.stop();
        }
    }
}

fn push(store: &Path, kind: Kind, url: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["push", url];
    args.extend(kind.args());
    args.extend(extra);
    run_raw(store, &args)
}

/// How many graphs a push says it sent.
fn sent_count(said: &str) -> usize {
    said.split(" graphs sent")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in: {said}"))
}

fn available(kind: Kind) -> bool {
    if has_tool(kind.tool()) {
        return true;
    }
    let how = match kind {
        Kind::Oxigraph => "pip install oxigraph",
        Kind::Virtuoso => "apt-get install virtuoso-opensource-7",
    };
    assert!(
        std::env::var_os("CI").is_none(),
        "the push test needs {} ({how}); scripts/setup.sh test installs it",
        kind.tool()
    );
    eprintln!("skipped: the push test needs {} ({how})", kind.tool());
    false
}

#[test]
fn push_to_oxigraph() {
    if available(Kind::Oxigraph) {
        push_gives_the_same_answers_and_resumes(Kind::Oxigraph);
    }
}

#[test]
fn push_to_virtuoso() {
    if available(Kind::Virtuoso) {
        push_gives_the_same_answers_and_resumes(Kind::Virtuoso);
    }
}

fn push_gives_the_same_answers_and_resumes(kind: Kind) {
    let dir = tempfile::tempdir().unwrap();
    let store = seed_and_samples_store(dir.path());
    let server = Remote::empty(kind);

    let out = push(&store, kind, &server.url, &[]);
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{said}");
    assert!(said.contains("4 articles: 7 graphs sent"), "{said}");
    assert!(said.contains("the store holds 4 article graphs"), "{said}");
    eprintln!("{}: first push: {said}", kind.name());
    let local = csv_rows(&run(&store, &["query", "who-met-whom", "--format", "csv"]));
    assert!(local.len() >= 5, "{local:?}");
    assert_eq!(server.rows("who-met-whom"), local);

    let out = push(&store, kind, &server.url, &[]);
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("0 graphs sent (0 triples), 7 unchanged"),
        "{said}"
    );
    eprintln!("{}: second push: {said}", kind.name());

    // Sixty articles, the server stopped after a few have gone in.
    let jsonl = dir.path().join("many.jsonl");
    let texts: Vec<String> = samples()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let lines: Vec<String> = (0..60)
        .map(|i| {
            serde_json::json!({"id": format!("copy-{i:02}"), "published": "2024-03-20", "text": texts[i % 3]})
                .to_string()
        })
        .collect();
    std::fs::write(&jsonl, lines.join("\n")).unwrap();
    let many = dir.path().join("many");
    run(&many, &["ingest", "--jsonl", jsonl.to_str().unwrap()]);
    let server = Remote::empty(kind);
    let mut args = vec!["push", server.url.as_str()];
    args.extend(kind.args());
    args.extend(["--verbose", "--retries", "2"]);
    let mut child = bin()
        .arg("--store")
        .arg(&many)
        .args(&args)
        .env_remove("NEWSGRAPH_STORE")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    let mut sent_before = 0;
    while sent_before < 5 && stderr.read_line(&mut line).unwrap() > 0 {
        if line.starts_with("sent ") {
            sent_before += 1;
        }
        line.clear();
    }
    server.stop();
    let mut rest = String::new();
    for l in stderr.lines() {
        rest.push_str(&l.unwrap());
        rest.push('\n');
    }
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(75), "{rest}");
    assert!(rest.contains("error: push to http://127.0.0.1:"), "{rest}");
    assert!(rest.contains("a push again sends the rest"), "{rest}");
    let error_line = rest
        .lines()
        .find(|l| l.starts_with("error:"))
        .unwrap()
        .to_string();
    let sent_first = rest.lines().filter(|l| l.starts_with("sent ")).count() + sent_before;
    assert!(
        sent_first < 63,
        "the push ended before the server stopped: {rest}"
    );

    server.start();
    let out = push(&many, kind, &server.url, &[]);
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{said}");
    assert!(said.contains("the store holds 60 article graphs"), "{said}");
    let again = sent_count(&said);
    assert!(
        again + sent_first >= 63 && again < 63,
        "{sent_first} then {again}: {said}"
    );
    assert_eq!(
        server.rows("who-met-whom"),
        csv_rows(&run(&many, &["query", "who-met-whom", "--format", "csv"]))
    );
    eprintln!(
        "{}: interrupted push: {sent_first} graphs sent, then {error_line}\n{}: resumed push: {said}",
        kind.name(),
        kind.name()
    );
}
