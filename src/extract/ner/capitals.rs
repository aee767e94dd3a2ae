//! Lines written in capitals ("SOCCER - LEADERS HELD TO DRAW IN ROTTERDAM"),
//! as wire headlines and older agency copy have them. There a capital says
//! nothing, so the rules' and the tagger's guesses in such a line are
//! replaced by what is known without capitals: the names the story writes
//! elsewhere in ordinary case (a person's surname too), and the gazetteer's
//! names read in title case, a common word alone excepted.

use super::{in_text_order, Qualifiers, Recognized};
use crate::extract::Doc;
use crate::model::{EntityType, Evidence, Mention, Token};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// The longest name looked for, in words.
const MAX_WORDS: usize = 6;

/// Replace the mentions inside lines in capitals by the story's own names
/// and the gazetteer's.
pub(crate) fn names_in_capitals(doc: &Doc<'_>, rec: Recognized) -> Recognized {
    let (text, tokens, lex) = (doc.text, &doc.toks.tokens, doc.lex);
    let lines = capital_lines(doc);
    if lines.is_empty() {
        return rec;
    }
    let line_of = |m: &Mention| {
        let k = lines.partition_point(|l| l.end <= m.first_token);
        lines.get(k).filter(|l| l.start <= m.first_token)
    };
    // The story's names outside those lines, by their lowercase words.
    // (A gazetteer's name keeps its entry, so that "WALES" is the story's
    // "Wales".)
    let mut known: HashMap<String, (EntityType, Evidence)> = HashMap::default();
    for m in rec.mentions.iter().filter(|m| line_of(m).is_none()) {
        let words = &tokens[m.first_token..m.end_token];
        // (Not a dateline's place in capitals that the rules took for an
        // acronym: "BRISBANE, Australia, Dec 7 (Reuters) -".)
        if m.evidence == Evidence::Pattern("acronym")
            && lex.by_name.contains_key(&title_case(m.span.text(text)))
        {
            continue;
        }
        let evidence = match m.evidence {
            Evidence::Gazetteer(g) | Evidence::Dateline(Some(g)) => Evidence::Gazetteer(g),
            _ => Evidence::Alias,
        };
        known.entry(key(words)).or_insert((m.kind, evidence));
        if m.kind == EntityType::Person && words.len() > 1 {
            known
                .entry(key(&words[words.len() - 1..]))
                .or_insert((EntityType::Person, Evidence::Alias));
        }
    }
    let mut out = Recognized {
        gazetteer: rec.gazetteer,
        ..Recognized::default()
    };
    for (m, q) in rec.mentions.into_iter().zip(rec.qualifiers) {
        if line_of(&m).is_none() {
            out.mentions.push(m);
            out.qualifiers.push(q);
        }
    }
    for line in lines {
        // The gazetteer's names in the line, as written and in title case
        // (the same bytes: only ASCII letters change case), by first token.
        let from = tokens[line.start].span.start;
        let to = tokens[line.end - 1].span.end;
        let written = &text[from..to];
        let mut gazetteer: HashMap<usize, (usize, usize)> = HashMap::default();
        for m in lex
            .gazetteer_matches(written)
            .into_iter()
            .chain(lex.gazetteer_matches(&title_case(written)))
        {
            let first = tokens[line.clone()]
                .iter()
                .position(|t| t.span.start == from + m.start);
            let end = tokens[line.clone()]
                .iter()
                .position(|t| t.span.end == from + m.end);
            if let (Some(s), Some(e)) = (first, end) {
                let (s, e) = (line.start + s, line.start + e + 1);
                if e - s == 1 && lex.common_words.contains(&tokens[s].lower) {
                    continue;
                }
                let best = gazetteer.entry(s).or_insert((e, m.entry));
                if e > best.0 {
                    *best = (e, m.entry);
                }
            }
        }
        let mut i = line.start;
        while i < line.end {
            let story = (1..=MAX_WORDS.min(line.end - i))
                .rev()
                .find_map(|n| known.get(&key(&tokens[i..i + n])).map(|&(k, e)| (n, k, e)));
            let gaz = gazetteer.get(&i).map(|&(e, entry)| (e - i, entry));
            let found = match (story, gaz) {
                (Some(story), g) if g.is_none_or(|(gn, _)| story.0 >= gn) => Some(story),
                (_, Some((n, entry))) => {
                    Some((n, lex.gazetteer[entry].kind, Evidence::Gazetteer(entry)))
                }
                _ => None,
            };
            match found {
                Some((n, kind, evidence)) => {
                    out.push(tokens, i..i + n, kind, evidence, Qualifiers::default());
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    in_text_order(out)
}

/// The token ranges of lines with two words or more and no lowercase
/// letter.
fn capital_lines(doc: &Doc<'_>) -> Vec<Range<usize>> {
    let (text, tokens) = (doc.text, &doc.toks.tokens);
    let mut out = Vec::new();
    for line in &doc.toks.lines {
        let s = tokens.partition_point(|t| t.span.start < line.start);
        let e = tokens.partition_point(|t| t.span.start < line.end);
        let mut words = 0;
        let mut lower = false;
        for t in &tokens[s..e] {
            let w = t.span.text(text);
            lower |= w.chars().any(char::is_lowercase);
            words += usize::from(w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
        }
        if words >= 2 && !lower {
            out.push(s..e);
        }
    }
    out
}

/// The lowercase words of `words`, joined by spaces.
fn key(words: &[Token]) -> String {
    let mut k = String::new();
    for (n, t) in words.iter().enumerate() {
        if n > 0 {
            k.push(' ');
        }
        k.push_str(&t.lower);
    }
    k
}

/// "NEW YORK-BASED" → "New York-Based": ASCII letters only, so byte
/// offsets stay those of the text.
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut after_letter = false;
    for c in s.chars() {
        out.push(if after_letter {
            c.to_ascii_lowercase()
        } else {
            c.to_ascii_uppercase()
        });
        after_letter = c.is_alphabetic() || c == '\'';
    }
    out
}
