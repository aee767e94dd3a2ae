//! Stage 4: entities + tokens → event mentions with participants.
//!
//! Triggers come from the event lexicon (`data/lexicon/events.tsv`, plus
//! `--lexicon` files). Participants are read from patterns around the
//! trigger inside its clause: the subject before it ("X met", "X and Y
//! met"), the object after it ("met (with) Y", "fired Y", "talks with Y",
//! "talks between X and Y", "the firing of Y", "probe into Y", "Y's
//! firing"), passives ("Y was fired by X"), places ("in X"), and plural
//! anaphora ("the two", "they", "the diplomats") pointing back to the last
//! two people named.

use crate::doc::{EntityType, Event, Modality, Participant, Role, Shape, Span, Token, Tokens};
use crate::entities::Resolved;
use crate::lexicon::{Lexicon, Pos, Trigger};

/// Event types whose participants are symmetric.
fn symmetric(kind: &str) -> bool {
    matches!(kind, "Meeting" | "Communication")
}

/// Event types done *to* someone: the object is the patient.
fn has_patient(kind: &str) -> bool {
    matches!(
        kind,
        "Dismissal"
            | "Arrest"
            | "Charge"
            | "Sentence"
            | "Accusation"
            | "Investigation"
            | "Attack"
            | "Seizure"
            | "Appointment"
            | "Election"
            | "Trial"
            | "Death"
    )
}

const BOUNDARIES: &[&str] = &[
    ";", ":", "—", "–", "that", "which", "who", "whom", "whose", "while", "but", "because",
    "although", "though", "when", "whereas", "before", "after", "since", "until", "unless", "if",
    "(", ")",
];

/// A mention placed on the token grid.
#[derive(Debug, Clone, Copy)]
struct Placed {
    first: usize,
    end: usize,
    entity: usize,
    kind: EntityType,
}

/// An event mention before coreference and dating.
#[derive(Debug, Clone)]
pub struct EventMention {
    pub event: Event,
    /// First token of the trigger.
    pub token: usize,
    /// Number of trigger tokens.
    pub len: usize,
    pub pos: Pos,
    pub tense: String,
}

