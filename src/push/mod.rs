//! `push`: the store's graphs into a production SPARQL store over the
//! SPARQL 1.1 Graph Store HTTP Protocol. Each article graph, the links
//! graph and the ontology graph is sent with `PUT` (replacing what the
//! remote graph held); with `union`, the union graph too, as the remote's
//! default graph (or, for stores without one, as a named graph queries name
//! as their default). What differs between stores is in [`Profile`].
//!
//! A push is resumable: the content hash of each graph sent is kept, per
//! remote, in the store's `push/` folder, so the next push sends only what
//! changed (and deletes the graphs of removed articles). Every status is
//! checked; 5xx answers and connection errors are retried with backoff;
//! where the store answers SPARQL, its counts of article graphs and
//! triples are compared with the local ones at the end.

mod http;

pub use http::Auth;

use crate::error::{Error, Result};
use crate::graph::links::LINKS_GRAPH;
use crate::store::{ontology_quads, Store, ONTOLOGY_GRAPH, UNION_GRAPH};
use http::{Client, Req};
use oxigraph::model::NamedNode;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

/// The remote store's SPARQL for the counts (queries/push/).
const COUNT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/queries/push/count.rq"
));

/// What differs between SPARQL stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// `oxigraph serve`: GSP at `/store`, SPARQL at `/query`.
    Oxigraph,
    /// Virtuoso 7: GSP at `/sparql-graph-crud-auth?graph-uri=` (Digest
    /// auth), SPARQL at `/sparql`; no writable default graph.
    Virtuoso,
    /// Apache Jena Fuseki, URL `http://HOST:3030/DATASET`: `/data?graph=`, `/sparql`.
    Fuseki,
    /// GraphDB, URL `http://HOST:7200/repositories/REPO`: `/rdf-graphs/service?graph=`.
    Graphdb,
    /// Amazon Neptune: `/sparql/gsp/?graph=`, `/sparql`.
    Neptune,
    /// QLever: `?graph=` on the endpoint itself, with an access token.
    Qlever,
}

impl Profile {
    pub const ALL: [Profile; 6] = [
        Profile::Oxigraph,
        Profile::Virtuoso,
        Profile::Fuseki,
        Profile::Graphdb,
        Profile::Neptune,
        Profile::Qlever,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Profile::Oxigraph => "oxigraph",
            Profile::Virtuoso => "virtuoso",
            Profile::Fuseki => "fuseki",
            Profile::Graphdb => "graphdb",
            Profile::Neptune => "neptune",
            Profile::Qlever => "qlever",
        }
    }

    /// The Graph Store endpoint and the name of its graph parameter.
    fn gsp(self, base: &str) -> (String, &'static str) {
        match self {
            Profile::Oxigraph => (format!("{base}/store"), "graph"),
            Profile::Virtuoso => (format!("{base}/sparql-graph-crud-auth"), "graph-uri"),
            Profile::Fuseki => (format!("{base}/data"), "graph"),
            Profile::Graphdb => (format!("{base}/rdf-graphs/service"), "graph"),
            Profile::Neptune => (format!("{base}/sparql/gsp/"), "graph"),
            Profile::Qlever => (base.to_string(), "graph"),
        }
    }

    /// The URL of a graph (`None`: the default graph) in the Graph Store.
    pub fn graph_url(self, base: &str, graph: Option<&str>) -> String {
        let (endpoint, param) = self.gsp(base.trim_end_matches('/'));
        match graph {
            Some(g) => {
                let enc: String = form_urlencoded::byte_serialize(g.as_bytes()).collect();
                format!("{endpoint}?{param}={enc}")
            }
            None => format!("{endpoint}?default"),
        }
    }

    /// The store's SPARQL endpoint.
    pub fn sparql_url(self, base: &str) -> String {
        let base = base.trim_end_matches('/');
        match self {
            Profile::Oxigraph => format!("{base}/query"),
            Profile::Virtuoso | Profile::Fuseki | Profile::Neptune => format!("{base}/sparql"),
            Profile::Graphdb | Profile::Qlever => base.to_string(),
        }
    }

    /// Whether the store has a writable default graph for the union graph;
    /// if not, the union graph is sent as the named graph
    /// [`UNION_GRAPH`], which queries name with `default-graph-uri`.
    pub fn writable_default_graph(self) -> bool {
        !matches!(self, Profile::Virtuoso | Profile::Neptune)
    }

    /// Whether one N-Quads POST may carry many graphs (Virtuoso 7.2's
    /// Graph Store cannot); `push` sends one graph per request anyway, so
    /// that each is replaced whole and retried alone.
    pub fn many_graphs_per_request(self) -> bool {
        !matches!(self, Profile::Virtuoso)
    }
}

/// How one push runs.
#[derive(Debug, Clone)]
pub struct PushOptions {
    pub profile: Profile,
    pub auth: Auth,
    /// Send the union graph too (as the default graph).
    pub union: bool,
    /// Retries of a request after a 5xx answer or a connection error.
    pub retries: u32,
}

