//! Adding news while the server runs. The server holds the store's write
//! lock and says where it listens in `serve.json` in the store (URL, pid,
//! a random token; readable by its owner only). An ingest or remove that
//! finds the store busy reads that file, reads and decodes the articles
//! itself, and sends them to `POST /admin/ingest` (or the article to
//! `POST /admin/remove`) with the token; the server writes them with the
//! same code as a local ingest, one writer at a time, and its queries see
//! them as soon as the answer is sent.

use super::{content_type, read_body, HttpError, HttpResult, State};
use crate::error::{Error, Result};
use crate::ingest::{self, Summary};
use crate::model::{Article, PartialDate};
use oxhttp::model::header::AUTHORIZATION;
use oxhttp::model::{Body, Request, StatusCode};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The file in the store directory that says a server holds it.
const ADVERT_FILE: &str = "serve.json";

/// Compact the store after this many bulk loads by ingests sent to it (as
/// a local ingest does after four batches).
const OPTIMIZE_AFTER_LOADS: usize = 4;

/// What `serve.json` says: where the server holding the store listens.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Advert {
    pub url: String,
    pub pid: u32,
    pub token: String,
}

impl Advert {
    fn file(store: &Path) -> PathBuf {
        store.join(ADVERT_FILE)
    }

    /// The advert in a store directory, if there is one that parses.
    pub fn read(store: &Path) -> Option<Advert> {
        let text = std::fs::read_to_string(Self::file(store)).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Write the advert, readable and writable by its owner only (it holds
    /// the token), replacing any left by a server that was killed.
    pub(super) fn write(&self, store: &Path) -> Result<()> {
        let file = Self::file(store);
        let tmp = store.join(format!(".{ADVERT_FILE}.{}", std::process::id()));
        let _ = std::fs::remove_file(&tmp);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let text = serde_json::to_string_pretty(self).map_err(|e| Error::Usage(e.to_string()))?;
        let written = options
            .open(&tmp)
            .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
            .and_then(|()| std::fs::rename(&tmp, &file));
        written.map_err(|e| Error::io(&file, e))
    }

    /// Remove the advert (the server stopped).
    pub(super) fn remove(store: &Path) {
        let _ = std::fs::remove_file(Self::file(store));
    }

    /// Why the advertised server may be gone: its process no longer exists
    /// (where /proc tells).
    fn gone(&self) -> Option<String> {
        let proc = Path::new("/proc");
        (proc.is_dir() && !proc.join(self.pid.to_string()).exists()).then(|| {
            format!(
                "process {} that wrote it is gone (the file is stale)",
                self.pid
            )
        })
    }
}

/// A random token of 128 bits, in hex.
pub(super) fn new_token() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)
        .map_err(|e| Error::Usage(format!("no random numbers for the server's token: {e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// An article as sent to the server: already read, decoded, keyed and cut
/// into parts by the sender.
#[derive(Debug, Serialize, Deserialize)]
struct WireArticle {
    source: String,
    key: String,
    text: String,
    title: String,
    published: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct IngestBody {
    articles: Vec<WireArticle>,
}

#[derive(Debug, Serialize, Deserialize)]
struct RemoveBody {
    article: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct Removed {
    iri: String,
    source: String,
}

/// Check the bearer token of a write route (401 otherwise).
fn authorize(state: &State, request: &Request<Body>) -> HttpResult<()> {
    let given = request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.strip_prefix("Bearer "))
        .unwrap_or("");
    // Compared in constant time.
    let same = given.len() == state.token.len()
        && given
            .bytes()
            .zip(state.token.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if same {
        Ok(())
    } else {
        Err(HttpError::new(
            StatusCode::UNAUTHORIZED,
            "writing needs the token of this server's serve.json",
        ))
    }
}

/// The JSON body of a write route.
fn json_body<T: for<'de> Deserialize<'de>>(
    state: &State,
    request: &mut Request<Body>,
) -> HttpResult<T> {
    if content_type(request).as_deref() != Some("application/json") {
        return Err(HttpError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send application/json",
        ));
    }
    let body = read_body(request, state.opts.max_ingest_bytes)?;
    serde_json::from_slice(&body)
        .map_err(|e| HttpError::new(StatusCode::BAD_REQUEST, format!("invalid JSON: {e}")))
}

fn json_response(value: &impl Serialize) -> HttpResult {
    let text = serde_json::to_string(value)
        .map_err(|e| HttpError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    super::ok("application/json", text)
}

/// `POST /admin/ingest`: write the articles sent, answer the summary.
pub(super) fn ingest_route(state: &State, request: &mut Request<Body>) -> HttpResult {
    authorize(state, request)?;
    let body: IngestBody = json_body(state, request)?;
    let mut parts = Vec::with_capacity(body.articles.len());
    for a in body.articles {
        let published = match a.published.as_deref() {
            None => None,
            Some(d) => Some(PartialDate::parse(d).ok_or_else(|| Error::Date(d.to_string()))?),
        };
        let article = Article {
            source: a.source,
            text: a.text,
            published,
            title: a.title,
        };
        parts.push((article, a.key));
    }
    // One writer at a time.
    let mut loads = state.writer.lock().unwrap_or_else(|e| e.into_inner());
    let summary = state.with_store(|store| {
        let (summary, loaded) = ingest::ingest_parts(store, parts, &state.extractor)?;
        *loads += usize::from(loaded);
        if *loads >= OPTIMIZE_AFTER_LOADS {
            store.optimize()?;
            *loads = 0;
        }
        Ok(summary)
    })?;
    state.events.ingested(&summary);
    json_response(&summary)
}

/// `POST /admin/remove`: remove an article (its source or graph IRI).
pub(super) fn remove_route(state: &State, request: &mut Request<Body>) -> HttpResult {
    authorize(state, request)?;
    let body: RemoveBody = json_body(state, request)?;
    let _writing = state.writer.lock().unwrap_or_else(|e| e.into_inner());
    let removed = state.with_store(|store| Ok(ingest::remove(store, &body.article)?))?;
    match removed {
        Some((iri, source)) => json_response(&Removed {
            iri: iri.as_str().to_string(),
            source,
        }),
        None => Err(HttpError::new(
            StatusCode::NOT_FOUND,
            format!("no article `{}` in the store", body.article),
        )),
    }
}

/// The client side: a store held by a server, reached through its advert.
pub struct Remote {
    store: PathBuf,
    advert: Advert,
    agent: ureq::Agent,
}

impl Remote {
    /// The server holding a store, if its directory has an advert.
    pub fn find(store: &Path) -> Option<Remote> {
        let advert = Advert::read(store)?;
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            // Extraction of a batch takes seconds; a dead server fails at connect.
            .timeout_connect(Some(Duration::from_secs(5)))
            .timeout_global(Some(Duration::from_secs(3600)))
            .build();
        Some(Remote {
            store: store.to_path_buf(),
            advert,
            agent: config.into(),
        })
    }

    /// Where the server listens.
    pub fn url(&self) -> &str {
        &self.advert.url
    }

    fn post(&self, route: &str, body: &impl Serialize) -> Result<(u16, String)> {
        let text = serde_json::to_vec(body).map_err(|e| Error::Usage(e.to_string()))?;
        let unreachable = |reason: String| Error::ServeUnreachable {
            path: self.store.clone(),
            url: self.advert.url.clone(),
            reason: match self.advert.gone() {
                Some(gone) => format!("{reason}; {gone}"),
                None => reason,
            },
        };
        let mut response = self
            .agent
            .post(&format!("{}{route}", self.advert.url))
            .header("Authorization", &format!("Bearer {}", self.advert.token))
            .content_type("application/json")
            .send(&text[..])
            .map_err(|e| unreachable(e.to_string()))?;
        let status = response.status().as_u16();
        let answer = response
            .body_mut()
            .read_to_string()
            .map_err(|e| unreachable(e.to_string()))?;
        Ok((status, answer))
    }

    fn refused(&self, status: u16, message: &str) -> Error {
        Error::Remote {
            url: self.advert.url.clone(),
            status,
            message: message.trim().to_string(),
        }
    }

    /// Send a batch of articles (read, keyed and cut into parts as
    /// [`ingest::read_batches`] gives them); the server's summary of it.
    pub fn ingest(&self, parts: Vec<(Article, String)>) -> Result<Summary> {
        let body = IngestBody {
            articles: parts
                .into_iter()
                .map(|(a, key)| WireArticle {
                    source: a.source,
                    key,
                    text: a.text,
                    title: a.title,
                    published: a.published.map(|d| d.to_string()),
                })
                .collect(),
        };
        match self.post("/admin/ingest", &body)? {
            (200, answer) => {
                serde_json::from_str(&answer).map_err(|e| self.refused(200, &e.to_string()))
            }
            (status, message) => Err(self.refused(status, &message)),
        }
    }

    /// Remove an article: (graph IRI, source), or `None` if the store has
    /// no such article.
    pub fn remove(&self, article: &str) -> Result<Option<(String, String)>> {
        let body = RemoveBody {
            article: article.to_string(),
        };
        match self.post("/admin/remove", &body)? {
            (200, answer) => {
                let r: Removed =
                    serde_json::from_str(&answer).map_err(|e| self.refused(200, &e.to_string()))?;
                Ok(Some((r.iri, r.source)))
            }
            (404, _) => Ok(None),
            (status, message) => Err(self.refused(status, &message)),
        }
    }
}
