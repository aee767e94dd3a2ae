//! The HTTP side of `push`: one request with the profile's authentication
//! (Basic, Digest, or a bearer token), retried with backoff on 5xx answers
//! and connection errors.

use crate::error::{Error, Result};
use base64::Engine;
use md5::{Digest, Md5};
use std::time::Duration;

/// How requests authenticate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Auth {
    None,
    /// HTTP Basic, or Digest when the store asks for it (Virtuoso).
    User {
        user: String,
        password: String,
    },
    /// `Authorization: Bearer TOKEN` (QLever's access token, a proxy's).
    Token(String),
}

/// A client for one remote store.
pub(super) struct Client {
    agent: ureq::Agent,
    auth: Auth,
    retries: u32,
    /// The scheme the store asked for in its last 401 (none asked yet:
    /// the first request goes without credentials, as Virtuoso answers a
    /// Basic one with a 401 that has no challenge), reused for the next
    /// requests.
    scheme: std::sync::Mutex<Option<Scheme>>,
}

#[derive(Debug, Clone)]
enum Scheme {
    Basic,
    Digest(Challenge),
}

#[derive(Debug, Clone)]
struct Challenge {
    realm: String,
    nonce: String,
    opaque: Option<String>,
    qop: bool,
    count: u32,
}

/// A request.
pub(super) struct Req<'a> {
    pub method: &'a str,
    pub url: &'a str,
    pub content_type: Option<&'a str>,
    pub accept: Option<&'a str>,
    pub body: &'a [u8],
}

/// An answer: status and body.
pub(super) struct Answer {
    pub status: u16,
    pub body: String,
}

impl Client {
    pub(super) fn new(auth: Auth, retries: u32) -> Self {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(600)))
            .build();
        Client {
            agent: config.into(),
            auth,
            retries,
            scheme: std::sync::Mutex::new(None),
        }
    }

    /// Send a request; 5xx answers and connection errors are retried with
    /// backoff (0.5 s, doubling), a 401 with a Digest challenge once.
    pub(super) fn send(&self, req: &Req<'_>) -> Result<Answer> {
        let mut wait = Duration::from_millis(500);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let retry = match self.once(req) {
                Ok(a) if a.status >= 500 => format!("{} {}", a.status, a.body.trim()),
                Ok(a) => return Ok(a),
                Err(e) => e,
            };
            if attempt > self.retries {
                return Err(Error::Push {
                    url: req.url.to_string(),
                    message: format!("{retry} (tried {attempt} times)"),
                });
            }
            std::thread::sleep(wait);
            wait = (wait * 2).min(Duration::from_secs(30));
        }
    }

    fn once(&self, req: &Req<'_>) -> std::result::Result<Answer, String> {
        let (mut answer, challenge) = self.request(req)?;
        if let (401, Some(challenge), Auth::User { .. }) = (answer.status, challenge, &self.auth) {
            let scheme = match parse_digest(&challenge) {
                Some(c) => Some(Scheme::Digest(c)),
                None => challenge
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("basic")
                    .then_some(Scheme::Basic),
            };
            if let Some(scheme) = scheme {
                *self.scheme.lock().map_err(|e| e.to_string())? = Some(scheme);
                answer = self.request(req)?.0;
            }
        }
        Ok(answer)
    }

    /// One request; the answer and its `WWW-Authenticate` header.
    fn request(&self, req: &Req<'_>) -> std::result::Result<(Answer, Option<String>), String> {
        let mut builder = ureq::http::Request::builder()
            .method(req.method)
            .uri(req.url);
        if let Some(ct) = req.content_type {
            builder = builder.header("Content-Type", ct);
        }
        if let Some(a) = req.accept {
            builder = builder.header("Accept", a);
        }
        if let Some(h) = self.authorization(req.method, req.url)? {
            builder = builder.header("Authorization", h);
        }
        let request = builder.body(req.body).map_err(|e| e.to_string())?;
        let mut response = self.agent.run(request).map_err(|e| e.to_string())?;
        let challenge = response
            .headers()
            .get("WWW-Authenticate")
            .and_then(|h| h.to_str().ok())
            .map(str::to_string);
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .read_to_string()
            .map_err(|e| e.to_string())?;
        Ok((Answer { status, body }, challenge))
    }

    fn authorization(
        &self,
        method: &str,
        url: &str,
    ) -> std::result::Result<Option<String>, String> {
        Ok(match &self.auth {
            Auth::None => None,
            Auth::Token(t) => Some(format!("Bearer {t}")),
            Auth::User { user, password } => {
                let mut scheme = self.scheme.lock().map_err(|e| e.to_string())?;
                match scheme.as_mut() {
                    Some(Scheme::Digest(c)) => Some(digest_header(c, user, password, method, url)),
                    Some(Scheme::Basic) => Some(format!(
                        "Basic {}",
                        base64::engine::general_purpose::STANDARD
                            .encode(format!("{user}:{password}"))
                    )),
                    None => None,
                }
            }
        })
    }
}

