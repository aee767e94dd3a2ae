//! Triggers: the lexicon's words and phrases found in a sentence, read as a
//! noun or a verb; quoted speech, where no event is read; and the
//! gathering named after "attend".

use super::Placed;
use crate::model::{Shape, Token};
use crate::resources::words::events::{
    AUXILIARIES, BOUNDARIES, GATHERINGS, NOUN_CONTEXT, PREPOSITIONS, PROSPECTIVE_VERBS,
    RETROSPECTIVE_VERBS, UNDERTAKE_VERBS, VERB_CONTEXT,
};
use crate::resources::{Lexicon, Pos, Trigger};

/// The longest trigger at token `i` that reads as an event here.
pub(super) fn trigger_at<'a>(
    tokens: &[Token],
    i: usize,
    sentence: std::ops::Range<usize>,
    lex: &'a Lexicon,
    names: &[Placed],
) -> Option<(usize, &'a Trigger)> {
    if names.iter().any(|p| p.first <= i && i < p.end) {
        return None; // inside a name ("Trump Tower", "Attack Squadron")
    }
    let end = sentence.end;
    let last = end.min(i + lex.max_trigger_words);
    // The words from `i` to `k`: the token's own string for one word.
    let mut words = String::new();
    let mut best = None;
    for k in i..last {
        if k > i {
            if words.is_empty() {
                words.push_str(&tokens[i].lower);
            }
            words.push(' ');
            words.push_str(&tokens[k].lower);
        }
        let so_far = if k == i { &tokens[i].lower } else { &words };
        if let Some(readings) = lex.triggers.get(so_far) {
            best = Some((k + 1 - i, readings));
        }
        if !lex.trigger_prefixes.contains(so_far) {
            break;
        }
    }
    let Some((len, readings)) = best else {
        return context_verb(tokens, i, sentence.start, lex)
            .or_else(|| verbal_object(tokens, i, sentence.clone(), lex))
            .map(|t| (1, t));
    };
    let prev = if i > 0 {
        tokens[i - 1].lower.as_str()
    } else {
        ""
    };
    // Noun or verb reading: a determiner or possessive before it makes a noun.
    // An auxiliary right after it makes a subject ("Protests were held").
    let next_aux = tokens.get(i + len).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "was" | "were" | "is" | "are" | "has" | "have" | "had" | "will" | "would"
        )
    });
    // "a state visit", "a bus station bombing": a bare form or a gerund
    // right after a singular common noun is a noun ("officials visit",
    // "will visit", "they visit", "quickly visit" stay verbs, and so does
    // a gerund with its object, "police shooting a man", or after a verb
    // or a preposition, "stop bombing", "of bombing").
    let after_common_noun = i > sentence.start
        && tokens[i - 1].shape == Shape::Lower
        && prev.chars().all(char::is_alphabetic)
        && !prev.ends_with('s')
        && !prev.ends_with("ly")
        && !prev.ends_with("ed")
        && !VERB_CONTEXT.contains(prev)
        && !matches!(
            prev,
            "and"
                | "or"
                | "but"
                | "also"
                | "then"
                | "never"
                | "often"
                | "still"
                | "just"
                | "even"
                | "soon"
                | "again"
                | "once"
                | "first"
        )
        && readings.iter().any(|t| t.pos == Pos::Noun);
    let bare_verb = readings
        .iter()
        .any(|t| t.pos == Pos::Verb && t.tense == "base");
    // (Not a meeting's gerund: "capping a long meeting of rivals" takes its
    // participants as a verb would.)
    let gerund = readings.iter().any(|t| {
        t.pos == Pos::Verb
            && t.tense == "ing"
            && !crate::model::Event::kind_info_of(&t.kind).symmetric
    }) && !PREPOSITIONS.contains(prev)
        && !matches!(
            prev,
            "be" | "been"
                | "are"
                | "were"
                | "am"
                | "keep"
                | "stop"
                | "start"
                | "begin"
                | "continue"
                | "resume"
                | "avoid"
                | "deny"
                | "admit"
                | "began"
                | "kept"
        )
        && tokens.get(i + len).is_none_or(|n| {
            n.shape == Shape::Punct
                || n.shape == Shape::Lower
                    && !n.lower.starts_with(|c: char| c.is_ascii_digit())
                    && !matches!(
                        n.lower.as_str(),
                        "the"
                            | "a"
                            | "an"
                            | "his"
                            | "her"
                            | "their"
                            | "its"
                            | "him"
                            | "them"
                            | "us"
                            | "me"
                            | "people"
                            | "two"
                            | "three"
                            | "four"
                            | "five"
                    )
        });
    let after_noun = after_common_noun && (bare_verb || gerund);
    // "the deadly assault", "Friday's failed attack", "the deadliest-ever
    // raid": a determiner or possessive, then a word shaped as an
    // adjective.
    let after_adjective = i >= sentence.start + 2
        && NOUN_CONTEXT.contains(&tokens[i - 2].lower)
        && tokens[i - 1].shape == Shape::Lower
        && !VERB_CONTEXT.contains(prev)
        && (prev.contains('-')
            || ["ly", "est", "al", "ful", "ous", "ive", "ic", "ed"]
                .iter()
                .any(|x| prev.len() > x.len() + 2 && prev.ends_with(x)));
    // "launched attacks", "opened talks": the object of a verb of
    // undertaking.
    let undertaken = UNDERTAKE_VERBS.contains(prev) && !readings.iter().any(|t| t.tense == "ing");
    // "arrested on charges of fraud", "left for talks": after a
    // preposition only a noun or a gerund stands ("to meet" is no
    // preposition's).
    let after_preposition = !matches!(prev, "to" | "as" | "like" | "than" | "including")
        && PREPOSITIONS.contains(prev)
        && !readings.iter().any(|t| t.tense == "ing");
    let noun_context = after_noun
        || after_adjective
        || after_preposition
        || undertaken
        || NOUN_CONTEXT.contains(prev)
        || tokens[i].shape == Shape::Capitalized && i > 0
        || next_aux && i + len < end
        // A sentence opens with a noun far more often than with an
        // imperative ("Protests took place in Vik").
        || i == sentence.start && tokens[i].shape == Shape::Capitalized && tokens[i].lower.ends_with('s');
    let pick = readings
        .iter()
        .find(|t| (t.pos == Pos::Noun) == noun_context)
        .or_else(|| readings.first())?;
    Some((len, pick))
}

