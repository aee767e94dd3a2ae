//! Document-level consistency: shorter forms of the names recognized
//! ("Lavrov" after "Sergey Lavrov", "FBI" after "Federal Bureau of
//! Investigation"), and the single capitalized words the runs left
//! undecided.

use super::{is_cap, is_legal_form, surname_key, Qualifiers, Recognized};
use crate::extract::Doc;
use crate::model::{EntityType, Evidence, Shape, Span, Token};
use crate::resources::words::ner::{
    IMPERSONAL_VERBS, ORG_HEADS, ORG_WORDS, RELIGIOUS_GROUPS, WORKER_NOUNS,
};
use crate::resources::Lexicon;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

/// Document-level consistency: shorter forms of recognized names, and
/// single capitalized words left undecided.
pub(super) fn resolve_aliases(doc: Doc, out: &mut Recognized, pending: &[(usize, bool)]) {
    let Doc {
        text,
        toks,
        lex,
        credits,
        ..
    } = doc;
    let tokens = &toks.tokens;
    repeated_organization_names(doc, out);
    // Surname → person; a known single-word name → its type.
    let mut names: HashMap<String, EntityType> = HashMap::default();
    // First words of names of three words → the names (kept where one:
    // "Kim" after "Kim Jong Nam" and "Kim Jong Un" is neither).
    let mut first_of: HashMap<String, HashSet<String>> = HashMap::default();
    for m in &out.mentions {
        let words: Vec<&str> = m.span.text(text).split_whitespace().collect();
        match m.kind {
            EntityType::Person if words.len() >= 2 => {
                let last = words[words.len() - 1];
                names
                    .entry(surname_key(last).to_string())
                    .or_insert(EntityType::Person);
                names.entry(last.to_string()).or_insert(EntityType::Person);
                // "Cárdenas" after "Julio Cárdenas Alva": a first surname
                // alone (Spanish and Portuguese names carry two), after a
                // given name.
                if let [given, middle, _] = words[..] {
                    if lex.given_names.contains(given)
                        && middle.chars().count() > 2
                        && middle.chars().all(char::is_alphabetic)
                    {
                        names
                            .entry(middle.to_string())
                            .or_insert(EntityType::Person);
                    }
                }
                // "Erik's ability" after "Erik Sandell": a given name alone;
                // so is the first of a name of three words where it is no
                // common word ("Meron" after "Meron Tesfaye Alemu": many
                // naming traditions refer to a person by the first name).
                let rare = |w: &str| {
                    w.chars().count() > 2
                        && w.chars().all(char::is_alphabetic)
                        && !lex.common_words.contains(&w.to_lowercase())
                        && !lex.demonyms.contains_key(w)
                };
                if lex.given_names.contains(words[0]) {
                    names
                        .entry(words[0].to_string())
                        .or_insert(EntityType::Person);
                } else if words.len() >= 3 && rare(words[0]) {
                    first_of
                        .entry(words[0].to_string())
                        .or_default()
                        .insert(words.join(" "));
                }
            }
            EntityType::Person => {
                names.entry(words.concat()).or_insert(EntityType::Person);
            }
            EntityType::Organization if m.evidence != Evidence::Pattern("acronym") => {
                // Acronym of a multiword organization: "Federal Bureau of Investigation" → "FBI"
                let initials: String = words
                    .iter()
                    // ("Amazon.com Inc" is no "AI": the legal form is
                    // no initial.)
                    .filter(|w| {
                        !matches!(**w, "of" | "for" | "and" | "the" | "&")
                            && !is_legal_form(&w.to_lowercase())
                    })
                    .filter_map(|w| w.chars().next())
                    .collect();
                if initials.chars().count() >= 2 {
                    names.entry(initials).or_insert(EntityType::Organization);
                }
                // "Solvik" after "Solvik Maritime", "Hoshida Marine
                // Holdings", "Vestby United": the first word of a name
                // ending in a trade or organization word, where it is no
                // common word ("National Police").
                if let [first, .., last] = words[..] {
                    // (Or any name of a firm whose first word is made up:
                    // "MedAxis" after "MedAxis Distribution".)
                    let by_head = m.evidence == Evidence::Pattern("organization head word")
                        || m.evidence == Evidence::Pattern("organization word");
                    let coined = first.chars().skip(1).any(char::is_uppercase)
                        && first.chars().all(char::is_alphabetic);
                    // ("the Avellino Prosecutor's Office", "the Vestby City
                    // Council": a public body's first word is its place.)
                    let public = matches!(
                        last.to_lowercase().as_str(),
                        "office"
                            | "department"
                            | "court"
                            | "police"
                            | "council"
                            | "authority"
                            | "tribunal"
                            | "assembly"
                            | "municipality"
                            | "prefecture"
                            | "university"
                    );
                    // ("Ford" after "Ford Motor Co": a company's legal
                    // form closes its name.)
                    let suffixed = is_legal_form(&last.to_lowercase());
                    // ("Slavia" after the results line's "Slavia Prague":
                    // a team by its first word.)
                    // (And "Bayern" after "Bayern Munich": a club the
                    // gazetteer knows.)
                    let team = m.evidence == Evidence::Pattern("result line")
                        || matches!(m.evidence, Evidence::Gazetteer(g)
                            if lex.gazetteer[g].category == "sports");
                    // "the Bulls" after "Chicago Bulls": a team by its
                    // plural nickname, a word no list knows.
                    let lower_last = last.to_lowercase();
                    if (by_head || matches!(m.evidence, Evidence::Gazetteer(_)))
                        && words.len() <= 3
                        && last.len() > 3
                        && last.ends_with('s')
                        && !last.ends_with("ss")
                        && last.starts_with(char::is_uppercase)
                        && !ORG_HEADS.contains(&lower_last)
                        && !ORG_WORDS.contains(&lower_last)
                        && !is_legal_form(&lower_last)
                        && !lex.common_words.contains(&lower_last)
                    {
                        names
                            .entry(last.to_string())
                            .or_insert(EntityType::Organization);
                    }
                    if (by_head
                        && !public
                        && (ORG_HEADS.contains(&last.to_lowercase())
                            || ORG_WORDS.contains(&last.to_lowercase()))
                        || coined
                        || suffixed
                        || team)
                        && first.starts_with(char::is_uppercase)
                        && !lex.common_words.contains(&first.to_lowercase())
                        && !lex.demonyms.contains_key(first)
                        && !lex.given_names.contains(first)
                    {
                        names
                            .entry(first.to_string())
                            .or_insert(EntityType::Organization);
                    }
                }
            }
            _ => {}
        }
    }
    for (first, full) in first_of {
        if full.len() == 1 {
            names.entry(first).or_insert(EntityType::Person);
        }
    }
    shorter_organization_names(text, lex, out);
    let taken: HashSet<usize> = out
        .mentions
        .iter()
        .flat_map(|m| m.first_token..m.end_token)
        .collect();
    let pending_set: HashMap<usize, bool> = pending.iter().copied().collect();
    let person_starts: HashSet<usize> = out
        .mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person)
        .map(|m| m.first_token)
        .collect();
    let in_credit = |s: Span| credits.iter().any(|c| c.contains(s));
    for sent in &toks.sentences {
        if in_credit(sent.span) {
            continue;
        }
        for i in sent.tokens.clone() {
            if taken.contains(&i) || !is_cap(&tokens[i]) {
                continue;
            }
            let w = tokens[i].span.text(text);
            if let Some(&kind) = names.get(w).or_else(|| names.get(surname_key(w))) {
                if !(i == sent.tokens.start && lex.not_names.contains(&tokens[i].lower)) {
                    out.push(
                        tokens,
                        i..i + 1,
                        kind,
                        Evidence::Alias,
                        Qualifiers::default(),
                    );
                }
            } else if pending_set.contains_key(&i)
                && !ORG_WORDS.contains(&tokens[i].lower)
                && ((i != sent.tokens.start && acts_like_person(tokens, i, lex))
                    || with_age(text, tokens, i))
            {
                // "Solberg met with Madsen": an unknown single name as the
                // subject of a verb of the event lexicon, or met "with" someone.
                out.push(
                    tokens,
                    i..i + 1,
                    EntityType::Person,
                    Evidence::Pattern("subject of an event verb"),
                    Qualifiers::default(),
                );
            } else if pending_set.contains_key(&i)
                && tokens.get(i + 1).is_some_and(|t| {
                    t.lower == "'s"
                        || t.shape == Shape::Lower
                            && lex.titles.contains_key(&t.lower)
                            && employer_before_title(text, tokens, i, sent.tokens.start, lex)
                })
                && person_starts.contains(&(i + 2))
                && !lex.given_names.contains(w)
                && !lex.not_names.contains(&tokens[i].lower)
                && !lex.common_words.contains(&tokens[i].lower)
            {
                // "McLaren's Oscar Piastri", "Bernstein analyst Daniel
                // Roeska": an unknown single name whose person follows (with
                // a lowercase title between) is where they work or play.
                out.push(
                    tokens,
                    i..i + 1,
                    EntityType::Organization,
                    Evidence::Pattern("possessor of a person"),
                    Qualifiers::default(),
                );
            } else if pending_set.get(&i) == Some(&true)
                && !lex.not_names.contains(&tokens[i].lower)
                && !is_language_like(&tokens[i].lower)
            {
                out.push(
                    tokens,
                    i..i + 1,
                    EntityType::Place,
                    Evidence::Pattern("place preposition"),
                    Qualifiers::default(),
                );
            }
        }
    }
}

