//! Tests on the words inside a run: a sentence's opening modifier, a
//! possessive or a title inside a name, a company's legal form, a party
//! label, a plural nationality word.

use super::super::{is_cap, is_legal_form, title_at, Recognized};
use super::{Qualifiers, SentenceCtx};
use crate::extract::Doc;
use crate::model::{EntityType, Evidence, Shape, Span, Token};
use crate::resources::words::ner::{
    CORPORATE_SUFFIXES, NOT_PERSON_WORDS, ORG_HEADS, PARTY_LABELS, RELIGIOUS_GROUPS,
};
use crate::resources::Lexicon;

/// Is token `i`, opening a sentence and the run `i..end`, a common word or a
/// participle ("Veteran", "Unseeded") before a demonym, or before a given
/// name and one more capitalized word?
pub(super) fn leading_modifier(sent: &SentenceCtx, i: usize, end: usize) -> bool {
    let Doc {
        text, toks, lex, ..
    } = sent.doc;
    let tokens = &toks.tokens;
    let t = &tokens[i];
    let lower = t.lower.as_str();
    if i + 2 >= end
        || t.shape != Shape::Capitalized
        || lex.given_names.contains(t.span.text(text))
        || !(lex.common_words.contains(lower) || lower.len() > 5 && lower.ends_with("ed"))
    {
        return false;
    }
    let next = &tokens[i + 1];
    let two = Span::new(next.span.start, tokens[i + 2].span.end).text(text);
    lex.demonyms.contains_key(next.span.text(text))
        || lex.demonyms.contains_key(two)
        || lex.given_names.contains(next.span.text(text))
            && !lex.common_words.contains(&next.lower)
            && is_cap(&tokens[i + 2])
}

/// "the Avellino Prosecutor's Office", "the People's Bank": a common
/// noun's or a title's "'s" (token `j`) before an organization's head word
/// is inside a name (not a country's: "Norland's Ministry of Defence").
pub(super) fn possessive_in_name(tokens: &[Token], lex: &Lexicon, j: usize, end: usize) -> bool {
    j > 0
        && j + 1 < end.min(tokens.len())
        && tokens[j].lower == "'s"
        && tokens[j].span.start == tokens[j - 1].span.end
        && (lex.common_words.contains(&tokens[j - 1].lower)
            || lex.titles.contains_key(&tokens[j - 1].lower))
        && is_cap(&tokens[j + 1])
        && ORG_HEADS.contains(&tokens[j + 1].lower)
}

/// Whether a title ending at token `t_end` is a word of an organization's
/// name: its "'s" before a head word ("the Prosecutor's Office"), or a lone
/// head word after it ends the run ("the General Court", "the U.S. Marshals
/// Service").
pub(super) fn title_in_name(tokens: &[Token], lex: &Lexicon, t_end: usize, end: usize) -> bool {
    possessive_in_name(tokens, lex, t_end, end)
        || t_end + 1 == end
            && tokens[t_end].shape == Shape::Capitalized
            && ORG_HEADS.contains(&tokens[t_end].lower)
}

/// "Taiwan Semiconductor Manufacturing Co", "Fiat Chrysler Automobiles NV":
/// after a gazetteer name ending at `from`, capitalized words (other names
/// among them) closed by a legal form make one company's name; its end, and
/// whether another gazetteer name is inside. Not across "and" ("Toyota
/// Motor Corp and Sony Corp"), nor a title.
pub(super) fn company_end(sent: &SentenceCtx, from: usize, end: usize) -> Option<(usize, bool)> {
    let (tokens, lex, gaz_at) = (&sent.doc.toks.tokens, sent.doc.lex, sent.gaz_at);
    let mut k = from;
    let mut named = false;
    while k < end {
        if let Some(&(g_end, _)) = gaz_at.get(&k) {
            named = true;
            k = g_end;
        } else if is_cap(&tokens[k]) && title_at(tokens, k, end, lex).is_none()
            || tokens[k].lower == "&" && k + 1 < end && is_cap(&tokens[k + 1])
        {
            k += 1;
        } else {
            break;
        }
    }
    (k > from && is_legal_form(&tokens[k - 1].lower)).then_some((k, named))
}

/// Whether `words` are all corporate suffixes ("Inc", "Co.", "Computer").
pub(super) fn legal_forms(words: &[Token]) -> bool {
    words.iter().all(|t| CORPORATE_SUFFIXES.contains(&t.lower))
}

/// The gazetteer organization `entry` named by tokens `range` with its
/// suffixes ("Acme Inc", "Walt Disney Co.").
pub(super) fn push_company(
    out: &mut Recognized,
    tokens: &[Token],
    range: std::ops::Range<usize>,
    entry: usize,
) {
    out.push(
        tokens,
        range,
        EntityType::Organization,
        Evidence::Gazetteer(entry),
        Qualifiers::default(),
    );
}

/// A plural that is no name alone ("Workers", "Markets") inside one: an
/// organization's head word follows it ("Capital Markets Authority") or
/// comes before it with its connector ("Federation of Railway Workers").
pub(super) fn plural_in_name(tokens: &[Token], i: usize, j: usize, end: usize) -> bool {
    let w = tokens[j].lower.as_str();
    w.len() > 3
        && w.ends_with('s')
        && tokens[j].shape == Shape::Capitalized
        && ((j + 1..(j + 4).min(end))
            // ("Port Workers' Union": past the plural's apostrophe.)
            .take_while(|&k| is_cap(&tokens[k]) || k == j + 1 && tokens[k].lower == "'")
            .any(|k| ORG_HEADS.contains(&tokens[k].lower))
            || (i + 1..j).any(|k| head_connector(tokens, k, i)))
}

