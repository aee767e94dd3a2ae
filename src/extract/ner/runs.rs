//! Capitalized runs: finding them in each sentence, cutting them at
//! gazetteer names, demonyms and titles, and classifying the chunks left.

use super::{
    is_cap, is_headline, is_name_particle, is_numbered_name, month_before_day, title_at,
    Qualifiers, Recognized,
};
use crate::extract::Doc;
use crate::model::{EntityType, Evidence, Shape, Span, Token};
use crate::resources::words::ner::{
    NAME_PARTICLES, ORG_DESCRIPTORS, ORG_HEADS, ORG_OPENERS, ORG_WORDS, PLACE_HEADS, PLACE_OPENERS,
};
use rustc_hash::FxHashMap as HashMap;

mod chunk;
mod words;
use chunk::classify_chunk;
use words::{
    company_end, country_in_brackets, head_connector, is_group, leading_modifier, legal_forms,
    member_label, party_before_title, party_label, plural_in_name, possessive_in_name,
    push_company, title_in_name, ON_HEADS,
};

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
    let gazetteer = lex.gazetteer_matches(text);
    let mut gaz_at: GazAt = HashMap::default();
    for m in &gazetteer {
        if let (Some(&a), Some(&b)) = (start_tok.get(&m.start), end_tok.get(&m.end)) {
            gaz_at.insert(a, (b, m.entry));
        }
    }
    let in_credit = |s: Span| credits.iter().any(|c| c.contains(s));
    let mut out = Recognized {
        gazetteer,
        ..Recognized::default()
    };
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
            let from = if i == range.start && opens_with_kind_of_firm(doc, &gaz_at, i, run_end) {
                i + 1
            } else {
                i
            };
            segment_run(&sentence, from, run_end, &mut out, &mut pending_single);
            i = run_end.max(i + 1);
        }
    }
    (out, pending_single)
}

/// "Retailer Walmart Inc said", "Rival Advanced Micro Devices Inc gained":
/// a noun for a kind of firm (or "rival") opening the sentence before a
/// name, capitalized only by its place, is no part of the name. (Not a
/// head word that opens names too, "Union Pacific", nor a paper's word,
/// "Daily Mail", nor "Carrier".)
fn opens_with_kind_of_firm(doc: Doc, gaz_at: &GazAt, i: usize, run_end: usize) -> bool {
    let tokens = &doc.toks.tokens;
    let w = tokens[i].lower.as_str();
    run_end > i + 1
        && tokens[i].shape == Shape::Capitalized
        && !gaz_at.contains_key(&i)
        && is_cap(&tokens[i + 1])
        && (w == "rival"
            || ORG_DESCRIPTORS.contains(w)
                && !ORG_HEADS.contains(w)
                && !matches!(
                    w,
                    "carrier"
                        | "daily"
                        | "weekly"
                        | "magazine"
                        | "newspaper"
                        | "tabloid"
                        // (Words that open names: "Bloc Quebecois",
                        // "Network Rail", "Band Aid".)
                        | "bloc"
                        | "network"
                        | "channel"
                        | "band"
                        | "label"
                        | "militia"
                        | "movement"
                        | "club"
                        | "coalition"
                        | "alliance"
                        | "party"
                        | "bank"
                ))
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
    if month_before_day(&toks.tokens, i, lex) {
        return false;
    }
    // "a dealer at First Bank of Nigeria": mid-sentence, an ordinal opens
    // an organization's name with its head word among the capitalized words
    // after it.
    let tokens = &toks.tokens;
    let ordinal_of_firm = i != sent.start
        && matches!(t.lower.as_str(), "first" | "second" | "third")
        && tokens[i + 1..(i + 4).min(tokens.len())]
            .iter()
            .take_while(|n| is_cap(n))
            .any(|n| ORG_HEADS.contains(&n.lower));
    // ("New Zealander Frank Nobilo": a demonym of two words.)
    let demonym = tokens.get(i + 1).is_some_and(|n| {
        lex.demonyms
            .contains_key(Span::new(t.span.start, n.span.end).text(text))
    });
    // Function words, months and weekdays are not names (unless, mid-sentence,
    // they are also a given name).
    ordinal_of_firm
        || demonym
        || !(lex.not_names.contains(&t.lower)
            && (i == sent.start || !lex.given_names.contains(t.span.text(text))))
}

