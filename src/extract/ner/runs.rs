//! Capitalized runs: finding them in each sentence, cutting them at
//! gazetteer names, demonyms and titles, and classifying the chunks left.

use super::{
    is_cap, is_headline, is_hyphen_modifier, is_name_particle, is_numbered_name, title_at,
    Qualifiers, Recognized,
};
use crate::extract::Doc;
use crate::model::{EntityType, Evidence, Shape, Span, Token};
use crate::resources::words::ner::{
    CORPORATE_SUFFIXES, MOTION_WORDS, NAME_PARTICLES, NOT_PERSON_WORDS, ORG_DESCRIPTORS, ORG_HEADS,
    ORG_OPENERS, ORG_WORDS, PARTY_LABELS, PLACE_HEADS, PLACE_OPENERS, RELIGIOUS_GROUPS,
};
use crate::resources::Lexicon;
use std::collections::HashMap;

/// Gazetteer matches aligned to tokens: token index → (end token, entry).
type GazAt = HashMap<usize, (usize, usize)>;

/// The sentence a run is in, with what classifying it needs.
struct SentenceCtx<'a> {
    doc: Doc<'a>,
    gaz_at: &'a GazAt,
    /// Its first token.
    start: usize,
    /// Written as a headline: capitals tell less there.
    headline: bool,
}

/// A chunk of a run to classify: tokens `start..end`.
#[derive(Clone, Copy)]
struct Chunk {
    start: usize,
    end: usize,
    /// A demonym right before it, part of an organization's name
    /// ("Norwegian Port Authority").
    prefix: Option<usize>,
    /// Right after a title ("Foreign Minister ...").
    titled: bool,
}

/// The mentions the capitalized runs of a document give, and the single
/// capitalized words left undecided as (token, after a place preposition),
/// for the document-level pass.
pub(super) fn names_in_runs(doc: Doc) -> (Recognized, Vec<(usize, bool)>) {
    let Doc {
        text,
        toks,
        lex,
        credits,
        ..
    } = doc;
    let tokens = &toks.tokens;
    let start_tok: HashMap<usize, usize> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| (t.span.start, i))
        .collect();
    let end_tok: HashMap<usize, usize> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| (t.span.end, i + 1))
        .collect();
    let mut gaz_at: GazAt = HashMap::new();
    for m in lex.gazetteer_matches(text) {
        if let (Some(&a), Some(&b)) = (start_tok.get(&m.start), end_tok.get(&m.end)) {
            gaz_at.insert(a, (b, m.entry));
        }
    }
    let in_credit = |s: Span| credits.iter().any(|c| c.contains(s));
    let mut out = Recognized::default();
    let mut pending_single: Vec<(usize, bool)> = Vec::new(); // (token, after place preposition)
    for sent in &toks.sentences {
        if in_credit(sent.span) {
            continue;
        }
        let range = sent.tokens.clone();
        let sentence = SentenceCtx {
            doc,
            gaz_at: &gaz_at,
            start: range.start,
            headline: is_headline(text, &tokens[range.clone()]),
        };
        let mut i = range.start;
        while i < range.end {
            // Find the next run of name tokens.
            if !is_name_start(&sentence, i) {
                i += 1;
                continue;
            }
            let run_end = run_end(&sentence, i, range.end);
            segment_run(&sentence, i, run_end, &mut out, &mut pending_single);
            i = run_end.max(i + 1);
        }
    }
    (out, pending_single)
}

fn is_name_start(sent: &SentenceCtx, i: usize) -> bool {
    let Doc {
        text, toks, lex, ..
    } = sent.doc;
    let t = &toks.tokens[i];
    if sent.gaz_at.contains_key(&i) {
        return true;
    }
    if !is_cap(t) {
        return false;
    }
    // Function words, months and weekdays are not names (unless, mid-sentence,
    // they are also a given name).
    !(lex.not_names.contains(&t.lower)
        && (i == sent.start || !lex.given_names.contains(t.span.text(text))))
}