/// Find the event mentions of an article.
pub fn find_events(
    text: &str,
    toks: &Tokens,
    res: &Resolved,
    lex: &Lexicon,
    credits: &[Span],
    timexes: &[Span],
    sections: &[usize],
) -> Vec<EventMention> {
    let tokens = &toks.tokens;
    let placed: Vec<Placed> = res
        .mentions
        .iter()
        .zip(&res.mention_entity)
        .map(|(m, &e)| Placed {
            first: m.first_token,
            end: m.end_token,
            entity: e,
            kind: res.entities[e].kind,
        })
        .collect();
    // Participants are found between and around non-overlapping mentions:
    // of overlapping ones the first (and longest) is kept.
    let mut placed = placed;
    placed.sort_by_key(|p| (p.first, std::cmp::Reverse(p.end)));
    let mut last_end = 0;
    placed.retain(|p| {
        let keep = p.first >= last_end;
        if keep {
            last_end = p.end;
        }
        keep
    });
    let mut out = Vec::new();
    for (si, sent) in toks.sentences.iter().enumerate() {
        if credits.iter().any(|c| c.contains(sent.span)) {
            continue;
        }
        let r = sent.tokens.clone();
        let speech = quoted_speech(&tokens[r.clone()], r.start);
        let headline = crate::ner::is_headline(text, &tokens[r.clone()]);
        // Mentions come in text order: the sentence's are a slice.
        let lo = placed.partition_point(|p| p.first < r.start);
        let hi = placed.partition_point(|p| p.first < r.end);
        let in_sent: Vec<Placed> = placed[lo..hi.max(lo)]
            .iter()
            .copied()
            .filter(|p| p.end <= r.end)
            .collect();
        let mut i = r.start;
        while i < r.end {
            let Some((len, trig)) = trigger_at(tokens, i, r.end, lex, &in_sent) else {
                i += 1;
                continue;
            };
            // "attended the summit": one trigger from the verb to the gathering.
            let word_len = len;
            let len = match trig.lemma.as_str() {
                "attend" => gathering_after(tokens, i + len, r.end).map_or(len, |k| k + 1 - i),
                _ => len,
            };
            let tspan = Span::new(tokens[i].span.start, tokens[i + len - 1].span.end);
            // "attended Friday's summit": the date is no part of a trigger;
            // the summit is found on its own, with its date.
            if len > word_len && timexes.iter().any(|t| t.overlaps(tspan)) {
                i += 1;
                continue;
            }
            let capitalized_inside = tokens[i].shape != Shape::Lower && i != r.start && !headline;
            let mut sense = other_sense(tokens, i, len, r.clone(), trig, &in_sent);
            // "Lavrov met with Trump, but the talks yielded little": the talks
            // just named are that meeting.
            if sense == Some(Sense::Kind("Other"))
                && PROCESS_MEETINGS.contains(&trig.lemma.as_str())
                && i > r.start
                && matches!(tokens[i - 1].lower.as_str(), "the" | "these" | "those")
                && out
                    .iter()
                    .rev()
                    .take_while(|m: &&EventMention| m.event.sentence + 1 >= si)
                    .any(|m| m.event.kind == "Meeting" && m.event.modality.realized())
            {
                sense = None;
            }
            if speech.iter().any(|q| q.contains(&i))
                || capitalized_inside
                || timexes.iter().any(|t| t.overlaps(tspan))
                || used_as_modifier(tokens, i, i + len, r.clone(), trig)
                || sense == Some(Sense::NoEvent)
            {
                i += len;
                continue;
            }
            let retyped;
            let trig = match sense {
                Some(Sense::Kind(kind)) => {
                    retyped = Trigger {
                        kind: kind.to_string(),
                        ..trig.clone()
                    };
                    &retyped
                }
                _ => trig,
            };
            let (cl_start, cl_end) = clause(tokens, i, i + len, r.start, r.end);
            let mut participants = Vec::new();
            let left: Vec<Placed> = in_sent
                .iter()
                .copied()
                .filter(|p| p.first >= cl_start && p.end <= i)
                .collect();
            let right: Vec<Placed> = in_sent
                .iter()
                .copied()
                .filter(|p| p.first >= i + len && p.end <= cl_end)
                .collect();
            let kind = trig.kind.as_str();
            let passive = trig.pos == Pos::Verb
                && matches!(trig.tense.as_str(), "past" | "pastpart")
                && (1..=2).any(|b| {
                    i >= r.start + b
                        && matches!(
                            tokens[i - b].lower.as_str(),
                            "was" | "were" | "is" | "are" | "been" | "be" | "being" | "got"
                        )
                });
            let actors = |ps: &[Placed]| {
                ps.iter()
                    .filter(|p| p.kind != EntityType::Place)
                    .copied()
                    .collect::<Vec<_>>()
            };
            let mut subject = subject_group(tokens, &actors(&left), r.start);
            // "Trump's decision to dismiss": the possessor is the agent.
            if trig.pos == Pos::Verb && i >= r.start + 3 && tokens[i - 1].lower == "to" {
                if let Some(p) = possessor(tokens, i - 1, r.start, &in_sent) {
                    subject = vec![p];
                }
            }
            let object: Vec<Placed> = object_group(tokens, &actors(&right), i + len)
                .into_iter()
                .map(|p| holder_of_title(tokens, p, res).unwrap_or(p))
                .collect();
            let add = |ps: &mut Vec<Participant>, grp: &[Placed], role: Role| {
                for p in grp {
                    if !ps.iter().any(|x: &Participant| x.entity == p.entity) {
                        ps.push(Participant {
                            entity: p.entity,
                            role,
                        });
                    }
                }
            };
            let prev_word = |k: usize| {
                if k > r.start {
                    tokens[k - 1].lower.as_str()
                } else {
                    ""
                }
            };
            let next_word = tokens.get(i + len).map_or("", |t| t.lower.as_str());
            if trig.pos == Pos::Verb {
                if symmetric(kind) {
                    add(&mut participants, &subject, Role::Participant);
                    add(&mut participants, &object, Role::Participant);
                } else if passive {
                    add(
                        &mut participants,
                        &subject,
                        if has_patient(kind) {
                            Role::Patient
                        } else {
                            Role::Agent
                        },
                    );
                    if next_word == "by" {
                        add(&mut participants, &object, Role::Agent);
                    }
                } else if kind == "Death" && matches!(trig.lemma.as_str(), "die") {
                    add(&mut participants, &subject, Role::Patient);
                } else {
                    add(&mut participants, &subject, Role::Agent);
                    if has_patient(kind) {
                        add(&mut participants, &object, Role::Patient);
                    }
                }
            } else {
                // Noun triggers: "Y's firing", "the firing of Y", "talks with Y",
                // "talks between X and Y", "probe into Y", "arrest by X".
                let poss = possessor(tokens, i, r.start, &in_sent);
                if let Some(p) = poss {
                    let role = if symmetric(kind) {
                        Role::Participant
                    } else if has_patient(kind)
                        && !matches!(kind, "Investigation" | "Attack" | "Accusation")
                    {
                        Role::Patient
                    } else {
                        Role::Agent
                    };
                    add(&mut participants, &[p], role);
                }
                match next_word {
                    "with" | "between" | "among" if symmetric(kind) => {
                        if next_word == "with" {
                            add(&mut participants, &subject, Role::Participant);
                        }
                        add(&mut participants, &object, Role::Participant);
                    }
                    "of" | "into" | "against" | "on" | "over" => {
                        let role = if symmetric(kind) {
                            Role::Participant
                        } else if has_patient(kind) {
                            Role::Patient
                        } else {
                            Role::Agent
                        };
                        add(&mut participants, &object[..object.len().min(1)], role);
                    }
                    "by" => add(
                        &mut participants,
                        &object[..object.len().min(1)],
                        Role::Agent,
                    ),
                    _ => {}
                }
                // A name right before the noun: "the FBI probe", "Senate testimony".
                let mut k = i;
                while k > cl_start
                    && matches!(tokens[k - 1].shape, Shape::Lower)
                    && !matches!(
                        tokens[k - 1].lower.as_str(),
                        "the" | "a" | "an" | "and" | "or"
                    )
                    && !PREPOSITIONS.contains(&tokens[k - 1].lower.as_str())
                    && k + 2 > i
                {
                    k -= 1;
                }
                if let Some(p) = in_sent
                    .iter()
                    .find(|p| p.end == k && p.kind != EntityType::Place)
                {
                    let role = if p.kind == EntityType::Person && has_patient(kind) {
                        Role::Patient
                    } else if symmetric(kind) {
                        Role::Participant
                    } else {
                        Role::Agent
                    };
                    add(&mut participants, &[*p], role);
                }
            }
            // "dismisses the claims", "fired shots": a dismissal needs a person removed.
            if kind == "Dismissal"
                && trig.pos == Pos::Verb
                && !participants.iter().any(|p| {
                    p.role == Role::Patient && res.entities[p.entity].kind == EntityType::Person
                })
                && !matches!(next_word, "him" | "her")
            {
                i += len;
                continue;
            }
            // Plural anaphora for symmetric events: "the two", "they", "the diplomats".
            let actors_n = participants.len();
            if symmetric(kind) && actors_n < 2 && plural_anaphor(tokens, cl_start, i, prev_word(i))
            {
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
            // Place: "in X" / "at X" inside the clause (or a relative clause after a noun trigger).
            let place_end = if trig.pos == Pos::Noun {
                crate::timeline::relative_clause_end(toks, i + len - 1, cl_end, r.end)
            } else {
                cl_end
            };
            let near_trigger = |p: &Placed| {
                if trig.pos == Pos::Noun {
                    (p.first >= i + len && p.first <= i + len + 4) || p.first > cl_end
                } else {
                    // Same predicate: no auxiliary starting another one in between.
                    // (A name inside the trigger, "attended the NATO summit", is
                    // no place of it.)
                    if p.end > i && p.first < i + len {
                        return false;
                    }
                    let (a, b) = if p.first > i {
                        (i + len, p.first)
                    } else {
                        (p.end, i)
                    };
                    p.first.abs_diff(i) <= 12
                        && !tokens[a..b].iter().any(|t| {
                            matches!(
                                t.lower.as_str(),
                                "has"
                                    | "have"
                                    | "had"
                                    | "is"
                                    | "was"
                                    | "were"
                                    | "are"
                                    | "will"
                                    | "would"
                            )
                        })
                }
            };
            for p in in_sent
                .iter()
                .filter(|p| p.first >= cl_start && p.end <= place_end && near_trigger(p))
            {
                if matches!(p.kind, EntityType::Place | EntityType::Country)
                    && p.first > r.start
                    && matches!(tokens[p.first - 1].lower.as_str(), "in" | "at")
                    && !participants.iter().any(|x| x.entity == p.entity)
                {
                    participants.push(Participant {
                        entity: p.entity,
                        role: Role::Place,
                    });
                    break;
                }
            }
            let modality = modality(tokens, i, r.start, trig);
            let trigger = Span::new(tokens[i].span.start, tokens[i + len - 1].span.end);
            out.push(EventMention {
                event: Event {
                    kind: trig.kind.clone(),
                    trigger,
                    coreferent: Vec::new(),
                    lemma: trig.lemma.clone(),
                    participants,
                    date: None,
                    modality,
                    sentence: si,
                },
                token: i,
                len,
                pos: trig.pos,
                tense: trig.tense.clone(),
            });
            i += len;
        }
    }
    out
}

/// The longest trigger at token `i` that reads as an event here.
fn trigger_at<'a>(
    tokens: &[Token],
    i: usize,
    end: usize,
    lex: &'a Lexicon,
    names: &[Placed],
) -> Option<(usize, &'a Trigger)> {
    if names.iter().any(|p| p.first <= i && i < p.end) {
        return None; // inside a name ("Trump Tower", "Attack Squadron")
    }
    let mut words = String::new();
    let mut best = None;
    for (k, t) in tokens
        .iter()
        .enumerate()
        .take(end.min(i + lex.max_trigger_words))
        .skip(i)
    {
        if k > i {
            words.push(' ');
        }
        words.push_str(&t.lower);
        if let Some(readings) = lex.triggers.get(&words) {
            best = Some((k + 1 - i, readings));
        }
    }
    let (len, readings) = best?;
    let prev = if i > 0 {
        tokens[i - 1].lower.as_str()
    } else {
        ""
    };
    // Noun or verb reading: a determiner or possessive before it makes a noun.
    let noun_context = matches!(
        prev,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "'s"
            | "this"
            | "that"
            | "latest"
            | "first"
            | "new"
            | "further"
    ) || tokens[i].shape == Shape::Capitalized && i > 0;
    let pick = readings
        .iter()
        .find(|t| (t.pos == Pos::Noun) == noun_context)
        .or_else(|| readings.first())?;
    Some((len, pick))
}

