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
//!
//! - `triggers`: lexicon matches, quoted speech, gatherings attended;
//! - `senses`: trigger words in another sense ("meet the needs", "a
//!   bomb", "fired tear gas") or used as modifiers ("the election campaign");
//! - `roles`: who took part in which role;
//! - `subjects`: the subject of a trigger from the names before it;
//! - `places`: where it happened;
//! - `general`: the participants of a general (untyped) verb;
//! - `objects`: the names a verb governs after it (object, recipient,
//!   audience);
//! - `pronouns`: he, she, him, his, its as who they stand for, in roles;
//! - `modality`: whether the event is said to have happened.
//!
//! The properties of each event type (symmetric, done to a patient...) are
//! in [`crate::model::Event::kind_info`].

mod general;
mod lent;
mod modality;
mod objects;
mod places;
mod pronouns;
mod roles;
mod senses;
mod subjects;
mod syntax;
mod triggers;

pub(crate) use roles::undertaking_verb;

use crate::extract::clause::clause;
use crate::extract::entities::Resolved;
use crate::extract::Doc;
use crate::model::{EntityType, Event, Modality, Participant, Role, Shape, Span, Token};
use crate::resources::words::events::{
    BOUNDARIES, LIGHT_VERBS, OCCURRENCE_VERBS, PREPOSITIONS, PROCESS_MEETINGS, VERB_GROUP,
};
use crate::resources::{Pos, Trigger};
use rustc_hash::FxHashMap as HashMap;
use senses::Sense;
use std::ops::Range;

/// A mention placed on the token grid.
#[derive(Debug, Clone, Copy)]
struct Placed {
    first: usize,
    end: usize,
    entity: usize,
    kind: EntityType,
    /// First token of the mention with its title ("Senator" in "Senator
    /// Ana Costa"); `first` where it has none.
    titled: usize,
    /// A personal pronoun standing for the person ([`pronouns`]): a
    /// subject, never an object.
    pronoun: bool,
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
    /// In a headline (a line in title case, or one without a verb's
    /// sentence end).
    pub headline: bool,
}

/// A trigger in its sentence, as the rules around it see it.
struct Site<'a> {
    tokens: &'a [Token],
    /// First token of the trigger.
    i: usize,
    /// Number of trigger tokens.
    len: usize,
    /// The sentence's tokens.
    sent: Range<usize>,
    trig: &'a Trigger,
    /// The sentence's mentions, non-overlapping, in text order.
    names: &'a [Placed],
    /// Possessive pronouns resolved ("its investigation").
    possessives: &'a [Placed],
    /// Object pronouns resolved ("charged him"), direct objects only.
    objects: &'a [Placed],
    /// Capitals named in the document → their country's entity, where the
    /// document names it too.
    seats: &'a HashMap<usize, usize>,
    lex: &'a crate::resources::Lexicon,
}

impl Site<'_> {
    /// Whether the lexicon reads `t` as an event verb ("cut", "signed").
    fn event_verb(&self, t: &Token) -> bool {
        self.lex
            .triggers
            .get(&t.lower)
            .is_some_and(|r| r.iter().any(|x| x.pos == Pos::Verb))
    }

    /// Whether the lexicon reads `t` as an event noun ("talks", "arrest").
    fn event_noun(&self, t: &Token) -> bool {
        t.shape == Shape::Lower
            && self
                .lex
                .triggers
                .get(&t.lower)
                .is_some_and(|r| r.iter().any(|x| x.pos == Pos::Noun))
    }

    /// Whether the lexicon reads `t` as a verb of saying ("said", "told").
    fn says(&self, t: &Token) -> bool {
        self.lex.triggers.get(&t.lower).is_some_and(|r| {
            r.iter()
                .any(|x| x.pos == Pos::Verb && x.kind == "Statement")
        })
    }

    /// A capital as the country it stands for as an actor ("Moscow
    /// denied"): the country's mention, at the capital's place.
    fn seat(&self, p: &Placed) -> Option<Placed> {
        let &country = self.seats.get(&p.entity)?;
        Some(Placed {
            entity: country,
            kind: EntityType::Country,
            ..*p
        })
    }
}

