//! `newsgraph serve`: a read-only SPARQL 1.1 endpoint, the canned queries
//! and diagrams over HTTP, and a web page, over a store this process holds
//! open for writing, so that it alone writes it: `newsgraph ingest` and
//! `remove` find it through `serve.json` in the store and send it their
//! articles ([`remote`]).
//!
//! - [`protocol`]: the SPARQL protocol at `/query`, content negotiation,
//!   results, the service description;
//! - [`routes`]: the canned queries, the diagrams, the page and its data;
//! - [`remote`]: `/admin/ingest` and `/admin/remove`, `serve.json`, and the
//!   client side of both.
//!
//! The server is oxhttp (a thread per connection, capped); every answer is
//! built in memory under a size cap before it is sent, so a query stopped
//! by the timeout answers 503, never a cut-off 200.

mod protocol;
pub mod remote;
mod routes;

use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::store::Store;
use oxhttp::model::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN, ALLOW,
    CONTENT_TYPE, ORIGIN,
};
use oxhttp::model::{Body, HeaderValue, Method, Request, Response, StatusCode};
use std::io::Read;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

pub use remote::Advert;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Address to listen on (`127.0.0.1:7878`).
    pub bind: String,
    /// Stop a query after this long (503).
    pub timeout: Option<Duration>,
    /// The origin allowed to call the endpoint from a browser (CORS); none
    /// by default.
    pub cors: Option<String>,
    /// Largest SPARQL request body (413 beyond).
    pub max_query_bytes: usize,
    /// Largest body of articles sent to `/admin/ingest`.
    pub max_ingest_bytes: usize,
    /// Largest answer (503 beyond).
    pub max_result_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            bind: "127.0.0.1:7878".into(),
            timeout: Some(Duration::from_secs(30)),
            cors: None,
            max_query_bytes: 1 << 20,
            max_ingest_bytes: 64 << 20,
            max_result_bytes: 64 << 20,
        }
    }
}

/// One request, as the log line says it.
#[derive(Debug, Clone)]
pub struct LogLine {
    pub method: String,
    pub path: String,
    pub status: u16,
    pub millis: f64,
}

/// What the server tells as it runs; nothing by default.
pub trait Events: Send + Sync {
    /// The server listens at this URL.
    fn listening(&self, _url: &str) {}
    /// A request was answered.
    fn request(&self, _line: &LogLine) {}
    /// Articles sent by an ingest were written (their summary).
    fn ingested(&self, _summary: &crate::ingest::Summary) {}
}

impl Events for () {}

/// An answer that is not a success: a status and a message (text/plain).
#[derive(Debug)]
pub(crate) struct HttpError {
    status: StatusCode,
    message: String,
}

pub(crate) type HttpResult<T = Response<Body>> = std::result::Result<T, HttpError>;

impl HttpError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> Self {
        HttpError {
            status,
            message: message.into(),
        }
    }

    fn response(self) -> Response<Body> {
        let mut message = self.message;
        message.push('\n');
        let mut r = Response::builder()
            .status(self.status)
            .header(CONTENT_TYPE, "text/plain; charset=utf-8");
        if self.status == StatusCode::METHOD_NOT_ALLOWED {
            r = r.header(ALLOW, "GET, POST");
        }
        r.body(Body::from(message))
            .unwrap_or_else(|_| Response::new(Body::empty()))
    }
}

/// The message of an error with its causes.
fn chain(e: &Error) -> String {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let m = s.to_string();
        if !message.ends_with(&m) {
            message.push_str(": ");
            message.push_str(&m);
        }
        source = s.source();
    }
    message
}

