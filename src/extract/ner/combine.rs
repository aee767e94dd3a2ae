//! Combining the rule recognizer's mentions with the statistical tagger's
//! chunks (`--ner`).

use super::tagger::{Chunk, ChunkType};
use super::{
    in_text_order, is_cap, is_name_particle, patterns, title_at, NerMode, Qualifiers, Recognized,
};
use crate::extract::Doc;
use crate::model::{EntityType, Evidence, Mention, Span};
use crate::resources::words::ner::{NOT_PERSON_WORDS, ORG_HEADS};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// How sure the tagger must be of a name the rules missed for hybrid mode
/// to add it: its smallest margin (label score over "O") on the name's
/// words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    /// Any name.
    pub name: f32,
    /// A one-word person (the tagger's unsure lone "people" are mostly
    /// products).
    pub lone_person: f32,
    /// A tagger's name this sure replaces the rules' names that lie inside
    /// it ("Arizona Department of Education" over "Department of
    /// Education"); infinity: never.
    pub cover: f32,
    /// A tagger's name this sure over the very words the rules took for a
    /// person by their capitals alone gives them its type instead ("Den
    /// Helder", "Met Éireann" as a place and an organization); infinity:
    /// never.
    pub retype: f32,
}

impl Default for Margins {
    /// Chosen on the training genres held out in turn, never on the dev
    /// files (`newsgraph train-ner --choose-margins`; README).
    fn default() -> Self {
        Margins {
            name: 24.0,
            lone_person: 24.0,
            cover: 24.0,
            retype: 4.0,
        }
    }
}

