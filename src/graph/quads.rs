//! Stage 6: an extraction → RDF quads in the article's named graph.
//!
//! IRIs are stable across articles: an entity's IRI comes from its type and
//! canonical name (or its Wikidata id), an event's from its type,
//! participants and date when those are known, so the same person or the
//! same happening in two articles is one node. Mentions are NIF strings
//! with RFC 5147 `#char=begin,end` IRIs on the article.

use crate::graph::vocab::{ng, nif, owl, prov, rdf, rdfs, schema, sem, xsd, ID, WIKIDATA};
use crate::model::CharIndex;
use crate::model::{Article, EntityType, Extraction, Modality, Role};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use sha2::{Digest, Sha256};

/// Short stable hash for IRIs.
pub(crate) fn short_hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0]);
    }
    h.finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Hash of an article text, normalized (line endings, outer whitespace).
pub fn content_hash(text: &str) -> String {
    let norm = text.replace("\r\n", "\n");
    let mut h = Sha256::new();
    h.update(norm.trim().as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Lowercase ASCII slug of a name.
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let ascii: String = out.chars().filter(char::is_ascii).collect();
    if ascii.len() == out.len() && !ascii.is_empty() {
        ascii
    } else {
        // Non-ASCII names keep a readable prefix and a hash for identity.
        format!(
            "{}{}",
            if ascii.is_empty() {
                String::new()
            } else {
                format!("{ascii}-")
            },
            short_hash(&[s])
        )
    }
}

/// The IRI of an article, from its identity key (see `ingest::article_key`).
pub fn article_iri(key: &str, source: &str) -> NamedNode {
    let stem = std::path::Path::new(source)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article");
    NamedNode::new_unchecked(format!("{ID}article/{}-{}", slug(stem), short_hash(&[key])))
}

pub fn entity_iri(kind: EntityType, name: &str) -> NamedNode {
    // "Mobile, Alabama" and a later article's "Mobile" are one place.
    let name = match kind {
        EntityType::Place => name.split(',').next().unwrap_or(name),
        _ => name,
    };
    let kind = match kind {
        EntityType::Person => "person",
        EntityType::Organization => "organization",
        EntityType::Country => "country",
        EntityType::Place => "place",
    };
    NamedNode::new_unchecked(format!("{ID}{kind}/{}", slug(name)))
}

fn lit(s: &str) -> Term {
    Literal::new_simple_literal(s).into()
}

fn int(n: usize) -> Term {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER).into()
}

/// One article's graph: its IRI, the hash of its text, and its quads.
pub struct ArticleGraph {
    pub iri: NamedNode,
    pub hash: String,
    pub quads: Vec<Quad>,
    /// Resources named after this article alone (events with no date or
    /// no one taking part): no other article's graph names them.
    pub own: Vec<NamedNode>,
}

/// Quads of one article's extraction, all in the article's graph.
pub fn quads(article: &Article, key: &str, x: &Extraction) -> Vec<Quad> {
    article_graph(article, key, x).quads
}

