//! `newsgraph load`: N-Quads shards (from `extract --jsonl --format nquads`)
//! into the store.

use super::progress::IngestProgress;
use super::{Config, EXIT_SKIPPED};
use newsgraph::error::Result;
use newsgraph::ingest;
use newsgraph::store::Store;
use std::path::PathBuf;
use std::process::ExitCode;

pub(super) fn run(
    cfg: &Config,
    files: &[PathBuf],
    batch_kb: usize,
    verbose: bool,
) -> Result<ExitCode> {
    // Loading writes the store itself: a store held by `serve` is busy.
    let store = Store::open(&cfg.store)?;
    let progress = IngestProgress::new(cfg.progress && !verbose, verbose);
    let s = ingest::load(&store, files, batch_kb.saturating_mul(1024), &progress)?;
    for k in &s.skipped {
        eprintln!("skipped: {}: {}", k.source, super::skip_reason(&k.reason));
    }
    eprintln!(
        "{} articles ({} new, {} replaced, {} unchanged), {} quads in {:.2}s → {}",
        s.articles,
        s.added,
        s.replaced,
        s.unchanged,
        s.triples,
        s.seconds,
        cfg.store.display()
    );
    Ok(if s.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_SKIPPED)
    })
}
