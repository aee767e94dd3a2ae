//! The only module that opens, writes and queries the Oxigraph store.
//!
//! Each article is one named graph. Its identity is its *key* (the
//! canonical path of its file, or the hash of its text for stdin); the
//! graph keeps `ng:contentHash` so that re-ingesting an unchanged article
//! does nothing and a changed one replaces its old graph, in one
//! transaction.

mod links;
mod lock;
mod order;
mod sparql;

pub use links::{Relinked, UnionLabels};

use crate::error::{Error, Result};
use crate::graph::vocab::ng;
use lock::lock;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store as OxStore;
use sparql::bind_parameters;
use std::io::Write;
use std::path::{Path, PathBuf};

// The store's own SPARQL (queries/store/), embedded.
const COUNT_BY_TYPE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/queries/store/count-by-type.rq"
));

pub struct Store {
    inner: OxStore,
    path: PathBuf,
    /// The lock on the store directory, held as long as the store is open
    /// (declared after `inner`, so released after RocksDB is closed).
    _lock: Option<std::fs::File>,
}

/// What happened to an article on ingest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Added,
    Replaced,
    Unchanged,
}

/// Counts by type (`newsgraph stats`).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Stats {
    pub articles: usize,
    pub triples: usize,
    pub quads: usize,
    pub by_type: Vec<(String, usize)>,
}

