//! Personal pronouns as stand-ins for who they refer to, for roles only
//! ("He announced the plan": the agent is the person named before; "its
//! investigation": the organization named before investigates).
//! They are no mentions of the entity: names and their provenance are
//! unchanged; only an event's participant is.
//!
//! A pronoun refers to the person named last before it in its sentence,
//! else to the one named in the nearest of the two sentences before it
//! that names one; "its" only to an organization or country named before
//! it in its sentence, with no other noun phrase between. Only where that
//! is unambiguous: two people named in that earlier sentence and none in
//! this one leave the pronoun unresolved. Subject pronouns (he, she) are
//! subjects, never objects; possessives only possessors of event nouns. A
//! person named inside quoted speech is not the antecedent of a pronoun
//! outside it ("'Kim's brother was murdered,' he said").
//!
//! "He" and "his" pass over a person the text marks as a woman, "she" and
//! "her" over one it marks as a man: by a title ("Mrs.", "Sir") or a given
//! name used for one gender only (`data/lexicon/given_name_gender.tsv`).
//!
//! Plural anaphora ("the two", "they", "the diplomats") stand for the last
//! two people named, as participants of a symmetric event.

use super::{Placed, Site};
use crate::extract::entities::Resolved;
use crate::model::{EntityType, Event, Participant, Role, Sentence, Shape, Token};
use crate::resources::words::events::{PLURAL_ANAPHORS, PREPOSITIONS, VERB_GROUP};
use crate::resources::{Gender, Lexicon};
use std::ops::Range;

/// Third-person singular pronouns that refer to a person, as subjects
/// ("it" only after a verb of saying: see [`subjects`]).
const SUBJECTS: [(&str, Refers); 2] = [
    ("he", Refers::Person(Some(Gender::Male))),
    ("she", Refers::Person(Some(Gender::Female))),
];
/// Object pronouns that refer to a person ("police arrested him"; "her"
/// only before punctuation, a preposition or "and": "charged her with
/// fraud", not "her lawyer").
const OBJECTS: [(&str, Refers); 2] = [
    ("him", Refers::Person(Some(Gender::Male))),
    ("her", Refers::Person(Some(Gender::Female))),
];
/// Possessive pronouns and what they refer to: "his firing", "its
/// investigation" (only as a possessor of an event noun).
const POSSESSIVES: [(&str, Refers); 3] = [
    ("his", Refers::Person(Some(Gender::Male))),
    ("her", Refers::Person(Some(Gender::Female))),
    ("its", Refers::Body),
];

/// Titles that say a person is a woman or a man.
const GENDERED_TITLES: [(&str, Gender); 22] = [
    ("mrs", Gender::Female),
    ("ms", Gender::Female),
    ("miss", Gender::Female),
    ("madam", Gender::Female),
    ("madame", Gender::Female),
    ("mme", Gender::Female),
    ("lady", Gender::Female),
    ("dame", Gender::Female),
    ("queen", Gender::Female),
    ("princess", Gender::Female),
    ("duchess", Gender::Female),
    ("empress", Gender::Female),
    ("mr", Gender::Male),
    ("sir", Gender::Male),
    ("lord", Gender::Male),
    ("king", Gender::Male),
    ("prince", Gender::Male),
    ("duke", Gender::Male),
    ("emperor", Gender::Male),
    ("monsieur", Gender::Male),
    ("sheikh", Gender::Male),
    ("sultan", Gender::Male),
];

/// Each entity's gender, where a title before one of its mentions or its
/// given name tells it (and nothing says otherwise); `None` for others.
pub(super) fn genders(
    tokens: &[Token],
    placed: &[Placed],
    res: &Resolved,
    lex: &Lexicon,
) -> Vec<Option<Gender>> {
    let mut out: Vec<Option<Option<Gender>>> = vec![None; res.entities.len()];
    let mut tell = |entity: usize, g: Gender| {
        let slot = &mut out[entity];
        *slot = match *slot {
            None => Some(Some(g)),
            Some(Some(h)) if h == g => Some(Some(g)),
            _ => Some(None),
        };
    };
    for (i, e) in res.entities.iter().enumerate() {
        if e.kind != EntityType::Person {
            continue;
        }
        let given = e.name.split_whitespace().next().unwrap_or("");
        if let Some(&g) = lex.name_gender.get(given) {
            tell(i, g);
        }
    }
    for p in placed.iter().filter(|p| p.kind == EntityType::Person) {
        for t in &tokens[p.titled..p.first] {
            let word = t.lower.trim_end_matches('.');
            if let Some(&(_, g)) = GENDERED_TITLES.iter().find(|(w, _)| *w == word) {
                tell(p.entity, g);
            }
        }
    }
    out.into_iter().map(Option::flatten).collect()
}

/// Words that open a noun phrase "its" could refer to instead.
const NOUN_PHRASE_OPENERS: [&str; 8] = ["the", "a", "an", "this", "that", "these", "those", "its"];

/// What a pronoun refers to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Refers {
    /// A person, of the pronoun's gender.
    Person(Option<Gender>),
    /// An organization or a country.
    Body,
}

