//! The layer over the article graphs that queries read, recomputed from the
//! set of articles: the cross-article links ([`LINKS_GRAPH`], `owl:sameAs`,
//! decided by [`crate::graph::links`]) and the union graph, which holds
//! every article triple once, with linked resources written as the resource
//! they are linked to and one label per resource.
//!
//! Every write of an article graph marks the resources it names (before
//! and after) as *pending* in the same transaction or bulk load; [`Store::relink`]
//! recomputes what touches them and clears the marks in one transaction. An
//! interrupted run leaves marks that the next write settles, so the union
//! graph is always a function of the set of article graphs.

use super::{union_graph, Store};
use crate::error::Result;
use crate::graph::links::{
    canonical_label, is_article_graph, is_article_local, surname_links, LabelCounts,
};
use crate::graph::vocab::{ng, owl, rdf, rdfs, schema, ID};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Quad, QuadRef, Term, TermRef,
};
use oxigraph::store::Store as OxStore;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// New union triples from which a relink writes with the bulk loader.
const BULK_INSERTS: usize = 20_000;

pub(crate) use crate::graph::links::LINKS_GRAPH;

/// Bookkeeping: the resources to relink (`?x ng:pending ?x`), never exported.
pub(crate) const PENDING_GRAPH: &str = "https://w3id.org/newsgraph/id/graph/pending";

pub(super) fn links_graph() -> NamedNode {
    NamedNode::new_unchecked(LINKS_GRAPH)
}

pub(super) fn pending_graph() -> NamedNode {
    NamedNode::new_unchecked(PENDING_GRAPH)
}

/// Whether a quad is in an article's graph.
fn in_article(q: &Quad) -> bool {
    matches!(&q.graph_name, GraphName::NamedNode(g) if is_article_graph(g.as_str()))
}

/// Whether the union graph holds what is said of `n`: a resource newsgraph
/// minted that articles may share (not an article or its mentions).
fn shared(n: &NamedNode) -> bool {
    n.as_str().starts_with(ID) && !is_article_local(n.as_str())
}

/// The shared resources (see [`shared`]) the quads name (as subject or
/// object): those whose union triples a write may change.
pub(super) fn named_resources<'a>(
    quads: impl IntoIterator<Item = &'a Quad>,
) -> BTreeSet<NamedNode> {
    let mut out = BTreeSet::new();
    for q in quads {
        if let NamedOrBlankNode::NamedNode(s) = &q.subject {
            if shared(s) {
                out.insert(s.clone());
            }
        }
        if let Term::NamedNode(o) = &q.object {
            if shared(o) {
                out.insert(o.clone());
            }
        }
    }
    out
}

/// The marks that say these resources are to be relinked.
pub(super) fn pending_quads(resources: &BTreeSet<NamedNode>) -> impl Iterator<Item = Quad> + '_ {
    let g = GraphName::NamedNode(pending_graph());
    resources
        .iter()
        .map(move |r| Quad::new(r.clone(), ng::PENDING.into_owned(), r.clone(), g.clone()))
}

