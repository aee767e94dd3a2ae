//! The bundled data (`data/`) and user lexicons, loaded once: gazetteers,
//! titles, names, event triggers, word lists and models.

mod lexicon;
pub mod models;
pub mod words;

pub use lexicon::*;
