//! `newsgraph bench`: extraction throughput on one core and on all cores, the
//! store load, and peak memory.

use super::{say, Config};
use newsgraph::error::{Error, Result};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub(super) fn run(cfg: &Config, paths: &[PathBuf], seconds: f64) -> Result<ExitCode> {
    let extractor = cfg.extractor()?;
    let articles = if paths.is_empty() {
        super::demo::SAMPLES
            .iter()
            .map(|(name, text)| newsgraph::model::Article {
                source: (*name).to_string(),
                text: (*text).to_string(),
                published: newsgraph::input::date_in_name(name),
                title: String::new(),
            })
            .collect()
    } else {
        newsgraph::eval::bench::corpus(paths)?
    };
    if articles.is_empty() {
        return Err(Error::Usage("no articles to measure".into()));
    }
    let r = newsgraph::eval::bench::run(&articles, &extractor, seconds)?;
    say!(
        "corpus: {} articles, {:.2} MB",
        r.corpus_articles,
        r.corpus_bytes as f64 / 1e6
    );
    for p in &r.passes {
        say!(
            "extract, {} thread{}: {:>8.0} articles/s  {:>6.2} MB/s  {:>9.0} words/s  ({} articles in {:.2}s)",
            p.threads,
            if p.threads == 1 { " " } else { "s" },
            p.articles_per_s(),
            p.mb_per_s(),
            p.words_per_s(),
            p.articles,
            p.seconds
        );
    }
    say!(
        "extract + RDF + bulk load: {} triples in {:.2}s = {:.0} triples/s",
        r.triples,
        r.load_seconds,
        r.triples as f64 / r.load_seconds
    );
    if let Some(m) = r.peak_rss_mb {
        say!("peak memory (RSS): {m:.0} MB");
    }
    Ok(ExitCode::SUCCESS)
}
