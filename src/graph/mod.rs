//! An extraction as RDF: the vocabulary and the quads of an article's graph.

mod quads;
pub mod vocab;

pub use quads::*;
