//! `newsgraph bench`: throughput of the extractor (one core and all cores)
//! and of the store load, on articles given by the user or the bundled
//! samples. Measured by wall clock over repeated passes; not a test.

use crate::error::Result;
use crate::extract::Extractor;
use crate::model::Article;
use crate::store::Store;
use crate::{graph, input};
use rayon::prelude::*;
use std::time::Instant;

#[derive(Debug, Clone, serde::Serialize)]
pub struct Pass {
    pub name: String,
    pub threads: usize,
    pub articles: usize,
    pub bytes: usize,
    pub words: usize,
    pub seconds: f64,
}

impl Pass {
    pub fn articles_per_s(&self) -> f64 {
        self.articles as f64 / self.seconds
    }
    pub fn mb_per_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.seconds
    }
    pub fn words_per_s(&self) -> f64 {
        self.words as f64 / self.seconds
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Report {
    pub corpus_articles: usize,
    pub corpus_bytes: usize,
    pub passes: Vec<Pass>,
    pub triples: usize,
    pub load_seconds: f64,
    pub peak_rss_mb: Option<f64>,
}

/// Articles of a bench corpus: text files, directories, or FORMAT.md
/// JSON Lines files (their `text` and `published`).
pub fn corpus(paths: &[std::path::PathBuf]) -> Result<Vec<Article>> {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for p in input::collect_inputs(paths, &mut skipped) {
        if p.extension().is_some_and(|e| e == "jsonl") {
            for (i, d) in crate::eval::read_jsonl(&p)?.into_iter().enumerate() {
                let text = d
                    .get("text")
                    .and_then(|t| t.as_str())
                    .unwrap_or("")
                    .to_string();
                let published = d
                    .get("published")
                    .and_then(|t| t.as_str())
                    .and_then(crate::model::PartialDate::parse);
                out.push(Article {
                    source: format!("{}#{i}", p.display()),
                    title: String::new(),
                    text,
                    published,
                });
            }
        } else {
            let mut w = Vec::new();
            if let Ok(a) = input::read_article(&p, input::Published::Detect, usize::MAX, &mut w) {
                out.push(a);
            }
        }
    }
    Ok(out)
}

fn words(articles: &[Article]) -> usize {
    articles
        .iter()
        .map(|a| a.text.split_whitespace().count())
        .sum()
}

/// Run the extractor over `articles` repeatedly for at least `min_seconds`.
fn timed(
    name: &str,
    articles: &[Article],
    extractor: &Extractor,
    threads: usize,
    min_seconds: f64,
) -> Pass {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .ok();
    let run = || {
        articles
            .par_iter()
            .map(|a| extractor.extract_article(a).events.len())
            .sum::<usize>()
    };
    let start = Instant::now();
    let mut rounds = 0;
    while rounds == 0 || start.elapsed().as_secs_f64() < min_seconds {
        let n = match &pool {
            Some(p) => p.install(run),
            None => run(),
        };
        std::hint::black_box(n);
        rounds += 1;
    }
    let seconds = start.elapsed().as_secs_f64();
    Pass {
        name: name.to_string(),
        threads,
        articles: articles.len() * rounds,
        bytes: articles.iter().map(|a| a.text.len()).sum::<usize>() * rounds,
        words: words(articles) * rounds,
        seconds,
    }
}

/// Peak resident memory of this process (Linux), in MB.
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub fn run(articles: &[Article], extractor: &Extractor, min_seconds: f64) -> Result<Report> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut passes = vec![timed("extract", articles, extractor, 1, min_seconds)];
    if cores > 1 {
        passes.push(timed("extract", articles, extractor, cores, min_seconds));
    }
    // Extraction + RDF + bulk load into a fresh on-disk store, once.
    let dir = tempfile::tempdir().map_err(|e| crate::Error::io(std::env::temp_dir(), e))?;
    let store = Store::open(&dir.path().join("bench.db"))?;
    let start = Instant::now();
    let quads: Vec<_> = articles
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, a)| {
            let x = extractor.extract_article(a);
            graph::quads(a, &format!("bench:{i}"), &x)
        })
        .collect();
    let triples = quads.len();
    store.bulk_load(quads)?;
    store.relink()?;
    let load_seconds = start.elapsed().as_secs_f64();
    Ok(Report {
        corpus_articles: articles.len(),
        corpus_bytes: articles.iter().map(|a| a.text.len()).sum(),
        passes,
        triples,
        load_seconds,
        peak_rss_mb: peak_rss_mb(),
    })
}
