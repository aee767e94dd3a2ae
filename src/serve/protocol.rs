//! The SPARQL 1.1 Protocol at `/query`, read-only: GET `?query=`, POST of
//! a form or of `application/sparql-query`; results in the format the
//! `Accept` header prefers (q-values); the service description when no
//! query is given.

use super::{content_type, ok, read_body, Capped, HttpError, HttpResult, State};
use crate::error::Error;
use crate::query::canned::{self, ResultFormat};
use crate::store::{parse_query, Dataset};
use oxhttp::model::header::ACCEPT;
use oxhttp::model::{Body, Method, Request, StatusCode};
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::QueryResults;

/// Result formats of SELECT and ASK, the first the default.
const RESULT_TYPES: &[(&str, ResultFormat)] = &[
    ("application/sparql-results+json", ResultFormat::Json),
    ("application/json", ResultFormat::Json),
    ("application/sparql-results+xml", ResultFormat::Xml),
    ("text/csv", ResultFormat::Csv),
    ("text/tab-separated-values", ResultFormat::Tsv),
];

/// RDF formats of CONSTRUCT and DESCRIBE (and of the service description).
const RDF_TYPES: &[(&str, RdfFormat)] = &[
    ("text/turtle", RdfFormat::Turtle),
    ("application/n-triples", RdfFormat::NTriples),
    ("application/rdf+xml", RdfFormat::RdfXml),
    (
        "application/ld+json",
        RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
    ),
    ("application/n-quads", RdfFormat::NQuads),
    ("application/trig", RdfFormat::TriG),
];

/// The service description, with `<>` standing for the endpoint.
const SERVICE: &str = include_str!("assets/service.ttl");

fn bad_request(message: impl Into<String>) -> HttpError {
    HttpError::new(StatusCode::BAD_REQUEST, message)
}

fn read_only() -> HttpError {
    HttpError::from(Error::Update("the request".into()))
}

/// `NAME=VALUE` pairs of a URL query or a form body.
pub(crate) fn pairs(data: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(data).into_owned().collect()
}

/// `/query`: run a read query, or describe the service.
pub(super) fn query(state: &State, request: &mut Request<Body>) -> HttpResult {
    let mut params = pairs(request.uri().query().unwrap_or("").as_bytes());
    let body_query = if *request.method() == Method::POST {
        match content_type(request).as_deref() {
            Some("application/sparql-query") => {
                let body = read_body(request, state.opts.max_query_bytes)?;
                Some(
                    String::from_utf8(body)
                        .map_err(|_| bad_request("the query is not UTF-8 text"))?,
                )
            }
            Some("application/x-www-form-urlencoded") => {
                let body = read_body(request, state.opts.max_query_bytes)?;
                params.extend(pairs(&body));
                None
            }
            Some("application/sparql-update") => return Err(read_only()),
            other => {
                return Err(HttpError::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    format!(
                        "{}: send the query as application/sparql-query or application/x-www-form-urlencoded (query=...)",
                        other.map_or("no Content-Type".to_string(), |t| format!("the body type {t} is not accepted"))
                    ),
                ))
            }
        }
    } else {
        None
    };
    if params.iter().any(|(k, _)| k == "update") {
        return Err(read_only());
    }
    let mut texts: Vec<String> = params
        .iter()
        .filter(|(k, _)| k == "query")
        .map(|(_, v)| v.clone())
        .collect();
    texts.extend(body_query);
    let text = match texts.len() {
        0 => return service_description(state, request),
        1 => texts.remove(0),
        _ => return Err(bad_request("give one query, not several")),
    };
    let iris = |key: &str| -> HttpResult<Vec<NamedNode>> {
        params
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| {
                NamedNode::new(v.clone()).map_err(|e| bad_request(format!("{key} `{v}`: {e}")))
            })
            .collect()
    };
    let dataset = Dataset {
        default: iris("default-graph-uri")?,
        named: iris("named-graph-uri")?,
    };
    let given = !dataset.default.is_empty() || !dataset.named.is_empty();
    let parsed = parse_query("the query", &text)?;
    run(state, request, parsed, &[], given.then_some(&dataset))
}

/// Run a parsed query and answer with its results in the negotiated format.
pub(crate) fn run(
    state: &State,
    request: &Request<Body>,
    query: spargebra::Query,
    params: &[(String, Term)],
    dataset: Option<&Dataset>,
) -> HttpResult {
    enum Form {
        Results(ResultFormat),
        Rdf(RdfFormat),
    }
    // Negotiated first: a 406 costs no evaluation.
    let form = match query {
        spargebra::Query::Select { .. } | spargebra::Query::Ask { .. } => {
            Form::Results(negotiate(request, RESULT_TYPES)?)
        }
        _ => Form::Rdf(negotiate(request, RDF_TYPES)?),
    };
    let secs = state.timeout().map_or(0, |t| t.as_secs());
    let timed_out = |e: Error| match e {
        Error::QueryEval(oxigraph::sparql::QueryEvaluationError::Cancelled) => Error::Timeout(secs),
        e => e,
    };
    state.with_store(|store| {
        let results = store
            .execute(query, params, state.timeout(), dataset)
            .map_err(timed_out)?;
        let mut out = Capped::new(state.opts.max_result_bytes);
        let written = match (results, &form) {
            (QueryResults::Graph(triples), Form::Rdf(f)) => {
                canned::write_triples(triples, *f, &mut out)
            }
            (results, Form::Results(f)) => canned::write_results(results, *f, &mut out),
            (_, Form::Rdf(_)) => Err(Error::NotSelect("the query".into())),
        };
        match written {
            Err(_) if out.over => Err(out.too_large()),
            Err(e) => Err(timed_out(e).into()),
            Ok(_) => ok(
                &match form {
                    Form::Results(f) => results_media_type(f).to_string(),
                    Form::Rdf(f) => rdf_media_type(f),
                },
                out.buf,
            ),
        }
    })
}

