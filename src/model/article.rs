//! What one article yields, and the article itself.

use super::{Entity, Event, PartialDate, Span, Timex};

/// Everything extracted from one article.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub timexes: Vec<Timex>,
    /// Pairs `(a, b)` of event indices: `a` happened before `b`.
    pub before: Vec<(usize, usize)>,
    /// Photo credits and bylines kept out of the story graph.
    pub credits: Vec<Span>,
    /// Sentences `0..lede` are the article's lede: its headline lines and
    /// the story's first sentence. What they tell is the news the rest of
    /// the article is ordered against.
    pub lede: usize,
}

/// An article as read from disk or stdin.
#[derive(Debug, Clone)]
pub struct Article {
    /// Where it came from (a path, or `-` for stdin).
    pub source: String,
    pub text: String,
    /// Publication date relative expressions are resolved against.
    pub published: Option<PartialDate>,
    /// Title: the first non-empty line.
    pub title: String,
}