/// One sentence of a document, as the trigger loop sees it.
struct Scope<'a> {
    doc: &'a Doc<'a>,
    res: &'a Resolved,
    /// Time expressions: no part of a trigger.
    timexes: &'a [Span],
    /// Byte offsets where sections (under dated headings) start.
    sections: &'a [usize],
    /// The document's mentions, non-overlapping, in text order.
    placed: &'a [Placed],
    /// Index of the sentence.
    si: usize,
    /// The sentence's tokens.
    sent: Range<usize>,
    /// The sentence's mentions.
    names: Vec<Placed>,
    /// Token ranges of quoted speech.
    speech: Vec<Range<usize>>,
    /// Possessive pronouns standing for who they refer to.
    possessives: Vec<Placed>,
    /// Object pronouns standing for who they refer to.
    objects: Vec<Placed>,
    /// Capitals → their country ([`Site::seats`]).
    seats: &'a HashMap<usize, usize>,
    headline: bool,
    /// The sentence's parse, made when its first trigger is found.
    tree: std::cell::OnceCell<Option<syntax::Tree>>,
}

impl Scope<'_> {
    /// The sentence's dependency tree, if a parser is at hand.
    fn tree(&self) -> Option<&syntax::Tree> {
        self.tree
            .get_or_init(|| {
                // Without a name in the sentence the parse can give nobody.
                if self.names.is_empty() {
                    return None;
                }
                let parser = self.doc.parser?;
                let forms: Vec<&str> = self.doc.toks.tokens[self.sent.clone()]
                    .iter()
                    .map(|t| t.span.text(self.doc.text))
                    .collect();
                Some(syntax::Tree::new(
                    parser.parse_sentence(&forms),
                    self.sent.start,
                ))
            })
            .as_ref()
    }
}

/// Past a short time phrase at token `k` ("talks last month between X and
/// Y", "talks on Monday with Y"): the first token after it, or `k`.
fn past_time_phrase(tokens: &[Token], k: usize) -> usize {
    use crate::extract::timex::calendar_word;
    let low = |j: usize| tokens.get(j).map_or("", |t| t.lower.as_str());
    let cal = |j: usize| tokens.get(j).is_some_and(calendar_word);
    let unit = |j: usize| matches!(low(j), "week" | "month" | "year" | "weekend");
    // "on March 3", "on Feb. 26": a day after the month.
    let day = |j: usize| {
        let j = if low(j) == "." { j + 1 } else { j };
        if tokens.get(j).is_some_and(|t| t.shape == Shape::Number) {
            j + 1
        } else {
            j
        }
    };
    if cal(k) {
        day(k + 1)
    } else if matches!(low(k), "on" | "in") && cal(k + 1) {
        day(k + 2)
    } else if matches!(low(k), "last" | "this" | "next") && unit(k + 1) {
        k + 2
    } else if low(k) == "earlier" && low(k + 1) == "this" && unit(k + 2) {
        k + 3
    } else {
        k
    }
}

/// Whether `t` ends a noun phrase read backwards or forwards from its head
/// ("demanded [his resignation] after…", "sacked [its coach] after…"):
/// punctuation, a preposition, a clause boundary or a conjunction.
fn phrase_edge(t: &Token) -> bool {
    use crate::resources::words::events::{BOUNDARIES, PREPOSITIONS};
    t.shape == Shape::Punct && t.lower != "'s"
        || PREPOSITIONS.contains(&t.lower)
        || BOUNDARIES.contains(&t.lower)
        || matches!(
            t.lower.as_str(),
            "and" | "or" | "following" | "amid" | "despite" | "until"
        )
}

/// Whether a span of `sorted` (in text order, none overlapping another, as
/// time expressions are found) overlaps `s`: a binary search, not a scan.
fn overlaps_any(sorted: &[Span], s: Span) -> bool {
    debug_assert!(sorted.windows(2).all(|w| w[0].end <= w[1].start));
    let k = sorted.partition_point(|t| t.start < s.end);
    k > 0 && sorted[k - 1].overlaps(s)
}

/// The capitals the document names whose country it names too: capital
/// entity → country entity.
fn seats_of_government(lex: &crate::resources::Lexicon, res: &Resolved) -> HashMap<usize, usize> {
    let mut out = HashMap::default();
    for (k, e) in res.entities.iter().enumerate() {
        if e.kind != EntityType::Place {
            continue;
        }
        let Some(&gaz) = lex.capitals.get(e.label()) else {
            continue;
        };
        let country = &lex.gazetteer[gaz].name;
        if let Some(c) = res
            .entities
            .iter()
            .position(|x| x.kind == EntityType::Country && x.label() == country)
        {
            out.insert(k, c);
        }
    }
    out
}

