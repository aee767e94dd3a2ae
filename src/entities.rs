//! Stage 3: mentions → entities, within one document.
//!
//! Gazetteer mentions group by their gazetteer entry; person mentions by
//! name (a shorter form joins the most recent longer name it ends with:
//! "Comey" → "James Comey"); other organizations and places by their text,
//! with acronyms joining the organization whose initials they spell.

use crate::doc::{Attributes, Entity, EntityType, Evidence, Mention, Span};
use crate::lexicon::Lexicon;
use crate::ner::{surname_key, Recognized};
use std::collections::HashMap;

/// Entities, and for each mention (same order as `Recognized::mentions`)
/// the index of its entity.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub entities: Vec<Entity>,
    pub mention_entity: Vec<usize>,
    pub mentions: Vec<Mention>,
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| surname_key(w).to_lowercase())
        .collect()
}

fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !matches!(*w, "of" | "for" | "and" | "the" | "&"))
        .filter_map(|w| w.chars().next())
        .collect()
}

pub fn resolve(text: &str, rec: &Recognized, lex: &Lexicon) -> Resolved {
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_gaz: HashMap<usize, usize> = HashMap::new();
    let mut by_key: HashMap<(EntityType, String), usize> = HashMap::new();
    let mut mention_entity = vec![usize::MAX; rec.mentions.len()];
    let mut last_seen: Vec<usize> = Vec::new();

    // Longer person names first, so that "Comey" finds "James Comey" even
    // when the short form comes first (headlines).
    let mut order: Vec<usize> = (0..rec.mentions.len()).collect();
    order.sort_by_key(|&k| {
        let m = &rec.mentions[k];
        (
            m.evidence == Evidence::Alias,
            std::cmp::Reverse(m.span.text(text).split_whitespace().count()),
            m.span.start,
        )
    });
    for k in order {
        let m = &rec.mentions[k];
        let surface = m.span.text(text);
        let idx = if let Evidence::Gazetteer(g) = m.evidence {
            *by_gaz.entry(g).or_insert_with(|| {
                let e = &lex.gazetteer[g];
                entities.push(Entity {
                    kind: e.kind,
                    name: String::new(),
                    canonical: Some(e.name.clone()),
                    mentions: Vec::new(),
                    extents: Vec::new(),
                    wikidata: e.wikidata.clone(),
                    attributes: Attributes::default(),
                });
                last_seen.push(0);
                entities.len() - 1
            })
        } else if m.kind == EntityType::Person {
            let w = words(surface);
            // The most recently mentioned person whose name ends with these words.
            let cand = entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == EntityType::Person)
                .filter(|(_, e)| {
                    let ew = words(&e.name);
                    ew.len() > w.len() && ew.ends_with(&w) || ew == w
                })
                .max_by_key(|(i, _)| last_seen[*i])
                .map(|(i, _)| i);
            match cand {
                Some(i) => i,
                None => new_entity(&mut entities, &mut last_seen, m.kind, surface),
            }
        } else {
            let key = (m.kind, surface.to_lowercase());
            let acronym_of = (m.kind == EntityType::Organization
                && surface.chars().all(|c| c.is_uppercase() || c == '.'))
            .then(|| {
                entities.iter().position(|e| {
                    e.kind == EntityType::Organization
                        && initials(&e.name) == surface.replace('.', "")
                })
            })
            .flatten();
            match acronym_of.or_else(|| by_key.get(&key).copied()) {
                Some(i) => i,
                None => {
                    let i = new_entity(&mut entities, &mut last_seen, m.kind, surface);
                    by_key.insert(key, i);
                    i
                }
            }
        };
        mention_entity[k] = idx;
        last_seen[idx] = m.span.start + 1;
        entities[idx].mentions.push(m.span);
        entities[idx].extents.push(m.extent);
        // Names grow to the longest form the text uses.
        if surface.len() > entities[idx].name.len() {
            entities[idx].name = surface.to_string();
        }
    }
    // Attributes of people from the qualifiers of their mentions.
    for (k, q) in rec.qualifiers.iter().enumerate() {
        let e = mention_entity[k];
        if e == usize::MAX || entities[e].kind != EntityType::Person {
            continue;
        }
        if let Some(t) = &q.title {
            entities[e]
                .attributes
                .job_title
                .get_or_insert_with(|| t.clone());
        }
        if let Some(c) = q.country.and_then(|g| by_gaz.get(&g)) {
            entities[e].attributes.nationality.get_or_insert(*c);
        }
        let org = q.org.and_then(|g| by_gaz.get(&g).copied()).or_else(|| {
            let hint = lex.titles.get(q.title.as_deref()?)?.org_hint.as_ref()?;
            by_gaz.get(lex.by_name.get(hint)?).copied()
        });
        if let Some(o) = org {
            entities[e].attributes.member_of.get_or_insert(o);
        }
    }
    for e in &mut entities {
        e.mentions.sort();
        e.mentions.dedup();
        e.extents.sort();
        e.extents.dedup();
    }
    Resolved {
        entities,
        mention_entity,
        mentions: rec.mentions.clone(),
    }
}

fn new_entity(
    entities: &mut Vec<Entity>,
    last_seen: &mut Vec<usize>,
    kind: EntityType,
    name: &str,
) -> usize {
    entities.push(Entity {
        kind,
        name: name.to_string(),
        canonical: None,
        mentions: Vec::new(),
        extents: Vec::new(),
        wikidata: None,
        attributes: Attributes::default(),
    });
    last_seen.push(0);
    entities.len() - 1
}

impl Resolved {
    /// The entity a span of text refers to, if a mention covers it exactly.
    pub fn entity_at(&self, span: Span) -> Option<usize> {
        self.mentions
            .iter()
            .position(|m| m.span == span)
            .map(|k| self.mention_entity[k])
    }
}