/// End (exclusive) of the capitalized run starting at `i`.
fn run_end(sent: &SentenceCtx, i: usize, end: usize) -> usize {
    let (tokens, lex, gaz_at) = (&sent.doc.toks.tokens, sent.doc.lex, sent.gaz_at);
    let mut j = i;
    while j < end {
        if let Some(&(g_end, _)) = gaz_at.get(&j) {
            j = g_end;
            continue;
        }
        let t = &tokens[j];
        if j > i && is_numbered_name(t) {
            j += 1;
            continue;
        }
        if is_cap(t)
            && !(j > i && lex.not_names.contains(&t.lower) && !lex.titles.contains_key(&t.lower))
        {
            j += 1;
            continue;
        }
        // Connectors inside names: "Ministry of Foreign Affairs", "Ludwig van Beethoven".
        let connector = matches!(t.lower.as_str(), "of" | "for" | "and" | "&")
            || NAME_PARTICLES.contains(&t.lower);
        if connector
            && j > i
            && j + 1 < end
            && (is_cap(&tokens[j + 1]) || gaz_at.contains_key(&(j + 1)))
        {
            j += 1;
            continue;
        }
        // "United Mineworkers' Front", "the Farmers' Alliance": a plural's
        // apostrophe inside a name.
        if t.lower == "'"
            && j > i
            && j + 1 < end
            && t.span.start == tokens[j - 1].span.end
            && tokens[j - 1].lower.ends_with('s')
            && is_cap(&tokens[j + 1])
        {
            j += 1;
            continue;
        }
        // "Office of the Auditor General"
        if t.lower == "of"
            && j > i
            && j + 2 < end
            && tokens[j + 1].lower == "the"
            && (is_cap(&tokens[j + 2]) || gaz_at.contains_key(&(j + 2)))
        {
            j += 2;
            continue;
        }
        break;
    }
    j
}

