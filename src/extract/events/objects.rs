//! The names a trigger governs after it, read from the words alone: its
//! direct object ("Helix Corp sued Veltra Group") and object group (with
//! coordination and the person an organization qualifies), who is named
//! "along with" it, and, for a verb of giving, the recipient after "to"
//! ("delivered the jet to Vendel Airlines"); for a testimony, before whom
//! it is given.

use super::subjects::coordinated;
use super::{Placed, Site};
use crate::model::{EntityType, Event, Shape, Token};
use crate::resources::words::events::{OBJECT_STOPS, PREPOSITIONS, TRANSFER_VERBS, VERB_GROUP};
use crate::resources::Pos;

/// The name (and those coordinated with it) that a verb ending before
/// `after` takes as its direct object: only a few lowercase words (an
/// article, a possessive, an adjective) between, none a preposition, and
/// the name not a modifier of a common noun after it ("20 Airbus jets").
pub(super) fn direct_object(site: &Site, after: usize, cl_end: usize) -> Option<Vec<Placed>> {
    let tokens = site.tokens;
    // "released him on Monday": an object pronoun right after the verb,
    // the object phrase closing with it (not "showed him far ahead", "saw
    // him leave": a predicate of its own follows).
    if let Some(p) = site.objects.iter().find(|p| p.first == after) {
        let closes = tokens.get(p.end).is_none_or(|t| {
            t.shape == Shape::Punct
                || matches!(t.lower.as_str(), "and" | "or")
                || PREPOSITIONS.contains(&t.lower)
        });
        return closes.then(|| vec![*p]);
    }
    let k = site
        .names
        .iter()
        .position(|p| p.first >= after && p.end <= cl_end)?;
    if site.names[k].pronoun {
        return None;
    }
    let first = site.names[k];
    // (A title before the name: "fired Finance Minister Ana Costa".)
    let opens = first.titled.min(first.first).max(after);
    if first.kind == EntityType::Place || opens > after + 3 {
        return None;
    }
    let plain = |t: &Token| {
        t.shape == Shape::Lower
            && !PREPOSITIONS.contains(&t.lower)
            && !OBJECT_STOPS.contains(&t.lower)
    };
    // (Or words in capitals before it: "promoted Finance Director Lise
    // Holm", "sworn in by Governor-General Sir Peter Lumasi".)
    let mut o = opens;
    while o > after && o + 3 > opens && tokens[o - 1].shape == Shape::Capitalized {
        o -= 1;
    }
    if !tokens[after..o].iter().all(plain) {
        return None;
    }
    if tokens.get(first.end).is_some_and(|t| {
        t.shape == Shape::Lower
            && !PREPOSITIONS.contains(&t.lower)
            && !OBJECT_STOPS.contains(&t.lower)
    }) {
        return None;
    }
    // "fired Jonas Berg's lawyer": the possessor is no object (unless a
    // person it qualifies follows: "met Spain's foreign minister Ana Costa").
    if possessor_of_more(tokens, first)
        && !site
            .names
            .get(k + 1)
            .is_some_and(|next| next.end <= cl_end && qualifies(tokens, first, next))
    {
        return None;
    }
    let mut out = vec![first];
    for &p in &site.names[k + 1..] {
        if p.end > cl_end || !coordinated(tokens, out[out.len() - 1], p) {
            break;
        }
        out.push(p);
    }
    Some(out)
}

/// The agent of a passive named after a "by" a time or a place may put
/// off ("was arrested in May by officers of the Anti-Fraud Directorate",
/// "was detained on Monday by police"): "by" within six words of the
/// verb, nothing but lowercase words, numbers and capitals between (no
/// comma, no verb), and the name right after it or after a few lowercase
/// words that end in "of" or "from".
pub(super) fn by_agent(site: &Site, cl_end: usize) -> Option<Placed> {
    let tokens = site.tokens;
    let after = site.i + site.len;
    let by = (after..(after + 7).min(cl_end)).find(|&k| tokens[k].lower == "by")?;
    // Adverbs may stand between ("claimed a day later by"), not another
    // verb group ("was arrested and is held by").
    // (The period of "Dec." ends nothing: "seized on Dec. 2 by".)
    let period_of_month = |k: usize| {
        tokens[k].lower == "." && k > after && crate::extract::timex::calendar_word(&tokens[k - 1])
    };
    if (after..by).any(|k| {
        let t = &tokens[k];
        t.shape == Shape::Punct && !period_of_month(k)
            || t.shape == Shape::Lower
                && VERB_GROUP.contains(&t.lower)
                && !matches!(
                    t.lower.as_str(),
                    "later" | "then" | "again" | "also" | "once" | "first"
                )
    }) {
        return None;
    }
    let p = *site
        .names
        .iter()
        .find(|p| p.first > by && p.end <= cl_end)?;
    // ("sworn in by Governor-General Sir Peter Lumasi": past the title.)
    let between = &tokens[by + 1..p.titled.min(p.first)];
    let linked = between.is_empty()
        || (between.len() <= 4
            && between.iter().all(|t| t.shape == Shape::Lower)
            && (between
                .iter()
                .all(|t| matches!(t.lower.as_str(), "the" | "a" | "an"))
                || between
                    .iter()
                    .any(|t| matches!(t.lower.as_str(), "of" | "from"))));
    (linked && !p.pronoun && p.kind != EntityType::Place).then_some(p)
}