/// Token index ranges of quoted speech (quotes holding a sentence, not a
/// scare-quoted phrase).
pub(super) fn quoted_speech(tokens: &[Token], offset: usize) -> Vec<std::ops::Range<usize>> {
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

/// The gathering named after "attend": its token index, within the clause
/// (no punctuation, clause boundary or verb of saying in between).
pub(super) fn gathering_after(tokens: &[Token], from: usize, end: usize) -> Option<usize> {
    (from..end.min(from + 6))
        .take_while(|&k| {
            let w = tokens[k].lower.as_str();
            (!matches!(tokens[k].shape, Shape::Punct) || w == "-")
                && !BOUNDARIES.contains(w)
                && !matches!(w, "and" | "or" | "said" | "says" | "say" | "told")
        })
        .find(|&k| GATHERINGS.contains(&tokens[k].lower))
}

/// A verb form that is an event only by the words before it
/// ([`Lexicon::context_verbs`]): its bare form after "to" or a modal ("plans
/// to sell", "will own"), its past participle after "had", "has" or "have",
/// "been" allowed between ("had left", "has been downloaded"), or after a
/// modal's "be" ("will be compensated"); "not" and
/// adverbs in "-ly" may stand between too. A lowercase word only.
fn context_verb<'a>(
    tokens: &[Token],
    i: usize,
    start: usize,
    lex: &'a Lexicon,
) -> Option<&'a Trigger> {
    if tokens[i].shape != Shape::Lower {
        return None;
    }
    let mut k = i;
    while k > start && {
        let w = tokens[k - 1].lower.as_str();
        matches!(
            w,
            "not" | "n't" | "also" | "already" | "never" | "just" | "been"
        ) || w.ends_with("ly") && w.len() > 3
    } {
        k -= 1;
    }
    let before = tokens[start..k].last()?.lower.as_str();
    let modal = |w: &str| {
        matches!(
            w,
            "to" | "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "should"
                | "shall"
        )
    };
    let tense = match before {
        w if modal(w) => "base",
        "had" | "has" | "have" => "past",
        // "will be compensated", "to be replaced": a passive to come.
        "be" if k >= start + 2 && modal(&tokens[k - 2].lower) => "past",
        _ => return None,
    };
    // ("to" before a noun: "went to work" is read by the lexicon alone.)
    if tense == "base" && before == "to" && k >= start + 2 {
        let w = tokens[k - 2].lower.as_str();
        if matches!(
            w,
            "went" | "go" | "goes" | "came" | "back" | "due" | "according" | "up"
        ) {
            return None;
        }
    }
    lex.context_verbs
        .get(&tokens[i].lower)?
        .iter()
        .find(|r| r.tense == tense)
}

/// A noun with the form of an event verb ([`Lexicon::verbal_nouns`]) that
/// heads the object of a verb taking events ("challenged the award",
/// "funded an extended search", "postponed the vote"): at most three
/// determiners, modifiers or a possessor between, and nothing but
/// punctuation, a preposition, a conjunction or an auxiliary after it.
fn verbal_object<'a>(
    tokens: &[Token],
    i: usize,
    sentence: std::ops::Range<usize>,
    lex: &'a Lexicon,
) -> Option<&'a Trigger> {
    if tokens[i].shape != Shape::Lower {
        return None;
    }
    let noun = lex.verbal_nouns.get(&tokens[i].lower)?;
    let head = tokens
        .get(i + 1)
        .filter(|_| i + 1 < sentence.end)
        .is_none_or(|n| {
            n.shape == Shape::Punct
                || PREPOSITIONS.contains(&n.lower)
                || AUXILIARIES.contains(&n.lower)
                || matches!(n.lower.as_str(), "and" | "or" | "but" | "that" | "which")
        });
    if !head {
        return None;
    }
    let mut k = i;
    while k > sentence.start && i - k < 4 {
        let t = &tokens[k - 1];
        let taker = lex.triggers.get(&t.lower).is_some_and(|readings| {
            readings.iter().any(|r| {
                r.pos == Pos::Verb
                    && (RETROSPECTIVE_VERBS.contains(&r.lemma)
                        || PROSPECTIVE_VERBS.contains(&r.lemma))
            })
        });
        if taker {
            return (k < i).then_some(noun);
        }
        let modifier = t.shape != Shape::Punct
            && !PREPOSITIONS.contains(&t.lower)
            && !AUXILIARIES.contains(&t.lower)
            && !matches!(t.lower.as_str(), "and" | "or" | "but" | "to")
            || matches!(t.lower.as_str(), "'s" | "'");
        if !modifier {
            return None;
        }
        k -= 1;
    }
    None
}
