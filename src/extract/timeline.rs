//! Stage 5: event mentions + time expressions → dated events, merged by
//! coreference, ordered by `before`.
//!
//! An event takes the date of the time expression in its own clause, else
//! of the dated heading governing its section; mentions of the same
//! happening (same type, compatible participants and dates) become one
//! event (an untyped one only with mentions of the same word); a "when"
//! clause's event dates the event it is attached to, a verb the event
//! noun it has as subject, and a past verb the past verb coordinated after
//! it (`simultaneous`);
//! nothing else dates an event. `before` comes from dates (respecting their
//! granularity), textual cues ("a day after X", "before talks"), and tense
//! and aspect inside a sentence (past perfect before simple past, a simple
//! past before what it plans). General verbs (`Event::generic`) stay only
//! where they have a subject, a time of their own, or an order with an
//! event that stays.

use crate::extract::clause::{clause, relative_clause_end};
use crate::extract::events::EventMention;
use crate::model::PartialDate;
use crate::model::{Coreferent, Event, Modality, Role, Timex, Tokens};
use crate::resources::words::events::{AUXILIARIES, DATING_BOUNDARIES, REACTION_VERBS};
use crate::resources::Pos;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

mod arguments;
mod offset;
mod placed;
mod tense;
use placed::{place_timexes, Placed};
use tense::{aspects, tense_order};

/// Verbs after which "before" names where, not when ("appeared before the
/// court").
const APPEARING: [&str; 14] = [
    "appear",
    "appeared",
    "appearing",
    "appears",
    "testify",
    "testified",
    "testifying",
    "testifies",
    "stand",
    "stood",
    "standing",
    "brought",
    "hauled",
    "summoned",
];

/// How many of the most recent events a mention may corefer with: bounds
/// the work on very long texts.
const COREF_WINDOW: usize = 400;

