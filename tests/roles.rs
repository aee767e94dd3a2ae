//! Who did what to whom, and when: `tests/data/roles.tsv` holds a sentence,
//! its trigger word, the participants expected (role and a name the entity
//! is mentioned by) and the event's date. A case passes when the event on
//! the trigger word has exactly those participants and that date.

mod common;
use newsgraph::extract::Extractor;
use newsgraph::model::PartialDate;
use serde_json::Value;
use std::collections::BTreeSet;

/// Cases that pass today with the parser; the floor only goes up.
const PASSING: usize = 267;

#[test]
fn participants_and_dates_of_events() {
    let (with_parser, failures) = run(Extractor::bundled());
    let (patterns_only, _) = run(&Extractor::bundled().clone().without_parser());
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
                .chain(e.coreferent.iter().map(|c| &c.trigger))
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

/// The names each written mention of the event at `word` has.
fn named_at(doc: &Value, text: &str, word: &str) -> Vec<String> {
    let at = text.chars().count() - text[text.find(word).unwrap()..].chars().count();
    let name = |id: &Value| {
        doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| &e["id"] == id)
            .unwrap()["name"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let ev = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["trigger"][0].as_u64() == Some(at as u64))
        .unwrap_or_else(|| panic!("an event mention at {word:?}"));
    let mut names: Vec<String> = ev["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| name(&p["entity"]))
        .collect();
    names.sort();
    names
}

#[test]
fn each_event_mention_has_the_participants_its_sentence_names() {
    let text = "Ana Costa met Piet Vermeer in Lisbon on Monday.\n\
                The meeting lasted two hours, aides said.";
    let x = Extractor::bundled().extract(text, PartialDate::parse("2024-03-06"));
    let met = x
        .events
        .iter()
        .find(|e| e.kind == "Meeting")
        .expect("the meeting");
    assert_eq!(met.coreferent.len(), 1, "one event told twice: {met:?}");
    assert_eq!(met.participants.len(), 3, "the event has all: {met:?}");
    let doc = newsgraph::json::document("d", text, Some("2024-03-06"), &x);
    assert_eq!(
        named_at(&doc, text, "met"),
        ["Ana Costa", "Lisbon", "Piet Vermeer"]
    );
    assert!(named_at(&doc, text, "meeting").is_empty(), "{doc}");
}
