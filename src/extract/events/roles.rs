//! Who took part in an event in which role, and where: the subject and
//! object groups around a trigger, possessors ("Comey's firing"), holders
//! of titles ("the FBI director"), plural anaphora ("the two") and places
//! ("in X").

use super::objects::{audience, by_agent, co_members, direct_object, object_group, recipient};
use super::subjects::{
    adjacent_group, controller_object, nearer_subject, object_in_relative, possessor,
    relative_antecedent, relative_subject, reported_subject, subject_group, with_coordinated,
};
use super::{Placed, Site};
use crate::extract::entities::Resolved;
use crate::model::{EntityType, Event, Evidence, Participant, Role, Shape, Token};
use crate::resources::words::events::{
    AUXILIARIES, CONTROL, LIGHT_VERBS, PREPOSITIONS, UNDERGOER_NOUNS, UNDERTAKE_VERBS,
};
use crate::resources::{Lexicon, Pos};

/// Event types whose object may be a government named by its capital.
const SEAT_OBJECT_KINDS: [&str; 2] = ["Accusation", "Investigation"];

/// The mentions of a document on the token grid, in text order. Participants
/// are found between and around non-overlapping mentions: of overlapping
/// ones the first (and longest) is kept. A dateline's place and agency
/// ("LYON, France (Nordic Wire) —") say where and by whom the story was
/// filed: they take part in nothing it tells.
pub(super) fn place_mentions(tokens: &[Token], lex: &Lexicon, res: &Resolved) -> Vec<Placed> {
    // The longest title of the lexicon right before a person's name.
    let titled = |first: usize| {
        (1..=lex.max_title_words.min(first))
            .rev()
            .find(|&n| {
                let words: Vec<&str> = tokens[first - n..first]
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect();
                lex.titles.contains_key(&words.join(" "))
            })
            .map_or(first, |n| first - n)
    };
    let mut placed: Vec<Placed> = res
        .mentions
        .iter()
        .zip(&res.mention_entity)
        .filter(|(m, _)| !matches!(m.evidence, Evidence::Dateline(_)))
        .map(|(m, &e)| Placed {
            first: m.first_token,
            end: m.end_token,
            titled: if m.kind == EntityType::Person {
                titled(m.first_token)
            } else {
                tokens[..m.first_token].partition_point(|t| t.span.start < m.extent.start)
            },
            entity: e,
            kind: res.entities[e].kind,
            pronoun: false,
        })
        .collect();
    placed.sort_by_key(|p| (p.first, std::cmp::Reverse(p.end)));
    let mut last_end = 0;
    placed.retain(|p| {
        let keep = p.first >= last_end;
        if keep {
            last_end = p.end;
        }
        keep
    });
    placed
}

/// Add the mentions of `grp` in `role`, each entity once.
pub(super) fn add(ps: &mut Vec<Participant>, grp: &[Placed], role: Role) {
    for p in grp {
        if !ps.iter().any(|x: &Participant| x.entity == p.entity) {
            ps.push(Participant {
                entity: p.entity,
                role,
            });
        }
    }
}

/// The word right after the trigger (past the sentence too), or "".
pub(super) fn next_word<'a>(site: &Site<'a>) -> &'a str {
    site.tokens
        .get(site.i + site.len)
        .map_or("", |t| t.lower.as_str())
}

/// The word after a noun trigger past a time phrase ("talks last month
/// between X and Y"), or "".
fn next_word_past_time<'a>(site: &Site<'a>) -> &'a str {
    let k = super::past_time_phrase(site.tokens, site.i + site.len);
    site.tokens.get(k).map_or("", |t| t.lower.as_str())
}

