//! Who did what to whom, and when: `tests/data/roles.tsv` holds a sentence,
//! its trigger word, the participants expected (role and a name the entity
//! is mentioned by) and the event's date. A case passes when the event on
//! the trigger word has exactly those participants and that date.

mod common;
use newsgraph::extract::Extractor;
use newsgraph::model::PartialDate;
use std::collections::BTreeSet;

/// Cases that pass today with the parser; the floor only goes up.
const PASSING: usize = 117;

#[test]
fn participants_and_dates_of_events() {
    let (with_parser, failures) = run(&Extractor::bundled().clone().with_parser());
    let (patterns_only, _) = run(Extractor::bundled());
    eprintln!(
        "{with_parser} cases pass with the parser, {patterns_only} with patterns only; failing:\n{}",
        failures.join("\n")
    );
    assert!(
        with_parser >= PASSING && with_parser > patterns_only,
        "{with_parser} cases pass ({patterns_only} without the parser), floor {PASSING}:\n{}",
        failures.join("\n")
    );
}

/// How many cases pass, and what the others give.
fn run(extractor: &Extractor) -> (usize, Vec<String>) {
    let table = std::fs::read_to_string(common::repo().join("tests/data/roles.tsv")).unwrap();
    let (mut passed, mut failures) = (0, Vec::new());
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let [text, word, want, want_date] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("not four tab-separated fields: {line:?}");
        };
        let want: BTreeSet<String> = want
            .split(';')
            .map(str::trim)
            .filter(|w| *w != "-" && !w.is_empty())
            .map(str::to_string)
            .collect();
        let want_date = (want_date != "-").then_some(want_date);
        let x = extractor.extract(text, PartialDate::parse("2024-03-06"));
        let at = text.find(word).expect("the word is in the sentence");
        let Some(event) = x.events.iter().find(|e| {
            std::iter::once(&e.trigger)
                .chain(&e.coreferent)
                .any(|t| t.start <= at && at < t.end)
        }) else {
            failures.push(format!("{text:?}: no event on {word:?}"));
            continue;
        };
        // A participant matches a name any mention of its entity has.
        let got: BTreeSet<String> = event
            .participants
            .iter()
            .map(|p| {
                let e = &x.entities[p.entity];
                let name = want
                    .iter()
                    .filter(|w| w.starts_with(p.role.as_str()))
                    .filter_map(|w| w.split_once(':').map(|(_, n)| n))
                    .find(|n| e.mentions.iter().any(|m| m.text(text) == *n) || e.name == *n)
                    .map_or_else(|| e.label().to_string(), str::to_string);
                format!("{}:{name}", p.role.as_str())
            })
            .collect();
        let got_date = event.date.map(|d| d.to_string());
        if got == want && got_date.as_deref() == want_date {
            passed += 1;
        } else {
            failures.push(format!(
                "{text:?} {word:?}: expected {want:?} on {want_date:?}, got {got:?} on {got_date:?}"
            ));
        }
    }
    (passed, failures)
}
