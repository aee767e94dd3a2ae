//! `newsgraph ingest` and `newsgraph remove`.

use super::progress::IngestProgress;
use super::{Config, EXIT_SKIPPED};
use newsgraph::error::{Error, Result};
use newsgraph::ingest::{self, IngestOptions};
use newsgraph::input::Published;
use newsgraph::serve::remote::Remote;
use newsgraph::store::Store;
use std::path::PathBuf;
use std::process::ExitCode;

/// What an ingest reads.
pub(super) enum Input {
    /// Files, directories, or `-` for stdin.
    Files(Vec<PathBuf>),
    /// JSON Lines articles (a file, or `-` for stdin).
    Jsonl(PathBuf),
}

pub(super) fn run(
    cfg: &Config,
    input: &Input,
    published: Option<&str>,
    batch_kb: usize,
    verbose: bool,
) -> Result<ExitCode> {
    let opts = IngestOptions {
        published: Published::from_flag(published)?,
        max_article_bytes: cfg.max_article_bytes,
        batch_bytes: batch_kb.saturating_mul(1024),
    };
    let (s, target) = match Store::open(&cfg.store) {
        Ok(store) => {
            let extractor = cfg.extractor()?;
            let progress = IngestProgress::new(cfg.progress && !verbose, verbose);
            let s = match input {
                Input::Files(paths) => ingest::ingest(&store, paths, &extractor, &opts, &progress)?,
                Input::Jsonl(path) => {
                    let (name, reader) = super::extract::open_jsonl(path)?;
                    ingest::ingest_jsonl(&store, reader, &name, &extractor, &opts, &progress)?
                }
            };
            (s, cfg.store.display().to_string())
        }
        // A server holds the store: it ingests what this process reads.
        Err(busy @ Error::Busy { .. }) => {
            let remote = Remote::find(&cfg.store).ok_or(busy)?;
            let s = ingest_remote(&remote, input, &opts, verbose)?;
            (
                s,
                format!("{} (served at {})", cfg.store.display(), remote.url()),
            )
        }
        Err(e) => return Err(e),
    };
    for w in &s.warnings {
        eprintln!("warning: {w}");
    }
    for k in &s.skipped {
        eprintln!("skipped: {}: {}", k.source, super::skip_reason(&k.reason));
    }
    eprintln!(
        "{} articles ({} new, {} replaced, {} unchanged), {} entities, {} events, {} triples in {:.2}s → {target}",
        s.articles, s.added, s.replaced, s.unchanged, s.entities, s.events, s.triples, s.seconds,
    );
    Ok(if s.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_SKIPPED)
    })
}

/// Read the articles here, batch by batch, and send each batch to the
/// server holding the store.
fn ingest_remote(
    remote: &Remote,
    input: &Input,
    opts: &IngestOptions,
    verbose: bool,
) -> Result<ingest::Summary> {
    let start = std::time::Instant::now();
    let mut skipped = Vec::new();
    let mut warnings = Vec::new();
    let mut total = ingest::Summary::default();
    let send = |batch: Vec<_>| {
        let n = batch.len();
        total.add(remote.ingest(batch)?);
        if verbose {
            eprintln!(
                "sent {n} articles to {}: {} so far, {} triples",
                remote.url(),
                total.articles,
                total.triples
            );
        }
        Ok(())
    };
    match input {
        Input::Files(paths) => {
            let (files, _) = ingest::input_files(paths, &mut skipped);
            ingest::read_batches(&files, opts, &mut skipped, &mut warnings, send)?;
        }
        Input::Jsonl(path) => {
            let (name, reader) = super::extract::open_jsonl(path)?;
            ingest::read_jsonl_batches(reader, &name, opts, &mut skipped, &mut warnings, send)?;
        }
    }
    total.skipped.extend(skipped);
    total.warnings.extend(warnings);
    total.seconds = start.elapsed().as_secs_f64();
    Ok(total)
}

pub(super) fn remove(cfg: &Config, article: &str) -> Result<ExitCode> {
    let removed = match Store::open(&cfg.store) {
        Ok(store) => {
            ingest::remove(&store, article)?.map(|(iri, source)| (iri.as_str().to_string(), source))
        }
        Err(busy @ Error::Busy { .. }) => Remote::find(&cfg.store).ok_or(busy)?.remove(article)?,
        Err(e) => return Err(e),
    };
    let (iri, source) = removed.ok_or_else(|| {
        Error::Usage(format!(
            "no article `{article}` in {}: `newsgraph query articles` lists them",
            cfg.store.display()
        ))
    })?;
    eprintln!("removed {source} ({iri})");
    Ok(ExitCode::SUCCESS)
}
