//! Part-of-speech tags and dependency trees for sentences: a greedy
//! averaged-perceptron UPOS tagger ([`pos`]) feeding a greedy arc-hybrid
//! transition parser ([`arc`]) trained with a dynamic oracle, both over
//! Universal Dependencies' universal tags and relations (no subtypes).
//!
//! Both models live in one file (`data/models/parser.bin`, embedded by
//! [`crate::resources::models`]), written by `newsgraph train-parser` from
//! the UD English Web Treebank and GUM. A second file,
//! `parser-beam.bin` (`train-parser --beam 8`), holds the same tagger and
//! a parser trained with a beam ([`arc::beam`]): more accurate, many times
//! slower, what `newsgraph parse` uses. The parser works on token forms
//! only; it knows nothing of the rest of the pipeline.

pub(crate) mod arc;
pub(crate) mod layout;
pub(crate) mod perceptron;
pub(crate) mod pos;

use crate::error::Result;
use perceptron::{bad, take, take_u32, take_u64, Weights};
use std::sync::OnceLock;

/// Universal part-of-speech tags (UD v2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(clippy::upper_case_acronyms)]
pub enum Upos {
    ADJ,
    ADP,
    ADV,
    AUX,
    CCONJ,
    DET,
    INTJ,
    NOUN,
    NUM,
    PART,
    PRON,
    PROPN,
    PUNCT,
    SCONJ,
    SYM,
    VERB,
    X,
}

/// The tags in index order.
pub const UPOS: [Upos; 17] = {
    use Upos::*;
    [
        ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM,
        VERB, X,
    ]
};
const UPOS_NAMES: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

impl Upos {
    /// The tag's name as CoNLL-U writes it.
    pub fn as_str(self) -> &'static str {
        UPOS_NAMES[self as usize]
    }

    /// Parse a tag name; `None` for anything that is not a UD v2 tag.
    pub fn parse(s: &str) -> Option<Upos> {
        UPOS_NAMES.iter().position(|n| *n == s).map(|i| UPOS[i])
    }
}

impl std::fmt::Display for Upos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The universal dependency relations (UD v2), in index order.
pub const DEPRELS: [&str; 37] = [
    "acl",
    "advcl",
    "advmod",
    "amod",
    "appos",
    "aux",
    "case",
    "cc",
    "ccomp",
    "clf",
    "compound",
    "conj",
    "cop",
    "csubj",
    "dep",
    "det",
    "discourse",
    "dislocated",
    "expl",
    "fixed",
    "flat",
    "goeswith",
    "iobj",
    "list",
    "mark",
    "nmod",
    "nsubj",
    "nummod",
    "obj",
    "obl",
    "orphan",
    "parataxis",
    "punct",
    "reparandum",
    "root",
    "vocative",
    "xcomp",
];

/// A universal dependency relation, an index into [`DEPRELS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Deprel(u8);

impl Deprel {
    /// The relation of a word to the root.
    pub const ROOT: Deprel = Deprel(34);
    /// The catch-all relation.
    pub const DEP: Deprel = Deprel(14);

    /// The relation's name (`nsubj`).
    pub fn as_str(self) -> &'static str {
        DEPRELS[self.0 as usize]
    }

    /// The universal relation of a UD relation name: the subtype after `:`
    /// is dropped (`nmod:poss` → `nmod`); unknown names give `None`.
    pub fn parse(s: &str) -> Option<Deprel> {
        let base = s.split(':').next().unwrap_or(s);
        DEPRELS
            .iter()
            .position(|n| *n == base)
            .map(|i| Deprel(i as u8))
    }

    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }

    pub(crate) fn from_index(i: usize) -> Deprel {
        Deprel(i as u8)
    }
}

impl std::fmt::Display for Deprel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A tagged and parsed sentence, one entry per token in each vector.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parse {
    /// Universal part-of-speech tag of each token.
    pub upos: Vec<Upos>,
    /// Each token's head as a 0-based token index; `None` for the root.
    pub head: Vec<Option<usize>>,
    /// Each token's universal relation to its head.
    pub deprel: Vec<Deprel>,
}