/// The agents, patients and participants of the trigger in its clause
/// `(start, end)`.
pub(super) fn actors(
    site: &Site,
    (cl_start, cl_end): (usize, usize),
    res: &Resolved,
) -> Vec<Participant> {
    let Site {
        tokens,
        i,
        len,
        trig,
        names,
        ..
    } = *site;
    let r = site.sent.clone();
    let left: Vec<Placed> = names
        .iter()
        .copied()
        .filter(|p| p.first >= cl_start && p.end <= i)
        .collect();
    let right: Vec<Placed> = names
        .iter()
        .copied()
        .filter(|p| p.first >= i + len && p.end <= cl_end && !p.pronoun)
        .collect();
    let actors = |ps: &[Placed]| {
        ps.iter()
            .filter(|p| p.kind != EntityType::Place)
            .copied()
            .collect::<Vec<_>>()
    };
    // Actors with the capitals among places standing for their country.
    let seated = |ps: &[Placed]| -> Vec<Placed> {
        ps.iter()
            .filter_map(|p| {
                if p.kind == EntityType::Place {
                    site.seat(p)
                } else {
                    Some(*p)
                }
            })
            .collect()
    };
    // "Moscow denied the claims": a capital as a subject is its country's
    // government.
    let left_actors = seated(&left);
    let mut subject = subject_group(tokens, &left_actors, r.start);
    // "The board fired Orrin on Friday, Lisa Monk said": a name right
    // before a verb trigger is its subject, not the clause's first name.
    if trig.pos == Pos::Verb && trig.tense != "ing" {
        if let Some((group, _)) = adjacent_group(site, cl_start, &|t| CONTROL.contains(&t.lower)) {
            subject = group;
        }
    }
    if subject.is_empty() && trig.pos == Pos::Verb && trig.tense != "ing" {
        if let Some(p) = relative_subject(site, r.start) {
            subject = with_coordinated(tokens, names, p);
        } else if let Some(p) = relative_antecedent(tokens, r.start, i, names) {
            subject = vec![p];
        }
    }
    // "Costa, who arrived on Monday, held talks with Berg": an event noun
    // a light verb takes has that verb's subject.
    if subject.is_empty() && trig.pos == Pos::Noun {
        if let Some(v) = light_verb_before(site, r.start) {
            if let Some(p) = relative_antecedent(tokens, r.start, v, names) {
                subject = vec![p];
            }
        }
    }
    // "Abe confirmed the engineers had been killed": another subject
    // stands between the name and a verb trigger.
    if trig.pos == Pos::Verb
        && trig.tense != "ing"
        && subject
            .last()
            .is_some_and(|p| nearer_subject(tokens, p.end, i))
    {
        subject.clear();
    }
    if trig.pos == Pos::Verb
        && subject.last().is_some_and(|p| {
            reported_subject(site, p.end, i) || object_in_relative(site, p, r.start)
        })
    {
        subject.clear();
    }
    // "Police arrested Ana Costa on Monday and charged her": the object of
    // the verb before "and" is not the subject of the verb after it.
    if trig.pos == Pos::Verb
        && i > r.start
        && matches!(tokens[i - 1].lower.as_str(), "and" | "or")
        && subject.first().is_some_and(|p| {
            p.first > r.start && {
                let v = &tokens[p.first - 1];
                v.shape == Shape::Lower && site.event_verb(v)
            }
        })
    {
        subject.clear();
    }
    // "Berg testified before Congress and denied it": a name between a
    // preposition and the "and" before the verb is the preposition's; the
    // verb's subject is the one before it.
    if trig.pos == Pos::Verb
        && i > r.start + 2
        && matches!(tokens[i - 1].lower.as_str(), "and" | "or")
        && subject.last().is_some_and(|p| p.end == i - 1)
        && subject.first().is_some_and(|p| {
            p.first > r.start
                && (PREPOSITIONS.contains(&tokens[p.first - 1].lower)
                    || matches!(tokens[p.first - 1].lower.as_str(), "before" | "after"))
        })
    {
        let opener = subject[0].first - 1;
        let before: Vec<Placed> = names
            .iter()
            .copied()
            .filter(|p| p.first >= r.start && p.end <= opener)
            .collect();
        subject = subject_group(tokens, &seated(&before), r.start);
    }
    // "The court convicted Ana Costa of fraud, sentencing her to a year":
    // a participle after a comma shares the subject of the clause before,
    // and a name after that clause's verb is its object.
    if trig.tense == "ing" && i > r.start && tokens[i - 1].lower == "," {
        if let Some(p) = subject.first() {
            if (r.start..p.first).any(|k| site.event_verb(&tokens[k])) {
                subject.clear();
            }
        }
    }
    // "Costa took questions after meeting Vermeer", "…before flying to
    // Oslo": a gerund after a preposition of time shares the sentence's
    // subject; only where who meets, talks or travels is not in doubt (a
    // crime's gerund, "arrested Berg after attacking…", is not).
    let kind = Event::kind_info_of(&trig.kind);
    if subject.is_empty()
        && trig.tense == "ing"
        && i > r.start
        && (kind.symmetric || kind.mover_is_patient || trig.kind == "Statement")
        && matches!(
            tokens[i - 1].lower.as_str(),
            "after" | "before" | "while" | "since" | "upon" | "without" | "by"
        )
    {
        let before: Vec<Placed> = seated(
            &names
                .iter()
                .copied()
                .filter(|p| p.first >= r.start && p.end < i)
                .collect::<Vec<_>>(),
        );
        subject = subject_group(tokens, &before, r.start);
    }
    // "Costa ordered the police to arrest them": the object of the verb
    // before is the agent, named or not.
    if let Some(object) = controller_object(site, r.start) {
        subject = object;
    }
    // "Costa's decision to dismiss": the possessor is the agent.
    if trig.pos == Pos::Verb && i >= r.start + 3 && tokens[i - 1].lower == "to" {
        if let Some(p) = possessor(site, i - 1) {
            subject = vec![p];
        }
    }
    // "accused Moscow of meddling", "talks with Beijing": a government,
    // where the event is one between governments (not an attack on a
    // city, or a journey to it).
    let info = Event::kind_info_of(&trig.kind);
    let right_actors = if info.symmetric || SEAT_OBJECT_KINDS.contains(&trig.kind.as_str()) {
        seated(&right)
    } else {
        actors(&right)
    };
    let object: Vec<Placed> = object_group(site, &right_actors, i + len)
        .into_iter()
        .map(|p| holder_of_title(tokens, p, res).unwrap_or(p))
        .collect();
    let mut object = object;
    // "voted on Thursday to remove Prime Minister Ana Costa": a name after
    // an infinitive is that verb's, not the trigger's.
    if trig.pos == Pos::Verb {
        let start = i + len;
        let to = (start..cl_end.min(start + 5))
            .take_while(|&k| tokens[k].lower != ",")
            .find(|&k| {
                tokens[k].lower == "to"
                    && tokens.get(k + 1).is_some_and(|t| {
                        t.shape == Shape::Lower
                            && site.lex.triggers.get(&t.lower).is_some_and(|r| {
                                r.iter().any(|x| x.pos == Pos::Verb && x.tense == "base")
                            })
                    })
            });
        if let Some(to) = to {
            object.retain(|p| p.first < to);
        }
    }
    // "Costa was detained along with Berg": who is named after "along
    // with" shares the role of the object before it, or else the subject's.
    if trig.pos == Pos::Verb {
        let with = co_members(site, cl_end);
        // (Not the object itself: "detained along with Berg".)
        object.retain(|p| !with.iter().any(|w| w.first == p.first));
        if object.is_empty() {
            if !subject.is_empty() {
                subject.extend(with);
            }
        } else {
            object.extend(with);
        }
    }
    let mut participants = if trig.pos == Pos::Verb {
        verb_roles(site, cl_end, &subject, &object)
    } else {
        noun_roles(site, cl_start, &subject, &object)
    };
    add(&mut participants, &audience(site), Role::Participant);
    participants
}