impl Store {
    /// Open (creating if needed) a store for reading and writing. Fails
    /// with [`Error::Busy`] while another newsgraph process uses it.
    pub fn open(path: &Path) -> Result<Self> {
        std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
        let lock = lock(path, true)?;
        let inner = Self::open_on_disk(path, false).map_err(|source| Error::StoreOpen {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Self {
            inner,
            path: path.to_path_buf(),
            _lock: lock,
        })
    }

    /// Open an existing store read-only. Fails with [`Error::Busy`] while
    /// another newsgraph process writes it.
    pub fn open_read_only(path: &Path) -> Result<Self> {
        if !path.exists() {
            return Err(Error::NoStore(path.to_path_buf()));
        }
        let lock = lock(path, false)?;
        let inner = Self::open_on_disk(path, true).map_err(|source| Error::StoreOpen {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Self {
            inner,
            path: path.to_path_buf(),
            _lock: lock,
        })
    }

    #[cfg(feature = "rocksdb")]
    fn open_on_disk(
        path: &Path,
        read_only: bool,
    ) -> std::result::Result<OxStore, oxigraph::store::StorageError> {
        if read_only {
            OxStore::open_read_only(path)
        } else {
            OxStore::open(path)
        }
    }

    /// Without the `rocksdb` feature there is no on-disk store.
    #[cfg(not(feature = "rocksdb"))]
    fn open_on_disk(
        _path: &Path,
        _read_only: bool,
    ) -> std::result::Result<OxStore, oxigraph::store::StorageError> {
        Err(oxigraph::store::StorageError::Other(
            "this newsgraph was built without the `rocksdb` feature: no on-disk store".into(),
        ))
    }

    /// An in-memory store (tests, `extract --format turtle`).
    pub fn in_memory() -> Result<Self> {
        Ok(Self {
            inner: OxStore::new()?,
            path: PathBuf::from(":memory:"),
            _lock: None,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The stored content hash of an article graph, if it exists.
    pub fn content_hash(&self, graph: &NamedNode) -> Result<Option<String>> {
        let g = GraphNameRef::NamedNode(graph.as_ref());
        for q in self.inner.quads_for_pattern(
            Some(graph.as_ref().into()),
            Some(ng::CONTENT_HASH),
            None,
            Some(g),
        ) {
            if let Term::Literal(l) = q?.object {
                return Ok(Some(l.value().to_string()));
            }
        }
        Ok(None)
    }

    /// Write one article's graph atomically: nothing if its hash is
    /// unchanged, else replace whatever the graph held. The resources it
    /// named and names are marked for [`Store::relink`] in the same
    /// transaction.
    pub fn put_article(&self, graph: &NamedNode, hash: &str, quads: &[Quad]) -> Result<Outcome> {
        let old = self.content_hash(graph)?;
        if old.as_deref() == Some(hash) {
            return Ok(Outcome::Unchanged);
        }
        let mut tx = self.inner.start_transaction()?;
        let mut touched = links::named_resources(quads);
        if old.is_some() {
            touched.extend(drop_graph(&mut tx, graph)?);
        }
        tx.insert_named_graph(graph.as_ref());
        for q in quads {
            tx.insert(q.as_ref());
        }
        for q in links::pending_quads(&touched) {
            tx.insert(&q);
        }
        tx.commit()?;
        Ok(if old.is_some() {
            Outcome::Replaced
        } else {
            Outcome::Added
        })
    }

    /// Load many new article graphs at once with the bulk loader, with the
    /// marks of the resources they name for [`Store::relink`] (all or
    /// nothing).
    ///
    /// Their union-graph triples go in with them, under the links the store
    /// will have with them in (a new article's triple is a union triple as
    /// it is, its resources written as those they are linked to), so that
    /// [`Store::relink`] recomputes only labels and what the links touch.
    pub fn bulk_load(&self, quads: Vec<Quad>) -> Result<()> {
        self.bulk_load_known(quads, &mut UnionLabels::default())
    }

    /// [`Store::bulk_load`], for a writer that keeps what it knows of the
    /// union labels from one load to the next (with
    /// [`Store::relink_known`]).
    pub fn bulk_load_known(&self, quads: Vec<Quad>, known: &mut UnionLabels) -> Result<()> {
        let extra = links::union_copies(&self.inner, &quads, known)?;
        // One part per thread: each part the loader cuts is a set of files
        // RocksDB has to merge into what it holds, so fewer and larger
        // parts leave it less to compact. (The loader sizes a part as
        // megabytes × 1000 / threads quads.)
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let per_thread = (quads.len() + extra.len()).div_ceil(threads);
        let mut loader = self
            .inner
            .bulk_loader()
            .with_num_threads(threads)
            .with_max_memory_size_in_megabytes((per_thread * threads).div_ceil(1000).max(1));
        loader.load_quads(quads.into_iter().chain(extra))?;
        loader.commit()?;
        Ok(())
    }

    /// Switch RocksDB's background compactions off (`false`) for a run of
    /// bulk loads, or back on. Left on, every load's files were merged
    /// into the store's by compactions that competed with the next batch
    /// for the cores and rewrote the same data again and again; off, the
    /// loads' files wait for one [`Store::optimize`]. The setting lasts
    /// until the store is closed.
    pub fn set_auto_compaction(&self, enabled: bool) -> Result<()> {
        #[cfg(feature = "rocksdb")]
        if self.path != Path::new(":memory:") {
            self.inner.set_auto_compaction(enabled)?;
        }
        #[cfg(not(feature = "rocksdb"))]
        let _ = enabled;
        Ok(())
    }

    /// Compact the store's files. Each bulk load adds files of its own that
    /// RocksDB does not merge by itself, and every read has to look into all
    /// of them: after many loads, this makes reads fast again.
    pub fn optimize(&self) -> Result<()> {
        #[cfg(feature = "rocksdb")]
        if self.path != Path::new(":memory:") {
            self.inner.optimize()?;
        }
        Ok(())
    }

    /// Remove an article graph (the resources it named marked for
    /// [`Store::relink`]); returns whether it existed.
    pub fn remove_article(&self, graph: &NamedNode) -> Result<bool> {
        if !self.inner.contains_named_graph(graph.as_ref())? {
            return Ok(false);
        }
        let mut tx = self.inner.start_transaction()?;
        let touched = drop_graph(&mut tx, graph)?;
        for q in links::pending_quads(&touched) {
            tx.insert(&q);
        }
        tx.commit()?;
        Ok(true)
    }

    /// Article graphs (IRI, source) in the store.
    pub fn articles(&self) -> Result<Vec<(NamedNode, String)>> {
        let mut out = Vec::new();
        let union = union_graph();
        for q in self
            .inner
            .quads_for_pattern(None, Some(ng::SOURCE), None, None)
        {
            let q = q?;
            if q.graph_name == GraphName::NamedNode(union.clone()) {
                continue;
            }
            if let (oxigraph::model::NamedOrBlankNode::NamedNode(s), Term::Literal(l)) =
                (q.subject, q.object)
            {
                out.push((s, l.value().to_string()));
            }
        }
        Ok(out)
    }

    /// Article graphs with their content hashes, in IRI order.
    pub fn article_hashes(&self) -> Result<Vec<(NamedNode, String)>> {
        let mut out = Vec::new();
        for q in self
            .inner
            .quads_for_pattern(None, Some(ng::CONTENT_HASH), None, None)
        {
            let q = q?;
            if let (
                GraphName::NamedNode(g),
                oxigraph::model::NamedOrBlankNode::NamedNode(s),
                Term::Literal(l),
            ) = (&q.graph_name, &q.subject, &q.object)
            {
                if g == s && crate::graph::links::is_article_graph(g.as_str()) {
                    out.push((g.clone(), l.value().to_string()));
                }
            }
        }
        out.sort();
        Ok(out)
    }

    /// The triples of one graph of the store (an article's, the links or
    /// the union graph) as N-Triples; returns how many.
    pub fn write_graph(&self, graph: &NamedNode, out: impl Write) -> Result<usize> {
        let mut w = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(out);
        let mut n = 0;
        for q in self.inner.quads_for_pattern(
            None,
            None,
            None,
            Some(GraphNameRef::NamedNode(graph.as_ref())),
        ) {
            let t = oxigraph::model::Triple::from(q?);
            w.serialize_triple(&t).map_err(Error::Serialize)?;
            n += 1;
        }
        w.finish().map_err(Error::Serialize)?;
        Ok(n)
    }

    /// Run a read query over the union of the article graphs, with
    /// parameters bound as RDF terms (never pasted into the text).
    pub fn select(
        &self,
        name: &str,
        sparql: &str,
        params: &[(String, Term)],
    ) -> Result<QueryResults<'_>> {
        self.select_with_timeout(name, sparql, params, None)
    }

    /// [`Store::select`], cancelled after `timeout` (while it is evaluated
    /// or its results are read).
    pub fn select_with_timeout(
        &self,
        name: &str,
        sparql: &str,
        params: &[(String, Term)],
        timeout: Option<std::time::Duration>,
    ) -> Result<QueryResults<'_>> {
        self.execute(parse_query(name, sparql)?, params, timeout, None)
    }

    /// Run a parsed read query ([`parse_query`]) with parameters bound in
    /// its algebra, cancelled after `timeout`. Its default graph is the
    /// union graph unless `dataset` names the graphs (the SPARQL protocol's
    /// `default-graph-uri` and `named-graph-uri`).
    pub fn execute(
        &self,
        query: spargebra::Query,
        params: &[(String, Term)],
        timeout: Option<std::time::Duration>,
        dataset: Option<&Dataset>,
    ) -> Result<QueryResults<'_>> {
        let query = bind_parameters(query, params)?;
        let (query, order) = order::take_order(query);
        // Built without Oxigraph's http-client feature: SERVICE clauses
        // never reach the network (and `parse_query` refuses them).
        let mut evaluator = SparqlEvaluator::new();
        if let Some(t) = timeout {
            let token = oxigraph::sparql::CancellationToken::new();
            evaluator = evaluator.with_cancellation_token(token.clone());
            std::thread::spawn(move || {
                std::thread::sleep(t);
                token.cancel();
            });
        }
        let mut prepared = evaluator.for_query(query);
        match dataset {
            Some(d) => {
                prepared.dataset_mut().set_default_graph(
                    d.default
                        .iter()
                        .map(|g| GraphName::NamedNode(g.clone()))
                        .collect(),
                );
                prepared
                    .dataset_mut()
                    .set_available_named_graphs(d.named.iter().map(|g| g.clone().into()).collect());
            }
            // The default graph is the union graph: every triple once,
            // however many articles state it.
            None => prepared
                .dataset_mut()
                .set_default_graph(vec![GraphName::NamedNode(union_graph())]),
        }
        let results = prepared
            .on_store(&self.inner)
            .execute()
            .map_err(Error::from_evaluation)?;
        Ok(match (order, results) {
            (Some(order), QueryResults::Solutions(s)) => QueryResults::Solutions(order.apply(s)),
            (_, results) => results,
        })
    }

    /// Run a CONSTRUCT (or DESCRIBE) query over the union graph.
    pub fn construct(&self, name: &str, sparql: &str) -> Result<Vec<oxigraph::model::Triple>> {
        match self.select_with_timeout(name, sparql, &[], None)? {
            QueryResults::Graph(triples) => Ok(triples.collect::<std::result::Result<_, _>>()?),
            _ => Err(Error::Usage(format!(
                "{name} is not a CONSTRUCT or DESCRIBE query: only those can be drawn"
            ))),
        }
    }

    /// Stream the whole store in an RDF format. Triple formats get the
    /// union of the article graphs (each triple once).
    pub fn export(&self, format: RdfFormat, out: impl Write) -> Result<()> {
        let mut ser = RdfSerializer::from_format(format);
        for (p, iri) in crate::graph::vocab::PREFIXES {
            ser = ser
                .with_prefix(*p, *iri)
                .map_err(|e| Error::Usage(e.to_string()))?;
        }
        let mut w = ser.for_writer(out);
        let union = GraphName::NamedNode(union_graph());
        let pending = GraphName::NamedNode(links::pending_graph());
        if format.supports_datasets() {
            // One named graph per article, streamed from the store, the
            // cross-article links, and the ontology in a graph of its own
            // (the derived union graph is left out).
            for q in self.inner.iter() {
                let q = q?;
                if q.graph_name != union && q.graph_name != pending {
                    w.serialize_quad(&q).map_err(Error::Serialize)?;
                }
            }
            for q in ontology_quads()? {
                w.serialize_quad(&q).map_err(Error::Serialize)?;
            }
        } else {
            // Streamed, in constant memory: each triple once.
            for t in self.triples() {
                w.serialize_triple(&t?).map_err(Error::Serialize)?;
            }
        }
        w.finish().map_err(Error::Serialize)?;
        Ok(())
    }

    /// The store as triples, each once: the union graph (what is said of
    /// the shared resources, linked) and the articles' own triples (each
    /// article and its mentions: text, offsets), which stay in their
    /// article's graph.
    pub fn triples(&self) -> impl Iterator<Item = Result<oxigraph::model::Triple>> + '_ {
        let union = GraphName::NamedNode(union_graph());
        let local = |s: &oxigraph::model::NamedOrBlankNode| {
            matches!(s, oxigraph::model::NamedOrBlankNode::NamedNode(n)
                if crate::graph::links::is_article_local(n.as_str()))
        };
        let shared = self
            .inner
            .quads_for_pattern(None, None, None, Some(union.as_ref()))
            // A store written by an earlier build also holds the articles'
            // own triples in the union graph: they come from the articles.
            .filter(move |q| !q.as_ref().is_ok_and(|q| local(&q.subject)));
        let own = self.inner.iter().filter(move |q| {
            q.as_ref().map_or(true, |q| {
                local(&q.subject)
                    && matches!(&q.graph_name, GraphName::NamedNode(g)
                        if crate::graph::links::is_article_graph(g.as_str()))
            })
        });
        shared
            .chain(own)
            .map(|q| Ok(oxigraph::model::Triple::from(q?)))
    }

    /// Counts of articles, triples and things by type.
    pub fn stats(&self) -> Result<Stats> {
        let union = union_graph();
        let in_union = self
            .inner
            .quads_for_pattern(None, None, None, Some(union.as_ref().into()))
            .count();
        let triples = self.triples().count();
        let pending = links::pending_graph();
        let marks = self
            .inner
            .quads_for_pattern(None, None, None, Some(pending.as_ref().into()))
            .count();
        let mut stats = Stats {
            triples,
            // What `export` writes as quads, less the ontology.
            quads: self.inner.len()? - in_union - marks,
            ..Stats::default()
        };
        stats.articles = self.articles()?.len();
        let q = COUNT_BY_TYPE;
        if let QueryResults::Solutions(s) = self.select("stats", q, &[])? {
            for sol in s {
                let sol = sol?;
                if let (Some(Term::NamedNode(t)), Some(Term::Literal(n))) =
                    (sol.get("type"), sol.get("n"))
                {
                    stats.by_type.push((
                        crate::graph::vocab::compact_iri(t.as_str()),
                        n.value().parse().unwrap_or(0),
                    ));
                }
            }
        }
        Ok(stats)
    }
}

/// The graphs a query reads, as the SPARQL protocol names them.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Merged into the default graph.
    pub default: Vec<NamedNode>,
    /// Available to `GRAPH`.
    pub named: Vec<NamedNode>,
}