impl Parse {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.upos.len()
    }

    /// True for a sentence without tokens.
    pub fn is_empty(&self) -> bool {
        self.upos.is_empty()
    }
}

/// The beam a model trained with a beam parses with. Wider than training's
/// pays: on the EWT dev split the bundled model (trained with 8) gets LAS
/// 0.8225 with 8, 0.8244 with 16 and 0.8242 with 32 (twice the time).
pub const DECODE_BEAM: usize = 16;

const MAGIC: &[u8; 8] = b"NGPARS1\n";
/// Bytes before the weights: magic, version, fingerprint, epochs, beam.
use layout::HEADER;

/// Version of the feature sets: bump it whenever the features of the tagger
/// or the parser change, so that a stale model is noticed.
pub const FEATURE_VERSION: u32 = 2;

/// Header of a model file: what it was trained from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Provenance {
    /// [`fingerprint`] of the training data and settings.
    pub fingerprint: u64,
    /// Training passes of the tagger.
    pub pos_epochs: u32,
    /// Training passes of the parser.
    pub parse_epochs: u32,
    /// Width of the beam the parser was trained with (1: greedy).
    pub beam: u32,
}

/// A fingerprint of everything a model depends on: the training file's
/// bytes, [`FEATURE_VERSION`], the epochs, the beam and the parser's cap on
/// features (0: none; it mixes in nothing then, so the fingerprints of
/// models trained before there was a cap stay as they were).
pub fn fingerprint(
    training_data: &[u8],
    pos_epochs: u32,
    parse_epochs: u32,
    beam: u32,
    max_features: u32,
) -> u64 {
    let mut h = perceptron::mix(0x7061_7273, u64::from(FEATURE_VERSION));
    h = perceptron::mix(h, u64::from(pos_epochs));
    h = perceptron::mix(h, u64::from(parse_epochs));
    h = perceptron::mix(h, u64::from(beam));
    if max_features > 0 {
        h = perceptron::mix(h, u64::from(max_features));
    }
    for chunk in training_data.chunks(8) {
        let mut b = [0u8; 8];
        b[..chunk.len()].copy_from_slice(chunk);
        h = perceptron::mix(h, u64::from_le_bytes(b));
    }
    perceptron::mix(h, training_data.len() as u64)
}

/// The tagger and the parser models.
#[derive(Debug, Clone)]
pub struct Parser {
    pub(crate) tagger: Weights,
    pub(crate) parser: Weights,
    /// What the models were trained from.
    pub provenance: Provenance,
}

