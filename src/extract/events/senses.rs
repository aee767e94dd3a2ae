//! Trigger words read in another sense than the lexicon's where their
//! context says so: meeting a requirement, "bomb" as the weapon, verbal
//! attacks, opening fire, striking a deal, a labour strike;
//! and trigger words modifying a noun ("the election campaign").

use super::Site;
use crate::model::{EntityType, Shape, Token};
use crate::resources::words::events::{
    ADJECTIVAL_PARTICIPLES, ARMED, BOMB_VERB_CONTEXT, CALL_WORDS, CLASH_NOUN_CONTEXT,
    COMMON_SUBJECT_OPENERS, CONVERSATION_VERBS, DISMISSED_THINGS, FIRE_OPENERS, GERUND_MODIFIED,
    LABOUR_CUES, LABOUR_STRIKE, MOTION_VERBS, NOUN_MODIFIED, OBLIGATIONS, PARTICIPLE_VERB_CONTEXT,
    POSTS, PREPOSITIONS, PROCESS_MEETINGS, PROJECTILES, STRIKE_IDIOMS, VERBAL_ATTACK, VERB_CONTEXT,
};
use crate::resources::Pos;

/// What a trigger word means where its usual reading is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sense {
    /// No event at all: "a bomb" names the weapon.
    NoEvent,
    /// An event of another type: meeting a requirement happens, but it is
    /// no meeting.
    Kind(&'static str),
}

impl Site<'_> {
    /// The word at token `k` if inside the sentence, else "".
    fn word(&self, k: usize) -> &str {
        if self.sent.contains(&k) {
            self.tokens[k].lower.as_str()
        } else {
            ""
        }
    }

    /// The word before the trigger in the sentence, or "".
    fn prev(&self) -> &str {
        if self.i > self.sent.start {
            self.word(self.i - 1)
        } else {
            ""
        }
    }

    /// The word after the trigger in the sentence, or "".
    fn next(&self) -> &str {
        self.word(self.i + self.len)
    }

    /// The words at `range` (in its order) up to a comma, "with" or "and".
    fn clause_words(&self, range: &mut dyn Iterator<Item = usize>) -> Vec<&str> {
        range
            .filter(|&k| self.sent.contains(&k))
            .map(|k| self.word(k))
            .take_while(|w| !matches!(*w, "," | ";" | "." | ":" | "with" | "and"))
            .collect::<Vec<_>>()
    }
}

/// The sense of a trigger word where its context rules out the lexicon's
/// type: meeting a requirement, "bomb" as the weapon, verbal attacks,
/// striking a blow or a deal, a labour strike. `None`: the lexicon's reading stands.
pub(super) fn other_sense(site: &Site) -> Option<Sense> {
    let trig = site.trig;
    match trig.lemma.as_str() {
        "meet" => meet(site),
        "bomb" => bomb(site),
        "attack" => attack(site),
        "fire" => fire(site),
        "throw" | "hurl" | "pelt" => throw(site),
        lemma if PROCESS_MEETINGS.contains(lemma) && trig.pos == Pos::Noun => process(site),
        // Fighting and clashes as a process ("killed in clashes", "the
        // fighting outside Mosul") are hostilities, not an attack; "X clashed
        // with Y" is one.
        "fighting" => Some(Sense::Kind("Other")),
        "clash" if !matches!(trig.tense.as_str(), "past" | "ing") => clash(site),
        "attend" => super::triggers::gathering_after(site.tokens, site.i + 1, site.sent.end)
            .is_none()
            .then_some(Sense::NoEvent),
        "strike" if trig.pos == Pos::Verb => strike_verb(site),
        "strike" => strike_noun(site),
        "depart" | "departure" => departure(site),
        "remove" if trig.pos == Pos::Verb => removal(site),
        "dismiss" | "dismissal" => dismissed_thing(site),
        // "on a conference call": the call is the event, no meeting.
        "conference" if matches!(site.next(), "call" | "calls") => Some(Sense::NoEvent),
        lemma if trig.generic && trig.pos == Pos::Verb && CONVERSATION_VERBS.contains(lemma) => {
            conversation(site)
        }
        lemma if trig.generic && trig.pos == Pos::Verb => motion(site, lemma),
        _ => None,
    }
}

