//! `newsgraph parse`: tag and parse a text (tokenized by the extractor's
//! own tokenizer) or the sentences of a CoNLL-U file, writing CoNLL-U.

use newsgraph::error::{Error, Result};
use newsgraph::extract::parse::{Parser, DECODE_BEAM};
use newsgraph::train::ud::{self, UdSentence};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub(super) fn run(file: &Path, tokenized: bool, beam: Option<usize>) -> Result<ExitCode> {
    // Greedy with the fast model, or a beam with the one trained for it.
    let (parser, beam) = match beam {
        Some(1) => (Parser::bundled(), 1),
        Some(k) => (Parser::bundled_beam(), k),
        None => (Parser::bundled_beam(), DECODE_BEAM),
    };
    let parser = parser.ok_or_else(|| {
        Error::Usage(
            "this build has no parser model: run `newsgraph train-parser` (and `--beam 8`) and rebuild"
                .into(),
        )
    })?;
    let sents = if tokenized {
        ud::read(file)?
    } else {
        let text = std::fs::read_to_string(file).map_err(|e| Error::io(file, e))?;
        let toks = newsgraph::extract::text::tokenize(&text);
        toks.sentences
            .iter()
            .enumerate()
            .map(|(k, s)| UdSentence {
                id: Some((k + 1).to_string()),
                text: Some(
                    s.span
                        .text(&text)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
                forms: toks.tokens[s.tokens.clone()]
                    .iter()
                    .map(|t| t.span.text(&text).to_string())
                    .collect(),
                ..UdSentence::default()
            })
            .collect()
    };
    let mut w = std::io::BufWriter::new(std::io::stdout().lock());
    let mut out = String::new();
    for s in &sents {
        let p = parser.parse_sentence_with(&s.form_refs(), beam);
        out.clear();
        ud::write(&[(s, &p)], &mut out).expect("writing to a String");
        w.write_all(out.as_bytes()).map_err(Error::Serialize)?;
    }
    w.flush().map_err(Error::Serialize)?;
    Ok(ExitCode::SUCCESS)
}