/// The recipient of a verb of giving: the name right after the first "to"
/// that follows the verb in its clause, a few words on ("delivered the
/// first jet to Norland Airways").
pub(super) fn recipient(site: &Site, cl_end: usize) -> Vec<Placed> {
    if site.trig.pos != Pos::Verb || !TRANSFER_VERBS.contains(&site.trig.lemma) {
        return Vec::new();
    }
    name_after(site, cl_end, "to")
}

/// Before whom a testimony is given: "testified before the Senate
/// Judiciary Committee", "her testimony before Congress".
pub(super) fn audience(site: &Site) -> Vec<Placed> {
    // "before" also opens a clause ("testified before Costa resigned"):
    // only right after the trigger, and the name not a verb's subject.
    let at = site.i + site.len;
    if !Event::kind_info_of(&site.trig.kind).audience
        || site.tokens.get(at).is_none_or(|t| t.lower != "before")
    {
        return Vec::new();
    }
    let group = name_after(site, site.sent.end, "before");
    let next = group.last().and_then(|p| site.tokens.get(p.end));
    if next.is_some_and(|t| {
        t.shape == Shape::Lower
            && !PREPOSITIONS.contains(&t.lower)
            && !OBJECT_STOPS.contains(&t.lower)
    }) {
        return Vec::new();
    }
    group
}

/// The name (with those coordinated with it) right after the first `word`
/// within a few words after the trigger in its clause: at most two
/// lowercase words between `word` and the name, none a preposition.
fn name_after(site: &Site, cl_end: usize, word: &str) -> Vec<Placed> {
    let tokens = site.tokens;
    let from = site.i + site.len;
    let Some(to) = (from..cl_end.min(from + 8)).find(|&k| tokens[k].lower == word) else {
        return Vec::new();
    };
    let Some(k) = site
        .names
        .iter()
        .position(|p| p.first > to && p.end <= cl_end)
    else {
        return Vec::new();
    };
    let first = site.names[k];
    let gap = &tokens[to + 1..first.first];
    if first.kind == EntityType::Place
        || first.pronoun
        || gap.len() > 2
        || !gap
            .iter()
            .all(|t| t.shape == Shape::Lower && !PREPOSITIONS.contains(&t.lower))
    {
        return Vec::new();
    }
    // "fired Jonas Berg's lawyer": the possessor is no object (unless a
    // person it qualifies follows: "met Spain's foreign minister Ana Costa").
    if possessor_of_more(tokens, first)
        && !site
            .names
            .get(k + 1)
            .is_some_and(|next| next.end <= cl_end && qualifies(tokens, first, next))
    {
        return Vec::new();
    }
    let mut out = vec![first];
    for &p in &site.names[k + 1..] {
        if p.end > cl_end || !coordinated(tokens, out[out.len() - 1], p) {
            break;
        }
        out.push(p);
    }
    out
}

/// The actors after "along with" or "together with" in the trigger's
/// clause: the first right after it, and each one after an "and" that
/// follows ("along with Ana Costa, the owner of Helix, and Piet Vermeer").
pub(super) fn co_members(site: &Site, cl_end: usize) -> Vec<Placed> {
    let tokens = site.tokens;
    let end = site.sent.end;
    let Some(k) = (site.i + site.len..cl_end.min(end).saturating_sub(1)).find(|&k| {
        matches!(tokens[k].lower.as_str(), "along" | "together") && tokens[k + 1].lower == "with"
    }) else {
        return Vec::new();
    };
    let opens = |p: &Placed| p.titled.min(p.first);
    let mut out: Vec<Placed> = Vec::new();
    for p in site
        .names
        .iter()
        .filter(|p| p.first > k + 1 && p.end <= end && !p.pronoun)
    {
        if p.kind == EntityType::Place {
            continue;
        }
        let start = opens(p);
        let joins = match out.last() {
            None => start == k + 2,
            Some(last) => {
                tokens[start - 1].lower == "and"
                    && p.kind == last.kind
                    && !tokens
                        .get(p.end)
                        .is_some_and(|t| t.shape == Shape::Lower && site.event_verb(t))
                    && !tokens[last.end..start]
                        .iter()
                        .any(|t| t.shape == Shape::Lower && site.event_verb(t))
            }
        };
        if joins {
            out.push(*p);
        } else if out.is_empty() {
            break;
        }
    }
    out
}

