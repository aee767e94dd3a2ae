//! `newsgraph train-ner`: train the name tagger and write its model file.

use super::Config;
use newsgraph::error::{Error, Result};
use std::path::Path;
use std::process::ExitCode;

pub(super) fn run(cfg: &Config, gum: &Path, epochs: usize, output: &Path) -> Result<ExitCode> {
    // Train on the rules' own output: the rules are features.
    let extractor = cfg.extractor()?;
    let (model, report) =
        newsgraph::train::train_dir(gum, extractor.lexicon(), epochs, |m| eprintln!("{m}"))?;
    std::fs::write(output, model.to_bytes()).map_err(|e| Error::io(output, e))?;
    eprintln!(
        "{} features → {}; rebuild (cargo build --release) to embed it",
        report.features,
        output.display()
    );
    Ok(ExitCode::SUCCESS)
}
