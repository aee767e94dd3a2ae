//! Questions over the store: canned SPARQL queries, their result formats, and
//! Graphviz views.

pub mod canned;
pub mod dot;
