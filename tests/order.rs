//! Order from the grammar of one sentence: what a past-tense verb reports
//! comes before what an infinitive after it plans.

use newsgraph::extract::Extractor;
use newsgraph::model::Modality;
use newsgraph::model::PartialDate;

fn trigger<'a>(text: &'a str, x: &newsgraph::model::Extraction, i: usize) -> &'a str {
    x.events[i].trigger.text(text)
}

#[test]
fn a_past_event_precedes_the_plan_it_sets_up() {
    let text = "Kestrel Aviation won a contract on Monday to supply ten tankers to the navy.\n\
                The navy began to replace its fleet in 2019.\n";
    let x = Extractor::bundled().extract(text, PartialDate::parse("2024-03-06"));
    let find = |w: &str| (0..x.events.len()).find(|&i| trigger(text, &x, i) == w);
    let won = find("won").expect("won is an event");
    let supply = find("supply").expect("supply is an event");
    assert_eq!(x.events[supply].modality, Modality::Planned);
    assert!(x.before.contains(&(won, supply)), "{:?}", x.before);
    // "began to replace": an aspect verb, not a plan.
    let replace = find("replace").expect("replace is an event");
    assert_eq!(x.events[replace].modality, Modality::Asserted);
    assert!(!x.before.contains(&(supply, won)));
}
