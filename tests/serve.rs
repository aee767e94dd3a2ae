//! `newsgraph serve` over HTTP: the SPARQL 1.1 Protocol at /query (every
//! status, content type and format, each body parsed in its format), the
//! canned queries, the diagrams, the page and its data, the safety rules;
//! and ingest and remove while it serves.

mod common;
use common::*;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, SliceQueryResultsParserOutput,
};
use std::path::Path;

struct Answer {
    status: u16,
    content_type: String,
    body: String,
    headers: Vec<(String, String)>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn answer(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut r = r.expect("HTTP request");
    let headers = r
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    Answer {
        status: r.status().as_u16(),
        content_type: r
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default(),
        body: r
            .body_mut()
            .with_config()
            .limit(100 << 20)
            .read_to_string()
            .unwrap(),
        headers,
    }
}

fn get(url: &str, accept: Option<&str>) -> Answer {
    let agent = Server::agent();
    let mut req = agent.get(url);
    if let Some(a) = accept {
        req = req.header("Accept", a);
    }
    answer(req.call())
}

fn post(url: &str, content_type: &str, body: &str, accept: Option<&str>) -> Answer {
    let agent = Server::agent();
    let mut req = agent.post(url).header("Content-Type", content_type);
    if let Some(a) = accept {
        req = req.header("Accept", a);
    }
    answer(req.send(body))
}

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

const PEOPLE: &str = "SELECT ?p ?name WHERE { ?p a <http://schema.org/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name";
const ASK: &str = "ASK { ?p a <http://schema.org/Person> }";
const CONSTRUCT: &str = "CONSTRUCT { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?name } WHERE { ?p a <http://schema.org/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?name }";

/// Rows of a SELECT answer parsed in its W3C format.
fn solutions(format: QueryResultsFormat, body: &str) -> Vec<Vec<String>> {
    match QueryResultsParser::from_format(format)
        .for_slice(body.as_bytes())
        .unwrap_or_else(|e| panic!("{format:?} does not parse: {e}\n{body}"))
    {
        SliceQueryResultsParserOutput::Solutions(s) => s
            .map(|s| {
                s.expect("a solution")
                    .iter()
                    .map(|(_, t)| t.to_string())
                    .collect()
            })
            .collect(),
        SliceQueryResultsParserOutput::Boolean(b) => vec![vec![b.to_string()]],
    }
}

fn triples(format: RdfFormat, body: &str) -> usize {
    RdfParser::from_format(format)
        .for_slice(body.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{format:?} does not parse: {e}\n{body}"))
        .len()
}

fn seed(dir: &Path) -> std::path::PathBuf {
    seed_store(dir)
}

#[test]
fn the_sparql_protocol_answers_every_case() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&seed(dir.path()), &[]);
    let q = format!("{}/query", server.url);

