//! Stage 1: text → lines, sentences and tokens.
//!
//! Lines (split on `\n`) are the paragraphs and headings of a news text;
//! sentences are found inside each line by `sentencex`, which knows the
//! abbreviations of news English ("U.S.", "Jan.", "Mr."). Tokens carry byte
//! spans into the original text.

use crate::model::{Sentence, Shape, Span, Token, Tokens};
use crate::resources::words::ner::HYPHEN_PREFIXES;

/// Split and tokenize `text`.
pub fn tokenize(text: &str) -> Tokens {
    let mut out = Tokens::default();
    let mut line_start = 0;
    let mut seen_text = false;
    for raw in text.split('\n') {
        let line_span = trim_span(text, Span::new(line_start, line_start + raw.len()));
        line_start += raw.len() + 1;
        // The text's first line may be a headline run into the story's
        // first sentence by a hyphen, and any line a subheading run into
        // its paragraph: two lines.
        let glue = if line_span.is_empty() {
            None
        } else if seen_text {
            subheading_glue(line_span.text(text))
        } else {
            headline_glue(line_span.text(text)).or_else(|| subheading_glue(line_span.text(text)))
        };
        seen_text |= !line_span.is_empty();
        let pieces = match glue {
            Some(k) => vec![
                Span::new(line_span.start, line_span.start + k),
                Span::new(line_span.start + k + 1, line_span.end),
            ],
            None => vec![line_span],
        };
        for line_span in pieces {
            let line_no = out.lines.len();
            out.lines.push(line_span);
            if !line_span.is_empty() {
                sentences_in(text, line_span, line_no, &mut out);
            }
        }
    }
    out
}

/// Split one line into sentences and tokens, appending to `out`.
fn sentences_in(text: &str, line_span: Span, line_no: usize, out: &mut Tokens) {
    for piece in line_pieces(line_span.text(text)) {
        let piece = Span::new(line_span.start + piece.start, line_span.start + piece.end);
        sentences_of_piece(text, piece, line_no, out);
    }
}

/// Longest stretch of a line given to the sentence splitter at once: its
/// time grows faster than the length of what it is given, and a long
/// document may be one line.
const MAX_PIECE: usize = 4096;

/// A line cut where a sentence surely ends, into pieces of at most about
/// `MAX_PIECE` bytes: after a period that closes a lowercase word of three
/// letters or more (no abbreviation), before a space and a capital.
fn line_pieces(line: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while line.len() - start > MAX_PIECE {
        let mut lo = start + MAX_PIECE / 2;
        let mut hi = start + MAX_PIECE;
        while !line.is_char_boundary(lo) {
            lo += 1;
        }
        while !line.is_char_boundary(hi) {
            hi -= 1;
        }
        let cut = line[lo..hi]
            .match_indices(". ")
            .map(|(k, _)| lo + k)
            .find(|&k| {
                let word = line[..k]
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                word.len() >= 3
                    && word.chars().all(char::is_lowercase)
                    && line[k + 2..].starts_with(char::is_uppercase)
            });
        let Some(k) = cut else {
            break;
        };
        out.push(start..k + 1);
        start = k + 2;
    }
    out.push(start..line.len());
    out
}

/// Split one piece of a line into sentences and tokens.
fn sentences_of_piece(text: &str, line_span: Span, line_no: usize, out: &mut Tokens) {
    let line = line_span.text(text);
    for b in sentencex::get_sentence_boundaries("en", line) {
        let span = trim_span(
            text,
            Span::new(line_span.start + b.start_byte, line_span.start + b.end_byte),
        );
        if span.is_empty() {
            continue;
        }
        let first = out.tokens.len();
        tokens_in(text, span, &mut out.tokens);
        if out.tokens.len() > first {
            out.sentences.push(Sentence {
                span,
                tokens: first..out.tokens.len(),
                line: line_no,
            });
        }
    }
}

