//! The subject of a trigger from the names before it: the subject group
//! and coordination, a name right before a verb, relative clauses and
//! appositions between a subject and its verb, the governing bodies and
//! object-control verbs that change who the subject is.

use super::{Placed, Site};
use crate::extract::timex::calendar_word;
use crate::model::{EntityType, Shape, Token};
use crate::resources::words::events::{
    COMMON_SUBJECT_OPENERS, GERUND_CONTROL, GOVERNING_BODIES, GROUP_HEADS, OBJECT_CONTROL,
    PREPOSITIONS, REPRESENTATIVES, VERB_GROUP,
};
use crate::resources::Pos;

/// "Ana Costa, who leads the party, met Piet Vermeer", "Ola Berg, speaking
/// after the ceremony, said": a relative or participle clause between
/// commas stands between the subject and the verb at `i` (the verb's
/// clause opens inside it); the subject is the name before it.
/// Only auxiliaries and adverbs may stand between the closing comma and the
/// verb, and no other comma inside the relative clause.
pub(super) fn relative_antecedent(
    tokens: &[Token],
    sent_start: usize,
    i: usize,
    names: &[Placed],
) -> Option<Placed> {
    let close = (sent_start..i).rev().find(|&k| tokens[k].lower == ",")?;
    if !tokens[close + 1..i]
        .iter()
        .all(|t| VERB_GROUP.contains(&t.lower) || t.lower.len() > 4 && t.lower.ends_with("ly"))
    {
        return None;
    }
    // The clause opens after the comma before: "who", "which", or a
    // participle ("Ola Berg, speaking after the ceremony, said…", "Ana
    // Costa, arrested on Monday, denied…"). A plain apposition closing it
    // ("…, who arrived on Monday for a state visit, the first since 2016,
    // held talks") is passed over, once.
    let mut close = close;
    let mut open = None;
    for _ in 0..2 {
        let o = (sent_start + 1..close)
            .rev()
            .find(|&k| tokens[k].lower == "," && !in_list(names, k))?;
        let first = tokens.get(o + 1)?;
        let participle = first.shape == Shape::Lower
            && first.lower.len() > 4
            && (first.lower.ends_with("ing") || first.lower.ends_with("ed"));
        // Or an apposition with a clause of its own ("The Nordic Civic
        // Observatory, a group that deployed monitors in the city, said").
        let clause_of_its_own = tokens[o + 1..close]
            .iter()
            .any(|t| matches!(t.lower.as_str(), "that" | "which" | "who" | "whose"));
        let article = matches!(first.lower.as_str(), "a" | "an" | "the");
        if o + 1 < close
            && (matches!(first.lower.as_str(), "who" | "which" | "whose")
                || participle
                || article && first.lower != "the" && clause_of_its_own)
        {
            open = Some(o);
            break;
        }
        if !article {
            return None;
        }
        close = o;
    }
    let mut open = open?;
    // "Ana Costa, 34, a reporter whose…": past an age.
    if open > sent_start + 2
        && tokens[open - 1].lower.bytes().all(|b| b.is_ascii_digit())
        && tokens[open - 2].lower == ","
    {
        open -= 2;
    }
    names
        .iter()
        .copied()
        .find(|p| p.end == open && p.kind != EntityType::Place)
}

/// A comma inside a list of names ("stores across Chile, Peru and
/// Bolivia"): it opens no aside.
fn in_list(names: &[Placed], k: usize) -> bool {
    names.iter().any(|p| p.end == k) && names.iter().any(|p| p.first == k + 1)
}

