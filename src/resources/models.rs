//! The statistical models other than the name tagger, embedded in the
//! binary.

/// The UPOS tagger and dependency parser (`data/models/parser.bin`, written
/// by `newsgraph train-parser`) in the in-memory layout the build script
/// converts it to (empty if it could not); read by
/// [`crate::extract::parse::Parser::bundled`].
pub(crate) const PARSER_LAYOUT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/parser.layout"));

/// The same tagger with a parser trained with a beam (more accurate, many
/// times slower; `data/models/parser-beam.bin`, written by `newsgraph
/// train-parser --beam 8`; read by
/// [`crate::extract::parse::Parser::bundled_beam`]).
pub(crate) const PARSER_BEAM_MODEL: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/models/parser-beam.bin"
));
