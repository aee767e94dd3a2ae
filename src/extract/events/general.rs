//! The roles of a general verb (one of `data/lexicon/verbs.tsv`, untyped):
//! read from the words around it alone, as the typed events' patterns
//! would over-read them.

use super::objects::{direct_object, recipient};
use super::roles::{add, adjacent_group, next_word, subject_group};
use super::{Placed, Site};
use crate::model::{EntityType, Participant, Role, Token};
use crate::resources::{Lexicon, Pos};

/// The participants of a general verb (`Trigger::generic`): the actor
/// (or actors, "X and Y") right before it, with only auxiliaries, negation
/// and adverbs between ("Apple has quietly released"), the agent, or the
/// patient of a passive ("Smith was promoted"); for a participle after a
/// comma, its sentence's subject; the name it governs directly, or a
/// passive's `by`-name; a verb of giving's recipient. Nothing further away.
pub(super) fn general_roles(
    site: &Site,
    (cl_start, cl_end): (usize, usize),
    lex: &Lexicon,
) -> Vec<Participant> {
    // "Acme wants to buy", "Doe agreed to step down": the subject of the
    // verb before "to" does the second one too.
    let verb = |t: &Token| {
        lex.triggers
            .get(&t.lower)
            .is_some_and(|r| r.iter().any(|t| t.pos == Pos::Verb))
    };
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
    // "Boeing challenged the award, claiming the evaluation was skewed": a
    // participle after a comma is done by the subject of its sentence.
    let Site { tokens, i, .. } = *site;
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
    // "Boeing fought Lockheed", "was upheld by the GAO": the name the verb
    // governs directly, as its patient, or after a passive its `by`-agent.
    let (role, after) = if passive && next_word(site) == "by" {
        (Role::Agent, site.i + site.len + 1)
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