/// Token index ranges of quoted speech (quotes holding a sentence, not a
/// scare-quoted phrase).
fn quoted_speech(tokens: &[Token], offset: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (k, t) in tokens.iter().enumerate() {
        let q = t.lower.as_str();
        let is_open = q == "“" || (q == "\"" && open.is_none());
        let is_close = q == "”" || (q == "\"" && open.is_some());
        if is_close && open.is_some() {
            let s = open.take().unwrap_or(0);
            let inner = &tokens[s + 1..k];
            if inner.len() >= 5
                || inner
                    .iter()
                    .any(|t| matches!(t.lower.as_str(), "?" | "!" | "."))
            {
                out.push(offset + s..offset + k);
            }
        } else if is_open {
            open = Some(k);
        }
    }
    if let Some(s) = open {
        if tokens.len() - s > 5 {
            out.push(offset + s..offset + tokens.len());
        }
    }
    out
}

/// The clause around a trigger: token range bounded by clause words.
fn clause(
    tokens: &[Token],
    t_start: usize,
    t_end: usize,
    s_start: usize,
    s_end: usize,
) -> (usize, usize) {
    let mut a = t_start;
    while a > s_start && !BOUNDARIES.contains(&tokens[a - 1].lower.as_str()) {
        a -= 1;
    }
    let mut b = t_end;
    while b < s_end && !BOUNDARIES.contains(&tokens[b].lower.as_str()) {
        b += 1;
    }
    (a, b)
}