/// The union triples of new article graphs about to be bulk-loaded, and
/// the marks that leave the rest to [`Store::relink`]. A new article's
/// triple is a union triple as it is, with its resources written as the
/// ones the links graph links them to (if these articles change a link,
/// the relink recomputes what it touches). A resource's one label depends
/// on every article that labels it: one that no stored article labels gets
/// it here, from these articles; one whose union label is all these
/// articles call it keeps it; the others, and new people (whom the surname
/// links read), are marked for their label.
pub(super) fn union_copies(
    store: &OxStore,
    quads: &[Quad],
    known: &mut UnionLabels,
) -> Result<Vec<Quad>> {
    let links = old_links(store)?;
    let link = |n: &NamedNode| links.get(n).unwrap_or(n).clone();
    let union = GraphName::NamedNode(union_graph());
    let pending = GraphName::NamedNode(pending_graph());
    let mut out = Vec::new();
    let mut label: BTreeMap<&NamedNode, LabelCounts> = BTreeMap::new();
    let mut people = HashSet::new();
    for q in quads.iter().filter(|q| in_article(q)) {
        let NamedOrBlankNode::NamedNode(s) = &q.subject else {
            continue;
        };
        if !shared(s) {
            continue;
        }
        if q.predicate.as_ref() == rdfs::LABEL {
            if let Term::Literal(l) = &q.object {
                *label
                    .entry(s)
                    .or_default()
                    .entry(l.value().to_string())
                    .or_default() += 1;
            }
            continue;
        }
        if q.predicate.as_ref() == rdf::TYPE && q.object == Term::from(schema::PERSON) {
            people.insert(s);
        }
        // Written under the links the store holds, these copies are the
        // union triples as long as the links stay; where the relink finds
        // a link changed, it recomputes the resources that link touches
        // (its source, old and new targets, and what refers to the source).
        let object = match &q.object {
            Term::NamedNode(o) => Term::NamedNode(link(o)),
            o => o.clone(),
        };
        out.push(Quad::new(
            link(s),
            q.predicate.clone(),
            object,
            union.clone(),
        ));
    }
    let ug = union.as_ref();
    // The counts the writer knows grow by these articles'.
    for (n, counts) in &label {
        if let Some(known) = known.counts.get_mut(*n) {
            for (l, c) in counts {
                *known.entry(l.clone()).or_default() += c;
            }
        }
    }
    // A linked resource's labels count for nobody's union label; the relink
    // reads them from the article graphs.
    for (n, counts) in label.into_iter().filter(|(n, _)| !links.contains_key(*n)) {
        // A resource whose union label is the one label these articles
        // give it keeps that label (its count only grows, so it stays the
        // most given), and as a person it changes no surname link: nothing
        // to write. Without this, every later article naming someone had
        // the relink count all the labels every stored article gives them,
        // and ingest slowed as the store grew.
        // A new article's own resource is in no stored graph.
        let own = known.absent.contains(n);
        let union_label = match known.union.get(n) {
            _ if own => None,
            Some(l) => l.clone(),
            None => {
                let l = store
                    .quads_for_pattern(Some(n.as_ref().into()), Some(rdfs::LABEL), None, Some(ug))
                    .next()
                    .transpose()?
                    .and_then(|q| match q.object {
                        Term::Literal(l) => Some(l.value().to_owned()),
                        _ => None,
                    });
                known.union.insert(n.clone(), l.clone());
                l
            }
        };
        if let Some(l) = &union_label {
            if counts.len() == 1 && counts.contains_key(l) {
                continue;
            }
        }
        // A resource no stored article labels gets its one label from
        // these articles alone, unless it is a person: the surname links
        // are recomputed from those the relink finds marked.
        let labelled = union_label.is_some()
            || match known.labelled.get(n) {
                _ if own => false,
                Some(&l) => l,
                None => store
                    .quads_for_pattern(Some(n.as_ref().into()), Some(rdfs::LABEL), None, None)
                    .next()
                    .transpose()?
                    .is_some(),
            };
        // These articles label it from now on (no later batch names an
        // article's own resource).
        if !own {
            known.labelled.insert(n.clone(), true);
        }
        match canonical_label(&counts) {
            Some(l) if !labelled && !people.contains(n) => {
                if !own {
                    known.union.insert(n.clone(), Some(l.to_owned()));
                }
                out.push(Quad::new(
                    n.clone(),
                    rdfs::LABEL.into_owned(),
                    Literal::new_simple_literal(l),
                    union.clone(),
                ))
            }
            _ => out.push(Quad::new(
                n.clone(),
                ng::PENDING_LABEL.into_owned(),
                n.clone(),
                pending.clone(),
            )),
        }
    }
    Ok(out)
}