impl Refers {
    fn fits(self, kind: EntityType) -> bool {
        match self {
            Refers::Person(_) => kind == EntityType::Person,
            Refers::Body => matches!(kind, EntityType::Organization | EntityType::Country),
        }
    }

    /// A person of no other gender than the pronoun's.
    fn fits_person(self, gender: Option<Gender>) -> bool {
        match (self, gender) {
            (Refers::Person(Some(want)), Some(g)) => want == g,
            _ => true,
        }
    }
}

/// The subject pronouns of sentence `si` resolved to a person, as placed
/// mentions; `placed` holds every name of the document in text order.
pub(super) fn subjects(
    tokens: &[Token],
    sentences: &[Sentence],
    si: usize,
    (placed, genders): (&[Placed], &[Option<Gender>]),
    speech: &[Range<usize>],
) -> Vec<Placed> {
    let mut out = resolve(
        (&SUBJECTS, false),
        tokens,
        sentences,
        si,
        (placed, genders),
        speech,
    );
    // "Norland Airways said it would buy jets": "it" right after a verb of
    // saying (and "that") is the body that said it, named before in the
    // sentence with no other noun phrase between.
    let r = sentences[si].tokens.clone();
    for k in r.clone() {
        if tokens[k].lower != "it" {
            continue;
        }
        let mut v = k;
        if v > r.start && tokens[v - 1].lower == "that" {
            v -= 1;
            // "stated on Thursday that it": a time between.
            let time_word = |t: &Token| {
                matches!(
                    t.lower.as_str(),
                    "on" | "in"
                        | "last"
                        | "this"
                        | "early"
                        | "late"
                        | "earlier"
                        | "later"
                        | "yesterday"
                        | "today"
                ) || t.shape == Shape::Capitalized
            };
            let mut w = v;
            while w > r.start && v - w < 3 && time_word(&tokens[w - 1]) {
                w -= 1;
            }
            if w > r.start && w < v && SAYING.contains(&tokens[w - 1].lower.as_str()) {
                v = w;
            }
        }
        if v == r.start || !SAYING.contains(&tokens[v - 1].lower.as_str()) {
            continue;
        }
        let lo = placed.partition_point(|p| p.first < r.start);
        let hi = placed.partition_point(|p| p.first < v - 1);
        let Some(body) = placed[lo..hi.max(lo)].last().filter(|p| {
            Refers::Body.fits(p.kind)
                && !tokens[p.end..v - 1]
                    .iter()
                    .any(|t| NOUN_PHRASE_OPENERS.contains(&t.lower.as_str()))
        }) else {
            continue;
        };
        out.push(Placed {
            first: k,
            end: k + 1,
            titled: k,
            entity: body.entity,
            kind: body.kind,
            pronoun: true,
        });
    }
    out.sort_by_key(|p| p.first);
    out
}

/// Verbs of saying after which "it" is the one who said it.
const SAYING: [&str; 12] = [
    "said",
    "says",
    "announced",
    "announces",
    "stated",
    "added",
    "confirmed",
    "warned",
    "expects",
    "expected",
    "hopes",
    "believes",
];

/// The object pronouns of sentence `si` resolved to a person, as placed
/// mentions: never the subject of their own verb ("Costa thanked him" is
/// not Costa thanked).
pub(super) fn objects(
    tokens: &[Token],
    sentences: &[Sentence],
    si: usize,
    placed: (&[Placed], &[Option<Gender>]),
    speech: &[Range<usize>],
) -> Vec<Placed> {
    let mut out = resolve((&OBJECTS, true), tokens, sentences, si, placed, speech);
    out.retain(|p| is_object(tokens, p));
    out
}

/// Whether a resolved pronoun is an object pronoun in object use.
fn is_object(tokens: &[Token], p: &Placed) -> bool {
    if !p.pronoun {
        return false;
    }
    match tokens[p.first].lower.as_str() {
        "him" => true,
        "her" => tokens.get(p.end).is_none_or(|t| {
            t.shape == Shape::Punct || t.lower == "and" || PREPOSITIONS.contains(&t.lower)
        }),
        _ => false,
    }
}

/// The possessive pronouns of sentence `si` resolved to who they refer to.
pub(super) fn possessives(
    tokens: &[Token],
    sentences: &[Sentence],
    si: usize,
    placed: (&[Placed], &[Option<Gender>]),
    speech: &[Range<usize>],
) -> Vec<Placed> {
    resolve((&POSSESSIVES, false), tokens, sentences, si, placed, speech)
}

