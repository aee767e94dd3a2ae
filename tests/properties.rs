//! Property tests: on thousands of generated texts (fixed seeds, so a
//! failure reproduces), extraction never panics, every span lies inside the
//! text on character boundaries, the JSON output has the FORMAT.md shape,
//! and the RDF output parses back.

use newsgraph::extract::Extractor;
use newsgraph::model::Article;
use newsgraph::model::PartialDate;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};

/// A small deterministic generator (64-bit LCG).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() as usize) % items.len()]
    }
}

const PIECES: &[&str] = &[
    "the",
    "met",
    "with",
    "President",
    "Anna",
    "Berg",
    "fired",
    "talks",
    "between",
    "and",
    "in",
    "Oslo",
    "Russia",
    "FBI",
    "U.S.",
    "May",
    "9",
    ",",
    "2017",
    ":",
    ".",
    "\"",
    "“",
    "”",
    "’s",
    "'s",
    "(",
    ")",
    "\n",
    "\n\n",
    "Wednesday",
    "last",
    "month",
    "two",
    "weeks",
    "ago",
    "later",
    "The",
    "Ministry",
    "of",
    "Foreign",
    "Affairs",
    "Image:",
    "Reuters/J.",
    "Ünïcödé",
    "日本",
    "—",
    "–",
    "-",
    "Al-",
    "O'Brien",
    "5/9/2017",
    "2017-05-09",
    "did",
    "not",
    "will",
    "meet",
    "arrested",
    "by",
    "was",
    "who",
    "that",
    "\t",
    "  ",
    "€",
    "🙂",
    "ß",
    "İstanbul",
    "\r\n",
    "Dr.",
    "Mr",
    "Sen.",
    "X",
    "'",
    "’",
];

fn text(rng: &mut Rng) -> String {
    let n = 1 + rng.next() % 60;
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(rng.pick(PIECES));
        if !rng.next().is_multiple_of(3) {
            s.push(' ');
        }
    }
    s
}

fn check_span(t: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= t.len(),
        "{what} span {start}..{end} outside {t:?}"
    );
    assert!(
        t.is_char_boundary(start) && t.is_char_boundary(end),
        "{what} span {start}..{end} not on char boundaries in {t:?}"
    );
}

#[test]
fn extraction_holds_its_invariants_on_generated_text() {
    let extractor = Extractor::bundled();
    let mut rng = Rng(0x5eed);
    for case in 0..3000 {
        let t = text(&mut rng);
        let published = if case % 2 == 0 {
            PartialDate::parse("2017-05-10")
        } else {
            None
        };
        let x = extractor.extract(&t, published);
        for e in &x.entities {
            assert!(!e.name.is_empty());
            for m in &e.mentions {
                check_span(&t, m.start, m.end, "mention");
                assert!(m.start < m.end, "empty mention in {t:?}");
            }
        }
        for ev in &x.events {
            check_span(&t, ev.trigger.start, ev.trigger.end, "trigger");
            for p in &ev.participants {
                assert!(p.entity < x.entities.len());
            }
        }
        for tx in &x.timexes {
            check_span(&t, tx.span.start, tx.span.end, "timex");
        }
        for &(a, b) in &x.before {
            assert!(a < x.events.len() && b < x.events.len() && a != b);
        }
        // JSON: the FORMAT.md shape, code-point offsets within the text.
        let doc =
            newsgraph::json::document("case", &t, published.map(|d| d.to_string()).as_deref(), &x);
        let n_chars = t.chars().count() as u64;
        for e in doc["entities"].as_array().unwrap() {
            assert!(["Person", "Organization", "Country", "Place"]
                .contains(&e["type"].as_str().unwrap()));
            for m in e["mentions"].as_array().unwrap() {
                let (a, b) = (m[0].as_u64().unwrap(), m[1].as_u64().unwrap());
                assert!(a < b && b <= n_chars);
            }
        }
        let ids: Vec<&str> = doc["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["id"].as_str().unwrap())
            .collect();
        for pair in doc["before"].as_array().unwrap() {
            assert!(
                ids.contains(&pair[0].as_str().unwrap())
                    && ids.contains(&pair[1].as_str().unwrap())
            );
        }
        // RDF: the quads serialize and parse back to the same count.
        let article = Article {
            source: format!("case-{case}.txt"),
            text: t.clone(),
            published,
            title: "t".into(),
        };
        let quads = newsgraph::graph::quads(&article, "key", &x);
        let mut w = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
        for q in &quads {
            w.serialize_quad(q).unwrap();
        }
        let bytes = w.finish().unwrap();
        let back = RdfParser::from_format(RdfFormat::NQuads)
            .for_slice(&bytes)
            .collect::<Result<Vec<_>, _>>();
        assert_eq!(
            back.expect("N-Quads parse back").len(),
            quads.len(),
            "case {case}: {t:?}"
        );
    }
}
