//! Stage 2b: tokens → entity mentions.
//!
//! Evidence, strongest first: gazetteer entries (countries, places,
//! organizations), titles before names ("Foreign Minister Sergey Lavrov"),
//! organization and place patterns ("Ministry of X", "X Committee"),
//! given names, the shape of capitalized runs, and — document-wide —
//! shorter forms of names already recognized ("Lavrov" after
//! "Sergey Lavrov"). Demonyms ("Russian") are not mentions: they become a
//! nationality attribute of the person they qualify.

use crate::doc::{EntityType, Evidence, Mention, Shape, Span, Token, Tokens};
use crate::lexicon::Lexicon;
use std::collections::{HashMap, HashSet};

/// Words that end (or start) organization names.
const ORG_HEADS: &[&str] = &[
    "ministry",
    "department",
    "committee",
    "agency",
    "council",
    "party",
    "university",
    "bank",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "llc",
    "plc",
    "group",
    "association",
    "union",
    "commission",
    "court",
    "army",
    "navy",
    "institute",
    "foundation",
    "organization",
    "organisation",
    "company",
    "airlines",
    "airways",
    "times",
    "post",
    "news",
    "network",
    "fund",
    "parliament",
    "office",
    "service",
    "services",
    "police",
    "force",
    "forces",
    "board",
    "authority",
    "administration",
    "federation",
    "league",
    "club",
    "church",
    "hospital",
    "school",
    "college",
    "center",
    "centre",
    "society",
    "trust",
    "coalition",
    "alliance",
    "front",
    "movement",
    "brigade",
    "brigades",
    "bureau",
    "senate",
    "assembly",
    "congress",
    "cabinet",
    "government",
    "guard",
    "motors",
    "systems",
    "technologies",
    "industries",
    "holdings",
    "partners",
    "capital",
    "securities",
    "insurance",
    "media",
    "press",
    "journal",
    "tribune",
    "herald",
    "gazette",
    "broadcasting",
    "radio",
    "television",
    "tv",
    "channel",
    "studios",
    "records",
    "team",
    "council",
    "secretariat",
    "directorate",
    "command",
    "corps",
    "regiment",
    "division",
    "unit",
    "academy",
    "laboratory",
    "laboratories",
    "labs",
    "convention",
    "aircraft",
    "airplanes",
    "aerospace",
    "aviation",
    "airline",
    "nv",
    "n.v.",
    "sa",
    "s.a.",
    "ag",
    "gmbh",
    "spa",
    "bv",
    "limited",
    "incorporated",
    "enterprises",
    "manufacturing",
    "electronics",
    "pharmaceuticals",
    "energy",
    "petroleum",
    "telecom",
    "communications",
    "software",
    "automotive",
    "logistics",
    "shipping",
    "railways",
    "railway",
    "bancorp",
    "financial",
    "ventures",
    "caucus",
    "ministries",
];

/// A word that heads organization or place names ("university", "museum").
pub fn is_head_word(lower: &str) -> bool {
    ORG_HEADS.contains(&lower) || PLACE_HEADS.contains(&lower)
}

/// Words that make a capitalized run an organization wherever they sit.
const ORG_WORDS: &[&str] = &[
    "national",
    "international",
    "federal",
    "united",
    "democratic",
    "republican",
    "general",
    "central",
    "royal",
    "state",
    "islamic",
    "european",
    "american",
    "global",
    "world",
];

/// Words that end place names.
const PLACE_HEADS: &[&str] = &[
    "city",
    "county",
    "province",
    "island",
    "islands",
    "street",
    "square",
    "river",
    "mountain",
    "mountains",
    "valley",
    "bay",
    "lake",
    "airport",
    "tower",
    "bridge",
    "park",
    "district",
    "region",
    "peninsula",
    "strait",
    "sea",
    "ocean",
    "desert",
    "coast",
    "avenue",
    "road",
    "station",
    "palace",
    "base",
    "camp",
    "village",
    "town",
    "harbor",
    "harbour",
    "canal",
    "factory",
    "plant",
    "port",
    "hall",
    "stadium",
    "arena",
    "cathedral",
    "mosque",
    "temple",
    // Buildings are places (FORMAT.md: "city, region, building").
    "museum",
    "gallery",
    "hotel",
    "memorial",
    "planetarium",
    "zoo",
];