/// What one writer knows of the union graph's labels from one batch to the
/// next, so that a run of bulk loads does not look each resource up again
/// in a store whose uncompacted files every lookup has to read (at ×40 the
/// lookups grew from 0.1 to 2 s a batch). Exact as long as only this
/// writer writes: [`union_copies`] and [`Store::relink`] are the only
/// writers of union labels, and both record what they write. A resource
/// wrongly held as labelled is only sent to the relink, never mislabelled.
#[derive(Debug, Default)]
pub struct UnionLabels {
    /// The union label the store holds for a resource (`None`: none).
    union: HashMap<NamedNode, Option<String>>,
    /// Whether some article graph labels a resource (`true` as of some
    /// write of this run; `false` for a new article's own resources).
    labelled: HashMap<NamedNode, bool>,
    /// The labels the article graphs give a resource, read once and then
    /// grown by each load's (a relink of a resource named with several
    /// labels read them all again at each batch: at ×40 it grew from 0.05
    /// to 0.5 s a batch).
    counts: HashMap<NamedNode, LabelCounts>,
    /// The own resources of the new articles of the batch being written.
    absent: HashSet<NamedNode>,
}

impl UnionLabels {
    /// Forget the label counts: an article graph was replaced or removed.
    pub fn forget_counts(&mut self) {
        self.counts.clear();
    }

    /// The labels the article graphs give `n`, as known or read.
    fn labels(&self, store: &OxStore, n: &NamedNode) -> Result<LabelCounts> {
        match self.counts.get(n) {
            Some(c) => Ok(c.clone()),
            None => labels(store, n),
        }
    }

    /// Resources no graph of the store names (those named after a new
    /// article alone): no union label, and no article labels them yet.
    /// (For the batch about to be written.)
    pub fn absent(&mut self, resources: impl IntoIterator<Item = NamedNode>) {
        self.absent = resources.into_iter().collect();
    }

    /// The batch is written: its articles' own resources are forgotten (no
    /// later batch names them; kept, they would only take memory).
    pub fn end_batch(&mut self) {
        for n in std::mem::take(&mut self.absent) {
            self.labelled.remove(&n);
            self.union.remove(&n);
            self.counts.remove(&n);
        }
    }

    /// Record the union labels a write removed and inserted.
    fn record(&mut self, removed: &[Quad], inserted: &[Quad]) {
        let is_label = |q: &&Quad| {
            q.predicate.as_ref() == rdfs::LABEL
                && matches!(&q.graph_name, GraphName::NamedNode(g) if g.as_str() == super::UNION_GRAPH)
        };
        for q in removed.iter().filter(is_label) {
            if let NamedOrBlankNode::NamedNode(s) = &q.subject {
                self.union.insert(s.clone(), None);
            }
        }
        for q in inserted.iter().filter(is_label) {
            if let (NamedOrBlankNode::NamedNode(s), Term::Literal(l)) = (&q.subject, &q.object) {
                self.union.insert(s.clone(), Some(l.value().to_owned()));
                self.labelled.insert(s.clone(), true);
            }
        }
    }
}

/// What a relink did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Relinked {
    /// Resources whose union-graph triples were recomputed.
    pub resources: usize,
    /// Surname links in the store after it.
    pub links: usize,
}

impl Store {
    /// Whether resources wait to be relinked (an interrupted write).
    pub fn relink_pending(&self) -> Result<bool> {
        let g = pending_graph();
        Ok(self
            .inner
            .quads_for_pattern(None, None, None, Some(g.as_ref().into()))
            .next()
            .is_some())
    }

    /// Recompute the cross-article links and the union graph for what the
    /// article writes since the last relink touched; read first (on all
    /// cores), then written in one transaction. The result depends only on
    /// the set of article graphs. Needs the store's one writer (`open`).
    pub fn relink(&self) -> Result<Relinked> {
        self.relink_known(&mut UnionLabels::default())
    }

