//! The extraction pipeline: one free function per stage, composed here.

pub mod clause;
pub mod entities;
pub mod events;
pub mod ner;
pub mod parse;
mod simultaneous;
pub mod text;
pub mod timeline;
pub mod timex;

use crate::model::{Article, Extraction, PartialDate, Span, Timex, Tokens};
use crate::resources::{Lexicon, NER_MODEL};
use ner::tagger::Model;
use ner::{Margins, NerMode};
use parse::Parser;
use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

/// One document as the stages see it, built once per text: instead of
/// threading the same four values through every function.
#[derive(Clone, Copy)]
pub struct Doc<'a> {
    /// The article text; every span indexes it.
    pub text: &'a str,
    pub toks: &'a Tokens,
    pub lex: &'a Lexicon,
    /// Photo-credit lines ("Photo: Reuters"): no names or events there.
    pub credits: &'a [Span],
    /// The dependency parser events read their participants from.
    pub parser: Option<&'a Parser>,
}

/// The extractor: the lexical resources, the name tagger and how its names
/// are combined with the rules'. Cheap to share between threads.
#[derive(Clone)]
pub struct Extractor {
    lexicon: Cow<'static, Lexicon>,
    tagger: Option<Arc<Model>>,
    mode: NerMode,
    margins: Margins,
    parser: Option<&'static Parser>,
}

impl Extractor {
    /// The bundled lexicon and tagger, names combined the default way.
    pub fn bundled() -> &'static Extractor {
        static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
        EXTRACTOR.get_or_init(|| Extractor {
            lexicon: Cow::Borrowed(Lexicon::bundled()),
            tagger: bundled_tagger(),
            mode: NerMode::default(),
            margins: Margins::default(),
            // The parse reads participants the patterns miss, at about
            // four-fifths of the speed without it (README, "A trained
            // parser under the events").
            parser: Parser::bundled(),
        })
    }

    /// Why the bundled tagger model could not be read, if it could not
    /// (the extractor then finds names by the rules alone).
    pub fn bundled_tagger_error() -> Option<&'static str> {
        bundled_tagger_read().as_ref().err().map(String::as_str)
    }

    /// The bundled tagger over another lexicon (`--lexicon`).
    pub fn with_lexicon(lexicon: Lexicon) -> Self {
        Extractor {
            lexicon: Cow::Owned(lexicon),
            ..Self::bundled().clone()
        }
    }

    /// The same extractor combining names in another way (`--ner`).
    #[must_use]
    pub fn with_mode(mut self, mode: NerMode) -> Self {
        self.mode = mode;
        self
    }

    /// The same extractor asking the tagger for other margins in hybrid
    /// mode (`train-ner --choose-margins`).
    #[must_use]
    pub fn with_margins(mut self, margins: Margins) -> Self {
        self.margins = margins;
        self
    }

    /// The same extractor with another tagger model (or none).
    #[must_use]
    pub fn with_tagger(mut self, tagger: Option<Arc<Model>>) -> Self {
        self.tagger = tagger;
        self
    }

    /// The same extractor reading participants from the bundled dependency
    /// parser's trees too (the default), where a model is bundled.
    #[must_use]
    pub fn with_parser(mut self) -> Self {
        self.parser = Parser::bundled();
        self
    }

    /// The same extractor reading participants by patterns alone
    /// (`--no-parser`).
    #[must_use]
    pub fn without_parser(mut self) -> Self {
        self.parser = None;
        self
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    pub fn tagger(&self) -> Option<&Model> {
        self.tagger.as_deref()
    }

    pub fn mode(&self) -> NerMode {
        self.mode
    }

    /// Extract an article, using its own publication date.
    pub fn extract_article(&self, article: &Article) -> Extraction {
        self.extract(&article.text, article.published)
    }

    /// Run every stage on one article text.
    pub fn extract(&self, text_in: &str, published: Option<PartialDate>) -> Extraction {
        let lex = self.lexicon();
        let toks = text::tokenize(text_in);
        let credits = ner::credit_lines(text_in, &toks);
        let timexes = timex::find_timexes(text_in, &toks, published);
        let doc = Doc {
            text: text_in,
            toks: &toks,
            lex,
            credits: &credits,
            parser: self.parser,
        };
        let rec = ner::recognize(text_in, &toks, lex, &credits);
        let rec = match &self.tagger {
            Some(model) if self.mode != NerMode::Rules => {
                let chunks = model.tag(text_in, &toks, lex, &rec);
                ner::combine(&doc, rec, &chunks, self.mode, self.margins)
            }
            _ => rec,
        };
        let rec = ner::names_in_capitals(&doc, rec);
        let (rec, filing_dates) = ner::datelines(text_in, &toks, lex, rec);
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
        let mentions = events::find_events(&doc, &res, &timex_spans, &sections);
        // A dateline's filing date ("LISBON, May 4 (Reuters) -") dates the
        // story, not the events of its first sentence.
        let event_times: Vec<Timex> = timexes
            .iter()
            .filter(|t| !filing_dates.iter().any(|f| f.contains(t.span)))
            .cloned()
            .collect();
        let (events, before) = timeline::build(&toks, &event_times, mentions);
        let lede = lede(text_in, &toks);
        Extraction {
            entities: res.entities,
            events,
            timexes,
            before,
            credits,
            lede,
        }
    }
}

/// How many sentences open the article with its news: the headline lines
/// (a title, a dateline: lines with no sentence end, at most
/// [`MAX_HEADLINE_LINES`]) and the story's first sentence.
fn lede(text: &str, toks: &Tokens) -> usize {
    let told = |s: &crate::model::Sentence| {
        let t = s
            .span
            .text(text)
            .trim_end_matches(['"', '\'', '”', '’', ')']);
        t.ends_with(['.', '!', '?', ':'])
    };
    let headlines = toks.sentences.iter().take_while(|s| !told(s)).count();
    (headlines.min(MAX_HEADLINE_LINES) + 1).min(toks.sentences.len())
}

/// Lines before the story's first sentence read as its headline.
const MAX_HEADLINE_LINES: usize = 3;

/// The bundled tagger model, read once. A model this build cannot read
/// (written for other features: the build's `data/models/ner.bin` is
/// stale) is left out, names then coming from the rules alone, so that
/// `train-ner` can still run to write the new one; the command line warns
/// ([`Extractor::bundled_tagger_error`]) and `tests/model.rs` fails.
fn bundled_tagger_read() -> &'static std::result::Result<Option<Arc<Model>>, String> {
    static TAGGER: OnceLock<std::result::Result<Option<Arc<Model>>, String>> = OnceLock::new();
    TAGGER.get_or_init(|| {
        if NER_MODEL.is_empty() {
            return Ok(None);
        }
        Model::from_bytes(NER_MODEL)
            .map(|m| Some(Arc::new(m)))
            .map_err(|e| e.to_string())
    })
}

fn bundled_tagger() -> Option<Arc<Model>> {
    bundled_tagger_read().clone().unwrap_or(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A model of another feature version would be left out quietly at
    /// run time (with the command line's warning): here it fails.
    #[test]
    fn the_bundled_tagger_model_is_read() {
        assert_eq!(Extractor::bundled_tagger_error(), None);
        assert!(Extractor::bundled().tagger().is_some());
    }
}