/// "Jonas Berg, who was shot by police", "Ana Costa, who was convicted and
/// jailed": the verb at `i` opens (or is coordinated in) a relative clause
/// after a comma; its subject is the name before ", who". Only the verb
/// group, adverbs and earlier coordinated event verbs stand between "who"
/// and the verb.
pub(super) fn relative_subject(site: &Site, sent_start: usize) -> Option<Placed> {
    let tokens = site.tokens;
    let mut k = site.i;
    while k > sent_start && k + 6 > site.i {
        let t = &tokens[k - 1];
        let w = t.lower.as_str();
        // A first conjunct: "was abducted and killed".
        let conjunct = t.shape == Shape::Lower
            && w.ends_with("ed")
            && matches!(tokens[k].lower.as_str(), "and" | "or");
        if VERB_GROUP.contains(&t.lower)
            || matches!(w, "and" | "or")
            || (w.len() > 4 && w.ends_with("ly"))
            || site.event_verb(t)
            || conjunct
        {
            k -= 1;
        } else {
            break;
        }
    }
    if k < sent_start + 3
        || !matches!(tokens[k - 1].lower.as_str(), "who" | "which")
        || tokens[k - 2].lower != ","
    {
        return None;
    }
    // "who" after a person; "which" after a country or an organization
    // ("Norland, which joined the union in 2007").
    let which = tokens[k - 1].lower == "which";
    let person_ending = |end: usize| {
        site.names.iter().copied().find(|p| {
            p.end == end
                && !p.pronoun
                && if which {
                    matches!(p.kind, EntityType::Country | EntityType::Organization)
                } else {
                    p.kind == EntityType::Person
                }
        })
    };
    // "Lars Berg, the company's finance chief, who had resigned": past an
    // apposition opened by an article.
    let apposition = || {
        let open = (k.saturating_sub(12).max(sent_start)..k - 2)
            .rev()
            .find(|&j| matches!(tokens[j].lower.as_str(), "," | "." | ";" | ":"))
            .filter(|&j| tokens[j].lower == ",")?;
        matches!(tokens.get(open + 1)?.lower.as_str(), "the" | "a" | "an")
            .then(|| person_ending(open))
            .flatten()
    };
    person_ending(k - 2).or_else(apposition)
}

/// `p` with the names coordinated before it ("Tapiwa Chirwa and Nyasha
/// Moyo, who had been arrested": both), in text order.
pub(super) fn with_coordinated(tokens: &[Token], names: &[Placed], p: Placed) -> Vec<Placed> {
    let mut out = vec![p];
    let mut k = names.iter().position(|q| q.first == p.first);
    while let Some(j) = k.filter(|&j| j > 0) {
        if !coordinated(tokens, names[j - 1], names[j]) || names[j - 1].kind != p.kind {
            break;
        }
        out.insert(0, names[j - 1]);
        k = Some(j - 1);
    }
    out
}

/// Between a name ending at token `from` and a verb trigger at `to`, a
/// noun phrase of common nouns right before the trigger's verb group ("Abe
/// confirmed the engineers had been killed", "Mood said 60 adults were
/// killed"): that phrase is the trigger's subject, not the name. Words set
/// off by commas ("Lavrov, Russia's foreign minister, met") and time
/// phrases ("Trump on Tuesday fired") are no other subject. (A verb of
/// saying between is no sign: "Helix Corp says they have orders", with no
/// pronoun resolution, is better read with Helix Corp.)
pub(super) fn nearer_subject(tokens: &[Token], from: usize, to: usize) -> bool {
    if from >= to {
        return false;
    }
    // The verb group before the trigger, then the lowercase words before
    // it, back to a determiner or a number that opens them.
    let mut k = to;
    while k > from && VERB_GROUP.contains(&tokens[k - 1].lower) {
        k -= 1;
    }
    let mut j = k;
    while j > from && j + 4 > k && tokens[j - 1].shape == Shape::Lower {
        let w = tokens[j - 1].lower.as_str();
        if COMMON_SUBJECT_OPENERS.contains(w) {
            return j < k;
        }
        // "compensation for the family of each person killed": a noun
        // after a preposition with the trigger right after it (no verb
        // group) is what the participle says of it, and the name is no
        // subject.
        if PREPOSITIONS.contains(w) && j < k && k == to {
            return true;
        }
        // "Berg, who was shot": the relative pronoun stands for the name.
        if PREPOSITIONS.contains(w) || VERB_GROUP.contains(w) || matches!(w, "who" | "which") {
            return false;
        }
        j -= 1;
    }
    // "Norland authorities seized": the name only modifies the subject.
    if j == from && j < k && GROUP_HEADS.contains(&tokens[k - 1].lower) {
        return true;
    }
    // "60 adults killed", "4,000 refugees have arrived".
    j < k
        && j > from
        && tokens[j - 1]
            .lower
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',')
}