/// Date, merge and order the event mentions of one article.
pub fn build(
    toks: &Tokens,
    timexes: &[Timex],
    mentions: Vec<EventMention>,
) -> (Vec<Event>, Vec<(usize, usize)>) {
    let mut verb_tokens: Vec<usize> = mentions
        .iter()
        .filter(|m| m.pos == Pos::Verb)
        .map(|m| m.token)
        .collect();
    verb_tokens.sort_unstable();
    let tt = place_timexes(toks, timexes, &verb_tokens);
    let sentence_of = |tok: usize| toks.sentences.partition_point(|s| s.tokens.end <= tok);
    // Heading governing each line: the last heading at or above it (one pass).
    let mut governing: Vec<Option<Placed>> = vec![None; toks.lines.len()];
    {
        let mut current = None;
        let mut headings = tt.iter().filter(|p| p.heading).peekable();
        for (line, slot) in governing.iter_mut().enumerate() {
            while let Some(h) = headings.peek() {
                if toks.sentences[sentence_of(h.tok)].line <= line {
                    current = Some(**h);
                    headings.next();
                } else {
                    break;
                }
            }
            *slot = current;
        }
    }
    let heading_of_line = |line: usize| governing.get(line).copied().flatten();
    // Timexes and verb triggers are in text order: search them by position.
    let timexes_in = |a: usize, b: usize| {
        let lo = tt.partition_point(|p| p.tok < a);
        let hi = tt.partition_point(|p| p.tok < b);
        &tt[lo..hi.max(lo)]
    };
    let verb_between = |a: usize, b: usize| {
        let i = verb_tokens.partition_point(|v| *v <= a);
        verb_tokens.get(i).is_some_and(|v| *v < b)
    };
    let mut statement_tokens: Vec<usize> = mentions
        .iter()
        .filter(|m| m.pos == Pos::Verb && m.event.kind == "Statement")
        .map(|m| m.token)
        .collect();
    statement_tokens.sort_unstable();
    let statement_between = |a: usize, b: usize| {
        let i = statement_tokens.partition_point(|v| *v < a);
        statement_tokens.get(i).is_some_and(|v| *v < b)
    };
    let mut events: Vec<(Event, bool)> = Vec::new(); // (event, date is explicit)
    let mut own_time: Vec<bool> = Vec::new(); // a time expression of its own clause dates it
    let in_headline: Vec<(bool, bool)> = (mentions.iter())
        .map(|m| (m.headline, m.pos == Pos::Verb))
        .collect();
    // "the attack", "this meeting": a definite event noun naming nobody.
    let definite: Vec<bool> = (mentions.iter())
        .map(|m| {
            m.pos == Pos::Noun
                && m.event.participants.is_empty()
                && m.token > toks.sentences[m.event.sentence].tokens.start
                && matches!(
                    toks.tokens[m.token - 1].lower.as_str(),
                    "the" | "this" | "that"
                )
        })
        .collect();
    for m in &mentions {
        let mut ev = m.event.clone();
        ev.local = ev.participants.clone();
        let sent = &toks.sentences[ev.sentence];
        let (mut c0, own_end) = dating_clause(toks, m.token, sent.tokens.clone());
        // "They will meet in May, officials said.": a report after the
        // comma that closes what it reports has no time of its own there.
        if ev.kind == "Statement" && m.pos == Pos::Verb {
            let end = m.token + m.len;
            // ("…, said Maria Lontoc, the regional police chief.": the
            // speaker and what she is, no verb of their own.)
            let rest_is_punct = toks.tokens[end..sent.tokens.end]
                .iter()
                .all(|t| t.shape == crate::model::Shape::Punct)
                || toks
                    .tokens
                    .get(end)
                    .is_some_and(|t| t.shape == crate::model::Shape::Capitalized)
                    && !verb_between(end, sent.tokens.end)
                // ("…, spokesman Jonas Berg told reporters.": whom it was
                // told, a word or two.)
                || sent.tokens.end <= end + 3
                    && !verb_between(end, sent.tokens.end)
                    && toks.tokens[end..sent.tokens.end]
                        .iter()
                        .all(|t| t.lower.chars().all(char::is_alphabetic) || t.shape == crate::model::Shape::Punct);
            let comma = (m.token.saturating_sub(5).max(c0)..m.token)
                .rev()
                .find(|&k| toks.tokens[k].lower == ",");
            if let (true, Some(k)) = (rest_is_punct, comma) {
                c0 = k + 1;
            }
        }
        let c1 = if m.pos == Pos::Noun {
            relative_clause_end(&toks.tokens, m.token + m.len - 1, own_end, sent.tokens.end)
        } else {
            own_end
        };
        // Nearest non-heading timex in the clause with no other verb trigger in between.
        let explicit = timexes_in(c0, c1)
            .iter()
            .filter(|p| !p.heading)
            .filter(|p| {
                !p.modifier || (m.pos == Pos::Noun && p.tok < m.token && m.token <= p.tok + 3)
            })
            .filter(|p| {
                // A time in the noun's relative clause is its own ("the
                // talks that they started last month").
                if p.tok >= own_end {
                    return true;
                }
                let (a, b) = if p.tok < m.token {
                    (p.tok, m.token)
                } else {
                    (m.token, p.tok)
                };
                // "fought it in 2004 and took leave in 2009": a time
                // before "and" dates the first of two coordinated verbs.
                let coordinated = m.pos == Pos::Verb
                    && p.tok < m.token
                    && (m.token.saturating_sub(3).max(p.tok)..m.token)
                        .any(|k| matches!(toks.tokens[k].lower.as_str(), "and" | "or"));
                // "said on Sunday she would meet them": a time right
                // after another verb is that verb's, not a planned event's.
                // So is a time before a noun, after a verb: "arrested
                // three men early on Wednesday over a bombing" (not
                // "Monday's bombing", which modifies it).
                // So is a time right after a verb of saying before a past
                // perfect it reports ("said on Wednesday it had found no
                // fraud").
                let perfect = m.pos == Pos::Verb
                    && (m.token.saturating_sub(3)..m.token).any(|k| toks.tokens[k].lower == "had");
                // "condemned the bombing on Tuesday": a time after an event
                // noun that a verb of reaction takes is the reaction's.
                let reacted_to = m.pos == Pos::Noun
                    && p.tok > m.token
                    && m.token >= sent.tokens.start + 2
                    && matches!(
                        toks.tokens[m.token - 1].lower.as_str(),
                        "the" | "this" | "that" | "its" | "their" | "his" | "her"
                    )
                    && REACTION_VERBS.contains(&toks.tokens[m.token - 2].lower);
                let taken = reacted_to
                    || p.tok < m.token
                        && (perfect && statement_between(p.tok.saturating_sub(4), p.tok)
                            || ev.modality == Modality::Planned
                                && verb_between(p.tok.saturating_sub(4), p.tok)
                            || m.pos == Pos::Noun
                                && !p.modifier
                                && verb_between(p.tok.saturating_sub(6), p.tok));
                // "Costa, who arrived on Tuesday, said": the relative
                // clause closed before the trigger keeps its time.
                // So does a past participle's clause between commas
                // ("Costa, arrested in Lisbon on Monday, denied the
                // charges"; not "Costa, speaking on Monday, said": one
                // occasion).
                let participle_aside = || {
                    let t = &toks.tokens;
                    let Some(open) = (sent.tokens.start..p.tok)
                        .rev()
                        .find(|&k| t[k].lower == ",")
                    else {
                        return false;
                    };
                    let first = &t[open + 1];
                    first.shape == crate::model::Shape::Lower
                        && first.lower.len() > 4
                        && first.lower.ends_with("ed")
                        && (open + 1..p.tok).all(|k| t[k].lower != ",")
                };
                // So does one that closes without a comma, right before the
                // trigger's auxiliaries ("two men who were kidnapped in May
                // were released on Friday").
                let unclosed = || {
                    let t = &toks.tokens;
                    let mut a = m.token;
                    while a > p.tok + 1
                        && (AUXILIARIES.contains(&t[a - 1].lower) || t[a - 1].lower == "been")
                    {
                        a -= 1;
                    }
                    a < m.token
                        && a <= p.tok + 3
                        && (sent.tokens.start..p.tok).any(|k| {
                            matches!(t[k].lower.as_str(), "who" | "which" | "that")
                                && verb_between(k, p.tok)
                        })
                };
                let relative = p.tok < m.token
                    && ((p.tok + 1..m.token).any(|k| toks.tokens[k].lower == ",")
                        && (c0 > sent.tokens.start
                            && matches!(toks.tokens[c0 - 1].lower.as_str(), "who" | "which")
                            || m.pos == Pos::Verb && participle_aside())
                        || m.pos == Pos::Verb && unclosed());
                // "said he had pocketed it between 2019 and 2023": a time
                // after a past perfect that a report goes on with is the
                // reported event's.
                // So is a time after a finite verb the report goes on with
                // ("said the deal would close in May", "said the plant
                // closed in May"): an auxiliary, a modal, "that" or a past
                // form a word or more after the verb of saying.
                let reported = ev.kind == "Statement"
                    && m.pos == Pos::Verb
                    && p.tok > m.token
                    && (m.token + 1..p.tok).any(|k| {
                        let w = toks.tokens[k].lower.as_str();
                        AUXILIARIES.contains(w)
                            || matches!(
                                w,
                                "that"
                                    | "can"
                                    | "could"
                                    | "may"
                                    | "might"
                                    | "must"
                                    | "should"
                                    | "shall"
                            )
                            || k > m.token + 1
                                && toks.tokens[k].shape == crate::model::Shape::Lower
                                && w.len() > 4
                                && w.ends_with("ed")
                    });
                !verb_between(a, b) && !coordinated && !taken && !relative && !reported
            })
            // (On a tie, the time after the trigger: "who were kidnapped
            // in May were released on Friday".)
            .min_by_key(|p| (p.tok.abs_diff(m.token), p.tok < m.token))
            .copied()
            .or_else(|| {
                timexes_in(m.token, sent.tokens.end)
                    .iter()
                    .find(|p| p.caption)
                    .copied()
            });
        let heading = heading_of_line(sent.line);
        ev.date = match (explicit, heading) {
            // A date computed from context ("the next day") that falls
            // outside the section's heading yields to the heading.
            (Some(x), Some(h)) if x.anchored && !x.date.within(&h.date, h.range_end.as_ref()) => {
                Some(h.date)
            }
            (Some(x), _) => Some(x.date),
            (None, Some(h)) => Some(h.date),
            (None, None) => None,
        };
        own_time.push(explicit.is_some());
        events.push((ev, explicit.is_some() || heading.is_some()));
    }
    crate::extract::simultaneous::share_dates(toks, &mentions, &mut events, &mut own_time);
    // Coreference: fold each mention into an earlier compatible event.
    let mut clusters: Vec<(Event, bool)> = Vec::new();
    let mut timed: Vec<bool> = Vec::new();
    let mut last_sentence: Vec<usize> = Vec::new();
    // The clusters of each type, in order: a mention looks at its own type's
    // only (a long text has thousands of clusters in the window).
    let mut by_kind: HashMap<String, Vec<usize>> = HashMap::default();
    // Whether each cluster's trigger is a headline's word.
    let mut headline_trigger: Vec<bool> = Vec::new();
    'next: for ((((ev, explicit), own), (headline, verbal)), definite) in events
        .into_iter()
        .zip(own_time)
        .zip(in_headline)
        .zip(definite)
    {
        if ev.kind_info().happening && ev.modality == Modality::Asserted {
            // The compatible event with most mentions (the most recent on a
            // tie); a mention naming nobody only joins an event mentioned
            // shortly before.
            let window = clusters.len().saturating_sub(COREF_WINDOW);
            let same_kind = by_kind.get(&ev.kind).map_or(&[][..], Vec::as_slice);
            let untyped = ev.kind_info().untyped;
            let target = same_kind[same_kind.partition_point(|&ci| ci < window)..]
                .iter()
                .copied()
                .filter(|&ci| {
                    let c = &clusters[ci].0;
                    let near = ev.sentence <= last_sentence[ci] + 3;
                    // A place alone does not say which happening it is
                    // ("an attack in X" and "a shooting in Y").
                    let vague = !has_actor(&ev) || !has_actor(c);
                    // An untyped event, or a verb naming nobody ("which
                    // had been hired"), is only the same happening as a
                    // mention of the same word.
                    (!(untyped || verbal && ev.participants.is_empty()) || c.lemma == ev.lemma)
                        && c.modality == Modality::Asserted
                        && compatible(c, &ev)
                        && (near || !vague)
                })
                .max_by_key(|&ci| {
                    if ev.participants.is_empty() {
                        (0, ci)
                    } else {
                        (clusters[ci].0.coreferent.len(), ci)
                    }
                });
            // "the attack" paragraphs after the story's only attack: that
            // attack, however far back.
            let target = target.or_else(|| {
                if !definite || untyped {
                    return None;
                }
                let mut earlier = same_kind.iter().copied().filter(|&ci| {
                    let c = &clusters[ci].0;
                    c.modality == Modality::Asserted && compatible(c, &ev)
                });
                match (earlier.next(), earlier.next()) {
                    (Some(ci), None) if same_kind.len() == 1 => Some(ci),
                    _ => None,
                }
            });
            if let Some(ci) = target {
                let (c, c_explicit) = &mut clusters[ci];
                last_sentence[ci] = ev.sentence;
                c.coreferent.push(Coreferent {
                    trigger: ev.trigger,
                    sentence: ev.sentence,
                    participants: ev.local.clone(),
                });
                for p in &ev.participants {
                    if !c.participants.iter().any(|x| x.entity == p.entity) {
                        c.participants.push(p.clone());
                    }
                }
                // The mention that dates the event is its trigger, and so
                // is the story's first over the headline's: the sentence
                // that tells the event holds its details and its order.
                let mut promote = headline_trigger[ci] && !headline;
                if c.date.is_none() || (!*c_explicit && explicit) {
                    c.date = ev.date.or(c.date);
                    promote |= explicit;
                } else if let (Some(a), Some(b)) = (c.date, ev.date) {
                    if b.day.is_some() && a.day.is_none() && b.within(&a, None) {
                        c.date = Some(b);
                    }
                }
                if promote {
                    let told = c.coreferent.pop().expect("the mention just added");
                    c.coreferent.push(Coreferent {
                        trigger: c.trigger,
                        sentence: c.sentence,
                        participants: std::mem::replace(&mut c.local, told.participants),
                    });
                    c.trigger = told.trigger;
                    c.sentence = ev.sentence;
                    headline_trigger[ci] = headline;
                }
                *c_explicit |= explicit;
                timed[ci] |= own;
                continue 'next;
            }
        }
        last_sentence.push(ev.sentence);
        headline_trigger.push(headline);
        timed.push(own);
        by_kind
            .entry(ev.kind.clone())
            .or_default()
            .push(clusters.len());
        clusters.push((ev, explicit));
    }
    // An event with no time of its own and no dated heading stays undated:
    // a date is not inherited from the sentences around it.
    let mut events: Vec<Event> = clusters.into_iter().map(|c| c.0).collect();
    offset::offset_dates(toks, &mut events);
    // Order from the text: connectives, then tense and aspect; over every
    // event, general verbs included.
    let aspects = aspects(toks, &mentions);
    let mut cues = textual_order(toks, &events);
    let verbs: HashSet<usize> = mentions
        .iter()
        .filter(|m| m.pos == Pos::Verb)
        .map(|m| m.event.trigger.start)
        .collect();
    cues.extend(tense_order(toks, &events, &aspects, &verbs));
    cues.extend(arguments::argument_order(toks, &events, &verbs));
    // A general verb stays where the text says who did it, when, or what
    // came before or after an event that stays.
    let mut keep: Vec<bool> = events
        .iter()
        .zip(&timed)
        .map(|(e, &t)| !e.generic || !e.participants.is_empty() || t)
        .collect();
    let anchored = keep.clone();
    for &(a, b) in &cues {
        if anchored[a] || anchored[b] {
            keep[a] = true;
            keep[b] = true;
        }
    }
    let mut new_index = vec![usize::MAX; events.len()];
    let mut kept = Vec::with_capacity(events.len());
    for (i, ev) in events.into_iter().enumerate() {
        if keep[i] {
            new_index[i] = kept.len();
            kept.push(ev);
        }
    }
    let events = kept;
    // Dates first; a textual pair never contradicts one already found.
    let mut before = date_order(&events);
    let mut seen: HashSet<(usize, usize)> = before.iter().copied().collect();
    for (a, b) in cues {
        let (a, b) = (new_index[a], new_index[b]);
        if a != usize::MAX
            && b != usize::MAX
            && a != b
            && !seen.contains(&(b, a))
            && seen.insert((a, b))
        {
            before.push((a, b));
        }
    }
    (events, before)
}