/// Cut the run `start..end` at gazetteer names, demonyms and titles, and
/// classify what is between them.
fn segment_run(
    sent: &SentenceCtx,
    start: usize,
    end: usize,
    out: &mut Recognized,
    pending: &mut Vec<(usize, bool)>,
) {
    let Doc {
        text, toks, lex, ..
    } = sent.doc;
    let (tokens, gaz_at, sent_start) = (&toks.tokens, sent.gaz_at, sent.start);
    let mut q = Qualifiers::default();
    // A lowercase title right before the run ("spokesman Dmitry Peskov").
    let mut titled = false;
    if start > sent_start {
        for back in 1..=lex.max_title_words.min(start - sent_start) {
            if let Some((e, t)) = title_at(tokens, start - back, start, lex) {
                if e == start
                    && tokens[start - back..start]
                        .iter()
                        .all(|t| t.shape == Shape::Lower)
                {
                    q.title = Some(t);
                    titled = true;
                }
            }
        }
    }
    let mut i = start;
    // The first token of a demonym and the token after it.
    let mut demonym_at: Option<(usize, usize)> = None;
    // The end of the last gazetteer name.
    let mut after_gazetteer: Option<usize> = None;
    while i < end {
        if let Some(&(g_end, entry)) = gaz_at.get(&i) {
            let g = &lex.gazetteer[entry];
            // "Apple Corps", "United States Navy": a gazetteer name followed by
            // capitalized words ending in an organization word is another
            // organization.
            let mut k = g_end;
            while k < end
                && !gaz_at.contains_key(&k)
                && (is_cap(&tokens[k]) || is_numbered_name(&tokens[k]))
                && title_at(tokens, k, end, lex).is_none()
            {
                k += 1;
            }
            // "Los Angeles Angels", "Philadelphia 76ers", "New York Times":
            // a place followed by a plural name is a team or a paper.
            let last = tokens[k.max(1) - 1].lower.as_str();
            let named_after_place = matches!(g.kind, EntityType::Place | EntityType::Country)
                && k > g_end
                && k - g_end <= 2
                && last.len() > 3
                && last.ends_with('s')
                && !last.ends_with("ss")
                && !tokens[k - 1]
                    .span
                    .text(text)
                    .starts_with(char::is_lowercase)
                && !PLACE_HEADS.contains(last)
                && !lex.demonyms.contains_key(tokens[k - 1].span.text(text));
            // "Acme Computer", "Acme Inc": the same organization by its
            // fuller name.
            if k > g_end
                && g.kind == EntityType::Organization
                && tokens[g_end..k]
                    .iter()
                    .all(|t| CORPORATE_SUFFIXES.contains(&t.lower))
            {
                out.push(
                    tokens,
                    i..k,
                    EntityType::Organization,
                    Evidence::Gazetteer(entry),
                    Qualifiers::default(),
                );
                q.org = Some(entry);
                i = k;
                after_gazetteer = Some(k);
                continue;
            }
            if k > g_end && (ORG_HEADS.contains(last) || named_after_place) {
                out.push(
                    tokens,
                    i..k,
                    EntityType::Organization,
                    Evidence::Pattern("organization head word"),
                    Qualifiers::default(),
                );
                i = k;
                continue;
            }
            // "Changi International Airport", "Heathrow Airport": a place
            // followed by words ending in a place word is one place.
            if k > g_end && g.kind == EntityType::Place && PLACE_HEADS.contains(last) {
                out.push(
                    tokens,
                    i..k,
                    EntityType::Place,
                    Evidence::Pattern("place head word"),
                    Qualifiers::default(),
                );
                i = k;
                continue;
            }
            // "Sofia Lind", "Chelsea Berg": a one-word place that is also a
            // given name, followed to the run's end by one or two
            // capitalized words that name nothing else, is a person.
            let surname = |t: &Token| {
                t.shape == Shape::Capitalized
                    && !lex.common_words.contains(&t.lower)
                    && !lex.demonyms.contains_key(t.span.text(text))
                    && !ORG_WORDS.contains(&t.lower)
            };
            if matches!(g.kind, EntityType::Place | EntityType::Country)
                && g_end == i + 1
                && k == end
                && (1..=2).contains(&(k - g_end))
                && lex.given_names.contains(tokens[i].span.text(text))
                && tokens[g_end..k].iter().all(surname)
            {
                out.push(
                    tokens,
                    i..k,
                    EntityType::Person,
                    Evidence::Pattern("given name"),
                    q.clone(),
                );
                i = k;
                continue;
            }
            // A title that begins with a gazetteer word ("FBI Director") is
            // still an organization mention followed by a title.
            out.push(
                tokens,
                i..g_end,
                g.kind,
                Evidence::Gazetteer(entry),
                Qualifiers::default(),
            );
            match g.kind {
                EntityType::Country => q.country = Some(entry),
                EntityType::Organization => q.org = Some(entry),
                EntityType::Place | EntityType::Person => {}
            }
            i = g_end;
            after_gazetteer = Some(g_end);
            continue;
        }
        let t = &tokens[i];
        let word = t.span.text(text);
        // "Afghans", "Muslims" as a noun: a group of people (a plural
        // nationality word closing the run), not the country.
        if (i + 1 == end || matches!(tokens[i + 1].lower.as_str(), "and" | "or"))
            && is_group(word, lex)
        {
            out.push(
                tokens,
                i..i + 1,
                EntityType::Person,
                Evidence::Pattern("group of people"),
                Qualifiers::default(),
            );
            i += 1;
            continue;
        }
        if let Some(&c) = lex.demonyms.get(word) {
            q.country = Some(c);
            demonym_at = Some((i, i + 1));
            i += 1;
            continue;
        }
        // A demonym of two words: "South Korean President Moon Jae-in".
        if i + 1 < end {
            let two = Span::new(t.span.start, tokens[i + 1].span.end).text(text);
            if let Some(&c) = lex.demonyms.get(two) {
                q.country = Some(c);
                demonym_at = Some((i, i + 2));
                i += 2;
                continue;
            }
        }
        // "Democrat Hillary Clinton", "Republican Senator John Cornyn": the
        // party label names the party the person belongs to, not the person.
        // (At the run's start or after a gazetteer name, "Senate Democrat
        // X": "New Democrat" is another party.)
        let label = (i == start || after_gazetteer == Some(i))
            .then(|| party_label(tokens, i, end, lex))
            .flatten();
        if let Some(entry) = label {
            out.push(
                tokens,
                i..i + 1,
                EntityType::Organization,
                Evidence::Gazetteer(entry),
                Qualifiers::default(),
            );
            q.org.get_or_insert(entry);
            i += 1;
            continue;
        }
        if let Some((t_end, title)) = title_at(tokens, i, end, lex) {
            // "Secretary of State", "Foreign Minister", "President"
            q.title = Some(match q.title.take() {
                Some(prev) if !titled => format!("{prev} {title}"),
                _ => title,
            });
            titled = true;
            i = t_end;
            continue;
        }
        // A name chunk: up to the next gazetteer match or title.
        let mut j = i + 1;
        while j < end && !gaz_at.contains_key(&j) {
            j += 1;
        }
        // "Norwegian Port Authority": a demonym right before an organization is part of its name.
        let prefix = demonym_at.filter(|&(_, e)| e == i).map(|(d, _)| d);
        let chunk = Chunk {
            start: i,
            end: j,
            prefix,
            titled,
        };
        classify_chunk(sent, chunk, &q, out, pending);
        demonym_at = None;
        q = Qualifiers::default();
        titled = false;
        i = j;
    }
}

