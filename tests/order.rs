//! What came first: `tests/data/order.tsv` holds short texts of our own and
//! the `before` pairs expected (and excluded) between their trigger words:
//! connectives ("after", "before", "prior to", "a week after"), discourse
//! adverbs ("later", "earlier"), tense and aspect (past perfect before the
//! simple past, a report after the settled fact it states or the past event
//! it tells, a plan after the past event that sets it up) and dates.

mod common;
use newsgraph::extract::Extractor;
use newsgraph::model::{Extraction, PartialDate};

/// The event whose trigger (or a coreferent mention) covers the first
/// occurrence of `word`.
fn event_on(text: &str, x: &Extraction, word: &str) -> Option<usize> {
    let at = text.find(word)?;
    x.events.iter().position(|e| {
        std::iter::once(&e.trigger)
            .chain(e.coreferent.iter().map(|c| &c.trigger))
            .any(|t| t.start <= at && at < t.end)
    })
}

#[test]
fn before_pairs_of_the_order_table() {
    let table = std::fs::read_to_string(common::repo().join("tests/data/order.tsv")).unwrap();
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let [text, pairs] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("not two tab-separated fields: {line:?}");
        };
        let x = Extractor::bundled().extract(text, PartialDate::parse("2024-03-06"));
        for pair in pairs.split(';').map(str::trim) {
            cases += 1;
            let (negated, pair) = match pair.strip_prefix('!') {
                Some(p) => (true, p),
                None => (false, pair),
            };
            let (a, b) = pair.split_once('<').expect("a pair is first<second");
            let (Some(ea), Some(eb)) = (event_on(text, &x, a), event_on(text, &x, b)) else {
                failures.push(format!("{text:?}: no event on {a:?} or {b:?}"));
                continue;
            };
            if x.before.contains(&(ea, eb)) == negated {
                let words: Vec<(&str, &str)> = x
                    .before
                    .iter()
                    .map(|&(p, q)| {
                        (
                            x.events[p].trigger.text(text),
                            x.events[q].trigger.text(text),
                        )
                    })
                    .collect();
                failures.push(format!(
                    "{text:?}: expected {}{a}<{b}, got {words:?}",
                    if negated { "no " } else { "" }
                ));
            }
        }
    }
    assert!(cases > 10, "the table is read");
    assert!(
        failures.is_empty(),
        "{} of {cases} order cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The document's `before` (`extract --format json`, what `eval` scores)
/// relates events told in one sentence or neighbouring ones, and every
/// event to the news of the first line; the extraction keeps the whole
/// order, of which the graph's `ng:before+` is the closure.
#[test]
fn the_document_relates_neighbours_and_the_lede() {
    let text = "Harbour authority fires chief executive Lena Berg\n\
        The harbour authority fired its chief executive, Lena Berg, on Monday.\n\
        Berg was hired in March 2019.\n\
        She expanded the container terminal in 2020.\n\
        A new crane contract was signed in June 2021.\n";
    let x = Extractor::bundled().extract(text, PartialDate::parse("2024-03-06"));
    let doc = newsgraph::json::document("d", text, Some("2024-03-06"), &x);
    let chars: Vec<char> = text.chars().collect();
    let word_of = |id: &str| -> String {
        let v = (doc["events"].as_array().unwrap().iter())
            .find(|v| v["id"] == id)
            .expect("a pair names written events");
        let [a, b] = [0, 1].map(|k| v["trigger"][k].as_u64().unwrap() as usize);
        chars[a..b].iter().collect()
    };
    let pairs: Vec<(String, String)> = (doc["before"].as_array().unwrap().iter())
        .map(|p| {
            (
                word_of(p[0].as_str().unwrap()),
                word_of(p[1].as_str().unwrap()),
            )
        })
        .collect();
    let has = |a: &str, b: &str| pairs.contains(&(a.to_string(), b.to_string()));
    // Neighbouring sentences, and each event against the headline's.
    for (a, b) in [("hired", "expanded"), ("expanded", "signed")] {
        assert!(has(a, b), "{a}<{b} missing from {pairs:?}");
    }
    for a in ["hired", "expanded", "signed"] {
        assert!(
            has(a, "fires") && has(a, "fired"),
            "{a}<fires missing from {pairs:?}"
        );
    }
    // Two sentences apart, neither in the first line: in the order, not
    // in the document.
    assert!(!has("hired", "signed"), "{pairs:?}");
    let on = |w: &str| event_on(text, &x, w).unwrap();
    let ordered = |a: usize, b: usize| {
        let mut stack = vec![a];
        let mut seen = std::collections::HashSet::new();
        while let Some(e) = stack.pop() {
            for &(p, q) in &x.before {
                if p == e && seen.insert(q) {
                    stack.push(q);
                }
            }
        }
        seen.contains(&b)
    };
    assert!(ordered(on("hired"), on("signed")));
}