    /// [`Store::relink`], for a writer that keeps what it knows of the
    /// union labels from one batch to the next.
    pub fn relink_known(&self, known: &mut UnionLabels) -> Result<Relinked> {
        let store = &self.inner;
        let pending_g = pending_graph();
        let mut pending = BTreeSet::new();
        let mut pending_label = BTreeSet::new();
        for q in store.quads_for_pattern(None, None, None, Some(pending_g.as_ref().into())) {
            let q = q?;
            if let NamedOrBlankNode::NamedNode(n) = q.subject {
                if q.predicate.as_ref() == ng::PENDING_LABEL {
                    pending_label.insert(n);
                } else {
                    pending.insert(n);
                }
            }
        }
        if pending.is_empty() && pending_label.is_empty() {
            // Links only change when article graphs do, and every article
            // write leaves marks.
            return Ok(Relinked {
                resources: 0,
                links: old_links(store)?.len(),
            });
        }
        let old = old_links(store)?;
        let new = surname_links(&people(store, &pending, &pending_label, &old, known)?);
        // The subjects whose union triples to recompute: those of changed
        // articles (every subject of an article graph is a resource it
        // names), the surnames whose link changed, what they were and are
        // linked to, and what article graphs say of them.
        let relinked: BTreeSet<&NamedNode> = old
            .keys()
            .chain(new.keys())
            .filter(|k| old.get(*k) != new.get(*k))
            .collect();
        let mut touched = pending.clone();
        // A resource linked to another has no union triples of its own.
        touched.extend(
            pending_label
                .iter()
                .filter(|n| new.contains_key(*n))
                .cloned(),
        );
        for y in &relinked {
            touched.insert((*y).clone());
            for q in store.quads_for_pattern(None, None, Some(y.as_ref().into()), None) {
                let q = q?;
                if let (true, NamedOrBlankNode::NamedNode(s)) = (in_article(&q), &q.subject) {
                    if shared(s) {
                        touched.insert(s.clone());
                    }
                }
            }
        }
        // A linked resource's triples are written as the resource it is (or
        // was) linked to: that one is recomputed with it.
        let targets: Vec<NamedNode> = touched
            .iter()
            .flat_map(|y| [old.get(y), new.get(y)])
            .flatten()
            .cloned()
            .collect();
        touched.extend(targets);
        let mut linked_from: HashMap<&NamedNode, Vec<&NamedNode>> = HashMap::new();
        for (from, to) in &new {
            linked_from.entry(to).or_default().push(from);
        }
        let union = union_graph();
        let touched: Vec<&NamedNode> = touched.iter().collect();
        let mut changes: Vec<(Vec<Quad>, Vec<Quad>)> = touched
            .par_iter()
            .map(|n| union_triples_of(store, n, &new, &linked_from, &union))
            .collect::<Result<_>>()?;
        // The rest of the new articles' resources are in the union graph
        // already (`union_copies`) but for their one label.
        let relabel: Vec<&NamedNode> = pending_label
            .iter()
            .filter(|n| touched.binary_search(n).is_err())
            .collect();
        let relabelled = relabel
            .par_iter()
            .map(|n| union_label_of(store, n, &union, known))
            .collect::<Result<Vec<_>>>()?;
        for (n, (stale, fresh, counts)) in relabel.iter().zip(relabelled) {
            known.counts.insert((*n).clone(), counts);
            changes.push((stale, fresh));
        }
        // Only what changes is written: out with the union triples these
        // subjects have and should not, in with those they should have.
        let mut out = Vec::new();
        let mut fresh_quads = Vec::new();
        for (stale, fresh) in changes {
            let now: HashSet<&Quad> = stale.iter().collect();
            let next: HashSet<&Quad> = fresh.iter().collect();
            out.extend(stale.iter().filter(|q| !next.contains(q)).cloned());
            fresh_quads.extend(
                fresh
                    .iter()
                    .filter(|q| !now.contains(q))
                    .cloned()
                    .collect::<HashSet<_>>(),
            );
        }
        // Recorded before the write: a failed one ends the writer's run.
        known.record(&out, &fresh_quads);
        let lg = links_graph();
        let mut tx = store.start_transaction()?;
        for q in &out {
            tx.remove(q);
        }
        for (from, to) in &old {
            if new.get(from) != Some(to) {
                tx.remove(QuadRef::new(from, owl::SAME_AS, to, &lg));
            }
        }
        for (from, to) in &new {
            tx.insert(QuadRef::new(from, owl::SAME_AS, to, &lg));
        }
        if fresh_quads.len() < BULK_INSERTS {
            for q in &fresh_quads {
                tx.insert(q);
            }
            remove_marks(&mut tx, &pending, &pending_label);
            tx.commit()?;
        } else {
            // Many new triples (a large load) go in with the bulk loader,
            // far faster than a transaction. The marks stay until they are
            // in: a run interrupted in between is redone by the next one.
            tx.commit()?;
            let mut loader = store.bulk_loader().with_max_memory_size_in_megabytes(200);
            loader.load_quads(fresh_quads)?;
            loader.commit()?;
            let mut tx = store.start_transaction()?;
            remove_marks(&mut tx, &pending, &pending_label);
            tx.commit()?;
        }
        Ok(Relinked {
            resources: touched.len() + relabel.len(),
            links: new.len(),
        })
    }
}

