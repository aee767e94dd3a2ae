//! The test tables and sample articles are our own writing: no run of six
//! words of them occurs in a dev text of `../shared/eval/dev` (a rule tested
//! on a dev sentence is fitted to the dev set, and its figure is no
//! evidence).

mod common;
use std::collections::HashSet;

const RUN: usize = 6;

/// Lowercase words and punctuation marks.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            if !c.is_whitespace() {
                out.push(c.to_string());
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[test]
fn test_sentences_share_no_six_word_run_with_the_dev_texts() {
    let mut runs: HashSet<Vec<String>> = HashSet::new();
    let dev = common::repo().join("../shared/eval/dev");
    for entry in std::fs::read_dir(&dev).expect("../shared/eval/dev beside the repo") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "jsonl") {
            continue;
        }
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            let doc: serde_json::Value = serde_json::from_str(line).unwrap();
            let w = words(doc["text"].as_str().unwrap_or(""));
            runs.extend(w.windows(RUN).map(<[String]>::to_vec));
        }
    }
    assert!(runs.len() > 100_000, "the dev texts are read");
    let repo = common::repo();
    let mut ours = Vec::new();
    for dir in ["tests/data", "data/samples"] {
        for entry in std::fs::read_dir(repo.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "tsv" || e == "txt") {
                ours.push(path);
            }
        }
    }
    assert!(ours.len() >= 6, "the tables and samples are read: {ours:?}");
    let mut shared = Vec::new();
    for path in &ours {
        for (n, line) in std::fs::read_to_string(path).unwrap().lines().enumerate() {
            // Only the text: the first field of a table row.
            let text = line.split('\t').next().unwrap_or("");
            if text.starts_with('#') {
                continue;
            }
            let w = words(text);
            if let Some(run) = w.windows(RUN).find(|r| runs.contains(*r)) {
                shared.push(format!("{}:{}: {:?}", path.display(), n + 1, run.join(" ")));
            }
        }
    }
    assert!(
        shared.is_empty(),
        "text shared with the dev set:\n{}",
        shared.join("\n")
    );
}