/// Words title case leaves in lower case: articles, conjunctions,
/// prepositions, and the particles of names ("al Shabaab").
const TITLE_CASE_SMALL_WORDS: [&str; 46] = [
    "a", "about", "after", "against", "al", "amid", "among", "an", "and", "as", "at", "before",
    "between", "bin", "but", "by", "de", "during", "el", "for", "from", "in", "into", "nor", "of",
    "off", "on", "onto", "or", "out", "over", "per", "so", "than", "the", "through", "to",
    "toward", "towards", "up", "upon", "via", "vs", "with", "without", "yet",
];

fn is_small_word(w: &str) -> bool {
    TITLE_CASE_SMALL_WORDS.contains(&w)
}

/// Where a headline in title case runs into the first sentence of the
/// story through a hyphen ("Storm Floods Coastal Towns-Rescue teams
/// reached…", as some feeds join them): the byte offset of that hyphen in
/// `line`. Before it, at least three words, every one capitalized but
/// title case's small words; after it (a space may stand before the
/// hyphen, none after), a capitalized word opening a
/// sentence of at least five words. Of several such hyphens, the first
/// after which a lower-case word (not a small word) comes before the next:
/// a hyphened name in the headline ("Leader Kim Jong-Un Meets Moon-The two
/// leaders…") is followed by more title case.
fn headline_glue(line: &str) -> Option<usize> {
    // Past the end of the first word that title case would not write, no
    // hyphen can end a headline: the checks below stop there, so that a
    // long line costs one pass, not one per hyphen.
    let limit = line
        .split_whitespace()
        .find(|w| !title_cased(w))
        .map_or(line.len(), |w| {
            w.as_ptr() as usize - line.as_ptr() as usize + w.len()
        });
    let candidates: Vec<usize> = line[..limit]
        .match_indices('-')
        .map(|(k, _)| k)
        .filter(|&k| {
            let before = line[..k].chars().next_back();
            let after = line[k + 1..].chars().next();
            // "Towns-Rescue", or "Towns -Rescue" (the hyphen joins what follows).
            before.is_some_and(|c| c.is_alphanumeric() || ")'\"’”?! ".contains(c))
                && after.is_some_and(|c| c.is_uppercase() || "\"“‘".contains(c))
        })
        .filter(|&k| {
            let left: Vec<&str> = line[..k].split_whitespace().collect();
            let title_case = left.iter().all(|w| title_cased(w));
            // A headline ends in a word of its own, not in a small word
            // ("Karim al-Hashemi" is a name).
            let ends_in_word = left
                .last()
                .is_some_and(|w| !is_small_word(w.trim_matches(|c: char| !c.is_alphanumeric())));
            left.len() >= 3 && title_case && ends_in_word && story_follows(&line[k + 1..])
        })
        .collect();
    candidates.iter().enumerate().find_map(|(i, &k)| {
        let until = candidates.get(i + 1).copied().unwrap_or(line.len());
        line[k + 1..until]
            .split_whitespace()
            .any(|w| w.starts_with(char::is_lowercase) && !is_small_word(w))
            .then_some(k)
    })
}

/// Where a subheading in sentence case runs into its paragraph through a
/// hyphen ("Doubts remain-Aid groups say…", as some feeds join them): the
/// byte offset of that hyphen in `line`. Before it, one to five words
/// without punctuation but hyphens, the first capitalized and the last a
/// lower-case word of at least three letters that opens no compound (not
/// "anti-", "mid-"); right after it (no space on either side), a
/// capitalized word opening at least five words, two of them lower-case.
fn subheading_glue(line: &str) -> Option<usize> {
    let end = line
        .find(|c: char| ".!?:;,\"“”".contains(c))
        .unwrap_or(line.len());
    line[..end].match_indices('-').map(|(k, _)| k).find(|&k| {
        let left: Vec<&str> = line[..k].split_whitespace().collect();
        let last = line[..k].rsplit([' ', '-']).next().unwrap_or("");
        let opens = left
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        let ends_lower = last.chars().count() >= 3
            && last.chars().all(char::is_lowercase)
            && !HYPHEN_PREFIXES.contains(last);
        let sentence =
            line[k + 1..].starts_with(char::is_uppercase) && story_follows(&line[k + 1..]);
        left.len() <= 5 && opens && ends_lower && sentence
    })
}