/// Find the event mentions of an article.
pub(crate) fn find_events(
    doc: &Doc,
    res: &Resolved,
    timexes: &[Span],
    sections: &[usize],
) -> Vec<EventMention> {
    let tokens = &doc.toks.tokens;
    let placed = roles::place_mentions(tokens, doc.lex, res);
    let genders = pronouns::genders(tokens, &placed, res, doc.lex);
    let seats = seats_of_government(doc.lex, res);
    let mut out = Vec::new();
    for (si, sent) in doc.toks.sentences.iter().enumerate() {
        if doc.credits.iter().any(|c| c.contains(sent.span)) {
            continue;
        }
        let r = sent.tokens.clone();
        // Mentions come in text order: the sentence's are a slice.
        let lo = placed.partition_point(|p| p.first < r.start);
        let hi = placed.partition_point(|p| p.first < r.end);
        let mut names: Vec<Placed> = placed[lo..hi.max(lo)]
            .iter()
            .copied()
            .filter(|p| p.end <= r.end)
            .collect();
        let speech = triggers::quoted_speech(&tokens[r.clone()], r.start);
        let referents = (&placed[..], &genders[..]);
        names.extend(pronouns::subjects(
            tokens,
            &doc.toks.sentences,
            si,
            referents,
            &speech,
        ));
        let objects = pronouns::objects(tokens, &doc.toks.sentences, si, referents, &speech);
        let possessives =
            pronouns::possessives(tokens, &doc.toks.sentences, si, referents, &speech);
        names.sort_by_key(|p| p.first);
        let scope = Scope {
            doc,
            res,
            timexes,
            sections,
            placed: &placed,
            si,
            speech,
            possessives,
            objects,
            seats: &seats,
            headline: crate::extract::ner::is_headline(doc.text, &tokens[r.clone()]),
            sent: r,
            names,
            tree: std::cell::OnceCell::new(),
        };
        let first = out.len();
        let mut i = scope.sent.start;
        while i < scope.sent.end {
            let (advance, mention) = mention_at(&scope, i, &out);
            out.extend(mention);
            i += advance;
        }
        drop_light_verbs(&mut out, first, tokens);
        places::caption_place(tokens, &scope.names, scope.sent.clone(), &mut out[first..]);
        lent::from_relative_antecedent(tokens, &mut out[first..]);
        lent::charged_on(tokens, &mut out[first..]);
    }
    places::dateline_place(doc.lex, doc.toks, res, &placed, &mut out);
    out
}

/// "held talks", "made a statement", "carried out an attack": a general
/// light verb whose object is a typed event noun (within three words), or
/// whose passive's subject is one ("talks were held"), is no event of its
/// own, nor "took place" after one ("the protests took place in Vik"), nor a
/// verb of occurrence ("the attack happened on Tuesday"); the
/// noun is the event.
fn drop_light_verbs(out: &mut Vec<EventMention>, first: usize, tokens: &[Token]) {
    let mut light: Vec<bool> = (first..out.len())
        .map(|k| {
            let m = &out[k];
            m.event.generic
                && LIGHT_VERBS.contains(&m.event.lemma)
                && out[k + 1..].iter().take(1).any(|n| {
                    !n.event.generic
                        && n.pos == Pos::Noun
                        && n.token > m.token
                        && n.token <= m.token + 3
                        && tokens[m.token + 1..n.token]
                            .iter()
                            .all(|t| t.shape != Shape::Punct)
                })
                // "protests were held": the passive's subject is the event.
                || m.event.generic
                    && LIGHT_VERBS.contains(&m.event.lemma)
                    && k > first
                    && !out[k - 1].event.generic
                    && passive_after(tokens, out[k - 1].token + out[k - 1].len, m.token)
                // "the protests took place": the subject is the event.
                || m.event.generic
                    && m.event.lemma == "take"
                    && tokens.get(m.token + 1).is_some_and(|t| t.lower == "place")
                    && k > first
                    && !out[k - 1].event.generic
                    && out[k - 1].token + out[k - 1].len == m.token
        })
        .collect();
    // "the attack happened on Tuesday", "the summit between X and Y began
    // in Lisbon": the subject is the event, and where the verb says it
    // happened is where the event did.
    for k in first + 1..out.len() {
        let m = &out[k];
        if m.event.kind_info().untyped
            && m.pos == Pos::Verb
            && OCCURRENCE_VERBS.contains(&m.event.lemma)
            && occurrence_subject(&out[k - 1], m, tokens)
        {
            light[k - first] = true;
            let places: Vec<Participant> = (m.event.participants.iter())
                .filter(|p| p.role == Role::Place)
                .cloned()
                .collect();
            let noun = &mut out[k - 1].event.participants;
            if !noun.iter().any(|p| p.role == Role::Place) {
                noun.extend(places);
            }
        }
    }
    // Only this sentence's mentions are looked at: a retain over all of
    // `out` per sentence made long texts quadratic.
    let tail = out.split_off(first);
    out.extend(
        tail.into_iter()
            .zip(light)
            .filter(|(_, light)| !light)
            .map(|(m, _)| m),
    );
}

