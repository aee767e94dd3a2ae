//! Where an event happened: the named places around its trigger ("met in
//! Lisbon", "flew from Oslo to Lisbon", "cut jobs in Brazil and Chile").

use super::{Placed, Site};
use crate::extract::clause::relative_clause_end;
use crate::extract::entities::Resolved;
use crate::model::{EntityType, Event, Evidence, Mention, Participant, Role, Shape, Token, Tokens};
use crate::resources::words::events::{
    AUXILIARIES, CONTROL, PREPOSITIONS, SETTLEMENT_NOUNS, VERB_GROUP,
};
use crate::resources::{Lexicon, Pos};

/// Place: "in X" / "at X" inside the clause ending at `cl_end` (or a
/// relative clause after a noun trigger), near the trigger.
pub(super) fn add_place(
    site: &Site,
    cl_start: usize,
    cl_end: usize,
    participants: &mut Vec<Participant>,
) {
    let Site {
        tokens,
        i,
        len,
        trig,
        names,
        ..
    } = *site;
    let r = &site.sent;
    let destination = Event::kind_info_of(&trig.kind).destination;
    let place_end = if trig.pos == Pos::Noun {
        relative_clause_end(tokens, i + len - 1, cl_end, r.end)
    } else {
        cl_end
    };
    // "attacks at the airport and a downtown metro station in Brussels":
    // the town the sites after an event noun are in is where it happened.
    let site_chain = |p: &Placed| {
        let a = i + len;
        p.first > a + 5
            && p.first <= a + 12
            && matches!(tokens[a].lower.as_str(), "at" | "in" | "near" | "outside")
            && tokens[p.first - 1].lower == "in"
            && tokens[a + 1..p.first - 1].iter().all(|t| {
                t.shape == Shape::Lower
                    && !site.event_verb(t)
                    && !AUXILIARIES.contains(&t.lower)
                    && !PREPOSITIONS.contains(&t.lower)
            })
    };
    let near_trigger = |p: &Placed| {
        if trig.pos == Pos::Noun {
            (p.first >= i + len && p.first <= i + len + 4) || p.first > cl_end || site_chain(p)
        } else {
            // Same predicate: no auxiliary starting another one in between.
            // (A name inside the trigger, "attended the NATO summit", is
            // no place of it.)
            if p.end > i && p.first < i + len {
                return false;
            }
            // "A bomber killed three people in Peshawar, police said", "A
            // march in Vik descended into clashes, police said": a place
            // of the reported clause before a verb of saying is not where
            // it was said (a verb of saying that closes its sentence
            // reports all before its comma; "In Lisbon, Costa said the
            // deal was done" is said there).
            let closes = tokens[i + len..r.end]
                .iter()
                .all(|t| t.shape == Shape::Punct);
            if trig.kind == "Statement"
                && p.end <= i
                && tokens[p.end..i].iter().any(|t| t.lower == ",")
                && (closes || tokens[r.start..p.first].iter().any(|t| site.event_verb(t)))
            {
                return false;
            }
            // "Officials in Lisbon said rebels attacked a base": a place
            // before a verb of saying is where it was said, not where the
            // reported event happened.
            if p.end <= i && tokens[p.end..i].iter().any(|t| site.says(t)) {
                return false;
            }
            let (a, b) = if p.first > i {
                (i + len, p.first)
            } else {
                (p.end, i)
            };
            // "Reyes said the firm plans to open a plant in Brazil": a place
            // behind another event verb is that one's.
            // "killed in an attack in Kabul", "hurt during the protest in
            // Vik": an event noun the trigger happened in shares its place.
            let within_event = |k: usize| {
                let during = |t: &Token| matches!(t.lower.as_str(), "in" | "during");
                (k > a && during(&tokens[k - 1]))
                    || (k >= a + 2
                        && matches!(tokens[k - 1].lower.as_str(), "a" | "an" | "the")
                        && during(&tokens[k - 2]))
            };
            p.first.abs_diff(i) <= 12
                && !tokens[a..b].iter().any(|t| AUXILIARIES.contains(&t.lower))
                && (p.first < i
                    || !(a..b).any(|k| {
                        let t = &tokens[k];
                        (site.event_verb(t) && !within_event(k))
                            || CONTROL.contains(&t.lower)
                            || t.lower == "that"
                    }))
        }
    };
    // "the Vik Harbour protest", "the Lisbon talks", "the Lisbon
    // bombing": a town or site naming an event noun (after "the" and the
    // name, a trigger the lexicon reads as a verb is one too) is where it
    // happened; a country may be what it is about ("the Russia inquiry").
    if let Some(p) = names
        .iter()
        .find(|p| p.end == i && p.kind == EntityType::Place && !p.pronoun)
    {
        let determined = p.first > r.start
            && matches!(
                tokens[p.first - 1].lower.as_str(),
                "the" | "a" | "an" | "this" | "that" | "'s"
            );
        if (trig.pos == Pos::Noun || determined)
            && !participants.iter().any(|x| x.entity == p.entity)
        {
            participants.push(Participant {
                entity: p.entity,
                role: Role::Place,
            });
        }
    }
    // "flew to Oslo for talks", "went on to the Harbour House for a
    // meeting", "is in Lisbon for a summit": where one goes or is for a
    // gathering is where it happens (a site an organization names too).
    if trig.pos == Pos::Noun && !participants.iter().any(|x| x.role == Role::Place) {
        let mut f = i;
        if f > r.start && matches!(tokens[f - 1].lower.as_str(), "a" | "an" | "the") {
            f -= 1;
        }
        if f > r.start + 2 && tokens[f - 1].lower == "for" {
            let dest = names.iter().find(|p| {
                p.end == f - 1 && p.kind != EntityType::Person && !p.pronoun && p.first > r.start
            });
            if let Some(p) = dest {
                let mut b = p.first;
                if tokens[b - 1].lower == "the" && b > r.start + 1 {
                    b -= 1;
                }
                if matches!(tokens[b - 1].lower.as_str(), "to" | "into" | "in" | "at") {
                    participants.push(Participant {
                        entity: p.entity,
                        role: Role::Place,
                    });
                    return;
                }
            }
        }
    }
    let mut journey = false;
    for p in names
        .iter()
        .filter(|p| p.first >= cl_start && p.end <= place_end && near_trigger(p))
    {
        // The word before the place, past a "the" ("flew to the United
        // States"), after the trigger, where the place is no modifier of a
        // noun ("at the Lisbon office").
        let mut b = p.first;
        // Past an address's further parts ("the Lisbon, Portugal office").
        let mut after = p.end;
        while tokens.get(after).is_some_and(|t| t.lower == ",")
            && tokens
                .get(after + 1)
                .is_some_and(|t| t.shape == Shape::Capitalized)
        {
            after += 2;
        }
        // "near the Pakistan border": the country names the border, and
        // the event is on one side of it. "in the Harare suburb of
        // Borrowdale": the place after "of" is where it happened (not "the
        // Kirkos district of Addis Ababa": a district is named either way).
        let border = |t: &Token| {
            matches!(
                t.lower.as_str(),
                "border" | "borders" | "frontier" | "boundary"
            )
        };
        let part_named = tokens.get(after).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "suburb" | "town" | "village" | "city" | "neighborhood" | "neighbourhood"
            )
        }) && tokens.get(after + 1).is_some_and(|t| t.lower == "of")
            && names
                .iter()
                .any(|q| q.first == after + 2 && q.kind != EntityType::Person);
        if tokens.get(after).is_some_and(border) || part_named {
            continue;
        }
        if b > i
            && tokens[b - 1].lower == "the"
            && tokens.get(after).is_none_or(|t| {
                t.shape == Shape::Punct
                    || PREPOSITIONS.contains(&t.lower)
                    || VERB_GROUP.contains(&t.lower)
                    || t.lower == "and"
            })
        {
            b -= 1;
        }
        // "killed nine at an Oslo nightclub": a town naming the site
        // after "in", "at" or "near" and an article is where it happened
        // (a country so placed says what the site is about: "the Syria
        // talks").
        if b == p.first
            && b >= r.start + 2
            && p.kind == EntityType::Place
            && matches!(tokens[b - 1].lower.as_str(), "a" | "an" | "the")
            && matches!(tokens[b - 2].lower.as_str(), "in" | "at" | "near")
            && tokens.get(after).is_some_and(|t| t.shape == Shape::Lower)
        {
            b -= 1;
        }
        // "in downtown Dallas", "in northern Syria": a word of position.
        if b > r.start + 1 && POSITION_WORDS.contains(&tokens[b - 1].lower.as_str()) {
            b -= 1;
        }
        b = settlement_of(tokens, b, r.start);
        // "shelled the village of Vik", "visited the northern town of
        // Vik": the settlement the verb governs is the place.
        let governed = b == i + len || (b > i && settlement_object(tokens, i + len, b));
        let prep = if b > r.start {
            tokens[b - 1].lower.as_str()
        } else {
            ""
        };
        // A journey's places: where to, from and through ("flew from
        // Oslo to Lisbon": both).
        let leg = destination
            && matches!(
                prep,
                "to" | "into" | "from" | "via" | "through" | "toward" | "towards"
            );
        if matches!(p.kind, EntityType::Place | EntityType::Country)
            && p.first > r.start
            && (leg
                || !journey
                    && (matches!(prep, "in" | "at" | "inside" | "near")
                        // "visited Kenya", "entering the Netherlands":
                        // right after a movement verb
                        || (destination && trig.pos == Pos::Verb && governed)
                        // "rebels attacked Kabul": a town an attack verb
                        // governs is where it happened (a name, not "the
                        // village" standing for one)
                        || (trig.kind == "Attack"
                            && trig.pos == Pos::Verb
                            && p.kind == EntityType::Place
                            && governed
                            && tokens[p.first..p.end].iter().any(|t| t.shape == Shape::Capitalized)
                            && tokens.get(after).is_none_or(|t| t.shape != Shape::Capitalized))))
            && !participants.iter().any(|x| x.entity == p.entity)
        {
            participants.push(Participant {
                entity: p.entity,
                role: Role::Place,
            });
            if !leg {
                more_places(tokens, names, *p, r.end, participants);
                break;
            }
            journey = true;
        }
    }
}

