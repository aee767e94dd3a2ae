//! Every IRI of the vocabulary module, and every class and predicate the
//! extractor writes, is declared in `ontology/newsgraph.ttl`.

mod common;
use common::*;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedNode, Term};
use std::collections::HashSet;

fn declared() -> HashSet<String> {
    let ttl = std::fs::read(repo().join("ontology/newsgraph.ttl")).unwrap();
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(&ttl)
        .map(|q| q.expect("ontology parses"))
        .filter(|q| q.predicate.as_str() == "http://www.w3.org/2000/01/rdf-schema#label")
        .filter_map(|q| match q.subject {
            oxigraph::model::NamedOrBlankNode::NamedNode(n) => Some(n.into_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn vocabulary_terms_are_declared_with_labels() {
    use newsgraph::graph::vocab::*;
    let d = declared();
    for t in ng::ALL
        .iter()
        .chain(schema::ALL)
        .chain(sem::ALL)
        .chain(nif::ALL)
        .chain(prov::ALL)
    {
        assert!(
            d.contains(t.as_str()),
            "{} is not declared (with an rdfs:label) in ontology/newsgraph.ttl",
            t.as_str()
        );
    }
}

#[test]
fn every_written_class_and_predicate_is_declared() {
    let d = declared();
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    let mut args = vec!["ingest".to_string()];
    args.extend(samples().iter().map(|p| p.display().to_string()));
    run(&store, &args.iter().map(String::as_str).collect::<Vec<_>>());
    let nt = run(&store, &["export", "--format", "ntriples"]);
    let builtin = [
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        "http://www.w3.org/2000/01/rdf-schema#label",
    ];
    let mut used = HashSet::new();
    for t in RdfParser::from_format(RdfFormat::NTriples).for_slice(nt.as_bytes()) {
        let t = t.unwrap();
        used.insert(t.predicate.as_str().to_string());
        if t.predicate.as_str() == builtin[0] {
            if let Term::NamedNode(c) = &t.object {
                used.insert(c.as_str().to_string());
            }
        }
    }
    let missing: Vec<&String> = used
        .iter()
        .filter(|u| !d.contains(*u) && !builtin.contains(&u.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "not declared in the ontology: {missing:?}"
    );
    assert!(used
        .contains(NamedNode::new_unchecked("https://w3id.org/newsgraph/ontology#before").as_str()));
}

#[test]
fn the_json_ld_context_maps_to_declared_terms() {
    let d = declared();
    let ctx: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("ontology/context.jsonld")).unwrap(),
    )
    .unwrap();
    let ctx = ctx["@context"].as_object().unwrap();
    let prefixes: std::collections::HashMap<&str, &str> = ctx
        .iter()
        .filter_map(|(k, v)| {
            v.as_str()
                .filter(|s| s.starts_with("http"))
                .map(|s| (k.as_str(), s))
        })
        .collect();
    let mut checked = 0;
    for (term, v) in ctx {
        let id = match v {
            serde_json::Value::String(s) => s.as_str(),
            serde_json::Value::Object(o) => o["@id"].as_str().unwrap(),
            _ => continue,
        };
        let Some((p, local)) = id.split_once(':') else {
            continue;
        };
        let Some(ns) = prefixes.get(p) else { continue };
        if ["xsd", "wd", "id"].contains(&p) || id.starts_with("http") {
            continue;
        }
        let iri = format!("{ns}{local}");
        assert!(
            d.contains(&iri) || iri == "http://www.w3.org/2000/01/rdf-schema#label",
            "context term `{term}` maps to {iri}, not declared in the ontology"
        );
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} terms checked");
}