impl From<Error> for HttpError {
    fn from(e: Error) -> Self {
        use oxigraph::sparql::QueryEvaluationError as Q;
        let status = match &e {
            Error::QuerySyntax { .. }
            | Error::UnknownParam { .. }
            | Error::MissingParam { .. }
            | Error::Usage(_)
            | Error::Date(_)
            | Error::NotSelect(_) => StatusCode::BAD_REQUEST,
            Error::Update(_) | Error::Service(_) => StatusCode::FORBIDDEN,
            Error::QueryEval(Q::UnsupportedService(_)) => {
                return HttpError::from(Error::Service("the query".into()))
            }
            Error::UnknownQuery(_) | Error::UnknownView(_) => StatusCode::NOT_FOUND,
            Error::Timeout(_) => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        HttpError::new(status, chain(&e))
    }
}

/// What every request handler shares.
pub(crate) struct State {
    /// `None` once the server stops: the store is closed.
    store: RwLock<Option<Store>>,
    extractor: Extractor,
    opts: Options,
    /// The bearer token of the write routes (in `serve.json`).
    token: String,
    /// URL the server is reached at (what `serve.json` says).
    url: String,
    /// One write at a time; counts bulk loads to compact after.
    writer: Mutex<usize>,
    events: Arc<dyn Events>,
}

impl State {
    /// Run `f` with the open store (503 once the server is stopping).
    pub(crate) fn with_store<T>(&self, f: impl FnOnce(&Store) -> HttpResult<T>) -> HttpResult<T> {
        let guard = self.store.read().unwrap_or_else(|e| e.into_inner());
        match guard.as_ref() {
            Some(store) => f(store),
            None => Err(HttpError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the server is shutting down",
            )),
        }
    }

    /// The query time limit, for the timeout error.
    pub(crate) fn timeout(&self) -> Option<Duration> {
        self.opts.timeout
    }
}

/// Serve the store until `stop` is set (Ctrl-C), then close it and remove
/// `serve.json`. Fails with [`Error::Bind`] when the address is taken.
pub fn serve(
    store: Store,
    extractor: Extractor,
    opts: Options,
    events: Arc<dyn Events>,
    stop: &AtomicBool,
) -> Result<()> {
    let addrs: Vec<SocketAddr> = opts
        .bind
        .to_socket_addrs()
        .map_err(|source| Error::Bind {
            addr: opts.bind.clone(),
            source,
        })?
        .collect();
    let first = *addrs.first().ok_or_else(|| Error::Bind {
        addr: opts.bind.clone(),
        source: std::io::Error::other("the name resolves to no address"),
    })?;
    let url = advertised_url(first);
    let store_path = store.path().to_path_buf();
    let state = Arc::new(State {
        store: RwLock::new(Some(store)),
        extractor,
        token: remote::new_token()?,
        url: url.clone(),
        opts,
        writer: Mutex::new(0),
        events,
    });
    let handler_state = Arc::clone(&state);
    let mut server = oxhttp::Server::new(move |request| handle(&handler_state, request))
        .with_global_timeout(Duration::from_secs(120))
        .with_max_concurrent_connections(64);
    for a in &addrs {
        server = server.bind(*a);
    }
    let _listening = server.spawn().map_err(|source| Error::Bind {
        addr: state.opts.bind.clone(),
        source,
    })?;
    let advert = Advert {
        url: url.clone(),
        pid: std::process::id(),
        token: state.token.clone(),
    };
    advert.write(&store_path)?;
    state.events.listening(&url);
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(100));
    }
    // Wait for a write in progress, then close the store before saying
    // that no server holds it.
    let _writing = state.writer.lock().unwrap_or_else(|e| e.into_inner());
    state
        .store
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    Advert::remove(&store_path);
    Ok(())
}

/// The URL clients on this machine reach a socket address at: an
/// unspecified address (0.0.0.0, ::) is reached on loopback.
fn advertised_url(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        std::net::IpAddr::V4(ip) if ip.is_unspecified() => std::net::Ipv4Addr::LOCALHOST.into(),
        std::net::IpAddr::V6(ip) if ip.is_unspecified() => std::net::Ipv6Addr::LOCALHOST.into(),
        ip => ip,
    };
    format!("http://{}", SocketAddr::new(ip, addr.port()))
}

/// Answer one request and log it.
fn handle(state: &State, request: &mut Request<Body>) -> Response<Body> {
    let start = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let cors = state
        .opts
        .cors
        .as_deref()
        .filter(|_| !path.starts_with("/admin/"));
    let mut response = if method == Method::OPTIONS && cors.is_some() {
        preflight(request)
    } else {
        route(state, request, &method, &path).unwrap_or_else(HttpError::response)
    };
    if let Some(origin) = cors {
        allow_origin(request, origin, &mut response);
    }
    state.events.request(&LogLine {
        method: method.to_string(),
        path,
        status: response.status().as_u16(),
        millis: start.elapsed().as_secs_f64() * 1000.0,
    });
    response
}