/// Most `before` pairs derived from dates for one article: bounds the work
/// and the output on very long texts.
const MAX_DATE_PAIRS: usize = 20_000;

/// `before` from dates, as the transitive reduction: each event before the
/// events of the next dates (respecting granularity); the order of any two
/// dated events follows by transitivity (`ng:before+` in queries).
fn date_order(events: &[Event]) -> Vec<(usize, usize)> {
    let mut by_date: HashMap<PartialDate, Vec<usize>> = HashMap::default();
    for (i, e) in events.iter().enumerate() {
        if let (Some(d), Modality::Asserted) = (e.date, e.modality) {
            by_date.entry(d).or_default().push(i);
        }
    }
    let mut dates: Vec<PartialDate> = by_date.keys().copied().collect();
    dates.sort_by_key(PartialDate::sort_key);
    let mut out = Vec::new();
    for (i, di) in dates.iter().enumerate() {
        // The immediate successors of di: dates after it and after none of
        // the successors already found (dates come sorted by first day).
        let mut successors: Vec<PartialDate> = Vec::new();
        for dj in &dates[i + 1..] {
            if di.before(dj) && !successors.iter().any(|m| m.before(dj)) {
                successors.push(*dj);
            }
        }
        for dj in successors {
            for &a in &by_date[di] {
                for &b in &by_date[&dj] {
                    if out.len() >= MAX_DATE_PAIRS {
                        return out;
                    }
                    out.push((a, b));
                }
            }
        }
    }
    out
}