    // GET ?query=, default JSON
    let a = get(&format!("{q}?query={}", enc(PEOPLE)), None);
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.content_type, "application/sparql-results+json");
    let json: serde_json::Value = serde_json::from_str(&a.body).unwrap();
    let names: Vec<&str> = json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["name"]["value"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Sergey Lavrov"), "{names:?}");

    // POST form and POST application/sparql-query give the same rows.
    let form = post(
        &q,
        "application/x-www-form-urlencoded",
        &format!("query={}", enc(PEOPLE)),
        None,
    );
    assert_eq!(form.status, 200, "{}", form.body);
    assert_eq!(form.body, a.body);
    let direct = post(&q, "application/sparql-query", PEOPLE, None);
    assert_eq!(direct.status, 200, "{}", direct.body);
    assert_eq!(direct.body, a.body);

    // Every result format of SELECT and ASK parses in its format.
    let rows = solutions(QueryResultsFormat::Json, &a.body);
    for (accept, content_type, format) in [
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            QueryResultsFormat::Xml,
        ),
        (
            "text/csv",
            "text/csv; charset=utf-8",
            QueryResultsFormat::Csv,
        ),
        (
            "text/tab-separated-values",
            "text/tab-separated-values; charset=utf-8",
            QueryResultsFormat::Tsv,
        ),
    ] {
        let r = get(&format!("{q}?query={}", enc(PEOPLE)), Some(accept));
        assert_eq!(r.status, 200, "{accept}: {}", r.body);
        assert_eq!(r.content_type, content_type);
        // Oxigraph does not read CSV results (they are lossy): the csv crate does.
        if format == QueryResultsFormat::Csv {
            assert_eq!(csv_rows(&r.body).len(), rows.len());
        } else {
            assert_eq!(solutions(format, &r.body).len(), rows.len(), "{accept}");
        }
        let ask = get(&format!("{q}?query={}", enc(ASK)), Some(accept));
        if format == QueryResultsFormat::Xml {
            assert_eq!(solutions(format, &ask.body), vec![vec!["true".to_string()]]);
        }
        assert_eq!(ask.status, 200, "ASK as {accept}: {}", ask.body);
        assert_eq!(ask.content_type, content_type);
    }
    let ask = get(&format!("{q}?query={}", enc(ASK)), None);
    assert_eq!(ask.content_type, "application/sparql-results+json");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&ask.body).unwrap()["boolean"],
        true
    );

    // q-values: the highest acceptable wins, a more specific range first.
    let r = get(
        &format!("{q}?query={}", enc(PEOPLE)),
        Some("text/csv;q=0.5, application/sparql-results+xml;q=0.9, */*;q=0.1"),
    );
    assert_eq!(r.content_type, "application/sparql-results+xml");
    let r = get(
        &format!("{q}?query={}", enc(PEOPLE)),
        Some("text/*;q=0.8, text/csv;q=0.2"),
    );
    assert_eq!(r.content_type, "text/tab-separated-values; charset=utf-8");
    let r = get(
        &format!("{q}?query={}", enc(PEOPLE)),
        Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
    );
    assert_eq!(r.content_type, "application/sparql-results+json");

    // CONSTRUCT and DESCRIBE in every RDF format.
    let mut counts = Vec::new();
    for (accept, format) in [
        ("text/turtle", RdfFormat::Turtle),
        ("application/n-triples", RdfFormat::NTriples),
        ("application/rdf+xml", RdfFormat::RdfXml),
        (
            "application/ld+json",
            RdfFormat::JsonLd {
                profile: oxigraph::io::JsonLdProfileSet::empty(),
            },
        ),
        ("application/n-quads", RdfFormat::NQuads),
        ("application/trig", RdfFormat::TriG),
    ] {
        let r = get(&format!("{q}?query={}", enc(CONSTRUCT)), Some(accept));
        assert_eq!(r.status, 200, "{accept}: {}", r.body);
        assert!(
            r.content_type.starts_with(accept),
            "{accept}: {}",
            r.content_type
        );
        counts.push(triples(format, &r.body));
    }
    assert!(
        counts[0] > 10 && counts.iter().all(|c| *c == counts[0]),
        "{counts:?}"
    );
    let r = get(&format!("{q}?query={}", enc(CONSTRUCT)), None);
    assert!(r.content_type.starts_with("text/turtle"));
    let describe =
        "DESCRIBE ?p WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> \"Sergey Lavrov\" }";
    let r = get(
        &format!("{q}?query={}", enc(describe)),
        Some("application/n-triples"),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(triples(RdfFormat::NTriples, &r.body) > 0);

    // 400 with the parser's message and position.
    let r = get(
        &format!("{q}?query={}", enc("SELECT ?x WHERE { ?x ?y }")),
        None,
    );
    assert_eq!(r.status, 400);
    assert!(r.content_type.starts_with("text/plain"));
    assert!(r.body.contains("line 1, column"), "{}", r.body);
    // 406 when nothing acceptable is offered.
    let r = get(&format!("{q}?query={}", enc(PEOPLE)), Some("image/png"));
    assert_eq!(r.status, 406, "{}", r.body);
    let r = get(&format!("{q}?query={}", enc(CONSTRUCT)), Some("text/csv"));
    assert_eq!(r.status, 406, "{}", r.body);
    // 415 on an unknown body type.
    let r = post(&q, "text/plain", PEOPLE, None);
    assert_eq!(r.status, 415, "{}", r.body);
    // Updates are refused, wherever they are sent; the store is unchanged.
    let update = "INSERT DATA { <http://example.org/a> <http://example.org/b> \"c\" }";
    for r in [
        post(
            &format!("{}/update", server.url),
            "application/sparql-update",
            update,
            None,
        ),
        get(&format!("{}/update", server.url), None),
        post(&q, "application/sparql-query", update, None),
        post(
            &q,
            "application/x-www-form-urlencoded",
            &format!("update={}", enc(update)),
            None,
        ),
    ] {
        assert_eq!(r.status, 403, "{}", r.body);
        assert!(r.body.contains("read"), "{}", r.body);
    }
    let r = get(
        &format!("{q}?query={}", enc("ASK { <http://example.org/a> ?p ?o }")),
        None,
    );
    assert!(r.body.contains("false"), "{}", r.body);
    // SERVICE is refused: the server makes no outbound requests.
    let service = "SELECT * WHERE { SERVICE <http://192.0.2.1/sparql> { ?s ?p ?o } }";
    let r = get(&format!("{q}?query={}", enc(service)), None);
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(r.body.contains("no outbound requests"), "{}", r.body);
    // A GET without a query: the service description.
    let r = get(&q, None);
    assert_eq!(r.status, 200);
    assert!(r.content_type.starts_with("text/turtle"));
    assert!(triples(RdfFormat::Turtle, &r.body) > 3);
    assert!(
        r.body.contains("sparql-service-description#Service"),
        "{}",
        r.body
    );
    let r = get(&q, Some("application/ld+json"));
    assert_eq!(r.content_type, "application/ld+json");
    // The body cap.
    let big = format!("{PEOPLE} #{}", "x".repeat(2 << 20));
    let r = post(&q, "application/sparql-query", &big, None);
    assert_eq!(r.status, 413, "{}", r.body);
    // The default graph is the union graph; default-graph-uri names others.
    let articles = get(
        &format!("{}/queries/articles", server.url),
        Some("text/csv"),
    );
    let graph = csv_rows(&articles.body)[0][0].clone();
    let count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    let in_graph = get(
        &format!("{q}?query={}&default-graph-uri={}", enc(count), enc(&graph)),
        Some("text/csv"),
    );
    let union = get(&format!("{q}?query={}", enc(count)), Some("text/csv"));
    // The union holds what is said of the shared resources; the article's
    // own triples (itself, its mentions) are in its graph alone.
    let own =
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o FILTER (STRSTARTS(STR(?s), STR(?g))) } }";
    let own = get(&format!("{q}?query={}", enc(own)), Some("text/csv"));
    assert_eq!(in_graph.status, 200, "{}", in_graph.body);
    let n = |r: &Answer| csv_rows(&r.body)[0][0].parse::<u32>().unwrap();
    assert!(n(&union) > 0 && n(&own) > 0);
    assert_eq!(
        n(&in_graph),
        n(&union) + n(&own),
        "one article: its graph is the union and its own triples"
    );

    // One log line per request: method, path, status, milliseconds.
    let log = server.log();
    assert!(log.contains("GET /query 200 "), "{log}");
    assert!(log.contains("POST /query 415 "), "{log}");
    assert!(log.contains("POST /update 403 "), "{log}");
    assert_eq!(server.stop(), Some(0));
}

