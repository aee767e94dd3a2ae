//! Trigger words in senses that are no event of their lexicon type, and the
//! same words where they are one: `tests/data/senses.tsv` holds a sentence,
//! a word of it, the event type expected on that word (`-`: no event) and,
//! optionally, the event's modality (`asserted`, `planned`, `hypothetical`,
//! `negated`).

mod common;
use newsgraph::extract::Extractor;
use newsgraph::model::PartialDate;

#[test]
fn trigger_words_take_the_sense_of_their_context() {
    let table = std::fs::read_to_string(common::repo().join("tests/data/senses.tsv")).unwrap();
    let extractor = Extractor::bundled();
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let (text, word, want, want_modality) = match fields[..] {
            [text, word, want] => (text, word, want, None),
            [text, word, want, modality] => (text, word, want, Some(modality)),
            _ => panic!("not three or four tab-separated fields: {line:?}"),
        };
        let want = (want != "-").then_some(want);
        let x = extractor.extract(text, PartialDate::parse("2024-03-06"));
        let at = text.find(word).expect("the word is in the sentence");
        let event = x.events.iter().find(|e| {
            std::iter::once(&e.trigger)
                .chain(e.coreferent.iter().map(|c| &c.trigger))
                .any(|t| t.start <= at && at < t.end)
        });
        let got = event.map(|e| e.kind.as_str());
        if got != want {
            failures.push(format!("{text:?} {word:?}: expected {want:?}, got {got:?}"));
        }
        if let (Some(m), Some(e)) = (want_modality, event) {
            if e.modality.as_str() != m {
                failures.push(format!(
                    "{text:?} {word:?}: expected modality {m}, got {}",
                    e.modality.as_str()
                ));
            }
        }
        cases += 1;
    }
    assert!(cases >= 40, "the table has {cases} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