/// Words that keep a capitalized run from being a person's name.
const NOT_PERSON_WORDS: &[&str] = &[
    "festival",
    "expo",
    "operation",
    "shuttle",
    "explorer",
    "windows",
    "games",
    "cup",
    "championship",
    "championships",
    "award",
    "awards",
    "prize",
    "olympics",
    "series",
    "show",
    "tour",
    "summit",
    "war",
    "hurricane",
    "cyclone",
    "typhoon",
    "storm",
    "act",
    "bill",
    "treaty",
    "accord",
    "agreement",
    "protocol",
    "program",
    "programme",
    "project",
    "mission",
];

/// Beginnings of words of motion, after which "to X" names a place.
const MOTION_WORDS: &[&str] = &[
    "travel", "went", "go", "came", "come", "flew", "fly", "flight", "moved", "move", "return",
    "trip", "visit", "way", "route", "road", "drove", "drive", "sail", "march", "walk", "fled",
    "flee", "head", "deport", "extradit", "transfer", "sent", "arriv", "journey", "voyage",
    "exile", "migrat", "evacuat",
];

/// Plural names of religious groups, people like nationalities.
const RELIGIOUS_GROUPS: &[&str] = &[
    "Muslims",
    "Christians",
    "Jews",
    "Hindus",
    "Buddhists",
    "Sikhs",
    "Catholics",
    "Protestants",
    "Mormons",
    "Sunnis",
    "Shiites",
    "Shias",
    "Evangelicals",
];

/// Lowercase particles inside person names ("Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "del", "della", "bin", "ibn", "al", "el", "la", "le",
    "dos", "du",
];

/// Lines that hold a photo credit or byline, kept out of the story graph.
pub fn credit_lines(text: &str, toks: &Tokens) -> Vec<Span> {
    toks.lines
        .iter()
        .copied()
        .filter(|l| {
            let s = l.text(text);
            let lower = s.to_lowercase();
            [
                "image:",
                "photo:",
                "picture:",
                "photograph:",
                "credit:",
                "photo credit:",
                "source:",
                "images:",
            ]
            .iter()
            .any(|p| lower.starts_with(p))
                || (s.contains('/')
                    && s.len() < 60
                    && !s.ends_with('.')
                    && s.split_whitespace().count() <= 6
                    && s.split('/')
                        .all(|part| part.trim().starts_with(|c: char| c.is_uppercase())))
        })
        .collect()
}

/// Person attributes found around a mention while recognizing it.
#[derive(Debug, Clone, Default)]
pub struct Qualifiers {
    /// Title words before the name ("foreign minister").
    pub title: Option<String>,
    /// Gazetteer index of a country named or implied by a demonym before it.
    pub country: Option<usize>,
    /// Gazetteer index of an organization before it ("FBI Director").
    pub org: Option<usize>,
}

/// Mentions of an article, with the qualifiers of person mentions
/// (same index as `mentions`).
#[derive(Debug, Clone, Default)]
pub struct Recognized {
    pub mentions: Vec<Mention>,
    pub qualifiers: Vec<Qualifiers>,
}

/// "76ers": digits and letters in one name word.
fn is_numbered_name(t: &Token) -> bool {
    let w = t.lower.as_str();
    w.starts_with(|c: char| c.is_ascii_digit()) && w.ends_with(|c: char| c.is_alphabetic())
}

fn is_cap(t: &Token) -> bool {
    matches!(t.shape, Shape::Capitalized | Shape::Upper | Shape::Mixed)
}

/// A line written as a headline: most of its words capitalized, no final period.
pub fn is_headline(text: &str, tokens: &[Token]) -> bool {
    let words: Vec<&Token> = tokens.iter().filter(|t| t.shape != Shape::Punct).collect();
    if words.len() < 2 {
        return true;
    }
    let caps = words
        .iter()
        .filter(|t| is_cap(t) || t.shape == Shape::Number)
        .count();
    let last = tokens.last().map_or("", |t| t.span.text(text));
    caps * 10 >= words.len() * 6 && !matches!(last, "." | "?" | "!" | "\"" | "”")
}

