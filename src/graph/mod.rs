//! An extraction as RDF: the vocabulary, the quads of an article's graph,
//! and the cross-article links decided from the set of articles.

pub mod links;
mod quads;
pub mod vocab;

pub use quads::*;