/// Roles around a verb trigger: subject and object, actives and passives.
fn verb_roles(
    site: &Site,
    cl_end: usize,
    subject: &[Placed],
    object: &[Placed],
) -> Vec<Participant> {
    let Site {
        tokens, i, trig, ..
    } = *site;
    let r = &site.sent;
    let info = Event::kind_info_of(&trig.kind);
    let mut participants = Vec::new();
    // "was convicted and executed", "was arrested in Porto on Monday and
    // charged with fraud": the second participle, with nothing it governs
    // named right after it, shares the first one's auxiliary.
    let head = coordinated_participle(site, object).unwrap_or(i);
    let passive = matches!(trig.tense.as_str(), "past" | "pastpart")
        && (1..=2).any(|b| {
            head >= r.start + b
                && matches!(
                    tokens[head - b].lower.as_str(),
                    "was" | "were" | "is" | "are" | "been" | "be" | "being" | "got"
                )
        });
    // "a report released by Norland Bank": a participle with no subject
    // of its own and its `by`-agent.
    let reduced = matches!(trig.tense.as_str(), "past" | "pastpart")
        && subject.is_empty()
        && next_word(site) == "by";
    // "Jonas Berg, arrested in Lisbon on Monday, denied the charges": a
    // participle set off by a comma right after a name, with no object
    // after it, says what was done to the name.
    let appositive = matches!(trig.tense.as_str(), "past" | "pastpart")
        && i > r.start
        && tokens[i - 1].lower == ","
        && subject.last().is_some_and(|p| p.end + 1 == i)
        && tokens.get(i + site.len).is_none_or(|t| {
            t.shape == Shape::Punct || PREPOSITIONS.contains(&t.lower) || t.lower == "by"
        });
    // "'The deal is done,' said Ana Costa": a verb of saying after its
    // quote, with the speaker right behind it.
    // ("Abaya was detained on Monday, said Maria Lontoc": a person right
    // behind it is the speaker, whoever the sentence opened with.)
    let after_quote = trig.kind == "Statement"
        && i > r.start
        && matches!(tokens[i - 1].lower.as_str(), "," | "\"" | "”" | "'")
        && (subject.is_empty()
            || object
                .first()
                .is_some_and(|p| p.first == i + site.len && p.kind == EntityType::Person));
    // The speaker behind a title with abbreviations ("said Brig. Gen. Tomas
    // Reyes"): only capitalized words and their periods between.
    let titled = || {
        site.names
            .iter()
            .find(|p| p.first >= i + site.len && p.end <= cl_end)
            .filter(|p| {
                p.first <= i + site.len + 6
                    && !p.pronoun
                    && p.kind == EntityType::Person
                    && tokens[i + site.len..p.first]
                        .iter()
                        .all(|t| t.shape == Shape::Capitalized || t.lower == ".")
            })
            .copied()
    };
    let speaker = if !after_quote {
        None
    } else if let Some(p) = object.first().filter(|p| p.first <= i + site.len + 4) {
        Some(*p)
    } else {
        titled()
    };
    if let Some(p) = speaker {
        add(&mut participants, &[p], Role::Agent);
    } else if info.symmetric {
        add(&mut participants, subject, Role::Participant);
        add(&mut participants, object, Role::Participant);
    } else if passive || reduced || appositive {
        // "Tarn Freight was selected": what an untyped verb is done to.
        let role = if info.has_patient || info.untyped {
            Role::Patient
        } else {
            Role::Agent
        };
        add(&mut participants, subject, role);
        if next_word(site) == "by" {
            add(&mut participants, object, Role::Agent);
        } else if let Some(p) = by_agent(site, cl_end) {
            add(&mut participants, &[p], Role::Agent);
        }
    } else if info.patient_subject.contains(&trig.lemma.as_str()) {
        add(&mut participants, subject, Role::Patient);
    } else if info.mover_is_patient {
        let moved = movers(object);
        if moved.is_empty() {
            add(&mut participants, subject, Role::Patient);
        } else {
            add(&mut participants, subject, Role::Agent);
            add(&mut participants, &moved, Role::Patient);
        }
    } else {
        add(&mut participants, subject, Role::Agent);
        if info.has_patient {
            add(&mut participants, object, Role::Patient);
        } else if info.untyped {
            // "Helix Corp sued Tarn Freight": only a name the verb governs
            // directly, not one behind a noun phrase or preposition.
            if let Some(group) = direct_object(site, i + site.len, cl_end) {
                add(&mut participants, &group, Role::Patient);
            }
            add(
                &mut participants,
                &recipient(site, cl_end),
                Role::Participant,
            );
        }
    }
    participants
}