/// A departure from a post or an organization, or in a capacity ("her
/// departure as chief executive"), ends a job: a resignation, not a
/// journey.
fn departure(site: &Site) -> Option<Sense> {
    let mut k = site.i + site.len;
    match site.word(k) {
        "as" => return Some(Sense::Kind("Resignation")),
        "from" => k += 1,
        _ => return None,
    }
    if matches!(site.word(k), "the" | "his" | "her" | "its" | "their") {
        k += 1;
    }
    let named_org = site
        .names
        .iter()
        .any(|p| p.first == k && p.kind == EntityType::Organization);
    (named_org || POSTS.contains(site.word(k))).then_some(Sense::Kind("Resignation"))
}

/// "voted to remove Prime Minister Ana Costa from office", "was removed
/// from his post": a person removed from a post is dismissed.
fn removal(site: &Site) -> Option<Sense> {
    let end = site.sent.end.min(site.i + site.len + 10);
    let from = (site.i + site.len..end).find(|&k| site.word(k) == "from")?;
    let mut k = from + 1;
    if matches!(site.word(k), "the" | "his" | "her" | "their") {
        k += 1;
    }
    let person_between = site
        .names
        .iter()
        .any(|p| p.kind == EntityType::Person && p.first > site.i && p.end <= from);
    let passive = site.i > site.sent.start
        && matches!(
            site.word(site.i - 1),
            "was" | "were" | "been" | "be" | "being"
        );
    (matches!(site.word(k), "office" | "power") || POSTS.contains(site.word(k)))
        .then_some(())
        .filter(|_| person_between || passive)
        .map(|_| Sense::Kind("Dismissal"))
}

/// "dismissed the claims as false", "dismissed the lawsuit against X",
/// "the dismissal of the charges", "the charges were dismissed": a claim, a
/// case or a worry dismissed is no firing (`dismissed_things.txt`), and no
/// event, as a dismissal with no person removed is none
/// (`roles::lacks_person_patient`); a claim's author ("the president's
/// tweets") is not the one removed.
fn dismissed_thing(site: &Site) -> Option<Sense> {
    let (i, after) = (site.i, site.i + site.len);
    let start = match site.trig.pos {
        Pos::Noun if site.word(after) == "of" => after + 1,
        Pos::Noun => return None,
        _ => after,
    };
    let object = (start..start + 6)
        .map(|k| site.word(k))
        .take_while(|w| {
            !matches!(
                *w,
                "" | ","
                    | "."
                    | ";"
                    | ":"
                    | "as"
                    | "that"
                    | "and"
                    | "on"
                    | "in"
                    | "by"
                    | "at"
                    | "for"
                    | "with"
                    | "from"
            )
        })
        .any(|w| DISMISSED_THINGS.contains(w));
    let passive_subject = site.trig.pos == Pos::Verb
        && i >= site.sent.start + 2
        && matches!(
            site.word(i - 1),
            "was" | "were" | "been" | "be" | "is" | "are"
        )
        && DISMISSED_THINGS.contains(site.word(i - 2));
    (object || passive_subject).then_some(Sense::NoEvent)
}

/// A general verb of motion to or into a named place ("returned to
/// Lisbon", "crossed into Norland"), or with the place as its object
/// ("entered Norland", "reached Oslo"): a journey.
fn motion(site: &Site, lemma: &str) -> Option<Sense> {
    let direct = MOTION_VERBS.contains(format!("{lemma}*").as_str());
    if !direct && !MOTION_VERBS.contains(lemma) {
        return None;
    }
    let mut k = site.i + site.len;
    if matches!(site.word(k), "to" | "into") {
        k += 1;
    } else if !direct {
        return None;
    }
    if site.word(k) == "the" {
        k += 1;
    }
    site.names
        .iter()
        .any(|p| p.first == k && matches!(p.kind, EntityType::Place | EntityType::Country))
        .then_some(Sense::Kind("Travel"))
}