#[test]
fn a_timeout_answers_503_and_a_large_result_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(
        &seed(dir.path()),
        &["--timeout", "1", "--max-result-mb", "1"],
    );
    let q = format!("{}/query", server.url);
    let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let start = std::time::Instant::now();
    let r = get(&format!("{q}?query={}", enc(slow)), None);
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("limit of 1s"), "{}", r.body);
    assert!(start.elapsed().as_secs() < 30);
    let large = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 200000";
    let r = get(&format!("{q}?query={}", enc(large)), None);
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("limit of 1 MB"), "{}", r.body);
    // The server still answers.
    let r = get(&format!("{q}?query={}", enc(ASK)), None);
    assert_eq!(r.status, 200);
}

#[test]
fn canned_queries_diagrams_and_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&seed(dir.path()), &[]);
    let u = &server.url;

    // /queries lists them.
    let r = get(&format!("{u}/queries"), None);
    assert_eq!(r.status, 200);
    assert_eq!(r.content_type, "application/json");
    let list: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"who-met-whom") && names.contains(&"events-of"),
        "{names:?}"
    );

    // /queries/NAME gives what `newsgraph query NAME` gives.
    let r = get(&format!("{u}/queries/who-met-whom"), Some("text/csv"));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.content_type, "text/csv; charset=utf-8");
    let srv = server.stop();
    assert_eq!(srv, Some(0));
    let cli = run(
        &dir.path().join("db"),
        &["query", "who-met-whom", "--format", "csv"],
    );
    assert_eq!(csv_rows(&r.body), csv_rows(&cli));
    assert!(r.body.contains("Sergey Lavrov"));

    let server = Server::start(&dir.path().join("db"), &[]);
    let u = &server.url;
    let r = get(
        &format!("{u}/queries/events-of?entity=Lavrov"),
        Some("application/sparql-results+xml"),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(!solutions(QueryResultsFormat::Xml, &r.body).is_empty());
    // A parameter is a literal joined into the algebra, never text: quotes
    // and braces find nothing and break nothing.
    let r = get(
        &format!(
            "{u}/queries/events-of?entity={}",
            enc("x\" } UNION { ?a ?b ?c")
        ),
        None,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(solutions(QueryResultsFormat::Json, &r.body).is_empty());
    let r = get(&format!("{u}/queries/events-of"), None);
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("entity"), "{}", r.body);
    let r = get(&format!("{u}/queries/events-of?entity=x&nope=1"), None);
    assert_eq!(r.status, 400, "{}", r.body);
    let r = get(&format!("{u}/queries/no-such-query"), None);
    assert_eq!(r.status, 404, "{}", r.body);

    // Diagrams: SVG drawn by Graphviz, or DOT.
    if has_tool("dot") {
        let r = get(&format!("{u}/dot/meetings"), None);
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.content_type, "image/svg+xml");
        assert!(
            r.body.contains("<svg") && r.body.contains("Sergey Lavrov"),
            "{}",
            r.body
        );
        let r = get(
            &format!("{u}/dot/entity?name={}", enc("Sergey Lavrov")),
            None,
        );
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.body.contains("Events of Sergey Lavrov"));
    }
    let r = get(&format!("{u}/dot/timeline?format=dot"), None);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.content_type.starts_with("text/vnd.graphviz"));
    assert!(r.body.starts_with("digraph"));
    let r = get(&format!("{u}/dot/meetings"), Some("text/vnd.graphviz"));
    assert!(r.body.starts_with("digraph"), "{}", r.body);
    let r = get(&format!("{u}/dot/entity"), None);
    assert_eq!(r.status, 400, "{}", r.body);
    let r = get(&format!("{u}/dot/nothing"), None);
    assert_eq!(r.status, 404, "{}", r.body);

    // The page and its assets, embedded; nothing from elsewhere.
    let page = get(&format!("{u}/"), None);
    assert_eq!(page.status, 200);
    assert_eq!(page.content_type, "text/html; charset=utf-8");
    assert!(page
        .header("content-security-policy")
        .unwrap()
        .contains("default-src 'self'"));
    for asset in ["/app.js", "/style.css", "/favicon.svg"] {
        let r = get(&format!("{u}{asset}"), None);
        assert_eq!(r.status, 200, "{asset}");
        assert!(page.body.contains(asset), "the page does not load {asset}");
    }
    assert!(!page.body.contains("http://") && !page.body.contains("https://"));
    // The page's facts, each with its article and offsets.
    let r = get(&format!("{u}/page/facts"), None);
    assert_eq!(r.status, 200, "{}", r.body);
    let facts: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    let first = &facts["results"]["bindings"][0];
    let (article, begin, end) = (
        first["article"]["value"].as_str().unwrap(),
        first["begin"]["value"]
            .as_str()
            .unwrap()
            .parse::<usize>()
            .unwrap(),
        first["end"]["value"]
            .as_str()
            .unwrap()
            .parse::<usize>()
            .unwrap(),
    );
    let r = get(&format!("{u}/page/article?iri={}", enc(article)), None);
    let text: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    let text = text["results"]["bindings"][0]["text"]["value"]
        .as_str()
        .unwrap();
    let anchor: String = text.chars().skip(begin).take(end - begin).collect();
    assert_eq!(anchor, first["anchor"]["value"].as_str().unwrap());
    let event = first["event"]["value"].as_str().unwrap();
    let r = get(&format!("{u}/page/sources?iri={}", enc(event)), None);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains(article));
    let r = get(&format!("{u}/page/sources?iri=not%20an%20iri"), None);
    assert_eq!(r.status, 400, "{}", r.body);
}