/// The past participle a participle trigger after "and"/"or" is
/// coordinated with: the last lower-case "-ed" word of the clause before
/// it, with no comma, verb of its own or "-ing" word between.
fn coordinated_participle(site: &Site, object: &[Placed]) -> Option<usize> {
    let Site { tokens, i, .. } = *site;
    let start = site.sent.start;
    if !matches!(site.trig.tense.as_str(), "past" | "pastpart")
        || i < start + 3
        || !matches!(tokens[i - 1].lower.as_str(), "and" | "or")
        || object.first().is_some_and(|p| p.first == i + site.len)
    {
        return None;
    }
    let participle = |t: &Token| t.shape == Shape::Lower && t.lower.ends_with("ed");
    (i.saturating_sub(12).max(start)..i - 1)
        .rev()
        .take_while(|&k| {
            let t = &tokens[k];
            !matches!(
                t.lower.as_str(),
                "," | ";" | "and" | "or" | "but" | "who" | "which" | "that"
            ) && !t.lower.ends_with("ing")
                && !AUXILIARIES.contains(&t.lower)
                || participle(t)
        })
        .find(|&k| participle(&tokens[k]))
}

/// Roles around a noun trigger: "Y's firing", "the firing of Y", "talks
/// with Y", "talks between X and Y", "probe into Y", "arrest by X", "the
/// FBI probe".
fn noun_roles(
    site: &Site,
    cl_start: usize,
    subject: &[Placed],
    object: &[Placed],
) -> Vec<Participant> {
    let Site {
        tokens,
        i,
        trig,
        names,
        ..
    } = *site;
    let info = Event::kind_info_of(&trig.kind);
    let mut participants = Vec::new();
    if let Some(p) = possessor(site, i) {
        let role = if info.symmetric {
            Role::Participant
        } else if info.possessor_is_patient {
            Role::Patient
        } else {
            Role::Agent
        };
        add(&mut participants, &[p], role);
    }
    let next_word = next_word_past_time(site);
    match next_word {
        "with" | "between" | "among" if info.symmetric => {
            if next_word == "with" {
                add(&mut participants, subject, Role::Participant);
            }
            add(&mut participants, object, Role::Participant);
        }
        // "the attack on Y", "a probe into Y": the patient; "the talks of
        // X", "the resignation of X": who took part. What "against", "on"
        // or "over" names besides is what the event is about or against
        // ("a protest against X", "talks on Iran"), not who took part.
        "of" | "into" | "against" | "on" | "over" => {
            // "a tour of the United States": where the journey went.
            let toured = info.destination
                && next_word == "of"
                && object
                    .first()
                    .is_some_and(|p| matches!(p.kind, EntityType::Country | EntityType::Place));
            let role = if toured {
                Some(Role::Place)
            } else if info.has_patient {
                Some(Role::Patient)
            } else if next_word != "of" {
                None
            } else if info.symmetric {
                Some(Role::Participant)
            } else if UNDERGOER_NOUNS.contains(&trig.lemma) {
                // "the release of Ana Costa": she is released.
                Some(Role::Patient)
            } else {
                Some(Role::Agent)
            };
            if let Some(role) = role {
                add(&mut participants, &object[..object.len().min(1)], role);
            }
        }
        "by" => add(
            &mut participants,
            &object[..object.len().min(1)],
            Role::Agent,
        ),
        _ => {}
    }
    // "The agency launched an investigation": the subject of a verb of
    // undertaking whose object the noun is.
    if !info.symmetric && !participants.iter().any(|p| p.role == Role::Agent) {
        if let Some(v) = undertaking_verb(tokens, cl_start, i, false) {
            if let Some(group) = active_subject_of(site, v, cl_start) {
                // "Obama made a trip to Cuba": he is who travels.
                let role = if info.mover_is_patient {
                    Role::Patient
                } else {
                    Role::Agent
                };
                add(&mut participants, &group, role);
            }
        }
    }
    // "Costa spoke during a news conference", "Berg arrived for a
    // breakfast meeting": who does something during a gathering, or comes
    // for it, takes part in it.
    if info.symmetric && participants.is_empty() && during_gathering(tokens, cl_start, i) {
        add(&mut participants, subject, Role::Participant);
    }
    // "Costa and Berg held talks", "… had a phone call": the sides are the
    // light verb's coordinated subject.
    if info.symmetric && participants.is_empty() {
        if let Some(group) = light_verb_before(site, cl_start)
            .and_then(|v| active_subject_of(site, v, cl_start))
            .filter(|g| g.len() >= 2)
        {
            add(&mut participants, &group, Role::Participant);
        }
    }
    // A name right before the noun: "the FBI probe", "Comey testimony".
    let mut k = i;
    while k > cl_start
        && matches!(tokens[k - 1].shape, Shape::Lower)
        && !matches!(
            tokens[k - 1].lower.as_str(),
            "the" | "a" | "an" | "and" | "or"
        )
        && !PREPOSITIONS.contains(&tokens[k - 1].lower)
        && k + 2 > i
    {
        k -= 1;
    }
    if let Some(p) = names
        .iter()
        .find(|p| p.end == k && p.kind != EntityType::Place)
    {
        let role = if p.kind == EntityType::Person && info.has_patient {
            Role::Patient
        } else if info.symmetric || info.audience && p.kind != EntityType::Person {
            // "Senate testimony": the body heard it.
            Role::Participant
        } else {
            Role::Agent
        };
        add(&mut participants, &[*p], role);
    }
    participants
}