/// A general verb of conversation with "with" and a name after it, at most
/// four words of manner between ("spoke by phone with Piet Vermeer"): a
/// call (Communication) where the sentence names a phone or a call. Without
/// one it stays a general event: whether they met or spoke at a distance
/// is not said (a meeting there cost more wrong meetings than it found).
fn conversation(site: &Site) -> Option<Sense> {
    let end = site.sent.end.min(site.i + site.len + 6);
    // Only words of manner and medium between ("Speaking before talks
    // with X": the talks are with X).
    let with = (site.i + site.len..end)
        .take_while(|&k| {
            let w = site.tokens[k].lower.as_str();
            site.tokens[k].shape == Shape::Lower
                && (w == "with"
                    || (w.len() > 4 && w.ends_with("ly"))
                    || CALL_WORDS.contains(w)
                    || matches!(
                        w,
                        "by" | "on"
                            | "over"
                            | "via"
                            | "the"
                            | "a"
                            | "and"
                            | "also"
                            | "again"
                            | "later"
                    ))
        })
        .find(|&k| site.tokens[k].lower == "with")?;
    let named = site.names.iter().any(|p| {
        p.first > with
            && p.first <= with + 4
            && p.kind != EntityType::Place
            && site.tokens[with + 1..p.first]
                .iter()
                .all(|t| t.shape != Shape::Punct)
    });
    if !named {
        return None;
    }
    let call = site.tokens[site.sent.clone()]
        .iter()
        .any(|t| CALL_WORDS.contains(&t.lower));
    call.then_some(Sense::Kind("Communication"))
}

/// Meeting a requirement: "meet the needs", "conditions the lender would have
/// to meet".
fn meet(site: &Site) -> Option<Sense> {
    let (i, len) = (site.i, site.len);
    let after = site.clause_words(&mut (i + len..i + len + 6));
    // Nearest first, so that the walk stops at the clause's edge.
    let before = site.clause_words(&mut (i.saturating_sub(6)..i).rev());
    // Only the verb takes the requirement before it as its object: "the
    // payments before each meeting" are no object of the meeting.
    let obligation = after.iter().any(|w| OBLIGATIONS.contains(w))
        || (site.trig.pos == Pos::Verb
            && before.iter().any(|w| OBLIGATIONS.contains(w))
            && !site.names.iter().any(|p| p.first == i + len));
    obligation.then_some(Sense::Kind("Other"))
}

/// "a bomb", "car bombs": the noun names the weapon, not an attack.
fn bomb(site: &Site) -> Option<Sense> {
    (matches!(site.trig.tense.as_str(), "base" | "pres")
        && !BOMB_VERB_CONTEXT.contains(site.prev()))
    .then_some(Sense::NoEvent)
}

/// "personal attacks", "withering attacks against her": words, not
/// violence.
fn attack(site: &Site) -> Option<Sense> {
    VERBAL_ATTACK
        .contains(site.prev())
        .then_some(Sense::Kind("Other"))
}

/// "opened fire", "fired tear gas", "fired at the crowd": weapons, not a
/// dismissal.
fn fire(site: &Site) -> Option<Sense> {
    let (i, len, prev, next) = (site.i, site.len, site.prev(), site.next());
    let weapon_after = (i + len..i + len + 4)
        .map(|k| site.word(k))
        .take_while(|w| !matches!(*w, "" | "," | "." | ";" | "and"))
        .any(|w| PROJECTILES.contains(w));
    let weapon_before = (i.saturating_sub(3)..i)
        .map(|k| site.word(k))
        .any(|w| PROJECTILES.contains(w));
    let opened = FIRE_OPENERS.contains(prev);
    // "fired at the crowd"; not "was fired on Tuesday".
    let passive = matches!(
        prev,
        "was" | "were" | "is" | "are" | "be" | "been" | "being" | "got" | "get"
    );
    let aimed =
        site.trig.pos == Pos::Verb && !passive && matches!(next, "at" | "on" | "upon" | "into");
    (opened || aimed || weapon_after || weapon_before).then_some(Sense::Kind("Attack"))
}

