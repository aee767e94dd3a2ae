//! `newsgraph train-ner`: train the name tagger and write its model file,
//! or (`--held-out`) measure it on each genre left out of training.

use super::Config;
use newsgraph::error::{Error, Result};
use newsgraph::train::{self, NerData};
use std::path::Path;
use std::process::ExitCode;

pub(super) fn run(
    cfg: &Config,
    data: &NerData,
    epochs: usize,
    output: &Path,
    held_out: bool,
) -> Result<ExitCode> {
    // Train on the rules' own output: the rules are features.
    let extractor = cfg.extractor()?;
    if held_out {
        let rows = train::held_out(data, &extractor, epochs, |m| eprintln!("{m}"))?;
        println!("genre held out  docs  gold | rules strict lenient | tagger strict lenient | hybrid strict lenient");
        for r in &rows {
            let cells: Vec<String> = r
                .modes
                .iter()
                .map(|(_, c)| format!("{:.3}  {:.3}", c.strict_f1(), c.lenient_f1()))
                .collect();
            println!(
                "{:<14} {:>5} {:>5} | {} | {} | {}",
                r.genre, r.documents, r.modes[0].1.gold, cells[0], cells[1], cells[2]
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let (model, report) =
        train::train_ner(data, extractor.lexicon(), epochs, |m| eprintln!("{m}"))?;
    std::fs::write(output, model.to_bytes()).map_err(|e| Error::io(output, e))?;
    eprintln!(
        "{} features → {}; rebuild (cargo build --release) to embed it",
        report.features,
        output.display()
    );
    Ok(ExitCode::SUCCESS)
}