/// "a former minister who had quit his Cabinet was sworn in", "the man
/// who attacked Berg was arrested": the name `p` is the object of a verb
/// in a relative clause (no comma between) that ends right before the
/// trigger; the clause's antecedent, not the name, is the trigger's
/// subject ("the official whom Costa fired was arrested" too). Not where
/// the trigger is the clause's verb ("the official whom Costa fired") or a
/// verb of saying reports the trigger's clause ("who said Costa was
/// arrested").
pub(super) fn object_in_relative(site: &Site, p: &Placed, sent_start: usize) -> bool {
    let tokens = site.tokens;
    let mut k = p.titled.min(p.first);
    let mut words = 0;
    while k > sent_start && words < 8 {
        k -= 1;
        let t = &tokens[k];
        match t.lower.as_str() {
            "," | ";" | ":" | "(" | ")" | "\"" | "—" | "–" => return false,
            "who" | "whom" | "whose" | "which" => {
                // A verb of the clause after the name ("whom Costa fired
                // was arrested"), or before it, not one of saying.
                let after = tokens[p.end..site.i]
                    .iter()
                    .any(|t| t.shape == Shape::Lower && !VERB_GROUP.contains(&t.lower));
                return after || words > 0 && !(k + 1..p.first).any(|j| site.says(&tokens[j]));
            }
            _ => {}
        }
        if t.shape == Shape::Lower {
            words += 1;
        }
    }
    false
}

/// Whether a verb of saying between a name ending at `from` and the trigger
/// at `i` reports a clause with a subject of its own that is no name ("Berg
/// said the group plans to attack Vik", "…said the rebels had an interest
/// in attacking…"): the name said it, and is not the trigger's subject.
pub(super) fn reported_subject(site: &Site, from: usize, i: usize) -> bool {
    let tokens = site.tokens;
    (from..i).any(|k| {
        let mut s = k + 1;
        // ("Police in Vik said Thursday they had detained…": past a time.)
        if tokens
            .get(s)
            .is_some_and(|t| matches!(t.lower.as_str(), "on" | "late" | "early"))
        {
            s += 1;
        }
        if tokens.get(s).is_some_and(calendar_word) {
            s += 1;
        } else {
            s = k + 1;
        }
        if tokens.get(s).is_some_and(|t| t.lower == "that") {
            s += 1;
        }
        site.says(&tokens[k])
            && s + 1 < i
            && (COMMON_SUBJECT_OPENERS.contains(&tokens[s].lower)
                || matches!(tokens[s].lower.as_str(), "they" | "we"))
            && tokens[s + 1].shape == Shape::Lower
            && !site
                .names
                .iter()
                .any(|p| p.first > k && p.first < i && !governed(site, p))
    })
}

/// Whether a preposition or a participle governs the name `p` ("of
/// refugees from Vik", "refugees entering Spain"): it is no subject.
fn governed(site: &Site, p: &Placed) -> bool {
    governor_at(site.tokens, p, site.sent.start).is_some_and(|k| {
        let t = &site.tokens[k];
        PREPOSITIONS.contains(&t.lower)
            || (t.shape == Shape::Lower
                && t.lower.len() > 4
                && t.lower.ends_with("ing")
                && site.event_verb(t))
    })
}