/// The gazetteer entry of the party a label at token `i` of the run ending
/// at `end` names, where a title and a name, or a name of two words or
/// more, follow it in the run (and no organization's head word ends the run: "Democratic
/// National Convention" is no label and a name).
fn party_label(tokens: &[Token], i: usize, end: usize, lex: &Lexicon) -> Option<usize> {
    let word = tokens[i].lower.as_str();
    let party = PARTY_LABELS
        .iter()
        .find_map(|e| e.split_once('\t').filter(|(w, _)| *w == word))?
        .1;
    let entry = *lex.by_name.get(party)?;
    let rest = &tokens[i + 1..end];
    // A title with a name after it: "Democrat MP" alone is no one named.
    let titled = title_at(tokens, i + 1, end, lex).is_some_and(|(t_end, _)| t_end < end);
    let named = rest.len() >= 2
        && rest.iter().all(is_cap)
        && !rest
            .iter()
            .any(|t| ORG_HEADS.contains(&t.lower) || NOT_PERSON_WORDS.contains(&t.lower));
    (titled || named).then_some(entry)
}

/// Classify a chunk of a run: an organization or place by its head word,
/// a person, an organization, or a single word left for the document-level
/// pass (`pending`).
fn classify_chunk(
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
    while e > s && !is_cap(&tokens[e - 1]) {
        e -= 1;
    }
    if s >= e {
        return;
    }
    let lows: Vec<&str> = tokens[s..e].iter().map(|t| t.lower.as_str()).collect();
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
    let head_word = ORG_HEADS.contains(lows.last().copied().unwrap_or(""))
        || (lows.len() > 2 && ORG_HEADS.contains(lows[0]) && lows[1] == "of")
        || (lows.len() >= 2 && ORG_OPENERS.contains(lows[0]));
    let org_head = head_word || described;
    let place_head = lows.len() >= 2
        && (PLACE_HEADS.contains(lows.last().copied().unwrap_or(""))
            || PLACE_OPENERS.contains(lows[0]) && !has_connector);
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
    if let Some(m) = lows.iter().position(|w| *w == "of") {
        if (2..=3).contains(&m)
            && lows.get(m + 1) == Some(&"the")
            && m + 3 < lows.len()
            && head_word
            && lows[..m].iter().all(name_word)
            && tokens[s..s + m]
                .iter()
                .all(|t| t.shape == Shape::Capitalized)
        {
            for (a, b, first) in [(s, s + m, true), (s + m + 2, e, false)] {
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
    let two = (1..lows.len().saturating_sub(1))
        .find(|&m| matches!(lows[m], "and" | "&") && ORG_HEADS.contains(lows[m - 1]));
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
            } else {
                "organization noun before the name"
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
    // (Not "Ana Costa, the town's mayor".)
    let settled =
        s >= sent_start + 2 && tokens[s - 1].lower == "of" && settlement(&tokens[s - 2].lower)
            || after(0) == ","
                && after(1) == "a"
                && (2..5).any(|k| settlement(after(k)) && !matches!(after(k + 1), "'s" | "'"));
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
            if m > k && k > s {
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
    if titled || (given && n >= 2) {
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
    } else if n >= 2 && !headline && !all_upper && !lex.common_words.contains(lows[n - 1]) {
        // "Sehar Memon", but not "Science Fair" or "Mountain View": a name
        // does not end with a common word.
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
                _ => false,
            };
        pending.push((s, after_place_prep && s != sent_start));
    }
}

/// A plural nationality or religious group word: "Afghans", "Muslims".
fn is_group(word: &str, lex: &Lexicon) -> bool {
    word.len() > 4
        && word.ends_with('s')
        && (lex.demonyms.contains_key(word) || RELIGIOUS_GROUPS.contains(word))
}

/// "XVII", "IV": a numeral, not an acronym.
fn is_roman_numeral(w: &str) -> bool {
    w.len() >= 2
        && w.chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c' | 'd' | 'm'))
}