/// What a push tells as it goes.
pub trait PushProgress: Sync {
    /// This many graphs are to be sent (the others are unchanged).
    fn start(&self, _to_send: usize) {}
    /// One more graph is in the remote store.
    fn sent(&self, _graph: &str, _triples: usize) {}
}

impl PushProgress for () {}

/// What a push did.
#[derive(Debug, Clone, Default)]
pub struct PushSummary {
    /// Article graphs in the local store.
    pub articles: usize,
    /// Graphs sent (articles, links, ontology, union).
    pub sent: usize,
    /// Graphs the remote already had as they are.
    pub unchanged: usize,
    /// Graphs of removed articles deleted from the remote.
    pub deleted: usize,
    /// Triples sent.
    pub triples: usize,
    /// Article graphs and their triples here.
    pub local: (usize, usize),
    /// The same counts in the remote store, where it answers SPARQL.
    pub remote: Option<(usize, usize)>,
    pub seconds: f64,
}

/// What was sent to one remote: graph → (hash, triples).
struct Sent {
    file: PathBuf,
    graphs: BTreeMap<String, (String, usize)>,
}

impl Sent {
    fn open(store: &Store, url: &str) -> Result<Sent> {
        let dir = store.path().join("push");
        let name: String = Sha256::digest(url.as_bytes())
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect();
        let file = dir.join(format!("{name}.tsv"));
        let mut graphs = BTreeMap::new();
        if let Ok(text) = std::fs::read_to_string(&file) {
            for line in text.lines() {
                let mut f = line.split('\t');
                if let (Some(g), Some(h), Some(n)) = (f.next(), f.next(), f.next()) {
                    if h == "-" {
                        graphs.remove(g);
                    } else {
                        graphs.insert(g.to_string(), (h.to_string(), n.parse().unwrap_or(0)));
                    }
                }
            }
        } else {
            std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
            std::fs::write(
                &file,
                format!("# newsgraph push to {url}: graph, hash, triples\n"),
            )
            .map_err(|e| Error::io(&file, e))?;
        }
        Ok(Sent { file, graphs })
    }

    /// Record a graph as sent (or deleted, hash `-`), at once: an
    /// interrupted push resumes after it.
    fn record(&mut self, graph: &str, hash: &str, triples: usize) -> Result<()> {
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&self.file)
            .map_err(|e| Error::io(&self.file, e))?;
        writeln!(f, "{graph}\t{hash}\t{triples}").map_err(|e| Error::io(&self.file, e))?;
        if hash == "-" {
            self.graphs.remove(graph);
        } else {
            self.graphs
                .insert(graph.to_string(), (hash.to_string(), triples));
        }
        Ok(())
    }
}

/// A graph to send: its IRI (`None`: the default graph), the name it is
/// recorded under, its N-Triples and their hash.
struct Outgoing {
    target: Option<String>,
    name: String,
    body: Vec<u8>,
    triples: usize,
}

