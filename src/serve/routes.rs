//! The GET routes besides `/query`: the page and its embedded assets, the
//! canned queries (`/queries`, `/queries/NAME?PARAM=VALUE`), the diagrams
//! (`/dot/VIEW`), and the page's own questions (`/page/...`). Every asset
//! is compiled in: no route reads a file.

use super::protocol::{negotiate, pairs, run};
use super::{not_found, ok, HttpError, HttpResult, State};
use crate::error::Error;
use crate::query::canned;
use crate::query::dot::{self, View};
use crate::store::parse_query;
use oxhttp::model::header::{CACHE_CONTROL, CONTENT_TYPE};
use oxhttp::model::{Body, Request, Response, StatusCode};
use oxigraph::model::{NamedNode, Term};

/// The page, its script and its style: (path, media type, content).
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "/",
        "text/html; charset=utf-8",
        include_str!("assets/index.html"),
    ),
    (
        "/app.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/app.js"),
    ),
    (
        "/style.css",
        "text/css; charset=utf-8",
        include_str!("assets/style.css"),
    ),
    (
        "/favicon.svg",
        "image/svg+xml",
        include_str!("assets/favicon.svg"),
    ),
];

/// The page's questions (queries/serve/), with the parameter each takes
/// as an IRI.
const PAGE: &[(&str, &str, Option<&str>)] = &[
    (
        "/page/facts",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/queries/serve/facts.rq"
        )),
        None,
    ),
    (
        "/page/sources",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/queries/serve/sources.rq"
        )),
        Some("thing"),
    ),
    (
        "/page/article",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/queries/serve/article.rq"
        )),
        Some("article"),
    ),
];

/// Only the page itself and this server are sources of anything the page
/// loads or runs.
const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// Whether a GET route is at `path` (for 405 on other methods).
pub(super) fn exists(path: &str) -> bool {
    ASSETS.iter().any(|(p, _, _)| *p == path)
        || PAGE.iter().any(|(p, _, _)| *p == path)
        || path == "/queries"
        || path.starts_with("/queries/")
        || path.starts_with("/dot/")
}

pub(super) fn get(state: &State, request: &Request<Body>, path: &str) -> HttpResult {
    if let Some((_, media, text)) = ASSETS.iter().find(|(p, _, _)| *p == path) {
        return Response::builder()
            .header(CONTENT_TYPE, *media)
            .header("content-security-policy", CSP)
            .header("x-content-type-options", "nosniff")
            .header(CACHE_CONTROL, "no-cache")
            .body(Body::from(*text))
            .map_err(|e| HttpError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()));
    }
    let params = pairs(request.uri().query().unwrap_or("").as_bytes());
    if let Some((_, sparql, iri_param)) = PAGE.iter().find(|(p, _, _)| *p == path) {
        let mut bound = Vec::new();
        if let Some(name) = iri_param {
            let iri = params
                .iter()
                .find(|(k, _)| k == "iri")
                .map(|(_, v)| v.clone())
                .ok_or_else(|| Error::MissingParam {
                    query: path.to_string(),
                    param: "iri".into(),
                })?;
            let node = NamedNode::new(iri.clone()).map_err(|e| {
                HttpError::new(StatusCode::BAD_REQUEST, format!("iri `{iri}`: {e}"))
            })?;
            bound.push((format!("p_{name}"), Term::NamedNode(node)));
        }
        return run(state, request, parse_query(path, sparql)?, &bound, None);
    }
    if path == "/queries" {
        let list = serde_json::to_string_pretty(&canned::bundled())
            .map_err(|e| HttpError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
        return ok("application/json", list);
    }
    if let Some(name) = path.strip_prefix("/queries/") {
        // The same binding as `newsgraph query NAME --param K=V`.
        let q = canned::find(name).ok_or_else(|| Error::UnknownQuery(name.to_string()))?;
        let bound = q.bind(&params)?;
        return run(
            state,
            request,
            parse_query(&q.name, &q.sparql)?,
            &bound,
            None,
        );
    }
    if let Some(view) = path.strip_prefix("/dot/") {
        return diagram(state, request, view, &params);
    }
    Err(not_found(path))
}

/// `/dot/VIEW[?name=NAME][&format=svg|dot]`: SVG drawn by Graphviz here,
/// or the DOT text (also for `Accept: text/vnd.graphviz`).
fn diagram(
    state: &State,
    request: &Request<Body>,
    view: &str,
    params: &[(String, String)],
) -> HttpResult {
    #[derive(Clone, Copy, PartialEq)]
    enum Drawing {
        Svg,
        Dot,
    }
    let view = match view {
        "meetings" => View::Meetings,
        "timeline" => View::Timeline,
        "entity" => View::Entity,
        other => return Err(Error::UnknownView(other.to_string()).into()),
    };
    let param = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let drawing = match param("format") {
        Some("svg") => Drawing::Svg,
        Some("dot") => Drawing::Dot,
        Some(other) => {
            return Err(HttpError::new(
                StatusCode::BAD_REQUEST,
                format!("format `{other}`: expected svg or dot"),
            ))
        }
        None => negotiate(
            request,
            &[
                ("image/svg+xml", Drawing::Svg),
                ("text/vnd.graphviz", Drawing::Dot),
            ],
        )?,
    };
    let dot_text = state.with_store(|store| {
        let mut text = Vec::new();
        dot::render(store, view, param("name"), &mut text)?;
        Ok(text)
    })?;
    match drawing {
        Drawing::Dot => ok("text/vnd.graphviz; charset=utf-8", dot_text),
        Drawing::Svg => ok("image/svg+xml", dot::graphviz(&dot_text, "svg")?),
    }
}