/// "threw stones at police" is an attack; "threw his support" no event.
fn throw(site: &Site) -> Option<Sense> {
    let (i, len) = (site.i, site.len);
    let thrown = (i + len..i + len + 4)
        .map(|k| site.word(k))
        .take_while(|w| !matches!(*w, "" | "," | "." | ";"))
        .any(|w| PROJECTILES.contains(w));
    Some(if thrown {
        Sense::Kind("Attack")
    } else {
        Sense::NoEvent
    })
}

/// Talks and negotiations: a meeting only where their sides are named
/// right after them, or a day or a side owns them.
fn process(site: &Site) -> Option<Sense> {
    let (i, len, prev, next) = (site.i, site.len, site.prev(), site.next());
    let lemma = site.trig.lemma.as_str();
    let names = site.names;
    // "X talks to reporters": the verb, speaking to the press.
    let after_name = names.iter().any(|p| p.end == i) || matches!(prev, "he" | "she" | "who");
    if lemma == "talk" && after_name && matches!(next, "to" | "about") {
        return Some(Sense::Kind("Statement"));
    }
    if lemma == "talk" && after_name && next == "on" {
        return Some(Sense::Kind("Communication"));
    }
    // Sides named right after it: "talks with Lavrov", "negotiations
    // between Kyiv and Moscow"; a person talking with another.
    // ("talks last month between X and Y": past a time phrase.)
    let k = super::past_time_phrase(site.tokens, i + len);
    let sides = matches!(site.word(k), "with" | "between" | "among")
        && names.iter().any(|p| p.first > k && p.first <= k + 5);
    // A day's or a side's talks are a dated, specific meeting:
    // "Wednesday's talks", "Lavrov's talks".
    let owned = prev == "'s";
    // Or the sides hold them: "Costa and Berg held talks".
    let held = (i.saturating_sub(2).max(site.sent.start)..i)
        .find(|&v| {
            matches!(
                site.word(v),
                "held" | "hold" | "holds" | "holding" | "had" | "began" | "opened" | "resumed"
            )
        })
        .is_some_and(|v| {
            names.iter().any(|p| {
                p.end == v
                    && names
                        .iter()
                        .any(|q| q.end + 1 == p.first && site.word(q.end) == "and")
            })
        });
    (!sides && !owned && !held).then_some(Sense::Kind("Other"))
}

/// "deadly clashes", "the clash": hostilities; "X clashes with Y" stands.
fn clash(site: &Site) -> Option<Sense> {
    let prev = site.prev();
    let verb =
        !prev.is_empty() && !PREPOSITIONS.contains(prev) && !CLASH_NOUN_CONTEXT.contains(prev);
    (!verb || site.trig.pos == Pos::Noun).then_some(Sense::Kind("Other"))
}

/// "a missile struck a convoy", "gunmen struck the base": a weapon or an
/// armed group strikes; a famine, a court or a deal does not.
fn strike_verb(site: &Site) -> Option<Sense> {
    let i = site.i;
    let armed = (i.saturating_sub(4).max(site.sent.start)..i)
        .rev()
        .map(|k| site.word(k))
        .take_while(|w| !matches!(*w, "," | ";" | ":" | "."))
        .any(|w| PROJECTILES.contains(w) || ARMED.contains(w));
    Some(if armed && site.next() != "down" {
        Sense::Kind("Attack")
    } else {
        Sense::NoEvent
    })
}

/// How many words either side of a strike a story's labour words are looked
/// for.
const STORY_WINDOW: usize = 1000;

/// A strike of workers is a protest; striking a blow or a deal, no event.
fn strike_noun(site: &Site) -> Option<Sense> {
    let (prev, next) = (site.prev(), site.next());
    let object = if matches!(next, "a" | "an" | "another" | "the") {
        site.word(site.i + site.len + 1)
    } else {
        next
    };
    // "This strike is hurting the economy" in a story of unions and wages:
    // the workers' strike again (not an air or a drone strike).
    let armed = ARMED.contains(prev)
        || PROJECTILES.contains(prev)
        || matches!(
            prev,
            "air"
                | "military"
                | "nuclear"
                | "retaliatory"
                | "surgical"
                | "precision"
                | "preemptive"
        );
    let labour_story = || {
        let from = site.i.saturating_sub(STORY_WINDOW);
        let to = (site.i + STORY_WINDOW).min(site.tokens.len());
        site.tokens[from..to]
            .iter()
            .any(|t| t.shape == Shape::Lower && LABOUR_CUES.contains(&t.lower))
    };
    if LABOUR_STRIKE.contains(prev) || next == "action" || !armed && labour_story() {
        Some(Sense::Kind("Protest"))
    } else if STRIKE_IDIOMS.contains(object) {
        Some(Sense::Kind("Other"))
    } else {
        None
    }
}