/// Parse a read query: a syntax error says where, an update or a `SERVICE`
/// call is refused (newsgraph runs read queries and makes no requests).
pub fn parse_query(name: &str, sparql: &str) -> Result<spargebra::Query> {
    let query = match spargebra::SparqlParser::new().parse_query(sparql) {
        Ok(q) => q,
        Err(source) => {
            if spargebra::SparqlParser::new().parse_update(sparql).is_ok() {
                return Err(Error::Update(name.to_string()));
            }
            return Err(Error::query_syntax(name, &source));
        }
    };
    if sparql::uses_service(&query) {
        return Err(Error::Service(name.to_string()));
    }
    Ok(query)
}

/// The graph holding every triple of every article once: the default graph
/// of queries and the source of triple-format exports.
pub const UNION_GRAPH: &str = "https://w3id.org/newsgraph/id/graph/union";

pub(crate) fn union_graph() -> NamedNode {
    NamedNode::new_unchecked(UNION_GRAPH)
}

/// Remove an article graph inside a transaction; returns the resources it
/// named (the union graph is recomputed for them by [`Store::relink`]).
fn drop_graph(
    tx: &mut oxigraph::store::Transaction<'_>,
    graph: &NamedNode,
) -> Result<std::collections::BTreeSet<NamedNode>> {
    let old: Vec<Quad> = tx
        .quads_for_pattern(
            None,
            None,
            None,
            Some(GraphNameRef::NamedNode(graph.as_ref())),
        )
        .collect::<std::result::Result<_, _>>()?;
    tx.remove_named_graph(graph.as_ref())?;
    Ok(links::named_resources(&old))
}

/// The IRI of the graph the ontology is exported in.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/newsgraph/ontology";

/// The bundled ontology as quads in [`ONTOLOGY_GRAPH`].
pub fn ontology_quads() -> Result<Vec<Quad>> {
    let graph = NamedNode::new_unchecked(ONTOLOGY_GRAPH);
    oxigraph::io::RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/ontology/newsgraph.ttl"
        )))
        .map(|q| q.map(|q| Quad::new(q.subject, q.predicate, q.object, graph.clone())))
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| Error::Data {
            file: "ontology/newsgraph.ttl".into(),
            line: 0,
            message: e.to_string(),
        })
}

/// A plain string parameter as an RDF literal.
pub fn string_param(v: &str) -> Term {
    Literal::new_simple_literal(v).into()
}
