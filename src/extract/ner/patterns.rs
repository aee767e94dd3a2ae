//! Document-wide patterns applied after the runs: products and currencies
//! dropped, organizations by a common head word ("People magazine"),
//! administrations, and the extents of mentions.

use super::{is_cap, is_name_particle, Qualifiers, Recognized};
use crate::extract::Doc;
use crate::model::{EntityType, Evidence, Mention, Shape, Span, Token};
use crate::resources::words::ner::{
    MARKET_INDICES, PLACE_HEADS, PRODUCT_NOUNS, PUBLICATION_HEADS, WORK_NOUNS,
};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

/// Extents as news annotation marks them: a country whose name takes an
/// article keeps it ("the United States", "the U.S.", "the Philippines").
/// (Titles before person names and "the" before organizations were tried:
/// the dev corpora disagree on them, so names stay bare.)
pub(super) fn extend_extents(doc: Doc, mentions: &mut [Mention]) {
    let (text, tokens) = (doc.text, &doc.toks.tokens);
    let starts: HashSet<usize> = mentions.iter().map(|m| m.first_token).collect();
    // "Mobile, Alabama", "Irving, Texas", "Ontario, Canada": a place
    // followed by its region or country is one mention (the region keeps
    // its own mention too); not two places of a sentence's frame ("in
    // Europe, London's index fell").
    let category = |m: &Mention| match m.evidence {
        Evidence::Gazetteer(i) | Evidence::Dateline(Some(i)) => {
            doc.lex.gazetteer[i].category.as_str()
        }
        _ => "",
    };
    let regions: HashMap<usize, (usize, &str)> = mentions
        .iter()
        .filter(|m| matches!(m.kind, EntityType::Place | EntityType::Country))
        .map(|m| {
            let holder = match m.kind {
                EntityType::Country => "country",
                _ => category(m),
            };
            (m.first_token, (m.end_token, holder))
        })
        .collect();
    for m in mentions.iter_mut() {
        if m.kind != EntityType::Place || tokens.get(m.end_token).is_none_or(|t| t.lower != ",") {
            continue;
        }
        // Not after a continent; a region is held by a country or a
        // region, a city or town by those or by a name the gazetteer
        // reads as a city ("Seattle, Washington"); nothing by a landmark,
        // a water or a continent.
        let inner = category(m);
        let holds = |holder: &str| {
            inner != "continent"
                && match holder {
                    "country" | "region" | "" => true,
                    "city" => inner != "region",
                    _ => false,
                }
        };
        // Not a list ("New South Wales, Victoria, Queensland and Tasmania").
        let list_goes_on = |r_end: usize| {
            tokens
                .get(r_end)
                .is_some_and(|t| matches!(t.lower.as_str(), "," | "and" | "or"))
                && regions.contains_key(&(r_end + 1))
        };
        if let Some(&(r_end, holder)) = regions.get(&(m.end_token + 1)) {
            if holds(holder) && !list_goes_on(r_end) {
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
    // "Martin Luther King Jr.", "Charles Schwab Corp.", "Karim B.": the
    // period of a suffix's abbreviation or of a last initial is in the
    // name, where the sentence goes on after it (the tokenizer leaves it
    // out, as it may end the sentence).
    let sentence_ends: HashSet<usize> = doc.toks.sentences.iter().map(|s| s.tokens.end).collect();
    for m in mentions.iter_mut() {
        let e = m.end_token;
        let abbreviated = matches!(
            (m.kind, tokens[e - 1].lower.as_str()),
            (EntityType::Person, "jr" | "sr")
                | (
                    EntityType::Organization,
                    "corp" | "co" | "inc" | "ltd" | "bros"
                )
        ) || (m.kind == EntityType::Person
            && e - m.first_token >= 2
            && tokens[e - 1].span.len() == 1
            && tokens[e - 1]
                .span
                .text(text)
                .starts_with(char::is_uppercase));
        if abbreviated
            && tokens
                .get(e)
                .is_some_and(|t| t.lower == "." && t.span.start == tokens[e - 1].span.end)
            && !sentence_ends.contains(&(e + 1))
        {
            let dot = tokens[e].span.end;
            if m.span.end == tokens[e - 1].span.end {
                m.span.end = dot;
            }
            if m.extent.end == tokens[e - 1].span.end {
                m.extent.end = dot;
            }
            m.end_token = e + 1;
        }
    }
}

/// A maker's name before a model designation names a product ("Boeing
/// 737-800", "Airbus A380", "Rolls-Royce Trent 900"), so does a model's
/// name before a kind of product ("the Chevrolet Malibu sedan"), and "US$" a currency:
/// neither is a mention of the organization or country.
pub(super) fn drop_products_and_currencies(doc: Doc, out: &mut Recognized) {
    let (text, tokens) = (doc.text, &doc.toks.tokens);
    let is_model = |t: &Token| {
        let w = t.span.text(text);
        w.chars().any(|c| c.is_ascii_digit())
            && !(w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
            && !is_score(w)
            && t.shape != Shape::Punct
    };
    let adjacent = |a: usize, b: usize| tokens[a].span.end == tokens[b].span.start;
    // Token `k` and the next one a space apart on one line.
    let adjacent_words = |k: usize| {
        tokens
            .get(k + 1)
            .is_some_and(|n| text[tokens[k].span.end..n.span.start] == *" ")
    };
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
            // (A team before its score in a line of results is no maker.)
            // "the Buick Encore sport utility vehicle", "the Chevrolet
            // Malibu sedan": a model's name before a kind of product (one
            // taken for a person, or after its maker's name); an
            // organization alone is the maker ("Kestrel Aviation jetliners").
            // (The maker before its model: "Chevrolet" of "the Chevrolet
            // Malibu sedan".)
            let mut k = e;
            while k < (e + 2).min(tokens.len() - 1) && is_cap(&tokens[k]) && adjacent_words(k - 1) {
                k += 1;
            }
            let kind_of_product = tokens[k].shape == Shape::Lower
                && (k == e || adjacent_words(k - 1))
                && (PRODUCT_NOUNS.contains(&tokens[k].lower)
                    || tokens[k].lower == "sport"
                        && tokens.get(k + 1).is_some_and(|t| t.lower == "utility"));
            let maker_before = m.first_token > 0
                && is_cap(&tokens[m.first_token - 1])
                && adjacent_words(m.first_token - 1);
            // (The tagger's name of two words or more is a model's too:
            // it takes "Buick Encore" as a firm.)
            let model = kind_of_product
                && (maker_before
                    || k > e
                    || m.kind == EntityType::Person
                        && !matches!(m.evidence, Evidence::Gazetteer(_))
                    || m.evidence == Evidence::Pattern("tagger") && e - m.first_token >= 2);
            if model {
                return false;
            }
            // (A name taken for a person only by its form, or by the
            // tagger, is a product's too: "the Galaxy Z Fold 4".)
            // (Not a person's name opened by an initial: "R. Patel 118" in
            // a line of scores.)
            let initial = tokens[m.first_token].span.len() == 2
                && tokens[m.first_token].span.text(text).ends_with('.');
            let product = !initial
                && (m.kind == EntityType::Organization
                    || m.evidence == Evidence::Pattern("capitalized name")
                    || m.evidence == Evidence::Pattern("tagger") && m.kind == EntityType::Person)
                && m.evidence != Evidence::Pattern("result line")
                && adjacent_words(e - 1)
                && (is_model(next)
                    || (is_cap(next)
                        && adjacent_words(e)
                        && tokens.get(e + 1).is_some_and(&is_model)));
            // "the MacBook Air", "a PixPhone Pro": a coined name in mixed
            // case and the word of a product line.
            let coined = |t: &Token| {
                let w = t.span.text(text);
                w.chars()
                    .zip(w.chars().skip(1))
                    .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
            };
            let product_line = e - m.first_token >= 2
                && matches!(
                    tokens[e - 1].lower.as_str(),
                    "air" | "pro" | "max" | "mini" | "plus" | "ultra" | "lite"
                )
                && tokens[m.first_token..e - 1].iter().any(coined);
            !(currency || product || product_line)
        })
        .collect();
    retain_mentions(out, &keep);
}

/// A game's score ("2-1", "3–0", "102-98", "287-3"): two numbers of one to
/// three digits, not a model's hundreds after a dash ("737-800").
fn is_score(w: &str) -> bool {
    w.split_once(['-', '–']).is_some_and(|(a, b)| {
        [a, b]
            .iter()
            .all(|n| (1..=3).contains(&n.len()) && n.bytes().all(|c| c.is_ascii_digit()))
            && !(b.len() == 3 && b.ends_with("00"))
    })
}

/// Keep the mentions (and their qualifiers) where `keep` says so.
pub(super) fn retain_mentions(out: &mut Recognized, keep: &[bool]) {
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

/// Stock market indices are no entities of ours: a mention that is a
/// known index ("the FTSE 100", "the Hang Seng"; not a word or two before
/// a publication's head word, "the Nikkei business daily"), that ends in an index's head
/// word ("Consumer Price Index", "Dow Jones Industrial Average") or runs
/// on into one ("Nasdaq" of "Nasdaq Composite", "Dow Jones" of "the Dow
/// Jones industrial average"), or that "index" follows ("the benchmark
/// Kospi index"); nor is a benchmark crude ("Brent crude").
pub(super) fn drop_market_indices(doc: Doc, out: &mut Recognized) {
    const HEADS: [&str; 3] = ["index", "composite", "average"];
    let (text, tokens) = (doc.text, &doc.toks.tokens);
    let keep: Vec<bool> = out
        .mentions
        .iter()
        .map(|m| {
            let next = tokens.get(m.end_token);
            let publication = tokens[m.end_token..(m.end_token + 2).min(tokens.len())]
                .iter()
                .any(|t| PUBLICATION_HEADS.contains(&t.lower) || t.lower == "daily");
            let named = MARKET_INDICES.contains(&m.span.text(text).to_lowercase()) && !publication;
            // ("Composite" alone, its index's first word a known exchange:
            // "the Nasdaq Composite".)
            let headed = HEADS.contains(&tokens[m.end_token - 1].lower.as_str())
                && tokens[m.end_token - 1].shape == Shape::Capitalized
                && (m.end_token - m.first_token > 1
                    || m.first_token > 0 && is_cap(&tokens[m.first_token - 1]));
            let after = |k: usize| tokens.get(m.end_token + k).map(|t| t.lower.as_str());
            let runs_on = next.is_some_and(|t| {
                HEADS.contains(&t.lower.as_str())
                    && (t.shape == Shape::Capitalized || t.lower == "index")
            }) || (after(0) == Some("industrial") && after(1) == Some("average"));
            // "Brent crude": a benchmark oil named after its field, no
            // person or company.
            let crude = after(0) == Some("crude")
                && m.end_token - m.first_token == 1
                && matches!(m.kind, EntityType::Person | EntityType::Organization);
            !(named || headed || runs_on || crude)
        })
        .collect();
    retain_mentions(out, &keep);
}

/// "the Rivers and Harbors Act", "the Clean Air Act": a law names no entity
/// of ours, whatever its words name alone.
pub(super) fn drop_laws(doc: Doc, out: &mut Recognized) {
    let (text, tokens) = (doc.text, &doc.toks.tokens);
    let keep: Vec<bool> = out
        .mentions
        .iter()
        .map(|m| {
            m.end_token - m.first_token < 2 || tokens[m.end_token - 1].span.text(text) != "Act"
        })
        .collect();
    retain_mentions(out, &keep);
}

/// The film "The Quiet Yard", a novel called "Harbour Lights": a quoted
/// title right after a noun of works or a word that introduces a title
/// (`data/words/ner/work_nouns.txt`) names a work, and the names inside it
/// mention no person, organization or place.
pub(super) fn drop_quoted_works(doc: Doc, out: &mut Recognized) {
    const LONGEST_TITLE: usize = 16;
    let (text, tokens) = (doc.text, &doc.toks.tokens);
    let is_quote = |t: &Token| matches!(t.span.text(text), "\"" | "\u{201c}" | "\u{201d}");
    let mut titles: Vec<Range<usize>> = Vec::new();
    for sent in &doc.toks.sentences {
        let (s, e) = (sent.tokens.start, sent.tokens.end);
        for q in s + 1..e {
            if !is_quote(&tokens[q]) {
                continue;
            }
            // An optional comma between: 'the film, "X"'.
            let mut w = q - 1;
            if tokens[w].span.text(text) == "," && w > s {
                w -= 1;
            }
            if tokens[w].shape != Shape::Lower || !WORK_NOUNS.contains(&tokens[w].lower) {
                continue;
            }
            if let Some(close) =
                (q + 1..e.min(q + 1 + LONGEST_TITLE)).find(|&k| is_quote(&tokens[k]))
            {
                titles.push(q + 1..close);
            }
        }
    }
    if titles.is_empty() {
        return;
    }
    // The same title quoted anywhere else in the story, a headline's too:
    // '"Oppenheimer" sweeps Oscars' after 'the drama "Oppenheimer"'.
    let words = |r: &Range<usize>| -> Vec<&str> {
        tokens[r.clone()]
            .iter()
            .map(|t| t.span.text(text))
            .collect()
    };
    let named: HashSet<Vec<&str>> = titles.iter().map(words).collect();
    for sent in &doc.toks.sentences {
        let (s, e) = (sent.tokens.start, sent.tokens.end);
        for q in s..e {
            if !is_quote(&tokens[q]) {
                continue;
            }
            let close = (q + 1..e.min(q + 1 + LONGEST_TITLE)).find(|&k| is_quote(&tokens[k]));
            if let Some(close) = close.filter(|&c| named.contains(&words(&(q + 1..c)))) {
                titles.push(q + 1..close);
            }
        }
    }
    let keep: Vec<bool> = out
        .mentions
        .iter()
        .map(|m| {
            !titles
                .iter()
                .any(|r| r.start <= m.first_token && m.end_token <= r.end)
        })
        .collect();
    retain_mentions(out, &keep);
}

/// "People magazine": a name followed by one of these lowercase words is an
/// organization. ("the Trump administration" was tried too: the dev gold
/// disagrees on it, organization in one corpus, person in another.)
pub(super) fn organizations_by_common_head(doc: Doc, out: &mut Recognized) {
    let Doc {
        text, toks, lex, ..
    } = doc;
    let tokens = &toks.tokens;
    let mut added = Vec::new();
    for sent in &toks.sentences {
        for h in sent.tokens.clone().skip(1) {
            if !PUBLICATION_HEADS.contains(&tokens[h].lower)
                || tokens[h].shape != Shape::Lower
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
                // Not "German magazine": a nationality is no name; nor is
                // a sentence's first "The" ("The newspaper said").
                None if is_cap(&tokens[h - 1])
                    && !lex.demonyms.contains_key(tokens[h - 1].span.text(text))
                    && !matches!(tokens[h - 1].lower.as_str(), "the" | "a" | "an" | "this") =>
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
        out.push(
            tokens,
            s..e,
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
pub(super) fn administrations(doc: Doc, out: &mut Recognized) {
    let Doc {
        text, toks, lex, ..
    } = doc;
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
            out.push(
                tokens,
                s..h,
                EntityType::Person,
                Evidence::Pattern("head of an administration"),
                Qualifiers::default(),
            );
        }
        out.push(
            tokens,
            s..h + 1,
            EntityType::Organization,
            Evidence::Pattern("administration"),
            Qualifiers::default(),
        );
    }
}

/// "Armed Forces Minister Hyon Tae Sok", "Navy Rear Admiral Lena Berg":
/// a person's name starts after the last title word in it (one the title
/// lexicon ends a title with), where a name of two words or more, or a
/// given name, follows it ("Martin Luther King Jr." keeps its "King"); the
/// words before join the name's title.
pub(super) fn titles_out_of_names(doc: Doc, out: &mut Recognized) {
    let (text, tokens, lex) = (doc.text, &doc.toks.tokens, doc.lex);
    for (m, q) in out.mentions.iter_mut().zip(out.qualifiers.iter_mut()) {
        let (s, e) = (m.first_token, m.end_token);
        if m.kind != EntityType::Person || e - s < 3 {
            continue;
        }
        let Some(k) = (s..e - 1).rev().find(|&k| {
            lex.title_heads.contains(&tokens[k].lower) || lex.titles.contains_key(&tokens[k].lower)
        }) else {
            continue;
        };
        let name = &tokens[k + 1..e];
        let named = name.len() >= 2 || lex.given_names.contains(name[0].span.text(text));
        if !named || !name.iter().all(|t| is_cap(t) || is_name_particle(text, t)) {
            continue;
        }
        let title: Vec<&str> = tokens[s..=k].iter().map(|t| t.lower.as_str()).collect();
        let title = title.join(" ");
        q.title = Some(match q.title.take() {
            Some(before) if !before.ends_with(&title) => format!("{before} {title}"),
            _ => title,
        });
        let start = name[0].span.start;
        if m.extent.start == m.span.start {
            m.extent = Span::new(start, m.extent.end);
        }
        m.span = Span::new(start, m.span.end);
        m.first_token = k + 1;
    }
}

/// One name, one type: a name made a person only by default ("capitalized
/// name") is the place or organization that a pattern or the gazetteer
/// makes the same name elsewhere in the document ("a shooting in Maple
/// Hollow" and "Maple Hollow, a town west of Ottawa"). A team of a line
/// of results is a team wherever the story names it ("Willem II").
pub(super) fn one_type_per_name(doc: Doc, out: &mut Recognized) {
    let by_default = Evidence::Pattern("capitalized name");
    let team = Evidence::Pattern("result line");
    let mut typed: HashMap<&str, EntityType> = HashMap::default();
    let mut teams: HashSet<&str> = HashSet::default();
    for m in &out.mentions {
        if m.kind != EntityType::Person && m.evidence != by_default {
            typed.entry(m.span.text(doc.text)).or_insert(m.kind);
        }
        if m.evidence == team {
            teams.insert(m.span.text(doc.text));
        }
    }
    for m in &mut out.mentions {
        if m.kind == EntityType::Person
            && (m.evidence == by_default || teams.contains(m.span.text(doc.text)))
        {
            if let Some(&kind) = typed.get(m.span.text(doc.text)) {
                m.kind = kind;
                m.evidence = Evidence::Alias;
            }
        }
    }
}

/// "the Edouard Herriot hospital", "the Ana Costa stadium": a name taken
/// for a person only by its form (a given name, capitalized words), right
/// before a lowercase word of a site, names the site, a place. (A person
/// the story names elsewhere keeps their name: that mention is an alias.)
pub(super) fn sites_named_after_people(doc: Doc, out: &mut Recognized) {
    let tokens = &doc.toks.tokens;
    for m in &mut out.mentions {
        let by_form = matches!(
            m.evidence,
            Evidence::Pattern("capitalized name") | Evidence::Pattern("given name")
        );
        let site = tokens.get(m.end_token).is_some_and(|t| {
            t.shape == Shape::Lower
                && (PLACE_HEADS.contains(&t.lower)
                    || matches!(t.lower.as_str(), "hospital" | "clinic"))
        });
        if m.kind == EntityType::Person && by_form && site {
            m.kind = EntityType::Place;
            m.evidence = Evidence::Pattern("site named after a person");
        }
    }
}

/// "said Trevor Stirling of Sanford C. Bernstein": a name taken for a
/// person only by its form, right after another person's name and "of",
/// is where that person works, a firm named after its founder.
pub(super) fn firms_after_people(doc: Doc, out: &mut Recognized) {
    let tokens = &doc.toks.tokens;
    let by_form = |m: &Mention| {
        m.kind == EntityType::Person
            && matches!(
                m.evidence,
                Evidence::Pattern("capitalized name") | Evidence::Pattern("given name")
            )
    };
    let person_ends: HashSet<usize> = out
        .mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person)
        .map(|m| m.end_token)
        .collect();
    for (m, q) in out.mentions.iter_mut().zip(&mut out.qualifiers) {
        let f = m.first_token;
        if by_form(m) && f >= 2 && tokens[f - 1].lower == "of" && person_ends.contains(&(f - 1)) {
            m.kind = EntityType::Organization;
            m.evidence = Evidence::Pattern("firm after a person and 'of'");
            *q = Qualifiers::default();
        }
    }
}