fn route(state: &State, request: &mut Request<Body>, method: &Method, path: &str) -> HttpResult {
    let get = *method == Method::GET;
    let post = *method == Method::POST;
    match path {
        "/query" if get || post => protocol::query(state, request),
        "/update" => Err(HttpError::new(
            StatusCode::FORBIDDEN,
            "this server is read-only: SPARQL Update is not accepted (articles are added by ingesting them, which sends them to this server)",
        )),
        "/admin/ingest" if post => remote::ingest_route(state, request),
        "/admin/remove" if post => remote::remove_route(state, request),
        _ if get => routes::get(state, request, path),
        _ if routes::exists(path) || path == "/query" || path.starts_with("/admin/") => Err(
            HttpError::new(StatusCode::METHOD_NOT_ALLOWED, format!("{method} is not allowed on {path}")),
        ),
        _ => Err(not_found(path)),
    }
}

pub(crate) fn not_found(path: &str) -> HttpError {
    HttpError::new(
        StatusCode::NOT_FOUND,
        format!("nothing at {path}: see / for the page, /query for SPARQL, /queries for the canned queries"),
    )
}

/// The answer to a CORS preflight request.
fn preflight(request: &Request<Body>) -> Response<Body> {
    let mut r = Response::builder()
        .status(StatusCode::NO_CONTENT)
        .header(ACCESS_CONTROL_ALLOW_METHODS, "GET, POST");
    if let Some(h) = request.headers().get("access-control-request-headers") {
        r = r.header(ACCESS_CONTROL_ALLOW_HEADERS, h.clone());
    }
    r.body(Body::empty())
        .unwrap_or_else(|_| Response::new(Body::empty()))
}

/// Allow the `--cors` origin (`*`: any) to read the answer.
fn allow_origin(request: &Request<Body>, allowed: &str, response: &mut Response<Body>) {
    let Some(origin) = request.headers().get(ORIGIN) else {
        return;
    };
    let value = if allowed == "*" {
        HeaderValue::from_static("*")
    } else if origin.as_bytes() == allowed.as_bytes() {
        origin.clone()
    } else {
        return;
    };
    response
        .headers_mut()
        .insert(ACCESS_CONTROL_ALLOW_ORIGIN, value);
    response
        .headers_mut()
        .append("vary", HeaderValue::from_static("Origin"));
}

/// A request body up to `limit` bytes (413 beyond).
pub(crate) fn read_body(request: &mut Request<Body>, limit: usize) -> HttpResult<Vec<u8>> {
    let too_large = || {
        HttpError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body is over this server's limit of {limit} bytes"),
        )
    };
    if request.body().len().is_some_and(|n| n > limit as u64) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    request
        .body_mut()
        .take(limit as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|e| {
            HttpError::new(
                StatusCode::BAD_REQUEST,
                format!("cannot read the request body: {e}"),
            )
        })?;
    if body.len() > limit {
        return Err(too_large());
    }
    Ok(body)
}

/// The media type of the request body, lowercased, without parameters.
pub(crate) fn content_type(request: &Request<Body>) -> Option<String> {
    let v = request.headers().get(CONTENT_TYPE)?.to_str().ok()?;
    Some(v.split(';').next().unwrap_or(v).trim().to_ascii_lowercase())
}

/// A 200 answer.
pub(crate) fn ok(content_type: &str, body: impl Into<Body>) -> HttpResult {
    Response::builder()
        .header(CONTENT_TYPE, content_type)
        .body(body.into())
        .map_err(|e| HttpError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
}

/// A buffer that refuses to grow past a limit: answers are built whole
/// before they are sent, so that a late error still has its status.
pub(crate) struct Capped {
    pub(crate) buf: Vec<u8>,
    limit: usize,
    pub(crate) over: bool,
}

impl Capped {
    pub(crate) fn new(limit: usize) -> Self {
        Capped {
            buf: Vec::new(),
            limit,
            over: false,
        }
    }

    /// The error for an answer that grew past the limit.
    pub(crate) fn too_large(&self) -> HttpError {
        HttpError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the answer is over this server's limit of {} MB: narrow the query (a LIMIT, more specific patterns)",
                self.limit >> 20
            ),
        )
    }
}

impl std::io::Write for Capped {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        if self.buf.len() + b.len() > self.limit {
            self.over = true;
            return Err(std::io::Error::other("the answer is too large"));
        }
        self.buf.extend_from_slice(b);
        Ok(b.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
