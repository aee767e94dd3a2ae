//! `newsgraph extract`: one article to stdout, without a store.

use super::{output, Config, ExtractFormat};
use newsgraph::error::{Error, Result};
use newsgraph::input::{self, Published};
use newsgraph::store::Store;
use newsgraph::{graph, ingest, json};
use oxigraph::io::RdfFormat;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub(super) fn run(
    cfg: &Config,
    file: &Path,
    published: Option<&str>,
    format: ExtractFormat,
) -> Result<ExitCode> {
    let extractor = cfg.extractor()?;
    let mut warnings = Vec::new();
    let article = input::read_article(
        file,
        Published::from_flag(published)?,
        cfg.max_article_bytes,
        &mut warnings,
    )
    .map_err(|reason| {
        Error::Usage(format!(
            "{}: {}",
            file.display(),
            super::skip_reason(&reason)
        ))
    })?;
    let key = ingest::article_key(&article);
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article")
        .to_string();
    // A long article is extracted part by part, as ingest stores it,
    // so that memory stays bounded: one JSON line (or one block of
    // triples) per part.
    let each = match format {
        ExtractFormat::Json => "one JSON line",
        ExtractFormat::Turtle | ExtractFormat::Ntriples => "one graph",
    };
    let parts = input::split_parts(article, key, each, &mut warnings);
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    let mut out = output(None)?;
    let many = parts.len() > 1;
    for (i, (part, key)) in parts.into_iter().enumerate() {
        let x = extractor.extract_article(&part);
        match format {
            ExtractFormat::Json => {
                let id = if many {
                    format!("{stem}#part-{}", i + 1)
                } else {
                    stem.clone()
                };
                let pubs = part.published.map(|d| d.to_string());
                let doc = json::document(&id, &part.text, pubs.as_deref(), &x);
                serde_json::to_writer(&mut out, &doc).map_err(|e| Error::Serialize(e.into()))?;
                writeln!(out).map_err(Error::Serialize)?;
            }
            ExtractFormat::Turtle | ExtractFormat::Ntriples => {
                let store = Store::in_memory()?;
                store.bulk_load(graph::quads(&part, &key, &x))?;
                let f = if matches!(format, ExtractFormat::Turtle) {
                    RdfFormat::Turtle
                } else {
                    RdfFormat::NTriples
                };
                store.export(f, &mut out)?;
            }
        }
    }
    out.flush().map_err(Error::Serialize)?;
    Ok(ExitCode::SUCCESS)
}