/// The subject of a clause: its first actor that is not governed by a
/// preposition nor a possessor ("the Kremlin's emissary"), with any actors
/// coordinated with it ("Tillerson and Lavrov"). An organization or
/// country qualifying a person ("FBI Director James Comey") gives way to
/// the person.
fn subject_group(tokens: &[Token], left: &[Placed], s_start: usize) -> Vec<Placed> {
    let governed = |p: &Placed| {
        let mut b = p.first;
        while b > s_start && matches!(tokens[b - 1].lower.as_str(), "the" | "a" | "an") {
            b -= 1;
        }
        let prev = if b > s_start {
            tokens[b - 1].lower.as_str()
        } else {
            ""
        };
        let next = tokens.get(p.end).map_or("", |t| t.lower.as_str());
        PREPOSITIONS.contains(&prev) || matches!(next, "'s" | "'")
    };
    let mut out: Vec<Placed> = Vec::new();
    let mut k = 0;
    while k < left.len() {
        let p = left[k];
        k += 1;
        if out.is_empty() {
            if governed(&p) {
                continue;
            }
            // "FBI Director James Comey": the person, not the organization.
            if p.kind != EntityType::Person {
                if let Some(next) = left.get(k) {
                    let between = &tokens[p.end..next.first];
                    if next.kind == EntityType::Person
                        && between.len() <= 3
                        && between.iter().all(|t| t.shape != Shape::Punct)
                    {
                        out.push(*next);
                        k += 1;
                        continue;
                    }
                }
            }
            out.push(p);
            continue;
        }
        if coordinated(tokens, out[out.len() - 1], p) {
            out.push(p);
        } else {
            break;
        }
    }
    out
}

/// "X and Y", "X, Y", "X, and Y": `b` is coordinated with `a`.
fn coordinated(tokens: &[Token], a: Placed, b: Placed) -> bool {
    // Overlapping mentions are never coordinated.
    let Some(between) = tokens.get(a.end..b.first) else {
        return false;
    };
    let between: Vec<&str> = between.iter().map(|t| t.lower.as_str()).collect();
    matches!(between.as_slice(), ["and"] | [","] | [",", "and"])
}

const PREPOSITIONS: &[&str] = &[
    "to",
    "in",
    "at",
    "from",
    "for",
    "with",
    "of",
    "by",
    "on",
    "about",
    "into",
    "regarding",
    "against",
    "over",
    "including",
    "like",
    "as",
    "toward",
    "towards",
    "between",
    "among",
    "near",
    "under",
    "during",
    "without",
    "than",
];

/// Things one "meets" that are not people: "meet the needs", "conditions
/// Tehran would have to meet".
const OBLIGATIONS: &[&str] = &[
    "need",
    "needs",
    "requirement",
    "requirements",
    "condition",
    "conditions",
    "demand",
    "demands",
    "standard",
    "standards",
    "criteria",
    "criterion",
    "obligation",
    "obligations",
    "commitment",
    "commitments",
    "payment",
    "payments",
    "target",
    "targets",
    "goal",
    "goals",
    "deadline",
    "deadlines",
    "expectations",
    "cost",
    "costs",
    "challenge",
    "challenges",
    "quota",
    "quotas",
    "threshold",
    "terms",
    "duties",
    "middle",
    "halfway",
];

/// What is fired or thrown in an attack: "fired tear gas", "threw stones".
const PROJECTILES: &[&str] = &[
    "shot",
    "shots",
    "round",
    "rounds",
    "bullet",
    "bullets",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "shell",
    "shells",
    "mortar",
    "mortars",
    "grenade",
    "grenades",
    "artillery",
    "barrage",
    "volley",
    "salvo",
    "tear",
    "tear-gas",
    "teargas",
    "canister",
    "canisters",
    "pellets",
    "gun",
    "guns",
    "weapon",
    "weapons",
    "torpedo",
    "torpedoes",
    "projectile",
    "projectiles",
    "stone",
    "stones",
    "rock",
    "rocks",
    "brick",
    "bricks",
    "bottle",
    "bottles",
    "firebomb",
    "firebombs",
    "petrol",
    "molotov",
    "acid",
    "explosive",
    "explosives",
];