/// Combine the rule mentions with the tagger's chunks according to `mode`.
pub(crate) fn combine(
    doc: &Doc<'_>,
    rules: Recognized,
    chunks: &[Chunk],
    mode: NerMode,
    margins: Margins,
) -> Recognized {
    let Doc {
        text,
        toks,
        lex,
        credits,
        ..
    } = *doc;
    if mode == NerMode::Rules {
        return rules;
    }
    let tokens = &toks.tokens;
    let gaz_kind: HashMap<(usize, usize), EntityType> = rules
        .gazetteer
        .iter()
        .map(|m| ((m.start, m.end), lex.gazetteer[m.entry].kind))
        .collect();
    let chunk_kind = |c: &Chunk| -> EntityType {
        match c.kind {
            ChunkType::Person => EntityType::Person,
            ChunkType::Organization => EntityType::Organization,
            ChunkType::Location => {
                // Country or other place: the gazetteer decides, ignoring a leading "the".
                let s = if tokens[c.start].lower == "the" && c.end > c.start + 1 {
                    c.start + 1
                } else {
                    c.start
                };
                let key = (tokens[s].span.start, tokens[c.end - 1].span.end);
                match gaz_kind.get(&key) {
                    Some(EntityType::Country) => EntityType::Country,
                    _ => EntityType::Place,
                }
            }
        }
    };
    let mut out = Recognized {
        gazetteer: rules.gazetteer.clone(),
        ..Recognized::default()
    };
    if mode == NerMode::Tagger {
        // What the model says, as GUM (its training data) marks names:
        // titles inside.
        for c in chunks {
            out.push(
                tokens,
                c.start..c.end,
                chunk_kind(c),
                Evidence::Pattern("tagger"),
                Qualifiers::default(),
            );
        }
        return out;
    }
    // Retyping the rules' weaker guesses by the tagger, and dropping those
    // it does not tag, were measured too and lost F1 on the dev files.
    // The rules' token ranges by start, with the furthest end so far: a
    // chunk overlaps one iff, of those starting before its end, the
    // furthest end is past its start (a search, not a scan per chunk).
    let mut taken: Vec<(usize, usize)> = rules
        .mentions
        .iter()
        .map(|m| (m.first_token, m.end_token))
        .collect();
    taken.sort_unstable();
    let mut furthest = 0;
    let reach: Vec<usize> = taken
        .iter()
        .map(|&(_, e)| {
            furthest = furthest.max(e);
            furthest
        })
        .collect();
    let overlaps_rules = |start: usize, end: usize| {
        let before = taken.partition_point(|&(s, _)| s < end);
        before > 0 && reach[before - 1] > start
    };
    // The tagger's names that pass the filters below, with their margins.
    let mut cands: Vec<(usize, usize, EntityType, Qualifiers, f32)> = Vec::new();
    let sentence_starts: HashSet<usize> = toks.sentences.iter().map(|s| s.tokens.start).collect();
    for c in chunks {
        if c.margin < margins.name || (c.margin < margins.cover && overlaps_rules(c.start, c.end)) {
            continue;
        }
        // Leading "the", trailing possessives and lowercase words stay out of the name.
        let mut s = c.start;
        let mut e = c.end;
        while s < e
            && (tokens[s].lower == "the"
                || !is_cap(&tokens[s])
                || super::is_hyphen_modifier(text, &tokens[s]))
        {
            s += 1;
        }
        while e > s && !is_cap(&tokens[e - 1]) {
            e -= 1;
        }
        if s >= e {
            continue;
        }
        let span = Span::new(tokens[s].span.start, tokens[e - 1].span.end);
        // Photo credits stay out of the story; so do titles and ordinary
        // words the tagger took for names ("Minister", "Player").
        if credits.iter().any(|c| c.contains(span))
            || title_at(tokens, s, e, lex).is_some_and(|(t_end, _)| t_end == e || e - s == 1)
            // Part of a longer title ("Deputy Attorney" of "Deputy Attorney
            // General Ana Costa").
            || within_title(doc, s, e)
            // A lone word the rules did not take is a person only when the
            // tagger is sure: its unsure lone "people" are mostly products.
            || (e - s == 1 && c.kind == ChunkType::Person && c.margin < margins.lone_person)
            // A demonym and a title ("Norwegian Prime" of "Norwegian Prime
            // Minister Erik Dahl") name no one.
            || (lex.demonyms.contains_key(tokens[s].span.text(text))
                && title_at(tokens, s + 1, (e + 3).min(tokens.len()), lex)
                    .is_some_and(|(t_end, _)| t_end >= e))
            // A demonym of more than one word ("South Korean") is no place.
            || (e - s > 1
                && lex.demonyms.contains_key(
                    Span::new(tokens[s].span.start, tokens[e - 1].span.end).text(text),
                ))
            // A lone capitalized first word says nothing ("Port authority chief fired").
            || (e - s == 1 && sentence_starts.contains(&s))
            // "Hurricane Milton", "Operation Clambake": a storm, an
            // operation, a mission is no person, as the rules have it.
            || (c.kind == ChunkType::Person
                && s > 0
                && is_cap(&tokens[s - 1])
                && NOT_PERSON_WORDS.contains(&tokens[s - 1].lower))
            || (e - s == 1 && super::month_before_day(tokens, s, lex))
            // "Sao" of "the Sao Paulo-based company".
            || tokens.get(e).is_some_and(|t| super::modifier_suffix(text, t))
            || (e - s == 1
                && (lex.common_words.contains(&tokens[s].lower)
                    || lex.not_names.contains(&tokens[s].lower)
                    || lex.demonyms.contains_key(tokens[s].span.text(text))
                    || tokens[s]
                        .lower
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .count()
                        < 2))
        {
            continue;
        }
        let mut q = Qualifiers::default();
        if c.kind == ChunkType::Person {
            (s, q) = past_titles(doc, s, e);
        }
        cands.push((s, e, chunk_kind(c), q, c.margin));
    }
    out = rules;
    retype(doc, &mut out, chunks, margins.retype, chunk_kind);
    let covering: Vec<bool> = cands
        .iter()
        .map(|&(s, e, kind, _, margin)| margin >= margins.cover && covers(doc, &out, s, e, kind))
        .collect();
    // A rule name inside a covering tagger name gives way to it (not a
    // dateline's place, an alias or a nominal mention).
    let keep: Vec<bool> = out
        .mentions
        .iter()
        .map(|m| {
            !matches!(m.evidence, Evidence::Pattern(_) | Evidence::Gazetteer(_))
                || !cands
                    .iter()
                    .zip(&covering)
                    .any(|(&(s, e, ..), &c)| c && inside(m, s, e))
        })
        .collect();
    let mut k = keep.iter();
    out.mentions.retain(|_| *k.next().unwrap_or(&true));
    let mut k = keep.iter();
    out.qualifiers.retain(|_| *k.next().unwrap_or(&true));
    for (s, e, kind, q, _) in cands {
        if !out
            .mentions
            .iter()
            .any(|m| m.first_token < e && s < m.end_token)
        {
            out.push(tokens, s..e, kind, Evidence::Pattern("tagger"), q);
        }
    }
    // The tagger's names pass the same filters as the rules' own.
    let doc = Doc {
        text,
        toks,
        lex,
        credits,
        parser: None,
    };
    patterns::drop_products_and_currencies(doc, &mut out);
    patterns::drop_market_indices(doc, &mut out);
    patterns::drop_quoted_works(doc, &mut out);
    patterns::drop_laws(doc, &mut out);
    patterns::titles_out_of_names(doc, &mut out);
    in_text_order(out)
}