/// The actor, or coordinated actors, right before the trigger, with only
/// auxiliaries, negation and adverbs between (or a verb, as `verb` tells,
/// and "to"), and whether a form of "be" between makes the trigger a
/// passive. None where a preposition governs them or they possess what
/// follows ("the Kremlin's emissary arrived", "talks with Russia ended").
pub(super) fn adjacent_group(
    site: &Site,
    cl_start: usize,
    verb: &dyn Fn(&Token) -> bool,
) -> Option<(Vec<Placed>, bool)> {
    let Site {
        tokens, i, names, ..
    } = *site;
    let actor =
        |p: &Placed| p.first >= cl_start && (p.kind != EntityType::Place || site.seat(p).is_some());
    let mut last = names.iter().rposition(|p| p.end <= i && actor(p))?;
    let mut gap_start = names[last].end;
    // "Ana Costa, founder of Helix Corp, has chosen to step down": an
    // apposition set off by commas stands between the subject and its verb.
    // A relative clause may open a clause of its own: its antecedent is
    // looked for before it.
    if let Some((k, close, relative)) = apposition_before(tokens, names, i, site.sent.start) {
        let p = &names[k];
        if actor(p) || relative && (p.kind != EntityType::Place || site.seat(p).is_some()) {
            last = k;
            gap_start = close + 1;
        }
    }
    let mut between = &tokens[gap_start..i];
    // "Ana Costa (left) met", "Costa (right in photo) shakes hands": a
    // short aside in parentheses right after the name.
    if let [open, rest @ ..] = between {
        if open.lower == "(" {
            if let Some(close) = rest.iter().take(6).position(|t| t.lower == ")") {
                between = &rest[close + 1..];
            }
        }
    }
    // "Acme on June 18 called for", "Costa in May signed": a date between.
    if let [on, rest @ ..] = between {
        if matches!(on.lower.as_str(), "on" | "in") {
            let date_words = rest
                .iter()
                .take_while(|t| matches!(t.shape, Shape::Capitalized | Shape::Number))
                .count();
            let first_is_time = rest
                .first()
                .is_some_and(|t| calendar_word(t) || t.shape == Shape::Number);
            if (1..=3).contains(&date_words) && first_is_time {
                between = &rest[date_words..];
            }
        }
    }
    let in_group =
        |t: &Token| VERB_GROUP.contains(&t.lower) || t.lower.len() > 4 && t.lower.ends_with("ly");
    let controlled = |b: &[Token]| match b {
        [head @ .., v, to] if to.lower == "to" => head.iter().all(in_group) && verb(v),
        _ => false,
    };
    if !between.iter().all(in_group) && !controlled(between) {
        return None;
    }
    let passive = site.trig.tense == "past"
        && between.iter().any(|t| {
            matches!(
                t.lower.as_str(),
                "was" | "were" | "is" | "are" | "been" | "be" | "being"
            )
        });
    let mut group = vec![names[last]];
    let mut k = last;
    // ("sat down at a centre outside Oslo, Haugland, Norway's envoy, told
    // reporters": Oslo, standing for Norway, is no member.)
    while k > 0
        && names[k - 1].first >= cl_start
        && coordinated(tokens, names[k - 1], names[k])
        && (!prepositional(tokens, &names[k - 1], site.sent.start) || led(site, &names[k - 1]))
    {
        k -= 1;
        group.push(names[k]);
    }
    group.reverse();
    // "the number of refugees entering Spain dropped": a name a participle
    // governs is its object, not the subject of the verb after it.
    if governed(site, &group[0]) && !led(site, &group[0])
        || tokens.get(names[last].end).is_some_and(|t| t.lower == "'s")
        || object_in_relative(site, &names[last], site.sent.start)
    {
        return None;
    }
    let group = group
        .into_iter()
        .map(|p| site.seat(&p).unwrap_or(p))
        .collect();
    Some((group, passive))
}

