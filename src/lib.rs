//! newsgraph: English news articles → an RDF knowledge graph of people,
//! organizations, countries, places and dated, ordered events.
//!
//! The pipeline is a one-way flow of plain data types (see [`doc`]):
//! [`text`] → [`timex`] and [`ner`] → [`entities`] → [`events`] →
//! [`timeline`] → [`rdf`] → [`store`]. See ARCHITECTURE.md.

pub mod bench;
pub mod conllu;
pub mod doc;
pub mod dot;
pub mod entities;
pub mod error;
pub mod eval;
pub mod events;
pub mod extract;
pub mod ingest;
pub mod json;
pub mod lexicon;
pub mod ner;
pub mod queries;
pub mod rdf;
pub mod score;
pub mod store;
pub mod tagger;
pub mod text;
pub mod time;
pub mod timeline;
pub mod timex;
pub mod train;
pub mod vocab;

pub use error::{Error, Result};
