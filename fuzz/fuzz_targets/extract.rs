//! Any bytes, read as an article the way `ingest` reads them (lossy UTF-8):
//! extraction must not panic, every span must lie inside the text on
//! character boundaries, and the RDF must serialize and parse back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::model::Article;
use newsgraph::extract::Extractor;
use newsgraph::model::PartialDate;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};

fn check(text: &str, start: usize, end: usize) {
    assert!(
        start <= end && end <= text.len(),
        "span {start}..{end} outside the text"
    );
    assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    // The first byte picks whether a publication date is known.
    let published = if data.first().is_some_and(|b| b % 2 == 0) {
        PartialDate::parse("2017-05-10")
    } else {
        None
    };
    let x = Extractor::bundled().extract(&text, published);
    for e in &x.entities {
        for m in e.mentions.iter().chain(&e.extents) {
            check(&text, m.start, m.end);
        }
    }
    for ev in &x.events {
        check(&text, ev.trigger.start, ev.trigger.end);
        assert!(ev.participants.iter().all(|p| p.entity < x.entities.len()));
    }
    for t in &x.timexes {
        check(&text, t.span.start, t.span.end);
    }
    let doc = newsgraph::json::document("fuzz", &text, None, &x);
    assert!(doc["entities"].is_array() && doc["events"].is_array());
    let article = Article {
        source: "fuzz.txt".into(),
        text: text.clone(),
        published,
        title: "fuzz".into(),
    };
    let quads = newsgraph::graph::quads(&article, "fuzz", &x);
    let mut w = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
    for q in &quads {
        w.serialize_quad(q).unwrap();
    }
    let bytes = w.finish().unwrap();
    let back = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&bytes)
        .count();
    assert_eq!(back, quads.len());
});
