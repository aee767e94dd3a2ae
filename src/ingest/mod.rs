//! Putting articles' extractions into the store: parallel extraction on all cores, one
//! transaction per changed article, the bulk loader for new ones.

use crate::error::Result;
use crate::extract::Extractor;
use crate::graph;
use crate::graph::ArticleGraph;
use crate::input::{
    collect_inputs, read_article, split_parts, JsonlReader, Published, Skipped,
    DEFAULT_MAX_ARTICLE_MB,
};
use crate::model::Article;
use crate::store::{Outcome, Store, UnionLabels};
use oxigraph::model::NamedNode;
use rayon::prelude::*;

mod load;
pub use load::load;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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

/// Ingest inputs into the store.
/// Text read, extracted and written per batch, so that memory stays bounded
/// however many articles a folder holds.
/// Default text per batch: extracted in parallel, then committed.
pub const BATCH_BYTES: usize = 2 << 20;

/// An ingest that bulk-loaded this many batches compacts the store at its
/// end, so that reads do not slow down with the files the loads left.
const OPTIMIZE_AFTER_LOADS: usize = 4;

/// Background compactions are off while an ingest bulk-loads; after this
/// many loads the store is compacted all the same, so that the files
/// waiting for it stay few (each read looks into every one of them).
const COMPACT_EVERY_LOADS: usize = 16;

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
    /// A batch of `articles` is committed, its phases took `times`;
    /// `so_far` counts the whole ingest.
    fn committed(&self, _articles: usize, _times: &BatchTimes, _so_far: &Summary) {}
    /// Everything is written.
    fn finish(&self) {}
    /// The store is being compacted after this many bulk loads.
    fn compacting(&self, _bulk_loads: usize) {}
}

impl Progress for () {}

/// Where one batch's time went (wall clock), for `ingest --verbose`.
#[derive(Debug, Clone, Copy, Default)]
pub struct BatchTimes {
    /// Extraction and RDF of the batch's articles, on all cores.
    pub extract: Duration,
    /// Looking up which articles the store holds, and writing changed ones.
    pub check: Duration,
    /// The bulk load of new articles (their union triples included).
    pub load: Duration,
    /// Recomputing the links and union triples the batch touched.
    pub relink: Duration,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            published: Published::Detect,
            max_article_bytes: DEFAULT_MAX_ARTICLE_MB * 1_000_000,
            batch_bytes: BATCH_BYTES,
        }
    }
}

/// State kept across the batches of one ingest or load.
struct Writer<'a> {
    store: &'a Store,
    /// `None` when loading graphs extracted elsewhere.
    extractor: Option<&'a Extractor>,
    progress: &'a dyn Progress,
    summary: Summary,
    /// Bulk loads done so far: each leaves files for [`Store::optimize`].
    bulk_loads: usize,
    /// Whether this writer switched the store's background compactions
    /// off (it switches them back on when dropped).
    compaction_paused: bool,
    /// The current batch's phases so far.
    times: BatchTimes,
    /// The union labels this writer has read or written.
    known: UnionLabels,
}

impl Drop for Writer<'_> {
    fn drop(&mut self) {
        if self.compaction_paused {
            // On an error path too. Failing, the store is only compacted
            // later: the setting does not outlive the open store.
            let _ = self.store.set_auto_compaction(true);
        }
    }
}

impl<'a> Writer<'a> {
    fn new(store: &'a Store, extractor: Option<&'a Extractor>, progress: &'a dyn Progress) -> Self {
        Writer {
            store,
            extractor,
            progress,
            summary: Summary::default(),
            bulk_loads: 0,
            compaction_paused: false,
            times: BatchTimes::default(),
            known: UnionLabels::default(),
        }
    }
}

