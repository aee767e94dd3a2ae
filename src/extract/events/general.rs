//! The roles of a general verb (one of `data/lexicon/verbs.tsv`, untyped):
//! read from the words around it alone, as the typed events' patterns
//! would over-read them.

use super::objects::{direct_object, recipient};
use super::roles::{add, next_word};
use super::subjects::{adjacent_group, relative_antecedent, subject_group};
use super::{Placed, Site};
use crate::model::{EntityType, Participant, Role, Token};
use crate::resources::words::events::CONTROL;
use crate::resources::Pos;

/// The participants of a general verb (`Trigger::generic`): the actor
/// (or actors, "X and Y") right before it, with only auxiliaries, negation
/// and adverbs between ("Apple has quietly released"), the agent, or the
/// patient of a passive ("Smith was promoted"); for a participle after a
/// comma, its sentence's subject; the name it governs directly, or a
/// passive's `by`-name; a verb of giving's recipient. Nothing further away.
pub(super) fn general_roles(site: &Site, (cl_start, cl_end): (usize, usize)) -> Vec<Participant> {
    // "Acme wants to buy", "Doe agreed to step down": the subject of the
    // verb before "to" does the second one too.
    let verb = |t: &Token| CONTROL.contains(&t.lower) || site.event_verb(t);
    let mut out = Vec::new();
    let mut passive = false;
    if let Some((group, pass)) = adjacent_group(site, cl_start, &verb) {
        passive = pass;
        add(
            &mut out,
            &group,
            if passive { Role::Patient } else { Role::Agent },
        );
    }
    if site.trig.pos != Pos::Verb {
        return out;
    }
    let Site { tokens, i, .. } = *site;
    // "The carrier, which flies to Oslo, signed the lease": the
    // name before the relative clause.
    if out.is_empty() && site.trig.tense != "ing" {
        if let Some(p) = relative_antecedent(tokens, site.sent.start, i, site.names) {
            // ("Berg, 58, who ran the agency, was found guilty": a passive.)
            let be = |t: &Token| {
                matches!(
                    t.lower.as_str(),
                    "was" | "were" | "is" | "are" | "been" | "be"
                )
            };
            let passive = site.trig.tense == "past"
                && tokens[site.sent.start..i].iter().rev().take(2).any(be);
            out.push(Participant {
                entity: p.entity,
                role: if passive { Role::Patient } else { Role::Agent },
            });
        }
    }
    // "Helix Corp appealed the ruling, claiming the tender was rigged": a
    // participle after a comma is done by the subject of its sentence.
    if out.is_empty()
        && site.trig.tense == "ing"
        && i > site.sent.start
        && tokens[i - 1].lower == ","
    {
        let left: Vec<Placed> = site
            .names
            .iter()
            .copied()
            .filter(|p| p.end <= i && p.kind != EntityType::Place)
            .collect();
        add(
            &mut out,
            &subject_group(tokens, &left, site.sent.start),
            Role::Agent,
        );
    }
    // "Helix Corp sued Tarn Freight", "was upheld by the court": the name the verb
    // governs directly, as its patient, or after a passive its `by`-agent.
    // "a conference held by Acme": a past participle with its `by`-agent.
    // ("sworn in by", "handed over by": past a particle.)
    let word = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
    let end = site.i + site.len;
    let by = if next_word(site) == "by" {
        Some(end)
    } else {
        (matches!(word(end), "in" | "out" | "up" | "down" | "off" | "over")
            && word(end + 1) == "by")
            .then_some(end + 1)
    };
    let reduced = out.is_empty() && site.trig.tense == "past" && by.is_some();
    let (role, after) = if let Some(by) = by.filter(|_| passive || reduced) {
        (Role::Agent, by + 1)
    } else if passive {
        return out;
    } else {
        (Role::Patient, site.i + site.len)
    };
    if let Some(group) = direct_object(site, after, cl_end) {
        add(&mut out, &group, role);
    }
    add(&mut out, &recipient(site, cl_end), Role::Participant);
    out
}