/// A caption's place and date closing its sentence ("…, in Vik, Norland,
/// May 3, 2024.", "… in Vik, Sept."): where the sentence's events before
/// it happened, those without a place of their own. The first place of the
/// address is taken ("Vik", not "Norland").
pub(super) fn caption_place(
    tokens: &[Token],
    names: &[Placed],
    sent: std::ops::Range<usize>,
    events: &mut [super::EventMention],
) {
    let mut end = sent.end;
    while end > sent.start && tokens[end - 1].shape == Shape::Punct && tokens[end - 1].lower != ","
    {
        end -= 1;
    }
    // The date: a comma, a month, then only numbers, commas and dots.
    let Some(comma) = (sent.start..end).rev().find(|&k| {
        tokens[k].lower == ","
            && k + 1 < end
            && tokens.get(k + 1).is_some_and(|t| {
                crate::extract::ner::MONTHS.contains(&t.lower.trim_end_matches('.'))
                    && t.shape == Shape::Capitalized
            })
    }) else {
        return;
    };
    if !tokens[comma + 2..end]
        .iter()
        .all(|t| t.shape == Shape::Number || matches!(t.lower.as_str(), "," | "."))
    {
        return;
    }
    // The address before it: places joined by commas, the first after "in".
    let mut last = comma;
    let mut first_place = None;
    while let Some(p) = names.iter().rev().find(|p| p.end == last) {
        if !matches!(p.kind, EntityType::Place | EntityType::Country) || p.pronoun {
            return;
        }
        let mut b = p.first;
        if b > sent.start + 1 && POSITION_WORDS.contains(&tokens[b - 1].lower.as_str()) {
            b -= 1;
        }
        if b > sent.start && tokens[b - 1].lower == "in" {
            first_place = Some(*p);
            break;
        }
        if b == sent.start || tokens[b - 1].lower != "," {
            return;
        }
        last = b - 1;
    }
    let Some(p) = first_place else { return };
    for m in events.iter_mut().filter(|m| m.token < p.first) {
        let ps = &mut m.event.participants;
        if !ps
            .iter()
            .any(|x| x.role == Role::Place || x.entity == p.entity)
        {
            ps.push(Participant {
                entity: p.entity,
                role: Role::Place,
            });
        }
    }
}