/// Bodies whose names go on with "on": "Committee on Digital Security".
pub(super) const ON_HEADS: [&str; 6] = [
    "committee",
    "subcommittee",
    "commission",
    "council",
    "conference",
    "panel",
];

/// Whether token `k` is "of", "for" or "on" right after an organization's
/// head word at `from` or later: "Bureau of", "Institute for".
pub(super) fn head_connector(tokens: &[Token], k: usize, from: usize) -> bool {
    k > from
        && match tokens[k].lower.as_str() {
            "of" | "for" => ORG_HEADS.contains(&tokens[k - 1].lower),
            "on" => ON_HEADS.contains(&tokens[k - 1].lower.as_str()),
            _ => false,
        }
}

/// The gazetteer entry of the party a label at token `i` of the run ending
/// at `end` names, where a title and a name, or a name of two words or
/// more, follow it in the run (and no organization's head word ends the run: "Democratic
/// National Convention" is no label and a name).
pub(super) fn party_label(tokens: &[Token], i: usize, end: usize, lex: &Lexicon) -> Option<usize> {
    // "Labour Minister Jonas Berg": the word opens a title, a portfolio.
    if title_at(tokens, i, end, lex).is_some_and(|(t_end, _)| t_end > i + 1) {
        return None;
    }
    let word = tokens[i].lower.as_str();
    let party = PARTY_LABELS
        .iter()
        .find_map(|e| e.split_once('\t').filter(|(w, _)| *w == word))?
        .1;
    let entry = *lex.by_name.get(party)?;
    // The name is the capitalized words after the label, up to a word
    // that joins two names ("Democrat Ana Costa and Senator Jonas Berg").
    let rest = &tokens[i + 1..end];
    let rest = &rest[..rest.iter().take_while(|t| is_cap(t)).count()];
    // A title with a name after it: "Democrat MP" alone is no one named.
    let titled = title_at(tokens, i + 1, end, lex).is_some_and(|(t_end, _)| t_end < end);
    let named = rest.len() >= 2
        && rest.iter().all(is_cap)
        && !rest
            .iter()
            .any(|t| ORG_HEADS.contains(&t.lower) || NOT_PERSON_WORDS.contains(&t.lower));
    (titled || named).then_some(entry)
}

/// The party a label right before the lowercase title at token `title`
/// names ("Republican senator Ana Costa", "Labour councillor Jonas
/// Berg"), for the person's `memberOf` where the story names the party
/// too. The label, a one-word run of its own, is an adjective here and
/// stays no mention: news annotation marks none ("Republican nominee
/// Donald Trump"). Not a portfolio ("Labour minister" where the lexicon
/// has "labour minister" as a title).
pub(super) fn party_before_title(sent: &SentenceCtx, title: usize) -> Option<usize> {
    let (tokens, lex) = (&sent.doc.toks.tokens, sent.doc.lex);
    let p = title.checked_sub(1).filter(|&p| p >= sent.start)?;
    if !is_cap(&tokens[p])
        || (p > sent.start && is_cap(&tokens[p - 1]))
        || title_at(tokens, p, title + lex.max_title_words, lex)
            .is_some_and(|(t_end, _)| t_end > p + 1)
    {
        return None;
    }
    let party = PARTY_LABELS
        .iter()
        .find_map(|e| e.split_once('\t').filter(|(w, _)| *w == tokens[p].lower))?
        .1;
    lex.by_name.get(party).copied()
}

/// A plural nationality or religious group word: "Afghans", "Muslims".
pub(super) fn is_group(word: &str, lex: &Lexicon) -> bool {
    word.len() > 4
        && word.ends_with('s')
        && (lex.demonyms.contains_key(word) || RELIGIOUS_GROUPS.contains(word))
}

/// Does a country in brackets open at token `at` ("Ana Lund (Norway)", as
/// results give an athlete's)?
pub(super) fn country_in_brackets(sent: &SentenceCtx, at: usize) -> bool {
    let tokens = &sent.doc.toks.tokens;
    tokens.get(at).is_some_and(|t| t.lower == "(")
        && tokens.get(at + 2).is_some_and(|t| t.lower == ")")
        && sent.gaz_at.get(&(at + 1)).is_some_and(|&(g_end, entry)| {
            g_end == at + 2 && sent.doc.lex.gazetteer[entry].kind == EntityType::Country
        })
}

/// Whether the name `s..e` is a player's on a scorecard: an initial, a
/// surname and the runs, wickets or time right after ("M. Hayden 121",
/// "C. Miller 3-77").
pub(super) fn scorer_before_figures(sent: &SentenceCtx, s: usize, e: usize) -> bool {
    let (text, tokens) = (sent.doc.text, &sent.doc.toks.tokens);
    e >= s + 2
        && super::super::is_initial(tokens[s].span.text(text))
        && tokens.get(e).is_some_and(|t| {
            let w = t.span.text(text);
            w.starts_with(|c: char| c.is_ascii_digit())
                && w.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | ':'))
        })
}

/// Whether tokens `i` and `i + 1` are a party member's label of two words
/// ("Social Democrat", "Christian Democrat", "Liberal Democrat", "Free
/// Democrat") before a name of two capitalized words or more.
pub(super) fn member_label(tokens: &[Token], i: usize, end: usize) -> bool {
    i + 4 <= end
        && matches!(
            tokens[i].lower.as_str(),
            "social" | "christian" | "liberal" | "free"
        )
        && tokens[i + 1].lower == "democrat"
        && tokens[i + 2..end]
            .iter()
            .take_while(|t| is_cap(t) || matches!(t.lower.as_str(), "-" | "‐"))
            .count()
            >= 2
}
