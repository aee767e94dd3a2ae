//! Classifying a chunk of a capitalized run (what is left between
//! gazetteer names, demonyms and titles): an organization or place by its
//! head word, a settlement, a firm of names joined by "&", a person, or a
//! single word left for the document-level pass.

use super::super::{
    is_cap, is_hyphen_modifier, is_name_particle, modifier_suffix, title_at, Qualifiers, Recognized,
};
use super::words::{country_in_brackets, head_connector, is_group, scorer_before_figures};
use super::{segment_run, Chunk, SentenceCtx};
use crate::extract::Doc;
use crate::model::{EntityType, Evidence, Shape, Token};
use crate::resources::words::ner::{
    HEAD_MODIFIED, MOTION_WORDS, NAME_PARTICLES, NOT_PERSON_WORDS, ORG_DESCRIPTORS, ORG_HEADS,
    ORG_OPENERS, ORG_WORDS, PLACE_HEADS, PLACE_OPENERS, WORKER_NOUNS,
};

/// Classify a chunk of a run: an organization or place by its head word,
/// a person, an organization, or a single word left for the document-level
/// pass (`pending`).
pub(super) fn classify_chunk(
    sent: &SentenceCtx,
    chunk: Chunk,
    q: &Qualifiers,
    out: &mut Recognized,
    pending: &mut Vec<(usize, bool)>,
) {
    let Doc {
        text, toks, lex, ..
    } = sent.doc;
    let (tokens, sent_start, headline) = (&toks.tokens, sent.start, sent.headline);
    let Chunk {
        start,
        end,
        prefix,
        titled,
    } = chunk;
    // Trim connectors at the edges, and a modifier before the name
    // ("Paris-based Veltra Group").
    let mut s = start;
    let mut e = end;
    while s < e && (!is_cap(&tokens[s]) || e - s > 1 && is_hyphen_modifier(text, &tokens[s])) {
        s += 1;
    }
    // "Cape Town-based Fynbos Capital": a place hyphened to "based" inside
    // the run modifies the name after it.
    if let Some(k) = (s..e.saturating_sub(1))
        .rev()
        .find(|&k| modifier_suffix(text, &tokens[k]))
    {
        s = k + 1;
    }
    // "Vessler CEO quits": a title in capitals closing the run is no part
    // of a name (the organization before it is the title's).
    while e > s && (!is_cap(&tokens[e - 1]) || e > s + 1 && acronym_title(lex, &tokens[e - 1])) {
        e -= 1;
    }
    // "the Sao Paulo-based company": a name hyphened to "based", "led",
    // "born"… modifies what follows, as "London-based" does; no one is
    // named ("Lee Cheuk-yan", "Kim Jong-un" are names).
    if s >= e || modifier_suffix(text, &tokens[e - 1]) {
        return;
    }
    let lows: Vec<&str> = tokens[s..e].iter().map(|t| t.lower.as_str()).collect();
    // "Court records show", "Council members said": a lone head word
    // opening the sentence before a common noun it modifies names nothing;
    // nor one that is a common word before its verb ("Oil rose", "Police
    // said").
    if e == s + 1
        && s == sent_start
        && ORG_HEADS.contains(lows[0])
        && tokens.get(e).is_some_and(|t| {
            t.shape == Shape::Lower
                && (HEAD_MODIFIED.contains(&t.lower) || lex.common_words.contains(lows[0]))
        })
    {
        return;
    }
    let has_connector = lows
        .iter()
        .any(|w| matches!(*w, "of" | "for" | "and" | "&"));
    // A place head word names a place only after a name ("Everett
    // Factory"), not alone ("Port authority chief fired").
    // "the law firm Hartwell Moss", "the utility Atlas Grid": a noun
    // naming a kind of organization right before the name (not a person's
    // name: "the group Ana Costa founded").
    let described = !titled
        && s > sent_start
        && ORG_DESCRIPTORS.contains(&tokens[s - 1].lower)
        && !lex.given_names.contains(tokens[s].span.text(text));
    // "Himal Air", "Buddha Air": "Air" closing a name is an airline's (not
    // a product line's after a word in mixed case, "MacBook Air"; not an
    // organization's head word before "and": "National Air and Space
    // Museum").
    let airline = lows.len() >= 2
        && lows[lows.len() - 1] == "air"
        && !tokens[e - 2]
            .span
            .text(text)
            .chars()
            .skip(1)
            .any(char::is_uppercase);
    let head_word = ORG_HEADS.contains(lows.last().copied().unwrap_or(""))
        || airline
        || (lows.len() > 2 && ORG_HEADS.contains(lows[0]) && lows[1] == "of")
        // "Norland National Bureau of Farm Statistics"; "and" after it only
        // where what follows names nothing on its own ("Federation of Rail
        // and Port Workers", not "Bureau of Statistics and Ana Costa").
        || (1..lows.len().saturating_sub(1)).any(|m| {
            head_connector(&tokens[s..e], m, 0)
                && lows[m..]
                    .iter()
                    .rposition(|w| matches!(*w, "and" | "&"))
                    .is_none_or(|a| {
                        let rest = &lows[m + a + 1..];
                        !rest.is_empty()
                            && !rest.iter().any(|w| ORG_HEADS.contains(w) || lex.titles.contains_key(*w))
                            && !lex.given_names.contains(tokens[s + m + a + 1].span.text(text))
                    })
        })
        || (lows.len() >= 2 && ORG_OPENERS.contains(lows[0]));
    // "Transcarpat Infrastructura, a construction firm that…": a noun
    // naming a kind of organization heading the apposition after the name.
    let apposed = {
        let at = |k: usize| tokens.get(e + k);
        let ends_phrase = |k: usize| {
            at(k).is_none_or(|t| {
                t.shape != Shape::Lower
                    || matches!(
                        t.lower.as_str(),
                        "that" | "which" | "of" | "in" | "with" | "whose"
                    )
                    || t.lower.ends_with("ed")
            })
        };
        let head = (2..6)
            .take_while(|&k| at(k).is_some_and(|t| t.shape == Shape::Lower))
            .find(|&k| ends_phrase(k + 1));
        !titled
            && at(0).is_some_and(|t| t.lower == ",")
            && at(1).is_some_and(|t| matches!(t.lower.as_str(), "a" | "an"))
            && head.is_some_and(|k| at(k).is_some_and(|h| ORG_DESCRIPTORS.contains(&h.lower)))
            && !lex.given_names.contains(tokens[s].span.text(text))
    };
    let described = described || apposed;
    // "an analyst at Jefferies", "engineers with Kestrel Freight": where
    // people work, after the noun of their work and "at" or "with".
    let workplace = !titled
        && !PLACE_HEADS.contains(lows.last().copied().unwrap_or(""))
        && s >= sent_start + 2
        && matches!(tokens[s - 1].lower.as_str(), "at" | "with")
        && WORKER_NOUNS.contains(&tokens[s - 2].lower);
    let org_head = head_word || described || workplace;
    let place_head = lows.len() >= 2
        && (PLACE_HEADS.contains(lows.last().copied().unwrap_or(""))
            // ("Del Piero": a word that is a surname's particle too, only
            // after a preposition of place: "filed in Del Rio".)
            || PLACE_OPENERS.contains(lows[0])
                && (!NAME_PARTICLES.contains(lows[0])
                    || s > sent_start
                        && matches!(tokens[s - 1].lower.as_str(), "in" | "at" | "near" | "from"))
                && !has_connector
                && (!RELATIVE_OPENERS.contains(&lows[0]) || part_of_place(sent, s, e)));
    // "Tomas Reyes of the National Unity Party": a name of rare words
    // (none an organization's or a common word), then "of the" and an
    // organization: two names.
    let name_word = |w: &&str| {
        !(ORG_HEADS.contains(w)
            || ORG_WORDS.contains(w)
            || ORG_OPENERS.contains(w)
            || PLACE_HEADS.contains(w)
            || lex.common_words.contains(*w))
    };
    // So is a given name and a surname before "of" and a firm without
    // "the": "Karin Ostberg of Nordbank Metals".
    if let Some(m) = lows.iter().position(|w| *w == "of") {
        let with_the = lows.get(m + 1) == Some(&"the");
        let skip = usize::from(with_the);
        if (2..=3).contains(&m)
            && m + 1 + 2 * skip < lows.len()
            && (with_the && head_word || lex.given_names.contains(tokens[s].span.text(text)))
            && lows[..m].iter().all(name_word)
            && tokens[s..s + m]
                .iter()
                .all(|t| t.shape == Shape::Capitalized)
        {
            for (a, b, first) in [(s, s + m, true), (s + m + 1 + skip, e, false)] {
                let part = Chunk {
                    start: a,
                    end: b,
                    prefix: if first { prefix } else { None },
                    titled: titled && first,
                };
                classify_chunk(sent, part, q, out, pending);
            }
            return;
        }
    }
    // "Helix Corp and Veltra Group": two organizations, each complete with
    // its head word ("Procter and Gamble", "Department of Health and Human
    // Services" stay one).
    // So are a person and an organization: "Jonas Berg and Helix Corp"
    // (a given name and a surname before "and", a head word at the end).
    let person_first = |m: usize| {
        (2..=3).contains(&m)
            && lex.given_names.contains(tokens[s].span.text(text))
            && lows.last().is_some_and(|w| ORG_HEADS.contains(w))
    };
    // Or a name of two or three rare words ("Vo Van Kiet and Communist
    // Party").
    let rare_first = |m: usize| {
        (2..=3).contains(&m)
            && lows[..m].iter().all(name_word)
            && tokens[s..s + m]
                .iter()
                .all(|t| t.shape == Shape::Capitalized)
            && lows.last().is_some_and(|w| ORG_HEADS.contains(w))
            && e - (s + m + 1) >= 2
    };
    let two = (1..lows.len().saturating_sub(1)).find(|&m| {
        matches!(lows[m], "and" | "&")
            && (ORG_HEADS.contains(lows[m - 1]) || person_first(m) || rare_first(m))
    });
    if let (true, Some(m)) = (org_head, two) {
        for (a, b) in [(s, s + m), (s + m + 1, e)] {
            let part = Chunk {
                start: a,
                end: b,
                prefix: if a == s { prefix } else { None },
                titled: titled && a == s,
            };
            classify_chunk(sent, part, q, out, pending);
        }
        return;
    }
    if org_head {
        let s = prefix.unwrap_or(s);
        out.push(
            tokens,
            s..e,
            EntityType::Organization,
            Evidence::Pattern(if head_word {
                "organization head word"
            } else if described {
                "organization noun before the name"
            } else {
                "where people work"
            }),
            Qualifiers::default(),
        );
        return;
    }
    if place_head && !titled {
        out.push(
            tokens,
            s..e,
            EntityType::Place,
            Evidence::Pattern("place head word"),
            Qualifiers::default(),
        );
        return;
    }
    // "the town of Vila Nova", "Vila Nova, a town west of Porto": a
    // settlement's name.
    let settlement = |w: &str| {
        matches!(
            w,
            "city" | "town" | "village" | "district" | "province" | "region" | "county" | "suburb"
        )
    };
    let after = |k: usize| tokens.get(e + k).map_or("", |t| t.lower.as_str());
    // (Not "Ana Costa, the town's mayor".) "in Seti Kanda district": the
    // word after the name.
    // "the towns of Kundal Bagh and Nawe Kalay": each name of a list after
    // a plural settlement noun and "of".
    let listed = {
        let mut k = s;
        while k > sent_start
            && (is_cap(&tokens[k - 1]) || matches!(tokens[k - 1].lower.as_str(), "and" | ","))
            && s - k < 8
        {
            k -= 1;
        }
        k >= sent_start + 2
            && tokens[k - 1].lower == "of"
            && matches!(
                tokens[k - 2].lower.as_str(),
                "cities"
                    | "towns"
                    | "villages"
                    | "districts"
                    | "provinces"
                    | "regions"
                    | "counties"
                    | "suburbs"
            )
    };
    // "the mayor of Nordby", "the outskirts of Vestby": words said of a
    // town before its name and "of".
    let of_a_town = |w: &str| {
        settlement(w)
            || matches!(
                w,
                "mayor"
                    | "residents"
                    | "inhabitants"
                    | "outskirts"
                    | "streets"
                    | "municipality"
                    | "harbour"
                    | "harbor"
            )
    };
    let settled = listed
        || s >= sent_start + 2 && tokens[s - 1].lower == "of" && of_a_town(&tokens[s - 2].lower)
        || settlement(after(0)) && !matches!(after(1), "'s" | "'")
        || after(0) == ","
            && after(1) == "a"
            && (2..5).any(|k| settlement(after(k)) && !matches!(after(k + 1), "'s" | "'"));
    // Each name of the list its own place.
    if listed && !titled {
        if let Some(m) = lows.iter().position(|w| matches!(*w, "and" | ",")) {
            for (a, b) in [(s, s + m), (s + m + 1, e)] {
                let part = Chunk {
                    start: a,
                    end: b,
                    prefix: None,
                    titled: false,
                };
                classify_chunk(sent, part, q, out, pending);
            }
            return;
        }
    }
    if settled && !titled && !org_head {
        out.push(
            tokens,
            s..e,
            EntityType::Place,
            Evidence::Pattern("a settlement's name"),
            Qualifiers::default(),
        );
        return;
    }
    // "Molnar & Pike", "Hale & Dorr": names joined by an ampersand are a
    // firm's.
    // (Not "Strand & Keel Chief Executive Ola Brekke": a title goes on.)
    let amp = lows.iter().position(|w| *w == "&").unwrap_or(0);
    if !titled
        && amp > 0
        && amp + 1 < lows.len()
        && lows.len() <= 4
        && !lows
            .iter()
            .any(|w| lex.titles.contains_key(*w) || lex.title_heads.contains(*w))
    {
        out.push(
            tokens,
            prefix.unwrap_or(s)..e,
            EntityType::Organization,
            Evidence::Pattern("names joined by an ampersand"),
            Qualifiers::default(),
        );
        return;
    }
    if has_connector {
        // "Tillerson and Lavrov": split at connectors and classify the parts.
        let mut k = s;
        while k < e {
            let mut m = k;
            while m < e
                && is_cap(&tokens[m])
                && !matches!(tokens[m].lower.as_str(), "of" | "for" | "and" | "&")
            {
                m += 1;
            }
            if m > k && k > s && title_at(tokens, k, e, lex).is_some_and(|(t_end, _)| t_end > m) {
                // "Ana Costa and Secretary of State Jonas Berg": a
                // title with its own connector after one goes on to the end.
                segment_run(sent, k, e, out, pending);
                return;
            } else if m > k && k > s {
                // "Laura Kim and Russian President Oleg Smirnov": a
                // later part has its own demonyms and titles.
                segment_run(sent, k, m, out, pending);
            } else if m > k {
                let part = Chunk {
                    start: k,
                    end: m,
                    prefix: None,
                    titled,
                };
                classify_chunk(sent, part, q, out, pending);
            }
            k = m + 1;
        }
        return;
    }
    let n = e - s;
    // "iPhone 3GS", "iPod Nano": a word starting in lowercase marks a
    // product or brand, not a person; a name's particle does not ("Ludwig
    // van Beethoven", "Bashar al-Assad").
    if tokens[s..e].iter().any(|t| {
        t.span.text(text).starts_with(|c: char| c.is_lowercase()) && !is_name_particle(text, t)
    }) {
        return;
    }
    let first_text = tokens[s].span.text(text);
    let given = lex.given_names.contains(first_text);
    let org_word = lows.iter().any(|w| ORG_WORDS.contains(w));
    let all_upper = tokens[s..e].iter().all(|t| t.shape == Shape::Upper);
    // Events, products and vehicles are not people: "Lantern Festival",
    // "Operation Clambake", "Hurricane Katrina", "Space Shuttle Atlantis".
    if !titled && lows.iter().any(|w| NOT_PERSON_WORDS.contains(w)) {
        return;
    }
    if !titled && n >= 2 && PARTY_MEMBERS.contains(&lows[n - 1]) {
        // "the Free Democrats", "Christian Democrats": a party by its
        // members' name.
        out.push(
            tokens,
            s..e,
            EntityType::Organization,
            Evidence::Pattern("party by its members"),
            Qualifiers::default(),
        );
    } else if titled || (given && n >= 2) {
        out.push(
            tokens,
            s..e,
            EntityType::Person,
            Evidence::Pattern(if titled {
                "title before name"
            } else {
                "given name"
            }),
            q.clone(),
        );
    } else if n >= 2 && org_word {
        out.push(
            tokens,
            s..e,
            EntityType::Organization,
            Evidence::Pattern("organization word"),
            Qualifiers::default(),
        );
    } else if n >= 2
        && !headline
        && !all_upper
        && tokens[s].shape == Shape::Upper
        && tokens[s]
            .lower
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 3
        && tokens[s].lower.chars().all(char::is_alphabetic)
    {
        // "SOS Mediterranee", "KLM Cityhopper": an acronym opening a name
        // of capitalized words opens no person's name.
        out.push(
            tokens,
            s..e,
            EntityType::Organization,
            Evidence::Pattern("acronym opening a name"),
            Qualifiers::default(),
        );
    } else if n >= 2
        // (A name before a country in brackets, a line of results': "Ana
        // Lund (Norway) 10.92".)
        && (!headline || country_in_brackets(sent, e) || scorer_before_figures(sent, s, e))
        && !all_upper
        // "won the Golden Lion": "the" names no person by capitals alone.
        && (s == sent_start || tokens[s - 1].lower != "the")
        && (!lex.common_words.contains(lows[n - 1])
            || is_name_particle(text, &tokens[e - 2]) && tokens[e - 2].shape != Shape::Upper)
    {
        // "Sehar Memon", but not "Science Fair" or "Mountain View": a name
        // does not end with a common word, unless a name's particle comes
        // before it ("Marine Le Pen").
        out.push(
            tokens,
            s..e,
            EntityType::Person,
            Evidence::Pattern("capitalized name"),
            q.clone(),
        );
    } else if n == 1
        && all_upper
        && tokens[s]
            .lower
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 2
        && tokens[s]
            .lower
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '&')
        && !headline
        && !is_roman_numeral(&tokens[s].lower)
        // ("CCTV", "GDP", "CEO": acronyms of no organization.)
        && !lex.not_names.contains(&tokens[s].lower)
    {
        out.push(
            tokens,
            s..e,
            EntityType::Organization,
            Evidence::Pattern("acronym"),
            Qualifiers::default(),
        );
    } else if n == 1 && is_group(tokens[s].span.text(text), lex) {
        out.push(
            tokens,
            s..e,
            EntityType::Person,
            Evidence::Pattern("group of people"),
            Qualifiers::default(),
        );
    } else if n == 1 && s >= sent_start + 2 && stake_in(&tokens[s - 2], &tokens[s - 1]) {
        // "a stake in Belgacom", "shares in Kestrel": what is owned in
        // shares is a company, not where it is.
        out.push(
            tokens,
            s..e,
            EntityType::Organization,
            Evidence::Pattern("company of a stake"),
            Qualifiers::default(),
        );
    } else if n == 1 {
        // "to" leads to a place only after a word of motion ("flew to
        // Tromsø", not "an offer to Teixeira").
        let motion = |k: usize| {
            k > sent_start
                && MOTION_WORDS
                    .iter()
                    .any(|m| tokens[k - 1].lower.starts_with(m))
        };
        let after_place_prep = s > sent_start
            && match tokens[s - 1].lower.as_str() {
                "in" | "at" | "near" | "from" => true,
                "to" => motion(s - 1),
                // "Liam Carter, of Beeston, was jailed": where a person
                // named before the comma lives ("Liam Carter, 29, of
                // Beeston"; "a son, Paul Voss of Beeston;" in a list).
                "of" => {
                    let next = tokens.get(s + 1).map_or("", |t| t.lower.as_str());
                    s >= sent_start + 3
                        && (tokens[s - 2].lower == ","
                            && (is_cap(&tokens[s - 3]) || tokens[s - 3].shape == Shape::Number)
                            && matches!(next, "," | "." | ";")
                            || is_cap(&tokens[s - 2]) && next == ";")
                }
                _ => false,
            };
        // "its Emden plant": a works named by its town.
        let site_after = tokens[s].lower.chars().all(char::is_alphabetic)
            && tokens.get(e).is_some_and(|t| {
                t.shape == Shape::Lower
                    && matches!(
                        t.lower.as_str(),
                        "plant" | "factory" | "refinery" | "mill" | "smelter" | "mine" | "facility"
                    )
            });
        // (In a headline, a common word is capitalized as every word is:
        // "Little Progress at Talks".)
        let common_in_headline = headline && lex.common_words.contains(&tokens[s].lower);
        pending.push((
            s,
            (after_place_prep || site_after) && s != sent_start && !common_in_headline,
        ));
    }
}