/// The rules' persons by capitals alone ("capitalized name") that a
/// tagger's name of another type spans exactly, with at least `margin`,
/// take the tagger's type (leading "the" and trailing lowercase words
/// aside, as for the tagger's other names).
fn retype(
    doc: &Doc<'_>,
    out: &mut Recognized,
    chunks: &[Chunk],
    margin: f32,
    kind_of: impl Fn(&Chunk) -> EntityType,
) {
    if !margin.is_finite() {
        return;
    }
    let tokens = &doc.toks.tokens;
    for c in chunks.iter().filter(|c| c.margin >= margin) {
        let kind = kind_of(c);
        if kind == EntityType::Person {
            continue;
        }
        let mut s = c.start;
        while s < c.end && (tokens[s].lower == "the" || !is_cap(&tokens[s])) {
            s += 1;
        }
        let mut e = c.end;
        while e > s && !is_cap(&tokens[e - 1]) {
            e -= 1;
        }
        let by_capitals = |m: &Mention| {
            m.first_token == s
                && m.end_token == e
                && m.kind == EntityType::Person
                && m.evidence == Evidence::Pattern("capitalized name")
        };
        if let Some(i) = out.mentions.iter().position(by_capitals) {
            let q = &out.qualifiers[i];
            if q.title.is_none() && q.country.is_none() && q.org.is_none() {
                out.mentions[i].kind = kind;
            }
        }
    }
}

/// Whether rule mention `m` lies inside tokens `s..e` and is shorter.
fn inside(m: &Mention, s: usize, e: usize) -> bool {
    s <= m.first_token && m.end_token <= e && e - s > m.end_token - m.first_token
}

/// Whether the tagger's name `s..e` of type `kind` may replace the rules'
/// names inside it: it holds at least one, overlaps no other partly, joins
/// no person to another name ("Apple Inc. Steve Jobs") nor two firms
/// across "and", makes no person
/// anything else ("New Zealander Tama Rewi"), does not run on after a
/// company the gazetteer knows (a product: "Buick Encore") and runs over
/// no lowercase word but a name's connector ("Apple announces Mac").
fn covers(doc: &Doc<'_>, rules: &Recognized, s: usize, e: usize, kind: EntityType) -> bool {
    let tokens = &doc.toks.tokens;
    let mut within = 0;
    let mut person = false;
    for m in &rules.mentions {
        if inside(m, s, e) {
            within += 1;
            person |= m.kind == EntityType::Person;
            if m.first_token == s
                && m.kind == EntityType::Organization
                && matches!(m.evidence, Evidence::Gazetteer(_))
            {
                return false;
            }
        } else if m.first_token < e && s < m.end_token {
            return false;
        }
    }
    // Two names the rules keep apart stay apart across "and" where the
    // first ends as a firm's or a body's name does ("Helix Corp and
    // Veltra Group"; not "Nurses and Midwives' Association").
    let joined = || {
        (s + 1..e).any(|k| {
            matches!(tokens[k].lower.as_str(), "and" | "&")
                && ORG_HEADS.contains(&tokens[k - 1].lower)
        })
    };
    within > 0
        && (within == 1 || !person && !joined())
        && (!person || kind == EntityType::Person)
        && tokens[s..e].iter().all(|t| {
            is_cap(t)
                || !t.lower.chars().any(char::is_alphabetic)
                || NAME_CONNECTORS.contains(&t.lower.as_str())
                || is_name_particle(doc.text, t)
        })
}

/// Lowercase words inside organizations' and places' names.
const NAME_CONNECTORS: [&str; 8] = ["of", "and", "for", "the", "'s", "on", "in", "du"];

/// Where the name of a person chunk `s..e` starts past the demonyms and
/// titles before it, with the last title as its qualifier: "Russian
/// President Oleg Smirnov" is Oleg Smirnov, president; of "Secretary of
/// State Ana Costa" the tagger may take "State Ana Costa". At least one
/// word stays.
fn past_titles(doc: &Doc<'_>, mut s: usize, e: usize) -> (usize, Qualifiers) {
    let (text, tokens, lex) = (doc.text, &doc.toks.tokens, doc.lex);
    let mut q = Qualifiers::default();
    loop {
        let word = tokens[s].span.text(text);
        let next = if let Some(&country) = lex.demonyms.get(word) {
            q.country.get_or_insert(country);
            s + 1
        } else {
            // A title starting here, or one that started before the chunk
            // and ends inside it.
            (0..=lex.max_title_words.min(s))
                .filter_map(|back| title_at(tokens, s - back, e, lex))
                .filter(|&(t_end, _)| t_end > s)
                .max_by_key(|&(t_end, _)| t_end)
                .map_or(s, |(t_end, title)| {
                    q.title = Some(title);
                    t_end
                })
        };
        if next == s || next >= e {
            return (s, q);
        }
        s = next;
    }
}

/// Whether tokens `s..e` lie inside one title of the lexicon that starts at
/// or before `s` and runs to `e` or past it.
fn within_title(doc: &Doc<'_>, s: usize, e: usize) -> bool {
    let (tokens, lex) = (&doc.toks.tokens, doc.lex);
    (0..=lex.max_title_words.min(s)).any(|back| {
        title_at(tokens, s - back, tokens.len(), lex).is_some_and(|(t_end, _)| t_end >= e)
    })
}
