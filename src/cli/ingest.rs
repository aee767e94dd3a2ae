//! `newsgraph ingest` and `newsgraph remove`.

use super::progress::IngestProgress;
use super::{Config, EXIT_SKIPPED};
use newsgraph::error::{Error, Result};
use newsgraph::ingest::{self, IngestOptions};
use newsgraph::input::Published;
use newsgraph::store::Store;
use std::path::PathBuf;
use std::process::ExitCode;

pub(super) fn run(
    cfg: &Config,
    paths: &[PathBuf],
    published: Option<&str>,
    batch_kb: usize,
    verbose: bool,
) -> Result<ExitCode> {
    let opts = IngestOptions {
        published: Published::from_flag(published)?,
        max_article_bytes: cfg.max_article_bytes,
        batch_bytes: batch_kb.saturating_mul(1024),
    };
    let extractor = cfg.extractor()?;
    let store = Store::open(&cfg.store)?;
    let progress = IngestProgress::new(cfg.progress && !verbose, verbose);
    let s = ingest::ingest(&store, paths, &extractor, &opts, &progress)?;
    for w in &s.warnings {
        eprintln!("warning: {w}");
    }
    for k in &s.skipped {
        eprintln!("skipped: {}: {}", k.source, super::skip_reason(&k.reason));
    }
    eprintln!(
        "{} articles ({} new, {} replaced, {} unchanged), {} entities, {} events, {} triples in {:.2}s → {}",
        s.articles, s.added, s.replaced, s.unchanged, s.entities, s.events, s.triples, s.seconds,
        cfg.store.display()
    );
    Ok(if s.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_SKIPPED)
    })
}

pub(super) fn remove(cfg: &Config, article: &str) -> Result<ExitCode> {
    let store = Store::open(&cfg.store)?;
    let target = store
        .articles()?
        .into_iter()
        .find(|(iri, source)| iri.as_str() == article || *source == article)
        .ok_or_else(|| {
            Error::Usage(format!(
                "no article `{article}` in {}: `newsgraph query articles` lists them",
                cfg.store.display()
            ))
        })?;
    store.remove_article(&target.0)?;
    eprintln!("removed {} ({})", target.1, target.0.as_str());
    Ok(ExitCode::SUCCESS)
}