/// Words that open a place's name as a part of another ("East Harlem",
/// "Little Venice", "Southern Kordofan").
const RELATIVE_OPENERS: [&str; 12] = [
    "east", "west", "north", "south", "northern", "southern", "eastern", "western", "upper",
    "lower", "greater", "little",
];

/// Whether the chunk `s..e`, opened by a relative word, is a part of a
/// place ("East Frisia"): not in a headline ("Little Progress Made"), no
/// common word after it ("Eastern Conference"), and not a region's people
/// ("West African", "Eastern European").
fn part_of_place(sent: &SentenceCtx, s: usize, e: usize) -> bool {
    let (text, tokens, lex) = (sent.doc.text, &sent.doc.toks.tokens, sent.doc.lex);
    let last = tokens[e - 1].span.text(text);
    let people = ["n", "an"].iter().any(|suffix| {
        last.strip_suffix(suffix)
            .is_some_and(|stem| lex.by_name.contains_key(stem))
    });
    !sent.headline
        && !people
        && tokens[s + 1..e]
            .iter()
            .all(|t| !lex.common_words.contains(&t.lower))
}

/// Whether `noun` and `prep` say what follows is owned in shares: "stake
/// in", "holdings in", "shares in", "share from" ("taking share from").
fn stake_in(noun: &Token, prep: &Token) -> bool {
    prep.lower == "in"
        && matches!(
            noun.lower.as_str(),
            "stake" | "stakes" | "holding" | "holdings" | "shares" | "shareholding"
        )
        || prep.lower == "from" && matches!(noun.lower.as_str(), "share" | "business" | "customers")
}

/// Plurals of party members, closing a party's name ("Social Democrats").
const PARTY_MEMBERS: [&str; 9] = [
    "democrats",
    "republicans",
    "conservatives",
    "socialists",
    "liberals",
    "greens",
    "communists",
    "nationalists",
    "unionists",
];

/// "XVII", "IV": a numeral, not an acronym.
fn is_roman_numeral(w: &str) -> bool {
    w.len() >= 2
        && w.chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c' | 'd' | 'm'))
}

/// A title written as capitals: "CEO", "CFO", "MP".
fn acronym_title(lex: &crate::resources::Lexicon, t: &crate::model::Token) -> bool {
    t.shape == Shape::Upper && t.lower.len() >= 2 && lex.titles.contains_key(&t.lower)
}
