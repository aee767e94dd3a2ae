//! Stage 5: event mentions + time expressions → dated events, merged by
//! coreference, ordered by `before`.
//!
//! An event takes the date of the time expression in its own clause, else
//! of the dated heading governing its section; mentions of the same
//! happening (same type, compatible participants and dates) become one
//! event; events still undated and reported as past take the most recent
//! date of their context. `before` comes from dates (respecting their
//! granularity) and from textual cues ("a day after X", "before talks").

use crate::doc::{Event, Modality, Role, Timex, Tokens};
use crate::events::EventMention;
use crate::lexicon::Pos;
use crate::time::PartialDate;

/// Types whose mentions corefer when their participants and dates agree.
fn happening(kind: &str) -> bool {
    !matches!(kind, "Statement" | "Communication" | "Publication" | "Travel" | "Protest")
}

/// Dated timexes with the token index they start at.
fn timex_tokens(toks: &Tokens, timexes: &[Timex]) -> Vec<(usize, PartialDate, bool)> {
    timexes
        .iter()
        .filter_map(|t| {
            let d = t.date()?;
            let k = toks.tokens.partition_point(|x| x.span.start < t.span.start);
            Some((k, d, t.heading))
        })
        .collect()
}

/// Date, merge and order the event mentions of one article.
pub fn build(toks: &Tokens, timexes: &[Timex], mentions: Vec<EventMention>) -> (Vec<Event>, Vec<(usize, usize)>) {
    let tt = timex_tokens(toks, timexes);
    let sentence_of = |tok: usize| toks.sentences.partition_point(|s| s.tokens.end <= tok);
    // Heading governing each line: the last heading timex on a line at or above it.
    let heading_of_line = |line: usize| -> Option<PartialDate> {
        tt.iter()
            .filter(|(k, _, h)| *h && toks.sentences[sentence_of(*k)].line <= line)
            .last()
            .map(|x| x.1)
    };
    let verb_tokens: Vec<usize> = mentions.iter().filter(|m| m.pos == Pos::Verb).map(|m| m.token).collect();
    let mut events: Vec<(Event, bool)> = Vec::new(); // (event, date is explicit)
    for m in &mentions {
        let mut ev = m.event.clone();
        let sent = &toks.sentences[ev.sentence];
        let (c0, c1) = clause_bounds(toks, m.token, sent.tokens.start, sent.tokens.end);
        // Nearest non-heading timex in the clause with no other verb trigger in between.
        let explicit = tt
            .iter()
            .filter(|(k, _, h)| !h && *k >= c0 && *k < c1)
            .filter(|(k, _, _)| {
                let (a, b) = if *k < m.token { (*k, m.token) } else { (m.token, *k) };
                !verb_tokens.iter().any(|v| *v > a && *v < b)
            })
            .min_by_key(|(k, _, _)| k.abs_diff(m.token))
            .map(|x| x.1);
        ev.date = explicit.or_else(|| heading_of_line(sent.line));
        events.push((ev, explicit.is_some() || heading_of_line(sent.line).is_some()));
    }
    // Coreference: fold each mention into an earlier compatible event.
    let mut clusters: Vec<(Event, bool)> = Vec::new();
    'next: for (ev, explicit) in events {
        if happening(&ev.kind) && ev.modality == Modality::Asserted {
            for (c, c_explicit) in clusters.iter_mut().rev() {
                if c.kind == ev.kind && c.modality == Modality::Asserted && compatible(c, &ev) {
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
        }
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
        let tok = toks.tokens.partition_point(|t| t.span.start < ev.trigger.start);
        ev.date = tt
            .iter()
            .filter(|(k, _, _)| *k < tok)
            .filter(|(k, _, _)| toks.sentences[sentence_of(*k)].line + 2 >= line)
            .last()
            .map(|x| x.1);
    }
    // Order: by dates, then textual cues.
    let mut before = Vec::new();
    for (a, ea) in events.iter().enumerate() {
        for (b, eb) in events.iter().enumerate() {
            if a != b && ea.modality == Modality::Asserted && eb.modality == Modality::Asserted {
                if let (Some(da), Some(db)) = (ea.date, eb.date) {
                    if da.before(&db) {
                        before.push((a, b));
                    }
                }
            }
        }
    }
    for (a, b) in textual_order(toks, &events) {
        if !before.contains(&(a, b)) && !before.contains(&(b, a)) {
            before.push((a, b));
        }
    }
    (events, before)
}

fn clause_bounds(toks: &Tokens, t: usize, s0: usize, s1: usize) -> (usize, usize) {
    const B: &[&str] = &[";", ":", "that", "which", "who", "while", "but", "because", "before", "after", "since", "when"];
    let mut a = t;
    while a > s0 && !B.contains(&toks.tokens[a - 1].lower.as_str()) {
        a -= 1;
    }
    let mut b = t + 1;
    while b < s1 && !B.contains(&toks.tokens[b].lower.as_str()) {
        b += 1;
    }
    (a, b)
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
    let actors = |ev: &Event| ev.participants.iter().filter(|p| p.role != Role::Place).map(|p| (p.entity, p.role)).collect::<Vec<_>>();
    let (a, b) = (actors(c), actors(e));
    if a.is_empty() || b.is_empty() {
        return true;
    }
    let patients = |v: &[(usize, Role)]| v.iter().filter(|p| p.1 == Role::Patient).map(|p| p.0).collect::<Vec<_>>();
    let (pa, pb) = (patients(&a), patients(&b));
    if !pa.is_empty() && !pb.is_empty() && !pa.iter().any(|x| pb.contains(x)) {
        return false;
    }
    if c.kind == "Meeting" {
        // Meetings: the smaller set of people is within the larger.
        let (small, large) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
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
        let between: Vec<&str> = toks.tokens[t1 + 1..t2].iter().map(|t| t.lower.as_str()).collect();
        if between.contains(&"after") || between.contains(&"following") {
            out.push((b, a));
        } else if between.contains(&"before") {
            out.push((a, b));
        }
    }
    out
}
