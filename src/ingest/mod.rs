//! Putting articles' extractions into the store: parallel extraction on all cores, one
//! transaction per changed article, the bulk loader for new ones.

use crate::error::Result;
use crate::extract::Extractor;
use crate::graph;
use crate::graph::{ArticleGraph, EntityLinks};
use crate::input::{
    collect_inputs, read_article, split_parts, Published, Skipped, DEFAULT_MAX_ARTICLE_MB,
};
use crate::model::Article;
use crate::model::{EntityType, Extraction};
use crate::store::{Outcome, Store};
use oxigraph::model::{NamedNode, NamedOrBlankNode, Quad, Term};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Identity of an article: the canonical path of its file, or for stdin
/// the hash of its text.
pub fn article_key(article: &Article) -> String {
    if article.source == "-" {
        format!("text:{}", graph::content_hash(&article.text))
    } else {
        let p = Path::new(&article.source);
        p.canonicalize()
            .unwrap_or_else(|_| p.to_path_buf())
            .display()
            .to_string()
    }
}

/// What an ingest did (sent as JSON by `serve` to a remote `ingest`; the
/// skipped inputs stay with the reader of the files).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    pub articles: usize,
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub entities: usize,
    pub events: usize,
    pub triples: usize,
    pub bytes: usize,
    pub seconds: f64,
    #[serde(skip)]
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
}

/// The full-named people of an extraction: (IRI, label).
fn full_named_people(x: &Extraction) -> Vec<(NamedNode, String)> {
    x.entities
        .iter()
        .filter(|e| e.kind == EntityType::Person && e.label().contains(' '))
        .map(|e| (graph::entity_iri(e.kind, e.label()), e.label().to_string()))
        .collect()
}

/// Across articles: a person named by a surname alone ("Solberg") is the
/// person whose full name ends with it ("Ingrid Solberg"), when exactly one
/// such person is known, in this batch or in the store, and the article
/// itself names no such person.
fn surname_links(
    store: &Store,
    x: &Extraction,
    batch: &[(NamedNode, String)],
) -> Result<EntityLinks> {
    let own = full_named_people(x);
    let mut links = EntityLinks::new();
    for (i, e) in x.entities.iter().enumerate() {
        if e.kind != EntityType::Person || e.label().contains(' ') {
            continue;
        }
        let suffix = format!(" {}", e.label());
        if own.iter().any(|(_, n)| n.ends_with(&suffix)) {
            continue; // the article names the full form itself
        }
        let mut matches: Vec<NamedNode> = batch
            .iter()
            .filter(|(_, n)| n.ends_with(&suffix))
            .map(|(iri, _)| iri.clone())
            .collect();
        matches.extend(store.people_named_ending(&suffix)?);
        matches.sort();
        matches.dedup();
        if let [one] = matches.as_slice() {
            links.insert(i, one.clone());
        }
    }
    Ok(links)
}

/// One label per resource across the store: an entity or event already
/// labelled (by another article, or earlier in this batch) keeps its first
/// label, so "Bashar al-Assad" and "Bashar Al-Assad" stay one node with one
/// name.
fn harmonize_labels(
    store: &Store,
    quads: &mut [Quad],
    labels: &mut HashMap<NamedNode, Term>,
) -> Result<()> {
    for q in quads.iter_mut() {
        let NamedOrBlankNode::NamedNode(s) = &q.subject else {
            continue;
        };
        if q.predicate.as_ref() != crate::graph::vocab::rdfs::LABEL
            || !s.as_str().starts_with(crate::graph::vocab::ID)
        {
            continue;
        }
        let known = match labels.get(s) {
            Some(l) => Some(l.clone()),
            None => store.label_of(s)?,
        };
        match known {
            Some(l) => q.object = l,
            None => {
                labels.insert(s.clone(), q.object.clone());
            }
        }
    }
    Ok(())
}

/// Ingest inputs into the store.
/// Text read, extracted and written per batch, so that memory stays bounded
/// however many articles a folder holds.
/// Default text per batch: extracted in parallel, then committed.
pub const BATCH_BYTES: usize = 2 << 20;

/// An ingest that bulk-loaded this many batches compacts the store at its
/// end, so that reads do not slow down with the files the loads left.
const OPTIMIZE_AFTER_LOADS: usize = 4;