/// The clause that dates the event whose trigger starts at token `t`.
/// Its boundaries are fewer than detection's: dating with those (one set)
/// lowered `before` and `event_dates` on the dev sets.
fn dating_clause(toks: &Tokens, t: usize, sentence: std::ops::Range<usize>) -> (usize, usize) {
    clause(&toks.tokens, t..t + 1, sentence, &DATING_BOUNDARIES)
}

/// Someone other than a place takes part in the event.
fn has_actor(e: &Event) -> bool {
    e.participants.iter().any(|p| p.role != Role::Place)
}

/// Same happening: dates agree (one within the other), and the named
/// participants agree (one side may name nobody; patients must not differ).
fn compatible(c: &Event, e: &Event) -> bool {
    if let (Some(a), Some(b)) = (c.date, e.date) {
        if !a.within(&b, None) && !b.within(&a, None) {
            return false;
        }
    }
    let actors = |ev: &Event| {
        ev.participants
            .iter()
            .filter(|p| p.role != Role::Place)
            .map(|p| (p.entity, p.role))
            .collect::<Vec<_>>()
    };
    // "shot in Ohio; … were then shot in Utah": two places, two events.
    let places = |ev: &Event| {
        ev.participants
            .iter()
            .filter(|p| p.role == Role::Place)
            .map(|p| p.entity)
            .collect::<Vec<_>>()
    };
    let (pc, pe) = (places(c), places(e));
    if !pc.is_empty() && !pe.is_empty() && !pc.iter().any(|x| pe.contains(x)) {
        return false;
    }
    let (a, b) = (actors(c), actors(e));
    if a.is_empty() || b.is_empty() {
        return true;
    }
    let patients = |v: &[(usize, Role)]| {
        v.iter()
            .filter(|p| p.1 == Role::Patient)
            .map(|p| p.0)
            .collect::<Vec<_>>()
    };
    let (pa, pb) = (patients(&a), patients(&b));
    if !pa.is_empty() && !pb.is_empty() && !pa.iter().any(|x| pb.contains(x)) {
        return false;
    }
    if c.kind_info().nested_participants {
        // Meetings: the smaller set of people is within the larger.
        let (small, large) = if a.len() <= b.len() {
            (&a, &b)
        } else {
            (&b, &a)
        };
        return small.iter().all(|x| large.iter().any(|y| y.0 == x.0));
    }
    a.iter().any(|x| b.iter().any(|y| y.0 == x.0))
}