/// The pronouns of sentence `si` among `words` resolved; `object`: they
/// are objects, so never their own verb's subject.
fn resolve(
    (words, object): (&[(&str, Refers)], bool),
    tokens: &[Token],
    sentences: &[Sentence],
    si: usize,
    (placed, genders): (&[Placed], &[Option<Gender>]),
    speech: &[Range<usize>],
) -> Vec<Placed> {
    let r = sentences[si].tokens.clone();
    let named_in = |a: usize, b: usize, refers: Refers| {
        let lo = placed.partition_point(|p| p.first < a);
        let hi = placed.partition_point(|p| p.first < b);
        placed[lo..hi.max(lo)]
            .iter()
            .filter(|p| {
                refers.fits(p.kind) && refers.fits_person(genders.get(p.entity).copied().flatten())
            })
            .copied()
            .collect::<Vec<_>>()
    };
    // The one entity of the nearest earlier sentence naming one.
    let before = |refers: Refers| {
        (si.saturating_sub(2)..si)
            .rev()
            .map(|k| named_in(sentences[k].tokens.start, sentences[k].tokens.end, refers))
            .find(|ps| !ps.is_empty())
            .and_then(|ps| {
                let first = ps[0].entity;
                ps.iter().all(|p| p.entity == first).then_some(ps[0])
            })
    };
    let mut out = Vec::new();
    for k in r.clone() {
        let Some(&(_, refers)) = words.iter().find(|(w, _)| *w == tokens[k].lower) else {
            continue;
        };
        let quote = speech.iter().find(|q| q.contains(&k));
        let same_voice = |p: &Placed| quote == speech.iter().find(|q| q.contains(&p.first));
        // An object pronoun is not its own verb's subject: the name a few
        // words before it, with no "and", comma or clause opener between.
        let own_subject = |p: &Placed| {
            object
                && k - p.end <= 4
                && tokens[p.end..k].iter().all(|t| {
                    t.shape != Shape::Punct
                        && !matches!(t.lower.as_str(), "and" | "that" | "who" | "to")
                })
        };
        let last = named_in(r.start, k, refers)
            .into_iter()
            .rev()
            .find(|p| p.end <= k && same_voice(p) && !own_subject(p));
        let antecedent = match refers {
            Refers::Person(_) => last.or_else(|| before(refers)),
            // "its" refers to things as often ("the plane made its maiden
            // flight"): only to a body named in its sentence with no other
            // noun phrase opening between.
            Refers::Body => last.filter(|p| {
                !tokens[p.end..k]
                    .iter()
                    .any(|t| NOUN_PHRASE_OPENERS.contains(&t.lower.as_str()))
            }),
        };
        if let Some(p) = antecedent {
            out.push(Placed {
                first: k,
                end: k + 1,
                titled: k,
                entity: p.entity,
                kind: p.kind,
                pronoun: true,
            });
        }
    }
    out
}

/// Plural anaphora for symmetric events: "the two", "they", "the
/// diplomats" stand for the last two people named before the trigger,
/// within its section (`sections`: where dated headings start them).
pub(super) fn plural_antecedents(
    site: &Site,
    cl_start: usize,
    placed: &[Placed],
    sections: &[usize],
    participants: &mut Vec<Participant>,
) {
    let Site {
        tokens, i, trig, ..
    } = *site;
    let prev_word = if i > site.sent.start {
        tokens[i - 1].lower.as_str()
    } else {
        ""
    };
    if !(Event::kind_info_of(&trig.kind).symmetric
        && participants.len() < 2
        && plural_anaphor(tokens, cl_start, i, prev_word))
    {
        return;
    }
    // Antecedents stay inside the section (a dated heading starts one).
    let here = tokens[i].span.start;
    let section = sections
        .iter()
        .copied()
        .filter(|&b| b <= here)
        .max()
        .unwrap_or(0);
    // The last two people named before, within the section.
    let mut before: Vec<usize> = Vec::new();
    for p in placed[..placed.partition_point(|p| p.first < i)]
        .iter()
        .rev()
    {
        if tokens[p.first].span.start < section {
            break;
        }
        if p.end <= i && p.kind == EntityType::Person && !before.contains(&p.entity) {
            before.push(p.entity);
            if before.len() == 2 {
                break;
            }
        }
    }
    if before.len() == 2 {
        participants.clear();
        for e in before.into_iter().rev() {
            participants.push(Participant {
                entity: e,
                role: Role::Participant,
            });
        }
    }
}

fn plural_anaphor(tokens: &[Token], cl_start: usize, i: usize, prev: &str) -> bool {
    let window: Vec<&str> = tokens[cl_start..i]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    // "both governments", "the two companies": a pair, but not of people.
    let of_things = |k: usize| {
        matches!(window[k], "both" | "two")
            && window.get(k + 1).is_some_and(|n| {
                n.chars().all(char::is_alphabetic)
                    && !PLURAL_ANAPHORS.contains(n)
                    && !VERB_GROUP.contains(n)
                    && !n.ends_with("ly")
            })
    };
    // "the two leaders", "the foreign ministers": a noun refers back only
    // after a determiner, with lowercase words between; "HDP leaders met",
    // "NATO ministers met" name others.
    let definite = |k: usize| {
        matches!(window[k], "they" | "both" | "two")
            || (1..=2).any(|back| {
                k >= back
                    && matches!(window[k - back], "the" | "both" | "two" | "these" | "those")
                    && tokens[cl_start + k - back + 1..cl_start + k]
                        .iter()
                        .all(|t| t.shape == Shape::Lower)
            })
    };
    (0..window.len()).any(|k| PLURAL_ANAPHORS.contains(window[k]) && !of_things(k) && definite(k))
        || matches!(prev, "two")
}