/// The object of a trigger: the first actor after it (an organization or
/// country right before a person qualifies the person), with coordination.
pub(super) fn object_group(site: &Site, right: &[Placed], after: usize) -> Vec<Placed> {
    let tokens = site.tokens;
    // "charged him with fraud": an object pronoun right after the verb.
    if let Some(p) = site.objects.iter().find(|p| p.first == after) {
        return vec![*p];
    }
    let mut it = right.iter().copied().peekable();
    let Some(mut first) = it.next() else {
        return Vec::new();
    };
    // "fired the head of the Port Authority, Lars Berg": the object may sit
    // a few words away, behind a title phrase; but a name after a comma
    // that a verb follows opens a clause of its own ("the arrest on
    // Sunday, Lars Berg said").
    let gap = &tokens[after..first.first];
    let apposition = gap.last().is_some_and(|t| t.lower == ",");
    if apposition
        && tokens
            .get(first.end)
            .is_some_and(|t| t.shape == Shape::Lower && site.event_verb(t))
    {
        return Vec::new();
    }
    let gap_inner = if apposition {
        &gap[..gap.len() - 1]
    } else {
        gap
    };
    // "killed three people in Peshawar, Pakistan": a name in a place
    // phrase is no object.
    // ("Trade and Industry Minister Ana Costa": an "and" between capitals
    // is inside a title.)
    let capital = |k: usize| k < gap_inner.len() && gap_inner[k].shape == Shape::Capitalized;
    // (The period of "Sept." ends nothing.)
    let abbreviation = |k: usize| k > 0 && crate::extract::timex::calendar_word(&gap_inner[k - 1]);
    if first.first > after + 7
        || gap_inner.iter().enumerate().any(|(k, t)| {
            matches!(
                t.lower.as_str(),
                "," | ";" | "but" | "in" | "at" | "near" | "outside" | "inside" | "across"
            ) || t.lower == "." && !abbreviation(k)
                || t.lower == "and" && !(k > 0 && capital(k - 1) && capital(k + 1))
        })
    {
        return Vec::new();
    }
    // "flew to Lisbon for talks with Ana Costa": a name after another
    // event noun and its preposition is that event's.
    if gap_inner.iter().enumerate().any(|(k, t)| {
        site.event_noun(t)
            && gap_inner[k + 1..]
                .iter()
                .any(|w| PREPOSITIONS.contains(&w.lower))
    }) {
        return Vec::new();
    }
    if it.peek().is_some_and(|next| qualifies(tokens, first, next)) {
        first = it.next().unwrap_or(first);
    }
    // "arrested Ana Costa's driver": the possessor is not who is arrested,
    // killed or fired, except where it owns what is investigated or seized.
    if possessor_of_more(tokens, first) && !OWNER_STANDS_FOR.contains(&site.trig.kind.as_str()) {
        return Vec::new();
    }
    // "arrested the chief executive of Norrsken Minerals": who is done to
    // is a person the organization after "of" only qualifies.
    if first.kind != EntityType::Person
        && gap_inner.iter().any(|t| t.lower == "of")
        && matches!(
            site.trig.kind.as_str(),
            "Arrest" | "Charge" | "Sentence" | "Trial" | "Death" | "Release"
        )
    {
        return Vec::new();
    }
    let mut out = vec![first];
    // "between Costa and the company's director, Ana Berg": each
    // coordinated actor may be qualified by the person after it.
    while let Some(p) = it.next() {
        if !coordinated(tokens, out[out.len() - 1], p) {
            break;
        }
        match it.peek() {
            Some(next) if qualifies(tokens, p, next) => {
                out.push(*next);
                it.next();
            }
            _ => out.push(p),
        }
    }
    out
}

/// Event types whose object's owner stands for it, as news annotation
/// has it: "the probe into Ana Costa's emails" investigates her, "seized
/// Jonas Berg's laptop" is done to him.
const OWNER_STANDS_FOR: [&str; 2] = ["Investigation", "Seizure"];

/// Whether the name `p` is a possessor, a possessive marker after it:
/// what it names owns or relates to what follows ("Ana Costa's driver").
fn possessor_of_more(tokens: &[Token], p: Placed) -> bool {
    tokens
        .get(p.end)
        .is_some_and(|t| matches!(t.lower.as_str(), "'s" | "\u{2019}s" | "'" | "\u{2019}"))
}

/// Whether the person `next` is who the organization or country `p`
/// stands for: "FBI Director James Comey", "the Port Authority, Lars
/// Berg,", "Spain's acting prime minister Ana Costa", "Spain's foreign
/// minister, Ana Costa,".
fn qualifies(tokens: &[Token], p: Placed, next: &Placed) -> bool {
    if p.kind == EntityType::Person || next.kind != EntityType::Person {
        return false;
    }
    let between: Vec<&str> = tokens[p.end..next.first]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    let possessive_title = match between.as_slice() {
        ["'s", words @ ..] => {
            let words = words.strip_suffix(&[","]).unwrap_or(words);
            (1..=4).contains(&words.len())
                && words.iter().all(|w| {
                    w.chars().all(char::is_alphabetic)
                        && !matches!(*w, "and" | "or" | "of" | "to" | "the")
                })
        }
        _ => false,
    };
    between.len() <= 3 && !between.contains(&",") || between == [","] || possessive_title
}
