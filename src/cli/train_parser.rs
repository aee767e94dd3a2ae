//! `newsgraph train-parser`: train the UPOS tagger and dependency parser
//! and write their model file (`data/models/parser.bin`, or
//! `parser-beam.bin` with a beam).

use newsgraph::error::{Error, Result};
use newsgraph::train::parser::{self, Settings};
use std::path::Path;
use std::process::ExitCode;

pub(super) fn run(
    ud: &[std::path::PathBuf],
    dev: Option<&Path>,
    settings: Settings,
    dir: &Path,
) -> Result<ExitCode> {
    let start = std::time::Instant::now();
    let (model, _report) = parser::train(ud, dev, settings, |m| {
        eprintln!("[{:>6.1}s] {m}", start.elapsed().as_secs_f64())
    })?;
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let out = dir.join(settings.file_name());
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).map_err(|e| Error::io(&out, e))?;
    let (tf, pf) = model.feature_counts();
    eprintln!(
        "{tf} tagger and {pf} parser features, {:.1} MB → {} in {:.0}s; rebuild (cargo build --release) to embed it",
        bytes.len() as f64 / 1e6,
        out.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
