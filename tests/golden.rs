//! Golden files: `extract --format json` of each bundled sample article is
//! compared with `tests/golden/NAME.json`. After an intended change, run
//! `UPDATE_GOLDEN=1 cargo test --test golden` and review the diff.

mod common;
use common::*;

#[test]
fn sample_extractions_match_their_golden_files() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for sample in samples() {
        let name = sample.file_stem().unwrap().to_str().unwrap().to_string();
        let out = run(
            &repo().join("unused-store"),
            &["extract", sample.to_str().unwrap()],
        );
        let got: serde_json::Value = serde_json::from_str(&out).unwrap();
        let pretty = serde_json::to_string_pretty(&got).unwrap() + "\n";
        let path = repo().join("tests/golden").join(format!("{name}.json"));
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &pretty).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want != pretty {
            failures.push(name);
        }
    }
    assert!(failures.is_empty(), "extraction differs from tests/golden for {failures:?}; rerun with UPDATE_GOLDEN=1 and review");
}
