//! Stage 3: mentions → entities, within one document.
//!
//! Gazetteer mentions group by their gazetteer entry; person mentions by
//! name (a shorter form joins the most recent longer name it ends with:
//! "Comey" → "James Comey"); other organizations and places by their text,
//! with acronyms joining the organization whose initials they spell.

use crate::extract::ner::{surname_key, Recognized};
use crate::model::{Attributes, Entity, EntityType, Evidence, Mention, Shape, Span, Tokens};
use crate::resources::words::ner::FOLLOWERS;
use crate::resources::Lexicon;
use rustc_hash::FxHashMap as HashMap;

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

/// "R. Patel" for "Rohan Patel": an initial and the same surname (name
/// words as [`words`] gives them).
fn by_initial(name: &[String], short: &[String]) -> bool {
    let [initial, surname] = short else {
        return false;
    };
    let mut letters = initial.chars();
    let (Some(letter), Some('.'), None) = (letters.next(), letters.next(), letters.next()) else {
        return false;
    };
    name.len() >= 2
        && name.last() == Some(surname)
        && name[0].len() > 2
        && name[0].starts_with(letter)
}

pub fn resolve(text: &str, rec: &Recognized, lex: &Lexicon) -> Resolved {
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_gaz: HashMap<usize, usize> = HashMap::default();
    let mut by_key: HashMap<(EntityType, String), usize> = HashMap::default();
    let mut mention_entity = vec![usize::MAX; rec.mentions.len()];
    let mut last_seen: Vec<usize> = Vec::new();
    // People's name words (by entity) and who has which last name word.
    let mut person_words: Vec<Vec<String>> = Vec::new();
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::default();
    // Organizations by the initials of their name (by entity, and who has
    // which; entries go stale as names grow and are checked on use), so that
    // an acronym is not a scan of every entity on a long text.
    let mut org_initials: Vec<String> = Vec::new();
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::default();

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
        let idx = if let Evidence::Gazetteer(g) | Evidence::Dateline(Some(g)) = m.evidence {
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
            // The most recently mentioned person whose name ends with these
            // words: among those whose name ends with the same word (an
            // index, so that a long text is not a scan of all its people
            // per mention), in entity order, the last of the most recent.
            let mut cands: Vec<usize> = w
                .last()
                .and_then(|last| by_last.get(last))
                .cloned()
                .unwrap_or_default();
            cands.sort_unstable();
            cands.dedup();
            // Of two people sharing the surname, the one the story has named
            // more often so far: "Kowalczyk" after "director Anna Kowalczyk
            // ... her son, Tomasz Kowalczyk" is the director.
            let named_before = |i: usize| {
                entities[i]
                    .mentions
                    .iter()
                    .filter(|s| s.start < m.span.start)
                    .count()
            };
            let cand = cands
                .into_iter()
                .filter(|&i| {
                    let ew = &person_words[i];
                    ew.len() > w.len() && ew.ends_with(&w) || *ew == w || by_initial(ew, &w)
                })
                .max_by_key(|&i| (named_before(i), last_seen[i]))
                // "Erik" after "Erik Sandell": a given name alone is the
                // person last named with it.
                .or_else(|| {
                    let given = |e: &Entity| {
                        let mut ws = e.name.split_whitespace();
                        ws.next() == Some(surface) && ws.next().is_some()
                    };
                    (m.evidence == Evidence::Alias && w.len() == 1)
                        .then(|| {
                            (0..entities.len())
                                .filter(|&i| entities[i].kind == m.kind && given(&entities[i]))
                                .max_by_key(|&i| last_seen[i])
                        })
                        .flatten()
                })
                // "Cárdenas" after "Julio Cárdenas Alva": the first of two
                // surnames alone.
                .or_else(|| {
                    let first_surname = |e: &Entity| {
                        let ws: Vec<&str> = e.name.split_whitespace().collect();
                        ws.len() == 3 && ws[1] == surface && lex.given_names.contains(ws[0])
                    };
                    (m.evidence == Evidence::Alias && w.len() == 1)
                        .then(|| {
                            (0..entities.len())
                                .filter(|&i| {
                                    entities[i].kind == m.kind && first_surname(&entities[i])
                                })
                                .max_by_key(|&i| last_seen[i])
                        })
                        .flatten()
                });
            match cand {
                Some(i) => i,
                None => new_entity(&mut entities, &mut last_seen, m.kind, surface),
            }
        } else {
            let key = (m.kind, surface.to_lowercase());
            let acronym_of = (m.kind == EntityType::Organization
                && surface.chars().all(|c| c.is_uppercase() || c == '.'))
            .then(|| {
                let acronym = surface.replace('.', "");
                by_initials.get(&acronym).and_then(|c| {
                    c.iter()
                        .copied()
                        .filter(|&i| org_initials[i] == acronym)
                        .min()
                })
            })
            .flatten();
            // "the University" after "University of Texas": a lone head word
            // of a longer name of the same kind refers back to it.
            let part_of = (!surface.contains(char::is_whitespace)
                && crate::extract::ner::is_head_word(&key.1)
                && !by_key.contains_key(&key))
            .then(|| {
                entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| {
                        e.kind == m.kind
                            && e.name.len() > surface.len()
                            && e.name.split_whitespace().any(|w| w == surface)
                    })
                    .max_by_key(|(_, e)| {
                        e.mentions
                            .iter()
                            .filter(|s| s.start < m.span.start)
                            .map(|s| s.start + 1)
                            .max()
                            .unwrap_or(0)
                    })
                    .map(|(i, _)| i)
            })
            .flatten();
            // "Solvik" after "Solvik Maritime": an organization's alias is
            // the first word of its name ("the Bulls" after "Chicago
            // Bulls": or a team's last).
            let one_word = !surface.contains(char::is_whitespace);
            let first_of = (m.kind == EntityType::Organization
                && (m.evidence == Evidence::Alias
                    || one_word
                        && !by_key.contains_key(&key)
                        && !crate::extract::ner::is_head_word(&key.1)))
            .then(|| {
                // (A headline's capitals name it too: "BULLS".)
                let same = |w: Option<&str>| w.is_some_and(|w| w.eq_ignore_ascii_case(surface));
                let by_first = entities.iter().position(|e| {
                    e.kind == m.kind
                        && e.name.split_whitespace().count() >= 2
                        && same(e.name.split_whitespace().next())
                });
                by_first.or_else(|| {
                    entities.iter().position(|e| {
                        e.kind == m.kind
                            && e.name.split_whitespace().count() >= 2
                            && same(e.name.split_whitespace().last())
                    })
                })
            })
            .flatten();
            match acronym_of
                .or(first_of)
                .or_else(|| by_key.get(&key).copied())
                .or(part_of)
            {
                Some(i) => i,
                None => {
                    let i = new_entity(&mut entities, &mut last_seen, m.kind, surface);
                    // "Kestrel Analytics" after "Kestrel Analytics Ltd":
                    // a company's name without its legal form is its own.
                    if let Some(bare) = without_legal_form(&key.1) {
                        by_key.entry((m.kind, bare)).or_insert(i);
                    }
                    by_key.insert(key, i);
                    i
                }
            }
        };
        mention_entity[k] = idx;
        last_seen[idx] = m.span.start + 1;
        entities[idx].mentions.push(m.span);
        entities[idx].extents.push(m.extent);
        // Names grow to the longest form the text uses; a place's includes
        // its region ("Mobile, Alabama").
        let named = if m.kind == EntityType::Place {
            m.extent.text(text)
        } else {
            surface
        };
        // Of equal lengths, a name as the story writes it over a dateline's
        // capitals ("Cairo", not "CAIRO").
        let current = &entities[idx].name;
        if named.len() > current.len()
            || named.len() == current.len()
                && current.chars().all(|c| !c.is_lowercase())
                && named.chars().any(char::is_lowercase)
        {
            entities[idx].name = named.to_string();
        }
        org_initials.resize(entities.len(), String::new());
        if entities[idx].kind == EntityType::Organization {
            let ini = initials(&entities[idx].name);
            if ini != org_initials[idx] {
                by_initials.entry(ini.clone()).or_default().push(idx);
                org_initials[idx] = ini;
            }
        }
        if entities[idx].kind == EntityType::Person {
            person_words.resize(entities.len(), Vec::new());
            let ew = words(&entities[idx].name);
            if ew != person_words[idx] {
                if let Some(last) = ew.last() {
                    by_last.entry(last.clone()).or_default().push(idx);
                }
                person_words[idx] = ew;
            }
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
        // "GENEVA" of a dateline and no other mention: the gazetteer's
        // "Geneva", where it is the same name in other case.
        if let Some(c) = &e.canonical {
            if !e.name.chars().any(char::is_lowercase) && c.to_uppercase() == e.name.to_uppercase()
            {
                e.name.clone_from(c);
            }
        }
        // "Kampala, Uganda" once and "Kampala" elsewhere: the place is
        // Kampala; its region only names it where the text never does alone.
        // So too where its regions disagree ("Baton Rouge, Minnesota
        // incidents" in a caption's list, "Baton Rouge, Louisiana" after).
        if e.kind == EntityType::Place {
            let bare = e
                .mentions
                .iter()
                .filter(|m| e.extents.contains(m))
                .map(|m| m.text(text))
                .max_by_key(|s| s.len());
            let mut regions = e.extents.iter().filter(|x| !e.mentions.contains(x));
            let disagree = regions
                .next()
                .is_some_and(|a| regions.any(|b| b.text(text) != a.text(text)));
            let shortest = || {
                let m = e.mentions.iter().min_by_key(|m| m.len())?;
                Some(m.text(text))
            };
            if let Some(bare) = bare.or_else(|| shortest().filter(|_| disagree)) {
                if bare.len() < e.name.len() && e.name.starts_with(bare) {
                    e.name = bare.to_string();
                }
            }
        }
    }
    Resolved {
        entities,
        mention_entity,
        mentions: rec.mentions.clone(),
    }
}