impl Parser {
    /// The bundled greedy models (`data/models/parser.bin`, in the layout
    /// the build wrote), read once; `None` if the build has no usable model
    /// file. Fast: extraction's.
    pub fn bundled() -> Option<&'static Parser> {
        static PARSER: OnceLock<Option<Parser>> = OnceLock::new();
        PARSER
            .get_or_init(|| Parser::from_layout(crate::resources::models::PARSER_LAYOUT).ok())
            .as_ref()
    }

    /// The bundled models with the parser trained with a beam
    /// (`data/models/parser-beam.bin`), read once; `None` if the build has
    /// no usable model file. More accurate, many times slower: `parse`'s.
    pub fn bundled_beam() -> Option<&'static Parser> {
        static PARSER: OnceLock<Option<Parser>> = OnceLock::new();
        PARSER
            .get_or_init(|| Parser::from_bytes(crate::resources::models::PARSER_BEAM_MODEL).ok())
            .as_ref()
    }

    /// Tag and parse one sentence given its token forms, with the
    /// [`Parser::default_beam`].
    pub fn parse_sentence(&self, forms: &[&str]) -> Parse {
        self.parse_sentence_with(forms, self.default_beam())
    }

    /// The beam to parse with: 1 for a greedy model; for a model trained
    /// with a beam, [`DECODE_BEAM`].
    pub fn default_beam(&self) -> usize {
        if self.provenance.beam > 1 {
            DECODE_BEAM
        } else {
            1
        }
    }

    /// Tag and parse one sentence keeping the `beam` best configurations
    /// (1: greedy); a narrower beam than the model's is faster and less
    /// accurate.
    pub fn parse_sentence_with(&self, forms: &[&str], beam: usize) -> Parse {
        let words = pos::Words::new(forms);
        let upos = pos::tag(&self.tagger, &words);
        let (head, deprel) = match beam {
            0 | 1 => arc::parse(&self.parser, &words, &upos),
            k => arc::beam::parse(&self.parser, &words, &upos, k),
        };
        Parse { upos, head, deprel }
    }

    /// Only the tags of one sentence.
    pub fn tag_sentence(&self, forms: &[&str]) -> Vec<Upos> {
        pos::tag(&self.tagger, &pos::Words::new(forms))
    }

    /// Number of features of the tagger and of the parser.
    pub fn feature_counts(&self) -> (usize, usize) {
        (self.tagger.len(), self.parser.len())
    }

    /// Serialize: magic, feature version, provenance, tagger weights,
    /// parser weights (see [`perceptron::Weights::write`]); little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&self.provenance.fingerprint.to_le_bytes());
        out.extend_from_slice(&self.provenance.pos_epochs.to_le_bytes());
        out.extend_from_slice(&self.provenance.parse_epochs.to_le_bytes());
        out.extend_from_slice(&self.provenance.beam.to_le_bytes());
        self.tagger.write(&mut out);
        self.parser.write(&mut out);
        out
    }

    /// Read the header of a model file written by [`Parser::to_bytes`].
    pub fn provenance_of(bytes: &[u8]) -> Result<Provenance> {
        let mut b = bytes;
        if take(&mut b, 8)? != MAGIC {
            return Err(bad("not a newsgraph parser model (bad header)"));
        }
        let version = take_u32(&mut b)?;
        if version != FEATURE_VERSION {
            return Err(bad(&format!(
                "feature version {version}, this build has {FEATURE_VERSION}: retrain"
            )));
        }
        Ok(Provenance {
            fingerprint: take_u64(&mut b)?,
            pos_epochs: take_u32(&mut b)?,
            parse_epochs: take_u32(&mut b)?,
            beam: take_u32(&mut b)?,
        })
    }

    /// Read a model file written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        Self::with_tables(bytes, Weights::read)
    }

    /// Read a model in the layout [`layout::convert`] writes: its tables
    /// are copied as they are, nothing is hashed or inserted.
    pub(crate) fn from_layout(bytes: &[u8]) -> Result<Self> {
        Self::with_tables(bytes, Weights::from_layout)
    }

    /// The header, then the tagger's and the parser's tables as `table`
    /// reads them.
    fn with_tables<'a>(
        bytes: &'a [u8],
        table: impl Fn(&mut &'a [u8], usize) -> Result<Weights>,
    ) -> Result<Self> {
        let provenance = Self::provenance_of(bytes)?;
        let mut b = &bytes[HEADER..];
        let tagger = table(&mut b, pos::N_TAGS)?;
        let parser = table(&mut b, arc::N_ACTIONS)?;
        if !b.is_empty() {
            return Err(bad("trailing bytes"));
        }
        Ok(Parser {
            tagger,
            parser,
            provenance,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in UPOS {
            assert_eq!(Upos::parse(t.as_str()), Some(t));
        }
        assert_eq!(Deprel::parse("nmod:poss").unwrap().as_str(), "nmod");
        assert_eq!(Deprel::parse("root"), Some(Deprel::ROOT));
        assert_eq!(Deprel::parse("dep"), Some(Deprel::DEP));
        assert_eq!(Deprel::parse("nonsense"), None);
    }

    #[test]
    fn the_embedded_layout_is_the_model_file() {
        let file = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/models/parser.bin"
        ))
        .unwrap();
        let bundled = Parser::bundled().expect("the build embeds the parser");
        assert_eq!(bundled.to_bytes(), file);
        let read = Parser::from_bytes(&file).unwrap();
        let forms = ["Ana", "Costa", "met", "the", "board", "on", "Monday", "."];
        assert_eq!(bundled.parse_sentence(&forms), read.parse_sentence(&forms));
    }

    #[test]
    fn garbage_is_rejected() {
        assert!(Parser::from_bytes(b"").is_err());
        assert!(Parser::from_bytes(b"NGPARS1\nxxxx").is_err());
    }
}