/// Order from connectives: "X ... after/following Y" and "X ... before /
/// prior to Y" inside one sentence, between neighbouring events ("After X,
/// Y" and "Before X, Y" too) (and
/// between neighbouring typed events, past a general verb: "the dismissal
/// came a week after they met"); "X. Later, Y" and "then Y" after the event
/// named last before, "earlier" before it.
fn textual_order(toks: &Tokens, events: &[Event]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let tok_of = |s: usize| toks.tokens.partition_point(|t| t.span.start < s);
    let mut positions: Vec<(usize, usize, usize)> = Vec::new(); // (sentence, token, event)
    for (k, e) in events.iter().enumerate() {
        for sp in std::iter::once(e.trigger).chain(e.coreferent.iter().map(|c| c.trigger)) {
            let t = tok_of(sp.start);
            let s = toks.sentences.partition_point(|x| x.tokens.end <= t);
            positions.push((s, t, k));
        }
    }
    positions.sort_unstable();
    let typed: Vec<(usize, usize, usize)> = positions
        .iter()
        .copied()
        .filter(|p| !events[p.2].generic)
        .collect();
    for list in [&positions, &typed] {
        for w in list.windows(2) {
            let ((s1, t1, a), (s2, t2, b)) = (w[0], w[1]);
            if s1 != s2 || a == b {
                continue;
            }
            let between: Vec<&str> = toks.tokens[t1 + 1..t2]
                .iter()
                .map(|t| t.lower.as_str())
                .collect();
            // The connective's clause runs to the second trigger: no comma
            // between ("Testifying before the committee, Costa, who was
            // appointed in 2023, said": no order), and "before" after a
            // verb of appearing is a place ("testified before Congress and
            // denied it").
            let connective = |words: &[&str]| {
                between
                    .iter()
                    .rposition(|w| words.contains(w))
                    .filter(|&k| {
                        let comma = between[k..].contains(&",");
                        let place = between[k] == "before"
                            && APPEARING.contains(&toks.tokens[t1 + k].lower.as_str());
                        !comma && !place
                    })
            };
            if connective(&["after", "following"]).is_some() {
                out.push((b, a));
            } else if connective(&["before"]).is_some()
                || between.windows(2).any(|w| w == ["prior", "to"])
            {
                out.push((a, b));
            } else if between.contains(&",") {
                // "After the plane was delivered, it flew on": the clause a
                // connective opening the sentence starts, then the one after
                // its comma ("Shortly after", "But before" too).
                let first = toks.sentences[s1].tokens.start;
                let word = |k: usize| toks.tokens.get(k).map_or("", |t| t.lower.as_str());
                let k = if matches!(
                    word(first),
                    "shortly" | "soon" | "just" | "long" | "but" | "and"
                ) {
                    first + 1
                } else {
                    first
                };
                let opener = (k < t1)
                    .then(|| word(k))
                    .filter(|w| matches!(*w, "after" | "following" | "before" | "until"));
                match opener {
                    Some("after" | "following") => out.push((a, b)),
                    Some("before" | "until") => out.push((b, a)),
                    _ => {}
                }
            }
        }
    }
    // Discourse adverbs: the first trigger after one (within three words,
    // or in a sentence the adverb opens)
    // follows the typed event named last before it ("Madsen later held
    // talks"; "Earlier, the two had met" precedes it).
    for (n, &(s, t, e)) in positions.iter().enumerate() {
        let start = toks.sentences[s].tokens.start;
        let adverb = (t.saturating_sub(3).max(start)..t)
            .chain(start..start + 1)
            .map(|k| (k, toks.tokens[k].lower.as_str()))
            .find(|(_, w)| {
                matches!(
                    *w,
                    "later" | "then" | "afterwards" | "subsequently" | "earlier"
                )
            });
        let Some((k, adverb)) = adverb else { continue };
        // Only the first trigger after the adverb.
        if n > 0 && positions[n - 1].0 == s && positions[n - 1].1 > k {
            continue;
        }
        let earlier = positions[..n].iter().rev().filter(|p| p.2 != e);
        // An event before the adverb in its own sentence ("took leave in
        // 2009, later revealing"), else the typed event named last before.
        let prev = earlier
            .clone()
            .take_while(|p| p.0 == s)
            .find(|p| p.1 < k)
            .or_else(|| earlier.clone().find(|p| !events[p.2].generic))
            .or_else(|| earlier.clone().next());
        let Some(&(_, _, prev)) = prev else { continue };
        if adverb == "earlier" {
            out.push((e, prev));
        } else {
            out.push((prev, e));
        }
    }
    out
}
