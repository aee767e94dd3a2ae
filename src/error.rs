//! Typed errors of the library. The binary prints them with their chain.

use std::path::{Path, PathBuf};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read or write {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}:{line}: {message}")]
    Data {
        file: String,
        line: usize,
        message: String,
    },
    #[error("invalid date `{0}`: expected YYYY-MM-DD")]
    Date(String),
    #[error("the store at {path} could not be opened")]
    StoreOpen {
        path: PathBuf,
        #[source]
        source: oxigraph::store::StorageError,
    },
    #[error("store error")]
    Store(#[from] oxigraph::store::StorageError),
    #[error("{}", busy_message(path, *reading))]
    Busy { path: PathBuf, reading: bool },
    #[error("SPARQL syntax error in {name}{at}: {message}")]
    QuerySyntax {
        name: String,
        at: String,
        message: String,
    },
    #[error("query evaluation failed")]
    QueryEval(#[from] oxigraph::sparql::QueryEvaluationError),
    #[error("{0} is an update: newsgraph only runs read queries (SELECT, ASK, CONSTRUCT, DESCRIBE), never SPARQL Update")]
    Update(String),
    #[error("{0} calls a SERVICE, which is not supported: newsgraph makes no outbound requests")]
    Service(String),
    #[error("the query ran longer than its limit of {0}s and was stopped")]
    Timeout(u64),
    #[error("unknown query `{0}`: run `newsgraph queries` for the list, or pass a .rq file")]
    UnknownQuery(String),
    #[error("query `{query}` has no parameter `{param}` (parameters: {known})")]
    UnknownParam {
        query: String,
        param: String,
        known: String,
    },
    #[error("query `{query}` needs a value for its parameter `{param}`")]
    MissingParam { query: String, param: String },
    #[error("`{0}` is not an ASK or SELECT query; only read queries are run")]
    NotSelect(String),
    #[error("unknown view `{0}`: expected one of meetings, timeline, entity")]
    UnknownView(String),
    #[error("cannot listen on {addr}")]
    Bind {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the store at {} is held by `newsgraph serve` at {url} (its serve.json), which did not answer: {reason}", path.display())]
    ServeUnreachable {
        path: PathBuf,
        url: String,
        reason: String,
    },
    #[error("the server at {url} refused the request ({status}): {message}")]
    Remote {
        url: String,
        status: u16,
        message: String,
    },
    #[error("push to {url} failed: {message}")]
    Push { url: String, message: String },
    #[error("no store at {}", .0.display())]
    NoStore(PathBuf),
    #[error("{0}")]
    Usage(String),
    #[error("serialization failed")]
    Serialize(#[source] std::io::Error),
    #[error("invalid JSON in {file} line {line}")]
    Json {
        file: String,
        line: usize,
        #[source]
        source: serde_json::Error,
    },
}

fn busy_message(path: &Path, reading: bool) -> String {
    if reading {
        format!(
            "the store at {} is being written by another newsgraph process (an ingest or remove), and a store cannot be read while another process writes it: retry when that process has finished",
            path.display()
        )
    } else {
        format!(
            "the store at {} is in use by another newsgraph process (an ingest or remove writing it, or a query, export or diagram reading it): retry when that process has finished",
            path.display()
        )
    }
}

impl Error {
    /// The process exit code for this error: 75 (try again later) when the
    /// store is busy, 2 for usage mistakes, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Busy { .. } | Error::ServeUnreachable { .. } | Error::Push { .. } => 75,
            Error::Usage(_)
            | Error::NoStore(_)
            | Error::UnknownQuery(_)
            | Error::UnknownParam { .. }
            | Error::MissingParam { .. }
            | Error::UnknownView(_)
            | Error::Update(_)
            | Error::Date(_) => 2,
            _ => 1,
        }
    }

    /// An evaluation error, with `SERVICE` calls (which this build cannot
    /// make) told apart.
    pub fn from_evaluation(e: oxigraph::sparql::QueryEvaluationError) -> Self {
        use oxigraph::sparql::QueryEvaluationError as E;
        match e {
            E::UnsupportedService(name) => Error::Service(format!("the query ({name})")),
            E::UnboundService | E::InvalidServiceName(_) => Error::Service("the query".into()),
            e => Error::QueryEval(e),
        }
    }

    /// A SPARQL syntax error, with its "error at LINE:COLUMN:" position
    /// spelled out.
    pub fn query_syntax(name: &str, e: &spargebra::SparqlSyntaxError) -> Self {
        let text = e.to_string();
        let parsed = text.strip_prefix("error at ").and_then(|rest| {
            let (pos, msg) = rest.split_once(": ")?;
            let (line, col) = pos.split_once(':')?;
            Some((format!(" at line {line}, column {col}"), msg.to_string()))
        });
        let (at, message) = parsed.unwrap_or((String::new(), text));
        Error::QuerySyntax {
            name: name.to_string(),
            at,
            message,
        }
    }

    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.as_ref().to_path_buf(),
            source,
        }
    }
}