/// The verb of undertaking ([`UNDERTAKE_VERBS`]) whose object is the noun at
/// `i`: a determiner or possessive and at most two lowercase words between.
/// Whether the noun at `i` is governed by "during", "at", "for", "after",
/// "following" or "before" and a determiner, with at most two modifiers
/// between ("during a news conference", "for their breakfast meeting"),
/// after the clause's verb.
fn during_gathering(tokens: &[Token], cl_start: usize, i: usize) -> bool {
    let Some(d) = (cl_start.max(i.saturating_sub(3))..i).find(|&k| {
        matches!(
            tokens[k].lower.as_str(),
            "a" | "an" | "the" | "their" | "his" | "her" | "its"
        )
    }) else {
        return false;
    };
    d > cl_start + 1
        && tokens[d + 1..i].iter().all(|t| t.shape == Shape::Lower)
        && matches!(
            tokens[d - 1].lower.as_str(),
            "during" | "at" | "for" | "after" | "following" | "before"
        )
}

/// The verb of undertaking ("launched", "opened", "began") within four
/// words before the event noun at `i` whose object it is: a determiner
/// opening what is between ("launched an attack"), or, with `bare`,
/// nothing between ("launched attacks"); lowercase words only.
pub(crate) fn undertaking_verb(
    tokens: &[Token],
    from: usize,
    i: usize,
    bare: bool,
) -> Option<usize> {
    let v = (from.max(i.saturating_sub(4))..i)
        .rev()
        .find(|&k| UNDERTAKE_VERBS.contains(&tokens[k].lower))?;
    let between = &tokens[v + 1..i];
    let opens = match between.first() {
        None => bare,
        Some(t) => matches!(
            t.lower.as_str(),
            "a" | "an" | "the" | "its" | "their" | "his" | "her" | "new"
        ),
    };
    (opens && between.iter().skip(1).all(|t| t.shape == Shape::Lower)).then_some(v)
}

