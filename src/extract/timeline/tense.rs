//! Order from tense and aspect inside one sentence: a past perfect before
//! the simple past around it, a report after what it tells, a plan after
//! what it follows from, a result after its cause.

use crate::extract::events::{undertaking_verb, EventMention};
use crate::model::{Event, Modality, Shape, Span, Tokens};
use crate::resources::words::events::{
    ASPECT_VERBS, AUXILIARIES, BARE_FORM_GOVERNORS, EVIDENCE_VERBS, RESULT_PARTICIPLES,
    STATIVE_VERBS,
};
use crate::resources::Pos;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Tense and aspect of an event mention's verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Aspect {
    /// "had met": before the simple past around it.
    PastPerfect,
    /// "has settled": before the report that states it.
    PresentPerfect,
    /// "meets": the reference time of the sentence.
    Simple,
    /// "met": the same, in the past.
    SimplePast,
    /// "will meet", "plans to meet", "to supply": after the simple past
    /// before it.
    Planned,
    /// Nouns, gerunds, participles and what the words do not settle.
    Other,
}

/// The aspect of each verb mention, by the position of its trigger.
pub(super) fn aspects(toks: &Tokens, mentions: &[EventMention]) -> HashMap<usize, Aspect> {
    let tokens = &toks.tokens;
    mentions
        .iter()
        .map(|m| {
            let ev = &m.event;
            let aspect = if ev.modality == Modality::Planned {
                Aspect::Planned
            } else if m.pos == Pos::Noun && ev.modality == Modality::Asserted {
                undertaken(toks, m.token).unwrap_or(Aspect::Other)
            } else if m.pos != Pos::Verb || ev.modality != Modality::Asserted {
                Aspect::Other
            } else {
                // The auxiliary before the verb, past adverbs, "be" and "been".
                let start = toks.sentences[ev.sentence].tokens.start;
                let aux = (start..m.token)
                    .rev()
                    .map(|k| tokens[k].lower.as_str())
                    .find(|w| {
                        !(w.ends_with("ly")
                            || matches!(
                                *w,
                                "been"
                                    | "be"
                                    | "not"
                                    | "n't"
                                    | "also"
                                    | "already"
                                    | "just"
                                    | "never"
                                    | "since"
                            ))
                    });
                match (aux, m.tense.as_str()) {
                    (Some("had"), "past" | "pastpart") => Aspect::PastPerfect,
                    (Some("has" | "have"), "past" | "pastpart") => Aspect::PresentPerfect,
                    // "will meet", "to supply"; "would be replaced".
                    (Some("to" | "will" | "would" | "shall"), "base" | "past" | "pastpart") => {
                        Aspect::Planned
                    }
                    // "are required": a present passive.
                    (Some("is" | "are" | "am"), "past") => Aspect::Simple,
                    (_, "past") => Aspect::SimplePast,
                    (_, "pres") => Aspect::Simple,
                    // A bare form after its subject is a simple present
                    // ("experts say", "they intend"); after a modal or a
                    // verb ("could say", "let them say") it is not.
                    (Some(w), "base") if !BARE_FORM_GOVERNORS.contains(w) => Aspect::Simple,
                    _ => Aspect::Other,
                }
            };
            (ev.trigger.start, aspect)
        })
        .collect()
}

/// The aspect of an event noun that a verb of undertaking governs ("rebels
/// launched an attack", "police had opened an inquiry"): the verb's, where
/// it is a past form ("launched", "began", "led") after its subject or an
/// auxiliary of the perfect.
fn undertaken(toks: &Tokens, i: usize) -> Option<Aspect> {
    let tokens = &toks.tokens;
    let v = undertaking_verb(tokens, 0, i, true)?;
    let verb = tokens[v].lower.as_str();
    let past = verb.ends_with("ed") || matches!(verb, "began" | "begun" | "led");
    if !past {
        return None;
    }
    Some(match v.checked_sub(1).map(|k| tokens[k].lower.as_str()) {
        Some("had") => Aspect::PastPerfect,
        Some("has" | "have") => Aspect::PresentPerfect,
        Some("will" | "would" | "to" | "is" | "are" | "was" | "were" | "be" | "been") => {
            return None
        }
        _ => Aspect::SimplePast,
    })
}

