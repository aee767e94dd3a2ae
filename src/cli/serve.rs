//! `newsgraph serve`: the SPARQL endpoint and web page over the store, until
//! Ctrl-C or SIGTERM; one log line per request on stderr.

use super::Config;
use newsgraph::error::{Error, Result};
use newsgraph::ingest::Summary;
use newsgraph::serve::{self, Events, LogLine, Options};
use newsgraph::store::Store;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

/// The server's lines on stderr.
struct Log;

impl Events for Log {
    fn listening(&self, url: &str) {
        eprintln!("serving at {url}/ (SPARQL endpoint {url}/query); Ctrl-C stops");
    }

    fn request(&self, l: &LogLine) {
        eprintln!("{} {} {} {:.1}ms", l.method, l.path, l.status, l.millis);
    }

    fn ingested(&self, s: &Summary) {
        eprintln!(
            "ingested {} articles ({} new, {} replaced, {} unchanged), {} triples in {:.2}s",
            s.articles, s.added, s.replaced, s.unchanged, s.triples, s.seconds
        );
    }
}

pub(super) fn run(
    cfg: &Config,
    bind: String,
    timeout: u64,
    cors: Option<String>,
    max_result_mb: usize,
) -> Result<ExitCode> {
    let extractor = cfg.extractor()?;
    let store = Store::open(&cfg.store)?;
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .map_err(|e| Error::io("signal handler", e))?;
    }
    let opts = Options {
        bind,
        timeout: (timeout > 0).then(|| Duration::from_secs(timeout)),
        cors,
        max_result_bytes: max_result_mb.saturating_mul(1 << 20),
        ..Options::default()
    };
    serve::serve(store, extractor, opts, Arc::new(Log), &stop)?;
    eprintln!("stopped; {} closed", cfg.store.display());
    Ok(ExitCode::SUCCESS)
}