/// The actors right before the verb at `v`, where it is active.
fn active_subject_of(site: &Site, v: usize, cl_start: usize) -> Option<Vec<Placed>> {
    let at_verb = Site {
        i: v,
        len: 1,
        sent: site.sent.clone(),
        ..*site
    };
    match adjacent_group(&at_verb, cl_start, &|_| false) {
        Some((group, false)) => Some(group),
        _ => None,
    }
}

/// The light verb ("held", "had") right before the event noun of `site`,
/// or before one word between ("held lengthy talks", "had a meeting").
fn light_verb_before(site: &Site, start: usize) -> Option<usize> {
    let light = |k: usize| {
        site.lex
            .triggers
            .get(&site.tokens[k].lower)
            .is_some_and(|r| r.iter().any(|x| LIGHT_VERBS.contains(&x.lemma)))
    };
    (site.i.saturating_sub(2).max(start)..site.i)
        .rev()
        .find(|&k| {
            light(k)
                && site.tokens[k + 1..site.i]
                    .iter()
                    .all(|t| t.shape == Shape::Lower)
        })
}

/// "dismisses the claims", "fired shots": a verb of a type done to a person
/// ([`crate::model::Event::kind_info`]) with no person as its patient.
pub(super) fn lacks_person_patient(
    site: &Site,
    res: &Resolved,
    participants: &[Participant],
) -> bool {
    Event::kind_info_of(&site.trig.kind).needs_person_patient
        && site.trig.pos == Pos::Verb
        && !participants
            .iter()
            .any(|p| p.role == Role::Patient && res.entities[p.entity].kind == EntityType::Person)
        && !matches!(next_word(site), "him" | "her")
        && !post_holder_patient(site)
}