/// Where the phrase of a place at token `b` starts when the place names a
/// settlement ("in the southern city of Basra", "in the northern town of
/// Vik"): at its determiner, so that the preposition before is the
/// place's. Else `b`.
fn settlement_of(tokens: &[Token], b: usize, start: usize) -> usize {
    if b < start + 3
        || tokens[b - 1].lower != "of"
        || !SETTLEMENT_NOUNS.contains(&tokens[b - 2].lower)
    {
        return b;
    }
    let mut k = b - 2;
    while k > start && k + 6 > b {
        let t = &tokens[k - 1];
        let modifier = matches!(t.lower.as_str(), "the" | "a")
            || POSITION_WORDS.contains(&t.lower.as_str())
            || (t.shape == Shape::Capitalized && !PREPOSITIONS.contains(&t.lower))
            || (t.shape == Shape::Lower
                && !PREPOSITIONS.contains(&t.lower)
                && !AUXILIARIES.contains(&t.lower)
                && t.lower.chars().all(|c| c.is_alphabetic() || c == '-'));
        if !modifier {
            break;
        }
        k -= 1;
    }
    if k > start && matches!(tokens[k - 1].lower.as_str(), "in" | "at" | "near") {
        k
    } else {
        b
    }
}

/// Whether the words from `from` up to the place at `b` say which
/// settlement it is, and nothing else: an article, a few modifiers, a
/// settlement noun and "of" ("the village of", "the northern town of").
fn settlement_object(tokens: &[Token], from: usize, b: usize) -> bool {
    b >= from + 2
        && b <= from + 6
        && tokens[b - 1].lower == "of"
        && SETTLEMENT_NOUNS.contains(&tokens[b - 2].lower)
        && tokens[from..b - 2].iter().all(|t| {
            t.shape == Shape::Lower
                && !PREPOSITIONS.contains(&t.lower)
                && !AUXILIARIES.contains(&t.lower)
                && t.lower.chars().all(|c| c.is_alphabetic() || c == '-')
        })
}