/// Recognize the entity mentions of a tokenized article.
pub fn recognize(text: &str, toks: &Tokens, lex: &Lexicon, credits: &[Span]) -> Recognized {
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
    // Gazetteer matches aligned to tokens: token index → (end token, entry).
    let mut gaz_at: HashMap<usize, (usize, usize)> = HashMap::new();
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
        let headline = is_headline(text, &tokens[range.clone()]);
        let mut i = range.start;
        while i < range.end {
            // Find the next run of name tokens.
            if !is_name_start(text, tokens, i, range.start, lex, &gaz_at) {
                i += 1;
                continue;
            }
            let run_end = run_end(tokens, i, range.end, lex, &gaz_at);
            segment_run(
                text,
                tokens,
                i,
                run_end,
                range.start,
                headline,
                lex,
                &gaz_at,
                &mut out,
                &mut pending_single,
            );
            i = run_end.max(i + 1);
        }
    }
    resolve_aliases(text, tokens, toks, lex, credits, &mut out, &pending_single);
    drop_products_and_currencies(text, tokens, &mut out);
    organizations_by_common_head(text, toks, lex, &mut out);
    national_teams(text, toks, &mut out);
    administrations(text, toks, lex, &mut out);
    extend_extents(text, tokens, &mut out.mentions);
    let mut order: Vec<usize> = (0..out.mentions.len()).collect();
    order.sort_by_key(|&k| out.mentions[k].span.start);
    Recognized {
        mentions: order.iter().map(|&k| out.mentions[k].clone()).collect(),
        qualifiers: order.iter().map(|&k| out.qualifiers[k].clone()).collect(),
    }
}

fn is_name_start(
    text: &str,
    tokens: &[Token],
    i: usize,
    sent_start: usize,
    lex: &Lexicon,
    gaz_at: &HashMap<usize, (usize, usize)>,
) -> bool {
    let t = &tokens[i];
    if gaz_at.contains_key(&i) {
        return true;
    }
    if !is_cap(t) {
        return false;
    }
    // Function words, months and weekdays are not names (unless, mid-sentence,
    // they are also a given name).
    !(lex.not_names.contains(&t.lower)
        && (i == sent_start || !lex.given_names.contains(t.span.text(text))))
}

