//! Plain data types that flow through the pipeline.
//!
//! text → [`Sentence`]s of [`Token`]s → [`Mention`]s → [`Entity`]s →
//! [`Event`]s with [`Timex`]es → ordered [`Extraction`].
//!
//! Every span is a byte range into the original article text ([`Span`]);
//! conversion to the code-point offsets of FORMAT.md and NIF happens only at
//! the output edges ([`crate::json`], [`crate::rdf`]).

use std::fmt;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityType {
    Person,
    Organization,
    Country,
    Place,
}

impl EntityType {
    pub const ALL: [EntityType; 4] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Country,
        EntityType::Place,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Organization => "Organization",
            EntityType::Country => "Country",
            EntityType::Place => "Place",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a mention was recognized: kept for provenance and for debugging rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// A gazetteer entry (index into the gazetteer).
    Gazetteer(usize),
    /// A title before a name, a given name, an organization pattern...
    Pattern(&'static str),
    /// A shorter form of a name recognized earlier in the document.
    Alias,
    /// A definite description referring back to a named entity ("the company").
    Nominal,
}

/// A span of text that names an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The name itself ("Donald Trump").
    pub span: Span,
    /// The whole mention as news annotation marks it, with a title or a
    /// leading article ("President Donald Trump", "the United States").
    pub extent: Span,
    pub kind: EntityType,
    pub evidence: Evidence,
    /// First token index of the mention.
    pub first_token: usize,
    /// One past the last token index.
    pub end_token: usize,
}

/// A role or affiliation stated in the text ("Russian Foreign Minister").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attributes {
    /// Lowercased job title as written ("foreign minister").
    pub job_title: Option<String>,
    /// Entity index of a country the person belongs to (demonym or "US ...").
    pub nationality: Option<usize>,
    /// Entity index of an organization the person is a member of.
    pub member_of: Option<usize>,
}

/// One real-world thing the article talks about, with all its mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub kind: EntityType,
    /// The longest proper name the text uses for it.
    pub name: String,
    /// The gazetteer's name for it ("Apple Inc." for "Apple"), which names
    /// it the same way in every article.
    pub canonical: Option<String>,
    pub mentions: Vec<Span>,
    /// The same mentions with their annotation extent (see [`Mention::extent`]).
    pub extents: Vec<Span>,
    /// Wikidata Q-id from the gazetteer, if any.
    pub wikidata: Option<String>,
    pub attributes: Attributes,
}

impl Entity {
    /// The name it goes by in the graph: the gazetteer's, else the text's.
    pub fn label(&self) -> &str {
        self.canonical.as_deref().unwrap_or(&self.name)
    }
}

/// A normalized time expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub span: Span,
    /// TIMEX3-style value: `2017-05-10`, `2017-05`, `2016`, `2017-W19`,
    /// `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`.
    pub value: String,
    /// True for a dated heading ("May 9, 2017: Comey fired") that governs
    /// the lines under it.
    pub heading: bool,
    /// End of a heading's range ("May - July 2016" → `2016-07`).
    pub range_end: Option<String>,
    /// The value was computed from the context date ("two months later",
    /// "the next day") rather than read from the text.
    pub anchored: bool,
}

impl Timex {
    /// The value as a calendar date of day, month or year granularity.
    pub fn date(&self) -> Option<crate::time::PartialDate> {
        crate::time::PartialDate::parse(&self.value)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Agent,
    Patient,
    Participant,
    Place,
}

impl Role {
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Patient => "patient",
            Role::Participant => "participant",
            Role::Place => "place",
        }
    }
}

/// Whether the event is said to have happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modality {
    Asserted,
    Negated,
    /// Scheduled or intended: "will meet", "plans to visit".
    Planned,
    /// Possible only: "could strike", "threatened to bomb", "the possibility
    /// of an explosion".
    Hypothetical,
}

impl Modality {
    pub const fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
        }
    }

    /// Said to have happened or to be scheduled: an event of the world, as
    /// opposed to one denied or only imagined.
    pub const fn realized(self) -> bool {
        matches!(self, Modality::Asserted | Modality::Planned)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// Index into [`Extraction::entities`].
    pub entity: usize,
    pub role: Role,
}

/// Something that happened, with its participants and time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Event type name from the trigger lexicon (`Meeting`, `Dismissal`...).
    pub kind: String,
    /// The trigger word of the first mention.
    pub trigger: Span,
    /// Further trigger spans that refer to the same happening.
    pub coreferent: Vec<Span>,
    /// Lemma of the trigger ("meet", "fire").
    pub lemma: String,
    pub participants: Vec<Participant>,
    /// Normalized date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), if the text fixes it.
    pub date: Option<crate::time::PartialDate>,
    pub modality: Modality,
    /// Sentence the trigger is in.
    pub sentence: usize,
}

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
}

/// An article as read from disk or stdin.
#[derive(Debug, Clone)]
pub struct Article {
    /// Where it came from (a path, or `-` for stdin).
    pub source: String,
    pub text: String,
    /// Publication date relative expressions are resolved against.
    pub published: Option<crate::time::PartialDate>,
    /// Title: the first non-empty line.
    pub title: String,
}