fn hash_of(body: &[u8]) -> String {
    Sha256::digest(body)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Push the store to the SPARQL store at `url`.
pub fn push(
    store: &Store,
    url: &str,
    opts: &PushOptions,
    progress: &dyn PushProgress,
) -> Result<PushSummary> {
    let start = std::time::Instant::now();
    let client = Client::new(opts.auth.clone(), opts.retries);
    let mut sent = Sent::open(store, url)?;
    let articles = store.article_hashes()?;
    let mut summary = PushSummary {
        articles: articles.len(),
        ..PushSummary::default()
    };
    // Article graphs are known by their content hash; the others are
    // serialized to be compared.
    let mut extra = Vec::new();
    let links = NamedNode::new_unchecked(LINKS_GRAPH);
    extra.push(serialized(store, &links, Some(LINKS_GRAPH.to_string()))?);
    let mut ontology = oxigraph::io::RdfSerializer::from_format(oxigraph::io::RdfFormat::NTriples)
        .for_writer(Vec::new());
    let onto = ontology_quads()?;
    for q in &onto {
        ontology
            .serialize_triple(&oxigraph::model::Triple::from(q.clone()))
            .map_err(Error::Serialize)?;
    }
    extra.push(Outgoing {
        target: Some(ONTOLOGY_GRAPH.to_string()),
        name: ONTOLOGY_GRAPH.to_string(),
        body: ontology.finish().map_err(Error::Serialize)?,
        triples: onto.len(),
    });
    if opts.union {
        let union = NamedNode::new_unchecked(UNION_GRAPH);
        let target = (!opts.profile.writable_default_graph()).then(|| UNION_GRAPH.to_string());
        let mut u = serialized(store, &union, target)?;
        u.name = "default graph (union)".into();
        extra.push(u);
    }
    let to_send: Vec<&(NamedNode, String)> = articles
        .iter()
        .filter(|(g, h)| sent.graphs.get(g.as_str()).is_none_or(|(s, _)| s != h))
        .collect();
    let extra: Vec<Outgoing> = extra
        .into_iter()
        .filter(|o| {
            let same = sent
                .graphs
                .get(&o.name)
                .is_some_and(|(h, _)| *h == hash_of(&o.body));
            if same {
                summary.unchanged += 1;
            }
            !same
        })
        .collect();
    summary.unchanged += articles.len() - to_send.len();
    let local: BTreeMap<&str, &str> = articles
        .iter()
        .map(|(g, h)| (g.as_str(), h.as_str()))
        .collect();
    let gone: Vec<String> = sent
        .graphs
        .keys()
        .filter(|g| crate::graph::links::is_article_graph(g) && !local.contains_key(g.as_str()))
        .cloned()
        .collect();
    progress.start(to_send.len() + extra.len() + gone.len());
    let put = |o: &Outgoing| -> Result<()> {
        let target = opts.profile.graph_url(url, o.target.as_deref());
        let a = client.send(&Req {
            method: "PUT",
            url: &target,
            content_type: Some("application/n-triples"),
            accept: None,
            body: &o.body,
        })?;
        if !(200..300).contains(&a.status) {
            return Err(Error::Push {
                url: target,
                message: format!("PUT {} answered {}: {}", o.name, a.status, a.body.trim()),
            });
        }
        Ok(())
    };
    let mut done = 0;
    let interrupted = |e: Error, done: usize, total: usize| match e {
        Error::Push { url, message } => Error::Push {
            url,
            message: format!(
                "{message}; {done} of {total} graphs were sent, and a push again sends the rest"
            ),
        },
        e => e,
    };
    let total = to_send.len() + extra.len() + gone.len();
    for (g, h) in to_send {
        let mut body = Vec::new();
        let triples = store.write_graph(g, &mut body)?;
        let o = Outgoing {
            target: Some(g.as_str().to_string()),
            name: g.as_str().to_string(),
            body,
            triples,
        };
        put(&o).map_err(|e| interrupted(e, done, total))?;
        sent.record(g.as_str(), h, triples)?;
        done += 1;
        summary.sent += 1;
        summary.triples += triples;
        progress.sent(g.as_str(), triples);
    }
    for o in &extra {
        put(o).map_err(|e| interrupted(e, done, total))?;
        sent.record(&o.name, &hash_of(&o.body), o.triples)?;
        done += 1;
        summary.sent += 1;
        summary.triples += o.triples;
        progress.sent(&o.name, o.triples);
    }
    for g in gone {
        let target = opts.profile.graph_url(url, Some(&g));
        let a = client
            .send(&Req {
                method: "DELETE",
                url: &target,
                content_type: None,
                accept: None,
                body: &[],
            })
            .map_err(|e| interrupted(e, done, total))?;
        if !(200..300).contains(&a.status) && a.status != 404 {
            return Err(Error::Push {
                url: target,
                message: format!("DELETE answered {}: {}", a.status, a.body.trim()),
            });
        }
        sent.record(&g, "-", 0)?;
        done += 1;
        summary.deleted += 1;
        progress.sent(&g, 0);
    }
    summary.local = (
        articles.len(),
        articles
            .iter()
            .map(|(g, _)| sent.graphs.get(g.as_str()).map_or(0, |(_, n)| *n))
            .sum(),
    );
    summary.remote = remote_counts(&client, opts.profile, url);
    summary.seconds = start.elapsed().as_secs_f64();
    if let Some(remote) = summary.remote {
        if remote != summary.local {
            return Err(Error::Push {
                url: opts.profile.sparql_url(url),
                message: format!(
                    "the remote store holds {} article graphs and {} triples in them, this store {} and {}",
                    remote.0, remote.1, summary.local.0, summary.local.1
                ),
            });
        }
    }
    Ok(summary)
}

fn serialized(store: &Store, graph: &NamedNode, target: Option<String>) -> Result<Outgoing> {
    let mut body = Vec::new();
    let triples = store.write_graph(graph, &mut body)?;
    Ok(Outgoing {
        target,
        name: graph.as_str().to_string(),
        body,
        triples,
    })
}

/// The remote's counts of article graphs and their triples, if it answers
/// the query (`None` for a store without a SPARQL endpoint at the usual place).
fn remote_counts(client: &Client, profile: Profile, url: &str) -> Option<(usize, usize)> {
    let body: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("query", COUNT)
        .finish();
    let a = client
        .send(&Req {
            method: "POST",
            url: &profile.sparql_url(url),
            content_type: Some("application/x-www-form-urlencoded"),
            accept: Some("application/sparql-results+json"),
            body: body.as_bytes(),
        })
        .ok()?;
    if a.status != 200 {
        return None;
    }
    let v: serde_json::Value = serde_json::from_str(&a.body).ok()?;
    let row = v["results"]["bindings"].get(0)?;
    let n = |k: &str| row[k]["value"].as_str()?.parse().ok();
    Some((n("graphs")?, n("triples")?))
}
