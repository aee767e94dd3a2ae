//! `newsgraph export` and `newsgraph stats`.

use super::{output, say, Config};
use newsgraph::error::{Error, Result};
use newsgraph::store::Store;
use oxigraph::io::RdfFormat;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub(super) fn run(cfg: &Config, format: RdfFormat, path: Option<&PathBuf>) -> Result<ExitCode> {
    let store = Store::open_read_only(&cfg.store)?;
    let mut out = output(path)?;
    store.export(format, &mut out)?;
    out.flush().map_err(Error::Serialize)?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn stats(cfg: &Config) -> Result<ExitCode> {
    let s = Store::open_read_only(&cfg.store)?.stats()?;
    say!("articles  {}", s.articles);
    say!("triples   {} (union of article graphs)", s.triples);
    say!("quads     {}", s.quads);
    for (t, n) in &s.by_type {
        say!("{t:<24} {n}");
    }
    Ok(ExitCode::SUCCESS)
}
