//! The test tables, sample articles, sources, word lists and docs are our
//! own writing: no run of six words of them occurs in a dev text of
//! `../shared/eval/dev` (a rule tested on a dev sentence, or written from
//! one, is fitted to the dev set, and its figure is no evidence).

mod common;
use std::collections::HashSet;

const RUN: usize = 6;

/// Lowercase words (punctuation only separates them).
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
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The runs of `n` words of every dev text.
fn dev_runs(n: usize) -> HashSet<Vec<String>> {
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
            runs.extend(w.windows(n).map(<[String]>::to_vec));
        }
    }
    assert!(runs.len() > 100_000, "the dev texts are read");
    runs
}

#[test]
fn test_sentences_share_no_six_word_run_with_the_dev_texts() {
    let runs = dev_runs(RUN);
    let repo = common::repo();
    let mut ours = Vec::new();
    for dir in ["tests/data", "data/samples"] {
        files_under(&repo.join(dir), &["tsv", "txt"], &mut ours);
    }
    let tables = ours.len();
    assert!(tables >= 6, "the tables and samples are read: {ours:?}");
    // The rules and word lists, and what their comments and docs quote.
    files_under(&repo.join("src"), &["rs"], &mut ours);
    files_under(&repo.join("data/words"), &["txt"], &mut ours);
    for doc in ["README.md", "ARCHITECTURE.md", "data/README.md"] {
        ours.push(repo.join(doc));
    }
    assert!(ours.len() > tables + 50, "the sources are read");
    let mut shared = Vec::new();
    for path in &ours {
        for (n, line) in std::fs::read_to_string(path).unwrap().lines().enumerate() {
            // Each field of a table row on its own.
            for text in line.split('\t') {
                let w = words(text);
                if let Some(run) = w.windows(RUN).find(|r| runs.contains(*r)) {
                    shared.push(format!("{}:{}: {:?}", path.display(), n + 1, run.join(" ")));
                }
            }
        }
    }
    assert!(
        shared.is_empty(),
        "text shared with the dev set:\n{}",
        shared.join("\n")
    );
}

/// The news articles the tagger learns from (`data/ner-news`) are written
/// from scratch too. Six-word runs there are stock phrases and long names
/// ("by the end of the year", "the Association of Southeast Asian Nations
/// (ASEAN)"), so the check is on runs of eight words: none is shared.
#[test]
fn news_training_texts_share_no_eight_word_run_with_the_dev_texts() {
    const NEWS_RUN: usize = 8;
    let runs = dev_runs(NEWS_RUN);
    let mut files = Vec::new();
    files_under(
        &common::repo().join("data/ner-news"),
        &["jsonl"],
        &mut files,
    );
    assert!(files.len() >= 3, "the news files are read: {files:?}");
    let mut docs = 0;
    let mut shared = Vec::new();
    for path in &files {
        for line in std::fs::read_to_string(path).unwrap().lines() {
            let doc: serde_json::Value = serde_json::from_str(line).unwrap();
            docs += 1;
            let w = words(doc["text"].as_str().unwrap());
            if let Some(run) = w.windows(NEWS_RUN).find(|r| runs.contains(*r)) {
                shared.push(format!("{}: {}", doc["id"], run.join(" ")));
            }
        }
    }
    assert!(docs >= 180, "the news articles are read: {docs}");
    assert!(
        shared.is_empty(),
        "news training text shared with the dev set:\n{}",
        shared.join("\n")
    );
}

/// The files under `dir` (recursively) whose extension is one of `exts`.
fn files_under(dir: &std::path::Path, exts: &[&str], out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files_under(&path, exts, out);
        } else if path
            .extension()
            .is_some_and(|e| exts.iter().any(|x| e == *x))
        {
            out.push(path);
        }
    }
}
