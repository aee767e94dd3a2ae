//! `newsgraph push`: the store's graphs to a SPARQL store.

use super::{Config, ProfileChoice};
use indicatif::{ProgressBar, ProgressStyle};
use newsgraph::error::Result;
use newsgraph::push::{self, Profile, PushOptions, PushProgress};
use newsgraph::store::Store;
use std::process::ExitCode;

pub(super) fn profile(p: ProfileChoice) -> Profile {
    match p {
        ProfileChoice::Oxigraph => Profile::Oxigraph,
        ProfileChoice::Virtuoso => Profile::Virtuoso,
        ProfileChoice::Fuseki => Profile::Fuseki,
        ProfileChoice::Graphdb => Profile::Graphdb,
        ProfileChoice::Neptune => Profile::Neptune,
        ProfileChoice::Qlever => Profile::Qlever,
    }
}

/// A bar of graphs sent on a terminal, or a line per graph with --verbose.
struct Shown {
    bar: ProgressBar,
    verbose: bool,
}

impl PushProgress for Shown {
    fn start(&self, to_send: usize) {
        self.bar.set_length(to_send as u64);
    }

    fn sent(&self, graph: &str, triples: usize) {
        self.bar.inc(1);
        if self.verbose {
            eprintln!("sent {graph} ({triples} triples)");
        }
    }
}

pub(super) fn run(cfg: &Config, url: &str, opts: &PushOptions, verbose: bool) -> Result<ExitCode> {
    let store = Store::open_read_only(&cfg.store)?;
    let bar = if cfg.progress && !verbose {
        ProgressBar::new(0)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} graphs ({eta} left)",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let shown = Shown { bar, verbose };
    let result = push::push(&store, url, opts, &shown);
    shown.bar.finish_and_clear();
    let s = result?;
    let remote = match s.remote {
        Some((g, t)) => format!("the store holds {g} article graphs, {t} triples: the same"),
        None => "no SPARQL answer to compare counts with".to_string(),
    };
    eprintln!(
        "{} articles: {} graphs sent ({} triples), {} unchanged, {} deleted in {:.2}s → {url} ({}); {remote}",
        s.articles,
        s.sent,
        s.triples,
        s.unchanged,
        s.deleted,
        s.seconds,
        opts.profile.name(),
    );
    Ok(ExitCode::SUCCESS)
}
