//! Names and their types on sentences of our own (`tests/data/names.tsv`):
//! each row lists entities (and people's attributes, and which entity a
//! mention is linked to) that must be found and ones that must not.

mod common;
use newsgraph::extract::Extractor;
use newsgraph::model::PartialDate;

#[test]
fn names_of_the_table() {
    let table = std::fs::read_to_string(common::repo().join("tests/data/names.tsv")).unwrap();
    let (mut cases, mut failures) = (0, Vec::new());
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let [text, wants] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("not two tab-separated fields: {line:?}");
        };
        // `\n` in a text is a line break.
        let text = &text.replace("\\n", "\n");
        let x = Extractor::bundled().extract(text, PartialDate::parse("2024-03-06"));
        let found: Vec<String> = x
            .entities
            .iter()
            .flat_map(|e| {
                std::iter::once(e.name.clone())
                    .chain(e.mentions.iter().map(|m| m.text(text).to_string()))
                    .map(move |n| format!("{}:{n}", e.kind.as_str()))
            })
            .chain(x.entities.iter().flat_map(|e| {
                // Attributes: `memberOf:Person>Organization`, `jobTitle:Person>title`.
                let a = &e.attributes;
                let member = a
                    .member_of
                    .map(|o| format!("memberOf:{}>{}", e.name, x.entities[o].label()));
                let title = a
                    .job_title
                    .as_ref()
                    .map(|t| format!("jobTitle:{}>{t}", e.name));
                member.into_iter().chain(title)
            }))
            .chain(x.entities.iter().flat_map(|e| {
                // Linking: `sameAs:mention>entity name`.
                e.mentions
                    .iter()
                    .map(move |m| format!("sameAs:{}>{}", m.text(text), e.name))
            }))
            .collect();
        for want in wants.split(';').map(str::trim) {
            cases += 1;
            let (negated, want) = match want.strip_prefix('!') {
                Some(w) => (true, w),
                None => (false, want),
            };
            if found.iter().any(|f| f == want) == negated {
                failures.push(format!(
                    "{text:?}: expected {}{want}, found {found:?}",
                    if negated { "no " } else { "" }
                ));
            }
        }
    }
    assert!(cases >= 8, "the table is read");
    assert!(
        failures.is_empty(),
        "{} of {cases} name cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