/// "the election campaign", "alleged ties": a trigger word modifying the
/// noun after it is not an event.
pub(super) fn used_as_modifier(site: &Site) -> bool {
    let (tokens, first, next, sent, trig) = (
        site.tokens,
        site.i,
        site.i + site.len,
        &site.sent,
        site.trig,
    );
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
        return !VERB_CONTEXT.contains(prev) && GERUND_MODIFIED.contains(w);
    }
    if trig.pos == Pos::Noun {
        return NOUN_MODIFIED.contains(w);
    }
    // Past participles used as adjectives: "alleged ties", "the arrested
    // men", "over reported losses"; not a passive ("was arrested when",
    // "were reported dead"), nor a verb after its subject ("Police arrested
    // three men"): the participle opens its noun phrase, or follows a
    // determiner, a number or a preposition (adverbs aside: "the newly
    // elected mayor").
    let mut k = first;
    while k > sent.start && tokens[k - 1].lower.len() > 4 && tokens[k - 1].lower.ends_with("ly") {
        k -= 1;
    }
    let opens_phrase = k == sent.start || {
        let p = &tokens[k - 1];
        COMMON_SUBJECT_OPENERS.contains(&p.lower)
            || PREPOSITIONS.contains(&p.lower)
            || p.shape == Shape::Number
            || matches!(
                p.lower.as_str(),
                "his" | "her" | "its" | "their" | "our" | "your" | "my" | "," | "(" | "\""
            )
    };
    trig.pos == Pos::Verb
        && trig.tense == "past"
        && ADJECTIVAL_PARTICIPLES.contains(&trig.lemma)
        && n.shape == Shape::Lower
        && !PARTICIPLE_VERB_CONTEXT.contains(w)
        && !after_passive_auxiliary(tokens, first, sent.start)
        && opens_phrase
}

/// "visited the wounded at the hospital", "the accused was sentenced": a
/// past participle after "the" or "those" that ends its noun phrase names
/// people, not an event.
pub(super) fn participle_as_people(site: &Site) -> bool {
    let (tokens, first, next, sent) = (site.tokens, site.i, site.i + site.len, &site.sent);
    if site.trig.pos != Pos::Verb || site.trig.tense != "past" || first == sent.start {
        return false;
    }
    let ends_phrase = tokens
        .get(next)
        .filter(|_| next < sent.end)
        .is_none_or(|n| {
            n.shape == Shape::Punct
                || PREPOSITIONS.contains(&n.lower)
                || matches!(
                    n.lower.as_str(),
                    "was" | "were" | "is" | "are" | "had" | "have" | "has" | "and" | "who"
                )
        });
    matches!(tokens[first - 1].lower.as_str(), "the" | "those") && ends_phrase
}

/// A form of "be" or "get" right before token `k`, an adverb ("was
/// suddenly arrested") or a negation between.
fn after_passive_auxiliary(tokens: &[Token], k: usize, start: usize) -> bool {
    let passive_aux = |w: &str| {
        matches!(
            w,
            "be" | "is"
                | "are"
                | "was"
                | "were"
                | "been"
                | "being"
                | "get"
                | "gets"
                | "got"
                | "getting"
                | "gotten"
        )
    };
    let mut j = k;
    for _ in 0..2 {
        if j <= start {
            return false;
        }
        let w = tokens[j - 1].lower.as_str();
        if passive_aux(w) {
            return true;
        }
        if !(w.ends_with("ly") || matches!(w, "not" | "never" | "n't")) {
            return false;
        }
        j -= 1;
    }
    false
}