/// Who or what strikes in an attack: "gunmen struck", "a drone struck".
const ARMED: &[&str] = &[
    "gunman",
    "gunmen",
    "militant",
    "militants",
    "rebel",
    "rebels",
    "insurgent",
    "insurgents",
    "attacker",
    "attackers",
    "bomber",
    "bombers",
    "jihadist",
    "jihadists",
    "terrorist",
    "terrorists",
    "troops",
    "forces",
    "drone",
    "drones",
    "jet",
    "jets",
    "warplane",
    "warplanes",
    "airstrike",
    "airstrikes",
    "aircraft",
];

/// The words of a process that lasts ("peace talks", "the negotiations"):
/// a meeting only where its sides are named right after it.
const PROCESS_MEETINGS: &[&str] = &["talk", "negotiation"];

/// Gatherings one attends: "attended the summit" is a meeting (and
/// "attended school" none).
const GATHERINGS: &[&str] = &[
    "meeting",
    "meetings",
    "summit",
    "conference",
    "talks",
    "session",
    "ceremony",
    "vigil",
    "funeral",
    "service",
    "mass",
    "gathering",
    "forum",
    "reception",
    "dinner",
    "luncheon",
    "breakfast",
    "banquet",
    "assembly",
    "convention",
    "congress",
    "hearing",
    "memorial",
    "commemoration",
    "celebration",
    "celebrations",
    "festival",
];

/// The gathering named after "attend": its token index, within the clause
/// (no punctuation, clause boundary or verb of saying in between).
fn gathering_after(tokens: &[Token], from: usize, end: usize) -> Option<usize> {
    (from..end.min(from + 6))
        .take_while(|&k| {
            let w = tokens[k].lower.as_str();
            (!matches!(tokens[k].shape, Shape::Punct) || w == "-")
                && !BOUNDARIES.contains(&w)
                && !matches!(w, "and" | "or" | "said" | "says" | "say" | "told")
        })
        .find(|&k| GATHERINGS.contains(&tokens[k].lower.as_str()))
}

/// What a trigger word means where its usual reading is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sense {
    /// No event at all: "a bomb" names the weapon.
    NoEvent,
    /// An event of another type: meeting a requirement happens, but it is
    /// no meeting.
    Kind(&'static str),
}

