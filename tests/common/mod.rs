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
