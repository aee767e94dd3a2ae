//! The page of `newsgraph serve` in a real browser: Debian's chromium,
//! driven by playwright-core (tests/browser/, installed by
//! scripts/setup.sh). It loads /, runs who-met-whom from its form and reads
//! the rows, opens the meetings diagram and finds the names in the SVG, and
//! follows a fact to its article and offsets. With CI set, a missing
//! browser, node or playwright-core fails the test; elsewhere it is skipped
//! with a message. `NEWSGRAPH_SCREENSHOT=1` writes the screenshot to
//! docs/img/serve.png (the README's).

mod common;
use common::*;

const CHROMIUM: &str = "/usr/bin/chromium";

fn missing() -> Vec<String> {
    let mut out = Vec::new();
    if !std::path::Path::new(CHROMIUM).exists() {
        out.push(format!(
            "{CHROMIUM} (apt-get install chromium chromium-driver)"
        ));
    }
    if !has_tool("node") {
        out.push("node (apt-get install nodejs npm)".into());
    }
    if !repo()
        .join("tests/browser/node_modules/playwright-core")
        .exists()
    {
        out.push("playwright-core (npm ci --prefix tests/browser)".into());
    }
    out
}

#[test]
fn the_page_answers_in_a_browser() {
    let missing = missing();
    if !missing.is_empty() {
        let message = format!(
            "the browser test needs {} (scripts/setup.sh test installs them)",
            missing.join(", ")
        );
        assert!(std::env::var_os("CI").is_none(), "{message}");
        eprintln!("skipped: {message}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let store = seed_and_samples_store(dir.path());
    let server = Server::start(&store, &[]);
    let screenshot = if std::env::var_os("NEWSGRAPH_SCREENSHOT").is_some() {
        repo().join("docs/img/serve.png")
    } else {
        dir.path().join("serve.png")
    };
    let out = std::process::Command::new("node")
        .arg(repo().join("tests/browser/serve.mjs"))
        .arg(format!("{}/", server.url))
        .arg(&screenshot)
        .env("CHROMIUM", CHROMIUM)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "node failed:\n{stdout}\n{stderr}");
    let result: serde_json::Value = serde_json::from_str(stdout.trim())
        .unwrap_or_else(|e| panic!("{e}: not JSON:\n{stdout}\n{stderr}"));
    assert_eq!(result["ok"], true, "{result:#}\n{}", server.log());
    assert_eq!(result["title"], "newsgraph");

    // who-met-whom's rows, as the page shows them
    let rows: Vec<Vec<String>> = serde_json::from_value(result["rows"].clone()).unwrap();
    assert!(
        rows.iter()
            .any(|r| r[..2] == ["Rex Tillerson".to_string(), "Sergey Lavrov".to_string()]),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains(&"Ingrid Solberg".to_string())),
        "{rows:?}"
    );
    // the meetings diagram's names, in the SVG in the page
    let svg: Vec<String> = serde_json::from_value(result["svgText"].clone()).unwrap();
    for name in [
        "Sergey Lavrov",
        "Rex Tillerson",
        "Donald Trump",
        "Ingrid Solberg",
    ] {
        assert!(
            svg.iter().any(|t| t == name),
            "{name} not in the SVG: {svg:?}"
        );
    }
    // a fact followed to its article: the marked text is the mention's
    let link = result["factLink"].as_str().unwrap();
    let marked = result["marked"].as_str().unwrap();
    assert!(
        !marked.is_empty() && link.contains(&format!("“{marked}”")),
        "{link} / {marked}"
    );
    // everything came from the server, and nothing failed
    for url in result["requests"].as_array().unwrap() {
        assert!(
            url.as_str().unwrap().starts_with(&server.url),
            "loaded {url}"
        );
    }
    assert_eq!(result["consoleErrors"], serde_json::json!([]), "{result:#}");
    assert!(std::fs::metadata(&screenshot).unwrap().len() > 10_000);
}