/// A company's lowercased name without the legal form that closes it
/// ("kestrel analytics ltd" → "kestrel analytics", "jpmorgan chase & co."
/// → "jpmorgan chase"), if it has one and a word is left.
fn without_legal_form(name: &str) -> Option<String> {
    let (rest, last) = name.rsplit_once(' ')?;
    if !crate::extract::ner::is_legal_form(last) {
        return None;
    }
    let rest = rest.trim_end_matches([',', ' ']);
    let rest = rest
        .strip_suffix(" &")
        .unwrap_or(rest)
        .trim_end_matches([',', ' ']);
    (!rest.is_empty()).then(|| rest.to_string())
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

/// Words naming a public body in an organization's name: "the company"
/// or "the bank" does not refer back to one.
const PUBLIC_BODIES: &[&str] = &[
    "agency",
    "assembly",
    "authority",
    "bureau",
    "commission",
    "committee",
    "congress",
    "council",
    "court",
    "department",
    "ministry",
    "parliament",
    "party",
    "police",
    "senate",
    "tribunal",
    "university",
];

/// Head nouns of definite descriptions that refer back to an entity of a type.
const NOMINAL_HEADS: &[(&str, EntityType)] = &[
    ("company", EntityType::Organization),
    ("firm", EntityType::Organization),
    ("corporation", EntityType::Organization),
    ("conglomerate", EntityType::Organization),
    ("group", EntityType::Organization),
    ("organization", EntityType::Organization),
    ("organisation", EntityType::Organization),
    ("agency", EntityType::Organization),
    ("ministry", EntityType::Organization),
    ("department", EntityType::Organization),
    ("airline", EntityType::Organization),
    ("carrier", EntityType::Organization),
    ("manufacturer", EntityType::Organization),
    ("maker", EntityType::Organization),
    ("automaker", EntityType::Organization),
    ("retailer", EntityType::Organization),
    ("bank", EntityType::Organization),
    ("party", EntityType::Organization),
    ("team", EntityType::Organization),
    ("club", EntityType::Organization),
    ("band", EntityType::Organization),
    ("union", EntityType::Organization),
    ("council", EntityType::Organization),
    ("committee", EntityType::Organization),
    ("newspaper", EntityType::Organization),
    ("magazine", EntityType::Organization),
    ("broadcaster", EntityType::Organization),
    ("network", EntityType::Organization),
    ("university", EntityType::Organization),
    ("alliance", EntityType::Organization),
    ("coalition", EntityType::Organization),
    ("bureau", EntityType::Organization),
    ("authority", EntityType::Organization),
    ("commission", EntityType::Organization),
    ("regulator", EntityType::Organization),
    ("watchdog", EntityType::Organization),
    ("country", EntityType::Country),
    ("nation", EntityType::Country),
    ("kingdom", EntityType::Country),
    ("city", EntityType::Place),
    ("town", EntityType::Place),
    ("village", EntityType::Place),
    ("capital", EntityType::Place),
    ("province", EntityType::Place),
    ("island", EntityType::Place),
];

/// A title, or the last word of one ("minister" of "foreign minister").
fn is_title_head(lex: &Lexicon, w: &str) -> bool {
    lex.title_heads.contains(w)
}

/// Words that may follow the head of a definite description (so that "the
/// company" in "the company said" is one, and "the company's shares" too,
/// but not "the company headquarters").
fn ends_noun_phrase(t: Option<&crate::model::Token>, lex: &Lexicon) -> bool {
    let Some(t) = t else { return true };
    if t.shape == Shape::Punct || t.lower == "'s" || t.lower == "'" {
        return true;
    }
    if t.shape != Shape::Lower {
        return false;
    }
    let w = t.lower.as_str();
    FOLLOWERS.contains(w)
        || w.ends_with("ed")
        || lex.triggers.get(w).is_some_and(|r| {
            r.iter()
                .any(|t| t.pos == crate::resources::Pos::Verb && !t.generic)
        })
}

/// Definite descriptions that refer back to a named entity of the document:
/// "the company" (the latest organization named before it), "the country",
/// "the city", "the foreign minister" (the latest person with that title).
/// They become mentions of that entity, so its facts and provenance include
/// them; they never rename it.
pub(crate) fn add_nominals(text: &str, toks: &Tokens, lex: &Lexicon, res: &mut Resolved) {
    let tokens = &toks.tokens;
    let taken: std::collections::HashSet<usize> = res
        .mentions
        .iter()
        .flat_map(|m| m.first_token..m.end_token)
        .collect();
    // Every extent of every entity, by end (then the outer of nested ones,
    // then the entity): the antecedent is found looking back from a
    // description, not by going over every entity (quadratic on long texts).
    // (People count only with a title, which a description must match.)
    type Extents = Vec<(usize, std::cmp::Reverse<usize>, usize)>;
    // (A dateline's agency, "(Nordic Wire)", filed the story: "the
    // commission" of the story is never the agency.)
    let agencies: std::collections::HashSet<Span> = res
        .mentions
        .iter()
        .filter(|m| {
            matches!(m.evidence, Evidence::Dateline(_)) && m.kind == EntityType::Organization
        })
        .map(|m| m.extent)
        .collect();
    let mut extents_of: HashMap<EntityType, Extents> = HashMap::default();
    for (k, e) in res.entities.iter().enumerate() {
        if e.kind == EntityType::Person && e.attributes.job_title.is_none() {
            continue;
        }
        let list = extents_of.entry(e.kind).or_default();
        list.extend(
            e.extents
                .iter()
                .filter(|m| !agencies.contains(m))
                .map(|m| (m.end, std::cmp::Reverse(m.start), k)),
        );
    }
    for list in extents_of.values_mut() {
        list.sort_unstable();
    }
    let mut added: Vec<(Mention, usize)> = Vec::new();
    for sent in &toks.sentences {
        let r = sent.tokens.clone();
        let mut i = r.start;
        while i < r.end {
            if !matches!(tokens[i].lower.as_str(), "the" | "this") {
                i += 1;
                continue;
            }
            // The head within three words, after lowercase modifiers or a demonym.
            let mut found = None;
            for j in i + 1..(i + 4).min(r.end) {
                if taken.contains(&j) {
                    break;
                }
                let t = &tokens[j];
                let head_kind = NOMINAL_HEADS
                    .iter()
                    .find(|(h, _)| *h == t.lower)
                    .map(|&(_, k)| k)
                    .or_else(|| is_title_head(lex, &t.lower).then_some(EntityType::Person));
                if let Some(kind) = head_kind {
                    if t.shape == Shape::Lower || (t.shape == Shape::Capitalized && j == i + 1) {
                        // A longer title ending here ("the foreign minister").
                        let title = (i + 1..=j)
                            .map(|k| tokens[k].lower.as_str())
                            .collect::<Vec<_>>()
                            .join(" ");
                        found = Some((j, kind, title));
                        break;
                    }
                }
                let modifier = (t.shape == Shape::Lower
                    && t.lower.chars().all(char::is_alphabetic)
                    && !matches!(
                        t.lower.as_str(),
                        "and"
                            | "or"
                            | "of"
                            | "that"
                            | "which"
                            | "every"
                            | "each"
                            | "all"
                            | "other"
                            | "another"
                            | "some"
                            | "any"
                            | "no"
                            | "many"
                            | "same"
                    ))
                    || lex.demonyms.contains_key(t.span.text(text));
                if !modifier {
                    break;
                }
            }
            let Some((head, kind, title)) = found else {
                i += 1;
                continue;
            };
            if !ends_noun_phrase(tokens.get(head + 1).filter(|_| head + 1 < r.end), lex) {
                i = head + 1;
                continue;
            }
            // "the town of Buraga", "the province of Vik": the name after
            // "of" says which place; it refers to none named before.
            if matches!(kind, EntityType::Place | EntityType::Country)
                && head + 2 < r.end
                && tokens[head + 1].lower == "of"
                && tokens[head + 2].shape == Shape::Capitalized
            {
                i = head + 1;
                continue;
            }
            let at = tokens[i].span.start;
            let head_word = tokens[head].lower.as_str();
            // The latest entity of the type named before the description
            // (latest by end; of nested ones, "Mobile, Alabama", the outer).
            let spaced_head = format!(" {head_word}");
            // "the committee", "the court", "the ministry": a body whose name
            // says what it is refers back to one named so, not to the last
            // organization.
            let named_by_head = matches!(
                head_word,
                "committee"
                    | "ministry"
                    | "department"
                    | "council"
                    | "commission"
                    | "court"
                    | "university"
                    | "bureau"
                    | "authority"
            );
            // "the company", "the bank": a business is no public body
            // ("the Harbour Committee … accused the company").
            let business = matches!(
                head_word,
                "company"
                    | "firm"
                    | "corporation"
                    | "conglomerate"
                    | "bank"
                    | "airline"
                    | "carrier"
                    | "manufacturer"
                    | "maker"
                    | "automaker"
                    | "retailer"
            );
            let fits = |e: &Entity| match kind {
                EntityType::Person => e.attributes.job_title.as_deref().is_some_and(|jt| {
                    jt == head_word || jt.ends_with(&spaced_head) || title.ends_with(jt)
                }),
                _ if business => !e
                    .name
                    .split_whitespace()
                    .any(|w| PUBLIC_BODIES.iter().any(|b| w.eq_ignore_ascii_case(b))),
                _ if named_by_head => [Some(&e.name), e.canonical.as_ref()]
                    .into_iter()
                    .flatten()
                    .any(|n| {
                        n.split_whitespace()
                            .any(|w| w.eq_ignore_ascii_case(head_word))
                    }),
                _ => true,
            };
            let extents = extents_of.get(&kind).map_or(&[][..], Vec::as_slice);
            let antecedent = extents[..extents.partition_point(|x| x.0 <= at)]
                .iter()
                .rev()
                .map(|x| x.2)
                .find(|&k| fits(&res.entities[k]));
            if let Some(e) = antecedent {
                let span = Span::new(at, tokens[head].span.end);
                added.push((
                    Mention {
                        span,
                        extent: span,
                        kind,
                        evidence: Evidence::Nominal,
                        first_token: i,
                        end_token: head + 1,
                    },
                    e,
                ));
            }
            i = head + 1;
        }
    }
    for (m, e) in added {
        res.entities[e].mentions.push(m.span);
        res.entities[e].extents.push(m.extent);
        res.entities[e].mentions.sort();
        res.entities[e].extents.sort();
        res.mentions.push(m);
        res.mention_entity.push(e);
    }
    let mut order: Vec<usize> = (0..res.mentions.len()).collect();
    order.sort_by_key(|&k| res.mentions[k].first_token);
    res.mentions = order.iter().map(|&k| res.mentions[k].clone()).collect();
    res.mention_entity = order.iter().map(|&k| res.mention_entity[k]).collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// (mention text, entity name) of the definite descriptions found.
    fn nominals(text: &str) -> Vec<(String, String)> {
        let lex = Lexicon::bundled();
        let toks = crate::extract::text::tokenize(text);
        let credits = crate::extract::ner::credit_lines(text, &toks);
        let rec = crate::extract::ner::recognize(text, &toks, lex, &credits);
        let mut res = resolve(text, &rec, lex);
        add_nominals(text, &toks, lex, &mut res);
        res.mentions
            .iter()
            .zip(&res.mention_entity)
            .filter(|(m, _)| m.evidence == Evidence::Nominal)
            .map(|(m, &e)| (m.span.text(text).to_string(), res.entities[e].name.clone()))
            .collect()
    }

    #[test]
    fn definite_descriptions_refer_back() {
        let got = nominals(
            "Norway's Foreign Minister Marta Vellinga visited Qadir Holdings in Oslo. \
             The company said the minister left the city on Monday. \
             The company headquarters stayed closed, and every company in the country waited.",
        );
        assert_eq!(
            got,
            [
                ("The company".to_string(), "Qadir Holdings".to_string()),
                ("the minister".to_string(), "Marta Vellinga".to_string()),
                ("the city".to_string(), "Oslo".to_string()),
                ("the country".to_string(), "Norway".to_string()),
            ]
        );
    }

    /// The names of the places of `text`.
    fn place_names(text: &str) -> Vec<String> {
        let lex = Lexicon::bundled();
        let toks = crate::extract::text::tokenize(text);
        let rec = crate::extract::ner::recognize(text, &toks, lex, &[]);
        let res = resolve(text, &rec, lex);
        let mut names: Vec<String> = res
            .entities
            .iter()
            .filter(|e| e.kind == EntityType::Place)
            .map(|e| e.name.clone())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_place_keeps_its_region_only_where_the_text_never_names_it_alone() {
        assert_eq!(
            place_names("Crowds marched in Kampala, Uganda. Police in Kampala made arrests."),
            ["Kampala"]
        );
        assert!(place_names("Crowds marched in Mobile, Alabama on Friday.")
            .contains(&"Mobile, Alabama".to_string()));
        // Two regions for one place: neither names it.
        assert!(place_names(
            "Marches in Fort Verdal, Ohio drew crowds. Police in Fort Verdal, Texas made arrests."
        )
        .contains(&"Fort Verdal".to_string()));
    }

    #[test]
    fn no_antecedent_no_mention() {
        assert!(nominals("The company said the minister left the city.").is_empty());
    }

    #[test]
    fn a_lone_head_word_refers_back_to_the_longer_name() {
        let text = "Students of the Harbour University protested. The University said no.";
        let lex = Lexicon::bundled();
        let toks = crate::extract::text::tokenize(text);
        let rec = crate::extract::ner::recognize(text, &toks, lex, &[]);
        let res = resolve(text, &rec, lex);
        let names: Vec<(&str, usize)> = res
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.mentions.len()))
            .collect();
        assert!(names.contains(&("Harbour University", 2)), "{names:?}");
        assert!(!names.iter().any(|(n, _)| *n == "University"), "{names:?}");
    }
}