/// Words of position before a place ("in downtown Dallas").
const POSITION_WORDS: [&str; 14] = [
    "downtown",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Places listed with the place `p` ("in Chile and Peru", "to cut 900 jobs
/// in Brazil, 500 in Chile and 40 in Spain"): each joined to the one
/// before by "and" or "or", or after "in" behind a comma or "and" and at
/// most two words; or each inside the next ("at the Town Hall in Vik").
/// ("Lagos, Nigeria" is one place's address.)
pub(super) fn more_places(
    tokens: &[Token],
    names: &[Placed],
    p: Placed,
    end: usize,
    participants: &mut Vec<Participant>,
) {
    let mut last = p;
    for q in names.iter().filter(|q| q.first >= p.end && q.end <= end) {
        let between = &tokens[last.end..q.first];
        let listed = match between {
            [sep, mid @ .., inn] => {
                matches!(sep.lower.as_str(), "," | "and")
                    && inn.lower == "in"
                    && mid.len() <= 2
                    && mid.iter().all(|t| {
                        t.lower == "and" || t.shape == Shape::Lower || t.shape == Shape::Number
                    })
            }
            _ => false,
        };
        // "at the Grand Hotel in Lisbon", "at Vik Airport near Oslo": a place
        // inside the next.
        let inside = |t: &Token| matches!(t.lower.as_str(), "in" | "at" | "near" | "outside");
        let nested = match between {
            [prep] => inside(prep),
            [prep, w] => {
                inside(prep) && (w.lower == "the" || POSITION_WORDS.contains(&w.lower.as_str()))
            }
            _ => false,
        };
        // "Lagos, Nigeria" is an address, not a list: only "and", "or".
        let joined = matches!(between, [c] | [_, c] if matches!(c.lower.as_str(), "and" | "or"))
            && between
                .first()
                .is_some_and(|t| matches!(t.lower.as_str(), "," | "and" | "or"));
        if !(listed || joined || nested) {
            break;
        }
        // "in the Grand Hall at Norland Bank in Lisbon": a site named like
        // an organization is passed, not taken.
        if !matches!(q.kind, EntityType::Place | EntityType::Country) {
            if !nested || q.pronoun {
                break;
            }
            last = *q;
            continue;
        }
        if !participants.iter().any(|x| x.entity == q.entity) {
            participants.push(Participant {
                entity: q.entity,
                role: Role::Place,
            });
        }
        last = *q;
    }
}

/// A dateline's place ("BRUSSELS —", "LYON, France (Nordic Wire) —") is
/// where the events of the lead sentence after it happened, those that
/// happen on a site ([`KindInfo::on_site`](crate::model::KindInfo)) and
/// have no place of their own, unless the lead names another place (a country
/// right before a capitalized word, "US President", says whose, not
/// where) or the event is reported ("the ministry said an airstrike killed
/// ...": what a bureau reports may have happened far from it).
pub(super) fn dateline_place(
    lex: &Lexicon,
    toks: &Tokens,
    res: &Resolved,
    placed: &[Placed],
    events: &mut [super::EventMention],
) {
    let tokens = &toks.tokens;
    let dateline: Vec<(&Mention, usize)> = res
        .mentions
        .iter()
        .zip(res.mention_entity.iter().copied())
        .filter(|(m, _)| matches!(m.evidence, Evidence::Dateline(_)))
        .collect();
    let Some(&(place, entity)) = dateline
        .iter()
        .filter(|(m, _)| matches!(m.kind, EntityType::Place | EntityType::Country))
        .min_by_key(|(m, _)| m.first_token)
    else {
        return;
    };
    // The dateline's own places and the countries they are in.
    let own: Vec<usize> = dateline.iter().map(|&(_, e)| e).collect();
    let countries: Vec<&str> = dateline
        .iter()
        .filter_map(|&(m, e)| match (m.kind, m.evidence) {
            (EntityType::Country, _) => Some(res.entities[e].label()),
            (_, Evidence::Dateline(Some(g))) => lex.gazetteer[g].country.as_deref(),
            _ => None,
        })
        .collect();
    // The lead: the sentence of the first word after the dateline.
    let end = dateline.iter().map(|(m, _)| m.end_token).max().unwrap_or(0);
    let Some(word) =
        (end.max(place.end_token)..tokens.len()).find(|&k| tokens[k].shape != Shape::Punct)
    else {
        return;
    };
    let Some(lead) = toks.sentences.iter().position(|s| s.tokens.contains(&word)) else {
        return;
    };
    let r = toks.sentences[lead].tokens.clone();
    let elsewhere = placed.iter().any(|p| {
        r.contains(&p.first)
            && matches!(p.kind, EntityType::Place | EntityType::Country)
            && !own.contains(&p.entity)
            && !countries.contains(&res.entities[p.entity].label())
            && !tokens
                .get(p.end)
                .is_some_and(|t| t.shape == Shape::Capitalized)
    });
    if elsewhere {
        return;
    }
    let reported_from = events
        .iter()
        .filter(|m| {
            m.event.sentence == lead
                && matches!(m.event.kind.as_str(), "Statement" | "Communication")
        })
        .map(|m| m.token)
        .min()
        .unwrap_or(usize::MAX);
    for m in events.iter_mut().filter(|m| {
        m.event.sentence == lead
            && !m.event.generic
            && Event::kind_info_of(&m.event.kind).on_site
            && m.token <= reported_from
    }) {
        let ps = &mut m.event.participants;
        if !ps
            .iter()
            .any(|x| x.role == Role::Place || x.entity == entity)
        {
            ps.push(Participant {
                entity,
                role: Role::Place,
            });
        }
    }
}
