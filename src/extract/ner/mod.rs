//! Stage 2b: tokens → entity mentions.
//!
//! Evidence, strongest first: gazetteer entries (countries, places,
//! organizations), titles before names ("Foreign Minister Sergey Lavrov"),
//! organization and place patterns ("Ministry of X", "X Committee"),
//! given names, the shape of capitalized runs, and — document-wide —
//! shorter forms of names already recognized ("Lavrov" after
//! "Sergey Lavrov"). Demonyms ("Russian") are not mentions: they become a
//! nationality attribute of the person they qualify.
//!
//! The rules are split by concern: `runs` finds the capitalized runs of
//! each sentence and classifies their chunks, `patterns` applies the
//! document-wide patterns (one type per name, organizations by a common head word,
//! administrations, national teams, products and currencies, extents),
//! `results` the two teams of a line of sports results,
//! `aliases` adds the document-level aliases, and [`combine()`] merges the
//! rules' mentions with the statistical [`tagger`]'s chunks; in lines
//! written in capitals, `capitals` keeps only the story's own names and the
//! gazetteer's. The word lists
//! they read are in `data/words/ner/` ([`crate::resources::words::ner`]).

mod aliases;
mod capitals;
mod combine;
mod patterns;
mod results;
mod runs;
pub mod tagger;

pub(crate) use capitals::names_in_capitals;
pub(crate) use combine::combine;
pub use combine::Margins;

use crate::extract::Doc;
use crate::model::{EntityType, Evidence, Mention, Shape, Span, Token, Tokens};
use crate::resources::words::ner::{
    CAPTION_MARKERS, CREDIT_PREFIXES, NAME_PARTICLES, ORG_HEADS, PLACE_HEADS,
};
use crate::resources::{GazMatch, Lexicon};
use std::ops::Range;

/// A word that heads organization or place names ("university", "museum").
pub(crate) fn is_head_word(lower: &str) -> bool {
    ORG_HEADS.contains(lower) || PLACE_HEADS.contains(lower)
}

/// A company's legal form ("Inc", "Corp.", "Co", "N.V."), lowercased: it
/// closes a company's name.
pub(crate) fn is_legal_form(lower: &str) -> bool {
    let bare: String = lower.chars().filter(|&c| c != '.').collect();
    matches!(
        bare.as_str(),
        "inc" | "corp" | "co" | "ltd" | "plc" | "llc" | "nv" | "ag" | "sa" | "gmbh" | "spa" | "bv"
    )
}