/// The union triples a subject has now (stale) and should have (fresh):
/// what the article graphs say of it and of the resources linked to it,
/// with objects linked too, and its one label.
fn union_triples_of(
    store: &OxStore,
    n: &NamedNode,
    links: &BTreeMap<NamedNode, NamedNode>,
    linked_from: &HashMap<&NamedNode, Vec<&NamedNode>>,
    union: &NamedNode,
) -> Result<(Vec<Quad>, Vec<Quad>)> {
    let ug = GraphNameRef::NamedNode(union.as_ref());
    let mut stale = Vec::new();
    for q in store.quads_for_pattern(Some(n.as_ref().into()), None, None, Some(ug)) {
        stale.push(q?);
    }
    let mut fresh = Vec::new();
    if links.contains_key(n) {
        // Written as the resource it is linked to.
        return Ok((stale, fresh));
    }
    let link = |t: Term| -> Term {
        match t {
            Term::NamedNode(o) => links.get(&o).cloned().unwrap_or(o).into(),
            t => t,
        }
    };
    let mut labels = LabelCounts::new();
    let sources = std::iter::once(n).chain(linked_from.get(n).into_iter().flatten().copied());
    for y in sources {
        for q in store.quads_for_pattern(Some(y.as_ref().into()), None, None, None) {
            let q = q?;
            if !in_article(&q) {
                continue;
            }
            if q.predicate.as_ref() == rdfs::LABEL {
                if let (true, Term::Literal(l)) = (y == n, &q.object) {
                    *labels.entry(l.value().to_string()).or_default() += 1;
                }
                continue;
            }
            fresh.push(Quad::new(
                n.clone(),
                q.predicate,
                link(q.object),
                union.clone(),
            ));
        }
    }
    if let Some(label) = canonical_label(&labels) {
        fresh.push(Quad::new(
            n.clone(),
            rdfs::LABEL.into_owned(),
            Literal::new_simple_literal(label),
            union.clone(),
        ));
    }
    Ok((stale, fresh))
}

/// Clear the marks a relink has settled.
fn remove_marks(
    tx: &mut oxigraph::store::Transaction<'_>,
    pending: &BTreeSet<NamedNode>,
    pending_label: &BTreeSet<NamedNode>,
) {
    let g = pending_graph();
    for n in pending {
        tx.remove(QuadRef::new(n, ng::PENDING, n, &g));
    }
    for n in pending_label {
        tx.remove(QuadRef::new(n, ng::PENDING_LABEL, n, &g));
    }
}

