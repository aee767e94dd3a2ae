//! Trigger words in senses that are no event of their lexicon type, and the
//! same words where they are one: `tests/data/senses.tsv` holds a sentence,
//! a word of it, and the event type expected on that word (`-`: no event).

mod common;
use newsgraph::lexicon::Lexicon;
use newsgraph::time::PartialDate;

#[test]
fn trigger_words_take_the_sense_of_their_context() {
    let table = std::fs::read_to_string(common::repo().join("tests/data/senses.tsv")).unwrap();
    let lex = Lexicon::bundled();
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let [text, word, want] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("not three tab-separated fields: {line:?}");
        };
        let want = (want != "-").then_some(want);
        let x = newsgraph::extract::extract(text, PartialDate::parse("2024-03-06"), lex);
        let at = text.find(word).expect("the word is in the sentence");
        let got = x
            .events
            .iter()
            .find(|e| {
                std::iter::once(&e.trigger)
                    .chain(&e.coreferent)
                    .any(|t| t.start <= at && at < t.end)
            })
            .map(|e| e.kind.as_str());
        if got != want {
            failures.push(format!("{text:?} {word:?}: expected {want:?}, got {got:?}"));
        }
        cases += 1;
    }
    assert!(cases >= 15, "the table has {cases} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