/// A word as title case writes it: capitalized (or no letter first), or one
/// of the small words it leaves in lower case.
fn title_cased(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    w.is_empty() || !w.starts_with(char::is_lowercase) || is_small_word(w)
}

/// Whether `rest` reads as running text: at least five words, two of them
/// in lower case (read only as far as that takes).
fn story_follows(rest: &str) -> bool {
    let (mut words, mut lower) = (0, 0);
    for w in rest.split_whitespace() {
        words += 1;
        lower += usize::from(w.starts_with(char::is_lowercase));
        if words >= 5 && lower >= 2 {
            return true;
        }
    }
    false
}

fn trim_span(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end().len();
    Span::new(start, end.max(start))
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokenize one sentence span, appending to `out`.
fn tokens_in(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = span.text(text);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if is_word_char(c) {
            // A word: letters/digits joined by single '-', '.', '&' (AT&T),
            // or an apostrophe that is not a possessive "'s" ("O'Brien").
            i += 1;
            loop {
                while i < chars.len() && is_word_char(chars[i].1) {
                    i += 1;
                }
                if i + 1 < chars.len() && is_word_char(chars[i + 1].1) {
                    let j = chars[i].1;
                    let next = chars[i + 1].1;
                    let possessive = is_apostrophe(j)
                        && (next == 's' || next == 'S')
                        && chars.get(i + 2).is_none_or(|x| !is_word_char(x.1));
                    let nt = is_apostrophe(j)
                        && (next == 't' || next == 'T')
                        && i > 0
                        && (chars[i - 1].1 == 'n' || chars[i - 1].1 == 'N');
                    // "US-North Korea", "EU-China": an abbreviation in
                    // capitals hyphened to a capitalized word are two names.
                    let pair = j == '-'
                        && next.is_uppercase()
                        && chars.get(i + 2).is_some_and(|x| x.1.is_lowercase())
                        && (2..=3).contains(&(i - start))
                        && chars[start..i].iter().all(|x| x.1.is_ascii_uppercase());
                    if (j == '-' && !pair
                        || j == '&'
                        || j == '.'
                        || j == '/' && is_digitish(&chars, i)
                        || j == ',' && is_thousands(&chars, i))
                        || (is_apostrophe(j) && !possessive && !nt)
                    {
                        i += 1;
                        continue;
                    }
                }
                break;
            }
            // Abbreviations with dots: "U.S." keeps its final dot when the
            // token is letters separated by dots ("U.S", "D.C").
            if i < chars.len() && chars[i].1 == '.' {
                let word: String = chars[start..i].iter().map(|x| x.1).collect();
                // So does an initial inside the sentence: one capital letter
                // before a capitalized word ("George W. Bush").
                let initial = i - start == 1
                    && chars[start].1.is_uppercase()
                    && chars.get(i + 1).is_some_and(|x| x.1 == ' ')
                    && chars.get(i + 2).is_some_and(|x| x.1.is_uppercase());
                if is_dotted_abbrev(&word) || initial {
                    i += 1;
                }
            }
        } else if is_apostrophe(c)
            && i + 1 < chars.len()
            && (chars[i + 1].1 == 's' || chars[i + 1].1 == 'S')
            && chars.get(i + 2).is_none_or(|x| !is_word_char(x.1))
        {
            i += 2; // possessive 's as its own token
        } else {
            i += 1; // punctuation: one char a token
        }
        let end_byte = chars.get(i).map_or(s.len(), |x| x.0);
        let tspan = Span::new(span.start + b, span.start + end_byte);
        let tok_text = tspan.text(text);
        out.push(Token {
            span: tspan,
            shape: shape_of(tok_text),
            lower: lower_form(tok_text),
        });
    }
}