/// Whether the typed noun event `noun` is the subject of the verb `verb`
/// after it: nothing between but auxiliaries and adverbs ("the attack
/// reportedly happened") or a phrase the noun governs ("the summit
/// between X and Y began"), within eight words.
pub(crate) fn occurrence_subject(
    noun: &EventMention,
    verb: &EventMention,
    tokens: &[Token],
) -> bool {
    if noun.event.generic || noun.pos != Pos::Noun || verb.token < noun.token + noun.len {
        return false;
    }
    let between = &tokens[noun.token + noun.len..verb.token];
    let plain = between.iter().all(|t| {
        t.shape != Shape::Punct
            && !matches!(
                t.lower.as_str(),
                "that" | "which" | "who" | "when" | "but" | "or"
            )
    });
    let adverbial = between
        .iter()
        .all(|t| VERB_GROUP.contains(&t.lower) || t.lower.ends_with("ly"));
    let governed = between.first().is_some_and(|t| {
        PREPOSITIONS.contains(&t.lower)
            && (t.lower == "between" || !between.iter().any(|t| t.lower == "and"))
    });
    between.len() <= 8 && plain && (adverbial || governed)
}

/// Whether the tokens `from..to` are a passive's auxiliaries ("were",
/// "will be", "has been").
fn passive_after(tokens: &[Token], from: usize, to: usize) -> bool {
    let between = &tokens[from..to];
    !between.is_empty()
        && between.len() <= 3
        && between.iter().all(|t| VERB_GROUP.contains(&t.lower))
        && between.iter().any(|t| {
            matches!(
                t.lower.as_str(),
                "was" | "were" | "is" | "are" | "be" | "been"
            )
        })
}

