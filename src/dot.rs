//! Graphviz views of the store, built as petgraph graphs from canned
//! queries and written as DOT.

use crate::error::{Error, Result};
use crate::store::Store;
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::HashMap;
use std::io::Write;

/// The views `newsgraph dot` draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum View {
    /// People as nodes, one edge per meeting labelled with its date.
    Meetings,
    /// Events in time order with their participants.
    Timeline,
    /// One entity, its events and the others taking part in them.
    Entity,
}

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', " ")
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

struct Node {
    label: String,
    kind: &'static str,
}

fn node(
    g: &mut DiGraph<Node, String>,
    ix: &mut HashMap<String, NodeIndex>,
    key: &str,
    label: &str,
    kind: &'static str,
) -> NodeIndex {
    *ix.entry(key.to_string()).or_insert_with(|| {
        g.add_node(Node {
            label: label.to_string(),
            kind,
        })
    })
}

const STYLE: &[(&str, &str)] = &[
    (
        "person",
        "shape=ellipse, style=filled, fillcolor=\"#dbe9f6\", color=\"#4a78a8\"",
    ),
    (
        "org",
        "shape=box, style=\"filled,rounded\", fillcolor=\"#e6f2dc\", color=\"#5c8a3a\"",
    ),
    (
        "place",
        "shape=octagon, style=filled, fillcolor=\"#f6eedb\", color=\"#a8874a\"",
    ),
    (
        "event",
        "shape=box, style=filled, fillcolor=\"#fbe3d6\", color=\"#b0603a\"",
    ),
];

fn kind_of(class: &str) -> &'static str {
    if class.ends_with("Person") {
        "person"
    } else if class.ends_with("Organization") {
        "org"
    } else {
        "place"
    }
}

fn write_dot(
    g: &DiGraph<Node, String>,
    title: &str,
    rankdir: &str,
    undirected: bool,
    chain: &[NodeIndex],
    out: &mut impl Write,
) -> std::io::Result<()> {
    writeln!(out, "digraph newsgraph {{")?;
    writeln!(out, "  graph [rankdir={rankdir}, label=\"{}\", labelloc=t, fontname=\"Helvetica\", fontsize=16];", esc(title))?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=11];")?;
    writeln!(
        out,
        "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#666666\"];"
    )?;
    for i in g.node_indices() {
        let n = &g[i];
        let style = STYLE.iter().find(|s| s.0 == n.kind).map_or("", |s| s.1);
        writeln!(
            out,
            "  n{} [label=\"{}\", {style}];",
            i.index(),
            esc(&n.label)
        )?;
    }
    for e in g.edge_indices() {
        if let Some((a, b)) = g.edge_endpoints(e) {
            let dir = if undirected { ", dir=none" } else { "" };
            writeln!(
                out,
                "  n{} -> n{} [label=\"{}\"{dir}];",
                a.index(),
                b.index(),
                esc(&g[e])
            )?;
        }
    }
    for w in chain.windows(2) {
        writeln!(
            out,
            "  n{} -> n{} [style=bold, color=\"#b0603a\", weight=10];",
            w[0].index(),
            w[1].index()
        )?;
    }
    writeln!(out, "}}")
}

/// Draw a view as DOT.
pub fn render(store: &Store, view: View, name: Option<&str>, out: &mut impl Write) -> Result<()> {
    let mut g: DiGraph<Node, String> = DiGraph::new();
    let mut ix = HashMap::new();
    let io = Error::Serialize;
    match view {
        View::Meetings => {
            let q = r#"PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?m ?a ?la ?b ?lb ?date WHERE {
  ?m a ng:Meeting ; ng:modality "asserted" ; ng:participant ?a , ?b .
  ?a a schema:Person ; rdfs:label ?la . ?b a schema:Person ; rdfs:label ?lb .
  FILTER (STR(?a) < STR(?b))
  OPTIONAL { ?m ng:date ?date }
} ORDER BY ?date ?la ?lb"#;
            for r in rows(store, "dot meetings", q, &[])? {
                let a = node(&mut g, &mut ix, &r[1], &r[2], "person");
                let b = node(&mut g, &mut ix, &r[3], &r[4], "person");
                g.add_edge(
                    a,
                    b,
                    if r[5].is_empty() {
                        "undated".into()
                    } else {
                        r[5].clone()
                    },
                );
            }
            write_dot(&g, "Who met whom", "LR", true, &[], out).map_err(io)?;
        }
        View::Timeline | View::Entity => {
            let filter = if view == View::Entity {
                "?focus rdfs:label ?fl . FILTER (LCASE(STR(?fl)) = LCASE(STR(?p_name))) ?e ?role ?focus ."
            } else {
                ""
            };
            let q = format!(
                r#"PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?e ?label ?date ?p ?pl ?pclass ?prop WHERE {{
  {filter}
  ?e a sem:Event ; ng:modality "asserted" ; rdfs:label ?label .
  OPTIONAL {{ ?e ng:date ?date }}
  OPTIONAL {{ ?e ?prop ?p . FILTER (?prop IN (ng:agent, ng:patient, ng:participant, sem:hasPlace)) ?p rdfs:label ?pl ; a ?pclass . }}
  {dated}
}} ORDER BY ?date ?label"#,
                dated = if view == View::Timeline {
                    "FILTER (BOUND(?date))"
                } else {
                    ""
                }
            );
            let params = match (view, name) {
                (View::Entity, Some(n)) => {
                    vec![("p_name".to_string(), crate::store::string_param(n))]
                }
                (View::Entity, None) => {
                    return Err(Error::Usage("`dot entity` needs --name \"NAME\"".into()))
                }
                _ => Vec::new(),
            };
            let mut chain = Vec::new();
            for r in rows(store, "dot", &q, &params)? {
                let label = if r[2].is_empty() {
                    r[1].clone()
                } else {
                    format!("{}\n{}", r[2], r[1].split(" (").next().unwrap_or(&r[1]))
                };
                let e = node(&mut g, &mut ix, &r[0], &label, "event");
                if chain.last() != Some(&e) && !chain.contains(&e) {
                    chain.push(e);
                }
                if !r[3].is_empty() {
                    let p = node(&mut g, &mut ix, &r[3], &r[4], kind_of(&r[5]));
                    let role = r[6].rsplit(['#', '/']).next().unwrap_or("").to_string();
                    g.add_edge(p, e, role);
                }
            }
            let title = match view {
                View::Entity => format!("Events of {}", name.unwrap_or("")),
                _ => "Timeline".to_string(),
            };
            let chain = if view == View::Timeline {
                chain
            } else {
                Vec::new()
            };
            write_dot(&g, &title, "LR", false, &chain, out).map_err(io)?;
        }
    }
    Ok(())
}