fn is_digitish(chars: &[(usize, char)], i: usize) -> bool {
    i > 0
        && chars[i - 1].1.is_ascii_digit()
        && chars.get(i + 1).is_some_and(|x| x.1.is_ascii_digit())
}

/// "4,300": a comma at `i` between a digit and exactly three digits.
fn is_thousands(chars: &[(usize, char)], i: usize) -> bool {
    let digit = |k: usize| chars.get(k).is_some_and(|x| x.1.is_ascii_digit());
    i > 0 && digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4)
}

/// "U.S", "D.C", "e.g": single letters separated by dots.
fn is_dotted_abbrev(word: &str) -> bool {
    word.contains('.') && word.split('.').all(|p| p.chars().count() == 1)
}

/// The shape of a token's text.
pub(crate) fn shape_of(s: &str) -> Shape {
    let mut letters = 0;
    let mut upper = 0;
    let mut digits = 0;
    let mut first_upper = false;
    for (i, c) in s.chars().enumerate() {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
                if i == 0 {
                    first_upper = true;
                }
            }
        } else if c.is_numeric() {
            digits += 1;
        }
    }
    if letters == 0 && digits == 0 {
        Shape::Punct
    } else if letters == 0 || (digits > 0 && digits >= letters) {
        Shape::Number
    } else if upper == letters && letters >= 2 {
        Shape::Upper
    } else if upper == 0 {
        Shape::Lower
    } else if first_upper {
        Shape::Capitalized
    } else {
        Shape::Mixed
    }
}