/// The event mention whose trigger starts at token `i`, if any, and how
/// many tokens to move on. `out`: the mentions found before.
fn mention_at(sc: &Scope, i: usize, out: &[EventMention]) -> (usize, Option<EventMention>) {
    let tokens = &sc.doc.toks.tokens[..];
    let r = sc.sent.clone();
    // "REPORT: …", "UPDATE - …": a kicker opening a line is no event.
    if crate::extract::ner::is_kicker(sc.doc.toks, i) {
        return (1, None);
    }
    let Some((len, trig)) = triggers::trigger_at(tokens, i, r.clone(), sc.doc.lex, &sc.names)
    else {
        return (1, None);
    };
    // "attended the summit": one trigger from the verb to the gathering.
    let word_len = len;
    let len = match trig.lemma.as_str() {
        "attend" => triggers::gathering_after(tokens, i + len, r.end).map_or(len, |k| k + 1 - i),
        _ => len,
    };
    let tspan = Span::new(tokens[i].span.start, tokens[i + len - 1].span.end);
    // "attended Friday's summit": the date is no part of a trigger;
    // the summit is found on its own, with its date.
    if len > word_len && overlaps_any(sc.timexes, tspan) {
        return (1, None);
    }
    // "'Costa will resign,' he said": a name inside quoted speech takes no
    // part in an event told outside it.
    let unquoted: Vec<Placed>;
    let names = if sc.speech.is_empty() {
        &sc.names[..]
    } else {
        unquoted = sc
            .names
            .iter()
            .filter(|p| !sc.speech.iter().any(|q| q.contains(&p.first)))
            .copied()
            .collect();
        &unquoted[..]
    };
    let site = Site {
        tokens,
        i,
        len,
        sent: r.clone(),
        trig,
        names,
        possessives: &sc.possessives,
        objects: &sc.objects,
        seats: sc.seats,
        lex: sc.doc.lex,
    };
    let capitalized_inside = tokens[i].shape != Shape::Lower && i != r.start && !sc.headline;
    let mut sense = senses::other_sense(&site);
    // "Costa met Vermeer, but the talks yielded little": the talks
    // just named are that meeting.
    if sense == Some(Sense::Kind("Other"))
        && PROCESS_MEETINGS.contains(&trig.lemma)
        && i > r.start
        && matches!(tokens[i - 1].lower.as_str(), "the" | "these" | "those")
        && out
            .iter()
            .rev()
            .take_while(|m| m.event.sentence + 1 >= sc.si)
            .any(|m| m.event.kind == "Meeting" && m.event.modality.realized())
    {
        sense = None;
    }
    if sc.speech.iter().any(|q| q.contains(&i))
        || capitalized_inside
        || overlaps_any(sc.timexes, tspan)
        || senses::used_as_modifier(&site)
        || senses::participle_as_people(&site)
        || sense == Some(Sense::NoEvent)
    {
        return (len, None);
    }
    let retyped;
    let trig = match sense {
        Some(Sense::Kind(kind)) => {
            retyped = Trigger {
                kind: kind.to_string(),
                // A general verb read as a typed event ("returned to
                // Lisbon": Travel) takes its participants like one.
                generic: trig.generic && kind == "Other",
                ..trig.clone()
            };
            &retyped
        }
        _ => trig,
    };
    let site = Site { trig, ..site };
    let cl = clause(tokens, i..i + len, r.clone(), &BOUNDARIES);
    if trig.generic {
        let modality = modality::modality(tokens, i, r.start, trig);
        let participants = general::general_roles(&site, cl);
        return (
            len,
            Some(EventMention::new(sc, &site, tspan, participants, modality)),
        );
    }
    // The parse first; the patterns add whom it missed (a parse can be
    // wrong where the words around the trigger are plain). The sentence is
    // parsed only where the patterns leave unused an actor's name that
    // touches the trigger ("the Helix Corp probe", "Costa's dismissal",
    // "fired Costa"), or any where the subject is far (below): the parse
    // adds nobody else. Other farther names are left
    // to the patterns: on the EWT dev split the greedy parser attaches a
    // name three or more words from its head right half the time (0.51,
    // against 0.76 for a name next to it), and parsing for them cost
    // two-thirds of extraction's time (see the README).
    // A verb coordinated with another ("fought the charges in 2019 and
    // resigned") or a participle after a comma ("…, sentencing him") has
    // its subject far away: there any unused name of the clause counts.
    let by_patterns = roles::actors(&site, cl, sc.res);
    let far_subject = trig.pos == Pos::Verb
        && i > r.start
        && (matches!(tokens[i - 1].lower.as_str(), "and" | "or")
            || trig.tense == "ing" && tokens[i - 1].lower == ",");
    let unused_name = site.names.iter().any(|p| {
        p.first >= cl.0
            && p.end <= cl.1
            && p.kind != EntityType::Place
            && (far_subject || p.end >= i && p.first <= i + len)
            && !by_patterns.iter().any(|x| x.entity == p.entity)
    });
    let tree = if unused_name { sc.tree() } else { None };
    let mut participants = tree
        .and_then(|t| syntax::actors(&site, t))
        .unwrap_or_default();
    for p in by_patterns {
        if !participants.iter().any(|x| x.entity == p.entity) {
            participants.push(p);
        }
    }
    // "dismisses the claims", "fired shots": a dismissal needs a person removed.
    if roles::lacks_person_patient(&site, sc.res, &participants) {
        return (len, None);
    }
    pronouns::plural_antecedents(&site, cl.0, sc.placed, sc.sections, &mut participants);
    match tree.and_then(|t| syntax::place(&site, t)) {
        Some(p) if !participants.iter().any(|x| x.entity == p.entity) => {
            participants.push(Participant {
                entity: p.entity,
                role: Role::Place,
            });
            places::more_places(tokens, site.names, p, r.end, &mut participants);
        }
        Some(_) => {}
        None => places::add_place(&site, cl.0, cl.1, &mut participants),
    }
    let modality = modality::modality(tokens, i, r.start, trig);
    (
        len,
        Some(EventMention::new(sc, &site, tspan, participants, modality)),
    )
}

impl EventMention {
    fn new(
        sc: &Scope,
        site: &Site,
        trigger: Span,
        participants: Vec<Participant>,
        modality: Modality,
    ) -> Self {
        EventMention {
            event: Event {
                kind: site.trig.kind.clone(),
                trigger,
                coreferent: Vec::new(),
                lemma: site.trig.lemma.clone(),
                participants,
                // Set when mentions are folded into events (`timeline`).
                local: Vec::new(),
                date: None,
                modality,
                sentence: sc.si,
                generic: site.trig.generic,
            },
            token: site.i,
            len: site.len,
            pos: site.trig.pos,
            tense: site.trig.tense.clone(),
            headline: sc.headline,
        }
    }
}