/// End (exclusive) of the capitalized run starting at `i`.
fn run_end(sent: &SentenceCtx, i: usize, end: usize) -> usize {
    let (text, tokens, lex, gaz_at) = (
        sent.doc.text,
        &sent.doc.toks.tokens,
        sent.doc.lex,
        sent.gaz_at,
    );
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
        // A word that is no name alone ends the run, unless a title or a
        // plural inside an organization's name.
        // Nor an organization's head word closing a run of two words or
        // more ("the National Fraud Police"), nor an ordinal inside one
        // ("the Federal First Instance Court").
        let next_cap = tokens.get(j + 1).is_some_and(|n| j + 1 < end && is_cap(n));
        let stops = j > i
            && lex.not_names.contains(&t.lower)
            && !lex.titles.contains_key(&t.lower)
            && !plural_in_name(tokens, i, j, end)
            && !(j >= i + 2 && !next_cap && ORG_HEADS.contains(&t.lower))
            && !(next_cap && matches!(t.lower.as_str(), "first" | "second" | "third"))
            // ("the Bethlehem Police Department": a head word before another.)
            && !(ORG_HEADS.contains(&t.lower)
                && next_cap
                && ORG_HEADS.contains(&tokens[j + 1].lower));
        if is_cap(t) && !stops {
            j += 1;
            continue;
        }
        // Connectors inside names: "Ministry of Foreign Affairs", "Ludwig van Beethoven".
        // "Committee on Digital Security": "on" after an organization's
        // head word, before no day or month ("the Council on Tuesday").
        let connector = matches!(t.lower.as_str(), "of" | "for" | "and" | "&")
            || is_name_particle(text, t)
            || (t.lower == "on"
                && j > i
                && ON_HEADS.contains(&tokens[j - 1].lower.as_str())
                && tokens
                    .get(j + 1)
                    .is_some_and(|n| !lex.not_names.contains(&n.lower)));
        // ("Officers of the National Police said": a common noun opening
        // the sentence joins no name.)
        // (But "Health and Human Services": "and" before capitalized words
        // with an organization's head word among them.)
        let joined_head = matches!(t.lower.as_str(), "and" | "&")
            && tokens[j + 1..end]
                .iter()
                .take_while(|t| is_cap(t))
                .any(|t| ORG_HEADS.contains(&t.lower));
        let opener = j == i + 1
            && i == sent.start
            && matches!(t.lower.as_str(), "of" | "for" | "and" | "&")
            && lex.common_words.contains(&tokens[i].lower)
            && !ORG_HEADS.contains(&tokens[i].lower)
            && !joined_head;
        if opener {
            break;
        }
        // ("Ursula von der Leyen": two particles.)
        // ("Izz el-Deen al-Qassam Brigades": particles hyphened to names.)
        let particles = is_name_particle(text, t)
            && j + 2 < end
            && is_name_particle(text, &tokens[j + 1])
            && (is_cap(&tokens[j + 2]) || is_name_particle(text, &tokens[j + 2]));
        if connector
            && j > i
            && j + 1 < end
            && (is_cap(&tokens[j + 1]) || gaz_at.contains_key(&(j + 1)) || particles)
        {
            j += 1;
            continue;
        }
        // "Party Sen. Jo Berg": the period of a title's abbreviation.
        if t.lower == "."
            && j > i
            && j + 1 < end
            && t.span.start == tokens[j - 1].span.end
            && is_cap(&tokens[j + 1])
            && lex
                .titles
                .contains_key(&format!("{}.", tokens[j - 1].lower))
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
        if j > i && possessive_in_name(tokens, lex, j, end) {
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
                    // "Republican senator Ana Costa": a party label in
                    // capitals before the lowercase title.
                    if let Some(entry) = party_before_title(sent, start - back) {
                        q.org = Some(entry);
                    }
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
        // "Sen. Jericho Panganiban": a one-word place right after a title,
        // with a capitalized word after it, opens a person's name.
        let named_after_title = |&&(g_end, entry): &&(usize, usize)| {
            titled
                && g_end == i + 1
                && matches!(
                    lex.gazetteer[entry].kind,
                    EntityType::Place | EntityType::Country
                )
                && g_end < end
                && is_cap(&tokens[g_end])
                && !gaz_at.contains_key(&g_end)
        };
        if let Some(&(g_end, entry)) = gaz_at.get(&i).filter(|g| !named_after_title(g)) {
            let g = &lex.gazetteer[entry];
            if let Some((k, named)) = company_end(sent, g_end, end) {
                if g.kind == EntityType::Organization && !named {
                    push_company(out, tokens, i..k, entry);
                    q.org = Some(entry);
                } else {
                    out.push(
                        tokens,
                        i..k,
                        EntityType::Organization,
                        Evidence::Pattern("legal form closing a name"),
                        Qualifiers::default(),
                    );
                }
                i = k;
                after_gazetteer = Some(k);
                continue;
            }
            // "the Uganda Red Cross Society": a place before a known
            // organization and a head word is one name, its national body.
            let national = matches!(g.kind, EntityType::Place | EntityType::Country)
                .then(|| gaz_at.get(&g_end))
                .flatten()
                .filter(|&&(o_end, o)| {
                    lex.gazetteer[o].kind == EntityType::Organization
                        && o_end < end
                        && is_cap(&tokens[o_end])
                        && ORG_HEADS.contains(&tokens[o_end].lower)
                });
            if let Some(&(o_end, _)) = national {
                out.push(
                    tokens,
                    i..o_end + 1,
                    EntityType::Organization,
                    Evidence::Pattern("organization head word"),
                    Qualifiers::default(),
                );
                i = o_end + 1;
                continue;
            }
            // "Apple Corps", "United States Navy": a gazetteer name followed by
            // capitalized words ending in an organization word is another
            // organization.
            let mut k = g_end;
            // "Kenya National Bureau of Trade Statistics": an organization's
            // head word and its connector carry the name on.
            let mut head_of = false;
            while k < end
                && !gaz_at.contains_key(&k)
                && (head_of
                    || title_at(tokens, k, end, lex)
                        .is_none_or(|(t_end, _)| title_in_name(tokens, lex, t_end, end)))
            {
                // ("Central Coast Port Workers' Union": a plural's apostrophe.)
                let apostrophe = tokens[k].lower == "'"
                    && k > g_end
                    && tokens[k - 1].lower.ends_with('s')
                    && tokens[k].span.start == tokens[k - 1].span.end
                    && k + 1 < end
                    && is_cap(&tokens[k + 1]);
                // ("the Dallas County Sheriff's Office".)
                let possessive = k > g_end && possessive_in_name(tokens, lex, k, end);
                if is_cap(&tokens[k]) || is_numbered_name(&tokens[k]) || apostrophe || possessive {
                    k += 1;
                } else if head_connector(tokens, k, g_end) && k + 1 < end && is_cap(&tokens[k + 1])
                {
                    head_of = true;
                    k += 1;
                } else {
                    break;
                }
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
            if k > g_end && g.kind == EntityType::Organization && legal_forms(&tokens[g_end..k]) {
                push_company(out, tokens, i..k, entry);
                q.org = Some(entry);
                i = k;
                after_gazetteer = Some(k);
                continue;
            }
            // "the dairy group Karoo Fresh": a place opening a name that a
            // kind of organization announces is in it.
            let described = i == start
                && start > sent_start
                && matches!(g.kind, EntityType::Place | EntityType::Country)
                && ORG_DESCRIPTORS.contains(&tokens[start - 1].lower);
            if k > g_end && (ORG_HEADS.contains(last) || named_after_place || head_of || described)
            {
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
            // ("Victoria Ashworth of the Conservatives": or to a connector.)
            if matches!(g.kind, EntityType::Place | EntityType::Country)
                && g_end == i + 1
                && (k == end || matches!(tokens[k].lower.as_str(), "of" | "and" | "&"))
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
        // "Social Democrat Dieter Wessel": a label of two words opening the
        // run before a name is no part of it (nor a mention: which party
        // it means, the lexicon does not say).
        if i == start && member_label(tokens, i, end) {
            i += 2;
            continue;
        }
        // (Not a title's "'s" before an organization's head word: "the
        // Prosecutor's Office".)
        // Nor a title before a lone head word that ends the run: "the
        // General Court".
        let title = title_at(tokens, i, end, lex)
            .filter(|&(t_end, _)| !title_in_name(tokens, lex, t_end, end));
        if let Some((t_end, title)) = title {
            // "Secretary of State", "Foreign Minister", "President"
            q.title = Some(match q.title.take() {
                Some(prev) if !titled => format!("{prev} {title}"),
                _ => title,
            });
            titled = true;
            i = t_end;
            continue;
        }
        // "Unseeded Norwegian Erik Halvorsen", "Veteran Erik Halvorsen": a
        // common word or a participle opening the sentence, before a demonym
        // or a given name and a surname, is no part of the name.
        if i == start && i == sent_start && leading_modifier(sent, i, end) {
            i += 1;
            continue;
        }
        // A name chunk: up to the next gazetteer match or title. ("Liberal
        // Party Sen. Maria Lopez": a title after an organization's head
        // word, before a name, ends the organization.)
        let titled_after_head = |j: usize| {
            ORG_HEADS.contains(&tokens[j - 1].lower)
                && title_at(tokens, j, end, lex).is_some_and(|(t_end, _)| t_end < end)
        };
        // "Rodrigo Lagos Fuentes", "John Washington": a one-word place
        // right after a given name is a surname.
        // ("Shericka Jackson (Jamaica)": or any name before a country in
        // brackets, as results give an athlete's.)
        let before_country = country_in_brackets(sent, end);
        let surname_place = |j: usize| {
            j == i + 1
                && (lex.given_names.contains(tokens[i].span.text(text))
                    || before_country && j + 1 == end && tokens[i].shape == Shape::Capitalized)
                && !lex.common_words.contains(&tokens[i].lower)
                && gaz_at.get(&j).is_some_and(|&(g_end, entry)| {
                    g_end == j + 1
                        && matches!(
                            lex.gazetteer[entry].kind,
                            EntityType::Place | EntityType::Country
                        )
                })
        };
        let mut j = i + 1;
        while j < end && (!gaz_at.contains_key(&j) || surname_place(j)) && !titled_after_head(j) {
            j += 1;
        }
        // "the University of Coimbra", "the daily Diário do Tejo": a place
        // after an organization's head word and its connector, or after a
        // connector in a name that a kind of organization announces, is in
        // its name.
        let described =
            i == start && start > sent_start && ORG_DESCRIPTORS.contains(&tokens[start - 1].lower);
        // ("Banco de Bogota": or a word opening organizations' names in
        // another language, and its particle.)
        let opened = ORG_OPENERS.contains(&tokens[i].lower);
        // ("Del Rio", "Fort Alder": a word opening places' names before a
        // known place.)
        let place_opened = j == i + 1
            && PLACE_OPENERS.contains(&tokens[i].lower)
            && gaz_at
                .get(&j)
                .is_some_and(|&(_, g)| lex.gazetteer[g].kind == EntityType::Place);
        let joins = place_opened
            || j > i + 1
                && (head_connector(tokens, j - 1, i)
                    || (described || opened)
                        && (matches!(tokens[j - 1].lower.as_str(), "of" | "for")
                            || NAME_PARTICLES.contains(&tokens[j - 1].lower)));
        if let Some(&(g_end, _)) = gaz_at.get(&j).filter(|_| joins) {
            j = g_end;
        }
        // "the Walt Disney Co.": a founder's name before a known company and
        // its legal form to the run's end is the company's full name (not
        // "and" of "Toyota Motor Corp and Sony Corp").
        if j - i <= 2 && tokens[i..j].iter().all(is_cap) {
            if let Some(&(g_end, entry)) = gaz_at.get(&j) {
                if lex.gazetteer[entry].kind == EntityType::Organization
                    && g_end < end
                    && legal_forms(&tokens[g_end..end])
                {
                    push_company(out, tokens, i..end, entry);
                    q = Qualifiers::default();
                    i = end;
                    continue;
                }
            }
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