/// The name of `names` before an apposition that ends right before the
/// verb group before `i`: "X, founder of Y, has chosen", "X, 54, resigned".
/// The apposition holds no verb group word and at most eight tokens, unless
/// it is a relative clause ("X, who chairs Y, accused") or a noun phrase
/// with one ("X, a former mayor who leads Y, accused"), of at most sixteen. Gives
/// the name's index, the apposition's closing comma and whether it is a
/// relative clause or holds one.
fn apposition_before(
    tokens: &[Token],
    names: &[Placed],
    i: usize,
    from: usize,
) -> Option<(usize, usize, bool)> {
    let mut k = i;
    while k > from && VERB_GROUP.contains(&tokens[k - 1].lower) {
        k -= 1;
    }
    if k == from || tokens[k - 1].lower != "," {
        return None;
    }
    let close = k - 1;
    let open = (close.saturating_sub(17).max(from)..close)
        .rev()
        .find(|&j| tokens[j].lower == "," && !in_list(names, j))?;
    if open + 1 == close {
        return None;
    }
    let inner = &tokens[open + 1..close];
    // "Ana Costa, who chairs the committee, accused": a relative clause
    // set off by commas stands there too; so does a noun phrase with one
    // ("Ana Costa, a former mayor of Vik who leads the party, accused").
    let relative = matches!(inner[0].lower.as_str(), "who" | "which");
    let marker = inner.iter().position(|t| {
        VERB_GROUP.contains(&t.lower) || matches!(t.lower.as_str(), "who" | "which" | "that")
    });
    let noun_phrase = matches!(inner[0].lower.as_str(), "a" | "an" | "the")
        && marker.is_some_and(|m| matches!(inner[m].lower.as_str(), "who" | "which" | "that"));
    if !(relative || noun_phrase || marker.is_none() && inner.len() <= 8) {
        return None;
    }
    names
        .iter()
        .rposition(|p| p.end == open && p.first >= from && p.kind != EntityType::Place)
        .map(|k| (k, close, relative || noun_phrase))
}