/// A token's lowercase form, with typographic apostrophes made straight
/// ("Russia’s" → "russia's"); ASCII words (most of them) without the
/// Unicode tables or a second string.
fn lower_form(tok: &str) -> String {
    if tok.is_ascii() {
        tok.to_ascii_lowercase()
    } else {
        tok.to_lowercase().replace('\u{2019}', "'")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CharIndex;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .tokens
            .iter()
            .map(|t| t.span.text(text))
            .collect()
    }

    #[test]
    fn tokens_keep_abbreviations_and_split_possessives() {
        assert_eq!(
            words("The U.S. envoy met Al-Assad's aide in Washington, D.C. on May 9."),
            [
                "The",
                "U.S.",
                "envoy",
                "met",
                "Al-Assad",
                "'s",
                "aide",
                "in",
                "Washington",
                ",",
                "D.C.",
                "on",
                "May",
                "9",
                "."
            ]
        );
        assert_eq!(
            words("Russia’s role, O'Brien didn't"),
            ["Russia", "’s", "role", ",", "O'Brien", "didn", "'", "t"]
        );
    }

    #[test]
    fn capitals_hyphened_to_a_name_are_two_names() {
        assert_eq!(
            words("US-North Korea talks, a UN-led plan, F-16 and Al-Assad"),
            [
                "US", "-", "North", "Korea", "talks", ",", "a", "UN-led", "plan", ",", "F-16",
                "and", "Al-Assad"
            ]
        );
    }

    #[test]
    fn an_initial_keeps_its_dot_inside_a_sentence() {
        assert_eq!(
            words("George W. Bush met Plan B."),
            ["George", "W.", "Bush", "met", "Plan", "B", "."]
        );
    }

    #[test]
    fn a_long_line_is_cut_only_where_a_sentence_ends() {
        let line = "Officials met in Vik on Tuesday. Mr. Berg said the deal was done. ".repeat(200);
        let line = line.trim_end();
        let pieces = line_pieces(line);
        assert!(pieces.len() > 2, "{} pieces", pieces.len());
        for (a, b) in pieces.iter().zip(&pieces[1..]) {
            assert!(a.end - a.start <= MAX_PIECE);
            assert!(
                line[..a.end].ends_with("done."),
                "cut after {:?}",
                &line[a.end - 10..a.end]
            );
            assert_eq!(b.start, a.end + 1);
        }
        assert_eq!(pieces.last().map(|p| p.end), Some(line.len()));
        let t = tokenize(line);
        assert_eq!(t.sentences.len(), 400);
        assert!(t.sentences.iter().all(
            |s| s.span.text(line).ends_with("Tuesday.") || s.span.text(line).ends_with("done.")
        ));
    }

    #[test]
    fn sentences_respect_lines_and_abbreviations() {
        let text = "Mr. Smith met U.S. officials. He left.\nHeading here\n\nLast line.";
        let t = tokenize(text);
        let s: Vec<&str> = t.sentences.iter().map(|s| s.span.text(text)).collect();
        assert_eq!(
            s,
            [
                "Mr. Smith met U.S. officials.",
                "He left.",
                "Heading here",
                "Last line."
            ]
        );
        assert_eq!(t.sentences[2].line, 1);
        assert_eq!(t.sentences[3].line, 3);
    }

    #[test]
    fn a_headline_run_into_the_first_sentence_is_its_own_line() {
        let sentences = |text: &str| -> Vec<String> {
            let t = tokenize(text);
            t.sentences
                .iter()
                .map(|s| format!("{}|{}", s.line, s.span.text(text)))
                .collect()
        };
        assert_eq!(
            sentences(
                "Storm Floods Coastal Towns-Rescue teams reached the villages on Monday.\nMore."
            ),
            [
                "0|Storm Floods Coastal Towns",
                "1|Rescue teams reached the villages on Monday.",
                "2|More."
            ]
        );
        // A name's particle hyphened to the surname is no headline's end.
        assert_eq!(
            sentences("Syrian President Karim al-Hashemi received the envoy in the capital."),
            ["0|Syrian President Karim al-Hashemi received the envoy in the capital."]
        );
        // A hyphened name in the headline stays whole.
        assert_eq!(
            sentences("Leader Lee Jae-Won Meets Mayor of Lyon-The two men talked for an hour."),
            [
                "0|Leader Lee Jae-Won Meets Mayor of Lyon",
                "1|The two men talked for an hour."
            ]
        );
        assert_eq!(
            sentences(
                "Ministers Weigh Ban on Flights into Vik -VIK — The ministers met on Friday."
            ),
            [
                "0|Ministers Weigh Ban on Flights into Vik",
                "1|VIK — The ministers met on Friday."
            ]
        );
        // A subheading in sentence case run into its paragraph, on any line.
        assert_eq!(
            sentences("Intro line.\nFerry service halted-The port authority said on Monday it would reopen."),
            [
                "0|Intro line.",
                "1|Ferry service halted",
                "2|The port authority said on Monday it would reopen."
            ]
        );
        assert_eq!(
            sentences("Cross-border trade-Exports to Norland rose by a third last year."),
            [
                "0|Cross-border trade",
                "1|Exports to Norland rose by a third last year."
            ]
        );
        // A compound's prefix, a name, or punctuation before the hyphen: one line.
        for text in [
            "Protesters waved anti-Government banners in the square all day long.",
            "Rebels in the mid-January offensive took two towns near the border.",
            "Ana Costa, the then-Mayor of Porto, opened the bridge on Monday.",
            "Talks stalled.-The ministers met again on Friday in the capital city.",
        ] {
            assert_eq!(tokenize(text).lines.len(), 1, "{text}");
        }
        // No sentence after the hyphen, a headline not in title case, or a
        // hyphen after the first line: one line.
        for text in [
            "Police say Smith-Jones was arrested in the city on Monday.",
            "Talks With Coca-Cola Executives Stall After Walkout",
            "Internal memos show Acme-Beta merger talks went on for weeks and more",
            "A Headline Here\nRivers Rise Across the Region-Crews were sent to the dams today.",
        ] {
            assert_eq!(
                tokenize(text).lines.len(),
                text.split('\n').count(),
                "{text}"
            );
        }
    }

    #[test]
    fn char_index_counts_code_points() {
        let text = "“Syria’s” ok";
        let ix = CharIndex::new(text);
        let b = text.find("ok").unwrap();
        assert_eq!(ix.char_of(b), 10);
        assert_eq!(ix.byte_of(10), b);
    }
}
