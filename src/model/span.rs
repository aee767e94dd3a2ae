//! Spans into the article text and the tokens that cover it.

/// A `[start, end)` byte range into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// Coarse shape of a token, enough for name evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// "Lavrov", "Al-Assad"
    Capitalized,
    /// "FBI", "U.S."
    Upper,
    /// "talks"
    Lower,
    /// "2017", "15-year-old"
    Number,
    /// "," "(" "“"
    Punct,
    /// anything else ("iPhone", "eBay")
    Mixed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub shape: Shape,
    /// Lowercased text, with typographic apostrophes folded to `'`.
    pub lower: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index range into [`Tokens::tokens`].
    pub tokens: std::ops::Range<usize>,
    /// Index of the line ("paragraph") of the text the sentence sits on.
    pub line: usize,
}

/// The tokenized article: tokens for the whole text plus sentence ranges.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Byte spans of the text's lines (split on `\n`), trimmed.
    pub lines: Vec<Span>,
}

/// Byte offset → code-point offset conversion for one text.
pub struct CharIndex {
    /// `starts[k]` is the byte offset of the k-th char; one extra entry for
    /// the end of the text.
    starts: Vec<usize>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        starts.push(text.len());
        Self { starts }
    }

    /// Code-point offset of a byte offset (which must be a char boundary).
    pub fn char_of(&self, byte: usize) -> usize {
        self.starts.partition_point(|&b| b < byte)
    }

    pub fn byte_of(&self, ch: usize) -> usize {
        self.starts[ch.min(self.starts.len() - 1)]
    }

    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.char_of(span.start), self.char_of(span.end))
    }
}