/// "The governor was fired", "the head of the central bank was
/// dismissed", "sacked its coach": the one removed is named by a post, not
/// a name. The passive subject's head or the object's (past determiners
/// and modifiers, before an "of") is a one-word title.
fn post_holder_patient(site: &Site) -> bool {
    let tokens = site.tokens;
    let post = |t: &Token| {
        t.shape == Shape::Lower
            && site
                .lex
                .titles
                .get(&t.lower)
                .is_some_and(|x| x.kind != "honorific")
    };
    let be = |t: &Token| {
        matches!(
            t.lower.as_str(),
            "was" | "were" | "is" | "are" | "be" | "been" | "being" | "got"
        )
    };
    let head_of_phrase = |phrase: &[Token]| {
        phrase
            .iter()
            .take_while(|t| !super::phrase_edge(t))
            .last()
            .is_some_and(post)
    };
    let i = site.i;
    let start = site.sent.start;
    if i > start && be(&tokens[i - 1]) {
        // The subject: back from the verb group to the clause's start.
        let mut aux = i - 1;
        while aux > start && (be(&tokens[aux - 1]) || tokens[aux - 1].lower.ends_with("ly")) {
            aux -= 1;
        }
        let from = (start..aux)
            .rev()
            .find(|&k| matches!(tokens[k].lower.as_str(), "," | "that" | "who" | ";"))
            .map_or(start, |k| k + 1);
        return aux > from && aux - from <= 8 && head_of_phrase(&tokens[from..aux]);
    }
    let after = i + site.len;
    let end = (after + 5).min(site.sent.end);
    after < end && head_of_phrase(&tokens[after..end])
}

/// "the FBI director": an organization followed by a title word stands for
/// the person the text named with that organization and title.
fn holder_of_title(tokens: &[Token], p: Placed, res: &Resolved) -> Option<Placed> {
    if p.kind != EntityType::Organization {
        return None;
    }
    let title = tokens.get(p.end)?.lower.as_str();
    let holders: Vec<usize> = res
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.kind == EntityType::Person
                && e.attributes.member_of == Some(p.entity)
                && e.attributes
                    .job_title
                    .as_deref()
                    .is_some_and(|t| t.split(' ').next_back() == Some(title))
        })
        .map(|(k, _)| k)
        .collect();
    match holders.as_slice() {
        [one] => Some(Placed {
            first: p.first,
            end: p.end + 1,
            titled: p.titled,
            entity: *one,
            kind: EntityType::Person,
            pronoun: false,
        }),
        _ => None,
    }
}

/// The objects of a verb of motion that it moves: not the places it goes
/// to ("visited Kenya"), but whom or what ("flew the troops home").
pub(super) fn movers(object: &[Placed]) -> Vec<Placed> {
    object
        .iter()
        .filter(|p| !matches!(p.kind, EntityType::Place | EntityType::Country))
        .copied()
        .collect()
}
