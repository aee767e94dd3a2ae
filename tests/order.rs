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
