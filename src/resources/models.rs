//! The statistical models other than the name tagger, embedded in the
//! binary.

/// The UPOS tagger and dependency parser (`data/models/parser.bin`, written
/// by `newsgraph train-parser`; read by
/// [`crate::extract::parse::Parser::bundled`]).
pub(crate) const PARSER_MODEL: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/models/parser.bin"
));