/// How one ingest runs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    pub published: Published,
    /// Refuse articles larger than this.
    pub max_article_bytes: usize,
    /// Text per batch: memory is bounded by it, and each batch is committed
    /// before the next one is read.
    pub batch_bytes: usize,
}

/// What an ingest tells as it goes; every method does nothing by default
/// (`&()` is the silent ingest).
pub trait Progress: Sync {
    /// Reading starts: the inputs hold about this many bytes.
    fn start(&self, _total_bytes: u64) {}
    /// One more article of this many bytes is extracted (any thread).
    fn advance(&self, _bytes: u64) {}
    /// A batch of `articles` is committed; `so_far` counts the whole ingest.
    fn committed(&self, _articles: usize, _so_far: &Summary) {}
    /// Everything is written.
    fn finish(&self) {}
    /// The store is being compacted after this many bulk loads.
    fn compacting(&self, _bulk_loads: usize) {}
}

impl Progress for () {}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            published: Published::Detect,
            max_article_bytes: DEFAULT_MAX_ARTICLE_MB * 1_000_000,
            batch_bytes: BATCH_BYTES,
        }
    }
}

/// State kept across the batches of one ingest.
struct Writer<'a> {
    store: &'a Store,
    extractor: &'a Extractor,
    progress: &'a dyn Progress,
    labels: HashMap<NamedNode, Term>,
    summary: Summary,
    /// Bulk loads done so far: each leaves files for [`Store::optimize`].
    bulk_loads: usize,
}

impl Writer<'_> {
    /// Extract a batch in parallel and write it: one transaction per
    /// changed article, the bulk loader for new ones.
    fn write(&mut self, batch: Vec<(Article, String)>) -> Result<()> {
        let n = batch.len();
        let extractor = self.extractor;
        let progress = self.progress;
        let extracted: Vec<(Article, String, Extraction)> = batch
            .into_par_iter()
            .map(|(a, key)| {
                let x = extractor.extract_article(&a);
                progress.advance(a.text.len() as u64);
                (a, key, x)
            })
            .collect();
        // Linking reads the whole batch and the store: decided on the typed
        // entities, then each article's graph is built with its links.
        let batch_people: Vec<(NamedNode, String)> = extracted
            .iter()
            .flat_map(|(_, _, x)| full_named_people(x))
            .collect();
        let store = self.store;
        let built: Vec<(Article, (usize, usize), ArticleGraph)> = extracted
            .into_par_iter()
            .map(|(a, key, x)| {
                let links = surname_links(store, &x, &batch_people)?;
                let g = graph::article_graph(&a, &key, &x, &links);
                // Only the counts of the extraction are kept past this point.
                Ok((a, (x.entities.len(), x.events.len()), g))
            })
            .collect::<Result<_>>()?;
        let mut fresh = Vec::new();
        let summary = &mut self.summary;
        for (a, x, article_graph) in built {
            let ArticleGraph {
                iri: graph,
                hash,
                mut quads,
            } = article_graph;
            harmonize_labels(self.store, &mut quads, &mut self.labels)?;
            summary.articles += 1;
            summary.bytes += a.text.len();
            summary.entities += x.0;
            summary.events += x.1;
            summary.triples += quads.len();
            match self.store.content_hash(&graph)? {
                None if !fresh
                    .iter()
                    .any(|(g, _): &(oxigraph::model::NamedNode, Vec<_>)| *g == graph) =>
                {
                    summary.added += 1;
                    fresh.push((graph, quads));
                }
                _ => match self.store.put_article(&graph, &hash, &quads)? {
                    Outcome::Added => summary.added += 1,
                    Outcome::Replaced => summary.replaced += 1,
                    Outcome::Unchanged => summary.unchanged += 1,
                },
            }
        }
        if !fresh.is_empty() {
            self.store
                .bulk_load(fresh.into_iter().flat_map(|(_, q)| q).collect())?;
            self.bulk_loads += 1;
        }
        // Announced only once the batch is in the store.
        self.progress.committed(n, &self.summary);
        Ok(())
    }
}

impl Summary {
    /// Add the counts of another part of the same ingest.
    pub fn add(&mut self, other: Summary) {
        self.articles += other.articles;
        self.added += other.added;
        self.replaced += other.replaced;
        self.unchanged += other.unchanged;
        self.entities += other.entities;
        self.events += other.events;
        self.triples += other.triples;
        self.bytes += other.bytes;
        self.skipped.extend(other.skipped);
        self.warnings.extend(other.warnings);
    }
}