/// The subject of a clause: its first actor that is not governed by a
/// preposition nor a possessor ("the Kremlin's emissary"), with any actors
/// coordinated with it ("Tillerson and Lavrov"). An organization or
/// country qualifying a person ("FBI Director James Comey") gives way to
/// the person.
pub(super) fn subject_group(tokens: &[Token], left: &[Placed], s_start: usize) -> Vec<Placed> {
    let governed = |p: &Placed| {
        let next = tokens.get(p.end).map_or("", |t| t.lower.as_str());
        prepositional(tokens, p, s_start) || matches!(next, "'s" | "'")
    };
    let mut out: Vec<Placed> = Vec::new();
    let mut k = 0;
    while k < left.len() {
        let p = left[k];
        k += 1;
        if out.is_empty() {
            if governed(&p) && !body_of(tokens, &p, s_start) {
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

/// "ordered the police to arrest", "asked Helix Corp to pay", "called on
/// Norland to release": a verb trigger after "to" whose object-control verb
/// stands at most six words before, with a noun phrase between (no
/// punctuation, no other verb): the names of that phrase, not the
/// sentence's subject, do what the trigger says.
///
/// So with a gerund after "for" or "of" ("arrested two men for attacking",
/// "accused Helix Corp of hiding"; [`GERUND_CONTROL`]).
pub(super) fn controller_object(site: &Site, s_start: usize) -> Option<Vec<Placed>> {
    let Site {
        tokens, i, trig, ..
    } = *site;
    if trig.pos != Pos::Verb || i < s_start + 3 {
        return None;
    }
    let controls = match tokens[i - 1].lower.as_str() {
        "to" => &OBJECT_CONTROL,
        "for" | "of" if tokens[i].lower.ends_with("ing") => &GERUND_CONTROL,
        _ => return None,
    };
    let to = i - 1;
    let verb = (to.saturating_sub(7).max(s_start)..to - 1)
        .rev()
        .take_while(|&k| tokens[k].shape != Shape::Punct && !VERB_GROUP.contains(&tokens[k].lower))
        .find(|&k| controls.contains(&tokens[k].lower))?;
    // "called on Norland to": the particle of "call on".
    let from = verb + 1 + usize::from(tokens[verb + 1].lower == "on");
    if from >= to || tokens[verb].lower.starts_with("call") && from == verb + 1 {
        return None;
    }
    Some(
        site.names
            .iter()
            .copied()
            .filter(|p| p.first >= from && p.end <= to && p.kind != EntityType::Place)
            .collect(),
    )
}

/// "The board of Helix", "the government of Norland": the name `p`
/// follows "the BODY of" opening the sentence or a part of it set off by
/// punctuation (a dateline's dash, an opening clause's comma), so the body
/// acting is the named organization or country acting.
///
/// So are people acting for it: "a spokesman for Helix", "the three-judge
/// panel at the Lisbon Court", "investigators from the Fraud Office"
/// (`REPRESENTATIVES`, a few lowercase words before them at most).
fn body_of(tokens: &[Token], p: &Placed, s_start: usize) -> bool {
    if p.kind == EntityType::Person || p.kind == EntityType::Place {
        return false;
    }
    let mut b = p.first;
    if b > s_start && tokens[b - 1].lower == "the" {
        b -= 1;
    }
    if b < s_start + 2 {
        return false;
    }
    let (prep, head) = (tokens[b - 1].lower.as_str(), &tokens[b - 2].lower);
    let governing = prep == "of" && GOVERNING_BODIES.contains(head);
    let acting_for = matches!(prep, "of" | "for" | "at" | "from") && REPRESENTATIVES.contains(head);
    if !governing && !acting_for {
        return false;
    }
    let mut open = b - 2;
    if open > s_start && tokens[open - 1].lower == "the" {
        open -= 1;
    } else if acting_for {
        // ("A spokesman", "two senior officials", "the three-judge panel")
        let opener = |t: &Token| {
            matches!(
                t.lower.as_str(),
                "the" | "a" | "an" | "two" | "three" | "several"
            ) || t.shape == Shape::Lower
                && !VERB_GROUP.contains(&t.lower)
                && !PREPOSITIONS.contains(&t.lower)
                || t.shape == Shape::Number
        };
        let mut k = 0;
        while k < 4 && open > s_start && opener(&tokens[open - 1]) {
            open -= 1;
            k += 1;
        }
    }
    open == s_start || tokens[open - 1].shape == Shape::Punct
}

/// The word before a name (not before the sentence start `s_start`), past
/// its title and article: "to" in "a former aide to Senator Ana Costa", ""
/// at the sentence start or after "including".
/// Whether a preposition governs `p` ("in Oslo", "outside Oslo"): no
/// subject, nor a member of one.
fn prepositional(tokens: &[Token], p: &Placed, s_start: usize) -> bool {
    let g = governor(tokens, p, s_start);
    PREPOSITIONS.contains(g)
        || matches!(
            g,
            "outside"
                | "inside"
                | "across"
                | "around"
                | "beyond"
                | "behind"
                | "along"
                | "throughout"
                | "within"
                | "near"
        )
}

fn governor<'t>(tokens: &'t [Token], p: &Placed, s_start: usize) -> &'t str {
    governor_at(tokens, p, s_start).map_or("", |k| tokens[k].lower.as_str())
}

/// The token of `governor`, if any.
fn governor_at(tokens: &[Token], p: &Placed, s_start: usize) -> Option<usize> {
    let mut b = p.titled.min(p.first).max(s_start);
    while b > s_start
        && matches!(
            tokens[b - 1].lower.as_str(),
            "the" | "a" | "an" | "former" | "acting" | "deputy" | "late"
        )
    {
        b -= 1;
    }
    match b.checked_sub(1).filter(|&k| k >= s_start) {
        // "protesters, including the activist Ana Costa, marched": one of
        // the subject's members, not a dependent of it.
        Some(k) if tokens[k].lower == "including" => None,
        k => k,
    }
}

/// "The president of Brazil", "the foreign ministers of France and
/// Germany": a country or body after a leader's title and "of" stands for
/// its leader, the subject of what the leader does.
fn led(site: &Site, p: &Placed) -> bool {
    let tokens = site.tokens;
    let Some(of) = governor_at(tokens, p, site.sent.start) else {
        return false;
    };
    let head = |k: usize| {
        let w = tokens[k].lower.as_str();
        site.lex.title_heads.contains(w)
            || w.strip_suffix('s')
                .is_some_and(|w| site.lex.title_heads.contains(w))
    };
    matches!(p.kind, EntityType::Country | EntityType::Organization)
        && tokens[of].lower == "of"
        && of > site.sent.start
        && tokens[of - 1].shape == Shape::Lower
        && head(of - 1)
}

/// "X and Y", "X, Y and Z", "X, and Y": `b` is coordinated with `a`.
pub(super) fn coordinated(tokens: &[Token], a: Placed, b: Placed) -> bool {
    // Overlapping mentions are never coordinated.
    let Some(between) = tokens.get(a.end..b.first) else {
        return false;
    };
    let words: Vec<&str> = between.iter().map(|t| t.lower.as_str()).collect();
    if matches!(words.as_slice(), ["and"] | [",", "and"]) {
        return true;
    }
    // "X, Y and Z", "X, Y, and Z": a comma joins names only where the list
    // goes on ("After the board fired Reyes, Helix hired him" has none).
    if words == [","] {
        return tokens
            .get(b.end)
            .is_some_and(|t| matches!(t.lower.as_str(), "," | "and" | "or"));
    }
    // "Trump and North Korean leader Kim", "Costa and her deputy Berg": a
    // title or a relation between "and" and the name.
    let rest = match words.as_slice() {
        ["and", rest @ ..] | [",", "and", rest @ ..] => rest.len(),
        _ => return false,
    };
    let title = &between[between.len() - rest..];
    // "and" between two capitals belongs to the title ("Land and Transport
    // Minister").
    let capital = |k: usize| title.get(k).is_some_and(|t| t.shape == Shape::Capitalized);
    (1..=4).contains(&rest)
        && title.iter().enumerate().all(|(k, t)| {
            (t.lower == "and" && k > 0 && capital(k - 1) && capital(k + 1))
                || t.shape != Shape::Punct
                    && t.lower.chars().all(char::is_alphabetic)
                    && !VERB_GROUP.contains(&t.lower)
                    && !PREPOSITIONS.contains(&t.lower)
                    && !matches!(
                        t.lower.as_str(),
                        "and" | "or" | "but" | "then" | "who" | "which" | "that"
                    )
        })
}

/// "Comey's firing": the actor right before a possessive `'s` before the trigger.
pub(super) fn possessor(site: &Site, i: usize) -> Option<Placed> {
    let (tokens, s_start) = (site.tokens, site.sent.start);
    // "its investigation", "his sudden firing"
    let pronoun = |end: usize| site.possessives.iter().copied().find(|p| p.end == end);
    if let Some(p) = pronoun(i) {
        return Some(p);
    }
    let mut k = i;
    // skip one adjective: "Comey's sudden firing"
    if k > s_start + 1 && tokens[k - 1].shape == Shape::Lower && tokens[k - 1].lower != "'s" {
        k -= 1;
        if let Some(p) = pronoun(k) {
            return Some(p);
        }
    }
    if k > s_start && matches!(tokens[k - 1].lower.as_str(), "'s" | "'") {
        return site
            .names
            .iter()
            .copied()
            .find(|p| p.end == k - 1 && p.kind != EntityType::Place);
    }
    None
}