/// "Sparta Prague" again where the gazetteer cut it into "Sparta" and the
/// city: an organization's name of two words or more the story gives is
/// that organization wherever the same words recur, in place of the
/// mentions inside them (not where a mention runs across its edge).
fn repeated_organization_names(doc: Doc, out: &mut Recognized) {
    let (text, tokens) = (doc.text, &doc.toks.tokens);
    let words =
        |r: Range<usize>| -> Vec<&str> { tokens[r].iter().map(|t| t.span.text(text)).collect() };
    let mut names: Vec<Vec<&str>> = out
        .mentions
        .iter()
        .filter(|m| m.kind == EntityType::Organization && m.end_token - m.first_token >= 2)
        .map(|m| words(m.first_token..m.end_token))
        .collect();
    names.sort();
    names.dedup();
    if names.is_empty() {
        return;
    }
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let at = names.iter().filter(|n| {
            i + n.len() <= tokens.len()
                && n.iter()
                    .zip(&tokens[i..])
                    .all(|(w, t)| *w == t.span.text(text))
        });
        match at.map(Vec::len).max() {
            Some(n) => {
                found.push(i..i + n);
                i += n;
            }
            None => i += 1,
        }
    }
    for r in found {
        let exact = out
            .mentions
            .iter()
            .any(|m| m.first_token == r.start && m.end_token == r.end);
        let across = out.mentions.iter().any(|m| {
            m.first_token < r.end
                && m.end_token > r.start
                && (m.first_token < r.start || m.end_token > r.end)
        });
        if exact || across {
            continue;
        }
        let keep: Vec<bool> = out
            .mentions
            .iter()
            .map(|m| m.end_token <= r.start || m.first_token >= r.end)
            .collect();
        super::patterns::retain_mentions(out, &keep);
        out.push(
            tokens,
            r,
            EntityType::Organization,
            Evidence::Alias,
            Qualifiers::default(),
        );
    }
}

