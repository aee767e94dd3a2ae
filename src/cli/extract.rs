//! `newsgraph extract`: one article, or a stream of JSON Lines articles, to
//! stdout, without a store.

use super::{output, Config, ExtractFormat, EXIT_SKIPPED};
use newsgraph::error::{Error, Result};
use newsgraph::extract::Extractor;
use newsgraph::ingest::IngestOptions;
use newsgraph::input::{self, Published};
use newsgraph::model::{Article, Extraction};
use newsgraph::store::Store;
use newsgraph::{graph, ingest, json};
use oxigraph::io::RdfFormat;
use std::io::{BufRead, Write};
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
        _ => "one graph",
    };
    let parts = input::split_parts(article, key, each, &mut warnings);
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    let mut out = output(None)?;
    let many = parts.len() > 1;
    for (i, (part, key)) in parts.into_iter().enumerate() {
        let x = extractor.extract_article(&part);
        let id = if many {
            format!("{stem}#part-{}", i + 1)
        } else {
            stem.clone()
        };
        write_one(&mut out, format, &id, &part, &key, &x)?;
    }
    out.flush().map_err(Error::Serialize)?;
    Ok(ExitCode::SUCCESS)
}

/// One article (or part) in the output format.
fn write_one(
    out: &mut dyn Write,
    format: ExtractFormat,
    id: &str,
    part: &Article,
    key: &str,
    x: &Extraction,
) -> Result<()> {
    match format {
        ExtractFormat::Json => {
            let pubs = part.published.map(|d| d.to_string());
            let doc = json::document(id, &part.text, pubs.as_deref(), x);
            serde_json::to_writer(&mut *out, &doc).map_err(|e| Error::Serialize(e.into()))?;
            writeln!(out).map_err(Error::Serialize)?;
        }
        // The article's graph exactly as `ingest` stores it (less the
        // union graph): what `load` reads.
        ExtractFormat::Nquads => {
            graph::write_nquads(out, &graph::quads(part, key, x)).map_err(Error::Serialize)?;
        }
        ExtractFormat::Turtle | ExtractFormat::Ntriples => {
            let store = Store::in_memory()?;
            store.bulk_load(graph::quads(part, key, x))?;
            store.relink()?;
            let f = if matches!(format, ExtractFormat::Turtle) {
                RdfFormat::Turtle
            } else {
                RdfFormat::NTriples
            };
            store.export(f, out)?;
        }
    }
    Ok(())
}

/// `extract --jsonl FILE|-`: streaming, in batches extracted on all cores
/// and written in order; a bad line is reported and skipped, and the exit
/// code says so at the end.
pub(super) fn run_jsonl(cfg: &Config, path: &Path, format: ExtractFormat) -> Result<ExitCode> {
    if matches!(format, ExtractFormat::Turtle | ExtractFormat::Ntriples) {
        return Err(Error::Usage(
            "extract --jsonl writes json or nquads (one graph per article, for `load`)".into(),
        ));
    }
    let extractor = cfg.extractor()?;
    let opts = IngestOptions {
        max_article_bytes: cfg.max_article_bytes,
        ..IngestOptions::default()
    };
    let (name, reader) = open_jsonl(path)?;
    let mut out = output(None)?;
    let (mut skipped, mut warnings) = (Vec::new(), Vec::new());
    ingest::read_jsonl_batches(reader, &name, &opts, &mut skipped, &mut warnings, |batch| {
        write_batch(&mut *out, &extractor, format, batch)
    })?;
    out.flush().map_err(Error::Serialize)?;
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    for k in &skipped {
        eprintln!("skipped: {}: {}", k.source, super::skip_reason(&k.reason));
    }
    Ok(if skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_SKIPPED)
    })
}

fn write_batch(
    out: &mut dyn Write,
    extractor: &Extractor,
    format: ExtractFormat,
    batch: Vec<(Article, String)>,
) -> Result<()> {
    for (part, key, x) in ingest::extract_batch(extractor, batch) {
        // A part's id is its key: "ID#part-N".
        write_one(out, format, &key, &part, &key, &x)?;
    }
    // Each batch reaches the reader (a pipe) as soon as it is extracted.
    out.flush().map_err(Error::Serialize)
}

/// A JSON Lines input: a file, or `-` for stdin; its name for messages.
pub(super) fn open_jsonl(path: &Path) -> Result<(String, Box<dyn BufRead>)> {
    if path == Path::new("-") {
        return Ok(("stdin".into(), Box::new(std::io::stdin().lock())));
    }
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    Ok((
        path.display().to_string(),
        Box::new(std::io::BufReader::with_capacity(1 << 16, f)),
    ))
}
