//! newsgraph: English news articles → an RDF knowledge graph of people,
//! organizations, countries, places and dated, ordered events.
//!
//! The folders are the pipeline, and imports flow one way (ARCHITECTURE.md;
//! `tests/architecture.rs` checks it):
//!
//! - [`model`]: the plain types passed between stages;
//! - [`resources`]: the bundled data files (gazetteers, lexicons, word lists, models);
//! - [`extract`]: text → tokens → mentions → entities → events with roles and time → order;
//! - [`input`]: articles from files, directories and stdin;
//! - [`json`]: an extraction as a FORMAT.md document;
//! - [`graph`]: an extraction as RDF quads, every IRI from [`graph::vocab`];
//! - [`store`]: the Oxigraph store, the only module that touches it;
//! - [`query`]: canned SPARQL questions, result formats, diagrams;
//! - [`ingest`]: articles into the store, batch by batch;
//! - [`push`]: the store's graphs into a remote SPARQL store (Graph Store Protocol);
//! - [`serve`]: the SPARQL endpoint, canned queries, diagrams and web page over HTTP; ingests sent to it;
//! - [`eval`]: the FORMAT.md scorer, `eval` and `bench`;
//! - [`train`]: training the name tagger.

pub mod error;
pub mod eval;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod input;
pub mod json;
pub mod model;
pub mod push;
pub mod query;
pub mod resources;
pub mod serve;
pub mod store;
pub mod train;

pub use error::{Error, Result};
