//! Lines of sports results in agency copy ("Feyenoord 1 Twente 1",
//! "Ajax Amsterdam 2 NAC Breda 2 (halftime 1-0)"): two sides, each followed
//! by its score, are two teams, organizations, whatever their words would
//! be alone (a place, a person's name, a country). So is the name opening
//! a line of a standings table ("Willem II 10 6 3 1 20 8 21"). In the
//! sentences of a match report, countries and towns are their teams.

use super::{is_cap, is_initial, Qualifiers, Recognized};
use crate::extract::Doc;
use crate::model::{EntityType, Evidence, Mention, Shape};
use crate::resources::words::ner::SPORTS_WORDS;
use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

/// Verbs of a match, before or after a team ("Leeds beat", "beat Leeds").
const MATCH_VERBS: [&str; 16] = [
    "beat", "beats", "defeated", "drew", "lost", "won", "thrashed", "edged", "routed", "crushed",
    "trounced", "hammered", "overcame", "held", "hold", "upset",
];

/// The most words a side's name has.
const MAX_WORDS: usize = 5;

/// Make the two sides of each result line organizations, in place of
/// whatever was found on them.
pub(super) fn result_lines(doc: Doc, out: &mut Recognized) {
    let (text, tokens) = (doc.text, &doc.toks.tokens);
    for line in &doc.toks.lines {
        let s = tokens.partition_point(|t| t.span.start < line.start);
        let e = tokens.partition_point(|t| t.span.start < line.end);
        // A side from token `from`: capitalized words, then a score of at
        // most three digits; its name's range and where it ends.
        let side = |from: usize| -> Option<(Range<usize>, usize)> {
            let name_end = (from..e.min(from + MAX_WORDS + 1))
                .find(|&k| !is_cap(&tokens[k]))
                .unwrap_or(e);
            let score = tokens
                .get(name_end)
                .filter(|_| name_end < e)?
                .span
                .text(text);
            (name_end > from
                && name_end - from <= MAX_WORDS
                && (1..=3).contains(&score.len())
                && score.bytes().all(|b| b.is_ascii_digit()))
            .then_some((from..name_end, name_end + 1))
        };
        let Some((home, next)) = side(s) else {
            continue;
        };
        let number = |k: usize| {
            let w = tokens[k].span.text(text);
            (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
        };
        let teams = match side(next) {
            // The line ends there, or its scorers or the half-time score
            // follow in brackets.
            Some((away, after)) if after >= e || tokens[after].lower == "(" => vec![home, away],
            // A row of standings: three numbers or more, and nothing else.
            _ if e - home.end >= 3 && (home.end..e).all(number) => vec![home],
            // An innings on a scorecard: its batsmen in brackets, by their
            // initials ("Tasmania 312 (D. Boon 104, ...").
            _ if next + 1 < e
                && tokens[next].lower == "("
                && is_initial(tokens[next + 1].span.text(text)) =>
            {
                vec![home]
            }
            _ => continue,
        };
        let last = teams[teams.len() - 1].end;
        let keep: Vec<bool> = out
            .mentions
            .iter()
            .map(|m| m.end_token <= s || m.first_token >= last)
            .collect();
        super::patterns::retain_mentions(out, &keep);
        push_teams(doc, out, teams, "result line");
    }
}

/// Push each token range of `teams` as an organization found by `pattern`.
fn push_teams(doc: Doc, out: &mut Recognized, teams: Vec<Range<usize>>, pattern: &'static str) {
    for team in teams {
        out.push(
            &doc.toks.tokens,
            team,
            EntityType::Organization,
            Evidence::Pattern(pattern),
            Qualifiers::default(),
        );
    }
}

/// "Belgium beat Panama 3-0": in a sentence reporting a match (a score, or
/// the words of sports reports) a country is its national team, an
/// organization; so is a town its club where a verb of the match comes
/// next to it ("Leeds beat Chelsea", "held by Parma"), and a town the lines
/// of results name as a team wherever the story names it ("one point clear
/// of Liverpool").
pub(super) fn teams_in_reports(doc: Doc, out: &mut Recognized) {
    let (text, toks) = (doc.text, doc.toks);
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
    // Or a winning margin: "by 84 runs", "by six wickets".
    let is_margin = |i: usize| {
        tokens[i].lower == "by"
            && tokens.get(i + 2).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "runs" | "wickets" | "goals" | "points" | "strokes" | "shots"
                )
            })
            && tokens.get(i + 1).is_some_and(|t| {
                t.shape == Shape::Number || t.lower.chars().all(char::is_alphabetic)
            })
    };
    let is_score = |i: usize| is_score(i) || is_margin(i);
    let sports: Vec<Range<usize>> = toks
        .sentences
        .iter()
        .map(|s| s.tokens.clone())
        .filter(|r| {
            r.clone()
                .any(|i| SPORTS_WORDS.contains(&tokens[i].lower) || is_score(i))
        })
        .collect();
    // The words of the teams' names the story gives: organizations of two
    // words or more in lines of results or in sentences with a score
    // ("Bayern Munich drew 1-1 at Borussia Dortmund"; not "the Oregon State
    // Police bomb squad").
    let scored: Vec<Range<usize>> = toks
        .sentences
        .iter()
        .map(|s| s.tokens.clone())
        .filter(|r| r.clone().any(is_score))
        .collect();
    // The range of `ranges` (in text order) holding token `i`.
    let holding = |ranges: &[Range<usize>], i: usize| {
        let k = ranges.partition_point(|r| r.end <= i);
        ranges.get(k).filter(|r| r.contains(&i)).cloned()
    };
    let in_scored = |m: &Mention| holding(&scored, m.first_token).is_some();
    let team_words: HashSet<String> = out
        .mentions
        .iter()
        .filter(|m| {
            m.kind == EntityType::Organization
                && m.end_token - m.first_token >= 2
                && (m.evidence == Evidence::Pattern("result line") || in_scored(m))
        })
        .flat_map(|m| tokens[m.first_token..m.end_token].iter())
        .filter(|t| t.shape == Shape::Capitalized)
        .map(|t| t.span.text(text).to_string())
        .collect();
    let line_teams: HashSet<String> = out
        .mentions
        .iter()
        .filter(|m| m.evidence == Evidence::Pattern("result line"))
        .map(|m| m.span.text(text).to_lowercase())
        .collect();
    for m in out.mentions.iter_mut() {
        let Some(r) = holding(&sports, m.first_token) else {
            continue;
        };
        // "a tour of the United States", a player's "(Croatia)": a
        // place still.
        let mut k = m.first_token;
        if k > r.start && tokens[k - 1].lower == "the" {
            k -= 1;
        }
        let placed = k > r.start
            && matches!(
                tokens[k - 1].lower.as_str(),
                "in" | "to"
                    | "of"
                    | "from"
                    | "across"
                    | "at"
                    | "into"
                    | "throughout"
                    | "around"
                    | "("
            );
        if m.kind == EntityType::Country && !placed {
            m.kind = EntityType::Organization;
            m.evidence = Evidence::Pattern("national team");
        }
        // "Dortmund's Andreas Moeller", "a penalty for Bayern": a town
        // in a team's name is the team, where no preposition of place
        // comes before it ("won in Dortmund"); not a dateline.
        let next = tokens.get(m.end_token).map_or("", |t| t.lower.as_str());
        let prev = tokens[..m.first_token]
            .last()
            .map_or("", |t| t.lower.as_str());
        // ("Parma were held 1-1")
        let after_be = tokens
            .get(m.end_token + 1)
            .filter(|_| matches!(next, "was" | "were"))
            .is_some_and(|t| MATCH_VERBS.contains(&t.lower.as_str()));
        let in_match = MATCH_VERBS.contains(&next)
            || after_be
            || MATCH_VERBS.contains(&prev)
            || matches!(prev, "by" | "over" | "against" | "with" | "to")
                && r.clone()
                    .any(|k| MATCH_VERBS.contains(&tokens[k].lower.as_str()));
        if m.kind == EntityType::Place
            && m.end_token == m.first_token + 1
            && !matches!(m.evidence, Evidence::Dateline(_))
            && (!placed && team_words.contains(m.span.text(text))
                || in_match && holding(&scored, m.first_token).is_some())
        {
            m.kind = EntityType::Organization;
            m.evidence = Evidence::Pattern("team by its town");
        }
    }
    // "Leeds beat Chelsea 2-1": the capitalized words before a score and
    // after a verb of the match, and those before the verb, are teams,
    // where nothing was found on them (a given name alone waits for its
    // surname).
    let covered: HashSet<usize> = out
        .mentions
        .iter()
        .flat_map(|m| m.first_token..m.end_token)
        .collect();
    let lex = doc.lex;
    let name_word = |k: usize| {
        is_cap(&tokens[k])
            && !covered.contains(&k)
            && !lex.common_words.contains(&tokens[k].lower)
            && !lex.not_names.contains(&tokens[k].lower)
    };
    let caps_back =
        |end: usize, from: usize| (from..end).rev().take_while(|&k| name_word(k)).last();
    let mut found = Vec::new();
    for r in &scored {
        for v in r
            .clone()
            .filter(|&k| MATCH_VERBS.contains(&tokens[k].lower.as_str()))
        {
            let after = (v + 1..r.end).find(|&k| !is_cap(&tokens[k]));
            let Some(score) = after.filter(|&k| k > v + 1 && k - v <= MAX_WORDS && is_score(k))
            else {
                continue;
            };
            if (v + 1..score).all(name_word) {
                found.push(v + 1..score);
            }
            if let Some(first) = caps_back(v, r.start).filter(|&f| v - f <= MAX_WORDS) {
                found.push(first..v);
            }
        }
    }
    // A one-word team is that team wherever else the story names it
    // ("Natal go top of the table").
    let one_word: HashSet<&str> = found
        .iter()
        .filter(|r| r.len() == 1)
        .map(|r| tokens[r.start].span.text(text))
        .collect();
    let found_at: HashSet<usize> = found.iter().map(|r| r.start).collect();
    let elsewhere: Vec<Range<usize>> = (0..tokens.len())
        .filter(|&k| {
            !found_at.contains(&k)
                && !covered.contains(&k)
                && one_word.contains(tokens[k].span.text(text))
        })
        .map(|k| k..k + 1)
        .collect();
    found.extend(elsewhere);
    push_teams(doc, out, found, "team of a match");
    for m in out.mentions.iter_mut() {
        if m.kind == EntityType::Place
            && !matches!(m.evidence, Evidence::Dateline(_))
            && line_teams.contains(&m.span.text(text).to_lowercase())
        {
            m.kind = EntityType::Organization;
            m.evidence = Evidence::Pattern("team of the results");
        }
    }
}
