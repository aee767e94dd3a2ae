//! Entities and the mentions that name them.

use super::Span;
use std::fmt;

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
    /// A dateline's place or agency ("LYON, France (Nordic Wire) —"), with
    /// its gazetteer entry where it has one.
    Dateline(Option<usize>),
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
