//! `newsgraph eval`: run the extractor over gold files and score it with
//! the FORMAT.md rules ([`crate::score`]).

pub mod bench;
pub mod parse;
pub mod score;

use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::model::PartialDate;
use rayon::prelude::*;
use serde_json::Value;
use std::path::Path;

/// The figures for one gold file.
pub struct FileEval {
    pub file: String,
    pub report: crate::eval::score::Report,
    pub words: usize,
    pub seconds: f64,
}

impl FileEval {
    pub fn words_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.words as f64 / self.seconds
        } else {
            0.0
        }
    }
}

/// Read a JSON Lines file.
pub fn read_jsonl(path: &Path) -> Result<Vec<Value>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|source| Error::Json {
                file: path.display().to_string(),
                line: i + 1,
                source,
            })
        })
        .collect()
}

/// The extractor's FORMAT.md document for each gold document's text.
pub fn system_docs(gold: &[Value], extractor: &Extractor) -> Vec<Value> {
    gold.par_iter()
        .map(|g| {
            let text = g.get("text").and_then(Value::as_str).unwrap_or("");
            let published = g.get("published").and_then(Value::as_str);
            let x = extractor.extract(text, published.and_then(PartialDate::parse));
            let id = g.get("id").and_then(Value::as_str).unwrap_or("");
            crate::json::document(id, text, published, &x)
        })
        .collect()
}

/// Extract every gold document's text and score the result.
pub fn eval_file(path: &Path, extractor: &Extractor) -> Result<FileEval> {
    let gold = read_jsonl(path)?;
    let start = std::time::Instant::now();
    let system = system_docs(&gold, extractor);
    let seconds = start.elapsed().as_secs_f64();
    let words = gold
        .iter()
        .map(|g| {
            g.get("text")
                .and_then(Value::as_str)
                .unwrap_or("")
                .split_whitespace()
                .count()
        })
        .sum();
    Ok(FileEval {
        file: path.display().to_string(),
        report: crate::eval::score::score(&gold, &system),
        words,
        seconds,
    })
}
