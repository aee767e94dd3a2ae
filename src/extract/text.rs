//! Stage 1: text → lines, sentences and tokens.
//!
//! Lines (split on `\n`) are the paragraphs and headings of a news text;
//! sentences are found inside each line by `sentencex`, which knows the
//! abbreviations of news English ("U.S.", "Jan.", "Mr."). Tokens carry byte
//! spans into the original text.

use crate::model::{Sentence, Shape, Span, Token, Tokens};

/// Split and tokenize `text`.
pub fn tokenize(text: &str) -> Tokens {
    let mut out = Tokens::default();
    let mut line_start = 0;
    for (line_no, raw) in text.split('\n').enumerate() {
        let line_span = trim_span(text, Span::new(line_start, line_start + raw.len()));
        line_start += raw.len() + 1;
        out.lines.push(line_span);
        if line_span.is_empty() {
            continue;
        }
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
    out
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
                        || j == '/' && is_digitish(&chars, i))
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
            lower: tok_text.to_lowercase().replace('\u{2019}', "'"),
        });
    }
}

fn is_digitish(chars: &[(usize, char)], i: usize) -> bool {
    i > 0
        && chars[i - 1].1.is_ascii_digit()
        && chars.get(i + 1).is_some_and(|x| x.1.is_ascii_digit())
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
    fn char_index_counts_code_points() {
        let text = "“Syria’s” ok";
        let ix = CharIndex::new(text);
        let b = text.find("ok").unwrap();
        assert_eq!(ix.char_of(b), 10);
        assert_eq!(ix.byte_of(10), b);
    }
}