/// End (exclusive) of the capitalized run starting at `i`.
fn run_end(
    tokens: &[Token],
    i: usize,
    end: usize,
    lex: &Lexicon,
    gaz_at: &HashMap<usize, (usize, usize)>,
) -> usize {
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
            || NAME_PARTICLES.contains(&t.lower.as_str());
        if connector
            && j > i
            && j + 1 < end
            && (is_cap(&tokens[j + 1]) || gaz_at.contains_key(&(j + 1)))
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

/// Longest title (lowercased words) starting at token `i`, as (end, title).
fn title_at(tokens: &[Token], i: usize, end: usize, lex: &Lexicon) -> Option<(usize, String)> {
    let mut best = None;
    let mut words = String::new();
    for (k, t) in tokens
        .iter()
        .enumerate()
        .take(end.min(i + lex.max_title_words))
        .skip(i)
    {
        if k > i {
            words.push(' ');
        }
        words.push_str(&t.lower);
        if lex.titles.contains_key(&words) {
            best = Some((k + 1, words.clone()));
        }
    }
    best
}

#[allow(clippy::too_many_arguments)]
fn segment_run(
    text: &str,
    tokens: &[Token],
    start: usize,
    end: usize,
    sent_start: usize,
    headline: bool,
    lex: &Lexicon,
    gaz_at: &HashMap<usize, (usize, usize)>,
    out: &mut Recognized,
    pending: &mut Vec<(usize, bool)>,
) {
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
    let mut demonym_at: Option<usize> = None;
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
                && !PLACE_HEADS.contains(&last)
                && !lex.demonyms.contains_key(tokens[k - 1].span.text(text));
            if k > g_end && (ORG_HEADS.contains(&last) || named_after_place) {
                push(
                    out,
                    tokens,
                    i,
                    k,
                    EntityType::Organization,
                    Evidence::Pattern("organization head word"),
                    Qualifiers::default(),
                );
                i = k;
                continue;
            }
            // "Changi International Airport", "Heathrow Airport": a place
            // followed by words ending in a place word is one place.
            if k > g_end && g.kind == EntityType::Place && PLACE_HEADS.contains(&last) {
                push(
                    out,
                    tokens,
                    i,
                    k,
                    EntityType::Place,
                    Evidence::Pattern("place head word"),
                    Qualifiers::default(),
                );
                i = k;
                continue;
            }
            // A title that begins with a gazetteer word ("FBI Director") is
            // still an organization mention followed by a title.
            push(
                out,
                tokens,
                i,
                g_end,
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
            continue;
        }
        let t = &tokens[i];
        let word = t.span.text(text);
        // "Afghans", "Muslims" as a noun: a group of people (a plural
        // nationality word closing the run), not the country.
        if (i + 1 == end || matches!(tokens[i + 1].lower.as_str(), "and" | "or"))
            && is_group(word, lex)
        {
            push(
                out,
                tokens,
                i,
                i + 1,
                EntityType::Person,
                Evidence::Pattern("group of people"),
                Qualifiers::default(),
            );
            i += 1;
            continue;
        }
        if let Some(&c) = lex.demonyms.get(word) {
            q.country = Some(c);
            demonym_at = Some(i);
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
        let prefix = demonym_at.filter(|d| d + 1 == i);
        classify_chunk(
            text, tokens, i, j, prefix, sent_start, headline, titled, lex, out, pending, &q,
        );
        demonym_at = None;
        q = Qualifiers::default();
        titled = false;
        i = j;
    }
}

#[allow(clippy::too_many_arguments)]
fn classify_chunk(
    text: &str,
    tokens: &[Token],
    start: usize,
    end: usize,
    prefix: Option<usize>,
    sent_start: usize,
    headline: bool,
    titled: bool,
    lex: &Lexicon,
    out: &mut Recognized,
    pending: &mut Vec<(usize, bool)>,
    q: &Qualifiers,
) {
    // Trim connectors at the edges.
    let mut s = start;
    let mut e = end;
    while s < e && !is_cap(&tokens[s]) {
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
    let org_head = ORG_HEADS.contains(lows.last().unwrap_or(&""))
        || (lows.len() > 2 && ORG_HEADS.contains(&lows[0]) && lows[1] == "of");
    let place_head = lows.len() >= 2 && PLACE_HEADS.contains(lows.last().unwrap_or(&""));
    if org_head {
        let s = prefix.unwrap_or(s);
        push(
            out,
            tokens,
            s,
            e,
            EntityType::Organization,
            Evidence::Pattern("organization head word"),
            Qualifiers::default(),
        );
        return;
    }
    if place_head && !titled {
        push(
            out,
            tokens,
            s,
            e,
            EntityType::Place,
            Evidence::Pattern("place head word"),
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
            if m > k {
                classify_chunk(
                    text,
                    tokens,
                    k,
                    m,
                    None,
                    sent_start,
                    headline,
                    titled && k == s,
                    lex,
                    out,
                    pending,
                    q,
                );
            }
            k = m + 1;
        }
        return;
    }
    let n = e - s;
    // "iPhone 3GS", "iPod Nano": a word starting in lowercase marks a
    // product or brand, not a person.
    if tokens[s..e]
        .iter()
        .any(|t| t.span.text(text).starts_with(|c: char| c.is_lowercase()))
    {
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
        push(
            out,
            tokens,
            s,
            e,
            EntityType::Person,
            Evidence::Pattern(if titled {
                "title before name"
            } else {
                "given name"
            }),
            q.clone(),
        );
    } else if n >= 2 && org_word {
        push(
            out,
            tokens,
            s,
            e,
            EntityType::Organization,
            Evidence::Pattern("organization word"),
            Qualifiers::default(),
        );
    } else if n >= 2 && !headline && !all_upper && !lex.common_words.contains(lows[n - 1]) {
        // "Sehar Memon", but not "Science Fair" or "Mountain View": a name
        // does not end with a common word.
        push(
            out,
            tokens,
            s,
            e,
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
        push(
            out,
            tokens,
            s,
            e,
            EntityType::Organization,
            Evidence::Pattern("acronym"),
            Qualifiers::default(),
        );
    } else if n == 1 && is_group(tokens[s].span.text(text), lex) {
        push(
            out,
            tokens,
            s,
            e,
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

fn push(
    out: &mut Recognized,
    tokens: &[Token],
    s: usize,
    e: usize,
    kind: EntityType,
    evidence: Evidence,
    q: Qualifiers,
) {
    let span = Span::new(tokens[s].span.start, tokens[e - 1].span.end);
    out.mentions.push(Mention {
        span,
        extent: span,
        kind,
        evidence,
        first_token: s,
        end_token: e,
    });
    out.qualifiers.push(q);
}

/// Extents as news annotation marks them: a country whose name takes an
/// article keeps it ("the United States", "the U.S.", "the Philippines").
/// (Titles before person names and "the" before organizations were tried:
/// the dev corpora disagree on them, so names stay bare.)
fn extend_extents(text: &str, tokens: &[Token], mentions: &mut [Mention]) {
    let starts: HashSet<usize> = mentions.iter().map(|m| m.first_token).collect();
    // "Mobile, Alabama", "Irving, Texas": a place followed by its region or
    // country is one mention (the region keeps its own mention too).
    let regions: HashMap<usize, usize> = mentions
        .iter()
        .filter(|m| matches!(m.kind, EntityType::Place | EntityType::Country))
        .map(|m| (m.first_token, m.end_token))
        .collect();
    for m in mentions.iter_mut() {
        if m.kind != EntityType::Place || tokens.get(m.end_token).is_none_or(|t| t.lower != ",") {
            continue;
        }
        // Not a list ("New South Wales, Victoria, Queensland and Tasmania").
        let list_goes_on = |r_end: usize| {
            tokens
                .get(r_end)
                .is_some_and(|t| matches!(t.lower.as_str(), "," | "and" | "or"))
                && regions.contains_key(&(r_end + 1))
        };
        if let Some(&r_end) = regions.get(&(m.end_token + 1)) {
            if !list_goes_on(r_end) {
                m.extent = Span::new(m.span.start, tokens[r_end - 1].span.end);
            }
        }
    }
    for m in mentions.iter_mut() {
        let s = m.first_token;
        if m.kind != EntityType::Country
            || s == 0
            || tokens[s - 1].lower != "the"
            || starts.contains(&(s - 1))
        {
            continue;
        }
        let surface = m.span.text(text);
        let takes_article = surface.starts_with("United")
            || surface.starts_with("Republic")
            || surface.ends_with('s')
            || surface.chars().all(|c| c.is_uppercase() || c == '.');
        if takes_article {
            m.extent = Span::new(tokens[s - 1].span.start, m.span.end);
        }
    }
}

/// A maker's name before a model designation names a product ("Boeing
/// 737-800", "Airbus A380", "Rolls-Royce Trent 900"), and "US$" a currency:
/// neither is a mention of the organization or country.
fn drop_products_and_currencies(text: &str, tokens: &[Token], out: &mut Recognized) {
    let is_model = |t: &Token| {
        let w = t.span.text(text);
        w.chars().any(|c| c.is_ascii_digit())
            && !(w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
            && t.shape != Shape::Punct
    };
    let adjacent = |a: usize, b: usize| tokens[a].span.end == tokens[b].span.start;
    let keep: Vec<bool> = out
        .mentions
        .iter()
        .map(|m| {
            let e = m.end_token;
            let Some(next) = tokens.get(e) else {
                return true;
            };
            let currency = matches!(m.kind, EntityType::Country | EntityType::Organization)
                && next.span.text(text) == "$"
                && adjacent(e - 1, e);
            let product = m.kind == EntityType::Organization
                && (is_model(next) || (is_cap(next) && tokens.get(e + 1).is_some_and(&is_model)));
            !(currency || product)
        })
        .collect();
    let mut k = 0;
    out.mentions.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    let mut k = 0;
    out.qualifiers.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// "People magazine": a name followed by one of these lowercase words is an
/// organization. ("the Trump administration" was tried too: the dev gold
/// disagrees on it, organization in one corpus, person in another.)
fn organizations_by_common_head(text: &str, toks: &Tokens, lex: &Lexicon, out: &mut Recognized) {
    let tokens = &toks.tokens;
    let mut added = Vec::new();
    for sent in &toks.sentences {
        for h in sent.tokens.clone().skip(1) {
            if !matches!(
                tokens[h].lower.as_str(),
                "magazine" | "newspaper" | "tabloid"
            ) || tokens[h].shape != Shape::Lower
                || out
                    .mentions
                    .iter()
                    .any(|m| m.first_token <= h && h < m.end_token)
            {
                continue;
            }
            // A gazetteer name stays as it is ("Washington Post newspaper").
            let before = out.mentions.iter().position(|m| m.end_token == h);
            let start = match before {
                Some(k) if !matches!(out.mentions[k].evidence, Evidence::Gazetteer(_)) => {
                    out.mentions[k].first_token
                }
                // Not "German magazine": a nationality is no name.
                None if is_cap(&tokens[h - 1])
                    && !lex.demonyms.contains_key(tokens[h - 1].span.text(text)) =>
                {
                    let mut s = h - 1;
                    while s > sent.tokens.start && is_cap(&tokens[s - 1]) {
                        s -= 1;
                    }
                    s
                }
                _ => continue,
            };
            added.push((start, h + 1, before));
        }
    }
    let mut drop = vec![false; out.mentions.len()];
    for (s, e, replaced) in added {
        if let Some(k) = replaced {
            drop[k] = true;
        }
        push(
            out,
            tokens,
            s,
            e,
            EntityType::Organization,
            Evidence::Pattern("organization head word"),
            Qualifiers::default(),
        );
    }
    drop.resize(out.mentions.len(), false);
    let mut k = 0;
    out.mentions.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
    let mut k = 0;
    out.qualifiers.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// "the Bush administration": a person's administration is an
/// organization; the person keeps a mention of their own, nested in it.
fn administrations(text: &str, toks: &Tokens, lex: &Lexicon, out: &mut Recognized) {
    let tokens = &toks.tokens;
    let mut added = Vec::new();
    for sent in &toks.sentences {
        for h in sent.tokens.clone().skip(1) {
            if tokens[h].lower != "administration" || tokens[h].shape != Shape::Lower {
                continue;
            }
            let before = out.mentions.iter().find(|m| m.end_token == h);
            match before {
                Some(m) if m.kind == EntityType::Person => added.push((m.first_token, h, false)),
                None if is_cap(&tokens[h - 1])
                    && h - 1 > sent.tokens.start
                    && !lex.not_names.contains(&tokens[h - 1].lower)
                    && !lex.demonyms.contains_key(tokens[h - 1].span.text(text)) =>
                {
                    added.push((h - 1, h, true));
                }
                _ => {}
            }
        }
    }
    for (s, h, new_person) in added {
        if new_person {
            push(
                out,
                tokens,
                s,
                h,
                EntityType::Person,
                Evidence::Pattern("head of an administration"),
                Qualifiers::default(),
            );
        }
        push(
            out,
            tokens,
            s,
            h + 1,
            EntityType::Organization,
            Evidence::Pattern("administration"),
            Qualifiers::default(),
        );
    }
}

/// Words of sports reports: in their sentences a country is its team.
const SPORTS_WORDS: &[&str] = &[
    "goal",
    "goals",
    "scored",
    "scores",
    "striker",
    "midfielder",
    "goalkeeper",
    "penalty",
    "penalties",
    "half-time",
    "kick-off",
    "semi-final",
    "quarter-final",
    "semifinal",
    "quarterfinal",
    "qualifier",
    "qualifiers",
    "tournament",
    "match",
    "matches",
    "fixture",
    "defender",
    "coach",
    "squad",
    "draw",
    "drew",
];

/// "Belgium beat Panama 3-0": in a sentence reporting a match (a score, or
/// the words of sports reports) a country is its national team, an
/// organization.
fn national_teams(text: &str, toks: &Tokens, out: &mut Recognized) {
    let tokens = &toks.tokens;
    let is_score = |i: usize| {
        let w = tokens[i].span.text(text);
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
        w.split_once(['-', '–'])
            .is_some_and(|(a, b)| digits(a) && digits(b))
            || (i + 2 < tokens.len()
                && digits(w)
                && matches!(tokens[i + 1].span.text(text), "-" | "–")
                && digits(tokens[i + 2].span.text(text))
                && tokens[i].span.end == tokens[i + 1].span.start
                && tokens[i + 1].span.end == tokens[i + 2].span.start)
    };
    for sent in &toks.sentences {
        let r = sent.tokens.clone();
        let sports = r
            .clone()
            .any(|i| SPORTS_WORDS.contains(&tokens[i].lower.as_str()) || is_score(i));
        if !sports {
            continue;
        }
        for m in out.mentions.iter_mut() {
            if m.kind == EntityType::Country && r.contains(&m.first_token) {
                m.kind = EntityType::Organization;
                m.evidence = Evidence::Pattern("national team");
            }
        }
    }
}

/// Strip an Arabic article from a surname: "Al-Assad" → "Assad".
pub fn surname_key(word: &str) -> &str {
    for p in ["al-", "Al-", "el-", "El-", "al ", "Al "] {
        if let Some(rest) = word.strip_prefix(p) {
            return rest;
        }
    }
    word
}

/// A plural nationality or religious group word: "Afghans", "Muslims".
fn is_group(word: &str, lex: &Lexicon) -> bool {
    word.len() > 4
        && word.ends_with('s')
        && (lex.demonyms.contains_key(word) || RELIGIOUS_GROUPS.contains(&word))
}

/// "XVII", "IV": a numeral, not an acronym.
fn is_roman_numeral(w: &str) -> bool {
    w.len() >= 2
        && w.chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c' | 'd' | 'm'))
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
    use crate::lexicon::Pos;
    // After a colon or a quote a capital says nothing ("2024: Contractor arrested").
    if i > 0
        && matches!(
            tokens[i - 1].lower.as_str(),
            ":" | "\"" | "“" | "(" | "-" | "–" | "—"
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
                        && matches!(t.tense.as_str(), "past" | "pres")
                        && !matches!(
                            t.lemma.as_str(),
                            "attend" | "strike" | "throw" | "hurl" | "pelt" | "tear-gas"
                        )
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

/// Document-level consistency: shorter forms of recognized names, and
/// single capitalized words left undecided.
fn resolve_aliases(
    text: &str,
    tokens: &[Token],
    toks: &Tokens,
    lex: &Lexicon,
    credits: &[Span],
    out: &mut Recognized,
    pending: &[(usize, bool)],
) {
    // Surname → person; a known single-word name → its type.
    let mut names: HashMap<String, EntityType> = HashMap::new();
    for m in &out.mentions {
        let words: Vec<&str> = m.span.text(text).split_whitespace().collect();
        match m.kind {
            EntityType::Person if words.len() >= 2 => {
                let last = words[words.len() - 1];
                names
                    .entry(surname_key(last).to_string())
                    .or_insert(EntityType::Person);
                names.entry(last.to_string()).or_insert(EntityType::Person);
            }
            EntityType::Person => {
                names.entry(words.concat()).or_insert(EntityType::Person);
            }
            EntityType::Organization if m.evidence != Evidence::Pattern("acronym") => {
                // Acronym of a multiword organization: "Federal Bureau of Investigation" → "FBI"
                let initials: String = words
                    .iter()
                    .filter(|w| !matches!(**w, "of" | "for" | "and" | "the" | "&"))
                    .filter_map(|w| w.chars().next())
                    .collect();
                if initials.chars().count() >= 2 {
                    names.entry(initials).or_insert(EntityType::Organization);
                }
            }
            _ => {}
        }
    }
    let taken: HashSet<usize> = out
        .mentions
        .iter()
        .flat_map(|m| m.first_token..m.end_token)
        .collect();
    let pending_set: HashMap<usize, bool> = pending.iter().copied().collect();
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
                    push(
                        out,
                        tokens,
                        i,
                        i + 1,
                        kind,
                        Evidence::Alias,
                        Qualifiers::default(),
                    );
                }
            } else if pending_set.contains_key(&i)
                && ((i != sent.tokens.start && acts_like_person(tokens, i, lex))
                    || with_age(text, tokens, i))
            {
                // "Solberg met with Madsen": an unknown single name as the
                // subject of a verb of the event lexicon, or met "with" someone.
                push(
                    out,
                    tokens,
                    i,
                    i + 1,
                    EntityType::Person,
                    Evidence::Pattern("subject of an event verb"),
                    Qualifiers::default(),
                );
            } else if pending_set.get(&i) == Some(&true)
                && !lex.not_names.contains(&tokens[i].lower)
                && !is_language_like(&tokens[i].lower)
            {
                push(
                    out,
                    tokens,
                    i,
                    i + 1,
                    EntityType::Place,
                    Evidence::Pattern("place preposition"),
                    Qualifiers::default(),
                );
            }
        }
    }
}

/// How the rule recognizer and the statistical tagger are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NerMode {
    /// Rules only.
    Rules,
    /// The tagger alone (its input features still include the rules' labels).
    Tagger,
    /// Rules, with the tagger adding the names they miss: the default
    /// (the comparison is in the README).
    #[default]
    Hybrid,
}

/// Smallest tagger margin (label score over "O") for a name the rules
/// missed to be added in hybrid mode.
const MIN_TAGGER_MARGIN: f32 = 4.0;

/// Smallest margin for a one-word person name added by the tagger.
const MIN_LONE_PERSON_MARGIN: f32 = 8.0;

/// Combine the rule mentions with the tagger's chunks according to `mode`.
pub fn combine(
    text: &str,
    toks: &Tokens,
    lex: &Lexicon,
    credits: &[Span],
    rules: Recognized,
    chunks: &[crate::tagger::Chunk],
    mode: NerMode,
) -> Recognized {
    use crate::tagger::ChunkType;
    if mode == NerMode::Rules {
        return rules;
    }
    let tokens = &toks.tokens;
    let gaz_kind: HashMap<(usize, usize), EntityType> = lex
        .gazetteer_matches(text)
        .into_iter()
        .map(|m| ((m.start, m.end), lex.gazetteer[m.entry].kind))
        .collect();
    let chunk_kind = |c: &crate::tagger::Chunk| -> EntityType {
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
    let mut out = Recognized::default();
    if mode == NerMode::Tagger {
        for c in chunks {
            push(
                &mut out,
                tokens,
                c.start,
                c.end,
                chunk_kind(c),
                Evidence::Pattern("tagger"),
                Qualifiers::default(),
            );
        }
        return out;
    }
    // Retyping the rules' weaker guesses by the tagger, and dropping those
    // it does not tag, were measured too and lost F1 on the dev files.
    let taken: Vec<(usize, usize)> = rules
        .mentions
        .iter()
        .map(|m| (m.first_token, m.end_token))
        .collect();
    out = rules;
    let sentence_starts: HashSet<usize> = toks.sentences.iter().map(|s| s.tokens.start).collect();
    for c in chunks {
        if c.margin < MIN_TAGGER_MARGIN || taken.iter().any(|&(s, e)| c.start < e && s < c.end) {
            continue;
        }
        // Leading "the", trailing possessives and lowercase words stay out of the name.
        let mut s = c.start;
        let mut e = c.end;
        while s < e && (tokens[s].lower == "the" || !is_cap(&tokens[s])) {
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
            // A lone word the rules did not take is a person only when the
            // tagger is sure: its unsure lone "people" are mostly products.
            || (e - s == 1 && c.kind == ChunkType::Person && c.margin < MIN_LONE_PERSON_MARGIN)
            // A lone capitalized first word says nothing ("Port authority chief fired").
            || (e - s == 1 && sentence_starts.contains(&s))
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
        push(
            &mut out,
            tokens,
            s,
            e,
            chunk_kind(c),
            Evidence::Pattern("tagger"),
            Qualifiers::default(),
        );
    }
    // The tagger's names pass the same filters as the rules' own.
    drop_products_and_currencies(text, tokens, &mut out);
    let mut order: Vec<usize> = (0..out.mentions.len()).collect();
    order.sort_by_key(|&k| out.mentions[k].span.start);
    Recognized {
        mentions: order.iter().map(|&k| out.mentions[k].clone()).collect(),
        qualifiers: order.iter().map(|&k| out.qualifiers[k].clone()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;
    use EntityType::*;

    fn mentions(text: &str) -> Vec<(String, EntityType)> {
        let toks = tokenize(text);
        let lex = Lexicon::bundled();
        let credits = credit_lines(text, &toks);
        recognize(text, &toks, lex, &credits)
            .mentions
            .into_iter()
            .map(|m| (m.span.text(text).to_string(), m.kind))
            .collect()
    }

    /// What it shows, text, the mentions expected in order.
    type Case = (
        &'static str,
        &'static str,
        &'static [(&'static str, EntityType)],
    );

    const CASES: &[Case] = &[
        (
            "titles gazetteer and aliases",
            "Foreign Minister Marta Vellinga of Norway met spokesman Ibrahim Kandemir in Oslo. Later Vellinga left.\nImage: Agency/J. Doe",
            &[("Marta Vellinga", Person), ("Norway", Country), ("Ibrahim Kandemir", Person), ("Oslo", Place), ("Vellinga", Person)],
        ),
        (
            "organization patterns and acronyms",
            "The Ministry of Coastal Affairs and the Northern Fisheries Council met. NFC officials said so.",
            &[("Ministry of Coastal Affairs", Organization), ("Northern Fisheries Council", Organization), ("NFC", Organization)],
        ),
        (
            "products currencies teams and papers",
            "Kestrel Aviation flew a Kestrel K-400 to Boston. It paid US$ 40 million. \
             The Boston Harpoons beat the Denver 88ers, Gazette magazine said.",
            &[("Kestrel Aviation", Organization), ("Boston", Place), ("Boston Harpoons", Organization), ("Denver 88ers", Organization), ("Gazette magazine", Organization)],
        ),
        (
            "teams buildings and events are not what they seem",
            "Norway beat Sweden 2-1 in Oslo. Norway and Sweden signed a treaty. \
             Visitors crowded the Harbour Museum during the Lantern Festival.",
            &[("Norway", Organization), ("Sweden", Organization), ("Oslo", Place), ("Norway", Country), ("Sweden", Country), ("Harbour Museum", Place)],
        ),
        (
            "to leads to places only after motion and ages mark people",
            "The club made an offer to Varga. Later Berg flew to Kirkenes. Nyland, 28, signed.",
            &[("Berg", Person), ("Kirkenes", Place), ("Nyland", Person)],
        ),
        (
            "groups of people and languages",
            "Many Norwegians and Muslims spoke in Urdish. Norwegian firms grew.",
            &[("Norwegians", Person), ("Muslims", Person)],
        ),
    ];

    #[test]
    fn recognition_cases() {
        for (what, text, expected) in CASES {
            let got = mentions(text);
            let expected: Vec<(String, EntityType)> =
                expected.iter().map(|(s, k)| (s.to_string(), *k)).collect();
            assert_eq!(got, expected, "{what}");
        }
    }
}
