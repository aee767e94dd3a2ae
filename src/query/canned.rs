//! Canned SPARQL queries (`queries/*.rq`, embedded in the binary) and the
//! rendering of query results.
//!
//! Each query file starts with a header of `# name:`, `# description:` and
//! `# param: NAME = description` lines. A parameter NAME is bound to the
//! variable `?p_NAME` as an RDF literal through Oxigraph's variable
//! substitution — it is never pasted into the query text.

use crate::error::{Error, Result};
use crate::graph::vocab::compact_iri;
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::QueryResults;
use std::io::Write;

const BUNDLED: &[&str] = &[
    include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/queries/who-met-whom.rq"
    )),
    include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/queries/what-preceded.rq"
    )),
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/queries/timeline.rq")),
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/queries/people.rq")),
    include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/queries/organizations.rq"
    )),
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/queries/countries.rq")),
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/queries/events-of.rq")),
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/queries/articles.rq")),
];

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Param {
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct CannedQuery {
    pub name: String,
    pub description: String,
    pub params: Vec<Param>,
    pub sparql: String,
}

impl CannedQuery {
    /// Parse a query file with its header comment.
    pub fn parse(fallback_name: &str, text: &str) -> Self {
        let mut q = CannedQuery {
            name: fallback_name.to_string(),
            description: String::new(),
            params: Vec::new(),
            sparql: text.to_string(),
        };
        for line in text.lines().take_while(|l| l.starts_with('#')) {
            let l = line.trim_start_matches('#').trim();
            if let Some(v) = l.strip_prefix("name:") {
                q.name = v.trim().to_string();
            } else if let Some(v) = l.strip_prefix("description:") {
                q.description = v.trim().to_string();
            } else if let Some(v) = l.strip_prefix("param:") {
                let (name, desc) = v.split_once('=').unwrap_or((v, ""));
                q.params.push(Param {
                    name: name.trim().to_string(),
                    description: desc.trim().to_string(),
                });
            }
        }
        q
    }

    /// Bind `NAME=VALUE` pairs to the query's variables, checking names.
    pub fn bind(&self, given: &[(String, String)]) -> Result<Vec<(String, Term)>> {
        let mut out = Vec::new();
        for (k, v) in given {
            if !self.params.iter().any(|p| &p.name == k) {
                return Err(Error::UnknownParam {
                    query: self.name.clone(),
                    param: k.clone(),
                    known: if self.params.is_empty() {
                        "none".into()
                    } else {
                        self.params
                            .iter()
                            .map(|p| p.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                });
            }
            out.push((format!("p_{k}"), crate::store::string_param(v)));
        }
        for p in &self.params {
            if !given.iter().any(|(k, _)| *k == p.name) {
                return Err(Error::MissingParam {
                    query: self.name.clone(),
                    param: p.name.clone(),
                });
            }
        }
        Ok(out)
    }
}

/// The bundled canned queries.
pub fn bundled() -> Vec<CannedQuery> {
    BUNDLED
        .iter()
        .map(|t| CannedQuery::parse("query", t))
        .collect()
}

pub fn find(name: &str) -> Option<CannedQuery> {
    bundled().into_iter().find(|q| q.name == name)
}

/// Output formats of `newsgraph query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}

/// Longest cell of the aligned table; longer values end with "…"
/// (csv/tsv/json/xml keep them whole).
const MAX_CELL: usize = 70;

fn clip(s: &str) -> String {
    if s.chars().count() <= MAX_CELL {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(MAX_CELL - 1).collect();
        c.push('…');
        c
    }
}

fn plain(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => compact_iri(n.as_str()),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_string(),
    }
}

/// Write query results; returns the number of rows.
pub fn write_results(
    results: QueryResults<'_>,
    format: ResultFormat,
    out: &mut impl Write,
) -> Result<usize> {
    let io = Error::Serialize;
    match results {
        QueryResults::Boolean(b) => {
            if format == ResultFormat::Table {
                writeln!(out, "{b}").map_err(io)?;
            } else {
                let ser = QueryResultsSerializer::from_format(w3c(format));
                ser.serialize_boolean_to_writer(&mut *out, b).map_err(io)?;
            }
            Ok(1)
        }
        QueryResults::Solutions(sols) => {
            let vars: Vec<_> = sols.variables().to_vec();
            let mut n = 0;
            if format == ResultFormat::Table {
                let mut rows: Vec<Vec<String>> = Vec::new();
                for s in sols {
                    let s = s?;
                    rows.push(
                        vars.iter()
                            .map(|v| s.get(v).map(plain).map(|c| clip(&c)).unwrap_or_default())
                            .collect(),
                    );
                }
                let header: Vec<String> = vars.iter().map(|v| v.as_str().to_string()).collect();
                let widths: Vec<usize> = (0..vars.len())
                    .map(|i| {
                        rows.iter()
                            .map(|r| r[i].chars().count())
                            .chain([header[i].len()])
                            .max()
                            .unwrap_or(0)
                    })
                    .collect();
                let line = |r: &[String]| -> String {
                    r.iter()
                        .zip(&widths)
                        .map(|(c, w)| format!("{c:<w$}"))
                        .collect::<Vec<_>>()
                        .join("  ")
                        .trim_end()
                        .to_string()
                };
                writeln!(out, "{}", line(&header)).map_err(io)?;
                writeln!(
                    out,
                    "{}",
                    widths
                        .iter()
                        .map(|w| "-".repeat(*w))
                        .collect::<Vec<_>>()
                        .join("  ")
                )
                .map_err(io)?;
                for r in &rows {
                    writeln!(out, "{}", line(r)).map_err(io)?;
                }
                n = rows.len();
            } else {
                let ser = QueryResultsSerializer::from_format(w3c(format));
                let mut w = ser
                    .serialize_solutions_to_writer(&mut *out, vars)
                    .map_err(io)?;
                for s in sols {
                    w.serialize(&s?).map_err(io)?;
                    n += 1;
                }
                w.finish().map_err(io)?;
            }
            Ok(n)
        }
        QueryResults::Graph(_) => Err(Error::NotSelect("query".into())),
    }
}

/// Write triples (a CONSTRUCT or DESCRIBE result) in an RDF format, with
/// newsgraph's prefixes; returns the number of triples.
pub fn write_triples<E: Into<Error>>(
    triples: impl IntoIterator<Item = std::result::Result<oxigraph::model::Triple, E>>,
    format: oxigraph::io::RdfFormat,
    out: &mut impl Write,
) -> Result<usize> {
    let mut ser = oxigraph::io::RdfSerializer::from_format(format);
    for (p, iri) in crate::graph::vocab::PREFIXES {
        ser = ser
            .with_prefix(*p, *iri)
            .map_err(|e| Error::Usage(e.to_string()))?;
    }
    let mut w = ser.for_writer(out);
    let mut n = 0;
    for t in triples {
        w.serialize_triple(&t.map_err(Into::into)?)
            .map_err(Error::Serialize)?;
        n += 1;
    }
    w.finish().map_err(Error::Serialize)?;
    Ok(n)
}

fn w3c(f: ResultFormat) -> QueryResultsFormat {
    match f {
        ResultFormat::Csv => QueryResultsFormat::Csv,
        ResultFormat::Tsv => QueryResultsFormat::Tsv,
        ResultFormat::Json => QueryResultsFormat::Json,
        ResultFormat::Xml | ResultFormat::Table => QueryResultsFormat::Xml,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_query_has_a_header_and_parses() {
        let qs = bundled();
        assert_eq!(qs.len(), BUNDLED.len());
        for q in &qs {
            assert!(!q.description.is_empty(), "{} has no description", q.name);
            assert!(
                oxigraph::sparql::SparqlEvaluator::new()
                    .parse_query(&q.sparql)
                    .is_ok(),
                "{} does not parse",
                q.name
            );
            for p in &q.params {
                assert!(
                    q.sparql.contains(&format!("?p_{}", p.name)),
                    "{} does not use ?p_{}",
                    q.name,
                    p.name
                );
            }
        }
        assert_eq!(find("what-preceded").unwrap().params[0].name, "event");
    }
}
