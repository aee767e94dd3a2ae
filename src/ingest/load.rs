//! `load`: article graphs from N-Quads shards (what `extract --jsonl
//! --format nquads` writes, or an `export --format nquads`) into the store,
//! as `ingest` would write them: an unchanged article is left alone, a
//! changed one replaces its graph, new ones go in with the bulk loader, and
//! the cross-article links and the union graph are recomputed from the set
//! of articles. So shards loaded in any split and any order give the store
//! an ingest of the same articles gives.

use super::{Progress, Summary, Writer};
use crate::error::{Error, Result};
use crate::graph::links::{is_article_graph, LINKS_GRAPH};
use crate::graph::vocab::ng;
use crate::graph::ArticleGraph;
use crate::input::Skipped;
use crate::store::{Store, ONTOLOGY_GRAPH, UNION_GRAPH};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term};
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

/// N-Quads read per batch, per byte of article text an ingest batch holds
/// (an article's quads are about ten times its text).
const NQUADS_PER_TEXT_BYTE: usize = 16;

/// About the size of a quad as an N-Quads line.
fn quad_bytes(q: &Quad) -> usize {
    let term = |t: &Term| match t {
        Term::Literal(l) => l.value().len() + 2,
        Term::NamedNode(n) => n.as_str().len() + 2,
        _ => 16,
    };
    q.subject.to_string().len() + q.predicate.as_str().len() + term(&q.object) + 64
}

/// The article graph being read: the run of quads in one graph.
struct Pending {
    graph: NamedNode,
    quads: Vec<Quad>,
    damaged: bool,
}

/// Load N-Quads files (`-` for stdin) into the store, about
/// `batch_bytes × 16` bytes of N-Quads at a time. Each article graph must
/// come whole, as one run of quads (as `extract` and `export` write them);
/// quads of the links, union and ontology graphs are left out (the store
/// recomputes the first two and bundles the third); anything else, and a
/// graph with a syntax error in it, is skipped.
pub fn load(
    store: &Store,
    files: &[PathBuf],
    batch_bytes: usize,
    progress: &dyn Progress,
) -> Result<Summary> {
    let start = std::time::Instant::now();
    let total = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    progress.start(total);
    let mut w = Writer::new(store, None, progress);
    let limit = batch_bytes.max(1).saturating_mul(NQUADS_PER_TEXT_BYTE);
    let mut skipped = Vec::new();
    for f in files {
        let name = f.display().to_string();
        let input: Box<dyn Read> = if f == Path::new("-") {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(std::fs::File::open(f).map_err(|e| Error::io(f, e))?)
        };
        let input = BufReader::with_capacity(1 << 16, input);
        load_one(&mut w, input, &name, limit, &mut skipped)?;
    }
    w.summary.skipped = skipped;
    w.finish(start)
}

fn load_one(
    w: &mut Writer<'_>,
    input: impl Read,
    name: &str,
    limit: usize,
    skipped: &mut Vec<Skipped>,
) -> Result<()> {
    let mut batch: Vec<ArticleGraph> = Vec::new();
    let mut batch_bytes = 0usize;
    let mut current: Option<Pending> = None;
    let mut outside = 0usize;
    for q in RdfParser::from_format(RdfFormat::NQuads).for_reader(input) {
        let q = match q {
            Ok(q) => q,
            Err(e) => {
                match e {
                    oxigraph::io::RdfParseError::Io(e) => return Err(Error::io(name, e)),
                    oxigraph::io::RdfParseError::Syntax(e) => {
                        skipped.push(Skipped {
                            source: name.to_string(),
                            reason: format!("N-Quads syntax error: {e}").into(),
                        });
                        if let Some(c) = current.as_mut() {
                            c.damaged = true;
                        }
                    }
                }
                continue;
            }
        };
        let GraphName::NamedNode(g) = &q.graph_name else {
            outside += 1;
            continue;
        };
        if !is_article_graph(g.as_str()) {
            if ![LINKS_GRAPH, UNION_GRAPH, ONTOLOGY_GRAPH].contains(&g.as_str()) {
                outside += 1;
            }
            continue;
        }
        if current.as_ref().is_some_and(|c| c.graph != *g) {
            finish_graph(current.take(), name, &mut batch, skipped);
            if batch_bytes >= limit {
                w.progress.advance(batch_bytes as u64);
                batch_bytes = 0;
                w.store_graphs(std::mem::take(&mut batch))?;
            }
        }
        batch_bytes += quad_bytes(&q);
        current
            .get_or_insert_with(|| Pending {
                graph: g.clone(),
                quads: Vec::new(),
                damaged: false,
            })
            .quads
            .push(q);
    }
    finish_graph(current.take(), name, &mut batch, skipped);
    w.progress.advance(batch_bytes as u64);
    if !batch.is_empty() {
        w.store_graphs(batch)?;
    }
    if outside > 0 {
        skipped.push(Skipped {
            source: name.to_string(),
            reason: format!("{outside} quads outside article graphs (not loaded)").into(),
        });
    }
    Ok(())
}

/// An article graph read whole: its hash is its `ng:contentHash`.
fn finish_graph(
    current: Option<Pending>,
    name: &str,
    batch: &mut Vec<ArticleGraph>,
    skipped: &mut Vec<Skipped>,
) {
    let Some(Pending {
        graph,
        quads,
        damaged,
    }) = current
    else {
        return;
    };
    if damaged {
        skipped.push(Skipped {
            source: format!("{name}: {}", graph.as_str()),
            reason: "the graph has a syntax error: not loaded".into(),
        });
        return;
    }
    let hash = quads.iter().find_map(|q| match (&q.subject, &q.object) {
        (NamedOrBlankNode::NamedNode(s), Term::Literal(l))
            if *s == graph && q.predicate.as_ref() == ng::CONTENT_HASH =>
        {
            Some(l.value().to_string())
        }
        _ => None,
    });
    match hash {
        Some(hash) => batch.push(ArticleGraph {
            iri: graph,
            hash,
            quads,
            // Not known of graphs made elsewhere: looked up in the store.
            own: Vec::new(),
        }),
        None => skipped.push(Skipped {
            source: format!("{name}: {}", graph.as_str()),
            reason: "no ng:contentHash: not an article graph as newsgraph writes it".into(),
        }),
    }
}