/// `before` pairs from tense and aspect inside one sentence: a past perfect
/// comes before the simple past or present around it ("they had met when
/// the talks began", "experts say the deal had collapsed"); a present
/// perfect before the earlier report that states it ("Acme announced it has
/// settled"); a simple past or a present perfect before what is planned
/// after it ("the firm won a contract to build ships", "Acme has won a
/// contract to supply jets"); a past verb before the past verb it is
/// coordinated with ("arrived and met them"); an event a report tells in the simple past
/// before the report ("police said the gunman fled").
pub(super) fn tense_order(
    toks: &Tokens,
    events: &[Event],
    aspects: &HashMap<usize, Aspect>,
    verbs: &HashSet<usize>,
) -> Vec<(usize, usize)> {
    let aspect = |s: Span| aspects.get(&s.start).copied().unwrap_or(Aspect::Other);
    // Pairs inside a sentence only: each mention of each event (an event
    // told in the headline and again in the story is ordered where the
    // story tells it), grouped by sentence first (over all pairs of a long
    // text's events it was quadratic).
    let mut by_sentence: HashMap<usize, Vec<(usize, Span)>> = HashMap::default();
    for (k, e) in events.iter().enumerate() {
        by_sentence
            .entry(e.sentence)
            .or_default()
            .push((k, e.trigger));
        for s in e.coreferent.iter().map(|c| c.trigger) {
            let si = toks
                .sentences
                .partition_point(|x| x.span.end <= s.start)
                .min(toks.sentences.len().saturating_sub(1));
            by_sentence.entry(si).or_default().push((k, s));
        }
    }
    let mut groups: Vec<Vec<(usize, Span)>> = by_sentence.into_values().collect();
    groups.sort_unstable_by_key(|g| g.first().map(|(_, s)| s.start));
    let mut out = Vec::new();
    for group in &groups {
        for (&(a, sa), &(b, sb)) in group.iter().flat_map(|x| group.iter().map(move |y| (x, y))) {
            if a == b {
                continue;
            }
            let a_first = sa.start < sb.start;
            let simple = |x: Aspect| matches!(x, Aspect::Simple | Aspect::SimplePast);
            // "they intend to launch", "telling people to call back",
            // "ordered the police to arrest": what a verb's infinitive
            // complement says comes after it, whatever their tenses.
            let complement = a_first
                && verbs.contains(&sa.start)
                && !events[a].kind_info().symmetric
                && infinitive_complement(toks, sa, sb);
            // "The bus crashed on Monday, killing nine": what the
            // participle after the comma tells, the crash led to.
            let result =
                a_first && aspect(sa) == Aspect::SimplePast && result_participle(toks, sa, sb);
            // "obtained a prototype and published details of it": two past
            // acts told one after the other, as they happened.
            let sequence = a_first
                && aspect(sa) == Aspect::SimplePast
                && aspect(sb) == Aspect::SimplePast
                && events[a].lemma != events[b].lemma
                && (events[a].kind != events[b].kind || events[a].kind_info().untyped)
                && coordinated_sequence(toks, verbs, sa, sb);
            // "The bridge, built in 1890, was closed": what a participle
            // set off after its subject tells came before the verb; not a
            // state ("owned by the city") nor an inverted report ("the
            // donors, said Costa, are required").
            let parenthetical = a_first
                && matches!(aspect(sa), Aspect::SimplePast | Aspect::Other)
                && !STATIVE_VERBS.contains(&events[a].lemma)
                && !matches!(events[a].lemma.as_str(), "say" | "tell" | "add")
                && !matches!(aspect(sb), Aspect::Other)
                && participle_phrase(toks, verbs, sa, sb);
            let ordered = complement
                || result
                || sequence
                || parenthetical
                || match (aspect(sa), aspect(sb)) {
                    // ("had been arrested after a businessman recorded a
                    // meeting in which the mayor demanded cash": what the
                    // "after" clause tells came first.)
                    (Aspect::PastPerfect, y) if simple(y) => {
                        !(a_first && after_clause_between(toks, sa, sb))
                    }
                    // "a memo stating that the firm had missed its targets": a past
                    // perfect before the report that tells it, whatever
                    // the report's form.
                    (Aspect::PastPerfect, Aspect::Other) => {
                        !a_first && verbs.contains(&sb.start) && reports(toks, &events[b])
                    }
                    // ("A reporter who was arrested on Monday has been
                    // released": no report, no order.)
                    (Aspect::PresentPerfect, Aspect::Simple) => !a_first,
                    (Aspect::PresentPerfect, Aspect::SimplePast) => {
                        !a_first && (reports(toks, &events[b]) || !in_relative_clause(toks, sb))
                    }
                    // What a meeting is held to do ("met on Monday in Oslo to
                    // discuss the contract") is done at it, not after it.
                    (
                        Aspect::Simple | Aspect::SimplePast | Aspect::PresentPerfect,
                        Aspect::Planned,
                    ) => a_first && !events[a].kind_info().symmetric,
                    // "Police said the gunman killed three people", "...,
                    // officials said": what a report tells in the past happened
                    // before the report.
                    (Aspect::SimplePast, y) => {
                        simple(y)
                            && reports(toks, &events[b])
                            && !reports(toks, &events[a])
                            && !temporal_clause_between(toks, sa, sb)
                            && !in_relative_clause(toks, sb)
                    }
                    _ => false,
                };
            if ordered {
                out.push((a, b));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether an event tells what another is: a statement, or a verb of
/// evidence or belief before "that" ("the audit showed that",
/// "investigators found that"; not "the files were found", "showed up").
fn reports(toks: &Tokens, e: &Event) -> bool {
    e.kind == "Statement"
        || EVIDENCE_VERBS.contains(&e.lemma) && {
            let k = toks
                .tokens
                .partition_point(|t| t.span.start < e.trigger.end);
            toks.tokens.get(k).is_some_and(|t| t.lower == "that")
        }
}

/// Whether the trigger `b` is an infinitive after the verb trigger `a` (a
/// word the lexicon knows as a noun only is a verb there: "intend to
/// launch"):
/// "to" right before it, at most three words (its object) between, no
/// punctuation, and `a` no verb of aspect ("began to fall" tells what
/// happened).
fn infinitive_complement(toks: &Tokens, a: Span, b: Span) -> bool {
    let tokens = &toks.tokens;
    let from = tokens.partition_point(|t| t.span.start < a.end);
    let to = tokens.partition_point(|t| t.span.start < b.start);
    let Some(first) = tokens.get(tokens.partition_point(|t| t.span.start < a.start)) else {
        return false;
    };
    let between = &tokens[from..to.max(from)];
    between.last().is_some_and(|t| t.lower == "to")
        && between.len() <= 4
        && between.iter().all(|t| t.shape != Shape::Punct)
        && !ASPECT_VERBS.iter().any(|v| first.lower.starts_with(v))
}

/// Whether the verb trigger `b` follows the verb trigger `a` through "and"
/// (or "and then", "and later", "and was"), with no punctuation and no
/// other verb trigger between: one subject's acts, or the second's subject
/// the first's object ("was arrested and charged").
fn coordinated_sequence(toks: &Tokens, verbs: &HashSet<usize>, a: Span, b: Span) -> bool {
    let tokens = &toks.tokens;
    let from = tokens.partition_point(|t| t.span.start < a.end);
    let mut at = tokens.partition_point(|t| t.span.start < b.start);
    if !verbs.contains(&b.start) || at <= from {
        return false;
    }
    if matches!(
        tokens[at - 1].lower.as_str(),
        "then" | "later" | "was" | "were"
    ) {
        at -= 1;
    }
    at > from
        && tokens[at - 1].lower == "and"
        && tokens[from..at - 1]
            .iter()
            .all(|t| t.shape != Shape::Punct && t.lower != "and" && !verbs.contains(&t.span.start))
}

/// Whether the trigger `b` is a participle of result ("killing",
/// "forcing") right after the comma that closes the clause of `a`, at most
/// fifteen words on (no other comma between).
fn result_participle(toks: &Tokens, a: Span, b: Span) -> bool {
    let tokens = &toks.tokens;
    let from = tokens.partition_point(|t| t.span.start < a.end);
    let at = tokens.partition_point(|t| t.span.start < b.start);
    at > from
        && at <= from + 15
        && tokens[at - 1].lower == ","
        && tokens
            .get(at)
            .is_some_and(|t| RESULT_PARTICIPLES.contains(&t.lower))
        && tokens[from..at - 1].iter().all(|t| t.lower != ",")
}

/// Whether the verb trigger `a` is a past participle opening a phrase set
/// off by commas after its noun, and the verb trigger `b` the verb of that
/// noun right after the closing comma, past its auxiliaries and adverbs
/// ("the firm, founded in 1970, was sold"; "the plan, announced in May,
/// has now been dropped"). Not after an age, an adverb or another verb
/// ("Costa, 45, said"; "Costa, however, said"; "said, adding").
fn participle_phrase(toks: &Tokens, verbs: &HashSet<usize>, a: Span, b: Span) -> bool {
    /// Most words of the phrase after the participle.
    const MAX_PHRASE: usize = 10;
    let tokens = &toks.tokens;
    let i = tokens.partition_point(|t| t.span.start < a.start);
    let from = tokens.partition_point(|t| t.span.start < a.end);
    let mut at = tokens.partition_point(|t| t.span.start < b.start);
    let (Some(participle), Some(noun)) = (tokens.get(i), i.checked_sub(2).map(|k| &tokens[k]))
    else {
        return false;
    };
    let opened = tokens[i - 1].lower == ","
        && participle.shape == Shape::Lower
        && !participle.lower.ends_with("ing")
        && matches!(noun.shape, Shape::Lower | Shape::Capitalized | Shape::Upper)
        && noun.lower.chars().all(char::is_alphabetic)
        && !noun.lower.ends_with("ly")
        && !DISCOURSE_ADVERBS.contains(&noun.lower.as_str())
        && !verbs.contains(&noun.span.start);
    if !opened || !verbs.contains(&b.start) {
        return false;
    }
    // Back from `b` over its auxiliaries and adverbs to the closing comma.
    while at > from
        && (AUXILIARIES.contains(tokens[at - 1].lower.as_str())
            || matches!(
                tokens[at - 1].lower.as_str(),
                "been" | "be" | "not" | "now" | "also" | "already" | "then" | "later"
            )
            || tokens[at - 1].lower.ends_with("ly") && tokens[at - 1].shape == Shape::Lower)
    {
        at -= 1;
    }
    at > from
        && at <= from + 1 + MAX_PHRASE
        && tokens[at - 1].lower == ","
        && tokens[from..at - 1].iter().all(|t| {
            !matches!(t.lower.as_str(), "," | ";" | ":" | "and" | "but" | "or")
                && !verbs.contains(&t.span.start)
        })
}

/// Adverbs a writer sets off by commas after a subject ("Costa, however,
/// said"): no phrase of the subject's follows them.
const DISCOURSE_ADVERBS: [&str; 8] = [
    "however",
    "meanwhile",
    "too",
    "though",
    "instead",
    "therefore",
    "moreover",
    "furthermore",
];

/// Whether "after", "since" or "following" stands between `a` and the
/// later `b`: `b` is told in a clause of what came before `a`.
fn after_clause_between(toks: &Tokens, a: Span, b: Span) -> bool {
    let tokens = &toks.tokens;
    let k = tokens.partition_point(|t| t.span.start < a.end);
    tokens[k..]
        .iter()
        .take_while(|t| t.span.end <= b.start)
        .any(|t| matches!(t.lower.as_str(), "after" | "since" | "following"))
}

/// Whether a temporal subordinator ("before the tour began", "when") stands
/// between two triggers of a sentence: the later one's clause then tells a
/// time, not what was reported.
fn temporal_clause_between(toks: &Tokens, a: Span, b: Span) -> bool {
    let (from, to) = if a.start < b.start {
        (a.end, b.start)
    } else {
        (b.end, a.start)
    };
    let tokens = &toks.tokens;
    let k = tokens.partition_point(|t| t.span.start < from);
    tokens[k..]
        .iter()
        .take_while(|t| t.span.end <= to)
        .any(|t| {
            matches!(
                t.lower.as_str(),
                "before" | "after" | "until" | "when" | "while" | "since" | "as" | "once"
            )
        })
}

/// Whether the verb at `s` opens a relative clause ("Reyes, who denied the
/// charges, testified"): what it reports is its own object, not the rest of
/// the sentence.
fn in_relative_clause(toks: &Tokens, s: Span) -> bool {
    let k = toks.tokens.partition_point(|t| t.span.start < s.start);
    toks.tokens[k.saturating_sub(3)..k]
        .iter()
        .rev()
        .take_while(|t| t.shape == Shape::Lower)
        .any(|t| matches!(t.lower.as_str(), "who" | "which"))
}
