//! Graphviz views of the store, built as petgraph graphs from SPARQL
//! queries and written as DOT.
//!
//! - `meetings`: people as nodes, one edge per meeting labelled with its date;
//! - `timeline`: dated events left to right in time order, one column per date,
//!   each event with its type and participants, `before` edges reduced to those not implied by others;
//! - `entity`: one entity, the events it took part in (with its role) and
//!   the others taking part.

use crate::error::{Error, Result};
use crate::store::Store;
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;

/// The views `newsgraph dot` draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// People as nodes, one edge per meeting labelled with its date.
    Meetings,
    /// Dated events in time order with their participants.
    Timeline,
    /// One entity (--name), its events and the others taking part in them.
    Entity,
}

// The views' SPARQL (queries/views/), embedded.
const MEETINGS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/queries/views/meetings.rq"
));
const MEETING_PEOPLE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/queries/views/meeting-people.rq"
));
const TIMELINE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/queries/views/timeline.rq"
));
const TIMELINE_BEFORE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/queries/views/timeline-before.rq"
));
const ENTITY: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/queries/views/entity.rq"
));

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Kind {
    Person,
    Organization,
    Place,
    Event,
    Resource,
    Value,
}

impl Kind {
    fn of_class(class: &str) -> Self {
        if class.ends_with("Person") {
            Kind::Person
        } else if class.ends_with("Organization") {
            Kind::Organization
        } else {
            Kind::Place
        }
    }

    const fn style(self) -> &'static str {
        match self {
            Kind::Person => "shape=ellipse, style=filled, fillcolor=\"#dbe9f6\", color=\"#4a78a8\"",
            Kind::Organization => {
                "shape=box, style=\"filled,rounded\", fillcolor=\"#e6f2dc\", color=\"#5c8a3a\""
            }
            Kind::Place => "shape=octagon, style=filled, fillcolor=\"#f6eedb\", color=\"#a8874a\"",
            Kind::Event => "shape=box, style=filled, fillcolor=\"#fbe3d6\", color=\"#b0603a\"",
            Kind::Resource => "shape=box, style=rounded, color=\"#777777\"",
            Kind::Value => "shape=note, fontsize=9, color=\"#999999\"",
        }
    }
}

struct Node {
    /// Label lines (escaped and joined at output).
    lines: Vec<String>,
    kind: Kind,
}

/// Escape a string for a quoted DOT label.
fn esc(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace(['\n', '\r'], " ")
}

fn rows(
    store: &Store,
    name: &str,
    sparql: &str,
    params: &[(String, Term)],
) -> Result<Vec<Vec<String>>> {
    let mut out = Vec::new();
    if let QueryResults::Solutions(sols) = store.select(name, sparql, params)? {
        let vars = sols.variables().to_vec();
        for s in sols {
            let s = s?;
            out.push(
                vars.iter()
                    .map(|v| match s.get(v) {
                        Some(Term::Literal(l)) => l.value().to_string(),
                        Some(Term::NamedNode(n)) => n.as_str().to_string(),
                        Some(t) => t.to_string(),
                        None => String::new(),
                    })
                    .collect(),
            );
        }
    }
    Ok(out)
}

#[derive(Default)]
struct Graph {
    g: DiGraph<Node, String>,
    index: HashMap<String, NodeIndex>,
}

impl Graph {
    fn node(&mut self, key: &str, lines: Vec<String>, kind: Kind) -> NodeIndex {
        *self
            .index
            .entry(key.to_string())
            .or_insert_with(|| self.g.add_node(Node { lines, kind }))
    }

    fn write(
        &self,
        title: &str,
        rankdir: &str,
        undirected: bool,
        ranks: &[Vec<NodeIndex>],
        out: &mut impl Write,
    ) -> std::io::Result<()> {
        writeln!(out, "digraph newsgraph {{")?;
        writeln!(out, "  graph [rankdir={rankdir}, label=\"{}\", labelloc=t, fontname=\"Helvetica\", fontsize=16, nodesep=0.3, ranksep=0.35];", esc(title))?;
        writeln!(out, "  node [fontname=\"Helvetica\", fontsize=11];")?;
        writeln!(
            out,
            "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#666666\"];"
        )?;
        for i in self.g.node_indices() {
            let n = &self.g[i];
            let label: Vec<String> = n.lines.iter().map(|l| esc(l)).collect();
            writeln!(
                out,
                "  n{} [label=\"{}\", {}];",
                i.index(),
                label.join("\\n"),
                n.kind.style()
            )?;
        }
        for e in self.g.edge_indices() {
            if let Some((a, b)) = self.g.edge_endpoints(e) {
                let dir = if undirected { ", dir=none" } else { "" };
                writeln!(
                    out,
                    "  n{} -> n{} [label=\"{}\"{dir}];",
                    a.index(),
                    b.index(),
                    esc(&self.g[e])
                )?;
            }
        }
        // Legend: one sample node per kind drawn.
        let mut kinds: Vec<Kind> = self.g.node_weights().map(|n| n.kind).collect();
        kinds.sort_by_key(|k| *k as u8);
        kinds.dedup();
        if kinds.len() > 1 {
            writeln!(
                out,
                "  subgraph cluster_legend {{ label=\"Legend\"; fontsize=10; color=\"#bbbbbb\";"
            )?;
            for k in &kinds {
                writeln!(
                    out,
                    "    legend_{k:?} [label=\"{k:?}\", fontsize=9, {}];",
                    k.style()
                )?;
            }
            writeln!(out, "  }}")?;
        }
        for rank in ranks.iter().filter(|r| r.len() > 1) {
            let ids: Vec<String> = rank.iter().map(|i| format!("n{}", i.index())).collect();
            writeln!(out, "  {{ rank=same; {} }}", ids.join("; "))?;
        }
        writeln!(out, "}}")
    }
}