/// The graph of one article's extraction: a function of the article (its
/// key, text, title, source and date) alone, never of other articles, so
/// that graphs made anywhere, in any order, agree. Cross-article identity
/// is a layer of its own ([`crate::graph::links`]).
pub fn article_graph(article: &Article, key: &str, x: &Extraction) -> ArticleGraph {
    let graph_node = article_iri(key, &article.source);
    let hash = content_hash(&article.text);
    let g = GraphName::NamedNode(graph_node.clone());
    let mut out = Vec::new();
    let mut add = |s: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>, o: Term| {
        out.push(Quad::new(
            NamedOrBlankNode::NamedNode(s.clone()),
            p.into_owned(),
            o,
            g.clone(),
        ));
    };
    let ix = CharIndex::new(&article.text);
    let a = &graph_node;
    add(a, rdf::TYPE, schema::NEWS_ARTICLE.into_owned().into());
    add(a, rdf::TYPE, nif::CONTEXT.into_owned().into());
    add(a, schema::NAME, lit(&article.title));
    add(a, ng::SOURCE, lit(&article.source));
    add(a, ng::CONTENT_HASH, lit(&hash));
    add(a, nif::IS_STRING, lit(&article.text));
    add(a, nif::BEGIN_INDEX, int(0));
    add(a, nif::END_INDEX, int(ix.char_of(article.text.len())));
    if let Some(d) = article.published {
        add(a, schema::DATE_PUBLISHED, date_literal(d));
    }
    let mention = |add: &mut dyn FnMut(&NamedNode, oxigraph::model::NamedNodeRef<'_>, Term),
                   span: crate::model::Span|
     -> NamedNode {
        let (b, e) = ix.span(span);
        let m = NamedNode::new_unchecked(format!("{}#char={b},{e}", a.as_str()));
        add(&m, rdf::TYPE, nif::PHRASE.into_owned().into());
        add(&m, nif::BEGIN_INDEX, int(b));
        add(&m, nif::END_INDEX, int(e));
        add(&m, nif::ANCHOR_OF, lit(span.text(&article.text)));
        add(&m, nif::REFERENCE_CONTEXT, a.clone().into());
        m
    };
    let entity_iris: Vec<NamedNode> = x
        .entities
        .iter()
        .map(|e| entity_iri(e.kind, e.label()))
        .collect();
    for (e, iri) in x.entities.iter().zip(&entity_iris) {
        let class = match e.kind {
            EntityType::Person => schema::PERSON,
            EntityType::Organization => schema::ORGANIZATION,
            EntityType::Country => schema::COUNTRY,
            EntityType::Place => schema::PLACE,
        };
        add(iri, rdf::TYPE, class.into_owned().into());
        add(iri, rdfs::LABEL, lit(e.label()));
        add(iri, prov::WAS_DERIVED_FROM, a.clone().into());
        if let Some(q) = &e.wikidata {
            add(
                iri,
                owl::SAME_AS,
                NamedNode::new_unchecked(format!("{WIKIDATA}{q}")).into(),
            );
        }
        if let Some(t) = &e.attributes.job_title {
            add(iri, schema::JOB_TITLE, lit(t));
        }
        if let Some(n) = e.attributes.nationality {
            add(iri, schema::NATIONALITY, entity_iris[n].clone().into());
        }
        if let Some(o) = e.attributes.member_of {
            add(iri, schema::MEMBER_OF, entity_iris[o].clone().into());
        }
        for &sp in &e.mentions {
            let m = mention(&mut add, sp);
            add(iri, ng::MENTION, m.into());
        }
    }
    // Only events with someone taking part go into the graph (the shapes
    // require an actor); the JSON output keeps them all.
    let kept: Vec<bool> = x
        .events
        .iter()
        .map(|ev| ev.participants.iter().any(|p| p.role != Role::Place))
        .collect();
    let (event_iris, own_iris): (Vec<NamedNode>, Vec<bool>) = x
        .events
        .iter()
        .map(|ev| {
            let mut own = false;
            let mut parts: Vec<String> = ev
                .participants
                .iter()
                .filter(|p| p.role != Role::Place)
                .map(|p| format!("{}={}", p.role.as_str(), entity_iris[p.entity].as_str()))
                .collect();
            parts.sort();
            let h = match (ev.date, parts.is_empty(), ev.modality) {
                // Same type, participants and date: the same happening
                // everywhere. An untyped event's type is its lemma ("win"
                // and "defeat" by one person on one day are two happenings).
                (Some(d), false, Modality::Asserted) => {
                    let mut v: Vec<&str> = vec![&ev.kind];
                    if ev.kind_info().untyped {
                        v.push(&ev.lemma);
                    }
                    v.push("@");
                    let ds = d.to_string();
                    v.push(&ds);
                    v.extend(parts.iter().map(String::as_str));
                    short_hash(&v)
                }
                _ => {
                    own = true;
                    short_hash(&[a.as_str(), &ev.trigger.start.to_string(), &ev.kind])
                }
            };
            (
                NamedNode::new_unchecked(format!("{ID}event/{}-{h}", slug(&ev.kind))),
                own,
            )
        })
        .unzip();
    for ((ev, iri), _) in x
        .events
        .iter()
        .zip(&event_iris)
        .zip(&kept)
        .filter(|(_, k)| **k)
    {
        let class = ng::event_class(&ev.kind);
        add(iri, rdf::TYPE, class.into_owned().into());
        add(iri, rdf::TYPE, sem::EVENT.into_owned().into());
        if class == ng::OTHER_EVENT {
            add(iri, ng::EVENT_TYPE, lit(&ev.kind));
        }
        add(iri, rdfs::LABEL, lit(&event_label(ev, x)));
        add(iri, ng::LEMMA, lit(&ev.lemma));
        add(iri, ng::MODALITY, lit(ev.modality.as_str()));
        add(iri, prov::WAS_DERIVED_FROM, a.clone().into());
        if let Some(d) = ev.date {
            add(iri, ng::DATE, date_literal(d));
        }
        for p in &ev.participants {
            let prop = match p.role {
                Role::Agent => ng::AGENT,
                Role::Patient => ng::PATIENT,
                Role::Participant => ng::PARTICIPANT,
                Role::Place => sem::HAS_PLACE,
            };
            add(iri, prop, entity_iris[p.entity].clone().into());
        }
        for sp in std::iter::once(ev.trigger).chain(ev.coreferent.iter().map(|c| c.trigger)) {
            add(
                iri,
                ng::TRIGGER,
                lit(&sp.text(&article.text).to_lowercase()),
            );
            let m = mention(&mut add, sp);
            add(iri, ng::MENTION, m.into());
        }
    }
    for &(b, c) in x.before.iter().filter(|(b, c)| kept[*b] && kept[*c]) {
        add(&event_iris[b], ng::BEFORE, event_iris[c].clone().into());
    }
    // An entity or mention written twice (coreferent spans) once: the
    // first of each, found without copying a quad.
    let first: Vec<bool> = {
        let mut seen = rustc_hash::FxHashSet::default();
        seen.reserve(out.len());
        out.iter().map(|q| seen.insert(q)).collect()
    };
    let mut first = first.into_iter();
    out.retain(|_| first.next().unwrap_or(true));
    let own = event_iris
        .iter()
        .zip(own_iris)
        .zip(&kept)
        .filter(|((_, own), kept)| *own && **kept)
        .map(|((iri, _), _)| iri.clone())
        .collect();
    ArticleGraph {
        iri: graph_node,
        hash,
        quads: out,
        own,
    }
}

fn date_literal(d: crate::model::PartialDate) -> Term {
    let dt = match d.xsd_type() {
        "date" => xsd::DATE,
        "gYearMonth" => xsd::G_YEAR_MONTH,
        _ => xsd::G_YEAR,
    };
    Literal::new_typed_literal(d.to_string(), dt).into()
}

/// "Meeting: Rex Tillerson, Sergey Lavrov (2017-05-10)"
pub fn event_label(ev: &crate::model::Event, x: &Extraction) -> String {
    // Agents, then patients, then participants, each by name: the same
    // event gets the same label in every article.
    let mut actors: Vec<(Role, &str)> = ev
        .participants
        .iter()
        .filter(|p| p.role != Role::Place)
        .map(|p| (p.role, x.entities[p.entity].label()))
        .collect();
    actors.sort();
    let names: Vec<&str> = actors.into_iter().map(|a| a.1).collect();
    // Untyped events are named by their trigger's lemma: "Other (deliver)".
    let mut s = if ev.kind_info().untyped {
        format!("Other ({})", ev.lemma)
    } else {
        ev.kind.clone()
    };
    if !names.is_empty() {
        s.push_str(": ");
        s.push_str(&names.join(", "));
    }
    if let Some(d) = ev.date {
        s.push_str(&format!(" ({d})"));
    }
    if ev.modality != Modality::Asserted {
        s.push_str(&format!(" [{}]", ev.modality.as_str()));
    }
    s
}