/// The sense of a trigger word where its context rules out the lexicon's
/// type: meeting a requirement, "bomb" as the weapon, verbal attacks,
/// striking a blow or a deal, a labour strike. `None`: the lexicon's reading stands.
fn other_sense(
    tokens: &[Token],
    i: usize,
    len: usize,
    sent: std::ops::Range<usize>,
    trig: &Trigger,
    names: &[Placed],
) -> Option<Sense> {
    let word = |k: usize| {
        if sent.contains(&k) {
            tokens[k].lower.as_str()
        } else {
            ""
        }
    };
    let prev = if i > sent.start { word(i - 1) } else { "" };
    let next = word(i + len);
    let clause_words = |range: &mut dyn Iterator<Item = usize>| {
        range
            .filter(|&k| sent.contains(&k))
            .map(word)
            .take_while(|w| !matches!(*w, "," | ";" | "." | ":" | "with" | "and"))
            .collect::<Vec<_>>()
    };
    match trig.lemma.as_str() {
        "meet" => {
            let after = clause_words(&mut (i + len..i + len + 6));
            // Nearest first, so that the walk stops at the clause's edge.
            let before = clause_words(&mut (i.saturating_sub(6)..i).rev());
            let obligation = after.iter().any(|w| OBLIGATIONS.contains(w))
                || (before.iter().any(|w| OBLIGATIONS.contains(w))
                    && !names.iter().any(|p| p.first == i + len));
            obligation.then_some(Sense::Kind("Other"))
        }
        // "a bomb", "car bombs": the noun names the weapon, not an attack.
        "bomb" => (matches!(trig.tense.as_str(), "base" | "pres")
            && !matches!(
                prev,
                "to" | "will"
                    | "would"
                    | "could"
                    | "may"
                    | "might"
                    | "should"
                    | "must"
                    | "not"
                    | "n't"
                    | "they"
                    | "we"
                    | "did"
            ))
        .then_some(Sense::NoEvent),
        // "personal attacks", "withering attacks against her": words, not
        // violence.
        "attack" => matches!(
            prev,
            "personal" | "verbal" | "rhetorical" | "withering" | "partisan" | "scathing"
        )
        .then_some(Sense::Kind("Other")),
        // "opened fire", "fired tear gas", "fired at the crowd": weapons, not
        // a dismissal.
        "fire" => {
            let weapon_after = (i + len..i + len + 4)
                .map(word)
                .take_while(|w| !matches!(*w, "" | "," | "." | ";" | "and"))
                .any(|w| PROJECTILES.contains(&w));
            let weapon_before = (i.saturating_sub(3)..i)
                .map(word)
                .any(|w| PROJECTILES.contains(&w));
            let opened = matches!(
                prev,
                "open"
                    | "opens"
                    | "opened"
                    | "opening"
                    | "return"
                    | "returns"
                    | "returned"
                    | "returning"
                    | "exchange"
                    | "exchanged"
                    | "exchanging"
            );
            // "fired at the crowd"; not "was fired on Tuesday".
            let passive = matches!(
                prev,
                "was" | "were" | "is" | "are" | "be" | "been" | "being" | "got" | "get"
            );
            let aimed =
                trig.pos == Pos::Verb && !passive && matches!(next, "at" | "on" | "upon" | "into");
            (opened || aimed || weapon_after || weapon_before).then_some(Sense::Kind("Attack"))
        }
        // "footage shot on June 18": filmed, not fired at.
        "shoot" => (i.saturating_sub(2)..i)
            .map(word)
            .any(|w| {
                matches!(
                    w,
                    "footage"
                        | "video"
                        | "videos"
                        | "film"
                        | "films"
                        | "photo"
                        | "photos"
                        | "picture"
                        | "pictures"
                        | "image"
                        | "images"
                        | "scenes"
                        | "movie"
                        | "documentary"
                )
            })
            .then_some(Sense::NoEvent),
        // "threw stones at police" is an attack; "threw his support" no event.
        "throw" | "hurl" | "pelt" => {
            let thrown = (i + len..i + len + 4)
                .map(word)
                .take_while(|w| !matches!(*w, "" | "," | "." | ";"))
                .any(|w| PROJECTILES.contains(&w));
            Some(if thrown {
                Sense::Kind("Attack")
            } else {
                Sense::NoEvent
            })
        }
        lemma if PROCESS_MEETINGS.contains(&lemma) && trig.pos == Pos::Noun => {
            // "X talks to reporters": the verb, speaking to the press.
            let after_name =
                names.iter().any(|p| p.end == i) || matches!(prev, "he" | "she" | "who");
            if lemma == "talk" && after_name && matches!(next, "to" | "about") {
                return Some(Sense::Kind("Statement"));
            }
            if lemma == "talk" && after_name && next == "on" {
                return Some(Sense::Kind("Communication"));
            }
            // Sides named right after it: "talks with Lavrov", "negotiations
            // between Kyiv and Moscow"; a person talking with another.
            let sides = matches!(next, "with" | "between" | "among")
                && names
                    .iter()
                    .any(|p| p.first > i + len && p.first <= i + len + 5);
            // A day's or a side's talks are a dated, specific meeting:
            // "Wednesday's talks", "Lavrov's talks".
            let owned = prev == "'s";
            (!sides && !owned).then_some(Sense::Kind("Other"))
        }
        // Fighting and clashes as a process ("killed in clashes", "the
        // fighting outside Mosul") are hostilities, not an attack; "X clashed
        // with Y" is one.
        "fighting" => Some(Sense::Kind("Other")),
        "clash" if !matches!(trig.tense.as_str(), "past" | "ing") => {
            let verb = !prev.is_empty()
                && !PREPOSITIONS.contains(&prev)
                && !matches!(
                    prev,
                    "the"
                        | "a"
                        | "deadly"
                        | "violent"
                        | "heavy"
                        | "fierce"
                        | "sporadic"
                        | "armed"
                        | "border"
                        | "street"
                        | "renewed"
                        | "new"
                        | "recent"
                        | "possible"
                        | "and"
                        | ","
                );
            (!verb || trig.pos == Pos::Noun).then_some(Sense::Kind("Other"))
        }
        "attend" => gathering_after(tokens, i + 1, sent.end)
            .is_none()
            .then_some(Sense::NoEvent),
        // "a missile struck a convoy", "gunmen struck the base": a weapon or
        // an armed group strikes; a famine, a court or a deal does not.
        "strike" if trig.pos == Pos::Verb => {
            let armed = (i.saturating_sub(4).max(sent.start)..i)
                .rev()
                .map(word)
                .take_while(|w| !matches!(*w, "," | ";" | ":" | "."))
                .any(|w| PROJECTILES.contains(&w) || ARMED.contains(&w));
            Some(if armed && next != "down" {
                Sense::Kind("Attack")
            } else {
                Sense::NoEvent
            })
        }
        "strike" => {
            let object = if matches!(next, "a" | "an" | "another" | "the") {
                word(i + len + 1)
            } else {
                next
            };
            if matches!(
                prev,
                "hunger" | "general" | "labor" | "labour" | "workers" | "national" | "on"
            ) || next == "action"
            {
                // A strike of workers is a protest.
                Some(Sense::Kind("Protest"))
            } else if matches!(
                object,
                "blow" | "deal" | "chord" | "balance" | "note" | "tone" | "agreement" | "pose"
            ) {
                Some(Sense::Kind("Other"))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// "the election campaign", "alleged ties": a trigger word modifying the
/// noun after it is not an event.
fn used_as_modifier(
    tokens: &[Token],
    first: usize,
    next: usize,
    sent: std::ops::Range<usize>,
    trig: &Trigger,
) -> bool {
    let Some(n) = tokens.get(next).filter(|_| next < sent.end) else {
        return false;
    };
    let w = n.lower.as_str();
    // A gerund or a bare form can modify like a noun ("bombing runs", "acid
    // attack survivors"), unless the words before make it a verb ("will
    // meet victims", "after meeting victims").
    if trig.pos == Pos::Verb && matches!(trig.tense.as_str(), "ing" | "base") {
        let prev = if first > sent.start {
            tokens[first - 1].lower.as_str()
        } else {
            ""
        };
        let verb_context = matches!(
            prev,
            "to" | "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "shall"
                | "should"
                | "did"
                | "do"
                | "does"
                | "not"
                | "n't"
                | "'ll"
                | "after"
                | "before"
                | "while"
                | "without"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "you"
                | "who"
        );
        return !verb_context
            && matches!(
                w,
                "runs"
                    | "survivor"
                    | "survivors"
                    | "victim"
                    | "victims"
                    | "death"
                    | "deaths"
                    | "site"
                    | "scene"
                    | "vehicle"
                    | "vehicles"
                    | "campaign"
                    | "campaigns"
            );
    }
    if trig.pos == Pos::Noun {
        return matches!(
            w,
            "campaign"
                | "campaigns"
                | "defeat"
                | "victory"
                | "result"
                | "results"
                | "day"
                | "night"
                | "process"
                | "team"
                | "commission"
                | "season"
                | "official"
                | "officials"
                | "year"
                | "cycle"
                | "law"
                | "laws"
                | "fraud"
                | "rally"
                | "committee"
                | "board"
                | "tweets"
                | "server"
                | "account"
                | "address"
                | "addresses"
                | "report"
                | "squad"
                | "plane"
                | "planes"
                | "helicopter"
                | "helicopters"
                | "rifle"
                | "runs"
                | "vehicle"
                | "vehicles"
                | "victim"
                | "victims"
                | "death"
                | "deaths"
                | "survivor"
                | "survivors"
                | "site"
                | "scene"
                | "warrant"
                | "warrants"
                | "record"
                | "rate"
                | "toll"
                | "capability"
                | "capabilities"
                | "grade"
        );
    }
    // Past participles used as adjectives: "alleged ties", "reported losses".
    trig.pos == Pos::Verb
        && trig.tense == "past"
        && matches!(
            trig.lemma.as_str(),
            "allege" | "report" | "publish" | "elect" | "accuse" | "detain" | "arrest" | "charge"
        )
        && n.shape == Shape::Lower
        && !matches!(
            w,
            "that"
                | "he"
                | "she"
                | "they"
                | "it"
                | "in"
                | "on"
                | "to"
                | "by"
                | "with"
                | "of"
                | "for"
                | "as"
                | "and"
                | "from"
                | "at"
                | "after"
                | "before"
                | "this"
                | "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
        )
}

/// The object of a trigger: the first actor after it (an organization or
/// country right before a person qualifies the person), with coordination.
fn object_group(tokens: &[Token], right: &[Placed], after: usize) -> Vec<Placed> {
    let mut it = right.iter().copied().peekable();
    let Some(mut first) = it.next() else {
        return Vec::new();
    };
    // "fired the head of the Port Authority, Lars Berg": the object may sit
    // a few words away, behind a title phrase.
    let gap = &tokens[after..first.first];
    let apposition = gap.last().is_some_and(|t| t.lower == ",");
    let gap_inner = if apposition {
        &gap[..gap.len() - 1]
    } else {
        gap
    };
    if first.first > after + 7
        || gap_inner
            .iter()
            .any(|t| matches!(t.lower.as_str(), "," | "." | ";" | "and" | "but"))
    {
        return Vec::new();
    }
    if first.kind != EntityType::Person {
        if let Some(next) = it.peek() {
            let between: Vec<&str> = tokens[first.end..next.first]
                .iter()
                .map(|t| t.lower.as_str())
                .collect();
            // "FBI Director James Comey", "the Port Authority, Lars Berg,"
            let qualifies = between.len() <= 3 && !between.contains(&",") || between == [","];
            if next.kind == EntityType::Person && qualifies {
                first = *next;
                it.next();
            }
        }
    }
    let mut out = vec![first];
    for p in it {
        if coordinated(tokens, out[out.len() - 1], p) {
            out.push(p);
        } else {
            break;
        }
    }
    out
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
            entity: *one,
            kind: EntityType::Person,
        }),
        _ => None,
    }
}

/// "Comey's firing": the actor right before a possessive `'s` before the trigger.
fn possessor(tokens: &[Token], i: usize, s_start: usize, names: &[Placed]) -> Option<Placed> {
    let mut k = i;
    // skip one adjective: "Comey's sudden firing"
    if k > s_start + 1 && tokens[k - 1].shape == Shape::Lower && tokens[k - 1].lower != "'s" {
        k -= 1;
    }
    if k > s_start && matches!(tokens[k - 1].lower.as_str(), "'s" | "'") {
        return names
            .iter()
            .copied()
            .find(|p| p.end == k - 1 && p.kind != EntityType::Place);
    }
    None
}

fn plural_anaphor(tokens: &[Token], cl_start: usize, i: usize, prev: &str) -> bool {
    let window: Vec<&str> = tokens[cl_start..i]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    window.iter().any(|w| {
        matches!(
            *w,
            "they"
                | "both"
                | "two"
                | "diplomats"
                | "leaders"
                | "sides"
                | "pair"
                | "ministers"
                | "presidents"
        )
    }) || matches!(prev, "two")
}

fn modality(tokens: &[Token], i: usize, s_start: usize, trig: &Trigger) -> Modality {
    let from = i.saturating_sub(4).max(s_start);
    let window: Vec<&str> = tokens[from..i]
        .iter()
        .filter(|t| t.shape == Shape::Lower || t.shape == Shape::Punct)
        .map(|t| t.lower.as_str())
        .collect();
    if window
        .iter()
        .any(|w| matches!(*w, "not" | "n't" | "never" | "no" | "t"))
    {
        return Modality::Negated;
    }
    // Possibility rather than intent, within the trigger's clause: "could
    // strike", "threatened to bomb", "the possibility of an explosion".
    let possible = tokens[i.saturating_sub(7).max(s_start)..i]
        .iter()
        .rev()
        // "could have affected the election": the modal is about the
        // affecting; the election took place.
        .take_while(|t| {
            let clause_edge = matches!(
                t.lower.as_str(),
                "," | ";"
                    | ":"
                    | "."
                    | "but"
                    | "while"
                    | "and"
                    | "said"
                    | "says"
                    | "after"
                    | "when"
            );
            let perfect = trig.pos == Pos::Noun && matches!(t.lower.as_str(), "have" | "has");
            !(clause_edge || perfect)
        })
        .any(|t| {
            // "May" capitalized is the month; "If" or "Could" opening the
            // sentence still hedge.
            (t.shape == Shape::Lower || t.lower != "may")
                && matches!(
                    t.lower.as_str(),
                    "could"
                        | "might"
                        | "may"
                        | "should"
                        | "if"
                        | "whether"
                        | "threat"
                        | "threats"
                        | "threaten"
                        | "threatens"
                        | "threatened"
                        | "threatening"
                        | "risk"
                        | "risks"
                        | "fear"
                        | "fears"
                        | "feared"
                )
        });
    // "a possible summit", "the possibility of an explosion": said of the
    // event's own noun phrase, not of a word before it ("Possible topics for
    // Wednesday's talks").
    let possible = possible
        || (1..=3).any(|b| {
            i >= s_start + b
                && match tokens[i - b].lower.as_str() {
                    "possible" | "potential" => b <= 2,
                    "possibility" => b >= 2 && tokens[i - b + 1].lower == "of",
                    _ => false,
                }
        });
    // "could be seen as the worst assault": a hedged judgement of an event
    // that happened.
    let judged = tokens[i.saturating_sub(6).max(s_start)..i].iter().any(|t| {
        matches!(
            t.lower.as_str(),
            "seen" | "regarded" | "considered" | "described" | "viewed" | "called" | "labeled"
        )
    });
    // A past verb is hypothetical only as a modal perfect: "could have
    // attacked".
    let modal_perfect = i >= s_start + 2
        && tokens[i - 1].lower == "have"
        && matches!(
            tokens[i - 2].lower.as_str(),
            "could" | "might" | "may" | "would" | "should"
        );
    let past = trig.pos == Pos::Verb && matches!(trig.tense.as_str(), "past");
    if possible && !judged && (!past || modal_perfect) {
        return Modality::Hypothetical;
    }
    let intent = window.iter().any(|w| {
        matches!(
            *w,
            "will"
                | "'ll"
                // Future in the past: "said the planes would meet demand".
                | "would"
                | "scheduled"
                | "expected"
                | "plans"
                | "planned"
                | "planning"
                | "set"
                | "going"
                | "wants"
                | "want"
                | "hopes"
                | "intends"
                | "due"
                | "upcoming"
                | "future"
                | "proposed"
        )
    });
    if intent && !(trig.pos == Pos::Verb && matches!(trig.tense.as_str(), "past")) {
        return Modality::Planned;
    }
    // "a contract to supply", "agreed to buy": an infinitive looks ahead,
    // unless a verb of aspect carries it ("began to fall").
    if trig.pos == Pos::Verb
        && trig.tense == "base"
        && i > s_start
        && tokens[i - 1].lower == "to"
        && !(i >= s_start + 2
            && ASPECT_VERBS
                .iter()
                .any(|v| tokens[i - 2].lower.starts_with(v)))
    {
        return Modality::Planned;
    }
    Modality::Asserted
}

/// Verbs whose infinitive tells what happened, not what is planned.
const ASPECT_VERBS: &[&str] = &[
    "began", "begin", "start", "continu", "used", "managed", "came", "went on", "tend",
];