/// Run Graphviz `dot` on DOT text, writing `format` (svg, png...) to `path`.
pub fn render_with_graphviz(dot_text: &[u8], format: &str, path: &std::path::Path) -> Result<()> {
    let rendered = graphviz(dot_text, format)?;
    std::fs::write(path, rendered).map_err(|e| Error::io(path, e))
}

/// Run Graphviz `dot` on DOT text: the drawing in `format` (svg, png...).
pub fn graphviz(dot_text: &[u8], format: &str) -> Result<Vec<u8>> {
    use std::process::{Command, Stdio};
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::Usage("Graphviz `dot` is not installed: install it (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz), or drop --render to get DOT text".into())
            } else {
                Error::io("dot", e)
            }
        })?;
    // Written from another thread: `dot` may fill its output pipe before it
    // has read all of its input.
    let stdin = child.stdin.take();
    let text = dot_text.to_vec();
    let writer = std::thread::spawn(move || -> std::io::Result<()> {
        if let Some(mut stdin) = stdin {
            stdin.write_all(&text)?;
        }
        Ok(())
    });
    let out = child.wait_with_output().map_err(|e| Error::io("dot", e))?;
    let written = writer.join().unwrap_or(Ok(()));
    if !out.status.success() {
        return Err(Error::Usage(format!(
            "Graphviz dot failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    written.map_err(|e| Error::io("dot", e))?;
    Ok(out.stdout)
}

/// Draw the triples of a CONSTRUCT query: resources as nodes named by
/// prefixed names (or their label), literals as note nodes, predicates as
/// edge labels.
pub fn render_construct(
    store: &Store,
    name: &str,
    sparql: &str,
    out: &mut impl Write,
) -> Result<()> {
    use oxigraph::model::{NamedOrBlankNode, Term};
    let triples = store.construct(name, sparql)?;
    let label = |t: &Term| match t {
        Term::NamedNode(n) => crate::graph::vocab::compact_iri(n.as_str()),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_string(),
    };
    let kind = |iri: &str| {
        let rest = iri.strip_prefix(crate::graph::vocab::ID).unwrap_or("");
        match rest.split('/').next().unwrap_or("") {
            "event" => Kind::Event,
            "person" => Kind::Person,
            "organization" => Kind::Organization,
            "country" | "place" => Kind::Place,
            _ => Kind::Resource,
        }
    };
    let mut g = Graph::default();
    for (i, t) in triples.iter().enumerate() {
        let subject: Term = match &t.subject {
            NamedOrBlankNode::NamedNode(n) => Term::NamedNode(n.clone()),
            NamedOrBlankNode::BlankNode(b) => Term::BlankNode(b.clone()),
        };
        let s = g.node(
            &subject.to_string(),
            vec![label(&subject)],
            kind(subject.to_string().trim_matches(['<', '>'])),
        );
        let o = match &t.object {
            Term::Literal(_) => {
                g.node(&format!("literal {i}"), vec![label(&t.object)], Kind::Value)
            }
            other => {
                let key = other.to_string();
                g.node(&key, vec![label(other)], kind(key.trim_matches(['<', '>'])))
            }
        };
        g.g.add_edge(s, o, crate::graph::vocab::compact_iri(t.predicate.as_str()));
    }
    g.write(name, "LR", false, &[], out)
        .map_err(Error::Serialize)
}

/// Draw a view as DOT.
pub fn render(store: &Store, view: View, name: Option<&str>, out: &mut impl Write) -> Result<()> {
    let mut g = Graph::default();
    match view {
        View::Meetings => {
            let q = MEETINGS;
            let about = MEETING_PEOPLE;
            let mut details: HashMap<String, String> = HashMap::new();
            for r in rows(store, "dot meetings", about, &[])? {
                let d = [r[1].as_str(), r[2].as_str()]
                    .iter()
                    .filter(|x| !x.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ");
                details.insert(r[0].clone(), d);
            }
            let lines = |iri: &str, name: &str| {
                let mut l = vec![name.to_string()];
                if let Some(d) = details.get(iri).filter(|d| !d.is_empty()) {
                    l.push(d.clone());
                }
                l
            };
            for r in rows(store, "dot meetings", q, &[])? {
                let a = g.node(&r[1], lines(&r[1], &r[2]), Kind::Person);
                let b = g.node(&r[3], lines(&r[3], &r[4]), Kind::Person);
                let mut label = if r[5].is_empty() {
                    "undated".to_string()
                } else {
                    r[5].clone()
                };
                if !r[6].is_empty() {
                    label = format!("{label}, {}", r[6]);
                }
                g.g.add_edge(a, b, label);
            }
            g.write("Who met whom", "LR", true, &[], out)
                .map_err(Error::Serialize)?;
        }
        View::Timeline => {
            let q = TIMELINE;
            // One column per date, left to right.
            let mut by_date: BTreeMap<String, Vec<NodeIndex>> = BTreeMap::new();
            for r in rows(store, "dot timeline", q, &[])? {
                let n = g.node(
                    &r[0],
                    vec![r[1].clone(), r[2].clone(), r[3].clone()],
                    Kind::Event,
                );
                by_date.entry(r[1].clone()).or_default().push(n);
            }
            let ranks: Vec<Vec<NodeIndex>> = by_date.into_values().collect();
            // `before` between the drawn events, reduced to the edges that
            // are not implied by others.
            let before = TIMELINE_BEFORE;
            let mut order: DiGraph<(), ()> = DiGraph::new();
            let nodes: Vec<NodeIndex> = g.g.node_indices().map(|_| order.add_node(())).collect();
            for r in rows(store, "dot timeline", before, &[])? {
                if let (Some(&a), Some(&b)) = (g.index.get(&r[0]), g.index.get(&r[1])) {
                    order.update_edge(nodes[a.index()], nodes[b.index()], ());
                }
            }
            if let Ok(topo) = petgraph::algo::toposort(&order, None) {
                let (list, _) =
                    petgraph::algo::tred::dag_to_toposorted_adjacency_list::<_, u32>(&order, &topo);
                let (reduced, _) = petgraph::algo::tred::dag_transitive_reduction_closure(&list);
                for e in reduced.edge_indices() {
                    if let Some((a, b)) = reduced.edge_endpoints(e) {
                        let (a, b) = (topo[a as usize], topo[b as usize]);
                        g.g.add_edge(
                            NodeIndex::new(a.index()),
                            NodeIndex::new(b.index()),
                            String::new(),
                        );
                    }
                }
            }
            g.write("Timeline", "LR", false, &ranks, out)
                .map_err(Error::Serialize)?;
        }
        View::Entity => {
            let name = name.ok_or_else(|| {
                Error::Usage("the entity view needs the name of an entity".into())
            })?;
            let q = ENTITY;
            let params = [("p_name".to_string(), crate::store::string_param(name))];
            let rows = rows(store, "dot entity", q, &params)?;
            if rows.is_empty() {
                return Err(Error::Usage(format!("no entity labelled `{name}` with events: `newsgraph query people` lists the names")));
            }
            let role = |iri: &str| {
                iri.rsplit(['#', '/'])
                    .next()
                    .unwrap_or("")
                    .replace("hasPlace", "place")
            };
            for r in &rows {
                let focus = g.node(&r[0], vec![name.to_string()], Kind::of_class(&r[1]));
                let date = if r[4].is_empty() {
                    "undated".to_string()
                } else {
                    r[4].clone()
                };
                let label = r[3].split(" (").next().unwrap_or(&r[3]).to_string();
                let e = g.node(&r[2], vec![date, label], Kind::Event);
                if g.g.find_edge(focus, e).is_none() {
                    g.g.add_edge(focus, e, role(&r[5]));
                }
                if !r[6].is_empty() {
                    let p = g.node(&r[6], vec![r[7].clone()], Kind::of_class(&r[8]));
                    if g.g.find_edge(p, e).is_none() {
                        g.g.add_edge(p, e, role(&r[9]));
                    }
                }
            }
            g.write(&format!("Events of {name}"), "LR", false, &[], out)
                .map_err(Error::Serialize)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_for_dot() {
        assert_eq!(esc(r#"Say "hi" \ Zoë"#), r#"Say \"hi\" \\ Zoë"#);
        assert_eq!(esc("two\nlines"), "two lines");
        let mut g = Graph::default();
        let a = g.node(
            "a",
            vec!["O\"Brien \\ Co".into(), "Zürich".into()],
            Kind::Person,
        );
        let b = g.node("b", vec!["x".into()], Kind::Event);
        g.g.add_edge(a, b, "role \"x\"".into());
        let mut out = Vec::new();
        g.write("T \"1\"", "LR", false, &[], &mut out).unwrap();
        let dot = String::from_utf8(out).unwrap();
        assert!(dot.contains(r#"label="O\"Brien \\ Co\nZürich""#), "{dot}");
        assert!(dot.contains(r#"label="role \"x\"""#), "{dot}");
    }
}
