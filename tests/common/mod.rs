//! Helpers shared by the integration tests: run the built binary, find
//! `../shared`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the repository (CI lays it there).
pub fn shared() -> PathBuf {
    let p = repo().join("../shared");
    assert!(
        p.join("eval/FORMAT.md").exists(),
        "these tests need ../shared beside the repository (see README)"
    );
    p
}

pub fn seed_article() -> PathBuf {
    shared().join("corpus/dw-2017-05-10-lavrov-tillerson-comey.txt")
}

/// Run the binary with a store; panic with its stderr on failure.
pub fn run(store: &Path, args: &[&str]) -> String {
    let out = run_raw(store, args);
    assert!(
        out.status.success(),
        "newsgraph {args:?} failed ({:?}):\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

pub fn run_raw(store: &Path, args: &[&str]) -> Output {
    bin()
        .arg("--store")
        .arg(store)
        .args(args)
        .env_remove("NEWSGRAPH_STORE")
        .output()
        .expect("run newsgraph")
}

pub fn samples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(repo().join("data/samples"))
        .expect("data/samples")
        .map(|e| e.expect("entry").path())
        .collect();
    v.sort();
    v
}

/// CSV rows (without header) of a query output.
pub fn csv_rows(csv_text: &str) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    r.records()
        .map(|rec| rec.expect("csv").iter().map(str::to_string).collect())
        .collect()
}

pub fn has_tool(name: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {name}"))
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A store with the seed article, published 2017-05-10.
pub fn seed_store(dir: &Path) -> PathBuf {
    let store = dir.join("db");
    run(
        &store,
        &[
            "ingest",
            "--published",
            "2017-05-10",
            seed_article().to_str().unwrap(),
        ],
    );
    store
}

/// A store with the seed article and the bundled samples.
pub fn seed_and_samples_store(dir: &Path) -> PathBuf {
    let store = seed_store(dir);
    let mut args = vec!["ingest".to_string()];
    args.extend(samples().iter().map(|p| p.display().to_string()));
    run(&store, &args.iter().map(String::as_str).collect::<Vec<_>>());
    store
}

/// A `newsgraph serve` on a free loopback port, stopped (SIGKILL) when
/// dropped unless [`Server::stop`] stopped it first; its stderr goes to a
/// file ([`Server::log`]).
pub struct Server {
    pub child: std::process::Child,
    pub url: String,
    pub store: PathBuf,
    log: PathBuf,
}

impl Server {
    /// Start serving `store` with extra `serve` arguments; waits until it
    /// answers and `serve.json` exists.
    pub fn start(store: &Path, extra: &[&str]) -> Server {
        for _ in 0..5 {
            let port = std::net::TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("a free port")
                .port();
            let log = store.with_extension(format!("serve-{port}.log"));
            let child = bin()
                .arg("--store")
                .arg(store)
                .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
                .args(extra)
                .env_remove("NEWSGRAPH_STORE")
                .stdout(std::process::Stdio::null())
                .stderr(std::fs::File::create(&log).expect("log file"))
                .spawn()
                .expect("start newsgraph serve");
            let mut server = Server {
                child,
                url: format!("http://127.0.0.1:{port}"),
                store: store.to_path_buf(),
                log,
            };
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
            while std::time::Instant::now() < deadline {
                if let Ok(Some(_)) = server.child.try_wait() {
                    break; // the port was taken meanwhile: try another
                }
                if store.join("serve.json").exists()
                    && std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
                {
                    return server;
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            let _ = server.child.kill();
            let _ = server.child.wait();
            eprintln!("serve did not start:\n{}", server.log());
        }
        panic!("newsgraph serve did not start");
    }

    /// What the server wrote on stderr so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Stop it as Ctrl-C would (SIGTERM) and return its exit code.
    pub fn stop(mut self) -> Option<i32> {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        self.child.wait().expect("wait for serve").code()
    }

    /// An HTTP agent that returns error statuses as responses.
    pub fn agent() -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(std::time::Duration::from_secs(120)))
            .build()
            .into()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The dev texts (`../shared/eval/dev/*.jsonl`) as JSON Lines articles
/// `{id, published, text}` in `dir/dev.jsonl`; returns the file and its lines.
pub fn dev_jsonl(dir: &Path) -> (PathBuf, Vec<String>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared().join("eval/dev"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut lines = Vec::new();
    for f in files {
        for l in std::fs::read_to_string(f).unwrap().lines() {
            let doc: serde_json::Value = serde_json::from_str(l).unwrap();
            let article = serde_json::json!({
                "id": doc["id"],
                "published": doc["published"],
                "text": doc["text"],
            });
            lines.push(article.to_string());
        }
    }
    let path = dir.join("dev.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    (path, lines)
}

/// The sorted lines of a store's N-Quads export.
pub fn sorted_export(store: &Path) -> String {
    let nq = run(store, &["export", "--format", "nquads"]);
    let mut lines: Vec<&str> = nq.lines().collect();
    lines.sort_unstable();
    lines.join("\n")
}