/// The union label a resource has now (stale) and should have (fresh).
fn union_label_of(
    store: &OxStore,
    n: &NamedNode,
    union: &NamedNode,
    known: &UnionLabels,
) -> Result<(Vec<Quad>, Vec<Quad>, LabelCounts)> {
    let ug = GraphNameRef::NamedNode(union.as_ref());
    let mut stale = Vec::new();
    for q in store.quads_for_pattern(Some(n.as_ref().into()), Some(rdfs::LABEL), None, Some(ug)) {
        stale.push(q?);
    }
    let counts = known.labels(store, n)?;
    let fresh = canonical_label(&counts)
        .map(|label| {
            Quad::new(
                n.clone(),
                rdfs::LABEL.into_owned(),
                Literal::new_simple_literal(label),
                union.clone(),
            )
        })
        .into_iter()
        .collect();
    Ok((stale, fresh, counts))
}

/// The labels the article graphs give a resource, with how many state each.
fn labels(store: &OxStore, n: &NamedNode) -> Result<LabelCounts> {
    let mut out = LabelCounts::new();
    for q in store.quads_for_pattern(Some(n.as_ref().into()), Some(rdfs::LABEL), None, None) {
        let q = q?;
        if let (true, Term::Literal(l)) = (in_article(&q), &q.object) {
            *out.entry(l.value().to_string()).or_default() += 1;
        }
    }
    Ok(out)
}

/// Every person of the article graphs, with their labels, as the surname
/// links need them (only the one canonical label counts). What the union
/// graph already settles is read from it: a person it holds whose articles
/// did not change since has its one label there. The article graphs are
/// read only for the people the pending writes touch and for those linked
/// to another (who have no union triples of their own). So a relink costs
/// in proportion to the people known, not to every article naming them.
fn people(
    store: &OxStore,
    pending: &BTreeSet<NamedNode>,
    pending_label: &BTreeSet<NamedNode>,
    old: &BTreeMap<NamedNode, NamedNode>,
    known: &mut UnionLabels,
) -> Result<BTreeMap<NamedNode, LabelCounts>> {
    let union = union_graph();
    let ug = GraphNameRef::NamedNode(union.as_ref());
    let mut settled = BTreeSet::new();
    for q in store.quads_for_pattern(
        None,
        Some(rdf::TYPE),
        Some(TermRef::from(schema::PERSON)),
        Some(ug),
    ) {
        if let NamedOrBlankNode::NamedNode(p) = q?.subject {
            settled.insert(p);
        }
    }
    let mut out = BTreeMap::new();
    let unsettled = pending
        .iter()
        .chain(pending_label)
        .chain(old.keys())
        .collect::<BTreeSet<_>>();
    for p in &unsettled {
        let mut is_person = false;
        for q in store.quads_for_pattern(
            Some(p.as_ref().into()),
            Some(rdf::TYPE),
            Some(TermRef::from(schema::PERSON)),
            None,
        ) {
            if in_article(&q?) {
                is_person = true;
                break;
            }
        }
        if is_person {
            let counts = known.labels(store, p)?;
            known.counts.insert((*p).clone(), counts.clone());
            out.insert((*p).clone(), counts);
        }
    }
    for p in settled {
        if unsettled.contains(&p) {
            continue;
        }
        let mut counts = LabelCounts::new();
        for q in store.quads_for_pattern(Some(p.as_ref().into()), Some(rdfs::LABEL), None, Some(ug))
        {
            if let Term::Literal(l) = q?.object {
                counts.insert(l.value().to_string(), 1);
            }
        }
        out.insert(p, counts);
    }
    Ok(out)
}

/// The surname links the links graph holds.
fn old_links(store: &OxStore) -> Result<BTreeMap<NamedNode, NamedNode>> {
    let lg = links_graph();
    let mut out = BTreeMap::new();
    for q in store.quads_for_pattern(
        None,
        Some(owl::SAME_AS),
        None,
        Some(GraphNameRef::NamedNode(lg.as_ref())),
    ) {
        let q = q?;
        if let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) = (q.subject, q.object) {
            out.insert(s, o);
        }
    }
    Ok(out)
}
