//! An extraction as RDF: the vocabulary, the quads of an article's graph,
//! and the cross-article links decided from the set of articles.

pub mod links;
mod nquads;
mod quads;
pub mod vocab;

pub use nquads::write_nquads;
pub use quads::*;