/// "Highveld Milk" in a headline before "Highveld Milk Holdings" in the
/// story: a name of two words or more taken for a person (no given name
/// opening it, no title before it) whose words open an organization's name
/// of the same text is that organization's.
fn shorter_organization_names(text: &str, lex: &Lexicon, out: &mut Recognized) {
    let orgs: Vec<Vec<&str>> = out
        .mentions
        .iter()
        .filter(|m| m.kind == EntityType::Organization)
        .map(|m| m.span.text(text).split_whitespace().collect())
        .collect();
    for m in &mut out.mentions {
        let words: Vec<&str> = m.span.text(text).split_whitespace().collect();
        if m.kind == EntityType::Person
            && words.len() >= 2
            && m.extent == m.span
            && !lex.given_names.contains(words[0])
            && orgs
                .iter()
                .any(|o| o.len() > words.len() && o.starts_with(&words))
        {
            m.kind = EntityType::Organization;
        }
    }
}

/// Can token `i`, before a lowercase title and a person's name, be where
/// the person works ("Bernstein analyst Daniel Roeska")? Not a common word
/// opening the sentence ("Polling expert X"), nor a word of a people, a language or
/// a faith ("English striker X", "Protestant pastor X"), nor a hyphened
/// one ("Pro-democracy activist X").
fn employer_before_title(
    text: &str,
    tokens: &[Token],
    i: usize,
    start: usize,
    lex: &Lexicon,
) -> bool {
    let w = tokens[i].span.text(text);
    // (Opening the sentence, only before a worker's noun and where the word
    // is no common one: "Bernstein analyst X", not "Polling expert X".)
    let opening_ok = || {
        tokens
            .get(i + 1)
            .is_some_and(|t| WORKER_NOUNS.contains(&t.lower))
            && !lex.common_words.contains(&tokens[i].lower)
    };
    (i != start || opening_ok())
        && !w.contains('-')
        && !lex.demonyms.contains_key(w)
        && !is_language_like(&tokens[i].lower)
        && !RELIGIOUS_GROUPS.contains(format!("{w}s").as_str())
}

