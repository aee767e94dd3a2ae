//! Stage 5: event mentions + time expressions → dated events, merged by
//! coreference, ordered by `before`.
//!
//! An event takes the date of the time expression in its own clause, else
//! of the dated heading governing its section; mentions of the same
//! happening (same type, compatible participants and dates) become one
//! event; events still undated and reported as past take the most recent
//! date of their context. `before` comes from dates (respecting their
//! granularity) and from textual cues ("a day after X", "before talks").

use crate::extract::clause::{clause, relative_clause_end};
use crate::extract::events::EventMention;
use crate::model::PartialDate;
use crate::model::{Event, Modality, Role, Timex, Tokens};
use crate::resources::words::events::{DATE_NOT_MODIFIER, DATING_BOUNDARIES};
use crate::resources::Pos;
use std::collections::{HashMap, HashSet};

/// How many of the most recent events a mention may corefer with: bounds
/// the work on very long texts.
const COREF_WINDOW: usize = 400;

/// A dated time expression placed on the token grid.
#[derive(Debug, Clone, Copy)]
struct Placed {
    /// First token.
    tok: usize,
    date: PartialDate,
    heading: bool,
    /// End of a heading range ("May - July 2016").
    range_end: Option<PartialDate>,
    anchored: bool,
    /// A year or date used as a pre-modifier ("the 2016 campaign"): it only
    /// dates a noun trigger right after it.
    modifier: bool,
}

fn place_timexes(toks: &Tokens, timexes: &[Timex]) -> Vec<Placed> {
    timexes
        .iter()
        .filter_map(|t| {
            let date = t.date()?;
            let tok = toks.tokens.partition_point(|x| x.span.start < t.span.start);
            // "since 1996" bounds a state or a series; it is no event's time.
            if tok > 0 && toks.tokens[tok - 1].lower == "since" {
                return None;
            }
            let after = toks.tokens.partition_point(|x| x.span.start < t.span.end);
            let modifier = toks.tokens.get(after).is_some_and(|n| {
                n.shape == crate::model::Shape::Lower
                    && n.lower.chars().all(char::is_alphabetic)
                    && !DATE_NOT_MODIFIER.contains(&n.lower)
            });
            Some(Placed {
                tok,
                date,
                heading: t.heading,
                range_end: t.range_end.as_deref().and_then(PartialDate::parse),
                anchored: t.anchored,
                modifier,
            })
        })
        .collect()
}