impl Writer<'_> {
    /// Extract a batch in parallel and write it.
    fn write(&mut self, batch: Vec<(Article, String)>) -> Result<()> {
        let Some(extractor) = self.extractor else {
            return Err(crate::Error::Usage(
                "articles to extract, but no extractor".into(),
            ));
        };
        let progress = self.progress;
        let start = Instant::now();
        // Each article's graph is a function of the article alone; what
        // links articles is recomputed from the set of them once the batch
        // is written (`Store::relink`).
        let built: Vec<(usize, (usize, usize), ArticleGraph)> = batch
            .into_par_iter()
            .map(|(a, key)| {
                let x = extractor.extract_article(&a);
                progress.advance(a.text.len() as u64);
                let g = graph::article_graph(&a, &key, &x);
                // Only the counts of the extraction are kept past this point.
                (a.text.len(), (x.entities.len(), x.events.len()), g)
            })
            .collect();
        let mut graphs = Vec::with_capacity(built.len());
        for (bytes, (entities, events), g) in built {
            self.summary.bytes += bytes;
            self.summary.entities += entities;
            self.summary.events += events;
            graphs.push(g);
        }
        self.times.extract = start.elapsed();
        self.store_graphs(graphs)
    }

    /// Write article graphs: one transaction per changed article, the bulk
    /// loader for new ones, then the links recomputed.
    fn store_graphs(&mut self, graphs: Vec<ArticleGraph>) -> Result<()> {
        let n = graphs.len();
        let start = Instant::now();
        let mut fresh: Vec<ArticleGraph> = Vec::new();
        let summary = &mut self.summary;
        for g in graphs {
            summary.articles += 1;
            summary.triples += g.quads.len();
            if let Some(earlier) = fresh.iter_mut().find(|f| f.iri == g.iri) {
                // The same article twice in one batch: the later one wins,
                // as it would in two batches.
                if earlier.hash == g.hash {
                    summary.unchanged += 1;
                } else {
                    summary.replaced += 1;
                    *earlier = g;
                }
                continue;
            }
            match self.store.content_hash(&g.iri)? {
                None => {
                    summary.added += 1;
                    fresh.push(g);
                }
                Some(_) => match self.store.put_article(&g.iri, &g.hash, &g.quads)? {
                    Outcome::Added => summary.added += 1,
                    Outcome::Replaced => {
                        summary.replaced += 1;
                        self.known.forget_counts();
                    }
                    Outcome::Unchanged => summary.unchanged += 1,
                },
            }
        }
        self.times.check = start.elapsed();
        let start = Instant::now();
        if !fresh.is_empty() {
            if !self.compaction_paused {
                self.store.set_auto_compaction(false)?;
                self.compaction_paused = true;
            }
            // A new article's own resources are in no stored graph.
            self.known
                .absent(fresh.iter_mut().flat_map(|g| std::mem::take(&mut g.own)));
            self.store.bulk_load_known(
                fresh.into_iter().flat_map(|g| g.quads).collect(),
                &mut self.known,
            )?;
            self.bulk_loads += 1;
            if self.bulk_loads.is_multiple_of(COMPACT_EVERY_LOADS) {
                self.progress.compacting(self.bulk_loads);
                self.store.optimize()?;
            }
        }
        self.times.load = start.elapsed();
        let start = Instant::now();
        self.store.relink_known(&mut self.known)?;
        self.known.end_batch();
        self.times.relink = start.elapsed();
        // Announced only once the batch is in the store.
        self.progress.committed(n, &self.times, &self.summary);
        self.times = BatchTimes::default();
        Ok(())
    }

    /// The end of a run: compact after many bulk loads.
    fn finish(mut self, start: std::time::Instant) -> Result<Summary> {
        self.progress.finish();
        if self.bulk_loads >= OPTIMIZE_AFTER_LOADS
            && !self.bulk_loads.is_multiple_of(COMPACT_EVERY_LOADS)
        {
            self.progress.compacting(self.bulk_loads);
            self.store.optimize()?;
        }
        if self.compaction_paused {
            self.store.set_auto_compaction(true)?;
            self.compaction_paused = false;
        }
        self.summary.seconds = start.elapsed().as_secs_f64();
        Ok(std::mem::take(&mut self.summary))
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

/// Articles gathered into batches of about `batch_bytes` of text.
struct Batcher<F> {
    batch: Vec<(Article, String)>,
    bytes: usize,
    limit: usize,
    each: F,
}

impl<F: FnMut(Vec<(Article, String)>) -> Result<()>> Batcher<F> {
    fn new(limit: usize, each: F) -> Self {
        Batcher {
            batch: Vec::new(),
            bytes: 0,
            limit: limit.max(1),
            each,
        }
    }

    /// Add an article, cut into parts: a full batch goes to `each`.
    fn push(&mut self, a: Article, key: String, warnings: &mut Vec<String>) -> Result<()> {
        for part in split_parts(a, key, "one graph", warnings) {
            self.bytes += part.0.text.len();
            self.batch.push(part);
            if self.bytes >= self.limit {
                self.bytes = 0;
                (self.each)(std::mem::take(&mut self.batch))?;
            }
        }
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        (self.each)(self.batch)
    }
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
    each: impl FnMut(Vec<(Article, String)>) -> Result<()>,
) -> Result<()> {
    let mut batcher = Batcher::new(opts.batch_bytes, each);
    for f in files {
        match read_article(f, opts.published, opts.max_article_bytes, warnings) {
            Ok(a) => {
                let key = article_key(&a);
                batcher.push(a, key, warnings)?;
            }
            Err(reason) => skipped.push(Skipped {
                source: f.display().to_string(),
                reason,
            }),
        }
    }
    batcher.finish()
}

/// Read JSON Lines articles ([`JsonlReader`]; `name` says where from, for
/// the messages) and hand them to `each` in batches of about
/// `opts.batch_bytes` of text, each article keyed by its id and cut into
/// parts. A bad line goes to `skipped` as `NAME:LINE` and never stops the
/// stream.
pub fn read_jsonl_batches(
    input: impl std::io::BufRead,
    name: &str,
    opts: &IngestOptions,
    skipped: &mut Vec<Skipped>,
    warnings: &mut Vec<String>,
    each: impl FnMut(Vec<(Article, String)>) -> Result<()>,
) -> Result<()> {
    let mut batcher = Batcher::new(opts.batch_bytes, each);
    let mut reader = JsonlReader::new(input, opts.max_article_bytes);
    while let Some(rec) = reader
        .next_record(warnings)
        .map_err(|e| crate::Error::io(name, e))?
    {
        match rec.article {
            Ok((a, key)) => batcher.push(a, key, warnings)?,
            Err(reason) => skipped.push(Skipped {
                source: format!("{name}:{}", rec.line),
                reason,
            }),
        }
    }
    batcher.finish()
}

/// Extract a batch of articles on all cores, in order (what `extract
/// --jsonl` writes, batch by batch).
pub fn extract_batch(
    extractor: &Extractor,
    batch: Vec<(Article, String)>,
) -> Vec<(Article, String, crate::model::Extraction)> {
    batch
        .into_par_iter()
        .map(|(a, key)| {
            let x = extractor.extract_article(&a);
            (a, key, x)
        })
        .collect()
}

/// Ingest JSON Lines articles (`{"id", "published", "text"}`, one a line)
/// into the store: an article's identity is its id.
pub fn ingest_jsonl(
    store: &Store,
    input: impl std::io::BufRead,
    name: &str,
    extractor: &Extractor,
    opts: &IngestOptions,
    progress: &dyn Progress,
) -> Result<Summary> {
    let start = std::time::Instant::now();
    let mut w = Writer::new(store, Some(extractor), progress);
    let (mut skipped, mut warnings) = (Vec::new(), Vec::new());
    read_jsonl_batches(input, name, opts, &mut skipped, &mut warnings, |batch| {
        w.write(batch)
    })?;
    w.summary.skipped = skipped;
    w.summary.warnings = warnings;
    w.finish(start)
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
    let mut w = Writer::new(store, Some(extractor), progress);
    // Read sequentially (stdin, error order), extract each batch in parallel.
    let mut warnings = Vec::new();
    read_batches(&files, opts, &mut skipped, &mut warnings, |batch| {
        w.write(batch)
    })?;
    w.summary.skipped = skipped;
    w.summary.warnings = warnings;
    w.finish(start)
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
    let mut w = Writer::new(store, Some(extractor), &());
    w.write(parts)?;
    let loaded = w.bulk_loads > 0;
    w.summary.seconds = start.elapsed().as_secs_f64();
    Ok((std::mem::take(&mut w.summary), loaded))
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
    store.relink()?;
    Ok(Some(target))
}