/// Lines that hold a photo credit or byline, kept out of the story graph.
pub fn credit_lines(text: &str, toks: &Tokens) -> Vec<Span> {
    toks.lines
        .iter()
        .copied()
        .filter(|l| {
            let s = l.text(text);
            let lower = s.to_lowercase();
            CREDIT_PREFIXES.iter().any(|p| lower.starts_with(p))
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
    /// The text's gazetteer matches, found once for the rules and read
    /// again by the tagger and the combination of both.
    pub gazetteer: Vec<GazMatch>,
}

/// "76ers": digits and letters in one name word.
fn is_numbered_name(t: &Token) -> bool {
    let w = t.lower.as_str();
    w.starts_with(|c: char| c.is_ascii_digit()) && w.ends_with(|c: char| c.is_alphabetic())
}

fn is_cap(t: &Token) -> bool {
    matches!(t.shape, Shape::Capitalized | Shape::Upper | Shape::Mixed)
}

/// A name's particle: a lowercase one ("van", "bin") or one hyphened to a
/// capitalized surname ("al-Assad", "el-Sissi").
pub(crate) fn is_name_particle(text: &str, t: &Token) -> bool {
    NAME_PARTICLES.contains(&t.lower)
        || t.span
            .text(text)
            .split_once('-')
            .is_some_and(|(head, tail)| {
                NAME_PARTICLES.contains(head) && tail.starts_with(char::is_uppercase)
            })
}

/// A month before a day ("Jan. 27", "June 3"): no name, even where it is a
/// given name too (the list of words that are no names leaves "jan" out,
/// for "Jan Berg" opening a sentence).
pub(crate) fn month_before_day(tokens: &[Token], i: usize, lex: &Lexicon) -> bool {
    let number = |k: usize| tokens.get(k).is_some_and(|n| n.shape == Shape::Number);
    let day_after =
        number(i + 1) || tokens.get(i + 1).is_some_and(|n| n.lower == ".") && number(i + 2);
    let w = tokens[i].lower.as_str();
    day_after && (w == "jan" || lex.not_names.contains(w))
}

/// A capitalized word hyphened to a lowercase one ("Paris-based",
/// "ChatGPT-maker", "Iran-backed"): before a name, a modifier, not part of
/// it.
pub(crate) fn is_hyphen_modifier(text: &str, t: &Token) -> bool {
    t.span
        .text(text)
        .rsplit_once('-')
        .is_some_and(|(head, tail)| {
            head.starts_with(char::is_uppercase)
                && tail.chars().count() >= 2
                && tail.chars().all(char::is_lowercase)
        })
}

/// A capital hyphened to a participle or a word of kind: "Paulo-based",
/// "Iran-backed", "Oslo-born", "state-run", "Soviet-era".
pub(crate) fn modifier_suffix(text: &str, t: &Token) -> bool {
    is_hyphen_modifier(text, t)
        && t.span.text(text).rsplit_once('-').is_some_and(|(_, tail)| {
            tail.ends_with("ed")
                || matches!(
                    tail,
                    "born" | "led" | "run" | "made" | "bound" | "like" | "style" | "era"
                )
        })
}

/// "D.": a capital and its period, an initial.
pub(crate) fn is_initial(w: &str) -> bool {
    w.len() == 2 && w.starts_with(|c: char| c.is_ascii_uppercase()) && w.ends_with('.')
}

/// A line written as a headline: most of its words capitalized, no final period.
pub(crate) fn is_headline(text: &str, tokens: &[Token]) -> bool {
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
    let doc = Doc {
        text,
        toks,
        lex,
        credits,
        parser: None,
    };
    let (mut out, pending_single) = runs::names_in_runs(doc);
    patterns::titles_out_of_names(doc, &mut out);
    results::result_lines(doc, &mut out);
    patterns::firms_after_people(doc, &mut out);
    aliases::resolve_aliases(doc, &mut out, &pending_single);
    patterns::sites_named_after_people(doc, &mut out);
    patterns::one_type_per_name(doc, &mut out);
    patterns::drop_products_and_currencies(doc, &mut out);
    patterns::drop_market_indices(doc, &mut out);
    patterns::drop_quoted_works(doc, &mut out);
    patterns::drop_laws(doc, &mut out);
    patterns::organizations_by_common_head(doc, &mut out);
    results::teams_in_reports(doc, &mut out);
    patterns::administrations(doc, &mut out);
    patterns::extend_extents(doc, &mut out.mentions);
    in_text_order(out)
}

/// The mentions (and their qualifiers) sorted by where they start; mentions
/// starting at the same place keep the order they were found in.
fn in_text_order(out: Recognized) -> Recognized {
    let mut order: Vec<usize> = (0..out.mentions.len()).collect();
    order.sort_by_key(|&k| out.mentions[k].span.start);
    Recognized {
        mentions: order.iter().map(|&k| out.mentions[k].clone()).collect(),
        qualifiers: order.iter().map(|&k| out.qualifiers[k].clone()).collect(),
        gazetteer: out.gazetteer,
    }
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
        // No title, nor the plural of one, begins with the words so far.
        if k > i && !lex.title_prefixes.contains(&words) {
            break;
        }
        // ("Sen." is one word of a title: its period is its own token.)
        let period = t.lower == "." && k > i && tokens[k - 1].span.end == t.span.start;
        if k > i && !period {
            words.push(' ');
        }
        words.push_str(&t.lower);
        if lex.titles.contains_key(&words) {
            best = Some((k + 1, words.clone()));
        } else if tokens.get(k + 1).is_some_and(is_cap) {
            // "Senators John McCain and Lindsey Graham" (before a name only:
            // "the Sacramento Kings" is a team)
            if let Some(one) = singular_title(&words, lex) {
                best = Some((k + 1, one));
            }
        }
    }
    best
}

/// The title whose plural `words` is ("senators", "foreign ministers",
/// "attorneys general" is not one): its last word takes the plural, and
/// honorifics have none.
fn singular_title(words: &str, lex: &Lexicon) -> Option<String> {
    let (head, last) = match words.rsplit_once(' ') {
        Some((h, l)) => (Some(h), l),
        None => (None, words),
    };
    let stem = last.strip_suffix('s')?;
    let forms = [
        stem.strip_suffix("ie").map(|s| format!("{s}y")),
        stem.strip_suffix('e').map(str::to_string),
        Some(stem.to_string()),
    ];
    forms.into_iter().flatten().find_map(|one| {
        let title = match head {
            Some(h) => format!("{h} {one}"),
            None => one,
        };
        lex.titles
            .get(&title)
            .is_some_and(|t| t.kind != "honorific" && title.len() > 3)
            .then_some(title)
    })
}

impl Recognized {
    /// Add a mention of the tokens `range`, with its qualifiers.
    fn push(
        &mut self,
        tokens: &[Token],
        range: Range<usize>,
        kind: EntityType,
        evidence: Evidence,
        q: Qualifiers,
    ) {
        let (s, e) = (range.start, range.end);
        let span = Span::new(tokens[s].span.start, tokens[e - 1].span.end);
        self.mentions.push(Mention {
            span,
            extent: span,
            kind,
            evidence,
            first_token: s,
            end_token: e,
        });
        self.qualifiers.push(q);
    }
}

/// Strip an Arabic article from a surname: "Al-Assad" → "Assad".
pub(crate) fn surname_key(word: &str) -> &str {
    for p in ["al-", "Al-", "el-", "El-", "al ", "Al "] {
        if let Some(rest) = word.strip_prefix(p) {
            return rest;
        }
    }
    word
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

/// Whether token `i` is a kicker in capitals opening a line ("REPORT:",
/// "UPDATE -", "WATCH:"): a caption's, a clip's or a note's marker.
pub(crate) fn is_kicker(toks: &Tokens, i: usize) -> bool {
    let tokens = &toks.tokens;
    let t = &tokens[i];
    t.shape == Shape::Upper
        && CAPTION_MARKERS.contains(&t.lower)
        && tokens
            .get(i + 1)
            .is_some_and(|n| matches!(n.lower.as_str(), ":" | "-" | "—" | "–"))
        && toks
            .lines
            .binary_search_by(|l| l.start.cmp(&t.span.start))
            .is_ok()
}

/// Datelines: a line that opens with a place in capitals and a dash or an
/// agency in parentheses ("BRUSSELS —", "SINGAPORE (Reuters) -", "NEW
/// YORK:", a place the gazetteer knows before a colon), maybe with its region or country after a comma ("IRBIL, IRAQ
/// —", "WASHINGTON, D.C. —") and the filing date ("WASHINGTON, Dec 3
/// (Reuters) -"), or a line of the place and the filing date alone
/// ("ROTTERDAM 1998-03-14"), names where the story was filed; the agency in
/// parentheses is an organization. The place
/// becomes a place mention (a country where the gazetteer says so), and so
/// does the region, whatever the rules or the tagger made of them. A
/// caption's or a clip's marker ("FILE -", "WATCH:") is no place.
/// Also returns the filing dates' spans: they date the story, not its
/// events.
pub(crate) fn datelines(
    text: &str,
    toks: &Tokens,
    lex: &Lexicon,
    mut rec: Recognized,
) -> (Recognized, Vec<Span>) {
    let mut filing = Vec::new();
    let tokens = &toks.tokens;
    // Words in capitals from token `from` on, within `line`: at most
    // three, dots allowed where `dots` ("D.C.").
    let caps_from = |from: usize, line: Span, dots: bool| -> usize {
        let n = tokens[from.min(tokens.len())..]
            .iter()
            .take(4)
            .take_while(|t| {
                t.span.end <= line.end
                    && t.shape == Shape::Upper
                    && t.lower
                        .chars()
                        .all(|c| c.is_alphabetic() || dots && c == '.')
                    && t.lower.len() >= 2
            })
            .count();
        if n > 3 {
            0
        } else {
            n
        }
    };
    for &line in &toks.lines {
        let first = tokens.partition_point(|t| t.span.start < line.start);
        let caps = caps_from(first, line, false);
        if caps == 0 || CAPTION_MARKERS.contains(&tokens[first].lower) {
            continue;
        }
        let mut end = first + caps;
        let mut parts: Vec<Range<usize>> = Vec::with_capacity(3);
        parts.push(first..end);
        // "AMSTERDAM/LONDON (Reuters) -": two places filed from.
        if tokens.get(end).is_some_and(|t| t.lower == "/") {
            let more = caps_from(end + 1, line, false);
            if more > 0 {
                parts.push(end + 1..end + 1 + more);
                end += 1 + more;
            }
        }
        let mut marker_at = end;
        if tokens.get(end).is_some_and(|t| t.lower == ",")
            && dateline_date(tokens, end + 1, line).is_none()
        {
            let region = match caps_from(end + 1, line, true) {
                0 => titled_region(tokens, end + 1, line),
                n => n,
            };
            if region > 0 {
                parts.push(end + 1..end + 1 + region);
                marker_at = end + 1 + region;
            }
        }
        // "WASHINGTON, Dec 3 (Reuters) -": the filing date after a comma.
        let mut date = None;
        if tokens.get(marker_at).is_some_and(|t| t.lower == ",") {
            if let Some(after) = dateline_date(tokens, marker_at + 1, line) {
                date = Some(Span::new(
                    tokens[marker_at + 1].span.start,
                    tokens[after - 1].span.end,
                ));
                marker_at = after;
            }
        }
        // "ROTTERDAM 1998-03-14": a line of the place and the filing date
        // alone, the story on the lines after it.
        if date.is_none() {
            if let Some(after) = dateline_date(tokens, marker_at, line)
                .filter(|&a| tokens.get(a).is_none_or(|t| t.span.start >= line.end))
            {
                if after < tokens.len() {
                    date = Some(Span::new(
                        tokens[marker_at].span.start,
                        tokens[after - 1].span.end,
                    ));
                    marker_at = after - 1;
                }
            }
        }
        let marker = tokens.get(marker_at).map_or("", |t| t.lower.as_str());
        let date_line = date.is_some_and(|d| d.end == line.end);
        if !date_line && !matches!(marker, "—" | "–" | "-" | "--" | "(" | ":") {
            continue;
        }
        // A headline's source before a colon ("UNHCR: Arrivals Fall") is
        // no dateline: before a colon, only a place the gazetteer knows.
        if marker == ":" && dateline_kind(text, tokens, lex, first..end).1.is_none() {
            continue;
        }
        // The agency in parentheses is an organization ("(Nordic Wire)").
        let agency = (marker == "(")
            .then(|| {
                let close = (marker_at + 1..(marker_at + 6).min(tokens.len()))
                    .find(|&k| tokens[k].lower == ")")?;
                (close > marker_at + 1
                    && tokens[marker_at + 1..close].iter().all(|t| {
                        t.shape != Shape::Lower && t.shape != Shape::Punct || t.lower == "&"
                    }))
                .then_some(marker_at + 1..close)
            })
            .flatten();
        // Not a headline in capitals ("SOCCER - LEADERS HELD TO DRAW"):
        // words in lowercase follow the marker on the line.
        let story_follows = tokens[(marker_at + 1).min(tokens.len())..]
            .iter()
            .take_while(|t| t.span.start < line.end)
            .any(|t| t.span.text(text).chars().any(char::is_lowercase));
        if !date_line && !story_follows {
            continue;
        }
        filing.extend(date);
        let agency_part = agency.map(|a| {
            let span = Span::new(tokens[a.start].span.start, tokens[a.end - 1].span.end);
            let entry = lex
                .gazetteer_matches(span.text(text))
                .into_iter()
                .find(|m| m.start == 0 && m.end == span.len())
                .map(|m| m.entry)
                .filter(|&g| lex.gazetteer[g].kind == EntityType::Organization);
            (a, (EntityType::Organization, entry))
        });
        let places = parts.into_iter().map(|part| {
            let kind = dateline_kind(text, tokens, lex, part.clone());
            (part, kind)
        });
        for (part, (kind, entry)) in places.chain(agency_part) {
            let overlapping: Vec<usize> = (0..rec.mentions.len())
                .filter(|&k| {
                    rec.mentions[k].first_token < part.end && rec.mentions[k].end_token > part.start
                })
                .collect();
            for &k in overlapping.iter().rev() {
                rec.mentions.remove(k);
                rec.qualifiers.remove(k);
            }
            rec.push(
                tokens,
                part,
                kind,
                Evidence::Dateline(entry),
                Qualifiers::default(),
            );
        }
    }
    (in_text_order(rec), filing)
}

/// A region in title case after a dateline's place and its comma, as the
/// agencies' style writes it ("LYON, France —", "NAIROBI, Kenya (AP) —",
/// "MIAMI, Fla. —"): at most three capitalized words, an abbreviation's dot
/// included, right before the dateline's marker or the filing date before
/// it ("NAIROBI, Kenya, March 4 (Reuters) -"); 0 where there is none.
fn titled_region(tokens: &[Token], from: usize, line: Span) -> usize {
    let mut k = from;
    let mut words = 0;
    while let Some(t) = tokens.get(k).filter(|t| t.span.end <= line.end) {
        if t.shape == Shape::Capitalized && t.lower.chars().all(|c| c.is_alphabetic() || c == '.') {
            words += 1;
        } else if !(t.lower == "." && words > 0) {
            break;
        }
        k += 1;
    }
    // "GARISSA, Kenya, March 4 (Reuters) -": the filing date may follow.
    let mut m = k;
    if tokens.get(k).is_some_and(|t| t.lower == ",") {
        m = dateline_date(tokens, k + 1, line).unwrap_or(k);
    }
    let marker = tokens.get(m).map_or("", |t| t.lower.as_str());
    // "VIRGINIA WATER, England 1997-10-09": or the filing date closing a
    // line of its own.
    let date_closes_line = dateline_date(tokens, k, line)
        .is_some_and(|a| tokens.get(a).is_none_or(|t| t.span.start >= line.end));
    if (1..=3).contains(&words)
        && (matches!(marker, "—" | "–" | "-" | "--" | "(" | ":") || date_closes_line)
    {
        k - from
    } else {
        0
    }
}

/// Month names and their abbreviations (without the dot), lowercase.
pub(crate) const MONTHS: [&str; 24] = [
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// The end of a filing date in a dateline starting at token `from`: a
/// month (maybe abbreviated, with its dot) and a day, a day and a month,
/// a weekday, or an ISO date ("1998-03-14").
fn dateline_date(tokens: &[Token], from: usize, line: Span) -> Option<usize> {
    const WEEKDAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let word = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.span.end <= line.end)
            .map(|t| t.lower.trim_end_matches('.'))
    };
    let month = |k: usize| word(k).is_some_and(|w| MONTHS.contains(&w));
    let day = |k: usize| {
        word(k)
            .is_some_and(|w| w.len() <= 2 && !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
    };
    let dot = |k: usize| usize::from(tokens.get(k).is_some_and(|t| t.lower == "."));
    // "1998-03-14"
    let iso = word(from).is_some_and(|w| {
        let parts: Vec<&str> = w.split('-').collect();
        parts.len() == 3
            && parts[0].len() == 4
            && parts[1..].iter().all(|p| p.len() == 2)
            && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
    });
    if iso {
        return Some(from + 1);
    }
    if month(from) {
        let k = from + 1 + dot(from + 1);
        return day(k).then_some(k + 1);
    }
    if day(from) && month(from + 1) {
        return Some(from + 2 + dot(from + 2));
    }
    word(from)
        .is_some_and(|w| WEEKDAYS.contains(&w))
        .then_some(from + 1)
}

/// A dateline's place in capitals is a country where the gazetteer has
/// its words (in title case) as a country, else a place; with the
/// gazetteer's entry where it has one, so that "LYON" is the "Lyon" of the
/// story.
fn dateline_kind(
    text: &str,
    tokens: &[Token],
    lex: &Lexicon,
    part: Range<usize>,
) -> (EntityType, Option<usize>) {
    let span = Span::new(tokens[part.start].span.start, tokens[part.end - 1].span.end);
    let titled: String = span
        .text(text)
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or_else(String::new, |f| {
                f.to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    let entry = lex
        .gazetteer_matches(&titled)
        .into_iter()
        .find(|m| {
            m.start == 0
                && m.end == titled.len()
                && matches!(
                    lex.gazetteer[m.entry].kind,
                    EntityType::Country | EntityType::Place
                )
        })
        .map(|m| m.entry);
    match entry {
        Some(g) if lex.gazetteer[g].kind == EntityType::Country => (EntityType::Country, entry),
        _ => (EntityType::Place, entry),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::tokenize;
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
    fn word_lists_are_loaded_in_file_order() {
        use crate::resources::words::ner::{NAME_PARTICLES, RELIGIOUS_GROUPS};
        assert!(ORG_HEADS.contains("ministry") && ORG_HEADS.contains("n.v."));
        assert_eq!(ORG_HEADS.iter().filter(|w| *w == "council").count(), 1);
        assert!(is_head_word("museum") && !is_head_word("minister"));
        assert_eq!(NAME_PARTICLES.entries()[..3], ["van", "von", "de"]);
        // Entries keep their case and inner spaces.
        assert!(RELIGIOUS_GROUPS.contains("Muslims") && !RELIGIOUS_GROUPS.contains("muslims"));
        assert!(CREDIT_PREFIXES.contains("photo credit:"));
    }

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
