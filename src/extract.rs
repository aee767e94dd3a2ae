//! The extraction pipeline: one free function per stage, composed here.

use crate::doc::{Article, Extraction};
use crate::lexicon::Lexicon;
use crate::time::PartialDate;
use crate::{entities, events, ner, text, timeline, timex};

/// Run every stage on one article text.
pub fn extract(text_in: &str, published: Option<PartialDate>, lex: &Lexicon) -> Extraction {
    let toks = text::tokenize(text_in);
    let credits = ner::credit_lines(text_in, &toks);
    let timexes = timex::find_timexes(text_in, &toks, published);
    let rec = ner::recognize(text_in, &toks, lex, &credits);
    let rec = match &lex.ner_model {
        Some(model) if lex.ner_mode != ner::NerMode::Rules => {
            let chunks = model.tag(text_in, &toks, lex, &rec);
            ner::combine(text_in, &toks, lex, &credits, rec, &chunks, lex.ner_mode)
        }
        _ => rec,
    };
    let mut res = entities::resolve(text_in, &rec, lex);
    entities::add_nominals(text_in, &toks, lex, &mut res);
    let timex_spans: Vec<_> = timexes.iter().map(|t| t.span).collect();
    // Dated headings start sections: byte offsets of their lines.
    let sections: Vec<usize> = timexes
        .iter()
        .filter(|t| t.heading)
        .filter_map(|t| {
            toks.lines
                .iter()
                .find(|l| l.contains(t.span))
                .map(|l| l.start)
        })
        .collect();
    let mentions =
        events::find_events(text_in, &toks, &res, lex, &credits, &timex_spans, &sections);
    let (events, before) = timeline::build(&toks, &timexes, mentions);
    Extraction {
        entities: res.entities,
        events,
        timexes,
        before,
        credits,
    }
}

/// Extract an article, using its own publication date.
pub fn extract_article(article: &Article, lex: &Lexicon) -> Extraction {
    extract(&article.text, article.published, lex)
}

/// A `published: YYYY-MM-DD` front-matter line at the top of the text.
/// Returns the date and the byte offset where the article body starts.
pub fn front_matter_date(text: &str) -> Option<(PartialDate, usize)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n').take(10) {
        let l = line.trim();
        offset += line.len();
        if let Some(v) = l.strip_prefix("published:") {
            let d = PartialDate::parse(v.trim().trim_matches('"'))?;
            // Skip the rest of a `---` block.
            let rest = &text[offset..];
            let extra = if text.starts_with("---") {
                rest.find("---\n").map_or(0, |p| p + 4)
            } else {
                0
            };
            return Some((d, offset + extra));
        }
        if !(l.is_empty() || l == "---" || l.contains(':')) {
            break;
        }
    }
    None
}

/// A `YYYY-MM-DD` date inside a file name ("dw-2017-05-10-lavrov.txt").
pub fn date_in_name(name: &str) -> Option<PartialDate> {
    let b = name.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let s = name.get(i..i + 10)?;
        let ok = s.bytes().enumerate().all(|(k, c)| {
            if k == 4 || k == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
        let bounded = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        (ok && bounded)
            .then(|| PartialDate::parse(s))
            .flatten()
            .filter(|d| d.day.is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_dates_from_front_matter_and_names() {
        let (d, off) =
            front_matter_date("---\npublished: 2020-01-02\ntitle: x\n---\nBody").unwrap();
        assert_eq!(d.to_string(), "2020-01-02");
        assert_eq!(
            &"---\npublished: 2020-01-02\ntitle: x\n---\nBody"[off..],
            "Body"
        );
        assert_eq!(front_matter_date("Just text.\npublished: 2020-01-02"), None);
        assert_eq!(
            date_in_name("dw-2017-05-10-lavrov.txt")
                .unwrap()
                .to_string(),
            "2017-05-10"
        );
        assert_eq!(date_in_name("report-12017-05-101.txt"), None);
    }
}