#[test]
fn safety_no_files_no_cors_unless_asked_writes_need_the_token() {
    let dir = tempfile::tempdir().unwrap();
    let store = seed(dir.path());
    let server = Server::start(&store, &[]);
    let u = &server.url;
    // No route reads a file: paths that climb out find nothing.
    for path in [
        "/../Cargo.toml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/app.js/../../README.md",
        "/assets/index.html",
    ] {
        let r = get(&format!("{u}{path}"), None);
        assert!(r.status == 404 || r.status == 400, "{path}: {}", r.status);
        assert!(!r.body.contains("root:"), "{path}");
    }
    // CORS is off by default.
    let agent = Server::agent();
    let r = answer(
        agent
            .get(&format!("{u}/query?query={}", enc(ASK)))
            .header("Origin", "http://elsewhere.test")
            .call(),
    );
    assert_eq!(r.status, 200);
    assert!(r.header("access-control-allow-origin").is_none());
    // The write routes need the token of serve.json, which only its owner reads.
    let r = post(
        &format!("{u}/admin/ingest"),
        "application/json",
        "{\"articles\":[]}",
        None,
    );
    assert_eq!(r.status, 401, "{}", r.body);
    let r = answer(
        agent
            .post(&format!("{u}/admin/remove"))
            .header("Authorization", "Bearer 0000")
            .header("Content-Type", "application/json")
            .send("{\"article\":\"x\"}"),
    );
    assert_eq!(r.status, 401, "{}", r.body);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(store.join("serve.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Loopback by default.
    let advert: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(store.join("serve.json")).unwrap()).unwrap();
    assert!(advert["url"]
        .as_str()
        .unwrap()
        .starts_with("http://127.0.0.1:"));
    assert_eq!(server.stop(), Some(0));
    assert!(
        !store.join("serve.json").exists(),
        "serve.json outlived the server"
    );

    // With --cors ORIGIN, that origin may call it.
    let server = Server::start(&store, &["--cors", "http://app.test"]);
    let r = answer(
        agent
            .get(&format!("{}/query?query={}", server.url, enc(ASK)))
            .header("Origin", "http://app.test")
            .call(),
    );
    assert_eq!(
        r.header("access-control-allow-origin"),
        Some("http://app.test")
    );
    let r = answer(
        agent
            .get(&format!("{}/query?query={}", server.url, enc(ASK)))
            .header("Origin", "http://other.test")
            .call(),
    );
    assert!(r.header("access-control-allow-origin").is_none());
    let r = answer(
        agent
            .options(&format!("{}/query", server.url))
            .header("Origin", "http://app.test")
            .header("Access-Control-Request-Method", "POST")
            .call(),
    );
    assert_eq!(r.status, 204);
    assert_eq!(
        r.header("access-control-allow-origin"),
        Some("http://app.test")
    );
}

#[test]
fn ingest_and_remove_while_serving_reach_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    let mut args = vec!["ingest".to_string()];
    args.extend(samples().iter().map(|p| p.display().to_string()));
    run(&store, &args.iter().map(String::as_str).collect::<Vec<_>>());
    let server = Server::start(&store, &[]);
    let who = format!("{}/queries/who-met-whom", server.url);
    assert!(!get(&who, Some("text/csv")).body.contains("Sergey Lavrov"));

    // The store is held by the server: `ingest` sends it the article, and
    // the next answer includes it.
    let seed = seed_article();
    let ingest_seed = || {
        run_raw(
            &store,
            &[
                "ingest",
                "--published",
                "2017-05-10",
                seed.to_str().unwrap(),
            ],
        )
    };
    let out = ingest_seed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("1 new") && stderr.contains(&server.url),
        "{stderr}"
    );
    let r = get(&who, Some("text/csv"));
    assert!(
        r.body.contains("Rex Tillerson,Sergey Lavrov,2017-05-10"),
        "{}",
        r.body
    );
    // The same article again: unchanged.
    let out = ingest_seed();
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 unchanged"));
    // Skipped inputs are told by the reader, with exit code 3.
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = run_raw(&store, &["ingest", empty.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // A reader cannot open the store; the hint says where the server is.
    let out = run_raw(&store, &["query", "people"]);
    assert_eq!(out.status.code(), Some(75));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{}/query", server.url)));

    // `remove` goes through the server too.
    let articles = get(
        &format!("{}/queries/articles", server.url),
        Some("text/csv"),
    );
    let seed_source = csv_rows(&articles.body)
        .into_iter()
        .map(|r| r[1].clone())
        .find(|s| s.contains("lavrov"))
        .expect("the seed article is listed");
    let out = run_raw(&store, &["remove", &seed_source]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!get(&who, Some("text/csv")).body.contains("Sergey Lavrov"));
    let out = run_raw(&store, &["remove", "no-such-article"]);
    assert_eq!(out.status.code(), Some(2));
    let log = server.log();
    assert!(log.contains("POST /admin/ingest 200"), "{log}");
    assert!(log.contains("POST /admin/remove 200"), "{log}");

    // A server that cannot be reached: exit 75, saying why.
    let advert = std::fs::read_to_string(store.join("serve.json")).unwrap();
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    std::fs::write(
        store.join("serve.json"),
        advert.replace(&server.url, &format!("http://127.0.0.1:{closed}")),
    )
    .unwrap();
    let out = run_raw(&store, &["ingest", seed.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(75), "{stderr}");
    assert!(stderr.contains("did not answer"), "{stderr}");
    std::fs::write(store.join("serve.json"), &advert).unwrap();

    // Stopped cleanly, the server removes serve.json and the store is free.
    assert_eq!(server.stop(), Some(0));
    assert!(!store.join("serve.json").exists());
    let people = run(&store, &["query", "articles", "--format", "csv"]);
    assert_eq!(csv_rows(&people).len(), 3);

    // A killed server leaves a stale serve.json, which blocks nothing: the
    // lock went with the process.
    let mut killed = Server::start(&store, &[]);
    killed.child.kill().unwrap();
    killed.child.wait().unwrap();
    assert!(store.join("serve.json").exists());
    let out = ingest_seed();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let server = Server::start(&store, &[]);
    let r = get(
        &format!("{}/queries/who-met-whom", server.url),
        Some("text/csv"),
    );
    assert!(r.body.contains("Sergey Lavrov"), "{}", r.body);
}
