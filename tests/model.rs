//! The bundled tagger model is exactly what `newsgraph train-ner` makes from
//! `../shared/train/gum` with the code as it is: its features include the
//! rules' labels, so a change to the rules must come with a retrained model.

mod common;
use common::*;

#[test]
fn bundled_model_is_reproducible_from_the_training_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ner.bin");
    let run = bin()
        .args(["train-ner", "--gum"])
        .arg(shared().join("train/gum"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{err}");
    assert!(err.contains("84 files, 84 documents"), "{err}");
    let fresh = std::fs::read(&out).unwrap();
    let bundled = std::fs::read(repo().join("data/models/ner.bin")).unwrap();
    assert!(
        fresh == bundled,
        "data/models/ner.bin is stale: run `newsgraph train-ner` and commit it"
    );
}
