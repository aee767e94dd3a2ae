//! `newsgraph demo`: the bundled sample articles into a temporary store, and
//! what it finds in them.

use super::progress::IngestProgress;
use super::{say, Config};
use newsgraph::error::{Error, Result};
use newsgraph::ingest::{self, IngestOptions};
use newsgraph::query::canned::{self, ResultFormat};
use newsgraph::store::Store;
use std::io::Write;
use std::process::ExitCode;

/// The bundled sample articles, embedded so `demo` runs from anywhere.
pub(super) const SAMPLES: &[(&str, &str)] = &[
    (
        "2024-03-14-harbour-summit.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/samples/2024-03-14-harbour-summit.txt"
        )),
    ),
    (
        "2024-03-20-port-authority-chief-fired.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/samples/2024-03-20-port-authority-chief-fired.txt"
        )),
    ),
    (
        "2024-04-02-timeline-harbour-affair.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/samples/2024-04-02-timeline-harbour-affair.txt"
        )),
    ),
];

pub(super) fn run(cfg: &Config) -> Result<ExitCode> {
    let dir = tempfile::tempdir().map_err(|e| Error::io(std::env::temp_dir(), e))?;
    let mut paths = Vec::new();
    for (name, text) in SAMPLES {
        let p = dir.path().join(name);
        std::fs::write(&p, text).map_err(|e| Error::io(&p, e))?;
        paths.push(p);
    }
    let store = Store::open(&dir.path().join("store"))?;
    let extractor = cfg.extractor()?;
    let opts = IngestOptions {
        max_article_bytes: cfg.max_article_bytes,
        ..IngestOptions::default()
    };
    let progress = IngestProgress::new(cfg.progress, false);
    let s = ingest::ingest(&store, &paths, &extractor, &opts, &progress)?;
    say!(
        "Ingested {} sample articles: {} entities, {} events, {} triples in {:.2}s\n",
        s.articles,
        s.entities,
        s.events,
        s.triples,
        s.seconds
    );
    let mut out = std::io::stdout().lock();
    for name in ["who-met-whom", "timeline"] {
        let q = canned::find(name).ok_or_else(|| Error::UnknownQuery(name.into()))?;
        writeln!(out, "== {name}: {}", q.description).map_err(Error::Serialize)?;
        canned::write_results(
            store.select(name, &q.sparql, &[])?,
            ResultFormat::Table,
            &mut out,
        )?;
        writeln!(out).map_err(Error::Serialize)?;
    }
    Ok(ExitCode::SUCCESS)
}