/// The article files of the inputs, and about how many bytes they hold
/// (inputs that are no articles go to `skipped`).
pub fn input_files(paths: &[PathBuf], skipped: &mut Vec<Skipped>) -> (Vec<PathBuf>, u64) {
    let files = collect_inputs(paths, skipped);
    let total: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    (files, total)
}

/// Read the files in order, each article with its key ([`article_key`]) and
/// cut into parts, and hand them to `each` in batches of about
/// `opts.batch_bytes` of text, so that memory stays bounded. Unreadable
/// files go to `skipped`, what was noticed in reading to `warnings`.
pub fn read_batches(
    files: &[PathBuf],
    opts: &IngestOptions,
    skipped: &mut Vec<Skipped>,
    warnings: &mut Vec<String>,
    mut each: impl FnMut(Vec<(Article, String)>) -> Result<()>,
) -> Result<()> {
    let mut batch = Vec::new();
    let mut batch_bytes = 0;
    for f in files {
        match read_article(f, opts.published, opts.max_article_bytes, warnings) {
            Ok(a) => {
                let key = article_key(&a);
                for part in split_parts(a, key, "one graph", warnings) {
                    batch_bytes += part.0.text.len();
                    batch.push(part);
                    if batch_bytes >= opts.batch_bytes.max(1) {
                        each(std::mem::take(&mut batch))?;
                        batch_bytes = 0;
                    }
                }
            }
            Err(reason) => skipped.push(Skipped {
                source: f.display().to_string(),
                reason,
            }),
        }
    }
    if !batch.is_empty() {
        each(batch)?;
    }
    Ok(())
}

/// Ingest files, directories or stdin into the store, in batches of about
/// 2 MB of text so that memory stays bounded.
pub fn ingest(
    store: &Store,
    paths: &[PathBuf],
    extractor: &Extractor,
    opts: &IngestOptions,
    progress: &dyn Progress,
) -> Result<Summary> {
    let start = std::time::Instant::now();
    let mut skipped = Vec::new();
    let (files, total) = input_files(paths, &mut skipped);
    progress.start(total);
    let mut w = Writer {
        store,
        extractor,
        progress,
        labels: HashMap::new(),
        bulk_loads: 0,
        summary: Summary::default(),
    };
    // Read sequentially (stdin, error order), extract each batch in parallel.
    let mut warnings = Vec::new();
    read_batches(&files, opts, &mut skipped, &mut warnings, |batch| {
        w.write(batch)
    })?;
    w.summary.skipped = skipped;
    w.summary.warnings = warnings;
    progress.finish();
    if w.bulk_loads >= OPTIMIZE_AFTER_LOADS {
        progress.compacting(w.bulk_loads);
        store.optimize()?;
    }
    w.summary.seconds = start.elapsed().as_secs_f64();
    Ok(w.summary)
}

/// Ingest articles already read (and keyed, and cut into parts) by someone
/// else: `serve` ingests what a `newsgraph ingest` sends it, as one batch.
/// Returns the summary and whether the batch was bulk-loaded (each load
/// leaves files that [`Store::optimize`] merges).
pub fn ingest_parts(
    store: &Store,
    parts: Vec<(Article, String)>,
    extractor: &Extractor,
) -> Result<(Summary, bool)> {
    let start = std::time::Instant::now();
    let mut w = Writer {
        store,
        extractor,
        progress: &(),
        labels: HashMap::new(),
        bulk_loads: 0,
        summary: Summary::default(),
    };
    w.write(parts)?;
    w.summary.seconds = start.elapsed().as_secs_f64();
    Ok((w.summary, w.bulk_loads > 0))
}

/// Remove an article, named by its source (what `articles` lists) or its
/// graph IRI; returns (graph IRI, source), or `None` if no article is so
/// named.
pub fn remove(store: &Store, article: &str) -> Result<Option<(NamedNode, String)>> {
    let Some(target) = store
        .articles()?
        .into_iter()
        .find(|(iri, source)| iri.as_str() == article || *source == article)
    else {
        return Ok(None);
    };
    store.remove_article(&target.0)?;
    Ok(Some(target))
}
