//! Cross-article identity, decided from the set of names alone.
//!
//! Each article's graph depends on the article only. What links articles —
//! a person named by a surname alone ("Solberg") being the one full-named
//! person with that surname ("Ingrid Solberg"), and the one label shown for
//! a resource that articles spell differently ("Bashar al-Assad", "Bashar
//! Al-Assad") — is a function of the *set* of article graphs, so that the
//! same articles give the same graph whatever the order, the batches, the
//! machines and the interrupted runs they went through. The store keeps
//! these links in [`LINKS_GRAPH`] (`owl:sameAs`) and the union graph that
//! queries read through them.

use crate::graph::vocab::ID;
use oxigraph::model::NamedNode;
use std::collections::BTreeMap;

/// The graph holding the cross-article links (`owl:sameAs`), recomputed
/// from the set of articles after every write.
pub const LINKS_GRAPH: &str = "https://w3id.org/newsgraph/id/graph/links";

/// Whether a graph is an article's graph (not the union, links or
/// bookkeeping graphs).
pub fn is_article_graph(graph: &str) -> bool {
    graph
        .strip_prefix(ID)
        .is_some_and(|rest| rest.starts_with("article/"))
}

/// Whether a resource belongs to one article: the article itself or one of
/// its mentions (`…/article/NAME#char=B,E`). Such triples stay in their
/// article's graph: no link ever rewrites them, and the union graph holds
/// only what is said of the resources articles share.
pub fn is_article_local(iri: &str) -> bool {
    is_article_graph(iri)
}

/// The labels articles give one resource, each with the number of article
/// graphs that state it.
pub type LabelCounts = BTreeMap<String, usize>;

/// The label shown for a resource: the one most article graphs state, the
/// smallest string among equals (a choice that does not depend on order).
pub fn canonical_label(labels: &LabelCounts) -> Option<&str> {
    labels
        .iter()
        .max_by(|(a, m), (b, n)| m.cmp(n).then_with(|| b.cmp(a)))
        .map(|(l, _)| l.as_str())
}

/// Surname links over every person of the store (IRI → its labels): a
/// person whose label is one word is the person whose full label (more than
/// one word) ends with that word, when exactly one such person exists.
pub fn surname_links(people: &BTreeMap<NamedNode, LabelCounts>) -> BTreeMap<NamedNode, NamedNode> {
    let mut by_surname: BTreeMap<&str, Vec<&NamedNode>> = BTreeMap::new();
    let mut single = Vec::new();
    for (iri, labels) in people {
        let Some(label) = canonical_label(labels) else {
            continue;
        };
        match label.rsplit_once(' ') {
            Some((_, last)) if !last.is_empty() => by_surname.entry(last).or_default().push(iri),
            Some(_) => {}
            None => single.push((iri, label)),
        }
    }
    single
        .into_iter()
        .filter_map(|(iri, surname)| match by_surname.get(surname)?.as_slice() {
            [one] if *one != iri => Some((iri.clone(), (*one).clone())),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(slug: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{ID}person/{slug}"))
    }

    fn labels(ls: &[(&str, usize)]) -> LabelCounts {
        ls.iter().map(|(l, n)| (l.to_string(), *n)).collect()
    }

    #[test]
    fn the_most_stated_label_wins_then_the_smallest() {
        assert_eq!(
            canonical_label(&labels(&[("Bashar al-Assad", 2), ("Bashar Al-Assad", 1)])),
            Some("Bashar al-Assad")
        );
        assert_eq!(
            canonical_label(&labels(&[("Bashar al-Assad", 1), ("Bashar Al-Assad", 1)])),
            Some("Bashar Al-Assad")
        );
    }

    #[test]
    fn a_surname_links_to_the_one_full_name_ending_with_it() {
        let mut people = BTreeMap::new();
        people.insert(person("solberg"), labels(&[("Solberg", 1)]));
        people.insert(person("ingrid-solberg"), labels(&[("Ingrid Solberg", 2)]));
        people.insert(person("madsen"), labels(&[("Madsen", 1)]));
        people.insert(person("henrik-madsen"), labels(&[("Henrik Madsen", 1)]));
        people.insert(person("anna-madsen"), labels(&[("Anna Madsen", 1)]));
        let links = surname_links(&people);
        assert_eq!(
            links.get(&person("solberg")),
            Some(&person("ingrid-solberg"))
        );
        assert_eq!(links.get(&person("madsen")), None, "two Madsens: ambiguous");
        assert_eq!(links.len(), 1);
    }
}