pub(crate) fn results_media_type(f: ResultFormat) -> &'static str {
    match f {
        ResultFormat::Json | ResultFormat::Table => "application/sparql-results+json",
        ResultFormat::Xml => "application/sparql-results+xml",
        ResultFormat::Csv => "text/csv; charset=utf-8",
        ResultFormat::Tsv => "text/tab-separated-values; charset=utf-8",
    }
}

fn rdf_media_type(f: RdfFormat) -> String {
    match f {
        RdfFormat::Turtle | RdfFormat::NTriples | RdfFormat::NQuads | RdfFormat::TriG => {
            format!("{}; charset=utf-8", f.media_type())
        }
        f => f.media_type().to_string(),
    }
}

/// The service description (SPARQL 1.1 Service Description), in the
/// negotiated RDF format.
fn service_description(state: &State, request: &Request<Body>) -> HttpResult {
    let format = negotiate(request, RDF_TYPES)?;
    let endpoint = format!("{}/query", state.url);
    let internal = |e: String| HttpError::new(StatusCode::INTERNAL_SERVER_ERROR, e);
    let parser = oxigraph::io::RdfParser::from_format(RdfFormat::Turtle)
        .with_base_iri(&endpoint)
        .map_err(|e| internal(e.to_string()))?;
    let triples = parser
        .for_slice(SERVICE.as_bytes())
        .map(|q| q.map(oxigraph::model::Triple::from));
    let mut out = Capped::new(state.opts.max_result_bytes);
    canned::write_triples(
        triples.map(|t| {
            t.map_err(|e| Error::Data {
                file: "service.ttl".into(),
                line: 0,
                message: e.to_string(),
            })
        }),
        format,
        &mut out,
    )?;
    ok(&rdf_media_type(format), out.buf)
}

/// The offer the `Accept` header prefers: for each offered media type, the
/// q-value of the most specific range that matches it (`type/sub`, then
/// `type/*`, then `*/*`); the highest wins, ties going to the earlier
/// offer. No header: the first offer. Nothing acceptable: 406.
pub(crate) fn negotiate<T: Copy>(request: &Request<Body>, offers: &[(&str, T)]) -> HttpResult<T> {
    let header = match request.headers().get(ACCEPT) {
        None => "",
        Some(h) => h
            .to_str()
            .map_err(|_| bad_request("the Accept header is not ASCII text"))?,
    };
    let ranges: Vec<(String, String, f32)> = header
        .split(',')
        .filter_map(|part| {
            let mut fields = part.split(';');
            let range = fields.next()?.trim().to_ascii_lowercase();
            let (t, s) = range.split_once('/')?;
            let q = fields
                .filter_map(|p| p.split_once('='))
                .find(|(k, _)| k.trim().eq_ignore_ascii_case("q"))
                .map_or(1.0, |(_, v)| v.trim().parse::<f32>().unwrap_or(0.0));
            Some((t.trim().to_string(), s.trim().to_string(), q))
        })
        .collect();
    if ranges.is_empty() {
        return Ok(offers[0].1);
    }
    let mut best: Option<(f32, T)> = None;
    for (media, value) in offers {
        let (t, s) = media.split_once('/').unwrap_or((media, ""));
        let q = ranges
            .iter()
            .filter_map(|(rt, rs, q)| {
                let specificity = if rt == t && rs == s {
                    2
                } else if rt == t && rs == "*" {
                    1
                } else if rt == "*" && rs == "*" {
                    0
                } else {
                    return None;
                };
                Some((specificity, *q))
            })
            .max_by_key(|(specificity, _)| *specificity)
            .map(|(_, q)| q);
        if let Some(q) = q.filter(|q| *q > 0.0) {
            if best.is_none_or(|(b, _)| q > b) {
                best = Some((q, *value));
            }
        }
    }
    best.map(|(_, v)| v).ok_or_else(|| {
        let offered: Vec<&str> = offers.iter().map(|(m, _)| *m).collect();
        HttpError::new(
            StatusCode::NOT_ACCEPTABLE,
            format!(
                "none of the media types the Accept header allows ({header}) is offered here: {}",
                offered.join(", ")
            ),
        )
    })
}