/// "in English", "in Arabic": a language, not a place.
fn is_language_like(w: &str) -> bool {
    ["ish", "ese", "ian", "ic"].iter().any(|e| w.ends_with(e))
}

/// "Teixeira, 28,": a name with an age in apposition is a person.
fn with_age(text: &str, tokens: &[Token], i: usize) -> bool {
    let at = |k: usize| tokens.get(k).map_or("", |t| t.span.text(text));
    at(i + 1) == ","
        && at(i + 2).len() <= 3
        && at(i + 2)
            .parse::<u32>()
            .is_ok_and(|n| (1..=120).contains(&n))
        && matches!(at(i + 3), "," | "")
}

fn acts_like_person(tokens: &[Token], i: usize, lex: &Lexicon) -> bool {
    use crate::resources::Pos;
    // After a colon or a quote a capital says nothing ("2024: Contractor
    // arrested"); after "the" it names a party or a band, not a person
    // ("the Greens won"); after "of" it is governed by the noun before
    // ("the port authority of Nordby fired": the authority fired).
    if i > 0
        && matches!(
            tokens[i - 1].lower.as_str(),
            ":" | "\"" | "“" | "(" | "-" | "–" | "—" | "the" | "of"
        )
    {
        return false;
    }
    let verb_after = tokens.get(i + 1).is_some_and(|n| {
        n.shape == Shape::Lower
            && lex.triggers.get(&n.lower).is_some_and(|r| {
                // Countries attend summits and storms strike as often as
                // people do: these verbs tell no person.
                r.iter().any(|t| {
                    t.pos == Pos::Verb
                        && !t.generic
                        && matches!(t.tense.as_str(), "past" | "pres")
                        && !IMPERSONAL_VERBS.contains(&t.lemma)
                })
            })
    });
    let met_with = i >= 2
        && tokens[i - 1].lower == "with"
        && lex.triggers.get(&tokens[i - 2].lower).is_some_and(|r| {
            r.iter()
                .any(|t| t.kind == "Meeting" || t.kind == "Communication")
        });
    verb_after || met_with
}