/// Date, merge and order the event mentions of one article.
pub fn build(
    toks: &Tokens,
    timexes: &[Timex],
    mentions: Vec<EventMention>,
) -> (Vec<Event>, Vec<(usize, usize)>) {
    let tt = place_timexes(toks, timexes);
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
    let mut verb_tokens: Vec<usize> = mentions
        .iter()
        .filter(|m| m.pos == Pos::Verb)
        .map(|m| m.token)
        .collect();
    verb_tokens.sort_unstable();
    let verb_between = |a: usize, b: usize| {
        let i = verb_tokens.partition_point(|v| *v <= a);
        verb_tokens.get(i).is_some_and(|v| *v < b)
    };
    let mut events: Vec<(Event, bool)> = Vec::new(); // (event, date is explicit)
    for m in &mentions {
        let mut ev = m.event.clone();
        let sent = &toks.sentences[ev.sentence];
        let (c0, own_end) = dating_clause(toks, m.token, sent.tokens.clone());
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
                !verb_between(a, b)
            })
            .min_by_key(|p| p.tok.abs_diff(m.token))
            .copied();
        let heading = heading_of_line(sent.line);
        ev.date = match (explicit, heading) {
            // A date computed from context ("the next day") that falls
            // outside the section's heading yields to the heading.
            (Some(x), Some(h)) if x.anchored && !within_range(x.date, h.date, h.range_end) => {
                Some(h.date)
            }
            (Some(x), _) => Some(x.date),
            (None, Some(h)) => Some(h.date),
            (None, None) => None,
        };
        events.push((ev, explicit.is_some() || heading.is_some()));
    }
    // Coreference: fold each mention into an earlier compatible event.
    let mut clusters: Vec<(Event, bool)> = Vec::new();
    let mut last_sentence: Vec<usize> = Vec::new();
    'next: for (ev, explicit) in events {
        if ev.kind_info().happening && ev.modality == Modality::Asserted {
            // The compatible event with most mentions (the most recent on a
            // tie); a mention naming nobody only joins an event mentioned
            // shortly before.
            let target = clusters
                .iter()
                .enumerate()
                .skip(clusters.len().saturating_sub(COREF_WINDOW))
                .filter(|(ci, (c, _))| {
                    let near = ev.sentence <= last_sentence[*ci] + 3;
                    let vague = ev.participants.is_empty() || c.participants.is_empty();
                    c.kind == ev.kind
                        && c.modality == Modality::Asserted
                        && compatible(c, &ev)
                        && (near || !vague)
                })
                .max_by_key(|(ci, (c, _))| {
                    if ev.participants.is_empty() {
                        (0, *ci)
                    } else {
                        (c.coreferent.len(), *ci)
                    }
                })
                .map(|(ci, _)| ci);
            if let Some(ci) = target {
                let (c, c_explicit) = &mut clusters[ci];
                last_sentence[ci] = ev.sentence;
                c.coreferent.push(ev.trigger);
                for p in &ev.participants {
                    if !c.participants.iter().any(|x| x.entity == p.entity) {
                        c.participants.push(p.clone());
                    }
                }
                if c.date.is_none() || (!*c_explicit && explicit) {
                    c.date = ev.date.or(c.date);
                    // The mention that dates the event is its trigger.
                    if explicit {
                        c.coreferent.retain(|s| *s != ev.trigger);
                        c.coreferent.push(c.trigger);
                        c.trigger = ev.trigger;
                    }
                } else if let (Some(a), Some(b)) = (c.date, ev.date) {
                    if b.day.is_some() && a.day.is_none() && within(b, a) {
                        c.date = Some(b);
                    }
                }
                *c_explicit |= explicit;
                continue 'next;
            }
        }
        last_sentence.push(ev.sentence);
        clusters.push((ev, explicit));
    }
    // Context: undated past events take the latest date before them in the
    // same or the two previous lines.
    let mut events: Vec<Event> = clusters.into_iter().map(|c| c.0).collect();
    for ev in &mut events {
        if ev.date.is_some() || ev.modality != Modality::Asserted {
            continue;
        }
        let line = toks.sentences[ev.sentence].line;
        let tok = toks
            .tokens
            .partition_point(|t| t.span.start < ev.trigger.start);
        // "a week after Solberg met Madsen": dated relative to another event,
        // not by the context.
        let sent = &toks.sentences[ev.sentence];
        let (c0, _) = dating_clause(toks, tok, sent.tokens.clone());
        if c0 > sent.tokens.start
            && matches!(
                toks.tokens[c0 - 1].lower.as_str(),
                "after" | "before" | "since" | "until"
            )
        {
            continue;
        }
        ev.date = tt[..tt.partition_point(|p| p.tok < tok)]
            .iter()
            .rev()
            .take_while(|p| toks.sentences[sentence_of(p.tok)].line + 2 >= line)
            .find(|p| !p.modifier)
            .map(|p| p.date);
    }
    // Order: by dates, then textual cues.
    let mut before = date_order(&events);
    let mut seen: HashSet<(usize, usize)> = before.iter().copied().collect();
    for (a, b) in textual_order(toks, &events) {
        if !seen.contains(&(b, a)) && seen.insert((a, b)) {
            before.push((a, b));
        }
    }
    // "EADS won a contract to supply tankers": in one sentence, what a past
    // tense verb says happened comes before what is planned after it.
    let past: HashSet<usize> = mentions
        .iter()
        .filter(|m| m.pos == Pos::Verb && m.tense == "past")
        .map(|m| m.event.trigger.start)
        .collect();
    for (a, ea) in events.iter().enumerate() {
        if ea.modality != Modality::Asserted || !past.contains(&ea.trigger.start) {
            continue;
        }
        for (b, eb) in events.iter().enumerate() {
            if eb.modality == Modality::Planned
                && eb.sentence == ea.sentence
                && eb.trigger.start > ea.trigger.start
                && !seen.contains(&(b, a))
                && seen.insert((a, b))
            {
                before.push((a, b));
            }
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
    let mut by_date: HashMap<PartialDate, Vec<usize>> = HashMap::new();
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

/// Whether `d` lies within the period from `start` to `end` (or `start`).
fn within_range(d: PartialDate, start: PartialDate, end: Option<PartialDate>) -> bool {
    let last = end.unwrap_or(start).last_day();
    start.first_day() <= d.first_day() && d.last_day() <= last
}

/// The clause that dates the event whose trigger starts at token `t`.
/// Its boundaries are fewer than detection's: dating with those (one set)
/// lowered `before` and `event_dates` on the dev sets.
fn dating_clause(toks: &Tokens, t: usize, sentence: std::ops::Range<usize>) -> (usize, usize) {
    clause(&toks.tokens, t..t + 1, sentence, &DATING_BOUNDARIES)
}

fn within(inner: PartialDate, outer: PartialDate) -> bool {
    outer.first_day() <= inner.first_day() && inner.last_day() <= outer.last_day()
}

fn dates_compatible(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b || within(a, b) || within(b, a),
        _ => true,
    }
}

/// Same happening: dates agree, and the named participants agree (one side
/// may name nobody; patients must not differ).
fn compatible(c: &Event, e: &Event) -> bool {
    if !dates_compatible(c.date, e.date) {
        return false;
    }
    let actors = |ev: &Event| {
        ev.participants
            .iter()
            .filter(|p| p.role != Role::Place)
            .map(|p| (p.entity, p.role))
            .collect::<Vec<_>>()
    };
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

/// "X ... after/following Y" and "X ... before Y" inside one sentence.
fn textual_order(toks: &Tokens, events: &[Event]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let tok_of = |s: usize| toks.tokens.partition_point(|t| t.span.start < s);
    let mut positions: Vec<(usize, usize, usize)> = Vec::new(); // (sentence, token, event)
    for (k, e) in events.iter().enumerate() {
        for sp in std::iter::once(e.trigger).chain(e.coreferent.iter().copied()) {
            let t = tok_of(sp.start);
            let s = toks.sentences.partition_point(|x| x.tokens.end <= t);
            positions.push((s, t, k));
        }
    }
    positions.sort_unstable();
    for w in positions.windows(2) {
        let ((s1, t1, a), (s2, t2, b)) = (w[0], w[1]);
        if s1 != s2 || a == b {
            continue;
        }
        let between: Vec<&str> = toks.tokens[t1 + 1..t2]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        if between.contains(&"after") || between.contains(&"following") {
            out.push((b, a));
        } else if between.contains(&"before") {
            out.push((a, b));
        }
    }
    out
}