fn md5_hex(s: &str) -> String {
    Md5::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A `WWW-Authenticate: Digest …` challenge.
fn parse_digest(header: &str) -> Option<Challenge> {
    let rest = header.trim().strip_prefix("Digest ")?;
    let mut c = Challenge {
        realm: String::new(),
        nonce: String::new(),
        opaque: None,
        qop: false,
        count: 0,
    };
    for part in split_params(rest) {
        let (k, v) = part.split_once('=')?;
        let v = v.trim().trim_matches('"').to_string();
        match k.trim() {
            "realm" => c.realm = v,
            "nonce" => c.nonce = v,
            "opaque" => c.opaque = Some(v),
            "qop" => c.qop = v.split(',').any(|q| q.trim() == "auth"),
            _ => {}
        }
    }
    (!c.nonce.is_empty()).then_some(c)
}

/// Comma-separated `k=v` pairs, commas inside quotes kept.
fn split_params(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (i, ch) in s.char_indices() {
        match ch {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                out.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(s[start..].trim());
    out
}

/// The `Authorization: Digest …` answer to a challenge (RFC 7616, MD5).
fn digest_header(c: &mut Challenge, user: &str, password: &str, method: &str, url: &str) -> String {
    let uri = url
        .find("://")
        .and_then(|i| url[i + 3..].find('/').map(|j| &url[i + 3 + j..]))
        .unwrap_or("/");
    let ha1 = md5_hex(&format!("{user}:{}:{password}", c.realm));
    let ha2 = md5_hex(&format!("{method}:{uri}"));
    c.count += 1;
    let nc = format!("{:08x}", c.count);
    let cnonce = md5_hex(&format!("{}:{nc}", c.nonce))[..16].to_string();
    let mut h = format!(
        "Digest username=\"{user}\", realm=\"{}\", nonce=\"{}\", uri=\"{uri}\", algorithm=MD5",
        c.realm, c.nonce
    );
    if c.qop {
        let response = md5_hex(&format!("{ha1}:{}:{nc}:{cnonce}:auth:{ha2}", c.nonce));
        h.push_str(&format!(
            ", qop=auth, nc={nc}, cnonce=\"{cnonce}\", response=\"{response}\""
        ));
    } else {
        let response = md5_hex(&format!("{ha1}:{}:{ha2}", c.nonce));
        h.push_str(&format!(", response=\"{response}\""));
    }
    if let Some(o) = &c.opaque {
        h.push_str(&format!(", opaque=\"{o}\""));
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_answers_the_rfc_2617_example() {
        let mut c = parse_digest(
            "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"",
        )
        .unwrap();
        let h = digest_header(
            &mut c,
            "Mufasa",
            "Circle Of Life",
            "GET",
            "http://www.nowhere.org/dir/index.html",
        );
        assert!(h.contains("uri=\"/dir/index.html\""), "{h}");
        assert!(h.contains("nc=00000001"), "{h}");
        assert!(
            h.contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""),
            "{h}"
        );
        assert!(c.qop);
        // Without qop the response is MD5(HA1:nonce:HA2) (RFC 2069).
        c.qop = false;
        let h = digest_header(
            &mut c,
            "Mufasa",
            "Circle Of Life",
            "GET",
            "http://www.nowhere.org/dir/index.html",
        );
        assert!(h.contains("response=\""), "{h}");
    }
}
